"""The lines of a feed's VCALENDAR before its events and after them (RFC 5545 3.4, RFC 7986).

icalendar writes them (a ``Calendar`` and its properties, folded), which took some 0.2 ms a
feed: 0.7 s for the 3,400 feeds of a million-meeting register. The lines differ between the
feeds of one export only by the name, the caption and the source URL, so where these are plain
(printable ASCII that TEXT escaping leaves as it is, on lines too short to fold) a feed's head is
the head icalendar wrote once with stand-ins for them, the values put in their place; anything
else is written by icalendar as before (``tests/test_feed_lines.py`` compares the two).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from icalendar import Calendar
from icalendar.cal.timezone import Timezone

PRODID = "-//planner//Meeting cadence planner//EN"
TZ_FIRST, TZ_LAST = date(1970, 1, 1), date(2100, 1, 1)
END = b"END:VCALENDAR\r\n"
_PLAIN = re.compile(r"[ !#-+\--:<-\[\]-~]*").fullmatch  # printable ASCII but \ ; , and "
_STANDS = ("ZQNAMEQZ", "ZQCAPTIONQZ", "ZQSOURCEQZ")
_LONGEST = 73 - len("SOURCE;VALUE=URI:")  # a value on a line of at most 73 octets: never folded


def written(name: str, caption: str, source: str | None, zone: bytes) -> bytes:
    """The head as icalendar writes it (``zone``: the VTIMEZONE of an empty feed, or nothing)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.calendar_name = name  # NAME (RFC 7986 5.1) and X-WR-CALNAME
    cal.description = caption  # DESCRIPTION (RFC 7986 5.2) and X-WR-CALDESC
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    if source:
        cal.add("url", source, parameters={"VALUE": "URI"})
        cal.add("source", source, parameters={"VALUE": "URI"})
    return cal.to_ical()[: -len(END)] + zone


class Heads:
    """The heads of one export's feeds: :meth:`head` (see the module's text)."""

    def __init__(self, timezone: str) -> None:
        self.timezone = timezone
        self._zone: bytes | None = None
        self._forms: dict[tuple[bool, bool], list[str]] = {}  # (with a source, empty) -> the head cut at the stand-ins

    def zone(self) -> bytes:
        """The organization's VTIMEZONE, built to 2100 (past icalendar's 2038 default)."""
        if self._zone is None:
            self._zone = Timezone.from_tzid(self.timezone, first_date=TZ_FIRST, last_date=TZ_LAST).to_ical()
        return self._zone

    def head(self, name: str, caption: str, source: str | None, empty: bool) -> bytes:
        zone = self.zone() if empty else b""
        if not all(value is None or (len(value) <= _LONGEST and _PLAIN(value)) for value in (name, caption, source)):
            return written(name, caption, source, zone)
        key = (bool(source), empty)
        form = self._forms.get(key)
        if form is None:
            text = written(_STANDS[0], _STANDS[1], _STANDS[2] if source else None, zone).decode("utf-8")
            form = self._forms[key] = re.split(f"({'|'.join(_STANDS)})", text)
        values = {_STANDS[0]: name, _STANDS[1]: caption, _STANDS[2]: source or ""}
        return "".join(values.get(piece, piece) for piece in form).encode()
