"""Session 24's trial: a municipal council, tried end to end as a new user would.

The organization is of a kind the tests had not seen (``tests/trial/avpc*``): an English parish
council under the Local Government Act 1972, Schedule 12, and its standing orders: ordinary
meetings on the second Tuesday of each month except August, the annual meeting in May (which
takes the May meeting's place and elects the chairman for the year), at least three meetings a
year besides it, and the annual parish meeting of the electors between 1 March and 1 June.
Checked, projected 10 years, chaired, exported, subscribed twice, published to Radicale, its
report read in Chromium at 390 and 1400 px and printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

TRIAL = Path(__file__).parent.parent / "trial"
AVPC = ["--rules", str(TRIAL / "avpc.toml"), "--meetings", str(TRIAL / "avpc-meetings.csv"), "--chairs", str(TRIAL / "avpc-chairs.csv"), "--today", "2026-12-05"]


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Annual Meeting", "an Annual Meeting"),
        ("Summit", "a Summit"),
        ("European Council", "a European Council"),
        ("Union Congress", "a Union Congress"),
        ("Ordinary Session", "an Ordinary Session"),
        ("EU Summit", "an EU Summit"),
        ("UN Conference", "a UN Conference"),
        ("SOC", "a SOC"),
    ],
)
def test_a_body_is_named_with_its_article(name: str, words: str) -> None:
    """The article was always "a": "except in a period with a Annual Meeting"."""
    from planner.core.words import a_or_an

    assert a_or_an(name) == words


def test_the_may_meeting_excused_by_the_annual_meeting_reads_an_annual_meeting() -> None:
    """The Parish Council's monthly rule is excused in a month with an Annual Meeting (May). Its
    words in `check`, `bodies` and the findings read "except in a period with a Annual
    Meeting" and "no Parish Council is due in a period with a Annual Meeting"."""
    text = _run("check", *AVPC)
    assert "except in a period with an Annual Meeting" in text
    assert "with a Annual" not in text
    found = json.loads(_run("check", *AVPC, "--format", "json"))
    (may,) = [f for f in found["findings"] if f["body"] == "council" and f["window"]["label"] == "2026-05"]
    assert may["verdict"] == "excused"
    assert may["why"].endswith("and no Parish Council is due in a period with an Annual Meeting."), may["why"]
    assert "with a Annual" not in _run("bodies", *AVPC)


_PLACES = """() => { const box = document.querySelector('.timeline .scroll').getBoundingClientRect();
  const s = document.querySelector('.timeline .scroll');
  const chart = document.querySelector('svg.chart').getBoundingClientRect();
  const names = document.querySelector('svg.labels').getBoundingClientRect();
  return {box: [box.left, box.right], chart: [chart.left, chart.right], names: [names.left, names.right],
          scrolls: s.scrollWidth > s.clientWidth}; }"""


@pytest.mark.parametrize("width", [390, 1400])
def test_a_timeline_narrower_than_its_box_starts_at_the_left(browser, tmp_path: Path, width: int) -> None:  # noqa: F811
    """The council's timeline, 2022 to 2036, is 854 px: at 1400 px it fits its box of 1,180,
    and the box, laid right to left so that a long one opens at its end, packed it to the
    right, 326 px of nothing left of the lane names. A timeline that fits now starts at the
    box's left edge, names first; one that does not (390 px) still scrolls and opens as before."""
    from tests.real_parts import open_page

    page_path = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *AVPC, "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page, errors = open_page(browser, page_path, width)
    view = page.evaluate(_PLACES)
    page.close()
    assert errors == []
    assert abs(view["names"][0] - view["box"][0]) < 1, view  # the lane names at the left edge
    if width == 1400:
        assert not view["scrolls"], view
        assert abs(view["chart"][0] - view["box"][0]) < 1, view
        assert view["chart"][1] < view["box"][1] - 100, view  # the room left over is at the right
    else:
        assert view["scrolls"], view


def _projected(*args: str) -> list[dict]:
    return [m for m in json.loads(_run("project", *args, "--format", "json"))["meetings"] if m["status"] == "projected"]


