"""A twenty-fifth audit: the session's leads (a ceiling with `except_when`, the cadence of a rule
with several versions, sessions sitting on `--today`, rows known to the month across a window's
edge, financial years and leap days, postponed, cancelled and unconfirmed rows together, a grid
whose first meeting moves, bodies founded mid-period or renamed), each on the smallest rule book
and register, its answer worked out by hand in the docstring before planner ran. Where planner
differed, the documented semantics (README, "The rule book" and "Semantics"; DESIGN.md) decided."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke
from tests.semantics.test_semantics_audit15 import BOARD, COLUMNS
from tests.semantics.test_semantics_audit20 import SUMMIT, _check, _rows, _verdicts, _why

AUDIT = Path(__file__).resolve().parents[1] / "audit"


def _book(*rules: str, body: str = BOARD, before: str = SUMMIT) -> str:
    """The Summit (ad hoc) and the Board with ``rules`` (each the keys of one rule, TOML)."""
    return before + body + "".join(f"[[bodies.rules]]\n{r}" for r in rules)


CEILING = 'kind = "at_most"\ncount = 1\nper = "year"\nsince = 2020\nexcept_when = ["summit"]\n'
TWO_BOARDS_2021 = ("board,regular,,2021-03-01,,held,,", "board,regular,,2021-09-01,,held,,")


# -- a ceiling whose excusing body's register may lack the excusing meeting ---------------------------


def test_a_ceiling_broken_in_a_year_a_skipped_summit_number_may_fall_in_is_unknown(tmp_path):
    """At most one Board a year, except in a year with a Summit (README: `except_when` "excuses
    this rule's window the same way"; "an `at_most` rule's excess there is `excused` too: the
    period is not judged"). Summits numbered 3rd (2020-05-01) and 5th (2022-05-01); Boards
    2021-03-01 and 2021-09-01. By hand: the 4th Summit was held between 2020-05-01 and
    2022-05-01, on a day the register does not give; held in 2021, it excuses the two Boards
    (not judged), held in 2020 or 2022 it does not (excess). Which, the register does not say:
    `unknown`, no violation, as the same gap already made a floor's shortfall `unknown` (session
    24). It was `excess`, exit 1: the Summit's register read as complete where its numbers say
    it is not."""
    rows = _rows("summit,regular,3,2020-05-01,,held,,", "summit,regular,5,2022-05-01,,held,,", *TWO_BOARDS_2021)
    out = _check(tmp_path, _book(CEILING), rows, "2023-01-10")
    assert ("2021", "unknown") in _verdicts(out)
    why = _why(out, "2021")
    assert "Unknown, not excess: a Summit in 2021 would excuse it" in why
    assert "the 4th is not recorded and may have been held in this window" in why
    assert out["summary"]["violations"] == 0 and out["summary"]["unknown"] == 1


def test_a_ceiling_broken_before_the_excusing_bodys_records_begin_is_unknown(tmp_path):
    """The same ceiling; the Summit's `records` complete from 2022 (README, "Record coverage":
    earlier periods may lack a meeting), a Summit 2022-05-01 only; Boards twice in 2021. By hand:
    a Summit of 2021 may be unrecorded, and it would excuse 2021: `unknown`, the why naming the
    records' first day. It was `excess`."""
    summit = SUMMIT.replace('category = "governing"\n', 'category = "governing"\nrecords = [{ start = 2022 }]\n')
    rows = _rows("summit,regular,,2022-05-01,,held,,", *TWO_BOARDS_2021)
    out = _check(tmp_path, _book(CEILING, before=summit), rows, "2023-01-10")
    assert ("2021", "unknown") in _verdicts(out)
    assert "a Summit in 2021 would excuse it, and for the Summit the register is known complete only from 2022-01-01" in _why(out, "2021")
    assert out["summary"]["violations"] == 0


def test_a_ceiling_stays_broken_where_the_skipped_summit_cannot_fall_in_its_year(tmp_path):
    """Summits 3rd (2019-05-01) and 5th (2020-05-01), Boards 2022-03-01 and 2022-09-01. By
    hand: the 4th lies between May 2019 and May 2020, never in 2022: nothing can excuse 2022,
    `excess`; 2021, with no Board, met."""
    rows = _rows("summit,regular,3,2019-05-01,,held,,", "summit,regular,5,2020-05-01,,held,,", "board,regular,,2022-03-01,,held,,", "board,regular,,2022-09-01,,held,,")
    out = _check(tmp_path, _book(CEILING), rows, "2023-01-10")
    assert _verdicts(out)[1:3] == [("2021", "met"), ("2022", "excess")]
    assert out["summary"]["violations"] == 1


