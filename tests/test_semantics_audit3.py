"""A third independent audit of `planner check`'s verdicts (after `test_semantics_audit.py` and
`test_semantics_audit2.py`): the gaps the second audit left open, new hand-computed cases at the
edges (leap days, a period's first and last day, partial dates), and real organizations'
histories under their own rules (tests/audit/: the European Council, the US Federal Open Market
Committee, the African Union Assembly), each rule and row with its source. Every expected
verdict was worked out by hand from DESIGN.md and the README before the tool was run; the
derivation is in the test's docstring."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main
from tests.test_semantics_audit import _book, _check, _finding, _rule, _verdicts

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
    judged, 2020 missed (1 of 2), 2021 open. A gap in the rule book is a gap in what is due."""
    rules = _rule(f'id = "r"\n{YEARLY}\nuntil = 2018-06-30') + _rule('id = "r"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2019-03-01')
    rows = "board,regular,2017-05-01,,held,,\nboard,regular,2018-05-01,,held,,\nboard,regular,2020-03-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2017-01-01\n" + rules), rows, "--today", "2021-01-15")
    assert _verdicts(out) == {"2017": "met", "2018": "met", "2020": "missed", "2021": "open"}


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
