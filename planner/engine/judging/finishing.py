"""What follows judging a window, for every finding the judge makes: an origin never confirmed
held (``uncertain``, never a violation), the rule language's amendments (engine/rule_verdicts.py),
and record coverage, which turns a shortfall the register may not show into ``unknown``;
then, over a rule's windows, the room ``min_gap`` leaves (:func:`gap_room`), a loosely
dated meeting that several windows count on (:func:`shared`), and the meetings a window
short of them did not count that a reader would look for: held before an ``after`` window
opened (:func:`name_early`), or once its rule had ended (:func:`name_after_the_end`).
:class:`~planner.engine.judging.compliance.Judge` calls these."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from planner.core.model import Body, Meeting, Rule, Status
from planner.core.words import a_or_an
from planner.engine.calendar_rules import except_window
from planner.engine.coverage import RecordGaps, excusing_gap
from planner.engine.expectations import BodyMeetings, Expectation, ordinal
from planner.engine.explain import beside_after, not_counted_words, shared_words, short_words
from planner.engine.judging.findings import CUSTOMARY, VIOLATIONS, Finding, Verdict, with_more_words
from planner.engine.judging.rule_verdicts import amend, due_without
from planner.engine.judging.window_finding import _meeting_words
from planner.engine.unrecorded_chain import chain_readings, skipped_in_chain

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge, _RuleFacts

# verdicts that record coverage may turn into ``unknown`` (:func:`coverage`)
_SHORTFALLS = frozenset({Verdict.MISSED, Verdict.LATE, Verdict.ADVISORY})
# enum members read once (in Python 3.11 a member read from its class costs ~0.3 us)
_MISSED_OR_LATE = (Verdict.MISSED, Verdict.LATE)
_ADVISORY = Verdict.ADVISORY
_OPEN = Verdict.OPEN
_EXCESS = Verdict.EXCESS
_QUESTIONED = (*VIOLATIONS, Verdict.ADVISORY)
_SCHEDULED = (Status.PLANNED, Status.PROJECTED)
_UNCERTAIN = Verdict.UNCERTAIN
_UNKNOWN = Verdict.UNKNOWN
_MET = Verdict.MET
_SHORT = frozenset({Verdict.MISSED, Verdict.ADVISORY, Verdict.UNKNOWN})  # a window short of meetings
_HELD = Status.HELD


def finished(judge: Judge, e: Expectation, finding: Finding, facts: _RuleFacts, *, origins: bool = True) -> Finding:
    """A window's finding with what follows judging: an origin never confirmed, the rule
    language's amendments, record coverage for a shortfall."""
    if origins and e.origins:
        finding = unconfirmed_origin(judge, finding)
    if facts.amends:
        finding = amend_finding(judge, e, finding)
    if finding.verdict in _SHORTFALLS:
        finding = coverage(judge, finding)
    elif finding.verdict is _EXCESS and e.rule.except_when:
        finding = excusing_coverage(judge, finding)
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
    gaps = record_gaps(judge, e)
    gap = gaps.gap(e, finding.counted) or (e.rule.except_when and excusing_gap(e, judge._record_gaps, judge.engine))
    if not gap:
        close = gaps.too_close(e)  # (remembered by gap(): a min_gap the unrecorded meetings could not fill)
        return with_more_words(finding, lambda: close) if close else finding
    shortfall_verdict = finding.verdict.value
    finding.delay = ""  # a delay measured against records that may lack a meeting is no delay
    return with_more_words(finding, lambda: f" Unknown, not {shortfall_verdict}: {gap}.", verdict=Verdict.UNKNOWN)


