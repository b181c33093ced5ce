"""Dates as the rules speak of them: partial dates, durations, calendar periods and windows.

Historic records often know only the year or month of a meeting, so a :class:`PartialDate` is a
range ``[earliest, latest]``. Cadence rules are judged over calendar periods (a year, a half, a
quarter, a month, a day); a :class:`Grain` numbers those periods with plain integers so that
"four years after" is index arithmetic, and :class:`Window` is the closed date range of one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # the schema hooks and relativedelta load where they are used, not at start-up
    from dateutil.relativedelta import relativedelta
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import core_schema

# [0-9], not \d: a digit of another script may look like another digit (Bengali '৪' is 4)
_PARTIAL_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_DURATION_RE = re.compile(r"^([1-9][0-9]*)([ymd])$")
DURATION_EXPECTED = "a whole number above zero and a unit y, m or d, e.g. '4y', '6m', '60d'"
PARTIAL_EXPECTED = "a date YYYY, YYYY-MM or YYYY-MM-DD"
# Every date a rule book, register or option may name: wide enough for any organization's
# history and future, narrow enough that windows plus intervals stay inside Python's dates.
MIN_YEAR, MAX_YEAR = 1000, 2999
MAX_DURATION = {"y": 100, "m": 1200, "d": 36600}
# The first day of a year that does not start in January: a month's first day, as MM-DD.
YEAR_START_PATTERN = r"^(0[1-9]|1[0-2])-01$"
YEAR_START_EXPECTED = "the first day of a month as MM-DD, e.g. '04-01' for financial years from 1 April"


def year_start_month(text: str | None) -> int:
    """The month a year starts in, from a checked ``MM-DD`` (``None``: January)."""
    return int(text[:2]) if text else 1


def _foreign_digit(text: str) -> str:
    """Words for a digit of another script in ``text`` (it reads as another date than it is)."""
    odd = next((c for c in text if c.isdigit() and not c.isascii()), None)
    return f" (U+{ord(odd):04X} is a digit of another script; expected 0-9)" if odd else ""


class Precision(StrEnum):
    """How much of a date the record knows."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class _PartialFields(NamedTuple):
    earliest: date
    latest: date
    precision: Precision


