"""Hostile places rather than hostile contents: pipes, links and empty option values.

The corpus (tests/hostile/test_corpus.py) holds files with bad contents; what cannot be checked in as a
file is here: a FIFO given as an input (no program writes to it: reading must not wait
forever), a FIFO or a link given as an output (written through, never replaced by a regular
file: the same code would replace /dev/null when run as root), and options given empty
(``--rules "$UNSET"``), which must be errors rather than the defaults.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

HERE = Path(__file__).resolve().parent.parent
MINIMAL = str(HERE / "rulebooks" / "valid" / "minimal.toml")
GOOD_MEETINGS = str(HERE / "registers" / "bom_utf8.csv")
TODAY = ["--today", "2026-11-26"]


def run_process(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """planner as its own process: a hang fails the test instead of stopping the suite."""
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(
    "given",
    [
        ["validate", "--rules", "{fifo}", "--meetings", GOOD_MEETINGS],
        ["validate", "--rules", MINIMAL, "--meetings", "{fifo}"],
        ["validate", "--rules", MINIMAL, "--meetings", "{fifo}.json"],
        ["validate", "--rules", MINIMAL, "--meetings", GOOD_MEETINGS, "--chairs", "{fifo}"],
        ["chairs", "--plan-file", "{fifo}"],
    ],
    ids=["rules", "meetings-csv", "meetings-json", "chairs", "plan-file"],
)
def test_fifo_without_writer_is_an_empty_input_not_a_hang(given: list[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    if given[-1].endswith(".json") or any(a.endswith(".json") for a in given):
        fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    args = [a.replace("{fifo}.json", str(fifo)).replace("{fifo}", str(fifo)) for a in given]
    result = run_process([*args, *TODAY])
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert f"error: {fifo}: is empty" in result.stderr


def test_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    """A pipe is an input like any other when a program writes to it (``<(command)``)."""
    fifo = tmp_path / "rules.toml"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "planner", "validate", "--rules", str(fifo), "--meetings", GOOD_MEETINGS, *TODAY], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with fifo.open("w", encoding="utf-8") as writer:  # waits for planner to open the pipe
        writer.write(Path(MINIMAL).read_text(encoding="utf-8"))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "3 bodies, 2 member states" in " ".join(out.split())


def test_output_to_a_fifo_nobody_reads_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    result = run_process(["check", *TODAY, "-o", str(fifo)])
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {fifo}: cannot write: no program reads from this pipe (expected a pipe a program reads from)"
    assert fifo.is_fifo(), "the pipe was replaced by a regular file"


def test_output_to_a_fifo_is_written_through_it(tmp_path: Path) -> None:
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    received: list[bytes] = []
    proc = subprocess.Popen([sys.executable, "-m", "planner", "check", *TODAY, "-o", str(fifo)], stderr=subprocess.PIPE)
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    proc.wait(timeout=60)
    reader.join(timeout=60)
    run_process(["check", *TODAY, "-o", str(tmp_path / "file.txt")])  # the same environment (COLUMNS)
    expected = (tmp_path / "file.txt").read_bytes()
    assert proc.returncode == 1
    assert received == [expected]
    assert fifo.is_fifo()


def test_output_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "published" / "check.txt"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "check.txt"
    link.symlink_to(target)
    result = CliRunner().invoke(main, ["check", *TODAY, "-o", str(link)])
    assert result.exit_code == 1
    assert link.is_symlink() and link.resolve() == target
    CliRunner().invoke(main, ["check", *TODAY, "-o", str(tmp_path / "plain.txt")])
    assert target.read_bytes() == (tmp_path / "plain.txt").read_bytes()


@pytest.mark.parametrize(
    ("args", "option", "expected"),
    [
        (["--rules", "", "check"], "'--rules'", "a file path"),
        (["check", "--rules", ""], "'--rules'", "a file path"),
        (["check", "--meetings", ""], "'--meetings'", "a file path"),
        (["check", "--chairs", ""], "'--chairs'", "a file path"),
        (["--today", "", "check"], "'--today'", "a date YYYY-MM-DD"),
        (["check", "--today", ""], "'--today'", "a date YYYY-MM-DD"),
        (["check", "--to", ""], "'--to'", "a date YYYY-MM-DD or a year"),
        (["project", "--from", ""], "'--from'", "a date YYYY-MM-DD or a year"),
        (["check", "-o", ""], "'-o' / '--output'", "a file path"),
        (["ics", "--out", ""], "'--out'", "a folder path"),
        (["project", "--avoid", ""], "'--avoid'", "an .ics file path"),
        (["chairs", "--plan-file", ""], "'--plan-file'", "a file path"),
        (["diff", "", "after.json"], "'BEFORE.json'", "a JSON file path"),
        (["init", ""], "'DIR'", "a folder path"),
    ],
)
def test_an_option_given_empty_is_an_error_not_the_default(args: list[str], option: str, expected: str, tmp_path: Path) -> None:
    """``--today "$UNSET"`` would judge as of the clock, ``--out ""`` write into the working
    folder, ``--rules ""`` check CICA's rule book instead of the one meant."""
    before = set(tmp_path.iterdir())
    result = CliRunner().invoke(main, [*args, *(TODAY if "--today" not in args and args[0] != "diff" else [])], env={"SOURCE_DATE_EPOCH": ""})
    assert result.exit_code == 2, result.output
    assert f"Invalid value for {option}: is empty; expected {expected}" in result.output + result.stderr
    assert set(tmp_path.iterdir()) == before


def test_a_long_body_value_is_shortened_in_the_message() -> None:
    result = CliRunner().invoke(main, ["check", *TODAY, "--body", "x" * 100_000])
    assert result.exit_code == 2
    assert "(100,000 characters) is not a body of the rule book" in result.stderr
    assert len(result.stderr) < 1000


