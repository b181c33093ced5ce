"""The working days of a host country, and the search for the block of working days nearest a
target day inside a window.

Working days come from the ``holidays`` package: each country's own weekend (Iran rests on
Friday, most members on Saturday and Sunday) and its public holidays. Nothing here is
hand-written calendar knowledge.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial
from itertools import islice

from planner.core.dates import MAX_YEAR, Window
from planner.core.model import Blackout
from planner.engine.planning.crowd import Blocked
from planner.engine.planning.member_holidays import (
    MemberHolidays,
    country_calendar,
    country_year,
)
from planner.engine.planning.taken import Taken

SAT_SUN = frozenset({5, 6})
_ONE_DAY = timedelta(days=1)
LAST_DAY = date(MAX_YEAR, 12, 31)  # no meeting may end after it: no input or output reads the year 3000
BACK_TO_BACK = 10  # the most days a body that meets just before another (``before``) may end before it: days off between the two


class WorkingCalendar:
    """The working days of one host country, less the organization's and the body's blackouts
    (busy days of ``--avoid`` calendars among them) and, for a meeting all members attend, the
    public holidays of every member state. A day of the host's weekend that the body names
    among its meeting ``weekdays`` (``meets_on``: an election held on a Sunday) is a working
    day for it; its public holidays stay off."""

    def __init__(self, country_code: str | None, blackouts: Iterable[Blackout] = (), members: MemberHolidays | None = None, wanted: tuple[str, ...] = ("public",), meets_on: frozenset[int] = frozenset()) -> None:
        self.code = country_code
        self.wanted = wanted  # the rule book's holiday_categories
        self.holidays = country_calendar(country_code, wanted) if country_code else None
        self.weekend = (frozenset(self.holidays.weekend) if self.holidays is not None else SAT_SUN) - meets_on
        # The most days a meeting may last on consecutive working days: a longer one (a
        # two-week conference) spans the weekends and days off inside it (:meth:`block_fits`)
        self.week_run = 7 - len(self.weekend)
        self.blackouts = tuple(blackouts)
        self.members = members
        self._memo: dict[date, bool] = {}
        self._host_memo: dict[date, bool] = {}
        self._blocks: dict[int, dict[date, bool]] = {}  # length -> first day -> block_fits
        self._host_blocks: dict[int, dict[date, bool]] = {}  # the same on the host's working days alone (place_fewest)
        # Tables of blackout days, one a year, made when a day of that year is first asked
        # about: an avoided calendar may bring hundreds of events, and a blackout from 1000
        # to 2999 made a table of 730,000 days (1 s and 170 MB) for the few years placed in.
        self._off: dict[int, dict[date, str]] = {}
        self._closed: tuple[list[int], list[int]] | None = None  # (:meth:`closed_through`)
        self.runs_found: dict[tuple[date, date, int, frozenset[int]], tuple[bool, int, list[date]]] = {}  # (results.no_run)

    def is_host_working(self, day: date) -> bool:
        """A working day of the host, outside blackouts (members' holidays not considered)."""
        known = self._host_memo.get(day)
        if known is None:
            # (the holidays of the day's year, as the members' calendar reads them: each year filled once)
            known = self._host_memo[day] = not (day.weekday() in self.weekend or (self.holidays is not None and day in country_year(self.code, day.year, self.wanted)[0]) or day in self._off_in(day.year))
        return known

    def _off_in(self, year: int) -> dict[date, str]:
        """The blackout days of ``year``, each with the reason of the first blackout over it."""
        found = self._off.get(year)
        if found is None:
            found = self._off[year] = {}
            first, last = date(year, 1, 1), date(year, 12, 31)
            for b in self.blackouts:
                if b.start <= last and b.last >= first:
                    day, end = max(b.start, first), min(b.last, last)
                    while day <= end:
                        found.setdefault(day, b.reason or "blackout")
                        day += _ONE_DAY
        return found

    def closed_through(self, first: date, last: date) -> bool:
        """Whether blackouts and the weekend take every day from ``first`` to ``last``: a
        window where no meeting can open, known without asking its days (200 bodies whose
        every day was a blackout searched each window of 50 years day by day: 9.3 s). The
        blackouts are joined into spans once, over weekend days between them too."""
        if self._closed is None:
            starts: list[int] = []
            ends: list[int] = []
            for b in sorted(self.blackouts, key=lambda b: b.start):
                low, high = b.start.toordinal(), b.last.toordinal()
                if ends and low <= ends[-1] + 1 + self._weekend_after(ends[-1]):
                    ends[-1] = max(ends[-1], high)
                else:
                    low -= self._weekend_before(low)
                    starts.append(low)
                    ends.append(high)
            for i, end in enumerate(ends):
                ends[i] = end + self._weekend_after(end)
            self._closed = (starts, ends)
        starts, ends = self._closed
        i = bisect_right(starts, first.toordinal()) - 1
        return i >= 0 and ends[i] >= last.toordinal()

    def _weekend_after(self, ordinal: int) -> int:
        """How many weekend days follow the day ``ordinal`` (before a day of the week that is not)."""
        n = 0
        while n < 7 and date.fromordinal(min(ordinal + n + 1, LAST_DAY.toordinal())).weekday() in self.weekend:
            n += 1
        return n

    def _weekend_before(self, ordinal: int) -> int:
        n = 0
        while n < 7 and date.fromordinal(max(ordinal - n - 1, 1)).weekday() in self.weekend:
            n += 1
        return n

    def is_working(self, day: date) -> bool:
        # Placement asks about the same days again and again (each candidate block, each
        # body): one answer per day, remembered, instead of asking the holidays package.
        known = self._memo.get(day)
        if known is None:
            known = self._memo[day] = self.is_host_working(day) and not (self.members is not None and self.members.on(day))
        return known

    def is_blackout(self, day: date) -> bool:
        """Whether ``day`` is inside one of the blackouts (organization-wide, avoided calendars)."""
        return day in self._off_in(day.year)

    def why_not(self, day: date) -> str:
        """Why ``day`` is not a working day, in words (for explanations and tests)."""
        if day.weekday() in self.weekend:
            return "weekend"
        if self.holidays is not None and day in (named := country_year(self.code, day.year, self.wanted)[0]):
            return named[day]
        off = self._off_in(day.year)
        if day in off:
            return off[day]
        return self.members.why(day) if self.members is not None else ""

    def block_fits(self, start: date, days: int) -> bool:
        """Whether a meeting of ``days`` days may open on ``start``: on consecutive working
        days; one longer than a working week (more days than the week has working days)
        opens and closes on working days, and the days between are working days, weekend
        days or days off, none a blackout (a conference of two weeks sits Monday to Friday
        twice over its middle weekend; a holiday inside it is a day it does not sit)."""
        if days > self.week_run:
            return self.span_fits(start, days, self.is_working)
        # The hottest question of placement (each candidate day of each meeting): the memo
        # read inline, the holidays package asked only for a day not seen before.
        memo = self._memo
        day = start
        for _ in range(days):
            known = memo.get(day)
            if known is None:
                known = self.is_working(day)
            if not known:
                return False
            day += _ONE_DAY
        return True

    def span_fits(self, start: date, days: int, working: Callable[[date], bool]) -> bool:
        """A meeting longer than a working week: its first and last days ``working``, no
        blackout on any of its days."""
        last = start + timedelta(days=days - 1)
        if not (working(start) and working(last)):
            return False
        day = start + _ONE_DAY
        while day < last:
            if day in self._off_in(day.year):
                return False
            day += _ONE_DAY
        return True

    def place(
        self,
        target: date,
        days: int,
        window: Window,
        *,
        accept: Callable[[date], bool] = lambda _d: True,
        skip: Skip | None = None,
        own: Taken | None = None,
    ) -> date | None:
        """The first day of ``days`` consecutive working days nearest ``target`` inside
        ``window``: searched forward first, then backward. ``None`` when nothing fits.

        ``skip``: the first days ``accept`` surely refuses (a full calendar's), skipped by
        bisection once a search has gone ``_SKIP_AFTER`` days either way without a fit.
        ``own``: the body's own days, which ``accept`` asks first: a day they refuse tells
        how many days on that side they refuse too, passed over without asking."""
        first, end = window.start, window.end
        # (_last_start and _fits written out: placement asks this for each projected meeting)
        last_start = (end if end < LAST_DAY else LAST_DAY) - _BACKS[days]
        if last_start < first:
            return None
        target = first if target < first else last_start if target > last_start else target
        if self.blackouts and last_start - first > _SKIPPED and self.closed_through(first, last_start):
            if own is not None:
                own.refused = None
            if skip is not None:
                skip.get()  # (as a search that found nothing makes it)
            return None
        if skip is not None and skip.runs is not None:
            return self._place_skipping(target, days, first, last_start, accept, skip, own=own)
        # A day's answer is remembered by is_working; a block's by its first day (the same
        # blocks come back for every body of that length and calendar).
        known, fit = (self._memo, self.is_working) if days == 1 else self._fits(days)
        # (most searches end on the target itself: asked before the search is set up)
        fits = known.get(target)
        if fits is None:
            fits = known[target] = fit(target)
        if own is not None:
            own.refused = None
        if fits and accept(target):
            return target
        reach = max(last_start - target, target - first).days
        if skip is not None and reach > _SKIP_AFTER:
            return self._place_skipping(target, days, first, last_start, accept, skip, asked=True, own=own)
        # The order of _nearest (target, then forward before backward at each distance) as
        # steps added to the target: most searches end within a few days of it, and resuming
        # a generator costs more than testing a day.
        steps = islice(_STEPS, 1, 2 * reach + 1) if reach < _MAX_STEP else (c - target for c in islice(_nearest(target, days, window), 1, None))
        found = _first_fit(target, steps, first, last_start, known, fit, accept) if own is None else own.first_fit(target, steps, first, last_start, known, fit, accept)
        if found is not None:
            return found
        if skip is not None:
            skip.get()  # (a short window found nothing: the next search skips what it cannot take)
        return None

    def _fits(self, days: int) -> tuple[dict[date, bool], Callable[[date], bool]]:
        """The memo of blocks of ``days`` days that fit, and how to answer one not in it."""
        if days == 1:
            return self._memo, self.is_working
        known = self._blocks.get(days)
        if known is None:
            known = self._blocks[days] = {}
        return known, partial(self.block_fits, days=days)

    def _place_skipping(self, target: date, days: int, first: date, last_start: date, accept: Callable[[date], bool], skip: Skip, *, asked: bool = False, own: Taken | None = None) -> date | None:
        """:meth:`place`'s search in the same order, skipping the runs of ``skip`` (made when
        the first ``_SKIP_AFTER`` days each way found nothing, then used from the start);
        ``asked``: the target itself was refused already. ``own``, as for :meth:`place`: the
        days it refuses on either side of one it refused are passed over unasked, as
        :meth:`Taken.first_fit` does (a window where nothing fits asked each of its days)."""
        known, fit = self._fits(days)
        runs = skip.runs
        if runs is None:
            steps = islice(_STEPS, 1 if asked else 0, 2 * _SKIP_AFTER + 1)
            found = _first_fit(target, steps, first, last_start, known, fit, accept) if own is None or not asked else own.first_fit(target, steps, first, last_start, known, fit, accept)
            if found is not None:
                return found
            runs, distance = skip.get(), _SKIP_AFTER + 1
        else:
            distance = 0
        ahead, behind = target + _ONE_DAY, target  # own refuses the days ahead of the target before ``ahead``, behind it from ``behind``
        for ordinal in runs.nearest(target.toordinal(), first.toordinal(), last_start.toordinal(), distance):
            candidate = date.fromordinal(ordinal)
            if behind <= candidate < ahead and candidate != target:
                continue
            fits = known.get(candidate)
            if fits is None:
                fits = known[candidate] = fit(candidate)
            if fits:
                if own is None:
                    if accept(candidate):
                        return candidate
                    continue
                own.refused = None
                if accept(candidate):
                    return candidate
                refused = own.refused
                if refused is not None:  # (the nearer days on its side were asked already)
                    if candidate >= target:
                        ahead = refused[0]
                    if candidate <= target:
                        behind = refused[1]
        return None

    def place_fewest(self, target: date, days: int, window: Window, *, accept: Callable[[date], bool] = lambda _d: True, skip: Skip | None = None) -> tuple[date, tuple[str, ...]] | None:
        """Where no day is free of every member's holidays: the block on the host's working
        days with the fewest members on holiday (nearest ``target`` among equals), and those members."""
        best: tuple[int, date, tuple[str, ...]] | None = None
        candidates = _nearest(target, days, window)
        if skip is not None:
            last_start = _last_start(window, days)
            if last_start < window.start:
                return None
            near = min(max(target, window.start), last_start)
            candidates = map(date.fromordinal, skip.get().nearest(near.toordinal(), window.start.toordinal(), last_start.toordinal()))
        # (whether a block is on the host's working days, remembered by its first day: a
        # crowded calendar sends more windows here, each asking every day of its window)
        host_blocks = self._host_blocks.get(days)
        if host_blocks is None:
            host_blocks = self._host_blocks[days] = {}
        for candidate in candidates:
            working = host_blocks.get(candidate)
            if working is None:
                working = host_blocks[candidate] = self.span_fits(candidate, days, self.is_host_working) if days > self.week_run else all(self.is_host_working(candidate + timedelta(days=i)) for i in range(days))
            if not working or not accept(candidate):
                continue
            names: list[str] = []
            for i in range(days):
                for name in self.members.on(candidate + timedelta(days=i)) if self.members is not None else ():
                    if name not in names:
                        names.append(name)
            if best is None or len(names) < best[0]:
                best = (len(names), candidate, tuple(sorted(names)))
                if not names:
                    break
        return (best[1], best[2]) if best is not None else None

    def place_before(self, anchor: date, days: int, window: Window, *, accept: Callable[[date], bool] = lambda _d: True) -> date | None:
        """The block of ``days`` working days that ends on the working day right before
        ``anchor`` (back to back: nothing but days off between the two), or ``None`` when that
        block is not free or outside ``window``; at most :data:`BACK_TO_BACK` days before it."""
        for back in range(1, BACK_TO_BACK + 1):
            start = anchor - timedelta(days=back + days - 1)
            if start < window.start:
                return None
            if not self.is_working(start + timedelta(days=days - 1)):
                continue  # a day off right before the anchor: look further back
            if start + timedelta(days=days - 1) <= window.end and self.block_fits(start, days) and accept(start):
                return start
            return None
        return None


_MAX_STEP = 800
# A block's first day to its last, by its days (duration_days is 1 to 60): made once, not for
# each search
_BACKS = [timedelta(days=days - 1) for days in range(62)]
_SKIP_AFTER = 16
_SKIPPED = timedelta(days=_SKIP_AFTER)


class Skip:
    """The days a body's placements surely cannot take (:meth:`DayBook.blocked`), made on
    first need: most searches end within a few days of their target and never ask."""

    def __init__(self, make: Callable[[], Blocked], grown: int = 0) -> None:
        self.make = make
        self.runs: Blocked | None = None
        self.grown = grown  # (the DayBook's ``grown`` when made: runs made before rows' tails were taken miss their days)

    def get(self) -> Blocked:
        if self.runs is None:
            self.runs = self.make()
        return self.runs

_STEPS = [timedelta(0), *(timedelta(days=sign * k) for k in range(1, _MAX_STEP + 1) for sign in (1, -1))]


def _last_start(window: Window, days: int) -> date:
    """The last first day of a ``days``-day block inside ``window`` that ends by 2999-12-31 (an
    ``on`` rule's window of a five-day meeting due on 30 December 2999 runs into 3000)."""
    return (window.end if window.end < LAST_DAY else LAST_DAY) - _BACKS[days]


def _nearest(target: date, days: int, window: Window) -> Iterable[date]:
    """Possible first days of a ``days``-day block in ``window``, nearest ``target`` first
    (forward before backward at equal distance)."""
    last_start = _last_start(window, days)
    if last_start < window.start:
        return
    first = window.start
    target = min(max(target, first), last_start)
    yield target
    later = earlier = target
    while True:
        later += _ONE_DAY
        earlier -= _ONE_DAY
        ahead, behind = later <= last_start, earlier >= first
        if ahead:
            yield later
        if behind:
            yield earlier
        if not (ahead or behind):
            return


def _first_fit(target: date, steps: Iterable[timedelta], first: date, last_start: date, known: dict[date, bool], fit: Callable[[date], bool], accept: Callable[[date], bool]) -> date | None:
    """The first of ``target + step`` within ``[first, last_start]`` that fits (asked once, then
    remembered in ``known``) and is accepted; None when none is."""
    for step in steps:
        candidate = target + step
        if candidate < first or candidate > last_start:
            continue
        fits = known.get(candidate)
        if fits is None:
            fits = known[candidate] = fit(candidate)
        if fits and accept(candidate):
            return candidate
    return None
