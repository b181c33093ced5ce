"""CSV registers as tables of cells: the text (UTF-8 or UTF-16 as Excel saves it), the
delimiter, the header checked against the register's columns, and the rows with the error of
each way a row can break (``file:line`` in every one)."""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from planner.core.errors import RegisterError
from planner.inputs.inputfile import open_checked, read_text
from planner.inputs.limits import MAX_MEETINGS


def read_table(path: Path) -> str:
    """Text of a CSV or JSON register: UTF-8 with or without BOM, or UTF-16 with BOM as Excel
    saves "Unicode text"."""
    return read_text(path, RegisterError, what="CSV or JSON", utf16=True, saved_as="the file saved as UTF-8 ('CSV UTF-8' in Excel)", empty="a header line, then one row per entry")


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


@contextmanager
def streamed_cells(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> Iterator[tuple[list[str], Any]]:
    """:func:`open_cells`, reading a file that is plainly UTF-8 text as a stream (the csv
    module reads it a line at a time, and the text is never whole in memory)."""
    handle = open_checked(path)
    if handle is None:
        yield open_cells(path, columns, required)
        return
    with handle:
        first = handle.readline()
        if first.endswith("\r"):  # lines ended by \r alone: the delimiter is sniffed from the whole text
            yield open_cells(path, columns, required)
            return
        yield open_cells(path, columns, required, (chain((first,), handle), first.removesuffix("\n")))


def open_cells(path: Path, columns: tuple[str, ...], required: tuple[str, ...], source: tuple[Iterable[str], str] | None = None) -> tuple[list[str], Any]:
    """The header of a CSV register (checked against ``columns``) and the csv reader of its
    rows, positioned after the header; ``source``: its lines and first line, when they are
    not read from the text of the whole file."""
    if source is None:
        text = read_table(path)
        source = lines(text), text[: text.find("\n")] if "\n" in text else text
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(source[0], delimiter=_sniff_delimiter(source[1]), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise RegisterError(f"CSV error: {exc}", path=path, location=1) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise RegisterError(f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}", path=path, location=1, value=",".join(header)[:80], expected="a header with at least " + ",".join(required))
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise RegisterError(f"column {twice[0]!r} appears twice", path=path, location=1, expected="each column once")
    unknown = [h for h in header if h not in columns]
    if unknown:
        close = difflib.get_close_matches(unknown[0], columns, n=1)
        raise RegisterError(f"unknown column {unknown[0]!r}" + (f"; did you mean {close[0]!r}?" if close else ""), path=path, location=1, expected="columns among " + ",".join(columns))
    return header, reader


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
    return RegisterError(f"CSV error: {exc}", path=path, location=line + 1)


def _cells(reader: Any, path: Path, width: int, limit: int) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num
    count = 0
    try:
        for row in reader:
            line = reader.line_num
            if is_blank(row):
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
