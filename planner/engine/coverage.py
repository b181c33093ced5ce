"""Record coverage: whether the register is known to hold every meeting of a period.

A shortfall in a period whose records are not known complete proves nothing: the meeting may
have been held and not recorded. Such a window is ``unknown`` (not a violation), and the finding
says which coverage statement made it so. The statements are the body's ``records``, else the
organization's (``core/model.py``, :class:`Records`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from itertools import compress, repeat
from operator import attrgetter, eq
from typing import TYPE_CHECKING

from planner.core.model import AtLeastRule, Body, Kind, Meeting, Records, RuleBook, Status
from planner.core.words import a_or_an
from planner.engine.gaps import GapExpectation
from planner.engine.rule_words import ordinal
from planner.engine.unrecorded_gap import chain_start, firm_days, most_counted, readings

if TYPE_CHECKING:
    from planner.engine.expectation import Expectation
    from planner.engine.expectations import ExpectationEngine


class Coverage:
    """The coverage statements that apply to one body."""

    def __init__(self, records: tuple[Records, ...]) -> None:
        self.complete = sorted((r.start, r.end or date.max) for r in records if r.complete)
        self.incomplete = [r for r in records if not r.complete]

    @classmethod
    def of(cls, body: Body, book: RuleBook) -> Coverage:
        return cls(body.records or book.organization.records)

    def gap(self, start: date, end: date) -> str:
        """Why ``[start, end]`` is not known complete, in words; empty when it is."""
        for r in self.incomplete:
            if r.start <= end and start <= (r.end or date.max):
                span = f"{r.start}..{r.end}" if r.end else f"from {r.start}"
                return f"the register is known incomplete {span}" + (f" ({r.note})" if r.note else "")
        if not self.complete:
            return ""
        day = start
        for first, last in self.complete:
            if first > day:
                break
            if last >= day:
                if last >= end:
                    return ""
                day = last + timedelta(days=1)
        spans = [f"{a}..{b}" if b != date.max else f"from {a}" for a, b in self.complete]
        listed = spans[0] if len(spans) == 1 else ", ".join(spans[:-1]) + " and " + spans[-1]  # (not "..1951-12-31, from 2007-01-01")
        return f"the register is known complete only {listed}"

    def unknown_runs(self, start: date, end: date) -> list[tuple[date, date]]:
        """The runs of days of ``[start, end]`` not known complete (read day by day: asked
        only of a window short of meetings under ``min_gap``)."""
        runs: list[tuple[date, date]] = []
        day, one = start, timedelta(days=1)
        while day <= end:
            if self.gap(day, day):
                if runs and runs[-1][1] == day - one:
                    runs[-1] = (runs[-1][0], day)
                else:
                    runs.append((day, day))
            day += one
        return runs

    def first_unknown(self, start: date, end: date) -> date:
        """The first day of ``[start, end]`` not known complete (``start`` where :meth:`gap` finds
        none: asked only where it does)."""
        days = [max(start, r.start) for r in self.incomplete if r.start <= end and start <= (r.end or date.max)]
        if self.complete:
            day: date | None = start
            for first, last in self.complete:
                if day is None or first > day:
                    break
                if last >= day:
                    # (a statement open to the end covers every day after: "complete from 2019"
                    # beside a month known incomplete inside it stepped past date.max and crashed)
                    day = last + timedelta(days=1) if last < date.max else None
            if day is not None:
                days.append(day)
        return min(days, default=start)


def still_due_note(coverage: Coverage, name: str, label: str, opened: date, today: date, projected: Sequence[Meeting]) -> str:
    """What a projection says of a window running today whose days so far the register is not
    known to hold whole: the meetings projected for it are what the register shows still due,
    and a meeting held since the window opened may simply not be recorded (a meeting projected
    for tomorrow is then often one already held). Empty where the days are known complete."""
    gap = coverage.gap(opened, today)
    if not gap:
        return ""
    days = [str(m.start.earliest) for m in projected]
    which = f"the meeting projected on {days[0]} is" if len(days) == 1 else f"the meetings projected on {', '.join(days[:-1])} and {days[-1]} are"
    # (from the first day not known complete: the Ibero-American Summit's window due 2026 opens
    # on 2024-11-16, its register complete to 2025-12-31; "held from 2024-11-16" said a meeting
    # of 2025 might be missing from a year the register holds whole)
    unknown = coverage.first_unknown(opened, today)
    until = last_unknown(coverage, opened, today) or today  # (a month known incomplete inside days known complete: to its end)
    return f"{name}, {label}: {gap}, so a meeting held from {unknown} to {until} may not be recorded; {which} what it shows still due."


_STILL_DUE = re.compile(r"(?P<head>.*?; the meetings? projected on )(?P<days>.+?)(?P<tail> (?:is|are) what it shows still due\.)", re.DOTALL)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def still_due_moved(note: str, name: str, moves: Mapping[str, str]) -> str:
    """``note``, where it is a :func:`still_due_note` of the body ``name``, naming each
    meeting it names by the day ``moves`` gives it (a chair re-placing it on its working days):
    the note said 2029-06-18 of the Council the schedule showed on 2029-06-14."""
    if not moves or not note.startswith(f"{name}, "):
        return note
    found = _STILL_DUE.fullmatch(note)
    if found is None:
        return note
    days = _DAY.sub(lambda day: moves.get(day.group(0), day.group(0)), found["days"])
    return found["head"] + days + found["tail"]


_NUMBER = attrgetter("ordinal")
_NUMBER_FIRST_DAY = attrgetter("ordinal", "start.earliest")  # a key read in C
_KIND = attrgetter("kind")


def _numbering_gap(meetings: list[Meeting]) -> bool:
    """Whether the numbers of some kind of ``meetings`` skip one, read in C (no Python step
    per meeting): at N nearly no body's do, and grouping them by kind first cost 0.05 s."""
    kinds = list(map(_KIND, meetings))
    numbers = list(map(_NUMBER, meetings))
    numbered = set(compress(kinds, numbers))  # the kinds of the numbered ones (at N, one a body)
    if len(numbered) == 1:
        got = set(filter(None, numbers))
        return max(got) - min(got) + 1 != len(got)
    for kind in numbered:
        got = set(filter(None, compress(numbers, map(eq, kinds, repeat(kind)))))
        if max(got) - min(got) + 1 != len(got):
            return True
    return False


