"""Twenty-third attacker pass: outputs onto devices and into folders that make nothing, a
`--base-url` no name server answers for, `--avoid` events that end before they start, and
further hostile inputs and faults (issue 10)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
TODAY = ["--today", "2026-11-26"]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_feeds_onto_a_device_say_it_is_a_device(device: str) -> None:
    """`ics --out /dev/null` said "it is a file, not a folder": a character device is said as
    what it is."""
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    code, err = _run("ics", *TODAY, "--to", "2028", "--out", device)
    assert code == 2
    assert err == f"error: {device}: cannot write: it is a character device, not a folder (expected a folder for the feeds, or a path where one can be made)\n"


def test_feeds_onto_a_named_pipe_say_it_is_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, err = _run("ics", *TODAY, "--to", "2028", "--out", str(pipe))
    assert code == 2
    assert f"error: {pipe}: cannot write: it is a named pipe, not a folder" in err
    code, err = _run("ics", *TODAY, "--to", "2028", "--out", str(pipe / "feeds"))
    assert code == 2
    assert f"error: {pipe / 'feeds'}: cannot write: {pipe} is a named pipe, not a folder" in err


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="no /proc")
@pytest.mark.parametrize(("command", "target"), [(["ics", "--out"], "/proc/x"), (["ics", "--out"], "/proc/x/feeds"), (["check", "-o"], "/proc/x"), (["report", "-o"], "/proc/x")])
def test_an_output_in_proc_names_the_users_path(command: list[str], target: str) -> None:
    """`ics --out /proc/x` said "No such file or directory (/proc/.pl-2d711642.new)": the name
    of planner's staging folder, which the user never gave. The folder that makes nothing is
    named instead."""
    code, err = _run(*command[:1], *TODAY, "--to", "2028", *command[1:], target)
    assert code == 2
    assert err.startswith(f"error: {target}: cannot write: /proc does not let files or folders be made in it"), err
    assert ".pl-" not in err and err.count("\n") == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_report_onto_dev_full_says_the_device_is_full() -> None:
    code, err = _run("check", *TODAY, "-o", "/dev/full")
    assert code == 2
    assert err.startswith("error: /dev/full: cannot write: it is a character device that takes no more"), err


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("https://" + "a" * 100_000 + ".org/cica", "its host has 100,004 characters"),
        ("https://" + "a." * 130 + "org/", "its host has 263 characters"),
        ("https://" + "a" * 64 + ".org/", "a label of its host has 64 characters"),
        ("https://example.org/" + "p" * 2000, "it has 2,020 characters"),
    ],
)
def test_a_base_url_no_name_server_answers_for_is_refused(tmp_path: Path, url: str, says: str) -> None:
    """A `--base-url` with a host of 100,000 characters was taken and written into every feed
    and index.html; a host is at most 253 characters, 63 between dots (RFC 1035 2.3.4)."""
    code, err = _run("ics", *TODAY, "--to", "2028", "--out", str(tmp_path / "feeds"), "--base-url", url)
    assert code == 2
    assert err.count("\n") == 1 and says in err and len(err) < 400, err
    assert not (tmp_path / "feeds").exists()


@pytest.mark.parametrize("url", ["https://" + "a" * 63 + ".org/cica", "https://" + "a." * 125 + "org/", "https://[::1]:8080/cica", "https://bücher.example/cica"])
def test_a_base_url_at_the_limits_is_taken(tmp_path: Path, url: str) -> None:
    code, err = _run("ics", *TODAY, "--to", "2028", "--out", str(tmp_path / "feeds"), "--base-url", url)
    assert code == 0, err
    assert url.rstrip("/") in (tmp_path / "feeds" / "index.html").read_text(encoding="utf-8")


CAL = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile23//EN\r\nBEGIN:VEVENT\r\nUID:busy-1\r\nSUMMARY:busy\r\n{}END:VEVENT\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("lines", "says"),
    [
        ("DTSTART;VALUE=DATE:20270310\r\nDURATION:-P5D\r\n", "VEVENT 1: the event ends before it starts: its DURATION is negative (got '-P5D'"),
        ("DTSTART;VALUE=DATE:20270310\r\nDURATION:-P5D\r\nRRULE:FREQ=YEARLY;COUNT=3\r\n", "VEVENT 1: the event ends before it starts: its DURATION is negative"),
        ("DTSTART:20270310T100000Z\r\nDURATION:-PT1H\r\n", "VEVENT 1: the event ends before it starts: its DURATION is negative (got '-PT1H'"),
        ("DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270301\r\n", "VEVENT 1: the event ends before it starts (DTSTART '20270310') (got '20270301'"),
        ("DTSTART:20270310T100000Z\r\nDTEND:20270310T090000Z\r\n", "VEVENT 1: the event ends before it starts (DTSTART '20270310T100000Z')"),
        ("DTSTART;VALUE=DATE:20100310\r\nDTEND;VALUE=DATE:20100301\r\n", "VEVENT 1: the event ends before it starts (DTSTART '20100310')"),
        ("DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270301\r\nRRULE:FREQ=MONTHLY;COUNT=3\r\n", "VEVENT 1: the event ends before it starts"),
    ],
)
def test_an_avoided_event_that_ends_before_it_starts_is_refused(tmp_path: Path, lines: str, says: str) -> None:
    """An event of `--avoid` with DURATION:-P5D (or a DTEND before its DTSTART, in the horizon
    or not, alone or a series) was read as one busy day: refused as a register's is, one line."""
    avoid = tmp_path / "busy.ics"
    avoid.write_bytes(CAL.format(lines).encode())
    code, err = _run("project", *TODAY, "--to", "2028", "--avoid", str(avoid))
    assert code == 2
    assert err.startswith(f"error: {avoid}: {says}"), err
    assert err.count("\n") == 1


