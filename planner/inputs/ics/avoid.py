"""Other calendars as blackouts: the busy days of an iCalendar file (another organization's
feed, the UN General Assembly's high-level week, a national election).

Each busy event (RFC 5545 3.8.2.7: TRANSP is OPAQUE unless it says TRANSPARENT) becomes a
:class:`~planner.core.model.Blackout` covering its days; transparent and cancelled events are
ignored. Recurring events are expanded over the horizon asked for. Days are the calendar days
as written in the file: a blackout is about days, not instants.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import chain, repeat
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import recurring_ical_events
from icalendar import Calendar, Event

from planner.core.errors import InputError
from planner.core.model import Blackout
from planner.inputs.ics.calendars import parse_calendars, zone_guesses
from planner.inputs.ics.event_properties import refuse_contradictions
from planner.inputs.ics.ics_events import raw_value, value_problem
from planner.inputs.ics.outside import Busy, prune_outside
from planner.inputs.ics.series import (
    YEAR_WALKED,
    refuse_unbounded_series,
    searching_until,
    walk_bound,
    within_bound,
)
from planner.inputs.limits import IcsLines

EXPECTED = "an iCalendar file (BEGIN:VCALENDAR ... END:VCALENDAR) whose busy VEVENTs are days to avoid"
MAX_EVENTS = 100_000
MAX_WALK = 1_000_000  # occurrences walked from the series' first dates (some 3 us each in dateutil, a year 10 of them)


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _days(event: Event) -> tuple[date, date] | None:
    """First and last day (inclusive) of an event, or ``None`` without a usable DTSTART."""
    start_prop = event.get("DTSTART")
    start = getattr(start_prop, "dt", None)
    first = _day(start)
    if first is None:
        return None
    end = getattr(event.get("DTEND"), "dt", None)
    if end is None and event.get("DURATION") is not None:
        end = start + event["DURATION"].dt
    if end is None:
        return first, first
    if isinstance(end, datetime) and isinstance(start, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            # a floating DTSTART beside a DTEND in a zone (some exports write them): compared
            # as written, days being what a blackout is about (the comparison was a TypeError)
            start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        # An event ending at midnight does not take the day it ends on.
        last = (end - timedelta(microseconds=1)).date() if end > start else first
    else:
        last = _day(end) - timedelta(days=1) if _day(end) and _day(end) > first else first  # type: ignore[operator]
    return first, max(first, last)


def _refuse_end_before_start(event: Event, path: Path, where: str) -> None:
    """An event that ends before it starts (DURATION:-P5D, a DTEND before its DTSTART) is
    damage (RFC 5545 3.6.1: the end is after the start), refused as a register's is: it was
    read as one busy day, the file's mistake silently mended."""
    start = event["DTSTART"].dt
    if "DURATION" in event:
        length = getattr(event["DURATION"], "dt", None)
        if isinstance(length, timedelta) and length < timedelta(0):
            raise InputError("the event ends before it starts: its DURATION is negative", path=path, location=where, value=raw_value(event["DURATION"])[:60], expected="a DURATION of zero or more (RFC 5545 3.6.1), e.g. P2D")
        return
    end = getattr(event.get("DTEND"), "dt", None)
    if end is None or _day(end) is None:
        return
    if isinstance(end, datetime) and isinstance(start, datetime):
        if (start.tzinfo is None) != (end.tzinfo is None):
            start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        before = end < start
    else:
        before = _day(end) < _day(start)  # type: ignore[operator]
    if before:
        raise InputError(f"the event ends before it starts (DTSTART {raw_value(event['DTSTART'])[:40]!r})", path=path, location=where, value=raw_value(event["DTEND"])[:60], expected="a DTEND after its DTSTART (RFC 5545 3.6.1)")


