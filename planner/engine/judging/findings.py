"""What a check returns: a :class:`Verdict` per window, the :class:`Finding` that explains it,
and the :class:`Report` of all findings grouped per body."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property, partial
from operator import attrgetter
from typing import Any

from planner.core.model import AdHocRule, Body, Meeting, RuleBook
from planner.engine.expectations import (
    Expectation,
    rule_words,
)


class Verdict(StrEnum):
    MET = "met"
    LATE = "late"
    MISSED = "missed"
    EXCESS = "excess"
    OPEN = "open"
    UNCERTAIN = "uncertain"
    ADVISORY = "advisory"
    NOT_APPLICABLE = "not_applicable"
    OFF_DATE = "off_date"
    EXCUSED = "excused"
    UNKNOWN = "unknown"


VIOLATIONS = frozenset({Verdict.LATE, Verdict.MISSED, Verdict.EXCESS, Verdict.OFF_DATE})
# how the why of a customary (``binding = false``) rule's shortfall says it is one
CUSTOMARY = " (customary rule, an advisory)"


def closing(binding: bool) -> str:
    """The end of a shortfall's why: "." or, for a customary rule, :data:`CUSTOMARY` and "."."""
    return "." if binding else CUSTOMARY + "."


@dataclass(slots=True, unsafe_hash=True)
class Finding:
    """An expectation judged against the register: verdict, the meetings that decided it, why.

    Treat it as immutable (:func:`dataclasses.replace` makes changed copies). It is not a
    frozen dataclass only because a frozen one's ``__init__`` costs four times as much, and a
    check builds one finding per window (290,000 for 1,000 bodies over 100 years)."""

    body: Body
    verdict: Verdict
    rule_text: str
    source: str
    expectation: Expectation | None
    why: str  # or a function that words it on first reading (see _Why)
    counted: tuple[Meeting, ...] = ()
    scheduled: tuple[Meeting, ...] = ()
    unconfirmed: tuple[Meeting, ...] = ()
    late_meeting: Meeting | None = None
    delay: str = ""
    still_due: int = 0
    due_by: date | None = None

    def __init__(
        self,
        body: Body,
        verdict: Verdict,
        rule_text: str,
        source: str,
        expectation: Expectation | None,
        why: str | Callable[[], str],
        counted: tuple[Meeting, ...] = (),
        scheduled: tuple[Meeting, ...] = (),
        unconfirmed: tuple[Meeting, ...] = (),
        late_meeting: Meeting | None = None,
        delay: str = "",
        still_due: int = 0,
        due_by: date | None = None,
    ) -> None:
        # The fields above, stored as the dataclass would store them, except ``why``: straight
        # into its slot rather than through :class:`_Why` (a check makes one finding a window).
        self.body = body
        self.verdict = verdict
        self.rule_text = rule_text
        self.source = source
        self.expectation = expectation
        _store_why(self, why)
        self.counted = counted
        self.scheduled = scheduled
        self.unconfirmed = unconfirmed
        self.late_meeting = late_meeting
        self.delay = delay
        self.still_due = still_due
        self.due_by = due_by

    @property
    def violation(self) -> bool:
        return self.verdict in VIOLATIONS

    @property
    def rule_id(self) -> str:
        """Which rule of the body this finding judges: its ``id``, else its place in the body."""
        e = self.expectation
        if e is None:
            return ""
        return e.rule.id or f"rules[{e.rule_index}]"

    @property
    def window_label(self) -> str:
        return self.expectation.label if self.expectation else ""

    @property
    def required(self) -> str:
        e = self.expectation
        if e is None:
            return ""
        if e.maximum is not None:
            return f"at most {e.maximum}"
        return f"at least {e.minimum}" if e.minimum > 1 else "1"


class _Why:
    """``Finding.why``, worded when first read.

    A check judges every window but most outputs show the words of few of them (the text shows
    its problems only): the judge may give a finding's ``why`` as a function that words it, and
    this slot calls it on first reading and keeps the text. Readers always see a ``str``."""

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, finding: Finding | None, owner: type | None = None) -> Any:
        if finding is None:
            return self
        why = self.slot.__get__(finding, owner)
        if why.__class__ is not str:
            why = why()
            self.slot.__set__(finding, why)
        return why

    def __set__(self, finding: Finding, why: str | Callable[[], str]) -> None:
        self.slot.__set__(finding, why)


_store_why = Finding.__dict__["why"].__set__
Finding.why = _Why(Finding.__dict__["why"])  # type: ignore[assignment, method-assign]


def with_more_words(finding: Finding, more: Callable[[], str], verdict: Verdict | None = None) -> Finding:
    """``finding``, whose why goes on with ``more()`` (still worded only when read), with a new
    ``verdict`` if given. The judge completes a finding it has just made, before anyone else
    sees it: the finding is changed in place (a copy per note cost more than the note)."""
    finding.why = partial(more_words, Finding.why.slot.__get__(finding, Finding), more)  # type: ignore[attr-defined]
    if verdict is not None:
        finding.verdict = verdict
    return finding


def more_words(why: str | Callable[[], str], more: Callable[[], str]) -> str:
    """The why of :func:`with_more_words`: the finding's own, then ``more()`` (a partial of
    this function, so that a writer can tell the two apart and word the first its own way)."""
    return (why if why.__class__ is str else why()) + more()  # type: ignore[operator]


