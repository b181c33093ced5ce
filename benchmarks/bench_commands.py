"""Whole commands, as a user runs them: every command and output format at N and 2N, with
peak memory, beside a floor measured in the same run.

    python benchmarks/bench_commands.py [--bodies 1000] [--years 100] [--seed 1] [--repeat 3]
        [--only check-text,project] [--large] [--no-gate]

Each command runs as its own process (``python -m planner ...``), once untimed at each size
(``--warmup``: the register's pages, the command's folder), then ``--repeat`` rounds of a
**pair**: the command at N and at 2N back to back, the first of the pair alternating from
round to round, so that both sizes are measured in the same minutes whatever the machine does
between them (N's commands all run minutes before 2N's made a slow spell of the machine a
growth). The fastest wall time of each size counts (a shared machine only ever adds time) and
the largest peak RSS (``os.wait4``'s ``ru_maxrss``: of that process or of the largest of the
workers it forked and waited for, as ``check`` does on several cores; its CPU time counts
theirs too); the growth of each pair is printed beside the growth of the fastest runs, and
what ran beside the fastest runs: their involuntary context switches (taken off a core), the
CPU seconds of the machine's other processes meanwhile and the seconds its hypervisor stole
(``/proc/stat``), so that a run on a machine that was not quiet says so.
The **floor** is Python's ``csv`` module reading the same register and parsing its dates, also
a whole process, measured the same way: ratios to it hold across machines and loads where
seconds do not. ``ics`` writes into a
folder removed before each run (a fresh export); ``ics-again`` runs the same command into the
folder just written, as a user's cron job does (its state file read back, the old set replaced).

Goals (issue 14): check text <= 8x the floor, JSON <= 12x, ``project --to`` 50 years <= 15x,
growth N -> 2N <= 2.2 for every command and format, peak RSS <= 400 MB, and ``planner check``
on the embedded CICA data starting at most as slowly as a bare import of the dependencies
(``python -c "import click, pydantic, icalendar, dateutil.rrule, holidays"``). The script
exits 1 when a goal is missed (``--no-gate``: print only).

``--large`` adds the hostile-size cases of issue 10, timed once: ``validate`` and ``ics
--no-projected`` (fresh, then again into its folder) on a 1,000,000-row register, and
``chairs`` on 100,000 chair terms. The fresh ``ics`` has a floor of its own, measured just
before it: a bare feed writer (:data:`FLOOR_ICS`: the csv module, one minimal event per row,
every body's feed and all.ics sorted and written once), its ratio printed.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

try:  # run as a script, benchmarks/ is on sys.path; imported from the tests, the test adds it
    import generate
except ImportError:  # pragma: no cover
    from benchmarks import generate

TODAY = "2026-06-30"
FLOOR = """
import csv, sys
from datetime import date
def day(text):
    parts = text.split("-")
    if len(parts) == 3:
        return date.fromisoformat(text)
    return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    header = next(rows)
    start, end = header.index("start"), header.index("end")
    for row in rows:
        day(row[start])
        if row[end]:
            day(row[end])
"""
# The floor of the --large ``ics``: what a bare feed writer does with the same register, in as
# few lines as Python allows: each row read with the csv module, one minimal VEVENT each (UID,
# DTSTAMP, DTSTART, SUMMARY), every body's feed and all.ics in date order, written once each.
# No escaping, folding, ordinals, state or prints: what planner does beyond it is the ratio.
FLOOR_ICS = """
import csv, os, sys
from collections import defaultdict
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
feeds = defaultdict(list)
every = []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    header = next(rows)
    body, ordinal, start = header.index("body"), header.index("ordinal"), header.index("start")
    for row in rows:
        day = (row[start].replace("-", "") + "0101")[:8]
        event = f"BEGIN:VEVENT\\r\\nUID:{row[body]}-{row[ordinal]}@floor\\r\\nDTSTAMP:20260101T000000Z\\r\\nDTSTART;VALUE=DATE:{day}\\r\\nSUMMARY:{row[ordinal]} {row[body]}\\r\\nEND:VEVENT\\r\\n"
        feeds[row[body]].append((day, event))
        every.append((day, event))
