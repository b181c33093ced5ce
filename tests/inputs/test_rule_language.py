"""The rule language for real organizations (issue 9, section 3): dates computed by rule,
exceptions, meetings due before another body's, weekly cadence with recess, sessions held
together, and format filters. Expected verdicts are worked out by hand in each docstring."""

from __future__ import annotations

from datetime import date

import pytest

from planner.core.calendar_dates import DateSpec
from planner.core.dates import PartialDate
from planner.core.errors import InputErrors
from planner.core.model import Kind, Meeting, MeetingFormat, Status
from planner.engine.judging.compliance import check
from planner.engine.planning.projection import project
from planner.inputs.rulebook import parse_rulebook

ORG = {"id": "org", "name": "Org", "short_name": "ORG", "members": [{"name": "United States", "code": "US"}, {"name": "Switzerland", "code": "CH"}]}


def book(*bodies: dict):
    full = [{"name": b["id"].title(), "category": "governing", "host": "fixed", "host_country": "US", **b} for b in bodies]
    return parse_rulebook({"organization": ORG, "bodies": full})


def meet(body: str, start: str, end: str | None = None, status: Status = Status.HELD, ordinal: int | None = None, city: str = "", fmt: MeetingFormat | None = None, kind: Kind = Kind.REGULAR) -> Meeting:
    return Meeting(body=body, start=PartialDate.parse(start), end=PartialDate.parse(end) if end else None, status=status, ordinal=ordinal, city=city, format=fmt, kind=kind)


def table(report, body: str | None = None) -> list[tuple[str, str]]:
    return [(f.window_label, f.verdict.value) for f in report.findings if body is None or f.body.id == body]


def errors_of(rules: list[dict], **body) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        book({"id": "a", "rules": rules, **body})
    return [str(e) for e in caught.value.errors]


# ---------------------------------------------------------------------------------------------
# dates computed by rule


US_ELECTION = {"weekday": "tue", "after": {"weekday": "mon", "nth": 1, "month": 11}}
UNGA_OPENING = {"weekday": "tue", "nth": 3, "month": 9, "weeks": "first_working"}
STORTING = {"weekday": ["mon", "tue", "wed", "thu", "fri", "sat"], "nth": 1, "month": 10}


@pytest.mark.parametrize(
    ("spec", "year", "expected"),
    [
        (US_ELECTION, 2000, date(2000, 11, 7)),  # 1 November 2000 was a Wednesday: first Monday the 6th
        (US_ELECTION, 2016, date(2016, 11, 8)),  # Monday 7th, so Tuesday 8th
        (US_ELECTION, 2020, date(2020, 11, 3)),  # Monday 2nd
        (US_ELECTION, 2024, date(2024, 11, 5)),  # Monday 4th
        (US_ELECTION, 2026, date(2026, 11, 3)),  # 1 November 2026 is a Sunday: Monday 2nd
        (UNGA_OPENING, 2019, date(2019, 9, 17)),  # 1 Sept a Sunday: week 1 begins Monday 2nd
        (UNGA_OPENING, 2020, date(2020, 9, 15)),  # 1 Sept a Tuesday: week 1 is 31 Aug - 6 Sept
        (UNGA_OPENING, 2018, date(2018, 9, 18)),  # 1 Sept a Saturday: week 1 begins Monday 3rd
        ({"weekday": "tue", "nth": 3, "month": 9}, 2018, date(2018, 9, 18)),
        ({"weekday": "tue", "nth": 3, "month": 9}, 2020, date(2020, 9, 15)),
        ({"weekday": "tue", "nth": 3, "month": 9, "weeks": "first_working"}, 2023, date(2023, 9, 12)),  # Friday 1st counts
        ({"weekday": "mon", "nth": -1, "month": 5}, 2024, date(2024, 5, 27)),  # last Monday of May
        ({"weekday": "mon", "after": {"weekday": "wed", "nth": 2, "month": 12}}, 2020, date(2020, 12, 14)),
        ({"month": 1, "day": 20}, 2025, date(2025, 1, 20)),
        ({"weekday": "tue", "nth": 5, "month": 2}, 2023, None),  # February 2023 has four Tuesdays
        (STORTING, 2022, date(2022, 10, 1)),  # a Saturday counts (Constitution of Norway, s. 68)
        (STORTING, 2023, date(2023, 10, 2)),  # 1 October 2023 a Sunday: Monday 2nd
        ({"weekday": ["mon", "tue", "wed", "thu", "fri"], "nth": -1, "month": 8}, 2025, date(2025, 8, 29)),  # 31st a Sunday
        ({"weekday": ["mon", "tue", "wed", "thu", "fri"], "nth": -1, "month": 8}, 2026, date(2026, 8, 31)),  # 31st a Monday
    ],
)
def test_date_spec_names_the_statutory_day(spec, year, expected):
    """Each shape of date rule gives the day the statute names, worked out on a calendar."""
    assert DateSpec.model_validate(spec).on(year) == expected


