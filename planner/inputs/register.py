"""Registers -> meetings and chair terms: CSV (what a secretariat keeps in a spreadsheet), JSON
and iCalendar (.ics exports of Outlook or Google calendars), with ``file:line`` in every error.

Bodies are matched by id, name or alias, ignoring case; an unknown body is an error naming the
closest known ones.
"""

from __future__ import annotations

import csv
import difflib
from array import array
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.bulk import paused_gc
from planner.core.errors import InputErrors, RegisterError
from planner.core.model import ChairTerm, Meeting, RuleBook
from planner.core.words import name_key
from planner.inputs.limits import MAX_CHAIR_TERMS, MAX_MEETINGS, MAX_ORDINAL
from planner.inputs.rows import FORMAT_WORDS, RowParser, chair_parser, split_documents
from planner.inputs.table import (
    Records,
    as_dict,
    broken,
    is_blank,
    read_cells,
    read_rows,
    read_table,
    streamed_records,
    too_many_rows,
    too_wide,
)

__all__ = ["BodyMatcher", "load_chairs", "load_meetings", "read_cells", "read_rows", "read_table", "validation_errors"]

if TYPE_CHECKING:
    from pydantic import ValidationError


def _schema_error() -> type[Exception]:
    """pydantic's ValidationError, imported when a row fails: reading a valid register (the
    fast row parser's) never loads pydantic."""
    from pydantic import ValidationError

    return ValidationError


MEETING_COLUMNS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source", "documents", "cbm", "id")
MEETING_REQUIRED = ("body", "start")
CHAIR_COLUMNS = ("country", "start", "end", "ordinal", "note", "source")
CHAIR_REQUIRED = ("country",)


class BodyMatcher:
    """Finds the body a register row means, by id, name or alias, ignoring case."""

    def __init__(self, book: RuleBook) -> None:
        self.by_name: dict[str, str] = {}
        for body in book.bodies:
            for name in body.names():
                self.by_name.setdefault(name, body.id)
        self.cbms: dict[str, str] = {}
        for cbm in book.cbms:
            self.cbms.setdefault(cbm.key.casefold(), cbm.key)
            self.cbms.setdefault(cbm.measure.casefold(), cbm.key)

    def match(self, text: str) -> str | None:
        return self.by_name.get(name_key(text))

    def cbm(self, text: str, path: Path, location: str | int) -> str:
        """The id of the catalogue measure a ``cbm`` cell names (by id or measure, any case)."""
        if not text:
            return ""
        key = self.cbms.get(text.casefold())
        if key is None:
            close = difflib.get_close_matches(text.casefold(), list(self.cbms), n=3, cutoff=0.5)
            ids = list(dict.fromkeys(self.cbms[c] for c in close))
            expected = "one of " + ", ".join(ids) if ids else ("a CBM id of the rule book's catalogue" if self.cbms else "nothing: the rule book has no CBM catalogue")
            raise RegisterError("cbm: unknown confidence building measure", path=path, location=location, value=text, expected=expected)
        return key

    def suggest(self, text: str) -> str:
        close = difflib.get_close_matches(name_key(text), list(self.by_name), n=3, cutoff=0.5)
        ids = list(dict.fromkeys(self.by_name[c] for c in close))
        return "one of " + ", ".join(ids) if ids else "a body id or alias of the rule book"


def validation_errors(exc: ValidationError, path: Path, location: str | int, row: dict[str, Any]) -> list[RegisterError]:
    """One message per bad cell of a row, each naming its column."""
    out = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else ""
        msg = err["msg"].removeprefix("Value error, ")
        expected = None
        if err["type"] == "enum":
            msg = f"is not one of {err['ctx']['expected'].replace(chr(39), '')}"
        elif err["type"] in ("int_parsing", "int_from_float"):
            msg = "is not a whole number"
        elif err["type"] == "greater_than_equal":
            msg = "must be 1 or more"
        elif err["type"] == "missing":
            msg, expected = "empty", "a value in every row"
        elif err["type"] == "extra_forbidden":
            known = {"Meeting": MEETING_COLUMNS, "ChairTerm": CHAIR_COLUMNS}.get(exc.title, ())
            close = difflib.get_close_matches(field, known, n=1)
            msg = "unknown field" + (f"; did you mean {close[0]!r}?" if close else "")
            expected = "fields among " + ",".join(known) if known else None
        elif err["type"] in ("string_type", "int_type", "bool_type"):
            msg = "has the wrong type"
            expected = {"string_type": "text", "int_type": "a whole number", "bool_type": "true or false"}[err["type"]]
        value = row.get(field) if field else None
        problem = f"{field}: {msg}" if field else msg
        shown = value if value not in (None, "") and repr(value) not in msg else None
        out.append(RegisterError(problem, path=path, location=location, value=shown, expected=expected))
    return out


