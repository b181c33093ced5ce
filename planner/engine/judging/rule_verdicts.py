"""The verdicts of the rule language for real organizations: ``off_date`` for ``on`` rules, and
``excused`` for a shortfall that an exception covers; plus the words a finding owes its reader
about meetings merged into one event or not counted because of their format.

Compliance calls :func:`judge_on` for the windows of ``on`` rules and passes every finding
through :func:`amend`; both return plain values, so that this module needs nothing of
compliance but the words of its verdicts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from planner.core.dates import Grain, Window
from planner.core.meeting import given_start
from planner.core.model import Body, EveryRule, Meeting, MeetingFormat, OnRule, Status
from planner.core.words import a_or_an
from planner.engine.calendar_rules import day_window, events, except_label, except_window
from planner.engine.expectations import NOT_COUNTING, Expectation, ordinal
from planner.engine.explain import unconfirmed_words, unheld_words
from planner.engine.judging.findings import CUSTOMARY

if TYPE_CHECKING:
    from planner.engine.expectations import ExpectationEngine

# verdicts a covering exception turns into ``excused``: shortfalls, and windows still due
SHORTFALLS = frozenset({"missed", "late", "off_date", "advisory", "open"})
FORMAT_WORDS = {MeetingFormat.ONLINE: "online", MeetingFormat.HYBRID: "hybrid", MeetingFormat.IN_PERSON: "in person"}


def meeting_words(meeting: Meeting, body: Body) -> str:
    bits = [b for b in (ordinal(meeting.ordinal) if meeting.ordinal else "", meeting.city) if b]
    return f"{body.label} {meeting.start}" + (f" ({', '.join(bits)})" if bits else "")


def judge_on(engine: ExpectationEngine, e: Expectation, today: date, running: bool) -> dict[str, Any]:
    """An ``on`` window: held on the day is ``met``; held that year on another day ``off_date``;
    known only to the month or year that holds the day, ``uncertain``; ``open`` while
    ``running`` (the day not yet judged as at ``today``)."""
    body, rule, day = e.body, e.rule, e.window.start
    year = (date(day.year, 1, 1), date(day.year, 12, 31))
    seen = [m for m in engine.meetings_of(body.id).overlapping(*year) if e.counts(m) and m.start.latest >= year[0] and m.start.earliest <= year[1]]
    seen.sort(key=_full_key)
    result = _judge_on(body, rule, e, day, seen, today, running)
    if result["verdict"] in ("met", "missed", "off_date", "advisory"):
        result["why"] += _not_counted_that_year(engine, e, year, result.get("counted", ()) if result["verdict"] == "met" else None)
    return result


def held_before_the_day(engine: ExpectationEngine, e: Expectation) -> str:
    """For the next due day of an ``on`` rule: the meetings already held that year before the
    day, which are not it (unless one is held on the day, the year is ``off_date``), in words
    ("" where there are none): a secretariat told only "next due by 2026-09-15" would take a
    Board held in June for that year's meeting."""
    day = e.window.start
    first = date(day.year, 1, 1)
    earlier = [m for m in engine.meetings_of(e.body.id).overlapping(first, day) if m.status is Status.HELD and e.counts(m) and m.start.earliest >= first and m.start.latest < day]
    if not earlier:
        return ""
    words = ", ".join(f"{meeting_words(m, e.body)}, {(day - m.start.latest).days} days before" for m in sorted(earlier, key=_full_key))
    verdict = "off date" if e.rule.binding else "an advisory"
    return f"; held in {day.year} before the day: {words}, not on the rule's date (the year is {verdict} unless a meeting opens on {day})"