def test_date_spec_words():
    """The rule reads as the statute says it."""
    assert DateSpec.model_validate(US_ELECTION).words() == "the Tuesday next after the first Monday in November"
    assert DateSpec.model_validate({"weekday": "mon", "nth": -1, "month": 5}).words() == "the last Monday in May"
    assert DateSpec.model_validate(STORTING).words() == "the first day from Monday to Saturday in October"
    assert DateSpec.model_validate({"weekday": ["fri", "mon", "wed"], "nth": 2, "month": 3}).words() == "the second Monday, Wednesday or Friday in March"


ELECTION_BODY = {"id": "election", "rules": [{"kind": "on", "interval": "2y", "anchor": 2000, **US_ELECTION, "since": date(2016, 1, 1)}]}


def test_on_rule_met_off_date_missed_and_open():
    """Held on the day: met; held a day late: off_date; nothing in the year: missed; a day still
    to come: open (pending, what is due next)."""
    rules = book(ELECTION_BODY)
    meetings = [meet("election", "2016-11-08"), meet("election", "2018-11-07"), meet("election", "2022-11-08")]
    report = check(rules, meetings, today=date(2023, 6, 1))
    assert table(report) == [("2016-11-08", "met"), ("2018-11-06", "off_date"), ("2020-11-03", "missed"), ("2022-11-08", "met"), ("2024-11-05", "open")]
    off = report.findings[1]
    assert off.violation
    assert "held Election 2018-11-07, 1 day after, not on the rule's date" in off.why


def test_on_rule_off_date_is_a_violation_exit_1(tmp_path):
    """planner check exits 1 on an off_date."""
    from click.testing import CliRunner

    from planner.cli import main

    rules_file = tmp_path / "r.toml"
    rules_file.write_text(
        '[organization]\nid = "o"\nname = "O"\nshort_name = "O"\n[[bodies]]\nid = "election"\nname = "Election"\ncategory = "governing"\n'
        '[[bodies.rules]]\nkind = "on"\nweekday = "tue"\nafter = { weekday = "mon", nth = 1, month = 11 }\ninterval = "2y"\nanchor = 2000\n'
    )
    register = tmp_path / "m.csv"
    register.write_text("body,start,status\nelection,2016-11-08,held\nelection,2018-11-07,held\n")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules_file), "--meetings", str(register), "--today", "2019-01-01"])
    assert result.exit_code == 1, result.output
    assert "off_date" in result.output


def test_on_rule_loose_date_is_uncertain_unless_it_excludes_the_day():
    """Known only to November 2018: may be the 6th, uncertain. Known only to October: off_date."""
    rules = book(ELECTION_BODY)
    assert table(check(rules, [meet("election", "2018-11")], today=date(2019, 1, 1)))[1] == ("2018-11-06", "uncertain")
    assert table(check(rules, [meet("election", "2018-10")], today=date(2019, 1, 1)))[1] == ("2018-11-06", "off_date")


