"""A sixteenth audit: DESIGN.md's `check` clauses at edges the fifteen passes did not pin, each
on the smallest rule book and register. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run; where planner differed, DESIGN decided which was
right (the first three groups: planner was changed)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit15 import BOARD, _verdicts
from tests.semantics.test_semantics_audit15 import _run as _run15

COLUMNS = "body,kind,ordinal,start,end,status,city,country,format\n"  # (with the meeting's format)
SUMMIT = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'


def _run(tmp_path: Path, book: str, rows: str, today: str, *args: str):
    return _run15(tmp_path, book, rows, today, *args, columns=COLUMNS)


def _check(tmp_path: Path, book: str, rows: str, today: str, *args: str) -> dict:
    return json.loads(_run(tmp_path, book, rows, today, *args).stdout)


def _why(out: dict, label: str) -> str:
    (f,) = [f for f in out["findings"] if f["window"]["label"] == label]
    return f["why"]


# -- `--to D` inside a month-dated row: both readings ----------------------------------------------


def test_to_inside_a_month_dated_row_says_what_is_due_on_either_reading(tmp_path):
    """`every 1y`: Board 2025-05-01, then a row held `2026-11`; `--today 2026-12-01 --to
    2026-11-15`. Nothing after 11-15 exists. If the row opened 11-01..11-15, 2026 is met and
    2027 next due; if it opened later, 2026 (due by 2026-12-31, still running on 11-15) has
    nothing: 1 still due, and 2027 is not due at all. 2026 `uncertain` (no violation, exit 0)
    saying both; the 2027 line said only the first reading, and now says it holds only if the
    row opened by 11-15, 2026 being still due instead. As of 2026-11-15 without `--to`, a
    row that opens later is scheduled: 2026's why says so, and 2027 is due either way."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    rows = "board,regular,,2025-05-01,,held,,,\nboard,regular,,2026-11,,held,,,\n"
    result = _run(tmp_path, book, rows, "2026-12-01", "--to", "2026-11-15")
    out = json.loads(result.stdout)
    assert result.exit_code == 0 and _verdicts(out) == [("2026", "uncertain"), ("2027", "open")]
    assert _why(out, "2026").endswith(
        "Uncertain: Board 2026-11 may not have opened by 2026-11-15 (the register gives only 2026-11): met if it opened by then; if it opened later, nothing after 2026-11-15 exists, and 1 still due by 2026-12-31."
    )
    assert _why(out, "2027").endswith(
        "Due so only if Board 2026-11 opened by 2026-11-15 (the register gives only 2026-11); if it opened later, nothing after 2026-11-15 exists, and 2026 is still due instead."
    )
    out = _check(tmp_path, book, rows, "2026-11-15")
    assert _verdicts(out) == [("2026", "uncertain"), ("2027", "open")]
    assert _why(out, "2026").endswith("met if it opened by then; if it opens later, it is scheduled, and 1 still due by 2026-12-31.")
    assert "Due so only if" not in _why(out, "2027")


