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
