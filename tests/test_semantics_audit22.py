"""A twenty-second audit: README's "The rule book", "Semantics" and "Record coverage" read as an
outsider, each case on the smallest rule book and register, its answer worked out by hand in
the docstring before planner ran (numbers a register skips, a `max_gap` broken before the
records begin, financial years, multi-day meetings on `--today`, leap days, tolerance, ...).
Where planner differed, the documented semantics decided."""

from __future__ import annotations

from tests.test_semantics_audit15 import BOARD
from tests.test_semantics_audit20 import SUMMIT, _check, _rows, _verdicts, _why

YEARLY = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\n'


# -- numbers the register skips ------------------------------------------------------------------


def test_a_skipped_number_that_can_fill_one_of_two_empty_years_leaves_one_short_on_every_reading(tmp_path):
    """At least once a year from 2020; the 43rd Board 2020-05-01 and the 45th 2023-05-01, no
    44th, nothing in 2021 or 2022. By hand: the 44th was held (the numbers say so) between the
    two, on a day the register does not give; it may fill 2021 or 2022, not both (one meeting,
    one window). Each year alone may be met: `unknown`, not `missed` (README, "Record
    coverage"), and no violation is counted. But 2021 and 2022 need two meetings and the
    numbers leave one unrecorded: one of them is short on every reading, which the why of
    each now says, as it does for one loosely dated row between two windows (sixteenth
    audit). It said only that the 44th "may have been held in this window", twice."""
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, YEARLY, rows, "2024-06-01")
    assert _verdicts(out) == [("2020", "met"), ("2021", "unknown"), ("2022", "unknown"), ("2023", "met"), ("2024", "open")]
    for year in ("2021", "2022"):
        assert "the 44th is not recorded and may have been held in this window" in _why(out, year)
        assert "numbers leave 1 meeting unrecorded where 2021 and 2022 need 2: so at least one of them is short of its count on every reading" in _why(out, year)
        assert "so neither alone is a violation" in _why(out, year)
    assert out["summary"]["violations"] == 0 and out["summary"]["unknown"] == 2


def test_two_skipped_numbers_for_two_empty_years_say_nothing_more(tmp_path):
    """The same, the 43rd then the 46th: two unrecorded meetings, two empty years. By hand:
    the 44th and the 45th may have filled 2021 and 2022 one each, so neither year is short on
    every reading: both `unknown`, and no sentence says one of them is short."""
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,46,2023-05-01,,held,,")
    out = _check(tmp_path, YEARLY, rows, "2024-06-01")
    assert ("2021", "unknown") in _verdicts(out) and ("2022", "unknown") in _verdicts(out)
    assert "short of its count" not in _why(out, "2021") + _why(out, "2022")


def test_a_skipped_number_in_years_the_records_leave_unknown_says_nothing_more(tmp_path):
    """The 43rd and 45th again, but the records are stated complete only from 2022. By hand:
    2021 is not known complete, so any number of meetings may be missing from it, not only
    the 44th: nothing can be said of 2021 and 2022 together; both `unknown`, no sentence."""
    book = BOARD + 'records = [{ start = 2022, source = "minutes" }]\n' + YEARLY.removeprefix(BOARD)
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, book, rows, "2024-06-01")
    assert ("2021", "unknown") in _verdicts(out) and ("2022", "unknown") in _verdicts(out)
    assert "short of its count" not in _why(out, "2021") + _why(out, "2022")


