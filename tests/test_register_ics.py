"""Reading .ics registers: our own feeds back, Outlook and Google exports, and bad files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planner.core.dates import PartialDate
from planner.core.errors import RegisterError
from planner.core.model import Kind, Meeting, Status
from planner.inputs.register_ics import ordinal_in, read_ics_meetings
from planner.outputs.feeds import write_feeds
from planner.outputs.ical import combined_calendar_bytes
from tests.test_ical import book, meetings

ICS = Path(__file__).parent / "registers" / "ics"
TODAY = date(2026, 3, 1)
FIELDS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "title", "format")


def _keyed(items: list[Meeting]) -> list[tuple]:
    return sorted(tuple(str(getattr(m, f)) for f in FIELDS) for m in items)


def test_round_trip_gives_the_same_meetings(tmp_path: Path) -> None:
    """Export, import: body, kind, ordinal, dates (partial ones too), status, venue, title."""
    write_feeds(book(), meetings(), tmp_path, stamp=datetime(2026, 3, 1, tzinfo=UTC))
    back = read_ics_meetings(tmp_path / "all.ics", book(), today=TODAY)
    assert _keyed(back) == _keyed(meetings())
    by_ordinal = {(m.body, m.ordinal): m for m in back}
    assert by_ordinal[("summit", 7)].start == PartialDate.parse("2026-10")
    assert by_ordinal[("summit", 6)].source == "https://www.s-cica.org/summit6"
    assert by_ordinal[("summit", 7)].source == "Brochure 2024-2026, p. 3"


def test_round_trip_of_the_combined_bytes(tmp_path: Path) -> None:
    path = tmp_path / "all.ics"
    path.write_bytes(combined_calendar_bytes(book(), meetings(), stamp=datetime(2026, 3, 1, tzinfo=UTC)))
    assert _keyed(read_ics_meetings(path, book(), today=TODAY)) == _keyed(meetings())


def test_x_wr_timezone_calendar_is_read_in_its_zone() -> None:
    """Google: 02:00 UTC on 12 Oct is 22:00 on 11 Oct in X-WR-TIMEZONE America/New_York."""
    (meeting,) = read_ics_meetings(ICS / "google_xwr_timezone.ics", book(), today=TODAY)
    assert meeting.body == "soc" and meeting.kind is Kind.INFORMAL
    assert meeting.start == PartialDate.of(date(2022, 10, 11)) and meeting.end is None
    assert meeting.status is Status.HELD


def test_outlook_export() -> None:
    """Bodies by alias in SUMMARY, kind by CATEGORIES, exclusive all-day DTEND, TZID times."""
    warnings: list[str] = []
    summit, soc, youth = read_ics_meetings(ICS / "outlook_export.ics", book(), warnings.append, today=TODAY)
    assert (summit.body, summit.ordinal, summit.start, summit.end) == ("summit", 6, PartialDate.of(date(2022, 10, 12)), PartialDate.of(date(2022, 10, 13)))
    assert (summit.city, summit.country, summit.status) == ("Astana", "Kazakhstan", Status.HELD)
    assert (soc.body, soc.kind, soc.status, soc.country, soc.city) == ("soc", Kind.SPECIAL, Status.CANCELLED, "Kazakhstan", "")
    assert soc.start == PartialDate.of(date(2023, 3, 15)) and soc.end == PartialDate.of(date(2023, 3, 16))
    assert youth.body == "youth" and youth.status is Status.PLANNED and youth.city == "Baku"


def test_mixed_date_and_datetime_values_are_read_by_day() -> None:
    """An all-day start with a timed end, or a floating start with a zoned end, is read by its days."""
    first, second = read_ics_meetings(ICS / "mixed_date_datetime.ics", book(), today=TODAY)
    assert (first.start, first.end) == (PartialDate.of(date(2020, 6, 1)), PartialDate.of(date(2020, 6, 2)))
    assert (second.start, second.end) == (PartialDate.of(date(2021, 3, 1)), PartialDate.of(date(2021, 3, 2)))


def test_unmatched_events_are_reported_in_one_warning() -> None:
    """Events matching no body are skipped and named once; a word inside a word is no match."""
    warnings: list[str] = []
    read_ics_meetings(ICS / "outlook_export.ics", book(), warnings.append, today=TODAY)
    assert warnings == [f"{ICS / 'outlook_export.ics'}: 2 events match no body and were skipped: 'Team lunch', 'Summitry workshop'"]


def test_no_warning_callback_means_silence() -> None:
    assert len(read_ics_meetings(ICS / "outlook_export.ics", book(), today=TODAY)) == 3


@pytest.mark.parametrize(("title", "expected"), [("7th Summit", 7), ("Sixth CICA Summit", 6), ("SOC 21st meeting", 21), ("Summit 2026", None)])
def test_ordinal_in_summary(title: str, expected: int | None) -> None:
    assert ordinal_in(title) == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.ics", "is empty"),
        ("binary.ics", "is binary"),
        ("not_ical.ics", "does not start with BEGIN:VCALENDAR"),
        ("truncated.ics", "is truncated"),
        ("no_events.ics", "has no VEVENT"),
        ("bad_date.ics", "DTSTART: Expected time"),
        ("no_dtstart.ics", "event has no DTSTART"),
        ("unknown_tzid.ics", "unknown time zone"),
        ("bad_xwr_timezone.ics", "X-WR-TIMEZONE cannot be applied"),
        ("bad_planner_date.ics", "X-PLANNER-DATE: '2020-13' has no month 13"),
    ],
)
def test_bad_file_is_a_register_error_naming_it(name: str, message: str) -> None:
    with pytest.raises(RegisterError) as info:
        read_ics_meetings(ICS / name, book(), today=TODAY)
    assert name in str(info.value) and message in str(info.value)


def test_missing_file_is_a_register_error(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="no such file"):
        read_ics_meetings(tmp_path / "gone.ics", book())
