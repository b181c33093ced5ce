"""The ``planner`` command: parse options, call the library, render, choose the exit code.

This is the only module that prints or exits. Exit codes: 0 fine; 1 ``check`` (or ``chairs``)
found violations; 2 bad input or usage, as one line per problem and never a traceback.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner import __version__
from planner.atomic import write_atomic
from planner.dates import MAX_YEAR, MIN_YEAR
from planner.errors import InputError, InputErrors, PlannerError
from planner.model import ChairTerm, Meeting, RuleBook

if TYPE_CHECKING:
    from planner.projection import Projection

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
    _book: RuleBook | None = None
    _meetings: list[Meeting] | None = None
    _chairs: list[ChairTerm] | None = None

    @property
    def book(self) -> RuleBook:
        if self._book is None:
            from planner.rulebook import load_rulebook

            self._book = load_rulebook(self.rules_path)
        return self._book

    @property
    def meetings(self) -> list[Meeting]:
        if self._meetings is None:
            from planner.register import load_meetings

            self._meetings = load_meetings(self.meetings_path, self.book, warn=warn, today=self.today)
        return self._meetings

    @property
    def chairs(self) -> list[ChairTerm]:
        """The chair register: given with --chairs, or the embedded CICA one when the rule book
        is CICA's too. Another organization's rule book never gets CICA's chairs."""
        if self._chairs is None:
            from planner.register import load_chairs

            self._chairs = [] if self.foreign_chairs else load_chairs(self.chairs_path)
        return self._chairs

    @property
    def foreign_chairs(self) -> bool:
        from planner.rulebook import embedded_path

        return self.chairs_path == embedded_path("cica-chairs.csv") and self.rules_path != embedded_path("cica.toml")


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _inputs(ctx: click.Context, rules: str | None, meetings: str | None, chairs: str | None, today: str | None) -> Inputs:
    from planner.rulebook import embedded_path

    parent: dict[str, Any] = ctx.obj or {}
    rules = rules or parent.get("rules")
    meetings = meetings or parent.get("meetings")
    chairs = chairs or parent.get("chairs")
    today = today or parent.get("today")
    rules_path = Path(rules) if rules else embedded_path("cica.toml")
    return Inputs(
        rules_path=rules_path,
        meetings_path=Path(meetings) if meetings else embedded_path("cica-meetings.csv"),
        chairs_path=Path(chairs) if chairs else embedded_path("cica-chairs.csv"),
        rules_label=rules if rules else "rules/cica.toml (embedded)",
        today=today_from_env(today),
    )


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules``, ``--meetings``, ``--chairs``, ``--today`` on every command (and the group)."""

    @click.option("--today", metavar="DATE", help="The date to judge as of (default: SOURCE_DATE_EPOCH, else today).")
    @click.option("--chairs", metavar="FILE", help="Register of chair terms, CSV or JSON (default: embedded CICA).")
    @click.option("--meetings", metavar="FILE", help="Register of meetings, CSV, JSON or .ics (default: embedded CICA).")
    @click.option("--rules", metavar="FILE", help="Rule book, TOML (default: the embedded CICA rule book).")
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, rules: str | None, meetings: str | None, chairs: str | None, today: str | None, **kwargs: Any) -> Any:
        try:
            inputs = _inputs(ctx, rules, meetings, chairs, today)
            return func(inputs, **kwargs)
        except InputErrors as exc:
            for error in exc.errors:
                click.echo(f"error: {error}", err=True)
            sys.exit(2)
        except PlannerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper


def report_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` and ``-o/--output``, the same on every report command."""
    func = click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")(func)
    return click.option("--format", "fmt", type=FORMAT_CHOICE, default="text", show_default=True)(func)


