"""Known answers of ``planner check`` on the real CICA register (DESIGN.md)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from planner.cli import main
from planner.core.model import EveryRule
from planner.engine.judging.compliance import Verdict, check
from tests.conftest import TODAY


def verdicts(report, body: str, rule: str | None = None) -> dict[str, str]:
    return {f.window_label: f.verdict.value for f in report.of(body) if f.expectation and (rule is None or f.rule_id == rule)}


@pytest.mark.parametrize("mode", ["rolling", "grid"])
def test_summit_due_2018_was_one_year_late_under_both_readings(cica, cica_meetings, mode):
    """The Summit due in 2018 came in 2019: late by one year, rolling or on a grid."""
    summit = cica.body("summit")
    rule = summit.rules[0]
    assert isinstance(rule, EveryRule)
    changed = summit.model_copy(update={"rules": (rule.model_copy(update={"mode": mode}),)})
    book = cica.model_copy(update={"bodies": tuple(changed if b.id == "summit" else b for b in cica.bodies)})
    report = check(book, cica_meetings, TODAY)
    late = [f for f in report.of("summit") if f.verdict is Verdict.LATE]
    assert len(late) == 1
    assert late[0].window_label == "2018"
    assert late[0].late_meeting.start.earliest == date(2019, 6, 15)
    assert late[0].delay == "1 year"
    assert not [f for f in report.of("summit") if f.verdict is Verdict.MISSED]


def test_ministerials_from_2004_each_two_years_after_a_summit(cica, cica_meetings):
    """2004, 2008, 2012, 2016, 2021, 2024 are met; specials of 2018 and 2020 count for nothing."""
    report = check(cica, cica_meetings, TODAY)
    got = verdicts(report, "ministerial_council", "after_summit")
    assert {k: v for k, v in got.items() if k <= "2024"} == {y: "met" for y in ("2004", "2008", "2012", "2016", "2021", "2024")}
    counted = {m.start.earliest.year for f in report.of("ministerial_council") for m in f.counted}
    assert counted == {2004, 2008, 2012, 2016, 2021, 2024}
    assert 1999 not in counted and 2018 not in counted and 2020 not in counted


def test_ministerial_every_four_years_is_the_customary_reading(cica, cica_meetings):
    """The brochure's "every four years (two years after the Summit)": beside the binding timing,
    the four-year cadence is customary, so the 2021 Ministerial, late with the 2019 Summit, is an
    advisory (due 2020), never a second violation."""
    report = check(cica, cica_meetings, TODAY)
    got = verdicts(report, "ministerial_council", "every_four_years")
    # After the late 2021 meeting the chain runs on from 2021: the 2024 meeting serves 2025.
    assert got == {"2008": "met", "2012": "met", "2016": "met", "2020": "advisory", "2025": "met", "2028": "open"}
    assert not [f for f in report.of("ministerial_council") if f.violation]


def test_next_due_summit_2026_and_ministerial_2028(cica, cica_meetings):
    """As of 2026-11-26 the Summit window 2026 is open (7th planned, unconfirmed); the MC is due 2028."""
    report = check(cica, cica_meetings, TODAY)
    summit_open = [f for f in report.of("summit") if f.verdict is Verdict.OPEN]
    # 2026 is due after the 6th Summit; 2030 chains from the planned 7th.
    assert [f.window_label for f in summit_open] == ["2026", "2030"]
    assert summit_open[0].unconfirmed and summit_open[0].unconfirmed[0].ordinal == 7
    mc_next = [f for f in report.of("ministerial_council") if f.verdict is Verdict.OPEN and f.rule_id == "after_summit"]
    assert [f.window_label for f in mc_next] == ["2028"]
    assert "7th Summit" in mc_next[0].expectation.reason


def test_soc_meetings_per_year_from_the_register(cica, cica_meetings):
    """The SOC is judged per calendar year; 2020 had no SOC meeting recorded: missed."""
    report = check(cica, cica_meetings, TODAY)
    got = verdicts(report, "soc")
    assert got["2020"] == "missed"
    for year in ("2019", "2021", "2022", "2023", "2024", "2025"):
        assert got[year] == "met", year
    assert got["2026"] == "open"
    per_year = {f.window_label: len(f.counted) for f in report.of("soc")}
    assert per_year["2022"] == 4 and per_year["2024"] == 3


def test_soc_twice_a_year_from_2025(cica, cica_meetings):
    """A window belongs to the rule in force on its first day: 2024 once, 2025 twice."""
    report = check(cica, cica_meetings, TODAY)
    required = {f.window_label: f.expectation.minimum for f in report.of("soc") if f.expectation}
    assert required["2024"] == 1 and required["2025"] == 2


def test_check_cli_exits_1_and_reports_the_late_summit(runner):
    """`planner check` on the embedded data prints a summary per body and exits 1."""
    result = runner.invoke(main, ["check", "--today", "2026-11-26"])
    assert result.exit_code == 1, result.output
    assert "Summit" in result.output and "Senior Officials Committee" in result.output
    assert "late" in result.output and "2019-06-15" in result.output
    assert result.output.strip().splitlines()[-1].endswith("exit 1")


def test_check_json_carries_the_same_findings(runner, cica, cica_meetings):
    """--format json has schema_version and one entry per finding of the text report."""
    result = runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["schema_version"] == 2
    report = check(cica, cica_meetings, TODAY)
    assert len(data["findings"]) == len(report.findings)
    late = [f for f in data["findings"] if f["verdict"] == "late"]
    assert late[0]["body"] == "summit" and late[0]["window"]["label"] == "2018"
    assert late[0]["counted"][0]["start"] == "2019-06-15"
    assert data["summary"]["exit_code"] == 1


def test_check_json_states_each_rule_once(runner):
    """Each rule's words and source are in bodies[].rules[]; a finding names its rule by index."""
    data = json.loads(runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "json"]).output)
    rules = {b["id"]: b["rules"] for b in data["bodies"]}
    assert rules["summit"][0]["words"] == "every 4 years" and rules["summit"][0]["source"]
    for f in data["findings"]:
        assert "source" not in f and rules[f["body"]][f["rule"]]["index"] == f["rule"]
    late = next(f for f in data["findings"] if f["verdict"] == "late")
    assert late["counted"] == [{"start": "2019-06-15", "ordinal": 5, "city": "Dushanbe"}]


