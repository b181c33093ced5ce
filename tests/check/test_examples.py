"""The example rule books and registers, judged by hand.

Each expected table below was written from the rules (DESIGN.md, "Cadence rules") before the
engine was run: one row per finding, ``(body, window label, verdict)``. A shared test then runs
every ``examples/*.toml`` with its ``-meetings.csv`` (and the CICA rule book with its register)
through projection and checks the projection invariant.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.model import Meeting, RuleBook, Status
from planner.engine.judging.compliance import Finding, Report, Verdict, check
from planner.engine.planning.projection import Projection, project
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook
from tests.conftest import days_off

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"

TODAY = {
    "board-quarterly": date(2023, 3, 1),
    "committee-rule-changes": date(2020, 10, 15),
    "annual-assembly": date(2021, 3, 1),
    "treaty-body": date(2020, 2, 15),
    "company-board": date(2025, 12, 1),
    "us-elections": date(2025, 6, 1),
    "unga": date(2023, 6, 1),
    "brics": date(2025, 12, 1),
    "who": date(2025, 12, 1),
    "asem": date(2020, 6, 1),
    "asean": date(2025, 12, 1),
    "eu-commission": date(2013, 2, 15),
    "cica": date(2026, 11, 26),
}
DEFAULT_TODAY = date(2026, 11, 26)  # for examples added later without an entry above
# Windows projection cannot fill, by the rule's own terms: an `on` rule's day that is a weekend.
EXPECTED_PROBLEMS = {
    "us-elections": ["2029-01-06"],  # 6 January 2029 is a Saturday
    # --today is Friday 15 February 2013: no Tuesday or Wednesday left in its week; the summer
    # break runs to Saturday 31 August, leaving week 35 no working day outside it.
    "eu-commission": ["2013-W07", "2013-W35"],
}


@cache
def _load(name: str) -> tuple[RuleBook, list[Meeting]]:
    rules = ROOT / "rules" / "cica.toml" if name == "cica" else EXAMPLES / f"{name}.toml"
    book = load_rulebook(rules)
    return book, load_meetings(EXAMPLES / f"{name}-meetings.csv", book)


@cache
def _report(name: str) -> Report:
    book, meetings = _load(name)
    return check(book, meetings, today=TODAY[name])


def _table(report: Report) -> list[tuple[str, str, str]]:
    return sorted((f.body.id, f.window_label, f.verdict.value) for f in report.findings)


def _finding(report: Report, body: str, label: str, kind: str) -> Finding:
    (found,) = [f for f in report.of(body) if f.window_label == label and f.expectation and f.expectation.rule.kind == kind]
    return found


def _cli(name: str, *extra: str) -> int:
    args = ["check", "--rules", str(EXAMPLES / f"{name}.toml"), "--meetings", str(EXAMPLES / f"{name}-meetings.csv"), "--today", TODAY[name].isoformat(), *extra]
    return CliRunner().invoke(main, args).exit_code


# ---------------------------------------------------------------------------------------------
# 1. A board: at least four times a year, meetings under 60 days apart count once.

BOARD = [
    ("executive_board", "2019", "met"),
    ("executive_board", "2020", "missed"),  # 4 meetings, but 12 March and 2 April are 21 days apart: 3 of 4
    ("executive_board", "2021", "met"),  # 11 March and 10 May are exactly 60 days apart: both count
    ("executive_board", "2022", "met"),  # the extraordinary meeting of July changes nothing
    ("executive_board", "2023", "open"),  # 1 held (16 Feb), 3 still due by 31 December
]


def test_board_quarterly_findings():
    """Each year of the board is judged as worked out by hand from at_least 4 with a 60-day gap."""
    assert _table(_report("board-quarterly")) == sorted(BOARD)


def test_board_meetings_three_weeks_apart_count_once():
    """The resumed meeting three weeks after the adjourned one does not count: 3 of 4 in 2020."""
    found = _finding(_report("board-quarterly"), "executive_board", "2020", "at_least")
    assert [m.ordinal for m in found.counted] == [5, 7, 8]
    assert found.still_due == 1


def test_board_meetings_exactly_min_gap_apart_both_count():
    """Meetings exactly 60 days apart are not closer than the gap: both count in 2021."""
    found = _finding(_report("board-quarterly"), "executive_board", "2021", "at_least")
    assert [m.ordinal for m in found.counted] == [9, 10, 11, 12]


def test_board_open_year_says_what_is_still_due():
    """The running year lists what is still due and by when."""
    found = _finding(_report("board-quarterly"), "executive_board", "2023", "at_least")
    assert (found.still_due, found.due_by) == (3, date(2023, 12, 31))


def test_board_cli_exit_codes():
    """planner check exits 1 on the 2020 shortfall and 0 when judging only from 2021."""
    assert _cli("board-quarterly") == 1
    assert _cli("board-quarterly", "--from", "2021-01-01") == 0


# ---------------------------------------------------------------------------------------------
# 2. A committee whose rule changed twice: 4 a year to 2010, 2 a year 2011-2019, monthly since 2020.

COMMITTEE = [
    # four times a year (until 2010-12-31)
    ("scientific_committee", "2008", "met"),
    ("scientific_committee", "2009", "missed"),  # 3 of 4
    ("scientific_committee", "2010", "met"),
    # twice a year (2011-01-01 .. 2019-12-31)
    ("scientific_committee", "2011", "met"),
    ("scientific_committee", "2012", "met"),
    ("scientific_committee", "2013", "missed"),  # 1 of 2
    ("scientific_committee", "2014", "met"),
    ("scientific_committee", "2015", "met"),
    ("scientific_committee", "2016", "missed"),  # 1 regular + 1 informal: 1 of 2
    ("scientific_committee", "2017", "met"),
    ("scientific_committee", "2018", "met"),  # 3 meetings: more than enough
    ("scientific_committee", "2019", "met"),
    # once a month (since 2020-01-01)
    ("scientific_committee", "2020-01", "met"),
    ("scientific_committee", "2020-02", "met"),
    ("scientific_committee", "2020-03", "met"),
    ("scientific_committee", "2020-04", "missed"),  # no meeting
    ("scientific_committee", "2020-05", "met"),
    ("scientific_committee", "2020-06", "met"),
    ("scientific_committee", "2020-07", "met"),
    ("scientific_committee", "2020-08", "missed"),  # the only meeting was cancelled
    ("scientific_committee", "2020-09", "met"),
    ("scientific_committee", "2020-10", "open"),  # 36th planned for 20 October
]


def test_committee_rule_changes_findings():
    """Each window is judged by the rule version in force on its first day."""
    assert _table(_report("committee-rule-changes")) == sorted(COMMITTEE)


def test_committee_shortfalls_name_the_version_in_force():
    """A shortfall is measured against its own version: 3 of 4 in 2009, 1 of 2 in 2013."""
    report = _report("committee-rule-changes")
    minimum = {label: _finding(report, "scientific_committee", label, "at_least").expectation.minimum for label in ("2009", "2013", "2020-04")}
    assert minimum == {"2009": 4, "2013": 2, "2020-04": 1}
    assert [m.ordinal for m in _finding(report, "scientific_committee", "2009", "at_least").counted] == [5, 6, 7]


def test_committee_cli_exit_code():
    """planner check exits 1 on the committee's missed windows."""
    assert _cli("committee-rule-changes") == 1


