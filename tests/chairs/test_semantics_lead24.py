"""The lead's chair cases of the twenty-fourth pass, worked out by hand first (in each
docstring) from the README ("`planner chairs`").

A rotation by date (no ``handover_bodies``: the G20's presidency from 1 December to 1 December)
passes the chair on the day its term runs out, at no meeting a register could hold. A chair
register whose last term has no end yet, as of a day past that, is one not brought up to date
as likely as a chair who stayed on: a note, never a violation. An end the register records
late is a violation, as before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

_BOOK = """[organization]
id = "dr"
name = "Date Rotation Group"
short_name = "DRG"
secretariat = { city = "Vienna", country = "Austria" }
members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE" },
  { name = "Chile", code = "CL" },
]

[chairmanship]
term = "1y"
order = "alphabetical"
handover_bodies = []
consecutive_terms = false
source = "Practice: a yearly presidency from 1 December"

[[bodies]]
id = "summit"
name = "Summit"
category = "governing"

[[bodies.rules]]
kind = "ad_hoc"
"""


def _chairs(tmp_path: Path, rows: str, today: str) -> dict:
    (tmp_path / "r.toml").write_text(_BOOK, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["chairs", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv"), "--today", today, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    out = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def _long(out: dict) -> list[tuple[str, str]]:
    return [(f["severity"], f["message"]) for f in out["findings"] if f["kind"] == "long_term"]


def test_a_running_term_past_its_day_in_a_rotation_by_date_is_a_note(tmp_path):
    """Austria 2024-12-01 to 2025-12-01, Belgium from 2025-12-01 with no end; as of 2026-12-05.
    By hand: Belgium's year ran out on 2026-12-01, the day the chair passes by the rule, at no
    meeting; the register names no successor four days on: it may not have been brought up to
    date. A note naming the day, exit 0 (before: a violation, "1 year 4 days so far", exit 1)."""
    out = _chairs(tmp_path, "Austria,2024-12-01,2025-12-01,,,\nBelgium,2025-12-01,,,,\n", "2026-12-05")
    assert _long(out) == [
        ("note", "Belgium chaired 2025-12-01 to today (2026-12-05): 1 year 4 days so far, longer than the rule's term of 1 year, unless the chair passed on 2026-12-01, as the rule has it; the chair register names no successor."),
    ]
    assert out["exit"] == 0


@pytest.mark.parametrize(("end", "today"), [("2026-12-20", "2026-12-21"), ("", "2026-11-30")])
def test_an_end_recorded_late_stays_a_violation_and_a_term_in_time_says_nothing(tmp_path, end, today):
    """Belgium's term recorded as ending 2026-12-20 (19 days past its year): the register says
    it ran on, a violation, exit 1. Running with no end as of 2026-11-30, inside its year:
    nothing to say."""
    out = _chairs(tmp_path, f"Austria,2024-12-01,2025-12-01,,,\nBelgium,2025-12-01,{end},,,\n", today)
    if end:
        assert [severity for severity, _ in _long(out)] == ["violation"] and out["exit"] == 1
    else:
        assert _long(out) == []
