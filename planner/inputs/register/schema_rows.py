"""Register rows the schema reads: the columns, the bodies a row may name (by id, name or
alias, ignoring case; an unknown body is an error naming the closest known ones), and the
schema's errors worded per cell, each naming its column.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.errors import RegisterError
from planner.core.model import RuleBook
from planner.core.words import name_key
from planner.inputs.limits import MAX_ORDINAL
from planner.inputs.rows import FORMAT_WORDS, split_documents

if TYPE_CHECKING:
    from pydantic import ValidationError


def schema_error() -> type[Exception]:
    """pydantic's ValidationError, imported when a row fails: reading a valid register (the
    fast row parser's) never loads pydantic."""
    from pydantic import ValidationError

    return ValidationError


MEETING_COLUMNS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source", "documents", "cbm", "id")
MEETING_REQUIRED = ("body", "start")
# columns `planner project --format csv` writes that a register has no use for: a projection
# read back as a register (DESIGN's invariant, a what-if overlay) is read past them; a register
# that has them without a projection's own two is refused as before (a typo, not a projection)
PROJECTION_COLUMNS = ("host", "customary", "reason", "rule_source")
PROJECTION_MARKS = ("reason", "rule_source")
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
    """One message per bad cell of a row, each naming its column; past the third unknown
    field of an entry, one more line counts the rest (a JSON entry of 100,000 keys was
    100,000 lines of error, in 4 s)."""
    out = []
    errors = exc.errors()
    extra = [str(err["loc"][0]) for err in errors if err["type"] == "extra_forbidden" and err["loc"]]
    if len(extra) > _UNKNOWN_SHOWN + 1:  # (a line for one more would say no less)
        known = {"Meeting": MEETING_COLUMNS, "ChairTerm": CHAIR_COLUMNS}.get(exc.title, ())
        rest = extra[_UNKNOWN_SHOWN:]
        names = ", ".join(shown_key(name) for name in rest[:_UNKNOWN_SHOWN])
        errors = [err for err in errors if err["type"] != "extra_forbidden" or err["loc"] and str(err["loc"][0]) in extra[:_UNKNOWN_SHOWN]]
        expected = "fields among " + ",".join(known) if known else None
        tail = RegisterError(f"{len(rest):,} more unknown fields ({names}{', ...' if len(rest) > _UNKNOWN_SHOWN else ''})", path=path, location=location, expected=expected)
    else:
        tail = None
    for err in errors:
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
    if tail is not None:
        out.append(tail)
    return out


_UNKNOWN_SHOWN = 3  # unknown fields of one entry named one by one


def shown_key(name: str) -> str:
    """An unknown field's name as a message names it: quoted, and cut past 40 characters."""
    return repr(name if len(name) <= 40 else name[:40] + "...")



def header_again(row: dict[str, Any], path: Path, location: str | int) -> RegisterError | None:
    """A CSV row that repeats the header (two registers pasted together, ``cat a.csv b.csv``)
    as one error; it was one per cell, in words about dates and bodies ("start: 'start' is not
    a date"). ``None`` for any other row (asked only of a row already found bad)."""
    cells = [(k, v.strip().casefold()) for k, v in row.items() if isinstance(v, str) and v.strip()]
    if not isinstance(location, int) or len(cells) < 2 or any(k != v for k, v in cells):
        return None
    return RegisterError("is the header line again", path=path, location=location, value=",".join(v for _, v in cells)[:120], expected="one header line, at the top, and one entry a line after it (two files pasted together? give each its own option)")


def meeting_fields(row: dict[str, Any], matcher: BodyMatcher, path: Path, location: str | int) -> dict[str, Any]:
    if (again := header_again(row, path, location)) is not None:
        raise again
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


def validated(validate: Callable[[dict[str, Any]], Any], fields: dict[str, Any], path: Path, location: str | int) -> Any:
    """``validate(fields)``, and a text ordinal the schema read but a register does not mean."""
    result = validate(fields)
    bad = _ordinal_text_error(fields, path, location)
    if bad:
        raise bad
    return result


def with_ordinal(found: list[RegisterError], fields: dict[str, Any], path: Path, location: str | int) -> list[RegisterError]:
    """The schema's errors of a row, with a text ordinal it read but should not have, first."""
    bad = _ordinal_text_error(fields, path, location)
    if bad and not any(e.problem.startswith("ordinal:") for e in found):
        return [bad, *found]
    return found


def ordinal_error(ordinal: int, path: Path, location: str | int) -> RegisterError:
    """Ordinals count meetings: a huge one is a typo, and calendars cannot hold it (RFC 5545
    integers are 32-bit)."""
    return RegisterError("ordinal: is too large", path=path, location=location, value=ordinal, expected=f"at most {MAX_ORDINAL:,}")
