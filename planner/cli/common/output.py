"""What a command writes: its messages on standard error (``--quiet``), ``--format`` and
``-o/--output``, the width of text output, and writing outputs. Only the CLI prints or exits."""

from __future__ import annotations

import contextlib
import errno
import os
import re
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


_HEARD: list[list[str]] = []  # the warnings of each open hearing()


def warn(message: str) -> None:
    for heard in _HEARD:
        heard.append(message)
    say(f"warning: {message}")


@contextlib.contextmanager
def hearing() -> Iterator[list[str]]:
    """The warnings given inside the block (said as well): ``ics --out`` records those of
    reading its inputs, to give them again when it finds the folder already written."""
    heard: list[str] = []
    _HEARD.append(heard)
    try:
        yield heard
    finally:
        _HEARD.remove(heard)

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

        refuse_input(output, also=read_unnamed())  # `-o meetings.csv`, a slip of the hand, replaced the register
        if output.endswith(("/", "/.", os.sep)):
            # a folder's path: pathlib drops the '/' ('-o notes/' wrote a file named notes,
            # over a file of that name, where a folder was meant and none was there)
            name = "report.html" if click.get_current_context().info_name == "report" else "out.txt"
            folder = re.sub(r"(?:/\.?)+$", "", output) or ("" if output.startswith("/") else ".")
            error(f"{output}: cannot write: it ends with {output[-2:] if output.endswith('/.') else output[-1]!r}, the path of a folder (expected the path of a file to write, e.g. {folder}/{name})")
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


def refuse_input(output: str, instead: str = "another file", also: Iterable[tuple[str, Path]] = ()) -> None:
    """One line and exit 2 when the file ``output`` is an input of this run (see
    :func:`input_named`; ``also``: inputs no option names, each with the words that say where
    it is named); ``instead``: what to give in its place."""
    given_as = input_named(output, also)
    if given_as is not None:
        error(f"{output}: cannot write: it is the file given as {given_as}, an input of this run (expected {instead}: planner never writes over its inputs)")
        click.get_current_context().exit(2)


INPUTS = "planner.inputs"  # ctx.meta: the run's Inputs, once made


def read_unnamed() -> list[tuple[str, Path]]:
    """The inputs of this run that no option names, each with the words that say where it is
    named: the embedded rule book and registers used by default, and the calendars the rule
    book's ``[organization] avoid`` lists (`project --rules book.toml -o busy.ics` replaced
    the calendar the rule book had it avoid)."""
    ctx = click.get_current_context(silent=True)
    inputs = ctx.meta.get(INPUTS) if ctx is not None else None
    if inputs is None:
        return []
    rules = inputs.rules_path
    found = [("the embedded rule book", rules), ("the embedded register", inputs.meetings_path), ("the embedded chair register", inputs.chairs_path)]
    book = inputs.loaded_book
    if book is not None:
        found += [(f"avoid in {shown(str(rules))}", rules.parent / p) for p in book.organization.avoid]
    return found


def input_named(output: str, also: Iterable[tuple[str, Path]] = ()) -> str | None:
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
    return next((named for named, path in also if _same_file(str(path), output)), None)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # ValueError: a NUL in a name
        return False


@contextlib.contextmanager
def writing(target: str, folder: bool = False) -> Iterator[None]:
    """An output that cannot be written (a folder, a file where a folder should be, no
    permission, a full disk) is one line and exit 2, like bad input: what is wrong with that
    path, and what was expected there. ``folder``: the output is a folder (``ics --out``)."""
    try:
        yield
    except OSError as exc:
        said, expected = unwritable(target, exc, folder)
        error(f"{target}: cannot write: {said} (expected {expected})")
        click.get_current_context().exit(2)


