"""A twenty-fourth audit: README's "The rule book", "Semantics" and "Record coverage" read as an
outsider, each case on the smallest rule book and register, its answer worked out by hand in
the docstring before planner ran (a rolling chain with a number the register skips, versions
inside a rolling chain, month-only dates with `min_gap` and `after`, postponed rows beside
their new dates, `--today` on a window's last day inside a meeting, a body founded on 29
February, "monthly except August", ...). Where planner differed, the documented semantics
decided; where the rule book could not say a real text, it says it now (`except_months`)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main
from tests.semantics.test_semantics_audit5 import HEAD, _invoke
from tests.semantics.test_semantics_audit15 import BOARD
from tests.semantics.test_semantics_audit20 import SUMMIT, _check, _rows, _verdicts, _why

EVERY_12M = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "12m"\n'


def _rule(kind: str, **keys: object) -> str:
    """The Board with one rule of ``kind``; values are TOML already (strings quoted by the caller)."""
    return BOARD + f'[[bodies.rules]]\nkind = "{kind}"\n' + "".join(f"{k} = {v}\n" for k, v in keys.items())


# -- a rolling chain with a number the register skips ---------------------------------------------


def test_a_rolling_chain_over_a_skipped_number_leaves_both_windows_unknown(tmp_path):
    """Every 12 months after the previous (rolling, months); the 4th Board 2018-05-01 and the
    6th 2021-03-01. By hand: the 5th was held between them, in a month m the register does
    not give. m in 2018-05..2019-05 meets the window due 2019-05, and the 6th is then late for
    m + 12 (or m + 24); m in 2019-06..2021-02 answers 2019-05 late, and the 6th meets m + 12
    when m is 2020-03 or later. On every reading some window is late (2021-03 is more than
    24 months after 2018-05), but which one the register does not say: 2019-05 and 2020-05 are
    each `unknown`, no violation counted, the chain then running from the 6th (2022-03). Each
    why now says that one window missed its deadline on every reading, as a fixed rule's
    windows say "short on every reading" (it said only that the 5th may be in the window)."""
    rows = _rows("board,regular,4,2018-05-01,,held,,", "board,regular,6,2021-03-01,,held,,")
    out = _check(tmp_path, EVERY_12M, rows, "2021-06-01")
    assert _verdicts(out) == [("2019-05", "unknown"), ("2020-05", "unknown"), ("2022-03", "open")]
    assert "the 5th is not recorded and may have been held in this window" in _why(out, "2020-05")
    said = (
        "On every reading at least one window from Board 2018-05-01 (4th) to Board 2021-03-01 (6th) missed its deadline:"
        " with 1 meeting between them, every 12 months, they could be at most 24 months apart on time, and they are 34."
        " Which window, the register does not say, so none alone is a violation."
    )
    assert said in _why(out, "2019-05") and said in _why(out, "2020-05")
    assert out["summary"]["violations"] == 0


def test_a_rolling_chain_two_skipped_numbers_can_keep_says_nothing_more(tmp_path):
    """The same, the 7th on 2021-03-01 (the 5th and 6th unrecorded). By hand: the 5th in
    2019-05 and the 6th in 2020-05 keep every link (2021-03 is within 36 months of 2018-05):
    both windows `unknown`, and nothing said of every reading."""
    rows = _rows("board,regular,4,2018-05-01,,held,,", "board,regular,7,2021-03-01,,held,,")
    out = _check(tmp_path, EVERY_12M, rows, "2021-06-01")
    assert _verdicts(out)[:2] == [("2019-05", "unknown"), ("2020-05", "unknown")]
    assert "On every reading" not in _why(out, "2019-05") + _why(out, "2020-05")


def test_a_rolling_chain_in_years_and_in_days_over_a_skipped_number(tmp_path):
    """Every 4 years: the 5th 2010-06-01 and the 7th 2020-03-01 are 10 years apart, one
    meeting between: at most 8 on time, so one window late on every reading. Every 100 days
    (customary): the 5th 2021-01-10 and the 7th 2021-07-31, 202 days, at most 200: the same,
    and none alone is an advisory."""
    years = _check(tmp_path, _rule("every", interval='"4y"'), _rows("board,regular,5,2010-06-01,,held,,", "board,regular,7,2020-03-01,,held,,"), "2022-06-01")
    assert _verdicts(years)[:2] == [("2014", "unknown"), ("2018", "unknown")]
    assert "they could be at most 8 years apart on time, and they are 10" in _why(years, "2018")
    days = _check(tmp_path, _rule("every", interval='"100d"', binding="false"), _rows("board,regular,5,2021-01-10,,held,,", "board,regular,7,2021-07-31,,held,,"), "2021-09-01")
    assert _verdicts(days)[:2] == [("2021-04-20", "unknown"), ("2021-07-29", "unknown")]
    assert "at most 200 days apart on time, and they are 202. Which window, the register does not say, so none alone is an advisory." in _why(days, "2021-04-20")


def test_a_row_not_held_between_two_numbers_does_not_account_for_the_skipped_one(tmp_path):
    """Once a year from 2010; the 5th 2010-06-01 and the 7th 2013-06-01, and between them an
    unnumbered Board of 2012-06-01 that was cancelled, postponed, or planned and never
    confirmed held. By hand: the numbers say a 6th was held between 2010-06-01 and
    2013-06-01. A cancelled or postponed row was not held on its days, so the 6th is another
    meeting, on a day the register does not give (or, if the row was the 6th called off,
    none was held): 2011 and 2012 each `unknown`, one of them short on every reading. An
    unconfirmed plan may have been the 6th (then 2011 is short) or not (then the 6th may be
    in 2011): 2011 `unknown`, 2012 `uncertain` (met if held as planned). Each was `missed`
    (2011 always, 2012 for the cancelled and postponed rows): the row was taken for the 6th
    as a held unnumbered row is (README, "Record coverage"), more certain than the data."""
    for status, verdict_2012 in (("cancelled", "unknown"), ("postponed", "unknown"), ("planned", "uncertain")):
        rows = _rows("board,regular,5,2010-06-01,,held,,", f"board,regular,,2012-06-01,,{status},,", "board,regular,7,2013-06-01,,held,,")
        out = _check(tmp_path, _rule("at_least", count=1, per='"year"', since=2010), rows, "2014-06-01")
        assert _verdicts(out)[:4] == [("2010", "met"), ("2011", "unknown"), ("2012", verdict_2012), ("2013", "met")], status
        assert "the 6th is not recorded and may have been held in this window" in _why(out, "2011")
        assert out["summary"]["violations"] == 0


def test_a_skipped_number_before_a_meeting_inside_the_first_window_changes_nothing(tmp_path):
    """The same chain, the 6th on 2019-03-01. By hand: the 5th lies between 2018-05-01 and
    2019-03-01, inside the window due 2019-05 like the 6th: met on every reading, and the
    chain goes on from the 6th (due 2020-03, missed; 2021-03 missed), whatever the 5th's day:
    the 6th is the later meeting on every reading."""
    rows = _rows("board,regular,4,2018-05-01,,held,,", "board,regular,6,2019-03-01,,held,,")
    out = _check(tmp_path, EVERY_12M, rows, "2021-06-01")
    assert _verdicts(out) == [("2019-05", "met"), ("2020-03", "missed"), ("2021-03", "missed"), ("2022-03", "open")]


def test_a_skipped_number_under_a_tolerance_that_meets_every_reading_leaves_it_met(tmp_path):
    """Every year (rolling) with a tolerance of 3 months; the 4th 2019-05-01 and the 6th
    2021-03-01. By hand: the 5th held in 2019 or 2020 meets the window due 2020, and the 6th
    then meets 2021; held in 2021-01..2021-02 it meets 2020 within the tolerance, and the 6th
    is in 2021. As the register stands the 6th meets 2020 within the tolerance. Met on every
    reading: `met`, not `unknown`; 2022 (after the 6th) missed."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\ntolerance = "3m"\n'
    rows = _rows("board,regular,4,2019-05-01,,held,,", "board,regular,6,2021-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2023-06-01")
    assert _verdicts(out)[:2] == [("2020", "met"), ("2022", "missed")]


