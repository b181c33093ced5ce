"""One event of a feed folder, made once: its VEVENT bytes and its state line together.

An export of a large register makes a million events, so what each needs is computed once
and shared, and the event is one format string of pieces made earlier:

* what events of one body, kind, status, format and firmness share (CATEGORIES, STATUS and
  TRANSP, X-PLANNER-BODY, -KIND, -STATUS and -FORMAT, the body's name in the summary, the
  ``repr`` of the enums for the content print, the body and kind for the state line) is made
  once per such group;
* what a day or a register date gives (DTSTART, DTEND, ISO text, ``str`` and ``repr``, words
  for an unfixed date) once per value; ordinals and places once per value;
* text is escaped and folded only where it can need it: a cheap test first (pieces made by
  this module from known text are safe), :func:`~planner.outputs.calendar.lines.escape` and
  :func:`~planner.outputs.calendar.lines.fold` only for the rest.

The summary and description go into the event, both prints and the state line. The bytes are
exactly those of :meth:`FeedBuilder.event_text
<planner.outputs.calendar.ical.FeedBuilder.event_text>` and
:func:`~planner.outputs.calendar.folder.state.state_line` of
:func:`~planner.outputs.calendar.revisions.draft_fields`, and the prints those of
:func:`~planner.outputs.calendar.revisions.fingerprint` and
:func:`~planner.outputs.calendar.revisions.content_print` (``tests/ical/test_feed_making.py``
compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from hashlib import sha256
from json.encoder import encode_basestring_ascii as _quote  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

from planner.core.model import Kind, Meeting, MeetingFormat, Status
from planner.engine.rule_words import ordinal
from planner.outputs.calendar.event_words import (
    FORMAT_WORDS,
    POSTPONED,
    POSTPONED_PAST,
    UNCONFIRMED,
    certain_last,
    partial_words,
    status_shown,
    unfixed_line,
    unfixed_summary,
)
from planner.outputs.calendar.ical import FeedBuilder
from planner.outputs.calendar.lines import escape, fold, source_url, utc
from planner.outputs.calendar.parts import LAPSING as _LAPSING
from planner.outputs.calendar.revisions import CONTENT_FORM, next_sequence
from planner.outputs.schedule import undecided_host

if TYPE_CHECKING:
    from planner.outputs.calendar.revisions import Revision

_ONE_DAY = timedelta(days=1)
_WEB = ("http://", "https://")
_SAFE = re.compile(r"[^\\;,\r\n]*").fullmatch  # TEXT that escaping leaves as it is
_NOTED = (Status.PROJECTED, Status.POSTPONED, Status.CANCELLED)
_PART = "\x1fpart "  # the content print's end for a resumed part or a superseded plan (revisions.content_print)
_CUSTOMARY = "Customary: by practice, not a binding rule"
_HOST = "\x1fhost "  # the content print's part for a projected meeting's host still to decide
_NUMBERED = '"numbered":true,'
_SUMMARY = '"summary":'
_DOCUMENTS = "\x1e"
_CRLF = "\r\n"


def _line(name: str, value: str) -> str:
    """A TEXT content line (as :func:`~planner.outputs.calendar.lines.text_line`), the test for
    a short plain value first."""
    if len(value) + len(name) <= 73 and value.isascii() and _SAFE(value):
        return f"{name}:{value}\r\n"
    return fold(f"{name}:{escape(value)}")


def _content(head: str, start: str, end: str, meeting: Meeting, format_value: str, host: str = "") -> str:
    """What the content print (:func:`~planner.outputs.calendar.revisions.content_print`) of
    ``meeting`` is the SHA-256 of: ``head``, what its group's prints begin with; ``start`` and
    ``end``, its dates' text."""
    _, _, _, number, _, _, city, country, _, title, source, reason, rule_source, customary, key, documents, cbm, mid = meeting
    hosted = f"{_HOST}{host}" if host and not city and not country else ""
    return f"{head}{start}\x1f{end}\x1f{number}\x1f{city}\x1f{country}\x1f{format_value}\x1f{title}\x1f{source}\x1f{reason}\x1f{rule_source}\x1f{customary}\x1f{key}\x1f{_DOCUMENTS.join(documents)}\x1f{cbm}\x1f{mid}{hosted}"


