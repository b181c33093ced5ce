"""The validated shape of every input: rule book, bodies, cadence rules, meetings, chair terms.

One schema, written once: TOML rule books, JSON registers and ``planner schema`` all come from
these models. Every model is frozen and forbids unknown keys, so a typo fails loudly.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BeforeValidator, Field, PrivateAttr, field_validator, model_validator

from planner.core.calendar_dates import DateSpec, Excused, Period, Weekday
from planner.core.catalogue import CBM, Affiliate, Frozen
from planner.core.dates import YEAR_START_PATTERN, Duration, Grain, PartialDate

# ---------------------------------------------------------------------------------------------
# vocabulary


class Category(StrEnum):
    GOVERNING = "governing"
    WORKING = "working"
    ADVISORY = "advisory"


class Kind(StrEnum):
    """What sort of meeting. By default only ``regular`` meetings count toward a cadence."""

    REGULAR = "regular"
    SPECIAL = "special"
    EXTRAORDINARY = "extraordinary"
    INFORMAL = "informal"


class Status(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    PROJECTED = "projected"


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class HostPolicy(StrEnum):
    """Who hosts a body's meetings: the chair, the Secretariat, one fixed country, or the
    coordinator of the confidence building measure concerned."""

    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    FIXED = "fixed"
    CBM_COORDINATOR = "cbm_coordinator"


class Per(StrEnum):
    """The calendar period ``at_least`` and ``at_most`` judge: a year, a half, a quarter, a
    month, an ISO week (Monday to Sunday)."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"

    @property
    def grain(self) -> Grain:
        return Grain(self.value)

_ID_RE = r"^[a-z][a-z0-9_-]*$"


# ---------------------------------------------------------------------------------------------
# cadence rules


def _year_or_month(value: object, last: bool) -> object:
    """``2019`` or ``"2019-09"`` in ``since``/``until``: the first (or last) day it may mean,
    as ``established`` accepts; a full date stays that day."""
    if isinstance(value, int) and not isinstance(value, bool) or isinstance(value, str):
        when = PartialDate.coerce(value)
        return when.latest if last else when.earliest
    return value


Since = Annotated[date, BeforeValidator(lambda v: _year_or_month(v, last=False), json_schema_input_type=int | str | date)]
Until = Annotated[date, BeforeValidator(lambda v: _year_or_month(v, last=True), json_schema_input_type=int | str | date)]


