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
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from planner.core.bulk import paused_gc
from planner.core.dates import MAX_YEAR, Duration
from planner.core.errors import PlannerError
from planner.core.model import AdHocRule, AtLeastRule, AtMostRule, Body, Meeting, Rule, RuleBook
from planner.core.rules import rule_refs
from planner.core.vocabulary import Per
from planner.engine.planning.member_holidays import host_gap_notes, member_holidays
from planner.engine.planning.numbering import (
    placed,
    within_limit,
)
from planner.engine.planning.results import NextDue, Projection, ProjectionProblem, unconfirmed

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
    today + 10 years): projected from ``today`` whatever ``start`` is, and what opens before
    ``start`` left out, so that a later ``start`` shows the same meetings, reasons and ordinals."""
    register = tuple(meetings)
    start = start or today
    end = end or _ten_years(today)
    with paused_gc():
        # (the projector's indexes of the register too: a full collection while they are made
        # walked the whole register, a tenth of a second at N)
        projector = Projector(book, register, today, min(start, today), end)
        by_body = projector.run()
    # With --body, the Problems of those bodies and of the bodies they follow (a Summit that
    # fits nowhere is why its Ministerial is missing), not every body's.
    keep = followed(book, bodies) if bodies else None
    ahead = projector.problems if start <= today else [p for p in projector.problems if p.window.end >= start]
    problems = [*unconfirmed(book, register, today, bodies), *(ahead if keep is None else [p for p in ahead if p.body.id in keep])]
    # (and the notes of their meetings; a note of no one body, a holidays gap, stays)
    own = projector.notes if keep is None else [n for i, n in enumerate(projector.notes) if projector.note_bodies.get(i, "") in keep or i not in projector.note_bodies]
    notes = [*own, *member_holidays(book.organization.members, book.organization.holiday_categories, book.organization.holiday_subdivisions).gap_notes(y for y in projector.member_years if y <= end.year)] if book.organization.members else own
    notes = [*notes, *host_gap_notes(projector.host_years, end.year, book.organization.holiday_categories)]
    awaiting, superseded, aims = projector.awaiting, projector.superseded, projector.aims
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
        if firsts and start > today and firsts[0] < start:
            # A horizon from a later day (--from) is projected from --today all the same and
            # cut: the meetings due before it chain what comes after (the 9th Summit, two
            # years after the 8th projected before --from, not the 8th after a silence).
            found[:] = [m for m in found if _last_day(m) >= start]
            firsts = list(map(_FIRST_DAY, found))
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
    result = Projection(book, today, start, end, register, projected, tuple(problems), tuple(bodies) if bodies else None, tuple(notes), tuple(moved), aims=aims).in_order(inside=inside)
    if (not projected or bodies and not any(m.body in bodies for m in projected)) and not result.schedule():
        # Nothing is due in the horizon: when each body is next due after it says more.
        result = replace(result, next_due=next_due(book, register, today, start, end, bodies)).in_order(inside=inside)
    return result


def next_due(book: RuleBook, register: Sequence[Meeting], today: date, start: date, end: date, bodies: Sequence[str] | None = None) -> tuple[NextDue, ...]:
    """When each body (of ``bodies``, else all; ad hoc bodies are never due) is next due after
    ``end``: the first meeting the same projection makes over the body's horizon stretched by
    the longest interval, offset or period of its rules and the rules of the bodies it follows
    (bounded: one interval past the horizon, never past the last year a date may have). Each
    body is projected to the furthest end a body that follows it asks, the others to ``end``:
    a weekly body beside a century's rule is projected a week on, not a century (50 of them
    made 260,000 meetings to find 50)."""
    wanted = [b for b in book.bodies if (not bodies or b.id in bodies) and not all(isinstance(r, AdHocRule) for r in b.rules)]
    last = date(MAX_YEAR, 12, 31)
    if not wanted or end >= last:
        return ()
    # (a reach is at most 100 years: no overflow)
    reach = {b.id: max([d.add_to(end) for r in b.rules if (d := _reach(r)) is not None], default=end) for b in book.bodies}
    by_id = {b.id: b for b in book.bodies}
    untils: dict[str, date] = {}
    ends: dict[str, date] = {}
    for body in wanted:
        seen = followed(book, [body.id], by_id)  # (an after rule is next due from its origin's next meeting)
        until = untils[body.id] = min(last, max(reach[b] for b in seen))
        for other in seen:
            ends[other] = max(ends.get(other, end), until)
    try:
        with paused_gc():
            projector = Projector(book, register, today, min(start, today), max(untils.values()), ends)
            projector.labels = {}
            found = projector.run()
    except PlannerError:  # (a stretched horizon asking too much: the schedule says nothing more)
        return ()
    if projector.awaiting:
        placed(found, projector.awaiting)  # (a postponed meeting's reason says so)
    first: dict[str, Meeting] = {}
    for meetings in found:
        for m in meetings:
            if m.start.earliest > end and (m.body not in first or m.sort_key() < first[m.body].sort_key()):
                first[m.body] = m
    # A window past the horizon where no day fits (a crowded calendar) is due all the same:
    # the first of each body, where it opens before the body's first meeting placed.
    unplaced: dict[str, ProjectionProblem] = {}
    for p in projector.problems:
        if p.window.end > end and p.kind == "placement" and (p.body.id not in unplaced or p.window.start < unplaced[p.body.id].window.start):
            unplaced[p.body.id] = p
    out = []
    for body in wanted:
        m, p = first.get(body.id), unplaced.get(body.id)
        if p is not None and (m is None or p.window.start <= m.start.earliest):
            out.append(NextDue(body, None, p.label, untils[body.id], p))
            continue
        out.append(NextDue(body, m, projector.labels.get((m.body, m.key), "") if m is not None else "", untils[body.id]))
    return tuple(out)


def followed(book: RuleBook, ids: Iterable[str], by_id: dict[str, Body] | None = None) -> set[str]:
    """``ids`` and the bodies they follow, one after another: the other bodies of their rules
    (after, before, except_when) and the body each meets just before."""
    if by_id is None:
        by_id = {b.id: b for b in book.bodies}
    seen = {i for i in ids if i in by_id}
    todo = list(seen)
    while todo:
        body = by_id[todo.pop()]
        for ref in sorted(rule_refs(body) | ({body.before} if body.before else set())):
            if ref in by_id and ref not in seen:
                seen.add(ref)
                todo.append(ref)
    return seen


_PER = {Per.YEAR: Duration(1, "y"), Per.HALF: Duration(6, "m"), Per.QUARTER: Duration(3, "m"), Per.MONTH: Duration(1, "m"), Per.WEEK: Duration(7, "d")}


def _reach(rule: Rule) -> Duration | None:
    """How far past a horizon a rule's next window may lie: its interval, offset or period (the
    longer of that and its gap), ``None`` for an ad hoc rule."""
    if isinstance(rule, AdHocRule):
        return None
    if isinstance(rule, AtLeastRule | AtMostRule):
        gaps = [g for g in (getattr(rule, "max_gap", None), rule.first_within) if isinstance(g, Duration)]
        return max([_PER[rule.per], *gaps], key=lambda d: d.add_to(date(2000, 1, 1)))
    return getattr(rule, "interval", None) or getattr(rule, "offset", None) or Duration(1, "y")


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


__all__ = ["NextDue", "Projection", "ProjectionProblem", "next_due", "project"]
