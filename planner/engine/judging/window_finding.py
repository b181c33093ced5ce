"""A window's verdict and the words of its finding, from the meetings the judge sorted out for
it: those it counts, those that may count (dated too loosely, or in doubt as one event), and
those planned in it. :class:`~planner.engine.judging.compliance.Judge` sorts them out."""

from __future__ import annotations

from datetime import date
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING

from planner.core.dates import Grain, Precision
from planner.core.meeting import given_start
from planner.core.model import Body, Meeting, Status
from planner.engine.expectations import NOT_COUNTING, Expectation, ordinal
from planner.engine.explain import (
    beside_before,
    not_counted_words,
    one_window_words,
    unconfirmed_words,
    unheld_words,
)
from planner.engine.judging.findings import Finding, Verdict, closing

if TYPE_CHECKING:
    from planner.engine.judging.compliance import Judge, _RuleFacts

# an enum's members looked up once (a lookup on the class costs more than the test)
_DAY = Precision.DAY
_HELD = Status.HELD
_MET, _OPEN, _UNCERTAIN, _EXCESS, _ADVISORY, _LATE, _MISSED = (Verdict.MET, Verdict.OPEN, Verdict.UNCERTAIN, Verdict.EXCESS, Verdict.ADVISORY, Verdict.LATE, Verdict.MISSED)


def _start_range(meeting: Meeting) -> tuple[date, date]:
    return meeting.start.earliest, meeting.start.latest


# the fields of a meeting its words read, in one C call (a meeting is a named tuple)
_WORDS_FIELDS = itemgetter(*(Meeting._fields.index(name) for name in ("start", "ordinal", "city")))


def _meeting_words(meeting: Meeting, body: Body) -> str:
    """``Summit 2019-06-15 (5th, Dushanbe)``: a meeting as every finding's why names it."""
    start, n, city = _WORDS_FIELDS(meeting)
    when = start.earliest.isoformat() if start.precision is _DAY else str(start)
    if n:
        return f"{body.label} {when} ({ordinal(n)}, {city})" if city else f"{body.label} {when} ({ordinal(n)})"
    return f"{body.label} {when} ({city})" if city else f"{body.label} {when}"


def _delay(expectation: Expectation, meeting: Meeting, today: date) -> str:
    """How late ``meeting`` answers the window: from the day or period it was due (the
    window's end, its label), in the grain's unit, whatever the rule's ``tolerance``. The
    tolerance decides whether it is late, not how late: "due 2017, held 2018-09-24: 1 year
    late" past six months' grace, and "due 2021-01-31, held 2021-03-04: 32 days late" past
    thirty days' (README, Semantics, "Delay")."""
    grain = expectation.grain
    # known only to a month or year that runs past today: late by the days it may have opened
    # on by today (opening later, it has not answered the window yet: loose_starts says so)
    first, last = _start_range(meeting)
    days = (first, min(last, max(today, first)))
    if grain is Grain.DAY:
        lo, hi = ((d - expectation.window.end).days for d in days)
        unit = "day"
    else:
        lo, hi = (grain.index(d) - expectation.period for d in days)
        unit = {Grain.YEAR: "year", Grain.MONTH: "month", Grain.HALF: "half-year", Grain.QUARTER: "quarter"}[grain]
    # a late meeting known only to the month or year: as late as its possible days say, no more certain
    return f"{lo} {unit}{'s' if lo != 1 else ''}" if lo == hi else f"{lo} to {hi} {unit}s"


def _met_words(e: Expectation, held: list[Meeting]) -> str:
    """The why of a met window: its tally and the meetings that met it."""
    n, minimum, body = len(held), e.minimum, e.body
    tally = f"{n} of {minimum} required" if n == minimum else f"{n} held ({minimum} required)"
    named = _meeting_words(held[0], body) if n == 1 else ", ".join([_meeting_words(m, body) for m in held])
    why = f"{e.label}: {tally}, {e.reason}: {named}."
    end = e.window.end
    for m in held:
        if m.start.earliest > end:
            return why + " Held within the tolerance."
    return why


def _at_most_words(e: Expectation, held: list[Meeting]) -> str:
    """The why of an ``at_most`` window within its limit, nothing in doubt or planned."""
    body = e.body
    return f"{e.label}: {len(held)} of at most {e.maximum}" + (f" ({', '.join([_meeting_words(m, body) for m in held])})" if held else "") + "."


def _capped_words(e: Expectation, n: int, held: list[Meeting], over: str) -> str:
    """The why of an ``at_most`` window within its limit: its tally, the meetings in it, and
    ``over``, the scheduled meetings that would break the limit if held (worded when judged)."""
    named = f" ({', '.join([_meeting_words(m, e.body) for m in held])})" if held else ""
    return f"{e.label}: {n} of at most {e.maximum}{named}{over}."


