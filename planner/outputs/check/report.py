"""``planner check`` as text, markdown, CSV and JSON, rendered body by body.

A check judged body by body (:class:`~planner.engine.judging.findings.Checked`) is rendered as
it is judged: CSV writes each body's rows and forgets them; text and markdown keep each body's
summary row and its problems, not its findings; JSON writes each body's findings to a spool and
writes its head (whose totals need every body) before copying them out. A :class:`Report` (all
findings at hand) is rendered the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import Any

from planner.core.model import Body, Meeting, RuleBook
from planner.engine.expectation import Expectation
from planner.engine.expectations import ordinal
from planner.engine.judging.findings import VIOLATIONS, Checked, Finding, Report, Verdict
from planner.engine.judging.window_finding import (
    _WORDS_FIELDS,
    _at_most_words,
    _capped_words,
    _met_words,
)
from planner.outputs.check import forked
from planner.outputs.check.hints import RegisterMisses, early_misses, hint_lines, late_misses
from planner.outputs.formats import csv_chunks, md_table, md_text
from planner.outputs.render import (
    PROBLEM_VERDICTS,
    Problem,
    body_summary,
    problem_line,
    totals_line,
)
from planner.outputs.text import DEFAULT_WIDTH, fit_lines, plural, wrap, wrap_parts

CSV_HEADER = ("body", "verdict", "violation", "window", "window_start", "window_end", "required", "counted", "delay", "still_due", "due_by", "rule", "source", "why")


class SourceNotes:
    """Each rule's source once, numbered in the order problems cite them."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str, str], int] = {}
        self.notes: list[str] = []

    def number(self, p: Problem) -> int | None:
        if not p.windowed or not p.source:
            return None
        key = (p.body_id, p.rule_text, p.source)
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.numbers) + 1
            self.notes.append(f"{p.display}, {p.rule_text}: {p.source}")
        return number


# A crowded calendar, or a century of a thousand bodies, leaves tens of thousands of problems
# (33,000 at the generated 1,000 bodies x 100 years: 10.5 MB of text no one reads line by
# line). Past PROBLEMS_LISTED, text and markdown give one line for each body and verdict: how
# many, its first windows and its first problem in words, as ``project`` does; JSON and CSV
# keep every finding (README, "Limits").
PROBLEMS_LISTED = 100
WINDOWS_SHOWN = 3
_GROUP_WORDS = {
    Verdict.LATE: ("window met late", "windows met late"),
    Verdict.MISSED: ("window missed", "windows missed"),
    Verdict.EXCESS: ("window over its limit", "windows over their limit"),
    Verdict.OFF_DATE: ("year off the rule's date", "years off the rule's date"),
    Verdict.ADVISORY: ("customary window not kept", "customary windows not kept"),
    Verdict.UNCERTAIN: ("uncertain window", "uncertain windows"),
}