class PartialDate(_PartialFields):
    """A date known to the year, the month or the day: the range of days it may mean.

    An immutable triple (a named tuple, as :class:`~planner.core.meeting.Meeting` is): equal,
    hashed and ordered by ``(earliest, latest, precision)``, as the frozen, ordered dataclass it
    was, in C: a register's meetings are hashed to find repeated rows, two dates each, and the
    dataclass's ``__hash__`` was a Python call (it is the same number: the hash of that triple).
    Its ``repr`` is the dataclass's. Being a tuple, it must not reach code that takes any tuple
    for a sequence of values (``to_runtime``, ``model_dump`` ask for it first)."""

    __slots__ = ()

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``2019``, ``2019-09`` or ``2019-09-24``; raise ``ValueError`` otherwise."""
        if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii() and (text[:4] + text[5:7] + text[8:]).isdigit():
            # a full date, the common case: read by the C parser; anything odd takes the long way
            try:
                day = date.fromisoformat(text)
            except ValueError:
                day = None
            if day is not None and MIN_YEAR <= day.year <= MAX_YEAR:
                return partial_date(day, day, Precision.DAY)
        match = _PARTIAL_RE.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not {PARTIAL_EXPECTED}" + _foreign_digit(text))
        year_s, month_s, day_s = match.groups()
        year = int(year_s)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"{text!r} is out of range: years {MIN_YEAR} to {MAX_YEAR}")
        if month_s is None:
            return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
        month = int(month_s)
        if not 1 <= month <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        last = calendar.monthrange(year, month)[1]
        if day_s is None:
            return cls(date(year, month, 1), date(year, month, last), Precision.MONTH)
        day = int(day_s)
        if not 1 <= day <= last:
            raise ValueError(f"{text!r} is not a real date: {calendar.month_name[month]} {year} has {last} days")
        return cls(date(year, month, day), date(year, month, day), Precision.DAY)

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return partial_date(day, day, Precision.DAY)

    @classmethod
    def coerce(cls, value: Any) -> PartialDate:
        """Accept what TOML, JSON and CSV hand over: a date, a year as a number, or text."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                raise ValueError(f"'{value}' is out of range: years {MIN_YEAR} to {MAX_YEAR}")
            return cls.of(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls.parse(f"{value:04d}")
        if isinstance(value, str):
            return cls.parse(value)
        raise ValueError(f"{value!r} is not {PARTIAL_EXPECTED}")

    @property
    def exact(self) -> bool:
        return self.precision is Precision.DAY

    def __str__(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.earliest.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.earliest.year:04d}-{self.earliest.month:02d}"
        return self.earliest.isoformat()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.coerce,
            json_schema_input_schema=core_schema.union_schema(
                [core_schema.str_schema(pattern=_PARTIAL_RE.pattern), core_schema.date_schema(), core_schema.int_schema()]
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )


_new = tuple.__new__


def partial_date(earliest: date, latest: date, precision: Precision) -> PartialDate:
    """``PartialDate(earliest, latest, precision)`` without the named tuple's ``__new__`` (a
    Python call with keyword handling; a register has tens of thousands of distinct dates).
    Callers pass checked values."""
    return _new(PartialDate, (earliest, latest, precision))


class Grain(StrEnum):
    """A kind of calendar period. Periods are numbered by integers so that they add."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"

    @property
    def months(self) -> int:
        return _GRAIN_MONTHS[self]

    def index(self, day: date, year_start: int = 1) -> int:
        """The number of the period holding ``day``; years, halves and quarters begin in month
        ``year_start`` (4: financial years from 1 April)."""
        if self is Grain.DAY:
            return day.toordinal()
        if self is Grain.WEEK:  # ISO weeks: date.min (0001-01-01) is a Monday
            return (day.toordinal() - 1) // 7
        shift = year_start - 1 if self.months > 1 else 0
        return (day.year * 12 + day.month - 1 - shift) // self.months

    def window(self, index: int, year_start: int = 1) -> Window:
        """The closed date range of period ``index`` (remembered: rules ask for the same
        periods again and again, a hundred thousand times in a large check)."""
        key = (self, index, year_start)
        found = _WINDOWS.get(key)
        if found is None:
            found = _WINDOWS[key] = self._window(index, year_start)
        return found

    def _window(self, index: int, year_start: int) -> Window:
        if self is Grain.DAY:
            day = date.fromordinal(index)
            return Window(day, day)
        if self is Grain.WEEK:
            monday = date.fromordinal(index * 7 + 1)
            return Window(monday, date.fromordinal(index * 7 + 7))
        per = self.months
        first = index * per + (year_start - 1 if per > 1 else 0)
        start = date(first // 12, first % 12 + 1, 1)
        last = first + per - 1
        year, month = last // 12, last % 12 + 1
        return Window(start, date(year, month, calendar.monthrange(year, month)[1]))

    def label(self, index: int, year_start: int = 1) -> str:
        """A period in words a secretariat uses: ``2018``, ``2018 H2``, ``2018 Q3``, ``2018-07``;
        a year from another month is written as people write financial years: ``FY2022-23``,
        ``FY2022-23 Q1`` (its first quarter)."""
        key = (self, index, year_start)
        found = _LABELS.get(key)
        if found is None:
            found = _LABELS[key] = self._label(index, year_start)
        return found

    def _label(self, index: int, year_start: int) -> str:
        start = self.window(index, year_start).start
        if self is Grain.MONTH:
            return f"{start.year:04d}-{start.month:02d}"
        if self is Grain.WEEK:
            iso_year, week, _ = start.isocalendar()
            return f"{iso_year:04d}-W{week:02d}"
        if self is Grain.DAY:
            return start.isoformat()
        if year_start == 1:
            year = f"{start.year:04d}"
        else:
            first = start.year if start.month >= year_start else start.year - 1
            year = f"FY{first:04d}-{(first + 1) % 100:02d}"
        within = (start.month - year_start) % 12
        if self is Grain.HALF:
            return f"{year} H{within // 6 + 1}"
        if self is Grain.QUARTER:
            return f"{year} Q{within // 3 + 1}"
        return year


# periods already computed, by (grain, index, year_start): immutable values, a few per period
_WINDOWS: dict[tuple[Grain, int, int], Window] = {}
_LABELS: dict[tuple[Grain, int, int], str] = {}
_GRAIN_MONTHS = {Grain.YEAR: 12, Grain.HALF: 6, Grain.QUARTER: 3, Grain.MONTH: 1, Grain.WEEK: 0, Grain.DAY: 0}
_UNIT_GRAIN = {"y": Grain.YEAR, "m": Grain.MONTH, "d": Grain.DAY}
_UNIT_WORDS = {"y": ("year", "years"), "m": ("month", "months"), "d": ("day", "days")}


@dataclass(frozen=True, slots=True)
class Duration:
    """``4y``, ``6m`` or ``60d``. The unit also gives the grain a rule is judged at."""

    amount: int
    unit: str

    @classmethod
    def parse(cls, text: Any) -> Duration:
        if isinstance(text, Duration):
            return text
        if not isinstance(text, str):
            raise ValueError(f"{text!r} is not a duration; expected {DURATION_EXPECTED}")
        if text.strip().startswith("-"):
            raise ValueError(f"{text!r} is not a duration: it is negative, and durations count forward (for a meeting due before another body's, use kind = 'before' with offset = {text.strip()[1:]!r})")
        match = _DURATION_RE.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a duration; expected {DURATION_EXPECTED}")
        amount, unit = int(match.group(1)), match.group(2)
        if amount > MAX_DURATION[unit]:
            raise ValueError(f"{text!r} is too long; expected at most {MAX_DURATION[unit]}{unit}")
        return cls(amount, unit)

    @property
    def grain(self) -> Grain:
        return _UNIT_GRAIN[self.unit]

    @property
    def periods(self) -> int:
        """The duration counted in periods of its own grain."""
        return self.amount

    def delta(self) -> relativedelta:
        from dateutil.relativedelta import relativedelta

        if self.unit == "y":
            return relativedelta(years=self.amount)
        if self.unit == "m":
            return relativedelta(months=self.amount)
        return relativedelta(days=self.amount)

    def add_to(self, day: date) -> date:
        """``day`` plus this duration, as relativedelta adds it (31 January + 1m = 28/29
        February), without building one: placement adds durations hundreds of thousands of times."""
        if self.unit == "d":
            return day + timedelta(days=self.amount)
        months = day.month - 1 + self.amount * (12 if self.unit == "y" else 1)
        year, month = day.year + months // 12, months % 12 + 1
        d = day.day
        if d > 28:  # every month has the first 28 days (monthrange works out a weekday too)
            d = min(d, calendar.monthrange(year, month)[1])
        return date(year, month, d)

    def words(self) -> str:
        one, many = _UNIT_WORDS[self.unit]
        return f"{self.amount} {one if self.amount == 1 else many}"

    def first_words(self) -> str:
        """What follows "its first": ``month`` for one month (not "1 month"), ``6 months``."""
        return _UNIT_WORDS[self.unit][0] if self.amount == 1 else self.words()

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse,
            json_schema_input_schema=core_schema.str_schema(pattern=_DURATION_RE.pattern),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )


@dataclass(frozen=True, order=True, slots=True)
class Window:
    """A closed range of days ``[start, end]`` over which a requirement is judged."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def covers(self, when: PartialDate) -> bool:
        """Whether every day ``when`` may mean lies inside the window."""
        return self.start <= when.earliest and when.latest <= self.end

    def overlaps(self, when: PartialDate) -> bool:
        return when.earliest <= self.end and self.start <= when.latest

    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


_new_object = object.__new__
_set_start, _set_end = Window.__dict__["start"].__set__, Window.__dict__["end"].__set__


def window_between(start: date, end: date) -> Window:
    """``Window(start, end)`` without the frozen dataclass's ``__init__`` (two calls of
    ``object.__setattr__``): the windows due after a loosely dated origin are made by the
    hundred per origin. Callers pass ``start <= end``."""
    window = _new_object(Window)
    _set_start(window, start)
    _set_end(window, end)
    return window
