"""A thirteenth audit, of projection: DESIGN.md's invariant ("checking a register together with
its own projection finds nothing missed inside the horizon") on the smallest rule books of
each clause. Every expected answer was worked out by hand first, in each test's docstring."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke

COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"


def _book(tmp_path: Path, bodies: str, rows: str) -> list[str]:
    (tmp_path / "r.toml").write_text(HEAD + bodies, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + rows, encoding="utf-8")
    return ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv")]


def _kept(tmp_path: Path, paths: list[str], today: str, to: str) -> tuple[list[dict], dict]:
    """The projection, and check of the register with it appended as held, as at the close of ``to``."""
    out = _invoke("project", *paths, "--today", today, "--to", to, "--format", "csv").stdout
    projected = list(csv.DictReader(io.StringIO(out)))
    rows = "".join(f"{m['body']},regular,{m['ordinal']},{m['start']},{m['end']},held,{m['city']},{m['country']}\n" for m in projected)
    (tmp_path / "kept.csv").write_text(COLUMNS + rows, encoding="utf-8")
    report = json.loads(_invoke("check", *paths, "--meetings", str(tmp_path / "kept.csv"), "--today", to, "--to", to, "--format", "json").stdout)
    return projected, report


def test_sessions_projected_for_a_body_counting_events_are_not_held_together(tmp_path):
    """Board at least twice a year, counted by event (`count_by = "event"`: sessions in one
    city opening within the first one's days or on the day after it are one event), two days
    a meeting, June preferred, at the Secretariat in Bern; the 1st and 2nd sessions held
    2026-06-15 and 06-16 (one event), as of 2026-06-30 to 2028. 2026 holds one event: one
    more is due (the 3rd). 2027 and 2028 each need two events, both aimed at mid-June: placed
    on the two days from 2027-06-15 and from 2027-06-17, the second opened the day after the
    first ended and joined its event, so check of the register with its projection held
    found 2027 and 2028 missed, "1 of 2 required ... Merged": the projection broke DESIGN's
    invariant. The sessions now keep a free day between them (each opens two days or more
    after the one before ends), and with the projection held 2026 to 2028 are met."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\nduration_days = 2\n[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\ncount_by = "event"\n'
    paths = _book(tmp_path, book, "board,regular,1,2026-06-15,,held,Bern,Switzerland\nboard,regular,2,2026-06-16,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2028-12-31")
    assert [(m["start"][:4], m["ordinal"]) for m in projected] == [("2026", "3"), ("2027", "4"), ("2027", "5"), ("2028", "6"), ("2028", "7")]
    for a, b in zip(projected, projected[1:], strict=False):
        assert (date.fromisoformat(b["start"]) - date.fromisoformat(a["end"])).days >= 2, (a, b)
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"]] == [("2026", "met"), ("2027", "met"), ("2028", "met")]


_EXCUSED = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\nexcused = [{{ start = {year}, end = {year}, reason = "reform year" }}]\n'


def _schedule(projected: list[dict]) -> list[tuple[str, str]]:
    return [(m["start"], m["reason"]) for m in projected]


def test_a_rolling_chain_goes_on_after_an_excused_window_ahead(tmp_path):
    """Every year (rolling), June preferred, 2027 excused; the Board last met 2026-03-10; as
    of 2026-06-30 to 2029. Check: 2027 excused (nothing due), then the chain goes on from the
    excused window's period (DESIGN: a rolling chain continues from the window's period):
    2028 due "1 year after the window due 2027", 2029 after that. Projection placed nothing
    at all (the excused window stopped the chain), and check of the register with it found
    2028 and 2029 missed. Now: 2028-06-09 (June 10, the day of the Board's history, is a
    Saturday; Friday the 9th is nearer than Monday the 12th) and 2029-06-11 (the 10th a
    Sunday), each with its reason. With them held, nothing is a violation: check reads the
    Board of 2028 as the late answer to the excused 2027 (a late meeting answers the last
    window whose deadline it missed), and 2029 is met."""
    paths = _book(tmp_path, _EXCUSED.format(year=2027), "board,regular,,2026-03-10,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2029-12-31")
    assert _schedule(projected) == [
        ("2028-06-09", "1 year after the window due 2027, nothing held since the Board of 2026-03-10; moved from Sat 2028-06-10 (a weekend day in Switzerland)"),
        ("2029-06-11", "1 year after the Board of 2028-06-09, projected; moved from Sun 2029-06-10 (a weekend day in Switzerland)"),
    ]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"]] == [("2027", "excused"), ("2029", "met"), ("2030", "open")]
    assert report["summary"]["violations"] == 0


def test_a_rolling_chain_silent_since_an_excused_window_is_projected_as_soon_as_possible(tmp_path):
    """The same Board, 2020 excused (a pandemic), last met 2019-03-10, as of 2026-06-30 to
    2028: check finds 2020 excused, 2021 to 2025 missed and 2026 open ("1 year after the window
    due 2025"). Projection placed nothing (the chain stopped at the excused 2020), leaving 2026
    to end missed. Now the meeting due now goes as soon as possible, tomorrow, Wednesday
    2026-07-01, then 2027-06-10 (a Thursday) and 2028-06-09. With them held, the five
    violations are those of the past (2021 to 2024 missed, 2025 answered late by 2026-07-01),
    and 2027 and 2028 are met."""
    paths = _book(tmp_path, _EXCUSED.format(year=2020), "board,regular,,2019-03-10,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2028-12-31")
    assert _schedule(projected) == [
        ("2026-07-01", "1 year after the window due 2025, nothing held since the Board of 2019-03-10"),
        ("2027-06-10", "1 year after the Board of 2026-07-01, projected"),
        ("2028-06-09", "1 year after the Board of 2027-06-10, projected; moved from Sat 2028-06-10 (a weekend day in Switzerland)"),
    ]
    verdicts = [(f["window"]["label"], f["verdict"]) for f in report["findings"]]
    assert verdicts == [("2020", "excused"), *((str(y), "missed") for y in range(2021, 2025)), ("2025", "late"), ("2027", "met"), ("2028", "met"), ("2029", "open")]
    assert report["summary"]["violations"] == 5


def test_a_rolling_chain_excused_by_another_bodys_meeting_goes_on(tmp_path):
    """Ministers every year (rolling, September), except in a year with a Summit
    (`except_when`); Summits every 2 years (June), the last 2026-06-15; Ministers last
    2025-09-15; as of 2026-06-30 to 2030. 2026 is excused by the Summit held; the chain goes
    on: Ministers due 2027 ("1 year after the window due 2026"), 2028 excused by the Summit
    projected 2028-06-15, Ministers 2029. Projection placed no Ministers at all. Now
    Ministers 2027-09-15 and 2029-09-14 (the 15th a Saturday); held, each answers the
    excused year before it (check: 2026, 2028 and 2030 excused), and nothing is a violation."""
    book = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
    book += '[[bodies]]\nid = "mc"\nname = "Ministers"\ncategory = "working"\nhost = "secretariat"\nmonths = [9]\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\nexcept_when = ["summit"]\n'
    paths = _book(tmp_path, book, "summit,regular,,2026-06-15,,held,Bern,Switzerland\nmc,regular,,2025-09-15,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2030-12-31")
    assert [(m["body"], m["start"]) for m in projected] == [("mc", "2027-09-15"), ("summit", "2028-06-15"), ("mc", "2029-09-14"), ("summit", "2030-06-14")]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["body"] == "mc"] == [("2026", "excused"), ("2028", "excused"), ("2030", "excused")]
    assert report["summary"]["violations"] == 0


