"""A small, strict writer of iCalendar content lines (RFC 5545 3.1), for the feeds' VEVENTs.

Why not icalendar here: it has no streaming writer. Serializing an event through it means an
``Event`` object, a value object per property, a ``Contentline`` per property and a fold of each
line, which is most of the time of ``planner ics`` on a large register (a million events took
minutes and gigabytes). The feeds need only a fixed set of properties of known types (TEXT,
DATE, UTC DATE-TIME, INTEGER, URI), so each line is written directly:

* TEXT is escaped as RFC 5545 3.3.11 says: backslash, semicolon and comma take a backslash, a
  line break (CRLF, LF or a lone CR) becomes ``\\n``. (icalendar first turns a literal ``\\N`` of
  the text into a line break; this writer keeps it as text.)
* Lines longer than 75 octets are folded (3.1): CRLF and a space, never inside a UTF-8
  sequence, and, as icalendar does, never right after a backslash or a caret, so an escape is
  never split across lines. The bytes are those icalendar writes for the same event
  (``tests/ical/test_feed_lines.py`` compares them, and parses the feeds back with icalendar).
* Properties come in icalendar's order for a VEVENT: SUMMARY, DTSTART, DTEND, DTSTAMP, UID,
  SEQUENCE, then the others alphabetically.

icalendar still parses every feed (register reading, revisions from feeds, the tests), writes
the tombstones, and builds the events that ``planner publish`` sends.

Feed heads (:class:`Heads`), the lines of a feed's VCALENDAR before its events and after them
(RFC 5545 3.4, RFC 7986): icalendar writes them (a ``Calendar`` and its properties, folded), which took some 0.2 ms a
feed: 0.7 s for the 3,400 feeds of a million-meeting register. The lines differ between the
feeds of one export only by the name, the caption and the source URL, so where these are plain
(printable ASCII that TEXT escaping leaves as it is, on lines too short to fold) a feed's head is
the head icalendar wrote once with stand-ins for them, the values put in their place; anything
else is written by icalendar as before (``tests/ical/test_feed_lines.py`` compares the two).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar
from icalendar.cal.timezone import Timezone


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    if "\\" not in text and ";" not in text and "," not in text and "\n" not in text and "\r" not in text:
        return text
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """``line`` folded at 75 octets (RFC 5545 3.1), with the CRLF that ends it."""
    if len(line) <= 74 and line.isascii():
        return line + "\r\n"
    if line.isascii():
        cuts = line[73:-1:74]  # the last character of each 74-octet part but the last
        if "\\" not in cuts and "^" not in cuts:  # no cut after an escape: as below
            if len(line) <= 148:  # two parts, the usual long line
                return f"{line[:74]}\r\n {line[74:]}\r\n"
            return "\r\n ".join([line[at : at + 74] for at in range(0, len(line), 74)]) + "\r\n"
        parts = []
        pos, n = 0, len(line)
        while n - pos > 74:
            cut = pos + 74
            if line[cut - 1] in "\\^":  # keep an escape with what it escapes
                cut -= 1
            parts.append(line[pos:cut])
            pos = cut
        parts.append(line[pos:])
        return "\r\n ".join(parts) + "\r\n"
    return _fold_utf8(line) + "\r\n"


def _fold_utf8(line: str) -> str:
    """Folding counted in UTF-8 octets: a character is never split."""
    parts: list[str] = []
    current: list[str] = []
    count = 0
    for char in line:
        code = ord(char)
        size = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if current and count + size >= 75:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current, count = [carried], 1
            else:
                parts.append("".join(current))
                current, count = [], 0
        current.append(char)
        count += size
    if current:
        parts.append("".join(current))
    return "\r\n ".join(parts)


def text_line(name: str, value: str) -> str:
    return fold(f"{name}:{escape(value)}")


def source_url(source: str) -> str:
    """The address a register source begins with, for the URL property; ``""`` for a source
    that begins with none. A source often goes on after its address ("https://... (days from
    memory)", "https://... p. 3"): URL is a URI (RFC 5545 3.3.13, RFC 3986), which holds no
    space, so it takes the address alone and the whole text goes in X-PLANNER-SOURCE."""
    if not source.startswith(("http://", "https://")):
        return ""
    return source.split(None, 1)[0]


def day(value: date) -> str:
    """A DATE value: ``20261012``."""
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def utc(value: datetime) -> str:
    """A DATE-TIME in UTC (RFC 5545 3.3.5, form 2): ``20261201T000000Z``. A naive value is
    taken as UTC (DTSTAMP and LAST-MODIFIED must be UTC, 3.8.7)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return f"{value.year:04d}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}{value.second:02d}Z"

