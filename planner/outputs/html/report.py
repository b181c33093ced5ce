"""``planner report``: one self-contained HTML page (inline CSS and SVG, no scripts, no network)
with the totals, an SVG timeline, the findings, the projected schedule and the chair timeline.

The tables use the same words as the text output (the findings' ``why``, the schedule's dates,
hosts and reasons, the chair terms' lengths and handovers). The page is rendered by Jinja2 with
autoescaping from ``templates/report.html.j2``; the same inputs and ``--today`` give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.core.model import Meeting, MeetingFormat, RuleBook, Status
from planner.engine.chairmanship.terms import ChairReport, Severity, Term, meeting_words
from planner.engine.chairmanship.terms import rule_words as chair_rule_words
from planner.engine.expectations import ordinal
from planner.engine.judging.compliance import Finding, Report
from planner.engine.planning.projection import Projection
from planner.outputs.calendar.parts import lapsed, parts_of
from planner.outputs.chairs import _bounds, _label, _length, _list, _to
from planner.outputs.check.hints import advice, early_misses, late_misses
from planner.outputs.html.fitting import LABEL_W
from planner.outputs.html.runs import row_span, row_words, runs
from planner.outputs.html.summary import (
    Total,
    Violations,
    chair_line,
    chair_totals,
    totals,
    violations,
)
from planner.outputs.html.templating import render_template
from planner.outputs.html.timeline import (
    AXIS_Y,
    BAND_H,
    CHAIR_H,
    CHAIR_Y,
    DEFAULT_STYLE,
    MARK_ROW,
    VERDICT_MEANINGS,
    VERDICT_STYLES,
    MeetingItem,
    TermItem,
    Timeline,
    WindowItem,
    build_timeline,
    slug,
)
from planner.outputs.render import PROBLEM_VERDICTS, body_summary
from planner.outputs.schedule import _dates, _title, _why, host_words, next_due_words, problem_lines

NEXT_MEETINGS = 5
# The findings a page lists row by row: all of them up to FINDINGS_LISTED, else each body's
# first FINDINGS_PER_BODY (its problems first) and a line counting the rest by verdict. 100
# crowded bodies (benchmarks/crowded.py) have 97,000 findings: a 36 MB page (34 MB of rows)
# that took a browser seconds to lay out, for rows that repeat one another; --format json of
# ``check`` holds them all.
HOST_WORD = 24  # letters of the longest word a host cell wraps around (README, "planner report")
FINDINGS_LISTED = 2_000
FINDINGS_PER_BODY = 10


@dataclass(frozen=True)
class Note:
    number: int
    rule: str
    source: str


@dataclass(frozen=True)
class FindingRow:
    id: str
    verdict: str
    css: str
    problem: bool
    window: str
    why: str
    rule: str
    note: int | None
    run: tuple[int, str, str, int] | None = None  # windows in one row: rule index, first, last, how many


@dataclass
class BodyGroup:
    id: str
    name: str
    cadence: str
    status: str
    problems: int
    violations: int
    rows: list[FindingRow] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    more: str = ""  # the findings not listed, counted by verdict
    register: list[str] = field(default_factory=list)  # what the misses say of the register (check's Note)


@dataclass(frozen=True)
class ScheduleRow:
    id: str
    year: int
    dates: str
    when: str  # the dates in full, for the header
    meeting: str
    host: str
    why: str
    status: str

    @property
    def host_clipped(self) -> bool:
        """Whether the host holds a word too long to wrap: shown on one line, cut with an
        ellipsis, the whole in its title (a host column that may break anywhere was squeezed
        to a few letters a line beside long reasons: "(Secre/tariat)")."""
        return any(len(word) > HOST_WORD for word in self.host.split())


@dataclass(frozen=True)
class TermRow:
    id: str
    ordinal: str
    chair: str
    start: str
    end: str
    years: str
    length: str
    handovers: str
    meetings: str
    planned: bool

    @property
    def chair_clipped(self) -> bool:
        """Whether the chair's name holds a word too long to wrap, as a host's may."""
        return any(len(word) > HOST_WORD for word in self.chair.split())


@dataclass
class Page:
    title: str
    organization: str
    today: date
    rules_label: str
    horizon: str
    totals: list[Total]
    next_meetings: list[ScheduleRow]
    timeline: Timeline
    groups: list[BodyGroup]
    schedule: list[ScheduleRow]
    schedule_problems: list[str]
    next_due: list[str]  # nothing due in the horizon: when each body is next due after it
    chair_rule: str
    terms: list[TermRow]
    plan: list[TermRow]
    chair_findings: list[tuple[str, str, str]]  # severity, message, element id
    findings_cut: str = ""  # what the findings' lists leave out, and where it is
    violations: Violations | None = None  # every violation, a link to its row (under the totals)


class _Ids:
    """Unique, readable element ids: a slug, with a counter when it repeats."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, prefix: str, *parts: object) -> str:
        base = prefix + "-" + "-".join(slug(str(p)) for p in parts)
        n = self.seen.get(base, 0)
        self.seen[base] = n + 1
        return base if n == 0 else f"{base}-{n + 1}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def meeting_key(m: Meeting) -> tuple[str, str]:
    """What stays the same when a chair plan re-places a projected meeting."""
    return (m.body, m.identity())



