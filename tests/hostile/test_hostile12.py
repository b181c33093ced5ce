"""Twelfth attacker pass: outputs through links planted by someone else, and new hostile cases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.hostile.test_faults import _fill, small_disk  # noqa: F401 - small_disk: a fixture, asked for by name

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"
GIVEN = ["--rules", str(MINIMAL), "--meetings", str(REGISTER), "--today", "2026-11-26"]
# each way of writing through -o / --out, and whether the path names a file or a folder
WRITERS = [
    (["check", "-o"], "file"),
    (["report", "-o"], "file"),
    (["project", "--format", "json", "-o"], "file"),
    (["ics", "--out"], "folder"),
]


def run(args: list[str]):
    return CliRunner().invoke(main, [*GIVEN, *args])


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.parametrize(("command", "kind"), WRITERS)
def test_a_link_into_a_missing_folder_makes_no_folder(tmp_path: Path, command: list[str], kind: str) -> None:
    """A dangling link whose target's folder does not exist (planted in a shared /tmp, aimed at
    ``/home/someone/.config/planner/out``) made the run create the target's folders. Now one
    line, exit 2, nothing made, the link as it was."""
    link = tmp_path / "out"
    aimed = tmp_path / "victim" / ".config" / "planner" / "out"
    link.symlink_to(aimed)
    before = tree(tmp_path)
    result = run([*command, str(link)])
    assert result.exit_code == 2, result.output + result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()] and result.stderr.startswith(f"error: {link}: cannot write: is a link to {aimed}, in a folder that does not exist")
    assert "Traceback" not in result.output + result.stderr
    assert tree(tmp_path) == before and not (tmp_path / "victim").exists()
    assert os.readlink(link) == str(aimed)


@pytest.mark.parametrize(("command", "kind"), WRITERS)
def test_a_link_into_an_existing_folder_writes_its_target(tmp_path: Path, command: list[str], kind: str) -> None:
    """A link (relative, through a second link) whose target does not exist yet but whose
    folder does: written there, as a shell's ``>`` would, and the links kept."""
    (tmp_path / "published").mkdir()
    (tmp_path / "second").symlink_to("published/out")
    link = tmp_path / "out"
    link.symlink_to("second")
    result = run([*command, str(link)])
    assert result.exit_code in (0, 1), result.output + result.stderr
    target = tmp_path / "published" / "out"
    assert target.is_dir() if kind == "folder" else target.is_file()
    assert link.is_symlink() and (tmp_path / "second").is_symlink()
    assert not [p for p in tmp_path.rglob(".pl-*")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a link to another user needs root")
@pytest.mark.parametrize(("command", "kind"), WRITERS)
def test_a_strangers_link_in_a_shared_folder_is_not_followed(tmp_path: Path, command: list[str], kind: str) -> None:
    """In a sticky folder anyone may write (/tmp), a link another user left is not written
    through (Linux's fs.protected_symlinks rule, which a rename to the resolved name would
    bypass and which not every system turns on): the file it names stays as it was. The
    user's own link there is followed."""
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "file").write_text("precious\n", encoding="utf-8")
    planted = shared / "out"
    planted.symlink_to(precious / "file")
    os.lchown(planted, 4242, 4242)
    result = run([*command, str(planted)])
    assert result.exit_code == 2, result.output + result.stderr
    assert result.stderr.startswith(f"error: {planted}: cannot write: is a link another user (4242) left in a folder anyone may write")
    assert len(result.stderr.splitlines()) == 1
    assert (precious / "file").read_text(encoding="utf-8") == "precious\n" and tree(precious) == ["file"]
    assert planted.is_symlink() and tree(shared) == ["out"]
    planted.unlink()
    own = shared / "mine"
    own.symlink_to(precious / "new")
    assert run([*command, str(own)]).exit_code in (0, 1)
    assert (precious / "new").exists() and own.is_symlink()


def test_an_entry_of_many_unknown_keys_is_a_few_lines(tmp_path: Path) -> None:
    """A JSON entry of 100,000 unknown keys was 100,000 lines of error (the register's "at
    most 50 problems" was counted by entries). Now its first three unknown fields, then one
    line counting the rest; an entry with four names each."""
    register = tmp_path / "m.json"
    keys = ",".join(f'"k{i}": 1' for i in range(100_000))
    register.write_text(f'[{{"body": "summit", "start": "2002-06-04", {keys}}}, {{"body": "summit", "start": "2006-06-04", "a": 1, "b": 2, "c": 3, "d": 4}}]', encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), "--meetings", str(register), "validate"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        *(f"error: {register}: meetings[0]: k{i}: unknown field" for i in range(3)),
        f"error: {register}: meetings[0]: 99,997 more unknown fields",
        *(f"error: {register}: meetings[1]: {key}: unknown field" for key in "abc"),
        f"error: {register}: meetings[1]: d: unknown field; did you mean 'id'?",
    ]
    assert "99,997 more unknown fields ('k3', 'k4', 'k5', ...) (expected fields among body," in lines[3]