head, tail = "BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nPRODID:-//floor//EN\\r\\n", "END:VCALENDAR\\r\\n"
for name, events in [*feeds.items(), ("all", every)]:
    events.sort(key=lambda e: e[0])
    with open(os.path.join(out, name + ".ics"), "w", encoding="utf-8", newline="") as f:
        f.write(head + "".join(e for _, e in events) + tail)
"""
BARE_IMPORT = "import click, pydantic, icalendar, dateutil.rrule, holidays"
MB = 1024 * 1024


def commands(data: Path, out: Path) -> dict[str, list[str]]:
    """The command lines measured, by name (all on the generated rule book and register)."""
    files = ["--rules", str(data / "rulebook.toml"), "--meetings", str(data / "meetings.csv"), "--today", TODAY]
    horizon = str(date.fromisoformat(TODAY).year + 50)
    return {
        "validate": ["validate", *files],
        "check-text": ["check", *files],
        "check-json": ["check", *files, "--format", "json"],
        "check-csv": ["check", *files, "--format", "csv"],
        "check-markdown": ["check", *files, "--format", "markdown"],
        "project-50y": ["project", *files, "--to", horizon],
        # the same organization with a rotating chair that hosts one body in ten, and its chair terms
        "chairs": ["chairs", "--rules", str(data / "rulebook-chairs.toml"), "--meetings", str(data / "meetings.csv"), "--chairs", str(data / "chairs.csv"), "--today", TODAY],
        "ics": ["ics", *files, "--out", str(out / "feeds")],
        # the same command into the folder it just wrote (a user's cron job): its state file read
        "ics-again": ["ics", *files, "--out", str(out / "feeds")],
    }


def _fresh(folder: Path) -> Callable[[], None]:
    """Before each run of ``ics``: no feed folder yet (a run after the first read back the
    state file the one before wrote, and measured a re-export)."""
    return lambda: shutil.rmtree(folder, ignore_errors=True)


def _written(argv: list[str], folder: Path, timeout: float) -> Callable[[], None]:
    """Before each run of ``ics-again``: the folder written by the same command (once, untimed,
    when ``ics`` did not run before)."""

    def before() -> None:
        if not folder.is_dir():
            _spawn(argv, timeout)

    return before


# name -> (largest ratio to the floor or None, largest growth N -> 2N)
GOALS: dict[str, tuple[float | None, float]] = {
    "check-text": (8.0, 2.2),
    "check-json": (12.0, 2.2),
    "project-50y": (15.0, 2.2),
}
DEFAULT_GOAL: tuple[float | None, float] = (None, 2.2)
RSS_GOAL_MB = 400.0
STARTUP_GOAL = 1.0


@dataclass
class Run:
    seconds: float  # wall
    rss: int  # bytes
    code: int
    cpu: float = 0.0  # user + system seconds of the process
    switched: int = 0  # involuntary context switches (taken off its core), of the fastest run
    others: float = 0.0  # CPU seconds of other processes beside the fastest run
    stolen: float = 0.0  # seconds stolen by the hypervisor during the fastest run


@dataclass
class Sample:
    """One run of a process: what :func:`_spawn` reads of it."""

    seconds: float
    rss: int
    code: int
    cpu: float
    switched: int
    others: float = 0.0  # CPU seconds the rest of the machine used while it ran (/proc/stat)
    stolen: float = 0.0  # seconds the hypervisor gave the machine's cores to another guest


def fastest(samples: Sequence[Sample]) -> Run:
    """The fastest wall time and CPU time of ``samples`` (a shared machine only adds time),
    the largest peak RSS, the first exit code, what else ran beside the fastest run."""
    best = min(samples, key=lambda s: s.seconds)
    return Run(best.seconds, max(s.rss for s in samples), samples[0].code, min(s.cpu for s in samples), best.switched, best.others, best.stolen)


def _machine() -> tuple[float, float]:
    """CPU seconds the machine has been busy and seconds stolen from it (a virtual machine's
    cores given to another guest) since it started, from ``/proc/stat``; zeros without it."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0.0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq) / tick, steal / tick


