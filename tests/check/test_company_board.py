"""Company boards: financial years, the maximum gap between meetings, relaxations, the first
meeting after incorporation.

The expected findings were worked out by hand from the rules (India's Companies Act 2013 s.173(1),
SEBI Listing Regulations reg. 18(2)(a), MCA General Circular 11/2020, SEBI's 2020 circulars) and
the register ``examples/company-board-meetings.csv``, before the engine was run. Day counts: a
gap runs from the earlier meeting's first day to the later one's (2023-01-19 to 2023-05-19:
12 + 28 + 31 + 30 + 19 = 120 days).
"""

from __future__ import annotations

import json
import tomllib
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.core.dates import Duration, Grain
from planner.core.model import Meeting, PartialDate, RuleBook, Status
from planner.engine.judging.compliance import Finding, Report, Verdict, check
from planner.engine.planning.projection import project
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook, parse_rulebook
from tests.cli.test_cli_basics import _jsonable

ROOT = Path(__file__).resolve().parent.parent.parent
RULES = ROOT / "examples" / "company-board.toml"
REGISTER = ROOT / "examples" / "company-board-meetings.csv"
TODAY = date(2025, 12, 1)


@cache
def _example() -> tuple[RuleBook, list[Meeting]]:
    book = load_rulebook(RULES)
    return book, load_meetings(REGISTER, book)


@cache
def _report() -> Report:
    book, meetings = _example()
    return check(book, meetings, TODAY)


def _finding(body: str, label: str, report: Report | None = None, rule: str = "companies_act") -> Finding:
    """The finding of one window; the board's two rules (the Act, SEBI's regulation) by id."""
    (found,) = [f for f in (report or _report()).of(body) if f.window_label == label and (body != "board" or f.expectation.rule.id == rule)]
    return found


def _days(finding: Finding) -> list[str]:
    return [str(m.start) for m in finding.counted]


# ---------------------------------------------------------------------------------------------
# financial years


@pytest.mark.parametrize(
    ("grain", "day", "year_start", "label", "window"),
    [
        (Grain.YEAR, date(2023, 2, 15), 4, "FY2022-23", ("2022-04-01", "2023-03-31")),
        (Grain.YEAR, date(2023, 4, 1), 4, "FY2023-24", ("2023-04-01", "2024-03-31")),
        (Grain.YEAR, date(1999, 12, 31), 7, "FY1999-00", ("1999-07-01", "2000-06-30")),
        (Grain.HALF, date(2023, 2, 15), 4, "FY2022-23 H2", ("2022-10-01", "2023-03-31")),
        (Grain.QUARTER, date(2022, 4, 30), 4, "FY2022-23 Q1", ("2022-04-01", "2022-06-30")),
        (Grain.QUARTER, date(2023, 2, 15), 4, "FY2022-23 Q4", ("2023-01-01", "2023-03-31")),
        (Grain.YEAR, date(2023, 2, 15), 1, "2023", ("2023-01-01", "2023-12-31")),
        (Grain.QUARTER, date(2023, 2, 15), 1, "2023 Q1", ("2023-01-01", "2023-03-31")),
        (Grain.MONTH, date(2023, 2, 15), 4, "2023-02", ("2023-02-01", "2023-02-28")),
    ],
)
def test_periods_from_a_year_start(grain, day, year_start, label, window):
    """Years, halves and quarters begin in the year's first month and read as FY2022-23; months do not move."""
    index = grain.index(day, year_start)
    assert grain.label(index, year_start) == label
    assert (grain.window(index, year_start).start.isoformat(), grain.window(index, year_start).end.isoformat()) == window


def test_fiscal_year_rule_judges_april_to_march():
    """FY2022-23 of the board runs 2022-04-01..2023-03-31 and counts the four meetings held in it."""
    f = _finding("board", "FY2022-23")
    assert f.verdict is Verdict.MET
    assert (f.expectation.window.start, f.expectation.window.end) == (date(2022, 4, 1), date(2023, 3, 31))
    assert _days(f) == ["2022-05-20", "2022-08-10", "2022-11-09", "2023-01-19"]