def test_a_register_of_many_bad_entries_stops_at_50_lines(tmp_path: Path) -> None:
    """Fifty problems at most for one file, however many a single entry holds."""
    register = tmp_path / "m.json"
    bad = '{"body": "summit", "start": "2002-06-%02d", "a": 1, "b": 2, "c": 3, "d": 4}'  # four lines each: 13 are 52
    register.write_text("[" + ", ".join(bad % day for day in range(1, 31)) + "]", encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(MINIMAL), "--meetings", str(register), "validate"])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 50
    assert all(line.startswith(f"error: {register}: meetings[") for line in result.stderr.splitlines())


def test_avoid_reads_a_pipe_and_names_a_bad_path_as_every_input_does(tmp_path: Path) -> None:
    """`--avoid <(curl ...)` was refused ("is not a file"), although every other input reads
    a pipe; a link to nothing or to itself was "no such file". Now the calendar a pipe gives
    is avoided, and a bad path is said as --meetings says it."""
    busy = (HERE.parent / "examples" / "busy-2028.ics").read_bytes()
    ask = ["--today", "2026-11-26", "project", "--body", "ministerial_council", "--format", "json"]
    plain = CliRunner().invoke(main, [*ask, "--avoid", str(HERE.parent / "examples" / "busy-2028.ics")])
    assert plain.exit_code == 0, plain.stderr
    read, write = os.pipe()
    os.write(write, busy)  # smaller than a pipe's buffer
    os.close(write)
    try:
        piped = CliRunner().invoke(main, [*ask, "--avoid", f"/dev/fd/{read}"])
    finally:
        os.close(read)
    assert piped.exit_code == 0, piped.stderr
    # (a blackout names its calendar by the file's name: a reason moved off such a day says it)
    assert piped.stdout == plain.stdout.replace(str(HERE.parent / "examples" / "busy-2028.ics"), f"/dev/fd/{read}").replace("busy-2028.ics: ", f"{read}: ")
    loop = tmp_path / "loop.ics"
    loop.symlink_to(loop.name)
    dangling = tmp_path / "gone.ics"
    dangling.symlink_to(tmp_path / "moved" / "busy.ics")
    fifo = tmp_path / "fifo.ics"
    os.mkfifo(fifo)
    for path in (loop, dangling, fifo, tmp_path):
        avoided = CliRunner().invoke(main, ["--today", "2026-11-26", "project", "--avoid", str(path)])
        registered = CliRunner().invoke(main, ["--today", "2026-11-26", "validate", "--meetings", str(path)])
        assert avoided.exit_code == registered.exit_code == 2
        assert avoided.stderr.split(" (expected")[0] == registered.stderr.split(" (expected")[0], (avoided.stderr, registered.stderr)
        assert len(avoided.stderr.splitlines()) == 1


