"""Twentieth attacker pass: what icalendar keeps between files (guessed and defined zones),
and further hostile inputs and faults."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.hostile.test_hostile19 import _both, _calendar

ROOT = Path(__file__).resolve().parent.parent.parent
MINIMAL = ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"
TODAY = ["--today", "2026-11-26"]
VENDOR = "/mozilla.org/20050126_1/Asia/Almaty"
GUESS = f"Timezone {VENDOR!r} is a globally unique TZID; guessing it means 'Asia/Almaty' by stripping the vendor prefix. This may be wrong"


def _ics(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile20//EN", *lines, "END:VCALENDAR", ""])


def _event(uid: str, *props: str, summary: str = "Summit") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{summary}", *props, "END:VEVENT"]


def _vendor_files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, day in (("a.ics", "20270601"), ("b.ics", "20270701")):
        path = tmp_path / name
        path.write_text(_ics(*_event(name, f"DTSTART;TZID={VENDOR}:{day}T100000", f"DTEND;TZID={VENDOR}:{day}T120000")), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_guessed_zone_is_said_for_every_register(tmp_path: Path) -> None:
    """Two --meetings files with Thunderbird's vendor TZID: icalendar warns of its guess only
    the first time in a process, and the second file went unnamed. Each is named now."""
    a, b = _vendor_files(tmp_path)
    result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(MINIMAL), "--meetings", str(a), "--meetings", str(b)])
    assert result.exit_code in (0, 1), result.output
    said = [line for line in result.stderr.splitlines() if "globally unique TZID" in line]
    assert said == [f"warning: {a}: {GUESS}", f"warning: {b}: {GUESS}"]


def test_a_guessed_zone_of_a_calendar_to_avoid_is_a_line_of_ours(tmp_path: Path) -> None:
    """--avoid files with a vendor TZID: the guess came as a Python warning quoting a source
    line of icalendar, for the first file only. Now one warning line of ours per file."""
    a, b = _vendor_files(tmp_path)
    result = CliRunner().invoke(main, ["project", *TODAY, "--to", "2028-12-31", "--avoid", str(a), "--avoid", str(b)])
    assert result.exit_code == 0, result.output
    assert "icalendar" not in result.stderr and "GloballyUniqueTZIDGuessed" not in result.stderr
    said = [line for line in result.stderr.splitlines() if "globally unique TZID" in line]
    assert said == [f"warning: {a}: {GUESS}", f"warning: {b}: {GUESS}"]


def test_a_zone_defined_by_one_file_is_not_known_to_the_next(tmp_path: Path) -> None:
    """icalendar kept the first VTIMEZONE of each TZID for the whole process: a second register
    naming that TZID without defining it passed as known (no warning), and a second file's own
    VTIMEZONE of that name was replaced by the first's. Each file has its own zones now."""
    zone = ["BEGIN:VTIMEZONE", "TZID:Custom Zone", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+1400", "TZOFFSETTO:+1400", "END:STANDARD", "END:VTIMEZONE"]
    defines, names = tmp_path / "defines.ics", tmp_path / "names.ics"
    defines.write_text(_ics(*zone, *_event("d-1", "DTSTART;TZID=Custom Zone:20220601T230000")), encoding="utf-8")
    names.write_text(_ics(*_event("n-1", "DTSTART;TZID=Custom Zone:20180601T230000")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(MINIMAL), "--meetings", str(defines), "--meetings", str(names)])
    assert result.exit_code in (0, 1), result.output
    assert f"warning: {names}: time zone 'Custom Zone' is not known (neither IANA, Windows nor a VTIMEZONE of the file); 1 date read as written" in result.stderr.splitlines()


TIMED = [
    ["UID:z", "DTSTART:20270301T090000Z", "DTEND:20270301T100000Z", "SUMMARY:Same day"],
    ["UID:m", "DTSTART:20270302T220000Z", "DTEND:20270303T000000Z", "SUMMARY:To midnight"],
    ["UID:s", "DTSTART:20270304T230000Z", "DTEND:20270306T010000Z", "SUMMARY:Three days"],
    # (an event ending before it starts, read as its first day here once, is refused since the
    # twenty-third pass: tests/hostile/test_hostile23.py)
    ["UID:e", "DTSTART:20270308T100000Z", "DTEND:20270308T100000Z"],
    ["UID:f", "DTSTART:20270309T230000", "DTEND:20270310T010000", "SUMMARY:Floating"],
    ["UID:t", "DTSTART;TZID=Asia/Almaty:20270311T230000", "DTEND;TZID=Asia/Almaty:20270312T000000", "SUMMARY:Almaty"],
    ["UID:v", "DTSTART;VALUE=DATE-TIME;TZID=Europe/Berlin:20270328T013000", "DTEND;TZID=Europe/Berlin:20270328T030000", "SUMMARY:Berlin at the change"],
    ["UID:o", "DTSTART;TZID=Asia/Tokyo:20270313T080000", "DTEND:20270312T230000Z", "SUMMARY:Two zones"],
    ["UID:g", "DTSTART;TZID=Asia/Tokyo:20270314T080000", "DTEND:20270315T230000", "SUMMARY:Zone and floating"],
    ["UID:d", "DTSTART;VALUE=DATE:20270316", "DTEND:20270317T120000Z", "SUMMARY:Date and time"],
    ["UID:n", "DTSTART:20270318T100000Z", "SUMMARY:No end"],
    ["UID:h", "DTSTART:20270319T100000Z", "DTEND:20270319T110000Z", "TRANSP:TRANSPARENT", "SUMMARY:Free"],
]


def test_avoid_reads_a_plain_timed_event_as_icalendar_does(tmp_path: Path) -> None:
    """Timed events of one form (UTC, floating, one IANA zone) are read without icalendar, in
    a file without X-WR-TIMEZONE or series: the same days as icalendar's reading (an end at
    midnight does not take its day), and the rest is icalendar's to read. 33,000 timed events
    in a `project --avoid` took 5.5 s of CPU, 1.7 s now."""
    busy = tmp_path / "busy.ics"
    busy.write_text(_calendar(*TIMED), encoding="utf-8")
    with_fast_path, without = _both(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert with_fast_path == without
    assert [(str(b.start), str(b.end), b.reason.removeprefix("busy.ics: ")) for b in without] == [  # type: ignore[attr-defined]
        ("2027-03-01", "None", "Same day"),
        ("2027-03-02", "None", "To midnight"),
        ("2027-03-04", "2027-03-06", "Three days"),
        ("2027-03-08", "None", "busy"),
        ("2027-03-09", "2027-03-10", "Floating"),
        ("2027-03-11", "None", "Almaty"),
        ("2027-03-13", "None", "Two zones"),  # (ends at the instant it starts)
        ("2027-03-14", "2027-03-15", "Zone and floating"),
        ("2027-03-16", "None", "Date and time"),
        ("2027-03-18", "None", "No end"),
        ("2027-03-28", "None", "Berlin at the change"),
    ]


@pytest.mark.parametrize("bad", ["DTSTART:20270301T250000Z", "DTSTART;TZID=Asia/Almaty:20270301T090000Z", "DTSTART:20270230T090000Z", "DTSTART;TZID=Nowhere/City:20270301T090000"])
def test_avoid_leaves_an_odd_timed_event_to_icalendar(tmp_path: Path, bad: str) -> None:
    """A time of hour 25, a TZID beside a Z, 30 February, a zone nobody knows: icalendar's to
    read or refuse, in the words it had before."""
    busy = tmp_path / "busy.ics"
    busy.write_text(_calendar(*TIMED, ["UID:bad", bad, "SUMMARY:Odd"]), encoding="utf-8")
    with_fast_path, without = _both(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert with_fast_path == without


def test_avoid_reads_timed_events_under_x_wr_timezone_with_icalendar(tmp_path: Path) -> None:
    """X-WR-TIMEZONE moves a UTC instant into the calendar's zone, across midnight: such a
    file's timed events are icalendar's to read (22:00Z on 1 March is 2 March in Tokyo)."""
    busy = tmp_path / "busy.ics"
    busy.write_text(_calendar(["UID:x", "DTSTART:20270301T220000Z", "DTEND:20270301T230000Z", "SUMMARY:Late"]).replace("PRODID:-//test//EN", "PRODID:-//test//EN\r\nX-WR-TIMEZONE:Asia/Tokyo"), encoding="utf-8")
    with_fast_path, without = _both(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert with_fast_path == without
    assert [str(b.start) for b in without] == ["2027-03-02"]  # type: ignore[attr-defined]


def test_a_server_that_trickles_its_headers_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """The answer's body was bounded in time once its headers came, but not the headers: a
    server writing its status line and then a byte every half second held `publish` for hours
    (a run killed after 25 s). A request and its whole answer now have MAX_ANSWER_SECONDS
    (120; 1 here): exit 2 and one line, in seconds."""
    import http.server
    import time

    from planner.outputs.calendar import caldav
    from tests.hostile.test_hostile3 import _publish_to

    monkeypatch.setattr(caldav, "MAX_ANSWER_SECONDS", 1.0)

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_PROPFIND(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                self.wfile.write(b"HTTP/1.1 207 Multi-Status\r\n")
                for _ in range(120):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    url, result = _publish_to(Trickle)
    assert result.exit_code == 2, result.stderr
    assert result.stderr == f"error: {url}: the server's answer cannot be read while reading the calendar: the answer took more than 1 s to arrive (expected a CalDAV calendar URL such as https://host/user/calendar/, on a running server)\n"


@pytest.mark.parametrize("url", ["http://[::1", "https://[fe80::1/cal", "webcal://]x/"])
def test_a_base_url_with_a_bracket_unclosed_is_one_line(tmp_path: Path, url: str) -> None:
    """`ics --base-url http://[::1`: urlsplit's ValueError ("Invalid IPv6 URL") was a traceback
    and exit 1 (the port's was caught, not the host's). Now a usage error, exit 2."""
    result = CliRunner().invoke(main, ["ics", *TODAY, "--out", str(tmp_path / "feeds"), "--base-url", url])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and f"Invalid value for --base-url: {url!r} is not " in line
    assert not (tmp_path / "feeds").exists()


def test_a_planner_file_gone_while_its_print_is_taken_is_no_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reuse print of `ics --out` lists planner's own files, then asks each its size and
    time: one removed between the two (an editor's temporary file, a package upgrade) was a
    FileNotFoundError traceback. It is left out of the print."""
    from planner.outputs.calendar.folder import given

    root = Path(given.__file__).resolve().parents[3]
    walk = Path.rglob
    ghost = root / "outputs" / "gone-while-walked.py"

    def rglob(self: Path, pattern: str):  # type: ignore[no-untyped-def]
        yield from walk(self, pattern)
        if self == root:
            yield ghost

    monkeypatch.setattr(Path, "rglob", rglob)
    is_file = Path.is_file
    monkeypatch.setattr(Path, "is_file", lambda self: self == ghost or is_file(self))
    given._code.cache_clear()
    try:
        assert len(given._code()) == 32
    finally:
        given._code.cache_clear()


def _ended_book(tmp_path: Path, bodies: int, rules: str) -> Path:
    head = MINIMAL.read_text(encoding="utf-8").split("[[bodies]]")[0]
    body = '[[bodies]]\nid = "b{i}"\nname = "B{i}"\ncategory = "working"\nestablished = 2000\n' + rules
    path = tmp_path / "ended.toml"
    path.write_text(head + "\n".join(body.replace("{i}", str(i)) for i in range(bodies)), encoding="utf-8")
    return path


def test_rules_that_ended_ask_for_no_meeting_of_the_horizon(tmp_path: Path) -> None:
    """300 bodies of a daily rule that ended in 2001: the bound on projected meetings counted
    each over the horizon from 2026 (3,653 a body) and refused the rule book, exit 2. A rule
    is counted over the days it is in force (and a period past them) only."""
    book = _ended_book(tmp_path, 300, '[[bodies.rules]]\nkind = "every"\ninterval = "1d"\nuntil = 2001-01-01\n')
    result = CliRunner().invoke(main, ["--rules", str(book), *TODAY, "project", "--format", "json"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("interval", ["1d", "1m", "1y"])
def test_a_rolling_rule_that_ended_projects_nothing(tmp_path: Path, interval: str) -> None:
    """`every 1d until 2001-01-01`, nothing ever held: check judges its windows to 2001 and
    nothing after; projection took the silent chain up to the window due now and placed a
    meeting on 2026-11-27 ("1 day after the window due 2026-11-26"; monthly too). Nothing now."""
    book = _ended_book(tmp_path, 1, f'[[bodies.rules]]\nkind = "every"\ninterval = "{interval}"\nuntil = 2001-01-01\n')
    result = CliRunner().invoke(main, ["--rules", str(book), *TODAY, "project", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    import json

    assert json.loads(result.stdout)["meetings"] == []


def test_a_rolling_rule_whose_later_version_is_in_force_still_projects(tmp_path: Path) -> None:
    """The same daily rule ended in 2001 and followed by a yearly version of it (one id): the
    chain goes on under the version in force, one meeting a year."""
    rules = '[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "1d"\nuntil = 2001-01-01\n[[bodies.rules]]\nid = "r"\nkind = "every"\ninterval = "1y"\nsince = 2001-01-02\n'
    book = _ended_book(tmp_path, 1, rules)
    result = CliRunner().invoke(main, ["--rules", str(book), *TODAY, "project", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    import json

    starts = [m["start"] for m in json.loads(result.stdout)["meetings"]]
    assert len(starts) >= 10 and starts[0].startswith("2026-"), starts
