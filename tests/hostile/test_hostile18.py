"""Eighteenth attacker pass: inputs that live where planner writes, and what a fresh pair of
hostile hands found in session 17's readers and outputs."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
MINIMAL = ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"
REGISTER = ROOT / "tests" / "registers" / "bom_utf8.csv"
TODAY = ["--today", "2026-11-26"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    ("option", "name", "bodies"),
    [("--meetings", "all.ics", []), ("--avoid", "summit.ics", []), ("--avoid", "summit.ics", ["--body", "summit"]), ("--plan-file", "index.html", [])],
)
def test_ics_out_never_writes_over_an_input_in_its_folder(tmp_path: Path, option: str, name: str, bodies: list[str]) -> None:
    """A feed folder's own file read back as an input of the next export into that folder
    (`--meetings feeds/all.ics --out feeds`) was replaced by the export: `-o` refused its
    inputs, `--out` did not. Now one line, exit 2, and the folder is as it was."""
    feeds = tmp_path / "feeds"
    given = ["--rules", str(MINIMAL), *TODAY]
    assert CliRunner().invoke(main, [*given, "--meetings", str(REGISTER), "ics", "--no-projected", "--out", str(feeds)]).exit_code == 0
    if option == "--plan-file":  # a plan file of one member's name, named as the page planner writes
        (feeds / name).write_text("Austria\n", encoding="utf-8")
    before = _files(feeds)
    meetings = [] if option == "--meetings" else ["--meetings", str(REGISTER)]
    result = CliRunner().invoke(main, [*given, *meetings, "ics", *bodies, option, str(feeds / name), "--out", str(feeds)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {feeds / name}: cannot write: it is the file given as {option}, an input of this run (expected another folder for --out, or the input moved out of it: planner never writes over its inputs)\n"
    assert _files(feeds) == before


def test_ics_out_never_writes_over_the_rule_books_own_calendar_to_avoid(tmp_path: Path) -> None:
    """A rule book's `avoid = ["feeds/summit.ics"]` is an input no option names: the export into
    feeds replaced it. Now refused as an input given by option is."""
    feeds = tmp_path / "feeds"
    rules = tmp_path / "r.toml"
    rules.write_text(MINIMAL.read_text(encoding="utf-8").replace('timezone = "Europe/Vienna"', 'timezone = "Europe/Vienna"\navoid = ["feeds/summit.ics"]'), encoding="utf-8")
    given = ["--meetings", str(REGISTER), *TODAY, "ics", "--no-projected", "--out", str(feeds)]
    assert CliRunner().invoke(main, ["--rules", str(MINIMAL), *given]).exit_code == 0
    before = _files(feeds)
    result = CliRunner().invoke(main, ["--rules", str(rules), *given])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {feeds / 'summit.ics'}: cannot write: it is the file given as avoid in {rules}, an input of this run (expected another folder for --out, or the input moved out of it: planner never writes over its inputs)\n"
    assert _files(feeds) == before


def test_ics_out_keeps_an_input_of_another_name_in_its_folder(tmp_path: Path) -> None:
    """An input in the folder under a name the export does not write (`--body council`
    writes council.ics only) is read and kept as it is."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    register = feeds / "summit.ics"
    given = ["--rules", str(MINIMAL), "--meetings", str(REGISTER), *TODAY]
    assert CliRunner().invoke(main, [*given, "ics", "--no-projected", "--body", "summit", "--out", "-"]).exit_code == 0
    register.write_bytes(CliRunner().invoke(main, [*given, "ics", "--no-projected", "--body", "summit", "--out", "-"]).stdout_bytes)
    kept = register.read_bytes()
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), "--meetings", str(register), *TODAY, "ics", "--no-projected", "--body", "council", "--out", str(feeds)])
    assert result.exit_code == 0, result.output
    assert register.read_bytes() == kept and (feeds / "council.ics").is_file()


