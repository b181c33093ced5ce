"""A twenty-first audit, of `project` and `chairs`: small rule books whose projection and chair
plan were worked out by hand first (in each test's docstring, from DESIGN.md and the README),
then compared with `--format json`. Days off are those of the `holidays` package (0.109) for
the host, in the categories the rule book's `holiday_categories` names (by default `public`,
`government` and `de_facto`)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org
from tests.project.test_semantics_audit20_project import _rows, _starts

_AT_LEAST_TWICE = 'kind = "at_least"\ncount = 2\nper = "year"\n'


# -- 1. The n-th meeting of a year keeps the body's spacing ------------------------------------------


def test_a_body_meeting_in_spring_and_autumn_is_projected_in_spring_and_autumn(tmp_path):
    """A Ministerial Action Group at least twice a year in London (the Commonwealth trial's
    CMAG), held Wed 2024-03-20 and Wed 2024-09-25, Wed 2025-03-12 (its autumn meeting
    postponed, no new date) and Tue 2026-04-14 (its spring one put off from February); as of
    2026-12-04 to 2027. By hand: 2026 still needs its second, and its usual day (September)
    has passed: the middle of what is left, 5 to 31 December, Fri 2026-12-18. 2024 held two,
    in March and September: the first meeting of a year in March, the second in September;
    2025's and 2026's one meeting each is nearest the first (March, April: 3 and 4 against 9):
    first meetings 3, 3, 4, the median March; second
    meetings 9: September. Days: March's 20 and 12, the lower median 12, Fri 2027-03-12;
    September's 25, Sat 2027-09-25, so Fri the 24th (a day back; Monday is two on). Before,
    the medians of the two halves of the sorted months 3, 3, 4, 9 were March and April: the
    year's two meetings a month apart (2027-03-12 and 2027-04-14), where the body meets six
    months apart."""
    book = _org("London", "United Kingdom") + _body("cmag", "Ministerial Action Group", "", _AT_LEAST_TWICE)
    rows = _rows("cmag", "London", "United Kingdom", "2024-03-20", "2024-09-25", "2025-03-12", "2026-04-14")
    rows += _rows("cmag", "London", "United Kingdom", "2025-11-05", status="postponed")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-12-04", "2027-12-31")) == ["2026-12-18", "2027-03-12", "2027-09-24"]


def test_the_turns_of_a_year_are_the_medians_of_its_first_and_second_meetings(tmp_path):
    """A Council at least twice a year in Vienna, held 2022-02-10 and 2022-06-09, 2023-02-09
    and 2023-11-16, 2024-03-14 and 2024-11-14, 2025-02-13 and 2025-11-13; as of 2026-01-15 to
    2026. By hand: the first meetings of the years fell in February, February, March,
    February: the median (lower of 2, 2, 2, 3) February, its days 10, 9, 13: the 10th; the
    second in June, November, November, November: November, its days 16, 14, 13: the 14th.
    2026-02-10 is a Tuesday, 2026-11-14 a Saturday: Friday the 13th (a day back). Before, the
    medians of the two halves of the sorted months (2 2 2 3 | 6 11 11 11) gave February and
    November too: the turns agree where every year held two. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: all eight on a
    Thursday, February's in the second week (10, 9, 13), November's in the third, second and
    second (16, 14, 13): the second: Thursday 2026-02-12 and Thursday 2026-11-12."""
    book = _org("Vienna", "Austria") + _body("cl", "Council", "", _AT_LEAST_TWICE)
    rows = _rows("cl", "Vienna", "Austria", "2022-02-10", "2022-06-09", "2023-02-09", "2023-11-16", "2024-03-14", "2024-11-14", "2025-02-13", "2025-11-13")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == ["2026-02-12", "2026-11-12"]


# -- 2. Working days of the host: weekends, holidays on the day, moving holidays -------------------

_EVERY_12M = 'kind = "every"\ninterval = "12m"\n'


def test_a_friday_due_in_cairo_moves_to_the_thursday_before(tmp_path):
    """A Board every 12 months (rolling) at the Secretariat in Cairo, last held Thu 2025-10-02;
    as of 2026-06-01 to 2026. By hand: due at its nominal day, 12 months on, Fri 2026-10-02:
    Egypt's weekend is Friday and Saturday (the `holidays` package), so the nearest working day,
    a day on first: Saturday, no; a day back: Thu 2026-10-01 (no holiday)."""
    book = _org("Cairo", "Egypt") + _body("bd", "Board", "", _EVERY_12M)
    rows = _rows("bd", "Cairo", "Egypt", "2025-10-02")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-06-01", "2026-12-31")) == ["2026-10-01"]


def test_good_friday_on_the_nominal_day_moves_the_meeting_and_not_the_chain(tmp_path):
    """A Board every 12 months in Bonn, last held Thu 2026-03-26; as of 2026-12-01 to 2028. By
    hand: nominal Fri 2027-03-26, Good Friday (a German public holiday): Saturday no, Thursday
    the 25th; then the chain goes on from 2026-03-26, not from the day moved to (README): 24
    months on, Sun 2028-03-26, so Mon 2028-03-27 (a day on, tried first)."""
    book = _org("Bonn", "Germany") + _body("bd", "Board", "", _EVERY_12M)
    rows = _rows("bd", "Bonn", "Germany", "2026-03-26")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")) == ["2027-03-25", "2028-03-27"]


def test_eid_al_fitr_on_the_nominal_day_in_amman(tmp_path):
    """A Board every 12 months in Amman, last held Wed 2026-03-10; as of 2026-12-01 to 2027.
    By hand: nominal Wed 2027-03-10. The `holidays` package gives Jordan Eid al-Fitr
    (estimated) on 9, 10 and 11 March 2027 and a Friday-Saturday weekend: a day on, Thursday
    the 11th, Eid; a day back, Tuesday the 9th, Eid; two on, Friday, the weekend; two back,
    Mon 2027-03-08, a working day."""
    book = _org("Amman", "Jordan") + _body("bd", "Board", "", _EVERY_12M)
    rows = _rows("bd", "Amman", "Jordan", "2026-03-10")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-12-01", "2027-12-31")) == ["2027-03-08"]


# -- 3. Two bodies on the same days ------------------------------------------------------------------

_AT_LEAST_ONCE = 'kind = "at_least"\ncount = 1\nper = "year"\n'


def test_two_bodies_of_one_host_aiming_at_one_day_are_three_days_apart(tmp_path):
    """A Board and a Committee at the Secretariat in Bern, each at least once a year, each held
    on Tue 2025-03-10 (their habits: March, the 10th); as of 2025-12-01 to 2026. By hand: the
    Board, first in the rule book, takes Tue 2026-03-10; the Committee may not share it
    (`meetings_per_day` 1) and, the same host, must be `min_days_between` (3) days from it:
    the 11th and 12th are too near, the 9th and 8th too, 7th and 8th a weekend; three days on,
    tried before three back (Saturday the 7th): Fri 2026-03-13."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", _AT_LEAST_ONCE) + _body("cm", "Committee", "", _AT_LEAST_ONCE)
    rows = _rows("bd", "Bern", "Switzerland", "2025-03-10") + _rows("cm", "Bern", "Switzerland", "2025-03-10")
    out = _project(_files(tmp_path, book, rows), "2025-12-01", "2026-12-31")
    assert [(m["body"], m["start"]) for m in out["meetings"]] == [("bd", "2026-03-10"), ("cm", "2026-03-13")]


