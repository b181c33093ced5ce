"""``min_gap`` and the meetings the register's numbers skip (:class:`~planner.engine.coverage.Unrecorded`).

A number the register skips was held on a day it does not give, somewhere between its
neighbours. Under "meetings closer than this count once" such a meeting does not simply add
one to a window's count: closer than the gap to a recorded one, it counts once with it, and
counted just before a window, it may take the count from a recorded meeting inside it. So:

- a window short of meetings stays a violation when no day the unrecorded meetings may have
  opened on makes its count (the 43rd on 2020-01-10 and the 45th on 2020-03-01, three a year
  at least 30 days apart: whatever day the 44th was held, at most two count);
- a window its recorded meetings meet is ``uncertain`` when one unrecorded meeting, held on
  some of its days, leaves it short (the 44th counted on 2019-12-15 makes the 45th of
  2020-01-20 count once with it, in 2019).

Never more certain than the data, and no less than it need be.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from planner.core.dates import Duration
from planner.core.model import AtLeastRule, Body, Meeting, Status
from planner.engine.body_meetings import counts
from planner.engine.expectation import effective_start

# (first day the unrecorded meetings may have opened on, last day, how many)
Span = tuple[date, date, int]


def firm_days(meetings: Sequence[Meeting], rule: AtLeastRule) -> list[date] | None:
    """The first days of the held meetings ``rule`` counts, in order; ``None`` where one of
    them is known only to a month or year (its own readings are judged elsewhere)."""
    days = []
    for m in meetings:
        if m.status is Status.HELD and counts(rule, m):
            if not m.start.exact:
                return None
            days.append(m.start.earliest)
    return sorted(days)


def _chain_count(days: Sequence[date], gap: Duration, begins: date, start: date, end: date) -> int:
    """How many of ``days`` (sorted) ``min_gap``'s chain from ``begins`` counts in ``[start, end]``."""
    free, n = begins, 0
    for day in days:
        if day > end:
            break
        if day >= free:
            free = gap.add_to(day)
            n += start <= day
    return n


def most_counted(days: Sequence[date], spans: Sequence[Span], gap: Duration, begins: date, start: date, end: date) -> int:
    """At most how many meetings ``min_gap`` counts in ``[start, end]`` whatever the days of
    the unrecorded meetings in ``spans``: a bound read as if any number of them might be held
    on any of their days (the earliest day one may count on is taken each time: the most a
    chain of meetings at least the gap apart can hold). The chain before the window is the
    recorded one unless an unrecorded meeting may have opened before the window."""
    if any(first < start for first, _, _ in spans):
        free = start  # (the chain before the window may have run otherwise)
    else:
        before = [d for d in days if d < start]
        free = start
        last = None
        for day in before:
            if day >= begins and (last is None or day >= gap.add_to(last)):
                last = day
        if last is not None:
            free = max(start, gap.add_to(last))
    inside = [d for d in days if start <= d <= end]
    n, i = 0, 0
    while free <= end:
        i = bisect_left(inside, free, i)
        picks = [inside[i]] if i < len(inside) else []
        picks += [max(free, first) for first, last, _ in spans if last >= free and first <= end]
        pick = min(picks, default=None)
        if pick is None or pick > end:
            break
        n += 1
        free = gap.add_to(pick)
    return n


def readings(days: Sequence[date], span: Span, gap: Duration, begins: date, start: date, end: date) -> list[tuple[date, date, int]]:
    """How many meetings ``min_gap`` counts in ``[start, end]`` on each day one unrecorded
    meeting of ``span`` may have opened on: runs of days with one count, in order. The count
    changes only on a day where a comparison of the chain turns (the day passes a recorded
    one, reaches the gap after one, or its own gap passes one), so those days stand for all."""
    lo, hi = max(span[0], begins), span[1]
    if lo > hi:
        return []
    turns = {lo}
    for day in days:
        turns.update((day, gap.add_to(day), day + timedelta(days=1)))
        a, b = lo.toordinal(), hi.toordinal() + 1  # the first day whose gap ends after `day`
        while a < b:
            mid = (a + b) // 2
            if gap.add_to(date.fromordinal(mid)) > day:
                b = mid
            else:
                a = mid + 1
        if a <= hi.toordinal():
            turns.add(date.fromordinal(a))
    for edge in (start, end + timedelta(days=1)):
        turns.add(edge)
    points = sorted(d for d in turns if lo <= d <= hi)
    runs: list[tuple[date, date, int]] = []
    for k, day in enumerate(points):
        at = bisect_left(days, day)
        n = _chain_count([*days[:at], day, *days[at:]], gap, begins, start, end)
        to = points[k + 1] - timedelta(days=1) if k + 1 < len(points) else hi
        if runs and runs[-1][2] == n:
            runs[-1] = (runs[-1][0], to, n)
        else:
            runs.append((day, to, n))
    return runs


def chain_start(body: Body, rule: AtLeastRule) -> date:
    return effective_start(body, rule) or date.min