def build_page(report: Report, projection: Projection, chairs: ChairReport | None, *, rules_label: str, start: date | None = None) -> Page:
    """Everything the template shows, computed once; ``projection`` should carry the chairs as
    hosts (``chairs.projection``) so that the schedule names them."""
    book = report.book
    ids = _Ids()
    wanted = set(report.recorded)
    items = [m for m in projection.schedule() if m.body in wanted]
    schedule_ids: dict[tuple[str, str], str] = {}
    schedule = []
    for m in items:
        row = _schedule_row(m, book, ids("s", m.body, m.identity()))
        schedule_ids[meeting_key(m)] = f"#{row.id}"
        schedule.append(row)
    groups, finding_ids, meeting_rows = _groups(report, ids)
    terms, plan, term_items = _chairs(chairs, book, ids, start)
    meetings = [m for m in projection.meetings() if m.body in wanted and (start is None or m.latest >= start)]
    first = start or min([m.earliest for m in meetings] + [t.start for t in term_items] + [report.today], default=report.today)
    ends = [b.ends for b in book.bodies if b.id in wanted]
    ended = None if not ends or None in ends else max(e for e in ends if e is not None)
    if ended is not None and ended < report.today:
        # Every body's rules ended before today (a dissolved organization): the timeline ends
        # with them, not ten empty years after today (the League of Nations: 1920-1946, not 2036)
        last = max([ended] + [m.latest for m in meetings] + [t.end or t.start for t in term_items])
    else:
        last = max([projection.end, report.today] + [m.latest for m in meetings])
    parts = parts_of(meetings)
    timeline = build_timeline(
        [(b.id, b.label, b.name) for b in book.bodies if b.id in wanted],
        [_window_item(f, finding_ids[id(f)]) for f in report.findings if f.expectation is not None],
        [_meeting_item(m, book, schedule_ids.get(meeting_key(m)) or meeting_rows.get(meeting_key(m)) or f"#b-{slug(m.body)}", report.today, parts.get(m, 0)) for m in meetings],
        term_items,
        report.today,
        first,
        last,
    )
    org = book.organization
    chair_found = list(chairs.findings) if chairs else []
    chair_ids = [ids("cf", i + 1) for i in range(len(chair_found))]
    return Page(
        title=f"{org.short_name} meetings: compliance, schedule and chairs as of {report.today}",
        organization=org.name,
        today=report.today,
        rules_label=rules_label,
        horizon=f"{first} to {last}",
        totals=totals(report, chair_totals(chair_found)),
        next_meetings=[r for r, m in zip(schedule, items, strict=True) if m.latest >= report.today][:NEXT_MEETINGS],
        timeline=timeline,
        groups=groups,
        schedule=schedule,
        schedule_problems=problem_lines([p for p in projection.problems if p.body.id in wanted]),
        next_due=[next_due_words(n) for n in projection.next_due],
        chair_rule=(chair_rule_words(book.chairmanship, book) if book.chairmanship else ""),
        terms=terms,
        plan=plan,
        chair_findings=[(f.severity.value, f.message, fid) for f, fid in zip(chair_found, chair_ids, strict=True)],
        findings_cut=_cut_words(groups),
        violations=violations(report, finding_ids, chair_line(chair_found, chair_ids, chairs.terms if chairs else ())),
    )


class _Colours(dict[str, str]):
    """Verdict colours by slug; a verdict without a style of its own gets the default."""

    def __missing__(self, key: str) -> str:
        return DEFAULT_STYLE[0]


