"""An eighteenth audit: README's "Semantics" and "Record coverage" clauses on combinations the
seventeen passes did not pin (financial years with `except_when`, ceilings that begin after
`--today`, ISO weeks across a year's end, ...), each on the smallest rule book and register.
Every expected answer was worked out by hand first, in the test's docstring, before planner
was run; where planner differed, the documented semantics decided which was right. A
differential run of `at_least` / `at_most` on calendar periods against an oracle written from
README's words found the first group."""

from __future__ import annotations

import json

from tests.semantics.test_semantics_audit15 import BOARD, _verdicts
from tests.semantics.test_semantics_audit16 import SUMMIT, _check, _run, _why


def _windows(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f["window"]]


# -- a ceiling's window that has not begun is not met ----------------------------------------------

CEILING_FROM_10_DECEMBER = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "quarter"\nsince = 2026-12-10\n'
BEFORE_THE_CEILING = "board,regular,,2026-11-20,,held,,,\nboard,regular,,2026-11-25,,held,,,\nboard,regular,,2026-12-15,,planned,,,\nboard,regular,,2027-02-15,,planned,,,\n"


def test_a_ceiling_that_takes_effect_after_today_has_no_window_yet(tmp_path):
    """At most once a quarter from 2026-12-10 (a ceiling adopted, in force in nine days); Board
    held 2026-11-20 and 2026-11-25 (before the rule: held under no version of it, they count
    toward nothing), planned 2026-12-15; as of 2026-12-01. The rule's first window is
    2026-12-10..2026-12-31 (a ceiling is judged from its first day), and on 2026-12-01 it has
    not begun: nothing is judged yet, no finding (it was `met`, "0 of at most 1", a window
    judged before a day of it had come)."""
    out = _check(tmp_path, CEILING_FROM_10_DECEMBER, BEFORE_THE_CEILING, "2026-12-01")
    assert _windows(out) == []
    assert out["summary"]["violations"] == 0 and out["summary"]["open"] == 0


def test_a_ceilings_windows_still_to_come_by_to_are_open_not_met(tmp_path):
    """The same, `--to 2027-03-31`: README, `summary.open`: "with `--to` after `--today`, also
    the windows still to come by then, each `open` with what it needs". The part
    2026-12-10..2026-12-31 (the plan of 12-15 in it) and 2027 Q1 (the plan of 02-15) are still
    to come: `open`, two open windows, no violation (both were `met`, as if the quarters had
    passed with no more than one meeting: an `at_least` rule's windows to come were already
    `open`). As of 2026-12-12, the part is running: `open` (it was so already)."""
    out = _check(tmp_path, CEILING_FROM_10_DECEMBER, BEFORE_THE_CEILING, "2026-12-01", "--to", "2027-03-31")
    assert _windows(out) == [("2026-12-10..2026-12-31", "open"), ("2027 Q1", "open")]
    assert out["summary"]["open"] == 2 and out["summary"]["violations"] == 0
    assert _windows(_check(tmp_path, CEILING_FROM_10_DECEMBER, BEFORE_THE_CEILING, "2026-12-12")) == [("2026-12-10..2026-12-31", "open")]


