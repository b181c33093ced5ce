"""A seventeenth audit: DESIGN.md's `check` clauses at edges the sixteen passes did not pin, each
on the smallest rule book and register. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run; where planner differed, DESIGN decided which was
right."""

from __future__ import annotations

import json

from tests.semantics.test_semantics_audit15 import BOARD, _verdicts
from tests.semantics.test_semantics_audit16 import SUMMIT, _check, _run, _why

EVERY_2Y = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'


# -- a rolling chain through a late plan whose dates passed unconfirmed ----------------------------

LATE_PLAN = "board,regular,1,2016-06-01,,held,,,\nboard,regular,2,2018-06-01,,held,,,\nboard,regular,3,2021-06-01,,planned,,,\n"


def test_a_late_plan_never_confirmed_is_no_binding_origin_of_a_rolling_chain(tmp_path):
    """`every 2y` rolling: held 2016-06-01 and 2018-06-01, the 3rd planned 2021-06-01 and never
    recorded as held; as of 2024-06-01. 2018 met; 2020 is a violation on every reading (missed,
    or late by 2021 had the 3rd been held): missed. Had the 3rd been held, the chain goes on
    from 2021: 2023 due (nothing: missed), 2025 next. It is not recorded as held (no binding
    origin, DESIGN): the chain goes on from the missed 2020: 2022 due (nothing), 2024 due, open,
    by 2024-12-31. 2022 exists only on the second reading and 2023 only on the first: both
    `uncertain`, neither a violation; the open window is 2024's, due by 2024-12-31 (it was
    2025's, due by 2025-12-31: the lenient reading's), saying the other. 1 violation, exit 1."""
    result = _run(tmp_path, EVERY_2Y, LATE_PLAN, "2024-06-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 1
    assert _verdicts(out) == [("2018", "met"), ("2020", "missed"), ("2022", "uncertain"), ("2023", "uncertain"), ("2024", "open")]
    assert out["summary"]["violations"] == 1
    assert "due so only if the 3rd Board (2021-06-01, planned), not recorded as held, was not held" in _why(out, "2022")
    assert "met if it was held" not in _why(out, "2022")  # held, it answered 2020 late, not 2022
    assert _why(out, "2023").startswith("2023: depends on the 3rd Board, planned 2021-06-01, not confirmed held;")
    assert _why(out, "2024").startswith("2024: 1 still due by 2024-12-31,")
    assert _why(out, "2024").endswith("was not held; had it been held, due by 2025-12-31 instead.")


def test_a_confirmed_meeting_after_a_late_plan_is_late_on_the_reading_without_it(tmp_path):
    """The same register with the 4th held 2025-03-01, as of 2025-06-01. Without the 3rd:
    2022 missed, 2024 late (2025-03-01, 1 year); with it, 2023 missed (the 4th answering it,
    2 years late) and 2025 met. Neither reading's windows are certain: 2022, 2023 and 2024
    `uncertain` (2024 names the 4th as its late answer), the 2025 window of the first reading
    not met on a guess (not listed); both readings go on from 2025-03-01: 2027 open."""
    out = _check(tmp_path, EVERY_2Y, LATE_PLAN + "board,regular,4,2025-03-01,,held,,,\n", "2025-06-01")
    assert _verdicts(out) == [("2018", "met"), ("2020", "missed"), ("2022", "uncertain"), ("2023", "uncertain"), ("2024", "uncertain"), ("2027", "open")]
    assert _why(out, "2024").endswith("held Board 2025-03-01 (4th): 1 year late.")
    assert out["summary"]["violations"] == 1


def test_a_meeting_on_time_only_if_a_late_plan_was_held_is_not_met_on_a_guess(tmp_path):
    """The late plan of 2021-06-01, then the 4th held 2023-05-01; as of 2024-06-01. Held,
    the 3rd starts the 2023 window and the 4th meets it; not held (as the register leaves it),
    2022 was due and the 4th answered it 1 year late. 2023 is not met on a guess (not
    listed); 2022 `uncertain`, naming the 4th as its late answer; next due 2025 either way."""
    out = _check(tmp_path, EVERY_2Y, LATE_PLAN + "board,regular,4,2023-05-01,,held,,,\n", "2024-06-01")
    assert _verdicts(out) == [("2018", "met"), ("2020", "missed"), ("2022", "uncertain"), ("2025", "open")]
    assert _why(out, "2022").endswith("held Board 2023-05-01 (4th): 1 year late.")


def test_a_late_plan_in_a_yearly_chain_leaves_only_its_own_year_in_doubt(tmp_path):
    """`every 1y`: held 2018-06-01, the 2nd planned 2020-06-01 and never confirmed; as of
    2022-06-01. 2019 missed on every reading (late by 2020 if held). Without the 2nd, 2020
    missed; with it, 2020 is no window (the 2nd answered 2019): `uncertain`. 2021 is due on
    both readings (from 2020 either way): missed. 2022 open, due by 2022-12-31, no other
    reading to name. 2 violations."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    out = _check(tmp_path, book, "board,regular,1,2018-06-01,,held,,,\nboard,regular,2,2020-06-01,,planned,,,\n", "2022-06-01")
    assert _verdicts(out) == [("2019", "missed"), ("2020", "uncertain"), ("2021", "missed"), ("2022", "open")]
    assert out["summary"]["violations"] == 2
    assert "due so only if" not in _why(out, "2021") + _why(out, "2022")


def test_a_plan_within_the_tolerance_of_the_window_it_answers_leaves_two_chains(tmp_path):
    """`every 2y` with `tolerance = "6m"`: held 2016-06-01 and 2018-06-01, the 3rd planned
    2021-06-01 (after the 2020 due period, within its tolerance) and never confirmed; as of
    2024-06-01. Held: 2020 met within the tolerance, 2023 due by 2024-06-30 (running). Not
    held: 2020 missed, 2022 missed, 2024 due by 2025-06-30. So 2020 `uncertain` (met if it
    was held), 2022 `uncertain` (only without it), and the running window the one due first,
    2023 by 2024-06-30, naming the other; no violation (the chain went on from the plan, and
    2022 was never judged)."""
    book = EVERY_2Y + 'tolerance = "6m"\n'
    result = _run(tmp_path, book, LATE_PLAN, "2024-06-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 0
    assert _verdicts(out) == [("2018", "met"), ("2020", "uncertain"), ("2022", "uncertain"), ("2023", "open")]
    assert _why(out, "2023").startswith("2023: 1 still due by 2024-06-30,")
    assert _why(out, "2023").endswith("not recorded as held, was held; if it was not, due by 2025-06-30 instead.")


def test_a_late_plan_across_versions_of_the_rule_keeps_a_window_due_on_both_readings(tmp_path):
    """`every 2y` until 2021-12-31, then `every 1y` (one `id`): held 2016-06-01, 2018-06-01,
    the 3rd planned 2021-06-01, never confirmed; as of 2024-06-01. Held: the 3rd answers 2020
    late and the window after it opens 2021-06-02, under the two-year version: due 2023.
    Not held: 2020 missed, 2022 (opened 2021-01-01, two-year version) missed, then 2023
    under the yearly version. 2023 is due on both readings (the same due year, under either
    version): `missed`, no longer a window of each version, both `uncertain`; 2022
    `uncertain`; 2024 open."""
    book = BOARD + '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "2y"\nuntil = 2021-12-31\n[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "1y"\nsince = 2022-01-01\n'
    out = _check(tmp_path, book, LATE_PLAN, "2024-06-01")
    assert _verdicts(out) == [("2018", "met"), ("2020", "missed"), ("2022", "uncertain"), ("2023", "missed"), ("2024", "open")]
    assert out["summary"]["violations"] == 2


def test_a_plan_inside_the_window_it_answers_changes_no_window(tmp_path):
    """`every 2y`: held 2016-06-01 and 2018-06-01, the 3rd planned 2020-06-01 (inside the 2020
    window it answers) and never confirmed; as of 2024-06-01. 2020 `uncertain` (met if it was
    held); 2022 due on either reading (from 2020): missed; 2024 open. As before."""
    rows = LATE_PLAN.replace("2021-06-01", "2020-06-01")
    out = _check(tmp_path, EVERY_2Y, rows, "2024-06-01")
    assert _verdicts(out) == [("2018", "met"), ("2020", "uncertain"), ("2022", "missed"), ("2024", "open")]
    assert _why(out, "2022").endswith("Due then whether or not Board 2020-06-01 (3rd) (planned, not recorded as held) was held.")


# -- words that say no more than the data --------------------------------------------------------


def test_two_coverage_ranges_read_as_a_list(tmp_path):
    """Yearly since 2014, records complete 2015-2017 and from 2020, one Board 2016-05-01, as
    of 2021-06-01: 2018 is unknown, "known complete only 2015-01-01..2017-12-31 and from
    2020-01-01" (it read "..2017-12-31, from 2020-01-01": a second clause, not a list)."""
    book = BOARD.replace('host = "secretariat"\n', 'host = "secretariat"\nrecords = [{ start = 2015, end = 2017 }, { start = 2020 }]\n')
    book += '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2014\n'
    out = _check(tmp_path, book, "board,regular,,2016-05-01,,held,,,\n", "2021-06-01")
    assert _why(out, "2018").endswith("the register is known complete only 2015-01-01..2017-12-31 and from 2020-01-01.")


def test_a_chain_from_a_founding_known_to_the_month_names_the_month_not_a_day(tmp_path):
    """`every 30d`, `established = "2020-06"`, no meeting, as of 2020-07-15. Founded 06-01
    the first window was due 2020-07-01 (closed, nothing); founded 06-30, due 07-30: not
    yet. `uncertain`. The reason said "30 days after the Board was established
    (2020-06-01)", a day the rule book does not give, and the why "established in
    2020-06-01": now "(2020-06)" and "established on 2020-06-01"."""
    book = BOARD + 'established = "2020-06"\n[[bodies.rules]]\nkind = "every"\ninterval = "30d"\n'
    out = _check(tmp_path, book, "", "2020-07-15")
    assert _verdicts(out) == [("2020-07-01", "uncertain"), ("2020-07-31", "open")]
    why = _why(out, "2020-07-01")
    assert why.startswith("2020-07-01: 0 of 1 required (30 days after the Board was established (2020-06));")
    assert "due 2020-07-01 if the Board was established on 2020-06-01; established as late as 2020-06-30" in why


def test_a_rule_that_ended_before_its_first_window_closed_says_so(tmp_path):
    """`every 2y` rolling until 2021-06-30, Board 2019-05-01, as of 2023-01-01. The window
    after it (2019-05-02..2021-12-31) opened under the rule, which ended before it was due:
    no finding (README, "A rule that has ended requires nothing after its end"), exit 0. The
    body's line said "no window of this rule falls in the period checked", as if the
    register held nothing: it now says the rule ended before anything it required fell due."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nuntil = 2021-06-30\n'
    result = _run(tmp_path, book, "board,regular,1,2019-05-01,,held,,,\n", "2023-01-01")
    (f,) = json.loads(result.stdout)["findings"]
    assert result.exit_code == 0 and f["verdict"] == "not_applicable"
    assert f["why"] == "the rule ended on 2021-06-30, before anything it required fell due (or with nothing to chain from)."
    # a rule in force to the end of the period checked keeps the old words
    result = _run(tmp_path, BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n', "", "2023-01-01")
    assert json.loads(result.stdout)["findings"][0]["why"].startswith("no window of this rule falls in the period checked")


# -- numbering does not date a row (decided, README "Numbering does not date a row") --------------


def test_numbering_does_not_narrow_a_row_known_only_to_the_year(tmp_path):
    """At most once a half since 2019: the 5th Board known only as `2019`, the 6th held
    2019-05-10, the 7th 2020-03-02; as of 2020-08-01. Read by its number, the 5th opened
    by 2019-05-10, so 2019 H1 held two: `excess`. By its dates it may have opened in
    2019 H2. Numbering is the organization's, not always in date order (a session resumed
    under its number, numbering restarted after a reform, a typo), so the row's reading
    rests on its dates alone: 2019 H1 `uncertain`, naming both, exit 0; 2019 H2 met (0 or
    1 of at most 1 on every reading)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "half"\nsince = 2019\n'
    rows = "board,regular,5,2019,,held,,,\nboard,regular,6,2019-05-10,,held,,,\nboard,regular,7,2020-03-02,,held,,,\n"
    result = _run(tmp_path, book, rows, "2020-08-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 0
    assert _verdicts(out) == [("2019 H1", "uncertain"), ("2019 H2", "met"), ("2020 H1", "met"), ("2020 H2", "open")]
    assert _why(out, "2019 H1") == (
        "2019 H1: 1 meeting for certain and 1 dated too loosely to place: Board 2019 (5th) (the register gives only 2019; in 2019 H1 if held 2019-01-01..2019-06-30); at most 1 allowed. For certain: Board 2019-05-10 (6th)."
    )


# -- corners checked and found right (pinned) ------------------------------------------------------


def test_today_on_a_windows_last_day_and_the_day_after(tmp_path):
    """`every 1y`: Board 2024-05-01. As of 2025-12-31 (the due day): 2025 open, 1 still due
    by 2025-12-31, exit 0. As of 2026-01-01: 2025 missed, the chain goes on from it: 2026
    open, due by 2026-12-31, exit 1."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    rows = "board,regular,1,2024-05-01,,held,,,\n"
    result = _run(tmp_path, book, rows, "2025-12-31")
    assert result.exit_code == 0 and _verdicts(json.loads(result.stdout)) == [("2025", "open")]
    result = _run(tmp_path, book, rows, "2026-01-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 1 and _verdicts(out) == [("2025", "missed"), ("2026", "open")]
    assert _why(out, "2026").startswith("2026: 1 still due by 2026-12-31,")


def test_a_meeting_across_a_year_end_counts_in_the_year_it_opens(tmp_path):
    """At least once a year since 2023: Boards 2023-05-01 and 2024-12-31..2025-01-02; as of
    2026-03-01. The second counts for 2024 (a meeting counts in the period it opens), so
    2025 is missed; 2026 open."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2023\n'
    out = _check(tmp_path, book, "board,regular,1,2023-05-01,,held,,,\nboard,regular,2,2024-12-31,2025-01-02,held,,,\n", "2026-03-01")
    assert _verdicts(out) == [("2023", "met"), ("2024", "met"), ("2025", "missed"), ("2026", "open")]


def test_a_body_founded_after_its_rules_since_is_judged_from_its_first_whole_year(tmp_path):
    """At least once a year since 2010, the Board established 2015-03-01; one meeting
    2016-05-01; as of 2017-03-01. Nothing before the founding; 2015 is not whole: 2016
    first (met), 2017 open."""
    book = BOARD + 'established = 2015-03-01\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2010\n'
    out = _check(tmp_path, book, "board,regular,1,2016-05-01,,held,,,\n", "2017-03-01")
    assert _verdicts(out) == [("2016", "met"), ("2017", "open")]


def test_two_versions_of_a_rule_with_a_gap_require_nothing_between_them(tmp_path):
    """`id = "r"`: once a year 2010-2012, twice a year from 2015; Boards 2010, 2011, two in
    2015; as of 2016-03-01. 2012 missed; 2013 and 2014 no window (no version in force);
    2015 met (2 of 2); 2016 open, 2 still due."""
    book = BOARD + (
        '[[bodies.rules]]\nid = "r"\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2010\nuntil = 2012-12-31\n'
        '[[bodies.rules]]\nid = "r"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2015\n'
    )
    rows = "board,regular,1,2010-05-01,,held,,,\nboard,regular,2,2011-05-01,,held,,,\nboard,regular,3,2015-05-01,,held,,,\nboard,regular,4,2015-10-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2016-03-01")
    assert _verdicts(out) == [("2010", "met"), ("2011", "met"), ("2012", "missed"), ("2015", "met"), ("2016", "open")]
    assert _why(out, "2016").startswith("2016: 2 still due by 2016-12-31,")