def test_a_skipped_number_inside_a_version_change_of_a_rolling_chain_stays_unknown(tmp_path):
    """Every 12 months until 2020-06-30, then every 6 months (one rule, `id`); the 4th
    2019-09-15 and the 6th 2021-06-10. By hand: the window after the 4th starts 2019-09-16
    under the first version, due 2020-09. A 5th held in 2020-06 meets it, and the window after
    it starts in June under the first version again: due 2021-06, which the 6th meets. So
    neither 2020-09 nor 2021-03 is short on every reading: both `unknown`; after the 6th, the
    6-month chain is missed in 2021-12 and 2022-06."""
    book = BOARD + (
        '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "12m"\nuntil = 2020-06-30\n'
        '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "6m"\nsince = 2020-07-01\n'
    )
    rows = _rows("board,regular,4,2019-09-15,,held,,", "board,regular,6,2021-06-10,,held,,")
    out = _check(tmp_path, book, rows, "2022-08-01")
    assert _verdicts(out) == [("2020-09", "unknown"), ("2021-03", "unknown"), ("2021-12", "missed"), ("2022-06", "missed"), ("2022-12", "open")]


# -- versions inside a rolling chain -------------------------------------------------------------


def test_a_version_taking_over_after_a_missed_window_judges_the_late_meeting_once(tmp_path):
    """Every year until 2019, then every 3 years (one rule); Boards 2018-05-01 and
    2022-06-01. By hand: the window after 2018 starts 2018-05-02 under the first version,
    due 2019. Nothing in 2019; the 2022 meeting is late for the last window whose deadline
    it missed (README, "Silences stay on the record": Summits 2014 then 2019 make 2018
    late), and the window after the missed 2019 would be due 2022 under the second version,
    which 2022-06-01 is not past: 2019 `late` by 3 years, and the chain goes on from 2022
    under the version in force then: due 2025."""
    book = BOARD + (
        '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "1y"\nuntil = 2019-12-31\n'
        '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "3y"\nsince = 2020-01-01\n'
    )
    rows = _rows("board,regular,,2018-05-01,,held,,", "board,regular,,2022-06-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-08-01")
    assert _verdicts(out) == [("2019", "late"), ("2025", "open")]
    assert "3 years late" in _why(out, "2019")


