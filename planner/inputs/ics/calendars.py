"""An .ics file read into its calendars: decoded and bounded (size, components, the lines
planner reads), what no reader asks for left out before icalendar parses it, X-WR-TIMEZONE made
standard, and zones whose changes would be costly to walk refused. The register
(:mod:`planner.inputs.ics.register_ics`) and the calendars to avoid
(:mod:`planner.inputs.ics.avoid`) read their files so."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import x_wr_timezone
from icalendar import Calendar, GloballyUniqueTZIDGuessed
from icalendar.timezone import tzp

from planner.core.errors import RegisterError
from planner.core.model import MAX_ZONE_PARTS, zone_too_deep
from planner.inputs.ics.durations import refuse_bad_durations
from planner.inputs.ics.ics_events import raw_value
from planner.inputs.inputfile import read_text
from planner.inputs.limits import (
    MAX_ICS_BYTES,
    MAX_ICS_COMPONENTS,
    MAX_ICS_LINES,
    MAX_ZONE_CHANGES,
    IcsLines,
)

__all__ = ["EXPECTED", "parse_calendars", "zone_guesses"]

EXPECTED = "an iCalendar file (BEGIN:VCALENDAR ... END:VCALENDAR) with dated VEVENTs"

_BEGIN = re.compile(r"^BEGIN:", re.IGNORECASE | re.MULTILINE)
# Properties no reader of planner's asks for (nor recurring-ical-events, nor x-wr-timezone), with
# their folded continuation lines: left out before icalendar parses the file, which builds
# each property as objects (about 25 us a line, and reads a line a character at a time). An
# Outlook export carries more of these than of the rest (ATTENDEE lists, X-ALT-DESC in HTML,
# X-MICROSOFT-*); 1,100,000 lines of X- properties in one event took 49 s and 990 MB. Their
# values were never read, so their damage was never an error either. X-PLANNER- (ours),
# X-WR- (calendar zone and name) and X-LIC- (zone locations) stay.
_UNREAD = re.compile(
    r"^(?:DTSTAMP|ATTENDEE|ORGANIZER|CREATED|LAST-MODIFIED|CLASS|PRIORITY|COMMENT|CONTACT|ATTACH|RELATED-TO|RESOURCES|GEO|REQUEST-STATUS"
    r"|X-(?!PLANNER-|WR-|LIC-)[A-Z0-9-]*)[;:][^\n]*\n(?:[ \t][^\n]*\n)*",
    re.IGNORECASE | re.MULTILINE,
)


def _decode(path: Path, shared: IcsLines | None = None) -> str:
    text = read_text(path, RegisterError, what="iCalendar", saved_as="a UTF-8 .ics file", empty=EXPECTED, limit=MAX_ICS_BYTES, folded=True)
    for count, begin in enumerate(_BEGIN.finditer(text), start=1):
        if count > MAX_ICS_COMPONENTS:
            line = text.count("\n", 0, begin.start()) + 1
            raise RegisterError(f"holds more than {MAX_ICS_COMPONENTS:,} components (BEGIN: lines)", path=path, location=line, expected=f"at most {MAX_ICS_COMPONENTS:,} events, time zones and other components (see Limits in the README)")
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        first = text.lstrip().splitlines()[0][:60]
        raise RegisterError("is not iCalendar: it does not start with BEGIN:VCALENDAR", path=path, location=1, value=first, expected=EXPECTED)
    if not text.rstrip().upper().endswith("END:VCALENDAR"):
        raise RegisterError("is truncated: it does not end with END:VCALENDAR", path=path, location=text.rstrip().count("\n") + 1, expected="the whole file, as exported")
    _refuse_unbalanced(text, path)
    _refuse_deep_zones(text, path)
    refuse_bad_durations(text, path)
    read = _UNREAD.sub("", text)
    lines = read.count("\n") + (not read.endswith("\n")) - read.count("\n ") - read.count("\n\t")  # unfolded
    if lines > MAX_ICS_LINES:
        raise RegisterError(
            f"holds {lines:,} content lines to read, more than {MAX_ICS_LINES:,}",
            path=path,
            expected=f"at most {MAX_ICS_LINES:,} lines of BEGIN:, END: and the properties planner reads (see Limits in the README)",
        )
    if shared is not None:
        shared.take(lines, path)
    return read


# a BEGIN: or END: line (its value possibly folded), at the start of the file or after any line break
_COMPONENT_MARK = re.compile(r"(?:^|(?<=[\r\n]))(BEGIN|END)[ \t]*:([^\r\n]*(?:(?:\r\n|\r|\n)[ \t][^\r\n]*)*)", re.IGNORECASE)
_BREAK = re.compile(r"\r\n|\r|\n")


def _refuse_unbalanced(text: str, path: Path) -> None:
    """Each BEGIN: closed by its own END:, in order (RFC 5545 3.4, 3.6). icalendar reads a file
    whose VEVENT is never closed (a hand-edited register, two exports pasted together) as no
    calendar at all, without a word: every meeting lost, and `check` judged them missed."""
    opened: list[tuple[str, int]] = []
    line, last = 1, 0
    for mark in _COMPONENT_MARK.finditer(text):
        line += len(_BREAK.findall(text, last, mark.start()))
        last = mark.start()
        name = re.sub(r"(?:\r\n|\r|\n)[ \t]", "", mark[2]).strip().upper()
        if mark[1].upper() == "BEGIN":
            opened.append((name, line))
            continue
        if not opened:
            raise RegisterError(f"END:{name[:60]} closes no component", path=path, location=line, expected=f"each END: after its BEGIN: ({EXPECTED})")
        begun, at = opened.pop()
        if begun != name:
            raise RegisterError(f"END:{name[:60]} closes the {begun[:60]} begun at line {at}", path=path, location=line, expected=f"END:{begun[:60]} first: each component closed by its own END, in order (RFC 5545 3.4)")
    if opened:
        begun, at = opened[-1]
        raise RegisterError(f"BEGIN:{begun[:60]} is never closed", path=path, location=at, expected=f"an END:{begun[:60]} for it before the END of what holds it (RFC 5545 3.4)")


_LISTED_VALUE = re.compile(r'^[^:\r\n]*;(VALUE=[^;:\r\n]*,[^;:\r\n]*)', re.IGNORECASE | re.MULTILINE)
_TZID = re.compile(r';TZID="?([^";:\r\n]*)|^(?:X-WR-TIMEZONE|TZID)(?:;[^:\r\n]*)?:([^\r\n]*)', re.IGNORECASE | re.MULTILINE)


def _refuse_deep_zones(text: str, path: Path) -> None:
    """A TZID (a parameter or a VTIMEZONE's) or an X-WR-TIMEZONE of more parts than any zone has
    is refused before icalendar (or x-wr-timezone) looks it up: zoneinfo imports a package a part, and 300 parts ended in a
    RecursionError traceback (see planner.core.model.MAX_ZONE_PARTS)."""
    for found in _TZID.finditer(text):
        name = found[1] if found[1] is not None else found[2]
        if zone_too_deep(name):
            shown = name if len(name) <= 60 else name[:57] + "..."
            what = "an X-WR-TIMEZONE" if found[0][:13].upper() == "X-WR-TIMEZONE" else "a TZID"
            raise RegisterError(f"has {what} of more than {MAX_ZONE_PARTS} parts, which names no time zone", path=path, location=text.count("\n", 0, found.start()) + 1, value=shown, expected="an IANA time zone, e.g. 'Asia/Almaty', or a VTIMEZONE of that name")


def _line_of(path: Path, found: str) -> int | None:
    """The line of the file at ``path`` where ``found`` (a content line's beginning, of the
    text icalendar was given: without the properties no reader asks for) stands."""
    text = read_text(path, RegisterError, what="iCalendar", saved_as="a UTF-8 .ics file", empty=EXPECTED, limit=MAX_ICS_BYTES, folded=True)
    at = text.find(found)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def parse_calendars(path: Path, shared: IcsLines | None = None, prune: Callable[[str], str] | None = None) -> list[Calendar]:
    """The calendars of an .ics file, with X-WR-TIMEZONE turned into standard time zones;
    ``shared``: the lines of the run's .ics files so far, this file's added; ``prune``: what
    of the text (counted against the limits whole) icalendar is given to parse."""
    text = _decode(path, shared)
    if prune is not None:
        text = prune(text)
    # icalendar keeps, for the whole process, the first VTIMEZONE of each TZID it parsed and the
    # zone it guessed for each vendor's TZID: a second file's own VTIMEZONE of that TZID was
    # ignored for the first file's, and a file naming it without defining it passed as known.
    # Each file is read with its own zones (use_zoneinfo is icalendar's default provider anew).
    tzp.use_zoneinfo()
    try:
        with warnings.catch_warnings():
            # said by zone_guesses, for every file: icalendar warns only the first time it
            # meets a TZID in a process (it keeps the zone it guessed under that TZID), and in
            # a library's words (the second of two --meetings or --avoid files went unnamed)
            warnings.simplefilter("ignore", GloballyUniqueTZIDGuessed)
            calendars = Calendar.from_ical(text, multiple=True)
    except OSError as exc:  # the zone lookup read a TZID as a file name: too long, a folder
        zone = str(exc.filename or "").rpartition("zoneinfo/")[2] or str(exc.filename)
        shown = zone if len(zone) <= 60 else zone[:57] + "..."
        raise RegisterError("has a TZID that names no time zone", path=path, value=shown, expected="an IANA time zone, e.g. 'Asia/Almaty', or a VTIMEZONE of that name") from None
    except ValueError as exc:
        # (a lone carriage return in the message cut it to "...parsed into parts: '")
        problem = str(exc).replace("\r", "\\r").replace("\n", "\\n")[:160]
        whole = read_text(path, RegisterError, what="iCalendar", saved_as="a UTF-8 .ics file", empty=EXPECTED, limit=MAX_ICS_BYTES, folded=True) if "'\r'" in str(exc) else ""
        lone = re.search(r"\r(?!\n)", whole) if "\n" in whole else None
        if lone is not None:  # a carriage return alone among lines ended by line feeds
            line = whole.count("\n", 0, lone.start()) + 1
            raise RegisterError("has a carriage return alone where a line should be", path=path, location=line, value="\r", expected="lines ended by CR LF (RFC 5545 3.1), or by LF") from None
        raise RegisterError(f"is not valid iCalendar: {problem}", path=path, expected=EXPECTED) from None
    except (AttributeError, TypeError) as exc:  # icalendar's parser on a value it takes for one: VALUE=DATE,X is a list
        listed = _LISTED_VALUE.search(text)
        if listed is not None:
            line = _line_of(path, listed[0])
            raise RegisterError("a VALUE parameter holds several values", path=path, location=line, value=listed[1], expected="one value type, e.g. VALUE=DATE (RFC 5545 3.2.20)") from None
        raise RegisterError(f"is not valid iCalendar: {exc}", path=path, expected=EXPECTED) from None
    result = []
    for cal in calendars:
        if cal.name != "VCALENDAR":
            raise RegisterError(f"holds a {cal.name} outside any VCALENDAR", path=path, expected=EXPECTED)
        _refuse_costly_zones(cal, path)
        given = cal.get("X-WR-TIMEZONE")
        if isinstance(given, list):  # (read as the list's repr: "No time zone found with key [vUnknown(b'...')...]")
            raise RegisterError(f"X-WR-TIMEZONE appears {len(given)} times", path=path, value=", ".join(str(zone)[:60] for zone in given[:3]), expected="one X-WR-TIMEZONE a calendar: the zone of its floating times")
        try:
            standard = x_wr_timezone.to_standard(cal)
        except OSError:  # the zone looked up as a file: a name too long for one (the message showed the path of tzdata)
            raise RegisterError("X-WR-TIMEZONE names no time zone", path=path, value=str(given)[:60], expected="an IANA time zone, e.g. 'Asia/Almaty'") from None
        except Exception as exc:  # noqa: BLE001 - a third-party rewrite; any failure is the file's
            raise RegisterError(f"X-WR-TIMEZONE cannot be applied: {exc}", path=path, value=str(given or "")[:60], expected="an IANA time zone, e.g. 'Asia/Almaty'") from None
        if standard is not cal:
            # the rewrite copies each event it moves into the zone without the parser's errors:
            # a DTSTART of 20280299 beside a floating DTEND then passed every check, and reading
            # its date raised BrokenCalendarProperty (a traceback, registers and --avoid alike)
            for old, new in zip(cal.walk(), standard.walk(), strict=False):
                if old.errors and not new.errors and old.name == new.name:
                    new.errors = list(old.errors)
        result.append(standard)
    return result


def _refuse_costly_zones(cal: Calendar, path: Path) -> None:
    """A VTIMEZONE's changes of offset are yearly (RFC 5545 3.6.5: its RRULEs are yearly rules,
    and every real zone writes them so). One that changes by the minute from the year 1000 is
    hundreds of millions of changes, which reading a time in that zone walks through: refused,
    as is a zone of more than MAX_ZONE_CHANGES changes listed one by one."""
    for z, zone in enumerate(cal.walk("VTIMEZONE")):
        where = f"VTIMEZONE {z + 1} {str(zone.get('TZID', ''))[:60]!r}"
        changes = 0
        for part in zone.subcomponents:
            changes += 1
            rules = part.get("RRULE")
            for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
                freq = str((rule.get("FREQ") or [""])[0]).upper()
                interval = (rule.get("INTERVAL") or [1])[0]
                if freq != "YEARLY" or not isinstance(interval, int) or interval < 1:
                    raise RegisterError(f"time zone {part.name} changes more often than once a year", path=path, location=where, value=raw_value(rule), expected="FREQ=YEARLY, as time zones change (RFC 5545 3.6.5)")
            dates = part.get("RDATE")
            for rdate in dates if isinstance(dates, list) else [dates] if dates is not None else []:
                changes += len(getattr(rdate, "dts", ()))
        if changes > MAX_ZONE_CHANGES:
            raise RegisterError(f"time zone has more than {MAX_ZONE_CHANGES:,} changes of offset", path=path, location=where, expected=f"at most {MAX_ZONE_CHANGES:,} STANDARD/DAYLIGHT parts and RDATEs (see Limits in the README)")


_ZONED = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE")


def zone_guesses(calendars: list[Calendar]) -> list[str]:
    """The TZIDs of the events that name an IANA zone behind a vendor's prefix, each said once
    as the zone it was read as: Thunderbird's "/mozilla.org/20070129_1/Asia/Almaty" is read as
    Asia/Almaty (RFC 5545 3.2.19: a globally unique TZID need not name a zone any reader
    knows; icalendar strips the prefix, and the guess may be wrong). A TZID a VTIMEZONE of
    the file defines is no guess."""
    defined = {str(zone.get("TZID", "")) for cal in calendars for zone in cal.walk("VTIMEZONE")}
    guessed: dict[str, str] = {}
    for cal in calendars:
        for event in cal.walk("VEVENT"):
            broken = {str(name).upper() for name, _ in event.errors if name}  # (the reader says what is wrong)
            for name in _ZONED:
                if name in broken:
                    continue
                props = event.get(name)
                for prop in props if isinstance(props, list) else [props]:
                    tzid = str(getattr(prop, "params", {}).get("TZID", ""))
                    if not tzid or tzid in defined or tzid in guessed:
                        continue
                    values = [prop.dt] if hasattr(prop, "dt") else [getattr(d, "dt", None) for d in getattr(prop, "dts", ())]
                    for value in values:
                        key = getattr(getattr(value, "tzinfo", None), "key", None) if isinstance(value, datetime) else None
                        clean = tzid.strip("/")
                        if key and clean != key and clean.endswith(f"/{key}"):
                            guessed[tzid] = key
                            break
    return [
        f"Timezone {tzid!r} is a globally unique TZID; guessing it means {key!r} by stripping the vendor prefix. This may be wrong"
        for tzid, key in guessed.items()
    ]
