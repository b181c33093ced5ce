"""One meeting or two: rows of one body with the same kind and days and no number.

A number identifies a meeting (:func:`planner.core.meeting.later_parts`); without one, two rows
of a body with the same kind, first and last days may be one meeting recorded twice (a data
problem to report) or two meetings held those days: the register does not say. So may a row
without a number beside one with a number (the 4th, recorded again without it); two numbers
are two meetings. A row repeated
identically is read once (:mod:`planner.inputs.register.found` keeps its lines in
:class:`~planner.core.meeting.Recorded`); rows dated to the day that differ only in a city, a
title or a source are both kept. Either way such rows are never counted twice toward a minimum
and never make a maximum certain: where one or two decides the window it is ``uncertain``, and
every finding that counted them names them (and the rows' lines, where the reader gave them).
Meetings dated only to a month or year are not paired up: two rows of `2021` are as likely two
meetings as one."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from itertools import compress, islice
from operator import eq

from planner.core.meeting import given_start
from planner.core.model import Body, Meeting, Status
from planner.engine.expectation import Expectation
from planner.engine.expectations import ExpectationEngine
from planner.engine.gaps import GapExpectation
from planner.engine.judging.findings import Finding, Verdict, with_more_words
from planner.engine.judging.window_finding import _meeting_words

_SHORT = frozenset({Verdict.MET, Verdict.MISSED, Verdict.ADVISORY})  # an at_least window counts its held meetings
_CAPPED = frozenset({Verdict.MET, Verdict.OPEN, Verdict.EXCESS, Verdict.ADVISORY})  # an at_most window: all it holds
_HELD = Status.HELD  # read once (in Python 3.11 a member read from its class costs ~0.3 us)


def twin_noted(judged: Iterator[tuple[Body, int, list[Finding]]], engine: ExpectationEngine, twice: Mapping[Meeting, tuple[int, str]] | None) -> Iterator[tuple[Body, int, list[Finding]]]:
    """``judged`` (a check's bodies as they are judged), each finding that counted twin rows
    judged again on one meeting or two (see the module's doc)."""
    bodies = {m.body for m in twice} if twice else set()
    for body, recorded, findings in judged:
        bm = engine.meetings_of(body.id)
        twins = _twins(body, bm.meetings, bm.starts, bm.opened_by, twice or {}, body.id in bodies)
        if twins:
            # loosely dated rows repeated: one meeting or two, each may open in several periods
            loose = [m for m in bm.meetings if id(m) in twins and not m.start.exact and twins[id(m)][1]] if body.id in bodies else []
            findings = [_noted(f, twins, loose) for f in findings]
        yield body, recorded, findings


def _twins(body: Body, meetings: list[Meeting], starts: list[date], opened_by: list[date], twice: Mapping[Meeting, tuple[int, str]], repeated: bool) -> dict[int, tuple[int, int, str]]:
    """id of each held meeting of a twin group -> (its group, copies beyond the one kept,
    the group's words); empty for nearly every body (no two meetings open the same day)."""
    if not repeated:
        # Without repeated rows, twins are meetings dated to one and the same day: only the
        # days two such meetings open on are looked at, found in the index (in order of first
        # and last days, those dated to a day come first among the meetings opening that day,
        # their first and last opening days one), not in the meetings themselves.
        ties = compress(range(1, len(starts)), map(eq, starts, islice(starts, 1, None)))
        days = sorted({starts[i] for i in ties if opened_by[i] == starts[i]})
        if not days:
            return {}
        meetings = [m for day in days for m in meetings[bisect_left(starts, day) : bisect_right(starts, day)]]
    groups: dict[tuple, list[Meeting]] = {}
    for m in meetings:
        if m.status is _HELD and (m.start.exact or (m.ordinal is None and m in twice)):
            groups.setdefault((m.kind, m.start, m.end) if m.start.exact else (id(m),), []).append(m)
    out: dict[int, tuple[int, int, str]] = {}
    for n, group in enumerate(groups.values()):
        numbered = sum(m.ordinal is not None for m in group)
        if numbered > 1:  # two numbers are two meetings: the rows without one, if any, pair alone
            group = [m for m in group if m.ordinal is None]
            numbered = 0
        lines = [twice[m][1] for m in group if m in twice]
        if len(group) == 1 and not lines:
            continue
        named = " and ".join(_meeting_words(m, body) for m in group)
        rows = sum(twice[m][0] if m in twice else 1 for m in group)
        where = f" ({'; '.join(lines)})" if lines else ""
        which = ", only one of them numbered" if numbered else " and no number"
        words = f"{named} {'is on' if len(group) == 1 else 'are'} {rows} rows with the same kind and days{which}{where}"
        for m in group:
            out[id(m)] = (n, twice[m][0] - 1 if m in twice else 0, words)
    return out


def _noted(f: Finding, twins: dict[int, tuple[int, int, str]], loose: list[Meeting]) -> Finding:
    e = f.expectation
    if e is None or isinstance(e, GapExpectation):
        return f
    if loose and e.rule.kind in ("at_least", "at_most"):
        f = _loose_noted(f, e, twins, loose)
    if not f.counted:
        return f
    found = [twins[id(m)] for m in f.counted if id(m) in twins]
    if not found:
        return f
    groups = {g for g, _, _ in found}
    lo = len(f.counted) - (len(found) - len(groups))  # each group one meeting
    hi = len(f.counted) + sum(extra for _, extra, _ in found)  # each row a meeting
    words = "; ".join(dict.fromkeys(w for _, _, w in found))
    kept = f.verdict in (Verdict.MET, Verdict.OPEN)
    doubt = None
    if e.maximum is None and f.verdict in _SHORT and (lo < e.minimum if kept else hi >= e.minimum):
        doubt = f"{e.label}: {lo} of {e.minimum} certain ({e.reason}); {words}: one meeting or two, the register does not say."
    elif e.maximum is not None and f.verdict in _CAPPED and (hi > e.maximum if kept else lo <= e.maximum):
        doubt = f"{e.label}: {lo} to {hi} meetings, at most {e.maximum} allowed; {words}: one meeting or two, the register does not say."
    if doubt is not None:
        return replace(f, verdict=Verdict.UNCERTAIN, why=doubt, late_meeting=None, delay="", still_due=0, due_by=None)
    return with_more_words(f, lambda: f" {words[0].upper()}{words[1:]}: one meeting or two, {f.verdict.value.replace('_', ' ')} either way.")


def _loose_noted(f: Finding, e: Expectation, twins: dict[int, tuple[int, int, str]], loose: list[Meeting]) -> Finding:
    """``f`` judged again where a loosely dated row repeated identically may have opened in its
    window without being counted there: the judge took it for one meeting, which decides
    nothing; as two (two rows of `2021` are as likely two meetings as one), they may fill a
    floor ("at least twice a quarter": either quarter of 2021) or break a ceiling. Such a
    window is `uncertain`, not `missed` or `met` (it was: "no counting meeting recorded")."""
    counted = {id(m) for m in f.counted}
    near = [m for m in loose if id(m) not in counted and e.counts(m) and m.start.earliest <= e.deadline and m.start.latest >= e.window.start]
    if not near:
        return f
    held = len(f.counted) + sum(twins[id(m)][1] for m in f.counted if id(m) in twins)
    most = held + sum(1 + twins[id(m)][1] for m in near)
    words = "; ".join(dict.fromkeys(twins[id(m)][2] for m in near))
    given = ", ".join(dict.fromkeys(given_start(m) for m in near))
    maybe = f"{words}: one meeting or two, the register does not say, and it gives only {given}: {'they' if len(near) > 1 else 'it'} may have opened in {e.label}"
    if e.maximum is None and f.verdict in (Verdict.MISSED, Verdict.ADVISORY) and most >= e.minimum:
        why = f"{e.label}: {len(f.counted)} of {e.minimum} certain ({e.reason}); {maybe}."
    elif e.maximum is not None and f.verdict in (Verdict.MET, Verdict.OPEN) and most > e.maximum:
        why = f"{e.label}: {len(f.counted)} to {most} meetings, at most {e.maximum} allowed; {maybe}."
    else:
        return f
    return replace(f, verdict=Verdict.UNCERTAIN, why=why, late_meeting=None, delay="", still_due=0, due_by=None)


def certain_count(meetings: list[Meeting]) -> int:
    """How many of ``meetings`` (of one body, counted toward a window) are meetings for certain:
    held rows with the same kind and days are one meeting or two (see the module's doc), so each
    such group counts its numbered rows when it has two or more, else once. What projection
    plans for, so that a window check calls "one meeting or two" gets enough either way."""
    if len(meetings) < 2:
        return len(meetings)
    groups: dict[tuple, list[int]] = {}
    count = 0
    for m in meetings:
        if m.status is Status.HELD and m.start.exact:
            numbers = groups.setdefault((m.kind, m.start, m.end), [0, 0])
            numbers[m.ordinal is None] += 1
        else:
            count += 1
    return count + sum(numbered + (unnumbered > 0) if numbered > 1 else 1 for numbered, unnumbered in groups.values())
