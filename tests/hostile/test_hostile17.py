"""Seventeenth attacker pass: what the reuse record of a feed folder leaves out, calendars to
avoid counted before they are expanded, and session 16's new readers given hostile files."""

from __future__ import annotations

import shutil
import zoneinfo
from datetime import date, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from icalendar.timezone import tzp

from planner.cli import main
from planner.inputs.ics import avoid
from planner.inputs.ics.series import within_bound
from tests.hostile.test_hostile16 import _YEARLY, _body, _files, _ics
from tests.ical.test_feed_given import Exports


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Exports:
    return Exports(tmp_path, monkeypatch)


def test_a_new_time_zone_database_makes_the_feeds_again(exports: Exports, tmp_path: Path) -> None:
    """A feed without meetings carries the organization's VTIMEZONE, built from the zone
    database zoneinfo reads (Kazakhstan moved Asia/Almaty from +06 to +05 in March 2024: an
    update of the system's tzdata changed those bytes). The same files and day again, under a
    new database: the feeds are made again, not left as the old one wrote them."""
    zones = tmp_path / "zoneinfo"
    (zones / "Asia").mkdir(parents=True)
    shutil.copyfile("/usr/share/zoneinfo/Asia/Almaty", zones / "Asia" / "Almaty")
    zoneinfo.reset_tzpath([str(zones)])
    try:
        zoneinfo.ZoneInfo.clear_cache()
        exports.export("--no-projected")
        before = exports.files("reusing")
        assert b"BEGIN:VTIMEZONE" in before["project_review_committee.ics"]
        shutil.copyfile("/usr/share/zoneinfo/Asia/Tashkent", zones / "Asia" / "Almaty")  # +05 since 1992
        zoneinfo.ZoneInfo.clear_cache()
        tzp.use_zoneinfo()  # (icalendar keeps the zones it made: a new process would not)
        exports.export("--no-projected")
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        tzp.use_zoneinfo()
    exports.same()
    assert exports.files("reusing")["project_review_committee.ics"] != before["project_review_committee.ics"]


_EVENING = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:soc@t\r\nDTSTART:20250315T183000Z\r\nDTEND:20250315T190000Z\r\nSUMMARY:Senior Officials Committee\r\nLOCATION:Astana\\, Kazakhstan\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def test_a_new_time_zone_database_moves_a_timed_meeting_of_an_ics_register(exports: Exports, tmp_path: Path) -> None:
    """An .ics register's meeting at 18:30 UTC is on the 15th at +05 and on the 16th at +06:
    its day comes from the zone database, not from the register's bytes. Exported again with
    the same files as of the same day under another database, the feeds show the new day."""
    zones = tmp_path / "zoneinfo"
    (zones / "Asia").mkdir(parents=True)
    shutil.copyfile("/usr/share/zoneinfo/Asia/Tashkent", zones / "Asia" / "Almaty")  # +05
    (tmp_path / "evening.ics").write_text(_EVENING)
    zoneinfo.reset_tzpath([str(zones)])
    try:
        zoneinfo.ZoneInfo.clear_cache()
        tzp.use_zoneinfo()
        exports.export("--no-projected", "--meetings", str(tmp_path / "evening.ics"))
        assert b"DTSTART;VALUE=DATE:20250315" in exports.files("reusing")["soc.ics"]
        shutil.copyfile("/usr/share/zoneinfo/Asia/Dhaka", zones / "Asia" / "Almaty")  # +06
        zoneinfo.ZoneInfo.clear_cache()
        tzp.use_zoneinfo()
        exports.export("--no-projected", "--meetings", str(tmp_path / "evening.ics"))
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        tzp.use_zoneinfo()
    exports.same()
    assert b"DTSTART;VALUE=DATE:20250316" in exports.files("reusing")["soc.ics"]


