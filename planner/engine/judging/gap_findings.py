"""Gap windows judged: was the next counting meeting held within the gap the rule allows?

A gap finding names both meetings and the gap in days (see :mod:`planner.engine.gaps` for the
convention). Verdicts: ``met``; ``late`` (the next meeting came, but too late: by how many days);
``missed`` (the limit passed and nothing has been held since); ``open`` (the limit is still ahead:
due by that day); ``uncertain`` when a meeting known only to the month or year leaves the answer
depending on its day, or when the gap counts from a planned meeting never recorded as held.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.dates import Duration
from planner.core.meeting import given_start
from planner.core.model import AtLeastRule, Meeting, Status
from planner.engine.coverage import last_unknown
from planner.engine.explain import (
    not_counted_words,
    unconfirmed_words,
    uncounted_reason,
    unheld_words,
)
from planner.engine.gaps import GapExpectation, from_range, gap_deadline, limit_on
from planner.engine.judging.findings import Finding, Verdict, closing, with_more_words
from planner.engine.judging.finishing import amend_finding, coverage, record_gaps
from planner.engine.judging.window_finding import _meeting_words

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge


_SHORT = (Verdict.LATE, Verdict.MISSED, Verdict.ADVISORY)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def _excess(e: GapExpectation, from_day: date, lo: date, hi: date, *, worst: bool) -> int | None:
    """Days beyond the limit for a later meeting on a day of ``[lo, hi]``: the most (``worst``)
    or the fewest. ``None``: no maximum applies there. The limit changes only at relaxation
    edges, so those and the ends of the range are the only days to try."""
    rule = e.rule
    limit_of: Callable[[date], Duration | None]
    if e.first_meeting or not isinstance(rule, AtLeastRule):
        tries = [hi if worst else lo]
        limit_of = lambda _d: rule.first_within  # noqa: E731
    else:
        edges = [d for r in rule.relaxations for d in ((r.since - timedelta(days=1), r.until) if worst else (r.since, r.until + timedelta(days=1)))]
        tries = [hi if worst else lo, *(d for d in edges if lo <= d <= hi)]
        limit_of = lambda d: limit_on(rule, d)  # noqa: E731
    values = [(d - limit.add_to(from_day)).days for d in tries if (limit := limit_of(d)) is not None]
    if not values:
        return None
    return max(values) if worst else min(values)


def judge_gap(judge: Judge, e: GapExpectation) -> Finding:
    """The finding of one gap window (called by :class:`~planner.engine.judging.compliance.Judge`).
    A gap broken where the register is not known complete may have been kept by a meeting
    nobody recorded: unknown, as for any other window (README, "Record coverage"). One that
    an excused period (or an ``except_when`` body's meeting) covers is excused, as any other
    window of the rule, and as projection reads it (it projects nothing for it)."""
    finding = _gap_finding(judge, e)
    finding.why += _seen_words(judge, e, finding)
    if e.rule.excused or e.rule.except_when or e.rule.formats:  # (formats: "Not counted: online: ...")
        finding = amend_finding(judge, e, finding)
        if finding.verdict is Verdict.EXCUSED:
            finding.delay = ""  # (excused, as a late window of any other rule: no delay counted)
    if finding.verdict in _SHORT and not e.first_meeting:
        sure = _short_on_every_reading(judge, e, finding) or _skipped_on_every_reading(judge, e, finding)
        if sure is not None:
            return sure
    return coverage(judge, finding)


def _short_on_every_reading(judge: Judge, e: GapExpectation, finding: Finding) -> Finding | None:
    """A gap broken where the register is not known complete, that a meeting nobody recorded
    could not have kept: the latest day such a meeting may have opened on (the last day of the
    gap not known complete) is itself too long before the later meeting, or before today with
    none since. Some gap ending there is then too long on every reading, whichever meetings
    the register lacks: it is that violation (README, "Never more certain than the data"), not
    ``unknown``, and the why says the readings (session 22: records complete from 2019-06-01,
    Boards 2019-01-10 and 2021-06-01, at most 13 months apart: a Board held unrecorded by
    2019-05-31 was due again by 2020-06-30 at the latest). ``None``: nothing certain to say."""
    later = finding.late_meeting
    if later is not None and later.start.latest > judge.today or getattr(e.rule, "gap_from", "first_day") == "last_day":
        return None  # (it may not have opened yet: judge_gap's readings say so; or an unrecorded meeting's last day, not its first, may have run into the days known complete)
    gaps = record_gaps(judge, e)
    statement = gaps.coverage.gap(e.window.start, e.deadline)
    if not statement:
        return None  # (the register's numbering, or nothing: coverage() decides)
    # an unrecorded meeting may have opened on any day not known complete before the later one
    last = last_unknown(gaps.coverage, e.window.start, later.start.latest - timedelta(days=1) if later is not None else judge.today)
    if last is None:
        return None
    if later is not None:
        least = _excess(e, last, later.start.earliest, later.start.latest, worst=False)
        if least is None or least <= 0:
            return None
        first = e.since_day if e.origin is None else from_range(e.origin, "first_day")[0]  # (the register's own reading: its delay's most)
        most = _excess(e, first, later.start.earliest, later.start.latest, worst=True)
        over = _days(least) if most is None or most == least else f"{least} to {most} days"
        finding.delay = over
        words = f"from a meeting held that day, {_meeting_words(later, e.body)} was {_days(least)} late: late on every reading, {over}"
    else:
        due = gap_deadline(e.rule, last)  # type: ignore[arg-type]
        if judge._running(due):
            return None
        words = f"from a meeting held that day, the next was due by {due}, and none is recorded since: missed on every reading"
    since = _meeting_words(e.origin, e.body) if e.origin is not None else str(e.since_day)
    why = f" As {statement}, a counting meeting after {since} may have been held unrecorded, by {last} at the latest; {words}."
    return with_more_words(finding, lambda: why)


def _skipped_on_every_reading(judge: Judge, e: GapExpectation, finding: Finding) -> Finding | None:
    """A gap broken between two numbers the register records that the numbers it skips
    between them could not have kept, whatever their days: the 43rd Board 2019-01-10 and the
    45th 2021-06-01, at most 13 months apart. Held as late as the limit allows (2020-02-10),
    the 44th leaves 476 days to the 45th, still 83 too many; spread evenly, each gap is 41
    days too long at the least. So some gap between them is late on every reading, by 41 to
    477 days: that violation, not ``unknown`` (as :func:`_short_on_every_reading` for days not
    known complete; session 23). ``None``: nothing certain to say."""
    rule, origin, later = e.rule, e.origin, finding.late_meeting
    if origin is None or later is None or not origin.start.exact or not later.start.exact or later.start.latest > judge.today:
        return None
    if not isinstance(rule, AtLeastRule) or rule.max_gap is None or rule.relaxations or rule.gap_from == "last_day":
        return None
    gaps = record_gaps(judge, e)
    if gaps.coverage.gap(e.window.start, e.deadline):
        return None  # (coverage() says unknown)
    first, last = origin.start.earliest, later.start.earliest
    spans = [s for s in gaps.numbering().touching(first, last, rule.counts)]
    if not spans:
        return None
    n, limit = sum(s[3] for s in spans), rule.max_gap

    def kept(slack: int) -> bool:  # whether n meetings can make every gap at most limit + slack days
        day = first
        for _ in range(n):
            day = min(limit.add_to(day) + timedelta(days=slack), last)
        return last <= limit.add_to(day) + timedelta(days=slack)

    if kept(0):
        return None  # (a reading keeps every gap: unknown, as coverage() says)
    lo, hi = 1, (last - first).days
    while lo < hi:  # the least slack that keeps every gap: how late the latest gap is at the least
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if kept(mid) else (mid + 1, hi)
    most = (last - limit.add_to(first)).days
    over = _days(lo) if lo == most else f"{lo} to {most} days"
    said = "; ".join(s[4].removesuffix(" and may have been held in this window") for s in spans)
    who = "it" if n == 1 else "they"
    why = f" Late on every reading: {said}; on whatever days {who} opened, some gap from {_meeting_words(origin, e.body)} to {_meeting_words(later, e.body)} is longer than {limit.words()}, by {over}."
    finding.delay = over
    if isinstance(finding.why, str):  # (the gap as recorded is the most late; every reading's range)
        finding.why = finding.why.replace(f": {_days(most)} late (", f": {over} late (", 1)
    return with_more_words(finding, lambda: why)


def _seen_words(judge: Judge, e: GapExpectation, finding: Finding) -> str:
    """`` Not counted: ...``: the body's meetings inside the gap, before the meeting that closed
    it, that did not close it (a special session, one called off), as a period's why names them (README, "Explanations"): a
    secretariat that met on 1 March reads why that meeting did not end the gap."""
    later = finding.counted[-1] if finding.counted and finding.counted[-1] is not e.origin else None
    end = e.deadline if later is None else min(e.deadline, later.start.earliest - timedelta(days=1))
    start = e.window.start
    if end < start:
        return ""
    rule = e.rule
    notes = []
    for m in judge.engine.meetings_of(e.body.id).overlapping(start, end):
        if start <= m.start.earliest and m.start.latest <= end and m is not e.origin and (reason := uncounted_reason(rule, m)) is not None:
            notes.append((m, reason))
    return not_counted_words(notes, e.body, _meeting_words)


def _days_words(e: GapExpectation, from_lo: date, from_hi: date, later: Meeting) -> str:
    """``: met if it was held 1995-03-01..1995-03-21; late if it was held 1995-03-22..1995-03-31``
    where only the later meeting's day is unknown and one deadline holds whatever it is (no
    relaxation in force): the days that make the gap met, as a window's why says them."""
    deadline = e.deadline
    if from_lo != from_hi or e.latest_deadline is not None or getattr(e.rule, "relaxations", ()) or not later.start.earliest <= deadline < later.start.latest:
        return ""
    return f": met if it was held {later.start.earliest}..{deadline}; late if it was held {deadline + timedelta(days=1)}..{later.start.latest}"