def test_a_ceiling_in_force_all_year_keeps_its_windows_to_come_open(tmp_path):
    """At most once a quarter since 2026-01-01; Board 2026-11-20 and 2026-11-25 held; as of
    2026-12-01 with `--to 2027-06-30`. 2026 Q1-Q3: nothing held, `met`; 2026 Q4: two held,
    `excess` (a ceiling broken while the quarter still runs is broken); 2027 Q1 (a plan of
    02-15) and 2027 Q2: still to come, `open` (they were `met`). 1 violation, 2 open."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "quarter"\nsince = 2026-01-01\n'
    out = _check(tmp_path, book, BEFORE_THE_CEILING, "2026-12-01", "--to", "2027-06-30")
    assert _windows(out) == [("2026 Q1", "met"), ("2026 Q2", "met"), ("2026 Q3", "met"), ("2026 Q4", "excess"), ("2027 Q1", "open"), ("2027 Q2", "open")]
    assert out["summary"]["open"] == 2 and out["summary"]["violations"] == 1


# -- `except_when` on financial years, unconfirmed and loosely dated excusing meetings ------------

MINISTERIAL = '[[bodies]]\nid = "min"\nname = "Ministerial"\ncategory = "governing"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nexcept_when = ["summit"]\n'


def test_except_when_judges_the_rules_own_financial_year(tmp_path):
    """Ministerial at least once a year, `year_start = "04-01"`, since 2021-04-01, excused by a
    Summit in the same due period; Ministerial 2021-06-01, Summit 2022-02-10; as of 2023-06-01.
    FY2021-22 (2021-04-01..2022-03-31): met by 2021-06-01 (the Summit is in it too: met, not
    excused). FY2022-23: no Ministerial, and the Summit of February 2022 lies in FY2021-22,
    not in it (the calendar year 2022 is no period of this rule): `missed`. FY2023-24 open,
    due by 2024-03-31. 1 violation."""
    book = SUMMIT + MINISTERIAL + 'per = "year"\nyear_start = "04-01"\nsince = 2021-04-01\n'
    out = _check(tmp_path, book, "summit,regular,,2022-02-10,,held,,,\nmin,regular,,2021-06-01,,held,,,\n", "2023-06-01")
    assert _verdicts(out) == [("FY2021-22", "met"), ("FY2022-23", "missed"), ("FY2023-24", "open")]
    assert out["summary"]["violations"] == 1 and out["summary"]["excused"] == 0


def test_an_excusing_meeting_planned_and_never_confirmed_leaves_the_year_uncertain(tmp_path):
    """Ministerial at least once a year since 2020, excused by a Summit (held or planned) in
    the same year; Ministerial 2020-05-01, a Summit planned `2021-06` and not recorded as held;
    as of 2022-06-01. 2021 has no Ministerial: excused if the Summit was held, missed if not;
    the register does not say: `uncertain`, no violation, naming the plan."""
    book = SUMMIT + MINISTERIAL + 'per = "year"\nsince = 2020\n'
    out = _check(tmp_path, book, "summit,regular,,2021-06,,planned,,,\nmin,regular,,2020-05-01,,held,,,\n", "2022-06-01")
    assert _verdicts(out) == [("2020", "met"), ("2021", "uncertain"), ("2022", "open")]
    assert _why(out, "2021").endswith("Excused if Summit 2021-06 was held: it was planned but is not recorded as held.")
    assert out["summary"]["violations"] == 0


def test_a_summit_known_only_to_the_year_excuses_neither_half_for_certain(tmp_path):
    """Ministerial at least once a half-year since 2020, excused by a Summit in the same half;
    Ministerial 2020-05-01, a Summit `2021`; as of 2022-01-15. 2020 H2: nothing, no Summit:
    `missed`. 2021 H1 and 2021 H2: no Ministerial; the Summit excuses the half it was held in,
    which the register does not say: both `uncertain`, each why naming the half that would be
    excused. 2022 H1 open. 1 violation."""
    book = SUMMIT + MINISTERIAL + 'per = "half"\nsince = 2020\n'
    out = _check(tmp_path, book, "summit,regular,,2021,,held,,,\nmin,regular,,2020-05-01,,held,,,\n", "2022-01-15")
    assert _verdicts(out) == [("2020 H1", "met"), ("2020 H2", "missed"), ("2021 H1", "uncertain"), ("2021 H2", "uncertain"), ("2022 H1", "open")]
    assert "Excused if Summit 2021 was held in 2021 H2: the register gives only 2021." in _why(out, "2021 H2")
    assert out["summary"]["violations"] == 1


def test_a_cancelled_special_or_postponed_summit_excuses_nothing(tmp_path):
    """The same half-yearly Ministerial; Summits: regular 2021-03-01 cancelled, special
    2021-09-01 held, regular 2022-03-01 postponed; as of 2022-09-15. `except_when` names a
    body whose *regular* meeting, held or planned, excuses: none of these is one (cancelled
    and postponed were not held; a special Summit is not the regular one). 2020 H2, 2021 H1,
    2021 H2 and 2022 H1 `missed`; 2022 H2 open. 4 violations, nothing excused."""
    book = SUMMIT + MINISTERIAL + 'per = "half"\nsince = 2020\n'
    rows = "summit,regular,,2021-03-01,,cancelled,,,\nsummit,special,,2021-09-01,,held,,,\nsummit,regular,,2022-03-01,,postponed,,,\nmin,regular,,2020-05-01,,held,,,\n"
    out = _check(tmp_path, book, rows, "2022-09-15")
    assert _verdicts(out) == [("2020 H1", "met"), ("2020 H2", "missed"), ("2021 H1", "missed"), ("2021 H2", "missed"), ("2022 H1", "missed"), ("2022 H2", "open")]
    assert out["summary"]["violations"] == 4 and out["summary"]["excused"] == 0


# -- weeks across a year's end, days counted from the day a meeting opens -------------------------


def test_a_weekly_rule_from_new_years_day_begins_with_its_first_whole_iso_week(tmp_path):
    """At least once a week since 2026-01-01 (a Thursday); Board 2025-12-30, 2026-01-05 and
    2026-01-18..19; as of 2026-01-28. ISO week 2026-W01 runs 2025-12-29..2026-01-04 and began
    before the rule: a floor is judged from its first whole period, W02 (01-05..01-11), met by
    01-05; the meeting of 2025-12-30 was held before the rule and counts toward nothing. W03
    (01-12..01-18) met by the meeting opening 01-18 (a meeting belongs to the day it opens);
    W04 (01-19..01-25) `missed` though that meeting ran into its Monday; W05 open, due by
    2026-02-01."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "week"\nsince = 2026-01-01\n'
    rows = "board,regular,,2025-12-30,,held,,,\nboard,regular,,2026-01-05,,held,,,\nboard,regular,,2026-01-18,2026-01-19,held,,,\n"
    out = _check(tmp_path, book, rows, "2026-01-28")
    assert _verdicts(out) == [("2026-W02", "met"), ("2026-W03", "met"), ("2026-W04", "missed"), ("2026-W05", "open")]


