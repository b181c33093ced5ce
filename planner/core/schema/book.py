"""The schema of a rule book: the organization, its bodies, chairmanship and catalogue, with
each field's type, limits and description. ``planner schema`` publishes it as JSON Schema;
errors are worded from its validation. The run-time values are :mod:`planner.core.model` and
:mod:`planner.core.catalogue`; the checks across fields are theirs, shared."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, field_validator, model_validator

from planner.core import catalogue, model
from planner.core.calendar_dates import Weekday
from planner.core.dates import YEAR_START_PATTERN, Duration, PartialDate
from planner.core.schema import ID_RE, Frozen, checked
from planner.core.schema.rules import Period, Rule, Since, Until
from planner.core.vocabulary import DEFAULT_HOLIDAY_CATEGORIES, Category, HostPolicy


class CBM(Frozen):
    """One confidence building measure (priority area) of the catalogue, with its coordinating
    states. ``terms`` gives, per coordinating state, the terms it serves when the source states
    them, as ``"YYYY-YYYY"``."""

    id: str | None = Field(None, pattern=ID_RE, description="short id, used by a register's `cbm` column; default: the measure's words joined by '_'")
    dimension: catalogue.Dimension
    measure: str = Field(min_length=1)
    coordinators: tuple[str, ...] = ()
    co_coordinators: tuple[str, ...] = ()
    terms: dict[str, tuple[str, ...]] = Field(default_factory=dict, description='terms per coordinating state, e.g. { Russia = ["2022-2023", "2024-2025"] }')
    source: str = ""

    @field_validator("terms")
    @classmethod
    def _terms(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        return checked(value, catalogue.terms_problem)


class Affiliate(Frozen):
    """An observer or partner of the organization: a state or an organization."""

    name: str = Field(min_length=1)
    short_name: str = ""
    kind: Literal["state", "organization"]
    since: int | None = Field(None, ge=1000, le=2999, strict=True, description="year the status was granted, where a source gives it")
    source: str = ""


class Blackout(Frozen):
    """Days on which no meeting may be placed (holidays of the organization, UN weeks, ...)."""

    start: date
    end: date | None = None
    reason: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Blackout:
        return checked(self, model.span_problem)


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
        return checked(self, model.span_problem)


class Suspension(Frozen):
    """A period in which a member takes no part without having left (suspended, or its
    participation frozen): it stays a member, and a chair rotation passes it by."""

    start: PartialDate
    end: PartialDate | None = Field(None, description="last day (a year or month means its last day); empty: not ended")
    reason: str = Field(min_length=1, description="why, in words (required)")
    source: str = Field("", description="citation: decision, statement, URL")

    @model_validator(mode="after")
    def _ordered(self) -> Suspension:
        return checked(self, model.suspension_problem)


class Member(Frozen):
    name: str
    code: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, used for public holidays")
    aliases: tuple[str, ...] = ()
    joined: PartialDate | None = None
    left: PartialDate | None = Field(None, description="the last day it was a member (an elected member whose term ended): chairs are proposed among members on the day a term begins")
    suspended: tuple[Suspension, ...] = Field((), description="periods it takes no part without having left (suspended, participation frozen): chairs are not proposed to it on a day certainly inside one")

    @model_validator(mode="after")
    def _joined_before_left(self) -> Member:
        return checked(self, model.membership_problem)


class Place(Frozen):
    city: str
    country: str


class Organization(Frozen):
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
    holiday_categories: tuple[str, ...] = Field(DEFAULT_HOLIDAY_CATEGORIES, description="the holidays package's categories of days off that projected meetings avoid, for every country that has them ('public', 'government', 'de_facto' by default: the days a government office keeps closed), or 'CC:category' for one country ('DK:optional': Denmark's Christmas Eve)")
    holiday_subdivisions: tuple[str, ...] = Field((), description="ISO 3166-2 codes of the subdivisions whose days off projected meetings avoid in their country, one per country ('GB-ENG': England's Easter Monday and August bank holiday, which the United Kingdom's own list lacks; 'DE-BY', 'CH-GE'); a country not named keeps its national days off")
    year_start: str | None = Field(None, pattern=YEAR_START_PATTERN, description="first day of the organization's year (e.g. '04-01': financial years), the default for rules that judge periods")
    records: tuple[Records, ...] = Field((), description="periods whose register is known complete (complete = false: known incomplete), for every body that states none of its own")
    source: str = ""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return checked(value, model.timezone_problem)

    @field_validator("holiday_categories")
    @classmethod
    def _holiday_categories(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return checked(value, model.holiday_categories_problem)

    @field_validator("holiday_subdivisions")
    @classmethod
    def _holiday_subdivisions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return checked(value, model.holiday_subdivisions_problem)

    @field_validator("avoid")
    @classmethod
    def _avoid_paths(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return checked(value, model.avoid_problem)


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
        return checked(value, model.months_problem)

    @model_validator(mode="after")
    def _founding_day(self) -> Body:
        return checked(self, model.founding_day_problem)

    @model_validator(mode="after")
    def _fixed_host(self) -> Body:
        return checked(self, model.fixed_host_problem)


class Chairmanship(Frozen):
    """How the chair passes. CICA: two-year terms; the Summit host chairs until the next
    Ministerial Council, whose host chairs until the next Summit.

    With no ``handover_bodies`` the chair simply rotates every ``term`` (yearly rotation)."""

    term: Duration
    handover_bodies: tuple[str, ...] = Field((), description="bodies whose meetings hand the chair over; empty: the chair changes every `term`")
    chair_hosts: bool = Field(True, description="the chair hosts the meetings of chair-hosted bodies held during its term")
    handover_host: Literal["outgoing", "incoming"] = Field("outgoing", description="who hosts the handover meeting: the chair whose term it ends, or the one whose term it starts")
    handover_days: int = Field(7, ge=0, le=366, description="a term's handover meeting is held on or within this many days of its first or last day (BSEC hands the chair over at the Council in the weeks before its fixed date)")
    consecutive_terms: bool = Field(False, description="a country may chair twice in a row")
    order: Literal["plan", "alphabetical", "listed"] = Field("plan", description="how the next chairs are chosen: by an agreed plan, alphabetically among the members, or in the order `organization.members` lists them")
    tolerance: Duration | None = Field(None, description="slack before a long term is a finding")
    since: PartialDate | None = Field(None, description="terms that began before this date are not judged against the rule")
    binding: bool = Field(True, description="false: a customary rotation ('should rotate'): what breaks it is a note, never a violation")
    source: str = ""


class RuleBook(Frozen):
    organization: Organization
    chairmanship: Chairmanship | None = None
    bodies: tuple[Body, ...] = Field(min_length=1)
    cbms: tuple[CBM, ...] = ()
