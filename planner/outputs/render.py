"""Rule books and checks in words: a body's cadence, the ``planner bodies`` listing, and what
every format of a check says alike (a body's summary, a problem, the totals).

The formats' shared helpers are in :mod:`planner.outputs.formats`; a check's writers in
:mod:`planner.outputs.check.report` (text, markdown, CSV) and :mod:`planner.outputs.check.json_report`.
Renderers return strings or pieces of one; the CLI writes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple

from planner.core.model import AdHocRule, Body, Meeting, RuleBook
from planner.engine.expectations import Expectation, ordinal, rule_words
from planner.engine.judging.compliance import Checked, Finding, Report, Verdict
from planner.outputs.formats import md_table, to_csv, to_json
from planner.outputs.text import DEFAULT_WIDTH, fit_table, plural, wrap


def _day(day: date, last: bool) -> str:
    """A version's bound as a reader writes it: a year when it is the year's first (last) day."""
    return str(day.year) if (day.month, day.day) == ((12, 31) if last else (1, 1)) else day.isoformat()


def version_words(rule: Any, book: RuleBook) -> str:
    """An earlier rule version with its dates: "2004 to 2024-12-16: at least once a year"
    ("2010: ..." for one whole year)."""
    words = rule_words(rule, book)
    if rule.since and rule.until:
        since, until = _day(rule.since, False), _day(rule.until, True)
        return f"{since}: {words}" if since == until else f"{since} to {until}: {words}"
    if rule.until:
        return f"until {_day(rule.until, True)}: {words}"
    return f"since {_day(rule.since, False)}: {words}" if rule.since else words


def _in_force(words: str, since: date | None, until: date | None) -> str:
    """Rules in force last with their dates: "... (since 2019-01-01)", "... until 2021-08-15",
    "... from 2005-01-01 to 2021-12-31" (a rule that ended is said so in the sentence)."""
    if until is None:
        return f"{words} (since {since})" if since else words
    return f"{words} from {since} to {until}" if since else f"{words} until {until}"


def cadence_words(body: Body, book: RuleBook, on: date | None = None) -> str:
    """All of a body's cadence: the rules in force last (those without an end, else those
    ending last) with their dates, then the others (earlier versions, rules that ended first)
    with theirs, in brackets. ``on`` (a check's day): the rules in force that day lead where
    they are not the last ones (:func:`_cadence_on`).

    "at least twice a year (since 2024-12-17; 2004 to 2024-12-16: at least once a year)";
    "every 2 years (fixed grid from 2011); at most once a year";
    "at most once a quarter until 2021-08-15 (until 2021-07-15: at least twice a year)";
    rules in force last with different dates each say theirs, and the others follow them:
    "at least once a year (since 2001-01-01); in practice once a year (since 2001-03-01)".
    """
    rules = list(body.rules)
    if not rules:
        return "ad hoc"
    last = None if any(r.until is None for r in rules) else max(r.until for r in rules)
    current = [r for r in rules if r.until == last]
    if on is not None:
        today = [r for r in rules if (r.since is None or r.since <= on) and (r.until is None or on <= r.until)]
        if today and today != current:
            return _cadence_on(today, [r for r in rules if r not in today], book)
    earlier = [version_words(r, book) for r in rules if r.until != last]
    bounds: dict[tuple[date | None, date | None], list[str]] = {}
    for r in current:
        bounds.setdefault((r.since, r.until), []).append(rule_words(r, book))
    if len(bounds) > 1:  # each rule in force last with its own dates, the others after them
        return "; ".join([*(_in_force("; ".join(words), *key) for key, words in bounds.items()), *earlier])
    (since, until), words = next(iter(bounds.items()))
    text = "; ".join(words)
    if until is None and since:  # (the others after its start: they were its earlier versions)
        return f"{text} (since {since}" + (f"; {'; '.join(earlier)})" if earlier else ")")
    text = _in_force(text, since, until)
    return f"{text} ({'; '.join(earlier)})" if earlier else text


def _cadence_on(today: list[Any], others: list[Any], book: RuleBook) -> str:
    """A check's cadence as of its day, where the rules in force then are not the last ones:
    those first, each with its dates, then the other versions in the order they apply. The
    Landsgemeinde of Appenzell, checked as of 2026, is "on the last Sunday in April (2012 to
    2037; 2011: on the first Sunday in May; 2038: ...; since 2039: ...)"; it led with the
    version from 2039, as if in force (session 24's finding)."""
    rest = [version_words(r, book) for r in sorted(others, key=lambda r: (r.since or date.min, r.until or date.max))]
    out = []
    for i, r in enumerate(today):
        inside = [s for s in (_span(r),) if s] + (rest if i == len(today) - 1 else [])
        out.append(rule_words(r, book) + (f" ({'; '.join(inside)})" if inside else ""))
    return "; ".join(out)


def _span(rule: Any) -> str:
    """A rule's dates as a version's are said: "2012 to 2037", "since 2024-12-17"."""
    since = _day(rule.since, False) if rule.since else None
    until = _day(rule.until, True) if rule.until else None
    return f"{since} to {until}" if since and until else f"since {since}" if since else f"until {until}" if until else ""


# -- planner bodies -------------------------------------------------------------------------


def render_bodies(book: RuleBook, fmt: str, width: int = DEFAULT_WIDTH) -> str:
    rows = [(b.id, b.name, b.category.value, cadence_words(b, book), b.host.value) for b in book.bodies]
    if fmt == "json":
        return to_json(
            {
                "organization": book.organization.id,
                "bodies": [
                    {
                        "id": b.id,
                        "name": b.name,
                        "short_name": b.short_name or None,
                        "category": b.category.value,
                        "established": str(b.established) if b.established else None,
                        "cadence": cadence_words(b, book),
                        "stated_cadence": b.stated_cadence or None,
                        "host": b.host.value,
                        "rules": [r.model_dump(mode="json", exclude_defaults=True) | {"kind": r.kind, "words": rule_words(r, book)} for r in b.rules],
                    }
                    for b in book.bodies
                ],
            }
        )
    if fmt == "markdown":
        return f"# {book.organization.short_name} bodies\n\n" + md_table(("id", "body", "category", "cadence", "host"), rows)
    if fmt == "csv":
        return to_csv(("id", "name", "category", "cadence", "host"), rows)
    org = book.organization
    # one table for all categories, so that the columns line up from one to the next
    lines = [*wrap(f"{org.name} ({org.short_name}): {plural(len(book.bodies), 'body', 'bodies')}; the first column is the id that --body takes", width), ""]
    table = fit_table([(b.id, b.display, cadence_words(b, book)) for b in book.bodies], width, indent=2)
    lines_of = dict(zip((b.id for b in book.bodies), table, strict=True))
    for category in ("governing", "working", "advisory"):
        members = [b for b in book.bodies if b.category.value == category]
        if not members:
            continue
        lines.append(category.capitalize())
        lines += [line for b in members for line in lines_of[b.id]]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# -- planner check --------------------------------------------------------------------------


_NOT_APPLICABLE = Verdict.NOT_APPLICABLE


_VERDICT = attrgetter("verdict")
_OTHERS_NAMED = 3  # open windows named in a body's summary line beside the most pressing


def _tally(findings: Sequence[Finding], counter: Counter[Verdict] | None = None) -> str:
    if counter is None:
        counter = Counter(map(_VERDICT, findings))  # by the member: a StrEnum counts under its text
    judged_count = len(findings) - counter[Verdict.OPEN] - counter[Verdict.NOT_APPLICABLE]
    parts = [f"{counter[v]} {v.replace('_', ' ')}" for v in ("met", "late", "missed", "off_date", "excess", "uncertain", "unknown", "excused", "advisory") if counter[v]]
    late = [f for f in findings if f.verdict is Verdict.LATE and f.late_meeting is not None] if counter[Verdict.LATE] == 1 else []
    if len(late) == 1:  # the one a reader asks about: "1 late (due 2018, held 2019-06-15)"
        i = parts.index("1 late")
        parts[i] += f" (due {late[0].window_label}, held {late[0].late_meeting.start})"
    return f"{judged_count} judged: " + ", ".join(parts) if judged_count else "nothing judged yet"


def _next_words(findings: Sequence[Finding], book: RuleBook, counter: Counter[Verdict] | None = None) -> str:
    is_open = Verdict.OPEN
    if counter is not None and not counter[is_open]:
        return ""
    open_ = [f for f in findings if f.verdict is is_open and f.still_due]
    if not open_:
        return ""
    # The most pressing first: a running window before a next one, the earliest deadline first
    # (a board's gap may close before its year does).
    f = min(open_, key=lambda f: (bool(f.expectation and f.expectation.pending), f.due_by or date.max))
    e = f.expectation
    assert e is not None
    base = f"open: {e.label}" if not e.pending else f"next due {e.label}"
    # Every window still running is accounted for, as the totals line counts them: two rules'
    # windows may run at once (a binding "once a year" beside a customary "twice"), each then
    # named with its rule where the rules differ.
    others = [(g, g.expectation) for g in open_ if g is not f and g.expectation is not None and not g.expectation.pending]
    # So where another rule's window of the same period is met: the Parliamentary Assembly's
    # "1 judged: 1 met; open: 2026 (1 due by 2026-12-31)" read as 2026 both met and still
    # due, the open one being the customary four a year (session 23's trial).
    named = any(o.rule_index != e.rule_index for _, o in others) or any(g.expectation is not None and g.expectation.rule_index != e.rule_index and g.expectation.label == e.label for g in findings)
    extra = [*([rule_words(e.rule, book)] if named else []), *_open_extra(f, e)]
    words = base + (f" ({'; '.join(extra)})" if extra else "")
    if others:  # (a few named, the rest counted: a crowded body may have thousands running)
        shown = others[:_OTHERS_NAMED]
        words += "; also open: " + "; ".join(f"{o.label} ({'; '.join([*([rule_words(o.rule, book)] if named else []), *_open_extra(g, o)])})" for g, o in shown)
        if len(others) > len(shown):
            words += f"; and {plural(len(others) - len(shown), 'more open window')}"
    return words


def _open_extra(f: Finding, e: Expectation) -> list[str]:
    """What one open window (or the next due) has scheduled and still needs, in words."""
    extra: list[str] = []
    if e.origin is not None and e.pending:
        extra.append(e.reason)
    for m in f.scheduled:
        extra.append(_short_meeting(m) + ", scheduled")
    for m in f.unconfirmed:
        extra.append(_short_meeting(m) + ", unconfirmed")
    # (an unconfirmed meeting is no count: the window still needs what the why says is due)
    if f.still_due > 1 or (not f.scheduled and not e.pending):
        # (open on every reading of a loosely dated origin: by a day that depends on it, as the why says)
        extra.append(f"{f.still_due} due by {f.due_by}" + (f" to {e.deadline}" if e.cases and f.due_by is not None and e.deadline > f.due_by else ""))
    return extra


def _short_meeting(m: Meeting) -> str:
    bits = []
    if m.ordinal:
        bits.append(ordinal(m.ordinal))
    bits.append(m.status.value)
    if m.city:
        bits.append(m.city)
    bits.append(str(m.start))
    return " ".join(bits[:2]) + (", " + ", ".join(bits[2:]) if len(bits) > 2 else "")


def body_summary(body: Body, book: RuleBook, findings: Sequence[Finding], recorded: int, on: date | None = None) -> tuple[str, str, str]:
    """Three columns per body: name, cadence in words (as of ``on``, the check's day), and
    what was judged / what is next."""
    if all(isinstance(r, AdHocRule) for r in body.rules) and not findings:
        # (an ad hoc rule's `first_within` is judged: its verdict, not "nothing due", audit 23)
        return body.display, "ad hoc", f"{plural(recorded, 'meeting')} recorded, nothing due"
    if findings and all(f.verdict is _NOT_APPLICABLE for f in findings):
        return body.display, cadence_words(body, book, on), "not applicable: " + findings[0].why
    counter = Counter(map(_VERDICT, findings))
    status = _tally(findings, counter)
    nxt = _next_words(findings, book, counter)
    return body.display, cadence_words(body, book, on), status + (f"; {nxt}" if nxt else "")


def exit_code(report: Report | Checked) -> int:
    """1 on a violation of a binding cadence rule, or (``check --chairs``) of the chair rule."""
    return 1 if report.tally.violations or report.tally.chair_violations else 0


def check_totals(report: Report | Checked) -> dict[str, int]:
    """The totals of one check, defined once for the text, the JSON and the HTML report (of a
    :class:`Checked`, once its bodies have all been read).

    ``open``: windows still running today; ``next_due``: the next window of a chain (``every``,
    ``after``), which has not begun. Verdicts are counted by value, so new ones count too.
    """
    tally = report.tally
    counts = tally.verdicts
    return {
        "bodies": len(tally.bodies),
        "violations": tally.violations,
        "advisories": counts["advisory"],
        "uncertain": counts["uncertain"],
        "unknown": counts["unknown"],
        "excused": counts["excused"],
        "open": counts["open"] - tally.next_due,
        "next_due": tally.next_due,
        **({"chair_violations": tally.chair_violations} if tally.chair_violations is not None else {}),
        "exit_code": exit_code(report),
    }


def totals_line(report: Report | Checked) -> str:
    t = check_totals(report)
    parts = [plural(t["bodies"], "body", "bodies"), plural(t["violations"], "violation"), plural(t["advisories"], "advisory", "advisories"), plural(t["open"], "open window")]
    if t["next_due"]:
        parts.append(f"{t['next_due']} next due")
    parts += [f"{t[k]} {k}" for k in ("uncertain", "unknown", "excused") if t[k]]
    if "chair_violations" in t:
        parts.append(plural(t["chair_violations"], "chair violation"))
    return " · ".join(parts) + f" · exit {t['exit_code']}"


PROBLEM_VERDICTS = (Verdict.LATE, Verdict.MISSED, Verdict.EXCESS, Verdict.OFF_DATE, Verdict.ADVISORY, Verdict.UNCERTAIN)


class Problem(NamedTuple):
    """A problem of a check as its line and its source's note need it, without the finding
    (which holds its body, rules and meetings): what text and markdown keep of each problem
    they list, and what a process writing some of the bodies sends to the one writing all."""

    verdict: Verdict
    body_id: str
    display: str  # the body's
    why: str
    rule_text: str
    source: str
    windowed: bool  # the finding judges a window (not a body with nothing due)
    rule_id: str

    @classmethod
    def of(cls, f: Finding) -> Problem:
        e = f.expectation
        return cls(f.verdict, f.body.id, f.body.display, f.why, f.rule_text, f.source, e is not None, (e.rule.id or "") if e is not None else "")


def problem_line(p: Problem, note: int | None = None) -> str:
    """A problem in words; the rule (with its id, if it has one) cites its source by ``note``
    (a number in the notes), or in brackets when there is no note."""
    if not p.windowed:
        return f"{p.display}: {p.why}"
    named = f" {p.rule_id}" if p.rule_id else ""
    if note is not None:
        rule = f"Rule{named}: {p.rule_text} [{note}]."
    else:
        rule = f"Rule{named}: {p.rule_text}" + (f" ({p.source})" if p.source else "") + "."
    return f"{p.display}, {p.why} {rule}"


def render_check(report: Report | Checked, fmt: str, *, rules_label: str, problems_only: bool = False, width: int = DEFAULT_WIDTH, workers: int | None = None) -> str:
    out = render_check_chunks(report, fmt, rules_label=rules_label, problems_only=problems_only, width=width, workers=workers)
    return "".join([piece if piece.__class__ is str else piece.decode() for piece in out])


def render_check_chunks(report: Report | Checked, fmt: str, *, rules_label: str, problems_only: bool = False, width: int = DEFAULT_WIDTH, workers: int | None = None) -> Iterator[str] | Iterator[bytes]:
    """The report in pieces to write as they come: a check judged body by body
    (:class:`Checked`) is rendered body by body, so that a large report never exists whole in
    memory (planner/outputs/check/report.py), on several cores when it is large
    (planner/outputs/check/forked.py; ``workers``: how many processes, 1 for this one alone,
    ``None`` to choose). JSON comes in UTF-8 bytes, the rest in text and bytes."""
    from planner.outputs.check.report import check_chunks

    return check_chunks(report, fmt, rules_label=rules_label, problems_only=problems_only, width=width, workers=workers)