def test_every_30_days_counts_from_the_day_a_meeting_of_several_days_opens(tmp_path):
    """`every 30d` rolling: Board 2021-01-01..03, then 2021-02-01, then 2021-03-04; as of
    2021-03-10. Due 30 days after the opening day 2021-01-01: 2021-01-31, held 02-01, 1 day
    late (counted from the last day, 01-03, it would have been met by 02-02); then due
    2021-03-03, held 03-04: 1 day late; next due 2021-04-03, open. 2 violations."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "30d"\n'
    rows = "board,regular,,2021-01-01,2021-01-03,held,,,\nboard,regular,,2021-02-01,,held,,,\nboard,regular,,2021-03-04,,held,,,\n"
    out = _check(tmp_path, book, rows, "2021-03-10")
    assert [(f["window"]["label"], f["verdict"], f["delay"]) for f in out["findings"]] == [("2021-01-31", "late", "1 day"), ("2021-03-03", "late", "1 day"), ("2021-04-03", "open", None)]


def test_a_customary_rolling_rule_with_a_first_meeting_due_after_the_founding(tmp_path):
    """`every 2y`, `binding = false`, `first_within = "6m"`; established 2020-03-15; Board
    2020-10-01 and 2023-05-01; as of 2024-06-01. The first meeting was due by 2020-09-15,
    held 2020-10-01: 16 days late; next due 2022 (two years after 2020), held 2023: 1 year
    late. A customary rule's shortfalls are advisories: 2 advisories, no violation, exit 0;
    2025 open."""
    book = BOARD + 'established = 2020-03-15\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nbinding = false\nfirst_within = "6m"\n'
    result = _run(tmp_path, book, "board,regular,,2020-10-01,,held,,,\nboard,regular,,2023-05-01,,held,,,\n", "2024-06-01")
    out = json.loads(result.stdout)
    assert [(f["window"]["label"], f["verdict"], f["delay"]) for f in out["findings"]] == [("2020-03-15..2020-09-15", "advisory", "16 days"), ("2022", "advisory", "1 year"), ("2025", "open", None)]
    assert result.exit_code == 0 and out["summary"]["advisories"] == 2


def test_within_the_first_month_of_a_quarter_and_a_row_known_only_to_the_year(tmp_path):
    """At least once a quarter, within its first month, since 2021; Board 2021-02-01 (Q1, but
    after January), `2021-04`, 2021-07-31..08-01 and one known only as `2021`; as of
    2022-01-15. Q1: the February meeting is outside the first month; only `2021` could meet
    January: `uncertain`, naming 2021-02-01 as not counted. Q2 met by `2021-04` (all of April
    is its first month); Q3 met by 07-31 (the day it opens). Q4: only `2021` could meet
    October: `uncertain`. The one `2021` row fills at most one of Q1 and Q4: one of them is
    surely short, neither alone a violation (README, "What the engine does not infer"). 2022
    Q1 open, due by 2022-01-31."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\nsince = 2021\nwithin = "1m"\n'
    rows = "board,regular,,2021-02-01,,held,,,\nboard,regular,,2021-04,,held,,,\nboard,regular,,2021-07-31,2021-08-01,held,,,\nboard,regular,,2021,,held,,,\n"
    out = _check(tmp_path, book, rows, "2022-01-15")
    assert _verdicts(out) == [("2021 Q1", "uncertain"), ("2021 Q2", "met"), ("2021 Q3", "met"), ("2021 Q4", "uncertain"), ("2022 Q1", "open")]
    assert "Not counted: Board 2021-02-01 (after 2021-01-31, the end of the first month of 2021 Q1)." in _why(out, "2021 Q1")
    assert "So at least one of 2021 Q1 and 2021 Q4 is short of its count on every reading of the dates" in _why(out, "2021 Q4")
    assert out["summary"]["violations"] == 0 and out["findings"][-1]["due_by"] == "2022-01-31"


# -- record coverage and a rolling chain -----------------------------------------------------------

RECORDS_FROM_2020 = BOARD + 'records = [{ start = 2020 }]\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'


