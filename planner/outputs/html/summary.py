"""The head of the report: the totals and, under them, every violation one click from its row.

A reader who opens the page to answer "what is wrong?" should not scroll through the timeline and
every body's findings to find out: the totals' "violations" links to a short list, a line per body
and verdict, each window a link to its finding's row (and the body's name to its findings).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.engine.chairmanship.terms import ChairFinding, Severity, Term
from planner.engine.judging.compliance import Report
from planner.outputs.html.timeline import slug
from planner.outputs.render import check_totals

# Windows linked one by one on a line of the list; past that, "and N more" links to the body.
# Lines (bodies x verdicts) listed; past that, one line counts the rest and links to the findings.
LINKS_PER_LINE = 12
LINES = 30
VIOLATIONS_ID = "violations"


@dataclass(frozen=True)
class Total:
    label: str
    count: int
    css: str
    href: str = ""  # where the count leads, when it has a list of its own


@dataclass(frozen=True)
class Link:
    label: str
    href: str


@dataclass(frozen=True)
class ViolationLine:
    body: str
    body_href: str
    verdict: str
    count: int
    links: list[Link]
    more: int  # windows of this line not linked one by one (their rows are under the body)


@dataclass(frozen=True)
class Violations:
    lines: list[ViolationLine]
    more_lines: int  # lines left out past LINES
    more_count: int  # the violations on them


def totals(report: Report, chairs: Sequence[Total] = ()) -> list[Total]:
    """The header's counts: the totals of the text and the JSON (one definition), and after
    the check's violations those of the chair register (``chair_totals``)."""
    t = check_totals(report)
    return [
        Total("violation" if t["violations"] == 1 else "violations", t["violations"], "missed", f"#{VIOLATIONS_ID}" if t["violations"] else ""),
        *chairs,
        Total("advisory" if t["advisories"] == 1 else "advisories", t["advisories"], "advisory"),
        Total("uncertain", t["uncertain"], "uncertain"),
        Total("unknown", t["unknown"], "unknown"),
        Total("excused", t["excused"], "excused"),
        Total("open window" if t["open"] == 1 else "open windows", t["open"], "open"),
        Total("next due", t["next_due"], "open"),
    ]


def chair_totals(findings: Sequence[ChairFinding]) -> list[Total]:
    """The chair register's violations, a count of their own beside the check's: the same
    numbers as ``planner check`` and ``planner chairs``, each with its own exit."""
    n = sum(1 for f in findings if f.severity is Severity.VIOLATION)
    return [Total("chair violation" if n == 1 else "chair violations", n, "missed", f"#{VIOLATIONS_ID}")] if n else []


def chair_line(findings: Sequence[ChairFinding], finding_ids: Sequence[str], terms: Sequence[Term] = ()) -> list[ViolationLine]:
    """The line of the violations list for the chair terms: each violation a link to its finding
    (the SCO's chair who sat 1 year 4 months was said only at the page's foot), named by the
    term it concerns, its chair and first day: a handover at a term's end names the next chair,
    and "Moldova 2021-07-01" was Georgia's term (BSEC)."""
    links = [Link(f"{_chair_of(f, terms)} {f.term_start}".strip(), f"#{fid}") for f, fid in zip(findings, finding_ids, strict=True) if f.severity is Severity.VIOLATION]
    if not links:
        return []
    shown = links[:LINKS_PER_LINE]
    return [ViolationLine("Chairs", "#chairs", "violation" if len(links) == 1 else "violations", len(links), shown, len(links) - len(shown))]


def _chair_of(f: ChairFinding, terms: Sequence[Term]) -> str:
    """The chair of the term ``f`` concerns (its ``term``), else the country it names."""
    return terms[f.term].country if f.term is not None and 0 <= f.term < len(terms) else f.country


def violations(report: Report, finding_ids: Mapping[int, str], chairs: Sequence[ViolationLine] = ()) -> Violations:
    """Every violation of the page by body (rule-book order) and verdict, each window linked to
    the row ``finding_ids`` gives it (the body's heading where its row is not listed)."""
    lines: list[ViolationLine] = []
    for body in report.book.bodies:
        if body.id not in report.recorded:
            continue
        by_verdict: dict[str, list[Link]] = {}
        for f in report.of(body.id):
            if f.violation:
                href = "#" + finding_ids.get(id(f), f"b-{slug(body.id)}")
                by_verdict.setdefault(f.verdict.value, []).append(Link(f.window_label or f.verdict.value, href))
        for verdict, links in by_verdict.items():
            shown = links[:LINKS_PER_LINE]
            lines.append(ViolationLine(body.name, f"#b-{slug(body.id)}", verdict.replace("_", " "), len(links), shown, len(links) - len(shown)))
    lines.extend(chairs)
    rest = lines[LINES:]
    return Violations(lines[:LINES], len(rest), sum(line.count for line in rest))
