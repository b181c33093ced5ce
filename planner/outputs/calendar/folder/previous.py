"""The last export's revisions as the next export needs them, without holding them all.

A state file of a million events read into :class:`Revision` objects took some 300 MB, and an
export needs little of most of them: of each event it gives again, the prints, SEQUENCE,
LAST-MODIFIED and removal day; whole revisions only of the UIDs it no longer gives (their
tombstones and state lines) and of the un-numbered events a corrected meeting may take the UID
of (:func:`~planner.outputs.calendar.revisions.adopt`). So a state file in the writer's own form
(:mod:`planner.outputs.calendar.folder.state`) is read in bulk, a few megabytes at a time, by one regular
expression over each block (every byte of the block must belong to a line in the writer's form),
and what an export asks of each event is kept in columns: the UIDs as one string, the prints as
one string of 16 characters each, SEQUENCE, LAST-MODIFIED and the removal day as small integers
(about 90 bytes an event). An export asks for the UIDs in the order the last one wrote them
unless the register changed, so the line after the last one found is tried first, else a table
of UID hashes (made as the file is read: it finds a UID written twice). A whole line is read again (``pread``) only for a
revision the export no longer gives. A file with any line not in the writer's form (edited by
hand, or older) or anything amiss is read by
:func:`~planner.outputs.calendar.folder.state.read_state` instead, which holds it whole and says what
is damaged, as before.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import accumulate, compress, islice
from json.encoder import encode_basestring_ascii as _quote  # type: ignore[attr-defined]
from operator import not_
from pathlib import Path
from typing import IO, Any, NamedTuple

from planner.outputs.calendar.folder.state import (
    _MAX_EVENTS,
    _MAX_LINE,
    ENTRY_LINE,
    HEAD,
    HEAD_3,
    TAIL,
    is_legacy,
    read_state,
    stamp_of,
)
from planner.outputs.calendar.revisions import Revision

_BLOCK = 1 << 20  # read a megabyte at a time
_PRINT = 16  # the length of a print (a SHA-256 digest cut to 16 hex digits)
_NO_PRINT = "0" * _PRINT  # in the place of a content print an entry has not (its ``unknown`` is set)
_SHORTEST = 64  # no entry of the writer's form is shorter: a bound of the number of lines


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


class _Column:
    """Numbers of one kind, one per line, in memory of their own (an anonymous map, as large
    as the file could need, of which only what is written takes room): a column that grew by
    reallocation left the heap in holes of some 100 MB for a million lines."""

    def __init__(self, code: str, capacity: int) -> None:
        self.map = mmap.mmap(-1, max(1, capacity) * array(code).itemsize)
        self.view = memoryview(self.map).cast(code)
        self.size = 0

    def extend(self, values: array[int]) -> None:
        end = self.size + len(values)
        self.view[self.size : end] = values
        self.size = end

    def close(self) -> None:
        self.view.release()
        self.map.close()


class Previous:
    """The revisions of the last export into a folder. :meth:`take` gives a UID's revision
    once, ``in`` asks without taking, :meth:`left` yields the revisions never taken, and
    :attr:`pool` holds the adoption candidates (as
    :func:`~planner.outputs.calendar.revisions.adoption_pool` makes them). Made by
    :func:`read_previous`, or from revisions in memory."""

    def __init__(self, revisions: dict[str, Revision] | None = None) -> None:
        self.revisions = dict(revisions or {})
        self._given = len(self.revisions)
        self.legacy = False  # content prints of the form before state version 4
        self.handle: IO[bytes] | None = None
        self.count = 0  # lines read in bulk
        self.columns: dict[str, _Column] = {}
        self.uids: mmap.mmap | None = None  # the UIDs as the file quotes them, one after another
        self.stamps = _Values(stamp_of)
        self.days = _Values(date.fromisoformat)
        self.days[""]  # noqa: B018 (number 0: none)
        self.slots: array[int] | None = None  # line numbers by the hash of the quoted UID
        self.next = 0  # the line after the last one found
        self.taken = bytearray()
        self._uid_at: Any = None  # the columns take asks, once read (see _scan)
        self._olds: tuple[Any, ...] = ()
        self._pool: dict[tuple[str, str], list[tuple[date, str]]] | None = None
        self._pool_keys: list[tuple[str, str]] = []  # (body, kind) as the file quotes them, of the pool_keys column
        if self.revisions:  # (before any is taken)
            self._pool = {}
            for uid, rev in self.revisions.items():
                if rev.removed is None and not rev.numbered and rev.start is not None:
                    self._pool.setdefault((rev.body, rev.kind), []).append((rev.start, uid))

    @property
    def pool(self) -> dict[tuple[str, str], list[tuple[date, str]]]:
        """The adoption candidates, (body, kind) -> (start, UID) in the order of the file. Of a
        state file read in bulk, made when first asked: a re-export of the same register gives
        every UID again and never asks (461,000 candidates at a million meetings)."""
        if self._pool is None:
            self._pool = {}
            if self.count:
                c, names = self.columns, [(_text(body) if body else "", _text(kind) if kind else "") for body, kind in self._pool_keys]
                size, at, days = c["pooled"].size, self._uid_at, self.days.found
                assert self.uids is not None
                for number, key, day in zip(c["pooled"].view[:size], c["pool_keys"].view[:size], c["pool_days"].view[:size], strict=True):
                    self._pool.setdefault(names[key], []).append((days[day], _text(self.uids[at[number] : at[number + 1]].decode("ascii"))))
        return self._pool

    def _is(self, number: int, quoted: bytes) -> bool:
        at = self._uid_at
        start = at[number]
        assert self.uids is not None
        return at[number + 1] - start == len(quoted) and self.uids[start : start + len(quoted)] == quoted

    def _find(self, uid: str) -> int:
        """The line number of ``uid``, or -1: the line after the last found, that one (asked
        again, as ``in`` then :meth:`take` do), else the table of hashes."""
        if not self.count:
            return -1
        quoted = _quote(uid)
        code = quoted.encode()
        number = self.next
        at = self._uid_at
        if number < self.count and at[number + 1] - at[number] == len(code) and self.uids[at[number] : at[number + 1]] == code:  # type: ignore[index]
            self.next = number + 1
            return number
        if number and self._is(number - 1, code):
            return number - 1
        return self._probe(quoted, code)

    def _probe(self, quoted: str, code: bytes) -> int:
        """The line number of the UID ``quoted`` (``code``: its bytes) in the table, or -1."""
        slots = self.slots
        assert slots is not None
        hashes = self.columns["hashes"].view
        wanted = hash(quoted)
        mask = len(slots) - 1
        at = wanted & mask
        while (number := slots[at]) >= 0:
            if hashes[number] == wanted and self._is(number, code):
                self.next = number + 1
                return number
            at = (at + 1) & mask
        return -1

    def _table(self) -> array[int] | None:
        """Open addressing over the hashes of the UIDs: a slot per line number, twice as many
        slots as lines (8 bytes a line; a dict of a million took 100 MB), made as the file is
        read; None when two lines have one hash (one UID twice, or two of one hash: a set of
        the hashes, to find that out, took 40 MB for 650,000 lines)."""
        size = 8
        while size < 2 * self.count:
            size *= 2
        slots = array("i", [-1]) * size
        mask = size - 1
        hashes = self.columns["hashes"].view
        for number, wanted in enumerate(hashes[: self.count]):
            at = wanted & mask
            while (other := slots[at]) >= 0:
                if hashes[other] == wanted:
                    return None
                at = (at + 1) & mask
            slots[at] = number
        self.slots = slots
        return slots

    def took(self) -> bool:
        """Whether :meth:`take` (or :meth:`take_line`) gave any revision."""
        return len(self.revisions) < self._given or 1 in self.taken

    def __contains__(self, uid: object) -> bool:
        return isinstance(uid, str) and (uid in self.revisions or self._find(uid) >= 0)

    def take(self, uid: str) -> Old | Revision | None:
        """The last revision of ``uid``, once (a UID this export gives)."""
        if self.revisions:
            return self.revisions.pop(uid, None)
        return self.take_line(self._find(uid))

    def lines(self, uids: Iterable[str]) -> list[int]:
        """The line numbers of ``uids`` (-1: not there) in the state file read in bulk, asked
        in turn: an export's UIDs in the order the last one wrote them are found one after
        another, without the table of hashes."""
        find = self._find
        return [find(uid) for uid in uids]

    def take_line(self, number: int) -> Old | None:
        """The revision of line ``number`` (of :meth:`lines`), once."""
        if number < 0 or self.taken[number]:
            return None
        self.taken[number] = 1
        prints, contents, unknown, sequences, modified, removals = self._olds
        at = number * _PRINT
        return tuple.__new__(Old, (prints[at : at + _PRINT], sequences[number], self.stamps.found[modified[number]], None if unknown[number] else contents[at : at + _PRINT], self.days.found[removals[number]]))

    def left(self) -> Iterator[tuple[str, Revision]]:
        """The revisions never taken, in the order of the file: the lines left are read a
        stretch at a time (a run of untaken lines is one ``pread``, up to a megabyte) and
        parsed as one JSON object per stretch (one ``pread`` and one ``json.loads`` per line took
        some 10 us a line: 350,000 lines when an export gives half of what the last one gave)."""
        yield from self.revisions.items()
        if self.handle is None:
            return
        found = self.stamps.found
        for entries in self._stretches():
            for uid, v in json.loads(entries).items():
                dates = {k: date.fromisoformat(v[k]) for k in ("start", "end", "removed") if v.get(k)}
                yield uid, Revision(v["fingerprint"], v["sequence"], found[self.stamps[v["last_modified"]]], v.get("content"), v.get("body", ""), v.get("kind", ""), v.get("numbered", False), summary=v.get("summary", ""), location=v.get("location", ""), **dates)

    def _stretches(self) -> Iterator[str]:
        """The lines never taken, as JSON objects of some of them each (about a megabyte)."""
        assert self.handle is not None
        fd, taken, count = self.handle.fileno(), self.taken, self.count
        offsets = self.columns["offsets"].view
        pieces: list[str] = []
        size = 0
        number = taken.find(0)
        while 0 <= number < count:
            end = taken.find(1, number, count)
            end = count if end < 0 else end  # lines number..end-1 are left
            while number < end:
                last = max(number + 1, bisect_right(offsets, offsets[number] + _BLOCK, number + 1, end + 1) - 1)  # at most _BLOCK bytes, at least a line
                text = os.pread(fd, offsets[last] - offsets[number], offsets[number]).decode("ascii")
                pieces.append(text[:-2] if text.endswith(",\n") else text[:-1])
                size += len(text)
                number = last
                if size >= _BLOCK:
                    yield "{" + ",".join(pieces) + "}"
                    pieces, size = [], 0
            number = taken.find(0, end)
        if pieces:
            yield "{" + ",".join(pieces) + "}"

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        self._uid_at, self._olds = None, ()
        for column in self.columns.values():
            column.close()
        self.columns = {}
        if self.uids is not None:
            self.uids.close()
            self.uids = None


def read_previous(path: Path) -> Previous:
    """The revisions of the state file at ``path`` (see the module's text); ValueError (or
    KeyError, ...) when it is damaged, as :func:`read_state` raises."""
    with contextlib.suppress(OSError):
        found = scanned(path.open("rb"))
        if found is not None:
            return found
    made = Previous(read_state(path))
    made.legacy = is_legacy(path)
    return made


def scanned(handle: IO[bytes]) -> Previous | None:
    """The revisions of the state file open as ``handle``, read in bulk; None when a line is
    not in the writer's form (see :func:`read_previous`)."""
    made = Previous()
    made.handle = handle
    with contextlib.suppress(OSError, ValueError, OverflowError):
        if _scan(made):
            return made
    made.close()
    return None


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