def plan_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--plan`` and ``--plan-file``, for the commands that lay a chair plan on a projection."""
    func = click.option("--plan-file", metavar="FILE", help="Planned chairs, one country per line ('#' comments).")(func)
    return click.option("--plan", "plan_text", metavar="COUNTRIES", help='Planned chairs in order, e.g. "Azerbaijan, Kyrgyzstan, Thailand": they host the chair-hosted meetings of their terms; a first candidate who is the current chair confirms the running term.')(func)


def emit(text: str, output: str | None) -> None:
    if output and output != "-":
        with writing(output):
            write_atomic(Path(output), text)
    else:
        click.echo(text, nl=False)


@contextlib.contextmanager
def writing(target: str) -> Iterator[None]:
    """An output that cannot be written (a folder, a file where a folder should be, no
    permission) is one line and exit 2, like bad input."""
    try:
        yield
    except OSError as exc:
        blocked = f" ({exc.filename})" if exc.filename and not str(exc.filename).endswith(".tmp") and str(exc.filename) != target else ""
        click.echo(f"error: {target}: cannot write: {exc.strerror or exc}{blocked} (expected a writable file path or folder)", err=True)
        sys.exit(2)


def _day_option(value: str | None, name: str) -> date | None:
    return _parse_day(value, name) if value else None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="planner")
@click.option("--rules", metavar="FILE", help="Rule book, TOML (default: the embedded CICA rule book).")
@click.option("--meetings", metavar="FILE", help="Register of meetings, CSV, JSON or .ics.")
@click.option("--chairs", metavar="FILE", help="Register of chair terms, CSV or JSON.")
@click.option("--today", metavar="DATE", help="The date to judge as of (default: SOURCE_DATE_EPOCH, else today).")
@click.pass_context
def main(ctx: click.Context, rules: str | None, meetings: str | None, chairs: str | None, today: str | None) -> None:
    """Meeting calendar and schedule planner for intergovernmental organizations.

    Keeps each body's cadence as data (a TOML rule book) and, against the register of
    meetings held, checks compliance, projects schedules, plans chairmanships and exports
    iCalendar feeds. With no options it works on the embedded CICA rule book and register.

    \b
    Example:
      planner check --today 2026-11-26
    """
    ctx.obj = {"rules": rules, "meetings": meetings, "chairs": chairs, "today": today}
    # The holidays package warns when asked past the years it knows for a country (India:
    # 2035); placement then avoids that country's weekends only, as the README says.
    warnings.filterwarnings("ignore", message="Requested Holidays are available only", category=UserWarning)


@main.command()
@input_options
@report_options
def bodies(inputs: Inputs, fmt: str, output: str | None) -> None:
    """List each body, its category and its cadence in plain words.

    \b
    Example:
      planner bodies --format markdown
    """
    from planner.render import render_bodies

    emit(render_bodies(inputs.book, fmt), output)


@main.command()
@input_options
def validate(inputs: Inputs) -> None:
    """Check the rule book, the register and the chair terms; list every problem found.

    Exit 0 when all three are valid, 2 otherwise (one line per problem).

    \b
    Example:
      planner validate --rules my-org.toml --meetings meetings.csv
    """
    problems: list[PlannerError] = []
    counts: dict[str, int] = {}

    def attempt(name: str, loader: Callable[[], Any]) -> Any:
        try:
            value = loader()
        except InputErrors as exc:
            problems.extend(exc.errors)
            return None
        except InputError as exc:
            problems.append(exc)
            return None
        counts[name] = len(value) if isinstance(value, list) else 1
        return value

    book = attempt("rule book", lambda: inputs.book)
    if book is not None:  # meetings are matched to the rule book's bodies
        attempt("meeting", lambda: inputs.meetings)
    attempt("chair term", lambda: inputs.chairs)  # chair terms stand alone
    if problems:
        raise InputErrors(problems)

    def n(name: str) -> str:
        return f"{counts[name]} {name}{'' if counts[name] == 1 else 's'}"

    click.echo(
        f"ok: {inputs.rules_label}: {len(book.bodies)} bod{'y' if len(book.bodies) == 1 else 'ies'}, {len(book.organization.members)} member states, {len(book.cbms)} CBMs; "
        f"{inputs.meetings_path.name}: {n('meeting')}; " + ("no chair register (--chairs)" if inputs.foreign_chairs else f"{inputs.chairs_path.name}: {n('chair term')}")
    )


@main.command()
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of rule books, for editors that validate TOML.

    \b
    Example:
      planner schema -o rulebook.schema.json
    """
    import json

    from planner.model import RuleBook

    data = RuleBook.model_json_schema(mode="validation")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "planner rule book"
    emit(json.dumps(data, indent=2, sort_keys=True) + "\n", output)


