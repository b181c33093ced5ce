"""A note under a check's problems when a body's missed windows all come before the first
meeting the register counts for it, or the register counts none of its meetings at all; or
all come after the last one it counts (a register not kept up to date).

A new user's first register often starts where their files start (the Nordic Council's trial:
sessions from 2019, the body founded in 1953): with no ``records`` statement the register is
taken as complete, and every year before it is ``missed``, 65 violations that say more about
the register than about the body. The verdicts stand (a register may well be complete); the
note says what to write if it is not, so that they become ``unknown`` (README "Record
coverage"). The same where a body has no meeting in the register yet (the SCO's trial: the
Council of National Coordinators, whose meetings were not entered, 23 ``missed`` years and no
note). And at the other end: a register transcribed up to a day and then left (Tesla's annual
meetings recorded to October 2021, checked in December 2026: five ``missed`` windows, 2022 to
2025, every one after the last meeting recorded, and nothing said of the register).
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
class RegisterMisses:
    """A body's missed windows that all end before the first meeting the register counts
    (``first_meeting``; None where it counts none), or, ``until`` set, all begin after the last
    one it counts (``until``)."""

    body: str
    count: int
    first: str
    last: str
    first_meeting: date | None
    since: int  # the year a `records` statement would begin
    verdicts: str = "missed"  # "missed", "advisory" or "missed and advisory"
    until: date | None = None  # after the last meeting counted: where the statement would end

    def words(self) -> str:
        windows = f"{self.count:,} {self.verdicts} windows ({self.first} to {self.last})"
        if self.until is not None:
            return f"{windows} come after the last meeting the register counts for it ({self.until})"
        if self.first_meeting is None:
            return f"{windows}, and the register counts no meeting of it at all"
        return f"{windows} come before the first meeting the register counts for it ({self.first_meeting})"


def early_misses(body: Body, book: RuleBook, findings: Sequence[Finding]) -> RegisterMisses | None:
    """The body's missed windows before its first counted meeting, when there are
    MIN_MISSED or more and neither the body nor the organization states its ``records``. A
    customary rule's shortfalls there (``advisory``) are as much the register's as a binding
    rule's: the Council of Europe's trial, a register of ministerial sessions from 2012 for a
    Committee meeting since 1949, had 59 advisories and no note."""
    if body.records or book.organization.records:
        return None
    counted = [m.earliest for f in findings for m in f.counted]
    first = min(counted) if counted else None
    early = sorted((f for f in findings if f.verdict in _SHORT and f.expectation is not None and (first is None or f.expectation.window.end < first)), key=lambda f: f.expectation.window.end)  # type: ignore[union-attr]
    if len(early) < MIN_MISSED:
        return None
    # With nothing counted, the register is complete at best from the year after the last miss.
    since = first.year if first is not None else early[-1].expectation.window.end.year + 1  # type: ignore[union-attr]
    verdicts = " and ".join(v.value for v in _SHORT if any(f.verdict is v for f in early))
    return RegisterMisses(body.display, len(early), early[0].window_label, early[-1].window_label, first, since, verdicts)


def late_misses(body: Body, book: RuleBook, findings: Sequence[Finding]) -> RegisterMisses | None:
    """The body's missed windows that all begin after the last meeting the register counts for
    it, when there are MIN_MISSED or more and no ``records`` statement: a register kept to a
    day and not since reads as a body that stopped meeting. The verdicts stand (it may have);
    the note says what to write if the register is what stopped."""
    if body.records or book.organization.records:
        return None
    counted = [m for f in findings for m in f.counted]
    if not counted:
        return None  # (early_misses speaks of a body none of whose meetings is counted)
    last = max(m.latest for m in counted)
    late = sorted((f for f in findings if f.verdict in _SHORT and f.expectation is not None and f.expectation.window.start > last), key=lambda f: f.expectation.window.end)  # type: ignore[union-attr]
    if len(late) < MIN_MISSED:
        return None
    first = min(m.earliest for m in counted)
    verdicts = " and ".join(v.value for v in _SHORT if any(f.verdict is v for f in late))
    return RegisterMisses(body.display, len(late), late[0].window_label, late[-1].window_label, first, first.year, verdicts, last)


_SHORT = (Verdict.MISSED, Verdict.ADVISORY)


def hint_lines(misses: Sequence[RegisterMisses]) -> list[str]:
    """The note, a paragraph per line: each body (or a count of them), then what to write;
    ``misses`` all of one end of the register (all before its first meeting, or all after its
    last: ``until`` set)."""
    if not misses:
        return []
    if len(misses) <= BODIES_NAMED:
        out = [f"{m.body}: {m.words()}." for m in misses]
    else:
        m = misses[0]
        if m.until is not None:
            out = [f"{len(misses):,} bodies have {sum(x.count for x in misses):,} {_verdicts(misses)} windows after the last meeting the register counts for each (the first: {m.body}, {m.count:,} from {m.first} to {m.last}; its last meeting {m.until})."]
        else:
            first = f"its first meeting {m.first_meeting}" if m.first_meeting is not None else "no meeting of it counted"
            out = [f"{len(misses):,} bodies have {sum(x.count for x in misses):,} {_verdicts(misses)} windows before the first meeting the register counts for each, or count none (the first: {m.body}, {m.count:,} from {m.first} to {m.last}; {first})."]
    out.append(advice(misses[0], _not(misses)))
    return out


def advice(m: RegisterMisses, unlike: str = "") -> str:
    """What to write if the register is what the misses of ``m`` say of it (``unlike``: the
    verdicts they then are not, by default those of ``m``)."""
    unlike = unlike or _not([m])
    if m.until is not None:
        return (
            f"If the register is not kept up to date after {m.until}, say so in the rule book, on the body or on [organization] (e.g. records = [{{ start = {m.since}, end = {m.until}, source = \"...\" }}] "
            f'on {m.body}; README "Record coverage"): those windows are then unknown, not {unlike}.'
        )
    return (
        f"If the register is not complete before {m.since}, say so in the rule book, on the body or on [organization] (e.g. records = [{{ start = {m.since}, source = \"...\" }}] "
        f'on {m.body}; README "Record coverage"): those windows are then unknown, not {unlike}.'
    )


def _verdicts(misses: Sequence[RegisterMisses]) -> str:
    said = {v for m in misses for v in m.verdicts.split(" and ")}
    return " and ".join(v.value for v in _SHORT if v.value in said)


def _not(misses: Sequence[RegisterMisses]) -> str:
    return _verdicts(misses).replace("missed", "violations").replace("advisory", "advisories").replace(" and ", " or ")