BOARD_YEARS = [
    ("FY2016-17", "met"),  # the first financial year that starts after incorporation (2015-06-01)
    ("FY2017-18", "met"),
    ("FY2018-19", "met"),
    ("FY2019-20", "missed"),  # 2019-07-31, 2019-11-13, 2020-02-12: 3 of 4
    ("FY2020-21", "met"),
    ("FY2021-22", "met"),
    ("FY2022-23", "met"),
    ("FY2023-24", "met"),
    ("FY2024-25", "met"),
    ("FY2025-26", "open"),  # 3 held, 1 due by 2026-03-31
]


def test_board_financial_years():
    """Each financial year of the board, judged by hand."""
    years = [(f.window_label, f.verdict.value) for f in _report().of("board") if f.window_label.startswith("FY") and f.expectation.rule.id == "companies_act"]
    assert years == BOARD_YEARS
    # SEBI's rule applies from the listing (2017-10-16): its first whole financial year is FY2018-19
    sebi = [(f.window_label, f.verdict.value) for f in _report().of("board") if f.window_label.startswith("FY") and f.expectation.rule.id == "sebi_lodr"]
    assert sebi == BOARD_YEARS[2:]
    assert _finding("board", "FY2025-26").due_by == date(2026, 3, 31)


def test_organization_year_start_is_the_default_and_a_rule_may_override_it():
    """A rule's own year_start wins over the organization's: 01-01 judges calendar years again."""
    book, meetings = _example()
    board = book.bodies[0]
    calendar = board.model_copy(update={"rules": (board.rules[0].model_copy(update={"year_start": "01-01"}),)})
    report = check(book.model_copy(update={"bodies": (calendar,)}), meetings, TODAY)
    # calendar 2019: 2019-02-11, 2019-07-31, 2019-11-13: 3 of 4
    assert _finding("board", "2019", report).verdict is Verdict.MISSED
    assert _finding("board", "2020", report).verdict is Verdict.MET


# ---------------------------------------------------------------------------------------------
# max_gap


def test_120_days_across_the_year_boundary_is_met():
    """2023-01-19 (FY2022-23) to 2023-05-19 (FY2023-24): 120 days, at most 120 allowed."""
    f = _finding("board", "2023-01-20..2023-05-19")
    assert f.verdict is Verdict.MET
    assert _days(f) == ["2023-01-19", "2023-05-19"]
    assert "gap of 120 days" in f.why


def test_121_days_across_the_year_boundary_is_late():
    """2024-01-24 (FY2023-24) to 2024-05-24 (FY2024-25): 121 days, one day late; both meetings named."""
    f = _finding("board", "2024-01-25..2024-05-23")
    assert f.verdict is Verdict.LATE
    assert f.violation
    assert f.delay == "1 day"
    assert f.late_meeting.start == PartialDate.parse("2024-05-24")
    assert _days(f) == ["2024-01-24", "2024-05-24"]
    assert "gap of 121 days" in f.why and "2024-01-24 (35th" in f.why and "2024-05-24 (36th" in f.why
    assert "due by 2024-05-23" in f.why
    # the audit committee met the day before, 2024-01-23 to 2024-05-23: also 121 days
    assert _finding("audit_committee", "2024-01-24..2024-05-22").verdict is Verdict.LATE


