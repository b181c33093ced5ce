"""A rolling chain through days the register is not known to hold whole.

After the Board of 2020-01-15 under "every 6 months", with the register complete to
2020-02-29 and from 2021-01-01, the chain's windows over 2020 are ``unknown``, and the chain
goes on from them at its nominal days (due 2020-07, 2021-01, 2021-07). A Board held
2021-09-01 is then late for 2021-07, 2 months: but that is one reading. A Board held
unrecorded in 2020-03..2020-12 moves every deadline after it, and the window 2021-09-01
answers late is due in 2021-03..2021-08 (1 to 6 months late). Late on every reading, so the
verdict stands; the delay and the words now say every reading, not the first one as if it
were the fact (README, "Never more certain than the data"), as a window after a loosely
dated origin is named (README, "A window due after a loosely dated origin ...").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial

from planner.core.dates import Grain
from planner.core.model import EveryRule, Meeting
from planner.engine.coverage import Coverage
from planner.engine.expectation import Expectation
from planner.engine.judging.findings import Finding, Verdict, with_more_words
from planner.engine.judging.window_finding import _meeting_words

_UNITS = {Grain.YEAR: "year", Grain.HALF: "half-year", Grain.QUARTER: "quarter", Grain.MONTH: "month", Grain.DAY: "day"}
_MAX_READINGS = 4000  # periods (or days) an unrecorded meeting may have opened in: read one by one


def _versions(e: Expectation) -> int:
    rule = e.rule
    identity = rule.id or f"kind {rule.kind}"
    return sum(1 for other in e.body.rules if (other.id or f"kind {other.kind}") == identity)


def late_readings(e: Expectation, late: Meeting, coverage: Coverage) -> tuple[int, int, str, str] | None:
    """Where ``e``, a rolling window chained on from ``e.origin`` through windows whose days
    the register is not known to hold whole, is answered late by ``late`` on every reading
    of the meetings the register may lack there: the least and most delay over the
    readings (in the rule's unit), the periods the answered window may be due in, and the
    coverage statement. ``None`` where there is nothing more to say, or a reading meets it."""
    rule, origin = e.rule, e.origin
    if not isinstance(rule, EveryRule) or rule.mode != "rolling" or rule.tolerance is not None or origin is None:
        return None
    if e.cases or e.pending or not origin.start.exact or not late.start.exact or _versions(e) > 1:
        return None
    grain, step = e.grain, rule.interval.periods
    if grain not in _UNITS:
        return None
    first, last = origin.start.earliest + timedelta(days=1), e.window.start - timedelta(days=1)
    statement = coverage.gap(first, last) if first <= last else ""
    if not statement:
        return None  # (the chain ran through days known complete: one reading)
    at = grain.index(late.start.earliest)
    start_period, end_period = grain.index(first), grain.index(last)
    if end_period - start_period > _MAX_READINGS:
        return None
    delays = {at - e.period}
    due: set[int] = {e.period}
    for p in range(start_period, end_period + 1):
        window = grain.window(p, e.year_start)
        if not coverage.gap(max(first, window.start), min(last, window.end)):
            continue  # (no meeting may be missing from this period)
        if p + step >= at:
            return None  # one held unrecorded then would make the late meeting on time
        d = p + step * ((at - 1 - p) // step)  # the last deadline before the late meeting
        delays.add(at - d)
        due.add(d)
    if len(delays) == 1:
        return None
    lo, hi = min(due), max(due)
    periods = grain.label(lo, e.year_start) if lo == hi else f"{grain.label(lo, e.year_start)}..{grain.label(hi, e.year_start)}"
    return min(delays), max(delays), periods, statement


def reword(why: str | Callable[[], str], old: str, new: str, more: str) -> str:
    """``why`` (a finding's, or the function that words it) with its delay ``old`` read as
    ``new``, then ``more``."""
    said = why if isinstance(why, str) else why()
    return said.replace(f": {old} late", f": {new} late", 1) + more


def chain_words(e: Expectation, late: Meeting, found: tuple[int, int, str, str], named: str) -> tuple[str, str]:
    """The delay of a late window read over every reading, and the words that say why."""
    lo, hi, periods, statement = found
    unit = _UNITS[e.grain]
    delay = f"{lo} to {hi} {unit}s"
    origin = e.origin
    assert origin is not None
    since = f"{e.body.label} {origin.start.earliest}"
    more = (
        f" Late on every reading: as {statement}, a counting meeting after {since} may have been"
        f" held unrecorded, and the windows after it would then be due from it: {named} answers a window"
        f" due {periods}, whichever reading holds."
    )
    return delay, more


def reworded(why: str | Callable[[], str], old: str, new: str, more: str) -> Callable[[], str]:
    return partial(reword, why, old, new, more)


def open_readings(e: Expectation, today: date, coverage: Coverage) -> str:
    """Where ``e``, a rolling window running on ``today``, is chained on from ``e.origin``
    through days the register is not known to hold whole, the deadlines it has on every
    reading of the meetings the register may lack there, in words (empty where one): after
    the Board of 2020-01-15, every 6 months, the register complete again from 2021-01-01,
    the window running on 2022-06-01 is due by 2022-07-31 as the register stands, by
    2022-06-30 after a Board held unrecorded in 2020-12."""
    rule, origin = e.rule, e.origin
    if not isinstance(rule, EveryRule) or rule.mode != "rolling" or rule.tolerance is not None or origin is None:
        return ""
    if e.cases or e.pending or not origin.start.exact or _versions(e) > 1 or e.grain not in _UNITS:
        return ""
    first, last = origin.start.earliest + timedelta(days=1), min(e.window.start - timedelta(days=1), today)
    statement = coverage.gap(first, last) if first <= last else ""
    if not statement:
        return ""
    grain, step, now = e.grain, rule.interval.periods, e.grain.index(today)
    start_period, end_period = grain.index(first), grain.index(last)
    if end_period - start_period > _MAX_READINGS:
        return ""
    due = {e.period}
    for p in range(start_period, end_period + 1):
        window = grain.window(p, e.year_start)
        if coverage.gap(max(first, window.start), min(last, window.end)):
            due.add(p + step * max(1, -((p - now) // step)))  # the first deadline from today's period on
    if len(due) == 1:
        return ""
    lo, hi = (grain.window(d, e.year_start).end for d in (min(due), max(due)))
    since = f"{e.body.label} {origin.start.earliest}"
    return (
        f" As {statement}, a counting meeting after {since} may have been held unrecorded, and the"
        f" windows after it would then be due from it: the one running now is due by {lo} to {hi}, whichever reading holds."
    )


def chain_readings(out: list[Finding], coverage_of: Callable[[Expectation], Coverage], today: date) -> list[Finding]:
    """``out``, the findings of a rule's windows, where a rolling chain ran through days the
    register is not known to hold whole: a late window late by every reading's delay, the
    window running now due by every reading's deadline."""
    for f in out:
        e, late = f.expectation, f.late_meeting
        if e is None or e.origin is None:
            continue
        if f.verdict is Verdict.OPEN and (words := open_readings(e, today, coverage_of(e))):
            with_more_words(f, lambda words=words: words)
        elif late is not None and f.verdict in _LATE and (found := late_readings(e, late, coverage_of(e))) is not None:
            delay, more = chain_words(e, late, found, _meeting_words(late, e.body))
            f.why, f.delay = reworded(Finding.why.slot.__get__(f, Finding), f.delay, delay, more), delay  # type: ignore[attr-defined]
    return out


_LATE: Iterable[Verdict] = (Verdict.LATE, Verdict.ADVISORY)
