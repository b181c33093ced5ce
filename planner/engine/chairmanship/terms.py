"""Chairmanship: the timeline of chair terms, its checks against the rule book, and plans.

The register of chair terms says who chaired when; the meetings register says where the chair
changed hands. A term runs from one handover meeting (a meeting of a ``handover_bodies`` body)
to the next, or, with no handover bodies, for ``term`` from the end of the last one (yearly
rotation). Arrows point one way: a projection knows nothing of chairs; this module takes a
projection and returns the plan and the projection with the planned chairs as hosts
(:mod:`planner.engine.chairmanship.plan`).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from planner.core.dates import PartialDate
from planner.core.model import (
    Chairmanship,
    ChairTerm,
    Kind,
    Meeting,
    MeetingFormat,
    Member,
    RuleBook,
    Status,
)
from planner.engine.chairmanship.closing import ad_hoc_handover, expected_close, leaving_day
from planner.engine.chairmanship.pool import MeetingsByDay, chair_hosted_ids, statutory_ids
from planner.engine.expectations import ordinal
from planner.engine.planning.projection import Projection

# "On or within a few days of the boundary": the 3rd Summit ran 7-9 June 2010 and the chair
# passed on the 8th; registers often date a handover by the meeting's first or last day.
HANDOVER_SLACK = timedelta(days=7)


def handover_slack(rule: Chairmanship | None) -> timedelta:
    """How far from a term's first or last day its handover meeting may be (``handover_days``,
    default 7)."""
    return timedelta(days=rule.handover_days) if rule is not None else HANDOVER_SLACK
ALIVE = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})


class Severity(StrEnum):
    VIOLATION = "violation"  # breaks the chair rule: exit 1, as in ``check``
    NOTE = "note"  # worth knowing, not a breach


@dataclass(frozen=True)
class ChairFinding:
    kind: str  # long_term, long_expected, unhosted, unrecorded, gap, overlap, gap_or_overlap, not_member, consecutive, handover, special_handover, loose_handover, handover_host, before_rule, stale, out_of_turn, one_term, suspended
    severity: Severity
    country: str
    message: str
    term_start: str = ""  # the start of the term it concerns, as written: ties it to its row
    term: int | None = None  # the place of that term in the report's terms (two may share a start)


@dataclass(frozen=True)
class Term:
    """One chair term, from the register or from a plan, with the meetings that bound it."""

    country: str
    start: PartialDate | None
    end: PartialDate | None
    member: Member | None = None
    running: bool = False  # the register leaves its end empty; ``end`` is then the expected end
    planned: bool = False
    current: bool = False  # the running term, confirmed by a plan
    opened_by: Meeting | None = None
    closed_by: Meeting | None = None
    # A start or end the register gives only to the month or year: the meetings of handover
    # bodies it may mean (``opened_by``/``closed_by`` is one of them; the register does not say which)
    opened_among: tuple[Meeting, ...] = ()
    closed_among: tuple[Meeting, ...] = ()
    statutory: tuple[Meeting, ...] = ()
    hosted: tuple[Meeting, ...] = ()
    ordinal: int | None = None
    note: str = ""
    source: str = ""
    # The next term's first day, where the register gives this term's last day chaired (the
    # next begins the day after it: "1 January - 30 June"): the day the chair passed.
    passed: PartialDate | None = None
    # The register's rows this term was read from, where more than one ("2022-06-01 to
    # 2023-06-01", ...): a row repeated, or one term written in rows with no handover between
    joined: tuple[str, ...] = ()

    @property
    def handed(self) -> PartialDate | None:
        """The day the chair passed at the term's end: ``end``, or the next term's first day
        where ``end`` is the last day chaired (README "Chair terms")."""
        return self.passed or self.end

    def handed_over(self, today: date) -> bool:
        """A running term whose handover meeting is recorded held, its days past: it ended
        there (the `unrecorded` note asks for the next chair); its length runs to it."""
        m = self.closed_by
        return self.running and not self.planned and m is not None and m.status is Status.HELD and m.latest < today

    def length(self, today: date) -> relativedelta | None:
        if self.start is None:
            return None
        last = self.handed.earliest if self.handed else today
        return term_length(self.start.earliest, last)

    @property
    def exact(self) -> bool:
        return bool(self.start and self.start.exact and (self.end is None or self.end.exact))

    def years(self) -> str:
        """The years chaired: "2023" for a half-year Presidency (not "2023–2023"), and for a
        calendar year's presidency handed over on 1 January ("2020", not "2020–2021": the end
        is the next term's first day, README "The register")."""
        first = f"{self.start.earliest.year}" if self.start else "?"
        end = self.end.earliest if self.end else None
        if end is not None and self.end.exact and self.start is not None and end > self.start.latest:
            end -= timedelta(days=1)  # the last day chaired
        last = f"{end.year}" if end is not None else ""
        return first if first == last else f"{first}–{last}"

    def holds(self, day: date, rule: Chairmanship | None) -> bool:
        """Whether the chair of this term hosts a chair-hosted meeting on ``day``: the
        handover meeting at a boundary goes to the outgoing chair unless the rule says incoming.
        A chair that passes on a day, at no meeting (no ``handover_bodies``: a Presidency of a
        calendar year or from 1 July), is the incoming chair's from that day, the term's end
        being the next term's first day: a Council opening on 1 July is the new chair's. Nothing
        after the chair's member has left the organization (its `left`, the last day a member):
        a running term expected to end after that hosts no meeting from the next day."""
        if self.start is None:
            return False
        left = self.member.left if self.member is not None else None
        if left is not None and day > left.latest:
            return False  # (a chair that has left the organization hosts nothing as its chair)
        incoming = rule is not None and (rule.handover_host == "incoming" or not rule.handover_bodies)
        after_start = day >= self.start.earliest if incoming else day > self.start.latest
        # (an end known only to the month or year holds its days either way: which side of the
        # handover they fall on is unknown, and ``unsure_on`` says so)
        before_end = self.end is None or (day < self.end.earliest if incoming and self.end.exact else day <= self.end.latest)
        return after_start and before_end

    def unsure_on(self, day: date) -> PartialDate | None:
        """The start or end of this term, known only to the month or year, whose days ``day``
        is among (the chair may have changed before it or after it), else ``None``."""
        for bound in (self.start, self.end):
            if bound is not None and not bound.exact and bound.earliest <= day <= bound.latest:
                return bound
        return None