def test_a_rolling_window_before_the_records_is_unknown_and_the_next_late_either_way(tmp_path):
    """`every 1y` rolling, records complete from 2020; Board 2018-05-01 and 2021-03-01; as of
    2022-06-01. 2019: nothing recorded, records not known complete: `unknown`. Had a Board met
    unrecorded in 2019, 2020 was due and 2021-03-01 late for it; had none, the chain goes on
    from the missed 2019 to 2020 all the same: 2020 `late` by 1 year on every reading (a
    violation); 2022 open. 1 violation, 1 unknown."""
    out = _check(tmp_path, RECORDS_FROM_2020, "board,regular,,2018-05-01,,held,,,\nboard,regular,,2021-03-01,,held,,,\n", "2022-06-01")
    assert [(f["window"]["label"], f["verdict"], f["delay"]) for f in out["findings"]] == [("2019", "unknown", None), ("2020", "late", "1 year"), ("2022", "open", None)]
    assert out["summary"]["violations"] == 1 and out["summary"]["unknown"] == 1


def test_a_late_answer_to_a_window_before_the_records_is_unknown_not_late(tmp_path):
    """The same rule; Board 2018-05-01 and 2020-03-01; as of 2022-06-01. 2019: due by
    2019-12-31, answered 2020-03-01, late if no Board met in 2019, which the records do not
    say: `unknown`, not late. Either way the chain goes on from 2020 (from 2020-03-01, or from
    a 2019 meeting through 2020-03-01 meeting 2020): 2021 `missed` (the records are complete
    then), 2022 open. 1 violation."""
    out = _check(tmp_path, RECORDS_FROM_2020, "board,regular,,2018-05-01,,held,,,\nboard,regular,,2020-03-01,,held,,,\n", "2022-06-01")
    assert _verdicts(out) == [("2019", "unknown"), ("2021", "missed"), ("2022", "open")]
    assert _why(out, "2019").endswith("Unknown, not late: the register is known complete only from 2020-01-01.")


def test_from_and_to_bound_the_windows_of_a_rolling_chain_begun_before_them(tmp_path):
    """`every 2y` rolling: Board 2015-05-01, 2019-06-01, 2021-03-01; as of 2024-06-01, `--from
    2019-03-01`. The chain is walked from the first meeting: 2017 was late (2019-06-01) and
    ended before `--from`: not judged. 2021 met by 2021-03-01; 2023 `missed`; 2025 open.
    With `--to 2021-12-31` as well: nothing after that day exists, the 2023 window is running
    on it: `open`, exit 0."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
    rows = "board,regular,,2015-05-01,,held,,,\nboard,regular,,2019-06-01,,held,,,\nboard,regular,,2021-03-01,,held,,,\n"
    assert _verdicts(_check(tmp_path, book, rows, "2024-06-01", "--from", "2019-03-01")) == [("2021", "met"), ("2023", "missed"), ("2025", "open")]
    result = _run(tmp_path, book, rows, "2024-06-01", "--from", "2019-03-01", "--to", "2021-12-31")
    assert _verdicts(json.loads(result.stdout)) == [("2021", "met"), ("2023", "open")] and result.exit_code == 0


# -- a plan running across the end of a window that has closed ------------------------------------

PLAN_ACROSS_NEW_YEAR = "board,regular,,2024-05-01,,held,,,\nboard,regular,,2025-12-30,2026-01-02,planned,,,\n"


def test_a_plan_still_running_after_its_window_closed_leaves_it_uncertain_not_missed(tmp_path):
    """At least once a year since 2024; Board 2024-05-01 held, then planned 2025-12-30..
    2026-01-02; as of 2026-01-01. The plan opens on 30 December, in 2025 (a meeting belongs to
    the day it opens), and 2025 closed yesterday. The register does not say whether it opened
    as planned (it is still running by the plan, not recorded as held): 2025 is met if it was,
    missed if not: `uncertain`, naming the plan, no violation (it was `missed`, naming
    nothing: the plan was taken as still to come, so no window counted it at all). As of
    2025-12-31 (2025 still running), `open` with the plan scheduled, as before; as of
    2026-01-03 (its dates passed), `uncertain`, as before."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2024\n'
    result = _run(tmp_path, book, PLAN_ACROSS_NEW_YEAR, "2026-01-01")
    out = json.loads(result.stdout)
    assert _verdicts(out) == [("2024", "met"), ("2025", "uncertain"), ("2026", "open")]
    assert _why(out, "2025").endswith("Board 2025-12-30 was planned but is not recorded as held: met if it was held as planned.")
    assert result.exit_code == 0 and out["summary"]["violations"] == 0
    assert _verdicts(_check(tmp_path, book, PLAN_ACROSS_NEW_YEAR, "2025-12-31"))[-1] == ("2025", "open")
    assert _verdicts(_check(tmp_path, book, PLAN_ACROSS_NEW_YEAR, "2026-01-03"))[1] == ("2025", "uncertain")


