"""Twenty-fourth attacker pass: JSON syntax errors that say what was expected, DURATIONs of no
length, a feed folder crowded with other files, and further hostile inputs (issue 10)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.inputs.ics.avoid import load_avoid
from planner.outputs import file_set
from planner.outputs.calendar.folder.state import load_state

TODAY = ["--today", "2026-11-26"]
ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile24//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:busy\r\nDTSTART{start}\r\n{end}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


def test_a_state_file_syntax_error_names_the_files_line_and_what_was_expected(tmp_path: Path) -> None:
    """A state file's entry is parsed on its own: the warning said "line 1 column 33" of the
    entry, whatever its line, and only Python's "Expecting property name enclosed in double
    quotes". It names the file's line and column, the text there and what JSON expects."""
    stamp = '"last_modified":"2026-01-01T00:00:00+00:00"'
    (tmp_path / ".planner-state.json").write_text(f'{{"version": 4, "events": {{\n"a@x": {{"fingerprint":"f",{stamp},"sequence":1}},\n"b@x": {{"fingerprint":"f",,"sequence":1}}\n}}}}\n')
    said: list[str] = []
    assert load_state(tmp_path, said.append) == {}
    assert said == [
        f"{tmp_path / '.planner-state.json'}: state file is damaged and was ignored (line 3, column 27: JSON syntax error: no key where one should be"
        " (got ',\"sequence\":1}'; expected a key in double quotes, e.g. \"start\" (no comma after an object's last item))); SEQUENCE numbers start again at 0"
    ]


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ('"b@x": {"fingerprint":"f","sequence":1}', "line 3: entry 'b@x' has no 'last_modified'"),
        ('"b@x": "f"', "line 3: entry 'b@x' is not an object (got str)"),
        ('"b@x": {"fingerprint":"f","sequence":1,"last_modified":"2026-01-01T00:00:00+00:00","start":"2026-02-30"}', "line 3: day is out of range for month"),
    ],
)
def test_a_state_file_entry_that_is_damaged_names_its_line(tmp_path: Path, entry: str, says: str) -> None:
    """An entry without its LAST-MODIFIED said "state file is damaged and was ignored
    ('last_modified')": a KeyError's words. The line and what it lacks are said."""
    good = '"a@x": {"fingerprint":"f","last_modified":"2026-01-01T00:00:00+00:00","sequence":1}'
    (tmp_path / ".planner-state.json").write_text(f'{{"version": 4, "events": {{\n{good},\n{entry}\n}}}}\n')
    said: list[str] = []
    assert load_state(tmp_path, said.append) == {}
    assert said == [f"{tmp_path / '.planner-state.json'}: state file is damaged and was ignored ({says}); SEQUENCE numbers start again at 0"]


def test_a_register_syntax_error_says_what_json_expects(tmp_path: Path) -> None:
    """`JSON syntax error: Expecting value` named the place only: a comma after the last entry
    now says what stands there and what JSON takes."""
    register = tmp_path / "meetings.json"
    register.write_text('[{"body": "summit", "start": "2022-06-01"},\n]\n')
    code, err = _run("validate", *TODAY, "--meetings", str(register))
    assert code == 2
    assert err == (
        f"error: {register}:2:1: JSON syntax error: no value where one should be (got ']'; expected a value: text in double quotes, a number,"
        " true, false, null, an object {...} or a list [...] (no comma after the last item, no comments))\n"
    )


@pytest.mark.parametrize("value", ["PT", "P", "-PT", "P2DT"])
def test_avoid_with_a_duration_of_no_length_is_refused(tmp_path: Path, value: str) -> None:
    """`--avoid` with DURATION:PT (no number: RFC 5545 3.3.6) was read as a zero length, the day
    blocked without a word; a register's event likewise. Both refuse it in one line."""
    busy = tmp_path / "busy.ics"
    busy.write_text(ICS.format(start=";VALUE=DATE:20270310", end=f"DURATION:{value}"), newline="")
    code, err = _run("project", *TODAY, "--to", "2028", "--avoid", str(busy))
    assert code == 2
    assert err.startswith(f"error: {busy}:8: DURATION has ") and f"(got {value!r}; expected a number before each unit" in err, err
    assert err.count("\n") == 1


@pytest.mark.parametrize("end", ["DURATION:PT0S", "DURATION:P0D", "DTEND;VALUE=DATE:20270310"])
def test_avoid_with_a_zero_duration_blocks_its_day_as_an_end_on_its_start_does(tmp_path: Path, end: str) -> None:
    """A zero DURATION is a length: one busy day, as DTEND equal to DTSTART (written by
    Evolution for an all-day event) is, in and out of the horizon alike."""
    busy = tmp_path / "busy.ics"
    busy.write_text(ICS.format(start=";VALUE=DATE:20270310", end=end), newline="")
    (found,) = load_avoid(busy, date(2026, 11, 26), date(2028, 12, 31))
    assert (found.start, found.last) == (date(2027, 3, 10), date(2027, 3, 10))
    assert load_avoid(busy, date(2030, 1, 1), date(2031, 12, 31)) == ()


