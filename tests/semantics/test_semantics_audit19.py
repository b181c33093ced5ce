"""A nineteenth audit: README's "Semantics" and "Record coverage" clauses where two features
meet (an `after` window and a meeting held a day early, a ceiling on financial years and a
row known only to the year, a year-only row against quarters of a rule begun mid-year,
`except_when` beside record coverage, a dissolved partner, `--today` inside a meeting at a
year's end, a number both cancelled and held, rows given by two `--meetings` files, ...),
each on the smallest rule book and register. Every expected answer was worked out by hand
first, in the test's docstring, before planner was run; where planner differed, the
documented semantics decided which was right."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke
from tests.semantics.test_semantics_audit15 import BOARD, COLUMNS, _verdicts
from tests.semantics.test_semantics_audit16 import SUMMIT, _check, _why


def _board(kind: str, **keys: object) -> str:
    lines = "".join(
        f"{k} = {json.dumps(v) if isinstance(v, str) and not v[:4].isdigit() else v}\n"
        for k, v in keys.items()
    )
    return BOARD + f'[[bodies.rules]]\nkind = "{kind}"\n{lines}'


def _rows(*rows: str) -> str:
    return "".join(f"{r}\n" for r in rows)


# -- an `after` window missed by a meeting held just before it opened ------------------------------

AFTER_1Y = SUMMIT + _board("after", body="summit", offset="1y")


def test_an_after_window_missed_names_the_meeting_held_a_day_before_it_opened(tmp_path):
    """Board due in the year after each Summit's year (`after`, `offset = "1y"`); Summit
    2020-03-10; Board 2020-12-31, nothing since; as of 2022-06-01. The window is 2021 (period
    of 2020 + 1); the Board met on 2020-12-31, one day before it opened: 2021 `missed`, 1
    violation. "no counting meeting recorded" alone reads as if the Board never met: the why
    names it, "Not counted: Board 2020-12-31 (1st) (1 day before the window opened on
    2021-01-01)" (it named nothing)."""
    out = _check(
        tmp_path,
        AFTER_1Y,
        _rows("summit,regular,1,2020-03-10,,held,,", "board,regular,1,2020-12-31,,held,,"),
        "2022-06-01",
    )
    assert _verdicts(out) == [("2021", "missed")] and out["summary"]["violations"] == 1
    assert _why(out, "2021").endswith(
        "no counting meeting recorded. Not counted: Board 2020-12-31 (1st) (1 day before the window opened on 2021-01-01)."
    )


def test_an_after_window_in_months_or_days_names_the_early_meeting_too(tmp_path):
    """`offset = "2m"`: Summit 2020-03-10, Board 2020-04-30: the window is 2020-05, missed,
    the Board "1 day before the window opened on 2020-05-01". `offset = "30d"` after a Summit
    of 2020-03-10..03-12: due from the day after it ends (2020-03-13) to 2020-04-09; a Board
    during the Summit (03-11) is not after it: missed, "2 days before the window opened on
    2020-03-13"."""
    book = SUMMIT + _board("after", body="summit", offset="2m")
    out = _check(
        tmp_path,
        book,
        _rows("summit,regular,1,2020-03-10,,held,,", "board,regular,1,2020-04-30,,held,,"),
        "2022-06-01",
    )
    assert _verdicts(out) == [("2020-05", "missed")]
    assert (
        "Not counted: Board 2020-04-30 (1st) (1 day before the window opened on 2020-05-01)."
        in _why(out, "2020-05")
    )
    book = SUMMIT + _board("after", body="summit", offset="30d")
    out = _check(
        tmp_path,
        book,
        _rows(
            "summit,regular,1,2020-03-10,2020-03-12,held,,", "board,regular,1,2020-03-11,,held,,"
        ),
        "2022-06-01",
    )
    assert _verdicts(out) == [("2020-04-09", "missed")]
    assert (
        "Not counted: Board 2020-03-11 (1st) (2 days before the window opened on 2020-03-13)."
        in _why(out, "2020-04-09")
    )


