"""Compliance at scale: loading, expectations and check, at N and 2N, with the growth ratio.

    python benchmarks/bench_check.py [--bodies 1000] [--years 100] [--seed 1]
        [--double bodies|years] [--no-trace] [--limit 2.3]

A generated rule book (``benchmarks/generate.py``: every rule kind) and register are written as
TOML and CSV to a temporary directory, then three stages are timed on the real path:

* ``load``: :func:`planner.inputs.rulebook.load_rulebook` + :func:`planner.inputs.register.load_meetings`;
* ``expectations``: ``ExpectationEngine(book, meetings).all(None, today)``;
* ``check``: :func:`planner.engine.judging.compliance.check` (all history up to ``today``).

The same is done at 2N (twice the bodies by default, or twice the years with ``--double
years``), and ``time(2N) / time(N)`` is printed per stage, of CPU time (``time.process_time``:
a shared machine disturbs it far less than wall time, which is printed too). Linear growth gives about 2; the
script exits 1 when a ratio exceeds ``--limit`` (2.3).

Each size runs in its own forked process, so ``ru_maxrss`` (the process's resident high-water
mark, read after each stage, so it only grows) is that size's own. Peak memory per stage is
measured with ``tracemalloc`` in a second, separate pass (tracing slows allocation-heavy code
five to nine times, so it never touches the timings); both sizes are traced at once, one per
core. ``--no-trace`` skips that pass. The tracemalloc peak of a stage counts what the stage
allocates on top of its inputs (for ``load``: the loaded rule book and meetings themselves).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planner.engine.expectations import ExpectationEngine
from planner.engine.judging.compliance import check
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook

try:  # run as a script, benchmarks/ is on sys.path; imported from the tests, the test adds it
    import generate
except ImportError:  # pragma: no cover
    from benchmarks import generate

STAGES = ("load", "expectations", "check")
_MP = multiprocessing.get_context("fork")


def maxrss_bytes() -> int:
    """The process's resident high-water mark (Linux reports KiB, macOS bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


@dataclass
class Figures:
    """What one size measured: per stage seconds, maxrss after it, tracemalloc peak, a count."""

    bodies: int
    years: int
    meetings: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # CPU seconds of the process
    wall: dict[str, float] = field(default_factory=dict)
    maxrss: dict[str, int] = field(default_factory=dict)
    peak: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def _stages(toml_path: Path, csv_path: Path, today: date) -> list[tuple[str, Callable[[dict[str, Any]], int]]]:
    def load(state: dict[str, Any]) -> int:
        state["book"] = load_rulebook(toml_path)
        state["meetings"] = load_meetings(csv_path, state["book"])
        return len(state["meetings"])

    def expectations(state: dict[str, Any]) -> int:
        return len(ExpectationEngine(state["book"], state["meetings"]).all(None, today))

    def judged(state: dict[str, Any]) -> int:
        return len(check(state["book"], state["meetings"], today).findings)

    return [("load", load), ("expectations", expectations), ("check", judged)]


def measure(toml_path: Path, csv_path: Path, today: date, trace: bool) -> dict[str, tuple[float, float, int, int, int]]:
    """Run the stages in order; per stage ``(wall seconds, CPU seconds, maxrss bytes,
    tracemalloc peak, count)``.
    Traced, the seconds are not worth reading."""
    state: dict[str, Any] = {}
    out = {}
    for name, stage in _stages(toml_path, csv_path, today):
        gc.collect()
        if trace:
            tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        count = stage(state)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = 0
        if trace:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        out[name] = (seconds, cpu, maxrss_bytes(), peak, count)
    return out


def _in_child(target: Callable[..., Any], *args: Any) -> Any:
    """Start ``target(*args)`` in a forked process; return a handle to :func:`_join`."""
    receive, send = _MP.Pipe(duplex=False)

    def run() -> None:
        try:
            send.send(("ok", target(*args)))
        except BaseException as exc:  # the parent re-raises it with the child's message
            send.send(("error", f"{type(exc).__name__}: {exc}"))

    process = _MP.Process(target=run)
    process.start()
    return process, receive


def _join(handle: Any) -> Any:
    process, receive = handle
    status, value = receive.recv()
    process.join()
    if status != "ok":
        raise RuntimeError(f"benchmark child failed: {value}")
    return value


def _generate(bodies: int, years: int, seed: int, directory: str) -> tuple[int, str, str]:
    generated = generate.generate(bodies, years, seed)
    toml_path, csv_path = generated.write(directory)
    return len(generated.rows), str(toml_path), str(csv_path)


