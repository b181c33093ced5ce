"""Every bad input file gives one clear line per problem, exit code 2, and never a traceback.

The corpus is real files under ``tests/rulebooks/invalid`` and ``tests/registers/invalid``, one
per scenario; the tables below say where each problem must be reported and in what words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import main

HERE = Path(__file__).resolve().parent.parent
RULEBOOKS = HERE / "rulebooks" / "invalid"
REGISTERS = HERE / "registers" / "invalid"
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
GOOD_MEETINGS = HERE / "registers" / "bom_utf8.csv"
TODAY = "2026-11-26"

# fixture -> (where: line "N", "N:C" or a key path; None for the whole file, what is said)
BAD_RULEBOOKS: dict[str, tuple[str | None, str]] = {
    "toml_syntax_error.toml": ("9:13", "TOML syntax error"),
    "unknown_key.toml": ("bodies[0].rules[0].intervall", "unknown key 'intervall'; did you mean 'interval'?"),
    "key_under_wrong_table.toml": ("organization.bodies", "a key after a [table] header belongs to that table"),
    "unknown_rule_kind.toml": ("bodies[0].rules[0].kind", "unknown rule kind (got 'sometimes'; expected one of every, after"),
    "wrong_type_count.toml": ("bodies[0].rules[0].count", "is not a whole number (got 'twice'"),
    "bad_duration_words.toml": ("bodies[0].rules[0].interval", "'4 years' is not a duration"),
    "negative_duration.toml": ("bodies[0].rules[0].interval", "'-2y' is not a duration"),
    "zero_duration.toml": ("bodies[0].rules[0].interval", "'0y' is not a duration; expected a whole number above zero"),
    "duration_too_long.toml": ("bodies[0].rules[0].interval", "'99999y' is too long; expected at most 100y"),
    "bad_per.toml": ("bodies[0].rules[0].per", "'yaer' is not one of year, half, quarter, month or week"),
    "after_unknown_body.toml": ("bodies[1].rules[0].body", "unknown body; did you mean 'summit'? (got 'sumit'"),
    "after_cycle.toml": ("bodies", "cycle: a -> b -> a"),
    "before_cycle.toml": ("bodies", "cycle: a -> b -> a"),
    "duplicate_body_id.toml": ("bodies[1].id", "duplicate body id (also bodies[0]) (got 'summit'"),
    "duplicate_alias.toml": ("bodies[1].aliases", "'cmfa' is used by both 'council' and 'committee'"),
    "missing_required_key.toml": ("bodies[0].category", "missing required key"),
    "until_before_since.toml": ("bodies[0].rules[0]", "until 2005-12-31 is before since 2010-01-01"),
    "member_left_before_joined.toml": ("organization.members[1]", "left 2025-12-31 is before joined 2026-01-01"),
    "overlapping_rule_versions.toml": ("bodies[0].rules[1].since", "rules[0] and rules[1] (same kind, no id) are both in force on 2015-01-01"),
    "overlapping_rule_ids.toml": ("bodies[0].rules[1].since", "rules[0] and rules[1] (same id 'annual') are both in force on 2015-01-01"),
    "bad_timezone.toml": ("organization.timezone", "'Asia/Astana' is not a known IANA time zone"),
    "bad_month.toml": ("bodies[0].months", "13 is not a month; expected 1 to 12"),
    "fixed_host_without_country.toml": ("bodies[0]", "host = 'fixed' needs host_country"),
    "empty_file.toml": (None, "is empty"),
    "bom_only.toml": (None, "is empty"),
    "binary_junk.toml": (None, "is binary, not TOML text"),
    "utf16.toml": (None, "is UTF-16; TOML must be UTF-8"),
    "latin1.toml": ("5", "is not UTF-8 text (byte 0xe9)"),
    "handover_unknown_body.toml": ("chairmanship.handover_bodies[1]", "unknown body (got 'ministerial'"),
    "no_bodies.toml": ("bodies", "is empty (expected at least 1 entry)"),
    "impossible_date.toml": ("bodies[0].established", "'2023-02-30' is not a real date: February 2023 has 28 days"),
}

BAD_MEETINGS: dict[str, tuple[str | None, str]] = {
    "impossible_date.csv": ("3", "start: '2023-02-30' is not a real date"),
    "year_out_of_range.csv": ("3", "start: '9998' is out of range: years 1000 to 2999"),
    # the Bengali digit four looks like an 8: the row reads 2018 and would have meant 2014
    "foreign_digit_date.csv": ("3", "start: '201\u09ea-06-15' is not a date YYYY, YYYY-MM or YYYY-MM-DD (U+09EA is a digit of another script; expected 0-9)"),
    "end_before_start.csv": ("3", "end 2004-10-20 is before start 2004-10-22"),
    "unknown_kind.csv": ("3", "kind: is not one of regular, special, extraordinary or informal (got 'extraordinery')"),
    "unknown_status.csv": ("3", "status: is not one of held, planned, cancelled, postponed or projected (got 'done')"),
    "unknown_body.csv": ("3", "unknown body (got 'commitee'; expected one of committee"),
    "missing_columns.csv": ("1", "missing column start"),
    "unknown_column.csv": ("1", "unknown column 'venue'"),
    "duplicate_column.csv": ("1", "column 'start' appears twice"),
    "empty.csv": (None, "is empty"),
    "bom_only.csv": (None, "is empty"),
    "binary_junk.csv": (None, "is binary, not CSV or JSON text"),
    "bad_ordinal.csv": ("3", "ordinal: is not a whole number (got 'seventh')"),
    "too_many_fields.csv": ("3", "9 fields but the header has 8"),
    "unclosed_quote.csv": ("2", "a quoted cell is never closed"),
    "several_bad_cells.csv": ("2", "ordinal: is not a whole number (got 'first')"),
    "latin1.csv": ("3", "is not UTF-8 text (byte 0xe9)"),
    "bad_json.json": ("3:45", "JSON syntax error"),
    "json_not_a_list.json": (None, "is an object (keys: body, start, status) with no 'meetings' list"),
    "json_bad_entry.json": ("meetings[1]", "ordinal: has the wrong type (got 'second'; expected a whole number"),
    "json_unknown_field.json": ("meetings[0]", "venue: unknown field (got 'Almaty'; expected fields among body,"),
}

BAD_CHAIRS: dict[str, tuple[str | None, str]] = {
    "chairs_bad_date.csv": ("3", "end: '2014-13-21' has no month 13"),
    "chairs_missing_country.csv": ("3", "country: empty"),
}


def validate(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def assert_reported(result: Result, path: Path, where: str | None, what: str) -> None:
    """Exit 2, no traceback, and a line ``error: FILE[:LINE|: key.path]: ...what...``."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("error: ") for line in lines), result.stderr
    if where is None:
        prefix = f"error: {path}: "
    elif where[0].isdigit():
        prefix = f"error: {path}:{where}: "
    else:
        prefix = f"error: {path}: {where}: "
    assert any(line.startswith(prefix) and what in line for line in lines), result.stderr


