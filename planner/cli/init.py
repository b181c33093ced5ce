"""``planner init``: start a rule book and registers for a new organization."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import click

from planner.cli.common.inputs import today_from_env
from planner.cli.common.output import error, say, writing


@click.command()
@click.argument("folder", metavar="DIR", required=False)
@click.option("--name", default="Example Organization", show_default=True, help="The organization's name (its short name and id are made from the initials).")
@click.option("--members", metavar="COUNTRIES", help='Member states, e.g. "Austria, Kazakhstan, Faroe Islands=FO" (Name=XX gives the ISO code).')
@click.option("--example", "example_name", metavar="NAME", help="Copy a shipped example instead (see --list).")
@click.option("--list", "list_examples", is_flag=True, help="Name the shipped examples and exit.")
@click.option("--today", metavar="DATE", help="Its year is the bodies' year of establishment (default: SOURCE_DATE_EPOCH, else today).")
@click.option("-q", "--quiet", is_flag=True, help="Nothing on standard error unless something fails.")
@click.pass_context
def init(ctx: click.Context, folder: str | None, name: str, members: str | None, example_name: str | None, list_examples: bool, today: str | None, quiet: bool) -> None:
    """Start a new organization: a commented rule book and empty registers in DIR.

    Writes DIR/rules.toml (two bodies, every other rule kind shown in comments), an empty
    register of meetings DIR/meetings.csv and an empty chair register DIR/chairs.csv; all three
    validate as written. With --example NAME, DIR gets a shipped example's files under the same
    names instead. Nothing is overwritten: DIR may exist, but not these files.

    \b
    Examples:
      planner init my-org --name "Regional Fisheries Commission" --members "Norway, Iceland"
      planner init --list
      planner init treaty --example treaty-body
    """
    from planner.core.errors import InputErrors, PlannerError
    from planner.inputs.limits import name_problem
    from planner.outputs.atomic import write_atomic
    from planner.outputs.starter import (
        CHAIRS_HEADER,
        FILES,
        MEETINGS_HEADER,
        InitError,
        example,
        examples,
        resolve_members,
        starter_rulebook,
    )

    if quiet:
        ctx.meta["planner.quiet"] = True
    if list_examples:
        for ex in examples().values():
            click.echo(f"{ex.name:<24}  {ex.organization}")
        return
    if folder is None:
        raise click.UsageError("missing DIR: the folder to write the rule book and registers into (or --list)")
    if example_name is not None and (members or ctx.get_parameter_source("name") is not click.core.ParameterSource.DEFAULT):
        raise click.UsageError("--example copies an example as it is; --name and --members start a new rule book instead")
    out = Path(folder)
    targets = [out / f for f in FILES]
    if os.path.lexists(out) and not out.is_dir():  # a file, a device: mkdir would only say "File exists"
        error(f"{folder}: is not a folder (expected a folder, or a path where one can be made)")
        ctx.exit(2)
    try:
        if example_name is not None:
            ex = example(example_name)
            contents = [ex.rules.read_bytes(), ex.meetings.read_bytes(), ex.chairs.read_bytes() if ex.chairs else CHAIRS_HEADER.encode()]
            what = f"the {ex.name} example ({ex.organization})"
        else:
            year = today_from_env(today).year
            chosen = resolve_members(members or "")
            # the rule book must validate as written: its names follow the rule book's rules
            for option, value in [("--name", name), *(("--members", n) for n, _ in chosen)]:
                problem = name_problem(value) or _undecoded(value)
                if problem:  # (in the words of --members' other problems: one form for the option)
                    raise InitError(f"{option}: {value!r} {problem[0]}; expected {problem[1]}")
            text = starter_rulebook(name, chosen, year)
            _validates(text, out / FILES[0])
            contents = [text.encode(), MEETINGS_HEADER.encode(), CHAIRS_HEADER.encode()]
            what = f"a starter rule book for {name}"
    except PlannerError as exc:
        for problem in exc.errors if isinstance(exc, InputErrors) else [exc]:
            error(str(problem))
        ctx.exit(2)
    # lexists: a link counts (init writes through none), and a name too long to be a file is no
    # file. A file init itself wrote, byte for byte, is no conflict: a run killed between its
    # files is completed by running it again (it said "rules.toml: already exists" for ever)
    existing = [str(p) for p, data in zip(targets, contents, strict=True) if os.path.lexists(p) and not _written(p, data)]
    if all(os.path.lexists(p) for p in targets):
        existing = existing or [str(targets[0])]  # all there already: nothing to complete
    if existing:
        error(f"{existing[0]}: already exists; expected a folder without {', '.join(FILES)} (init overwrites nothing)")
        ctx.exit(2)
    made = [p for p in (out, *out.parents) if not os.path.lexists(p)]  # deepest first
    try:
        with writing(folder, folder=True):
            out.mkdir(parents=True, exist_ok=True)
            for path, data in zip(targets, contents, strict=True):
                if not os.path.lexists(path):
                    write_atomic(path, data)
    except BaseException:  # a full disk, Ctrl-C: the folders made for nothing go again
        for path in made:
            with contextlib.suppress(OSError):
                path.rmdir()  # only while empty: a file written stays, for a run to complete
        raise
    say(f"wrote {what} to {folder}: {', '.join(FILES)}")
    say(f"next: planner validate --rules {out / 'rules.toml'} --meetings {out / 'meetings.csv'} --chairs {out / 'chairs.csv'}")


def _undecoded(value: str) -> tuple[str, str] | None:
    """A byte of the command line that is no UTF-8 (Python holds it as a lone surrogate)."""
    odd = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
    if odd is None:
        return None
    return f"holds a byte that is not UTF-8 text ({odd.encode('utf-8', 'surrogateescape')!r})", "a name in UTF-8"


def _validates(text: str, path: Path) -> None:
    """The starter rule book made from --name and --members validates as written, or the first
    problem of it is the option's error (a name of 6,000 characters, a member given twice)."""
    import tomllib

    from planner.core.errors import InputError, InputErrors
    from planner.inputs.rulebook import parse_rulebook
    from planner.outputs.starter import InitError

    try:
        parse_rulebook(tomllib.loads(text), path)
    except InputErrors as exc:
        first = exc.errors[0]
        where = str(first.location or "") if isinstance(first, InputError) else ""
        option = "--members" if where.startswith("organization.members") else "--name"
        raise InitError(f"{option}: the rule book made from it would not validate: {str(first).removeprefix(f'{path}: ')}") from None


def _written(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a plain file holding ``data`` (what this init would write)."""
    try:
        return not path.is_symlink() and path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