PRODID = "-//planner//Meeting cadence planner//EN"
TZ_FIRST, TZ_LAST = date(1970, 1, 1), date(2100, 1, 1)
END = b"END:VCALENDAR\r\n"
_PLAIN = re.compile(r"[ !#-+\--:<-\[\]-~]*").fullmatch  # printable ASCII but \ ; , and "
_STANDS = ("ZQNAMEQZ", "ZQCAPTIONQZ", "ZQSOURCEQZ")
_LONGEST = 73 - len("SOURCE;VALUE=URI:")  # a value on a line of at most 73 octets: never folded


# A body's colour (RFC 7986 5.9: a CSS3 colour name; Apple's calendars read their own
# X-APPLE-CALENDAR-COLOR, in hex) by its place in the rule book: a subscriber of several feeds
# told them apart by nothing. Twelve hues, dark enough for white text and apart from each other.
PALETTE = (
    ("steelblue", "#4682B4"),
    ("darkorange", "#FF8C00"),
    ("seagreen", "#2E8B57"),
    ("crimson", "#DC143C"),
    ("mediumpurple", "#9370DB"),
    ("goldenrod", "#DAA520"),
    ("teal", "#008080"),
    ("sienna", "#A0522D"),
    ("palevioletred", "#DB7093"),
    ("slategray", "#708090"),
    ("olivedrab", "#6B8E23"),
    ("royalblue", "#4169E1"),
)


def written(name: str, caption: str, source: str | None, zone: bytes, color: tuple[str, str] | None = None) -> bytes:
    """The head as icalendar writes it (``zone``: the VTIMEZONE of an empty feed, or nothing;
    ``color``: the CSS3 name and hex of a body's feed)."""
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
    if color:
        cal.add("color", color[0])
        cal.add("x-apple-calendar-color", color[1])
    return cal.to_ical()[: -len(END)] + zone


class Heads:
    """The heads of one export's feeds: :meth:`head` (see the module's text)."""

    def __init__(self, timezone: str) -> None:
        self.timezone = timezone
        self._zone: bytes | None = None
        self._forms: dict[tuple[bool, bool, tuple[str, str] | None], list[str]] = {}  # (with a source, empty, colour) -> the head cut at the stand-ins

    def zone(self) -> bytes:
        """The organization's VTIMEZONE, built to 2100 (past icalendar's 2038 default)."""
        if self._zone is None:
            self._zone = Timezone.from_tzid(self.timezone, first_date=TZ_FIRST, last_date=TZ_LAST).to_ical()
        return self._zone

    def head(self, name: str, caption: str, source: str | None, empty: bool, color: tuple[str, str] | None = None) -> bytes:
        zone = self.zone() if empty else b""
        if not all(value is None or (len(value) <= _LONGEST and _PLAIN(value)) for value in (name, caption, source)):
            return written(name, caption, source, zone, color)
        key = (bool(source), empty, color)
        form = self._forms.get(key)
        if form is None:
            text = written(_STANDS[0], _STANDS[1], _STANDS[2] if source else None, zone, color).decode("utf-8")
            form = self._forms[key] = re.split(f"({'|'.join(_STANDS)})", text)
        values = {_STANDS[0]: name, _STANDS[1]: caption, _STANDS[2]: source or ""}
        return "".join(values.get(piece, piece) for piece in form).encode()
