"""Chairmanship: the timeline of chair terms, its checks against the rule book, and plans.

The register of chair terms says who chaired when; the meetings register says where the chair
changed hands. A term runs from one handover meeting (a meeting of a ``handover_bodies`` body)
to the next, or, with no handover bodies, for ``term`` from the end of the last one (yearly
rotation). Arrows point one way: a projection knows nothing of chairs; this module takes a
projection and returns the plan and the projection with the planned chairs as hosts
(:mod:`planner.engine.chairmanship.plan`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from planner.core.dates import PartialDate
from planner.core.model import (
    Chairmanship,
    ChairTerm,
    Kind,
    Meeting,
    Member,
    RuleBook,
    Status,
)
from planner.engine.chairmanship.pool import MeetingsByDay, chair_hosted_ids, statutory_ids
from planner.engine.expectations import ordinal
from planner.engine.planning.projection import Projection

# "On or within a few days of the boundary": the 3rd Summit ran 7-9 June 2010 and the chair
# passed on the 8th; registers often date a handover by the meeting's first or last day.
HANDOVER_SLACK = timedelta(days=7)
ALIVE = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})
_EXTENSION_RE = re.compile(r"extend|extension|continu|prolong|renew", re.IGNORECASE)


class Severity(StrEnum):
    VIOLATION = "violation"  # breaks the chair rule: exit 1, as in ``check``
    NOTE = "note"  # worth knowing, not a breach


@dataclass(frozen=True)
class ChairFinding:
    kind: str  # long_term, gap, overlap, gap_or_overlap, not_member, consecutive, handover, special_handover, before_rule
    severity: Severity
    country: str
    message: str
    term_start: str = ""  # the start of the term it concerns, as written: ties it to its row


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
    statutory: tuple[Meeting, ...] = ()
    hosted: tuple[Meeting, ...] = ()
    ordinal: int | None = None
    note: str = ""
    source: str = ""

    def length(self, today: date) -> relativedelta | None:
        if self.start is None:
            return None
        last = self.end.earliest if self.end else today
        return term_length(self.start.earliest, last)

    @property
    def exact(self) -> bool:
        return bool(self.start and self.start.exact and (self.end is None or self.end.exact))

    def years(self) -> str:
        first = f"{self.start.earliest.year}" if self.start else "?"
        last = f"{self.end.earliest.year}" if self.end else ""
        return f"{first}–{last}"

    def holds(self, day: date, rule: Chairmanship | None) -> bool:
        """Whether the chair of this term hosts a chair-hosted meeting on ``day``: the
        handover meeting at a boundary goes to the outgoing chair unless the rule says incoming."""
        if self.start is None:
            return False
        incoming = rule is not None and rule.handover_host == "incoming"
        after_start = day >= self.start.earliest if incoming else day > self.start.latest
        before_end = self.end is None or (day < self.end.earliest if incoming else day <= self.end.latest)
        return after_start and before_end


@dataclass(frozen=True)
class ChairReport:
    book: RuleBook
    today: date
    terms: tuple[Term, ...]
    findings: tuple[ChairFinding, ...]
    plan: tuple[Term, ...] = ()
    projection: Projection | None = None  # with the chairs as hosts
    country: Member | None = None

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
    """``replace(term, statutory=..., hosted=...)`` without dataclasses.replace's field walk
    (once or twice per term; a register may hold 100,000 terms)."""
    return Term(**{**term.__dict__, "statutory": statutory, "hosted": hosted})


def length_words(delta: relativedelta | None, exact: bool = True) -> str:
    if delta is None:
        return "unknown"
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((delta.years, "year"), (delta.months, "month")) if n]
    if not parts:
        parts.append(f"{delta.days} day{'s' if delta.days != 1 else ''}")
    return ("" if exact else "about ") + " ".join(parts)


def meeting_words(m: Meeting, book: RuleBook) -> str:
    """``7th Ministerial Council (2024-12-17, Azerbaijan)``; specials say they are special."""
    body = book.body(m.body)
    name = body.name if body else m.body
    kind = "" if m.kind is Kind.REGULAR else f"{m.kind.value} "
    head = f"{ordinal(m.ordinal)} {kind}{name}" if m.ordinal else f"{kind}{name}"
    bits = [str(m.start)] + ([m.venue] if m.venue else []) + ([m.status.value] if m.status is not Status.HELD else [])
    return f"{head} ({', '.join(bits)})"


def rule_words(rule: Chairmanship, book: RuleBook) -> str:
    names = [(book.body(b).name if book.body(b) else b) for b in rule.handover_bodies]
    text = f"terms of {rule.term.words()}" + (f" (tolerance {rule.tolerance.words()})" if rule.tolerance else "")
    if names:
        text += f", handed over at meetings of the {' and the '.join(names)}"
        if rule.chair_hosts:
            text += f"; the {rule.handover_host} chair hosts the handover meeting"
    else:
        text += ", one after another"
    if rule.order == "alphabetical":
        text += "; chairs rotate in alphabetical order"
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


def handover_meetings(book: RuleBook, meetings: Sequence[Meeting], *, regular_only: bool = False) -> list[Meeting]:
    """Meetings of the handover bodies that took (or will take) place, sorted."""
    rule = book.chairmanship
    bodies = set(rule.handover_bodies) if rule else set()
    out = [m for m in meetings if m.body in bodies and m.status in ALIVE and (not regular_only or m.kind is Kind.REGULAR)]
    return sorted(out, key=Meeting.sort_key)


def match_handover(candidates: Sequence[Meeting], when: PartialDate) -> Meeting | None:
    """The handover-body meeting on or within a few days of ``when``: nearest first, regular
    before special."""
    near = [m for m in candidates if _gap(m, when) <= HANDOVER_SLACK]
    return min(near, key=lambda m: (_gap(m, when), m.kind is not Kind.REGULAR, m.sort_key())) if near else None


def next_handover(handovers: Sequence[Meeting], after: PartialDate) -> Meeting | None:
    """The first regular handover meeting after a term began at ``after``."""
    for m in handovers:
        if m.kind is Kind.REGULAR and m.earliest > after.latest + HANDOVER_SLACK:
            return m
    return None


def statutory_meetings(book: RuleBook, meetings: Sequence[Meeting] | MeetingsByDay, term: Term) -> tuple[Meeting, ...]:
    """Meetings of the handover bodies (else of the governing bodies) held during the term."""
    ids = statutory_ids(book)
    if term.start is None:
        return ()
    last = term.end.latest if term.end else date.max
    pool = meetings if isinstance(meetings, MeetingsByDay) else MeetingsByDay(meetings)
    return tuple(m for m in pool.between(term.start.earliest, last) if m.body in ids and m.status in ALIVE)


def hosted_meetings(book: RuleBook, meetings: Sequence[Meeting] | MeetingsByDay, term: Term) -> tuple[Meeting, ...]:
    """Meetings of chair-hosted bodies in the term that its chair hosts (by country)."""
    if term.member is None or term.start is None:
        return ()
    chair_bodies = chair_hosted_ids(book)
    member = term.member
    pool = meetings if isinstance(meetings, MeetingsByDay) else MeetingsByDay(meetings)
    near = pool.between(term.start.earliest, term.end.latest if term.end else date.max)  # holds() keeps within these
    return tuple(
        m
        for m in near
        if m.body in chair_bodies and m.status in ALIVE and m.country and book.organization.member(m.country) is member and term.holds(m.earliest, book.chairmanship)
    )


def timeline(book: RuleBook, chairs: Sequence[ChairTerm], meetings: Sequence[Meeting], today: date) -> list[Term]:
    """The register's chair terms, sorted, each with its handover meetings and statutory
    meetings. A running term (empty end) gets the next regular handover meeting, from the
    register or the projection in ``meetings``, as its expected end."""
    rule = book.chairmanship
    handovers = handover_meetings(book, meetings)
    pool = MeetingsByDay(meetings)
    ordered = sorted(chairs, key=lambda t: (t.start.earliest if t.start else date.min, t.ordinal or 0))
    terms: list[Term] = []
    for ct in ordered:
        opened = match_handover(handovers, ct.start) if ct.start else None
        closed = match_handover(handovers, ct.end) if ct.end else None
        end = ct.end
        if ct.end is None and ct.start is not None:
            if rule and rule.handover_bodies:
                closed = next_handover(handovers, ct.start)
                end = closed.start if closed else None
            elif rule:
                end = PartialDate.of(rule.term.add_to(ct.start.earliest))
        term = Term(ct.country, ct.start, end, member=book.organization.member(ct.country), running=ct.end is None, opened_by=opened, closed_by=closed, ordinal=ct.ordinal, note=ct.note, source=ct.source)
        terms.append(with_meetings(term, statutory_meetings(book, pool, term), hosted_meetings(book, pool, term)))
    return terms


# -- findings -------------------------------------------------------------------------------


def _span(t: Term, today: date) -> str:
    start = t.start or "?"
    end = f"{t.end}" if t.end and not t.running else f"today ({today})" if t.running else "?"
    return f"{start} to {end}"


def judge(book: RuleBook, terms: Sequence[Term], today: date) -> list[ChairFinding]:
    """Each term against the chair rule: too long, gaps and overlaps, non-members, consecutive
    terms, and handovers away from a meeting of a handover body."""
    out: list[ChairFinding] = []
    for i, t in enumerate(terms):
        first = len(out)
        _judge_term(book, terms, i, today, out)
        out[first:] = [replace(f, term_start=str(t.start or "")) for f in out[first:]]
    return out


def _judge_term(book: RuleBook, terms: Sequence[Term], i: int, today: date, out: list[ChairFinding]) -> None:
    rule = book.chairmanship
    handover_ids = rule.handover_bodies if rule else ()
    t = terms[i]
    if t.member is None:
        out.append(ChairFinding("not_member", Severity.VIOLATION, t.country, f"{t.country} ({_span(t, today)}) is not a member state of the rule book{_close(book, t.country)}."))
    if rule is None or t.start is None:
        return
    if rule.since and t.start.earliest < rule.since.earliest:
        out.append(ChairFinding("before_rule", Severity.NOTE, t.country, f"{t.country} ({_span(t, today)}) began before the chair rule ({rule.since}) and is not judged by it."))
    else:
        out.extend(_long_term(book, rule, t, today))
    if i and terms[i - 1].member is not None and terms[i - 1].member == t.member and not rule.consecutive_terms:
        out.append(ChairFinding("consecutive", Severity.VIOLATION, t.country, f"{t.country} chaired twice in a row ({terms[i - 1].years()}, {t.years()}); the rule allows no consecutive terms (consecutive_terms = false)."))
    if i:
        out.extend(_boundary(terms[i - 1], t, today))
    if t.running and t.closed_by is not None and t.closed_by.status is Status.PLANNED and t.closed_by.latest < today:
        out.append(ChairFinding("stale", Severity.NOTE, t.country, f"The {meeting_words(t.closed_by, book)} that ends {t.country}'s term is past as of {today} but still recorded as planned: record it as held (and the new chair) in the registers."))
    if handover_ids:
        boundaries = [(t.start, t.opened_by, terms[i - 1].country if i else None, t.country)]
        if t.end and not t.running and (i == len(terms) - 1 or terms[i + 1].start != t.end):
            boundaries.append((t.end, t.closed_by, t.country, terms[i + 1].country if i + 1 < len(terms) else None))
        for when, meeting, before, after in boundaries:
            out.extend(_handover(book, when, meeting, before, after))


def _close(book: RuleBook, name: str) -> str:
    names = [m.name for m in book.organization.members]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    return f"; closest: {', '.join(close)}" if close else ""


def _allowed(rule: Chairmanship, start: date) -> date:
    allowed = rule.term.add_to(start)
    return rule.tolerance.add_to(allowed) if rule.tolerance else allowed


def _long_term(book: RuleBook, rule: Chairmanship, t: Term, today: date) -> list[ChairFinding]:
    assert t.start is not None
    if not t.running and t.end is None:
        return []
    # A term dated only to the year or month is as long as its days make it: longest from the
    # first day its start may mean to the last its end may mean, shortest the other way round.
    last, latest_end = (today, today) if t.running else (t.end.earliest, t.end.latest)  # type: ignore[union-attr]
    allowed = _allowed(rule, t.start.earliest)
    if latest_end <= allowed:
        return []  # not longer than the rule, whatever the days
    slack = f" (tolerance {rule.tolerance.words()})" if rule.tolerance else ""
    so_far = " so far" if t.running else ""
    if last <= _allowed(rule, t.start.latest):
        # Longer only on some of the days the register allows: a note, never a violation.
        shortest, longest = (length_words(term_length(a, b)) for a, b in ((t.start.latest, last), (t.start.earliest, latest_end)))
        text = (
            f"{t.country} chaired {_span(t, today)}: {shortest} to {longest}{so_far}, perhaps longer than the rule's term of {rule.term.words()}{slack}:"
            f" longer, for instance, if it began on {t.start.earliest} and ended after {allowed}; the register does not give the days."
        )
        return [ChairFinding("long_term", Severity.NOTE, t.country, text)]
    delta = term_length(t.start.earliest, last)
    words = length_words(delta, t.exact)
    if delta is not None and delta.days and rule.term.add_to(t.start.earliest) >= t.start.earliest + relativedelta(years=delta.years, months=delta.months):
        words += f" {delta.days} day{'s' if delta.days != 1 else ''}"  # "2 years 1 day", not "2 years, longer than 2 years"
    text = f"{t.country} chaired {_span(t, today)}: {words}{so_far}, longer than the rule's term of {rule.term.words()}{slack}."
    missed = [m for m in t.statutory if m.kind is Kind.REGULAR and m.body in rule.handover_bodies and t.start.latest + HANDOVER_SLACK < m.earliest and (t.end is None or m.latest < t.end.earliest - HANDOVER_SLACK)]
    if missed:
        text += " Did not hand over at: " + "; ".join(meeting_words(m, book) for m in missed) + "."
    said = [s.strip() for s in re.split(r"(?<=\.)\s+", t.note) if _EXTENSION_RE.search(s)]
    if said:
        text += f" The register notes an extension: {' '.join(said)}"
    return [ChairFinding("long_term", Severity.VIOLATION, t.country, text)]


def _boundary(prev: Term, t: Term, today: date) -> list[ChairFinding]:
    assert t.start is not None
    if prev.running:
        return [ChairFinding("overlap", Severity.VIOLATION, t.country, f"{prev.country} is still chairing (no end in the register) when {t.country} begins on {t.start}.")]
    if prev.end is None:
        return []
    if t.start.earliest > prev.end.latest + timedelta(days=1):
        days = (t.start.earliest - prev.end.latest).days - 1
        return [ChairFinding("gap", Severity.VIOLATION, t.country, f"No chair for {days} days: {prev.country} ended {prev.end}, {t.country} began {t.start}.")]
    if t.start.latest < prev.end.earliest:
        days = (prev.end.earliest - t.start.latest).days
        return [ChairFinding("overlap", Severity.VIOLATION, t.country, f"{prev.country} (to {prev.end}) and {t.country} (from {t.start}) overlap by {days} days.")]
    # Dated only to the month or year, the two terms may still leave days with no chair or
    # with two: a note saying which days would, never a violation (more certain than the data).
    gap = t.start.latest > prev.end.earliest + timedelta(days=1)
    overlap = t.start.earliest < prev.end.latest
    if not (gap or overlap):
        return []
    kind = "gap" if not overlap else "overlap" if not gap else "gap_or_overlap"
    text = (
        f"{prev.country} (to {prev.end}) and {t.country} (from {t.start}): perhaps {' or '.join(('a gap',) * gap + ('an overlap',) * overlap)}:"
        f" {prev.country}'s term ended on a day from {prev.end.earliest} to {prev.end.latest}, {t.country}'s began on a day from {t.start.earliest} to {t.start.latest},"
        " and the register does not give the days."
    )
    return [ChairFinding(kind, Severity.NOTE, t.country, text)]


def _handover(book: RuleBook, when: PartialDate | None, m: Meeting | None, before: str | None, after: str | None) -> list[ChairFinding]:
    if when is None:
        return []
    who = f"{before} → {after}" if before and after else f"to {after}" if after else f"from {before}"
    if m is None:
        return [ChairFinding("handover", Severity.VIOLATION, after or before or "", f"Handover {who} on {when} is not at a meeting of a handover body (none within {HANDOVER_SLACK.days} days in the register).")]
    if m.kind is not Kind.REGULAR:
        return [
            ChairFinding(
                "special_handover",
                Severity.NOTE,
                after or before or "",
                f"Handover {who} on {when} was at a {m.kind.value} meeting, the {meeting_words(m, book)}, not a regular one. "
                "Counted as a handover: the rule names the body, not the kind of meeting.",
            )
        ]
    return []
