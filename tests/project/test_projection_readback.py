"""A projection read back as a register: the CSV that ``planner project --format csv`` writes
is a register ``--meetings`` takes (its host, customary, reason and rule_source columns read
past), so DESIGN's invariant and a what-if can be tried from the command line: "checking a
register together with its own projection finds nothing missed inside the horizon"."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _violations(out: str) -> set[tuple[str, str, str]]:
    return {(f["body"], json.dumps(f["window"], sort_keys=True), f["verdict"]) for f in json.loads(out)["findings"] if f["violation"]}


def test_cica_checked_with_its_own_projection_finds_only_what_its_register_does(tmp_path):
    """CICA's register alone, as of 2026-12-01: two violations, both before today. Checked to
    the projection's horizon (ten years) with the projection read back, nothing more is
    missed or late: every window due by 2036-12-01 is answered by a projected meeting."""
    projection = tmp_path / "p.csv"
    made = _run("project", "--today", "2026-12-01", "--format", "csv", "-o", str(projection))
    assert made.exit_code == 0, made.output
    register = str(EXAMPLES / "cica-meetings.csv")
    alone = _run("check", "--today", "2026-12-01", "--meetings", register, "--format", "json")
    both = _run("check", "--today", "2026-12-01", "--to", "2036-12-01", "--meetings", register, "--meetings", str(projection), "--format", "json")
    assert alone.exit_code == both.exit_code == 1, both.output
    assert _violations(alone.stdout)
    assert _violations(both.stdout) == _violations(alone.stdout)
    findings = json.loads(both.stdout)["findings"]
    # the projected meetings stand for the windows ahead: scheduled, not missed
    assert sum(1 for f in findings if f["scheduled"]) >= 10


def test_a_register_with_a_host_column_alone_is_refused_as_before(tmp_path):
    """Only a projection's CSV (with its reason and rule_source) is read past its own columns:
    a register that writes `host` by mistake for `city` is told so."""
    rows = tmp_path / "m.csv"
    rows.write_text("body,start,host\nsummit,2026-10-01,Astana\n", encoding="utf-8")
    result = _run("check", "--today", "2026-12-01", "--meetings", str(rows))
    assert result.exit_code == 2
    assert f"{rows}:1: unknown column 'host'" in result.output + result.stderr


def test_a_bad_row_of_a_projection_names_its_file_and_line(tmp_path):
    """A projection edited by hand is a register like any other: a bad row is one line,
    the file and its line, exit 2."""
    projection = tmp_path / "p.csv"
    _run("project", "--today", "2026-12-01", "--format", "csv", "-o", str(projection))
    lines = projection.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",projected,", ",hald,", 1)
    projection.write_text("".join(lines), encoding="utf-8")
    result = _run("check", "--today", "2026-12-01", "--meetings", str(EXAMPLES / "cica-meetings.csv"), "--meetings", str(projection))
    assert result.exit_code == 2
    assert f"{projection}:3:" in result.output + result.stderr
    assert "hald" in result.output + result.stderr


def test_a_json_projection_reads_back_as_its_csv_does(tmp_path):
    """`project --format json` is a register too (its meetings list, read past host, name,
    customary, reason and rule_source): CICA checked to the horizon with it gives the same
    bytes as with the CSV of the same projection."""
    register = str(EXAMPLES / "cica-meetings.csv")
    answers = []
    for fmt in ("csv", "json"):
        projection = tmp_path / f"p.{fmt}"
        made = _run("project", "--today", "2026-12-01", "--format", fmt, "-o", str(projection))
        assert made.exit_code == 0, made.output
        both = _run("check", "--today", "2026-12-01", "--to", "2036-12-01", "--meetings", register, "--meetings", str(projection), "--format", "json")
        assert both.exit_code == 1, both.output
        answers.append(both.stdout)
    assert answers[0] == answers[1]
    alone = _run("check", "--today", "2026-12-01", "--meetings", register, "--format", "json")
    assert _violations(answers[1]) == _violations(alone.stdout)


def test_a_json_register_with_a_host_key_is_refused_as_before(tmp_path):
    """Only a projection's document (`"command": "project"`) is read past a projection's keys:
    a register entry that writes `host` for `city` is told so, named by its JSON path."""
    for document in ([{"body": "summit", "start": "2026-10-01", "host": "Astana"}], {"command": "check", "meetings": [{"body": "summit", "start": "2026-10-01", "host": "Astana"}]}):
        rows = tmp_path / "m.json"
        rows.write_text(json.dumps(document), encoding="utf-8")
        result = _run("check", "--today", "2026-12-01", "--meetings", str(rows))
        assert result.exit_code == 2
        assert f"{rows}: meetings[0]: host: unknown field" in result.output + result.stderr


def test_a_bad_meeting_of_a_json_projection_names_its_path(tmp_path):
    """A projection's JSON edited by hand is a register like any other: a bad status is one
    line naming the file and the entry, exit 2."""
    projection = tmp_path / "p.json"
    _run("project", "--today", "2026-12-01", "--format", "json", "-o", str(projection))
    document = json.loads(projection.read_text(encoding="utf-8"))
    document["meetings"][2]["status"] = "hald"
    projection.write_text(json.dumps(document), encoding="utf-8")
    result = _run("check", "--today", "2026-12-01", "--meetings", str(EXAMPLES / "cica-meetings.csv"), "--meetings", str(projection))
    assert result.exit_code == 2
    assert f"{projection}: meetings[2]: status:" in result.output + result.stderr
    assert "hald" in result.output + result.stderr