@pytest.mark.parametrize("lines", ["DTSTART;VALUE=DATE:20270310\r\nDURATION:PT0S\r\n", "DTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270310\r\n", "DTSTART:20270310T100000Z\r\nDTEND:20270310T100000Z\r\n"])
def test_an_avoided_event_of_no_length_is_one_day(tmp_path: Path, lines: str) -> None:
    avoid = tmp_path / "busy.ics"
    avoid.write_bytes(CAL.format(lines).encode())
    code, err = _run("project", *TODAY, "--to", "2028", "--avoid", str(avoid))
    assert code == 0, err


UNCLOSED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile23//EN\r\nBEGIN:VEVENT\r\nUID:s-2018\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:{}0610\r\nBEGIN:VEVENT\r\nUID:s-2022\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:{}0610\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


def test_a_register_whose_event_is_never_closed_is_refused_not_judged_missed(tmp_path: Path) -> None:
    """A VEVENT never closed (END:VEVENT lost in an edit) made icalendar read the file as no
    calendar at all, without a word: `check` judged the Summits of 2018 and 2022 missed (exit
    1), a verdict the register never gave. Now exit 2, naming the line."""
    register = tmp_path / "summits.ics"
    register.write_bytes(UNCLOSED.format(2018, 2022).encode())
    code, err = _run("check", *TODAY, "--rules", str(ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"), "--meetings", str(register))
    assert code == 2
    assert err == f"error: {register}:13: END:VCALENDAR closes the VEVENT begun at line 4 (expected END:VEVENT first: each component closed by its own END, in order (RFC 5545 3.4))\n"


def test_a_calendar_to_avoid_whose_event_is_never_closed_is_refused(tmp_path: Path) -> None:
    """The same file given to `--avoid` blocked no day at all (exit 0): its busy days lost."""
    busy = tmp_path / "busy.ics"
    busy.write_bytes(UNCLOSED.format(2027, 2028).encode())
    code, err = _run("project", *TODAY, "--to", "2029", "--avoid", str(busy))
    assert code == 2
    assert err.startswith(f"error: {busy}:13: END:VCALENDAR closes the VEVENT begun at line 4"), err


@pytest.mark.parametrize("command", [["project", "-o"], ["check", "-o"], ["report", "-o"]])
def test_an_output_onto_a_calendar_the_rule_book_avoids_is_refused(tmp_path: Path, command: list[str]) -> None:
    """`project --rules book.toml -o busy.ics`, where the rule book's `[organization] avoid`
    lists busy.ics, replaced that calendar with the schedule (exit 0): an input no option names
    was written over. Now one line, exit 2, the calendar byte for byte as it was."""
    minimal = (ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml").read_text(encoding="utf-8")
    book = tmp_path / "book.toml"
    book.write_text(minimal.replace('timezone = "Europe/Vienna"', 'timezone = "Europe/Vienna"\navoid = ["busy.ics"]', 1), encoding="utf-8")
    busy = tmp_path / "busy.ics"
    before = (EXAMPLES / "busy-2028.ics").read_bytes()
    busy.write_bytes(before)
    code, err = _run(command[0], *TODAY, "--rules", str(book), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"), command[1], str(busy))
    assert code == 2
    assert err == f"error: {busy}: cannot write: it is the file given as avoid in {book}, an input of this run (expected another file: planner never writes over its inputs)\n"
    assert busy.read_bytes() == before


def test_an_output_onto_the_embedded_rule_book_is_refused() -> None:
    """`check -o` naming the installed CICA rule book (an input by default, named by no option)
    replaced it with a report."""
    from planner.inputs.rulebook import embedded_path

    embedded = embedded_path("cica.toml")
    before = embedded.read_bytes()
    code, err = _run("check", *TODAY, "-o", str(embedded))
    assert code == 2
    assert "it is the file given as the embedded rule book, an input of this run" in err
    assert embedded.read_bytes() == before


@pytest.mark.parametrize(("host", "says"), [("a" * 100_000 + ".org", "its host has 100,004 characters"), ("a" * 70 + ".org", "a label of its host has 70 characters")])
def test_a_caldav_address_no_name_server_answers_for_is_refused_before_any_request(host: str, says: str) -> None:
    """`publish --caldav` with a host of 100,000 characters went to the client, whose failure
    was told as "the server's answer cannot be read" (no server was asked); now the option is
    refused as `--base-url` is."""
    code, err = _run("publish", *TODAY, "--caldav", f"http://{host}/user/calendar/", "--dry-run")
    assert code == 2
    assert err.count("\n") == 1 and "Invalid value for --caldav" in err and says in err and "server" not in err, err


def test_project_hosts_by_the_chair_register_without_judging_its_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    """`project --chairs` built the whole `chairs` answer (every term judged, its meetings
    listed) to take the hosts from it: 50,000 overlapping terms (within the 200,000 rows a
    chair register may hold) took 42 s, 200,000 more than a minute. Hosting needs the terms'
    dates and handovers only: nothing is judged, and the projection is the same."""
    from planner.engine.chairmanship import plan
    from planner.engine.chairmanship.findings import judge as findings
    from planner.engine.planning.projection import project
    from planner.inputs.register import load_chairs, load_meetings
    from planner.inputs.rulebook import embedded_path, load_rulebook

    book = load_rulebook(embedded_path("cica.toml"))
    chairs = load_chairs(embedded_path("cica-chairs.csv"))
    today = date(2026, 11, 26)
    projection = project(book, load_meetings(embedded_path("cica-meetings.csv"), book, today=today), start=today, end=date(2040, 12, 31), today=today)
    candidates = ["Kyrgyzstan", "Thailand", "India"]
    whole = plan.chairs_report(book, chairs, projection, candidates).projection

    def judged(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the terms were judged")

    monkeypatch.setattr(findings, "judge", judged)
    monkeypatch.setattr(plan, "judge", judged)
    assert plan.with_chair_hosts(book, chairs, projection, candidates) == whole


def test_a_diff_tells_apart_two_meetings_of_one_body_on_one_day(tmp_path: Path) -> None:
    """A what-if register planning an unnumbered Experts Meeting on a day the register holds one
    (held there, planned here) makes `project` write both, of one key (body, kind and start):
    the diff kept the last of each key alone, so a projection in which the first moved a day
    was said to "hold the same meetings on the same dates". Each is its own meeting now."""
    import json

    scenario = tmp_path / "scenario.csv"
    scenario.write_text("body,kind,start,status\nexpert_meetings,regular,2026-12-10,held\nexpert_meetings,regular,2026-12-10,planned\n", encoding="utf-8")
    before = tmp_path / "before.json"
    code, err = _run("project", *TODAY, "--meetings", str(EXAMPLES / "cica-meetings.csv"), "--meetings", str(scenario), "--format", "json", "-o", str(before))
    assert code == 0, err
    data = json.loads(before.read_text(encoding="utf-8"))
    same_day = [m for m in data["meetings"] if m["body"] == "expert_meetings" and m["start"] == "2026-12-10"]
    assert len(same_day) == 2
    same_day[0]["start"] = "2026-12-11"
    after = tmp_path / "after.json"
    after.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(before), str(after)])
    assert result.exit_code == 0, result.output
    assert "1 moved" in result.output and "2026-12-10 → 2026-12-11" in result.output, result.output


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (["project", "--from", "2999"], "Invalid value for --from: 2999-01-01 is after 2036-11-26, the end of the horizon without --to (ten years after --today)"),
        (["ics", "--out", "-", "--from", "2999"], "Invalid value for --from: 2999-01-01 is after 2036-11-26, the end of the horizon without --to"),
        (["check", "--from", "2999"], "Invalid value for --from: 2999-01-01 is after --today (2026-11-26), where the check ends without --to"),
    ],
)
def test_a_from_after_the_default_end_is_refused(command: list[str], says: str) -> None:
    """`--from 2030 --to 2028` was refused, but `project --from 2999` alone (the horizon ending
    ten years after --today) wrote "schedule 2999-01-01 to 2036-11-26", no meeting, exit 0, and
    `check --from 2999` (judged up to --today) "0 violations", exit 0: a gate that passed
    having judged nothing."""
    code, err = _run(command[0], *TODAY, *command[1:])
    assert code == 2
    assert says in err and err.count("\n") == 1, err


def test_a_from_in_the_future_with_a_to_still_judges() -> None:
    code, err = _run("check", *TODAY, "--from", "2027", "--to", "2030")
    assert code in (0, 1), err


def test_a_calendar_to_avoid_listed_5000_times_is_one_warning(tmp_path: Path) -> None:
    """A rule book whose `[organization] avoid` lists one calendar 5,000 times was read once,
    but warned 4,999 lines, each the same."""
    minimal = (ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml").read_text(encoding="utf-8")
    book = tmp_path / "book.toml"
    book.write_text(minimal.replace('timezone = "Europe/Vienna"', 'timezone = "Europe/Vienna"\navoid = [' + ", ".join(['"busy.ics"'] * 5000) + "]", 1), encoding="utf-8")
    (tmp_path / "busy.ics").write_bytes((EXAMPLES / "busy-2028.ics").read_bytes())
    code, err = _run("project", *TODAY, "--to", "2029", "--rules", str(book), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"))
    assert code == 0, err
    busy = tmp_path / "busy.ics"
    assert err == f"warning: {busy}: the same calendar to avoid as {busy}, given again (4,999 times): read once\n"


@pytest.mark.parametrize(("entry", "problem"), [(".", "is a directory, not a file"), ("nowhere.ics", "no such file")])
@pytest.mark.parametrize("command", [["project"], ["ics", "--out", "-"], ["chairs"]])
def test_a_calendar_to_avoid_the_rule_book_names_badly_is_the_rule_books_line(tmp_path: Path, entry: str, problem: str, command: list[str]) -> None:
    """`[organization] avoid = ["."]` said "error: .: is a directory, not a file (expected a
    file)", and a missing one "nowhere.ics: no such file": neither named the rule book nor the
    key that asked for the file. Now the rule book, `organization.avoid[0]`, the value and what
    was expected, exit 2."""
    book = (ROOT / "rules" / "cica.toml").read_text(encoding="utf-8").replace("[organization]\n", f'[organization]\navoid = ["{entry}"]\n', 1)
    rules = tmp_path / "book.toml"
    rules.write_text(book, encoding="utf-8")
    result = CliRunner().invoke(main, [*command, "--rules", str(rules), "--today", "2026-12-01"])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {rules}: organization.avoid[0]: {problem} (got '{entry}'; expected an .ics calendar file, relative to the rule book's folder)\n"


def test_no_projected_says_the_horizon_and_plan_go_unused(tmp_path: Path) -> None:
    """`ics --no-projected --from 2020 --to 2021` wrote every year of the register (71 events)
    and said nothing, as if the range had been kept: --from, --to and --plan shape the
    projection only. They now get one warning line; the events are the same."""
    plain = CliRunner().invoke(main, ["ics", "--no-projected", "--out", "-", "--today", "2026-12-01"])
    ranged = CliRunner().invoke(main, ["ics", "--no-projected", "--from", "2020", "--to", "2021", "--out", "-", "--today", "2026-12-01"])
    assert plain.exit_code == ranged.exit_code == 0
    assert ranged.stdout == plain.stdout
    assert "warning: --from and --to shape the projection, which --no-projected leaves out: every meeting of the register is written\n" in ranged.stderr
    assert "--no-projected leaves out" not in plain.stderr
