"""CSV registers (what a secretariat keeps in a spreadsheet) -> meetings, with ``file:line``
in every error."""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Callable
from itertools import chain, islice, repeat
from operator import contains
from pathlib import Path

from planner.core.bulk import paused_gc
from planner.core.errors import RegisterError
from planner.core.model import Meeting, RuleBook
from planner.inputs.limits import MAX_MEETINGS
from planner.inputs.register.found import Found
from planner.inputs.register.schema_rows import (
    MEETING_COLUMNS,
    MEETING_REQUIRED,
    PROJECTION_COLUMNS,
    PROJECTION_MARKS,
    BodyMatcher,
)
from planner.inputs.rows import RowParser
from planner.inputs.table import (
    MAX_BLANK_LINES,
    Records,
    as_dict,
    blank_lines_error,
    broken,
    is_blank,
    streamed_records,
    too_many_rows,
    too_wide,
)


def meetings_of_csv(path: Path, book: RuleBook, warn: Callable[[str], None] | None) -> list[Meeting]:
    """The meetings of a CSV register. Rows of the usual shapes are read by the fast parser in
    this one loop (a register is mostly that); a row it is not sure of goes to the schema, as
    in :func:`meetings_from_rows`, with the same checks and errors."""
    try:
        with streamed_records(path, MEETING_COLUMNS, MEETING_REQUIRED, also=PROJECTION_COLUMNS) as records:
            _projection_columns(path, records.header)
            return _csv_rows(path, records, book, warn)
    except UnicodeDecodeError:  # checked before it was read: the file changed meanwhile
        raise RegisterError("changed while it was read", path=path, expected="a file no program writes to meanwhile") from None


def _projection_columns(path: Path, header: list[str]) -> None:
    """A header with a column only a projection has is a projection's (``planner project
    --format csv``, read back: its other columns are a register's), or it is refused as any
    unknown column is."""
    extra = [h for h in header if h in PROJECTION_COLUMNS]
    if extra and not all(mark in header for mark in PROJECTION_MARKS):
        raise RegisterError(f"unknown column {extra[0]!r}", path=path, location=1, expected="columns among " + ",".join(MEETING_COLUMNS) + "; host with reason and rule_source in a projection's CSV, as planner project --format csv writes it")


def _register_cells(header: list[str], row: list[str]) -> dict[str, str]:
    """A row's cells by column, without the columns only a projection has."""
    return {k: v for k, v in as_dict(header, row).items() if k not in PROJECTION_COLUMNS}


_STEP = 1 << 16  # meetings read between two calls of Found.take
_BATCH = 1024  # lines taken from the file at a time
_JOINED = 1 << 20  # characters of a batch joined to look for a quote at once


class _Lines:
    """The line each meeting was read on, kept as runs: a row of one line that gives a meeting
    keeps the run going (nearly every row), so nothing is noted per row. A run starts at
    meeting ``first`` on line ``line``; the i-th meeting of it was read on ``line + i - first``."""

    def __init__(self, line: int) -> None:
        self.firsts, self.lines = [0], [line]

    def run(self, first: int, line: int) -> None:
        """The meeting ``first`` (the next to be read) is on ``line``, or later if it is not
        there: a later call for the same meeting replaces this one."""
        firsts, lines = self.firsts, self.lines
        if firsts[-1] == first:
            lines[-1] = line
        elif lines[-1] + first - firsts[-1] != line:
            firsts.append(first)
            lines.append(line)

    def __call__(self, i: int) -> int:
        k = bisect_right(self.firsts, i) - 1
        return self.lines[k] + i - self.firsts[k]


class _Rows:
    """The rows of a CSV register one at a time, each as its line asks: a quoted cell (read by
    the csv module, over as many lines as it spans), a blank row, a short row, a row the fast
    parser leaves to the schema. ``line``: the last line read; ``count``: the rows read."""

    def __init__(self, path: Path, records: Records, parser: RowParser, found: Found, read: list[Meeting]) -> None:
        self.path, self.records, self.parse, self.found, self.read = path, records, parser.meeting, found, read
        self.header = records.header
        self.line = records.reader.line_num  # the header's last line
        self.places = _Lines(self.line + 1)
        self.count = self.blank = 0

    def one(self, text: str) -> bool:
        """Reads the row that starts with line ``text``; False once 50 rows are bad."""
        records, read, places, path = self.records, self.read, self.places, self.path
        width = len(self.header)
        if '"' in text or len(text) > records.plain_limit:
            row, taken = records.quoted(text)
            self.line += taken
            places.run(len(read), self.line)
        else:
            self.line += 1
            # the line end stays on the last cell: every cell is read stripped (a copy of each
            # line without it took 5 % of the load)
            row = text.split(records.delimiter)
        line, size = self.line, len(row)
        meeting = self.parse(row) if size == width else None
        if meeting is None and is_blank(row):
            places.run(len(read), line + 1)
            self.blank += 1
            if self.blank > MAX_BLANK_LINES:
                raise blank_lines_error(path, line)
            return True
        self.count += 1
        if self.count > MAX_MEETINGS:
            raise too_many_rows(MAX_MEETINGS, path, line)
        if meeting is None:
            if size > width:
                raise too_wide(row, width, path, line)
            if size < width:
                meeting = self.parse(row + [""] * (width - size))
            if meeting is None:
                meeting = self.found.validate(_register_cells(self.header, row), line)
                if meeting is None:
                    places.run(len(read), line + 1)
                    return len(self.found.errors) < 50
        read.append(meeting)
        return True


def _csv_rows(path: Path, records: Records, book: RuleBook, warn: Callable[[str], None] | None) -> list[Meeting]:
    matcher = BodyMatcher(book)
    parser = RowParser(records.header, matcher.match, matcher.cbms.get)
    found = Found(path, matcher)
    read: list[Meeting] = []  # every row's meeting, a row repeated too: Found.settle keeps each once
    rows = _Rows(path, records, parser, found, read)
    plain_lines, one, take = parser.lines, rows.one, found.take
    lines, delimiter, plain_limit = records.lines, records.delimiter, records.plain_limit
    mark = _STEP
    with paused_gc():
        try:
            # A batch of lines without a quote, none too long for the csv module and not past
            # the limit of rows, is read by the fast parser's loop (a row of one line each, so
            # nothing is counted per row) up to a line it cannot read alone; that line, and
            # every line of any other batch, is read as its row asks.
            while batch := list(islice(lines, _BATCH)):
                pending = iter(batch)
                records.taking(chain(pending, lines))  # a quoted cell's next lines: the batch's, then the file's
                chars = sum(map(len, batch))
                # (a quote is looked for in the batch joined, a copy of at most _JOINED characters)
                if rows.count + len(batch) <= MAX_MEETINGS and (chars <= plain_limit or max(map(len, batch)) <= plain_limit) and ('"' not in "".join(batch) if chars <= _JOINED else not any(map(contains, batch, repeat('"')))):
                    while True:
                        before = len(read)
                        stop = plain_lines(pending, delimiter, read)
                        done = len(read) - before
                        rows.line += done
                        rows.count += done
                        if stop is None or not one(stop):
                            break
                    if stop is not None:
                        break  # 50 bad rows
                else:
                    if not all(map(one, pending)):
                        break
                if len(read) >= mark:  # the set of them grows as they are read, not all at the end
                    take(read)
                    mark = len(read) + _STEP
        except csv.Error as exc:
            found.errors.append(broken(exc, path, rows.line))
        except RegisterError as exc:
            found.errors.append(exc)
        found.settle(read, rows.places)
    return found.result(warn)
