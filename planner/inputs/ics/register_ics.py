"""An iCalendar file (an Outlook or Google export, or a feed of ours) -> register meetings.

How one event reads is :mod:`planner.inputs.ics.ics_events`, how the file is read into its
calendars :mod:`planner.inputs.ics.calendars`; this module expands recurring series and collects
what goes wrong.

* **Recurring series.** RRULE, RDATE and EXDATE are expanded with their RECURRENCE-ID overrides
  by ``recurring-ical-events`` up to ``until`` (the judged horizon; an endless series would
  otherwise be endless): each occurrence is one meeting, so a yearly forum exported from Outlook
  counts every year it met, not once.
* **Zones.** Calendars that name their zone only in ``X-WR-TIMEZONE`` (Google, Outlook) are
  first made standard with ``x_wr_timezone``. A register needs days, not instants: an event whose
  TZID nobody defines (neither IANA, nor Windows, nor a VTIMEZONE of the file, e.g. Outlook's
  ``Western/Central Europe``) is read with the date as written, and one warning names the zone.
* **Repeated properties.** Several DTSTART lines (RFC 5545 allows one) are read as the first,
  with one warning; several RDATE lines are dates of the series like any other.

icalendar's parser does not raise on bad values; it records them in ``component.errors``. Those
errors on the properties read here become :class:`RegisterError`, as do files that are empty,
binary or not iCalendar, calendars without a dated VEVENT and series that cannot be expanded.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event
from pydantic import ValidationError

from planner.core.dates import MAX_YEAR, PARTIAL_EXPECTED
from planner.core.errors import InputErrors, RegisterError
from planner.core.model import Meeting, RuleBook
from planner.core.words import plural
from planner.inputs.ics.calendars import EXPECTED, parse_calendars, zone_guesses
from planner.inputs.ics.event_properties import refuse_contradictions
from planner.inputs.ics.ics_events import (
    EventDateError,
    meeting_fields,
    ordinal_in,
    raw_value,
    refuse_end_before_start,
    text,
    too_long_text,
    value_problem,
)
from planner.inputs.ics.series import expand, search_years
from planner.inputs.ics.titles import TitleMatcher, match_body
from planner.inputs.limits import (
    MAX_CELL,
    MAX_MEETINGS,
    MAX_ORDINAL,
    IcsLines,
)
from planner.inputs.register import BodyMatcher, ordinal_error, validation_errors

__all__ = ["EXPECTED", "ordinal_in", "parse_calendars", "read_ics_meetings"]

_READ = {"DTSTART", "DTEND", "DURATION", "SUMMARY", "STATUS", "CATEGORIES", "LOCATION", "URL", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}
_SHOWN = 10
SERIES_YEARS = 10  # the default projection horizon: how far an endless series is expanded
# occurrences of all the series of one file together: each becomes a meeting (about half a
# millisecond each to expand and read), and a file of 10 KB can hold 300 daily series
MAX_SERIES_MEETINGS = 50_000
# years searched for the occurrences of all the series of one file, a query each (about 40 us:
# recurring-ical-events over dateutil): 20,000 one-meeting series from 2000 took 15 s, and a
# yearly series from 2000 to a horizon in 2036 is 38 of them
MAX_SERIES_YEARS = 50_000


class _Notes:
    """What a reader tells once per file rather than once per event."""

    def __init__(self) -> None:
        self.unmatched: list[str] = []
        self.zones: dict[str, int] = {}
        self.repeated: list[str] = []
        self.guesses: list[str] = []
        # overrides (RECURRENCE-ID) of a series the file does not hold, read as meetings:
        # (the event's place among the file's VEVENTs, where, UID, the day it overrides)
        self.orphans: list[tuple[int, str, str, str]] = []
        self.events_before = 0  # VEVENTs of the calendars before the one being read

    def messages(self, path: Path) -> list[str]:
        out = []
        if self.orphans:
            lines = _event_lines(path)
            shown = [
                (f"line {lines[k]} " if k < len(lines) else "") + f"{where} UID {uid!r} (RECURRENCE-ID {day})" for k, where, uid, day in self.orphans[:_SHOWN]
            ]
            more = f" and {len(self.orphans) - _SHOWN} more" if len(self.orphans) > _SHOWN else ""
            n = len(self.orphans)
            out.append(
                f"{path}: {plural(n, 'event')} {'overrides' if n == 1 else 'override'} one occurrence (RECURRENCE-ID) of a recurring series the file does not hold;"
                f" read as {'a meeting' if n == 1 else 'meetings'} on {'its' if n == 1 else 'their'} DTSTART, the series' other occurrences unknown (RFC 5545 3.8.4.4): {', '.join(shown)}{more}"
            )
        if self.unmatched:
            n = len(self.unmatched)
            out.append(f"{path}: {plural(n, 'event')} {'matches' if n == 1 else 'match'} no body and {'was' if n == 1 else 'were'} skipped: {_listed(self.unmatched)}")
        if self.zones:
            zones = ", ".join(repr(z) for z in sorted(self.zones))
            n = sum(self.zones.values())
            out.append(f"{path}: time zone {zones} is not known (neither IANA, Windows nor a VTIMEZONE of the file); {plural(n, 'date')} read as written")
        if self.repeated:
            out.append(f"{path}: DTSTART given more than once; the first is used in {_listed(self.repeated)}")
        out.extend(f"{path}: {guess}" for guess in self.guesses[:_SHOWN])
        return out


def _event_lines(path: Path) -> list[int]:
    """The line of each BEGIN:VEVENT of the file, in order (asked only to name an event)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return []
    return [raw.count(b"\n", 0, m.start()) + 1 for m in re.finditer(rb"^BEGIN:VEVENT\r?$", raw, re.IGNORECASE | re.MULTILINE)]


