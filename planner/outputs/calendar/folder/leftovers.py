"""The events the last export gave and this one does not: their state entries (sorted by UID)
and the CANCELLED tombstones of those still shown (by date then UID, a body's together), made
one at a time into unnamed temporary files (:func:`~planner.outputs.atomic.spool`).

A state file of a million events the register no longer gives made a million tombstones, and
holding them (each a revision, its tombstone's copy and its text, the texts joined again for
every feed and for ``all.ics``) took 2.7 GB. Here each entry's state line and tombstone text
are written as they are made; what stays in memory is each one's UID, start day and body and
a few offsets, until the UIDs are sorted. The tombstones are then copied once, in the order
the feeds give them, so that a body's are one stretch and ``all.ics``'s the whole file.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import IO

from planner.outputs.atomic import spool
from planner.outputs.calendar.folder.previous import Previous
from planner.outputs.calendar.folder.state import state_line
from planner.outputs.calendar.revisions import normalize_stamp, removed, still_shown, tombstone_text
from planner.outputs.calendar.uids import uid_beginning

_CHUNK = 1 << 20
_BATCH = 4096  # entries written together


class Leftovers:
    """The UIDs ``previous`` holds that this export did not take (call after the events are
    made): those of ``selected`` bodies (None: all) still live become tombstones removed at
    ``stamp``, shown for ``keep_days``; with ``drop_legacy``, the content prints of the older
    form are forgotten (unknown). ``organization``: this export's; when no UID of ``previous``
    is of it (none taken, none left: each begins otherwise than the UIDs it gives its body),
    the live ones made tombstones (the last export was another organization's) are counted
    in :attr:`foreign`, the first kept in :attr:`foreign_uid` with its body. (A UID of
    another beside ours is a state file edited, or a --force export's: cancelled as any
    other.)"""

    def __init__(self, previous: Previous, stamp: datetime, keep_days: int, selected: set[str] | None, drop_legacy: bool, near: Path, organization: str | None = None) -> None:
        self.near = near
        self.foreign = 0
        self.foreign_uid = ("", "")  # (UID, body)
        mine = organization is None or previous.took()
        beginnings: dict[str, str] = {}  # body -> how its UIDs begin

        def ours(uid: str, body: str) -> bool:
            found = beginnings.get(body)
            if found is None:
                found = beginnings[body] = uid_beginning(organization or "", body)
            return uid.startswith(found)

        lines, texts = spool(near), spool(near)
        today = normalize_stamp(stamp).date()
        uids: list[str] = []
        line_ends = array("q")  # where each entry's state line ends in lines
        text_ends = array("q")  # where each entry's tombstone ends in texts (no tombstone: where the last ended)
        starts: list[date | None] = []  # a shown tombstone's first day, else None
        bodies: list[str] = []  # a shown tombstone's body (one string per body)
        names: dict[str, str] = {}
        self.bodies: set[str] = set()  # the body of every UID left (shown or not)
        line_batch: list[bytes] = []
        text_batch: list[bytes] = []
        line_at = text_at = 0
        for uid, old in previous.left():
            if old.removed is None and (selected is None or old.body in selected):
                old = removed(old, stamp)
                if not mine and not ours(uid, old.body):
                    self.foreign += 1
                    if self.foreign == 1:
                        self.foreign_uid = (uid, old.body)
            elif drop_legacy and old.content is not None:  # a removed meeting's print of the older form: unknown
                old = replace(old, content=None)
            mine = mine or ours(uid, old.body)
            self.bodies.add(old.body)
            line = state_line(uid, old).encode() + b",\n"
            line_batch.append(line)
            line_at += len(line)
            line_ends.append(line_at)
            uids.append(uid)
            if still_shown(old, today, keep_days, selected):
                text = tombstone_text(uid, old, stamp)
                text_batch.append(text)
                text_at += len(text)
                starts.append(old.start)
                bodies.append(names.setdefault(old.body, old.body))
            else:
                starts.append(None)
                bodies.append("")
            text_ends.append(text_at)
            if len(line_batch) >= _BATCH:
                lines.write(b"".join(line_batch))
                texts.write(b"".join(text_batch))
                line_batch, text_batch = [], []
        lines.write(b"".join(line_batch))
        texts.write(b"".join(text_batch))
        del line_batch, text_batch
        if mine:
            self.foreign = 0
        lines.flush()
        texts.flush()
        order = sorted(range(len(uids)), key=uids.__getitem__)  # stable: a UID given twice keeps the file's order
        self.entries = spool(near)  # the state entries, by UID, each ending ",\n"
        _copy(lines, line_ends, order, self.entries.write)
        lines.close()
        shown = [i for i, after in zip(order, [*order[1:], -1] if order else [], strict=True) if starts[i] is not None and (after < 0 or uids[after] != uids[i])]  # of a UID given twice, the last counts
        del uids, order
        shown.sort(key=starts.__getitem__)  # by date, then UID (stably)
        del starts
        by_body: dict[str, list[int]] = {}
        for i in shown:
            by_body.setdefault(bodies[i], []).append(i)
        del shown, bodies
        self.gone = spool(near)  # the tombstones, a body's together, bodies in the order of their first
        self.stretches: dict[str, tuple[int, int]] = {}  # body -> (offset, length) of its tombstones in gone
        at = 0
        for body, places in by_body.items():
            n = _copy(texts, text_ends, places, self.gone.write)
            self.stretches[body] = (at, n)
            at += n
        self.size = at
        texts.close()
        self.entries.flush()
        self.gone.flush()

    def has(self, body: str | None) -> bool:
        """Whether the feed of ``body`` (None: all.ics) has a tombstone."""
        return self.size > 0 if body is None else body in self.stretches

    def tombstones(self, body: str | None) -> Callable[[], Iterator[bytes]]:
        """The tombstones of ``body``'s feed (None: all.ics), a megabyte at a time."""
        start, length = (0, self.size) if body is None else self.stretches.get(body, (0, 0))
        fd = self.gone.fileno()

        def pieces() -> Iterator[bytes]:
            for at in range(start, start + length, _CHUNK):
                yield os.pread(fd, min(_CHUNK, start + length - at), at)

        return pieces

    def state_entries(self) -> Iterator[bytes]:
        """The state entries, by UID, each ending ``,\\n``, a megabyte at a time."""
        fd = self.entries.fileno()
        size = self.entries.seek(0, os.SEEK_END)
        for at in range(0, size, _CHUNK):
            yield os.pread(fd, min(_CHUNK, size - at), at)

    def close(self) -> None:
        self.entries.close()
        self.gone.close()


def _copy(source: IO[bytes], ends: array[int], places: list[int], write: Callable[[bytes], object]) -> int:
    """The pieces ``places`` of ``source`` (piece i ends at ``ends[i]``, begins where i - 1
    ends) written in that order a megabyte at a time, pieces next to each other read together;
    their length. (Mapped, the pages read in UID order stayed counted in the resident size:
    some 200 MB at a million.)"""
    fd = source.fileno()
    batch: list[bytes] = []
    held = total = 0
    start = end = 0
    for i in places:
        begin = ends[i - 1] if i else 0
        if begin == end and end - start < _CHUNK:
            end = ends[i]
            continue
        if end > start:
            batch.append(os.pread(fd, end - start, start))
            held += end - start
            if held >= _CHUNK:
                write(b"".join(batch))
                total += held
                batch, held = [], 0
        start, end = begin, ends[i]
    if end > start:
        batch.append(os.pread(fd, end - start, start))
        held += end - start
    write(b"".join(batch))
    return total + held
