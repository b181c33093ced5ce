"""Expectations x register -> findings: did each body meet as often as its rules require?

Only ``held`` meetings satisfy a window. A ``planned`` (or ``projected``) meeting shows as
scheduled in a window that is still running; one whose dates have passed is reported as
unconfirmed and not counted. Meetings known only to the year or month decide a window when
their whole range lies inside it; otherwise the window is ``uncertain``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import partial
from itertools import compress
from operator import attrgetter

from planner.core.bulk import paused_gc
from planner.core.model import AdHocRule, AtLeastRule, Body, Meeting, OnRule, Rule, RuleBook, Status
from planner.engine.body_meetings import as_of
from planner.engine.coverage import RecordGaps
from planner.engine.expectations import (
    NOT_COUNTING,
    Expectation,
    ExpectationEngine,
    rule_words,
    thin,
)
from planner.engine.explain import not_counted, not_counted_words, parts_words
from planner.engine.gaps import GapExpectation, has_gaps
from planner.engine.judging.assignment import _counting, assign, one_rule_keys
from planner.engine.judging.budget import body_windows, refuse_too_many
from planner.engine.judging.cases import judge_cases
from planner.engine.judging.findings import (
    VIOLATIONS,
    Checked,
    Finding,
    Report,
    Verdict,
    not_applicable,
    with_more_words,
)
from planner.engine.judging.finishing import (
    customary_words,
    finished,
    gap_room,
    goes_on,
    name_after_the_end,
    name_early,
    open_on_a_plan,
    skipped_numbers,
)
from planner.engine.judging.gap_findings import judge_gap
from planner.engine.judging.loose_starts import loose_starts
from planner.engine.judging.periods import PeriodCounts, judge_in_order
from planner.engine.judging.rule_verdicts import held_before_the_day, judge_on
from planner.engine.judging.twin_rows import twin_noted
from planner.engine.judging.window_finding import (
    _meeting_words,
    gap_doubt_words,
    plainly_judged,
    window_finding,
)
from planner.engine.min_gap import GapChains

# Re-exported: callers import the results of a check from here too.
__all__ = ["VIOLATIONS", "Checked", "Finding", "Judge", "Report", "Verdict", "check", "check_bodies"]


# an enum's members looked up once (a lookup on the class costs more than the test)
HELD = Status.HELD
_RULE_KEY = attrgetter("body.id", "rule_index")
_SCHEDULED = frozenset({Status.PLANNED, Status.PROJECTED})


class _RuleFacts:
    """What the judge asks of a rule for each of its windows, worked out once per rule."""

    __slots__ = ("amends", "formats", "gap", "gap_days", "kinds", "on", "plain", "rule", "thins", "words")

    def __init__(self, rule: Rule, words: str, recess: bool = False) -> None:
        self.rule = rule  # kept, so that its id is not reused while this is remembered
        self.words = words
        self.kinds = rule.counts
        self.formats = rule.formats
        self.on = isinstance(rule, OnRule)
        self.thins = rule.count_by == "event" or (isinstance(rule, AtLeastRule) and rule.min_gap is not None)
        # what rule_verdicts.amend may add: most rules use none of it
        # (a body's recess: a shortfall in a window it covers in part says so)
        self.amends = bool(rule.excused or rule.except_when or rule.formats or getattr(rule, "within", None) or recess) or rule.count_by != "session"
        # nothing but the meetings inside a window decides it (plainly_judged), with min_gap
        # thinning them at most
        self.plain = not (self.on or self.amends)
        self.gap = rule.min_gap if isinstance(rule, AtLeastRule) else None
        self.gap_days = timedelta(days=self.gap.amount) if self.gap is not None and self.gap.unit == "d" else None  # gap.add_to in days


class Judge:
    """Judges expectations against one register as of ``today``.

    ``closed``: judge as at the close of ``today`` (``--to`` in the past): a window whose
    deadline is that day is final, not running."""

    def __init__(self, engine: ExpectationEngine, today: date, *, closed: bool = False) -> None:
        self.engine = engine
        self.today = today
        self.closed = closed
        self._words: dict[int, str] = {}
        self._rules: dict[int, _RuleFacts] = {}
        self._record_gaps: dict[str, RecordGaps] = {}
        self._gap_chains = GapChains()
        self.period_counts = PeriodCounts()  # of the body being judged (periods.py)

    def words(self, rule: Rule) -> str:
        """The rule in words, worded once per rule rather than once per window."""
        key = id(rule)
        if key not in self._words:
            self._words[key] = rule_words(rule, self.engine.book)
        return self._words[key]

    def judge_all(self, exps: Sequence[Expectation]) -> list[Finding]:
        """Judge expectations of any rules, in their order: each rule's windows share out its
        meetings first (one meeting serves one window of a rule, :mod:`assignment`)."""
        if GapExpectation not in set(map(type, exps)):
            # by rule, keys read in C (most bodies have one rule: no grouping at all)
            keys = one_rule_keys(exps, list(map(_RULE_KEY, exps)))
            rules = dict.fromkeys(keys)
            if len(rules) <= 1:
                return self.judge_rule(exps)
            found: list[Finding] = [None] * len(exps)  # type: ignore[list-item]
            for key in rules:
                positions = list(compress(range(len(keys)), map(key.__eq__, keys)))
                for n, finding in zip(positions, self.judge_rule([exps[n] for n in positions]), strict=True):
                    found[n] = finding
            return found
        by_rule: dict[tuple[str, int], list[int]] = {}
        out: list[Finding | None] = [None] * len(exps)
        keys = one_rule_keys(exps, [None if isinstance(e, GapExpectation) else _RULE_KEY(e) for e in exps])
        for n, e in enumerate(exps):
            if isinstance(e, GapExpectation):  # a gap is between two meetings: nothing to share out
                out[n] = judge_gap(self, e)
            else:
                by_rule.setdefault(keys[n], []).append(n)
        for positions in by_rule.values():
            for n, finding in zip(positions, self.judge_rule([exps[n] for n in positions]), strict=True):
                out[n] = finding
        return [f for f in out if f is not None]

    def judge_rule(self, exps: Sequence[Expectation]) -> list[Finding]:
        """Judge the windows of one rule, in order."""
        if not exps:
            return []
        bm = self.engine.meetings_of(exps[0].body.id)
        out = judge_in_order(self, exps, bm)  # calendar periods: one walk over the meetings
        if out is None:
            claimed, owner, near = assign(exps, bm)
            out = []
            rule = facts = None
            for n, e in enumerate(exps):
                if e.rule is not rule:
                    rule = e.rule
                    facts = self._facts(rule, e.body)
                assert facts is not None
                held = claimed[n] if claimed is not None else None
                if facts.plain and not (e.pending or e.cases):
                    # most windows: every meeting near it lies inside, counts and is held, and
                    # they are enough (or not too many); what _judge_one and window_finding say
                    finding = plainly_judged(self, e, near[n], held, facts)
                    if finding is not None:
                        out.append(finding)
                        continue
                finding = self.judge_window(e, held, owner, n, near[n], facts)
                if finding.late_meeting is not None:
                    owner[id(finding.late_meeting)] = n
                out.append(finding)
        if exps[0].rule.kind == "after":
            out = name_early(out, bm)
        if exps[-1].rule.until is not None:
            out = name_after_the_end(out, bm)
        parts = self.engine.parts.get(exps[0].body.id)
        if parts:  # a number on two rows: its later parts are named where they fall
            out = [with_more_words(f, lambda e=e: parts_words(e, parts, _meeting_words)) for f, e in zip(out, exps, strict=True)]
        out = loose_starts(exps, bm, out, self.today, self.closed)
        rule = exps[0].rule
        if isinstance(rule, AtLeastRule) and (rule.min_gap is not None or rule.relaxations):
            return gap_room(self, out)
        return skipped_numbers(self, rule, out)

    def judge(self, e: Expectation) -> Finding:
        """Judge one expectation alone (its rule's other windows claim nothing)."""
        if isinstance(e, GapExpectation):
            return judge_gap(self, e)
        return self.judge_rule([e])[0]

    def _facts(self, rule: Rule, body: Body) -> _RuleFacts:
        """What every window of ``rule`` (a rule of ``body``) asks of it, worked out once per rule."""
        found = self._rules.get(id(rule))
        if found is None or found.rule is not rule:
            found = self._rules[id(rule)] = _RuleFacts(rule, self.words(rule), bool(body.recess))
        return found

    def judge_window(self, e: Expectation, held: list[Meeting] | None, owner: dict[int, int], me: int, near: list[Meeting], facts: _RuleFacts) -> Finding:
        """A window that :func:`plainly_judged` could not decide, judged in full."""
        if e.pending or e.cases or facts.on:
            return self._judge(e, held, owner, me, near, facts)
        # most windows: what _judge does for them, without its dispatch
        return finished(self, e, self._judge_one(e, held, owner, me, near, facts, notes=True), facts)

    def _judge(self, e: Expectation, held: list[Meeting] | None, owner: dict[int, int], me: int, near: list[Meeting], facts: _RuleFacts) -> Finding:
        """The finding of one window, with what the rule language adds (engine/rule_verdicts.py):
        the ``on`` kind's own judgement, exceptions, merged events, formats not counted.

        ``held``: the counting meetings the window was given (:func:`assign`), or ``None``
        for its own held counting meetings inside it."""
        rule = e.rule
        if facts.on and not e.pending:
            found = judge_on(self.engine, e, self.today, self._running(e.window.start))
            finding = Finding(body=e.body, verdict=Verdict(found.pop("verdict")), rule_text=facts.words, source=rule.source, expectation=e, **found)
            return finished(self, e, finding, facts, origins=False)
        if e.pending:
            return finished(self, e, self._next_due(e), facts, origins=False)
        if e.cases:
            if held is None:
                held = _counting(e, near, e.window.start, e.deadline)
            return finished(self, e, judge_cases(self, e, held, owner, me, near), facts)
        return finished(self, e, self._judge_one(e, held, owner, me, near, facts, notes=True), facts)

    def _sessions_before(self, e: Expectation) -> list[Meeting]:
        """Held counting sessions that last into the day before the window: an event they
        open counts in its first day's period, and a session inside the window that joins it
        counts there, not here (sessions on 31 December and 1 January are one event, of the
        year that saw its first day)."""
        day = e.window.start - timedelta(days=1)
        return [m for m in self.engine.meetings_of(e.body.id).overlapping(day, day) if m.status is HELD and m.start.latest <= day and e.counts(m)]

    def _counted_before(self, e: Expectation) -> date | None:
        """The last held meeting before ``e``'s window that ``min_gap`` counted (min_gap.py)."""
        return self._gap_chains.counted_before(lambda: self.engine.meetings_of(e.body.id), e)

    def gap_chain(self, e: Expectation) -> list[date]:
        """The first days of the meetings ``min_gap`` counts for ``e``'s rule (min_gap.py)."""
        return self._gap_chains.chain(lambda: self.engine.meetings_of(e.body.id), e)

    def _running(self, deadline: date) -> bool:
        return self.today < deadline if self.closed else self.today <= deadline

    def _judge_one(self, e: Expectation, held: list[Meeting] | None, owner: dict[int, int], me: int, near: list[Meeting], facts: _RuleFacts, *, notes: bool = False) -> Finding:
        """``near``: the body's meetings touching ``window.start`` .. ``deadline`` (or more);
        ``held``: the counting meetings given to the window, or ``None`` to pick out its own
        held counting meetings inside it from ``near``. With ``notes``, the why names the
        meetings inside the window that did not count (:func:`not_counted`)."""
        body = e.body
        on_time_end = e.deadline
        window_start = e.window.start
        today = self.today
        possible: list[Meeting] = []
        scheduled: list[Meeting] = []
        unconfirmed: list[Meeting] = []
        claim = held is None
        if claim:
            held = []
        # A plan that opens in a window already closed had opened, by its dates, and is not
        # recorded as held: unconfirmed for this window even while its last days still run
        # (planned 2025-12-30..2026-01-02, as of 2026-01-01: 2025 is uncertain, not missed).
        running = today < on_time_end if self.closed else today <= on_time_end
        inside = 0  # meetings inside the window, counted or not
        # counts(rule, m) and inside(m, ...) written out: this loop runs for every window
        kinds, formats = facts.kinds, facts.formats
        for m in near:
            start = m.start
            s0, s1 = start.earliest, start.latest
            if s1 < window_start or s0 > on_time_end:
                continue
            within = window_start <= s0 and s1 <= on_time_end
            inside += within
            status = m.status
            if m.kind not in kinds or status in NOT_COUNTING or (formats and m.format is not None and m.format not in formats):
                continue
            if status is HELD:
                if within:
                    if claim:
                        held.append(m)  # type: ignore[union-attr]
                elif not owner or owner.get(id(m), me) == me:
                    possible.append(m)
            elif status in _SCHEDULED:
                if e.unless and m in e.unless:
                    continue  # held, it answered the window before late: this one would not be due
                (scheduled if running and (m.end or start).latest >= today else unconfirmed).append(m)
        assert held is not None
        doubt = None
        if held and facts.thins:
            prior = self._counted_before(e)
            inside_held = held
            held, doubtful = thin(held, e, self._sessions_before(e) if e.rule.count_by == "event" else (), prior)
            if len(doubtful) == 1 and not possible and not doubtful[0].start.exact and e.rule.count_by != "event":
                doubt = partial(gap_doubt_words, e, inside_held, doubtful[0], prior)
            possible += doubtful
        finding = window_finding(self, e, held, possible, scheduled, unconfirmed, owner, me, facts.words)
        if doubt is not None and finding.verdict is Verdict.UNCERTAIN:
            finding = with_more_words(finding, doubt)  # the days (and gaps) that meet it
        if notes and (inside > len(held) or finding.late_meeting is not None):
            # some meeting inside the window did not count: say which, and why
            found = not_counted(e, near, owner, me, finding.counted, self._sessions_before(e) if e.rule.count_by == "event" else ())
            if found:
                finding = with_more_words(finding, partial(not_counted_words, found, body, _meeting_words))
        return finding

    def _next_due(self, e: Expectation) -> Finding:
        """The window after the period checked: what is due next, not judged."""
        bm = self.engine.meetings_of(e.body.id)
        scheduled = tuple(m for m in bm.overlapping(e.window.start, e.deadline) if e.counts(m) and m.status in _SCHEDULED and m.latest >= self.today)
        # (an origin dated too loosely to fix the due period: the deadline is the latest reading's)
        cases = sorted(e.cases, key=lambda c: c.period) if e.cases and e.origin is not None else []
        loose = f" at the latest, {e.reason} (due in one of {cases[0].label} to {cases[-1].label}: the register gives that date only as {e.origin.start})" if cases and e.origin is not None else f", {e.reason}"
        # An `on` rule's window runs as long as the body's meetings (so that projection places
        # them on the day), but what is due is the opening day: a 46-day session due to open
        # on 2027-01-13 was "next due by 2027-02-27", its last day.
        due = e.window.start if isinstance(e.rule, OnRule) else e.deadline
        why = f"{e.label}: next due {'on' if isinstance(e.rule, OnRule) else 'by'} {due}{loose}" + ("; scheduled: " + ", ".join(_meeting_words(m, e.body) for m in scheduled) if scheduled else "")
        why += (held_before_the_day(self.engine, e) if isinstance(e.rule, OnRule) else "") + "."
        finding = Finding(body=e.body, verdict=Verdict.OPEN, rule_text=self.words(e.rule), source=e.rule.source, expectation=e, why=why, scheduled=scheduled, still_due=e.minimum, due_by=due)
        return open_on_a_plan(self, finding, e) if e.origins else finding  # (due only if a plan whose dates passed was held)

    def late(self, e: Expectation, owner: dict[int, int], me: int) -> Meeting | None:
        """The first held counting meeting after the deadline, claimed by no other window of the
        rule, that the window may claim late."""
        limit = e.late_until or e.deadline
        until = e.rule.until
        if until is not None and until < limit and not goes_on(e):
            # the rule ended (no version of it the day after): a meeting held after its end
            # was held under no rule and answers nothing, late or not (README, "A rule that
            # has ended requires nothing after its end"; session 21: `every 1y` until
            # 2021-12-31 was "1 year late" by a Board of 2022)
            limit = until
        bm = self.engine.meetings_of(e.body.id)
        for m in bm.overlapping(e.deadline, limit):
            if m.status is HELD and e.counts(m) and m.start.earliest > e.deadline and m.start.latest <= limit and owner.get(id(m), me) == me:
                return m
        return None


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
    end, twice = end or today, getattr(meetings, "twice", None)  # rows given twice (core.meeting.Recorded)
    closed = end < today
    # --to in the past judges as at the close of that day: nothing after it exists, neither
    # for the windows judged nor for what is due next (meaning 3); else the register as it
    # stood on --today (a row recorded held after it is scheduled).
    meetings = [m for m in meetings if m.earliest <= end] if closed else as_of(meetings, today)
    engine = ExpectationEngine(book, meetings, today=min(today, end), binding=True)
    judge = Judge(engine, min(today, end), closed=closed)
    wanted = set(bodies) if bodies else None
    refuse_too_many(book, engine, start, end, wanted)  # before the first body is judged and written
    order = [body for body in book.bodies if wanted is None or body.id in wanted]
    return Checked(
        book,
        today,
        start,
        end,
        len(meetings),
        order,
        judging=lambda some: customary_words(twin_noted(_judge_bodies(book, engine, judge, some, start, end), engine, twice)),
        weigh=lambda body: len(engine.meetings_of(body.id).meetings) + body_windows(body, engine, start, end),
    )


def _judge_bodies(book: RuleBook, engine: ExpectationEngine, judge: Judge, bodies: Sequence[Body], start: date | None, end: date) -> Iterator[tuple[Body, int, list[Finding]]]:
    with paused_gc():
        for body in bodies:
            recorded = len(engine.meetings_of(body.id).meetings)
            exps = engine.for_body(body, start, end)
            findings = [] if exps or all(isinstance(r, AdHocRule) for r in body.rules) else [not_applicable(body, book, start, end)]
            findings += judge.judge_rule(exps) if len(body.rules) == 1 and not has_gaps(body.rules[0]) else judge.judge_all(exps)  # (most bodies: nothing to group)
            yield body, recorded, findings