@dataclass(frozen=True)
class Report:
    """All findings of one check, in rule-book order of bodies and date order within each."""

    book: RuleBook
    today: date
    start: date | None
    end: date
    meetings: int
    findings: tuple[Finding, ...]
    recorded: dict[str, int] = field(default_factory=dict)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.violation]

    def of(self, body_id: str) -> list[Finding]:
        return list(self._by_body.get(body_id, ()))

    @cached_property
    def _by_body(self) -> dict[str, list[Finding]]:
        """Findings grouped by body, once: a scan of every finding per body made rendering
        quadratic (1,000 bodies x 250,000 findings)."""
        grouped: dict[str, list[Finding]] = {}
        for f in self.findings:
            grouped.setdefault(f.body.id, []).append(f)
        return grouped

    def count(self, verdict: Verdict) -> int:
        return sum(1 for f in self.findings if f.verdict is verdict)

    @cached_property
    def tally(self) -> Tally:
        tally = Tally()
        for body_id in self.recorded:
            tally.bodies.add(body_id)
        tally.add(self.findings)
        return tally

    def bodies(self) -> Iterator[tuple[Body, int, list[Finding]]]:
        """Each body judged, in rule-book order: the body, its meetings recorded, its findings."""
        for body in self.book.bodies:
            if body.id in self.recorded:
                yield body, self.recorded[body.id], self.of(body.id)


class Tally:
    """What the totals of a check count, counted finding by finding (so that a check streamed
    body by body needs none of them kept)."""

    def __init__(self) -> None:
        self.verdicts: Counter[str] = Counter()
        self.violations = 0
        self.next_due = 0  # the next window of a chain (``every``, ``after``): ``open`` and pending
        self.bodies: set[str] = set()
        # ``check --chairs``: the chair register's violations, judged as ``planner chairs``
        # judges it (None: no chair register judged)
        self.chair_violations: int | None = None

    def add(self, findings: Iterable[Finding], body_id: str | None = None) -> None:
        """Count ``findings``; ``body_id``: the one body they all belong to, when known."""
        findings = findings if isinstance(findings, list | tuple) else list(findings)
        # counted in C (a body's findings are read once per rendering; 250,000 at N)
        found = Counter(map(_VERDICT, findings))
        self.verdicts.update(found)  # by the member: a StrEnum counts under its text all the same
        if body_id is None:
            self.bodies.update(map(_BODY_ID, findings))
        elif findings:
            self.bodies.add(body_id)
        self.violations += sum(n for verdict, n in found.items() if verdict in VIOLATIONS)
        if found[Verdict.OPEN]:
            is_open = Verdict.OPEN
            self.next_due += sum(1 for f in findings if f.verdict is is_open and f.expectation is not None and f.expectation.pending)

    def merge(self, other: Tally) -> None:
        """Count what ``other`` counted (another process's share of the bodies) as well."""
        self.verdicts.update(other.verdicts)
        self.violations += other.violations
        self.next_due += other.next_due
        self.bodies |= other.bodies


_VERDICT = attrgetter("verdict")
_BODY_ID = attrgetter("body.id")


@dataclass
class Checked:
    """A check judged body by body while it is read (:meth:`bodies`), so that only one body's
    findings exist at a time; ``tally`` counts them on the way and is complete once
    :meth:`bodies` has been read to its end. Renderers take it as they take a :class:`Report`.

    ``order``: the bodies judged, in rule-book order; ``judging`` judges any run of them (a
    process judging its share of them reads :meth:`part`); ``weigh``: a body's work, roughly
    (its windows and meetings), to share the bodies out."""

    book: RuleBook
    today: date
    start: date | None
    end: date
    meetings: int
    order: Sequence[Body]
    judging: Callable[[Sequence[Body]], Iterator[tuple[Body, int, list[Finding]]]]
    weigh: Callable[[Body], int]
    tally: Tally = field(default_factory=Tally)

    def bodies(self) -> Iterator[tuple[Body, int, list[Finding]]]:
        return self.part(0, len(self.order))

    def part(self, first: int, stop: int) -> Iterator[tuple[Body, int, list[Finding]]]:
        """The bodies ``order[first:stop]`` judged, counted in ``tally`` on the way."""
        tally = self.tally
        for body, recorded, findings in self.judging(self.order[first:stop]):
            tally.bodies.add(body.id)
            tally.add(findings, body.id)
            yield body, recorded, findings


def not_applicable(body: Body, book: RuleBook, start: date | None, end: date) -> Finding:
    """The finding of a body with rules and no window in the period checked: why nothing is due."""
    rule = next(r for r in body.rules if not isinstance(r, AdHocRule))
    if body.established and body.established.earliest > end:
        why = f"established {body.established}, after {end}: nothing due yet."
    elif rule.since and rule.since > end:
        why = f"the rule applies from {rule.since}: nothing due yet."
    elif rule.until and rule.until < end and not any(r.until is None or r.until >= end for r in body.rules if not isinstance(r, AdHocRule)):
        # (`every 2y` until 2021-06-30 after a meeting of 2019-05-01: its window, due by
        # 2021-12-31, ends after the rule did; no window "falls in the period checked" reads as
        # if the register held nothing)
        why = f"the rule ended on {rule.until}, before anything it required fell due (or with nothing to chain from)."
    else:
        why = "no window of this rule falls in the period checked (nothing to chain from, or before the body's first full period)."
    return Finding(body=body, verdict=Verdict.NOT_APPLICABLE, rule_text=rule_words(rule, book), source=rule.source, expectation=None, why=why)