def test_a_skipped_number_between_two_half_years_leaves_one_short(tmp_path):
    """At least once a half-year; the 43rd 2020-05-01, the 45th 2021-10-01. By hand: 2020 H2
    and 2021 H1 are empty and the 44th fills one at most: both `unknown`, one short on every
    reading, said in each."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2020\n'
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2021-10-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-01-01")
    assert [v for v in _verdicts(out) if v[1] == "unknown"] == [("2020 H2", "unknown"), ("2021 H1", "unknown")]
    assert "at least one of them is short" in _why(out, "2021 H1")


# -- a `max_gap` broken before the records begin -------------------------------------------------

GAP_13M = BOARD + 'records = [{ start = 2019-06-01, source = "minutes from June 2019" }]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "13m"\nsince = 2018\n'


def test_a_gap_too_long_whatever_the_unrecorded_months_held_is_late(tmp_path):
    """At least once a year, at most 13 months apart; records complete from 2019-06-01;
    Boards 2019-01-10 and 2021-06-01. By hand: the gap between them is 873 days, due by
    2020-02-10. A Board may have been held unrecorded between 2019-01-11 and 2019-05-31 (not
    known complete), which would have ended that gap in time; but whichever it was, it opened
    by 2019-05-31, so the next was due by 2020-06-30 at the latest, and the register, complete
    from June 2019, has none until 2021-06-01: some gap ending 2021-06-01 is late on every
    reading, by 336 (from 2020-06-30) to 477 days (from 2020-02-10). A violation on every
    reading is that violation (README, "Never more certain than the data"): `late`, not
    `unknown` as it was. 2020, known complete and empty, is missed either way."""
    rows = _rows("board,regular,,2019-01-10,,held,,", "board,regular,,2021-06-01,,held,,")
    out = _check(tmp_path, GAP_13M, rows, "2022-03-01")
    verdicts = dict(_verdicts(out))
    assert verdicts["2019-01-11..2020-02-10"] == "late" and verdicts["2020"] == "missed"
    why = _why(out, "2019-01-11..2020-02-10")
    assert "by 2019-05-31 at the latest" in why and "late on every reading, 336 to 477 days" in why
    (gap,) = [f for f in out["findings"] if f["window"] and f["window"]["label"] == "2019-01-11..2020-02-10"]
    assert gap["delay"] == "336 to 477 days"
    assert out["summary"]["violations"] == 2


def test_a_gap_never_closed_whatever_the_unrecorded_months_held_is_missed(tmp_path):
    """The same with no Board after 2019-01-10, as of 2022-03-01. By hand: from any Board
    held by 2019-05-31 the next was due by 2020-06-30, long past, and none is recorded since:
    `missed` on every reading (it was `unknown`)."""
    out = _check(tmp_path, GAP_13M, _rows("board,regular,,2019-01-10,,held,,"), "2022-03-01")
    assert dict(_verdicts(out))["2019-01-11..2020-02-10"] == "missed"
    assert "due by 2020-06-30, and none is recorded since: missed on every reading" in _why(out, "2019-01-11..2020-02-10")


def test_a_gap_an_unrecorded_meeting_could_have_kept_stays_unknown(tmp_path):
    """Records complete from 2019-12-01; Boards 2019-01-10 and 2020-12-15. By hand: a Board
    held unrecorded on 2019-11-30 would make the next due by 2020-12-31, and 2020-12-15 is in
    time: the gap may have been kept, so it stays `unknown`."""
    book = GAP_13M.replace("2019-06-01", "2019-12-01")
    rows = _rows("board,regular,,2019-01-10,,held,,", "board,regular,,2020-12-15,,held,,")
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert dict(_verdicts(out))["2019-01-11..2020-02-10"] == "unknown"


def test_a_skipped_number_between_two_after_windows_leaves_one_short(tmp_path):
    """Board one year after each Summit; Summits 2020-03-01 and 2021-03-01 (Boards due 2021
    and 2022); Boards 7th 2020-01-01 and 9th 2023-05-01. By hand: the 8th was held between
    them and may have answered 2021 or 2022, not both (one meeting, one window): 2021 is
    `unknown` (nothing recorded), 2022 `unknown` (answered late by the 9th on the register,
    but the 8th may have met it); two windows, one unrecorded meeting: at least one of them
    is short on every reading, and each why says so. The windows are the Summits', fixed
    whatever the Boards did, so their needs add up as calendar periods do."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "1y"\n'
    rows = _rows("summit,regular,1,2020-03-01,,held,,", "summit,regular,2,2021-03-01,,held,,", "board,regular,7,2020-01-01,,held,,", "board,regular,9,2023-05-01,,held,,")
    out = _check(tmp_path, book, rows, "2024-06-01")
    assert _verdicts(out) == [("2021", "unknown"), ("2022", "unknown")]
    assert "numbers leave 1 meeting unrecorded where 2021 and 2022 need 2" in _why(out, "2022")


def test_a_rolling_chain_across_a_skipped_number_stays_unknown_without_more_words(tmp_path):
    """Every year, rolling; the 43rd 2020-05-01 and the 45th 2023-05-01. By hand: 2021 is
    `unknown` (the 44th may be in it) and 2022, answered late by the 45th on the register,
    `unknown` too. A rolling chain's windows move with the meeting that answers them (the
    44th in 2022 makes 2022 no window at all), so no sum of needs is said: no "short"."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, book, rows, "2024-06-01")
    assert _verdicts(out) == [("2021", "unknown"), ("2022", "unknown"), ("2024", "open")]
    assert "short of its count" not in _why(out, "2021") + _why(out, "2022")


def test_a_skipped_number_that_may_break_a_ceiling_leaves_it_uncertain(tmp_path):
    """At most twice a year; the 43rd Board 2021-03-01 and the 45th 2021-09-01. By hand: the
    numbers say a 44th was held between them, that is in 2021 if the numbers run in date
    order (they need not: README, "Numbering does not date a row"): 2021 may hold three.
    Counting only the rows recorded called 2021 `met`, more certain than the data; it is
    `uncertain` (never `excess`: the numbers do not date the 44th), the why naming the 44th."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 2\nper = "year"\nsince = 2021\n'
    rows = _rows("board,regular,43,2021-03-01,,held,,", "board,regular,45,2021-09-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert _verdicts(out) == [("2021", "uncertain"), ("2022", "open")]
    assert "the 44th is not recorded and may have been held in this window, which would break the limit" in _why(out, "2021")
    assert out["summary"]["violations"] == 0


def test_a_skipped_number_that_cannot_break_a_ceiling_leaves_it_met(tmp_path):
    """The same with at most three a year: 2 recorded and one unrecorded make 3, within the
    limit on every reading: `met`."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 3\nper = "year"\nsince = 2021\n'
    rows = _rows("board,regular,43,2021-03-01,,held,,", "board,regular,45,2021-09-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert ("2021", "met") in _verdicts(out)
