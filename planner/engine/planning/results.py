"""What a projection returns: the projected meetings beside the register, and the Problems
(windows nothing fits, planned meetings past and unconfirmed) said plainly."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING

from planner.core.bulk import paused_gc
from planner.core.calendar_dates import Weekday
from planner.core.dates import Window
from planner.core.model import (
    Body,
    Meeting,
    RuleBook,
    Status,
)
from planner.engine.expectations import (
    ordinal_words,
)

if TYPE_CHECKING:
    from planner.engine.planning.placement.working import WorkingCalendar


@dataclass(frozen=True)
class ProjectionProblem:
    """A window in which no date fits: said plainly, never a silent slip into the next period."""

    body: Body
    window: Window
    label: str
    message: str
    kind: str = "placement"  # "placement": nothing fits; "unconfirmed": a past planned meeting to confirm; "late": a planned (or postponed) meeting answers a window late
    meeting: Meeting | None = None  # the register's meeting concerned ("unconfirmed", "late")


@dataclass(frozen=True)
class NextDue:
    """Where nothing is due in the horizon: when a body is next due after it, found by the same
    projection over a horizon stretched by the longest interval or period of the rules
    (``meeting``: the first meeting projected past the horizon, ``label`` its due period;
    ``problem``: a window due before it where no day fits; ``None``, ``""`` and ``None``:
    nothing due up to ``until``)."""

    body: Body
    meeting: Meeting | None
    label: str
    until: date
    problem: ProjectionProblem | None = None


@dataclass(frozen=True)
class Projection:
    book: RuleBook
    today: date
    start: date
    end: date
    register: tuple[Meeting, ...]
    projected: tuple[Meeting, ...]
    problems: tuple[ProjectionProblem, ...] = ()
    bodies: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()
    moved: tuple[Meeting, ...] = ()  # postponed rows another meeting of their number stands for (numbering.awaited, placed)
    next_due: tuple[NextDue, ...] = ()  # where the schedule is empty: when each body is next due after it
    # (body, key) -> the day a projected meeting of a chair-hosted body aimed at: placed before
    # its host is known (on days good for every member), it is re-placed from there once the
    # chair of its day is (chairmanship.hosting.assign_hosts), on that chair's working days,
    # inside the days it was placed in (the window it answers, from tomorrow on)
    aims: dict[tuple[str, str], tuple[date, Window]] = field(default_factory=dict, compare=False)

    def meetings(self) -> list[Meeting]:
        """Register and projection together, sorted (once: the chair report and the schedule
        ask again, and a century of register is hundreds of thousands of keys to build),
        without the postponed rows another meeting of their number stands for (:attr:`moved`:
        projected, or a later row of the register): that meeting, moved, is one event in a
        feed."""
        found = self.__dict__.get("_meetings")
        if found is None:
            # a sort key per meeting (600,000 tuples at 2N) made with the collector on ran a
            # full collection over the whole heap three times at N and six at 2N
            with paused_gc():
                register: Sequence[Meeting] = self.register
                if self.moved:
                    gone = set(map(id, self.moved))
                    register = [m for m in register if id(m) not in gone]
                if self.__dict__.get("_in_order"):
                    found = _merged(register, self.projected)
                else:
                    found = sorted([*register, *self.projected], key=Meeting.sort_key)
            object.__setattr__(self, "_meetings", found)
        return list(found)

    def ordered_as(self, other: Projection, changed: Sequence[tuple[Meeting, Meeting]]) -> Projection:
        """This projection, which is ``other`` with each ``(old, new)`` of ``changed`` in place of
        ``old``, with :meth:`meetings` ordered from ``other``'s sorted list: the new ones go
        where a sort puts them, found by bisection (a chair re-hosts a few thousand meetings of
        hundreds of thousands: sorting all again built every sort key twice, and at 2,000
        bodies cost more than twice what it did at 1,000). Where a new meeting's key equals
        another's, :meth:`meetings` sorts everything as before."""
        gone = {id(old) for old, _ in changed}
        kept = [m for m in other.meetings() if id(m) not in gone]
        added = sorted((new for _, new in changed), key=Meeting.sort_key)
        out: list[Meeting] = []
        at, previous = 0, None
        for m in added:
            key = m.sort_key()
            to = bisect.bisect_right(kept, key, at, key=Meeting.sort_key)
            if key == previous or (to and kept[to - 1].sort_key() == key):
                return self  # a tie: the stable sort of everything decides
            out += kept[at:to]
            out.append(m)
            at, previous = to, key
        out += kept[at:]
        object.__setattr__(self, "_meetings", out)
        return self

    def schedule(self) -> list[Meeting]:
        """What the schedule shows: planned and projected meetings inside the horizon, and the
        register's meetings recorded as held that open after --today (a register written
        later): check calls them scheduled, so the schedule shows them beside the plans."""
        wanted = set(self.bodies) if self.bodies else None

        statuses, first, last, today, held = _SHOWN, self.start, self.end, self.today, Status.HELD

        def shown(meetings: Iterable[Meeting]) -> list[Meeting]:
            # (Meeting.earliest and .latest written out: this runs over the whole register)
            return [
                m
                for m in meetings
                if (m.status in statuses or m.status is held and m.start.earliest > today)
                and (m.end or m.start).latest >= first
                and m.start.earliest <= last
                and (wanted is None or m.body in wanted)
            ]

        # Chosen first, then ordered (the same order as sorting everything: the sort is stable
        # and the merge keeps the register's meetings first among equals). The projection is
        # sorted already: merged, its 300,000 sort keys are not all held at once.
        planned = sorted(shown(self.register), key=Meeting.sort_key)
        # (all of project()'s own projection is shown, but for --body: 300,000 not asked again)
        projected = list(self.projected) if wanted is None and self.__dict__.get("_inside") else shown(self.projected)
        if not self.__dict__.get("_in_order"):
            keys = map(Meeting.sort_key, projected)
            previous = next(keys, None)
            for key in keys:
                if key < previous:
                    projected.sort(key=Meeting.sort_key)  # a projection built elsewhere, in another order
                    break
                previous = key
        if len(planned) * 8 > len(projected):
            return list(heapq.merge(planned, projected, key=Meeting.sort_key))
        # A few planned meetings among many projected ones: each goes where heapq.merge would
        # put it (before the projected meetings its key equals), found by bisection, without a
        # sort key for every projected meeting.
        return _laid_among([], planned, projected)

    def in_order(self, *, inside: bool = False) -> Projection:
        """Mark ``projected`` as sorted by :meth:`Meeting.sort_key` (as :func:`project` builds
        it), so that :meth:`schedule` need not check; a copy made with ``replace`` (chair
        hosts change cities, and with them the order) is checked again. ``inside``: each of
        them is projected and opens inside the horizon, so the schedule shows them all."""
        self.__dict__["_in_order"] = True
        self.__dict__["_inside"] = inside
        return self