def test_avoided_series_of_too_many_events_are_refused_before_they_are_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """900 monthly series over the eleven years searched are 119,700 events: refused by
    their count before recurring-ical-events makes any (10,000 yearly series, 110,000 events,
    were made for 13 s and 455 MB before the cap on events said no)."""
    given_files = _files(tmp_path, _body("b", _YEARLY))
    busy = tmp_path / "busy.ics"
    busy.write_text(_ics(*[("20260701", "FREQ=MONTHLY")] * 900), encoding="utf-8")
    monkeypatch.setattr(avoid.recurring_ical_events, "of", lambda *a, **k: pytest.fail("expanded"))
    result = CliRunner().invoke(main, ["project", *given_files, "--today", "2026-06-30", "--avoid", str(busy)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {busy}: VEVENT 747: its events make more than 100,000 events between 2026-06-29 and 2037-07-01, counted from the series' FREQ, INTERVAL, COUNT, UNTIL and BY parts before any is expanded ")
    assert len(result.stderr.splitlines()) == 1


def test_avoided_weekday_series_since_2000_are_read(tmp_path: Path) -> None:
    """FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR: BYDAY only limits a daily series (RFC 5545 3.3.10).
    The walk's bound counted five occurrences a day, and refused 15 such series since 2000."""
    given_files = _files(tmp_path, _body("b", _YEARLY))
    busy = tmp_path / "busy.ics"
    busy.write_text(_ics(*[("20000103", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR")] * 30), encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *given_files, "--today", "2026-06-30", "--to", "2027-12-31", "--format", "csv", "--avoid", str(busy)])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines()[1:] if line.startswith("b,")] == []  # (no weekday left)


_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_PARTS = {
    "INTERVAL": st.integers(1, 5).map(str),
    "BYDAY": st.lists(st.tuples(st.sampled_from(("", "1", "-1", "+2", "3")), st.sampled_from(_DAYS)), min_size=1, max_size=4, unique=True).map(lambda days: ",".join(n + d for n, d in days)),
    "BYMONTH": st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True).map(lambda ms: ",".join(map(str, ms))),
    "BYMONTHDAY": st.lists(st.sampled_from((1, 2, 15, 28, 29, 30, 31, -1)), min_size=1, max_size=3, unique=True).map(lambda ms: ",".join(map(str, ms))),
    "BYYEARDAY": st.lists(st.sampled_from((1, 100, 366, -1)), min_size=1, max_size=2, unique=True).map(lambda ms: ",".join(map(str, ms))),
    "BYWEEKNO": st.lists(st.sampled_from((1, 20, 52, 53, -1)), min_size=1, max_size=2, unique=True).map(lambda ms: ",".join(map(str, ms))),
    "BYSETPOS": st.sampled_from(("1", "-1", "1,2")),
    "COUNT": st.integers(1, 60).map(str),
    "UNTIL": st.dates(date(2018, 1, 1), date(2036, 12, 31)).map(lambda d: f"{d:%Y%m%d}"),
}


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(("DAILY", "WEEKLY", "MONTHLY", "YEARLY")),
    st.dictionaries(st.sampled_from(sorted(_PARTS)), st.just(None)).flatmap(lambda keys: st.fixed_dictionaries({k: _PARTS[k] for k in keys})),
    st.dates(date(2015, 1, 1), date(2030, 12, 28)),
    st.sampled_from((1, 2, 10, 40)),
    st.dates(date(2020, 1, 1), date(2030, 12, 1)),
    st.integers(0, 3000),
    st.booleans(),
)
def test_a_series_count_before_expansion_is_never_below_what_it_makes(freq: str, parts: dict[str, str], start: date, days: int, since: date, span: int, rdates: bool) -> None:
    """The count that refuses a calendar before it is expanded may be above what the expansion
    finds between the two days (a BY part that limits), never below: no calendar the cap
    accepts is refused by it."""
    if "COUNT" in parts and "UNTIL" in parts:
        del parts["UNTIL"]  # (RFC 5545: not both)
    rule = ";".join([f"FREQ={freq}", *(f"{k}={v}" for k, v in parts.items())])
    extra = "RDATE;VALUE=DATE:20270101,20280505\r\n" if rdates else ""
    end = start + timedelta(days=days)
    cal = Calendar.from_ical(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:{start:%Y%m%d}\r\nDTEND;VALUE=DATE:{end:%Y%m%d}\r\nRRULE:{rule}\r\n{extra}END:VEVENT\r\nEND:VCALENDAR\r\n")
    until = since + timedelta(days=span)
    try:
        found = len(recurring_ical_events.of(cal).between(since, until + timedelta(days=1)))
    except (ValueError, recurring_ical_events.InvalidCalendar):
        return  # (a rule dateutil refuses: load_avoid says so in one line)
    assert within_bound(cal.walk("VEVENT")[0], since, until, days - 1) >= found


def _closed(tmp_path: Path, blackout: str, bodies: int = 20) -> list[str]:
    head = _HEAD_CLOSED.replace("BLACKOUT", blackout)
    return _files(tmp_path, "".join(_body(f"b{i}", _YEARLY) for i in range(bodies)), head=head)


_HEAD_CLOSED = """[organization]
id = "lim"
name = "Limits Org"
short_name = "LO"
secretariat = { city = "Geneva", country = "Switzerland" }
blackout = BLACKOUT
"""


@pytest.mark.parametrize(
    "blackout",
    [
        '[{ start = 2000-01-01, end = 2999-12-31, reason = "closed" }]',
        # every weekday of 2026-2037 a blackout of its own, the weekends between them
        "[" + ", ".join(f'{{ start = {date(2025, 12, 29) + timedelta(weeks=w)}, end = {date(2026, 1, 2) + timedelta(weeks=w)}, reason = "closed" }}' for w in range(12 * 53)) + "]",
    ],
    ids=["one blackout", "a blackout a week"],
)
def test_a_window_of_blackouts_alone_is_known_without_asking_its_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blackout: str) -> None:
    """Bodies of one calendar whose every day is closed: each window's Problem says it has no
    working day, and no body searches its days (200 bodies over 50 years: 9.3 s, now 1.5 s
    CPU); the explanation walks them once for all the bodies."""
    from planner.engine.planning.placement import working

    searched: list[date] = []
    first_fit, skipping = working._first_fit, working.WorkingCalendar._place_skipping
    monkeypatch.setattr(working, "_first_fit", lambda target, *a: searched.append(target) or first_fit(target, *a))
    monkeypatch.setattr(working.WorkingCalendar, "_place_skipping", lambda self, target, *a, **k: searched.append(target) or skipping(self, target, *a, **k))
    result = CliRunner().invoke(main, ["project", *_closed(tmp_path, blackout), "--today", "2026-06-30", "--to", "2036-12-31"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    for i in range(20):
        assert f"B{i}: 11 windows where nothing fits (2026, 2027, 2028, ...); the first: a meeting of one working day in Switzerland fits nowhere in 2026-07-01..2026-12-31 (at least once a year): it has no working day (Saturday and Sunday are weekend days in Switzerland; off as well: 2026-07-01 closed," in said
    assert "No meeting was projected in this horizon" in said
    assert searched == []  # (each body searched each window day by day)


def test_a_window_with_one_open_day_still_finds_it(tmp_path: Path) -> None:
    """Closed from 2000 to 2999 but for one Wednesday: that day is taken by the first body,
    the next bodies find nothing that year (one meeting a day)."""
    blackout = '[{ start = 2000-01-01, end = 2027-03-09, reason = "closed" }, { start = 2027-03-11, end = 2999-12-31, reason = "closed" }]'
    result = CliRunner().invoke(main, ["project", *_closed(tmp_path, blackout, bodies=3), "--today", "2026-06-30", "--to", "2027-12-31", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = [line.split(",") for line in result.stdout.splitlines()[1:]]
    assert [(row[0], row[3]) for row in rows] == [("b0", "2027-03-10")]


def test_a_pipe_in_place_of_the_reuse_record_is_no_record(tmp_path: Path) -> None:
    """``.planner-reuse.json`` made a FIFO: the export's open of it waited for a writer for
    ever (killed after 20 s). Now opened without waiting and taken as no record."""
    import os
    import subprocess
    import sys

    out = tmp_path / "feeds"
    command = [sys.executable, "-m", "planner", "ics", "--today", "2026-12-01", "--out", str(out)]
    assert subprocess.run(command, capture_output=True, timeout=300).returncode == 0
    os.mkfifo(out / ".planner-reuse.json")
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"wrote 16 files to {out}: ")