class RuleBase(Frozen):
    id: str | None = Field(None, pattern=_ID_RE, description="names the rule; versions of one rule (the same rule changing over time) share it and must not overlap")
    binding: bool = Field(True, description="true: required; false: customary, its shortfalls are advisories")
    counts: tuple[Kind, ...] = Field((Kind.REGULAR,), description="meeting kinds that count toward the rule")
    since: Since | None = Field(None, description="first day the rule is in force (a year means its first day). Neither since nor the body's established: the rule starts with the body's first counting meeting in the register")
    until: Until | None = Field(None, description="last day the rule is in force (a year means its last day)")
    source: str = Field("", description="citation: document, article, URL")
    note: str = ""
    first_within: Duration | None = Field(None, description="the first counting meeting is due within this time of the body's `established` date (e.g. '30d' after incorporation)")
    # the rule language for real organizations (issue 9, section 3): engine/calendar_rules.py
    except_when: tuple[str, ...] = Field((), description="ids of bodies whose meeting in the same period excuses this one (no ministerial in a summit year)")
    excused: tuple[Excused, ...] = Field((), description="periods whose shortfalls are excused, each with a reason and a source")
    count_by: Literal["session", "event"] = Field("session", description="event: numbered sessions held together (same place, back to back) count once")
    formats: tuple[MeetingFormat, ...] = Field((), description="meeting formats that count, e.g. ['in_person']; empty: all (a meeting with no format recorded counts)")

    @model_validator(mode="after")
    def _since_before_until(self) -> RuleBase:
        if self.since and self.until and self.until < self.since:
            raise ValueError(f"until {self.until} is before since {self.since}")
        if not self.counts:
            raise ValueError("counts is empty; expected at least one meeting kind")
        return self

    def in_force(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class EveryRule(RuleBase):
    """One counting meeting every ``interval``: rolling from the last, or on a fixed grid."""

    kind: Literal["every"]
    interval: Duration
    mode: Literal["rolling", "grid"] = "rolling"
    anchor: PartialDate | None = Field(None, description="grid start; default: first counting meeting")
    tolerance: Duration | None = None

    @model_validator(mode="after")
    def _day_interval_mode(self) -> EveryRule:
        if self.mode == "grid" and self.interval.unit == "d":
            raise ValueError("a grid needs calendar periods: interval in days only works with mode = 'rolling'")
        return self


class AfterRule(RuleBase):
    """One counting meeting ``offset`` after each counting meeting of another body."""

    kind: Literal["after"]
    body: str = Field(description="id of the other body")
    offset: Duration
    tolerance: Duration | None = None
    origin_counts: tuple[Kind, ...] | None = Field(None, description="meeting kinds of the other body that start a window; default: the kinds the other body's own rules count")


YEAR_START_DESCRIPTION = "first day of the year for `per` periods, as MM-DD (e.g. '04-01': financial years from 1 April, labelled FY2022-23); default: the organization's, else 1 January"


class Relaxation(Frozen):
    """Some limits of a rule changed for a window of dates, the rest of the rule unchanged
    (e.g. a regulator allowing 180 days between meetings instead of 120 for six months).

    ``max_gap`` applies to a gap whose later meeting falls in ``[since, until]``; ``count`` and
    ``min_gap`` apply to the periods whose first day falls in it."""

    since: date
    until: date
    count: int | None = Field(None, ge=1, strict=True)
    min_gap: Duration | None = None
    max_gap: Duration | Literal["none"] | None = Field(None, description="the gap allowed in the window; 'none': no maximum")
    source: str = Field("", description="citation of the relaxing act or circular")
    note: str = ""

    @model_validator(mode="after")
    def _checked(self) -> Relaxation:
        if self.until < self.since:
            raise ValueError(f"until {self.until} is before since {self.since}")
        if self.count is None and self.min_gap is None and self.max_gap is None:
            raise ValueError("a relaxation changes nothing; expected count, min_gap or max_gap")
        return self


class AtLeastRule(RuleBase):
    """Each calendar period must hold at least ``count`` counting meetings."""

    _relaxed: dict[int, AtLeastRule] = PrivateAttr(default_factory=dict)
    kind: Literal["at_least"]
    count: int = Field(ge=1, strict=True)
    per: Per
    year_start: str | None = Field(None, pattern=YEAR_START_PATTERN, description=YEAR_START_DESCRIPTION)
    min_gap: Duration | None = Field(None, description="meetings closer than this count once")
    max_gap: Duration | None = Field(None, description="no more than this between two consecutive counting meetings, across period boundaries ('120d': days from one meeting's first day to the next one's, see gap_from; '15m': calendar months)")
    gap_from: Literal["first_day", "last_day"] = Field("first_day", description="a gap runs from the earlier meeting's first day (default: a multi-day or adjourned meeting counts from its start) or from its last day, to the later meeting's first day")
    relaxations: tuple[Relaxation, ...] = Field((), description="limits changed for a window of dates, e.g. a longer max_gap during an emergency")

    @model_validator(mode="after")
    def _gaps(self) -> AtLeastRule:
        if self.max_gap is None and any(r.max_gap is not None for r in self.relaxations):
            raise ValueError("a relaxation changes max_gap, but the rule has none")
        if self.max_gap is not None and self.min_gap is not None and self.min_gap.unit == "d" and self.min_gap.amount > self.max_gap.amount:
            raise ValueError(f"min_gap {self.min_gap} is longer than max_gap {self.max_gap}")
        spans = sorted((r.since, r.until) for r in self.relaxations)
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            if start <= end:
                raise ValueError(f"relaxations overlap on {start}; expected windows that follow one another")
        return self

    def relaxed(self, day: date) -> AtLeastRule:
        """The rule as in force on ``day``: itself, or a copy with one relaxation's limits and
        its source added to the rule's."""
        for n, r in enumerate(self.relaxations):
            if r.since <= day <= r.until:
                if n not in self._relaxed:
                    why = f"relaxed {r.since} to {r.until}" + (f": {r.source}" if r.source else "")
                    update: dict[str, object] = {"relaxations": (), "source": f"{self.source}; {why}" if self.source else why}
                    if r.count is not None:
                        update["count"] = r.count
                    if r.min_gap is not None:
                        update["min_gap"] = r.min_gap
                    if r.max_gap is not None:
                        update["max_gap"] = None if r.max_gap == "none" else r.max_gap
                    self._relaxed[n] = self.model_copy(update=update)
                return self._relaxed[n]
        return self


class AtMostRule(RuleBase):
    """No calendar period may hold more than ``count`` counting meetings."""

    kind: Literal["at_most"]
    count: int = Field(ge=1, strict=True)
    per: Per
    year_start: str | None = Field(None, pattern=YEAR_START_PATTERN, description=YEAR_START_DESCRIPTION)


class OnRule(RuleBase, DateSpec):
    """The meeting opens on a day computed by rule, every ``interval`` years from ``anchor``."""

    kind: Literal["on"]
    interval: Duration = Field(Duration(1, "y"), description="in years: '1y' every year, '4y' every fourth year from anchor")
    anchor: int | None = Field(None, ge=1000, le=2999, strict=True, description="a year the date falls due in (with interval above 1y)")

    @model_validator(mode="after")
    def _years(self) -> OnRule:
        if self.interval.unit != "y":
            raise ValueError(f"interval = '{self.interval}' for kind = 'on' must be in years, e.g. '1y' or '4y'")
        if self.interval.amount > 1 and self.anchor is None:
            raise ValueError(f"interval = '{self.interval}' needs anchor, a year the date falls due in, e.g. anchor = 2024")
        return self


class BeforeRule(RuleBase):
    """One counting meeting within ``offset`` before each counting meeting of another body."""

    kind: Literal["before"]
    body: str = Field(description="id of the other body")
    offset: Duration = Field(description="how long before it: the window is [its first day - offset, the day before]")
    origin_counts: tuple[Kind, ...] | None = Field(None, description="meeting kinds of the other body that make one due before them; default: the kinds the other body's own rules count")


class AdHocRule(RuleBase):
    """Meets when needed: tracked, never due."""

    kind: Literal["ad_hoc"]


Rule = Annotated[EveryRule | AfterRule | AtLeastRule | AtMostRule | OnRule | BeforeRule | AdHocRule, Field(discriminator="kind")]
RULE_KINDS = ("every", "after", "at_least", "at_most", "on", "before", "ad_hoc")


# ---------------------------------------------------------------------------------------------
# organization, bodies, chairmanship, CBMs


class Blackout(Frozen):
    """Days on which no meeting may be placed (holidays of the organization, UN weeks, ...)."""

    start: date
    end: date | None = None
    reason: str = ""

    @property
    def last(self) -> date:
        return self.end or self.start

    @model_validator(mode="after")
    def _ordered(self) -> Blackout:
        if self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Records(Frozen):
    """A period whose register is known complete (or, ``complete = false``, known incomplete).

    Coverage is data about the register, not about a rule: ``since`` says when a rule began;
    ``records`` say which periods' meetings are all recorded. Once a body (or the organization)
    states a complete period, periods outside every complete one are not known complete; a
    period stated incomplete never is. With no ``records`` at all the register is taken as
    complete. A window not known complete with no counting meeting is ``unknown``, not missed."""

    start: Since = Field(description="first day of the period (a year means its first day)")
    end: Until | None = Field(None, description="last day of the period (a year means its last day); empty: open-ended")
    complete: bool = Field(True, description="true: every meeting of the period is recorded; false: known gaps")
    note: str = ""
    source: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Records:
        if self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Member(Frozen):
    name: str
    code: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, used for public holidays")
    aliases: tuple[str, ...] = ()
    joined: PartialDate | None = None


class Place(Frozen):
    city: str
    country: str


class Organization(Frozen):
    _by_name: dict[str, Member] = PrivateAttr(default_factory=dict)
    _members_of: tuple[Member, ...] | None = PrivateAttr(default=None)
    id: str = Field(pattern=_ID_RE)
    name: str
    short_name: str
    timezone: str = "UTC"
    secretariat: Place | None = None
    members: tuple[Member, ...] = ()
    blackout: tuple[Blackout, ...] = ()
    observers: tuple[Affiliate, ...] = Field((), description="observer states and organizations")
    partners: tuple[Affiliate, ...] = Field((), description="partner organizations")
    avoid: tuple[str, ...] = Field((), description="iCalendar files (paths relative to the rule book) whose busy events are days no meeting is projected on")
    min_days_between: int = Field(3, ge=0, le=366, strict=True, description="projected meetings of the same host at least this many days apart (paired bodies excepted)")
    meetings_per_day: int = Field(1, ge=1, strict=True, description="at most this many bodies' projected meetings on one day (a `before` pair counts once)")
    year_start: str | None = Field(None, pattern=YEAR_START_PATTERN, description="first day of the organization's year (e.g. '04-01': financial years), the default for rules that judge periods")
    records: tuple[Records, ...] = Field((), description="periods whose register is known complete (complete = false: known incomplete), for every body that states none of its own")
    source: str = ""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a known IANA time zone, e.g. 'Asia/Almaty'") from None
        return value

    def member(self, name: str) -> Member | None:
        """The member state called ``name`` (by name, alias or code, ignoring case), looked up
        in a table built once (a chair register asks for every term and meeting)."""
        if self._members_of is not self.members:  # built once; rebuilt after model_copy(update=...)
            table: dict[str, Member] = {}
            for member in self.members:
                for key in (member.name, member.code, *member.aliases):
                    table.setdefault(key.casefold(), member)
            self._by_name, self._members_of = table, self.members
        return self._by_name.get(name.strip().casefold())


class Body(Frozen):
    id: str = Field(pattern=_ID_RE)
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    category: Category
    stated_cadence: str = Field("", description="the cadence in the words of the organization's own text, e.g. 'Every four years (two years after the Summit)'; the rules say what it means")
    established: PartialDate | None = None
    duration_days: int = Field(1, ge=1, le=60, strict=True)
    months: tuple[int, ...] = Field((), description="preferred months, 1-12")
    host: HostPolicy = HostPolicy.SECRETARIAT
    host_country: str | None = None
    host_city: str | None = None
    before: str | None = Field(None, description="id of a body this one meets just before, back to back")
    plenary: bool | None = Field(None, description="all member states attend: projected meetings avoid every member's public holidays (default: governing bodies)")
    blackout: tuple[Blackout, ...] = ()
    weekdays: tuple[Weekday, ...] = Field((), description="days of the week projected meetings go on, e.g. ['thu', 'fri']")
    recess: tuple[Period, ...] = Field((), description="periods in which nothing is due and nothing is projected")
    records: tuple[Records, ...] = Field((), description="periods whose register of this body is known complete (complete = false: known incomplete); default: the organization's")
    rules: tuple[Rule, ...] = Field(min_length=1)

    @field_validator("months")
    @classmethod
    def _months(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        for month in value:
            if not 1 <= month <= 12:
                raise ValueError(f"{month} is not a month; expected 1 to 12")
        return value

    @model_validator(mode="after")
    def _founding_day(self) -> Body:
        if any(r.first_within for r in self.rules) and not (self.established and self.established.exact):
            raise ValueError("first_within needs the day the body was established: established = YYYY-MM-DD")
        return self

    @model_validator(mode="after")
    def _fixed_host(self) -> Body:
        if self.host is HostPolicy.FIXED and not self.host_country:
            raise ValueError("host = 'fixed' needs host_country")
        return self

    @property
    def all_members(self) -> bool:
        """Whether every member state attends (``plenary``; by default the governing bodies)."""
        return self.plenary if self.plenary is not None else self.category is Category.GOVERNING

    @property
    def label(self) -> str:
        """The short name used inside sentences: "the 7th Summit"."""
        return self.short_name or self.name

    @property
    def display(self) -> str:
        """The name for tables: the full name unless it is too long to line up."""
        return self.name if len(self.name) <= 30 or not self.short_name else self.short_name

    def names(self) -> frozenset[str]:
        """Id, name, short name and aliases, case-folded: what a register may call the body."""
        return frozenset(n.casefold() for n in (self.id, self.name, self.short_name, *self.aliases) if n)


class Chairmanship(Frozen):
    """How the chair passes. CICA: two-year terms; the Summit host chairs until the next
    Ministerial Council, whose host chairs until the next Summit.

    With no ``handover_bodies`` the chair simply rotates every ``term`` (yearly rotation)."""

    term: Duration
    handover_bodies: tuple[str, ...] = Field((), description="bodies whose meetings hand the chair over; empty: the chair changes every `term`")
    chair_hosts: bool = Field(True, description="the chair hosts the meetings of chair-hosted bodies held during its term")
    handover_host: Literal["outgoing", "incoming"] = Field("outgoing", description="who hosts the handover meeting: the chair whose term it ends, or the one whose term it starts")
    consecutive_terms: bool = Field(False, description="a country may chair twice in a row")
    order: Literal["plan", "alphabetical"] = Field("plan", description="how the next chairs are chosen: by an agreed plan, or alphabetically among the members")
    tolerance: Duration | None = Field(None, description="slack before a long term is a finding")
    since: PartialDate | None = Field(None, description="terms that began before this date are not judged against the rule")
    source: str = ""


class RuleBook(Frozen):
    _by_name: dict[str, Body] = PrivateAttr(default_factory=dict)
    _table_of: tuple[Body, ...] | None = PrivateAttr(default=None)
    organization: Organization
    chairmanship: Chairmanship | None = None
    bodies: tuple[Body, ...] = Field(min_length=1)
    cbms: tuple[CBM, ...] = ()

    def body(self, key: str) -> Body | None:
        """The body called ``key`` (id, name or alias, any case), looked up in a table built once."""
        if self._table_of is not self.bodies:  # built once; rebuilt after model_copy(update=...)
            table: dict[str, Body] = {}
            for body in self.bodies:
                for name in body.names():
                    table.setdefault(name, body)
            self._by_name, self._table_of = table, self.bodies
        return self._by_name.get(key.strip().casefold())

    def body_ids(self) -> list[str]:
        return [b.id for b in self.bodies]


# ---------------------------------------------------------------------------------------------
# register


class _MeetingFields(NamedTuple):
    body: str
    start: PartialDate
    kind: Kind = Kind.REGULAR
    ordinal: int | None = None
    end: PartialDate | None = None
    status: Status = Status.HELD
    city: str = ""
    country: str = ""
    format: MeetingFormat | None = None
    title: str = ""
    source: str = ""
    reason: str = ""  # why a projected meeting is proposed
    rule_source: str = ""
    customary: bool = False
    key: str = ""  # stable identity of a projected meeting (its due window and slot)
    documents: tuple[str, ...] = ()  # documents the meeting adopted, e.g. "Almaty Act"
    cbm: str = ""  # the confidence building measure the meeting served: a CBM id of the rule book
    id: str = ""  # the register's own identity of the meeting (an `id` column, an .ics UID): calendar UIDs follow it


class Meeting(_MeetingFields):
    """One entry of the register (or one projected meeting). Dates are inclusive.

    A light, immutable row (a named tuple: 300,000 of them load in a second and take a fraction
    of the memory of validated models). Registers are validated on the way in, by the strict row
    parser of :mod:`planner.inputs.rows` or, for JSON and .ics rows and every row that parser is
    not sure of, by the pydantic model :class:`planner.inputs.meeting_record.MeetingRecord`,
    which words the error messages. Built with keywords (``body`` and ``start`` are required),
    fields of the wrong type (``kind="special"``, ``start="2019"``) are validated and coerced
    by that model too.
    """

    __slots__ = ()

    def __new__(cls, body: str, start: PartialDate, kind: Kind = Kind.REGULAR, ordinal: int | None = None, end: PartialDate | None = None, status: Status = Status.HELD, city: str = "", country: str = "", format: MeetingFormat | None = None, title: str = "", source: str = "", reason: str = "", rule_source: str = "", customary: bool = False, key: str = "", documents: tuple[str, ...] = (), cbm: str = "", id: str = "") -> Meeting:  # noqa: A002 (the register's columns)
        values = (body, start, kind, ordinal, end, status, city, country, format, title, source, reason, rule_source, customary, key, documents, cbm, id)
        typed = (
            start.__class__ is PartialDate
            and kind.__class__ is Kind
            and status.__class__ is Status
            and (end is None or (end.__class__ is PartialDate and end.latest >= start.earliest))
            and (format is None or format.__class__ is MeetingFormat)
            and (ordinal is None or (ordinal.__class__ is int and ordinal >= 1))
            and all(v.__class__ is str for v in (body, city, country, title, source, reason, rule_source, key, cbm, id))
            and documents.__class__ is tuple
            and all(d.__class__ is str for d in documents)
            and customary.__class__ is bool
        )
        if typed:
            return tuple.__new__(cls, values)
        return cls.model_validate(dict(zip(cls._fields, values, strict=True)))

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Meeting:
        """A meeting from loosely typed fields (a JSON or .ics register row), validated by the
        register's schema; raises pydantic's ``ValidationError`` naming each bad field."""
        from planner.inputs.meeting_record import MeetingRecord

        return MeetingRecord.model_validate(data).meeting()

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Meeting:
        """A copy with some fields changed (unvalidated, as pydantic's ``model_copy``)."""
        return self._replace(**update) if update else self

    def model_dump(self) -> dict[str, Any]:
        return self._asdict()

    @property
    def earliest(self) -> date:
        return self.start.earliest

    @property
    def latest(self) -> date:
        return (self.end or self.start).latest

    @property
    def exact(self) -> bool:
        return self.start.exact and (self.end is None or self.end.exact)

    @property
    def venue(self) -> str:
        return ", ".join(p for p in (self.city, self.country) if p)

    def identity(self) -> str:
        """What stays the same when a meeting is edited: the register's id, else its ordinal,
        else its projection key, else its kind and first day. Calendar UIDs derive from it (a
        long id, such as an Outlook UID, by its digest)."""
        if self.id:
            import hashlib

            text = self.id if len(self.id) <= 48 and self.id.isascii() else hashlib.sha256(self.id.encode()).hexdigest()[:16]
            return f"id-{text}"
        if self.ordinal and self.kind is Kind.REGULAR:
            return f"{self.ordinal}"
        if self.ordinal:
            return f"{self.kind.value}-{self.ordinal}"
        if self.key:
            return f"projected-{self.key}"
        return f"{self.kind.value}-{self.start}"

    def sort_key(self) -> tuple:
        # Everything a finding shows, so that the register's row order never shows in output.
        # The enums themselves, not .value: a StrEnum orders as its text, without the lookup.
        start, end = self.start, self.end
        return (start.earliest, (end or start).latest, self.body, self.ordinal or 0, self.kind, self.title, self.city, self.country, self.status, self.format or "")


class ChairTerm(Frozen):
    """A country chairing the organization from one date to another (``end`` empty: still chairing)."""

    country: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    ordinal: int | None = Field(None, ge=1)
    note: str = ""
    source: str = ""
    planned: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> ChairTerm:
        if self.start and self.end and self.end.latest < self.start.earliest:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


def cycle_in(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle of ``after`` dependencies, as the ids around it, or ``None``. Iterative: a chain
    of thousands of ``after`` rules must not exhaust Python's recursion limit."""
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        state[root] = 1
        path = [root]
        todo = [iter(graph.get(root, []))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(graph.get(nxt, [])))
    return None


def rule_refs(body: Body) -> set[str]:
    """The other bodies ``body``'s rules depend on: after and before origins, except_when."""
    refs: set[str] = set()
    for rule in body.rules:
        if isinstance(rule, AfterRule | BeforeRule):
            refs.add(rule.body)
        refs.update(rule.except_when)
    return refs


def dependency_order(book: RuleBook) -> list[Body]:
    """Bodies ordered so that each comes after the bodies its ``after`` rules and ``before``
    placement depend on (stable: rule-book order otherwise). Iterative, like :func:`cycle_in`."""
    by_id = {b.id: b for b in book.bodies}
    deps = {b.id: sorted(rule_refs(b) | ({b.before} if b.before else set())) for b in book.bodies}
    done: set[str] = set()
    order: list[Body] = []
    for body in book.bodies:
        if body.id in done:
            continue
        done.add(body.id)
        todo = [(body.id, iter(deps.get(body.id, [])))]
        while todo:
            node, pending = todo[-1]
            dep = next(pending, None)
            if dep is None:
                todo.pop()
                order.append(by_id[node])
            elif dep in by_id and dep not in done:
                done.add(dep)
                todo.append((dep, iter(deps.get(dep, []))))
    return order