@dataclass(frozen=True)
class ChairReport:
    book: RuleBook
    today: date
    terms: tuple[Term, ...]
    findings: tuple[ChairFinding, ...]
    plan: tuple[Term, ...] = ()
    projection: Projection | None = None  # with the chairs as hosts
    country: Member | None = None
    after_plan: str = ""  # where a plan's last chair is expected to hand over within the horizon: who follows is not known

    @property
    def violations(self) -> list[ChairFinding]:
        return [f for f in self.findings if f.severity is Severity.VIOLATION]

    @property
    def notes(self) -> list[ChairFinding]:
        return [f for f in self.findings if f.severity is Severity.NOTE]


# -- words ----------------------------------------------------------------------------------


def term_length(first: date, last: date) -> relativedelta:
    """``relativedelta(last, first)``; under four weeks it is only days, known without
    dateutil's month arithmetic (a register of 100,000 weekly terms asks it 100,000 times)."""
    days = (last - first).days
    if 0 <= days < 28:
        # shared: nothing changes a length once made
        return _SHORT.get(days) or _SHORT.setdefault(days, relativedelta(days=days))
    return relativedelta(last, first)


_SHORT: dict[int, relativedelta] = {}


def with_meetings(term: Term, statutory: tuple[Meeting, ...], hosted: tuple[Meeting, ...]) -> Term:
    """``replace(term, statutory=..., hosted=...)`` without dataclasses.replace's field walk,
    nor the frozen ``__init__``'s seventeen ``object.__setattr__`` (once or twice per term; a
    register may hold 100,000 terms): a copy of ``term``'s fields, checked when it was made,
    with the two given."""
    new = object.__new__(Term)
    new.__dict__.update(term.__dict__, statutory=statutory, hosted=hosted)
    return new


