"""Recurring series in an iCalendar register: refused where a meeting cannot recur so (more
often than daily, an INTERVAL below 1), expanded a year at a time up to the horizon, never past
``MAX_OCCURRENCES`` occurrences, with dateutil's search bounded to the horizon's year."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

import recurring_ical_events
from icalendar import Calendar, Event

from planner.core.dates import MIN_YEAR
from planner.core.errors import RegisterError
from planner.inputs.ics.ics_events import raw_value, text
from planner.inputs.ics.rule_parts import refuse_rule_parts

MAX_OCCURRENCES = 10_000


@contextlib.contextmanager
def searching_until(year: int) -> Iterator[None]:
    """dateutil looks for a rule's next occurrence up to the year 9999: a series that matches
    no day (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) walks eight thousand years, day by day, for each
    query (10 s a series). Nothing after the horizon is read, so the search stops the year after
    it: dateutil's rrule reads its last year from its own name ``datetime``, which here is the
    datetime module with another MAXYEAR, for the time of the expansion."""
    import datetime as real
    import types

    from dateutil import rrule

    bounded = types.ModuleType("datetime")
    bounded.__dict__.update(real.__dict__)
    bounded.MAXYEAR = min(real.MAXYEAR, max(year + 1, real.MINYEAR))  # type: ignore[attr-defined]
    rrule.datetime = bounded  # type: ignore[attr-defined]
    try:
        yield
    finally:
        rrule.datetime = real  # type: ignore[attr-defined]



def refuse_unbounded_series(master: Event, path: Path, where: str) -> None:
    """Meetings recur by the day at most: an hourly or secondly series (or a daily one with
    dozens of times a day) is millions of occurrences, which no expansion should attempt; and
    each rule's parts are in their ranges (:mod:`planner.inputs.ics.rule_parts`)."""
    refuse_rule_parts(master, path, where)
    rules = master.get("RRULE")
    for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
        freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
        per_day = 1
        for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            per_day *= max(1, len(rule.get(part) or []))
        if freq in ("SECONDLY", "MINUTELY", "HOURLY") or per_day > 24:
            raise RegisterError("recurring series repeats within a day", path=path, location=where, value=raw_value(rule), expected="FREQ=DAILY or longer, as meetings recur")
        interval = (rule.get("INTERVAL") or [1])[0]
        if not isinstance(interval, int) or interval < 1:  # INTERVAL=0 never moves on: the expansion would not end
            raise RegisterError("recurring series has an INTERVAL below 1", path=path, location=where, value=raw_value(rule), expected="INTERVAL=1 or more (RFC 5545 3.3.10: a positive integer)")


# The days of one step of a series' FREQ at their longest.
_LONGEST = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
YEAR_WALKED = 10  # a year a search walks costs dateutil as much as 10 occurrences (its table of the year)


def _many(rule: Any, freq: str) -> int:
    """At most how many occurrences one step of ``rule`` makes: the BY parts that expand a step
    multiply it, those that limit it do not (RFC 5545 3.3.10, the table of BYxxx rule parts),
    never more than the step's days times the times of a day."""

    def n(part: str) -> int:
        return len(rule.get(part) or [])

    def days_named(per: int) -> int:  # BYDAY: "1MO" is one day of a month or year, "MO" each Monday
        return sum(1 if str(day)[:1] in "+-0123456789" else per for day in rule.get("BYDAY") or [])

    if freq == "WEEKLY":
        days = n("BYDAY") or 1
        if n("BYWEEKNO"):  # (YEARLY alone in RFC 5545; dateutil makes every day of the week named)
            days = 7
    elif freq == "MONTHLY":
        days = n("BYMONTHDAY") or days_named(5) or 1  # (BYDAY only limits where BYMONTHDAY is given)
        if n("BYWEEKNO"):  # (RFC 5545 gives it YEARLY alone; dateutil expands each week's days in the month)
            days = max(days, n("BYWEEKNO") * 7)
        if n("BYYEARDAY"):  # (the same: FREQ=MONTHLY;BYYEARDAY=1,2,3 is 1-3 January, three in one month)
            days = max(days, n("BYYEARDAY"))
    elif freq == "YEARLY":
        months = n("BYMONTH")
        if n("BYYEARDAY"):
            days = n("BYYEARDAY")
        elif n("BYWEEKNO"):
            days = n("BYWEEKNO") * 7
        elif n("BYMONTHDAY"):
            days = n("BYMONTHDAY") * (months or 12)
        elif n("BYDAY"):
            days = days_named(5) * months if months else days_named(53)
        else:
            days = months or 1
    else:  # DAILY: BYMONTH, BYMONTHDAY and BYDAY only limit
        days = 1
    times = max(1, n("BYHOUR")) * max(1, n("BYMINUTE")) * max(1, n("BYSECOND"))
    bound = min(days, _LONGEST.get(freq, 1)) * times
    return min(bound, n("BYSETPOS")) if n("BYSETPOS") else bound


def _rules(master: Event) -> list[Any]:
    rules = master.get("RRULE")
    return rules if isinstance(rules, list) else [rules] if rules is not None else []


def _first_day(master: Event) -> date | None:
    start = getattr(master.get("DTSTART"), "dt", None)  # (given twice, a list: the expansion says what is wrong)
    if not isinstance(start, date):
        return None
    return start.date() if isinstance(start, datetime) else start


def _terms(base: int, step: int, low: int, high: int) -> int:
    """How many of ``base``, ``base + step``, ... lie from ``low`` to ``high``."""
    if high < max(base, low):
        return 0
    return (high - base) // step - max(0, -(-(low - base) // step)) + 1


