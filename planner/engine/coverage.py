"""Record coverage: whether the register is known to hold every meeting of a period.

A shortfall in a period whose records are not known complete proves nothing: the meeting may
have been held and not recorded. Such a window is ``unknown`` (not a violation), and the finding
says which coverage statement made it so. The statements are the body's ``records``, else the
organization's (``core/model.py``, :class:`Records`).
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.model import Body, Records, RuleBook


class Coverage:
    """The coverage statements that apply to one body."""

    def __init__(self, records: tuple[Records, ...]) -> None:
        self.complete = sorted((r.start, r.end or date.max) for r in records if r.complete)
        self.incomplete = [r for r in records if not r.complete]

    @classmethod
    def of(cls, body: Body, book: RuleBook) -> Coverage:
        return cls(body.records or book.organization.records)

    def gap(self, start: date, end: date) -> str:
        """Why ``[start, end]`` is not known complete, in words; empty when it is."""
        for r in self.incomplete:
            if r.start <= end and start <= (r.end or date.max):
                span = f"{r.start}..{r.end}" if r.end else f"from {r.start}"
                return f"the register is known incomplete {span}" + (f" ({r.note})" if r.note else "")
        if not self.complete:
            return ""
        day = start
        for first, last in self.complete:
            if first > day:
                break
            if last >= day:
                if last >= end:
                    return ""
                day = last + timedelta(days=1)
        spans = ", ".join(f"{a}..{b}" if b != date.max else f"from {a}" for a, b in self.complete)
        return f"the register is known complete only {spans}"
