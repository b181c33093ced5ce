"""``planner init``: a starter that validates, every rule kind shown in comments, the shipped
examples copied, nothing overwritten."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.model import RULE_KINDS
from planner.inputs.rulebook import parse_rulebook
from tests.conftest import ROOT

TODAY = ["--today", "2026-12-01"]


def _init(runner, folder: Path, *args: str):
    return runner.invoke(main, ["init", str(folder), *args, *TODAY])


def _inputs(folder: Path) -> list[str]:
    return ["--rules", str(folder / "rules.toml"), "--meetings", str(folder / "meetings.csv"), "--chairs", str(folder / "chairs.csv")]


def test_starter_validates_and_runs(runner, tmp_path):
    """init DIR, then validate exits 0; check, project and chairs work on what it wrote."""
    folder = tmp_path / "org"
    result = _init(runner, folder, "--name", "Regional Fisheries Commission", "--members", "Norway, Iceland, Faroe Islands=FO, Türkiye")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["chairs.csv", "meetings.csv", "rules.toml"]
    validate = runner.invoke(main, ["validate", *_inputs(folder)])
    assert validate.exit_code == 0 and "2 bodies, 4 member states" in " ".join(validate.output.split())
    book = tomllib.loads((folder / "rules.toml").read_text("utf-8"))
    assert book["organization"]["short_name"] == "RFC" and [m["code"] for m in book["organization"]["members"]] == ["NO", "IS", "FO", "TR"]
    assert runner.invoke(main, ["check", *_inputs(folder), *TODAY]).exit_code == 0
    project = runner.invoke(main, ["project", *_inputs(folder), *TODAY, "--to", "2028"])
    assert project.exit_code == 0 and "General Assembly" in project.output and "Executive Council" in project.output


def _commented_blocks(text: str, header: str) -> list[str]:
    """The commented TOML blocks that start with ``# header``, uncommented."""
    blocks = re.findall(rf"^# {re.escape(header)}[^\n]*\n(?:# [^\n]+\n)+", text, re.M)
    return [re.sub(r"^# ?", "", b, flags=re.M) for b in blocks]


def test_every_rule_kind_is_shown_and_valid_when_uncommented(runner, tmp_path):
    _init(runner, tmp_path)
    text = (tmp_path / "rules.toml").read_text("utf-8")
    shown = set(re.findall(r'^#? ?kind = "([a-z_]+)"', text, re.M))
    assert shown == set(RULE_KINDS)
    blocks = _commented_blocks(text, "[[bodies.rules]]")
    assert len(blocks) >= len(RULE_KINDS) - 2  # every and at_least are live in the bodies
    for block in blocks:  # each under the last body, as the comment says
        parse_rulebook(tomllib.loads(text + "\n" + block), "rules.toml")
    (chairmanship,) = _commented_blocks(text, "[chairmanship]")
    (blackout,) = _commented_blocks(text, "[[organization.blackout]]")
    first_body = text.index("[[bodies]]")
    book = parse_rulebook(tomllib.loads(text[:first_body] + chairmanship + blackout + text[first_body:]), "rules.toml")
    assert book.chairmanship is not None and book.organization.blackout


def test_same_inputs_same_files(runner, tmp_path):
    _init(runner, tmp_path / "a", "--members", "Austria")
    _init(runner, tmp_path / "b", "--members", "Austria")
    assert (tmp_path / "a" / "rules.toml").read_bytes() == (tmp_path / "b" / "rules.toml").read_bytes()


def test_names_are_toml_strings(runner, tmp_path):
    """A quote or a backslash in the name stays text."""
    assert _init(runner, tmp_path, "--name", 'The "Quoted" \\ Council').exit_code == 0
    assert tomllib.loads((tmp_path / "rules.toml").read_text("utf-8"))["organization"]["name"] == 'The "Quoted" \\ Council'


@pytest.mark.parametrize(
    ("members", "words"),
    [("Austria, Narnia", "'Narnia' is not a country"), ("Austria=AUT", "not a two-letter ISO 3166 code"), ("Austira", "did you mean Austria")],
)
def test_bad_member_is_one_line_and_exit_2(runner, tmp_path, members, words):
    result = _init(runner, tmp_path / "org", "--members", members)
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "org").exists()


def test_nothing_is_overwritten(runner, tmp_path):
    (tmp_path / "rules.toml").write_text("mine", "utf-8")
    result = _init(runner, tmp_path)
    assert result.exit_code == 2 and "already exists" in result.output
    assert (tmp_path / "rules.toml").read_text("utf-8") == "mine" and not (tmp_path / "meetings.csv").exists()


def test_list_and_copy_an_example(runner, tmp_path):
    listing = runner.invoke(main, ["init", "--list"])
    names = [line.split()[0] for line in listing.output.splitlines()]
    assert names[0] == "cica" and "treaty-body" in names and "rotating-chair" in names
    assert {f"{n}.toml" for n in names if n != "cica"} == {p.name for p in (ROOT / "examples").glob("*.toml")}
    for name in ("treaty-body", "rotating-chair"):
        folder = tmp_path / name
        assert runner.invoke(main, ["init", str(folder), "--example", name]).exit_code == 0
        assert (folder / "rules.toml").read_bytes() == (ROOT / "examples" / f"{name}.toml").read_bytes()
        assert runner.invoke(main, ["validate", *_inputs(folder)]).exit_code == 0
    assert (tmp_path / "rotating-chair" / "chairs.csv").read_bytes() == (ROOT / "examples" / "rotating-chair-chairs.csv").read_bytes()
    unknown = runner.invoke(main, ["init", str(tmp_path / "x"), "--example", "treaty"])
    assert unknown.exit_code == 2 and "treaty-body" in unknown.output


def test_examples_ship_in_the_wheel():
    """--example works from an installed package: the examples are force-included."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]["examples"] == "planner/data/examples"


def test_an_empty_example_name_is_refused_not_read_as_no_example(runner, tmp_path):
    """`init DIR --example ""` wrote the starter rule book (an empty name read as none given):
    the user asked for an example and got something else, silently. Now the empty name is
    refused as any unknown one is, and nothing is written."""
    out = tmp_path / "org"
    result = runner.invoke(main, ["init", str(out), "--example", ""])
    assert result.exit_code == 2
    assert "--example: '' is not a shipped example; expected one of cica," in result.stderr
    assert not out.exists()
