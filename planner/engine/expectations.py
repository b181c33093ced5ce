"""Rules x register x horizon -> expectations: the one place cadence rules get their meaning.

An :class:`Expectation` is one requirement instance: a body must hold between ``minimum`` and
``maximum`` counting meetings inside a window, for a reason that can be said in words. Compliance
judges expectations against the register; projection fills the unmet ones. Both therefore agree
by construction.

Semantics (``DESIGN.md``, "Cadence rules"):

* ``every`` rolling: after each counting meeting in period P, the next is due by the end of
  period P + interval (2014 then 2019 is one year late). ``every`` grid: one due in each period
  anchor + k * interval.
* ``after``: for each counting meeting of the other body (held, planned or projected) in period
  P, one is due in period P + offset.
* ``at_least`` / ``at_most``: each calendar period (year, half, quarter, month) holds at least /
  at most ``count`` counting meetings.
* ``ad_hoc``: nothing is ever due.

A window belongs to the rule version in force on its first day, and nothing is due in a window
that starts before the body was established.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from planner.core.bulk import paused_gc
from planner.core.dates import Duration, Grain, Window
from planner.core.model import (
    AdHocRule,
    AfterRule,
    AtLeastRule,
    AtMostRule,
    Body,
    EveryRule,
    Meeting,
    Rule,
    RuleBook,
    Status,
)

NOT_COUNTING = frozenset({Status.CANCELLED, Status.POSTPONED})
# Statuses from which a chain (every rolling, after) continues: a planned Summit already fixes
# when its Ministerial Council is due.
CHAINING = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})
UNBOUNDED = date.max


@dataclass(frozen=True, slots=True)
class Expectation:
    """One requirement instance: ``body`` must hold ``minimum``..``maximum`` counting meetings
    in ``window`` because of ``rule``; ``reason`` says why in words."""

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

    @property
    def label(self) -> str:
        return self.grain.label(self.period)

    @property
    def binding(self) -> bool:
        return self.rule.binding

    @property
    def key(self) -> tuple[str, int, str]:
        """Stable identity: the body, the rule version and the due period."""
        return (self.body.id, self.rule_index, self.label)

    def counts(self, meeting: Meeting) -> bool:
        return counts(self.rule, meeting)


def counts(rule: Rule, meeting: Meeting) -> bool:
    """Whether ``meeting`` can count toward ``rule``: a kind the rule counts, not called off."""
    return meeting.kind in rule.counts and meeting.status not in NOT_COUNTING


@dataclass
class BodyMeetings:
    """A body's meetings sorted by first possible day, for range look-ups by bisection."""

    meetings: list[Meeting]
    starts: list[date] = field(init=False)
    max_span: timedelta = field(init=False)

    def __post_init__(self) -> None:
        self.meetings.sort(key=Meeting.sort_key)
        self.starts = [m.earliest for m in self.meetings]
        self.max_span = max((m.latest - m.earliest for m in self.meetings), default=timedelta(0))

    def add(self, meeting: Meeting) -> None:
        """Insert one meeting in order (projection adds them one by one)."""
        at = bisect.bisect_right(self.meetings, meeting.sort_key(), key=Meeting.sort_key)
        self.meetings.insert(at, meeting)
        self.starts.insert(at, meeting.earliest)
        self.max_span = max(self.max_span, meeting.latest - meeting.earliest)

    def overlapping(self, start: date, end: date) -> list[Meeting]:
        """Meetings whose possible days touch ``[start, end]``."""
        low_key = start - self.max_span if start > date.min + self.max_span else date.min
        lo = bisect.bisect_left(self.starts, low_key)
        hi = bisect.bisect_right(self.starts, end)
        return [m for m in self.meetings[lo:hi] if m.latest >= start]


def index_meetings(meetings: Iterable[Meeting]) -> dict[str, BodyMeetings]:
    grouped: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        grouped.setdefault(meeting.body, []).append(meeting)
    return {body: BodyMeetings(items) for body, items in grouped.items()}