def _meeting_fields(row: dict[str, Any], matcher: BodyMatcher, path: Path, location: str | int) -> dict[str, Any]:
    body_text = str(row.get("body") or "").strip()
    if not body_text:
        raise RegisterError("body: empty", path=path, location=location, expected="a body id or alias")
    body = matcher.match(body_text)
    if body is None:
        raise RegisterError("body: unknown body", path=path, location=location, value=body_text, expected=matcher.suggest(body_text))
    fields = {k: v for k, v in row.items() if v not in ("", None)}
    fields["body"] = body
    for key in ("kind", "status", "format"):
        if isinstance(fields.get(key), str):
            word = fields[key].strip().lower()
            fields[key] = FORMAT_WORDS.get(word, word) if key == "format" else word
    if "start" not in fields:
        raise RegisterError("start: empty", path=path, location=location, expected="a date YYYY, YYYY-MM or YYYY-MM-DD")
    if isinstance(fields.get("documents"), str):
        fields["documents"] = split_documents(fields["documents"])
    if isinstance(fields.get("cbm"), str):
        fields["cbm"] = matcher.cbm(fields["cbm"].strip(), path, location)
    return fields


def _ordinal_text_error(fields: dict[str, Any], path: Path, location: str | int) -> RegisterError | None:
    """An ordinal given as text (a CSV cell) is digits: Python would also read '+1', '1_000'
    and, as pydantic does, '1.0' as numbers, none of which a register means."""
    value = fields.get("ordinal")
    digits = value[1:] if isinstance(value, str) and value.startswith("-") else value  # -1: "must be 1 or more"
    if isinstance(digits, str) and digits and not (digits.isascii() and digits.isdigit()):
        return RegisterError("ordinal: is not a whole number", path=path, location=location, value=value, expected="digits only, e.g. 3")
    return None


def _validated(validate: Callable[[dict[str, Any]], Any], fields: dict[str, Any], path: Path, location: str | int) -> Any:
    """``validate(fields)``, and a text ordinal the schema read but a register does not mean."""
    result = validate(fields)
    bad = _ordinal_text_error(fields, path, location)
    if bad:
        raise bad
    return result


def _with_ordinal(found: list[RegisterError], fields: dict[str, Any], path: Path, location: str | int) -> list[RegisterError]:
    """The schema's errors of a row, with a text ordinal it read but should not have, first."""
    bad = _ordinal_text_error(fields, path, location)
    if bad and not any(e.problem.startswith("ordinal:") for e in found):
        return [bad, *found]
    return found


def ordinal_error(ordinal: int, path: Path, location: str | int) -> RegisterError:
    """Ordinals count meetings: a huge one is a typo, and calendars cannot hold it (RFC 5545
    integers are 32-bit)."""
    return RegisterError("ordinal: is too large", path=path, location=location, value=ordinal, expected=f"at most {MAX_ORDINAL:,}")


def _until_broken(rows: Iterable[tuple[str | int, Any]], errors: list[RegisterError]) -> Iterator[tuple[str | int, Any]]:
    """Rows until one the reader cannot go past; that error joins the problems of earlier rows."""
    try:
        yield from rows
    except RegisterError as exc:
        errors.append(exc)


