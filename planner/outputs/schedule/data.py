"""``planner project --format json`` and ``--format csv``, the schedule for programs, written
in pieces as its meetings are encoded.

The document is what ``json.dumps(..., indent=2, ensure_ascii=False)`` makes of the schedule
(:func:`planner.outputs.formats.to_json`), to the byte; but the standard encoder with an indent
is pure Python and holds the whole text at once: at N (50 years of 1,000 bodies, 190,000
meetings, 78 MB) it took some 3.5 s and the process 800 MB. Here each meeting is one format of
pieces written once and shared (a body's id and name, a kind, a status, a city, a host), the
meetings go out a thousand at a time, and what is small (the head, the problems and the notes)
is left to the standard encoder. The CSV's rows are made of texts made once for each distinct
value (a date, a host) and written a thousand at a time by :func:`~planner.outputs.formats.csv_chunks`,
as a check's are (it took 1.1 s at N, each row a tuple of values the csv module converted and
looked at cell by cell, and the whole text held at once).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any

from planner.core.bulk import paused_gc
from planner.core.model import Body, Meeting, Place, Status
from planner.engine.planning.projection import Projection
from planner.outputs.formats import SCHEMA_VERSION, csv_chunks, json_opening

_text = json.encoder.encode_basestring  # a JSON string, characters as they are (ensure_ascii=False)
_CHUNK = 1024  # meetings a piece


def projection_json(projection: Projection, rules_label: str, body_of: Callable[[str], Body | None], items: list[Meeting]) -> Iterator[str]:
    """The JSON document of ``projection`` in pieces: the head, the meetings (``items``, the
    schedule), then its problems and notes. Without the cyclic garbage collector while they
    are made (what they make holds no cycles), as the text schedule."""
    with paused_gc():
        yield from _pieces(projection, rules_label, body_of, items)


def _pieces(projection: Projection, rules_label: str, body_of: Callable[[str], Body | None], items: list[Meeting]) -> Iterator[str]:
    from planner.outputs.schedule import _problems_json, next_due_dict

    book = projection.book
    text = json_opening(SCHEMA_VERSION, "project", projection, rules_label, {}, "meetings")
    if not items:
        yield text + "]"
    else:
        yield text + "\n    "
        line = _Meetings(body_of, book.organization.secretariat).line
        for at in range(0, len(items), _CHUNK):
            piece = ",\n    ".join([line(m) for m in items[at : at + _CHUNK]])
            yield piece if at == 0 else ",\n    " + piece
        yield "\n  ]"
    rest = {**_problems_json(projection.problems, book), "notes": list(projection.notes)}
    if projection.next_due:  # (only where the schedule is empty: nothing else changes)
        rest["next_due"] = [next_due_dict(n, book) for n in projection.next_due]
    yield "," + json.dumps(rest, indent=2, ensure_ascii=False)[1:] + "\n"  # the same depth: "{" is the document's own


def _json(value: Any) -> str:
    """A scalar of a meeting as the standard encoder writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value.__class__ is int:
        return int.__repr__(value)
    return _text(value)


