"""A fifth audit (after test_semantics_audit*.py): the boundaries of DESIGN.md's cadence rules,
projection and README "Semantics" that no test pinned, each worked out by hand in its
docstring before the tool was run, and one agreement test: every output (check in text, JSON,
CSV and markdown, the HTML report, project and ics) says what the engine says."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

HEAD = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'
SECRETARIAT = 'host = "secretariat"\nmonths = [6]'


def _body(keys: str, *rules: str, id: str = "board", name: str = "Board") -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\n{keys}\n' + "".join(f"[[bodies.rules]]\n{r}\n" for r in rules)


def _files(tmp_path: Path, book: str, rows: str) -> tuple[Path, Path]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(HEAD + book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    return rules, meetings


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output + result.stderr
    return result


def _run(tmp_path: Path, command: str, book: str, rows: str, *args: str) -> dict:
    rules, meetings = _files(tmp_path, book, rows)
    return json.loads(_invoke(command, "--rules", str(rules), "--meetings", str(meetings), "--format", "json", *args).stdout)


def _verdicts(out: dict, body: str = "board") -> dict[str, str]:
    return {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["body"] == body and f.get("window")}


def _schedule(out: dict, body: str = "board") -> list[tuple[str, str]]:
    return [(m["start"], m["status"]) for m in out["meetings"] if m["body"] == body]


# -- projection: what check calls final is not planned for ---------------------------------------


def test_a_grid_window_past_its_late_days_gets_no_overdue_meeting(tmp_path):
    """`every 2y` on the grid from 2006; the Board met each June 2006-2018, nothing since;
    today Saturday 2025-03-01. Check: 2020, 2022 and 2024 missed, 2026 next due. A grid
    window can still be answered late until the day before the next grid window opens
    (2020: by 2021-12-31; 2022: by 2023-12-31; 2024: by 2025-12-31), so on 2025-03-01 only
    2024 can be: one overdue meeting, as soon as possible (Monday 2025-03-03, the first
    working day after today), then the grid: 2026-06-10 (a Wednesday, the Board's day) and
    2028-06-09 (06-10 is a Saturday; nearest working day, forward first: Sunday 06-11 is
    not, Friday 06-09 is). It projected "overdue since 2020" and "overdue since 2022"
    (windows check calls missed for good) and, those two being in 2024's late days,
    nothing for 2024 itself."""
    rows = "".join(f"board,regular,{n + 1},{2006 + 2 * n}-06-10,,held,Bern,Switzerland\n" for n in range(7))
    book = _body(SECRETARIAT, 'kind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2006')
    check = _run(tmp_path, "check", book, rows, "--today", "2025-03-01")
    assert {k: v for k, v in _verdicts(check).items() if k >= "2020"} == {"2020": "missed", "2022": "missed", "2024": "missed", "2026": "open"}
    out = _run(tmp_path, "project", book, rows, "--today", "2025-03-01", "--to", "2028")
    assert _schedule(out) == [("2025-03-03", "projected"), ("2026-06-10", "projected"), ("2028-06-09", "projected")]
    reasons = [m["reason"] for m in out["meetings"]]
    assert reasons[0].startswith("overdue since 2024:") and not any("since 2020" in r or "since 2022" in r for r in reasons)


def test_a_meeting_recorded_held_after_today_is_in_the_schedule(tmp_path):
    """README, "A register written later": a meeting recorded as held that opens after
    --today is scheduled, never counted. At least once a year; held 2024-05-10, and a row
    "held" 2025-07-06 written before it happened; today 2025-06-01. Check: 2025 open,
    "scheduled: Board 2025-07-06". Project fills 2025 with that meeting (nothing is projected
    for 2025), so its schedule must show it, as it shows a planned row: it showed only the
    2026 projection, and the next Board looked a year away. 2026 is projected in June (the
    body's `months`); the day is placement's, not this test's."""
    rows = "board,regular,1,2024-06-10,,held,Bern,Switzerland\nboard,regular,2,2025-07-06,,held,Bern,Switzerland\n"
    book = _body(SECRETARIAT, 'kind = "at_least"\ncount = 1\nper = "year"')
    check = _run(tmp_path, "check", book, rows, "--today", "2025-06-01")
    assert _verdicts(check)["2025"] == "open"
    assert "scheduled: Board 2025-07-06" in [f for f in check["findings"] if f["window"]["label"] == "2025"][0]["why"]
    out = _run(tmp_path, "project", book, rows, "--today", "2025-06-01", "--to", "2026")
    (first, second) = _schedule(out)
    assert first == ("2025-07-06", "held") and second[0].startswith("2026-06-") and second[1] == "projected"
    assert "reason" not in out["meetings"][0]  # the register's row, as a planned one; the text says why in words
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    text = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-06-01", "--to", "2026").stdout
    assert "2 meetings (1 planned, 1 projected)" in text and "in the register as held (it opens after --today)" in text
    # on the day it opened, it is the register's past: no longer in the schedule
    out = _run(tmp_path, "project", book, rows, "--today", "2025-07-06", "--to", "2026")
    assert [status for _, status in _schedule(out)] == ["projected"]
