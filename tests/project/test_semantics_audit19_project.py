"""A nineteenth audit, of `project` and `chairs`: small rule books whose projection and chair
plan were worked out by hand first (in each test's docstring, from DESIGN.md and the README),
then compared with `--format json`. Days off come from the `holidays` package (0.109) for the
host, of the categories the rule book's `holiday_categories` names (by default `public`,
`government` and `de_facto`: the days a government office keeps closed)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit17_project import _files, _project


def _org(city: str, country: str, extra: str = "") -> str:
    return f'[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = {{ city = "{city}", country = "{country}" }}\n{extra}'


def _body(id: str, name: str, keys: str, *rules: str) -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\nhost = "secretariat"\n{keys}' + "".join(
        f"[[bodies.rules]]\n{r}" for r in rules
    )


_TWELVE_MONTHS = 'kind = "every"\ninterval = "12m"\n'


def _starts(out: dict) -> list[str]:
    return [m["start"] for m in out["meetings"]]


# -- 1. Days off that are no public holiday: Christmas Eve -----------------------------------------


def test_a_meeting_is_not_projected_on_swedens_christmas_eve(tmp_path):
    """Board every 12 months (rolling, in months), at the Secretariat in Stockholm, last held
    Wed 2025-12-24; as of 2026-06-01 to 2027. By hand: due at its nominal date, 12 months on,
    Thu 2026-12-24. Sweden's Christmas Eve is no public holiday in the `holidays` package but
    a `de_facto` day off (offices closed); 25 and 26 December are public holidays, 27th a
    Sunday: the nearest working day of December is Wed 12-23. In 2027, 24 months after the
    last held meeting, Fri 2027-12-24: Thu 12-23 again. Before, both were on 24 December."""
    book = _org("Stockholm", "Sweden") + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2025-12-24,,held,Stockholm,Sweden\n"), "2026-06-01", "2027-12-31")
    assert _starts(out) == ["2026-12-23", "2027-12-23"]


def test_public_holidays_alone_when_the_rule_book_says_so(tmp_path):
    """The same Board with `holiday_categories = ["public"]`: 24 December is a working day
    then, and the meetings keep their nominal date, Thu 2026-12-24 and Fri 2027-12-24."""
    book = _org("Stockholm", "Sweden", 'holiday_categories = ["public"]\n') + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2025-12-24,,held,Stockholm,Sweden\n"), "2026-06-01", "2027-12-31")
    assert _starts(out) == ["2026-12-24", "2027-12-24"]


def test_denmarks_christmas_eve_is_avoided_where_the_rule_book_names_its_category(tmp_path):
    """The Board in Copenhagen. Denmark's Christmas Eve is in the package's `optional`
    category (not avoided by default: India's 30-odd restricted holidays are `optional` too).
    By default: Thu 2026-12-24 and Fri 2027-12-24. With `holiday_categories = ["public",
    "DK:optional"]`: Wed 2026-12-23 and Thu 2027-12-23 (25, 26 December public holidays)."""
    rows = "bd,regular,,2025-12-24,,held,Copenhagen,Denmark\n"
    plain = _org("Copenhagen", "Denmark") + _body("bd", "Board", "", _TWELVE_MONTHS)
    assert _starts(_project(_files(tmp_path, plain, rows), "2026-06-01", "2027-12-31")) == ["2026-12-24", "2027-12-24"]
    named = _org("Copenhagen", "Denmark", 'holiday_categories = ["public", "DK:optional"]\n') + _body("bd", "Board", "", _TWELVE_MONTHS)
    assert _starts(_project(_files(tmp_path, named, rows), "2026-06-01", "2027-12-31")) == ["2026-12-23", "2027-12-23"]


def test_a_us_federal_christmas_eve_closure_is_avoided(tmp_path):
    """The Board in Washington (United States) every 12 months, its last meeting in the
    register on Sun 2023-12-24 (a videoconference); as of 2024-06-01 to 2024. By hand: due at
    Tue 2024-12-24, a day the package lists as `government` (federal offices closed by
    executive order), not `public`. The nearest working day: Mon 12-23 (1 back; Thu 12-26 is
    2 on, the 25th a holiday). Before: Tue 2024-12-24."""
    book = _org("Washington", "United States") + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2023-12-24,,held,Washington,United States\n"), "2024-06-01", "2024-12-31")
    assert _starts(out) == ["2024-12-23"]


def test_a_category_the_package_does_not_have_is_refused_naming_the_key(tmp_path):
    """`holiday_categories = ["public", "DK:optinal"]` and `["workday"]` (working days, not
    days off): exit 2, one line naming the file, the key and the entry."""
    for value, words in (('["public", "DK:optinal"]', "entry 2 is 'DK:optinal', not a category"), ('["workday"]', "'workday' category lists working days")):
        book = _org("Copenhagen", "Denmark", f"holiday_categories = {value}\n") + _body("bd", "Board", "", _TWELVE_MONTHS)
        rules, _ = _files(tmp_path, book, "")[1::2]
        result = CliRunner().invoke(main, ["validate", "--rules", rules])
        assert result.exit_code == 2, result.output
        assert "holiday_categories" in result.output + result.stderr and words in result.output + result.stderr
        assert "Traceback" not in result.output + result.stderr


# -- 2. Chairs: a handover meeting re-hosted does not cross a meeting of the next term ------------

_ROTATING = (
    _org(
        "Vienna",
        "Austria",
        'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE" }, { name = "Croatia", code = "HR" }, { name = "Denmark", code = "DK" }]\n'
        '[chairmanship]\nterm = "1y"\nhandover_bodies = ["summit", "council"]\nchair_hosts = true\norder = "alphabetical"\n',
    )
    + "".join(
        f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "governing"\nhost = "chair"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
        for id, name in (("summit", "Summit"), ("council", "Council"))
    )
)


def test_every_meeting_a_planned_chair_hosts_lies_in_its_term(tmp_path):
    """Summit and Council every year in June, both hosted by the chair and both handing it on
    (terms of a year, alphabetical: Austria, then Belgium, Croatia, Denmark); both held
    2025-06-10 in Vienna, Austria chairing since. As of 2025-07-01 to 2029. Projected with
    no host known: Council 2027-06-07, Summit 2027-06-10, so Belgium's term ends at that
    Council and Croatia hosts the Summit of the 10th. Re-hosted by Belgium (outgoing), the
    Council moved to Fri 06-11, past the Summit: Belgium's term then ran to 06-11 and held
    the 3rd Summit, hosted by Croatia (and the 5th Summit, 2029-06-11, by Austria inside
    Denmark's term). By hand: a handover meeting re-hosted stays between the chair-hosted
    meetings on either side of it, so every meeting a planned chair hosts lies in its term,
    from the day it opens, before the day it closes (the one that closes it its own, the
    outgoing chair's)."""
    rules = tmp_path / "r.toml"
    rules.write_text(_ROTATING, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\nsummit,regular,1,2025-06-10,,held,Vienna,Austria\ncouncil,regular,1,2025-06-10,,held,Vienna,Austria\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\nAustria,2025-06-10,,1,,\n", encoding="utf-8")
    args = ["chairs", "--rules", str(rules), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv"), "--today", "2025-07-01", "--to", "2029", "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    plan = json.loads(result.stdout)["plan"]
    assert [t["country"] for t in plan] == ["Belgium", "Croatia", "Denmark", "Austria"]
    for term in plan:
        for m in term["hosted"]:
            assert term["from"] <= m["start"] and (term["to"] is None or m["start"] <= term["to"]), (term["country"], m["body"], m["start"])
    hosts = {(m["body"], m["ordinal"]): m["country"] for t in plan for m in t["hosted"]}
    assert hosts[("summit", 3)] == "Croatia" and hosts[("summit", 5)] == "Austria"


# -- 3. Working days of the host: a Friday-Saturday weekend, Eid, Easter, a weekend inside ---------


def _board(city: str, country: str, row: str, keys: str = "", today: str = "2026-01-01", to: str = "2026-12-31", tmp_path=None) -> list[tuple[str, str | None]]:
    book = _org(city, country) + _body("bd", "Board", keys, _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, f"bd,regular,,{row},held,{city},{country}\n"), today, to)
    return [(m["start"], m["end"]) for m in out["meetings"]]


def test_a_friday_in_cairo_is_the_weekend(tmp_path):
    """Board every 12 months in Cairo, last held Thu 2025-03-13: nominal Fri 2026-03-13,
    Egypt's weekend (Friday and Saturday). Nearest working day: Thu 03-12 (1 back; Sun 03-15
    is 2 on)."""
    assert _board("Cairo", "Egypt", "2025-03-13,", tmp_path=tmp_path) == [("2026-03-12", None)]


def test_eid_al_fitr_and_the_government_day_before_it_in_cairo(tmp_path):
    """Board every 12 months in Cairo, last held Wed 2026-03-10; as of 2026-06-01 to 2027.
    Nominal Wed 2027-03-10, inside Eid al-Fitr (estimated; public: 9 and 10 March 2027;
    `government`: the 8th and the 11th); Fri 12 and Sat 13 are the weekend. Nearest working
    day: Sun 03-07 (3 back; Sun 03-14 is 4 on). Before (public holidays alone) Thu 03-11 (1
    on), a day Egypt's government offices are closed."""
    assert _board("Cairo", "Egypt", "2026-03-10,", today="2026-06-01", to="2027-12-31", tmp_path=tmp_path) == [("2027-03-07", None)]


def test_easter_monday_in_vienna(tmp_path):
    """Board every 12 months in Vienna, last held Mon 2026-03-30; nominal Mon 2027-03-29,
    Easter Monday (Easter 2027: 28 March). Nearest working day: Tue 03-30 (1 on; Fri 03-26
    is 3 back; Good Friday is no public holiday in Austria)."""
    assert _board("Vienna", "Austria", "2026-03-30,", today="2026-06-01", to="2027-12-31", tmp_path=tmp_path) == [("2027-03-30", None)]


def test_a_two_day_meeting_does_not_span_the_weekend(tmp_path):
    """Board of two days every 12 months in Vienna, last held Thu-Fri 2025-10-16/17; nominal
    Fri 2026-10-16, whose second day is a Saturday. Two consecutive working days nearest:
    Thu-Fri 10-15/16 (1 back; Mon-Tue 10-19/20 is 3 on)."""
    assert _board("Vienna", "Austria", "2025-10-16,2025-10-17", keys="duration_days = 2\n", tmp_path=tmp_path) == [("2026-10-15", "2026-10-16")]


def test_two_bodies_of_one_host_due_on_the_same_day_are_three_days_apart(tmp_path):
    """Bodies A and B, each every 12 months at the Secretariat in Vienna, both last held Wed
    2025-10-15: both nominal Thu 2026-10-15. A (first in the rule book) takes it; B must be
    at least 3 days from it (`min_days_between`, default 3): Mon 10-12 (3 back; Sun 10-18 is
    no working day, Mon 10-19 is 4 on)."""
    book = _org("Vienna", "Austria") + _body("a", "A", "", _TWELVE_MONTHS) + _body("b", "B", "", _TWELVE_MONTHS)
    rows = "a,regular,,2025-10-15,,held,Vienna,Austria\nb,regular,,2025-10-15,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2026-01-01", "2026-12-31")
    assert sorted((m["body"], m["start"]) for m in out["meetings"]) == [("a", "2026-10-15"), ("b", "2026-10-12")]


# -- 4. Due windows of each rule kind --------------------------------------------------------------

_YEARLY = 'kind = "at_least"\ncount = 1\nper = "year"\n'


def test_today_on_the_last_day_of_the_period(tmp_path):
    """Board at least once a year, June preferred, held 2025-06-10 (Vienna); as of Thu
    2026-12-31, none held in 2026: projection begins tomorrow, so 2026 is a Problem (due
    today), not a meeting; 2027's on the usual day of June: Thu 2027-06-10."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "months = [6]\n", _YEARLY)
    out = _project(_files(tmp_path, book, "bd,regular,,2025-06-10,,held,Vienna,Austria\n"), "2026-12-31", "2027-12-31")
    assert _starts(out) == ["2027-06-10"]
    assert [p["window"] for p in out["problems"]] == ["2026"] and "which is today" in out["problems"][0]["message"]


def test_a_horizon_ending_before_the_usual_month_projects_nothing_for_that_year(tmp_path):
    """Board at least once a year, October preferred, held 2026-10-14; as of 2026-11-01 with
    `--to 2027-06-30`: the 2027 meeting's day (October) is after the horizon, so nothing is
    projected inside it (and nothing before October is moved in)."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "months = [10]\n", _YEARLY)
    assert _starts(_project(_files(tmp_path, book, "bd,regular,,2026-10-14,,held,Vienna,Austria\n"), "2026-11-01", "2027-06-30")) == []


def test_after_another_body_on_its_own_usual_day(tmp_path):
    """Summit every 2 years (rolling), June preferred, held Wed 2025-06-11; Ministers 1 year
    after each Summit, held 2022-09-14 and 2024-09-18 (usual month September, usual day the
    lower median of 14 and 18: the 14th). As of 2025-07-01 to 2029: Ministers Mon 2026-09-14
    (3rd), Summit Fri 2027-06-11 (2nd), Ministers Thu 2028-09-14 (4th), Summit Mon
    2029-06-11 (3rd)."""
    book = (
        _org("Vienna", "Austria")
        + _body("s", "Summit", "months = [6]\n", 'kind = "every"\ninterval = "2y"\n')
        + _body("m", "Ministers", "", 'kind = "after"\nbody = "s"\noffset = "1y"\n')
    )
    rows = "s,regular,1,2025-06-11,,held,Vienna,Austria\nm,regular,1,2022-09-14,,held,Vienna,Austria\nm,regular,2,2024-09-18,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2025-07-01", "2029-12-31")
    assert [(m["body"], m["ordinal"], m["start"]) for m in out["meetings"]] == [
        ("m", 3, "2026-09-14"),
        ("s", 2, "2027-06-11"),
        ("m", 4, "2028-09-14"),
        ("s", 3, "2029-06-11"),
    ]
    assert out["meetings"][2]["reason"] == "1 year after the 2nd Summit (2027-06-11, projected)"


def test_a_month_before_another_body_in_the_middle_of_the_window(tmp_path):
    """Prep Committee 1 month before each Summit (`before`), no history; the Summit held
    2025-06-11, every 2 years, June: the 2nd Summit Fri 2027-06-11; Prep's window
    2027-05-11..06-10 (31 days), no usual day: its middle, day 15 of it, Wed 2027-05-26."""
    book = (
        _org("Vienna", "Austria")
        + _body("s", "Summit", "months = [6]\n", 'kind = "every"\ninterval = "2y"\n')
        + _body("p", "Prep", "", 'kind = "before"\nbody = "s"\noffset = "1m"\n')
    )
    out = _project(_files(tmp_path, book, "s,regular,1,2025-06-11,,held,Vienna,Austria\n"), "2025-07-01", "2027-12-31")
    assert [(m["body"], m["start"]) for m in out["meetings"]] == [("p", "2027-05-26"), ("s", "2027-06-11")]


def test_a_grid_anchored_in_2020_keeps_its_years_after_an_off_grid_meeting(tmp_path):
    """Every 3 years on a grid anchored at 2020, May preferred; held 2020-05-13 and (off the
    grid, late for 2023) 2024-05-15. Due 2026, 2029, 2032 (not 2027): usual day the lower
    median of 13 and 15, the 13th: Wed 2026-05-13, Sun 2029-05-13 -> Mon 05-14 (1 on), Thu
    2032-05-13."""
    book = _org("Vienna", "Austria") + _body("g", "Grid", "months = [5]\n", 'kind = "every"\ninterval = "3y"\nmode = "grid"\nanchor = 2020\n')
    rows = "g,regular,,2020-05-13,,held,Vienna,Austria\ng,regular,,2024-05-15,,held,Vienna,Austria\n"
    assert _starts(_project(_files(tmp_path, book, rows), "2025-01-01", "2032-12-31")) == ["2026-05-13", "2029-05-14", "2032-05-13"]


def test_a_body_before_another_on_the_working_day_just_before(tmp_path):
    """Council at least once a year, October, held Mon 2025-10-13 (usual day the 13th); the
    Bureau meets just before it (`before = "cn"`). 2026: Council Tue 10-13, Bureau the working
    day just before, Mon 10-12 (a pair: the same host's three days do not part them)."""
    book = _org("Vienna", "Austria") + _body("cn", "Council", "months = [10]\n", _YEARLY) + _body("bu", "Bureau", 'before = "cn"\n', _YEARLY)
    rows = "cn,regular,,2025-10-13,,held,Vienna,Austria\nbu,regular,,2025-10-10,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2026-01-01", "2026-12-31")
    assert [(m["body"], m["start"]) for m in out["meetings"]] == [("bu", "2026-10-12"), ("cn", "2026-10-13")]


def test_twice_a_year_with_a_minimum_gap_in_its_two_months(tmp_path):
    """Council at least twice a year, `min_gap = "120d"`, held 2025-03-12 and 2025-10-15: its
    months, a half each, March and October; each month's day its own (twenty-first pass):
    Thu 2026-03-12 and Thu 2026-10-15 (217 days apart)."""
    book = _org("Vienna", "Austria") + _body("cn", "Council", "", 'kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "120d"\n')
    rows = "cn,regular,,2025-03-12,,held,Vienna,Austria\ncn,regular,,2025-10-15,,held,Vienna,Austria\n"
    assert _starts(_project(_files(tmp_path, book, rows), "2026-01-01", "2026-12-31")) == ["2026-03-12", "2026-10-15"]


def test_an_on_rule_the_third_tuesday_of_september(tmp_path):
    """Assembly `on` the third Tuesday of September, established 2020, no meeting recorded: 1
    September 2026 is a Tuesday, so the 15th; 1 September 2027 a Wednesday, so the 21st."""
    book = _org("Vienna", "Austria") + _body("ga", "Assembly", "established = 2020\n", 'kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3\n')
    assert _starts(_project(_files(tmp_path, book, ""), "2026-01-01", "2027-12-31")) == ["2026-09-15", "2027-09-21"]


def test_a_rolling_chain_after_a_missed_window_keeps_its_day(tmp_path):
    """Summit every 2 years (rolling), the 1st held 2022-11-09, nothing since; as of
    2025-06-01: the window due 2024 passed, so the next is two intervals from the last
    meeting, Mon 2026-11-09 (the 2nd), its reason saying so; the 3rd Thu 2028-11-09."""
    book = _org("Vienna", "Austria") + _body("s", "Summit", "", 'kind = "every"\ninterval = "2y"\n')
    out = _project(_files(tmp_path, book, "s,regular,1,2022-11-09,,held,Vienna,Austria\n"), "2025-06-01", "2028-12-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(2, "2026-11-09"), (3, "2028-11-09")]
    assert out["meetings"][0]["reason"] == "2 years after the window due 2024, nothing held since the 1st Summit (2022-11-09)"


def test_a_quarterly_body_without_history_meets_mid_quarter(tmp_path):
    """At least once a quarter, established 2026-01-01, no history: the middle of each
    quarter (day 45 of Q1's 90, 45 of Q2's 91, 46 of Q3's and Q4's 92): Sun 02-15 -> Mon 02-16
    (1 on); Sat 05-16 -> Fri 05-15 (1 back); Sun 08-16 -> Mon 08-17 (1 on; Sat 08-15 is
    Assumption); Mon 11-16."""
    book = _org("Vienna", "Austria") + _body("q", "Quarterly", "established = 2026-01-01\n", 'kind = "at_least"\ncount = 1\nper = "quarter"\n')
    assert _starts(_project(_files(tmp_path, book, ""), "2026-01-01", "2026-12-31")) == ["2026-02-16", "2026-05-15", "2026-08-17", "2026-11-16"]


def test_two_hosts_do_not_share_a_day(tmp_path):
    """A at the Secretariat in Vienna and B in Bonn (fixed host), each every 12 months, both
    last held 2025-10-15: nominal Thu 2026-10-15 for both; one meeting a day
    (`meetings_per_day` 1): A keeps it, B the nearest other working day, Fri 10-16 (1 on,
    forward before backward)."""
    bonn = '[[bodies]]\nid = "b"\nname = "B"\ncategory = "working"\nhost = "fixed"\nhost_country = "Germany"\nhost_city = "Bonn"\n[[bodies.rules]]\n' + _TWELVE_MONTHS
    book = _org("Vienna", "Austria") + _body("a", "A", "", _TWELVE_MONTHS) + bonn
    rows = "a,regular,,2025-10-15,,held,Vienna,Austria\nb,regular,,2025-10-15,,held,Bonn,Germany\n"
    out = _project(_files(tmp_path, book, rows), "2026-01-01", "2026-12-31")
    assert [(m["body"], m["start"], m["host"]) for m in out["meetings"]] == [("a", "2026-10-15", "Vienna (Secretariat)"), ("b", "2026-10-16", "Bonn, Germany")]


# -- 5. Ordinals ------------------------------------------------------------------------------------


def test_a_cancelled_ordinal_keeps_its_number(tmp_path):
    """Board every 12 months, the 1st and 2nd held (2023-05-10, 2024-05-10), the 3rd
    (2025-05-10) cancelled; as of 2025-06-01: the window due May 2025 passed with nothing held,
    so the chain goes on 12 months from it: Sun 2026-05-10 -> Mon 05-11, numbered the 4th
    (the cancelled 3rd keeps its number)."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "", _TWELVE_MONTHS)
    rows = "bd,regular,1,2023-05-10,,held,Vienna,Austria\nbd,regular,2,2024-05-10,,held,Vienna,Austria\nbd,regular,3,2025-05-10,,cancelled,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2025-06-01", "2026-12-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(4, "2026-05-11")]


def test_numbering_continues_after_a_gap_and_a_planned_meeting(tmp_path):
    """The 1st held 2024-05-10, the 5th 2025-05-12 (the 2nd to 4th not in the register), the
    6th planned 2026-05-12: the next projected is the 7th, 12 months after the 6th, Wed
    2027-05-12."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "", _TWELVE_MONTHS)
    rows = "bd,regular,1,2024-05-10,,held,Vienna,Austria\nbd,regular,5,2025-05-12,,held,Vienna,Austria\nbd,regular,6,2026-05-12,,planned,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2025-06-01", "2027-12-31")
    assert [(m["ordinal"], m["start"], m["status"]) for m in out["meetings"]] == [(6, "2026-05-12", "planned"), (7, "2027-05-12", "projected")]


# -- 6. Chairs: alphabetical rotation past a member that left ---------------------------------------


def test_the_alphabetical_rotation_passes_over_a_member_that_left(tmp_path):
    """Terms of 2 years handed over at the Summit (every 2 years, June; the incoming chair
    hosts it), alphabetical; Belgium left the organization in 2026. Austria chairs from the
    1st Summit (2025-06-11). By hand: Croatia from the 2nd Summit (Fri 2027-06-11, hosted by
    Croatia), Denmark from 2029-06-11, then Austria again from 2031-06-11 (Wed). The Forum
    (chair-hosted, at least once a year, last held 2024-10-15: October, the 15th) is hosted
    by the chair of its day: Austria 2025 and 2026, Croatia Fri 2027-10-15 and Mon 2028-10-16
    (the 15th a Sunday), Denmark 2029 and 2030, Austria 2031."""
    book = _org(
        "Vienna",
        "Austria",
        'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE", left = 2026 }, { name = "Croatia", code = "HR" }, { name = "Denmark", code = "DK" }]\n'
        '[chairmanship]\nterm = "2y"\nhandover_bodies = ["summit"]\nchair_hosts = true\norder = "alphabetical"\nhandover_host = "incoming"\n',
    ) + "".join(
        f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "{cat}"\nhost = "chair"\nmonths = [{month}]\n[[bodies.rules]]\n{rule}'
        for id, name, cat, month, rule in (("summit", "Summit", "governing", 6, 'kind = "every"\ninterval = "2y"\n'), ("forum", "Forum", "working", 10, _YEARLY))
    )
    rules = tmp_path / "r.toml"
    rules.write_text(book, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\nsummit,regular,1,2025-06-11,,held,Vienna,Austria\nforum,regular,,2024-10-15,,held,Vienna,Austria\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\nAustria,2025-06-11,,1,,\n", encoding="utf-8")
    args = ["chairs", "--rules", str(rules), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv"), "--today", "2025-07-01", "--to", "2031-12-31", "--format", "json"]
    out = json.loads(CliRunner().invoke(main, args).stdout)
    hosted = lambda term: [(m["body"], m["start"]) for m in term["hosted"]]  # noqa: E731
    assert [(t["country"], t["from"], t["to"]) for t in out["plan"]] == [("Croatia", "2027-06-11", "2029-06-11"), ("Denmark", "2029-06-11", "2031-06-11"), ("Austria", "2031-06-11", None)]
    assert hosted(out["terms"][0]) == [("summit", "2025-06-11"), ("forum", "2025-10-15"), ("forum", "2026-10-15")]
    assert [hosted(t) for t in out["plan"]] == [
        [("summit", "2027-06-11"), ("forum", "2027-10-15"), ("forum", "2028-10-16")],
        [("summit", "2029-06-11"), ("forum", "2029-10-15"), ("forum", "2030-10-15")],
        [("summit", "2031-06-11"), ("forum", "2031-10-15")],
    ]


def test_the_alphabetical_rotation_reads_letters_without_their_accents(tmp_path):
    """Yearly terms, no handover body, alphabetical; members Costa Rica, Côte d'Ivoire,
    Croatia, Cuba; Costa Rica chairs 2026. By hand, in English alphabetical order as the UN
    keeps it (accents aside): Côte d'Ivoire 2027, Croatia 2028, Cuba 2029, Costa Rica 2030.
    Before, by code point ('ô' after every ASCII letter): Croatia, Cuba, Côte d'Ivoire."""
    book = _org(
        "Vienna",
        "Austria",
        "members = [{ name = \"Costa Rica\", code = \"CR\" }, { name = \"Côte d'Ivoire\", code = \"CI\" }, { name = \"Croatia\", code = \"HR\" }, { name = \"Cuba\", code = \"CU\" }]\n"
        '[chairmanship]\nterm = "1y"\nhandover_bodies = []\nchair_hosts = false\norder = "alphabetical"\n',
    ) + _body("s", "Summit", "months = [6]\n", _TWELVE_MONTHS)
    rules, meetings = _files(tmp_path, book, "s,regular,1,2025-06-11,,held,Vienna,Austria\n")[1::2]
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\nCosta Rica,2026-01-01,2027-01-01,1,,\n", encoding="utf-8")
    args = ["chairs", "--rules", rules, "--meetings", meetings, "--chairs", str(tmp_path / "c.csv"), "--today", "2026-07-01", "--to", "2030-12-31", "--format", "json"]
    plan = json.loads(CliRunner().invoke(main, args).stdout)["plan"]
    assert [(t["country"], t["from"]) for t in plan] == [("Côte d'Ivoire", "2027-01-01"), ("Croatia", "2028-01-01"), ("Cuba", "2029-01-01"), ("Costa Rica", "2030-01-01")]
