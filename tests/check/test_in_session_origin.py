"""A rolling window due while its origin is still in session: `every 1d` after a two-day
meeting, `every 1m` after one from 30 January to 2 March. The window fell due before the next
meeting could open and was dropped, and the chain with it: check said "not applicable" over
every day missed after it, and project projected nothing, with no Problem."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main

_BOOK = """[organization]
id = "org"
name = "Org"
short_name = "ORG"
[[bodies]]
id = "board"
name = "Board"
category = "working"
host = "secretariat"
duration_days = 2
[[bodies.rules]]
kind = "every"
interval = "{interval}"
"""


def _files(tmp_path, interval: str, start: str, end: str) -> list[str]:
    (tmp_path / "r.toml").write_text(_BOOK.format(interval=interval), encoding="utf-8")
    (tmp_path / "m.csv").write_text(f"body,start,end,status,city,country\nboard,{start},{end},held,Bern,Switzerland\n", encoding="utf-8")
    return ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv")]


def _check(paths: list[str], today: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", *paths, "--today", today, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def test_every_day_after_a_two_day_meeting(tmp_path):
    """Held 2026-11-30..12-01, every day: the next meeting may open 12-02 at the earliest, so
    the window due one day after it opened (12-01, a day it was still in session) falls due
    12-02. As of 12-05: 12-02, 12-03 and 12-04 missed (nothing held since), 12-05 open."""
    findings = _check(_files(tmp_path, "1d", "2026-11-30", "2026-12-01"), "2026-12-05")
    assert [(f["deadline"], f["verdict"]) for f in findings] == [
        ("2026-12-02", "missed"),
        ("2026-12-03", "missed"),
        ("2026-12-04", "missed"),
        ("2026-12-05", "open"),
    ]
    assert "in session until 2026-12-01" in findings[0]["why"]


def test_every_month_after_a_meeting_running_into_the_month_after_next(tmp_path):
    """Held 2026-01-30..03-02, every month: due in February, a month it was in session all
    through; the next meeting may open 03-03, so the window is March (03-03..03-31), then
    April, May: as of 2026-05-15, March and April missed, May open."""
    findings = _check(_files(tmp_path, "1m", "2026-01-30", "2026-03-02"), "2026-05-15")
    assert [(f["deadline"], f["verdict"]) for f in findings] == [
        ("2026-03-31", "missed"),
        ("2026-04-30", "missed"),
        ("2026-05-31", "open"),
    ]


def test_the_projection_says_why_a_two_day_meeting_cannot_answer_a_one_day_window(tmp_path):
    """Every day, meetings of two days: from 2026-12-01 (in session) each window is one day and
    no two-day meeting fits in it. Nothing was projected and nothing was said; now each window
    is a Problem, the first one due 2026-12-02 (DESIGN: "Where nothing fits, a Problem says so")."""
    paths = _files(tmp_path, "1d", "2026-11-30", "2026-12-01")
    made = CliRunner().invoke(main, ["project", *paths, "--today", "2026-12-01", "--to", "2026-12-10", "--format", "json"])
    assert made.exit_code == 0, made.output
    problems = json.loads(made.stdout)["problems"]
    assert [p["window"] for p in problems][:3] == ["2026-12-02", "2026-12-03", "2026-12-04"]


def test_the_projection_goes_on_after_it_and_answers_every_window(tmp_path):
    """Every month, held 2026-01-30..03-02, projected from 2026-03-02 (in session) to 06-30:
    the chain goes on from March (nothing was projected before), and the register checked
    with its projection held, as at the close of 06-30, misses nothing (DESIGN's invariant)."""
    paths = _files(tmp_path, "1m", "2026-01-30", "2026-03-02")
    made = CliRunner().invoke(main, ["project", *paths, "--today", "2026-03-02", "--to", "2026-06-30", "--format", "csv", "-o", str(tmp_path / "p.csv")])
    assert made.exit_code == 0, made.output
    rows = (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[3][:7] for row in rows] == ["2026-03", "2026-04", "2026-05", "2026-06"]
    (tmp_path / "p.csv").write_text((tmp_path / "p.csv").read_text(encoding="utf-8").replace(",projected,", ",held,"), encoding="utf-8")
    both = _check([*paths, "--meetings", str(tmp_path / "p.csv"), "--to", "2026-06-30"], "2026-06-30")
    assert both and not [f for f in both if f["verdict"] in ("missed", "late")]
