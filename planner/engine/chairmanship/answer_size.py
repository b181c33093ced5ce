"""What a ``chairs`` answer names at least, counted before any term is built or judged.

The answer lists under each chair term the statutory meetings held during it and the
chair-hosted meetings its chair hosts, and the findings of the terms; past a limit it is
refused (README, Limits). Building and judging 100,000 overlapping ten-year terms took 9 s to
learn that they name 1.3 million meetings, and more memory than a real register ever needs.
The count here takes only what the answer lists whatever the projection and the plan add:
the register's own meetings (projected ones may be moved by re-hosting) and the plainest
findings. It is never more than the answer's own count, so a register the answer is given
for is never refused by it; the answer's count after the work stays the exact limit.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from planner.core.dates import PartialDate
from planner.core.model import ChairTerm, Kind, Meeting, Member, RuleBook
from planner.engine.chairmanship.findings.long_terms import allowed_end
from planner.engine.chairmanship.pool import chair_hosted_ids, statutory_ids
from planner.engine.chairmanship.terms import ALIVE, handover_meetings, handover_slack


def named_at_least(book: RuleBook, chairs: Sequence[ChairTerm], register: Sequence[Meeting], today: date, country: str | None = None) -> tuple[int, int]:
    """``(meetings and findings, terms)`` a ``chairs`` answer names at least, and the terms it
    counted them under, for the register's ``chairs`` and its meetings ``register`` (without
    the postponed rows another meeting stands for), for ``country``'s terms only when given.

    - statutory meetings of the register inside each term: a term with an end from its start
      to its end; a running one (no end) up to the handover meeting of the register that ends
      it when that is past, else up to ``today`` (nothing is projected before tomorrow);
    - chair-hosted meetings of the register held in the chair's country strictly inside its
      term (the chair hosts those whichever side of a handover the rule book gives it);
    - the findings the dates alone give: a term begun before the rule, or longer than it
      allows; a gap or overlap between two terms in order that their dates give to the day; the
      same country twice in a row;
    - a row repeated (the same chair, the same days) is one term, counted once; the findings of
      a row that begins where one of the same chair ended are not counted (the two may be one
      term, judged whole).
    """
    org = book.organization
    members: dict[str, Member | None] = {}  # by the name as written (a register repeats a few)

    def member_of(name: str) -> Member | None:
        if name not in members:
            members[name] = org.member(name)
        return members[name]

    member: Member | None = None
    if country is not None:
        member = org.member(country)
        if member is None:
            return 0, 0  # the report names the unknown country
    ids, hosted_ids = statutory_ids(book), chair_hosted_ids(book)
    statutory = sorted(m.earliest for m in register if m.body in ids and m.status in ALIVE)
    by_host: dict[int, list[date]] = defaultdict(list)  # by id(): a member's hash reads all its fields
    for m in register:
        if m.body in hosted_ids and m.status in ALIVE and m.country and (host := member_of(m.country)) is not None:
            by_host[id(host)].append(m.earliest)
    for days in by_host.values():
        days.sort()
    rule = book.chairmanship
    ends = _running_end(book, register, today)
    left, right = bisect.bisect_left, bisect.bisect_right
    ordered = sorted(chairs, key=lambda t: (t.start.earliest if t.start else date.min, t.ordinal or 0))  # as the timeline orders them
    count = terms = 0
    previous: ChairTerm | None = None
    previous_chair: Member | None = None
    one_day = timedelta(days=1)
    for term in ordered:
        prev, previous = previous, term
        start = term.start
        chair = member_of(term.country)
        prev_chair, previous_chair = previous_chair, chair
        if start is None or (member is not None and chair is not member):
            continue
        same_chair = prev is not None and (chair is prev_chair if chair is not None or prev_chair is not None else term.country.casefold() == prev.country.casefold())
        if same_chair and prev is not None and (term.start, term.end) == (prev.start, prev.end):
            previous = prev  # a row repeated: one term with the first (engine/chairmanship/findings/rows.py)
            continue
        terms += 1
        last = term.end.latest if term.end is not None else ends(start)
        count += right(statutory, last) - left(statutory, start.earliest)
        hosted = by_host.get(id(chair)) if chair is not None and term.end is not None else None
        if hosted:
            count += max(0, left(hosted, term.end.earliest) - right(hosted, start.latest))  # type: ignore[union-attr]
        if rule is None or (same_chair and rule.handover_bodies and _continues(prev, term)):
            continue  # (the same chair's next row may be the same term: its findings may not be)
        if rule.since and start.earliest < rule.since.earliest:
            count += 1  # begun before the rule: a note that it is not judged by it
        elif allowed_end(rule, start.earliest) < (term.end.latest if term.end is not None else today):
            count += 1  # longer than the rule's term on some of its days at least
        if prev is not None:
            if prev.end is None:
                count += 1  # the one before is still chairing: an overlap
            elif start.earliest > prev.end.latest + one_day or start.latest < prev.end.earliest:
                count += 1  # a gap or an overlap, to the day
            if chair is not None and not rule.consecutive_terms and prev_chair is chair:
                count += 1  # the same country twice in a row
    return count, terms


def _continues(prev: ChairTerm | None, term: ChairTerm) -> bool:
    """Whether ``term`` begins where ``prev`` ended (the same day, or dated to the day the day
    after): the two rows of one chair may be one term (engine/chairmanship/findings/rows.py)."""
    if prev is None or prev.end is None or term.start is None:
        return False
    return term.start == prev.end or (prev.end.exact and term.start.exact and term.start.earliest == prev.end.latest + timedelta(days=1))


def _running_end(book: RuleBook, register: Sequence[Meeting], today: date) -> Callable[[PartialDate], date]:
    """For a running term's start, a day its answer's term runs to at least: the register's
    first regular handover meeting after it when that is past (the timeline's expected end),
    else ``today``; with no handover bodies, its start plus the rule's term."""
    rule = book.chairmanship
    if rule is not None and not rule.handover_bodies:
        term = rule.term
        return lambda start: term.add_to(start.earliest)
    regular = [m for m in handover_meetings(book, register) if m.kind is Kind.REGULAR and m.earliest <= today]
    firsts = [m.earliest for m in regular]
    slack = handover_slack(rule)

    def end(start: PartialDate) -> date:
        at = bisect.bisect_right(firsts, start.latest + slack)
        return regular[at].start.latest if at < len(regular) else today

    return end