class Unrecorded:
    """Meetings the register's own numbering says were held but which it does not list: the
    9th and the 11th Forum are recorded, so a 10th was held between them. A shortfall of a
    window that such a meeting may have filled proves nothing (never more certain than the
    data), as in a period whose records are not known complete.

    Numbers run per body and kind; a number recorded in any status (a cancelled 10th keeps
    its number) is accounted for, and an unnumbered meeting of that kind held between the two
    may be the one missing (not a cancelled, postponed or unconfirmed planned one). Only gaps between two recorded numbers count: a register that starts
    at the 5th says nothing new about the years its coverage statements do not already cover."""

    def __init__(self, meetings: list[Meeting], label: str = "") -> None:
        # (kind, first day the unrecorded meetings may have opened on, last day, how many, words)
        self.spans: list[tuple[Kind, date, date, int, str]] = []
        if not _numbering_gap(meetings):
            return  # numbers without a gap (most registers): nothing unrecorded
        by_kind: dict[Kind, list[Meeting]] = {}
        for m in meetings:
            by_kind.setdefault(m.kind, []).append(m)
        for kind, group in by_kind.items():
            numbers = list(filter(None, map(_NUMBER, group)))
            if not numbers or max(numbers) - min(numbers) + 1 == len(set(numbers)):
                continue  # numbers without a gap (most registers): nothing unrecorded
            numbered = sorted((m for m in group if m.ordinal), key=_NUMBER_FIRST_DAY)
            # the unnumbered ones by first day: those between two numbers are looked up, not
            # counted over the whole group for each gap
            # held ones only: a cancelled or postponed row was not held on its days, and a plan
            # not confirmed held may not have been, so the meeting the numbers say was held may
            # be another, on a day the register does not give (session 24: two Boards planned
            # or cancelled between the 5th and the 7th left the years between `missed`)
            loose = sorted((m.start.earliest, m.start.latest) for m in group if not m.ordinal and m.status is Status.HELD)
            firsts = [first for first, _ in loose]
            for a, b in zip(numbered, numbered[1:], strict=False):
                missing = b.ordinal - a.ordinal - 1  # type: ignore[operator]
                if missing <= 0 or b.start.latest < a.start.earliest:
                    continue  # no gap, or numbers out of order in time: nothing to infer
                first, last = a.start.earliest, b.start.latest
                if loose:
                    missing -= sum(1 for _, latest in loose[bisect_left(firsts, first) : bisect_right(firsts, last)] if latest <= last)
                if missing > 0:
                    names = ordinal(a.ordinal + 1) if missing == 1 else f"{ordinal(a.ordinal + 1)} to {ordinal(b.ordinal - 1)}"  # type: ignore[operator]
                    words = f"the register numbers the {label}{' ' if label else ''}{kind.value} meetings {ordinal(a.ordinal)} ({a.start}) then {ordinal(b.ordinal)} ({b.start}): the {names} {'is' if missing == 1 else 'are'} not recorded and may have been held in this window"  # type: ignore[arg-type]
                    self.spans.append((kind, first, last, missing, words))

    def touching(self, start: date, end: date, kinds: Iterable[Kind]) -> list[tuple[Kind, date, date, int, str]]:
        """The spans of unrecorded meetings of ``kinds`` that may have opened in ``[start, end]``."""
        return [span for span in self.spans if span[0] in kinds and span[1] <= end and start <= span[2]]

    def gap(self, start: date, end: date, kinds: Iterable[Kind], needed: int) -> str:
        """Why a shortfall of ``needed`` meetings of ``kinds`` in ``[start, end]`` may be the
        register's, not the body's, in words; empty when no unrecorded meeting could fill it."""
        found = [(n, words) for kind, first, last, n, words in self.spans if kind in kinds and first <= end and start <= last]
        if not found or sum(n for n, _ in found) < needed:
            return ""
        return "; ".join(words for _, words in found)