def test_on_rule_customary_shortfall_is_advisory():
    """binding = false: off the date is an advisory, not a violation."""
    rules = book({"id": "assembly", "rules": [{"kind": "on", "month": 5, "weekday": "mon", "nth": -1, "binding": False, "since": date(2024, 1, 1)}]})
    report = check(rules, [meet("assembly", "2024-05-20")], today=date(2024, 12, 31))
    assert table(report)[0] == ("2024-05-27", "advisory")
    assert not report.violations


def test_on_rule_projection_lands_on_the_day():
    """Projection places the next election exactly on its day."""
    rules = book(ELECTION_BODY)
    projection = project(rules, [meet("election", "2024-11-05")], today=date(2025, 1, 1), end=date(2029, 1, 1))
    assert [m.start.earliest for m in projection.projected] == [date(2026, 11, 3), date(2028, 11, 7)]
    assert projection.problems == ()


def test_on_rule_projection_on_a_weekend_is_a_problem_not_a_move():
    """20 January 2029 is a Saturday: nothing is projected and a Problem says so."""
    rules = book({"id": "inauguration", "rules": [{"kind": "on", "month": 1, "day": 20, "interval": "4y", "anchor": 2025, "since": date(2025, 1, 1)}]})
    projection = project(rules, [meet("inauguration", "2025-01-20")], today=date(2025, 6, 1), end=date(2030, 1, 1))
    assert projection.projected == ()
    assert [p.label for p in projection.problems] == ["2029-01-20"]


@pytest.mark.parametrize(
    ("rule", "said"),
    [
        ({"month": 1, "day": 20, "weekday": "tue"}, "day = 20 fixes the date; remove weekday"),
        ({"day": 20}, "day = 20 needs month"),
        ({"month": 2, "day": 30}, "day = 30 does not exist in February"),
        ({"month": 9, "weekday": "tue"}, "weekday = 'tue' needs nth"),
        ({"weekday": "tue", "nth": 3}, "needs month, e.g. month = 9"),
        ({"weekday": "tue", "nth": 1, "after": {"weekday": "mon", "nth": 1, "month": 11}}, "remove nth and month"),
        ({"month": 9}, "no date given"),
        ({"month": 1, "day": 20, "interval": "4y"}, "interval = '4y' needs anchor"),
        ({"month": 1, "day": 20, "interval": "6m"}, "must be in years"),
        ({"weekday": "tue", "nth": -1, "month": 9, "weeks": "first_working"}, "nth must be 1 or more"),
    ],
)
def test_on_rule_errors_name_the_key_and_the_fix(rule, said):
    """A malformed date rule is refused with the rule's key path and what to write instead."""
    (message,) = errors_of([{"kind": "on", **rule}])
    assert message.startswith("<rule book>: bodies[0].rules[0]")
    assert said in message


def test_on_rule_bad_weekday_lists_the_choices():
    """A misspelt weekday names the key and the seven choices."""
    (message,) = errors_of([{"kind": "on", "weekday": "tues", "nth": 1, "month": 9}])
    assert "bodies[0].rules[0].weekday: 'tues' is not one of mon, tue, wed, thu, fri, sat or sun" in message


