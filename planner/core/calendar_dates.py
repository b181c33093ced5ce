"""Dates computed by rule, as statutes state them: "the 20th of January", "the third Tuesday of
September", "the Tuesday next after the first Monday in November", "the Tuesday of the third
week of September, counting from the first week that contains at least one working day".

A :class:`DateSpec` names one such day for any year; ``kind = "on"`` rules (see
:mod:`planner.engine.calendar_rules`) are built on it. Also here: the periods a rule is excused
in, and the recess periods of a body, which are data about dates rather than about meetings.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from planner.core.dates import PartialDate
from planner.core.record import Record

_MONTH_NAMES = tuple(calendar.month_name)


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Python's weekday number: Monday 0 ... Sunday 6."""
        return list(Weekday).index(self)

    @property
    def day_name(self) -> str:
        return calendar.day_name[self.number]


def _nth_words(n: int) -> str:
    if n < 0:
        return "last" if n == -1 else f"{_ordinal(-n)} last"
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, _ordinal(n))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weekday_text(weekday: Weekday | tuple[Weekday, ...]) -> str:
    """``'tue'`` or ``['mon', 'sat']``, as the rule book writes it."""
    if isinstance(weekday, tuple):
        return "[" + ", ".join(repr(w.value) for w in weekday) + "]"
    return repr(weekday.value)


def days_words(days: tuple[Weekday, ...]) -> str:
    """A set of weekdays as a statute names it: ``day from Monday to Saturday`` (a run of three
    or more), else ``Monday, Wednesday or Friday``."""
    numbers = sorted({w.number for w in days})
    if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"day from {calendar.day_name[numbers[0]]} to {calendar.day_name[numbers[-1]]}"
    names = [calendar.day_name[n] for n in numbers]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def date_spec_problem(spec: DateSpec) -> str | None:
    """What makes a date rule name no day (or more than one way to compute it), in words; the
    schema's check, shared by the run-time values (``spec`` is either)."""
    if isinstance(spec.weekday, tuple):
        # a list: the nth day of a month that is any of these weekdays (Norway's "first
        # weekday of October", Saturday included)
        if not spec.weekday:
            return "weekday = [] names no day; expected one or more of 'mon' ... 'sun', e.g. weekday = ['mon', 'tue', 'wed', 'thu', 'fri']"
        twice = sorted({w.value for w in spec.weekday if spec.weekday.count(w) > 1})
        if twice:
            return f"weekday = {_weekday_text(spec.weekday)} names {', '.join(repr(t) for t in twice)} twice; expected each day once"
        if spec.day is not None or spec.after is not None or spec.weeks != "weekday":
            return f"weekday = {_weekday_text(spec.weekday)} (a list) counts the days of a month that fall on them: use it with nth and month only, without day, after or weeks"
    if spec.day is not None:
        extra = [k for k in ("weekday", "nth", "after") if getattr(spec, k) is not None]
        if extra:
            return f"day = {spec.day} fixes the date; remove {', '.join(extra)} (or remove day to compute the date from a weekday)"
        if spec.month is None:
            return f"day = {spec.day} needs month, e.g. month = 1, day = {spec.day}"
        if spec.day > calendar.monthrange(2000, spec.month)[1]:  # 2000: a leap year, so 29 February is a day
            return f"day = {spec.day} does not exist in {_MONTH_NAMES[spec.month]}; expected a day that {_MONTH_NAMES[spec.month]} has"
        return None
    if spec.weekday is None:
        return "no date given: set month and day (month = 1, day = 20), or weekday with nth and month (weekday = 'tue', nth = 3, month = 9), or weekday with after"
    if spec.after is not None:
        if spec.nth is not None or spec.month is not None:
            return f"weekday = {_weekday_text(spec.weekday)} with after is the first {spec.weekday.value} after that date; remove nth and month (the month comes from after)"  # type: ignore[union-attr]
        return None
    if spec.nth is None or spec.nth == 0:
        return f"weekday = {_weekday_text(spec.weekday)} needs nth (1 = first ... 5, -1 = last; got {spec.nth}) or after (the first one after another date)"
    if spec.month is None:
        return f"weekday = {_weekday_text(spec.weekday)}, nth = {spec.nth} needs month, e.g. month = 9"
    if spec.weeks == "first_working" and spec.nth < 1:
        return f"weeks = 'first_working' counts weeks forward from the first week with a working day; nth must be 1 or more, got {spec.nth}"
    return None