# ---------------------------------------------------------------------------------------------
# 3. A General Assembly once a year: special, informal, cancelled and postponed sessions don't count.

ASSEMBLY = [
    ("general_assembly", "2012", "met"),
    ("general_assembly", "2013", "met"),
    ("general_assembly", "2014", "met"),
    ("general_assembly", "2015", "met"),
    ("general_assembly", "2016", "missed"),  # only a special session
    ("general_assembly", "2017", "missed"),  # the regular session was cancelled
    ("general_assembly", "2018", "met"),
    ("general_assembly", "2019", "missed"),  # the regular session was postponed to February 2020
    ("general_assembly", "2020", "met"),  # ... where it counts
    ("general_assembly", "2021", "open"),
]


def test_annual_assembly_findings():
    """A year without a regular session is missed, whatever else the Assembly did that year."""
    assert _table(_report("annual-assembly")) == sorted(ASSEMBLY)


def test_special_session_does_not_count():
    """The 2016 special session is not counted toward the regular session."""
    found = _finding(_report("annual-assembly"), "general_assembly", "2016", "at_least")
    assert found.counted == ()


def test_postponed_session_counts_in_the_year_it_was_held():
    """The 6th session, postponed from November 2019, counts for 2020."""
    found = _finding(_report("annual-assembly"), "general_assembly", "2020", "at_least")
    assert [(m.ordinal, m.start.earliest) for m in found.counted] == [(6, date(2020, 2, 11))]


def test_annual_assembly_cli_exit_codes():
    """planner check exits 1 on the missed years and 0 when judging only from 2020."""
    assert _cli("annual-assembly") == 1
    assert _cli("annual-assembly", "--from", "2020-01-01") == 0


# ---------------------------------------------------------------------------------------------
# 4. A treaty body: COP on a two-year grid from 2011 with 6 months' grace and at most one a
#    year; a quarterly Bureau with loosely dated meetings; a customary yearly panel.

TREATY = [
    # COP every 2 years, grid from 2011, tolerance 6 months
    ("cop", "2011", "met"),
    ("cop", "2013", "met"),
    ("cop", "2015", "met"),  # held 2016-03-14, inside the grace period (to 2016-06-30)
    ("cop", "2017", "late"),  # held 2018-09-24, after the grace period (2018-06-30): 1 year late
    ("cop", "2019", "met"),
    ("cop", "2021", "open"),  # the next grid window
    # COP at most once a year, from entry into force (2010-06-01: the rest of 2010, no session)
    ("cop", "2010-06..2010-12", "met"),
    *[("cop", str(year), "met") for year in (2011, 2012, 2013, 2014, 2015)],
    ("cop", "2016", "excess"),  # the 3rd (March) and 4th (November) sessions
    *[("cop", str(year), "met") for year in (2017, 2018, 2019)],
    ("cop", "2020", "open"),
    # Bureau at least once a quarter, from 2019
    ("bureau", "2019 Q1", "met"),
    ("bureau", "2019 Q2", "met"),
    ("bureau", "2019 Q3", "met"),  # known only to the month, 2019-09: inside Q3
    ("bureau", "2019 Q4", "uncertain"),  # only the meeting known to the year, 2019, could decide it
    ("bureau", "2020 Q1", "open"),
    # Review Panel, customary once a year, from 2016
    ("review_panel", "2016", "met"),
    ("review_panel", "2017", "advisory"),
    ("review_panel", "2018", "met"),
    ("review_panel", "2019", "met"),  # known only to the year: decides a yearly window
    ("review_panel", "2020", "open"),
]