def excusing_coverage(judge: Judge, finding: Finding) -> Finding:
    """A ceiling broken in a period whose ``except_when`` body's register may lack the
    meeting that would excuse it is ``unknown``, not ``excess``: at most once a year except in
    a Summit year, twice in 2021, the Summits numbered 3rd (2020) then 5th (2022): the 4th may
    have met in 2021, and then 2021 was not judged (session 25; a shortfall so was already)."""
    e = finding.expectation
    if e is None or e.pending:
        return finding
    gap = excusing_gap(e, judge._record_gaps, judge.engine)
    if gap:
        return with_more_words(finding, lambda: f" Unknown, not excess: {gap}.", verdict=Verdict.UNKNOWN)
    if judge._running(e.deadline):
        # Broken as the register stands, and excused after all by a meeting still to come in
        # the period: said, not hidden in an `open` window no summary shows (session 25).
        book = judge.engine.book
        names = " or ".join(a_or_an(b.label) if (b := book.body(ref)) else ref for ref in e.rule.except_when)
        by = except_window(e).end
        return with_more_words(finding, lambda: f" Excused after all if {names} meets by {by}: this rule does not judge the count in a period with one.")
    return finding


def open_coverage(judge: Judge, finding: Finding) -> Finding:
    """A window still running whose days so far the register is not known to hold every
    meeting of: what is still due is what the register shows (a meeting held may not be
    recorded), and the why says so; the window stays ``open`` (it runs either way)."""
    e = finding.expectation
    if e is None or e.pending:
        return finding
    gap = record_gaps(judge, e).gap(e, finding.counted, until=min(judge.today, e.deadline))
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
        if f.verdict is _MET and e is not None and not e.pending and (doubt := record_gaps(judge, e).may_leave_short(e)):
            with_more_words(f, lambda doubt=doubt: doubt, verdict=_UNCERTAIN)  # (a number the register skips: unrecorded_gap)
        if f.verdict is not _OPEN or not f.still_due or e is None or e.pending:
            continue
        gap = e.rule.min_gap  # type: ignore[union-attr]  (the version or relaxation in force on the window's first day)
        if gap is None:
            continue
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


def record_gaps(judge: Judge, e: Expectation) -> RecordGaps:
    gaps = judge._record_gaps.get(e.body.id)
    if gaps is None:
        gaps = judge._record_gaps[e.body.id] = RecordGaps(e.body, judge.engine.book, judge.engine.meetings_of(e.body.id).meetings)
    return gaps


def unconfirmed_origin(judge: Judge, finding: Finding) -> Finding:
    """A window that exists only because of a planned meeting whose dates passed without
    it being recorded as held is ``uncertain``, never a violation (meaning 2)."""
    e = finding.expectation
    if e is not None and finding.verdict is _OPEN:
        return open_on_a_plan(judge, finding, e)
    if e is None or finding.verdict not in _QUESTIONED:
        return finding
    if e.unless:  # due only if a late plan was not held (cadence.after.binding_chain)
        return _depends_on(judge, finding, e, e.unless)
    if not e.origins or not all(o.status in _SCHEDULED and o.latest < judge.today for o in e.origins):
        return finding
    if due_without(judge.engine, e):  # due that period whether or not it was held
        return with_more_words(finding, lambda: f" Due then whether or not {_meeting_words(e.origins[-1], e.body)} (planned, not recorded as held) was held.")
    return _depends_on(judge, finding, e, e.origins)


def open_on_a_plan(judge: Judge, finding: Finding, e: Expectation) -> Finding:
    """A window still running that exists only because of planned meetings whose dates
    passed unconfirmed stays ``open`` (nothing is judged yet), and its why says it is due
    only if they were held: an NPT Review Conference planned 2026-04-27 and not recorded as
    held made "2031: 1 still due by 2031-12-31" read as certain, where the register leaves
    2027 due instead if it was not held (the twenty-first audit)."""
    if e.unless or e.both_readings or not all(o.status in _SCHEDULED and o.latest < judge.today for o in e.origins) or due_without(judge.engine, e):
        return finding
    book = judge.engine.book
    return with_more_words(finding, lambda: f" Due so only if {' and '.join(_meeting_words(o, book.body(o.body) or e.body) for o in e.origins)} (planned, not recorded as held) {'was' if len(e.origins) == 1 else 'were'} held.")