def load_avoid(path: str | Path, first: date, last: date, shared: IcsLines | None = None, warn: Callable[[str], None] | None = None) -> tuple[Blackout, ...]:
    """The busy days of ``path`` between ``first`` and ``last``, as blackouts that name the file
    and the event; ``shared`` counts the lines of all the .ics files of a run; a zone guessed
    from a vendor's TZID is told to ``warn``, naming the file."""
    path = Path(path)
    # read as a register is (planner.inputs.inputfile): a pipe, `--avoid <(curl ...)`, too,
    # and a missing file, a folder or a link to nothing said in the same words
    numbered: list[list[int] | None] = [None]
    read: list[Busy] = []

    def prune(text: str) -> str:
        text, numbered[0], busy = prune_outside(text, first, last)
        read.extend(busy)
        return text

    calendars = parse_calendars(path, shared, prune)
    if warn is not None:
        for guess in zone_guesses(calendars):
            warn(f"{path}: {guess}")
    out: list[Blackout] = []
    walked = 0
    for c, cal in enumerate(calendars):
        found = 0  # at most how many events the expansion will find (it makes some 80 us each)
        place: dict[int, int] = {}  # each event's number in the file, by id()
        vevents = cal.walk("VEVENT")
        # each event's number in its calendar as written (events outside the horizon were left out unread)
        numbers = numbered[0][c] if numbered[0] is not None and c < len(numbered[0]) and len(numbered[0][c]) == len(vevents) else range(1, len(vevents) + 1)
        for i, event in zip((n - 1 for n in numbers), vevents, strict=True):
            for name, problem in event.errors:
                if name is None or name.upper() in ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "TRANSP"):
                    words, value, expected = value_problem(event, name, problem)
                    raise InputError(words, path=path, location=f"VEVENT {i + 1}", value=value, expected=expected)
            if "DTSTART" not in event:
                raise InputError("event has no DTSTART", path=path, location=f"VEVENT {i + 1}", expected="every VEVENT with a date")
            for name in ("DTSTART", "DTEND", "DURATION"):  # (reading a second one's value was an AttributeError)
                if isinstance(event.get(name), list):
                    raise InputError(f"event has more than one {name}", path=path, location=f"VEVENT {i + 1}", expected=f"one {name} a VEVENT (RFC 5545 3.6.1)")
            for name in ("DTSTART", "DTEND"):  # a PERIOD, a time of day (the expansion failed on them)
                if name in event and _day(getattr(event[name], "dt", None)) is None:
                    raise InputError(f"{name}: is not a date", path=path, location=f"VEVENT {i + 1}", value=raw_value(event[name])[:60], expected="a DATE (20261012) or DATE-TIME (20261012T090000Z)")
            # a series by the second, or with INTERVAL=0, would be expanded without end
            refuse_unbounded_series(event, path, f"VEVENT {i + 1}")
            refuse_contradictions(event, path, f"VEVENT {i + 1}", register=False)
            _refuse_end_before_start(event, path, f"VEVENT {i + 1}")
            try:
                span = _days(event)
            except OverflowError:  # DTSTART with DURATION:P99999999D: an end no date can hold
                if not any(name in event for name in _SERIES):
                    raise InputError("the event ends after the year 9999", path=path, location=f"VEVENT {i + 1}", value=raw_value(event["DURATION"])[:60] if "DURATION" in event else None, expected="events in the years 1000 to 2999") from None
                span = None  # (the expansion says so in its words)
            place[id(event)] = i + 1
            found += within_bound(event, first, last, (span[1] - span[0]).days if span else 0)
            if found > MAX_EVENTS:  # (110,000 events of 10,000 yearly series took 13 s to be refused by the count below)
                raise InputError(f"its events make more than {MAX_EVENTS:,} events between {first} and {last}, counted from the series' FREQ, INTERVAL, COUNT, UNTIL and BY parts before any is expanded", path=path, location=f"VEVENT {i + 1}", expected="a calendar of busy days, not of minutes")
            walked += walk_bound(event, last)
            if walked > MAX_WALK:
                raise InputError(f"its recurring series are searched through more than {MAX_WALK:,} occurrences up to {last}", path=path, location=f"VEVENT {i + 1}", expected=f"series that begin near the horizon (each is walked from its first date, a year counting as {YEAR_WALKED}; 10,000 daily series from the year 1000 took 85 s), or fewer")
        single, series = _split(cal, vevents)
        try:
            with searching_until(last.year):
                events = _occurrences(series, first, last + timedelta(days=1)) if series is not None else []
        except OverflowError:  # DTSTART 9999-12-31 with DURATION:P5D: an end no date can hold
            culprit = _culprit(series, first, last + timedelta(days=1), place) if series is not None else None
            raise InputError(f"{'the' if culprit else 'an'} event ends after the year 9999", path=path, location=f"VEVENT {culprit[0]}" if culprit else None, expected="events in the years 1000 to 2999") from None
        except (ValueError, TypeError, AttributeError, KeyError, recurring_ical_events.InvalidCalendar) as exc:
            culprit = _culprit(series, first, last + timedelta(days=1), place) if series is not None else None
            if culprit is not None:  # (dateutil's words for an RRULE it cannot expand: "UNTIL parameter is missing" for BYSETPOS=400)
                number, rule = culprit
                raise InputError(f"recurring series cannot be expanded: {str(exc).splitlines()[0][:160]}", path=path, location=f"VEVENT {number}", value=raw_value(rule)[:160] if rule is not None else None, expected="an RRULE as RFC 5545 3.3.10 defines it") from None
            raise InputError(f"events cannot be read: {str(exc).splitlines()[0][:160]}", path=path, expected=EXPECTED) from None
        n = 0
        for event, alone in chain(zip(events, repeat(False)), zip(single, repeat(True))):
            try:
                days = _days(event)
            except OverflowError:  # (a single event's end: where the expansion said it, without a place)
                raise InputError("an event ends after the year 9999", path=path, location=None if alone else f"VEVENT {n + 1}", expected="events in the years 1000 to 2999") from None
            if alone and days is not None and days[1] == date.max:  # (its end, the day after, is no date)
                raise InputError("an event ends after the year 9999", path=path, expected="events in the years 1000 to 2999")
            if alone and (days is None or days[1] < first or days[0] > last):
                continue  # (what the expansion would not have found between first and last)
            n += 1
            if n > MAX_EVENTS:
                raise InputError(f"more than {MAX_EVENTS} events between {first} and {last}", path=path, expected="a calendar of busy days, not of minutes")
            if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT" or str(event.get("STATUS", "")).upper() == "CANCELLED":
                continue
            if days is None:
                continue
            summary = str(event.get("SUMMARY", "")).strip() or "busy"
            out.append(Blackout(start=days[0], end=days[1] if days[1] != days[0] else None, reason=_reason(path, summary)))
    out.extend(Blackout(start=start, end=end if end != start else None, reason=_reason(path, summary)) for start, end, summary in read)
    out.sort(key=lambda b: (b.start, b.last, b.reason))
    return tuple(out)


