"""The commands about the inputs themselves: bodies, validate, schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import emit, report_options, text_width
from planner.core.errors import InputError, InputErrors, PlannerError
from planner.core.words import plural
from planner.outputs.text import wrap


@click.command()
@input_options
@report_options
def bodies(inputs: Inputs, fmt: str, output: str | None) -> None:
    """List each body, its category and its cadence in plain words.

    \b
    Example:
      planner bodies --format markdown
    """
    from planner.outputs.render import render_bodies

    emit(render_bodies(inputs.book, fmt, width=text_width(output)), output)


@click.command()
@input_options
def validate(inputs: Inputs) -> None:
    """Check the rule book, the register and the chair terms; list every problem found.

    Exit 0 when all three are valid, 2 otherwise (one line per problem).

    \b
    Example:
      planner validate --rules my-org.toml --meetings meetings.csv
    """
    problems: list[PlannerError] = []
    counts: dict[str, int] = {}

    def attempt(name: str, loader: Callable[[], Any]) -> Any:
        try:
            value = loader()
        except InputErrors as exc:
            problems.extend(exc.errors)
            return None
        except InputError as exc:
            problems.append(exc)
            return None
        counts[name] = len(value) if isinstance(value, list) else 1
        return value

    book = attempt("rule book", lambda: inputs.book)
    if book is not None:  # meetings are matched to the rule book's bodies
        attempt("meeting", lambda: inputs.meetings)
    attempt("chair term", lambda: inputs.chairs)  # chair terms stand alone
    if problems:
        raise InputErrors(problems)

    def n(name: str) -> str:
        return plural(counts[name], name)

    members = plural(len(book.organization.members), "member state")
    cbms = plural(len(book.cbms), "CBM")
    line = (
        f"ok: {inputs.rules_label}: {plural(len(book.bodies), 'body', 'bodies')}, {members}, {cbms}; "
        + ("no register of meetings (--meetings); " if inputs.foreign_meetings else f"{inputs.meetings_path.name}: {n('meeting')}; ") + ("no chair register (--chairs)" if inputs.foreign_chairs else f"{inputs.chairs_path.name}: {n('chair term')}")
    )
    click.echo("\n".join(wrap(line, text_width(), "", "  ")))


@click.command()
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of standard output.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of rule books, for editors that validate TOML.

    \b
    Example:
      planner schema -o rulebook.schema.json
    """
    import json

    from planner.core.schema.book import RuleBook

    data = RuleBook.model_json_schema(mode="validation")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["title"] = "planner rule book"
    emit(json.dumps(data, indent=2, sort_keys=True) + "\n", output)
