"""``project --format json`` and ``--format csv`` are written in pieces
(planner/outputs/schedule/data.py): the same bytes as the standard encoder's ``json.dumps(...,
indent=2, ensure_ascii=False)`` of the schedule's dicts, and as ``to_csv`` of its rows; markdown rows
as ``md_table`` of each meeting's row."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from planner.core.dates import PartialDate
from planner.core.model import Kind, Meeting, MeetingFormat, Status
from planner.engine.planning.projection import Projection, project
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import embedded_path, load_rulebook
from planner.outputs.formats import to_csv, to_json
from planner.outputs.schedule import (
    _problems_json,
    _why,
    bodies_of,
    host_words,
    render_projection,
    schedule_dict,
)

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def standard(projection: Projection, rules_label: str) -> str:
    """The document as ``to_json`` wrote it whole, before it was written in pieces."""
    book = projection.book
    body_of = bodies_of(book)
    return to_json(
        {
            "command": "project",
            "organization": book.organization.id,
            "today": projection.today.isoformat(),
            "from": projection.start.isoformat(),
            "to": projection.end.isoformat(),
            "rule_book": rules_label,
            "meetings": [schedule_dict(m, book, body_of) for m in projection.schedule()],
            **_problems_json(projection.problems, book),
            "notes": list(projection.notes),
        }
    )


def standard_csv(projection: Projection) -> str:
    """The CSV as ``to_csv`` wrote it from each meeting's values, before it was written in pieces."""
    body_of = bodies_of(projection.book)
    return to_csv(
        ("body", "kind", "ordinal", "start", "end", "status", "host", "city", "country", "customary", "reason", "rule_source"),
        [
            (m.body, m.kind.value, m.ordinal or "", m.start, m.end or "", m.status.value, host_words(m, body_of(m.body)), m.city, m.country, "yes" if m.customary else "", _why(m), m.rule_source)
            for m in projection.schedule()
        ],
    )


def written(projection: Projection, rules_label: str, fmt: str = "json") -> str:
    out = render_projection(projection, fmt, rules_label=rules_label)
    return out if isinstance(out, str) else "".join(out)


def _cica(today: date) -> Projection:
    book = load_rulebook(embedded_path("cica.toml"))
    return project(book, load_meetings(embedded_path("cica-meetings.csv"), book), today, end=date(2040, 12, 31))


def test_cica_projection_json_is_the_standard_encoders():
    """CICA to 2040: every meeting, problem and note as json.dumps writes them."""
    projection = _cica(date(2026, 11, 26))
    assert projection.schedule() and projection.notes
    assert written(projection, "rules/cica.toml") == standard(projection, "rules/cica.toml")
    assert written(projection, "", "csv") == standard_csv(projection)


@pytest.mark.parametrize("name", ["eu-commission", "unga", "rotating-chair", "asean"])
def test_example_projection_json_is_the_standard_encoders(name: str):
    """An example's projection (problems, customary meetings, chair hosts) to the byte."""
    book = load_rulebook(EXAMPLES / f"{name}.toml")
    projection = project(book, load_meetings(EXAMPLES / f"{name}-meetings.csv", book), date(2026, 6, 30))
    assert written(projection, f"{name}.toml") == standard(projection, f"{name}.toml")
    assert written(projection, "", "csv") == standard_csv(projection)