def _listed(items: list[str]) -> str:
    shown = ", ".join(repr(s) for s in items[:_SHOWN])
    return shown + (f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else "")


def _check(event: Event, path: Path, where: str, notes: _Notes) -> None:
    """Errors on the properties read, DTSTART present and single; unknown zones noted."""
    for name, problem in event.errors:
        if name is None or name.upper() in _READ or name.upper().startswith("X-PLANNER-"):
            words, value, expected = value_problem(event, name, problem)
            raise RegisterError(words, path=path, location=where, value=value, expected=expected)
    if "DTSTART" not in event:
        raise RegisterError("event has no DTSTART", path=path, location=where, expected="every VEVENT with a date")
    if isinstance(event["DTSTART"], list):
        event["DTSTART"] = event["DTSTART"][0]
        notes.repeated.append(where)
    if isinstance(duration := event.get("DURATION"), list):  # (reading its length was an AttributeError)
        raise RegisterError(f"DURATION appears {len(duration)} times", path=path, location=where, expected="one DURATION (RFC 5545 3.6.1)")
    for name in ("DTSTART", "DTEND"):
        prop = event.get(name)
        if isinstance(prop, list):
            raise RegisterError(f"{name} appears {len(prop)} times", path=path, location=where, expected=f"one {name}")
        if prop is not None and not isinstance(getattr(prop, "dt", None), date):
            # DTSTART:100000 reads as a time of day; a meeting needs a day
            raise RegisterError(f"{name}: is not a date", path=path, location=where, value=raw_value(prop), expected="a DATE (20261012) or DATE-TIME (20261012T090000Z)")
        if prop is not None and "TZID" in prop.params and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
            zone = str(prop.params["TZID"])
            notes.zones[zone] = notes.zones.get(zone, 0) + 1
    refuse_contradictions(event, path, where)


def _where(i: int, event: Event) -> str:
    title = text(event, "SUMMARY")
    return f"VEVENT {i + 1}" + (f" {title!r}" if title else "")


def _recurring(event: Event) -> bool:
    return ("RRULE" in event or "RDATE" in event) and "RECURRENCE-ID" not in event


