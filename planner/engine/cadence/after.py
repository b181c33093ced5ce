"""``after`` rules -> expectations: for each counting meeting of the other body (held, planned
or projected) in period P, one meeting is due in period P + offset (``DESIGN.md``, "Cadence
rules"). Origins in one period make one window, due after all of them; an origin dated too
loosely to fix the period gives one case per period it may fall in. The readings of such an
origin (:func:`split_readings`, :func:`narrow`, :func:`read_apart`, :func:`version_readings`)
serve rolling chains too, and so does :func:`binding_chain`: a rolling chain as `check` judges
it when a planned meeting answered a window late and its dates passed unconfirmed.

Part of :class:`~planner.engine.expectations.ExpectationEngine`, which calls it per rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.dates import Grain, Window
from planner.core.model import AfterRule, Body, EveryRule, Meeting, Rule, Status
from planner.engine.body_meetings import CHAINING
from planner.engine.expectation import (
    FINENESS,
    UNBOUNDED,
    Expectation,
    _after_applies,
    _hull,
    _tolerant,
    _within,
    origin_cases,
    reading_cases,
    starts_chain,
    version_on,
)
from planner.engine.rule_words import ordinal_words, origins_words

if TYPE_CHECKING:
    from planner.engine.expectations import ExpectationEngine

_GRAIN_DAY = Grain.DAY  # read once (in Python 3.11 a member read from its class costs ~0.3 us)


def after_expectations(engine: ExpectationEngine, body: Body, index: int, rule: AfterRule, end: date, pending: bool, open_from: date | None = None) -> list[Expectation]:
    other = engine.book.body(rule.body)
    label = other.label if other else rule.body
    starts = starts_chain(rule, other)
    origins = [m for m in engine.meetings_of(rule.body).meetings if m.status in CHAINING and starts(m)]
    grain, offset, tolerance = rule.offset.grain, rule.offset.periods, rule.tolerance
    versions: list[Rule] = [r for r in body.rules if isinstance(r, AfterRule) and r.id == rule.id]

    def due(first_day: date, last_day: date, offset: int = offset, grain: Grain = grain) -> tuple[int, Window]:
        if grain is _GRAIN_DAY:
            # counted from the day the other meeting opens, as a rolling chain and a gap
            # count; due from the day after it ends, or, where it runs to or past the day
            # due (a vacancy of the See, a conclave inside it), from the day after it opens:
            # no day after it is in time, so a meeting inside it answers it (the due day
            # alone counted one held on that day and no other)
            period = first_day.toordinal() + offset
            due_day = date.fromordinal(period)
            start = last_day + timedelta(days=1) if last_day < due_day else min(first_day + timedelta(days=1), due_day)
            return period, Window(start, due_day)
        period = grain.index(first_day) + offset
        return period, grain.window(period)

    # Origins in one period make one window, due after all of them (meaning 1); each origin
    # due under the version in force on the day it opened (README, "Versions of one after
    # rule"): a Summit of 2021-09-01 under "2 years after" (from 2021-07-01) is due its Board in
    # 2023, not grouped by "1 year after" (until 2021-06-30) with one of 2021-05-01 into 2022,
    # which lost it. A window belongs to the version of its first origin (the others skip it).
    slots: dict[tuple[Grain, int], tuple[Window, list[Meeting]]] = {}
    for origin in origins:
        v = next((r for r in versions if r.in_force(origin.earliest)), rule) if len(versions) > 1 else rule
        g = v.offset.grain  # type: ignore[attr-defined]
        period, window = due(origin.earliest, origin.latest, v.offset.periods, g)  # type: ignore[attr-defined]
        slots.setdefault((g, period), (window, []))[1].append(origin)
    out: list[Expectation] = []
    keys = sorted(slots, key=lambda k: (slots[k][0].start, slots[k][0].end))
    for n, key in enumerate(keys):
        window, group = slots[key]
        period = key[1]
        origin = group[0]
        nxt = slots[keys[n + 1]][0].start - timedelta(days=1) if n + 1 < len(keys) else UNBOUNDED
        cases = origin_cases(origin, grain) if len(group) == 1 and other else []
        seams = _seams(versions, origin, grain) if len(group) == 1 and other and len(versions) > 1 else []
        if seams:
            # read at the finest grain of the versions (`2y`, then `6m`: the second's readings by month)
            fine = min((grain, *(v.offset.grain for _, v in seams)), key=FINENESS.__getitem__)  # type: ignore[attr-defined]
            cases = split_readings((origin_cases(origin, fine) if fine is not grain else cases) or [(origin.earliest, str(origin.start))], [day for day, _ in seams], origin.latest)
        if open_from is not None and nxt < open_from:
            day = max(d for d, _ in cases) if len(cases) > 1 else None  # a hull's deadline: its last case's
            v = next((r for r in versions if r.in_force(day)), rule) if seams and day is not None else rule
            if _tolerant(window.end if day is None else due(day, day, v.offset.periods, v.offset.grain)[1].end, v.tolerance, v.offset.grain) < open_from:  # type: ignore[attr-defined]
                continue  # closed before open_from, its late days too
        if not _after_applies(body, rule, origin, window.start, versions):
            continue
        reason = f"{rule.offset.words()} after " + (origins_words(group, other) if other else label)
        e = Expectation(body, rule, index, grain, period, window, 1, None, _tolerant(window.end, tolerance, grain), nxt, reason, origin, False, tuple(group))
        if len(cases) > 1:
            alts, ends, of, ys = [], origin.latest if origin.end is not None else None, e.origins, e.year_start
            for day, words in cases:  # replace(e, period=..., assumption=words) without its look-ups: one per day
                v = next((r for r in versions if r.in_force(day)), rule) if seams else rule
                g = v.offset.grain  # type: ignore[attr-defined]
                p, w = due(day, day if ends is None else max(day, ends), v.offset.periods, g)  # type: ignore[attr-defined]
                alts.append(Expectation(body, rule, index, g, p, w, 1, None, _tolerant(w.end, v.tolerance, g) if v.tolerance else w.end, nxt, reason, origin, False, of, (), words, ys))  # type: ignore[attr-defined]
            e = _hull(alts)
            if seams:
                e.reason = reason + "".join(f"; {v.offset.words()} after it if it was held from {day.isoformat()} (the rule's version in force then)" for day, v in seams)  # type: ignore[attr-defined]
        elif rule.until is not None and window.end > rule.until:
            e = _to_the_rules_end(engine, e, rule.until, versions)  # type: ignore[assignment]
            if e is None:
                continue
        out.append(e)
    return _within(out, end, pending)


def _to_the_rules_end(engine: ExpectationEngine, e: Expectation, until: date, versions: list[Rule]) -> Expectation | None:
    """A window due after an origin under a rule that ends (``until``, no version of it in
    force the day after: the body dissolved, the rule repealed) before the window's period
    does: a rule that has ended requires nothing after its end (README, Semantics). As the
    period a floor ends in (cadence.periods.to_the_end): judged to the rule's end only
    where a counting meeting may have opened in it by then (met, or uncertain), and otherwise
    no window: nothing was due while the rule was in force, and a meeting after its end was
    held under no rule (it was `missed`, or `met` by a Board held after the rule ended;
    session 19)."""
    after = until + timedelta(days=1)
    if any(v is not e.rule and v.in_force(after) for v in versions):
        return e  # a later version takes over the next day: one rule, the whole period
    today = engine.binding_on  # (check only; projection also counts what is planned)
    last_day = min(today, until) if today is not None else until
    start = e.window.start
    statuses = (Status.HELD,) if today is not None else CHAINING
    if not any(m.status in statuses and e.counts(m) and m.start.earliest <= last_day and m.start.latest >= start for m in engine.meetings_of(e.body.id).overlapping(start, last_day)):
        return None
    return replace(e, window=Window(start, until), deadline=until, part=True)


def _seams(versions: list[Rule], origin: Meeting, grain: Grain) -> list[tuple[date, Rule]]:
    """Where another version of the rule (the same ``id``) takes over within the days a loosely
    dated origin may have opened on, each with that version: the version in force on the day
    it opened decides its offset (``_after_applies``), and the register does not give that
    day. A version of another grain is read in its own periods (`2y` until mid-2016, then
    `6m`: a Summit of `2016` is due its Board in 2018 or in a month of 2017)."""
    first, last = origin.start.earliest, origin.start.latest
    return sorted(
        ((v.since, v) for v in versions if v.since is not None and first < v.since <= last),  # type: ignore[attr-defined]
        key=lambda seam: seam[0],
    )


def split_readings(readings: list[tuple[date, str]], cuts: list[date], last: date) -> list[tuple[date, str]]:
    """``readings`` (first days and their words, up to ``last``) cut at each of ``cuts``: a
    reading that a cut splits becomes two, each worded by its days (``2016-01-01..2016-06-30``)."""
    out: list[tuple[date, str]] = []
    for n, (day, words) in enumerate(readings):
        end = readings[n + 1][0] - timedelta(days=1) if n + 1 < len(readings) else last
        inner = [c for c in cuts if day < c <= end]
        if not inner:
            out.append((day, words))
            continue
        for a, b in zip([day, *inner], [*(c - timedelta(days=1) for c in inner), end], strict=True):
            out.append((a, a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"))
    return out


def narrow(hull: Expectation) -> bool:
    """Whether the readings of a loosely dated origin due in ``hull`` span less than one
    interval of its rule: then each reading's n-th window after it is one window."""
    first, last = min(c.window.end for c in hull.cases), max(c.window.end for c in hull.cases)
    grain, step = hull.grain, hull.rule.interval.periods  # type: ignore[attr-defined]
    return (last - first).days < step if grain is _GRAIN_DAY else grain.index(last) - grain.index(first) < step


