"""Eleventh attacker pass: two runs writing one output at once, and new hostile cases."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main
from planner.outputs.text import wrap

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"
GIVEN = ["--rules", str(MINIMAL), "--meetings", str(REGISTER)]

# Runs planner in a child process that stops itself (SIGSTOP) once it has written its output
# to its temporary file, before the file is flushed and renamed: the moment another run may
# start on the same file.
STOPPER = """
import os, signal, sys
from planner.outputs import atomic
owner, name = {"os": os, "atomic": atomic}[sys.argv[1]], sys.argv[2]
original = getattr(owner, name)
def step(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGSTOP)
    setattr(owner, name, original)
    return original(*args, **kwargs)
setattr(owner, name, step)
from planner.cli import main
main(sys.argv[3:])
"""


def stopped(where: str, args: list[str]) -> subprocess.Popen[str]:
    """planner run in a child process, stopped at the first call of ``where`` (``os.fsync``)."""
    child = subprocess.Popen([sys.executable, "-c", STOPPER, *where.split("."), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status = os.waitpid(child.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), "the run ended before it wrote"
    return child


def test_two_runs_writing_one_file_at_once_both_finish(tmp_path: Path) -> None:
    """A second `check -o FILE` started while the first writes FILE (two cron jobs, a person
    and a job) took the first's temporary file for a killed run's litter and removed it: the
    first failed with "cannot write: No such file or directory". Both now finish, the file
    is the last one's whole, and nothing is left beside it."""
    target = tmp_path / "check.json"
    first = ["check", "--today", "2026-11-26", *GIVEN, "--format", "json", "-o", str(target)]
    child = stopped("os.fsync", first)
    try:
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



def test_sigterm_while_writing_leaves_the_old_output_and_no_litter(tmp_path: Path) -> None:
    """SIGTERM (kill, timeout, a service stopped) while `-o FILE` or `ics --out DIR` is
    written ended the process where it stood (exit -15): FILE's temporary file, or the new
    feed folder half built beside DIR, stayed until the next run. It is now unwound as Ctrl-C
    is: exit 2, one line, the old output whole, nothing beside it."""
    target = tmp_path / "check.json"
    target.write_text("old\n", encoding="utf-8")
    feeds = tmp_path / "feeds"
    assert CliRunner().invoke(main, ["ics", "--today", "2026-11-26", *GIVEN, "--out", str(feeds)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in feeds.iterdir()}
    for where, args in [
        ("os.fsync", ["check", "--today", "2026-11-27", *GIVEN, "--format", "json", "-o", str(target)]),
        ("atomic._write_file", ["ics", "--today", "2026-11-27", *GIVEN, "--out", str(feeds)]),
    ]:
        child = stopped(where, args)
        assert any(p.name.startswith(".pl-") for p in tmp_path.iterdir())  # the run's temporary, being written
        os.kill(child.pid, signal.SIGTERM)
        os.kill(child.pid, signal.SIGCONT)
        _, stderr = child.communicate(timeout=120)
        assert child.returncode == 2, (where, child.returncode, stderr)
        assert stderr.strip() == "error: terminated (SIGTERM) before the end; nothing was written in part", stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["check.json", "feeds"]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert {p.name: p.read_bytes() for p in feeds.iterdir()} == before


def test_no_memory_left_is_exit_2_in_one_line_and_the_old_output_stays(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A run out of memory (``ulimit -v``, a container's limit) ended in a traceback and exit 1,
    which a CI job reads as "violations found" (check JSON at N under ulimit -v 130000)."""
    import planner.outputs.atomic as atomic

    target = tmp_path / "check.json"
    target.write_text("old\n", encoding="utf-8")

    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(atomic, "_write_file", no_memory)
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-26", *GIVEN, "--format", "json", "-o", str(target)])
    assert result.exit_code == 2 and result.stderr.strip() == "error: out of memory before the end; nothing was written in part", result.stderr
    assert target.read_text(encoding="utf-8") == "old\n" and sorted(os.listdir(tmp_path)) == ["check.json"]

WRAP_PIECES = ["a", "bb", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "é", "\xa0", "\u2003", "-", "x" * 59, "y" * 130, " " * 45, "\xa0" * 70]


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(WRAP_PIECES), max_size=25),
    width=st.integers(30, 120),
    first=st.sampled_from(["", "  ", "  missed  ", " " * 19, "x"]),
    rest=st.sampled_from(["", "  ", "    ", " " * 14, "> "]),
)
def test_text_is_wrapped_as_textwrap_wraps_it(pieces: list[str], width: int, first: str, rest: str) -> None:
    """Every text is cut into the lines textwrap gives (words longer than a line broken,
    white space and no-break spaces dropped at line ends), without textwrap, which copies
    the rest of a long word once per line: a saved projection's host of 10 MB took `diff`
    32 s, 30 MB minutes."""
    text = "".join(pieces)
    hang = rest if len(rest) <= width - 20 else " " * min(4, len(rest))
    expected = textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=hang, break_long_words=True, break_on_hyphens=False)
    assert wrap(text, width, first, rest) == (expected or [first.rstrip()])


def test_a_word_of_megabytes_is_cut_into_lines_of_the_width() -> None:
    """A host, city or title of one 3 MB word fills lines of exactly the width, nothing lost."""
    word = "y" * 3_000_000
    lines = wrap(f"{word} end", 90, "  host  ", "    ")
    assert lines[0] == "  host  " + word[:82] and lines[-1] == "    " + word[-((3_000_000 - 82) % 86) :] + " end"
    assert all(len(line) == 90 for line in lines[1:-1]) and "".join(line[4:] for line in lines[1:-1]) == word[82 : 82 + 86 * (len(lines) - 2)]
