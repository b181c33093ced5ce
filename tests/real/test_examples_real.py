"""The example rule books of real organizations (issue 9, section 5), judged by hand.

Each expected table was worked out from the rule's text and a calendar before the engine was
run: the statutory days below are counted in the comments. The registers cite a source per row.
"""

from __future__ import annotations

from functools import cache

from planner.engine.judging.compliance import Report, check
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook
from tests.check.test_examples import EXAMPLES, TODAY, _cli


@cache
def _report(name: str) -> Report:
    book = load_rulebook(EXAMPLES / f"{name}.toml")
    return check(book, load_meetings(EXAMPLES / f"{name}-meetings.csv", book), today=TODAY[name])


def _table(name: str, body: str) -> list[tuple[str, str]]:
    return [(f.window_label, f.verdict.value) for f in _report(name).of(body)]


def _finding(name: str, body: str, label: str):
    (found,) = [f for f in _report(name).of(body) if f.window_label == label]
    return found


# ---------------------------------------------------------------------------------------------
# United States federal elections

# The Tuesday next after the first Monday in November, even years: 1 Nov 2000 was a Wednesday,
# so Monday the 6th and Tuesday the 7th; 2002: Friday 1st, Monday 4th, Tuesday 5th; ...
ELECTIONS = [
    ("2000-11-07", "met"),
    ("2002-11-05", "met"),
    ("2004-11-02", "met"),  # 1 November 2004 was the first Monday
    ("2006-11-07", "met"),
    ("2008-11-04", "met"),
    ("2010-11-02", "met"),
    ("2012-11-06", "met"),
    ("2014-11-04", "met"),
    ("2016-11-08", "met"),
    ("2018-11-06", "met"),
    ("2020-11-03", "met"),
    ("2022-11-08", "met"),
    ("2024-11-05", "met"),
    ("2026-11-03", "open"),  # next due: 1 November 2026 is a Sunday
]
# First Monday after the second Wednesday of December until the 2022 Act, then the Tuesday:
# 2000: Wednesdays 6 and 13, Monday 18; 2020: Wednesday 9, Monday 14; 2024: Wednesday 11, Tuesday 17.
ELECTORS = [
    ("2000-12-18", "met"),
    ("2004-12-13", "met"),
    ("2008-12-15", "met"),
    ("2012-12-17", "met"),
    ("2016-12-19", "met"),
    ("2020-12-14", "met"),
    ("2024-12-17", "met"),
    ("2028-12-19", "open"),  # 2028: Wednesday 13, Tuesday 19
]
COUNT = [
    ("2001-01-06", "met"),  # a Saturday, and the count was held that day
    ("2005-01-06", "met"),
    ("2009-01-06", "excused"),  # held 8 January, the day H.J.Res. 100 appointed
    ("2013-01-06", "excused"),  # a Sunday; held 4 January under H.J.Res. 122
    ("2017-01-06", "met"),
    ("2021-01-06", "met"),
    ("2025-01-06", "met"),
    ("2029-01-06", "open"),
]


def test_us_elections_findings():
    """Every election day, meeting of the electors and count is on its statutory day."""
    assert _table("us-elections", "election") == ELECTIONS
    assert _table("us-elections", "electors") == ELECTORS
    assert _table("us-elections", "count") == COUNT


def test_us_electors_rule_changed_in_2022():
    """2020 is judged by the Monday rule, 2024 by the Tuesday rule of the 2022 Act."""
    assert _finding("us-elections", "electors", "2020-12-14").rule_text.startswith("on the Monday next after the second Wednesday in December")
    assert _finding("us-elections", "electors", "2024-12-17").rule_text.startswith("on the Tuesday next after the second Wednesday in December")


def test_us_count_moved_by_law_is_excused_with_its_source():
    """The 2013 count, held on 4 January by law, is excused, citing the joint resolution."""
    found = _finding("us-elections", "count", "2013-01-06")
    assert not found.violation
    assert "held Electoral count 2013-01-04 (Washington), 2 days before, not on the rule's date" in found.why
    assert "Excused: 2013-01-06: 6 January 2013 was a Sunday; moved to 4 January 2013 by law (H.J.Res. 122" in found.why


def test_us_count_on_a_saturday_is_a_projection_problem():
    """6 January 2029 is a Saturday: projection reports it and places nothing else that day."""
    from tests.check.test_examples import _projection

    (problem,) = _projection("us-elections").problems
    assert problem.label == "2029-01-06"
    assert "due on 6 January 2029, but 2029-01-06 is a weekend day in United States; the rule fixes the day" in problem.message
    assert not [m for m in _projection("us-elections").projected if m.body == "count" and m.start.earliest.year == 2029]


def test_us_elections_exit_0():
    """Nothing off its day: planner check exits 0."""
    assert _cli("us-elections") == 0


