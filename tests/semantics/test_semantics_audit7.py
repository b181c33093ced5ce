"""A seventh audit of `planner check` (after test_semantics_audit*.py): windows at their exact
edges, rule versions and foundings mid-period, `min_gap` and `at_most` with loosely dated,
called-off and planned rows, a late answer that may not have happened yet, grids with a
tolerance over year ends and 29 February, rolling chains after a late meeting, `after` and
`before` chains whose origin is loose, unconfirmed or missing, year-only rows against
half-years; and real histories under their founding texts (tests/audit/). Every expected
verdict was worked out by hand from DESIGN.md and the README before the tool was run; the
derivation is in each test's docstring. Each case is checked in JSON and in text, which must
agree (the Problems and the totals)."""

from __future__ import annotations

import json
import re
from collections import Counter

from tests.semantics.test_semantics_audit5 import PROBLEM_WORDS, _body, _files, _invoke, _totals

_SUMMIT_EVERY_2Y = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
_SUMMIT_AD_HOC = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'


def _rows(*rows: str) -> str:
    return "".join(f"{r}\n" for r in rows)


def _check(tmp_path, book: str, rows: str, *args: str) -> dict:
    """check's JSON, after asserting that its text says the same: one Problems line per
    finding of a problem verdict, and the same totals."""
    rules, meetings = _files(tmp_path, book, rows)
    common = ["check", "--rules", str(rules), "--meetings", str(meetings), *args]
    out = json.loads(_invoke(*common, "--format", "json").stdout)
    text = _invoke(*common).stdout
    problems = Counter(f["verdict"] for f in out["findings"] if f["verdict"] in PROBLEM_WORDS)
    assert Counter(m.group(1) for m in re.finditer(r"^  (\w+) {2,}\S", text, re.M) if m.group(1) in PROBLEM_WORDS) == problems
    totals = {k: v for k, v in _totals(" ".join(text.rstrip().split("\n\n")[-1].split())).items() if v}
    assert totals == {k: v for k, v in out["summary"].items() if k in ("violations", "advisories", "open", "next_due", "uncertain", "unknown", "excused") and v}
    return out


def _verdicts(out: dict, body: str = "board") -> dict[str, str]:
    return {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["body"] == body and f.get("window")}


def _why(out: dict, label: str, body: str = "board") -> str:
    (finding,) = [f for f in out["findings"] if f["body"] == body and (f.get("window") or {}).get("label") == label]
    return finding["why"]


_YEARLY = 'kind = "at_least"\ncount = 1\nper = "year"'
_QUARTERLY = 'kind = "at_least"\ncount = 1\nper = "quarter"'

# -- windows at their exact edges ---------------------------------------------------------------------


def test_a_meeting_on_a_periods_last_day_spanning_into_the_next_counts_in_the_first(tmp_path):
    """At least once a year. Board 2019-06-01 and 2020-12-31..2021-01-01 (two days across the
    year end). A meeting belongs to the period it opens in (README, Semantics): 2019 met, 2020
    met, 2021 missed (its first day is not the meeting's), 2022 open on 2022-06-01."""
    out = _check(tmp_path, _body("", _YEARLY), _rows("board,regular,,2019-06-01,,held,,", "board,regular,,2020-12-31,2021-01-01,held,,"), "--today", "2022-06-01")
    assert _verdicts(out) == {"2019": "met", "2020": "met", "2021": "missed", "2022": "open"}


