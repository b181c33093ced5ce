"""Session 25's trial: the ILO's Governing Body, tried end to end as a new user would.

The Governing Body of the International Labour Office (``tests/trial/ilo-gb*``) meets three
times a year, in March, June (the day after the International Labour Conference closes) and
October-November (Compendium of rules applicable to the Governing Body, introductory note; ILO
News on each session), and elects its Chairperson for one year at the June session. The
register holds the 341st to 355th Sessions (2021-2025) and the 356th, announced for March
2026, each row with its source; the Conference's rows are the tenth audit's. The officer's day
is 2026-01-15: the register is then complete. Checked, projected, chaired with a plan,
reported (read in Chromium), as was the parish council of session 24, whose timeline the
leads of that pass found hard to read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

TRIAL = Path(__file__).parent.parent / "trial"
ILO = ["--rules", str(TRIAL / "ilo-gb.toml"), "--meetings", str(TRIAL / "ilo-gb-meetings.csv"), "--chairs", str(TRIAL / "ilo-gb-chairs.csv"), "--today", "2026-01-15"]
AVPC = ["--rules", str(TRIAL / "avpc.toml"), "--meetings", str(TRIAL / "avpc-meetings.csv"), "--chairs", str(TRIAL / "avpc-chairs.csv"), "--today", "2026-12-05"]


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_the_conference_of_2020_is_missed_and_the_governing_body_kept_three_a_year() -> None:
    """ILO Constitution, art. 3(1), "at least once in every year": the 109th Session, due in
    June 2020, was postponed to 2021 (COVID-19): 2020 is missed, the only violation. The
    Governing Body held three regular sessions in each of 2021-2025 (341st-355th; the 350th
    bis, 3 June 2024, is special and counts for nothing): 5 met, its rule customary."""
    found = json.loads(_run("check", *ILO, "--format", "json"))["findings"]
    bad = [(f["body"], f["window"]["label"], f["verdict"]) for f in found if f["verdict"] not in ("met", "open", "not_applicable")]
    assert bad == [("ilc", "2020", "missed")]
    gb = [(f["window"]["label"], f["verdict"]) for f in found if f["body"] == "gb"]
    assert gb[:5] == [(str(y), "met") for y in range(2021, 2026)], gb


def test_a_planned_chairs_term_that_runs_past_the_projection_is_open() -> None:
    """The Chairperson is elected each June for a year; the Governing Body meets in March,
    June and November. A plan to 2028 gave its last chair, Nigeria, from the June 2028
    session (the 363rd, projected 2028-06-15) to the November one, "5 months 2 days": the
    meeting that ends the term (June 2029) lies past the horizon, and the last session known
    inside the term was taken as its end. Now the term is open; the terms before run June to
    June (the 357th, 360th and 363rd Sessions), one year each."""
    text = _run("chairs", *ILO, "--to", "2028", "--plan", "France, Sweden, Chile, Nigeria")
    assert re.search(r"Nigeria +2028-06-15 → open", text), text
    assert re.search(r"Sweden +2026-06-15 → 2027-06-15 ", text), text
    assert re.search(r"Chile +2027-06-15 → 2028-06-15 ", text), text
    assert "5 months 2 days" not in text


def test_a_term_whose_last_meeting_known_is_its_next_handover_meeting_still_ends_there() -> None:
    """CICA (term 2 years): Azerbaijan's term from 2024-12-17 is expected to end at the 7th
    Summit, planned for October 2026, two months before its two years, with no handover
    meeting between, even where the projection stops before the next (--to 2027-06-30): at
    the pace of 22 months from the term's first day, no other comes before its end."""
    out = json.loads(_run("chairs", "--today", "2026-03-01", "--to", "2027-06-30", "--format", "json"))
    (aze,) = [t for t in out["terms"] if t["country"] == "Azerbaijan"]
    assert (aze["to"], aze["closed_by"]["ordinal"]) == ("2026-10", 7), aze


@pytest.mark.parametrize(
    ("label", "lines"),
    [
        ("Annual Parish Meeting", ("Annual Parish", "Meeting")),
        ("Planning Committee", ("Planning", "Committee")),
        ("Parish Council", ("Parish Council",)),
        ("Committee on Freedom of Association and Collective Bargaining", ("Committee on", "Freedom of Assoc…")),
        ("Intergovernmentalcommitteeonthings", ("Intergovernmenta…",)),
        ("Internationalintergovernmental Labour Conference", ("Internationalint…", "Labour Conference")),
    ],
)
def test_a_lane_name_wraps_onto_two_lines_before_it_is_cut(label: str, lines: tuple[str, ...]) -> None:
    """The names' column is 118 px; a name was cut at 16 characters ("Annual Parish M…")."""
    from planner.outputs.html.fitting import label_lines

    assert label_lines(label) == lines


def test_marks_are_drawn_smaller_only_where_a_lanes_meetings_lie_closer_than_a_mark() -> None:
    """Monthly meetings 4 px apart are drawn at a third of the size; yearly ones 48 px apart,
    with one pair two days apart, whole."""
    from planner.outputs.html.fitting import mark_size

    assert mark_size([8 + 4 * k for k in range(24)]) == 0.3
    assert mark_size([8 + 16 * k for k in range(24)]) == 1.0
    assert mark_size([8.0, 56.0, 56.3, 104.0, 152.0]) == 1.0


_LANES = """() => [...document.querySelectorAll('svg.labels text')].slice(1).map(t => ({
  text: [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' '),
  right: Math.max(...[...t.querySelectorAll('tspan')].map(s => s.getBoundingClientRect().right)) - t.closest('svg').getBoundingClientRect().left,
  column: t.closest('svg').getBoundingClientRect().width}))"""

