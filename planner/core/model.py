"""The rule book as the engine sees it: the organization, its bodies and their cadence rules,
chairmanship, and the register's entries (meetings, chair terms).

These are plain immutable values, built by :mod:`planner.inputs.rulebook` from a validated rule
book. The one schema that validates them, words what is wrong and is published by ``planner
schema`` is :mod:`planner.core.schema`; the checks across fields below are shared with it.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from planner.core.calendar_dates import Period, Weekday
from planner.core.catalogue import CBM, Affiliate
from planner.core.chair_term import ChairTerm
from planner.core.dates import Duration, PartialDate
from planner.core.meeting import Meeting
from planner.core.record import Record
from planner.core.rules import (
    RULE_CLASSES,
    RULE_KINDS,
    AdHocRule,
    AfterRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    EveryRule,
    OnRule,
    Relaxation,
    Rule,
    RuleBase,
)
from planner.core.vocabulary import (
    DEFAULT_HOLIDAY_CATEGORIES,
    Category,
    HostPolicy,
    Kind,
    MeetingFormat,
    Per,
    Status,
    holiday_categories_problem,
    holiday_subdivisions_problem,
)
from planner.core.words import name_key

__all__ = [
    "AdHocRule",
    "Affiliate",
    "AfterRule",
    "AtLeastRule",
    "AtMostRule",
    "BeforeRule",
    "Blackout",
    "Body",
    "CBM",
    "Category",
    "ChairTerm",
    "Chairmanship",
    "EveryRule",
    "HostPolicy",
    "Kind",
    "Meeting",
    "MeetingFormat",
    "Member",
    "OnRule",
    "Organization",
    "Per",
    "Place",
    "RULE_CLASSES",
    "RULE_KINDS",
    "Records",
    "Relaxation",
    "Rule",
    "RuleBase",
    "RuleBook",
    "Status",
    "Suspension",
    "fixed_host_problem",
    "founding_day_problem",
    "holiday_categories_problem",
    "holiday_subdivisions_problem",
    "months_problem",
    "span_problem",
    "suspension_problem",
    "timezone_problem",
]


# ---------------------------------------------------------------------------------------------
# the checks across fields, shared with the schema (each returns what is wrong, in words)


def span_problem(span: Blackout | Records) -> str | None:
    if span.end and span.end < span.start:
        return f"end {span.end} is before start {span.start}"
    return None


def membership_problem(member: Member) -> str | None:
    if member.joined and member.left and member.left.latest < member.joined.earliest:
        return f"left {member.left} is before joined {member.joined}"
    return None


def suspension_problem(suspension: Suspension) -> str | None:
    if suspension.end is not None and suspension.end.latest < suspension.start.earliest:
        return f"end {suspension.end} is before start {suspension.start}"
    return None


def avoid_problem(paths: tuple[str, ...]) -> str | None:
    """What is wrong with ``[organization] avoid``: an empty path named the rule book's folder
    (".: is a directory", naming no key)."""
    empty = next((i for i, path in enumerate(paths) if not path.strip()), None)
    return None if empty is None else f"entry {empty + 1} is {paths[empty]!r}, an empty path; expected an iCalendar file's path, relative to the rule book"


# Separators ('/' and '.') a zone's name may hold: zoneinfo looks a name it does not find on the
# system up in the tzdata package, importing a package for each part (tzdata.zoneinfo.A.A...),
# one recursion each: 400 parts were a RecursionError (a traceback). IANA names have 2 at most.
MAX_ZONE_PARTS = 20


def zone_too_deep(name: str) -> bool:
    """Whether ``name`` has more parts than any zone (see MAX_ZONE_PARTS): not to be looked up."""
    return name.count("/") + name.count(".") > MAX_ZONE_PARTS


def timezone_problem(value: str) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if zone_too_deep(value):
        return f"is not a known IANA time zone: it has more than {MAX_ZONE_PARTS} parts (between '/' and '.'); expected one such as 'Asia/Almaty'"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        return f"{value!r} is not a known IANA time zone, e.g. 'Asia/Almaty'"
    return None


def months_problem(value: tuple[int, ...]) -> str | None:
    for month in value:
        if not 1 <= month <= 12:
            return f"{month} is not a month; expected 1 to 12"
    return None


def founding_day_problem(body: Body) -> str | None:
    if any(r.first_within for r in body.rules) and not (body.established and body.established.exact):
        return "first_within needs the day the body was established: established = YYYY-MM-DD"
    return None


def fixed_host_problem(body: Body) -> str | None:
    if body.host is HostPolicy.FIXED and not body.host_country:
        return "host = 'fixed' needs host_country"
    return None


# ---------------------------------------------------------------------------------------------
# organization, bodies, chairmanship, CBMs


class Blackout(Record):
    """Days on which no meeting may be placed (holidays of the organization, UN weeks, ...)."""

    start: date
    end: date | None = None
    reason: str = ""

    @property
    def last(self) -> date:
        return self.end or self.start


class Records(Record):
    """A period whose register is known complete (or, ``complete = false``, known incomplete).

    Coverage is data about the register, not about a rule: ``since`` says when a rule began;
    ``records`` say which periods' meetings are all recorded. Once a body (or the organization)
    states a complete period, periods outside every complete one are not known complete; a
    period stated incomplete never is. With no ``records`` at all the register is taken as
    complete. A window not known complete with no counting meeting is ``unknown``, not missed."""

    start: date
    end: date | None = None
    complete: bool = True
    note: str = ""
    source: str = ""


class Suspension(Record):
    """A period in which a member takes no part without having left: suspended by the
    organization, or its participation frozen by itself (Armenia in the CSTO from February
    2024). It stays a member (its holidays, its place in the order); a rotation passes it by."""

    start: PartialDate
    end: PartialDate | None = None  # empty: not ended
    reason: str  # required: why it takes no part, in words
    source: str = ""

    def certain_on(self, day: date) -> bool:
        """Whether ``day`` is certainly inside: from the last day ``start`` may mean to the
        first day ``end`` may mean (a loosely dated suspension is no reason to pass a member
        by where it may not have applied)."""
        return self.start.latest <= day and (self.end is None or day <= self.end.earliest)

    def possible_on(self, day: date) -> bool:
        """Whether ``day`` may be inside: from the first day ``start`` may mean to the last day
        ``end`` may mean."""
        return self.start.earliest <= day and (self.end is None or day <= self.end.latest)


class Member(Record):
    name: str
    code: str
    aliases: tuple[str, ...] = ()
    joined: PartialDate | None = None
    left: PartialDate | None = None  # the last day a member (an elected member's term ended)
    suspended: tuple[Suspension, ...] = ()

    def member_on(self, day: date) -> bool:
        """Whether it was a member on ``day``: from the first day ``joined`` may mean to the
        last day ``left`` may mean (a loosely dated joining or leaving is no reason to
        exclude it)."""
        return (self.joined is None or self.joined.earliest <= day) and (self.left is None or day <= self.left.latest)

    def takes_part_on(self, day: date) -> bool:
        """Whether it was a member on ``day`` and not certainly suspended then: a rotation's
        turn goes to such members only."""
        return self.member_on(day) and not any(s.certain_on(day) for s in self.suspended)

    def takes_part_unsure_on(self, day: date) -> bool:
        """Whether it takes part on ``day`` on some readings of its dates only: a joining,
        leaving or suspension dated only to the month or year that may or may not hold that
        day. A rotation's turn then depends on days the data does not give."""
        joined = self.joined is not None and self.joined.earliest <= day < self.joined.latest
        left = self.left is not None and self.left.earliest <= day <= self.left.latest
        return joined or left or any(s.possible_on(day) and not s.certain_on(day) for s in self.suspended)


