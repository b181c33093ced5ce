"""Event UIDs: ``{organization}-{body}-{identity}@planner`` (e.g. ``cica-summit-7@planner``),
from :meth:`Meeting.identity <planner.core.meeting.Meeting.identity>`, never random, so that
re-importing updates an event instead of duplicating it (RFC 5545 3.8.4.7). A second meeting of
one identity (the register gives an ordinal twice) gets ``-2``, in the feeds' date order.

An export of a million meetings makes its UIDs twice rather than hold them: :func:`repeats`
counts the repeated identities a group of bodies at a time (only one group's UIDs held at once),
and the events are then made in date order, each UID made again as its event is
(:func:`each_uid`, :mod:`planner.outputs.calendar.folder.feeds`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from operator import itemgetter

from planner.core.model import Kind, Meeting, PartialDate, RuleBook

_TALLIED = 1 << 16  # ordinals counted in a table of their body (the rest: by UID)
_ZERO = array("l", [0])
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")  # what an ASCII UID keeps (str.isalnum, for the rest)


def event_uid(book: RuleBook, meeting: Meeting) -> str:
    """``cica-summit-7@planner``: derived from domain keys only, so stable across runs."""
    return _safe(f"{book.organization.id}-{meeting.body}-{meeting.identity()}") + "@planner"


def uid_beginning(organization: str, body: str = "") -> str:
    """How every UID of ``organization``'s ``body`` begins, ``cica-summit-`` (no body: of all
    its bodies, ``cica-``)."""
    return _safe(f"{organization}-{body}-" if body else f"{organization}-")


def _safe(raw: str) -> str:
    """``raw`` with each character a UID does not keep made ``-``: letters and digits (of any
    script), ``-``, ``_`` and ``.`` stay. Character by character, so the UIDs of one body can
    share the safe form of their beginning."""
    if raw.isascii():
        return _UNSAFE.sub("-", raw)
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in raw)


class UIDMaker:
    """The UID of a meeting before a repeated identity is told apart (:func:`repeats`): that of
    :func:`event_uid`, made of safe pieces made once (:func:`_safe` goes character by
    character): a numbered regular meeting's from its body's beginning and its ordinal, an
    un-numbered meeting's (of no id or projection key) from its body's beginning, its kind's
    and its first day's (461,000 of a million meetings, each made twice)."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.org = book.organization.id
        self.starts: dict[str, str] = {}  # body -> the safe beginning of its UIDs
        self.kinds = {kind: _safe(f"{kind.value}-") for kind in Kind}
        self.days: dict[int, tuple[PartialDate, str]] = {}  # id(a start) -> it (kept, so its id is not reused) and its safe text

    def start(self, body: str) -> str:
        found = self.starts.get(body)
        if found is None:
            found = self.starts[body] = _safe(f"{self.org}-{body}-")
        return found

    def _day(self, start: PartialDate) -> tuple[PartialDate, str]:
        found = self.days[id(start)] = (start, _safe(str(start)))
        return found

    def __call__(self, meeting: Meeting) -> str:
        if meeting[17]:  # identity: the register's id
            return event_uid(self.book, meeting)
        if meeting[3]:
            if meeting[2] is Kind.REGULAR:  # identity: the ordinal
                return f"{self.starts.get(meeting[0]) or self.start(meeting[0])}{meeting[3]}@planner"
        elif not meeting[14]:  # identity: the kind and first day
            day = self.days.get(id(meeting[1])) or self._day(meeting[1])
            return f"{self.starts.get(meeting[0]) or self.start(meeting[0])}{self.kinds[meeting[2]]}{day[1]}@planner"
        return event_uid(self.book, meeting)


def repeated(uid: str, n: int) -> str:
    """The UID of the ``n``-th meeting (from 2) of one identity: ``cica-summit-7-2@planner``."""
    return uid.replace("@planner", f"-{n}@planner")