@pytest.mark.parametrize(
    ("args", "option", "said"),
    [
        (["--name", "Evil\x1b[2J"], "--name", "holds a control character (U+001B)"),
        (["--name", "   "], "--name", "is empty"),
        (["--members", "Aus\u202etria, Kazakhstan"], "--members", "holds an invisible or layout character (U+202E)"),
    ],
)
def test_init_refuses_names_its_rule_book_could_not_hold(args: list[str], option: str, said: str, tmp_path: Path) -> None:
    """``init`` writes a rule book that validates as written, so a name the rule book refuses
    is refused at the option, and nothing is written."""
    result = CliRunner().invoke(main, ["init", str(tmp_path / "org"), *args, *TODAY])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {option}: ")  # (session 25: the form of --members' other problems, not click's)
    assert said in result.output + result.stderr
    assert not (tmp_path / "org").exists()


@pytest.mark.parametrize(("rule", "said"), [("FREQ=YEARLY;INTERVAL=0", "has an INTERVAL below 1"), ("FREQ=SECONDLY", "repeats within a day")])
def test_an_avoid_calendar_with_an_endless_series_is_refused(rule: str, said: str, tmp_path: Path) -> None:
    """A series that never moves on (INTERVAL=0) or moves by the second would be expanded
    without end (it hung ``project --avoid``)."""
    avoid = tmp_path / "busy.ics"
    avoid.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Busy\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    result = run_process(["project", *TODAY, "--avoid", str(avoid)])
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {avoid}: VEVENT 1: recurring series {said}")


def test_a_link_to_nothing_is_named_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop.name)
    dangling = tmp_path / "gone.toml"
    dangling.symlink_to(tmp_path / "moved" / "rules.toml")
    for link, said in ((loop, "is a link to itself (got 'loop.toml'"), (dangling, "is a link to no file (got ")):
        result = CliRunner().invoke(main, ["validate", *TODAY, "--rules", str(link)])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"error: {link}: {said}")


@pytest.mark.parametrize("args", [["check", "-o", "loop.txt"], ["report", "-o", "loop.html"], ["ics", "--out", "loop"]])
def test_an_output_that_is_a_link_to_itself_is_one_line_and_stays_a_link(tmp_path: Path, args: list[str]) -> None:
    """-o onto a link to itself replaced the link with a file (an input link like it is
    refused), and ics --out onto one was a traceback (pathlib's RuntimeError) with exit 1."""
    loop = tmp_path / args[-1]
    loop.symlink_to(loop.name)
    result = CliRunner().invoke(main, [args[0], *TODAY, args[1], str(loop)])
    assert result.exit_code == 2, result.stderr
    expected = "a folder, or a link to one" if args[0] == "ics" else "a file, or a link to one"  # (a feed folder is a folder)
    assert result.stderr == f"error: {loop}: cannot write: it is a link that leads back to itself (expected {expected})\n"
    assert loop.is_symlink() and os.readlink(loop) == loop.name
    assert sorted(p.name for p in tmp_path.iterdir()) == [loop.name]  # nothing left beside it


@pytest.mark.parametrize("url", ["http://[::1", "http://host:abc/", "https://exa mple.org/cal/"])
def test_a_caldav_url_that_cannot_be_parsed_is_a_usage_error(url: str) -> None:
    """An unclosed IPv6 bracket made urllib raise (a traceback); a port that is no number or a
    space reached the client."""
    result = CliRunner().invoke(main, ["publish", *TODAY, "--caldav", url, "--dry-run"])
    assert result.exit_code == 2
    assert f"Invalid value for --caldav: {url!r} is not an http(s) URL" in result.output + result.stderr


def test_output_to_dev_stdout_appended_to_a_log_keeps_the_log(tmp_path: Path) -> None:
    """``-o /dev/stdout >> log``: /dev/stdout leads to the log the shell opened; renaming a new
    file over it would drop what the log held."""
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n", encoding="utf-8")
    with log.open("ab") as out:
        proc = subprocess.run([sys.executable, "-m", "planner", "check", *TODAY, "-o", "/dev/stdout"], stdout=out, stderr=subprocess.PIPE, timeout=60)
    run_process(["check", *TODAY, "-o", str(tmp_path / "alone.txt")])
    assert proc.returncode == 1
    assert log.read_bytes() == b"earlier line\n" + (tmp_path / "alone.txt").read_bytes()
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


@pytest.mark.parametrize("mark", ["\x1b[2J", "\u202e", "\r", "\u200b"])
def test_a_file_name_that_would_take_over_the_terminal_is_shown_escaped(mark: str, tmp_path: Path) -> None:
    """A rule book whose name holds an escape sequence, a right-to-left override, a carriage
    return or a zero-width space: the error line names it with the character escaped, so it
    can neither clear the reader's terminal nor read backwards or hide what it says."""
    bad = tmp_path / f"rules{mark}.toml"
    bad.write_text("x")
    result = CliRunner().invoke(main, ["check", "--rules", str(bad), *TODAY])
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith("error: ") and "\n" not in line and mark not in line
    assert ("\\x" if ord(mark[0]) < 0x80 else "\\u") in line and "rules" in line and ".toml" in line


@pytest.mark.parametrize("year", ["202\u09ea", "\uff12\uff10\uff13\uff10", "\u0662\u0660\u0663\u0660"])
def test_a_year_option_in_digits_of_another_script_is_refused(year: str) -> None:
    """``--to 202৪`` (a Bengali four, which looks like an 8) is an error, not the year 2024."""
    result = CliRunner().invoke(main, ["check", *TODAY, "--to", year])
    assert result.exit_code == 2
    assert f"Invalid value for --to: {year!r} is not a date" in result.output