def test_a_ceiling_stays_broken_where_the_excusing_bodys_records_hold_the_year(tmp_path):
    """The Summit's `records` complete from 2020; no Summit in 2021; Boards twice in 2021. By
    hand: the register holds every Summit of 2021, none: `excess`, a violation."""
    summit = SUMMIT.replace('category = "governing"\n', 'category = "governing"\nrecords = [{ start = 2020 }]\n')
    out = _check(tmp_path, _book(CEILING, before=summit), _rows("summit,regular,,2022-05-01,,held,,", *TWO_BOARDS_2021), "2023-01-10")
    assert ("2021", "excess") in _verdicts(out)
    assert "Unknown" not in _why(out, "2021")


def test_a_special_summit_does_not_excuse_a_ceiling(tmp_path):
    """README: `except_when` names bodies "whose regular meeting (held or planned) in the same
    due period excuses this rule's window". A special Summit 2021-05-01 beside two Boards in
    2021: not a regular one, so 2021 is `excess`."""
    out = _check(tmp_path, _book(CEILING), _rows("summit,special,,2021-05-01,,held,,", *TWO_BOARDS_2021), "2022-06-01")
    assert ("2021", "excess") in _verdicts(out)


def test_a_summit_planned_later_in_the_running_year_excuses_a_ceiling_already_reached(tmp_path):
    """README: "A planned meeting of the excusing body excuses while its dates are still ahead".
    As of 2021-10-01, Boards 2021-03-01 and 2021-09-01 and a Summit planned for 2021-11-01: 2021
    `excused`, the why saying the Summit is planned for 2021."""
    out = _check(tmp_path, _book(CEILING), _rows("summit,regular,1,2021-11-01,,planned,,", *TWO_BOARDS_2021), "2021-10-01")
    assert ("2021", "excused") in _verdicts(out)
    assert "Summit 2021-11-01 (1st) is planned for 2021" in _why(out, "2021")


def test_a_ceiling_broken_in_the_running_year_says_a_summit_may_still_excuse_it(tmp_path):
    """As of 2021-10-01, Boards 2021-03-01 and 2021-09-01, no Summit recorded or planned. By
    hand: as the register stands the ceiling is broken (`excess`: two Boards held, nothing
    undoes a meeting), but a Summit held by 2021-12-31 would leave 2021 unjudged; the why now
    says so. Once the year has closed with no Summit (as of 2022-01-10), `excess` without those
    words."""
    running = _check(tmp_path, _book(CEILING), _rows(*TWO_BOARDS_2021), "2021-10-01")
    assert ("2021", "excess") in _verdicts(running)
    assert "Excused after all if a Summit meets by 2021-12-31: this rule does not judge the count in a period with one." in _why(running, "2021")
    closed = _check(tmp_path, _book(CEILING), _rows(*TWO_BOARDS_2021), "2022-01-10")
    assert ("2021", "excess") in _verdicts(closed)
    assert "after all" not in _why(closed, "2021")


def test_a_ceiling_on_financial_years_and_a_summit_known_only_to_the_year(tmp_path):
    """At most one Board a financial year (1 April), except in a Summit's; Boards 2021-05-01
    and 2021-09-01 (FY2021-22), a Summit known only as `2022`. By hand: the Summit excuses
    FY2021-22 if held 2022-01-01..2022-03-31, not if later: `uncertain`, naming those days; no
    violation."""
    rule = CEILING.replace("since = 2020\n", 'year_start = "04-01"\nsince = 2020-04-01\n')
    rows = _rows("summit,regular,1,2022,,held,,", "board,regular,,2021-05-01,,held,,", "board,regular,,2021-09-01,,held,,")
    out = _check(tmp_path, _book(rule), rows, "2023-06-01")
    assert ("FY2021-22", "uncertain") in _verdicts(out)
    assert "Excused if Summit 2022 (1st) was held in FY2021-22 (2022-01-01..2022-03-31): the register gives only 2022." in _why(out, "FY2021-22")
    assert out["summary"]["violations"] == 0


