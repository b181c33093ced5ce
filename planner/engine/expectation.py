"""One requirement instance (:class:`Expectation`), origins dated too loosely and the versions
of a rule (``min_gap`` thinning: :mod:`planner.engine.min_gap`). :mod:`planner.engine.expectations` makes expectations from
rules; :mod:`planner.engine.body_meetings` holds the register as the engine reads it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from operator import attrgetter

from planner.core.dates import Duration, Grain, Window, window_between, year_start_month
from planner.core.model import (
    AfterRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    EveryRule,
    Kind,
    Meeting,
    Rule,
)
from planner.engine.body_meetings import counts

UNBOUNDED = date.max
# enum members read once (in Python 3.11 a member read from its class costs ~0.3 us)
_GRAIN_DAY, _MONTH = Grain.DAY, Grain.MONTH
MAX_CHAIN = 100_000  # windows of one chain: far beyond any real history, a guard against a runaway loop


@dataclass(slots=True, unsafe_hash=True)
class Expectation:
    """One requirement instance: ``body`` must hold ``minimum``..``maximum`` counting meetings
    in ``window`` because of ``rule``; ``reason`` says why in words.

    Treat it as immutable (:func:`dataclasses.replace` makes changed copies); not frozen only
    because a frozen dataclass's ``__init__`` costs three times as much, one per window."""

    body: Body
    rule: Rule
    rule_index: int
    grain: Grain
    period: int
    window: Window
    minimum: int
    maximum: int | None
    deadline: date
    late_until: date | None
    reason: str
    origin: Meeting | None = None
    pending: bool = False
    # Every meeting this window is due after (two origins in one period make one window).
    origins: tuple[Meeting, ...] = ()
    # When the origin is dated too loosely to fix the due period: one expectation per possible
    # period, each with ``assumption`` naming the origin dates it stands for (``2014-11``). The window of
    # this expectation then spans them all; the judge decides whether the answer depends on it.
    cases: tuple[Expectation, ...] = ()
    assumption: str = ""
    year_start: int = 1  # the month years (and their halves and quarters) begin in
    # The window is the part of its period from the day a ceiling (``at_most``) took effect:
    # labelled by its days, not as the whole period
    part: bool = False
    # Planned meetings whose dates passed unconfirmed that, had they been held, would make
    # this window of a rolling chain no window at all (due only if they were not held)
    unless: tuple[Meeting, ...] = ()
    # Its reason gives both readings of such plans already ("due so if ... was held; if it was
    # not, due by ... instead"): nothing more to say of them
    both_readings: bool = False

    @property
    def label(self) -> str:
        if self.cases:
            # a window standing for every reading of a loosely dated origin: named by all of
            # them, not by the first as if it were the fact (`2020-07..2021-06`)
            # (by their deadlines and ends: versions of a rule may read the origin's days the other way round)
            first, last = min(self.cases, key=_deadline).label, max(self.cases, key=_deadline).label
            return first if first == last else f"{first.partition('..')[0]}..{last.rpartition('..')[2]}"
        if self.grain is _GRAIN_DAY and self.window.start < self.window.end and isinstance(self.rule, BeforeRule):
            # a window of days before another body's meeting: named by its days, not by its
            # last one alone, which read as the day due ("2025-06-09: 0 of 1 required (1 month
            # before the Summit of 2025-06-10)" said nothing of 2025-05-10, the first day)
            return f"{self.window.start.isoformat()}..{self.window.end.isoformat()}"
        if self.part or self.year_start != 1 and self.grain.months > 1 and self.window.end < self.grain.window(self.period, self.year_start).end:
            return _part_label(self.window)
        return self.grain.label(self.period, self.year_start)

    @property
    def binding(self) -> bool:
        return self.rule.binding

    @property
    def key(self) -> tuple[str, int, str]:
        """Stable identity: the body, the rule version and the due period."""
        return (self.body.id, self.rule_index, self.label)

    def counts(self, meeting: Meeting) -> bool:
        return counts(self.rule, meeting)


