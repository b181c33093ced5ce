"""The day each missing meeting takes: the nearest to its target that the host's working
days, the body's own gaps and caps, its partner body and the other bodies' meetings allow;
packed from the window's start, or on the days with the fewest members on holiday, when the
preferred spread does not fit; a Problem saying why when nothing does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from planner.core.dates import Duration, Grain, Window, year_start_month
from planner.core.model import AtLeastRule, AtMostRule, Body, EveryRule, Meeting, Status
from planner.engine.body_meetings import counts
from planner.engine.expectations import BodyMeetings, Expectation
from planner.engine.planning.dating.moved import Moved
from planner.engine.planning.dating.projected import Projected
from planner.engine.planning.dating.state import SATISFYING, BodyState
from planner.engine.planning.dating.targets import Targets, gap_words, usual_within
from planner.engine.planning.gap_problems import gap_runs_out, too_far_apart
from planner.engine.planning.placement.moves import without_move
from planner.engine.planning.placement.working import BACK_TO_BACK, LAST_DAY, Skip, WorkingCalendar
from planner.engine.planning.results import (
    ProjectionProblem,
    day_off,
    meeting_length,
    no_run,
    too_few,
)
from planner.engine.planning.taken import Taken, cap_reached, capped
from planner.engine.rule_words import rule_words

_MONTH = timedelta(days=31)
_BESIDE = "beside the other bodies' meetings"
_BEYOND = "by 2999-12-31, the last day planner reads and writes"  # a window that runs into the year 3000


class Dating(Targets, Projected, Moved):
    """The placement half of the projector: which day each missing meeting takes."""

    _few: dict[tuple[WorkingCalendar, date, date, int, int, frozenset[int]], bool]  # (made by the projector: _too_few's answers)

    def _place(self, state: BodyState, e: Expectation, window: Window, have: list[Meeting], missing: int, label: str | None = None) -> list[Meeting]:
        """The ``missing`` meetings of ``e`` in ``window``; ``[]`` and a Problem where they do
        not fit (naming the window ``label``, where check names it otherwise than ``e``)."""
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
        bounded = rule.__class__ is AtLeastRule and rule.max_gap is not None and e.__class__ is Expectation  # type: ignore[union-attr]
        alone = len(targets) == 1 and not body.before and not partnered and not state.befores
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
        moves: dict[date, str] = {}  # first day -> why it is not the day it aimed at (the plain search's days)

        def choose(targets: list[date], pair: bool = True, fewest: bool = False) -> list[date] | None:
            chosen = current
            chosen.clear()
            moves.clear()
            for target in targets:
                start_day = self._back_to_back(body, calendar, window, target, accept, own + chosen) if pair and body.before else None
                aim = state.aims_before.get(target) if state.aims_before else None
                if start_day is None and aim is not None and aim[0].start <= window.end and window.start <= aim[0].end:
                    # (inside the customary window only: searched forward, the nearest day
                    # past its end is the other body's meeting or after it)
                    start_day = calendar.place(target, days, Window(max(window.start, aim[0].start), min(window.end, aim[0].end)), accept=accept, skip=skip, own=taken)
                    if start_day is not None:
                        state.placed_before[start_day] = aim[1]
                if start_day is None and bounded:
                    start_day = calendar.place(target, days, self._within_gap(body_id, e, window, target, chosen, days, length), accept=accept, skip=skip, own=taken)
                if start_day is None:
                    start_day = calendar.place(target, days, window, accept=accept, skip=skip, own=taken)
                    if start_day is not None and pair and not fewest:
                        moves[start_day] = self._moved(state, target, window, start_day)
                elif bounded and aim is None and not (pair and body.before):  # (found within the rule's max_gap)
                    moves[start_day] = self._moved(state, target, window, start_day)
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
        # A window with fewer possible first days than meetings missing (366 a year, on
        # weekdays only) fits them nowhere, whatever the other bodies hold: its Problem says so
        # without trying each target and then each packed day (every candidate day of the
        # window asked for each of them: 100 years of the bodies of README's "placement work"
        # were some 10 million questions). The days with the fewest members on holiday are
        # other days: with a calendar of members, the tries are made.
        hopeless = not alone and missing > 1 and calendar.members is None and self._too_few(state, window, missing)
        starts = None if alone or hopeless else choose(targets)
        if starts is None and partnered and not hopeless:
            pair_first[0] = False
            starts = choose(targets)
        pair_first[0] = False
        aimed = targets
        if starts is None and (missing > 1 or gap) and not hopeless:
            starts, aimed = choose(packed, pair=False), packed
        if starts is None and calendar.members is not None:
            starts, aimed = choose(targets, fewest=True), targets
            if not starts:
                starts, aimed = choose(packed, pair=False, fewest=True) if missing > 1 or gap else None, packed
        if starts is None:
            label = label or e.label
            where = f" in {country}" if country else ""
            apart = f", {gap.words()} apart," if gap else ""
            self.problems.append(
                ProjectionProblem(
                    body,
                    window,
                    label,
                    day_off(body, calendar, window, e.window, days, e.reason, where)
                    or (no_run(body, calendar, window, days, e.reason, where, label) if window.end <= LAST_DAY else "")
                    or (too_few(body, calendar, window, days, missing, e.reason, where, label) if missing > 1 and not gap and window.end <= LAST_DAY else "")
                    or (too_far_apart(body, calendar, window, days, missing, gap, e.reason, where, label) if missing > 1 and gap else "")
                    or (gap_runs_out(body, calendar, window, days, missing, gap, have, e.reason, where, label) if gap else "")
                    or _capped_words(body, window, cap_reached(self._caps(body), self.engine.meetings_of(body.id), window), missing, e.reason, label)
                    or f"{body.name}: {missing} meeting{'s' if missing > 1 else ''} of {meeting_length(days, calendar)}{where}{apart} {'do' if missing > 1 else 'does'} not fit in {window}"
                    f" {_BEYOND if window.end > LAST_DAY else _BESIDE} ({e.reason}); nothing was projected for {label}.",
                )
            )
            return []
        if calendar.members is not None:
            self.member_years.update(d.year for d in starts)
        out = []
        aims = dict(zip(starts, aimed, strict=True)) if state.aimed else None
        for k, day in enumerate(sorted(starts)):
            meeting = self._meeting(state, e, day, city, country, len(have) + k + 1)
            words = state.placed_before.pop(day, None) if state.placed_before else None
            if words is not None:  # (placed in a customary `before` window: its reason says so)
                meeting = meeting._replace(reason=f"{meeting.reason}; customarily {words}")
            elif moves.get(day) and aimed is targets:  # (off the day it aimed at: its reason says where from and why)
                meeting = meeting._replace(reason=meeting.reason + moves[day])
            if aims is not None:
                self.aims[(body_id, meeting.key)] = (aims[day], window)
            if day in notes:
                names = notes[day]
                self.body_note(body.id, f"{body.name} {meeting.start}: no day in {window} is free of every member's public holidays; chosen with the fewest members on holiday ({', '.join(names)}).")
            out.append(meeting)
        if e.cases:
            self._guessed(e, out[0])
        return out

    def _place_early(self, state: BodyState, e: Expectation, window: Window, label: str | None) -> list[Meeting]:
        """A rolling chain's meeting where nothing fits in its due period ``window`` (its
        Problem just made): the window opened the day after the meeting before, and a meeting
        earlier in it meets it as well (DESIGN's invariant: nothing missed that the projection
        could have met), on the day nearest the due period; the chain goes on from that day,
        and a note says why. Only for an interval of two periods or more: a chain of one
        period is due in the same period again after a meeting in the one before it (every
        month, after a meeting in February, due in March again). ``[]`` and the Problem kept
        where nothing fits there either."""
        rule = e.rule
        first = max(e.window.start, self.not_before)
        if not (isinstance(rule, EveryRule) and rule.mode == "rolling" and rule.interval.periods > 1 and e.grain is not Grain.DAY) or first >= window.start:
            return []
        problem = self.problems.pop()
        new = self._place(state, e, Window(first, window.start - timedelta(days=1)), [], 1, label)
        if not new:
            self.problems[-1] = problem  # (the due period's Problem says it, not the earlier days')
            return []
        new = [m._replace(reason=without_move(m.reason)) for m in new]  # (the note says why it is early, not the day it aimed at in the earlier days)
        why = problem.message.rsplit("; nothing was projected for", 1)[0]
        self.body_note(state.body.id, f"{why}. Projected earlier in the window due {e.label}, which opened {e.window.start}: {state.body.name} {new[0].start}; the chain goes on from it.")
        return new

    def _too_few(self, state: BodyState, window: Window, missing: int) -> bool:
        """Whether ``window`` has fewer possible first days than ``missing`` meetings of the
        body on its calendar (:func:`too_few`), remembered: the answer depends on the calendar,
        the window, the meeting's length and weekdays alone, and the bodies of one country ask
        it of the same quarters and halves (20,000 scans of a window's first days at N)."""
        _, _, calendar, _, weekdays = state.where
        days = state.body.duration_days
        key = (calendar, window.start, window.end, days, missing, weekdays)
        found = self._few.get(key)
        if found is None:
            found = self._few[key] = bool(too_few(state.body, calendar, window, days, missing, "", "", ""))
        return found

    def _place_alone(self, state: BodyState, e: Expectation, window: Window, target: date, slot: int) -> Meeting | None:
        """The meeting of a window that lacks one, of a body no other is paired with, on the
        day nearest ``target`` that fits; ``None`` when no day does."""
        body = state.body
        city, country, calendar, host, _ = state.where
        rule = e.rule
        taken, accept, _, _ = self._accepting(state, rule.min_gap if isinstance(rule, AtLeastRule) else None)
        day = None
        aimed = window  # (the days it aimed inside: a move is said from the day it aimed at there)
        if rule.__class__ is AtLeastRule and rule.max_gap is not None and e.__class__ is Expectation:  # type: ignore[union-attr]
            cut = self._within_gap(body.id, e, window, target, [], body.duration_days, state.length)
            late = target + state.length > cut.end
            if late:
                # (the gap runs out before the day it aimed at: a preferred or usual month
                # inside the gap, as a gap's own window aims, not the gap's last days)
                target = usual_within(state, cut) or target
            day = calendar.place(target, body.duration_days, cut, accept=accept, skip=self._skip(state), own=taken)
            if day is not None:
                aimed = cut
        if day is None:
            day = calendar.place(target, body.duration_days, window, accept=accept, skip=self._skip(state), own=taken)
        if day is None:
            return None
        moved = gap_words(rule.max_gap, target, aimed, state.length) if aimed is not window and target + state.length > aimed.end else self._moved(state, target, aimed, day)  # type: ignore[union-attr]
        end_day = day + state.length
        self.daybook.add(body.id, host, day, end_day)
        taken.add(day, end_day)
        if calendar.members is not None:
            self.member_years.add(day.year)
        meeting = self._meeting(state, e, day, city, country, slot)
        if moved:  # (off the day it aimed at: its reason says where from and why)
            meeting = meeting._replace(reason=meeting.reason + moved)
        if state.aimed:
            self.aims[(body.id, meeting.key)] = (target, window)
        if e.cases:
            self._guessed(e, meeting)
        return meeting

    def _within_gap(self, body_id: str, e: Expectation, window: Window, target: date, chosen: list[date], days: int, length: timedelta) -> Window:
        """``window`` cut so that the meeting opens by the day the rule's ``max_gap`` after the
        body's counting meeting before ``target`` runs out (the period's meeting on a weekend
        day's next working day came a day past it: twice a year, at most 7 months apart,
        2028-02-10 then Sunday 09-10 moved to Monday 09-11, one day late), where that day is
        inside ``window``; else the whole window (the gap's own windows then say what is
        late). The gap runs from that meeting's first day, or its last with ``gap_from =
        "last_day"``, to the next one's first day: a session of 20 days may open on the last
        day the gap allows and sit past it (the Lok Sabha's 2027 session opened on 21 May,
        five weeks before art. 85 required, audit 23)."""
        rule = e.rule
        gap = rule.max_gap  # type: ignore[union-attr]
        last = getattr(rule, "gap_from", "first_day") == "last_day"
        reach = gap.add_to(target) - target + _MONTH + (length if last else timedelta(0))
        before = [m.latest if last else m.earliest for m in self.engine.meetings_of(body_id).overlapping(target - reach, target) if m.exact and m.status in SATISFYING and m.earliest < target and counts(rule, m)]
        before += [d + length if last else d for d in chosen if d < target]  # (its last day at the earliest: a run over a weekend ends later)
        if not before:
            return window
        bound = gap.add_to(max(before))
        if not window.start <= bound < window.end:
            return window
        return Window(window.start, min(window.end, bound + timedelta(days=days - 1)))

    def _skip(self, state: BodyState) -> Skip | None:
        """A full calendar's days that other bodies' meetings and the host's spacing refuse,
        skipped by bisection instead of asked day by day (the same for all the body's
        placements, made once the calendar has crowded days or hosts to keep apart)."""
        skip = state.skip
        daybook = self.daybook
        if skip is None or skip.grown != daybook.grown:  # (made again once rows' long tails were taken)
            host = state.where[3]
            if daybook.crowded or daybook.tails or daybook.between > 0 and host:
                body_id, days = state.body.id, state.body.duration_days
                skip = state.skip = Skip(lambda: daybook.blocked(body_id, host, days), daybook.grown)
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
        crowded, hosted, tails = daybook.crowded, daybook.between > 0 and bool(host), daybook.tails
        pair_first = [state.partnered]
        body_id = body.id
        length = state.length
        # The body's at_most rules: a day whose period already holds as many counting meetings
        # as the rule allows is no day for one more (placing there made an excess of its own).
        caps = self._caps(body)
        current: list[date] = []
        # A body that meets just before another never meets on that body's days: the two may
        # share a day's count (DayBook.paired), but DESIGN's pairs are "exactly adjacent", and
        # where the day before is gone, on the partner's day it is no longer before it.
        first = body.before
        bodies_on = daybook.bodies_on

        def accept(day: date) -> bool:
            if weekdays and day.weekday() not in weekdays:
                return False
            end_day = day + length if days != 1 else day
            if blocks(day, end_day):
                return False
            if first and any(first in bodies_on.get(d, ()) for d in range(day.toordinal(), end_day.toordinal() + 1)):
                return False
            if (crowded or hosted or tails) and not free(body_id, host, day, end_day):
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
        taken = Taken(gap, apart=1 if any(r.count_by == "event" for r in state.body.rules) else 0)
        # (in order of first day already: appended, not inserted one by one)
        taken.extend([(m.start.earliest, m.latest) for m in bm.overlapping(first - span, date.max) if m.status in SATISFYING and m.exact])
        return taken

    def _caps(self, body: Body) -> tuple[tuple[AtMostRule, Grain, int], ...]:
        """``body``'s at_most rules, with the grain and first month of their periods."""
        caps: dict[str, tuple[tuple[AtMostRule, Grain, int], ...]] = self.__dict__.setdefault("_capses", {})
        found = caps.get(body.id)
        if found is None:
            year_start = self.book.organization.year_start
            found = caps[body.id] = tuple((r, r.per.grain, year_start_month(r.year_start or year_start)) for r in body.rules if isinstance(r, AtMostRule))
        return found

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
            if any(partner.earliest - timedelta(days=BACK_TO_BACK) <= day < partner.earliest for day in mine):
                continue  # already preceded by one of this body's meetings
            start = calendar.place_before(partner.earliest, body.duration_days, window, accept=accept)
            if start is not None:
                return start
        return None


def _capped_words(body: Body, window: Window, cap: tuple[AtMostRule, str] | None, missing: int, reason: str, label: str) -> str:
    """The Problem of a window that a ceiling of the body closes (at least once a quarter, at
    most three times a year: the fourth quarter's meeting would be the year's fourth): that
    rule, not "beside the other bodies' meetings", which sent the reader looking for a clash
    there is not; ``""`` where no ceiling closes the whole window."""
    if cap is None:
        return ""
    rule, period = cap
    more = f"{missing} more meetings" if missing > 1 else "one more meeting"
    return f"{body.name}: {more} in {window} would break \"{rule_words(rule)}\": {period} holds {rule.count} counting meeting{'s' if rule.count > 1 else ''} already, held, planned or projected ({reason}); nothing was projected for {label}."
