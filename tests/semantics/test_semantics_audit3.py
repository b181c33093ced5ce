"""A third independent audit of `planner check`'s verdicts (after `test_semantics_audit.py` and
`test_semantics_audit2.py`): the gaps the second audit left open, new hand-computed cases at the
edges (leap days, a period's first and last day, partial dates), and real organizations'
histories under their own rules (tests/audit/: the European Council, the US Federal Open Market
Committee, the African Union Assembly), each rule and row with its source. Every expected
verdict was worked out by hand from DESIGN.md and the README before the tool was run; the
derivation is in the test's docstring."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.core.dates import PartialDate
from planner.core.model import Meeting
from planner.engine.judging.compliance import check
from planner.inputs.rulebook import parse_rulebook
from tests.semantics.test_semantics_audit import SUMMIT, _book, _check, _finding, _rule, _verdicts

YEARLY = 'kind = "at_least"\ncount = 1\nper = "year"'


# -- versions of one per-period rule whose windows would overlap ---------------------------------
#
# README: "a window belongs to the rule in force on its first day", and versions of one rule are
# one rule ("One meeting, one window"). When "once a year" ends on 30 June 2019 and "once a
# half-year" begins on 1 July, the year 2019 (first day 1 January) belongs to the first version
# and covers all of 2019; a 2019 H2 window of the second version would judge those days again
# and let one meeting count twice.


def test_a_later_version_begins_after_the_earlier_versions_last_window(tmp_path):
    """Versions of rule `r`: once a year until 2019-06-30, once a half-year from 2019-07-01.
    Meetings 2018-05-01, 2019-09-10, 2020-03-01, 2020-09-01. By hand: 2018 met; 2019 (first day
    under the yearly version) met by 2019-09-10; the half-yearly version begins with the first
    half-year after 2019, so 2020 H1 met, 2020 H2 met, 2021 H1 open on 2021-01-15. There is no
    2019 H2 window (it was one, met by the same 2019-09-10 that met 2019)."""
    rules = _rule(f'id = "r"\n{YEARLY}\nuntil = 2019-06-30') + _rule('id = "r"\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2019-07-01')
    rows = "board,regular,2018-05-01,,held,,\nboard,regular,2019-09-10,,held,,\nboard,regular,2020-03-01,,held,,\nboard,regular,2020-09-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2018-01-01\n" + rules), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2018": "met", "2019": "met", "2020 H1": "met", "2020 H2": "met", "2021 H1": "open"}


def test_a_silence_across_overlapping_versions_is_judged_once(tmp_path):
    """The same two versions, and no meeting at all in 2019: by hand 2019 is missed once (under
    the yearly version, whose window it is); a 2019 H2 window would have made the one silence
    two violations. 2018 met, 2020 H1 and H2 met: 1 violation."""
    rules = _rule(f'id = "r"\n{YEARLY}\nuntil = 2019-06-30') + _rule('id = "r"\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2019-07-01')
    rows = "board,regular,2018-05-01,,held,,\nboard,regular,2020-03-01,,held,,\nboard,regular,2020-09-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2018-01-01\n" + rules), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2018": "met", "2019": "missed", "2020 H1": "met", "2020 H2": "met", "2021 H1": "open"}
    assert out["summary"]["violations"] == 1


def test_versions_that_meet_at_a_period_edge_are_unchanged(tmp_path):
    """Once a year until 2019-12-31, twice a year from 2020-01-01 (CICA's SOC shape): no window
    overlaps, so nothing moves: 2019 met (1 of 1), 2020 missed (1 of 2), 2021 open."""
    rules = _rule(f'{YEARLY}\nuntil = 2019-12-31') + _rule('kind = "at_least"\ncount = 2\nper = "year"\nsince = 2020-01-01')
    rows = "board,regular,2019-05-01,,held,,\nboard,regular,2020-05-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2019-01-01\n" + rules), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2019": "met", "2020": "missed", "2021": "open"}


def test_a_window_whose_first_day_falls_between_two_versions_belongs_to_no_rule(tmp_path):
    """Decided, not changed: once a year until 2018-06-30, twice a year from 2019-03-01; no
    rule is in force on 2019-01-01, the first day of 2019. A rule that begins inside a period
    is judged from its first whole period (README, "Start"), and a later version is a rule that
    begins then: by hand 2017 met, 2018 met (its first day is under the first version), 2019 not
    judged, 2020 missed (1 of 2), 2021 open. A gap in the rule book is a gap in what is due:
    2018 is judged to the first version's end, 2018-01..2018-06 (audit 11: the period a rule
    ends in), and met by 2018-05-01."""
    rules = _rule(f'id = "r"\n{YEARLY}\nuntil = 2018-06-30') + _rule('id = "r"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2019-03-01')
    rows = "board,regular,2017-05-01,,held,,\nboard,regular,2018-05-01,,held,,\nboard,regular,2020-03-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2017-01-01\n" + rules), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2017": "met", "2018-01..2018-06": "met", "2020": "missed", "2021": "open"}


# -- min_gap across a period's edge ---------------------------------------------------------------
#
# README: `min_gap = "60d"`: "meetings closer than this count once" (examples/board-quarterly:
# "a session adjourned and resumed three weeks later is still one meeting"). Nothing in the words
# stops at a period's edge, and a meeting belongs to the period it opens in: a session of 20
# December resumed on 10 January is one meeting, of December's year.


def test_min_gap_reaches_across_a_year_end(tmp_path):
    """Once a year, `min_gap = "60d"`: 2019-12-20 and 2020-01-10 (21 days apart) count once, in
    2019, where the first opened. By hand: 2019 met; 2020 missed, and its why names 2020-01-10
    as not counted (less than 60 days after a counted meeting); 2021 open. (Was: 2020 met.)"""
    rule = _rule(f'{YEARLY}\nmin_gap = "60d"')
    rows = "board,regular,2019-12-20,,held,,\nboard,regular,2020-01-10,,held,,\n"
    out = _check(tmp_path, _book("established = 2019-01-01\n" + rule), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2019": "met", "2020": "missed", "2021": "open"}
    why = _finding(out, "2020")["why"]
    assert "Board 2020-01-10 (less than 60 days after a counted meeting" in why


def test_min_gap_counts_from_the_last_counted_meeting_not_the_last_meeting(tmp_path):
    """Once a year, `min_gap = "60d"`, meetings
    2019-11-01, 2019-12-20, 2020-01-10, 2020-02-01. By hand the counted chain is 2019-11-01
    (first), 2019-12-20 no (49 days), 2020-01-10 yes (70 days after 11-01, the last *counted*
    one), 2020-02-01 no (22 days): 2019 met, 2020 met by 2020-01-10. Measuring from the last
    meeting (12-20) instead would wrongly drop 2020-01-10."""
    rule = _rule(f'{YEARLY}\nmin_gap = "60d"')
    rows = "board,regular,2019-11-01,,held,,\nboard,regular,2019-12-20,,held,,\nboard,regular,2020-01-10,,held,,\nboard,regular,2020-02-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2019-01-01\n" + rule), rows, "--today", "2021-01-01")
    assert _verdicts(out) == {"2019": "met", "2020": "met", "2021": "open"}
    counted, not_counted = _finding(out, "2020")["why"].split("Not counted")
    assert "Board 2020-01-10" in counted and "Board 2020-02-01" in not_counted


def test_min_gap_across_an_edge_with_a_loosely_dated_meeting_is_uncertain(tmp_path):
    """Once a year, `min_gap = "60d"`: 2019-12-20 held, then a meeting known only as `2020-02`.
    If it opened 2020-02-18 or later it is 60 days clear and meets 2020; if 2020-02-01..17 it
    counts once with December's: uncertain, not met (and not missed)."""
    rule = _rule(f'{YEARLY}\nmin_gap = "60d"')
    rows = "board,regular,2019-12-20,,held,,\nboard,regular,2020-02,,held,,\n"
    out = _check(tmp_path, _book("established = 2019-01-01\n" + rule), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2019": "met", "2020": "uncertain", "2021": "open"}


def test_min_gap_before_the_rule_began_does_not_reach_into_it(tmp_path):
    """Once a year from 2020-01-01 (`since`), `min_gap = "60d"`: a meeting of 2019-12-20 came
    before the rule and counts for nothing under it, so it cannot discount 2020-01-10: by hand
    2020 met."""
    rule = _rule(f'{YEARLY}\nmin_gap = "60d"\nsince = 2020-01-01')
    rows = "board,regular,2019-12-20,,held,,\nboard,regular,2020-01-10,,held,,\n"
    out = _check(tmp_path, _book(rule), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2020": "met", "2021": "open"}


def test_projection_fills_a_year_whose_only_meeting_min_gap_discounts(tmp_path):
    """The register of `test_min_gap_reaches_across_a_year_end` as of 2020-01-15: check finds
    2020 short (2020-01-10 counts with 2019-12-20), so `project` must place a 2020 meeting at
    least 60 days after 2020-01-10's chain (DESIGN: a register checked with its own projection
    finds nothing missed)."""
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(_book("established = 2019-01-01\n" + _rule(f'{YEARLY}\nmin_gap = "60d"')), encoding="utf-8")
    meetings.write_text("body,kind,start,end,status,city,format\nboard,regular,2019-12-20,,held,,\nboard,regular,2020-01-10,,held,,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2020-01-15", "--to", "2020-12-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    placed = [m["start"] for m in json.loads(result.stdout)["meetings"] if m["status"] == "projected"]
    assert len(placed) == 1 and "2020-02-18" <= placed[0] <= "2020-12-31"


# -- a register written later, judged as of an earlier day -----------------------------------------


def test_a_meeting_recorded_held_after_today_is_scheduled_not_counted(tmp_path):
    """README: `--today` is the day the check stands on; `--to D` "judges as at the close of D:
    nothing after D exists". A register written in 2026 says 2025-06-17 was held; judged as of
    2025-06-01 that meeting had not happened yet. At least 2 a year: 2025-01-28 held, 2025-06-17
    and 2025-09-16 recorded held but after today: by hand 2025 is open (1 held, 1 still due,
    2 scheduled), never met; the same with `--to 2025-06-01` (it was met on both: `--to` equal
    to `--today` did not cut the later rows)."""
    rule = _rule('kind = "at_least"\ncount = 2\nper = "year"')
    rows = "board,regular,2025-01-28,,held,,\nboard,regular,2025-06-17,,held,,\nboard,regular,2025-09-16,,held,,\n"
    for extra in ((), ("--to", "2025-06-01")):
        out = _check(tmp_path, _book("established = 2025-01-01\n" + rule), rows, "--today", "2025-06-01", *extra)
        assert _verdicts(out) == {"2025": "open"}
        why = _finding(out, "2025")["why"]
        assert "1 still due" in why and "scheduled: Board 2025-06-17, Board 2025-09-16" in why
    out = _check(tmp_path, _book("established = 2025-01-01\n" + rule), rows, "--today", "2025-06-17")
    assert _verdicts(out) == {"2025": "met"}  # a meeting on --today counts


# -- real histories (tests/audit/, a source URL in every rule and row) ---------------------------

def _real(name: str, *args: str) -> dict:
    root = Path(__file__).parent.parent / "audit"
    result = CliRunner().invoke(main, ["check", "--rules", str(root / f"{name}.toml"), "--meetings", str(root / f"{name}-meetings.csv"), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    out = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def test_european_council_twice_every_six_months():
    """TEU art. 15(3) (Lisbon, from 2009-12-01): "shall meet twice every six months", judged per
    half-year; before it the Nice art. 4, "at least twice a year", judged per year. Rows for 2009
    and 2019-2025 (records say so; 2010-2018 are not transcribed). By hand, as of 2025-12-01:
    - 2009 (first day under Nice): 4 regular meetings (March, June, October, December): met.
      The Lisbon version begins with 2010 H1 (no 2009 H2 window: December 2009 counts once).
    - 2010 H1 .. 2018 H2: 18 half-years with nothing transcribed and records not complete:
      unknown, never missed.
    - 2019 H1 (March, June), 2019 H2 (October, December): met; special (April, June 30) and
      informal (Sibiu, May) meetings do not count (rule counts regular).
    - 2020 H1: the February meeting was special; March and June were video conferences of the
      members, not formal meetings (`formats = ["in_person"]`): 0 of 2, missed.
    - 2020 H2 (October, December): met. 2021 H1: March by video, May special, Porto informal:
      June only, 1 of 2, missed. 2021 H2 .. 2025 H1: two regular meetings each: met.
    - 2025 H2: October held, 18-19 December planned: open.
    Two violations, exit 1."""
    out = _real("european-council", "--today", "2025-12-01")
    got = _verdicts(out, "euco")
    assert got.pop("2009") == "met" and "2009 H2" not in got
    assert [label for label, v in got.items() if v == "unknown"] == [f"{y} H{h}" for y in range(2010, 2019) for h in (1, 2)]
    assert {label: v for label, v in got.items() if v != "unknown"} == {
        "2019 H1": "met", "2019 H2": "met", "2020 H1": "missed", "2020 H2": "met",
        "2021 H1": "missed", "2021 H2": "met", "2022 H1": "met", "2022 H2": "met",
        "2023 H1": "met", "2023 H2": "met", "2024 H1": "met", "2024 H2": "met",
        "2025 H1": "met", "2025 H2": "open",
    }
    assert "Not counted: online: EUCO 2020-03-26" in _finding(out, "2020 H1", "euco")["why"]
    assert out["summary"]["violations"] == 2 and out["exit"] == 1


def test_fomc_at_least_four_times_each_year():
    """Federal Reserve Act s.12A(a): "at least four times each year and oftener if deemed
    necessary"; unscheduled meetings count (`counts = ["regular", "special"]`). By hand:
    2019-2024 each hold eight scheduled meetings: met; 2020 holds seven scheduled plus the
    unscheduled 3 and 15 March, and names the cancelled 17-18 March meeting as not counted.
    As of 2025-06-01 the rows of 17 June to 10 December 2025 (recorded held) had not happened:
    2025 is open with three held, one still due; as of 2025-12-31 it is met."""
    out = _real("fomc", "--today", "2025-06-01")
    got = _verdicts(out, "fomc")
    assert got == {str(y): "met" for y in range(2019, 2025)} | {"2025": "open"}
    why = _finding(out, "2020", "fomc")["why"]
    assert why.startswith("2020: 9 held (4 required)") and "FOMC 2020-03-17 (Washington) (cancelled)" in why
    assert _finding(out, "2025", "fomc")["why"].startswith("2025: 3 held")
    out = _real("fomc", "--today", "2025-12-31")
    assert _verdicts(out, "fomc")["2025"] == "met" and out["exit"] == 0


def test_african_union_assembly_across_three_versions_of_its_rule():
    """Constitutive Act art. 6(3): at least once a year (to 2004); twice a year 2005 to the
    reform decision of 17-18 November 2018; once a year from 2018-11-18, with a mid-year
    coordination meeting beside it. By hand, as of 2025-12-01:
    - 2002: its first day comes before the Assembly was established (2002-07-09): not judged.
    - 2003, 2004: one ordinary session each (Maputo, Addis Ababa): met.
    - 2005-2017: two ordinary sessions each (January/February and June/July; 2013 January and
      May): met under "twice a year".
    - 2018 straddles the change: its first day is under "twice a year", so it needs two, and
      has them (30th January, 31st July): met, worded "twice".
    - 2019-2025: one ordinary session each (the 34th, 2021, by video: this rule counts every
      format): met, worded "once"; the 11th and 12th extraordinary sessions do not count.
    - The Mid-Year Coordination Meeting, 2019-2025: one each (2020 and 2021 by video): met."""
    out = _real("african-union", "--today", "2025-12-01")
    assert _verdicts(out, "assembly") == {str(y): "met" for y in range(2003, 2026)}
    assert "twice" in _finding(out, "2018", "assembly")["why"] and "once" in _finding(out, "2019", "assembly")["why"]
    assert _verdicts(out, "myc") == {str(y): "met" for y in range(2019, 2026)}
    assert out["exit"] == 0


# -- a meeting due within the first part of each period (UK Companies Act 2006, s.336) -----------
#
# s.336(1): a public company must hold its AGM "in each period of 6 months beginning with the day
# following its accounting reference date". `at_least 1 per year` with `year_start` could only
# say "one in each financial year", and would call an October AGM after a 31 March year end met.
# `within = "6m"` says it: the window is the period's first six months.


def test_within_judges_only_the_first_part_of_each_period(tmp_path):
    """Accounting reference date 31 March: `year_start = "04-01"`, `within = "6m"`: each AGM
    is due 1 April to 30 September. AGMs 2022-09-20 (in time), 2023-10-15 (two weeks after
    the period), 2024-07-01. By hand: FY2022-23 met; FY2023-24 missed (the October meeting is
    outside the six months); FY2024-25 met; FY2025-26 open on 2025-06-01, due by 2025-09-30.
    Each window is labelled by its own months (2022-04..2022-09): "FY2022-23" named a whole
    year the window is not (eighth audit)."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nyear_start = "04-01"\nwithin = "6m"')
    rows = "board,regular,2022-09-20,,held,,\nboard,regular,2023-10-15,,held,,\nboard,regular,2024-07-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2022-04-01\n" + rule), rows, "--today", "2025-06-01")
    assert _verdicts(out) == {"2022-04..2022-09": "met", "2023-04..2023-09": "missed", "2024-04..2024-09": "met", "2025-04..2025-09": "open"}
    why = _finding(out, "2023-04..2023-09")["why"]
    assert "within its first 6 months" in why and "Not counted: Board 2023-10-15 (after 2023-09-30, the end of the first 6 months of FY2023-24)" in why
    assert "by 2025-09-30" in _finding(out, "2025-04..2025-09")["why"]


def test_within_as_long_as_the_period_is_refused(tmp_path):
    """`within = "12m"` per year is the whole year: a mistake, refused with one line naming
    the rule and what is expected (exit 2)."""
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(_book(_rule(f'{YEARLY}\nwithin = "12m"')), encoding="utf-8")
    meetings.write_text("body,kind,start,end,status,city,format\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--meetings", str(meetings)])
    assert result.exit_code == 2
    assert "bodies[0].rules[0]: within = '12m' is not shorter than a year" in result.stderr
    assert "Traceback" not in result.output


def test_bp_agms_within_six_months_of_the_year_end():
    """BP p.l.c., accounting reference date 31 December: each AGM due 1 January to 30 June
    (s.336(1)). AGMs 2019-05-21, 2020-05-27 (closed meeting), 2021-05-12 (online; the Act does
    not restrict the format here), 2022-05-12, 2023-04-27, 2024-04-25, 2025-04-17: by hand
    2019-2025 met; as of 2025-12-01 the 2025 window closed on 30 June, so nothing is open."""
    out = _real("bp-agm", "--today", "2025-12-01")
    assert _verdicts(out, "agm") == {str(y): "met" for y in range(2019, 2026)}
    assert out["exit"] == 0


# -- numbers the register skips --------------------------------------------------------------------
#
# A register that records the 9th and the 11th Forum says, by its own numbering, that a 10th was
# held between them. A window that 10th may have filled is not proved short: `unknown` (as in a
# period whose records are not known complete), never `missed` (CICA's Think Tank Forum has this
# very gap, which is why its rule book judges it only from 2023).


def _numbered(tmp_path, book: str, rows: str, *args: str) -> dict:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--meetings", str(meetings), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    out = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def test_a_number_the_register_skips_makes_the_window_it_may_fill_unknown(tmp_path):
    """Once a year from 2021: the 9th on 2021-12-28 and the 11th on 2023-08-28 (CICA's Think
    Tank Forum). The 10th opened between those days; nothing recorded in 2022. By hand: 2021
    met, 2022 unknown (the 10th may have been held then), 2023 met, 2024 open; no violation."""
    rows = "board,regular,9,2021-12-28,,held,\nboard,regular,11,2023-08-28,,held,\n"
    out = _numbered(tmp_path, _book("established = 2021-01-01\n" + _rule(YEARLY)), rows, "--today", "2024-06-01")
    assert _verdicts(out) == {"2021": "met", "2022": "unknown", "2023": "met", "2024": "open"}
    assert "the 10th is not recorded and may have been held in this window" in _finding(out, "2022")["why"]
    assert out["exit"] == 0


def test_a_skipped_number_accounted_for_leaves_the_window_missed(tmp_path):
    """The same, with the 10th recorded as cancelled (its number is accounted for), or with an
    unnumbered meeting between the 9th and the 11th (it may be the 10th, and it is in 2023):
    nothing can have been held in 2022: missed, exit 1."""
    book = _book("established = 2021-01-01\n" + _rule(YEARLY))
    for middle in ("board,regular,10,2022-06-01,,cancelled,\n", "board,regular,,2023-02-01,,held,\n"):
        rows = "board,regular,9,2021-12-28,,held,\n" + middle + "board,regular,11,2023-08-28,,held,\n"
        out = _numbered(tmp_path, book, rows, "--today", "2024-06-01")
        assert _verdicts(out)["2022"] == "missed" and out["exit"] == 1


def test_one_skipped_number_cannot_fill_a_window_short_of_two(tmp_path):
    """Twice a year: the 10th and 11th in 2021, the 13th and 14th in 2023; the 12th is not
    recorded. In 2022 even the 12th would make 1 of 2: missed stays missed."""
    rows = "board,regular,10,2021-03-01,,held,\nboard,regular,11,2021-09-01,,held,\nboard,regular,13,2023-03-01,,held,\nboard,regular,14,2023-09-01,,held,\n"
    out = _numbered(tmp_path, _book("established = 2021-01-01\n" + _rule('kind = "at_least"\ncount = 2\nper = "year"')), rows, "--today", "2024-01-02")
    assert _verdicts(out)["2022"] == "missed"


def test_numbers_run_per_kind(tmp_path):
    """Special meetings are numbered apart. Regular: 1st 2021-05-01, 2nd 2023-05-01 (no number
    skipped). Special: 1st 2021-06-01, 3rd 2023-06-01 (the 2nd special may be of 2022). Once a
    year, counting regular meetings: the unrecorded special session cannot fill 2022: missed."""
    rows = "board,regular,1,2021-05-01,,held,\nboard,special,1,2021-06-01,,held,\nboard,special,3,2023-06-01,,held,\nboard,regular,2,2023-05-01,,held,\n"
    out = _numbered(tmp_path, _book("established = 2021-01-01\n" + _rule(YEARLY)), rows, "--today", "2024-01-02")
    assert _verdicts(out)["2022"] == "missed"


def test_sco_heads_of_state_once_a_year_read_both_ways():
    """SCO Charter art. 6: "regular meetings once a year", as two rules in force together
    (at least once, at most once; the Charter in force 2003-09-19, so 2003, whose first day
    came before it, is no whole year of the floor; the ceiling judges what was held from
    2003-09-19). Summits 2004-2025, one a year (2020 and 2023 by video, 2025 across 31
    August - 1 September: it counts in 2025, where it opened). By hand, as of 2025-12-01: at
    least once: 2004-2025 met; at most once: 2003-09-19..2003-12-31 met (none held),
    2004-2024 met, 2025 open (the year is still running and one more would break it)."""
    out = _real("sco", "--today", "2025-12-01")
    assert _verdicts(out, "chs", rule=0) == {str(y): "met" for y in range(2004, 2026)}
    assert _verdicts(out, "chs", rule=1) == {"2003-09-19..2003-12-31": "met"} | {str(y): "met" for y in range(2004, 2025)} | {"2025": "open"}
    assert out["exit"] == 0


# -- leap days ----------------------------------------------------------------------------------------


def test_a_gap_of_months_from_29_february_ends_on_28_february(tmp_path):
    """`max_gap = "12m"` from a meeting on 2020-02-29: 2021 has no 29 February, and 12 calendar
    months run to its last day in February, 2021-02-28 (the corresponding-day rule, as
    dateutil and s.96-style "fifteen months" count). A meeting on 2021-03-01 is 1 day late; on
    2021-02-28 it is met."""
    rule = _rule(f'{YEARLY}\nmax_gap = "12m"')
    book = _book("established = 2020-01-01\n" + rule)
    out = _check(tmp_path, book, "board,regular,2020-02-29,,held,,\nboard,regular,2021-03-01,,held,,\n", "--today", "2021-06-01")
    gap = _finding(out, "2020-03-01..2021-02-28")
    assert gap["verdict"] == "late" and gap["delay"] == "1 day"
    out = _check(tmp_path, book, "board,regular,2020-02-29,,held,,\nboard,regular,2021-02-28,,held,,\n", "--today", "2021-06-01")
    assert _finding(out, "2020-03-01..2021-02-28")["verdict"] == "met"


def test_every_48_months_from_29_february_and_every_4_years(tmp_path):
    """Meetings on 29 February 2016, 2020 and 2024. `every 48m` (months): due by the end of
    February four years on: 2020-02 met, 2024-02 met, 2028-02 open on 2025-03-01. `every 4y`
    (years) with nothing after 2020-02-29: 2024 due; on 2025-03-01 without the 2024 meeting it
    is missed, and 2028 is open."""
    rows = "board,regular,2016-02-29,,held,,\nboard,regular,2020-02-29,,held,,\n"
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "48m"')), rows + "board,regular,2024-02-29,,held,,\n", "--today", "2025-03-01")
    assert _verdicts(out) == {"2020-02": "met", "2024-02": "met", "2028-02": "open"}
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "4y"')), rows, "--today", "2025-03-01")
    assert _verdicts(out) == {"2020": "met", "2024": "missed", "2028": "open"}


# -- versions of one `before` rule ------------------------------------------------------------------
#
# README: versions of one `after` rule follow each meeting of the other body under the version in
# force on the day it opened (tests/semantics/test_semantics_audit2.py). `before` hangs on the same meeting,
# so the same holds: "within N before each Summit" is the version in force when the Summit meets.

_BEFORE_VERSIONS = 'id = "b"\nkind = "before"\nbody = "summit"\n'


def test_versions_of_a_before_rule_follow_the_version_in_force_when_the_origin_met(tmp_path):
    """"Within 1 month before each Summit" until 2020-12-31, "within 2 months" from
    2021-01-01. A Summit on 2021-01-15 meets under the second: its Board is due in
    [2020-11-15, 2021-01-14], and the Board of 2020-12-01 is in it: met (it was missed under
    the first version, chosen by the window's first day, 2020-12-15). One window, not two."""
    rules = _rule(_BEFORE_VERSIONS + 'offset = "1m"\nuntil = 2020-12-31') + _rule(_BEFORE_VERSIONS + 'offset = "2m"\nsince = 2021-01-01')
    rows = "summit,regular,2021-01-15,,held,,\nboard,regular,2020-12-01,,held,,\n"
    out = _check(tmp_path, _book(rules, others=SUMMIT), rows, "--today", "2022-01-01")
    assert _verdicts(out) == {"2020-11-15..2021-01-14": "met"}
    assert _finding(out, "2020-11-15..2021-01-14")["rule"] == 1


def test_a_summit_under_a_before_rule_has_a_meeting_due_even_when_its_window_starts_in_a_gap(tmp_path):
    """The first version ends 2020-10-31, the second begins 2021-01-01: the window of a Summit
    on 2021-01-15 under the second begins 2020-11-15, in the gap. The Summit met under the
    second version, so its Board is due ("nothing due" was the answer): the Board of
    2020-12-01 meets it. Without that Board: missed."""
    rules = _rule(_BEFORE_VERSIONS + 'offset = "1m"\nuntil = 2020-10-31') + _rule(_BEFORE_VERSIONS + 'offset = "2m"\nsince = 2021-01-01')
    book = _book(rules, others=SUMMIT)
    out = _check(tmp_path, book, "summit,regular,2021-01-15,,held,,\nboard,regular,2020-12-01,,held,,\n", "--today", "2022-01-01")
    assert _verdicts(out) == {"2020-11-15..2021-01-14": "met"}
    out = _check(tmp_path, book, "summit,regular,2021-01-15,,held,,\n", "--today", "2022-01-01")
    assert _verdicts(out) == {"2020-11-15..2021-01-14": "missed"}


def test_within_with_partial_dates_at_its_edges(tmp_path):
    """Financial years from 1 April, AGM within the first 6 months (April to September).
    `2022-09` lies inside FY2022-23's six months: met. `2023` (year only) may be January-March
    2023 (FY2022-23, after its six months), April-September (FY2023-24's six months) or later:
    FY2023-24 uncertain, and FY2022-23's why does not call it "after the first 6 months" (it
    may not be). `2025-03` is in FY2024-25 but after its six months: FY2024-25 missed, naming
    it. FY2025-26 open on 2025-06-01, due by 2025-09-30."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nyear_start = "04-01"\nwithin = "6m"')
    rows = "board,regular,2022-09,,held,,\nboard,regular,2023,,held,,\nboard,regular,2025-03,,held,,\n"
    out = _check(tmp_path, _book("established = 2022-04-01\n" + rule), rows, "--today", "2025-06-01")
    assert _verdicts(out) == {"2022-04..2022-09": "met", "2023-04..2023-09": "uncertain", "2024-04..2024-09": "missed", "2025-04..2025-09": "open"}
    assert "Board 2023 " not in _finding(out, "2022-04..2022-09")["why"] + " "
    assert "Not counted: Board 2025-03 (after 2024-09-30, the end of the first 6 months of FY2024-25)" in _finding(out, "2024-04..2024-09")["why"]


def test_removing_a_meeting_can_meet_the_next_year_under_min_gap(tmp_path):
    """Why tests/check/test_properties.py's "removing a meeting never turns missed into met" leaves
    `min_gap` rules out: once a year, `min_gap = "60d"`, 2019-12-20 and 2020-01-10: 2020 is
    missed (the two count once, in 2019). Without the December meeting, 2019 is missed and
    2020 met: removing a meeting turned 2020 from missed into met, as the rule's words say."""
    rule = _book("established = 2019-01-01\n" + _rule(f'{YEARLY}\nmin_gap = "60d"'))
    both = _check(tmp_path, rule, "board,regular,2019-12-20,,held,,\nboard,regular,2020-01-10,,held,,\n", "--today", "2021-01-15")
    one = _check(tmp_path, rule, "board,regular,2020-01-10,,held,,\n", "--today", "2021-01-15")
    assert (_verdicts(both)["2020"], _verdicts(one)["2020"]) == ("missed", "met")


@settings(max_examples=int(os.environ.get("PLANNER_HYPOTHESIS_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["year", "half", "quarter", "month"]),
    st.sampled_from(["year", "half", "quarter", "month"]),
    st.dates(date(2003, 1, 1), date(2020, 12, 31)),
    st.integers(0, 40),
    st.lists(st.dates(date(2000, 1, 1), date(2025, 12, 31)), max_size=40),
)
def test_versions_of_a_per_period_rule_never_judge_a_day_twice(first, second, until, gap, days):
    """Two versions of one `at_least` rule, any two periods, the second beginning `gap` days
    after the first ends: their windows never overlap, and no meeting is counted by two of
    them (README, Semantics: versions of one rule never judge a day twice)."""
    since = until + timedelta(days=gap + 1)
    book = parse_rulebook({
        "organization": {"id": "o", "name": "Org", "short_name": "O"},
        "bodies": [{"id": "board", "name": "Board", "category": "governing", "established": "2000-01-01", "rules": [
            {"id": "r", "kind": "at_least", "count": 1, "per": first, "until": until.isoformat()},
            {"id": "r", "kind": "at_least", "count": 1, "per": second, "since": since.isoformat()},
        ]}],
    })
    meetings = [Meeting(body="board", start=PartialDate.of(day)) for day in days]
    findings = [f for f in check(book, meetings, date(2026, 1, 1)).findings if f.expectation is not None]
    windows = sorted((f.expectation.window.start, f.expectation.window.end) for f in findings)
    assert all(a[1] < b[0] for a, b in zip(windows, windows[1:], strict=False)), windows
    counted = [id(m) for f in findings for m in f.counted]
    assert len(counted) == len(set(counted))


# -- what the engine does not infer (README, Semantics) -------------------------------------------


EVERY_2Y_UNTIL_2015 = _rule('kind = "every"\ninterval = "2y"\nuntil = 2015-12-31')


def test_a_rolling_window_past_the_end_of_a_rule_is_judged_only_to_its_end(tmp_path):
    """`every 2y` rolling `until = 2015-12-31`, no later version; meetings 2014-05-01 and
    2015-06-01. By hand: after 2014-05-01 a meeting is due by the end of 2016; 2015-06-01
    answers it (2016 met). The window after 2015-06-01 opens 2015-06-02 and would be due by
    2017-12-31, but the rule ended on 2015-12-31 and nothing was held from 2015-06-02 to
    2015-12-31: while the rule was in force nothing was yet due, so a secretariat reads no
    violation in 2017 (the rule required nothing after its end): no finding, exit 0. (The
    second audit judged 2017 missed.)"""
    rows = "board,regular,2014-05-01,,held,,\nboard,regular,2015-06-01,,held,,\n"
    out = _check(tmp_path, _book(EVERY_2Y_UNTIL_2015), rows, "--today", "2020-06-01")
    assert _verdicts(out) == {"2016": "met"}
    assert out["exit"] == 0


def test_a_rolling_window_past_the_end_of_a_rule_met_before_its_end_stays_met(tmp_path):
    """The same rule; meetings 2013-05-01, 2014-06-01, 2015-03-01 and 2016-03-01. By hand:
    after 2013-05-01 due by the end of 2015, answered 2014-06-01: 2015 met. After 2014-06-01
    due by the end of 2016, past the rule's end, but answered on 2015-03-01 while the rule was
    in force: 2016 met. After 2015-03-01 due 2017: nothing held by 2015-12-31, no finding; the
    meeting of 2016-03-01 answers nothing, the rule had ended."""
    rows = "board,regular,2013-05-01,,held,,\nboard,regular,2014-06-01,,held,,\nboard,regular,2015-03-01,,held,,\nboard,regular,2016-03-01,,held,,\n"
    out = _check(tmp_path, _book(EVERY_2Y_UNTIL_2015), rows, "--today", "2020-06-01")
    assert [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f.get("window")] == [("2015", "met"), ("2016", "met")]


def test_a_silence_running_past_the_end_of_a_rule_is_missed_only_to_its_end(tmp_path):
    """`every 1y` rolling `until = 2017-12-31`, one meeting 2014-05-01, nothing since. By hand:
    due 2015 (missed), then one interval after each missed window: 2016 missed, 2017 missed
    (its deadline, 2017-12-31, is the rule's last day). 2018 would open on 2018-01-01, after the
    end: nothing. Exit 1 (3 violations)."""
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "1y"\nuntil = 2017-12-31')), "board,regular,2014-05-01,,held,,\n", "--today", "2020-06-01")
    assert _verdicts(out) == {"2015": "missed", "2016": "missed", "2017": "missed"}


def test_a_rolling_window_across_the_seam_of_two_versions_is_still_judged(tmp_path):
    """With a later version from the day after the end, the rule has not ended: every 4 years
    until 2015, then every 2 years; meetings 2015-05-01 and 2020-05-01 (README, "Versions of
    one rolling rule are one chain"). By hand: after 2015-05-01 the window opens under the first
    version (due 2019), which the second version does not end: 2019 late (2020-05-01)."""
    book = _book(_rule('id = "r"\nkind = "every"\ninterval = "4y"\nuntil = 2015-12-31') + _rule('id = "r"\nkind = "every"\ninterval = "2y"\nsince = 2016-01-01'))
    out = _check(tmp_path, book, "board,regular,2015-05-01,,held,,\nboard,regular,2020-05-01,,held,,\n", "--today", "2021-06-01")
    assert _verdicts(out, rule=0)["2019"] == "late"


YEARLY_FROM_2021 = "established = 2021-01-01\n" + _rule(YEARLY)


def test_a_number_on_two_rows_is_one_meeting_in_two_parts(tmp_path):
    """Twice a year: the 5th session on 2021-03-01 and again (resumed) on 2021-09-01, two rows
    with one number. A number identifies one meeting: the rows are its two parts, counted once,
    so 2021 holds 1 of the 2 required: missed (the third audit counted two meetings, met)."""
    rows = "board,regular,5,2021-03-01,,held,\nboard,regular,5,2021-09-01,,held,\n"
    out = _numbered(tmp_path, _book("established = 2021-01-01\n" + _rule('kind = "at_least"\ncount = 2\nper = "year"')), rows, "--today", "2022-01-02")
    assert _verdicts(out)["2021"] == "missed"


def test_a_meeting_in_two_parts_counts_in_the_period_of_its_first_part(tmp_path):
    """Once a year from 2021: the 5th session opens 2021-11-15 and resumes 2022-03-01; nothing
    else. By hand: one meeting, opening in 2021: 2021 met; 2022 has no meeting of its own:
    missed (counting the resumed part would have met 2022 with a session of 2021)."""
    rows = "board,regular,5,2021-11-15,,held,\nboard,regular,5,2022-03-01,,held,\n"
    out = _numbered(tmp_path, _book(YEARLY_FROM_2021), rows, "--today", "2023-01-02")
    assert {k: v for k, v in _verdicts(out).items() if k in ("2021", "2022")} == {"2021": "met", "2022": "missed"}
    assert "Not counted: Board 2022-03-01 (5th) (the same number as Board 2021-11-15 (5th): one meeting, counted there)." in _finding(out, "2022")["why"]


def test_a_called_off_row_beside_a_held_one_with_its_number_is_no_part(tmp_path):
    """Once a year from 2021: the 5th planned for 2021-12-01 and postponed, then held on
    2022-02-01 (two rows, one number). The postponed row says the 5th was not held on its
    dates: the held row is the meeting, in 2022. By hand: 2021 missed, 2022 met."""
    rows = "board,regular,5,2021-12-01,,postponed,\nboard,regular,5,2022-02-01,,held,\n"
    out = _numbered(tmp_path, _book(YEARLY_FROM_2021), rows, "--today", "2023-01-02")
    assert {k: v for k, v in _verdicts(out).items() if k in ("2021", "2022")} == {"2021": "missed", "2022": "met"}


def test_numbers_run_per_kind_and_per_body_so_only_those_rows_are_parts():
    """The regular 5th and the special 5th are two meetings, as are the Board's and the
    Summit's 5th; the regular 5th of the Board on three rows is one meeting whose first part
    is the earliest row, whatever the register's order."""
    from planner.core.meeting import later_parts
    from planner.core.vocabulary import Kind

    def row(body: str, kind: Kind, day: str) -> Meeting:
        return Meeting(body=body, start=PartialDate.parse(day), kind=kind, ordinal=5)

    late, first, middle = row("board", Kind.REGULAR, "2021-09-01"), row("board", Kind.REGULAR, "2021-03-01"), row("board", Kind.REGULAR, "2021-06-01")
    others = [row("board", Kind.SPECIAL, "2021-04-01"), row("summit", Kind.REGULAR, "2021-05-01")]
    parts = later_parts([late, *others, first, middle])
    assert parts == {id(late): first, id(middle): first}
    assert later_parts([first, *others]) == {}


def test_a_plan_left_beside_the_held_row_of_its_number_is_superseded(tmp_path):
    """Once a year from 2021: the 5th recorded planned for 2021-03-01 (never updated) and held
    on 2021-06-01. The held row says what happened: it is the meeting, and the stale plan is
    no second meeting nor an unconfirmed one. By hand: 2021 met (not uncertain)."""
    rows = "board,regular,5,2021-03-01,,planned,\nboard,regular,5,2021-06-01,,held,\n"
    out = _numbered(tmp_path, _book(YEARLY_FROM_2021), rows, "--today", "2022-01-02")
    assert _verdicts(out)["2021"] == "met"


def test_a_later_register_keeps_the_parts_of_a_meeting_it_does_not_name(tmp_path):
    """`--meetings` twice: the first register has the 5th in two parts (2021-11-15, resumed
    2022-03-01), the second adds the 6th on 2023-05-01. The overlay replaces rows by number
    only across registers, so both parts stay (it used to keep the last part alone, moving
    the 5th into 2022). By hand, once a year from 2021: 2021 met, 2022 missed, 2023 met, 2024 open."""
    rules, base, more = tmp_path / "rules.toml", tmp_path / "base.csv", tmp_path / "more.csv"
    rules.write_text(_book(YEARLY_FROM_2021), encoding="utf-8")
    head = "body,kind,ordinal,start,end,status,city\n"
    base.write_text(head + "board,regular,5,2021-11-15,,held,\nboard,regular,5,2022-03-01,,held,\n", encoding="utf-8")
    more.write_text(head + "board,regular,6,2023-05-01,,held,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--meetings", str(base), "--meetings", str(more), "--format", "json", "--today", "2024-01-02"])
    assert _verdicts(json.loads(result.stdout)) == {"2021": "met", "2022": "missed", "2023": "met", "2024": "open"}


def test_a_later_register_replaces_every_part_of_a_meeting(tmp_path):
    """The same two parts of the 5th, and a second register recording the 5th as one session
    held 2022-06-01: the later row replaces the meeting whole. By hand: 2021 missed, 2022 met."""
    rules, base, more = tmp_path / "rules.toml", tmp_path / "base.csv", tmp_path / "more.csv"
    rules.write_text(_book(YEARLY_FROM_2021), encoding="utf-8")
    head = "body,kind,ordinal,start,end,status,city\n"
    base.write_text(head + "board,regular,5,2021-11-15,,held,\nboard,regular,5,2022-03-01,,held,\n", encoding="utf-8")
    more.write_text(head + "board,regular,5,2022-06-01,,held,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--meetings", str(base), "--meetings", str(more), "--format", "json", "--today", "2023-01-02"])
    assert {k: v for k, v in _verdicts(json.loads(result.stdout)).items() if k in ("2021", "2022")} == {"2021": "missed", "2022": "met"}


def test_one_loose_meeting_between_two_windows_leaves_both_uncertain(tmp_path):
    """Once a half-year: one meeting known only as `2021`. It fills 2021 H1 or 2021 H2, not
    both, so one of them is short; the register does not say which: both uncertain, and no
    violation is counted (exit 0)."""
    out = _check(tmp_path, _book("established = 2021-01-01\n" + _rule('kind = "at_least"\ncount = 1\nper = "half"')), "board,regular,2021,,held,,\n", "--today", "2022-01-02")
    assert _verdicts(out) == {"2021 H1": "uncertain", "2021 H2": "uncertain", "2022 H1": "open"}
    assert out["exit"] == 0
    # the why says what the summary cannot: the meeting fills one of the two, not both
    stated = "One meeting fills only one of 2021 H1 and 2021 H2: Board 2021 cannot meet more than one of them, and the register does not say which."
    assert stated in _finding(out, "2021 H1")["why"] and stated in _finding(out, "2021 H2")["why"]


def test_a_loose_meeting_within_one_period_says_nothing_of_others(tmp_path):
    """Once a half-year: one meeting known only as `2021-03`, inside 2021 H1: 2021 H1 met (no
    doubt), 2021 H2 missed; no why speaks of a meeting filling one of several windows."""
    out = _check(tmp_path, _book("established = 2021-01-01\n" + _rule('kind = "at_least"\ncount = 1\nper = "half"')), "board,regular,2021-03,,held,,\n", "--today", "2022-01-02")
    assert _verdicts(out) == {"2021 H1": "met", "2021 H2": "missed", "2022 H1": "open"}
    assert not any("fills only one of" in f["why"] for f in out["findings"])