class Found:
    """What reading a register found: each meeting once, with the place it was first read (a
    row copied twice would count twice toward a cadence, so a repeat is kept once and
    reported), and the errors, at most 50. The meetings are read whole, then taken in by
    :meth:`settle`."""

    def __init__(self, path: Path, matcher: BodyMatcher) -> None:
        self.path = path
        self.matcher = matcher
        self.repeats: list[tuple[str | int, Meeting]] = []
        self.errors: list[RegisterError] = []
        self.read: list[Meeting] = []  # each meeting once, in the order first read
        self.first: dict[Meeting, str | int] = {}  # where the repeats a warning names were first read

    def validate(self, row: dict[str, Any], location: str | int) -> Meeting | None:
        """The meeting of a row of loosely typed fields, by the register's schema; ``None``
        when the row is bad, its errors noted."""
        path = self.path
        try:
            meeting = _validated(Meeting.model_validate, _meeting_fields(row, self.matcher, path, location), path, location)
        except _schema_error() as exc:
            self.errors.extend(_with_ordinal(validation_errors(exc, path, location, row), row, path, location))
            return None
        except RegisterError as exc:
            self.errors.append(exc)
            return None
        if meeting.ordinal is not None and meeting.ordinal > MAX_ORDINAL:
            self.errors.append(ordinal_error(meeting.ordinal, path, location))
            return None
        return meeting

    def settle(self, meetings: list[Meeting], place: Callable[[int], str | int], seen: dict[Meeting, None] | None = None, done: int = 0) -> None:
        """Takes ``meetings``, in the order read (``place(i)``: where the i-th was read), into a
        Found that holds none yet. One dict of them, built in C, says whether any repeats
        (nearly no register has a repeat): cheaper than a look-up per row as it is read.
        ``seen``: that dict of the first ``done`` meetings, built while they were read."""
        seen = {} if seen is None else seen
        seen.update(zip(meetings[done:], repeat(None)))
        if len(seen) == len(meetings):
            self.read = meetings
            return
        # The dict keeps the first meeting of each value, in the order read: a walk by
        # identity (no hashing again) finds the others, the repeats.
        firsts = list(seen)
        del seen
        j, count = 0, len(firsts)
        for i, meeting in enumerate(meetings):
            if j < count and meeting is firsts[j]:
                j += 1
            else:
                self.repeats.append((place(i), meeting))
        self.read = firsts
        # where the repeats a warning names were first read (list.index: the first equal one)
        self.first = {meeting: place(meetings.index(meeting)) for _, meeting in self.repeats[:10]}

    def result(self, warn: Callable[[str], None] | None) -> list[Meeting]:
        """The meetings in the order first read; raises the errors, warns of the repeats."""
        errors, repeats = self.errors, self.repeats
        if errors:
            raise errors[0] if len(errors) == 1 else InputErrors(errors)
        if repeats and warn is not None:
            shown = ", ".join(f"{_where(place)} (same as {_where(self.first[meeting])})" for place, meeting in repeats[:10]) + (f" and {len(repeats) - 10} more" if len(repeats) > 10 else "")
            many = len(repeats) != 1
            warn(f"{self.path}: {len(repeats)} row{'s' if many else ''} repeat{'' if many else 's'} an earlier row and count{'' if many else 's'} once: {shown}")
        return self.read


def meetings_from_rows(rows: Iterable[tuple[str | int, dict[str, Any]]], book: RuleBook, path: Path, warn: Callable[[str], None] | None = None) -> list[Meeting]:
    """Meetings of register rows, each a dict of fields to validate."""
    found = Found(path, BodyMatcher(book))
    read: list[Meeting] = []
    places: list[str | int] = []
    with paused_gc():
        for location, row in _until_broken(rows, found.errors):
            meeting = found.validate(row, location)
            if meeting is not None:
                read.append(meeting)
                places.append(location)
            if len(found.errors) >= 50:
                break
        found.settle(read, places.__getitem__)
    return found.result(warn)


def _csv_meetings(path: Path, book: RuleBook, warn: Callable[[str], None] | None) -> list[Meeting]:
    """The meetings of a CSV register. Rows of the usual shapes are read by the fast parser in
    this one loop (a register is mostly that); a row it is not sure of goes to the schema, as
    in :func:`meetings_from_rows`, with the same checks and errors."""
    try:
        with streamed_records(path, MEETING_COLUMNS, MEETING_REQUIRED) as records:
            return _csv_rows(path, records, book, warn)
    except UnicodeDecodeError:  # checked before it was read: the file changed meanwhile
        raise RegisterError("changed while it was read", path=path, expected="a file no program writes to meanwhile") from None


_STEP = 1 << 16  # meetings read between two additions to the dict that finds repeats