def test_a_council_meeting_on_the_second_tuesday_is_projected_on_the_second_tuesday() -> None:
    """Every meeting of the council known to the day was on the second Tuesday of its month
    (the 8th to the 14th). Its usual day of the month was the median day, the 9th in April and
    the 12th in December, and the nearest Tuesday to it: 2027-04-06 and 2027-12-07, first
    Tuesdays, and 2030-01-15, a third. Now the week of the month it keeps: 2027-04-13,
    2027-12-14, 2030-01-08; all 107 of its projected meetings on a second Tuesday."""
    council = [m for m in _projected(*AVPC) if m["body"] == "council"]
    assert len(council) == 99
    days = {m["start"] for m in council}
    assert {"2027-04-13", "2027-12-14", "2030-01-08"} <= days
    from datetime import date

    assert [d for d in sorted(days) if not (date.fromisoformat(d).weekday() == 1 and 8 <= date.fromisoformat(d).day <= 14)] == []


def test_the_bank_of_englands_mpc_is_projected_on_thursdays() -> None:
    """The Monetary Policy Committee announces on Thursdays, and every one of its meetings in
    the audit's register is one (tests/audit/boe-mpc*). Its projection as of 2026-12-05 put
    them on the median day of the month's nearest working day: Monday 2027-02-01, Friday
    2027-05-07. Now on the Thursday of the week it used: 2027-02-04, 2027-05-06, and every
    one from 2027 (2026's December still owes four, placed on the days left)."""
    audit = TRIAL.parent / "audit"
    mpc = [m for m in _projected("--rules", str(audit / "boe-mpc.toml"), "--meetings", str(audit / "boe-mpc-meetings.csv"), "--today", "2026-12-05") if m["body"] == "mpc"]
    from datetime import date

    later = [m for m in mpc if m["start"] >= "2027"]
    assert len(later) == 79 and {date.fromisoformat(m["start"]).weekday() for m in later} == {3}
    assert {"2027-02-04", "2027-05-06"} <= {m["start"] for m in mpc}