def ratio_table(sizes: list[Figures], limit: float, trace: bool) -> tuple[list[str], bool]:
    """The table of both sizes and the ratios; whether every ratio is within ``limit``."""
    small, large = sizes
    lines = [
        f"{'stage':<13} {'N cpu s':>8} {'2N cpu s':>8} {'ratio':>6}   {'N wall s':>8} {'2N wall s':>9}   {'N maxrss':>9} {'2N maxrss':>9}"
        + (f"   {'N peak':>8} {'2N peak':>8}" if trace else "")
        + f"   {'N count':>9} {'2N count':>9}",
    ]
    ok = True
    for stage in STAGES:
        ratio = large.seconds[stage] / small.seconds[stage] if small.seconds[stage] else float("inf")
        flag = "" if ratio <= limit else f"  > {limit}: not linear"
        ok = ok and ratio <= limit
        line = f"{stage:<13} {small.seconds[stage]:8.2f} {large.seconds[stage]:8.2f} {ratio:6.2f}   {small.wall[stage]:8.2f} {large.wall[stage]:9.2f}   {small.maxrss[stage] / 1e6:7.0f}MB {large.maxrss[stage] / 1e6:7.0f}MB"
        if trace:
            line += f"   {small.peak[stage] / 1e6:6.0f}MB {large.peak[stage] / 1e6:6.0f}MB"
        lines.append(line + f"   {small.counts[stage]:9d} {large.counts[stage]:9d}{flag}")
    return lines, ok


@dataclass
class Result:
    sizes: list[Figures]
    ratios: dict[str, float]
    ok: bool
    lines: list[str]


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> Result:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=1000, help="bodies at size N (default 1000)")
    parser.add_argument("--years", type=int, default=100, help="years of register at size N (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--double", choices=("bodies", "years"), default="bodies", help="what 2N doubles (default: bodies)")
    parser.add_argument("--no-trace", action="store_true", help="skip the (slow) tracemalloc pass")
    parser.add_argument("--limit", type=float, default=2.3, help="largest acceptable time(2N)/time(N)")
    args = parser.parse_args(argv)
    trace = not args.no_trace
    today = generate.TODAY
    shapes = [(args.bodies, args.years)]
    shapes.append((args.bodies * 2, args.years) if args.double == "bodies" else (args.bodies, args.years * 2))
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        # generation of both sizes at once, one per core
        handles = [_in_child(_generate, b, y, args.seed, f"{tmp}/{b}x{y}") for b, y in shapes]
        files = [_join(h) for h in handles]
        sizes = [Figures(b, y, meetings=n) for (b, y), (n, _, _) in zip(shapes, files, strict=True)]
        for (b, y), (n, _, _) in zip(shapes, files, strict=True):
            echo(f"generated {b} bodies x {y} years: {n:,} meetings")
        # timings one size after the other, each in a fresh process
        for figures, (_, toml_path, csv_path) in zip(sizes, files, strict=True):
            timed = _join(_in_child(measure, Path(toml_path), Path(csv_path), today, False))
            for stage, (seconds, cpu, rss, _, count) in timed.items():
                figures.wall[stage], figures.seconds[stage], figures.maxrss[stage], figures.counts[stage] = seconds, cpu, rss, count
            echo(f"timed {figures.bodies} x {figures.years}: " + ", ".join(f"{s} {figures.seconds[s]:.2f} s" for s in STAGES))
        if trace:
            handles = [_in_child(measure, Path(t), Path(c), today, True) for _, t, c in files]
            for figures, handle in zip(sizes, handles, strict=True):
                for stage, (_, _, _, peak, _) in _join(handle).items():
                    figures.peak[stage] = peak
    lines, ok = ratio_table(sizes, args.limit, trace)
    echo("")
    echo(f"planner check benchmark: N = {args.bodies} bodies x {args.years} years, 2N doubles the {args.double} (seed {args.seed}, today {today})")
    for line in lines:
        echo(line)
    echo("ratio: of CPU seconds (time.process_time), which other work on the machine disturbs far less than wall time")
    echo("maxrss: the process's resident high-water mark after the stage (it only grows); peak: tracemalloc peak of the stage alone")
    echo(f"{'all ratios <= ' + str(args.limit) + ': linear' if ok else 'a ratio exceeds ' + str(args.limit) + ': growth is worse than linear'} (whole run {time.perf_counter() - began:.0f} s)")
    ratios = {s: sizes[1].seconds[s] / sizes[0].seconds[s] if sizes[0].seconds[s] else float("inf") for s in STAGES}
    return Result(sizes, ratios, ok, lines)


if __name__ == "__main__":
    sys.exit(0 if main().ok else 1)