class EventMaker:
    """Makes the events of one export (see the module's text). ``make`` returns the event's
    bytes and its state line (without the line break)."""

    def __init__(self, builder: FeedBuilder, legacy: bool = False, keep_legacy: bool = False) -> None:
        self.builder = builder
        self.legacy = legacy  # the last export's content prints are of the form before version 4
        self.keep_legacy = keep_legacy  # and the state line keeps that form (see planner.outputs.calendar.folder.state)
        self.stamp = builder.stamp
        self.today = builder.today
        self._dtstamp = f"DTSTAMP:{utc(self.stamp)}\r\n"
        self._groups: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._shared: dict[str, str] = {}
        self._formats = {fmt: (repr(fmt), _line("X-PLANNER-FORMAT", fmt._value_) if fmt else "", fmt._value_ if fmt else "") for fmt in (None, *MeetingFormat)}
        self._dates: dict[int, tuple[Any, ...]] = {}  # id(PartialDate) -> (it, str, repr, exact, first day, last day, words)
        self._days: dict[date, tuple[str, str, str]] = {}  # day -> (DTSTART line, DTEND line, ISO)
        self._places: dict[tuple[str, str], tuple[str, str, str]] = {}  # (city, country) -> (venue, LOCATION line, JSON)
        self._ordinals: dict[int, tuple[str, str]] = {}  # number -> (ordinal, X-PLANNER-ORDINAL line)
        self._sha256 = sha256()  # copied for each print: a copy costs less than a new hash (OpenSSL looks the digest up for each)
        self._modified: dict[datetime, tuple[str, str]] = {}  # LAST-MODIFIED line, ISO
        self._stamp_modified = self._last_modified(self.stamp)
        self.content = ""  # what the content print of the event made last is the SHA-256 of

    def _day(self, day: date) -> tuple[str, str, str]:
        found = self._days.get(day)
        if found is None:
            text = f"{day.year:04d}{day.month:02d}{day.day:02d}"
            found = self._days[day] = (f"DTSTART;VALUE=DATE:{text}\r\n", f"DTEND;VALUE=DATE:{text}\r\n", day.isoformat())
        return found

    def _date(self, value: Any) -> tuple[Any, ...]:
        found = self._dates.get(id(value))
        if found is None:  # the value itself is kept, so its id is never reused meanwhile
            found = self._dates[id(value)] = (value, str(value), repr(value) if self.legacy else "", value.exact, value.earliest, value.latest, partial_words(value))  # repr: only the older print asks
        return found

    def _place(self, city: str, country: str) -> tuple[str, str, str]:
        found = self._places.get((city, country))
        if found is None:
            venue = f"{city}, {country}" if city and country else city or country
            found = self._places[(city, country)] = (venue, _line("LOCATION", venue) if venue else "", f'"location":{_quote(venue)},' if venue else "")
        return found

    def _ordinal(self, number: int) -> tuple[str, str]:
        found = self._ordinals.get(number)
        if found is None:
            found = self._ordinals[number] = (ordinal(number), f"X-PLANNER-ORDINAL:{number}\r\n")
        return found

    def _last_modified(self, value: datetime) -> tuple[str, str]:
        found = self._modified.get(value)
        if found is None:
            found = self._modified[value] = (f"LAST-MODIFIED:{utc(value)}\r\n", value.isoformat())
        return found

    def _group(self, key: tuple[Any, ...], meeting: Meeting) -> tuple[Any, ...]:
        """What the events of one body, kind, status, firmness and lapse share (``meeting``:
        one of them)."""
        body_id, kind, status, firm, past = key
        builder = self.builder
        body = builder.bodies.get(body_id)
        name = body.name if body else body_id
        if kind is not Kind.REGULAR:
            name = f"{kind.value.capitalize()} {name}"
        noted = f" ({status.value})" if status in _NOTED else " (unconfirmed)" if past else ""
        shown = status_shown(status, past)
        _, categories, status_lines = builder._common(meeting, firm, past)
        pieces = (
            repr(body_id),
            repr(kind),
            repr(status),
            "",
            body.category.value if body else "",
            f'"body":{_quote(body_id)},' if body_id else "",
            f'"kind":{_quote(kind._value_)},',
            categories,
            status_lines,
            _line("X-PLANNER-BODY", body_id),
            "",
            _line("X-PLANNER-KIND", kind._value_),
            _line("X-PLANNER-STATUS", status._value_),
            name,
            escape(name) + noted,  # the summary after the ordinal, escaped (the status note is plain)
            noted,
            name.isascii(),
            UNCONFIRMED if past and status is Status.PLANNED else f"Status: {status._value_}",
            (POSTPONED_PAST if past else POSTPONED) if status is Status.POSTPONED else "",
            kind._value_,
            shown,
            f"{CONTENT_FORM}\x1f{body.name if body else ''}\x1f{body.category.value if body else ''}\x1f{body_id}\x1f{kind._value_}\x1f{shown}\x1f",  # the content print's beginning
            f"Host: {undecided_host(body)}" if body is not None and status is Status.PROJECTED else "",  # said where it has no place
        )
        shared = self._shared  # one string for the pieces many groups share (a body's, a kind's)
        found = self._groups[key] = tuple(piece if type(piece) is not str else shared.setdefault(piece, piece) for piece in pieces)
        return found

    def contents(self, order: Iterable[Meeting]) -> Iterator[str]:
        """The content text (what :attr:`content` is after :meth:`make`) of each meeting of
        ``order``, the events not made: all an event is made from but its UID, SEQUENCE,
        LAST-MODIFIED and DTSTAMP."""
        dates, groups, formats, parts = self._dates, self._groups, self._formats, self.builder.parts
        for meeting in order:
            start, end = meeting[1], meeting[4]
            s = dates.get(id(start)) or self._date(start)
            if end is None:
                end_text, last = "", s[5]
            else:
                e = dates.get(id(end)) or self._date(end)
                end_text, last = e[1], e[5]
            status = meeting[5]
            part_of = parts.get(meeting, 0) if parts else 0
            key = (meeting[0], meeting[2], status, s[3], status in _LAPSING and last < self.today and part_of >= 0)
            g = groups.get(key) or self._group(key, meeting)
            made = _content(g[21], s[1], end_text, meeting, formats[meeting[8]][2], g[22])
            yield f"{made}{_PART}{part_of}" if part_of else made

    def make(self, meeting: Meeting, uid: str, old: Revision | None) -> tuple[bytes, bytes]:
        """The event of ``meeting`` as ``uid`` and its state line, SEQUENCE and LAST-MODIFIED
        decided from ``old`` (the last export's revision of ``uid``) as
        :func:`~planner.outputs.calendar.revisions.numbers` says."""
        body_id, start, kind, number, end, status, city, country, fmt, title, source, reason, rule_source, customary, key, documents, cbm, mid = meeting
        s = self._dates.get(id(start)) or self._date(start)
        if end is None:
            firm = s[3]
            last = s[5]
            end_text, end_repr = "", "None"
        else:
            e = self._dates.get(id(end)) or self._date(end)
            firm = s[3] and e[3]
            last = e[5]
            end_text, end_repr = e[1], e[2]
        first = s[4]
        start_line, _, first_iso = self._days.get(first) or self._day(first)
        after = (last if firm else first if not s[3] or end is None else certain_last(meeting)) + _ONE_DAY
        _, end_line, after_iso = self._days.get(after) or self._day(after)
        parts = self.builder.parts
        part_of = parts.get(meeting, 0) if parts else 0  # (a resumed part, a superseded plan: rare)
        # (STATUS and TRANSP by the start: a start known to the day is a firm booking of it)
        group = (body_id, kind, status, s[3], status in _LAPSING and last < self.today and part_of >= 0)
        g = self._groups.get(group) or self._group(group, meeting)
        if number:
            o, ordinal_line = self._ordinals.get(number) or self._ordinal(number)
            shown = f"{o} {g[13]}{g[15]}"
            summary_text = f"{o} {g[14]}"
            words = [title, f"Ordinal: {o} {g[19]} meeting", g[17]] if title else [f"Ordinal: {o} {g[19]} meeting", g[17]]
            if part_of > 0:  # a session resumed under its number
                shown = f"{o} {g[13]} (resumed){g[15]}"
                summary_text = f"{o} {g[14][: len(g[14]) - len(g[15])]} (resumed){g[15]}"
                words.insert(len(words) - 1, f"Resumed: part {part_of} of the {o} {g[19]} meeting, under its number")
        else:
            ordinal_line = ""
            shown = g[13] + g[15]
            summary_text = g[14]
            words = [title, g[17]] if title else [g[17]]
        hosted = g[22] if g[22] and not city and not country else ""
        if hosted:
            words.append(hosted)
        if fmt in FORMAT_WORDS:
            words.append(FORMAT_WORDS[fmt])
        if documents:
            words.append(f"Documents: {'; '.join(documents)}")
        if firm:
            plain = g[16]
        elif s[3]:  # (the end alone not fixed: rare)
            unfixed = unfixed_summary(meeting)
            shown += unfixed
            summary_text += unfixed
            plain = g[16] and unfixed.isascii()
            words.append(unfixed_line(meeting))
        else:
            unfixed = s[6] if end is None or end == start else f"{s[6]} to {e[6]}"
            shown += f" (date not fixed: {unfixed})"
            summary_text += f" (date not fixed: {unfixed})"
            plain = g[16] and unfixed.isascii()
            words.append(f"Date not fixed: {unfixed} ({first_iso} to {last.isoformat()}); shown on its first day")
        if g[18]:
            words.append(g[18])
        if reason:
            words.append(f"Reason: {reason}")
        if customary:
            words.append(_CUSTOMARY)
        if rule_source:
            words.append(f"Rule source: {rule_source}")
        if source:
            words.append(f"Register source: {source}")
        described = "\n".join(words)
        venue, location_line, venue_json = self._places.get((city, country)) or self._place(city, country)
        digest = self._sha256.copy()
        digest.update(f"{s[1]}|{end_text}|{city}|{country}|{g[20]}".encode())
        fingerprint = digest.hexdigest()[:16]
        format_repr, format_line, format_value = self._formats[fmt]
        # the content print's text (as _content makes it, the meeting's fields already at hand)
        self.content = made = f"{g[21]}{s[1]}\x1f{end_text}\x1f{number}\x1f{city}\x1f{country}\x1f{format_value}\x1f{title}\x1f{source}\x1f{reason}\x1f{rule_source}\x1f{customary}\x1f{key}\x1f{_DOCUMENTS.join(documents)}\x1f{cbm}\x1f{mid}{_HOST if hosted else ''}{hosted}{f'{_PART}{part_of}' if part_of else ''}"
        digest = self._sha256.copy()
        digest.update(made.encode())
        content = digest.hexdigest()[:16]
        if self.legacy:  # the print of the form before version 4
            former = sha256(f"{shown}\x1f{described}\x1f{g[4]}\x1f({g[0]}, {s[2]}, {g[1]}, {number!r}, {end_repr}, {g[2]}, {city!r}, {country!r}, {format_repr}, {repr(meeting[9:])[1:-1]})".encode()).hexdigest()[:16]
        if old is None:
            sequence, (modified_line, modified_iso) = 0, self._stamp_modified
        elif old.removed is not None or old.fingerprint != fingerprint:
            sequence, (modified_line, modified_iso) = next_sequence(old.sequence), self._stamp_modified
        elif old.content is not None and old.content != (former if self.legacy else content):
            sequence, (modified_line, modified_iso) = old.sequence, self._stamp_modified
        else:
            sequence = old.sequence
            modified_line, modified_iso = self._modified.get(old.last_modified) or self._last_modified(old.last_modified)
        if self.keep_legacy:
            content = former
        url = source_url(source) if source.startswith(_WEB) else ""
        summary_line = f"SUMMARY:{summary_text}\r\n" if plain and len(summary_text) <= 66 else fold(f"SUMMARY:{summary_text}")
        if "\\" in described or ";" in described or "," in described or "\r" in described:
            description_line = fold(f"DESCRIPTION:{escape(described)}")
        else:
            description_line = fold(f"DESCRIPTION:{described}".replace("\n", "\\n"))
        text = (
            f"BEGIN:VEVENT\r\n{summary_line}{start_line}{end_line}{self._dtstamp}{f'UID:{uid}{_CRLF}' if len(uid) <= 70 and uid.isascii() and _SAFE(uid) else _line('UID', uid)}SEQUENCE:{sequence}\r\n{g[7]}{description_line}{modified_line}{location_line}{g[8]}"
            f"{fold(f'URL:{url}') if url else ''}{g[9]}{_line('X-PLANNER-CBM', cbm) if cbm else ''}{'' if firm else _line('X-PLANNER-DATE', s[1] if end is None or end == start else f'{s[1]}/{end_text}')}"
            f"{_line('X-PLANNER-DOCUMENTS', '; '.join(documents)) if documents else ''}{format_line}{_line('X-PLANNER-ID', mid) if mid else ''}{g[11]}{ordinal_line}"
            f"{_line('X-PLANNER-SOURCE', source) if source and source != url else ''}{g[12]}{_line('X-PLANNER-TITLE', title) if title else ''}END:VEVENT\r\n"
        )
        state = (
            f'{_quote(uid)}: {{{g[5]}"content":"{content}","end":"{after_iso}","fingerprint":"{fingerprint}",{g[6]}"last_modified":"{modified_iso}",{venue_json}'
            f'{_NUMBERED if number is not None or mid else ""}"sequence":{sequence},"start":"{first_iso}"{f",{_SUMMARY}{_quote(shown)}" if shown else ""}}}\n'
        )
        return text.encode(), state.encode()