def _csv_rows(path: Path, records: Records, book: RuleBook, warn: Callable[[str], None] | None) -> list[Meeting]:
    header = records.header
    matcher = BodyMatcher(book)
    parse = RowParser(header, matcher.match, matcher.cbms.get).meeting
    width, limit = len(header), MAX_MEETINGS
    found = Found(path, matcher)
    errors = found.errors
    read: list[Meeting] = []  # every row's meeting, a row repeated too: Found.settle keeps each once
    places = array("i")  # the line of each (a file of at most 256 MB has fewer than 2**31 lines)
    quoted, delimiter, plain_limit = records.quoted, records.delimiter, records.plain_limit
    line = records.reader.line_num  # the last line read, of the header or of the last row
    seen: dict[Meeting, None] = {}
    done, mark = 0, _STEP
    count = 0
    with paused_gc():
        try:
            for text in records.lines:
                if '"' in text or len(text) > plain_limit:
                    row, taken = quoted(text)
                    line += taken
                else:
                    line += 1
                    row = text.rstrip("\r\n").split(delimiter)
                size = len(row)
                meeting = parse(row) if size == width else None
                if meeting is None and is_blank(row):
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
                            if len(errors) >= 50:
                                break
                            continue
                read.append(meeting)
                places.append(line)
                if len(read) == mark:  # the dict of them grows as they are read, not all at the end
                    seen.update(zip(read[done:], repeat(None)))
                    done, mark = mark, mark + _STEP
        except csv.Error as exc:
            errors.append(broken(exc, path, line))
        except RegisterError as exc:
            errors.append(exc)
        found.settle(read, places.__getitem__, seen, done)
    return found.result(warn)


def _where(location: str | int) -> str:
    return f"line {location}" if isinstance(location, int) else str(location)


def chairs_from_rows(rows: Iterable[tuple[str | int, Any]], path: Path, header: list[str] | None = None) -> list[ChairTerm]:
    """Chair terms of register rows, each a dict of fields; with ``header``, each a list of a
    CSV register's cells in its order, read by the fast parser when it can."""
    terms: list[ChairTerm] = []
    errors: list[RegisterError] = []
    parse = chair_parser(header) if header is not None else None
    for location, row in _until_broken(rows, errors):
        if parse is not None:
            term = parse(row)
            if term is not None:
                terms.append(term)
                continue
            row = as_dict(header, row)  # type: ignore[arg-type]
        fields = {k: v for k, v in row.items() if v not in ("", None)}
        try:
            term = ChairTerm.from_cells(fields) or _validated(ChairTerm.model_validate, fields, path, location)
        except _schema_error() as exc:
            errors.extend(_with_ordinal(validation_errors(exc, path, location, row), fields, path, location))
        except RegisterError as exc:
            errors.append(exc)
        else:
            if term.ordinal is not None and term.ordinal > MAX_ORDINAL:
                errors.append(ordinal_error(term.ordinal, path, location))
            else:
                terms.append(term)
        if len(errors) >= 50:
            break
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    return terms


def load_meetings(path: str | Path, book: RuleBook, warn: Callable[[str], None] | None = None, *, today: date | None = None, until: date | None = None) -> list[Meeting]:
    """Read a register of meetings from CSV, JSON or .ics, matching bodies to ``book``.

    ``warn`` receives one message about .ics events that match no body (never dropped
    silently); ``today`` decides whether an .ics event with no status of ours was held or is
    planned; ``until`` bounds the expansion of recurring .ics series (the judged horizon).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".ics":
        from planner.inputs.ics.register_ics import read_ics_meetings

        return read_ics_meetings(path, book, warn, today=today, until=until)
    if suffix == ".json":
        from planner.inputs.register_json import json_meetings

        return json_meetings(path, book, warn)
    return _csv_meetings(path, book, warn)


def load_chairs(path: str | Path) -> list[ChairTerm]:
    """Read a register of chair terms from CSV or JSON."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        from planner.inputs.register_json import json_rows

        return chairs_from_rows(json_rows(path, "chairs"), path)
    header, rows = read_cells(path, CHAIR_COLUMNS, CHAIR_REQUIRED, MAX_CHAIR_TERMS)
    return chairs_from_rows(rows, path, header)
