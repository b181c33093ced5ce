"""A crowded calendar: which days the organization's meetings already take, by body and by host.

Projection proposes meetings for many bodies of one organization; the delegations, interpreters
and rooms are largely the same people and places. So (``[organization]`` settings):

* meetings of different bodies do not share a day (``meetings_per_day``, default 1), unless a
  ``before`` rule pairs the two bodies;
* the same host gets meetings at least ``min_days_between`` days apart (default 3; paired
  bodies excepted; a body's own spacing is its rules' business).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from datetime import date

from planner.core.dates import Precision
from planner.core.model import Body, HostPolicy, Meeting, RuleBook, Status

OCCUPYING = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})


def host_key(body: Body | None, country: str) -> str:
    """Who hosts, as one key: the Secretariat, else the host country, else the hosting role
    while its holder is not known ("chair": the chair of the day hosts them all; a host
    elected for each meeting is no other body's)."""
    if body is not None and body.host is HostPolicy.SECRETARIAT:
        return "secretariat"
    if country:
        return country.casefold()
    if body is not None and body.host is HostPolicy.ELECTED:
        return f"elected {body.id}"  # (each meeting's host chosen apart: no other body's)
    return body.host.value if body is not None else ""


class DayBook:
    """Days taken by meetings, with the two questions placement asks: is this block free for
    this body and host?"""

    def __init__(self, book: RuleBook, since: date | None = None) -> None:
        self.book = book
        self.per_day = book.organization.meetings_per_day
        self.between = book.organization.min_days_between
        self.partners: dict[str, set[str]] = {}
        for b in book.bodies:
            if b.before:
                self.partners.setdefault(b.id, set()).add(b.before)
                self.partners.setdefault(b.before, set()).add(b.id)
        # day -> body -> meetings that day; host -> day -> body -> meetings. Looking a day up
        # costs the same however many bodies the organization has. Days are keyed by their
        # ordinals: placement asks about a few days around each candidate, and a range of
        # integers walks them without making a date (and a timedelta sum) per day.
        self.bodies_on: dict[int, dict[str, int]] = {}
        self.host_days: dict[str, dict[int, dict[str, int]]] = {}
        # The days (ordinals) on which ``per_day`` bodies or more meet: only those can be full,
        # so a block none of whose days is here is free of the first test without a look-up
        # per day (an organization allowing 100 meetings a day has none).
        self.crowded: set[int] = set()
        # A register row may claim any length (held from 2000 to 2999): its days are taken one
        # by one only up to ``upto`` (a year or two past ``since`` at first), the rest kept as
        # a span in ``tails`` (first, stop, body, host) and taken as placement asks about days
        # that far (``ensure``). So the tables grow with the days placement reaches, the
        # horizon, not with what a row claims (200 such rows took 2.4 GB). ``grown`` counts
        # the times tails were taken: a body's :meth:`blocked` runs made before are stale.
        self.upto = since.toordinal() + _AHEAD if since is not None else date.max.toordinal()
        self.tails: list[tuple[int, int, str, str]] = []
        self.grown = 0
        # Every change counts in ``version``; ``placed``: the bodies ever added. A body never
        # added and paired with none is blocked on the same days as any other such body:
        # those runs are made once per version, host and length (``_alike``). When the
        # calendar is full, most bodies place nothing and change nothing: 5,000 bodies asked
        # for the runs of some 2,600 crowded days each, 20 s of a projection.
        self.version = 0
        self.placed: set[str] = set()
        self._alike: dict[tuple[str, int], tuple[int, Blocked]] = {}
        self._names: dict[str, str] = {}  # body id -> "the Summit" (a crowded day names its bodies for each meeting it moves)

    def host_of(self, meeting: Meeting) -> str:
        return host_key(self.book.body(meeting.body), meeting.country)

    def paired(self, a: str, b: str) -> bool:
        return a == b or b in self.partners.get(a, ())

    def add_all(self, meetings: Iterable[Meeting], since: date) -> None:
        """Every firmly dated meeting (held, planned or projected) ending on or after ``since``."""
        day = Precision.DAY
        for m in meetings:
            # (Meeting.latest and .exact written out: this runs over the whole register, most
            # of it history, so the date is asked first)
            start, end = m.start, m.end
            if (end or start).latest >= since and m.status in OCCUPYING and start.precision is day and (end is None or end.precision is day):
                # (from ``since`` on: no day before it is asked, and a row held from 1000-01-01
                # to 2999-12-31 made a table of every day of the thousand years before: 672 MB)
                self.add(m.body, self.host_of(m), start.earliest if start.earliest >= since else since, (end or start).latest)

    def add(self, body: str, host: str, first: date, last: date) -> None:
        # (_change's work without its calls: placement adds one meeting per projected meeting)
        self.version += 1
        self.placed.add(body)
        a, z = first.toordinal(), last.toordinal() + 1
        if z - a > _LONG and z > self.upto + 1:
            # (never a projected meeting, of at most 60 days: only those are ever removed)
            self.tails.append((max(a, self.upto + 1), z, body, host))
            if a > self.upto:
                return
            z = self.upto + 1
        table = self.bodies_on
        per_day = self.per_day
        if z - a == 1 and (not host or self.between <= 0):
            # (most meetings: one day, no host's days to keep: the loops below, unrolled)
            on = table.get(a)
            if on is None:
                on = table[a] = {body: 1}
            else:
                on[body] = on.get(body, 0) + 1
            if per_day is not None and len(on) >= per_day:
                self.crowded.add(a)
            return
        for _ in (0, 1):
            for day in range(a, z):
                on = table.get(day)
                if on is None:
                    on = table[day] = {body: 1}
                else:
                    on[body] = on.get(body, 0) + 1
                if per_day is not None and len(on) >= per_day:
                    self.crowded.add(day)
            per_day = None  # (the hosts' table counts no crowd)
            if not host or self.between <= 0:  # (the hosts' days are read only to keep them apart)
                return
            table = self.host_days.get(host)
            if table is None:
                table = self.host_days[host] = {}
            host = ""

    def ensure(self, last: int) -> None:
        """Take the days of the rows' tails up to ``last`` (an ordinal) at least, a year or
        two more at a time: :meth:`free` and :meth:`clash` then read every day they ask about."""
        upto = max(last, self.upto + _AHEAD)
        tails, self.upto = self.tails, upto
        kept = []
        for a, z, body, host in tails:
            if z > upto + 1:
                kept.append((upto + 1, z, body, host))
            if a <= upto:
                self.add(body, host, date.fromordinal(a), date.fromordinal(min(z, upto + 1) - 1))
        tails[:] = kept  # (in place: placement holds the list to ask whether any are left)
        self.grown += 1

    def remove(self, body: str, host: str, first: date, last: date) -> None:
        self._change(body, host, first, last, -1)

    def _change(self, body: str, host: str, first: date, last: date, by: int) -> None:
        self.version += 1
        self.placed.add(body)
        a, b = first.toordinal(), last.toordinal() + 1
        _count(self.bodies_on, body, a, b, by)
        bodies_on, crowded, per_day = self.bodies_on, self.crowded, self.per_day
        for day in range(a, b):
            on = bodies_on[day]
            if on and len(on) >= per_day:
                crowded.add(day)
            else:
                crowded.discard(day)
        if host and self.between > 0:
            _count(self.host_days.setdefault(host, {}), body, a, b, by)

    def _others(self, on: dict[str, int] | None, body: str) -> int:
        """How many bodies other than ``body`` and its partners meet in ``on``."""
        if not on:
            return 0
        partners = self.partners.get(body)  # (most bodies have none: no generator to run)
        mine = (body in on) + (sum(1 for p in partners if p in on) if partners else 0)
        return len(on) - mine

    def clash(self, body: str, host: str, first: date, last: date) -> str | None:
        """What stands in the way of ``body`` meeting on ``first``..``last`` hosted by
        ``host``, in words ("the Summit on 2027-10-14"): other bodies' meetings that day, or the
        same host too close; ``None`` when free."""
        a, z = first.toordinal(), last.toordinal()
        if self.tails and z + self.between > self.upto:
            self.ensure(z + self.between)
        for day in range(a, z + 1):
            on = self.bodies_on.get(day)
            if self._others(on, body) >= self.per_day:
                return f"{_listed(sorted(self._name(b) for b in on or () if not self.paired(b, body)))} on {date.fromordinal(day)}"
        if self.between > 0 and host:
            hosted = self.host_days.get(host)
            if hosted:
                reach = self.between - 1
                for day in range(a - reach, z + reach + 1):
                    on = hosted.get(day)
                    if self._others(on, body):
                        return f"{self._name(min(b for b in on or () if not self.paired(b, body)))}, of the same host, meets on {date.fromordinal(day)}, less than {self.between} days apart"
        return None

    def _name(self, body: str) -> str:
        name = self._names.get(body)
        if name is None:
            found = self.book.body(body)
            name = self._names[body] = f"the {found.name}" if found is not None else body
        return name

    def free(self, body: str, host: str, first: date, last: date) -> bool:
        """Whether ``clash`` finds nothing: the same tests, without the words (placement asks
        this for every candidate day; only a Problem needs to say what was in the way)."""
        bodies_on, others, per_day, crowded = self.bodies_on, self._others, self.per_day, self.crowded
        a, z = first.toordinal(), last.toordinal()
        if self.tails and z + self.between > self.upto:
            self.ensure(z + self.between)
        if crowded:
            for day in range(a, z + 1):
                if day in crowded and others(bodies_on[day], body) >= per_day:  # (others counts at most len(on))
                    return False
        if self.between > 0 and host:
            hosted = self.host_days.get(host)
            if hosted:
                reach = self.between - 1
                for day in range(a - reach, z + reach + 1):
                    on = hosted.get(day)
                    if on and others(on, body):
                        return False
        return True


    def blocked(self, body: str, host: str, days: int) -> Blocked:
        """The first days of ``days``-day blocks that :meth:`free` refuses to ``body`` hosted
        by ``host``, as runs: a full calendar is skipped by bisection, not asked day by day
        (each failed placement asked every day of its window).

        Only other bodies' meetings block a body, and while one body is projected only its own
        are added: the runs stay true for the whole of that body's placement, until rows'
        tails are taken (``grown``): days past ``upto`` may be refused that the runs do not
        name, which :meth:`free` still refuses."""
        if body in self.placed or self.partners.get(body):
            return self._blocked(body, host, days)
        key = (host if self.between > 0 else "", days)
        found = self._alike.get(key)
        if found is None or found[0] != self.version:
            found = self._alike[key] = (self.version, self._blocked(body, host, days))
        return found[1]

    def _blocked(self, body: str, host: str, days: int) -> Blocked:
        others, per_day, bodies_on = self._others, self.per_day, self.bodies_on
        back = days - 1
        if self.partners.get(body):
            spans = [(day - back, day) for day in self.crowded if others(bodies_on.get(day), body) >= per_day]
        else:  # (others written out: len(on) less the body itself)
            spans = [(day - back, day) for day in self.crowded if len(on := bodies_on[day]) - (body in on) >= per_day]
        hosted = self.host_days.get(host) if self.between > 0 and host else None
        if hosted:
            reach = self.between - 1
            spans += [(day - back - reach, day + reach) for day, on in hosted.items() if on and others(on, body)]
        return Blocked(spans)


class Blocked:
    """Runs of day ordinals, merged: the next and previous day outside them by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        starts: list[int] = []
        ends: list[int] = []
        for a, z in spans:
            if ends and a <= ends[-1] + 1:
                if z > ends[-1]:
                    ends[-1] = z
            else:
                starts.append(a)
                ends.append(z)
        self.starts, self.ends = starts, ends

    def after(self, day: int) -> int:
        """The first day from ``day`` on outside every run."""
        k = bisect.bisect_right(self.starts, day) - 1
        return self.ends[k] + 1 if k >= 0 and self.ends[k] >= day else day

    def before(self, day: int) -> int:
        """The last day up to ``day`` outside every run."""
        k = bisect.bisect_right(self.starts, day) - 1
        return self.starts[k] - 1 if k >= 0 and self.ends[k] >= day else day

    def nearest(self, target: int, lo: int, hi: int, distance: int = 0) -> Iterator[int]:
        """The days of ``lo``..``hi`` outside every run, from ``distance`` away from
        ``target`` on, nearest first and the later before the earlier at equal distance: the
        order of the placement search, less the days it would refuse."""
        ahead, behind = target + distance, target - distance
        if distance == 0:
            behind -= 1
        ahead = self.after(ahead) if ahead <= hi else hi + 1
        behind = self.before(behind) if behind >= lo else lo - 1
        while True:
            if ahead <= hi and (behind < lo or ahead - target <= target - behind):
                yield ahead
                ahead = self.after(ahead + 1) if ahead < hi else hi + 1
            elif behind >= lo:
                yield behind
                behind = self.before(behind - 1) if behind > lo else lo - 1
            else:
                return


# A row of more days than this may be kept as a span past ``upto`` (a projected meeting never is)
_LONG = 366
_AHEAD = 732


def _count(table: dict[int, dict[str, int]], body: str, first: int, stop: int, by: int) -> None:
    """Add ``by`` to ``body``'s meetings on each day (ordinal) of ``first``..``stop - 1`` in ``table``."""
    for day in range(first, stop):
        on = table.get(day)
        if on is None:
            on = table[day] = {}
        count = on.get(body, 0) + by
        if count > 0:
            on[body] = count
        else:
            on.pop(body, None)


__all__ = ["Blocked", "DayBook", "host_key"]


_NAMED = 3  # (a day of 100 other bodies' meetings named them all in each reason it moved: 3.4 KB each)


def _listed(names: list[str]) -> str:
    """``"the Summit meets"``, ``"the Board and the Council meet"``; past :data:`_NAMED`
    names, the first two and how many more (``"the A, the B and 98 other bodies meet"``)."""
    if len(names) == 1:
        return f"{names[0]} meets"
    if len(names) > _NAMED:
        return f"{', '.join(names[:2])} and {len(names) - 2} other bodies meet"
    return f"{', '.join(names[:-1])} and {names[-1]} meet"
