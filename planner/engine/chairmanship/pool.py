"""The meetings a chair term looks at, found by bisection: the register (and its projection)
ordered by first day once, and the bodies whose meetings a term lists, found once per rule
book (100,000 terms each built both sets from every body)."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence
from datetime import date

from planner.core.model import HostPolicy, Meeting, RuleBook

_FIRST_DAY = operator.attrgetter("start.earliest")  # Meeting.earliest without the property's call


class MeetingsByDay:
    """Meetings ordered by first day, so a term finds its own by bisection instead of a scan
    of the whole register (100,000 terms x the register was quadratic)."""

    def __init__(self, meetings: Sequence[Meeting]) -> None:
        self.meetings = meetings
        self._days: list[date] | None = None  # ordered on the first question: a report with no terms asks none
        self._order: Sequence[int] = ()

    def _index(self) -> list[date]:
        meetings = self.meetings
        days = list(map(_FIRST_DAY, meetings))  # each meeting's earliest, in C
        if all(map(operator.le, days, itertools.islice(days, 1, None))):
            self._order = range(len(days))  # a register or projection sorted already
        else:
            self._order = sorted(range(len(meetings)), key=days.__getitem__)
            days = [days[i] for i in self._order]
        self._days = days
        return days

    def between(self, first: date, last: date) -> list[Meeting]:
        """Meetings whose first day is in ``[first, last]``, in the order they were given."""
        days = self._days if self._days is not None else self._index()
        lo, hi = bisect.bisect_left(days, first), bisect.bisect_right(days, last)
        if isinstance(self._order, range):
            return list(self.meetings[lo:hi])
        return [self.meetings[i] for i in sorted(self._order[lo:hi])]


def statutory_ids(book: RuleBook) -> frozenset[str]:
    """The bodies whose meetings are a term's statutory meetings: the handover bodies, else the
    governing bodies."""
    found: frozenset[str] | None = book.__dict__.get("_statutory_ids")
    if found is None:
        rule = book.chairmanship
        found = frozenset(rule.handover_bodies) if rule and rule.handover_bodies else frozenset(b.id for b in book.bodies if b.category.value == "governing")
        book.__dict__["_statutory_ids"] = found
    return found


def chair_hosted_ids(book: RuleBook) -> frozenset[str]:
    """The bodies whose meetings the chair hosts."""
    found: frozenset[str] | None = book.__dict__.get("_chair_hosted_ids")
    if found is None:
        found = book.__dict__["_chair_hosted_ids"] = frozenset(b.id for b in book.bodies if b.host is HostPolicy.CHAIR)
    return found
