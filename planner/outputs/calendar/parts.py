"""Which rows of a register an event shows differently as of the export's day: a planned or
postponed meeting whose days have passed (:func:`lapsed`), and the rows of one number that are
parts of one meeting or plans a held row superseded (:func:`parts_of`). The feeds and the report
ask the same questions, so they answer them here (without icalendar: the report needs none)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from planner.core.model import Kind, Meeting, Status

LAPSING = (Status.PLANNED, Status.POSTPONED)  # the statuses a day past their dates changes
_PARTS = (Status.HELD, Status.PLANNED)  # rows of one number that are parts of one meeting (README "A number identifies one meeting")


def lapsed(meeting: Meeting, today: date | None, part_of: int = 0) -> bool:
    """Whether ``meeting`` is planned or postponed and every day it may mean is before ``today``
    (a plan a held row of its number superseded, ``part_of`` -1, is not unconfirmed)."""
    return today is not None and meeting.status in LAPSING and meeting.latest < today and part_of >= 0


def parts_of(meetings: Iterable[Meeting]) -> dict[Meeting, int]:
    """The rows of a number held more than once or planned beside a held one (README "A number
    identifies one meeting"): each later held row -> its part (2, 3, ...: a session resumed
    under its number), each planned row beside a held one -> -1 (a plan the held row
    superseded: not unconfirmed when its days pass). Cancelled and postponed rows are no part."""
    first: dict[tuple[str, Kind, int], Meeting] = {}
    groups: dict[tuple[str, Kind, int], list[Meeting]] = {}
    for m in meetings:
        if m[3] and m[5] in _PARTS and not m[17]:  # (ordinal, status, id)
            key = (m[0], m[2], m[3])
            found = first.setdefault(key, m)
            if found is not m:
                groups.setdefault(key, [found]).append(m)
    out: dict[Meeting, int] = {}
    for rows in groups.values():
        held = sorted((m for m in rows if m.status is Status.HELD), key=Meeting.sort_key)
        if held:
            out.update((m, -1) for m in rows if m.status is Status.PLANNED)
            out.update((m, n) for n, m in enumerate(held[1:], 2))
    return out
