"""CSV registers as tables of cells: the text (UTF-8 or UTF-16 as Excel saves it), the
delimiter, the header checked against the register's columns, and the rows with the error of
each way a row can break (``file:line`` in every one)."""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from planner.core.errors import RegisterError
from planner.inputs.inputfile import open_checked, read_text
from planner.inputs.limits import MAX_CELL, MAX_MEETINGS


def read_table(path: Path, empty: str = "a header line, then one row per entry") -> str:
    """Text of a CSV or JSON register: UTF-8 with or without BOM, or UTF-16 with BOM as Excel
    saves "Unicode text"; ``empty``: what an empty file should have held."""
    return read_text(path, RegisterError, what="CSV or JSON", utf16=True, saved_as="the file saved as UTF-8 ('CSV UTF-8' in Excel)", empty=empty)


def _sniff_delimiter(header: str) -> str:
    """Excel in many locales saves with semicolons, and 'Unicode text' with tabs."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# A line as io.StringIO(newline="") gives it: ended by \r\n, \r or \n, kept; then a last one without.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
# str.splitlines also ends lines at these (and at control characters, which read_text refuses);
# a text of one-byte characters cannot hold them, and `in` says so without a scan.
_OTHER_BREAKS = ("\u2028", "\u2029")
_CHUNK = 1 << 20


def lines(text: str) -> Iterator[str]:
    """The lines of ``text`` for the csv module, line ends kept, without a copy of the whole
    text: io.StringIO would hold it at four bytes a character (90 MB for a 23 MB register).

    A megabyte at a time is cut after a ``\\n`` and split by ``str.splitlines`` (twice as fast
    as a regular expression a line); a text with a line break ``splitlines`` knows and the
    csv module does not (U+2028 in a cell) is split by the expression instead."""
    if any(mark in text for mark in _OTHER_BREAKS):
        return (match.group() for match in _LINE.finditer(text))
    return chain.from_iterable(_chunks(text))


def _chunks(text: str) -> Iterator[list[str]]:
    start, size = 0, len(text)
    while start < size:
        # cut just after a \n, so that a \r\n pair stays in one chunk
        cut = text.find("\n", start + _CHUNK)
        cut = size if cut < 0 else cut + 1
        yield text[start:cut].splitlines(keepends=True)
        start = cut


# cells of one row: a row is a list of them (8 bytes each, and 50 bytes an empty cell): a line
# of 250 million delimiters, a blank row to the csv module, took 2.2 GB to be skipped
MAX_ROW_CELLS = MAX_CELL
# blank lines (rows without a value) of a register, besides its rows: 20 million newlines (a
# 20 MB file) took 26 s to be skipped, a 256 MB one minutes
MAX_BLANK_LINES = MAX_MEETINGS


_TOO_MANY_CELLS = f"a line of more than {MAX_ROW_CELLS:,} cells"


def _too_many_cells(line: str, delimiter: str) -> bool:
    return len(line) > MAX_ROW_CELLS and line.count(delimiter) >= MAX_ROW_CELLS


def _few_cells(lines: Iterator[str], delimiter: str) -> Iterator[str]:
    """``lines`` for the csv module, none splitting into more than :data:`MAX_ROW_CELLS` cells."""
    for line in lines:
        if _too_many_cells(line, delimiter):
            raise csv.Error(_TOO_MANY_CELLS)
        yield line


def blank_lines_error(path: Path, line: int) -> RegisterError:
    return RegisterError(f"more than {MAX_BLANK_LINES:,} blank lines", path=path, location=line, expected=f"at most {MAX_BLANK_LINES:,} rows without a value, as many as rows (see Limits in the README)")


class _Pushed:
    """The lines of a register as the csv module reads them: the line it is handed, then (for
    a quoted cell over several lines) the lines after it; none of more than
    :data:`MAX_ROW_CELLS` cells (the csv module makes the row before it can be refused)."""

    __slots__ = ("delimiter", "line", "rest")

    def __init__(self, rest: Iterator[str], delimiter: str) -> None:
        self.line: str | None = None
        self.rest = rest
        self.delimiter = delimiter

    def __iter__(self) -> _Pushed:
        return self

    def __next__(self) -> str:
        line = self.line
        if line is None:
            line = next(self.rest)
        else:
            self.line = None
        if _too_many_cells(line, self.delimiter):
            raise csv.Error(_TOO_MANY_CELLS)
        return line


class Records:
    """A CSV register line by line: its checked header, the lines after it, and the row of a
    line the csv module must read (:meth:`quoted`).

    A line without a quote is its cells split at the delimiter, as the csv module would read
    it (the delimiter and the quote are its only special characters here, and a line holds no
    line break: no control characters, and lines end at ``\r`` and ``\n``) at two thirds of
    the cost; a line with a quote, or longer than the csv module's cell limit, is read by the
    csv module, which also takes the lines a quoted cell spans and words every error."""

    def __init__(self, path: Path, columns: tuple[str, ...], required: tuple[str, ...], lines: Iterator[str], first: str, also: tuple[str, ...] = ()) -> None:
        self.delimiter = _sniff_delimiter(first)
        self.lines = lines
        self._feed = _Pushed(lines, self.delimiter)
        # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
        self.reader = reader = csv.reader(self._feed, delimiter=self.delimiter, strict=True)
        self.header = _header(reader, path, columns, required, also)
        self.plain_limit = csv.field_size_limit()  # a longer line goes to the csv module, which refuses a cell that long

    def taking(self, lines: Iterator[str]) -> None:
        """From now on the lines a quoted cell spans come from ``lines`` (the rest of a batch
        of lines already taken, then the lines after it)."""
        self._feed.rest = lines

    def quoted(self, text: str) -> tuple[list[str], int]:
        """The row that starts with line ``text``, read by the csv module, and how many lines
        it took (raises ``csv.Error``)."""
        reader = self.reader
        before = reader.line_num
        self._feed.line = text
        row = next(reader)
        return row, reader.line_num - before


@contextmanager
def streamed_records(path: Path, columns: tuple[str, ...], required: tuple[str, ...], also: tuple[str, ...] = ()) -> Iterator[Records]:
    """The :class:`Records` of a CSV register, read as a stream when the file is plainly UTF-8
    text (its text is never whole in memory), else from the text of the whole file. ``also``:
    columns let through beside ``columns`` for the caller to judge (not named as expected)."""
    handle = open_checked(path)
    if handle is None:
        text = read_table(path)
        yield Records(path, columns, required, lines(text), text[: text.find("\n")] if "\n" in text else text, also)
        return
    with handle:
        first = handle.readline()
        if first.endswith("\r"):  # lines ended by \r alone: the delimiter is sniffed from the whole text
            text = read_table(path)
            yield Records(path, columns, required, lines(text), text[: text.find("\n")] if "\n" in text else text, also)
            return
        yield Records(path, columns, required, chain((first,), handle), first.removesuffix("\n"), also)


def open_cells(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> tuple[list[str], Any]:
    """The header of a CSV register (checked against ``columns``) and the csv reader of its
    rows, positioned after the header."""
    text = read_table(path)
    first = text[: text.find("\n")] if "\n" in text else text
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    delimiter = _sniff_delimiter(first)
    reader = csv.reader(_few_cells(lines(text), delimiter), delimiter=delimiter, strict=True)
    return _header(reader, path, columns, required), reader


def _header(reader: Any, path: Path, columns: tuple[str, ...], required: tuple[str, ...], also: tuple[str, ...] = ()) -> list[str]:
    """The header the csv ``reader`` reads first, checked against ``columns``."""
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise broken(exc, path, 0) if str(exc) == _TOO_MANY_CELLS else RegisterError(f"CSV error: {exc}", path=path, location=1) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise RegisterError(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}", path=path, location=1, value=",".join(header)[:80], expected="a header with at least " + ",".join(required))
    seen: set[str] = set()  # a set, not header.count per column: 100,000 columns took minutes
    twice = next((h for h in header if h in seen or seen.add(h)), None)
    if twice is not None:
        raise RegisterError(f"column {twice!r} appears twice", path=path, location=1, expected="each column once")
    unknown = [h for h in header if h not in columns and h not in also]
    if unknown:
        close = difflib.get_close_matches(unknown[0], columns, n=1)
        raise RegisterError(f"unknown column {unknown[0]!r}" + (f"; did you mean {close[0]!r}?" if close else ""), path=path, location=1, expected="columns among " + ",".join(columns))
    return header


def read_cells(path: Path, columns: tuple[str, ...], required: tuple[str, ...], limit: int = MAX_MEETINGS) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header of a CSV register (checked) and its rows as ``(line, cells)``, blank rows
    skipped; more than ``limit`` rows is an error at the first row too many."""
    header, reader = open_cells(path, columns, required)
    return header, _cells(reader, path, len(header), limit)