@pytest.mark.parametrize("command", [["check"], ["check", "--format", "json"], ["project", "--format", "csv"], ["chairs"], ["report"]])
def test_a_file_name_that_is_no_utf8_is_shown_as_its_bytes(tmp_path: Path, command: list[str]) -> None:
    """A rule book named with a byte that is no UTF-8 (`r\\xff.toml`, a Latin-1 file name)
    was put into the output's heading as Python holds it, a lone surrogate: a traceback
    (UnicodeEncodeError) writing it. Now shown as the byte it is."""
    rules = tmp_path / "r\udcff.toml"
    rules.write_bytes(MINIMAL.read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--rules", str(rules), "--meetings", str(REGISTER), *TODAY, *command, "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    written = out.read_bytes().decode("utf-8")
    assert "xff.toml" in written or command[0] in ("chairs", "project"), written[:300]


def test_init_refuses_what_would_not_validate(tmp_path: Path) -> None:
    """`init` promises a rule book that validates as written: a name of 300 characters, a member
    given twice (`Austria, Austria`: one code twice) and a byte that is no UTF-8 (a traceback,
    UnicodeEncodeError) wrote nothing valid. Now one line naming the option, exit 2, nothing written."""
    for args, says in [
        (["--name", "A" * 300], "--name: the rule book made from it would not validate: organization.name: is longer than 200 characters (300)"),
        (["--members", "Austria, Austria"], "--members: 'Austria' is given twice; expected each member once"),
        (["--name", "x\udcff"], "--name: 'x\\udcff' holds a byte that is not UTF-8 text (b'\\xff'); expected a name in UTF-8"),
    ]:
        result = CliRunner().invoke(main, ["init", str(tmp_path / "org"), *args], prog_name="main")
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("error: " + says), result.stderr  # (session 25: init's option problems in one form, as --members' others)
        assert not (tmp_path / "org").exists()


def _busy(folder: Path, name: str, days: int) -> Path:
    """A calendar of ``days`` busy all-day events from 2027-03-01 (five content lines each)."""
    events = "".join(f"BEGIN:VEVENT\r\nUID:busy-{i}\r\nDTSTART;VALUE=DATE:202703{i + 1:02d}\r\nSUMMARY:busy\r\nEND:VEVENT\r\n" for i in range(days))
    path = folder / name
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{events}END:VCALENDAR\r\n", encoding="utf-8")
    return path


def test_a_calendar_to_avoid_given_twice_is_read_once(tmp_path: Path) -> None:
    """`--avoid busy.ics` given 300 times was parsed 300 times (minutes; each within its own
    limits), where a --meetings file given again is read once. Now so is a calendar to avoid,
    with a warning, and the schedule is the one of a single --avoid."""
    busy = str(_busy(tmp_path, "busy.ics", 20))
    given = ["--rules", str(MINIMAL), "--meetings", str(REGISTER), *TODAY, "project", "--format", "csv", "--to", "2030"]
    once = CliRunner().invoke(main, [*given, "--avoid", busy])
    (tmp_path / "link.ics").symlink_to("busy.ics")
    thrice = CliRunner().invoke(main, [*given, "--avoid", busy, "--avoid", busy, "--avoid", str(tmp_path / "link.ics")])
    assert once.exit_code == thrice.exit_code == 0, thrice.output
    assert thrice.stdout == once.stdout
    assert thrice.stderr.count(f"warning: {busy}: the same calendar to avoid as {busy}, given again: read once\n") == 1
    assert f"warning: {tmp_path / 'link.ics'}: the same calendar to avoid as {busy}, given again: read once\n" in thrice.stderr


@pytest.mark.parametrize("option", ["--meetings", "--avoid"])
def test_the_ics_files_of_a_run_are_bounded_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str) -> None:
    """Each .ics file is held to 200,000 content lines, but twenty copies of one (registers or
    calendars to avoid) were each parsed, one after the other (a copy of 25,000 lines is a
    second or two: more than 30 s in all). The run's .ics files are now bounded together, as
    one file is (the limit made small here: 3 files of 29 lines, at most 60 together)."""
    import planner.inputs.limits

    monkeypatch.setattr(planner.inputs.limits, "MAX_ICS_LINES", 60)
    copies = [str(_busy(tmp_path, f"b{i}.ics", 5)) for i in range(3)]
    files = [part for c in copies for part in (option, c)]
    start = ["--rules", str(MINIMAL), *(["--meetings", str(REGISTER)] if option == "--avoid" else []), *TODAY]
    result = CliRunner().invoke(main, [*start, "project", "--to", "2030", *files] if option == "--avoid" else [*start, *files, "check"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert lines == [f"error: {copies[2]}: brings the content lines of the .ics files of this run to 87, more than 60 (expected at most 60 lines to read in all the .ics registers and calendars to avoid of a run together, as in one file (see Limits in the README))"]
    two = [part for c in copies[:2] for part in (option, c)]
    assert CliRunner().invoke(main, [*start, "project", "--to", "2030", *two] if option == "--avoid" else [*start, *two, "check"]).exit_code in (0, 1)


@pytest.mark.parametrize("kind", ["fifo", "zero", "latin1", "folder"])
def test_a_netrc_that_is_no_text_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """`publish` reads the password from ~/.netrc when PLANNER_CALDAV_PASSWORD is unset: a pipe
    there waited for ever, a link to /dev/zero read without end, a Latin-1 password was a
    traceback (UnicodeDecodeError). Now one line naming the file, exit 2, before any network."""
    netrc = tmp_path / ".netrc"
    if kind == "fifo":
        os.mkfifo(netrc)
    elif kind == "zero":
        netrc.symlink_to("/dev/zero")
    elif kind == "latin1":
        netrc.write_bytes(b"machine 127.0.0.1 login a password caf\xe9\n")
        netrc.chmod(0o600)
    else:
        netrc.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PLANNER_CALDAV_PASSWORD", raising=False)
    result = CliRunner().invoke(main, [*TODAY, "publish", "--no-projected", "--caldav", "http://127.0.0.1:9/cal/", "--user", "a"])
    assert result.exit_code == 2, result.output
    says = "1: is not UTF-8 text (expected a file of lines machine HOST login USER password PASSWORD, saved as UTF-8)" if kind == "latin1" else " is no file (expected a file of lines machine HOST login USER password PASSWORD, or none)"
    assert result.stderr == f"error: {netrc}:{says}\n"


@pytest.mark.parametrize("kind", ["meetings", "chairs"])
def test_blank_lines_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Blank lines were skipped without count: 20 million newlines (a 20 MB register) took 26 s
    to read, a 256 MB one minutes. Now at most as many as rows (the limit made small here)."""
    import planner.inputs.register.csv_meetings
    import planner.inputs.table

    for module in (planner.inputs.table, planner.inputs.register.csv_meetings):
        monkeypatch.setattr(module, "MAX_BLANK_LINES", 5)
    header, row = ("body,start", "summit,2002-06-04") if kind == "meetings" else ("country,start", "Austria,2010-01-01")
    register = tmp_path / f"{kind}.csv"
    register.write_text(f"{header}\n{row}\n" + "\n , \n\n\n" + ",,\n" + f"{row}\n", encoding="utf-8")
    given = ["--meetings", str(register)] if kind == "meetings" else ["--meetings", str(REGISTER), "--chairs", str(register)]
    assert CliRunner().invoke(main, ["--rules", str(MINIMAL), *given, *TODAY, "validate"]).exit_code == 0  # five
    register.write_text(f"{header}\n{row}\n" + "\n , \n\n\n" + ",,\n\n" + f"{row}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), *given, *TODAY, "validate"])
    assert result.exit_code == 2, result.output
    assert f"error: {register}:8: more than 5 blank lines (expected at most 5 rows without a value, as many as rows (see Limits in the README))" in result.stderr.splitlines()


@pytest.mark.parametrize(("kind", "line"), [("meetings", 2), ("chairs", 2), ("header", 1), ("quoted", 2)])
def test_a_line_of_more_cells_than_a_cell_holds_characters_is_refused(tmp_path: Path, kind: str, line: int) -> None:
    """A row of only delimiters is blank, and skipped: one of 250 million commas (a 250 MB
    register) was made into a list of 250 million cells first, 2.2 GB. A line of more than
    131,072 cells is now refused before the csv module splits it (a line of more than 131,072
    characters goes to it)."""
    commas = "," * 131_072
    text = {
        "meetings": f"body,start\n{commas}\nsummit,2002-06-04\n",
        "chairs": f"country,start\n{commas}\n",
        "header": f"body,start{commas}\nsummit,2002-06-04\n",
        "quoted": f'body,start,title\nsummit,2002-06-04,"a\n{commas}"\n',
    }[kind]
    register = tmp_path / "r.csv"
    register.write_text(text, encoding="utf-8")
    given = ["--meetings", str(REGISTER), "--chairs", str(register)] if kind == "chairs" else ["--meetings", str(register)]
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), *given, *TODAY, "validate"])
    assert result.exit_code == 2, result.output
    assert f"error: {register}:{line}: a line of more than 131,072 cells (expected a row of the header's columns (see Limits in the README))" in result.stderr.splitlines(), result.stderr


def test_json_inputs_of_millions_of_empty_containers_are_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A JSON document's objects and arrays are made by the parser before any entry is looked
    at (60 to 150 bytes each): a 30 MB register of ten million empty lists took 1.5 GB, a
    120 MB saved projection of them 3.4 GB in `diff`, a 200 MB state file 9.9 GB and three
    minutes before it was found damaged. Now counted from the brackets before parsing: three
    an entry of a register, one per 64 bytes of a state file's limit, one per 128 of a
    projection's (session 22: tests/hostile/test_hostile22.py)."""
    import planner.inputs.register

    monkeypatch.setattr(planner.inputs.register, "MAX_MEETINGS", 10)  # 32 objects and arrays (the document's list and 3 an entry)
    meetings = tmp_path / "m.json"
    meetings.write_text("[" + ",".join(["[]"] * 32) + "]", encoding="utf-8")
    chairs = tmp_path / "c.json"
    chairs.write_text("[" + ",".join(["{}"] * 600_002) + "]", encoding="utf-8")
    saved = tmp_path / "p.json"
    saved.write_text("[" * 1_048_577, encoding="utf-8")
    runs = [
        (["--rules", str(MINIMAL), "--meetings", str(meetings), *TODAY, "validate"], f"error: {meetings}: holds 33 JSON objects and arrays, more than 32 (expected at most 10 entries, 3 objects and arrays an entry (a bracket inside a text counts too; see Limits in the README))"),
        (["--rules", str(MINIMAL), "--meetings", str(REGISTER), "--chairs", str(chairs), *TODAY, "validate"], f"error: {chairs}: holds 600,003 JSON objects and arrays, more than 600,002 (expected at most 200,000 entries, 3 objects and arrays an entry (a bracket inside a text counts too; see Limits in the README))"),
        (["diff", str(saved), str(saved)], f"error: {saved}: holds 1,048,577 JSON objects and arrays, more than 1,048,576 (expected the JSON written by `planner project --format json`, some 300 bytes an object or array (see Limits in the README))"),
    ]
    for args, line in runs:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert line in result.stderr.splitlines(), result.stderr
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / ".planner-state.json").write_text("[" * 4_194_305, encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), "--meetings", str(REGISTER), *TODAY, "ics", "--no-projected", "--out", str(feeds)])
    assert result.exit_code == 0, result.output
    assert f"warning: {feeds / '.planner-state.json'}: state file is damaged and was ignored (holds 4,194,305 JSON objects and arrays, more than 4,194,304)" in result.stderr


