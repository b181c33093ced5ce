"""What projection does with windows already late or closing: a window due ``--today`` (a
Problem: projection begins tomorrow), a chain a register meeting answers late (a Problem, not a
second meeting), a rolling chain silent past its deadline (the window due now), an overdue chain
or gap (placed as soon as possible), and where a meeting for a window may go at all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from planner.core.dates import Grain, Window
from planner.core.model import AfterRule, AtLeastRule, Body, EveryRule, Meeting, Rule, Status
from planner.engine.cadence.after import narrow, open_on_every_reading, read_apart
from planner.engine.expectation import rolling_versions
from planner.engine.expectations import (
    CHAINING,
    BodyMeetings,
    Expectation,
    counts,
    ordinal_words,
    thin,
)
from planner.engine.judging.rule_verdicts import excused_by
from planner.engine.min_gap import counted_before
from planner.engine.planning.dating import SATISFYING, Dating
from planner.engine.planning.results import ProjectionProblem


def meetings_satisfying(e: Expectation, bm: BodyMeetings, end: date) -> list[Meeting]:
    """The meetings of ``bm`` that count for ``e`` up to ``end``, as projection counts them."""
    found = bm.overlapping(e.window.start, end)
    if not found:
        return []  # (a window still ahead mostly: nothing recorded in it yet)
    out = []
    for m in found:
        # Only a meeting surely inside the window satisfies it: one whose loose date straddles
        # the window's edge leaves it uncertain, as compliance would judge it.
        if counts(e.rule, m) and m.status in SATISFYING and m.start.earliest >= e.window.start and m.start.latest <= end:
            out.append(m)
    kept, _ = thin(out, e, (), counted_before(bm, e, SATISFYING))
    if isinstance(e.rule, AtLeastRule) and e.rule.min_gap is not None:
        # A loosely dated meeting cannot prove its distance from the meetings still to be
        # placed: plan as if it were not there, so the firm dates alone keep the rule.
        kept = [m for m in kept if m.start.exact]
    return kept


class Lateness(Dating):
    """The late and overdue windows of a projection (a part of :class:`Projector`)."""

    _told_today: set[tuple[str, str]]

    def _due_today(self, e: Expectation, bm: BodyMeetings) -> None:
        """The Problem of a window still short on its last day, --today: check calls it open,
        and projection, which begins tomorrow, has no day left to fill it."""
        have = meetings_satisfying(e, bm, e.deadline)
        missing = e.minimum - len(have)
        if missing <= 0 or not have and self._answered_late(e, bm):
            return
        body = e.body
        message = f"{body.name} due {e.label} ({e.reason}): {missing} still due by {e.deadline}, which is today; projection begins tomorrow, so nothing was projected for {e.label} (a meeting held today meets it: record it)."
        if (body.id, message) in self._told_today:
            return  # (a chained rule's windows are made again after each placement: told once)
        self._told_today.add((body.id, message))
        self.problems.append(ProjectionProblem(body, e.window, e.label, message))

    def _answered_late(self, e: Expectation, bm: BodyMeetings) -> bool:
        """A chain window (rolling ``every``, ``after``) that a meeting of the register, planned
        or held after its deadline, answers late: projecting another meeting before it would
        put two where the rules ask one. It is a Problem instead ("the 7th Summit, planned
        2027-04, is late for the Summit due 2026")."""
        rule = e.rule
        if not (isinstance(rule, EveryRule) and rule.mode == "rolling" or isinstance(rule, AfterRule)) or e.late_until is None:
            return False
        claimed: set[int] | None = getattr(self, "_claimed", None)  # (counted by another window of an after rule)
        late = next((m for m in meetings_satisfying(e, bm, e.late_until) if m.status is not Status.PROJECTED and (claimed is None or id(m) not in claimed)), None)
        if late is None:
            return False
        if claimed is not None:
            claimed.add(id(late))
        body = e.body
        self.problems.append(
            ProjectionProblem(
                body,
                e.window,
                e.label,
                f"{body.name} due {e.label} ({e.reason}): {ordinal_words(late, body)} comes after the deadline ({e.deadline}) and answers it late; nothing more was projected for {e.label}.",
                "late",
                late,
            )
        )
        return True

    def _placement_window(self, e: Expectation) -> Window:
        """Where a meeting for ``e`` may go: the due period (a rolling chain is due in its
        last period), never before tomorrow."""
        window = e.window
        start = window.start
        if isinstance(e.rule, EveryRule) and e.rule.mode == "rolling" and e.grain is not Grain.DAY:
            due = e.grain.window(e.period)
            start = max(due.start, start)
        if start >= self.not_before and window.end == e.deadline and start == window.start:
            return window  # (most windows: the whole period is ahead, no new Window to make)
        return Window(max(start, self.not_before), e.deadline)

    def _ended(self, e: Expectation) -> bool:
        """Whether ``e``'s rule, every version of it, ended before the horizon's first day: a
        silent chain of it asks for nothing now (check: nothing due after its end). A daily
        rule that ended in 2001 had one meeting projected in 2026, "1 day after the window due
        2026-11-26", the chain taken up from its last window as if still in force."""
        rule = e.rule
        versions = rolling_versions(e.body, e.rule_index, rule) if isinstance(rule, EveryRule) and rule.mode == "rolling" else [(e.rule_index, rule)]
        return all(v.until is not None and v.until < self.not_before for _, v in versions)

    def _current(self, e: Expectation) -> Expectation | None:
        """For a rolling chain silent past its deadline: the window of the chain due now (each
        window due one interval after the previous one's period, as compliance judges it)."""
        rule = e.rule
        if not (isinstance(rule, EveryRule) and rule.mode == "rolling"):
            return None
        step = rule.interval.periods
        now = self.not_before.toordinal() if e.grain is Grain.DAY else e.grain.index(self.not_before)
        # From the period the window ends in, as compliance chains a silence (its
        # next_window): a window standing for every reading of a loosely dated origin has
        # the earliest reading's period but the latest reading's end, and a chain from the
        # earliest went past a window still open on the later readings.
        last = max(e.period, e.window.end.toordinal() if e.grain is Grain.DAY else e.grain.index(e.window.end))
        found = self._chain_window(e, last + max(1, -(-(now - last) // step)) * step)
        # An earlier window still within its tolerance is the one due now (check calls it
        # open: due 2025 with "6m", as of 2026-06-15, "1 still due by 2026-06-30"), not the
        # next one.
        while found.period - step > last and (earlier := self._chain_window(e, found.period - step)).deadline >= self.not_before:
            found = earlier
        if e.cases and found.period > last and not narrow(e) and len(rolling_versions(e.body, e.rule_index, rule)) == 1:
            # readings of the origin spanning more than one interval (`every 3m` after
            # `2000`): the window due now is another one on each, and check gives it the
            # earliest of their deadlines; a meeting by then meets it on every reading
            every = open_on_every_reading(found, e, (found.period - last) // step, self.not_before)
            earliest = min(every.cases, key=lambda c: c.deadline, default=found)
            if self.not_before <= earliest.deadline < found.deadline:
                found = replace(earliest, assumption="")
        return found if found.deadline >= self.not_before else None

    @staticmethod
    def _named(origin: Expectation | None, e: Expectation) -> str | None:
        """The label check gives ``e``, a window of a rolling chain silent since ``origin``
        (a window dated too loosely to fix its due period, one version of the rule), when a
        later meeting answers it late: the window of that rank after the origin on every
        reading (``read_apart``: `every 3m` after `2000`, "2025-07..2026-06"), not the
        origin's own (``e`` carries its readings). ``None`` for any other window."""
        if origin is None or not origin.cases or len(rolling_versions(origin.body, origin.rule_index, origin.rule)) != 1:  # type: ignore[arg-type]
            return None
        grain, step = origin.grain, origin.rule.interval.periods  # type: ignore[attr-defined]
        top = max(c.window.end.toordinal() if grain is Grain.DAY else grain.index(c.window.end) for c in origin.cases)
        if e.period <= top:
            return None
        return read_apart(replace(e, cases=()), origin, -(-(e.period - top) // step)).label

    def _unphased(self, body: Body, rule: Rule) -> bool:
        """Whether ``rule`` is a grid with no ``anchor`` and no counting meeting of ``body`` to
        take its phase from (DESIGN: the anchor defaults to the first counting meeting): its
        windows run from the founding until the first meeting projected sets the phase, and
        are made again after it (projected in the founding's phase, a register held as
        projected was judged in the first meeting's, and due in other years)."""
        if not (isinstance(rule, EveryRule) and rule.mode == "grid" and rule.anchor is None):
            return False
        return not any(counts(rule, m) and m.status in CHAINING for m in self.engine.meetings_of(body.id).meetings)

    def _after_excused(self, e: Expectation) -> Expectation | None:
        """The window after ``e`` where ``e`` is a rolling chain's window that an excused
        period or an ``except_when`` body excuses: nothing is projected for it, and the chain
        goes on from its period, as check's does ("1 year after the window due 2027")."""
        rule = e.rule
        if not (isinstance(rule, EveryRule) and rule.mode == "rolling" and (rule.excused or rule.except_when)) or e.window.end >= self.end or not excused_by(self.engine, e):
            return None
        last = max(e.period, e.window.end.toordinal() if e.grain is Grain.DAY else e.grain.index(e.window.end))
        after = self._chain_window(e, last + rule.interval.periods)
        return after if rule.until is None or after.window.start <= rule.until else None

    def _chain_window(self, e: Expectation, period: int) -> Expectation:
        """The window of ``e``'s rolling chain due in ``period``, after a silence since ``e``."""
        rule = e.rule
        assert isinstance(rule, EveryRule)
        previous = period - rule.interval.periods

        def end_of(p: int) -> date:
            return date.fromordinal(p) if e.grain is Grain.DAY else e.grain.window(p).end

        window = Window(end_of(previous) + timedelta(days=1), end_of(period))
        since = e.reason.split("nothing held since ", 1)[1] if "nothing held since " in e.reason else e.reason.split(" after ", 1)[-1]
        reason = f"{rule.interval.words()} after the window due {_label(e, previous)}, nothing held since {since}"
        deadline = rule.tolerance.add_to(window.end) if rule.tolerance else window.end
        # (not ``e``'s readings: they are the origin's window's, and named this one as that
        # one, "due 2000-04..2001-03" for a window due 2026-09; see _named)
        return replace(e, period=period, window=window, deadline=deadline, reason=reason, cases=())

    def _overdue(self, e: Expectation, after: date | None = None) -> Window | None:
        """An overdue chain is placed as soon as possible (from ``after``, where later than
        tomorrow): opening this period or the next, and sitting past it if it is long (a
        session of 60 days overdue on 5 December opens by 31 January: it fitted nowhere in
        the 57 days to then, and nothing after it was projected; audit 24's Parliament of
        Canada)."""
        grain = e.grain if e.grain is not Grain.DAY else Grain.MONTH
        first = self.not_before if after is None or after < self.not_before else after
        end = grain.window(grain.index(first) + 1).end + timedelta(days=e.body.duration_days - 1)
        return Window(first, min(end, self.end)) if first <= self.end else None


def _label(e: Expectation, period: int) -> str:
    """The window of ``e``'s rolling chain due in ``period`` named as check names it: after a
    loosely dated origin (``e.cases``, one version of the rule), the origin's own window by
    every reading of it, and each window after it too where the readings span less than one
    interval (``cadence.every.after_last``: `every 18m` after `2019`, "2022-01..2022-12");
    otherwise by the latest reading's period ("2022-12")."""
    if e.cases and len(rolling_versions(e.body, e.rule_index, e.rule)) == 1:  # type: ignore[arg-type]
        step = e.rule.interval.periods  # type: ignore[attr-defined]
        top = max(c.window.end.toordinal() if e.grain is Grain.DAY else e.grain.index(c.window.end) for c in e.cases)
        if period <= top:
            return e.label  # (the origin's own window: labelled by its cases)
        if narrow(e):
            return read_apart(replace(e, cases=()), e, (period - top) // step).label
    return e.grain.label(period)
