"""Expectations x register -> findings: did each body meet as often as its rules require?

Only ``held`` meetings satisfy a window. A ``planned`` (or ``projected``) meeting shows as
scheduled in a window that is still running; one whose dates have passed is reported as
unconfirmed and not counted. Meetings known only to the year or month decide a window when
their whole range lies inside it; otherwise the window is ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date

from planner.core.bulk import paused_gc
from planner.core.dates import Grain
from planner.core.model import AdHocRule, AtLeastRule, Body, Meeting, OnRule, Rule, RuleBook, Status
from planner.engine.coverage import Coverage
from planner.engine.expectations import (
    NOT_COUNTING,
    Expectation,
    ExpectationEngine,
    ordinal,
    ordinal_words,
    rule_words,
    thin,
)
from planner.engine.explain import not_counted, not_counted_words, unheld_words
from planner.engine.gaps import GapExpectation
from planner.engine.judging.assignment import assign, inside
from planner.engine.judging.findings import (
    VIOLATIONS,
    Checked,
    Finding,
    Report,
    Verdict,
    with_more_words,
)
from planner.engine.judging.rule_verdicts import amend, judge_on

# Re-exported: callers import the results of a check from here too.
__all__ = ["VIOLATIONS", "Checked", "Finding", "Judge", "Report", "Verdict", "check", "check_bodies"]


def _start_range(meeting: Meeting) -> tuple[date, date]:
    return meeting.start.earliest, meeting.start.latest


def _meeting_words(meeting: Meeting, body: Body) -> str:
    bits = [str(meeting.start)]
    if meeting.ordinal:
        bits.append(f"{ordinal(meeting.ordinal)}")
    if meeting.city:
        bits.append(meeting.city)
    return f"{body.label} " + " ".join([bits[0], f"({', '.join(bits[1:])})"] if len(bits) > 1 else bits)


def _delay(expectation: Expectation, meeting: Meeting) -> str:
    grain = expectation.grain
    if grain is Grain.DAY:
        lo, hi = ((d - expectation.deadline).days for d in _start_range(meeting))
        unit = "day"
    else:
        lo, hi = (grain.index(d) - expectation.period for d in _start_range(meeting))
        unit = {Grain.YEAR: "year", Grain.MONTH: "month", Grain.HALF: "half-year", Grain.QUARTER: "quarter"}[grain]
    # a late meeting known only to the month or year: as late as its possible days say, no more certain
    return f"{lo} {unit}{'s' if lo != 1 else ''}" if lo == hi else f"{lo} to {hi} {unit}s"


class Judge:
    """Judges expectations against one register as of ``today``.

    ``closed``: judge as at the close of ``today`` (``--to`` in the past): a window whose
    deadline is that day is final, not running."""

    def __init__(self, engine: ExpectationEngine, today: date, *, closed: bool = False) -> None:
        self.engine = engine
        self.today = today
        self.closed = closed
        self._words: dict[int, str] = {}
        self._coverages: dict[str, Coverage] = {}

    def words(self, rule: Rule) -> str:
        """The rule in words, worded once per rule rather than once per window."""
        key = id(rule)
        if key not in self._words:
            self._words[key] = rule_words(rule, self.engine.book)
        return self._words[key]

    def judge_all(self, exps: Sequence[Expectation]) -> list[Finding]:
        """Judge expectations of any rules, in their order: each rule's windows share out its
        meetings first (one meeting serves one window of a rule, :mod:`assignment`)."""
        by_rule: dict[tuple[str, int], list[int]] = {}
        out: list[Finding | None] = [None] * len(exps)
        for n, e in enumerate(exps):
            if isinstance(e, GapExpectation):  # a gap is between two meetings: nothing to share out
                out[n] = _judge_gap(self, e)
            else:
                by_rule.setdefault((e.body.id, e.rule_index), []).append(n)
        for positions in by_rule.values():
            for n, finding in zip(positions, self.judge_rule([exps[n] for n in positions]), strict=True):
                out[n] = finding
        return [f for f in out if f is not None]

    def judge_rule(self, exps: Sequence[Expectation]) -> list[Finding]:
        """Judge the windows of one rule, in order."""
        if not exps:
            return []
        bm = self.engine.meetings_of(exps[0].body.id)
        claimed, owner, near = assign(exps, bm)
        out = []
        for n, e in enumerate(exps):
            finding = self._judge(e, claimed[n], owner, n, near[n])
            if finding.late_meeting is not None:
                owner[id(finding.late_meeting)] = n
            out.append(finding)
        return out

    def judge(self, e: Expectation) -> Finding:
        """Judge one expectation alone (its rule's other windows claim nothing)."""
        if isinstance(e, GapExpectation):
            return _judge_gap(self, e)
        return self.judge_rule([e])[0]

    def _judge(self, e: Expectation, held: list[Meeting], owner: dict[int, int], me: int, near: list[Meeting]) -> Finding:
        """The finding of one window, with what the rule language adds (engine/rule_verdicts.py):
        the ``on`` kind's own judgement, exceptions, merged events, formats not counted."""
        if isinstance(e.rule, OnRule) and not e.pending:
            found = judge_on(self.engine, e, self.today, self._running(e.window.start))
            finding = Finding(body=e.body, verdict=Verdict(found.pop("verdict")), rule_text=self.words(e.rule), source=e.rule.source, expectation=e, **found)
        else:
            finding = self._judge_kinds(e, held, owner, me, near)
        verdict, notes = amend(self.engine, e, finding.verdict.value, finding.counted, self.today)
        if verdict or notes:
            finding = with_more_words(finding, lambda: notes, verdict=Verdict(verdict) if verdict else finding.verdict)
        return self._coverage(finding)

    def _coverage(self, finding: Finding) -> Finding:
        """A shortfall where the register is not known complete is ``unknown``: the meeting
        may have been held and not recorded (record coverage, :mod:`coverage`)."""
        e = finding.expectation
        shortfall = finding.verdict in (Verdict.MISSED, Verdict.LATE) or finding.verdict is Verdict.ADVISORY and (finding.still_due or finding.late_meeting)
        if e is None or e.pending or not shortfall:
            return finding
        coverage = self._coverages.get(e.body.id)
        if coverage is None:
            coverage = self._coverages[e.body.id] = Coverage.of(e.body, self.engine.book)
        gap = coverage.gap(e.window.start, e.deadline)
        if not gap:
            return finding
        shortfall_verdict = finding.verdict.value
        finding.delay = ""  # a delay measured against records that may lack a meeting is no delay
        return with_more_words(finding, lambda: f" Unknown, not {shortfall_verdict}: {gap}.", verdict=Verdict.UNKNOWN)

    def _judge_kinds(self, e: Expectation, held: list[Meeting], owner: dict[int, int], me: int, near: list[Meeting]) -> Finding:
        if e.pending:
            return self._next_due(e)
        if e.cases:
            finding = self._judge_cases(e, held, owner, me, near)
        else:
            finding = self._judge_one(e, held, owner, me, near)
            notes = not_counted(e, near, owner, me, finding.counted)
            if notes:
                finding = with_more_words(finding, lambda: not_counted_words(notes, e.body, _meeting_words))
        return self._unconfirmed_origin(finding)


    def _running(self, deadline: date) -> bool:
        return self.today < deadline if self.closed else self.today <= deadline

    def _judge_one(self, e: Expectation, held: list[Meeting], owner: dict[int, int], me: int, near: list[Meeting]) -> Finding:
        """``near``: the body's meetings touching ``window.start`` .. ``deadline`` (or more)."""
        body = e.body
        rule = e.rule
        text = self.words(rule)
        on_time_end = e.deadline
        window_start = e.window.start
        today = self.today
        possible: list[Meeting] = []
        scheduled: list[Meeting] = []
        unconfirmed: list[Meeting] = []
        # counts(rule, m) and inside(m, ...) written out: this loop runs for every window
        kinds, formats = rule.counts, rule.formats
        for m in near:
            status = m.status
            if m.kind not in kinds or status in NOT_COUNTING or (formats and m.format is not None and m.format not in formats):
                continue
            s0, s1 = m.start.earliest, m.start.latest
            if s1 < window_start or s0 > on_time_end:
                continue
            if status is Status.HELD:
                if not (window_start <= s0 and s1 <= on_time_end) and owner.get(id(m), me) == me:
                    possible.append(m)
            elif status is Status.PLANNED or status is Status.PROJECTED:
                (scheduled if m.latest >= today else unconfirmed).append(m)
        if held and (rule.count_by == "event" or (isinstance(rule, AtLeastRule) and rule.min_gap is not None)):
            held, doubtful = thin(held, e)
            possible += doubtful
        n = len(held)
        base = {"body": body, "rule_text": text, "source": rule.source, "expectation": e, "scheduled": tuple(scheduled), "unconfirmed": tuple(unconfirmed)}
        running = today < on_time_end if self.closed else today <= on_time_end
        counted = tuple(held)

        # The words of each finding are made only when read (Finding.why): most are never shown.
        def words() -> str:
            return ", ".join(_meeting_words(m, body) for m in held)

        def unconf_words() -> str:
            return "; " + ", ".join(_meeting_words(m, body) for m in unconfirmed) + " was planned but is not recorded as held (unconfirmed)" if unconfirmed else ""

        if e.maximum is not None:
            if n > e.maximum:
                return Finding(verdict=Verdict.EXCESS if e.binding else Verdict.ADVISORY, why=lambda: f"{e.label}: {n} meetings, at most {e.maximum} allowed: {words()}.", counted=counted, **base)
            if n + len(possible) > e.maximum:
                return Finding(verdict=Verdict.UNCERTAIN, why=lambda: f"{e.label}: {n} meeting{'' if n == 1 else 's'} for certain and {len(possible)} {'dated too loosely to place' if all(not m.start.exact for m in possible) else 'in doubt (dated too loosely to place, or sessions with no city recorded)'}; at most {e.maximum} allowed.", counted=counted, **base)
            if unconfirmed and n + len(possible) + len(unconfirmed) > e.maximum:
                return Finding(verdict=Verdict.UNCERTAIN, why=lambda: f"{e.label}: {n} of at most {e.maximum}{unheld_words(unconfirmed, body, _meeting_words, 'excess')}", counted=counted, **base)
            verdict = Verdict.OPEN if running and self.today >= e.window.start else Verdict.MET
            return Finding(verdict=verdict, why=lambda: f"{e.label}: {n} of at most {e.maximum}" + (f" ({words()})" if held else "") + ".", counted=counted, **base)

        if n >= e.minimum:

            def met() -> str:
                tally = f"{n} of {e.minimum} required" if n == e.minimum else f"{n} held ({e.minimum} required)"
                why = f"{e.label}: {tally}, {e.reason}: {words()}."
                if any(m.earliest > e.window.end for m in held):
                    why += " Held within the tolerance."
                return why

            return Finding(verdict=Verdict.MET, why=met, counted=counted, **base)
        missing = e.minimum - n
        if running:

            def still_due() -> str:
                held_words = f"{n} held ({words()}); " if n else ""
                sched_words = "; scheduled: " + ", ".join(_meeting_words(m, body) for m in scheduled) if scheduled else ""
                return f"{e.label}: {held_words}{missing} still due by {on_time_end}, {e.reason}{sched_words}{unconf_words()}."

            return Finding(verdict=Verdict.OPEN, why=still_due, counted=counted, still_due=missing, due_by=on_time_end, **base)
        if n + len(possible) >= e.minimum:

            def loose() -> str:
                loose = ", ".join(f"{_meeting_words(m, body)}" for m in possible if not m.start.exact)
                apart = ", ".join(f"{_meeting_words(m, body)}" for m in possible if m.start.exact)
                doubts = [f"only loosely dated meetings could decide it: {loose}" if loose else "", f"no city is recorded to tell whether {apart} was held with another session (one event) or apart" if apart else ""]
                return f"{e.label}: {n} of {e.minimum} certain; " + "; ".join(d for d in doubts if d) + "."

            return Finding(verdict=Verdict.UNCERTAIN, why=loose, counted=tuple(held + possible), **base)
        if unconfirmed and n + len(possible) + len(unconfirmed) >= e.minimum:
            return Finding(verdict=Verdict.UNCERTAIN, why=lambda: f"{e.label}: {n} of {e.minimum} certain ({e.reason}){unheld_words(unconfirmed, body, _meeting_words)}", counted=counted, **base)
        late = self._late(e, owner, me) if e.late_until is not None else None
        verdict_if_binding = Verdict.LATE if late else Verdict.MISSED
        verdict = verdict_if_binding if e.binding else Verdict.ADVISORY
        if late:
            delay = _delay(e, late)
            return Finding(verdict=verdict, why=lambda: f"due {e.label} ({e.reason}), held {_meeting_words(late, body)}: {delay} late.", counted=(late,), late_meeting=late, delay=delay, **base)

        def short() -> str:
            held_part = f"{n} of {e.minimum} required" if e.minimum > 1 or n else f"0 of {e.minimum} required"
            why = f"{e.label}: {held_part} ({e.reason}); " + (f"held: {words()}" if n else "no counting meeting recorded") + f"{unconf_words()}."
            if not e.binding:
                why = why.rstrip(".") + " (customary rule, an advisory)."
            return why

        return Finding(verdict=verdict, why=short, counted=counted, still_due=missing, **base)

    def _judge_cases(self, e: Expectation, held: list[Meeting], owner: dict[int, int], me: int, near: list[Meeting]) -> Finding:
        """An origin dated too loosely to fix the due period: judge every period it may give.
        When they agree, that is the verdict; when not, ``uncertain``, saying which origin
        dates give which verdict (issue 9: a verdict is never more certain than the data)."""
        found = [(c, self._judge_one(c, [m for m in held if inside(m, c.window.start, c.deadline)], owner, me, near)) for c in e.cases]
        verdicts = {f.verdict for _, f in found}
        if len(verdicts) == 1:
            return replace(found[0][1], expectation=e)
        runs: list[tuple[Verdict, str, str]] = []
        for c, f in found:
            if runs and runs[-1][0] is f.verdict:
                runs[-1] = (f.verdict, runs[-1][1], c.assumption)
            else:
                runs.append((f.verdict, c.assumption, c.assumption))
        by_verdict: dict[Verdict, list[str]] = {}
        for verdict, first, last in runs:
            by_verdict.setdefault(verdict, []).append(first if first == last else f"{first}..{last}")
        origin = e.origin
        other = self.engine.book.body(origin.body) if origin is not None else None
        who = ordinal_words(origin, other) if origin is not None and other is not None else "the origin"
        ifs = "; ".join(f"{verdict.value} if it was held {' or '.join(spans)}" for verdict, spans in by_verdict.items())
        why = f"{e.label}: {e.reason}, but the register does not say when {who} was held: {ifs}."
        counted = tuple(dict.fromkeys(m for _, f in found for m in f.counted))
        return Finding(body=e.body, verdict=Verdict.UNCERTAIN, rule_text=self.words(e.rule), source=e.rule.source, expectation=e, why=why, counted=counted)

    def _unconfirmed_origin(self, finding: Finding) -> Finding:
        """A window that exists only because of a planned meeting whose dates passed without
        it being recorded as held is ``uncertain``, never a violation (meaning 2)."""
        e = finding.expectation
        if e is None or not e.origins or finding.verdict not in (*VIOLATIONS, Verdict.ADVISORY):
            return finding
        if not all(o.status in (Status.PLANNED, Status.PROJECTED) and o.latest < self.today for o in e.origins):
            return finding
        book = self.engine.book
        names = []
        for o in e.origins:
            other = book.body(o.body)
            label = other.label if other else o.body
            names.append(f"the {ordinal(o.ordinal)} {label}" if o.ordinal else f"the {label}")
            names[-1] += f", planned {o.start}, not confirmed held"
        why = f"{e.label}: depends on " + " and ".join(names) + f"; {finding.why[0].lower()}{finding.why[1:]}" if finding.why else ""
        return replace(finding, verdict=Verdict.UNCERTAIN, why=why)

    def _next_due(self, e: Expectation) -> Finding:
        """The window after the period checked: what is due next, not judged."""
        bm = self.engine.meetings_of(e.body.id)
        scheduled = tuple(m for m in bm.overlapping(e.window.start, e.deadline) if e.counts(m) and m.status in (Status.PLANNED, Status.PROJECTED) and m.latest >= self.today)
        why = f"{e.label}: next due by {e.deadline}, {e.reason}" + ("; scheduled: " + ", ".join(_meeting_words(m, e.body) for m in scheduled) if scheduled else "") + "."
        return Finding(body=e.body, verdict=Verdict.OPEN, rule_text=self.words(e.rule), source=e.rule.source, expectation=e, why=why, scheduled=scheduled, still_due=e.minimum, due_by=e.deadline)

    def _late(self, e: Expectation, owner: dict[int, int], me: int) -> Meeting | None:
        """The first held counting meeting after the deadline, claimed by no other window of the
        rule, that the window may claim late."""
        limit = e.late_until or e.deadline
        bm = self.engine.meetings_of(e.body.id)
        for m in bm.overlapping(e.deadline, limit):
            if m.status is Status.HELD and e.counts(m) and m.start.earliest > e.deadline and m.start.latest <= limit and owner.get(id(m), me) == me:
                return m
        return None


def _judge_gap(judge: Judge, e: GapExpectation) -> Finding:
    from planner.engine.judging.gap_findings import judge_gap  # it builds on this module

    # a gap broken where the register is not known complete may have been kept by a meeting
    # nobody recorded: unknown, as for any other window (README, "Record coverage")
    return judge._coverage(judge_gap(judge, e))


def check(
    book: RuleBook,
    meetings: Sequence[Meeting],
    today: date,
    start: date | None = None,
    end: date | None = None,
    bodies: Iterable[str] | None = None,
) -> Report:
    """Judge every expectation of ``book`` over ``[start, end]`` (default: all history to today)."""
    run = check_bodies(book, meetings, today, start, end, bodies)
    findings: list[Finding] = []
    recorded: dict[str, int] = {}
    for body, count, found in run.bodies():
        recorded[body.id] = count
        findings.extend(found)
    return Report(book, today, run.start, run.end, run.meetings, tuple(findings), recorded)


def check_bodies(
    book: RuleBook,
    meetings: Sequence[Meeting],
    today: date,
    start: date | None = None,
    end: date | None = None,
    bodies: Iterable[str] | None = None,
) -> Checked:
    """:func:`check`, judged one body at a time as the result is read (for output that is
    written as it comes: memory holds the register and one body's findings)."""
    end = end or today
    closed = end < today
    if closed:
        # --to in the past judges as at the close of that day: nothing after it exists,
        # neither for the windows judged nor for what is due next (meaning 3).
        meetings = [m for m in meetings if m.earliest <= end]
    engine = ExpectationEngine(book, meetings)
    judge = Judge(engine, min(today, end), closed=closed)
    wanted = set(bodies) if bodies else None
    return Checked(book, today, start, end, len(meetings), _judge_bodies(book, engine, judge, wanted, start, end))


def _judge_bodies(book: RuleBook, engine: ExpectationEngine, judge: Judge, wanted: set[str] | None, start: date | None, end: date) -> Iterator[tuple[Body, int, list[Finding]]]:
    with paused_gc():
        for body in book.bodies:
            if wanted is not None and body.id not in wanted:
                continue
            recorded = len(engine.meetings_of(body.id).meetings)
            exps = engine.for_body(body, start, end)
            findings = [] if exps or all(isinstance(r, AdHocRule) for r in body.rules) else [_not_applicable(body, book, start, end)]
            findings += judge.judge_all(exps)
            yield body, recorded, findings


def _not_applicable(body: Body, book: RuleBook, start: date | None, end: date) -> Finding:
    rule = next(r for r in body.rules if not isinstance(r, AdHocRule))
    if body.established and body.established.earliest > end:
        why = f"established {body.established}, after {end}: nothing due yet."
    elif rule.since and rule.since > end:
        why = f"the rule applies from {rule.since}: nothing due yet."
    else:
        why = "no window of this rule falls in the period checked (nothing to chain from, or before the body's first full period)."
    return Finding(body=body, verdict=Verdict.NOT_APPLICABLE, rule_text=rule_words(rule, book), source=rule.source, expectation=None, why=why)
