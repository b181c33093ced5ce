"""A chair term longer than the rule allows: judged as of --today for the register's terms
(a violation where it is longer on every day its dates may mean, a note where only on some),
and expected of running and planned terms from the handover meetings the projection holds (a
note). Split from judge.py, which judges the rest of the chair rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from planner.core.model import Chairmanship, Kind, RuleBook, Status
from planner.engine.chairmanship.terms import (
    ChairFinding,
    Severity,
    Term,
    handover_slack,
    length_words,
    meeting_words,
    term_length,
)
from planner.engine.coverage import Coverage

_EXTENSION_RE = re.compile(r"extend|extension|continu|prolong|renew", re.IGNORECASE)


def span(t: Term, today: date) -> str:
    start = t.start or "?"
    end = f"{t.end}" if t.end and not t.running else f"{t.end} (handover held)" if t.handed_over(today) else f"today ({today})" if t.running else "?"
    return f"{start} to {end}"


def allowed_end(rule: Chairmanship, start: date, *, overflow: bool = False) -> date:
    """The last day a term begun on ``start`` may end (its handover day) under the rule. A term
    of years or months begun on a day its last month lacks (29 February, a year on; 31 January,
    a month on) ends on that month's last day, as dateutil counts, or with ``overflow`` on the
    next day, the first of the month after (a year from 29 February 2020: 28 February or 1 March
    2021, by the convention)."""
    allowed = rule.term.add_to(start)
    if overflow and rule.term.unit != "d" and allowed.day < start.day:
        allowed += timedelta(days=1)
    return rule.tolerance.add_to(allowed) if rule.tolerance else allowed


def long_term(book: RuleBook, rule: Chairmanship, t: Term, today: date) -> list[ChairFinding]:
    assert t.start is not None
    if not t.running and t.end is None:
        return []
    # A running term whose handover meeting was held ended there, as its length says: judged
    # to that meeting, not to today (a term handed over in time read "2 years 3 months so
    # far", a violation, only because the chair register names no successor yet).
    running = t.running and not t.handed_over(today)
    # A term dated only to the year or month is as long as its days make it: longest from the
    # first day its start may mean to the last its end may mean, shortest the other way round.
    last, latest_end = (today, today) if running else (t.handed.earliest, t.handed.latest)  # type: ignore[union-attr]
    allowed = allowed_end(rule, t.start.earliest)
    if latest_end <= allowed:
        return []  # not longer than the rule, whatever the days
    slack = f" (tolerance {rule.tolerance.words()})" if rule.tolerance else ""
    so_far = " so far" if running else ""
    if last <= allowed_end(rule, t.start.latest):
        # Longer only on some of the days the register allows: a note, never a violation.
        # (with their days where the months alone would not say it: "5 months to 6 months,
        # perhaps longer than 6 months" read as a contradiction)
        shortest, longest = (_over_words(rule, a, b, True) for a, b in ((t.start.latest, last), (t.start.earliest, latest_end)))
        text = f"{t.country} chaired {span(t, today)}: {shortest} to {longest}{so_far}, perhaps longer than the rule's term of {rule.term.words()}{slack}: longer"
        if last == latest_end:
            # Its end is known (or today): only its first day is not. Say by when it must have
            # begun, not "if it began on ... and ended after ...", which read as if the end were unknown.
            began_by = t.start.latest
            while allowed_end(rule, began_by) >= latest_end:
                began_by -= timedelta(days=1)
            text += f" if it began by {began_by}"
        elif t.start.exact:
            text += f" if it ended after {allowed}"
        else:
            text += f", for instance, if it began on {t.start.earliest} and ended after {allowed}"
        text += "; the register does not give the days."
        return [ChairFinding("long_term", Severity.NOTE, t.country, text)]
    words = _over_words(rule, t.start.earliest, last, t.exact)
    text = f"{t.country} chaired {span(t, today)}: {words}{so_far}, longer than the rule's term of {rule.term.words()}{slack}."
    if last <= allowed_end(rule, t.start.latest, overflow=True):
        # Begun on 29 February and handed over on 1 March a year on: longer than a year only
        # if the year ended on 28 February. The calendar's convention, not the register, decides:
        # a note, never a violation.
        text = f"{text[:-1]} only if a term from {t.start.latest} ends on {allowed_end(rule, t.start.latest)}, the last day of the month that lacks its day; read as ending on the day after, it is not."
        return [ChairFinding("long_term", Severity.NOTE, t.country, text)]
    # (on some of its days: one planned for a year partly past may have been held before today)
    ended = t.closed_by if t.running and t.closed_by is not None and t.closed_by.status is Status.PLANNED and t.closed_by.earliest < today else None
    if ended is not None and ended.earliest <= allowed_end(rule, t.start.latest):
        # The meeting that would end the term is past (or may be) but still recorded as planned:
        # held as planned, the term was not too long. The register does not say which: a note.
        held = length_words(term_length(t.start.latest, ended.earliest), t.exact and ended.earliest == ended.latest)
        text = (
            f"{text[:-1]}, unless the {meeting_words(ended, book)} that would end it was held as planned (a term of {held}):"
            " the register does not say whether it was held."
        )
        return [ChairFinding("long_term", Severity.NOTE, t.country, text)]
    if t.running and (unrecorded := _may_have_passed(book, rule, t.start.latest, allowed_end(rule, t.start.latest))):
        # The chair may have passed in time at a handover meeting the register does not hold,
        # and the chair register not have been brought up to date: never more certain than that.
        return [ChairFinding("long_term", Severity.NOTE, t.country, f"{text[:-1]}, unless the chair passed at {unrecorded}; the chair register names no successor.")]
    if t.running and not rule.handover_bodies:
        # A rotation by date: the chair passes on the day its term runs out, at no meeting to
        # record. A chair register that names no successor yet is one not brought up to date
        # as likely as a chair who stayed on (the G20's United States, 2025-12-01 with no end,
        # as of 2026-12-05): a note, never a violation; an end recorded late is one.
        return [ChairFinding("long_term", Severity.NOTE, t.country, f"{text[:-1]}, unless the chair passed on {allowed_end(rule, t.start.latest)}, as the rule has it; the chair register names no successor.")]
    missed = [m for m in t.statutory if m.kind is Kind.REGULAR and m.body in rule.handover_bodies and t.start.latest + handover_slack(rule) < m.earliest and (t.end is None or m.latest < t.end.earliest - handover_slack(rule))]
    if missed:
        text += " Did not hand over at: " + "; ".join(meeting_words(m, book) for m in missed) + "."
    said = [s.strip() for s in re.split(r"(?<=\.)\s+", t.note) if _EXTENSION_RE.search(s)]
    if said:
        text += f" The register notes an extension: {' '.join(said)}"
    return [ChairFinding("long_term", Severity.VIOLATION, t.country, text)]


def long_term_from_since(rule: Chairmanship, t: Term, today: date) -> list[ChairFinding]:
    """A term the register dates only to the month or year, which may have begun before the
    chair rule's ``since`` or under it: judged on the days under the rule (from ``since`` to
    its latest start), a note where it is longer than the rule on some of them, never a
    violation (begun before the rule, it is not judged by it)."""
    assert t.start is not None and rule.since is not None
    if not t.running and t.end is None:
        return []
    running = t.running and not t.handed_over(today)
    last, latest_end = (today, today) if running else (t.handed.earliest, t.handed.latest)  # type: ignore[union-attr]
    since = rule.since.earliest
    if latest_end <= allowed_end(rule, since):
        return []  # not longer than the rule on any day under it
    every = last > allowed_end(rule, t.start.latest)
    short, long = (length_words(term_length(a, b)) for a, b in ((min(t.start.latest, last), last), (since, latest_end)))
    slack = f" (tolerance {rule.tolerance.words()})" if rule.tolerance else ""
    text = (
        f"{t.country} chaired {span(t, today)}: begun under the chair rule (from {rule.since}), {short} to {long}{' so far' if running else ''},"
        f" {'' if every else 'perhaps '}longer than the rule's term of {rule.term.words()}{slack}; begun before it, not judged by it."
        " The register does not give the day it began."
    )
    return [ChairFinding("long_term", Severity.NOTE, t.country, text)]


def handover_records_gap(book: RuleBook, rule: Chairmanship, start: date, end: date) -> tuple[str, str]:
    """The first handover body whose register is not known complete on some day of
    ``start``..``end``, and why in the words of record coverage; ``("", "")`` where every one is."""
    for body_id in rule.handover_bodies:
        body = book.body(body_id)
        gap = Coverage.of(body, book).gap(start, end) if body is not None else ""
        if gap:
            return body.name, gap  # type: ignore[union-attr]
    return "", ""


def _may_have_passed(book: RuleBook, rule: Chairmanship, start: date, end: date) -> str:
    """Where a meeting of a handover body may have been held unrecorded after ``start`` and by
    ``end`` (its register not known complete for those days: record coverage), that meeting and
    why, in words; empty where every handover body's register is known complete then."""
    name, gap = handover_records_gap(book, rule, start + timedelta(days=1), end)
    return f"a meeting of the {name} the register does not record: its register {gap.removeprefix('the register ')}" if gap else ""


