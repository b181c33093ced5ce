"""Eleventh attacker pass: two runs writing one output at once, and new hostile cases."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

HERE = Path(__file__).resolve().parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"
GIVEN = ["--rules", str(MINIMAL), "--meetings", str(REGISTER)]

# Runs planner in a child process that stops itself (SIGSTOP) once it has written its output
# to its temporary file, before the file is flushed and renamed: the moment another run may
# start on the same file.
STOPPER = """
import os, signal, sys
original = os.fsync
def step(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGSTOP)
    os.fsync = original
    return original(*args, **kwargs)
os.fsync = step
from planner.cli import main
main(sys.argv[1:])
"""


def test_two_runs_writing_one_file_at_once_both_finish(tmp_path: Path) -> None:
    """A second `check -o FILE` started while the first writes FILE (two cron jobs, a person
    and a job) took the first's temporary file for a killed run's litter and removed it: the
    first failed with "cannot write: No such file or directory". Both now finish, the file
    is the last one's whole, and nothing is left beside it."""
    target = tmp_path / "check.json"
    first = ["check", "--today", "2026-11-26", *GIVEN, "--format", "json", "-o", str(target)]
    child = subprocess.Popen([sys.executable, "-c", STOPPER, *first], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, status = os.waitpid(child.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status), "the first run ended before it wrote"
        assert len(list(tmp_path.glob(".pl-*.tmp"))) == 1  # its temporary file, being written
        second = CliRunner().invoke(main, ["check", "--today", "2026-11-27", *GIVEN, "--format", "json", "-o", str(target)])
        assert second.exit_code == 1, second.stderr
        assert '"today": "2026-11-27"' in target.read_text(encoding="utf-8")
    finally:
        os.kill(child.pid, signal.SIGCONT)
        _, stderr = child.communicate(timeout=120)
    assert child.returncode == 1 and stderr == "", stderr
    assert sorted(os.listdir(tmp_path)) == ["check.json"]
    assert '"today": "2026-11-26"' in target.read_text(encoding="utf-8")