def test_a_floor_and_a_ceiling_with_one_exception_judge_the_unrecorded_summit_alike(tmp_path):
    """"One Board a year, none required and none limited in a Summit year": a floor and a
    ceiling with ids, both `except_when = ["summit"]`; Summits 3rd (2020-05-01) and 5th
    (2022-05-01). Boards: none in 2021, two in 2023. By hand: 2021's shortfall and any excess
    there depend on the unrecorded 4th Summit: the floor's 2021 `unknown`; 2023 (no Summit can
    fall there) the floor met, the ceiling `excess`; and with two Boards in 2021 instead, the
    ceiling's 2021 `unknown` too (it was `excess` while the floor's was `unknown`)."""
    floor = 'id = "floor"\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\nexcept_when = ["summit"]\n'
    ceiling = 'id = "ceiling"\n' + CEILING
    summits = ("summit,regular,3,2020-05-01,,held,,", "summit,regular,5,2022-05-01,,held,,")
    rows = _rows(*summits, "board,regular,,2020-06-01,,held,,", "board,regular,,2023-03-01,,held,,", "board,regular,,2023-09-01,,held,,")
    out = _check(tmp_path, _book(floor, ceiling), rows, "2024-01-10")
    by_rule = sorted((f["rule"]["index"] if isinstance(f["rule"], dict) else f["rule"], f["window"]["label"], f["verdict"]) for f in out["findings"] if f["body"] == "board")
    assert [v for v in by_rule if v[1] in ("2021", "2023")] == [(0, "2021", "unknown"), (0, "2023", "met"), (1, "2021", "met"), (1, "2023", "excess")]
    rows = _rows(*summits, *TWO_BOARDS_2021)
    out = _check(tmp_path, _book(floor, ceiling), rows, "2022-01-10")
    assert sorted(f["verdict"] for f in out["findings"] if f["body"] == "board" and f["window"]["label"] == "2021") == ["met", "unknown"]


# -- the cadence of a rule with several versions, as of the check's day -----------------------------


def _appenzell(tmp_path: Path, today: str, *args: str):
    book, rows = AUDIT / "appenzell-landsgemeinde.toml", AUDIT / "appenzell-landsgemeinde-meetings.csv"
    return _invoke("check", "--rules", str(book), "--meetings", str(rows), "--today", today, *args)


def test_the_cadence_leads_with_the_version_in_force_on_the_checks_day(tmp_path):
    """The Landsgemeinde of Appenzell Innerrhoden meets "regelmässig je am letzten Sonntag im
    April" (Constitution of 24 November 1872, SR 131.224.2, art. 19(2)); the rule book keeps
    the years whose Easter is that Sunday (2011, 2038: art. 19(3), the first Sunday in May) as
    versions, and the text again from 2039. As of 2026-12-05 the version in force is 2012 to
    2037. By hand the summary reads "on the last Sunday in April (2012 to 2037; 2011: on the
    first Sunday in May; 2038: ...; since 2039: ...)". It led with "(since 2039-01-01; ...)",
    as if the version of 2039 were the one in force (session 24's finding)."""
    text = " ".join(_appenzell(tmp_path, "2026-12-05").output.split())
    assert "Landsgemeinde on the last Sunday in April (2012 to 2037; 2011: on the first Sunday in May; 2038: on the first Sunday in May; since 2039: on the last Sunday in April)" in text
    assert "since 2039-01-01;" not in text


def test_the_json_cadence_is_the_texts(tmp_path):
    """JSON's `bodies[].cadence` says what the text says: the version in force on the check's
    day first (it led with 2039's)."""
    out = json.loads(_appenzell(tmp_path, "2026-12-05", "--format", "json").stdout)
    (body,) = out["bodies"]
    assert body["cadence"].startswith("on the last Sunday in April (2012 to 2037; 2011: ")


def test_the_cadence_as_of_a_year_before_a_rule_was_amended(tmp_path):
    """CICA's SOC: "at least once a year" until 2024-12-16, "not less than twice a year" from
    2024-12-17 (the 2024-2026 chairmanship's brochure; NOTES.md). As of 2020-06-01 the text in
    force is the first: "at least once a year (2004 to 2024-12-16; since 2024-12-17: at least
    twice a year)"; as of 2026-12-05, unchanged: "at least twice a year (since 2024-12-17; 2004
    to 2024-12-16: at least once a year)"."""
    soc = (
        BOARD
        + '[[bodies.rules]]\nid = "soc"\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2004\nuntil = 2024-12-16\n'
        + '[[bodies.rules]]\nid = "soc"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2024-12-17\n'
    )
    rows = _rows("board,regular,,2019-06-01,,held,,")
    before = " ".join(_check(tmp_path, soc, rows, "2020-06-01", text=True).output.split())
    assert "Board at least once a year (2004 to 2024-12-16; since 2024-12-17: at least twice a year)" in before
    now = " ".join(_check(tmp_path, soc, rows, "2026-12-05", text=True).output.split())
    assert "Board at least twice a year (since 2024-12-17; 2004 to 2024-12-16: at least once a year)" in now