class _Problems:
    """The problems of a check as they are judged: each one while there are at most
    PROBLEMS_LISTED, and for each body and verdict its count, first windows and first problem.
    A problem kept is worded at once (its why is judged from what the finding holds now) and
    kept as a :class:`Problem`, not as the finding."""

    def __init__(self) -> None:
        self.total = 0
        self.listed: list[Problem] = []
        self.groups: dict[tuple[str, Verdict], tuple[Problem, list[int], dict[str, None]]] = {}

    def add(self, f: Finding) -> None:
        self.total += 1
        if self.total <= PROBLEMS_LISTED + 1:
            self.listed.append(Problem.of(f))
        key = (f.body.id, f.verdict)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = (Problem.of(f), [0], {})
        group[1][0] += 1
        labels = group[2]
        if len(labels) <= WINDOWS_SHOWN:  # the first distinct windows (two rules may miss one year)
            labels[f.window_label] = None

    def merge(self, later: _Problems) -> None:
        """Add the problems of the bodies after these (another process judged them): the
        first ones listed as if added here one by one, the groups (of other bodies) after."""
        self.listed += later.listed[: max(PROBLEMS_LISTED + 1 - len(self.listed), 0)]
        self.total += later.total
        self.groups.update(later.groups)

    def lines(self, notes: SourceNotes) -> tuple[str, list[tuple[str, str]]]:
        """A heading (empty while every problem is listed) and the lines: (verdict, words)."""
        if self.total <= PROBLEMS_LISTED:
            return "", [(p.verdict.value, problem_line(p, notes.number(p))) for p in self.listed]
        heading = (
            f"{self.total:,} problems, more than {PROBLEMS_LISTED} to list: grouped by body and verdict, each with its first "
            f"{WINDOWS_SHOWN} windows and its first problem in words (--format json and --format csv give every finding)."
        )
        out = []
        for p, (count,), labels in self.groups.values():
            one, many = _GROUP_WORDS.get(p.verdict, (f"{p.verdict.value} window", f"{p.verdict.value} windows"))
            shown = ", ".join([label for label in list(labels)[:WINDOWS_SHOWN] if label]) + (", ..." if len(labels) > WINDOWS_SHOWN else "")
            line = problem_line(p, notes.number(p))
            display = p.display
            said = line[len(display) + 2 :] if line.startswith((f"{display}, ", f"{display}: ")) else line
            out.append((p.verdict.value, f"{display}: {count:,} {one if count == 1 else many}" + (f" ({shown})" if shown else "") + f"; the first: {said}"))
        return heading, out


def check_chunks(
    report: Report | Checked, fmt: str, *, rules_label: str, problems_only: bool = False, width: int = DEFAULT_WIDTH, workers: int | None = None
) -> Iterator[str] | Iterator[bytes]:
    """The pieces of ``report`` in ``fmt``: JSON's in UTF-8 bytes (:func:`check_json`), the rest
    in text (and CSV's rows judged by another process in bytes). ``workers``: how many
    processes judge and write the bodies (:mod:`.forked`; 1: this one alone, ``None``: as many
    as pay)."""
    if fmt == "json":
        from planner.outputs.check.json_report import check_json

        return check_json(report, rules_label, problems_only=problems_only, workers=workers)
    if fmt == "csv":
        return _csv(report, problems_only, workers)
    return _report(report, fmt, rules_label, problems_only, width, workers)


def _csv(report: Report | Checked, problems_only: bool, workers: int | None) -> Iterator[str | bytes]:
    for piece in forked.pieces(report, _CsvFold(problems_only), workers):
        if piece.__class__ is str:
            yield piece  # type: ignore[misc]
        else:
            with piece:  # type: ignore[union-attr]
                while chunk := piece.read(1 << 20):  # type: ignore[union-attr]
                    yield chunk


class _CsvFold:
    """CSV, as the processes of :func:`forked.pieces` share it: the rows of each body, the
    header before the first; nothing else to keep."""

    def __init__(self, problems_only: bool) -> None:
        self.problems_only = problems_only

    def pieces(self, judged: Iterator[tuple[Body, int, list[Finding]]], first: bool) -> Iterator[str]:
        texts = _Texts()
        return csv_chunks(CSV_HEADER if first else None, (_csv_rows(findings, self.problems_only, texts) for _, _, findings in judged), texts=True)

    def state(self) -> None:
        return None

    def merge(self, state: None) -> None:
        pass


class _Texts(dict[Any, str]):
    """Each day or partial date as text (``str``), written once: a check's CSV writes three or
    four a finding, of a few tens of thousands of distinct ones."""

    def __missing__(self, value: Any) -> str:
        text = self[value] = str(value)
        return text


