"""A saved ``planner project --format json`` output, read back for ``planner diff``.

Only what a comparison needs is checked: the document is a projection (``command`` is
``project``), its ``schema_version`` is one this version reads, and each meeting has a body and
a start. Anything else is one :class:`~planner.core.errors.InputError` naming the file and the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.core.errors import InputError
from planner.inputs.inputfile import read_text

READABLE_VERSIONS = (1, 2)
EXPECTED = "the JSON written by `planner project --format json`"


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
    text = read_text(path, InputError, what="JSON", empty=EXPECTED)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"is not JSON: {exc.msg}", path=path, location=f"{exc.lineno}:{exc.colno}", expected=EXPECTED) from None
    if not isinstance(data, dict):
        raise InputError("is not a JSON object", path=path, value=type(data).__name__, expected=EXPECTED)
    version = data.get("schema_version")
    if version not in READABLE_VERSIONS:
        raise InputError("schema_version is not one this version reads", path=path, location="schema_version", value=version, expected=" or ".join(map(str, READABLE_VERSIONS)))
    if data.get("command") != "project":
        raise InputError("is not a projection", path=path, location="command", value=data.get("command"), expected=f"'project' ({EXPECTED})")
    meetings = data.get("meetings")
    if not isinstance(meetings, list):
        raise InputError("has no list of meetings", path=path, location="meetings", expected=EXPECTED)
    for i, m in enumerate(meetings):
        for key in ("body", "start"):
            if not isinstance(m, dict) or not isinstance(m.get(key), str) or not m.get(key):
                raise InputError(f"meeting without {key}", path=path, location=f"meetings[{i}].{key}", value=m.get(key) if isinstance(m, dict) else m, expected="a string")
    problems = data.get("problems") or []
    return SavedProjection(
        str(path),
        str(data.get("organization", "")),
        str(data.get("today", "")),
        str(data.get("from", "")),
        str(data.get("to", "")),
        tuple(meetings),
        tuple(p for p in problems if isinstance(p, dict)),
    )


__all__ = ["SavedProjection", "load_projection_json"]