def test_treaty_body_findings():
    """Grid, tolerance, ceiling, quarters and custom are judged as worked out by hand."""
    assert _table(_report("treaty-body")) == sorted(TREATY)


def test_grid_session_within_tolerance_is_met():
    """The 3rd COP (March 2016) meets the 2015 grid window inside its six months' grace."""
    found = _finding(_report("treaty-body"), "cop", "2015", "every")
    assert [m.ordinal for m in found.counted] == [3]
    assert "tolerance" in found.why


def test_grid_session_beyond_tolerance_is_late_by_one_year():
    """The COP due in 2017 came in September 2018, after the grace: 1 year late."""
    found = _finding(_report("treaty-body"), "cop", "2017", "every")
    assert found.verdict is Verdict.LATE
    assert (found.late_meeting.ordinal, found.delay) == (5, "1 year")


def test_at_most_counts_both_sessions_of_2016():
    """Two ordinary sessions in 2016 break the ceiling of one a year."""
    found = _finding(_report("treaty-body"), "cop", "2016", "at_most")
    assert [m.ordinal for m in found.counted] == [3, 4]


def test_year_only_meeting_cannot_decide_a_quarter():
    """A Bureau meeting dated only 2019 leaves 2019 Q4 uncertain; one dated 2019-09 decides Q3."""
    report = _report("treaty-body")
    q3 = _finding(report, "bureau", "2019 Q3", "at_least")
    q4 = _finding(report, "bureau", "2019 Q4", "at_least")
    assert [str(m.start) for m in q3.counted] == ["2019-09"]
    assert [str(m.start) for m in q4.counted] == ["2019"]


def test_customary_shortfall_is_an_advisory_not_a_violation():
    """The Panel's empty 2017 is an advisory, and advisories alone do not fail the check."""
    report = _report("treaty-body")
    assert not _finding(report, "review_panel", "2017", "at_least").violation
    assert _cli("treaty-body") == 1
    assert _cli("treaty-body", "--body", "review_panel") == 0


# ---------------------------------------------------------------------------------------------
# Every example rule book with its register: loads, projects, passes its own projection.


def _pairs() -> Iterator[str]:
    yield "cica"
    for rules in sorted(EXAMPLES.glob("*.toml")):
        if (EXAMPLES / f"{rules.stem}-meetings.csv").is_file():
            yield rules.stem


@cache
def _projection(name: str) -> Projection:
    book, meetings = _load(name)
    return project(book, meetings, TODAY.get(name, DEFAULT_TODAY))


@pytest.mark.parametrize("name", list(_pairs()))
def test_example_passes_its_own_projection(name):
    """Register plus its 10-year projection: nothing missed or late inside the horizon."""
    book, meetings = _load(name)
    today = TODAY.get(name, DEFAULT_TODAY)
    projection = _projection(name)
    report = check(book, [*meetings, *projection.projected], today, end=projection.end)
    broken = [f.why for f in report.findings if f.verdict in (Verdict.MISSED, Verdict.LATE) and f.expectation and f.expectation.window.start >= today]
    assert broken == []
    assert [p.label for p in projection.problems if p.kind != "unconfirmed"] == EXPECTED_PROBLEMS.get(name, [])


@pytest.mark.parametrize("name", list(_pairs()))
def test_example_projection_kept_meets_every_window(name):
    """Were every planned and projected meeting held, each window of the horizon would be met
    (or excused: a window an exception covers needs no meeting)."""
    book, meetings = _load(name)
    today = TODAY.get(name, DEFAULT_TODAY)
    projection = _projection(name)
    kept = [m.model_copy(update={"status": Status.HELD}) if m.status in (Status.PLANNED, Status.PROJECTED) else m for m in [*meetings, *projection.projected]]
    report = check(book, kept, projection.end + timedelta(days=1), end=projection.end)
    broken = [f.why for f in report.findings if f.verdict not in (Verdict.MET, Verdict.OPEN, Verdict.EXCUSED) and f.expectation and f.expectation.window.start >= today and f.window_label not in EXPECTED_PROBLEMS.get(name, [])]
    assert broken == []


@pytest.mark.parametrize("name", list(_pairs()))
def test_example_projection_falls_on_working_days(name):
    """Every day of every projected meeting is a working day of its host country."""
    book, _ = _load(name)
    for meeting in _projection(name).projected:
        assert days_off(book, meeting) == [], f"{meeting.body} {meeting.start}"
