"""A fifteenth audit, of projection: DESIGN.md's "Projection" clause by clause, starting with
what the last pass noticed and left. Every projected date, ordinal, host and reason was worked
out by hand first, in each test's docstring, then compared; and DESIGN's invariant (a register
checked with its own projection finds nothing missed inside the horizon, or a Problem of the
projection says why)."""

from __future__ import annotations

import csv
import io
import json

from tests.project.test_semantics_audit13_project import _book, _kept
from tests.semantics.test_semantics_audit5 import _invoke

_EVERY = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "every"\ninterval = "{interval}"\n'


def test_a_window_whose_days_left_are_blacked_out_is_a_problem_named_as_check_names_it(tmp_path):
    """Every 3 months (rolling), the Board last met in `2000` (the year only), in Bern; the
    organization's calendar is blacked out 2026-06-15..30; as of 2026-06-15 to 2027-06-30
    (found by hypothesis, test_projection_invariant, run from /tmp). By hand: held in month M
    of 2000, the Board was due in M+3, M+6, ...; the window due now on each reading ends
    2026-06-30 (M = Mar, Jun, Sep, Dec), 07-31 or 08-31: a meeting by 2026-06-30 meets it on
    every reading. Its days after today, 06-16..06-30, are all blacked out: nothing fits, and
    DESIGN says "Where nothing fits, a Problem says so; nothing moves silently". Earlier in the
    window is the past: the Problem is right. The chain goes on from the window's period
    (due 2026-09): Tuesday 2026-09-01, Tuesday 12-01, Monday 2027-03-01, Tuesday 06-01 (no
    Swiss public holiday). Check of the register with the projection held reads 2026-09-01
    as the late answer of the window of that rank on every reading, "2025-07..2026-06" (due
    2025-07 if held in January 2000, 2026-06 if in December). The Problem named the origin's
    own window, "2000-04..2001-03" (the chain's window carried the origin's readings), so
    nothing said why 2025-07..2026-06 is late: it now names that window. To 2026-06-30 the
    schedule is empty, and the Board is next due in 2026-09 (projected 2026-09-01), not
    "2000-04..2001-03"."""
    blackout = 'blackout = [{ start = 2026-06-15, end = 2026-06-30, reason = "busy" }]\n'
    paths = _book(tmp_path, blackout + _EVERY.format(interval="3m"), "board,regular,,2000,,held,Bern,Switzerland\n")
    out = json.loads(_invoke("project", *paths, "--today", "2026-06-15", "--to", "2027-06-30", "--format", "json").stdout)
    [problem] = out["problems"]
    assert problem["window"] == "2025-07..2026-06"
    assert problem["message"].startswith("Board: a meeting of one working day in Switzerland fits nowhere in 2026-06-16..2026-06-30 ")
    assert problem["message"].endswith("nothing was projected for 2025-07..2026-06.")
    projected, report = _kept(tmp_path, paths, "2026-06-15", "2027-06-30")
    assert [m["start"] for m in projected] == ["2026-09-01", "2026-12-01", "2027-03-01", "2027-06-01"]
    assert projected[0]["reason"] == "3 months after the window due 2026-06, nothing held since the Board of 2000"
    # What is not met in the horizon is the window the Problem names, and nothing else.
    ahead = [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["end"] >= "2026-06-16" and f["verdict"] not in ("met", "open")]
    assert ahead == [("2025-07..2026-06", "late")]
    out = json.loads(_invoke("project", *paths, "--today", "2026-06-15", "--to", "2026-06-30", "--format", "json").stdout)
    assert [(n["due"], n["meeting"]["start"]) for n in out["next_due"]] == [("2026-09", "2026-09-01")]


_EIGHT = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "at_least"\ncount = {count}\nper = "year"\n'