def is_blank(row: list[str]) -> bool:
    return not "".join(row).strip()


def too_many_rows(limit: int, path: Path, line: int) -> RegisterError:
    return RegisterError(f"more than {limit:,} rows", path=path, location=line, expected=f"at most {limit:,} rows (see Limits in the README)")


def too_wide(row: list[str], width: int, path: Path, line: int) -> RegisterError:
    return RegisterError(f"{len(row)} fields but the header has {width}", path=path, location=line, expected="a quoted value where a cell holds the delimiter")


def broken(exc: csv.Error, path: Path, line: int) -> RegisterError:
    """The csv module's error, at the row that failed: it starts just after ``line``, the last
    good one."""
    if str(exc) == "unexpected end of data":
        return RegisterError("a quoted cell is never closed", path=path, location=line + 1, expected='a closing " before the end of the file')
    if str(exc) == _TOO_MANY_CELLS:
        return RegisterError(_TOO_MANY_CELLS, path=path, location=line + 1, expected="a row of the header's columns (see Limits in the README)")
    return RegisterError(f"CSV error: {exc}", path=path, location=line + 1)


def _cells(reader: Any, path: Path, width: int, limit: int) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num
    count = blank = 0
    try:
        for row in reader:
            line = reader.line_num
            if is_blank(row):
                blank += 1
                if blank > MAX_BLANK_LINES:
                    raise blank_lines_error(path, line)
                continue
            count += 1
            if count > limit:
                raise too_many_rows(limit, path, line)
            if len(row) > width:
                raise too_wide(row, width, path, line)
            yield line, row
    except csv.Error as exc:
        raise broken(exc, path, line) from None


def as_dict(header: list[str], row: list[str]) -> dict[str, str]:
    return {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


def read_rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...], limit: int = MAX_MEETINGS) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV register as ``(line, {column: text})``, header checked."""
    header, rows = read_cells(path, columns, required, limit)
    return ((line, as_dict(header, row)) for line, row in rows)
