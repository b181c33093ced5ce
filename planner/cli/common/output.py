"""What a command writes: its messages on standard error (``--quiet``), ``--format`` and
``-o/--output``, the width of text output, and writing outputs. Only the CLI prints or exits."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from planner.core.words import cut_long_words, shown

FORMAT_CHOICE = click.Choice(["text", "markdown", "json", "csv"])


def quiet() -> bool:
    """``--quiet`` given, before or after the command."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.meta.get("planner.quiet"))


def error(message: str) -> None:
    """One line ``error: ...`` on standard error, always (``--quiet`` keeps failures)."""
    click.echo(f"error: {shown(cut_long_words(message))}", err=True)


def say(message: str) -> None:
    """A note on standard error ("wrote ..."), unless ``--quiet``."""
    if not quiet():
        click.echo(shown(cut_long_words(message)), err=True)


def warn(message: str) -> None:
    say(f"warning: {message}")

def report_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--format`` and ``-o/--output``, the same on every report command."""
    func = click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")(func)
    return click.option("--format", "fmt", type=FORMAT_CHOICE, default="text", show_default=True)(func)

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


def emit(text: str | Iterable[str] | Iterable[bytes], output: str | None) -> None:
    """Write a command's output (a string, or pieces of text or of UTF-8 bytes written as they
    come) to ``output`` or standard output."""
    if output and output != "-":
        from planner.outputs.atomic import write_atomic

        given_as = input_named(output)
        if given_as is not None:  # `-o meetings.csv`, a slip of the hand, replaced the register
            error(f"{output}: cannot write: it is the file given as {given_as}, an input of this run (expected another file: planner never writes over its inputs)")
            click.get_current_context().exit(2)
        with writing(output):
            write_atomic(Path(output), text)
    elif isinstance(text, str):
        click.echo(text, nl=False)
    else:
        for piece in text:
            if piece.__class__ is bytes:  # encoded already (a JSON check): no styles to strip
                click.echo(piece, nl=False)
                continue
            # click strips styles when standard output is no terminal, a search of every
            # piece for an escape code (a JSON check at N writes 137 MB): a piece with none
            # has nothing to strip, and is written as it is (color=True)
            click.echo(piece, nl=False, color=True if "\x1b" not in piece else None)


def input_named(output: str) -> str | None:
    """The option (or argument) of this run naming an input that the regular file ``output``
    is, by any path or link; ``None`` when it is none (or not yet a file, or a device: with
    ``--meetings /dev/stdin -o /dev/stdout`` both may be the one terminal)."""
    try:
        if not stat.S_ISREG(os.stat(output).st_mode):
            return None
    except OSError:
        return None
    ctx = click.get_current_context(silent=True)
    while ctx is not None:  # the command's options, then the group's (--rules before the command)
        for param in ctx.command.params:
            value = ctx.params.get(param.name or "")
            for given in value if isinstance(value, tuple | list) else (value,):
                if param.name != "output" and isinstance(given, str) and given not in ("", "-") and _same_file(given, output):
                    return param.opts[-1] if isinstance(param, click.Option) else f"the argument {param.human_readable_name}"
        ctx = ctx.parent
    return None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # ValueError: a NUL in a name
        return False


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


WORKERS = "PLANNER_WORKERS"


def workers() -> int | None:
    """How many processes judge and write a check or make a feed folder's events:
    ``PLANNER_WORKERS`` when set (1: one, no fork), else ``None``, for the library to choose
    (README, "Limits")."""
    given = os.environ.get(WORKERS, "").strip()
    if not given:
        return None
    if not (given.isascii() and given.isdigit()) or not 1 <= int(given) <= 64:  # isdigit alone takes '²', which int() refuses
        raise click.UsageError(f"{WORKERS}={given[:40]!r} is not a number of processes (expected a whole number from 1 to 64; 1 works in one process)")
    return int(given)
