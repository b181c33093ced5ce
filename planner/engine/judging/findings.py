"""What a check returns: a :class:`Verdict` per window, the :class:`Finding` that explains it,
and the :class:`Report` of all findings grouped per body."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property

from planner.core.model import Body, Meeting, RuleBook
from planner.engine.expectations import (
    Expectation,
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


@dataclass(frozen=True, slots=True)
class Finding:
    """An expectation judged against the register: verdict, the meetings that decided it, why."""

    body: Body
    verdict: Verdict
    rule_text: str
    source: str
    expectation: Expectation | None
    why: str
    counted: tuple[Meeting, ...] = ()
    scheduled: tuple[Meeting, ...] = ()
    unconfirmed: tuple[Meeting, ...] = ()
    late_meeting: Meeting | None = None
    delay: str = ""
    still_due: int = 0
    due_by: date | None = None

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