def test_gap_tallies():
    """Board under the Act: 42 meetings, so 41 closed gaps (39 met, 2 late) and one open. Under
    SEBI (from 2017-10-16): the gaps from the 10th meeting (2017-08-11, whose limit 2017-12-09
    falls after the listing) on: 32 closed (30 met, 2 late: 2019 and 2024; 2020 is exempt) and
    one open. Audit committee: 33 meetings, 32 closed gaps (31 met, 1 late) and one open."""
    report = _report()
    for body, rule, met, late, open_ in (("board", "companies_act", 39, 2, 1), ("board", "sebi_lodr", 30, 2, 1), ("audit_committee", None, 31, 1, 1)):
        gaps = [f for f in report.of(body) if ".." in f.window_label and f.expectation.rule.id == rule and f.expectation.window.start != date(2015, 6, 1)]
        verdicts = [f.verdict for f in gaps]
        assert (verdicts.count(Verdict.MET), verdicts.count(Verdict.LATE), verdicts.count(Verdict.OPEN), len(verdicts)) == (met, late, open_, met + late + open_)
    assert _finding("board", "2017-08-12..2017-12-09", rule="sebi_lodr").verdict is Verdict.MET
    assert _finding("board", "2020-02-13..2020-07-31", rule="sebi_lodr").verdict is Verdict.MET


def test_open_gap_says_by_when():
    """Last board meeting 2025-11-12: the next is due by 2026-03-12 (120 days), still open on 2025-12-01."""
    f = _finding("board", "2025-11-13..2026-03-12")
    assert f.verdict is Verdict.OPEN
    assert f.due_by == date(2026, 3, 12)
    assert "due by 2026-03-12" in f.why


# ---------------------------------------------------------------------------------------------
# relaxations


def test_relaxation_turns_a_170_day_gap_of_2020_from_late_into_met():
    """2020-02-12 to 2020-07-31 is 170 days; the later meeting falls in MCA's window (to 2020-09-30): 180 allowed."""
    f = _finding("board", "2020-02-13..2020-08-10")
    assert f.verdict is Verdict.MET
    assert "gap of 170 days" in f.why and "at most 180 days allowed" in f.why
    assert "General Circular 11/2020" in f.source
    book, meetings = _example()
    board = book.bodies[0]
    strict = board.model_copy(update={"rules": (board.rules[0].model_copy(update={"relaxations": ()}),)})
    without = check(book.model_copy(update={"bodies": (strict,)}), meetings, TODAY)
    f = _finding("board", "2020-02-13..2020-06-11", without)
    assert f.verdict is Verdict.LATE
    assert f.delay == "50 days"


def test_relaxation_leaves_the_same_gap_of_2019_late():
    """2019-02-11 to 2019-07-31 is also 170 days, but before the relaxation: 50 days late, due by 2019-06-11."""
    f = _finding("board", "2019-02-12..2019-06-11")
    assert f.verdict is Verdict.LATE
    assert f.delay == "50 days"
    assert "relaxed" not in f.source


def test_relaxation_without_a_maximum():
    """SEBI exempted audit committee meetings of 2019-12-01..2020-07-31 from the gap: 170 days is met."""
    f = _finding("audit_committee", "2020-02-12..2020-07-31")
    assert f.verdict is Verdict.MET
    assert "no maximum in force" in f.why
    assert "2020/38" in f.source


def test_relaxation_of_max_gap_leaves_the_years_rule_alone():
    """FY2020-21 is judged by the unrelaxed count, and its rule reads as the rule book states it."""
    f = _finding("board", "FY2020-21")
    assert f.rule_text == "at least 4 times a year (years from 1 April), at most 120 days apart; the first within 30 days of the founding"
    assert "relaxed" not in f.source


# ---------------------------------------------------------------------------------------------
# first meeting after incorporation


def test_first_meeting_within_30_days_of_incorporation():
    """Incorporated 2015-06-01, first board meeting 2015-06-19: 18 days, within 30."""
    f = _finding("board", "2015-06-01..2015-07-01")
    assert f.verdict is Verdict.MET
    assert "gap of 18 days" in f.why


# ---------------------------------------------------------------------------------------------
# small rule books for the edge cases


BOOK = """
[organization]
id = "acme"
name = "Acme Holdings"
short_name = "ACME"
year_start = "04-01"

[[bodies]]
id = "board"
name = "Board"
category = "governing"
established = {established}

[[bodies.rules]]
kind = "at_least"
count = 1
per = "year"
max_gap = "120d"
{extra}
"""


