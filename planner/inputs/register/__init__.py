"""Registers -> meetings and chair terms: CSV (what a secretariat keeps in a spreadsheet), JSON
and iCalendar (.ics exports of Outlook or Google calendars), with ``file:line`` in every error.

Bodies are matched by id, name or alias, ignoring case; an unknown body is an error naming the
closest known ones.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from planner.core.model import Meeting, RuleBook
from planner.inputs.limits import MAX_MEETINGS, IcsLines
from planner.inputs.register.chairs import chairs_from_rows, load_chairs
from planner.inputs.register.csv_meetings import meetings_of_csv
from planner.inputs.register.found import Found, meetings_from_rows
from planner.inputs.register.schema_rows import (
    CHAIR_COLUMNS,
    CHAIR_REQUIRED,
    MEETING_COLUMNS,
    MEETING_REQUIRED,
    BodyMatcher,
    ordinal_error,
    validation_errors,
)
from planner.inputs.table import read_cells, read_rows, read_table

__all__ = [
    "CHAIR_COLUMNS",
    "CHAIR_REQUIRED",
    "MAX_MEETINGS",
    "MEETING_COLUMNS",
    "MEETING_REQUIRED",
    "BodyMatcher",
    "Found",
    "chairs_from_rows",
    "load_chairs",
    "load_meetings",
    "meetings_from_rows",
    "ordinal_error",
    "read_cells",
    "read_rows",
    "read_table",
    "validation_errors",
]


def load_meetings(path: str | Path, book: RuleBook, warn: Callable[[str], None] | None = None, *, today: date | None = None, until: date | None = None, shared: IcsLines | None = None) -> list[Meeting]:
    """Read a register of meetings from CSV, JSON or .ics, matching bodies to ``book``.

    ``warn`` receives one message about .ics events that match no body (never dropped
    silently); ``today`` decides whether an .ics event with no status of ours was held or is
    planned; ``until`` bounds the expansion of recurring .ics series (the judged horizon);
    ``shared`` counts the lines of all the .ics files of a run (:class:`IcsLines`).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".ics":
        from planner.inputs.ics.register_ics import read_ics_meetings

        return read_ics_meetings(path, book, warn, today=today, until=until, shared=shared)
    if suffix == ".json":
        from planner.inputs.register.json_register import json_meetings

        return json_meetings(path, book, warn)
    return meetings_of_csv(path, book, warn)
