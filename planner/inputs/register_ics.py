"""An iCalendar file (an Outlook or Google export, or a feed of ours) -> register meetings.

How an event becomes a meeting:

* **Body.** Our ``X-PLANNER-BODY``; else any CATEGORIES value that is a body id, name or alias;
  else the longest body name or alias found as whole words in SUMMARY ("CICA Summit" beats
  "Summit"). Events that match no body are skipped and reported in one warning.
* **Dates.** All-day DTEND is exclusive (RFC 5545 3.6.1), the register's end is inclusive: DTEND
  14 October means a last day of 13 October. A timed event counts on its local date in its own
  zone; a UTC time is read in the organization's zone. Calendars that name their zone only in
  ``X-WR-TIMEZONE`` (Google, Outlook) are first made standard with ``x_wr_timezone``. Our
  ``X-PLANNER-DATE`` (``2026-10``) restores a meeting known only to the month or year, which a
  feed shows as a one-day event on the first day of its range (see :mod:`planner.outputs.ical`).
* **Status.** Our ``X-PLANNER-STATUS``; else STATUS:CANCELLED -> cancelled, and any other event
  is held if it ended before ``today``, planned otherwise (a calendar says nothing of whether a
  past TENTATIVE meeting took place; the date is the better witness).
* **Kind and ordinal.** ``X-PLANNER-KIND`` or a CATEGORIES value that is a kind (``special``);
  ``X-PLANNER-ORDINAL`` or an ordinal in SUMMARY (``7th Summit``, ``Seventh Summit``).
* **Venue.** LOCATION ``city, country``: the last part is the country, the one before it the city;
  a single part is a country when it names a member state, else a city.

icalendar's parser does not raise on bad values; it records them in ``component.errors``. Those
errors on the properties read here become :class:`RegisterError`, as do files that are empty,
binary or not iCalendar, and calendars without a dated VEVENT. Recurring events (RRULE) count
once, on their first occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import x_wr_timezone
from icalendar import Calendar, Event
from icalendar.parser import unescape_backslash
from pydantic import ValidationError

from planner.core.dates import PARTIAL_EXPECTED, PartialDate
from planner.core.errors import InputErrors, RegisterError
from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.inputs.inputfile import read_text
from planner.inputs.register import BodyMatcher, validation_errors

EXPECTED = "an iCalendar file (BEGIN:VCALENDAR ... END:VCALENDAR) with dated VEVENTs"
_READ = {"DTSTART", "DTEND", "DURATION", "SUMMARY", "STATUS", "CATEGORIES", "LOCATION", "URL"}
_ORDINAL_RE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE)
_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(_WORDS)}
_KINDS = {k.value: k for k in Kind}
_STATUSES = {s.value: s for s in Status}
_SHOWN = 10


def _decode(path: Path) -> str:
    text = read_text(path, RegisterError, what="iCalendar", saved_as="a UTF-8 .ics file", empty=EXPECTED)
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        first = text.lstrip().splitlines()[0][:60]
        raise RegisterError("is not iCalendar: it does not start with BEGIN:VCALENDAR", path=path, location=1, value=first, expected=EXPECTED)
    if not text.rstrip().upper().endswith("END:VCALENDAR"):
        raise RegisterError("is truncated: it does not end with END:VCALENDAR", path=path, location=text.rstrip().count("\n") + 1, expected="the whole file, as exported")
    return text


def parse_calendars(path: Path) -> list[Calendar]:
    """The calendars of an .ics file, with X-WR-TIMEZONE turned into standard time zones."""
    text = _decode(path)
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        problem = str(exc).splitlines()[0][:160]
        raise RegisterError(f"is not valid iCalendar: {problem}", path=path, expected=EXPECTED) from None
    result = []
    for cal in calendars:
        if cal.name != "VCALENDAR":
            raise RegisterError(f"holds a {cal.name} outside any VCALENDAR", path=path, expected=EXPECTED)
        try:
            result.append(x_wr_timezone.to_standard(cal))
        except Exception as exc:  # noqa: BLE001 - a third-party rewrite; any failure is the file's
            raise RegisterError(f"X-WR-TIMEZONE cannot be applied: {exc}", path=path, value=str(cal.get("X-WR-TIMEZONE", "")), expected="an IANA time zone, e.g. 'Asia/Almaty'") from None
    return result


def categories(event: Event) -> list[str]:
    """All CATEGORIES values: the property may repeat and each holds a list (RFC 5545 3.8.1.2)."""
    value = event.get("CATEGORIES")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(c).strip() for item in items for c in getattr(item, "cats", [item]) if str(c).strip()]


def _text(event: Event, name: str) -> str:
    value = event.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return ""
    # icalendar keeps unknown X- properties raw, but their default type is TEXT (RFC 5545 3.8.8.2)
    return (unescape_backslash(str(value)) if name.startswith("X-") else str(value)).strip()


def match_body(matcher: BodyMatcher, event: Event) -> str | None:
    """The body an event means: our property, a category, or the longest name in SUMMARY."""
    own = _text(event, "X-PLANNER-BODY")
    if own and matcher.match(own):
        return matcher.match(own)
    for category in categories(event):
        body = matcher.match(category)
        if body:
            return body
    title = _text(event, "SUMMARY").casefold()
    best: tuple[int, str] | None = None
    for name, body_id in matcher.by_name.items():
        if (best is None or len(name) > best[0]) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title):
            best = (len(name), body_id)
    return best[1] if best else None


def ordinal_in(title: str) -> int | None:
    """``7th Summit`` -> 7, ``Seventh Summit`` -> 7."""
    match = _ORDINAL_RE.search(title)
    if match and int(match.group(1)) >= 1:
        return int(match.group(1))
    for word in re.findall(r"[a-z]+", title.casefold()):
        if word in _ORDINAL_WORDS:
            return _ORDINAL_WORDS[word]
    return None


def _local(value: date, zone: tzinfo) -> date:
    """The calendar day of a DATE or DATE-TIME, in its own zone (UTC -> the organization's)."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        return value.date()  # floating time (RFC 5545 3.3.5 form #1): the same day everywhere
    if value.utcoffset() == timedelta(0) and getattr(value.tzinfo, "key", "UTC") in ("UTC", "Etc/UTC") or value.tzinfo is UTC:
        return value.astimezone(zone).date()
    return value.date()


def event_days(event: Event, zone: tzinfo) -> tuple[date, date]:
    """First and last (inclusive) day of an event."""
    start = event["DTSTART"].dt
    if "DTEND" in event:
        end = event["DTEND"].dt
    elif "DURATION" in event and isinstance(event["DURATION"].dt, timedelta):
        end = start + event["DURATION"].dt
    else:
        end = None
    first = _local(start, zone)
    if end is None:
        return first, first
    if isinstance(end, datetime):
        # Exports mix forms (an all-day DTSTART with a timed DTEND, a floating start with a
        # zoned end): compare calendar days, never a date with a datetime.
        last = _local(end - timedelta(microseconds=1), zone)
    else:
        last = end - timedelta(days=1)  # DTEND of an all-day event is exclusive
    return first, max(first, last)


def venue(location: str, book: RuleBook) -> tuple[str, str]:
    parts = [p.strip() for p in location.split(",") if p.strip()]
    if not parts:
        return "", ""
    if len(parts) == 1:
        return ("", parts[0]) if book.organization.member(parts[0]) else (parts[0], "")
    return parts[-2], parts[-1]


def _check(event: Event, path: Path, where: str) -> None:
    for name, problem in event.errors:
        if name is None or name.upper() in _READ or name.upper().startswith("X-PLANNER-"):
            raise RegisterError(f"{name or 'event'}: {problem}", path=path, location=where, expected="a value as RFC 5545 defines it")
    if "DTSTART" not in event:
        raise RegisterError("event has no DTSTART", path=path, location=where, expected="every VEVENT with a date")
    for name in ("DTSTART", "DTEND"):
        prop = event.get(name)
        if prop is not None and "TZID" in prop.params and isinstance(prop.dt, datetime) and prop.dt.tzinfo is None:
            raise RegisterError(f"{name}: unknown time zone", path=path, location=where, value=str(prop.params["TZID"]), expected="an IANA time zone or a VTIMEZONE in the file")


def meeting_fields(event: Event, body: str, book: RuleBook, today: date) -> dict[str, Any]:
    """The register fields of one matched event (validated by :class:`Meeting` afterwards)."""
    zone = ZoneInfo(book.organization.timezone)
    ours = "X-PLANNER-BODY" in event
    title = _text(event, "SUMMARY")
    fields: dict[str, Any] = {"body": body}
    partial = _text(event, "X-PLANNER-DATE")
    if partial:
        start_text, _, end_text = partial.partition("/")
        fields["start"] = start_text
        if end_text:
            fields["end"] = end_text
    else:
        first, last = event_days(event, zone)
        fields["start"] = PartialDate.of(first)
        if last != first:
            fields["end"] = PartialDate.of(last)
    status = _text(event, "X-PLANNER-STATUS").lower()
    if not status:
        last_day = PartialDate.coerce(fields.get("end", fields["start"])).latest
        status = "cancelled" if _text(event, "STATUS").upper() == "CANCELLED" else ("held" if last_day < today else "planned")
    fields["status"] = status
    kind = _text(event, "X-PLANNER-KIND").lower() or next((c.lower() for c in categories(event) if c.lower() in _KINDS), "regular")
    fields["kind"] = kind
    ordinal = _text(event, "X-PLANNER-ORDINAL")
    fields["ordinal"] = ordinal if ordinal or ours else ordinal_in(title)
    fields["city"], fields["country"] = venue(_text(event, "LOCATION"), book)
    fields["title"] = _text(event, "X-PLANNER-TITLE") if ours else title
    fields["source"] = _text(event, "URL") or _text(event, "X-PLANNER-SOURCE")
    fields["format"] = _text(event, "X-PLANNER-FORMAT") or None
    return {k: v for k, v in fields.items() if v not in ("", None)}


def read_ics_meetings(path: str | Path, book: RuleBook, warn: Callable[[str], None] | None = None, *, today: date | None = None) -> list[Meeting]:
    """Meetings of an .ics register, in file order. Events that match no body are skipped and
    named in one call of ``warn`` (the library never prints). ``today`` (default: the system
    date) decides held or planned for events without a status of ours."""
    path = Path(path)
    today = today or date.today()
    matcher = BodyMatcher(book)
    meetings: list[Meeting] = []
    unmatched: list[str] = []
    errors: list[RegisterError] = []
    events = [ev for cal in parse_calendars(path) for ev in cal.walk("VEVENT")]
    if not events:
        raise RegisterError("has no VEVENT", path=path, expected=EXPECTED)
    for i, event in enumerate(events):
        fields: dict[str, Any] = {}
        where = f"VEVENT {i + 1}" + (f" {_text(event, 'SUMMARY')!r}" if _text(event, "SUMMARY") else "")
        try:
            _check(event, path, where)
            body = match_body(matcher, event)
            if body is None:
                unmatched.append(_text(event, "SUMMARY") or f"VEVENT {i + 1}")
                continue
            fields = meeting_fields(event, body, book, today)
            meetings.append(Meeting.model_validate(fields))
        except RegisterError as exc:
            errors.append(exc)
        except ValidationError as exc:
            errors.extend(validation_errors(exc, path, where, fields))
        except ValueError as exc:  # a date of ours (X-PLANNER-DATE) that is not a date
            errors.append(RegisterError(f"X-PLANNER-DATE: {exc}", path=path, location=where, expected=PARTIAL_EXPECTED))
        if len(errors) >= 50:
            break
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    if unmatched and warn is not None:
        shown = ", ".join(repr(s) for s in unmatched[:_SHOWN])
        more = f" and {len(unmatched) - _SHOWN} more" if len(unmatched) > _SHOWN else ""
        warn(f"{path}: {len(unmatched)} event{'s' if len(unmatched) != 1 else ''} match no body and were skipped: {shown}{more}")
    return meetings
