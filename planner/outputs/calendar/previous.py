"""The last export's revisions as the next export needs them, without holding them all.

A state file of a million events read into :class:`Revision` objects took some 300 MB, and an
export needs little of most of them: of each event it gives again, the prints, SEQUENCE,
LAST-MODIFIED and removal day; whole revisions only of the UIDs it no longer gives (their
tombstones and state lines) and of the un-numbered events a corrected meeting may take the UID
of (:func:`~planner.outputs.calendar.revisions.adopt`). So a state file in the writer's own form
(:mod:`planner.outputs.calendar.state`) is read in bulk, a few megabytes at a time, by one regular
expression over each block (every byte of the block must belong to a line in the writer's form),
and what an export asks of each event is kept in columns: the UIDs as one string, the prints as
one string of 16 characters each, SEQUENCE, LAST-MODIFIED and the removal day as small integers
(about 90 bytes an event). An export asks for the UIDs in the order the last one wrote them
unless the register changed, so the line after the last one found is tried first; a table of
UID hashes is made only when that misses. A whole line is read again (``pread``) only for a
revision the export no longer gives. A file with any line not in the writer's form (edited by
hand, or older) or anything amiss is read by
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
from itertools import accumulate, compress, islice
from operator import not_
from pathlib import Path
from typing import IO, Any, NamedTuple

from planner.outputs.calendar.revisions import Revision
from planner.outputs.calendar.state import _MAX_EVENTS, _MAX_LINE, HEAD, TAIL, read_state

_STR = r'"[^"\\\x00-\x1f]*+(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*+)*+"'
_DAY = r'"(\d{4}-\d\d-\d\d)"'
# One entry as the writer makes it, keys sorted and empty fields left out, with its line end.
# Groups (as findall gives them): 0 the whole line, 1 UID, 2 body, 3 content, 4 end,
# 5 fingerprint, 6 kind, 7 last_modified, 8 numbered, 9 removed, 10 sequence, 11 start, 12 the
# comma that separates it from the next entry.
_LINE = re.compile(
    rf'(({_STR}): \{{(?:"body":({_STR}),)?(?:"content":"([0-9a-f]+)",)?(?:"end":{_DAY},)?"fingerprint":"([0-9a-f]*)",(?:"kind":({_STR}),)?'
    rf'"last_modified":"([0-9T:+-]{{19,25}})",(?:"location":{_STR},)?("numbered":true,)?(?:"removed":{_DAY},)?"sequence":(0|[1-9][0-9]{{0,9}})(?:,"start":{_DAY})?(?:,"summary":{_STR})?\}}(,?)\n)'
)
_BLOCK = 1 << 22  # read 4 MB at a time
_PRINT = 16  # the length of a print (a SHA-256 digest cut to 16 hex digits)
_UNKNOWN = " " * _PRINT  # no content print (an older entry)


def _text(quoted: str) -> str:
    return quoted[1:-1] if "\\" not in quoted else json.loads(quoted)


class Old(NamedTuple):
    """What deciding an event's SEQUENCE and LAST-MODIFIED needs of its last revision."""

    fingerprint: str
    sequence: int
    last_modified: datetime
    content: str | None
    removed: date | None


class _Values(dict):  # type: ignore[type-arg]
    """Text of a day or a stamp -> its number in ``found`` (the value), parsed once."""

    def __init__(self, parse: Any) -> None:
        super().__init__()
        self.parse = parse
        self.found: list[Any] = []

    def __missing__(self, text: str) -> int:
        self.found.append(self.parse(text) if text else None)  # ValueError: no such day
        number = self[text] = len(self.found) - 1
        return number


