"""A sixth audit (after test_semantics_audit*.py): what the fifth left open (29 February, the
schedule's counts, chair terms dated loosely), an over-certainty hunt, and real rule shapes
from their founding texts (tests/audit/), each expected answer worked out by hand in its
docstring before the tool was run."""

from __future__ import annotations

from tests.test_semantics_audit5 import (
    SECRETARIAT,
    _body,
    _chairs,
    _files,
    _invoke,
    _run,
    _schedule,
    _verdicts,
)

# -- what the fifth audit left open -----------------------------------------------------------------

_LEAP_DAY = _body(SECRETARIAT, 'kind = "on"\nmonth = 2\nday = 29\nsince = 2023')


def test_a_leap_day_rule_falls_on_28_february_in_a_common_year(tmp_path):
    """`on` 29 February (refused before: "does not exist every year"). Decided: in a common
    year the day is 28 February, the last day of that February, as a year added to a leap
    day reads (2024-02-29 + 1 year = 2025-02-28, as the engine's durations and dateutil
    count), so that the rule is due every year rather than one year in four. By hand, since
    2023: 2023 due 02-28, held 02-28: met. 2024 due 02-29, held 02-28: off_date (1 day
    before). 2025 due 02-28, held: met. 2026 due 02-28, nothing: missed (as of 2026-06-01).
    2027 due 02-28: next due. Projection to 2028: 2027-02-28 is a Sunday (a weekend in Bern:
    a Problem, the rule fixes the day), 2028-02-29 (a Tuesday) projected."""
    rows = "board,regular,,2023-02-28,,held,Bern,Switzerland\nboard,regular,,2024-02-28,,held,Bern,Switzerland\nboard,regular,,2025-02-28,,held,Bern,Switzerland\n"
    out = _run(tmp_path, "check", _LEAP_DAY, rows, "--today", "2026-06-01")
    assert _verdicts(out) == {"2023-02-28": "met", "2024-02-29": "off_date", "2025-02-28": "met", "2026-02-28": "missed", "2027-02-28": "open"}
    (missed,) = [f for f in out["findings"] if f["verdict"] == "missed"]
    assert "28 February 2026 (29 February in a leap year)" in missed["why"] or "28 February 2026 (29 February in a leap year)" in missed["reason"]
    plan = _run(tmp_path, "project", _LEAP_DAY, rows, "--today", "2026-06-01", "--to", "2028")
    assert _schedule(plan) == [("2028-02-29", "projected")]
    assert any("2027-02-28 is a weekend day" in p["message"] for p in plan["problems"])


def test_a_day_no_year_has_is_still_refused(tmp_path):
    """30 February and 31 April name no day in any year: one line, exit 2."""
    for month, day in ((2, 30), (4, 31)):
        rules, meetings = _files(tmp_path, _body("", f'kind = "on"\nmonth = {month}\nday = {day}'), "")
        result = _invoke_bad("check", "--rules", str(rules), "--meetings", str(meetings))
        assert result.exit_code == 2 and f"day = {day} does not exist in" in result.stderr and "Traceback" not in result.output + result.stderr


def _invoke_bad(*args: str):
    from click.testing import CliRunner

    from planner.cli import main

    return CliRunner().invoke(main, list(args))


def test_the_schedule_header_does_not_call_a_held_row_planned(tmp_path):
    """At least once a year; held 2024-06-10, a row "held" 2025-07-06 written before it
    happened, a row planned 2026-03-01; today 2025-06-01, to 2026. The schedule shows the
    held-after-today row, the planned row (which fills 2026) and nothing projected: 2
    meetings, of which 1 planned and 1 recorded held after --today. It said "(2 planned, 0
    projected)": a row the register records as held is no plan."""
    rows = "board,regular,1,2024-06-10,,held,Bern,Switzerland\nboard,regular,2,2025-07-06,,held,Bern,Switzerland\nboard,regular,3,2026-03-01,,planned,Bern,Switzerland\n"
    rules, meetings = _files(tmp_path, _body(SECRETARIAT, 'kind = "at_least"\ncount = 1\nper = "year"'), rows)
    text = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-06-01", "--to", "2026").stdout
    assert "2 meetings (1 planned, 1 recorded held after --today, 0 projected)" in text
    # with no such row, the header reads as it always did
    rows = "board,regular,1,2024-06-10,,held,Bern,Switzerland\nboard,regular,3,2026-03-01,,planned,Bern,Switzerland\n"
    rules, meetings = _files(tmp_path, _body(SECRETARIAT, 'kind = "at_least"\ncount = 1\nper = "year"'), rows)
    text = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-06-01", "--to", "2026").stdout
    assert "2 meetings (1 planned, 1 projected)" in text