def test_a_feed_folder_crowded_with_other_files_is_not_linked_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ics --out` into a folder of 100,000 other files took 20 s: each was hard-linked into the
    new set's folder and unlinked from the old one, on every run. Past MAX_LINKED others the set
    is written in place (feeds first, index.html last); the other files stay as they were."""
    out = tmp_path / "feeds"
    out.mkdir()
    for n in range(file_set.MAX_LINKED + 1):
        (out / f"log-{n}.txt").write_text(str(n))
    linked: list[str] = []
    real_link = os.link
    monkeypatch.setattr(os, "link", lambda src, dst, **kw: (linked.append(str(dst)), real_link(src, dst, **kw))[1])
    for _ in range(2):  # the first run, and one that finds its own files there
        code, err = _run("ics", *TODAY, "--to", "2028", "--out", str(out))
        assert code == 0, err
    assert len(linked) < 50, len(linked)  # (the feeds placed from their spools, no other file)
    assert (out / "all.ics").is_file() and (out / "index.html").is_file()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("log-")) == sorted(f"log-{n}.txt" for n in range(file_set.MAX_LINKED + 1))
    assert (out / "log-7.txt").read_text() == "7"
    assert not [p for p in out.iterdir() if p.name.startswith(".pl-")] and not [p for p in tmp_path.iterdir() if p.name.startswith(".pl-")]


@pytest.mark.parametrize("slash", ["/", "/.", "/./"])
@pytest.mark.parametrize("command", ["check", "report"])
def test_an_output_path_ending_in_a_slash_is_no_file(tmp_path: Path, slash: str, command: str) -> None:
    """`check -o notes/` wrote a file named notes (pathlib drops the slash), over a file of that
    name: a path ending in '/' names a folder, and nothing is written."""
    notes = tmp_path / "notes"
    notes.write_text("mine\n")
    code, err = _run(command, *TODAY, "-o", f"{notes}{slash}")
    assert code == 2
    name = "report.html" if command == "report" else "out.txt"
    end = "/." if slash == "/." else "/"
    assert err == f"error: {notes}{slash}: cannot write: it ends with {end!r}, the path of a folder (expected the path of a file to write, e.g. {notes}/{name})\n"
    assert notes.read_text() == "mine\n"
    code, err = _run(command, *TODAY, "-o", str(tmp_path / "new") + slash)
    assert code == 2 and not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--today", "2026-02-29", "'2026-02-29' is not a real date: February 2026 has 28 days; expected YYYY-MM-DD"),
        ("--to", "2027-04-31", "'2027-04-31' is not a real date: April 2027 has 30 days; expected YYYY-MM-DD, or a year YYYY"),
        ("--from", "2027-00-10", "'2027-00-10' has no month 0; expected YYYY-MM-DD, or a year YYYY"),
        ("--to", "2027-02", "'2027-02' is not a date; expected YYYY-MM-DD, or a year YYYY"),
    ],
)
def test_a_date_option_that_is_no_real_day_says_why(option: str, value: str, says: str) -> None:
    """`--to 2027-02-29` said "is not a date; expected YYYY-MM-DD", the shape it has, and left
    out the year --to and --from also take; a register's date says which month is short."""
    code, err = _run("project", "--today", "2026-11-26", option, value) if option != "--today" else _run("check", option, value)
    assert code == 2
    assert f"Invalid value for {option}: {says} (see " in err, err



def test_of_an_option_of_one_value_given_twice_the_last_is_used(tmp_path: Path) -> None:
    """As the README says: `--chairs a --chairs b` reads b alone (a script adds to a command
    line), where `--meetings` repeated overlays; the first file is not even opened."""
    missing = tmp_path / "missing.csv"
    chairs = Path(__file__).resolve().parent.parent.parent / "examples" / "cica-chairs.csv"
    code, err = _run("chairs", *TODAY, "--chairs", str(missing), "--chairs", str(chairs))
    assert code in (0, 1) and "missing.csv" not in err, err
    code, err = _run("chairs", *TODAY, "--chairs", str(chairs), "--chairs", str(missing))
    assert code == 2 and f"{missing}: no such file" in err


@pytest.mark.parametrize(("user", "password", "says"), [("a:b", "x", "'a:b' holds a ':'"), ("a\tb", "x", "'a\\tb' holds a control character"), ("sec", "se\ncret", "the password holds a control character")])
def test_publish_refuses_credentials_basic_authentication_cannot_carry(monkeypatch: pytest.MonkeyPatch, user: str, password: str, says: str) -> None:
    """RFC 7617 2: `--user a:b` went to the server as user 'a' with a password starting 'b:',
    and a password with a line break was sent as it was. Refused before any connection (the
    address is closed: an attempt would say it cannot reach the server); the password never
    shown."""
    monkeypatch.setenv("PLANNER_CALDAV_PASSWORD", password)
    code, err = _run("publish", *TODAY, "--body", "summit", "--caldav", "http://127.0.0.1:9/u/c/", "--user", user, "--dry-run")
    assert code == 2 and says in err and "RFC 7617" in err and "cannot reach" not in err, err
    assert password == "x" or password not in err


@pytest.mark.parametrize("port", ["99999", "0", "abc"])
def test_a_base_url_whose_port_is_no_port_says_so(tmp_path: Path, port: str) -> None:
    """`--base-url http://example.org:99999/feeds/` said it was "not the address of a folder;
    expected a host and a path without '?', '#' or a user name": none of which it had."""
    url = f"http://example.org:{port}/feeds/"
    code, err = _run("ics", *TODAY, "--to", "2028", "--out", str(tmp_path / "feeds"), "--base-url", url)
    assert code == 2 and not (tmp_path / "feeds").exists()
    assert f"Invalid value for --base-url: {url!r} has port {port!r}, which is no port number; expected a port from 1 to 65535, or none" in err, err
