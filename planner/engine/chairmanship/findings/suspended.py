"""Chairs whose term begins while they are suspended. A suspended member takes no part without
having left (README, `suspended`): a rotation passes it by, and a register or a plan that gives
it the chair all the same is worth saying. A note, never a violation: the rule book's
suspension is a fact about taking part, not a chair rule, and a plan is agreed by decisions the
rule book does not record (a suspension may be lifted before the term begins)."""

from __future__ import annotations

from collections.abc import Sequence

from planner.core.model import Suspension
from planner.engine.chairmanship.terms import ChairFinding, Severity, Term


def suspended_chairs(terms: Sequence[Term]) -> list[ChairFinding]:
    """A note for each term (of the register or a plan) whose chair is suspended on every day
    its start may mean; a running term confirmed by a plan is judged once, as the register's."""
    out = []
    for t in terms:
        if t.member is None or t.start is None or t.current:
            continue
        held = next((s for s in t.member.suspended if s.certain_on(t.start.earliest) and s.certain_on(t.start.latest)), None)
        if held is None:
            continue
        what = "planned term" if t.planned else "term"
        text = f"{t.country}'s {what} begins on {t.start} while it is suspended ({_words(held)}): a suspended member takes no part, and the rotation passes it by."
        out.append(ChairFinding("suspended", Severity.NOTE, t.country, text, term_start=str(t.start)))
    return out


def _words(s: Suspension) -> str:
    span = f"from {s.start}" + (f" to {s.end}" if s.end is not None else "")
    return f"{span}: {s.reason}"