def test_loosely_dated_chair_terms_that_may_leave_a_gap_or_overlap_say_so(tmp_path):
    """Two-year terms. Austria 2020-01-01 to `2022-01` (some day of January 2022); Belgium from
    2022-01-15: had Austria ended before 2022-01-14 there was no chair for some days; after
    2022-01-15, two at once. The register does not say: a note "perhaps a gap or an overlap",
    never a violation (it said nothing at all). Belgium to 2024-01-15, Czechia from `2024-02`:
    every day of February 2024 is after 2024-01-16, a gap on every reading: a violation, as
    before. Czechia to 2026-01-31 (2 years at most: not too long), Austria from `2026-01`: it
    began on or before 2026-01-31, so the terms may overlap, never leave a gap: "perhaps an
    overlap" (a note)."""
    out = _chairs(
        tmp_path,
        "Austria,2020-01-01,2022-01,1,,\nBelgium,2022-01-15,2024-01-15,2,,\nCzechia,2024-02,2026-01-31,3,,\nAustria,2026-01,,4,,\n",
        "2026-12-01",
    )
    found = {(f["country"], f["kind"]): f for f in out["findings"] if f["kind"] in ("gap", "overlap", "gap_or_overlap")}
    assert set(found) == {("Belgium", "gap_or_overlap"), ("Czechia", "gap"), ("Austria", "overlap")}
    assert [found[k]["violation"] for k in (("Belgium", "gap_or_overlap"), ("Czechia", "gap"), ("Austria", "overlap"))] == [False, True, False]
    assert "perhaps a gap or an overlap" in found[("Belgium", "gap_or_overlap")]["message"]
    assert "perhaps an overlap:" in found[("Austria", "overlap")]["message"] and "the register does not give the days" in found[("Austria", "overlap")]["message"]
    assert "No chair for 16 days" in found[("Czechia", "gap")]["message"]


# -- over-certainty hunt: verdicts that depended on a day the data does not give ----------------------


def test_a_period_before_a_founding_known_only_to_the_year_is_uncertain_not_missed(tmp_path):
    """`established = 2010` (some day of 2010), at least once a quarter. A quarter is due only
    if the body existed on its first day (founded 2010-03-01, 2010 Q1 is no whole quarter of
    its life: nothing due, as for an exact `established`). 2010 Q1 was `missed`, read from
    2010-01-01. Its first held meeting, 2010-05-10, bounds the founding: it existed by then,
    so 2010 Q3 and Q4 are due whatever the day: missed, as certain as the data; 2010 Q2
    (from 04-01, before 05-10) holds the meeting: met. Q1 and nothing held: `uncertain`,
    "due only if the Board was established by 2010-01-01". With `established = 2010-01-01`
    the same register leaves Q1 missed."""
    rows = "board,regular,,2010-05-10,,held,,\n"
    rule = 'kind = "at_least"\ncount = 1\nper = "quarter"'
    out = _run(tmp_path, "check", _body("established = 2010", rule), rows, "--today", "2011-01-15")
    assert _verdicts(out) == {"2010 Q1": "uncertain", "2010 Q2": "met", "2010 Q3": "missed", "2010 Q4": "missed", "2011 Q1": "open"}
    (q1,) = [f for f in out["findings"] if f["window"]["label"] == "2010 Q1"]
    assert "due only if the Board was established by 2010-01-01; the rule book dates its founding only as 2010" in q1["why"]
    assert out["summary"]["violations"] == 2 and out["summary"]["uncertain"] == 1
    out = _run(tmp_path, "check", _body("established = 2010-01-01", rule), rows, "--today", "2011-01-15")
    assert _verdicts(out)["2010 Q1"] == "missed"


def test_a_grid_that_starts_from_a_loosely_dated_meeting_is_uncertain(tmp_path):
    """`every 6m` on the grid, no `anchor`: the grid starts from the first counting meeting,
    here known only as `2019`. Read from 2019-01 the grid is January/July, and 2020-02-10 and
    2020-08-10 are each a month late; had the first meeting been in February 2019, the grid
    is February/August and both are on time. The register does not say: `uncertain`, never
    `late` (they were late). With the first meeting dated 2019-01-20 the grid is fixed,
    January/July: 2019-08-15 answers 2019-07 a month late, and both 2020 windows are late,
    as certain as the data."""
    rule = 'kind = "every"\ninterval = "6m"\nmode = "grid"'
    rows = "board,regular,,2019,,held,,\nboard,regular,,2019-08-15,,held,,\nboard,regular,,2020-02-10,,held,,\nboard,regular,,2020-08-10,,held,,\n"
    out = _run(tmp_path, "check", _body("", rule), rows, "--today", "2020-12-01")
    assert set(_verdicts(out).values()) <= {"uncertain", "open"} and out["summary"]["violations"] == 0
    assert any("the grid starts from the first meeting, Board 2019, which the register dates only as 2019" in f["why"] for f in out["findings"])
    out = _run(tmp_path, "check", _body("", rule), rows.replace("board,regular,,2019,", "board,regular,,2019-01-20,"), "--today", "2020-12-01")
    assert _verdicts(out) == {"2019-01": "met", "2019-07": "late", "2020-01": "late", "2020-07": "late", "2021-01": "open"}