def _depends_on(judge: Judge, finding: Finding, e: Expectation, plans: tuple[Meeting, ...]) -> Finding:
    book = judge.engine.book
    names = []
    for o in plans:
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


def _loose_in(e: Expectation, m: Meeting) -> bool:
    """Whether ``m`` may have opened outside ``e``'s window (so may serve another)."""
    return m.start.earliest < e.window.start or m.start.latest > e.deadline


def _short_somewhere(unsure: list[Finding], today: date) -> dict[int, str]:
    """The words of each closed uncertain window of a group (windows linked by loosely dated
    meetings they each count on) that needs more such meetings than the group has: one
    meeting serves one window of a rule (DESIGN), so at least one of them is short on every
    reading, though the register does not say which. Only closed windows with nothing
    unconfirmed in them: a plan whose dates passed may have been held and filled one. Each
    meeting adds at most one to the windows' counts (no ``min_gap``, each session counts)."""
    closed = [f for f in unsure if f.expectation is not None and f.expectation.deadline < today and not f.unconfirmed]
    group: dict[int, int] = {}  # finding index -> its group's root

    def root(n: int) -> int:
        while group[n] != n:
            n = group[n]
        return n

    holder: dict[int, int] = {}  # loosely dated meeting -> the first window counting on it
    for n, f in enumerate(closed):
        group[n] = n
        e = f.expectation
        assert e is not None
        for m in f.counted:
            if _loose_in(e, m):
                if id(m) in holder:
                    group[root(n)] = root(holder[id(m)])
                else:
                    holder[id(m)] = n
    members: dict[int, list[int]] = {}
    for n in group:
        members.setdefault(root(n), []).append(n)
    said: dict[int, str] = {}
    for ns in members.values():
        if len(ns) < 2:
            continue
        loose = {id(m) for n in ns for m in closed[n].counted if _loose_in(closed[n].expectation, m)}  # type: ignore[arg-type]
        needs = [closed[n].expectation.minimum - sum(not _loose_in(closed[n].expectation, m) for m in closed[n].counted) for n in ns]  # type: ignore[union-attr]
        if sum(needs) <= len(loose):
            continue
        labels = [closed[n].expectation.label for n in ns]  # type: ignore[union-attr]
        words = f" So {short_words(labels, needs, len(loose), readings='every reading of the dates')}"
        for n in ns:
            said[id(closed[n])] = words
    return said


def shared(out: list[Finding], today: date) -> list[Finding]:
    """The uncertain windows of an ``at_least`` rule that each count on one loosely dated
    meeting: it meets one of them at most, and each why says so (:func:`shared_words`); where
    they need more such meetings than there are, that one of them is short (:func:`_short_somewhere`)."""
    unsure = [f for f in out if f.verdict is _UNCERTAIN and f.expectation is not None and not f.expectation.origins]
    if len(unsure) < 2:
        return out
    rule = unsure[0].expectation.rule  # type: ignore[union-attr]
    # (with min_gap, a meeting placed in one period may thin one of another and so free a
    # third: counts do not add up meeting by meeting; merged events neither: left unsaid)
    short = _short_somewhere(unsure, today) if getattr(rule, "min_gap", None) is None and rule.count_by == "session" else {}
    seen: dict[int, list[Expectation]] = {}  # a loosely dated meeting -> the windows counting on it
    for f in unsure:
        e = f.expectation
        assert e is not None
        for m in f.counted:
            if not m.start.exact and _loose_in(e, m):
                seen.setdefault(id(m), []).append(e)
    said: dict[int, str] = {}  # the words of each shared meeting, made once when first read

    def words(m: Meeting) -> str:
        text = said.get(id(m))
        if text is None:
            text = said[id(m)] = shared_words(m, seen[id(m)], _meeting_words)
        return text

    for f in unsure:
        e = f.expectation
        assert e is not None
        for m in f.counted:
            if len(seen.get(id(m), ())) > 1 and _loose_in(e, m):
                f = with_more_words(f, partial(words, m))
        if id(f) in short:
            f = with_more_words(f, partial(short.get, id(f)))
    return out