# -- 4. --today on a period's edge, --to before the usual day ----------------------------------------


def test_today_on_the_last_day_of_a_year_still_due_is_a_problem_not_a_slip(tmp_path):
    """A Board at least once a year in Bern, held Tue 2025-06-10; as of Thu 2026-12-31 to
    2027. By hand: 2026 has nothing and its deadline is today: still open (a meeting may be
    held today), but projection begins tomorrow, so a Problem ("which is today"), never a
    meeting slipped into 2027; 2027 on the usual day, Thu 2027-06-10."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    out = _project(_files(tmp_path, book, _rows("bd", "Bern", "Switzerland", "2025-06-10")), "2026-12-31", "2027-12-31")
    assert _starts(out) == ["2027-06-10"]
    assert [p["window"] for p in out["problems"]] == ["2026"] and "which is today" in out["problems"][0]["message"]


def test_a_horizon_ending_before_the_usual_day_projects_nothing_and_says_when(tmp_path):
    """The same Board as of 2026-01-15 to 2026-05-31. By hand: 2026 is due by 31 December,
    after the horizon; its meeting aims at Wed 2026-06-10, after it too: nothing in the
    horizon, and `next_due` says 2026, the meeting 2026-06-10."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    out = _project(_files(tmp_path, book, _rows("bd", "Bern", "Switzerland", "2025-06-10")), "2026-01-15", "2026-05-31")
    assert out["meetings"] == []
    assert [(n["body"], n["due"], n["meeting"]["start"]) for n in out["next_due"]] == [("bd", "2026", "2026-06-10")]


