"""Known answers of ``planner project`` on the CICA data, and the projection invariant."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from planner.cli import main
from planner.engine.judging.compliance import Verdict, check
from planner.engine.planning.placement.working import WorkingCalendar
from planner.engine.planning.projection import project
from tests.conftest import TODAY, days_off


@pytest.fixture(scope="module")
def projection(cica, cica_meetings):
    return project(cica, cica_meetings, TODAY)


def test_next_ministerial_two_years_after_next_summit(projection):
    """The 8th Ministerial Council falls two years after the (planned) 7th Summit: 2028."""
    mcs = [m for m in projection.projected if m.body == "ministerial_council"]
    summits = [m for m in projection.projected if m.body == "summit"]
    assert mcs[0].ordinal == 8 and mcs[0].earliest.year == 2028
    assert summits[0].ordinal == 8 and summits[0].earliest.year == 2030
    assert mcs[1].earliest.year == summits[0].earliest.year + 2
    assert "8th Summit" in mcs[1].reason


def test_soc_and_swg_twice_a_year_swg_just_before(projection):
    """Each year of the horizon has two SOC and two SWG meetings, the SWG the working day before."""
    for year in range(2027, 2036):
        soc = sorted(m.earliest for m in projection.meetings() if m.body == "soc" and m.earliest.year == year)
        swg = sorted(m.earliest for m in projection.meetings() if m.body == "swg" and m.earliest.year == year)
        assert len(soc) == 2 and len(swg) == 2, year
        for before, after in zip(swg, soc, strict=True):
            assert before < after <= before + timedelta(days=7), (year, before, after)


def test_ad_hoc_bodies_are_never_projected(projection, cica):
    """Expert meetings, specialized meetings, the PRC and the Council of Eminent Persons: never due."""
    ad_hoc = {b.id for b in cica.bodies if all(r.kind == "ad_hoc" for r in b.rules)}
    assert ad_hoc == {"expert_meetings", "specialized_meetings", "project_review_committee", "council_of_eminent_persons"}
    assert not [m for m in projection.projected if m.body in ad_hoc]


def test_march_meeting_in_kazakhstan_avoids_nauryz():
    """A meeting wanted on 21 March in Kazakhstan does not land on Nauryz (21-23 March, observed 24th)."""
    from planner.core.dates import Window

    kz = WorkingCalendar("KZ")
    assert not kz.is_working(date(2027, 3, 22))
    assert "Nowruz" in kz.why_not(date(2027, 3, 22))  # the holidays package spells Nauryz so
    day = kz.place(date(2027, 3, 21), 1, Window(date(2027, 3, 1), date(2027, 3, 31)))
    assert day == date(2027, 3, 19)  # nearest working day: Friday before (21-24 are holidays)
    two = kz.place(date(2027, 3, 22), 2, Window(date(2027, 3, 22), date(2027, 3, 31)))
    assert two == date(2027, 3, 25)  # Thu-Fri after Nauryz and its observed day


def test_iran_rests_on_friday():
    """Iran's weekend is Friday: a Friday is not a working day there, a Saturday is."""
    ir = WorkingCalendar("IR")
    assert ir.why_not(date(2027, 6, 4)) == "weekend"  # Friday
    assert date(2027, 6, 5).weekday() not in ir.weekend  # Saturday
    kz = WorkingCalendar("KZ")
    assert kz.is_working(date(2027, 6, 4)) and kz.why_not(date(2027, 6, 5)) == "weekend"


def test_projected_meetings_fall_on_working_days(projection, cica):
    """No projected meeting falls on a weekend or public holiday of its host or a blackout date."""
    for m in projection.projected:
        assert days_off(cica, m) == [], m


def test_invariant_kept_projection_meets_every_window_of_the_horizon(projection, cica):
    """Were the plan and the projection held as proposed, every window from today on is met."""
    from planner.core.model import Status

    kept = [m.model_copy(update={"status": Status.HELD}) if m.status in (Status.PLANNED, Status.PROJECTED) else m for m in projection.meetings()]
    report = check(cica, kept, projection.end + timedelta(days=1), end=projection.end)
    bad = [f.why for f in report.findings if f.expectation and f.expectation.window.start >= TODAY and f.verdict not in (Verdict.MET, Verdict.OPEN)]
    assert not bad