def occurrences(cal: Calendar, path: Path, until: date, notes: _Notes, wanted: Callable[[Event], bool] = lambda event: True) -> Iterator[tuple[str, Event, bool]]:
    """``(where, event, in_series)`` for every single event and every occurrence of a series up to
    ``until``, in file order. Overrides (RECURRENCE-ID) of a series come out as its occurrences.
    A series none of whose events is ``wanted`` (no body's: a daily stand-up in an exported
    calendar) comes out once, unexpanded; the occurrences of all series together are at most
    ``MAX_SERIES_MEETINGS``."""
    budget, years = MAX_SERIES_MEETINGS, MAX_SERIES_YEARS
    events = cal.walk("VEVENT")
    series_uids = {str(ev.get("UID", "")) for ev in events if _recurring(ev) and "UID" in ev}
    # each series' overrides, in file order, found in one pass (a scan of every event for each
    # series was quadratic: 5,000 one-occurrence series took 17 s, 20,000 over 5 minutes)
    overrides_of: dict[str, list[Event]] = {}
    for ev in events:
        if "RECURRENCE-ID" in ev and (key := str(ev.get("UID", ""))):
            overrides_of.setdefault(key, []).append(ev)
    zones = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    for i, event in enumerate(events):
        where = _where(i, event)
        _check(event, path, where, notes)
        uid = str(event.get("UID", ""))
        if "RECURRENCE-ID" in event and uid in series_uids:
            continue  # expanded with its series
        if "RECURRENCE-ID" in event:
            # An override whose series the file does not hold (an invitation to one occurrence,
            # RFC 5546; a calendar exported in part): one occurrence of a series, held on its own
            # DTSTART (RECURRENCE-ID is the day it was scheduled for). Read as one meeting of a
            # series, with the identity the series would give it (UID and that day), and said.
            if wanted(event):
                recurrence = getattr(event["RECURRENCE-ID"], "dt", None)
                day = recurrence.date() if isinstance(recurrence, datetime) else recurrence
                notes.orphans.append((notes.events_before + i, where, uid, day.isoformat() if isinstance(day, date) else raw_value(event["RECURRENCE-ID"])))
            yield where, event, True
            continue
        if not _recurring(event):
            yield where, event, False
            continue
        overrides = overrides_of.get(uid, []) if uid else []
        for j, override in enumerate(overrides):
            _check(override, path, f"{where} override {j + 1}", notes)
        if not any(wanted(ev) for ev in (event, *overrides)):
            yield where, event, True
            continue
        years -= search_years(event, until)
        if years < 0:
            raise RegisterError(
                f"recurring series span more than {MAX_SERIES_YEARS:,} years in all up to {until}, each searched a year at a time from its first date",
                path=path,
                location=where,
                expected="fewer recurring series of meetings, or a nearer horizon (--to; see Limits in the README)",
            )
        try:  # a series of events that end before they start: refused as one such event is
            refuse_end_before_start(event, UTC)  # (a date beside a time: compared in UTC)
        except EventDateError as exc:
            raise RegisterError(f"{exc.prop}: {exc}", path=path, location=where, expected=exc.expected) from None
        found = expand(event, overrides, zones, path, where, until)
        budget -= len(found)
        if budget < 0:
            raise RegisterError(f"recurring series come to more than {MAX_SERIES_MEETINGS:,} meetings before {until}", path=path, location=where, expected="fewer or shorter series of meetings (see Limits in the README)")
        for occurrence in sorted(found, key=_local_day):
            yield f"{where} on {_local_day(occurrence)}", occurrence, True
    notes.events_before += len(events)