@pytest.mark.parametrize("workers", ["1", "2"])
def test_every_writer_on_a_full_disk_is_one_line_and_leaves_nothing(request: pytest.FixtureRequest, workers: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """No space left, for each command that writes a file (check in one process and forked):
    exit 2, one line, the old file whole, and nothing new on the disk. `init` left the folder
    it made (and those it made above it) there, empty; now it removes them."""
    disk: Path = request.getfixturevalue("small_disk")  # tests/hostile/test_faults.py's
    monkeypatch.setenv("PLANNER_WORKERS", workers)
    saved = disk / "saved.json"
    assert CliRunner().invoke(main, [*GIVEN, "project", "--format", "json", "-o", str(saved)]).exit_code == 0
    writers = {
        "check.txt": ["check"],
        "check.json": ["check", "--format", "json"],
        "report.html": ["report"],
        "project.csv": ["project", "--format", "csv"],
        "chairs.txt": ["chairs"],
        "diff.txt": ["diff", str(saved), str(saved)],
    }
    for name in writers:
        (disk / name).write_text("old\n", encoding="utf-8")
    _fill(disk)
    before = tree(disk)
    for name, command in writers.items():
        result = run([*command, "-o", str(disk / name)])
        assert result.exit_code == 2, (name, result.stderr)
        assert result.stderr.splitlines() == [f"error: {disk / name}: cannot write: no space left on the device holding {disk}; nothing was replaced (expected room for the whole output)"]
        assert (disk / name).read_text(encoding="utf-8") == "old\n"
    started = CliRunner().invoke(main, ["init", str(disk / "a" / "b" / "org")])
    assert started.exit_code == 2 and "no space left on the device holding" in started.stderr and len(started.stderr.splitlines()) == 1
    assert tree(disk) == before


def test_output_onto_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    """`-o` naming a file the run reads (a slip: `--meetings m.csv -o m.csv`) replaced the
    register with the report, and the next run failed on it. Now one line naming the option
    that gave it, exit 2, every input byte for byte as it was; by another path or a link too,
    and with the option before the command."""
    rules = tmp_path / "r.toml"
    rules.write_bytes(MINIMAL.read_bytes())
    register = tmp_path / "m.csv"
    register.write_bytes(REGISTER.read_bytes())
    (tmp_path / "link.csv").symlink_to("m.csv")
    saved = tmp_path / "p.json"
    assert CliRunner().invoke(main, ["--today", "2026-11-26", "project", "--format", "json", "-o", str(saved)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    given = ["--rules", str(rules), "--meetings", str(register), "--today", "2026-11-26"]
    for args, option, target in [
        ([*given, "check", "--format", "csv", "-o"], "--meetings", register),
        ([*given, "report", "-o"], "--meetings", tmp_path / "link.csv"),
        (["check", *given, "-o"], "--meetings", tmp_path / "." / "m.csv"),
        ([*given, "bodies", "-o"], "--rules", rules),
        ([*given, "project", "--plan-file", str(register), "-o"], "--plan-file", register),
        (["diff", str(saved), str(saved), "-o"], "the argument BEFORE.json", saved),
    ]:
        result = CliRunner().invoke(main, [*args, str(target)])
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr == f"error: {target}: cannot write: it is the file given as {option}, an input of this run (expected another file: planner never writes over its inputs)\n"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    written = CliRunner().invoke(main, [*given, "check", "-o", str(tmp_path / "check.txt")])
    assert written.exit_code == 1 and (tmp_path / "check.txt").is_file()


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
def test_a_forked_check_writes_the_same_bytes_whatever_hash_seed_time_zone_and_locale(tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three forked processes under another hash seed, time zone and locale write what one
    process writes, with the same exit code (the fork and the merge of their pieces must not
    depend on dict order or the clock's zone)."""
    given = ["--today", "2026-12-01", "check", "--format", fmt]  # CICA's 14 bodies
    monkeypatch.setenv("PLANNER_WORKERS", "1")
    serial = CliRunner().invoke(main, [*given, "-o", str(tmp_path / "serial")])
    env = {**os.environ, "PLANNER_WORKERS": "3", "PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C"}
    forked = subprocess.run([sys.executable, "-m", "planner", *given, "-o", str(tmp_path / "forked")], env=env, capture_output=True, timeout=300)
    assert serial.exit_code in (0, 1) and forked.returncode == serial.exit_code, forked.stderr
    assert (tmp_path / "forked").read_bytes() == (tmp_path / "serial").read_bytes()


def test_the_meetings_of_all_registers_given_are_bounded_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each --meetings file was bounded (2,000,000 rows), their sum not: three copies of the
    1,008,493-row register were validated in 24 s and 1.09 GB. Now the files of a run are
    bounded together, as one is: the file that passes the bound is named, one line, exit 2
    (the bound lowered to 3 here)."""
    import planner.inputs.limits

    monkeypatch.setattr(planner.inputs.limits, "MAX_MEETINGS", 3)
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("body,start\nsummit,2002-06-04\ncouncil,2004-10-22\n", encoding="utf-8")
    second.write_text("body,start\ncommittee,2005-03-01\ncommittee,2005-09-01\n", encoding="utf-8")
    given = ["--rules", str(MINIMAL), "--today", "2026-11-26", "--meetings", str(first)]
    assert CliRunner().invoke(main, [*given, "check"]).exit_code == 1
    for command in (["check"], ["validate"], ["project"], ["ics", "--out", "-"]):
        result = CliRunner().invoke(main, [*given, "--meetings", str(second), *command])
        assert result.exit_code == 2, result.stderr
        assert result.stderr == f"error: {second}: brings the meetings of the --meetings files given to 4, more than 3 (expected at most 3 meetings in all the registers of a run, as in one (see Limits in the README))\n"


@pytest.mark.parametrize("today", ["1000-01-01", "2999-12-31"])
def test_every_command_on_the_first_and_last_day_of_the_range(tmp_path: Path, today: str) -> None:
    """`--today` on the first or last day planner takes, with a register dated on both: every
    command answers (0 or 1), no traceback; a day past the range is one line, exit 2."""
    register = tmp_path / "m.csv"
    register.write_text("body,start,end,status\ncommittee,1000-01-01,,held\nsummit,2999-12-30,2999-12-31,planned\n", encoding="utf-8")
    saved = tmp_path / "p.json"
    given = ["--rules", str(MINIMAL), "--meetings", str(register), "--today", today]
    commands = [
        ["validate"], ["bodies"], ["check"], ["check", "--format", "json"], ["check", "--to", "2999"], ["project", "--format", "json", "-o", str(saved)],
        ["chairs"], ["ics", "--out", str(tmp_path / "feeds")], ["ics", "--no-projected", "--out", "-"], ["report", "-o", str(tmp_path / "r.html")],
    ]
    for command in commands:
        result = CliRunner().invoke(main, [*given, *command])
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        assert result.exit_code in (0, 1), (command, result.stderr)
    assert CliRunner().invoke(main, ["diff", str(saved), str(saved)]).exit_code == 0
    past = CliRunner().invoke(main, [*given[:-1], "3000-01-01" if today.startswith("2") else "0999-12-31", "check"])
    assert past.exit_code == 2 and len(past.stderr.splitlines()) == 1 and past.stderr.startswith("error: ")
