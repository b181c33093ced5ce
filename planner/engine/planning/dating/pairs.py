"""Back-to-back pairs: a body that meets just before another (``before = "council"``) takes
the working days right before that body's meeting (DESIGN: "`before` pairs are exactly
adjacent"), so the later body is placed where those days are free, but only where the earlier
one may be due: a day kept free for a meeting nobody needs moved the later body off its own day
(the Council a day later each year the Bureau, meeting every two years, had nothing due)."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta

from planner.core.dates import Window
from planner.core.model import (
    AdHocRule,
    AtLeastRule,
    AtMostRule,
    Body,
    EveryRule,
    OnRule,
    RuleBook,
    rule_refs,
)
from planner.engine.expectations import ExpectationEngine
from planner.engine.planning.crowd import DayBook, host_key
from planner.engine.planning.placement.hosts import host_place

_BACK = timedelta(days=10)  # how far back a pair's first body may start (place_before's reach)


class Pairs:
    """Whether the bodies that meet just before a body fit before a day (a part of :class:`Dating`;
    the projector's calendars, :meth:`Lateness._placement_window` and ``_unphased`` are used)."""

    book: RuleBook
    partners: dict[str, list[Body]]
    engine: ExpectationEngine
    daybook: DayBook
    not_before: date
    end: date

    def _partners_fit(self, body: Body, day: date) -> bool:
        """Whether each body that meets just before ``body`` and may be due then finds its
        days right before ``day`` free."""
        for partner in self.partners.get(body.id, ()):
            if not self._partner_due(partner, day):
                continue
            _, country = host_place(partner, self.book)
            host = host_key(partner, country)
            days = partner.duration_days
            found = self.calendar(partner, country).place_before(
                day, days, Window(day - timedelta(days=30), day), accept=lambda d, p=partner, h=host, n=days: self.daybook.free(p.id, h, d, d + timedelta(days=n - 1))
            )
            if found is None:
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
        i = bisect_left(starts, day)
        return any(reach >= day - _BACK for reach in reaches[:i])

    def _due_spans(self, partner: Body) -> tuple[list[date], list[date]] | None:
        if rule_refs(partner):
            return None
        binding = any(r.binding and not isinstance(r, AdHocRule | AtMostRule) for r in partner.rules)
        spans: list[tuple[date, date]] = []
        for index, rule in enumerate(partner.rules):
            if isinstance(rule, AdHocRule | AtMostRule) or (binding and not rule.binding):
                continue  # (as the projector: judged, never placed for)
            if not isinstance(rule, EveryRule | AtLeastRule | OnRule) or rule.first_within is not None or getattr(rule, "max_gap", None) is not None or self._unphased(partner, rule):
                return None
            for e in self.engine.for_rule(partner, index, rule, self.not_before, self.end, pending=False):
                if e.deadline >= self.not_before:  # (where placement puts its meeting: a rolling chain's due period)
                    window = self._placement_window(e)
                    spans.append((window.start, window.end))
        spans.sort()
        return [s for s, _ in spans], [r for _, r in spans]
