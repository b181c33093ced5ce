"""Chairmanship plans: candidates assigned to the coming handover meetings, and the planned
chairs set as hosts of the projected meetings of chair-hosted bodies.

Semantics: a term runs from one handover meeting to the next; the chair hosts the chair-hosted
meetings inside its term, and the handover meeting that ends it (``handover_host = "outgoing"``,
the default) or the one that begins it (``"incoming"``: CICA, whose held handovers at the 3rd
and 4th Summits and the 7th Ministerial Council were all hosted by the incoming chair). A first
candidate who is the current chair confirms the running term instead of starting a new one.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path

from planner.core.bulk import paused_gc
from planner.core.dates import PartialDate
from planner.core.errors import InputError, PlanError
from planner.core.model import (
    ChairTerm,
    HostPolicy,
    Meeting,
    Member,
    RuleBook,
    Status,
)
from planner.engine.chairmanship.closing import ad_hoc_handover, expected_close
from planner.engine.chairmanship.findings.judge import judge
from planner.engine.chairmanship.findings.long_terms import expected_long
from planner.engine.chairmanship.findings.rows import one_term_rows
from planner.engine.chairmanship.findings.stalled import rotation_stalled
from planner.engine.chairmanship.findings.suspended import suspended_chairs
from planner.engine.chairmanship.findings.unhosted import unhosted_terms
from planner.engine.chairmanship.findings.unrecorded import unrecorded_since
from planner.engine.chairmanship.hosts.hosting import assign_hosts
from planner.engine.chairmanship.rotation import alphabetical_after, rotation_after
from planner.engine.chairmanship.terms import (
    ChairReport,
    MeetingsByDay,
    Term,
    handover_meetings,
    handover_slack,
    hosted_meetings,
    meeting_words,
    statutory_meetings,
    timeline,
    with_meetings,
)
from planner.engine.planning.projection import Projection
from planner.inputs.inputfile import read_text
from planner.inputs.limits import MAX_PLAN_BYTES

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def parse_plan(text: str) -> list[str]:
    """``"Azerbaijan, Kyrgyzstan, Thailand"`` (commas or semicolons) -> the names, in order."""
    return [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]


def load_plan(path: str | Path) -> list[str]:
    """A plan file: one country per line; ``#`` starts a comment."""
    return [name for _line, name in load_plan_lines(path)]


def load_plan_lines(path: str | Path) -> list[tuple[int, str]]:
    """The candidates of a plan file with their line numbers, for messages that name the line."""
    path = Path(path)
    text = read_text(path, InputError, what="plan", empty="one country per line ('#' starts a comment)", limit=MAX_PLAN_BYTES)
    # Lines as an editor numbers them (CR LF, CR or LF): str.splitlines also ends one at
    # U+2028 and U+2029, and every message after such a line named the line below the one meant
    names = [(i, n) for i, n in enumerate((line.split("#", 1)[0].strip() for line in _LINE_BREAK.split(text)), start=1) if n]
    if not names:
        raise InputError("names no country", path=path, expected="one country per line ('#' starts a comment)")
    return names


def resolve_candidates(book: RuleBook, names: Sequence[str], *, option: str = "plan") -> list[Member]:
    """Each candidate as a member state; an unknown one is a :class:`PlanError` naming the
    option it came from and the closest member names."""
    out = []
    members = book.organization.members
    for index, name in enumerate(names):
        member = book.organization.member(name)
        if member is None:
            every = [m.name for m in members] + [a for m in members for a in m.aliases]
            close = difflib.get_close_matches(name, every, n=3, cutoff=0.5)
            hint = f"closest: {', '.join(close)}" if close else f"expected one of {', '.join(m.name for m in members)}"
            raise PlanError(f"{option}: {name!r} is not a member state of {book.organization.short_name} ({hint})", index=index)
        out.append(member)
    return out


Slot = tuple[PartialDate, Meeting | None, PartialDate | None, Meeting | None]


