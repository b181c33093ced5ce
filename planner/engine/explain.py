"""What a finding owes its reader besides the verdict: the meetings it saw but did not count.

Issue 9 §4: every finding's why names the body's meetings inside the window that did not count,
and the reason (a kind the rule does not count, called off, counted by another window of the
rule). Planned meetings are named by the finding itself (scheduled or unconfirmed); meetings
after ``--to`` do not exist for the check at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache

from planner.core.dates import Duration
from planner.core.meeting import given_start
from planner.core.model import AtLeastRule, Body, Kind, Meeting, Rule, Status
from planner.engine.calendar_rules import events
from planner.engine.expectations import Expectation
from planner.engine.rule_words import ordinal_words


def not_counted(e: Expectation, near: list[Meeting], owner: dict[int, int], me: int, counted: tuple[Meeting, ...], before: Sequence[Meeting] = ()) -> list[tuple[Meeting, str]]:
    """The meetings of ``near`` inside ``e``'s window that the finding did not count, each
    with the reason; decided now (``owner`` changes as later windows claim meetings), worded
    by :func:`not_counted_words` when the finding's why is read. ``before``: sessions running
    into the window that opened before it (``count_by = "event"``): a session of an event one
    of them opened counts there, and is named so."""
    used: set[int] | None = None
    heads: dict[int, Meeting] | None = None  # each meeting's event's first session (count_by = "event")
    rule = e.rule
    kinds = rule.counts
    min_gap = rule.min_gap if isinstance(rule, AtLeastRule) else None  # getattr on a pydantic model that lacks it is slow
    notes = []
    start, end = e.window.start, e.deadline
    for m in near:
        when = m.start
        if not (start <= when.earliest and when.latest <= end):  # inside the window
            continue
        if used is None:
            used = {id(c) for c in counted}
        if id(m) in used:
            continue
        status = m.status
        if status in _CALLED_OFF:
            reason = status.value
        elif m.kind not in kinds:
            reason = _kind_reason(m.kind, kinds)
        elif status is _HELD and owner.get(id(m), me) != me:
            # a loosely dated one may only perhaps serve the other window (assignment.py)
            reason = "counted for another window of this rule" if m.start.exact else f"left to another window of this rule, which it may serve: the register gives only {given_start(m)}"
        elif status is _HELD and min_gap is not None and rule.count_by != "event":
            reason = _gap_reason(min_gap)  # thinned out by min_gap
        elif status is _HELD and min_gap is not None:
            # by event: an event's later sessions are named by the "Merged:" words when its
            # first one counted; an event whose first session min_gap left out is named here
            # (it was named nowhere: audit 14)
            if heads is None:
                heads = {id(s): g[0] for g in events(x for x in near if x.status is _HELD and x.kind in kinds) for s in g}
            head = heads[id(m)]
            if id(head) in used:
                continue
            reason = _gap_reason(min_gap) if head is m else f"held together with {given_start(head)}, one event, {_gap_reason(min_gap)}"
        elif status is _HELD and before and rule.count_by == "event":
            # a session of an event that opened before the window (the 41st Board on
            # 2022-01-01, the day after the 40th of 2021-12-31): counted once, where it opened
            if heads is None:
                heads = {id(s): g[0] for g in events(x for x in (*before, *near) if x.status is _HELD and x.kind in kinds) for s in g}
            head = heads.get(id(m), m)
            if head is m or head.start.earliest >= start:
                continue
            reason = f"held together with {ordinal_words(head, e.body)}: one event, counted where it opened"
        else:
            continue
        notes.append((m, reason))
    return notes


_CALLED_OFF = (Status.CANCELLED, Status.POSTPONED)
_HELD = Status.HELD


@cache
def _kind_reason(kind: Kind, kinds: tuple[Kind, ...]) -> str:
    """Why a meeting of ``kind`` does not count toward a rule counting ``kinds`` (worded once)."""
    return f"{kind.value}: this rule counts {' and '.join(k.value for k in kinds)} meetings"


@cache
def _gap_reason(min_gap: Duration) -> str:
    """Why a meeting thinned out by ``min_gap`` does not count (worded once per gap)."""
    return f"less than {min_gap.words()} after a counted meeting: meetings closer than that count once"


def uncounted_reason(rule: Rule, m: Meeting) -> str | None:
    """Why ``m`` does not count toward ``rule`` though it lies in one of its windows: called
    off, or a kind the rule does not count; ``None`` when it could count, or is a plan (which a
    finding names as scheduled or unconfirmed). A format the rule does not count is named by
    the rule language's own words ("Not counted: online: ...")."""
    status = m.status
    if status in _CALLED_OFF:
        return status.value
    if status is not _HELD or m.kind in rule.counts:
        return None
    return _kind_reason(m.kind, rule.counts)