@dataclass
class Result:
    clock: str = "wall"
    floor: dict[int, Run] = field(default_factory=dict)  # by bodies
    runs: dict[tuple[str, int], Run] = field(default_factory=dict)
    pairs: dict[str, list[tuple[Sample, Sample]]] = field(default_factory=dict)  # by name, (N, 2N) of each round
    startup: tuple[Run, Run] | None = None  # (planner check on CICA, bare import)
    large: dict[str, Run] = field(default_factory=dict)
    large_floor: Run | None = None  # FLOOR_ICS on the --large register
    failures: list[str] = field(default_factory=list)


def planner_command() -> list[str]:
    return [sys.executable, "-m", "planner"]


def _spawn(argv: list[str], timeout: float) -> Sample:
    """Wall seconds, peak RSS (bytes), exit code, CPU seconds and involuntary context switches
    of one process (and of the children it waited for)."""
    busy, stolen = _machine()
    began = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = began + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
        time.sleep(0.005)
    seconds = time.perf_counter() - began
    busy_after, stolen_after = _machine()
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    # what else the machine did meanwhile: a "quiet" machine's other processes, or its host
    return Sample(seconds, rss, proc.returncode, cpu, usage.ru_nivcsw, max(0.0, busy_after - busy - cpu), stolen_after - stolen)


def measure(argv: list[str], repeat: int, timeout: float, before: Callable[[], None] | None = None) -> Run:
    """The fastest of ``repeat`` runs (a shared machine only adds time), the largest RSS;
    ``before`` called before each run, untimed."""
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        runs.append(_spawn(argv, timeout))
    return fastest(runs)


def measure_pairs(argvs: tuple[list[str], list[str]], repeat: int, timeout: float, warmup: int = 1, befores: tuple[Callable[[], None] | None, Callable[[], None] | None] = (None, None)) -> list[tuple[Sample, Sample]]:
    """``repeat`` rounds of the two command lines (N's, 2N's) run back to back, after
    ``warmup`` untimed runs of each; N first in the first round, 2N first in the second, and
    so on: a machine slower for a spell slows both sizes of a round, not one size's every run.
    ``befores``: called before each run of that size, untimed."""

    def run(i: int) -> Sample:
        before = befores[i]
        if before is not None:
            before()
        return _spawn(argvs[i], timeout)

    for _ in range(warmup):
        run(0)
        run(1)
    rounds = []
    for r in range(repeat):
        first, second = (0, 1) if r % 2 == 0 else (1, 0)
        done = {first: run(first)}
        done[second] = run(second)
        rounds.append((done[0], done[1]))
    return rounds


