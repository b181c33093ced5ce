"""How many windows a check will judge, estimated before any is made: a rule book of 1,000
bodies with twenty rules each since 2000 is 2.5 million windows (minutes and gigabytes), and a
small rule book can ask as much of a register that reaches back to the year 1000. The estimate
counts each rule's periods from its start (the rule's ``since``, the body's founding or its first
meeting) to the end judged; it reads each body's sorted meetings, never the register row by row.
"""

from __future__ import annotations

from datetime import date

from planner.core.dates import Duration
from planner.core.errors import RuleBookError
from planner.core.model import (
    AdHocRule,
    AfterRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    RuleBook,
)
from planner.engine.expectation import effective_start
from planner.engine.expectations import ExpectationEngine
from planner.inputs.limits import MAX_JUDGED

_DAYS = {"year": 365, "half": 181, "quarter": 90, "month": 28, "week": 7, "day": 1, "y": 365, "m": 28, "d": 1}


def refuse_too_many(book: RuleBook, engine: ExpectationEngine, start: date | None, end: date, wanted: set[str] | None) -> None:
    """A check of more than ``MAX_JUDGED`` windows is an error of the rule book (or of the range
    asked for), raised before the first body is judged and written."""
    too_many = windows_over(book, engine, start, end, MAX_JUDGED, wanted)
    if too_many is not None:
        span = f"from {start} to {end}" if start else f"up to {end}"
        raise RuleBookError(f"its rules judge more than {MAX_JUDGED:,} windows {span} (reached at body {too_many!r})", location="bodies", expected="fewer rules or bodies, or a shorter range (--from, --to, --body); see Limits in the README")


def windows_over(book: RuleBook, engine: ExpectationEngine, start: date | None, end: date, limit: int, wanted: set[str] | None = None) -> str | None:
    """The body at which the windows judged from ``start`` to ``end`` pass ``limit``, or ``None``."""
    total = 0
    for body in book.bodies:
        if wanted is not None and body.id not in wanted:
            continue
        total += body_windows(body, engine, start, end)
        if total > limit:
            return body.id
    return None


def body_windows(body: Body, engine: ExpectationEngine, start: date | None, end: date) -> int:
    own = engine.meetings_of(body.id).meetings
    count = 0
    for rule in body.rules:
        if isinstance(rule, AdHocRule):
            continue
        first = effective_start(body, rule) or (own[0].earliest if own else None)
        if isinstance(rule, AfterRule | BeforeRule):
            origins = engine.meetings_of(rule.body).meetings
            if not origins:
                continue
            first = max(first or origins[0].earliest, origins[0].earliest)
            step = _DAYS[rule.offset.unit]
            span = _span(first, start, min(end, rule.until) if rule.until else end)
            count += min(len(origins), span // step + 2)
            continue
        if first is None:
            continue
        span = _span(first, start, min(end, rule.until) if rule.until else end)
        gap = getattr(rule, "max_gap", None)
        if isinstance(gap, Duration):  # a gap window after each meeting, and each max_gap without one
            count += len(own) + span // max(gap.amount * _DAYS[gap.unit], 1) + 2
        if isinstance(rule, AtLeastRule | AtMostRule):
            step = _DAYS[rule.per.grain.value]
        else:
            interval = getattr(rule, "interval", None)
            step = interval.amount * _DAYS[interval.unit] if isinstance(interval, Duration) else 365
            step = max(step, 1)
            count += len(own)  # a rolling window follows each meeting as well
        count += span // step + 2  # a part period at each end
    return count


def _span(first: date, start: date | None, end: date) -> int:
    begin = max(first, start) if start else first
    return max((end - begin).days, 0)