_COLUMNS = {"offsets": "q", "uid_at": "q", "hashes": "q", "unknown": "b", "sequences": "i", "modified": "i", "removals": "i", "pooled": "i", "pool_keys": "i", "pool_days": "i"}


def _scan(made: Previous) -> bool:
    """Read the state file of ``made`` (see the module's text): False when a line is not in the
    writer's form or anything is amiss."""
    handle = made.handle
    assert handle is not None
    head = handle.readline(len(HEAD) + 1)
    if head not in (HEAD, HEAD_3):
        return False
    made.legacy = head == HEAD_3
    size = os.fstat(handle.fileno()).st_size
    capacity = min(size // _SHORTEST + 1, _MAX_EVENTS) + 1
    made.columns = c = {name: _Column(code, capacity) for name, code in _COLUMNS.items()}
    made.uids = uids = mmap.mmap(-1, max(1, size))
    c["offsets"].extend(array("q", [len(HEAD)]))
    c["uid_at"].extend(array("q", [0]))
    days, stamps = made.days, made.stamps
    keys: dict[tuple[str, str], int] = {}
    prints: list[str] = []  # the prints of each block, 16 hex digits each, one text a block: sliced when taken
    contents: list[str] = []
    ended = last = False  # the end seen; an entry without a comma (the last) seen
    count = 0
    for block in _blocks(handle):
        if ended or not block.isascii():
            return False
        text = block.decode("ascii")
        if text.endswith(TAIL.decode()):
            text, ended = text[: -len(TAIL)], True
        lines = ENTRY_LINE.findall(text)
        if not lines:
            if text:
                return False
            continue
        whole, uid, body, content, end, fingerprint, kind, modified, numbered, removed, sequence, start, comma = zip(*lines, strict=True)
        if sum(map(len, whole)) != len(text) or max(map(len, whole)) > _MAX_LINE or count + len(whole) >= capacity - 1:
            return False  # some text outside the writer's lines
        if last or comma.count("") > (not comma[-1]):
            return False  # every entry but the last ends with a comma
        last = not comma[-1]
        if any("\\" in u and _quote(json.loads(u)) != u for u in uid):
            return False  # a UID written otherwise than the writer writes it
        if set(map(len, fingerprint)) != {_PRINT} or not set(map(len, content)) <= {0, _PRINT}:
            return False
        numbers = array("q", map(int, sequence))
        if max(numbers) >= 2**31:
            return False
        c["offsets"].extend(array("q", islice(accumulate(map(len, whole), initial=c["offsets"].view[count]), 1, None)))
        joined = "".join(uid).encode()
        at = c["uid_at"].view[count]
        uids[at : at + len(joined)] = joined
        c["uid_at"].extend(array("q", islice(accumulate(map(len, uid), initial=at), 1, None)))
        c["hashes"].extend(array("q", map(hash, uid)))
        prints.append("".join(fingerprint))
        contents.append("".join(content) if "" not in content else "".join(p or _NO_PRINT for p in content))
        c["unknown"].extend(array("b", map(not_, content)))
        c["sequences"].extend(array("i", numbers))
        c["modified"].extend(array("i", map(stamps.__getitem__, modified)))
        c["removals"].extend(array("i", map(days.__getitem__, removed)))
        for day in {*end, *start}.difference(days):
            days[day]  # noqa: B018 (checked: ValueError when there is no such day)
        pooled = [i for i in compress(range(len(uid)), map(not_, numbered)) if not removed[i] and start[i]]  # un-numbered, live, dated: adoption candidates
        if pooled:
            c["pooled"].extend(array("i", [count + i for i in pooled]))
            c["pool_keys"].extend(array("i", [keys.setdefault((body[i], kind[i]), len(keys)) for i in pooled]))  # quoted: read when the pool is asked
            c["pool_days"].extend(array("i", [days[start[i]] for i in pooled]))
        count += len(whole)
    if not ended or handle.read(1) or (count and not last):
        return False
    made.count = count
    if made._table() is None:
        return False  # a UID twice (the later one counts, as read_state reads it), or two UIDs of one hash
    made._pool_keys = list(keys)
    made.taken = bytearray(count)
    made._uid_at = c["uid_at"].view
    made._olds = ("".join(prints), "".join(contents), *(c[name].view for name in ("unknown", "sequences", "modified", "removals")))
    return True
