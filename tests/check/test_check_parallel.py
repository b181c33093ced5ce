"""A check judged and written by several processes (planner/outputs/check/forked.py) says
byte for byte what one process says, in every format, and fails as one process fails."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.core.errors import RegisterError
from planner.engine.expectations import ExpectationEngine
from planner.engine.judging import findings
from planner.outputs.check import forked

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"
FORMATS = ("text", "markdown", "csv", "json")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A generated register of 40 bodies over 30 years: every rule kind, hundreds of problems."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    import generate

    out = tmp_path_factory.mktemp("generated")
    generate.main(["--bodies", "40", "--years", "30", "--seed", "5", "--out", str(out)], echo=lambda _line: None)
    return ["--rules", str(out / "rulebook.toml"), "--meetings", str(out / "meetings.csv"), "--today", "2026-06-30"]


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processes forked (seen from the process that forks them)."""
    made: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    return made


def _run(args: list[str], workers: int, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, str, int]:
    monkeypatch.setenv("PLANNER_WORKERS", str(workers))
    monkeypatch.setenv("COLUMNS", "100")
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stdout_bytes, result.stderr, result.exit_code


CICA_CASES = [
    ["--today", "2026-12-01"],
    ["--today", "2026-12-01", "--problems-only"],
    ["--today", "2026-12-01", "--body", "summit", "--body", "ministerial_council", "--body", "soc"],
    ["--today", "2026-12-01", "--from", "2010", "--to", "2020"],
]
GENERATED_CASES = [[], ["--problems-only"], ["--from", "1995", "--to", "2015"]]


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_and_three_processes_write_the_serial_bytes(fmt: str, generated: list[str], forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """CICA and a generated register, whole, problems only, some bodies, a range of dates:
    the same bytes and exit code from one, two and three processes (text's problems grouped
    past 100 and their sources numbered as one process numbers them)."""
    cases = [["check", *case, "--format", fmt] for case in CICA_CASES] + [[*generated, "check", *case, "--format", fmt] for case in GENERATED_CASES]
    for args in cases:
        serial = _run(args, 1, monkeypatch)
        assert serial[2] in (0, 1) and serial[0]
        made = len(forks)
        for workers in (2, 3):
            assert _run(args, workers, monkeypatch) == serial, (args, workers)
        assert len(forks) - made == 3, args  # one worker, then two: judged apart for real


def test_problems_grouped_and_listed_across_processes(generated: list[str], forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated register has more problems than text lists: each process's groups come
    out in body order with their counts, as one process counts them."""
    text, _, _ = _run([*generated, "check", "--problems-only"], 3, monkeypatch)
    assert b"problems, more than 100 to list: grouped by body and verdict" in text
    assert len(forks) == 2


def test_output_file_from_several_processes(tmp_path: Path, generated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """-o FILE takes the rows other processes spooled (bytes) beside this one's (text)."""
    for workers in (1, 3):
        _run([*generated, "check", "--format", "csv", "-o", str(tmp_path / f"{workers}.csv")], workers, monkeypatch)
    assert (tmp_path / "3.csv").read_bytes() == (tmp_path / "1.csv").read_bytes()


def test_a_worker_failing_fails_as_one_process_does(forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """An error met while judging a body that a worker judges: the same line on standard
    error, the same exit code and the same output before it as one process gives."""
    last = _checked().order[-1].id  # judged by the last worker
    seen: list[str] = []
    for_body = ExpectationEngine.for_body

    def failing(self, body, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(body.id)
        if body.id == last:
            raise RegisterError("a row this test spoils", path="meetings.csv", location=7, value="x", expected="a good row")
        return for_body(self, body, *args, **kwargs)

    monkeypatch.setattr(ExpectationEngine, "for_body", failing)
    for fmt in ("text", "csv"):
        serial = _run(["check", "--today", "2026-12-01", "--format", fmt], 1, monkeypatch)
        assert serial[2] == 2 and "meetings.csv:7: a row this test spoils" in serial[1]
        for workers in (2, 3):
            seen.clear()
            assert _run(["check", "--today", "2026-12-01", "--format", fmt], workers, monkeypatch) == serial
            assert last in seen  # judged again here, after its worker failed on it
            assert seen[0] != last  # (and not here first: here judged the first bodies)
    assert len(forks) == 6


def test_no_process_to_be_had_judges_here(generated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork refused (a limit on processes): the runs without a worker are judged by the
    process that writes, in their place; the same bytes."""
    args = [*generated, "check", "--format", "json"]
    serial = _run(args, 1, monkeypatch)
    fork, made = os.fork, []

    def once() -> int:  # the first worker is forked, the second refused
        if made:
            raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
        made.append(pid := fork())
        return pid

    monkeypatch.setattr(os, "fork", once)
    assert _run(args, 3, monkeypatch) == serial
    assert len(made) == 1


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_worker_dying_is_judged_again_in_its_place(fmt: str, generated: list[str], forks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The first of two workers dies (a crash, the memory killer) while the second finishes:
    its run is judged by the process that writes, in its place; the same bytes."""
    args = [*generated, "check", "--format", fmt]
    serial = _run(args, 1, monkeypatch)
    writer, part = os.getpid(), findings.Checked.part
    middle = forked.runs(_weights(generated), 3)[1]

    here: list[tuple[int, int]] = []

    def dying(self, first, stop):  # noqa: ANN001, ANN202
        if os.getpid() != writer and (first, stop) == middle:
            os._exit(3)
        if os.getpid() == writer:
            here.append((first, stop))
        return part(self, first, stop)

    monkeypatch.setattr(findings.Checked, "part", dying)
    assert _run(args, 3, monkeypatch) == serial
    assert len(forks) == 2
    assert here[1:] == [middle]  # the writer's own run, then the dead worker's


def _generated_check(generated: list[str]):  # noqa: ANN202
    from datetime import date

    from planner.engine.judging.compliance import check_bodies
    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import load_rulebook

    book = load_rulebook(generated[1])
    return check_bodies(book, load_meetings(generated[3], book), date(2026, 6, 30))


def _weights(generated: list[str]) -> list[int]:
    checked = _generated_check(generated)
    return [checked.weigh(body) for body in checked.order]


def test_a_large_check_forks_on_the_cores_it_may_use(generated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Unasked, a check forks when its bodies hold FORK_FROM windows and meetings, one process
    a core it may use, at most MAX_WORKERS; below it, or on one core, it stays in one."""
    checked = _generated_check(generated)
    work = sum(map(checked.weigh, checked.order))
    monkeypatch.setattr(forked, "usable_cores", lambda: 8)
    monkeypatch.setattr(forked, "FORK_FROM", work)
    assert forked.processes(checked, None) == forked.MAX_WORKERS
    monkeypatch.setattr(forked, "usable_cores", lambda: 2)
    assert forked.processes(checked, None) == 2
    monkeypatch.setattr(forked, "FORK_FROM", work + 1)
    assert forked.processes(checked, None) == 1
    monkeypatch.setattr(forked, "FORK_FROM", work)
    monkeypatch.setattr(forked, "usable_cores", lambda: 1)
    assert forked.processes(checked, None) == 1


def test_threads_running_keep_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork copies no thread but copies their locks: with threads running, one process."""
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert forked.processes(_checked(), 3) == 1
    monkeypatch.undo()
    assert forked.processes(_checked(), 3) == 3
    assert forked.processes(_checked(), None) == 1  # the embedded data: too little to pay for a fork


def _checked():  # noqa: ANN202
    from datetime import date

    from planner.engine.judging.compliance import check_bodies
    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import embedded_path, load_rulebook

    book = load_rulebook(embedded_path("cica.toml"))
    return check_bodies(book, load_meetings(embedded_path("cica-meetings.csv"), book), date(2026, 12, 1))


@pytest.mark.parametrize(("weights", "count", "expected"), [([1] * 10, 3, [(0, 4), (4, 7), (7, 10)]), ([9, 1, 1, 1], 2, [(0, 1), (1, 4)]), ([1, 1], 3, [(0, 1), (1, 2), (2, 2)])])
def test_runs_are_consecutive_and_balanced(weights: list[int], count: int, expected: list[tuple[int, int]]) -> None:
    """Bodies are shared out in rule-book order, in runs of about equal work."""
    assert forked.runs(weights, count) == expected


# The writer, killed (kill -9) as soon as its workers are forked, while each worker still has
# bodies to judge (slowed here to half a second each).
_KILLED = """
import os, signal, sys, time
from planner.cli import main
from planner.engine.judging import findings
from planner.outputs.check import forked
writer = os.getpid()
part = findings.Checked.part
def slow(self, first, stop):
    for item in part(self, first, stop):
        if os.getpid() != writer:
            time.sleep(0.5)
        yield item
findings.Checked.part = slow
fork = forked._fork
def fork_then_die(report, fold, run, started):
    worker = fork(report, fold, run, started)
    with open(sys.argv[1], "a") as pids:
        pids.write(f"{worker.pid}\\n")
    if run[1] == len(report.order):
        os.kill(writer, signal.SIGKILL)
    return worker
forked._fork = fork_then_die
main(sys.argv[2:])
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or not hasattr(os, "fork"), reason="reads processes in /proc")
def test_writer_killed_leaves_no_worker_and_no_file(tmp_path: Path, generated: list[str]) -> None:
    """kill -9 of the process that writes: its workers stop at their next body (they would
    judge for seconds more) and their spools, never named, are gone with them."""
    spools = tmp_path / "tmp"
    spools.mkdir()
    pids = tmp_path / "pids"
    env = {**os.environ, "PLANNER_WORKERS": "3", "TMPDIR": str(spools)}
    done = subprocess.run([sys.executable, "-c", _KILLED, str(pids), *generated, "check", "--format", "json"], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    workers = [int(line) for line in pids.read_text().split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 3  # a worker left alone would judge its bodies for seconds more
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))
    assert list(spools.iterdir()) == []


def test_interrupted_writer_ends_its_workers(tmp_path: Path, generated: list[str]) -> None:
    """Ctrl-C while workers judge: one line, exit 2, and no worker left running."""
    pids = tmp_path / "pids"
    # (a run started in the background by a shell inherits SIGINT ignored, and Python keeps it
    # so: Ctrl-C is put back as a terminal gives it, or the signal would never arrive)
    script = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)" + _KILLED.replace("os.kill(writer, signal.SIGKILL)", "os.kill(writer, signal.SIGINT)")
    done = subprocess.run([sys.executable, "-c", script, str(pids), *generated, "check"], env={**os.environ, "PLANNER_WORKERS": "3"}, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: interrupted before the end; nothing was written in part"
    assert not any(map(_alive, [int(line) for line in pids.read_text().split()]))


@pytest.mark.parametrize("given", ["0", "65", "two", "²", "٣", "-1", "1.5"])
def test_a_bad_number_of_processes_is_one_line(given: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANNER_WORKERS", given)
    result = CliRunner().invoke(main, ["check", "--today", "2026-12-01"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "PLANNER_WORKERS" in result.stderr and "expected a whole number from 1 to 64" in result.stderr
