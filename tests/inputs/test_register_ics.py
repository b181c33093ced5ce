"""Reading .ics registers: our own feeds back, Outlook and Google exports, and bad files."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from planner.core.dates import PartialDate
from planner.core.errors import RegisterError
from planner.core.model import Kind, Meeting, Status
from planner.inputs.ics.register_ics import ordinal_in, read_ics_meetings
from planner.outputs.calendar.folder.feeds import write_feeds
from planner.outputs.calendar.ical import combined_calendar_bytes
from tests.ical.test_ical import book, meetings

ICS = Path(__file__).parent.parent / "registers" / "ics"
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
    # 23:00 to 01:00: a late session, a one-day meeting on the day it began
    assert soc.start == PartialDate.of(date(2023, 3, 15)) and soc.end is None
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


@pytest.mark.parametrize(("title", "expected"), [("7th Summit", 7), ("Sixth CICA Summit", 6), ("SOC 21st meeting", 21), ("Summit 2026", None), ("\u09eath Summit", None)])
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
        ("bad_date.ics", "DTSTART: is not a date of the form YYYYMMDD or YYYYMMDDTHHMMSS (got '2022101'"),
        ("no_dtstart.ics", "event has no DTSTART"),
        ("bad_rrule.ics", "RRULE: Expected frequency"),
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


def test_yearly_series_with_count_gives_one_meeting_per_occurrence() -> None:
    """RRULE:FREQ=YEARLY;COUNT=3 is three meetings, each two days, none with an ordinal."""
    found = read_ics_meetings(ICS / "yearly_count3.ics", book(), today=TODAY)
    assert [(m.body, str(m.start), str(m.end), m.ordinal, m.city) for m in found] == [
        ("youth", "2023-09-12", "2023-09-13", None, "Baku"),
        ("youth", "2024-09-12", "2024-09-13", None, "Baku"),
        ("youth", "2025-09-12", "2025-09-13", None, "Baku"),
    ]
    assert [m.status for m in read_ics_meetings(ICS / "yearly_count3.ics", book(), today=date(2025, 1, 1))] == [Status.HELD, Status.HELD, Status.PLANNED]


def test_yearly_series_gives_three_meetings_to_check(runner, tmp_path: Path) -> None:
    """The Youth Council's yearly Outlook series meets its once-a-year rule in 2023, 2024, 2025."""
    from planner.cli import main

    result = runner.invoke(main, ["--meetings", str(ICS / "yearly_count3.ics"), "check", "--today", "2026-11-26", "--body", "youth_council", "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.stdout)
    assert report["meetings"] == 3
    met = sorted(f["window"]["start"][:4] for f in report["findings"] if f["verdict"] == "met")
    assert met == ["2023", "2024", "2025"]


def test_series_with_exdate_rdate_and_overrides() -> None:
    """Every six months, minus an EXDATE, plus RDATEs given as lists on several lines; one
    occurrence moved to Baku over two days, one cancelled."""
    found = read_ics_meetings(ICS / "series_overrides.ics", book(), today=TODAY)
    got = [(str(m.start), str(m.end or ""), m.status.value, m.city) for m in found]
    assert got == [
        ("2024-03-15", "", "held", "Astana"),
        ("2024-06-10", "", "held", "Astana"),
        ("2024-09-17", "2024-09-18", "held", "Baku"),
        ("2024-12-10", "", "held", "Astana"),
        ("2025-09-15", "", "cancelled", ""),
        ("2025-12-01", "", "held", "Astana"),
        ("2026-03-15", "", "planned", "Astana"),
    ]


def test_endless_series_stops_at_the_horizon() -> None:
    """An RRULE without COUNT or UNTIL is expanded up to ``until``, not forever."""
    found = read_ics_meetings(ICS / "endless_series.ics", book(), today=TODAY, until=date(2027, 12, 31))
    assert [str(m.start) for m in found] == [f"{y}-03-01" for y in range(2020, 2028)]
    default = read_ics_meetings(ICS / "endless_series.ics", book(), today=TODAY)
    assert str(default[-1].start) == "2036-03-01"  # ten years after today, the default horizon


def test_whole_words_kinds_and_online_places() -> None:
    """A planning call or a briefing is no meeting of the body it names; kinds come from
    CATEGORIES or the title; Teams, Zoom and Webex locations are online or hybrid."""
    warnings: list[str] = []
    found = read_ics_meetings(ICS / "words_and_places.ics", book(), warnings.append, today=TODAY)
    got = [(m.body, m.kind.value, m.format.value if m.format else "", m.city, m.country) for m in found]
    assert got == [
        ("youth", "regular", "online", "", ""),
        ("soc", "extraordinary", "online", "", ""),
        ("soc", "informal", "hybrid", "Astana", "Kazakhstan"),
        ("soc", "special", "", "Baku", ""),
    ]
    assert warnings == [f"{ICS / 'words_and_places.ics'}: 3 events match no body and were skipped: 'Youth Council planning call', 'Pre-Summit briefing', 'Summitry workshop'"]


def test_an_alias_can_claim_a_planning_call() -> None:
    """The rule book decides: with the alias, the planning call is a Youth Council meeting."""
    data = book().model_dump(mode="json", exclude_none=True)
    youth = next(b for b in data["bodies"] if b["id"] == "youth")
    youth["aliases"] = [*youth.get("aliases", []), "Youth Council planning call"]
    from planner.core.model import RuleBook

    found = read_ics_meetings(ICS / "words_and_places.ics", RuleBook.model_validate(data), today=TODAY)
    assert [str(m.start) for m in found if m.body == "youth"] == ["2024-03-05", "2024-03-06"]


def test_unknown_zone_is_read_as_written_with_one_warning() -> None:
    """Outlook's TZID "Western/Central Europe" has no definition: dates as written, one warning."""
    warnings: list[str] = []
    summit, soc = read_ics_meetings(ICS / "outlook_unknown_zone.ics", book(), warnings.append, today=TODAY)
    assert (str(summit.start), summit.end, summit.ordinal) == ("2022-10-12", None, 6)
    assert str(soc.start) == "2023-06-01"
    assert len(warnings) == 1 and "'Western/Central Europe' is not known" in warnings[0] and "4 dates read as written" in warnings[0]


def test_repeated_dtstart_and_rdate_lists_are_read() -> None:
    """Two DTSTART lines: the first, with a warning; RDATE lists on two lines all count."""
    warnings: list[str] = []
    found = read_ics_meetings(ICS / "repeated_dtstart.ics", book(), warnings.append, today=TODAY)
    assert [str(m.start) for m in found] == ["2024-09-01", "2025-09-01", "2026-09-01", "2027-09-01"]
    assert len(warnings) == 1 and "DTSTART given more than once" in warnings[0]


def test_icalendar_guesses_become_one_warning_of_ours() -> None:
    """Thunderbird's vendor-prefixed TZID is read as Asia/Almaty; icalendar's Python warning
    becomes one line naming the file, not a source line of a library."""
    warnings: list[str] = []
    (soc,) = read_ics_meetings(ICS / "vendor_tzid.ics", book(), warnings.append, today=TODAY)
    assert (str(soc.start), soc.end) == ("2024-03-01", None)
    assert warnings == [f"{ICS / 'vendor_tzid.ics'}: Timezone '/mozilla.org/20070129_1/Asia/Almaty' is a globally unique TZID; guessing it means 'Asia/Almaty' by stripping the vendor prefix. This may be wrong"]


@pytest.mark.parametrize(
    ("end_line", "prop"),
    [("DTEND;VALUE=DATE:30010101", "DTEND"), ("DURATION:P800000D", "DURATION"), ("DURATION:P3000000D", "DURATION")],
)
def test_a_last_day_out_of_range_names_the_property_that_set_it(tmp_path: Path, end_line: str, prop: str) -> None:
    # DTSTART is 2025-01-01, in range: the error must point at the line that is wrong
    # (P3000000D passes the year 9999, P800000D and 3001 only the registers' 2999)
    path = tmp_path / "far.ics"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", "BEGIN:VEVENT", "UID:far@t", "DTSTAMP:20260101T000000Z",
             "DTSTART;VALUE=DATE:20250101", end_line, "SUMMARY:Summit", "END:VEVENT", "END:VCALENDAR", ""]
    path.write_text("\r\n".join(lines), encoding="utf-8")
    with pytest.raises(RegisterError) as info:
        read_ics_meetings(path, book(), today=TODAY)
    assert f"VEVENT 1 'Summit': {prop}: " in str(info.value)
    assert "DTSTART" not in str(info.value)
