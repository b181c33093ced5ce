"""What a large export records beside its state file (:data:`REUSE_FILE`), so that the next
one can take its events instead of making them (:mod:`planner.outputs.calendar.folder.reuse`
says what is recorded and when it is taken): the record made as the events are written
(:class:`Recorder`), read back, and compared with an export's meetings (their number, the
print of the inputs they were read from, their prints)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from array import array
from collections.abc import Mapping
from datetime import datetime
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from planner.core.model import Meeting, RuleBook
from planner.inputs.limits import JSON_BYTES_A_CONTAINER, json_containers
from planner.outputs.calendar.folder.state import HEAD
from planner.outputs.calendar.making import EventMaker
from planner.outputs.calendar.revisions import CONTENT_FORM
from planner.outputs.forking import per_key

REUSE_FILE = ".planner-reuse.json"
REUSE_FROM = 20_000  # events: below, making them again costs less than a second
FORM = f"planner-reuse 3, content {CONTENT_FORM}"  # raise it when the bytes of an event change
_MAX_RECORD = 64 << 20  # bytes of a record: some 150 for each body
_HELD = 64  # a body's content texts hashed together


def _joined(texts: list[str]) -> tuple[bytes, bytes]:
    """``texts`` (content texts) each ending in a NUL, and their lengths: hashed apart, a run
    of texts hashes the same in batches of any size, and one text never reads as two."""
    return ("\x00".join(texts) + "\x00" if texts else "").encode(), array("q", map(len, texts)).tobytes()


class _Print:
    """A body's print: the SHA-256 of its content texts and of their lengths (:func:`_joined`)."""

    def __init__(self) -> None:
        self.texts, self.lengths = hashlib.sha256(), hashlib.sha256()

    def update(self, texts: list[str]) -> None:
        """``texts`` hashed."""
        joined, lengths = _joined(texts)
        self.texts.update(joined)
        self.lengths.update(lengths)

    def hexdigest(self) -> str:
        return hashlib.sha256(self.texts.digest() + self.lengths.digest()).hexdigest()



def record_bytes(book: RuleBook, stamp: datetime, state: list[Any], combined: list[Any], bodies: dict[str, list[Any]], given: Mapping[str, Any] | None = None) -> bytes:
    """The record (see the module's text): ``state``, where the state file's entries of the
    events are, their length, SHA-256 and number; ``combined``, where all.ics's events are,
    their length and SHA-256; ``bodies``, the same of each feed, with its print and number of
    events; ``given``: ``inputs``, the print of what the export was made from
    (:mod:`~planner.outputs.calendar.folder.given`), with ``said``, the warnings reading it
    gave, and ``index``, the SHA-256 of index.html (see :func:`~planner.outputs.calendar.folder.feeds.written_before`)."""
    data = {"form": FORM, "organization": book.organization.id, "stamp": stamp.isoformat(), "inputs": None, **(given or {}), "state": state, "all": combined, "bodies": dict(sorted(bodies.items()))}
    return json.dumps(data, separators=(",", ":")).encode() + b"\n"