def test_eight_a_year_after_a_short_history_are_spread_over_the_year_not_packed_in_its_month(tmp_path):
    """Board at least 8 times a year, at the Secretariat in Bern; its only meeting on record
    2025-12-10; as of 2026-06-30 to 2027. DESIGN: preferred months, "else the median month of
    the body's history ..., else spread evenly over the period for at_least". The history's
    one month cannot hold eight meetings: all eight of 2027 were aimed at 10 December and
    packed on consecutive working days, 2027-12-06 to 12-15 (as the Bank of England MPC's
    were when its history was short). A history with fewer months than meetings due gives no
    month to each: spread evenly. By hand, 2027 (365 days, eight equal parts, the middle
    of each: day 22, 68, 114, 159, 205, 250, 296 and 342 after 1 January): 01-23 Sat -> Fri
    01-22, 03-10 Wed, 04-25 Sun -> Mon 04-26, 06-09 Wed, 07-25 Sun -> Mon 07-26, 09-08 Wed,
    10-24 Sun -> Mon 10-25, 12-09 Thu (the nearer working day; no Swiss public holiday on
    any). 2026 has nothing yet and half a year left: eight over 07-01..12-31 (184 days, parts
    of 23: day 11, 34, ..., 172): 07-12 Sun -> Mon 07-13, 08-04, 08-27, 09-19 Sat -> Fri
    09-18, 10-12, 11-04, 11-27, 12-20 Sun -> Mon 12-21. With them held, both years are met."""
    paths = _book(tmp_path, _EIGHT.format(count=8), "board,regular,,2025-12-10,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2027-12-31")
    assert [m["start"] for m in projected] == [
        "2026-07-13", "2026-08-04", "2026-08-27", "2026-09-18", "2026-10-12", "2026-11-04", "2026-11-27", "2026-12-21",
        "2027-01-22", "2027-03-10", "2027-04-26", "2027-06-09", "2027-07-26", "2027-09-08", "2027-10-25", "2027-12-09",
    ]  # fmt: skip
    assert projected[9]["reason"] == "at least 8 times a year: 2 of 8 in 2027"
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2026"] == [("2026", "met"), ("2027", "met")]


def test_twice_a_year_after_five_junes_and_one_december_keeps_both_months(tmp_path):
    """Board at least twice a year, Bern; held 2021-06-10 to 2025-06-10 each June and
    2025-12-10; as of 2026-06-30 to 2027. The history's months, sorted, are six: June five
    times, December once; the medians of two equal shares were June and June, so 2027's two
    meetings were aimed at 10 June both and held on consecutive days (06-10, 06-11), and
    December, a month the Board uses, had none. Two shares that give one month take the
    months the body used, each once: June and December, on the history's day, the 10th:
    Thursday 2027-06-10 and Friday 2027-12-10. Nothing is recorded in 2026: both are due in
    what is left of it; of 10 June and 10 December only the second is ahead, fewer than two,
    so two spread over 07-01..12-31 (184 days, parts of 92, the middle of each: day 46 and
    138): 08-16 Sun -> Mon 08-17, 11-16 Mon."""
    rows = "".join(f"board,regular,,{y}-06-10,,held,Bern,Switzerland\n" for y in range(2021, 2026)) + "board,regular,,2025-12-10,,held,Bern,Switzerland\n"
    paths = _book(tmp_path, _EIGHT.format(count=2), rows)
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2027-12-31")
    assert [m["start"] for m in projected] == ["2026-08-17", "2026-11-16", "2027-06-10", "2027-12-10"]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2026"] == [("2026", "met"), ("2027", "met")]


