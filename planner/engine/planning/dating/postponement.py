"""Where a postponed meeting goes: the meeting projected under its number is it, held later,
never on its old days; a window it can no longer fall in gets it late, or nothing, and a
Problem says which (a part of :class:`~planner.engine.planning.projector.Projector`)."""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.dates import Window
from planner.core.model import Meeting
from planner.engine.expectations import Expectation, ordinal
from planner.engine.planning.dating import BodyState
from planner.engine.planning.lateness import Lateness
from planner.engine.planning.results import ProjectionProblem


class Postponement(Lateness):
    """The windows of a body's postponed meetings (a part of the projector)."""

    @staticmethod
    def _postponed_last(state: BodyState) -> date | None:
        """The last day of the postponed meeting whose number the next meeting takes, if any."""
        number = state.next_ordinal if state.numbers is None else None
        return state.postponed.get(number) if state.postponed and number is not None else None

    def _after_postponement(self, state: BodyState, e: Expectation, window: Window) -> Window | None:
        """``window`` from the day after the postponed meeting whose number the next meeting
        takes (a postponed meeting is held later, never on its old days). Where the window
        closes first, a chain window that may be answered late (rolling ``every``, ``after``)
        gets it as soon as possible after that day, late, and the chain goes on from its new
        day; another window gets nothing. Either way a Problem says so."""
        last = self._postponed_last(state)
        if last is not None and last < window.start and e.deadline < self.not_before:
            # (postponed from a day already past, the window closed since: projected late, as
            # soon as possible, and a Problem says so, as where no day was left after it)
            message = f"{state.body.name}: the {ordinal(state.next_ordinal)}, postponed from {last}, was due by {e.deadline} ({e.reason}); it is projected as soon as possible after, late for {e.label}."  # type: ignore[arg-type]
            if (state.body.id, message) not in self._told_today:  # (a chain's windows are made again after each placement: told once)
                self._told_today.add((state.body.id, message))
                self.problems.append(ProjectionProblem(state.body, e.window, e.label, message, "late"))
        if last is None or last < window.start:
            return window
        if window.start > self.end:
            return None  # (a window of the chain past the horizon: nothing to place, nothing to say)
        if last < window.end:
            return Window(last + timedelta(days=1), window.end)
        body, number = state.body, state.next_ordinal
        late = self._overdue(e, last + timedelta(days=1)) if e.late_until is not None and e.late_until > last else None
        if late is not None and e.late_until < late.end:
            late = Window(late.start, e.late_until)
        then = f"nothing was projected for {e.label}" if late is None else f"it is projected as soon as possible after, late for {e.label}"
        # ("late" where it is projected all the same: the postponed meeting answers the window late)
        self.problems.append(ProjectionProblem(body, window, e.label, f"{body.name}: the {ordinal(number)}, postponed from {last}, has no day left after it in {window} ({e.reason}); {then}.", "placement" if late is None else "late"))
        return late


def last_days(waiting: dict[int, list[Meeting]] | None) -> dict[int, date] | None:
    """Ordinal -> the last day of its postponed meeting (the meeting projected under it opens after)."""
    return {number: max(m.latest for m in rows) for number, rows in waiting.items()} if waiting else None


__all__ = ["Postponement", "last_days"]