def _csv_rows(findings: list[Finding], problems_only: bool, texts: dict[Any, str]) -> list[tuple[str, ...]]:
    """The CSV rows of a body's findings, every cell a ``str`` (``texts``: :class:`_Texts`)."""
    rows = []
    labels = texts  # a window's label by its grain, period and year start (tuples: no clash with days)
    body_label = ""
    for f in findings:
        verdict = f.verdict
        if problems_only and verdict not in PROBLEM_VERDICTS:
            continue
        e = f.expectation
        counted = f.counted
        why = _why_of(f, Finding)
        if e is not None:
            window = e.window
            maximum, minimum = e.maximum, e.minimum
            if e.__class__ is _EXPECTATION and not e.cases and not e.part:  # not a subclass with labels of its own (a gap's days), nor every reading's, nor a part of a period (its days)
                key = (e.grain, e.period, e.year_start, window.end)  # (a `within` window of a year from April: its months)
                label = labels.get(key)
                if label is None:
                    label = labels[key] = e.label
            else:
                label = e.label
            where = (label, texts[window.start], texts[window.end], f"at most {maximum}" if maximum is not None else f"at least {minimum}" if minimum > 1 else "1")
        else:
            where = _NO_WINDOW
        if len(counted) == 1:
            m = counted[0]
            when = texts[m.start]
            if why.__class__ is partial and why.func is _met_words and why.args[0] is e and len(held := why.args[1]) == 1 and held[0] is m:
                # most findings: a window met by the one meeting counted, worded as _met_words
                # words it from the label and the meeting's day already written for its cells
                if not body_label:
                    body_label = e.body.label
                tally = "1 of 1 required" if minimum == 1 else f"1 held ({minimum} required)"
                why = f"{label}: {tally}, {e.reason}: {_named(m, body_label, texts)}.{' Held within the tolerance.' if m.start.earliest > window.end else ''}"
        else:
            when = "; ".join([texts[m.start] for m in counted]) if counted else ""
        if why.__class__ is partial and why.func in _WORDED and why.args[0] is e:
            why = _worded(why, e, label, texts)
        due_by, still_due = f.due_by, f.still_due
        rows.append(
            (
                f.body.id,
                *_VERDICT_CELLS[verdict],
                *where,
                when,
                f.delay,
                str(still_due) if still_due else "",
                texts[due_by] if due_by else "",
                f.rule_text,
                f.source,
                why if why.__class__ is str else why(),
            )
        )
    return rows


_NO_WINDOW = ("", "", "", "")
_WORDED = frozenset({_met_words, _at_most_words, _capped_words})


def _worded(why: partial[str], e: Expectation, label: str, texts: dict[Any, str]) -> str:
    """The words of a met window, or of one within its ceiling, as :mod:`window_finding` words
    them (``why``: a partial of one of its _WORDED functions, for ``e``), from ``e``'s label
    and its meetings' days as the cells write them (``texts``)."""
    func, args = why.func, why.args
    body_label = e.body.label
    if func is _met_words:
        held, minimum = args[1], e.minimum
        count, end = len(held), e.window.end
        tally = f"{count} of {minimum} required" if count == minimum else f"{count} held ({minimum} required)"
        late = " Held within the tolerance." if any(m.start.earliest > end for m in held) else ""
        return f"{label}: {tally}, {e.reason}: {', '.join([_named(m, body_label, texts) for m in held])}.{late}"
    if func is _at_most_words:
        held, count, over = args[1], len(args[1]), ""
    else:
        _, count, held, over = args
    named = f" ({', '.join([_named(m, body_label, texts) for m in held])})" if held else ""
    return f"{label}: {count} of at most {e.maximum}{named}{over}."


def _named(m: Meeting, body_label: str, texts: dict[Any, str]) -> str:
    """``_meeting_words(m, body)``, its day as the cells write it (``texts``)."""
    start, n, city = _WORDS_FIELDS(m)
    when = texts[start]
    if n:
        return f"{body_label} {when} ({ordinal(n)}, {city})" if city else f"{body_label} {when} ({ordinal(n)})"
    return f"{body_label} {when} ({city})" if city else f"{body_label} {when}"
# A finding's why as judged, text or the function that words it (findings.py, _Why), read
# without the descriptor that keeps the text in the finding: the CSV reads each why once.
_why_of = Finding.__dict__["why"].slot.__get__
_EXPECTATION = Expectation
_VERDICT_CELLS = {v: (v.value, "yes" if v in VIOLATIONS else "no") for v in Verdict}


