"""Session 22's trial: what a new user and a secretariat trip on, tried end to end.

The organization is one the tests had not seen, written as a new user would
(``tests/trial/unfccc*``: the UNFCCC's Conference of the Parties, "every year unless otherwise
decided" (Article 7.4), 2020 excused by the postponement of COP 26; its subsidiary bodies in
Bonn in June and with the COP; the COP Presidency passing at the opening of each session,
hosted by the incoming Presidency, which rotates among the five UN regional groups): checked,
projected 10 years, chaired, exported, published to Radicale and read back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

TRIAL = Path(__file__).parent.parent / "trial"
EXAMPLES = Path(__file__).parent.parent.parent / "examples"
UNFCCC = ["--rules", str(TRIAL / "unfccc.toml"), "--meetings", str(TRIAL / "unfccc-meetings.csv"), "--chairs", str(TRIAL / "unfccc-chairs.csv"), "--today", "2026-12-05"]


def chairs_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["chairs", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_a_register_whose_last_term_ended_before_today_says_no_chair_is_recorded_since(tmp_path: Path) -> None:
    """The CBSS lead: a register whose last presidency ended on 1 January, read in December,
    said nothing of the eleven months since, and planned the next chair from that past day
    as if it were still to come. Now a note says so, and that the plan's first term began
    before today."""
    rows = (EXAMPLES / "rotating-chair-chairs.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1].startswith("Estonia,2026-01-01")
    (tmp_path / "chairs.csv").write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    args = ["--rules", str(EXAMPLES / "rotating-chair.toml"), "--meetings", str(EXAMPLES / "rotating-chair-meetings.csv"), "--chairs", str(tmp_path / "chairs.csv"), "--today", "2026-12-05"]
    answer = chairs_json(*args, "--plan", "Estonia, Austria")
    assert [p["from"] for p in answer["plan"]] == ["2026-01-01", "2027-01-01"]
    notes = [f for f in answer["findings"] if f["kind"] == "unrecorded"]
    assert [(f["severity"], f["violation"], f["country"]) for f in notes] == [("note", False, "Denmark")]
    assert notes[0]["message"] == (
        "No chair is recorded after Denmark's term ended on 2026-01-01 (11 months 4 days before 2026-12-05): record the chair who took over in the chair register."
        " The plan's first term, Estonia from 2026-01-01, began before today: if Estonia took over then, that is a term to record, not to plan."
    )
    assert answer["summary"]["exit_code"] == 0  # the register may only be behind: never a violation
    # with Estonia recorded, running, nothing is said
    full = ["--chairs", str(EXAMPLES / "rotating-chair-chairs.csv")]
    assert not [f for f in chairs_json(*args, *full, "--plan", "Estonia, Austria")["findings"] if f["kind"] == "unrecorded"]


def test_a_running_term_whose_handover_meeting_was_held_says_the_register_is_behind(tmp_path: Path) -> None:
    """UNFCCC: COP 31 (Antalya, 9-20 November 2026) recorded as held, Brazil's Presidency
    still open in the chair register on 5 December. chairs listed Brazil to "2026-11-09
    (expected)", "1 year so far", and planned Türkiye from 2026-11-09 without a word; held as
    planned (not yet recorded), only the `stale` note, as before."""
    held = (TRIAL / "unfccc-meetings.csv").read_text(encoding="utf-8").replace("cop,regular,31,2026-11-09,2026-11-20,planned", "cop,regular,31,2026-11-09,2026-11-20,held")
    (tmp_path / "meetings.csv").write_text(held, encoding="utf-8")
    args = [*UNFCCC[:2], "--meetings", str(tmp_path / "meetings.csv"), *UNFCCC[4:], "--plan", "Türkiye, Ethiopia"]
    answer = chairs_json(*args)
    notes = [f["message"] for f in answer["findings"] if f["kind"] == "unrecorded"]
    assert notes == [
        "Brazil's term ended at the 31st Conference of the Parties (2026-11-09, Antalya, Türkiye), held 26 days before 2026-12-05,"
        " but the chair register gives it no end and no chair after it: record the chair who took over in the chair register."
        " The plan's first term, Türkiye from 2026-11-09, began before today: if Türkiye took over then, that is a term to record, not to plan."
    ]
    planned = chairs_json(*UNFCCC, "--plan", "Türkiye, Ethiopia")
    assert [f["kind"] for f in planned["findings"] if f["severity"] == "note"] == ["stale"]


def test_a_printed_strip_hides_the_marks_of_the_years_either_side_of_it(tmp_path: Path) -> None:
    """UNFCCC's timeline, 2014-2036, prints in two strips (2014-2025, 2026-2036). Each strip
    shows a few pixels of the years beside it, so the second opened on half a dot with "0"
    and "3" over it (the 30th COP and the 63rd SB, November 2025) and the first ended on half
    of each 2026 mark near its right edge. A mark in those pixels now belongs to the strip of
    its year alone: the strip beside it hides it (its <use> sets the mark's --cut-N)."""
    page = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *UNFCCC, "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    uses = re.findall(r'<use href="#timeline-plot"( style="[^"]*")?/>', html)
    assert uses == [' style="--cut-1: hidden"', ' style="--cut-2: hidden"']
    assert ":where(svg, #timeline-plot) .cut-2 { visibility: var(--cut-2, visible); }" in html
    classes = {key: names for names, key in re.findall(r'class="(meeting[^"]*)" data-key="([^"]+)"', html)}
    assert classes["cop/30"] == "meeting cut-2" and classes["sb/63"] == "meeting cut-2"  # 2025-11-10: 7 px before 2026
    assert classes["cop/29"] == "meeting" and classes["cop/31"] == "meeting"  # (2024-11, 2026-11: far from the edge)


def test_one_meeting_does_not_both_open_and_close_a_term() -> None:
    """The BSEC lead: Moldova chaired from "2022" (the register gives only the year) to
    2022-12-31, and the only Council of 2022, the 45th in December, closes its term. It was
    read as opening it too ("from the 45th Council ..., to the 45th Council ..."), with two
    notes on a handover Georgia → Moldova "taken to be at the 45th Council" and "hosted by the
    incoming chair". It is now the handover at the bound the register dates closely, the end;
    the handover from Georgia stays judged once, at the day Georgia's term ended."""
    bsec = ["--rules", str(TRIAL / "bsec.toml"), "--meetings", str(TRIAL / "bsec-meetings.csv"), "--chairs", str(TRIAL / "bsec-chairs.csv"), "--today", "2026-12-04"]
    answer = chairs_json(*bsec)
    (moldova,) = [t for t in answer["terms"] if t["country"] == "Moldova"]
    assert (moldova["from"], moldova["to"], moldova["opened_by"], moldova["closed_by"]["ordinal"]) == ("2022", "2022-12-31", None, 45)
    (serbia,) = [t for t in answer["terms"] if t["country"] == "Serbia"]
    assert serbia["opened_by"]["ordinal"] == 45
    about = [(f["kind"], f["severity"]) for f in answer["findings"] if "Georgia → Moldova" in f["message"] or "Georgia handed the chair to Moldova" in f["message"]]
    assert about == [("handover", "violation")]  # "on 2021-12-31 is not at a meeting of a handover body", once
    assert answer["summary"]["violations"] == 3  # the late-2024 chair missing: a note (twenty-fifth pass)


def test_a_running_term_whose_handover_meeting_was_held_is_not_expected_to_end(tmp_path: Path) -> None:
    """UNFCCC on 5 December 2026, COP 31 (9-20 November) recorded as held and Brazil's term
    still open in the chair register: the term read "2026-11-09 (expected)", "1 year so far",
    as if the handover were still to come. It ended at a meeting held: "(handover held)", and
    its length, 2025-11-10 to 2026-11-09, 11 months 30 days (364 days; "11 months" before the
    twenty-third pass); with COP 31 still planned, as before ("1 year 25 days so far")."""
    held = (TRIAL / "unfccc-meetings.csv").read_text(encoding="utf-8").replace("cop,regular,31,2026-11-09,2026-11-20,planned", "cop,regular,31,2026-11-09,2026-11-20,held")
    (tmp_path / "meetings.csv").write_text(held, encoding="utf-8")
    args = [*UNFCCC[:2], "--meetings", str(tmp_path / "meetings.csv"), *UNFCCC[4:]]
    text = CliRunner().invoke(main, ["chairs", *args]).stdout
    assert "  30  Brazil                2025-11-10 → 2026-11-09 (handover held)  2025–2026  11 months 30 days\n" in text
    (brazil,) = [t for t in chairs_json(*args)["terms"] if t["country"] == "Brazil"]
    assert (brazil["to"], brazil["running"], brazil["length"]) == ("2026-11-09", True, "11 months 30 days")
    page = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["report", *args, "-o", str(page)]).exit_code == 0
    assert "2026-11-09 (handover held)" in page.read_text(encoding="utf-8")
    planned = CliRunner().invoke(main, ["chairs", *UNFCCC]).stdout
    assert "  30  Brazil                2025-11-10 → 2026-11-09 (expected)  2025–2026  1 year 25 days so far\n" in planned