class Recorder:
    """What an export records while it makes its events (see the module's text), fed the
    bytes as they are written: a body's events with their content prints, all.ics's events,
    the state's entries."""

    def __init__(self) -> None:
        self.bodies: dict[str, list[Any]] = {}  # body -> [its events' SHA-256, its print (:class:`_Print`), bytes, events]
        self.all = hashlib.sha256()
        self.all_size = 0
        self.state = hashlib.sha256()
        self.state_size = 0
        self.whole = True  # False: a UID adopted (an event made from more than its meeting)
        self.others: dict[str, list[Any]] = {}  # body -> its entry, made by a forked process (see take)
        # Hashed as written, on this thread: a thread of its own (one task per 64 KB batch)
        # cost more than the hashing in GIL hand-overs and queued copies (N fresh: 14.3-14.7 s
        # wall, 241-288 MB, against 12.2-12.6 s, 199 MB).

    def done(self) -> dict[str, list[Any]]:
        """Each body's entry so far, finished (picklable): bytes, SHA-256, print, events."""
        return {body: [size, events.hexdigest(), prints.hexdigest(), n] for body, (events, prints, size, n) in self.bodies.items()}

    def take(self, done: dict[str, list[Any]], whole: bool) -> None:
        """The entries another process made (:meth:`done`) of other bodies, and whether it
        adopted no UID."""
        self.others.update(done)
        self.whole = self.whole and whole

    def body(self, body: str, events: bytes, prints: list[str]) -> None:
        found = self.bodies.get(body)
        if found is None:
            found = self.bodies[body] = [hashlib.sha256(), _Print(), 0, 0]
        found[0].update(events)
        found[1].update(prints)
        found[2] += len(events)
        found[3] += len(prints)

    def events(self, chunk: bytes) -> None:
        self.all.update(chunk)
        self.all_size += len(chunk)

    def entries(self, chunk: bytes) -> None:
        self.state.update(chunk)
        self.state_size += len(chunk)

    def record(self, book: RuleBook, stamp: datetime, heads: dict[str, bytes], begin: int, count: int, given: Mapping[str, Any] | None = None) -> bytes | None:
        """The record, None when an export must not reuse what this one made."""
        if not self.whole:
            return None
        bodies = {body: [len(heads[body]), *found] for body, found in chain(self.done().items(), self.others.items())}
        return record_bytes(book, stamp, [len(HEAD), self.state_size, self.state.hexdigest(), count], [begin, self.all_size, self.all.hexdigest()], bodies, given)


def read_record(out: Path) -> dict[str, Any] | None:
    """The record in ``out``, None when missing, no regular file or not of this form (a FIFO
    put in its place blocked the export's open for ever: opened without waiting, then refused)."""
    with contextlib.suppress(OSError, ValueError, RecursionError):
        fd = os.open(out / REUSE_FILE, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            found = os.fstat(handle.fileno())
            if stat.S_ISREG(found.st_mode) and found.st_size <= _MAX_RECORD:
                raw = handle.read()
                if json_containers(raw, _MAX_RECORD // JSON_BYTES_A_CONTAINER):
                    return None  # (64 MB of empty lists took 1.7 GB to be found no record)
                data = json.loads(raw)
                if isinstance(data, dict) and data.get("form") == FORM:
                    return data
    return None


def counted(out: Path, book: RuleBook, counts: dict[str, int]) -> dict[str, Any] | None:
    """The record of the last export into ``out`` if of this organization and ``counts``."""
    record = read_record(out)
    if record is None or record.get("organization") != book.organization.id:  # (in every UID; a body's name and category are in its print)
        return None
    bodies = record.get("bodies")
    if not isinstance(bodies, dict) or len(bodies) != len(counts) or any(not isinstance(found := bodies.get(body), list) or len(found) != 5 or found[4] != n for body, n in counts.items()):
        return None
    return record


def reusable(record: dict[str, Any], order: list[Meeting], counts: dict[str, int], maker: EventMaker, processes: int = 1) -> dict[str, Any] | None:
    """``record`` (:func:`counted`) when the last export gave the events ``order`` would give
    (every body's print of its meetings), else None. The prints are made by ``processes``
    processes, each of some bodies (:func:`~planner.outputs.forking.per_key`)."""
    bodies = record["bodies"]
    found = per_key(counts, lambda some: _prints([m for m in order if m[0] in some], maker), processes)
    return record if all(found[body] == bodies[body][3] for body in counts) else None


def _prints(order: list[Meeting], maker: EventMaker) -> dict[str, str]:
    """The print of each body of ``order`` (in the feeds' order)."""
    prints = {body: _Print() for body in dict.fromkeys(map(itemgetter(0), order))}
    held: dict[str, list[str]] = {body: [] for body in prints}
    for body, text in zip(map(itemgetter(0), order), maker.contents(order), strict=True):
        mine = held[body]
        mine.append(text)
        if len(mine) >= _HELD:
            prints[body].update(mine)
            mine.clear()
    for body, mine in held.items():
        prints[body].update(mine)
    return {body: found.hexdigest() for body, found in prints.items()}
