"""A twenty-second audit, of `project` and `chairs`: small rule books whose projection and
chair plan were worked out by hand first (in each test's docstring, from DESIGN.md and the
README), then compared with `--format json`. Days off are those of the `holidays` package
(0.109) for the host, in the categories the rule book's `holiday_categories` names (by default
`public`, `government` and `de_facto`). Combinations this time: a rule's versions, projected
partners, the register's numbering, horizons, ended rules, and a chair plan that moves a
meeting another body is paired with."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org
from tests.project.test_semantics_audit20_project import _rows, _starts

_ONCE = 'kind = "at_least"\ncount = 1\nper = "year"\n'
_TWICE = 'kind = "at_least"\ncount = 2\nper = "year"\n'
_VIENNA = _org("Vienna", "Austria")


def _plan(out: dict) -> list[tuple[str, str, str | None]]:
    return [(m["body"], m["start"], m["ordinal"]) for m in out["meetings"] if m["status"] == "projected"]


# -- 1. A rule's versions, a start in the future, a rule that ends ------------------------------------


def test_a_rolling_rule_that_changes_cadence_next_year_is_one_chain(tmp_path):
    """A Committee in Vienna every 2 years (rolling) until 2027-12-31, then every year from
    2028-01-01 (one rule `id`, two versions), last held Wed 2026-06-10; as of 2026-12-01 to
    2030. By hand (README: versions of one rolling rule are one chain, each window taking the
    interval of the version in force on its first day): the window after 2026-06-10 opens
    2026-06-11, under the first version: 2 years, nominal Sat 2028-06-10, so Fri 06-09 (a day
    back; Monday is two on). The next window opens 2028-06-10, under the second version: a
    year, counted from the last meeting not projected (2026-06-10 + 3 years): Sun
    2029-06-10, so Mon 06-11 (a day on); then 2030-06-10, Whit Monday in Austria (Easter
    2030 is 21 April), so Tue 06-11 (a day on; Friday the 7th is three back)."""
    every = 'id = "cadence"\nkind = "every"\ninterval = "{}"\n{}\n'
    book = _VIENNA + _body("cm", "Committee", "", every.format("2y", "until = 2027-12-31"), every.format("1y", "since = 2028-01-01"))
    out = _project(_files(tmp_path, book, _rows("cm", "Vienna", "Austria", "2026-06-10")), "2026-12-01", "2030-12-31")
    assert _starts(out) == ["2028-06-09", "2029-06-11", "2030-06-11"]
    assert out["meetings"][0]["reason"] == "2 years after the Committee of 2026-06-10; moved from Sat 2028-06-10 (a weekend day in Austria)"
    assert out["meetings"][1]["reason"].startswith("1 year after the Committee of 2028-06-09")


def test_a_rule_whose_since_is_in_the_future_asks_nothing_before_it(tmp_path):
    """A Committee in Vienna at least once a year since 2028-01-01, held in March 2024, 2025
    and 2026 (the 12th, 11th, 10th); as of 2026-12-01 to 2029. By hand: nothing is due in
    2027 (before the rule's `since`); 2028 and 2029 on its usual day, the 11th of March: Sat
    2028-03-11, so Fri 03-10 (a day back), and Sun 2029-03-11, so Mon 03-12 (a day on).
    Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the three
    were second Tuesdays: Tue 2028-03-14 and Tue 2029-03-13."""
    book = _VIENNA + _body("cm", "Committee", "", _ONCE + "since = 2028-01-01\n")
    out = _project(_files(tmp_path, book, _rows("cm", "Vienna", "Austria", "2024-03-12", "2025-03-11", "2026-03-10")), "2026-12-01", "2029-12-31")
    assert _starts(out) == ["2028-03-14", "2029-03-13"]


def test_a_body_established_mid_next_year_is_due_from_its_first_whole_year(tmp_path):
    """A Committee in Vienna established 2027-07-01, at least once a year, never met; as of
    2026-12-01 to 2029. By hand (README: a floor is judged from its first whole period): 2027
    asks nothing; 2028 and 2029 with no history: the middle of the year, 2 July (Sunday in
    2028: Mon 07-03, a day on; Mon 2029-07-02)."""
    book = _VIENNA + _body("cm", "Committee", "established = 2027-07-01\n", _ONCE)
    assert _starts(_project(_files(tmp_path, book, ""), "2026-12-01", "2029-12-31")) == ["2028-07-03", "2029-07-02"]


def test_a_body_dissolved_mid_year_is_projected_nothing_in_its_last_part_year(tmp_path):
    """A Committee in Vienna at least twice a year until 2027-06-30 (dissolved), held in
    March and September 2025 and 2026; as of 2026-12-01 to 2028. By hand (README: a floor's
    count was due at the period's end, after the rule's: no finding and nothing projected for
    2027-01-01..2027-06-30): nothing projected at all; the same for a rolling `every 1y`
    ending then, whose window after 2026-09-16 is due by the end of 2027, after the rule."""
    rows = _rows("cm", "Vienna", "Austria", "2025-03-12", "2025-09-17", "2026-03-11", "2026-09-16")
    for rule in (_TWICE, 'kind = "every"\ninterval = "1y"\n'):
        out = _project(_files(tmp_path, _VIENNA + _body("cm", "Committee", "", rule + "until = 2027-06-30\n"), rows), "2026-12-01", "2028-12-31")
        assert out["meetings"] == [] and out["problems"] == []


def test_a_horizon_ending_mid_year_holds_the_first_of_two_meetings_and_no_problem(tmp_path):
    """The same Committee at least twice a year (no end), as of 2026-12-01 to 2027-06-30. By
    hand: 2027's first meeting in March, its usual day the lower median of 12 and 11, Thu
    2027-03-11; the second (September) lies past the horizon: not projected, and no Problem
    (the window is still running at the horizon's end). Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the four were
    Wednesdays, March's second ones: Wed 2027-03-10."""
    rows = _rows("cm", "Vienna", "Austria", "2025-03-12", "2025-09-17", "2026-03-11", "2026-09-16")
    out = _project(_files(tmp_path, _VIENNA + _body("cm", "Committee", "", _TWICE), rows), "2026-12-01", "2027-06-30")
    assert _starts(out) == ["2027-03-10"] and out["problems"] == []
    assert out["meetings"][0]["reason"] == "at least twice a year: 1 of 2 in 2027"


# -- 2. Numbers the register skips, cancels and plans ------------------------------------------------


def test_ordinals_go_on_after_a_skipped_a_cancelled_and_a_planned_number(tmp_path):
    """A Committee in Vienna at least once a year: the 1st (2021-04-14), 2nd (2022-04-13),
    4th (2024-04-10) held, the 3rd not recorded, the 5th cancelled (2025-04-09), the 6th held
    (2026-04-15), the 7th planned (2027-04-14); as of 2026-12-01 to 2029. By hand: 2027 is
    met by the plan; 2028 and 2029 continue after the highest number, 8th and 9th, on the
    usual day, the lower median of the days held (14, 13, 10, 15: the cancelled 9th was not
    held): the 13th, Thu 2028-04-13 and Fri 2029-04-13. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the four held were
    Wednesdays, in the second, second, second and third weeks: the second, Wed 2028-04-12 and
    Wed 2029-04-11."""
    rows = (
        "cm,regular,1,2021-04-14,,held,Vienna,Austria\ncm,regular,2,2022-04-13,,held,Vienna,Austria\n"
        "cm,regular,4,2024-04-10,,held,Vienna,Austria\ncm,regular,5,2025-04-09,,cancelled,Vienna,Austria\n"
        "cm,regular,6,2026-04-15,,held,Vienna,Austria\ncm,regular,7,2027-04-14,,planned,Vienna,Austria\n"
    )
    out = _project(_files(tmp_path, _VIENNA + _body("cm", "Committee", "", _ONCE), rows), "2026-12-01", "2029-12-31")
    assert _plan(out) == [("cm", "2028-04-12", 8), ("cm", "2029-04-11", 9)]


def test_a_cancelled_last_number_is_not_given_again(tmp_path):
    """A Committee in Vienna at least once a year: the 1st and 2nd held (2024-04-10,
    2025-04-09), the 3rd cancelled (2026-04-15); as of 2026-12-01 to 2028. By hand: 2026 is
    still due, April has passed: the first working day ahead, Wed 2026-12-02, the 4th (a
    cancelled number was not held, and is not given to another meeting: the G7's 46th);
    then the 5th on the 9th of April (lower median of 10 and 9): Fri 2027-04-09, and the 6th,
    Sun 2028-04-09, so Mon 04-10 (a day on)."""
    rows = "cm,regular,1,2024-04-10,,held,Vienna,Austria\ncm,regular,2,2025-04-09,,held,Vienna,Austria\ncm,regular,3,2026-04-15,,cancelled,Vienna,Austria\n"
    out = _project(_files(tmp_path, _VIENNA + _body("cm", "Committee", "", _ONCE), rows), "2026-12-01", "2028-12-31")
    assert _plan(out) == [("cm", "2026-12-02", 4), ("cm", "2027-04-09", 5), ("cm", "2028-04-10", 6)]


# -- 3. Two bodies on the same usual day ---------------------------------------------------------------


def test_two_bodies_of_one_host_on_the_same_usual_day_are_kept_three_days_apart(tmp_path):
    """An Alpha and a Beta at the Secretariat in Vienna, each at least once a year, both held
    on Tue 2024-10-15 and Tue 2025-10-14; as of 2026-12-01 to 2028. By hand: usual day the
    14th of October (lower median of 15 and 14); one host's meetings at least 3 days apart
    (`min_days_between`). 2026: both due, October passed: Alpha Wed 12-02, Beta 3 days on,
    Sat 12-05, so Mon 12-07. 2027: Alpha (listed first) takes Thu 10-14; Beta 3 days from it,
    nearest the 14th: Mon 10-11 (three on is a Sunday, and Mon 10-18 is four on). 2028: the 14th a
    Saturday: Alpha Fri 10-13; Beta 3 days from it, nearest the 14th: Mon 10-16 (Tue 10-10 is
    four from the 14th)."""
    rows = _rows("a", "Vienna", "Austria", "2024-10-15", "2025-10-14") + _rows("b", "Vienna", "Austria", "2024-10-15", "2025-10-14")
    book = _VIENNA + _body("a", "Alpha", "", _ONCE) + _body("b", "Beta", "", _ONCE)
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")
    assert sorted((m["start"], m["body"]) for m in out["meetings"]) == [
        ("2026-12-02", "a"), ("2026-12-07", "b"), ("2027-10-11", "b"), ("2027-10-14", "a"), ("2028-10-13", "a"), ("2028-10-16", "b"),
    ]


def test_two_bodies_of_two_hosts_on_the_same_usual_day_take_adjacent_days(tmp_path):
    """An Alpha at the Secretariat in Vienna and a Beta fixed in Bonn, each at least once a
    year, both held on 2024-10-15 and 2025-10-14; as of 2026-12-01 to 2028. By hand: different
    hosts, so only the day is not shared: 2026 Wed 12-02 and Thu 12-03; 2027 Alpha Thu 10-14,
    Beta a day on, Fri 10-15 (tried before a day back); 2028 the 14th a Saturday: Alpha Fri
    10-13, Beta Mon 10-16 (two on, tried before Thu 10-12, two back)."""
    bonn = '[[bodies]]\nid = "b"\nname = "Beta"\ncategory = "working"\nhost = "fixed"\nhost_country = "Germany"\nhost_city = "Bonn"\n[[bodies.rules]]\n' + _ONCE
    rows = _rows("a", "Vienna", "Austria", "2024-10-15", "2025-10-14") + _rows("b", "Bonn", "Germany", "2024-10-15", "2025-10-14")
    out = _project(_files(tmp_path, _VIENNA + _body("a", "Alpha", "", _ONCE) + bonn, rows), "2026-12-01", "2028-12-31")
    assert sorted((m["start"], m["body"]) for m in out["meetings"]) == [
        ("2026-12-02", "a"), ("2026-12-03", "b"), ("2027-10-14", "a"), ("2027-10-15", "b"), ("2028-10-13", "a"), ("2028-10-16", "b"),
    ]


# -- 4. Partners that are themselves only projected ------------------------------------------------------

_SUMMIT = 'kind = "every"\ninterval = "2y"\n'
_SUMMIT_ROWS = "s,regular,2,2023-10-11,,held,Vienna,Austria\ns,regular,3,2025-10-08,,held,Vienna,Austria\n"


def test_an_after_rule_follows_a_projected_summit_in_years_and_in_days(tmp_path):
    """A Summit every 2 years (rolling, October) in Vienna, the 3rd held Wed 2025-10-08; a
    Ministerial due 1 year after each Summit, held Wed 2022-05-11 (1st) and Wed 2024-05-15
    (2nd); as of 2026-12-01 to 2031. By hand: the Ministerial of 2026 (after the 3rd Summit)
    is still due: Wed 2026-12-02, the 3rd; the Summits at their nominal days, Fri 2027-10-08,
    Mon 2029-10-08, Wed 2031-10-08 (4th to 6th); the Ministerial a year after each, in May on
    its usual day (lower median of 15 and 11): Thu 2028-05-11, Sat 2030-05-11 so Fri 05-10,
    each naming the projected Summit. With `offset = "30d"` instead, the window of the days
    2027-10-09..2027-11-07 spans two months: its middle, Sun 10-24, so Mon 10-25 (Tue 10-26 is
    Austria's National Day); Wed 2029-10-24; Fri 2031-10-24."""
    summit = _body("s", "Summit", "months = [10]\n", _SUMMIT)
    rows = _SUMMIT_ROWS + "m,regular,1,2022-05-11,,held,Vienna,Austria\nm,regular,2,2024-05-15,,held,Vienna,Austria\n"
    years = _project(_files(tmp_path, _VIENNA + summit + _body("m", "Ministerial", "", 'kind = "after"\nbody = "s"\noffset = "1y"\n'), rows), "2026-12-01", "2031-12-31")
    assert _plan(years) == [("m", "2026-12-02", 3), ("s", "2027-10-08", 4), ("m", "2028-05-11", 4), ("s", "2029-10-08", 5), ("m", "2030-05-10", 5), ("s", "2031-10-08", 6)]
    assert years["meetings"][2]["reason"] == "1 year after the 4th Summit (2027-10-08, projected)"
    days = _project(_files(tmp_path, _VIENNA + summit + _body("m", "Ministerial", "", 'kind = "after"\nbody = "s"\noffset = "30d"\n'), rows), "2026-12-01", "2031-12-31")
    assert [d for b, d, _ in _plan(days) if b == "m"] == ["2026-12-02", "2027-10-25", "2029-10-24", "2031-10-24"]


def test_a_before_rule_and_a_pair_before_a_projected_summit(tmp_path):
    """The same Summit (Fri 2027-10-08, Mon 2029-10-08 projected). A Board of two days due
    within a month before each Summit (`kind = "before"`), held 2023-09-25/26 and
    2025-09-22/23: by hand its window 2027-09-08..10-07, its usual day the 22nd: Wed-Thu
    2027-09-22/23; in 2029 the 22nd a Saturday: Mon-Tue 09-24/25 (two on, tried before Thu-Fri,
    two back). An SOC meeting just before the Summit (`before = "s"`), at least once a year,
    held in October and March (last 2026-03-11): in a Summit year on the working day right
    before it, Thu 2027-10-07 and Fri 2029-10-05; otherwise in March, the month it met in
    last of the two it used as often: Fri 2028-03-10 (the 11th a Saturday), Mon 2030-03-11."""
    summit = _body("s", "Summit", "months = [10]\n", _SUMMIT)
    board = _body("b", "Board", "duration_days = 2\n", 'kind = "before"\nbody = "s"\noffset = "1m"\n')
    rows = _SUMMIT_ROWS + "b,regular,,2023-09-25,2023-09-26,held,Vienna,Austria\nb,regular,,2025-09-22,2025-09-23,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, _VIENNA + summit + board, rows), "2026-12-01", "2030-12-31")
    assert [(m["body"], m["start"], m["end"]) for m in out["meetings"]] == [
        ("b", "2027-09-22", "2027-09-23"), ("s", "2027-10-08", None), ("b", "2029-09-24", "2029-09-25"), ("s", "2029-10-08", None),
    ]
    assert out["meetings"][0]["reason"] == "within 1 month before the 4th Summit (2027-10-08, projected)"
    soc = _body("c", "SOC", 'before = "s"\n', _ONCE)
    rows = _SUMMIT_ROWS + _rows("c", "Vienna", "Austria", "2023-10-10", "2024-03-13", "2025-10-07", "2026-03-11")
    out = _project(_files(tmp_path, _VIENNA + summit + soc, rows), "2026-12-01", "2030-12-31")
    assert _starts(out, "c") == ["2027-10-07", "2028-03-10", "2029-10-05", "2030-03-11"]


# -- 5. A chair plan that moves a meeting another body is paired with -------------------------------------

_CHAIRED = (
    'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE" }, { name = "Egypt", code = "EG" }, { name = "Denmark", code = "DK" }]\n'
    '[chairmanship]\nterm = "2y"\nhandover_bodies = ["s"]\nchair_hosts = true\nhandover_host = "incoming"\n'
)


def test_a_plan_that_moves_the_summit_moves_the_body_that_meets_just_before_it(tmp_path):
    """A Summit every 2 years hosted by the chair (the incoming chair hosts the one it takes
    over at), the 3rd held Tue 2026-10-13 in Vienna, Austria chairing from then; a Board at the
    Secretariat in Vienna, at least once a year, meeting just before the Summit (`before =
    "s"`), held Mon 2025-10-13 and Mon 2026-10-12; as of 2026-12-01 to 2028. By hand, with no
    host known: the Summit at its nominal day, Fri 2028-10-13 (no member's holiday), the Board
    on the working day right before it, Thu 10-12; 2027's Board on its day, Tue 2027-10-12.
    With `--plan Egypt`, Egypt hosts the 4th Summit: Friday is its weekend, so the nearest
    working day there, Thu 10-12 (a day back; Sunday is two on), and the Board, which must
    end on the working day right before the Summit opens (DESIGN: "`before` pairs are exactly
    adjacent"), moves to Wed 10-11. Before, the Board stayed on Thu 10-12: the two bodies met
    on the same day, the Board no longer before the Summit."""
    book = (
        _org("Vienna", "Austria", _CHAIRED)
        + '[[bodies]]\nid = "s"\nname = "Summit"\ncategory = "working"\nhost = "chair"\n[[bodies.rules]]\n'
        + _SUMMIT
        + _body("b", "Board", 'before = "s"\n', _ONCE)
    )
    rows = "s,regular,3,2026-10-13,,held,Vienna,Austria\n" + _rows("b", "Vienna", "Austria", "2025-10-13", "2026-10-12")
    paths = _files(tmp_path, book, rows)
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\nAustria,2026-10-13,,,,\n", encoding="utf-8")
    paths += ["--chairs", str(tmp_path / "c.csv")]
    alone = _project(paths, "2026-12-01", "2028-12-31")
    assert [(m["body"], m["start"], m["host"]) for m in alone["meetings"]] == [
        ("b", "2027-10-12", "Vienna (Secretariat)"), ("b", "2028-10-12", "Vienna (Secretariat)"), ("s", "2028-10-13", "chair to be decided"),
    ]
    planned = _project(paths, "2026-12-01", "2028-12-31", "--plan", "Egypt")
    assert [(m["body"], m["start"], m["host"]) for m in planned["meetings"]] == [
        ("b", "2027-10-12", "Vienna (Secretariat)"), ("b", "2028-10-11", "Vienna (Secretariat)"), ("s", "2028-10-12", "Egypt"),
    ]


def _rotating(tmp_path, chairs: str, rows: str, months: str = "[6]") -> dict:
    """The example rotating chair (a yearly Presidency, alphabetical among Austria, Belgium,
    Czechia, Denmark and Estonia, no handover meeting; a two-day Council of all members in
    the chair's country, at least once a year), as `chairs --format json`."""
    book = (Path(__file__).parent.parent.parent / "examples" / "rotating-chair.toml").read_text(encoding="utf-8").replace("months = [5]\n", f"months = {months}\n")
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end\n" + chairs, encoding="utf-8")
    args = ["chairs", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv"), "--today", "2026-11-26", "--to", "2030", "--format", "json"]
    return json.loads(CliRunner().invoke(main, args).stdout)


def test_a_council_opening_on_the_day_a_presidency_begins_is_the_new_presidency_s(tmp_path):
    """The rotating chair's Presidencies from 1 July (the register: Denmark 2024-07-01 to
    2025-07-01, Estonia to 2026-07-01, Austria from 2026-07-01, each end the next's first
    day), the Council held 30 June to 1 July 2025 and 2026; as of 2026-11-26 to 2030. By
    hand: Austria, Belgium (2027-07-01), Czechia (2028-07-01), Denmark (2029-07-01), Estonia
    (2030-07-01); the Council aims at 30 June: Wed-Thu 2027-06-30 (Austria), Thu-Fri
    2028-06-29 (the 30th a Friday: Belgium), Mon-Tue 2029-07-02 (the 30th a Saturday: two on,
    tried before two back; Denmark, so Czechia hosts none, a note), Mon-Tue 2030-07-01 (the
    30th a Sunday). On 1 July 2030 Estonia's Presidency has begun: no meeting hands the chair
    over, the chair passes on the day, and the Council is Estonia's. Before, the end day of
    Denmark's term was Denmark's (as for a handover meeting, hosted by the outgoing chair by
    default): Denmark hosted two Councils, Estonia none."""
    chairs = "Denmark,2024-07-01,2025-07-01\nEstonia,2025-07-01,2026-07-01\nAustria,2026-07-01,\n"
    rows = "council,regular,4,2025-06-30,2025-07-01,held,Copenhagen,Denmark\ncouncil,regular,5,2026-06-30,2026-07-01,held,Tallinn,Estonia\n"
    out = _rotating(tmp_path, chairs, rows)
    hosted = [(t["country"], [m["start"] for m in t["hosted"]]) for t in out["terms"][-1:] + out["plan"]]
    assert hosted == [("Austria", ["2027-06-30"]), ("Belgium", ["2028-06-29"]), ("Czechia", []), ("Denmark", ["2029-07-02"]), ("Estonia", ["2030-07-01"])]
    assert [f["kind"] for f in out["findings"]] == ["unhosted"]


# -- 6. Working days of hosts with other weekends, holidays on the day, a meeting over a weekend ---------


def test_a_national_day_on_the_usual_day_in_riyadh_and_its_observed_sunday(tmp_path):
    """A Committee at the Secretariat in Riyadh, at least once a year, held 2024-09-23,
    2025-09-24 and 2026-09-22; as of 2026-12-01 to 2028. By hand: its usual day the 23rd of
    September (median of 23, 24, 22). Thu 2027-09-23 is Saudi National Day, Friday and
    Saturday the weekend: Wed 09-22 (a day back; Sunday is three on). Sat 2028-09-23 is the
    National Day too, observed on Sunday the 24th (the `holidays` package), Friday the
    weekend: Mon 09-25 (two on; Thursday the 21st is two back, tried after)."""
    book = _org("Riyadh", "Saudi Arabia") + _body("cm", "Committee", "", _ONCE)
    rows = _rows("cm", "Riyadh", "Saudi Arabia", "2024-09-23", "2025-09-24", "2026-09-22")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")) == ["2027-09-22", "2028-09-25"]


def test_a_three_day_meeting_in_cairo_does_not_run_into_the_weekend(tmp_path):
    """A Committee of three days (`duration_days = 3`) at the Secretariat in Cairo, at least
    once a year, held from Wed 2024-11-13 and Thu 2025-11-13; as of 2026-12-01 to 2028. By
    hand: 2026 still due: from Wed 12-02, Wed-Thu-Fri would close on Egypt's weekend, as
    would Thu 12-03; the first three working days in a row, Sun 12-06 to Tue 12-08. Usual day
    the 13th: Sat 2027-11-13, so Sun 11-14 to Tue 11-16 (a day on); Mon 2028-11-13 to Wed
    11-15."""
    book = _org("Cairo", "Egypt") + _body("cm", "Committee", "duration_days = 3\n", _ONCE)
    rows = "cm,regular,,2024-11-13,2024-11-15,held,Cairo,Egypt\ncm,regular,,2025-11-13,2025-11-16,held,Cairo,Egypt\n"
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2026-12-06", "2026-12-08"), ("2027-11-14", "2027-11-16"), ("2028-11-13", "2028-11-15")]


# -- 7. --today on a period's edge, --to before a chain's day ----------------------------------------------


def test_today_on_the_last_day_of_a_year_still_due_and_on_the_first_of_the_next(tmp_path):
    """A Committee in Vienna at least once a year, last held 2025-03-12. As of 2026-12-31:
    2026 is still due by today, and projection begins tomorrow: a Problem, nothing projected
    for 2026; 2027 on its day, Fri 2027-03-12. As of 2027-01-01: 2026 has closed (check's
    business, not projection's): only Fri 2027-03-12, no Problem."""
    paths = _files(tmp_path, _VIENNA + _body("cm", "Committee", "", _ONCE), _rows("cm", "Vienna", "Austria", "2025-03-12"))
    last = _project(paths, "2026-12-31", "2027-12-31")
    assert _starts(last) == ["2027-03-12"] and [(p["window"], p["kind"]) for p in last["problems"]] == [("2026", "placement")]
    assert "which is today" in last["problems"][0]["message"]
    first = _project(paths, "2027-01-01", "2027-12-31")
    assert _starts(first) == ["2027-03-12"] and first["problems"] == []


def test_today_on_the_last_day_of_a_half_already_met(tmp_path):
    """A Committee in Vienna at least once a half-year, held 2025-03-12, 2025-10-15 and
    2026-03-11; as of 2026-06-30 (the first half met) to 2027-06-30. By hand: the second
    half on the median month of its second-half meetings, October, the 15th: Thu 2026-10-15;
    then 2027's first half in March, the lower median of 12 and 11: Thu 2027-03-11.
    Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the three were
    Wednesdays, October's in the third week, March's in the second: Wed 2026-10-21 and Wed
    2027-03-10."""
    rows = _rows("cm", "Vienna", "Austria", "2025-03-12", "2025-10-15", "2026-03-11")
    book = _VIENNA + _body("cm", "Committee", "", 'kind = "at_least"\ncount = 1\nper = "half"\n')
    out = _project(_files(tmp_path, book, rows), "2026-06-30", "2027-06-30")
    assert _starts(out) == ["2026-10-21", "2027-03-10"]
    assert [m["reason"] for m in out["meetings"]] == ["at least once a half-year: 1 of 1 in 2026 H2", "at least once a half-year: 1 of 1 in 2027 H1"]


def test_a_horizon_that_ends_before_a_chain_s_day_says_when_it_is_next_due(tmp_path):
    """A Committee in Vienna every year (rolling), last held Tue 2026-09-15; as of 2026-12-01
    to 2027-06-30. By hand: due in 2027, at its nominal day, Wed 2027-09-15, past the horizon:
    nothing projected, no Problem, and the next due names it: "Committee: due 2027 (1 year
    after the Committee of 2026-09-15); projected 2027-09-15"."""
    book = _VIENNA + _body("cm", "Committee", "", 'kind = "every"\ninterval = "1y"\n')
    out = _project(_files(tmp_path, book, _rows("cm", "Vienna", "Austria", "2026-09-15")), "2026-12-01", "2027-06-30")
    assert out["meetings"] == [] and out["problems"] == []
    assert [n["words"] for n in out["next_due"]] == ["Committee: due 2027 (1 year after the Committee of 2026-09-15); projected 2027-09-15"]


# -- 8. More versions, and months of unequal length ------------------------------------------------------------


def test_every_six_months_from_the_31st_keeps_its_month_and_its_day(tmp_path):
    """A Committee in Vienna every 6 months (rolling, judged by the month), last held Mon
    2026-08-31; as of 2026-12-01 to 2028. By hand: 6 months on is 28 February 2027 (the last
    day of that month), a Sunday: Monday would be March, a month late, so Fri 02-26 (two
    back), inside February; then from 2026-08-31 again: 12 months, Tue 2027-08-31; 18, Tue
    2028-02-29 (a leap year); 24, Thu 2028-08-31."""
    book = _VIENNA + _body("cm", "Committee", "", 'kind = "every"\ninterval = "6m"\n')
    out = _project(_files(tmp_path, book, _rows("cm", "Vienna", "Austria", "2026-08-31")), "2026-12-01", "2028-12-31")
    assert _starts(out) == ["2027-02-26", "2027-08-31", "2028-02-29", "2028-08-31"]


def test_an_after_rule_that_changes_its_offset_follows_each_projected_summit_under_its_version(tmp_path):
    """The Summit every 2 years (the 3rd held 2025-10-08; projected 2027-10-08, 2029-10-08,
    2031-10-08); a Ministerial due 2 years after each Summit until 2028-12-31, then 1 year
    after (one rule `id`), held Wed 2024-05-15 (2nd). By hand (README: each origin under the
    version in force the day it opened): after the 3rd (2025) 2027, Sat 05-15 so Fri
    2027-05-14; after the 4th (2027, first version) 2029, Tue 05-15; after the 5th (2029,
    second version) 2030, Wed 05-15; after the 6th 2032, Sat 05-15 so Fri 05-14."""
    after = 'id = "m"\nkind = "after"\nbody = "s"\noffset = "{}"\n{}\n'
    book = _VIENNA + _body("s", "Summit", "months = [10]\n", _SUMMIT) + _body("m", "Ministerial", "", after.format("2y", "until = 2028-12-31"), after.format("1y", "since = 2029-01-01"))
    rows = "s,regular,3,2025-10-08,,held,Vienna,Austria\nm,regular,2,2024-05-15,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2032-12-31")
    assert [(d, n) for b, d, n in _plan(out) if b == "m"] == [("2027-05-14", 3), ("2029-05-15", 4), ("2030-05-15", 5), ("2032-05-14", 6)]
    assert [m["reason"] for m in out["meetings"] if m["body"] == "m"][2] == "1 year after the 5th Summit (2029-10-08, projected)"


def test_once_a_year_then_twice_a_year_spreads_two_where_the_body_used_one_month(tmp_path):
    """A Committee in Vienna at least once a year until 2027-12-31, then twice a year (one
    rule `id`), held each May 2022-2026 (days 11, 10, 15, 14, 13); as of 2026-12-01 to 2029.
    By hand: 2027 once, the 13th of May, Thu 2027-05-13. From 2028 twice, and the body used
    one month, fewer than two (README: an even spread): a quarter and three quarters into the
    year, 1 April and 1 October: Sat 2028-04-01 so Fri 03-31, Sun 10-01 so Mon 10-02; Mon
    2029-04-02 is Easter Monday, so Tue 04-03, and Mon 2029-10-01. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the five
    Mays were Wednesdays, four in the second week: 2027's is Wed 2027-05-12 (the even spread
    after it has no usual day to keep)."""
    rows = _rows("cm", "Vienna", "Austria", "2022-05-11", "2023-05-10", "2024-05-15", "2025-05-14", "2026-05-13")
    versions = 'id = "c"\n' + _ONCE + "until = 2027-12-31\n", 'id = "c"\n' + _TWICE + "since = 2028-01-01\n"
    out = _project(_files(tmp_path, _VIENNA + _body("cm", "Committee", "", *versions), rows), "2026-12-01", "2029-12-31")
    assert _starts(out) == ["2027-05-12", "2028-03-31", "2028-10-02", "2029-04-03", "2029-10-01"]


# -- 9. A rotation among the members of the day -------------------------------------------------------------


def test_an_alphabetical_rotation_skips_a_member_that_left_and_takes_one_that_joined(tmp_path):
    """The rotating chair (Presidencies of a calendar year, alphabetical; Estonia chairing
    2026), Belgium leaving the organization on 2027-06-30 and Finland joining on 2028-03-01;
    the Council held each May (17th to 21st, the median the 19th), two days; as of 2026-11-26
    to 2033. By hand: Austria 2027; on 2028-01-01 Belgium is no member: Czechia 2028, Denmark
    2029, Estonia 2030; Finland, a member on 2031-01-01, 2031; then Austria 2032, Czechia
    2033. Councils nearest 19 May off every member's holidays: Wed-Thu 2027-05-19; Thu-Fri
    2028-05-18 (the 19th a Friday); 2029 the 19th a Saturday, Monday the 21st Whit Monday:
    Thu-Fri 05-17; Mon-Tue 2030-05-20; Mon-Tue 2031-05-19; Wed-Thu 2032-05-19; Thu-Fri
    2033-05-19. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the five Councils
    opened on the third Tuesday of May: Tue-Wed 2027-05-18, 2028-05-16, 2029-05-15, 2030-05-21,
    2031-05-20, 2032-05-18, 2033-05-17 (no member's holiday on any of them)."""
    book = (Path(__file__).parent.parent.parent / "examples" / "rotating-chair.toml").read_text(encoding="utf-8")
    book = book.replace('name = "Belgium"\ncode = "BE"\n', 'name = "Belgium"\ncode = "BE"\nleft = 2027-06-30\n')
    book = book.replace("[chairmanship]", '[[organization.members]]\nname = "Finland"\ncode = "FI"\njoined = 2028-03-01\n\n[chairmanship]')
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    examples = Path(__file__).parent.parent.parent / "examples"
    args = ["chairs", "--rules", str(tmp_path / "r.toml"), "--meetings", str(examples / "rotating-chair-meetings.csv"), "--chairs", str(examples / "rotating-chair-chairs.csv"), "--today", "2026-11-26", "--to", "2033", "--format", "json"]
    out = json.loads(CliRunner().invoke(main, args).stdout)
    assert [(t["country"], t["from"], [m["start"] for m in t["hosted"]]) for t in out["plan"]] == [
        ("Austria", "2027-01-01", ["2027-05-18"]), ("Czechia", "2028-01-01", ["2028-05-16"]), ("Denmark", "2029-01-01", ["2029-05-15"]),
        ("Estonia", "2030-01-01", ["2030-05-21"]), ("Finland", "2031-01-01", ["2031-05-20"]), ("Austria", "2032-01-01", ["2032-05-18"]),
        ("Czechia", "2033-01-01", ["2033-05-17"]),
    ]
    assert out["findings"] == []


def _summit_and_follower(tmp_path, name: str, offset: str, summit: str, held: str) -> list[str]:
    """The chair-hosted Summit every 2 years, its 3rd held on ``summit`` in Vienna (Austria
    chairing from that day), and a body ``name`` at the Secretariat due ``offset`` after each
    Summit, last held on ``held``: the files' arguments, chair register included."""
    book = (
        _org("Vienna", "Austria", _CHAIRED)
        + '[[bodies]]\nid = "s"\nname = "Summit"\ncategory = "working"\nhost = "chair"\n[[bodies.rules]]\n'
        + _SUMMIT
        + _body("m", name, "", f'kind = "after"\nbody = "s"\noffset = "{offset}"\n')
    )
    rows = f"s,regular,3,{summit},,held,Vienna,Austria\n" + _rows("m", "Vienna", "Austria", held)
    paths = _files(tmp_path, book, rows)
    (tmp_path / "c.csv").write_text(f"country,start,end,ordinal,note,source\nAustria,{summit},,,,\n", encoding="utf-8")
    return [*paths, "--chairs", str(tmp_path / "c.csv")]


def test_a_plan_that_moves_the_summit_moves_the_meeting_due_days_after_it(tmp_path):
    """The chair-hosted Summit every 2 years (the 3rd held Tue 2026-10-13, Austria chairing);
    a Ministerial at the Secretariat in Vienna due within 3 days after each Summit (`after`,
    `offset = "3d"`), held 2026-10-15; as of 2026-12-01 to 2028. By hand, with no host known:
    the Summit Fri 2028-10-13; the Ministerial in 10-14..10-16, Saturday and Sunday off: Mon
    10-16. With `--plan Egypt` the Summit is Egypt's, on Thu 10-12 (Friday its weekend); the
    Ministerial's window is now 10-13..10-15, and Monday the 16th is out of it: nearest its
    day inside, Fri 10-13 (Vienna; Egypt hosts the Summit, so no host's spacing). Before, the
    Ministerial stayed on the 16th, four days after the Summit: the register checked with
    its own projection found its window unanswered."""
    paths = _summit_and_follower(tmp_path, "Ministerial", "3d", "2026-10-13", "2026-10-15")
    assert [(m["body"], m["start"]) for m in _project(paths, "2026-12-01", "2028-12-31")["meetings"]] == [("s", "2028-10-13"), ("m", "2028-10-16")]
    planned = _project(paths, "2026-12-01", "2028-12-31", "--plan", "Egypt")
    assert [(m["body"], m["start"], m["host"]) for m in planned["meetings"]] == [("s", "2028-10-12", "Egypt"), ("m", "2028-10-13", "Vienna (Secretariat)")]
    assert planned["problems"] == []


def test_a_plan_that_moves_the_summit_into_the_month_before_moves_the_meeting_due_months_after_it(tmp_path):
    """The chair-hosted Summit every 2 years, the 3rd held Tue 2026-09-01 (Austria chairing);
    a Board at the Secretariat in Vienna due 6 months after each Summit (`after`, judged by
    the month), held 2025-03-10; as of 2026-12-01 to 2029. By hand, with no host known: the
    Board of March 2027 on its day, Wed 2027-03-10; the 4th Summit Fri 2028-09-01; its Board
    due in March 2029, the 10th a Saturday: Fri 03-09. With `--plan Egypt` the Summit moves
    to Thu 2028-08-31 (Friday Egypt's weekend), in August: its Board is due in February 2029
    now, and March would be a month late: its usual day there (README: a month due 6 months
    after a Summit takes the body's usual day of the month), Sat 02-10, so Fri 02-09 (the
    twenty-fourth audit; this test first took the day of February nearest the old day, the
    28th)."""
    paths = _summit_and_follower(tmp_path, "Board", "6m", "2026-09-01", "2025-03-10")
    alone = _project(paths, "2026-12-01", "2029-12-31")
    assert [(m["body"], m["start"]) for m in alone["meetings"]] == [("m", "2027-03-10"), ("s", "2028-09-01"), ("m", "2029-03-09")]
    planned = _project(paths, "2026-12-01", "2029-12-31", "--plan", "Egypt")
    assert [(m["body"], m["start"]) for m in planned["meetings"]] == [("m", "2027-03-10"), ("s", "2028-08-31"), ("m", "2029-02-09")]


def _yearly_chain(tmp_path, interval: str, held: str) -> list[str]:
    """A Summit every ``interval`` hosted by the chair (yearly terms handed over at each
    Summit), its 3rd held on ``held`` in Vienna, Austria chairing from that day: the files'
    arguments, chair register included."""
    chaired = _CHAIRED.replace('term = "2y"', 'term = "1y"')
    book = _org("Vienna", "Austria", chaired) + f'[[bodies]]\nid = "s"\nname = "Summit"\ncategory = "working"\nhost = "chair"\n[[bodies.rules]]\nkind = "every"\ninterval = "{interval}"\n'
    paths = _files(tmp_path, book, f"s,regular,3,{held},,held,Vienna,Austria\n")
    (tmp_path / "c.csv").write_text(f"country,start,end,ordinal,note,source\nAustria,{held},,,,\n", encoding="utf-8")
    return [*paths, "--chairs", str(tmp_path / "c.csv")]


def test_a_plan_does_not_move_a_chain_in_days_past_its_due_day(tmp_path):
    """A Summit every 365 days, hosted by the chair (yearly terms handed over at each Summit,
    the incoming chair hosting), the 3rd held Tue 2026-05-19, Austria chairing; as of
    2026-12-01 to 2029, `--plan "Egypt, Denmark"`. By hand: the 4th is due by Wed 2027-05-19,
    an Egyptian government holiday (Eid al-Adha, estimated; the public days 16-18 May), and
    the no-host placement, on days good for every member, took Fri 05-14 (Whit Monday the
    17th). Egypt's own working days, inside the window it answers: not Thursday the 20th
    (a day late), but Thu 05-13 (Friday and Saturday Egypt's weekend, then Eid). Before, the
    re-placement looked anywhere in the year nearest the 19th: Thu 2027-05-20, one day past
    the day the rule makes it due."""
    paths = _yearly_chain(tmp_path, "365d", "2026-05-19")
    assert _starts(_project(paths, "2026-12-01", "2029-12-31")) == ["2027-05-14", "2028-05-12", "2029-05-11"]
    planned = _project(paths, "2026-12-01", "2029-12-31", "--plan", "Egypt, Denmark")
    assert [(m["start"], m["host"]) for m in planned["meetings"]] == [("2027-05-13", "Egypt"), ("2028-05-12", "Denmark"), ("2029-05-11", "chair to be decided")]


def test_a_chain_in_days_goes_on_from_the_day_the_plan_gave_the_meeting_before(tmp_path):
    """A Summit every 364 days, hosted by the chair (yearly terms handed over at each Summit,
    the incoming chair hosting), the 3rd held Fri 2026-10-16; as of 2026-12-01 to 2029, `--plan
    "Egypt, Denmark"`. By hand, with no host known: Fridays 2027-10-15, 2028-10-13,
    2029-10-12, each 364 days after the one before. With the plan, Egypt's 4th goes to Thu
    2027-10-14 (Friday its weekend), so the 5th is due by Thu 2028-10-12 (README: a chain in
    days is due that many days after the day the last meeting took), a working day in
    Denmark; and the 6th, host to be decided, by Thu 2029-10-11. Before, Denmark kept Fri
    2028-10-13 and the 6th Fri 2029-10-12: each a day late."""
    paths = _yearly_chain(tmp_path, "364d", "2026-10-16")
    assert _starts(_project(paths, "2026-12-01", "2029-12-31")) == ["2027-10-15", "2028-10-13", "2029-10-12"]
    planned = _project(paths, "2026-12-01", "2029-12-31", "--plan", "Egypt, Denmark")
    assert [(m["start"], m["host"]) for m in planned["meetings"]] == [("2027-10-14", "Egypt"), ("2028-10-12", "Denmark"), ("2029-10-11", "chair to be decided")]
    assert planned["problems"] == []
