"""Chairmanship plans: candidates assigned to the coming handover meetings, and the planned
chairs set as hosts of the projected meetings of chair-hosted bodies.

Semantics: a term runs from one handover meeting to the next; the chair hosts the chair-hosted
meetings inside its term, and the handover meeting that ends it (``handover_host = "outgoing"``,
the default) or the one that begins it (``"incoming"``: CICA, whose held handovers at the 3rd
and 4th Summits and the 7th Ministerial Council were all hosted by the incoming chair). A first
candidate who is the current chair confirms the running term instead of starting a new one.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.core.bulk import paused_gc
from planner.core.dates import PartialDate, Window
from planner.core.errors import InputError, PlanError
from planner.core.model import (
    Chairmanship,
    ChairTerm,
    HostPolicy,
    Meeting,
    Member,
    RuleBook,
    Status,
)
from planner.engine.chairmanship.findings import expected_long, judge
from planner.engine.chairmanship.terms import (
    ChairReport,
    MeetingsByDay,
    Term,
    handover_meetings,
    hosted_meetings,
    meeting_words,
    next_handover,
    statutory_meetings,
    timeline,
    with_meetings,
)
from planner.engine.planning.crowd import DayBook, host_key
from planner.engine.planning.member_holidays import host_gap_notes
from planner.engine.planning.placement.hosts import calendar_for
from planner.engine.planning.projection import Projection, ProjectionProblem
from planner.inputs.inputfile import read_text
from planner.inputs.limits import MAX_PLAN_BYTES

if TYPE_CHECKING:
    from holidays import HolidayBase


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


def alphabetical_after(book: RuleBook, current: Member | None, count: int, on: date | None = None) -> list[Member]:
    """The next ``count`` members after ``current`` in alphabetical order, wrapping; with
    ``on``, among the members on that day (the UN Security Council's elected members change
    each January: after Slovenia, December 2025, comes Somalia, then the United Kingdom, not
    Switzerland, whose term ended with 2025)."""
    return rotation_after(book, current, count, on, listed=False)


def rotation_after(book: RuleBook, current: Member | None, count: int, on: date | None = None, *, listed: bool) -> list[Member]:
    """The next ``count`` members after ``current`` in the rotation's order, wrapping: the
    order ``organization.members`` lists them (``listed``: the Visegrad Group's Czech Republic,
    Poland, Hungary, Slovakia) or alphabetical; with ``on``, among the members on that day."""
    everyone = list(book.organization.members) if listed else sorted(book.organization.members, key=lambda m: m.name.casefold())
    members = [m for m in everyone if on is None or m.member_on(on)]
    if not members:
        return []
    if current in members:
        first = members.index(current) + 1
    elif listed:
        # a current chair no longer a member: the next listed after its own place
        at = everyone.index(current) if current in everyone else -1
        first = next((i for i, m in enumerate(members) if everyone.index(m) > at), 0)
    else:
        # a current chair no longer a member: the next name after its own
        first = next((i for i, m in enumerate(members) if current is not None and m.name.casefold() > current.name.casefold()), 0)
    return [members[(first + k) % len(members)] for k in range(count)]


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
    start_day: PartialDate | None = anchor
    while start_day is not None:
        closing = next_handover(handovers, start_day)
        yield start_day, opened, closing.start if closing else None, closing
        start_day, opened = (closing.start, closing) if closing else (None, None)


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
            proposed = rotation_after(book, (out[-1].member if out else last.member if last else None), 1, start.earliest, listed=rule.order == "listed")
            if not proposed:
                break
            member = proposed[0]
        elif k < len(cands or []):
            member = (cands or [])[k]
        else:
            break
        out.append(Term(member.name, start, end, member=member, planned=True, opened_by=opening, closed_by=closing))
    if cands and len(out) - (1 if out and out[0].current else 0) < len(cands):
        missing = cands[len(out) - (1 if out and out[0].current else 0)]
        raise PlanError(f"plan: no handover meeting left for {missing.name} in the projection to {projection.end}; plan fewer chairs or extend --to", index=len(out))
    return out


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


def assign_hosts(book: RuleBook, projection: Projection, terms: Sequence[Term]) -> Projection:
    """A new projection whose projected meetings of chair-hosted bodies that fall in a known or
    planned term are hosted by its chair, re-placed on the chair's working days in the same
    year (never before tomorrow), duration and reason kept."""
    rule = book.chairmanship
    if rule is None or not rule.chair_hosts:
        return projection
    chair_bodies = {b.id: b for b in book.bodies if b.host is HostPolicy.CHAIR}
    boundaries = {(m.body, m.key) for t in terms for m in (t.opened_by, t.closed_by) if m is not None and m.status is Status.PROJECTED}
    tomorrow = projection.today + timedelta(days=1)
    taken: dict[str, _Firm] = {}
    for m in projection.meetings():  # sorted: each body's list is in order of first day
        if m.body in chair_bodies and m.status in (Status.HELD, Status.PLANNED, Status.PROJECTED) and m.exact:  # a year-only date blocks no day (the body first: most are not chair-hosted)
            firm = taken.get(m.body)
            if firm is None:
                firm = taken[m.body] = _Firm()
            firm.append(m)
    holder = _holder(terms, rule)
    problems = list(projection.problems)
    # The same crowded calendar as projection: other bodies' days and the host's spacing.
    since = tomorrow - timedelta(days=book.organization.min_days_between + 60)
    daybook = DayBook(book, since)
    daybook.add_all(projection.meetings(), since)
    out: list[Meeting] = []
    notes = list(projection.notes)
    hosts: dict[tuple[str, str], tuple[HolidayBase, set[int]]] = {}
    for m in projection.projected:
        body = chair_bodies.get(m.body)
        term = holder(m.earliest) if body else None
        if term is not None and (m.body, m.key) not in boundaries and (bound := term.unsure_on(m.earliest)) is not None:
            # The chair changes on a day of ``bound`` the register does not give: this meeting
            # may fall before the handover or after it, so its host is not known (never a guess).
            notes.append(f"{body.name} {m.start}: the chair passes from {term.country} on a day of {bound} the registers do not give, so its host (before or after the handover) is to be decided.")  # type: ignore[union-attr]
            term = None
        if body is None or term is None:
            out.append(m)
            continue
        country = term.member.name if term.member else term.country
        days = (m.latest - m.earliest).days + 1
        year = Window(max(date(m.earliest.year, 1, 1), tomorrow), date(m.earliest.year, 12, 31))
        # (the days tried are inside ``year``: only the body's meetings touching it can clash)
        firm = taken.get(m.body) or _Firm()
        others = [o for o in firm.touching(year.start, year.end) if o is not m]
        free = (m.body, m.key) in boundaries

        host = host_key(body, country)
        daybook.remove(m.body, daybook.host_of(m), m.earliest, m.latest)

        def accept(day: date, others: list[Meeting] = others, days: int = days, term: Term = term, free: bool = free, host: str = host, body_id: str = m.body) -> bool:
            last = day + timedelta(days=days - 1)
            if any(o.earliest <= last and day <= o.latest for o in others):
                return False
            return (free or term.holds(day, rule) and term.unsure_on(day) is None) and daybook.free(body_id, host, day, last)

        calendar = calendar_for(body, book, country)
        # Nearest the day the projection aimed at, not the day it chose: with no host known,
        # that day kept off every member's holidays, where only this chair's count now (and
        # every member's for a meeting all members attend: calendar_for adds them).
        aim = projection.aims.get((m.body, m.key), m.earliest)
        first = calendar.place(aim, days, year, accept=accept) if year.start <= year.end else None
        if first is None and calendar.members is not None and year.start <= year.end:
            found = calendar.place_fewest(aim, days, year, accept=accept)
            first = found[0] if found else None
        if first is None:
            first = m.earliest
            problems.append(ProjectionProblem(body, year, str(m.earliest.year), f"{body.name}: no {days} working day{'s' if days > 1 else ''} in {country} fit in {m.earliest.year}; kept {m.start}."))
        end = first + timedelta(days=days - 1)
        if calendar.holidays is not None and calendar.code and calendar.members is None:
            # (for a note on the years whose holidays the package lacks there, as projection's)
            hosts.setdefault((calendar.code, country), (calendar.holidays, set()))[1].add(first.year)
        daybook.add(m.body, host, first, end)
        moved = m.model_copy(update={"start": PartialDate.of(first), "end": PartialDate.of(end) if days > 1 else None, "country": country, "city": m.city if m.country == country else ""})
        firm.remove(m)
        firm.add(moved)
        taken[m.body] = firm
        out.append(moved)
    notes += [n for n in host_gap_notes(hosts, projection.end.year, book.organization.holiday_categories) if n not in notes]
    changed = [(m, n) for m, n in zip(projection.projected, out, strict=True) if m is not n]
    out.sort(key=Meeting.sort_key)
    return dataclasses.replace(projection, projected=tuple(out), problems=tuple(problems), notes=tuple(notes)).ordered_as(projection, changed)


class _Firm:
    """A body's firmly dated meetings in order of first day: those touching a year are found by
    bisection (a scan of the body's whole history for each meeting re-hosted grew with it)."""

    def __init__(self) -> None:
        self.starts: list[date] = []
        self.items: list[Meeting] = []
        self.span = timedelta(0)

    def append(self, m: Meeting) -> None:
        """``m`` after the others (its first day is not before theirs)."""
        self.starts.append(m.earliest)
        self.items.append(m)
        self.span = max(self.span, m.latest - m.earliest)

    def add(self, m: Meeting) -> None:
        at = bisect.bisect_right(self.starts, m.earliest)
        self.starts.insert(at, m.earliest)
        self.items.insert(at, m)
        self.span = max(self.span, m.latest - m.earliest)

    def remove(self, m: Meeting) -> None:
        at = bisect.bisect_left(self.starts, m.earliest)
        while at < len(self.items) and self.items[at] is not m:
            at += 1
        if at < len(self.items):
            del self.starts[at], self.items[at]

    def touching(self, first: date, last: date) -> list[Meeting]:
        lo = bisect.bisect_left(self.starts, first - self.span) if first > date.min + self.span else 0
        hi = bisect.bisect_right(self.starts, last)
        return [o for o in self.items[lo:hi] if o.latest >= first]


def _holder(terms: Sequence[Term], rule: Chairmanship | None) -> Callable[[date], Term | None]:
    """The first of ``terms`` (in their order) whose chair hosts a meeting on a day: the terms
    that ended before the day are skipped by bisection, not tried one by one (100,000 terms)."""
    lasts = [date.min if t.start is None else date.max if t.end is None else t.end.latest for t in terms]  # no term holds a day after these
    reach = list(itertools.accumulate(lasts, max))

    def holder(day: date) -> Term | None:
        for i in range(bisect.bisect_left(reach, day), len(terms)):
            if terms[i].holds(day, rule):
                return terms[i]
        return None

    return holder


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


def _chairs_report(book: RuleBook, chairs: Sequence[ChairTerm], projection: Projection, plan: Sequence[str] | None, country: str | None) -> ChairReport:
    today = projection.today
    terms = timeline(book, chairs, projection.meetings(), today)
    findings = judge(book, terms, today)
    candidates = resolve_candidates(book, plan) if plan is not None else None
    planned = plan_terms(book, terms, projection, candidates)
    hosting = [*(t for t in planned if t.current), *terms, *(t for t in planned if not t.current)]
    hosted = assign_hosts(book, projection, hosting)
    moved = {(m.body, m.key): m for m in hosted.projected}
    after = _after_plan(book, planned, hosted, moved) if candidates is not None else ""
    if after:
        hosted = dataclasses.replace(hosted, notes=(*hosted.notes, after)).ordered_as(hosted, ())
    meetings = hosted.meetings()
    pool = MeetingsByDay(meetings)  # ordered once for every term
    tomorrow = today + timedelta(days=1)
    terms = [_refresh(book, t, moved, pool, tomorrow) for t in terms]
    planned = [_refresh(book, t, moved, pool) for t in planned]
    findings = [*findings, *expected_long(book, [*(t for t in terms if t.running), *planned])]
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
    """What ``planner project`` shows: the projection with known or planned chairs as hosts."""
    report = chairs_report(book, chairs, projection, plan)
    assert isinstance(report.projection, Projection)
    return report.projection


__all__ = ["alphabetical_after", "rotation_after", "assign_hosts", "chairs_report", "load_plan", "load_plan_lines", "parse_plan", "plan_terms", "resolve_candidates", "with_chair_hosts"]