SHOWN_SUMMARY = 200  # characters of an event's SUMMARY a blackout's reason shows, as a rule book's names


def _reason(path: Path, summary: str) -> str:
    """Why the days are blocked, as projection names it at every day it could not use: the
    file and the event's SUMMARY, cut. A SUMMARY of 10 MB blocking 2027 made `project` write
    168 MB and take 1.25 GB (every Problem quoted it whole)."""
    if len(summary) > SHOWN_SUMMARY:
        summary = f"{summary[:SHOWN_SUMMARY].rstrip()}... ({len(summary):,} characters)"
    return f"{path.name}: {summary}"


class _Occurrence:
    """One occurrence of a series, read as the copy of its event recurring-ical-events makes
    would be (its DTSTART and DTEND, no DURATION, the rest its event's), without that copy: it
    rebuilds every property of the event, 440 us an occurrence, and 24 daily series over ten
    years (95,000 busy days, within the limits) took 11.6 s of CPU, two thirds of it copying."""

    __slots__ = ("_end", "_event", "_start")

    def __init__(self, event: Event, start: object, end: object) -> None:
        self._event, self._start, self._end = event, SimpleNamespace(dt=start), SimpleNamespace(dt=end)

    def get(self, name: str, default: object = None) -> object:
        upper = name.upper()
        if upper == "DTSTART":
            return self._start
        if upper == "DTEND":
            return self._end
        if upper == "DURATION":
            return default
        return self._event.get(name, default)


def _occurrences(series: Calendar, first: date, stop: date) -> list[Any]:
    """The occurrences of ``series`` from ``first`` to ``stop``: recurring-ical-events' own,
    from its occurrences before they become components (its ``between`` where that is not
    there)."""
    query = recurring_ical_events.of(series)
    try:
        found = query._occurrences_between(query.to_datetime(first), query.to_datetime(stop))  # noqa: SLF001
        return [_Occurrence(o._adapter._component, o.start, o.end) for o in found]  # noqa: SLF001
    except AttributeError:  # (another version of the library; a calendar's own error says itself again)
        return query.between(first, stop)  # type: ignore[no-any-return]


_SERIES = ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


def _culprit(series: Calendar, first: date, stop: date, place: dict[int, int]) -> tuple[int, Any] | None:
    """Where the expansion of ``series`` failed: the number and RRULE of the first event that
    fails alone (asked only once it has failed, to name the event), or None."""
    zones = [c for c in series.subcomponents if c.name == "VTIMEZONE"]
    for component in series.subcomponents:
        if component.name != "VEVENT":
            continue
        alone = Calendar(series)
        alone.subcomponents = [*zones, component]
        try:
            with searching_until(stop.year):
                _occurrences(alone, first, stop)
        except (ValueError, TypeError, AttributeError, KeyError, OverflowError, recurring_ical_events.InvalidCalendar):
            number = place.get(id(component))
            return (number, component.get("RRULE")) if number is not None else None
    return None


def _split(cal: Calendar, vevents: list[Event]) -> tuple[list[Event], Calendar | None]:
    """The events of ``cal`` that are each their own occurrence (no recurrence, a UID of their
    own), and the calendar of the rest for recurring-ical-events (None: no rest). That library
    took 255 us an event to find a single one between two days (23,000 busy days, 5.9 s);
    their days are read here (0.19 s)."""
    uids = Counter(str(event.get("UID", "")) for event in vevents)
    single = [event for event in vevents if uids[str(event.get("UID", ""))] == 1 and not any(name in event for name in _SERIES)]
    if len(single) == len(vevents):
        return single, None
    alone = set(map(id, single))
    series = Calendar(cal)
    series.subcomponents = [component for component in cal.subcomponents if id(component) not in alone]
    return single, series


__all__ = ["load_avoid"]
