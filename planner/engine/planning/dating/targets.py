"""The day a missing meeting aims at: the middle of its period, the body's preferred or usual
months, a rolling chain's nominal date, three quarters into a gap; the nearest day that fits
is found by :mod:`planner.engine.planning.dating.choice`."""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.dates import Duration, Grain, Window
from planner.core.model import (
    AdHocRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    EveryRule,
    Meeting,
    OnRule,
    Status,
)
from planner.engine.expectations import Expectation, ExpectationEngine
from planner.engine.gaps import GapExpectation
from planner.engine.planning.dating.state import BodyState
from planner.engine.planning.placement.habits import even_spread
from planner.engine.planning.placement.moves import MOVED, day_words

_WEEK = Grain.WEEK
_DAY = Grain.DAY  # read once (in Python 3.11 a member read from its class costs ~0.3 us)


class Targets:
    """The target days of a window (a part of :class:`Dating`)."""

    def _targets(self, state: BodyState, e: Expectation, window: Window, have: list[Meeting], missing: int) -> list[date]:
        """Target days, computed over the whole due period (whatever --today is) and then
        placed inside ``window`` by the nearest-day search."""
        found = self._targets_of(state, e, window, have, missing)
        if state.befores and e.rule.__class__ is AtLeastRule and e.__class__ is Expectation and e.grain is not Grain.DAY:
            # The days a customary `before` rule names (the AU Executive Council in the week
            # before the Mid-Year Coordination Meeting), inside the period due: the binding
            # rule's meeting nearest each aims at its last day, as for a customary `on` rule
            # (where none aims inside it already: WHO's Board in January, 5 months before).
            full = e.grain.window(e.period, e.year_start)
            for before, words in state.befores:
                if found and full.start <= before.end <= full.end and window.start <= before.end and not any(before.start <= m.earliest <= before.end for m in have) and not any(before.start <= d <= before.end for d in found):
                    nearest = min(found, key=lambda d, b=before.end: abs((d - b).days))
                    found.remove(nearest)
                    aim = max(before.start, before.end - state.length)
                    state.aims_before[aim] = (before, words)
                    found.append(aim)
            found.sort()
        return found

    def _targets_of(self, state: BodyState, e: Expectation, window: Window, have: list[Meeting], missing: int) -> list[date]:
        body = state.body
        state.chain = None
        if state.customary and e.minimum == 1 and e.grain is not _DAY:
            # The day a customary rule names, inside the period due (the US Congress: at least
            # once a year, and customarily on 3 January): that day, not the history's median.
            full = e.grain.window(e.period, e.year_start)
            named = [d for d in state.customary if full.start <= d <= full.end]
            if named:
                return named[:1]
        if e.minimum == 1 and e.rule.__class__ is AtLeastRule and e.__class__ is Expectation and not body.months and e.rule.within is None and e.grain is not _DAY:
            # (most windows: one meeting a period, no preferred month, no chain: the middle of
            # the period, as target_months' even spread gives it, without its calls)
            full = e.grain.window(e.period, e.year_start)
            span = (full.end - full.start).days
            habits = state.habits
            # (a week's middle too: a day of the month says nothing of a weekly body's day, and
            # a week across two months aimed at its Monday, the usual day of the first lying before it)
            if not habits.months or span < 364 and (e.grain is _WEEK or habits.usual_month(full.start, full.end) is None):
                return [full.start + timedelta(days=(span + 1) // 2)]
        if e.minimum == 1:
            nominal = self._nominal(state, e)
            if nominal is not None:
                return [nominal]
        full = e.grain.window(e.period, e.year_start) if e.grain is not _DAY and not getattr(e.rule, "within", None) else e.window
        if e.minimum == 1:
            wanted = state.habits.target_months(body, 1, full)
            if wanted and wanted[0] < window.start and isinstance(e, GapExpectation):
                # The preferred month it aimed at inside the gap has passed: the latest one
                # still ahead that the gap holds (README: "the latest of the body's months
                # ... that lies inside the gap"), not the first day left, which no month
                # names (at most 8 months from 2026-06-10, meeting in February, July and
                # November, as of 2026-12-05: February 2027, not 7 December; session 25).
                ahead = usual_within(state, window)
                return [ahead] if ahead is not None else wanted[:1]
            return wanted[:1]
        wanted = state.habits.target_months(body, e.minimum, full)
        for m in have:  # each meeting already there takes the target nearest to it
            if wanted:
                wanted.remove(min(wanted, key=lambda d, m=m: abs((d - m.earliest).days)))
        usable = [d for d in wanted if d >= window.start]
        if len(usable) < missing:
            usable = even_spread(window, missing)
        return sorted(usable)[:missing]

    def _nominal(self, state: BodyState, e: Expectation) -> date | None:
        """A rolling chain's nominal date: the interval after the previous meeting (a preferred
        or usual month, where the body has one, is kept for yearly intervals)."""
        rule = e.rule
        if isinstance(e, GapExpectation):
            # A preferred month inside the gap, else three quarters into it: 90 days after the
            # last meeting under a 120-day maximum, with room to reschedule without breaking it.
            years = range(e.window.start.year, e.window.end.year + 1)
            if any(state.habits.on(y, m) in e.window for y in years for m in state.body.months):
                return None
            return e.window.start + (e.deadline - e.window.start) * 3 // 4
        if not (isinstance(rule, EveryRule) and rule.mode == "rolling" and e.origin is not None):
            return None
        if e.grain is Grain.YEAR and (state.body.months or state.habits.months):
            return None
        # Counted from the chain's last meeting not projected, not from the day its previous
        # meeting was moved to (a weekend, a holiday): chained from the placed days, a chain
        # after 29 February whose nominal days fall on weekends drifted a day earlier each
        # time (25 February in 2028, 19 February in 2044), though a 12-month interval is
        # judged by calendar months. Only where that day is in the window due: an interval
        # in days is due no later than its count after the day the previous meeting took.
        interval, origin = rule.interval, e.origin.earliest
        root, steps = state.chains.get(origin, (origin, 0)) if e.origin.status is Status.PROJECTED else (origin, 0)
        # A chain gone on through windows no meeting took (missed, unknown, or a Problem in
        # projection: DESIGN, "from the missed window's period") is as many steps from its last
        # meeting as windows passed: 13 months after 2025-05-03 with the window due June 2026
        # passed, the one due July 2027 aims at 2027-07-03, not at 2026-06-03 (which took the
        # first day of July 2027 and chained the rest from there).
        taken = steps + 1
        nominal = Duration(interval.amount * taken, interval.unit).add_to(root) if steps else interval.add_to(origin)
        if nominal < e.window.start:
            taken, nominal = _steps(interval, root, taken, e.window.start)
        # (in the period due, not only in the window: after a meeting projected late, a 12-month
        # chain from 2025-06-10 held again on 2026-12-02 aimed at 2027-06-10, in the window
        # that opened on 2026-12-03 but months before the December due, and took 1 December)
        if steps and not _in_due(e, nominal):
            root, steps, taken, nominal = origin, 0, 1, interval.add_to(origin)
            if nominal < e.window.start:
                taken, nominal = _steps(interval, root, 1, e.window.start)
        # (a chain whose last meeting not projected is known only to its month or year is
        # counted from its first meeting placed: the 1st of the month is no nominal day)
        state.chain = (root, taken) if steps or e.origin.exact else None
        return nominal


def _in_due(e: Expectation, day: date) -> bool:
    """Whether ``day`` lies in the period ``e`` is due in (a window in days: the window)."""
    due = e.window if e.grain is _DAY else e.grain.window(e.period, e.year_start)
    return due.start <= day <= due.end


def usual_within(state: BodyState, window: Window) -> date | None:
    """The latest day of the body's preferred months (else of the months it met in) on which
    a meeting of it may open and close inside ``window``, the days a maximum gap leaves a
    meeting aimed later (``None``: none). The Lok Sabha, in session in February, July and
    November, its December session ending 2026-12-28: the session due in 2027 opens in
    February, the Budget session, not on 25 June, the last days art. 85's six months allow,
    a month before the Monsoon session."""
    months = state.body.months or tuple(sorted(set(state.habits.months)))
    days = [state.habits.on(year, month) for year in range(window.start.year, window.end.year + 1) for month in months]
    inside = [d for d in days if window.start <= d and d + state.length <= window.end]
    return max(inside, default=None)


def gap_words(gap: Duration, target: date, cut: Window, length: timedelta) -> str:
    """Why a meeting aimed at ``target`` opens in ``cut``, the days a maximum gap leaves it:
    "; moved from Tue 2027-07-20 (at most 6 months from the meeting before: opens by
    2027-06-28)", not the words of a day it could not have taken anyway."""
    return f"{MOVED}{day_words(target)} (at most {gap.words()} from the meeting before: opens by {cut.end - length})"


def _steps(interval: Duration, root: date, least: int, start: date) -> tuple[int, date]:
    """The fewest steps of ``interval`` from ``root``, more than ``least`` - 1 (which fall
    before ``start``), that reach ``start`` or later, and the day they reach."""
    if interval.unit == "d":
        taken = -(-(start - root).days // interval.amount)
    else:
        months = (start.year - root.year) * 12 + start.month - root.month
        taken = max(least, months // (interval.amount * (12 if interval.unit == "y" else 1)))
    while (nominal := Duration(interval.amount * taken, interval.unit).add_to(root)) < start:
        taken += 1
    return taken, nominal


def customary_days(engine: ExpectationEngine, body: Body, not_before: date, end: date) -> tuple[date, ...]:
    """The days from ``not_before`` to ``end`` that a customary ``on`` rule of ``body`` names
    where binding rules beside it are the ones planned for (the customary rule is judged, not
    planned: README): the days those rules' windows aim at."""
    if not any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in body.rules):
        return ()
    rules = [r for r in body.rules if isinstance(r, OnRule) and not r.binding]
    if not rules:
        return ()
    from planner.engine.calendar_rules import on_dates

    return tuple(sorted(d for r in rules for d in on_dates(engine, body, r, end) if not_before <= d <= end))


def customary_befores(engine: ExpectationEngine, body: Body, not_before: date, end: date) -> tuple[tuple[Window, str], ...]:
    """The windows from ``not_before`` to ``end`` that a customary ``before`` rule of ``body``
    names where binding rules beside it are the ones planned for, each with its words: the
    days the binding rules' meetings of those periods aim at (the other body's meetings, held,
    planned or projected, are there: it is placed first)."""
    if not any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in body.rules):
        return ()
    found = []
    for index, rule in enumerate(body.rules):
        if isinstance(rule, BeforeRule) and not rule.binding:
            for e in engine.for_rule(body, index, rule, not_before, end, pending=False):
                if e.window.end >= not_before and e.window.start <= end:
                    found.append((Window(max(e.window.start, not_before), e.window.end), e.reason))
    return tuple(sorted(found, key=lambda f: f[0].start))
