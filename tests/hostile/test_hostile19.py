"""Nineteenth attacker pass: a standard output closed before the run, line numbers after a
line break only Python sees, and calendars to avoid read by the horizon."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from click.testing import CliRunner
from icalendar.timezone import tzp

from planner.cli import main
from planner.inputs.ics import avoid
from planner.inputs.ics.avoid import load_avoid

ROOT = Path(__file__).resolve().parent.parent.parent
MINIMAL = ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"
TODAY = ["--today", "2026-11-26"]
CLOSED = "error: standard output: cannot write: it was closed when planner started (expected a standard output that takes the whole output, or -o FILE)\n"


@pytest.fixture(autouse=True)
def _zones_guessed_anew() -> Iterator[None]:
    """icalendar keeps a zone it guessed from a vendor's TZID (Thunderbird's) and warns of the
    guess only the first time in a process: a calendar read here would silence the warning
    another test of the same process expects (tests/inputs/test_register_ics.py)."""
    yield
    getattr(tzp, "_TZP__tz_cache", {}).clear()


def _closed_stdout(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``planner ARGS >&-``, as a shell runs it: file descriptor 1 closed before Python starts."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "planner", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120, check=False)


@pytest.mark.parametrize("command", [["check", *TODAY], ["project", *TODAY], ["validate"], ["check", *TODAY, "--format", "json"], ["bodies"]])
def test_a_closed_standard_output_is_no_verdict(tmp_path: Path, command: list[str]) -> None:
    """`planner check >&-` exited 1 ("violations found") having said nothing: Python gives a
    closed descriptor 1 no sys.stdout and click wrote nowhere. Now exit 2 and one line."""
    result = _closed_stdout(*command, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, CLOSED)


def test_a_closed_standard_output_leaves_o_file_whole(tmp_path: Path) -> None:
    """With `-o FILE` nothing goes to standard output: the verdict's exit code stands, the file
    is written whole, and no file the run opens takes descriptor 1."""
    result = _closed_stdout("check", *TODAY, "-o", "out.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    text = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert text.startswith("CICA compliance as of 2026-11-26") and text.endswith("\n")


def test_a_closed_standard_error_keeps_the_exit_code(tmp_path: Path) -> None:
    """Standard error closed: a bad input still exits 2 (its line goes nowhere), no traceback
    exit 1."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(["sh", "-c", 'exec "$@" 2>&-', "sh", sys.executable, "-m", "planner", "--meetings", "missing.csv", "check", *TODAY], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stdout == ""


def test_a_line_separator_in_a_rule_book_string_keeps_the_month_hint(tmp_path: Path) -> None:
    """tomllib numbers lines by "\\n" alone; the hint for a bare month looked at the line
    str.splitlines numbered so, one too early after a U+2028 in a string, and was lost."""
    rules = tmp_path / "r.toml"
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace('timezone = "Europe/Vienna"', 'timezone = "Europe/Vienna"\nnote = "a\u2028b"\nfounded = 2019-03', 1)
    rules.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(rules), "validate"])
    assert result.exit_code == 2
    line = text.split("\n").index("founded = 2019-03") + 1
    assert result.stderr.startswith(f"error: {rules}:{line}:15: TOML syntax error: ")
    assert 'expected a month written in quotes, "2019-03"' in result.stderr