_SHOWN = frozenset({Status.PLANNED, Status.PROJECTED})
_FIRST_DAY = attrgetter("start.earliest")


def _merged(register: Sequence[Meeting], projected: Sequence[Meeting]) -> list[Meeting]:
    """``sorted([*register, *projected], key=Meeting.sort_key)`` for a ``projected`` in that
    order already: the register sorted, and the projection laid after the register's meetings
    that open before it (their keys are smaller) with the few others, planned ahead, each put
    before the projected meetings whose keys are not smaller (where the stable sort puts them),
    found by bisection: no sort key for 146,000 projected meetings at N."""
    out = sorted(register, key=Meeting.sort_key)
    if not projected:
        return out
    k = bisect.bisect_left(out, projected[0].start.earliest, key=_FIRST_DAY)
    ahead = out[k:]
    del out[k:]
    return _laid_among(out, ahead, projected)


def _laid_among(out: list[Meeting], few: Sequence[Meeting], projected: Sequence[Meeting]) -> list[Meeting]:
    """``out`` extended by ``projected`` (sorted by :meth:`Meeting.sort_key`) with each of the
    ``few`` (sorted too) put before the projected meetings whose keys are not smaller, where a
    stable sort or ``heapq.merge`` puts it: found by bisection, no sort key per projected meeting."""
    at = 0
    for m in few:
        to = bisect.bisect_left(projected, m.sort_key(), at, key=Meeting.sort_key)
        out += projected[at:to]
        out.append(m)
        at = to
    out += projected[at:]
    return out


