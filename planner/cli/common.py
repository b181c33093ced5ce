"""What every command shares: the input files, the common options, writing outputs, and the
horizon and body options. Only the CLI prints or exits."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.core.dates import MAX_YEAR, MIN_YEAR
from planner.core.errors import InputErrors, PlannerError, RuleBookError
from planner.core.words import shown
from planner.inputs.limits import MAX_HORIZON_YEARS

if TYPE_CHECKING:  # the models load with the rule book, not with the options
    from planner.core.model import ChairTerm, Meeting, RuleBook
    from planner.engine.planning.projection import Projection

FORMAT_CHOICE = click.Choice(["text", "markdown", "json", "csv"])


def _parse_day(value: str, source: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD", param_hint=source) from None
    return _in_range(day, value, source)


def _in_range(day: date, value: str, source: str) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise click.BadParameter(f"{value!r} is out of range; expected a year from {MIN_YEAR} to {MAX_YEAR}", param_hint=source)
    return day


def today_from_env(value: str | None) -> date:
    """``--today``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else the real date (UTC)."""
    if value:
        return _parse_day(value, "--today")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return _in_range(datetime.fromtimestamp(int(epoch), UTC).date(), epoch, "SOURCE_DATE_EPOCH")
        except (ValueError, OverflowError, OSError):
            raise click.BadParameter(f"{epoch!r} is not a Unix time in seconds", param_hint="SOURCE_DATE_EPOCH") from None
    return datetime.now(UTC).date()


@dataclass
class Inputs:
    """The files a command works on, loaded once, with the labels used in reports."""

    rules_path: Path
    meetings_path: Path
    chairs_path: Path
    rules_label: str
    today: date
    until: date | None = None  # the judged horizon's end, where .ics series stop expanding
    avoid: tuple[str, ...] = ()  # --avoid calendars, added to the rule book's own
    more_meetings: tuple[Path, ...] = ()  # further --meetings files, laid over the first (what-if)
    _book: RuleBook | None = None
    _meetings: list[Meeting] | None = None
    _chairs: list[ChairTerm] | None = None

    @property
    def book(self) -> RuleBook:
        if self._book is None:
            from planner.inputs.rulebook import load_rulebook

            self._book = load_rulebook(self.rules_path)
        return self._book

    @property
    def meetings(self) -> list[Meeting]:
        if self._meetings is None:
            from planner.inputs.register import load_meetings

            if self.foreign_meetings:
                say(f"note: {self.rules_path} is not the embedded CICA rule book, so CICA's register is not used: no meetings recorded (give --meetings FILE)")
                self._meetings = []
            else:
                self._meetings = load_meetings(self.meetings_path, self.book, warn=warn, today=self.today, until=self.until)
            if self.more_meetings:
                from planner.inputs.overlay import overlay

                later = [load_meetings(path, self.book, warn=warn, today=self.today, until=self.until) for path in self.more_meetings]
                self._meetings = overlay([self._meetings, *later])
        return self._meetings

    @property
    def foreign_meetings(self) -> bool:
        """Another organization's rule book never gets CICA's register of meetings."""
        from planner.inputs.rulebook import embedded_path

        return self.meetings_path == embedded_path("cica-meetings.csv") and self.rules_path != embedded_path("cica.toml")

    @property
    def chairs(self) -> list[ChairTerm]:
        """The chair register: given with --chairs, or the embedded CICA one when the rule book
        is CICA's too. Another organization's rule book never gets CICA's chairs."""
        if self._chairs is None:
            from planner.inputs.register import load_chairs

            self._chairs = [] if self.foreign_chairs else load_chairs(self.chairs_path)
        return self._chairs

    @property
    def foreign_chairs(self) -> bool:
        from planner.inputs.rulebook import embedded_path

        return self.chairs_path == embedded_path("cica-chairs.csv") and self.rules_path != embedded_path("cica.toml")


