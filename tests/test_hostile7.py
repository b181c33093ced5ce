"""Seventh attacker pass: the last days planner reads (a meeting running into the year 3000),
output bounded by what a person can read, and each documented limit at and one over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"


def invoke(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args))


def _on_30_december(tmp_path: Path) -> list[str]:
    """The Summit due each 30 December, five days long; its last meeting 2995."""
    book = tmp_path / "on.toml"
    text = MINIMAL.read_text(encoding="utf-8").replace("months = [10]", "months = [12]\nduration_days = 5", 1)
    book.write_text(text.replace('kind = "every"\ninterval = "4y"', 'kind = "on"\nmonth = 12\nday = 30', 1), encoding="utf-8")
    register = tmp_path / "m.csv"
    register.write_text("body,start,end,status\nsummit,2995-12-28,2996-01-01,held\n", encoding="utf-8")
    return ["--rules", str(book), "--meetings", str(register), "--today", "2999-06-26"]


def test_a_meeting_that_would_end_in_3000_is_a_problem_not_a_date(tmp_path: Path) -> None:
    """A five-day meeting due on 30 December 2999 would end on 3 January 3000, a date no input
    reads back (a saved projection, a feed re-imported): a Problem says so, nothing is projected."""
    given = _on_30_december(tmp_path)
    result = invoke("project", *given, "--to", "2999-12-31", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.output)
    assert all(not (m["end"] or m["start"]).startswith("3000") for m in data["meetings"]), data["meetings"]
    said = [p["message"] for p in data["problems"] if p["body"] == "summit"]
    assert said and "by 2999-12-31, the last day planner reads and writes" in said[0], said


@pytest.mark.parametrize("command", [["check"], ["chairs", "--to", "2999"], ["ics", "--to", "2999"], ["report", "--to", "2999"]])
def test_every_command_ends_by_2999_12_31(command: list[str], tmp_path: Path) -> None:
    """No command fails at the end of the dates it reads, and no feed holds a day of 3000."""
    out = tmp_path / "out"
    target = ["--out", str(out)] if command[0] == "ics" else ["-o", str(out)] if command[0] == "report" else []
    result = invoke(*command, *_on_30_december(tmp_path), *target)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.stderr
    for feed in out.glob("*.ics") if out.is_dir() else ():
        days = [line for line in feed.read_text(encoding="utf-8").splitlines() if line.startswith(("DTSTART", "DTEND"))]
        assert days and not [d for d in days if ":3000" in d and not d.endswith(":30000101")], days  # (an all-day DTEND is exclusive)