def _slots(book: RuleBook, projection: Projection, anchor: PartialDate, opened: Meeting | None) -> Iterator[Slot]:
    """Successive (start, opening meeting, end, closing meeting) of future terms."""
    rule = book.chairmanship
    assert rule is not None
    if not rule.handover_bodies:
        start = anchor
        while True:
            end = PartialDate.of(rule.term.add_to(start.earliest))
            yield start, None, end, None
            start = end
    handovers = handover_meetings(book, projection.meetings(), regular_only=True)
    ad_hoc_from = projection.today if ad_hoc_handover(book) else None
    start_day: PartialDate | None = anchor
    while start_day is not None:
        end, closing = expected_close(rule, handovers.after(start_day.latest + handover_slack(rule)), start_day, ad_hoc_from=ad_hoc_from)
        yield start_day, opened, end, closing
        start_day, opened = end, closing


def plan_terms(book: RuleBook, terms: Sequence[Term], projection: Projection, candidates: Sequence[Member] | None) -> list[Term]:
    """Future terms: ``candidates`` in order, or (``order = "alphabetical"`` or ``"listed"``
    and no plan) the members after the current chair in that order, over the projection's
    horizon."""
    rule = book.chairmanship
    if rule is None:
        if candidates:
            raise PlanError("plan: the rule book has no [chairmanship] section; expected term and handover_bodies there")
        return []
    last = terms[-1] if terms else None
    out: list[Term] = []
    cands = list(candidates) if candidates is not None else None
    if last is not None and last.running and cands and cands[0] == last.member:
        out.append(dataclasses.replace(last, planned=True, current=True))
        cands = cands[1:]
    shift = len(out)  # candidates[k] is the plan's entry k + shift
    _check_consecutive(book, last, cands or [], confirmed=bool(out), shift=shift)
    if last is None:
        anchor, opened = PartialDate.of(projection.today), None
    elif last.end is None:
        if cands:
            raise PlanError(f"plan: {last.country}'s running term has no handover meeting in the projection to {projection.end}; extend --to")
        return out
    else:
        anchor, opened = last.end, last.closed_by
    auto = cands is None
    for k, (start, opening, end, closing) in enumerate(_slots(book, projection, anchor, opened)):
        if auto:
            if start.earliest > projection.end or rule.order == "plan":
                break
            before = out[-1].member if out else last.member if last else None
            proposed = rotation_after(book, before, 1, start.earliest, listed=rule.order == "listed")
            if not proposed or (proposed[0] == before and not rule.consecutive_terms):
                break  # (no other member takes part: the rule gives no next chair; `rotation_stalled` says so)
            member = proposed[0]
        elif k < len(cands or []):
            member = (cands or [])[k]
            _check_member(member, start, k + shift)
        else:
            break
        out.append(Term(member.name, start, end, member=member, planned=True, opened_by=opening, closed_by=closing))
    if cands and len(out) - (1 if out and out[0].current else 0) < len(cands):
        missing = cands[len(out) - (1 if out and out[0].current else 0)]
        raise PlanError(f"plan: no handover meeting left for {missing.name} in the projection to {projection.end}; plan fewer chairs or extend --to", index=len(out))
    return out


def _check_member(member: Member, start: PartialDate, index: int) -> None:
    """A candidate who is no member on any day its planned term may begin (it has left, or
    has not joined): the plan breaks the chair rule, as such a chair in the register is a
    violation (README: a member's `joined` and `left` bound its membership)."""
    if member.member_on(start.earliest) or member.member_on(start.latest):
        return
    why = f"joins {member.joined}" if member.joined is not None and start.latest < member.joined.earliest else f"left {member.left}"
    raise PlanError(f"plan: {member.name} would not be a member when its planned term begins ({start}; it {why}); the chair goes to a member state", index=index)