def _calendar(*events: list[str]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", *event, "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n"


def test_avoid_a_floating_start_beside_an_end_in_a_zone(tmp_path: Path) -> None:
    """DTSTART floating, DTEND with a TZID (tests/registers/ics/mixed_date_datetime.ics, read
    as a register fine) was a TypeError traceback as `--avoid`: the days as written."""
    busy = tmp_path / "busy.ics"
    busy.write_text(_calendar(["UID:a", "DTSTART:20270301T090000", "DTEND;TZID=Europe/Vienna:20270302T170000", "SUMMARY:Retreat"]), encoding="utf-8")
    blackouts = load_avoid(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert [(b.start, b.end, b.reason) for b in blackouts] == [(date(2027, 3, 1), date(2027, 3, 2), "busy.ics: Retreat")]
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), *TODAY, "project", "--avoid", str(busy)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("year", [2001, 2027])
def test_avoid_names_an_event_by_its_number_in_the_file(tmp_path: Path, year: int) -> None:
    """Events before the horizon are left out unread, plain all-day ones inside it are read
    without icalendar: the bad event after them keeps the number it has in the file (VEVENT 4)."""
    past = [[f"UID:p{i}", f"DTSTART;VALUE=DATE:{year}010{i}", "SUMMARY:Old"] for i in range(1, 4)]
    busy = tmp_path / "busy.ics"
    busy.write_text(_calendar(*past, ["UID:bad", "DTSTART;VALUE=PERIOD:20270101T090000Z/PT1H"]), encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), *TODAY, "project", "--avoid", str(busy)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {busy}: VEVENT 4: DTSTART")


def _both(path: Path, first: date, last: date) -> list[object]:
    """What load_avoid answers as it reads, and as it read before this pass: every event
    parsed, every occurrence a copy of its event made by recurring-ical-events."""
    answers: list[object] = []
    ways = [(avoid.prune_outside, avoid._occurrences), (lambda text, first, last: (text, None, []), lambda series, first, stop: recurring_ical_events.of(series).between(first, stop))]
    for prune, occurrences in ways:
        saved = avoid.prune_outside, avoid._occurrences
        avoid.prune_outside, avoid._occurrences = prune, occurrences  # type: ignore[assignment]
        try:
            answers.append(load_avoid(path, first, last))
        except Exception as exc:  # noqa: BLE001 (the answer compared is the error's words)
            answers.append((type(exc).__name__, str(exc)))
        finally:
            avoid.prune_outside, avoid._occurrences = saved
    return answers


CALENDARS = sorted({*ROOT.glob("tests/**/*.ics"), *ROOT.glob("examples/**/*.ics")})


@pytest.mark.parametrize("path", CALENDARS, ids=lambda p: str(p.relative_to(ROOT)))
def test_avoid_reads_every_calendar_as_it_did_with_every_event_parsed(path: Path) -> None:
    """Leaving out the events that cannot touch the horizon, and reading occurrences without
    copying their events, changes no answer: the same blackouts, or the same error in the same
    words, for every .ics file of the tests."""
    for first, last in [(date(2026, 6, 30), date(2036, 6, 30)), (date(2019, 1, 1), date(2020, 12, 31))]:
        with_pruning, without = _both(path, first, last)
        assert with_pruning == without


def test_avoid_reads_an_override_of_a_series_as_its_own_event(tmp_path: Path) -> None:
    """A RECURRENCE-ID override moves one occurrence and says its own SUMMARY; a cancelled
    override takes its day away; an EXDATE too."""
    busy = tmp_path / "busy.ics"
    series = ["UID:s", "DTSTART;VALUE=DATE:20270104", "DTEND;VALUE=DATE:20270106", "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE;VALUE=DATE:20270111", "SUMMARY:Weekly"]
    moved = ["UID:s", "RECURRENCE-ID;VALUE=DATE:20270118", "DTSTART;VALUE=DATE:20270120", "DTEND;VALUE=DATE:20270121", "SUMMARY:Moved"]
    cancelled = ["UID:s", "RECURRENCE-ID;VALUE=DATE:20270125", "DTSTART;VALUE=DATE:20270125", "STATUS:CANCELLED", "SUMMARY:Off"]
    busy.write_text(_calendar(series, moved, cancelled), encoding="utf-8")
    with_copies, without = _both(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert with_copies == without
    assert [(b.start, b.end, b.reason) for b in without] == [(date(2027, 1, 4), date(2027, 1, 5), "busy.ics: Weekly"), (date(2027, 1, 20), None, "busy.ics: Moved")]  # type: ignore[attr-defined]


def test_avoid_reads_a_plain_all_day_event_as_icalendar_does(tmp_path: Path) -> None:
    """A plain all-day event (DATE start and exclusive end, a UID of its own, no escapes) is read
    without icalendar, in a file with no series: the same days and summary, a transparent or
    cancelled one no busy day, an escaped summary read by icalendar."""
    busy = tmp_path / "busy.ics"
    events = [
        ["UID:a", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270304", "SUMMARY:  Retreat  "],
        ["UID:b", "DTSTART;VALUE=DATE:20270310", "DTEND;VALUE=DATE:20270310"],
        ["UID:c", "DTSTART;VALUE=DATE:20270320", "TRANSP:TRANSPARENT", "SUMMARY:Free"],
        ["UID:d", "DTSTART;VALUE=DATE:20270321", "STATUS:cancelled", "SUMMARY:Off"],
        ["UID:e", "DTSTART;VALUE=DATE:20270322", "SUMMARY:Hall\\, 2"],
    ]
    busy.write_text(_calendar(*events), encoding="utf-8")
    with_fast_path, without = _both(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert with_fast_path == without
    assert [(b.start, b.end, b.reason) for b in without] == [  # type: ignore[attr-defined]
        (date(2027, 3, 1), date(2027, 3, 3), "busy.ics: Retreat"),
        (date(2027, 3, 10), None, "busy.ics: busy"),
        (date(2027, 3, 22), None, "busy.ics: Hall, 2"),
    ]


@pytest.mark.parametrize("stamp", ["20261231T230000Z", "20261231T235959", "20270101T000000Z"])
def test_avoid_keeps_an_event_a_day_from_the_horizon(tmp_path: Path, stamp: str) -> None:
    """X-WR-TIMEZONE moves an instant across midnight: an event a day outside the horizon as
    written is read, and lands where it did."""
    busy = tmp_path / "busy.ics"
    text = _calendar(*[[f"UID:x{i}", f"DTSTART;VALUE=DATE:{date(2020, 1, 1) + timedelta(days=i):%Y%m%d}"] for i in range(5)], ["UID:edge", f"DTSTART:{stamp}", "SUMMARY:Edge"])
    busy.write_text(text.replace("PRODID:-//test//EN", "PRODID:-//test//EN\r\nX-WR-TIMEZONE:Asia/Tokyo"), encoding="utf-8")
    with_pruning, without = _both(busy, date(2027, 1, 1), date(2027, 12, 31))
    assert with_pruning == without
    # (a floating time stays on the day written: 31 December, outside)
    assert [b.reason for b in with_pruning] == (["busy.ics: Edge"] if stamp.endswith("Z") else [])  # type: ignore[attr-defined]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1251", "ascii"])
def test_standard_output_is_utf8_whatever_the_locale(tmp_path: Path, encoding: str) -> None:
    """`PYTHONIOENCODING=latin-1 planner chairs` was a UnicodeEncodeError traceback at the
    first arrow (click mends only an ASCII stream): the same bytes as under UTF-8, and a
    message with a character standard error cannot encode is written as an escape."""
    def run(args: list[str], env_encoding: str) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": env_encoding}
        return subprocess.run([sys.executable, "-m", "planner", *args], cwd=tmp_path, env=env, capture_output=True, timeout=120, check=False)

    wanted, got = run(["chairs", *TODAY], "utf-8"), run(["chairs", *TODAY], encoding)
    assert (got.returncode, got.stdout, got.stderr) == (wanted.returncode, wanted.stdout, wanted.stderr)
    assert wanted.returncode == 1 and "\u2192".encode() in wanted.stdout
    bad = run(["--rules", "missing\u2192.toml", "check"], encoding)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
    assert bad.stderr.startswith(b"error: missing") and b"no such file" in bad.stderr


@pytest.mark.parametrize(("old", "new"), [("\n", "\r"), ("[organization]\n", "[organization]\r")])
def test_a_rule_book_with_carriage_returns_alone_says_so(tmp_path: Path, old: str, new: str) -> None:
    """A rule book saved with classic Mac OS line ends was "Found invalid character '\\r'" at
    line 1, column 88, and nothing expected: now what TOML takes."""
    rules = tmp_path / "r.toml"
    rules.write_bytes(MINIMAL.read_text(encoding="utf-8").replace(old, new).encode())
    result = CliRunner().invoke(main, ["--rules", str(rules), "validate"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {rules}:")
    assert result.stderr.endswith("(expected lines ended by LF or CR LF, as TOML allows; a carriage return alone, as classic Mac OS saved files, ends no line)\n")


@pytest.mark.parametrize(
    ("props", "said"),
    [
        (["DTSTART:20280299", "DTEND:20280829T100000"], "DTSTART: is not a real date: February 2028 has 29 days (got '20280299'; expected a DATE (20261012) or DATE-TIME (20261012T090000Z) that exists (RFC 5545 3.3.4, 3.3.5))"),
        (["DTSTART:20270301T090000", "RDATE:x"], "RDATE: Expected datetime, date, or time. Got: 'x' (expected a value as RFC 5545 defines it)"),
    ],
)
def test_avoid_a_broken_value_under_x_wr_timezone(tmp_path: Path, props: list[str], said: str) -> None:
    """x-wr-timezone copies each event it moves into the zone without the parser's errors: a
    broken DTSTART beside a floating DTEND (or a broken RDATE) passed every check, then reading
    it raised BrokenCalendarProperty, a traceback. Now the event's line, as without the zone."""
    busy = tmp_path / "busy.ics"
    busy.write_text(_calendar(["UID:a", *props, "SUMMARY:Retreat"]).replace("PRODID:-//test//EN", "PRODID:-//test//EN\r\nX-WR-TIMEZONE:Asia/Tokyo"), encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), *TODAY, "project", "--avoid", str(busy)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {busy}: VEVENT 1: {said}\n"


@pytest.mark.parametrize("plain", [True, False])
def test_avoid_cuts_a_long_summary_in_what_it_blocks(tmp_path: Path, plain: bool) -> None:
    """A busy event's SUMMARY of 10 MB was quoted whole at every day projection could not use:
    `project` wrote 168 MB and took 1.25 GB. The reason shows its first 200 characters."""
    busy = tmp_path / "busy.ics"
    summary = "SUMMARY:" + "x" * 1_000_000 if plain else "SUMMARY;LANGUAGE=en:" + "x" * 1_000_000
    busy.write_text(_calendar(["UID:a", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20280101", summary]), encoding="utf-8")
    (blackout,) = load_avoid(busy, date(2026, 6, 29), date(2037, 6, 30))
    assert blackout.reason == "busy.ics: " + "x" * 200 + "... (1,000,000 characters)"
    result = CliRunner().invoke(main, [*TODAY, "project", "--avoid", str(busy)])
    assert result.exit_code == 0, result.stderr
    assert "x" * 201 not in result.output and len(result.output) < 400_000


# -- the feed of a body the rule book no longer has ------------------------------------------------


def _uids_and_statuses(feed: Path) -> list[tuple[str, str]]:
    from icalendar import Calendar

    return sorted((str(e["UID"]), str(e.get("STATUS", ""))) for e in Calendar.from_ical(feed.read_bytes()).walk("VEVENT"))


def test_a_body_removed_from_the_rule_book_leaves_its_feed_cancelled_then_gone(tmp_path: Path) -> None:
    """An export of minimal.toml writes committee.ics (22 projected events); the committee
    then leaves the rule book. Its feed stayed as it was, 22 live events no export would ever
    change, while all.ics showed them CANCELLED: a subscriber to committee.ics saw meetings
    that no longer exist. Now the next export writes committee.ics again of its events'
    CANCELLED tombstones (the same UIDs, SEQUENCE up), not linked from index.html, and once
    the tombstones are no longer shown (90 days), removes it. The same for another rule book's
    export into the folder."""
    book = tmp_path / "book.toml"
    text = MINIMAL.read_text(encoding="utf-8")
    book.write_text(text[: text.index('[[bodies]]\nid = "committee"')], encoding="utf-8")
    register = ROOT / "tests" / "registers" / "bom_utf8.csv"
    out = tmp_path / "feeds"

    def export(rules: Path, today: str) -> None:
        result = CliRunner().invoke(main, ["--rules", str(rules), "--meetings", str(register), "ics", "--today", today, "--out", str(out)])
        assert result.exit_code == 0, result.output

    export(MINIMAL, "2026-11-26")
    before = _uids_and_statuses(out / "committee.ics")
    assert len(before) == 22 and {status for _, status in before} == {"TENTATIVE"}
    export(book, "2026-11-27")
    after = _uids_and_statuses(out / "committee.ics")
    assert [uid for uid, _ in after] == [uid for uid, _ in before] and {status for _, status in after} == {"CANCELLED"}
    assert "committee" not in (out / "index.html").read_text(encoding="utf-8")
    export(book, "2027-06-01")  # past the 90 days a tombstone is shown
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["all.ics", "council.ics", "index.html", "summit.ics"]


def test_a_state_files_body_that_is_no_id_names_no_file(tmp_path: Path) -> None:
    """The state file is an input: a body written there as a path ("../evil") never becomes a
    file name; its events are only all.ics's tombstones."""
    import json

    out = tmp_path / "feeds"
    given = ["--rules", str(MINIMAL), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"), "ics", "--today"]
    assert CliRunner().invoke(main, [*given, "2026-11-26", "--out", str(out)]).exit_code == 0
    state = out / ".planner-state.json"
    data = json.loads(state.read_text(encoding="utf-8"))
    uid = next(iter(data["events"]))
    data["events"]["evil-1@planner"] = {**data["events"][uid], "body": "../evil"}
    state.write_text(json.dumps(data), encoding="utf-8")
    assert CliRunner().invoke(main, [*given, "2026-11-27", "--out", str(out)]).exit_code == 0
    assert not (tmp_path / "evil.ics").exists() and not any("evil" in p.name for p in out.iterdir())
    assert b"evil-1@planner" in (out / "all.ics").read_bytes()
