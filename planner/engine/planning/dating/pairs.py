"""Back-to-back pairs: a body that meets just before another (``before = "council"``) takes
the working days right before that body's meeting (DESIGN: "`before` pairs are exactly
adjacent"), so the later body is placed where those days are free, but only where the earlier
one may be due: a day kept free for a meeting nobody needs moved the later body off its own day
(the Council a day later each year the Bureau, meeting every two years, had nothing due)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from itertools import accumulate

from planner.core.dates import Window
from planner.core.model import (
    AdHocRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    EveryRule,
    OnRule,
    RuleBook,
)
from planner.core.rules import rule_refs
from planner.engine.expectations import ExpectationEngine
from planner.engine.planning.crowd import DayBook, host_key
from planner.engine.planning.dating.state import SATISFYING
from planner.engine.planning.placement.hosts import host_place
from planner.engine.planning.placement.working import BACK_TO_BACK

_BACK = timedelta(days=BACK_TO_BACK)  # how far back a pair's first body may start (place_before's reach)


class Pairs:
    """Whether the bodies that meet just before a body fit before a day (a part of :class:`Dating`;
    the projector's calendars, :meth:`Lateness._placement_window` and ``_unphased`` are used)."""

    book: RuleBook
    partners: dict[str, list[Body]]
    leads: dict[str, list[tuple[Body, BeforeRule]]]
    engine: ExpectationEngine
    daybook: DayBook
    not_before: date
    end: date

    def _partners_fit(self, body: Body, day: date) -> bool:
        """Whether each body that meets just before ``body`` and may be due then finds its
        days right before ``day`` free."""
        if not self._leads_fit(body, day):
            return False
        for partner in self.partners.get(body.id, ()):
            if not self._partner_due(partner, day):
                continue
            _, country = host_place(partner, self.book)
            host = host_key(partner, country)
            days = partner.duration_days
            found = self.calendar(partner, country).place_before(
                day, days, Window(max(day - timedelta(days=30), self.not_before), day), accept=lambda d, p=partner, h=host, n=days: self.daybook.free(p.id, h, d, d + timedelta(days=n - 1))
            )
            if found is None:
                return False
        return True

    def _leads_fit(self, body: Body, day: date) -> bool:
        """Whether each body due within some time before every meeting of ``body`` (a
        ``before`` rule: the SCO's Foreign Ministers a month before the Heads of State) finds
        its days between tomorrow and ``day``, where that time reaches back past tomorrow. A
        meeting of ``body`` due later is not late until its deadline: placed on the day after
        --today, it left the other no day at all (a Problem, "1 still due by today"), where a
        few days later both fit."""
        for lead, rule in self.leads.get(body.id, ()):
            if day - rule.offset.delta() >= self.not_before or not rule.in_force(day):
                continue  # (the whole time before it is ahead: room as the rule means it)
            first = max(day - rule.offset.delta(), self.not_before)
            if any(m.status in SATISFYING and m.exact and m.earliest >= day - rule.offset.delta() for m in self.engine.meetings_of(lead.id).overlapping(first, day - timedelta(days=1))):
                continue  # (recorded or planned there already)
            _, country = host_place(lead, self.book)
            host = host_key(lead, country)
            # (the same host keeps its meetings apart: the last day min_days_between before)
            apart = self.daybook.between if host and host == host_key(body, host_place(body, self.book)[1]) else 1
            if day - timedelta(days=max(apart, 1)) < first:
                return False
            days = lead.duration_days
            window = Window(first, day - timedelta(days=max(apart, 1)))
            if self.calendar(lead, country).place(window.end, days, window, accept=lambda d, p=lead, h=host, n=days: self.daybook.free(p.id, h, d, d + timedelta(days=n - 1))) is None:
                return False
        return True

    def _partner_due(self, partner: Body, day: date) -> bool:
        """Whether ``partner`` may have a meeting due on the days just before ``day``: the
        days its windows from tomorrow to the horizon are placed in (a rolling chain's due
        period), as its own rules make them from the register. A rule whose windows other bodies' meetings or the partner's
        own projected ones decide (after, before, gaps, a grid the first projected meeting
        phases) may be due any day: its days are kept free, as for every day before."""
        spans: dict[str, tuple[list[date], list[date]] | None] = self.__dict__.setdefault("_partner_spans", {})
        if partner.id not in spans:
            spans[partner.id] = self._due_spans(partner)
        found = spans[partner.id]
        if found is None:
            return True
        starts, reaches = found
        # the windows starting before the day: does one reach back to within place_before's reach?
        # (tomorrow, the first day anything is placed on, has no day before it in a window open
        # from tomorrow: a partner due there must still come first, so the meeting moves later)
        # (``reaches``: the furthest any of them reaches, by bisection, not a scan of every
        # window before the day: some 144,000 steps at N)
        i = bisect_right(starts, day) if day == self.not_before else bisect_left(starts, day)
        return i > 0 and reaches[i - 1] >= day - _BACK

    def _due_spans(self, partner: Body) -> tuple[list[date], list[date]] | None:
        # (lateness builds on this package: imported when first asked)
        from planner.engine.planning.lateness import meetings_satisfying

        if rule_refs(partner):
            return None
        binding = any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in partner.rules)
        spans: list[tuple[date, date]] = []
        bm = self.engine.meetings_of(partner.id)
        for index, rule in enumerate(partner.rules):
            if isinstance(rule, AdHocRule | AtMostRule) or (binding and not rule.binding):
                continue  # (as the projector: judged, never placed for)
            if not isinstance(rule, EveryRule | AtLeastRule | OnRule) or rule.first_within is not None or getattr(rule, "max_gap", None) is not None or self._unphased(partner, rule):
                return None
            for e in self.engine.for_rule(partner, index, rule, self.not_before, self.end, pending=False):
                # (where placement puts its meeting, a rolling chain's due period; not a window
                # the register already meets: no meeting is placed there)
                if e.deadline >= self.not_before and len(meetings_satisfying(e, bm, e.deadline)) < e.minimum:
                    window = self._placement_window(e)
                    spans.append((window.start, window.end))
        spans.sort()
        return [s for s, _ in spans], list(accumulate((r for _, r in spans), max))


def rules_before(book: RuleBook) -> dict[str, list[tuple[Body, BeforeRule]]]:
    """Body -> the bodies whose ``before`` rules, planned for, are due ahead of its meetings
    (a customary rule beside a binding one is judged, not planned for: as the projector)."""
    found: dict[str, list[tuple[Body, BeforeRule]]] = {}
    for b in book.bodies:
        binding = any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in b.rules)
        for rule in b.rules:
            if isinstance(rule, BeforeRule) and (rule.binding or not binding):
                found.setdefault(rule.body, []).append((b, rule))
    return found