def test_a_finer_version_takes_over_a_rolling_chain_at_the_next_window(tmp_path):
    """Every 12 months until 2020-06-30, then every 6 months; Boards 2019-09-15 and
    2020-09-10. By hand: due 2020-09 (the window starts 2019-09-16, first version), met by
    2020-09-10; the next window starts 2020-09-11, second version: due 2021-03, missed, then
    2021-09 and 2022-03 missed, 2022-09 open as of 2022-08-01."""
    book = BOARD + (
        '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "12m"\nuntil = 2020-06-30\n'
        '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "6m"\nsince = 2020-07-01\n'
    )
    rows = _rows("board,regular,,2019-09-15,,held,,", "board,regular,,2020-09-10,,held,,")
    out = _check(tmp_path, book, rows, "2022-08-01")
    assert _verdicts(out) == [("2020-09", "met"), ("2021-03", "missed"), ("2021-09", "missed"), ("2022-03", "missed"), ("2022-09", "open")]


# -- month-only dates with min_gap and after ------------------------------------------------------

TWICE_60D = _rule("at_least", count=2, per='"year"', min_gap='"60d"', since=2021)


def test_a_month_only_row_too_close_on_every_day_counts_once_with_the_next(tmp_path):
    """Twice a year, meetings closer than 60 days counting once; Boards `2021-03` and
    2021-04-20, nothing else. By hand: March 1 to 31 is 20 to 50 days before 20 April: under
    60 on every reading, so they count once: 2021 `missed` (1 of 2), not `uncertain`."""
    out = _check(tmp_path, TWICE_60D, _rows("board,regular,,2021-03,,held,,", "board,regular,,2021-04-20,,held,,"), "2022-06-01")
    assert _verdicts(out)[0] == ("2021", "missed")


def test_a_month_only_row_the_gap_depends_on_is_uncertain_with_its_days(tmp_path):
    """The same, the first Board `2021-02`. By hand: 1 to 28 February is 51 to 78 days before
    20 April: 60 or more when held by 2021-02-19. `uncertain`: met if held 2021-02-01..
    2021-02-19, short if 2021-02-20..2021-02-28."""
    out = _check(tmp_path, TWICE_60D, _rows("board,regular,,2021-02,,held,,", "board,regular,,2021-04-20,,held,,"), "2022-06-01")
    assert _verdicts(out)[0] == ("2021", "uncertain")
    assert "met if it was held 2021-02-01..2021-02-19; short if held 2021-02-20..2021-02-28" in _why(out, "2021")


AFTER_30D = SUMMIT + _rule("after", body='"summit"', offset='"30d"')


def test_thirty_days_after_a_month_only_origin_names_the_days_that_meet_it(tmp_path):
    """A Board within 30 days after each Summit; Summit `2020-03`, Board 2020-04-05. By hand:
    the Summit opened on a day S of March; the Board is due by S + 30: met when S + 30 is on or
    after 5 April, S from 2020-03-06; late for S in 2020-03-01..2020-03-05. `uncertain`."""
    out = _check(tmp_path, AFTER_30D, _rows("summit,regular,,2020-03,,held,,", "board,regular,,2020-04-05,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2020-03-31..2020-04-30", "uncertain")]
    assert "late if it was held 2020-03-01..2020-03-05; met if it was held 2020-03-06..2020-03-31" in _why(out, "2020-03-31..2020-04-30")


def test_a_meeting_in_the_month_of_a_month_only_origin_may_precede_it(tmp_path):
    """The same rule; Summit `2020-03`, Board 2020-03-15. By hand: a Board counts after the
    Summit opened; a Summit on 2020-03-15..2020-03-31 makes the Board no answer (before or on
    its day) and leaves nothing after it: met if the Summit opened 2020-03-01..2020-03-14,
    missed otherwise. `uncertain`, never `met`."""
    out = _check(tmp_path, AFTER_30D, _rows("summit,regular,,2020-03,,held,,", "board,regular,,2020-03-15,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2020-03-31..2020-04-30", "uncertain")]
    assert "met if it was held 2020-03-01..2020-03-14; missed if it was held 2020-03-15..2020-03-31" in _why(out, "2020-03-31..2020-04-30")


# -- a postponed row and its new date, both recorded ---------------------------------------------

YEARLY = _rule("at_least", count=1, per='"year"', since=2020)


def test_a_postponed_row_and_its_new_date_leave_the_first_year_missed(tmp_path):
    """Once a year from 2020; the 5th Board postponed from 2020-11-10, held 2021-02-01 under
    its number. By hand: a postponed row was not held on its days: 2020 `missed`, naming it;
    the 5th counts where it was held: 2021 `met`."""
    rows = _rows("board,regular,4,2019-11-10,,held,,", "board,regular,5,2020-11-10,,postponed,,", "board,regular,5,2021-02-01,,held,,")
    out = _check(tmp_path, YEARLY, rows, "2022-06-01")
    assert _verdicts(out)[:2] == [("2020", "missed"), ("2021", "met")]
    assert "Not counted: Board 2020-11-10 (5th) (postponed)" in _why(out, "2020")