def length_words(delta: relativedelta | None, exact: bool = True) -> str:
    """A length in years, months and days: ``11 months 30 days``, not "11 months", for a
    term of 364 days beside a rule of a year (a term one day short of its year read as a
    month short, and one from 2020-06-01 to 2022-06-30 as "2 years", beside a note that it may
    be longer than 2 years). ``exact = False`` (a length from dates the register gives only
    to the month or year): "about" the years and months, no days."""
    if delta is None:
        return "unknown"
    units = ((delta.years, "year"), (delta.months, "month"), (delta.days if exact else 0, "day"))
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in units if n]
    if not parts:
        parts.append(f"{delta.days} day{'s' if delta.days != 1 else ''}")
    return ("" if exact else "about ") + " ".join(parts)


def meeting_words(m: Meeting, book: RuleBook) -> str:
    """``7th Ministerial Council (2024-12-17, Azerbaijan)``; specials say they are special, and
    a meeting by video says so: the 13th Arctic Council meeting, held online with Russia in the
    chair, read "(2023-05-11, Russia)", as if in Russia."""
    body = book.body(m.body)
    name = body.name if body else m.body
    kind = "" if m.kind is Kind.REGULAR else f"{m.kind.value} "
    head = f"{ordinal(m.ordinal)} {kind}{name}" if m.ordinal else f"{kind}{name}"
    remote = [m.format.value] if m.format in (MeetingFormat.ONLINE, MeetingFormat.HYBRID) else []
    bits = [str(m.start)] + ([m.venue] if m.venue else []) + remote + ([m.status.value] if m.status is not Status.HELD else [])
    return f"{head} ({', '.join(bits)})"


def rule_words(rule: Chairmanship, book: RuleBook) -> str:
    names = [(book.body(b).name if book.body(b) else b) for b in rule.handover_bodies]
    text = f"terms of {rule.term.words()}" + (f" (tolerance {rule.tolerance.words()})" if rule.tolerance else "")
    if names:
        text += f", handed over at meetings of the {' and the '.join(names)}"
        if rule.handover_days != HANDOVER_SLACK.days:
            text += f" held within {rule.handover_days} days of a term's first or last day"
        if rule.chair_hosts:
            text += f"; the {rule.handover_host} chair hosts the handover meeting"
    else:
        text += ", one after another"
    if rule.order == "alphabetical":
        text += "; chairs rotate in alphabetical order"
    elif rule.order == "listed":
        text += "; chairs rotate in the order the members are listed"
    text += "; a country may chair twice in a row" if rule.consecutive_terms else "; no country chairs twice in a row"
    if rule.since:
        text += f"; judged from {rule.since}"
    return text


# -- the register timeline ------------------------------------------------------------------


def _gap(m: Meeting, when: PartialDate) -> timedelta:
    if m.latest < when.earliest:
        return when.earliest - m.latest
    if when.latest < m.earliest:
        return m.earliest - when.latest
    return timedelta(0)


class Handovers(tuple[Meeting, ...]):
    """Handover-body meetings sorted by their first day, searched by day: each one's first day,
    and the last day reached by it or by any before it (a long meeting reaches past the starts
    of later ones), so that the meetings near a day are found by bisection. Every chair term
    looked at every handover meeting twice: 200,000 terms of a register took 24 s."""

    firsts: list[date]
    reach: list[date]

    def __new__(cls, meetings: Iterable[Meeting]) -> Handovers:
        self = super().__new__(cls, meetings)
        self.firsts = [m.earliest for m in self]
        self.reach = list(itertools.accumulate((m.latest for m in self), max))
        return self

    def near(self, when: PartialDate, slack: timedelta) -> Sequence[Meeting]:
        """In order, the meetings that may lie within ``slack`` of ``when``: every one that
        does, and some that do not (a meeting ended long before, after a long one)."""
        return self[bisect.bisect_left(self.reach, when.earliest - slack) : bisect.bisect_right(self.firsts, when.latest + slack)]

    def after(self, day: date) -> Sequence[Meeting]:
        """In order, the meetings that begin after ``day``."""
        return self[bisect.bisect_right(self.firsts, day) :]


