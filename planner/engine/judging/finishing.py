"""What follows judging a window, for every finding the judge makes: an origin never confirmed
held (``uncertain``, never a violation), the rule language's amendments (engine/rule_verdicts.py),
and record coverage, which turns a shortfall the register may not show into ``unknown``.
:class:`~planner.engine.judging.compliance.Judge` calls these."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from planner.core.model import Body, Status
from planner.engine.coverage import RecordGaps
from planner.engine.expectations import Expectation, ordinal
from planner.engine.judging.findings import CUSTOMARY, VIOLATIONS, Finding, Verdict, with_more_words
from planner.engine.judging.rule_verdicts import amend, due_without
from planner.engine.judging.window_finding import _meeting_words

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge, _RuleFacts

# verdicts that record coverage may turn into ``unknown`` (:func:`coverage`)
_SHORTFALLS = frozenset({Verdict.MISSED, Verdict.LATE, Verdict.ADVISORY})
# enum members read once (in Python 3.11 a member read from its class costs ~0.3 us)
_MISSED_OR_LATE = (Verdict.MISSED, Verdict.LATE)
_ADVISORY = Verdict.ADVISORY
_OPEN = Verdict.OPEN
_QUESTIONED = (*VIOLATIONS, Verdict.ADVISORY)
_SCHEDULED = (Status.PLANNED, Status.PROJECTED)


def finished(judge: Judge, e: Expectation, finding: Finding, facts: _RuleFacts, *, origins: bool = True) -> Finding:
    """A window's finding with what follows judging: an origin never confirmed, the rule
    language's amendments, record coverage for a shortfall."""
    if origins and e.origins:
        finding = unconfirmed_origin(judge, finding)
    if facts.amends:
        finding = amend_finding(judge, e, finding)
    if finding.verdict in _SHORTFALLS:
        finding = coverage(judge, finding)
    elif finding.verdict is _OPEN and finding.still_due:
        finding = open_coverage(judge, finding)
    return finding


def amend_finding(judge: Judge, e: Expectation, finding: Finding) -> Finding:
    verdict, notes = amend(judge.engine, e, finding.verdict.value, finding.counted, judge.today)
    if verdict or notes:
        finding = with_more_words(finding, lambda: notes, verdict=Verdict(verdict) if verdict else finding.verdict)
    return finding


def coverage(judge: Judge, finding: Finding) -> Finding:
    """A shortfall where the register is not known complete is ``unknown``: the meeting
    may have been held and not recorded (record coverage, :mod:`coverage`)."""
    e = finding.expectation
    shortfall = finding.verdict in _MISSED_OR_LATE or finding.verdict is _ADVISORY and (finding.still_due or finding.late_meeting)
    if e is None or e.pending or not shortfall:
        return finding
    gap = _record_gaps(judge, e).gap(e, finding.counted)
    if not gap:
        return finding
    shortfall_verdict = finding.verdict.value
    finding.delay = ""  # a delay measured against records that may lack a meeting is no delay
    return with_more_words(finding, lambda: f" Unknown, not {shortfall_verdict}: {gap}.", verdict=Verdict.UNKNOWN)


def open_coverage(judge: Judge, finding: Finding) -> Finding:
    """A window still running whose days so far the register is not known to hold every
    meeting of: what is still due is what the register shows (a meeting held may not be
    recorded), and the why says so; the window stays ``open`` (it runs either way)."""
    e = finding.expectation
    if e is None or e.pending:
        return finding
    gap = _record_gaps(judge, e).gap(e, finding.counted, until=min(judge.today, e.deadline))
    if not gap:
        return finding
    return with_more_words(finding, lambda: f" Still due as far as the register shows: {gap}.")


def gap_room(judge: Judge, out: list[Finding]) -> list[Finding]:
    """The findings of an ``at_least`` rule with ``min_gap``, where a window still running
    owes more meetings than the gap leaves days for before its deadline (twice a year, 120
    days apart, one held on 1 October: none held by 31 December can count): still ``open``
    (it runs, and a violation is judged when it closes), and its why says no meeting held in
    time can count, and from when one can."""
    today = judge.today + timedelta(days=1) if judge.closed else judge.today
    for f in out:
        e = f.expectation
        if f.verdict is not _OPEN or not f.still_due or e is None or e.pending:
            continue
        gap = e.rule.min_gap  # type: ignore[union-attr]
        chain = judge._gap_chains.chain(lambda e=e: judge.engine.meetings_of(e.body.id), e)
        at = bisect_right(chain, judge.today)
        last = chain[at - 1] if at else None
        first = gap.add_to(last) if last is not None else today
        day, room = max(today, first), 0
        while day <= e.deadline and room < f.still_due:
            room += 1
            day = gap.add_to(day)
        if room < f.still_due:
            more = f"only {room} more can" if room else "none held by then can"
            if first > today:  # the last counted meeting decides
                when = f"the next counts from {first}, {gap.words()} after the meeting counted on {last}"
            else:  # the days left do
                when = f"even the first held {'tomorrow' if judge.closed else 'today'} leaves too few days for the rest"
            with_more_words(f, lambda more=more, when=when, gap=gap: f" With meetings closer than {gap.words()} counting once, {more} count: {when}.")
    return out


def _record_gaps(judge: Judge, e: Expectation) -> RecordGaps:
    gaps = judge._record_gaps.get(e.body.id)
    if gaps is None:
        gaps = judge._record_gaps[e.body.id] = RecordGaps(e.body, judge.engine.book, judge.engine.meetings_of(e.body.id).meetings)
    return gaps


def unconfirmed_origin(judge: Judge, finding: Finding) -> Finding:
    """A window that exists only because of a planned meeting whose dates passed without
    it being recorded as held is ``uncertain``, never a violation (meaning 2)."""
    e = finding.expectation
    if e is None or not e.origins or finding.verdict not in _QUESTIONED:
        return finding
    if not all(o.status in _SCHEDULED and o.latest < judge.today for o in e.origins):
        return finding
    if due_without(judge.engine, e):  # due that period whether or not it was held
        return with_more_words(finding, lambda: f" Due then whether or not {_meeting_words(e.origins[-1], e.body)} (planned, not recorded as held) was held.")
    book = judge.engine.book
    names = []
    for o in e.origins:
        other = book.body(o.body)
        label = other.label if other else o.body
        names.append(f"the {ordinal(o.ordinal)} {label}" if o.ordinal else f"the {label}")
        names[-1] += f", planned {o.start}, not confirmed held"
    why = f"{e.label}: depends on " + " and ".join(names) + f"; {finding.why[0].lower()}{finding.why[1:]}" if finding.why else ""
    return replace(finding, verdict=Verdict.UNCERTAIN, why=why)


def customary_words(judged: Iterator[tuple[Body, int, list[Finding]]]) -> Iterator[tuple[Body, int, list[Finding]]]:
    """The findings of each body, where a customary rule's shortfall was worded "(customary
    rule, an advisory)" and its verdict is another (``unknown``, ``excused``, ``uncertain``):
    "(customary rule)", so that no why calls a window an advisory that is not one."""
    for body, recorded, findings in judged:
        if not all(getattr(rule, "binding", True) for rule in body.rules):
            for f in findings:
                if f.verdict is not _ADVISORY and f.expectation is not None and not f.expectation.binding:
                    f.why = partial(_not_an_advisory, Finding.why.slot.__get__(f, Finding))  # type: ignore[attr-defined]
        yield body, recorded, findings


def _not_an_advisory(said: str | Callable[[], str]) -> str:
    return (said if said.__class__ is str else said()).replace(CUSTOMARY, " (customary rule)")  # type: ignore[operator]