def test_check_csv_neutralizes_formula_cells(runner, tmp_path):
    """A cell that starts with = + - @ is prefixed so a spreadsheet shows it as text."""
    from planner.outputs.formats import safe_cell

    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("-2y") == "'-2y"
    assert safe_cell("2019") == "2019"
    result = runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "csv"])
    assert result.output.splitlines()[0].startswith("body,verdict,violation,window")


def test_check_body_filter_and_problems_only(runner):
    """--body limits the report; --problems-only keeps late/missed/advisory lines."""
    result = runner.invoke(main, ["check", "--today", "2026-11-26", "--body", "summit", "--problems-only", "--format", "json"])
    data = json.loads(result.output)
    assert {f["body"] for f in data["findings"]} == {"summit"}
    assert {f["verdict"] for f in data["findings"]} == {"late"}


def test_unknown_body_filter_is_a_usage_error(runner):
    """--body with an unknown id exits 2 and names the known ones."""
    result = runner.invoke(main, ["check", "--body", "sumit"])
    assert result.exit_code == 2
    assert "summit" in result.output


def test_same_input_same_bytes(runner):
    """Deterministic: the same inputs and --today give the same bytes."""
    a = runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "json"]).output
    b = runner.invoke(main, ["check", "--today", "2026-11-26", "--format", "json"]).output
    assert a == b


def test_source_date_epoch_sets_today(runner):
    """SOURCE_DATE_EPOCH stands in for --today (reproducible builds)."""
    epoch = "1795651200"  # 2026-11-26T00:00:00Z
    a = runner.invoke(main, ["check", "--format", "json"], env={"SOURCE_DATE_EPOCH": epoch}).output
    assert json.loads(a)["today"] == "2026-11-26"
