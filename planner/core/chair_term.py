"""Chair terms: a country chairing the organization from one date to another.

Plain values like the rule book's (:mod:`planner.core.record`): a chair register's row that is
plainly right is read directly (:meth:`ChairTerm.from_cells`); anything else goes to the schema,
:mod:`planner.core.schema.chair_term`, which reads loose values and words the errors.
"""

from __future__ import annotations

from typing import Any

from planner.core.dates import PartialDate
from planner.core.record import Record


def term_problem(term: Any) -> str | None:
    """An end before the start, in words (shared with the schema)."""
    if term.start and term.end and term.end.latest < term.start.earliest:
        return f"end {term.end} is before start {term.start}"
    return None


class ChairTerm(Record):
    """A country chairing the organization from one date to another (``end`` empty: still chairing).

    Built from typed values directly; from loose ones (``start="2022-01-01"``) through the
    schema, which raises pydantic's ``ValidationError`` naming each bad field."""

    country: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    ordinal: int | None = None
    note: str = ""
    source: str = ""
    planned: bool = False

    def __init__(self, **values: Any) -> None:
        if not _typed(values):
            from planner.core.schema.chair_term import ChairTerm as Schema

            model = Schema.model_validate(values)
            values = {name: getattr(model, name) for name in Schema.model_fields}
        super().__init__(**values)

    @classmethod
    def model_validate(cls, data: Any) -> ChairTerm:
        return cls(**data)

    @classmethod
    def from_cells(cls, cells: dict[str, Any]) -> ChairTerm | None:
        """A term from a register row's non-empty cells (CSV text, or JSON values) when each is
        plainly right, else ``None``: the schema then reads the row and words what is wrong."""
        values: dict[str, Any] = {}
        for key, value in cells.items():
            if key in ("start", "end") and type(value) in (str, int):
                try:
                    value = PartialDate.coerce(value)
                except ValueError:
                    return None
            elif key == "ordinal" and type(value) is str:
                if not (value.isascii() and value.isdigit() and value[0] != "0" and len(value) < 10):
                    return None
                value = int(value)
            values[key] = value
        if not _typed(values):
            return None
        term = cls.__new__(cls)
        Record.__init__(term, **values)  # checked just now
        return term


def _typed(values: dict[str, Any]) -> bool:
    """Whether ``values`` are exactly the fields' types, and a term the schema accepts."""
    get = values.get
    start, end, ordinal = get("start"), get("end"), get("ordinal")
    return (
        type(get("country")) is str
        and values.keys() <= ChairTerm._names
        and type(get("note", "")) is str
        and type(get("source", "")) is str
        and (start is None or type(start) is PartialDate)
        and (end is None or type(end) is PartialDate)
        and (ordinal is None or (type(ordinal) is int and ordinal >= 1))
        and type(get("planned", False)) is bool
        and not (start and end and end.latest < start.earliest)
    )