_deadline = attrgetter("deadline", "window.end")
# The grains of an interval or offset, finest first: readings of a loosely dated origin under
# versions of a rule with different grains are made at the finest of them.
FINENESS = {Grain.DAY: 0, Grain.MONTH: 1, Grain.YEAR: 2}


def origin_kinds(rule: AfterRule | BeforeRule, other: Body | None) -> frozenset[Kind]:
    """The meetings of the other body that start an ``after`` chain: ``origin_counts`` when
    given, else the kinds the other body's own rules count (its regular meetings), not the
    dependent rule's ``counts`` (issue 9, meaning 5)."""
    if rule.origin_counts is not None:
        return frozenset(rule.origin_counts)
    if other is None:
        return frozenset(rule.counts)
    return frozenset(k for r in other.rules for k in r.counts)


def starts_chain(rule: AfterRule | BeforeRule, other: Body | None) -> Callable[[Meeting], bool]:
    """Whether a meeting of the other body starts an ``after``/``before`` chain: one of the
    other body's rules in force on its days counts it, its kind (:func:`origin_kinds`) and its
    format (a special Summit counted until 2010 starts no chain in 2014, when the Summit's
    rule counts regular meetings only; an online one none under a rule counting meetings in
    person); all of its rules where none is in force."""
    kinds = origin_kinds(rule, other)
    if rule.origin_counts is not None or other is None or (len({r.counts for r in other.rules}) < 2 and not any(r.formats for r in other.rules)):
        return lambda m: m.kind in kinds
    rules = other.rules

    def counted(m: Meeting) -> bool:
        # (and in a format one of them counts: an online Summit under a rule counting
        # meetings in person is no counting meeting of the Summit)
        now = [r for r in rules if r.in_force(m.earliest) or r.in_force(m.latest)] or rules
        return any(m.kind in r.counts and (not r.formats or m.format is None or m.format in r.formats) for r in now)

    return counted


def origin_cases(origin: Meeting, grain: Grain) -> list[tuple[date, str]]:
    """The first days a loosely dated origin may have that give different due periods, each
    with the words for it (``2014-11``); empty when every possible day gives the same one."""
    when = origin.start
    if when.exact:
        return []
    if grain is _GRAIN_DAY:  # each day, made and worded in C (365 for an origin known to its year)
        days = list(map(date.fromordinal, range(when.earliest.toordinal(), when.latest.toordinal() + 1)))
        return list(zip(days, map(date.isoformat, days), strict=True))
    first, last = grain.index(when.earliest), grain.index(when.latest)
    if first == last:
        return []
    return [(max(grain.window(p).start, when.earliest), grain.label(p)) for p in range(first, last + 1)]


def _part_label(window: Window) -> str:
    """The label of a window that is only part of its period: the first part (``within``) of a
    year that does not begin in January, or a ceiling's period from the day it took effect: its own months (``2016-03``, ``2022-04..2022-09``) or days. A financial
    year's name (``FY2016-17``) read as the whole year, which the window is not: the League of
    Arab States' March session of 2016 is no "FY2016-17", and an AGM due April to September
    2022 (Companies Act 2006 s.336) is for the year that ended in March."""
    start, end = window.start, window.end
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return f"{start.isoformat()}..{end.isoformat()}"
    first, last = f"{start.year:04d}-{start.month:02d}", f"{end.year:04d}-{end.month:02d}"
    return first if first == last else f"{first}..{last}"


def reading_cases(e: Expectation, readings: list[tuple[date, str]], first: date) -> list[Expectation]:
    """The windows of a rolling chain due after ``e``'s origin on each reading of its first
    day (:func:`origin_cases`), each as :func:`~planner.engine.cadence.every._rolling` makes ``e``
    (``first``: the day the next meeting may first open), without a call per reading: an
    origin known only to its year gives 365 of them."""
    rule, grain, late_until = e.rule, e.grain, e.late_until
    body, index, reason, origin, origins = e.body, e.rule_index, e.reason, e.origin, e.origins
    step, tolerance = rule.interval.periods, rule.tolerance  # type: ignore[attr-defined]
    day_grain = grain is _GRAIN_DAY
    out = []
    for day, assumption in readings:
        if day_grain:
            period = day.toordinal() + step
            end = date.fromordinal(period)
        else:
            period = grain.index(day) + step
            end = grain.window(period).end
        window = window_between(first if first < end else end, end)
        out.append(Expectation(body, rule, index, grain, period, window, 1, None, _tolerant(end, tolerance, grain) if tolerance else end, late_until, reason, origin, False, origins, (), assumption))
    return out