class Previous:
    """The revisions of the last export into a folder. :meth:`take` gives a UID's revision
    once, ``in`` asks without taking, :meth:`left` yields the revisions never taken, and
    :attr:`pool` holds the adoption candidates (as
    :func:`~planner.outputs.calendar.revisions.adoption_pool` makes them). Made by
    :func:`read_previous`, or from revisions in memory."""

    def __init__(self, revisions: dict[str, Revision] | None = None) -> None:
        self.revisions = dict(revisions or {})
        self.handle: IO[bytes] | None = None
        self.offsets = array("q", [0])  # where each line starts, then the end of the last
        self.uids = ""  # the UIDs one after another, the n-th from uid_at[n] to uid_at[n + 1]
        self.uid_at = array("q", [0])
        self.hashes = array("q")
        self.prints = ""  # fingerprints, then content prints (_UNKNOWN: none), 16 characters each
        self.contents = ""
        self.sequences = array("q")
        self.modified = array("i")  # numbers in stamps.found
        self.removals = array("i")  # numbers in days.found (0: not removed)
        self.stamps = _Values(datetime.fromisoformat)
        self.days = _Values(date.fromisoformat)
        self.days[""]  # noqa: B018 (number 0: none)
        self.lines: dict[int, int] | None = None  # UID hash -> line number, made on the first miss
        self.next = 0  # the line after the last one found
        self.taken = bytearray()
        self.pool: dict[tuple[str, str], list[tuple[date, str]]] = {}
        for uid, rev in self.revisions.items():
            if rev.removed is None and not rev.numbered and rev.start is not None:
                self.pool.setdefault((rev.body, rev.kind), []).append((rev.start, uid))

    def _line(self, number: int) -> str:
        start = self.offsets[number]
        assert self.handle is not None
        return os.pread(self.handle.fileno(), self.offsets[number + 1] - start, start).decode("ascii")

    def _is(self, number: int, uid: str) -> bool:
        at = self.uid_at[number]
        return self.uid_at[number + 1] - at == len(uid) and self.uids.startswith(uid, at)

    def _find(self, uid: str) -> int:
        """The line number of ``uid``, or -1."""
        number = self.next
        if number < len(self.hashes) and self._is(number, uid):
            self.next = number + 1
            return number
        if self.lines is None:
            if not self.hashes:
                return -1
            self.lines = dict(zip(self.hashes, range(len(self.hashes)), strict=True))
        number = self.lines.get(hash(uid), -1)
        if number < 0 or not self._is(number, uid):
            return -1
        self.next = number + 1
        return number

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
        at = number * _PRINT
        content = self.contents[at : at + _PRINT]
        return tuple.__new__(Old, (self.prints[at : at + _PRINT], self.sequences[number], self.stamps.found[self.modified[number]], None if content == _UNKNOWN else content, self.days.found[self.removals[number]]))

    def left(self) -> Iterator[tuple[str, Revision]]:
        """The revisions never taken."""
        yield from self.revisions.items()
        if self.handle is None:
            return
        for number in range(len(self.offsets) - 1):
            if not self.taken[number]:
                line = self._line(number)
                ((uid, v),) = json.loads("{" + line[: -2 if line.endswith(",\n") else -1] + "}").items()
                dates = {k: date.fromisoformat(v[k]) for k in ("start", "end", "removed") if v.get(k)}
                yield uid, Revision(v["fingerprint"], v["sequence"], self.stamps.found[self.stamps[v["last_modified"]]], v.get("content"), v.get("body", ""), v.get("kind", ""), v.get("numbered", False), summary=v.get("summary", ""), location=v.get("location", ""), **dates)

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


def _blocks(handle: IO[bytes]) -> Iterator[bytes]:
    """The file after its first line in blocks of whole lines (the last block: what is left)."""
    rest = b""
    while block := handle.read(_BLOCK):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut:
            yield block[:cut]
        rest = block[cut:]
        if len(rest) > _MAX_LINE:
            raise ValueError("a line longer than a state file's entry can be")
    if rest:
        yield rest


def _scan(made: Previous) -> bool:
    """Read the state file of ``made`` (see the module's text): False when a line is not in the
    writer's form or anything is amiss."""
    handle = made.handle
    assert handle is not None
    if handle.readline(len(HEAD) + 1) != HEAD:
        return False
    made.offsets[0] = len(HEAD)
    uids: list[str] = []
    prints: list[str] = []
    contents: list[str] = []
    days, stamps, pool = made.days, made.stamps, made.pool
    ended = last = False  # the end seen; an entry without a comma (the last) seen
    count = 0
    for block in _blocks(handle):
        if ended or not block.isascii():
            return False
        text = block.decode("ascii")
        if text.endswith(TAIL.decode()):
            text, ended = text[: -len(TAIL)], True
        lines = _LINE.findall(text)
        if not lines:
            if text:
                return False
            continue
        whole, uid, body, content, end, fingerprint, kind, modified, numbered, removed, sequence, start, comma = zip(*lines, strict=True)
        count += len(whole)
        if sum(map(len, whole)) != len(text) or max(map(len, whole)) > _MAX_LINE or count > _MAX_EVENTS:
            return False  # some text outside the writer's lines
        if last or comma.count("") > (not comma[-1]):
            return False  # every entry but the last ends with a comma
        last = not comma[-1]
        made.offsets.extend(islice(accumulate(map(len, whole), initial=made.offsets[-1]), 1, None))
        names = [u[1:-1] if "\\" not in u else json.loads(u) for u in uid]
        uids.append("".join(names))
        made.uid_at.extend(islice(accumulate(map(len, names), initial=made.uid_at[-1]), 1, None))
        made.hashes.extend(map(hash, names))
        if set(map(len, fingerprint)) != {_PRINT} or not set(map(len, content)) <= {0, _PRINT}:
            return False
        prints.append("".join(fingerprint))
        contents.append("".join(c or _UNKNOWN for c in content) if "" in content else "".join(content))
        numbers = array("q", map(int, sequence))
        if max(numbers) >= 2**31:
            return False
        made.sequences.extend(numbers)
        made.modified.extend(map(stamps.__getitem__, modified))
        made.removals.extend(map(days.__getitem__, removed))
        for text in {*end, *start}:
            days[text]  # noqa: B018 (checked: ValueError when there is no such day)
        for i in compress(range(len(names)), map(not_, numbered)):  # un-numbered, live, dated
            if not removed[i] and start[i]:
                pool.setdefault((_text(body[i]) if body[i] else "", _text(kind[i]) if kind[i] else ""), []).append((days.found[days[start[i]]], names[i]))
    if not ended or handle.read(1) or (count and not last):
        return False
    if len(set(made.hashes)) != len(made.hashes):
        return False  # a UID twice (the later one counts, as read_state reads it), or two UIDs of one hash
    made.uids, made.prints, made.contents = "".join(uids), "".join(prints), "".join(contents)
    made.taken = bytearray(len(made.hashes))
    return True