def _book(extra: str = "", established: str = "2020-01-01") -> RuleBook:
    return parse_rulebook(tomllib.loads(BOOK.format(extra=extra, established=established)))


def _meeting(start: str, end: str | None = None, status: Status = Status.HELD) -> Meeting:
    return Meeting(body="board", start=PartialDate.parse(start), end=PartialDate.parse(end) if end else None, status=status)


def _gaps(book: RuleBook, meetings: list[Meeting], today: date) -> list[tuple[str, str]]:
    return [(f.window_label, f.verdict.value) for f in check(book, meetings, today).of("board") if ".." in f.window_label]


def test_gap_counts_from_the_first_day_by_default():
    """A meeting of 2022-01-10..12, the next on 2022-05-11: 121 days from its first day (late), 119 from its last (met)."""
    meetings = [_meeting("2022-01-10", "2022-01-12"), _meeting("2022-05-11")]
    assert _gaps(_book(), meetings, date(2022, 6, 1))[0] == ("2022-01-13..2022-05-10", "late")
    assert _gaps(_book('gap_from = "last_day"'), meetings, date(2022, 6, 1))[0] == ("2022-01-13..2022-05-12", "met")


def test_meeting_known_only_to_the_month_makes_the_gap_uncertain_when_the_day_decides():
    """From 2022-01-10: a meeting of "2022-05" is 111 to 141 days later (uncertain); one of "2022-04" is 81 to 110 (met)."""
    f = check(_book(), [_meeting("2022-01-10"), _meeting("2022-05")], date(2022, 6, 1)).of("board")
    (gap,) = [x for x in f if x.window_label == "2022-01-11..2022-05-10"]
    assert gap.verdict is Verdict.UNCERTAIN
    assert "111 to 141 days" in gap.why and "known only to 2022-05" in gap.why
    assert _gaps(_book(), [_meeting("2022-01-10"), _meeting("2022-04")], date(2022, 6, 1))[0] == ("2022-01-11..2022-05-10", "met")
    # a month wholly past the limit is late whatever the day: 2022-06 is 142 to 171 days
    assert _gaps(_book(), [_meeting("2022-01-10"), _meeting("2022-06")], date(2022, 7, 1))[0] == ("2022-01-11..2022-05-10", "late")


def test_nothing_held_after_the_limit_is_missed():
    """Last meeting 2022-01-10, nothing since, judged on 2022-06-01: the gap closed on 2022-05-10."""
    (f,) = [x for x in check(_book(), [_meeting("2022-01-10")], date(2022, 6, 1)).of("board") if ".." in x.window_label]
    assert f.verdict is Verdict.MISSED
    assert f.due_by == date(2022, 5, 10)
    assert "2022-01-10" in f.why


def test_cancelled_and_postponed_meetings_do_not_close_a_gap():
    """A postponed meeting inside the gap does not count: 2022-01-10 to 2022-06-01 is 142 days."""
    meetings = [_meeting("2022-01-10"), _meeting("2022-03-01", status=Status.POSTPONED), _meeting("2022-06-01")]
    assert _gaps(_book(), meetings, date(2022, 7, 1))[0] == ("2022-01-11..2022-05-10", "late")


def test_first_meeting_open_then_missed():
    """Established 2025-11-20 with first_within 30d: open on 2025-12-01 (due by 2025-12-20), missed on 2026-01-05."""
    book = _book('first_within = "30d"', established="2025-11-20")
    (f,) = [x for x in check(book, [], date(2025, 12, 1)).of("board") if ".." in x.window_label]
    assert (f.window_label, f.verdict, f.due_by) == ("2025-11-20..2025-12-20", Verdict.OPEN, date(2025, 12, 20))
    (f,) = [x for x in check(book, [], date(2026, 1, 5)).of("board") if x.window_label == "2025-11-20..2025-12-20"]
    assert f.verdict is Verdict.MISSED


