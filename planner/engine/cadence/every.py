"""The ``every`` rule: a rolling chain of windows, each due one interval after the meetings
that open it, or a grid of windows from an anchor (``DESIGN.md``, "Cadence rules").

Rolling: after each counting meeting in period P, the next is due by the end of period
P + interval (2014 then 2019 is one year late); origins due in the same period make one window.
Grid: one due in each period anchor + k * interval. Versions of one rule (the same id) make one
chain. Built for :class:`~planner.engine.expectations.ExpectationEngine`, which holds the
register and the horizon.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.dates import Grain, Window
from planner.core.model import Body, EveryRule, Meeting, Status
from planner.engine.body_meetings import CHAINING, counts
from planner.engine.cadence.after import (
    binding_chain,
    narrow,
    open_on_every_reading,
    read_apart,
    version_readings,
)
from planner.engine.cadence.periods import grid_windows, to_the_end
from planner.engine.expectation import (
    MAX_CHAIN,
    UNBOUNDED,
    Expectation,
    _applies,
    _hull,
    _start_words,
    _tolerant,
    _within,
    due_once_ended,
    effective_start,
    origin_cases,
    reading_cases,
    rolling_versions,
    seam_before,
    version_on,
    within_the_rules_life,
)
from planner.engine.rule_words import ordinal_words, origins_words

_GRAIN_DAY = Grain.DAY  # read once (in Python 3.11 a member read from its class costs ~0.3 us)

if TYPE_CHECKING:
    from planner.engine.expectations import ExpectationEngine


def every_expectations(engine: ExpectationEngine, body: Body, index: int, rule: EveryRule, end: date, pending: bool, chain_from: date | None = None, open_from: date | None = None) -> list[Expectation]:
    bm = engine.meetings_of(body.id)
    if rule.mode == "grid":
        return _grid(engine, body, index, rule, [m for m in bm.meetings if counts(rule, m)], end, pending, open_from)
    # Versions of one rule (the same id) make one chain: each window takes the interval of
    # the version in force on its first day, and the later version goes on from the
    # earlier one's last window instead of starting a chain of its own beside it.
    versions = rolling_versions(body, index, rule) if chain_from is None else [(index, rule)]
    first, resumed = 0, False
    if chain_from is not None:
        # Start from the last origin before chain_from: found by bisection, not a scan, so
        # that a projection placing meeting after meeting stays linear.
        j = bisect.bisect_left(bm.starts, chain_from) - 1
        while j >= 0 and not (counts(rule, bm.meetings[j]) and bm.meetings[j].status in CHAINING):
            j -= 1
        first, resumed = max(j, 0), j >= 0
    counting, kinds, formats = [r for _, r in versions], rule.counts, rule.formats  # one version, most often
    if len(counting) > 1:
        # a meeting is in the chain where the version in force when it was held counts it
        # (a special Summit counted until 2010 is no link of the chain in 2014)
        origins: list[Meeting | None] = [m for m in bm.meetings[first:] if m.status in CHAINING and any(counts(version_on(versions, day)[1], m) for day in (m.earliest, m.latest))]
    else:
        origins = [m for m in bm.meetings[first:] if m.status in CHAINING and m.kind in kinds and (not formats or m.format is None or m.format in formats)]
    founded = effective_start(body, versions[0][1])
    # an earlier version of another kind (an `at_least` before this `every`): the chain goes
    # on from its last period, not from this version's first day
    seam = seam_before(body, versions[0][1]) if founded is not None and founded == versions[0][1].since else None
    # (A chain resumed from an origin before chain_from needs no founding before it: the
    # windows of a silence between the founding and that origin all closed before it, and
    # walking them, an `every 1d` chain from a founding 900 years back, was 100,000 windows
    # for each body whose first meeting the projection had just placed.)
    # With `first_within`, the window after the founding is that rule's own (gaps.py: the
    # first meeting due within that time of it): once a meeting answers it, the founding
    # starts no second window one interval after it, which the same first meeting would be
    # judged late for (the OPCW's first Review Conference, due by 29 April 2003 by
    # art. VIII(22), was "due 2002" too). A body that never met keeps the founding's chain.
    first_meeting_due = versions[0][1].first_within is not None and any(o is not None for o in origins)
    if founded and not first_meeting_due and (not resumed or not origins or founded >= origins[0].earliest):  # type: ignore[union-attr]
        # The founding (or the rule's start) starts the chain too: a body that never met
        # is due one interval after it. Placed before meetings of the same day, so that
        # a real meeting's window wins where both fall due in the same period.
        at = next((i for i, o in enumerate(origins) if o is not None and o.earliest >= founded), len(origins))
        origins.insert(at, None)
    # Origins due in the same period make one window, due after all of them (meaning 1).
    groups: list[list[Meeting | None]] = []
    of_group: list[tuple[int, EveryRule]] = []
    last_period: tuple[int, int] | None = None
    for origin in origins:
        anchor = founded if origin is None else origin.earliest
        assert anchor is not None
        vi, vr = version_on(versions, anchor if origin is None else origin.latest + timedelta(days=1))
        grain, step = vr.interval.grain, vr.interval.periods
        at = seam if origin is None and seam is not None else anchor
        period = (vi, at.toordinal() + step if grain is _GRAIN_DAY else grain.index(at) + step)
        if groups and period == last_period:
            groups[-1].append(origin)
        else:
            groups.append([origin])
            of_group.append((vi, vr))
        last_period = period
    chain = walk(engine, body, groups, of_group, founded, versions)
    if chain_from is None:
        chain += after_last(engine, chain, versions, end)
        if engine.binding_on is not None and len(groups) > 1:  # (check only)
            chain = binding_chain(engine, groups, of_group, founded, versions, chain, end)
    chain = within_the_rules_life(chain, versions if chain_from is None else rolling_versions(body, index, rule))
    if len(versions) > 1:
        chain = [e for e in chain if e.rule_index == index]
    return _within(chain, end, pending)

def walk(engine: ExpectationEngine, body: Body, groups: list[list[Meeting | None]], of_group: list[tuple[int, EveryRule]], founded: date | None, versions: list[tuple[int, EveryRule]]) -> list[Expectation]:
    """The windows of a rolling chain from its groups of origins (each group one due period)."""
    chain: list[Expectation] = []
    for n, group in enumerate(groups):
        nxt = groups[n + 1][0] if n + 1 < len(groups) else None
        e = _rolling(engine, body, *of_group[n], group, founded, nxt.latest if nxt is not None else UNBOUNDED, versions)
        if e is None:
            continue
        chain.append(e)
        # A long silence: the windows between stay due, each from the previous window's
        # period. The next meeting is late for the window before the one whose days it
        # opens in (2014 then 2019: late for 2018); opened past a window's last day but
        # within its tolerance, it meets that window and the ones before it are missed
        # (recording a late meeting never erases them; a tolerance never makes one later).
        hull, k = e, 0
        # (check) a plan still to come: the windows it may answer are judged as of today
        today = engine.binding_on
        ahead = today is not None and nxt is not None and nxt.status in _PLANNED and nxt.earliest > today
        while nxt is not None and nxt.earliest > e.deadline and len(chain) < MAX_CHAIN:
            gap = next_window(e, versions, nxt.latest)
            if gap is None or ahead and e.deadline >= today and gap.window.start <= today:  # type: ignore[operator]
                break  # (ahead: ``e`` may still be met within its tolerance, no window after it yet)
            if gap.window.end >= nxt.earliest:
                if ahead and not hull.cases and gap.window.start <= today:  # type: ignore[operator]
                    # the window running now, the plan opening in it: held, the plan answers
                    # ``e`` late; slipped, this one is late too. Due by its deadline either
                    # way: open, the plan scheduled (it was left out: nothing open)
                    chain[-1] = _unanswered(e)
                    chain.append(gap)
                break
            chain[-1] = _unanswered(e)
            chain.append(gap)
            e, k = gap, k + 1
        if k and hull.cases and len(versions) == 1:
            # each window of the silence on every reading of the origin, not on its latest
            # alone: labelled and due by all of them (missed on all of them but the last)
            at = len(chain) - k
            labels = [g.label for g in chain[at:]]
            for j in range(1, k + 1):
                read = read_apart(chain[at + j - 1], hull, j)
                if j > 1 and labels[j - 2] != chain[at + j - 2].label:  # the window it is due after, as now labelled
                    read = replace(read, reason=read.reason.replace(f"the window due {labels[j - 2]},", f"the window due {chain[at + j - 2].label},", 1))
                chain[at + j - 1] = read if j == k else _unanswered(read)
    return chain

def _rolling(engine: ExpectationEngine, body: Body, index: int, rule: EveryRule, group: list[Meeting | None], founded: date | None, late_until: date, versions: Sequence[tuple[int, EveryRule]] = ()) -> Expectation | None:
    """The window due after ``group`` (origins of one due period, or the founding), under
    the version of the rule in force on its first day (``versions``, when there are several)."""
    grain, step = rule.interval.grain, rule.interval.periods
    last = group[-1]
    if last is None:
        assert founded is not None
        first, anchor = founded, (seam_before(body, rule) if founded == rule.since else None) or founded
    else:
        first, anchor = engine.meetings_of(body.id).next_opening(last, rule), last.earliest
    origins = (last,) if len(group) == 1 and last is not None else tuple(o for o in group if o is not None)
    reason = f"{rule.interval.words()} after " + (origins_words(origins, body) if origins else _start_words(body, rule))

    if not _applies(body, rule, first):
        return None
    # the window due after the anchor (one call: the readings of a loosely dated origin are
    # made by reading_cases, as this one is)
    period = anchor.toordinal() + step if grain is _GRAIN_DAY else grain.index(anchor) + step
    end = date.fromordinal(period) if grain is _GRAIN_DAY else grain.window(period).end
    # A reading of a loosely dated origin whose due period ends before the day the
    # next meeting may first open (`every 6m` after a meeting known only as `2019`,
    # read as held in March): only a late meeting can answer it. Its window is its
    # last day (it was dropped, and the readings left could all say met).
    window = Window(min(first, end), end)
    e = Expectation(body, rule, index, grain, period, window, 1, None, _tolerant(end, rule.tolerance, grain), late_until, reason, last, False, origins, (), "")
    readings = origin_cases(last, grain) if last is not None and len(origins) == 1 else None
    # (a reading per version where a version change cuts the origin's days: version_readings)
    cases = version_readings(e, versions, last, first) if readings is not None and len(versions) > 1 and last is not None and not last.start.exact else []
    if readings or cases:  # (none for an origin dated to the day)
        cases = cases or reading_cases(e, readings or [], first)
        if late_until < first:
            # the next origin may open inside this one's days (the register does not order
            # them): only the readings due after it could have closed are judged
            cases = [c for c in cases if c.window.end >= first] if e.window.end >= first else []
        if len(cases) > 1 and any(c.window.end >= first for c in cases):
            hull = _hull(cases)
            if any(c.rule is not hull.rule for c in cases):  # versions read apart: the reason names each
                hull.reason += "".join(f"; {c.rule.interval.words()} after it if it was held from {c.assumption.partition('..')[0]}, under the version in force the day after" for n, c in enumerate(cases) if n and c.rule is not cases[n - 1].rule)  # type: ignore[attr-defined]
            return hull
    if e.window.end < first and last is not None and last.start.exact:
        return due_once_ended(e, last, first)
    return None if e.window.end < first else e

def next_window(last: Expectation, versions: list[tuple[int, EveryRule]], late_until: date) -> Expectation | None:
    """The window one interval after ``last``'s due period, answered by nothing since, under
    the version of the rule in force on its first day."""
    start = last.window.end + timedelta(days=1)
    index, rule = version_on(versions, start)
    grain = rule.interval.grain
    period = (last.window.end.toordinal() if grain is _GRAIN_DAY else grain.index(last.window.end)) + rule.interval.periods
    window_end = date.fromordinal(period) if grain is _GRAIN_DAY else grain.window(period).end
    window = Window(start, window_end)
    if not _applies(last.body, rule, window.start):
        return None  # the rule ended (no later version takes over)
    # the last meeting the chain was due after: the window's origin, or, where the founding
    # fell due with meetings held before the rule took effect (the 25th International
    # Conference of the Red Cross, 23-31 October 1986, adopted the Statutes in force from its
    # last day), the last of them, as that window's own reason names it
    since = last.origin if last.origin is not None else (last.origins[-1] if last.origins else None)
    reason = f"{rule.interval.words()} after the window due {last.label}, nothing held since " + (
        ordinal_words(since, last.body) if since is not None else _start_words(last.body, rule)
    )
    return Expectation(last.body, rule, index, grain, period, window, 1, None, _tolerant(window.end, rule.tolerance, grain), late_until, reason, last.origin, False, last.origins)

def after_last(engine: ExpectationEngine, chain: list[Expectation], versions: list[tuple[int, EveryRule]], end: date) -> list[Expectation]:
    """Windows after the last one of a rolling chain, which nothing answered: the body stays
    due every interval (a body silent for 12 years under "every 4 years" missed three)."""
    if not chain:
        return []
    out: list[Expectation] = []
    last = chain[-1]
    # After a loosely dated origin nothing answered, each window on every reading of it,
    # where the readings' windows of one rank do not reach the next rank's (the origin's
    # days span less than the interval: `every 18m` after `2019`); the latest reading's
    # windows otherwise (`every 3m` after `2000`: check and project chain from it).
    hull = last if last.cases and len(versions) == 1 and last.late_until is UNBOUNDED and narrow(last) else None
    while (min(c.deadline for c in last.cases) if hull is not None and last.cases else last.deadline) < end and len(out) < MAX_CHAIN:
        nxt = next_window(last, versions, UNBOUNDED)
        if nxt is None:
            break
        if hull is not None:
            nxt = read_apart(nxt, hull, len(out) + 1)
        last = nxt
        out.append(last)
    if hull is None and out and out[-1].deadline >= end and chain[-1].cases and len(versions) == 1 and chain[-1].late_until is UNBOUNDED:
        # The origin's readings span more than one interval (`every 3m` after `2000`):
        # readings of one rank are no one window, and the windows before are the latest
        # reading's (the fewest missed). But the window running now is one on every
        # reading, each its own: due by the earliest of their deadlines, not the latest
        # reading's (DESIGN: never more certain than the data).
        out[-1] = open_on_every_reading(out[-1], chain[-1], len(out), end)
    return out

def _grid(engine: ExpectationEngine, body: Body, index: int, rule: EveryRule, counting: list[Meeting], end: date, pending: bool, open_from: date | None = None) -> list[Expectation]:
    grain = rule.interval.grain
    anchor_day = rule.anchor.earliest if rule.anchor else (counting[0].earliest if counting else effective_start(body, rule))
    if anchor_day is None:
        return []
    # The periods depend on the phase and the horizon alone: made once, not for each of
    # the projection's rounds (a monthly grid founded in 1000 made its 12,000 windows again
    # for every meeting placed: 5 s for ten years). Projection (``open_from``) leaves out
    # the windows whose deadline and late days (up to the next window) passed before it.
    key = (body.id, index, anchor_day, end, pending, bool(counting))
    windows = engine._grids.get(key)
    if windows is None:
        windows = engine._grids[key] = grid_windows(body, rule, counting, anchor_day, end, pending)
    first = 0
    seam = _after_an_earlier_grid(engine, body, rule)
    if seam is not None and windows and windows[0][1].start < seam:
        first = bisect.bisect_left(windows, seam, key=lambda pw: pw[1].start)
    if open_from is not None and len(windows) > first + 1:
        first = max(first, bisect.bisect_right(windows, open_from, key=lambda pw: pw[1].start) - 1)
        while first > 0 and (seam is None or windows[first - 1][1].start >= seam) and _tolerant(windows[first - 1][1].end, rule.tolerance, grain) >= open_from:
            first -= 1
    anchored = grain.index(anchor_day)
    out = []
    for n in range(first, len(windows)):
        period, window = windows[n]
        nxt = windows[n + 1][1].start - timedelta(days=1) if n + 1 < len(windows) else UNBOUNDED
        reason = f"every {rule.interval.first_words()} on the grid from {grain.label(anchored)}"
        out.append(Expectation(body, rule, index, grain, period, window, 1, None, _tolerant(window.end, rule.tolerance, grain), nxt, reason, None, window.start > end))
    return to_the_end(engine, body, rule, out)


def _after_an_earlier_grid(engine: ExpectationEngine, body: Body, rule: EveryRule) -> date | None:
    """The day after the last window of an earlier grid version of ``rule`` (the same ``id``)
    that ``rule`` takes over from the next day, where that window runs past the seam; else
    None. That version keeps its whole last period (periods.to_the_end), so ``rule`` begins
    after it, as a per-period rule's later version does (expectation.after_earlier_versions):
    `every 1y` on the grid until 2020-06-30, then `every 3m` from 2020-07-01 anchored in
    September, judged 2020 and then 2020-09 too, and one Board of 2020-09-10 met both
    (session 21)."""
    if rule.since is None:
        return None
    identity = rule.id or f"kind {rule.kind}"
    found: date | None = None
    for other in body.rules:
        if other is rule or not isinstance(other, EveryRule) or other.mode != "grid" or (other.id or f"kind {other.kind}") != identity:
            continue
        if other.until is None or other.until >= rule.since or not rule.in_force(other.until + timedelta(days=1)):
            continue
        counting = [m for m in engine.meetings_of(body.id).meetings if counts(other, m)]
        anchor = other.anchor.earliest if other.anchor else (counting[0].earliest if counting else effective_start(body, other))
        if anchor is None:
            continue
        windows = grid_windows(body, other, counting, anchor, other.until, False)
        if windows and windows[-1][1].start <= other.until < windows[-1][1].end:
            day = windows[-1][1].end + timedelta(days=1)
            found = day if found is None else max(found, day)
    return found


_PLANNED = (Status.PLANNED, Status.PROJECTED)


def _unanswered(e: Expectation) -> Expectation:
    """``e`` when the next meeting answers a window after it (a long silence): nothing answers
    ``e``, on any reading of a loosely dated origin either (each case closed before the one
    after the hull did, so before that meeting: README, Semantics, silences stay on the record)."""
    return replace(e, late_until=None, cases=tuple(replace(c, late_until=None) for c in e.cases))
