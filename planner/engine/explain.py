"""What a finding owes its reader besides the verdict: the meetings it saw but did not count.

Issue 9 §4: every finding's why names the body's meetings inside the window that did not count,
and the reason (a kind the rule does not count, called off, counted by another window of the
rule). Planned meetings are named by the finding itself (scheduled or unconfirmed); meetings
after ``--to`` do not exist for the check at all.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.core.model import Body, Meeting, Status
from planner.engine.expectations import Expectation
from planner.engine.judging.assignment import inside


def not_counted(e: Expectation, near: list[Meeting], owner: dict[int, int], me: int, counted: tuple[Meeting, ...], words: Callable[[Meeting, Body], str]) -> str:
    """`` Not counted: ...`` for the meetings of ``near`` inside ``e``'s window that the finding
    did not count, with the reason; empty when there are none."""
    used = {id(m) for m in counted}
    min_gap = getattr(e.rule, "min_gap", None)
    notes = []
    for m in near:
        if id(m) in used or not inside(m, e.window.start, e.deadline):
            continue
        if m.status in (Status.CANCELLED, Status.POSTPONED):
            reason = m.status.value
        elif m.kind not in e.rule.counts:
            reason = f"{m.kind.value}: this rule counts {' and '.join(k.value for k in e.rule.counts)} meetings"
        elif m.status is Status.HELD and owner.get(id(m), me) != me:
            reason = "counted for another window of this rule"
        elif m.status is Status.HELD and min_gap is not None and e.rule.count_by != "event":
            # thinned out by min_gap (merged events are named by their own "Merged:" words)
            reason = f"less than {min_gap.words()} after a counted meeting: meetings closer than that count once"
        else:
            continue
        notes.append(f"{words(m, e.body)} ({reason})")
    return f" Not counted: {'; '.join(notes)}." if notes else ""