def test_unusual_meetings_are_written_as_the_standard_encoder_writes_them():
    """Documents, a CBM, a reason with no rule source, a customary meeting, an unknown body,
    an ordinal and none, a month-long end, quotes, a backslash, a control character, non-ASCII
    text and a name that looks like JSON."""
    base = _cica(date(2026, 11, 26))
    day = PartialDate.parse("2027-03-04")
    odd = [
        Meeting("summit", day, Kind.REGULAR, 12, PartialDate.parse("2027-04"), Status.PLANNED, 'Baku "old town"', "Azerbaijan", MeetingFormat.HYBRID, "a\\b\tc\x01", "https://x/?a=1&b=é", documents=("Almaty Act", "Déclaration « X »"), cbm="economic"),
        Meeting("nobody-known", day, Kind.SPECIAL, None, None, Status.PROJECTED, "", "", None, "", "", reason='due: "2027"', customary=True),
        Meeting("soc", PartialDate.parse("2027"), Kind.EXTRAORDINARY, 7, None, Status.PLANNED, "Астана", "", MeetingFormat.ONLINE, '{"x": 1}', "", id="ext-7"),
        Meeting("swg", day, Kind.REGULAR, None, day, Status.PROJECTED, "", "Qatar", None, "", "", reason="r", rule_source="Rules §3", key="w-2027"),
    ]
    projection = dataclasses.replace(base, projected=(*base.projected, *odd))
    assert len(projection.schedule()) == len(base.schedule()) + len(odd)
    assert written(projection, "r.toml") == standard(projection, "r.toml")
    assert written(projection, "", "csv") == standard_csv(projection)


def test_csv_cells_a_spreadsheet_would_run_or_split_are_written_as_to_csv_writes_them():
    """A city that begins like a formula, one with a comma, a quote or a line break, a reason
    with a carriage return: the rows as ``to_csv`` writes them, formulas neutralized."""
    base = _cica(date(2026, 11, 26))
    day = PartialDate.parse("2027-03-04")
    odd = [
        Meeting("soc", day, Kind.REGULAR, None, None, Status.PROJECTED, "=HYPERLINK(1)", "", None, "", "", reason="-due", rule_source="@x"),
        Meeting("swg", day, Kind.REGULAR, 3, None, Status.PLANNED, 'Baku, "old"', "Azerbaijan"),
        Meeting("swg", PartialDate.parse("2027-05"), Kind.REGULAR, None, None, Status.PROJECTED, "A\nB", "", None, "", "", reason="one\r+two"),
    ]
    projection = dataclasses.replace(base, projected=(*base.projected, *odd))
    text = written(projection, "", "csv")
    assert text == standard_csv(projection)
    assert "'=HYPERLINK(1)" in text and '"Baku, ""old"""' in text


def test_an_empty_schedule_is_an_empty_list():
    """No meeting in the horizon: ``"meetings": []``, as the standard encoder writes it."""
    base = _cica(date(2026, 11, 26))
    projection = dataclasses.replace(base, register=(), projected=(), problems=(), notes=())
    assert not projection.schedule()
    assert written(projection, "r.toml") == standard(projection, "r.toml")
    assert '"meetings": [],' in written(projection, "r.toml")
    assert written(projection, "", "csv") == standard_csv(projection) == "body,kind,ordinal,start,end,status,host,city,country,customary,reason,rule_source\n"


def test_markdown_rows_are_md_table_of_each_meetings_row():
    """The markdown schedule's rows, made from cells escaped once, are ``md_table`` of
    ``_row``: a pipe, a "<", a "](" and a line break in a cell are escaped as before."""
    from planner.outputs.formats import md_table
    from planner.outputs.schedule import _row
    from planner.outputs.schedule.rows import _by_year

    base = _cica(date(2026, 11, 26))
    day = PartialDate.parse("2027-03-04")
    odd = [
        Meeting("soc", day, Kind.REGULAR, None, None, Status.PROJECTED, "a|b", "<img>", None, "", "", reason="[x](javascript:1)\nnext"),
        Meeting("swg", PartialDate.parse("2027"), Kind.REGULAR, 4, None, Status.PLANNED, "", "", None, "t|<", ""),
    ]
    projection = dataclasses.replace(base, projected=(*base.projected, *odd))
    body_of = bodies_of(projection.book)
    text = written(projection, "r.toml", "markdown")
    for year, group in _by_year(projection.schedule()):
        assert f"## {year}\n\n" + md_table(("dates", "meeting", "host", "why"), [_row(m, body_of(m.body)) for m in group]) in text
    assert "a\\|b" in text and "]\\(javascript:1) next" in text