class Place(Record):
    city: str
    country: str


class Organization(Record):
    id: str
    name: str
    short_name: str
    timezone: str = "UTC"
    secretariat: Place | None = None
    members: tuple[Member, ...] = ()
    blackout: tuple[Blackout, ...] = ()
    observers: tuple[Affiliate, ...] = ()
    partners: tuple[Affiliate, ...] = ()
    avoid: tuple[str, ...] = ()
    min_days_between: int = 3
    meetings_per_day: int = 1
    holiday_categories: tuple[str, ...] = DEFAULT_HOLIDAY_CATEGORIES
    holiday_subdivisions: tuple[str, ...] = ()
    year_start: str | None = None
    records: tuple[Records, ...] = ()
    source: str = ""

    def holiday_region(self, code: str) -> str:
        """The key of ``code``'s days off: ``GB-ENG`` where ``holiday_subdivisions`` names a
        subdivision of that country, else the country's code alone."""
        for entry in self.holiday_subdivisions:
            if entry.partition("-")[0] == code:
                return entry
        return code

    def member(self, name: str) -> Member | None:
        """The member state called ``name`` (by name, alias or code, ignoring case), looked up
        in a table built once (a chair register asks for every term and meeting)."""
        table: dict[str, Member] | None = self.__dict__.get("_by_name")
        if table is None:
            table = {}
            for member in self.members:
                for key in (member.name, member.code, *member.aliases):
                    table.setdefault(name_key(key), member)
            self.__dict__["_by_name"] = table
        return table.get(name_key(name))


