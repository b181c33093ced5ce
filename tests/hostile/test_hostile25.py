"""Twenty-fifth attacker pass: DURATIONs checked as text against RFC 5545's grammar, member
codes of ``init`` that are no country's, and further hostile inputs (issue 10)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.errors import RegisterError
from planner.inputs.ics.avoid import load_avoid

ROOT = Path(__file__).resolve().parent.parent.parent
MINIMAL = ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"
TODAY = ["--today", "2026-11-26"]
ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile25//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:20220601\r\nDURATION:{duration}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


# RFC 5545 3.3.6: dur-value = (["+"] / "-") "P" (dur-date / dur-time / dur-week); dur-week =
# 1*DIGIT "W" (weeks alone); dur-hour = 1*DIGIT "H" [dur-minute]; dur-minute = 1*DIGIT "M"
# [dur-second] (no unit skipped); the letters are capitals. https://www.rfc-editor.org/rfc/rfc5545#section-3.3.6
@pytest.mark.parametrize(
    ("duration", "says"),
    [
        ("P1W2D", "DURATION gives weeks beside other units (got 'P1W2D'; expected 'P9D', the same length as RFC 5545 3.3.6 writes it)"),
        ("P1WT2H", "DURATION gives weeks beside other units (got 'P1WT2H'; expected 'P7DT2H'"),
        ("p2d", "DURATION is written in small letters (got 'p2d'; expected 'P2D'"),
        ("P2d", "DURATION is written in small letters (got 'P2d'; expected 'P2D'"),
        ("PT1H30S", "DURATION skips a unit between hours and seconds (got 'PT1H30S'; expected 'PT1H0M30S'"),
        ("P1M", "DURATION gives years or months, which have no fixed length (got 'P1M'"),
        ("P1Y", "DURATION gives years or months, which have no fixed length (got 'P1Y'"),
        ("P1.5D", "DURATION is not a length (got 'P1.5D'"),
        ("P2D3H", "DURATION is not a length (got 'P2D3H'"),
        ("P-2D", "DURATION is not a length (got 'P-2D'"),
        (" P2D", "DURATION has spaces around its value (got ' P2D'; expected 'P2D'"),
    ],
)
def test_a_duration_not_written_as_rfc_5545_writes_one_is_refused_at_its_line(tmp_path: Path, duration: str, says: str) -> None:
    """icalendar read P1W2D as nine days and PT1H30S as 1 h 30 s without a word (exit 0),
    and said of p2d only "Invalid iCalendar duration", without the line: each is refused at
    line 8 with the same length as the RFC writes it, where the meaning is plain."""
    path = tmp_path / "meetings.ics"
    path.write_text(ICS.format(duration=duration), encoding="utf-8", newline="")
    code, err = _run("--rules", str(MINIMAL), "--meetings", str(path), "check", *TODAY)
    assert code == 2
    assert err.startswith(f"error: {path}:8: {says}"), err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(("duration", "code"), [("P9D", 1), ("PT36H", 1), ("P1W", 1), ("P1DT12H", 1), ("PT1H0M30S", 1), ("+P2D", 1), ("P0W", 1), ("P\r\n 2D", 1)])
def test_a_duration_as_rfc_5545_writes_one_is_read(tmp_path: Path, duration: str, code: int) -> None:
    """Durations the grammar allows (weeks alone, days with a time, a sign, a value folded
    over two lines) are read as before: the Summit of 2022 is found (exit 1: the minimal
    book's committee has no meetings)."""
    path = tmp_path / "meetings.ics"
    path.write_text(ICS.format(duration=duration), encoding="utf-8", newline="")
    found, err = _run("--rules", str(MINIMAL), "--meetings", str(path), "check", *TODAY)
    assert found == code and "error" not in err, err


def test_a_calendar_to_avoid_checks_its_durations_as_a_register_does(tmp_path: Path) -> None:
    """--avoid reads its file as a register does: a busy event of P1W2D was nine busy days."""
    path = tmp_path / "busy.ics"
    path.write_text(ICS.format(duration="P1W2D"), encoding="utf-8", newline="")
    with pytest.raises(RegisterError, match=r":8: DURATION gives weeks beside other units \(got 'P1W2D'; expected 'P9D'"):
        load_avoid(path, date(2022, 1, 1), date(2022, 12, 31))


def test_a_duration_in_an_alarm_is_held_to_the_grammar_too(tmp_path: Path) -> None:
    """A VALARM's DURATION (RFC 5545 3.6.6) has the same grammar: refused at its own line."""
    text = ICS.format(duration="P2D").replace("END:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nREPEAT:2\r\nDURATION:pt5m\r\nEND:VALARM\r\nEND:VEVENT")
    path = tmp_path / "meetings.ics"
    path.write_text(text, encoding="utf-8", newline="")
    code, err = _run("--rules", str(MINIMAL), "--meetings", str(path), "validate")
    assert code == 2 and err.startswith(f"error: {path}:13: DURATION is written in small letters (got 'pt5m'; expected 'PT5M'"), err


# ISO 3166-1 alpha-2: Austria is AT; XX, ZZ, AA, QM-QZ and XA-XZ are user-assigned (no country's).
# https://www.iso.org/iso-3166-country-codes.html; tzdata's iso3166.tab lists the assigned codes.
@pytest.mark.parametrize(
    ("members", "says"),
    [
        ("Austria=XX", "error: --members: 'Austria=XX': Austria is AT in ISO 3166, not XX; expected Austria=AT, or Austria alone"),
        ("Norway, Austria=DE", "error: --members: 'Austria=DE': Austria is AT in ISO 3166, not DE"),
        ("Narnia=XX", "error: --members: 'Narnia=XX': 'XX' is no country's ISO 3166 code"),
        ("Narnia=QZ", "error: --members: 'Narnia=QZ': 'QZ' is no country's ISO 3166 code"),
    ],
)
def test_init_refuses_a_member_code_that_is_no_countrys_or_another_countrys(tmp_path: Path, members: str, says: str) -> None:
    """``init --members Austria=XX`` wrote ``code = "XX"``: the holidays package knows no XX,
    and the meetings Austria hosts were placed avoiding only weekends. Refused, nothing written."""
    code, err = _run("init", str(tmp_path / "org"), "--members", members)
    assert code == 2 and err.splitlines()[0].startswith(says), err
    assert not (tmp_path / "org").exists()


@pytest.mark.parametrize(("members", "codes"), [("Faroe Islands=FO", ["FO"]), ("Kosovo=XK", ["XK"]), ("Austria=at", ["AT"]), ("Antarctica=AQ", ["AQ"]), ("Türkiye=TR", ["TR"])])
def test_init_takes_a_member_code_iso_or_the_holidays_package_assigns(tmp_path: Path, members: str, codes: list[str]) -> None:
    """A code ISO 3166 assigns (FO, AQ), or the holidays package keys a calendar by (Kosovo's
    XK, user-assigned), given in any case, is written as given in capitals."""
    code, err = _run("init", str(tmp_path / "org"), "--members", members, *TODAY)
    assert code == 0, err
    book = tomllib.loads((tmp_path / "org" / "rules.toml").read_text(encoding="utf-8"))
    assert [m["code"] for m in book["organization"]["members"]] == codes


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('short_name = "DEMO"', 'short_name = ""', "organization.short_name: is empty (got ''; expected a name with visible characters)"),
        ('short_name = "DEMO"', 'short_name = "  "', "organization.short_name: is empty (got '  '"),
        ('short_name = "SOC"', 'short_name = "   "', "bodies[2].short_name: is empty (got '   '; expected a short name with visible characters, or none (short_name left out))"),
        ('short_name = "SOC"', 'short_name = "\\u00a0"', "bodies[2].short_name: is empty (got '\\xa0'"),
    ],
)
def test_a_short_name_of_nothing_visible_is_refused(tmp_path: Path, old: str, new: str, says: str) -> None:
    """An organization's short name heads every output: "" made it " compliance as of ..."; a
    body's short name of spaces stood in sentences as nothing ("the    of 2027"). A body's
    short_name = "" stays allowed: it means none (the name is used)."""
    path = tmp_path / "rules.toml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    code, err = _run("--rules", str(path), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"), "validate")
    assert code == 2 and err.startswith(f"error: {path}: {says}"), err