def unwritable(target: str, exc: OSError, folder: bool = False) -> tuple[str, str]:
    """What is wrong with the output path ``target`` that ``exc`` reports, and what a path
    there must be: each cause its own words ("Is a directory ... expected a writable file path
    or folder" named neither the folder nor the fix)."""
    code, named = exc.errno, str(exc.filename) if exc.filename else ""
    where = _nearest_existing(Path(target))
    blocker = where if where is not None and not where.is_dir() and where != Path(target) else None
    if code == errno.EISDIR and not folder and os.path.isdir(target):
        return "it is a folder", "the path of a file to write, not of a folder"
    if code in (errno.ENOTDIR, errno.EEXIST) and folder and os.path.lexists(target) and not os.path.isdir(target):
        # (`--out /dev/null` was "a file": a device, a pipe or a socket is said as what it is)
        return f"it is {kind_of(target)}, not a folder", "a folder for the feeds, or a path where one can be made"
    if code in (errno.ENOTDIR, errno.EEXIST, errno.ELOOP) and where is not None and _loops(where):
        # (a link loop on the way: "loop/feeds: loop is a file, not a folder" named no link)
        said = "it is a link that leads back to itself" if where == Path(target) else f"{where} is a link that leads back to itself"
        return said, ("a folder, or a link to one" if folder and where == Path(target) else "a file, or a link to one" if where == Path(target) else "a path whose every folder is a folder, or a link to one, or can be made")
    if code in (errno.ENOTDIR, errno.EEXIST) and blocker is not None:
        return f"{blocker} is {kind_of(blocker)}, not a folder", "a path whose every folder is a folder or can be made"
    if code == errno.EBUSY:
        return f"{exc.strerror}", "a folder no other run is writing"
    if code == errno.EEXIST and folder and os.path.isdir(target):
        # (refuse_foreign: a folder, link or pipe at a name planner writes there)
        return f"{exc.strerror}", "each name planner writes there free, or a file it wrote"
    if code == errno.ENXIO:
        return f"{exc.strerror}", "a pipe a program reads from"
    if os.path.islink(target) and code in (errno.ENOENT, errno.EACCES, errno.EPERM):
        # (followed(): a link into a missing folder, a stranger's link in /tmp: its words)
        return f"{exc.strerror}", "a link of this user's into a folder that exists, or another path"
    if not folder and code in (errno.EACCES, errno.EPERM) and os.path.isfile(target) and not os.access(target, os.W_OK):
        return "it is read-only", "a file this user may write, or another path"
    if code == errno.ELOOP:
        return "it is a link that leads back to itself", "a file, or a link to one"
    if code == errno.ENAMETOOLONG:
        return "it, or a name in it, is too long for the file system", "names of at most 255 bytes, a path of at most 4,096"
    if code == errno.ENOSPC and os.path.exists(target) and not os.path.isfile(target) and not os.path.isdir(target):
        return f"it is {kind_of(target)} that takes no more ({exc.strerror})", "a writable file path"
    if code in (errno.ENOSPC, errno.EDQUOT):
        space = "no space left on the device" if code == errno.ENOSPC else "the disk quota is used up"
        return f"{space} holding {where if where is not None and where.is_dir() else Path(target).parent}; nothing was replaced", "room for the whole output"
    if code == errno.EROFS:
        return f"{where if where is not None else target} is on a read-only file system", "a path on a file system that can be written"
    if code in (errno.EACCES, errno.EPERM) and exc.strerror == os.strerror(code) and where is not None:
        # the kernel's words: the folder that refuses (planner's own refusals say theirs)
        inside = where if where.is_dir() and where != Path(target) else where.parent
        return f"no permission to write in {inside}", "a folder this user may write in"
    if code == errno.ENOENT and where is not None and where.is_dir() and where != Path(target):
        # the folder exists, yet nothing can be made in it (/proc, a FUSE mount): its name,
        # not that of planner's staging file or folder in it (/proc/.pl-2d711642.new)
        return f"{where} does not let files or folders be made in it ({exc.strerror})", "a folder to write in" if folder else "a writable file path"
    ours = Path(named).name.startswith(".pl-") or named.endswith(".tmp")
    blocked = f" ({named})" if named and not ours and named != target else ""
    return f"{exc.strerror or exc}{blocked}", "a folder to write in" if folder else "a writable file path"


def kind_of(path: str | Path) -> str:
    """What a path that is no folder is, in words: "a file", "a character device"..."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "a link to nothing" if os.path.islink(path) else "a file"
    for test, words in ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return words
    return "a file"


def _loops(path: Path) -> bool:
    """Whether ``path`` is a link that leads back to itself (through others or not)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _nearest_existing(path: Path) -> Path | None:
    """``path`` or its nearest ancestor that exists (a link, even dangling, exists)."""
    for candidate in (path, *path.parents):
        with contextlib.suppress(OSError, ValueError):
            if os.path.lexists(candidate):
                return candidate
    return None


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