def test_a_plan_running_on_to_leaves_the_window_it_opens_in_uncertain(tmp_path):
    """The same, as of 2026-06-01 with `--to 2025-12-31`: judged at the close of 2025-12-31,
    the plan had opened (30 December) and was still running: 2025 closed on that day, met only
    if the plan was held: `uncertain` (it was `missed`)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2024\n'
    out = _check(tmp_path, book, PLAN_ACROSS_NEW_YEAR, "2026-06-01", "--to", "2025-12-31")
    assert _verdicts(out) == [("2024", "met"), ("2025", "uncertain")]


def test_a_plan_running_after_a_ceilings_window_closed_may_have_broken_it(tmp_path):
    """At most once a year since 2024; Board 2025-03-01 held and planned 2025-12-30..
    2026-01-02; as of 2026-01-01. Held as planned, the plan is 2025's second meeting: `excess`;
    not held, 2025 kept its ceiling. The register does not say: `uncertain` (it was `met`)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2024\n'
    out = _check(tmp_path, book, "board,regular,,2025-03-01,,held,,,\nboard,regular,,2025-12-30,2026-01-02,planned,,,\n", "2026-01-01")
    assert _verdicts(out) == [("2024", "met"), ("2025", "uncertain"), ("2026", "open")]


# -- the period a floor ends in asks nothing, even with a meeting planned in it --------------------

DISSOLVED = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2022-07-01\nuntil = 2023-12-02\n'


def test_the_running_period_a_floor_ends_in_is_no_window_with_a_meeting_planned_in_it(tmp_path):
    """At least once a half-year from 2022-07-01 to 2023-12-02 (the body dissolved); Board
    2022-10-04 held, 2023-10-01 planned; as of 2023-07-11. 2022 H2 met, 2023 H1 missed. The
    half the rule ends in (2023-07-01..2023-12-02): its count was due at the half's end, after
    the rule's, so nothing is due while the rule is in force (README, "A rule that has ended
    requires nothing after its end"): no finding, as without the plan (it was `open`, "1
    still due by 2023-12-02; scheduled: Board 2023-10-01", an obligation the rule never
    made). The same for a row recorded held on 2023-10-01, as of 2023-09-10 (not yet held).
    Once it is held (as of 2023-11-10), the part is `met`. A plan left unconfirmed (as of
    2023-12-10) leaves no finding: held, the part was met; not held, nothing was due; neither
    reading is a violation (it was `uncertain`, "met if it was held as planned", counted among
    the uncertain with no violation hanging on it; the lead's change after this pass)."""
    planned = "board,regular,,2022-10-04,,held,,,\nboard,regular,,2023-10-01,,planned,,,\n"
    held = planned.replace("planned", "held")
    assert _verdicts(_check(tmp_path, DISSOLVED, planned, "2023-07-11")) == [("2022 H2", "met"), ("2023 H1", "missed")]
    out = _check(tmp_path, DISSOLVED, held, "2023-09-10")
    assert _verdicts(out) == [("2022 H2", "met"), ("2023 H1", "missed")] and out["summary"]["open"] == 0
    assert _verdicts(_check(tmp_path, DISSOLVED, held, "2023-11-10"))[-1] == ("2023-07-01..2023-12-02", "met")
    out = _check(tmp_path, DISSOLVED, planned, "2023-12-10")
    assert _verdicts(out) == [("2022 H2", "met"), ("2023 H1", "missed")] and out["summary"]["uncertain"] == 0


# -- a rolling chain after a missed window, with a plan still to come ------------------------------

EVERY_2Y = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'


def test_the_window_running_after_a_missed_one_stays_open_with_a_plan_still_to_come(tmp_path):
    """`every 2y` rolling: Board 2017-07-09 held, the next planned 2021-10-17; as of
    2020-03-27. 2019 closed with nothing: `missed`. The chain goes on from the missed window's
    period (README, "Silences stay on the record"): 2021 is due, 2020-01-01..2021-12-31,
    running now, the plan scheduled in it: `open`, "1 still due by 2021-12-31", as it is with
    no plan at all. (Held on 2021-10-17, the plan will answer 2019 late and the chain go on
    from it; slipped past 2021-12-31, it leaves 2021 late too: either way, something is due by
    2021-12-31.) Next due after the plan: 2023. It showed 2019 missed and only "2023: next
    due", no window open: the deadline of 2021-12-31 was nowhere."""
    result = _run(tmp_path, EVERY_2Y, "board,regular,,2017-07-09,,held,,,\nboard,regular,,2021-10-17,,planned,,,\n", "2020-03-27")
    out = json.loads(result.stdout)
    assert [(f["window"]["label"], f["verdict"], f["pending"]) for f in out["findings"]] == [("2019", "missed", False), ("2021", "open", False), ("2023", "open", True)]
    assert _why(out, "2021").startswith("2021: 1 still due by 2021-12-31, 2 years after the window due 2019")
    assert "scheduled: Board 2021-10-17" in _why(out, "2021")
    assert out["summary"]["open"] == 1 and out["summary"]["violations"] == 1
    alone = _check(tmp_path, EVERY_2Y, "board,regular,,2017-07-09,,held,,,\n", "2020-03-27")
    assert _verdicts(alone) == [("2019", "missed"), ("2021", "open")]


