"""JSON registers: a list of entries (or an object with a ``meetings`` or ``chairs`` list), each
an object of the register's columns, with the JSON path of an entry (``meetings[3]``) in every
error.

An entry whose values are plain text (and whole numbers where a column takes them) is read by
the CSV register's fast row parser; any other goes to the schema, which words the errors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from planner.core.bulk import paused_gc
from planner.core.errors import RegisterError
from planner.core.model import Meeting, RuleBook
from planner.inputs import register
from planner.inputs.limits import (
    JSON_CONTAINERS_AN_ENTRY,
    MAX_CELL,
    MAX_CHAIR_TERMS,
    MAX_DEPTH,
    json_containers,
    screen,
)
from planner.inputs.register.schema_rows import PROJECTION_COLUMNS
from planner.inputs.rows import RowParser
from planner.inputs.table import read_table

# JSON escapes that can make a lone surrogate or a control character (a text read_text took
# holds neither as it stands); a backslash before u, b or f where it is an escaped backslash
# only sends the document to the full screen.
_ESCAPES = re.compile(r"\\[ubf]")
_SCALARS = frozenset({str, int, float, bool, type(None)})
_COLUMNS = register.MEETING_COLUMNS
_COLUMN_SET = frozenset(_COLUMNS)
_BLANKS = ("",) * len(_COLUMNS)
# columns whose whole numbers the schema takes as they are written (start 2019, id 12)
_NUMBERS_AT = frozenset(_COLUMNS.index(name) for name in ("ordinal", "start", "end", "id"))
# text the schema keeps as written, where the parser would strip it
_kept = itemgetter(*(_COLUMNS.index(name) for name in ("city", "country", "title", "source")))
_ORDINAL_AT = _COLUMNS.index("ordinal")
# keys a meeting of ``planner project --format json`` has that a register does not: its meetings
# list read back as a register (DESIGN's invariant, a what-if overlay) is read past them, as the
# projection's CSV is read past its own columns; an entry of any other document that has them
# is refused as any unknown key is
_PROJECTION_KEYS = frozenset((*PROJECTION_COLUMNS, "name"))


def _entries(path: Path, key: str) -> tuple[list[Any], str | None]:
    """The entries of a JSON register and the key that holds them (``None``: a bare list),
    after the checks of the whole document. The meetings of a projection (an object whose
    ``command`` is ``project``) come without the keys only a projection has."""
    from planner.inputs.json_syntax import syntax_error
    from planner.inputs.json_types import object_pairs

    text = read_table(path, empty=f"a JSON list of entries, or an object with a {key!r} list (an empty register is [])")
    limit = register.MAX_MEETINGS if key == "meetings" else MAX_CHAIR_TERMS
    too_many = json_containers(text, JSON_CONTAINERS_AN_ENTRY * limit + 2)  # (and the document's object and list)
    if too_many:
        raise RegisterError(too_many, path=path, expected=f"at most {limit:,} entries, {JSON_CONTAINERS_AN_ENTRY} objects and arrays an entry (a bracket inside a text counts too; see Limits in the README)")
    try:
        data = json.loads(text, object_pairs_hook=object_pairs)
    except json.JSONDecodeError as exc:
        location, problem, found, expected = syntax_error(exc)
        raise RegisterError(problem, path=path, location=location, value=found, expected=expected) from None
    except RecursionError:
        raise RegisterError("is nested too deeply to read", path=path, expected=f"at most {MAX_DEPTH} levels of objects and arrays") from None
    except ValueError as exc:  # an integer of thousands of digits (int_max_str_digits)
        raise RegisterError(f"JSON value cannot be read: {str(exc).split(';')[0]}", path=path, expected="numbers of a few digits") from None
    if _ESCAPES.search(text) or not _shallow(data):
        for where_, problem, value, expected in screen(data, dates=False, root=key if isinstance(data, list) else ""):
            raise RegisterError(problem, path=path, location=where_ or None, value=value, expected=expected)
    where = None
    if getattr(data, "twice", None):
        raise RegisterError(f"key {data.twice!r} appears twice", path=path, expected="each key once (JSON keeps only the last)")
    if isinstance(data, dict):
        if key not in data:
            keys = ", ".join(sorted(map(str, data)))[:80] or "none"
            raise RegisterError(f"is an object (keys: {keys}) with no {key!r} list", path=path, expected=f"a JSON list of entries, or an object with a {key!r} list")
        projection = data.get("command") == "project" and key == "meetings"
        data, where = data[key], key
        if projection and isinstance(data, list):
            data = [_registered(item) for item in data]
    if not isinstance(data, list):
        raise RegisterError("is not a list of entries", path=path, location=where, value=data if isinstance(data, str | int | float | bool) else None, expected=f"a JSON list of entries, or an object with a {key!r} list")
    if len(data) > limit:
        raise RegisterError(f"holds {len(data):,} entries", path=path, location=where, expected=f"at most {limit:,} (see Limits in the README)")
    return data, where


def _registered(item: Any) -> Any:
    """A projection's meeting as a register's entry: without its host, name, reason, rule source
    and customary mark (the rule book says those again when the register is read)."""
    if not isinstance(item, dict) or getattr(item, "twice", None):
        return item  # no object, or one with a key twice: the entry's checks say so
    return {k: v for k, v in item.items() if k not in _PROJECTION_KEYS}


def _shallow(data: Any) -> bool:
    """Whether a document is a list of flat entries (or an object with one such list): values
    and lists of values, far from the nesting limit, and the screen has nothing to find in a
    text without escapes. Looked at by the C loops of map and set, not value by value."""
    lists = [v for v in data.values() if v.__class__ is list] if isinstance(data, dict) else [data]
    if isinstance(data, dict) and not set(map(type, data.values())) <= _SCALARS | {list}:
        return False
    for entries in lists:
        try:
            values = list(chain.from_iterable(map(dict.values, entries)))
        except TypeError:  # an entry that is no object
            return False
        kinds = set(map(type, values))
        if not kinds <= _SCALARS:
            inner = [v for v in values if v.__class__ is list] if kinds <= _SCALARS | {list} else None
            if inner is None or not set(map(type, chain.from_iterable(inner))) <= _SCALARS:
                return False
    return True


def _checked(path: Path, key: str, i: int, item: Any, model: Any) -> None:
    """The checks of one entry that come before any entry is validated."""
    from planner.inputs.json_types import wrong_type

    if not isinstance(item, dict):
        raise RegisterError("entry is not an object", path=path, location=f"{key}[{i}]", value=item)
    if getattr(item, "twice", None):
        raise RegisterError(f"key {item.twice!r} appears twice in one entry", path=path, location=f"{key}[{i}]", expected="each key once (JSON keeps only the last)")
    wrong = wrong_type(model, item)
    if wrong:  # a JSON value says its type: true is no ordinal, 5 no body name
        field, problem, expected = wrong
        raise RegisterError(f"{field}: {problem}", path=path, location=f"{key}[{i}]", value=item[field], expected=expected)
    for field, value in item.items():
        longest = max((len(v) for v in value if v.__class__ is str), default=0) if value.__class__ is list else len(value) if value.__class__ is str else 0
        if longest > MAX_CELL:
            raise RegisterError(f"{field}: is longer than {MAX_CELL:,} characters ({longest:,})", path=path, location=f"{key}[{i}]", expected=f"a text of at most {MAX_CELL:,} characters, as a CSV cell (see Limits in the README)")
        if value.__class__ is list and (total := sum(len(v) + 2 for v in value if v.__class__ is str) - 2) > MAX_CELL:
            # a list is one cell of a CSV register ("A; B"): a million short documents made one
            # event of 8 MB in every feed
            raise RegisterError(f"{field}: is {len(value):,} texts of {total:,} characters in all, more than {MAX_CELL:,}", path=path, location=f"{key}[{i}]", expected=f"texts of at most {MAX_CELL:,} characters in all, as one CSV cell of them joined by '; ' (see Limits in the README)")


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    return {k: ("" if v is None else v) for k, v in item.items()}


def json_rows(path: Path, key: str) -> list[tuple[str, dict[str, Any]]]:
    """The entries of a JSON register as ``(key path, fields)``, each checked for its JSON
    types (null is an empty cell)."""
    entries, _where = _entries(path, key)
    from planner.core.schema import chair_term
    from planner.inputs.meeting_record import MeetingRecord

    model = MeetingRecord if key == "meetings" else chair_term.ChairTerm
    for i, item in enumerate(entries):
        _checked(path, key, i, item, model)
    return [(f"{key}[{i}]", _fields(item)) for i, item in enumerate(entries)]


def _cells(item: Any) -> list[str] | None:
    """An entry as the cells of a CSV row in the register's column order, when its values are
    text the parser reads as the schema does (and the JSON types are right: the checks of
    :func:`_checked` would find nothing); ``None`` otherwise."""
    if not isinstance(item, dict) or getattr(item, "twice", None) or not item.keys() <= _COLUMN_SET:
        return None
    cells = list(map(item.get, _COLUMNS, _BLANKS))
    ordinal = cells[_ORDINAL_AT]
    if ordinal.__class__ is int:
        cells[_ORDINAL_AT] = str(ordinal)
    elif ordinal:  # an ordinal in quotes is the wrong JSON type
        return None
    if set(map(type, cells)) != {str}:
        for i, value in enumerate(cells):
            if value is None:
                cells[i] = ""
            elif value.__class__ is int and i in _NUMBERS_AT:
                cells[i] = str(value)
            elif value.__class__ is not str:
                return None
    kept = _kept(cells)
    if tuple(map(str.strip, kept)) != kept or max(map(len, cells)) > MAX_CELL:
        return None  # the schema's, or a text too long for any cell: :func:`_checked` says so
    return cells


def json_meetings(path: Path, book: RuleBook, warn: Callable[[str], None] | None) -> list[Meeting]:
    """The meetings of a JSON register: every entry is checked before any is validated, as
    the schema would; entries of plain text are read by the row parser on the way."""
    entries, _where = _entries(path, "meetings")
    from planner.inputs.meeting_record import MeetingRecord

    matcher = register.BodyMatcher(book)
    parse = RowParser(list(_COLUMNS), matcher.match, matcher.cbms.get).meeting
    read: list[Meeting | None] = []
    with paused_gc():
        for i, item in enumerate(entries):
            cells = _cells(item)
            if cells is None:
                _checked(path, "meetings", i, item, MeetingRecord)
                read.append(None)
            else:
                meeting = parse(cells)
                read.append(meeting)
                if meeting is not None:
                    entries[i] = None  # read: its memory serves the meetings that follow
        found = register.Found(path, matcher)
        if None in read:  # an entry the parser left to the schema
            kept: list[Meeting] = []
            at: list[int] = []
            for i, meeting in enumerate(read):
                if meeting is None:
                    meeting = found.validate(_fields(entries[i]), f"meetings[{i}]")
                    if meeting is None:
                        if len(found.errors) >= 50:
                            break
                        continue
                kept.append(meeting)
                at.append(i)
        else:
            kept, at = read, range(len(read))  # type: ignore[assignment]
        found.settle(kept, lambda i: f"meetings[{at[i]}]")
    return found.result(warn)
