"""The input files every command reads (rule book, registers, chairs), ``--today``, and the
options that name them; bad input becomes one line per problem and exit 2."""

from __future__ import annotations

import calendar
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from planner.cli.common.output import INPUTS, error, say, warn
from planner.core.dates import MAX_YEAR, MIN_YEAR
from planner.core.errors import InputErrors, PlannerError, RegisterError, RuleBookError
from planner.core.words import shown
from planner.inputs.limits import IcsLines

if TYPE_CHECKING:  # the models load with the rule book, not with the options
    from planner.core.model import ChairTerm, Meeting, RuleBook


def is_day_text(value: str) -> bool:
    """Whether ``value`` has the shape YYYY-MM-DD: ``date.fromisoformat`` also takes
    ``20261201`` and ISO weeks (``2026-W49-2``), which no option documents."""
    return len(value) == 10 and value[4] == value[7] == "-" and value.isascii() and value.replace("-", "").isdigit()


def _parse_day(value: str, source: str, expected: str = "YYYY-MM-DD") -> date:
    try:
        if not is_day_text(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} {_not_a_day(value)}; expected {expected}", param_hint=source) from None
    return _in_range(day, value, source)


def _not_a_day(value: str) -> str:
    """Why a value is no day, in a register's words: of the right shape, its month or day
    ("'2027-02-29' is not a date" left the reader to count February's days)."""
    if not is_day_text(value):
        return "is not a date"
    year, month, day = (int(part) for part in value.split("-"))
    if not 1 <= month <= 12:
        return f"has no month {month}"
    last = calendar.monthrange(max(year, 1), month)[1]
    if day < 1:
        return f"has no day {day}"
    return f"is not a real date: {calendar.month_name[month]} {year} has {last} days" if day > last else "is not a date"


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
            # ASCII digits only: int() also reads '1_700_000_000', '+17...', spaces and the
            # digits of other scripts, which the reproducible-builds spec does not allow
            if not (epoch.isascii() and epoch.removeprefix("-").isdigit()):
                raise ValueError(epoch)
            seconds = int(epoch)
        except ValueError:
            raise click.BadParameter(f"{epoch!r} is not a Unix time in seconds", param_hint="SOURCE_DATE_EPOCH") from None
        # (a Unix time of many digits is one all the same, of a year no date takes: said so,
        # not "not a Unix time", and before the platform's own limits answer for it)
        if not _FIRST_SECOND <= seconds <= _LAST_SECOND:
            raise click.BadParameter(f"{epoch!r} is out of range; expected a year from {MIN_YEAR} to {MAX_YEAR} ({_FIRST_SECOND} to {_LAST_SECOND})", param_hint="SOURCE_DATE_EPOCH")
        return datetime.fromtimestamp(seconds, UTC).date()
    return datetime.now(UTC).date()