class Body(Record):
    id: str
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    category: Category
    stated_cadence: str = ""
    established: PartialDate | None = None
    duration_days: int = 1
    months: tuple[int, ...] = ()
    host: HostPolicy = HostPolicy.SECRETARIAT
    host_country: str | None = None
    host_city: str | None = None
    before: str | None = None
    plenary: bool | None = None
    blackout: tuple[Blackout, ...] = ()
    weekdays: tuple[Weekday, ...] = ()
    recess: tuple[Period, ...] = ()
    records: tuple[Records, ...] = ()
    rules: tuple[Rule, ...]

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

    @property
    def ends(self) -> date | None:
        """The last day a rule of the body is in force, where every rule has an ``until`` (a
        body dissolved, or all its rules ended); ``None`` while a rule has no end."""
        ends = [rule.until for rule in self.rules]
        if not ends or None in ends:
            return None
        return max(e for e in ends if e is not None)

    def names(self) -> frozenset[str]:
        """Id, name, short name and aliases, in the form names are compared (:func:`name_key`):
        what a register may call the body."""
        return frozenset(name_key(n) for n in (self.id, self.name, self.short_name, *self.aliases) if n)


class Chairmanship(Record):
    """How the chair passes. CICA: two-year terms; the Summit host chairs until the next
    Ministerial Council, whose host chairs until the next Summit.

    With no ``handover_bodies`` the chair simply rotates every ``term`` (yearly rotation)."""

    term: Duration
    handover_bodies: tuple[str, ...] = ()
    chair_hosts: bool = True
    handover_host: Literal["outgoing", "incoming"] = "outgoing"
    handover_days: int = 7
    consecutive_terms: bool = False
    order: Literal["plan", "alphabetical", "listed"] = "plan"
    tolerance: Duration | None = None
    since: PartialDate | None = None
    binding: bool = True
    source: str = ""


class RuleBook(Record):
    organization: Organization
    chairmanship: Chairmanship | None = None
    bodies: tuple[Body, ...]
    cbms: tuple[CBM, ...] = ()

    def body(self, key: str) -> Body | None:
        """The body called ``key`` (id, name or alias, any case), looked up in a table built once."""
        table: dict[str, Body] | None = self.__dict__.get("_by_name")
        if table is None:
            table = {}
            for body in self.bodies:
                for name in body.names():
                    table.setdefault(name, body)
            self.__dict__["_by_name"] = table
        return table.get(name_key(key))

    def body_ids(self) -> list[str]:
        return [b.id for b in self.bodies]
