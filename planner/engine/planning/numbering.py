"""Ordinals of projected meetings: the register's numbering, continued.

The next Summit is the 7th when the register's latest is the 6th. Where the register numbers
meetings still ahead (a 7th planned for 2027 after a 5th held in 2025), a meeting projected
before one of them is the 6th, the number after the last meeting before it, not the number
after the highest (8th); where that number is already another meeting's, the register's
numbering leaves it none, and the projection gives none rather than a second 7th. A cancelled
meeting the register numbers keeps its number: after a cancelled 7th, the next is the 8th (its
feed event, cancelled, keeps the 7th's UID; a projected 7th beside it was a second 7th).

Most registers number each kind on its own (the UN General Assembly's 80th regular session, its
32nd special session), and only regular meetings' numbers are continued. Some number every kind
in one sequence (OPEC's Conference: the 177th Meeting ordinary, the 178th extraordinary, the
179th ordinary): there the next regular meeting after the 178th (Extraordinary) is the 179th,
not a second 178th. :func:`sequence` tells them apart by the register alone: one sequence where
every numbered meeting of another kind carries a number past those before it and below those
after it, after at least one numbered regular meeting, and no number is two kinds' (a separate
sequence restarts at 1, below the regular numbers before it).

A postponed meeting is the same meeting moved (DESIGN.md: status postponed, the new date not
fixed yet): it keeps its number, and the meeting the projection places under that number is it,
at its new date, after the day it was postponed from. The postponed row then leaves the meetings shown, so
that the feed holds one event of that number, under the postponed row's UID: a subscriber sees
the 7th move, not a second 7th appear. A later row of the number (the 7th re-planned, held or
cancelled) supersedes the postponed one in the same way (:func:`superseded`).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Iterable, Sequence
from datetime import date

from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.inputs.limits import MAX_ORDINAL

_COUNTED = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})
_CANCELLED = Status.CANCELLED
_POSTPONED = Status.POSTPONED
_STATUS = operator.itemgetter(5)
_BODY_NUMBER = operator.itemgetter(0, 3)


def sequence(meetings: Sequence[Meeting]) -> tuple[list[int | None], bool]:
    """The ordinals the numbering continues, in order of first day (``meetings`` are the body's,
    sorted by first day): those of its regular meetings held, planned or projected and of its
    numbered cancelled ones, with, where the register numbers every kind in one sequence (the
    second value ``True``), the numbered meetings of the other kinds too."""
    regular, cancelled = Kind.REGULAR, _CANCELLED
    ordinals = [m.ordinal for m in meetings if m.kind is regular and (m.status in _COUNTED or m.status is cancelled and m.ordinal)]
    # (most bodies number no meeting of another kind, and this look is all they pay)
    if not [m for m in meetings if m.ordinal and m.kind is not regular]:
        return ordinals, False
    numbered = [m for m in meetings if m.ordinal and (m.status in _COUNTED or m.status is cancelled)]
    last, kinds = 0, {}
    for m in numbered:
        if m.ordinal < last or kinds.setdefault(m.ordinal, m.kind) is not m.kind or not last and m.kind is not regular:
            return ordinals, False
        last = m.ordinal
    return [m.ordinal for m in meetings if (m.kind is regular or m.ordinal) and (m.status in _COUNTED or m.status is cancelled and m.ordinal)], True


def numbering(meetings: Sequence[Meeting], ordinals: Sequence[int | None], cut: date, shared: bool = False) -> tuple[int | None, Numbering | None]:
    """The first ordinal to project (``None``: the register does not number its latest regular
    meeting) and, where the register numbers meetings opening on ``cut`` or later, the
    :class:`Numbering` that numbers each projected meeting by its day. ``meetings`` are the
    body's, sorted by first day; ``ordinals`` those of its regular meetings held or planned (and
    the numbered cancelled ones), in that order, and where ``shared`` (:func:`sequence`) those of
    its numbered meetings of other kinds."""
    top = max(filter(None, ordinals), default=0)
    if not ordinals or ordinals[-1] is None or not top:
        return None, None
    regular = Kind.REGULAR
    later: list[tuple[date, int]] = []
    counted = 0  # regular meetings held or planned among those ahead
    for m in reversed(meetings):  # sorted by first day: those ahead are the last ones
        if m.start.earliest < cut:
            break
        if (m.kind is regular or shared and m.ordinal) and (m.status in _COUNTED or m.status is _CANCELLED and m.ordinal):
            counted += 1
            if m.ordinal:
                later.append((m.start.earliest, m.ordinal))
    if not later:
        return top + 1, None
    first = max(filter(None, ordinals[: len(ordinals) - counted]), default=0) + 1
    return first, Numbering(first, tuple(reversed(later)))


class Numbering:
    """Ordinals by day, where the register numbers meetings ahead (``later``: (first day,
    ordinal)) and ``first`` is the number after the last one before them."""

    def __init__(self, first: int, later: tuple[tuple[date, int], ...]) -> None:
        self.first = first
        self.later = later
        self.given: list[tuple[date, int]] = []  # projected so far: (day, ordinal)
        self.used = {n for _, n in later}
        # The register's numbers ahead by first day, and the highest of those opening by each:
        # the highest before a day by bisection (a body numbering twelve ahead was asked about
        # each of them for every meeting projected).
        ordered = sorted(later)
        self.opens = [opens for opens, _ in ordered]
        self.tops = list(itertools.accumulate((n for _, n in ordered), max))

    def on(self, day: date) -> int | None:
        """One more than the last numbered meeting before ``day``, or ``None`` where that number
        is already another meeting's."""
        top = self.first - 1
        k = bisect.bisect_right(self.opens, day)
        if k and self.tops[k - 1] > top:
            top = self.tops[k - 1]
        for opens, n in reversed(self.given):  # placed in order of days, as a rule: the last one before ``day``
            if opens <= day:
                if n > top:
                    top = n
                break
        number = top + 1
        if number in self.used:
            return None
        self.given.append((day, number))
        self.used.add(number)
        return number


