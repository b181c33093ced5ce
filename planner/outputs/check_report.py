"""``planner check`` as text, markdown, CSV and JSON, rendered body by body.

A check judged body by body (:class:`~planner.engine.judging.findings.Checked`) is rendered as
it is judged: CSV writes each body's rows and forgets them; text and markdown keep each body's
summary row and its problems, not its findings; JSON writes each body's findings to a spool and
writes its head (whose totals need every body) before copying them out. A :class:`Report` (all
findings at hand) is rendered the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from planner.engine.expectation import Expectation
from planner.engine.judging.findings import VIOLATIONS, Checked, Finding, Report, Verdict
from planner.outputs.render import (
    PROBLEM_VERDICTS,
    body_summary,
    csv_chunks,
    md_table,
    md_text,
    problem_line,
    totals_line,
)
from planner.outputs.text import DEFAULT_WIDTH, fit_lines, plural, wrap_parts

CSV_HEADER = ("body", "verdict", "violation", "window", "window_start", "window_end", "required", "counted", "delay", "still_due", "due_by", "rule", "source", "why")


class SourceNotes:
    """Each rule's source once, numbered in the order problems cite them."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str, str], int] = {}
        self.notes: list[str] = []

    def number(self, f: Finding) -> int | None:
        if f.expectation is None or not f.source:
            return None
        key = (f.body.id, f.rule_text, f.source)
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.numbers) + 1
            self.notes.append(f"{f.body.display}, {f.rule_text}: {f.source}")
        return number


def check_chunks(report: Report | Checked, fmt: str, *, rules_label: str, problems_only: bool = False, width: int = DEFAULT_WIDTH) -> Iterator[str] | Iterator[bytes]:
    """The pieces of ``report`` in ``fmt``: JSON's in UTF-8 bytes (:func:`check_json`), the rest in text."""
    if fmt == "json":
        from planner.outputs.check_json import check_json

        return check_json(report, rules_label, problems_only=problems_only)
    if fmt == "csv":
        texts = _Texts()
        return csv_chunks(CSV_HEADER, (_csv_rows(findings, problems_only, texts) for _, _, findings in report.bodies()), texts=True)
    return _report(report, fmt, rules_label, problems_only, width)


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
    for f in findings:
        verdict = f.verdict
        if problems_only and verdict not in PROBLEM_VERDICTS:
            continue
        e = f.expectation
        if e is not None:
            window = e.window
            maximum, minimum = e.maximum, e.minimum
            if e.__class__ is _EXPECTATION:  # not a subclass with labels of its own (a gap's days)
                key = (e.grain, e.period, e.year_start)
                label = labels.get(key)
                if label is None:
                    label = labels[key] = e.label
            else:
                label = e.label
            where = (label, texts[window.start], texts[window.end], f"at most {maximum}" if maximum is not None else f"at least {minimum}" if minimum > 1 else "1")
        else:
            where = _NO_WINDOW
        counted, due_by, still_due = f.counted, f.due_by, f.still_due
        rows.append(
            (
                f.body.id,
                *_VERDICT_CELLS[verdict],
                *where,
                (texts[counted[0].start] if len(counted) == 1 else "; ".join([texts[m.start] for m in counted])) if counted else "",
                f.delay,
                str(still_due) if still_due else "",
                texts[due_by] if due_by else "",
                f.rule_text,
                f.source,
                why if (why := _why_of(f, Finding)).__class__ is str else why(),
            )
        )
    return rows


_NO_WINDOW = ("", "", "", "")
# A finding's why as judged, text or the function that words it (findings.py, _Why), read
# without the descriptor that keeps the text in the finding: the CSV reads each why once.
_why_of = Finding.__dict__["why"].slot.__get__
_EXPECTATION = Expectation
_VERDICT_CELLS = {v: (v.value, "yes" if v in VIOLATIONS else "no") for v in Verdict}


def _report(report: Report | Checked, fmt: str, rules_label: str, problems_only: bool, width: int) -> Iterator[str]:
    """Text or markdown: a summary row per body, then the problems, the sources they cite and
    the totals."""
    book = report.book
    parts = [f"{book.organization.short_name} compliance as of {report.today}", f"rule book {rules_label}", f"{plural(report.meetings, 'meeting')} in the register"]
    if report.start:
        parts.append(f"from {report.start}")
    if report.end != report.today:
        parts.append(f"to {report.end}")
    rows: list[tuple[str, str, str]] = []
    problems: list[tuple[str, str]] = []  # verdict, the problem in words
    notes = SourceNotes()
    shown = frozenset(PROBLEM_VERDICTS)
    for body, recorded, findings in report.bodies():
        rows.append(body_summary(body, book, findings, recorded))
        for f in findings:
            if f.verdict in shown:
                problems.append((f.verdict.value, problem_line(f, notes.number(f))))
    if fmt == "markdown":
        out = [f"# {md_text(' · '.join(parts))}", ""]
        if not problems_only:
            out += [md_table(("body", "cadence", "status"), rows)]
        if problems:
            out += ["## Problems", ""]
            out += [f"- **{verdict}** {md_text(line)}" for verdict, line in problems]
            out.append("")
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
        out += fit_lines(problems, width, indent=2)
        out.append("")
    if notes.notes:
        out.append("Sources")
        out += fit_lines([(f"[{i}]", n) for i, n in enumerate(notes.notes, 1)], width, indent=2, gap=1)
        out.append("")
    out += wrap_parts(totals_line(report).split(" · "), width)
    yield "\n".join(out) + "\n"
