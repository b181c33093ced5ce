"""The documented limits (README, "Limits"): what exceeds one is refused with one line naming
the file; what stands at the limit is accepted. Large valid inputs are timed in the
benchmarks, not here."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.errors import RegisterError
from planner.inputs import limits, register
from planner.inputs.inputfile import read_bytes
from planner.inputs.limits import MAX_DEPTH, screen

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_endless_file_is_refused_at_the_size_limit() -> None:
    """/dev/zero as a rule book: read up to the limit and refused, not swallowed."""
    result = invoke("validate", "--rules", "/dev/zero")
    assert result.exit_code == 2 and result.stderr.startswith("error: /dev/zero: is larger than 4 MB"), result.stderr


def test_file_over_its_limit_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 11)
    with pytest.raises(RegisterError, match="is larger than 10 bytes"):
        read_bytes(path, RegisterError, 10)
    path.write_bytes(b"x" * 10)
    assert read_bytes(path, RegisterError, 10) == b"x" * 10


def test_rows_over_the_limit_are_refused_at_the_first_row_too_many(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("body,start\nsummit,2002\nsummit,2006\n\nsummit,2010\n", encoding="utf-8")
    _header, rows = register.read_cells(path, register.MEETING_COLUMNS, register.MEETING_REQUIRED, limit=2)
    with pytest.raises(RegisterError) as caught:
        list(rows)
    assert caught.value.location == 5 and "more than 2 rows" in str(caught.value)


def test_json_entries_over_the_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"meetings": [{"body": "summit", "start": "2002"}, {"body": "summit", "start": "2006"}]}', encoding="utf-8")
    monkeypatch.setattr(register, "MAX_MEETINGS", 1)
    result = invoke("validate", "--rules", str(MINIMAL), "--meetings", str(path))
    assert result.exit_code == 2 and f"error: {path}: meetings: holds 2 entries (expected at most 1" in result.stderr


def test_nesting_at_the_limit_passes_one_more_is_refused() -> None:
    def nested(depth: int) -> object:
        value: object = 1
        for _ in range(depth):
            value = [value]
        return value

    assert list(screen(nested(MAX_DEPTH), dates=True)) == []
    assert [p[1] for p in screen(nested(MAX_DEPTH + 1), dates=True)] == [f"is nested more than {MAX_DEPTH} levels deep"]


def test_ordinal_at_the_limit_passes_one_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(f"body,start,ordinal\nsummit,2002,{limits.MAX_ORDINAL}\nsummit,2006,{limits.MAX_ORDINAL + 1}\n", encoding="utf-8")
    result = invoke("validate", "--rules", str(MINIMAL), "--meetings", str(path))
    assert result.exit_code == 2 and result.stderr.splitlines() == [f"error: {path}:3: ordinal: is too large (got {limits.MAX_ORDINAL + 1}; expected at most 999,999)"]


def test_count_of_one_a_day_passes(tmp_path: Path) -> None:
    """31 a month is the most a month can hold; it validates (and projection says what does
    not fit, as Problems)."""
    book = tmp_path / "book.toml"
    book.write_text(MINIMAL.read_text(encoding="utf-8").replace('count = 2\nper = "year"', 'count = 31\nper = "month"'), encoding="utf-8")
    assert invoke("validate", "--rules", str(book), "--meetings", str(REGISTER)).exit_code == 0


@pytest.mark.parametrize(("to", "code"), [("2126", 0), ("2127", 2)])
def test_horizon_of_100_years(to: str, code: int) -> None:
    result = invoke("project", "--today", "2026-11-26", "--rules", str(MINIMAL), "--meetings", str(REGISTER), "--to", to, "--format", "csv")
    assert result.exit_code == code, result.stderr
    if code:
        assert "more than 100 years after 2026-11-26" in result.stderr


@pytest.mark.parametrize(("start", "code"), [("1936-11-26", 0), ("1000-01-01", 2)])
def test_horizon_of_100_years_with_the_default_end(start: str, code: int) -> None:
    """--from alone ends at the default end (10 years after --today): 1000-01-01 to 2036 is a
    horizon of a thousand years, refused like an explicit --to would be (it was let through)."""
    result = invoke("project", "--today", "2026-11-26", "--rules", str(MINIMAL), "--meetings", str(REGISTER), "--from", start, "--format", "csv")
    assert result.exit_code == code, result.stderr
    if code:
        assert "Invalid value for --from: 1000-01-01 is more than 100 years before the default end 2036-11-26" in result.stderr