def postponed_rows(meetings: Iterable[Meeting]) -> list[Meeting]:
    """The numbered regular meetings ``meetings`` gives as postponed (in most registers none:
    one look-up a row, in C, says so)."""
    meetings = meetings if isinstance(meetings, Sequence) else list(meetings)
    if _POSTPONED not in map(_STATUS, meetings):
        return []
    regular = Kind.REGULAR
    # (chosen in C: a long register holds a thousand postponed rows among 300,000)
    called_off = itertools.compress(meetings, map(operator.is_, map(_STATUS, meetings), itertools.repeat(_POSTPONED)))
    return [m for m in called_off if m[3] and m[2] is regular]


def superseded(postponed: Sequence[Meeting], meetings: Iterable[Meeting]) -> list[Meeting]:
    """The rows of ``postponed`` (:func:`postponed_rows` of ``meetings``) that another row of
    their number stands for: one that is not postponed (the meeting re-planned, held or
    cancelled), else a later postponement of it."""
    wanted = {(m.body, m[3]) for m in postponed}
    regular = Kind.REGULAR
    meetings = meetings if isinstance(meetings, Sequence) else list(meetings)
    # the rows of those numbers, chosen in C (a long register: a thousand among 300,000)
    same = itertools.compress(meetings, map(wanted.__contains__, map(_BODY_NUMBER, meetings)))
    recorded = {(m[0], m[3]) for m in same if m[2] is regular and m[5] is not _POSTPONED}
    of_number: dict[tuple[str, int], list[Meeting]] = {}
    for m in postponed:
        of_number.setdefault((m.body, m[3]), []).append(m)
    out: list[Meeting] = []
    for key, same in of_number.items():
        out += same if key in recorded else sorted(same, key=Meeting.sort_key)[:-1]
    return out


