"""One VEVENT (or one occurrence of a series) -> the fields of one register meeting.

How an event becomes a meeting:

* **Body.** Our ``X-PLANNER-BODY``; else any CATEGORIES value that is a body id, name or alias;
  else the longest body name or alias found as *whole words* in SUMMARY ("CICA Summit" beats
  "Summit"; "Summitry workshop" is no Summit). A title that names a body but is about something
  around the meeting ("Youth Council planning call", "Pre-Summit briefing") is not a meeting of
  it, unless the rule book makes that title an alias (:mod:`planner.inputs.ics.titles`).
* **Dates.** All-day DTEND is exclusive (RFC 5545 3.6.1), the register's end is inclusive: DTEND
  14 October means a last day of 13 October. A timed event counts on its local date in its own
  zone; a UTC time is read in the organization's zone; a timed event shorter than 24 hours that
  crosses midnight (a late session until 01:00) is a one-day meeting on its start date. Our
  ``X-PLANNER-DATE`` (``2026-10``) restores a meeting known only to the month or year.
* **Status.** Our ``X-PLANNER-STATUS``; else STATUS:CANCELLED -> cancelled, and any other event
  is held if it ended before ``today``, planned otherwise (a calendar says nothing of whether a
  past TENTATIVE meeting took place; the date is the better witness).
* **Kind.** ``X-PLANNER-KIND``; else a CATEGORIES value that is a kind (``special``); else a kind
  word in SUMMARY (informal, special, extraordinary; an emergency meeting is extraordinary).
* **Ordinal.** ``X-PLANNER-ORDINAL`` or an ordinal in SUMMARY (``7th Summit``, ``Seventh
  Summit``), except in the occurrences of a recurring series, which all share one SUMMARY.
* **Id.** The event's UID (with the day of the occurrence in a series), so a meeting keeps its
  calendar UID in our feeds when its date is corrected in the source calendar; ``X-PLANNER-ID``
  in a feed of ours.
* **Venue.** An online LOCATION (Teams, Zoom, Meet, Webex, Skype, a URL) gives ``format =
  online`` and no city; online beside a place (``Astana; Microsoft Teams Meeting``) is hybrid.
  Otherwise ``city, country``: the last part is the country, the one before it the city; a single
  part is a country when it names a member state, else a city.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Event
from icalendar.parser import unescape_backslash

from planner.core.dates import MAX_YEAR, MIN_YEAR, PartialDate
from planner.core.model import Kind, RuleBook
from planner.inputs.limits import MAX_CELL
from planner.inputs.rows import split_documents

# [0-9], not \d: a digit of another script may look like another digit (Bengali '৪' is 4)
_ORDINAL_RE = re.compile(r"\b([0-9]{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE)
_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_WORDS)}
_KINDS = {k.value: k for k in Kind}
# Title words that make a kind when CATEGORIES says none: an emergency session is what rule
# books call extraordinary.
_KIND_WORDS = {"informal": "informal", "special": "special", "extraordinary": "extraordinary", "emergency": "extraordinary"}
_ONLINE_RE = re.compile(r"\b(?:microsoft teams|teams|zoom|google meet|meet|webex|skype)\b|https?://|\bwww\.", re.IGNORECASE)
_LOCATION_SPLIT = re.compile(r";|\s/\s|\n")


# icalendar's components keep their property names upper-cased (CaselessDict); the names asked
# for here are upper case already, so a plain dict look-up finds them without the component's
# case folding and the KeyError it raises for every property an event lacks (most of ours)
_prop = dict.get


def categories(event: Event) -> list[str]:
    """All CATEGORIES values: the property may repeat and each holds a list (RFC 5545 3.8.1.2)."""
    value = _prop(event, "CATEGORIES")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(c).strip() for item in items for c in getattr(item, "cats", [item]) if str(c).strip()]


def text(event: Event, name: str) -> str:
    """The text of property ``name`` (upper case), "" when the event has none."""
    value = _prop(event, name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return ""
    # icalendar keeps unknown X- properties raw, but their default type is TEXT (RFC 5545 3.8.8.2)
    return (unescape_backslash(str(value)) if name.startswith("X-") else str(value)).strip()


def raw_value(prop: Any) -> str:
    """A property's value as the file gives it (its iCalendar text), for error messages."""
    raw = prop.to_ical() if hasattr(prop, "to_ical") else prop
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def value_problem(event: Any, name: str | None, problem: str) -> tuple[str, str | None, str]:
    """What icalendar found wrong with an event's property ``name`` (``problem``, one of its
    ``errors``), as the words of a message, the bad value and what was expected. A TZID
    parameter of several zones (``DTSTART;TZID=Asia/Almaty,Europe/Vienna:...``) fails the
    datetime, which icalendar blames: the parameter is named, with its zones."""
    prop = event.get(name) if name else None
    params = getattr(prop, "params", None) if not isinstance(prop, list) else None
    zones = params.get("TZID") if params is not None else None
    if isinstance(zones, list | tuple) and len(zones) > 1:
        return f"{name}: its TZID parameter names {len(zones)} time zones", ",".join(map(str, zones))[:120], "one time zone, e.g. TZID=Asia/Almaty (RFC 5545 3.2.19)"
    bad = _BAD_DATE.search(problem) if name else None
    if bad is not None:  # ("Wrong date format 20260230": which part of it is wrong, in a register's words)
        return f"{name}: {'UNTIL ' if name.upper() == 'RRULE' else ''}{_why_no_date(bad[1])}", bad[1][:60], "a DATE (20261012) or DATE-TIME (20261012T090000Z) that exists (RFC 5545 3.3.4, 3.3.5)"
    return f"{name or 'event'}: {problem}", None, "a value as RFC 5545 defines it"


