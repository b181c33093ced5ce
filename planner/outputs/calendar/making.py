"""One event of a feed folder, made once: its VEVENT bytes and its state line together.

An export of a large register makes a million events, so what each needs is computed once
and shared: the summary and description go into the event, both prints and the state line;
the days, venue and status are looked at once; the content lines of values many events share
(a day, a venue, a body, a status) and the ``str``/``repr`` of dates and enums are made once
per value. The bytes are exactly those of :meth:`FeedBuilder.event_text
<planner.outputs.calendar.ical.FeedBuilder.event_text>` and
:func:`~planner.outputs.calendar.state.state_line` of
:func:`~planner.outputs.calendar.revisions.draft_fields`, and the prints those of
:func:`~planner.outputs.calendar.revisions.fingerprint` and
:func:`~planner.outputs.calendar.revisions.content_print` (``tests/test_feed_making.py``
compares them).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from hashlib import sha256
from json.encoder import encode_basestring_ascii as _quote  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from planner.core.dates import Precision
from planner.core.model import Meeting
from planner.outputs.calendar.ical import FeedBuilder, description, partial_code, summary
from planner.outputs.calendar.lines import escape, fold, utc

if TYPE_CHECKING:
    from planner.outputs.calendar.revisions import Revision

_ONE_DAY = timedelta(days=1)
_WEB = ("http://", "https://")
_DAY = Precision.DAY


class EventMaker:
    """Makes the events of one export (see the module's text). ``make`` returns the event's
    bytes and its state line (without the line break)."""

    def __init__(self, builder: FeedBuilder) -> None:
        self.builder = builder
        self.stamp = builder.stamp
        self._dtstamp = f"DTSTAMP:{utc(self.stamp)}\r\n"
        self._days: dict[date, tuple[str, str, str]] = {}  # day -> (DTSTART line, DTEND line, ISO)
        self._partials: dict[int, tuple[Any, str, str]] = {}  # id(PartialDate) -> (it, str, repr)
        self._modified: dict[datetime, tuple[str, str]] = {}  # LAST-MODIFIED line, ISO
        self._texts: dict[tuple[str, str], str] = {}  # (name, value) -> content line
        self._bodies: dict[str, tuple[Any, str, str, str, str]] = {}  # id -> (Body, category, repr, X-PLANNER-BODY line, JSON)
        self._enums: dict[Any, tuple[str, str, str]] = {}  # member -> (repr, line, JSON of value)

    def _day(self, day: date) -> tuple[str, str, str]:
        found = self._days.get(day)
        if found is None:
            text = f"{day.year:04d}{day.month:02d}{day.day:02d}"
            found = self._days[day] = (f"DTSTART;VALUE=DATE:{text}\r\n", f"DTEND;VALUE=DATE:{text}\r\n", day.isoformat())
        return found

    def _partial(self, value: Any) -> tuple[Any, str, str]:
        found = self._partials.get(id(value))
        if found is None:  # the value itself is kept, so its id is never reused meanwhile
            found = self._partials[id(value)] = (value, "" if value is None else str(value), repr(value))
        return found

    def _text(self, name: str, value: str) -> str:
        key = (name, value)
        line = self._texts.get(key)
        if line is None:
            line = self._texts[key] = fold(f"{name}:{escape(value)}")
        return line

    def _body(self, body_id: str) -> tuple[Any, str, str, str, str]:
        found = self._bodies.get(body_id)
        if found is None:
            body = self.builder.bodies.get(body_id)
            found = self._bodies[body_id] = (body, body.category.value if body else "", repr(body_id), fold(f"X-PLANNER-BODY:{escape(body_id)}"), _quote(body_id))
        return found

    def _enum(self, member: Any, name: str) -> tuple[str, str, str]:
        found = self._enums.get((name, member))
        if found is None:
            found = self._enums[(name, member)] = (repr(member), "" if member is None else fold(f"{name}:{escape(member._value_)}"), "" if member is None else _quote(member._value_))
        return found

    def _last_modified(self, value: datetime) -> tuple[str, str]:
        found = self._modified.get(value)
        if found is None:
            found = self._modified[value] = (f"LAST-MODIFIED:{utc(value)}\r\n", value.isoformat())
        return found

    def make(self, meeting: Meeting, uid: str, old: Revision | None) -> tuple[bytes, bytes]:
        """The event of ``meeting`` as ``uid`` and its state line, SEQUENCE and LAST-MODIFIED
        decided from ``old`` (the last export's revision of ``uid``) as
        :func:`~planner.outputs.calendar.revisions.numbers` says."""
        body_id, start, kind, number, end, status, city, country, fmt, title, source, _reason, _rule_source, _customary, _key, documents, cbm, mid = meeting
        body, category, body_repr, body_line, body_json = self._body(body_id)
        first = start.earliest
        firm = start.precision is _DAY and (end is None or end.precision is _DAY)
        last = (end or start).latest if firm else first
        start_line, _, first_iso = self._day(first)
        after = last + _ONE_DAY
        _, end_line, after_iso = self._day(after)
        shown = summary(body, meeting)
        words = description(meeting)
        start_p, end_p = self._partial(start), self._partial(end)
        kind_repr, kind_line, kind_json = self._enum(kind, "X-PLANNER-KIND")
        status_repr, status_line, _ = self._enum(status, "X-PLANNER-STATUS")
        format_repr, format_line, _ = self._enum(fmt, "X-PLANNER-FORMAT")
        status_value = status._value_
        fingerprint = sha256(f"{start_p[1]}|{end_p[1]}|{city}|{country}|{status_value}".encode()).hexdigest()[:16]
        fields = f"({body_repr}, {start_p[2]}, {kind_repr}, {number!r}, {end_p[2]}, {status_repr}, {repr(meeting[6:8])[1:-1]}, {format_repr}, {repr(meeting[9:])[1:-1]})"
        content = sha256(f"{shown}\x1f{words}\x1f{category}\x1f{fields}".encode()).hexdigest()[:16]
        stamp = self.stamp
        if old is None:
            sequence, modified = 0, stamp
        elif old.removed is not None or old.fingerprint != fingerprint:
            sequence, modified = old.sequence + 1, stamp
        elif old.content is not None and old.content != content:
            sequence, modified = old.sequence, stamp
        else:
            sequence, modified = old.sequence, old.last_modified
        modified_line, modified_iso = self._last_modified(modified)
        venue = f"{city}, {country}" if city and country else city or country
        categories, status_lines = self.builder._common(meeting, firm)[1:]
        out = [
            "BEGIN:VEVENT\r\n",
            fold(f"SUMMARY:{escape(shown)}"),
            start_line,
            end_line,
            self._dtstamp,
            fold(f"UID:{escape(uid)}"),
            f"SEQUENCE:{sequence}\r\n",
            categories,
            fold(f"DESCRIPTION:{escape(words)}"),
            modified_line,
        ]
        if venue:
            out.append(self._text("LOCATION", venue))
        out.append(status_lines)
        web = source.startswith(_WEB)
        if web:
            out.append(fold(f"URL:{source}"))
        out.append(body_line)
        if cbm:
            out.append(fold(f"X-PLANNER-CBM:{escape(cbm)}"))
        if not firm:
            out.append(fold(f"X-PLANNER-DATE:{escape(partial_code(meeting))}"))
        if documents:
            out.append(fold(f"X-PLANNER-DOCUMENTS:{escape('; '.join(documents))}"))
        if fmt:
            out.append(format_line)
        if mid:
            out.append(fold(f"X-PLANNER-ID:{escape(mid)}"))
        out.append(kind_line)
        if number:
            out.append(f"X-PLANNER-ORDINAL:{number}\r\n")
        if source and not web:
            out.append(fold(f"X-PLANNER-SOURCE:{escape(source)}"))
        out.append(status_line)
        if title:
            out.append(fold(f"X-PLANNER-TITLE:{escape(title)}"))
        out.append("END:VEVENT\r\n")
        state = [_quote(uid), ': {']
        if body_id:
            state.append(f'"body":{body_json},')
        state.append(f'"content":"{content}","end":"{after_iso}","fingerprint":"{fingerprint}",')
        if kind_json:
            state.append(f'"kind":{kind_json},')
        state.append(f'"last_modified":"{modified_iso}",')
        if venue:
            state.append(f'"location":{_quote(venue)},')
        if number is not None or mid:
            state.append('"numbered":true,')
        state.append(f'"sequence":{sequence},"start":"{first_iso}"')
        if shown:
            state.append(f',"summary":{_quote(shown)}')
        state.append("}\n")
        return "".join(out).encode(), "".join(state).encode()

