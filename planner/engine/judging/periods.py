"""The windows of a rule that share no day, in order (calendar periods: ``at_least``,
``at_most`` and grids without tolerance), judged in one walk over the body's meetings.

Such windows have nothing to share out (:mod:`assignment`): each counts the held counting
meetings of its own. Their meetings are found by a walk that moves forward with the windows,
not a search of the whole register per window, and the usual window (every meeting near it
lies inside, is held and counts, and there are enough) is decided in the walk itself: the
finding :func:`~planner.engine.judging.window_finding.plainly_judged` would give, without its
calls. Any other window is judged in full, as :meth:`Judge.judge_rule` judges it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from planner.core.dates import Precision
from planner.core.model import Status
from planner.engine.expectations import BodyMeetings, Expectation
from planner.engine.judging.findings import Finding, Verdict
from planner.engine.judging.window_finding import _met_words, plainly_judged

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge

_HELD = Status.HELD
_DAY = Precision.DAY
_MET = Verdict.MET


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
    starts, reach, meetings = bm.starts, bm.reach, bm.meetings
    overlapping = bm.overlapping
    owner: dict[int, int] = {}
    out: list[Finding] = []
    rule = facts = chain = None
    plain = False
    mid = at = 0
    for n, e in enumerate(exps):
        if e.rule is not rule:
            rule = e.rule
            facts = judge._facts(rule)
            plain, kinds, gap, days, words, source = facts.plain, facts.kinds, facts.gap, facts.gap_days, facts.words, rule.source
            chain, at = None, 0
        assert facts is not None
        start, end = e.window.start, e.deadline
        # the meetings touching the window, as BodyMeetings.overlapping finds them (windows
        # only move forward: each search starts where the last one stopped)
        mid = bisect_left(starts, start, mid)
        if mid and reach[mid - 1] >= start:
            near = overlapping(start, end)
            plain_near = False
        else:
            near = meetings[mid : bisect_right(starts, end, mid)]
            plain_near = plain and e.maximum is None
        if plain_near and len(near) >= e.minimum:
            # plainly_judged's first test, for meetings that all begin inside the window: each
            # lies inside, is held and counts
            for m in near:
                if m.start.latest > end or m.status is not _HELD or m.kind not in kinds:
                    met = False
                    break
            else:
                met = True
        else:
            met = False
        if met:
            if gap is None:
                out.append(Finding(e.body, _MET, words, source, e, partial(_met_words, e, near), tuple(near)))
                continue
            # min_gap thins nothing when each is dated to the day and keeps the gap from the
            # one counted before it (min_gap.counted_before)
            if chain is None:
                chain = judge.gap_chain(e)
            at = bisect_left(chain, start, at)
            before = chain[at - 1] if at else None
            for m in near:
                when = m.start
                if when.precision is not _DAY or (before is not None and when.earliest < (before + days if days is not None else gap.add_to(before))):
                    break
                before = when.earliest
            else:
                out.append(Finding(e.body, _MET, words, source, e, partial(_met_words, e, near), tuple(near)))
                continue
        if plain:
            finding = plainly_judged(judge, e, near, None, facts)
            if finding is not None:
                out.append(finding)
                continue
        finding = judge.judge_window(e, None, owner, n, near, facts)
        if finding.late_meeting is not None:
            owner[id(finding.late_meeting)] = n
        out.append(finding)
    return out