def _generate(bodies: int, years: int, seed: int, out: Path) -> None:
    """Generated data, written by another process: a child's peak RSS starts from its parent's
    size at fork, so this process stays small for the measurements to be the commands' own."""
    subprocess.run([sys.executable, generate.__file__, "--bodies", str(bodies), "--years", str(years), "--seed", str(seed), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)


def write_chair_terms(path: Path, count: int, members: list[str]) -> None:
    """``count`` consecutive chair terms of a week each from the year 1001, members in turn."""
    day = date(1001, 1, 1)
    lines = ["country,start,end,ordinal,note,source"]
    for i in range(count):
        end = day + timedelta(days=7)
        lines.append(f"{members[i % len(members)]},{day},{end},{i + 1},,generated")
        day = end
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> Result:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=1000)
    parser.add_argument("--years", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of N and 2N per command; the fastest of each size counts")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each command at each size before its rounds")
    parser.add_argument("--startup-repeat", type=int, default=10)
    parser.add_argument("--only", help="comma-separated command names (default: all); 'startup' alone: only the CICA start-up, without generated data; validate-large, ics-large, chairs-large: only those --large cases")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is killed")
    parser.add_argument("--large", action="store_true", help="also the 1,000,000-row register and 100,000 chair terms")
    parser.add_argument("--large-rows", type=int, default=1_000_000)
    parser.add_argument("--large-terms", type=int, default=100_000)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall", help="wall time, or the CPU time of each process (steadier on a busy machine)")
    parser.add_argument("--no-gate", action="store_true", help="print the table, never exit 1")
    args = parser.parse_args(argv)
    result = Result(clock=args.clock)
    planner = planner_command()
    only = args.only.split(",") if args.only else None
    with tempfile.TemporaryDirectory(prefix="bench-commands-") as tmp:
        work = Path(tmp)
        sizes = (args.bodies, 2 * args.bodies)
        # An installed package has its bytecode compiled (pip does it), as the dependencies of
        # the bare import have: compile planner's too, before the first run, or with
        # PYTHONDONTWRITEBYTECODE set every command would compile planner from source and measure
        # the compiler (0.4 s of the CICA start-up, some 0.5 s of a check at N).
        spec = importlib.util.find_spec("planner")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)
        # "validate-large", "ics-large", "chairs-large": only those of the --large cases
        large_only = [name.removesuffix("-large") for name in only if name.endswith("-large")] if only else []
        only = [name for name in only if not name.endswith("-large")] if only else only
        if large_only and not only:
            only = ["startup"]  # nothing at N and 2N
        if only != ["startup"]:
            _pairs(result, sizes, work, planner, args, [name for name in only if name != "startup"] if only else None, echo)
        # in pairs too: the start-up and the bare import measured in the same seconds
        startup = measure_pairs(([*planner, "check", "--today", "2026-11-26"], [sys.executable, "-c", BARE_IMPORT]), args.startup_repeat, args.timeout, args.warmup)
        result.startup = (fastest([pair[0] for pair in startup]), fastest([pair[1] for pair in startup]))
        if args.large or large_only:
            _large(result, work, planner, args, echo, large_only)
    _report(result, sizes, echo)
    if result.failures and not args.no_gate:
        sys.exit(1)
    return result


def _pairs(result: Result, sizes: tuple[int, int], work: Path, planner: list[str], args: argparse.Namespace, only: list[str] | None, echo: Callable[[str], None]) -> None:
    """The floor and each command at both sizes, in rounds of pairs (:func:`measure_pairs`)."""
    data = [work / f"n{bodies}" for bodies in sizes]
    for bodies, folder in zip(sizes, data, strict=True):
        _generate(bodies, args.years, args.seed, folder)
    floor = measure_pairs(([sys.executable, "-c", FLOOR, str(data[0] / "meetings.csv")], [sys.executable, "-c", FLOOR, str(data[1] / "meetings.csv")]), args.repeat, args.timeout, args.warmup)
    result.pairs["floor"] = floor
    result.floor = {bodies: fastest([pair[i] for pair in floor]) for i, bodies in enumerate(sizes)}
    # each size writes its own feed folder: 2N re-reading N's state file measured N too
    chosen = [commands(folder, folder) for folder in data]
    for name in only if only is not None else list(chosen[0]):
        feeds = [folder / "feeds" for folder in data]
        if name == "ics":
            befores: tuple[Callable[[], None] | None, Callable[[], None] | None] = (_fresh(feeds[0]), _fresh(feeds[1]))
        elif name == "ics-again":
            befores = (_written([*planner, *chosen[0][name]], feeds[0], args.timeout), _written([*planner, *chosen[1][name]], feeds[1], args.timeout))
        else:
            befores = (None, None)
        rounds = measure_pairs(([*planner, *chosen[0][name]], [*planner, *chosen[1][name]]), args.repeat, args.timeout, args.warmup, befores)
        result.pairs[name] = rounds
        for i, bodies in enumerate(sizes):
            r = result.runs[(name, bodies)] = fastest([pair[i] for pair in rounds])
            echo(f"  {name} at {bodies} bodies: {r.seconds:.2f} s wall, {r.cpu:.2f} s CPU, {r.rss / MB:.0f} MB, exit {r.code}; beside it {_beside(r)}")