class _Meanings(dict[str, str]):
    """Legend words by verdict slug; a verdict without words gets none."""

    def __missing__(self, key: str) -> str:
        return ""


def render_report(page: Page) -> str:
    from planner import __version__

    return render_template(
        "report.html.j2",
        page=page,
        version=__version__,
        colours=_Colours({slug(v): colour for v, (colour, _) in VERDICT_STYLES.items()}),
        meanings=_Meanings(VERDICT_MEANINGS),
        label_w=LABEL_W,
        chair_y=CHAIR_Y,
        chair_h=CHAIR_H,
        axis_y=AXIS_Y,
        mark_row=MARK_ROW,
        band_h=BAND_H,
    )


def _schedule_row(m: Meeting, book: RuleBook, row_id: str) -> ScheduleRow:
    body = book.body(m.body)
    when = str(m.start) + ("" if m.start.exact else " (date not fixed)")
    if m.exact and m.latest != m.earliest:
        when = f"{m.earliest} – {m.latest}"
    return ScheduleRow(row_id, m.earliest.year, _dates(m), when, _title(m, body), host_words(m, body, book.organization.secretariat), _why(m), m.status.value)


def _groups(report: Report, ids: _Ids) -> tuple[list[BodyGroup], dict[int, str], dict[tuple[str, str], str]]:
    """Findings by body, bodies with violations first, then those with other problems; each
    rule's source once, as a note."""
    book = report.book
    finding_ids: dict[int, str] = {}
    meeting_rows: dict[tuple[str, str], str] = {}
    groups = []
    wanted = [body for body in book.bodies if body.id in report.recorded]
    listed = sum(len(report.of(body.id)) for body in wanted) <= FINDINGS_LISTED
    for body in wanted:
        findings = report.of(body.id)
        name, cadence, status = body_summary(body, book, findings, report.recorded[body.id], min(report.today, report.end))
        problems = [f for f in findings if f.verdict in PROBLEM_VERDICTS]
        group = BodyGroup(f"b-{slug(body.id)}", body.name, cadence, status, len(problems), sum(1 for f in problems if f.violation))
        for misses in (early_misses(body, book, findings), late_misses(body, book, findings)):
            if misses is not None:  # the Note of check, under the body it speaks of
                group.register += [f"{misses.words()}.", advice(misses)]
        notes: dict[tuple[str, str], Note] = {}
        ordered = sorted(findings, key=lambda f: f.verdict not in PROBLEM_VERDICTS)  # stable: date order inside
        if not listed and len(ordered) > FINDINGS_PER_BODY:
            rest = ordered[FINDINGS_PER_BODY:]
            ordered = ordered[:FINDINGS_PER_BODY]
            for f in rest:  # the timeline's bands of these link to the body
                finding_ids[id(f)] = group.id
            group.more = _more_words(rest)
        for run in runs(ordered):
            f = run[0]
            row_id = ids("f", body.id, f.expectation.rule_index if f.expectation else "", f.window_label or f.verdict.value)
            for g in run:
                finding_ids[id(g)] = row_id
                for m in (*g.counted, *g.scheduled, *g.unconfirmed, *((g.late_meeting,) if g.late_meeting else ())):
                    meeting_rows.setdefault(meeting_key(m), f"#{row_id}")
            note = None
            if f.source:
                note = notes.setdefault((f.rule_text, f.source), Note(len(notes) + 1, f.rule_text, f.source)).number
            group.rows.append(FindingRow(row_id, f.verdict.value, slug(f.verdict.value), f.verdict in PROBLEM_VERDICTS, *row_words(run), f.rule_text, note, row_span(run)))
        group.notes = list(notes.values())
        groups.append(group)
    # violations first, then the other problems (advisories, uncertain): stable, rule-book order in each part
    groups.sort(key=lambda g: (g.violations == 0, g.problems == 0))
    return groups, finding_ids, meeting_rows


def _cut_words(groups: Sequence[BodyGroup]) -> str:
    if not any(g.more for g in groups):
        return ""
    return (
        f"More than {FINDINGS_LISTED:,} findings: each body lists its first {FINDINGS_PER_BODY} (problems first) and counts the rest"
        " by verdict; planner check --format json gives every one."
    )


