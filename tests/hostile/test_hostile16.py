"""Sixteenth attacker pass: work bounded by the horizon, not by what a row or a founding claims."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.engine.cadence import periods as expectations_periods
from planner.engine.planning.crowd import DayBook
from planner.engine.planning.projector import Projector
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook

_HEAD = """[organization]
id = "lim"
name = "Limits Org"
short_name = "LO"
secretariat = { city = "Geneva", country = "Switzerland" }
"""


def _body(ident: str, rule: str, established: int = 2000) -> str:
    return f'\n[[bodies]]\nid = "{ident}"\nname = "{ident.upper()}"\ncategory = "working"\nestablished = {established}\n[[bodies.rules]]\n{rule}\n'


def _files(tmp_path: Path, bodies: str, rows: str = "", head: str = _HEAD) -> list[str]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "m.csv"
    rules.write_text(head + bodies, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,city,country,status\n" + rows, encoding="utf-8")
    return ["--rules", str(rules), "--meetings", str(meetings)]


_YEARLY = 'kind = "at_least"\ncount = 1\nper = "year"'
_LONG_ROWS = "x,regular,,2000-01-01,2027-12-31,Paris,France,held\nx,regular,,2029-01-01,2999-12-31,Paris,France,held\n"


def test_a_row_claiming_a_thousand_years_crowds_the_days_it_takes_and_no_more(tmp_path: Path) -> None:
    """One meeting a day: another body's rows held to 2027 and from 2029 to 2999 leave it 2028
    alone (the days were all taken, a table of every day to 2999: 200 such rows 2.4 GB)."""
    given = _files(tmp_path, _body("x", 'kind = "ad_hoc"') + _body("b", _YEARLY), _LONG_ROWS)
    result = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--to", "2030-12-31"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "1 projected" in said and "2028 07-03 B Geneva (Secretariat) at least once a year: 1 of 1 in 2028" in said
    for year in (2026, 2027, 2029, 2030):
        assert f"1 meeting of one working day in Switzerland does not fit in {year}-" in said and f"beside the other bodies' meetings (at least once a year); nothing was projected for {year}." in said


def test_the_days_a_long_row_takes_are_those_placement_reaches(tmp_path: Path) -> None:
    """The table of taken days ends a few years past the horizon, not at the row's 2999."""
    given = _files(tmp_path, _body("x", 'kind = "ad_hoc"') + _body("b", _YEARLY), _LONG_ROWS)
    book = load_rulebook(Path(given[1]))
    projector = Projector(book, load_meetings(given[3], book), date(2026, 6, 30), date(2026, 6, 30), date(2030, 12, 31))
    projector.run()
    days = projector.daybook.bodies_on
    assert max(days) < date(2035, 1, 1).toordinal()
    assert len(days) < 9 * 366
    assert projector.daybook.tails  # (2999 still a span)


def test_a_long_row_taken_in_steps_counts_as_taken_all_at_once() -> None:
    """The days of a row's tail taken as placement asks for them are the days the row takes."""
    book = load_rulebook(Path(__file__).parent.parent.parent / "examples" / "annual-assembly.toml")
    stepped, whole = DayBook(book, date(2026, 1, 1)), DayBook(book)
    for daybook in (stepped, whole):
        daybook.add("other", "france", date(2000, 1, 1), date(2999, 12, 31))
        daybook.add("near", "france", date(2040, 3, 2), date(2040, 3, 3))
    for day in (date(2026, 5, 1), date(2039, 1, 1), date(2040, 3, 3), date(2041, 7, 7)):
        asked = whole.free("mine", "france", day, day), whole.clash("mine", "france", day, day)
        assert (stepped.free("mine", "france", day, day), stepped.clash("mine", "france", day, day)) == asked
    assert stepped.upto < date(2045, 1, 1).toordinal()
    assert {d: dict(on) for d, on in stepped.bodies_on.items()} == {d: dict(on) for d, on in whole.bodies_on.items() if d <= stepped.upto}