def _not_counted_that_year(engine: ExpectationEngine, e: Expectation, year: tuple[date, date], met_by: tuple[Meeting, ...] | None) -> str:
    """The meetings of the due year an ``on`` rule did not count (their kind, or called
    off, or, beside the meeting ``met_by`` on the day, held on another day), named as every
    finding names them (issue 9, section 4)."""
    notes = []
    for m in sorted(engine.meetings_of(e.body.id).overlapping(*year), key=_full_key):
        if not (year[0] <= m.start.earliest and m.start.latest <= year[1]):
            continue
        if m.status in NOT_COUNTING:
            notes.append(f"{meeting_words(m, e.body)} ({m.status.value})")
        elif m.kind not in e.rule.counts:
            notes.append(f"{meeting_words(m, e.body)} ({m.kind.value}: this rule counts {' and '.join(k.value for k in e.rule.counts)} meetings)")
        elif met_by is not None and m.status is Status.HELD and e.counts(m) and not any(m is c for c in met_by):
            # the year's meeting is the one on the day; another held that year is not it
            why = "one meeting on the day is counted" if m.start.earliest <= e.window.start <= m.start.latest else "not on the rule's date"
            notes.append(f"{meeting_words(m, e.body)} ({why})")
    return f" Not counted: {'; '.join(notes)}." if notes else ""


def _judge_on(body: Body, rule: OnRule, e: Expectation, day: date, seen: list[Meeting], today: date, running: bool) -> dict[str, Any]:
    held = [m for m in seen if m.status is Status.HELD]
    on_day = [m for m in held if m.start.exact and m.earliest == day]
    label = f"due {day} ({e.reason})"
    if on_day:
        return {"verdict": "met", "why": f"{label}: held {meeting_words(on_day[0], body)}.", "counted": tuple(on_day)}
    scheduled = tuple(m for m in seen if m.status in (Status.PLANNED, Status.PROJECTED) and m.latest >= today)
    if running:
        sched = "; scheduled: " + ", ".join(meeting_words(m, body) for m in scheduled) if scheduled else ""
        return {"verdict": "open", "why": f"{label}: still due{sched}.", "scheduled": scheduled, "still_due": 1, "due_by": day}
    loose = [m for m in held if not m.start.exact and m.start.earliest <= day <= m.start.latest]
    if loose:
        words = ", ".join(meeting_words(m, body) for m in loose)
        return {"verdict": "uncertain", "why": f"{label}: held {words}, dated too loosely to tell whether it opened on {day}.", "counted": tuple(loose)}
    customary = "" if rule.binding else CUSTOMARY
    unheld = [m for m in seen if m.status in (Status.PLANNED, Status.PROJECTED) and m.start.earliest <= day <= m.start.latest]
    if unheld:  # planned for the day, dates passed, not recorded as held: the register does not say
        return {"verdict": "uncertain", "why": f"{label}{unheld_words(unheld, body, meeting_words)}", "unconfirmed": tuple(unheld)}
    if held:
        words = ", ".join(f"{meeting_words(m, body)}, {_distance(m, day, today)}" for m in held)
        return {"verdict": "off_date" if rule.binding else "advisory", "why": f"{label}: held {words}, not on the rule's date{customary}.", "counted": tuple(held)}
    unconfirmed = tuple(m for m in seen if m.status in (Status.PLANNED, Status.PROJECTED))
    unconf = unconfirmed_words(unconfirmed, body, meeting_words)
    # nothing held that year: a shortfall, which records that are not known complete make unknown (as a missed one)
    return {"verdict": "missed" if rule.binding else "advisory", "why": f"{label}: no counting meeting recorded in {day.year}{unconf}{customary}.", "unconfirmed": unconfirmed, "still_due": 1}


def _full_key(meeting: Meeting) -> tuple:
    """Row order never shows: meetings alike in date and body are listed by place and format."""
    return (meeting.sort_key(), meeting.city, meeting.country, str(meeting.format))


def _distance(meeting: Meeting, day: date, today: date) -> str:
    if not meeting.start.exact:
        # known only to a month or year that does not hold the day: how far on every reading
        # of a day it opened on by today (opening later, it is not yet held: loose_starts)
        last = min(meeting.start.latest, max(today, meeting.start.earliest))
        lo, hi = (meeting.start.earliest - day).days, (last - day).days
        return f"{lo} to {hi} days after" if lo > 0 else f"{-hi} to {-lo} days before"
    days = (meeting.earliest - day).days
    return f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'after' if days > 0 else 'before'}"