def met_finding(e: Expectation, held: list[Meeting], words: str) -> Finding:
    """A window met by ``held`` (enough counting meetings, none else to tell of)."""
    return Finding(e.body, _MET, words, e.rule.source, e, partial(_met_words, e, held), tuple(held))


def plainly_judged(judge: Judge, e: Expectation, near: list[Meeting], held: list[Meeting] | None, facts: _RuleFacts) -> Finding | None:
    """The finding of a window of a plain rule (``_RuleFacts.plain`` of :mod:`compliance`)
    whose meetings inside it all count toward the rule and are held, when they meet its
    minimum or keep within its maximum; else ``None`` (the judge then works it out in full).
    ``near``: all the meetings touching the window; ``held``: the meetings :func:`assign` gave
    it, when windows overlap.

    Nothing else can change such a window's verdict or words: no meeting inside it that it did
    not count, none planned, and an unconfirmed origin or missing records only question a
    shortfall. A held meeting that may lie partly outside (dated to the year, beside a month's
    window) could only have counted too: it changes nothing once the window is met, but may
    break a maximum, so an ``at_most`` window with one is worked out in full."""
    start, end = e.window.start, e.deadline
    kinds = facts.kinds
    maximum = e.maximum
    inside: list[Meeting] | None = None  # when some meeting of near is not inside
    for n, m in enumerate(near):
        when = m.start
        if start <= when.earliest and when.latest <= end:
            if m.status is not _HELD or m.kind not in kinds:
                return None
            if inside is not None:
                inside.append(m)
            continue
        # not inside: one that begins before the window and only lasts into it is not the
        # window's; one that may begin in it is, unless planned (the finding names it) or
        # perhaps one too many
        if when.latest >= start and when.earliest <= end and m.kind in kinds and m.status not in NOT_COUNTING and (m.status is not _HELD or maximum is not None):
            return None
        if inside is None:
            inside = near[:n]
    if inside is not None:
        near = inside
    if held is not None:  # shared out between windows: plain when this one has all of its own
        if len(held) != len(near):
            return None
        near = held
    if maximum is not None:
        if len(near) > maximum:
            return None
        return window_finding(judge, e, near, [], [], [], {}, 0, facts.words)
    if len(near) < e.minimum:
        return None
    gap = facts.gap
    if gap is not None:
        # min_gap thins nothing when every meeting is dated to the day and keeps the gap
        # from the one counted before it (thin's first pass keeps them all, its second has
        # none to see), the first from the last one counted before the window
        last = judge._counted_before(e)
        days = facts.gap_days
        for m in near:
            when = m.start
            if when.precision is not _DAY or (last is not None and when.earliest < (last + days if days is not None else gap.add_to(last))):
                return None
            last = when.earliest
    return met_finding(e, near, facts.words)


def window_finding(judge: Judge, e: Expectation, held: list[Meeting], possible: list[Meeting], scheduled: list[Meeting], unconfirmed: list[Meeting], owner: dict[int, int], me: int, words: str) -> Finding:
    """The finding of a window from the meetings it counts, those that may count, and
    those planned in it."""
    # The words of each finding are made only when read (Finding.why): most are never shown.
    # They are partials of module functions, not closures (a closure's cells cost every call).
    body = e.body
    source = e.rule.source
    on_time_end = e.deadline
    today = judge.today
    n = len(held)
    counted = tuple(held)
    sched = tuple(scheduled) if scheduled else ()
    unconf = tuple(unconfirmed) if unconfirmed else ()
    maximum = e.maximum
    if maximum is not None:
        if n > maximum:
            return Finding(body, _EXCESS if e.binding else _ADVISORY, words, source, e, partial(_excess_words, e, n, held), counted, sched, unconf)
        if n + len(possible) > maximum:
            return Finding(body, _UNCERTAIN, words, source, e, partial(_ceiling_doubt_words, e, n, held, possible), counted, sched, unconf)
        if unconfirmed and n + len(possible) + len(unconfirmed) > maximum:
            return Finding(body, _UNCERTAIN, words, source, e, partial(_ceiling_unheld_words, e, n, unconfirmed), counted, sched, unconf)
        running = today < on_time_end if judge.closed else today <= on_time_end
        verdict = _OPEN if running else _MET
        # a scheduled meeting that would break the limit if held is what an open window is about
        over = f"; scheduled: {', '.join(_meeting_words(m, body) for m in scheduled)}, {n + len(scheduled)} if held" if scheduled and n + len(scheduled) > maximum else ""
        return Finding(body, verdict, words, source, e, partial(_capped_words, e, n, held, over), counted, sched, unconf)

    minimum = e.minimum
    if n >= minimum:
        return Finding(body, _MET, words, source, e, partial(_met_words, e, held), counted, sched, unconf)
    missing = minimum - n
    if today < on_time_end if judge.closed else today <= on_time_end:
        return Finding(body, _OPEN, words, source, e, partial(_still_due_words, e, n, held, scheduled, unconfirmed, missing), counted, sched, unconf, still_due=missing, due_by=on_time_end)
    if n + len(possible) >= minimum:
        return Finding(body, _UNCERTAIN, words, source, e, partial(_loose_words, e, n, possible), tuple(held + possible), sched, unconf)
    if unconfirmed and n + len(possible) + len(unconfirmed) >= minimum:
        return Finding(body, _UNCERTAIN, words, source, e, partial(_floor_unheld_words, e, n, unconfirmed), counted, sched, unconf)
    late = judge.late(e, owner, me) if e.late_until is not None else None
    binding = e.binding
    if late:
        delay = _delay(e, late, today)
        return Finding(body, (_LATE if binding else _ADVISORY), words, source, e, partial(_late_words, e, late, delay), (late,), sched, unconf, late_meeting=late, delay=delay)
    beside = _beside(judge, e) if e.rule.kind == "before" and not n else []
    return Finding(body, (_MISSED if binding else _ADVISORY), words, source, e, partial(_short_words, e, n, held, unconfirmed, beside), counted, sched, unconf, still_due=missing)


