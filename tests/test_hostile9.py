"""Ninth attacker pass: a new class of hostile inputs (tables of 100,000 keys, files that declare
a gigabyte, registers in other encodings, absurd time zones and series, dates and epochs at
the ends of time, outputs onto things that are no folder), each one line and in seconds."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.errors import RegisterError
from planner.inputs import rulebook
from planner.inputs.inputfile import read_bytes
from planner.outputs.calendar.ical import STATE_FILE

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
GOOD = HERE / "registers" / "bom_utf8.csv"
TODAY = ["--today", "2026-11-26"]


def invoke(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args))


def _unknown_keys(tmp_path: Path, count: int, where: str = 'timezone = "Europe/Vienna"') -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    book = tmp_path / f"keys{count}.toml"
    book.write_text(text.replace(where, where + "\n" + "".join(f"k{i} = {i}\n" for i in range(count)), 1), encoding="utf-8")
    return book


@pytest.mark.parametrize("where", ['timezone = "Europe/Vienna"', "months = [10]"], ids=["organization", "body"])
def test_a_table_of_100000_unknown_keys_is_fifty_lines_and_a_count(where: str, tmp_path: Path) -> None:
    """100,000 unknown keys in one table (1.3 MB, under the 4 MB limit) were worded one by
    one, each with its "did you mean": minutes of CPU, then 100,000 lines. The first 50 are
    listed, then one line counts the rest."""
    book = _unknown_keys(tmp_path, 100_000, where)
    result = invoke("validate", *TODAY, "--rules", str(book), "--meetings", str(GOOD))
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == rulebook.MAX_LISTED + 1, lines[-3:]
    assert all(line.startswith(f"error: {book}: ") for line in lines)
    assert "unknown key 'k0'" in lines[0]
    assert lines[-1] == f"error: {book}: 99,950 more problems not listed (the first 50 are above)"


def test_fifty_problems_are_listed_without_a_count(tmp_path: Path) -> None:
    """At the limit every problem has its own line; one more and the last line counts it."""
    at = invoke("validate", *TODAY, "--rules", str(_unknown_keys(tmp_path, 50)), "--meetings", str(GOOD))
    assert at.exit_code == 2 and len(at.stderr.splitlines()) == 50
    assert "not listed" not in at.stderr
    over = invoke("validate", *TODAY, "--rules", str(_unknown_keys(tmp_path, 51)), "--meetings", str(GOOD))
    assert over.stderr.splitlines()[-1].endswith(": 1 more problem not listed (the first 50 are above)")


def test_a_file_larger_than_its_limit_is_refused_unread(tmp_path: Path) -> None:
    """A register that says it is 1 GB (a sparse file, or a copy cut short) was read up to the
    256 MB limit before it was refused: 280 MB of memory for one line of error."""
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.write(b'[{"body": "summit", "start": "2002-06-04"},')
        handle.truncate(1 << 30)
    tracemalloc.start()
    try:
        with pytest.raises(RegisterError, match="is larger than 256 MB"):
            read_bytes(big, RegisterError)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20, peak
    result = invoke("validate", *TODAY, "--rules", str(MINIMAL), "--meetings", str(big))
    assert result.exit_code == 2
    assert result.stderr == f"error: {big}: is larger than 256 MB (expected at most 256 MB (see Limits in the README))\n"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[" * 5000 + "]" * 5000, "(nested too deeply to read)"),
        ('{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": ' + "9" * 5000 + "}}}", "(Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits)"),
    ],
    ids=["nested", "digits"],
)
def test_a_damaged_state_file_is_worded_in_its_own_terms(content: str, said: str, tmp_path: Path) -> None:
    """The warning quoted Python: "maximum recursion depth exceeded while decoding a JSON array
    from a unicode string", "use sys.set_int_max_str_digits() to increase the limit"."""
    out = tmp_path / "feeds"
    out.mkdir()
    (out / STATE_FILE).write_text(content, encoding="utf-8")
    result = invoke("ics", *TODAY, "--rules", str(MINIMAL), "--meetings", str(GOOD), "--no-projected", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    warning = next(line for line in result.stderr.splitlines() if line.startswith("warning: "))
    assert f"state file is damaged and was ignored {said}; SEQUENCE numbers start again at 0" in warning
    assert "recursion" not in warning and "sys." not in warning