def test_a_body_that_always_met_on_the_last_weekday_stays_on_the_last(tmp_path: Path) -> None:
    """A Board held on the last Thursday of each month (the 25th to the 31st: its fourth or its
    fifth) is projected on the last Thursday, not the fourth: 2027-01-28 (the fourth is the
    last), 2027-03-25 (the last; the fourth Thursday is the 25th too) and 2027-04-29 (the
    fifth Thursday, the last of April 2027)."""
    (tmp_path / "rules.toml").write_text(
        '[organization]\nid = "lb"\nname = "Last Thursday Board"\nshort_name = "LTB"\n'
        '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "month"\n'
    )
    held = ["2026-06-25", "2026-07-30", "2026-08-27", "2026-09-24", "2026-10-29", "2026-11-26"]
    (tmp_path / "meetings.csv").write_text("body,kind,ordinal,start,end,status\n" + "".join(f"board,regular,,{d},,held\n" for d in held))
    board = _projected("--rules", str(tmp_path / "rules.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--today", "2026-12-05", "--to", "2027-06-30")
    days = [m["start"] for m in board]
    assert days == ["2026-12-31", "2027-01-28", "2027-02-25", "2027-03-25", "2027-04-29", "2027-05-27", "2027-06-24"], days


def test_a_meeting_that_answers_another_rule_on_the_same_day_is_not_added_and_dropped(tmp_path: Path) -> None:
    """A month on: the December meeting held, January's too. February's projected meeting,
    2027-02-09, answered "at least 3 times a year" (the first of 2027) and now answers its
    month (January's is the first), so its key changed: `diff` listed it both as added and as
    dropped ("no longer projected"), on the same day. The same body, kind and days: one
    meeting, in neither list."""
    jan = tmp_path / "jan.csv"
    jan.write_text(
        "body,kind,ordinal,start,end,status,city,country,format,title,source\n"
        "council,regular,,2026-12-08,,held,Ashcombe Vale,United Kingdom,in_person,,Minutes 2026/12\n"
        "council,regular,,2027-01-12,,held,Ashcombe Vale,United Kingdom,in_person,,Minutes 2027/01\n"
    )
    rules, meetings = AVPC[:2], AVPC[2:4]
    _run("project", *rules, *meetings, "--today", "2026-12-05", "--format", "json", "-o", str(tmp_path / "before.json"))
    _run("project", *rules, *meetings, "--meetings", str(jan), "--today", "2027-01-20", "--format", "json", "-o", str(tmp_path / "after.json"))
    found = json.loads(_run("diff", str(tmp_path / "before.json"), str(tmp_path / "after.json"), "--format", "json"))
    added = {(c["body"], c["after"]["start"]) for c in found["added"]}
    dropped = {(c["body"], c["before"]["start"]) for c in found["dropped"]}
    assert added & dropped == set(), (added, dropped)
    assert ("council", "2027-02-09") not in added | dropped
    assert found["moved"] == []


def test_an_english_council_avoids_englands_bank_holidays() -> None:
    """The holidays package's United Kingdom ("GB") has the days off of all four nations
    alone: England's Easter Monday and August bank holiday are not among them, and the
    Annual Parish Meeting of 2030 (aimed at Saturday 20 April, placed on the nearest day it
    meets on) was projected on Easter Monday, 22 April. `holiday_subdivisions = ["GB-ENG"]`
    gives England's: Thursday 18 April, and no projected meeting on an English bank holiday."""
    import holidays

    england = holidays.country_holidays("GB", subdiv="ENG", years=range(2026, 2038))
    projected = _projected(*AVPC)
    assert [m["start"] for m in projected if m["body"] == "parish_meeting" and m["start"].startswith("2030")] == ["2030-04-18"]
    assert [(m["start"], england[m["start"]]) for m in projected if m["start"] in england] == []


def test_without_the_subdivision_the_united_kingdoms_days_alone_are_avoided(tmp_path: Path) -> None:
    """The same rule book without `holiday_subdivisions`: the national list, and Easter Monday
    2030 taken (what the key is for)."""
    text = (TRIAL / "avpc.toml").read_text()
    assert 'holiday_subdivisions = ["GB-ENG"]' in text
    rules = tmp_path / "avpc.toml"
    rules.write_text(text.replace('holiday_subdivisions = ["GB-ENG"]', "holiday_subdivisions = []"))
    projected = _projected("--rules", str(rules), *AVPC[2:])
    assert [m["start"] for m in projected if m["body"] == "parish_meeting" and m["start"].startswith("2030")] == ["2030-04-22"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('["GB"]', "entry 1 is 'GB', not an ISO 3166-2 code; expected 'CC-SUB', e.g. 'GB-ENG' (England) or 'DE-BY' (Bavaria)"),
        ('["GB-XX"]', "entry 1 is 'GB-XX': the holidays package has no subdivision 'XX' of GB; expected one of ENG, NIR, SCT, WLS"),
        ('["ZZ-ENG"]', "entry 1 is 'ZZ-ENG': 'ZZ' is no country of the holidays package; expected an ISO 3166 alpha-2 code before the '-', e.g. 'GB-ENG'"),
        ('["GB-ENG", "GB-SCT"]', "entry 2 is 'GB-SCT': GB already has 'GB-ENG'; expected one subdivision per country"),
        ('"GB-ENG"', None),
    ],
)
def test_a_subdivision_the_holidays_package_does_not_know_is_one_line(tmp_path: Path, value: str, message: str | None) -> None:
    """Each wrong `holiday_subdivisions` is one line, exit 2, naming the file, the key, the
    entry and what was expected (a bare string: a list was expected)."""
    rules = tmp_path / "avpc.toml"
    rules.write_text((TRIAL / "avpc.toml").read_text().replace('holiday_subdivisions = ["GB-ENG"]', f"holiday_subdivisions = {value}"))
    result = CliRunner().invoke(main, ["validate", "--rules", str(rules), *AVPC[2:6]])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {rules}: organization.holiday_subdivisions: "), lines
    if message is not None:
        assert lines[0].endswith(message), lines
    assert "Traceback" not in result.output
