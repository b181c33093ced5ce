"""Which functions cost more than twice as much at 2N as at N: a diagnostic for issue 14's
growth goal (a command's time at 2N bodies over its time at N, <= 2.2).

    python benchmarks/growth_profile.py --small DIR --large DIR [--over 2.06] [--top 30]
        [--again] check --format json

Runs one ``planner`` command under ``cProfile`` on two generated data sets (``DIR/rulebook.toml``,
``meetings.csv``, ``chairs.csv``, ``rulebook-chairs.toml`` for ``chairs``; ``--today
2026-06-30``; ``generate.py --out`` writes them), each in a fresh process, its
output thrown away (``ics`` writes into a temporary folder; ``--again``: into the folder a first,
unprofiled run wrote, as ``ics-again``), in one process (``PLANNER_WORKERS=1``: a profile does
not follow forks). Then prints the CPU time, peak RSS, page faults and the garbage collector's
collections and their time (``gc.callbacks``) per generation at both sizes, and the functions
whose calls, or own time (tottime), grew by more than ``--over``, largest excess first.

Wall time says little on a shared machine; call counts do not move with the load, and a
function whose calls grow by more than the data (2.02x rows at seed 1) is doing work that
grows faster than the input. A tottime ratio over 2 with a call ratio of 2 points at memory
(cache misses over a bigger heap) or at the garbage collector.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TODAY = "2026-06-30"


def _argv(command: list[str], data: Path, out: Path) -> list[str]:
    """The planner command line of ``command`` on the data set in ``data``."""
    name = command[0]
    rules = data / ("rulebook-chairs.toml" if name == "chairs" else "rulebook.toml")
    argv = [name, "--rules", str(rules), "--meetings", str(data / "meetings.csv"), "--today", TODAY]
    if name == "chairs":
        argv += ["--chairs", str(data / "chairs.csv")]
    if name == "ics":
        argv += ["--out", str(out / "feeds")]
    return argv + command[1:]


class _GcClock:
    """Collections and seconds spent in them, by generation."""

    def __init__(self) -> None:
        self.count = [0, 0, 0]
        self.seconds = [0.0, 0.0, 0.0]
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.count[info["generation"]] += 1
            self.seconds[info["generation"]] += time.perf_counter() - self._began


def profile(command: list[str], data: Path, dump: Path, again: bool = False) -> None:
    """Profile one run of ``command`` on ``data`` in this process: the profile into ``dump``,
    the collections, CPU time, peak RSS and page faults into ``dump`` + ``.json``."""
    from planner.cli import main

    os.environ["PLANNER_WORKERS"] = "1"
    clock = _GcClock()
    with tempfile.TemporaryDirectory(prefix="growth-profile-") as tmp:
        argv = _argv(command, data, Path(tmp))
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        if again:  # the run before, unprofiled: its output (ics: the feeds and state) read back
            subprocess.run([sys.executable, "-m", "planner", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        profiler = cProfile.Profile()
        gc.collect()
        gc.callbacks.append(clock)
        began = time.process_time()
        try:
            profiler.runcall(main.main, argv, standalone_mode=False)
        except SystemExit:  # the command's exit code (1: violations found)
            pass
        finally:
            cpu = time.process_time() - began
            gc.callbacks.remove(clock)
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(null)
            os.close(saved)
    profiler.dump_stats(dump)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    facts = {"gc_count": clock.count, "gc_seconds": clock.seconds, "cpu": cpu, "rss_mb": usage.ru_maxrss / 1024, "minor_faults": usage.ru_minflt}
    Path(f"{dump}.json").write_text(json.dumps(facts), encoding="utf-8")


def measured(command: list[str], data: Path, tmp: Path, again: bool) -> tuple[pstats.Stats, dict[str, Any]]:
    """:func:`profile` in a fresh process (each size on a heap of its own)."""
    dump = tmp / f"{len(list(tmp.iterdir()))}-{data.name}"
    subprocess.run([sys.executable, __file__, "--one", str(data), "--dump", str(dump), *(["--again"] if again else []), *command], check=True)
    return pstats.Stats(str(dump)), json.loads(Path(f"{dump}.json").read_text(encoding="utf-8"))


def _rows(stats: pstats.Stats) -> dict[str, tuple[int, float]]:
    """Calls and own time by function (a built-in's address left out: it moves between runs)."""
    rows: dict[str, tuple[int, float]] = {}
    for (path, line, name), (_, calls, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = path.split("site-packages/")[-1].split("/planner/")[-1]
        key = f"{where}:{line}({name.split(' at 0x')[0]})"
        before = rows.get(key, (0, 0.0))
        rows[key] = (before[0] + calls, before[1] + tottime)
    return rows


def _lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))


