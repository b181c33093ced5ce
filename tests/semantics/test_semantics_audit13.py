"""A thirteenth audit: DESIGN.md's clauses one by one, each on the smallest rule book and
register that pins it at its edges. Every expected answer was worked out by hand first, in the
test's docstring, before planner was run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke

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


def test_a_grid_from_its_first_meeting_is_due_from_the_founding_in_that_meeting_s_phase(tmp_path):
    """`every 3y` on the grid, no `anchor`, the Board established 2000-01-01. With no meeting
    recorded, as of 2026-06-15, the grid runs from the founding: 2000, 2003, ..., 2024 missed
    (9). Record one Board, 2026-03-02: the grid takes its phase from that first counting
    meeting (DESIGN: the anchor defaults to it), 2026, and nothing was due before it, so the
    nine violations vanished ("recording a meeting never makes the record look better than
    the truth"). Nothing is due before the founding, and everything after it is (README,
    "Start"): the periods of the meeting's phase from 2000 on, 2002, 2005, ..., 2023, are
    missed (8), 2026 met, 2029 next, "on the grid from 2026"."""
    book = GRID.replace('interval = "2y"', 'interval = "3y"').replace("[[bodies.rules]]", "established = 2000-01-01\n[[bodies.rules]]")
    assert _check(tmp_path, book, "", "2026-06-15")["summary"]["violations"] == 9
    out = _check(tmp_path, book, "board,regular,,2026-03-02,,held,,\n", "2026-06-15")
    assert _verdicts(out) == [*((str(y), "missed") for y in range(2002, 2024, 3)), ("2026", "met"), ("2029", "open")]
    assert out["findings"][0]["reason"] == "every 3 years on the grid from 2026"


def test_sessions_counted_by_event_with_a_minimum_gap_are_judged_not_a_traceback(tmp_path):
    """At least twice a year, counted by event, at least 60 days apart: the 1st and 2nd
    sessions in Bern on 2025-03-10 and 03-11 are one event; the 3rd (2025-04-01) opens 22 days
    after it, closer than 60 days: it counts once with it; the 4th (09-15): 2025 met, 2 of 2.
    2026: the 5th (01-10) counts (117 days after the 4th), the 6th (02-20) is 41 days after
    it: 1 held, 1 still due, open as of 2026-12-31 (the deadline is today). `check` ended in a
    TypeError traceback on any such register (the gap's last day was taken for a set)."""
    book = BOARD + 'kind = "at_least"\ncount = 2\nper = "year"\ncount_by = "event"\nmin_gap = "60d"\n'
    rows = "".join(f"board,regular,{n},{day},,held,Bern,Switzerland\n" for n, day in enumerate(["2025-03-10", "2025-03-11", "2025-04-01", "2025-09-15", "2026-01-10", "2026-02-20"], 1))
    out = _check(tmp_path, book, rows, "2026-12-31")
    assert _verdicts(out) == [("2025", "met"), ("2026", "open")]
    assert [m["ordinal"] for m in out["findings"][0]["counted"]] == [1, 4] and out["findings"][1]["still_due"] == 1


def test_a_gap_due_inside_an_excused_period_is_excused_as_projection_reads_it(tmp_path):
    """At least once a year, at most 120 days between meetings (`max_gap`), 2026 excused (a
    reform year); Boards 2025-11-10, 2026-03-02, 2027-01-20; as of 2027-06-30. The gap of 112
    days to 2026-03-02 is met; the next was due by 2026-06-30 (120 days), a window wholly in
    the excused 2026: excused, as any other window of the rule there (README: a shortfall there
    is excused, not a violation, and nothing is projected for it; projection already projected
    nothing for it). It was `late`, 204 days, a violation. 2025, 2026, 2027 met; the gap after
    2027-01-20, due by 2027-05-20, missed."""
    book = BOARD + 'kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"\nexcused = [{ start = 2026, end = 2026, reason = "reform year" }]\n'
    out = _check(tmp_path, book, "board,regular,,2025-11-10,,held,,\nboard,regular,,2026-03-02,,held,,\nboard,regular,,2027-01-20,,held,,\n", "2027-06-30")
    assert _verdicts(out) == [("2025", "met"), ("2025-11-11..2026-03-10", "met"), ("2026", "met"), ("2026-03-03..2026-06-30", "excused"), ("2027", "met"), ("2027-01-21..2027-05-20", "missed")]
    assert out["findings"][3]["delay"] is None and out["summary"]["violations"] == 1
    assert out["findings"][3]["why"].endswith("Excused: 2026: reform year.")
