"""The days a body's own firmly dated meetings take near a window, and the periods its meetings
already fill up to an at_most rule's count, for placement."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

from planner.core.dates import Duration, Grain
from planner.core.model import AtMostRule
from planner.engine.expectation import CHAINING, BodyMeetings, counts

_SHIFTED: dict[Duration, dict[date, date]] = {}


class Taken:
    """The days a body's own firmly dated meetings take near a window, ordered by first day:
    whether a block clashes with one of them, or starts within ``min_gap`` of one, is found by
    bisection (a body due 366 times a year checked each candidate day against every meeting
    already placed that year)."""

    def __init__(self, gap: Duration | None) -> None:
        self.gap = gap
        # a gap in days is a fixed step: added without Duration.add_to's dispatch; one in
        # months or years is added to each day once per run (the same days come back)
        self.step = timedelta(days=gap.amount) if gap is not None and gap.unit == "d" else None
        self.shifted = _SHIFTED.setdefault(gap, {}) if gap is not None and self.step is None else {}
        self.firsts: list[date] = []
        self.items: list[tuple[date, date, date]] = []  # (first, last, first + gap)
        self.longest = timedelta(0)

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
        self.longest = max(self.longest, last - first)

    def remove(self, first: date, last: date) -> None:
        at = bisect.bisect_left(self.firsts, first)
        while self.items[at][1] != last:
            at += 1
        del self.firsts[at], self.items[at]

    def blocks(self, day: date, end_day: date) -> bool:
        """Whether ``day``..``end_day`` overlaps a meeting, or ``day`` falls less than the gap
        after a meeting's first day or a meeting less than the gap after ``day``."""
        firsts, items = self.firsts, self.items
        hi = bisect.bisect_right(firsts, end_day)
        for k in range(bisect.bisect_left(firsts, day - self.longest, 0, hi), hi):
            if items[k][1] >= day:
                return True
        if self.gap:
            # first + gap grows with first: the latest first before day + gap decides
            step = self.step
            if step is not None:
                until = day + step
            else:
                until = self.shifted.get(day)
                if until is None:
                    until = self.shifted[day] = self.gap.add_to(day)
            k = bisect.bisect_left(firsts, until) - 1
            if k >= 0 and day < items[k][2]:
                return True
        return False


def capped(caps: tuple[tuple[AtMostRule, Grain, int], ...], bm: BodyMeetings, day: date, chosen: list[date]) -> bool:
    """Whether a meeting opening on ``day`` would put more counting meetings in one period
    of an at_most rule than it allows: those of the register and the projection surely opening
    in that period (as check counts them), and the days this placement chose already."""
    for rule, grain, ys in caps:
        window = grain.window(grain.index(day, ys), ys)
        first = window.start
        if rule.since and first < rule.since or rule.until and first > rule.until:
            continue  # a period belongs to the rule in force on its first day
        held = sum(1 for m in bm.overlapping(first, window.end) if m.status in CHAINING and counts(rule, m) and first <= m.start.earliest and m.start.latest <= window.end)
        held += sum(1 for d in chosen if first <= d <= window.end)
        if held >= rule.count:
            return True
    return False


__all__ = ["Taken", "capped"]