@dataclass
class Growth:
    """What :func:`main` found: the facts of each size (CPU seconds, peak RSS, page faults,
    collections) and the functions whose calls, or own time, grew faster than ``--over``, as
    ``(excess, function, calls N, calls 2N, own s N, own s 2N)``."""

    facts: tuple[dict[str, Any], dict[str, Any]]
    calls: tuple[int, int]
    rows: tuple[int, int]
    by_calls: list[tuple[float, str, int, int, float, float]] = field(default_factory=list)
    by_time: list[tuple[float, str, int, int, float, float]] = field(default_factory=list)


def _table(title: str, found: list[tuple[float, str, int, int, float, float]], top: int, echo: Callable[[str], None]) -> None:
    echo(title)
    echo(f"  {'excess':>10} {'calls N':>10} {'calls 2N':>10} {'ratio':>6} {'own s N':>8} {'own s 2N':>8} {'ratio':>6}  function")
    for excess, key, calls_a, calls_b, time_a, time_b in found[:top]:
        calls = f"{calls_b / calls_a:6.2f}" if calls_a else "   new"
        own = f"{time_b / time_a:6.2f}" if time_a else "   new"
        echo(f"  {excess:10.3f} {calls_a:10d} {calls_b:10d} {calls} {time_a:8.3f} {time_b:8.3f} {own}  {key}")


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> Growth | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs=argparse.REMAINDER, help="planner command and its options, e.g. check --format json")
    parser.add_argument("--small", type=Path, help="the data set of N bodies (generate.py --out)")
    parser.add_argument("--large", type=Path, help="the data set of 2N bodies")
    parser.add_argument("--over", type=float, default=2.06, help="show functions whose calls or own time grew more than this (the register grows 2.02x at seed 1)")
    parser.add_argument("--share", type=float, default=0.002, help="ignore functions under this share of the profiled time at 2N")
    parser.add_argument("--min-calls", type=int, default=2000, help="ignore functions called fewer times at 2N")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--again", action="store_true", help="profile a second run, after one unprofiled (ics: into the folder it wrote)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        profile(args.command, args.one, args.dump, args.again)
        return None
    if args.small is None or args.large is None:
        parser.error("--small and --large are required (the folders generate.py wrote for N and 2N bodies)")
    with tempfile.TemporaryDirectory(prefix="growth-profile-") as tmp:
        small, fa = measured(args.command, args.small, Path(tmp), args.again)
        large, fb = measured(args.command, args.large, Path(tmp), args.again)
    a, b = _rows(small), _rows(large)
    total_a, total_b = sum(t for _, t in a.values()), sum(t for _, t in b.values())
    calls_a, calls_b = sum(c for c, _ in a.values()), sum(c for c, _ in b.values())
    rows_a, rows_b = (_lines(data / "meetings.csv") - 1 for data in (args.small, args.large))
    found = Growth((fa, fb), (calls_a, calls_b), (rows_a, rows_b))
    for key, (c_b, t_b) in b.items():
        c_a, t_a = a.get(key, (0, 0.0))
        row = (key, c_a, c_b, t_a, t_b)
        # calls do not move with the machine's load: the steadier sign of work that grows faster than the input
        if c_b >= args.min_calls and (not c_a or c_b / c_a > args.over):
            found.by_calls.append((c_b - args.over * c_a, *row))
        if t_b >= args.share * total_b and (not t_a or t_b / t_a > args.over):
            found.by_time.append((t_b - args.over * t_a, *row))
    found.by_calls.sort(reverse=True)
    found.by_time.sort(reverse=True)
    echo(f"{' '.join(args.command)}: CPU {fa['cpu']:.2f} s -> {fb['cpu']:.2f} s ({fb['cpu'] / fa['cpu']:.2f}); profiled {total_a:.2f} -> {total_b:.2f} s ({total_b / total_a:.2f})")
    echo(f"  function calls {calls_a} -> {calls_b} ({calls_b / calls_a:.3f}); register rows {rows_a} -> {rows_b} ({rows_b / rows_a:.3f})")
    echo(f"  peak RSS {fa['rss_mb']:.0f} -> {fb['rss_mb']:.0f} MB, minor page faults {fa['minor_faults']} -> {fb['minor_faults']}")
    for g in range(3):
        echo(f"  gc generation {g}: {fa['gc_count'][g]} collections {fa['gc_seconds'][g]:.3f} s -> {fb['gc_count'][g]} {fb['gc_seconds'][g]:.3f} s")
    _table(f"calls grown more than {args.over}x (excess: calls beyond {args.over}x those at N)", found.by_calls, args.top, echo)
    _table(f"own time grown more than {args.over}x (excess: seconds beyond {args.over}x; moves with the load)", found.by_time, args.top, echo)
    return found


if __name__ == "__main__":
    main()
