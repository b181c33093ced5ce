"""Cadence rules: what a body must do over time, one model per rule kind (DESIGN.md, Cadence
rules). ``planner.engine.expectations`` gives them their meaning."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, model_validator

from planner.core.calendar_dates import DateSpec, Excused
from planner.core.dates import YEAR_START_PATTERN, Duration, PartialDate
from planner.core.schema import ID_RE, Frozen
from planner.core.vocabulary import Kind, MeetingFormat, Per


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


