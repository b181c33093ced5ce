"""The bad-input corpus: every hostile or extreme file under ``tests/corpus`` goes through the
CLI (in-process) and gets the answer ``cases.toml`` states: an exit code of 0, 1 or 2, and for
bad input one line naming the file, the place and what is wrong. Never a traceback or a hang.

Folders say what a file is given as: ``rulebook`` (--rules), ``meetings`` (--meetings with the
minimal rule book), ``chairs`` (--chairs), ``plan`` (--plan-file on the embedded CICA data),
``projection`` (a saved ``project --format json``, given to ``diff``) and ``state`` (the state
file of a feed folder). Add a case in ``make_corpus.py`` and run it.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import main
from planner.outputs.calendar.ical import STATE_FILE

HERE = Path(__file__).resolve().parent.parent
CORPUS = HERE / "corpus"
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
GOOD_MEETINGS = HERE / "registers" / "bom_utf8.csv"
TODAY = ["--today", "2026-11-26"]
CASES: dict[str, dict] = tomllib.loads((CORPUS / "cases.toml").read_text(encoding="utf-8"))


def commands(kind: str, path: Path, out: Path) -> list[list[str]]:
    """The command lines a file of ``kind`` goes through: loading alone, then the commands
    that use it (a rule book that passes ``validate`` once crashed ``check``)."""
    f = str(path)
    if kind == "rulebook":
        given = ["--rules", f, "--meetings", str(GOOD_MEETINGS)]
        return [["validate", *TODAY, *given], ["check", *TODAY, *given], ["project", *TODAY, *given], ["ics", *TODAY, *given, "--out", "-"]]
    if kind == "meetings":
        given = ["--rules", str(MINIMAL), "--meetings", f]
        return [["validate", *TODAY, *given], ["check", *TODAY, *given, "--format", "csv"], ["project", *TODAY, *given, "--format", "json"], ["ics", *TODAY, *given, "--out", str(out)]]
    if kind == "chairs":
        given = ["--rules", str(MINIMAL), "--meetings", str(GOOD_MEETINGS), "--chairs", f]
        return [["validate", *TODAY, *given], ["chairs", *TODAY, *given]]
    if kind == "plan":
        return [["chairs", *TODAY, "--plan-file", f], ["project", *TODAY, "--plan-file", f]]
    if kind == "projection":  # a saved `project --format json`, compared by `diff`
        return [["diff", f, f]]
    if kind == "state":
        out.mkdir()
        shutil.copy(path, out / STATE_FILE)
        return [["ics", *TODAY, "--no-projected", "--out", str(out)]]
    raise AssertionError(kind)


def check_result(result: Result, expected: dict, shown_as: str, label: str) -> None:
    output = result.output + result.stderr
    assert "Traceback" not in output, f"{label}\n{output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), f"{label}: {result.exception!r}"
    assert result.exit_code in (0, 1, 2), label
    lines = result.stderr.splitlines()
    if expected["exit"] == 2:
        assert result.exit_code == 2, f"{label}\n{output}"
        assert lines and all(line.startswith("error: ") for line in lines), f"{label}\n{result.stderr}"
        if "line" in expected:  # recorded and reviewed; what follows "(expected" may grow (new columns)
            wanted = f"error: {shown_as}{expected['line']}".split(" (expected ", 1)[0]
            assert any(line.split(" (expected ", 1)[0] == wanted for line in lines), f"{label}: expected {wanted}\n{result.stderr}"
            return
        where = expected.get("where")
        if where is None:
            prefix = f"error: {shown_as}: "
        elif where[0].isdigit():
            prefix = f"error: {shown_as}:{where}: "
        else:
            prefix = f"error: {shown_as}: {where}: "
        assert any(line.startswith(prefix) and expected["says"] in line for line in lines), f"{label}: expected {prefix}...{expected['says']}...\n{result.stderr}"
    else:
        assert result.exit_code in (0, 1), f"{label}\n{output}"
        if expected.get("says"):
            assert any(line.startswith(("warning: ", "note: ")) and expected["says"] in line for line in lines), f"{label}\n{result.stderr}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_case(name: str, tmp_path: Path) -> None:
    """Each file of the corpus gets its stated answer from every command that reads it."""
    kind = name.split("/", 1)[0]
    path = CORPUS / name
    expected = CASES[name]
    before = path.read_bytes()
    for args in commands(kind, path, tmp_path / "out"):
        result = CliRunner().invoke(main, args)
        check_result(result, expected, str(path), " ".join(args))
    assert path.read_bytes() == before, "an input file was modified"


def test_corpus_files_and_cases_match() -> None:
    """Each file of the corpus has a stated answer, and each answer a file."""
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.glob("*/*") if p.is_file()}
    assert on_disk == set(CASES)