def last_unknown(coverage: Coverage, start: date, end: date) -> date | None:
    """The last day of ``[start, end]`` not known complete (``None``: every day is)."""
    days = [min(end, r.end or date.max) for r in coverage.incomplete if r.start <= end and start <= (r.end or date.max)]
    if coverage.complete:
        day, moved = end, True
        while moved and day >= start:
            moved = False
            for first, last in coverage.complete:
                if first <= day <= last:
                    day, moved = first - timedelta(days=1), True
        if day >= start:
            days.append(day)
    return max(days, default=None)


class RecordGaps:
    """Why a body's shortfall may be the register's: coverage statements, then numbering."""

    def __init__(self, body: Body, book: RuleBook, meetings: list[Meeting]) -> None:
        self.coverage = Coverage.of(body, book)
        self.label = body.label
        self.meetings = meetings
        self.unrecorded: Unrecorded | None = None
        self._close: dict[int, tuple[object, str]] = {}

    def numbering(self) -> Unrecorded:
        """The meetings the register's numbers skip, read on first asking."""
        if self.unrecorded is None:
            self.unrecorded = Unrecorded(self.meetings, self.label)
        return self.unrecorded

    def gap(self, e: Expectation, counted: Sequence[Meeting], until: date | None = None) -> str:
        """Why ``e``'s window, to its deadline (or to ``until``: the part of a running window
        already past), may hold meetings the register does not show; empty when none."""
        start, end = e.window.start, until or e.deadline
        gap = self.coverage.gap(start, end)
        if gap:
            return "" if until is None and self.too_close(e, gap) else gap
        if not self.numbering().spans:
            return ""
        inside = sum(1 for m in counted if start <= m.start.earliest and m.start.latest <= end)
        words = self.numbering().gap(start, end, e.rule.counts, max(1, e.minimum - inside))
        return "" if words and self.too_close(e) else words

    def too_close(self, e: Expectation, statement: str = "") -> str:
        """Where ``e``'s rule has a ``min_gap`` and the meetings the numbers skip may have
        been held in its window, but on no day they may have opened on can they make its
        count (the 44th between the 43rd of 2020-01-10 and the 45th of 2020-03-01, three a
        year at least 30 days apart: at most two count), why the shortfall stands, in words;
        empty otherwise (the window may then have been met: ``unknown``). So for days not
        known complete (``statement`` says which): any number of meetings may be missing
        there, and where even those cannot make the count, the shortfall stands."""
        rule = e.rule
        if not isinstance(rule, AtLeastRule) or rule.min_gap is None or rule.relaxations or isinstance(e, GapExpectation):
            return ""  # (a gap relaxed for some days is not read here: unknown, as before; nor a max_gap window)
        known = self._close.get(id(e))
        if known is not None and known[0] is e:
            return known[1]
        start, end = e.window.start, e.deadline
        spans = [s for s in self.numbering().spans if s[0] in rule.counts and s[1] <= end] if not statement else []
        days = firm_days(self.meetings, rule)
        words = ""
        if statement and days is not None:
            # (the chain before the window may have run otherwise too: counted from its first day)
            runs = [(start - timedelta(days=1), start - timedelta(days=1), 0)] + [(a, b, 1) for a, b in self.coverage.unknown_runs(start, end)]
            most = most_counted(days, runs, rule.min_gap, chain_start(e.body, rule), start, end)
            if most < e.minimum:
                words = f" Not unknown: {statement}, but with meetings closer than {rule.min_gap.words()} counting once, at most {most} can count in {e.label} whatever meetings the register lacks."
        elif spans and days is not None:
            begins = chain_start(e.body, rule)
            most = most_counted(days, [(s[1], s[2], s[3]) for s in spans], rule.min_gap, begins, start, end)
            if most < e.minimum:
                inside = [s for s in spans if s[2] >= start]
                said = "; ".join(s[4].removesuffix(" and may have been held in this window") for s in inside)
                n = sum(s[3] for s in inside)
                held = "it was" if n == 1 else "they were"
                words = f" Not unknown: {said}, but with meetings closer than {rule.min_gap.words()} counting once, at most {most} can count in {e.label} whatever day {held} held."
        self._close[id(e)] = (e, words)
        return words

    def may_leave_short(self, e: Expectation) -> str:
        """Where ``e``'s window (of a rule with a ``min_gap``), met by the meetings recorded,
        is left short on some days one meeting the numbers skip may have opened on (counted
        just before the window, it counts once with a recorded one inside it), on which days,
        in words; empty where no such day exists (or more than one meeting is unrecorded
        near it: not read day by day)."""
        rule = e.rule
        if not isinstance(rule, AtLeastRule) or rule.min_gap is None or rule.relaxations or rule.count_by == "event" or not self.numbering().spans:
            return ""  # (sessions held together count once: the readings count sessions)
        start, end = e.window.start, e.deadline
        spans = [s for s in self.numbering().spans if s[0] in rule.counts and s[1] <= end and s[2] >= start - timedelta(days=400)]
        if len(spans) != 1 or spans[0][3] != 1:
            return ""
        days = firm_days(self.meetings, rule)
        if days is None:
            return ""
        _, first, last, _, said = spans[0]
        runs = readings(days, (first, last, 1), rule.min_gap, chain_start(e.body, rule), start, end)
        short = [(a, b) for a, b, n in runs if n < e.minimum]
        if not short or len(short) == len(runs):
            return ""
        met = [(a, b) for a, b, n in runs if n >= e.minimum]

        def spans_words(found: list[tuple[date, date]]) -> str:
            return ", ".join(str(a) if a == b else f"{a}..{b}" for a, b in found)

        said = said.removesuffix(" and may have been held in this window")
        return f" Not certain: {said}; with meetings closer than {rule.min_gap.words()} counting once, met if it was held {spans_words(met)}; short if held {spans_words(short)}."