def test_a_monthly_grid_founded_in_the_year_1000_is_made_once_per_phase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """12,000 monthly windows since 1000 were made again (and each asked what it lacks) for every
    meeting placed: 5 s for ten years. Now made once per phase; the projection is the same."""
    given = _files(tmp_path, _body("g", 'kind = "every"\ninterval = "1m"\nmode = "grid"', established=1000))
    made = [0]
    original = expectations_periods.grid_windows

    def counted(*args: object, **kwargs: object) -> object:
        made[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr("planner.engine.cadence.every.grid_windows", counted)
    result = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--to", "2036-12-31", "--format", "csv"])
    assert result.exit_code == 0, result.output
    starts = [line.split(",")[3] for line in result.stdout.splitlines()[1:] if line.startswith("g,")]
    # (one a month from July 2026: June is due today, and a Problem says so)
    assert len(starts) == 126 and starts[0].startswith("2026-07") and starts[-1].startswith("2036-12")
    assert made[0] <= 3


def test_a_meeting_into_a_later_year_names_its_last_year_in_the_schedule(tmp_path: Path) -> None:
    """Under the heading of its first year, 2029-01-01 to 2999-12-31 read "01-01 – 12-31":
    a meeting of 2029 alone. A meeting within its year keeps the short form."""
    given = _files(tmp_path, _body("x", 'kind = "ad_hoc"'), "x,regular,,2029-01-01,2999-12-31,Paris,France,held\nx,regular,,2028-03-02,2028-03-04,Paris,France,planned\n")
    result = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--to", "2030-12-31"])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert "01-01 – 2999-12-31 X Paris, France in the register as held (it opens after --today)" in lines
    assert any(line.startswith("03-02 – 03-04 X Paris, France") for line in lines)


def test_blackout_days_are_tabled_for_the_years_asked_with_the_first_reason() -> None:
    """A blackout from 1000 to 2999 made a table of 730,000 days (1 s, 170 MB) before any was
    asked; a day is still off in any year, across New Year too, with the first blackout's reason."""
    from planner.core.model import Blackout
    from planner.engine.planning.placement.working import WorkingCalendar

    calendar = WorkingCalendar(None, [Blackout(start=date(2026, 12, 24), end=date(2027, 1, 2), reason="closure"), Blackout(start=date(1000, 1, 1), end=date(2999, 12, 31), reason="forever")])
    assert calendar.why_not(date(2026, 12, 31)) == "closure" and calendar.why_not(date(2027, 1, 1)) == "closure"
    assert calendar.why_not(date(2027, 1, 4)) == "forever" and not calendar.is_working(date(2999, 12, 30))
    assert not calendar.is_working(date(1000, 1, 6))
    assert len(calendar._off) == 4  # (the years asked about, not two thousand)


def _ics(*series: tuple[str, str]) -> str:
    events = "".join(f"BEGIN:VEVENT\r\nUID:s{k}\r\nSUMMARY:Busy\r\nDTSTART;VALUE=DATE:{start}\r\nRRULE:{rule}\r\nEND:VEVENT\r\n" for k, (start, rule) in enumerate(series))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{events}END:VCALENDAR\r\n"


def test_avoided_series_walked_from_the_year_1000_are_refused_before_they_are_expanded(tmp_path: Path) -> None:
    """dateutil walks a series from its first date: 10,000 daily series from 1000 took 85 s
    before the cap on events said no. Now the walk is bounded first, in one line."""
    given = _files(tmp_path, _body("b", _YEARLY))
    busy = tmp_path / "busy.ics"
    busy.write_text(_ics(*[("10000101", "FREQ=DAILY")] * 3), encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--avoid", str(busy)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {busy}: VEVENT 3: its recurring series are searched through more than 1,000,000 occurrences up to ")
    assert len(result.stderr.splitlines()) == 1


def test_avoided_series_of_decades_are_still_avoided(tmp_path: Path) -> None:
    """A yearly closure since 1945 and a weekly one since 1990 stay well inside the bound."""
    given = _files(tmp_path, _body("b", _YEARLY))
    busy = tmp_path / "busy.ics"
    busy.write_text(_ics(("19450101", "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12"), ("19900101", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")), encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--to", "2027-12-31", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines()[1:] if line.startswith("b,")]
    avoided = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--to", "2027-12-31", "--format", "csv", "--avoid", str(busy)])
    assert avoided.exit_code == 0, avoided.output
    days = [line.split(",")[3] for line in avoided.stdout.splitlines()[1:] if line.startswith("b,")]
    assert days == []  # (every weekday busy since 1990, the weekend off: no day left)


def test_an_avoided_event_with_two_starts_is_refused_in_one_line(tmp_path: Path) -> None:
    """The walk's bound read DTSTART as one value: given twice, an AttributeError (found by
    the fuzz run's example, DTSTART given again with a series)."""
    given = _files(tmp_path, _body("b", _YEARLY))
    busy = tmp_path / "busy.ics"
    busy.write_text(_ics(("20260101", "FREQ=YEARLY")).replace("RRULE:", "DTSTART:100000\r\nRRULE:"), encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *given, "--today", "2026-06-30", "--avoid", str(busy)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {busy}: VEVENT 1: event has more than one DTSTART (expected one DTSTART a VEVENT (RFC 5545 3.6.1))\n"