def quiet() -> bool:
    """``--quiet`` given, before or after the command."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get("planner.quiet"))


def error(message: str) -> None:
    """One line ``error: ...`` on standard error, always (``--quiet`` keeps failures)."""
    click.echo(f"error: {shown(message)}", err=True)


def say(message: str) -> None:
    """A note on standard error ("wrote ..."), unless ``--quiet``."""
    if not quiet():
        click.echo(shown(message), err=True)


def warn(message: str) -> None:
    say(f"warning: {message}")


def _inputs(ctx: click.Context, rules: str | None, meetings: tuple[str, ...] | str | None, chairs: str | None, today: str | None) -> Inputs:
    from planner.inputs.rulebook import embedded_path

    parent: dict[str, Any] = ctx.obj or {}
    rules = rules or parent.get("rules")
    meetings = meetings or parent.get("meetings")
    chairs = chairs or parent.get("chairs")
    today = today or parent.get("today")
    rules_path = Path(rules) if rules else embedded_path("cica.toml")
    files = [meetings] if isinstance(meetings, str) else list(meetings or ())
    return Inputs(
        rules_path=rules_path,
        meetings_path=Path(files[0]) if files else embedded_path("cica-meetings.csv"),
        more_meetings=tuple(Path(f) for f in files[1:]),
        chairs_path=Path(chairs) if chairs else embedded_path("cica-chairs.csv"),
        rules_label=rules if rules else "rules/cica.toml (embedded)",
        today=today_from_env(today),
    )


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules``, ``--meetings``, ``--chairs``, ``--today`` on every command (and the group)."""

    @click.option("-q", "--quiet", is_flag=True, help="Nothing on standard error unless something fails.")
    @click.option("--today", metavar="DATE", help="The date to judge as of (default: SOURCE_DATE_EPOCH, else today).")
    @click.option("--chairs", metavar="FILE", help="Register of chair terms, CSV or JSON (default: embedded CICA).")
    @click.option("--meetings", metavar="FILE", multiple=True, help="Register of meetings, CSV, JSON or .ics (default: embedded CICA). Repeatable: a later file adds rows and overrides rows of earlier ones with the same body, kind and ordinal (a what-if scenario).")
    @click.option("--rules", metavar="FILE", help="Rule book, TOML (default: the embedded CICA rule book).")
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, rules: str | None, meetings: tuple[str, ...], chairs: str | None, today: str | None, quiet: bool, **kwargs: Any) -> Any:
        if quiet:
            ctx.meta["planner.quiet"] = True
        inputs = None
        try:
            inputs = _inputs(ctx, rules, meetings, chairs, today)
            return func(inputs, **kwargs)
        except InputErrors as exc:
            for problem in exc.errors:
                error(str(problem))
            ctx.exit(2)
        except PlannerError as exc:
            if isinstance(exc, RuleBookError) and exc.path is None and inputs is not None:
                exc.path = str(inputs.rules_path)  # found by the engine, which knows no file
            error(_plan_place(ctx, exc))
            ctx.exit(2)

    return wrapper


_PLAN_LINES = "planner.plan_lines"


def _plan_place(ctx: click.Context, exc: PlannerError) -> str:
    """A plan error caused by one candidate of a --plan-file names the file and its line."""
    index = getattr(exc, "index", None)
    plan = ctx.meta.get(_PLAN_LINES)
    if index is None or plan is None or not 0 <= index < len(plan[1]):
        return str(exc)
    path, lines = plan
    return f"{path}:{lines[index]}: {str(exc).removeprefix('plan: ')}"


