"""The README's examples run: its rule book loads, its register reads, its commands work."""

from __future__ import annotations

import re
import shlex
import tomllib

import pytest

from planner.cli import main
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import parse_rulebook
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def _block(marker: str, lang: str) -> str:
    match = re.search(rf"<!-- {marker} -->\s*```{lang}\n(.*?)```", README, re.S)
    assert match, marker
    return match.group(1)


def test_readme_rulebook_loads_and_projects(tmp_path):
    """The complete small rule book of the README is valid, and its register reads against it."""
    from datetime import date

    from planner.engine.judging.compliance import check
    from planner.engine.planning.projection import project

    book = parse_rulebook(tomllib.loads(_block("readme-rulebook", "toml")), "README.md")
    assert [b.id for b in book.bodies] == ["plenary", "council", "bureau", "forum", "experts"]
    register = tmp_path / "meetings.csv"
    register.write_text(_block("readme-register", "csv"), "utf-8")
    meetings = load_meetings(register, book)
    assert [m.body for m in meetings] == ["plenary", "plenary", "council", "council", "bureau"]
    assert str(meetings[2].start) == "2025"
    check(book, meetings, date(2026, 11, 26))
    assert project(book, meetings, date(2026, 11, 26)).projected


def _sessions() -> list[list[str]]:
    """Console blocks marked ``<!-- readme-session -->``: commands that build on each other's files."""
    blocks = re.findall(r"<!-- readme-session -->\s*```console\n(.*?)```", README, re.S)
    return [[line[2:] for line in block.splitlines() if line.startswith("$ planner ")] for block in blocks]


def _commands() -> list[str]:
    in_sessions = {c for session in _sessions() for c in session}
    # `planner publish` needs a CalDAV server: tests/ical/test_publish.py runs those lines on Radicale
    return [line[2:] for line in re.findall(r"^\$ planner .*$", README, re.M) if not line.startswith("$ planner publish") and line[2:] not in in_sessions]


@pytest.mark.parametrize("session", _sessions(), ids=lambda s: s[-1].split()[1])
def test_readme_session_runs_in_order(session, runner, tmp_path, monkeypatch):
    """A README session runs command after command in one folder, as typed; the what-if diff says
    the 8th Ministerial Council moves from 2028 to 2029."""
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for command in session:
        result = runner.invoke(main, shlex.split(command)[1:])
        # check says 1 where it finds violations (CICA has two, before 2026)
        assert result.exit_code in ((0, 1) if command.startswith("planner check") else (0,)), (command, result.output, result.exception)
    if session[-1].startswith("planner diff"):
        line = next(x for x in result.output.splitlines() if "Ministerial Council (8th)" in x)
        assert "2028-" in line and "→ 2029-" in line, line


@pytest.mark.parametrize("command", _commands())
def test_readme_command_runs(command, runner, tmp_path, monkeypatch):
    """Each `$ planner ...` line of the README runs on the embedded data (exit 0, or 1 for violations);
    the files it names under examples/ are there, as in a checkout."""
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    result = runner.invoke(main, args)
    assert result.exit_code in (0, 1), (command, result.output, result.exception)
    assert "Traceback" not in result.output
