"""A register kept to a day and not since: the note that says so (the lead's twenty-fifth pass).

Tesla's annual meetings of stockholders, as the audit transcribed them (2019-06-11, 2020-09-22,
2021-10-07; Delaware General Corporation Law s.211(b)-(c): an annual meeting, none more than 13
months after the last, https://delcode.delaware.gov/title8/c001/sc07/), checked on 2026-12-05:
the register stops in October 2021, and every window after it is ``missed``. The verdicts stand
(a company may stop holding its meeting), but nothing said that they all come after the last
meeting the register holds, nor what to write if it is the register that stopped, as the note
for a register younger than its body already did (README "Record coverage").
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

BOOK = """\
[organization]
id = "tesla"
name = "Tesla, Inc."
short_name = "Tesla"
{org_records}

[[bodies]]
id = "agm"
name = "Annual Meeting of Stockholders"
short_name = "Annual Meeting"
category = "governing"
established = 2003-07-01
{records}

[[bodies.rules]]
kind = "at_least"
count = 1
per = "year"
max_gap = "13m"
since = 2019
source = "DGCL s.211(b)-(c)"
"""

HELD = ["2019-06-11", "2020-09-22", "2021-10-07"]


def check(tmp_path: Path, held: list[str], today: str = "2026-12-05", records: str = "", org_records: str = "") -> tuple[int, str]:
    book = tmp_path / "book.toml"
    book.write_text(BOOK.format(records=records, org_records=org_records), encoding="utf-8")
    register = tmp_path / "meetings.csv"
    register.write_text("body,kind,start,status\n" + "".join(f"agm,regular,{day},held\n" for day in held), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(book), "--meetings", str(register), "--today", today], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def note(output: str) -> str:
    found = re.search(r"^Note\n(.*?)\n\n", output, re.S | re.M)
    return found.group(1) if found else ""


def test_misses_all_after_the_last_meeting_recorded_get_a_note_saying_what_to_write(tmp_path: Path) -> None:
    code, out = check(tmp_path, HELD)
    assert code == 1
    # the rolling window after 2021-10-07, then 2022, 2023, 2024 and 2025: five, all after it
    assert len(re.findall(r"^  missed ", out, re.M)) == 5
    said = note(out)
    assert "Annual Meeting of Stockholders: 5 missed windows (2021-10-08..2022-11-07 to 2025) come after the last meeting the register counts for it (2021-10-07)." in said
    assert "If the register is not kept up to date after 2021-10-07" in said
    assert "records = [{ start = 2019, end = 2021-10-07, source = \"...\" }]" in said
    assert "those windows are then unknown, not violations." in said


def test_the_statement_the_note_suggests_makes_those_windows_unknown(tmp_path: Path) -> None:
    """Written as the note says, the five windows are unknown, the late meeting of 2020 stays a
    violation (the statement covers it: known complete), and the note is gone."""
    _, out = check(tmp_path, HELD)
    suggested = re.search(r"records = \[\{ start = 2019, end = 2021-10-07, source = \"\.\.\.\" \}\]", out).group(0)
    code, out = check(tmp_path, HELD, records=suggested)
    assert code == 1
    assert "missed" not in out.split("Problems", 1)[1]
    assert re.search(r"^  late .*2020-09-22", out, re.M)
    assert "5 unknown" in out
    assert note(out) == ""


def test_two_misses_after_the_last_meeting_are_the_register_s_truth_as_likely_as_not(tmp_path: Path) -> None:
    """Checked on 2023-06-30: the rolling window that closed 2022-11-07 and the year 2022, two
    misses; as with a younger register, fewer than three say nothing more."""
    code, out = check(tmp_path, HELD, today="2023-06-30")
    assert code == 1 and len(re.findall(r"^  missed ", out, re.M)) == 2
    assert note(out) == ""


def test_no_note_where_the_register_states_its_coverage(tmp_path: Path) -> None:
    """A statement on the body or on [organization] is the register's own word: complete to
    today, the misses stand and nothing is suggested."""
    for records, org in (('records = [{ start = 2019, source = "kept by the corporate secretary" }]', ""), ("", 'records = [{ start = 2019, source = "kept" }]')):
        code, out = check(tmp_path, HELD, records=records, org_records=org)
        assert code == 1 and len(re.findall(r"^  missed ", out, re.M)) == 5
        assert note(out) == ""


def test_misses_between_meetings_are_not_the_register_stopping(tmp_path: Path) -> None:
    """Meetings again after the gap (2019, then 2025): the misses of 2021-2024 come before a
    meeting the register holds, so the register was kept; no note."""
    code, out = check(tmp_path, ["2019-06-11", "2020-06-15", "2025-06-12"], today="2026-06-30")
    assert code == 1 and len(re.findall(r"^  missed ", out, re.M)) >= 4
    assert note(out) == ""


def test_the_report_says_it_under_the_body_it_speaks_of(tmp_path: Path) -> None:
    """The HTML page lists the five misses as violations too: the same words stand under the
    body's heading, before its findings (a page sent on without check's text beside it)."""
    book = tmp_path / "book.toml"
    book.write_text(BOOK.format(records="", org_records=""), encoding="utf-8")
    register = tmp_path / "meetings.csv"
    register.write_text("body,kind,start,status\n" + "".join(f"agm,regular,{day},held\n" for day in HELD), encoding="utf-8")
    page = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--rules", str(book), "--meetings", str(register), "--today", "2026-12-05", "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    body = html.index('<h3 id="b-agm">')
    said = re.search(r'<p class="register">([^<]*)</p>', html)
    assert said and body < said.start() < html.index('<table class="stack">', body)
    assert said.group(1).startswith("5 missed windows (2021-10-08..2022-11-07 to 2025) come after the last meeting the register counts for it (2021-10-07). If the register is not kept up to date after 2021-10-07")