def _large(result: Result, work: Path, planner: list[str], args: argparse.Namespace, echo: Callable[[str], None], only: Sequence[str] = ()) -> None:
    """The --large cases (``only``: those named, of validate, ics and chairs)."""
    if not only or {"validate", "ics"} & set(only):
        per_body = 292_452 / 1000 / 100  # meetings per body and year (seed 1)
        bodies = max(1, round(args.large_rows / per_body / args.years))
        data = work / "large"
        _generate(bodies, args.years, args.seed, data)
        rows = sum(1 for _ in (data / "meetings.csv").open(encoding="utf-8")) - 1
        files = ["--rules", str(data / "rulebook.toml"), "--meetings", str(data / "meetings.csv"), "--today", TODAY]
        if not only or "validate" in only:
            result.large[f"validate ({rows:,} rows)"] = measure([*planner, "validate", *files], 1, args.timeout)
        if not only or "ics" in only:
            argv = [*planner, "ics", *files, "--no-projected", "--out", str(work / "large-feeds")]
            # the bare feed writer's floor first, each into a folder made afresh, one after the other
            floor = [sys.executable, "-c", FLOOR_ICS, str(data / "meetings.csv"), str(work / "large-floor")]
            result.large_floor = measure(floor, 1, args.timeout, _fresh(work / "large-floor"))
            shutil.rmtree(work / "large-floor", ignore_errors=True)
            result.large[f"ics --no-projected ({rows:,} rows)"] = measure(argv, 1, args.timeout, _fresh(work / "large-feeds"))
            result.large[f"ics --no-projected again ({rows:,} rows)"] = measure(argv, 1, args.timeout)  # into the folder just written
    if not only or "chairs" in only:
        examples = Path(__file__).resolve().parent.parent / "examples"
        chairs = work / "chairs.csv"
        write_chair_terms(chairs, args.large_terms, ["Austria", "Belgium", "Czechia", "Denmark", "Estonia"])
        argv = ["chairs", "--rules", str(examples / "rotating-chair.toml"), "--meetings", str(examples / "rotating-chair-meetings.csv"), "--chairs", str(chairs), "--today", "2950-01-01"]
        result.large[f"chairs ({args.large_terms:,} terms)"] = measure([*planner, *argv], 1, args.timeout)
    if result.large_floor is not None:
        r = result.large_floor
        echo(f"  floor of ics (a bare feed writer): {r.seconds:.2f} s wall, {r.cpu:.2f} s CPU, {r.rss / MB:.0f} MB, exit {r.code}")
    for name, r in result.large.items():
        echo(f"  {name}: {r.seconds:.2f} s wall, {r.cpu:.2f} s CPU, {r.rss / MB:.0f} MB, exit {r.code}")


def _beside(r: Run) -> str:
    """What ran beside a run: its involuntary context switches, the CPU seconds of the
    machine's other processes and the seconds its host stole."""
    return f"{r.switched} / {r.others:.2f} / {r.stolen:.2f}"


def _report_startup(result: Result, t: Callable[[Run], float], echo: Callable[[str], None]) -> None:
    if result.startup:
        cica, bare = (t(r) for r in result.startup)
        ok = cica / bare <= STARTUP_GOAL
        if not ok:
            result.failures.append("startup")
        echo(f"| CICA `planner check` / bare import | {cica:.3f} | {cica / bare:.2f}x | {bare:.3f} (bare) | | | | | {_beside(result.startup[0])}; {_beside(result.startup[1])} | {result.startup[0].rss / MB:.0f} / {result.startup[1].rss / MB:.0f} MB | <= {STARTUP_GOAL}x | {'yes' if ok else 'NO'} |")


