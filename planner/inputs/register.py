"""Registers -> meetings and chair terms: CSV (what a secretariat keeps in a spreadsheet), JSON
and iCalendar (.ics exports of Outlook or Google calendars), with ``file:line`` in every error.

Bodies are matched by id, name or alias, ignoring case; an unknown body is an error naming the
closest known ones.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.bulk import paused_gc
from planner.core.errors import InputErrors, RegisterError
from planner.core.model import ChairTerm, Meeting, RuleBook
from planner.inputs.inputfile import read_text
from planner.inputs.limits import MAX_CHAIR_TERMS, MAX_DEPTH, MAX_MEETINGS, MAX_ORDINAL, screen
from planner.inputs.rows import FORMAT_WORDS, RowParser, split_documents

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
        return self.by_name.get(text.strip().casefold())

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
        close = difflib.get_close_matches(text.strip().casefold(), list(self.by_name), n=3, cutoff=0.5)
        ids = list(dict.fromkeys(self.by_name[c] for c in close))
        return "one of " + ", ".join(ids) if ids else "a body id or alias of the rule book"


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


def lines(text: str) -> Iterator[str]:
    """The lines of ``text`` for the csv module, one at a time: io.StringIO would first copy
    the whole text at four bytes a character (90 MB for a 23 MB register)."""
    return (match.group() for match in _LINE.finditer(text))


def read_cells(path: Path, columns: tuple[str, ...], required: tuple[str, ...], limit: int = MAX_MEETINGS) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header of a CSV register (checked) and its rows as ``(line, cells)``, blank rows
    skipped; more than ``limit`` rows is an error at the first row too many."""
    text = read_table(path)
    first_line = text[: text.find("\n")] if "\n" in text else text
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell
    reader = csv.reader(lines(text), delimiter=_sniff_delimiter(first_line), strict=True)
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
    return header, _cells(reader, path, len(header), limit)


def _cells(reader: Any, path: Path, width: int, limit: int) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num
    count = 0
    try:
        for row in reader:
            line = reader.line_num
            if not "".join(row).strip():
                continue
            count += 1
            if count > limit:
                raise RegisterError(f"more than {limit:,} rows", path=path, location=line, expected=f"at most {limit:,} rows (see Limits in the README)")
            if len(row) > width:
                raise RegisterError(f"{len(row)} fields but the header has {width}", path=path, location=line, expected="a quoted value where a cell holds the delimiter")
            yield line, row
    except csv.Error as exc:
        # the row that failed starts just after the last good one
        if str(exc) == "unexpected end of data":
            raise RegisterError("a quoted cell is never closed", path=path, location=line + 1, expected='a closing " before the end of the file') from None
        raise RegisterError(f"CSV error: {exc}", path=path, location=line + 1) from None