def _beside(judge: Judge, e: Expectation) -> list[tuple[Meeting, str]]:
    """The body's meetings held just outside a ``before`` window nothing met (named, not counted)."""
    rule = e.rule
    span = rule.offset.delta()  # type: ignore[attr-defined]
    day = e.window.end
    meetings = judge.engine.meetings_of(e.body.id).overlapping(day - span - span, day + span)
    return beside_before(e, judge.engine.book.body(rule.body), meetings)  # type: ignore[attr-defined]


def _held_words(held: list[Meeting], body: Body) -> str:
    return ", ".join([_meeting_words(m, body) for m in held])


def _unconfirmed_words(unconfirmed: list[Meeting], body: Body) -> str:
    return unconfirmed_words(unconfirmed, body, _meeting_words)


def _excess_words(e: Expectation, n: int, held: list[Meeting]) -> str:
    return f"{e.label}: {n} meetings, at most {e.maximum} allowed: {_held_words(held, e.body)}" + closing(e.binding)


def _ceiling_doubt_words(e: Expectation, n: int, held: list[Meeting], possible: list[Meeting]) -> str:
    body = e.body
    if all(not m.start.exact for m in possible):
        doubt = "dated too loosely to place: " + ", ".join(f"{_meeting_words(m, body)} (the register gives only {given_start(m)}{_days_inside(e, m)})" for m in possible)
    else:
        doubt = f"in doubt: {_doubts(body, possible)}"
    certain = f" For certain: {_held_words(held, body)}." if held else ""
    return f"{e.label}: {n} meeting{'' if n == 1 else 's'} for certain and {len(possible)} {doubt}; at most {e.maximum} allowed.{certain}"


def _days_inside(e: Expectation, m: Meeting) -> str:
    """``; in FY2021-22 if held 2021-04-01..2021-12-31``: the days a loosely dated meeting
    would lie in ``e``'s window on, where it may also have opened outside it. A year-only row
    against a financial year (or a half, a quarter) is not the window's year: the reader is
    told which of its days would count here (session 19)."""
    start, end = e.window.start, e.deadline
    first, last = m.start.earliest, m.start.latest
    if start <= first and last <= end:
        return ""
    return f"; in {e.label} if held {max(start, first)}..{min(end, last)}"


def _ceiling_unheld_words(e: Expectation, n: int, unconfirmed: list[Meeting]) -> str:
    return f"{e.label}: {n} of at most {e.maximum}{unheld_words(unconfirmed, e.body, _meeting_words, 'excess', (e.window.start, e.deadline))}"


def _still_due_words(e: Expectation, n: int, held: list[Meeting], scheduled: list[Meeting], unconfirmed: list[Meeting], missing: int) -> str:
    body = e.body
    held_words = f"{n} held ({_held_words(held, body)}); " if n else ""
    sched_words = "; scheduled: " + ", ".join(_meeting_words(m, body) for m in scheduled) if scheduled else ""
    return f"{e.label}: {held_words}{missing} still due by {e.deadline}, {e.reason}{sched_words}{_unconfirmed_words(unconfirmed, body)}."


def _doubts(body: Body, possible: list[Meeting]) -> str:
    """Why each meeting that may count in a window is in doubt, in words."""
    loose = ", ".join(f"{_meeting_words(m, body)}" for m in possible if not m.start.exact)
    apart = ", ".join(f"{_meeting_words(m, body)}" for m in possible if m.start.exact and not m.city)
    near = ", ".join(f"{_meeting_words(m, body)}" for m in possible if m.start.exact and m.city)  # beside a session dated loosely
    doubts = [
        f"only loosely dated meetings could decide it: {loose}" if loose else "",
        f"no city is recorded to tell whether {apart} was held with another session (one event) or apart" if apart else "",
        f"the register does not give the days to tell whether {near} was held with another session (one event) or apart" if near else "",
    ]
    return "; ".join(d for d in doubts if d)


