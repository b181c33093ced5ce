"""The busy events of a calendar to avoid that lie plainly outside the horizon, left out before
icalendar parses the file.

icalendar builds every content line as objects (some 40 us a line on this project's machines):
a calendar of 40,000 busy days in 200,000 lines, within every limit, took 8-11 s of CPU in
``project --avoid``, though the horizon held a tenth of them. :mod:`planner.inputs.ics.avoid`
reads such an event only to skip it. An event is left out here only when nothing about it can
matter: one VEVENT, no other component inside, no recurrence (RRULE, RDATE, EXDATE, EXRULE,
RECURRENCE-ID) and no DURATION; its UID its own in the file; one DTSTART and at most one DTEND,
each a plain DATE or DATE-TIME of a year from 1000 to 9998; every line a well-formed content
line; and its days, a day wider on each side (X-WR-TIMEZONE may move an instant across
midnight), before the horizon's first day or after its last. Anything else is parsed as before,
so every message about an event reads as it did, with the number it had in its calendar.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import available_timezones

from icalendar.parser.content_line import NEWLINE, UFOLD

_BEGIN_END = re.compile(r"(BEGIN|END)(?:;[^:]*)?:(.*)", re.IGNORECASE)
_UID = re.compile(r"UID(?:;[^:]*)?:(.*)", re.IGNORECASE)
_UIDS = re.compile(r"^UID(?:;[^:\r\n]*)?:([^\r\n]*?)\r?$", re.IGNORECASE | re.MULTILINE)
_PARAM = r"[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^\";:,]*)(?:,(?:\"[^\"]*\"|[^\";:,]*))*"
_LINE = re.compile(rf"[A-Za-z0-9-]+(?:;{_PARAM})*:")
_SERIES = re.compile(r"(?:RRULE|RDATE|EXDATE|EXRULE|RECURRENCE-ID|DURATION)[;:]", re.IGNORECASE)
_WHEN = re.compile(r"(DTSTART|DTEND)(?:;VALUE=DATE:(\d{8})|(?:;VALUE=DATE-TIME)?(?:;TZID=([A-Za-z0-9/_+-]+))?:(\d{8})T(\d{6})Z?)", re.IGNORECASE)


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _day(digits: str, time: str | None) -> date | None:
    try:
        day = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if time is not None:
            datetime(day.year, day.month, day.day, int(time[:2]), int(time[2:4]), int(time[4:]))
    except ValueError:
        return None
    return day if 1000 <= day.year <= 9998 else None


def _may_end_before_start(start: date, end: date, began: tuple[str | None, tuple[str | None, bool]], ended: tuple[str | None, tuple[str | None, bool]]) -> bool:
    """Whether an event's DTEND may come before its DTSTART, as load_avoid compares them: by
    day when one is a DATE; as written when both are times of one zone or one is floating;
    times of two zones (up to 26 hours apart) are left to icalendar when two days or less apart."""
    if end < start:
        return True
    (start_time, start_zone), (end_time, end_zone) = began, ended
    if start_time is None or end_time is None:
        return False
    if start_zone == end_zone or start_zone == (None, False) or end_zone == (None, False):
        return (end, end_time) < (start, start_time)
    return end <= start + timedelta(days=2)


def _outside(block: list[str], uids: Counter[str], first: date, last: date) -> bool:
    """Whether an event (its lines between BEGIN and END) is one to leave out unread: see the
    module. Its DTSTART first, so that an event inside the horizon costs a glance."""
    found: dict[str, date] = {}
    written: dict[str, tuple[str | None, tuple[str | None, bool]]] = {}  # each one's time and zone as written
    for line in block:
        if line[:2] in ("DT", "dt", "Dt", "dT"):
            when = _WHEN.fullmatch(line)
            if when is None:
                if re.match(r"(?i)DT(?:START|END)[;:]", line):
                    return False  # a TZID of other characters, a PERIOD, a time of day...
                continue
            name = when[1].upper()
            day = _day(when[2] or when[4], None if when[2] else when[5])
            if day is None or name in found or (when[3] is not None and when[3] not in _zones()):
                return False
            found[name] = day
            written[name] = (None if when[2] else when[5], (when[3], line[-1:] in "Zz"))
    start = found.get("DTSTART")
    if start is not None and "DTEND" in found and _may_end_before_start(start, found["DTEND"], written["DTSTART"], written["DTEND"]):
        return False  # (an event that ends before it starts is refused, in or out of the horizon)
    if start is None or (start - timedelta(days=1) <= last and max(start, found.get("DTEND", start)) + timedelta(days=1) >= first):
        return False
    uid = None
    for line in block:
        if not _LINE.match(line) or _SERIES.match(line) or _BEGIN_END.match(line):
            return False
        if line[:3].upper() == "UID" and _UID.match(line):
            if uid is not None:
                return False
            uid = _UID.match(line)[1]  # type: ignore[index]
    return uid is not None and uids[uid] == 1


_NAME = re.compile(r"[A-Za-z0-9-]+")
# a DATE, or a DATE-TIME in UTC, floating or in an IANA zone: (date, zone, digits, time, Z)
_WHEN_PLAIN = r";VALUE=DATE:(\d{8})|(?:;VALUE=DATE-TIME)?(?:;TZID=([A-Za-z0-9/_+-]+))?:(\d{8})T(\d{6})(Z?)"
_PLAIN = {"DTSTART": re.compile(rf"DTSTART(?:{_WHEN_PLAIN})"), "DTEND": re.compile(rf"DTEND(?:{_WHEN_PLAIN})"), "UID": re.compile(r"UID:(.*)"), "SUMMARY": re.compile(r"SUMMARY:([^\\]*)"), "TRANSP": re.compile(r"TRANSP:([^\\]*)"), "STATUS": re.compile(r"STATUS:([^\\]*)")}
_X_WR_TIMEZONE = re.compile(r"^X-WR-TIMEZONE[;:]", re.IGNORECASE | re.MULTILINE)
_ANY_SERIES = re.compile(r"^(?:RRULE|RDATE|EXDATE|EXRULE|RECURRENCE-ID)[;:]", re.IGNORECASE | re.MULTILINE)

Busy = tuple[date, date, str]


def _plain_event(block: list[str], uids: Counter[str], timed: bool = False) -> Busy | bool:
    """A plain event read as load_avoid reads it, without icalendar: its first and last day and
    its summary; ``True``: one of no busy day (transparent, cancelled); ``False``: not plain
    (anything but one DTSTART and at most one DTEND of VALUE=DATE, a UID of its own, and
    SUMMARY, TRANSP and STATUS without parameters or escapes, each at most once), for icalendar.
    With ``timed`` (a file without X-WR-TIMEZONE, which would move its instants), DTSTART and
    DTEND may also be DATE-TIMEs of one form (both UTC, both floating or both in one IANA
    zone): the days as written, an end at midnight not taking its day (40,000 timed events of
    a meeting calendar took 9 s to parse, most of a `project --avoid`)."""
    found: dict[str, re.Match[str]] = {}
    for line in block:
        if not _LINE.match(line) or _SERIES.match(line):
            return False
        name = _NAME.match(line)[0].upper()  # type: ignore[index]
        plain = _PLAIN.get(name)
        if plain is None:
            if name.startswith(("BEGIN", "END", "DT")):
                return False
            continue
        value = plain.fullmatch(line)
        if value is None or name in found:
            return False
        found[name] = value
    if "DTSTART" not in found or "UID" not in found or uids[found["UID"][1]] != 1:
        return False
    text = {name: found[name][1] for name in ("SUMMARY", "TRANSP", "STATUS") if name in found}
    when = found["DTSTART"]
    if when[1] is None:  # a DATE-TIME
        span = _timed(when, found.get("DTEND")) if timed else None
        if span is None:
            return False
        start, last = span
    else:
        start = _day(when[1], None)
        end = found.get("DTEND")
        if end is not None and end[1] is None:  # (a DATE-TIME end of a DATE start)
            return False
        end_day = _day(end[1], None) if end is not None else start
        if start is None or end_day is None or end_day < start:
            return False  # (an end before the start: refused by load_avoid, in its words)
        last = end_day - timedelta(days=1)  # (an end DATE is exclusive: RFC 5545 3.6.1)
    if text.get("TRANSP", "OPAQUE").upper() == "TRANSPARENT" or text.get("STATUS", "").upper() == "CANCELLED":
        return True
    return start, max(start, last), text.get("SUMMARY", "").strip() or "busy"


def _timed(start: re.Match[str], end: re.Match[str] | None) -> tuple[date, date] | None:
    """First and last day of a timed event as load_avoid's ``_days`` finds them, or ``None``
    when the two are not of one form (an end DATE, another zone, a zone not known by name)."""
    zone = start[2], start[5]
    if zone[0] is not None and (zone[1] or zone[0] not in _zones()):
        return None  # (a TZID with a Z: icalendar's to say)
    begins = _moment(start[3], start[4])
    if begins is None:
        return None
    if end is None:
        return begins.date(), begins.date()
    ends = _moment(end[3], end[4]) if end[1] is None and (end[2], end[5]) == zone else None
    if ends is None or ends < begins:  # (an end before the start: refused by load_avoid)
        return None
    # (an event ending at midnight does not take the day it ends on; in one zone, instants
    # compare as their wall times do)
    return begins.date(), (ends - timedelta(microseconds=1)).date() if ends > begins else begins.date()


def _moment(digits: str, time: str) -> datetime | None:
    if _day(digits, time) is None:
        return None
    return datetime(int(digits[:4]), int(digits[4:6]), int(digits[6:]), int(time[:2]), int(time[2:4]), int(time[4:]))  # noqa: DTZ001 (wall time as written)


def prune_outside(text: str, first: date, last: date) -> tuple[str, list[list[int]] | None, list[Busy]]:
    """``text`` without the events that cannot touch ``[first, last]`` (see the module), and for
    each calendar the number each remaining VEVENT had in it (1 for its first); ``None``: none
    left out, the text as it was. In a file without a series, a plain all-day event is read here
    (:func:`_plain_event`): its busy days, when they touch ``[first, last]``, are the third item."""
    unfolded = UFOLD.sub("", text) if "\n " in text or "\n\t" in text else text
    lines = [line for line in NEWLINE.split(unfolded) if line]
    uids = Counter(_UIDS.findall(unfolded))
    plain = _ANY_SERIES.search(unfolded) is None
    timed = _X_WR_TIMEZONE.search(unfolded) is None
    busy: list[Busy] = []
    kept: list[str] = []
    numbers: list[list[int]] = []
    depth, start, number, count, dropped = 0, -1, 0, 0, False
    for i, line in enumerate(lines):
        mark = _BEGIN_END.match(line) if line[:1] in "BbEe" else None
        if mark is not None:
            begin, what = mark[1].upper() == "BEGIN", mark[2].strip().upper()
            if begin and depth == 0 and what == "VCALENDAR":
                numbers.append([])
                count = 0
            if begin and what == "VEVENT":
                count += 1
                if depth == 1:
                    start, number = i, count
                elif start < 0 and numbers:  # (a VEVENT inside another component)
                    numbers[-1].append(count)
            depth += 1 if begin else -1
            if depth < 0:  # END before BEGIN: icalendar says what is wrong with the file
                return text, None, []
            if depth == 1 and not begin and start >= 0:
                read = what == "VEVENT" and (_outside(lines[start + 1 : i], uids, first, last) or (plain and _plain_event(lines[start + 1 : i], uids, timed)))
                if read:
                    dropped = True
                    if isinstance(read, tuple) and read[1] >= first and read[0] <= last:
                        busy.append(read)
                else:
                    kept.extend(lines[start : i + 1])
                    if numbers:  # (the VEVENTs inside it come after it, as icalendar walks them)
                        numbers[-1].extend(range(number, count + 1))
                start = -1
                continue
        if start < 0:
            kept.append(line)
    if depth != 0 or not dropped:
        return text, None, []
    return "\r\n".join(kept) + "\r\n", numbers, busy
