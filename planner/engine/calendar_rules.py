"""The rule kinds of real organizations' statutes: dates computed by rule (``on``), meetings
due before another body's (``before``), recess periods, and sessions held together as one event.

Each produces :class:`~planner.engine.expectations.Expectation` values like the other kinds,
so compliance and projection treat them alike:

* ``on``: one window per due year, opening on the computed day and as long as the body's
  meetings (``duration_days``), so that projection can only place the meeting on that very day:
  a weekend or holiday there is a Problem, never a silent move. Compliance judges the whole
  year (:func:`judge_on`): held on the day is ``met``, held on another day ``off_date``.
* ``before``: for each counting meeting of the other body opening on day S, one is due in
  ``[S - offset, S - 1]``. Windows of origins close together are cut so that they never
  overlap: a meeting serves one window of a rule.
* ``recess``: a window wholly inside a body's recess is not due at all.
* ``count_by = "event"``: sessions of one body in one place opening within the first one's
  days or the day after are one event, which counts once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.core.dates import Grain, Window
from planner.core.model import Body, Meeting, MeetingFormat, OnRule, Rule
from planner.engine.expectation import _after_applies, _hull, _within, starts_chain
from planner.engine.expectations import (
    CHAINING,
    Expectation,
    effective_start,
    ordinal_words,
    origin_cases,
)

if TYPE_CHECKING:
    from planner.core.model import BeforeRule
    from planner.engine.expectations import ExpectationEngine


def _applies(body: Body, rule: Rule, day: date) -> bool:
    if not rule.in_force(day):
        return False
    return not (body.established and day < body.established.earliest)


def on_dates(engine: ExpectationEngine, body: Body, rule: OnRule, end: date) -> list[date]:
    """The days an ``on`` rule names, from the rule's start (else the body's first meeting) to
    ``end``, plus the next one after ``end``."""
    first = effective_start(body, rule)
    if first is None:
        history = engine.meetings_of(body.id).meetings
        if not history:
            return []
        first = date(history[0].earliest.year, 1, 1)
    step = rule.interval.amount
    year = first.year
    if rule.anchor is not None:
        year += (rule.anchor - year) % step
    out: list[date] = []
    last_year = min(end.year + step, (rule.until or date.max).year)
    while year <= last_year:
        day = rule.on(year)
        if day is not None and day >= first and _applies(body, rule, day):
            out.append(day)
        year += step
    return out


def on_expectations(engine: ExpectationEngine, body: Body, index: int, rule: OnRule, end: date, pending: bool) -> list[Expectation]:
    chain = []
    for day in on_dates(engine, body, rule, end):
        window = Window(day, day + timedelta(days=body.duration_days - 1))
        reason = rule.words(day.year)
        chain.append(Expectation(body, rule, index, Grain.DAY, day.toordinal(), window, 1, None, window.end, None, reason))
    return _within(chain, end, pending)


def before_expectations(engine: ExpectationEngine, body: Body, index: int, rule: BeforeRule, end: date, pending: bool) -> list[Expectation]:
    other = engine.book.body(rule.body)
    starts = starts_chain(rule, other)  # the other body's own counting kinds (issue 9, meaning 5)
    origins = [m for m in engine.meetings_of(rule.body).meetings if m.status in CHAINING and starts(m)]
    chain: list[Expectation] = []
    # Versions of one rule follow each meeting of the other body under the version in force
    # on the day it opened, as for `after`: a Summit of 15 January 2021 under "within 2 months
    # before" (from 1 January) is due its Board from 15 November 2020, under that version only.
    versions = [r for r in body.rules if r.kind == "before" and r.id == rule.id]
    # The last day of the previous occasion's window, whichever version it is due under: one
    # meeting serves one window across versions too (a Board of 2021-06-01 met both "within
    # 1 month before" a Summit of 2021-06-20 and "within 2 months before" one of 2021-07-10,
    # under the next version; without versions the second window is cut to 2021-06-20..07-09)
    ended = date.min
    for origin in origins:
        v = next((r for r in versions if r.in_force(origin.earliest)), rule) if len(versions) > 1 else rule
        last = origin.latest - timedelta(days=1) if not origin.start.exact else origin.earliest - timedelta(days=1)
        first = origin.earliest - v.offset.delta()  # type: ignore[attr-defined]
        floor = ended + timedelta(days=1) if ended > date.min else date.min  # the previous occasion's window ends there
        if ended > date.min and first <= ended:
            if ended >= last:
                continue  # two origins this close are one occasion: one meeting before them
            first = ended + timedelta(days=1)
        window = Window(first, last)
        if v is not rule:
            if _after_applies(body, v, origin, window.start, versions):  # type: ignore[arg-type]
                ended = window.end  # another version's window: the next one begins after it
            continue
        if not _after_applies(body, rule, origin, window.start, versions):  # type: ignore[arg-type]
            continue
        if rule.until is not None and origin.earliest > rule.until and not any(r.in_force(origin.earliest) for r in versions):
            continue  # the rule had ended when the meeting opened: nothing was due before it
        reason = f"within {rule.offset.words()} before {ordinal_words(origin, other) if other else rule.body}"
        # origins: a window due only because of a planned meeting that passed unconfirmed is
        # uncertain, never missed (README, "Unconfirmed origins"), as for `after`
        e = Expectation(body, rule, index, Grain.DAY, last.toordinal(), window, 1, None, last, None, reason, origin, False, (origin,))
        if not origin.start.exact:
            # The origin's opening day is not known: one case per day it may have opened on,
            # so that a meeting inside some of those windows only is `uncertain`, not `met`;
            # each under the version in force that day (`2m` until 2021-06-30, then `1m`).
            cases = []
            seams: dict[int, tuple[date, BeforeRule]] = {}
            for day, words in origin_cases(origin, Grain.DAY):
                v = next((r for r in versions if r.in_force(day)), rule) if len(versions) > 1 else rule
                if v is not rule and id(v) not in seams:
                    seams[id(v)] = (day, v)  # type: ignore[assignment]
                w = Window(max(floor, day - v.offset.delta()), day - timedelta(days=1))  # type: ignore[attr-defined]
                if w.end >= w.start:
                    cases.append(replace(e, period=w.end.toordinal(), window=w, deadline=w.end, assumption=words))
            if len(cases) > 1:
                e = replace(_hull(cases), period=e.period)
                if seams:
                    e.reason = reason + "".join(f"; within {v.offset.words()} before it if it was held from {day.isoformat()} (the rule's version in force then)" for day, v in seams.values())
        chain.append(e)
        ended = e.window.end
    return _within(chain, end, pending)


def in_recess(body: Body, e: Expectation) -> bool:
    """Whether the whole window falls in one of the body's recess periods: nothing is due."""
    return any(period.covers(e.window.start, e.window.end) for period in body.recess)


