"""What-if: registers laid over each other (--meetings repeated) and `planner diff` (issue 13 §5)."""

from __future__ import annotations

import json

import pytest

from planner.cli import main
from planner.core.dates import PartialDate
from planner.core.model import Kind, Meeting, Status
from planner.inputs.register.overlay import overlay
from tests.conftest import ROOT

SCENARIO = str(ROOT / "examples" / "cica-scenario-summit-2027.csv")
REGISTER = str(ROOT / "examples" / "cica-meetings.csv")


def _m(body, start, ordinal=None, kind=Kind.REGULAR, status=Status.HELD):
    return Meeting(body=body, start=PartialDate.parse(start), ordinal=ordinal, kind=kind, status=status)


def test_later_register_overrides_same_body_kind_and_ordinal():
    """A later row with the same body, kind and ordinal replaces the earlier; other rows add."""
    base = [_m("summit", "2022-10-12", 6), _m("summit", "2026-10", 7, status=Status.PLANNED), _m("soc", "2026-03-01")]
    scenario = [_m("summit", "2027-04-20", 7, status=Status.PLANNED), _m("summit", "2027-01-10", 1, kind=Kind.SPECIAL), _m("soc", "2026-09-01")]
    merged = overlay([base, scenario])
    assert [(m.body, str(m.start), m.ordinal) for m in merged] == [
        ("summit", "2022-10-12", 6),
        ("summit", "2027-04-20", 7),
        ("soc", "2026-03-01", None),
        ("summit", "2027-01-10", 1),
        ("soc", "2026-09-01", None),
    ]


def _project(runner, *args):
    result = runner.invoke(main, ["project", "--today", "2026-11-26", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_scenario_summit_in_april_2027_puts_the_8th_ministerial_in_2029(runner):
    """--meetings register --meetings scenario: the 7th Summit on 2027-04-20 moves the 8th Ministerial
    Council to 2029, and the missed 2026 window is a 'late' Problem, not a second Summit."""
    data = _project(runner, "--meetings", REGISTER, "--meetings", SCENARIO)
    summits = [(m["ordinal"], m["start"]) for m in data["meetings"] if m["body"] == "summit"]
    assert summits[0] == (7, "2027-04-20") and summits[1][0] == 8 and summits[1][1].startswith("2031")
    mc = next(m for m in data["meetings"] if m["body"] == "ministerial_council")
    assert mc["ordinal"] == 8 and mc["start"].startswith("2029") and "2027-04-20" in mc["reason"]
    late = [p for p in data["problems"] if p["kind"] == "late"]
    assert late and late[0]["body"] == "summit" and late[0]["window"] == "2026"


def test_group_level_meetings_option_repeats_too(runner):
    """`planner --meetings A --meetings B project` works like the command-level option."""
    result = runner.invoke(main, ["--meetings", REGISTER, "--meetings", SCENARIO, "project", "--today", "2026-11-26", "--body", "ministerial_council", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["meetings"][0]["start"].startswith("2029")


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("whatif")
    runner = CliRunner()
    before, after = folder / "before.json", folder / "after.json"
    for path, extra in ((before, []), (after, ["--meetings", REGISTER, "--meetings", SCENARIO])):
        result = runner.invoke(main, ["project", "--today", "2026-11-26", *extra, "--format", "json", "-o", str(path)])
        assert result.exit_code == 0, result.output
    return str(before), str(after)


def test_diff_says_what_moved_and_why(saved, runner):
    """planner diff: the 7th Summit re-planned, the 8th Ministerial 2028 -> 2029 because of it."""
    result = runner.invoke(main, ["diff", *saved, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    moved = {(c["body"], c["id"]): c for c in data["moved"]}
    summit = moved[("summit", "7")]
    assert summit["before"]["start"] == "2026-10" and summit["after"]["start"] == "2027-04-20" and "re-planned" in summit["why"]
    mc = moved[("ministerial_council", "8")]
    assert mc["before"]["start"].startswith("2028") and mc["after"]["start"].startswith("2029")
    assert "2027-04-20" in mc["why"] and "was:" in mc["why"]
    assert not [c for c in data["added"] if c["body"] == "summit"]
    assert {c["body"] for c in data["hosts_changed"]} >= {"think_tank_forum"}  # Azerbaijan chairs until the Summit now


def test_diff_text_and_markdown(saved, runner):
    """Text and markdown name the sections and the moved meeting with both dates."""
    text = runner.invoke(main, ["diff", *saved]).output
    assert "\nMoved\n" in text and "Ministerial Council (8th)" in text and "2028-09-12 → 2029-" in text
    markdown = runner.invoke(main, ["diff", *saved, "--format", "markdown"]).output
    assert "## Moved" in markdown and "| Ministerial Council (8th) |" in markdown


def test_diff_of_a_projection_with_itself_is_empty(saved, runner):
    """The same file twice: nothing moved, said in words."""
    result = runner.invoke(main, ["diff", saved[0], saved[0]])
    assert result.exit_code == 0 and "0 moved · 0 added · 0 dropped · 0 hosts changed" in result.output
    assert "same meetings on the same dates" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json", "is not JSON"),
        ('{"schema_version": 1, "command": "check"}', "command: is not a projection"),
        ('{"schema_version": 99, "command": "project", "meetings": []}', "schema_version"),
        ('{"schema_version": 1, "command": "project", "meetings": [{"body": "soc"}]}', "meetings[0].start"),
    ],
)
def test_diff_bad_input_is_one_line_exit_2(saved, runner, tmp_path, content, expected):
    """A file that is not a projection's JSON: exit 2, one line naming the file and the place."""
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = runner.invoke(main, ["diff", saved[0], str(bad)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and expected in lines[0], result.output
