"""Two rows of the chair register for one term: a row repeated, or one chair's term written in
two rows that meet on a day no meeting of a handover body hands anything over (a row per
year of a two-year term; an extension recorded as a row of its own). The chair passes at a
handover meeting (README "`planner chairs`"): where none is recorded between two rows of the
same chair, nothing passed, and the two rows are one term, judged as one (its whole length
against the rule), not a chair "twice in a row" handing the chair to itself at no meeting (two
violations for a register that split a row). A row repeated (the same chair, the same days)
was two terms overlapping by their whole length, and twice in a row. Each joining is a note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta

from planner.core.model import Meeting, RuleBook
from planner.engine.chairmanship.terms import ChairFinding, Severity, Term


def one_term_rows(book: RuleBook, terms: Sequence[Term]) -> list[Term]:
    """``terms`` (sorted, as ``timeline`` gives them) with each run of rows of one term made
    one term, its ``joined`` saying which rows it was made of."""
    rule = book.chairmanship
    handovers = bool(rule and rule.handover_bodies)
    out: list[Term] = []
    for t in terms:
        prev = out[-1] if out else None
        if prev is not None and _same_chair(prev, t) and _same_days(prev, t):
            out[-1] = dataclasses.replace(prev, joined=(*_rows(prev), _row(t)))
        elif prev is not None and handovers and _same_chair(prev, t) and _continues(prev, t):
            out[-1] = _joined(prev, t)
        else:
            out.append(t)
    return out


def joined_note(t: Term) -> list[ChairFinding]:
    """The note on a term read from more than one row of the register."""
    if not t.joined:
        return []
    rows = "; ".join(t.joined)
    if len(set(t.joined)) == 1:
        text = f"{t.country} {t.joined[0]} is recorded {_times(len(t.joined))} in the chair register: read as one term."
    else:
        text = (
            f"{t.country}'s term {t.start} to {t.end if not t.running else '(running)'} is recorded in {len(t.joined)} rows ({rows}),"
            " with no meeting of a handover body between them: the chair did not pass, and they are read as one term."
        )
    return [ChairFinding("one_term", Severity.NOTE, t.country, text)]


def _times(n: int) -> str:
    return "twice" if n == 2 else f"{n} times"


def _same_chair(a: Term, b: Term) -> bool:
    if a.member is not None or b.member is not None:
        return a.member is b.member
    return a.country.casefold() == b.country.casefold()


def _same_days(a: Term, b: Term) -> bool:
    return a.start == b.start and a.end == b.end and a.running == b.running


def _continues(prev: Term, t: Term) -> bool:
    """Whether ``t`` begins where ``prev`` ended (the same day, or, dated to the day, the day
    after: a register of last days chaired) with no handover meeting recorded there."""
    if prev.running or prev.end is None or t.start is None or prev.closed_by is not None or t.opened_by is not None:
        return False
    return t.start == prev.end or (prev.end.exact and t.start.exact and t.start.earliest == prev.end.latest + timedelta(days=1))


def _row(t: Term) -> str:
    return f"{t.start or '?'} to {t.end if t.end is not None and not t.running else '(no end)'}"


def _rows(t: Term) -> tuple[str, ...]:
    return t.joined or (_row(t),)


def _joined(prev: Term, t: Term) -> Term:
    """``prev`` running on to ``t``'s end: one term from the first row's start."""
    notes = [n for n in (prev.note, t.note) if n]
    sources = list(dict.fromkeys(s for s in (prev.source, t.source) if s))
    return dataclasses.replace(
        prev,
        end=t.end,
        running=t.running,
        closed_by=t.closed_by,
        closed_among=t.closed_among,
        statutory=_union(prev.statutory, t.statutory),
        hosted=_union(prev.hosted, t.hosted),
        note=" ".join(notes),
        source="; ".join(sources),
        passed=t.passed,
        joined=(*_rows(prev), _row(t)),
    )


def _union(a: tuple[Meeting, ...], b: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    return tuple(dict.fromkeys((*a, *b)))


__all__ = ["joined_note", "one_term_rows"]
