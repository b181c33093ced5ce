"""The windows of a rule that share no day, in order (calendar periods: ``at_least``,
``at_most`` and grids without tolerance), judged in one walk over the body's meetings.

Such windows have nothing to share out (:mod:`assignment`): each counts the held counting
meetings of its own. Their meetings are found by a walk that moves forward with the windows,
not a search of the whole register per window, and the usual window (every meeting near it
lies inside, is held and counts, and there are enough) is decided in the walk itself: the
finding :func:`~planner.engine.judging.window_finding.plainly_judged` would give, without its
calls. Most such windows are decided without reading a meeting at all, from
:attr:`BodyMeetings.held` and ``opened_by`` and how many meetings open in them. Any other window is judged in
full, as :meth:`Judge.judge_rule` judges it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from datetime import date
from functools import partial
from itertools import accumulate
from operator import ne, not_
from typing import TYPE_CHECKING

from planner.core.dates import Precision
from planner.core.model import Kind, Meeting, Status
from planner.engine.expectations import NOT_COUNTING, BodyMeetings, Expectation, thin
from planner.engine.explain import not_counted, not_counted_words
from planner.engine.judging.findings import Finding, Verdict, with_more_words
from planner.engine.judging.finishing import finished
from planner.engine.judging.window_finding import (
    _at_most_words,
    _capped_words,
    _meeting_words,
    _met_words,
    window_finding,
)

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge, _RuleFacts

_HELD = Status.HELD
_DAY = Precision.DAY
_MET = Verdict.MET
_OPEN = Verdict.OPEN


def judge_in_order(judge: Judge, exps: Sequence[Expectation], bm: BodyMeetings) -> list[Finding] | None:
    """The findings of ``exps`` (one rule's windows), or ``None`` unless their windows
    (``window.start`` .. ``deadline``) follow one another without sharing a day, none is
    pending and none stands for several cases (the judge then shares the meetings out)."""
    last = None
    for e in exps:
        if e.pending or e.cases:
            return None
        start = e.window.start
        if last is not None and start <= last:
            return None
        last = e.deadline
    starts, reach, meetings, opened_by = bm.starts, bm.reach, bm.meetings, bm.opened_by
    overlapping = bm.overlapping
    today, closed = judge.today, judge.closed
    owner: dict[int, int] = {}
    out: list[Finding] = []
    append = out.append
    if not exps:
        return out
    body = exps[0].body  # (one body's windows: Judge.judge_rule)
    rule = facts = chain = None
    plain = False
    mid = hi = at = 0
    size = len(starts)
    odd: list[int] = []
    odd_kinds = None
    # how many of the first k meetings are dated more loosely than to the day (read from the
    # index, not from the meetings)
    counts = judge.period_counts.of(bm)
    loose = counts.loose
    for n, e in enumerate(exps):
        if e.rule is not rule:
            rule = e.rule
            facts = judge._facts(rule, e.body)
            plain, kinds, gap, days, words, source = facts.plain, facts.kinds, facts.gap, facts.gap_days, facts.words, rule.source
            chain, at = None, 0
            if plain and kinds is not odd_kinds:
                odd, odd_kinds = counts.odd(kinds), kinds
        assert facts is not None
        start, end = e.window.start, e.deadline
        # the meetings touching the window, as BodyMeetings.overlapping finds them (windows
        # only move forward: each search starts where the last one stopped)
        # (a window that begins where the last one's meetings stopped starts there: two
        # comparisons, not a search; and the meetings in one are few: searched for among the
        # next eight first)
        if (hi == size or start <= starts[hi]) and (not hi or starts[hi - 1] < start):
            mid = hi
        else:
            mid = bisect_left(starts, start, mid)
        top = mid + 8 if mid + 8 < size else size
        hi = bisect_right(starts, end, mid, top)
        if hi == top < size:
            hi = bisect_right(starts, end, top)
        if plain and odd[hi] == odd[mid] and loose[hi] == loose[mid] and not (mid and reach[mid - 1] >= start):
            # The commonest window, decided first: none that opened before runs into it, and
            # every meeting in it is held, counts and is dated to the day (or loosely within
            # it). Enough of them (kept whole by min_gap's chain, when it thins), or no more
            # than a ceiling, decide it as the usual window below is decided; else it goes on.
            count = hi - mid
            maximum = e.maximum
            if maximum is None:
                if count >= e.minimum:
                    if gap is not None:
                        if chain is None:
                            chain = judge.gap_chain(e)
                        at = bisect_left(chain, start, at)
                    if gap is None or chain[at : at + count] == starts[mid:hi]:
                        held = (meetings[mid],) if count == 1 else tuple(meetings[mid:hi])
                        append(Finding(body, _MET, words, source, e, partial(_met_words, e, held), held))
                        continue
            elif count <= maximum:
                held = (meetings[mid],) if count == 1 else tuple(meetings[mid:hi])
                running = today < end if closed else today <= end
                append(Finding(body, _OPEN if running else _MET, words, source, e, partial(_capped_words, e, count, held, ""), held))
                continue
        reached = mid and reach[mid - 1] >= start  # a meeting that opened before it runs into it
        near = None
        # The usual window: every meeting that may open in it opens in it (dated to the day,
        # or loosely within it), is held and counts, and none that opened before may have
        # opened in it unless held and only counting too (the loop below would keep the first
        # ones, leave out the others and note none). Its count decides it, or min_gap's chain
        # when that kept them all.
        if plain and odd[hi] == odd[mid] and (loose[hi] == loose[mid] or max(opened_by[mid:hi]) <= end):
            if reached:
                near = overlapping(start, end)
                usual = not _may_open_in(near[: len(near) - (hi - mid)], start, kinds, e.maximum)
            else:
                usual = True
            if usual:
                count = hi - mid
                maximum = e.maximum
                if maximum is not None:
                    if count <= maximum:
                        held = (meetings[mid],) if count == 1 else tuple(meetings[mid:hi])
                        running = today < end if closed else today <= end
                        append(Finding(body, _OPEN if running else _MET, words, source, e, partial(_capped_words, e, count, held, ""), held))
                        continue
                elif count >= e.minimum:
                    if gap is not None:
                        # min_gap thins nothing when its chain (each counted meeting at least
                        # the gap after the one before) holds every one of them
                        if chain is None:
                            chain = judge.gap_chain(e)
                        at = bisect_left(chain, start, at)
                        # (it holds only meetings dated to the day)
                        met = loose[hi] == loose[mid] and chain[at : at + count] == starts[mid:hi]
                    else:
                        met = True
                    if met:
                        held = (meetings[mid],) if count == 1 else tuple(meetings[mid:hi])
                        append(Finding(body, _MET, words, source, e, partial(_met_words, e, held), held))
                        continue
                # too few (or too many, or thinned): worked out in full, nothing to note
                if near is None and maximum is None and (gap is None or loose[hi] == loose[mid]):
                    # every meeting near it lies inside, is held, counts, and is dated to the day
                    # where min_gap thins them: judged without sorting them out again
                    finding = _judged_inside(judge, e, meetings[mid:hi], owner, n, facts)
                else:
                    finding = judge.judge_window(e, None, owner, n, near if near is not None else meetings[mid:hi], facts)
                if finding.late_meeting is not None:
                    owner[id(finding.late_meeting)] = n
                append(finding)
                continue
        if near is None:
            near = overlapping(start, end) if reached else meetings[mid:hi]
        if plain:
            # plainly_judged, written out: every meeting inside the window is held and
            # counts; one not inside may not begin in it unless it is held and could only
            # have counted too (a ceiling counts it as possible, as Judge._judge_one does:
            # within the ceiling with it, the window is decided here, else in full)
            maximum = e.maximum
            inside = near
            possible = 0
            noted = False  # a meeting inside it that does not count (another kind, called off)
            for i, m in enumerate(near):
                when = m.start
                if start <= when.earliest and when.latest <= end:
                    if m.status is not _HELD or m.kind not in kinds:
                        if m.kind in kinds and m.status not in NOT_COUNTING:
                            break  # planned: the finding names it (worked out in full)
                        noted = True
                        if inside is near:
                            inside = near[:i]
                        continue
                    if inside is not near:
                        inside.append(m)
                    continue
                if when.latest >= start and when.earliest <= end and m.kind in kinds and m.status not in NOT_COUNTING:
                    if m.status is not _HELD:
                        break  # planned: the finding names it (worked out in full)
                    if maximum is not None and (not owner or owner.get(id(m), n) == n):
                        possible += 1
                if inside is near:
                    inside = near[:i]
            else:
                finding = None
                if maximum is not None:
                    if len(inside) + possible <= maximum:
                        running = today < end if closed else today <= end
                        finding = Finding(body, _OPEN if running else _MET, words, source, e, partial(_at_most_words, e, inside), tuple(inside))
                elif len(inside) >= e.minimum:
                    if gap is None:
                        finding = Finding(body, _MET, words, source, e, partial(_met_words, e, inside), tuple(inside))
                    else:
                        # min_gap thins nothing when each is dated to the day and keeps the gap
                        # from the one counted before it (min_gap.counted_before)
                        if chain is None:
                            chain = judge.gap_chain(e)
                        at = bisect_left(chain, start, at)
                        before = chain[at - 1] if at else None
                        for m in inside:
                            when = m.start
                            if when.precision is not _DAY or (before is not None and when.earliest < (before + days if days is not None else gap.add_to(before))):
                                break
                            before = when.earliest
                        else:
                            finding = Finding(body, _MET, words, source, e, partial(_met_words, e, inside), tuple(inside))
                if finding is not None:
                    if noted:  # as Judge._judge_one names them
                        found = not_counted(e, near, owner, n, finding.counted)
                        if found:
                            finding = with_more_words(finding, partial(not_counted_words, found, body, _meeting_words))
                    append(finding)
                    continue
        finding = judge.judge_window(e, None, owner, n, near, facts)
        if finding.late_meeting is not None:
            owner[id(finding.late_meeting)] = n
        append(finding)
    return out


def _judged_inside(judge: Judge, e: Expectation, near: list[Meeting], owner: dict[int, int], me: int, facts: _RuleFacts) -> Finding:
    """What :meth:`Judge.judge_window` finds for a window of a plain rule whose meetings
    ``near`` all lie inside it, are held and count (and are dated to the day when ``min_gap``
    thins them), without sorting them out one by one (``Judge._judge_one``): they are its
    held meetings, none is in doubt, planned or unconfirmed."""
    held, possible = near, []
    if held and facts.thins:  # (min_gap only: a plain rule counts sessions; none is in doubt, dated to the day)
        held, possible = thin(held, e, (), judge._counted_before(e))
    finding = window_finding(judge, e, held, possible, [], [], owner, me, facts.words)
    if len(near) > len(held) or finding.late_meeting is not None:
        found = not_counted(e, near, owner, me, finding.counted)
        if found:
            finding = with_more_words(finding, partial(not_counted_words, found, e.body, _meeting_words))
    return finished(judge, e, finding, facts)


class PeriodCounts:
    """Prefix counts of one body's meetings that the walk reads for every window, made once
    per body (not once per rule) and kept only while that body is judged (a check judges one
    body at a time, on a register that does not change)."""

    def __init__(self) -> None:
        self.bm: BodyMeetings | None = None
        self.loose: list[int] = []
        self._odd: dict[tuple[Kind, ...], list[int]] = {}

    def of(self, bm: BodyMeetings) -> PeriodCounts:
        if bm is not self.bm:
            self.bm = bm
            # how many of the first k meetings (k = 0 .. len) are dated more loosely than
            # to the day (read from the index, not from the meetings)
            self.loose = list(accumulate(map(ne, bm.starts, bm.opened_by), initial=0))
            self._odd = {}
        return self

    def odd(self, kinds: tuple[Kind, ...]) -> list[int]:
        """How many of the first k meetings a window of a rule counting ``kinds`` cannot
        take as they are (:attr:`BodyMeetings.held`): not held, or of a kind the rule does
        not count. A run of meetings with none of them (the same count at both ends), each
        inside the window, decides it by how many it holds."""
        found = self._odd.get(kinds)
        if found is None:
            assert self.bm is not None
            found = self._odd[kinds] = list(accumulate(map(not_, map(kinds.__contains__, self.bm.held)), initial=0))  # in C
        return found


def _may_open_in(before: list[Meeting], start: date, kinds: Collection[Kind], maximum: int | None) -> bool:
    """Whether one of ``before`` (meetings that opened before a window and run into it) may
    have opened in the window and would count there unless held (a ceiling sees it, held or
    not): the window is then worked out in full."""
    for m in before:
        if m.start.latest >= start and m.kind in kinds and m.status not in NOT_COUNTING and (m.status is not _HELD or maximum is not None):
            return True
    return False