def _loose_words(e: Expectation, n: int, possible: list[Meeting]) -> str:
    loose = ", ".join(f"{_meeting_words(m, e.body)}" for m in possible if not m.start.exact)
    spread = one_window_words(e, n, [m for m in possible if not m.start.exact], _meeting_words)
    return f"{e.label}: {n} of {e.minimum} certain; " + _doubts(e.body, possible) + spread + "." + _ended_words(e, loose)


def _ended_words(e: Expectation, loose: str) -> str:
    """Where the rule ended inside the window's period (a body dissolved mid-year, no version
    the day after), a loosely dated meeting that may have opened after the end met nothing,
    and nothing was due then: the window is met or owes nothing, never a violation."""
    until = e.rule.until
    if not loose or until is None or e.window.end != until or e.grain is Grain.DAY or e.grain.window(e.period, e.year_start).end <= until:
        return ""
    return f" A meeting held after {until}, when the rule ended, meets nothing, and then nothing was due: no violation either way."


def _floor_unheld_words(e: Expectation, n: int, unconfirmed: list[Meeting]) -> str:
    return f"{e.label}: {n} of {e.minimum} certain ({e.reason}){unheld_words(unconfirmed, e.body, _meeting_words, within=(e.window.start, e.deadline))}"


def _late_words(e: Expectation, late: Meeting, delay: str) -> str:
    return f"due {e.label} ({e.reason}), held {_meeting_words(late, e.body)}: {delay} late" + closing(e.binding)


def _short_words(e: Expectation, n: int, held: list[Meeting], unconfirmed: list[Meeting], beside: list[tuple[Meeting, str]]) -> str:
    held_part = f"{n} of {e.minimum} required" if e.minimum > 1 or n else f"0 of {e.minimum} required"
    why = f"{e.label}: {held_part} ({e.reason}); " + (f"held: {_held_words(held, e.body)}" if n else "no counting meeting recorded") + f"{_unconfirmed_words(unconfirmed, e.body)}"
    return why + closing(e.binding) + not_counted_words(beside, e.body, _meeting_words)


def gap_doubt_words(e: Expectation, meetings: list[Meeting], loose: Meeting, prior: date | None) -> str:
    """`` Board 2021-05 is 52 to 82 days after Board 2021-03-10 (meetings closer than 60 days
    count once): met if it was held 2021-05-09..2021-05-31; short if held
    2021-05-01..2021-05-08.``: the days and gaps on which a ``min_gap`` window left
    ``uncertain`` by one loosely dated meeting is met (session 21)."""
    from planner.engine.min_gap import gap_readings

    gap = e.rule.min_gap  # type: ignore[attr-defined]
    runs = gap_readings(meetings, loose, gap, prior, e.window.start, e.window.end)
    met = [(a, b) for a, b, n in runs if n >= e.minimum]
    short = [(a, b) for a, b, n in runs if n < e.minimum]
    if not met or not short:
        return ""
    lo, hi = runs[0][0], runs[-1][1]
    near = sorted({m.start.earliest for m in meetings if m is not loose and m.start.exact} | ({prior} if prior is not None else set()))
    # the firm meetings a reading comes closer to than the gap: the gaps that decide it
    close = [d for d in near if gap.add_to(d) > lo and gap.add_to(hi) > d]
    body = e.body
    named = {m.start.earliest: _meeting_words(m, body) for m in meetings if m is not loose}
    apart = []
    whom = [named.get(d, f"{body.label} {d.isoformat()}") for d in close]
    for d, who in zip(close, whom, strict=True):
        before, after = (d - hi).days, (lo - d).days
        if after >= 0:
            apart.append(f"{after} to {(hi - d).days} days after {who}")
        elif before >= 0:
            apart.append(f"{before} to {(d - lo).days} days before {who}")
        else:
            apart.append(f"from {-after} days before to {-before} days after {who}")

    def spans(found: list[tuple[date, date]]) -> str:
        return ", ".join(a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}" for a, b in found)

    what = _meeting_words(loose, body)
    if len(apart) == 1 or apart and all(" to " in a and not a.startswith("from ") for a in apart):
        distance = f" is {' and '.join(apart)} (meetings closer than {gap.words()} count once)"
    else:  # (a row known only to the year among several meetings: the days say it best)
        distance = f" may have been held closer than {gap.words()} to {_and(whom) if whom else 'another meeting'} (meetings closer than that count once)"
    return f" {what}{distance}: met if it was held {spans(met)}; short if held {spans(short)}."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
