"""The chairs set as hosts of the projected meetings of chair-hosted bodies: each meeting in a
known or planned term is hosted by its chair, re-placed on that chair's working days, on the
same crowded calendar as projection (other bodies' days, one host's spacing)."""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.dates import PartialDate, Window
from planner.core.model import Body, Chairmanship, HostPolicy, Meeting, RuleBook, Status
from planner.core.rules import AfterRule, BeforeRule, EveryRule
from planner.engine.chairmanship.hosts.chained import chained, serves, window
from planner.engine.chairmanship.terms import Term
from planner.engine.coverage import still_due_moved
from planner.engine.planning.crowd import DayBook, host_key
from planner.engine.planning.member_holidays import host_gap_notes
from planner.engine.planning.placement.hosts import calendar_for
from planner.engine.planning.placement.moves import aimed_day, moved_words, without_move
from planner.engine.planning.placement.working import BACK_TO_BACK
from planner.engine.planning.projection import Projection, ProjectionProblem

if TYPE_CHECKING:
    from holidays import HolidayBase


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
    notes = list(projection.notes)
    hosts: dict[tuple[str, str], tuple[HolidayBase, set[int]]] = {}
    # A body that meets just before another (``before``) is re-placed after the meeting it
    # precedes, back to back with it again: each re-placed on its own, the Committee of Senior
    # Officials kept 14-15 December while the Council it prepares moved to the 15th (a day both
    # held) or to the 18th (three days apart).
    leads = _leads(book, projection, chair_bodies)
    waiting = {id(lead) for lead in leads.values()}
    # The meetings due in days or months by a chair-hosted meeting: moved with it, where the
    # plan moves it out of reach of their windows.
    chains = chained(book, projection.projected, chair_bodies, waiting)
    # A chain in days is due that many days after the day its last meeting took: where the plan
    # moves one of its meetings earlier, the next is due as many days earlier (a Summit every
    # 364 days, Egypt's on Thu 2027-10-14 rather than Fri 10-15: the next by Thu 2028-10-12,
    # not on Fri 10-13, where Denmark kept the day). By the ``id`` of a re-placed meeting of such
    # a body: the days it moved earlier.
    in_days = {b.id for b in chair_bodies.values() if any(isinstance(r, EveryRule) and r.mode == "rolling" and r.interval.unit == "d" for r in b.rules)}
    earlier: dict[int, int] = {}
    placed: dict[int, Meeting] = {}

    def pull(m: Meeting, body: Body) -> Meeting:
        """A meeting of a chain in days whose host is not known, after one the plan moved
        earlier: at most as many days after it as the rule says, on the days projection placed
        it by (the Secretariat's, every member's holidays off)."""
        aimed = projection.aims.get((m.body, m.key))
        firm = taken.get(m.body)
        before = firm.last_before(m.earliest) if firm is not None else None
        back = earlier.get(id(before), 0) if before is not None else 0
        if aimed is None or not back or firm is None:
            return m
        due = Window(max(aimed[1].start, tomorrow), aimed[1].end - timedelta(days=back))
        if due.start > due.end:
            return m
        if m.earliest <= due.end:
            # (on a day still in time: kept, but the day it aimed at may now be past its due
            # day, and the words of a move from there no longer true: Summits every 365 days,
            # the 4th brought a day earlier by the plan, the 5th due by Fri 2028-05-12, where it
            # is, said "moved from Sat 2028-05-13")
            words = _moved_again(book, body, m, aimed[0], due, m.earliest, lambda a, z: "")
            return m if words == m.reason else m.model_copy(update={"reason": words})
        days = (m.latest - m.earliest).days + 1
        host = daybook.host_of(m)
        daybook.remove(m.body, host, m.earliest, m.latest)
        first = calendar_for(body, book, m.country).place(aimed[0], days, due, accept=lambda day: daybook.free(m.body, host, day, day + timedelta(days=days - 1)))
        if first is None:
            daybook.add(m.body, host, m.earliest, m.latest)
            problems.append(ProjectionProblem(body, due, str(m.earliest.year), f"{body.name} {m.start}: due by {due.end}, the meeting before it having moved {back} day{'s' if back > 1 else ''} earlier by the chairs' plan, and no day of {due.start}..{due.end} fits; kept {m.start}."))
            return m
        end = first + timedelta(days=days - 1)
        words = _moved_again(book, body, m, aimed[0], due, first, lambda a, z: daybook.clash(m.body, host, a, z) or "")
        daybook.add(m.body, host, first, end)
        moved = m.model_copy(update={"start": PartialDate.of(first), "end": PartialDate.of(end) if days > 1 else None, "reason": words})
        firm.remove(m)
        firm.add(moved)
        earlier[id(moved)] = (m.earliest - first).days
        return moved

    def rehost(m: Meeting, partner: Meeting | None = None, lead: Meeting | None = None) -> Meeting:
        body = chair_bodies.get(m.body)
        term = holder(m.earliest) if body else None
        if term is not None and (m.body, m.key) not in boundaries and (bound := term.unsure_on(m.earliest)) is not None:
            # The chair changes on a day of ``bound`` the register does not give: this meeting
            # may fall before the handover or after it, so its host is not known (never a guess).
            notes.append(f"{body.name} {m.start}: the chair passes from {term.country} on a day of {bound} the registers do not give, so its host (before or after the handover) is to be decided.")  # type: ignore[union-attr]
            term = None
        if body is None or term is None:
            return pull(m, body) if body is not None and m.body in in_days else m
        country = term.member.name if term.member else term.country
        days = (m.latest - m.earliest).days + 1
        year = Window(max(date(m.earliest.year, 1, 1), tomorrow), date(m.earliest.year, 12, 31))
        # (the days tried are inside ``year``: only the body's meetings touching it can clash)
        firm = taken.get(m.body) or _Firm()
        others = [o for o in firm.touching(year.start, year.end) if o is not m]
        free = (m.body, m.key) in boundaries
        # A handover meeting moves only between the chair-hosted meetings on either side of
        # it: crossing one would move the handover past a meeting whose host was given by it
        # (a Council the chair passes at, moved from 7 to 11 June past a Summit of 10 June
        # that the incoming chair had been given: a Summit inside the outgoing chair's term,
        # hosted by the next).
        after, before = _neighbours(taken, m) if free else (None, None)

        host = host_key(body, country)
        daybook.remove(m.body, daybook.host_of(m), m.earliest, m.latest)

        def accept(day: date, others: list[Meeting] = others, days: int = days, term: Term = term, free: bool = free, host: str = host, body_id: str = m.body, after: date | None = after, before: date | None = before) -> bool:
            last = day + timedelta(days=days - 1)
            if after is not None and day <= after or before is not None and day >= before:
                return False
            if partner is not None and last >= partner.earliest:
                return False  # (before the meeting it precedes, never on its days)
            if any(o.earliest <= last and day <= o.latest for o in others):
                return False
            return (free or term.holds(day, rule) and term.unsure_on(day) is None) and daybook.free(body_id, host, day, last)

        calendar = calendar_for(body, book, country)
        # Nearest the day the projection aimed at, not the day it chose: with no host known,
        # that day kept off every member's holidays, where only this chair's count now (and
        # every member's for a meeting all members attend: calendar_for adds them).
        aimed = projection.aims.get((m.body, m.key))
        aim = aimed[0] if aimed is not None else m.earliest
        if aimed is not None:
            # Inside the days it was placed in, too: a Summit due every 365 days, by Wed
            # 2027-05-19, an Egyptian government holiday, went to Thursday the 20th, late.
            year = Window(max(year.start, aimed[1].start), min(year.end, aimed[1].end))
            before = firm.last_before(m.earliest) if m.body in in_days else None
            if before is not None and (back := earlier.get(id(before), 0)):
                year = Window(year.start, min(year.end, aimed[1].end - timedelta(days=back)))
        first = calendar.place_before(partner.earliest, days, year, accept=accept) if partner is not None and year.start <= year.end else None
        if first is None and partner is not None and year.start <= year.end:
            # (the days right before are taken: the nearest free ones before it, as projection)
            first = calendar.place(partner.earliest - timedelta(days=days), days, Window(max(year.start, partner.earliest - timedelta(days=_LEAD_REACH)), min(year.end, partner.earliest - timedelta(days=1))), accept=accept)
        searched = first is None  # (placed near its aim, not back to back with its partner: a move from the aim is said)
        if first is None and lead is not None and year.start <= year.end:
            # (first where the meeting that precedes it fits right before it, as projection
            # keeps the days before a partner free)
            led = country if lead.body in chair_bodies else lead.country  # (a body not hosted by the chair stays where it is hosted)
            first = calendar.place(aim, days, year, accept=lambda day: accept(day) and _fits_before(book, lead, led, day, daybook, year))
        if first is None:
            first = calendar.place(aim, days, year, accept=accept) if year.start <= year.end else None
        # The reason says where the meeting moved from, on this chair's calendar now (the
        # projection's words were of the Secretariat's days and every member's holidays).
        reason = without_move(m.reason)
        if searched and first is not None and aimed is not None and aim >= year.start:  # (an aim past: as soon as possible, no move)
            target = aimed_day(aim, year.start, year.end, days)
            reason += moved_words(calendar, country, target, first, days, lambda a, z: daybook.clash(m.body, host, a, z) or ("in another chair's term" if not free and not term.holds(a, rule) else ""))
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
        moved = m.model_copy(update={"start": PartialDate.of(first), "end": PartialDate.of(end) if days > 1 else None, "country": country, "city": m.city if m.country == country else "", "reason": reason})
        firm.remove(m)
        firm.add(moved)
        if m.body in in_days and first < m.earliest:
            earlier[id(moved)] = (m.earliest - first).days
        taken[m.body] = firm
        return moved

    def follow(m: Meeting, partner: Meeting) -> Meeting:
        """A meeting of a body the chair does not host that meets just before ``partner``
        (``before``), back to back with it again on its own host's working days, in its year:
        left where it was, a Board of the Secretariat on Thursday the 12th, while the plan's
        chair took the Summit from Friday the 13th (its weekend) to the 12th, the two met on
        one day. Kept where it is when no day before the partner fits."""
        body = book.body(m.body)
        days = (m.latest - m.earliest).days + 1
        first_day, last_day = max(date(m.earliest.year, 1, 1), tomorrow), min(date(m.earliest.year, 12, 31), partner.earliest - timedelta(days=1))
        if body is None or first_day > last_day:
            return m
        year = Window(first_day, last_day)
        host = daybook.host_of(m)
        daybook.remove(m.body, host, m.earliest, m.latest)

        def accept(day: date) -> bool:
            return daybook.free(m.body, host, day, day + timedelta(days=days - 1))

        calendar = calendar_for(body, book, m.country)
        first = calendar.place_before(partner.earliest, days, year, accept=accept)
        if first is None and partner.earliest - timedelta(days=_LEAD_REACH) <= last_day:
            # (the days right before are taken: the nearest free ones before it, as projection)
            first = calendar.place(partner.earliest - timedelta(days=days), days, Window(max(first_day, partner.earliest - timedelta(days=_LEAD_REACH)), last_day), accept=accept)
        if first is None:
            daybook.add(m.body, host, m.earliest, m.latest)
            return m
        end = first + timedelta(days=days - 1)
        daybook.add(m.body, host, first, end)
        return m.model_copy(update={"start": PartialDate.of(first), "end": PartialDate.of(end) if days > 1 else None})

    def chase(m: Meeting, origin: Meeting, rule: AfterRule | BeforeRule) -> Meeting:
        """``m``, due by ``rule`` from a meeting the plan moved to ``origin``'s days, re-placed
        on its own host's working days nearest its day inside the window counted from
        ``origin`` (not before tomorrow); kept, with a Problem, where nothing fits there."""
        body = book.body(m.body)
        days = (m.latest - m.earliest).days + 1
        due = window(rule, origin.earliest, days)
        first_day = max(due.start, tomorrow)
        host = daybook.host_of(m)
        first = None
        aimed = projection.aims.get((m.body, m.key))
        aim = aimed[0] if aimed is not None else m.earliest
        if isinstance(rule, AfterRule) and rule.offset.unit == "m" and aim.day > 1:
            # (due in another month now: the day of the month it aimed at there, as projection
            # aims a month due after a Summit at the body's usual day of the month, not the
            # month's day nearest the old one: a Board of the 10th, its Summit moved by the
            # plan from 1 September into August, on Fri 9 February, not on the 28th)
            aim = due.start.replace(day=min(aim.day, due.end.day))
        if body is not None and first_day <= due.end:
            daybook.remove(m.body, host, m.earliest, m.latest)
            first = calendar_for(body, book, m.country).place(aim, days, Window(first_day, due.end), accept=lambda day: daybook.free(m.body, host, day, day + timedelta(days=days - 1)))
            if first is None:
                daybook.add(m.body, host, m.earliest, m.latest)
        if first is None:
            name = body.name if body else m.body
            problems.append(ProjectionProblem(body, due, str(m.earliest.year), f"{name} {m.start}: due {rule.offset.words()} {'before' if isinstance(rule, BeforeRule) else 'after'} the meeting moved to {origin.start} by the chairs' plan, and no day of {due.start}..{due.end} fits; kept {m.start}."))  # type: ignore[arg-type]
            return m
        end = first + timedelta(days=days - 1)
        words = _moved_again(book, body, m, aim, Window(first_day, due.end), first, lambda a, z: daybook.clash(m.body, host, a, z) or "")  # type: ignore[arg-type]
        daybook.add(m.body, host, first, end)
        return m.model_copy(update={"start": PartialDate.of(first), "end": PartialDate.of(end) if days > 1 else None, "reason": words})

    for m in projection.projected:
        if id(m) in waiting or id(m) in placed:
            continue  # re-placed with the meeting it precedes, or with the one it is due after
        lead = leads.get(id(m))
        placed[id(m)] = moved = rehost(m, lead=lead)
        if moved is not m and moved.earliest != m.earliest:
            for due, by in chains.get(id(m), ()):  # (not ``rule``: the chairmanship's, which rehost reads)
                now = placed.get(id(due), due)
                if not serves(by, moved.earliest, now):
                    placed[id(due)] = chase(now, moved, by)
        if lead is None:
            continue
        if lead.body in chair_bodies:
            placed[id(lead)] = rehost(lead, moved)
        else:  # (hosted where it was: moved only where its partner moved)
            placed[id(lead)] = lead if moved is m or moved.earliest == m.earliest else follow(lead, moved)
    out = [placed[id(m)] for m in projection.projected]
    notes += [n for n in host_gap_notes(hosts, projection.end.year, book.organization.holiday_categories) if n not in notes]
    changed = [(m, n) for m, n in zip(projection.projected, out, strict=True) if m is not n]
    moves: dict[str, dict[str, str]] = {}
    for old, new in changed:
        if old.start != new.start:
            moves.setdefault(book.body(old.body).name, {})[str(old.start.earliest)] = str(new.start.earliest)  # type: ignore[union-attr]
    for name, moved in moves.items():  # (the notes that name a re-placed meeting's day)
        notes = [still_due_moved(note, name, moved) for note in notes]
    out.sort(key=Meeting.sort_key)
    return dataclasses.replace(projection, projected=tuple(out), problems=tuple(problems), notes=tuple(notes)).ordered_as(projection, changed)