def not_counted_words(notes: list[tuple[Meeting, str]], body: Body, words: Callable[[Meeting, Body], str]) -> str:
    """`` Not counted: ...`` for what :func:`not_counted` found; empty when it found nothing."""
    return f" Not counted: {'; '.join(f'{words(m, body)} ({reason})' for m, reason in notes)}." if notes else ""


def unheld_words(unheld: Sequence[Meeting], body: Body, words: Callable[[Meeting, Body], str], otherwise: str = "met", within: tuple[date, date] | None = None) -> str:
    """Planned meetings whose dates passed unrecorded as held: the register does not say
    whether they were, so a verdict they would decide is ``uncertain`` (DESIGN: a verdict is
    never more certain than the data), and the why says what holding them would make it.
    ``within``: the window's days, where a plan known only to a month or year that may lie
    outside it decides it only on the days inside (a plan of `2021` against financial years
    from April: "met if it was held as planned, 2021-01-01..2021-03-31" for FY2020-21, not
    "met if it was held as planned" for both years it touches; session 19)."""
    one = len(unheld) == 1
    names = ", ".join(words(m, body) for m in unheld)
    where = ""
    if within is not None:
        start, end = within
        spread = [m for m in unheld if m.start.earliest < start or m.start.latest > end]
        where = ", ".join(f"{'' if one else words(m, body) + ' '}{max(start, m.start.earliest)}..{min(end, m.start.latest)} (the register gives only {given_start(m)})" for m in spread)
        where = f", {where}" if where else ""
    return f"; {names} {'was' if one else 'were'} {_foreseen(unheld)} but {'is' if one else 'are'} not recorded as held: {otherwise} if {'it was' if one else 'they were'} held as {_foreseen(unheld)}{where}."


def unconfirmed_words(unconfirmed: Sequence[Meeting], body: Body, words: Callable[[Meeting, Body], str]) -> str:
    """Planned (or projected) meetings whose dates passed unrecorded as held, named after a
    verdict they do not change: "; the 3rd Summit (2021-06) was planned but is not recorded
    as held (unconfirmed)"; empty when there are none."""
    if not unconfirmed:
        return ""
    one = len(unconfirmed) == 1
    names = ", ".join(words(m, body) for m in unconfirmed)
    return f"; {names} {'was' if one else 'were'} {_foreseen(unconfirmed)} but {'is' if one else 'are'} not recorded as held (unconfirmed)"


def _foreseen(meetings: Sequence[Meeting]) -> str:
    """How the register foresaw ``meetings``: "projected" when planner's own projection (read
    back as a register) is all it says of them, else "planned"."""
    return "projected" if all(m.status is Status.PROJECTED for m in meetings) else "planned"


def beside_before(e: Expectation, other: Body | None, meetings: Iterable[Meeting]) -> list[tuple[Meeting, str]]:
    """The body's counting meetings held just outside a ``before`` window that nothing met,
    each with how far from the other body's meeting it opened: up to ``offset`` more before
    the window (the 37th Executive Council, nine days before an MYCM that wanted it within
    seven), or from the day that meeting opened up to ``offset`` after it. The window holds
    none of them, yet a reader of "no counting meeting recorded" would think the body never
    met (audit 16). An origin known only to a month or year has no such distances: nothing."""
    origin = e.origin
    if origin is None or not origin.start.exact or e.cases:
        return []
    rule = e.rule
    day = origin.earliest
    span = rule.offset.delta()  # type: ignore[attr-defined]
    name = ordinal_words(origin, other) if other else rule.body  # type: ignore[attr-defined]
    notes = []
    for m in meetings:
        first = m.start.earliest
        if m.status is not _HELD or not m.start.exact or not e.counts(m):
            continue
        if day - span - span <= first < day - span:
            notes.append((m, f"{(day - first).days} days before {name}: more than {rule.offset.words()} before"))  # type: ignore[attr-defined]
        elif day <= first < day + span:
            after = (first - day).days
            when = "the day" if not after else f"{after} day{'s' if after != 1 else ''} after"
            notes.append((m, f"opened {when} {name} opened, not before it"))
    return notes


def beside_after(e: Expectation, meetings: Iterable[Meeting], counted: set[int]) -> list[tuple[Meeting, str]]:
    """The body's counting meetings held after an ``after`` window's origins but before the
    window opened, that no window of the rule counted: a Board a day early ("1 day before the
    window opened on 2021-01-01") was held, and "no counting meeting recorded" alone would
    read as if it had not been (session 19; :func:`beside_before` for ``before``). Origins
    or meetings known only to a month or year have no such distances: nothing."""
    if any(not o.start.exact for o in e.origins):
        return []
    first, opened = max(o.earliest for o in e.origins), e.window.start
    notes = []
    for m in meetings:
        day = m.start.earliest
        if m.status is not _HELD or not m.start.exact or not e.counts(m) or id(m) in counted or not first <= day < opened:
            continue
        early = (opened - day).days
        notes.append((m, f"{early} day{'s' if early != 1 else ''} before the window opened on {opened}"))
    return notes


