"""The foundation commands: bodies, validate, schema, --version, --help."""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest

from planner.cli import main
from tests.conftest import ROOT


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def test_schema_validates_the_cica_rule_book(runner):
    """`planner schema` output accepts rules/cica.toml (as an editor would check it)."""
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    data = _jsonable(tomllib.loads((ROOT / "rules" / "cica.toml").read_text("utf-8")))
    jsonschema.validate(data, schema)


def test_schema_rejects_an_unknown_key(runner):
    """The schema forbids unknown keys, like the loader."""
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    data = _jsonable(tomllib.loads((ROOT / "rules" / "cica.toml").read_text("utf-8")))
    data["bodies"][0]["cadense"] = "often"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_bodies_lists_fourteen_cica_bodies_in_plain_words(runner):
    """`planner bodies` names all 14 bodies with their cadence in words."""
    result = runner.invoke(main, ["bodies"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())  # cells may wrap to the width
    for words in ("every 4 years", "2 years after each Summit", "at least twice a year (since 2024-12-17; 2004 to 2024-12-16: at least once a year)", "(customary)", "ad hoc"):
        assert words in text, words
    data = json.loads(runner.invoke(main, ["bodies", "--format", "json"]).output)
    assert len(data["bodies"]) == 14
    assert {b["category"] for b in data["bodies"]} == {"governing", "working", "advisory"}


def test_bodies_markdown_and_csv(runner):
    """Markdown is a table; CSV has a header row."""
    md = runner.invoke(main, ["bodies", "--format", "markdown"]).output
    assert "| id | body | category | cadence | host |" in md
    csv_text = runner.invoke(main, ["bodies", "--format", "csv"]).output
    assert csv_text.splitlines()[0] == "id,name,category,cadence,host"


def test_validate_embedded_data_exits_0(runner):
    """The embedded rule book, register and chair terms are valid."""
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok:")


def test_version_and_help(runner):
    """--version prints the version; every command's --help shows an example."""
    assert "planner" in runner.invoke(main, ["--version"]).output
    for command in main.commands:
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, command


def test_global_options_before_the_command(runner):
    """--rules/--meetings/--today work before the command as well as after it."""
    a = runner.invoke(main, ["--today", "2026-11-26", "check", "--format", "json"]).output
    b = runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "json"]).output
    assert a == b


def test_output_file_is_written_atomically(runner, tmp_path: Path):
    """-o writes the file whole and leaves no temporary file behind."""
    out = tmp_path / "report.json"
    result = runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert json.loads(out.read_text())["schema_version"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_bad_today_is_a_usage_error(runner):
    """--today that is not a date exits 2 with one line."""
    result = runner.invoke(main, ["check", "--today", "2026-02-30"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_python_dash_m_planner():
    """`python -m planner` is the same command."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "planner", "--version"], capture_output=True, text=True, check=True)
    assert "planner" in out.stdout


@pytest.mark.parametrize("command", [["bodies", "-o", "{dir}"], ["check", "--today", "2026-11-26", "-o", "{file}/x.txt"], ["ics", "--today", "2026-11-26", "--out", "{file}"]])
def test_unwritable_output_is_one_line_and_exit_2(runner, tmp_path: Path, command):
    """An output path that is a folder, or under a file, is reported in one line, exit 2."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    args = [a.format(dir=tmp_path, file=blocker) for a in command]
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith("error: ") and "cannot write" in result.stderr


@pytest.mark.parametrize(("args", "fragment"), [(["project", "--today", "2026-11-26", "--to", "0000"], "out of range"), (["check", "--today", "9999-12-31"], "out of range")])
def test_dates_out_of_range_are_usage_errors(runner, args, fragment):
    """Dates outside 1000-2999 are refused before they can overflow a window."""
    result = runner.invoke(main, args)
    assert result.exit_code == 2 and fragment in result.output
