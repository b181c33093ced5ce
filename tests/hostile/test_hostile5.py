"""Fifth attacker pass: every command's every option fed what a hostile caller can give it (a
name longer than the system takes, an unreadable file, a read-only output), and valid inputs
built to make the work grow. The corpus holds the files; these are the cases a file cannot hold.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.words import LONG_WORD, cut_long_words

HERE = Path(__file__).resolve().parent.parent
MINIMAL = str(HERE / "rulebooks" / "valid" / "minimal.toml")
TODAY = ["--today", "2026-12-01"]


def _one_line(result, most: int = LONG_WORD + 300) -> str:  # noqa: ANN001
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[:2000]
    assert len(lines[0]) <= most, len(lines[0])
    return lines[0]


# Every option that names a file or folder, and the command it is given to.
PATH_OPTIONS = [
    ["validate", "--rules"],
    ["validate", "--meetings"],
    ["validate", "--chairs"],
    ["check", "--chairs"],  # a file the command does not read
    ["bodies", "--meetings"],
    ["project", "--avoid"],
    ["project", "--plan-file"],
    ["chairs", "-o"],
    ["ics", "--out"],
    ["report", "-o"],
    ["schema", "-o"],
    ["diff"],
    ["init"],
]


@pytest.mark.parametrize("length", [300, 100_000], ids=["300-letter name", "100 KB path"])
@pytest.mark.parametrize("command", PATH_OPTIONS, ids=" ".join)
def test_a_path_longer_than_the_system_takes_is_one_short_line(command: list[str], length: int, tmp_path: Path) -> None:
    """A file name of 300 letters (over the 255 a folder entry takes) or a path of 100 KB
    (over PATH_MAX) ended in an ``OSError`` traceback for every input option; the message now
    names the file, cut to its start and end, on one line."""
    path = str(tmp_path / ("n" * length))
    args = [*command, path] if command[0] in ("diff", "init") else [command[0], *TODAY, *command[1:], path]
    if command[0] == "diff":
        args.append(path)
    if command[0] == "schema":
        args = ["schema", "-o", path]
    line = _one_line(CliRunner().invoke(main, args))
    assert "too long" in line, line
    if length > LONG_WORD:
        assert f"({len(path):,} characters)" in line, line


def test_a_long_word_is_cut_and_the_message_punctuation_kept() -> None:
    word = "x" * 5000
    assert cut_long_words(f"{word}: is wrong") == f"{'x' * 120}...{'x' * 40} (5,000 characters): is wrong"
    assert cut_long_words(f"'{word}' and 'short'") == f"'{'x' * 119}...{'x' * 40} (5,001 characters)' and 'short'"
    assert cut_long_words("a" * LONG_WORD) == "a" * LONG_WORD


@pytest.mark.parametrize("option", ["--format", "--today", "--body"])
def test_a_usage_error_quotes_a_huge_value_cut_short(option: str) -> None:
    """``--format`` given 100 KB came back whole in click's usage error."""
    result = CliRunner().invoke(main, ["check", option, "A" * 100_000])
    assert result.exit_code == 2
    assert len(result.stderr) < 3 * LONG_WORD, len(result.stderr)


@pytest.mark.parametrize("command", [["check"], ["bodies"], ["cbms"], ["validate"]], ids=" ".join)
@pytest.mark.parametrize("option", ["--meetings", "--chairs"])
def test_a_file_given_is_read_or_refused_even_where_the_command_has_no_use_for_it(command: list[str], option: str, tmp_path: Path) -> None:
    """``check --chairs typo.csv`` and ``bodies --meetings missing.csv`` exited 0 or 1 without
    a word: a file named on the command line exists and can be read, or it is an error."""
    missing = tmp_path / "typo.csv"
    line = _one_line(CliRunner().invoke(main, [*command, *TODAY, option, str(missing)]))
    assert line == f"error: {missing}: no such file"
    line = _one_line(CliRunner().invoke(main, [*command, *TODAY, option, str(tmp_path)]))
    assert line == f"error: {tmp_path}: is a directory, not a file (expected a file)"


def test_validate_names_every_file_given_that_cannot_be_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", *TODAY, "--rules", MINIMAL, "--meetings", str(tmp_path), "--chairs", str(tmp_path / "c.csv")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {tmp_path}: is a directory, not a file (expected a file)",
        f"error: {tmp_path / 'c.csv'}: no such file",
    ]


