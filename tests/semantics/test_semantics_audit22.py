"""A twenty-second audit: README's "The rule book", "Semantics" and "Record coverage" read as an
outsider, each case on the smallest rule book and register, its answer worked out by hand in
the docstring before planner ran (numbers a register skips, a `max_gap` broken before the
records begin, financial years, multi-day meetings on `--today`, leap days, tolerance, ...).
Where planner differed, the documented semantics decided."""

from __future__ import annotations

from tests.semantics.test_semantics_audit15 import BOARD
from tests.semantics.test_semantics_audit20 import SUMMIT, _check, _rows, _verdicts, _why

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
    assert "As the register is known complete only from 2019-06-01, a counting meeting after Board 2019-01-10 may have been held unrecorded, by 2019-05-31 at the latest" in why
    assert "late on every reading, 336 to 477 days" in why
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


# -- fresh combinations, each confirmed by hand ---------------------------------------------------


def _yearly(**keys: str) -> str:
    return BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n' + "".join(f"{k} = {v}\n" for k, v in keys.items())


def test_a_meeting_across_a_financial_years_end_counts_in_the_year_it_opens(tmp_path):
    """At least once a financial year from 1 April (`year_start = "04-01"`), since 2021; one
    Board 2022-03-30..2022-04-02. By hand: a meeting belongs to the day it opens (README,
    "A meeting belongs to the day it opens"): FY2021-22 met, FY2022-23 missed (its first
    three days are no meeting of its own), FY2023-24 open as of 2023-06-01."""
    out = _check(tmp_path, _yearly(year_start='"04-01"', since="2021"), _rows("board,regular,,2022-03-30,2022-04-02,held,,"), "2023-06-01")
    assert _verdicts(out) == [("FY2021-22", "met"), ("FY2022-23", "missed"), ("FY2023-24", "open")]


def test_today_inside_a_meeting_of_several_days_counts_it(tmp_path):
    """Once a year since 2026; a Board 2026-11-30..2026-12-02, `--today` 2026-12-01, its
    second day. By hand: it opened before today and was held: 2026 met, nothing open."""
    out = _check(tmp_path, _yearly(since="2026"), _rows("board,regular,,2026-11-30,2026-12-02,held,,"), "2026-12-01")
    assert _verdicts(out) == [("2026", "met")]


