"""The days a body's own firmly dated meetings take near a window, and the periods its meetings
already fill up to an at_most rule's count, for placement."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from planner.core.dates import Duration, Grain, Window
from planner.core.model import AtMostRule
from planner.engine.body_meetings import CHAINING, BodyMeetings, counts

_SHIFTED: dict[Duration, dict[date, date]] = {}
_ONE_DAY = timedelta(days=1)


class Taken:
    """The days a body's own firmly dated meetings take near a window, ordered by first day:
    whether a block clashes with one of them, or starts within ``min_gap`` of one, is found by
    bisection (a body due 366 times a year checked each candidate day against every meeting
    already placed that year)."""

    def __init__(self, gap: Duration | None, apart: int = 0) -> None:
        self.gap = gap
        # Days kept free on each side of a meeting: 1 for a body whose sessions held the day
        # after another's last day (or within its days) would join its event and count once
        # (``count_by = "event"``); projecting two such sessions side by side met nothing.
        self.apart = timedelta(days=apart)
        # a gap in days is a fixed step: added without Duration.add_to's dispatch; one in
        # months or years is added to each day once per run (the same days come back)
        self.step = timedelta(days=gap.amount) if gap is not None and gap.unit == "d" else None
        self.shifted = _SHIFTED.setdefault(gap, {}) if gap is not None and self.step is None else {}
        self.firsts: list[date] = []
        self.items: list[tuple[date, date, date]] = []  # (first, last, first + gap)
        self.longest = timedelta(0)
        # The least a gap spans (a month is at least 28 days, a year 365: 31 January + 1m is
        # 28 February). When blocks refuses a day, ``refused`` says which days it surely
        # refuses for the same meeting: the first later day it may not, and the earliest day
        # from which it refuses every day up to this one (a search passes over them).
        self.least = (self.step or timedelta(days=gap.amount * (28 if gap.unit == "m" else 365))) if gap is not None else None
        self.refused: tuple[date, date] | None = None

    def extend(self, blocks: list[tuple[date, date]]) -> None:
        """Add blocks already ordered by first day, none before the last one held."""
        if self.firsts or len(blocks) < 2:
            for first, last in blocks:
                self.add(first, last)
            return
        gap, step = self.gap, self.step
        self.firsts = [first for first, _ in blocks]
        if step is not None:
            self.items = [(first, last, first + step) for first, last in blocks]
        else:
            self.items = [(first, last, gap.add_to(first) if gap else first) for first, last in blocks]
        self.longest = max(last - first for first, last in blocks)

    def add(self, first: date, last: date) -> None:
        at = bisect.bisect_right(self.firsts, first)
        self.firsts.insert(at, first)
        step = self.step
        self.items.insert(at, (first, last, first + step if step is not None else self.gap.add_to(first) if self.gap else first))
        if last - first > self.longest:
            self.longest = last - first

    def remove(self, first: date, last: date) -> None:
        at = bisect.bisect_left(self.firsts, first)
        while self.items[at][1] != last:
            at += 1
        del self.firsts[at], self.items[at]

    def blocks(self, day: date, end_day: date) -> bool:
        """Whether ``day``..``end_day`` overlaps a meeting (or comes within ``apart`` days of
        one), or ``day`` falls less than the gap after a meeting's first day or a meeting less
        than the gap after ``day``."""
        firsts, items, apart = self.firsts, self.items, self.apart
        # (most bodies keep no day apart: no date made to add nothing, each of them asked for
        # every candidate day)
        hi = bisect.bisect_right(firsts, end_day + apart if apart else end_day)
        for k in range(bisect.bisect_left(firsts, (day - apart if apart else day) - self.longest, 0, hi), hi):
            if (items[k][1] + apart if apart else items[k][1]) >= day:
                # (the later blocks up to its last day overlap it too, and the earlier ones
                # back to its first day less the block's length)
                self.refused = (items[k][1] + apart + _ONE_DAY, firsts[k] - apart - (end_day - day))
                return True
        if self.gap:
            # first + gap grows with first: the latest first before day + gap decides
            step = self.step
            k = bisect.bisect_left(firsts, day + step if step is not None else self._until(day)) - 1
            if k >= 0 and day < items[k][2]:
                # (so every later day up to its first + gap is within it, and every earlier day
                # back to its first less the least the gap spans)
                self.refused = (items[k][2], firsts[k] - self.least + _ONE_DAY)  # type: ignore[operator]
                return True
        return False

    def first_fit(self, target: date, steps: Iterable[timedelta], first: date, last_start: date, known: dict[date, bool], fit: Callable[[date], bool], accept: Callable[[date], bool]) -> date | None:
        """The placement search (``target + step`` for each step inside ``[first, last_start]``,
        that fits and is accepted), passing over the days this table surely refuses, as
        ``refused`` tells when ``accept`` asked :meth:`blocks` about one (the target's, asked
        before the search, may be there already). A body due three times a half-year, two
        months apart, asked ``accept`` about every day its last meeting's gap covered."""
        ahead, behind = target + _ONE_DAY, target  # refused: ahead of the target before ``ahead``, behind it from ``behind``
        if self.refused is not None:
            ahead, behind = self.refused
        for step in steps:
            candidate = target + step
            if candidate < first or candidate > last_start or behind <= candidate < ahead and candidate != target:
                continue
            fits = known.get(candidate)
            if fits is None:
                fits = known[candidate] = fit(candidate)
            if fits:
                self.refused = None
                if accept(candidate):
                    return candidate
                refused = self.refused
                if refused is not None:
                    # (the days between this one and the target were asked already: a bound
                    # short of this day passes over nothing new)
                    if candidate >= target:
                        ahead = refused[0]
                    if candidate <= target:
                        behind = refused[1]
        return None

    def _until(self, day: date) -> date:
        step = self.step
        if step is not None:
            return day + step
        until = self.shifted.get(day)
        if until is None:
            until = self.shifted[day] = self.gap.add_to(day)  # type: ignore[union-attr]
        return until


def capped(caps: tuple[tuple[AtMostRule, Grain, int], ...], bm: BodyMeetings, day: date, chosen: list[date]) -> bool:
    """Whether a meeting opening on ``day`` would put more counting meetings in one period
    of an at_most rule than it allows: those of the register and the projection surely opening
    in that period (as check counts them), and the days this placement chose already."""
    for rule, grain, ys in caps:
        window = grain.window(grain.index(day, ys), ys)
        first = window.start
        if rule.since and first < rule.since or rule.until and first > rule.until:
            continue  # a period belongs to the rule in force on its first day
        near = bm.overlapping(first, window.end)
        if len(near) + len(chosen) < rule.count:
            continue  # (fewer meetings near than the rule allows, counted or not: most periods)
        held = sum(1 for m in near if m.status in CHAINING and counts(rule, m) and first <= m.start.earliest and m.start.latest <= window.end)
        held += sum(1 for d in chosen if first <= d <= window.end)
        if held >= rule.count:
            return True
    return False


def cap_reached(caps: tuple[tuple[AtMostRule, Grain, int], ...], bm: BodyMeetings, window: Window) -> tuple[AtMostRule, str] | None:
    """The at_most rule (and its period's label) whose one period holds all of ``window`` and
    already as many counting meetings as it allows, so that no day of ``window`` takes one
    more: what a Problem of that window names, not the other bodies' meetings."""
    for rule, grain, ys in caps:
        index = grain.index(window.start, ys)
        if grain.window(index, ys).end >= window.end and capped(((rule, grain, ys),), bm, window.start, []):
            return rule, grain.label(index, ys)
    return None


__all__ = ["Taken", "cap_reached", "capped"]
