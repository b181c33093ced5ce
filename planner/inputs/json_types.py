"""JSON registers are strictly typed: each field's JSON type must be the one its column holds.

pydantic reads a register entry laxly, as it must for CSV (every cell is text): ``"ordinal":
true`` would be the 1st meeting, ``"ordinal": 3.0`` the 3rd and ``"body": 5`` the body named
"5". A JSON file says what type each value is, so a wrong type is a mistake to report, not a
value to convert. The types come from the register's schema (the pydantic models), not from
a second list here.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from typing import Any

from planner.core.dates import PARTIAL_EXPECTED, PartialDate

Check = tuple[str, str]  # (what the JSON value must be, in words; its kind)


def _expected(annotation: Any) -> str | None:
    """The JSON kind of a field: bool, int, text, date, texts; ``None``: not checked here."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kinds = {_expected(a) for a in typing.get_args(annotation) if a is not type(None)}
        return kinds.pop() if len(kinds) == 1 else None
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is str or (isinstance(annotation, type) and issubclass(annotation, Enum)):
        return "text"
    if annotation is PartialDate:
        return "date"
    if typing.get_origin(annotation) is tuple and typing.get_args(annotation)[:1] == (str,):
        return "texts"
    return None


def _kinds(model: Any) -> dict[str, str]:
    """The JSON kind of each field of ``model``; a field with a validator of its own that runs
    before the type's (``id``: a row number 12 is the id "12") decides for itself."""
    cached = _KINDS.get(model)
    if cached is None:
        own = {name for d in model.__pydantic_decorators__.field_validators.values() if d.info.mode != "after" for name in d.info.fields}
        cached = _KINDS[model] = {name: kind for name, field in model.model_fields.items() if name not in own and (kind := _expected(field.annotation))}
    return cached


_KINDS: dict[Any, dict[str, str]] = {}
_WORDS = {
    "bool": "true or false",
    "int": "a whole number, e.g. 3",
    "text": "text",
    "date": f"{PARTIAL_EXPECTED}, in quotes (a year may be a number)",
    "texts": "a list of texts in quotes",
}


def _fits(kind: str, value: object) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "text":
        return isinstance(value, str)
    if kind == "date":
        return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def wrong_type(model: Any, entry: dict[str, Any]) -> tuple[str, str, str] | None:
    """The first field of a JSON ``entry`` whose value is not of its column's JSON type, as
    ``(field, problem, expected)``; ``None`` when every known field fits (null is an empty
    cell; unknown fields are the schema's to report)."""
    kinds = _kinds(model)
    for key, value in entry.items():
        kind = kinds.get(key)
        if kind is None or value is None or value == "" or _fits(kind, value):
            continue
        if kind == "int" and isinstance(value, float):
            return key, "is not a whole number", _WORDS[kind]
        return key, "has the wrong type", _WORDS[kind]
    return None


class JsonObject(dict):
    """A JSON object as read; ``twice`` names a key the text gives more than once (json keeps
    the last silently: ``{"body": "council", "body": "summit"}`` would be a Summit)."""

    twice: str | None = None


def object_pairs(pairs: list[tuple[str, Any]]) -> JsonObject:
    """``object_pairs_hook`` for :func:`json.loads`: remembers a repeated key."""
    obj = JsonObject(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        obj.twice = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return obj