def test_readme_rule_language_block_loads():
    """The README's block of new rule keys is a valid rule book and checks and projects."""
    import re
    import tomllib

    from tests.conftest import ROOT

    text = re.search(r"<!-- readme-rule-language -->\s*```toml\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S).group(1)
    rules = parse_rulebook(tomllib.loads(text), "README.md")
    assert [b.id for b in rules.bodies] == ["election", "assembly", "summit", "ministerial", "board", "council"]
    check(rules, [meet("election", "2024-11-05"), meet("summit", "2024-05-02")], today=date(2026, 11, 26))
    assert project(rules, [meet("summit", "2024-05-02")], today=date(2026, 11, 26), end=date(2028, 1, 1)).projected


# ---------------------------------------------------------------------------------------------
# exceptions

SUMMIT = {"id": "summit", "rules": [{"kind": "every", "interval": "2y", "mode": "grid", "anchor": "2010"}]}
MINISTERIAL = {"id": "ministerial", "rules": [{"kind": "at_least", "count": 1, "per": "year", "since": date(2010, 1, 1), "except_when": ["summit"]}]}


def test_except_when_a_summit_year_excuses_the_ministerial():
    """Summits 2010 and 2012; Ministerials 2011 only: 2010 and 2012 excused, 2013 missed, 2014
    (running on 1 January) open."""
    rules = book(SUMMIT, MINISTERIAL)
    meetings = [meet("summit", "2010-06-01"), meet("summit", "2012-06-01"), meet("ministerial", "2011-05-01")]
    report = check(rules, meetings, today=date(2014, 1, 1))
    assert table(report, "ministerial") == [("2010", "excused"), ("2011", "met"), ("2012", "excused"), ("2013", "missed"), ("2014", "open")]
    excused = report.of("ministerial")[0]
    assert not excused.violation
    assert "Excused: Summit 2010-06-01 met in 2010" in excused.why


def test_except_when_a_planned_summit_means_nothing_is_projected():
    """Summits every 4 years from 2010 (2026 held) and an extra one planned for 2027: no
    Ministerial is projected for 2026 or 2027; 2028 gets one."""
    rules = book({**SUMMIT, "rules": [{**SUMMIT["rules"][0], "interval": "4y"}]}, MINISTERIAL)
    meetings = [meet("summit", "2026-05-01"), meet("summit", "2027-10-01", status=Status.PLANNED)]
    projection = project(rules, meetings, today=date(2026, 11, 26), end=date(2028, 12, 31))
    ministerial = [m.start.earliest.year for m in projection.projected if m.body == "ministerial"]
    assert ministerial == [2028]


def test_excused_period_with_reason_and_source():
    """An excused 2020 (pandemic) is excused, not missed, and the why gives reason and source."""
    rule = {"kind": "at_least", "count": 1, "per": "year", "since": date(2019, 1, 1), "excused": [{"start": "2020", "reason": "COVID-19 pandemic", "source": "decision 2020/1"}]}
    report = check(book({"id": "assembly", "rules": [rule]}), [meet("assembly", "2019-05-01"), meet("assembly", "2021-05-01")], today=date(2022, 1, 1))
    assert table(report) == [("2019", "met"), ("2020", "excused"), ("2021", "met"), ("2022", "open")]
    assert "Excused: 2020: COVID-19 pandemic (decision 2020/1)." in report.findings[1].why


def test_excused_period_covers_a_moved_date():
    """A date moved by law: the on-rule's day is excused although the meeting was held earlier."""
    rule = {"kind": "on", "month": 1, "day": 6, "since": date(2013, 1, 1), "until": date(2013, 12, 31), "excused": [{"start": "2013-01-06", "reason": "moved to 4 January by law"}]}
    report = check(book({"id": "count", "rules": [rule]}), [meet("count", "2013-01-04")], today=date(2014, 1, 1))
    assert table(report) == [("2013-01-06", "excused")]


def test_excused_needs_a_reason():
    """An excused period without a reason is refused, naming the key."""
    (message,) = errors_of([{"kind": "at_least", "count": 1, "per": "year", "excused": [{"start": "2020"}]}])
    assert message.startswith("<rule book>: bodies[0].rules[0].excused[0].reason: missing required key")


def test_except_when_unknown_body_is_named():
    """except_when names a body of the rule book, with a suggestion for a typo."""
    messages = errors_of([{"kind": "at_least", "count": 1, "per": "year", "except_when": ["sumit"]}])
    assert any("bodies[0].rules[0].except_when[0]: except_when names an unknown body" in m and "'sumit'" in m for m in messages)


# ---------------------------------------------------------------------------------------------
# before another body's meeting

BOARD = {"id": "board", "rules": [{"kind": "before", "body": "conference", "offset": "1m"}]}
CONFERENCE = {"id": "conference", "rules": [{"kind": "at_least", "count": 1, "per": "year"}]}


def test_before_rule_windows_end_the_day_before():
    """Conferences 16 Sept 2024 and 15 Sept 2025: the Board is due 16 Aug..15 Sept 2024 (met on
    10 Sept) and 15 Aug..14 Sept 2025 (its 15 Sept meeting is on the Conference's first day: missed)."""
    rules = book(CONFERENCE, BOARD)
    meetings = [meet("conference", "2024-09-16"), meet("conference", "2025-09-15"), meet("board", "2024-09-10"), meet("board", "2025-09-15")]
    report = check(rules, meetings, today=date(2025, 12, 1))
    assert table(report, "board") == [("2024-08-16..2024-09-15", "met"), ("2025-08-15..2025-09-14", "missed")]
    assert report.of("board")[0].rule_text == "within 1 month before each Conference"
    assert "within 1 month before the Conference of 2024-09-16" in report.of("board")[0].why


def test_before_rule_projection_places_before_the_planned_meeting():
    """A Conference planned for 21 Sept 2026 gets a Board meeting in the month before it."""
    rules = book(CONFERENCE, BOARD)
    projection = project(rules, [meet("conference", "2026-09-21", status=Status.PLANNED)], today=date(2026, 6, 1), end=date(2026, 12, 31))
    (board,) = [m for m in projection.projected if m.body == "board"]
    assert date(2026, 8, 21) <= board.start.earliest <= date(2026, 9, 20)


def test_negative_offset_on_an_after_rule_is_a_before_rule():
    """DESIGN's table writes a `before` rule as kind = "after" with offset = "-1m": read as
    kind = "before", offset = "1m", the same windows as the test above (it was refused)."""
    spelled = {"id": "board", "rules": [{"kind": "after", "body": "conference", "offset": "-1m"}]}
    rules = book(CONFERENCE, spelled)
    meetings = [meet("conference", "2024-09-16"), meet("conference", "2025-09-15"), meet("board", "2024-09-10"), meet("board", "2025-09-15")]
    report = check(rules, meetings, today=date(2025, 12, 1))
    assert table(report, "board") == [("2024-08-16..2024-09-15", "met"), ("2025-08-15..2025-09-14", "missed")]
    assert report.of("board")[0].rule_text == "within 1 month before each Conference"


def test_negative_offset_with_a_tolerance_points_to_before():
    """offset = '-1m' on an after rule with a tolerance (a `before` rule has none) is
    refused with the fix: kind = 'before'."""
    (message,) = errors_of([{"kind": "after", "body": "b", "offset": "-1m", "tolerance": "1m"}])
    assert "bodies[0].rules[0].offset: '-1m' is not a duration" in message
    assert "use kind = 'before' with offset = '1m'" in message


# ---------------------------------------------------------------------------------------------
# weekly cadence, weekdays, recess

COUNCIL = {
    "id": "council",
    "weekdays": ["thu", "fri"],
    "recess": [{"start": "2026-07-13", "end": "2026-07-26", "reason": "summer recess"}],
    "rules": [{"kind": "at_least", "count": 1, "per": "week", "since": date(2026, 6, 29)}],
}


def test_weekly_rule_judges_iso_weeks_and_skips_recess():
    """ISO weeks 27-31 of 2026: 27 met (Thu 2 July), 28 (6-12 July) missed, 29 and 30 (13-26
    July) in recess, not due; 31 met (Fri 31 July)."""
    rules = book(COUNCIL)
    report = check(rules, [meet("council", "2026-07-02"), meet("council", "2026-07-31")], today=date(2026, 8, 2))
    assert table(report) == [("2026-W27", "met"), ("2026-W28", "missed"), ("2026-W31", "met")]
    assert report.findings[0].rule_text == "at least once a week"


def test_weekly_projection_uses_the_body_weekdays_and_not_the_recess():
    """Projected meetings fall on Thursdays or Fridays, one per week, none in the recess."""
    rules = book(COUNCIL)
    projection = project(rules, [], today=date(2026, 7, 1), end=date(2026, 8, 9))
    days = [m.start.earliest for m in projection.projected]
    assert {d.weekday() for d in days} <= {3, 4}
    assert not [d for d in days if date(2026, 7, 13) <= d <= date(2026, 7, 26)]
    assert sorted({d.isocalendar()[1] for d in days}) == [27, 28, 31, 32]
    assert len(days) == 4


def test_bad_weekday_in_body_weekdays():
    """A misspelt day of the week in weekdays is refused with the choices."""
    (message,) = errors_of([{"kind": "ad_hoc"}], weekdays=["thursday"])
    assert "bodies[0].weekdays[0]: 'thursday' is not one of mon, tue" in message


# ---------------------------------------------------------------------------------------------
# sessions held together; formats

SUMMITS_TWICE = {"id": "summit", "rules": [{"kind": "at_least", "count": 2, "per": "year", "since": date(2022, 1, 1), "count_by": "event"}]}


def test_count_by_event_merges_sessions_held_together():
    """The 40th and 41st Summits on consecutive days in one city are one event: 1 of 2 in 2022;
    2023's two Summits months apart are two events."""
    meetings = [
        meet("summit", "2022-11-10", "2022-11-11", ordinal=40, city="Phnom Penh"),
        meet("summit", "2022-11-12", "2022-11-13", ordinal=41, city="Phnom Penh"),
        meet("summit", "2023-05-10", ordinal=42, city="Labuan Bajo"),
        meet("summit", "2023-09-05", ordinal=43, city="Jakarta"),
    ]
    report = check(book(SUMMITS_TWICE), meetings, today=date(2024, 1, 1))
    assert table(report) == [("2022", "missed"), ("2023", "met"), ("2024", "open")]
    assert [m.ordinal for m in report.findings[0].counted] == [40]
    assert "Merged: Summit 2022-11-10 (40th, Phnom Penh) and Summit 2022-11-12 (41st, Phnom Penh) were held together and count as one event." in report.findings[0].why


def test_count_by_session_counts_each():
    """By default each numbered session counts: 2022 is met."""
    rules = book({**SUMMITS_TWICE, "rules": [{**SUMMITS_TWICE["rules"][0], "count_by": "session"}]})
    meetings = [meet("summit", "2022-11-10", ordinal=40, city="Phnom Penh"), meet("summit", "2022-11-11", ordinal=41, city="Phnom Penh")]
    assert table(check(rules, meetings, today=date(2023, 1, 1)))[0] == ("2022", "met")


def test_count_by_event_needs_the_same_place():
    """Consecutive days in two cities are two events."""
    meetings = [meet("summit", "2022-11-10", ordinal=40, city="Phnom Penh"), meet("summit", "2022-11-11", ordinal=41, city="Bangkok")]
    assert table(check(book(SUMMITS_TWICE), meetings, today=date(2023, 1, 1)))[0] == ("2022", "met")


def test_formats_online_meeting_not_counted():
    """Only in-person meetings count: the online 2020 session leaves 2020 missed, and says why."""
    rule = {"kind": "at_least", "count": 1, "per": "year", "since": date(2019, 1, 1), "formats": ["in_person"]}
    meetings = [meet("assembly", "2019-05-20", fmt=MeetingFormat.IN_PERSON), meet("assembly", "2020-05-18", fmt=MeetingFormat.ONLINE, ordinal=73), meet("assembly", "2021-05-24")]
    report = check(book({"id": "assembly", "rules": [rule]}), meetings, today=date(2022, 1, 1))
    assert table(report)[:3] == [("2019", "met"), ("2020", "missed"), ("2021", "met")]  # 2021: no format recorded, counts
    assert "Not counted: online: Assembly 2020-05-18 (73rd)." in report.findings[1].why


def test_formats_bad_value_lists_the_choices():
    """formats takes in_person, online or hybrid."""
    (message,) = errors_of([{"kind": "at_least", "count": 1, "per": "year", "formats": ["virtual"]}])
    assert "bodies[0].rules[0].formats[0]: 'virtual' is not one of in_person, online or hybrid" in message


def test_schema_shows_the_new_rule_language():
    """planner schema lists the new kinds, the exceptions, weekdays, recess, count_by and formats."""
    import json

    from click.testing import CliRunner

    from planner.cli import main

    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    defs = schema["$defs"]
    assert {"OnRule", "BeforeRule", "DateSpec", "Excused", "Period", "Weekday"} <= set(defs)
    assert "week" in defs["Per"]["enum"]
    assert {"except_when", "excused", "count_by", "formats"} <= set(defs["AtLeastRule"]["properties"])
    assert {"weekdays", "recess"} <= set(defs["Body"]["properties"])
    assert {"month", "day", "weekday", "nth", "weeks", "after", "interval", "anchor"} <= set(defs["OnRule"]["properties"])


def test_json_summary_counts_excused(tmp_path):
    """check --format json counts excused windows apart from violations."""
    import json

    from click.testing import CliRunner

    from planner.cli import main
    from tests.check.test_examples import EXAMPLES

    args = ["check", "--rules", str(EXAMPLES / "asem.toml"), "--meetings", str(EXAMPLES / "asem-meetings.csv"), "--today", "2020-06-01", "--format", "json"]
    summary = json.loads(CliRunner().invoke(main, args).output)["summary"]
    assert (summary["excused"], summary["violations"]) == (7, 0)


def test_except_when_planned_summit_excuses_until_its_dates_pass_unconfirmed():
    """A Summit planned for June 2013 excuses the 2013 Ministerial while ahead; checked in 2014
    with the Summit never confirmed held, the register does not say whether it excused 2013:
    uncertain, never missed (see tests/semantics/test_semantics_audit2.py)."""
    rules = book(SUMMIT, MINISTERIAL)
    meetings = [meet("summit", "2012-06-01"), meet("ministerial", "2011-05-01"), meet("summit", "2013-06-01", status=Status.PLANNED)]
    ahead = check(rules, meetings, today=date(2013, 3, 1))
    assert ("2013", "excused") in table(ahead, "ministerial")
    assert "Summit 2013-06-01 is planned for 2013" in [f for f in ahead.of("ministerial") if f.window_label == "2013"][0].why
    passed = check(rules, meetings, today=date(2014, 3, 1))
    assert ("2013", "uncertain") in table(passed, "ministerial")


def test_before_rule_origins_are_the_other_body_own_counting_kinds():
    """A special Conference does not make a Board meeting due, even when the Board's rule counts
    special meetings of its own; origin_counts overrides (issue 9, meaning 5)."""
    board = {"id": "board", "rules": [{"kind": "before", "body": "conference", "offset": "1m", "counts": ["regular", "special"]}]}
    meetings = [meet("conference", "2024-09-16"), meet("conference", "2024-12-02", kind=Kind.SPECIAL)]
    report = check(book(CONFERENCE, board), meetings, today=date(2025, 1, 1))
    assert [label for label, _ in table(report, "board")] == ["2024-08-16..2024-09-15"]
    override = {"id": "board", "rules": [{**board["rules"][0], "origin_counts": ["regular", "special"]}]}
    report = check(book(CONFERENCE, override), meetings, today=date(2025, 1, 1))
    assert [label for label, _ in table(report, "board")] == ["2024-08-16..2024-09-15", "2024-11-02..2024-12-01"]
