"""``at_least`` / ``at_most`` rules -> expectations: each calendar period (year, half,
quarter, month, week) holds at least / at most ``count`` counting meetings (``DESIGN.md``,
"Cadence rules"). A window belongs to the rule version in force on its first day.

Part of :class:`~planner.engine.expectations.ExpectationEngine`, which calls it per rule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.dates import Window, year_start_month
from planner.core.model import AtLeastRule, AtMostRule, Body
from planner.engine.expectation import (
    CHAINING,
    Expectation,
    after_earlier_versions,
    counts,
    effective_start,
)
from planner.engine.rule_words import count_words

if TYPE_CHECKING:
    from planner.engine.expectations import ExpectationEngine


def per_period_expectations(engine: ExpectationEngine, body: Body, index: int, rule: AtLeastRule | AtMostRule, start: date | None, end: date) -> list[Expectation]:
    grain = rule.per.grain
    ys = year_start_month(rule.year_start or engine.book.organization.year_start)
    first = effective_start(body, rule)
    if first is not None:
        period = grain.index(first, ys)
        if grain.window(period, ys).start < first:
            period += 1  # a window belongs to the rule in force on its first day
    else:
        # No founding date and no since: judged from the period of the first counting
        # meeting (README, "Start"); a special or cancelled one before it starts nothing.
        first_counting = next((m for m in engine.meetings_of(body.id).meetings if counts(rule, m) and m.status in CHAINING), None)
        if first_counting is None:
            return []
        period = grain.index(first_counting.earliest, ys)
    if start:
        period = max(period, grain.index(start, ys))
    last = grain.index(min(end, rule.until) if rule.until else end, ys)
    out = []
    per_words = {"year": "a year", "half": "a half-year", "quarter": "a quarter", "month": "a month", "week": "a week"}[grain.value]
    at_least = isinstance(rule, AtLeastRule)
    relaxes = at_least and bool(rule.relaxations)
    within_words = f", within its first {rule.within.words()}" if at_least and rule.within is not None else ""
    reason = f"at least {count_words(rule.count)} {per_words}{within_words}" if at_least else f"at most {count_words(rule.count)} {per_words}"
    # _applies(body, rule, window.start) written out: the first and last day a window may
    # start on (window starts only grow with the period)
    lowest = max((d for d in (rule.since, body.established.earliest if body.established else None) if d), default=date.min)
    highest = rule.until or date.max
    seam = after_earlier_versions(body, rule, engine.book.organization.year_start)
    if seam is not None and seam > lowest:
        lowest = seam
    window_of = grain.window
    count = rule.count
    within = rule.within if at_least else None
    for p in range(period, last + 1):
        window = window_of(p, ys)
        if not lowest <= window.start <= highest:
            continue
        if within is not None:  # due in the period's first part only (s.336: six months)
            window = Window(window.start, min(window.end, within.add_to(window.start) - timedelta(days=1)))
        if relaxes:
            relaxed = rule.relaxed(window.start)  # a relaxation of count or min_gap applies to the periods it begins
            if (relaxed.count, relaxed.min_gap) == (rule.count, rule.min_gap):
                relaxed = rule
            out.append(Expectation(body, relaxed, index, grain, p, window, relaxed.count, None, window.end, None, f"at least {count_words(relaxed.count)} {per_words}{within_words}", year_start=ys))
        elif at_least:
            out.append(Expectation(body, rule, index, grain, p, window, count, None, window.end, None, reason, None, False, (), (), "", ys))
        else:
            out.append(Expectation(body, rule, index, grain, p, window, 0, count, window.end, None, reason, None, False, (), (), "", ys))
    return out