def amend(engine: ExpectationEngine, e: Expectation | None, verdict: str, counted: tuple[Meeting, ...], today: date | None = None) -> tuple[str | None, str]:
    """What the rule language adds to a finding: a new verdict (``excused``) or ``None``, and
    words to append to its why."""
    if e is None or e.pending:
        return None, ""
    rule = e.rule
    if not (rule.excused or rule.except_when or rule.formats or getattr(rule, "within", None) or e.body.recess) and rule.count_by == "session":
        return None, ""  # most rules use none of it: keep check as fast as before
    notes = [*_merged(engine, e, counted), *_not_counted_format(engine, e), *_after_within(engine, e)]
    extra = "".join(f" {n}" for n in notes)
    if verdict in SHORTFALLS and e.maximum is None or verdict == "excess":  # (an excused period is not judged: a ceiling's either)
        excuse = _excuse(engine, e, today)
        if excuse:
            return "excused", f"{extra} Excused: {excuse}."
        maybe = _maybe_excused(engine, e, today)
        if maybe and verdict == "open":  # still running: open either way, its why says what may excuse it
            return None, f"{extra} {maybe}"
        if maybe:
            return "uncertain", f"{extra} {maybe}"
        if verdict != "open":
            extra += _part_excused(e) + _part_recess(e)
    return None, extra


_SHORT = (Grain.DAY, Grain.WEEK, Grain.MONTH)


def _part_recess(e: Expectation) -> str:
    """Words for a recess of the body that covers only part of a short window (a week whose
    Monday and Tuesday sit before the summer recess): a window wholly inside a recess is not
    due at all, one partly inside is judged, and its why says so."""
    if e.grain not in _SHORT or not e.body.recess:
        return ""  # (a year or a half a recess always covers in part: nothing worth saying)
    part = [p for p in e.body.recess if p.first <= e.window.end and e.window.start <= p.last]
    return "".join(f" Not in recess: the recess {p.words().replace(': ', ' (', 1) + ')' if p.reason else p.words()} covers only part of {_days(e, e.window)}." for p in part)


def _part_excused(e: Expectation) -> str:
    """Words for an excused period that covers only part of a short window: the rule could
    still be kept on the other days, so the window is judged, and its why says so."""
    due = day_window(e)
    part = [p for p in e.rule.excused if p.first <= due.end and due.start <= p.last]
    return "".join(f" Not excused: the excused period {p.words().replace(': ', ' (', 1) + ')' if p.reason else p.words()} covers only part of {_days(e, due)}." for p in part)


def _days(e: Expectation, due: Window) -> str:
    """The days a partly excused (or recess) window runs: its label, but for a window in days
    labelled by its last day (``every 60d``: due 2020-03-01, the days from 2020-01-02), which
    would read as if the one day were only partly covered."""
    if e.grain is not Grain.DAY or due.start == due.end or e.label != str(due.end):
        return e.label
    return f"the window {due.start}..{due.end} (due {e.label})"


def _maybe_excused(engine: ExpectationEngine, e: Expectation, today: date | None) -> str:
    """Words for an ``except_when`` meeting dated too loosely to tell whether it fell in the
    due period (a Summit known only as ``2020``, a half-yearly window): the shortfall then
    depends on its day, so it is no violation (never more certain than the data); the same for
    one planned whose dates passed without it being recorded as held."""
    due, label = except_window(e), except_label(e)
    for other_id in e.rule.except_when:
        other = engine.book.body(other_id)
        for m in engine.meetings_of(other_id).overlapping(due.start, due.end):
            unconfirmed = m.status is not Status.HELD and today is not None and m.latest < today
            if m.kind.value != "regular" or m.status in NOT_COUNTING or (m.start.exact and not unconfirmed):
                continue
            if m.start.latest >= due.start and m.start.earliest <= due.end:
                name = meeting_words(m, other) if other else str(m.start)
                if unconfirmed:  # planned, dates passed, not recorded as held: it may have been
                    return f"Excused if {name} was held: it was planned but is not recorded as held."
                # a financial year's days, which a year-only row's label does not give
                days = f" ({max(due.start, m.start.earliest)}..{min(due.end, m.start.latest)})" if e.year_start != 1 else ""
                return f"Excused if {name} was held in {label}{days}: the register gives only {given_start(m)}."
    return ""


def excused_by(engine: ExpectationEngine, e: Expectation) -> str:
    """Why nothing is due in ``e``'s window (for projection), or ``""``."""
    return _excuse(engine, e)