def handover_meetings(book: RuleBook, meetings: Sequence[Meeting], *, regular_only: bool = False) -> Handovers:
    """Meetings of the handover bodies that took (or will take) place, sorted."""
    rule = book.chairmanship
    bodies = set(rule.handover_bodies) if rule else set()
    out = [m for m in meetings if m.body in bodies and m.status in ALIVE and (not regular_only or m.kind is Kind.REGULAR)]
    return Handovers(sorted(out, key=Meeting.sort_key))


def match_handover(candidates: Sequence[Meeting], when: PartialDate, slack: timedelta = HANDOVER_SLACK) -> Meeting | None:
    """The handover-body meeting on or within ``slack`` of ``when``: nearest first, regular
    before special."""
    pool = candidates.near(when, slack) if isinstance(candidates, Handovers) else candidates
    near = [m for m in pool if _gap(m, when) <= slack]
    return min(near, key=lambda m: (_gap(m, when), m.kind is not Kind.REGULAR, m.sort_key())) if near else None


def handovers_near(candidates: Sequence[Meeting], when: PartialDate | None, slack: timedelta = HANDOVER_SLACK) -> tuple[Meeting, ...]:
    """Where ``when`` is known only to the month or year: every handover-body meeting it may
    mean (on or within a few days of one of its days); ``()`` for a day."""
    if when is None or when.exact:
        return ()
    pool = candidates.near(when, slack) if isinstance(candidates, Handovers) else candidates
    return tuple(m for m in pool if _gap(m, when) <= slack)


def statutory_meetings(book: RuleBook, meetings: Sequence[Meeting] | MeetingsByDay, term: Term) -> tuple[Meeting, ...]:
    """Meetings of the handover bodies (else of the governing bodies) held during the term."""
    ids = statutory_ids(book)
    if term.start is None:
        return ()
    last = term.end.latest if term.end else date.max
    pool = meetings if isinstance(meetings, MeetingsByDay) else MeetingsByDay(meetings)
    return tuple(m for m in pool.between(term.start.earliest, last) if m.body in ids and m.status in ALIVE)


_UNSEEN = object()


def hosted_meetings(book: RuleBook, meetings: Sequence[Meeting] | MeetingsByDay, term: Term, members: dict[str, Member | None] | None = None) -> tuple[Meeting, ...]:
    """Meetings of chair-hosted bodies in the term that its chair hosts (by country);
    ``members``: the member each country name was found to be, kept between calls."""
    if term.member is None or term.start is None:
        return ()
    chair_bodies = chair_hosted_ids(book)
    member = term.member
    pool = meetings if isinstance(meetings, MeetingsByDay) else MeetingsByDay(meetings)
    near = pool.between(term.start.earliest, term.end.latest if term.end else date.max)  # holds() keeps within these
    org = book.organization
    known = members if members is not None else {}

    def of(country: str) -> Member | None:
        # (a name made a name key for each meeting of each term: a third of the hosting of
        # 50,000 overlapping terms, in `project --chairs`)
        found = known.get(country, _UNSEEN)
        if found is _UNSEEN:
            found = known[country] = org.member(country)
        return found  # type: ignore[return-value]

    found = [m for m in near if m.body in chair_bodies and m.status in ALIVE and m.country and of(m.country) is member and term.holds(m.earliest, book.chairmanship)]
    # A handover meeting held (or planned) in this chair's country is this chair's, whichever
    # side of the handover the rule book gives it to: ``handover_host`` places projected
    # meetings; the register says who hosted, and a note says where the two disagree.
    for at, m in ((0, term.opened_by), (len(found), term.closed_by)):
        if m is not None and m.body in chair_bodies and m.status in ALIVE and m.country and org.member(m.country) is member and m not in found:
            found.insert(at, m)
    return tuple(found)