def test_an_on_rule_for_29_february_falls_on_28_february_in_other_years(tmp_path):
    """`on` 29 February since 2023: Boards 2023-02-28, 2024-02-29, 2025-03-01; as of
    2025-06-01. 2023-02-28 met, 2024-02-29 met, 2025-02-28 `off_date` (held the day after),
    2026-02-28 next due."""
    book = BOARD + '[[bodies.rules]]\nkind = "on"\nmonth = 2\nday = 29\nsince = 2023\n'
    rows = "board,regular,1,2023-02-28,,held,,,\nboard,regular,2,2024-02-29,,held,,,\nboard,regular,3,2025-03-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2025-06-01")
    assert _verdicts(out) == [("2023-02-28", "met"), ("2024-02-29", "met"), ("2025-02-28", "off_date"), ("2026-02-28", "open")]


def test_a_customary_rule_excused_by_another_bodys_meeting_never_fails_the_check(tmp_path):
    """At least once a year since 2020, `binding = false`, `except_when = ["summit"]`:
    Summit 2021-06-15, Boards 2020-05-20 and 2023-06-01; as of 2024-03-01. 2020 met, 2021
    excused (the Summit), 2022 advisory, 2023 met, 2024 open; no violation, exit 0."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\nexcept_when = ["summit"]\nbinding = false\n'
    rows = "summit,regular,1,2021-06-15,,held,,,\nboard,regular,1,2020-05-20,,held,,,\nboard,regular,2,2023-06-01,,held,,,\n"
    result = _run(tmp_path, book, rows, "2024-03-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 0 and out["summary"]["violations"] == 0
    assert _verdicts(out) == [("2020", "met"), ("2021", "excused"), ("2022", "advisory"), ("2023", "met"), ("2024", "open")]


def test_after_with_a_negative_offset_reads_as_before(tmp_path):
    """`kind = "after"`, `offset = "-1m"` (DESIGN's spelling): Summits 2024-06-15,
    2025-06-15, 2026-06-15 and one planned 2026-11-15; Boards 2024-05-20 and 2025-06-01; as
    of 2026-09-01. Within a month before each: met, met, 2026-06-14 missed, 2026-11-14 next
    due; exit 1."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "-1m"\n'
    rows = (
        "summit,regular,1,2024-06-15,,held,,,\nboard,regular,1,2024-05-20,,held,,,\nsummit,regular,2,2025-06-15,,held,,,\n"
        "board,regular,2,2025-06-01,,held,,,\nsummit,regular,3,2026-06-15,,held,,,\nsummit,regular,4,2026-11-15,,planned,,,\n"
    )
    result = _run(tmp_path, book, rows, "2026-09-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 1
    assert _verdicts(out) == [("2024-05-15..2024-06-14", "met"), ("2025-05-15..2025-06-14", "met"), ("2026-05-15..2026-06-14", "missed"), ("2026-10-15..2026-11-14", "open")]