def _moved_again(book: RuleBook, body: Body, m: Meeting, aim: date, due: Window, first: date, in_the_way: Callable[[date, date], str]) -> str:
    """``m``'s reason with the words of its move (:func:`moved_words`) made anew for ``first``,
    the day it is re-placed on inside ``due`` (the window counted from a meeting the plan moved,
    or brought earlier by one), nearest the day the projection aimed it at: the words of its old
    day no longer say why it is where it is (a Board due 6 months after a Summit the plan moved
    into August, on 2029-02-28, still said "moved from Sat 2029-03-10")."""
    reason = without_move(m.reason or "")
    if not reason or aim < due.start:
        return reason  # (an aim past: as soon as possible, from no day of its own)
    days = (m.latest - m.earliest).days + 1
    secretariat = book.organization.secretariat
    where = m.country or (secretariat.country if secretariat is not None else "")
    calendar = calendar_for(body, book, m.country)
    return reason + moved_words(calendar, where, aimed_day(aim, due.start, due.end, days), first, days, in_the_way)


_LEAD_REACH = BACK_TO_BACK  # days before the meeting it precedes that a ``before`` body's meeting may end (projection's pairing)


def _leads(book: RuleBook, projection: Projection, chair_bodies: dict[str, Body]) -> dict[int, Meeting]:
    """The projected meetings of bodies that meet just before a chair-hosted body
    (``before``), by the projected meeting they precede (its ``id``): the first of that body's
    meetings opening within ``_LEAD_REACH`` days after the lead ends."""
    leads: dict[int, Meeting] = {}
    firsts: dict[str, list[Meeting]] = {}
    before = {b.id: b.before for b in book.bodies if b.before in chair_bodies}
    if not before:
        return leads
    for m in projection.projected:
        firsts.setdefault(m.body, []).append(m)
    for m in projection.projected:
        body = before.get(m.body)
        if body is None or not m.exact:
            continue
        for p in firsts.get(body, ()):
            if p.exact and m.latest < p.earliest <= m.latest + timedelta(days=_LEAD_REACH) and id(p) not in leads:
                leads[id(p)] = m
                break
    return leads