class _Meetings:
    """Each meeting as ``json.dumps(schedule_dict(m, book), indent=2)`` would write it inside
    the meetings list (six spaces before a field, four before its closing brace), made of
    pieces encoded once for each distinct value: the lines of a body and kind, of a date, of
    a status, place and format, of a host and a body's name."""

    def __init__(self, body_of: Callable[[str], Body | None], seat: Place | None = None) -> None:
        self.body_of, self.seat = body_of, seat
        self.heads: dict[tuple[str, Any], str] = {}  # by body and kind: the lines up to the ordinal's value
        self.dates: dict[Any, str] = {}  # a start or an end, quoted
        self.middles: dict[tuple[Any, str, str, Any], str] = {}  # by status, city, country and format
        self.tails: dict[tuple[str, str, str, Any], str] = {}  # by body, city, country and status: host and name

    def _head(self, m: Meeting) -> str:
        found = self.heads[(m.body, m.kind)] = f'{{\n      "body": {_text(m.body)},\n      "kind": {_text(m.kind.value)},\n      "ordinal": '
        return found

    def _date(self, day: Any) -> str:
        found = self.dates[day] = f'"{day}"'  # a year, a month or a day: digits and dashes
        return found

    def _middle(self, m: Meeting) -> str:
        status, city, country, form = m.status, m.city, m.country, m.format
        found = self.middles[(status, city, country, form)] = (
            f',\n      "status": {_text(status.value)},\n      "city": {_text(city) if city else "null"},\n'
            f'      "country": {_text(country) if country else "null"},\n      "format": {"null" if form is None else _text(form.value)},\n'
        )
        return found

    def _tail(self, m: Meeting) -> str:
        from planner.outputs.schedule import host_words

        body = self.body_of(m.body)
        found = self.tails[(m.body, m.city, m.country, m.status)] = (
            f'      "host": {_text(host_words(m, body, self.seat))},\n      "name": {_text(body.display if body else m.body)},\n      "id": '
        )
        return found

    def line(self, m: Meeting) -> str:
        body, start, kind, number, end, status, city, country, form, title, source, reason = _FIELDS(m)
        dates = self.dates
        out = (
            f"{self.heads.get((body, kind)) or self._head(m)}{int.__repr__(number) if number.__class__ is int else _json(number)}"
            f',\n      "start": {dates.get(start) or self._date(start)},\n      "end": {(dates.get(end) or self._date(end)) if end else "null"}'
            f"{self.middles.get((status, city, country, form)) or self._middle(m)}"
            f'      "title": {_text(title) if title else "null"},\n      "source": {_text(source) if source else "null"},\n'
        )
        if m.documents:
            out += '      "documents": [\n        ' + ",\n        ".join([_text(d) for d in m.documents]) + "\n      ],\n"
        if m.cbm:
            out += f'      "cbm": {_json(m.cbm)},\n'
        if reason:
            out += f'      "reason": {_text(reason)},\n      "rule_source": {_text(m.rule_source) if m.rule_source else "null"},\n      "customary": {_json(m.customary)},\n'
        return f"{out}{self.tails.get((body, city, country, status)) or self._tail(m)}{_text(m.identity())}\n    }}"


# a meeting's fields that its line reads, in one C call (a meeting is a named tuple)
_FIELDS = itemgetter(*(Meeting._fields.index(name) for name in ("body", "start", "kind", "ordinal", "end", "status", "city", "country", "format", "title", "source", "reason")))


CSV_HEADER = ("body", "kind", "ordinal", "start", "end", "status", "host", "city", "country", "customary", "reason", "rule_source")
_PROJECTED = Status.PROJECTED


def projection_csv(items: list[Meeting], body_of: Callable[[str], Body | None], seat: Place | None = None) -> Iterator[str]:
    """The schedule ``items`` as CSV in pieces: the header, then each thousand meetings' rows."""
    with paused_gc():
        rows = _CsvRows(body_of, seat)
        # (one batch at least, empty with no meeting: the header comes with the first)
        yield from csv_chunks(CSV_HEADER, (rows.of(items[at : at + _CHUNK]) for at in range(0, max(len(items), 1), _CHUNK)), texts=True)


class _CsvRows:
    """Each meeting's CSV row, every cell a text: a date's and a host's made once."""

    def __init__(self, body_of: Callable[[str], Body | None], seat: Place | None = None) -> None:
        self.body_of, self.seat = body_of, seat
        self.dates: dict[Any, str] = {}
        self.hosts: dict[tuple[str, str, str, Status], str] = {}  # by body, city, country and status
        self.numbers: dict[int, str] = {}

    def _text(self, value: Any, found: dict[Any, str]) -> str:
        text = found[value] = str(value)
        return text

    def _host(self, m: Meeting) -> str:
        from planner.outputs.schedule import host_words

        host = self.hosts[(m.body, m.city, m.country, m.status)] = host_words(m, self.body_of(m.body), self.seat)
        return host

    def of(self, items: list[Meeting]) -> list[tuple[str, ...]]:
        from planner.outputs.schedule import _why

        dates, hosts, numbers, text = self.dates, self.hosts, self.numbers, self._text
        out = []
        for m in items:
            body, start, kind, number, end, status, city, country, form, title, source, reason = _FIELDS(m)
            out.append(
                (
                    body,
                    kind.value,
                    (numbers.get(number) or text(number, numbers)) if number else "",
                    dates.get(start) or text(start, dates),
                    (dates.get(end) or text(end, dates)) if end else "",
                    status.value,
                    hosts.get((body, city, country, status)) or self._host(m),
                    city,
                    country,
                    "yes" if m.customary else "",
                    reason if status is _PROJECTED and reason else _why(m),
                    m.rule_source,
                )
            )
        return out