def repeats(make: UIDMaker, ordered: Sequence[Meeting], wanted: Collection[str] = frozenset()) -> tuple[dict[int, int], set[str]]:
    """Where ``ordered`` (in :func:`event_order`) repeats an identity: place -> n, the n-th
    meeting (from 2) of its UID; and the UIDs of ``wanted`` that its meetings take.

    Without a list of every UID (a dict of them took some 100 MB for 650,000 meetings): the
    UIDs of two bodies can be equal only when one's safe beginning (:meth:`UIDMaker.start`)
    begins the other's, so a numbered regular meeting of a body alone in that (each body, in
    the usual rule book) is counted by its ordinal in a table of its body, and only the other
    meetings' UIDs (an id, a kind and date, a projection key) are held."""
    bodies = dict.fromkeys(map(itemgetter(0), ordered))
    by_start, shared = _starts(make, bodies)
    tallies = {body: array("l") for body in bodies if body not in shared}  # ordinal -> meetings so far
    seen: dict[str, int] = {}  # the other UIDs -> meetings so far
    again: dict[int, int] = {}
    given: set[str] = set()
    regular = Kind.REGULAR
    for place, meeting in enumerate(ordered):
        number = meeting[3]
        if number and number < _TALLIED and meeting[2] is regular and not meeting[17] and (tally := tallies.get(meeting[0])) is not None:
            if number >= len(tally):
                tally.extend(_ZERO * max(number + 1 - len(tally), len(tally)))
            n = tally[number] = tally[number] + 1
            if n > 1:
                again[place] = n
            continue
        uid = make(meeting)
        n = seen[uid] = seen.get(uid, 0) + 1
        if n > 1:
            again[place] = n
            uid = repeated(uid, n)
        if uid in wanted:
            given.add(uid)
    for uid in wanted:  # those a counted meeting takes: ``{start}{ordinal}@planner``, or ``-{n}@planner``
        if uid in given or not uid.endswith("@planner"):
            continue
        for end in [i + 1 for i, c in enumerate(uid) if c == "-"]:
            for body in by_start.get(uid[:end], ()):
                tally = tallies.get(body)
                number, dash, n = uid[end:-8].partition("-")
                if tally is None or not _canonical(number) or int(number) >= len(tally):
                    continue
                count = tally[int(number)]
                if count >= 1 if not dash else _canonical(n) and 2 <= int(n) <= count:
                    given.add(uid)
    return again, given


def _starts(make: UIDMaker, bodies: Iterable[str]) -> tuple[dict[str, list[str]], set[str]]:
    """The ``bodies`` by the safe beginning of their UIDs (:meth:`UIDMaker.start`), and those
    whose UIDs another body's may equal: one's beginning begins the other's."""
    starts = {body: make.start(body) for body in bodies}
    by_start: dict[str, list[str]] = {}
    for body, start in starts.items():
        by_start.setdefault(start, []).append(body)
    shared = set()
    for body, start in starts.items():
        for end in [i + 1 for i, c in enumerate(start) if c == "-"]:
            others = by_start.get(start[:end])
            if others is not None and others != [body]:
                shared.update(others)
                shared.add(body)
    return by_start, shared


def apart(make: UIDMaker, bodies: Iterable[str]) -> bool:
    """Whether no UID of one of ``bodies`` can equal another's: then :func:`repeats` of any
    runs of whole bodies, each counted alone, are those of all of them counted together."""
    return not _starts(make, bodies)[1]


def _canonical(text: str) -> bool:
    """``text`` is a positive number as ``f"{n}"`` writes it, of at most ten digits (a state
    file's UID may hold any: ``int`` refuses more than 4,300)."""
    return 0 < len(text) <= 10 and text.isascii() and text.isdigit() and text[0] != "0"


def each_uid(book: RuleBook, ordered: Sequence[Meeting]) -> Iterator[tuple[Meeting, str]]:
    """``ordered`` (in :func:`event_order`) with their UIDs, made unique: a second meeting of
    the same identity gets ``-2`` (in date order), one at a time."""
    make = UIDMaker(book)
    again = repeats(make, ordered)[0]
    for place, meeting in enumerate(ordered):
        n = again.get(place) if again else None
        yield meeting, make(meeting) if n is None else repeated(make(meeting), n)


def uids(book: RuleBook, ordered: Sequence[Meeting]) -> list[tuple[Meeting, str]]:
    """:func:`each_uid` as a list."""
    return list(each_uid(book, ordered))
