"""Planning in a crowded calendar: no clashes, members' holidays, pairs back to back, rolling
chains at their nominal dates, usual months whatever --today is (issue 13; issue 9 meanings 6-8)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest

from planner.core.dates import PartialDate
from planner.core.model import Meeting, Status
from planner.engine.chairmanship.plan import with_chair_hosts
from planner.engine.planning.member_holidays import member_holidays
from planner.engine.planning.placement.hosts import calendar_for
from planner.engine.planning.projection import project
from planner.inputs.rulebook import parse_rulebook
from tests.conftest import TODAY

PLAN = ["Azerbaijan", "Kyrgyzstan", "Thailand", "China", "India"]


@pytest.fixture(scope="module")
def projections(cica, cica_meetings, cica_chairs):
    bare = project(cica, cica_meetings, TODAY)
    return {"bare": bare, "chairs": with_chair_hosts(cica, cica_chairs, bare), "plan": with_chair_hosts(cica, cica_chairs, bare, PLAN)}


def _days(m: Meeting) -> list[date]:
    return [m.earliest + timedelta(days=i) for i in range((m.latest - m.earliest).days + 1)]


def clashes(book, meetings) -> list[str]:
    """Days on which two unpaired bodies' projected meetings meet."""
    pairs = {frozenset((b.id, b.before)) for b in book.bodies if b.before}
    on: dict[date, set[str]] = defaultdict(set)
    for m in meetings:
        for day in _days(m):
            on[day].add(m.body)
    return [f"{day}: {sorted(bodies)}" for day, bodies in sorted(on.items()) if len(bodies) > 1 and not (len(bodies) == 2 and frozenset(bodies) in pairs)]


@pytest.mark.parametrize("which", ["bare", "chairs", "plan"])
def test_no_two_bodies_meet_on_one_day_except_pairs(projections, cica, which):
    """On the embedded data no day holds projected meetings of two bodies, except the SWG-SOC pair."""
    assert clashes(cica, projections[which].projected) == []


@pytest.mark.parametrize("which", ["bare", "plan"])
def test_same_host_meetings_keep_min_days_between(projections, cica, which):
    """Two projected meetings of one host (the Secretariat, or one chair) are at least 3 days apart, pairs excepted."""
    from planner.engine.planning.crowd import DayBook

    book = DayBook(cica)
    hosted = defaultdict(list)
    for m in projections[which].projected:
        hosted[book.host_of(m)].append(m)
    for host, items in hosted.items():
        items.sort(key=lambda m: m.earliest)
        for a, b in zip(items, items[1:], strict=False):
            if not book.paired(a.body, b.body):
                assert (b.earliest - a.latest).days >= 3, (host, a.body, a.start, b.body, b.start)


@pytest.mark.parametrize("which", ["bare", "chairs", "plan"])
def test_summits_and_ministerials_avoid_every_members_holidays(projections, cica, which):
    """Summits and Ministerial Councils 2027-2036 fall on no member state's public holiday."""
    holidays = member_holidays(cica.organization.members)
    found = [
        (m.body, day.isoformat(), holidays.why(day))
        for m in projections[which].projected
        if m.body in ("summit", "ministerial_council") and 2027 <= m.earliest.year <= 2036
        for day in _days(m)
        if holidays.on(day)
    ]
    assert found == []
    assert any(m.body == "summit" for m in projections[which].projected)


def test_swg_ends_on_the_working_day_right_before_the_soc(projections, cica):
    """Meaning 7: each projected SWG ends on the Secretariat's working day immediately before an SOC."""
    meetings = projections["bare"].meetings()
    socs = {m.earliest for m in meetings if m.body == "soc" and m.exact}
    calendar = calendar_for(cica.body("swg"), cica, "Kazakhstan")
    swgs = [m for m in projections["bare"].projected if m.body == "swg"]
    assert len(swgs) >= 18
    for swg in swgs:
        day = swg.latest + timedelta(days=1)
        while not calendar.is_working(day):
            day += timedelta(days=1)
        assert day in socs, swg.start


