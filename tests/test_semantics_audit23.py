"""A twenty-third audit: README's "The rule book", "Semantics" and "Record coverage" read as an
outsider, each case on the smallest rule book and register, its answer worked out by hand in
the docstring before planner ran (`min_gap` and the numbers a register skips, ...). Where
planner differed, the documented semantics decided."""

from __future__ import annotations

from tests.test_semantics_audit15 import BOARD
from tests.test_semantics_audit20 import _check, _rows, _verdicts, _why

# -- `min_gap` and the numbers a register skips ---------------------------------------------------

THREE_30D = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 3\nper = "year"\nmin_gap = "30d"\nsince = 2020\n'


def test_a_skipped_number_too_close_to_fill_a_min_gap_window_leaves_it_missed(tmp_path):
    """At least three times a year, meetings closer than 30 days counting once; the 43rd
    Board 2020-01-10 and the 45th 2020-03-01, nothing else in 2020. By hand: the 44th was held
    between them (the numbers say so), on a day the register does not give. 51 days separate
    the 43rd and the 45th: the 44th is under 30 days from one of them on every day it may
    have opened on, so at most two of the three count (2020-01-10 and a day from 2020-02-09;
    or 2020-01-10 and 2020-03-01). 2020 holds 2 of 3 on every reading: `missed`, as the
    register alone shows, and the why says why the 44th changes nothing. It was `unknown`
    ("the 44th ... may have been held in this window"), as if it could have made the count."""
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-01,,held,,")
    out = _check(tmp_path, THREE_30D, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "missed")
    assert "the 44th is not recorded, but with meetings closer than 30 days counting once, at most 2 can count in 2020 whatever day it was held" in _why(out, "2020")
    assert out["summary"]["violations"] == 1 and out["summary"].get("unknown", 0) == 0


def test_a_skipped_number_that_can_keep_the_gap_leaves_a_min_gap_window_unknown(tmp_path):
    """The same, the 45th on 2020-03-15 (65 days after the 43rd). By hand: a 44th held
    2020-02-09..2020-02-14 is at least 30 days from both, and all three count: 2020 may be
    met, so it stays `unknown`, naming the 44th."""
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-15,,held,,")
    out = _check(tmp_path, THREE_30D, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "unknown")
    assert "the 44th is not recorded and may have been held in this window" in _why(out, "2020")


def test_two_skipped_numbers_too_close_to_fill_a_min_gap_window_leave_it_missed(tmp_path):
    """The 43rd 2020-01-10 and the 46th 2020-03-01: two unrecorded meetings between. By hand:
    three counted meetings need 60 days from the first to the third; between 2020-01-10 and
    2020-03-01 there are 51, and nothing after the 46th is held in 2020: at most 2 count
    however the 44th and 45th fell. `missed`."""
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,46,2020-03-01,,held,,")
    out = _check(tmp_path, THREE_30D, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "missed")
    assert "the 44th to 45th are not recorded, but with meetings closer than 30 days counting once, at most 2 can count in 2020 whatever day they were held" in _why(out, "2020")


def test_a_skipped_number_in_days_not_known_complete_leaves_a_min_gap_window_unknown(tmp_path):
    """The 43rd and 45th of the first case, records complete only from 2020-02-01. By hand:
    January may hold meetings the register lacks besides the 44th (2020-01-01 and 2020-01-31
    with the 45th on 2020-03-01 are three, 30 days apart): `unknown`, naming the statement."""
    book = BOARD + 'records = [{ start = 2020-02-01, source = "minutes" }]\n' + THREE_30D.removeprefix(BOARD)
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "unknown")
    assert "known complete only from 2020-02-01" in _why(out, "2020")


def test_a_skipped_number_counted_before_a_min_gap_window_may_take_its_count(tmp_path):
    """At least once a year from 2019, meetings closer than 60 days counting once; the 43rd
    2019-10-01 and the 45th 2020-01-20. By hand: 2020's only meeting is the 45th, counted
    (111 days after the 43rd) as the register stands. But the 44th was held between: on
    2019-11-30..2019-12-31 it is at least 60 days after the 43rd, so it counts (in 2019), and
    the 45th, under 60 days after it, counts once with it: 2020 then holds none. Held
    2019-10-01..2019-11-29 it counts once with the 43rd, and 2020-01-01..2020-01-20 it counts
    in 2020 itself: met. So 2020 is `uncertain`, with the days; it was `met`."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmin_gap = "60d"\nsince = 2019\n'
    rows = _rows("board,regular,43,2019-10-01,,held,,", "board,regular,45,2020-01-20,,held,,")
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert _verdicts(out)[:2] == [("2019", "met"), ("2020", "uncertain")]
    assert "met if it was held 2019-10-01..2019-11-29, 2020-01-01..2020-01-20; short if held 2019-11-30..2019-12-31" in _why(out, "2020")
    assert out["summary"].get("violations", 0) == 0