def test_projection_keeps_the_maximum_gap():
    """Once a year in November would leave 365-day gaps: the projection adds meetings no later than 120 days apart."""
    book = _book()
    body = book.bodies[0].model_copy(update={"months": (11,)})
    book = book.model_copy(update={"bodies": (body,)})
    meetings = [_meeting("2025-11-12")]
    projection = project(book, meetings, date(2025, 12, 1), end=date(2028, 12, 31))
    days = [m.earliest for m in projection.meetings() if m.status in (Status.HELD, Status.PROJECTED)]
    assert days[0] == date(2025, 11, 12)
    assert len(days) > 4
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    assert max(gaps) <= 120
    # no more meetings than the gap needs: about three quarters of it apart, not twice a quarter
    assert min(gaps) >= 60, gaps
    report = check(book, [*meetings, *projection.projected], date(2025, 12, 1), end=projection.end)
    assert not [f.why for f in report.findings if f.verdict in (Verdict.LATE, Verdict.MISSED) and f.expectation.window.start >= date(2025, 12, 1)]


def test_example_projection_chains_from_the_last_meeting():
    """The board last met 2025-11-12: its next projected meeting is no later than 2026-03-12."""
    book, meetings = _example()
    projection = project(book, meetings, TODAY, end=date(2027, 12, 31))
    first = min(m.earliest for m in projection.projected if m.body == "board")
    assert date(2025, 12, 2) <= first <= date(2026, 3, 12)


# ---------------------------------------------------------------------------------------------
# rule book errors and schema


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('year_start = "04-15"', "the first day of a month as MM-DD"),
        ('first_within = "30d"\n', "first_within needs the day the body was established"),
        ('max_gap = "30d"\nmin_gap = "60d"\n', "min_gap 60d is longer than max_gap 30d"),
        ('[[bodies.rules.relaxations]]\nsince = 2020-03-24\nuntil = 2020-09-30\nsource = "x"', "a relaxation changes nothing"),
        ('[[bodies.rules.relaxations]]\nsince = 2020-09-30\nuntil = 2020-03-24\nmax_gap = "180d"', "until 2020-03-24 is before since 2020-09-30"),
        (
            '[[bodies.rules.relaxations]]\nsince = 2020-03-24\nuntil = 2020-09-30\nmax_gap = "180d"\n[[bodies.rules.relaxations]]\nsince = 2020-09-01\nuntil = 2020-12-31\nmax_gap = "150d"',
            "relaxations overlap on 2020-09-01",
        ),
    ],
)
def test_bad_gap_rules_are_one_line_errors(tmp_path, runner, extra, message):
    """Bad year starts, gaps and relaxations exit 2 with one line naming the file and the key."""
    path = tmp_path / "book.toml"
    text = BOOK.format(extra="", established="2020-01-01")
    if extra.startswith("max_gap"):
        text = text.replace('max_gap = "120d"', extra)
    elif extra.startswith("first_within"):
        text = text.replace("established = 2020-01-01", 'established = "2020-01"') + extra
    else:
        text += extra
    path.write_text(text, "utf-8")
    result = runner.invoke(main, ["validate", "--rules", str(path)])
    assert result.exit_code == 2
    assert message in result.output
    assert str(path) in result.output and "bodies[0]" in result.output
    assert "Traceback" not in result.output


def test_schema_knows_the_company_rules(runner):
    """`planner schema` validates the example rule book and rejects a misspelt relaxation key."""
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    data = _jsonable(tomllib.loads(RULES.read_text("utf-8")))
    jsonschema.validate(data, schema)
    data["bodies"][0]["rules"][0]["relaxations"][0]["max_gapp"] = "180d"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_cli_check_exits_1_on_the_example(runner):
    """Late gaps and a short financial year are violations: the board's 90 windows under two rules
    (51 under the Act, 39 under SEBI's regulation) hold 4 late gaps and 2 short years."""
    result = runner.invoke(main, ["check", "--rules", str(RULES), "--meetings", str(REGISTER), "--today", TODAY.isoformat()])
    assert result.exit_code == 1
    assert "90 judged: 84 met, 4 late, 2 missed" in result.output
    assert "1 late (due 2024-01-24..2024-05-22, held 2024-05-23)" in result.output


