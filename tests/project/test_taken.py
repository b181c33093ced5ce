"""The body's own days in placement (engine/planning/taken.py): when ``blocks`` refuses a day,
the days it says it refuses too are refused, and the search that passes over them finds the
same day as the search that asks every one."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import islice

import pytest

from planner.core.dates import Duration
from planner.engine.planning.placement.working import _STEPS
from planner.engine.planning.taken import Taken

START = date(2027, 1, 1)
# month ends and the first days after them: where a gap in months is shortest (31 January + 1m)
EDGES = [date(2027, m, 1) - timedelta(days=1) for m in range(2, 13)] + [date(2028, 2, 29), date(2028, 3, 1)]


def _table(gap: str | None, seed: int) -> Taken:
    rng = random.Random(seed)
    taken = Taken(Duration.parse(gap) if gap else None)
    firsts = rng.sample(EDGES, 3) + [START + timedelta(days=rng.randrange(0, 700)) for _ in range(5)]
    for first in firsts:
        taken.add(first, first + timedelta(days=rng.choice((0, 0, 1, 4))))
    return taken


@pytest.mark.parametrize("gap", [None, "10d", "60d", "1m", "2m", "1y"])
@pytest.mark.parametrize("length", [0, 2])
def test_days_said_refused_with_a_refused_day_are_refused(gap, length):
    """Every day from ``refused[1]`` up to a refused day, and from it up to ``refused[0]``, is refused too."""
    span = timedelta(days=length)
    for seed in range(2):
        taken = _table(gap, seed)
        blocked = {START + timedelta(days=k) for k in range(-400, 1100) if taken.blocks(START + timedelta(days=k), START + timedelta(days=k) + span)}
        for day in sorted(blocked)[seed::9]:
            taken.refused = None
            assert taken.blocks(day, day + span)
            ahead, behind = taken.refused
            assert day < ahead  # (``behind`` past ``day``: it claims no earlier day)
            for k in range((ahead - day).days):
                assert day + timedelta(days=k) in blocked or not START - timedelta(days=400) <= day + timedelta(days=k) < START + timedelta(days=1100), (gap, day, ahead)
            for k in range(max(0, (day - behind).days + 1)):
                assert day - timedelta(days=k) in blocked or not START - timedelta(days=400) <= day - timedelta(days=k), (gap, day, behind)


@pytest.mark.parametrize("gap", [None, "10d", "2m", "1y"])
def test_search_passing_over_refused_days_finds_the_day_asking_each_finds(gap):
    """The nearest accepted day (forward first at equal distance) is the same with and without passing over."""
    rng = random.Random(7)
    for seed in range(6):
        taken = _table(gap, seed)
        weekend = {rng.randrange(7), rng.randrange(7)}

        def accept(day: date, taken: Taken = taken, weekend: set[int] = weekend) -> bool:
            return day.weekday() not in weekend and not taken.blocks(day, day + timedelta(days=1))

        for _ in range(40):
            first = START + timedelta(days=rng.randrange(-30, 700))
            last = first + timedelta(days=rng.choice((6, 30, 90, 181, 365)))
            target = first + (last - first) * rng.randrange(0, 5) // 4
            asked = [target + step for step in islice(_STEPS, 0, 2 * (last - first).days + 1) if first <= target + step <= last]
            expected = next((d for d in asked if accept(d)), None)
            taken.refused = None
            if accept(target):
                continue
            found = taken.first_fit(target, islice(_STEPS, 1, 2 * (last - first).days + 1), first, last, {}, lambda _d: True, accept)
            assert found == expected, (gap, target, first, last)