# -- 5. Ordinals continue the register's ---------------------------------------------------------------


def _numbered(body: str, *rows: tuple[int, str, str]) -> str:
    return "".join(f"{body},regular,{n},{day},,{status},Vienna,Austria\n" for n, day, status in rows)


def _ordinals(out: dict) -> list[tuple[str, int | None]]:
    return [(m["start"], m["ordinal"]) for m in out["meetings"] if m["status"] == "projected"]


def test_numbering_goes_on_after_a_gap_in_the_register(tmp_path):
    """A Board at least once a year in Vienna: the 1st held 2023-05-10, the 2nd 2024-05-14,
    the 4th 2025-05-13 (the 3rd not in the register); as of 2026-01-15 to 2027. By hand: the
    next is the 5th, then the 6th; May, the lower median of 10, 14, 13: the 13th: Wed
    2026-05-13, Thu 2027-05-13."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    rows = _numbered("bd", (1, "2023-05-10", "held"), (2, "2024-05-14", "held"), (4, "2025-05-13", "held"))
    assert _ordinals(_project(_files(tmp_path, book, rows), "2026-01-15", "2027-12-31")) == [("2026-05-13", 5), ("2027-05-13", 6)]


def test_a_cancelled_number_is_not_given_again_nor_its_day_taken_as_a_habit(tmp_path):
    """The 1st held 2023-05-10, the 2nd 2024-05-14, the 3rd cancelled (2025-05-13); as of
    2026-01-15 to 2026. By hand: the cancelled 3rd keeps its number (README: the G7's 46th),
    so the next is the 4th; its day, of the meetings held only (10, 14: the 10th), Sun
    2026-05-10, so Mon 2026-05-11."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    rows = _numbered("bd", (1, "2023-05-10", "held"), (2, "2024-05-14", "held"), (3, "2025-05-13", "cancelled"))
    assert _ordinals(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == [("2026-05-11", 4)]


def test_a_planned_number_answers_its_year_and_the_next_follows_it(tmp_path):
    """The 1st held 2024-05-14, the 2nd 2025-05-13, the 3rd planned for 2026-05-12; as of
    2026-01-15 to 2027. By hand: 2026 is met by the plan (nothing projected for it); 2027
    the 4th, on the held meetings' day (14, 13: the 13th), Thu 2027-05-13."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    rows = _numbered("bd", (1, "2024-05-14", "held"), (2, "2025-05-13", "held"), (3, "2026-05-12", "planned"))
    assert _ordinals(_project(_files(tmp_path, book, rows), "2026-01-15", "2027-12-31")) == [("2027-05-13", 4)]


# -- 6. Due windows of every kind -----------------------------------------------------------------------


def test_a_grid_every_three_years_from_its_anchor(tmp_path):
    """A Board every 3 years on the grid anchored at 2020, held Tue 2020-09-15 and Tue
    2023-09-12; as of 2025-01-15 to 2030. By hand: due 2026 and 2029; September, the lower
    median of 15 and 12, the 12th: Sat 2026-09-12, so Fri the 11th (Sunday a day on is
    no working day); Wed 2029-09-12."""
    grid = 'kind = "every"\ninterval = "3y"\nmode = "grid"\nanchor = 2020\n'
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", grid)
    rows = _rows("bd", "Bern", "Switzerland", "2020-09-15", "2023-09-12")
    assert _starts(_project(_files(tmp_path, book, rows), "2025-01-15", "2030-12-31")) == ["2026-09-11", "2029-09-12"]


def test_a_rolling_two_year_chain_keeps_its_month_and_day(tmp_path):
    """A Board every 2 years (rolling, judged by the year), held Tue 2024-11-05; as of
    2025-01-15 to 2028. By hand: due 2026, then 2028 after it; November the 5th: Thu
    2026-11-05; Sun 2028-11-05, so Mon 2028-11-06."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", 'kind = "every"\ninterval = "2y"\n')
    rows = _rows("bd", "Bern", "Switzerland", "2024-11-05")
    assert _starts(_project(_files(tmp_path, book, rows), "2025-01-15", "2028-12-31")) == ["2026-11-05", "2028-11-06"]


def test_an_after_rule_names_the_origin_and_the_rule_in_its_reason(tmp_path):
    """A Board due 1 year after each Summit (Bern), the 3rd Summit held Wed 2025-10-14 (its
    own rule: every 4 years); the Board never met; as of 2026-01-15 to 2026. By hand: one
    Board due in 2026; no history, no months: the middle of the year, 182 days after 1
    January, Thu 2026-07-02; its reason names the rule and the origin: "1 year after the 3rd
    Summit (2025-10-14)"."""
    summit = _body("summit", "Summit", "", 'kind = "every"\ninterval = "4y"\n')
    board = _body("bd", "Board", "", 'kind = "after"\nbody = "summit"\noffset = "1y"\n')
    rows = "summit,regular,3,2025-10-14,,held,Bern,Switzerland\n"
    out = _project(_files(tmp_path, _org("Bern", "Switzerland") + summit + board, rows), "2026-01-15", "2026-12-31")
    assert [(m["body"], m["start"]) for m in out["meetings"]] == [("bd", "2026-07-02")]
    assert out["meetings"][0]["reason"] == "1 year after the 3rd Summit (2025-10-14)"


# -- 7. Chairs: a term the nearest days leave without the meeting of a body that meets once a term --


def test_a_planned_term_left_without_a_yearly_chair_hosted_meeting_is_said(tmp_path):
    """Terms of a year, handed over at the yearly Assembly (chair-hosted, the incoming chair
    hosts it), alphabetical among Austria, Belgium, Croatia, Denmark; a Forum, chair-hosted,
    at least once a year; both held Wed 2025-06-10 in Vienna, Austria chairing from then; as
    of 2025-07-01 to 2029. By hand, projected with no host known (Austria's working days,
    every member's holidays, one host: 3 days apart): Assemblies Wed 2026-06-10, Thu
    2027-06-10, Fri 2028-06-09 (the 10th a Saturday, the 11th a Sunday), Mon 2029-06-11; the
    Forum aims at the 10th too: Mon 2026-06-15 (the 13th, 14th, 7th and 6th weekend days),
    Mon 2027-06-07 (three back; the 13th a Sunday), Mon 2028-06-12, Fri 2029-06-08. Chairs:
    Belgium from 2026-06-10, Croatia from 2027-06-10, Denmark from 2028-06-09, Austria from
    2029-06-11. Each Forum is hosted by the chair of its day, re-placed nearest the 10th in
    that chair's term: Belgium 2026-06-15 and 2027-06-09 (the day before Croatia's Assembly),
    Denmark 2028-06-12 and 2029-06-08. Croatia's whole term holds no Forum, though the Forum
    meets once a year: which side of a handover a meeting falls on was decided by the weekend
    nearest it. Nothing requires each chair to host one, so no violation, but a note now says
    so (there was none): the Forums before and after Croatia's term are 369 days apart, under
    one and a half terms."""
    book = _org(
        "Vienna",
        "Austria",
        'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE" }, { name = "Croatia", code = "HR" }, { name = "Denmark", code = "DK" }]\n'
        '[chairmanship]\nterm = "1y"\nhandover_bodies = ["assembly"]\nchair_hosts = true\norder = "alphabetical"\nhandover_host = "incoming"\n',
    ) + "".join(
        f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "{cat}"\nhost = "chair"\n[[bodies.rules]]\n{_AT_LEAST_ONCE}'
        for id, name, cat in (("assembly", "Assembly", "governing"), ("forum", "Forum", "working"))
    )
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\nassembly,regular,1,2025-06-10,,held,Vienna,Austria\nforum,regular,,2025-06-10,,held,Vienna,Austria\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\nAustria,2025-06-10,,1,,\n", encoding="utf-8")
    args = ["chairs", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv"), "--today", "2025-07-01", "--to", "2029", "--format", "json"]
    out = json.loads(CliRunner().invoke(main, args).stdout)
    forums = [[m["start"] for m in t["hosted"] if m["body"] == "forum"] for t in out["plan"]]
    assert [t["country"] for t in out["plan"]] == ["Belgium", "Croatia", "Denmark", "Austria"]
    assert forums == [["2026-06-15", "2027-06-09"], [], ["2028-06-12", "2029-06-08"], []]
    notes = [f["message"] for f in out["findings"] if f["kind"] == "unhosted"]
    assert notes == [
        "Croatia's planned term, 2027-06-10 to 2028-06-09, hosts no Forum, which meets about once a term:"
        " the one before it is the Forum (2027-06-09, Belgium, projected), 1 day before it began,"
        " the one after it the Forum (2028-06-12, Denmark, projected), 3 days after it ended."
    ]


# -- 8. A body just before another, and a Sunday that is a working day -------------------------------


def test_a_body_just_before_another_meets_on_a_sunday_where_sunday_is_a_working_day(tmp_path):
    """A Council and its Preparatory Committee (`before = "council"`), each at least once a year
    at the Secretariat in Cairo; the Council held Sun 2025-06-08, the Committee Thu 2025-06-05
    (the working day before it: Egypt's weekend is Friday and Saturday); as of 2026-01-15 to
    2026. By hand: the Council on its day, Mon 2026-06-08 (no Egyptian holiday: Eid al-Adha
    is 26-30 May); the Committee ends on the working day immediately before it, Sunday
    2026-06-07, a working day in Egypt."""
    council = _body("council", "Council", "", _AT_LEAST_ONCE)
    prep = _body("prep", "Preparatory Committee", 'before = "council"\n', _AT_LEAST_ONCE)
    rows = _rows("council", "Cairo", "Egypt", "2025-06-08") + _rows("prep", "Cairo", "Egypt", "2025-06-05")
    out = _project(_files(tmp_path, _org("Cairo", "Egypt") + council + prep, rows), "2026-01-15", "2026-12-31")
    assert sorted((m["start"], m["body"]) for m in out["meetings"]) == [("2026-06-07", "prep"), ("2026-06-08", "council")]


def test_yom_kippur_on_the_nominal_day_in_jerusalem(tmp_path):
    """A Board every 12 months at the Secretariat in Jerusalem, last held Sun 2025-09-21 (a
    working day in Israel); as of 2026-06-01 to 2026. By hand: nominal Mon 2026-09-21, Yom
    Kippur (a public holiday in the `holidays` package): a day on, Tue 2026-09-22, a working
    day (Sukkot is the 26th)."""
    book = _org("Jerusalem", "Israel") + _body("bd", "Board", "", _EVERY_12M)
    rows = _rows("bd", "Jerusalem", "Israel", "2025-09-21")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-06-01", "2026-12-31")) == ["2026-09-22"]


# -- 9. Days by rule, and the register's plans -----------------------------------------------------------


def test_an_on_rule_lands_on_its_computed_day(tmp_path):
    """A Council meeting by rule on the second Tuesday of March in Bern, established 2020,
    held Tue 2025-03-11; as of 2026-01-15 to 2027. By hand: Tue 2026-03-10 and Tue
    2027-03-09, working days in Switzerland."""
    on = 'kind = "on"\nmonth = 3\nweekday = "tue"\nnth = 2\n'
    book = _org("Bern", "Switzerland") + _body("cl", "Council", "established = 2020-01-01\n", on)
    out = _project(_files(tmp_path, book, _rows("cl", "Bern", "Switzerland", "2025-03-11")), "2026-01-15", "2027-12-31")
    assert _starts(out) == ["2026-03-10", "2027-03-09"] and out["problems"] == []


def test_an_on_rule_whose_day_is_a_holiday_is_a_problem_never_a_silent_move(tmp_path):
    """A Council meeting by rule on 1 May in Vienna, held 2025-05-01; as of 2025-12-01 to 2027.
    By hand (README: "a weekend or holiday there is a Problem, never a silent move"): Fri
    2026-05-01 is Labour Day in Austria, Sat 2027-05-01 a weekend day and Labour Day: nothing
    projected, a Problem for each day (labelled by it)."""
    on = 'kind = "on"\nmonth = 5\nday = 1\n'
    book = _org("Vienna", "Austria") + _body("cl", "Council", "established = 2020-01-01\n", on)
    out = _project(_files(tmp_path, book, _rows("cl", "Vienna", "Austria", "2025-05-01")), "2025-12-01", "2027-12-31")
    assert out["meetings"] == [] and [(p["window"], p["kind"]) for p in out["problems"]] == [("2026-05-01", "placement"), ("2027-05-01", "placement")]


def test_a_plan_of_the_register_keeps_its_day_and_the_host_s_spacing(tmp_path):
    """A Board and a Committee at the Secretariat in Bern, each at least once a year, each
    held Tue 2025-03-10; the Committee's 2026 meeting is planned in the register for Tue
    2026-03-10; as of 2025-12-01 to 2026. By hand: the plan meets the Committee's 2026 and
    takes its day ("Planned meetings of the register take their days too"); the Board aims at
    the 10th and must be 3 days from it: Fri 2026-03-13."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", _AT_LEAST_ONCE) + _body("cm", "Committee", "", _AT_LEAST_ONCE)
    rows = _rows("bd", "Bern", "Switzerland", "2025-03-10") + _rows("cm", "Bern", "Switzerland", "2025-03-10") + _rows("cm", "Bern", "Switzerland", "2026-03-10", status="planned")
    out = _project(_files(tmp_path, book, rows), "2025-12-01", "2026-12-31")
    assert [(m["body"], m["start"], m["status"]) for m in out["meetings"]] == [("cm", "2026-03-10", "planned"), ("bd", "2026-03-13", "projected")]


# -- 10. Twice a financial year ------------------------------------------------------------------------


def test_twice_a_financial_year_in_its_own_months(tmp_path):
    """A Board at least twice a year from 1 April (`year_start = "04-01"`) in London, held on
    15 June and 20 January of each financial year from FY2022-23 to FY2025-26; as of
    2026-03-15 to 2028-03-31. By hand: the first meeting of a (calendar) year in January, the
    second in June; each in the year it falls in within FY2026-27 (April 2026 to March 2027):
    Mon 2026-06-15 and Wed 2027-01-20; FY2027-28: Tue 2027-06-15 and Thu 2028-01-20. Before,
    January and June were dated in the window's first and second calendar years (January 2026,
    June 2027), both outside it, and the two meetings were spread evenly: 1 July and 30
    December."""
    fy = 'kind = "at_least"\ncount = 2\nper = "year"\nyear_start = "04-01"\n'
    book = _org("London", "United Kingdom") + _body("bd", "Board", "", fy)
    days = [d for y in range(2022, 2026) for d in (f"{y}-06-15", f"{y + 1}-01-20")]
    out = _project(_files(tmp_path, book, _rows("bd", "London", "United Kingdom", *days)), "2026-03-15", "2028-03-31")
    assert _starts(out) == ["2026-06-15", "2027-01-20", "2027-06-15", "2028-01-20"]
