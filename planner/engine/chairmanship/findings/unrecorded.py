"""A chair register that stops before today: its last term ended (the register gives the end,
or the handover meeting that ends a running term was held) and no term follows. The register
does not say who has chaired since. Nothing in the rule is broken by it (the register may only
be behind), so a note says so, and says where a plan starts its first term: on that past day,
a term the register would have to record, not one still to come (the twenty-first trial: the
CBSS presidency recorded to 2026-07-01, Iceland planned from that day, and nothing said)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from planner.core.model import RuleBook, Status
from planner.engine.chairmanship.terms import (
    ChairFinding,
    Severity,
    Term,
    length_words,
    meeting_words,
    term_length,
)


def unrecorded_since(book: RuleBook, terms: Sequence[Term], planned: Sequence[Term], today: date) -> list[ChairFinding]:
    """A note when the register's last term ended before ``today`` and none follows it."""
    last = terms[-1] if terms else None
    if last is None or last.end is None:
        return []
    held = last.closed_by is not None and last.closed_by.status is Status.HELD
    if last.running and not (held and last.closed_by is not None and last.closed_by.latest < today):
        return []  # (running, or its handover meeting not held yet: a planned one past is `stale`)
    if last.end.latest >= today:
        return []
    since = length_words(term_length(last.end.latest, today), last.end.exact)
    if last.running and last.closed_by is not None:
        ended = f"{last.country}'s term ended at the {meeting_words(last.closed_by, book)}, held {since} before {today}, but the chair register gives it no end and no chair after it"
    else:
        ended = f"No chair is recorded after {last.country}'s term ended on {last.end} ({since} before {today})"
    text = f"{ended}: record the chair who took over in the chair register."
    first = next((t for t in planned if not t.current), None)
    if first is not None and first.start is not None and first.start.earliest < today:
        text += f" The plan's first term, {first.country} from {first.start}, began before today: if {first.country} took over then, that is a term to record, not to plan."
    return [ChairFinding("unrecorded", Severity.NOTE, last.country, text, term_start=str(last.start or ""), term=len(terms) - 1)]