def _gap_finding(judge: Judge, e: GapExpectation) -> Finding:
    body = e.body
    rule = e.rule
    bm = judge.engine.meetings_of(body.id)
    origin = e.origin
    if origin is None:
        start_words = f"the {body.label}'s establishment ({body.established})"
        from_lo = from_hi = e.since_day
        at = bisect.bisect_left(bm.starts, e.since_day - bm.max_span) if e.since_day - date.min > bm.max_span else 0
    else:
        start_words = _meeting_words(origin, body)
        gap_from = getattr(rule, "gap_from", "first_day")
        from_lo, from_hi = from_range(origin, gap_from)
        if gap_from == "last_day" and (from_lo, from_hi) != from_range(origin, "first_day"):
            # a meeting is named by its first day: say which day a gap from its last one counts
            # from, or "175 days from Lok Sabha 2020-01-31" reads as from 31 January (audit 23)
            last = f"{from_lo}" if from_lo == from_hi else f"{from_lo}..{from_hi}"
            start_words = f"the last day ({last}) of {start_words}"
        at = bisect.bisect_right(bm.meetings, origin.sort_key(), key=Meeting.sort_key)
    # The later meeting: the first held counting one after the origin (or after the founding),
    # found by bisection so that judging every gap of a long register stays linear.
    later = next(
        (m for m in itertools.islice(bm.meetings, at, None) if m.status is Status.HELD and e.counts(m) and m.start.earliest <= judge.today and (origin is not None or m.start.latest >= e.since_day)),
        None,
    )
    in_window = [m for m in bm.overlapping(e.window.start, e.deadline) if e.counts(m) and m.status in (Status.PLANNED, Status.PROJECTED)]
    scheduled = tuple(m for m in in_window if m.latest >= judge.today)
    unconfirmed = tuple(m for m in in_window if m.latest < judge.today)
    shown = rule.relaxed(later.start.earliest) if later is not None and isinstance(rule, AtLeastRule) else rule
    base = {"body": body, "rule_text": judge.words(shown), "source": shown.source, "expectation": e, "scheduled": scheduled, "unconfirmed": unconfirmed}

    # planned inside the gap, dates passed, never recorded as held: had it been held, the gap
    # would have been closed in time (never more certain than the data)
    unheld = [m for m in unconfirmed if m.start.earliest <= e.deadline and (origin is None or m.start.earliest > origin.start.latest)]
    if later is not None:
        pair: tuple[Meeting, ...] = (*((origin,) if origin else ()), later)
        lo, hi = (later.start.earliest - from_hi).days, (later.start.latest - from_lo).days
        gap = _days(lo) if lo == hi else f"{lo} to {hi} days"
        between = f"from {start_words} to {_meeting_words(later, body)}"
        if e.first_meeting:
            allowed = f"the first meeting is due within {rule.first_within.words() if rule.first_within else ''}"
        else:
            limit = limit_on(rule, later.start.earliest)
            allowed = f"at most {limit.words()} allowed" if limit is not None else "no maximum in force"
        worst = _excess(e, from_lo, later.start.earliest, later.start.latest, worst=True)
        # known only to a month or year that runs past today, the later meeting may not have
        # opened yet: then nothing has closed the gap by today (sixth and seventh audits)
        pending = later.start.latest > judge.today
        if (worst is None or worst <= 0) and not pending:
            return Finding(verdict=Verdict.MET, why=f"gap of {gap} {between}; {allowed}.", counted=pair, **base)
        best = _excess(e, from_hi, later.start.earliest, later.start.latest, worst=False)
        if pending and (rule.binding or worst is None or worst <= 0):
            # what it was if it opened by today: judged on the days up to today only
            by = min(later.start.latest, judge.today)
            most = _excess(e, from_lo, later.start.earliest, by, worst=True)
            least = _excess(e, from_hi, later.start.earliest, by, worst=False)
            verdict = "met" if most is None or most <= 0 else "late" if least is not None and least > 0 else "met or late, depending on the day,"
            due = e.deadline if e.latest_deadline is None else f"{e.deadline}..{e.latest_deadline}"
            readings = f"if {_meeting_words(later, body)} opened by {judge.today}; the register gives only {given_start(later)}, and if it opens later nothing held has closed the gap by {judge.today}"
            if verdict == "late" and least is not None and most is not None:
                # late if it opened by today, missed (nothing since, the gap closed) if it opens
                # later: a violation on every reading is that violation, not `uncertain`
                over = _days(least) if least == most else f"{least} to {most} days"
                why = f"gap {between}; {allowed}, due by {due}: {over} late {readings}: missed. A violation either way."
                return Finding(verdict=Verdict.LATE, why=why, counted=pair, late_meeting=later, delay=over, **base)
            return Finding(verdict=Verdict.UNCERTAIN, why=f"gap {between}; {allowed}, due by {due}: {verdict} {readings}.", counted=pair, **base)
        if best is not None and best > 0 and unheld:
            return Finding(verdict=Verdict.UNCERTAIN, why=f"gap of {gap} {between}; {allowed}{unheld_words(unheld, body, _meeting_words)}", counted=pair, **base)
        if best is not None and best > 0:
            over = _days(best) if best == worst else f"{best} to {worst} days"
            due = f"{e.deadline}" if e.latest_deadline is None else f"{e.deadline}..{e.latest_deadline}, depending on the day of {start_words} ({from_lo}..{from_hi})"
            why = f"gap of {gap} {between}: {over} late ({allowed}, due by {due})" + closing(rule.binding)
            return Finding(verdict=Verdict.LATE if rule.binding else Verdict.ADVISORY, why=why, counted=pair, late_meeting=later, delay=over, **base)
        loose = "; ".join(f"{_meeting_words(m, body)} is known only to {given_start(m)}" for m in pair if not m.start.exact)
        why = f"gap of {gap} {between}; {allowed}: the verdict depends on the day ({loose}){_days_words(e, from_lo, from_hi, later)}."
        return Finding(verdict=Verdict.UNCERTAIN, why=why, counted=pair, **base)

    if origin is not None and origin.status is not Status.HELD and origin.latest < judge.today:
        why = f"{e.label}: counted from {start_words}, planned but not recorded as held (unconfirmed); due by {e.deadline} if it was held."
        return Finding(verdict=Verdict.UNCERTAIN, why=why, **base)
    if not judge._running(e.deadline) and e.latest_deadline is not None and judge._running(e.latest_deadline):
        # a silence after a loosely dated origin: missed if it was held early, still open if late
        why = (
            f"{e.label}: no counting meeting since {start_words}; due by {e.deadline} if it was held on {from_lo}, "
            f"by {e.latest_deadline} if on {from_hi}: missed or still open depending on the day, {e.reason}."
        )
        return Finding(verdict=Verdict.UNCERTAIN, why=why, **base)
    if judge._running(e.deadline):
        sched = "; scheduled: " + ", ".join(_meeting_words(m, body) for m in scheduled) if scheduled else ""
        # after an origin known only to the month or year, the day it is due by depends on its day
        by = f"{e.deadline}" if e.latest_deadline is None else f"{e.deadline} if {start_words} was held on {from_lo}, by {e.latest_deadline} if on {from_hi}"
        why = f"{e.label}: {'first' if e.first_meeting else 'next'} meeting due by {by}, {e.reason}{sched}."
        return Finding(verdict=Verdict.OPEN, why=why, still_due=1, due_by=e.deadline, **base)
    if unheld:
        return Finding(verdict=Verdict.UNCERTAIN, why=f"{e.label}: no counting meeting recorded as held since {start_words}, {e.reason}{unheld_words(unheld, body, _meeting_words)}", **base)
    unconf = unconfirmed_words(unconfirmed, body, _meeting_words)
    due_by = e.latest_deadline or e.deadline  # whatever day a loosely dated origin had
    latest = " at the latest" if e.latest_deadline else ""
    why = f"{e.label}: no counting meeting since {start_words}; due by {due_by}{latest}, {e.reason}{unconf}" + closing(rule.binding)
    return Finding(verdict=Verdict.MISSED if rule.binding else Verdict.ADVISORY, why=why, still_due=1, due_by=due_by, **base)