@main.command()
@input_options
@click.option("--from", "start", metavar="DATE", help="Judge windows from this date (default: all history); a year means its first day.")
@click.option("--to", "end", metavar="DATE", help="Judge windows up to this date, as they stood on it (default: --today); a year means its last day.")
@click.option("--body", "body_ids", multiple=True, metavar="ID", help="Only this body (repeatable).")
@report_options
@click.option("--problems-only", is_flag=True, help="Only late, missed, excess, uncertain and advisory findings.")
def check(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], fmt: str, problems_only: bool, output: str | None) -> None:
    """Did each body meet as often as its rules require?

    Exit 0 when every binding rule is kept (advisories allowed), 1 on any violation
    (late, missed, excess), 2 on bad input.

    \b
    Example:
      planner check --today 2026-11-26 --body summit --format json
    """
    from planner.compliance import check as run_check
    from planner.render import exit_code, render_check

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    first, last = ordered_range(horizon_day(start, "--from", end=False), horizon_day(end, "--to", end=True))
    report = run_check(book, inputs.meetings, inputs.today, first, last, ids)
    emit(render_check(report, fmt, rules_label=inputs.rules_label, problems_only=problems_only), output)
    sys.exit(exit_code(report))


@main.command()
@input_options
@click.option("--from", "start", metavar="DATE", help="Start of the horizon (default: --today).")
@click.option("--to", "end", metavar="DATE", help="End of the horizon (default: 10 years after --today); a year such as 2030 means its last day.")
@click.option("--body", "body_ids", multiple=True, metavar="ID", help="Only this body (repeatable); bodies it depends on are still projected.")
@report_options
@plan_options
def project(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], fmt: str, plan_text: str | None, plan_file: str | None, output: str | None) -> None:
    """When must each body meet next? A dated schedule with ordinals, hosts and reasons.

    Meetings the register lists as planned are kept; every unmet requirement in the horizon
    gets projected meetings on working days of the host country. Chair-hosted meetings go to
    the chair of their term: the current chair up to its next handover meeting, then the
    chairs of --plan.

    \b
    Example:
      planner project --today 2026-11-26 --to 2030 --plan "Azerbaijan, Kyrgyzstan, Thailand"
    """
    from planner.render_schedule import render_projection

    projection = hosted_projection(inputs, start, end, body_ids, plan_text, plan_file)
    emit(render_projection(projection, fmt, rules_label=inputs.rules_label), output)


def hosted_projection(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], plan_text: str | None, plan_file: str | None) -> Projection:
    """The projection with chair-hosted meetings given to the chair of their term: the chair
    register's, then the plan's."""
    from planner.chairs_plan import with_chair_hosts

    plan = read_plan_option(plan_text, plan_file)
    projection = run_projection(inputs, start, end, body_ids)
    if inputs.book.chairmanship is not None and (plan is not None or inputs.chairs):
        projection = with_chair_hosts(inputs.book, inputs.chairs, projection, plan)
    return projection


def read_plan_option(plan_text: str | None, plan_file: str | None) -> list[str] | None:
    """``--plan`` or ``--plan-file`` (not both) as the candidates' names, in order."""
    from planner.chairs_plan import load_plan, parse_plan

    if plan_text is not None and plan_file is not None:
        raise click.UsageError("--plan and --plan-file exclude each other; give one")
    if plan_file is not None:
        return load_plan(plan_file)
    if plan_text is not None:
        names = parse_plan(plan_text)
        if not names:
            raise click.BadParameter("names no country; expected e.g. \"Azerbaijan, Kyrgyzstan\"", param_hint="--plan")
        return names
    return None


