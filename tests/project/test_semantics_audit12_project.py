"""When each body is next due after an empty horizon (session 12): each body's own horizon, and
the due period as the register allows it (a loosely dated origin's every reading). Every
expected answer was worked out by hand first; the derivation is in each test's docstring."""

from __future__ import annotations

from tests.project.test_semantics_audit9_project import _json
from tests.project.test_semantics_audit10_project import _BOARD_2Y, _body, _paths
from tests.semantics.test_semantics_audit5 import _invoke

_WEEKLY = 'kind = "at_least"\ncount = 1\nper = "week"'


def test_next_due_after_a_loose_origin_names_every_reading(tmp_path, monkeypatch):
    """Every 24 months from the 1st Board, held in 2025 (the register gives the year only);
    today 2026-01-15 to 2026-06-30: nothing due. The next Board is due 24 months after a day
    of 2025: in one of 2027-01 to 2027-12, and the register does not say which (check calls
    that window uncertain, "2027-01..2027-12"). Projected by the earliest reading still ahead:
    2027-01-01 is New Year's Day in Switzerland, the 2nd and 3rd a weekend: Monday 2027-01-04.
    Next due reads "due 2027-01..2027-12", not "due 2027-01" (the earliest reading named as if
    it were the fact). The horizon stretched by the interval: 2026-06-30 + 24 months. No note of
    a guessed reading under the schedule: the meeting it spoke of lies past the horizon."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    book = _body("board", "Board", 'kind = "every"\ninterval = "24m"')
    paths = _paths(tmp_path, book, "board,regular,1,2025,,held,Bern,Switzerland\n")
    text = _invoke("project", *paths, "--today", "2026-01-15", "--to", "2026-06-30").stdout
    assert "Notes" not in text
    assert text.endswith(
        "Nothing is due in this horizon.\n"
        "Next due after it (the same rules, the horizon stretched to 2028-06-30):\n"
        "  Board: due 2027-01..2027-12 (24 months after the 1st Board (2025); moved from Fri 2027-01-01 (New Year's Day in Switzerland)); projected 2027-01-04\n"
    )
    (due,) = _json("project", *paths, "--today", "2026-01-15", "--to", "2026-06-30")["next_due"]
    assert (due["due"], due["meeting"]["start"], due["meeting"]["ordinal"], due["until"]) == ("2027-01..2027-12", "2027-01-04", 2, "2028-06-30")


def test_next_due_of_an_exact_origin_is_its_period(tmp_path):
    """Control: every 2 years from the 2nd Board of 2024-03-12, today 2024-04-01 to 2025: due
    2026 (a calendar year: the one reading there is), projected 2026-03-12 (a Thursday, the
    interval after it), the horizon stretched by 2 years."""
    rows = "board,regular,1,2022-03-14,,held,Bern,Switzerland\nboard,regular,2,2024-03-12,,held,Bern,Switzerland\n"
    (due,) = _json("project", *_paths(tmp_path, _BOARD_2Y, rows), "--today", "2024-04-01", "--to", "2025")["next_due"]
    assert (due["due"], due["meeting"]["start"], due["until"]) == ("2026", "2026-03-12", "2027-12-31")


def test_next_due_projects_each_body_as_far_as_its_own_rules_reach(tmp_path, monkeypatch):
    """A Congress every 100 years (the 1st 2000-06-15) beside two bodies due once an ISO week,
    one meeting on Thursdays, one on Mondays (held 2026-06-25 and 06-22), all at the
    Secretariat; today Friday 2026-06-26 to Saturday the 27th: week 26 is met, nothing is due.
    The Congress is next due in 2100 (100 years after 2000), projected 2100-06-15 (a Tuesday),
    its horizon stretched by 100 years, to 2126-06-27. Each weekly body is next due in week
    2026-W27 (29 June to 5 July): Thursday 2026-07-02 and Monday 06-29 (three days apart, as
    one host's meetings must be), each horizon stretched by a week, to 2026-07-04: not a
    century of weekly meetings to find one (50 such bodies took 3.2 s of CPU, 260,000
    meetings). The head says each body's horizon is its own."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    book = _body("congress", "Congress", 'kind = "every"\ninterval = "100y"')
    book += _body("w1", "Weekly One", _WEEKLY, 'weekdays = ["thu"]\n') + _body("w2", "Weekly Two", _WEEKLY, 'weekdays = ["mon"]\n')
    rows = "congress,regular,1,2000-06-15,,held,Bern,Switzerland\nw1,regular,,2026-06-25,,held,Bern,Switzerland\nw2,regular,,2026-06-22,,held,Bern,Switzerland\n"
    paths = _paths(tmp_path, book, rows)
    out = _json("project", *paths, "--today", "2026-06-26", "--to", "2026-06-27")
    assert out["meetings"] == [] and out["problems"] == []
    assert [(n["body"], n["due"], n["meeting"]["start"], n["until"]) for n in out["next_due"]] == [
        ("congress", "2100", "2100-06-15", "2126-06-27"),
        ("w1", "2026-W27", "2026-07-02", "2026-07-04"),
        ("w2", "2026-W27", "2026-06-29", "2026-07-04"),
    ]
    text = _invoke("project", *paths, "--today", "2026-06-26", "--to", "2026-06-27").stdout
    assert text.endswith(
        "Next due after it (the same rules, the horizon stretched by each body's longest interval, offset or period):\n"
        "  Congress: due 2100 (100 years after the 1st Congress (2000-06-15)); projected 2100-06-15\n"
        "  Weekly One: due 2026-W27 (at least once a week: 1 of 1 in 2026-W27); projected 2026-07-02\n"
        "  Weekly Two: due 2026-W27 (at least once a week: 1 of 1 in 2026-W27); projected 2026-06-29\n"
    )


# -- real bodies projected from their sourced histories (tests/audit), hand-checked ----------------


def _projected(name: str, *args: str) -> dict:
    from pathlib import Path

    audit = Path(__file__).parent.parent / "audit"
    return _json("project", "--rules", str(audit / f"{name}.toml"), "--meetings", str(audit / f"{name}-meetings.csv"), *args)


def _rows(out: dict) -> list[tuple[str, int | None, str, str]]:
    """Day, number, host and the reason's rule words (the words of a move off a weekend or a
    holiday after them, "; moved from ...", are tests/test_semantics_audit23_project.py's)."""
    return [(m["start"], m["ordinal"], m["host"], m["reason"].split("; moved from ")[0]) for m in out["meetings"]]


def test_chogm_every_two_years_from_samoa_2024_at_its_usual_june_day():
    """CHOGM, customarily every two years (rolling), last held at Apia 2024-10-21..26; --today
    2026-06-30 to 2030. Due 2026 (two calendar years after 2024), then two years after each
    one projected. The day: a yearly chain keeps the usual month and day of the history: the
    regular meetings held known to the month are 2018-04, 2022-06, 2024-10 (the 2020 one was
    postponed; 2009-2015 are known to the year): lower median month June; the days known are
    15 (2018) and 21 (2024): lower median 15. 2026-06-15 is past, so the first day left,
    Wednesday 2026-07-01 (no Secretariat or members in this rule book: only Saturday and
    Sunday are off); 2028-06-15, a Thursday; 2030-06-15 is a Saturday and the 16th a Sunday:
    Friday 2030-06-14. No ordinals (the register numbers none); hosted by the chair, unknown.
    Customary (binding = false), and said so."""
    out = _projected("chogm", "--today", "2026-06-30", "--to", "2030")
    assert _rows(out) == [
        ("2026-07-01", None, "chair to be decided", "customary, 2 years after the CHOGM of 2024-10-21"),
        ("2028-06-15", None, "chair to be decided", "customary, 2 years after the CHOGM of 2026, projected"),
        ("2030-06-14", None, "chair to be decided", "customary, 2 years after the CHOGM of 2028, projected"),
    ]
    assert out["problems"] == [] and out["notes"] == []


def test_arab_league_summit_yearly_in_may_numbered_after_jeddah():
    """The Arab League Summit, at least once a year (the Annex to the Pact, 2000; the customary
    March session is judged, not planned, beside it); the register's last is the 32nd (Jeddah,
    2023-05); --today 2026-06-30 to 2030. 2024 and 2025 are closed (a calendar year takes no
    late meeting): the 33rd goes in 2026, then one a year, numbered 33rd-37th (the 31st's
    postponed and cancelled rows are one number). Habits: the held rows' months 7, 3, 4, 3, 11,
    5 sorted 3 3 4 5 7 11, the pick for one a year the 4th: May; their days 25, 29, 15, 31, 1:
    lower median 25. Placed on working days in Egypt (the Secretariat's country: the host,
    the chair, is unknown; Friday and Saturday are its weekend): 2026-05-25 is past, so the
    first day left, Wednesday 2026-07-01; Tuesday 2027-05-25; Thursday 2028-05-25 is the
    Islamic New Year (estimated), Friday the 26th the weekend: Wednesday 2028-05-24; 2029-05-25
    is a Friday, the 26th a Saturday: Thursday 2029-05-24; 2030-05-25 a Saturday: Sunday
    2030-05-26."""
    out = _projected("arab-league-summit", "--today", "2026-06-30", "--to", "2030")
    assert _rows(out) == [(f"{year}-{day}", number, "chair to be decided", f"at least once a year: 1 of 1 in {year}") for year, day, number in [(2026, "07-01", 33), (2027, "05-25", 34), (2028, "05-24", 35), (2029, "05-24", 36), (2030, "05-26", 37)]]
    assert out["problems"] == []


def test_mercosur_summits_once_a_half_year_in_the_months_of_each_half():
    """The MERCOSUR Common Market Council at least once a semester (Ouro Preto, art. 6); the
    register's last is the 63rd (Rio, 2023-12-07); --today 2026-06-30 to 2030. The half-year
    2026 H1 is due today and nothing is recorded: a Problem (nothing is projected before
    tomorrow). Then one a half-year, 64th-72nd. A period under a year aimed at its middle
    whatever the history; overturned (audit 14, DESIGN "else the median month of the body's
    history"): the second half takes the median month of the history's second-half Summits
    (four Julys, five Decembers: December), on the usual day (lower median of the nine days:
    the 7th); the first half, with no Summit in it, its middle (1 January + 90 days, 91 in a
    leap year: 1 April). On working days in Uruguay (the Secretariat's; no members listed):
    2026-12-07 Monday; 2027-04-01 Thursday, 12-07 Tuesday; 2028-04-01 a Saturday: Friday
    2028-03-31; 2028-12-07 Thursday; 2029-04-01 a Sunday: Monday the 2nd; 2029-12-07 Friday;
    2030-04-01 Monday; 2030-12-07 a Saturday: Friday the 6th (one day back, Monday two on)."""
    out = _projected("mercosur-cmc", "--today", "2026-06-30", "--to", "2030")
    days = ["2026-12-07", "2027-04-01", "2027-12-07", "2028-03-31", "2028-12-07", "2029-04-02", "2029-12-07", "2030-04-01", "2030-12-06"]
    halves = ["2026 H2", "2027 H1", "2027 H2", "2028 H1", "2028 H2", "2029 H1", "2029 H2", "2030 H1", "2030 H2"]
    assert _rows(out) == [(day, 64 + k, "chair to be decided", f"at least once a half-year: 1 of 1 in {half}") for k, (day, half) in enumerate(zip(days, halves, strict=True))]
    assert [(p["kind"], p["window"]) for p in out["problems"]] == [("placement", "2026 H1")]


def test_us_congress_projected_on_3_january_the_day_its_customary_rule_names():
    """The US Congress: at least once a year (binding, planned for) and, customarily, on
    3 January (the 20th Amendment's day "unless they shall by law appoint a different day":
    judged, not planned for). The meeting of each year aims at 3 January, the day that rule
    names, not at the history's lower median day (the 4th: 14 sessions opened on the 3rd, 4
    on the 4th, 13 later, of 31). --today 2026-06-30 to 2030: 2026 is still due (the register
    ends in 2023) and its 3 January is past: the first day left, Wednesday 2026-07-01;
    2027-01-03 is a Sunday: Monday the 4th (the later side first); Monday 2028-01-03,
    Wednesday 2029-01-03, Thursday 2030-01-03 (the 4th before)."""
    out = _projected("us-congress", "--today", "2026-06-30", "--to", "2030")
    days = ["2026-07-01", "2027-01-04", "2028-01-03", "2029-01-03", "2030-01-03"]
    moved = {"2027-01-04": "; moved from Sun 2027-01-03 (a weekend day in United States)"}  # (3 January a Sunday)
    assert [(m["start"], m["reason"]) for m in out["meetings"]] == [(day, f"at least once a year: 1 of 1 in {day[:4]}{moved.get(day, '')}") for day in days]


def test_saarc_summit_the_postponed_19th_first_then_yearly_in_november():
    """SAARC Summits, at least once a year (Charter, art. III); the 18th held 2014-11-26..27,
    the 19th (Islamabad, 2016-11-15) postponed indefinitely; --today 2026-06-30 to 2030. The
    19th is still to be held: the meeting projected under its number is it, after the day it
    was postponed from, saying so; then the 20th-23rd. Habits of the 18 held: months 1 1 4 4 4
    5 5 7 8 11 11 11 11 11 11 12 12 12, the pick for one a year the 10th: November; the days
    of the November Summits 2 10 12 16 21 26: lower median 12 (twenty-first pass: the usual
    month's own day; all eighteen days gave the 10th). On Nepal's working days (the
    Secretariat's; the holidays package gives Nepal a Saturday-Sunday weekend; no members are
    listed): Thursday 2026-11-12; Friday 2027-11-12; 2028-11-12 a Sunday: Monday 2028-11-13;
    Monday 2029-11-12; Tuesday 2030-11-12."""
    out = _projected("saarc", "--today", "2026-06-30", "--to", "2030")
    reasons = ["postponed from 2016-11-15; at least once a year: 1 of 1 in 2026", *[f"at least once a year: 1 of 1 in {y}" for y in range(2027, 2031)]]
    days = ["2026-11-12", "2027-11-12", "2028-11-13", "2029-11-12", "2030-11-12"]
    assert _rows(out) == [(day, 19 + k, "chair to be decided", reason) for k, (day, reason) in enumerate(zip(days, reasons, strict=True))]


def test_osce_ministerial_council_yearly_in_early_december():
    """The OSCE Ministerial Council, once a year but in a Summit year (the Summit is ad hoc:
    none is projected, so none excuses a year); the 32nd held in Vienna 2025-12-04..05;
    --today 2026-06-30 to 2030: the 33rd-37th. Habits of the regular Councils known to the
    month: all December but 2023's (30 November), the pick December; the December days 6 5 4
    3 8 6 5 3 2 1 5 4: lower median 4 (twenty-first pass: the usual month's own day, not 2023's
    30 November's too). On Austria's working days (the Secretariat's; the chair hosts,
    unknown): Friday 2026-12-04; 2027-12-04 a Saturday: Friday the 3rd (a day back, before
    Monday two days on); Monday 2028-12-04, Tuesday 2029-12-04, Wednesday 2030-12-04."""
    out = _projected("osce", "--today", "2026-06-30", "--to", "2030")
    days = ["2026-12-04", "2027-12-03", "2028-12-04", "2029-12-04", "2030-12-04"]
    assert _rows(out) == [(day, 33 + k, "chair to be decided", f"at least once a year: 1 of 1 in {day[:4]}") for k, day in enumerate(days)]


def test_texas_legislature_on_the_second_tuesday_of_january_of_odd_years():
    """The Texas Legislature convenes "at noon on the second Tuesday in January of each
    odd-numbered year" (Texas Constitution art. III sec. 5): the 89th on 2025-01-14; --today
    2026-06-30 to 2030: the 90th on 2027-01-12 (1 January a Friday: Tuesdays the 5th and
    12th) and the 91st on 2029-01-09 (1 January a Monday: Tuesdays the 2nd and 9th), in
    Austin, its fixed seat."""
    out = _projected("texas-legislature", "--today", "2026-06-30", "--to", "2030")
    assert [(m["start"], m["ordinal"], m["city"], m["reason"]) for m in out["meetings"]] == [
        ("2027-01-12", 90, "Austin", "the second Tuesday in January 2027"),
        ("2029-01-09", 91, "Austin", "the second Tuesday in January 2029"),
    ]
