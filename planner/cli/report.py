"""``planner report``: one self-contained HTML page with a timeline, the findings, the
projected schedule and the chairs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from planner.cli.common.horizon import (
    avoid_option,
    horizon_day,
    plan_options,
    read_plan_option,
    resolve_bodies,
    run_projection,
)
from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import emit, say
from planner.core.words import plural
from planner.inputs.limits import MAX_REPORT_DRAWN

if TYPE_CHECKING:
    from planner.core.model import Meeting


@click.command()
@input_options
@avoid_option
@click.option("-o", "--output", default="report.html", show_default=True, metavar="FILE", help="Write the page to FILE (atomically); - for standard output.")
@click.option("--from", "start", metavar="DATE", help="Judge and draw from this date (default: the first record); a year means its first day.")
@click.option("--to", "end", metavar="DATE", help="End of the projection (default: 10 years after --today); a year means its last day.")
@click.option("--body", "body_ids", multiple=True, metavar="ID", help="Only this body (repeatable).")
@plan_options
def report(inputs: Inputs, output: str, start: str | None, end: str | None, body_ids: tuple[str, ...], plan_text: str | None, plan_file: str | None) -> None:
    """Write an HTML page to read and send: totals, a timeline, findings, schedule and chairs.

    The page is one self-contained file (inline CSS and SVG, no scripts, no network): the
    timeline has a lane per body with the judged windows shaded by verdict, the meetings by
    status, and the chair terms on top; below it, the findings of `check`, the schedule of
    `project` and the terms of `chairs`, in the same words. Same inputs and --today, same bytes.

    \b
    Examples:
      planner report --today 2026-12-01 -o report.html
      planner report --plan "Azerbaijan, Kyrgyzstan, Thailand" --body summit --body ministerial_council
    """
    from planner.engine.chairmanship.plan import chairs_report
    from planner.engine.judging.compliance import check as run_check
    from planner.outputs.html.report import build_page, render_report

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    first = horizon_day(start, "--from", end=False)
    if first is not None and first > inputs.today:
        raise click.BadParameter(f"{first} is after --today ({inputs.today}); the report judges the past up to today", param_hint="--from")
    plan = read_plan_option(plan_text, plan_file, inputs.book)
    projection = run_projection(inputs, None, end, body_ids)
    wanted = set(ids) if ids else None

    def shown(meetings: Iterable[Meeting]) -> int:
        return sum(1 for m in meetings if (wanted is None or m.body in wanted) and (first is None or m.latest >= first))

    # what the page draws at least, known before the chair terms are judged and the register
    # checked: each term of the chair register is drawn, and the register's meetings (re-hosting
    # moves projected ones only). 200,000 terms were judged for over 120 s before the refusal.
    _within_page((len(inputs.chairs) if book.chairmanship is not None else 0) + shown(projection.register), "at least ")
    chairs = chairs_report(book, inputs.chairs, projection, plan) if book.chairmanship is not None else None
    if chairs is not None and chairs.projection is not None:
        projection = chairs.projection
    checked = run_check(book, inputs.meetings, inputs.today, first, inputs.today, ids)
    _within_page(len(checked.findings) + (len(chairs.terms) + len(chairs.findings) if chairs is not None else 0) + shown(projection.register) + shown(projection.projected))
    page = build_page(checked, projection, chairs, rules_label=inputs.rules_label, start=first)
    emit(render_report(page), output)
    if output != "-":
        marks = sum(len(lane.marks) for lane in page.timeline.lanes)
        say(f"wrote {output}: {plural(len(page.timeline.lanes), 'body', 'bodies')}, {plural(marks, 'meeting')}, {len(page.schedule)} in the schedule")


def _within_page(drawn: int, bound: str = "") -> None:
    if drawn > MAX_REPORT_DRAWN:
        raise click.UsageError(
            f"the page would draw {bound}{drawn:,} windows, meetings, chair terms and findings, more than {MAX_REPORT_DRAWN:,} (a page to read: see Limits in the README);"
            " narrow it with --body, --from or --to, or use check and project with --format json for all of them"
        )