def _over_words(rule: Chairmanship, start: date, last: date, exact: bool) -> str:
    """A term's length from ``start`` to ``last``, with its days where the years and months
    alone are no longer than the rule's term ("2 years 1 day", not "2 years, longer than 2 years")."""
    delta = term_length(start, last)
    words = length_words(delta, exact)  # (to the day where the dates are)
    if not exact and delta.days and rule.term.add_to(start) >= start + relativedelta(years=delta.years, months=delta.months):
        words += f" {delta.days} day{'s' if delta.days != 1 else ''}"
    return words




def expected_long(book: RuleBook, terms: Sequence[Term]) -> list[ChairFinding]:
    """Notes for the running and planned terms that the projection makes longer than the rule
    allows, on every reading of their days (a term of 2 years handed over only at a Summit
    every 4 years): the register's terms are judged as of --today, and a plan is laid on the
    handover meetings the projection holds, so such a term was shown, 3 years 11 months beside
    a rule of 2 years, with no word. A note, never a violation: nothing has happened yet, and
    the rule book, not the plan, leaves no handover meeting between."""
    rule = book.chairmanship
    if rule is None:
        return []
    out = []
    for t in terms:
        if not (t.running or t.planned) or t.start is None or t.end is None or t.end.earliest <= allowed_end(rule, t.start.latest):
            continue
        slack = f" (tolerance {rule.tolerance.words()})" if rule.tolerance else ""
        words = _over_words(rule, t.start.latest, t.end.earliest, t.exact)
        ends = f" at the {meeting_words(t.closed_by, book)}" if t.closed_by is not None else ""
        what = "planned term" if t.planned else "running term"
        out.append(
            ChairFinding(
                "long_expected", Severity.NOTE, t.country,
                f"{t.country}'s {what}, {t.start} to {t.end}, is expected to end{ends}: {words}, longer than the rule's term of {rule.term.words()}{slack};"
                " the projection holds no meeting of a handover body before then.",
                term_start=str(t.start),
            )
        )  # fmt: skip
    return out