def _fits_before(book: RuleBook, lead: Meeting, country: str, day: date, daybook: DayBook, year: Window) -> bool:
    """Whether ``lead`` (of a body that meets just before another) hosted in ``country`` fits
    on the working days right before ``day``."""
    body = book.body(lead.body)
    if body is None:
        return False
    days = (lead.latest - lead.earliest).days + 1
    host = host_key(body, country)
    return calendar_for(body, book, country).place_before(day, days, year, accept=lambda first: daybook.free(lead.body, host, first, first + timedelta(days=days - 1))) is not None


def _neighbours(taken: dict[str, _Firm], m: Meeting) -> tuple[date | None, date | None]:
    """The first days of the chair-hosted meetings nearest before and after ``m``'s (of any
    chair-hosted body; those opening on its day are on neither side)."""
    after: date | None = None
    before: date | None = None
    day = m.earliest
    for firm in taken.values():
        at = bisect.bisect_left(firm.starts, day)
        if at > 0 and (after is None or firm.starts[at - 1] > after):
            after = firm.starts[at - 1]
        at = bisect.bisect_right(firm.starts, day)
        if at < len(firm.starts) and (before is None or firm.starts[at] < before):
            before = firm.starts[at]
    return after, before


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

    def last_before(self, day: date) -> Meeting | None:
        """The meeting opening last before ``day``, if any."""
        at = bisect.bisect_left(self.starts, day)
        return self.items[at - 1] if at > 0 else None

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


__all__ = ["assign_hosts"]
