"""The state file of a feed folder is bounded by its size, asked before any byte is read: a
1.3 GB file of 4,000,001 lines ran past 300 s before it was found too long and ignored."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from planner.inputs.limits import MAX_STATE_BYTES, MAX_STATE_FILE_BYTES
from planner.outputs.calendar.ical import STATE_FILE

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
GOOD = HERE / "registers" / "bom_utf8.csv"
TODAY = ["--today", "2026-11-26"]


def _export(out: Path) -> list[str]:
    result = CliRunner().invoke(main, ["ics", *TODAY, "--rules", str(MINIMAL), "--meetings", str(GOOD), "--no-projected", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("warning: ")]


def _sparse(out: Path, size: int, head: bytes) -> tuple[Path, os.stat_result]:
    """A state file of ``size`` bytes (a hole after ``head``: no disk is used), and a second
    name for it outside the folder, to see it afterwards."""
    out.mkdir()
    state = out / STATE_FILE
    with state.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    kept = out.parent / "kept-state"
    os.link(state, kept)
    return kept, kept.stat()


def test_a_state_file_past_its_limit_is_one_warning_and_left_unread(tmp_path: Path) -> None:
    """A byte past the limit: one warning naming the file, its size and the limit; the export
    goes on as without a state file, and the old file is never written to."""
    out = tmp_path / "feeds"
    kept, before = _sparse(out, MAX_STATE_FILE_BYTES + 1, b'{"version": 4, "events": {\n')
    warnings = _export(out)
    assert warnings == [f"warning: {out / STATE_FILE}: state file is larger than {MAX_STATE_FILE_BYTES >> 20} MB ({MAX_STATE_FILE_BYTES + 1:,} bytes) and was ignored; SEQUENCE numbers start again at 0"]
    after = kept.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert (out / STATE_FILE).read_bytes().startswith(b'{"version": 4, "events": {\n') and (out / STATE_FILE).stat().st_size < 1 << 20
    assert _export(out) == []  # the state file written in its place is read again


def test_a_large_state_file_not_in_the_writers_form_is_not_read_line_by_line(tmp_path: Path) -> None:
    """Within the limit but not in the form read in bulk (here: no line breaks at all): the
    line-by-line reading (22 s for a million lines) is not tried past MAX_STATE_BYTES."""
    out = tmp_path / "feeds"
    kept, before = _sparse(out, MAX_STATE_FILE_BYTES, b'{"version": 4, "events": {')
    warnings = _export(out)
    assert warnings == [f"warning: {out / STATE_FILE}: state file is damaged and was ignored (larger than {MAX_STATE_BYTES >> 20} MB and not in the form planner writes now (one event a line)); SEQUENCE numbers start again at 0"]
    assert kept.stat().st_mtime_ns == before.st_mtime_ns