# ---------------------------------------------------------------------------------------------
# United Nations General Assembly

# The Tuesday of the third week of September, week 1 being the first with a working day:
# 2003: 1 September a Monday, week 3 from Monday 15, Tuesday 16; 2007: 1 September a Saturday,
# week 1 from Monday 3, week 3 from Monday 17, Tuesday 18; 2012: Saturday 1st, so Tuesday 18;
# 2017: Friday 1st counts, week 1 from Monday 28 August, week 3 from 11 September, Tuesday 12.
UNGA = [
    ("2003-09-16", "met"),
    ("2004-09-14", "met"),
    ("2005-09-13", "met"),
    ("2006-09-12", "met"),
    ("2007-09-18", "met"),
    ("2008-09-16", "met"),
    ("2009-09-15", "met"),
    ("2010-09-14", "met"),
    ("2011-09-13", "met"),
    ("2012-09-18", "met"),
    ("2013-09-17", "met"),
    ("2014-09-16", "met"),
    ("2015-09-15", "met"),
    ("2016-09-13", "met"),
    ("2017-09-12", "met"),
    ("2018-09-18", "met"),
    ("2019-09-17", "met"),
    ("2020-09-15", "met"),
    ("2021-09-14", "met"),
    ("2022-09-13", "met"),
    ("2023-09-12", "open"),  # as listed in A/INF/71/1
]


def test_unga_findings():
    """Every opening from the 58th to the 77th session fell on the day rule 1 gives."""
    assert _table("unga", "general_assembly") == UNGA
    assert _cli("unga") == 0


def test_unga_rule_before_2003_judges_nothing_here():
    """The older 'Tuesday following the second Monday' version ended before the first row."""
    assert {f.expectation.rule_index for f in _report("unga").findings} == {1}


# ---------------------------------------------------------------------------------------------
# BRICS

BRICS = [(str(year), "met") for year in range(2009, 2020)] + [("2020", "advisory"), ("2021", "advisory"), ("2022", "advisory")] + [(str(year), "met") for year in range(2023, 2026)]


def test_brics_findings():
    """Summits in person every year except the three held by video (2020-2022): advisories."""
    assert _table("brics", "summit") == BRICS
    assert _cli("brics") == 0  # a customary rule: advisories are not violations


def test_brics_online_summit_is_named_as_not_counted():
    """The 12th summit, by video, shows in the why as not counted."""
    found = _finding("brics", "summit", "2020")
    assert "Not counted: online: Summit 2020-11-17 (12th)." in found.why
    assert found.rule_text == "in practice once a year (customary), in person only"


# ---------------------------------------------------------------------------------------------
# World Health Organization

WHA = [(str(year), "met") for year in range(2015, 2026)]  # 2020 and 2021 online, still counted
EB = [(str(year), "met") for year in range(2015, 2026)]
# The Board's session within five months before each Assembly: windows end the day before it.
EB_BEFORE = [
    ("2014-12-18..2015-05-17", "met"),  # January 2015, before the Assembly of 18 May
    ("2015-12-23..2016-05-22", "met"),
    ("2016-12-22..2017-05-21", "met"),
    ("2017-12-21..2018-05-20", "met"),
    ("2018-12-20..2019-05-19", "met"),
    ("2019-12-18..2020-05-17", "met"),  # February 2020
    ("2020-12-24..2021-05-23", "met"),
    ("2021-12-22..2022-05-21", "met"),
    ("2022-12-21..2023-05-20", "met"),
    ("2023-12-27..2024-05-26", "met"),
    ("2024-12-19..2025-05-18", "met"),  # February 2025
]


def test_who_findings():
    """Every year has its Assembly and two Board sessions; each Assembly its Board before it."""
    assert _table("who", "wha") == WHA
    table = _table("who", "eb")
    assert [row for row in table if "-" not in row[0]] == EB
    assert [row for row in table if "-" in row[0]] == EB_BEFORE
    assert _cli("who") == 0


def test_who_special_session_does_not_count_or_start_a_window():
    """The 2nd special session (November 2021) neither counts for 2021 nor needs a Board before it."""
    found = _finding("who", "wha", "2021")
    assert [m.ordinal for m in found.counted] == [74]
    assert not [label for label, _ in _table("who", "eb") if label.endswith("2021-11-28")]


def test_who_board_month_only_rows_count_inside_the_window():
    """A Board session known only as 'February 2020' lies wholly inside 17 Dec 2019 - 17 May 2020."""
    found = _finding("who", "eb", "2019-12-18..2020-05-17")
    assert [m.ordinal for m in found.counted] == [146]


# ---------------------------------------------------------------------------------------------
# Asia-Europe Meeting