class DateSpec(Record):
    """One day of each year, computed by rule.

    * a fixed day: ``month = 1, day = 20``;
    * the ``nth`` ``weekday`` of a month (``nth = -1``: the last): ``weekday = "tue", nth = 3, month = 9``;
    * with ``weeks = "first_working"``, ``nth`` counts weeks (Monday to Sunday) instead, week 1
      being the first week of the month that has a working day (Monday to Friday) in it: the
      UN General Assembly's "Tuesday of the third week in September";
    * the first ``weekday`` after another computed day:
      ``weekday = "tue", after = { weekday = "mon", nth = 1, month = 11 }``;
    * the ``nth`` day of a month that falls on any of several weekdays: ``weekday = ["mon",
      "tue", "wed", "thu", "fri", "sat"], nth = 1, month = 10``, the Storting's "first weekday
      of October" (Constitution of Norway, § 68: a Saturday counts, a Sunday does not; public
      holidays are not known here).

    The schema, with each field's limits, is :class:`planner.core.schema.rules.DateSpec`.
    """

    month: int | None = None
    day: int | None = None
    weekday: Weekday | tuple[Weekday, ...] | None = None
    nth: int | None = None
    weeks: Literal["weekday", "first_working"] = "weekday"
    after: DateSpec | None = None

    def on(self, year: int) -> date | None:
        """The day in ``year``; ``None`` when the month has no such weekday (a fifth Tuesday).

        29 February falls on 28 February in a common year, the last day of that February: the
        anniversary of a leap day as a year added to it reads (``Duration.add_to`` clamps the
        same way), so that an ``on`` rule is due every year, never skipped three years in four."""
        if self.day is not None:
            assert self.month is not None
            return date(year, self.month, min(self.day, calendar.monthrange(year, self.month)[1]))
        assert self.weekday is not None
        if isinstance(self.weekday, tuple):
            assert self.month is not None and self.nth is not None
            wanted = {w.number for w in self.weekday}
            start = date(year, self.month, 1)
            days = [start + timedelta(days=i) for i in range(calendar.monthrange(year, self.month)[1]) if (start + timedelta(days=i)).weekday() in wanted]
            index = self.nth - 1 if self.nth > 0 else self.nth
            return days[index] if -len(days) <= index < len(days) else None
        if self.after is not None:
            base = self.after.on(year)
            if base is None:
                return None
            return base + timedelta(days=(self.weekday.number - base.weekday()) % 7 or 7)
        assert self.month is not None and self.nth is not None
        first = date(year, self.month, 1)
        last = date(year, self.month, calendar.monthrange(year, self.month)[1])
        if self.weeks == "first_working":
            monday = first - timedelta(days=first.weekday())
            if first.weekday() >= 5:  # the week of the 1st has no working day of this month
                monday += timedelta(days=7)
            found = monday + timedelta(days=7 * (self.nth - 1) + self.weekday.number)
        elif self.nth > 0:
            found = first + timedelta(days=(self.weekday.number - first.weekday()) % 7 + 7 * (self.nth - 1))
        else:
            found = last - timedelta(days=(last.weekday() - self.weekday.number) % 7 + 7 * (-self.nth - 1))
        return found if first <= found <= last else None

    def words(self, year: int | None = None) -> str:
        """The rule as a statute would say it: ``the Tuesday next after the first Monday in
        November``; with ``year``, the day of that year: ``... in November 2026``."""
        def month() -> str:
            assert self.month is not None
            return _MONTH_NAMES[self.month] + (f" {year}" if year is not None else "")

        if self.day is not None:
            assert self.month is not None
            if year is not None and self.day > calendar.monthrange(year, self.month)[1]:
                last = calendar.monthrange(year, self.month)[1]
                return f"{last} {month()} ({self.day} {_MONTH_NAMES[self.month]} in a leap year)"
            if year is None and self.day > calendar.monthrange(2001, self.month)[1]:
                return f"{self.day} {month()} (28 {month()} in a common year)"
            return f"{self.day} {month()}"
        assert self.weekday is not None
        if isinstance(self.weekday, tuple):
            assert self.nth is not None
            return f"the {_nth_words(self.nth)} {days_words(self.weekday)} in {month()}"
        if self.after is not None:
            return f"the {self.weekday.day_name} next after {self.after.words(year)}"
        assert self.nth is not None
        if self.weeks == "first_working":
            return f"the {self.weekday.day_name} of the {_nth_words(self.nth)} week in {month()} (week 1: the first with a working day)"
        return f"the {_nth_words(self.nth)} {self.weekday.day_name} in {month()}"


def period_problem(period: Period) -> str | None:
    """An end before the start, in words (the schema's check, shared with the run-time values)."""
    if period.end is not None and period.end.latest < period.start.earliest:
        return f"end {period.end} is before start {period.start}"
    return None


class Period(Record):
    """A stretch of days given as partial dates: ``start = 2020, end = 2021`` is two whole years."""

    start: PartialDate
    end: PartialDate | None = None
    reason: str = ""
    source: str = ""

    @property
    def first(self) -> date:
        return self.start.earliest

    @property
    def last(self) -> date:
        return (self.end or self.start).latest

    def covers(self, start: date, end: date) -> bool:
        return self.first <= start and end <= self.last

    def words(self) -> str:
        span = f"{self.start}" if self.end is None or self.end == self.start else f"{self.start} to {self.end}"
        return f"{span}: {self.reason}" if self.reason else span


class Excused(Period):
    """A period in which a rule's shortfalls are excused (a pandemic year, a date moved by law)."""

    reason: str  # required: why the rule was not kept, in words

__all__ = ["DateSpec", "Excused", "Period", "Weekday", "date_spec_problem", "period_problem"]
