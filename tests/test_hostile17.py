"""Seventeenth attacker pass: what the reuse record of a feed folder leaves out, calendars to
avoid counted before they are expanded, and session 16's new readers given hostile files."""

from __future__ import annotations

import shutil
import zoneinfo
from pathlib import Path

import pytest
from icalendar.timezone import tzp

from tests.test_feed_given import Exports


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
