"""Register entries: meetings (light named tuples) and chair terms (:mod:`planner.core.chair_term`)."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence, Set
from datetime import date
from typing import Any, NamedTuple

from planner.core.dates import PartialDate, partial_date
from planner.core.vocabulary import Kind, MeetingFormat, Status


class _MeetingFields(NamedTuple):
    body: str
    start: PartialDate
    kind: Kind = Kind.REGULAR
    ordinal: int | None = None
    end: PartialDate | None = None
    status: Status = Status.HELD
    city: str = ""
    country: str = ""
    format: MeetingFormat | None = None
    title: str = ""
    source: str = ""
    reason: str = ""  # why a projected meeting is proposed
    rule_source: str = ""
    customary: bool = False
    key: str = ""  # stable identity of a projected meeting (its due window and slot)
    documents: tuple[str, ...] = ()  # documents the meeting adopted, e.g. "Almaty Act"
    cbm: str = ""  # the confidence building measure the meeting served: a CBM id of the rule book
    id: str = ""  # the register's own identity of the meeting (an `id` column, an .ics UID): calendar UIDs follow it


class Meeting(_MeetingFields):
    """One entry of the register (or one projected meeting). Dates are inclusive.

    A light, immutable row (a named tuple: 300,000 of them load in a second and take a fraction
    of the memory of validated models). Registers are validated on the way in, by the strict row
    parser of :mod:`planner.inputs.rows` or, for JSON and .ics rows and every row that parser is
    not sure of, by the pydantic model :class:`planner.inputs.meeting_record.MeetingRecord`,
    which words the error messages. Built with keywords (``body`` and ``start`` are required),
    fields of the wrong type (``kind="special"``, ``start="2019"``) are validated and coerced
    by that model too.
    """

    __slots__ = ()

    def __new__(cls, body: str, start: PartialDate, kind: Kind = Kind.REGULAR, ordinal: int | None = None, end: PartialDate | None = None, status: Status = Status.HELD, city: str = "", country: str = "", format: MeetingFormat | None = None, title: str = "", source: str = "", reason: str = "", rule_source: str = "", customary: bool = False, key: str = "", documents: tuple[str, ...] = (), cbm: str = "", id: str = "") -> Meeting:  # noqa: A002 (the register's columns)
        values = (body, start, kind, ordinal, end, status, city, country, format, title, source, reason, rule_source, customary, key, documents, cbm, id)
        typed = (
            start.__class__ is PartialDate
            and kind.__class__ is Kind
            and status.__class__ is Status
            and (end is None or (end.__class__ is PartialDate and end.latest >= start.earliest))
            and (format is None or format.__class__ is MeetingFormat)
            and (ordinal is None or (ordinal.__class__ is int and ordinal >= 1))
            and all(v.__class__ is str for v in (body, city, country, title, source, reason, rule_source, key, cbm, id))
            and documents.__class__ is tuple
            and all(d.__class__ is str for d in documents)
            and customary.__class__ is bool
        )
        if typed:
            if end is not None and end.latest < start.latest:
                return tuple.__new__(cls, (body, opening_days(start, end), *values[2:]))
            return tuple.__new__(cls, values)
        return cls.model_validate(dict(zip(cls._fields, values, strict=True)))

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Meeting:
        """A meeting from loosely typed fields (a JSON or .ics register row), validated by the
        register's schema; raises pydantic's ``ValidationError`` naming each bad field."""
        from planner.inputs.meeting_record import MeetingRecord

        return MeetingRecord.model_validate(data).meeting()

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Meeting:
        """A copy with some fields changed (unvalidated, as pydantic's ``model_copy``)."""
        return self._replace(**update) if update else self

    def model_dump(self) -> dict[str, Any]:
        return self._asdict()

    @property
    def earliest(self) -> date:
        return self.start.earliest

    @property
    def latest(self) -> date:
        return (self.end or self.start).latest

    @property
    def exact(self) -> bool:
        return self.start.exact and (self.end is None or self.end.exact)

    @property
    def venue(self) -> str:
        return ", ".join(p for p in (self.city, self.country) if p)

    def identity(self) -> str:
        """What stays the same when a meeting is edited: the register's id, else its ordinal,
        else its projection key, else its kind and first day. Calendar UIDs derive from it (a
        long id, such as an Outlook UID, by its digest)."""
        if self.id:
            import hashlib

            text = self.id if len(self.id) <= 48 and self.id.isascii() else hashlib.sha256(self.id.encode()).hexdigest()[:16]
            return f"id-{text}"
        if self.ordinal and self.kind is Kind.REGULAR:
            return f"{self.ordinal}"
        if self.ordinal:
            return f"{self.kind.value}-{self.ordinal}"
        if self.key:
            return f"projected-{self.key}"
        return f"{self.kind.value}-{self.start}"

    def sort_key(self) -> tuple:
        # Everything a finding shows, so that the register's row order never shows in output.
        # The enums themselves, not .value: a StrEnum orders as its text, without the lookup.
        start, end = self.start, self.end
        return (start.earliest, (end or start).latest, self.body, self.ordinal or 0, self.kind, self.title, self.city, self.country, self.status, self.format or "")


def opening_days(start: PartialDate, end: PartialDate | None) -> PartialDate:
    """The days a meeting may have opened on: what its start says, cut at the last day its end
    allows (it opened by the day it ended). ``2021`` .. ``2021-03`` opened in 2021-01-01..
    2021-03-31, so it lies in 2021 Q1 whichever day it was. The start keeps its precision, so it
    is still written as the register gives it (``2021``); only its range narrows."""
    if end is None or end.latest >= start.latest:
        return start
    return partial_date(start.earliest, end.latest, start.precision)


def given_start(meeting: Meeting) -> str:
    """What the register gives of a loosely dated meeting's first day, in words: ``2021``, or
    ``2021, ending by 2021-03-31`` where its end cut the days it may have opened on."""
    start = meeting.start
    if meeting.end is not None and start.latest == meeting.end.latest and start.latest < PartialDate.parse(str(start)).latest:
        return f"{start}, ending by {start.latest}"
    return str(start)


class Recorded(list):  # type: ignore[type-arg]
    """A register's meetings, each once (a plain list of :class:`Meeting`), and ``twice``: each
    meeting the register gives on more than one identical row -> how many rows, and where in
    words (``(2, "dup.csv lines 2 and 3")``). Kept once (a copy counts for nothing more), but one
    meeting or two the register does not say: the check says so where it matters. ``rows_of``,
    where the reader can say it: the same for any meetings of the register, on one row or more
    (a later ``--meetings`` file may give one of them again: :mod:`planner.inputs.register.overlay`)."""

    twice: dict[Meeting, tuple[int, str]]
    rows_of: Callable[[Set[Meeting]], dict[Meeting, tuple[int, str]]] | None

    def __init__(self, meetings: Sequence[Meeting] = (), twice: dict[Meeting, tuple[int, str]] | None = None, rows_of: Callable[[Set[Meeting]], dict[Meeting, tuple[int, str]]] | None = None) -> None:
        super().__init__(meetings)
        self.twice = twice or {}
        self.rows_of = rows_of


_CALLED_OFF = frozenset({Status.CANCELLED, Status.POSTPONED})
_NUMBER = operator.itemgetter(0, 2, 3)  # body, kind, ordinal: what identifies a numbered meeting
_ORDINAL = operator.itemgetter(3)


def later_parts(meetings: Sequence[Meeting], ahead: date | None = None) -> dict[int, Meeting]:
    """One meeting recorded on several rows: ``id`` of each row after the first -> the first.

    A number identifies one meeting, so rows with the same body, kind and ordinal are parts of
    it (a session resumed months later, a meeting held in two parts): it counts once, where
    its first part (the earliest held row by :meth:`Meeting.sort_key`; with none held, the
    earliest row opening after ``ahead``, --today; else the earliest row) opens: a planned row
    before a held one is a plan the held row superseded, and a plan whose days passed
    unconfirmed beside one still to come is a plan re-made for those later days. A cancelled
    or postponed row is no part: it says that meeting was not held on those days (README,
    Semantics)."""
    ordinals = list(map(_ORDINAL, meetings))
    if len(set(ordinals)) + max(ordinals.count(None) - 1, 0) == len(ordinals):
        return {}  # nearly every register: no number on two rows (one look-up each, in C)
    rows: dict[tuple[str, Kind, int], list[Meeting]] = {}
    for m in meetings:
        if m.ordinal is not None and m.status not in _CALLED_OFF:
            rows.setdefault(_NUMBER(m), []).append(m)
    out: dict[int, Meeting] = {}
    for parts in rows.values():
        if len(parts) > 1:
            held = [m for m in parts if m.status is Status.HELD]
            to_come = [] if held or ahead is None else [m for m in parts if m.start.earliest > ahead]
            first = min(held or to_come or parts, key=Meeting.sort_key)
            out.update((id(m), first) for m in parts if m is not first)
    return out
