"""Projection at scale: ``project()`` of generated bodies over a long horizon, against half the bodies.

    python benchmarks/bench_project.py [--bodies 1000] [--years 50] [--history 10]
        [--seed 1] [--no-trace] [--limit 2.3] [--timeout 1200]

The rule book and register come from ``benchmarks/generate.py`` (every rule kind), written as
TOML and CSV and loaded on the real path (not timed). Timed:
``project(book, meetings, today, end=today + years)``. The same is done for half the bodies in
the same run, and ``time(N) / time(N/2)`` of CPU time (``time.process_time``, which a shared
machine disturbs far less than wall time, also printed) is printed: linear growth gives about 2; the script
exits 1 when it exceeds ``--limit`` (2.3) or a run does not finish within ``--timeout`` seconds.

``--history`` is how many years of register lie behind ``today``: the projector re-derives every
window of a body's whole history each time it places a meeting, so the history length weighs
on the cost (see benchmarks/README.md). Each run happens in its own process, forked after the imports, (``ru_maxrss``
is that run's own); the tracemalloc peak comes from a second, separate pass of both sizes at
once, one per core (``--no-trace`` skips it). Warnings raised while projecting (the
``holidays`` package warns for years it has no data for) are counted and printed once each.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planner.engine.planning.projection import project
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook

try:  # run as a script, benchmarks/ is on sys.path; imported from the tests, the test adds it
    import generate
    from bench_check import _MP, _generate, maxrss_bytes
except ImportError:  # pragma: no cover
    from benchmarks import generate
    from benchmarks.bench_check import _MP, _generate, maxrss_bytes


def years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass
class Run:
    bodies: int
    meetings: int = 0
    seconds: float | None = None  # CPU seconds; None: did not finish within the timeout
    wall: float | None = None
    maxrss: int = 0
    peak: int | None = None
    projected: int = 0
    problems: int = 0
    warnings: dict[str, int] = field(default_factory=dict)


def measure(toml_path: Path, csv_path: Path, today: date, end: date, trace: bool) -> dict[str, Any]:
    book = load_rulebook(toml_path)
    meetings = load_meetings(csv_path, book)
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if trace:
            tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        projection = project(book, meetings, today, end=end)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] if trace else None
        tracemalloc.stop()
    said = Counter(str(w.message) for w in caught)
    return {
        "seconds": cpu,
        "wall": seconds,
        "maxrss": maxrss_bytes(),
        "peak": peak,
        "projected": len(projection.projected),
        "problems": len(projection.problems),
        "warnings": dict(said),
    }


def _start(target: Callable[..., Any], *args: Any) -> Any:
    receive, send = _MP.Pipe(duplex=False)

    def run() -> None:
        try:
            send.send(("ok", target(*args)))
        except BaseException as exc:
            send.send(("error", f"{type(exc).__name__}: {exc}"))

    process = _MP.Process(target=run)
    process.start()
    return process, receive, time.perf_counter()


def _finish(handle: Any, timeout: float | None) -> Any | None:
    """The child's result, or ``None`` when it ran past ``timeout`` (it is then ended)."""
    process, receive, started = handle
    left = None if timeout is None else max(0.0, timeout - (time.perf_counter() - started))
    if not receive.poll(left):
        process.terminate()
        process.join()
        return None
    status, value = receive.recv()
    process.join()
    if status != "ok":
        raise RuntimeError(f"benchmark child failed: {value}")
    return value


@dataclass
class Result:
    runs: list[Run]
    ratio: float | None
    ok: bool
    lines: list[str]


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> Result:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=1000)
    parser.add_argument("--years", type=int, default=50, help="the horizon: today to today + years (default 50)")
    parser.add_argument("--history", type=int, default=10, help="years of register before today (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-trace", action="store_true", help="skip the (slow) tracemalloc pass")
    parser.add_argument("--limit", type=float, default=2.3, help="largest acceptable time(N)/time(N/2)")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds one projection may take")
    args = parser.parse_args(argv)
    today = generate.TODAY
    end = years_after(today, args.years)
    trace = not args.no_trace
    runs = [Run(max(1, args.bodies // 2)), Run(args.bodies)]
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        handles = [_start(_generate, r.bodies, args.history, args.seed, f"{tmp}/{r.bodies}") for r in runs]
        files = [_finish(h, None) for h in handles]
        for run, (count, _, _) in zip(runs, files, strict=True):
            run.meetings = count
        for run, (_, toml_path, csv_path) in zip(runs, files, strict=True):
            got = _finish(_start(measure, Path(toml_path), Path(csv_path), today, end, False), args.timeout)
            if got is None:
                echo(f"{run.bodies} bodies: no result within {args.timeout:.0f} s")
                continue
            run.seconds, run.wall, run.maxrss, run.projected, run.problems, run.warnings = got["seconds"], got["wall"], got["maxrss"], got["projected"], got["problems"], got["warnings"]
            echo(f"timed {run.bodies} bodies: {run.seconds:.2f} s CPU, {run.wall:.2f} s wall, {run.projected:,} projected meetings")
        if trace and all(r.seconds is not None for r in runs):
            handles = [_start(measure, Path(t), Path(c), today, end, True) for _, t, c in files]
            for run, handle in zip(runs, handles, strict=True):
                got = _finish(handle, args.timeout * 10)
                run.peak = got["peak"] if got else None
    half, full = runs
    ratio = full.seconds / half.seconds if full.seconds is not None and half.seconds else None
    # The generated bodies do not all project the same number of meetings, so twice the
    # bodies is not exactly twice the work asked for; the gate divides that growth out.
    grown = full.projected / half.projected if half.projected else 1.0
    per_meeting = ratio / grown if ratio is not None else None
    ok = per_meeting is not None and per_meeting * 2 <= args.limit
    lines = [f"{'bodies':>7} {'meetings':>9} {'cpu s':>9} {'wall s':>9} {'maxrss':>8} {'peak':>8} {'projected':>10} {'problems':>9}"]
    for run in runs:
        seconds = f"{run.seconds:9.2f}" if run.seconds is not None else f"{'>' + str(int(args.timeout)):>9}"
        peak = f"{run.peak / 1e6:6.0f}MB" if run.peak is not None else f"{'-':>8}"
        wall = f"{run.wall:9.2f}" if run.wall is not None else f"{'-':>9}"
        lines.append(f"{run.bodies:7d} {run.meetings:9d} {seconds} {wall} {run.maxrss / 1e6:6.0f}MB {peak} {run.projected:10d} {run.problems:9d}")
    lines.append(f"ratio cpu(N)/cpu(N/2): {ratio:.2f}; projected meetings grew {grown:.2f}x; time per projected meeting grew {per_meeting:.2f}x" if ratio is not None and per_meeting is not None else "ratio cpu(N)/cpu(N/2): unknown (a run did not finish)")
    echo("")
    echo(f"planner project benchmark: {args.bodies} bodies vs {half.bodies}, horizon {today} to {end} ({args.years} years), register of {args.history} years (seed {args.seed})")
    for line in lines:
        echo(line)
    for message, count in sorted(full.warnings.items()):
        echo(f"warning x{count}: {message}")
    echo(f"{'linear' if ok else 'not linear or not finished'}: 2 x (time per projected meeting growth) {'<=' if ok else '>'} {args.limit} (whole run {time.perf_counter() - began:.0f} s)")
    return Result(runs, ratio, ok, lines)


if __name__ == "__main__":
    sys.exit(0 if main().ok else 1)
