"""What a rule book's rules ask of a projection before any meeting is placed: the number of
meetings over a horizon, summed body by body, so a rule book asking for millions is refused
before hours of placing (moved out of projection.py, unchanged)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from planner.core.dates import Duration
from planner.core.model import AdHocRule, AtLeastRule, AtMostRule, RuleBook

_SHORTEST_DAYS = {"year": 365, "half": 181, "quarter": 90, "month": 28, "week": 7, "y": 365, "m": 28, "d": 1}


def demand_over(book: RuleBook, start: date, end: date, limit: int, ends: Mapping[str, date] | None = None) -> str | None:
    """The body at which the meetings the rules ask for from ``start`` to ``end`` pass
    ``limit`` (counts a period times the periods, one a step of an interval; the rules the
    projection places), or ``None``: a rule book of 3,000 bodies meeting every day is refused
    before hours of placing, not after. ``ends``: each body's own end, where bodies have one."""
    days = max((end - start).days, 0) + 1
    total = 0
    for body in book.bodies:
        if ends is not None:
            days = max((ends.get(body.id, end) - start).days, 0) + 1
        binding = any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in body.rules)
        for rule in body.rules:
            if isinstance(rule, AdHocRule | AtMostRule) or (binding and not rule.binding):
                continue
            if isinstance(rule, AtLeastRule):
                total += rule.count * (days // _SHORTEST_DAYS[getattr(rule.per, "value", rule.per)] + 2)
            elif isinstance(getattr(rule, "interval", None), Duration):
                step = rule.interval.amount * _SHORTEST_DAYS[rule.interval.unit]  # type: ignore[attr-defined]
                total += days // max(step, 1) + 2
        if total > limit:
            return body.id
    return None
