"""A fast, strict parser of register rows: CSV cells -> :class:`~planner.core.model.Meeting`.

A register repeats itself: the same bodies, kinds, statuses, cities and dates come back row
after row. Each distinct cell is parsed once and remembered, so a row costs a few dictionary
look-ups and one tuple. The parser only accepts what it is certain of: a cell it cannot read
(an unknown body, a date that is not a date, an ordinal in words, an end before the start)
makes it answer ``None``, and the caller hands that row to the register's pydantic schema,
which accepts it or names each bad cell exactly as it always has.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner.core.dates import PartialDate
from planner.core.model import Kind, Meeting, MeetingFormat, Status

FORMAT_WORDS = {"in person": "in_person", "in-person": "in_person", "virtual": "online"}
# A cell the parser cannot read alone; the row goes to the schema.
_UNSURE: Any = object()
_KINDS = {k.value: k for k in Kind}
_STATUSES = {s.value: s for s in Status}
_FORMATS = {f.value: f for f in MeetingFormat}
_new = tuple.__new__
_COLUMNS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source", "documents", "cbm", "id")


def split_documents(text: str) -> tuple[str, ...]:
    """A cell of document titles separated by ';' (a JSON register may give a list instead)."""
    return tuple(t.strip() for t in text.split(";") if t.strip())


def _kind(cell: str) -> Any:
    word = cell.strip().lower()
    return _KINDS.get(word, _UNSURE) if word else Kind.REGULAR


def _status(cell: str) -> Any:
    word = cell.strip().lower()
    return _STATUSES.get(word, _UNSURE) if word else Status.HELD


def _format(cell: str) -> Any:
    word = cell.strip().lower()
    return _FORMATS.get(FORMAT_WORDS.get(word, word), _UNSURE) if word else None


def _ordinal(cell: str) -> Any:
    text = cell.strip()
    if not text:
        return None
    # plain digits only, and few enough that any bound the schema sets is far above them
    if text.isascii() and text.isdigit() and len(text) <= 9 and int(text) >= 1:
        return int(text)
    return _UNSURE


def _date(cell: str) -> Any:
    try:
        return PartialDate.parse(cell)
    except ValueError:
        return _UNSURE


def _optional_date(cell: str) -> Any:
    return _date(cell) if cell.strip() else None


def _required_date(cell: str) -> Any:
    return _date(cell) if cell.strip() else _UNSURE


class _Cells(dict[str, Any]):
    """Cell text -> parsed value, computed on first sight (one table per column)."""

    def __init__(self, parse: Callable[[str], Any]) -> None:
        super().__init__()
        self.parse = parse

    def __missing__(self, cell: str) -> Any:
        value = self[cell] = self.parse(cell)
        return value


class RowParser:
    """Meetings from rows of cells in the order of ``header`` (the register's columns)."""

    def __init__(self, header: list[str], match: Callable[[str], str | None], match_cbm: Callable[[str], str | None]) -> None:
        width = len(header)
        # a column the header lacks reads an empty cell, kept one past the row's end
        self.width = width + 1
        self.at = tuple(header.index(name) if name in header else width for name in _COLUMNS)
        self.bodies = _Cells(lambda cell: match(cell) if cell.strip() else None)
        self.kinds = _Cells(_kind)
        self.statuses = _Cells(_status)
        self.formats = _Cells(_format)
        self.ordinals = _Cells(_ordinal)
        self.starts = _Cells(_required_date)
        self.ends = _Cells(_optional_date)
        self.places = _Cells(str.strip)  # cities and countries: one string each, shared
        self.documents = _Cells(split_documents)
        # a measure of the catalogue by id or words (any case); an unknown one goes to the schema
        self.cbms = _Cells(lambda cell: (match_cbm(cell.strip().casefold()) or _UNSURE) if cell.strip() else "")

    def meeting(self, row: list[str]) -> Meeting | None:
        """The meeting of one row, or ``None`` when the row needs the schema's judgement."""
        if len(row) < self.width:
            row = row + [""] * (self.width - len(row))
        i_body, i_kind, i_ordinal, i_start, i_end, i_status, i_city, i_country, i_format, i_title, i_source, i_documents, i_cbm, i_id = self.at
        body = self.bodies[row[i_body]]
        start = self.starts[row[i_start]]
        end = self.ends[row[i_end]]
        kind = self.kinds[row[i_kind]]
        status = self.statuses[row[i_status]]
        fmt = self.formats[row[i_format]]
        ordinal = self.ordinals[row[i_ordinal]]
        cbm = self.cbms[row[i_cbm]]
        if body is None or start is _UNSURE or end is _UNSURE or kind is _UNSURE or status is _UNSURE or fmt is _UNSURE or ordinal is _UNSURE or cbm is _UNSURE:
            return None
        if end is not None and end.latest < start.earliest:
            return None
        places = self.places
        return _new(Meeting, (body, start, kind, ordinal, end, status, places[row[i_city]], places[row[i_country]], fmt, row[i_title].strip(), row[i_source].strip(), "", "", False, "", self.documents[row[i_documents]], cbm, row[i_id].strip()))