def test_cica_notes_name_the_members_without_holiday_data(projections):
    """The output says whose holidays the holidays package lacks (Sri Lanka from 2027)."""
    notes = " ".join(projections["bare"].notes)
    assert "Sri Lanka (2027-2036)" in notes


def test_past_unconfirmed_planned_meeting_is_a_problem_and_still_chains(projections):
    """Meaning 6: the 7th Summit (planned 2026-10, unconfirmed on 2026-11-26) is listed to confirm or
    re-plan, and the 8th Ministerial is still due two years after it."""
    problems = [p for p in projections["bare"].problems if p.kind == "unconfirmed"]
    assert any("7th Summit" in p.message and "confirm or re-plan" in p.message for p in problems)
    mc = next(m for m in projections["bare"].projected if m.body == "ministerial_council")
    assert mc.ordinal == 8 and mc.earliest.year == 2028


def _book(bodies, **org):
    members = org.pop("members", [{"name": "Kazakhstan", "code": "KZ"}, {"name": "Russia", "code": "RU"}])
    return parse_rulebook({"organization": {"id": "o", "name": "Org", "short_name": "O", "members": members, "secretariat": {"city": "Astana", "country": "Kazakhstan"}, **org}, "bodies": bodies})


def test_rolling_every_60_days_lands_at_nominal_dates():
    """Meaning 8: `every 60d` over 6 years is about 37 meetings, each about 60 days after the previous."""
    book = _book([{"id": "c", "name": "Committee", "category": "working", "rules": [{"kind": "every", "interval": "60d"}]}])
    register = [Meeting(body="c", start=PartialDate.parse("2026-06-01"))]
    projection = project(book, register, date(2026, 6, 2), end=date(2032, 6, 1))
    days = [m.earliest for m in projection.projected]
    assert 35 <= len(days) <= 38
    gaps = [(b - a).days for a, b in zip([date(2026, 6, 1), *days], days, strict=False)]
    assert all(54 <= g <= 60 for g in gaps), gaps


@pytest.mark.parametrize("today", ["2026-01-01", "2026-03-01", "2026-09-30"])
def test_usual_month_holds_whatever_today_is(today):
    """A body that always met in October is projected in October of the current year, whatever --today."""
    book = _book([{"id": "f", "name": "Forum", "category": "advisory", "rules": [{"kind": "at_least", "count": 1, "per": "year"}]}])
    register = [Meeting(body="f", start=PartialDate.parse(f"{y}-10-14")) for y in range(2019, 2026)]
    projection = project(book, register, date.fromisoformat(today), end=date(2027, 12, 31))
    assert [(m.earliest.year, m.earliest.month) for m in projection.projected] == [(2026, 10), (2027, 10)]


def test_chair_hosted_body_without_chairs_avoids_holidays():
    """With no chair known, a chair-hosted meeting avoids the Secretariat country's and the members' holidays."""
    book = _book([{"id": "t", "name": "Forum", "category": "advisory", "host": "chair", "duration_days": 2, "months": [12], "rules": [{"kind": "at_least", "count": 1, "per": "year"}]}])
    register = [Meeting(body="t", start=PartialDate.parse(f"{y}-12-24"), end=PartialDate.parse(f"{y}-12-25")) for y in range(2019, 2026)]
    projection = project(book, register, date(2026, 1, 1), end=date(2036, 12, 31))
    holidays = member_holidays(book.organization.members)
    calendar = calendar_for(book.body("t"), book, "")
    for m in projection.projected:
        for day in _days(m):
            assert calendar.is_working(day) and not holidays.on(day), (m.start, calendar.why_not(day))


def test_no_free_day_chooses_fewest_members_on_holiday_and_names_them():
    """A window made only of Russian New Year holidays: the meeting goes there, and the note names Russia."""
    book = _book([{"id": "c", "name": "Council", "category": "governing", "host": "secretariat", "rules": [{"kind": "every", "interval": "2d"}]}])
    register = [Meeting(body="c", start=PartialDate.parse("2027-01-04"))]
    projection = project(book, register, date(2027, 1, 4), end=date(2027, 1, 6))
    first = projection.projected[0]
    assert first.earliest in (date(2027, 1, 5), date(2027, 1, 6))
    assert any("fewest members on holiday (Russia)" in n for n in projection.notes)