def test_readme_company_board_block_loads_and_judges():
    """The README's "Company boards" rule book is valid and judges a 121-day gap across a year end late."""
    import re

    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"<!-- readme-company-board -->\s*```toml\n(.*?)```", readme, re.S)
    assert block
    book = parse_rulebook(tomllib.loads(block.group(1)), "README.md")
    board = [Meeting(body="board", start=PartialDate.parse(d)) for d in ("2015-06-19", "2024-01-24", "2024-05-24")]
    labels = {f.window_label: f.verdict for f in check(book, board, date(2024, 6, 1)).of("board")}
    assert labels["2015-06-01..2015-07-01"] is Verdict.MET
    assert labels["2024-01-25..2024-05-23"] is Verdict.LATE
    assert labels["FY2023-24"] is Verdict.MISSED


def test_to_a_past_day_closes_a_gap_ending_that_day():
    """With --to 2022-05-10, the last day of the gap after 2022-01-10, the gap is final: missed, not open."""
    (f,) = [x for x in check(_book(), [_meeting("2022-01-10"), _meeting("2022-06-01")], date(2022, 7, 1), end=date(2022, 5, 10)).of("board") if ".." in x.window_label]
    assert (f.window_label, f.verdict) == ("2022-01-11..2022-05-10", Verdict.MISSED)


def test_open_gap_names_the_planned_meeting():
    """A planned meeting inside a running gap is shown as scheduled."""
    meetings = [_meeting("2022-01-10"), _meeting("2022-04-20", status=Status.PLANNED)]
    (f,) = [x for x in check(_book(), meetings, date(2022, 3, 1)).of("board") if x.window_label == "2022-01-11..2022-05-10"]
    assert f.verdict is Verdict.OPEN
    assert [str(m.start) for m in f.scheduled] == ["2022-04-20"]
    assert "scheduled: Board 2022-04-20" in f.why


def test_bodies_say_the_financial_year_and_the_first_meeting(runner):
    """`planner bodies` words the rule as a company secretary reads it."""
    result = runner.invoke(main, ["bodies", "--rules", str(RULES)])
    assert result.exit_code == 0
    assert "at least 4 times a year (years from 1 April), at most 120 days apart; the first within 30 days of the founding" in " ".join(result.output.split())  # cells wrap to the width


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.dates(date(2019, 1, 1), date(2021, 6, 30)),
    days=st.integers(1, 400),
    limit=st.integers(30, 200),
    relaxed=st.booleans(),
)
@example(first=date(2020, 2, 1), days=61, limit=60, relaxed=True)  # a relaxation of 120d beside a limit of 60d
def test_gap_verdict_is_the_days_against_the_limit_on_the_later_day(first, days, limit, relaxed):
    """Two meetings `days` apart: met when the days are within the limit in force on the later
    meeting's day (60 more inside a relaxation), late otherwise; the finding names both."""
    extra = f'[[bodies.rules.relaxations]]\nsince = 2020-03-24\nuntil = 2020-09-30\nmax_gap = "{limit + 60}d"' if relaxed else ""
    # the limit goes in before the relaxation: with limit 60 the relaxation's own "120d" is no limit to replace
    book = parse_rulebook(tomllib.loads(BOOK.replace('max_gap = "120d"', f'max_gap = "{limit}d"').format(extra=extra, established="2019-01-01")))
    later = first + timedelta(days=days)
    allowed = limit + 60 if relaxed and date(2020, 3, 24) <= later <= date(2020, 9, 30) else limit
    meetings = [_meeting(first.isoformat()), _meeting(later.isoformat())]
    (f,) = [x for x in check(book, meetings, later + timedelta(days=1)).of("board") if ".." in x.window_label and x.counted and x.counted[0].earliest == first]
    assert f.verdict is (Verdict.MET if days <= allowed else Verdict.LATE)
    assert [m.earliest for m in f.counted] == [first, later]
    assert f"gap of {days} day" in f.why


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    held=st.lists(st.dates(date(2024, 1, 1), date(2025, 12, 31)), max_size=6, unique=True),
    limit=st.integers(60, 200),
    count=st.integers(1, 4),
    year_start=st.sampled_from(["01-01", "04-01", "07-01"]),
)
@example(held=[date(2025, 9, 1)], limit=122, count=1, year_start="01-01")  # the gap's deadline is --today
@example(held=[date(2025, 6, 15)], limit=200, count=1, year_start="01-01")  # (the same, found twice more)
@example(held=[date(2025, 11, 1)], limit=61, count=1, year_start="01-01")
def test_projection_keeps_every_gap_and_every_year(held, limit, count, year_start):
    """Whatever the register, its projection leaves no gap over the limit and no year short.
    The one Problem allowed: a gap whose last day is --today itself (check calls it open, a
    meeting held today meets it; projection begins tomorrow and says so)."""
    text = BOOK.format(extra=f'year_start = "{year_start}"', established="2024-01-01").replace('max_gap = "120d"', f'max_gap = "{limit}d"').replace("count = 1", f"count = {count}")
    book = parse_rulebook(tomllib.loads(text))
    today = date(2026, 1, 1)
    meetings = [_meeting(d.isoformat()) for d in sorted(held)]
    projection = project(book, meetings, today, end=date(2030, 12, 31))
    assert [p.message for p in projection.problems if f"by {today}, which is today" not in p.message] == []
    assert len(projection.problems) <= 1
    report = check(book, [*meetings, *projection.projected], today, end=projection.end)
    assert [f.why for f in report.findings if f.verdict in (Verdict.LATE, Verdict.MISSED) and f.expectation.window.start >= today] == []
    days = [m.earliest for m in projection.projected]
    assert all((b - a).days <= limit for a, b in zip(days, days[1:], strict=False))


