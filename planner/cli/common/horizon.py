"""The options of the commands that project: the horizon (``--from``, ``--to``), ``--body``,
calendars to avoid, chair plans, and what goes into a calendar; and the projection they ask for."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli.common.inputs import _PLAN_LINES, Inputs, _in_range, _parse_day, same_file
from planner.cli.common.output import warn
from planner.core.errors import InputError, RuleBookError
from planner.core.words import shown
from planner.inputs.limits import MAX_HORIZON_YEARS

if TYPE_CHECKING:  # the models load with the rule book, not with the options
    from planner.core.model import Meeting, RuleBook
    from planner.engine.planning.projection import Projection


def avoid_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--avoid FILE.ics`` (repeatable): busy days of other calendars, for the commands that project."""

    @click.option("--avoid", "avoid", multiple=True, metavar="FILE.ics", help="Another calendar whose busy events are days no meeting is projected on (repeatable; transparent events ignored).")
    @functools.wraps(func)
    def wrapper(inputs: Inputs, avoid: tuple[str, ...], **kwargs: Any) -> Any:
        inputs.avoid = inputs.avoid + avoid
        return func(inputs, **kwargs)

    return wrapper


def plan_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--plan`` and ``--plan-file``, for the commands that lay a chair plan on a projection."""
    func = click.option("--plan-file", metavar="FILE", help="Planned chairs, one country per line ('#' comments).")(func)
    return click.option("--plan", "plan_text", metavar="COUNTRIES", help='Planned chairs in order, e.g. "Azerbaijan, Kyrgyzstan, Thailand": they host the chair-hosted meetings of their terms; a first candidate who is the current chair confirms the running term.')(func)


def event_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """What goes into a calendar, the same for ``ics`` and ``publish``: ``--from``, ``--to``,
    ``--body``, ``--no-projected``, ``--plan`` and ``--plan-file``. The command receives an
    ``events`` callable that gives the meetings for its inputs, and ``body_ids`` as given."""

    @click.option("--from", "start", metavar="DATE", help="Start of the projection horizon (default: --today).")
    @click.option("--to", "end", metavar="DATE", help="End of the projection horizon (default: 10 years after --today); a year means its last day.")
    @click.option("--body", "body_ids", multiple=True, metavar="ID", help="Only this body's meetings (repeatable).")
    @click.option("--no-projected", is_flag=True, help="Only the register's meetings, without the projection.")
    @plan_options
    @functools.wraps(func)
    def wrapper(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], no_projected: bool, plan_text: str | None, plan_file: str | None, **kwargs: Any) -> Any:
        def events() -> list[Meeting]:
            ids = resolve_bodies(inputs.book, body_ids)
            if no_projected:
                unused = [name for name, given in (("--from", start), ("--to", end), ("--plan", plan_text), ("--plan-file", plan_file)) if given]
                if unused:  # (they shape the projection only: `--no-projected --from 2020 --to 2021` gave every year, saying nothing)
                    warn(f"{' and '.join(unused)} {'shapes' if len(unused) == 1 else 'shape'} the projection, which --no-projected leaves out: every meeting of the register is written")
                meetings = _without_moved(list(inputs.meetings))
            else:
                meetings = hosted_projection(inputs, start, end, (), plan_text, plan_file).meetings()
            return meetings if ids is None else [m for m in meetings if m.body in ids]

        return func(inputs, events=events, body_ids=body_ids, **kwargs)

    return wrapper



def _without_moved(meetings: list[Meeting]) -> list[Meeting]:
    """The register without the postponed rows a later row of their number stands for (the
    meeting re-planned, held or cancelled: one event in a feed, under the first row's UID);
    the projection leaves them out the same way (``Projection.moved``)."""
    from planner.engine.planning.numbering import postponed_rows, superseded

    postponed = postponed_rows(meetings)
    gone = set(map(id, superseded(postponed, meetings))) if postponed else ()
    return [m for m in meetings if id(m) not in gone] if gone else meetings


def _day_option(value: str | None, name: str) -> date | None:
    return _parse_day(value, name, "YYYY-MM-DD, or a year YYYY") if value else None


def hosted_projection(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], plan_text: str | None, plan_file: str | None) -> Projection:
    """The projection with chair-hosted meetings given to the chair of their term: the chair
    register's, then the plan's."""
    from planner.engine.chairmanship.plan import with_chair_hosts

    plan = read_plan_option(plan_text, plan_file, inputs.book)
    projection = run_projection(inputs, start, end, body_ids)
    if inputs.book.chairmanship is not None and (plan is not None or inputs.chairs):
        projection = with_chair_hosts(inputs.book, inputs.chairs, projection, plan)
    return projection


def read_plan_option(plan_text: str | None, plan_file: str | None, book: RuleBook | None = None) -> list[str] | None:
    """``--plan`` or ``--plan-file`` (not both) as the candidates' names, in order. With the
    ``book`` (of a chairmanship), a name that is no member state is refused here, before the
    register is read and projected (at N that took 2 s before a plan file's line 2 was named)."""
    from planner.engine.chairmanship.plan import load_plan_lines, parse_plan, resolve_candidates

    if plan_text is not None and plan_file is not None:
        raise click.UsageError("--plan and --plan-file exclude each other; give one")
    names: list[str] | None = None
    if plan_file is not None:
        lines = load_plan_lines(plan_file)
        # kept for the error handler: a candidate at fault is named by its file and line
        click.get_current_context().meta[_PLAN_LINES] = (plan_file, [line for line, _ in lines])
        names = [name for _, name in lines]
    elif plan_text is not None:
        names = parse_plan(plan_text)
        if not names:
            raise click.BadParameter("names no country; expected e.g. \"Azerbaijan, Kyrgyzstan\"", param_hint="--plan")
    if names is not None and book is not None and book.chairmanship is not None:
        resolve_candidates(book, names)
    return names


def horizon_day(value: str | None, name: str, *, end: bool) -> date | None:
    """``2030`` means the whole year: its first day for --from, its last for --to."""
    if value and value.isascii() and value.isdigit() and len(value) == 4:  # not another script's digits
        year = _in_range(date(max(int(value), 1), 1, 1), value, name).year
        return date(year, 12, 31) if end else date(year, 1, 1)
    return _day_option(value, name)


def run_projection(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...]) -> Projection:
    from planner.engine.planning.projection import project as run_project

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    first, last = ordered_range(horizon_day(start, "--from", end=False), horizon_day(end, "--to", end=True))
    if first is None and last is not None and last < inputs.today:
        raise click.BadParameter(f"{last} is before --today ({inputs.today}); a projection looks ahead", param_hint="--to")
    inputs.until = last
    ends = last or _years_after(inputs.today, 10)  # the default end too: --from 1000-01-01 alone
    if first is not None and first > ends:  # (`--from 2999` alone projected "2999-01-01 to 2036-11-26": nothing, exit 0)
        raise click.BadParameter(f"{first} is after {ends}, the end of the horizon without --to (ten years after --today); expected an earlier --from, or a --to after it", param_hint="--from")
    # (a projection runs from --today whatever --from says: a later --from only cuts it)
    runs = inputs.today if first is None or first > inputs.today else first
    if ends.year - runs.year > MAX_HORIZON_YEARS:
        said, hint = (f"{last} is more than {MAX_HORIZON_YEARS} years after {runs}{' (--today: a projection runs from there)' if first is not None and runs != first else ''}", "--to") if last else (f"{first} is more than {MAX_HORIZON_YEARS} years before the default end {ends}", "--from")
        raise click.BadParameter(f"{said}; expected a horizon of at most {MAX_HORIZON_YEARS} years (see Limits in the README)", param_hint=hint)
    book = with_avoided(inputs, runs, ends)
    return run_project(book, inputs.meetings, inputs.today, first, last, ids)


def with_avoided(inputs: Inputs, first: date, last: date) -> RuleBook:
    """The rule book with the busy days of the calendars to avoid (``[organization] avoid``,
    relative to the rule book, then ``--avoid``) as organization blackouts. It replaces the
    loaded one, so that a chair plan laid on the projection keeps off the same days."""
    book = inputs.book
    paths: list[Path] = []
    listed: dict[Path, int] = {}  # a calendar the rule book names: its place in [organization] avoid
    repeats: dict[tuple[str, str], int] = {}  # (as given, the one read): how many more times
    from_book = [inputs.rules_path.parent / p for p in book.organization.avoid]
    for i, path in enumerate(from_book + [Path(p) for p in inputs.avoid]):
        again = next((p for p in paths if same_file(p, path)), None)
        if again is None:
            paths.append(path)
            if i < len(from_book):
                listed[path] = i
        else:  # (300 copies of one --avoid were each read: minutes)
            repeats[(str(path), str(again))] = repeats.get((str(path), str(again)), 0) + 1
    for (given, read), times in repeats.items():  # (5,000 copies in a rule book's avoid were 4,999 lines)
        warn(f"{shown(given)}: the same calendar to avoid as {shown(read)}, given again{f' ({times:,} times)' if times > 1 else ''}: read once")
    if not paths:
        return book
    from planner.inputs.ics.avoid import load_avoid  # icalendar, only for calendars to read

    found: list[Any] = []
    for path in paths:
        try:
            found += load_avoid(path, first - timedelta(days=1), last + timedelta(days=366), inputs.ics_lines, warn)
        except InputError as exc:
            if path not in listed or exc.location not in (None, ""):
                raise
            # (a file the rule book names that is missing, a folder, unreadable: the rule book's
            # line names it; "nonexist.ics: no such file" said neither where nor why it was asked for)
            raise RuleBookError(exc.problem, path=inputs.rules_path, location=f"organization.avoid[{listed[path]}]", value=book.organization.avoid[listed[path]], expected="an .ics calendar file, relative to the rule book's folder") from None
    busy = tuple(found)
    org = book.organization.model_copy(update={"blackout": book.organization.blackout + busy})
    inputs._book = book.model_copy(update={"organization": org})
    return inputs._book


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def ordered_range(first: date | None, last: date | None) -> tuple[date | None, date | None]:
    if first and last and first > last:
        raise click.BadParameter(f"--from {first} is after --to {last}", param_hint="--from/--to")
    return first, last


def resolve_bodies(book: RuleBook, keys: tuple[str, ...]) -> list[str] | None:
    """Body ids for ``--body`` values (ids, names or aliases); unknown ones are usage errors."""
    if not keys:
        return None
    import difflib

    ids = []
    for key in keys:
        body = book.body(key)
        if body is None:
            close = difflib.get_close_matches(key, book.body_ids(), n=3)
            shown = repr(key) if len(key) <= 60 else f"{key[:40]!r}... ({len(key):,} characters)"
            raise click.BadParameter(f"{shown} is not a body of the rule book; expected one of {', '.join(close or book.body_ids())}", param_hint="--body")
        ids.append(body.id)
    return ids