def test_after_a_silence_the_window_still_within_its_tolerance_is_the_one_projected(tmp_path):
    """Every 2 years (rolling), 6 months' tolerance, June; the Board last met 2019-06-12; as of
    2026-06-15. Check: 2021 missed (by 2022-06-30), 2023 missed (by 2024-06-30), 2025 open,
    "1 still due by 2026-06-30" (its tolerance). DESIGN/README: the window check calls open
    is the one project fills. Projection skipped it for the window after (2027-06-11, "2 years
    after the window due 2025"), so 2025 ended late. Now the meeting goes as soon as
    possible inside the tolerance, tomorrow, Tuesday 2026-06-16, then 2028-06-12 and
    2030-06-12 (two years on, the Board's usual 12 June). With them held nothing inside the
    horizon is missed; check reads 2026-06-16 as the answer to 2025 within its tolerance (the
    fourteenth audit: 2021 and 2023 missed, 2025 met), and the chain goes on from it: 2028 and
    2030 met."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\ntolerance = "6m"\n'
    paths = _book(tmp_path, book, "board,regular,,2019-06-12,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-15", "2030-12-31")
    assert _schedule(projected) == [
        ("2026-06-16", "due 2025, by 2026-06-30: 2 years after the window due 2023, nothing held since the Board of 2019-06-12"),
        ("2028-06-12", "2 years after the Board of 2026-06-16, projected"),
        ("2030-06-12", "2 years after the Board of 2028-06-12, projected"),
    ]
    # 2026-06-16 lies within 2025's tolerance: 2023 missed, 2025 met (audit 14: it was read as
    # the late answer to 2023, while project placed it for 2025)
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"]] == [("2021", "missed"), ("2023", "missed"), ("2025", "met"), ("2028", "met"), ("2030", "met"), ("2032", "open")]


def test_a_grid_that_never_met_takes_its_phase_from_its_first_projected_meeting(tmp_path):
    """`every 3y` on the grid, no `anchor`, the Board established 2000-01-01 and never met; as
    of 2026-06-15 to 2033. Check: with no counting meeting the grid runs from the founding,
    2000 to 2024 missed, 2027 next. The anchor defaults to the first counting meeting (DESIGN):
    the meeting projected for the overdue 2024 window, tomorrow 2026-06-16, is that meeting,
    so the grid's years are then 2026, 2029, 2032. Projection placed 2027-07-02, 2030-07-02 and
    2033-07-01 in the founding's phase, and check of the register with them held found 2029
    and 2032 late. Now 2029-07-02 and 2032-07-02 (mid-year: no month preferred, no history),
    "on the grid from 2026", all met with them held."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nestablished = 2000-01-01\n[[bodies.rules]]\nkind = "every"\ninterval = "3y"\nmode = "grid"\n'
    projected, report = _kept(tmp_path, _book(tmp_path, book, ""), "2026-06-15", "2033-12-31")
    assert _schedule(projected) == [
        ("2026-06-16", "overdue since 2024: every 3 years on the grid from 2000"),
        ("2029-07-02", "every 3 years on the grid from 2026"),
        ("2032-07-02", "every 3 years on the grid from 2026"),
    ]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2026"] == [("2026", "met"), ("2029", "met"), ("2032", "met"), ("2035", "open")]