def test_today_on_the_first_day_of_a_half_closes_the_half_before(tmp_path):
    """Once a half-year since 2021, no meeting, `--today` 2021-07-01. By hand: H1's deadline
    2021-06-30 is before today: missed, final; H2 runs: open."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2021\n'
    out = _check(tmp_path, book, "", "2021-07-01")
    assert _verdicts(out) == [("2021 H1", "missed"), ("2021 H2", "open")]


def test_twelve_months_after_a_leap_day_is_february(tmp_path):
    """Every 12 months, rolling, since 2020; Boards 2020-02-29, 2021-02-28, 2022-03-01. By
    hand, in calendar months: the rule's first window is due 2021-01 (12 months from its
    start) and the leap-day Board meets it; 12 months after 2020-02 is 2021-02: met by the
    28th; after 2021-02, due 2022-02: 2022-03-01 is one month late; next due 2023-03."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "12m"\nsince = 2020\n'
    rows = _rows("board,regular,,2020-02-29,,held,,", "board,regular,,2021-02-28,,held,,", "board,regular,,2022-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert _verdicts(out) == [("2021-01", "met"), ("2021-02", "met"), ("2022-02", "late"), ("2023-03", "open")]
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "1 month"


def test_every_three_years_on_a_grid_and_rolling_read_one_register_apart(tmp_path):
    """Boards 2018-05-01 and 2022-05-01, as of 2026-12-01. By hand, rolling `every 3y`: due
    2021, answered 2022 (1 year late); then due 2025, nothing: missed; then 2028 (from the
    missed window's period): open. On the grid anchored at 2018: 2018 met; 2021 answered
    late by 2022 (2022 is no grid year, so it serves the window before it, as the Summit of
    2019 serves 2018 in DESIGN's known answers); 2024 missed; 2027 open (counted as next due in the summary)."""
    rows = _rows("board,regular,,2018-05-01,,held,,", "board,regular,,2022-05-01,,held,,")
    rolling = _check(tmp_path, BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "3y"\n', rows, "2026-12-01")
    assert _verdicts(rolling) == [("2021", "late"), ("2025", "missed"), ("2028", "open")]
    grid = _check(tmp_path, BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "3y"\nmode = "grid"\nanchor = 2018\n', rows, "2026-12-01")
    assert _verdicts(grid) == [("2018", "met"), ("2021", "late"), ("2024", "missed"), ("2027", "open")]


def test_tolerance_meets_a_rolling_window_and_the_chain_goes_on_from_the_meeting(tmp_path):
    """Every 2 years, rolling, tolerance 6 months; Boards 2020-05-01, 2022-06-30, 2025-03-01.
    By hand: 2022 met; due 2024, held 2025-03-01, within 2024-12-31 + 6 months: met "within
    the tolerance"; the chain goes on from the meeting: due 2027 (by 2028-06-30 with the
    tolerance), open."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\ntolerance = "6m"\n'
    rows = _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2022-06-30,,held,,", "board,regular,,2025-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2026-12-01")
    assert _verdicts(out) == [("2022", "met"), ("2024", "met"), ("2027", "open")]
    assert "Held within the tolerance." in _why(out, "2024")


def test_an_after_window_met_within_its_tolerance(tmp_path):
    """Board two years after each Summit, tolerance 6 months; Summit 2020-05-01, Board
    2023-03-01. By hand: due 2022, 2023-03-01 is within 2022-12-31 + 6 months: met, within
    the tolerance."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "2y"\ntolerance = "6m"\n'
    out = _check(tmp_path, book, _rows("summit,regular,1,2020-05-01,,held,,", "board,regular,,2023-03-01,,held,,"), "2024-01-01")
    assert _verdicts(out) == [("2022", "met")]


def test_a_ceiling_with_a_row_known_only_to_the_year_is_uncertain_in_one_half_only(tmp_path):
    """At most once a half-year since 2021; Boards 2021-03-01 and `2021`. By hand: the
    year-only Board in H1 makes two there (excess), in H2 one there (within): H1
    `uncertain`; H2 holds 0 or 1, within the limit either way: met."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "half"\nsince = 2021\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021-03-01,,held,,", "board,regular,,2021,,held,,"), "2022-01-15")
    assert _verdicts(out)[:2] == [("2021 H1", "uncertain"), ("2021 H2", "met")]


def test_a_number_recorded_cancelled_accounts_for_itself(tmp_path):
    """Once a year from 2020; the 43rd 2020-05-01, the 44th cancelled 2021-05-01, the 45th
    2023-05-01. By hand: the 44th is recorded (cancelled: not held), so no number is
    missing: 2021 and 2022 missed (README: "a number recorded in any status ... accounts
    for it")."""
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,44,2021-05-01,,cancelled,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, YEARLY, rows, "2024-06-01")
    assert [v for v in _verdicts(out) if v[0] in ("2021", "2022")] == [("2021", "missed"), ("2022", "missed")]


def test_an_excused_year_between_skipped_numbers_leaves_the_other_unknown_alone(tmp_path):
    """Once a year from 2020, except in a year with a Summit; Summit 2021-06-01; the 43rd
    Board 2020-05-01, the 45th 2023-05-01. By hand: 2021 excused; 2022 may hold the 44th:
    `unknown`; only one window is short, so nothing is said of "at least one"."""
    book = SUMMIT + _yearly(since="2020", except_when='["summit"]')
    rows = _rows("summit,regular,1,2021-06-01,,held,,", "board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, book, rows, "2024-06-01")
    assert [v for v in _verdicts(out) if v[0] in ("2021", "2022")] == [("2021", "excused"), ("2022", "unknown")]
    assert "short of its count" not in _why(out, "2022")


def test_a_customary_rule_between_skipped_numbers_is_unknown_not_advisory(tmp_path):
    """The 43rd and 45th again under a customary rule (`binding = false`). By hand: 2021 and
    2022 `unknown`, "(customary rule)", not advisories; one short on every reading, said."""
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, _yearly(since="2020", binding="false"), rows, "2024-06-01")
    assert [v for v in _verdicts(out) if v[0] in ("2021", "2022")] == [("2021", "unknown"), ("2022", "unknown")]
    assert "(customary rule). Unknown, not advisory" in _why(out, "2021")
    assert out["summary"]["advisories"] == 0


def test_a_body_founded_mid_quarter_is_judged_from_its_first_whole_quarter(tmp_path):
    """Once a quarter; Board established 2021-02-15, meetings 2021-03-01 and 2021-08-01, as of
    2021-10-15. By hand: 2021 Q1 is not a whole quarter of its life: not judged; Q2 missed;
    Q3 met; Q4 open."""
    book = BOARD + 'established = 2021-02-15\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021-03-01,,held,,", "board,regular,,2021-08-01,,held,,"), "2021-10-15")
    assert _verdicts(out) == [("2021 Q2", "missed"), ("2021 Q3", "met"), ("2021 Q4", "open")]


def test_a_row_given_by_two_files_is_one_meeting_or_two_where_two_are_due(tmp_path):
    """Twice a year since 2021; Board 2021-03-01 (Paris) in one `--meetings` file and again in
    a second. By hand: one meeting recorded twice or two: 2021 `uncertain`, naming both
    files' lines; no violation."""
    (tmp_path / "m2.csv").write_text("body,kind,ordinal,start,end,status,city,country\nboard,regular,,2021-03-01,,held,Paris,\n", encoding="utf-8")
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2021\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021-03-01,,held,Paris,"), "2022-01-15", "--meetings", str(tmp_path / "m2.csv"))
    assert _verdicts(out)[0] == ("2021", "uncertain")
    assert "m.csv line 2; m2.csv line 2" in _why(out, "2021")


def test_a_second_file_that_gives_the_skipped_number_ends_the_doubt(tmp_path):
    """The 43rd (2020) and 45th (2023) in one file, the 44th held 2021-06-01 in a second. By
    hand: nothing is unrecorded any more: 2021 met, 2022 missed (a violation)."""
    (tmp_path / "m2.csv").write_text("body,kind,ordinal,start,end,status,city,country\nboard,regular,44,2021-06-01,,held,,\n", encoding="utf-8")
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, YEARLY, rows, "2024-06-01", "--meetings", str(tmp_path / "m2.csv"))
    assert [v for v in _verdicts(out) if v[0] in ("2021", "2022")] == [("2021", "met"), ("2022", "missed")]


def test_to_before_the_next_number_sees_no_skip(tmp_path):
    """The 43rd (2020) and 45th (2023-05-01), `--to 2022-12-31`: nothing after D exists
    (README, "--to D"), so the 45th is not seen and no number is skipped: 2021 and 2022
    missed, as the register stood at the end of 2022."""
    rows = _rows("board,regular,43,2020-05-01,,held,,", "board,regular,45,2023-05-01,,held,,")
    out = _check(tmp_path, YEARLY, rows, "2024-06-01", "--to", "2022-12-31")
    assert _verdicts(out) == [("2020", "met"), ("2021", "missed"), ("2022", "missed")]


def test_a_ceiling_ending_mid_year_counts_nothing_after_its_end(tmp_path):
    """Once a year from 2020 until 2021-07-15 (the body dissolved); Boards 2020-03-01 and
    2021-10-01. By hand: 2020 met; 2021's part (to 2021-07-15) holds nothing, but its count
    was due at the period's end, after the rule's: no finding (README, "A rule that has
    ended"); the October meeting was held under no rule."""
    out = _check(tmp_path, _yearly(since="2020", until="2021-07-15"), _rows("board,regular,,2020-03-01,,held,,", "board,regular,,2021-10-01,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2020", "met")]


def test_a_number_postponed_and_held_next_year_counts_where_it_was_held(tmp_path):
    """Once a year from 2020; the 5th postponed from 2020-05-01, held 2021-03-01. By hand:
    2020 missed (a postponed row was not held), 2021 met, 2022 open."""
    out = _check(tmp_path, YEARLY, _rows("board,regular,5,2020-05-01,,postponed,,", "board,regular,5,2021-03-01,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2020", "missed"), ("2021", "met"), ("2022", "open")]


def test_a_summit_planned_later_this_year_excuses_it_and_one_never_confirmed_leaves_it_uncertain(tmp_path):
    """Once a year, except in a year with a Summit. A Summit planned 2026-10-01, as of
    2026-06-01: 2026 excused (README: held or planned). A Summit planned 2025-10-01 never
    confirmed, as of 2026-03-01: 2025 `uncertain` ("Excused if ... was held"), 2026 open."""
    book = SUMMIT + _yearly(since="2025", except_when='["summit"]')
    out = _check(tmp_path, book, _rows("summit,regular,1,2026-10-01,,planned,,"), "2026-06-01")
    assert ("2026", "excused") in _verdicts(out)
    out = _check(tmp_path, book, _rows("summit,regular,1,2025-10-01,,planned,,"), "2026-03-01")
    assert _verdicts(out) == [("2025", "uncertain"), ("2026", "open")]
    assert "Excused if Summit 2025-10-01 (1st) was held" in _why(out, "2025")


def test_a_rolling_chain_through_unrecorded_months_is_late_on_every_reading(tmp_path):
    """Every year, rolling; records complete from 2019-06-01; Boards 2018-05-01 and
    2021-06-01. By hand: 2019 `unknown` (a Board may have met it in January to May). Then
    2020 is due on every reading (after a Board of 2019, or after the missed 2019 window),
    holds nothing (known complete), and 2021-06-01 answers it: `late` by 1 year either way."""
    book = BOARD + 'records = [{ start = 2019-06-01, source = "minutes" }]\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    out = _check(tmp_path, book, _rows("board,regular,,2018-05-01,,held,,", "board,regular,,2021-06-01,,held,,"), "2022-03-01")
    assert _verdicts(out) == [("2019", "unknown"), ("2020", "late"), ("2022", "open")]


def test_a_gap_counted_from_last_days_before_the_records_stays_unknown(tmp_path):
    """The broken gap of 2019-01-10 to 2021-06-01 again, counted from each meeting's last
    day (`gap_from = "last_day"`). By hand: a Board opening unrecorded on 2019-05-31 may have
    run on into June, days known complete only for what opened in them; how long, the
    register cannot say, so the gap is not late on every reading: still `unknown`."""
    book = GAP_13M.replace('max_gap = "13m"\n', 'max_gap = "13m"\ngap_from = "last_day"\n')
    rows = _rows("board,regular,,2019-01-10,,held,,", "board,regular,,2021-06-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-03-01")
    assert dict(_verdicts(out))["2019-01-11..2020-02-10"] == "unknown"


def test_a_skipped_number_breaks_a_ceiling_after_years_the_records_do_not_cover(tmp_path):
    """At most twice a year since 2020, records complete from 2021; Board 2020-05-01, then
    the 43rd 2021-03-01 and the 45th 2021-09-01. By hand: 2020 holds one (within the limit,
    whatever else was held unrecorded: `met` as recorded); 2021 may hold the 44th too:
    `uncertain`, as without the coverage statement (the numbering was read only where the
    first window's records were complete)."""
    book = BOARD + 'records = [{ start = 2021, source = "minutes" }]\n[[bodies.rules]]\nkind = "at_most"\ncount = 2\nper = "year"\nsince = 2020\n'
    rows = _rows("board,regular,,2020-05-01,,held,,", "board,regular,43,2021-03-01,,held,,", "board,regular,45,2021-09-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert ("2021", "uncertain") in _verdicts(out)


def test_a_skipped_number_between_two_grid_years_leaves_one_short(tmp_path):
    """Every 2 years on the grid from 2018; the 43rd Board 2018-05-01, the 45th 2024-05-01.
    By hand: 2020 and 2022 are due and empty; the 44th answers one of them at most (in its
    grid year, or the one before it late): both `unknown`, one short on every reading, said
    in each. A grid's windows are its periods whatever is held, so their needs add up."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2018\n'
    rows = _rows("board,regular,43,2018-05-01,,held,,", "board,regular,45,2024-05-01,,held,,")
    out = _check(tmp_path, book, rows, "2025-06-01")
    assert [v for v in _verdicts(out) if v[1] == "unknown"] == [("2020", "unknown"), ("2022", "unknown")]
    assert "numbers leave 1 meeting unrecorded where 2020 and 2022 need 2" in _why(out, "2020")


def test_a_gap_across_a_year_stated_incomplete_is_late_from_that_years_last_day(tmp_path):
    """Records complete from 2019 but stated incomplete for 2021 (minutes lost); at most 13
    months apart; Boards 2019-05-01, 2020-03-01, 2023-06-01. By hand: a Board may have met
    unrecorded in 2021, by 2021-12-31 at the latest; from there the next was due by
    2023-01-31, and 2022 and 2023 to May hold none: the gap ending 2023-06-01 is late on every
    reading, 121 (from 2023-01-31) to 791 days (from 2021-04-01); the why names the statement."""
    book = BOARD + 'records = [{ start = 2019, source = "minutes" }, { start = 2021, end = 2021, complete = false, note = "lost" }]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "13m"\nsince = 2019\n'
    rows = _rows("board,regular,,2019-05-01,,held,,", "board,regular,,2020-03-01,,held,,", "board,regular,,2023-06-01,,held,,")
    out = _check(tmp_path, book, rows, "2023-08-01")
    assert dict(_verdicts(out))["2020-03-02..2021-04-01"] == "late"
    why = _why(out, "2020-03-02..2021-04-01")
    assert "As the register is known incomplete 2021-01-01..2021-12-31 (lost), a counting meeting" in why and "121 to 791 days" in why


def test_one_year_only_meeting_between_four_quarters_leaves_three_short(tmp_path):
    """At least once a quarter since 2021; one Board known only as `2021`; as of 2022-01-15.
    By hand: it fills one quarter at most, so three of the four are short on every reading.
    Each quarter stays `uncertain` (which three, the register does not say), and each why
    now says "at least 3 of" them, where it said "at least one of", true but less than the
    data says."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\nsince = 2021\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021,,held,,"), "2022-01-15")
    assert [v for v in _verdicts(out) if v[1] == "uncertain"] == [("2021 Q1", "uncertain"), ("2021 Q2", "uncertain"), ("2021 Q3", "uncertain"), ("2021 Q4", "uncertain")]
    assert "So at least 3 of 2021 Q1, 2021 Q2, 2021 Q3 and 2021 Q4 are short of their count on every reading of the dates; which, the register does not say, so none alone is a violation." in _why(out, "2021 Q2")
    assert out["summary"]["violations"] == 0


def test_a_ceiling_kept_in_years_the_records_do_not_cover_says_as_far_as_the_register_shows(tmp_path):
    """At most once a year since 2020, records complete from 2022; one Board each of 2020,
    2021 and 2022. By hand: 2022 is met; 2020 and 2021 hold one each as recorded, but a
    meeting not recorded there would break the limit: they are within it only as far as the
    register shows, and each why now says so (their verdict stays `met`: nothing says a
    meeting is missing, unlike a number the register skips)."""
    book = BOARD + 'records = [{ start = 2022, source = "minutes" }]\n[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2020\n'
    rows = _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2021-05-01,,held,,", "board,regular,,2022-05-01,,held,,")
    out = _check(tmp_path, book, rows, "2023-06-01")
    assert _verdicts(out)[:3] == [("2020", "met"), ("2021", "met"), ("2022", "met")]
    assert _why(out, "2020").endswith("Within the limit as far as the register shows: the register is known complete only from 2022-01-01.")
    assert "as far as the register shows" not in _why(out, "2022")