def read_apart(gap: Expectation, hull: Expectation, k: int) -> Expectation:
    """``gap``, the ``k``-th window after ``hull`` (the window due after a loosely dated origin)
    that a late meeting answers, on each reading of the origin: chained from the latest
    reading alone, its due day and delay were that reading's. Each reading's ``k``-th window
    (one version of the rule), so that the judge sees how late on every reading, and on which
    readings the window after this one closed too (``judging.cases``)."""
    grain, step = gap.grain, gap.rule.interval.periods  # type: ignore[attr-defined]
    tolerance = gap.rule.tolerance  # type: ignore[attr-defined]
    cases = []
    for c in hull.cases:
        if grain is _GRAIN_DAY:
            period = c.window.end.toordinal() + k * step
            end, before = date.fromordinal(period), date.fromordinal(period - step)
        else:
            period = grain.index(c.window.end) + k * step
            end, before = grain.window(period).end, grain.window(period - step).end
        window = Window(before + timedelta(days=1), end)
        cases.append(replace(gap, period=period, window=window, deadline=_tolerant(end, tolerance, grain), assumption=c.assumption))
    if len({c.window for c in cases}) < 2:
        return gap
    return _hull(cases)


def open_on_every_reading(gap: Expectation, hull: Expectation, k: int, end: date) -> Expectation:
    """``gap``, the ``k``-th window after ``hull`` on the latest reading of a loosely dated
    origin whose readings span more than one interval, still running on ``end``: on each
    reading, the first window after the origin still running then (the ``k``-th or a later
    one, the earlier ones closed unanswered), so that it is due by each reading's day."""
    grain, step = gap.grain, gap.rule.interval.periods  # type: ignore[attr-defined]
    tolerance = gap.rule.tolerance  # type: ignore[attr-defined]
    cases = []
    for c in hull.cases:
        base = c.window.end.toordinal() if grain is _GRAIN_DAY else grain.index(c.window.end)
        n = k
        while True:
            period = base + n * step
            due = date.fromordinal(period) if grain is _GRAIN_DAY else grain.window(period).end
            deadline = _tolerant(due, tolerance, grain)
            if deadline >= end:
                break
            n += 1
        before = date.fromordinal(period - step) if grain is _GRAIN_DAY else grain.window(period - step).end
        cases.append(replace(gap, period=period, window=Window(before + timedelta(days=1), due), deadline=deadline, assumption=c.assumption))
    if len({c.window for c in cases}) < 2:
        return gap
    return _hull(cases)