def test_the_gap_after_a_calendar_periods_projected_meeting_is_kept_before_a_later_plan(tmp_path):
    """At least once a year, at most 120 days between meetings (`max_gap`); the Board last met
    2015-01-01 and plans one for 2027-01-01; as of 2026-06-15 to 2027. 2026 needs its meeting:
    tomorrow, 2026-06-16 (overdue, it also ends the long gap). The next was then due by
    2026-10-14 (120 days), before the plan: projection went on from the gap after the plan
    and left this one to end 79 days late (2026-06-16 to the planned 2027-01-01, 199 days).
    Now 2026-09-14 (three quarters into the 120 days, a Monday), then the plan, then
    2027-04-01, 06-30, 09-28, 12-27, each 90 days after the one before."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"\n'
    paths = _book(tmp_path, book, "board,regular,,2015-01-01,,held,Bern,Switzerland\nboard,regular,,2027-01-01,,planned,Bern,Switzerland\n")
    out = _invoke("project", *paths, "--today", "2026-06-15", "--to", "2027", "--format", "csv").stdout
    starts = [(m["start"], m["status"]) for m in csv.DictReader(io.StringIO(out))]
    assert starts == [("2026-06-16", "projected"), ("2026-09-14", "projected"), ("2027-01-01", "planned"), ("2027-04-01", "projected"), ("2027-06-30", "projected"), ("2027-09-28", "projected"), ("2027-12-27", "projected")]
