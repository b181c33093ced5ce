"""A fast, strict parser of register rows: CSV cells -> :class:`~planner.core.model.Meeting`.

A register repeats itself: the same bodies, kinds, statuses, cities and dates come back row
after row. Each distinct cell is parsed once and remembered, so a row costs a few dictionary
look-ups and one tuple. The parser only accepts what it is certain of: a cell it cannot read
(an unknown body, a date that is not a date, an ordinal in words, an end before the start)
makes it answer ``None``, and the caller hands that row to the register's pydantic schema,
which accepts it or names each bad cell exactly as it always has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from planner.core.dates import MAX_YEAR, MIN_YEAR, PartialDate, Precision, partial_date
from planner.core.model import ChairTerm, Kind, Meeting, MeetingFormat, Status
from planner.inputs.limits import MAX_ORDINAL

FORMAT_WORDS = {"in person": "in_person", "in-person": "in_person", "virtual": "online"}
_KINDS = {k.value: k for k in Kind}
_STATUSES = {s.value: s for s in Status}
_FORMATS = {f.value: f for f in MeetingFormat}
_DAY, _YEAR = Precision.DAY, Precision.YEAR
_new = tuple.__new__
_from_iso = date.fromisoformat
_COLUMNS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source", "documents", "cbm", "id")


class Unsure(Exception):
    """A cell the parser cannot read alone: its row goes to the schema."""



def split_documents(text: str) -> tuple[str, ...]:
    """A cell of document titles separated by ';' (a JSON register may give a list instead)."""
    return tuple(t.strip() for t in text.split(";") if t.strip())


def _kind(cell: str) -> Kind:
    word = cell.strip().lower()
    return _KINDS[word] if word else Kind.REGULAR


def _status(cell: str) -> Status:
    word = cell.strip().lower()
    return _STATUSES[word] if word else Status.HELD


def _format(cell: str) -> MeetingFormat | None:
    word = cell.strip().lower()
    return _FORMATS[FORMAT_WORDS.get(word, word)] if word else None


def _ordinal(cell: str) -> int | None:
    text = cell.strip()
    if not text:
        return None
    # plain digits only, at most the register's largest ordinal (a larger one is the schema's to word)
    if text.isascii() and text.isdigit() and len(text) <= 9 and 1 <= int(text) <= MAX_ORDINAL:
        return int(text)
    raise Unsure


def _date(cell: str) -> PartialDate | None:
    """The dates of a cell (``None`` when empty). The shapes a register is made of, ``2019``
    and ``2019-09-24`` in ASCII digits, are read directly; anything else (a month, spaces,
    other digits, an impossible day) by :meth:`PartialDate.parse`, which decides."""
    if cell.isascii():
        size = len(cell)
        if size == 10 and cell[4] == cell[7] == "-" and cell.replace("-", "").isdigit():
            try:
                day = date.fromisoformat(cell)
            except ValueError:
                pass  # no such day: PartialDate.parse says why
            else:
                if MIN_YEAR <= day.year <= MAX_YEAR:
                    return partial_date(day, day, _DAY)
        elif size == 4 and cell.isdigit() and MIN_YEAR <= int(cell) <= MAX_YEAR:
            year = int(cell)
            return partial_date(date(year, 1, 1), date(year, 12, 31), _YEAR)
    if not cell.strip():
        return None
    try:
        return PartialDate.parse(cell)
    except ValueError:
        raise Unsure from None


class _Dates(dict[str, PartialDate | None]):
    """Cell text -> dates, read on first sight: a register has tens of thousands of distinct
    days, which this reads without the detour of a miss in the other columns' tables."""

    def __missing__(self, cell: str) -> PartialDate | None:
        # a day in ASCII digits (nearly every cell) read here, a call less each; else _date
        if len(cell) == 10 and cell.isascii() and cell[4] == cell[7] == "-" and cell.replace("-", "").isdigit():
            try:
                day = _from_iso(cell)
            except ValueError:
                day = None  # no such day: PartialDate.parse says why
            if day is not None and MIN_YEAR <= day.year <= MAX_YEAR:
                value = self[cell] = _new(PartialDate, (day, day, _DAY))
                return value
        value = self[cell] = _date(cell)  # an unreadable cell raises Unsure, and is not kept
        return value


