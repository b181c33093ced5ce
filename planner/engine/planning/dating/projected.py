"""The projected meeting itself, once its day is chosen: its ordinal, reason, key and place,
and the note of a window whose due period is a guess."""

from __future__ import annotations

from datetime import date

from planner.core.dates import PartialDate, Window
from planner.core.model import AtLeastRule, Body, Kind, Meeting, Status
from planner.engine.expectations import Expectation
from planner.engine.planning.crowd import host_key
from planner.engine.planning.dating.state import BodyState
from planner.engine.planning.placement.hosts import host_place
from planner.engine.planning.placement.working import WorkingCalendar

_REGULAR, _PROJECTED = Kind.REGULAR, Status.PROJECTED
_KINDS = tuple(Kind)


def _kind(counts: tuple[Kind, ...]) -> Kind:
    """The kind of a meeting projected for a rule counting ``counts``: regular where it counts
    regular meetings (nearly every rule), else the first kind it counts in the vocabulary's
    order. A rule counting only special sessions (the Swiss National Council's yearly special
    session, SO-NC art. 33d(1)(b)) is answered by a special session: a regular one would meet
    nothing in it, and the register checked with its own projection would find its year short."""
    if _REGULAR in counts:
        return _REGULAR
    return min(counts, key=_KINDS.index)


class Projected:
    """Projected meetings and where each body meets (a part of :class:`Dating`)."""

    # (made by the projector: shared reasons and keys, one PartialDate per day, where each
    # body meets)
    _texts: dict[str, str]
    _keys: dict[tuple[int, str, int], str]  # (rule index, period label, slot) -> a meeting's key
    _slots: dict[tuple[str, int, int, str], str]  # (reason, slot, minimum, period label) -> "reason: 1 of 2 in 2031"
    end: date  # the horizon's end (the body's own, in next_due's projection)
    _days: dict[date, PartialDate]
    notes: list[str]
    note_bodies: dict[int, str]  # the index of a note about one body's meeting -> that body (--body keeps its own)

    def body_note(self, body_id: str, text: str) -> None:
        """A note about a meeting of one body: with ``--body``, only its bodies' are shown."""
        self.note_bodies[len(self.notes)] = body_id
        self.notes.append(text)
    _wheres: dict[str, tuple[str, str, WorkingCalendar, str, frozenset[int]]]
    # (body, key) -> the day a chair-hosted meeting aimed at (its chair, once known, re-places it
    # from there) and the days it was placed in (it stays inside them)
    aims: dict[tuple[str, str], tuple[date, Window]]
    labels: dict[tuple[str, str], str] | None  # (body, key) -> the due label of its window, where asked

    def _where(self, body: Body) -> tuple[str, str, WorkingCalendar, str, frozenset[int]]:
        """City, country, working calendar, host key and meeting weekdays of ``body``'s
        meetings: the same for each of its meetings, so found once."""
        where = self._wheres
        found = where.get(body.id)
        if found is None:
            city, country = host_place(body, self.book)
            found = where[body.id] = (city, country, self.calendar(body, country), host_key(body, country), frozenset(w.number for w in body.weekdays))
        return found

    def _guessed(self, e: Expectation, first: Meeting) -> None:
        """The note of a window whose origin is dated too loosely to fix the due period."""
        origin = e.origin
        periods = sorted(e.cases, key=lambda c: c.period) if e.cases else []
        # (not of a meeting past the horizon, which the schedule leaves out)
        if origin is not None and periods and periods[-1].deadline >= self.not_before and first.start.earliest <= self.end:
            # The origin is dated too loosely to fix the due period, and not every period it
            # could be has passed: the first still ahead is filled, which is a guess, and the
            # schedule says so (overdue in every reading, it is no guess).
            self.body_note(
                e.body.id,
                f"{e.body.name} {first.start}: due {e.reason}, a date the register gives only as {origin.start}: it is due in one of {periods[0].label} to {periods[-1].label}, and the register does not say which; placed by the earliest reading still ahead (re-plan when that date is known)."
            )

    def _day(self, day: date) -> PartialDate:
        """One (immutable) PartialDate per day: 300,000 projected meetings fall on 18,000 days."""
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = PartialDate.of(day)
        return found

    def _meeting(self, state: BodyState, e: Expectation, start_day: date, city: str, country: str, slot: int) -> Meeting:
        if state.chain is not None:  # (a rolling chain's meeting: the nominal date it aimed at, for the next)
            state.chains[start_day] = state.chain
            state.chain = None
        rule = e.rule
        counts = rule.counts
        kind = _REGULAR if _REGULAR in counts else _kind(counts)
        number = None
        if kind is _REGULAR:  # (the numbering continued is the regular meetings')
            number = state.next_ordinal
            if state.numbers is not None:  # (only where the register numbers meetings ahead)
                number = state.numbers.on(start_day)
            elif number is not None:
                state.next_ordinal = number + 1
        label = e.grain.label(e.period, e.year_start)
        if e.origin is not None or e.minimum == 1 and (not isinstance(rule, AtLeastRule) or e.__class__ is not Expectation):
            reason = e.reason
        else:  # (one of several a period: its words found by their parts, as the keys are below)
            parts = (e.reason, slot, e.minimum, label)
            reason = self._slots.get(parts)  # type: ignore[assignment]
            if reason is None:
                reason = self._slots[parts] = f"{e.reason}: {slot} of {e.minimum} in {label}"
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
        # (found by its parts: a tuple's hash is cheaper than the string's making and hashing)
        keys = self._keys
        parts = (e.rule_index, label, slot)
        key = keys.get(parts)
        if key is None:
            key = keys[parts] = f"{e.rule_index}-{label}-{slot}"
        if self.labels is not None:  # (a loose origin's window is labelled by every reading, not the earliest)
            self.labels[(state.body.id, key)] = e.label if e.cases else label
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
            return tuple.__new__(Meeting, (body.id, start, kind, number, end, _PROJECTED, city, country, None, "", "", reason, source, not binding, key, (), "", ""))
        return Meeting(body=body.id, kind=kind, ordinal=number, start=start, end=end, status=Status.PROJECTED, city=city, country=country, reason=reason, rule_source=source, customary=not binding, key=key)
