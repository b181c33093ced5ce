"""What a body's own history says about when it meets (its usual months and day of the month),
and the target days of a window's meetings drawn from it."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from planner.core.dates import Precision, Window
from planner.core.model import Body

_KNOWN_MONTH = frozenset({Precision.DAY, Precision.MONTH})


@dataclass(frozen=True)
class Habits:
    """What a body's own history says about when it meets."""

    months: tuple[int, ...]
    day: int
    # the months picked for ``count`` meetings a period, by count: the same for every period
    _picks: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def make(cls, months: list[int], days: list[int]) -> Habits:
        """From the months of the history's meetings known to the month or day, and the days
        of those known to the day."""
        day = int(statistics.median_low(days)) if days else 15
        return cls(tuple(sorted(months)), min(day, 28))

    def target_months(self, body: Body, count: int, window: Window) -> list[date]:
        """``count`` target days in ``window``: preferred months, else quantiles of the body's
        history months, else an even spread over the window."""
        months = body.months
        if not months and (not self.months or (window.end - window.start).days < 364):
            return even_spread(window, count)  # (no preferred months, and no usual ones or a period under a year)
        first_year = window.start.year
        candidates: list[date] = []
        if months:
            for year in range(first_year, window.end.year + 1):
                candidates += [date(year, m, self.day) for m in sorted(months)]
            inside = [d for d in candidates if window.start <= d <= window.end]
            if len(inside) >= count:
                return _spread_pick(inside, count)
        if self.months and window.days() >= 365:
            picks = self._picks.get(count)
            if picks is None:
                usual = self.months
                picks = self._picks[count] = tuple(usual[min(len(usual) - 1, int((k + 0.5) * len(usual) / count))] for k in range(count))
            # the k-th pick in the k-th share of the window's years
            years, day = window.end.year - first_year + 1, self.day
            if years > 1:
                return sorted([date(first_year + min(years - 1, k * years // count), month, day) for k, month in enumerate(picks)])
            return sorted([date(first_year, month, day) for month in picks])
        return even_spread(window, count)


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