def test_a_body_short_name_left_empty_means_none(tmp_path: Path) -> None:
    """short_name = "" on a body: no short name, its full name shown (validate exit 0)."""
    path = tmp_path / "rules.toml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace('short_name = "SOC"', 'short_name = ""', 1), encoding="utf-8")
    code, err = _run("--rules", str(path), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"), "validate")
    assert code == 0, err


def _event(*props: str, summary: str = "Summit") -> str:
    body = "".join(f"{p}\r\n" for p in props)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile25//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:{summary}\r\n{body}END:VEVENT\r\nEND:VCALENDAR\r\n"


# RFC 5545 3.3.10 (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10): bymolist 1 to 12,
# bymodaylist +/-1 to 31, byyrdaylist +/-1 to 366, bywknolist +/-1 to 53, bysplist +/-1 to
# 366, byhrlist 0 to 23; a BYDAY number only in a MONTHLY or YEARLY rule (not beside
# BYWEEKNO), within a month at most 5; "The UNTIL or COUNT rule parts are OPTIONAL, but they
# MUST NOT occur in the same 'recur'".
@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ("FREQ=MONTHLY;BYDAY=9MO;COUNT=3", "recurring series has BYDAY=9MO (got 'FREQ=MONTHLY;COUNT=3;BYDAY=9MO'; expected a number from 1 to 5 or -5 to -1 before the weekday: a month has at most 5 of each"),
        ("FREQ=YEARLY;BYDAY=60MO;COUNT=3", "recurring series has BYDAY=60MO (got 'FREQ=YEARLY;COUNT=3;BYDAY=60MO'; expected a number from 1 to 53 or -53 to -1"),
        ("FREQ=MONTHLY;BYDAY=6MO;COUNT=3", "recurring series has BYDAY=6MO"),
        ("FREQ=WEEKLY;BYDAY=2MO;COUNT=3", "recurring series has BYDAY=2MO (got 'FREQ=WEEKLY;COUNT=3;BYDAY=2MO'; expected a weekday without a number in a WEEKLY rule"),
        ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO;COUNT=2", "recurring series has BYDAY=1MO (got 'FREQ=YEARLY;COUNT=2;BYDAY=1MO;BYWEEKNO=20'; expected a weekday without a number beside BYWEEKNO"),
        ("FREQ=YEARLY;BYMONTH=13", "recurring series has BYMONTH=13, out of its range (got 'FREQ=YEARLY;BYMONTH=13'; expected BYMONTH of 1 to 12 (RFC 5545 3.3.10))"),
        ("FREQ=MONTHLY;BYMONTHDAY=0;COUNT=3", "recurring series has BYMONTHDAY=0, out of its range"),
        ("FREQ=YEARLY;BYMONTHDAY=40;COUNT=3", "recurring series has BYMONTHDAY=40, out of its range"),
        ("FREQ=YEARLY;BYYEARDAY=-400;COUNT=3", "recurring series has BYYEARDAY=-400, out of its range"),
        ("FREQ=YEARLY;BYWEEKNO=60;COUNT=3", "recurring series has BYWEEKNO=60, out of its range"),
        ("FREQ=DAILY;BYHOUR=25;COUNT=3", "recurring series has BYHOUR=25, out of its range"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0;COUNT=3", "recurring series has BYSETPOS=0, out of its range"),
        ("FREQ=YEARLY;COUNT=0", "recurring series has COUNT=0 (got 'FREQ=YEARLY;COUNT=0'; expected COUNT=1 or more, or no COUNT"),
        ("FREQ=YEARLY;COUNT=3;UNTIL=20150101", "recurring series gives both COUNT and UNTIL"),
    ],
)
def test_a_rule_part_out_of_its_range_is_refused(tmp_path: Path, rule: str, says: str) -> None:
    """BYDAY=9MO in a monthly series was an IndexError traceback (dateutil); BYMONTHDAY=0 made
    a monthly series daily; BYMONTH=13 matched no day, and the series was read as its first
    meeting alone; COUNT beside UNTIL read one of the two. Each is one line, exit 2."""
    path = tmp_path / "meetings.ics"
    path.write_text(_event("DTSTART;VALUE=DATE:20100601", f"RRULE:{rule}"), encoding="utf-8", newline="")
    for command in ("validate", "check"):
        code, err = _run("--rules", str(MINIMAL), "--meetings", str(path), command, *TODAY)
        assert code == 2 and err.startswith(f"error: {path}: VEVENT 1 'Summit': {says}"), err
        assert len(err.splitlines()) == 1


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;BYDAY=5MO;COUNT=3", "FREQ=YEARLY;BYDAY=53MO;COUNT=3", "FREQ=YEARLY;BYMONTH=1;BYDAY=-1MO;COUNT=3", "FREQ=MONTHLY;BYDAY=+1MO,-1FR;COUNT=4", "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=-1;COUNT=3", "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4"])
def test_a_rule_of_parts_in_range_is_read(tmp_path: Path, rule: str) -> None:
    """The edges of the ranges (the fifth Monday of a month, the 53rd of a year, the last
    Monday of January, the last day of June) are read (exit 1: the committee has no meetings)."""
    path = tmp_path / "meetings.ics"
    path.write_text(_event("DTSTART;VALUE=DATE:20100601", f"RRULE:{rule}"), encoding="utf-8", newline="")
    code, err = _run("--rules", str(MINIMAL), "--meetings", str(path), "check", *TODAY)
    assert code == 1 and "error" not in err, err


@pytest.mark.parametrize(
    ("props", "says"),
    [
        # RFC 5545 3.6.1: "'dtend' and 'duration' MUST NOT occur in the same 'eventprop'"
        (("DTSTART;VALUE=DATE:20100601", "DTEND;VALUE=DATE:20100603", "DURATION:P5D"), "event gives both DTEND and DURATION (got 'DTEND 20100603, DURATION P5D'"),
        (("DTSTART;VALUE=DATE:20100601", "X-PLANNER-ORDINAL:3", "X-PLANNER-ORDINAL:4"), "X-PLANNER-ORDINAL appears 2 times with different values (got '3, 4'; expected one X-PLANNER-ORDINAL an event)"),
        (("DTSTART;VALUE=DATE:20100601", "STATUS:CONFIRMED", "STATUS:CANCELLED"), "STATUS appears 2 times with different values (got 'CONFIRMED, CANCELLED'"),
        # RFC 5545 3.8.1.11: statvalue-event = "TENTATIVE" / "CONFIRMED" / "CANCELLED"
        (("DTSTART;VALUE=DATE:20100601", "STATUS:POSTPONED"), "STATUS is not a status a VEVENT has (got 'POSTPONED'; expected TENTATIVE, CONFIRMED or CANCELLED"),
        # RFC 5545 3.8.5.1: exdate takes DATE-TIME or DATE values only
        (("DTSTART;VALUE=DATE:20100601", "RRULE:FREQ=YEARLY;COUNT=3", "EXDATE;VALUE=PERIOD:20110601T000000Z/P1D"), "EXDATE is a PERIOD (got '20110601T000000Z/P1D'"),
        (("DTSTART;VALUE=DATE:20100601", "RDATE;VALUE=DATE:00010101"), "RDATE: is out of range (got '00010101'; expected dates in the years 1000 to 2999"),
        (("DTSTART;VALUE=DATE:20100601", "RDATE;VALUE=DATE:20120601,99991231"), "RDATE: is out of range (got '20120601,99991231'"),
    ],
)
def test_properties_that_contradict_or_the_rfc_does_not_allow_are_refused(tmp_path: Path, props: tuple[str, ...], says: str) -> None:
    """Each was read as one of its meanings without a word: the DURATION unread, the first
    ordinal or status taken, STATUS:POSTPONED read as held once its days had passed, a PERIOD
    excluding nothing, an RDATE of the year 1 left out of the series."""
    path = tmp_path / "meetings.ics"
    path.write_text(_event(*props), encoding="utf-8", newline="")
    code, err = _run("--rules", str(MINIMAL), "--meetings", str(path), "check", *TODAY)
    assert code == 2 and err.startswith(f"error: {path}: VEVENT 1 'Summit': {says}"), err


def test_the_same_value_twice_and_a_status_in_small_letters_are_read(tmp_path: Path) -> None:
    """The same ordinal twice says one thing; "enumerated property values ... are
    case-insensitive" (RFC 5545 2): STATUS:cancelled is a cancelled meeting, as CANCELLED is."""
    path = tmp_path / "meetings.ics"
    path.write_text(_event("DTSTART;VALUE=DATE:20100601", "STATUS:cancelled", "X-PLANNER-ORDINAL:3", "X-PLANNER-ORDINAL:3"), encoding="utf-8", newline="")
    code, err = _run("--rules", str(MINIMAL), "--meetings", str(path), "validate")
    assert code == 0, err


def test_a_calendar_to_avoid_refuses_dtend_beside_duration_but_reads_any_status(tmp_path: Path) -> None:
    """--avoid: DTEND beside DURATION is refused as in a register; a STATUS it does not know
    (busy unless CANCELLED, RFC 5545 3.8.2.7) is read as busy."""
    path = tmp_path / "busy.ics"
    path.write_text(_event("DTSTART;VALUE=DATE:20220601", "DTEND;VALUE=DATE:20220603", "DURATION:P5D"), encoding="utf-8", newline="")
    with pytest.raises(RegisterError, match="event gives both DTEND and DURATION"):
        load_avoid(path, date(2022, 1, 1), date(2022, 12, 31))
    path.write_text(_event("DTSTART;VALUE=DATE:20220601", "STATUS:MAYBE"), encoding="utf-8", newline="")
    assert [b.start for b in load_avoid(path, date(2022, 1, 1), date(2022, 12, 31))] == [date(2022, 6, 1)]
