"""Eighteenth attacker pass: inputs that live where planner writes, and what a fresh pair of
hostile hands found in session 17's readers and outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent
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
        (["--name", "A" * 300], "Invalid value for --name: the rule book made from it would not validate: organization.name: is longer than 200 characters (300)"),
        (["--members", "Austria, Austria"], "Invalid value for --members: the rule book made from it would not validate: organization.members[1].code: duplicate member code (got 'AT')"),
        (["--name", "x\udcff"], "Invalid value for --name: 'x\\udcff' holds a byte that is not UTF-8 text (b'\\xff'); expected a name in UTF-8"),
    ]:
        result = CliRunner().invoke(main, ["init", str(tmp_path / "org"), *args], prog_name="main")
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("error: main init: " + says), result.stderr
        assert not (tmp_path / "org").exists()