def test_relaxed_count_applies_to_the_periods_it_begins():
    """A relaxation to twice a year from 2020-04-01 to 2021-03-31 covers FY2020-21 only: two meetings meet it, not FY2021-22."""
    extra = '[[bodies.rules.relaxations]]\nsince = 2020-04-01\nuntil = 2021-03-31\ncount = 2\nsource = "emergency order"'
    book = parse_rulebook(tomllib.loads(BOOK.format(extra=extra, established="2020-01-01").replace("count = 1", "count = 4").replace('max_gap = "120d"', 'max_gap = "200d"')))
    meetings = [_meeting(d) for d in ("2020-06-01", "2020-12-01", "2021-06-01", "2021-12-01")]
    found = {f.window_label: f for f in check(book, meetings, date(2022, 6, 1)).of("board") if f.window_label.startswith("FY")}
    assert found["FY2020-21"].verdict is Verdict.MET
    assert found["FY2020-21"].rule_text.startswith("at least twice a year")
    assert "relaxed 2020-04-01 to 2021-03-31: emergency order" in found["FY2020-21"].source
    assert found["FY2021-22"].verdict is Verdict.MISSED


def test_gap_in_months():
    """India's annual general meetings: no more than fifteen months between two (Companies Act 2013, s.96(1)).
    From 2022-09-28, 2023-12-28 is fifteen months (met) and 2023-12-29 one day more (late)."""
    book = _book().model_copy(deep=True)
    rule = book.bodies[0].rules[0].model_copy(update={"max_gap": Duration.parse("15m")})
    book = book.model_copy(update={"bodies": (book.bodies[0].model_copy(update={"rules": (rule,)}),)})
    for later, verdict, delay in (("2023-12-28", Verdict.MET, ""), ("2023-12-29", Verdict.LATE, "1 day")):
        (f,) = [x for x in check(book, [_meeting("2022-09-28"), _meeting(later)], date(2024, 1, 5)).of("board") if x.window_label == "2022-09-29..2023-12-28"]
        assert (f.verdict, f.delay) == (verdict, delay)
        assert "at most 15 months allowed" in f.why