def _check_consecutive(book: RuleBook, last: Term | None, cands: Sequence[Member], *, confirmed: bool, shift: int = 0) -> None:
    rule = book.chairmanship
    if rule is None or rule.consecutive_terms:
        return
    chain = ([last.member] if last is not None else []) + list(cands)
    for i in range(1, len(chain)):
        if chain[i] is not None and chain[i] == chain[i - 1]:
            name = chain[i].name  # type: ignore[union-attr]
            where = "the current chair" if i == 1 and last is not None else "the candidate before"
            raise PlanError(
                f"plan: {name} would chair twice in a row (after {where}); the rule book allows no consecutive terms (chairmanship.consecutive_terms = false)"
                + (" — to keep the current chair, name it first only once" if confirmed and i == 1 else ""),
                index=i - (1 if last is not None else 0) + shift,
            )


def _refresh(book: RuleBook, t: Term, moved: dict[tuple[str, str], Meeting], meetings: Sequence[Meeting] | MeetingsByDay, past: date | None = None) -> Term:
    """A term with its boundary meetings (and so its dates) taken from the hosted projection."""

    def swap(m: Meeting | None) -> Meeting | None:
        return moved.get((m.body, m.key), m) if m is not None and m.status is Status.PROJECTED else m

    opened, closed = swap(t.opened_by), swap(t.closed_by)
    start = opened.start if t.planned and not t.current and opened is not None else t.start
    end = closed.start if closed is not None and (t.planned or t.running) else t.end
    if not (opened is t.opened_by and closed is t.closed_by and start is t.start and end is t.end):
        t = dataclasses.replace(t, opened_by=opened, closed_by=closed, start=start, end=end)
    elif past is not None and t.end is not None and t.end.latest < past:
        # A term over before the first projected day (nothing is projected before tomorrow,
        # re-hosted or not) sees only the register: its meetings are those it already has.
        return t
    return with_meetings(t, statutory_meetings(book, meetings, t), hosted_meetings(book, meetings, t))


def chairs_report(book: RuleBook, chairs: Sequence[ChairTerm], projection: Projection, plan: Sequence[str] | None = None, country: str | None = None) -> ChairReport:
    """The register's terms judged against the rule, the plan (if any, or the alphabetical
    rotation), and the projection with the chairs as hosts."""
    # Sorting register and projection together makes a sort key per meeting, and re-hosting
    # copies the chair's meetings: half a million young objects that each full collection
    # walked again (a quarter of ``planner chairs`` at N, two fifths at 2N: its growth).
    with paused_gc():
        return _chairs_report(book, chairs, projection, plan, country)


def _hosting(book: RuleBook, chairs: Sequence[ChairTerm], projection: Projection, plan: Sequence[str] | None, *, listed: bool = True) -> tuple[list[Term], list[Term], Projection, dict[tuple[str, str], Meeting], str]:
    """The register's terms, the planned ones, the projection with the chairs as hosts, the
    projected meetings hosting moved (by body and key), and what follows the plan; ``listed``:
    see :func:`timeline`."""
    terms = one_term_rows(book, timeline(book, chairs, projection.meetings(), projection.today, listed=listed))
    candidates = resolve_candidates(book, plan) if plan is not None else None
    planned = plan_terms(book, terms, projection, candidates)
    hosting = [*(t for t in planned if t.current), *terms, *(t for t in planned if not t.current)]
    hosted = assign_hosts(book, projection, hosting)
    moved = {(m.body, m.key): m for m in hosted.projected}
    after = _after_plan(book, planned, hosted, moved) if candidates is not None else ""
    if after:
        hosted = dataclasses.replace(hosted, notes=(*hosted.notes, after)).ordered_as(hosted, ())
    return terms, planned, hosted, moved, after