def test_a_meeting_another_after_window_counted_is_not_named_as_early(tmp_path):
    """Summits 2019-03-01 and 2020-03-10, Board 2020-06-01: 2020 (after the 1st Summit) met
    by it; 2021 (after the 2nd) missed. The Board of 2020-06-01 opened after the 2nd Summit
    and before 2021, but it served 2020: naming it "not counted" for 2021 would mislead."""
    out = _check(
        tmp_path,
        AFTER_1Y,
        _rows(
            "summit,regular,1,2019-03-01,,held,,",
            "summit,regular,2,2020-03-10,,held,,",
            "board,regular,1,2020-06-01,,held,,",
        ),
        "2022-06-01",
    )
    assert _verdicts(out) == [("2020", "met"), ("2021", "missed")]
    assert "Not counted" not in _why(out, "2021")


# -- an `after` rule that ends before the window it opened ----------------------------------------

AFTER_UNTIL = SUMMIT + _board("after", body="summit", offset="1y", until="2021-06-30")


def test_an_after_rule_that_ended_requires_nothing_after_its_end(tmp_path):
    """Board one year after each Summit, `until = 2021-06-30` (the Board dissolved, no version
    after); Summit 2020-05-01; as of 2022-06-01. The window is 2021, due by 2021-12-31, after
    the rule ended: README, "A rule that has ended requires nothing after its end" (a rolling
    window, a floor's last period, a `before` window alike). Nothing held: no window, the rule
    `not_applicable`, exit 0 (it was 2021 `missed`, exit 1). A Board of 2021-09-01, after the
    end, was held under no rule and meets nothing: the same (it was `met`). A Board of
    2021-03-01 opened while the rule was in force: the part 2021-01..2021-06 `met`."""
    summit = "summit,regular,1,2020-05-01,,held,,"
    for rows in (_rows(summit), _rows(summit, "board,regular,,2021-09-01,,held,,")):
        out = _check(tmp_path, AFTER_UNTIL, rows, "2022-06-01")
        assert [f["verdict"] for f in out["findings"]] == ["not_applicable"] and out["summary"]["exit_code"] == 0
    out = _check(tmp_path, AFTER_UNTIL, _rows(summit, "board,regular,,2021-03-01,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2021-01..2021-06", "met")]


def test_an_after_rule_that_ends_keeps_its_window_when_a_later_version_takes_over(tmp_path):
    """The same rule until 2021-06-30 and a second version (the same `id`) from 2021-07-01, two
    years after each Summit: the Summit of 2020-05-01 opened under the first, so 2021 is due,
    whole (one rule, the later version taking over the next day): nothing held, `missed`."""
    book = SUMMIT + _board("after", id="b", body="summit", offset="1y", until="2021-06-30") + '[[bodies.rules]]\nkind = "after"\nid = "b"\nbody = "summit"\noffset = "2y"\nsince = 2021-07-01\n'
    out = _check(tmp_path, book, _rows("summit,regular,1,2020-05-01,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2021", "missed")]


def test_a_maximum_gap_due_after_its_rule_ended_is_not_required(tmp_path):
    """At least once a year with at most 120 days between meetings, since 2020, `until =
    2021-01-15` (no version after); Board 2020-10-01; as of 2022-06-01. 120 days after it is
    2021-01-29, after the rule ended: nothing was due while it was in force, so no gap window
    (it was `missed`, exit 1). 2020 met; the part 2021-01-01..01-15 asks nothing (nothing held
    in it). A Board of 2021-01-10 closed the gap under the rule: the gap `met` (101 days), the
    part met. A Board of 2021-01-20, after the end, closes nothing: no gap window. As of
    2020-12-01 no gap is open either. With a rule ending 2021-03-31 the gap was due while it
    was in force: `missed`."""
    rule = '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"\nsince = 2020\nuntil = {}\n'
    first = "board,regular,,2020-10-01,,held,,"
    book = BOARD + rule.format("2021-01-15")
    assert _verdicts(_check(tmp_path, book, _rows(first), "2022-06-01")) == [("2020", "met")]
    assert _verdicts(_check(tmp_path, book, _rows(first, "board,regular,,2021-01-20,,held,,"), "2022-06-01")) == [("2020", "met")]
    assert _verdicts(_check(tmp_path, book, _rows(first), "2020-12-01")) == [("2020", "met")]
    out = _check(tmp_path, book, _rows(first, "board,regular,,2021-01-10,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2020", "met"), ("2020-10-02..2021-01-29", "met"), ("2021-01-01..2021-01-15", "met")]
    out = _check(tmp_path, BOARD + rule.format("2021-03-31"), _rows(first), "2022-06-01")
    assert ("2020-10-02..2021-01-29", "missed") in _verdicts(out)


