"""Schedules -> text, markdown, JSON and CSV: what ``planner project`` shows.

Text is grouped by year and readable at a glance: dates, body and ordinal, host, reason. Here:
a meeting's words (its dates, title, host and why), the problems, and each format's start;
:mod:`.rows` lays out the rows of a long text schedule, :mod:`.data` writes JSON and CSV.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from planner.core.bulk import paused_gc
from planner.core.model import Body, HostPolicy, Meeting, Place, RuleBook, Status
from planner.engine.expectations import ordinal
from planner.engine.planning.projection import NextDue, Projection, ProjectionProblem
from planner.outputs.formats import md_text, meeting_dict
from planner.outputs.text import (
    DEFAULT_WIDTH,
    plural,
    row_layout,
    wrap,
    wrap_parts,
)

CHAIR_TBD = "chair to be decided"


def host_words(m: Meeting, body: Body | None, seat: Place | None = None) -> str:
    """Where a meeting goes, in words; a chair-hosted meeting with no chair known yet says so.
    A meeting the Secretariat hosts at its seat (``seat``: the organization's secretariat) is
    "Geneva (Secretariat)", projected or planned alike: the ILO's 356th Governing Body, planned
    in the register in Geneva, read "Geneva, Switzerland" a row above the projected 357th's
    "Geneva (Secretariat)", and ``diff`` listed the 114th Conference, the register's plan over
    the projection, as a host changed from one to the other."""
    place = m.venue
    if place:
        if body is not None and body.host is HostPolicy.SECRETARIAT and (m.status is Status.PROJECTED or (m.status is Status.PLANNED and at_seat(m, seat))):
            return f"{m.city} (Secretariat)" if m.city else place
        return place
    return undecided_host(body)


def at_seat(m: Meeting, seat: Place | None) -> bool:
    """Whether ``m`` is recorded in the secretariat's own city and country."""
    return seat is not None and m.city == seat.city and m.country == seat.country


def undecided_host(body: Body | None) -> str:
    """Who hosts a meeting that has no place yet, by its body's host policy."""
    if body is not None and body.host is HostPolicy.CHAIR:
        return CHAIR_TBD
    if body is not None and body.host is HostPolicy.CBM_COORDINATOR:
        return "CBM coordinator"
    if body is not None and body.host is HostPolicy.ELECTED:
        return "host to be decided"
    return "venue to be decided"


def _dates(m: Meeting) -> str:
    if not m.start.exact:
        return f"{m.start} (date not fixed)"
    day = m.earliest
    first = f"{day.month:02d}-{day.day:02d}"
    if m.end and not m.end.exact:  # (its last day not known: "11-30 – 12-31" gave it one)
        return f"{first} – {m.end} (end not fixed)"
    if m.end and m.latest != day:
        last = m.latest
        # (under the heading of its first year: a meeting into another year names that year,
        # or 2029-01-01 to 2999-12-31 read "01-01 – 12-31" under 2029)
        return f"{first} – {last.month:02d}-{last.day:02d}" if last.year == day.year else f"{first} – {last}"
    return first


def _title(m: Meeting, body: Body | None) -> str:
    name = body.display if body else m.body
    return f"{name} ({ordinal(m.ordinal)})" if m.ordinal else name


def _why(m: Meeting) -> str:
    if m.status is Status.PLANNED:
        return "planned in the register" + (f": {m.title}" if m.title else "")
    if m.status is Status.HELD:  # opens after --today: the register was written later
        return "in the register as held (it opens after --today)" + (f": {m.title}" if m.title else "")
    if not m.reason:  # a projection read back as a register (its reason column is read past)
        return f"in the register as {m.status.value}" + (f": {m.title}" if m.title else "")
    return m.reason


def schedule_dict(m: Meeting, book: RuleBook, body_of: Callable[[str], Body | None] | None = None) -> dict[str, Any]:
    """A schedule row: the meeting, its host in words, its body's name and its identity (what
    `planner diff` matches two projections by: the ordinal, else the rule, period and slot)."""
    body = (body_of or book.body)(m.body)
    return meeting_dict(m) | {"host": host_words(m, body, book.organization.secretariat), "name": body.display if body else m.body, "id": m.identity()}


def bodies_of(book: RuleBook) -> Callable[[str], Body | None]:
    """``book.body``, remembered per key: a schedule asks it for each of its rows."""
    found: dict[str, Body | None] = {}

    def body_of(key: str) -> Body | None:
        try:
            return found[key]
        except KeyError:
            body = found[key] = book.body(key)
            return body

    return body_of


def _problem_dict(p: ProjectionProblem, book: RuleBook) -> dict[str, Any]:
    out: dict[str, Any] = {"body": p.body.id, "window": p.label, "kind": p.kind, "message": p.message}
    if p.meeting is not None:
        out["meeting"] = schedule_dict(p.meeting, book)
    return out


# A crowded calendar (1,000 bodies of twenty rules) leaves a million windows where nothing
# fits: listed one by one that was 667 MB of text no one reads. Past PROBLEMS_LISTED they are
# grouped by body and kind, each group with its count, its first windows and its first problem
# in words; JSON keeps the first PROBLEMS_PER_GROUP of each group (README, "Limits").
PROBLEMS_LISTED = 100
PROBLEMS_LISTED_JSON = 1000
PROBLEMS_PER_GROUP = 10
WINDOWS_SHOWN = 3
_GROUP_WORDS = {
    "placement": ("window where nothing fits", "windows where nothing fits"),
    "unconfirmed": ("past planned meeting not confirmed", "past planned meetings not confirmed"),
    "late": ("planned or postponed meeting answering a window late", "planned or postponed meetings answering a window late"),
}


def problem_groups(problems: Iterable[ProjectionProblem]) -> list[list[ProjectionProblem]]:
    """The problems of each body and kind, in the order their first appears."""
    groups: dict[tuple[str, str], list[ProjectionProblem]] = {}
    for p in problems:
        key = (p.body.id, p.kind)
        group = groups.get(key)
        if group is None:
            groups[key] = [p]
        else:
            group.append(p)
    return list(groups.values())


def problem_lines(problems: Sequence[ProjectionProblem]) -> list[str]:
    """The problems in words: each one while there are at most PROBLEMS_LISTED, else a heading
    and a line for each body and kind (its count, first windows and first problem)."""
    if len(problems) <= PROBLEMS_LISTED:
        return [p.message for p in problems]
    groups = problem_groups(problems)
    out = [f"{len(problems):,} problems, more than {PROBLEMS_LISTED} to list: grouped by body and kind, each with its first {WINDOWS_SHOWN} windows and its first problem in words (--format json lists the first {PROBLEMS_PER_GROUP} of each group)."]
    for group in groups:
        first = group[0]
        one, many = _GROUP_WORDS.get(first.kind, (f"{first.kind} problem", f"{first.kind} problems"))
        shown: dict[str, None] = {}
        for p in group:  # the first distinct windows (two rules of a body may miss one year)
            if len(shown) > WINDOWS_SHOWN:
                break
            shown[p.label] = None
        labels = ", ".join(list(shown)[:WINDOWS_SHOWN]) + (", ..." if len(shown) > WINDOWS_SHOWN else "")
        name = first.body.name
        said = first.message.removeprefix(f"{name}: ")
        out.append(f"{name}: {len(group):,} {one if len(group) == 1 else many} ({labels}); the first: {said}")
    return out


def _problems_json(problems: Sequence[ProjectionProblem], book: RuleBook) -> dict[str, Any]:
    """``problems`` (each one while there are at most PROBLEMS_LISTED_JSON, else each group's
    first PROBLEMS_PER_GROUP), ``problems_total`` and ``problem_groups`` (body, kind, count)."""
    groups = problem_groups(problems)
    listed = problems if len(problems) <= PROBLEMS_LISTED_JSON else [p for group in groups for p in group[:PROBLEMS_PER_GROUP]]
    return {
        "problems": [_problem_dict(p, book) for p in listed],
        "problems_total": len(problems),
        "problem_groups": [{"body": g[0].body.id, "kind": g[0].kind, "count": len(g)} for g in groups],
    }


_STATUS = operator.attrgetter("status")


def render_projection(projection: Projection, fmt: str, *, rules_label: str, width: int = DEFAULT_WIDTH) -> str | Iterator[str]:
    """The schedule in ``fmt``: a string, or for text the pieces of one, written as they come.

    Without the cyclic garbage collector (text: while its pieces are made): a schedule's rows,
    dicts and tuples by the hundred thousand, hold no cycles, and at N its collections took a
    tenth of the text's time."""
    with paused_gc():
        return _render(projection, fmt, rules_label=rules_label, width=width)


def _render(projection: Projection, fmt: str, *, rules_label: str, width: int) -> str | Iterator[str]:
    book = projection.book
    items = projection.schedule()
    body_of = bodies_of(book)
    if fmt == "json":
        from planner.outputs.schedule.data import projection_json

        return projection_json(projection, rules_label, body_of, items)
    if fmt == "csv":
        from planner.outputs.schedule.data import projection_csv

        return projection_csv(items, body_of, book.organization.secretariat)
    # A row recorded as held that opens after --today is in the schedule (a register written
    # later) but is no plan: counted apart, as the schedule's lines say it.
    # (the statuses counted in C: two generators over 300,000 meetings were a tenth of the text)
    statuses = Counter(map(_STATUS, items))
    planned, held = statuses[Status.PLANNED], statuses[Status.HELD]
    counts = f"{planned} planned, " + (f"{held} recorded held after --today, " if held else "") + f"{len(items) - planned - held} projected"
    parts = [f"{book.organization.short_name} schedule {projection.start} to {projection.end}", f"rule book {rules_label}", f"{plural(len(items), 'meeting')} ({counts})"]
    head = " · ".join(parts)
    problems = problem_lines(projection.problems)
    if fmt == "markdown":
        from planner.outputs.schedule.rows import _by_year, _Rows

        out = [f"# {md_text(head)}", ""]
        rows = _Rows(body_of, book.organization.secretariat)
        for year, group in _by_year(items):
            out += [f"## {year}", "", rows.md_table(group)]
        if problems:
            out += ["## Problems", "", *[f"- {md_text(p)}" for p in problems], ""]
        if projection.notes:
            out += ["## Notes", "", *[f"- {md_text(n)}" for n in projection.notes], ""]
        if not items and not problems:
            out.append("Nothing is due in this horizon.")
            if projection.next_due:
                out += ["", next_due_head(projection), "", *[f"- {md_text(next_due_words(n))}" for n in projection.next_due], ""]
        return "\n".join(out)
    return _text(projection, items, body_of, parts, problems, width)


def _text(projection: Projection, items: list[Meeting], body_of: Callable[[str], Body | None], parts: list[str], problems: list[str], width: int) -> Iterator[str]:
    """The text schedule, written in pieces as its rows are laid out: 50 years of 1,000
    bodies is 24 MB of text, which need not be held whole beside the projection."""
    with paused_gc():
        yield from _text_pieces(projection, items, body_of, parts, problems, width)


def _text_pieces(projection: Projection, items: list[Meeting], body_of: Callable[[str], Body | None], parts: list[str], problems: list[str], width: int) -> Iterator[str]:
    from planner.outputs.schedule.rows import _by_year, _Rows

    groups = _by_year(items)
    row = _Rows(body_of, projection.book.organization.secretariat)
    # One table for all years, so that the columns line up from one year to the next. Its
    # widths come from a first pass that keeps no row: 300,000 rows held for the layout
    # took 60 MB beside the projection.
    widths = row.widths(items)
    layout = row_layout(widths, width, indent=2)
    out = [*wrap_parts(parts, width), ""]
    for year, group in groups:
        out.append(str(year))
        for at in range(0, len(group), 1024):  # (a row is one line or two, mostly)
            row.lay_out(group[at : at + 1024], out, layout, width)
            if len(out) >= 3072:
                yield "\n".join(out) + "\n"
                out = []
    if problems:
        out += ["", "Problems", *[line for p in problems for line in wrap(p, width, "  ", "    ")]]
    if projection.notes:
        out += ["", "Notes", *[line for n in projection.notes for line in wrap(n, width, "  ", "    ")]]
    if not items:
        # (with Problems, something may be due that nothing could be placed for)
        out.append("No meeting was projected in this horizon: see the Problems." if problems else "Nothing is due in this horizon.")
        if projection.next_due and not problems:
            out += [next_due_head(projection), *[line for n in projection.next_due for line in wrap(next_due_words(n), width, "  ", "    ")]]
    if out:
        yield "\n".join(out) + "\n"


def next_due_dict(n: NextDue, book: RuleBook) -> dict[str, Any]:
    """When a body is next due past the horizon, as JSON: ``due`` its due period (``null`` for
    a window counted in days, or nothing due), ``meeting`` the first projected, ``until`` the
    stretched horizon's end, ``words`` the line the text gives."""
    due = n.label if n.label and not _a_day(n.label) else None
    meeting = schedule_dict(n.meeting, book) if n.meeting is not None else None
    return {"body": n.body.id, "due": due, "meeting": meeting, "until": n.until.isoformat(), "words": next_due_words(n)}


def next_due_head(projection: Projection) -> str:
    """The line before the bodies' next due dates (text and markdown)."""
    untils = {n.until for n in projection.next_due}
    if len(untils) > 1:  # (each body's own: a weekly body's a week on, a Summit's four years)
        return "Next due after it (the same rules, the horizon stretched by each body's longest interval, offset or period):"
    return f"Next due after it (the same rules, the horizon stretched to {projection.next_due[0].until}):"


def next_due_words(n: NextDue) -> str:
    """When a body is next due past the horizon, in words."""
    m = n.meeting
    if n.problem is not None:
        return f"{n.body.name}: due {n.label}, where no day fits (a projection to {n.until} says why)"
    if m is None:
        return f"{n.body.name}: nothing due by {n.until}"
    dates = f"projected {m.start}{f' to {m.end}' if m.end else ''}"
    # (a late meeting's reason names its period; a window counted in days is labelled by its
    # first day, which is no due date: the reason says by when)
    if not n.label or f"due {n.label}" in m.reason or _a_day(n.label):
        return f"{n.body.name}: {m.reason}; {dates}"
    return f"{n.body.name}: due {n.label} ({m.reason}); {dates}"


def _a_day(label: str) -> bool:
    """Whether a due label is one day (``2027-03-05``, a window counted in days), which is no
    due date, rather than a period (``2027``, ``2027-03``, ``2027-01..2027-12``)."""
    return len(label) == 10 and label.count("-") == 2


def _row(m: Meeting, body: Body | None) -> tuple[str, str, str, str]:
    return (_dates(m), _title(m, body), host_words(m, body), _why(m))