def _as_dict(header: list[str], row: list[str]) -> dict[str, str]:
    return {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


def read_rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...], limit: int = MAX_MEETINGS) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV register as ``(line, {column: text})``, header checked."""
    header, rows = read_cells(path, columns, required, limit)
    return ((line, _as_dict(header, row)) for line, row in rows)


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


def meetings_from_rows(rows: Iterable[tuple[str | int, dict[str, Any] | Meeting]], book: RuleBook, path: Path, warn: Callable[[str], None] | None = None) -> list[Meeting]:
    """Meetings of register rows: each row a dict of fields to validate, or a meeting the fast
    parser already read."""
    matcher = BodyMatcher(book)
    # Each meeting once, with the place it was first read: a row copied twice would count
    # twice toward a cadence, so a repeat is kept once and reported.
    seen: dict[Meeting, str | int] = {}
    repeats: list[str] = []
    errors: list[RegisterError] = []
    with paused_gc():
        for location, row in _until_broken(rows, errors):
            if isinstance(row, Meeting):
                meeting = row
            else:
                try:
                    meeting = _validated(Meeting.model_validate, _meeting_fields(row, matcher, path, location), path, location)
                except _schema_error() as exc:
                    errors.extend(_with_ordinal(validation_errors(exc, path, location, row), row, path, location))
                    meeting = None
                except RegisterError as exc:
                    errors.append(exc)
                    meeting = None
            if meeting is not None and meeting.ordinal is not None and meeting.ordinal > MAX_ORDINAL:
                errors.append(ordinal_error(meeting.ordinal, path, location))
            elif meeting is not None:
                first = seen.setdefault(meeting, location)
                if first != location:
                    repeats.append(f"{_where(location)} (same as {_where(first)})")
            if len(errors) >= 50:
                break
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors)
    if repeats and warn is not None:
        shown = ", ".join(repeats[:10]) + (f" and {len(repeats) - 10} more" if len(repeats) > 10 else "")
        many = len(repeats) != 1
        warn(f"{path}: {len(repeats)} row{'s' if many else ''} repeat{'' if many else 's'} an earlier row and count{'' if many else 's'} once: {shown}")
    return list(seen)


def _csv_meetings(path: Path, book: RuleBook) -> Iterator[tuple[int, dict[str, str] | Meeting]]:
    """CSV rows read by the fast parser; a row it is not sure of goes to the schema as a dict."""
    header, rows = read_cells(path, MEETING_COLUMNS, MEETING_REQUIRED)
    matcher = BodyMatcher(book)
    parser = RowParser(header, matcher.match, matcher.cbms.get)
    for line, row in rows:
        yield line, parser.meeting(row) or _as_dict(header, row)


def _where(location: str | int) -> str:
    return f"line {location}" if isinstance(location, int) else str(location)


def chairs_from_rows(rows: Iterable[tuple[str | int, dict[str, Any]]], path: Path) -> list[ChairTerm]:
    terms: list[ChairTerm] = []
    errors: list[RegisterError] = []
    for location, row in _until_broken(rows, errors):
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


def _json_rows(path: Path, key: str) -> list[tuple[str, dict[str, Any]]]:
    from planner.inputs.json_types import object_pairs, wrong_type

    text = read_table(path)
    try:
        data = json.loads(text, object_pairs_hook=object_pairs)
    except json.JSONDecodeError as exc:
        raise RegisterError(f"JSON syntax error: {exc.msg}", path=path, location=f"{exc.lineno}:{exc.colno}") from None
    except RecursionError:
        raise RegisterError("is nested too deeply to read", path=path, expected=f"at most {MAX_DEPTH} levels of objects and arrays") from None
    except ValueError as exc:  # an integer of thousands of digits (int_max_str_digits)
        raise RegisterError(f"JSON value cannot be read: {str(exc).split(';')[0]}", path=path, expected="numbers of a few digits") from None
    for where_, problem, value, expected in screen(data, dates=False, root=key if isinstance(data, list) else ""):
        raise RegisterError(problem, path=path, location=where_ or None, value=value, expected=expected)
    where = None
    if getattr(data, "twice", None):
        raise RegisterError(f"key {data.twice!r} appears twice", path=path, expected="each key once (JSON keeps only the last)")
    if isinstance(data, dict):
        if key not in data:
            keys = ", ".join(sorted(map(str, data)))[:80] or "none"
            raise RegisterError(f"is an object (keys: {keys}) with no {key!r} list", path=path, expected=f"a JSON list of entries, or an object with a {key!r} list")
        data, where = data[key], key
    if not isinstance(data, list):
        raise RegisterError("is not a list of entries", path=path, location=where, value=data if isinstance(data, str | int | float | bool) else None, expected=f"a JSON list of entries, or an object with a {key!r} list")
    limit = MAX_MEETINGS if key == "meetings" else MAX_CHAIR_TERMS
    if len(data) > limit:
        raise RegisterError(f"holds {len(data):,} entries", path=path, location=where, expected=f"at most {limit:,} (see Limits in the README)")
    rows: list[tuple[str, dict[str, Any]]] = []
    from planner.core.schema import chair_term
    from planner.inputs.meeting_record import MeetingRecord

    model = MeetingRecord if key == "meetings" else chair_term.ChairTerm
    for i, item in enumerate(data):
        if not isinstance(item, dict):
            raise RegisterError("entry is not an object", path=path, location=f"{key}[{i}]", value=item)
        if getattr(item, "twice", None):
            raise RegisterError(f"key {item.twice!r} appears twice in one entry", path=path, location=f"{key}[{i}]", expected="each key once (JSON keeps only the last)")
        wrong = wrong_type(model, item)
        if wrong:  # a JSON value says its type: true is no ordinal, 5 no body name
            field, problem, expected = wrong
            raise RegisterError(f"{field}: {problem}", path=path, location=f"{key}[{i}]", value=item[field], expected=expected)
        rows.append((f"{key}[{i}]", {k: ("" if v is None else v) for k, v in item.items()}))
    return rows


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
        rows: Iterable[tuple[str | int, dict[str, Any] | Meeting]] = _json_rows(path, "meetings")
    else:
        rows = _csv_meetings(path, book)
    return meetings_from_rows(rows, book, path, warn)


def load_chairs(path: str | Path) -> list[ChairTerm]:
    """Read a register of chair terms from CSV or JSON."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return chairs_from_rows(_json_rows(path, "chairs"), path)
    return chairs_from_rows(read_rows(path, CHAIR_COLUMNS, CHAIR_REQUIRED, MAX_CHAIR_TERMS), path)
