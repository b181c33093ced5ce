"""The schema of cadence rules and the dates they compute: one model per rule kind, with each
field's type, limits and description (the JSON Schema of ``planner schema`` and the words of
every error come from here). The run-time values are :mod:`planner.core.rules` and
:mod:`planner.core.calendar_dates`; the checks across fields are theirs, shared."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from planner.core import calendar_dates, rules
from planner.core.calendar_dates import Weekday
from planner.core.dates import YEAR_START_PATTERN, Duration, PartialDate
from planner.core.model import months_problem
from planner.core.schema import ID_RE, Frozen, checked
from planner.core.vocabulary import Kind, MeetingFormat, Per


class DateSpec(Frozen):
    """One day of each year, computed by rule.

    * a fixed day: ``month = 1, day = 20``;
    * the ``nth`` ``weekday`` of a month (``nth = -1``: the last): ``weekday = "tue", nth = 3, month = 9``;
    * with ``weeks = "first_working"``, ``nth`` counts weeks (Monday to Sunday) instead, week 1
      being the first week of the month that has a working day (Monday to Friday) in it: the
      UN General Assembly's "Tuesday of the third week in September";
    * the first ``weekday`` after another computed day:
      ``weekday = "tue", after = { weekday = "mon", nth = 1, month = 11 }``;
    * a list of weekdays with ``nth`` and ``month``: the nth day of the month on any of them.
    """

    month: int | None = Field(None, ge=1, le=12, strict=True, description="1-12; not with after (the month comes from it)")
    day: int | None = Field(None, ge=1, le=31, strict=True, description="a fixed day of the month")
    weekday: Weekday | tuple[Weekday, ...] | None = Field(
        None, description="mon ... sun: with nth (which one in the month) or with after; or a list of them with nth and month: the nth day of the month on any of them (['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], nth = 1: the first weekday, Saturday included)"
    )
    nth: int | None = Field(None, ge=-5, le=5, strict=True, description="1 = first ... 5, -1 = last: which weekday (or week) of the month")
    weeks: Literal["weekday", "first_working"] = Field(
        "weekday", description="what nth counts: the weekday's occurrences, or weeks from the first week with a working day"
    )
    after: DateSpec | None = Field(None, description="the day this weekday is the first one after, e.g. the first Monday in November")

    @model_validator(mode="after")
    def _one_shape(self) -> DateSpec:
        return checked(self, calendar_dates.date_spec_problem)


class Period(Frozen):
    """A stretch of days given as partial dates: ``start = 2020, end = 2021`` is two whole years."""

    start: PartialDate
    end: PartialDate | None = None
    reason: str = Field("", description="why, in words")
    source: str = Field("", description="citation: decision, law, URL")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        return checked(self, calendar_dates.period_problem)


class Excused(Period):
    """A period in which a rule's shortfalls are excused (a pandemic year, a date moved by law)."""

    reason: str = Field(min_length=1, description="why the rule was not kept, in words (required)")


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
    id: str | None = Field(None, pattern=ID_RE, description="names the rule; versions of one rule (the same rule changing over time) share it and must not overlap")
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
        return checked(self, rules.rule_problem)


class EveryRule(RuleBase):
    """One counting meeting every ``interval``: rolling from the last, or on a fixed grid."""

    kind: Literal["every"]
    interval: Duration
    mode: Literal["rolling", "grid"] = "rolling"
    anchor: PartialDate | None = Field(None, description="grid start; default: first counting meeting")
    tolerance: Duration | None = None

    @model_validator(mode="after")
    def _day_interval_mode(self) -> EveryRule:
        return checked(self, rules.every_problem)


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
        return checked(self, rules.relaxation_problem)


class AtLeastRule(RuleBase):
    """Each calendar period must hold at least ``count`` counting meetings."""

    kind: Literal["at_least"]
    count: int = Field(ge=0, strict=True, description="meetings each period must hold; 0 with max_gap: no count, only the longest gap is judged (a sitting at least once every twelve months)")
    per: Per
    year_start: str | None = Field(None, pattern=YEAR_START_PATTERN, description=YEAR_START_DESCRIPTION)
    min_gap: Duration | None = Field(None, description="meetings closer than this count once")
    max_gap: Duration | None = Field(None, description="no more than this between two consecutive counting meetings, across period boundaries ('120d': days from one meeting's first day to the next one's, see gap_from; '15m': calendar months)")
    gap_from: Literal["first_day", "last_day"] = Field("first_day", description="a gap runs from the earlier meeting's first day (default: a multi-day or adjourned meeting counts from its start) or from its last day, to the later meeting's first day")
    relaxations: tuple[Relaxation, ...] = Field((), description="limits changed for a window of dates, e.g. a longer max_gap during an emergency")
    within: Duration | None = Field(None, description="the meetings are due within this first part of each period: per = 'year', year_start = '04-01', within = '6m' is April to September (UK Companies Act 2006 s.336: an AGM within six months after the accounting reference date)")
    except_months: tuple[int, ...] = Field((), description="months (1-12) a rule per = 'month' does not judge: 'monthly except August' is except_months = [8]; nothing is due or projected in them")

    @model_validator(mode="after")
    def _gaps(self) -> AtLeastRule:
        return checked(checked(self, rules.gaps_problem), rules.except_months_problem)

    @field_validator("except_months")
    @classmethod
    def _months(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return checked(value, months_problem)


class AtMostRule(RuleBase):
    """No calendar period may hold more than ``count`` counting meetings."""

    kind: Literal["at_most"]
    count: int = Field(ge=1, strict=True)
    per: Per
    year_start: str | None = Field(None, pattern=YEAR_START_PATTERN, description=YEAR_START_DESCRIPTION)
    except_months: tuple[int, ...] = Field((), description="months (1-12) a rule per = 'month' does not judge: 'monthly except August' is except_months = [8]; nothing is due or projected in them")

    @model_validator(mode="after")
    def _left_out(self) -> AtMostRule:
        return checked(self, rules.except_months_problem)

    @field_validator("except_months")
    @classmethod
    def _months(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        return checked(value, months_problem)


class OnRule(RuleBase, DateSpec):
    """The meeting opens on a day computed by rule, every ``interval`` years from ``anchor``."""

    kind: Literal["on"]
    interval: Duration = Field(Duration(1, "y"), description="in years: '1y' every year, '4y' every fourth year from anchor")
    anchor: int | None = Field(None, ge=1000, le=2999, strict=True, description="a year the date falls due in (with interval above 1y)")

    @model_validator(mode="after")
    def _years(self) -> OnRule:
        return checked(self, rules.on_years_problem)


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