# icalendar's words for a DATE or DATE-TIME it cannot read, and the value
_BAD_DATE = re.compile(r"^(?:Wrong date(?:time)? format:? |Expected time, got: )(\S+)$")
_DATE_PARTS = re.compile(r"(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)Z?)?")


def _why_no_date(value: str) -> str:
    """Why ``value`` is no DATE or DATE-TIME: its month, day or time of day, when it has the
    form of one."""
    parts = _DATE_PARTS.fullmatch(value)
    if parts is None:
        return "is not a date of the form YYYYMMDD or YYYYMMDDTHHMMSS"
    year, month, day = int(parts[1]), int(parts[2]), int(parts[3])
    if not 1 <= month <= 12:
        return f"has no month {month}"
    last = calendar.monthrange(max(year, 1), month)[1]
    if not 1 <= day <= last:
        return f"is not a real date: {calendar.month_name[month]} {year} has {last} days" if day else "has no day 0"
    if parts[4] is not None and (int(parts[4]) > 23 or int(parts[5]) > 59 or int(parts[6]) > 60):
        return "is not a time of day (hours 00 to 23, minutes and seconds 00 to 59)"
    return "is not a date icalendar can read"


def _words(value: str) -> list[str]:
    return re.findall(r"\w+", value.casefold())


def ordinal_in(title: str) -> int | None:
    """``7th Summit`` -> 7, ``Seventh Summit`` -> 7."""
    match = _ORDINAL_RE.search(title)
    if match and int(match.group(1)) >= 1:
        return int(match.group(1))
    for word in _words(title):
        if word in _ORDINAL_WORDS:
            return _ORDINAL_WORDS[word]
    return None


def kind_of(event: Event) -> str:
    """Our X-PLANNER-KIND, a CATEGORIES kind, a kind word of the title, else regular."""
    own = text(event, "X-PLANNER-KIND").lower()
    if own:
        return own
    for category in categories(event):
        if category.lower() in _KINDS:
            return category.lower()
    return next((_KIND_WORDS[w] for w in _words(text(event, "SUMMARY")) if w in _KIND_WORDS), "regular")