def _starting(rule: Any, first: date, since: date, until: date) -> int:
    """At most how many occurrences of ``rule`` (from ``first``) start from ``since`` to
    ``until``: its steps (days, weeks, months or years from ``first``, INTERVAL apart) that
    touch the span, times what the BY parts make of a step (:func:`_many`), within COUNT and
    UNTIL."""
    freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
    interval = (rule.get("INTERVAL") or [1])[0]
    interval = interval if isinstance(interval, int) and interval > 0 else 1
    ends = [d.date() if isinstance(d, datetime) else d for d in rule.get("UNTIL") or [] if isinstance(d, date)]
    last = min([until, *ends])
    since = max(first, since)
    if last < since:
        return 0
    if freq == "YEARLY":  # (a year's weeks by BYWEEKNO begin and end in the years beside it)
        spill = 1 if rule.get("BYWEEKNO") else 0
        steps = _terms(first.year, interval, since.year - spill, last.year + spill)
    elif freq == "MONTHLY":
        steps = _terms(first.year * 12 + first.month, interval, since.year * 12 + since.month, last.year * 12 + last.month)
    elif freq == "WEEKLY":  # (a step's week, from WKST, holds days up to six before or after it)
        steps = _terms(first.toordinal(), 7 * interval, since.toordinal() - 6, last.toordinal() + 6)
    else:
        steps = _terms(first.toordinal(), interval, since.toordinal(), last.toordinal())
    counted = (rule.get("COUNT") or [None])[0]
    many = steps * _many(rule, freq)
    return min(many, counted) if isinstance(counted, int) else many


def walk_bound(master: Event, until: date) -> int:
    """What a search from the series' first date to ``until`` costs, in occurrences: dateutil
    finds the first one after a day by walking from DTSTART (a daily series from the year
    1000 walks 375,000 days before a horizon in 2027), each of them and each year's table
    (:data:`YEAR_WALKED`: a yearly series from 1030 cost 37 us an occurrence, a daily one 3 us);
    0 for an event that does not recur by a rule."""
    first = _first_day(master)
    if first is None or until < first:
        return 0
    return sum(_starting(rule, first, first, until) + YEAR_WALKED * (until.year - first.year + 1) for rule in _rules(master))


def within_bound(master: Event, since: date, until: date, days: int) -> int:
    """At most how many occurrences of an event of ``days`` days a search from ``since`` to
    ``until`` finds (it finds those that end there too): 1 for an event without RRULE or RDATE,
    else what its rules make and its RDATEs add, before any is expanded (an EXDATE only takes
    away)."""
    first = _first_day(master)
    rules = _rules(master)
    if first is None or (not rules and master.get("RDATE") is None):
        return 1
    rdates = master.get("RDATE")
    added = sum(len(getattr(r, "dts", ())) for r in (rdates if isinstance(rdates, list) else [rdates] if rdates is not None else []))
    since -= timedelta(days=days)
    return added + (1 if since <= first <= until else 0) + sum(_starting(rule, first, since, until) for rule in rules)


def _first_year(master: Event) -> int:
    """The first year a series can have an occurrence in: the year before its first date (a
    zone may move a day across New Year), DTSTART or an RDATE before it. (Every series with an
    RDATE was searched from the year 1000: 6 ms each, and a file may hold thousands.)"""
    start = master["DTSTART"].dt
    if not isinstance(start, date):
        return MIN_YEAR
    first = start.year
    rdates = master.get("RDATE")
    for rdate in rdates if isinstance(rdates, list) else [rdates] if rdates is not None else []:
        for value in getattr(rdate, "dts", ()):
            day = value.dt[0] if isinstance(value.dt, tuple) else value.dt  # a PERIOD: its start
            if not isinstance(day, date):
                return MIN_YEAR
            first = min(first, day.year)
    return max(MIN_YEAR, first - 1)


def search_years(master: Event, until: date) -> int:
    """The years :func:`expand` searches for the series' occurrences, one query each."""
    return max(0, until.year - _first_year(master) + 1)


def _by_year(query: Any, first_year: int, until: date) -> list[Event]:
    """Occurrences up to ``until``, a year at a time: recurring_ical_events gathers a whole range
    before it yields, so one range of centuries would take minutes before the cap is reached."""
    found: list[Event] = []
    for year in range(first_year, until.year + 1):
        end = min(date(year + 1, 1, 1), until + timedelta(days=1))
        found.extend(islice(query.between(date(year, 1, 1), end), MAX_OCCURRENCES + 1 - len(found)))
        if len(found) > MAX_OCCURRENCES:
            break
    return found


def expand(master: Event, overrides: list[Event], zones: list[Any], path: Path, where: str, until: date) -> list[Event]:
    refuse_unbounded_series(master, path, where)
    series = Calendar()
    series.subcomponents.extend([*zones, master, *overrides])
    try:
        with searching_until(until.year):
            found = _by_year(recurring_ical_events.of(series), _first_year(master), until)
    except (ValueError, TypeError, AttributeError, KeyError, recurring_ical_events.InvalidCalendar) as exc:
        problem = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise RegisterError(f"recurring series cannot be expanded: {problem}", path=path, location=where, value=text(master, "RRULE") or None, expected="an RRULE, RDATE and EXDATE as RFC 5545 3.8.5 defines them") from None
    if len(found) > MAX_OCCURRENCES:
        raise RegisterError(f"recurring series has more than {MAX_OCCURRENCES} occurrences before {until}", path=path, location=where, expected="a series of meetings, not of minutes")
    return found
