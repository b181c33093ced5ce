"""Where a rule's periods start from a day the data does not give, a violation is ``uncertain``.

Two such starts (sixth audit, ``tests/semantics/test_semantics_audit6.py``):

* a founding known only to the year or month (``established = 2010``): a calendar period is
  due only if the body existed on its first day (founded on 2010-03-01, the first half of 2010
  is no whole period of its life, as for an exact ``established``);
* a grid with no ``anchor`` starts from the first counting meeting: dated only to the year
  (``every 6m`` from ``2019``), it does not fix which months are due.

Judged as if the earliest day were the one, such windows were ``missed`` or ``late`` on a
reading the register does not give.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from operator import attrgetter

from planner.core.dates import Grain
from planner.core.meeting import given_start
from planner.core.model import EveryRule, Meeting, Status
from planner.engine.expectations import CHAINING, BodyMeetings, Expectation, counts, effective_start
from planner.engine.judging.findings import VIOLATIONS, Finding, Verdict, with_more_words
from planner.engine.judging.finishing import shared
from planner.engine.judging.window_finding import _meeting_words

_CALENDAR_KINDS = frozenset({"at_least", "at_most", "on"})
_SHORT = VIOLATIONS | {Verdict.ADVISORY}
_DECIDED = frozenset({Verdict.MET, Verdict.EXCESS})
_WINDOW_START = attrgetter("window.start")
# enum members read once (in Python 3.11 a member read from its class costs ~0.3 us)
_HELD, _PLANNED = Status.HELD, Status.PLANNED
_MET, _EXCESS, _LATE, _OFF_DATE, _UNCERTAIN = Verdict.MET, Verdict.EXCESS, Verdict.LATE, Verdict.OFF_DATE, Verdict.UNCERTAIN


def loose_starts(exps: Sequence[Expectation], bm: BodyMeetings, out: list[Finding], today: date, closed: bool = False) -> list[Finding]:
    """``out``, the findings of one rule's windows ``exps``, with the shortfalls that depend on
    a loosely dated start made ``uncertain``. ``closed``: judged as at the close of ``today``
    (``--to`` in the past), when nothing after it exists."""
    founded = exps[0].body.established
    if founded is not None and not founded.exact and exps[0].window.start < founded.latest:
        # founded by its first held meeting at the latest, whatever the rule book's date says
        # (only meetings opening before the founding's last day can bring it earlier: the
        # register is in order of first days, so the search stops at the first one after)
        by = founded.latest
        for m in bm.meetings:
            if m.start.earliest >= by:
                break
            if m.status is _HELD and m.start.earliest <= today:
                by = min(by, m.start.latest)
        if exps[0].window.start < by:
            # the windows are in order (Judge.judge_rule): only those that begin before ``by``
            upto = bisect_left(exps, by, key=_WINDOW_START)
            out = [_founding(f, by) for f in out[:upto]] + out[upto:]
    # a held meeting known only to a month or year that goes on past today may not have
    # opened yet: a running window it alone makes met (or excess) is not yet decided, and a
    # closed one it alone answers late may still be waiting for it
    straddling = [m for m in bm.overlapping(today, today) if m.status is _HELD and m.start.earliest <= today < m.start.latest]
    if straddling:
        # only a finding that holds one of them (counted, or late) can change (_not_yet)
        ids = set(map(id, straddling))
        answered = {id(m): f.expectation.label for f in out if f.expectation is not None for m in f.counted if id(m) in ids}
        out = [
            _not_yet(f, straddling, today, closed)
            if id(f.late_meeting) in ids or not ids.isdisjoint(map(id, f.counted))
            else _after_not_yet(f, straddling, answered, today)
            if closed and f.expectation is not None and f.expectation.pending and not ids.isdisjoint(map(id, f.expectation.origins))
            else f
            for f in out
        ]
    rule = exps[0].rule
    if rule.kind == "at_least":
        out = shared(out, today)
        if rule.since is None and founded is None:
            # no since and no founding: the rule starts with the first counting meeting
            # (README, "Start"); a plan whose dates passed unconfirmed starts it only if held
            counting = [m for m in bm.meetings if counts(rule, m) and m.status in CHAINING]
            if counting and counting[0].status is _PLANNED and counting[0].latest < today:
                out = _unconfirmed_start(out, counting, today)
    if isinstance(rule, EveryRule) and rule.mode == "rolling" and founded is not None and not founded.exact:
        out = _loose_founding_chain(exps, bm, out, today, closed)
    grid_from_founding = isinstance(rule, EveryRule) and rule.mode == "grid" and rule.anchor is None and founded is not None and not founded.exact
    if grid_from_founding and not any(counts(rule, m) and m.status in CHAINING for m in bm.meetings):  # (no meeting to anchor it)
        out = _loose_founding_grid(exps, out, today, closed)
    if isinstance(rule, EveryRule) and rule.mode == "grid" and rule.anchor is None:
        first = next((m for m in bm.meetings if counts(rule, m)), None)
        grain = rule.interval.grain
        if first is not None and grain.index(first.start.earliest) != grain.index(first.start.latest):
            out = [_loose_anchor(f, first) for f in out]
        elif first is not None and first.status is _PLANNED and first.latest < today:
            out = _unconfirmed_anchor(out, [m for m in bm.meetings if counts(rule, m)], rule, today)
    return out


def _loose_founding_chain(exps: Sequence[Expectation], bm: BodyMeetings, out: list[Finding], today: date, closed: bool) -> list[Finding]:
    """A rolling chain that counts from a founding known only to the year or month
    (``every 6m``, ``established = 2020``): its first windows, before the body's first
    counting meeting, are due in periods the founding's day decides. Judged from the
    earliest reading (founded 2020-01-01: due 2020-07, 2021-01, ...), a shortfall is a
    violation only where the same window of the chain (the first, the second, ...) was one
    on the latest reading too (founded 2020-12-31: due 2021-06, 2021-12, ...); else it is
    ``uncertain``, never more certain than the data."""
    rule, early, late = _founding_days(exps)
    founded, grain = exps[0].body.established, exps[0].grain
    if any(e.rule is not rule or e.grain is not grain for e in exps) or grain.index(early) == grain.index(late):
        return out
    shift = grain.index(late) - grain.index(early)
    first = next((m for m in bm.meetings if m.status is _HELD and counts(rule, m) and m.start.earliest <= today), None)
    answered = first.start.earliest if first is not None else None
    amended = []
    for f in out:
        e = f.expectation
        if e is None or e.pending or e.origins or f.verdict not in _SHORT or (answered is not None and e.window.start > answered):
            amended.append(f)
            continue
        # the same window of the chain on the latest reading: its periods later by ``shift``
        deadline = grain.window(e.period + shift).end
        if rule.tolerance:
            deadline = max(deadline, rule.tolerance.add_to(deadline))
        passed = deadline < today if not closed else deadline <= today
        if passed and (answered is None or answered > deadline):
            amended.append(with_more_words(f, lambda d=deadline: f" A violation on every reading of the founding, which the rule book dates only as {founded}: due by {d} had it been on {late}."))
            continue
        amended.append(_doubted(f, lambda f=f: f"the chain counts from the founding, {_dated(f)}: due {f.expectation.label} if the {f.body.label} was established {'on' if grain is Grain.DAY else 'in'} {grain.label(grain.index(early))}; established as late as {late}, this window of the chain was no violation."))  # type: ignore[union-attr]
    return amended


def _loose_founding_grid(exps: Sequence[Expectation], out: list[Finding], today: date, closed: bool) -> list[Finding]:
    """A grid with no ``anchor`` and no meeting to anchor it takes its phase from the founding:
    known only to the year or month (``every 6m``, ``established = 2020``), each founding day
    makes other months due (founded 2020-03-15: 2020-09, 2021-03, ...; on 2020-12-01: 2020-12,
    2021-06, ...). The windows judged (those of the founding's first day) are violations only
    as many as every reading has: the rest ``uncertain``."""
    rule, early, late = _founding_days(exps)
    founded, grain, step = exps[0].body.established, exps[0].grain, rule.interval.periods
    if any(e.grain is not grain for e in exps) or grain.index(early) == grain.index(late):
        return out
    fewest = None  # the fewest windows closed by today on any reading of the founding day
    for p in range(grain.index(early), grain.index(late) + 1):
        first_day = grain.window(p).start
        for f in (first_day, first_day + timedelta(days=1)):
            if not early <= f <= late:
                continue
            q = p if f == first_day else p + step  # its phase's first whole period
            closed_windows = 0
            while True:
                end = grain.window(q).end
                end = max(end, rule.tolerance.add_to(end)) if rule.tolerance else end
                if not (end <= today if closed else end < today):
                    break
                closed_windows += 1
                q += step
            fewest = closed_windows if fewest is None else min(fewest, closed_windows)
    amended, seen = [], 0
    for f in out:
        e = f.expectation
        if e is None or e.pending or f.verdict not in _SHORT:
            amended.append(f)
            continue
        seen += 1
        if fewest is not None and seen <= fewest:
            amended.append(with_more_words(f, lambda n=fewest: f" A violation on every reading of the founding, which the rule book dates only as {founded}: whatever its day, {n} window{'s' if n > 1 else ''} of the grid closed with nothing by {today}."))
            continue
        amended.append(_doubted(f, lambda f=f: f"with no anchor and no meeting, the grid takes its phase from the founding, {_dated(f)}: {f.expectation.label} is due only if the {f.body.label} was established in {grain.label(grain.index(early))}, and other founding days make other periods due."))  # type: ignore[union-attr]
    return amended


def _founding_days(exps: Sequence[Expectation]) -> tuple[EveryRule, date, date]:
    """The rule of ``exps`` and the first and last day its chain or grid may count from: the
    founding's first and last day the rule book's date allows (not before ``since``)."""
    rule, founded = exps[0].rule, exps[0].body.established
    assert isinstance(rule, EveryRule) and founded is not None
    since = rule.since or date.min
    return rule, max(since, founded.earliest), max(since, founded.latest)


def _dated(f: Finding) -> str:
    founded = f.body.established
    return f"which the rule book dates only as {founded} ({founded.earliest} to {founded.latest})"  # type: ignore[union-attr]


def _doubted(f: Finding, words: Callable[[], str]) -> Finding:
    """``f``, a shortfall only on some readings of the founding: ``uncertain``, saying why."""
    f.delay = ""
    return with_more_words(f, lambda: f" Uncertain: {words()}", verdict=Verdict.UNCERTAIN)


def _after_not_yet(finding: Finding, straddling: list[Meeting], answered: dict[int, str], today: date) -> Finding:
    """What is due next after a meeting that may have opened after ``today`` (``--to``
    inside the month or year the register gives it): due on the reading that it opened by
    then; on the other, nothing after ``today`` exists, and what is still due is the window
    that meeting would have answered (whose own finding says so)."""
    e = finding.expectation
    assert e is not None
    maybe = [m for m in e.origins if any(m is s for s in straddling)]
    names = ", ".join(_meeting_words(m, finding.body) for m in maybe)
    windows = sorted({answered[id(m)] for m in maybe if id(m) in answered})
    instead = f"{' and '.join(windows)} is still due instead" if windows else f"it is not due after {'it' if len(maybe) == 1 else 'them'}"
    return with_more_words(
        finding,
        lambda: f" Due so only if {names} opened by {today} (the register gives only {', '.join(map(given_start, maybe))}); if it opened later, nothing after {today} exists, and {instead}.",
    )


def _not_yet(finding: Finding, straddling: list[Meeting], today: date, closed: bool = False) -> Finding:
    """``met`` or ``excess`` only with a meeting that may open after ``today``, or ``late``
    only by one: ``uncertain``."""
    e = finding.expectation
    if e is None:
        return finding
    late = finding.late_meeting
    if finding.verdict is _LATE and late is not None and any(late is s for s in straddling):
        if late.start.earliest > max(e.deadline, getattr(e, "latest_deadline", None) or e.deadline):
            # closed before any day it may open on: late if it opened by today, missed (as of
            # today) if it opens later; a violation every reading shares is that violation
            return with_more_words(
                finding,
                lambda: f" A violation either way: late if {_meeting_words(late, finding.body)} opened {late.start.earliest}..{today}; the register gives only {given_start(late)}, and if it opens later, nothing held has answered the window by {today}: missed.",
            )
        # late if it opened by today; if it opens later, nothing has answered the window yet
        finding.delay = ""
        return with_more_words(
            finding,
            lambda: f" Uncertain: {_meeting_words(late, finding.body)} may not have opened by {today} (the register gives only {given_start(late)}): late if it opened {late.start.earliest}..{today}; if it opens later, nothing held has answered the window by {today}.",
            verdict=Verdict.UNCERTAIN,
        )
    if finding.verdict is _OFF_DATE and finding.counted and all(any(m is s for s in straddling) for m in finding.counted):
        if e.deadline < min(m.start.earliest for m in finding.counted):
            # the day passed before any of them may have opened: held off the date if one
            # opened by today, missed (the day passed, nothing held on it) if they open later
            names = ", ".join(_meeting_words(m, finding.body) for m in finding.counted)
            return with_more_words(
                finding,
                lambda: f" A violation either way: off the date if {names} opened by {today}; the register gives only {', '.join(map(given_start, finding.counted))}, and if it opens later, nothing was held on the date: missed.",
            )
        # held on another day only if it opened by today; else nothing held that year yet
        names = ", ".join(_meeting_words(m, finding.body) for m in finding.counted)
        return with_more_words(
            finding,
            lambda: f" Uncertain: {names} may not have opened by {today} (the register gives only {', '.join(map(given_start, finding.counted))}): off the date if it opened by then; if it opens later, nothing was held on or off the date by {today}.",
            verdict=Verdict.UNCERTAIN,
        )
    if finding.verdict not in _DECIDED:
        return finding
    maybe = [m for m in finding.counted if any(m is s for s in straddling)]
    if not maybe:
        return finding
    left = len(finding.counted) - len(maybe)
    if finding.verdict is _MET and left >= e.minimum or finding.verdict is _EXCESS and e.maximum is not None and left > e.maximum:
        return finding
    names = ", ".join(f"{_meeting_words(m, finding.body)}" for m in maybe)
    other = ""
    if finding.verdict is _MET and (today < e.deadline if closed else today <= e.deadline):
        # the window still runs: on the reading that it opens later, what is still due
        due = e.minimum - left
        it = "it" if len(maybe) == 1 else "they"
        then = f"nothing after {today} exists, and {due} still due by {e.deadline}" if closed else f"{it} {'is' if len(maybe) == 1 else 'are'} scheduled, and {due} still due by {e.deadline}"
        other = f": met if {it} opened by then; if {it} {'opened' if closed else 'open' + ('s' if len(maybe) == 1 else '')} later, {then}"
    return with_more_words(
        finding,
        lambda: f" Uncertain: {names} may not have opened by {today} (the register gives only {', '.join(map(given_start, maybe))}){other}.",
        verdict=Verdict.UNCERTAIN,
    )


def _founding(finding: Finding, by: date) -> Finding:
    """A calendar window that begins before ``by``, the last day the body may have been
    founded on: due only if it was founded by the window's first day."""
    e = finding.expectation
    founded = finding.body.established
    if e is None or founded is None or e.pending or e.rule.kind not in _CALENDAR_KINDS or e.window.start >= by or finding.verdict not in _SHORT:
        return finding
    if e.maximum is not None:
        return finding  # a ceiling is broken by what was held, whenever the body was founded
    finding.delay = ""
    return with_more_words(
        finding,
        lambda: f" Uncertain: due only if the {finding.body.label} was established by {e.window.start}; the rule book dates its founding only as {founded} ({founded.earliest} to {founded.latest}).",
        verdict=Verdict.UNCERTAIN,
    )


def _unconfirmed_start(out: list[Finding], counting: list[Meeting], today: date) -> list[Finding]:
    """The shortfalls of a rule that starts with the body's first counting meeting, a plan
    whose dates passed unconfirmed (no binding origin, DESIGN): a period before the first
    meeting that was held (or is still to come) is due only if the plan was held."""
    first = counting[0]
    later = next((m for m in counting if m.status is not _PLANNED or m.latest >= today), None)
    amended = []
    for f in out:
        e = f.expectation
        if e is None or f.verdict not in _SHORT or e.pending or later is not None and e.window.end >= later.start.earliest:
            amended.append(f)
            continue
        f.delay = ""
        other = f"it starts with {_meeting_words(later, f.body)}" if later is not None else "no meeting was held to start it"
        amended.append(
            with_more_words(
                f,
                lambda f=f, other=other: f" Uncertain: with no `since` and no founding date, the rule starts with the first meeting, {_meeting_words(first, f.body)}, planned but not confirmed held; if it was not held, {other}, and {f.expectation.label} is not due.",  # type: ignore[union-attr]
                verdict=Verdict.UNCERTAIN,
            )
        )
    return amended


def _unconfirmed_anchor(out: list[Finding], counting: list[Meeting], rule: EveryRule, today: date) -> list[Finding]:
    """The violations of a grid with no ``anchor`` whose first counting meeting is a plan whose
    dates passed unconfirmed: it is no binding origin (DESIGN), and if it was not held the grid
    starts from the next meeting that was (or from a later unconfirmed plan, if that one was):
    a period not due on every such reading is ``uncertain``, as a rolling chain's window after
    an unconfirmed meeting is."""
    grain, step = rule.interval.grain, rule.interval.periods
    unconfirmed = []
    for m in counting:
        if m.status is not _PLANNED or m.latest >= today:
            break
        unconfirmed.append(m)
    # the other readings' first periods: each later unconfirmed plan's, then the first confirmed meeting's
    later = counting[len(unconfirmed) : len(unconfirmed) + 1]
    starts = [(m, grain.index(m.start.earliest)) for m in [*unconfirmed[1:], *later]]
    first = unconfirmed[0]

    # (a grid from a rule's start or founding runs back to it in each reading's phase)
    begun = effective_start(out[0].body, rule) if out else None

    def due_anyway(period: int) -> bool:
        return bool(later) and all(period >= (grain.index(begun) if begun else q) and (period - q) % step == 0 for _, q in starts)

    amended = []
    for f in out:
        e = f.expectation
        if e is None or f.verdict not in _SHORT or e.pending or due_anyway(e.period):
            amended.append(f)
            continue
        f.delay = ""
        other = f"the grid starts from {_meeting_words(later[0], f.body)}" if later else "no meeting was held to start the grid"
        amended.append(
            with_more_words(
                f,
                lambda f=f, other=other: f" Uncertain: the grid starts from the first meeting, {_meeting_words(first, f.body)}, planned but not confirmed held; if it was not held, {other}, and {f.expectation.label} is not due.",  # type: ignore[union-attr]
                verdict=Verdict.UNCERTAIN,
            )
        )
    return amended


def _loose_anchor(finding: Finding, first: Meeting) -> Finding:
    """A violation on a grid whose periods depend on the day of its first meeting."""
    if finding.verdict not in _SHORT:
        return finding
    finding.delay = ""
    return with_more_words(
        finding,
        lambda: f" Uncertain: the grid starts from the first meeting, {_meeting_words(first, finding.body)}, which the register dates only as {first.start}; other periods are due if it was held on another day.",
        verdict=Verdict.UNCERTAIN,
    )