def test_a_projected_special_session_keeps_its_kind_in_the_csv_and_meets_its_rule_read_back(tmp_path):
    """Council: at least one special session a year (`counts = ["special"]`), May preferred,
    at the Secretariat in Bern; held a special session 2025-05-12 and its 4th regular session
    2025-09-12; as of 2026-06-30 to 2028. By hand: 2026 has no special session and May is
    past: the first working day after today, Wednesday 2026-07-01; then the history's day in
    May, 2027-05-12 (Wed) and 2028-05-12 (Fri). Each is a special session (DESIGN: a special
    ministerial does not replace the regular one, and a regular one does not meet a rule
    counting specials), with no ordinal (the regular numbering is not theirs). The CSV had no
    `kind` column (the register's and check's CSV have one): read back into the register,
    the rows were regular sessions by default and 2026-2028 were missed. Now each row says
    `special`, and the register with them appended meets 2026, 2027 and 2028."""
    book = '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "governing"\nhost = "secretariat"\nmonths = [5]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\ncounts = ["special"]\n'
    paths = _book(tmp_path, book, "council,special,,2025-05-12,,held,Bern,Switzerland\ncouncil,regular,4,2025-09-12,,held,Bern,Switzerland\n")
    out = _invoke("project", *paths, "--today", "2026-06-30", "--to", "2028", "--format", "csv").stdout
    assert out.splitlines()[0] == "body,kind,ordinal,start,end,status,host,city,country,customary,reason,rule_source"
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(m["kind"], m["ordinal"], m["start"]) for m in rows] == [("special", "", "2026-07-01"), ("special", "", "2027-05-12"), ("special", "", "2028-05-12")]
    kept = "".join(f"{m['body']},{m['kind']},{m['ordinal']},{m['start']},{m['end']},held,{m['city']},{m['country']}\n" for m in rows)
    (tmp_path / "kept.csv").write_text("body,kind,ordinal,start,end,status,city,country\n" + kept, encoding="utf-8")
    report = json.loads(_invoke("check", *paths, "--meetings", str(tmp_path / "kept.csv"), "--today", "2028-12-31", "--to", "2028-12-31", "--format", "json").stdout)
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2026"] == [("2026", "met"), ("2027", "met"), ("2028", "met")]


_SUMMIT = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\nhost = "secretariat"\nplenary = false\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
_SUMMITS = (
    "summit,regular,1,2018-06-12,,held,Bern,Switzerland\nsummit,regular,4,2020-06-10,,held,Bern,Switzerland\n"
    "summit,special,5,2021-03-10,,held,Bern,Switzerland\nsummit,regular,,2022-06-15,,held,Bern,Switzerland\n"
    "summit,special,,2023-02-01,,held,Bern,Switzerland\nsummit,regular,7,2024-06-12,,held,Bern,Switzerland\n"
    "summit,special,,2025-01-15,,held,Bern,Switzerland\n"
)


def _rows(paths: list[str], *args: str) -> list[tuple[str, str, str]]:
    out = _invoke("project", *paths, "--today", "2026-01-31", *args, "--format", "csv").stdout
    return [(m["start"], m["ordinal"], m["reason"]) for m in csv.DictReader(io.StringIO(out))]


def test_a_later_from_shows_the_meetings_the_whole_projection_has_there(tmp_path):
    """Summit every 2 years (rolling, by calendar year), June preferred, Bern; the register
    numbers its regular Summits 1, 4, (none), 7 and its special ones 5 and (none); as of
    2026-01-31. Ordinals continue the register's numbering of regular meetings: the next is
    the 8th. The day: the lower median of the regular meetings' days (10, 12, 12, 15), the
    12th. By hand, to 2030: the 8th Friday 2026-06-12 (2 years after the 7th), the 9th
    Monday 2028-06-12, the 10th Wednesday 2030-06-12. DESIGN: "For a horizon [from, to] ...
    every expectation that the register does not already satisfy gets projected meetings",
    and "Ordinals continue the register's numbering". With --from 2027-01-01 the projection
    began at --from: the Summit due 2026, still open today, was read as missed, and 2028
    showed the 8th Summit "2 years after the window due 2026, nothing held since the 7th";
    the horizon's edge changed what is inside it. Now the projection runs from --today and
    the horizon cuts it: 2028-06-12 is the 9th, 2 years after the 8th (2026-06-12,
    projected). Both edges are days of the horizon: --from 2026-06-12 shows the 8th, --to
    2028-06-11 leaves the 9th out."""
    paths = _book(tmp_path, _SUMMIT, _SUMMITS)
    whole = _rows(paths, "--to", "2030")
    assert whole == [
        ("2026-06-12", "8", "2 years after the 7th Summit (2024-06-12)"),
        ("2028-06-12", "9", "2 years after the 8th Summit (2026-06-12, projected)"),
        ("2030-06-12", "10", "2 years after the 9th Summit (2028-06-12, projected)"),
    ]
    assert _rows(paths, "--from", "2027-01-01", "--to", "2028-06-12") == whole[1:2]
    assert _rows(paths, "--from", "2026-06-12", "--to", "2028-06-11") == whole[:1]