def version_readings(e: Expectation, versions: Sequence[tuple[int, EveryRule]], last: Meeting, first: date) -> list[Expectation]:
    """The windows due after ``last``, a meeting of the body dated too loosely to say under which
    version of the rule its next window opens (the version in force the day after it): each
    reading under its own version's interval, cut where a version takes over; empty when every
    day it may have been held gives one version."""
    earliest, latest = last.start.earliest, last.start.latest
    cutting = [r for _, r in versions if r.since is not None and earliest < r.since - timedelta(days=1) <= latest]
    if not cutting:
        return []
    # Each reading takes its own version's grain (`every 2y` until 2015-06-30, then `every
    # 18m`: a reading of the first is due in a year, of the second in a month), read at the
    # finest grain of them, so that no reading of the finer version stands for a range of days.
    grain = min((e.grain, version_on(list(versions), earliest + timedelta(days=1))[1].interval.grain, *(r.interval.grain for r in cutting)), key=FINENESS.__getitem__)
    cuts = sorted(r.since - timedelta(days=1) for r in cutting)  # type: ignore[operator]
    readings = split_readings(origin_cases(last, grain) or [(earliest, str(last.start))], cuts, latest)
    out: list[Expectation] = []
    for day, words in readings:
        _, rule = version_on(list(versions), day + timedelta(days=1))
        reason = e.reason if rule is e.rule else e.reason.replace(e.rule.interval.words(), rule.interval.words(), 1)  # type: ignore[attr-defined]
        out += reading_cases(replace(e, rule=rule, grain=rule.interval.grain, reason=reason), [(day, words)], first)
    return out


