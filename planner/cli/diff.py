"""``planner diff``: what changes between two projections (a what-if against the plan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from planner.cli.common.output import emit, error, text_width
from planner.core.errors import PlannerError

if TYPE_CHECKING:
    from planner.core.meeting import Meeting


@click.command()
@click.argument("before", metavar="BEFORE.json")
@click.argument("after", metavar="AFTER.json")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")
@click.option("--meetings", metavar="FILE", multiple=True, help="The register as it is now (repeatable, as for project): a meeting AFTER no longer has that it records as held is said to be held, naming its row.")
@click.option("--rules", metavar="FILE", help="The rule book that reads --meetings (default: the embedded CICA rule book).")
@click.pass_context
def diff(ctx: click.Context, before: str, after: str, fmt: str, output: str | None, meetings: tuple[str, ...], rules: str | None) -> None:
    """Compare two `planner project --format json` outputs: meetings moved (old and new dates,
    and why), added, dropped, and hosts changed.

    \b
    Example (the 7th Summit slips to April 2027):
      planner project --today 2026-11-26 --format json -o before.json
      planner project --today 2026-11-26 --meetings examples/cica-meetings.csv \\
          --meetings examples/cica-scenario-summit-2027.csv --format json -o after.json
      planner diff before.json after.json
    """
    from planner.core.bulk import paused_gc
    from planner.engine.diffing.compare import compare
    from planner.inputs.projection_json import load_projection_json
    from planner.outputs.diff import render_diff

    try:
        with paused_gc():  # two documents of dicts by the hundred thousand, and no cycles
            old, new = load_projection_json(before), load_projection_json(after)
            result = compare(old, new, _register(ctx, rules, meetings, new.today))
    except PlannerError as exc:
        for line in getattr(exc, "errors", None) or [exc]:
            error(str(line))
        click.get_current_context().exit(2)
    emit(render_diff(result, fmt, width=text_width(output)), output)


def _register(ctx: click.Context, rules: str | None, meetings: tuple[str, ...], today: str) -> list[Meeting]:
    """The meetings of ``--meetings`` (here or before the command), read by ``--rules`` as of
    AFTER's ``today``; none where no register is given (the embedded one is not assumed)."""
    parent = ctx.obj or {}
    if not (meetings or parent.get("meetings")):
        return []
    from planner.cli.common.inputs import _inputs

    return _inputs(ctx, rules, meetings, None, today or None).meetings