def test_a_window_after_a_loose_origin_read_as_one_window_keeps_its_name_when_nothing_fits(tmp_path):
    """Every 18 months (rolling), the Board last met in `2019`; blacked out 2026-06-15 to
    2027-12-31; as of 2026-06-15 to 2030. The readings (held in month M of 2019) span less
    than the interval, so each rank of windows after the origin is one window on every
    reading: the 5th runs from 2026-07 (held in January) to 2027-06 (held in December), all
    blacked out: a Problem for "2026-07..2027-06" (it named the origin's own window,
    "2020-07..2021-06"). The chain goes on from the latest reading's period, 2027-06: due
    2028-12, Friday 2028-12-01, "18 months after the window due 2026-07..2027-06"; then 18
    months after it, 2030-06-01, a Saturday: Monday 06-03 (Friday 05-31 is May, not due).
    Check of the register with them held: 2026-07..2027-06 late (the Problem's window), 2030-06
    met."""
    blackout = 'blackout = [{ start = 2026-06-15, end = 2027-12-31, reason = "busy" }]\n'
    paths = _book(tmp_path, blackout + _EVERY.format(interval="18m"), "board,regular,,2019,,held,Bern,Switzerland\n")
    out = json.loads(_invoke("project", *paths, "--today", "2026-06-15", "--to", "2030", "--format", "json").stdout)
    assert [p["window"] for p in out["problems"]] == ["2026-07..2027-06"]
    projected, report = _kept(tmp_path, paths, "2026-06-15", "2030-12-31")
    assert [(m["start"], m["reason"]) for m in projected] == [
        ("2028-12-01", "18 months after the window due 2026-07..2027-06, nothing held since the Board of 2019"),
        ("2030-06-03", "18 months after the Board of 2028-12-01, projected; moved from Sat 2030-06-01 (a weekend day in Switzerland)"),
    ]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["end"] >= "2026-06-16"] == [("2026-07..2027-06", "late"), ("2030-06", "met"), ("2031-12", "open")]


def test_meetings_too_many_for_their_gap_in_what_is_left_of_a_year_say_so(tmp_path):
    """Board at least 8 times a year, `min_gap = "30d"`, Bern; its only meeting 2025-12-10; as
    of 2026-10-15 to 2027. 2026 needs eight in 2026-10-16..12-31: 30 days apart from the first
    day, they open 10-16, 11-15, 12-15, and the 4th 2027-01-14 at the earliest: three fit at
    most, whatever the calendar. DESIGN: "Where nothing fits, a Problem says so" (and why):
    it said they "do not fit ... beside the other bodies' meetings", with no other body there;
    it now says how many fit. 2027 is placed over the year (the history's one month gives no
    month to eight: spread evenly, as without the gap, each 46 days or so apart)."""
    book = _EIGHT.format(count=8) + 'min_gap = "30d"\n'
    paths = _book(tmp_path, book, "board,regular,,2025-12-10,,held,Bern,Switzerland\n")
    out = json.loads(_invoke("project", *paths, "--today", "2026-10-15", "--to", "2027", "--format", "json").stdout)
    assert [(p["window"], p["message"]) for p in out["problems"]] == [
        (
            "2026",
            "Board: 8 meetings of one working day in Switzerland, 30 days apart, do not fit in 2026-10-16..2026-12-31 (at least 8 times a year):"
            " 3 fit at most (the 4th could open on 2027-01-14 at the earliest); nothing was projected for 2026.",
        )
    ]
    assert [m["start"] for m in out["meetings"]] == ["2027-01-22", "2027-03-10", "2027-04-26", "2027-06-09", "2027-07-26", "2027-09-08", "2027-10-25", "2027-12-09"]
