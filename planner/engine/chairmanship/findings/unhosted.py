"""Terms that host none of a chair-hosted body's meetings although the body meets about once a
term: the nearest days two meetings may take, one on either side of a handover, can leave a
whole term without the body's meeting (a yearly Forum aimed at the day of a yearly handover:
one year just before it, the next year just after it). Nothing requires a chair to host one,
so a note says so, never a violation."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import timedelta

from planner.core.model import HostPolicy, Meeting, RuleBook, Status
from planner.engine.chairmanship.terms import ChairFinding, Severity, Term, meeting_words

_ALIVE = (Status.HELD, Status.PLANNED, Status.PROJECTED)


def unhosted_terms(book: RuleBook, terms: Sequence[Term], meetings: Sequence[Meeting]) -> list[ChairFinding]:
    """A note for each running or planned term, bounded on both sides, in which a chair-hosted
    body (not a handover body: its meetings bound the terms) holds no meeting while its
    meetings on either side of the term are no more than one and a half terms apart."""
    rule = book.chairmanship
    if rule is None or not rule.chair_hosts:
        return []
    handover = set(rule.handover_bodies)
    bodies = {b.id: b for b in book.bodies if b.host is HostPolicy.CHAIR and b.id not in handover}
    days: dict[str, list[Meeting]] = {}
    for m in meetings:
        if m.body in bodies and m.status in _ALIVE and m.exact:
            days.setdefault(m.body, []).append(m)
    if not days:
        return []
    for found in days.values():
        found.sort(key=lambda m: m.earliest)
    starts_of = {body_id: [m.earliest for m in found] for body_id, found in days.items()}  # (once, not per term)
    out = []
    for t in terms:
        if not (t.running or t.planned) or t.start is None or t.end is None or not (t.start.exact and t.end.exact):
            continue
        first, end = t.start.earliest, t.end.earliest
        reach = (rule.term.add_to(first) - first) * 3 // 2
        for body_id, found in days.items():
            at = bisect.bisect_left(starts_of[body_id], first)
            if at == 0 or at == len(found) or found[at].earliest < end:
                continue  # (nothing before, nothing after, or one inside the term)
            before, after = found[at - 1], found[at]
            if after.earliest - before.earliest > reach:
                continue
            name = bodies[body_id].name
            what = "planned term" if t.planned else "running term"
            out.append(
                ChairFinding(
                    "unhosted", Severity.NOTE, t.country,
                    f"{t.country}'s {what}, {t.start} to {t.end}, hosts no {name}, which meets about once a term:"
                    f" the one before it is the {meeting_words(before, book)}, {_days(first - before.earliest)} before it began,"
                    f" the one after it the {meeting_words(after, book)}, {_days(after.earliest - end) + ' after' if after.earliest > end else 'on the day'} it ended.",
                    term_start=str(t.start),
                )
            )  # fmt: skip
    return out


def _days(delta: timedelta) -> str:
    return f"{delta.days} day{'s' if delta.days != 1 else ''}"
