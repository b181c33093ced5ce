"""A thirteenth audit: DESIGN.md's clauses one by one, each on the smallest rule book and
register that pins it at its edges. Every expected answer was worked out by hand first, in the
test's docstring, before planner was run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_semantics_audit5 import HEAD, _invoke

COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"
BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\n'
GRID = BOARD + 'kind = "every"\ninterval = "2y"\nmode = "grid"\n'
YEARLY = BOARD + 'kind = "at_least"\ncount = 1\nper = "year"\n'


def _check(tmp_path: Path, book: str, rows: str, today: str) -> dict:
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + rows, encoding="utf-8")
    return json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", today, "--format", "json").stdout)


def _verdicts(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"]]


def test_a_grid_anchored_on_an_unconfirmed_plan_is_uncertain_where_the_plan_decides(tmp_path):
    """`every 2y` on the grid, no `anchor`: it defaults to the first counting meeting (DESIGN).
    That is the Board planned for 2020-05-01, never recorded as held; the next, held
    2023-05-01. As of 2024-06-30: if the plan was held, the grid is 2020, 2022, 2024 (2020
    met, 2022 answered a year late by 2023, 2024 open); if not, the grid starts from 2023
    (2023 met, 2025 next) and 2022 is not due at all. "A planned meeting whose dates passed
    unconfirmed is no binding origin: windows that exist only because of it are
    uncertain": 2020 `uncertain` (met if held as planned), 2022 `uncertain`, not `late`
    (it was late, exit 1, as if the plan had been held), 2024 still open. A rolling
    `every 2y` after the same plan already said so (2022 uncertain)."""
    out = _check(tmp_path, GRID, "board,regular,,2020-05-01,,planned,,\nboard,regular,,2023-05-01,,held,,\n", "2024-06-30")
    assert _verdicts(out)[:3] == [("2020", "uncertain"), ("2022", "uncertain"), ("2024", "open")]
    assert out["findings"][1]["delay"] is None and out["summary"]["exit_code"] == 0
    assert "if it was not held, the grid starts from Board 2023-05-01, and 2022 is not due" in out["findings"][1]["why"]


def test_a_grid_after_an_unconfirmed_plan_that_falls_the_same_either_way_stays_certain(tmp_path):
    """Control: the plan of 2020-05-01 unconfirmed, then Boards held 2022-05-01 and
    2025-05-01. Either grid (from 2020, or from 2022 if the plan was not held) holds 2022 and
    2024: 2022 met, 2024 answered a year late by 2025 on both readings: `late`, 1 year; only
    2020, the plan's own period, is `uncertain`."""
    out = _check(tmp_path, GRID, "board,regular,,2020-05-01,,planned,,\nboard,regular,,2022-05-01,,held,,\nboard,regular,,2025-05-01,,held,,\n", "2026-06-30")
    assert _verdicts(out)[:3] == [("2020", "uncertain"), ("2022", "met"), ("2024", "late")]
    assert out["findings"][2]["delay"] == "1 year" and out["summary"]["exit_code"] == 1


def test_a_grid_whose_only_meeting_is_an_unconfirmed_plan_owes_nothing_for_certain(tmp_path):
    """The plan of 2020-05-01 alone, unconfirmed, as of 2026-06-30: if it was held, 2022 and
    2024 were missed; if not, no meeting started the grid and nothing was due: both
    `uncertain`, no violation (they were `missed`, exit 1)."""
    out = _check(tmp_path, GRID, "board,regular,,2020-05-01,,planned,,\n", "2026-06-30")
    assert _verdicts(out)[:3] == [("2020", "uncertain"), ("2022", "uncertain"), ("2024", "uncertain")]
    assert out["summary"]["violations"] == 0


def test_a_rule_that_starts_with_an_unconfirmed_plan_is_uncertain_before_the_first_held_meeting(tmp_path):
    """At least once a year, no `since`, no founding date: judged from the period of the first
    counting meeting (README, "Start"), here the Board planned for 2020-05-01 and never
    recorded as held; the next held 2023-05-01. As of 2024-06-30: if the plan was held,
    2021 and 2022 were missed; if not, the rule starts with 2023 and neither was due. So
    2020 to 2022 `uncertain` (2021 and 2022 were `missed`), 2023 met, 2024 open."""
    out = _check(tmp_path, YEARLY, "board,regular,,2020-05-01,,planned,,\nboard,regular,,2023-05-01,,held,,\n", "2024-06-30")
    assert _verdicts(out) == [("2020", "uncertain"), ("2021", "uncertain"), ("2022", "uncertain"), ("2023", "met"), ("2024", "open")]
    assert "if it was not held, it starts with Board 2023-05-01, and 2021 is not due" in out["findings"][1]["why"]
    # with a founding date the rule starts there, whatever the plan: 2021 and 2022 missed
    out = _check(tmp_path, YEARLY.replace("[[bodies.rules]]", "established = 2019-01-01\n[[bodies.rules]]"), "board,regular,,2020-05-01,,planned,,\nboard,regular,,2023-05-01,,held,,\n", "2024-06-30")
    assert _verdicts(out)[:4] == [("2019", "missed"), ("2020", "uncertain"), ("2021", "missed"), ("2022", "missed")]
