"""The benchmarks still run: each main function at a tiny size returns its figures (no timing
is asserted; the real sizes are run by hand, see benchmarks/README.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"


def _import(name: str):
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return __import__(name)


def test_generated_rulebook_and_register_load(tmp_path: Path) -> None:
    """The generator writes a rule book and register that the real loaders accept."""
    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import load_rulebook

    generate = _import("generate")
    generated = generate.main(["--bodies", "25", "--years", "5", "--out", str(tmp_path)], echo=lambda _line: None)
    book = load_rulebook(tmp_path / "rulebook.toml")
    assert len(book.bodies) == 25
    assert len(load_meetings(tmp_path / "meetings.csv", book)) == len(generated.rows)
    assert {"after", "ad_hoc", "at_most"} <= {k.split()[0] for k in generate.rule_kinds(generated)}


def test_generated_chairmanship_is_what_chairs_judges(tmp_path: Path) -> None:
    """The generator's chair rule book and chair register load, and `planner chairs` on them
    lists every term, judges the two-year ones too long, and plans hosts for the chair-hosted
    bodies; the main rule book and register are the same bytes as without them."""
    from click.testing import CliRunner

    from planner.cli import main as cli
    from planner.inputs.rulebook import load_rulebook

    generate = _import("generate")
    generated = generate.main(["--bodies", "40", "--years", "30", "--seed", "2", "--out", str(tmp_path)], echo=lambda _line: None)
    book = load_rulebook(tmp_path / "rulebook-chairs.toml")
    assert book.chairmanship is not None and book.chairmanship.order == "alphabetical"
    assert load_rulebook(tmp_path / "rulebook.toml").chairmanship is None
    hosted = [b.id for b in book.bodies if b.host.value == "chair"]
    assert hosted
    assert generate.generate(40, 30, seed=2).rows == generated.rows
    argv = ["chairs", "--rules", str(tmp_path / "rulebook-chairs.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--chairs", str(tmp_path / "chairs.csv"), "--today", "2026-06-30", "--format", "json"]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.output)
    assert len(report["terms"]) == len(generated.chairs)
    long_terms = sum(1 for c in generated.chairs if c["note"] == "extended for a second year")
    assert sum(1 for f in report["findings"] if f["kind"] == "long_term") == long_terms
    assert any(m["body"] in hosted for t in report["plan"] for m in t["hosted"])


def test_generation_is_deterministic() -> None:
    """The same seed gives the same rule book and register."""
    generate = _import("generate")
    assert generate.generate(12, 4, seed=3).rows == generate.generate(12, 4, seed=3).rows


def test_bench_check_returns_figures() -> None:
    """bench_check at 6 bodies x 3 years gives seconds and memory for every stage and size."""
    result = _import("bench_check").main(["--bodies", "6", "--years", "3"], echo=lambda _line: None)
    assert [s.bodies for s in result.sizes] == [6, 12]
    for size in result.sizes:
        assert set(size.seconds) == {"load", "expectations", "check"}
        assert all(size.maxrss[s] > 0 and size.peak[s] > 0 for s in size.seconds)
    assert set(result.ratios) == {"load", "expectations", "check"}


def test_bench_project_returns_figures() -> None:
    """bench_project at 6 bodies over 2 years gives a time for both sizes and their ratio
    (untraced: tracing the holidays package alone takes seconds)."""
    result = _import("bench_project").main(["--bodies", "6", "--years", "2", "--history", "2", "--no-trace"], echo=lambda _line: None)
    assert [r.bodies for r in result.runs] == [3, 6]
    assert all(r.seconds is not None and r.maxrss > 0 for r in result.runs)
    assert result.ratio is not None


def test_bench_commands_returns_figures() -> None:
    """bench_commands at 4 bodies x 2 years runs each command as a process at N and 2N and
    measures the floor and the start-up beside them (no goal is asserted)."""
    result = _import("bench_commands").main(["--bodies", "4", "--years", "2", "--repeat", "1", "--startup-repeat", "1", "--only", "check-text,check-json,validate", "--no-gate"], echo=lambda _line: None)
    assert set(result.floor) == {4, 8} and all(r.seconds > 0 for r in result.floor.values())
    assert {name for name, _ in result.runs} == {"check-text", "check-json", "validate"}
    assert all(r.code in (0, 1) and r.rss > 0 and r.seconds > 0 for r in result.runs.values())
    assert result.startup is not None and result.startup[1].seconds > 0


def test_bench_commands_measures_both_sizes_in_alternating_pairs(monkeypatch) -> None:
    """N and 2N run back to back in each round, after an untimed warm-up of each, the first of
    the pair alternating from round to round; the fastest run of each size counts, with its
    context switches (a slow spell of the machine cannot fall on one size alone)."""
    bench = _import("bench_commands")
    order: list[str] = []
    wall = {"n": iter([9.0, 3.0, 2.0, 5.0, 2.5]), "2n": iter([9.0, 6.0, 4.0, 7.0, 5.5])}

    def spawn(argv: list[str], timeout: float):
        order.append(argv[0])
        seconds = next(wall[argv[0]])
        return bench.Sample(seconds, 1000, 0, seconds, int(seconds * 10))

    monkeypatch.setattr(bench, "_spawn", spawn)
    rounds = bench.measure_pairs((["n"], ["2n"]), 4, 60.0, warmup=1)
    assert order == ["n", "2n", "n", "2n", "2n", "n", "n", "2n", "2n", "n"]
    assert [(a.seconds, b.seconds) for a, b in rounds] == [(3.0, 6.0), (2.0, 4.0), (5.0, 7.0), (2.5, 5.5)]
    best = bench.fastest([b for _, b in rounds])
    assert (best.seconds, best.switched) == (4.0, 40)


def test_bench_limits_runs_at_a_tiny_scale() -> None:
    """bench_limits at 1/1000 of the documented limits: two of its cases run and exit 0 or 1."""
    result = _import("bench_limits").main(["--scale", "0.001", "--only", "chain check,state ics"], echo=lambda _line: None)
    assert len(result.runs) == 2
    assert all(code in (0, 1) and rss > 0 for _seconds, rss, code in result.runs.values()), result.runs


def test_growth_profile_compares_two_sizes(tmp_path: Path) -> None:
    """growth_profile at 6 and 12 bodies x 3 years profiles `check` at both sizes in fresh
    processes and lists what grew faster than the register (no figure is asserted)."""
    generate = _import("generate")
    for bodies in (6, 12):
        generate.main(["--bodies", str(bodies), "--years", "3", "--out", str(tmp_path / str(bodies))], echo=lambda _line: None)
    lines: list[str] = []
    result = _import("growth_profile").main(["--small", str(tmp_path / "6"), "--large", str(tmp_path / "12"), "--min-calls", "1", "check", "--format", "json"], echo=lines.append)
    assert result is not None
    assert all(f["cpu"] > 0 and f["rss_mb"] > 0 and len(f["gc_count"]) == 3 for f in result.facts)
    assert result.rows[1] > result.rows[0] > 0 and result.calls[1] > result.calls[0] > 0
    assert all(calls_b > 2.06 * calls_a for _, _, calls_a, calls_b, _, _ in result.by_calls)
    assert lines[0].startswith("check --format json: CPU")
