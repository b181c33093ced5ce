"""The README's examples run: its rule book loads, its register reads, its commands work."""

from __future__ import annotations

import re
import shlex
import tomllib

import pytest

from planner.cli import main
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import parse_rulebook

from .conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def _block(marker: str, lang: str) -> str:
    match = re.search(rf"<!-- {marker} -->\s*```{lang}\n(.*?)```", README, re.S)
    assert match, marker
    return match.group(1)


def test_readme_rulebook_loads_and_projects(tmp_path):
    """The complete small rule book of the README is valid, and its register reads against it."""
    from datetime import date

    from planner.engine.compliance import check
    from planner.engine.projection import project

    book = parse_rulebook(tomllib.loads(_block("readme-rulebook", "toml")), "README.md")
    assert [b.id for b in book.bodies] == ["plenary", "council", "bureau", "forum", "experts"]
    register = tmp_path / "meetings.csv"
    register.write_text(_block("readme-register", "csv"), "utf-8")
    meetings = load_meetings(register, book)
    assert [m.body for m in meetings] == ["plenary", "plenary", "council", "council", "bureau"]
    assert str(meetings[2].start) == "2025"
    check(book, meetings, date(2026, 11, 26))
    assert project(book, meetings, date(2026, 11, 26)).projected


def _commands() -> list[str]:
    # `planner publish` needs a CalDAV server: tests/test_publish.py runs those lines on Radicale
    return [line[2:] for line in re.findall(r"^\$ planner .*$", README, re.M) if not line.startswith("$ planner publish")]


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
