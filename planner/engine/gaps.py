"""Gaps between meetings: ``max_gap`` and ``first_within``.

``max_gap``: no more than N days between two consecutive counting meetings, judged across period
boundaries (India's Companies Act 2013, s.173(1): "not more than one hundred and twenty days shall
intervene between two consecutive meetings of the Board"). ``first_within``: the first counting
meeting within N days of the body's ``established`` date (s.173(1): "within thirty days of the
date of its incorporation").

Convention: a gap is counted in days from the earlier meeting's first day (``gap_from =
"last_day"``: its last day) to the later meeting's first day, so 2022-01-10 to 2022-05-10 is 120
days. The default follows the Secretarial Standard SS-1 (para 2.1): an adjourned meeting being a
continuation of the original one, the interval counts from the original meeting's date. The limit
is the one in force on the later meeting's first day: a relaxation covers a gap when the later
meeting falls in its window.

Each gap is an :class:`Expectation` (one counting meeting due after ``origin``, by the last day the
limit allows), so projection fills it like any other window; :mod:`planner.engine.judging.gap_findings`
judges it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.dates import Duration, Grain, Window
from planner.core.model import AtLeastRule, Body, Meeting, Rule, Status
from planner.engine.expectations import (
    CHAINING,
    UNBOUNDED,
    Expectation,
    ExpectationEngine,
    counts,
    effective_start,
    ordinal_words,
)


@dataclass(slots=True, unsafe_hash=True)
class GapExpectation(Expectation):
    """The meeting due after ``origin`` (or after the founding, for ``first_within``)."""

    since_day: date = date.min  # the day the gap counts from
    first_meeting: bool = False  # first_within: counted from the body's establishment
    # An origin known only to the month or year: the day the next meeting is due by if the
    # origin was on its last possible day (``deadline`` is for its first possible day). Past
    # ``deadline`` but not past this, a silence is `uncertain`, not `missed`.
    latest_deadline: date | None = None

    @property
    def label(self) -> str:
        """The days the next meeting may fall on: ``2022-01-11..2022-05-10``."""
        return str(self.window)


def limit_on(rule: Rule, day: date) -> Duration | None:
    """The longest gap allowed when its later meeting is on ``day`` (``None``: no maximum)."""
    return rule.relaxed(day).max_gap if isinstance(rule, AtLeastRule) else None


def gap_deadline(rule: AtLeastRule, since_day: date) -> date:
    """The last day a meeting may follow one on ``since_day`` without a break: the end of the
    first run of days D within the limit in force on D. (Relaxations make the limit vary with
    D; a later run, such as a window exempt from any maximum, still makes a meeting held in it
    met, but is not what the body is due by.)"""
    assert rule.max_gap is not None

    def allowed(day: date) -> bool:
        limit = limit_on(rule, day)
        return limit is None or day <= limit.add_to(since_day)

    one = timedelta(days=1)
    ends = {rule.max_gap.add_to(since_day)}
    for r in rule.relaxations:
        ends |= {r.since - one, r.until}
        if isinstance(r.max_gap, Duration):
            ends.add(r.max_gap.add_to(since_day))
    return min((d for d in ends if d > since_day and allowed(d) and not allowed(d + one)), default=since_day)


def from_range(origin: Meeting, gap_from: str) -> tuple[date, date]:
    """The first and last day a gap after ``origin`` may count from (a range when the meeting
    is known only to the month or year)."""
    when = (origin.end or origin.start) if gap_from == "last_day" else origin.start
    return when.earliest, when.latest


def has_gaps(rule: Rule) -> bool:
    """Whether ``rule`` has gap windows besides its own (:func:`gap_expectations`)."""
    return rule.first_within is not None or getattr(rule, "max_gap", None) is not None


def gap_expectations(engine: ExpectationEngine, body: Body, index: int, rule: Rule, end: date, pending: bool, chain_from: date | None = None) -> list[Expectation]:
    """The first-meeting window (``first_within``) and one window after each counting meeting
    (``max_gap``), up to the one after the last meeting, which is what is due next.

    Origins are the held counting meetings, and the planned or projected ones after the last
    held one (a planned meeting whose date passed without being recorded as held does not reset
    the gap). With ``chain_from`` (projection), windows start from the last origin before it."""
    out: list[Expectation] = []
    bm = engine.meetings_of(body.id)
    if rule.first_within is not None and body.established is not None and rule.in_force(body.established.earliest):
        founded = body.established.earliest
        deadline = rule.first_within.add_to(founded)
        reason = f"first meeting within {rule.first_within.words()} of the {body.label}'s establishment ({body.established})"
        if rule.until is None or deadline <= rule.until or _answered_by_the_end(engine, body, rule, founded, rule.until):
            out.append(GapExpectation(body, rule, index, Grain.DAY, founded.toordinal(), Window(founded, deadline), 1, None, deadline, UNBOUNDED, reason, since_day=founded, first_meeting=True))
    if not isinstance(rule, AtLeastRule) or rule.max_gap is None:
        return out
    counting = [m for m in bm.meetings if counts(rule, m) and m.status in CHAINING]
    last_held = max((i for i, m in enumerate(counting) if m.status is Status.HELD), default=-1)
    origins = [m for i, m in enumerate(counting) if m.status is Status.HELD or i > last_held]
    if chain_from is not None:
        at = bisect.bisect_left([m.earliest for m in origins], chain_from)
        origins = origins[max(at - 1, 0) :]
    first = effective_start(body, rule)
    # Versions of one rule never judge a day twice: a gap window belongs to the version in
    # force on its first day, where that version has a maximum gap too (max_gap 120 days until
    # 2021-06-30, then 90: the gap from 2021-05-01 to 2021-08-20 is the first version's, met,
    # not also the second's, late)
    others = [r for r in body.rules if r is not rule and r.kind == rule.kind and r.id == rule.id and isinstance(r, AtLeastRule) and r.max_gap is not None]
    found: dict[int, GapExpectation] = {}
    for origin in origins:
        if rule.until is not None and origin.earliest > rule.until:
            break
        since_day, since_last = from_range(origin, rule.gap_from)
        deadline = gap_deadline(rule, since_day)
        latest = gap_deadline(rule, since_last) if since_last != since_day else None
        if first is not None and (latest or deadline) < first:
            continue  # the gap ended before the rule (or the body) began
        # the days the next meeting may fall on: after the origin, up to the last day it may be due
        after = bm.next_opening(origin, rule)
        window = Window(after, max(latest or deadline, after))
        is_pending = window.start > end
        if is_pending and not pending:
            break
        if others and not rule.in_force(window.start) and any(r.in_force(window.start) for r in others):
            continue  # another version's gap
        if rule.until is not None and (latest or deadline) > rule.until and not _answered_by_the_end(engine, body, rule, window.start, rule.until):
            continue  # due after the rule ended, and no meeting under it closed the gap
        reason = f"at most {rule.max_gap.words()} after {ordinal_words(origin, body)}"
        # Two meetings on one day: the gap runs from the later one.
        found[window.start.toordinal()] = GapExpectation(body, rule, index, Grain.DAY, window.start.toordinal(), window, 1, None, deadline, UNBOUNDED, reason, origin, is_pending, since_day=since_day, latest_deadline=latest)
        if is_pending:
            break
    return out + sorted(found.values(), key=lambda e: e.window.start)


def _answered_by_the_end(engine: ExpectationEngine, body: Body, rule: Rule, start: date, until: date) -> bool:
    """Whether a gap running past the end of its rule (``until``) is still judged: a version
    of the rule taking over the next day keeps it, and so does a counting meeting that may have
    opened in it while the rule was in force (it closed the gap under the rule). Otherwise the
    gap was due after the rule ended, and a rule that has ended requires nothing after its end
    (README, Semantics: as a rolling window or the period a floor ends in; session 19: 120
    days after 2020-10-01 under a rule ending 2021-01-15 was `missed`)."""
    after = until + timedelta(days=1)
    if any(other is not rule and other.kind == rule.kind and other.id == rule.id and other.in_force(after) for other in body.rules):
        return True
    today = engine.binding_on  # (check only; projection also counts what is planned)
    last_day = min(today, until) if today is not None else until
    statuses = (Status.HELD,) if today is not None else CHAINING
    return any(m.status in statuses and counts(rule, m) and m.start.earliest <= last_day and m.start.latest >= start for m in engine.meetings_of(body.id).overlapping(start, last_day))


__all__ = ["GapExpectation", "from_range", "gap_deadline", "gap_expectations", "limit_on"]
