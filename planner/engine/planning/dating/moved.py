"""Why a meeting the search placed is not on the day it aimed at, in words for its reason (a
part of :class:`~planner.engine.planning.dating.choice.Dating`): the host's calendar says
what keeps the day (:mod:`planner.engine.planning.placement.moves`), else the other bodies'
meetings, the host's spacing, or no room for the bodies that meet just before it."""

from __future__ import annotations

from datetime import date

from planner.core.dates import Window
from planner.engine.planning.dating.pairs import Pairs
from planner.engine.planning.dating.state import BodyState
from planner.engine.planning.placement.moves import aimed_day, moved_words
from planner.engine.planning.placement.working import LAST_DAY


class Moved(Pairs):
    """The moved meeting's words (the day book as the search saw it, and the pairs' days)."""

    def _moved(self, state: BodyState, target: date, window: Window, day: date) -> str:
        """Why ``day``, the day found, is not ``target`` (the nearest day to it inside
        ``window``), in words for the meeting's reason, before the day is taken (the other
        bodies and the host's spacing then still as the search saw them); ``""`` where it is,
        and where the target is past (before the window's first day: as soon as possible, from
        no day of its own)."""
        if day == target or target < window.start:
            return ""  # (the day found is the day aimed at: most meetings)
        days = state.body.duration_days
        aim = aimed_day(target, window.start, min(window.end, LAST_DAY), days)
        if aim == day:
            return ""
        _, country, calendar, host, weekdays = state.where
        if weekdays and aim.weekday() not in weekdays:
            return ""  # (a day it never meets on: its own days of the week are no move)
        secretariat = self.book.organization.secretariat
        where = country or (secretariat.country if secretariat is not None else "")
        body = state.body

        def in_the_way(first: date, last: date) -> str:
            clash = self.daybook.clash(body.id, host, first, last)
            if clash:
                return clash
            if state.partnered and not self._partners_fit(body, first):
                names = [p.name for p in self.partners.get(body.id, ())] + [lead.name for lead, _ in self.leads.get(body.id, ())]
                return f"no days right before it free for the {' and the '.join(names)}, which meet{'s' if len(names) == 1 else ''} just before it"
            return ""

        return moved_words(calendar, where, aim, day, days, in_the_way)