def test_a_postponed_row_does_not_add_to_a_ceiling(tmp_path):
    """At most once a year; the 5th postponed from 2021-03-01 and held 2021-06-01, the 6th
    2021-11-01. By hand: two held in 2021 (the 5th once, the 6th): `excess`, the postponed row
    named as not counted."""
    rows = _rows("board,regular,5,2021-03-01,,postponed,,", "board,regular,5,2021-06-01,,held,,", "board,regular,6,2021-11-01,,held,,")
    out = _check(tmp_path, _rule("at_most", count=1, per='"year"', since=2021), rows, "2022-06-01")
    assert _verdicts(out)[0] == ("2021", "excess")
    assert "2 meetings, at most 1 allowed" in _why(out, "2021")


def test_a_postponed_row_with_its_new_date_still_to_come(tmp_path):
    """Once a year; the 4th 2020-03-01, the 5th postponed from `2021-11` to a plan of
    `2022-02`, as of 2022-01-15. By hand: 2021 `missed` (nothing held); 2022 `open`, the
    plan of the 5th scheduled in it."""
    rows = _rows("board,regular,4,2020-03-01,,held,,", "board,regular,5,2021-11,,postponed,,", "board,regular,5,2022-02,,planned,,")
    out = _check(tmp_path, YEARLY, rows, "2022-01-15")
    assert _verdicts(out) == [("2020", "met"), ("2021", "missed"), ("2022", "open")]
    assert "scheduled: Board 2022-02 (5th)" in _why(out, "2022")