def test_an_output_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    """``-o report.txt`` over a file kept private (0600) left a new file readable by all (0644):
    the atomic rename put a new file in place, with the temporary file's permissions."""
    target = tmp_path / "private.txt"
    target.write_text("old\n")
    target.chmod(0o600)
    result = CliRunner().invoke(main, ["bodies", *TODAY, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Summit" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def _as_plain_user() -> list[str] | None:
    """A command prefix that runs without root's power to write any file, or ``None``."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"] if setpriv else None


@pytest.mark.parametrize("command", [["check"], ["report"], ["schema"]], ids=" ".join)
def test_a_read_only_output_is_refused_not_replaced(command: list[str], tmp_path: Path) -> None:
    """A file made read-only (0444) was replaced all the same, since the rename needs only the
    folder's permission: refused now, as a shell's ``>`` refuses it."""
    prefix = _as_plain_user()
    if prefix is None:
        pytest.skip("needs setpriv(1) to run as root without DAC override")
    target = tmp_path / "kept.txt"
    target.write_text("kept\n")
    target.chmod(0o444)
    args = command if command == ["schema"] else [*command, *TODAY]
    result = subprocess.run([*prefix, sys.executable, "-m", "planner", *args, "-o", str(target)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [f"error: {target}: cannot write: it is read-only (expected a file this user may write, or another path)"]
    assert target.read_text() == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt"]  # no temporary file left


def test_an_unreadable_input_is_one_line(tmp_path: Path) -> None:
    prefix = _as_plain_user()
    if prefix is None:
        pytest.skip("needs setpriv(1) to run as root without DAC override")
    secret = tmp_path / "secret.csv"
    secret.write_text("body,kind\n")
    secret.chmod(0)
    for args in (["check", "--chairs", str(secret)], ["project", "--avoid", str(secret)], ["diff", str(secret), str(secret)]):
        result = subprocess.run([*prefix, sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines()[-1].startswith(f"error: {secret}: cannot be read: Permission denied"), result.stderr


@pytest.mark.parametrize("where", ["/dev/null", "file"])
def test_init_into_something_that_is_no_folder_says_so(where: str, tmp_path: Path) -> None:
    """``init /dev/full`` said only "File exists"."""
    target = tmp_path / "a-file"
    target.write_text("x")
    folder = where if where != "file" else str(target)
    line = _one_line(CliRunner().invoke(main, ["init", folder]))
    assert line == f"error: {folder}: is not a folder (expected a folder, or a path where one can be made)"


def _calendar(body: str, zone: str = "") -> str:
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n{zone}{body}END:VCALENDAR\r\n"


def _series(uid: str, rule: str, start: str = "DTSTART;VALUE=DATE:20200105") -> str:
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20200101T000000Z\r\n{start}\r\nSUMMARY:Summit of Heads of State\r\nRRULE:{rule}\r\nEND:VEVENT\r\n"


def test_the_search_for_a_next_occurrence_stops_the_year_after_the_horizon() -> None:
    """dateutil looks for a series' next occurrence up to the year 9999: five series that match
    no day (February 30th) took 51 s to validate, ten seconds each. During an expansion the
    search ends the year after the horizon, and dateutil is itself again afterwards."""
    from datetime import datetime

    from dateutil import rrule

    from planner.inputs.ics.series import searching_until

    with searching_until(2030):
        years = [d.year for d in rrule.rrule(rrule.YEARLY, dtstart=datetime(2020, 1, 1))]
        assert list(rrule.rrule(rrule.DAILY, dtstart=datetime(2020, 1, 1), bymonth=2, bymonthday=30)) == []
    assert years == list(range(2020, 2032))
    assert rrule.rrule(rrule.YEARLY, dtstart=datetime(2020, 1, 1)).count() == 9999 - 2020 + 1


@pytest.mark.parametrize("option", ["--meetings", "--avoid"])
def test_series_that_match_no_day_are_read_as_no_meetings(option: str, tmp_path: Path) -> None:
    never = tmp_path / "never.ics"
    never.write_text(_calendar("".join(_series(f"n{i}", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30") for i in range(5))), encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["project", *TODAY, "--rules", MINIMAL, option, str(never), "--to", "2030"] + (["--meetings", str(HERE / "registers" / "bom_utf8.csv")] if option == "--avoid" else []))
    assert result.exit_code == 0, result.output
    if option == "--meetings":
        assert "5 meetings" not in result.stderr


def _zone(part: str) -> str:
    return f"BEGIN:VTIMEZONE\r\nTZID:Evil/Zone\r\n{part}END:VTIMEZONE\r\n"


ZONED = _series("t", "FREQ=WEEKLY;COUNT=5", start="DTSTART;TZID=Evil/Zone:20200105T100000")


@pytest.mark.parametrize(
    ("zone", "said"),
    [
        # offsets that change every day from the year 1000: reading one time in the zone walked
        # through them (a hang at 400 MB and growing)
        (
            _zone("BEGIN:STANDARD\r\nDTSTART:10000101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nRRULE:FREQ=DAILY\r\nEND:STANDARD\r\n"),
            "VTIMEZONE 1 'Evil/Zone': time zone STANDARD changes more often than once a year (got 'FREQ=DAILY'; expected FREQ=YEARLY, as time zones change (RFC 5545 3.6.5))",
        ),
        (
            _zone("".join(f"BEGIN:DAYLIGHT\r\nDTSTART:{1900 + i // 12:04d}{1 + i % 12:02d}01T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\n" for i in range(1001))),
            "VTIMEZONE 1 'Evil/Zone': time zone has more than 1,000 changes of offset (expected at most 1,000 STANDARD/DAYLIGHT parts and RDATEs (see Limits in the README))",
        ),
        (
            _zone("BEGIN:STANDARD\r\nDTSTART:19000101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nRDATE:" + ",".join(f"{1901 + i // 12:04d}{1 + i % 12:02d}01T000000" for i in range(1000)) + "\r\nEND:STANDARD\r\n"),
            "VTIMEZONE 1 'Evil/Zone': time zone has more than 1,000 changes of offset (expected at most 1,000 STANDARD/DAYLIGHT parts and RDATEs (see Limits in the README))",
        ),
    ],
    ids=["daily changes", "1,001 parts", "1,000 RDATEs and a part"],
)
@pytest.mark.parametrize("option", ["--meetings", "--avoid"])
def test_a_time_zone_of_endless_changes_is_refused(zone: str, said: str, option: str, tmp_path: Path) -> None:
    ics = tmp_path / "zoned.ics"
    ics.write_text(_calendar(ZONED, zone), encoding="utf-8", newline="")
    line = _one_line(CliRunner().invoke(main, ["project", *TODAY, "--rules", MINIMAL, option, str(ics)] + (["--meetings", str(HERE / "registers" / "bom_utf8.csv")] if option == "--avoid" else [])))
    assert line == f"error: {ics}: {said}"


def test_a_time_zone_of_yearly_rules_is_read(tmp_path: Path) -> None:
    zone = _zone(
        "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    )
    ics = tmp_path / "zoned.ics"
    ics.write_text(_calendar(ZONED, zone), encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["validate", *TODAY, "--rules", MINIMAL, "--meetings", str(ics)])
    assert result.exit_code == 0, result.output


def test_a_long_problem_is_filled_as_textwrap_fills_it() -> None:
    """Filling copied the rest of the text at every line: a 2 MB problem (an after window
    naming 100,000 origins) took minutes. The lines are textwrap's, at any length."""
    import textwrap

    from planner.outputs.text import wrap

    words = " ".join(f"w{i % 97}x{'y' * (i % 13)}" for i in range(20_000))
    assert wrap(words, 100, "  late      ") == textwrap.wrap(words, width=100, initial_indent="  late      ", subsequent_indent=" " * 12, break_long_words=True, break_on_hyphens=False)


def test_a_window_after_many_meetings_of_one_day_names_the_first_ten(tmp_path: Path) -> None:
    """Every follower of a body that met 100,000 times on one day wrote all 100,000 in its
    window's reason (8 MB of text a follower, minutes each): ten are named, and how many more."""
    book = tmp_path / "fan.toml"
    head = Path(MINIMAL).read_text(encoding="utf-8").split("[[bodies]]")[0]
    book.write_text(
        head
        + '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n\n'
        + "".join(f'[[bodies]]\nid = "f{i}"\nname = "Follower {i}"\ncategory = "working"\n[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "1y"\n\n' for i in range(3)),
        encoding="utf-8",
    )
    register = tmp_path / "m.csv"
    register.write_text("body,kind,ordinal,start,end,status,city,country\n" + "".join(f"summit,regular,{i + 1},2020-05-05,,held,Vienna,Austria\n" for i in range(25)), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(book), "--meetings", str(register), "--format", "json"])
    assert result.exit_code == 1, result.output
    reasons = {f["reason"] for f in json.loads(result.stdout)["findings"] if f["body"].startswith("f")}
    assert reasons == {"1 year after the 1st Summit (2020-05-05) and the 2nd Summit (2020-05-05) and the 3rd Summit (2020-05-05) and the 4th Summit (2020-05-05) and the 5th Summit (2020-05-05) and the 6th Summit (2020-05-05) and the 7th Summit (2020-05-05) and the 8th Summit (2020-05-05) and the 9th Summit (2020-05-05) and the 10th Summit (2020-05-05) and 15 more"}, reasons


# -- publish against a real CalDAV server -------------------------------------------------------

from tests.ical.test_publish import run as publish_run  # noqa: E402
from tests.real_parts import PASSWORD, by_uid  # noqa: E402


def test_events_edited_deleted_or_copied_by_hand_are_put_back_by_the_next_publish(tmp_path: Path, radicale: str) -> None:  # noqa: F811
    """Between two runs someone moves one event of ours, deletes another and tries to store a
    copy of a third under another name (Radicale refuses a second resource with one UID: 409).
    The next publish recreates the deleted one and keeps the moved one as the person left it
    (exit 1, "1 kept": session 17, never overwritten silently); with --overwrite it puts the
    calendar back as the feed has it, raising SEQUENCE only where the date changed; the one
    after changes nothing."""
    from datetime import date

    import caldav
    from caldav.collection import Calendar as DAVCalendar
    from icalendar import Calendar

    url = f"{radicale}/sec/by-hand/"
    rows = ["summit6", "summit7", "soc", "youth"]
    assert publish_run(tmp_path, url, rows)[0] == 0
    before = by_uid(url)
    client = caldav.DAVClient(url=url, username="sec", password=PASSWORD)
    resources = {str(Calendar.from_ical(r.data).walk("VEVENT")[0]["UID"]): r for r in DAVCalendar(client=client, url=url).events()}
    moved = resources["cica-soc-regular-2025-05-20@planner"]
    calendar = Calendar.from_ical(moved.data)
    event = calendar.walk("VEVENT")[0]
    event["SUMMARY"] = "moved by hand"
    event.pop("DTSTART")
    event.pop("DTEND", None)
    event.add("DTSTART", date(2030, 1, 1))
    moved.data = calendar.to_ical()
    moved.save()
    resources["cica-summit-6@planner"].delete()
    copy = resources["cica-youth-regular-2025-12-01@planner"].data.replace("SUMMARY:", "SUMMARY:copy ")
    assert client.put(f"{url}copy.ics", copy, {"Content-Type": "text/calendar; charset=utf-8"}).status in (409, 412, 201, 204)
    client.close()  # (its HTTP pools' watching threads, left running, keep later exports of this process from forking)

    code, out, err = publish_run(tmp_path, url, rows)
    assert code == 1 and "1 created, 0 updated, 0 cancelled, 0 deleted, 2 unchanged, 1 kept" in err, err
    assert by_uid(url)["cica-soc-regular-2025-05-20@planner"]["SUMMARY"] == "moved by hand"
    code, out, err = publish_run(tmp_path, url, rows, "--overwrite")
    assert code == 0, err
    after = by_uid(url)
    assert set(after) == set(before)
    assert after["cica-soc-regular-2025-05-20@planner"]["DTSTART"] == before["cica-soc-regular-2025-05-20@planner"]["DTSTART"]
    assert after["cica-soc-regular-2025-05-20@planner"]["SUMMARY"] == before["cica-soc-regular-2025-05-20@planner"]["SUMMARY"]
    assert int(after["cica-soc-regular-2025-05-20@planner"]["SEQUENCE"]) > int(before["cica-soc-regular-2025-05-20@planner"]["SEQUENCE"])
    assert after["cica-summit-6@planner"]["SUMMARY"] == before["cica-summit-6@planner"]["SUMMARY"]
    assert all(e["SUMMARY"] == before[u]["SUMMARY"] for u, e in after.items())
    code, out, err = publish_run(tmp_path, url, rows)
    assert (code, by_uid(url)) == (0, after) and "0 created, 0 updated, 0 cancelled, 0 deleted, 4 unchanged" in err


def _answering(status: int, headers: tuple[tuple[str, str], ...] = (), body: bytes = b"") -> type:
    import http.server

    class Answer(http.server.BaseHTTPRequestHandler):
        def answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value.replace("PORT", str(self.server.server_address[1])))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_PROPFIND = do_REPORT = do_GET = do_PUT = do_MKCALENDAR = do_OPTIONS = do_DELETE = answer

        def log_message(self, *args: object) -> None:
            pass

    return Answer


