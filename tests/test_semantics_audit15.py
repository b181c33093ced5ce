"""A fifteenth audit: DESIGN.md's `check` clauses one by one, each on the smallest rule book
and register that pins it at its edges. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_semantics_audit5 import HEAD, _invoke

COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"
BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n'


def _run(tmp_path: Path, book: str, rows: str, today: str, *args: str):
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + rows, encoding="utf-8")
    return _invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", today, "--format", "json", *args)


def _check(tmp_path: Path, book: str, rows: str, today: str, *args: str) -> dict:
    return json.loads(_run(tmp_path, book, rows, today, *args).stdout)


def _verdicts(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"]]


# -- a month-dated row running past --today: a violation on every reading is that violation --------


def test_a_year_late_row_of_this_month_is_late_whether_or_not_it_opened_yet(tmp_path):
    """`every 1y` rolling: Board 2024-05-01, then a row held `2026-11`, judged 2026-11-15.
    2025 was due by 2025-12-31. Opened 2026-11-01..15: 2025 late by 1 year. Opening
    11-16..30: not held on 2026-11-15, so 2025 closed with nothing: missed. Both readings are
    violations: `late`, 1 year, 1 violation, exit 1 (it was `uncertain`, 0 violations, exit 0).
    The window after it: 2027 on the first reading; on the second, the chain goes on from
    the missed 2025, 2026 due, which the row (scheduled) fills: next due 2027 either way."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    result = _run(tmp_path, book, "board,regular,,2024-05-01,,held,,\nboard,regular,,2026-11,,held,,\n", "2026-11-15")
    out = json.loads(result.stdout)
    assert result.exit_code == 1 and out["summary"]["violations"] == 1
    assert _verdicts(out) == [("2025", "late"), ("2027", "open")] and out["findings"][0]["delay"] == "1 year"
    assert "if it opens later, nothing held has answered the window by 2026-11-15: missed." in out["findings"][0]["why"]


def test_a_late_row_of_this_month_is_late_by_the_days_up_to_today(tmp_path):
    """`every 200d`: Board 2026-01-01, so due 2026-07-20; a row held `2026-11`, judged
    2026-11-15: late by 104 (11-01) to 118 (11-15) days if it opened by today, missed if
    later: `late`, "104 to 118 days" (the days 11-16..30 had not come; it said 104 to 133)."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "200d"\n'
    out = _check(tmp_path, book, "board,regular,,2026-01-01,,held,,\nboard,regular,,2026-11,,held,,\n", "2026-11-15")
    assert _verdicts(out)[0] == ("2026-07-20", "late") and out["findings"][0]["delay"] == "104 to 118 days"


def test_a_gap_closed_late_by_a_row_of_this_month_is_late(tmp_path):
    """At least once a year, `max_gap = "120d"`, since 2026: Board 2026-01-10 (gap due by
    2026-05-10), then `2026-11` held, judged 2026-11-15: 175 to 189 days late if it opened by
    today, missed if later: `late`, exit 1."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"\nsince = 2026-01-01\n'
    result = _run(tmp_path, book, "board,regular,,2026-01-10,,held,,\nboard,regular,,2026-11,,held,,\n", "2026-11-15")
    out = json.loads(result.stdout)
    (gap,) = [f for f in out["findings"] if f["window"]["label"] == "2026-01-11..2026-05-10"]
    assert gap["verdict"] == "late" and gap["delay"] == "175 to 189 days" and result.exit_code == 1


def test_an_on_day_passed_before_a_row_of_this_month_is_off_date_either_way(tmp_path):
    """`on` 3 October: Board 2025-10-03, then `2026-11` held, judged 2026-11-15. Opened by
    today: off the date, 29 to 43 days after; opening later: nothing held on 3 October,
    missed. `off_date`. With the rule on 3 November instead, the row may have opened on the
    day (met) or on another (off_date): `uncertain`, no violation."""
    book = BOARD + '[[bodies.rules]]\nkind = "on"\nmonth = 10\nday = 3\n'
    rows = "board,regular,,2025-10-03,,held,,\nboard,regular,,2026-11,,held,,\n"
    out = _check(tmp_path, book, rows, "2026-11-15")
    assert _verdicts(out) == [("2025-10-03", "met"), ("2026-10-03", "off_date"), ("2027-10-03", "open")]
    assert "held Board 2026-11, 29 to 43 days after" in out["findings"][1]["why"]
    out = _check(tmp_path, book.replace("month = 10", "month = 11"), rows.replace("2025-10-03", "2025-11-03"), "2026-11-15")
    assert _verdicts(out)[:2] == [("2025-11-03", "met"), ("2026-11-03", "uncertain")] and out["summary"]["violations"] == 0
