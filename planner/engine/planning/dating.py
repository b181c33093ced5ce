"""Dating a projected meeting: the days a window allows, the body's habits (preferred months,
nominal dates of a rolling chain, back-to-back pairs), the host's working days and the crowd of
other meetings. Mixed into :class:`planner.engine.planning.projection.Projector`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.core.dates import Duration, Grain, PartialDate, Window, year_start_month
from planner.core.model import (
    AtLeastRule,
    AtMostRule,
    Body,
    EveryRule,
    Kind,
    Meeting,
    Status,
)
from planner.engine.expectations import (
    BodyMeetings,
    Expectation,
)
from planner.engine.gaps import GapExpectation
from planner.engine.planning.crowd import host_key
from planner.engine.planning.numbering import Numbering
from planner.engine.planning.placement import (
    LAST_DAY,
    Habits,
    Skip,
    WorkingCalendar,
    even_spread,
    host_place,
)
from planner.engine.planning.results import ProjectionProblem, day_off
from planner.engine.planning.taken import Taken, capped

SATISFYING = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})
_REGULAR, _PROJECTED = Kind.REGULAR, Status.PROJECTED
_MONTH = timedelta(days=31)
_BESIDE = "beside the other bodies' meetings"
_BEYOND = "by 2999-12-31, the last day planner reads and writes"  # a window that runs into the year 3000


@dataclass
class BodyState:
    body: Body
    habits: Habits
    next_ordinal: int | None
    # where the body meets (city, country, working calendar, host key, weekdays), found once
    where: tuple[str, str, WorkingCalendar, str, frozenset[int]]
    partnered: bool  # another body meets just before this one
    added: list[Meeting] = field(default_factory=list)
    numbers: Numbering | None = None  # where the register numbers meetings ahead: by day
    # The body's own firmly dated days from the start of placement on, one table per min_gap
    # of its rules, kept as meetings are placed (made once, not once per placement: see taken)
    takens: dict[Duration | None, Taken] = field(default_factory=dict)
    accepts: dict[Duration | None, tuple[Taken, Callable[[date], bool], list[date], list[bool]]] = field(default_factory=dict)
    skip: Skip | None = None  # the days other bodies leave it no room on (made on first need)
    length: timedelta = field(init=False)  # a meeting's first day to its last
    reach: timedelta = field(init=False)  # how far a meeting of its own near a window may matter
    alone: bool = field(init=False)  # meets neither just before another body nor just after one

    def __post_init__(self) -> None:
        self.alone = not self.body.before and not self.partnered
        days = self.body.duration_days
        self.length = timedelta(days=days - 1)
        self.reach = timedelta(days=days + 31)


class Dating:
    """The placement half of the projector: which day each missing meeting takes."""

    # (made by the projector: shared reasons and keys, one PartialDate per day, where each
    # body meets)
    _texts: dict[str, str]
    _days: dict[date, PartialDate]
    _wheres: dict[str, tuple[str, str, WorkingCalendar, str, frozenset[int]]]

    def _place(self, state: BodyState, e: Expectation, window: Window, have: list[Meeting], missing: int) -> list[Meeting]:
        body = state.body
        city, country, calendar, host, _ = state.where
        days = body.duration_days
        rule = e.rule
        gap = rule.min_gap if isinstance(rule, AtLeastRule) else None
        taken, accept, current, pair_first = self._accepting(state, gap)
        partnered = pair_first[0]
        skip = self._skip(state)
        daybook = self.daybook
        body_id = body.id
        length = state.length
        targets = self._targets(state, e, window, have, missing)
        alone = len(targets) == 1 and not body.before and not partnered
        if alone:
            # One target with no pair to keep (most windows): the day found needs no place
            # among this window's other blocks, there are none; a window where it fails goes
            # on as every other does (its target, packed, then the fewest members on holiday).
            meeting = self._place_alone(state, e, window, targets[0], len(have) + 1)
            if meeting is not None:
                return [meeting]

        # This body's own days near the window: a partner already preceded by one is taken.
        bm = self.engine.meetings_of(body_id)
        own = [m.earliest for m in bm.overlapping(window.start, window.end + timedelta(days=11)) if m.exact and m.status in SATISFYING] if body.before else []
        notes: dict[date, tuple[str, ...]] = {}

        def choose(targets: list[date], pair: bool = True, fewest: bool = False) -> list[date] | None:
            chosen = current
            chosen.clear()
            for target in targets:
                start_day = self._back_to_back(body, calendar, window, target, accept, own + chosen) if pair and body.before else None
                if start_day is None:
                    start_day = calendar.place(target, days, window, accept=accept, skip=skip, own=taken)
                if start_day is None and fewest:
                    found = calendar.place_fewest(target, days, window, accept=accept, skip=skip)
                    if found is not None:
                        start_day, notes[found[0]] = found
                if start_day is None:
                    for day in chosen:
                        taken.remove(day, day + length)
                        daybook.remove(body.id, host, day, day + length)
                    chosen.clear()
                    return None
                chosen.append(start_day)
                end_day = start_day + length
                taken.add(start_day, end_day)
                daybook.add(body_id, host, start_day, end_day)
            return list(chosen)

        # The preferred spread first (back to back with the partner body where there is one,
        # keeping the days before free for a body that meets just before this one); if gaps,
        # holidays or other bodies' meetings leave no room for it, pack the meetings from the
        # start of the window, each as early as it may be; for a meeting of all members, then
        # the days with the fewest members on holiday.
        packed = [window.start] * missing
        starts = None if alone else choose(targets)
        if starts is None and partnered:
            pair_first[0] = False
            starts = choose(targets)
        pair_first[0] = False
        if starts is None and (missing > 1 or gap):
            starts = choose(packed, pair=False)
        if starts is None and calendar.members is not None:
            starts = choose(targets, fewest=True) or (choose(packed, pair=False, fewest=True) if missing > 1 or gap else None)
        if starts is None:
            where = f" in {country}" if country else ""
            apart = f", {gap.words()} apart," if gap else ""
            self.problems.append(
                ProjectionProblem(
                    body,
                    window,
                    e.label,
                    day_off(body, calendar, window, e.window, days, e.reason, where)
                    or f"{body.name}: {missing} meeting{'s' if missing > 1 else ''} of {days} consecutive working day{'s' if days > 1 else ''}{where}{apart} do not fit in {window}"
                    f" {_BEYOND if window.end > LAST_DAY else _BESIDE} ({e.reason}); nothing was projected for {e.label}.",
                )
            )
            return []
        if calendar.members is not None:
            self.member_years.update(d.year for d in starts)
        out = []
        for k, day in enumerate(sorted(starts)):
            meeting = self._meeting(state, e, day, city, country, len(have) + k + 1)
            if day in notes:
                names = notes[day]
                self.notes.append(f"{body.name} {meeting.start}: no day in {window} is free of every member's public holidays; chosen with the fewest members on holiday ({', '.join(names)}).")
            out.append(meeting)
        if e.cases:
            self._guessed(e, out[0])
        return out

    def _place_alone(self, state: BodyState, e: Expectation, window: Window, target: date, slot: int) -> Meeting | None:
        """The meeting of a window that lacks one, of a body no other is paired with, on the
        day nearest ``target`` that fits; ``None`` when no day does."""
        body = state.body
        city, country, calendar, host, _ = state.where
        rule = e.rule
        taken, accept, _, _ = self._accepting(state, rule.min_gap if isinstance(rule, AtLeastRule) else None)
        day = calendar.place(target, body.duration_days, window, accept=accept, skip=self._skip(state), own=taken)
        if day is None:
            return None
        end_day = day + state.length
        self.daybook.add(body.id, host, day, end_day)
        taken.add(day, end_day)
        if calendar.members is not None:
            self.member_years.add(day.year)
        meeting = self._meeting(state, e, day, city, country, slot)
        if e.cases:
            self._guessed(e, meeting)
        return meeting

    def _skip(self, state: BodyState) -> Skip | None:
        """A full calendar's days that other bodies' meetings and the host's spacing refuse,
        skipped by bisection instead of asked day by day (the same for all the body's
        placements, made once the calendar has crowded days or hosts to keep apart)."""
        skip = state.skip
        if skip is None:
            daybook = self.daybook
            host = state.where[3]
            if daybook.crowded or daybook.between > 0 and host:
                body_id, days = state.body.id, state.body.duration_days
                skip = state.skip = Skip(lambda: daybook.blocked(body_id, host, days))
        return skip

    def _accepting(self, state: BodyState, gap: Duration | None) -> tuple[Taken, Callable[[date], bool], list[date], list[bool]]:
        """The body's own firmly dated days (one table per gap for the whole body, kept up to
        date as meetings are placed) and whether a first day is one for a meeting of the body,
        with the days chosen so far (emptied) and whether partners are asked first (reset):
        made once per body and gap, not once per placement."""
        found = state.accepts.get(gap)
        if found is None:
            found = state.accepts[gap] = self._acceptor(state, gap)
        found[2].clear()
        found[3][0] = state.partnered
        return found

    def _acceptor(self, state: BodyState, gap: Duration | None) -> tuple[Taken, Callable[[date], bool], list[date], list[bool]]:
        body = state.body
        _, _, _, host, weekdays = state.where
        days = body.duration_days
        bm = self.engine.meetings_of(body.id)  # (registered before the first placement: see _fill)
        taken = state.takens[gap] = self._taken(state, bm, gap)
        daybook = self.daybook
        free, blocks = daybook.free, taken.blocks
        # (asked only where it can say no: a day some bodies crowd already, or a host kept apart)
        crowded, hosted = daybook.crowded, daybook.between > 0 and bool(host)
        pair_first = [state.partnered]
        body_id = body.id
        length = state.length
        # The body's at_most rules: a day whose period already holds as many counting meetings
        # as the rule allows is no day for one more (placing there made an excess of its own).
        caps = self._caps(body)
        current: list[date] = []

        def accept(day: date) -> bool:
            if weekdays and day.weekday() not in weekdays:
                return False
            end_day = day + length if days != 1 else day
            if blocks(day, end_day):
                return False
            if (crowded or hosted) and not free(body_id, host, day, end_day):
                return False
            if caps and capped(caps, bm, day, current):
                return False
            return not pair_first[0] or self._partners_fit(body, day)

        return taken, accept, current, pair_first

    def _taken(self, state: BodyState, bm: BodyMeetings, gap: Duration | None) -> Taken:
        """The body's firmly dated meetings that may clash with, or fall within ``gap`` of,
        a meeting placed from tomorrow on: one table for every placement of the body.

        Only meetings within a gap (or a meeting's length) of a window can conflict, only
        those with firm dates (a meeting known to the year does not block the year), and every
        window placed in starts tomorrow or later: those ending after a gap and a meeting's
        reach before tomorrow (a month of slack covers a gap in months measured from another
        day). More meetings than one window needs change no answer of :meth:`Taken.blocks`,
        which tests the days themselves, so one table serves every placement (made for each
        placement, it was a tenth of projection)."""
        first = self.not_before
        span = (gap.add_to(first) - first if gap else timedelta(0)) + state.reach + _MONTH
        taken = Taken(gap)
        # (in order of first day already: appended, not inserted one by one)
        taken.extend([(m.start.earliest, m.latest) for m in bm.overlapping(first - span, date.max) if m.status in SATISFYING and m.exact])
        return taken

    def _guessed(self, e: Expectation, first: Meeting) -> None:
        """The note of a window whose origin is dated too loosely to fix the due period."""
        origin = e.origin
        periods = sorted(e.cases, key=lambda c: c.period) if e.cases else []
        if origin is not None and periods and periods[-1].deadline >= self.not_before:
            # The origin is dated too loosely to fix the due period, and not every period it
            # could be has passed: the first still ahead is filled, which is a guess, and the
            # schedule says so (overdue in every reading, it is no guess).
            self.notes.append(
                f"{e.body.name} {first.start}: due {e.reason}, a date the register gives only as {origin.start}: it is due in one of {periods[0].label} to {periods[-1].label}, and the register does not say which; placed by the earliest reading still ahead (re-plan when that date is known)."
            )

    def _caps(self, body: Body) -> tuple[tuple[AtMostRule, Grain, int], ...]:
        """``body``'s at_most rules, with the grain and first month of their periods."""
        caps: dict[str, tuple[tuple[AtMostRule, Grain, int], ...]] = self.__dict__.setdefault("_capses", {})
        found = caps.get(body.id)
        if found is None:
            year_start = self.book.organization.year_start
            found = caps[body.id] = tuple((r, r.per.grain, year_start_month(r.year_start or year_start)) for r in body.rules if isinstance(r, AtMostRule))
        return found

    def _where(self, body: Body) -> tuple[str, str, WorkingCalendar, str, frozenset[int]]:
        """City, country, working calendar, host key and meeting weekdays of ``body``'s
        meetings: the same for each of its meetings, so found once."""
        where = self._wheres
        found = where.get(body.id)
        if found is None:
            city, country = host_place(body, self.book)
            found = where[body.id] = (city, country, self.calendar(body, country), host_key(body, country), frozenset(w.number for w in body.weekdays))
        return found

    def _targets(self, state: BodyState, e: Expectation, window: Window, have: list[Meeting], missing: int) -> list[date]:
        """Target days, computed over the whole due period (whatever --today is) and then
        placed inside ``window`` by the nearest-day search."""
        body = state.body
        if e.minimum == 1 and e.rule.__class__ is AtLeastRule and e.__class__ is Expectation and not body.months and e.rule.within is None and e.grain is not Grain.DAY:
            # (most windows: one meeting a period, no preferred month, no chain: the middle of
            # the period, as target_months' even spread gives it, without its calls)
            full = e.grain.window(e.period, e.year_start)
            span = (full.end - full.start).days
            if span < 364 or not state.habits.months:
                return [full.start + timedelta(days=(span + 1) // 2)]
        if e.minimum == 1:
            nominal = self._nominal(state, e)
            if nominal is not None:
                return [nominal]
        full = e.grain.window(e.period, e.year_start) if e.grain is not Grain.DAY and not getattr(e.rule, "within", None) else e.window
        if e.minimum == 1:
            wanted = state.habits.target_months(body, 1, full)
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
            if any(date(y, m, state.habits.day) in e.window for y in years for m in state.body.months):
                return None
            return e.window.start + (e.deadline - e.window.start) * 3 // 4
        if not (isinstance(rule, EveryRule) and rule.mode == "rolling" and e.origin is not None):
            return None
        if e.grain is Grain.YEAR and (state.body.months or state.habits.months):
            return None
        return rule.interval.add_to(e.origin.earliest)

    def _back_to_back(self, body: Body, calendar: WorkingCalendar, window: Window, target: date, accept: Callable[[date], bool], mine: list[date]) -> date | None:
        """A body that meets just before another is placed on the working days right before
        that body's meeting nearest the target (one not already preceded, and keeping the
        body's own gaps)."""
        if not body.before:
            return None
        last = window.end + timedelta(days=1)
        near = self.engine.meetings_of(body.before).overlapping(window.start, last)  # by bisection, not a scan of the history
        partners = [m for m in near if m.status in (Status.PLANNED, Status.PROJECTED) and m.exact and window.start < m.earliest <= last]
        for partner in sorted(partners, key=lambda m: (abs((m.earliest - target).days), m.earliest)):
            if any(partner.earliest - timedelta(days=10) <= day < partner.earliest for day in mine):
                continue  # already preceded by one of this body's meetings
            start = calendar.place_before(partner.earliest, body.duration_days, window, accept=accept)
            if start is not None:
                return start
        return None

    def _day(self, day: date) -> PartialDate:
        """One (immutable) PartialDate per day: 300,000 projected meetings fall on 18,000 days."""
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = PartialDate.of(day)
        return found

    def _meeting(self, state: BodyState, e: Expectation, start_day: date, city: str, country: str, slot: int) -> Meeting:
        number = state.next_ordinal
        if state.numbers is not None:  # (only where the register numbers meetings ahead)
            number = state.numbers.on(start_day)
        elif number is not None:
            state.next_ordinal = number + 1
        label = e.grain.label(e.period, e.year_start)
        rule = e.rule
        reason = e.reason if e.origin is not None or e.minimum == 1 and (not isinstance(rule, AtLeastRule) or e.__class__ is not Expectation) else f"{e.reason}: {slot} of {e.minimum} in {label}"
        if e.deadline < self.not_before:
            reason = f"overdue since {label}: {reason}"
        elif start_day > e.window.end:  # after its period, within its tolerance: say which period
            reason = f"due {label}, by {e.deadline}: {reason}"
        binding = rule.binding
        if not binding:
            reason = f"customary, {reason}"
        # Bodies under the same rule words share their reasons ("at least twice a year: 1 of 2
        # in 2031") and keys: one string each, not one per meeting (60 MB at 2,000 bodies).
        texts = self._texts
        reason = texts.setdefault(reason, reason)
        key = f"{e.rule_index}-{label}-{slot}"
        key = texts.setdefault(key, key)
        # One (immutable) PartialDate per day: 300,000 projected meetings fall on 18,000 days.
        known = self._days
        start = known.get(start_day) or self._day(start_day)
        end = None
        length = state.length
        if length:
            end_day = start_day + length
            end = known.get(end_day) or self._day(end_day)
        body = state.body
        source = rule.source
        if source.__class__ is str and city.__class__ is str and country.__class__ is str:
            # Every field is of its type already (dates made here, ordinal counted up from a
            # positive one): the tuple itself, without Meeting's check of each field.
            return tuple.__new__(Meeting, (body.id, start, _REGULAR, number, end, _PROJECTED, city, country, None, "", "", reason, source, not binding, key, (), "", ""))
        return Meeting(body=body.id, kind=Kind.REGULAR, ordinal=number, start=start, end=end, status=Status.PROJECTED, city=city, country=country, reason=reason, rule_source=source, customary=not binding, key=key)