def _chairs_report(book: RuleBook, chairs: Sequence[ChairTerm], projection: Projection, plan: Sequence[str] | None, country: str | None) -> ChairReport:
    today = projection.today
    terms, planned, hosted, moved, after = _hosting(book, chairs, projection, plan)
    findings = judge(book, terms, today)
    meetings = hosted.meetings()
    pool = MeetingsByDay(meetings)  # ordered once for every term
    tomorrow = today + timedelta(days=1)
    terms = [_refresh(book, t, moved, pool, tomorrow) for t in terms]
    planned = [_refresh(book, t, moved, pool) for t in planned]
    ahead = [*(t for t in terms if t.running and not t.handed_over(today)), *planned]  # (one handed over is judged as ended)
    findings = [*findings, *unrecorded_since(book, terms, planned, today), *expected_long(book, ahead), *unhosted_terms(book, ahead, meetings), *suspended_chairs(planned)]
    if plan is None:
        findings.extend(rotation_stalled(book, terms, planned, hosted.end))
    member = None
    if country is not None:
        member = resolve_candidates(book, [country], option="--country")[0]
        kept = {old: new for new, old in enumerate(i for i, t in enumerate(terms) if t.member == member)}
        terms = [t for t in terms if t.member == member]
        planned = [t for t in planned if t.member == member]
        findings = [dataclasses.replace(f, term=kept.get(f.term)) if f.term is not None else f for f in findings if book.organization.member(f.country) == member]
    return ChairReport(book, today, tuple(terms), tuple(findings), tuple(planned), hosted, member, after)


def _after_plan(book: RuleBook, planned: Sequence[Term], hosted: Projection, moved: dict[tuple[str, str], Meeting]) -> str:
    """What follows a plan whose last chair is expected to hand over inside the horizon: no
    one is named, so the chair from then, and the host of the chair-hosted meetings it would
    hold, are to be decided (said, not left to a reader to infer from "chair to be decided").
    The handover meeting is the one its host's working days placed (``moved``), as the plan
    shows it: the SCO's 35th CHS, hosted by China on 2035-07-16, was said to end the term on
    2035-07-12, the day it had before it had a host."""
    last = _refresh_ends(planned[-1], moved) if planned else None
    if last is None or last.end is None or last.closed_by is None or last.end.earliest > hosted.end:
        return ""
    chair_bodies = {b.id for b in book.bodies if b.host is HostPolicy.CHAIR}
    after = [m for m in hosted.projected if m.body in chair_bodies and m.earliest >= last.end.latest and not m.country]
    words = f"The plan names no chair after {last.country}, whose term is expected to end at the {meeting_words(last.closed_by, book)}: the chair from then is to be decided"
    if after:
        shown = "; ".join(meeting_words(m, book) for m in after[:3]) + (f" and {len(after) - 3} more" if len(after) > 3 else "")
        words += f", and so {'is the host of the chair-hosted meeting' if len(after) == 1 else f'are the hosts of the {len(after)} chair-hosted meetings'} from then ({shown})"
    return words + "."


def _refresh_ends(t: Term, moved: dict[tuple[str, str], Meeting]) -> Term:
    """A planned term with its closing meeting (and so its end) as hosting placed it."""
    closed = moved.get((t.closed_by.body, t.closed_by.key)) if t.closed_by is not None and t.closed_by.status is Status.PROJECTED else None
    return t if closed is None or closed is t.closed_by else dataclasses.replace(t, closed_by=closed, end=closed.start)


def with_chair_hosts(book: RuleBook, chairs: Sequence[ChairTerm], projection: Projection, plan: Sequence[str] | None = None) -> Projection:
    """What ``planner project`` shows: the projection with known or planned chairs as hosts.
    The terms are not judged, nor their meetings listed (nothing shows them): 20,000 terms of
    a chair register took some 35 s of ``project`` and ``ics`` in findings never written."""
    with paused_gc():
        return _hosting(book, chairs, projection, plan, listed=False)[2]


__all__ = ["alphabetical_after", "rotation_after", "assign_hosts", "chairs_report", "load_plan", "load_plan_lines", "parse_plan", "plan_terms", "resolve_candidates", "with_chair_hosts"]