def _hull(cases: list[Expectation]) -> Expectation:
    """One expectation standing for all ``cases``: the first case's period, all their days."""
    first = cases[0]
    window = Window(min(c.window.start for c in cases), max(c.window.end for c in cases))
    return replace(first, window=window, deadline=max(c.deadline for c in cases), cases=tuple(cases), assumption="")


def rolling_versions(body: Body, index: int, rule: EveryRule) -> list[tuple[int, EveryRule]]:
    """The versions of a rolling rule (the same ``id``; without ids, the body's other rolling
    ``every`` rules, as the rule book's validation presumes), earliest first."""
    found = [(i, r) for i, r in enumerate(body.rules) if isinstance(r, EveryRule) and r.mode == "rolling" and r.id == rule.id]
    return sorted(found, key=lambda v: v[1].since or date.min) if len(found) > 1 else [(index, rule)]


def seam_before(body: Body, rule: EveryRule) -> date | None:
    """The last day of an earlier version of ``rule`` that is no rolling ``every`` (the same
    ``id``; an `at_least` before an `every`), when it ends the day before ``rule`` begins.

    Versions of one rule are one rule: "at least once a year" to 2004, then "every 2 years"
    from 2005, is due again in 2006, two years after the earlier version's last period (the
    meeting held in it, if any), not in 2007, two years after the later version's first day
    (README, Semantics)."""
    if rule.id is None or rule.since is None:
        return None
    for other in body.rules:
        if other is rule or other.id != rule.id or isinstance(other, EveryRule) and other.mode == "rolling":
            continue
        if other.until is not None and other.until + timedelta(days=1) == rule.since:
            return other.until
    return None


def version_on(versions: list[tuple[int, EveryRule]], day: date) -> tuple[int, EveryRule]:
    """The version in force on ``day``; else the last one that began by then (the first if
    none did): its ``since``/``until`` then say that nothing is due."""
    if len(versions) == 1:  # a rule of one version (most): each of the three answers is it
        return versions[0]
    return next((v for v in versions if v[1].in_force(day)), next((v for v in reversed(versions) if (v[1].since or date.min) <= day), versions[0]))


def within_the_rules_life(chain: list[Expectation], versions: list[tuple[int, EveryRule]]) -> list[Expectation]:
    """The windows of a rolling chain that the rule still required.

    A rule that has ended (its ``until``, with no version in force the day after) requires
    nothing after its end. A window opened under it whose due period runs past that end is
    judged only to the end day: met when the meeting that answers it opened by then, and
    otherwise no finding, since nothing was yet due while the rule was in force (README,
    Semantics)."""
    out = []
    for e in chain:
        until = e.rule.until
        # late_until is the latest day of the meeting that answers the window (UNBOUNDED or
        # None when nothing does).
        answered = until is not None and e.late_until is not None and e.late_until <= until
        if until is not None and e.window.end > until and not answered and not any(r.in_force(until + timedelta(days=1)) for _, r in versions):
            continue
        out.append(e)
    return out


def _applies(body: Body, rule: Rule, window_start: date) -> bool:
    if not rule.in_force(window_start):
        return False
    return not (body.established and window_start < body.established.earliest)