def test_a_calendar_to_avoid_of_single_events_is_read_without_the_expansion(tmp_path: Path) -> None:
    """recurring-ical-events took 255 us an event to find a single event between two days (a
    calendar of 23,000 busy days: 5.9 s of a 11.2 s projection); events that are their own
    occurrence are now read directly, the same blackouts (a series beside them still expanded),
    and a DTSTART that is a time of day or a PERIOD is named where the expansion failed on it."""
    busy = _busy(tmp_path, "busy.ics", 20)
    text = busy.read_text(encoding="utf-8")
    series = "BEGIN:VEVENT\r\nUID:s\r\nDTSTART;VALUE=DATE:20280103\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:series\r\nEND:VEVENT\r\n"
    twice = "BEGIN:VEVENT\r\nUID:busy-0\r\nDTSTART;VALUE=DATE:20290105\r\nSUMMARY:busy again\r\nEND:VEVENT\r\n"
    mixed = tmp_path / "mixed.ics"
    mixed.write_text(text.replace("END:VCALENDAR", series + twice + "END:VCALENDAR"), encoding="utf-8")
    from planner.inputs.ics.avoid import load_avoid

    days = {(b.start, b.last) for b in load_avoid(mixed, date(2027, 1, 1), date(2030, 12, 31))}
    assert {(date(2027, 3, d), date(2027, 3, d)) for d in range(2, 21)} <= days  # busy-1 to busy-19 alone
    assert {(date(2028, 1, 3), date(2028, 1, 3)), (date(2028, 1, 10), date(2028, 1, 10)), (date(2028, 1, 17), date(2028, 1, 17))} <= days
    assert (date(2029, 1, 5), date(2029, 1, 5)) in days or (date(2027, 3, 1), date(2027, 3, 1)) in days  # one UID twice: the expansion's
    bad = tmp_path / "bad.ics"
    bad.write_text(text.replace("DTSTART;VALUE=DATE:20270301", "DTSTART:100000"), encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), "--meetings", str(REGISTER), *TODAY, "project", "--avoid", str(bad)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}: VEVENT 1: DTSTART: is not a date (got '100000'; expected a DATE (20261012) or DATE-TIME (20261012T090000Z))\n"


@pytest.mark.parametrize("path", ["", "  "])
def test_an_empty_path_to_avoid_in_the_rule_book_names_its_key(tmp_path: Path, path: str) -> None:
    """`[organization] avoid = [""]` said ".: is a directory" when a command projected (the
    rule book's folder read as the calendar), naming no key, and `validate` passed it. Now every
    command, `validate` first, refuses it in one line naming the key and the entry."""
    rules = tmp_path / "r.toml"
    rules.write_text(MINIMAL.read_text(encoding="utf-8").replace('timezone = "Europe/Vienna"', f'timezone = "Europe/Vienna"\navoid = ["x.ics", "{path}"]'), encoding="utf-8")
    for command in ("validate", "project"):
        result = CliRunner().invoke(main, ["--rules", str(rules), "--meetings", str(REGISTER), *TODAY, command])
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines() == [f"error: {rules}: organization.avoid: entry 2 is {path!r}, an empty path; expected an iCalendar file's path, relative to the rule book"]