def _local_day(event: Event) -> str:
    value = event["DTSTART"].dt
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def read_ics_meetings(path: str | Path, book: RuleBook, warn: Callable[[str], None] | None = None, *, today: date | None = None, until: date | None = None, shared: IcsLines | None = None) -> list[Meeting]:
    """Meetings of an .ics register, in file order (a series in date order). Events that match no
    body, unknown zones and repeated DTSTARTs are each named in one call of ``warn`` (the library
    never prints). ``today`` (default: the system date) decides held or planned for events
    without a status of ours; recurring series are expanded up to ``until`` (default: ten years
    after ``today``, the default projection horizon)."""
    path = Path(path)
    today = today or date.today()
    until = until or today.replace(year=min(today.year + SERIES_YEARS, MAX_YEAR), day=min(today.day, 28))
    with warnings.catch_warnings(record=True) as told:
        # icalendar warns (Python warnings) when it guesses, e.g. a vendor-prefixed TZID
        # "/mozilla.org/.../Asia/Almaty" read as Asia/Almaty: one line of ours instead
        warnings.simplefilter("always")
        meetings = _read(path, book, today, until, notes := _Notes(), shared)
    ours = [w for w in told if w.category.__module__.startswith("icalendar")]
    for other in told:
        if other not in ours:  # not about the file: back to the usual filters
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    notes.guesses = list(dict.fromkeys([*notes.guesses, *(str(w.message).split(". See ")[0] for w in ours)]))
    if warn is not None:
        for message in notes.messages(path):
            warn(message)
    return meetings


_OURS = "-//planner//"  # the PRODID of planner's feeds (planner.outputs.calendar.lines.PRODID)


def _read(path: Path, book: RuleBook, today: date, until: date, notes: _Notes, shared: IcsLines | None) -> list[Meeting]:
    matcher = BodyMatcher(book)
    titles = TitleMatcher(matcher)
    meetings: list[Meeting] = []
    errors: list[RegisterError] = []
    calendars = parse_calendars(path, shared)
    notes.guesses = zone_guesses(calendars)
    if not any(cal.walk("VEVENT") for cal in calendars):
        if all(str(cal.get("PRODID", "")).startswith(_OURS) for cal in calendars):
            return []  # a feed planner wrote of a register with no meeting: that register, empty
        raise RegisterError("has no VEVENT", path=path, expected=EXPECTED)
    try:
        for cal in calendars:
            for where, event, in_series in occurrences(cal, path, until, notes, lambda event: match_body(titles, event) is not None):
                fields: dict[str, Any] = {}
                if "X-PLANNER-REMOVED" in event:
                    continue  # a tombstone of ours: a meeting that left the feed, not a meeting
                try:
                    body = match_body(titles, event)
                    if body is None:
                        if not in_series or text(event, "SUMMARY") not in notes.unmatched:
                            notes.unmatched.append(text(event, "SUMMARY") or where)
                        continue
                    fields = meeting_fields(event, body, book, today, in_series=in_series)
                    too_long = too_long_text(fields)
                    if too_long is not None:
                        errors.append(RegisterError(too_long, path=path, location=where, expected=f"a text of at most {MAX_CELL:,} characters, as a CSV cell (see Limits in the README)"))
                        continue
                    if "cbm" in fields:
                        fields["cbm"] = matcher.cbm(fields["cbm"], path, where)
                    meeting = Meeting.model_validate(fields)
                    if meeting.ordinal is not None and meeting.ordinal > MAX_ORDINAL:
                        errors.append(ordinal_error(meeting.ordinal, path, where))
                    elif len(meetings) >= MAX_MEETINGS:
                        raise RegisterError(f"holds more than {MAX_MEETINGS:,} events", path=path, expected=f"at most {MAX_MEETINGS:,} (see Limits in the README)")
                    else:
                        meetings.append(meeting)
                except ValidationError as exc:
                    errors.extend(validation_errors(exc, path, where, fields))
                except ValueError as exc:  # a date out of range, or one of ours (X-PLANNER-DATE) that is not a date
                    prop = exc.prop if isinstance(exc, EventDateError) else "X-PLANNER-DATE" if text(event, "X-PLANNER-DATE") else "DTSTART"
                    expected = exc.expected if isinstance(exc, EventDateError) and exc.expected else PARTIAL_EXPECTED
                    errors.append(RegisterError(f"{prop}: {exc}", path=path, location=where, expected=expected))
                if len(errors) >= 50:
                    raise _Enough
    except RegisterError as exc:
        errors.append(exc)
    except _Enough:
        pass
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors[:50])  # the first 50, as read
    return meetings


class _Enough(Exception):
    """Fifty problems are enough to show."""