def unconfirmed(book: RuleBook, register: Iterable[Meeting], today: date, bodies: Sequence[str] | None = None) -> list[ProjectionProblem]:
    """Planned meetings whose dates have passed with no confirmation that they were held.

    Projection still chains from them (they were probably held), but the register needs a word:
    confirm them (status held) or re-plan them."""
    out = []
    planned, held = Status.PLANNED, Status.HELD
    register = register if isinstance(register, tuple | list) else list(register)
    # (most rows are held: their status alone read, in a comprehension, a fifth of a loop's time)
    past = [m for m in register if m.status is planned and m.latest < today]
    # A later row of the same number, held or a plan still to come, stands for a plan whose
    # days passed (the meeting was re-planned: body_meetings.later_parts): the projection
    # chains from that row, not from this one, and the Problem says so.
    numbered = {(m.body, m.kind, m.ordinal) for m in past if m.ordinal is not None}
    later: dict[tuple[str, object, int | None], list[Meeting]] = {}
    if numbered:
        for m in register:
            if (m.body, m.kind, m.ordinal) in numbered and (m.status is held or m.status is planned and m.latest >= today):
                later.setdefault((m.body, m.kind, m.ordinal), []).append(m)
    for m in past:
        body = book.body(m.body)
        if body is None or (bodies and body.id not in bodies):
            continue
        where = f", {m.venue}" if m.venue else ""
        after = [o for o in later.get((m.body, m.kind, m.ordinal), ()) if o.earliest > m.latest]
        if after:
            stands = ordinal_words(after[0], body)
            todo = f"{stands} stands for it, and the projection chains from that one: mark this one postponed or cancelled"
        else:
            todo = "confirm or re-plan it (the projection chains from it as if held)"
        out.append(
            ProjectionProblem(
                body,
                Window(m.earliest, m.latest),
                str(m.start),
                f"{ordinal_words(m, body)[0].upper()}{ordinal_words(m, body)[1:]}{where} is past and not confirmed held: {todo}.",
                "unconfirmed",
                m,
            )
        )
    return out


def day_off(body: Body, calendar: WorkingCalendar, window: Window, due: Window, days: int, reason: str, where: str) -> str:
    """The Problem of a window with one possible first day (an ``on`` rule's) that is no
    working day: the rule fixes the day, so nothing moves; ``""`` for any other window. The
    rule's own window decides, not what --today leaves of it: a year due by 31 December, with
    only that Saturday left after today, is no day the rule fixes."""
    if window.days() != days or due.days() != days:
        return ""
    said = {"weekend": "a weekend day", "": "not a working day"}
    meeting_days = [window.start + timedelta(days=k) for k in range(days)]
    if days > calendar.week_run:
        # A meeting longer than a working week spans the weekends and days off inside it
        # (WorkingCalendar.block_fits): only its first and last days, and a blackout between,
        # keep it off its day; the session of 46 days due 2027-01-13 named the fourteen
        # weekend days and holidays of its middle, and not which day was in its way.
        meeting_days = [meeting_days[0], *(d for d in meeting_days[1:-1] if calendar.is_blackout(d)), meeting_days[-1]]
    last = window.start + timedelta(days=days - 1) if days > calendar.week_run else None
    off = [f"its last day, {d}, is {said.get(calendar.why_not(d), calendar.why_not(d))}" if d == last else f"{d} is {said.get(calendar.why_not(d), calendar.why_not(d))}" for d in meeting_days if not calendar.is_working(d)]
    if not off:
        return ""
    if calendar.is_working(window.start):
        # (the first day is the rule's and a working day: what is in the way is the length)
        return (
            f"{body.name}: due on {reason}, but {', '.join(off)}{where}; a meeting of {days} days opens and closes on working days,"
            f" so nothing was projected for {window.start} (name that day in the body's `weekdays` if it sits then, or record the days decided)."
        )
    return f"{body.name}: due on {reason}, but {', '.join(off)}{where}; the rule fixes the day, so nothing was projected for {window.start} (decide the day by law or decision, then record it)."


_WEEKDAYS = tuple(Weekday)  # by Python's weekday number: their day_name words them