def excusing_gap(e: Expectation, cache: dict[str, RecordGaps], engine: ExpectationEngine) -> str:
    """Why a shortfall of ``e``, whose rule an ``except_when`` body's meeting in the due period
    excuses, may be excused by a meeting that body's register does not show, in words; empty
    when its register holds the period whole. A Board due yearly except in a Summit year,
    short in 2017, with the Summits numbered 3rd (2014) then 5th (2019): the 4th may have been
    held in 2017 and excused it, so 2017 is ``unknown``, not ``missed`` (it was: the Summit's
    register was read as complete where its own numbers, or its ``records``, say it is not;
    session 24)."""
    # (calendar_rules builds on expectations)
    from planner.engine.calendar_rules import except_label, except_window

    due = except_window(e)
    for other_id in e.rule.except_when:
        other = engine.book.body(other_id)
        if other is None:
            continue
        gaps = cache.get(other_id)
        if gaps is None:
            gaps = cache[other_id] = RecordGaps(other, engine.book, engine.meetings_of(other_id).meetings)
        said = gaps.coverage.gap(due.start, due.end)
        if said:
            said = f"for the {other.label} {said}"
        else:
            said = "; ".join(span[4] for span in gaps.numbering().touching(due.start, due.end, (Kind.REGULAR,)))
        if said:
            return f"{a_or_an(other.label)} in {except_label(e)} would excuse it, and {said}"
    return ""