def test_a_first_meeting_due_after_its_rule_ended_is_not_required(tmp_path):
    """Board established 2021-05-10, its first meeting due within 30 days (2021-06-09), under a
    rule ending 2021-05-20; no meeting; as of 2022-06-01: due after the rule ended, nothing is
    required: `not_applicable`, exit 0 (it was `missed`). A Board of 2021-05-15 met it."""
    book = BOARD + 'established = 2021-05-10\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nfirst_within = "30d"\nuntil = 2021-05-20\n'
    out = _check(tmp_path, book, "", "2022-06-01")
    assert [f["verdict"] for f in out["findings"]] == ["not_applicable"] and out["summary"]["exit_code"] == 0
    out = _check(tmp_path, book, _rows("board,regular,,2021-05-15,,held,,"), "2022-06-01")
    assert ("2021-05-10..2021-06-09", "met") in _verdicts(out)


# -- a ceiling on financial years and a row known only to the calendar year ------------------------


def test_a_ceiling_on_financial_years_says_which_days_of_a_year_only_row_fall_in_the_window(
    tmp_path,
):
    """At most once a year, `year_start = "04-01"`, since 2020-04-01; Board 2021-06-01 and a
    row known only as `2021`; as of 2023-06-01. FY2021-22 is 2021-04-01..2022-03-31: the row
    is in it if held 2021-04-01..2021-12-31 (then 2 meetings, `excess`), in FY2020-21 if held
    January to March (then 1: within the limit): `uncertain`. FY2020-21 holds at most that
    row: `met`. The why says which days of 2021 fall in the financial year ("in FY2021-22 if
    held 2021-04-01..2021-12-31"; it said only "the register gives only 2021", leaving the
    reader to think the calendar year 2021 is the window)."""
    book = _board("at_most", count=1, per="year", year_start="04-01", since="2020-04-01")
    out = _check(
        tmp_path,
        book,
        _rows("board,regular,,2021-06-01,,held,,", "board,regular,,2021,,held,,"),
        "2023-06-01",
    )
    assert _verdicts(out) == [
        ("FY2020-21", "met"),
        ("FY2021-22", "uncertain"),
        ("FY2022-23", "met"),
        ("FY2023-24", "open"),
    ]
    assert (
        "Board 2021 (the register gives only 2021; in FY2021-22 if held 2021-04-01..2021-12-31); at most 1 allowed"
        in _why(out, "FY2021-22")
    )
    assert out["summary"]["violations"] == 0


def test_a_plan_known_only_to_the_year_says_which_days_meet_each_financial_year(tmp_path):
    """At least once a year, `year_start = "04-01"`, since 2020-04-01; one Board `planned` for
    `2021`, never recorded as held; as of 2023-06-01. Held as planned, it met FY2020-21 if held
    in January to March 2021, FY2021-22 if held April to December, never both: each is
    `uncertain`. Both whys said "met if it was held as planned", as if the plan met each year;
    now each gives its days ("met if it was held as planned, 2021-01-01..2021-03-31 (the
    register gives only 2021)" for FY2020-21). FY2022-23 `missed`. The same for a ceiling:
    Board 2021-06-01 held and the plan: FY2021-22 "excess if it was held as planned,
    2021-04-01..2021-12-31"."""
    book = _board("at_least", count=1, per="year", year_start="04-01", since="2020-04-01")
    out = _check(tmp_path, book, _rows("board,regular,,2021,,planned,,"), "2023-06-01")
    assert _verdicts(out) == [("FY2020-21", "uncertain"), ("FY2021-22", "uncertain"), ("FY2022-23", "missed"), ("FY2023-24", "open")]
    assert _why(out, "FY2020-21").endswith("met if it was held as planned, 2021-01-01..2021-03-31 (the register gives only 2021).")
    assert _why(out, "FY2021-22").endswith("met if it was held as planned, 2021-04-01..2021-12-31 (the register gives only 2021).")
    book = _board("at_most", count=1, per="year", year_start="04-01", since="2020-04-01")
    out = _check(tmp_path, book, _rows("board,regular,,2021-06-01,,held,,", "board,regular,,2021,,planned,,"), "2023-08-01")
    assert _verdicts(out)[:2] == [("FY2020-21", "met"), ("FY2021-22", "uncertain")]
    assert _why(out, "FY2021-22").endswith("excess if it was held as planned, 2021-04-01..2021-12-31 (the register gives only 2021).")