def test_to_inside_a_month_dated_row_of_a_floor_says_how_many_are_still_due(tmp_path):
    """At least twice a year since 2026: Board 2026-03-02, then `2026-11` held; `--to
    2026-11-15`, as of 2026-12-01. Opened by 11-15: 2026 met (2 of 2). Later: 1 of 2, 1
    still due by 2026-12-31. `uncertain`, saying so."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2026\n'
    out = _check(tmp_path, book, "board,regular,,2026-03-02,,held,,,\nboard,regular,,2026-11,,held,,,\n", "2026-12-01", "--to", "2026-11-15")
    assert _verdicts(out) == [("2026", "uncertain")]
    assert _why(out, "2026").endswith("if it opened later, nothing after 2026-11-15 exists, and 1 still due by 2026-12-31.")


# -- one year-only meeting between two halves: at least one of them is short -----------------------


def test_one_year_only_meeting_between_two_halves_says_one_of_them_is_short(tmp_path):
    """At least once a half since 2021: only Board `2021`, as of 2022-03-01. Each half alone
    may be met (uncertain), but one meeting serves one window (DESIGN): on every reading one
    of 2021 H1 and H2 is short. Which one the register does not say, so neither window is a
    violation (0 violations, exit 0, as before), and each why now says that one of them is
    short, besides that the meeting cannot meet both."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2021\n'
    result = _run(tmp_path, book, "board,regular,,2021,,held,,,\n", "2022-03-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 0 and _verdicts(out)[:2] == [("2021 H1", "uncertain"), ("2021 H2", "uncertain")]
    for label in ("2021 H1", "2021 H2"):
        assert _why(out, label).endswith(
            "cannot meet more than one of them, and the register does not say which. So at least one of 2021 H1 and 2021 H2 is short of its count on every reading of the dates; which one, the register does not say, so neither alone is a violation."
        )


def test_two_year_only_meetings_between_two_halves_may_meet_both(tmp_path):
    """The same with two Board rows of `2021` (one in Rome: two meetings, rows known only to
    the year are not paired): one may have been held in each half, so nothing is surely
    short, and no why says so."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2021\n'
    out = _check(tmp_path, book, "board,regular,,2021,,held,,,\nboard,regular,,2021,,held,Rome,,\n", "2022-03-01")
    assert _verdicts(out)[:2] == [("2021 H1", "uncertain"), ("2021 H2", "uncertain")]
    assert all("is short of its count" not in f["why"] for f in out["findings"])


def test_a_year_only_meeting_among_quarters_names_the_ones_it_may_fill(tmp_path):
    """Once a quarter since 2021: Boards 2021-03-15 (Q1 met), `2021`, `2021-11` (Q4 met).
    Q2 and Q3 each may be met by Board 2021, which fills one at most: at least one of 2021
    Q2 and 2021 Q3 is short. A window still running (2022 Q1, open) is no part of it."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\nsince = 2021\n'
    rows = "board,regular,,2021-03-15,,held,,,\nboard,regular,,2021,,held,,,\nboard,regular,,2021-11,,held,,,\n"
    out = _check(tmp_path, book, rows, "2022-03-01")
    assert _verdicts(out) == [("2021 Q1", "met"), ("2021 Q2", "uncertain"), ("2021 Q3", "uncertain"), ("2021 Q4", "met"), ("2022 Q1", "open")]
    assert "So at least one of 2021 Q2 and 2021 Q3 is short of its count" in _why(out, "2021 Q3")
    assert out["summary"]["violations"] == 0


# -- an excused period covering part of a window counted in days ----------------------------------


def test_an_excused_period_covering_part_of_a_window_in_days_names_the_windows_days(tmp_path):
    """`every 60d`: Board 2020-01-01, then 2020-06-01; excused 2020-03-01..2020-03-31. The
    first window runs 2020-01-02..2020-03-01 (due 2020-03-01): the excused month covers only
    its last day, so it is judged: missed. The next, 2020-03-02..2020-04-30: late 32 days
    (held 2020-06-01), the excused month covering part of it. The why said "covers only part
    of 2020-03-01", a day it covers whole: it names the window's days."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "60d"\nexcused = [{ start = 2020-03-01, end = 2020-03-31, reason = "pandemic" }]\n'
    out = _check(tmp_path, book, "board,regular,,2020-01-01,,held,,,\nboard,regular,,2020-06-01,,held,,,\n", "2020-07-01")
    assert _verdicts(out) == [("2020-03-01", "missed"), ("2020-04-30", "late"), ("2020-07-31", "open")]
    assert _why(out, "2020-03-01").endswith("Not excused: the excused period 2020-03-01 to 2020-03-31 (pandemic) covers only part of the window 2020-01-02..2020-03-01 (due 2020-03-01).")
    assert _why(out, "2020-04-30").endswith("covers only part of the window 2020-03-02..2020-04-30 (due 2020-04-30).")


def test_an_excused_period_covering_a_due_year_excuses_it_and_part_of_it_does_not(tmp_path):
    """`every 2y` rolling: Board 2018-05-01, then 2023-05-01, as of 2023-06-01. Due 2020.
    Excused 2020 (the due year whole): 2020 excused, the chain goes on from 2020: 2022 due,
    held 2023: late 1 year. Excused 2020-01..2020-06 only: 2020 missed ("covers only part
    of 2020"), 2022 late. Excused 2019 (a year of the window before the due year): the due
    year is not excused: 2020 missed, nothing said of 2019."""
    rows = "board,regular,,2018-05-01,,held,,,\nboard,regular,,2023-05-01,,held,,,\n"
    rule = '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nexcused = [{{ start = {}, end = {}, reason = "pandemic" }}]\n'
    out = _check(tmp_path, BOARD + rule.format("2020", "2020"), rows, "2023-06-01")
    assert _verdicts(out) == [("2020", "excused"), ("2022", "late"), ("2025", "open")]
    out = _check(tmp_path, BOARD + rule.format('"2020-01"', '"2020-06"'), rows, "2023-06-01")
    assert _verdicts(out) == [("2020", "missed"), ("2022", "late"), ("2025", "open")]
    assert _why(out, "2020").endswith("Not excused: the excused period 2020-01 to 2020-06 (pandemic) covers only part of 2020.")
    out = _check(tmp_path, BOARD + rule.format("2019", "2019"), rows, "2023-06-01")
    assert _verdicts(out) == [("2020", "missed"), ("2022", "late"), ("2025", "open")] and "excused" not in _why(out, "2020")


# -- corners pinned as they stand (hand answers matched) ------------------------------------------


def test_a_weekly_floor_across_a_year_end_judges_iso_weeks(tmp_path):
    """At least once a week since Monday 2026-12-21 (DESIGN: ISO weeks): 2026 has 53 ISO weeks
    (1 January 2026 is a Thursday), so 2026-W53 runs 2026-12-28..2027-01-03. Boards
    2026-12-30 and 2027-01-05; as of 2027-01-12: W52 missed, W53 met (by 12-30), 2027-W01
    (01-04..01-10) met, 2027-W02 open, due by 2027-01-17. No calendar week 2026-12-28..31."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "week"\nsince = 2026-12-21\n'
    out = _check(tmp_path, book, "board,regular,,2026-12-30,,held,,,\nboard,regular,,2027-01-05,,held,,,\n", "2027-01-12")
    assert _verdicts(out) == [("2026-W52", "missed"), ("2026-W53", "met"), ("2027-W01", "met"), ("2027-W02", "open")]
    assert out["findings"][1]["window"]["start"] == "2026-12-28" and out["findings"][1]["window"]["end"] == "2027-01-03"
    assert out["findings"][3]["due_by"] == "2027-01-17"


def test_a_quarterly_floor_from_a_founding_mid_quarter_begins_with_the_next_quarter(tmp_path):
    """Once a quarter, `established = 2026-02-15`: a floor is judged from its first whole
    period (README, Start), so 2026 Q1 is not judged even with a meeting in it (2026-03-01);
    2026 Q2 missed, Q3 open as of 2026-09-12."""
    book = BOARD + 'established = 2026-02-15\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\n'
    out = _check(tmp_path, book, "board,regular,,2026-03-01,,held,,,\n", "2026-09-12")
    assert _verdicts(out) == [("2026 Q2", "missed"), ("2026 Q3", "open")]


def test_records_in_two_ranges_make_the_years_between_them_unknown(tmp_path):
    """Yearly since 2014; records complete 2015-2017 and from 2020; one Board, 2016-05-01;
    as of 2021-06-01: 2014 unknown (before the records), 2015 missed, 2016 met, 2017
    missed, 2018 and 2019 unknown (between the ranges), 2020 missed, 2021 open."""
    book = BOARD.replace('host = "secretariat"\n', 'host = "secretariat"\nrecords = [{ start = 2015, end = 2017 }, { start = 2020 }]\n')
    book += '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2014\n'
    out = _check(tmp_path, book, "board,regular,,2016-05-01,,held,,,\n", "2021-06-01")
    assert _verdicts(out) == [
        ("2014", "unknown"), ("2015", "missed"), ("2016", "met"), ("2017", "missed"),
        ("2018", "unknown"), ("2019", "unknown"), ("2020", "missed"), ("2021", "open"),
    ]  # fmt: skip
    assert "2015-01-01..2017-12-31" in _why(out, "2018") and "2020-01-01" in _why(out, "2018")


def test_a_meeting_postponed_into_the_next_window_answers_its_own_window_late(tmp_path):
    """`every 1y`: the 4th 2020-06-01; the 5th planned 2021-11-10 is recorded postponed, then
    held 2022-02-01. Due 2021: the postponed row counts for nothing (named, "postponed");
    the 5th answers 2021 a year late, and the chain goes on from 2022: 2023 open."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    rows = "board,regular,4,2020-06-01,,held,,,\nboard,regular,5,2021-11-10,,postponed,,,\nboard,regular,5,2022-02-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert _verdicts(out) == [("2021", "late"), ("2023", "open")] and out["findings"][0]["delay"] == "1 year"
    assert "Not counted: Board 2021-11-10 (5th) (postponed)." in _why(out, "2021")


def test_a_cancelled_row_whose_number_was_later_held_counts_where_it_was_held(tmp_path):
    """Yearly since 2020: the 5th cancelled 2021-05-01, held 2021-09-01 under the same number:
    2021 met by 2021-09-01, the cancelled row named as not counted."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\n'
    rows = "board,regular,4,2020-06-01,,held,,,\nboard,regular,5,2021-05-01,,cancelled,,,\nboard,regular,5,2021-09-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert _verdicts(out) == [("2020", "met"), ("2021", "met"), ("2022", "open")]
    assert _why(out, "2021") == "2021: 1 of 1 required, at least once a year: Board 2021-09-01 (5th). Not counted: Board 2021-05-01 (5th) (cancelled)."


def test_online_and_hybrid_meetings_do_not_count_for_meetings_in_person(tmp_path):
    """Yearly, `formats = ["in_person"]`: 2020 online only: missed, "Not counted: online";
    2021 hybrid then in person: met by the one in person, the hybrid one named."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\nformats = ["in_person"]\n'
    rows = "board,regular,,2020-06-01,,held,,,online\nboard,regular,,2021-06-01,,held,,,hybrid\nboard,regular,,2021-07-01,,held,,,in_person\n"
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert _verdicts(out) == [("2020", "missed"), ("2021", "met"), ("2022", "open")]
    assert _why(out, "2020").endswith("Not counted: online: Board 2020-06-01.")
    assert _why(out, "2021").endswith("Board 2021-07-01. Not counted: hybrid: Board 2021-06-01.")


def test_a_ceiling_counts_each_meeting_in_the_quarter_it_opens(tmp_path):
    """At most once a quarter since 2020: 2020-03-31 (Q1), 2020-04-01 (Q2), 2020-06-30..07-01
    (opens in Q2): Q1 met, Q2 excess (2), Q3 met (0, the meeting that runs into it opened in
    Q2), Q4 open, as of 2020-12-01."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "quarter"\nsince = 2020\n'
    rows = "board,regular,,2020-03-31,,held,,,\nboard,regular,,2020-04-01,,held,,,\nboard,regular,,2020-06-30,2020-07-01,held,,,\n"
    out = _check(tmp_path, book, rows, "2020-12-01")
    assert _verdicts(out) == [("2020 Q1", "met"), ("2020 Q2", "excess"), ("2020 Q3", "met"), ("2020 Q4", "open")]


def test_a_monthly_rolling_rule_with_a_tolerance_in_days(tmp_path):
    """`every 1m`, `tolerance = "10d"`: Board 2021-01-15, due 2021-02 (by 02-28, tolerated to
    03-10): 2021-03-05 meets it within the tolerance; the chain goes on from March: due
    2021-04, met by 2021-04-20; then 2021-05 open, due by 2021-06-10 (its tolerance)."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1m"\ntolerance = "10d"\n'
    rows = "board,regular,,2021-01-15,,held,,,\nboard,regular,,2021-03-05,,held,,,\nboard,regular,,2021-04-20,,held,,,\n"
    out = _check(tmp_path, book, rows, "2021-05-10")
    assert _verdicts(out) == [("2021-02", "met"), ("2021-04", "met"), ("2021-05", "open")]
    assert _why(out, "2021-02").endswith("Held within the tolerance.") and out["findings"][2]["due_by"] == "2021-06-10"


def test_a_rolling_chain_in_months_through_two_missed_windows(tmp_path):
    """`every 6m`: Board 2020-03-10 (due 2020-09), nothing until 2022-02-01: 2020-09 missed,
    2021-03 missed (from the missed window's period), 2021-09 late by 5 months (the last
    window whose deadline it missed; 2022-03's deadline it kept), 2022-08 open."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "6m"\n'
    out = _check(tmp_path, book, "board,regular,,2020-03-10,,held,,,\nboard,regular,,2022-02-01,,held,,,\n", "2022-06-01")
    assert _verdicts(out) == [("2020-09", "missed"), ("2021-03", "missed"), ("2021-09", "late"), ("2022-08", "open")]
    assert out["findings"][2]["delay"] == "5 months"


def test_a_pair_too_close_across_a_half_year_end_counts_in_the_first_half(tmp_path):
    """Once a half, `min_gap = "60d"`: Boards 2021-06-20 and 2021-07-10 (20 days apart): the
    first counts, in H1; the second counts once with it, so H2 is missed, naming it."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nmin_gap = "60d"\nsince = 2021\n'
    out = _check(tmp_path, book, "board,regular,,2021-06-20,,held,,,\nboard,regular,,2021-07-10,,held,,,\n", "2022-03-01")
    assert _verdicts(out) == [("2021 H1", "met"), ("2021 H2", "missed"), ("2022 H1", "open")]
    assert "Not counted: Board 2021-07-10 (less than 60 days after a counted meeting" in _why(out, "2021 H2")


def test_a_two_yearly_grid_anchored_on_29_february(tmp_path):
    """`every 2y` grid, `anchor = 2020-02-29` (years: the day only names the year): due 2020,
    2022, 2024, ...; Boards 2020-02-29 (met), 2023-02-28 (2022 a year late: 2023 is no grid
    year), 2024-03-01 (met); 2026 open, 2028 next."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2020-02-29\n'
    rows = "board,regular,,2020-02-29,,held,,,\nboard,regular,,2023-02-28,,held,,,\nboard,regular,,2024-03-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2026-06-30")
    assert _verdicts(out) == [("2020", "met"), ("2022", "late"), ("2024", "met"), ("2026", "open"), ("2028", "open")]


def test_an_after_window_with_a_tolerance_takes_a_spare_meeting_only(tmp_path):
    """Board 1 year after each Summit, `tolerance = "6m"`: Summits 2020-03-10 and 2021-09-10,
    due 2021 and 2022. Boards 2022-03-01 and 2022-10-01: 2022 is met by one of them, so the
    other, 2022-03-01 (by 2022-06-30), serves 2021 within its tolerance: both met. Board
    2022-03-01 alone: it serves its own period, 2022; 2021 missed, naming it."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "1y"\ntolerance = "6m"\n'
    summits = "summit,regular,1,2020-03-10,,held,,,\nsummit,regular,2,2021-09-10,,held,,,\n"
    out = _check(tmp_path, book, summits + "board,regular,,2022-03-01,,held,,,\nboard,regular,,2022-10-01,,held,,,\n", "2023-03-01")
    assert _verdicts(out) == [("2021", "met"), ("2022", "met")]
    out = _check(tmp_path, book, summits + "board,regular,,2022-03-01,,held,,,\n", "2023-03-01")
    assert _verdicts(out) == [("2021", "missed"), ("2022", "met")]
    assert _why(out, "2021").endswith("Not counted: Board 2022-03-01 (counted for another window of this rule).")


def test_two_origins_in_one_period_one_of_them_unconfirmed(tmp_path):
    """Board 2 years after each Summit: the 1st held 2020-03-10, the 2nd planned 2020-09-10
    (passed, unconfirmed), the 3rd planned 2021-09-10 (passed, unconfirmed); as of
    2024-03-01. 2022 is due after the 1st whatever became of the 2nd: missed, naming both.
    2023 exists only because of the 3rd: uncertain, never missed."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "2y"\n'
    rows = "summit,regular,1,2020-03-10,,held,,,\nsummit,regular,2,2020-09-10,,planned,,,\nsummit,regular,3,2021-09-10,,planned,,,\n"
    out = _check(tmp_path, book, rows, "2024-03-01")
    assert _verdicts(out) == [("2022", "missed"), ("2023", "uncertain")]
    assert "the 1st Summit (2020-03-10) and the 2nd Summit (2020-09-10, planned)" in _why(out, "2022")


def test_sessions_held_together_merge_only_within_one_body(tmp_path):
    """Twice a year, `count_by = "event"`, for a Summit and a Council meeting jointly in Rome:
    Summits 10th 2021-05-10, 11th 2021-11-10, 12th 2021-11-11 (the 11th and 12th one event);
    Council 3rd 2021-05-11 and 4th 2021-11-10..11 beside them. Each body counts its own: the
    Summit 2 events (met, "Merged: ..."), the Council 2 meetings (met): a joint meeting of
    another body neither merges with nor counts for this one."""
    rule = '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2021\ncount_by = "event"\n'
    book = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n' + rule + '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "governing"\n' + rule
    rows = (
        "summit,regular,10,2021-05-10,,held,Rome,,\ncouncil,regular,3,2021-05-11,,held,Rome,,\nsummit,regular,11,2021-11-10,,held,Rome,,\n"
        "summit,regular,12,2021-11-11,,held,Rome,,\ncouncil,regular,4,2021-11-10,2021-11-11,held,Rome,,\n"
    )
    out = _check(tmp_path, book, rows, "2022-03-01")
    found = {(f["body"], f["window"]["label"]): f for f in out["findings"]}
    assert found["summit", "2021"]["verdict"] == "met" and "Merged: Summit 2021-11-10 (11th, Rome) and Summit 2021-11-11 (12th, Rome)" in found["summit", "2021"]["why"]
    assert found["council", "2021"]["verdict"] == "met" and "Merged" not in found["council", "2021"]["why"]


# -- `--today` inside an open window: what `min_gap` leaves room for ------------------------------


def test_an_open_window_says_when_min_gap_leaves_no_day_for_what_is_still_due(tmp_path):
    """Twice a year since 2026, `min_gap = "120d"`: Board 2026-10-01, as of 2026-11-01. 1
    still due by 2026-12-31, but a meeting counts only from 2027-01-29 (120 days on): the
    window is still running (`open`, no violation yet), and its why says none held by then
    can count. As of 2026-08-01 (the Board then scheduled): room for both, nothing said."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "120d"\nsince = 2026\n'
    out = _check(tmp_path, book, "board,regular,,2026-10-01,,held,,,\n", "2026-11-01")
    assert _verdicts(out) == [("2026", "open")] and out["findings"][0]["still_due"] == 1
    assert _why(out, "2026").endswith(
        "1 still due by 2026-12-31, at least twice a year. With meetings closer than 120 days counting once, none held by then can count: the next counts from 2027-01-29, 120 days after the meeting counted on 2026-10-01."
    )
    assert "counting once" not in _why(_check(tmp_path, book, "board,regular,,2026-10-01,,held,,,\n", "2026-08-01"), "2026")


def test_an_open_window_says_when_the_days_left_hold_fewer_than_are_still_due(tmp_path):
    """Three times a year since 2026, 120 days apart, nothing held: as of 2026-06-01, 06-01,
    09-29 and 2027-01-27 are the first days that could count, so 2 of the 3 fit by
    2026-12-31; as of 2026-01-01, 4 fit: nothing said."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 3\nper = "year"\nmin_gap = "120d"\nsince = 2026\n'
    out = _check(tmp_path, book, "", "2026-06-01")
    assert _verdicts(out) == [("2026", "open")]
    assert _why(out, "2026").endswith("only 2 more can count: even the first held today leaves too few days for the rest.")
    assert "counting once" not in _why(_check(tmp_path, book, "", "2026-01-01"), "2026")


def test_an_open_window_names_the_unconfirmed_meeting_that_may_excuse_it(tmp_path):
    """`every 1y`, `except_when = ["summit"]`: Board 2023-03-01, so 2024 due; a Summit
    planned 2024-06-01, as of 2024-08-01 not recorded as held. A passed plan no longer
    excuses (README), and the window still runs: `open`, 1 still due by 2024-12-31, and its
    why now says it is excused if the Summit was held (a closed window would be `uncertain`
    with the same words). As of 2024-05-01, the plan still ahead: `excused`."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\nexcept_when = ["summit"]\n'
    rows = "summit,regular,,2024-06-01,,planned,,,\nboard,regular,,2023-03-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2024-08-01")
    (f,) = [f for f in out["findings"] if f["body"] == "board"]
    assert (f["window"]["label"], f["verdict"], f["still_due"]) == ("2024", "open", 1)
    assert f["why"].endswith("1 still due by 2024-12-31, 1 year after the Board of 2023-03-01. Excused if Summit 2024-06-01 was held: it was planned but is not recorded as held.")
    (f,) = [f for f in _check(tmp_path, book, rows, "2024-05-01")["findings"] if f["body"] == "board"]
    assert f["verdict"] == "excused"


# -- a ceiling in doubt names the meetings it saw -----------------------------------------------


def test_a_ceiling_in_doubt_names_the_meetings_certain_and_in_doubt(tmp_path):
    """At most once a half since 2021: Board 2021-05-10 (1st, Rome) and a Board known only as
    `2021`: H1 has one for certain and may have a second: `uncertain`. Its why said only "1
    meeting for certain and 1 dated too loosely to place" (DESIGN: every finding names the
    meetings it used); it names both. At most once a year with `count_by = "event"`, the 5th
    and 6th on 2023-05-10 and 11 with no city: one event or two, `uncertain`, naming the 6th
    as in doubt and the 5th as certain."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "half"\nsince = 2021\n'
    out = _check(tmp_path, book, "board,regular,1,2021-05-10,,held,Rome,,\nboard,regular,,2021,,held,,,\n", "2022-03-01")
    assert _verdicts(out) == [("2021 H1", "uncertain"), ("2021 H2", "met"), ("2022 H1", "open")]
    assert _why(out, "2021 H1") == (
        "2021 H1: 1 meeting for certain and 1 dated too loosely to place: Board 2021 (the register gives only 2021; in 2021 H1 if held 2021-01-01..2021-06-30); at most 1 allowed. For certain: Board 2021-05-10 (1st, Rome)."
    )
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2023\ncount_by = "event"\n'
    out = _check(tmp_path, book, "board,regular,5,2023-05-10,,held,,,\nboard,regular,6,2023-05-11,,held,,,\n", "2024-03-01")
    assert _verdicts(out)[0] == ("2023", "uncertain") and out["summary"]["violations"] == 0
    assert _why(out, "2023") == (
        "2023: 1 meeting for certain and 1 in doubt: no city is recorded to tell whether Board 2023-05-11 (6th) was held with another session (one event) or apart; at most 1 allowed. For certain: Board 2023-05-10 (5th)."
    )


# -- a rolling chain from a founding known only to the year -------------------------------------


def test_a_rolling_chain_from_a_founding_known_only_to_the_year_is_uncertain_where_a_later_founding_owes_nothing(tmp_path):
    """`every 6m`, `established = 2020`, no meeting. Founded 2020-01: due 2020-07, 2021-01,
    2021-07, ...; founded 2020-12: due 2021-06, 2021-12, .... As of 2021-03-01 the first two
    were `missed` on the first reading only (founded in December, nothing was due yet): both
    `uncertain`, 0 violations. As of 2022-03-01: the first two windows of the chain closed on
    every reading (by 2021-06-30 and 2021-12-31 at the latest): `missed`; the next two only on
    the earlier readings: `uncertain`. With Board 2021-05-01: due 2021-06 on the latest
    reading, met; 2021-01's "4 months late" is `uncertain` (it was a violation)."""
    book = BOARD + 'established = 2020\n[[bodies.rules]]\nkind = "every"\ninterval = "6m"\n'
    result = _run(tmp_path, book, "", "2021-03-01")
    out = json.loads(result.stdout)
    assert _verdicts(out) == [("2020-07", "uncertain"), ("2021-01", "uncertain"), ("2021-07", "open")] and result.exit_code == 0
    assert _why(out, "2020-07").endswith(
        "Uncertain: the chain counts from the founding, which the rule book dates only as 2020 (2020-01-01 to 2020-12-31): due 2020-07 if the Board was established in 2020-01; established as late as 2020-12-31, this window of the chain was no violation."
    )
    out = _check(tmp_path, book, "", "2022-03-01")
    assert _verdicts(out) == [("2020-07", "missed"), ("2021-01", "missed"), ("2021-07", "uncertain"), ("2022-01", "uncertain"), ("2022-07", "open")]
    assert _why(out, "2021-01").endswith("A violation on every reading of the founding, which the rule book dates only as 2020: due by 2021-12-31 had it been on 2020-12-31.")
    out = _check(tmp_path, book, "board,regular,,2021-05-01,,held,,,\n", "2021-08-01")
    assert _verdicts(out) == [("2020-07", "uncertain"), ("2021-01", "uncertain"), ("2021-11", "open")]
    assert out["findings"][1]["delay"] in (None, "") and out["summary"]["violations"] == 0


def test_a_rolling_chain_from_a_founding_known_to_its_period_is_judged_as_before(tmp_path):
    """`every 2y`, `established = 2020`: every day of 2020 gives the same due year (2022), so
    nothing depends on the day: as of 2023-06-01, 2022 `missed` as before, no words added."""
    book = BOARD + 'established = 2020\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
    out = _check(tmp_path, book, "", "2023-06-01")
    assert _verdicts(out)[0] == ("2022", "missed") and "reading" not in _why(out, "2022")


def test_a_grid_that_never_met_from_a_founding_known_only_to_the_year_owes_what_every_phase_owes(tmp_path):
    """`every 6m` on the grid, no `anchor`, no meeting, `established = 2020`: the phase is the
    founding's month (README). Founded on 2020-01-01: 2020-01, 2020-07, 2021-01 closed by
    2021-03-01 (they were all `missed`); founded on 2020-12-02 (December not whole): first
    2021-06, nothing closed. So as of 2021-03-01 none is certain: all three `uncertain`, exit
    0. As of 2022-03-01 every founding day leaves at least two windows closed with nothing
    (2021-06 and 2021-12 on 2020-12-02; three on 2020-12-01): the first two `missed`, saying
    so, the rest `uncertain`."""
    book = BOARD + 'established = 2020\n[[bodies.rules]]\nkind = "every"\ninterval = "6m"\nmode = "grid"\n'
    result = _run(tmp_path, book, "", "2021-03-01")
    out = json.loads(result.stdout)
    assert _verdicts(out) == [("2020-01", "uncertain"), ("2020-07", "uncertain"), ("2021-01", "uncertain"), ("2021-07", "open")] and result.exit_code == 0
    assert "is due only if the Board was established in 2020-01, and other founding days make other periods due." in _why(out, "2021-01")
    out = _check(tmp_path, book, "", "2022-03-01")
    assert [v for _, v in _verdicts(out)] == ["missed", "missed", "uncertain", "uncertain", "uncertain", "open"]
    assert _why(out, "2020-07").endswith("whatever its day, 2 windows of the grid closed with nothing by 2022-03-01.")