_PLANNED = (Status.PLANNED, Status.PROJECTED)


def binding_chain(
    engine: ExpectationEngine,
    groups: list[list[Meeting | None]],
    of_group: list[tuple[int, EveryRule]],
    founded: date | None,
    versions: list[tuple[int, EveryRule]],
    chain: list[Expectation],
    end: date,
) -> list[Expectation]:
    """``chain`` (walked from every origin, with the windows after its last) as `check` judges it
    when some origin is a plan that answered a window after its due period and whose dates
    passed unconfirmed; ``chain`` itself otherwise.

    DESIGN ("Settled meanings"): such a meeting "is no binding origin: windows that exist only
    because of it are `uncertain`. Projection still chains from it". Planned 2021-06-01 after a
    window due 2020 (`every 2y`, last held 2018), it answers 2020 late if it was held, and the
    chain goes on from 2021 (2023 due); if it was not held, 2020 was missed and the chain goes
    on from 2020 (2022 due, then 2024). Walked both ways: the windows of the reading without
    the plan are kept, those only it has are due only if the plan was not held
    (``Expectation.unless``: `uncertain` when short); the closed windows only the plan's reading
    has stay (their origin is the plan: `uncertain`); of the two readings' running windows the
    one due first is kept, naming the other's deadline. A plan inside the due period it answers
    changes nothing: the chain goes on from the same period either way.
    """
    from planner.engine.cadence.every import _unanswered, after_last, walk

    today = engine.binding_on
    assert today is not None
    late = [n for n in range(1, len(groups)) if _unconfirmed(groups[n], today) and _late(groups[n - 1][-1], groups[n], chain)]
    if not late:
        return chain
    dropped = {n for n in late}
    kept = [g for n, g in enumerate(groups) if n not in dropped]
    kept_versions = [v for n, v in enumerate(of_group) if n not in dropped]
    plans = tuple(m for n in late for m in groups[n] if m is not None)
    body = chain[0].body if chain else None
    if body is None:
        return chain
    binding = walk(engine, body, kept, kept_versions, founded, versions)
    binding += after_last(engine, binding, versions, end)
    held = {_key(e): e for e in chain}
    after = min(m.earliest for m in plans)
    out: list[Expectation] = []
    mine = {_key(e) for e in binding}
    for e in binding:
        if _key(e) in held or e.window.end < after:
            out.append(e)  # due on both readings (or before the plan): judged as it stands
            continue
        before = tuple(m for m in plans if m.earliest <= e.window.end) or plans[:1]  # (a later plan decides nothing here)
        out.append(replace(e, unless=before, reason=e.reason + "; " + _only_if_not_held(before, e, [x for x in chain if _key(x) not in mine], today)))
    # the windows only the plan's reading has: those closed stay (their origin is the plan, so
    # a shortfall is uncertain), answered by nothing later (a meeting that answered one late
    # answers the other reading's window: one meeting serves one window)
    # (one a meeting held in it would meet is left out: met only on the plan's reading, never on
    # a guess, and that meeting answers the other reading's window instead)
    held_days = [m for m in engine.meetings_of(body.id).meetings if m.status is Status.HELD]
    out += [_unanswered(e) for e in chain if _key(e) not in mine and e.deadline < today and not e.pending and not any(e.counts(m) and e.window.start <= m.earliest and m.latest <= e.deadline for m in held_days)]
    mine_running = [e for e in out if e.unless and (e.deadline >= today or e.pending)]
    its_running = [e for e in chain if _key(e) not in mine and (e.deadline >= today or e.pending)]
    if mine_running and its_running and its_running[0].deadline < mine_running[0].deadline:
        # had the plan been held, the window running now is due first (within a tolerance)
        names = " and ".join(f"{ordinal_words(m, body)}, not recorded as held," for m in plans)
        first = its_running[0]
        one = len(plans) == 1
        out = [e for e in out if e not in mine_running] + [replace(first, reason=f"{first.reason}; due so if {names} {'was' if one else 'were'} held; if {'it was' if one else 'they were'} not, due by {mine_running[0].deadline} instead", both_readings=True)]
    out.sort(key=lambda e: e.window.start)
    return out


