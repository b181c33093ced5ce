"""Unmet expectations -> projected meetings: when must each body meet next?

Bodies are projected in dependency order (a Summit before the Ministerial Council that follows
it, the SOC before the SWG that meets just before it), so an ``after`` rule chains from the
projected meetings of the other body too: a Summit that moves moves its Ministerial. Meetings the
register lists as planned are kept as they are and count. Dates come from :mod:`planner.engine.planning.placement`.

Invariant (tested): checking the register together with its own projection finds nothing missed
or late inside the horizon.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from planner.core.bulk import paused_gc
from planner.core.dates import MAX_YEAR
from planner.core.model import (
    Meeting,
    RuleBook,
)
from planner.engine.planning.member_holidays import host_gap_notes, member_holidays
from planner.engine.planning.numbering import (
    placed,
    within_limit,
)
from planner.engine.planning.results import Projection, ProjectionProblem, unconfirmed

if TYPE_CHECKING:
    pass
from planner.engine.planning.projector import Projector


def project(
    book: RuleBook,
    meetings: Iterable[Meeting],
    today: date,
    start: date | None = None,
    end: date | None = None,
    bodies: Sequence[str] | None = None,
) -> Projection:
    """Project the meetings each body must hold over ``[start, end]`` (default: today to
    today + 10 years)."""
    register = tuple(meetings)
    start = start or today
    end = end or _ten_years(today)
    with paused_gc():
        # (the projector's indexes of the register too: a full collection while they are made
        # walked the whole register, a tenth of a second at N)
        projector = Projector(book, register, today, start, end)
        by_body = projector.run()
    problems = [*unconfirmed(book, register, today, bodies), *projector.problems]
    notes = [*projector.notes, *member_holidays(book.organization.members).gap_notes(y for y in projector.member_years if y <= end.year)] if book.organization.members else projector.notes
    notes = [*notes, *host_gap_notes(projector.host_years, end.year)]
    awaiting, superseded = projector.awaiting, projector.superseded
    del projector  # its indexes and crowd, before the schedule is ordered
    inside = True  # every projected meeting opens inside the horizon (as placement puts them)
    for found in by_body:
        within_limit(found, book, notes)
        # Placed mostly in order: sorted (by the whole key) only where a first day does not
        # come strictly after the one before it (strictly later first days are in order).
        firsts = list(map(_FIRST_DAY, found))
        if firsts and max(firsts) > end:  # (a chain's last window may reach past the horizon)
            found[:] = [m for m, first in zip(found, firsts, strict=True) if first <= end]
            firsts = [first for first in firsts if first <= end]
        if not all(map(operator.lt, firsts, itertools.islice(firsts, 1, None))):
            found.sort(key=Meeting.sort_key)
        if firsts and min(firsts) < start:
            inside = False
    moved = [*superseded, *placed(by_body, awaiting)] if awaiting else superseded
    # Each body's meetings in order, then all of them by first day, last day and body: the
    # order of sorting all 300,000 by the whole key (a key names the body, so only a body's own
    # meetings can tie, and a stable sort keeps each body's own order among them), without
    # holding 300,000 keys of ten fields beside the projection. One sort of the lists laid end
    # to end, mostly runs already, is what heapq.merge gives, in C (merge's generator took 0.8 s).
    # The lists laid end to end in the order of their bodies' ids, then two stable sorts, by
    # last day and then by first day (read in C): the order of one sort by (first day, last
    # day, body), without a tuple of three per meeting (0.12 -> 0.05 s at N).
    by_body.sort(key=_body_of)
    merged = list(itertools.chain.from_iterable(by_body))
    del by_body
    merged.sort(key=_last_day)
    merged.sort(key=_FIRST_DAY)
    projected = tuple(merged)
    del merged
    return Projection(book, today, start, end, register, projected, tuple(problems), tuple(bodies) if bodies else None, tuple(notes), tuple(moved)).in_order(inside=inside)


_FIRST_DAY = operator.attrgetter("start.earliest")


def _body_of(found: list[Meeting]) -> str:
    return found[0].body if found else ""


def _last_day(m: Meeting) -> date:
    return (m.end or m.start).latest


def _ten_years(today: date) -> date:
    """Ten years after ``today``, but not past the last year a date may have (a projection
    from 2995 written to 3005 was output no command reads back: ``diff`` refused its dates)."""
    if today.year + 10 > MAX_YEAR:
        return date(MAX_YEAR, 12, 31)
    try:
        return today.replace(year=today.year + 10)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 10, day=28)


__all__ = ["Projection", "ProjectionProblem", "project"]
