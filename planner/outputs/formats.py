"""What every writer of a table or a document shares: CSV whose cells a spreadsheet will not
run, markdown that links nothing from the input, JSON with a ``schema_version``, and a meeting
as JSON.

Text is for a person at a terminal; markdown for a report or a wiki; JSON (with a
``schema_version``) for programs; CSV for spreadsheets, with formula-like cells neutralized.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain
from typing import Any, Protocol

from planner.core.model import Meeting, RuleBook

SCHEMA_VERSION = 1
FORMATS = ("text", "markdown", "json", "csv")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection), at its
    start or at the start of any of its lines (a tool that splits lines naively sees those too)."""
    text = "" if value is None else str(value)
    if "\n" in text or "\r" in text:
        text = _AFTER_BREAK.sub(r"\1'", text)
    return "'" + text if text.startswith(_FORMULA_START) else text


_AFTER_BREAK = re.compile(r"([\r\n])(?=[" + re.escape("".join(_FORMULA_START)) + r"])")


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with ``\\n`` line ends. Python's writer quotes a cell holding its line terminator
    but not a lone carriage return, which a spreadsheet reads as a line break: a row holding one
    goes through a writer whose terminator is CRLF (so CR is quoted too), then ends with LF."""
    return "".join(csv_chunks(header, [rows]))


def csv_chunks(header: Sequence[str] | None, batches: Iterable[Iterable[Sequence[Any]]], *, texts: bool = False) -> Iterator[str]:
    """:func:`to_csv` in pieces: the header (none when ``None``: rows that follow others), then
    the rows of each batch as one piece.

    ``texts``: every cell of every row is a ``str`` (the caller says so). A batch is then
    checked whole for what :func:`safe_cell` would change, by one search of its cells joined,
    and written by the csv module in one call when nothing needs it (most batches)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header is not None:
        writer.writerow(header)
    starts = frozenset(_FORMULA_START)
    for rows in batches:
        if texts:
            rows = rows if isinstance(rows, list) else list(rows)
            # a NUL inside a cell can only make the search find too much (then each row is
            # looked at below), never too little: every cell begins the text or follows a NUL
            try:
                cells = "\x00".join(chain.from_iterable(rows))  # one join, not one a row
            except TypeError:  # a cell that is no text after all: each row is looked at below
                cells = "\n"
            if "\n" not in cells and "\r" not in cells and cells[:1] not in starts and _FORMULA_CELL.search(cells) is None:
                lines = _csv_lines(rows)
                if lines is not None:
                    yield out.getvalue() + lines if out.tell() else lines  # the header, before the first batch
                    out.seek(0)
                    out.truncate()
                    continue
                writer.writerows(rows)
                yield out.getvalue()
                out.seek(0)
                out.truncate()
                continue
        for row in rows:
            texts_ = ["" if v is None else v if v.__class__ is str else str(v) for v in row]
            joined = "".join(texts_)
            if "\n" not in joined and "\r" not in joined and starts.isdisjoint([t[:1] for t in texts_]):
                writer.writerow(texts_)  # nothing for safe_cell to change: most rows
                continue
            cells = [safe_cell(v) for v in texts_]
            if any("\r" in cell for cell in cells):
                one = io.StringIO()
                csv.writer(one, lineterminator="\r\n").writerow(cells)
                out.write(one.getvalue()[:-2] + "\n")
            else:
                writer.writerow(cells)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def _csv_lines(rows: list[Any]) -> str | None:
    """``rows`` (text, no line breaks in any cell) as the csv module writes them, quoting a cell
    only where it holds a comma or a quote (doubled), or ``None`` when they are not all of one
    length of two cells or more, or hold a NUL (then the module writes them).

    Column by column: a column with neither (most of them) is taken as it is, with no look at
    its cells one by one; the csv module looks at each character of each cell (at 1,000 bodies
    a check's 250,000 rows of 14 cells took 0.6 s in ``writerows``)."""
    if not rows:
        return ""
    width = len(rows[0])
    if width < 2 or any(len(row) != width for row in rows):  # a lone empty cell is written ""
        return None
    columns: list[Any] = list(zip(*rows, strict=True))  # all of one length
    for i, column in enumerate(columns):
        text = "\n".join(column)
        if "\x00" in text:
            return None
        if '"' in text:
            columns[i] = [_quoted(cell) if "," in cell or '"' in cell else cell for cell in column]
        elif "," in text:  # most such columns (a why): quoted, nothing to double
            columns[i] = ['"' + cell + '"' if "," in cell else cell for cell in column]
    return "\n".join(map(",".join, zip(*columns, strict=True))) + "\n"


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