def _more_words(rest: Sequence[Finding]) -> str:
    """The findings of a body past FINDINGS_PER_BODY: how many, of which verdicts."""
    counts: dict[str, int] = {}
    for f in rest:
        counts[f.verdict.value] = counts.get(f.verdict.value, 0) + 1
    by_verdict = ", ".join(f"{n:,} {verdict.replace('_', ' ')}" for verdict, n in counts.items())
    return f"… and {len(rest):,} more {'finding' if len(rest) == 1 else 'findings'} ({by_verdict}), not listed on this page: planner check --format json gives every one."


def _window_item(f: Finding, row_id: str) -> WindowItem:
    e = f.expectation
    assert e is not None
    title = f"{f.body.name}, {e.label}: {f.verdict.value.replace('_', ' ')}. {f.why} Rule: {f.rule_text}."
    return WindowItem(f.body.id, f"{f.body.id}/{e.rule_index}/{e.label}", e.window.start, e.window.end, f.verdict.value, title, f"#{row_id}")


_PAST = {Status.PLANNED: "planned, not recorded as held (unconfirmed)", Status.POSTPONED: "postponed, not held on these days"}


def _meeting_item(m: Meeting, book: RuleBook, href: str, today: date, part_of: int = 0) -> MeetingItem:
    """A mark's tooltip says what the feeds say: a plan whose days passed unconfirmed, a part resumed."""
    body = book.body(m.body)
    name = body.name if body else m.body
    kind = "" if m.kind.value == "regular" else f" ({m.kind.value})"
    head = (f"{ordinal(m.ordinal)} {name}" if m.ordinal else name) + kind + (" (resumed)" if part_of > 0 else "")
    when = f"{m.start}" + (f" to {m.end}" if m.end and m.end != m.start else "")
    remote = [m.format.value] if m.format in (MeetingFormat.ONLINE, MeetingFormat.HYBRID) else []  # by video: not "Russia" alone
    where = host_words(m, body) if m.status is Status.PROJECTED else (", ".join([m.venue] * bool(m.venue) + remote) or "venue not recorded")
    detail = m.title if m.title else (m.reason if m.reason else "")
    status = _PAST[m.status] if lapsed(m, today, part_of) else m.status.value
    title = f"{head}: {when}, {where}, {status}" + (f". {detail}" if detail else "")
    return MeetingItem(m.body, f"{m.body}/{m.identity()}", m.earliest, m.start.latest, m.status.value, m.ordinal, title, href)


def _chairs(chairs: ChairReport | None, book: RuleBook, ids: _Ids, start: date | None) -> tuple[list[TermRow], list[TermRow], list[TermItem]]:
    if chairs is None:
        return [], [], []
    rows: list[TermRow] = []
    plan: list[TermRow] = []
    items: list[TermItem] = []
    shown: Sequence[Term] = [*chairs.terms, *(t for t in chairs.plan if not t.current)]
    broken: dict[int, list[str]] = {}  # a register term's violations, by its place in the terms
    for f in chairs.findings:
        if f.severity is Severity.VIOLATION and f.term is not None:
            broken.setdefault(f.term, []).append(f.message)
    for i, t in enumerate([*chairs.terms, *chairs.plan]):
        row_id = ids("p" if t.planned else "c", t.country, t.start or "")
        meetings = _list(t.hosted, book) if t.planned else _list(t.statutory, book)
        row = TermRow(row_id, str(t.ordinal or ""), _label(t), str(t.start or "?"), _to(t, chairs.today), t.years(), _length(t, chairs), _bounds(t, book, chairs.today), meetings, t.planned)
        (plan if t.planned else rows).append(row)
        if t not in shown or t.start is None or (start is not None and t.end is not None and t.end.latest < start):
            continue
        member = t.member
        title = f"{t.country}: chair {t.start} to {_to(t, chairs.today)}, {_length(t, chairs)}" + (f"; {_bounds(t, book, chairs.today)}" if _bounds(t, book, chairs.today) else "") + (" (planned)" if t.planned else "")
        handover = t.opened_by
        items.append(
            TermItem(
                row_id,
                t.country,
                member.code if member else "",
                t.start.earliest,
                t.end.earliest if t.end else None,
                t.planned,
                title,
                f"#{row_id}",
                handover.earliest if handover else None,
                f"Handover: {meeting_words(handover, book)}" if handover else "",
                " ".join(broken.get(i, ())) if i < len(chairs.terms) else "",
            )
        )
    return rows, plan, items