@pytest.mark.parametrize(
    ("handler", "said"),
    [
        (_answering(500, body=b"boom"), "the server refused while reading the calendar: PropfindError at '500 Internal Server Error boom'"),
        (_answering(404), "the server refused while creating the calendar: NotFoundError"),
        (_answering(301, (("Location", "http://127.0.0.1:PORT/user/cal/"),)), "cannot reach the CalDAV server while reading the calendar: Exceeded 30 redirects."),
        (_answering(302, (("Location", "file:///etc/passwd"),)), "cannot reach the CalDAV server while reading the calendar: No connection adapters were found for 'file:///etc/passwd'"),
    ],
    ids=["500", "404", "redirect loop", "redirect to a file"],
)
def test_a_server_that_answers_no_calendar_is_one_line_naming_the_url_without_the_password(handler: type, said: str, tmp_path: Path) -> None:
    import http.server
    import threading

    from tests.hostile.test_hostile3 import GIVEN

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/user/cal/"
    state = tmp_path / "kept"
    try:
        result = CliRunner().invoke(main, ["publish", *GIVEN, "--caldav", url, "--user", "sec"], env={"PLANNER_CALDAV_PASSWORD": "pw-Never-Shown", "HOME": str(tmp_path)})
    finally:
        server.shutdown()
    line = _one_line(result)
    assert line.startswith(f"error: {url}: {said}"), line
    assert "pw-Never-Shown" not in result.output + result.stderr
    assert not state.exists() and sorted(p.name for p in tmp_path.iterdir()) == []  # nothing local written


