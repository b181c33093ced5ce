"""What a body's own history says about when it meets (its usual months and day of the month),
and the target days of a window's meetings drawn from it."""

from __future__ import annotations

import calendar
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TypeVar

from planner.core.dates import Precision, Window
from planner.core.model import Body

T = TypeVar("T")

_KNOWN_MONTH = frozenset({Precision.DAY, Precision.MONTH})
_LAST = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # (February's in a common year)
WEEKDAY_HABIT = 3  # meetings known to the day, all on one day of the week, that make it the body's
LAST_WEEK = -1  # (the week of a body that always met on the month's last such weekday)


def _month_length(year: int, month: int) -> int:
    return _LAST[month] + (month == 2 and calendar.isleap(year))


@dataclass(frozen=True)
class Habits:
    """What a body's own history says about when it meets."""

    months: tuple[int, ...]
    day: int
    dated: bool = False  # the day is the history's (some meeting known to the day), not the default 15th
    # the first days of the history's meetings known to the day: each month's day is read from
    # them when first asked (most bodies are asked for one or two months; reading them all in
    # ``make`` doubled its time)
    days: Sequence[date] = field(default=(), compare=False, repr=False)
    # month -> the body's day in that month (see :meth:`on`)
    _month_days: dict[int, int] = field(default_factory=dict, compare=False, repr=False)
    # the months picked for ``count`` meetings a period, by count: the same for every period
    _picks: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    # (first month, last month, across a new year) of a period -> the median of its usual
    # months, by its place in the period (months from the first) and month; None: none there
    _medians: dict[tuple[int, int, bool], tuple[int, int] | None] = field(default_factory=dict, compare=False, repr=False)

    # month -> how many of the history's meetings fell in it, and the place of the last of them
    # (where the two middle months of an even history differ, the one the body used more, then
    # the one it used last, is the median month: see _pick)
    rank: dict[int, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    # the years of the history's meetings known to the month, as ``make`` was given its months
    # (for the n-th meeting of a year: :meth:`_by_turn`)
    years: Sequence[int] = field(default=(), compare=False, repr=False)
    in_order: Sequence[int] = field(default=(), compare=False, repr=False)  # those months, in order
    # the day of the week every meeting known to the day opened on, where there are at least
    # WEEKDAY_HABIT of them (a council meeting on the second Tuesday of each month): its usual
    # day in a month is then that weekday of the week it used (see :meth:`on`)
    weekday: int | None = None
    _month_weeks: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def make(cls, months: list[int], days: list[date], years: list[int] | None = None) -> Habits:
        """From the months of the history's meetings known to the month or day, in order of
        first day (with their years, where given), and the first days of those known to the day."""
        day = int(statistics.median_low([d.day for d in days])) if days else 15
        rank: dict[int, tuple[int, int]] = {}
        for place, month in enumerate(months):
            rank[month] = (rank[month][0] + 1 if month in rank else 1, place)
        weekdays = {d.weekday() for d in days}
        weekday = weekdays.pop() if len(days) >= WEEKDAY_HABIT and len(weekdays) == 1 else None
        return cls(tuple(sorted(months)), day, bool(days), rank=rank, days=days, years=years or (), in_order=months, weekday=weekday)

    def on(self, year: int, month: int) -> date:
        """The body's usual day in ``month`` of ``year``: the day it met on in that month (the
        median of its meetings there known to the day), else its day of the month over all
        its meetings; the month's last where the month is shorter (a body meeting on the 29th
        is projected on 29 February in a leap year and on the 28th otherwise; the 31st is the
        30th in April). A usual month and a usual day taken apart gave days the body never
        used: held on 2 July and 24 June, it was due on 2 June.

        A body that meets on one day of the week (every meeting known to the day on a Tuesday)
        keeps its week of the month instead: the median of the weeks it used in that month,
        else in all (the second Tuesday: the 8th to the 14th), or the month's last such day
        where it always met on the last. The median day of the month of a council meeting on
        the second Tuesday (the 8th to the 14th) was the 9th in April, whose nearest Tuesday
        in 2027 is the 6th, the first: a day it never meets on."""
        if self.weekday is not None:
            return self._weekday_on(year, month)
        day = self._month_days.get(month)
        if day is None:
            found = [d.day for d in self.days if d.month == month]
            day = self._month_days[month] = int(statistics.median_low(found)) if found else self.day
        return date(year, month, min(day, _LAST[month] + (month == 2 and calendar.isleap(year))))

    def _weekday_on(self, year: int, month: int) -> date:
        """The body's weekday in the week of ``month`` it uses (see :meth:`on`)."""
        assert self.weekday is not None
        week = self._month_weeks.get(month)
        if week is None:
            found = [d for d in self.days if d.month == month] or list(self.days)
            last = all(d.day + 7 > _month_length(d.year, d.month) for d in found)
            week = self._month_weeks[month] = LAST_WEEK if last else int(statistics.median_low([(d.day - 1) // 7 + 1 for d in found]))
        length = _month_length(year, month)
        first = 1 + (self.weekday - date(year, month, 1).weekday()) % 7
        day = first + 7 * (week - 1)
        if week == LAST_WEEK or day > length:  # (a fifth Tuesday the month lacks: its last)
            day = first + 7 * ((length - first) // 7)
        return date(year, month, day)

    def target_months(self, body: Body, count: int, window: Window) -> list[date]:
        """``count`` target days in ``window``: preferred months, else quantiles of the body's
        history months, else an even spread over the window."""
        months = body.months
        if count == 1 and window.start.month == window.end.month and window.start.year == window.end.year:
            # Days inside one month (a month due after another body's meeting): the usual
            # day there, preferred months or not (they choose months, and this one is given).
            usual = self.usual_month(window.start, window.end)
            if usual is not None:
                return [self.on(*usual)]
        if not months and (window.end - window.start).days < 364:
            # One meeting a period under a year (a half, a quarter): the median of the months
            # the body used in that part of the year (MERCOSUR's Summits, July and December:
            # the second half's in December), else the middle of the period. Several a period
            # are spread evenly over it: history months crowd them together, and their gaps
            # (min_gap) then left the next period no room.
            usual = self.usual_month(window.start, window.end) if count == 1 else None
            if usual is None:
                return even_spread(window, count)
            year, month = usual
            return [self.on(year, month)]
        if not months and not self.months:
            return even_spread(window, count)  # (no preferred months, no usual ones)
        first_year = window.start.year
        candidates: list[date] = []
        if months:
            for year in range(first_year, window.end.year + 1):
                candidates += [self.on(year, m) for m in sorted(months)]
            inside = [d for d in candidates if window.start <= d <= window.end]
            if len(inside) >= count:
                return _spread_pick(inside, count)
        if self.months and window.days() >= 365:
            picks = self._picks.get(count)
            if picks is None:
                picks = self._picks[count] = self._own_months(count)
            if not picks:
                return even_spread(window, count)
            # the k-th pick in the k-th share of the window's years
            years, on = window.end.year - first_year + 1, self.on
            if years == 2 and window.days() <= 366:
                # A year from another day than 1 January (`year_start`: April to March): each
                # month in the year it falls in there. A Board meeting in June and January was
                # due in January and June of the window's first and second calendar years,
                # both outside it, and was spread evenly (1 July and 30 December).
                start = window.start.month
                return sorted([on(first_year + (month < start), month) for month in picks])
            if years > 1:
                return sorted([on(first_year + min(years - 1, k * years // count), month) for k, month in enumerate(picks)])
            return sorted([on(first_year, month) for month in picks])
        return even_spread(window, count)

    def _own_months(self, count: int) -> tuple[int, ...]:
        """``count`` usual months for ``count`` meetings of a year, one month each: the
        medians of ``count`` shares of the history's months; where two shares give one month
        (a history of one meeting, in December, and eight due a year: eight Decembers, packed
        on consecutive days), the medians of the months the body used, each once; none where
        it used fewer months than ``count`` (the meetings are then spread over the year).
        Where some years of the history hold ``count`` meetings, the k-th month is the median
        of the k-th meetings of the years (see :meth:`_by_turn`)."""
        picks = self._by_turn(count)
        if picks:
            return picks
        picks = _pick(self.months, count, self.rank.__getitem__)
        if len(set(picks)) == count:
            return picks
        used = tuple(sorted(set(self.months)))
        picks = _pick(used, count, self.rank.__getitem__) if len(used) >= count else ()
        return picks if len(set(picks)) == count else ()

    def _by_turn(self, count: int) -> tuple[int, ...]:
        """The usual month of each of a year's ``count`` meetings: the median of the months of
        the k-th meeting of each year that held ``count``; a meeting of a year that held fewer
        or more goes with the turn whose median month is nearest (the earlier on a tie).
        ``()`` where no year held ``count``, or two turns share a month. A body meeting in
        March and September, one year only in March and one only in April (its spring
        meeting put off), meets in spring and autumn: March and September, where the medians
        of two halves of its sorted months (3, 3, 4, 9) were March and April, a month apart."""
        by_year: dict[int, list[int]] = {}
        for year, month in zip(self.years, self.in_order, strict=False):
            by_year.setdefault(year, []).append(month)
        years = [sorted(months) for _year, months in sorted(by_year.items())]
        full = [months for months in years if len(months) == count]
        if count < 2 or not full:
            return ()
        turns = [[months[k] for months in full] for k in range(count)]
        centres = [statistics.median(turn) for turn in turns]
        for months in years:
            if len(months) != count:
                for month in months:
                    turns[min(range(count), key=lambda k, m=month: (abs(m - centres[k]), k))].append(month)
        picks = tuple(_pick(sorted(turn), 1, self.rank.__getitem__)[0] for turn in turns)
        return picks if all(a < b for a, b in pairwise(picks)) else ()

    def usual_month(self, start: date, end: date) -> tuple[int, int] | None:
        """The (year, month) of the median of the body's usual months (one per meeting of its
        history) that fall in the months from ``start`` to ``end`` (see :func:`_pick`); ``None``
        where none does; for days inside one month, that month where the body's usual day
        falls among them (else ``None``).
        Found once for each shape of period (its first and last month): the same months fall
        in every period of that shape, at the same places (months from its first), and the
        median by place is the median by date (a pass over the history per meeting placed
        was a tenth of placement)."""
        if start.month == end.month and start.year == end.year:
            # Inside one month (a monthly period, the days due after or before another body's
            # meeting) there is no month to choose, but the body's day of the month stands: a
            # Board that meets on the 4th of each month is due on the 4th, not mid-month, and
            # a committee due in September 6 months after a Summit meets on its usual 21st.
            # Only where that day is in the window (a week holding it aims at it too).
            return (start.year, start.month) if self.dated and start <= self.on(start.year, start.month) <= end else None
        key = (start.month, end.month, start.year != end.year)
        try:
            found = self._medians[key]
        except KeyError:
            span = (end.year - start.year) * 12 + end.month - start.month + 1
            covered = {(start.month - 1 + k) % 12 + 1: k for k in range(span)} if span > 1 else {}
            places = sorted((covered[m], m) for m in self.months if m in covered)
            # (a place names its month, so two places are equal where their dates are)
            found = self._medians[key] = _pick(places, 1, lambda kept: self.rank[kept[1]])[0] if places else None
        if found is None:
            return None
        k, month = found
        return start.year + (start.month - 1 + k) // 12, month


def _pick(usual: Sequence[T], count: int, rank: Callable[[T], tuple[int, int]]) -> tuple[T, ...]:
    """``count`` of the sorted ``usual`` months: the median of each of ``count`` equal shares.
    Where a share has an even number and its two middle months differ, the median is neither
    above the other: the one the body met in more often, then the one it met in last (the
    FAO Conference, June six times, July twice, then August once and later months: July; the
    G20 Leaders, October once, November ten times: November; the Arab League Summit, April
    and May once each: May, the later)."""
    n = len(usual)
    picks = []
    for k in range(count):
        middle = (k + 0.5) * n / count  # (between two months where a whole number)
        at = min(n - 1, int(middle))
        if at == middle and at > 0 and usual[at - 1] != usual[at] and rank(usual[at - 1]) > rank(usual[at]):
            at -= 1
        picks.append(usual[at])
    return tuple(picks)


def _spread_pick(days: list[date], count: int) -> list[date]:
    if count == 1:
        return [days[len(days) // 2]] if len(days) > 2 else [days[0]]
    step = len(days) / count
    return [days[int(k * step + step / 2)] for k in range(count)]


def even_spread(window: Window, count: int) -> list[date]:
    """``count`` days at the middles of ``count`` equal parts of ``window``."""
    # (remembered: a thousand bodies ask for the middle of the same months; a copy, as callers
    # take targets out of it)
    return list(_even_spread(window.start, window.end, count))


@lru_cache(maxsize=4096)
def _even_spread(start: date, end: date, count: int) -> tuple[date, ...]:
    total = (end - start).days + 1
    return tuple(start + timedelta(days=int((k + 0.5) * total / count)) for k in range(count))