def _excuse(engine: ExpectationEngine, e: Expectation, today: date | None = None) -> str:
    """The first exception covering ``e``'s due period, in words. A planned meeting of the
    excusing body excuses while its dates are still ahead (as of ``today``); once they passed
    unconfirmed it no longer does (projection, with no ``today``, still trusts it)."""
    due = day_window(e)
    for period in e.rule.excused:
        if period.covers(due.start, due.end):
            return period.words() + (f" ({period.source})" if period.source else "")
    due, label = except_window(e), except_label(e)
    for other_id in e.rule.except_when:
        other = engine.book.body(other_id)
        for m in engine.meetings_of(other_id).overlapping(due.start, due.end):
            if m.kind.value != "regular" or m.status in NOT_COUNTING or not (due.start <= m.start.earliest and m.start.latest <= due.end):
                continue
            planned = m.status is not Status.HELD
            if planned and today is not None and m.latest < today:
                continue  # planned, dates passed, not confirmed held
            name = other.label if other else other_id
            verb = f"is {m.status.value} for" if planned else "met in"
            judged = f"no {e.body.label} is due" if e.maximum is None else "this rule does not judge the count"
            return f"{meeting_words(m, other) if other else m.start} {verb} {label}, and {judged} in a period with {a_or_an(name)}"
    return ""


def _merged(engine: ExpectationEngine, e: Expectation, counted: tuple[Meeting, ...]) -> list[str]:
    if e.rule.count_by != "event" or not counted:
        return []
    # (sessions that open after the window may join an event opened in it: the day after its
    # last day at the latest, so a month past the window finds them)
    window = engine.meetings_of(e.body.id).overlapping(e.window.start, e.deadline + timedelta(days=31))
    out = []
    for group in events(m for m in window if e.counts(m) and m.status is Status.HELD):
        if len(group) > 1 and group[0] in counted and (group[0].city or group[0].format is MeetingFormat.ONLINE):  # else the merge is only possible (uncertain)
            names = " and ".join(meeting_words(m, e.body) for m in group)
            out.append(f"Merged: {names} were held together and count as one event.")
    return out


def _not_counted_format(engine: ExpectationEngine, e: Expectation) -> list[str]:
    formats = e.rule.formats
    if not formats:
        return []
    window = engine.meetings_of(e.body.id).overlapping(e.window.start, e.deadline)
    out = []
    for m in sorted(window, key=_full_key):
        if m.format is not None and m.format not in formats and m.kind in e.rule.counts and m.status not in NOT_COUNTING and e.window.start <= m.start.earliest <= e.deadline:
            out.append(f"Not counted: {FORMAT_WORDS[m.format]}: {meeting_words(m, e.body)}.")
    return out


def _after_within(engine: ExpectationEngine, e: Expectation) -> list[str]:
    """The period's meetings after the part ``within`` judges (an AGM held after the six
    months of s.336), named in the why: they were held, and do not count."""
    within = getattr(e.rule, "within", None)
    if within is None:
        return []
    end = e.grain.window(e.period, e.year_start).end
    late = [m for m in engine.meetings_of(e.body.id).overlapping(e.deadline, end) if e.deadline < m.start.earliest and m.start.latest <= end and m.kind in e.rule.counts and m.status is Status.HELD]
    return [f"Not counted: {meeting_words(m, e.body)} (after {e.window.end}, the end of the first {within.first_words()} of {e.grain.label(e.period, e.year_start)})." for m in sorted(late, key=_full_key)]


def due_without(engine: ExpectationEngine, e: Expectation) -> bool:
    """Whether a rolling chain of the body's own meetings has this very window due even if
    its unconfirmed origin was not held: the origin fell in the due period of the window it
    would answer, so without it that window is missed and the chain goes on from the same
    period (every year: 2021 planned, never confirmed; 2022 is due either way)."""
    rule, origin = e.rule, e.origins[-1]
    if not (isinstance(rule, EveryRule) and rule.mode == "rolling") or origin.body != e.body.id:
        return False
    before = engine.for_rule(e.body, e.rule_index, rule, None, origin.earliest, pending=False)
    answered = [x for x in before if x.window.start <= origin.earliest and origin.latest <= x.window.end and x.period < e.period]
    return bool(answered) and answered[-1].grain is e.grain and answered[-1].period + rule.interval.periods == e.period


__all__ = ["amend", "due_without", "excused_by", "judge_on"]
