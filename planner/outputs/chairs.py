"""Chair timelines and plans -> text, markdown, JSON and CSV: what ``planner chairs`` shows.

Text reads like the secretariat's own summary: one line per term, the meetings that bound it
and the statutory meetings inside it, then the plan with what each chair hosts, then findings.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from planner.core.model import Meeting, RuleBook
from planner.engine.chairmanship.closing import ad_hoc_handover_bodies
from planner.engine.chairmanship.terms import (
    ChairFinding,
    ChairReport,
    Severity,
    Term,
    length_words,
    meeting_words,
    rule_words,
    term_length,
)
from planner.outputs.formats import MadeAsReached, json_pieces, md_table, meeting_dict, to_csv
from planner.outputs.text import DEFAULT_WIDTH, fit_lines, fit_table, plural, wrap, wrap_parts


def exit_code(report: ChairReport) -> int:
    """1 when the register breaks the chair rule, as ``check`` does for cadences."""
    return 1 if report.violations else 0


def _to(t: Term, today: date) -> str:
    if t.end is None:
        return "open"
    if _handed_over(t, today):
        return f"{t.end} (handover held)"
    return f"{t.end} (expected)" if t.running else str(t.end)


def _handed_over(t: Term, today: date) -> bool:
    """A running term whose handover meeting was held: its end is no longer expected, nor its
    length "so far" (UNFCCC, COP 31 held 9-20 November 2026, read "2026-11-09 (expected)", "1
    year so far" on 5 December)."""
    return t.handed_over(today)


def _label(t: Term) -> str:
    return t.country + (" (current)" if t.current else "")


def _so_far_now(t: Term, today: date) -> bool:
    """A running term of the register, begun (on some day its start may mean) and not yet
    handed over: its length is the one it has held so far, to today."""
    return t.running and not t.planned and not _handed_over(t, today) and t.start is not None and t.start.earliest <= today


def _length(t: Term, report: ChairReport) -> str:
    words = length_words(t.length(report.today), t.exact)
    so_far = t.running and not t.planned and not _handed_over(t, report.today)
    if so_far and t.start is not None and t.start.earliest > report.today:
        # A running term the register begins after --today (the next chair, already agreed)
        # has held nothing "so far" (it was "-5 months so far"): its length is the one expected.
        return f"{words} (expected; not begun)"
    if t.start is not None and not t.exact and (t.end is not None or so_far):
        # Dated only to the month or year: as short as its latest start to its earliest end,
        # as long as the other way round ("1 year 3 months to 2 years 3 months"), never one
        # length the register does not give.
        first, last = (report.today, report.today) if so_far else (t.handed.earliest, t.handed.latest)  # type: ignore[union-attr]
        words = _range_words(term_length(min(t.start.latest, first), first), term_length(t.start.earliest, last))
    if so_far:
        return f"{words if not t.exact else length_words(_so_far(t, report), t.exact)} so far" if t.start else words
    return words if t.end else "open"


def _range_words(short: Any, long: Any) -> str:
    """``1 year 9 to 10 months``, ``1 year 3 months to 2 years 3 months``, or one length."""
    a, b = length_words(short), length_words(long)
    if a == b:
        return a
    if short.years == long.years and short.months and long.months and not short.days and not long.days:
        years = f"{short.years} year{'s' if short.years != 1 else ''} " if short.years else ""
        return f"{years}{short.months} to {long.months} months"
    return f"{a} to {b}"


def _so_far(t: Term, report: ChairReport) -> Any:
    assert t.start is not None
    return term_length(t.start.earliest, report.today)


def _bounds(t: Term, book: RuleBook, today: date) -> str:
    parts = []
    # A planned or expected handover no projected meeting holds: at a meeting of a handover
    # body that meets ad hoc, still to be called (the Council of Europe's Deputies in November)
    ad_hoc = " or the ".join(b.name for b in ad_hoc_handover_bodies(book)) if t.planned or t.running else ""
    if t.opened_by is not None:
        parts.append(f"from the {meeting_words(t.opened_by, book)}")
    elif ad_hoc and t.planned and not t.current and t.start is not None and t.start.earliest > today:  # (not a day past)
        parts.append(f"from a meeting of the {ad_hoc} still to be called")
    if t.closed_by is not None:
        parts.append(f"to the {meeting_words(t.closed_by, book)}")
    elif ad_hoc and t.end is not None:
        parts.append(f"to a meeting of the {ad_hoc} still to be called")
    return ", ".join(parts)


def _list(meetings: Sequence[Meeting], book: RuleBook) -> str:
    return "; ".join(meeting_words(m, book) for m in meetings)


def _totals(report: ChairReport) -> str:
    v, n = len(report.violations), len(report.notes)
    parts = [f"{plural(len(report.terms), 'term')} in the register"]
    if report.plan:
        parts.append(f"{len(report.plan)} planned")
    parts += [plural(v, "violation"), plural(n, "note")]
    return " · ".join(parts) + f" · exit {exit_code(report)}"


def _head(report: ChairReport, rules_label: str) -> str:
    org = report.book.organization.short_name
    who = f"{report.country.name} as chair of {org}" if report.country else f"{org} chairmanship"
    return f"{who} as of {report.today} · rule book {rules_label}"


def _length_ranges(t: Term, today: date) -> tuple[list[int] | None, list[int] | None]:
    """The shortest and longest length in days and in whole months over the days the register
    allows (the same number twice for a term dated to the day), as the text's "1 year 3 months
    to 2 years 3 months" reads them: from ``from`` to ``to``, or to today for a running term's
    length so far ("7 months so far" was 730 days and 23 months, its expected length, in the
    same JSON term); ``None`` without both ends."""
    if t.start is None or (t.end is None and not _so_far_now(t, today)):
        return None, None
    first, last = (today, today) if _so_far_now(t, today) else (t.handed.earliest, t.handed.latest)  # type: ignore[union-attr]
    early = min(t.start.latest, first)
    short, long = term_length(early, first), term_length(t.start.earliest, last)
    return [(first - early).days, (last - t.start.earliest).days], [short.years * 12 + short.months, long.years * 12 + long.months]


def term_dict(t: Term, report: ChairReport) -> dict[str, Any]:
    delta = term_length(t.start.earliest, report.today) if t.start is not None and _so_far_now(t, report.today) else t.length(report.today)
    days, months = _length_ranges(t, report.today)
    # A term dated only to the month or year has no one length: null, and the range the
    # register allows (its earliest reading alone was given as the length).
    exact = t.exact
    return {
        "ordinal": t.ordinal,
        "country": t.country,
        "member": t.member.name if t.member else None,
        "from": str(t.start) if t.start else None,
        "to": str(t.end) if t.end else None,
        "running": t.running,
        "planned": t.planned,
        "current": t.current,
        "years": t.years(),
        "length": _length(t, report),
        "length_days": days[0] if days is not None and exact else None,
        "length_days_range": days,
        "exact": t.exact,
        "opened_by": meeting_dict(t.opened_by) if t.opened_by else None,
        "closed_by": meeting_dict(t.closed_by) if t.closed_by else None,
        "statutory": [meeting_dict(m) for m in t.statutory],
        "hosted": [meeting_dict(m) for m in t.hosted],
        "note": t.note or None,
        "source": t.source or None,
    } | ({"length_months": delta.years * 12 + delta.months if exact else None, "length_months_range": months} if delta is not None else {})


def finding_dict(f: ChairFinding) -> dict[str, Any]:
    return {"kind": f.kind, "severity": f.severity.value, "violation": f.severity is Severity.VIOLATION, "country": f.country, "message": f.message}


def render_chairs(report: ChairReport, fmt: str, *, rules_label: str, width: int = DEFAULT_WIDTH) -> str | Iterator[str]:
    """The answer in ``fmt``; JSON in pieces as encoded, each term's dict made as it is reached."""
    book = report.book
    rule = book.chairmanship
    if fmt == "json":
        return json_pieces(
            {
                "command": "chairs",
                "organization": book.organization.id,
                "today": report.today.isoformat(),
                "rule_book": rules_label,
                "country": report.country.name if report.country else None,
                "rule": (rule.model_dump(mode="json") | {"words": rule_words(rule, book)}) if rule else None,
                "terms": MadeAsReached(report.terms, lambda t: term_dict(t, report)),
                "plan": MadeAsReached(report.plan, lambda t: term_dict(t, report)),
                "after_plan": report.after_plan or None,
                "findings": [finding_dict(f) for f in report.findings],
                "summary": {"terms": len(report.terms), "planned": len(report.plan), "violations": len(report.violations), "notes": len(report.notes), "exit_code": exit_code(report)},
            }
        )
    if fmt == "csv":
        # a term's findings by its place (a scan of every finding for every term, matched by the
        # start date, was quadratic: 5,000 overlapping terms took minutes and gigabytes, and a
        # row showed the findings of any other term that began the same day)
        said: dict[int, list[str]] = {}
        for f in report.findings:
            if f.term is not None:
                said.setdefault(f.term, []).append(f.message)
        rows = [
            (
                "plan" if t.planned else "register",
                t.ordinal or "",
                _label(t),
                t.start or "",
                t.end or "",
                t.years(),
                _length(t, report),
                meeting_words(t.opened_by, book) if t.opened_by else "",
                meeting_words(t.closed_by, book) if t.closed_by else "",
                _list(t.statutory, book),
                _list(t.hosted, book),
                " ".join(said.get(i, ())) if not t.planned else "",
                t.note,
            )
            for i, t in enumerate([*report.terms, *report.plan])
        ]
        return to_csv(("section", "ordinal", "country", "from", "to", "years", "length", "opened_by", "closed_by", "statutory", "hosted", "findings", "note"), rows)
    head = _head(report, rules_label)
    rule_line = f"Rule: {rule_words(rule, book)}." if rule else "The rule book has no [chairmanship] section."
    if fmt == "markdown":
        out = [f"# {head}", "", rule_line, ""]
        if report.terms:
            out += ["## Register", "", md_table(("#", "chair", "from", "to", "length", "handovers", "statutory meetings"), ((t.ordinal or "", t.country, t.start or "", _to(t, report.today), _length(t, report), _bounds(t, book, report.today), _list(t.statutory, book)) for t in report.terms))]
        if report.plan:
            out += ["## Plan", "", md_table(("chair", "from", "to", "years", "length", "handovers", "hosts"), ((_label(t), t.start or "", _to(t, report.today), t.years(), _length(t, report), _bounds(t, book, report.today), _list(t.hosted, book)) for t in report.plan))]
            if report.after_plan:
                out += [report.after_plan, ""]
        if report.findings:
            out += ["## Findings", "", *[f"- **{f.severity.value}** {f.message}" for f in report.findings], ""]
        out += [f"_{_totals(report)}_", ""]
        return "\n".join(out)
    out = [*wrap_parts(head.split(" · "), width), *wrap(rule_line, width, "", "  "), ""]
    if report.country and (report.terms or report.plan):
        chaired = "Chaired: " + ", ".join(t.years() + (" (planned)" if t.planned and not t.current else "") for t in [*report.terms, *(p for p in report.plan if not p.current)])
        out += [*wrap(chaired, width, "", "  "), ""]
    if report.terms:
        out.append("Register")
        out += _term_lines(report.terms, report, hosted=bool(report.country), width=width)
        out.append("")
    if report.plan:
        out.append("Plan")
        out += _term_lines(report.plan, report, hosted=True, width=width)
        if report.after_plan:
            out += wrap(report.after_plan, width, "  ", "    ")
        out.append("")
    if report.findings:
        out.append("Findings")
        out += fit_lines([(f.severity.value, f.message) for f in report.findings], width, indent=2)
        out.append("")
    out += wrap_parts(_totals(report).split(" · "), width)
    return "\n".join(out) + "\n"


def _term_lines(terms: Sequence[Term], report: ChairReport, *, hosted: bool, width: int) -> list[str]:
    book = report.book
    rows = [(f"{t.ordinal or ''}", _label(t), f"{t.start or '?'} → {_to(t, report.today)}", t.years(), _length(t, report)) for t in terms]
    out = []
    for t, lines in zip(terms, fit_table(rows, width, indent=2), strict=True):
        out += lines
        bounds = _bounds(t, book, report.today)
        if bounds:
            out += wrap(bounds, width, "      ", "        ")
        others = [m for m in t.statutory if m not in (t.opened_by, t.closed_by)]
        if others and not hosted:
            out += wrap(f"statutory: {_list(others, book)}", width, "      ", "        ")
        if hosted:
            for line in [f"hosts the {meeting_words(m, book)}" for m in t.hosted] or ["hosts no chair-hosted meeting in the register or projection"]:
                out += wrap(line, width, "      ", "        ")
    return out
