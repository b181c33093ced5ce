"""``min_gap`` across a period's edge: which meeting before a window was the last one counted.

"Meetings closer than this count once" (README) does not stop at a period's edge: a session of
20 December resumed on 10 January is one meeting, of the year it opened in. :func:`thin` counts a
window's own meetings from the last meeting counted before it, found here.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import date, timedelta

from planner.core.dates import Precision
from planner.core.model import AtLeastRule, Status
from planner.engine.body_meetings import NOT_COUNTING, BodyMeetings, counts
from planner.engine.expectation import Expectation, effective_start


def counted_before(bm: BodyMeetings, expectation: Expectation, statuses: frozenset[Status]) -> date | None:
    """The first day of the last firmly dated meeting before ``expectation``'s window that
    ``min_gap`` counts (None when there is none, or no ``min_gap``).

    "Meetings closer than this count once" does not stop at a period's edge: a session on
    20 December resumed on 10 January is one meeting, of the year it opened in. The counted
    meetings are a greedy chain from the rule's start; a meeting at least the gap after the one
    before it is always counted, so the chain is taken up from the last such meeting before
    the window rather than from the body's first (a few meetings back, not the whole history)."""
    rule = expectation.rule
    if not isinstance(rule, AtLeastRule) or rule.min_gap is None:
        return None
    gap, body = rule.min_gap, expectation.body
    begins = effective_start(body, rule) or date.min
    meetings = bm.meetings
    j = bisect.bisect_left(bm.starts, expectation.window.start) - 1
    run: list[date] = []  # the meetings back to one surely counted, latest first
    while j >= 0:
        m = meetings[j]
        j -= 1
        if m.start.earliest < begins:
            break
        if not (m.start.exact and m.status in statuses and counts(rule, m)):
            continue
        if run and m.earliest == run[-1]:
            continue  # two sessions of one day: the first counts
        run.append(m.earliest)
        if len(run) > 1 and run[-2] >= gap.add_to(run[-1]):
            run.pop()  # run[-1] (now the last) is at least the gap after this one: counted
            break
    if not run:
        return None
    last = run.pop()
    while run:
        day = run.pop()
        if day >= gap.add_to(last):
            last = day
    return last


def gap_chain(bm: BodyMeetings, expectation: Expectation, statuses: frozenset[Status]) -> list[date]:
    """The first days of the firmly dated meetings ``min_gap`` counts, from the rule's start
    on: each at least the gap after the one counted before it. For a judge of a fixed
    register, which looks up :func:`counted_before`'s answer for every window by bisection."""
    rule = expectation.rule
    assert isinstance(rule, AtLeastRule) and rule.min_gap is not None
    gap = rule.min_gap
    begins = effective_start(expectation.body, rule) or date.min
    chain: list[date] = []
    kinds, formats = rule.counts, rule.formats
    day_precision = Precision.DAY
    # the first day the next counted meeting may have: the gap after the last one counted
    # (added once per counted meeting, not once per meeting looked at; meetings are in order)
    after = begins
    counting = statuses - NOT_COUNTING
    days = timedelta(days=gap.amount) if gap.unit == "d" else None  # gap.add_to, in days
    if statuses == _HELD_ONLY and not formats:
        # held, its kind and its first day's range are in BodyMeetings (dated to the day: one
        # day): the meetings themselves are not read again (they lie far apart in memory)
        for first, last, kind in zip(bm.starts, bm.opened_by, bm.held, strict=True):
            if kind is not None and first >= after and first == last and kind in kinds:
                chain.append(first)
                after = first + days if days is not None else gap.add_to(first)
        return chain
    for m in bm.meetings:
        start = m.start
        # counts(rule, m) written out: this looks at every meeting of the body
        if start.precision is day_precision:
            first = start.earliest
            if first >= after and m.status in counting and m.kind in kinds and (not formats or m.format is None or m.format in formats):
                chain.append(first)
                after = first + days if days is not None else gap.add_to(first)
    return chain


_HELD_ONLY = frozenset({Status.HELD})


class GapChains:
    """:func:`gap_chain` once per rule (and gap) of a fixed register, looked up by bisection."""

    def __init__(self) -> None:
        self.chains: dict[tuple[str, int, object], list[date]] = {}

        # the last rule asked about and its chain: a rule's windows are asked one after another
        self._last: tuple[object, object, int, list[date]] | None = None

    def counted_before(self, bm: BodyMeetings | Callable[[], BodyMeetings], e: Expectation) -> date | None:
        """``bm``: the body's meetings, or a function that gives them (called only to build a
        chain)."""
        last = self._last
        if last is not None and last[0] is e.rule and last[1] is e.body and last[2] == e.rule_index:
            chain = last[3]
        else:
            if getattr(e.rule, "min_gap", None) is None:
                return None
            chain = self.chain(bm, e)
            self._last = (e.rule, e.body, e.rule_index, chain)
        at = bisect.bisect_left(chain, e.window.start)
        return chain[at - 1] if at else None

    def chain(self, bm: BodyMeetings | Callable[[], BodyMeetings], e: Expectation) -> list[date]:
        """The :func:`gap_chain` of ``e``'s rule (which has a ``min_gap``), made once."""
        key = (e.body.id, e.rule_index, e.rule.min_gap)  # type: ignore[union-attr]
        chain = self.chains.get(key)
        if chain is None:
            chain = self.chains[key] = gap_chain(bm if isinstance(bm, BodyMeetings) else bm(), e, frozenset({Status.HELD}))
        return chain