def test_every_fixture_has_an_expectation():
    """Each file of the invalid corpus is in a table, and each table entry is a file."""
    on_disk = {p.name for p in RULEBOOKS.iterdir()} | {p.name for p in REGISTERS.iterdir()}
    assert on_disk == set(BAD_RULEBOOKS) | set(BAD_MEETINGS) | set(BAD_CHAIRS)
    assert len(on_disk) >= 30


@pytest.mark.parametrize(("name", "expected"), BAD_RULEBOOKS.items(), ids=list(BAD_RULEBOOKS))
def test_bad_rulebook_is_reported(name, expected):
    """A bad rule book names the file, the line or key path, and what is wrong."""
    path = RULEBOOKS / name
    assert_reported(validate("--rules", path), path, *expected)


@pytest.mark.parametrize(("name", "expected"), BAD_MEETINGS.items(), ids=list(BAD_MEETINGS))
def test_bad_meetings_register_is_reported(name, expected):
    """A bad register of meetings names the file, the line or entry, and what is wrong."""
    path = REGISTERS / name
    assert_reported(validate("--rules", MINIMAL, "--meetings", path), path, *expected)


@pytest.mark.parametrize(("name", "expected"), BAD_CHAIRS.items(), ids=list(BAD_CHAIRS))
def test_bad_chairs_register_is_reported(name, expected):
    """A bad register of chair terms names the file, the line, and what is wrong."""
    path = REGISTERS / name
    assert_reported(validate("--rules", MINIMAL, "--meetings", GOOD_MEETINGS, "--chairs", path), path, *expected)


@pytest.mark.parametrize("name", ["unknown_body.csv", "latin1.csv", "bad_json.json"])
def test_check_exits_2_on_a_bad_register(name):
    """``planner check`` stops on a bad register with exit 2, not a traceback or a report."""
    path = REGISTERS / name
    result = CliRunner().invoke(main, ["check", "--today", TODAY, "--rules", str(MINIMAL), "--meetings", str(path)])
    assert_reported(result, path, *BAD_MEETINGS[name])
    assert result.stdout == ""


def test_validate_lists_every_bad_cell_of_a_row():
    """Three bad cells in one row are three lines, each naming its column."""
    path = REGISTERS / "several_bad_cells.csv"
    lines = validate("--rules", MINIMAL, "--meetings", path).stderr.splitlines()
    assert [line.split(": ")[2] for line in lines] == ["ordinal", "start", "status"]


def test_rows_before_a_broken_quote_are_still_reported(tmp_path):
    """A bad row before an unclosed quote is reported together with the quote."""
    path = tmp_path / "meetings.csv"
    path.write_text('body,start,title\nsumit,2002\nsummit,2002-06-04,"Almaty Act\ncouncil,2004\n', encoding="utf-8")
    lines = validate("--rules", MINIMAL, "--meetings", path).stderr.splitlines()
    assert [line.split(": ")[1] for line in lines] == [f"{path}:2", f"{path}:3"]


def test_misspelt_key_is_one_problem_not_two():
    """A misspelt required key is reported once, as a typo, not also as a missing key."""
    lines = validate("--rules", RULEBOOKS / "unknown_key.toml").stderr.splitlines()
    assert len(lines) == 1


@pytest.mark.parametrize("option", ["--rules", "--meetings", "--chairs"])
def test_missing_file_is_reported(tmp_path, option):
    """A file that does not exist is one line naming it."""
    path = tmp_path / "nowhere.csv"
    args = {"--rules": MINIMAL, "--meetings": GOOD_MEETINGS, option: path}
    result = validate(*(x for pair in args.items() for x in pair))
    assert_reported(result, path, None, "no such file")


@pytest.mark.parametrize("option", ["--rules", "--meetings", "--chairs"])
def test_directory_instead_of_file_is_reported(tmp_path, option):
    """A directory given where a file is expected is one line naming it."""
    args = {"--rules": MINIMAL, "--meetings": GOOD_MEETINGS, option: tmp_path}
    result = validate(*(x for pair in args.items() for x in pair))
    assert_reported(result, tmp_path, None, "is a directory, not a file")