ASEM_SUMMIT = [(str(year), "met") for year in range(2006, 2019, 2)] + [("2020", "open"), ("2022", "open")]  # 2022: next due
# A Foreign Ministers' Meeting each year, except in a Summit year: even years excused.
ASEM_FMM = [(str(year), "excused" if year % 2 == 0 else "met") for year in range(2006, 2020)] + [("2020", "open")]


def test_asem_findings():
    """Summits in even years, Foreign Ministers in odd ones: nothing missed, seven years excused."""
    assert _table("asem", "summit") == ASEM_SUMMIT
    assert _table("asem", "fmm") == ASEM_FMM
    assert _cli("asem") == 0


def test_asem_summit_year_excuse_names_the_summit():
    """The why of an excused year names the Summit that excused it."""
    found = _finding("asem", "fmm", "2016")
    assert "Excused: Summit 2016-07 (11th, Ulaanbaatar) met in 2016, and no Foreign Ministers' Meeting is due in a period with a Summit." in found.why
    assert found.rule_text == "in practice once a year (customary), except in a period with a Summit"


def test_asem_projection_skips_the_ministers_in_summit_years():
    """Projected Foreign Ministers' Meetings fall only in the years without a projected Summit."""
    from tests.check.test_examples import _projection

    years = {m.body: [] for m in _projection("asem").projected}
    for m in _projection("asem").projected:
        years[m.body].append(m.start.earliest.year)
    assert years["summit"] == [2020, 2022, 2024, 2026, 2028]
    assert years["fmm"] == [2021, 2023, 2025, 2027, 2029]


# ---------------------------------------------------------------------------------------------
# ASEAN Summit: "held twice annually" (Charter, Art. 7(3)(a)), two readings of the counting unit

# Sessions: 36th (June) and 37th (November) 2020 apart; 38th+39th (Oct 2021), 40th+41st (Nov 2022)
# and 44th+45th (Oct 2024) each held together; 42nd (May) and 43rd (Sept) 2023, 46th (May) and
# 47th (Oct) 2025 apart. Counted by session every year has two; counted by gathering 2021, 2022
# and 2024 have one. The register starts in 2020: the Charter's years before are unknown.
ASEAN_SESSIONS = [(str(y), "met") for y in range(2020, 2026)]
ASEAN_GATHERINGS = [("2020", "met"), ("2021", "advisory"), ("2022", "advisory"), ("2023", "met"), ("2024", "advisory"), ("2025", "met")]


def _asean(rule: str) -> list[tuple[str, str]]:
    return [(f.window_label, f.verdict.value) for f in _report("asean").of("summit") if f.rule_id == rule]


def test_asean_counted_by_session_every_year_has_two():
    got = _asean("twice_annually")
    assert got[-6:] == ASEAN_SESSIONS
    assert got[:-6] == [(str(y), "unknown") for y in range(2009, 2020)]


def test_asean_counted_by_gathering_merges_summits_held_together():
    got = _asean("two_gatherings")
    assert got[-6:] == ASEAN_GATHERINGS
    why = _finding_of("asean", "two_gatherings", "2022").why
    assert "Merged" in why and "40th" in why and "41st" in why
    assert not _report("asean").violations


def _finding_of(name: str, rule: str, label: str):
    (found,) = [f for f in _report(name).of("summit") if f.rule_id == rule and f.window_label == label]
    return found


# ---------------------------------------------------------------------------------------------
# European Commission: "at least once a week" (Rules of Procedure, Art. 5), Wednesdays

# Register: the one College meeting a source dates, Wednesday 30 January 2013 (ISO week 5). As of
# Friday 15 February 2013 weeks 2-6 are judged (week 1 began on 31 December 2012, before the
# example's start): week 5 met, the others unknown (no week's records are known complete).
def test_commission_weeks_are_unknown_not_missed_without_complete_records():
    got = [(f.window_label, f.verdict.value) for f in _report("eu-commission").of("college") if f.expectation]
    assert got[:5] == [("2013-W02", "unknown"), ("2013-W03", "unknown"), ("2013-W04", "unknown"), ("2013-W05", "met"), ("2013-W06", "unknown")]
    assert not _report("eu-commission").violations


def test_commission_projected_on_wednesdays_and_never_in_recess():
    from datetime import date

    from planner.engine.planning.projection import project

    book = load_rulebook(EXAMPLES / "eu-commission.toml")
    projection = project(book, load_meetings(EXAMPLES / "eu-commission-meetings.csv", book), date(2013, 2, 15), end=date(2014, 1, 31))
    days = [m.earliest for m in projection.projected]
    assert days and all(d.weekday() in (1, 2) for d in days)  # Tuesday or Wednesday
    assert not [d for d in days if d.month == 8 and d.year == 2013 or date(2013, 12, 21) <= d <= date(2014, 1, 5)]
    # Wednesday 1 May 2013 is Labour Day in Belgium: that week's meeting moves to the Tuesday.
    assert date(2013, 4, 30) in days and date(2013, 5, 1) not in days
