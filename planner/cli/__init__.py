"""The ``planner`` command: parse options, call the library, render, choose the exit code.

This package is the only code that prints or exits, one module per command. Exit codes: 0 fine;
1 ``check`` (or ``chairs``) found violations; 2 bad input or usage, as one line per problem and
never a traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import importlib
import io
import os
import sys
import warnings
from collections.abc import Iterator, MutableMapping
from typing import Any

import click

from planner import __version__

# pydantic looks for plugins (observability hooks) in the entry points of every installed
# distribution the first time it builds a validator: a scan that grows with the environment
# and costs more than the rest of `planner check` on the CICA data. The command has no use
# for them; a PYDANTIC_DISABLE_PLUGINS the user set is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class _StreamFailed(click.ClickException):
    """Standard output (or error) could not take what a command wrote: a full disk
    (``> /dev/full``), a closed pipe (``| head``), a lost terminal. One line and exit 2, as
    for an output file that cannot be written; never a traceback, and never exit 1, which
    says that violations were found."""

    exit_code = 2

    def __init__(self, stream: str, exc: OSError) -> None:
        said = "the program reading it stopped before the end" if exc.errno == errno.EPIPE else (exc.strerror or str(exc))
        super().__init__(f"{stream}: cannot write: {said} (expected a {stream} that takes the whole output, or -o FILE)")
        self.stream = stream

    def show(self, file: Any = None) -> None:
        _quiet_stream(sys.stdout if self.stream == "standard output" else sys.stderr)
        try:
            sys.stderr.write(f"error: {self.message}\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # standard error is broken too: the exit code says it
            _quiet_stream(sys.stderr)


def _quiet_stream(stream: Any) -> None:
    """Point a broken standard stream at /dev/null, so that the text left in its buffer does
    not fail again (with a traceback) when Python flushes it on the way out."""
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):  # not a file (a test's capture): nothing to flush
        return
    os.dup2(null, fd)
    os.close(null)


def _failed_stream(exc: OSError) -> str | None:
    """The standard stream whose write raised ``exc``: a write of ``click.echo``, or a write
    to a stream on file descriptor 1 or 2 that the innermost frame holds (``emit`` writes
    pieces to standard output itself)."""
    tb, frame = exc.__traceback__, None
    while tb is not None:
        frame = tb.tb_frame
        code = frame.f_code
        if code.co_name == "echo" and code.co_filename.endswith(os.path.join("click", "utils.py")):
            return "standard error" if frame.f_locals.get("err") else "standard output"
        tb = tb.tb_next
    for value in frame.f_locals.values() if frame is not None else ():
        if hasattr(value, "write") and hasattr(value, "fileno"):
            try:
                fd = value.fileno()
            except (OSError, ValueError, AttributeError, TypeError):
                continue
            if fd in (1, 2):
                return "standard output" if fd == 1 else "standard error"
    return None


class _Interrupted(click.ClickException):
    """Ctrl-C, SIGTERM or no memory left: exit 2 like any run that did not finish (click's own
    answer, or Python's to an error, exit 1, would say that violations were found). Outputs are
    written atomically: nothing half-written stays."""

    exit_code = 2

    def __init__(self, how: str = "interrupted") -> None:
        super().__init__(f"{how} before the end; nothing was written in part")

    def show(self, file: Any = None) -> None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"\nerror: {self.message}\n")


class _Terminated(BaseException):
    """SIGTERM (``kill``, ``timeout``, a service stopped), unwound as Ctrl-C is: Python's own
    answer ends the process where it stands, leaving the temporary file of ``-o`` or the
    half-built feed folder beside DIR (a copy of every feed) until the next run."""


def _terminated(signum: int, frame: Any) -> None:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM raises :class:`_Terminated` while a command runs, where nobody else answers it
    (its handler is the default one, in the main thread); the handler is put back after."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _ClosedOutput(io.TextIOBase):
    """Standard output that was closed before planner started (``planner check >&-``): Python
    leaves ``sys.stdout`` None and click then writes nowhere, so a check that found violations
    said nothing and exited 1. Writing to it fails as a full disk does: one line, exit 2."""

    def writable(self) -> bool:
        return True

    def write(self, text: Any) -> int:
        raise OSError(errno.EBADF, "it was closed when planner started")

    @property
    def buffer(self) -> _ClosedOutput:  # click writes bytes to a text stream's buffer
        return self


def _standard_streams_open() -> None:
    """Put /dev/null on a standard file descriptor that the caller closed (``>&-``, ``2>&-``,
    ``<&-``), so that no file planner opens takes its number (an output's temporary file
    opened as descriptor 1 or 2 would receive what is written there); a closed standard output
    is refused when a command writes to it (:class:`_ClosedOutput`), a closed standard error
    stays quiet."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            if fd == 1:
                sys.stdout = _ClosedOutput()
            elif fd == 2 and sys.stderr is None:
                sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the process's standard error, open until it ends)


def _utf8_output() -> None:
    """Standard output in UTF-8 whatever the locale says, as every file planner writes is:
    ``PYTHONIOENCODING=latin-1`` (or a legacy locale) made ``chairs`` a UnicodeEncodeError
    traceback at its first arrow, and the same run gave other bytes in another locale (click
    mends only ASCII). Standard error keeps the terminal's encoding, a character it cannot
    show written as an escape rather than failing."""
    for stream, utf8 in ((sys.stdout, True), (sys.stderr, False)):
        encoding = getattr(stream, "encoding", None)
        try:
            if not encoding or codecs.lookup(encoding).name == "utf-8" or not hasattr(stream, "reconfigure"):
                continue
            stream.reconfigure(**({"encoding": "utf-8"} if utf8 else {"errors": "backslashreplace"}))
        except (LookupError, OSError, ValueError):  # a stream already broken says so when written
            continue


class _Planner(click.Group):
    """The command group, with a failure of standard output or error (while any command or
    ``--help`` writes) turned into one line and exit 2, and Ctrl-C into exit 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _standard_streams_open()
        _utf8_output()
        try:
            with _sigterm_unwinds():
                return super().main(*args, **kwargs)
        except OSError as exc:  # click's own message (a usage error) could not be written
            if _failed_stream(exc) is None:
                raise
            _quiet_stream(sys.stderr)
            sys.exit(2)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except OSError as exc:
            raise _stream_error(exc) from None
        except KeyboardInterrupt:
            raise _Interrupted() from None
        except _Terminated:
            raise _Interrupted("terminated (SIGTERM)") from None
        except MemoryError:  # a memory limit (ulimit -v, a container's): a traceback and exit 1, "violations found"
            raise _Interrupted("out of memory") from None
        except click.ClickException as exc:
            raise _cut_short(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            raise _stream_error(exc) from None
        except KeyboardInterrupt:
            raise _Interrupted() from None
        except _Terminated:
            raise _Interrupted("terminated (SIGTERM)") from None
        except MemoryError:  # a memory limit (ulimit -v, a container's): a traceback and exit 1, "violations found"
            raise _Interrupted("out of memory") from None
        except click.ClickException as exc:
            # (an option of a command missing its value fails before the command's context
            # exists: the group's knows which command it was)
            sub = ctx.invoked_subcommand
            raise _cut_short(exc, f"{ctx.command_path} {sub}" if sub and isinstance(exc, click.UsageError) and exc.ctx in (None, ctx) else None) from None


def _cut_short(exc: click.ClickException, where: str | None = None) -> click.ClickException:
    """A usage error quotes the bad value back: a 100 KB ``--format`` or ``--today`` is shown
    cut to its start and end, one line to read."""
    from planner.core.words import cut_long_words

    exc.message = cut_long_words(exc.message)
    if isinstance(exc, click.UsageError) and not isinstance(exc, _UsageLine):
        return _UsageLine(exc, where or (exc.ctx.command_path if exc.ctx is not None else "planner"))
    return exc


class _UsageLine(click.UsageError):
    """A usage error as one line, like every other error: the command, the option, the bad
    value and what was expected, and where the options are listed. click's own shows four
    (usage, a hint to --help, a blank line, the error), which a script reading the first line
    of standard error, or a log keeping one line per failure, cuts to "Usage: ...". """

    def __init__(self, exc: click.UsageError, where: str) -> None:
        super().__init__(exc.message, exc.ctx)
        self.exit_code = 2
        self.cause, self.where = exc, where

    def show(self, file: Any = None) -> None:
        said = " ".join(self.cause.format_message().split()).rstrip(".")
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"error: {self.where}: {said} (see {self.where} --help)\n")


class _PathFailed(click.ClickException):
    """An operating system failure on a named file that no command turned into its own message
    (the commands name their inputs and outputs themselves; this is the net under them): one
    line naming the file and exit 2, never a traceback."""

    exit_code = 2

    def __init__(self, exc: OSError) -> None:
        from planner.core.words import cut_long_words, shown

        name = shown(cut_long_words(str(exc.filename)))
        super().__init__(f"{name}: {exc.strerror or exc} (expected a path this program can read or write)")

    def show(self, file: Any = None) -> None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"error: {self.message}\n")


def _stream_error(exc: OSError) -> Exception:
    stream = _failed_stream(exc)
    if stream is not None:
        return _StreamFailed(stream, exc)
    return _PathFailed(exc) if exc.filename is not None else exc


@click.group(cls=_Planner, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="planner")
@click.option("--rules", metavar="FILE", help="Rule book, TOML (default: the embedded CICA rule book).")
@click.option("--meetings", metavar="FILE", multiple=True, help="Register of meetings, CSV, JSON or .ics (repeatable: later files override rows with the same body, kind and ordinal; without a number, the same id or days in another status).")
@click.option("--chairs", metavar="FILE", help="Register of chair terms, CSV or JSON.")
@click.option("--today", metavar="DATE", help="The date to judge as of (default: SOURCE_DATE_EPOCH, else today).")
@click.option("-q", "--quiet", is_flag=True, help="Nothing on standard error unless something fails (no warnings, no 'wrote' lines).")
@click.pass_context
def main(ctx: click.Context, rules: str | None, meetings: tuple[str, ...], chairs: str | None, today: str | None, quiet: bool) -> None:
    """Meeting calendar and schedule planner for intergovernmental organizations.

    Keeps each body's cadence as data (a TOML rule book) and, against the register of
    meetings held, checks compliance, projects schedules, plans chairmanships and exports
    iCalendar feeds. With no options it works on the embedded CICA rule book and register.

    \b
    Example:
      planner check --today 2026-11-26
    """
    ctx.obj = {"rules": rules, "meetings": meetings, "chairs": chairs, "today": today}
    ctx.meta["planner.quiet"] = quiet
    # The holidays package warns when asked past the years it knows for a country (India:
    # 2035); placement then avoids that country's weekends only, as the README says.
    warnings.filterwarnings("ignore", message="Requested Holidays are available only", category=UserWarning)
    if ctx.invoked_subcommand is None:  # bare `planner`: what it can do, and no error
        click.echo(ctx.get_help())
        ctx.exit(0)


COMMANDS = (
    "init.init",
    "basics.bodies",
    "basics.validate",
    "basics.schema",
    "check.check",
    "project.project",
    "diff.diff",
    "chairs.chairs",
    "ics.ics",
    "publish.publish",
    "report.report",
    "cbms.cbms",
)


# What an option of each kind names, for the message when it is given empty.
_EMPTY_EXPECTED = {
    "FILE": "a file path",
    "DIR": "a folder path",
    "DATE": "a date YYYY-MM-DD or a year",
    "FILE.ics": "an .ics file path",
    "BEFORE.json": "a JSON file path",
    "AFTER.json": "a JSON file path",
}


def refuse_empty(command: click.Command) -> click.Command:
    """A file, folder or date given empty (``--rules "$UNSET"``) is an error, not the
    default: ``--today ""`` would judge as of the clock, ``--out ""`` write into the working
    folder and ``--rules ""`` silently check CICA's rule book."""
    for param in command.params:
        expected = _EMPTY_EXPECTED.get(param.metavar or "")
        if param.name == "today":
            expected = "a date YYYY-MM-DD"
        if expected is None or getattr(param.callback, "refuses_empty", False):
            continue

        def callback(ctx: click.Context, p: click.Parameter, value: object, _inner: object = param.callback, _expected: str = expected) -> object:
            if value == "" or (isinstance(value, tuple) and "" in value):
                raise click.BadParameter(f"is empty; expected {_expected}", ctx=ctx, param=p)
            return _inner(ctx, p, value) if callable(_inner) else value

        callback.refuses_empty = True  # type: ignore[attr-defined]
        param.callback = callback
    return command


class _Commands(MutableMapping[str, click.Command]):
    """The commands by name, each module imported when its command is first asked for: the
    start-up of ``planner check`` loads no other command's module (nor what it imports)."""

    def __init__(self, where: dict[str, str]) -> None:
        self.where = where  # name -> "module.attribute"
        self.loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self.loaded:
            module, _, attribute = self.where[name].partition(".")
            self.loaded[name] = refuse_empty(getattr(importlib.import_module(f"planner.cli.{module}"), attribute))
        return self.loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self.loaded[name] = command
        self.where.setdefault(name, "")

    def __delitem__(self, name: str) -> None:
        self.loaded.pop(name, None)
        del self.where[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.where)

    def __len__(self) -> int:
        return len(self.where)


# One module per command, one line each: "module.command" (the command's name is its function's).
main.commands = _Commands({entry.partition(".")[2]: entry for entry in COMMANDS})
refuse_empty(main)

if __name__ == "__main__":  # pragma: no cover
    main()
