"""``planner project``: the dated schedule of coming meetings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import click

from planner.cli.common.horizon import avoid_option, hosted_projection, plan_options
from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import emit, error, report_options, say, text_width


@click.command()
@input_options
@click.option("--from", "start", metavar="DATE", help="Start of the horizon (default: --today).")
@click.option("--to", "end", metavar="DATE", help="End of the horizon (default: 10 years after --today); a year such as 2030 means its last day.")
@click.option("--body", "body_ids", multiple=True, metavar="ID", help="Only this body (repeatable); bodies it depends on are still projected.")
@avoid_option
@report_options
@plan_options
def project(inputs: Inputs, start: str | None, end: str | None, body_ids: tuple[str, ...], fmt: str, plan_text: str | None, plan_file: str | None, output: str | None) -> None:
    """When must each body meet next? A dated schedule with ordinals, hosts and reasons.

    Meetings the register lists as planned are kept; every unmet requirement in the horizon
    gets projected meetings on working days of the host country, one body a day (pairs
    excepted), meetings of all members off every member's public holidays, and off the busy
    days of --avoid calendars. Chair-hosted meetings go to the chair of their term: the
    current chair up to its next handover meeting, then the chairs of --plan.

    \b
    Example:
      planner project --today 2026-11-26 --to 2030 --plan "Azerbaijan, Kyrgyzstan, Thailand"
      planner project --today 2026-11-26 --avoid un-high-level-week.ics
    """
    from planner.outputs.schedule import render_projection

    projection = hosted_projection(inputs, start, end, body_ids, plan_text, plan_file)
    if fmt == "json":
        _within_diff_meetings(len(projection.schedule()))  # (the meetings the JSON lists)
    text = render_projection(projection, fmt, rules_label=inputs.rules_label, width=text_width(output))
    if fmt == "json":
        text = _within_diff_limit(text, output)
    emit(text, output)
    if fmt == "csv" and (projection.problems or projection.notes):
        # the CSV is the schedule's rows alone: what did not fit must not pass unsaid
        told = [f"{len(projection.problems):,} Problem{'s' if len(projection.problems) != 1 else ''}"] if projection.problems else []
        told += [f"{len(projection.notes):,} note{'s' if len(projection.notes) != 1 else ''}"] if projection.notes else []
        one = len(projection.problems) + len(projection.notes) == 1  # ("1 Problem ... are not rows": session 23's trial)
        are, rows, them = ("is", "a row", "it") if one else ("are", "rows", "them")
        say(f"note: {' and '.join(told)} (windows where nothing fits, planned meetings to confirm, missing holiday data) {are} not {rows} of the CSV: --format text or json lists {them}")


def _within_diff_limit(pieces: str | Iterable[str], output: str | None) -> Iterable[str]:
    """The JSON projection's pieces, at most the limit (what planner writes, `planner diff` must
    read back); past it, one line, exit 2 and nothing written. Into a file they are written as
    they come (the file is made whole or not at all); to standard output they are held until
    all are made, so that no cut document reaches it."""
    counted = _counted([pieces] if isinstance(pieces, str) else pieces)
    return counted if output and output != "-" else list(counted)


_NARROWER = "(see Limits in the README); nothing was written (expected a shorter horizon, --from/--to, or fewer bodies, --body)"


def _within_diff_meetings(count: int) -> None:
    """A JSON projection of more meetings than `planner diff` reads back is not made."""
    from planner.inputs.limits import MAX_PROJECTION_MEETINGS

    if count > MAX_PROJECTION_MEETINGS:
        error(f"the projection holds {count:,} meetings, more than {MAX_PROJECTION_MEETINGS:,}, the most `planner diff` reads back {_NARROWER}")
        click.get_current_context().exit(2)


def _counted(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces, counted as `planner diff` counts the file before it reads it: bytes,
    objects and arrays (brackets), values (commas)."""
    from planner.inputs.limits import (
        MAX_PROJECTION_BYTES,
        PROJECTION_BYTES_A_CONTAINER,
        PROJECTION_BYTES_A_VALUE,
    )

    size = containers = values = 0
    most_containers, most_values = MAX_PROJECTION_BYTES // PROJECTION_BYTES_A_CONTAINER, MAX_PROJECTION_BYTES // PROJECTION_BYTES_A_VALUE
    for piece in pieces:
        size += len(piece) if piece.isascii() else len(piece.encode("utf-8"))
        containers += piece.count("{") + piece.count("[")
        values += piece.count(",")
        if size > MAX_PROJECTION_BYTES:
            error(f"the projection is more than {MAX_PROJECTION_BYTES // 2**20} MB of JSON, the most `planner diff` reads back {_NARROWER}")
            click.get_current_context().exit(2)
        if containers > most_containers or values > most_values:
            what = f"{most_containers:,} JSON objects and arrays" if containers > most_containers else f"{most_values:,} JSON values"
            error(f"the projection is more than {what}, the most `planner diff` reads back {_NARROWER}")
            click.get_current_context().exit(2)
        yield piece