def ordinal_words(meeting: Meeting, body: Body) -> str:
    """``the 6th Summit (2022-10-12)``; ``the Summit of 2022-10-12`` without an ordinal."""
    status = "" if meeting.status is Status.HELD else f", {meeting.status.value}"
    # A projected date may still move (a chair plan re-places it on the host's working days);
    # its year is what the chain depends on.
    when = str(meeting.start.earliest.year) if meeting.status is Status.PROJECTED else str(meeting.start)
    if meeting.ordinal:
        return f"the {ordinal(meeting.ordinal)} {body.label} ({when}{status})"
    return f"the {body.label} of {when}{status}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def thin(meetings: list[Meeting], expectation: Expectation) -> tuple[list[Meeting], list[Meeting]]:
    """Meetings closer than ``min_gap`` to a counted one count once.

    Firmly dated meetings are counted first, each at least the gap after the previous one. A
    loosely dated meeting then counts only if its whole range keeps the gap from every counted
    one; otherwise it is doubtful (it may or may not be far enough), which can make a window
    uncertain but never spoils what the firm dates prove."""
    rule = expectation.rule
    if not isinstance(rule, AtLeastRule) or rule.min_gap is None:
        return meetings, []
    gap = rule.min_gap
    kept: list[Meeting] = []
    for meeting in meetings:
        if meeting.start.exact and (not kept or meeting.earliest >= gap.add_to(kept[-1].earliest)):
            kept.append(meeting)
    doubtful: list[Meeting] = []
    for meeting in meetings:
        if meeting.start.exact:
            continue
        clear = all(meeting.start.earliest >= gap.add_to(k.start.latest) or k.start.earliest >= gap.add_to(meeting.start.latest) for k in kept)
        (kept if clear else doubtful).append(meeting)
    kept.sort(key=Meeting.sort_key)
    return kept, doubtful