def name_early(out: list[Finding], bm: BodyMeetings) -> list[Finding]:
    """An ``after`` window nothing answered names the body's meetings held after its
    origin but before it opened, that no window of the rule counted ("Not counted: Board
    2020-12-31 (1 day before the window opened on 2021-01-01)"): "no counting meeting
    recorded" alone reads as if the body had not met (session 19)."""
    counted = {id(m) for f in out for m in f.counted}
    for f in out:
        e = f.expectation
        if f.verdict not in _SHORT or f.counted or e is None or e.cases or not e.origins:
            continue
        found = beside_after(e, bm.overlapping(min(o.earliest for o in e.origins), e.window.start - timedelta(days=1)), counted)
        if found:
            with_more_words(f, partial(not_counted_words, found, e.body, _meeting_words))
    return out


def name_after_the_end(out: list[Finding], bm: BodyMeetings) -> list[Finding]:
    """A window of a rule that ended (no version the day after) that nothing answered
    names the meeting that would have answered it late, held once the rule had ended
    (``Judge.late``: it answers nothing)."""
    for f in out:
        e = f.expectation
        if f.verdict not in _SHORT or e is None or e.late_until is None or (until := e.rule.until) is None or until >= e.late_until or goes_on(e):
            continue
        after = next((m for m in bm.overlapping(until + timedelta(days=1), e.late_until) if m.status is _HELD and e.counts(m) and m.start.earliest > until), None)
        if after is not None:
            with_more_words(f, partial(not_counted_words, [(after, f"held after the rule ended on {until}")], e.body, _meeting_words))
    return out


def goes_on(e: Expectation) -> bool:
    """Whether a version of ``e``'s rule (the same ``id``, or kind without one) is in force
    the day after the rule's ``until``."""
    rule = e.rule
    after = rule.until + timedelta(days=1)  # type: ignore[operator]
    identity = rule.id or f"kind {rule.kind}"
    return any(other is not rule and (other.id or f"kind {other.kind}") == identity and other.in_force(after) for other in e.body.rules)


def skipped_numbers(judge: Judge, rule: Rule, out: list[Finding]) -> list[Finding]:
    """``out``, the findings of ``rule``'s windows, where the register's numbers skip some:
    a ceiling they may break (:func:`skipped_ceiling`), windows they leave short on every
    reading (:func:`skipped_short`)."""
    if rule.kind == "at_most":
        return skipped_ceiling(judge, out)
    if rule.kind == "every":
        gaps_of = partial(record_gaps, judge)
        out = skipped_in_chain(chain_readings(out, lambda e: gaps_of(e).coverage, judge.today), gaps_of, judge.today)
    fixed = rule.kind in ("at_least", "after", "before") or getattr(rule, "mode", "") == "grid"  # (windows no meeting moves)
    if fixed and rule.count_by == "session":
        return skipped_short(judge, out)
    return out


