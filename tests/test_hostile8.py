"""Eighth attacker pass: check's output bounded by what a person can read, the HTML report of a
crowded book, length limits of rule-book names and ids, and new hostile inputs end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.outputs import check_report

from .test_hostile7 import _crowded

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
MONTHLY = HERE / "rulebooks" / "valid" / "monthly_board.toml"


def invoke(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Twenty bodies of twenty rules, an empty register: thousands of missed windows."""
    return _crowded(tmp_path_factory.mktemp("crowd8"), 20)


def _monthly(tmp_path: Path, today: str) -> list[str]:
    register = tmp_path / "empty.csv"
    register.write_text("body,start\n", encoding="utf-8")
    return ["check", "--rules", str(MONTHLY), "--meetings", str(register), "--today", today, "--problems-only"]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_check_lists_100_problems_and_groups_the_101st(fmt: str, tmp_path: Path) -> None:
    """A board due every month since 2000 with nothing recorded: by May 2008 it missed 100
    months, each listed in its own words; one more month and they are one line: the count,
    the first windows and the first problem."""
    listed = invoke(*_monthly(tmp_path, "2008-05-31"), "--format", fmt)
    assert listed.exit_code == 1, listed.stderr
    assert len(re.findall(r"Board, \d{4}-\d\d: 0 of 1 required", listed.output)) == check_report.PROBLEMS_LISTED
    assert "problems, more than" not in listed.output
    grouped = invoke(*_monthly(tmp_path, "2008-06-01"), "--format", fmt)
    assert grouped.exit_code == 1, grouped.stderr
    words = " ".join(grouped.output.split())
    assert "101 problems, more than 100 to list: grouped by body and verdict" in words
    assert "Board: 101 windows missed (2000-01, 2000-02, 2000-03, ...); the first: 2000-01: 0 of 1 required" in words
    assert len(re.findall(r"0 of 1 required", words)) == 1
    assert words.count("Statute, art. 1") == 1  # its source once, as the note of the first


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_crowded_check_groups_its_problems(crowd: list[str], fmt: str) -> None:
    """Twenty crowded bodies left thousands of problem lines (100 bodies: 15 MB of text). Past
    100 there is a line per body and verdict, and every problem is counted in one of them."""
    data = json.loads(invoke("check", *crowd, "--format", "json").output)
    problems = [f for f in data["findings"] if f["verdict"] in {"late", "missed", "excess", "off_date", "advisory", "uncertain"}]
    out = invoke("check", *crowd, "--format", fmt).output
    part = " ".join(out[out.index("Problems") :].split())
    assert f"{len(problems):,} problems, more than 100 to list" in part
    counts = [int(n.replace(",", "")) for n in re.findall(r"Body \d+: ([\d,]+) (?:uncertain |customary )?windows?", part)]
    groups = {(f["body"], f["verdict"]) for f in problems}
    assert sum(counts) == len(problems) and len(counts) == len(groups)
    assert len(out.encode()) < 100_000, len(out.encode())


def test_check_json_and_csv_keep_every_finding(crowd: list[str]) -> None:
    """Findings are the product: JSON and CSV give every one, whatever their number."""
    data = json.loads(invoke("check", *crowd, "--format", "json").output)
    rows = invoke("check", *crowd, "--format", "csv").output.count("\n") - 1
    assert rows == len(data["findings"]) > 1000


@pytest.mark.parametrize(
    ("old", "new", "where", "limit"),
    [
        ('id = "demo"', 'id = "{}"', "organization.id", 64),
        ('id = "committee"', 'id = "{}"', "bodies[2].id", 64),
        ('name = "Summit of Heads of State"', 'name = "{}"', "bodies[0].name", 200),
        ('short_name = "SOC"', 'short_name = "{}"', "bodies[2].short_name", 200),
        ('"Summit Meeting"', '"{}"', "bodies[0].aliases[0]", 200),
        ('name = "Austria"', 'name = "{}"', "organization.members[0].name", 200),
        ('source = "Charter, art. 5"', 'source = "{}"', "bodies[0].rules[0].source", 2000),
    ],
)
def test_rule_book_names_ids_and_texts_at_and_over_their_length(old: str, new: str, where: str, limit: int, tmp_path: Path) -> None:
    """Ids take 64 characters, names 200, other texts 2,000 (README "Limits"); one more is one
    line naming the file, the key path, the length and the limit."""
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    for length in (limit, limit + 1):
        value = ("x" * length) if where.endswith("id") else ("ab " * length)[:length - 1] + "z"
        book = tmp_path / f"b{length}.toml"
        book.write_text(text.replace(old, new.format(value), 1), encoding="utf-8")
        result = invoke("validate", "--rules", str(book))
        if length == limit:
            assert result.exit_code == 0, result.stderr
        else:
            lines = result.stderr.splitlines()
            assert result.exit_code == 2 and len([line for line in lines if line.startswith("error:")]) == 1, result.stderr
            assert f"{book}: {where}: is longer than {limit:,} characters ({length:,})" in result.stderr
            assert f"at most {limit:,} characters" in result.stderr


def test_a_key_past_200_characters_is_refused(tmp_path: Path) -> None:
    """A table key is a field's name or a member's: 200 characters at most."""
    text = MINIMAL.read_text(encoding="utf-8")
    for length, code in ((200, 2), (201, 2)):
        book = tmp_path / f"k{length}.toml"
        book.write_text(text.replace("months = [10]", f"months = [10]\n{'k' * length} = 1", 1), encoding="utf-8")
        result = invoke("validate", "--rules", str(book))
        assert result.exit_code == code
        # at 200 the schema refuses the unknown field; past it, the key's length is said first
        assert ("holds a key longer than 200 characters (201)" in result.stderr) == (length == 201), result.stderr