@main.command()
@input_options
@plan_options
@click.option("--country", metavar="NAME", help="Only this country: the terms it chaired or will chair, and the meetings it hosts.")
@click.option("--to", "end", metavar="DATE", help="End of the projection the plan is laid on (default: 10 years after --today); a year means its last day.")
@report_options
def chairs(inputs: Inputs, plan_text: str | None, plan_file: str | None, country: str | None, end: str | None, fmt: str, output: str | None) -> None:
    """Who chairs when? The chair terms of the register, checked against the rule book, and a plan.

    Each term is shown with the handover meetings at its ends and the statutory meetings held
    during it; terms longer than the rule allows, gaps, overlaps, non-members, consecutive
    terms and handovers away from a handover meeting are findings. With --plan, the candidates
    take the chair at the coming handover meetings of the projection, and each hosts the
    chair-hosted meetings of its term.

    Exit 0 when the register keeps the chair rule (notes allowed), 1 on any violation, 2 on
    bad input (an unknown candidate, a plan that breaks a rule).

    \b
    Examples:
      planner chairs --today 2026-11-26
      planner chairs --today 2026-11-26 --plan "Azerbaijan, Kyrgyzstan, Thailand"
      planner chairs --country Kazakhstan --format markdown
    """
    from planner.chairs_plan import chairs_report
    from planner.render_chairs import exit_code as chairs_exit
    from planner.render_chairs import render_chairs

    plan = read_plan_option(plan_text, plan_file)
    projection = run_projection(inputs, None, end, ())
    report = chairs_report(inputs.book, inputs.chairs, projection, plan, country)
    emit(render_chairs(report, fmt, rules_label=inputs.rules_label), output)
    sys.exit(chairs_exit(report))


@main.command()
@input_options
@click.option("--out", "out", required=True, metavar="DIR", help="Folder for the feeds (created if missing), or - for all.ics on standard output.")
@click.option("--from", "start", metavar="DATE", help="Start of the projection horizon (default: --today).")
@click.option("--to", "end", metavar="DATE", help="End of the projection horizon (default: 10 years after --today); a year means its last day.")
@click.option("--body", "body_ids", multiple=True, metavar="ID", help="Only this body's meetings (repeatable).")
@click.option("--no-projected", is_flag=True, help="Only the register's meetings, without the projection.")
@plan_options
@click.option("--base-url", metavar="URL", help="Where DIR will be served, for the subscribe links of index.html.")
def ics(inputs: Inputs, out: str, start: str | None, end: str | None, body_ids: tuple[str, ...], no_projected: bool, plan_text: str | None, plan_file: str | None, base_url: str | None) -> None:
    """Write iCalendar feeds: one per body, all.ics and index.html.

    Holds the register's meetings and the projection for the horizon. UIDs are stable and
    DTSTAMP comes from --today (or SOURCE_DATE_EPOCH), so the same input gives byte-identical
    files and re-importing updates events instead of duplicating them. A state file in DIR
    raises SEQUENCE when a meeting's dates, venue or status change between two exports.

    \b
    Examples:
      planner ics --today 2026-11-26 --out feeds --base-url https://example.org/cica
      planner ics --out - --body summit --no-projected > summit.ics
    """
    from planner.ical import combined_calendar_bytes, write_feeds

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    if no_projected:
        meetings = list(inputs.meetings)
    else:
        meetings = hosted_projection(inputs, start, end, (), plan_text, plan_file).meetings()
    if ids is not None:
        meetings = [m for m in meetings if m.body in ids]
    stamp = datetime.combine(inputs.today, datetime.min.time(), UTC)
    if out == "-":
        click.echo(combined_calendar_bytes(book, meetings, stamp).decode("utf-8"), nl=False)
        return
    with writing(out):
        written = write_feeds(book, meetings, Path(out), stamp, base_url=base_url)
    click.echo(f"wrote {len(written)} files to {out}: {len(meetings)} meetings in {len(written) - 2} feeds and all.ics, index.html", err=True)


def horizon_day(value: str | None, name: str, *, end: bool) -> date | None:
    """``2030`` means the whole year: its first day for --from, its last for --to."""
    if value and value.isdigit() and len(value) == 4:
        year = _in_range(date(max(int(value), 1), 1, 1), value, name).year
        return date(year, 12, 31) if end else date(year, 1, 1)
    return _day_option(value, name)


def run_projection(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...]) -> Projection:
    from planner.projection import project as run_project

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    first, last = ordered_range(horizon_day(start, "--from", end=False), horizon_day(end, "--to", end=True))
    if first is None and last is not None and last < inputs.today:
        raise click.BadParameter(f"{last} is before --today ({inputs.today}); a projection looks ahead", param_hint="--to")
    return run_project(book, inputs.meetings, inputs.today, first, last, ids)


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
            raise click.BadParameter(f"{key!r} is not a body of the rule book; expected one of {', '.join(close or book.body_ids())}", param_hint="--body")
        ids.append(body.id)
    return ids


if __name__ == "__main__":  # pragma: no cover
    main()