def test_the_plan_held_answers_the_missed_window_late(tmp_path):
    """The same register with the plan recorded held 2021-10-17, as of 2022-03-01: 2019 `late`
    (2 years after 2017, held 2021-10-17: 2 years late), no 2021 window (the meeting answered
    2019; README: 2014 then 2019 is late for 2018), 2023 open. Unchanged."""
    out = _check(tmp_path, EVERY_2Y, "board,regular,,2017-07-09,,held,,,\nboard,regular,,2021-10-17,,held,,,\n", "2022-03-01")
    assert [(f["window"]["label"], f["verdict"], f["delay"]) for f in out["findings"]] == [("2019", "late", "2 years"), ("2023", "open", None)]


# -- leap days, grids, the first day of a period, coverage with a hole, partners ---------------


def test_a_year_in_days_and_in_months_from_a_leap_day(tmp_path):
    """Board 2024-02-29 and 2025-03-01; as of 2025-06-01; three rules. `every 365d`: due
    2024-02-29 + 365 days = 2025-02-28 (no 29 February in 2025), held 03-01: 1 day late.
    `every 12m`: due in the month 2025-02, held in March: 1 month late. At least once a month
    from February to March 2024: February met on its 29th, March missed. 3 violations."""
    book = BOARD + (
        '[[bodies.rules]]\nkind = "every"\ninterval = "365d"\n'
        '[[bodies.rules]]\nid = "months"\nkind = "every"\ninterval = "12m"\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "month"\nsince = 2024-02-01\nuntil = 2024-03-31\n'
    )
    out = _check(tmp_path, book, "board,regular,,2024-02-29,,held,,,\nboard,regular,,2025-03-01,,held,,,\n", "2025-06-01")
    closed = [(f["rule"], f["window"]["label"], f["verdict"], f["delay"]) for f in out["findings"] if f["verdict"] != "open"]
    assert closed == [(2, "2024-02", "met", None), (0, "2025-02-28", "late", "1 day"), (1, "2025-02", "late", "1 month"), (2, "2024-03", "missed", None)]
    assert out["summary"]["violations"] == 3


def test_a_grid_anchored_year_answered_a_year_late_by_an_off_grid_meeting(tmp_path):
    """`every 2y` on the grid from `anchor = 2021`: Board 2021-05-01, 2022-06-01, 2024-02-01;
    as of 2025-06-01. Due in 2021, 2023, 2025, ...: 2021 met; 2023 had nothing, and the first
    meeting after it, 2024-02-01, answers it a year late (2022-06-01 came before the due year:
    no window counts it); 2025 open; 2027 next due."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2021\n'
    out = _check(tmp_path, book, "board,regular,,2021-05-01,,held,,,\nboard,regular,,2022-06-01,,held,,,\nboard,regular,,2024-02-01,,held,,,\n", "2025-06-01")
    assert [(f["window"]["label"], f["verdict"], f["delay"]) for f in out["findings"]] == [("2021", "met", None), ("2023", "late", "1 year"), ("2025", "open", None), ("2027", "open", None)]


def test_today_on_the_first_day_of_a_month_closes_the_month_before(tmp_path):
    """At least and at most once a month since 2026-01-01; Board 2026-01-10, and two rows of
    2026-03-01 with no number (one with a city); as of 2026-03-01. February closed yesterday
    with nothing: `missed` (and within its ceiling: `met`). March: the rows held today count
    (`--today` is still running, a meeting on it counts): at least once, met either way;
    one meeting or two, the register does not say: the ceiling `uncertain`, not `excess`."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "month"\nsince = 2026-01-01\n[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "month"\nsince = 2026-01-01\n'
    rows = "board,regular,,2026-01-10,,held,,,\nboard,regular,,2026-03-01,,held,,,\nboard,regular,,2026-03-01,,held,Bern,,\n"
    out = _check(tmp_path, book, rows, "2026-03-01")
    assert [(f["rule"], f["window"]["label"], f["verdict"]) for f in out["findings"]] == [
        (0, "2026-01", "met"), (1, "2026-01", "met"), (0, "2026-02", "missed"), (1, "2026-02", "met"), (0, "2026-03", "met"), (1, "2026-03", "uncertain"),
    ]