def skipped_short(judge: Judge, out: list[Finding]) -> list[Finding]:
    """The closed ``unknown`` windows of an ``at_least``, ``after``, ``before`` or grid rule
    (fixed windows) that only the numbers the register skips may have filled (the 43rd and the 45th
    recorded, nothing in 2021 or 2022): where they need more meetings than the numbers skip,
    one of them is short on every reading, and each why says so, as :func:`_short_somewhere`
    does; each stays ``unknown`` (session 22). Not said where coverage statements, a loosely
    dated meeting or an unsure origin leave more open (nor on a rolling chain, whose windows
    move with the meetings that answer them). A window unknown only because its days are not
    known complete, touching no skipped number, leaves the others' count standing (SICA's
    half-years after its records end; audit 24)."""
    e0 = next((f.expectation for f in out if f.verdict is _UNKNOWN), None)
    if e0 is None:
        return out
    gaps = record_gaps(judge, e0)
    skipped = gaps.numbering()
    if not skipped.spans:
        return out
    rule, bm = e0.rule, judge.engine.meetings_of(e0.body.id)
    windows: list[tuple[Finding, list[tuple]]] = []
    doubtful: set[tuple] = set()  # numbers a window another source may have filled also touches
    for f in out:
        e = f.expectation
        if f.verdict is not _UNKNOWN or e is None or e.deadline >= judge.today or f.unconfirmed or e.rule is not rule:
            continue
        if e.cases or e.pending or any(o.status is not _HELD or not o.start.exact for o in e.origins):
            return out
        start, end = e.window.start, e.deadline
        spans = skipped.touching(start, end, e.rule.counts)
        if not spans:
            continue  # unknown for another reason (days not known complete): no number of its own
        loose = any(e.counts(m) and m.status is not Status.CANCELLED and m.start.earliest <= end and start <= m.start.latest and _loose_in(e, m) for m in bm.overlapping(start, end))
        if gaps.coverage.gap(start, end) or loose:
            doubtful.update(spans)  # a window another source may have filled: nothing is said of its numbers
            continue
        windows.append((f, spans))
    groups: list[tuple[list[Finding], set[tuple]]] = []  # windows joined by the spans they share
    for f, spans in windows:
        joined = [g for g in groups if g[1].intersection(spans)]
        merged = ([f] + [w for g in joined for w in g[0]], set(spans).union(*(g[1] for g in joined)))
        groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    for found, spans in groups:
        if spans & doubtful:
            continue
        # (a late meeting an unknown window names answers it outside its days: not counted)
        found.sort(key=lambda f: f.expectation.window.start)  # type: ignore[union-attr]
        needs = [f.expectation.minimum - sum(not _loose_in(f.expectation, m) for m in f.counted) for f in found]  # type: ignore[arg-type, union-attr]
        skipped = sum(span[3] for span in spans)
        if len(found) < 2 or sum(needs) <= skipped:
            continue
        labels = [f.expectation.label for f in found]  # type: ignore[union-attr]
        named = f"{', '.join(labels[:-1])} and {labels[-1]}"
        words = (
            f" The register's numbers leave {skipped} meeting{'s' if skipped > 1 else ''} unrecorded where {named} need {sum(needs)}:"
            f" so {short_words(labels, needs, skipped, named='them')}"
        )
        for f in found:
            with_more_words(f, lambda words=words: words)
    return out


def skipped_ceiling(judge: Judge, out: list[Finding]) -> list[Finding]:
    """The ``met`` windows of an ``at_most`` rule that a number the register skips may have
    broken (the 43rd and 45th in 2021, at most twice a year): ``uncertain``, never ``excess``,
    since numbers do not date the meeting they skip (README, "Numbering does not date a row").
    One whose days the register is not known to hold whole is within the limit as far as the
    register shows, and its why says so, as an open window's does (session 22)."""
    e0 = next((f.expectation for f in out if f.expectation is not None), None)
    if e0 is None:
        return out
    gaps = record_gaps(judge, e0)
    skipped = gaps.numbering()
    for f in out:
        e = f.expectation
        if f.verdict is not _MET or e is None or e.maximum is None:
            continue
        spans = skipped.touching(e.window.start, e.deadline, e.rule.counts) if skipped.spans else ()
        if spans and len(f.counted) + sum(span[3] for span in spans) > e.maximum:
            f.verdict = _UNCERTAIN
            with_more_words(f, lambda words="; ".join(span[4] for span in spans): f" Not certain: {words}, which would break the limit.")
        elif statement := gaps.coverage.gap(e.window.start, min(e.deadline, judge.today)):
            with_more_words(f, lambda words=statement: f" Within the limit as far as the register shows: {words}.")
    return out
