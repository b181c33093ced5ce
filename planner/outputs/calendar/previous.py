"""The last export's revisions as the next export needs them, without holding them all.

A state file of a million events read into :class:`Revision` objects took some 300 MB, and an
export needs little of most of them: of each event it gives again, the prints, SEQUENCE,
LAST-MODIFIED and removal day; whole revisions only of the UIDs it no longer gives (their
tombstones and state lines) and of the un-numbered events a corrected meeting may take the UID
of (:func:`~planner.outputs.calendar.revisions.adopt`). So a state file in the writer's own form
(:mod:`planner.outputs.calendar.state`) is read once, a line at a time, each line checked; what
stays in memory per event is where its line starts and a slot of a hash table of UIDs (about
24 bytes), and a line is read again (``pread``) when its UID is asked for. A file with any line
not in the writer's form (edited by hand, or older) or anything amiss is read by
:func:`~planner.outputs.calendar.state.read_state` instead, which holds it whole and says what
is damaged, as before.
"""

from __future__ import annotations

import json
import os
import re
from array import array
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

from planner.outputs.calendar.revisions import Revision
from planner.outputs.calendar.state import _MAX_EVENTS, _MAX_LINE, HEAD, TAIL, read_state

_STR = r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"'
_DAY = r'"(\d{4}-\d\d-\d\d)"'
# One entry as the writer makes it, keys sorted and empty fields left out. Groups: 1 UID,
# 2 body, 3 content, 4 end, 5 fingerprint, 6 kind, 7 last_modified, 8 numbered, 9 removed,
# 10 sequence, 11 start.
_LINE = re.compile(
    rf'({_STR}): \{{(?:"body":({_STR}),)?(?:"content":"([0-9a-f]+)",)?(?:"end":{_DAY},)?"fingerprint":"([0-9a-f]*)",(?:"kind":({_STR}),)?'
    rf'"last_modified":"([0-9T:+-]{{19,25}})",(?:"location":{_STR},)?("numbered":true,)?(?:"removed":{_DAY},)?"sequence":(0|[1-9][0-9]{{0,9}})(?:,"start":{_DAY})?(?:,"summary":{_STR})?\}},?\n'
)
_FREE = -1
_LOW = 22  # the bits of a slot that hold the line's number: 4 million lines (_MAX_EVENTS)
_NUMBER = (1 << _LOW) - 1
_POSITIVE = (1 << 63) - 1


def _text(quoted: str) -> str:
    return quoted[1:-1] if "\\" not in quoted else json.loads(quoted)


class Old(NamedTuple):
    """What deciding an event's SEQUENCE and LAST-MODIFIED needs of its last revision."""

    fingerprint: str
    sequence: int
    last_modified: datetime
    content: str | None
    removed: date | None