def report_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` and ``-o/--output``, the same on every report command."""
    func = click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")(func)
    return click.option("--format", "fmt", type=FORMAT_CHOICE, default="text", show_default=True)(func)


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
                meetings = list(inputs.meetings)
            else:
                meetings = hosted_projection(inputs, start, end, (), plan_text, plan_file).meetings()
            return meetings if ids is None else [m for m in meetings if m.body in ids]

        return func(inputs, events=events, body_ids=body_ids, **kwargs)

    return wrapper


def text_width(output: str | None = None) -> int:
    """The width text output fits: ``COLUMNS`` when set, else the terminal's, else 100 (a
    pipe, or a file given with ``-o``, which should not depend on the terminal that wrote it)."""
    from planner.outputs.text import DEFAULT_WIDTH, MIN_WIDTH

    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(int(columns), MIN_WIDTH)
    if output and output != "-":
        return DEFAULT_WIDTH
    return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, MIN_WIDTH)


def emit(text: str | Iterable[str], output: str | None) -> None:
    """Write a command's output (a string, or pieces written as they come) to ``output`` or
    standard output."""
    if output and output != "-":
        from planner.outputs.atomic import write_atomic

        with writing(output):
            write_atomic(Path(output), text)
    elif isinstance(text, str):
        click.echo(text, nl=False)
    else:
        for piece in text:
            # click strips styles when standard output is no terminal, a search of every
            # piece for an escape code (a JSON check at N writes 137 MB): a piece with none
            # has nothing to strip, and is written as it is (color=True)
            click.echo(piece, nl=False, color=True if "\x1b" not in piece else None)


@contextlib.contextmanager
def writing(target: str) -> Iterator[None]:
    """An output that cannot be written (a folder, a file where a folder should be, no
    permission) is one line and exit 2, like bad input."""
    try:
        yield
    except OSError as exc:
        blocked = f" ({exc.filename})" if exc.filename and not str(exc.filename).endswith(".tmp") and str(exc.filename) != target else ""
        error(f"{target}: cannot write: {exc.strerror or exc}{blocked} (expected a writable file path or folder)")
        click.get_current_context().exit(2)


def _day_option(value: str | None, name: str) -> date | None:
    return _parse_day(value, name) if value else None


def hosted_projection(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], plan_text: str | None, plan_file: str | None) -> Projection:
    """The projection with chair-hosted meetings given to the chair of their term: the chair
    register's, then the plan's."""
    from planner.engine.chairmanship.plan import with_chair_hosts

    plan = read_plan_option(plan_text, plan_file)
    projection = run_projection(inputs, start, end, body_ids)
    if inputs.book.chairmanship is not None and (plan is not None or inputs.chairs):
        projection = with_chair_hosts(inputs.book, inputs.chairs, projection, plan)
    return projection


def read_plan_option(plan_text: str | None, plan_file: str | None) -> list[str] | None:
    """``--plan`` or ``--plan-file`` (not both) as the candidates' names, in order."""
    from planner.engine.chairmanship.plan import load_plan_lines, parse_plan

    if plan_text is not None and plan_file is not None:
        raise click.UsageError("--plan and --plan-file exclude each other; give one")
    if plan_file is not None:
        lines = load_plan_lines(plan_file)
        # kept for the error handler: a candidate at fault is named by its file and line
        click.get_current_context().meta[_PLAN_LINES] = (plan_file, [line for line, _ in lines])
        return [name for _, name in lines]
    if plan_text is not None:
        names = parse_plan(plan_text)
        if not names:
            raise click.BadParameter("names no country; expected e.g. \"Azerbaijan, Kyrgyzstan\"", param_hint="--plan")
        return names
    return None


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
    if ends.year - (first or inputs.today).year > MAX_HORIZON_YEARS:
        said, hint = (f"{last} is more than {MAX_HORIZON_YEARS} years after {first or inputs.today}", "--to") if last else (f"{first} is more than {MAX_HORIZON_YEARS} years before the default end {ends}", "--from")
        raise click.BadParameter(f"{said}; expected a horizon of at most {MAX_HORIZON_YEARS} years (see Limits in the README)", param_hint=hint)
    book = with_avoided(inputs, first or inputs.today, ends)
    return run_project(book, inputs.meetings, inputs.today, first, last, ids)


def with_avoided(inputs: Inputs, first: date, last: date) -> RuleBook:
    """The rule book with the busy days of the calendars to avoid (``[organization] avoid``,
    relative to the rule book, then ``--avoid``) as organization blackouts. It replaces the
    loaded one, so that a chair plan laid on the projection keeps off the same days."""
    book = inputs.book
    paths = [inputs.rules_path.parent / p for p in book.organization.avoid] + [Path(p) for p in inputs.avoid]
    if not paths:
        return book
    from planner.inputs.ics.avoid import load_avoid  # icalendar, only for calendars to read

    busy = tuple(b for path in paths for b in load_avoid(path, first - timedelta(days=1), last + timedelta(days=366)))
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
