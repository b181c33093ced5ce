"""A fourteenth audit, of projection: DESIGN.md's "Projection" clause by clause, starting with
what the last pass noticed and left. Every projected date, ordinal, host and reason was worked
out by hand first, in each test's docstring, then compared; and DESIGN's invariant (a register
checked with its own projection finds nothing missed inside the horizon)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from tests.project.test_semantics_audit13_project import _book, _kept
from tests.semantics.test_semantics_audit5 import _invoke

_BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "every"\ninterval = "{interval}"\n'


def test_a_twelve_month_chain_after_29_february_keeps_its_day(tmp_path):
    """Every 12 months (rolling: judged by calendar months, due in the month 12 after the
    last), the Board last met Thursday 2024-02-29 in Bern; as of 2024-06-30 to 2044. DESIGN:
    "Rolling chains land at their nominal date (interval after the previous meeting)": the
    nominal days are 12, 24, ... months after 29 February 2024, the 28th of February (the
    29th in leap years). Where that day is a weekend, the nearest working day in February
    (March is another month, not due): 2026-02-28 Sat -> Fri 27th, 2027-02-28 Sun -> Fri
    26th (Monday is March), 2032-02-29 Sun -> Fri 27th, 2037-02-28 Sat -> 27th, 2038-02-28
    Sun -> 26th, 2043-02-28 Sat -> 27th; Switzerland has no public holiday in February.
    Chained from the day each meeting was moved to, the chain drifted: 2028-02-25, ...,
    2036-02-22, 2044-02-19. With the projection held, every year is met."""
    paths = _book(tmp_path, _BOARD.format(interval="12m"), "board,regular,1,2024-02-29,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2024-06-30", "2044-12-31")
    days = ["2025-02-28", "2026-02-27", "2027-02-26", "2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-27", "2033-02-28", "2034-02-28"]
    days += ["2035-02-28", "2036-02-29", "2037-02-27", "2038-02-26", "2039-02-28", "2040-02-29", "2041-02-28", "2042-02-28", "2043-02-27", "2044-02-29"]
    assert [m["start"] for m in projected] == days
    assert [m["ordinal"] for m in projected] == [str(n) for n in range(2, 22)]
    assert projected[2]["reason"] == "12 months after the 3rd Board (2026-02-27, projected); moved from Sun 2027-02-28 (a weekend day in Switzerland)"
    assert {f["verdict"] for f in report["findings"] if f["window"]["label"] < "2045"} == {"met"}
    assert report["summary"]["violations"] == 0


def test_a_365_day_chain_is_due_365_days_after_the_day_each_meeting_took(tmp_path):
    """Every 365 days (rolling, judged by days: due no later than 365 days after the last
    meeting), the Board last met 2024-02-29; as of 2024-06-30 to 2028. Unlike a 12-month
    chain, this one cannot keep a nominal day: its deadline is 365 days after the day the
    previous meeting took, so a meeting moved earlier off a weekend moves the next deadline
    earlier too (landing on the older nominal day would be late). By hand: 2025-02-28 (365
    days on, a Friday), 2026-02-28 Sat -> Fri 27th, 2027-02-27 Sat -> Fri 26th, 2028-02-26
    Sat -> Fri 25th; each within 365 days of the one before, and with them held nothing is
    late or missed."""
    paths = _book(tmp_path, _BOARD.format(interval="365d"), "board,regular,1,2024-02-29,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2024-06-30", "2028-12-31")
    assert [m["start"] for m in projected] == ["2025-02-28", "2026-02-27", "2027-02-26", "2028-02-25"]
    starts = [date(2024, 2, 29)] + [date.fromisoformat(m["start"]) for m in projected]
    assert all((b - a).days <= 365 for a, b in zip(starts, starts[1:], strict=False))
    assert projected[1]["reason"] == "365 days after the 2nd Board (2025-02-28, projected); moved from Sat 2026-02-28 (a weekend day in Switzerland)"
    assert report["summary"]["violations"] == 0


def test_a_chain_from_a_meeting_known_to_its_month_starts_from_the_first_it_places(tmp_path):
    """Every 12 months, the Board's last meeting planned for 2026-10 (no day); as of
    2026-06-30 to 2030. The month gives no nominal day (its 1st is the earliest reading, not
    a day the Board chose): the first meeting aims at 12 months after 2026-10-01, Friday
    2027-10-01, and the chain goes on from that day: 2028-10-01 is a Sunday, so Monday
    2028-10-02 (Friday is September, not due); then 2029-10-01 (a Monday) and 2030-10-01
    (a Tuesday), not 12 months after the day moved to (2029-10-02, as before)."""
    paths = _book(tmp_path, _BOARD.format(interval="12m"), "board,regular,,2026-10,,planned,Bern,Switzerland\n")
    out = _invoke("project", *paths, "--today", "2026-06-30", "--to", "2030", "--format", "csv").stdout
    assert [m["start"] for m in csv.DictReader(io.StringIO(out)) if m["status"] == "projected"] == ["2027-10-01", "2028-10-02", "2029-10-01", "2030-10-01"]


def test_a_projected_origin_is_named_by_its_day_unless_the_chair_may_move_it(tmp_path):
    """Projected reasons named a projected origin by its year only ("2 years after the 8th
    Board (2028, projected)"), though its day is fixed and the chain depends on it; the year
    alone is right only where the chair plan may still re-place the meeting in its year (a
    chair-hosted body: `planner chairs` moves it to the chair's working days). Board every 2
    years at the Secretariat, June, the 6th held 2024-06-10; as of 2026-03-01 to 2030: the 7th
    2026-06-10, the 8th 2028-06-09 (the 10th a Saturday), "2 years after the 7th Board
    (2026-06-10, projected)". CICA's Ministerial Council after a projected Summit (chair-hosted)
    keeps the year: "2 years after the 8th Summit (2030, projected)"."""
    book = _BOARD.format(interval="2y").replace('host = "secretariat"\n', 'host = "secretariat"\nmonths = [6]\n')
    paths = _book(tmp_path, book, "board,regular,6,2024-06-10,,held,Bern,Switzerland\n")
    out = _invoke("project", *paths, "--today", "2026-03-01", "--to", "2030", "--format", "csv").stdout
    assert [(m["start"], m["ordinal"]) for m in csv.DictReader(io.StringIO(out))] == [("2026-06-10", "7"), ("2028-06-09", "8"), ("2030-06-10", "9")]
    text = _invoke("project", *paths, "--today", "2026-03-01", "--to", "2030").stdout
    assert "2 years after the 7th Board (2026-06-10, projected)" in text
    assert "2 years after the 8th Board (2028-06-09, projected)" in text
    cica = _invoke("project", "--today", "2026-12-01", "--to", "2034").stdout
    assert "2 years after the 8th Summit (2030, projected)" in " ".join(cica.split())


_AUDIT = Path(__file__).parent.parent / "audit"


def test_a_body_meeting_once_a_half_is_projected_in_the_months_it_uses_in_each_half(tmp_path):
    """MERCOSUR's Common Market Council (tests/audit), at least once a half-year, its Summits
    54th-63rd: July 2019, December 2019, July 2020, December 2020, (2021, no month), December
    2021, July 2022, December 2022, July 2023, December 2023. DESIGN: "preferred months ...,
    else the median month of the body's history, whatever --today is". Every Summit it held
    is in the second half: nine months, four Julys and five Decembers, median December; the
    usual day is the lower median of the nine days (2, 4, 5, 6, 7, 16, 17, 17, 20): the 7th.
    The first half has no history: its middle, 1 April (2028: 1 April a Saturday, Friday
    31 March). As of 2026-06-30 to 2028 the 64th is 2026-12-07 (a Monday), the 65th
    2027-04-01 (Thursday), the 66th 2027-12-07 (Tuesday), the 67th 2028-03-31, the 68th
    2028-12-07 (Thursday); chair-hosted, chair to be decided (Uruguay's working days, Secretariat
    in Montevideo: no public holiday on those days). Projection aimed every half at its middle,
    1 April and 1 October (a period under a year ignored the history)."""
    paths = ["--rules", str(_AUDIT / "mercosur-cmc.toml"), "--meetings", str(_AUDIT / "mercosur-cmc-meetings.csv")]
    out = _invoke("project", *paths, "--today", "2026-06-30", "--to", "2028", "--format", "csv").stdout
    rows = [(m["start"], m["ordinal"]) for m in csv.DictReader(io.StringIO(out)) if m["status"] == "projected"]
    assert rows == [("2026-12-07", "64"), ("2027-04-01", "65"), ("2027-12-07", "66"), ("2028-03-31", "67"), ("2028-12-07", "68")]


def test_the_median_month_of_an_even_history_is_the_middle_month_used_more(tmp_path):
    """The FAO Conference (tests/audit), every 2 years on the grid from 1951 (odd years): its
    16 regular sessions known to the month (the specials of 1950 and 2008 left out) fell in
    June six times, July twice, then August, September, October and five Novembers. The median
    of an even count lies between the 8th and 9th months in order, July and August, neither
    above the other: the one the Conference met in more often, July (twice; August once; on
    equal counts the one met in last). The usual day is the lower median of the July days (1
    and 3: the 1st; twenty-first pass). The 45th is 2027-07-01 (a Thursday), the 46th
    2029-07-02 (the 1st a Sunday: Monday), the 47th 2031-07-01 (a Tuesday), in Rome; projection took the
    upper middle month whatever the history, August. (G20 Leaders: October once, November ten
    times, November as before; the Arab League Summit: April and May once each, May, met in
    last, as before: tests/project/test_semantics_audit12_project.py.)"""
    paths = ["--rules", str(_AUDIT / "fao-conference.toml"), "--meetings", str(_AUDIT / "fao-conference-meetings.csv")]
    out = _invoke("project", *paths, "--today", "2026-06-30", "--to", "2031", "--format", "csv").stdout
    rows = [(m["start"], m["ordinal"], m["city"]) for m in csv.DictReader(io.StringIO(out)) if m["status"] == "projected"]
    assert rows == [("2027-07-01", "45", "Rome"), ("2029-07-02", "46", "Rome"), ("2031-07-01", "47", "Rome")]


def test_a_half_yearly_body_with_history_keeps_its_months_and_passes_its_own_check(tmp_path):
    """Board at least once a half-year, in Bern; held 2024-03-12, 2024-09-10, 2025-03-11 and
    2025-09-09 (March in the first half, September in the second; March's days 12 and 11,
    lower median the 11th; September's 10 and 9, the 9th: twenty-first pass, each month its
    own day). As of 2025-12-31 to 2027: 2026-03-11 (Wednesday), 2026-09-09 (Wednesday),
    2027-03-11 (Thursday), 2027-09-09 (Thursday); held, each half is met. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: all four
    on the second Tuesday: 2026-03-10, 2026-09-08, 2027-03-09, 2027-09-14."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\n'
    rows = "".join(f"board,regular,{n},{d},,held,Bern,Switzerland\n" for n, d in enumerate(["2024-03-12", "2024-09-10", "2025-03-11", "2025-09-09"], 1))
    paths = _book(tmp_path, book, rows)
    projected, report = _kept(tmp_path, paths, "2025-12-31", "2027-12-31")
    assert [(m["start"], m["ordinal"]) for m in projected] == [("2026-03-10", "5"), ("2026-09-08", "6"), ("2027-03-09", "7"), ("2027-09-14", "8")]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2026"] == [("2026 H1", "met"), ("2026 H2", "met"), ("2027 H1", "met"), ("2027 H2", "met")]


def test_a_superseded_plans_problem_names_the_row_the_projection_chains_from(tmp_path):
    """Board every year (rolling), June, in Bern: the 5th held 2025-06-10; the 6th planned for
    2026-03-10 (its days passed unconfirmed) and planned again for 2026-09-15; as of 2026-06-30
    to 2028. The later plan stands for the number (DESIGN: a plan still to come over one whose
    days passed): the 7th is due a year after it, 2027-06-10 (a Thursday), the 8th 2028-06-09
    (the 10th a Saturday). The Problem of the past plan said "the projection chains from it as
    if held", which it does not: it now names the row that stands for it."""
    rows = "board,regular,5,2025-06-10,,held,Bern,Switzerland\nboard,regular,6,2026-03-10,,planned,Bern,Switzerland\nboard,regular,6,2026-09-15,,planned,Bern,Switzerland\n"
    paths = _book(tmp_path, _BOARD.format(interval="1y").replace('host = "secretariat"\n', 'host = "secretariat"\nmonths = [6]\n'), rows)
    out = json.loads(_invoke("project", *paths, "--today", "2026-06-30", "--to", "2028", "--format", "json").stdout)
    assert [(m["start"], m["ordinal"]) for m in out["meetings"] if m["status"] == "projected"] == [("2027-06-10", 7), ("2028-06-09", 8)]
    assert [p["message"] for p in out["problems"]] == [
        "The 6th Board (2026-03-10, planned), Bern, Switzerland is past and not confirmed held: the 6th Board (2026-09-15, planned) stands for it, and the projection chains from that one: mark this one postponed or cancelled."
    ]


def test_a_week_needing_two_meetings_with_one_meeting_day_says_so_without_blaming_others(tmp_path):
    """Board at least twice a week, meeting on Thursdays only, in Bern, established 2026-01-01,
    the only body; as of 2026-06-30 to 2026-07-12. Each week has one Thursday (2026-07-02, the
    9th; no Swiss public holiday): two meetings cannot fit, nothing is projected (DESIGN: where
    nothing fits, a Problem says so). The Problem said they "do not fit ... beside the other
    bodies' meetings", with no other body there; it now says how many days can open one."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nestablished = 2026-01-01\nweekdays = ["thu"]\n[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "week"\n'
    paths = _book(tmp_path, book, "")
    out = json.loads(_invoke("project", *paths, "--today", "2026-06-30", "--to", "2026-07-12", "--format", "json").stdout)
    assert [m for m in out["meetings"] if m["status"] == "projected"] == []
    assert [p["message"] for p in out["problems"]] == [
        "Board: 2 meetings of one working day in Switzerland do not fit in 2026-07-01..2026-07-05 (at least twice a week): only 1 day there can open one (2026-07-02): its meeting day is Thursday; nothing was projected for 2026-W27.",
        "Board: 2 meetings of one working day in Switzerland do not fit in 2026-07-06..2026-07-12 (at least twice a week): only 1 day there can open one (2026-07-09): its meeting day is Thursday; nothing was projected for 2026-W28.",
    ]