def awaited(meetings: Sequence[Meeting], ordinals: Sequence[int | None]) -> tuple[dict[int, list[Meeting]] | None, list[Meeting]]:
    """A body's postponed numbered meetings (``meetings`` are the body's; ``ordinals``, those of
    its regular rows held, planned or cancelled, as :func:`numbering` takes them): those the
    projection may place, ordinal -> its postponed rows, for a number past every other (the
    next number projected is it); and those another row stands for (:func:`superseded`: the
    number re-planned, held or cancelled, or postponed again later). ``(None, [])`` for nearly
    every body: most postponed rows of a long register were held later under their number."""
    regular = Kind.REGULAR
    # (chosen in C, one pass: the body's rows were just read)
    rows = [m for m in itertools.compress(meetings, map(operator.is_, map(_STATUS, meetings), itertools.repeat(_POSTPONED))) if m[3] and m[2] is regular]
    if not rows:
        return None, []
    top = max(filter(None, ordinals), default=0)
    by_number: dict[int, list[Meeting]] = {}
    for m in rows:
        by_number.setdefault(m[3], []).append(m)
    out: dict[int, list[Meeting]] = {}
    gone: list[Meeting] = []
    for number, same in by_number.items():
        if number <= top and number in ordinals:  # (a look-up in C: a row or two a body)
            gone += same
        elif number > top:
            out[number] = same  # (placed decides: the projected meeting stands for them all)
        else:
            gone += sorted(same, key=Meeting.sort_key)[:-1]  # the latest postponement stands for the earlier
    return out or None, gone


def placed(found: Iterable[list[Meeting]], awaiting: dict[str, dict[int, list[Meeting]]]) -> list[Meeting]:
    """Each projected meeting of ``found`` (lists of one body's) that takes an awaited number
    (``awaiting``: body -> :func:`awaited`) made that meeting, in place: its reason says from
    when it was postponed, and it keeps the postponed row's ``id`` (its calendar UID). Returns
    the postponed rows it stands for, which leave the meetings shown."""
    gone: list[Meeting] = []
    regular = Kind.REGULAR
    left = {body: dict(waiting) for body, waiting in awaiting.items()}
    for meetings in found:
        waiting = left.get(meetings[0].body) if meetings else None
        if not waiting:
            continue
        for k, m in enumerate(meetings):
            rows = waiting.pop(m[3], None) if m[3] and m[2] is regular else None
            if rows:
                rows = sorted(rows, key=Meeting.sort_key)
                days = " and ".join(str(r.start) for r in rows)
                meetings[k] = m._replace(reason=f"postponed from {days}; {m.reason}" if m.reason else f"postponed from {days}", id=next((r.id for r in rows if r.id), ""))
                gone += rows
    for waiting in left.values():  # not placed (past the horizon): the latest postponement stands for the earlier
        for rows in waiting.values():
            gone += sorted(rows, key=Meeting.sort_key)[:-1]
    return gone


def within_limit(found: list[Meeting], book: RuleBook, notes: list[str]) -> None:
    """A body's projected ordinals past MAX_ORDINAL dropped (the largest any input reads back:
    a saved projection or feed numbered 1,000,000 could not be read again), with a note."""
    over = [k for k, m in enumerate(found) if m.ordinal is not None and m.ordinal > MAX_ORDINAL]
    if not over:
        return
    for k in over:
        found[k] = found[k]._replace(ordinal=None)
    body = book.body(found[0].body)
    name = body.name if body else found[0].body
    notes.append(f"{name}: numbering passes {MAX_ORDINAL:,}, the largest ordinal planner reads; {len(over):,} projected meeting{'s' if len(over) > 1 else ''} left unnumbered.")


__all__ = ["Numbering", "awaited", "numbering", "placed", "postponed_rows", "sequence", "superseded", "within_limit"]