def recess_free(body: Body, exps: Iterable[Expectation]) -> list[Expectation]:
    if not body.recess:
        return list(exps)
    return [e for e in exps if not in_recess(body, e)]


# -- sessions held together ---------------------------------------------------------------------


def _joins(first: Meeting, meeting: Meeting) -> bool:
    """A session joins the event another opened when it is held in the same place and opens
    within that first session's days or the day after: the 40th and 41st Summits on 10 and 11
    November. Anchoring on the first session (not chaining) keeps the count monotone: recording
    one more session never merges two events that were apart."""
    if not (first.exact and meeting.exact) or (first.city or "").casefold() != (meeting.city or "").casefold():
        return False
    return first.earliest <= meeting.earliest <= first.latest + timedelta(days=1)


def events(meetings: Iterable[Meeting]) -> list[list[Meeting]]:
    """Meetings grouped into events, in date order."""
    groups: list[list[Meeting]] = []
    for meeting in sorted(meetings, key=lambda m: (m.sort_key(), m.city, m.country, str(m.format))):
        home = next((g for g in reversed(groups) if _joins(g[0], meeting)), None)
        if home is None:
            groups.append([meeting])
        else:
            home.append(meeting)
    return groups


def _may_join(first: Meeting, meeting: Meeting) -> bool:
    """Whether ``meeting`` may have joined the event ``first`` opened on days or in a place the
    register does not give: a city missing on one side, or a day known only to the month or year."""
    a, b = (first.city or "").casefold(), (meeting.city or "").casefold()
    if a and b and a != b:
        return False  # two cities: held apart
    formats = (first.format, meeting.format)
    if None not in formats and formats[0] is not formats[1] and MeetingFormat.ONLINE in formats:
        return False  # a video conference beside a meeting in person: held apart
    return meeting.start.latest >= first.start.earliest and meeting.start.earliest <= first.latest + timedelta(days=1)


def maybe_joined(groups: list[list[Meeting]]) -> set[int]:
    """The ids of events' first sessions that may belong to an earlier event (see
    :func:`_may_join`): counted apart, the count would be more certain than the data."""
    out: set[int] = set()
    for i, group in enumerate(groups):
        head = group[0]
        if any(_may_join(other[0], head) or _may_join(head, other[0]) for other in groups[:i]):
            out.add(id(head))
    return out


def one_per_event(meetings: list[Meeting]) -> list[Meeting]:
    """The first session of each event: what ``count_by = "event"`` counts."""
    return [group[0] for group in events(meetings)]


# -- exceptions ---------------------------------------------------------------------------------


def day_window(e: Expectation) -> Window:
    """The period an exception is judged on: the due period (a rolling chain's last period)."""
    if e.grain in (Grain.DAY, Grain.WEEK):
        return e.window
    # (the rule's own years: a financial year from April is FY2021-22, 2021-04-01..2022-03-31,
    # not the calendar year 2021; session 19: a Summit of 2022-02-10 excused nothing)
    due = e.grain.window(e.period, e.year_start)
    return Window(max(due.start, e.window.start), due.end)


def except_window(e: Expectation) -> Window:
    """The period another body's meeting excuses (``except_when``): the due period, but for
    an ``on`` rule its year, not its one day ("the Council meets on the first Thursday of
    December, except in a Summit year": a Summit of 1 December excuses the Council due on
    2 December; session 25: it excused only a Summit opening on that very day)."""
    if e.rule.__class__ is OnRule:
        year = e.window.start.year
        return Window(date(year, 1, 1), date(year, 12, 31))
    return day_window(e)


def except_label(e: Expectation) -> str:
    """The period :func:`except_window` names: an ``on`` rule's year, else the window's label."""
    return str(e.window.start.year) if e.rule.__class__ is OnRule else e.label


__all__ = ["before_expectations", "day_window", "except_label", "except_window", "events", "maybe_joined", "on_expectations", "one_per_event", "recess_free"]
