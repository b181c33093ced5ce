"""Real dates for projected meetings: preferred months, working days of the host country,
blackout dates, and bodies that meet back to back.

Working days come from the ``holidays`` package: each country's own weekend (Iran rests on
Friday, most members on Saturday and Sunday) and its public holidays. Nothing here is
hand-written calendar knowledge.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from planner.core.dates import Window
from planner.core.model import Blackout, Body, HostPolicy, Meeting, RuleBook

SAT_SUN = frozenset({5, 6})


@lru_cache(maxsize=64)
def _country(code: str) -> holidays.HolidayBase | None:
    try:
        return holidays.country_holidays(code)
    except NotImplementedError:
        return None


class WorkingCalendar:
    """The working days of one host country, less the organization's and the body's blackouts."""

    def __init__(self, country_code: str | None, blackouts: Iterable[Blackout] = ()) -> None:
        self.code = country_code
        self.holidays = _country(country_code) if country_code else None
        self.weekend = frozenset(self.holidays.weekend) if self.holidays is not None else SAT_SUN
        self.blackouts = tuple(blackouts)

    def is_working(self, day: date) -> bool:
        if day.weekday() in self.weekend:
            return False
        if self.holidays is not None and day in self.holidays:
            return False
        return not any(b.start <= day <= b.last for b in self.blackouts)

    def why_not(self, day: date) -> str:
        """Why ``day`` is not a working day, in words (for explanations and tests)."""
        if day.weekday() in self.weekend:
            return "weekend"
        if self.holidays is not None and day in self.holidays:
            return str(self.holidays.get(day))
        for b in self.blackouts:
            if b.start <= day <= b.last:
                return b.reason or "blackout"
        return ""

    def block_fits(self, start: date, days: int) -> bool:
        return all(self.is_working(start + timedelta(days=i)) for i in range(days))

    def place(
        self,
        target: date,
        days: int,
        window: Window,
        *,
        accept: Callable[[date], bool] = lambda _d: True,
    ) -> date | None:
        """The first day of ``days`` consecutive working days nearest ``target`` inside
        ``window``: searched forward first, then backward. ``None`` when nothing fits."""
        last_start = window.end - timedelta(days=days - 1)
        if last_start < window.start:
            return None
        target = min(max(target, window.start), last_start)
        span = (last_start - window.start).days
        for step in range(span + 1):
            for candidate in (target + timedelta(days=step), target - timedelta(days=step)):
                if window.start <= candidate <= last_start and self.block_fits(candidate, days) and accept(candidate):
                    return candidate
        return None

    def place_before(self, anchor: date, days: int, window: Window, *, within: int = 10, accept: Callable[[date], bool] = lambda _d: True) -> date | None:
        """A block of working days ending as close as possible before ``anchor`` (at most
        ``within`` days before it, so that the two meetings stay back to back)."""
        for back in range(1, within + 1):
            start = anchor - timedelta(days=back + days - 1)
            if start < window.start:
                return None
            if start + timedelta(days=days - 1) <= window.end and self.block_fits(start, days) and accept(start):
                return start
        return None


def host_place(body: Body, book: RuleBook) -> tuple[str, str]:
    """City and country a body's meetings go to, where the rule book fixes them."""
    if body.host is HostPolicy.SECRETARIAT and book.organization.secretariat:
        return book.organization.secretariat.city, book.organization.secretariat.country
    if body.host is HostPolicy.FIXED:
        return body.host_city or "", body.host_country or ""
    return "", ""


def calendar_for(body: Body, book: RuleBook, country: str) -> WorkingCalendar:
    """The working calendar of ``country`` (a member name, alias or code) for ``body``."""
    member = book.organization.member(country) if country else None
    code = member.code if member else (country if len(country) == 2 and country.isupper() else None)
    return _calendar(code, book.organization.blackout + body.blackout)


@lru_cache(maxsize=512)
def _calendar(code: str | None, blackouts: tuple[Blackout, ...]) -> WorkingCalendar:
    return WorkingCalendar(code, blackouts)


@dataclass(frozen=True)
class Habits:
    """What a body's own history says about when it meets."""

    months: tuple[int, ...]
    day: int

    @classmethod
    def of(cls, body: Body, history: Sequence[Meeting]) -> Habits:
        exact_months = [m.earliest.month for m in history if m.start.precision.value in ("day", "month")]
        days = [m.earliest.day for m in history if m.start.exact]
        day = int(statistics.median_low(days)) if days else 15
        return cls(tuple(sorted(exact_months)), min(day, 28))

    def target_months(self, body: Body, count: int, window: Window) -> list[date]:
        """``count`` target days in ``window``: preferred months, else quantiles of the body's
        history months, else an even spread over the window."""
        months = [m for m in body.months]
        first_year = window.start.year
        candidates: list[date] = []
        if months:
            for year in range(first_year, window.end.year + 1):
                candidates += [date(year, m, self.day) for m in sorted(months)]
            inside = [d for d in candidates if window.start <= d <= window.end]
            if len(inside) >= count:
                return _spread_pick(inside, count)
        if self.months and window.days() >= 365:
            picks = [self.months[min(len(self.months) - 1, int((k + 0.5) * len(self.months) / count))] for k in range(count)]
            years = range(window.start.year, window.end.year + 1)
            out = []
            for k, month in enumerate(picks):
                year = years[min(len(years) - 1, k * len(years) // count)] if len(years) > 1 else window.start.year
                out.append(date(year, month, self.day))
            return sorted(out)
        return even_spread(window, count)


def _spread_pick(days: list[date], count: int) -> list[date]:
    if count == 1:
        return [days[len(days) // 2]] if len(days) > 2 else [days[0]]
    step = len(days) / count
    return [days[int(k * step + step / 2)] for k in range(count)]


def even_spread(window: Window, count: int) -> list[date]:
    """``count`` days at the middles of ``count`` equal parts of ``window``."""
    total = window.days()
    return [window.start + timedelta(days=int((k + 0.5) * total / count)) for k in range(count)]