def after_earlier_versions(body: Body, rule: AtLeastRule | AtMostRule, year_start: str | None) -> date | None:
    """The day after the last window of the earlier versions of a per-period rule, or None.

    A window belongs to the version in force on its first day, and versions of one rule are
    one rule: once "at least once a year" (until 30 June 2019) has judged the year 2019, "at
    least once a half-year" (from 1 July 2019) begins with 2020 H1. Judging 2019 H2 too would
    judge those days twice and let one meeting count for both windows (README, Semantics)."""
    if rule.since is None:
        return None
    identity = rule.id or f"kind {rule.kind}"
    found: date | None = None
    for other in body.rules:
        if other is rule or not isinstance(other, AtLeastRule | AtMostRule) or (other.id or f"kind {other.kind}") != identity:
            continue
        if other.until is None or other.until >= rule.since:
            continue
        grain, ys = other.per.grain, year_start_month(other.year_start or year_start)
        last = grain.window(grain.index(other.until, ys), ys)
        began = effective_start(body, other)
        if began is not None and last.start < began and (not isinstance(other, AtMostRule) or began > last.end):
            continue  # that window was never the earlier version's (a ceiling's part of it is)
        day = last.end + timedelta(days=1)
        found = day if found is None else max(found, day)
    return found


def _after_applies(body: Body, rule: AfterRule, origin: Meeting, window_start: date, versions: list[Rule]) -> bool:
    """Versions of one ``after`` rule (the same ``id``: ``versions``) follow the other body's
    meeting under the version in force on the day it opened: a version change then neither
    leaves it with nothing due nor makes two meetings due for it. Otherwise the window's first
    day decides."""
    at_origin = next((r for r in versions if r.in_force(origin.earliest)), None) if len(versions) > 1 else None
    if at_origin is None:
        return _applies(body, rule, window_start)
    return at_origin is rule and not (body.established and window_start < body.established.earliest)


def due_once_ended(e: Expectation, origin: Meeting, first: date) -> Expectation:
    """A rolling window due while its origin is still in session (`every 1d` after a two-day
    meeting, `every 1m` after one from 30 January to 2 March), due instead in the period the
    next meeting may ``first`` open in: dropped, it ended the chain ("not applicable" over every
    day missed after it, nothing projected)."""
    grain = e.grain
    period = first.toordinal() if grain is _GRAIN_DAY else grain.index(first)
    end = first if grain is _GRAIN_DAY else grain.window(period).end
    reason = f"{e.reason} (in session until {origin.latest}: due once it ended)"
    return replace(e, period=period, window=Window(first, end), deadline=_tolerant(end, e.rule.tolerance, grain), reason=reason)  # type: ignore[attr-defined]


def _tolerant(end: date, tolerance: Duration | None, grain: Grain) -> date:
    """The last day a window ending on ``end`` may be met within ``tolerance``. A calendar
    period ends with a month, and so does a slack of whole months after it: a month's
    tolerance after April runs to 31 May, not to 30 May as 30 April + 1 month would."""
    if not tolerance:
        return end
    day = tolerance.add_to(end)
    return day if grain is _GRAIN_DAY or tolerance.grain is _GRAIN_DAY else _MONTH.window(_MONTH.index(day)).end


def _within(chain: list[Expectation], end: date, pending: bool) -> list[Expectation]:
    """The windows of a chain that start by ``end``, plus (with ``pending``) the next one."""
    out = [e for e in chain if e.window.start <= end]
    if pending:
        later = [e for e in chain if e.window.start > end]
        if later:
            out.append(replace(later[0], pending=True))
    return out




def effective_start(body: Body, rule: Rule) -> date | None:
    """The first day anything can be due under ``rule``: its ``since`` and the body's founding."""
    days = [d for d in (rule.since, body.established.earliest if body.established else None) if d]
    return max(days) if days else None


def _start_words(body: Body, rule: Rule) -> str:
    """What a chain with no meeting yet counts from: the rule's start or the body's founding."""
    start = effective_start(body, rule)
    seam = seam_before(body, rule) if isinstance(rule, EveryRule) and start == rule.since else None
    if seam is not None and rule.since is not None and rule.interval.grain.index(seam) != rule.interval.grain.index(rule.since):
        # (the earlier version ending in the period this one begins in: due the same either way)
        return f"the end of the rule's earlier version ({seam})"
    if rule.since is not None and start == rule.since:
        return f"the rule took effect ({start})"
    founded = body.established
    if founded is not None and not founded.exact and start == founded.earliest:
        return f"the {body.label} was established ({founded})"  # (`2020-06`: not a day the book gives)
    return f"the {body.label} was established ({start})"
