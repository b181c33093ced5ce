"""``at_least`` / ``at_most`` rules -> expectations: each calendar period (year, half,
quarter, month, week) holds at least / at most ``count`` counting meetings (``DESIGN.md``,
"Cadence rules"). A window belongs to the rule version in force on its first day. Also
the periods of an ``every`` grid (:func:`grid_windows`).

Part of :class:`~planner.engine.expectations.ExpectationEngine`, which calls it per rule."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING

from planner.core.dates import Grain, Window, year_start_month
from planner.core.model import AtLeastRule, AtMostRule, Body, EveryRule, Meeting, Status
from planner.engine.body_meetings import CHAINING, counts
from planner.engine.expectation import (
    Expectation,
    _applies,
    after_earlier_versions,
    effective_start,
)
from planner.engine.rule_words import count_words, except_months_words, per_words

if TYPE_CHECKING:
    from planner.engine.expectations import ExpectationEngine


def per_period_expectations(engine: ExpectationEngine, body: Body, index: int, rule: AtLeastRule | AtMostRule, start: date | None, end: date) -> list[Expectation]:
    if rule.count == 0:  # at_least with only a max_gap: no period holds a minimum (gaps.py judges the gaps)
        return []
    grain = rule.per.grain
    ys = year_start_month(rule.year_start or engine.book.organization.year_start)
    first = effective_start(body, rule)
    if first is not None:
        period = grain.index(first, ys)
        if grain.window(period, ys).start < first:
            period += 1  # a window belongs to the rule in force on its first day
    else:
        # No founding date and no since: judged from the period of the first counting
        # meeting (README, "Start"); a special or cancelled one before it starts nothing.
        first_counting = next((m for m in engine.meetings_of(body.id).meetings if counts(rule, m) and m.status in CHAINING), None)
        if first_counting is None:
            return []
        period = grain.index(first_counting.earliest, ys)
    if start:
        period = max(period, grain.index(start, ys))
    last = grain.index(min(end, rule.until) if rule.until else end, ys)
    per = per_words(grain.value)
    at_least = isinstance(rule, AtLeastRule)
    relaxes = at_least and bool(rule.relaxations)
    within_words = f", within its first {rule.within.first_words()}" if at_least and rule.within is not None else ""
    left_out = except_months_words(rule)
    reason = f"at least {count_words(rule.count)} {per}{left_out}{within_words}" if at_least else f"at most {count_words(rule.count)} {per}{left_out}"
    # _applies(body, rule, window.start) written out: the first and last day a window may
    # start on (window starts only grow with the period)
    lowest = max((d for d in (rule.since, body.established.earliest if body.established else None) if d), default=date.min)
    highest = rule.until or date.max
    seam = after_earlier_versions(body, rule, engine.book.organization.year_start)
    if seam is not None and seam > lowest:
        lowest = seam
    out = [] if at_least else _first_part(body, index, rule, grain, ys, lowest, highest, start, min(end, highest), reason)
    window_of = grain.window
    count = rule.count
    within = rule.within if at_least else None
    if not relaxes and within is None:
        # most rules: every window the whole period, one count for all of them. Window starts
        # only grow with the period: those from lowest to highest are one run, found by bisection
        windows = _windows(grain, ys, period, last)
        a = bisect_left(windows, lowest, key=_START)
        b = bisect_right(windows, highest, a, key=_START)
        minimum, maximum = (count, None) if at_least else (0, count)
        out += [Expectation(body, rule, index, grain, p, w, minimum, maximum, w.end, None, reason, None, False, (), (), "", ys) for p, w in enumerate(windows[a:b], period + a)]
        return to_the_end(engine, body, rule, _judged_months(rule, out))
    for p in range(period, last + 1):
        window = window_of(p, ys)
        if not lowest <= window.start <= highest:
            continue
        if within is not None:  # due in the period's first part only (s.336: six months)
            window = Window(window.start, min(window.end, within.add_to(window.start) - timedelta(days=1)))
        if relaxes:
            relaxed = rule.relaxed(window.start)  # a relaxation of count or min_gap applies to the periods it begins
            if (relaxed.count, relaxed.min_gap) == (rule.count, rule.min_gap):
                relaxed = rule
            out.append(Expectation(body, relaxed, index, grain, p, window, relaxed.count, None, window.end, None, f"at least {count_words(relaxed.count)} {per}{within_words}", year_start=ys))
        elif at_least:
            out.append(Expectation(body, rule, index, grain, p, window, count, None, window.end, None, reason, None, False, (), (), "", ys))
        else:
            out.append(Expectation(body, rule, index, grain, p, window, 0, count, window.end, None, reason, None, False, (), (), "", ys))
    return to_the_end(engine, body, rule, _judged_months(rule, out))


def _judged_months(rule: AtLeastRule | AtMostRule, out: list[Expectation]) -> list[Expectation]:
    """``out`` without the months ``except_months`` leaves out ("monthly except August"): no
    window, so nothing is due, judged or projected there, as in a body's recess. (Left out
    before the period a rule ends in is cut to its end: a rule ending mid-August asks nothing
    of that August either.)"""
    if not rule.except_months:
        return out
    left_out = frozenset(rule.except_months)
    return [e for e in out if e.window.start.month not in left_out]


def to_the_end(engine: ExpectationEngine, body: Body, rule: AtLeastRule | AtMostRule | EveryRule, out: list[Expectation]) -> list[Expectation]:
    """``out`` with the window of the period a rule ended in (its ``until``, no version of it in
    force the day after: the body dissolved, a ceiling lifted) judged to that day only.

    A rule requires nothing after its end (README, Semantics; as a rolling window past a
    rule's end). A ceiling's part of the period is judged: meetings after the end were held
    under no version of it ("at most once a year" until 2021-06-30: a meeting in October does
    not make 2021 excess). A floor's period was never whole under it, and its count was due by
    the period's end, after the rule's: nothing was due while it was in force. Its part is
    judged only where meetings that may have opened in it are enough (then met, or uncertain
    where their days decide); otherwise no window (nothing due, nothing to project). The
    same for a grid's due period (`every 1y` on the grid until 2023-06-30)."""
    until = rule.until
    if until is None or not out or out[-1].window.end <= until or out[-1].window.start > until:
        return out
    identity = rule.id or f"kind {rule.kind}"
    after = until + timedelta(days=1)
    family = (AtLeastRule, AtMostRule) if isinstance(rule, AtLeastRule | AtMostRule) else (EveryRule,)
    if any(other is not rule and isinstance(other, family) and (other.id or f"kind {other.kind}") == identity and other.in_force(after) for other in body.rules):
        return out  # a later version takes over the next day: one rule, the whole period
    last = out[-1]
    window = Window(last.window.start, until)
    if last.minimum:
        today = engine.binding_on  # (check only)
        if today is not None:
            # nothing is due in it, whatever is planned; only meetings held (by today, while it
            # runs) may have met it: a plan in it was 'open', '1 still due by' the end, and, its
            # days passed unconfirmed, 'uncertain', though neither reading is a violation
            last_day = min(today, until)
            possible = sum(1 for m in engine.meetings_of(body.id).meetings if counts(rule, m) and m.status is Status.HELD and m.earliest <= last_day and m.latest >= window.start)
        else:
            possible = sum(1 for m in engine.meetings_of(body.id).meetings if counts(rule, m) and m.status in CHAINING and m.earliest <= until and m.latest >= window.start)
        if possible < last.minimum:
            return out[:-1]
    out[-1] = replace(last, window=window, deadline=until, part=True)
    return out



def _first_part(body: Body, index: int, rule: AtMostRule, grain: Grain, ys: int, lowest: date, highest: date, start: date | None, end: date, reason: str) -> list[Expectation]:
    """The window of a ceiling's period that began before the rule took effect (``lowest``:
    its ``since``, the body's founding, or the day after an earlier version's last window), from
    that day to the period's end, as a list of none or one. A ceiling is broken by what was
    held: two meetings after a founding on 2020-06-15 break "at most once a year" in 2020, and
    meetings before ``since`` were held under no version of it and do not count. (A floor,
    ``at_least``, is judged from its first whole period.) None where that day comes after
    ``end`` (the last day judged: today, or ``--to``): a window not yet begun is not judged
    (it was ``met``, "0 of at most 1", whenever ``since`` fell later in today's period)."""
    if lowest == date.min or lowest > end:
        return []
    p = grain.index(lowest, ys)
    whole = grain.window(p, ys)
    if whole.start == lowest or start and p < grain.index(start, ys):
        return []
    return [Expectation(body, rule, index, grain, p, Window(lowest, whole.end), 0, rule.count, whole.end, None, reason, None, False, (), (), "", ys, True)]


_START = attrgetter("start")
# grain.window(p, ys) for a run of periods, per grain and year start (``_windows``)
_RUNS: dict[tuple[Grain, int], tuple[int, list[Window]]] = {}


def _windows(grain: Grain, ys: int, first: int, last: int) -> list[Window]:
    """``grain.window(p, ys)`` for ``p`` in ``first`` .. ``last``: sliced from one list kept per
    grain and year start (the same windows, asked for by every rule with that grain), grown to
    cover what is asked (never more than the periods some rule asked for)."""
    if last < first:
        return []
    found = _RUNS.get((grain, ys))
    if found is None:
        found = _RUNS[(grain, ys)] = (first, [grain.window(p, ys) for p in range(first, last + 1)])
    base, runs = found
    if first < base:  # only the periods it lacks are made
        runs[:0] = [grain.window(p, ys) for p in range(first, base)]
        base = first
        _RUNS[(grain, ys)] = (base, runs)
    if last >= base + len(runs):
        runs += [grain.window(p, ys) for p in range(base + len(runs), last + 1)]
    return runs[first - base : last - base + 1]


def grid_windows(body: Body, rule: EveryRule, counting: list[Meeting], anchor_day: date, end: date, pending: bool) -> list[tuple[int, Window]]:
    """The periods of a grid phased on ``anchor_day`` from the rule's start, with their windows."""
    grain, step = rule.interval.grain, rule.interval.periods
    first_period = grain.index(anchor_day)
    start = effective_start(body, rule) if rule.anchor is not None or counting else None
    if start is not None and start < anchor_day:
        # The first counting meeting (or the `anchor`) gives the grid its phase, not its
        # start: the periods of that phase from the rule's start (since, founding) on are
        # due too, as an `on` rule's years before its anchor are. (They were not: a first
        # meeting recorded after a silence erased every window before it; an anchor after
        # `since` left the years between unjudged.)
        first_period -= (first_period - grain.index(start)) // step * step
    windows: list[tuple[int, Window]] = []
    k = 0
    while True:
        period = first_period + k * step
        window = grain.window(period)
        k += 1
        if window.start > end:
            if pending and _applies(body, rule, window.start):
                windows.append((period, window))
                break
            if not pending or (rule.until and window.start > rule.until):
                break
            continue
        if _applies(body, rule, window.start):
            windows.append((period, window))
    return windows


__all__ = ["grid_windows", "per_period_expectations", "to_the_end"]