def too_few(body: Body, calendar: WorkingCalendar, window: Window, days: int, missing: int, reason: str, where: str, label: str) -> str:
    """The Problem of a window that has fewer possible first days than meetings missing (two a
    week, Thursdays only: one day a week), before any other body is asked: the days there are,
    not "beside the other bodies' meetings"; ``""`` when there are enough (it stops there)."""
    if days > calendar.week_run:
        return ""  # (a meeting longer than a working week: its first days are no runs; no_run says where none fits)
    allowed = frozenset(w.number for w in body.weekdays)
    starts: list[date] = []
    run, day, last, one = 0, window.start, window.end, timedelta(days=1)
    while day <= last:
        run = run + 1 if calendar.is_working(day) else 0
        first = day - timedelta(days=days - 1)
        # (a body's meetings never share a day: each needs its own run)
        if run >= days and (not allowed or first.weekday() in allowed) and (not starts or first > starts[-1] + timedelta(days=days - 1)):
            starts.append(first)
            if len(starts) >= missing:
                return ""
        day += one
    length = meeting_length(days, calendar)
    on = " or ".join(_WEEKDAYS[d].day_name for d in sorted(allowed))
    meeting_days = f": its meeting day{'s are' if len(allowed) > 1 else ' is'} {on}" if allowed else ""
    listed = ", ".join(map(str, starts))
    if not starts:
        found = "no day there can open one"
    elif days > 1:
        # (the runs taken side by side, earliest first: the most that fit. Other days may open
        # one too, overlapping these: "only 4 days can open one" would deny them)
        found = f"at most {len(starts)} fit{'s' if len(starts) == 1 else ''} there (opening {listed})"
    else:
        found = f"only {len(starts)} day{'s' if len(starts) > 1 else ''} there can open one ({listed})"
    return f"{body.name}: {missing} meetings of {length}{where} do not fit in {window} ({reason}): {found}{meeting_days}; nothing was projected for {label}."


def _runs(calendar: WorkingCalendar, window: Window, days: int, allowed: frozenset[int]) -> tuple[bool, int, list[date]]:
    """Whether a run of ``days`` working days (starting on an ``allowed`` weekday) lies in
    ``window``, else the longest run and the days off there."""
    run = longest = 0
    off: list[date] = []
    day, last, one = window.start, window.end, timedelta(days=1)
    if days > calendar.week_run:
        # (a meeting longer than a working week spans the weekends inside it: any first day
        # whose span opens and closes on working days, clear of blackouts)
        while day <= last - timedelta(days=days - 1):
            if calendar.block_fits(day, days) and (not allowed or day.weekday() in allowed):
                return True, days, []
            day += one
        return False, 0, []
    while day <= last:
        if calendar.is_working(day):
            run += 1
            longest = max(longest, run)
            if run >= days and (not allowed or (day - timedelta(days=days - 1)).weekday() in allowed):
                return True, longest, []
        else:
            run = 0
            off.append(day)
        day += one
    return False, longest, off


def meeting_length(days: int, calendar: WorkingCalendar) -> str:
    """A meeting's length in words: on consecutive working days, or over the weekends inside
    it where longer than the host's working week."""
    if days > calendar.week_run:
        return f"{days} days"
    return f"{days} consecutive working days" if days > 1 else "one working day"


def no_run(body: Body, calendar: WorkingCalendar, window: Window, days: int, reason: str, where: str, label: str) -> str:
    """The Problem of a window in which no run of ``days`` consecutive working days exists at
    all (or none starts on one of the body's meeting weekdays): the length and the days that
    block it, not "beside the other bodies' meetings", which would send the reader looking for
    a clash there is not; ``""`` when such a run exists (it stops at the first)."""
    allowed = frozenset(w.number for w in body.weekdays)
    key = (window.start, window.end, days, allowed)
    found = calendar.runs_found.get(key)  # (the bodies of one calendar ask it of the same windows)
    if found is None:
        found = calendar.runs_found[key] = _runs(calendar, window, days, allowed)
    fits, longest, off = found
    if fits:
        return ""
    weekend = sorted(calendar.weekend)
    said = [f"{' and '.join(_WEEKDAYS[d].day_name for d in weekend)} {'are weekend days' if len(weekend) > 1 else 'is the weekend'}{where}"] if weekend else []
    other = [d for d in off if d.weekday() not in calendar.weekend]
    if other:
        named = [f"{d} {calendar.why_not(d) or 'not a working day'}" for d in other[:4]]
        said.append("off as well: " + ", ".join(named) + (f" and {len(other) - 4} more" if len(other) > 4 else ""))
    blocked = f" ({'; '.join(said)})" if said else ""
    length = meeting_length(days, calendar)
    if days > calendar.week_run:
        why = f"no {days} days there open and close on working days{where} without a blackout between"
    elif longest >= days:
        starts = " or ".join(_WEEKDAYS[d].day_name for d in sorted(allowed))
        its = f"its meeting day{'s' if len(allowed) > 1 else ''}"
        why = f"no run of {days} working days there starts on a {starts}, {its}{blocked}" if days > 1 else f"no working day there is a {starts}, {its}{blocked}"
    elif longest:
        why = f"the longest run of working days there is {longest} day{'s' if longest > 1 else ''}{blocked}"
    else:
        why = f"it has no working day{blocked}"
    return f"{body.name}: a meeting of {length}{where} fits nowhere in {window} ({reason}): {why}; nothing was projected for {label}."
