"""``planner check``: compliance of each body with its cadence rules."""

from __future__ import annotations

import click

from planner.cli.common.horizon import horizon_day, ordered_range, resolve_bodies
from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import emit, report_options, say, text_width, workers
from planner.core.words import plural


@click.command()
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
    from planner.engine.judging.compliance import check_bodies
    from planner.outputs.render import exit_code, render_check_chunks

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    first, last = ordered_range(horizon_day(start, "--from", end=False), horizon_day(end, "--to", end=True))
    if first is not None and last is None and first > inputs.today:  # (judged nothing: "0 violations", exit 0)
        raise click.BadParameter(f"{first} is after --today ({inputs.today}), where the check ends without --to; expected an earlier --from, or a --to after it", param_hint="--from")
    inputs.until = last
    chair_violations = _chair_violations(inputs) if inputs.chairs_given and book.chairmanship is not None else None
    report = check_bodies(book, inputs.meetings, inputs.today, first, last, ids)  # judged as it is written
    report.tally.chair_violations = chair_violations
    chunks = render_check_chunks(report, fmt, rules_label=inputs.rules_label, problems_only=problems_only, width=text_width(output), workers=workers())
    emit(chunks, output)
    click.get_current_context().exit(exit_code(report))  # counted while writing


def _chair_violations(inputs: Inputs) -> int:
    """``check --chairs FILE`` judges that chair register too, as ``planner chairs`` does as of
    --today: its violations count in the totals and the exit code (README: exit 1 when check
    or chairs finds violations; given the file, a CI job gated on ``check`` passed a register
    that breaks the chair rule), and a line on standard error says where they are listed."""
    from planner.cli.chairs import judged_chairs

    chairs = judged_chairs(inputs)
    count = len(chairs.violations)
    if count:
        say(f"{inputs.chairs_path}: {plural(count, 'violation')} of the chair rule ({plural(len(chairs.notes), 'note')}): planner chairs lists them")
    return count
