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

So for meetings the register's numbers skip: the 4th Board 2018-05-01 and the 6th 2021-03-01,
every 12 months, are too far apart for any day of the 5th to keep both links, and the
windows between say that one of them missed its deadline on every reading
(:func:`skipped_in_chain`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import partial

from planner.core.dates import Grain
from planner.core.model import EveryRule, Meeting, Status
from planner.engine.coverage import Coverage, RecordGaps
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
_LINKS = (Status.HELD, Status.PLANNED)  # (a plan may have been held: a link of some reading)


def skipped_in_chain(out: list[Finding], gaps_of: Callable[[Expectation], RecordGaps], today: date) -> list[Finding]:
    """``out``, the findings of a rolling rule's windows, where the chain runs over numbers
    the register skips too far apart to keep on any reading: every 12 months, the 4th Board
    2018-05-01 and the 6th 2021-03-01 are 34 months apart, and with one meeting between them
    no placing of the 5th keeps both links within 12 months. So at least one window from the
    4th to the 6th missed its deadline on every reading; which one, the register does not
    say (the windows move with the 5th), so each stays ``unknown`` and each why says so, as a
    fixed rule's windows say "short on every reading" (session 24). Said only where nothing
    else moves the chain: no tolerance, one version, no exception, no coverage statement
    over the days, no other meeting (held or planned) that may be a link, both ends held on
    known days while the rule is in force."""
    unknown = [f for f in out if f.verdict is Verdict.UNKNOWN and f.expectation is not None]
    if not unknown:
        return out
    e0 = unknown[0].expectation
    assert e0 is not None
    gaps = gaps_of(e0)
    skipped, meetings, coverage = gaps.numbering(), gaps.meetings, gaps.coverage
    if not skipped.spans:
        return out
    rule, body = e0.rule, e0.body
    if not isinstance(rule, EveryRule) or rule.mode != "rolling" or rule.tolerance is not None or _versions(e0) > 1:
        return out
    if rule.excused or rule.except_when or rule.formats or rule.count_by != "session" or e0.grain not in _UNITS:
        return out
    grain, step = e0.grain, rule.interval.periods
    for span in skipped.spans:
        kind, first, last, missing, _ = span
        if kind not in rule.counts or any(other is not span and other[0] in rule.counts and other[1] <= last and first <= other[2] for other in skipped.spans):
            continue
        ends = [m for m in meetings if m.kind is kind and m.ordinal and m.status is Status.HELD and m.start.exact and m.start.earliest in (first, last) and e0.counts(m)]
        a = next((m for m in ends if m.start.earliest == first), None)
        b = next((m for m in ends if m.start.earliest == last and m is not a), None)
        if a is None or b is None or last > today or (rule.since and a.start.earliest < rule.since) or (rule.until and last > rule.until):
            continue
        if coverage.gap(first, last) or any(m is not a and m is not b and m.status in _LINKS and e0.counts(m) and m.start.earliest <= last and first <= m.start.latest for m in meetings):
            continue
        apart, most = grain.index(last) - grain.index(first), (missing + 1) * step
        if apart <= most:
            continue  # some placing of the skipped meetings keeps every link
        unit = _UNITS[grain]
        words = (
            f" On every reading at least one window from {_meeting_words(a, body)} to {_meeting_words(b, body)} missed its deadline:"
            f" with {missing} meeting{'s' if missing > 1 else ''} between them, every {rule.interval.words()}, they could be at most {most} {unit}s apart"
            f" on time, and they are {apart}. Which window, the register does not say, so none alone is {'a violation' if rule.binding else 'an advisory'}."
        )
        for f in unknown:
            e = f.expectation
            assert e is not None
            if e.window.start <= last and first <= e.deadline:
                with_more_words(f, lambda words=words: words)
    return out