def count_words(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def rule_words(rule: Rule, book: RuleBook | None = None) -> str:
    """The rule in plain words: ``every 4 years``, ``2 years after each Summit``."""
    if isinstance(rule, EveryRule):
        text = f"every {rule.interval.words()}" if rule.interval.amount != 1 else f"once a {rule.interval.words().split()[1]}"
        if rule.mode == "grid":
            text += f" (fixed grid{' from ' + str(rule.anchor) if rule.anchor else ''})"
    elif isinstance(rule, AfterRule):
        other = book.body(rule.body) if book else None
        text = f"{rule.offset.words()} after each {other.label if other else rule.body}"
    elif isinstance(rule, AtLeastRule):
        text = f"at least {count_words(rule.count)} a {rule.per.value}"
        if rule.min_gap:
            text += f", {rule.min_gap.words()} apart"
    elif isinstance(rule, AtMostRule):
        text = f"at most {count_words(rule.count)} a {rule.per.value}"
    else:
        text = "ad hoc"
    if not rule.binding and not isinstance(rule, AdHocRule):
        text = f"in practice {text.removeprefix('at least ')} (customary)"
    return text


def _within(chain: list[Expectation], end: date, pending: bool) -> list[Expectation]:
    """The windows of a chain that start by ``end``, plus (with ``pending``) the next one."""
    out = [e for e in chain if e.window.start <= end]
    if pending:
        later = [e for e in chain if e.window.start > end]
        if later:
            out.append(replace(later[0], pending=True))
    return out


def _tolerant(end: date, tolerance: Duration | None) -> date:
    return tolerance.add_to(end) if tolerance else end


def effective_start(body: Body, rule: Rule) -> date | None:
    """The first day anything can be due under ``rule``: its ``since`` and the body's founding."""
    days = [d for d in (rule.since, body.established.earliest if body.established else None) if d]
    return max(days) if days else None


def _start_words(body: Body, rule: Rule) -> str:
    """What a chain with no meeting yet counts from: the rule's start or the body's founding."""
    start = effective_start(body, rule)
    if rule.since is not None and start == rule.since:
        return f"the rule took effect ({start})"
    return f"the {body.label} was established ({start})"


def _applies(body: Body, rule: Rule, window_start: date) -> bool:
    if not rule.in_force(window_start):
        return False
    return not (body.established and window_start < body.established.earliest)


class ExpectationEngine:
    """Turns a rule book and a register into expectations over a horizon.

    ``start``/``end`` bound the windows (a window is produced when it starts on or before
    ``end`` and ends on or after ``start``). With ``pending``, each chain (``every`` and
    ``after``) also yields its next window beyond ``end``: what is due next.
    """

    def __init__(self, book: RuleBook, meetings: Iterable[Meeting]) -> None:
        self.book = book
        self.by_body = index_meetings(meetings)

    def meetings_of(self, body_id: str) -> BodyMeetings:
        return self.by_body.get(body_id) or BodyMeetings([])

    def all(self, start: date | None, end: date, *, pending: bool = True, bodies: Sequence[str] | None = None) -> list[Expectation]:
        out: list[Expectation] = []
        with paused_gc():
            for body in self.book.bodies:
                if bodies is None or body.id in bodies:
                    out.extend(self.for_body(body, start, end, pending=pending))
        return out

    def for_body(self, body: Body, start: date | None, end: date, *, pending: bool = True) -> list[Expectation]:
        out: list[Expectation] = []
        for index, rule in enumerate(body.rules):
            out.extend(self.for_rule(body, index, rule, start, end, pending=pending))
        out.sort(key=lambda e: (e.window.start, e.rule_index))
        return out

    def for_rule(self, body: Body, index: int, rule: Rule, start: date | None, end: date, *, pending: bool = True, chain_from: date | None = None) -> list[Expectation]:
        """The expectations of one rule.

        ``chain_from`` is for projection, which places a rolling chain meeting by meeting: the
        chain starts from the last counting meeting before that day instead of the body's whole
        history, and stops at its first unanswered window (the one to fill next) instead of
        listing every interval after it."""
        if isinstance(rule, EveryRule):
            found = self._every(body, index, rule, end, pending, chain_from)
        elif isinstance(rule, AfterRule):
            found = self._after(body, index, rule, end, pending)
        elif isinstance(rule, AtLeastRule | AtMostRule):
            found = self._per_period(body, index, rule, start, end)
        else:
            found = []
        return [e for e in found if start is None or e.window.end >= start or e.pending]

    # -- every ------------------------------------------------------------------------------

    def _every(self, body: Body, index: int, rule: EveryRule, end: date, pending: bool, chain_from: date | None = None) -> list[Expectation]:
        bm = self.meetings_of(body.id)
        if rule.mode == "grid":
            return self._grid(body, index, rule, [m for m in bm.meetings if counts(rule, m)], end, pending)
        grain, step = rule.interval.grain, rule.interval.periods
        first = 0
        if chain_from is not None:
            # Start from the last origin before chain_from: found by bisection, not a scan, so
            # that a projection placing meeting after meeting stays linear.
            j = bisect.bisect_left(bm.starts, chain_from) - 1
            while j >= 0 and not (counts(rule, bm.meetings[j]) and bm.meetings[j].status in CHAINING):
                j -= 1
            first = max(j, 0)
        origins: list[Meeting | None] = [m for m in bm.meetings[first:] if counts(rule, m) and m.status in CHAINING]
        founded = effective_start(body, rule)
        if founded and (first == 0 or not origins or founded >= origins[0].earliest):  # type: ignore[union-attr]
            # The founding (or the rule's start) starts the chain too: a body that never met
            # is due one interval after it. Placed before meetings of the same day, so that
            # a real meeting's window wins where both fall due in the same period.
            at = next((i for i, o in enumerate(origins) if o is not None and o.earliest >= founded), len(origins))
            origins.insert(at, None)
        found: dict[int, Expectation] = {}
        for origin in origins:
            if origin is None:
                assert founded is not None
                first, anchor_day = founded, founded
                reason = f"{rule.interval.words()} after {_start_words(body, rule)}"
            else:
                first, anchor_day = origin.latest + timedelta(days=1), origin.earliest
                reason = f"{rule.interval.words()} after {ordinal_words(origin, body)}"
            if grain is Grain.DAY:
                period = anchor_day.toordinal() + step
                window = Window(first, date.fromordinal(period))
            else:
                period = grain.index(anchor_day) + step
                window = Window(first, grain.window(period).end)
            if window.end < window.start or not _applies(body, rule, window.start):
                continue
            # Two origins due in the same period: the later one is the real requirement (the
            # earlier is met by the later origin itself).
            found[period] = Expectation(
                body, rule, index, grain, period, window, 1, None, _tolerant(window.end, rule.tolerance), UNBOUNDED, reason, origin
            )
        chain = sorted(found.values(), key=lambda e: e.window.start)
        if chain_from is None:
            chain += self._after_last(chain, rule, end)
        return _within(chain, end, pending)

    @staticmethod
    def _after_last(chain: list[Expectation], rule: EveryRule, end: date) -> list[Expectation]:
        """Windows after the last one of a rolling chain, which nothing answered: the body stays
        due every interval (a body silent for 12 years under "every 4 years" missed three)."""
        if not chain:
            return []
        out: list[Expectation] = []
        last = chain[-1]
        while last.deadline < end and len(out) < 100_000:
            period = last.period + rule.interval.periods
            window_end = date.fromordinal(period) if last.grain is Grain.DAY else last.grain.window(period).end
            window = Window(last.window.end + timedelta(days=1), window_end)
            if not _applies(last.body, rule, window.start):
                break  # the rule version ended: a later version takes over
            reason = f"{rule.interval.words()} after the window due {last.label}, nothing held since " + (
                ordinal_words(last.origin, last.body) if last.origin is not None else _start_words(last.body, rule)
            )
            last = Expectation(last.body, rule, last.rule_index, last.grain, period, window, 1, None, _tolerant(window.end, rule.tolerance), UNBOUNDED, reason, last.origin)
            out.append(last)
        return out

    def _grid(self, body: Body, index: int, rule: EveryRule, counting: list[Meeting], end: date, pending: bool) -> list[Expectation]:
        grain, step = rule.interval.grain, rule.interval.periods
        anchor_day = rule.anchor.earliest if rule.anchor else (counting[0].earliest if counting else effective_start(body, rule))
        if anchor_day is None:
            return []
        first_period = grain.index(anchor_day)
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
        out = []
        for n, (period, window) in enumerate(windows):
            nxt = windows[n + 1][1].start - timedelta(days=1) if n + 1 < len(windows) else UNBOUNDED
            reason = f"every {rule.interval.words()} on the grid from {grain.label(first_period)}"
            out.append(Expectation(body, rule, index, grain, period, window, 1, None, _tolerant(window.end, rule.tolerance), nxt, reason, None, window.start > end))
        return out

    # -- after ------------------------------------------------------------------------------

    def _after(self, body: Body, index: int, rule: AfterRule, end: date, pending: bool) -> list[Expectation]:
        other = self.book.body(rule.body)
        label = other.label if other else rule.body
        origins = [m for m in self.meetings_of(rule.body).meetings if counts(rule, m) and m.status in CHAINING]
        grain = rule.offset.grain
        slots: dict[int, tuple[Window, Meeting]] = {}
        for origin in origins:
            if grain is Grain.DAY:
                period = origin.latest.toordinal() + rule.offset.periods
                window = Window(origin.latest + timedelta(days=1), date.fromordinal(period))
            else:
                period = grain.index(origin.earliest) + rule.offset.periods
                window = grain.window(period)
            slots.setdefault(period, (window, origin))
        out: list[Expectation] = []
        periods = sorted(slots)
        for n, period in enumerate(periods):
            window, origin = slots[period]
            if not _applies(body, rule, window.start):
                continue
            nxt = slots[periods[n + 1]][0].start - timedelta(days=1) if n + 1 < len(periods) else UNBOUNDED
            reason = f"{rule.offset.words()} after {ordinal_words(origin, other) if other else label}"
            out.append(Expectation(body, rule, index, grain, period, window, 1, None, _tolerant(window.end, rule.tolerance), nxt, reason, origin))
        return _within(out, end, pending)

    # -- at_least / at_most -----------------------------------------------------------------

    def _per_period(self, body: Body, index: int, rule: AtLeastRule | AtMostRule, start: date | None, end: date) -> list[Expectation]:
        grain = rule.per.grain
        first = effective_start(body, rule)
        if first is not None:
            period = grain.index(first)
            if grain.window(period).start < first:
                period += 1  # a window belongs to the rule in force on its first day
        else:
            # No founding date and no since: judged from the period of the first meeting.
            body_meetings = self.meetings_of(body.id).meetings
            if not body_meetings:
                return []
            period = grain.index(body_meetings[0].earliest)
        if start:
            period = max(period, grain.index(start))
        last = grain.index(min(end, rule.until) if rule.until else end)
        out = []
        per_words = {"year": "a year", "half": "a half-year", "quarter": "a quarter", "month": "a month"}[grain.value]
        for p in range(period, last + 1):
            window = grain.window(p)
            if not _applies(body, rule, window.start):
                continue
            if isinstance(rule, AtLeastRule):
                reason = f"at least {count_words(rule.count)} {per_words}"
                out.append(Expectation(body, rule, index, grain, p, window, rule.count, None, window.end, None, reason))
            else:
                reason = f"at most {count_words(rule.count)} {per_words}"
                out.append(Expectation(body, rule, index, grain, p, window, 0, rule.count, window.end, None, reason))
        return out


def expectations(book: RuleBook, meetings: Iterable[Meeting], start: date | None, end: date, *, pending: bool = True) -> list[Expectation]:
    """All expectations of ``book`` over ``[start, end]`` given the register ``meetings``."""
    return ExpectationEngine(book, meetings).all(start, end, pending=pending)


__all__ = ["Expectation", "ExpectationEngine", "expectations", "counts", "rule_words", "ordinal", "thin"]
