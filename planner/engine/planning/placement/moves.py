"""Why a projected meeting is not on the day it aimed at, in words for its reason.

A meeting is aimed at a day (the nominal day of a rolling chain, the body's usual day, an `on`
rule's date) and placed on the nearest day that fits. Where the two differ, the reason says
from which day it moved and what kept it off that day: the host's weekend or a holiday (named
as the ``holidays`` package names it), a blackout, members' holidays, another body's meeting, or
the same host too close. DESIGN: "nothing moves silently".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from planner.engine.planning.member_holidays import country_year
from planner.engine.planning.placement.working import WorkingCalendar

MOVED = "; moved from "  # (the words' start: what the chairs' plan, re-placing the meeting, replaces)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # (strftime("%a") took a third of the words' time, and follows the locale)


def day_words(day: date) -> str:
    """``Tue 2027-07-20``: a day as the words of a move name it."""
    return f"{_WEEKDAYS[day.weekday()]} {day}"


def aimed_day(target: date, first: date, last: date, days: int) -> date:
    """``target`` where a ``days``-day meeting may open on it inside ``first``..``last``, else
    the nearest day of the window where one may (the search's own start)."""
    last_start = last - timedelta(days=days - 1)
    return first if target < first else max(first, last_start) if target > last_start else target


def moved_words(calendar: WorkingCalendar, where: str, target: date, start: date, days: int, in_the_way: Callable[[date, date], str] | None = None) -> str:
    """``"; moved from Sat 2028-06-10 (a weekend day in Austria)"``, or ``""`` where the meeting
    opens on ``target``. ``where``: the country whose working days ``calendar`` holds;
    ``in_the_way``: what else refuses a block of days (other bodies, the host's spacing), in
    words, ``""`` for nothing."""
    if start == target:
        return ""
    why = off_words(calendar, where, target, days) or (in_the_way(target, target + timedelta(days=days - 1)) if in_the_way else "")
    day = f"{MOVED}{_WEEKDAYS[target.weekday()]} {target}"
    return f"{day} ({why})" if why else day


def without_move(reason: str) -> str:
    """``reason`` without the words :func:`moved_words` added."""
    return reason.split(MOVED, 1)[0]


def off_words(calendar: WorkingCalendar, where: str, first: date, days: int) -> str:
    """What keeps a meeting of ``days`` days from opening on ``first`` in ``calendar``: its
    first non-working day in words (a meeting longer than a working week: its first or last
    day off, or a blackout inside it), ``""`` where every one of its days may hold it."""
    last = first + timedelta(days=days - 1)
    long = days > calendar.week_run
    day = first
    while day <= last:
        if (not long or day in (first, last)) and not calendar.is_working(day) or long and calendar.is_blackout(day):
            words = _day_off(calendar, where, day)
            return words if day == first else f"its day {_WEEKDAYS[day.weekday()]} {day} is {words}"
        day += timedelta(days=1)
    return ""


def _day_off(calendar: WorkingCalendar, where: str, day: date) -> str:
    place = f" in {where}" if where else ""
    if day.weekday() in calendar.weekend:
        return f"a weekend day{place}"
    holiday = country_year(calendar.code, day.year, calendar.wanted)[0].get(day) if calendar.holidays is not None and calendar.code else None
    if holiday:
        return f"{holiday}{place}"
    if calendar.is_blackout(day):
        return f"blacked out: {calendar.why_not(day)}"
    why = calendar.members.why(day) if calendar.members is not None else ""
    return f"a {why}" if why else ""  # ("a public holiday in Iran (Nowruz), Afghanistan (...)")
