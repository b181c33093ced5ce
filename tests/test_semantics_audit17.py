"""A seventeenth audit: DESIGN.md's `check` clauses at edges the sixteen passes did not pin, each
on the smallest rule book and register. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run; where planner differed, DESIGN decided which was
right."""

from __future__ import annotations

import json

from tests.test_semantics_audit15 import BOARD, _verdicts
from tests.test_semantics_audit16 import _check, _run, _why

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
        "2019 H1: 1 meeting for certain and 1 dated too loosely to place: Board 2019 (5th) (the register gives only 2019); at most 1 allowed. For certain: Board 2019-05-10 (6th)."
    )