def _report(result: Result, sizes: tuple[int, int], echo: Callable[[str], None]) -> None:
    n, n2 = sizes

    def t(r: Run | Sample) -> float:
        return r.cpu if result.clock == "cpu" else r.seconds

    def paired(name: str) -> str:
        """The lowest and highest growth of one round's pair (2N over N, same minutes)."""
        growths = sorted(t(b) / t(a) for a, b in result.pairs.get(name, ()) if t(a) > 0)
        return f"{growths[0]:.2f}-{growths[-1]:.2f}" if growths else ""

    if not result.floor:  # --only startup, or only --large cases
        _report_startup(result, t, echo)
        _report_large(result, t, echo)
        return
    floor_n, floor_n2 = t(result.floor[n]), t(result.floor[n2])
    echo("")
    echo(f"floor (csv module reading the register and parsing its dates): {floor_n:.2f} s at {n} bodies, {floor_n2:.2f} s at {n2}, growth of its pairs {paired('floor')} ({result.clock} time; the fastest of each command's runs)")
    echo("")
    # both clocks, whichever the ratios use: a command on several cores (check) takes less
    # wall time than CPU time, the user waits for the one and the machine pays the other;
    # "pairs": the growth of each round (N and 2N run back to back), lowest-highest
    echo("| command | N s | N / floor | 2N s | 2N / floor | growth | pairs | wall / CPU s N, 2N | beside: switches / others' CPU s / stolen s N; 2N | peak RSS N / 2N | goal | ok |")
    echo("|---|---|---|---|---|---|---|---|---|---|---|---|")
    names = list(dict.fromkeys(name for name, _ in result.runs))
    for name in names:
        a, b = result.runs[(name, n)], result.runs[(name, n2)]
        ratio_a, ratio_b = t(a) / floor_n, t(b) / floor_n2
        growth = t(b) / t(a)
        most, most_growth = GOALS.get(name, DEFAULT_GOAL)
        goal = (f"<= {most:g}x, " if most else "") + f"growth <= {most_growth}, <= {RSS_GOAL_MB:.0f} MB"
        ok = growth <= most_growth and max(a.rss, b.rss) / MB <= RSS_GOAL_MB and (most is None or max(ratio_a, ratio_b) <= most) and a.code in (0, 1) and b.code in (0, 1)
        if not ok:
            result.failures.append(name)
        clocks = f"{a.seconds:.2f} / {a.cpu:.2f}, {b.seconds:.2f} / {b.cpu:.2f}"
        echo(f"| {name} | {t(a):.2f} | {ratio_a:.1f}x | {t(b):.2f} | {ratio_b:.1f}x | {growth:.2f} | {paired(name)} | {clocks} | {_beside(a)}; {_beside(b)} | {a.rss / MB:.0f} / {b.rss / MB:.0f} MB | {goal} | {'yes' if ok else 'NO'} |")
    _report_startup(result, t, echo)
    _report_large(result, t, echo)


def _report_large(result: Result, t: Callable[[Run], float], echo: Callable[[str], None]) -> None:
    if not result.large:
        return
    if not result.floor:  # (the table's head)
        echo("")
        echo("| command | s | ratio | | | | | wall / CPU s | beside: switches / others' CPU s / stolen s | peak RSS | goal | ok |")
        echo("|---|---|---|---|---|---|---|---|---|---|---|---|")
    bare = result.large_floor
    if bare is not None:
        echo(f"| floor of ics --large (a bare feed writer: csv module, minimal events, sorted, written once) | {t(bare):.2f} | | | | | | {bare.seconds:.2f} / {bare.cpu:.2f} | {_beside(bare)} | {bare.rss / MB:.0f} MB | | |")
    for name, r in result.large.items():
        ok = r.rss / MB < 1024 and r.code in (0, 1)
        if not ok:
            result.failures.append(name)
        ratio = f"{t(r) / t(bare):.1f}x the bare feed writer" if bare is not None and name.startswith("ics") and t(bare) > 0 else ""
        echo(f"| {name} | {t(r):.2f} | {ratio} | | | | | {r.seconds:.2f} / {r.cpu:.2f} | {_beside(r)} | {r.rss / MB:.0f} MB | seconds, < 1 GB | {'yes' if ok else 'NO'} |")


if __name__ == "__main__":
    main()
