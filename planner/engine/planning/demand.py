"""What a rule book's rules ask of a projection before any meeting is placed: the number of
meetings over a horizon, summed body by body, so a rule book asking for millions is refused
before hours of placing (moved out of projection.py, unchanged)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from planner.core.dates import Duration
from planner.core.model import AdHocRule, AtLeastRule, AtMostRule, RuleBook

_SHORTEST_DAYS = {"year": 365, "half": 181, "quarter": 90, "month": 28, "week": 7, "y": 365, "m": 28, "d": 1}
_LONGEST_DAYS = {"year": 366, "half": 184, "quarter": 92, "month": 31, "week": 7, "y": 366, "m": 31, "d": 1}


def _days_in_force(rule: Any, start: date, end: date) -> int:
    """The days of ``[start, end]`` on which ``rule`` may ask for a meeting: from its ``since``,
    and to its ``until`` and the windows begun by then (a period, or an interval and its
    tolerance, past it). 300 bodies of a daily rule that ended in 2001 were counted over a
    horizon from 2026 and refused, though they ask for nothing in it."""
    first = max(start, rule.since) if rule.since is not None else start
    last = end
    if rule.until is not None:
        reach = 0
        for length in (getattr(rule, "per", None), getattr(rule, "interval", None), getattr(rule, "tolerance", None)):
            if isinstance(length, Duration):
                reach += length.amount * _LONGEST_DAYS[length.unit]
            elif length is not None:
                reach += _LONGEST_DAYS.get(getattr(length, "value", length), 366)
        try:
            last = min(end, rule.until + timedelta(days=reach + 1))
        except OverflowError:  # (past 9999: the horizon's end)
            last = end
    return max((last - first).days + 1, 0)


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
            in_force = min(days, _days_in_force(rule, start, start + timedelta(days=days - 1)))
            if in_force == 0:
                continue
            if isinstance(rule, AtLeastRule):
                total += rule.count * (in_force // _SHORTEST_DAYS[getattr(rule.per, "value", rule.per)] + 2)
            elif isinstance(getattr(rule, "interval", None), Duration):
                step = rule.interval.amount * _SHORTEST_DAYS[rule.interval.unit]  # type: ignore[attr-defined]
                total += in_force // max(step, 1) + 2
        if total > limit:
            return body.id
    return None