def test_two_bodies_never_share_a_day_and_a_full_period_is_a_problem():
    """meetings_per_day = 1: two bodies wanting the same day get different days; one that cannot fit is a Problem."""
    bodies = [
        {"id": f"b{i}", "name": f"Body {i}", "category": "working", "established": "2020-01-01", "host": "fixed", "host_country": "KZ", "months": [5], "rules": [{"kind": "at_least", "count": 1, "per": "month"}]}
        for i in range(3)
    ]
    book = _book(bodies, blackout=[{"start": "2027-05-01", "end": "2027-05-27"}], min_days_between=0)
    projection = project(book, [], date(2027, 4, 30), end=date(2027, 5, 31))
    may = [m for m in projection.projected if m.earliest.month == 5]
    assert len({m.earliest for m in may}) == len(may) == 2  # 28 and 31 May (29-30 is a weekend)
    # (April 2027 ends on --today with no meeting of any body: open to check, and each body's
    # Problem says that no day is left after today; May is the period under test)
    assert [p.body.id for p in projection.problems if p.label == "2027-04"] == ["b0", "b1", "b2"]
    (may_problem,) = [p for p in projection.problems if p.label != "2027-04"]
    assert may_problem.body.id == "b2" and "beside the other bodies' meetings" in may_problem.message


def test_planned_meeting_of_another_body_blocks_its_day():
    """A planned register meeting of one body keeps projected meetings of other bodies off its day."""
    bodies = [
        {"id": "a", "name": "A", "category": "working", "host": "fixed", "host_country": "KZ", "rules": [{"kind": "ad_hoc"}]},
        {"id": "b", "name": "B", "category": "working", "host": "fixed", "host_country": "KZ", "months": [6], "rules": [{"kind": "at_least", "count": 1, "per": "year"}]},
    ]
    book = _book(bodies, min_days_between=0)
    history = [Meeting(body="b", start=PartialDate.parse(f"{y}-06-15")) for y in range(2020, 2027)]
    planned = Meeting(body="a", start=PartialDate.parse("2027-06-15"), status=Status.PLANNED)
    alone = project(book, history, date(2026, 12, 1), end=date(2027, 12, 31))
    crowded = project(book, [*history, planned], date(2026, 12, 1), end=date(2027, 12, 31))
    assert [m.earliest for m in alone.projected] == [date(2027, 6, 15)]
    assert [m.earliest for m in crowded.projected] == [date(2027, 6, 16)]


# -- other calendars as blackouts (--avoid, [organization] avoid) -------------------------------