class RowParser:
    """Meetings from rows of cells in the order of ``header`` (the register's columns).

    Every distinct cell is read once and remembered: a row costs a dictionary look-up per
    column and one tuple, and the meetings share one string or date object for each distinct
    value (fewer bytes per meeting, and cheaper to compare). :attr:`meeting` is built for the
    header, with the tables and the columns' places bound to it."""

    def __init__(self, header: list[str], match: Callable[[str], str | None], match_cbm: Callable[[str], str | None]) -> None:
        width = len(header)

        def body(cell: str) -> str:
            found = match(cell) if cell.strip() else None
            if found is None:
                raise Unsure
            return found

        def cbm(cell: str) -> str:
            # a measure of the catalogue by id or words (any case); an unknown one goes to the schema
            found = match_cbm(cell.strip().casefold()) if cell.strip() else ""
            if found is None:
                raise Unsure
            return found

        bodies: dict[str, str] = {}
        kinds: dict[str, Kind] = {}
        statuses: dict[str, Status] = {}
        formats: dict[str, MeetingFormat | None] = {}
        ordinals: dict[str, int | None] = {}
        dates = _Dates()
        texts: dict[str, str] = {}  # cities, countries and titles: one string each, shared
        documents: dict[str, tuple[str, ...]] = {}
        cbms: dict[str, str] = {}
        # a column the header lacks reads the empty cell put one past the row's end
        at = dict(zip(_COLUMNS, (header.index(name) if name in header else width for name in _COLUMNS), strict=True))
        tables: list[tuple[int, dict[str, Any], Callable[[str], Any]]] = [
            (at["body"], bodies, body),
            (at["kind"], kinds, _kind),
            (at["status"], statuses, _status),
            (at["format"], formats, _format),
            (at["ordinal"], ordinals, _ordinal),
            (at["city"], texts, str.strip),
            (at["country"], texts, str.strip),
            (at["title"], texts, str.strip),
            (at["documents"], documents, split_documents),
            (at["cbm"], cbms, cbm),
        ]

        present = [(i, table, parse) for i, table, parse in tables if i < width]  # the columns the header has

        def learn(row: list[str], tables: list[tuple[int, dict[str, Any], Callable[[str], Any]]] = tables) -> bool:
            """Reads the cells of ``row`` not seen before (of ``tables``: every column's, the
            row given one more empty cell when the header lacks one); False when one cannot
            be read."""
            for i, table, parse in tables:
                cell = row[i]
                if cell not in table:
                    try:
                        table[cell] = parse(cell)
                    except (KeyError, Unsure):
                        return False
            return True

        pad = any(name not in header for name in _COLUMNS)
        i_body, i_kind, i_ordinal, i_start, i_end, i_status, i_city, i_country, i_format, i_title, i_source, i_documents, i_cbm, i_id = at.values()
        new = tuple.__new__

        def meeting(row: list[str]) -> Meeting | None:
            """The meeting of one row of exactly the header's width (the list gets one more
            empty cell when the header lacks a column), or ``None`` when the row needs the
            schema's judgement."""
            if pad:
                row.append("")
            try:
                start = dates[row[i_start]]
                end = dates[row[i_end]]
                values = (bodies[row[i_body]], start, kinds[row[i_kind]], ordinals[row[i_ordinal]], end, statuses[row[i_status]], texts[row[i_city]], texts[row[i_country]], formats[row[i_format]], texts[row[i_title]], row[i_source].strip(), "", "", False, "", documents[row[i_documents]], cbms[row[i_cbm]], row[i_id].strip())
            except KeyError:  # a cell not seen before
                return meeting(row[:width]) if learn(row) else None
            except Unsure:  # a cell that is no date
                return None
            if start is None or (end is not None and end.latest < start.latest):
                return None  # an end before the start's last day: refused, or the start narrowed, by the schema
            return new(Meeting, values)

        def plain(row: list[str]) -> Meeting | None:
            """:func:`meeting` for a header of every column but documents, cbm and id (nearly
            every register): no empty cell to add, nor to look up, for those three."""
            try:
                start = dates[row[i_start]]
                end = dates[row[i_end]]
                values = (bodies[row[i_body]], start, kinds[row[i_kind]], ordinals[row[i_ordinal]], end, statuses[row[i_status]], texts[row[i_city]], texts[row[i_country]], formats[row[i_format]], texts[row[i_title]], row[i_source].strip(), "", "", False, "", (), "", "")
            except KeyError:  # a cell not seen before: learnt as above
                return meeting(row)
            except Unsure:  # a cell that is no date
                return None
            if start is None or (end is not None and end.latest < start.latest):
                return None
            return new(Meeting, values)

        usual = set(_COLUMNS).difference(header) == {"documents", "cbm", "id"}
        self.meeting = plain if usual else meeting

        def plain_lines(lines: Iterator[str], delimiter: str, read: list[Meeting]) -> str | None:
            """:func:`plain` over lines of one row each, each meeting appended to ``read``, in
            one loop (a call less per row, nothing counted per row); the first line it cannot
            read alone is returned, ``None`` once the lines are done."""
            append = read.append
            for text in lines:
                row = text.split(delimiter)
                if len(row) != width:
                    return text
                try:
                    start = dates[row[i_start]]
                    end = dates[row[i_end]]
                    values = (bodies[row[i_body]], start, kinds[row[i_kind]], ordinals[row[i_ordinal]], end, statuses[row[i_status]], texts[row[i_city]], texts[row[i_country]], formats[row[i_format]], texts[row[i_title]], row[i_source].strip(), "", "", False, "", (), "", "")
                except KeyError:  # a cell not seen before: learnt, and the row read again
                    made = plain(row) if learn(row, present) else None
                    if made is None:
                        return text
                    append(made)
                    continue
                except Unsure:  # a cell that is no date
                    return text
                if start is None or (end is not None and end.latest < start.latest):
                    return text
                append(new(Meeting, values))
            return None

        def some_lines(lines: Iterator[str], delimiter: str, read: list[Meeting]) -> str | None:
            """:func:`plain_lines` for any other header, by :func:`meeting`."""
            append = read.append
            for text in lines:
                row = text.split(delimiter)
                made = meeting(row) if len(row) == width else None
                if made is None:
                    return text
                append(made)
            return None

        self.lines = plain_lines if usual else some_lines


