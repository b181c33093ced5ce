"""Chair terms: a register's entries, validated row by row by their pydantic model."""

from __future__ import annotations

from pydantic import Field, model_validator

from planner.core.dates import PartialDate
from planner.core.schema import Frozen


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
        if self.start and self.end and self.end.latest < self.start.earliest:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self
