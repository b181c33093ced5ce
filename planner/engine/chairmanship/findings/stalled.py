"""A rotation that gives no next chair: under ``order = "alphabetical"`` or ``"listed"``, the
members after the last chair are taken in turn among those taking part on the day its term
ends; where none but that chair does (the others suspended, departed or not yet joined) and
the rule allows no consecutive terms, the rotation has no next chair. The proposal stops
there (it gave the same chair term after term) and a note says why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.core.model import RuleBook
from planner.engine.chairmanship.rotation import rotation_after
from planner.engine.chairmanship.terms import ChairFinding, Severity, Term


def rotation_stalled(book: RuleBook, terms: Sequence[Term], planned: Sequence[Term], horizon: date) -> list[ChairFinding]:
    """A note where the rotation (``order`` alphabetical or listed) gives no next chair inside
    the horizon: no member but the last chair takes part on the day its term ends (the others
    suspended, departed or not yet joined), and the rule allows no consecutive terms. The
    proposal stops there; it gave the same chair term after term."""
    rule = book.chairmanship
    last = planned[-1] if planned else terms[-1] if terms and terms[-1].running else None
    if rule is None or rule.order == "plan" or rule.consecutive_terms or last is None or last.member is None or last.end is None or last.end.earliest > horizon:
        return []
    after = rotation_after(book, last.member, 1, last.end.earliest, listed=rule.order == "listed")
    if after and after != [last.member]:
        return []
    text = f"The rotation gives no chair after {last.country} from {last.end}: no other member takes part then, and the rule allows no consecutive terms (consecutive_terms = false)."
    return [ChairFinding("no_next_chair", Severity.NOTE, last.country, text)]
