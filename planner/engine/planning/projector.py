"""The projector: each body's unmet expectations, in dependency order, made into projected
meetings (its history read once, its windows filled on working days, postponed meetings moved,
hosts and ordinals given). :func:`planner.engine.planning.projection.project` runs it and
orders what it finds."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.errors import RuleBookError
from planner.core.model import (
    AdHocRule,
    AfterRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    EveryRule,
    HostPolicy,
    Meeting,
    Rule,
    RuleBook,
    Status,
)
from planner.core.rules import dependency_order
from planner.engine.coverage import Coverage, still_due_note
from planner.engine.expectations import (
    BodyMeetings,
    Expectation,
    ExpectationEngine,
)
from planner.engine.gaps import GapExpectation
from planner.engine.judging.rule_verdicts import excused_by
from planner.engine.judging.twin_rows import certain_count
from planner.engine.planning.crowd import DayBook
from planner.engine.planning.dating import BodyState
from planner.engine.planning.dating.pairs import rules_before
from planner.engine.planning.dating.postponement import Postponement, last_days
from planner.engine.planning.dating.targets import customary_befores, customary_days
from planner.engine.planning.demand import demand_over as _demand_over
from planner.engine.planning.history import History, read_history, superseded_rows, unsure_number
from planner.engine.planning.lateness import meetings_satisfying
from planner.engine.planning.numbering import Numbering
from planner.engine.planning.placement.habits import Habits
from planner.engine.planning.placement.hosts import calendar_for
from planner.engine.planning.placement.working import WorkingCalendar
from planner.engine.planning.results import ProjectionProblem
from planner.inputs.countries import country_table, fold
from planner.inputs.limits import MAX_PROJECTED

if TYPE_CHECKING:
    from holidays import HolidayBase

MAX_ROUNDS = 100_000


class Projector(Postponement):
    def __init__(self, book: RuleBook, register: Sequence[Meeting], today: date, start: date, end: date, ends: Mapping[str, date] | None = None) -> None:
        self.book = book
        self.today = today
        self.start = start
        self.end = end
        self.ends = ends  # body -> its own horizon's end, where bodies have their own (next_due)
        self.labels: dict[tuple[str, str], str] | None = None  # (body, key) -> due label, where asked (next_due)
        self.not_before = max(start, today + timedelta(days=1))
        # A window whose deadline is --today is still open (check: a meeting may still be held
        # today) but no projected day is left in it: a Problem says so, never a silent slip.
        self.due_today = today if self.not_before == today + timedelta(days=1) else None
        self._ad_hoc = {b.id for b in book.bodies if all(isinstance(r, AdHocRule) for r in b.rules)}
        # Days already taken by the register near the horizon, then by each projected meeting.
        self._taken_since = self.not_before - timedelta(days=book.organization.min_days_between + 60)
        self.daybook = DayBook(book, self._taken_since)
        # body -> its history (an ad hoc body's: the rows superseded), read as the engine
        # indexes the register, while its meetings are in cache (planning.history), and its
        # days near the horizon taken then too
        self._read: dict[str, History | list[Meeting]] = {}
        self.engine = ExpectationEngine(book, register, self._read_history, today)
        for pairs in self.engine.parts.values():  # (the later parts of a meeting on several rows take their days too)
            self.daybook.add_all([later for later, _ in pairs], self._taken_since)
        # body -> ordinal -> the register's postponed rows of that number that the projection
        # places (numbering.awaited: each is held later, as the meeting projected under it)
        self.awaiting: dict[str, dict[int, list[Meeting]]] = {}
        self._unsure: dict[str, str] = {}  # body -> why the numbers it projects rest on days the register may not hold whole
        self.superseded: list[Meeting] = []  # postponed rows a later row of their number stands for
        self.problems: list[ProjectionProblem] = []
        self._told_today: set[tuple[str, str]] = set()
        self.notes: list[str] = []
        self.note_bodies: dict[int, str] = {}
        self._unrecorded: set[tuple[str, str]] = set()  # (body, window) a coverage note was given for
        self._claimed: set[int] | None = None  # (ids of the meetings the after rule being projected counted)
        self._texts = {}
        self._keys = {}
        self._slots = {}
        self._days = {}
        self._wheres = {}
        self._few = {}
        self.aims = {}
        self.calendars: dict[tuple[str, str | bool], WorkingCalendar] = {}
        self.unknown_hosts: set[str] = set()
        self.member_years: set[int] = set()
        self.host_years: dict[tuple[str, str], tuple[HolidayBase, set[int]]] = {}
        # body -> the bodies that meet just before it (one pass: a scan per body was quadratic)
        self.partners: dict[str, list[Body]] = {b.id: [] for b in book.bodies}
        for b in book.bodies:
            if b.before in self.partners:
                self.partners[b.before].append(b)
        self.leads = rules_before(book)
        # the bodies due in days or months from a chair-hosted body's meetings: a chair plan
        # that moves one of those re-places theirs nearest the day they aimed at
        chaired = {b.id for b in book.bodies if b.host is HostPolicy.CHAIR}
        self._aimed = {b.id for b in book.bodies if any(isinstance(r, AfterRule | BeforeRule) and (o := book.body(r.body)) is not None and o.id in chaired and r.offset.unit in ("d", "m") for r in b.rules)}

    def calendar(self, body: Body, country: str) -> WorkingCalendar:
        # A body without blackouts or recesses of its own has its country's calendar (with the
        # members' holidays, or without): one per country, not one per body, whose making
        # hashes the organization's blackouts (and --avoid's busy days) for each; a body that
        # meets on days of the week of its own may make one of the weekend a working day.
        key = (country, body.all_members, body.weekdays) if not body.blackout and not body.recess else (body.id, country)
        found = self.calendars.get(key)
        if found is None:
            found = self.calendars[key] = calendar_for(body, self.book, country)
            secretariat = self.book.organization.secretariat
            where = country or (secretariat.country if secretariat is not None else "")
            if found.holidays is None and where and where not in self.unknown_hosts:
                # (never silent: a host the holidays package does not know keeps only a
                # Saturday-Sunday weekend, which may not be its own)
                self.unknown_hosts.add(where)
                self.notes.append(f"The holidays package knows no calendar of {where}: meetings placed there avoid only Saturdays and Sundays, not its own weekend or public holidays (give the member's ISO code, or a country name the package knows).")
        return found

    def run(self) -> list[list[Meeting]]:
        """The projected meetings of each body, body by body in dependency order; more than
        ``MAX_PROJECTED`` in all is an error of the rule book (or of the horizon asked for)."""
        projected: list[list[Meeting]] = []
        total = 0
        too_many = _demand_over(self.book, self.start, self.end, MAX_PROJECTED, self.ends)
        if too_many is not None:
            raise self._too_many(too_many)
        order = [body for body in dependency_order(self.book) if body.id not in self._ad_hoc]
        # Every body's history was read as the register was indexed; each is let go once used.
        histories = [self._history(body) for body in order]
        histories.reverse()
        # A body tracked, never due (ad hoc) gets no history read, but its postponed rows that a
        # later row of their number stands for leave the meetings shown all the same (one feed
        # event a number, as with --no-projected)
        for body in self.book.bodies:
            if body.id in self._ad_hoc:
                self.superseded += self._read.pop(body.id, [])
        end = self.end
        for body in order:
            if self.ends is not None:
                self.end = self.ends.get(body.id, end)
            projected.append(self._project_body(body, histories.pop()))
            total += len(projected[-1])
            if total > MAX_PROJECTED:  # beyond the estimate (chains of gaps): stop all the same
                raise self._too_many(body.id)
        self.end = end
        return projected

    def _too_many(self, body_id: str) -> RuleBookError:
        return RuleBookError(
            f"its rules ask for more than {MAX_PROJECTED:,} meetings from {self.start} to {self.end} (reached at body {body_id!r})",
            location="bodies",
            expected="fewer meetings a period or fewer bodies, or a shorter horizon (--to); see Limits in the README",
        )

    def _read_history(self, body_id: str, indexed: BodyMeetings) -> None:
        """Read ``body_id``'s history right after the engine indexed its meetings (index_meetings' ``then``)."""
        meetings = indexed.meetings
        self.daybook.add_all(indexed.overlapping(self._taken_since, date.max), self._taken_since)
        self._read[body_id] = superseded_rows(meetings) if body_id in self._ad_hoc else read_history(meetings, self.not_before)

    def _history(self, body: Body) -> tuple[Habits, int | None, Numbering | None]:
        """The body's habits and the numbering to continue; its postponed meetings kept."""
        found = self._read.pop(body.id, None)
        habits, number, numbers, waiting, gone, numbered = found if isinstance(found, History) else read_history([], self.not_before)
        if waiting is not None:
            self.awaiting[body.id] = waiting
        if gone:
            self.superseded += gone
        if numbered is not None and numbers is None and waiting is None and (words := unsure_number(body, self.book, numbered, number, self.not_before)):
            self._unsure[body.id] = words
        return habits, number, numbers

    def _state(self, body: Body, history: tuple[Habits, int | None, Numbering | None]) -> BodyState:
        habits, number, numbers = history
        return BodyState(body, habits, number, self._where(body), bool(self.partners.get(body.id) or self.leads.get(body.id)), numbers=numbers, postponed=last_days(self.awaiting.get(body.id)), customary=customary_days(self.engine, body, self.not_before, self.end), befores=customary_befores(self.engine, body, self.not_before, self.end), aimed=body.id in self._aimed)

    def _project_body(self, body: Body, history: tuple[Habits, int | None, Numbering | None]) -> list[Meeting]:
        state = self._state(body, history)
        # A customary reading beside a binding rule (CICA's Ministerial Council: "every four
        # years" beside "two years after the Summit") is judged, not planned for: the binding
        # rule says when the body must meet, and planning both would put two meetings where one
        # is meant whenever they disagree (a Summit that slips).
        binding = any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in body.rules)
        # The meetings each `after` rule's windows counted (its versions together): one meeting
        # serves one window of a rule, as check shares them out (judging.assignment). A Board
        # within 60 days after Summits of 03-01 and 03-20 was projected once for both, and
        # check then found the second Summit's window missed.
        claimed: dict[str | None, set[int]] = {}
        for index, rule in enumerate(body.rules):
            if isinstance(rule, AdHocRule | AtMostRule) or (binding and not rule.binding):
                continue
            self._claimed = claimed.setdefault(rule.id, set()) if isinstance(rule, AfterRule) else None
            # A rolling chain moves with each new meeting: recompute it after each placement.
            # Other rules have fixed windows: one pass places everything they miss.
            rolling = isinstance(rule, EveryRule) and rule.mode == "rolling"
            # Gap windows (max_gap, first_within) chain like a rolling rule, after the fixed windows.
            unphased = self._unphased(body, rule)  # (a grid whose first meeting, projected, sets its phase)
            chained = rolling or isinstance(rule, AtLeastRule) and rule.max_gap is not None or unphased
            failed: set[int] = set()
            chain_from = self.start
            # A calendar period closed before tomorrow needs nothing more (no chain runs late
            # from it): only the periods from tomorrow on are made, whatever the history's length.
            periodic = isinstance(rule, AtLeastRule | AtMostRule) and rule.first_within is None and getattr(rule, "max_gap", None) is None
            # (An after rule's windows closed before then, with their late days, need nothing either.)
            open_from = self.due_today or self.not_before
            since = open_from if periodic else None
            for _ in range(MAX_ROUNDS):
                placed, first_new = False, None  # (first_new: the day after a calendar period's first meeting placed this round)
                found: list[Expectation] = self.engine.for_rule(body, index, rule, since, self.end, pending=False, chain_from=chain_from if chained else None, open_from=open_from)
                if rule.__class__ is AtLeastRule and rule.first_within is not None:
                    # The first meeting's window first: the meeting placed in it serves its
                    # calendar period too (placed after that period's, it made two where one is due).
                    found = sorted(found, key=lambda e: not getattr(e, "first_meeting", False))
                for e in found:
                    if e.period in failed:
                        continue
                    new = self._fill(state, e)
                    if new is None:
                        if rolling and e is found[-1] and (after := self._after_excused(e)) is not None:
                            found.append(after)  # (the chain goes on from an excused window)
                        continue
                    if not new:
                        failed.add(e.period)
                        continue
                    placed = True
                    if rolling or chained and isinstance(e, GapExpectation) or unphased:
                        # Windows before the new meeting are answered; chain on from it, but not
                        # past a calendar period's meeting placed this round: the gap after it
                        # was made before it was placed, and is judged next round.
                        after = new[-1].earliest + timedelta(days=1)
                        chain_from = max(chain_from, after if first_new is None else min(after, first_new))
                        break
                    if chained and first_new is None:
                        first_new = new[0].earliest + timedelta(days=1)
                if not (chained and placed):
                    break
        if state.added:
            self._host_years(state)
            if body.id in self._unsure and any(m.ordinal for m in state.added) and not any(b == body.id for b, _ in self._unrecorded):
                # (a window still due says already that a meeting held may not be recorded)
                self.body_note(body.id, self._unsure[body.id])
        return state.added

    def _host_years(self, state: BodyState) -> None:
        """Remember the years the body's meetings were placed in its host's calendar, for a
        note on years whose public holidays the holidays package lacks (Sri Lanka from 2027):
        the meetings there avoid only the weekend, and the output says so. (A calendar of all
        members says it of the members already.)"""
        _, country, calendar, _, _ = state.where
        code = calendar.code
        if calendar.holidays is None or code is None or calendar.members is not None and any(m.code == code for m in calendar.members.members):
            return
        secretariat = self.book.organization.secretariat
        name = country or (secretariat.country if secretariat is not None else code)
        name = country_table().get(fold(name), (name,))[0] if len(name) == 2 else name  # "IN": India
        self.host_years.setdefault((code, name), (calendar.holidays, set()))[1].update(map(_YEAR, state.added))

    def _fill(self, state: BodyState, e: Expectation) -> list[Meeting] | None:
        """Place what ``e`` still lacks: ``None`` when it lacks nothing, ``[]`` when no date fits."""
        rule = e.rule
        if rule.__class__ is AtLeastRule and e.__class__ is Expectation and e.minimum > 0 and not (rule.excused or rule.except_when):
            # The most common windows (so many meetings a calendar period), wholly ahead and
            # still empty: placed without the questions below, whose answers are known (nothing
            # late, nothing to thin, nothing there yet, the whole period to place in). One
            # meeting of a body no other is paired with is placed first on its own: where no
            # day fits, the general placement says why, as for any other window.
            window = e.window
            start = window.start
            bm = self.engine.by_body.get(state.body.id)
            if self.not_before <= start <= self.end and window.end == e.deadline and bm is not None and state.postponed is None and (not bm.reach or bm.reach[-1] < start or not bm.overlapping(start, e.deadline)):
                if e.minimum == 1 and state.alone:
                    meeting = self._place_alone(state, e, window, self._targets(state, e, window, [], 1)[0], 1)
                    if meeting is not None:
                        bm.add(meeting)
                        takens = state.takens
                        if len(takens) > 1:  # (the rule's own table has it already: most bodies have no other)
                            own = takens.get(rule.min_gap)
                            for taken in takens.values():
                                if taken is not own:
                                    taken.add(meeting.start.earliest, meeting.latest)
                        state.added.append(meeting)
                        return [meeting]
                return self._added(state, bm, rule, self._place(state, e, window, [], e.minimum))
        # (only a rule with excused periods or an except_when body can be excused)
        closed = e.deadline < self.not_before
        gap = isinstance(e, GapExpectation)
        silent = None  # (the window a chain has been silent since, where it is due now)
        if e.window.start > self.end or closed and e.late_until is None and not gap and e.deadline != self.due_today or (e.rule.excused or e.rule.except_when) and excused_by(self.engine, e):
            return None  # (a closed window with no late chain needs nothing, excused or not)
        bm = self.engine.meetings_of(state.body.id)
        if closed and e.deadline == self.due_today:
            self._due_today(e, bm)
            if e.late_until is None and not gap:
                return None
        if closed and gap:
            # A gap already longer than the rule allows grows with every day without a meeting
            # (check judges the next one late by the days past the deadline): the next meeting
            # is placed as soon as possible, unless the register already has one after it, or
            # one is projected as soon (for another rule of the body; one projected for a later
            # window of this rule, months ahead, leaves the gap growing until then).
            window = self._overdue(e)
            if any(m.status is not Status.PROJECTED or window is not None and m.start.earliest <= window.end for m in meetings_satisfying(e, bm, self.end)):
                return None
            have = []
        elif closed:
            # A closed window: only a chain left with nothing after it needs a meeting (as
            # soon as possible); a late meeting already answered it.
            if e.late_until is None or e.late_until < self.not_before or meetings_satisfying(e, bm, e.late_until) or self._ended(e):
                return None  # (nor one whose days to be answered late have passed: check's missed is final; nor one of a rule that ended)
            have: list[Meeting] = []
            # (a postponed meeting still to be held is held late, as soon as possible: the
            # chain goes on from its new day, not from the window it missed)
            current = self._current(e) if self._postponed_last(state) is None else None
            if current is not None:
                # A rolling chain continues through its missed windows: fill the one due now.
                silent, e = e, current
                window = self._placement_window(e)
            else:
                window = self._overdue(e)
        else:
            have = meetings_satisfying(e, bm, e.deadline)
            if self._claimed is not None:
                have = [m for m in have if id(m) not in self._claimed]
                self._claimed.update(map(id, have[: e.minimum]))
            window = self._placement_window(e)
            if not have and self._answered_late(e, bm):
                return None
        missing = e.minimum - certain_count(have)  # rows that may be one meeting count once (judging.twin_rows)
        if window is None or missing <= 0:
            return None
        if state.body.id not in self.engine.by_body:
            # (before placing: placement keeps the body's meetings for its at_most caps)
            self.engine.by_body[state.body.id] = bm
        if state.postponed is not None:
            window = self._after_postponement(state, e, window)
        new = self._place(state, e, window, have, missing, self._named(silent, e)) if window is not None else []
        if not new and window is not None and not have and state.postponed is None and window == self._placement_window(e):
            new = self._place_early(state, e, window, self._named(silent, e))
        if new and e.window.start <= self.today:
            self._unrecorded_note(state.body, e, new)
        rule, silent = e.rule, silent or e
        while not new and isinstance(rule, EveryRule) and rule.mode == "rolling":
            # Nothing fits this window (a Problem says so): the chain goes on from its period.
            e = self._chain_window(silent, e.period + rule.interval.periods)
            if e.window.start > self.end:
                break
            window = self._placement_window(e)
            new = self._place(state, e, window, [], 1, self._named(silent, e)) or self._place_early(state, e, window, self._named(silent, e))
        if self._claimed is not None:
            self._claimed.update(map(id, new))
        return self._added(state, bm, rule, new)

    def _unrecorded_note(self, body: Body, e: Expectation, new: list[Meeting]) -> None:
        """A note where a window running today is not known complete so far (record coverage)."""
        if (body.id, e.label) not in self._unrecorded and (note := still_due_note(Coverage.of(body, self.book), body.name, e.label, e.window.start, self.today, new)):
            self._unrecorded.add((body.id, e.label))
            self.body_note(body.id, note)

    @staticmethod
    def _added(state: BodyState, bm: BodyMeetings, rule: Rule, new: list[Meeting]) -> list[Meeting]:
        """``new``, recorded as the body's meetings and in its tables of taken days."""
        # (the table of the rule's own gap has the days placed already; a body with rules of
        # other gaps has theirs too)
        # (placing made the table of the rule's own gap: a body with one table has no other)
        takens = state.takens
        own = takens.get(rule.min_gap if isinstance(rule, AtLeastRule) else None) if new and len(takens) > 1 else None
        others = [t for t in takens.values() if t is not own] if new and len(takens) > 1 else ()
        for meeting in new:
            bm.add(meeting)
            if others:
                first, last = meeting.start.earliest, meeting.latest
                for taken in others:
                    taken.add(first, last)
        state.added.extend(new)
        return new


_YEAR = operator.attrgetter("start.earliest.year")