def timeline(book: RuleBook, chairs: Sequence[ChairTerm], meetings: Sequence[Meeting], today: date, *, listed: bool = True) -> list[Term]:
    """The register's chair terms, sorted, each with its handover meetings and statutory
    meetings. A running term (empty end) gets the next regular handover meeting, from the
    register or the projection in ``meetings``, as its expected end. Without ``listed``, the
    meetings held and hosted in each term are not listed (hosting the projection needs only
    the terms' dates and handovers: 200,000 overlapping terms listed 2.4 million)."""
    rule = book.chairmanship
    handovers = handover_meetings(book, meetings)
    slack = handover_slack(rule)
    ad_hoc = ad_hoc_handover(book)
    pool = MeetingsByDay(meetings)
    members: dict[str, Member | None] = {}
    ordered = sorted(chairs, key=lambda t: (t.start.earliest if t.start else date.min, t.ordinal or 0))
    terms: list[Term] = []
    for ct in ordered:
        opened = match_handover(handovers, ct.start, slack) if ct.start else None
        closed = match_handover(handovers, ct.end, slack) if ct.end else None
        opened_among, closed_among = handovers_near(handovers, ct.start, slack), handovers_near(handovers, ct.end, slack)
        if opened is not None and opened is closed:
            # One meeting does not both open and close a term: it is the handover at the bound
            # the register dates more closely (BSEC: Moldova "2022" to 2022-12-31, the 45th
            # Council of December 2022 closing it, read as opening it too).
            spans = [d.latest - d.earliest for d in (ct.start, ct.end) if d is not None]
            if spans[1] < spans[0]:
                opened, opened_among = None, tuple(m for m in opened_among if m is not closed)
            elif spans[0] < spans[1]:
                closed, closed_among = None, tuple(m for m in closed_among if m is not opened)
        end = ct.end
        if ct.end is None and ct.start is not None:
            if rule and rule.handover_bodies:
                end, closed = expected_close(rule, handovers.after(ct.start.latest + slack), ct.start, ad_hoc_from=today if ad_hoc else None)
            elif rule:
                end = PartialDate.of(rule.term.add_to(ct.start.earliest))
        member = book.organization.member(ct.country)
        if ct.end is None and end is not None and rule and rule.handover_bodies and (gone := leaving_day(member)) is not None and ct.start is not None and ct.start.latest < gone < end.earliest:
            # A chair leaving before the meeting expected to end its running term passes the
            # chair then, at no meeting; the next term runs to that meeting (a date rotation keeps its dates)
            end, closed = PartialDate.of(gone), None
        term = Term(
            ct.country, ct.start, end, member=member, running=ct.end is None, opened_by=opened, closed_by=closed,
            opened_among=opened_among, closed_among=closed_among, ordinal=ct.ordinal, note=ct.note, source=ct.source,
        )  # fmt: skip
        terms.append(with_meetings(term, statutory_meetings(book, pool, term), hosted_meetings(book, pool, term, members)) if listed else term)
    # A register of last days chaired (each term beginning the day after the one before ends,
    # none on the day it ends) is read so throughout: Armenia 2018-01-01 to 2018-06-30 held six
    # months, not "5 months", and Romania 2020-01-01 to 2020-12-31 a year, not "11 months".
    seams = [(t.end.latest, after.start.earliest) for t, after in itertools.pairwise(terms) if t.end is not None and after.start is not None and t.end.exact and after.start.exact]
    if any(first == last + timedelta(days=1) for last, first in seams) and not any(first == last for last, first in seams):
        terms = [dataclasses.replace(t, passed=PartialDate.of(t.end.latest + timedelta(days=1))) if t.end is not None and t.end.exact and not t.running else t for t in terms]
    return terms
