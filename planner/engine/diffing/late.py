"""Rows recorded late: a meeting held before an earlier projection was made, which that
projection's register did not yet hold, so that it projected the meeting anew.

``planner diff BEFORE AFTER --meetings REGISTER`` says of a meeting BEFORE projected that
AFTER no longer has, that it was held, naming the register's row. A row dated after BEFORE's
``today`` was not known to it; a row dated before it may have been (the register then held
it) or not (recorded since). A projected meeting's key tells which: ``projected-R-P-S`` is
the S-th counting meeting rule R's period P needed, so BEFORE counted S - 1 meetings in P
(held, planned, or its own projected ones placed there first). The held rows of P dated
before ``today`` that BEFORE did not show are more than it counted only where some were
recorded since: those, and only those, may answer its projected meetings of P.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from planner.core.meeting import Meeting
from planner.core.vocabulary import Status
from planner.inputs.projection_json import SavedProjection

_KEY = re.compile(r"projected-(\d+)-(.+)-(\d+)")
_YEAR = re.compile(r"(\d{4})")
_PART = re.compile(r"(\d{4}) ([HQ])([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def period_days(label: str) -> tuple[date, date] | None:
    """The first and last day of a due period as a projected meeting's key labels it (``2027``,
    ``2027 H2``, ``2027 Q3``, ``2027-07``, ``2027-W05``, ``2027-07-01``); ``None`` for another
    (a financial year: its first month is the rule book's, not in the label)."""
    try:
        if found := _YEAR.fullmatch(label):
            year = int(found[1])
            return date(year, 1, 1), date(year, 12, 31)
        if found := _PART.fullmatch(label):
            year, size, part = int(found[1]), 6 if found[2] == "H" else 3, int(found[3])
            if size == 6 and part > 2:
                return None
            first = (part - 1) * size + 1
            return date(year, first, 1), _month_end(year, first + size - 1)
        if found := _MONTH.fullmatch(label):
            year, month = int(found[1]), int(found[2])
            return date(year, month, 1), _month_end(year, month)
        if found := _WEEK.fullmatch(label):
            monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
            return monday, monday + timedelta(days=6)
        if _DAY.fullmatch(label):
            day = date.fromisoformat(label)
            return day, day
    except ValueError:  # (a key written by hand: no such month or week)
        return None
    return None


class RecordedLate:
    """The held rows dated before BEFORE's ``today`` that it did not show, by body and kind; and
    the first slot of each rule's period among BEFORE's projected meetings."""

    def __init__(self, before: SavedProjection, register: Sequence[Meeting], shown: set[tuple[str, str]]) -> None:
        made = before.today
        self.rows: dict[tuple[str, str], list[Meeting]] = {}
        for m in register:
            if m.status is Status.HELD and not m.ordinal and str(m.start.earliest) < made and (m.body, str(m.start)) not in shown:
                self.rows.setdefault((m.body, m.kind.value), []).append(m)
        self.first: dict[tuple[str, str, str], int] = {}
        for m in before.meetings:
            found = _KEY.fullmatch(str(m.get("id") or ""))
            if found and m.get("status") == "projected":
                group = (str(m["body"]), found[1], found[2])
                self.first[group] = min(self.first.get(group, int(found[3])), int(found[3]))

    def take(self, m: dict) -> Meeting | None:
        """The row recorded since that answers ``m`` (BEFORE's projected meeting; they are
        asked in order of their days); ``None`` where BEFORE may have known every such row."""
        found = _KEY.fullmatch(str(m.get("id") or ""))
        if not found or m.get("status") != "projected":
            return None
        days = period_days(found[2])
        rows = self.rows.get((str(m["body"]), m.get("kind") or "regular"))
        if days is None or not rows:
            return None
        first, last = days
        pool = sorted((r for r in rows if first <= r.start.earliest and r.start.latest <= last), key=Meeting.sort_key)
        known = self.first.get((str(m["body"]), found[1], found[2]), int(found[3])) - 1
        if len(pool) <= known:
            return None
        # Which rows BEFORE knew, the register does not say: the latest are the likelier
        # recorded since, and each of BEFORE's meetings (in order) takes the first of them.
        row = pool[known]
        rows.remove(row)
        return row


__all__ = ["RecordedLate", "period_days"]