def parts_words(e: Expectation, parts: list[tuple[Meeting, Meeting]], words: Callable[[Meeting, Body], str]) -> str:
    """`` Not counted: ...`` for the rows inside ``e``'s window that another row with their
    number stands for: a number on two rows is one meeting (a resumed session), counted once
    where its first held part opened (README, Semantics); empty when no such row is inside.
    A meeting none of whose rows is held is counted nowhere: it is planned where its first
    row is."""
    start, end, kinds, body = e.window.start, e.deadline, e.rule.counts, e.body
    notes = [f"{words(m, body)} (the same number as {words(first, body)}: one meeting, {'counted' if first.status is Status.HELD else 'planned'} there)" for m, first in parts if m.kind in kinds and start <= m.start.earliest and m.start.latest <= end]
    return f" Not counted: {'; '.join(notes)}." if notes else ""


def one_window_words(e: Expectation, certain: int, loose: Sequence[Meeting], words: Callable[[Meeting, Body], str]) -> str:
    """``; met if Board 2021 was held 2021-07-01..2021-12-31 (the register gives only 2021)``
    for the loosely dated meetings of a per-period window that may have opened in other
    periods too: the days on which each would count here, which is what the register does not
    say (README, Semantics); empty for other windows. ``certain``: the meetings the window
    counts for certain. Whether one of them is also the only hope of another window of the
    rule is said apart (:func:`shared_words`)."""
    # (a window due after or before another body's meetings has its days from them: said
    # where those are dated to the day; an origin dated loosely is worded where it is judged)
    if e.rule.kind not in ("at_least", "every", "after", "before") or any(not o.start.exact for o in e.origins):
        return ""
    start, end, body = e.window.start, e.deadline, e.body
    spread = [m for m in loose if m.start.earliest < start or m.start.latest > end]
    one = len(spread) == 1 and certain + 1 >= e.minimum  # that meeting alone decides it
    return "".join(f"; {'met' if one else 'counts here'} if {words(m, body)} was held {max(start, m.start.earliest)}..{min(end, m.start.latest)} (the register gives only {given_start(m)})" for m in spread)


def shared_words(m: Meeting, windows: Sequence[Expectation], words: Callable[[Meeting, Body], str]) -> str:
    """`` One meeting fills only one of 2021 H1 and 2021 H2: ...`` for a loosely dated meeting
    that two or more uncertain windows of one rule each count on: at most one of them is met
    by it, though the register does not say which (README, Semantics). ``windows``: those
    windows, in order, and not every period the meeting's days touch: a quarter already met
    by another meeting, or one before the rule began, does not count on it (session 19: "one
    of 2021 Q1 to 2021 Q4" was said of a rule in force from 2021-07-01)."""
    labels = [w.label for w in windows]
    periods = [w.period for w in windows]
    if len(labels) > 2 and periods == list(range(periods[0], periods[0] + len(periods))):
        named = f"{labels[0]} to {labels[-1]}"
    else:
        named = f"{', '.join(labels[:-1])} and {labels[-1]}"
    return f" One meeting fills only one of {named}: {words(m, windows[0].body)} cannot meet more than one of them, and the register does not say which."


def short_words(labels: Sequence[str], needs: Sequence[int], supply: int, named: str = "", readings: str = "every reading") -> str:
    """``at least one of 2021 H1 and 2021 H2 is short of its count on every reading; which
    one, the register does not say, so neither alone is a violation.`` (``labels``: the
    windows, ``named`` what to call them if not by them), for windows short of ``needs`` meetings that ``supply`` meetings of
    unknown days must share (one meeting, one window): filled from the smallest need up, as
    many as can be, the rest are short on every reading, so one year-only Board between four
    quarters leaves "at least 3 of" them short, not "at least one" (session 22)."""
    left, filled = supply, 0
    for need in sorted(needs):
        if need > left:
            break
        left, filled = left - need, filled + 1
    n = len(needs) - filled
    named = named or f"{', '.join(labels[:-1])} and {labels[-1]}"
    alone = "neither" if len(labels) == 2 else "none"
    if n == 1:
        return f"at least one of {named} is short of its count on {readings}; which one, the register does not say, so {alone} alone is a violation."
    return f"at least {n} of {named} are short of their count on {readings}; which, the register does not say, so {alone} alone is a violation."
