"""``planner chairs``: chair terms, checked, and a plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import click

from planner.cli.common.horizon import avoid_option, plan_options, read_plan_option, run_projection
from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import emit, report_options, text_width
from planner.inputs.limits import MAX_CHAIRS_LISTED

if TYPE_CHECKING:
    from planner.engine.chairmanship.terms import ChairReport


@click.command()
@input_options
@avoid_option
@plan_options
@click.option("--country", metavar="NAME", help="Only this country: the terms it chaired or will chair, and the meetings it hosts.")
@click.option("--to", "end", metavar="DATE", help="End of the projection the plan is laid on (default: 10 years after --today); a year means its last day.")
@report_options
def chairs(inputs: Inputs, plan_text: str | None, plan_file: str | None, country: str | None, end: str | None, fmt: str, output: str | None) -> None:
    """Who chairs when? The chair terms of the register, checked against the rule book, and a plan.

    Each term is shown with the handover meetings at its ends and the statutory meetings held
    during it; terms longer than the rule allows, gaps, overlaps, non-members, consecutive
    terms and handovers away from a handover meeting are findings. With --plan, the candidates
    take the chair at the coming handover meetings of the projection, and each hosts the
    chair-hosted meetings of its term.

    Exit 0 when the register keeps the chair rule (notes allowed), 1 on any violation, 2 on
    bad input (an unknown candidate, a plan that breaks a rule).

    \b
    Examples:
      planner chairs --today 2026-11-26
      planner chairs --today 2026-11-26 --plan "Azerbaijan, Kyrgyzstan, Thailand"
      planner chairs --country Kazakhstan --format markdown
    """
    from planner.outputs.chairs import exit_code as chairs_exit
    from planner.outputs.chairs import render_chairs

    plan = read_plan_option(plan_text, plan_file, inputs.book)
    report = judged_chairs(inputs, plan, end, country)
    emit(render_chairs(report, fmt, rules_label=inputs.rules_label, width=text_width(output)), output)
    click.get_current_context().exit(chairs_exit(report))


def judged_chairs(inputs: Inputs, plan: list[str] | None = None, end: str | None = None, country: str | None = None) -> ChairReport:
    """The chair register judged against the rule book, with the plan laid on the projection
    to ``end``; refused (a usage error) where the answer would name more than
    ``MAX_CHAIRS_LISTED`` meetings and findings, before the terms are built where the
    register alone says so. ``planner check --chairs`` judges it too."""
    from planner.engine.chairmanship.answer_size import named_at_least
    from planner.engine.chairmanship.plan import chairs_report

    projection = run_projection(inputs, None, end, ())
    moved = set(map(id, projection.moved))
    at_least, terms = named_at_least(projection.book, inputs.chairs, [m for m in projection.register if id(m) not in moved], projection.today, country)
    if at_least > MAX_CHAIRS_LISTED:  # known before the terms are built and judged
        _refuse(f"at least {at_least:,}", terms)
    report = chairs_report(inputs.book, inputs.chairs, projection, plan, country)
    listed = len(report.findings) + sum(len(t.statutory) + len(t.hosted) for t in (*report.terms, *report.plan))
    if listed > MAX_CHAIRS_LISTED:
        _refuse(f"{listed:,}", len(report.terms) + len(report.plan))
    return report


def _refuse(named: str, terms: int) -> NoReturn:
    raise click.UsageError(
        f"the answer would name {named} meetings and findings under {terms:,} chair terms, more than {MAX_CHAIRS_LISTED:,}"
        " (see Limits in the README); narrow it with --country or --to"
    )