# a cell after the first that begins like a formula, in cells joined by NUL (a search for one
# character and then a class: an alternation with ``^`` is tried at every place, 20 times slower)
_FORMULA_CELL = re.compile("\x00[" + re.escape("".join(_FORMULA_START)) + "]")


def to_json(data: dict[str, Any]) -> str:
    return json.dumps({"schema_version": SCHEMA_VERSION, **data}, indent=2, ensure_ascii=False) + "\n"


class MadeAsReached(list):  # type: ignore[type-arg]
    """A list to :func:`json_pieces` whose items are made as the encoder reaches them (``make``
    of each of ``items``): one at a time in memory, not all of them at once."""

    def __init__(self, items: Iterable[Any], make: Callable[[Any], Any]) -> None:
        super().__init__(items)
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, super().__iter__())


def json_pieces(data: dict[str, Any]) -> Iterator[str]:
    """The bytes :func:`to_json` gives, in pieces of about a megabyte as they are encoded.
    ``json.dumps`` with an indent joins a list of every token (some ten million for a 105 MB
    chairs answer: 917 MB of memory); lists of :class:`MadeAsReached` items are made as read."""
    batch: list[str] = []
    size = 0
    for chunk in json.JSONEncoder(indent=2, ensure_ascii=False).iterencode({"schema_version": SCHEMA_VERSION, **data}):
        batch.append(chunk)
        size += len(chunk)
        if size >= 1 << 20:
            yield "".join(batch)
            batch, size = [], 0
    batch.append("\n")
    yield "".join(batch)


class Run(Protocol):
    """A run over a period of the rule book (a check's report, a projection)."""

    @property
    def book(self) -> RuleBook: ...
    @property
    def today(self) -> date: ...
    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date: ...


def json_opening(schema_version: int, command: str, run: Run, rules_label: str, more: dict[str, Any], key: str) -> str:
    """The opening of a JSON document written in pieces (check, project): the head both have
    (schema, command, organization, the run's day and period, the rule book), ``more`` after
    it, then ``key``'s list opened for the pieces that follow (',\n  "findings": [')."""
    head = {
        "schema_version": schema_version,
        "command": command,
        "organization": run.book.organization.id,
        "today": run.today.isoformat(),
        "from": run.start.isoformat() if run.start else None,
        "to": run.end.isoformat(),
        "rule_book": rules_label,
        **more,
    }
    return json.dumps(head, indent=2, ensure_ascii=False)[: -len("\n}")] + f',\n  "{key}": ['


# Markdown is rendered where it is read (a wiki, a pull request): a name from the input written
# as `[x](javascript:...)` or `<img onerror=...>` became a link or markup there. "](" is escaped
# (no inline link or image without it; a note's "[1]" stays as it is) and "<" written as an
# entity (no HTML, no autolink): the text reads the same, nothing from the input acts.


def md_text(value: str) -> str:
    """``value`` as markdown text: no link, image or HTML made of what it holds."""
    if "<" in value or "](" in value:
        return value.replace("<", "&lt;").replace("](", "]\\(")
    return value


def md_cell(value: Any) -> str:
    return md_text(str(value if value is not None else "")).replace("|", "\\|").replace("\n", " ")


def md_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def meeting_dict(m: Meeting) -> dict[str, Any]:
    data: dict[str, Any] = {
        "body": m.body,
        "kind": m.kind.value,
        "ordinal": m.ordinal,
        "start": str(m.start),
        "end": str(m.end) if m.end else None,
        "status": m.status.value,
        "city": m.city or None,
        "country": m.country or None,
        "format": m.format.value if m.format else None,
        "title": m.title or None,
        "source": m.source or None,
    }
    if m.documents:
        data["documents"] = list(m.documents)
    if m.cbm:
        data["cbm"] = m.cbm
    if m.reason:
        data.update(reason=m.reason, rule_source=m.rule_source or None, customary=m.customary)
    return data
