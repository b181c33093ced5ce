"""The schema of a chair register's entries: what a row that the run-time class
(:class:`planner.core.chair_term.ChairTerm`) is not sure of is validated by, and words its
errors from."""

from __future__ import annotations

from pydantic import Field, model_validator

from planner.core import chair_term
from planner.core.dates import PartialDate
from planner.core.schema import Frozen, checked


class ChairTerm(Frozen):
    """A country chairing the organization from one date to another (``end`` empty: still chairing)."""

    country: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    ordinal: int | None = Field(None, ge=1)
    note: str = ""
    source: str = ""
    planned: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> ChairTerm:
        return checked(self, chair_term.term_problem)
