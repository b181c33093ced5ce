"""A crowded calendar: which days the organization's meetings already take, by body and by host.

Projection proposes meetings for many bodies of one organization; the delegations, interpreters
and rooms are largely the same people and places. So (``[organization]`` settings):

* meetings of different bodies do not share a day (``meetings_per_day``, default 1), unless a
  ``before`` rule pairs the two bodies;
* the same host gets meetings at least ``min_days_between`` days apart (default 3; paired
  bodies excepted; a body's own spacing is its rules' business).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from planner.core.model import Body, HostPolicy, Meeting, RuleBook, Status

OCCUPYING = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})


def host_key(body: Body | None, country: str) -> str:
    """Who hosts, as one key: the Secretariat, else the host country, else the hosting role
    while its holder is not known ("chair": the chair of the day hosts them all)."""
    if body is not None and body.host is HostPolicy.SECRETARIAT:
        return "secretariat"
    if country:
        return country.casefold()
    return body.host.value if body is not None else ""


class DayBook:
    """Days taken by meetings, with the two questions placement asks: is this block free for
    this body and host?"""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.per_day = book.organization.meetings_per_day
        self.between = book.organization.min_days_between
        self.partners: dict[str, set[str]] = {}
        for b in book.bodies:
            if b.before:
                self.partners.setdefault(b.id, set()).add(b.before)
                self.partners.setdefault(b.before, set()).add(b.id)
        # day -> body -> meetings that day; host -> day -> body -> meetings. Looking a day up
        # costs the same however many bodies the organization has.
        self.bodies_on: dict[date, dict[str, int]] = {}
        self.host_days: dict[str, dict[date, dict[str, int]]] = {}

    def host_of(self, meeting: Meeting) -> str:
        return host_key(self.book.body(meeting.body), meeting.country)

    def paired(self, a: str, b: str) -> bool:
        return a == b or b in self.partners.get(a, ())

    def add_all(self, meetings: Iterable[Meeting], since: date) -> None:
        """Every firmly dated meeting (held, planned or projected) ending on or after ``since``."""
        for m in meetings:
            if m.latest >= since and m.status in OCCUPYING and m.exact:  # most of a register is history: date first
                self.add(m.body, self.host_of(m), m.earliest, m.latest)

    def add(self, body: str, host: str, first: date, last: date) -> None:
        self._change(body, host, first, last, 1)

    def remove(self, body: str, host: str, first: date, last: date) -> None:
        self._change(body, host, first, last, -1)

    def _change(self, body: str, host: str, first: date, last: date, by: int) -> None:
        _count(self.bodies_on, body, first, last, by)
        if host:
            _count(self.host_days.setdefault(host, {}), body, first, last, by)

    def _others(self, on: dict[str, int] | None, body: str) -> int:
        """How many bodies other than ``body`` and its partners meet in ``on``."""
        if not on:
            return 0
        mine = (body in on) + sum(1 for p in self.partners.get(body, ()) if p in on)
        return len(on) - mine

    def clash(self, body: str, host: str, first: date, last: date) -> str | None:
        """What stands in the way of ``body`` meeting on ``first``..``last`` hosted by
        ``host``: other bodies' meetings that day, or the same host too close; ``None`` when free."""
        day = first
        while day <= last:
            on = self.bodies_on.get(day)
            if self._others(on, body) >= self.per_day:
                return f"{', '.join(sorted(b for b in on or () if not self.paired(b, body)))} on {day}"
            day += timedelta(days=1)
        if self.between > 0 and host:
            hosted = self.host_days.get(host)
            if hosted:
                reach = timedelta(days=self.between - 1)
                day = first - reach
                while day <= last + reach:
                    on = hosted.get(day)
                    if self._others(on, body):
                        return f"{min(b for b in on or () if not self.paired(b, body))} with the same host on {day}"
                    day += timedelta(days=1)
        return None

    def free(self, body: str, host: str, first: date, last: date) -> bool:
        """Whether ``clash`` finds nothing: the same tests, without the words (placement asks
        this for every candidate day; only a Problem needs to say what was in the way)."""
        bodies_on, others, one = self.bodies_on, self._others, timedelta(days=1)
        day = first
        while day <= last:
            on = bodies_on.get(day)
            if on and len(on) >= self.per_day and others(on, body) >= self.per_day:  # (others counts at most len(on))
                return False
            day += one
        if self.between > 0 and host:
            hosted = self.host_days.get(host)
            if hosted:
                reach = timedelta(days=self.between - 1)
                day, end = first - reach, last + reach
                while day <= end:
                    on = hosted.get(day)
                    if on and others(on, body):
                        return False
                    day += one
        return True


def _count(table: dict[date, dict[str, int]], body: str, first: date, last: date, by: int) -> None:
    """Add ``by`` to ``body``'s meetings on each day of ``first``..``last`` in ``table``."""
    day = first
    while day <= last:
        on = table.get(day)
        if on is None:
            on = table[day] = {}
        count = on.get(body, 0) + by
        if count > 0:
            on[body] = count
        else:
            on.pop(body, None)
        day += _ONE_DAY


_ONE_DAY = timedelta(days=1)

__all__ = ["DayBook", "host_key"]
