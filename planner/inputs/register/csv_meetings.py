"""CSV registers (what a secretariat keeps in a spreadsheet) -> meetings, with ``file:line``
in every error."""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

from planner.core.bulk import paused_gc
from planner.core.errors import RegisterError
from planner.core.model import Meeting, RuleBook
from planner.inputs.limits import MAX_MEETINGS
from planner.inputs.register.found import Found
from planner.inputs.register.schema_rows import MEETING_COLUMNS, MEETING_REQUIRED, BodyMatcher
from planner.inputs.rows import RowParser
from planner.inputs.table import (
    Records,
    as_dict,
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
        with streamed_records(path, MEETING_COLUMNS, MEETING_REQUIRED) as records:
            return _csv_rows(path, records, book, warn)
    except UnicodeDecodeError:  # checked before it was read: the file changed meanwhile
        raise RegisterError("changed while it was read", path=path, expected="a file no program writes to meanwhile") from None


_STEP = 1 << 16  # meetings read between two calls of Found.take


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


def _csv_rows(path: Path, records: Records, book: RuleBook, warn: Callable[[str], None] | None) -> list[Meeting]:
    header = records.header
    matcher = BodyMatcher(book)
    parse = RowParser(header, matcher.match, matcher.cbms.get).meeting
    width, limit = len(header), MAX_MEETINGS
    found = Found(path, matcher)
    errors = found.errors
    read: list[Meeting] = []  # every row's meeting, a row repeated too: Found.settle keeps each once
    quoted, delimiter, plain_limit = records.quoted, records.delimiter, records.plain_limit
    line = records.reader.line_num  # the last line read, of the header or of the last row
    places = _Lines(line + 1)
    take, mark = found.take, _STEP
    count = 0
    with paused_gc():
        try:
            for text in records.lines:
                if '"' in text or len(text) > plain_limit:
                    row, taken = quoted(text)
                    line += taken
                    places.run(len(read), line)
                else:
                    line += 1
                    # the line end stays on the last cell: every cell is read stripped (a
                    # copy of each line without it took 5 % of the load)
                    row = text.split(delimiter)
                size = len(row)
                meeting = parse(row) if size == width else None
                if meeting is None and is_blank(row):
                    places.run(len(read), line + 1)
                    continue
                count += 1
                if count > limit:
                    raise too_many_rows(limit, path, line)
                if meeting is None:
                    if size > width:
                        raise too_wide(row, width, path, line)
                    if size < width:
                        meeting = parse(row + [""] * (width - size))
                    if meeting is None:
                        meeting = found.validate(as_dict(header, row), line)
                        if meeting is None:
                            places.run(len(read), line + 1)
                            if len(errors) >= 50:
                                break
                            continue
                read.append(meeting)
                if len(read) == mark:  # the set of them grows as they are read, not all at the end
                    take(read)
                    mark += _STEP
        except csv.Error as exc:
            errors.append(broken(exc, path, line))
        except RegisterError as exc:
            errors.append(exc)
        found.settle(read, places)
    return found.result(warn)
