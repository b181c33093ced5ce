"""``planner diff``: what changes between two projections (a what-if against the plan)."""

from __future__ import annotations

import click

from planner.cli.common.output import emit, error, text_width
from planner.core.errors import PlannerError


@click.command()
@click.argument("before", metavar="BEFORE.json")
@click.argument("after", metavar="AFTER.json")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")
def diff(before: str, after: str, fmt: str, output: str | None) -> None:
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
    from planner.engine.planning.diff import compare
    from planner.inputs.projection_json import load_projection_json
    from planner.outputs.diff import render_diff

    try:
        with paused_gc():  # two documents of dicts by the hundred thousand, and no cycles
            result = compare(load_projection_json(before), load_projection_json(after))
    except PlannerError as exc:
        error(str(exc))
        click.get_current_context().exit(2)
    emit(render_diff(result, fmt, width=text_width(output)), output)
