"""A re-export that would write what the last one wrote: the last export's bytes, not made again.

Most exports into a folder follow one of the same register (a daily job): every event comes
out as last time but for its DTSTAMP, which is the export's stamp (``--today``). Making a
million events again took some 17 s of CPU, and reading the state file to decide their
SEQUENCE and LAST-MODIFIED 5 s more. So an export large enough (:data:`REUSE_FROM` events)
leaves beside its state file a record (:data:`REUSE_FILE`, a few hundred kilobytes) of what
each feed was made from and where its events are:

* per body, a print of its meetings in the feeds' order (the SHA-256 of the texts their
  content prints are of: every field an event is made from, and the body's name and
  category, :func:`~planner.outputs.calendar.revisions.content_print`), their number, and the
  place and SHA-256 of its events in its feed (after the head, before the tombstones);
* the same place and SHA-256 of ``all.ics``'s events and of the state file's entries of the
  events (the entries of what left the input follow them);
* the export's stamp, the organization (in every UID), :data:`FORM` and the print of its
  inputs, when it has one (:mod:`planner.outputs.calendar.folder.given`).

The next export of every body reads the record first and compares the numbers (a meeting added
or removed costs nothing more), then the print of its inputs (the same files, options and
code: the same prints), else the prints. When every body has the same meetings and every feed,
``all.ics`` and the state file still hold the bytes recorded (read back: a hand-edited or
damaged file does not), each event would be made with the revision the last export wrote for
it, so exactly as then (no UID adopted: an export that adopted one records nothing): the
feeds' events are the bytes recorded, each DTSTAMP line replaced by the new stamp's (a line of
fixed length at the start of a line, one an event: no text value holds a line break), the
state's entries are copied, and only the tombstones (from the state's entries of what left
before, read in bulk), the heads and ``index.html`` are made again. A file that comes out byte
for byte as it was (the same stamp) is :data:`KEPT`: not written, the old one hard-linked into
the new set. Anything else (a changed meeting, another rule book, a state file of an older
version, ``--body``) makes every event as before. The record is a cache: missing, damaged or
stale, it only costs the time of making the events.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import IO, Any

from planner.core.model import Meeting, RuleBook
from planner.outputs.atomic import Spooled, spool
from planner.outputs.calendar.folder.events import FeedEvents, write_all
from planner.outputs.calendar.folder.order import date_order
from planner.outputs.calendar.folder.previous import Previous, scanned
from planner.outputs.calendar.folder.record import record_bytes
from planner.outputs.calendar.folder.state import HEAD, TAIL
from planner.outputs.calendar.ical import COMBINED, STATE_FILE, FeedBuilder
from planner.outputs.calendar.lines import END, utc

_CHUNK = 1 << 20
_EVENT_END = b"END:VEVENT\r\n"


def _stamp_line(stamp: datetime) -> bytes:
    return f"\r\nDTSTAMP:{utc(stamp)}\r\n".encode()


def _region(handle: IO[bytes], at: int, size: int, digest: str, events: int, old: bytes, new: bytes, write: Callable[[bytes], object] | None) -> str | None:
    """The ``events`` events at ``at`` (``size`` bytes) of ``handle``, given to ``write`` (if
    any) with their DTSTAMP lines ``old`` made ``new``, a megabyte at a time (cut after an
    event, so a line is never cut); the SHA-256 of what was given, or None when the events read
    are not of SHA-256 ``digest`` or have not one line ``old`` each (what was given is then to
    be thrown away)."""
    fd = handle.fileno()
    if not 0 <= at <= at + size <= os.fstat(fd).st_size:
        return None
    check = hashlib.sha256()
    made = hashlib.sha256() if old != new else check
    rest = b""
    found = 0
    for start in range(at, at + size, _CHUNK):
        block = rest + os.pread(fd, min(_CHUNK, at + size - start), start)
        cut = len(block) if start + _CHUNK >= at + size else block.rfind(_EVENT_END) + len(_EVENT_END)
        block, rest = block[:cut], block[cut:]
        check.update(block)
        found += block.count(old)
        if old != new:
            block = block.replace(old, new)
            made.update(block)
        if write is not None:
            write(block)
    if rest or found != events or check.hexdigest() != digest:
        return None
    return made.hexdigest()


class Kept:
    """A file of the new set that is byte for byte the old set's: not written, the old file
    hard-linked into the new set (:func:`~planner.outputs.file_set.write_set` keeps the files it
    is not given)."""


KEPT = Kept()


def _copy(fd: int, at: int, size: int, write: Callable[[bytes], object]) -> None:
    """``size`` bytes of ``fd`` from ``at`` to ``write``, a megabyte at a time."""
    for start in range(at, at + size, _CHUNK):
        write(os.pread(fd, min(_CHUNK, at + size - start), start))


def _same(fd: int, at: int, pieces: Iterable[bytes], end: int) -> bool:
    """Whether ``pieces`` are the bytes of ``fd`` from ``at`` to ``end``."""
    for piece in pieces:
        if os.pread(fd, len(piece), at) != piece:
            return False
        at += len(piece)
    return at == end


class Reused(FeedEvents):
    """The events of an export that gives what the last one gave (:func:`reusable`), taken
    from the last export's files by :meth:`build`; its feeds, all.ics and state then finished
    as :class:`~planner.outputs.calendar.folder.events.FeedEvents` finishes them, or, where a
    file comes out as it was (the same stamp, heads and tombstones), :data:`KEPT`."""

    def __init__(self, out: Path, record: dict[str, Any], builder: FeedBuilder, order: list[Meeting], counts: dict[str, int], heads: dict[str, bytes], combined: tuple[str, str, str | None] | None, near: Path, total: int | None = None) -> None:
        # (nothing is made: FeedEvents.__init__ is not called; ``order``: in date order or not,
        # or none at all with ``total``, their number: see feeds.written_before)
        self.out, self.record, self.builder, self.order, self.counts, self.heads, self.near = out, record, builder, order, counts, heads, near
        self.total = len(order) if total is None else total
        self.keep_legacy, self.recorder, self.feeds, self.stretches = False, None, {}, {}
        self.spool, self.by_body, self.states = spool(near), spool(near), spool(near)
        today = builder.stamp.date()
        self.coming = date_order([m for m in order if (m[4] or m[1]).latest >= today])
        self.combined = combined if self.total else None
        self.head = builder.calendar_head(*self.combined, empty=False)[0] if self.combined is not None else b""
        self.begin = len(self.head)
        self.size = 0
        self.digests: dict[str, str] = {}
        self.previous: Previous | None = None
        self.moved = False  # the stamp moved: every feed written again
        self.files: dict[str, IO[bytes]] = {}  # the old files read, open until the new set is written
        self.kept: set[str] = set()

    def build(self) -> bool:
        """The events checked against the record (and, where the stamp moved, written with the
        new DTSTAMP lines), the state's entries of what left read (:attr:`previous`); False
        when a file no longer holds what the record says."""
        try:
            old, new = _stamp_line(datetime.fromisoformat(self.record["stamp"])), _stamp_line(self.builder.stamp)
            self.moved = old != new
            for body in self.counts:
                at, size, digest, _print, events = self.record["bodies"][body]
                feed = self._open(f"{body}.ics")
                write = None
                if self.moved:  # the feed written again, its DTSTAMP lines new
                    self.feeds[body] = spool(self.near).detach()
                    fd = self.feeds[body].fileno()
                    write_all(fd, self.heads[body])
                    write = functools.partial(write_all, fd)
                if (made := _region(feed, at, size, digest, events, old, new, write)) is None:
                    return False
                self.digests[body] = made
            if self.combined is not None:
                if self.moved:
                    self.spool.write(self.head)
                made = _region(self._open(f"{COMBINED}.ics"), *self.record["all"], self.total, old, new, self.spool.write if self.moved else None)
                if made is None:
                    return False
                self.digests[COMBINED] = made
                self.size = self.record["all"][1]
            return self._entries()
        except (OSError, TypeError, ValueError, KeyError):  # a file gone, a record of the wrong shape
            return False

    def _open(self, name: str) -> IO[bytes]:
        handle = self.files[name] = (self.out / name).open("rb")
        return handle

    def _entries(self) -> bool:
        """The state's entries of the events checked (each ending ",\n", as made), those of
        what left (after them, the last without its comma) read as :class:`Previous`."""
        at, size, digest, _count = self.record["state"]
        fd = self._open(STATE_FILE).fileno()
        end = os.fstat(fd).st_size - len(TAIL)
        if at != len(HEAD) or os.pread(fd, len(HEAD), 0) != HEAD or os.pread(fd, len(TAIL), end) != TAIL or not len(HEAD) + 2 <= at + size <= end + 2:
            return False
        check = hashlib.sha256()
        _copy(fd, at, size - 2, check.update)
        last = b",\n" if at + size <= end else b"\n"  # what follows the entries: more, or the end (the last entry's comma dropped)
        if os.pread(fd, 2, at + size - 2)[: len(last)] != last:
            return False
        check.update(b",\n")
        if check.hexdigest() != digest:
            return False
        left = spool(self.near)
        left.write(HEAD)
        _copy(fd, at + size, end - at - size, left.write)
        left.write(TAIL)
        left.flush()
        left.seek(0)
        self.previous = scanned(left)
        return self.previous is not None

    def feed(self, body: str, gone: Callable[[], Iterable[bytes]]) -> Spooled | Kept | None:
        if self.moved or not self.counts.get(body):
            return super().feed(body, gone)
        return self._kept(f"{body}.ics", self.heads[body], *self.record["bodies"][body][:2], gone)

    def all_ics(self, gone: Callable[[], Iterable[bytes]]) -> Spooled | Kept | None:
        if self.moved or self.combined is None:
            return super().all_ics(gone)
        return self._kept(f"{COMBINED}.ics", self.head, *self.record["all"][:2], gone)

    def _kept(self, name: str, head: bytes, at: int, size: int, gone: Callable[[], Iterable[bytes]]) -> Spooled | Kept:
        """The file ``name`` of the same stamp: :data:`KEPT` when its head and tombstones are
        the old file's too, else written (the events copied)."""
        fd = self.files[name].fileno()
        if at == len(head) and os.pread(fd, at, 0) == head and _same(fd, at + size, chain(gone(), [END]), os.fstat(fd).st_size):
            self.kept.add(name)
            return KEPT
        handle = spool(self.near)
        handle.write(head)
        _copy(fd, at, size, handle.write)
        for piece in gone():
            handle.write(piece)
        handle.write(END)
        return Spooled(handle)

    def state(self, leftovers: Iterable[bytes]) -> Spooled | Kept:
        """The state file, :data:`KEPT` when the entries of what left are those of the old one
        (the events' are: :meth:`build`)."""
        at, size = self.record["state"][:2]
        fd = self.files[STATE_FILE].fileno()
        entries = spool(self.near)
        for piece in leftovers:
            entries.write(piece)
        entries.flush()
        length = entries.tell()
        before = os.fstat(fd).st_size - len(TAIL) - at - size  # the old entries of what left: without the last comma (-1: none)
        if (not length and before == -1) or (length and before == length - 1 and _same(fd, at + size, _pieces(entries.fileno(), length - 2), at + size + length - 2)):
            entries.close()
            self.kept.add(STATE_FILE)
            return KEPT
        self.states.write(HEAD)
        _copy(fd, at, size - 2, self.states.write)
        self.states.write(b",\n")
        _copy(entries.fileno(), 0, length, self.states.write)
        entries.close()
        return super().state(())

    def count(self, body: str | None = None) -> int:
        return self.total if body is None else self.counts.get(body, 0)

    def record_bytes(self, book: RuleBook, given: Mapping[str, Any] | None = None) -> bytes:
        """The record of this export: the last one's, with this one's stamp, heads and
        digests."""
        record = self.record
        bodies = {body: [len(self.heads[body]), found[1], self.digests[body], found[3], found[4]] for body, found in record["bodies"].items()}
        return record_bytes(book, self.builder.stamp, record["state"], [self.begin, record["all"][1], self.digests.get(COMBINED, "")], bodies, given)

    def close(self) -> None:
        super().close()
        for handle in self.files.values():
            handle.close()


def _pieces(fd: int, size: int) -> Iterator[bytes]:
    """The first ``size`` bytes of ``fd``, a megabyte at a time."""
    for start in range(0, size, _CHUNK):
        yield os.pread(fd, min(_CHUNK, size - start), start)
