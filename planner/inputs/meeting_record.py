"""The register's schema for one meeting, as a pydantic model: what JSON and .ics rows are
validated by, and what names each bad cell of a CSV row the fast parser is not sure of.

Loaded only when such a row comes (building the model costs start-up time that ``planner check``
on a clean CSV register does not need to pay). Its title stays ``Meeting``: error messages and
the column hints of :func:`planner.inputs.register.validation_errors` use it.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field, field_validator, model_validator

from planner.core.dates import PartialDate
from planner.core.meeting import opening_days
from planner.core.model import Kind, Meeting, MeetingFormat, Status
from planner.core.schema import Frozen


class MeetingRecord(Frozen):
    """One entry of the register, validated field by field. Dates are inclusive."""

    model_config = ConfigDict(title="Meeting")

    body: str
    kind: Kind = Kind.REGULAR
    ordinal: int | None = Field(None, ge=1)
    start: PartialDate
    end: PartialDate | None = None
    status: Status = Status.HELD
    city: str = ""
    country: str = ""
    format: MeetingFormat | None = None
    title: str = ""
    source: str = ""
    reason: str = Field("", description="why a projected meeting is proposed")
    rule_source: str = ""
    customary: bool = False
    key: str = Field("", description="stable identity of a projected meeting (its due window and slot)")
    documents: tuple[str, ...] = Field((), description="documents the meeting adopted, e.g. 'Almaty Act'")
    cbm: str = Field("", description="the confidence building measure the meeting served: a CBM id of the rule book")
    id: str = Field("", max_length=1000, description="the register's own identity of the meeting, kept by its calendar UID when dates change")

    @field_validator("id", mode="before")
    @classmethod
    def _id_text(cls, value: object) -> object:
        # JSON registers number their rows; an id of 12 is the id "12"
        return str(value).strip() if isinstance(value, int) and not isinstance(value, bool) else value.strip() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _ordered(self) -> MeetingRecord:
        if self.end is not None and self.end.latest < self.start.earliest:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    def meeting(self) -> Meeting:
        values = tuple(getattr(self, name) for name in Meeting._fields)
        if self.end is not None and self.end.latest < self.start.latest:  # it opened by its end
            values = (self.body, opening_days(self.start, self.end), *values[2:])
        return tuple.__new__(Meeting, values)
