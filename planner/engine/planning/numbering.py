"""Ordinals of projected meetings: the register's numbering, continued.

The next Summit is the 7th when the register's latest is the 6th. Where the register numbers
meetings still ahead (a 7th planned for 2027 after a 5th held in 2025), a meeting projected
before one of them is the 6th, the number after the last meeting before it, not the number
after the highest (8th); where that number is already another meeting's, the register's
numbering leaves it none, and the projection gives none rather than a second 7th. A cancelled
meeting the register numbers keeps its number: after a cancelled 7th, the next is the 8th (its
feed event, cancelled, keeps the 7th's UID; a projected 7th beside it was a second 7th).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from datetime import date

from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.inputs.limits import MAX_ORDINAL

_COUNTED = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})
_CANCELLED = Status.CANCELLED


def numbering(meetings: Sequence[Meeting], ordinals: Sequence[int | None], cut: date) -> tuple[int | None, Numbering | None]:
    """The first ordinal to project (``None``: the register does not number its latest regular
    meeting) and, where the register numbers meetings opening on ``cut`` or later, the
    :class:`Numbering` that numbers each projected meeting by its day. ``meetings`` are the
    body's, sorted by first day; ``ordinals`` those of its regular meetings held or planned (and
    the numbered cancelled ones), in that order."""
    top = max(filter(None, ordinals), default=0)
    if not ordinals or ordinals[-1] is None or not top:
        return None, None
    regular = Kind.REGULAR
    later: list[tuple[date, int]] = []
    counted = 0  # regular meetings held or planned among those ahead
    for m in reversed(meetings):  # sorted by first day: those ahead are the last ones
        if m.start.earliest < cut:
            break
        if m.kind is regular and (m.status in _COUNTED or m.status is _CANCELLED and m.ordinal):
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


__all__ = ["Numbering", "numbering", "within_limit"]
