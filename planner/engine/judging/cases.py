"""A window due after an origin dated too loosely to fix its period (``Expectation.cases``):
judged once per period the origin may give, and ``uncertain`` when the answers differ."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from planner.core.dates import Grain
from planner.core.model import Meeting
from planner.engine.cadence.every import next_window
from planner.engine.expectation import UNBOUNDED, rolling_versions
from planner.engine.expectations import Expectation, ordinal_words
from planner.engine.judging.assignment import inside
from planner.engine.judging.findings import Finding, Verdict

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge, _RuleFacts


def judge_cases(judge: Judge, e: Expectation, held: list[Meeting], owner: dict[int, int], me: int, near: list[Meeting]) -> Finding:
    """An origin dated too loosely to fix the due period: judge every period it may give.
    When they agree, that is the verdict; when not, ``uncertain``, saying which origin
    dates give which verdict (issue 9: a verdict is never more certain than the data)."""
    facts = judge._facts(e.rule, e.body)
    found = _judged(judge, e, held, owner, me, near, facts)
    verdicts = {f.verdict for _, f in found}
    if len(verdicts) == 1:
        first = found[0][0]
        late = found[0][1].late_meeting
        if late is not None and first.deadline != found[-1][0].deadline:
            return _late_on_every_reading(judge, e, found, late)
        if first.label == e.label:
            return replace(found[0][1], expectation=e)
        # a window labelled apart from its first case (`before` names the latest day it may
        # end on): the why speaks of that window, on every day the origin may have opened on
        why = found[0][1].why
        head = f"{first.label}: "
        why = f"{e.label}: {why[len(head):]}" if why.startswith(head) else why
        if first.reason != e.reason:  # versions read apart: the hull's reason names each
            why = why.replace(first.reason, e.reason, 1)
        who = _who(judge, e)
        span = _span(first.assumption, found[-1][0].assumption)
        dues = sorted({c.deadline for c, _ in found}) if found[0][1].verdict is Verdict.OPEN and found[0][1].still_due else []
        if len(dues) > 1:  # still due on every reading, by a day that depends on it (a reading's finding may stand for others)
            why = why.replace(f" still due by {found[0][1].due_by}", f" still due by {dues[0]} to {dues[-1]}", 1)
            ordered = all(a.deadline <= b.deadline for (a, _), (b, _) in pairwise(found))  # not where readings span more than an interval
            how = " (the earlier it was held, the earlier the deadline)" if ordered else ""
            # due by the earliest reading's day (the first reading's, unless the readings span
            # more than an interval: then another's)
            return replace(found[0][1], expectation=e, due_by=dues[0], why=f"{why} Open whatever day {who} was held ({span}); the deadline depends on that day{how}.")
        return replace(found[0][1], expectation=e, why=f"{why} The same whatever day {who} was held ({span}).")
    runs: list[tuple[Verdict, str, str]] = []
    for c, f in found:
        if runs and runs[-1][0] is f.verdict:
            runs[-1] = (f.verdict, runs[-1][1], c.assumption)
        else:
            runs.append((f.verdict, c.assumption, c.assumption))
    by_verdict: dict[Verdict, list[str]] = {}
    for verdict, first, last in runs:
        by_verdict.setdefault(verdict, []).append(_span(first, last))
    who = _who(judge, e)
    ifs = "; ".join(f"{verdict.value} if it was held {' or '.join(spans)}" for verdict, spans in by_verdict.items())
    why = f"{e.label}: {e.reason}, but the register does not say when {who} was held: {ifs}."
    counted = tuple(dict.fromkeys(m for _, f in found for m in f.counted))
    return Finding(body=e.body, verdict=Verdict.UNCERTAIN, rule_text=judge.words(e.rule), source=e.rule.source, expectation=e, why=why, counted=counted)


def _late_on_every_reading(judge: Judge, e: Expectation, found: list[tuple[Expectation, Finding]], late: Meeting) -> Finding:
    """Late whatever day the loosely dated origin had: by as much as its readings allow (the
    first reading's delay alone was more certain than the register). On the readings where
    the window after this one closed before ``late`` too (a rolling chain), this one was
    missed and that one answered late: the why says so, and the delay is of the others."""
    closed = _next_closed(e, found, late)
    whole = found
    if closed and len(closed) < len(found):
        found = [(c, f) for c, f in found if id(c) not in closed]
    grain = e.grain
    grains = {c.grain for c, _ in found}
    if len(grains) > 1:
        # readings under versions of other grains (`every 2y`, then `every 18m`): how late in
        # the finest of them, from each reading's due period
        grain = Grain.DAY if Grain.DAY in grains else Grain.MONTH
        spans = [grain.index(day) - grain.index(c.window.end) if grain is not Grain.DAY else (day - c.window.end).days for c, _ in found for day in (late.start.earliest, late.start.latest)]
        unit = "day" if grain is Grain.DAY else "month"
    elif grain is Grain.DAY:
        spans = [(late.start.earliest - c.window.end).days for c, _ in found] + [(late.start.latest - c.window.end).days for c, _ in found]
        unit = "day"
    else:
        spans = [grain.index(late.start.earliest) - c.period for c, _ in found] + [grain.index(late.start.latest) - c.period for c, _ in found]
        unit = {Grain.YEAR: "year", Grain.MONTH: "month", Grain.HALF: "half-year", Grain.QUARTER: "quarter"}[grain]
    lo, hi = max(min(spans), 1), max(spans)
    delay = f"{lo} {unit}{'s' if lo != 1 else ''}" if lo == hi else f"{lo} to {hi} {unit}s"
    base = found[0][1]
    why = base.why.replace(f": {base.delay} late.", f": {delay} late.") if base.delay else base.why
    judged = base.expectation or found[0][0]  # the reading it was judged on (another reading's finding may stand for it)
    head = f"due {judged.label} ({judged.reason})"
    if why.startswith(head):  # due on every reading (and under each version), not the first's alone
        why = f"due {e.label} ({e.reason}){why[len(head) :]}"
    who = _who(judge, e)
    if closed and len(closed) < len(whole):
        early = [c for c, _ in whole if id(c) in closed]
        dues = sorted(d for c in early if (d := _next_deadline(c)) is not None)
        by = f"{dues[0]}" if dues[0] == dues[-1] else f"{dues[0]}..{dues[-1]}"
        why += (
            f" Late if {who} was held {_span(found[0][0].assumption, found[-1][0].assumption)}; if it was held {_span(early[0].assumption, early[-1].assumption)},"
            f" the window after this one (due by {by}) also closed before it: this one was missed, and that one answered late."
        )
    else:
        why += f" Late whatever day {who} was held ({_span(found[0][0].assumption, found[-1][0].assumption)}); how late depends on it."
    return replace(base, expectation=e, why=why, delay=delay)


def _next_deadline(c: Expectation) -> date | None:
    """The deadline of the window one interval after reading ``c`` of a rolling chain's window,
    as the chain makes it when nothing answers ``c`` (:func:`~planner.engine.cadence.every.next_window`);
    ``None`` where no version of the rule is in force then (the rule ended)."""
    after = next_window(c, rolling_versions(c.body, c.rule_index, c.rule), UNBOUNDED)  # type: ignore[arg-type]
    return None if after is None else after.deadline


def _next_closed(e: Expectation, found: list[tuple[Expectation, Finding]], late: Meeting) -> set[int]:
    """The readings of ``e`` (ids) on which the window after it closed before ``late`` opened
    on any of its days: there ``late`` answers that window, not ``e`` (README, Semantics:
    silences stay on the record). Only for a rolling chain of the body's own meetings."""
    origin = e.origin
    if e.rule.kind != "every" or getattr(e.rule, "mode", "") != "rolling" or origin is None or origin.body != e.body.id:
        return set()
    return {id(c) for c, _ in found if (due := _next_deadline(c)) is not None and due < late.start.earliest}


def _span(first: str, last: str) -> str:
    """The readings from ``first`` to ``last`` (each a period, a day or days ``a..b``)."""
    return first if first == last else f"{first.partition('..')[0]}..{last.rpartition('..')[2]}"


def _who(judge: Judge, e: Expectation) -> str:
    origin = e.origin
    other = judge.engine.book.body(origin.body) if origin is not None else None
    return ordinal_words(origin, other) if origin is not None and other is not None else "the origin"


def _judged(judge: Judge, e: Expectation, held: list[Meeting], owner: dict[int, int], me: int, near: list[Meeting], facts: _RuleFacts) -> list[tuple[Expectation, Finding]]:
    """Each case of ``e`` with its finding. An origin known only to its year gives one case
    per day it may have been held (365 windows, a day apart), and most of them see the same
    meetings in the same places: a case whose window sorts every meeting's possible first days
    as an earlier case's did (before, inside, after it: where its first and last day fall among
    those days), is as far from the late meetings after it and as running as it, has that
    case's verdict and counted meetings, and is not judged again. Only the first case's finding
    is read for more (:func:`judge_cases`), and it is always judged. Rules that thin their
    meetings (``min_gap``, merged events) see meetings before the window too: every case is
    judged."""
    cases = e.cases
    if e.origin is not None and e.origin.body == e.body.id:
        # a rolling chain's own loosely dated origin never answers the window due after it
        # (a reading of it may make that window end inside its days: `every 6m` after `2019`)
        near = [m for m in near if m is not e.origin]
        held = [m for m in held if m is not e.origin]
    if facts.thins:
        return [(c, judge._judge_one(c, [m for m in held if inside(m, c.window.start, c.deadline)], owner, me, near, facts)) for c in cases]
    firsts = sorted([m.start.earliest for m in near])
    lasts = sorted([m.start.latest for m in near])
    starts = judge.engine.meetings_of(e.body.id).starts  # where the late meetings after a deadline begin
    today, closed = judge.today, judge.closed
    seen: dict[tuple[object, ...], Finding] = {}
    found: list[tuple[Expectation, Finding]] = []
    for c in cases:
        start, end = c.window.start, c.deadline
        key = (
            bisect_left(firsts, start),
            bisect_right(firsts, end),
            bisect_left(lasts, start),
            bisect_right(lasts, end),
            bisect_right(starts, end),
            c.late_until,
            today < end if closed else today <= end,
            today >= start,
            c.minimum,
            c.maximum,
        )
        finding = seen.get(key)
        if finding is None:
            finding = seen[key] = judge._judge_one(c, [m for m in held if inside(m, start, end)], owner, me, near, facts)
        found.append((c, finding))
    return found