def test_a_postponed_origin_starts_no_after_window(tmp_path):
    """A Board 1 year after each Summit; the 7th Summit postponed from 2020-06-01, held
    2021-06-01. By hand: one origin, 2021: the Board due 2022, met by 2022-03-01; no window
    due 2021 (a postponed Summit was not held)."""
    book = SUMMIT + _rule("after", body='"summit"', offset='"1y"')
    rows = _rows("summit,regular,7,2020-06-01,,postponed,,", "summit,regular,7,2021-06-01,,held,,", "board,regular,,2022-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert _verdicts(out) == [("2022", "met")]


def test_a_rolling_chain_runs_past_a_postponed_row_to_the_held_one(tmp_path):
    """Every year (rolling); the 4th 2019-11-10, the 5th postponed from 2020-11-10 and held
    2021-02-01. By hand: due 2020, answered 2021-02-01: `late` by 1 year, naming the
    postponed row; the next due 2022."""
    rows = _rows("board,regular,4,2019-11-10,,held,,", "board,regular,5,2020-11-10,,postponed,,", "board,regular,5,2021-02-01,,held,,")
    out = _check(tmp_path, _rule("every", interval='"1y"'), rows, "2022-06-01")
    assert _verdicts(out) == [("2020", "late"), ("2022", "open")]
    assert "Not counted: Board 2020-11-10 (5th) (postponed)" in _why(out, "2020")


# -- --today on a window's last day, a meeting running through it --------------------------------


def test_a_meeting_opened_by_the_last_day_of_its_year_meets_it_while_running(tmp_path):
    """Once a year; a Board 2021-12-30..2022-01-02, as of 2021-12-31. By hand: it opened on
    30 December, in 2021 and by today: 2021 `met`, not `open`."""
    out = _check(tmp_path, _rule("at_least", count=1, per='"year"', since=2021), _rows("board,regular,,2021-12-30,2022-01-02,held,,"), "2021-12-31")
    assert _verdicts(out) == [("2021", "met")]


def test_a_rolling_window_due_today_after_a_meeting_across_the_year_end_is_open(tmp_path):
    """Every year (rolling); a Board 2020-12-30..2021-01-02 and nothing since, as of
    2021-12-31. By hand: it counts in 2020 (the year it opened); the next window starts the
    day after its last day and is due 2021, whose last day is today: `open`, due by today."""
    out = _check(tmp_path, _rule("every", interval='"1y"'), _rows("board,regular,,2020-12-30,2021-01-02,held,,"), "2021-12-31")
    assert _verdicts(out) == [("2021", "open")]
    assert "1 still due by 2021-12-31" in _why(out, "2021")


def test_a_plan_running_through_the_last_day_of_its_window(tmp_path):
    """Once a year; a Board planned 2021-12-30..2022-01-02. By hand: as of 2021-12-31 the
    window's last day is today, the plan is in its days: `open`, scheduled. As of 2022-01-01
    2021 has closed and the plan is not confirmed held: `uncertain` (met if held as
    planned), never `missed`."""
    rows = _rows("board,regular,,2021-12-30,2022-01-02,planned,,")
    book = _rule("at_least", count=1, per='"year"', since=2021)
    assert _verdicts(_check(tmp_path, book, rows, "2021-12-31")) == [("2021", "open")]
    out = _check(tmp_path, book, rows, "2022-01-01")
    assert _verdicts(out) == [("2021", "uncertain"), ("2022", "open")]
    assert "met if it was held as planned" in _why(out, "2021")


def test_to_on_the_last_day_of_a_year_counts_a_meeting_opened_that_day(tmp_path):
    """Once a year; a Board 2021-12-31..2022-01-02; `--to 2021-12-31`, today 2023. By hand:
    judged as at the close of 2021-12-31, the Board had opened: 2021 `met`."""
    out = _check(tmp_path, _rule("at_least", count=1, per='"year"', since=2021), _rows("board,regular,,2021-12-31,2022-01-02,held,,"), "2023-06-01", "--to", "2021-12-31")
    assert _verdicts(out) == [("2021", "met")]


# -- a body established on 29 February -----------------------------------------------------------

LEAP = BOARD + "established = 2020-02-29\n"


def test_twelve_months_from_a_founding_on_29_february(tmp_path):
    """Every 12 months (rolling) from a founding on 2020-02-29, no meeting. By hand: the
    founding's month 2020-02 plus 12: due 2021-02 (`missed`), then 2022-02, due by
    2022-02-28 (`open` as of 2021-06-01)."""
    out = _check(tmp_path, LEAP + '[[bodies.rules]]\nkind = "every"\ninterval = "12m"\n', "", "2021-06-01")
    assert _verdicts(out) == [("2021-02", "missed"), ("2022-02", "open")]
    assert "1 still due by 2022-02-28" in _why(out, "2022-02")


def test_365_days_from_a_founding_on_29_february(tmp_path):
    """Every 365 days from 2020-02-29: 2020 is a leap year, and 365 days later is
    2021-02-28 (`missed`), then 2022-02-28."""
    out = _check(tmp_path, LEAP + '[[bodies.rules]]\nkind = "every"\ninterval = "365d"\n', "", "2021-06-01")
    assert _verdicts(out) == [("2021-02-28", "missed"), ("2022-02-28", "open")]


def test_a_first_meeting_within_a_year_of_29_february(tmp_path):
    """Once a year, the first meeting within 1 year of a founding on 2020-02-29. By hand: a
    year added to a leap day is 28 February: due by 2021-02-28. A Board of 2021-03-01 is 1 day
    late (366 days); one of 2021-02-28 is on time. 2020 is not judged (the floor starts with
    its first whole year), 2021 met either way."""
    book = LEAP + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nfirst_within = "1y"\n'
    late = _check(tmp_path, book, _rows("board,regular,,2021-03-01,,held,,"), "2021-06-01")
    assert _verdicts(late) == [("2020-02-29..2021-02-28", "late"), ("2021", "met")]
    assert "1 day late" in _why(late, "2020-02-29..2021-02-28")
    on_time = _check(tmp_path, book, _rows("board,regular,,2021-02-28,,held,,"), "2021-06-01")
    assert _verdicts(on_time) == [("2020-02-29..2021-02-28", "met"), ("2021", "met")]


def test_quarters_and_a_ceiling_from_a_founding_on_29_february(tmp_path):
    """Founded 2020-02-29: once a quarter is judged from its first whole quarter (2020 Q2),
    so the March meeting meets nothing; at most once a year is broken in the founding's part
    year, labelled by its days (2020-02-29..2020-12-31), by the March and May meetings."""
    rows = _rows("board,regular,,2020-03-15,,held,,", "board,regular,,2020-05-15,,held,,")
    quarters = _check(tmp_path, LEAP + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\n', rows, "2020-08-01")
    assert _verdicts(quarters) == [("2020 Q2", "met"), ("2020 Q3", "open")]
    ceiling = _check(tmp_path, LEAP + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\n', rows, "2021-06-01")
    assert _verdicts(ceiling)[0] == ("2020-02-29..2020-12-31", "excess")


def test_an_on_rule_for_29_february_from_a_founding_that_day(tmp_path):
    """On 29 February (28 February in a common year), founded 2020-02-29. By hand: 2020-02-29
    met; 2021-02-28 met; 2022-03-01 `off_date` (a day late); `2023-02` `uncertain` (the
    month holds the day); 2024-02-29 next due."""
    book = LEAP + '[[bodies.rules]]\nkind = "on"\nmonth = 2\nday = 29\n'
    rows = _rows("board,regular,,2020-02-29,,held,,", "board,regular,,2021-02-28,,held,,", "board,regular,,2022-03-01,,held,,", "board,regular,,2023-02,,held,,")
    out = _check(tmp_path, book, rows, "2023-06-01")
    assert _verdicts(out) == [("2020-02-29", "met"), ("2021-02-28", "met"), ("2022-02-28", "off_date"), ("2023-02-28", "uncertain"), ("2024-02-29", "open")]


# -- except_when, records, several files --------------------------------------------------------

EXCEPT_SUMMIT = SUMMIT + _rule("at_least", count=1, per='"year"', since=2020, except_when='["summit"]')


def test_a_postponed_or_special_summit_excuses_nothing(tmp_path):
    """Once a year, except in a year with a Summit; Summits: postponed 2021-05-01, special
    2022-05-01, regular `2023`; Board 2020 only. By hand: a postponed Summit was not held, a
    special one is not the Summit's regular meeting: 2021 and 2022 `missed`; `2023` lies in
    2023 whatever its day: `excused`."""
    rows = _rows("summit,regular,,2021-05-01,,postponed,,", "summit,special,,2022-05-01,,held,,", "summit,regular,,2023,,held,,", "board,regular,,2020-05-01,,held,,")
    out = _check(tmp_path, EXCEPT_SUMMIT, rows, "2024-02-01")
    assert _verdicts(out)[:4] == [("2020", "met"), ("2021", "missed"), ("2022", "missed"), ("2023", "excused")]


def test_a_year_only_summit_may_excuse_either_financial_year_it_touches(tmp_path):
    """The same rule on years from 1 July; Summit `2021`, Board 2020-08-01. By hand:
    FY2020-21 is met by the Board; FY2021-22 (2021-07-01..2022-06-30) is excused only if the
    Summit was held 2021-07-01..2021-12-31: `uncertain`, saying so; FY2022-23 `missed`."""
    book = EXCEPT_SUMMIT.replace("since = 2020\n", 'since = 2020\nyear_start = "07-01"\n')
    out = _check(tmp_path, book, _rows("summit,regular,,2021,,held,,", "board,regular,,2020-08-01,,held,,"), "2023-08-01")
    assert _verdicts(out)[:3] == [("FY2020-21", "met"), ("FY2021-22", "uncertain"), ("FY2022-23", "missed")]
    assert "Excused if Summit 2021 was held in FY2021-22 (2021-07-01..2021-12-31)" in _why(out, "FY2021-22")


def test_a_second_file_confirming_a_plan_makes_one_held_meeting(tmp_path):
    """Twice a year; the first file plans a Board on 2021-03-01, the second records it held.
    By hand: a later file's row of the same body, kind and days in another status overrides
    it: one meeting, held: 2021 `missed` (1 of 2), not `uncertain` (one meeting or two)."""
    (tmp_path / "m2.csv").write_text("body,kind,ordinal,start,end,status,city,country\nboard,regular,,2021-03-01,,held,,\n", encoding="utf-8")
    book = _rule("at_least", count=2, per='"year"', since=2021)
    out = _check(tmp_path, book, _rows("board,regular,,2021-03-01,,planned,,"), "2022-02-01", "--meetings", str(tmp_path / "m2.csv"))
    assert _verdicts(out)[0] == ("2021", "missed")
    assert "1 of 2 required" in _why(out, "2021")


def test_records_complete_from_mid_quarter_leave_that_quarter_unknown(tmp_path):
    """Once a quarter from 2021; records complete from 2021-02-15; one Board 2021-05-03. By
    hand: 2021 Q1 has days not known complete and nothing recorded: `unknown`; Q2 `met`."""
    book = BOARD + 'records = [{ start = 2021-02-15, source = "minutes" }]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\nsince = 2021\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021-05-03,,held,,"), "2021-08-01")
    assert _verdicts(out) == [("2021 Q1", "unknown"), ("2021 Q2", "met"), ("2021 Q3", "open")]
    assert "known complete only from 2021-02-15" in _why(out, "2021 Q1")


def test_a_gap_to_a_month_only_row_names_the_days_that_keep_it(tmp_path):
    """Once a year, at most 120 days apart; Boards 2021-01-10, `2021-05`, 2021-08-01. By
    hand: 10 January to May is 111 to 141 days: met if held 2021-05-01..2021-05-10, late if
    later (`uncertain`); May to 1 August 62 to 92 days: met; nothing after 1 August: the gap
    due by 2021-11-29 `missed`."""
    book = _rule("at_least", count=1, per='"year"', max_gap='"120d"', since=2021)
    out = _check(tmp_path, book, _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-05,,held,,", "board,regular,,2021-08-01,,held,,"), "2022-01-15")
    assert ("2021-01-11..2021-05-10", "uncertain") in _verdicts(out)
    assert ("2021-08-02..2021-11-29", "missed") in _verdicts(out)
    assert "met if it was held 2021-05-01..2021-05-10; late if it was held 2021-05-11..2021-05-31" in _why(out, "2021-01-11..2021-05-10")


# -- rule texts: "monthly except August", "unless the Conference decides otherwise", ... ---------

COUNCIL = '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "governing"\nhost = "secretariat"\n'
SEVEN_HILLS = COUNCIL + (
    '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "month"\nsince = 2021-06-01\nexcept_months = [8]\n'
    'source = "Charter of Seven Hills, Ohio: at least twice in each calendar month; may recess during August"\n'
)


def test_monthly_except_august_judges_no_august(tmp_path):
    """Seven Hills (Ohio) Charter: the Council holds regular meetings "at least twice in each
    calendar month, provided, however, that it may recess during the month of August"
    (codelibrary.amlegal.com/codes/sevenhills/latest/sevenhills_oh/0-0-0-3072). By hand, from
    June 2021 as of 2021-10-15: June and July met (two each), August not due (no window, as a
    recess), September short (one): `missed`, October `open`. Before `except_months` the
    rule book could not say it: listing each August as `excused` by hand, year by year, or
    an August `missed` every year."""
    rows = _rows(
        "council,regular,,2021-06-07,,held,,", "council,regular,,2021-06-21,,held,,",
        "council,regular,,2021-07-05,,held,,", "council,regular,,2021-07-19,,held,,",
        "council,regular,,2021-09-13,,held,,",
    )
    out = _check(tmp_path, SEVEN_HILLS, rows, "2021-10-15")
    assert _verdicts(out, "council") == [("2021-06", "met"), ("2021-07", "met"), ("2021-09", "missed"), ("2021-10", "open")]
    assert "at least twice a month, except in August" in _why(out, "2021-09", "council")
    assert out["bodies"][0]["rules"][0]["words"] == "at least twice a month, except in August"


def test_monthly_except_august_projects_nothing_in_august(tmp_path):
    """The same Council, projected from 2022-07-01 to 2022-10-31: two meetings in July,
    September and October each, none in August."""
    (tmp_path / "r.toml").write_text(HEAD + SEVEN_HILLS, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\ncouncil,regular,,2022-06-07,,held,,\n", encoding="utf-8")
    out = json.loads(_invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2022-07-01", "--to", "2022-10-31", "--format", "json").stdout)
    months = sorted(m["start"][:7] for m in out["meetings"] if m["status"] == "projected")
    assert months == ["2022-07", "2022-07", "2022-09", "2022-09", "2022-10", "2022-10"]


def test_twice_a_month_and_once_in_july_and_august_as_two_rules(tmp_path):
    """Painesville (Ohio) Charter: "at least once each month during the months of July and
    August, and twice each month during the remaining months"
    (codelibrary.amlegal.com/codes/painesville/latest/painesville_oh/0-0-0-27862). Two rules
    side by side (ids): once a month, and twice a month except in July and August. By hand,
    June to September 2021: June two (both met), July one (met; the twice rule does not ask),
    August none (`missed` by the monthly rule), September two (both met)."""
    book = COUNCIL + (
        '[[bodies.rules]]\nid = "monthly"\nkind = "at_least"\ncount = 1\nper = "month"\nsince = 2021-06-01\n'
        '[[bodies.rules]]\nid = "twice"\nkind = "at_least"\ncount = 2\nper = "month"\nsince = 2021-06-01\nexcept_months = [7, 8]\n'
    )
    rows = _rows(
        "council,regular,,2021-06-07,,held,,", "council,regular,,2021-06-21,,held,,", "council,regular,,2021-07-19,,held,,",
        "council,regular,,2021-09-07,,held,,", "council,regular,,2021-09-20,,held,,",
    )
    out = _check(tmp_path, book, rows, "2021-09-30")
    found = [(f["rule"], f["window"]["label"], f["verdict"]) for f in out["findings"]]
    assert found == [(0, "2021-06", "met"), (1, "2021-06", "met"), (0, "2021-07", "met"), (0, "2021-08", "missed"), (0, "2021-09", "met"), (1, "2021-09", "met")]
    assert out["bodies"][0]["rules"][1]["words"] == "at least twice a month, except in July and August"


def test_a_ceiling_left_out_in_a_month_counts_nothing_there(tmp_path):
    """At most once a month except in June, from 2021-06-15; Councils 2021-06-20,
    2021-06-27, 2021-07-19. By hand: June (the founding's part month too) is not judged, so
    its two meetings break nothing; July holds one: `open` as of 2021-07-30, within the
    limit."""
    book = COUNCIL + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "month"\nsince = 2021-06-15\nexcept_months = [6]\n'
    rows = _rows("council,regular,,2021-06-20,,held,,", "council,regular,,2021-06-27,,held,,", "council,regular,,2021-07-19,,held,,")
    out = _check(tmp_path, book, rows, "2021-07-30")
    assert _verdicts(out, "council") == [("2021-07", "open")]
    assert out["summary"]["violations"] == 0


def test_except_months_is_refused_where_it_cannot_mean_anything(tmp_path):
    """`except_months` leaves months out of a monthly rule: on `per = "year"`, with a month 13
    or with all twelve months it is a rule-book error naming the key (exit 2), not a guess."""
    for rule, said in [
        ('per = "year"\nexcept_months = [8]', "bodies[0].rules[0]: except_months leaves months out of a rule per = 'month', not per = 'year'"),
        ('per = "month"\nexcept_months = [13]', "bodies[0].rules[0].except_months: 13 is not a month; expected 1 to 12"),
        ('per = "month"\nexcept_months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]', "except_months names all twelve months"),
    ]:
        (tmp_path / "r.toml").write_text(HEAD + COUNCIL + f'[[bodies.rules]]\nkind = "at_least"\ncount = 1\n{rule}\n', encoding="utf-8")
        result = CliRunner().invoke(main, ["check", "--rules", str(tmp_path / "r.toml"), "--today", "2022-01-01"])
        assert result.exit_code == 2 and said in result.stderr, result.stderr


def test_a_binding_rule_the_conference_may_waive_is_excused_by_its_decision(tmp_path):
    """"Once a year, unless the Conference decides otherwise": binding, and a decision to
    waive a year is an `excused` period citing it (README's UNFCCC 2020). By hand, Board 2019
    and 2022: 2020, waived by a decision, `excused`; 2021, not waived, `missed`: a waiver the
    rule book does not record is no waiver (the rule book is where decisions are written;
    check does not guess one)."""
    book = _rule("at_least", count=1, per='"year"', since=2019, excused='[{ start = 2020, reason = "the Conference decided not to meet", source = "decision 1/CP.25" }]')
    out = _check(tmp_path, book, _rows("board,regular,,2019-05-01,,held,,", "board,regular,,2022-05-01,,held,,"), "2022-08-01")
    assert _verdicts(out)[:4] == [("2019", "met"), ("2020", "excused"), ("2021", "missed"), ("2022", "met")]
    assert "decided not to meet" in _why(out, "2020")


def test_three_sessions_a_year_of_the_human_rights_council(tmp_path):
    """GA resolution 60/251, para. 10: the Human Rights Council "shall meet regularly
    throughout the year and schedule no fewer than three sessions per year, ... for a total
    period of no less than ten weeks". The sessions' count is `at_least 3 per year`; the ten
    weeks are a sum of days, which no rule counts (rules count meetings: decided, not
    fudged). By hand, 2021 with its three sessions (46th to 48th, some 4, 3 and 4 weeks):
    `met`; 2022 in a register that holds only the 49th and 50th (the 51st left out, as a
    register cut short would): `missed`, whatever their length."""
    book = COUNCIL + '[[bodies.rules]]\nkind = "at_least"\ncount = 3\nper = "year"\nsince = 2021\nsource = "GA res. 60/251, para. 10"\n'
    rows = _rows(
        "council,regular,46,2021-02-22,2021-03-23,held,Geneva,", "council,regular,47,2021-06-21,2021-07-14,held,Geneva,",
        "council,regular,48,2021-09-13,2021-10-11,held,Geneva,", "council,regular,49,2022-02-28,2022-04-04,held,Geneva,",
        "council,regular,50,2022-06-13,2022-07-08,held,Geneva,",
    )
    out = _check(tmp_path, book, rows, "2023-01-15")
    assert _verdicts(out, "council")[:2] == [("2021", "met"), ("2022", "missed")]


def test_a_number_recorded_only_as_postponed_accounts_for_itself(tmp_path):
    """Once a year; the 5th 2010-06-01, the 6th recorded postponed from 2012-06-01 and never
    recorded held again, the 7th 2013-06-01. Decided (not changed): the register names the
    6th, so its numbers skip nothing (README, "Record coverage": a number recorded in any
    status accounts for it), and a register taken as complete does not hold it held again:
    2011 and 2012 `missed`. Reading the later 7th as proof that the 6th was held again, on a
    day not given, would make 877 windows of the generated 1,000 bodies `unknown` whose
    postponed numbers the generator never held again: numbers say which meeting a row is,
    not that a meeting put off was held."""
    rows = _rows("board,regular,5,2010-06-01,,held,,", "board,regular,6,2012-06-01,,postponed,,", "board,regular,7,2013-06-01,,held,,")
    out = _check(tmp_path, _rule("at_least", count=1, per='"year"', since=2010), rows, "2014-06-01")
    assert _verdicts(out)[:4] == [("2010", "met"), ("2011", "missed"), ("2012", "missed"), ("2013", "met")]


def test_a_summit_the_register_may_lack_may_have_excused_the_year(tmp_path):
    """Once a year from 2015, except in a year with a Summit; Boards 2015, 2016, 2018, 2020;
    Summits numbered 3rd (2014-05-01) and 5th (2019-05-01). By hand: the numbers say the 4th
    Summit was held between them, on a day the register does not give; held in 2017 it
    excuses the Board's empty 2017. 2017 is `unknown` (it was `missed`, exit 1: the Summit's
    register read as complete where its own numbers say it is not); 2019 `excused` by the
    5th. The same where the Summit's `records` begin in 2018 and no Summit is recorded before:
    2017 `unknown`, 2019 (records complete, no Summit) `missed`."""
    book = SUMMIT + _rule("at_least", count=1, per='"year"', since=2015, except_when='["summit"]')
    boards = ("board,regular,,2015-03-01,,held,,", "board,regular,,2016-03-01,,held,,", "board,regular,,2018-03-01,,held,,", "board,regular,,2020-03-01,,held,,")
    out = _check(tmp_path, book, _rows("summit,regular,3,2014-05-01,,held,,", "summit,regular,5,2019-05-01,,held,,", *boards), "2020-06-01")
    assert _verdicts(out)[2:5] == [("2017", "unknown"), ("2018", "met"), ("2019", "excused")]
    assert "Unknown, not missed: a Summit in 2017 would excuse it, and the register numbers the Summit regular meetings 3rd (2014-05-01) then 5th (2019-05-01): the 4th is not recorded" in _why(out, "2017")
    assert out["summary"]["violations"] == 0
    records = book.replace('name = "Summit"\n', 'name = "Summit"\nrecords = [{ start = 2018 }]\n')
    out = _check(tmp_path, records, _rows("summit,regular,3,2014-05-01,,held,,", *boards), "2020-06-01")
    assert _verdicts(out)[2:5] == [("2017", "unknown"), ("2018", "met"), ("2019", "missed")]
    assert "a Summit in 2017 would excuse it, and for the Summit the register is known complete only from 2018-01-01" in _why(out, "2017")