def _local(value: date, zone: tzinfo) -> date:
    """The calendar day of a DATE or DATE-TIME, in its own zone (UTC -> the organization's)."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        # floating time (RFC 5545 3.3.5 form #1), or a zone nobody knows: the day as written
        return value.date()
    if value.utcoffset() == timedelta(0) and getattr(value.tzinfo, "key", "UTC") in ("UTC", "Etc/UTC") or value.tzinfo is UTC:
        return value.astimezone(zone).date()
    return value.date()


def _end(event: Event) -> date | None:
    """Where an event ends as the file says it (DTEND, or DTSTART + DURATION), or ``None``."""
    if "DTEND" in event:
        return event["DTEND"].dt
    if "DURATION" in event and isinstance(event["DURATION"].dt, timedelta):
        return event["DTSTART"].dt + event["DURATION"].dt
    return None


def refuse_end_before_start(event: Event, zone: tzinfo) -> None:
    """An :class:`EventDateError` for an event that ends before it starts: damage (RFC 5545
    3.6.1: DTEND is after DTSTART), refused as a CSV row whose end is before its start is."""
    end = _end(event)
    if end is not None and _before(end, event["DTSTART"].dt, zone):
        prop = "DTEND" if "DTEND" in event else "DURATION"
        said = raw_value(event[prop])
        raise EventDateError(prop, f"the event ends before it starts (got {said[:40]!r}, DTSTART {raw_value(event['DTSTART'])[:40]!r})", expected=f"a {prop} that ends the event after its DTSTART")


def event_days(event: Event, zone: tzinfo) -> tuple[date, date]:
    """First and last (inclusive) day of an event."""
    start = event["DTSTART"].dt
    end = _end(event)
    first = _local(start, zone)
    if end is None:
        return first, first
    refuse_end_before_start(event, zone)
    if isinstance(end, datetime):
        if isinstance(start, datetime) and _span(start, end) < timedelta(hours=24):
            return first, first  # a late session past midnight is still that day's meeting
        # Exports mix forms (an all-day DTSTART with a timed DTEND, a floating start with a
        # zoned end): compare calendar days, never a date with a datetime.
        last = _local(end - timedelta(microseconds=1), zone)
    else:
        last = end - timedelta(days=1)  # DTEND of an all-day event is exclusive
    return first, max(first, last)


def _before(end: date, start: date, zone: tzinfo) -> bool:
    """Whether an event's end comes before its start: two days, or two times of day (in their
    zones, or as written when one of them has none). A date beside a time is compared by the
    day the time falls on (:func:`_local`)."""
    if isinstance(end, datetime) and isinstance(start, datetime):
        return _span(start, end) < timedelta(0)
    return _local(end, zone) < _local(start, zone)


def _span(start: datetime, end: datetime) -> timedelta:
    if (start.tzinfo is None) != (end.tzinfo is None):
        return end.replace(tzinfo=None) - start.replace(tzinfo=None)
    return end - start


def venue(location: str, book: RuleBook) -> tuple[str, str, str]:
    """``(city, country, format)`` of a LOCATION; format is ``online``, ``hybrid`` or empty."""
    parts = [p.strip() for p in _LOCATION_SPLIT.split(location) if p.strip()]
    places = [p for p in parts if not _ONLINE_RE.search(p)]
    online = len(places) < len(parts)
    if not places:
        return "", "", "online" if online else ""
    names = [p.strip() for p in places[0].split(",") if p.strip()]
    fmt = "hybrid" if online else ""
    if not names:
        return "", "", fmt
    if len(names) == 1:
        return ("", names[0], fmt) if book.organization.member(names[0]) else (names[0], "", fmt)
    return names[-2], names[-1], fmt


def _out_of_range(event: Event, prop: str, which: str, day: date, zone: ZoneInfo) -> str:
    """What the file says and the day it makes (a DTEND is exclusive, a DURATION counts from
    DTSTART, a time is read in the organization's zone): the value alone misled."""
    value = event.get(prop)
    said = value.to_ical().decode("utf-8", "replace") if hasattr(value, "to_ical") else str(value)
    return f"{said[:40]!r} makes the event's {which} day {day.isoformat()} (in {zone.key}), out of range: years {MIN_YEAR} to {MAX_YEAR}"


class EventDateError(ValueError):
    """A day of an event no register accepts, with the property it comes from (DTEND or
    DURATION for the last day: an error naming DTSTART would point at the wrong line)."""

    def __init__(self, prop: str, message: str, expected: str | None = None) -> None:
        super().__init__(message)
        self.prop = prop
        self.expected = expected


def meeting_fields(event: Event, body: str, book: RuleBook, today: date, *, in_series: bool = False) -> dict[str, Any]:
    """The register fields of one matched event (validated by :class:`Meeting` afterwards)."""
    zone = ZoneInfo(book.organization.timezone)
    ours = "X-PLANNER-BODY" in event
    title = text(event, "SUMMARY")
    fields: dict[str, Any] = {"body": body}
    partial = text(event, "X-PLANNER-DATE")
    if partial:
        start_text, _, end_text = partial.partition("/")
        fields["start"] = start_text
        if end_text:
            fields["end"] = end_text
    else:
        ends = "DTEND" if "DTEND" in event else "DURATION"
        try:
            first, last = event_days(event, zone)
        except OverflowError:
            raise EventDateError(ends, "the event ends after the year 9999") from None
        # coerce, not of(): the same years as CSV and JSON registers (1000 to 2999)
        try:
            fields["start"] = PartialDate.coerce(first)
        except ValueError:
            raise EventDateError("DTSTART", _out_of_range(event, "DTSTART", "first", first, zone)) from None
        if last != first:
            try:
                fields["end"] = PartialDate.coerce(last)
            except ValueError:  # the last day, out of range: name what set it
                raise EventDateError(ends, _out_of_range(event, ends, "last", last, zone)) from None
    status = text(event, "X-PLANNER-STATUS").lower()
    if not status:
        last_day = PartialDate.coerce(fields.get("end", fields["start"])).latest
        status = "cancelled" if text(event, "STATUS").upper() == "CANCELLED" else ("held" if last_day < today else "planned")
    fields["status"] = status
    fields["kind"] = kind_of(event)
    ordinal = text(event, "X-PLANNER-ORDINAL")
    fields["ordinal"] = ordinal if ordinal or ours or in_series else ordinal_in(title)
    fields["city"], fields["country"], found_format = venue(text(event, "LOCATION"), book)
    fields["title"] = text(event, "X-PLANNER-TITLE") if ours else title
    # (planner writes a source with words after its address whole in X-PLANNER-SOURCE, the
    # address alone in URL: outputs/calendar/lines.py, source_url)
    fields["source"] = text(event, "X-PLANNER-SOURCE") or text(event, "URL")
    fields["format"] = text(event, "X-PLANNER-FORMAT") or found_format or None
    fields["documents"] = split_documents(text(event, "X-PLANNER-DOCUMENTS") or documents_line(text(event, "DESCRIPTION")))
    fields["cbm"] = text(event, "X-PLANNER-CBM")
    fields["id"] = text(event, "X-PLANNER-ID") if ours else external_id(event, in_series)
    return {k: v for k, v in fields.items() if v not in ("", None, ())}


# the property each text of a meeting is read from, and the text, to name it where it is too long
_PROPERTY = {
    "title": ("SUMMARY", "the title"),
    "city": ("LOCATION", "the city"),
    "country": ("LOCATION", "the country"),
    "documents": ("DESCRIPTION", "a document"),
    "source": ("URL", "the source"),
    "id": ("UID", "the id"),
}


def too_long_text(fields: dict[str, Any]) -> str | None:
    """What is wrong with a text of an event's meeting past a CSV cell's length (a LOCATION of
    30 MB took minutes to show in `check`'s text, and was written four times to the feeds)."""
    for field, value in fields.items():
        longest = max((len(v) for v in value if isinstance(v, str)), default=0) if isinstance(value, tuple | list) else len(value) if isinstance(value, str) else 0
        if longest > MAX_CELL:
            prop, what = _PROPERTY.get(field, (field, "the text"))
            return f"{prop}: {what} it gives is longer than {MAX_CELL:,} characters ({longest:,})"
    return None


def external_id(event: Event, in_series: bool) -> str:
    """Another calendar's identity of the event: its UID, and for one occurrence of a series the
    day it was scheduled for (RECURRENCE-ID, which a moved occurrence keeps)."""
    uid = text(event, "UID")
    if not uid or not in_series:
        return uid
    when = event.get("RECURRENCE-ID") or event.get("DTSTART")
    value = getattr(when, "dt", None)
    day = value.date() if isinstance(value, datetime) else value
    return f"{uid}/{day.isoformat()}" if isinstance(day, date) else uid


def documents_line(description: str) -> str:
    """The documents a meeting adopted, from a ``Documents: A; B`` line of DESCRIPTION (the line
    planner writes, and one a person can type in any calendar client)."""
    for line in description.splitlines():
        if line.casefold().startswith("documents:"):
            return line.partition(":")[2].strip()
    return ""