# -- `except_when` and `excused` on financial years: the rule's own year, not the calendar's ------


def test_a_summit_in_the_last_months_of_a_financial_year_excuses_that_year(tmp_path):
    """Ministerial at least once a year, `year_start = "04-01"`, since 2021-04-01, excused by a
    Summit in the same due period; Summit 2022-02-10, no Ministerial; as of 2022-06-01.
    FY2021-22 is 2021-04-01..2022-03-31 and holds the Summit: `excused`, no violation. It was
    `missed` (1 violation, exit 1): the due period was taken as the calendar year 2021, cut
    to 2021-04-01..2021-12-31, which the Summit is not in. (The eighteenth audit's case had
    a Ministerial held that year too, so the excuse was never asked for.)"""
    book = SUMMIT + MINISTERIAL + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nyear_start = "04-01"\nsince = 2021-04-01\nexcept_when = ["summit"]\n'
    out = _check(tmp_path, book, _rows("summit,regular,1,2022-02-10,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("FY2021-22", "excused"), ("FY2022-23", "open")]
    assert out["summary"]["violations"] == 0 and "Excused: Summit 2022-02-10 (1st) met in FY2021-22" in _why(out, "FY2021-22")


def test_projection_projects_nothing_for_a_financial_year_a_planned_summit_excuses(tmp_path):
    """The same rule since 2026-04-01; a Summit planned 2027-02-10, no Ministerial; `project`
    as of 2026-12-01 to 2028-03-31. FY2026-27 (to 2027-03-31) holds the planned Summit:
    nothing is due, nothing projected for it (a Ministerial was projected on 2026-12-02: the
    due period was taken as 2026-04-01..2026-12-31). FY2027-28 gets its Ministerial."""
    book = SUMMIT + MINISTERIAL + 'host = "secretariat"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nyear_start = "04-01"\nsince = 2026-04-01\nexcept_when = ["summit"]\n'
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + _rows("summit,regular,1,2027-02-10,,planned,,"), encoding="utf-8")
    out = json.loads(_invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2026-12-01", "--to", "2028-03-31", "--format", "json").stdout)
    projected = [m["start"] for m in out["meetings"] if m["body"] == "min"]
    assert len(projected) == 1 and projected[0] >= "2027-04-01"


def test_a_summit_known_only_to_the_year_may_excuse_either_financial_year_it_touches(tmp_path):
    """The same rule since 2020-04-01; a Summit known only as `2021`; no Ministerial; as of
    2022-06-01. Held in January to March 2021, it excuses FY2020-21; April to December,
    FY2021-22: each is `uncertain` (FY2020-21 was `missed`: a violation the register does not
    show), its why giving the days ("Excused if Summit 2021 (1st) was held in FY2020-21
    (2021-01-01..2021-03-31): the register gives only 2021")."""
    book = SUMMIT + MINISTERIAL + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nyear_start = "04-01"\nsince = 2020-04-01\nexcept_when = ["summit"]\n'
    out = _check(tmp_path, book, _rows("summit,regular,1,2021,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("FY2020-21", "uncertain"), ("FY2021-22", "uncertain"), ("FY2022-23", "open")]
    assert out["summary"]["violations"] == 0
    assert "Excused if Summit 2021 (1st) was held in FY2020-21 (2021-01-01..2021-03-31): the register gives only 2021." in _why(out, "FY2020-21")
    assert "Excused if Summit 2021 (1st) was held in FY2021-22 (2021-04-01..2021-12-31): the register gives only 2021." in _why(out, "FY2021-22")


def test_an_excused_calendar_year_does_not_excuse_a_financial_year_it_covers_in_part(tmp_path):
    """Board at least once a year, `year_start = "04-01"`, since 2020-04-01, `excused` for
    2021 (the calendar year, a reason given); Board 2020-05-01 only; as of 2023-06-01.
    FY2020-21 met. FY2021-22 (2021-04-01..2022-03-31): the excused period covers April to
    December only, and a meeting was still due by 2022-03-31: `missed`, "Not excused: ...
    covers only part of FY2021-22" (it was `excused`, judged on 2021-04-01..2021-12-31).
    FY2022-23 missed. An excused period of 2021-04 to 2022-03 excuses FY2021-22 whole."""
    rule = '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nyear_start = "04-01"\nsince = 2020-04-01\n'
    out = _check(tmp_path, BOARD + rule + 'excused = [{ start = 2021, end = 2021, reason = "closure" }]\n', _rows("board,regular,,2020-05-01,,held,,"), "2023-06-01")
    assert _verdicts(out) == [("FY2020-21", "met"), ("FY2021-22", "missed"), ("FY2022-23", "missed"), ("FY2023-24", "open")]
    assert "Not excused: the excused period 2021 (closure) covers only part of FY2021-22." in _why(out, "FY2021-22")
    out = _check(tmp_path, BOARD + rule + 'excused = [{ start = "2021-04", end = "2022-03", reason = "closure" }]\n', _rows("board,regular,,2020-05-01,,held,,"), "2023-06-01")
    assert _verdicts(out)[1] == ("FY2021-22", "excused")


# -- "One meeting fills only one of ...": the windows that count on it, not every period it touches


def test_one_meeting_fills_only_one_of_the_quarters_of_a_rule_begun_mid_year(tmp_path):
    """At least once a quarter since 2021-07-01; one Board known only as `2021`; as of
    2022-01-15. Q1 and Q2 of 2021 are no windows of the rule (before its `since`); Q3 and Q4
    each are met only if the row was held in them: both `uncertain`, and at least one of them
    short. The why said "One meeting fills only one of 2021 Q1 to 2021 Q4", naming two
    quarters the rule never judged; now "only one of 2021 Q3 and 2021 Q4"."""
    book = _board("at_least", count=1, per="quarter", since="2021-07-01")
    out = _check(tmp_path, book, _rows("board,regular,,2021,,held,,"), "2022-01-15")
    assert _verdicts(out) == [
        ("2021 Q3", "uncertain"),
        ("2021 Q4", "uncertain"),
        ("2022 Q1", "open"),
    ]
    for label in ("2021 Q3", "2021 Q4"):
        assert (
            "One meeting fills only one of 2021 Q3 and 2021 Q4: Board 2021 cannot meet more than one of them"
            in _why(out, label)
        )


def test_one_meeting_fills_only_one_of_the_quarters_not_already_met(tmp_path):
    """At least once a quarter since 2021; Board `2021-02` (in Q1 whatever its day) and
    Board `2021`; as of 2022-01-15. Q1 met by the February row; Q2, Q3, Q4 each met only if
    the year-only row was held in them: `uncertain`, at least two of the three short (one
    meeting, three windows; "at least one" until session 22). Q1 asks
    nothing of the year-only row: "One meeting fills only one of 2021 Q2 to 2021 Q4" (it
    said "2021 Q1 to 2021 Q4")."""
    book = _board("at_least", count=1, per="quarter", since="2021-01-01")
    out = _check(
        tmp_path,
        book,
        _rows("board,regular,,2021-02,,held,,", "board,regular,,2021,,held,,"),
        "2022-01-15",
    )
    assert _verdicts(out) == [
        ("2021 Q1", "met"),
        ("2021 Q2", "uncertain"),
        ("2021 Q3", "uncertain"),
        ("2021 Q4", "uncertain"),
        ("2022 Q1", "open"),
    ]
    assert "One meeting fills only one of 2021 Q2 to 2021 Q4:" in _why(out, "2021 Q3")
    assert "at least 2 of 2021 Q2, 2021 Q3 and 2021 Q4 are short" in _why(out, "2021 Q3")


# -- where two features meet: hand-computed, already right (pinned) -------------------------------

MINISTERIAL = '[[bodies]]\nid = "min"\nname = "Ministerial"\ncategory = "governing"\n'


def test_except_when_beside_record_coverage(tmp_path):
    """Ministerial at least once a year since 2018, `except_when = ["summit"]`, records known
    complete from 2020; Summit 2019-05-01; no Ministerial recorded; as of 2022-06-01. 2018:
    nothing recorded in a year not known complete, no Summit: `unknown`. 2019: the Summit
    excuses it, whatever the records say: `excused`. 2020, 2021: known complete, no Summit,
    nothing held: `missed`. 2022 `open`. 2 violations."""
    book = SUMMIT + MINISTERIAL + 'records = [{ start = 2020 }]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2018\nexcept_when = ["summit"]\n'
    out = _check(tmp_path, book, _rows("summit,regular,1,2019-05-01,,held,,"), "2022-06-01")
    assert _verdicts(out) == [("2018", "unknown"), ("2019", "excused"), ("2020", "missed"), ("2021", "missed"), ("2022", "open")]
    assert out["summary"]["violations"] == 2


def test_except_when_a_cancelled_or_special_summit_excuses_nothing(tmp_path):
    """The same rule since 2021, no records stated; a Summit of 2021-05-01 `cancelled`, or
    held as a `special` one (`except_when` names regular meetings held or planned): 2021 is
    `missed` either way. A plan whose days passed unconfirmed may have been held: `uncertain`,
    "Excused if Summit 2021-05-01 (1st) was held"."""
    book = SUMMIT + MINISTERIAL + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2021\nexcept_when = ["summit"]\n'
    for row in ("summit,regular,1,2021-05-01,,cancelled,,", "summit,special,1,2021-05-01,,held,,"):
        assert _verdicts(_check(tmp_path, book, _rows(row), "2022-06-01")) == [("2021", "missed"), ("2022", "open")]
    out = _check(tmp_path, book, _rows("summit,regular,1,2021-05-01,,planned,,"), "2022-06-01")
    assert _verdicts(out) == [("2021", "uncertain"), ("2022", "open")]
    assert "Excused if Summit 2021-05-01 (1st) was held" in _why(out, "2021")


def test_a_customary_ceiling_broken_is_an_advisory_whatever_the_records(tmp_path):
    """At most once a year, `binding = false`, since 2021; records known complete only from
    2022; Board 2021-03-30 and 2021-04-10; as of 2022-08-01. Two meetings held break the
    ceiling whatever else the register lacks (coverage questions shortfalls only): 2021
    `advisory`, not `excess`, not `unknown`; exit 0."""
    book = BOARD + 'records = [{ start = 2022 }]\n' + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2021\nbinding = false\n'
    out = _check(tmp_path, book, _rows("board,regular,1,2021-03-30,,held,,", "board,regular,2,2021-04-10,,held,,"), "2022-08-01")
    assert _verdicts(out) == [("2021", "advisory"), ("2022", "open")]
    assert out["summary"]["exit_code"] == 0 and "(customary rule, an advisory)" in _why(out, "2021")


def test_an_after_rule_goes_on_after_its_partner_was_dissolved(tmp_path):
    """Summit at least once a year 2019-2020 (`until = 2020-12-31`: dissolved); Board one year
    after each Summit; Summits 2019-06-01 (1st) and 2020-06-01 (2nd), Board 2020-09-01; as of
    2022-06-01. The Board's rule has no end: 2020 met (after the 1st), 2021 `missed` (after
    the 2nd: the Summit's dissolution does not undo the Summit it held), nothing after."""
    summit = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2019\nuntil = 2020-12-31\n'
    out = _check(tmp_path, summit + _board("after", body="summit", offset="1y"), _rows("summit,regular,1,2019-06-01,,held,,", "summit,regular,2,2020-06-01,,held,,", "board,regular,,2020-09-01,,held,,"), "2022-06-01")
    assert [(f["body"], f["window"]["label"], f["verdict"]) for f in out["findings"]] == [("summit", "2019", "met"), ("summit", "2020", "met"), ("board", "2020", "met"), ("board", "2021", "missed")]


def test_today_inside_a_meeting_across_a_years_end(tmp_path):
    """At least once a year since 2021; Board held 2021-12-30..2022-01-02. As of 2021-12-31
    (inside it): it opened on 12-30, so 2021 is `met`. As of 2021-12-29: recorded held but
    opening after today, it is scheduled, not counted: 2021 `open`, naming it. As of
    2022-01-01: 2021 met, 2022 `open` (a meeting counts in the period it opens, once)."""
    book = _board("at_least", count=1, per="year", since=2021)
    rows = _rows("board,regular,,2021-12-30,2022-01-02,held,,")
    assert _verdicts(_check(tmp_path, book, rows, "2021-12-31")) == [("2021", "met")]
    out = _check(tmp_path, book, rows, "2021-12-29")
    assert _verdicts(out) == [("2021", "open")] and "scheduled: Board 2021-12-30" in _why(out, "2021")
    assert _verdicts(_check(tmp_path, book, rows, "2022-01-01")) == [("2021", "met"), ("2022", "open")]


def test_a_rolling_window_after_a_meeting_running_on_today_has_not_opened(tmp_path):
    """`every 1y`; Board 2020-06-01 (1st), 2021-12-30..2022-01-02 (2nd); as of 2022-01-01.
    2021 met by the 2nd (it opened 12-30). The next window starts the day after its last
    day, 2022-01-03: not begun on 2022-01-01, so it is what is next due (by 2022-12-31), not
    an open window."""
    out = _check(tmp_path, _board("every", interval="1y"), _rows("board,regular,1,2020-06-01,,held,,", "board,regular,2,2021-12-30,2022-01-02,held,,"), "2022-01-01")
    assert _verdicts(out) == [("2021", "met"), ("2022", "open")]
    assert out["summary"]["next_due"] == 1 and out["summary"]["open"] == 0


def test_a_number_cancelled_then_held_later(tmp_path):
    """At least once a half-year since 2021; the 5th `cancelled` on 2021-03-01 and the 5th
    held 2021-09-01; as of 2022-01-15. A cancelled row is no part of its number's meeting:
    H1 `missed`, naming the cancelled row; H2 `met` by the held 5th."""
    out = _check(tmp_path, _board("at_least", count=1, per="half", since=2021), _rows("board,regular,5,2021-03-01,,cancelled,,", "board,regular,5,2021-09-01,,held,,"), "2022-01-15")
    assert _verdicts(out) == [("2021 H1", "missed"), ("2021 H2", "met"), ("2022 H1", "open")]
    assert "Not counted: Board 2021-03-01 (5th) (cancelled)" in _why(out, "2021 H1")


def test_a_postponed_number_held_a_year_later_is_late_and_the_chain_goes_on_from_it(tmp_path):
    """`every 1y`; 2nd 2020-05-01; 3rd `postponed` 2021-06-01, held 2022-02-01; as of
    2023-01-15. 2021 was due by 2021-12-31: answered by the 3rd, 1 year `late`, the postponed
    row named. The chain goes on from 2022: 2023 `open`. No 2022 window."""
    out = _check(tmp_path, _board("every", interval="1y"), _rows("board,regular,2,2020-05-01,,held,,", "board,regular,3,2021-06-01,,postponed,,", "board,regular,3,2022-02-01,,held,,"), "2023-01-15")
    assert _verdicts(out) == [("2021", "late"), ("2023", "open")]
    assert "1 year late" in _why(out, "2021") and "Board 2021-06-01 (3rd) (postponed)" in _why(out, "2021")


def _check_files(tmp_path: Path, book: str, *registers: str, today: str) -> dict:
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    args = []
    for n, rows in enumerate(registers):
        (tmp_path / f"m{n}.csv").write_text(COLUMNS + rows, encoding="utf-8")
        args += ["--meetings", str(tmp_path / f"m{n}.csv")]
    return json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), *args, "--today", today, "--format", "json").stdout)


def test_a_row_given_by_two_registers_with_its_number_or_without(tmp_path):
    """At least twice a year since 2021; as of 2022-01-15. The 5th on 2021-03-01 in both
    `--meetings` files: one number, one meeting (the later register's row replaces it): 2021
    `missed`, 1 of 2. The same row without a number in both: one meeting recorded twice, or
    two meetings the same day; the register does not say: `uncertain`, naming both files."""
    book = _board("at_least", count=2, per="year", since=2021)
    out = _check_files(tmp_path, book, _rows("board,regular,5,2021-03-01,,held,,"), _rows("board,regular,5,2021-03-01,,held,,"), today="2022-01-15")
    assert _verdicts(out) == [("2021", "missed"), ("2022", "open")]
    out = _check_files(tmp_path, book, _rows("board,regular,,2021-03-01,,held,,"), _rows("board,regular,,2021-03-01,,held,,"), today="2022-01-15")
    assert _verdicts(out) == [("2021", "uncertain"), ("2022", "open")]
    assert "m0.csv line 2; m1.csv line 2" in _why(out, "2021")


def test_partners_that_never_met_make_nothing_due(tmp_path):
    """Board `before` a Council within a month, or `after` a Summit by a year; neither
    partner has ever met (ad hoc, no rows); a Board of 2021-03-01; as of 2022-01-15: nothing
    is due, no violation: the rule shows as not applicable."""
    council = SUMMIT.replace("summit", "council").replace("Summit", "Council")
    for book in (council + _board("before", body="council", offset="1m"), SUMMIT + _board("after", body="summit", offset="1y")):
        out = _check(tmp_path, book, _rows("board,regular,,2021-03-01,,held,,"), "2022-01-15")
        assert [f["verdict"] for f in out["findings"]] == ["not_applicable"] and out["summary"]["exit_code"] == 0
