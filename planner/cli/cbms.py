"""``planner cbms``: the Catalogue of Confidence Building Measures, by dimension or by country."""

from __future__ import annotations

import shutil

import click

from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import emit, report_options


@click.command()
@input_options
@click.option("--dimension", metavar="NAME", help="Only this dimension: economic, new_challenges_and_threats, environmental, human, military_political.")
@click.option("--country", metavar="NAME", help="Only the measures this member state coordinates or co-coordinates (name, alias or code).")
@report_options
def cbms(inputs: Inputs, dimension: str | None, country: str | None, fmt: str, output: str | None) -> None:
    """The catalogue of confidence building measures: coordinators, co-coordinators, activity.

    Each measure with its coordinating states (and their terms where the rule book gives them).
    With --country, what that state coordinates or co-coordinates: useful when planning a
    chairmanship. Where register meetings name the measure they served (a `cbm` column), the
    meetings per measure and year, so that a measure idle for years stands out.

    \b
    Examples:
      planner cbms --dimension economic
      planner cbms --country "Republic of Korea"
      planner cbms --format json
    """
    from planner.engine.catalogue import catalogue_view
    from planner.outputs.cbms import render_cbms

    view = catalogue_view(inputs.book, inputs.meetings, dimension, country)
    width = shutil.get_terminal_size((100, 24)).columns
    emit(render_cbms(view, fmt, inputs.today.year, width), output)