def test_coverage_with_an_end_and_a_hole_stated_incomplete(tmp_path):
    """At least once a quarter since 2019; records complete 2019 to `2020-06`, and 2020 Q4
    stated incomplete; Board 2019-02-01 and 2020-11-01; as of 2021-04-15. 2019 Q1 met; 2019
    Q2..2020 Q2 (complete) `missed`, five; 2020 Q3 (past the stated end: not known complete)
    `unknown`; 2020 Q4 met (a recorded meeting meets its window, incomplete or not); 2021 Q1
    `unknown`; 2021 Q2 open. 5 violations, 2 unknown."""
    book = BOARD + 'records = [{ start = 2019, end = "2020-06" }, { start = 2020-10-01, end = 2020-12-31, complete = false }]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\nsince = 2019\n'
    out = _check(tmp_path, book, "board,regular,,2019-02-01,,held,,,\nboard,regular,,2020-11-01,,held,,,\n", "2021-04-15")
    assert [v for _, v in _verdicts(out)] == ["met"] + ["missed"] * 5 + ["unknown", "met", "unknown", "open"]
    assert out["summary"]["violations"] == 5 and out["summary"]["unknown"] == 2


def test_after_a_partner_planned_ahead_and_one_called_off(tmp_path):
    """Board `after` the Summit by `6m` (months: due in the month six after the Summit's);
    Summits 2025-11-20..21 held, 2026-06-10 cancelled, `2027-03` planned; Board 2026-05-31;
    as of 2026-12-01. 2026-05 met (the last day of the due month); the cancelled Summit starts
    nothing; the planned one makes 2027-09 next due (an origin may be planned). No violation.
    A Board on 2026-04-30 instead, a day before the due month: 2026-05 `missed`."""
    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "6m"\n'
    rows = "summit,regular,,2025-11-20,2025-11-21,held,,,\nsummit,regular,,2026-06-10,,cancelled,,,\nsummit,regular,,2027-03,,planned,,,\n"
    out = _check(tmp_path, book, rows + "board,regular,,2026-05-31,,held,,,\n", "2026-12-01")
    assert [(f["window"]["label"], f["verdict"], f["pending"]) for f in out["findings"]] == [("2026-05", "met", False), ("2027-09", "open", True)]
    early = _check(tmp_path, book, rows + "board,regular,,2026-04-30,,held,,,\n", "2026-12-01")
    assert _verdicts(early)[0] == ("2026-05", "missed")


def test_a_ceiling_on_financial_years_and_a_row_known_only_to_the_calendar_year(tmp_path):
    """At most once a year, `year_start = "04-01"`, since 2020-04-01; Board 2020-05-01,
    2021-03-31, 2021-04-01..02, `2022`, 2022-06-01; as of 2023-06-01. FY2020-21: 05-01 and
    03-31: `excess`. `2022` lies in FY2021-22 (January to March) or FY2022-23 (April to
    December): each of those years holds one meeting for certain (2021-04-01, 2022-06-01)
    and maybe the `2022` row: both `uncertain`, not `excess` (one of them surely is, which
    one the register does not say). FY2023-24 open."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nyear_start = "04-01"\nsince = 2020-04-01\n'
    rows = "board,regular,,2022,,held,,,\nboard,regular,,2022-06-01,,held,,,\nboard,regular,,2020-05-01,,held,,,\nboard,regular,,2021-04-01,2021-04-02,held,,,\nboard,regular,,2021-03-31,,held,,,\n"
    out = _check(tmp_path, book, rows, "2023-06-01")
    assert _verdicts(out) == [("FY2020-21", "excess"), ("FY2021-22", "uncertain"), ("FY2022-23", "uncertain"), ("FY2023-24", "open")]
    assert out["summary"]["violations"] == 1


# -- a loosely dated row repeated: one meeting or two, in whichever period ------------------------


def test_a_year_only_row_repeated_may_be_two_meetings_of_one_quarter(tmp_path):
    """At least twice a quarter from the founding, 2021-03-19, to 2021-12-31; the register
    has `2021` on two identical rows (read once, with a warning); as of 2023-01-12. One
    meeting or two, the register does not say (README, "One meeting or two"), and it gives
    only the year. As one meeting it fills no quarter (two are needed); as two, both may have
    opened in 2021 Q2, or Q3, or Q4 (or Q1, before the first whole quarter): each of the three
    is met on some reading and short on another: `uncertain`, no violation, the why naming
    the rows (they were three `missed`, "no counting meeting recorded": the judge took the
    rows for one meeting, which decides nothing, and the one-or-two reading looked only at
    windows that counted them). With two distinct rows (another city each), the three were
    already `uncertain`."""
    book = BOARD + 'established = 2021-03-19\n[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "quarter"\nuntil = 2021-12-31\n'
    result = _run(tmp_path, book, "board,regular,,2021,,held,,,\nboard,regular,,2021,,held,,,\n", "2023-01-12")
    out = json.loads(result.stdout)
    assert _verdicts(out) == [("2021 Q2", "uncertain"), ("2021 Q3", "uncertain"), ("2021 Q4", "uncertain")]
    assert "Board 2021 is on 2 rows with the same kind and days and no number (m.csv lines 2 and 3): one meeting or two" in _why(out, "2021 Q3")
    assert result.exit_code == 0 and out["summary"]["violations"] == 0


def test_a_year_only_row_repeated_may_break_a_monthly_ceiling(tmp_path):
    """At most twice a month in 2021; Board 2021-10-19 and `2021` on two identical rows; as of
    2023-01-12. October holds 2021-10-19 for certain; the `2021` rows, one meeting or two,
    may have opened in October too: 1 to 3 meetings, at most 2 allowed: `uncertain` (it was
    `met`, "1 of at most 2"). Every other month holds at most the two rows: `met`."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 2\nper = "month"\nsince = 2021-01-01\nuntil = 2021-12-31\n'
    out = _check(tmp_path, book, "board,regular,,2021,,held,,,\nboard,regular,,2021-10-19,,held,,,\nboard,regular,,2021,,held,,,\n", "2023-01-12")
    assert [label for label, v in _verdicts(out) if v != "met"] == ["2021-10"]
    assert _verdicts(out)[9] == ("2021-10", "uncertain")
    assert _why(out, "2021-10").startswith("2021-10: 1 to 3 meetings, at most 2 allowed; Board 2021 is on 2 rows")