class _ReportFold:
    """Text and markdown, as the processes of :func:`forked.pieces` share them: nothing written
    until every body is judged; each body's summary row and the problems kept."""

    def __init__(self, book: RuleBook, on: date | None = None) -> None:
        self.book = book
        self.on = on  # the check's day: the rule versions in force then lead a body's cadence
        self.rows: list[tuple[str, str, str]] = []
        self.found = _Problems()
        self.early: list[RegisterMisses] = []
        self.late: list[RegisterMisses] = []

    def pieces(self, judged: Iterator[tuple[Body, int, list[Finding]]], first: bool) -> Iterator[str]:
        book, rows, found = self.book, self.rows, self.found
        shown = frozenset(PROBLEM_VERDICTS)
        for body, recorded, findings in judged:
            rows.append(body_summary(body, book, findings, recorded, self.on))
            if (early := early_misses(body, book, findings)) is not None:
                self.early.append(early)
            if (late := late_misses(body, book, findings)) is not None:
                self.late.append(late)
            for f in findings:
                if f.verdict in shown:
                    found.add(f)
            yield ""

    def state(self) -> tuple[list[tuple[str, str, str]], _Problems, list[RegisterMisses], list[RegisterMisses]]:
        return self.rows, self.found, self.early, self.late

    def merge(self, state: tuple[list[tuple[str, str, str]], _Problems, list[RegisterMisses], list[RegisterMisses]]) -> None:
        rows, found, early, late = state
        self.rows += rows
        self.found.merge(found)
        self.early += early
        self.late += late


def _report(report: Report | Checked, fmt: str, rules_label: str, problems_only: bool, width: int, workers: int | None) -> Iterator[str]:
    """Text or markdown: a summary row per body, then the problems, the sources they cite and
    the totals."""
    book = report.book
    parts = [f"{book.organization.short_name} compliance as of {report.today}", f"rule book {rules_label}", f"{plural(report.meetings, 'meeting')} in the register"]
    if report.start:
        parts.append(f"from {report.start}")
    if report.end != report.today:
        parts.append(f"to {report.end}")
    fold = _ReportFold(book, min(report.today, report.end))
    for piece in forked.pieces(report, fold, workers):
        if piece.__class__ is not str:
            piece.close()  # type: ignore[union-attr]  # (empty: nothing is written before the end)
    rows, found = fold.rows, fold.found
    notes = SourceNotes()
    heading, problems = found.lines(notes)
    hints = hint_lines(fold.early) + hint_lines(fold.late)
    if fmt == "markdown":
        out = [f"# {md_text(' · '.join(parts))}", ""]
        if not problems_only:
            out += [md_table(("body", "cadence", "status"), rows)]
        if problems:
            out += ["## Problems", ""]
            if heading:
                out += [md_text(heading), ""]
            out += [f"- **{verdict}** {md_text(line)}" for verdict, line in problems]
            out.append("")
        if hints:
            out += ["## Note", "", *[md_text(line) + "\n" for line in hints]]
        if notes.notes:
            out += ["## Sources", "", *[f"{i}. {md_text(n)}" for i, n in enumerate(notes.notes, 1)], ""]
        out += [f"_{totals_line(report)}_", ""]
        yield "\n".join(out)
        return
    out = [*wrap_parts(parts, width), ""]
    if not problems_only and rows:
        out += fit_lines(rows, width)
        out.append("")
    if problems:
        out.append("Problems")
        if heading:
            out += wrap(heading, width, "  ", "  ")
        out += fit_lines(problems, width, indent=2)
        out.append("")
    if hints:
        out.append("Note")
        for line in hints:
            out += wrap(line, width, "  ", "  ")
        out.append("")
    if notes.notes:
        out.append("Sources")
        out += fit_lines([(f"[{i}]", n) for i, n in enumerate(notes.notes, 1)], width, indent=2, gap=1)
        out.append("")
    out += wrap_parts(totals_line(report).split(" · "), width)
    yield "\n".join(out) + "\n"
