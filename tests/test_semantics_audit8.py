"""An eighth audit of `planner check` (after test_semantics_audit*.py): `min_gap` beside a
loosely dated meeting whose every reading gives the same answer, `max_gap` after an origin
known only to the month or year, one meeting recorded on two identical rows, `within`
windows of a year that does not start in January, `on` rules, half-yearly rules, `excused`
periods at window edges, `count_by = "event"` across a period's edge, several `after` rules
on one body; and real histories under their founding texts (tests/audit/). Every expected
verdict was worked out by hand from DESIGN.md and the README before the tool was run; the
derivation is in each test's docstring. Each case is checked in JSON and in text, which must
agree (the Problems and the totals)."""

from __future__ import annotations

from tests.test_semantics_audit5 import _body
from tests.test_semantics_audit7 import _check, _rows, _verdicts, _why

_TWICE_60D = _body("", 'kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "60d"')

# -- min_gap: exact where every reading of a loose date agrees ------------------------------------------


def test_min_gap_a_loose_meeting_too_close_on_every_reading_counts_for_nothing(tmp_path):
    """Twice a year, 60 days apart. 2020-06-20 and 2020-12-20 meet 2020. `2021-01` opened 12 to
    42 days after 20 December: closer than 60 days on every reading, so it never counts; 2021
    holds only 2021-06-01 besides it: missed, whatever January's day (it said uncertain)."""
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2020-06-20,,held,,", "board,regular,,2020-12-20,,held,,", "board,regular,,2021-01,,held,,", "board,regular,,2021-06-01,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out) == {"2020": "met", "2021": "missed", "2022": "open"}
    assert "Not counted: Board 2021-01 (less than 60 days after a counted meeting" in _why(out, "2021")


def test_min_gap_a_loose_meeting_that_counts_in_place_of_a_firm_one_on_every_reading(tmp_path):
    """Twice a year, 60 days apart: `2021-01`, 2021-03-01 and 2021-04-20 (50 days after 1
    March). Dated to the day, only 1 March counts of the last two. January's meeting is 29 to
    59 days before 1 March, so 1 March does not count after it, and 20 April is 79 to 109 days
    after it: on every reading January and 20 April count: met (it said uncertain). With
    `2021-02` and 2021-04-15 (44 to 73 days apart) the readings differ: uncertain, as before."""
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2021-01,,held,,", "board,regular,,2021-03-01,,held,,", "board,regular,,2021-04-20,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "met"
    assert "2 of 2 required, at least twice a year: Board 2021-01, Board 2021-04-20." in _why(out, "2021")
    assert "Not counted: Board 2021-03-01 (less than 60 days after a counted meeting" in _why(out, "2021")
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2021-02,,held,,", "board,regular,,2021-04-15,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "uncertain"
