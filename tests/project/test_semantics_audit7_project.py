"""A seventh audit: `planner project` against cases worked out by hand from DESIGN.md alone (each
docstring holds the computation, written before the tool was run), on a Secretariat in Bern
(Swiss holidays: 1 January, Ascension, 1 August, 25 December; Saturday-Sunday weekend) unless
a case says otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import (
    SECRETARIAT,
    _body,
    _files,
    _invoke,
    _run,
    _schedule,
)

ROOT = Path(__file__).resolve().parent.parent.parent
_ONCE_A_YEAR = 'kind = "at_least"\ncount = 1\nper = "year"'
_SUMMIT = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\nhost = "secretariat"\nmonths = [10]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
_FOUNDED = 'host = "secretariat"\nestablished = 2020-01-01'


def _rows(*rows: str) -> str:
    return "".join(f"{r}\n" for r in rows)


def _days(out: dict, body: str = "board") -> list[str]:
    return [start for start, _ in _schedule(out, body)]


def _reasons(out: dict, body: str = "board") -> list[str]:
    return [m.get("reason", "") for m in out["meetings"] if m["body"] == body]


def _ordinals(out: dict, body: str = "board") -> list[tuple[str, int | None]]:
    return [(m["start"], m.get("ordinal")) for m in out["meetings"] if m["body"] == body]


# -- the next due date of each rule kind ---------------------------------------------------------


def test_a_rolling_chain_lands_at_its_nominal_date_each_interval(tmp_path):
    """`every 2y` rolling, June; the 3rd held 2024-06-10; today 2026-01-15, to 2030. Due by
    the end of 2026 (2024 + 2), at the nominal date 2026-06-10 (a Wednesday); then 2 years
    after it, 2028-06-10, a Saturday: the nearest working day, forward first (Sunday 06-11
    is not one), is Friday 06-09; then 2030-06-09, a Sunday: Monday 06-10. Ordinals 4, 5, 6."""
    out = _run(tmp_path, "project", _body(SECRETARIAT, 'kind = "every"\ninterval = "2y"'), _rows("board,regular,3,2024-06-10,,held,Bern,Switzerland"), "--today", "2026-01-15", "--to", "2030")
    assert _ordinals(out) == [("2026-06-10", 4), ("2028-06-09", 5), ("2030-06-10", 6)]
    assert _reasons(out)[0] == "2 years after the 3rd Board (2024-06-10)"


def test_to_on_the_due_day_includes_it_and_the_day_before_does_not(tmp_path):
    """The same chain to 2026-06-10 exactly: the 4th on 2026-06-10 is inside. To 2026-06-09,
    nothing exists after the 9th: the 2026 window is still open at the horizon's end and no
    day before it is forced, so nothing is projected and nothing is a Problem. The same for an
    `on` rule (the third Tuesday of September: 2026-09-15, September 1st being a Tuesday)."""
    book, rows = _body(SECRETARIAT, 'kind = "every"\ninterval = "2y"'), _rows("board,regular,3,2024-06-10,,held,Bern,Switzerland")
    assert _days(_run(tmp_path, "project", book, rows, "--today", "2026-01-15", "--to", "2026-06-10")) == ["2026-06-10"]
    out = _run(tmp_path, "project", book, rows, "--today", "2026-01-15", "--to", "2026-06-09")
    assert out["meetings"] == [] and out["problems"] == []
    on = _body(_FOUNDED, 'kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3')
    assert _days(_run(tmp_path, "project", on, "", "--today", "2026-03-01", "--to", "2026-09-15")) == ["2026-09-15"]
    assert _run(tmp_path, "project", on, "", "--today", "2026-03-01", "--to", "2026-09-14")["meetings"] == []


def test_an_on_rule_lands_on_its_day_and_a_holiday_there_is_a_problem(tmp_path):
    """The third Tuesday of September: 2026-09-15, 2027-09-21 (1 September 2027 is a
    Wednesday), 2028-09-19 (a Friday the 1st). On 1 August: 2026 and 2027 fall on a weekend,
    2028 on the Swiss National Day: three Problems, nothing moved to another day."""
    on = _body(_FOUNDED, 'kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3')
    assert _days(_run(tmp_path, "project", on, "", "--today", "2026-03-01", "--to", "2028")) == ["2026-09-15", "2027-09-21", "2028-09-19"]
    out = _run(tmp_path, "project", _body(_FOUNDED, 'kind = "on"\nmonth = 8\nday = 1'), "", "--today", "2026-03-01", "--to", "2028")
    assert out["meetings"] == []
    words = [p["message"] for p in out["problems"]]
    assert len(words) == 3 and "2026-08-01 is a weekend day" in words[0] and "2027-08-01 is a weekend day" in words[1] and "2028-08-01 is National Day" in words[2]


def test_a_grid_window_answered_within_its_tolerance_says_which_period_it_answers(tmp_path):
    """`every 2y` on the grid from 2020, tolerance 6 months; held 2020-06-10 and 2022-06-10;
    today Saturday 2025-03-01. Check: 2024 still open, due by 2025-06-30. Project: the 3rd
    on the first working day, Monday 2025-03-03, then 2026-06-10. The 2025 meeting answers
    the 2024 window: its reason said only "every 2 years on the grid from 2020", which reads
    as a meeting off the grid; it now says "due 2024, by 2025-06-30". Without a tolerance the
    same meeting is "overdue since 2024" (the window closed)."""
    rows = _rows("board,regular,1,2020-06-10,,held,Bern,Switzerland", "board,regular,2,2022-06-10,,held,Bern,Switzerland")
    book = _body(SECRETARIAT, 'kind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2020\ntolerance = "6m"')
    out = _run(tmp_path, "project", book, rows, "--today", "2025-03-01", "--to", "2027")
    assert _ordinals(out) == [("2025-03-03", 3), ("2026-06-10", 4)]
    assert _reasons(out) == ["due 2024, by 2025-06-30: every 2 years on the grid from 2020", "every 2 years on the grid from 2020"]
    text = _invoke("project", "--rules", str(tmp_path / "rules.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--today", "2025-03-01", "--to", "2027").stdout
    assert "due 2024, by 2025-06-30:" in text
    strict = _body(SECRETARIAT, 'kind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2020')
    assert _reasons(_run(tmp_path, "project", strict, rows, "--today", "2025-03-01", "--to", "2027"))[0] == "overdue since 2024: every 2 years on the grid from 2020"


def test_after_follows_each_origin_held_or_projected(tmp_path):
    """Summit `every 2y` in October, the 4th held 2025-10-01; Board 1 year after each Summit
    (June, its 1st held 2024-06-10). Board 2026-06-10 (after the 4th); Summit 2027-10-01 (2
    years after, a Friday); Board 2028: June 10th is a Saturday, so Friday 2028-06-09;
    Summit 2029-10-01 (a Monday)."""
    book = _SUMMIT + _body(SECRETARIAT, 'kind = "after"\nbody = "summit"\noffset = "1y"')
    out = _run(tmp_path, "project", book, _rows("summit,regular,4,2025-10-01,,held,Bern,Switzerland", "board,regular,1,2024-06-10,,held,Bern,Switzerland"), "--today", "2026-01-15", "--to", "2029")
    assert _ordinals(out) == [("2026-06-10", 2), ("2028-06-09", 3)]
    assert _ordinals(out, "summit") == [("2027-10-01", 5), ("2029-10-01", 6)]
    assert _reasons(out) == ["1 year after the 4th Summit (2025-10-01)", "1 year after the 5th Summit (2027-10-01, projected); moved from Sat 2028-06-10 (a weekend day in Switzerland)"]


def test_before_lands_inside_the_month_before_each_origin(tmp_path):
    """Board within 1 month before each Summit. The 5th Summit is planned 2027-03-15: the
    Board is due in 2027-02-15..2027-03-14. The 6th Summit is projected 2029-10-01 (2 years
    after, October kept): the Board in 2029-09-01..2029-09-30."""
    book = _SUMMIT + _body(SECRETARIAT, 'kind = "before"\nbody = "summit"\noffset = "1m"')
    rows = _rows("summit,regular,4,2025-10-01,,held,Bern,Switzerland", "summit,regular,5,2027-03-15,,planned,Bern,Switzerland", "board,regular,1,2025-09-10,,held,Bern,Switzerland")
    out = _run(tmp_path, "project", book, rows, "--today", "2026-01-15", "--to", "2029")
    first, second = _days(out)
    assert "2027-02-15" <= first <= "2027-03-14" and "2029-09-01" <= second <= "2029-09-30"
    assert _days(out, "summit") == ["2027-03-15", "2029-10-01"]


def test_at_least_spreads_over_the_period_and_keeps_its_min_gap(tmp_path):
    """Twice a year, `min_gap = "120d"`, no preferred month, no history (established 2020):
    2026 and 2027 each get two meetings at least 120 days apart, one per half. With one held
    2026-05-04 and today 2026-06-01: the second is on or after 2026-09-01 (05-04 + 120 days)."""
    book = _body(_FOUNDED, 'kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "120d"')
    days = _days(_run(tmp_path, "project", book, "", "--today", "2026-01-05", "--to", "2027"))
    assert len(days) == 4 and [d[:4] for d in days] == ["2026", "2026", "2027", "2027"]
    assert days[0][5:7] <= "06" < days[1][5:7] and days[2][5:7] <= "06" < days[3][5:7]
    (second,) = _days(_run(tmp_path, "project", book, _rows("board,regular,1,2026-05-04,,held,Bern,Switzerland"), "--today", "2026-06-01", "--to", "2026"))
    assert "2026-09-01" <= second <= "2026-12-31"


def test_quarters_months_and_halves_each_get_their_meeting(tmp_path):
    """Once a quarter, held 2026-02-04, today 2026-03-01: Q1 is met; Q2, Q3, Q4 one each.
    Once a month from today 2026-07-20 to October: July (still open: from tomorrow), August,
    September, October. Once a half-year, today 2026-06-29 to 2027-06-30: 2026 H1 on its last
    day, Tuesday 06-30; 2026 H2; 2027 H1."""
    out = _run(tmp_path, "project", _body(_FOUNDED, 'kind = "at_least"\ncount = 1\nper = "quarter"'), _rows("board,regular,1,2026-02-04,,held,Bern,Switzerland"), "--today", "2026-03-01", "--to", "2026")
    assert [(int(d[5:7]) - 1) // 3 for d in _days(out)] == [1, 2, 3] and all(d[:4] == "2026" for d in _days(out))
    monthly = _days(_run(tmp_path, "project", _body(_FOUNDED, 'kind = "at_least"\ncount = 1\nper = "month"'), "", "--today", "2026-07-20", "--to", "2026-10-31"))
    assert [d[:7] for d in monthly] == ["2026-07", "2026-08", "2026-09", "2026-10"] and monthly[0] >= "2026-07-21"
    halves = _days(_run(tmp_path, "project", _body(_FOUNDED, 'kind = "at_least"\ncount = 1\nper = "half"'), "", "--today", "2026-06-29", "--to", "2027-06-30"))
    assert halves[0] == "2026-06-30" and "2026-07-01" <= halves[1] <= "2026-12-31" and "2027-01-01" <= halves[2] <= "2027-06-30" and len(halves) == 3


def test_an_at_most_rule_alone_projects_nothing(tmp_path):
    """`at_most` 1 a year asks for no meeting: nothing is projected, nothing is a Problem."""
    out = _run(tmp_path, "project", _body(_FOUNDED, 'kind = "at_most"\ncount = 1\nper = "year"'), _rows("board,regular,1,2026-02-04,,held,Bern,Switzerland"), "--today", "2026-03-01", "--to", "2027")
    assert out["meetings"] == [] and out["problems"] == []


# -- ordinals ---------------------------------------------------------------------------------------


def test_ordinals_continue_the_regular_numbering_and_skip_special_meetings(tmp_path):
    """Once a year: the 4th (2024) and 5th (2025) regular, a 1st and 2nd special in 2025 (not
    counted, numbered apart): the next are the 6th (2026) and 7th (2027). The latest regular
    row without a number: the register does not say which number comes next, so none."""
    rows = _rows("board,regular,4,2024-06-10,,held,Bern,Switzerland", "board,special,1,2025-02-10,,held,Bern,Switzerland", "board,regular,5,2025-06-10,,held,Bern,Switzerland", "board,special,2,2025-09-10,,held,Bern,Switzerland")
    out = _run(tmp_path, "project", _body(SECRETARIAT, _ONCE_A_YEAR), rows, "--today", "2026-01-15", "--to", "2027")
    assert _ordinals(out) == [("2026-06-10", 6), ("2027-06-10", 7)]
    unnumbered = _rows("board,regular,4,2024-06-10,,held,Bern,Switzerland", "board,regular,,2025-06-10,,held,Bern,Switzerland")
    assert _ordinals(_run(tmp_path, "project", _body(SECRETARIAT, _ONCE_A_YEAR), unnumbered, "--today", "2026-01-15", "--to", "2027")) == [("2026-06-10", None), ("2027-06-10", None)]


def test_a_meeting_projected_before_a_numbered_plan_takes_the_number_before_it(tmp_path):
    """Once a year: the 5th held 2025-06-10, the 7th planned 2027-06-10; today 2026-01-15.
    2026 lacks its meeting: it is the one between the 5th and the 7th, the 6th. Projection
    called it the 8th (one more than the highest number), so the schedule read 8th (2026),
    7th (2027), 9th (2028); it now reads 6th, 7th, 8th. Twice a year, the 5th held in 2025 and
    the 7th planned in 2027: the two of 2026 are the 6th and a meeting the register's
    numbering leaves no number for (a second 7th would be a guess): none."""
    rows = _rows("board,regular,5,2025-06-10,,held,Bern,Switzerland", "board,regular,7,2027-06-10,,planned,Bern,Switzerland")
    out = _run(tmp_path, "project", _body(SECRETARIAT, _ONCE_A_YEAR), rows, "--today", "2026-01-15", "--to", "2028")
    assert _ordinals(out) == [("2026-06-10", 6), ("2027-06-10", 7), ("2028-06-09", 8)]
    twice = _body(SECRETARIAT, 'kind = "at_least"\ncount = 2\nper = "year"')
    rows = _rows("board,regular,4,2025-03-10,,held,Bern,Switzerland", "board,regular,5,2025-09-10,,held,Bern,Switzerland", "board,regular,7,2027-03-10,,planned,Bern,Switzerland")
    out = _run(tmp_path, "project", twice, rows, "--today", "2026-01-15", "--to", "2026")
    assert [n for _, n in _ordinals(out)] == [6, None]


def test_brics_as_of_2020_numbers_no_projected_summit_the_register_already_numbers():
    """BRICS (examples/brics.toml), as of 2020-06-01: the register holds the 12th to 17th
    Summits after that day (2020-2025); the 12th-14th were by video, which the customary
    rule does not count, so 2020, 2021 and 2022 get a projected Summit each. Those fall
    where the register's own 12th-14th are: no number is free (projection numbered them
    18th, 19th and 20th, and the 2026 Summit the 21st). 2026 follows the 17th: the 18th."""
    out = json.loads(_invoke("project", "--rules", str(ROOT / "examples/brics.toml"), "--meetings", str(ROOT / "examples/brics-meetings.csv"), "--today", "2020-06-01", "--to", "2026", "--format", "json").stdout)
    projected = [(m["start"][:4], m.get("ordinal")) for m in out["meetings"] if m["body"] == "summit" and m["status"] == "projected"]
    assert projected == [("2020", None), ("2021", None), ("2022", None), ("2026", 18)]
    assert len({m.get("ordinal") for m in out["meetings"] if m["body"] == "summit" and m.get("ordinal")}) == len([m for m in out["meetings"] if m["body"] == "summit" and m.get("ordinal")])


# -- working days, hosts and holidays ------------------------------------------------------------------


def test_a_host_with_a_friday_weekend_keeps_it(tmp_path):
    """A fixed host in Tehran (Iran's weekend: Friday), three days, June, history day 10. The
    nearest first day to the 10th, forward first, whose three days hold no Friday or holiday:
    2026: 06-10 (Wed) would run into Friday 06-12; 06-09 Tue-Thu. 2027: 06-10 is a Thursday;
    06-11 is a Friday; 06-12 Sat-Mon and 06-08 Tue-Thu are both two away: forward first, 06-12
    (Tasua is 06-15). 2028: Saturday 06-10 to Monday 06-12. Riyadh (Friday-Saturday weekend),
    two days from the 11th: 2026-06-10 Wed-Thu (the 11th would run into Friday); 2027: the 11th
    is a Friday, 06-13 Sun-Mon and 06-09 Wed-Thu are two away: 06-13; 2028: Sunday 06-11."""
    tehran = _body('host = "fixed"\nhost_country = "Iran"\nhost_city = "Tehran"\nmonths = [6]\nduration_days = 3', _ONCE_A_YEAR)
    out = _run(tmp_path, "project", tehran, _rows("board,regular,1,2025-06-10,,held,Tehran,Iran"), "--today", "2026-01-15", "--to", "2028")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2026-06-09", "2026-06-11"), ("2027-06-12", "2027-06-14"), ("2028-06-10", "2028-06-12")]
    riyadh = _body('host = "fixed"\nhost_country = "Saudi Arabia"\nhost_city = "Riyadh"\nmonths = [6]\nduration_days = 2', _ONCE_A_YEAR)
    out = _run(tmp_path, "project", riyadh, _rows("board,regular,1,2025-06-11,,held,Riyadh,Saudi Arabia"), "--today", "2026-01-15", "--to", "2028")
    assert _days(out) == ["2026-06-10", "2027-06-13", "2028-06-11"]


def test_a_host_whose_holidays_the_package_lacks_is_said(tmp_path):
    """A fixed host in Colombo: the holidays package has no Sri Lankan holidays from 2027.
    The meetings of 2027 and 2028 avoid only the weekend there: placed, and a note says so
    (the members' note said it only for meetings of all members; a Board hosted there was
    placed in silence). 2026 has its data: not named."""
    book = _body('host = "fixed"\nhost_country = "Sri Lanka"\nhost_city = "Colombo"\nmonths = [6]', _ONCE_A_YEAR)
    out = _run(tmp_path, "project", book, _rows("board,regular,1,2025-06-10,,held,Colombo,Sri Lanka"), "--today", "2026-01-15", "--to", "2028")
    assert _days(out) == ["2026-06-10", "2027-06-10", "2028-06-09"]
    assert [n for n in out["notes"] if "Sri Lanka" in n] == [
        "The holidays package has no or incomplete public-holiday data for Sri Lanka (2027-2028): meetings hosted there avoid only its weekend in those years, not its public holidays."
    ]
    rules, meetings = _files(tmp_path, book, _rows("board,regular,1,2025-06-10,,held,Colombo,Sri Lanka"))
    assert "Sri Lanka (2027-2028)" in _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2026-01-15", "--to", "2028").stdout
    assert not any("Sri Lanka" in n for n in _run(tmp_path, "project", book, _rows("board,regular,1,2025-06-10,,held,Colombo,Sri Lanka"), "--today", "2026-01-15", "--to", "2026")["notes"])


def test_a_meeting_of_several_days_never_spans_a_weekend(tmp_path):
    """Four days from the 10th of June 2026 (a Wednesday) would run into the weekend: Tuesday
    06-09 to Friday 06-12. Six days are longer than a Monday-Friday week: they span its
    weekend (twentieth audit; was a Problem), opening and closing on working days: Wednesday
    06-10 to Monday 06-15."""
    out = _run(tmp_path, "project", _body(SECRETARIAT + "\nduration_days = 4", _ONCE_A_YEAR), _rows("board,regular,1,2025-06-10,,held,Bern,Switzerland"), "--today", "2026-01-15", "--to", "2026")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2026-06-09", "2026-06-12")]
    out = _run(tmp_path, "project", _body(SECRETARIAT + "\nduration_days = 6", _ONCE_A_YEAR), _rows("board,regular,1,2025-06-10,,held,Bern,Switzerland"), "--today", "2026-01-15", "--to", "2026")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2026-06-10", "2026-06-15")] and out["problems"] == []


def test_two_bodies_of_one_host_do_not_clash(tmp_path):
    """Two bodies of the Secretariat, both once a year on 10 June by habit: the first takes
    Wednesday 2026-06-10; the second must be 3 days apart (min_days_between): 06-13 is a
    Saturday, so Monday 06-15."""
    book = _body(SECRETARIAT, _ONCE_A_YEAR) + _body(SECRETARIAT, _ONCE_A_YEAR, id="bureau", name="Bureau")
    out = _run(tmp_path, "project", book, _rows("board,regular,1,2025-06-10,,held,Bern,Switzerland", "bureau,regular,1,2025-06-10,,held,Bern,Switzerland"), "--today", "2026-01-15", "--to", "2026")
    assert sorted(_days(out) + _days(out, "bureau")) == ["2026-06-10", "2026-06-15"]


# -- overdue bodies ---------------------------------------------------------------------------------------


def test_an_overdue_rolling_chain_is_due_now_and_says_since_when(tmp_path):
    """`every 1y` rolling, held 2022-06-10, nothing since; today 2025-03-01. 2023 missed, the
    chain continues from it: 2024 missed, 2025 open. Projected 2025-06-10 ("1 year after the
    window due 2024, nothing held since the 1st Board"), then 2026-06-10."""
    out = _run(tmp_path, "project", _body(SECRETARIAT, 'kind = "every"\ninterval = "1y"'), _rows("board,regular,1,2022-06-10,,held,Bern,Switzerland"), "--today", "2025-03-01", "--to", "2026")
    assert _ordinals(out) == [("2025-06-10", 2), ("2026-06-10", 3)]
    assert _reasons(out)[0] == "1 year after the window due 2024, nothing held since the 1st Board (2022-06-10)"


def test_an_overdue_after_window_is_projected_at_once_and_says_overdue(tmp_path):
    """Board 1 year after each Summit; the 4th Summit held 2023-10-02, no Board since; today
    Saturday 2025-03-01: the 2024 window closed unanswered and may still be answered late
    until the next is due: Monday 2025-03-03, "overdue since 2024". The 5th Summit planned
    2025-10-01: a Board in 2026 (June, day 15: no history to take a day from: Monday
    2026-06-15)."""
    book = _SUMMIT + _body(SECRETARIAT, 'kind = "after"\nbody = "summit"\noffset = "1y"')
    out = _run(tmp_path, "project", book, _rows("summit,regular,4,2023-10-02,,held,Bern,Switzerland", "summit,regular,5,2025-10-01,,planned,Bern,Switzerland"), "--today", "2025-03-01", "--to", "2027")
    assert _days(out) == ["2025-03-03", "2026-06-15"]
    assert _reasons(out)[0] == "overdue since 2024: 1 year after the 4th Summit (2023-10-02)"


def test_a_first_meeting_due_within_months_of_the_founding_serves_its_year_too(tmp_path):
    """Once a year, `first_within = "6m"`, established 2025-11-01, no meeting yet; today
    2026-01-15. The first meeting is due by 2026-05-01; held then, it is also 2026's meeting
    (check: both windows met by one meeting). Projection placed 2026's meeting first (June,
    the body's month) and then the first meeting (2026-03-16): two meetings in 2026 where one
    is due. Now the first meeting's window goes first: 2026-03-16, whose reason is the
    founding window's words alone (it read "...: 1 of 1 in 2025-11-01"), then 2027-06-15.
    Twice a year: the first meeting and one more in 2026."""
    book = _body('host = "secretariat"\nmonths = [6]\nestablished = 2025-11-01', 'kind = "at_least"\ncount = 1\nper = "year"\nfirst_within = "6m"')
    out = _run(tmp_path, "project", book, "", "--today", "2026-01-15", "--to", "2027")
    assert _days(out) == ["2026-03-16", "2027-06-15"]
    assert _reasons(out)[0] == "first meeting within 6 months of the Board's establishment (2025-11-01)"
    check = _run(tmp_path, "check", book, _rows("board,regular,1,2026-03-16,,held,Bern,Switzerland"), "--today", "2027-01-15")
    assert [f["verdict"] for f in check["findings"] if f["window"]["label"] in ("2025-11-01..2026-05-01", "2026")] == ["met", "met"]
    twice = _body('host = "secretariat"\nmonths = [6]\nestablished = 2025-11-01', 'kind = "at_least"\ncount = 2\nper = "year"\nfirst_within = "6m"')
    days = _days(_run(tmp_path, "project", twice, "", "--today", "2026-01-15", "--to", "2026"))
    assert len(days) == 2 and days[0] <= "2026-05-01"


def test_a_chair_whose_holidays_the_package_lacks_is_said_for_the_meetings_it_hosts():
    """CICA with the plan "Azerbaijan, Sri Lanka, Thailand": Sri Lanka chairs from the 7th
    Summit (2026-10) to the 8th Ministerial Council (2028) and hosts the advisory bodies'
    meetings of 2027 and 2028, placed on its working days; the package has no Sri Lankan
    holidays from 2027, so they avoid only its weekend. The members' note spoke only of
    meetings of all members; a note now names the hosted years too (2027-2028)."""
    out = json.loads(_invoke("project", "--today", "2026-12-03", "--to", "2029", "--plan", "Azerbaijan, Sri Lanka, Thailand", "--format", "json").stdout)
    hosted = sorted({m["start"][:4] for m in out["meetings"] if m["country"] == "Sri Lanka" and m["status"] == "projected"})
    assert hosted == ["2026", "2027", "2028"]
    assert "The holidays package has no or incomplete public-holiday data for Sri Lanka (2027-2028): meetings hosted there avoid only its weekend in those years, not its public holidays." in out["notes"]
