"""The validated shape of every input: rule book, bodies, cadence rules, meetings, chair terms.

One schema, written once: TOML rule books, JSON registers and ``planner schema`` all come from
these models. Every model is frozen and forbids unknown keys, so a typo fails loudly.
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, PrivateAttr, field_validator, model_validator

from planner.core.calendar_dates import Period, Weekday
from planner.core.catalogue import CBM, Affiliate
from planner.core.dates import YEAR_START_PATTERN, Duration, PartialDate
from planner.core.meeting import ChairTerm, Meeting
from planner.core.rules import (
    RULE_KINDS,
    YEAR_START_DESCRIPTION,
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
    Since,
    Until,
)
from planner.core.schema import ID_RE, Frozen
from planner.core.vocabulary import Category, HostPolicy, Kind, MeetingFormat, Per, Status

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
    "Frozen",
    "HostPolicy",
    "Kind",
    "Meeting",
    "MeetingFormat",
    "Member",
    "OnRule",
    "Organization",
    "Per",
    "Place",
    "RULE_KINDS",
    "Records",
    "Relaxation",
    "Rule",
    "RuleBase",
    "RuleBook",
    "Since",
    "Status",
    "Until",
    "YEAR_START_DESCRIPTION",
    "cycle_in",
    "dependency_order",
    "rule_refs",
]


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
    id: str = Field(pattern=ID_RE)
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
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
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
    id: str = Field(pattern=ID_RE)
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
