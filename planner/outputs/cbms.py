"""The CBM catalogue view -> text, markdown, JSON and CSV (``planner cbms``)."""

from __future__ import annotations

import textwrap
from typing import Any

from planner.core.catalogue import DIMENSION_WORDS
from planner.engine.catalogue import Area, CatalogueView
from planner.outputs.formats import md_table, to_csv, to_json

# An area whose last meeting is this many years back (or that has none) is flagged as idle.
IDLE_YEARS = 3


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names) if names else "none named"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _activity(area: Area, this_year: int, tracked: bool) -> str:
    """"2011: 1; 2024: 2" plus a flag when the measure has been idle, or "" when no register
    meeting names any measure (the register then says nothing about activity)."""
    if not tracked:
        return ""
    if not area.meetings:
        return "no meeting recorded"
    years = "; ".join(f"{year}: {n}" for year, n in area.meetings.items())
    idle = this_year - (area.last_year or this_year)
    return years + (f" (none for {idle} years)" if idle >= IDLE_YEARS else "")


def _role_words(area: Area) -> str:
    terms = f" ({', '.join(area.terms)})" if area.terms else ""
    return f"{area.role}{terms}" if area.role else ""


def _area_dict(area: Area) -> dict[str, Any]:
    cbm = area.cbm
    data: dict[str, Any] = {
        "id": cbm.key,
        "dimension": cbm.dimension,
        "measure": cbm.measure,
        "coordinators": list(cbm.coordinators),
        "co_coordinators": list(cbm.co_coordinators),
        "terms": {country: list(terms) for country, terms in cbm.terms.items()},
        "source": cbm.source or None,
        "meetings_per_year": {str(year): n for year, n in area.meetings.items()},
        "last_meeting_year": area.last_year,
    }
    if area.role:
        data["role"] = area.role
    return data


def render_cbms(view: CatalogueView, fmt: str, this_year: int, width: int = 100) -> str:
    tracked = view.tracked > 0
    if fmt == "json":
        return to_json(
            {
                "organization": view.organization,
                "dimension": view.dimension,
                "country": view.country,
                "measures": [_area_dict(a) for a in view.areas],
                "meetings_without_known_measure": view.unassigned,
            }
        )
    header = ("id", "dimension", "measure", "coordinators", "co_coordinators", *(("role",) if view.country else ()), "meetings")
    rows = [
        (a.cbm.key, a.cbm.dimension, a.cbm.measure, ", ".join(a.cbm.coordinators), ", ".join(a.cbm.co_coordinators), *((_role_words(a),) if view.country else ()), _activity(a, this_year, tracked))
        for a in view.areas
    ]
    if fmt == "csv":
        return to_csv(header, rows)
    if fmt == "markdown":
        return f"# {_title(view)}\n\n" + (md_table(header, rows) if rows else "No measure.\n")
    return _text(view, this_year, tracked, width)


def _title(view: CatalogueView) -> str:
    if view.country:
        return f"{view.country} in the {view.organization} Catalogue of Confidence Building Measures"
    scope = f": {DIMENSION_WORDS[view.dimension]}" if view.dimension else ""
    return f"{view.organization} Catalogue of Confidence Building Measures{scope}"


def _text(view: CatalogueView, this_year: int, tracked: bool, width: int) -> str:
    lines = [f"{_title(view)}: {_plural(len(view.areas), 'measure')}"]
    if view.country:
        coord = sum(1 for a in view.areas if a.role == "coordinator")
        co = len(view.areas) - coord
        lines.append(f"coordinates {_plural(coord, 'measure')}, co-coordinates {_plural(co, 'measure')}")

    def wrapped(label: str, text: str) -> None:
        lines.extend(textwrap.wrap(text, width=max(width, 40), initial_indent=f"    {label}", subsequent_indent=" " * (4 + len(label)), break_on_hyphens=False))

    dimension = None
    for area in view.areas:
        if area.cbm.dimension != dimension:
            dimension = area.cbm.dimension
            lines += ["", DIMENSION_WORDS[dimension]]
        lines.extend(textwrap.wrap(f"{area.cbm.measure} [{area.cbm.key}]", width=max(width, 40), initial_indent="  ", subsequent_indent="    "))
        if area.role:
            wrapped("role: ", _role_words(area))
        cbm = area.cbm
        coord_terms = [f"{c} ({', '.join(cbm.terms[c])})" if c in cbm.terms else c for c in cbm.coordinators]
        co_terms = [f"{c} ({', '.join(cbm.terms[c])})" if c in cbm.terms else c for c in cbm.co_coordinators]
        wrapped("coordinators: " if len(coord_terms) != 1 else "coordinator: ", _names(tuple(coord_terms)))
        if co_terms:
            wrapped("co-coordinators: " if len(co_terms) != 1 else "co-coordinator: ", ", ".join(co_terms))
        activity = _activity(area, this_year, tracked)
        if activity:
            wrapped("meetings: ", activity)
    if not view.areas:
        lines += ["", "No measure."]
    lines.append("")
    if not tracked:
        lines.append("No register meeting names a measure: add a cbm column to the register to see activity per measure.")
    elif view.unassigned:
        lines.append(f"{_plural(view.unassigned, 'register meeting')} name a measure this rule book does not list.")
    return "\n".join(line for line in lines).rstrip("\n") + "\n"