def test_projection_is_sorted_and_deterministic(cica, cica_meetings, projection):
    """Same input, same projection; sorted by date."""
    again = project(cica, cica_meetings, TODAY)
    assert again.projected == projection.projected
    starts = [m.earliest for m in projection.projected]
    assert starts == sorted(starts)


def test_ordinals_continue_the_register(projection):
    """The Summit after the planned 7th is the 8th; the Ministerial after the 7th is the 8th."""
    first = {}
    for m in projection.projected:
        first.setdefault(m.body, m)
    assert first["summit"].ordinal == 8
    assert first["ministerial_council"].ordinal == 8
    assert first["soc"].ordinal is None


def test_project_cli_lists_dated_meetings_2027_to_2036(runner):
    """`planner project` shows years 2027-2036 with ordinals, hosts and reasons."""
    result = runner.invoke(main, ["project", "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    for year in range(2027, 2037):
        assert f"\n{year}\n" in result.output
    assert "Ministerial Council (8th)" in result.output
    assert "Astana (Secretariat)" in result.output
    assert "2 years after the 7th Summit" in result.output


def test_project_json_shape(runner):
    """--format json: schema_version, horizon and each meeting with host and reason."""
    data = json.loads(runner.invoke(main, ["project", "--today", "2026-11-26", "--to", "2030", "--format", "json"]).output)
    assert data["schema_version"] == 1 and data["to"] == "2030-12-31"
    m = next(m for m in data["meetings"] if m["body"] == "ministerial_council")
    assert m["status"] == "projected" and m["ordinal"] == 8 and m["reason"] and m["host"]


def test_project_body_filter(runner):
    """--body shows only that body, but its dependencies still shape it."""
    data = json.loads(runner.invoke(main, ["project", "--today", "2026-11-26", "--body", "ministerial_council", "--format", "json"]).output)
    assert {m["body"] for m in data["meetings"]} == {"ministerial_council"}
    assert [m["start"][:4] for m in data["meetings"]] == ["2028", "2032", "2036"]


def test_meeting_known_only_to_the_year_does_not_block_placement():
    """A planned meeting dated only '2026' leaves the days of 2026 free for other meetings."""
    from planner.core.dates import PartialDate
    from planner.core.model import Meeting, Status
    from planner.inputs.rulebook import parse_rulebook

    book = parse_rulebook(
        {
            "organization": {"id": "o", "name": "Org", "short_name": "O", "members": [{"name": "Kazakhstan", "code": "KZ"}], "secretariat": {"city": "Astana", "country": "Kazakhstan"}},
            "bodies": [{"id": "board", "name": "Board", "category": "governing", "host": "secretariat", "duration_days": 2, "rules": [{"kind": "at_least", "count": 2, "per": "half"}]}],
        }
    )
    register = [
        Meeting(body="board", start=PartialDate.parse("2026"), status=Status.PLANNED),
        Meeting(body="board", start=PartialDate.parse("2026-07-07")),
    ]
    projection = project(book, register, date(2026, 6, 30), end=date(2026, 12, 31))
    # 2026 H1 ends today, still short (check: open, 2 still due): the one Problem, no day left
    # after today; nothing fails to fit in 2026 H2.
    assert [(p.label, "which is today" in p.message) for p in projection.problems] == [("2026 H1", True)]
    assert [m.start.earliest.month >= 7 for m in projection.projected] == [True]


def test_back_to_back_body_keeps_to_distinct_days_and_its_gap():
    """A body that meets before another gets each of its meetings on its own day, min_gap kept."""
    from planner.inputs.rulebook import parse_rulebook

    book = parse_rulebook(
        {
            "organization": {"id": "o", "name": "Org", "short_name": "O"},
            "bodies": [
                {"id": "council", "name": "Council", "category": "governing", "established": "2020-01-01", "rules": [{"kind": "at_least", "count": 1, "per": "year"}], "months": [6]},
                {"id": "wg", "name": "Working Group", "category": "working", "established": "2020-01-01", "before": "council", "rules": [{"kind": "at_least", "count": 2, "per": "year", "min_gap": "60d"}]},
            ],
        }
    )
    projection = project(book, [], date(2026, 12, 31), end=date(2027, 12, 31))
    council = [m.earliest for m in projection.projected if m.body == "council"]
    wg = sorted(m.earliest for m in projection.projected if m.body == "wg")
    assert len(wg) == 2 and (wg[1] - wg[0]).days >= 60
    assert any(0 < (c - d).days <= 7 for c in council for d in wg)  # one of them just before the Council