def test_the_cadence_of_a_check_to_a_past_day_is_that_days(tmp_path):
    """README: "`--to D` judges as at the close of D". The same SOC checked as of 2026-12-05
    to 2020-12-31: the version in force on 2020-12-31 leads (once a year)."""
    soc = (
        BOARD
        + '[[bodies.rules]]\nid = "soc"\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2004\nuntil = 2024-12-16\n'
        + '[[bodies.rules]]\nid = "soc"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2024-12-17\n'
    )
    out = _check(tmp_path, soc, _rows("board,regular,,2019-06-01,,held,,"), "2026-12-05", "--to", "2020-12-31")
    (body,) = out["bodies"]
    assert body["cadence"] == "at least once a year (2004 to 2024-12-16; since 2024-12-17: at least twice a year)"


def test_the_cadence_of_a_body_whose_rules_all_ended_names_the_last(tmp_path):
    """A Board dissolved 2021-07-15 (its rules end then), checked as of 2026: no rule is in
    force, and the summary says the rules as before, the last first: "at least twice a year
    from 2015-01-01 to 2021-07-15 (until 2014: at least once a year)"."""
    book = (
        BOARD
        + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2014\n'
        + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2015\nuntil = 2021-07-15\n'
    )
    (body,) = _check(tmp_path, book, _rows("board,regular,,2014-06-01,,held,,"), "2026-12-05")["bodies"]
    assert body["cadence"] == "at least twice a year from 2015-01-01 to 2021-07-15 (until 2014: at least once a year)"


def test_two_rules_in_force_on_the_checks_day_are_both_named_with_their_dates(tmp_path):
    """A binding once a year until 2030 beside a customary twice a year since 2020 (different
    ids): both in force on 2026-12-05, the first ending first. By hand both lead, each with its
    dates: "at least once a year (until 2030); in practice twice a year (customary) (since 2020)". The
    binding rule read "(until 2030: ...)" after the customary one, as if an earlier version."""
    book = (
        BOARD
        + '[[bodies.rules]]\nid = "statute"\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2030\n'
        + '[[bodies.rules]]\nid = "practice"\nkind = "at_least"\ncount = 2\nper = "year"\nbinding = false\nsince = 2020\n'
    )
    (body,) = _check(tmp_path, book, _rows("board,regular,,2021-06-01,,held,,"), "2026-12-05")["bodies"]
    assert body["cadence"] == "at least once a year (until 2030); in practice twice a year (customary) (since 2020)"


def test_planner_bodies_has_no_day_and_keeps_the_last_version_first(tmp_path):
    """`planner bodies` judges nothing on any day: the Landsgemeinde's cadence there still
    leads with the version in force last."""
    result = _invoke("bodies", "--rules", str(AUDIT / "appenzell-landsgemeinde.toml"))
    assert "since 2039-01-01" in " ".join(result.output.split())


# -- sessions sitting on --today; rows known to the month across a window's edge ---------------------


YEARLY = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\n'


def test_a_session_sitting_on_today_counts_in_the_year_it_opened(tmp_path):
    """README: "A meeting of several days counts in the period ... of its first day". A Board
    held 2021-12-20..2022-01-10, judged on 2021-12-31 while it sits: 2021 met by it, no 2022
    window yet."""
    out = _check(tmp_path, YEARLY, _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2021-12-20,2022-01-10,held,,"), "2021-12-31")
    assert _verdicts(out) == [("2020", "met"), ("2021", "met")]


def test_a_plan_sitting_on_the_last_day_of_its_window_is_scheduled_not_unconfirmed(tmp_path):
    """The same Board recorded as planned, judged on 2021-12-31: its window still runs (README:
    "a window whose deadline is `--today` is `open`"), the plan's days not all passed: `open`,
    scheduled; on 2022-01-15, its days passed unconfirmed: 2021 `uncertain` ("met if it was
    held as planned")."""
    rows = _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2021-12-20,2022-01-10,planned,,")
    running = _check(tmp_path, YEARLY, rows, "2021-12-31")
    assert ("2021", "open") in _verdicts(running)
    assert "scheduled: Board 2021-12-20" in _why(running, "2021")
    after = _check(tmp_path, YEARLY, rows, "2022-01-15")
    assert ("2021", "uncertain") in _verdicts(after)
    assert "met if it was held as planned" in _why(after, "2021")


def test_a_parliament_sitting_across_today_owes_its_next_sitting_from_its_last_day(tmp_path):
    """The Canadian Charter of Rights and Freedoms, s. 5: "There shall be a sitting of
    Parliament and of each legislature at least once every twelve months" (README: `count = 0`,
    `max_gap = "12m"`, `gap_from = "last_day"`). Parliaments recorded 2019-12-05..2021-08-15 and
    2021-11-22..2027-01-31 (sitting on 2026-12-05). By hand: 99 days between them, met; the next
    gap runs from 2027-02-01 and is next due by 2028-01-31; nothing is late while it sits."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 0\nper = "year"\nmax_gap = "12m"\ngap_from = "last_day"\nsince = 2019\n'
    out = _check(tmp_path, book, _rows("board,regular,43,2019-12-05,2021-08-15,held,,", "board,regular,44,2021-11-22,2027-01-31,held,,"), "2026-12-05")
    assert _verdicts(out) == [("2021-08-16..2022-08-15", "met"), ("2027-02-01..2028-01-31", "open")]
    assert out["summary"]["violations"] == 0


def test_a_row_known_to_a_month_that_ends_in_the_next_half_opened_in_the_first(tmp_path):
    """README: "A meeting's days are what its start and end say together". At least once a
    half-year; a Board `2021-06` .. `2021-07`: it opened in June whatever its day, so 2021 H1 is
    met (not `uncertain`), and 2021 H2, with nothing else, missed."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2021\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021-06,2021-07,held,,"), "2022-02-01")
    assert _verdicts(out)[:2] == [("2021 H1", "met"), ("2021 H2", "missed")]