_CHAIR_COLUMNS = ("country", "start", "end", "ordinal", "note", "source")


def chair_parser(header: list[str]) -> Callable[[list[str]], ChairTerm | None]:
    """Chair terms from rows of cells in the order of ``header``, as
    :meth:`ChairTerm.from_cells` reads a row's stripped, non-empty cells; ``None`` for a row
    it would not read (the schema then words what is wrong) or whose ordinal is too large.

    ``from_cells`` took a dict of the row and another of its values (10 us a term): here the
    cells are read in place, each date text once, and the term's fields set directly."""
    width = len(header)
    at = [header.index(name) if name in header else width for name in _CHAIR_COLUMNS]
    pad = width in at
    i_country, i_start, i_end, i_ordinal, i_note, i_source = at
    dates = _Dates()
    new = ChairTerm.__new__

    def term(row: list[str]) -> ChairTerm | None:
        if len(row) != width:
            return None
        if pad:
            row = [*row, ""]
        country = row[i_country].strip()
        ordinal: int | None = None
        text = row[i_ordinal].strip()
        if text:
            # digits without a leading zero, as from_cells takes them; a larger one is the schema's
            if not (text.isascii() and text.isdigit() and text[0] != "0" and len(text) < 10):
                return None
            ordinal = int(text)
            if ordinal > MAX_ORDINAL:
                return None
        try:
            start, end = dates[row[i_start]], dates[row[i_end]]
        except Unsure:
            return None
        if not country or (start is not None and end is not None and end.latest < start.earliest):
            return None
        made = new(ChairTerm)
        vars(made).update(country=country, start=start, end=end, ordinal=ordinal, note=row[i_note].strip(), source=row[i_source].strip(), planned=False)
        return made

    return term