def test_a_window_still_within_its_tolerance_keeps_the_next_one_from_opening(tmp_path):
    """`every 2y`, `tolerance = "6m"`: Board 2017-07-09, planned 2021-10-17. As of
    2020-03-27, 2019 may still be met within its tolerance (by 2020-06-30): `open`, and the
    next due is 2023, after the plan: as with no plan, no 2021 window yet (2021 is due only
    once 2019 is missed). As of 2020-08-27, 2019 is `missed` and 2021 `open`, due by its own
    tolerance, 2022-06-30, the plan scheduled in it."""
    book = EVERY_2Y + 'tolerance = "6m"\n'
    rows = "board,regular,,2017-07-09,,held,,,\nboard,regular,,2021-10-17,,planned,,,\n"
    assert _verdicts(_check(tmp_path, book, rows, "2020-03-27")) == [("2019", "open"), ("2023", "open")]
    out = _check(tmp_path, book, rows, "2020-08-27")
    assert _verdicts(out) == [("2019", "missed"), ("2021", "open"), ("2023", "open")]
    assert _why(out, "2021").startswith("2021: 1 still due by 2022-06-30,")


def test_a_row_years_ahead_opens_no_window_beside_one_still_within_its_tolerance(tmp_path):
    """`every 6m`, `tolerance = "6m"`: Board 2017-06-21, and a row recorded held 2023-07-19
    (after today: scheduled, not counted); as of 2019-06-12. 2017-12 (tolerance to
    2018-06-30) and 2018-06 (to 2018-12-31) `missed`; 2018-12 may still be met by 2019-06-30:
    `open`. As with no later row, no 2019-06 window yet: it is due only once 2018-12 is
    missed (it was `open` too, "1 still due by 2019-12-31", two meetings asked where one
    would do, and 2019-12 next due). Next due: after the scheduled row, 2024-01."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "6m"\ntolerance = "6m"\n'
    out = _check(tmp_path, book, "board,regular,,2017-06-21,,held,,,\nboard,regular,,2023-07-19,,held,,,\n", "2019-06-12")
    assert [(f["window"]["label"], f["verdict"], f["pending"]) for f in out["findings"]] == [("2017-12", "missed", False), ("2018-06", "missed", False), ("2018-12", "open", False), ("2024-01", "open", True)]
    assert out["summary"]["open"] == 1
    alone = _check(tmp_path, book, "board,regular,,2017-06-21,,held,,,\n", "2019-06-12")
    assert _verdicts(alone) == [("2017-12", "missed"), ("2018-06", "missed"), ("2018-12", "open")]


# -- a projection read back names its rows as projected, not planned -----------------------------


def test_a_projected_row_whose_days_passed_is_called_projected_and_two_plans_are_plural(tmp_path):
    """At least once a year since 2023; Board held 2024-05-02; a row `projected` for 2025-06-10
    (a projection read back as a register: planner foresaw it, nobody planned it); two rows
    planned for 2026-03-02 and 2026-05-02; as of 2026-12-01. 2025: uncertain, and the why says
    the 2025 row "was projected" and "met if it was held as projected" (it said "planned": the
    register never said anyone planned it). 2026: open, the two plans passed unconfirmed "were
    planned but are not recorded as held" (it said "... 2026-05-02 was planned but is not", one
    verb for two meetings)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2023-01-01\n'
    rows = "board,regular,1,2024-05-02,,held,,,\nboard,regular,2,2025-06-10,,projected,,,\nboard,regular,3,2026-03-02,,planned,,,\nboard,regular,4,2026-05-02,,planned,,,\n"
    out = _check(tmp_path, book, rows, "2026-12-01")
    assert "2025-06-10 (2nd) was projected but is not recorded as held: met if it was held as projected." in _why(out, "2025")
    why = _why(out, "2026")
    assert "2026-05-02 (4th) were planned but are not recorded as held (unconfirmed)" in why and "was planned" not in why