def test_a_row_known_to_the_year_that_ends_on_a_day_opened_by_that_day(tmp_path):
    """Once a quarter; a Board `2021` .. `2021-03-15`: it opened by 15 March, so 2021 Q1 is met
    on every reading; 2021 Q2, with nothing else, missed."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "quarter"\nsince = 2021\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021,2021-03-15,held,,"), "2021-08-01")
    assert _verdicts(out)[:2] == [("2021 Q1", "met"), ("2021 Q2", "missed")]


def test_a_row_known_to_the_month_that_today_falls_in_may_not_have_opened(tmp_path):
    """README, "A register written later": a Board known only as `2021-12`, as of 2021-12-15,
    may not have opened yet; the window 2021 it alone meets is `uncertain`, not met, and no
    violation whichever it was (the year still runs)."""
    out = _check(tmp_path, YEARLY, _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2021-12,,held,,"), "2021-12-15")
    assert ("2021", "uncertain") in _verdicts(out)
    assert "may not have opened by 2021-12-15" in _why(out, "2021")
    assert out["summary"]["violations"] == 0


# -- financial years and leap days ---------------------------------------------------------------


def test_a_year_starting_in_september_puts_31_august_and_1_september_in_two_years(tmp_path):
    """A session year from 1 September (as the UN General Assembly's opens in September): at
    least once a session year; Boards 2020-10-01, 2021-08-31 and 2022-09-01. By hand:
    FY2020-21 (2020-09-01..2021-08-31) holds two, met; FY2021-22 holds none, missed (every
    calendar year would be met); FY2022-23 met."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nyear_start = "09-01"\nsince = 2020-09-01\n'
    rows = _rows("board,regular,,2020-10-01,,held,,", "board,regular,,2021-08-31,,held,,", "board,regular,,2022-09-01,,held,,")
    out = _check(tmp_path, book, rows, "2023-06-01")
    assert _verdicts(out)[:3] == [("FY2020-21", "met"), ("FY2021-22", "missed"), ("FY2022-23", "met")]


def test_a_leap_day_ends_a_year_that_starts_in_march(tmp_path):
    """Years from 1 March: FY2019-20 is 2019-03-01..2020-02-29. At most once a year; Boards
    2019-03-01 and 2020-02-29. By hand both lie in FY2019-20: `excess`; FY2020-21 holds none
    (met for a ceiling)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nyear_start = "03-01"\nsince = 2019-03-01\n'
    out = _check(tmp_path, book, _rows("board,regular,,2019-03-01,,held,,", "board,regular,,2020-02-29,,held,,"), "2021-06-01")
    assert _verdicts(out)[:2] == [("FY2019-20", "excess"), ("FY2020-21", "met")]
    assert "2 meetings, at most 1 allowed: Board 2019-03-01, Board 2020-02-29" in _why(out, "FY2019-20")


def test_a_ceiling_on_april_years_is_broken_across_new_year(tmp_path):
    """India's financial year (1 April to 31 March, General Clauses Act 1897, s. 3(21)): at
    most one meeting a financial year; Boards 2021-10-01 and 2022-02-01. By hand both lie in
    FY2021-22: `excess` (by calendar years neither 2021 nor 2022 would be)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nyear_start = "04-01"\nsince = 2021-04-01\n'
    out = _check(tmp_path, book, _rows("board,regular,,2021-10-01,,held,,", "board,regular,,2022-02-01,,held,,"), "2022-06-01")
    assert ("FY2021-22", "excess") in _verdicts(out)


def test_a_half_year_of_a_march_year_holds_the_leap_day(tmp_path):
    """Years from 1 March, at least once a half-year: the second half of FY2019-20 is
    2019-09-01..2020-02-29. By hand: a Board on 2020-02-29 meets it, and one on 2020-03-01 is
    the next half's (FY2020-21 H1, met already as of 2020-06-01 though it runs to 31 August)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nyear_start = "03-01"\nsince = 2019-03-01\n'
    rows = _rows("board,regular,,2019-04-01,,held,,", "board,regular,,2020-02-29,,held,,", "board,regular,,2020-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2020-06-01")
    assert _verdicts(out) == [("FY2019-20 H1", "met"), ("FY2019-20 H2", "met"), ("FY2020-21 H1", "met")]
    assert _why(out, "FY2019-20 H2").endswith("Board 2020-02-29.") and _why(out, "FY2020-21 H1").endswith("Board 2020-03-01.")


# -- postponed, cancelled and unconfirmed rows together ------------------------------------------


def test_postponed_cancelled_and_unconfirmed_rows_in_one_year_leave_it_uncertain(tmp_path):
    """README: "Postponed and cancelled meetings were not held: they never count"; a plan whose
    dates passed unconfirmed makes the window it would decide `uncertain`. Once a year; in 2021
    a Board postponed (03-01), one cancelled (06-01), one planned and never confirmed (09-01).
    By hand: 2021 `uncertain` (met only if the plan was held), no violation."""
    rows = _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2021-03-01,,postponed,,", "board,regular,,2021-06-01,,cancelled,,", "board,regular,,2021-09-01,,planned,,")
    out = _check(tmp_path, YEARLY, rows, "2022-02-01")
    assert ("2021", "uncertain") in _verdicts(out)
    assert "Board 2021-09-01 was planned but is not recorded as held: met if it was held as planned" in _why(out, "2021")
    assert out["summary"]["violations"] == 0


def test_postponed_and_cancelled_rows_alone_leave_the_year_missed(tmp_path):
    """The same without the plan: nothing was held in 2021, `missed`, the why naming both rows
    as not counted."""
    rows = _rows("board,regular,,2020-05-01,,held,,", "board,regular,,2021-03-01,,postponed,,", "board,regular,,2021-06-01,,cancelled,,")
    out = _check(tmp_path, YEARLY, rows, "2022-02-01")
    assert ("2021", "missed") in _verdicts(out)
    why = _why(out, "2021")
    assert "postponed" in why and "cancelled" in why


def test_a_ceiling_beside_postponed_cancelled_and_unconfirmed_rows(tmp_path):
    """At most once a year; in 2021 one Board held (01-15), one postponed, one cancelled and one
    planned never confirmed. By hand: the held one is 1 of 1; the plan, if held, breaks the
    ceiling: `uncertain`, never `excess`; the postponed and cancelled rows count for nothing."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2021\n'
    rows = _rows("board,regular,,2021-01-15,,held,,", "board,regular,,2021-03-01,,postponed,,", "board,regular,,2021-06-01,,cancelled,,", "board,regular,,2021-09-01,,planned,,")
    out = _check(tmp_path, book, rows, "2022-02-01")
    assert ("2021", "uncertain") in _verdicts(out)
    assert out["summary"]["violations"] == 0


# -- a grid whose first meeting moves; founded mid-period; renamed ---------------------------------


def test_a_grid_without_an_anchor_takes_its_phase_from_the_first_meetings_new_date(tmp_path):
    """Every 2 years on the grid, no `anchor` (DESIGN: "anchor defaults to the first counting
    meeting"). The register plans the 1st for 2019-05-01; a second `--meetings` file (README:
    "later rows override the same body, kind and ordinal") records it held 2020-05-01, and the
    2nd held 2022-05-01. By hand the grid runs 2020, 2022, 2024: 2019 and 2021 are not due."""
    (tmp_path / "r.toml").write_text(HEAD + BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nmode = "grid"\n', encoding="utf-8")
    (tmp_path / "a.csv").write_text(COLUMNS + "board,regular,1,2019-05-01,,planned,,\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(COLUMNS + "board,regular,1,2020-05-01,,held,,\nboard,regular,2,2022-05-01,,held,,\n", encoding="utf-8")
    result = _invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "a.csv"), "--meetings", str(tmp_path / "b.csv"), "--today", "2023-06-01", "--format", "json")
    out = json.loads(result.stdout)
    assert _verdicts(out) == [("2020", "met"), ("2022", "met"), ("2024", "open")]


def test_a_rolling_chain_goes_on_from_the_first_meetings_new_date(tmp_path):
    """Every 2 years, rolling: the 1st planned for 2019-05-01 and recorded by a second file
    as held 2021-03-01. By hand: the chain starts there; next due 2023."""
    (tmp_path / "r.toml").write_text(HEAD + BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n', encoding="utf-8")
    (tmp_path / "a.csv").write_text(COLUMNS + "board,regular,1,2019-05-01,,planned,,\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(COLUMNS + "board,regular,1,2021-03-01,,held,,\n", encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "a.csv"), "--meetings", str(tmp_path / "b.csv"), "--today", "2022-06-01", "--format", "json").stdout)
    assert _verdicts(out) == [("2023", "open")]


MOVED_GRID = (
    BOARD
    + '[[bodies.rules]]\nid = "g"\nkind = "every"\ninterval = "4y"\nmode = "grid"\nanchor = 2014\nuntil = 2020\n'
    + '[[bodies.rules]]\nid = "g"\nkind = "every"\ninterval = "4y"\nmode = "grid"\nanchor = 2021\nsince = 2021\n'
)


def test_a_grid_whose_anchor_moves_by_a_new_version_is_due_in_the_new_phase(tmp_path):
    """Every four years on the grid from 2014 until 2020, then from 2021 (a meeting put off a
    year, and an amendment counting the cycle from the new date: two versions of one rule, as
    DESIGN's "rules change" are written). Boards 2014, 2018, 2021. By hand (README: a window belongs to the version in force on its
    first day): 2014 and 2018 met, 2021 met under the new anchor, 2025 open; nothing due in
    2022."""
    rows = _rows("board,regular,1,2014-07-01,,held,,", "board,regular,2,2018-07-01,,held,,", "board,regular,3,2021-07-01,,held,,")
    out = _check(tmp_path, MOVED_GRID, rows, "2025-03-01")
    assert _verdicts(out)[:4] == [("2014", "met"), ("2018", "met"), ("2021", "met"), ("2025", "open")]


def test_a_grid_whose_anchor_moves_counts_a_meeting_a_year_after_the_new_anchor_late(tmp_path):
    """The same with the 3rd Board in 2022: the window 2021 of the new phase took no meeting in
    its year, and the Board of 2022 (no grid year) answers it a year late (README: "the next
    meeting is late for the last window whose deadline it missed"); 2025 open."""
    rows = _rows("board,regular,1,2014-07-01,,held,,", "board,regular,2,2018-07-01,,held,,", "board,regular,3,2022-07-01,,held,,")
    out = _check(tmp_path, MOVED_GRID, rows, "2025-03-01")
    assert _verdicts(out)[2:4] == [("2021", "late"), ("2025", "open")]
    assert "held Board 2022-07-01 (3rd): 1 year late" in _why(out, "2021")


def test_a_body_founded_mid_year_is_first_judged_on_its_first_whole_year(tmp_path):
    """README, "Start": "A floor (`at_least`) is judged from its first whole period" (no pro
    rata share of a count). Twice a year, the Board established 2020-06-15, one meeting in
    2020: 2020 not judged; 2021 (two held) met."""
    body = BOARD.replace('host = "secretariat"\n', 'host = "secretariat"\nestablished = 2020-06-15\n')
    book = body + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\n'
    rows = _rows("board,regular,,2020-07-01,,held,,", "board,regular,,2021-03-01,,held,,", "board,regular,,2021-10-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-03-01")
    assert _verdicts(out) == [("2021", "met"), ("2022", "open")]


def test_a_renamed_bodys_rows_under_its_former_name_count(tmp_path):
    """A body renamed keeps its id; its former name is an alias (README: a body's `aliases`).
    Rows under "Governing Board" (2020) and "Board" (2021) are one body's: both years met."""
    body = BOARD.replace('name = "Board"\n', 'name = "Board"\naliases = ["Governing Board"]\n')
    out = _check(tmp_path, body + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2020\n', _rows("Governing Board,regular,,2020-05-01,,held,,", "Board,regular,,2021-05-01,,held,,"), "2022-03-01")
    assert _verdicts(out)[:2] == [("2020", "met"), ("2021", "met")]


# -- an `on` rule's exception judges its due year ------------------------------------------------


ON_JUNE_1 = 'kind = "on"\nmonth = 6\nday = 1\nsince = 2020\nexcept_when = ["summit"]\n'


def test_a_summit_on_another_day_of_the_year_excuses_an_on_rule(tmp_path):
    """README: an `on` rule makes "one window per due year"; DESIGN: `except_when`, "another
    body's meeting in the same period excuses this one" (the OSCE's Ministerial Council, whose
    place the Astana Summit of 1-2 December 2010 took, tests/audit/osce.toml). A Board due on
    1 June each year except in a Summit year; a Summit 2021-03-01, no Board in 2021. By hand:
    2021 is a Summit year, so its 1 June is `excused`. It was `missed`, exit 1: the exception
    was judged on the one day, so only a Summit opening on 1 June excused it."""
    rows = _rows("summit,regular,1,2021-03-01,,held,,", "board,regular,,2020-06-01,,held,,", "board,regular,,2022-06-01,,held,,")
    out = _check(tmp_path, _book(ON_JUNE_1), rows, "2023-01-10")
    assert _verdicts(out)[:3] == [("2020-06-01", "met"), ("2021-06-01", "excused"), ("2022-06-01", "met")]
    assert "Excused: Summit 2021-03-01 (1st) met in 2021, and no Board is due in a period with a Summit." in _why(out, "2021-06-01")
    assert out["summary"]["violations"] == 0


def test_a_board_held_off_its_day_in_a_summit_year_is_excused_not_off_date(tmp_path):
    """The same rule; a Summit 2021-03-01 and a Board 2021-07-01 (not on 1 June). By hand: the
    year is not judged, so the Board off its day is no violation: `excused` (it was
    `off_date`)."""
    rows = _rows("summit,regular,1,2021-03-01,,held,,", "board,regular,,2020-06-01,,held,,", "board,regular,,2021-07-01,,held,,")
    out = _check(tmp_path, _book(ON_JUNE_1), rows, "2022-01-10")
    assert ("2021-06-01", "excused") in _verdicts(out)


def test_an_on_rule_beside_a_skipped_summit_number_names_the_year(tmp_path):
    """Summits 3rd (2020-05-01) and 5th (2022-05-01), no Board in 2021. By hand: the 4th may
    have met in 2021 and excused its 1 June: `unknown` (session 24's meaning), and the why names
    the year a Summit would excuse ("a Summit in 2021"), not the day ("in 2021-06-01")."""
    rows = _rows("summit,regular,3,2020-05-01,,held,,", "summit,regular,5,2022-05-01,,held,,", "board,regular,,2020-06-01,,held,,", "board,regular,,2022-06-01,,held,,")
    out = _check(tmp_path, _book(ON_JUNE_1), rows, "2023-01-10")
    assert ("2021-06-01", "unknown") in _verdicts(out)
    assert "Unknown, not missed: a Summit in 2021 would excuse it" in _why(out, "2021-06-01")


def test_no_on_day_is_projected_in_a_year_a_summit_is_planned(tmp_path):
    """`project` reads the exception as check does: a Summit planned for 2027-03-01, the Board
    due each 1 June but in a Summit year. By hand the Board is projected on 2028-06-01 and
    2029-06-01, not on 2027-06-01 (it was)."""
    (tmp_path / "r.toml").write_text(HEAD + _book(ON_JUNE_1), encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + "summit,regular,1,2027-03-01,,planned,,\nboard,regular,,2026-06-01,,held,,\n", encoding="utf-8")
    result = _invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2026-12-05", "--to", "2029-12-31", "--format", "json")
    boards = [m["start"] for m in json.loads(result.stdout)["meetings"] if m["body"] == "board" and m["status"] == "projected"]
    assert boards == ["2028-06-01", "2029-06-01"]


def test_a_gap_meeting_whose_preferred_month_has_passed_aims_at_the_latest_one_ahead(tmp_path):
    """README ("Company boards"): a meeting the gap requires "goes in the latest of the body's
    months (its `months`, else those it met in) that lies inside the gap". At least once a
    year, at most 8 months apart (`max_gap = "8m"`), `months = [2, 7, 11]`; the Board last met
    2026-06-10; as of 2026-12-05. By hand: the gap closes 2027-02-10; July and November 2026
    have passed, February 2027 is inside the gap (1 to 10 February): the gap's meeting is
    projected in February 2027. It was projected on Mon 2026-12-07, the first working day
    after --today, a month no rule or habit names: the gap aimed at July 2026, its first
    preferred month, and took the day nearest it that was left."""
    body = BOARD.replace('host = "secretariat"\n', 'host = "secretariat"\nmonths = [2, 7, 11]\n')
    (tmp_path / "r.toml").write_text(HEAD + body + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "8m"\n', encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + "board,regular,,2026-06-10,,held,,\n", encoding="utf-8")
    result = _invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2026-12-05", "--to", "2027-06-30", "--format", "json")
    starts = [m["start"] for m in json.loads(result.stdout)["meetings"] if m["body"] == "board" and m["status"] == "projected"]
    assert starts[0].startswith("2027-02-") and starts[0] <= "2027-02-10", starts

