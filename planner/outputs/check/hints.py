"""A note under a check's problems when a body's missed windows all come before the first
meeting the register counts for it.

A new user's first register often starts where their files start (the Nordic Council's trial:
sessions from 2019, the body founded in 1953): with no ``records`` statement the register is
taken as complete, and every year before it is ``missed``, 65 violations that say more about
the register than about the body. The verdicts stand (a register may well be complete); the
note says what to write if it is not, so that they become ``unknown`` (README "Record
coverage").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.core.model import Body, RuleBook
from planner.engine.judging.findings import Finding, Verdict

MIN_MISSED = 3  # fewer may be the register's truth; this many before any meeting seldom is
BODIES_NAMED = 5  # past that, one line counts them


@dataclass(frozen=True)
class EarlyMisses:
    """A body's missed windows that all end before the first meeting the register counts."""

    body: str
    count: int
    first: str
    last: str
    first_meeting: date


def early_misses(body: Body, book: RuleBook, findings: Sequence[Finding]) -> EarlyMisses | None:
    """The body's missed windows before its first counted meeting, when there are
    MIN_MISSED or more and neither the body nor the organization states its ``records``."""
    if body.records or book.organization.records:
        return None
    counted = [m.earliest for f in findings for m in f.counted]
    if not counted:
        return None
    first = min(counted)
    early = sorted((f for f in findings if f.verdict is Verdict.MISSED and f.expectation is not None and f.expectation.window.end < first), key=lambda f: f.expectation.window.end)  # type: ignore[union-attr]
    if len(early) < MIN_MISSED:
        return None
    return EarlyMisses(body.display, len(early), early[0].window_label, early[-1].window_label, first)


def hint_lines(misses: Sequence[EarlyMisses]) -> list[str]:
    """The note, a paragraph per line: each body (or a count of them), then what to write."""
    if not misses:
        return []
    if len(misses) <= BODIES_NAMED:
        out = [f"{m.body}: {m.count:,} missed windows ({m.first} to {m.last}) come before the first meeting the register counts for it ({m.first_meeting})." for m in misses]
    else:
        m = misses[0]
        out = [f"{len(misses):,} bodies have {sum(x.count for x in misses):,} missed windows before the first meeting the register counts for each (the first: {m.body}, {m.count:,} from {m.first} to {m.last}; its first meeting {m.first_meeting})."]
    m = misses[0]
    out.append(
        f"If the register is not complete before then, say so in the rule book, on the body or on [organization] (e.g. records = [{{ start = {m.first_meeting.year}, source = \"...\" }}] "
        f'on {m.body}; README "Record coverage"): those windows are then unknown, not violations.'
    )
    return out