_MARKS = """(lane) => [...document.querySelectorAll('#lane-' + lane + ' a.meeting .m')].map(m => {
  const b = m.getBoundingClientRect(); return [b.left, b.right]; }).sort((a, b) => a[0] - b[0])"""


def test_the_parish_councils_timeline_reads_at_a_glance(browser, tmp_path: Path) -> None:  # noqa: F811
    """The parish council's report at 1400 px (session 24's trial): the lane names "Annual
    Parish M…" and "Planning Commit…" were cut with room for a second line beside them, and the
    Parish Council's monthly meetings (4 px apart, marks 10-11 px wide) drew over each other,
    a black bar up to today and a blue smear after it. Now every name is whole inside its
    column, and no mark of that lane reaches over the next."""
    from tests.real_parts import open_page

    page_path = tmp_path / "avpc.html"
    result = CliRunner().invoke(main, ["report", *AVPC, "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page, errors = open_page(browser, page_path, 1400)
    lanes = page.evaluate(_LANES)
    marks = page.evaluate(_MARKS, "council")
    page.close()
    assert errors == []
    assert [lane["text"] for lane in lanes] == ["Annual Meeting", "Parish Council", "Annual Parish Meeting", "Planning Committee"]
    assert all(lane["right"] <= lane["column"] for lane in lanes), lanes
    assert len(marks) > 100
    touching = [(a, b) for a, b in zip(marks, marks[1:], strict=False) if b[0] < a[1] - 0.5]
    assert touching == [], touching[:5]


def test_the_ilo_report_names_its_lanes_and_draws_three_sessions_a_year_whole(browser, tmp_path: Path) -> None:  # noqa: F811
    """The Governing Body's three sessions a year (about 16 px apart) are drawn whole; its
    lane name, "Governing Body", fits on one line."""
    from tests.real_parts import open_page

    page_path = tmp_path / "ilo.html"
    result = CliRunner().invoke(main, ["report", *ILO, "--to", "2030", "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page, errors = open_page(browser, page_path, 1400)
    lanes = page.evaluate(_LANES)
    scaled = page.evaluate("() => document.querySelectorAll('#lane-gb g[transform]').length")
    page.close()
    assert errors == []
    assert [lane["text"] for lane in lanes] == ["Conference", "Governing Body"]
    assert scaled == 0


def _schedule(*args: str) -> dict[tuple[str, int], dict]:
    out = json.loads(_run("project", *args, "--to", "2027", "--format", "json"))
    return {(m["body"], m["ordinal"]): m for m in out["meetings"]}


def test_a_meeting_planned_at_the_seat_is_hosted_as_the_projected_ones_are() -> None:
    """The 356th Session, planned in the register in Geneva, read "Geneva, Switzerland" in
    the host column a row above the projected 357th's "Geneva (Secretariat)": one place in two
    words. Both now read "Geneva (Secretariat)"; the text schedule says so too."""
    rows = _schedule(*ILO)
    assert rows[("gb", 356)]["status"] == "planned"
    assert rows[("gb", 356)]["host"] == rows[("gb", 357)]["host"] == "Geneva (Secretariat)"
    text = _run("project", *ILO, "--to", "2026")
    assert "Geneva, Switzerland" not in text


def test_a_meeting_planned_away_from_the_seat_is_named_by_its_place(tmp_path: Path) -> None:
    """A session planned in Turin (the ILO's Training Centre) is not the Secretariat's."""
    turin = tmp_path / "turin.csv"
    turin.write_text("body,kind,ordinal,start,status,city,country\ngb,regular,356,2026-03-09,planned,Turin,Italy\n", encoding="utf-8")
    rows = _schedule(*ILO, "--meetings", str(turin))
    assert rows[("gb", 356)]["host"] == "Turin, Italy"


def test_fixing_the_days_of_a_planned_session_at_the_seat_changes_no_host(tmp_path: Path) -> None:
    """`diff` of the projection before and after the register fixes the 356th's days and plans
    the 114th Conference (1-12 June 2026) at the seat: two meetings moved, no host changed. It
    listed "Conference (114th) Geneva (Secretariat) → Geneva, Switzerland" as a host changed."""
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    _run("project", *ILO, "--to", "2028", "--format", "json", "-o", str(before))
    _run("project", *ILO, "--meetings", str(TRIAL / "ilo-gb-scenario.csv"), "--to", "2028", "--format", "json", "-o", str(after))
    out = json.loads(_run("diff", str(before), str(after), "--format", "json"))
    assert [(m["body"], m["ordinal"]) for m in out["moved"]] == [("gb", 356), ("ilc", 114)], out["moved"]
    assert out["hosts_changed"] == [], out["hosts_changed"]


def test_a_whole_term_missing_from_the_chair_register_is_a_note_not_a_violation() -> None:
    """The trial's chair register lacks the 2024-25 Chairperson (elected at the 351st Session,
    2024-06-15; the register found no source): Nigeria to 2024-06-15, France from 2025-06-14.
    "No chair for 363 days" was a violation (exit 1): a whole term of the rule (1 year) with no
    chair recorded is likelier a row missing than a year with no Chairperson. It is a note
    that says both; a gap shorter than a term stays a violation (tests/chairs)."""
    out = json.loads(_run("chairs", *ILO, "--format", "json"))
    (gap,) = [f for f in out["findings"] if f["kind"] == "gap"]
    assert (gap["severity"], gap["country"]) == ("note", "France")
    assert gap["message"].startswith("No chair recorded for 363 days: Nigeria ended 2024-06-15, France began 2025-06-14, a whole term of the rule (1 year) apart")
    assert out["summary"]["exit_code"] == 0