def _unconfirmed(group: list[Meeting | None], today: date) -> bool:
    return all(m is not None and m.status in _PLANNED and m.latest < today for m in group)


def _late(previous: Meeting | None, group: list[Meeting | None], chain: list[Expectation]) -> bool:
    """Whether ``group`` opened after the due period of the last window due after
    ``previous``: late, or within the tolerance (`every 2y`, `tolerance = "6m"`, due 2020,
    planned 2021-06-01), the chain goes on from its period if it was held and from the due
    period if not, two chains; opened inside the due period, one (the same period either way)."""
    answered = [e for e in chain if e.origin is previous]
    first = min(m.earliest for m in group if m is not None)
    return bool(answered) and first > answered[-1].window.end


def _key(e: Expectation) -> tuple[int, object]:
    """A window's due period (versions of the rule are one chain: a window due 2023 under either
    is due on both readings)."""
    return (e.period, e.grain)


def _only_if_not_held(plans: tuple[Meeting, ...], e: Expectation, chain: list[Expectation], today: date) -> str:
    names = " and ".join(f"{ordinal_words(m, e.body)}, not recorded as held," for m in plans)
    running = [x for x in chain if x.deadline >= today or x.pending]
    one = len(plans) == 1
    instead = f"; had {'it' if one else 'they'} been held, due by {running[0].deadline} instead" if running and e.deadline >= today else ""
    return f"due so only if {names} {'was' if one else 'were'} not held{instead}"