def test_a_half_years_last_day_counts_for_that_half_only(tmp_path):
    """At least once a half-year. 2021-01-10 and 2021-06-30..2021-07-02: both open in H1 (2
    held, 1 required: met); H2 holds none of its own: missed; 2022 H1 open on 2022-01-15."""
    out = _check(tmp_path, _body("", 'kind = "at_least"\ncount = 1\nper = "half"'), _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-06-30,2021-07-02,held,,"), "--today", "2022-01-15")
    assert _verdicts(out) == {"2021 H1": "met", "2021 H2": "missed", "2022 H1": "open"}


def test_the_last_day_of_a_quarter_as_today(tmp_path):
    """Once a quarter, today 2021-03-31 (the last day of Q1). A meeting that day counts: Q1
    met; one opening that day and running to 04-02 counts in Q1 too. With none, Q1 is still
    open (due by today, a meeting may still be held). Judged `--to 2021-03-31` from a later
    today, that day is closed: missed, and the meeting of 04-01 does not exist."""
    book = _body("", _QUARTERLY)
    first = "board,regular,,2020-12-01,,held,,"
    assert _verdicts(_check(tmp_path, book, _rows(first, "board,regular,,2021-03-31,,held,,"), "--today", "2021-03-31"))["2021 Q1"] == "met"
    assert _verdicts(_check(tmp_path, book, _rows(first, "board,regular,,2021-03-31,2021-04-02,held,,"), "--today", "2021-03-31"))["2021 Q1"] == "met"
    out = _check(tmp_path, book, _rows(first), "--today", "2021-03-31")
    assert _verdicts(out)["2021 Q1"] == "open" and out["summary"]["violations"] == 0
    out = _check(tmp_path, book, _rows(first, "board,regular,,2021-04-01,,held,,"), "--today", "2021-06-01", "--to", "2021-03-31")
    assert _verdicts(out) == {"2020 Q4": "met", "2021 Q1": "missed"}


# -- rule versions and foundings mid-period ---------------------------------------------------------------


def test_a_yearly_version_ending_mid_year_keeps_that_year_and_the_half_yearly_one_begins_after(tmp_path):
    """Rule `r`: once a year from 2019 until 2020-06-30, then once a half-year from 2020-07-01.
    A window belongs to the version in force on its first day: 2020 (first day 1 January) is
    the yearly version's, and it covers the whole year, so the half-yearly version begins with
    2021 H1 (no 2020 H2 window judging those days again). Meetings 2019-05-01, 2020-03-01,
    2021-02-01: 2019 met, 2020 met, 2021 H1 met, 2021 H2 missed, 2022 H1 open on 2022-01-10."""
    book = _body("", f'id = "r"\n{_YEARLY}\nsince = 2019\nuntil = 2020-06-30', 'id = "r"\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2020-07-01')
    out = _check(tmp_path, book, _rows("board,regular,,2019-05-01,,held,,", "board,regular,,2020-03-01,,held,,", "board,regular,,2021-02-01,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out) == {"2019": "met", "2020": "met", "2021 H1": "met", "2021 H2": "missed", "2022 H1": "open"}


def test_a_body_established_mid_quarter_is_judged_from_its_first_whole_quarter(tmp_path):
    """Once a quarter; the Board established 2020-05-10 and met 2020-05-20. Nothing is due
    before the founding, and 2020 Q2 is no whole quarter of its life: the first window is 2020
    Q3 (missed), then Q4 (missed), 2021 Q1 open on 2021-01-10. The same with `since =
    2020-05-10` on the rule instead."""
    rows = _rows("board,regular,,2019-05-20,,held,,", "board,regular,,2020-05-20,,held,,")
    expected = {"2020 Q3": "missed", "2020 Q4": "missed", "2021 Q1": "open"}
    assert _verdicts(_check(tmp_path, _body("established = 2020-05-10", _QUARTERLY), rows[rows.index("\n") + 1 :], "--today", "2021-01-10")) == expected
    assert _verdicts(_check(tmp_path, _body("", f"{_QUARTERLY}\nsince = 2020-05-10"), rows, "--today", "2021-01-10")) == expected


# -- min_gap and at_most with loosely dated, called-off and planned rows -----------------------------------

_TWICE_60D = _body("", 'kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "60d"\nsince = 2021')


def test_min_gap_beside_a_meeting_known_only_to_the_month_or_year_is_uncertain_not_missed(tmp_path):
    """Twice a year, `min_gap = "60d"`. 2021-02 (some day of February) and 2021-04-15: 44 to 73
    days apart, so they count twice or once depending on the day: 2021 uncertain, never
    missed; its why names the loose meeting. `2021` and 2021-11-20: the same (0 to 323 days).
    2021-01-10 and 2021-06 (142 to 171 days, always far enough): met. 2021-01-10, 2021-02
    and 2021-04-20: the two dated to the day are 100 days apart and make 2021 met whatever
    February's day; the why says the February meeting was not counted (closer than 60 days to
    a counted one)."""
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2021-02,,held,,", "board,regular,,2021-04-15,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "uncertain" and "only loosely dated meetings could decide it: Board 2021-02" in _why(out, "2021")
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2021,,held,,", "board,regular,,2021-11-20,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "uncertain" and out["summary"]["violations"] == 0
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-06,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "met"
    out = _check(tmp_path, _TWICE_60D, _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-02,,held,,", "board,regular,,2021-04-20,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "met" and "Not counted: Board 2021-02 (less than 60 days after a counted meeting" in _why(out, "2021")


_AT_MOST_YEARLY = _body("", 'kind = "at_most"\ncount = 1\nper = "year"\nsince = 2021')


def test_at_most_never_counts_called_off_rows_and_names_them(tmp_path):
    """At most once a year. Held 2021-03-01, cancelled 2021-06-01, postponed 2021-09-01: one
    meeting was held: 2021 met (not excess), and the why names the two not counted."""
    out = _check(tmp_path, _AT_MOST_YEARLY, _rows("board,regular,,2021-03-01,,held,,", "board,regular,,2021-06-01,,cancelled,,", "board,regular,,2021-09-01,,postponed,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "met"
    assert "Not counted: Board 2021-06-01 (cancelled); Board 2021-09-01 (postponed)" in _why(out, "2021")


def test_at_most_with_a_planned_row_ahead_past_or_loosely_dated(tmp_path):
    """At most once a year; held 2021-03-01. A row planned 2021-11-01: on 2021-10-01 the year
    is open and its why says it would be 2 if held; on 2022-01-10 (never recorded as held) it
    is uncertain, "excess if it was held as planned", never excess nor met. Held 2021-03-01
    and held `2021` (a second meeting in 2021 whatever its day): excess. Held 2021-03-01 and
    held `2021-10`, judged 2021-10-15: excess if the October one opened by today, within the
    limit so far otherwise: uncertain."""
    rows = _rows("board,regular,,2021-03-01,,held,,", "board,regular,,2021-11-01,,planned,,")
    out = _check(tmp_path, _AT_MOST_YEARLY, rows, "--today", "2021-10-01")
    assert _verdicts(out) == {"2021": "open"} and "scheduled: Board 2021-11-01, 2 if held" in _why(out, "2021")
    out = _check(tmp_path, _AT_MOST_YEARLY, rows, "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "uncertain" and "excess if it was held as planned" in _why(out, "2021")
    out = _check(tmp_path, _AT_MOST_YEARLY, _rows("board,regular,,2021-03-01,,held,,", "board,regular,,2021,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out)["2021"] == "excess"
    out = _check(tmp_path, _AT_MOST_YEARLY, _rows("board,regular,,2021-03-01,,held,,", "board,regular,,2021-10,,held,,"), "--today", "2021-10-15")
    assert _verdicts(out)["2021"] == "uncertain" and "may not have opened by 2021-10-15" in _why(out, "2021")


# -- late only by a loosely dated meeting that may not have happened yet ------------------------------------


def test_late_only_by_a_loosely_dated_row_that_may_open_after_today_is_a_violation_either_way(tmp_path):
    """`every 1y` rolling: held 2019-06-10, so 2020 was due; nothing in 2020; a row held
    `2021-01`, judged on 2021-01-15. Had it opened by 01-15, 2020 is late; had it opened on
    01-16 or after, it had not been held on that day and 2020, closed, was answered by
    nothing: missed. A violation on every reading is that violation (fifteenth audit: it
    was `uncertain` with 0 violations and exit 0): late, 1 year, and the why says both
    readings. Judged on 2021-02-15 the whole month is past: late, 1 year. Under `after` (1
    year after a Summit of 2019-05-01) the same. A customary rule's window is an advisory on
    either reading: it stays one."""
    rows = _rows("board,regular,,2019-06-10,,held,,", "board,regular,,2021-01,,held,,")
    book = _body("", 'kind = "every"\ninterval = "1y"')
    out = _check(tmp_path, book, rows, "--today", "2021-01-15")
    (f,) = [f for f in out["findings"] if f["window"]["label"] == "2020"]
    assert f["verdict"] == "late" and f["delay"] == "1 year" and out["summary"]["violations"] == 1
    assert "A violation either way: late if Board 2021-01 opened 2021-01-01..2021-01-15; the register gives only 2021-01, and if it opens later, nothing held has answered the window by 2021-01-15: missed." in f["why"]
    out = _check(tmp_path, book, rows, "--today", "2021-02-15")
    (f,) = [f for f in out["findings"] if f["window"]["label"] == "2020"]
    assert f["verdict"] == "late" and f["delay"] == "1 year"
    after = _SUMMIT_AD_HOC + _body("", 'kind = "after"\nbody = "summit"\noffset = "1y"')
    out = _check(tmp_path, after, _rows("summit,regular,,2019-05-01,,held,,", "board,regular,,2021-01,,held,,"), "--today", "2021-01-15")
    assert _verdicts(out) == {"2020": "late"}
    out = _check(tmp_path, _body("", 'kind = "every"\ninterval = "1y"\nbinding = false'), rows, "--today", "2021-01-15")
    assert _verdicts(out)["2020"] == "advisory"


def test_off_the_date_only_by_a_loosely_dated_row_that_may_open_after_today_is_a_violation_either_way(tmp_path):
    """`on` 10 March; the only 2021 row is held `2021-04`, judged 2021-04-15. Had it opened by
    the 15th, 2021 is off_date (22 to 36 days after); had it opened later, nothing was held
    on 10 March: missed. A violation either way: off_date, and the why says both (fifteenth
    audit: it was uncertain). Judged 2021-05-15: off_date. Beside a meeting of 2021-02-01,
    surely held off the date: off_date."""
    book = _body("", 'kind = "on"\nmonth = 3\nday = 10\nsince = 2021')
    out = _check(tmp_path, book, _rows("board,regular,,2021-04,,held,,"), "--today", "2021-04-15")
    assert _verdicts(out)["2021-03-10"] == "off_date" and "held Board 2021-04, 22 to 36 days after" in _why(out, "2021-03-10")
    assert "A violation either way: off the date if Board 2021-04 opened by 2021-04-15" in _why(out, "2021-03-10") and out["summary"]["violations"] == 1
    assert _verdicts(_check(tmp_path, book, _rows("board,regular,,2021-04,,held,,"), "--today", "2021-05-15"))["2021-03-10"] == "off_date"
    assert _verdicts(_check(tmp_path, book, _rows("board,regular,,2021-02-01,,held,,", "board,regular,,2021-04,,held,,"), "--today", "2021-04-15"))["2021-03-10"] == "off_date"


def test_a_gap_closed_only_by_a_loosely_dated_row_that_may_open_after_today_is_late_either_way(tmp_path):
    """Once a year, `max_gap = "30d"`: held 2021-01-10 (next due by 2021-02-09) and a row
    held `2021-03`, judged 2021-03-05. If it opened 03-01..03-05 the gap was 20 to 24 days
    late; if it opens later, nothing has closed the gap, due 02-09: missed. It read "20 to
    50 days late", counting days that had not come, then uncertain; a violation either way
    is one (fifteenth audit): late, "20 to 24 days". With `2021-02` judged 2021-02-05: met if it opened by then (02-01..02-05
    are within 30 days), still open otherwise: uncertain, "met if". Judged 2021-04-01, the
    March row is past: late, 20 to 50 days."""
    book = _body("", 'kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "30d"\nsince = 2021')
    gap = "2021-01-11..2021-02-09"
    out = _check(tmp_path, book, _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-03,,held,,"), "--today", "2021-03-05")
    assert _verdicts(out)[gap] == "late" and "20 to 24 days late if Board 2021-03 opened by 2021-03-05" in _why(out, gap)
    assert [f["delay"] for f in out["findings"] if f["window"]["label"] == gap] == ["20 to 24 days"]
    out = _check(tmp_path, book, _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-02,,held,,"), "--today", "2021-02-05")
    assert _verdicts(out)[gap] == "uncertain" and "met if Board 2021-02 opened by 2021-02-05" in _why(out, gap)
    out = _check(tmp_path, book, _rows("board,regular,,2021-01-10,,held,,", "board,regular,,2021-03,,held,,"), "--today", "2021-04-01")
    (f,) = [f for f in out["findings"] if f["window"]["label"] == gap]
    assert f["verdict"] == "late" and f["delay"] == "20 to 50 days"


# -- grids with a tolerance, 29 February, rolling chains after a late meeting ----------------------------------

_GRID_2M = _body("", 'kind = "every"\ninterval = "1y"\nmode = "grid"\nanchor = 2020\ntolerance = "2m"')


def test_a_grid_tolerance_ends_on_the_last_day_of_february_leap_or_not(tmp_path):
    """`every 1y` on the grid from 2020, `tolerance = "2m"`: 2021's slack runs to 2022-02-28,
    2023's to 2024-02-29. Meetings 2020-06-01, 2022-02-28 and 2022-06-01: 2022 is met by
    06-01, so the spare 02-28 serves 2021 within the tolerance (met, "Held within the
    tolerance"); the why of 2022 names it as counted for another window. One day later
    (2022-03-01) it is outside the slack: 2021 missed, 2022 met by both. In a leap year:
    2024-02-29 serves 2023 (met). A lone 2022-02-10 fills its own period first: 2021 missed,
    2022 met (one meeting, one window)."""
    out = _check(tmp_path, _GRID_2M, _rows("board,regular,,2020-06-01,,held,,", "board,regular,,2022-02-28,,held,,", "board,regular,,2022-06-01,,held,,"), "--today", "2023-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k <= "2022"} == {"2020": "met", "2021": "met", "2022": "met"}
    assert "Held within the tolerance" in _why(out, "2021") and "Board 2022-02-28 (counted for another window of this rule)" in _why(out, "2022")
    out = _check(tmp_path, _GRID_2M, _rows("board,regular,,2020-06-01,,held,,", "board,regular,,2022-03-01,,held,,", "board,regular,,2022-06-01,,held,,"), "--today", "2023-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k <= "2022"} == {"2020": "met", "2021": "missed", "2022": "met"}
    leap = _rows(*(f"board,regular,,{y}-06-01,,held,," for y in (2020, 2021, 2022)), "board,regular,,2024-02-29,,held,,", "board,regular,,2024-06-01,,held,,")
    out = _check(tmp_path, _GRID_2M, leap, "--today", "2025-01-10")
    assert _verdicts(out)["2023"] == "met" and _verdicts(out)["2024"] == "met"
    assert "1 still due by 2026-02-28" in _why(out, "2025")
    out = _check(tmp_path, _GRID_2M, _rows("board,regular,,2020-06-01,,held,,", "board,regular,,2022-02-10,,held,,"), "--today", "2023-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k <= "2022"} == {"2020": "met", "2021": "missed", "2022": "met"}


def test_a_spare_meeting_known_only_to_the_year_may_serve_the_earlier_windows_tolerance(tmp_path):
    """The same grid (tolerance 2 months). 2020-06-01, `2022` and 2022-06-01: 2022 is met by
    06-01 whatever the other's day; held in January or February 2022, the `2022` meeting
    served 2021 within its tolerance (one meeting, one window: its own period is met by
    another), held later it did not. 2021 was `missed` (its own period took it): it is
    `uncertain` now, and 2022's why says the loose meeting was left to another window, which
    it may serve; 2021's why gives the days that would meet it (2022-01-01..2022-02-28, the
    slack). `2022-02` instead (every day within the slack): 2021 met."""
    out = _check(tmp_path, _GRID_2M, _rows("board,regular,,2020-06-01,,held,,", "board,regular,,2022,,held,,", "board,regular,,2022-06-01,,held,,"), "--today", "2023-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k <= "2022"} == {"2020": "met", "2021": "uncertain", "2022": "met"}
    assert "only loosely dated meetings could decide it: Board 2022; met if Board 2022 was held 2022-01-01..2022-02-28 (the register gives only 2022)" in _why(out, "2021")
    assert "Not counted: Board 2022 (left to another window of this rule, which it may serve: the register gives only 2022)" in _why(out, "2022")
    out = _check(tmp_path, _GRID_2M, _rows("board,regular,,2020-06-01,,held,,", "board,regular,,2022-02,,held,,", "board,regular,,2022-06-01,,held,,"), "--today", "2023-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k <= "2022"} == {"2020": "met", "2021": "met", "2022": "met"}


def test_a_monthly_grid_anchored_in_february_takes_march_within_a_months_tolerance(tmp_path):
    """`every 12m` on the grid from 2020-02, `tolerance = "1m"`: due each February, slack to
    31 March. 2020-02-10 met; 2021: 03-05 and 03-31 (its last day), both in the slack, and
    March is no grid month: 2021-02 met by them; 2022-02-10 met; 2023-02 due by 2023-03-31."""
    book = _body("", 'kind = "every"\ninterval = "12m"\nmode = "grid"\nanchor = "2020-02"\ntolerance = "1m"')
    out = _check(tmp_path, book, _rows("board,regular,,2020-02-10,,held,,", "board,regular,,2021-03-05,,held,,", "board,regular,,2021-03-31,,held,,", "board,regular,,2022-02-10,,held,,"), "--today", "2022-06-10")
    assert _verdicts(out) == {"2020-02": "met", "2021-02": "met", "2022-02": "met", "2023-02": "open"}
    assert "next due by 2023-03-31" in _why(out, "2023-02")


def test_a_rolling_interval_in_days_from_29_february(tmp_path):
    """`every 365d` rolling from 2020-02-29: due 2021-02-28 (365 days on), held that day: met;
    then due 2022-02-28, held 2022-03-01: 1 day late; then due 2023-03-01 (from the late
    meeting), open on 2022-06-10."""
    out = _check(tmp_path, _body("", 'kind = "every"\ninterval = "365d"'), _rows("board,regular,,2020-02-29,,held,,", "board,regular,,2021-02-28,,held,,", "board,regular,,2022-03-01,,held,,"), "--today", "2022-06-10")
    assert _verdicts(out) == {"2021-02-28": "met", "2022-02-28": "late", "2023-03-01": "open"}
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "1 day"


def test_a_rolling_chain_runs_on_from_the_late_meeting(tmp_path):
    """`every 2y` rolling: 2014-05-01, then 2017-05-01 (due 2016: 1 year late). The next is due
    2 years after the late meeting's year, 2019 (DESIGN: after each counting meeting, the same
    period + interval): 2019-05-01 met; with 2020-05-01 instead, 2019 is late too (not met
    by a chain counted from the missed 2016). `every 6m` across a year end: 2020-08-15 makes
    2021-02 due (met by 02-27), which makes 2021-08 due: 2021-09-01 is 1 month late."""
    book = _body("", 'kind = "every"\ninterval = "2y"')
    out = _check(tmp_path, book, _rows("board,regular,,2014-05-01,,held,,", "board,regular,,2017-05-01,,held,,", "board,regular,,2019-05-01,,held,,"), "--today", "2020-01-10")
    assert _verdicts(out) == {"2016": "late", "2019": "met", "2021": "open"}
    out = _check(tmp_path, book, _rows("board,regular,,2014-05-01,,held,,", "board,regular,,2017-05-01,,held,,", "board,regular,,2020-05-01,,held,,"), "--today", "2021-01-10")
    assert _verdicts(out) == {"2016": "late", "2019": "late", "2022": "open"}
    out = _check(tmp_path, _body("", 'kind = "every"\ninterval = "6m"'), _rows("board,regular,,2020-08-15,,held,,", "board,regular,,2021-02-27,,held,,", "board,regular,,2021-09-01,,held,,"), "--today", "2021-10-10")
    assert _verdicts(out) == {"2021-02": "met", "2021-08": "late", "2022-03": "open"}


# -- after and before chains with a loose, unconfirmed, called-off or missing origin -------------------------


def test_after_an_origin_known_only_to_the_year_or_month(tmp_path):
    """Board 1 year after each Summit. Summit `2020` (year only): the due year is 2021 whatever
    the day: Board 2021-06-01 met. Board 30 days after each Summit, Summit `2020-12`, Board
    2021-01-05: met if the Summit opened 12-06..12-31, late if 12-01..12-05: uncertain, and
    the why gives both ranges."""
    out = _check(tmp_path, _SUMMIT_EVERY_2Y + _body("", 'kind = "after"\nbody = "summit"\noffset = "1y"'), _rows("summit,regular,,2020,,held,,", "board,regular,,2021-06-01,,held,,"), "--today", "2022-06-10")
    assert _verdicts(out) == {"2021": "met"}
    out = _check(tmp_path, _SUMMIT_EVERY_2Y + _body("", 'kind = "after"\nbody = "summit"\noffset = "30d"'), _rows("summit,regular,,2020-12,,held,,", "board,regular,,2021-01-05,,held,,"), "--today", "2022-06-10")
    (f,) = [f for f in out["findings"] if f["body"] == "board"]
    assert f["verdict"] == "uncertain"
    assert "late if it was held 2020-12-01..2020-12-05; met if it was held 2020-12-06..2020-12-31" in f["why"]


def test_after_a_cancelled_origin_nothing_is_due_and_after_an_unconfirmed_one_it_is_uncertain(tmp_path):
    """Board 1 year after each Summit (every 2 years). Summit 2019-05-01 held, Board
    2020-05-01 met; Summit 2021-05-01 cancelled: no Board is due in 2022 (no finding), and the
    Summit's own 2021 is missed. With the 2020 Summit planned and never confirmed: Board 2020
    (after 2019) missed, Board 2021 (only because of the unconfirmed Summit) uncertain."""
    book = _SUMMIT_EVERY_2Y + _body("", 'kind = "after"\nbody = "summit"\noffset = "1y"')
    out = _check(tmp_path, book, _rows("summit,regular,,2019-05-01,,held,,", "board,regular,,2020-05-01,,held,,", "summit,regular,,2021-05-01,,cancelled,,"), "--today", "2023-06-10")
    assert _verdicts(out) == {"2020": "met"} and _verdicts(out, "summit")["2021"] == "missed"
    out = _check(tmp_path, book, _rows("summit,regular,,2019-05-01,,held,,", "summit,regular,,2020-05-01,,planned,,"), "--today", "2022-06-10")
    assert _verdicts(out) == {"2020": "missed", "2021": "uncertain"}
    assert "depends on the Summit, planned 2020-05-01, not confirmed held" in _why(out, "2021")


def test_a_chain_of_after_rules_through_a_missing_unconfirmed_or_loose_middle(tmp_path):
    """Council 1 year after each Summit, Board 1 year after each Council. Summits 2019-05-01
    and 2021-05-01, no Council ever: Council 2020 and 2022 missed; the Board has nothing to
    chain from (no Council meeting): no window, never a guessed one. The Council of 2020
    planned and never confirmed: Council 2020 uncertain, Board 2021 uncertain (it exists only
    because of that Council), Council 2022-05-01 met, Board 2023 open. The Council of 2020
    held, known only as `2020`: Board due 2021 whatever its day: missed."""
    book = _SUMMIT_EVERY_2Y + _body("", 'kind = "after"\nbody = "summit"\noffset = "1y"', id="council", name="Council") + _body("", 'kind = "after"\nbody = "council"\noffset = "1y"')
    summits = ("summit,regular,,2019-05-01,,held,,", "summit,regular,,2021-05-01,,held,,")
    out = _check(tmp_path, book, _rows(*summits), "--today", "2023-06-10")
    assert _verdicts(out, "council") == {"2020": "missed", "2022": "missed"} and _verdicts(out) == {}
    assert [f["verdict"] for f in out["findings"] if f["body"] == "board"] == ["not_applicable"]
    out = _check(tmp_path, book, _rows(*summits, "council,regular,,2020-05-01,,planned,,", "council,regular,,2022-05-01,,held,,"), "--today", "2023-06-10")
    assert _verdicts(out, "council") == {"2020": "uncertain", "2022": "met"} and _verdicts(out) == {"2021": "uncertain", "2023": "open"}
    out = _check(tmp_path, book, _rows(*summits, "council,regular,,2020,,held,,", "council,regular,,2022-05-01,,held,,"), "--today", "2023-06-10")
    assert _verdicts(out) == {"2021": "missed", "2023": "open"}


def test_before_an_origin_known_only_to_the_year(tmp_path):
    """Board within a month before each Summit. Summit 2019-05-01, Board 2019-04-10: met.
    Summit `2021`, Board 2021-03-10: met only if the Summit opened 2021-03-11..2021-04-10:
    uncertain, both ranges said. Summit `2021` and no Board at all: missed whatever the
    Summit's day (no Board meeting anywhere in the days any reading makes due)."""
    book = _SUMMIT_EVERY_2Y + _body("", 'kind = "before"\nbody = "summit"\noffset = "1m"')
    first = ("summit,regular,,2019-05-01,,held,,", "board,regular,,2019-04-10,,held,,")
    out = _check(tmp_path, book, _rows(*first, "summit,regular,,2021,,held,,", "board,regular,,2021-03-10,,held,,"), "--today", "2022-06-10")
    (loose,) = [f for f in out["findings"] if f["body"] == "board" and f["verdict"] != "met"]
    assert loose["verdict"] == "uncertain" and "met if it was held 2021-03-11..2021-04-10" in loose["why"]
    out = _check(tmp_path, book, _rows(*first, "summit,regular,,2021,,held,,"), "--today", "2022-06-10")
    assert sorted(f["verdict"] for f in out["findings"] if f["body"] == "board") == ["met", "missed"]


def test_a_before_window_missed_on_every_reading_of_its_origin_is_worded_as_labelled(tmp_path):
    """Board within a month before each Summit; Summit `2021`, no Board: missed whatever the
    Summit's day. The window is labelled by the last day it may end on (2021-12-30, JSON and
    the HTML report), but its why began with the first reading's day ("2020-12-31: 0 of 1
    required"), so the text's Problems line and the JSON named two different days. The why
    now begins with the label and says the verdict holds on every reading: "The same whatever
    day the Summit of 2021 was held (2021-01-01..2021-12-31)". Summit `2021-06`, Board
    2021-04-20 (before every day the window may begin): missed. (Since the tenth pass such a
    window is labelled by every day it may end on, 2020-12-31..2021-12-30 and
    2021-05-31..2021-06-29, not by one reading: tests/semantics/test_semantics_audit10.py; since the
    twentieth, by every day it may hold, 2020-12-01..2021-12-30 and 2021-05-01..2021-06-29:
    tests/semantics/test_semantics_audit20.py.)"""
    book = _SUMMIT_EVERY_2Y + _body("", 'kind = "before"\nbody = "summit"\noffset = "1m"')
    first = ("summit,regular,,2019-05-01,,held,,", "board,regular,,2019-04-10,,held,,")
    out = _check(tmp_path, book, _rows(*first, "summit,regular,,2021,,held,,"), "--today", "2022-06-10")
    (f,) = [f for f in out["findings"] if f["body"] == "board" and f["verdict"] == "missed"]
    assert f["window"]["label"] == "2020-12-01..2021-12-30" and f["why"].startswith("2020-12-01..2021-12-30: 0 of 1 required (within 1 month before the Summit of 2021)")
    assert f["why"].endswith("The same whatever day the Summit of 2021 was held (2021-01-01..2021-12-31).")
    out = _check(tmp_path, book, _rows(*first, "summit,regular,,2021-06,,held,,", "board,regular,,2021-04-20,,held,,"), "--today", "2022-06-10")
    (f,) = [f for f in out["findings"] if f["body"] == "board" and f["verdict"] == "missed"]
    assert f["window"]["label"] == "2021-05-01..2021-06-29" and f["why"].startswith("2021-05-01..2021-06-29: ")


def test_an_on_rules_year_held_in_another_month_known_only_to_the_month(tmp_path):
    """`on` 10 March; held `2020-03` (may be the 10th: uncertain) and `2021-04` (never 10
    March: off_date). The off_date why read "held Board 2021-04, not in 2021-04, not on the
    rule's date"; it gives the distance on every reading now: "22 to 51 days after"."""
    out = _check(tmp_path, _body("", 'kind = "on"\nmonth = 3\nday = 10\nsince = 2020'), _rows("board,regular,,2020-03,,held,,", "board,regular,,2021-04,,held,,"), "--today", "2021-06-01")
    assert _verdicts(out) == {"2020-03-10": "uncertain", "2021-03-10": "off_date", "2022-03-10": "open"}
    assert "held Board 2021-04, 22 to 51 days after, not on the rule's date" in _why(out, "2021-03-10")


# -- year-only rows against half-years and quarters ------------------------------------------------------------

_HALF = _body("", 'kind = "at_least"\ncount = 1\nper = "half"\nsince = 2021')


def test_a_year_only_row_against_half_years_says_which_days_would_meet_each(tmp_path):
    """Once a half-year; one meeting known only as `2021`: it may fill H1 or H2, not both.
    Both uncertain, no violation counted (exit 0). Each why says exactly what is unknown: the
    days that would make this window met ("met if Board 2021 was held 2021-01-01..2021-06-30"
    for H1, "2021-07-01..2021-12-31" for H2) and that one meeting fills only one of them."""
    out = _check(tmp_path, _HALF, _rows("board,regular,,2021,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out) == {"2021 H1": "uncertain", "2021 H2": "uncertain", "2022 H1": "open"} and out["summary"]["exit_code"] == 0
    assert "met if Board 2021 was held 2021-01-01..2021-06-30 (the register gives only 2021). One meeting fills only one of 2021 H1 and 2021 H2" in _why(out, "2021 H1")
    assert "met if Board 2021 was held 2021-07-01..2021-12-31 (the register gives only 2021). One meeting fills only one of 2021 H1 and 2021 H2" in _why(out, "2021 H2")


def test_a_year_only_row_beside_a_half_already_met_speaks_only_of_the_other(tmp_path):
    """Once a half-year; `2021` and 2021-03-01. H1 is met by 03-01 (no doubt). H2 is met only
    if the `2021` meeting was held 07-01..12-31: uncertain, and its why says so; whether the
    meeting could also have filled H1 is no question (H1 needs nothing more)."""
    out = _check(tmp_path, _HALF, _rows("board,regular,,2021,,held,,", "board,regular,,2021-03-01,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out) == {"2021 H1": "met", "2021 H2": "uncertain", "2022 H1": "open"}
    why = _why(out, "2021 H2")
    assert "met if Board 2021 was held 2021-07-01..2021-12-31 (the register gives only 2021)" in why and "fills only one of" not in why


def test_a_year_only_row_against_quarters_and_month_rows_inside_them(tmp_path):
    """Once a quarter; `2021` alone: all four quarters uncertain ("met if ... held
    2021-04-01..2021-06-30" for Q2, one meeting filling only one of 2021 Q1 to 2021 Q4).
    Rows 2021-03, 2021-05, 2021-08, 2021-11: each month lies in one quarter: all met."""
    q = _body("", f"{_QUARTERLY}\nsince = 2021")
    out = _check(tmp_path, q, _rows("board,regular,,2021,,held,,"), "--today", "2022-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k < "2022"} == dict.fromkeys(("2021 Q1", "2021 Q2", "2021 Q3", "2021 Q4"), "uncertain")
    assert "met if Board 2021 was held 2021-04-01..2021-06-30 (the register gives only 2021). One meeting fills only one of 2021 Q1 to 2021 Q4" in _why(out, "2021 Q2")
    out = _check(tmp_path, q, _rows(*(f"board,regular,,2021-{m:02d},,held,," for m in (3, 5, 8, 11))), "--today", "2022-01-10")
    assert {k: v for k, v in _verdicts(out).items() if k < "2022"} == dict.fromkeys(("2021 Q1", "2021 Q2", "2021 Q3", "2021 Q4"), "met")


def test_a_year_only_row_against_an_at_most_per_half(tmp_path):
    """At most once a half-year; 2021-03-01 and `2021`: H1 is excess if the loose one was
    held in H1, within the limit otherwise: uncertain; H2 holds at most that one: met."""
    out = _check(tmp_path, _body("", 'kind = "at_most"\ncount = 1\nper = "half"\nsince = 2021'), _rows("board,regular,,2021,,held,,", "board,regular,,2021-03-01,,held,,"), "--today", "2022-01-10")
    assert _verdicts(out) == {"2021 H1": "uncertain", "2021 H2": "met", "2022 H1": "open"}


# -- real histories under their founding texts (tests/audit/, a source in every rule and row) ------------------


def _real(name: str, *args: str) -> dict:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "audit"
    return json.loads(_invoke("check", "--rules", str(root / f"{name}.toml"), "--meetings", str(root / f"{name}-meetings.csv"), "--format", "json", *args).stdout)


def test_saarc_summit_once_a_year_under_the_charter_1986_2025():
    """SAARC Charter, art. III: the Heads of State or Government "shall meet once a year or
    more often": at least once a calendar year, from the Charter of 8 December 1985 (1985 is
    no whole year of it: the first window is 1986). By hand from the 18 Summits held, as of
    2025-12-01: met in 1986, 1987, 1988 (29-31 December), 1990, 1991, 1993, 1995, 1997, 1998,
    2002 (4-6 January), 2004, 2005, 2007, 2008, 2010, 2011 and 2014 (17); missed in 1989,
    1992, 1994, 1996, 1999-2001, 2003, 2006, 2009, 2012, 2013 and every year 2015-2024 (22:
    real violations, the Summit has not met since Kathmandu 2014); 2025 open. The 19th
    (Islamabad, November 2016), postponed, is named in 2016's why and counts for nothing."""
    out = _real("saarc", "--today", "2025-12-01")
    got = {f["window"]["label"]: f["verdict"] for f in out["findings"]}
    met = {1986, 1987, 1988, 1990, 1991, 1993, 1995, 1997, 1998, 2002, 2004, 2005, 2007, 2008, 2010, 2011, 2014}
    assert got == {**{str(y): ("met" if y in met else "missed") for y in range(1986, 2025)}, "2025": "open"}
    assert out["summary"]["violations"] == 22 and out["summary"]["exit_code"] == 1
    (y2016,) = [f for f in out["findings"] if f["window"]["label"] == "2016"]
    assert "Not counted: Summit 2016-11-15 (19th, Islamabad) (postponed)" in y2016["why"]


def test_arab_league_summit_once_a_year_in_march_2016_2023():
    """The Annex to the Pact on the regular convening of the Council at summit level (Cairo,
    October 2000): once a year (binding, rule `yearly`), in March (`binding = false`, rule
    `march`: the League moves the date without calling it a breach). The register holds the
    ordinary sessions of 2016-2023 (`records`). By hand, as of 2025-12-01. Yearly: 2001-2015
    unknown (15: not transcribed), 2016 met by Nouakchott (25 July; the cancelled Marrakesh
    session of 7 April named as not counted), 2017, 2018, 2019 met, 2020 missed (the Algiers
    session set for March was postponed) and 2021 missed (cancelled): 2 violations; 2022 met
    by Algiers (1-2 November; the postponed 22 March session named), 2023 met by Jeddah
    (`2023-05`, inside the year whatever its day), 2024 unknown, 2025 open. March: March 2017
    (29th) and March 2019 (31st, its last day) met; 2016 (July), 2018 (15 April), 2020, 2021,
    2022 (November) and 2023 (May, whatever its day) advisories (6); the Marches of 2001-2015,
    2024 and 2025 unknown (17). Exit 1."""
    out = _real("arab-league-summit", "--today", "2025-12-01")
    yearly = {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["rule"] == 0}
    march = {f["window"]["label"][:4]: f["verdict"] for f in out["findings"] if f["rule"] == 1}
    assert {f["window"]["label"][4:] for f in out["findings"] if f["rule"] == 1} == {"-03"}  # each March, not "FY2016-17"
    assert yearly == {
        **{str(y): "unknown" for y in range(2001, 2016)},
        **dict.fromkeys(("2016", "2017", "2018", "2019", "2022", "2023"), "met"),
        "2020": "missed", "2021": "missed", "2024": "unknown", "2025": "open",
    }
    assert march == {
        **{str(y): "unknown" for y in (*range(2001, 2016), 2024, 2025)},
        "2017": "met", "2019": "met", **dict.fromkeys(("2016", "2018", "2020", "2021", "2022", "2023"), "advisory"),
    }
    assert out["summary"]["violations"] == 2 and out["summary"]["advisories"] == 6 and out["summary"]["unknown"] == 33
    why = {f["window"]["label"]: f["why"] for f in out["findings"] if f["rule"] == 0}
    assert "Not counted: Summit 2016-04-07 (27th, Marrakesh) (cancelled)" in why["2016"]
    assert "Not counted: Summit 2022-03-22 (31st, Algiers) (postponed)" in why["2022"]


# -- a rolling chain after an origin dated more loosely than its interval -------------------------------------

_EVERY_6M = _body("", 'kind = "every"\ninterval = "6m"')


def test_a_rolling_window_after_an_origin_known_only_to_the_year_is_judged_not_dropped(tmp_path):
    """`every 6m` rolling; the Board met in `2019` (some month), then 2020-01-15. Held in
    January to June 2019, the next was due by July to December 2019 and 2020-01-15 came
    late; held July to December, it was due January to June 2020 and 2020-01-15 met it.
    There was no finding at all for that window (the reading "held in January" made it end
    before the day the next meeting could open, and the window was dropped, with every
    other reading): now uncertain, "late if it was held 2019-01..2019-06; met if it was
    held 2019-07..2019-12". With the next meeting on 2020-10-15, late on every reading: late,
    "4 to 15 months" (as late as the readings allow); since the tenth pass "4 to 6 months":
    held January to September 2019, the window after this one (due by 2020-01..2020-09)
    closed before 2020-10-15 too, so this one was missed and that one answered late, as the
    why says (tests/semantics/test_semantics_audit10.py). With none, judged 2020-12-01: missed
    on every reading (due by 2020-06 at the latest). The window is labelled by every period
    it may be due in, 2019-07..2020-06 (tests/semantics/test_semantics_audit10.py)."""
    out = _check(tmp_path, _EVERY_6M, _rows("board,regular,,2019,,held,,", "board,regular,,2020-01-15,,held,,"), "--today", "2020-03-01")
    assert _verdicts(out) == {"2019-07..2020-06": "uncertain", "2020-07": "open"}
    assert "late if it was held 2019-01..2019-06; met if it was held 2019-07..2019-12" in _why(out, "2019-07..2020-06")
    out = _check(tmp_path, _EVERY_6M, _rows("board,regular,,2019,,held,,", "board,regular,,2020-10-15,,held,,"), "--today", "2020-12-01")
    (late,) = [f for f in out["findings"] if f["window"]["label"] == "2019-07..2020-06"]
    assert late["verdict"] == "late" and late["delay"] == "4 to 6 months"
    assert "if it was held 2019-01..2019-09, the window after this one (due by 2020-01-31..2020-09-30) also closed before it" in late["why"]
    out = _check(tmp_path, _EVERY_6M, _rows("board,regular,,2019,,held,,"), "--today", "2020-12-01")
    assert _verdicts(out)["2019-07..2020-06"] == "missed" and out["summary"]["violations"] == 1


def test_late_on_every_reading_of_a_loose_origin_is_as_late_as_the_readings_allow(tmp_path):
    """`every 200d` after a Board known only as `2019`, next held 2020-10-18: due between
    2019-07-20 (held 1 January) and 2020-07-18 (held 31 December): late on every reading, by
    92 to 456 days. It said "456 days" (the first reading's), more certain than the register.
    The why says the verdict holds whatever the day and that the delay depends on it. Since
    the tenth pass: held by 2019-09-13, the window after this one (400 days after that day,
    by 2020-10-17) closed before 2020-10-18 too: there this one was missed and that one
    answered late, so "late" is by 92 to 200 days (held from 2019-09-14) and the why says
    so (tests/semantics/test_semantics_audit10.py)."""
    out = _check(tmp_path, _body("", 'kind = "every"\ninterval = "200d"'), _rows("board,regular,,2019,,held,,", "board,regular,,2020-10-18,,held,,"), "--today", "2020-12-01")
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "92 to 200 days" and "held Board 2020-10-18: 92 to 200 days late." in late["why"]
    assert "Late if the Board of 2019 was held 2019-09-14..2019-12-31; if it was held 2019-01-01..2019-09-13, the window after this one (due by 2020-02-05..2020-10-17) also closed before it" in late["why"]
