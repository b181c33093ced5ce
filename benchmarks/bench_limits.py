"""Large valid inputs at the documented limits (README, "Limits"): each command as a process,
its time and peak memory. Nothing is asserted; run by hand and compare with the README.

    python benchmarks/bench_limits.py                 # the real sizes (minutes, ~1 GB disk)
    python benchmarks/bench_limits.py --scale 0.001   # a smoke run

Cases: a rule book of 1,200 bodies chained by ``after`` rules; an .ics series of 10,000
occurrences (the cap); a chair register of 200,000 terms; a register of 1,000,000 meetings; a
feed folder whose state file remembers 100,000 events; ``project`` and ``chairs`` over ten years
of 1,000 bodies of twenty rules in a calendar of one body a day (``crowded.py``); ``project``
of 5,000 bodies of one meeting a year, the calendar full within a year; 100,000
numbered meetings of one body on one day; 100,000 EXDATEs on one line and on as many lines.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import crowded  # (benchmarks/, beside this file)

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"
TODAY = "2026-11-26"


@dataclass
class Result:
    runs: dict[str, tuple[float, int, int]] = field(default_factory=dict)  # case -> (seconds, max RSS KB, exit)


def _chain(n: int) -> str:
    head = MINIMAL.read_text(encoding="utf-8").split("[[bodies]]")[0]
    bodies = ['[[bodies]]\nid = "b0"\nname = "B0"\ncategory = "working"\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n']
    bodies += [f'[[bodies]]\nid = "b{i}"\nname = "B{i}"\ncategory = "working"\n[[bodies.rules]]\nkind = "after"\nbody = "b{i - 1}"\noffset = "1y"\n' for i in range(1, n)]
    return head + "\n".join(bodies)


_MEASURED = "import resource, sys\nfrom planner.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n    sys.stderr.write(f'MAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"


def _run(args: list[str]) -> tuple[float, int, int]:
    """Seconds, the process's own peak memory (KB) and its exit code."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    rss = next((int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS ")), 0)
    return seconds, rss, done.returncode


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> Result:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the real sizes")
    parser.add_argument("--only", default="", help="comma-separated case names (default: all)")
    opts = parser.parse_args(argv)

    def size(n: int) -> int:
        return max(2, int(n * opts.scale))

    result = Result()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        chain = work / "chain.toml"
        chain.write_text(_chain(size(1200)), encoding="utf-8")
        (work / "b0.csv").write_text("body,start\nb0,2020-06-01\n", encoding="utf-8")
        given = ["--rules", str(chain), "--meetings", str(work / "b0.csv"), "--today", TODAY]
        cases: dict[str, list[str]] = {"chain check": ["check", *given], "chain project": ["project", *given, "--format", "csv"]}

        # 1,000 bodies of twenty rules, one body a day: the calendar is full within weeks, and
        # each placement after that finds no day (it asked every day of its window: over 90 s)
        crowd = work / "crowded"
        crowded.write(crowd, size(1000))
        ten_years = ["--meetings", str(crowd / "meetings.csv"), "--today", "2026-12-01", "--to", "2036", "--format", "csv"]
        cases["crowded project"] = ["project", "--rules", str(crowd / "rulebook.toml"), *ten_years]
        cases["crowded chairs"] = ["chairs", "--rules", str(crowd / "rulebook-chairs.toml"), "--chairs", str(crowd / "chairs.csv"), *ten_years]

        # 5,000 bodies of one meeting a year at one host: the calendar is full within a year, and
        # each body after that placed nothing but made the runs of every crowded day again
        # (10 s CPU of project, 60 s of 2,500 bodies to a 100-year horizon)
        many = work / "many.toml"
        many.write_text(MINIMAL.read_text(encoding="utf-8").split("[[bodies]]")[0] + "".join(f'[[bodies]]\nid = "b{i}"\nname = "Body {i}"\ncategory = "working"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n\n' for i in range(size(5000))), encoding="utf-8")
        cases["many bodies project"] = ["project", "--rules", str(many), "--meetings", str(work / "b0.csv"), "--today", "2026-12-01", "--format", "csv"]

        series = work / "series.ics"
        series.write_text(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:bench\r\nBEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Summit\r\n"
            f"DTSTART;VALUE=DATE:20000101\r\nRRULE:FREQ=DAILY;COUNT={size(10_000)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            encoding="utf-8",
        )
        cases["ics series validate"] = ["validate", "--rules", str(MINIMAL), "--meetings", str(series), "--today", TODAY]

        chairs = work / "chairs.csv"
        with chairs.open("w", encoding="utf-8") as out:
            out.write("country,start,end\n")
            n = size(200_000)
            for i in range(n):
                out.write(f"{'Austria' if i % 2 else 'Kazakhstan'},{1000 + i * 1999 // n:04d},\n" if i == n - 1 else f"{'Austria' if i % 2 else 'Kazakhstan'},{1000 + i * 1999 // n:04d},{1000 + (i + 1) * 1999 // n:04d}\n")
        cases["chairs validate"] = ["validate", "--rules", str(MINIMAL), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"), "--chairs", str(chairs), "--today", TODAY]

        # 200,000 overlapping ten-year terms of CICA's chairs: `project` hosts by them (it
        # built and judged the whole `chairs` answer: more than a minute; about 8 s now)
        overlapping = work / "chairs-overlapping.csv"
        with overlapping.open("w", encoding="utf-8") as out:
            out.write("country,start,end\n")
            n = size(200_000)
            for i in range(n):
                out.write(f"{('Kazakhstan', 'China', 'India', 'Azerbaijan')[i % 4]},{2000 + i * 25 // n}-01-01,{2010 + i * 25 // n}-12-31\n")
        cases["chairs project"] = ["project", "--chairs", str(overlapping), "--today", TODAY]

        meetings = work / "meetings.csv"
        with meetings.open("w", encoding="utf-8") as out:
            out.write("body,start,status\n")
            n = size(1_000_000)
            for i in range(n):
                out.write(f"committee,{1000 + i * 1999 // n:04d}-{1 + i % 12:02d}-{1 + i % 28:02d},held\n")
        cases["register validate"] = ["validate", "--rules", str(MINIMAL), "--meetings", str(meetings), "--today", TODAY]
        cases["register ics --no-projected"] = ["ics", "--rules", str(MINIMAL), "--meetings", str(meetings), "--today", TODAY, "--no-projected", "--out", str(work / "feeds-big")]

        # the eighth pass's hostile shapes at full size: 100,000 rows of one body on one day
        # (numbered: each a meeting), 100,000 EXDATEs on one line and on as many lines
        one_day = work / "one-day.csv"
        with one_day.open("w", encoding="utf-8") as out:
            out.write("body,kind,ordinal,start,status\n")
            out.writelines(f"committee,regular,{i},2010-10-12,held\n" for i in range(1, size(100_000) + 1))
        cases["one day check"] = ["check", "--rules", str(MINIMAL), "--meetings", str(one_day), "--today", TODAY]
        days = [f"{2010 + i // 400}{1 + i % 12:02d}{1 + i % 28:02d}" for i in range(size(100_000))]
        head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:bench\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:20100101\r\nRRULE:FREQ=YEARLY;COUNT=20\r\n"
        tail = "END:VEVENT\r\nEND:VCALENDAR\r\n"
        for name, exdates in (("exdate line", "EXDATE;VALUE=DATE:" + ",".join(days) + "\r\n"), ("exdate lines", "".join(f"EXDATE;VALUE=DATE:{d}\r\n" for d in days))):
            path = work / f"{name.replace(' ', '-')}.ics"
            path.write_text(head + exdates + tail, encoding="utf-8", newline="")
            cases[f"{name} check"] = ["check", "--rules", str(MINIMAL), "--meetings", str(path), "--today", TODAY]

        feeds = work / "feeds"
        feeds.mkdir()
        events = {f"demo-e{i}@planner": {"fingerprint": "x", "sequence": 1, "last_modified": "2026-01-01T00:00:00+00:00"} for i in range(size(100_000))}
        (feeds / ".planner-state.json").write_text(json.dumps({"version": 1, "events": events}), encoding="utf-8")  # (UIDs of the rule book's organization: another's folder is refused)
        cases["state ics"] = ["ics", "--rules", str(MINIMAL), "--meetings", str(ROOT / "tests" / "registers" / "bom_utf8.csv"), "--today", TODAY, "--out", str(feeds)]

        wanted = {n.strip() for n in opts.only.split(",") if n.strip()}
        for name, args in cases.items():
            if wanted and name not in wanted:
                continue
            seconds, rss, code = _run(args)
            result.runs[name] = (seconds, rss, code)
            echo(f"{name:30} {seconds:7.2f} s  {rss / 1024:7.0f} MB max RSS  exit {code}")
    return result


if __name__ == "__main__":
    main()
