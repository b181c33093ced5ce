"""Registers as secretariats really save them load with the right values, and are never modified."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook

HERE = Path(__file__).resolve().parent.parent
REGISTERS = HERE / "registers"
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_rulebook(MINIMAL)


def load(name: str, book: RuleBook) -> list[Meeting]:
    return load_meetings(REGISTERS / name, book)


def test_bom_is_not_part_of_the_first_column(book):
    """A UTF-8 BOM (Excel's 'CSV UTF-8') does not hide the 'body' column."""
    first, second = load("bom_utf8.csv", book)
    assert (first.body, first.ordinal, first.earliest, first.latest) == ("summit", 1, date(2002, 6, 4), date(2002, 6, 5))
    assert (second.body, second.city, second.country) == ("council", "Almaty", "Kazakhstan")


def test_excel_unicode_text_reads_as_utf16_with_tabs(book):
    """Excel's 'Unicode text' (UTF-16 LE with BOM, tab-separated, CRLF) reads like any CSV."""
    assert (REGISTERS / "utf16_excel.csv").read_bytes()[:2] == b"\xff\xfe"
    meetings = load("utf16_excel.csv", book)
    assert [m.body for m in meetings] == ["summit", "council", "committee"]
    assert meetings[1].city == "Zürich"
    assert meetings[2].city == "Vienna, Hofburg"
    assert meetings[0].end is not None and meetings[0].latest == date(2002, 6, 5)


def test_semicolon_separated_file_reads_correctly(book):
    """Excel in European locales separates with semicolons; a quoted semicolon stays in its cell."""
    summit, council = load("semicolons.csv", book)
    assert (summit.body, summit.ordinal, summit.country) == ("summit", 1, "Kazakhstan")
    assert council.city == "Almaty; old town"
    assert council.status is Status.HELD


def test_names_and_aliases_in_any_case_match_body_ids(book):
    """'SUMMIT MEETING', 'cmfa', 'Soc' and full names in any case are matched to their ids."""
    meetings = load("aliases_mixed_case.csv", book)
    assert [m.body for m in meetings] == ["summit", "council", "council", "committee", "committee"]
    assert [m.kind for m in meetings] == [Kind.REGULAR, Kind.REGULAR, Kind.SPECIAL, Kind.REGULAR, Kind.REGULAR]
    assert meetings[0].status is Status.HELD
    assert meetings[3].status is Status.PLANNED


def test_partial_dates_span_their_whole_year_or_month(book):
    """A year or a month means every day of it: earliest is its first day, latest its last."""
    year, month, day_to_month, month_to_month = load("partial_dates.csv", book)
    assert (year.earliest, year.latest, year.exact) == (date(2002, 1, 1), date(2002, 12, 31), False)
    assert (month.earliest, month.latest) == (date(2004, 10, 1), date(2004, 10, 31))
    assert (day_to_month.earliest, day_to_month.latest) == (date(2005, 4, 12), date(2005, 4, 30))
    assert (month_to_month.earliest, month_to_month.latest) == (date(2005, 9, 1), date(2005, 10, 31))


def test_json_register_loads_with_years_as_numbers_and_nulls(book):
    """A JSON register: names matched, a year given as a number, null read as empty."""
    summit, council, committee = load("meetings.json", book)
    assert (summit.body, summit.ordinal, summit.latest, summit.city) == ("summit", 1, date(2002, 6, 5), "Almaty")
    assert (council.body, council.earliest, council.latest, council.city) == ("council", date(2004, 1, 1), date(2004, 12, 31), "")
    assert (committee.kind, committee.status, committee.earliest) == (Kind.SPECIAL, Status.PLANNED, date(2005, 4, 1))


@pytest.mark.parametrize("name", ["bom_utf8.csv", "utf16_excel.csv", "semicolons.csv", "meetings.json"])
def test_check_does_not_modify_its_input_files(name):
    """``planner check`` leaves the rule book and the register byte for byte as they were."""
    files = [MINIMAL, REGISTERS / name]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-26", "--rules", str(MINIMAL), "--meetings", str(REGISTERS / name)])
    assert result.exit_code in (0, 1), result.output
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in files] == before


def test_repeated_row_counts_once_with_a_warning(tmp_path):
    """A row copied twice is counted once, and the warning names both lines."""
    runner = CliRunner()
    register = tmp_path / "meetings.csv"
    register.write_text("body,start\nsummit,2020-01-01\nsummit,2020-01-01\nsummit,2022-10-12\n", "utf-8")
    result = runner.invoke(main, ["check", "--meetings", str(register), "--body", "summit", "--today", "2026-11-26", "--format", "json"])
    assert "1 row repeats an earlier row (one meeting where numbered; else one meeting or two, as check weighs where that decides a window): line 3 (same as line 2)" in result.stderr
    assert json.loads(result.stdout)["meetings"] == 2


def test_the_register_schema_and_the_light_meeting_have_the_same_fields():
    """A register row is validated by MeetingRecord and kept as a Meeting (a named tuple): the
    two state the fields twice, so a field added to one only would be dropped or fail."""
    from planner.inputs.meeting_record import MeetingRecord

    record = {name: (f.default if not f.is_required() else None) for name, f in MeetingRecord.model_fields.items()}
    assert set(record) == set(Meeting._fields)
    assert {n: d for n, d in record.items() if n in Meeting._field_defaults} == Meeting._field_defaults
