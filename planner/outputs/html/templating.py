"""The Jinja2 environment of the HTML outputs (the report and the feeds' ``index.html``).

Autoescaping is on for every template, so a meeting titled ``<script>`` stays text, and a
value past a thousand characters is cut to its start (see ``_shortened``); the
templates ship inside the package (``planner/outputs/html/templates``) and need no network.
Jinja2 is imported here only, when a page is rendered, so ``import planner`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("planner.outputs.html", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_shortened,
    )


LONGEST_SHOWN = 1000  # characters of one value a page shows: the longest real ones are ~600


def _shortened(value: Any) -> Any:
    """A value of more than LONGEST_SHOWN characters (a 10,000-character body name or city, or
    a sentence holding one) cut to its start and its length: whole, it filled a table cell with
    a hundred lines and squeezed its neighbours to a letter a line. Markup is the page's own."""
    if type(value) is str and len(value) > LONGEST_SHOWN:
        return f"{value[:300]}… ({len(value):,} characters)"
    return value


def render_template(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def generate_template(name: str, **context: Any) -> Iterator[str]:
    """The page of :func:`render_template` in pieces, as it is made (a large page need never be
    whole in memory; ``context`` may hold iterables that make their rows as they are read)."""
    return _environment().get_template(name).generate(**context)