def test_a_projected_meeting_whose_chair_is_not_decided_says_so_in_its_feed(tmp_path: Path) -> None:
    """UNFCCC's 32nd COP (2027), chair-hosted, no chair decided: `project`, the report and
    index.html say "chair to be decided", while its event had no LOCATION and a DESCRIPTION
    saying nothing of a host, so a subscriber could not tell a place missing from a place
    undecided. Its DESCRIPTION now says "Host: chair to be decided", in the feed folder and on
    standard output alike; with a plan naming Ethiopia, LOCATION says Ethiopia and no host line."""
    from icalendar import Calendar

    def cop32(*extra: str, out: str = "-") -> dict[str, str]:
        result = CliRunner().invoke(main, ["ics", *UNFCCC, "--body", "cop", "--out", out, *extra])
        assert result.exit_code == 0, result.output
        text = result.stdout if out == "-" else (Path(out) / "cop.ics").read_text(encoding="utf-8")
        (event,) = [e for e in Calendar.from_ical(text).walk("VEVENT") if str(e["UID"]) == "unfccc-cop-32@planner"]
        return {k: str(event.get(k, "")) for k in ("LOCATION", "DESCRIPTION")}

    for found in (cop32(), cop32(out=str(tmp_path / "feeds"))):
        assert found["LOCATION"] == ""
        assert found["DESCRIPTION"].split("\n")[:3] == ["Ordinal: 32nd regular meeting", "Status: projected", "Host: chair to be decided"]
    planned = cop32("--plan", "Türkiye, Ethiopia")
    assert planned["LOCATION"] == "Ethiopia" and "Host:" not in planned["DESCRIPTION"]