BUSY = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:a@test
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:20270601
DTEND;VALUE=DATE:20270701
SUMMARY:Election month
END:VEVENT
BEGIN:VEVENT
UID:b@test
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:20270701
DTEND;VALUE=DATE:20270801
SUMMARY:Free reminder
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:c@test
DTSTAMP:20260101T000000Z
DTSTART:20270802T090000
DTEND:20270802T170000
RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH
SUMMARY:Weekly plenary of another body
END:VEVENT
END:VCALENDAR
"""


def test_avoid_reads_busy_events_and_ignores_transparent_ones(tmp_path):
    """Busy events (one-off and recurring) become blackout days; TRANSP:TRANSPARENT ones do not."""
    from planner.inputs.ics.avoid import load_avoid

    path = tmp_path / "busy.ics"
    path.write_text(BUSY)
    busy = load_avoid(path, date(2027, 1, 1), date(2027, 8, 31))
    assert (busy[0].start, busy[0].last, busy[0].reason) == (date(2027, 6, 1), date(2027, 6, 30), "busy.ics: Election month")
    assert not any(b.start.month == 7 for b in busy)
    weekly = [b.start for b in busy if "Weekly" in b.reason]
    assert weekly[:4] == [date(2027, 8, 2), date(2027, 8, 3), date(2027, 8, 4), date(2027, 8, 5)] and all(d.weekday() < 4 for d in weekly)


def test_rule_book_avoid_is_relative_to_the_rule_book(tmp_path, runner, monkeypatch):
    """`[organization] avoid = ["calendars/busy.ics"]` is read beside the rule book, from any directory."""
    import json

    from planner.cli import main

    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "busy.ics").write_text(BUSY)
    (tmp_path / "rules.toml").write_text(
        '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\navoid = ["calendars/busy.ics"]\n'
        'secretariat = { city = "Astana", country = "Kazakhstan" }\n'
        '[[bodies]]\nid = "b"\nname = "Board"\ncategory = "working"\nestablished = 2020-01-01\nmonths = [6]\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    )
    (tmp_path / "meetings.csv").write_text("body,start\nb,2026-06-15\n")
    monkeypatch.chdir(tmp_path.parent)
    out = runner.invoke(main, ["project", "--rules", str(tmp_path / "rules.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--today", "2026-12-01", "--to", "2027", "--format", "json"])
    assert out.exit_code == 0, out.output
    (meeting,) = json.loads(out.output)["meetings"]
    day = date.fromisoformat(meeting["start"])
    assert not date(2027, 6, 1) <= day <= date(2027, 6, 30)  # June is busy in the other calendar
    assert day.month in (5, 7)


def test_avoid_busy_august_to_october_moves_the_8th_ministerial(runner):
    """--avoid with a calendar busy from August to October 2028 moves the 8th Ministerial Council out of it."""
    import json

    from planner.cli import main
    from tests.conftest import ROOT

    args = ["project", "--today", "2026-11-26", "--body", "ministerial_council", "--format", "json"]
    before = json.loads(runner.invoke(main, args).output)["meetings"][0]
    after = json.loads(runner.invoke(main, [*args, "--avoid", str(ROOT / "examples" / "busy-2028.ics")]).output)["meetings"][0]
    assert before["ordinal"] == after["ordinal"] == 8
    assert "2028-08-01" <= before["start"] <= "2028-10-31"
    assert after["start"].startswith("2028") and not "2028-08-01" <= after["start"] <= "2028-10-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", "is not iCalendar"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", "VEVENT 1: event has no DTSTART"),
    ],
)
def test_bad_avoid_file_is_one_line_and_exit_2(tmp_path, runner, text, expected):
    """An --avoid file that is not a calendar: exit 2, one line naming the file."""
    from planner.cli import main

    path = tmp_path / "bad.ics"
    path.write_text(text)
    out = runner.invoke(main, ["project", "--today", "2026-11-26", "--avoid", str(path)])
    assert out.exit_code == 2
    lines = out.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and expected in lines[0], out.output


def test_chairs_plan_keeps_off_avoided_days(runner):
    """`planner chairs --avoid`: the Kyrgyz term ends at a Ministerial Council outside the busy autumn of 2028."""
    import json

    from planner.cli import main
    from tests.conftest import ROOT

    out = runner.invoke(main, ["chairs", "--today", "2026-11-26", "--plan", "Azerbaijan, Kyrgyzstan, Thailand", "--avoid", str(ROOT / "examples" / "busy-2028.ics"), "--format", "json"])
    handover = json.loads(out.output)["plan"][1]["to"]
    assert handover.startswith("2028") and not "2028-08-01" <= handover <= "2028-10-31"


@pytest.mark.parametrize("command", [["ics", "--out", "feeds"], ["report", "-o", "r.html"], ["chairs"]])
def test_every_projecting_command_takes_avoid(command, runner, tmp_path, monkeypatch):
    """chairs, ics and report take --avoid like project: a bad file is exit 2 with one line."""
    from planner.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.ics").write_text("hello")
    out = runner.invoke(main, [*command, "--today", "2026-11-26", "--avoid", "bad.ics"])
    assert out.exit_code == 2 and "bad.ics" in out.output and "is not iCalendar" in out.output, out.output