class Previous:
    """The revisions of the last export into a folder. :meth:`take` gives a UID's revision
    once, ``in`` asks without taking, :meth:`left` yields the revisions never taken, and
    :attr:`pool` holds the adoption candidates (as
    :func:`~planner.outputs.calendar.revisions.adoption_pool` makes them). Made by
    :func:`read_previous`, or from revisions in memory."""

    def __init__(self, revisions: dict[str, Revision] | None = None) -> None:
        self.revisions = dict(revisions or {})
        self.handle: IO[bytes] | None = None
        self.offsets = array("q")  # where each line starts, then the end of the last
        self.slots = array("q")
        self.taken = bytearray()
        self.values: dict[str, Any] = {}  # one object per distinct day and stamp
        self.pool: dict[tuple[str, str], list[tuple[date, str]]] = {}
        for uid, rev in self.revisions.items():
            if rev.removed is None and not rev.numbered and rev.start is not None:
                self.pool.setdefault((rev.body, rev.kind), []).append((rev.start, uid))

    def _line(self, number: int) -> str:
        start = self.offsets[number]
        assert self.handle is not None
        return os.pread(self.handle.fileno(), self.offsets[number + 1] - start, start).decode("ascii")

    def _find(self, uid: str) -> int:
        """The line number of ``uid``, or -1."""
        slots = self.slots
        if not slots:
            return -1
        mask = len(slots) - 1
        high = (hash(uid) & _POSITIVE) >> _LOW
        pos = high & mask
        while (entry := slots[pos]) != _FREE:
            if entry >> _LOW == high and _text(self._line(entry & _NUMBER).partition(": {")[0]) == uid:
                return entry & _NUMBER
            pos = (pos + 1) & mask
        return -1

    def __contains__(self, uid: object) -> bool:
        return isinstance(uid, str) and (uid in self.revisions or self._find(uid) >= 0)

    def take(self, uid: str) -> Old | Revision | None:
        """The last revision of ``uid``, once (a UID this export gives)."""
        if self.revisions:
            return self.revisions.pop(uid, None)
        number = self._find(uid)
        if number < 0 or self.taken[number]:
            return None
        self.taken[number] = 1
        m = _LINE.fullmatch(self._line(number))
        assert m is not None  # checked when the file was read
        values = self.values
        return Old(m[5], int(m[10]), values[m[7]], m[3], values[m[9]] if m[9] else None)

    def left(self) -> Iterator[tuple[str, Revision]]:
        """The revisions never taken."""
        yield from self.revisions.items()
        if self.handle is None:
            return
        values = self.values
        for number in range(len(self.offsets) - 1):
            if not self.taken[number]:
                line = self._line(number)
                ((uid, v),) = json.loads("{" + line[: -2 if line.endswith(",\n") else -1] + "}").items()
                dates = {k: values[v[k]] for k in ("start", "end", "removed") if v.get(k)}
                yield uid, Revision(v["fingerprint"], v["sequence"], values[v["last_modified"]], v.get("content"), v.get("body", ""), v.get("kind", ""), v.get("numbered", False), summary=v.get("summary", ""), location=v.get("location", ""), **dates)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def read_previous(path: Path) -> Previous:
    """The revisions of the state file at ``path`` (see the module's text); ValueError (or
    KeyError, ...) when it is damaged, as :func:`read_state` raises."""
    made = Previous()
    try:
        made.handle = path.open("rb")
        if _scan(made):
            return made
    except (OSError, ValueError, OverflowError):
        pass
    made.close()
    return Previous(read_state(path))


def _scan(made: Previous) -> bool:
    """Read the state file of ``made`` a line at a time (see the module's text): False when a
    line is not in the writer's form or anything is amiss."""
    handle = made.handle
    assert handle is not None
    if handle.readline(len(HEAD) + 1) != HEAD:
        return False
    offsets, values, pool = made.offsets, made.values, made.pool
    highs = array("q")
    offset = len(HEAD)
    parsers = ((7, datetime.fromisoformat), (4, date.fromisoformat), (9, date.fromisoformat), (11, date.fromisoformat))
    while True:
        line = handle.readline(_MAX_LINE + 1)
        if line == TAIL:
            if handle.read(1):
                return False
            break
        if not line or len(highs) >= _MAX_EVENTS or len(line) > _MAX_LINE or line.endswith(b",\n") == handle.peek(1).startswith(b"}"):
            return False
        m = _LINE.fullmatch(line.decode("ascii"))
        if m is None or int(m[10]) >= 2**31:
            return False
        for group, parse in parsers:
            text = m[group]
            if text and text not in values:
                values[text] = parse(text)  # ValueError: no such day
        uid = _text(m[1])
        offsets.append(offset)
        offset += len(line)
        highs.append((hash(uid) & _POSITIVE) >> _LOW)
        if not m[8] and not m[9] and m[11]:
            pool.setdefault((_text(m[2]) if m[2] else "", _text(m[6]) if m[6] else ""), []).append((values[m[11]], uid))
    offsets.append(offset)
    size = 8
    while size < 2 * len(highs):
        size *= 2
    slots = made.slots = array("q", [_FREE]) * size
    mask = size - 1
    for number, high in enumerate(highs):
        pos = high & mask
        while (entry := slots[pos]) != _FREE:
            if entry >> _LOW == high and made._line(entry & _NUMBER).partition(": {")[0] == made._line(number).partition(": {")[0]:
                return False  # a UID twice: the later one counts, as read_state reads it
            pos = (pos + 1) & mask
        slots[pos] = high << _LOW | number
    made.taken = bytearray(len(highs))
    return True