# -- windows judged, counted before judging ----------------------------------------------------


def _weekly_book(tmp_path: Path, bodies: int) -> Path:
    head = Path(MINIMAL).read_text(encoding="utf-8").split("[[bodies]]")[0]
    book = tmp_path / "weekly.toml"
    book.write_text(head + "".join(f'[[bodies]]\nid = "w{i}"\nname = "Weekly {i}"\ncategory = "working"\nestablished = 2000\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "week"\n\n' for i in range(bodies)), encoding="utf-8")
    return book


def test_a_check_of_too_many_windows_is_refused_before_any_is_judged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 bodies of twenty rules since 2000 are 2.5 million windows: over 120 s and 2 GB
    (200 bodies: 34 s, 404 MB). The windows are counted first; past the limit (1,000,000; 3,000
    here) the check is refused in one line, before a line of output. A shorter range passes."""
    from planner.engine.judging import budget

    monkeypatch.setattr(budget, "MAX_JUDGED", 3_000)
    book = _weekly_book(tmp_path, 3)  # 3 x 1,405 weeks
    register = tmp_path / "none.csv"
    register.write_text("body,kind,ordinal,start,end,status,city,country\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(book), "--meetings", str(register), "-q"])
    assert result.stdout == ""
    assert _one_line(result) == f"error: {book}: bodies: its rules judge more than 3,000 windows up to 2026-12-01 (reached at body 'w2') (expected fewer rules or bodies, or a shorter range (--from, --to, --body); see Limits in the README)"
    for narrower in (["--from", "2020"], ["--body", "w0"]):
        result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(book), "--meetings", str(register), "-q", *narrower])
        assert result.exit_code == 1, result.output


EXAMPLES = sorted((HERE.parent / "examples").glob("*.toml"))


@pytest.mark.parametrize("book", EXAMPLES, ids=lambda p: p.stem)
def test_the_count_of_windows_is_never_below_the_windows_judged(book: Path) -> None:
    """The limit is checked on an estimate: it must never let through more than it counts."""
    from datetime import date

    from planner.engine.expectations import ExpectationEngine
    from planner.engine.judging.budget import body_windows
    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import load_rulebook

    rules = load_rulebook(book)
    meetings = load_meetings(book.with_name(f"{book.stem}-meetings.csv"), rules, today=date(2026, 12, 1))
    engine = ExpectationEngine(rules, meetings)
    for body in rules.bodies:
        for start in (None, date(2020, 1, 1)):
            made = len(engine.for_body(body, start, date(2026, 12, 1)))
            assert body_windows(body, engine, start, date(2026, 12, 1)) >= made, (body.id, start)
