"""``min_gap``: which meetings of a window count (:func:`thin`: closer than the gap, they count
once), and across a period's edge, which meeting before a window was the last one counted.

"Meetings closer than this count once" (README) does not stop at a period's edge: a session of
20 December resumed on 10 January is one meeting, of the year it opened in. :func:`thin` counts a
window's own meetings from the last meeting counted before it, found here.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from planner.core.dates import Duration, Precision
from planner.core.model import AtLeastRule, Meeting, MeetingFormat, Status
from planner.engine.body_meetings import NOT_COUNTING, BodyMeetings, counts
from planner.engine.expectation import Expectation, effective_start

_DAY = Precision.DAY


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


def thin(meetings: list[Meeting], expectation: Expectation, before: Sequence[Meeting] = (), prior: date | None = None) -> tuple[list[Meeting], list[Meeting]]:
    """Meetings closer than ``min_gap`` to a counted one count once.

    Firmly dated meetings are counted first, each at least the gap after the previous one
    (``prior``: the first day of the last meeting counted before the window, see
    :func:`counted_before`). A loosely dated meeting then counts only if its whole range keeps
    the gap from every counted one; otherwise it is doubtful (it may or may not be far enough),
    which can make a window uncertain but never spoils what the firm dates prove."""
    rule = expectation.rule
    unsure: list[Meeting] = []
    if rule.count_by == "event":
        from planner.engine.calendar_rules import events, maybe_joined  # builds on this module

        # ``before``: sessions ahead of the window; an event one of them opened counts there
        # (the ids of those sessions: ``prior``, the last day min_gap counted, is another thing;
        # named alike, the set took its place, and an event-counted rule with a min_gap
        # crashed on the first meeting it judged)
        ahead = {id(m) for m in before}
        groups = events([*before, *meetings]) if before else events(meetings)
        maybe = maybe_joined(groups)  # may belong to an earlier event: doubtful, never counted apart
        meetings = [group[0] for group in groups if id(group[0]) not in ahead and id(group[0]) not in maybe]
        # Sessions merged only because no city is recorded for either may have been held
        # apart: doubtful, never silently one event (never more certain than the data).
        # Video conferences have no city: two online sessions on those days are one event.
        unsure = [m for group in groups for m in group[1:] if id(m) not in ahead and not (group[0].city and m.city) and not (group[0].format is m.format is MeetingFormat.ONLINE)]
        unsure += [group[0] for group in groups if id(group[0]) in maybe and id(group[0]) not in ahead]
    if not isinstance(rule, AtLeastRule) or rule.min_gap is None:
        return meetings, unsure
    gap = rule.min_gap
    kept: list[Meeting] = []
    last = prior
    days = timedelta(days=gap.amount) if gap.unit == "d" else None  # gap.add_to in days, without its call
    loose = False
    for meeting in meetings:
        when = meeting.start
        if when.precision is not _DAY:
            loose = True
        elif last is None or when.earliest >= (last + days if days is not None else gap.add_to(last)):
            kept.append(meeting)
            last = when.earliest
    doubtful: list[Meeting] = []
    firm = len(kept)
    for meeting in meetings if loose else ():
        if meeting.start.exact:
            continue
        clear = all(meeting.start.earliest >= gap.add_to(k.start.latest) or k.start.earliest >= gap.add_to(meeting.start.latest) for k in kept)
        clear = clear and (prior is None or meeting.start.earliest >= gap.add_to(prior))
        (kept if clear else doubtful).append(meeting)
    window = expectation.window
    if len(doubtful) == 1 and len(kept) == firm and not unsure and window.start <= doubtful[0].start.earliest and doubtful[0].start.latest <= window.end:
        # one loosely dated meeting that may or may not keep the gap: read it on each of its
        # days; when every reading counts the same meetings, that is no doubt at all
        agreed = _every_reading(meetings, doubtful[0], gap, prior)
        if agreed is not None:
            return agreed, []
    if len(kept) > firm or rule.count_by == "event":  # else the firm ones, in the order given (sorted)
        kept.sort(key=Meeting.sort_key)
    return kept, doubtful + unsure


def _every_reading(meetings: list[Meeting], loose: Meeting, gap: Duration, prior: date | None) -> list[Meeting] | None:
    """The meetings ``min_gap`` counts among ``meetings`` (all dated to the day but ``loose``)
    when every day ``loose`` may have opened on gives the same ones; else ``None``. A loose
    meeting wholly within the gap of a counted one may still count in its place (a January
    meeting before 1 March and 20 April, 60 days apart, counts and lets 20 April count too):
    each reading is counted as the chain counts it."""
    first, last = loose.start.earliest.toordinal(), loose.start.latest.toordinal()
    if last - first > 366 or len(meetings) > 64:
        return None
    add = gap.add_to
    days = gap.amount if gap.unit == "d" else None
    others = [(m.earliest, add(m.earliest), id(m)) for m in meetings if m is not loose]  # each firm day and the gap after it
    after_prior = None if prior is None else add(prior)
    # The counted meetings change only on a day where one comparison below turns: the loose
    # meeting passes a firm one, reaches the gap after a counted one, or its own gap passes a
    # firm one's day (gap.add_to is monotone: found by bisection). Those days and the first
    # stand for all the others.
    lo, hi = date.fromordinal(first), date.fromordinal(last)
    turns = {lo}
    for opened, then, _ in others:
        turns.update((opened, then))
        if days is not None:
            a = min(max(opened.toordinal() - days + 1, first), last + 1)
        else:
            a = _gap_ends_after(add, opened, first, last + 1)
        turns.add(date.fromordinal(a) if a <= last else hi)
    if after_prior is not None:
        turns.add(after_prior)
    answer: list[int] | None = None
    for when in sorted(d for d in turns if lo <= d <= hi):
        free = after_prior  # the first day the next counted meeting may open on
        got: list[int] = []
        placed = False
        for opened, then, key in others:
            if not placed and when < opened:
                placed = True
                if free is None or when >= free:
                    got.append(-1)
                    free = add(when)
            if free is None or opened >= free:
                got.append(key)
                free = then
        if not placed and (free is None or when >= free):
            got.append(-1)
        if answer is None:
            answer = got
        elif got != answer:
            return None
    if answer is None:
        return None
    chosen = set(answer)
    kept = [m for m in meetings if (id(m) in chosen if m is not loose else -1 in chosen)]
    kept.sort(key=Meeting.sort_key)
    return kept


def _gap_ends_after(add: Callable[[date], date], opened: date, a: int, b: int) -> int:
    """The first day (an ordinal in ``[a, b)``; ``b`` where none) whose gap ends after
    ``opened``: ``add`` is monotone, so found by bisection."""
    while a < b:
        mid = (a + b) // 2
        if add(date.fromordinal(mid)) > opened:
            b = mid
        else:
            a = mid + 1
    return a


def gap_readings(meetings: list[Meeting], loose: Meeting, gap: Duration, prior: date | None, first: date, last: date) -> list[tuple[date, date, int]]:
    """How many of ``meetings`` (all dated to the day but ``loose``) ``min_gap`` counts on
    each day ``loose`` may have opened on in ``[first, last]``: runs of days with one count,
    ``(from, to, count)``, in order. A window left ``uncertain`` by ``loose`` says from them
    which days meet it and which leave it short (session 21: it said only that a loosely
    dated meeting could decide it, not on which days)."""
    firm = sorted(m.start.earliest for m in meetings if m is not loose)
    add = gap.add_to
    lo, hi = max(first, loose.start.earliest), min(last, loose.start.latest)
    if lo > hi:
        return []
    # The count changes only on a day where a comparison of the chain below turns (as in
    # _every_reading): the loose day passes a firm one, reaches the gap after one, or its own
    # gap passes one; counted on those days, it holds until the next.
    turns = {lo}
    for opened in firm:
        turns.update((opened, add(opened)))
        a = _gap_ends_after(add, opened, lo.toordinal(), hi.toordinal() + 1)
        if a <= hi.toordinal():
            turns.add(date.fromordinal(a))
    if prior is not None:
        turns.add(add(prior))
    days = sorted(d for d in turns if lo <= d <= hi)
    runs: list[tuple[date, date, int]] = []
    for k, day in enumerate(days):
        free = None if prior is None else add(prior)  # the first day the next counted meeting may open on
        n = 0
        placed = False
        for opened in firm:
            if not placed and day < opened:
                placed = True
                if free is None or day >= free:
                    n, free = n + 1, add(day)
            if free is None or opened >= free:
                n, free = n + 1, add(opened)
        if not placed and (free is None or day >= free):
            n += 1
        to = days[k + 1] - timedelta(days=1) if k + 1 < len(days) else hi
        if runs and runs[-1][2] == n:
            runs[-1] = (runs[-1][0], to, n)
        else:
            runs.append((day, to, n))
    return runs
