"""Windows the judge decides in short (``window_finding.plainly_judged``: every meeting inside
the window is held and counts) say what the full judgement says. Each case puts beside such a
window a meeting that touches it without lying inside it; the verdicts are worked out by hand
from the README, as the full judgement gives them."""

from __future__ import annotations

from tests.semantics.test_semantics_audit import _book, _check, _finding, _rule, _verdicts

YEARLY = 'kind = "at_least"\ncount = 1\nper = "year"'


def test_a_meeting_that_opens_before_the_window_and_lasts_into_it_is_not_the_windows(tmp_path):
    """Once a year: one session 2019-12-31 to 2020-01-01. It opened in 2019, so it meets 2019
    and not 2020 (a meeting belongs to the period it opens in): 2019 met, 2020 missed."""
    rows = "board,regular,2019-12-31,2020-01-01,held,,\n"
    out = _check(tmp_path, _book("established = 2019-01-01\n" + _rule(YEARLY)), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2019": "met", "2020": "missed", "2021": "open"}


def test_a_meeting_dated_to_the_year_beside_a_met_month_changes_nothing(tmp_path):
    """Once a month in 2020 (from 2020-01-01 to 2020-03-31): 2020-01-10, 2020-02-10 and
    2020-03-10 held, and one meeting known only as `2020`. Each month is met by its own
    meeting; the loosely dated one could only have counted too: January, February and March
    met, each counting its own meeting only."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "month"\nuntil = 2020-03-31')
    rows = "board,regular,2020-01-10,,held,,\nboard,regular,2020-02-10,,held,,\nboard,regular,2020-03-10,,held,,\nboard,regular,2020,,held,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2020-01": "met", "2020-02": "met", "2020-03": "met"}
    assert [m["start"] for m in _finding(out, "2020-02")["counted"]] == ["2020-02-10"]


def test_a_meeting_dated_to_the_year_may_break_a_months_maximum(tmp_path):
    """At most once a month in 2020 (to 2020-03-31): 2020-02-10 held and one meeting known
    only as `2020`. February has one for certain and may have had the second: uncertain;
    January and March hold at most the loosely dated one: met."""
    rule = _rule('kind = "at_most"\ncount = 1\nper = "month"\nuntil = 2020-03-31')
    rows = "board,regular,2020-02-10,,held,,\nboard,regular,2020,,held,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2020-01": "met", "2020-02": "uncertain", "2020-03": "met"}


def test_a_planned_meeting_dated_to_the_year_is_named_by_the_met_quarter(tmp_path):
    """Once a quarter in 2020 (to 2020-06-30): 2020-02-10 and 2020-05-10 held, and a meeting
    planned for `2020` whose dates have passed. Both quarters are met by their own meeting, and
    each names the planned one as unconfirmed: it may have fallen in either."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "quarter"\nuntil = 2020-06-30')
    rows = "board,regular,2020-02-10,,held,,\nboard,regular,2020-05-10,,held,,\nboard,regular,2020,,planned,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2020 Q1": "met", "2020 Q2": "met"}
    assert [m["start"] for m in _finding(out, "2020 Q1")["unconfirmed"]] == ["2020"]
    assert [m["start"] for m in _finding(out, "2020 Q2")["unconfirmed"]] == ["2020"]
