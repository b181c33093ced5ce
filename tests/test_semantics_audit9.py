"""A ninth audit of `planner check` (after test_semantics_audit*.py): one meeting or two when
two `--meetings` files give the same row; what a secretariat's messy spreadsheet does (a
meeting whose end comes before its start or that spans a window's edge, rows called off
inside a window, a row dated only by the year a rule version changes, versions that cut a
window in half, a body founded mid-window, the last window on `--today` itself, 29 February);
and real histories under their founding texts (tests/audit/). Every expected verdict was
worked out by hand from DESIGN.md and the README before the tool was run; the derivation is
in each test's docstring. Each case is checked in JSON and in text, which must agree (the
Problems and the totals)."""

from __future__ import annotations

import json

from tests.test_semantics_audit5 import HEAD, _body, _invoke
from tests.test_semantics_audit7 import _rows

_HEADER = "body,kind,ordinal,start,end,status,city,country\n"
_TWICE_AT_MOST_ONCE = _body("", 'kind = "at_least"\ncount = 2\nper = "year"', 'kind = "at_most"\ncount = 1\nper = "year"')

# -- one meeting or two, over two --meetings files ------------------------------------------------


def _two_files(tmp_path, book: str, first: str, second: str, *args: str) -> tuple[dict, str]:
    """check's JSON and its text (and standard error) with two `--meetings` files."""
    (tmp_path / "rules.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "a.csv").write_text(_HEADER + first, encoding="utf-8")
    (tmp_path / "b.csv").write_text(_HEADER + second, encoding="utf-8")
    common = ["check", "--rules", str(tmp_path / "rules.toml"), "--meetings", str(tmp_path / "a.csv"), "--meetings", str(tmp_path / "b.csv"), *args]
    out = json.loads(_invoke(*common, "--format", "json").stdout)
    text = _invoke(*common)
    return out, " ".join(text.stdout.split()) + "\n" + text.stderr


def test_a_loose_row_given_by_two_files_is_one_meeting_or_two_as_in_one_file(tmp_path):
    """At least twice and at most once a year. `2021-05` (no number) on one row of a.csv and
    the same row in b.csv. In one file the two rows are "one meeting or two": 2021 uncertain
    under both rules. From two files they were counted as two meetings (met, excess): a
    second file says no more than a second row does. Now both uncertain, naming both files'
    lines, and a warning says the row counts once. 2022 holds nothing yet: open."""
    rows = _rows("board,regular,,2021-05,,held,,")
    out, text = _two_files(tmp_path, _TWICE_AT_MOST_ONCE, rows, rows, "--today", "2022-01-10")
    got = {(f["rule"], f["window"]["label"]): f["verdict"] for f in out["findings"]}
    assert got == {(0, "2021"): "uncertain", (1, "2021"): "uncertain", (0, "2022"): "open", (1, "2022"): "open"}
    words = "Board 2021-05 is on 2 rows with the same kind and days and no number (a.csv line 2; b.csv line 2): one meeting or two, the register does not say."
    assert all(words in f["why"] for f in out["findings"] if f["window"]["label"] == "2021")
    assert words in text
    assert "b.csv: 1 row repeats a row of an earlier --meetings file and counts once: line 2 (same as a.csv line 2)" in text


def test_a_day_row_given_by_two_files_names_both_files_lines(tmp_path):
    """The same with 2021-05-03 (dated to the day): it was already uncertain (two rows of one
    day and kind, no number) but named "Board 2021-05-03 and Board 2021-05-03" and no line.
    Now as from one file: one meeting on 2 rows, a.csv line 2 and b.csv line 2."""
    rows = _rows("board,regular,,2021-05-03,,held,,")
    out, _ = _two_files(tmp_path, _TWICE_AT_MOST_ONCE, rows, rows, "--today", "2022-01-10")
    assert [f["verdict"] for f in out["findings"] if f["window"]["label"] == "2021"] == ["uncertain", "uncertain"]
    assert "Board 2021-05-03 is on 2 rows with the same kind and days and no number (a.csv line 2; b.csv line 2)" in out["findings"][0]["why"]


def test_rows_given_again_count_every_row_and_decide_nothing_where_either_way_holds(tmp_path):
    """a.csv: `2021-05` and 2021-07-01; b.csv: `2021-05` twice (lines 2 and 3). One meeting or
    two or three, 2021 holds 2 for certain (2021-05 and 2021-07-01): at_least met, at_most
    excess either way, and the why says so, with all three rows. Controls: a row that differs
    in its city (Paris) is another row, not a repeat, and a numbered row given again is the
    later file's meeting replacing the earlier (the overlay): neither is paired."""
    out, _ = _two_files(tmp_path, _TWICE_AT_MOST_ONCE, _rows("board,regular,,2021-05,,held,,", "board,regular,,2021-07-01,,held,,"), _rows("board,regular,,2021-05,,held,,", "board,regular,,2021-05,,held,,"), "--today", "2022-01-10")
    got = {(f["rule"], f["window"]["label"]): f for f in out["findings"]}
    assert got[(0, "2021")]["verdict"] == "met" and got[(1, "2021")]["verdict"] == "excess"
    assert "Board 2021-05 is on 3 rows with the same kind and days and no number (a.csv line 2; b.csv lines 2 and 3): one meeting or two, met either way." in got[(0, "2021")]["why"]
    out, _ = _two_files(tmp_path, _TWICE_AT_MOST_ONCE, _rows("board,regular,,2021-05,,held,,"), _rows("board,regular,,2021-05,,held,Paris,"), "--today", "2022-01-10")
    assert [f["verdict"] for f in out["findings"] if f["window"]["label"] == "2021"] == ["met", "excess"]
    out, _ = _two_files(tmp_path, _TWICE_AT_MOST_ONCE, _rows("board,regular,4,2021-05,,held,,"), _rows("board,regular,4,2021-05,,held,,"), "--today", "2022-01-10")
    assert [f["verdict"] for f in out["findings"] if f["window"]["label"] == "2021"] == ["missed", "met"]
