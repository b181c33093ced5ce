"""The Problems of meetings that `min_gap` keeps out of a window: the window too short for
its missing meetings at their gap, or the gap from a meeting the body already holds there
running past the window's last day.

An `at_least` rule with `min_gap` counts meetings closer than the gap once (README: "min_gap
crosses period edges": the gap runs from the last counted meeting). Where that is why nothing
fits, the Problem says so, not "beside the other bodies' meetings", which would send the reader
looking for a clash there is not.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from planner.core.dates import Duration, Window
from planner.core.meeting import Meeting
from planner.core.model import Body
from planner.engine.planning.placement.working import WorkingCalendar
from planner.engine.planning.results import meeting_length
from planner.engine.rule_words import ordinal


def too_far_apart(body: Body, calendar: WorkingCalendar, window: Window, days: int, missing: int, gap: Duration, reason: str, where: str, label: str) -> str:
    """The Problem of a window too short for its missing meetings at their ``min_gap``,
    whatever the calendar (eight a year 30 days apart, from mid-October: three fit at most):
    that, not "beside the other bodies' meetings"; ``""`` when the window is long enough
    (its working days may still refuse them)."""
    latest = window.end - timedelta(days=days - 1)  # (the last day a meeting may open)
    fit, day = 0, window.start
    while fit < missing and day <= latest:
        fit, day = fit + 1, gap.add_to(day)
    if fit >= missing:
        return ""
    length = meeting_length(days, calendar)
    most = f"{fit} fit at most" if fit > 1 else "one fits at most" if fit else "none fits"
    return f"{body.name}: {missing} meetings of {length}{where}, {gap.words()} apart, do not fit in {window} ({reason}): {most} (the {ordinal(fit + 1)} could open on {day} at the earliest); nothing was projected for {label}."


def gap_runs_out(body: Body, calendar: WorkingCalendar, window: Window, days: int, missing: int, gap: Duration, have: Sequence[Meeting], reason: str, where: str, label: str) -> str:
    """The Problem of a window the gap from the body's last meeting counted in it (known to the
    day) leaves no day in: a Council twice a year 60 days apart, held 2026-11-20, as of
    2026-12-01: a December meeting would count once with it, and the next counts from
    2027-01-19. ``""`` where the gap leaves a day (something else refused it)."""
    firm = [m.earliest for m in have if m.start.exact]
    if not firm:
        return ""
    last = max(firm)
    opens = gap.add_to(last)
    if opens <= window.end - timedelta(days=days - 1):
        return ""
    length = meeting_length(days, calendar)
    many = missing > 1
    return (
        f"{body.name}: {missing} meeting{'s' if many else ''} of {length}{where} {'do' if many else 'does'} not fit in {window} ({reason}): "
        f"meetings closer than {gap.words()} count once, and the next counts from {opens}, {gap.words()} after the {body.name}'s meeting of {last}; nothing was projected for {label}."
    )


__all__ = ["gap_runs_out", "too_far_apart"]


