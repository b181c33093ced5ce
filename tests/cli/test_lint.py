"""The code base stays lint-clean (ruff, with every ignore explained in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_finds_nothing():
    """`ruff check` over the package, the tests and the benchmarks reports no problem."""
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "planner", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
