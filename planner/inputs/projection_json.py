"""A saved ``planner project --format json`` output, read back for ``planner diff``.

The document must be what ``project`` writes: ``command`` is ``project``, ``schema_version`` is
one this version reads (``project`` has only ever written 1), every key is one ``project``
writes (a key it never wrote is another program's document, or a hand edit whose meaning a
diff would silently drop), the keys a diff needs are there, and each meeting has a body and a
start. Anything else is one :class:`~planner.core.errors.InputError` naming the file and the
key path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from planner.core.dates import PARTIAL_EXPECTED, PartialDate
from planner.core.errors import InputError
from planner.core.vocabulary import Kind, Status
from planner.core.words import shown
from planner.inputs.inputfile import read_text
from planner.inputs.json_syntax import syntax_error
from planner.inputs.json_types import object_pairs, wrong_type
from planner.inputs.limits import (
    MAX_DEPTH,
    MAX_ORDINAL,
    MAX_PROJECTION_BYTES,
    MAX_PROJECTION_MEETINGS,
    PROJECTION_BYTES_A_CONTAINER,
    PROJECTION_BYTES_A_VALUE,
    json_containers,
    json_values,
    plain_json_text,
    screen,
    within_depth,
)

READABLE_VERSIONS = (1,)
EXPECTED = "the JSON written by `planner project --format json`"
# The keys `project --format json` writes (README, "planner project"), at each level; those a
# diff cannot do without are REQUIRED.
TOP_KEYS = ("schema_version", "command", "organization", "today", "from", "to", "rule_book", "meetings", "problems", "problems_total", "problem_groups", "notes", "next_due")
REQUIRED = ("organization", "today", "from", "to")
MEETING_KEYS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source", "documents", "cbm", "reason", "rule_source", "customary", "host", "name", "id")
PROBLEM_KEYS = ("body", "window", "kind", "message", "meeting")
GROUP_KEYS = ("body", "kind", "count")
NEXT_DUE_KEYS = ("body", "due", "meeting", "until", "words")
# what a diff compares and shows of a meeting (its other fields, a third of a projection, are dropped once checked)
COMPARED = ("body", "id", "kind", "ordinal", "start", "end", "status", "reason", "host", "city", "country", "name", "title")  # (title: a held row is named by it)
_KEY_SETS: dict[tuple[str, ...], frozenset[str]] = {}
WORDS = {"kind": frozenset(w.value for w in Kind), "status": frozenset({*(w.value for w in Status), "projected"})}


@dataclass(frozen=True)
class SavedProjection:
    """The parts of a saved projection that a diff compares."""

    path: str
    organization: str
    today: str
    start: str
    end: str
    meetings: tuple[dict[str, Any], ...]
    problems: tuple[dict[str, Any], ...]


def load_projection_json(path: str | Path) -> SavedProjection:
    path = Path(path)
    text = read_text(path, InputError, what="JSON", empty=EXPECTED, limit=MAX_PROJECTION_BYTES)
    too_many = json_containers(text, MAX_PROJECTION_BYTES // PROJECTION_BYTES_A_CONTAINER)
    if too_many:
        raise InputError(too_many, path=path, expected=f"{EXPECTED}, some 300 bytes an object or array (see Limits in the README)")
    too_many = json_values(text, MAX_PROJECTION_BYTES // PROJECTION_BYTES_A_VALUE)
    if too_many:
        raise InputError(too_many, path=path, expected=f"{EXPECTED}, some 30 bytes a value (see Limits in the README)")
    try:
        data = json.loads(text, object_pairs_hook=object_pairs)
    except json.JSONDecodeError as exc:
        location, problem, found, expected = syntax_error(exc)
        if location == "1:1":  # no JSON at all (a projection saved as text or CSV): say what is
            problem, expected = "is not JSON", EXPECTED
        raise InputError(problem, path=path, location=location, value=found, expected=expected) from None
    except RecursionError:
        raise InputError("is nested too deeply to read", path=path, expected=f"at most {MAX_DEPTH} levels of objects and arrays") from None
    except ValueError as exc:  # an integer of thousands of digits (int_max_str_digits)
        raise InputError(f"JSON value cannot be read: {str(exc).split(';')[0]}", path=path, expected="numbers of a few digits") from None
    if not (plain_json_text(text) and within_depth(data)):
        for where, problem, value, expected in screen(data, dates=False):
            raise InputError(problem, path=path, location=where or None, value=value, expected=expected)
    del text  # the parsed document is what is kept: two projections of 158 MB are read in turn
    if not isinstance(data, dict):
        raise InputError("is not a JSON object", path=path, value=type(data).__name__, expected=EXPECTED)
    if getattr(data, "twice", None):
        raise InputError(f"key {data.twice!r} appears twice", path=path, expected="each key once (JSON keeps only the last)")
    version = data.get("schema_version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        if data.get("command") not in (None, "project"):  # another command's output: say which
            raise InputError("is not a projection", path=path, location="command", value=data.get("command"), expected=f"'project' ({EXPECTED})")
        raise InputError("schema_version is not one this version reads", path=path, location="schema_version", value=version, expected=" or ".join(map(str, READABLE_VERSIONS)))
    if data.get("command") != "project":
        raise InputError("is not a projection", path=path, location="command", value=data.get("command"), expected=f"'project' ({EXPECTED})")
    _known_keys(data, TOP_KEYS, path, "")
    for key in ("today", "from", "to"):
        if key in data and not _is_day(data[key]):
            raise InputError("is not a date", path=path, location=key, value=data[key], expected="a date YYYY-MM-DD")
    meetings = data.get("meetings")
    if not isinstance(meetings, list):
        raise InputError("has no list of meetings", path=path, location="meetings", expected=EXPECTED)
    if len(meetings) > MAX_PROJECTION_MEETINGS:
        raise InputError(f"holds {len(meetings):,} meetings, more than {MAX_PROJECTION_MEETINGS:,}", path=path, location="meetings", expected=f"{EXPECTED}, of at most {MAX_PROJECTION_MEETINGS:,} meetings (see Limits in the README)")
    days: dict[str, PartialDate] = {}  # each date text read once: a projection repeats its days
    for i, m in enumerate(meetings):
        for key in ("body", "start"):
            if not isinstance(m, dict) or not isinstance(m.get(key), str) or not m.get(key):
                raise InputError(f"meeting without {key}", path=path, location=f"meetings[{i}].{key}", value=m.get(key) if isinstance(m, dict) else m, expected="a string")
        _check_meeting(m, path, f"meetings[{i}]", days)
    problems = data.get("problems") or []
    _check_problems(data, path)
    for key in REQUIRED:
        if key not in data:
            raise InputError("is missing", path=path, location=key, expected=("the organization's id" if key == "organization" else "a date YYYY-MM-DD") + f", as {EXPECTED} gives it")
    if not isinstance(data["organization"], str) or not data["organization"]:
        raise InputError("is not an organization's id", path=path, location="organization", value=data["organization"], expected="the rule book's organization id, a string")
    return SavedProjection(
        shown(str(path)),  # shown in the diff's head: a name holding ESC [2J must not act
        str(data.get("organization", "")),
        str(data.get("today", "")),
        str(data.get("from", "")),
        str(data.get("to", "")),
        tuple({key: m[key] for key in COMPARED if key in m} for m in meetings),  # a diff of two keeps only what it compares
        tuple(p for p in problems if isinstance(p, dict)),
    )


def _known_keys(data: dict[str, Any], keys: tuple[str, ...], path: Path, where: str) -> None:
    """A key ``project`` never writes at ``where`` is refused, named by its key path."""
    if data.keys() <= _KEY_SETS.setdefault(keys, frozenset(keys)):
        return
    for key in data:
        if key not in keys:
            raise InputError("is not a key `planner project --format json` writes", path=path, location=f"{where}.{key}" if where else str(key), expected="one of " + ", ".join(keys))


def _check_problems(data: dict[str, Any], path: Path) -> None:
    """The problems and their groups, as ``project`` writes them: lists of objects of its keys."""
    for name, keys in (("problems", PROBLEM_KEYS), ("problem_groups", GROUP_KEYS), ("notes", None), ("next_due", NEXT_DUE_KEYS)):
        items = data.get(name)
        if items is None:
            continue
        if not isinstance(items, list):
            raise InputError("is not a list", path=path, location=name, value=type(items).__name__, expected=EXPECTED)
        for i, item in enumerate(items):
            if keys is None:
                if not isinstance(item, str):
                    raise InputError("is not a text", path=path, location=f"{name}[{i}]", value=type(item).__name__, expected="a note in words")
                continue
            if not isinstance(item, dict):
                raise InputError("is not an object", path=path, location=f"{name}[{i}]", value=type(item).__name__, expected=EXPECTED)
            _known_keys(item, keys, path, f"{name}[{i}]")
            if isinstance(item.get("meeting"), dict):
                _known_keys(item["meeting"], MEETING_KEYS, path, f"{name}[{i}].meeting")


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-" or not value.replace("-", "").isdigit():
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_meeting(meeting: Any, path: Path, where: str, days: dict[str, PartialDate]) -> None:
    """A saved meeting's fields have the types and forms ``project`` writes: a diff of a
    damaged file must not report what the file does not say."""
    from planner.inputs.meeting_record import MeetingRecord

    if getattr(meeting, "twice", None):
        raise InputError(f"key {meeting.twice!r} appears twice", path=path, location=where, expected="each key once (JSON keeps only the last)")
    _known_keys(meeting, MEETING_KEYS, path, where)
    wrong = wrong_type(MeetingRecord, meeting)
    if wrong:
        field, problem, expected = wrong
        raise InputError(problem, path=path, location=f"{where}.{field}", value=meeting[field], expected=expected)
    dates: dict[str, PartialDate] = {}
    for key in ("start", "end"):
        text = meeting.get(key)
        if isinstance(text, str):
            day = days.get(text)
            if day is None:
                try:
                    day = days[text] = PartialDate.parse(text)
                except ValueError:
                    raise InputError("is not a date", path=path, location=f"{where}.{key}", value=text, expected=PARTIAL_EXPECTED) from None
            dates[key] = day
    if "end" in dates and dates["end"].latest < dates["start"].earliest:
        raise InputError("is before the start", path=path, location=f"{where}.end", value=meeting["end"], expected=f"an end on or after the start {meeting['start']}")
    ordinal = meeting.get("ordinal")
    if isinstance(ordinal, int) and not 1 <= ordinal <= MAX_ORDINAL:
        raise InputError("is out of range", path=path, location=f"{where}.ordinal", value=ordinal, expected=f"an ordinal from 1 to {MAX_ORDINAL:,}")
    for key, words in WORDS.items():
        value = meeting.get(key)
        if isinstance(value, str) and value not in words:
            shown_words = [w.value for w in (Kind if key == "kind" else Status)]
            raise InputError(f"is not a meeting {key}", path=path, location=f"{where}.{key}", value=value, expected="one of " + ", ".join(shown_words))


__all__ = ["SavedProjection", "load_projection_json"]