_FIRST_SECOND = int(datetime(MIN_YEAR, 1, 1, tzinfo=UTC).timestamp())
_LAST_SECOND = int(datetime(MAX_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())


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
    ics_lines: IcsLines = field(default_factory=IcsLines)  # of all the .ics files the run reads
    _chairs: list[ChairTerm] | None = None
    chairs_given: bool = False  # --chairs on the command line (not the embedded default)

    @property
    def book(self) -> RuleBook:
        if self._book is None:
            from planner.inputs.rulebook import load_rulebook

            self._book = load_rulebook(self.rules_path)
        return self._book

    @property
    def loaded_book(self) -> RuleBook | None:
        """The rule book if it has been read, else ``None`` (nothing is read to answer)."""
        return self._book

    @property
    def meetings(self) -> list[Meeting]:
        if self._meetings is None:
            from planner.inputs.register import load_meetings

            if self.foreign_meetings:
                say(f"note: {self.rules_path} is not the embedded CICA rule book, so CICA's register is not used: no meetings recorded (give --meetings FILE)")
                self._meetings = []
            else:
                self._meetings = load_meetings(self.meetings_path, self.book, warn=warn, today=self.today, until=self.until, shared=self.ics_lines)
            if self.more_meetings:
                from planner.inputs.limits import MAX_MEETINGS
                from planner.inputs.register.overlay import overlay_recorded

                later = []
                total = len(self._meetings)
                for path in self.more_meetings:  # bounded in all, not only file by file
                    later.append(load_meetings(path, self.book, warn=warn, today=self.today, until=self.until, shared=self.ics_lines))
                    total += len(later[-1])
                    if total > MAX_MEETINGS:
                        raise RegisterError(
                            f"brings the meetings of the --meetings files given to {total:,}, more than {MAX_MEETINGS:,}",
                            path=path,
                            expected=f"at most {MAX_MEETINGS:,} meetings in all the registers of a run, as in one (see Limits in the README)",
                        )
                names = [Path(self.meetings_path).name, *(Path(p).name for p in self.more_meetings)]
                self._meetings = overlay_recorded([self._meetings, *later], names, warn)
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


def _read_once(files: list[str]) -> list[str]:
    """``files`` without a later one that is the same file as an earlier one: its rows are
    the very rows already read (one meeting each, not "one meeting or two" as the same row in
    two registers may be), and the warning says so."""
    kept: list[str] = []
    for name in files:
        again = next((k for k in kept if same_file(k, name)), None)
        if again is None:
            kept.append(name)
        else:
            warn(f"{shown(name)}: the same file as --meetings {shown(again)}, given again: read once")
    return kept


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` name one file (by any path or link)."""
    try:
        return a == b or os.path.samefile(a, b)
    except (OSError, ValueError):
        return False  # unreadable or no file (standard input): said where it is read


def _inputs(ctx: click.Context, rules: str | None, meetings: tuple[str, ...] | str | None, chairs: str | None, today: str | None) -> Inputs:
    from planner.inputs.rulebook import embedded_path

    parent: dict[str, Any] = ctx.obj or {}
    rules = rules or parent.get("rules")
    meetings = meetings or parent.get("meetings")
    chairs = chairs or parent.get("chairs")
    today = today or parent.get("today")
    rules_path = Path(rules) if rules else embedded_path("cica.toml")
    files = _read_once([meetings] if isinstance(meetings, str) else list(meetings or ()))
    if ctx.command.name != "validate":  # validate reads every file, and lists each one's problems
        _given_are_readable(rules, files, chairs)
    return Inputs(
        rules_path=rules_path,
        meetings_path=Path(files[0]) if files else embedded_path("cica-meetings.csv"),
        more_meetings=tuple(Path(f) for f in files[1:]),
        chairs_path=Path(chairs) if chairs else embedded_path("cica-chairs.csv"),
        rules_label=shown(rules) if rules else "rules/cica.toml (embedded)",  # a file name is text from outside too
        today=today_from_env(today),
        chairs_given=bool(chairs),
    )


def _given_are_readable(rules: str | None, meetings: list[str], chairs: str | None) -> None:
    """Every file named with --rules, --meetings or --chairs exists and may be read, also where
    the command has no use for it: a mistyped --chairs given to `check` is an error, not ignored."""
    from planner.inputs.inputfile import check_readable

    problems: list[PlannerError] = []
    for name, error_class in ((rules, RuleBookError), *((m, RegisterError) for m in meetings), (chairs, RegisterError)):
        if name:
            try:
                check_readable(Path(name), error_class)
            except PlannerError as exc:
                problems.append(exc)
    if problems:
        raise InputErrors(problems)  # every file at fault, one line each


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--rules``, ``--meetings``, ``--chairs``, ``--today`` on every command (and the group)."""

    @click.option("-q", "--quiet", is_flag=True, help="Nothing on standard error unless something fails.")
    @click.option("--today", metavar="DATE", help="The date to judge as of (default: SOURCE_DATE_EPOCH, else today).")
    @click.option("--chairs", metavar="FILE", help="Register of chair terms, CSV or JSON (default: embedded CICA).")
    @click.option("--meetings", metavar="FILE", multiple=True, help="Register of meetings, CSV, JSON or .ics (default: embedded CICA). Repeatable: a later file adds rows and overrides rows of earlier ones with the same body, kind and ordinal (without a number: the same id, or the same days in another status; a what-if scenario).")
    @click.option("--rules", metavar="FILE", help="Rule book, TOML (default: the embedded CICA rule book).")
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, rules: str | None, meetings: tuple[str, ...], chairs: str | None, today: str | None, quiet: bool, **kwargs: Any) -> Any:
        if quiet:
            ctx.meta["planner.quiet"] = True
        inputs = None
        try:
            inputs = _inputs(ctx, rules, meetings, chairs, today)
            ctx.meta[INPUTS] = inputs  # (what -o must not write over: see read_unnamed)
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
