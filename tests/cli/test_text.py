"""Text that fits: the terminal's width (COLUMNS first, 100 when not a terminal), hanging
indents, sources cited once, plurals, totals that agree with the JSON, and the CLI's manners."""

from __future__ import annotations

import json
import re

import pytest

from planner.cli import main
from planner.outputs.text import fit_lines, fit_table, plural, wrap

TODAY = ["--today", "2026-12-01"]
COMMANDS = [
    ["check"],
    ["check", "--problems-only"],
    ["project"],
    ["chairs"],
    ["chairs", "--plan", "Azerbaijan, Kyrgyzstan, Thailand"],
    ["chairs", "--country", "Kazakhstan"],
    ["bodies"],
]


def run(runner, args, columns=None, **kw):
    env = {"COLUMNS": str(columns)} if columns else {"COLUMNS": ""}
    return runner.invoke(main, [*args, *TODAY], env=env, **kw)


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_line_exceeds_columns(runner, args, columns):
    result = run(runner, args, columns)
    assert result.exit_code in (0, 1), result.output
    too_long = [line for line in result.stdout.splitlines() if len(line) > columns]
    assert not too_long, too_long


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_not_a_terminal_means_100_columns(runner, args):
    """Without COLUMNS and without a terminal (a pipe, a test runner), text is 100 wide."""
    lines = run(runner, args).stdout.splitlines()
    assert max(len(line) for line in lines) <= 100


def test_a_file_does_not_take_the_terminal_width(runner, tmp_path):
    """-o FILE is 100 wide unless COLUMNS says otherwise."""
    run(runner, ["check", "-o", str(tmp_path / "a.txt")])
    run(runner, ["check", "-o", str(tmp_path / "b.txt")], 70)
    assert 90 < max(map(len, (tmp_path / "a.txt").read_text("utf-8").splitlines())) <= 100
    assert max(map(len, (tmp_path / "b.txt").read_text("utf-8").splitlines())) <= 70


def test_long_reasons_hang_under_their_column(runner):
    out = run(runner, ["check"], 80).stdout
    problems = out.split("Problems\n")[1].split("\n\n")[0].splitlines()
    column = problems[0].index("Summit, due 2018")
    assert problems[0].startswith("  late ") and column < 16
    assert problems[1].startswith(" " * column) and not problems[1].startswith(" " * (column + 1))


def test_each_rule_source_is_cited_once(runner, tmp_path):
    """Two Board problems under one rule: one note, cited by number on both."""
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\n\n[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\n\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2024\nsource = "Statute, art. 1"\n',
        encoding="utf-8",
    )
    meetings = tmp_path / "meetings.csv"
    meetings.write_text("body,start,status\nboard,2026-03-01,held\n", encoding="utf-8")
    out = run(runner, ["check", "--rules", str(rules), "--meetings", str(meetings)]).stdout
    flat = " ".join(out.split())
    assert flat.count("Statute, art. 1") == 1
    notes = re.findall(r"Board, 202[45]: .*? Rule: at least once a year \[(\d+)\]\.", flat)
    assert len(notes) == 2 and notes[0] == notes[1]
    assert flat.count(f"[{notes[0]}] Board, at least once a year: Statute, art. 1") == 1
    cica = run(runner, ["check"]).stdout
    assert re.search(r"^Sources\n  \[1\] Summit, every 4 years: Rules of Procedure", cica, re.M)


def test_text_and_json_agree_on_every_total(runner):
    text = run(runner, ["check"]).stdout.strip().splitlines()[-1]
    summary = json.loads(run(runner, ["check", "--format", "json"]).stdout)["summary"]
    words = {"bodies": ("body", "bodies"), "violations": ("violation", None), "advisories": ("advisory", "advisories"), "open": ("open window", None), "next_due": ("next due", "next due")}
    for key, (word, many) in words.items():
        assert plural(summary[key], word, many) in text, (key, text)
    assert summary["open"] + summary["next_due"] == json.loads(run(runner, ["check", "--format", "json"]).stdout)["summary"]["open"] + summary["next_due"]
    assert text.endswith(f"exit {summary['exit_code']}")


def test_plurals_in_the_singular(runner, tmp_path):
    """One body, one meeting, one feed: no "1 bodies", "1 meetings", "1 feeds"."""
    rules = tmp_path / "one.toml"
    rules.write_text('[organization]\nid = "one"\nname = "One Body Org"\nshort_name = "OBO"\n\n[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n', "utf-8")
    register = tmp_path / "m.csv"
    register.write_text("body,start,status\nboard,2025-05-05,held\n", "utf-8")
    args = ["--rules", str(rules), "--meetings", str(register)]
    check = run(runner, ["check", *args]).stdout
    assert "1 meeting in the register" in check and "1 body ·" in check and "1 open window ·" in check and "1 open windows" not in check
    assert "1 body;" in run(runner, ["bodies", *args]).stdout
    ics = run(runner, ["ics", *args, "--out", str(tmp_path / "feeds"), "--no-projected"])
    assert "1 meeting in 1 feed and all.ics" in ics.stderr
    assert "1 member state" not in run(runner, ["validate", *args]).stdout  # 0 member states


def test_bodies_shows_the_ids_body_takes(runner):
    out = run(runner, ["bodies"]).stdout
    for body_id in ("summit", "ministerial_council", "soc", "council_of_eminent_persons"):
        assert re.search(rf"^  {body_id} ", out, re.M)
    assert run(runner, ["check", "--body", "council_of_eminent_persons"]).exit_code == 0


def test_version_quiet_and_bare_planner(runner, tmp_path):
    assert run(runner, ["-V"]).stdout.startswith("planner, version ")
    bare = runner.invoke(main, [], prog_name="planner")
    assert bare.exit_code == 0 and "Usage: planner" in bare.stdout and "Commands:" in bare.stdout
    loud = run(runner, ["report", "-o", str(tmp_path / "r.html")])
    assert loud.exit_code == 0 and loud.stderr.startswith("wrote ")
    for args in (["-q", "report", "-o", str(tmp_path / "r.html")], ["ics", "--quiet", "--out", str(tmp_path / "f")]):
        result = run(runner, args)
        assert result.exit_code == 0 and result.stderr == ""
    assert run(runner, ["-q", "check", "--body", "nonsense"]).stderr  # errors still speak


def test_fit_table_layouts():
    rows = [("a", "bb", "a long cell " * 6), ("ccc", "d", "short")]
    assert fit_lines(rows, 200) == ["a    bb  " + ("a long cell " * 6).strip(), "ccc  d   short"]
    assert fit_table(rows, 40)[0][:2] == ["a    bb  a long cell a long cell a long", "         cell a long cell a long cell a"]
    narrow = fit_table(rows, 30)
    assert narrow[0][0] == "a    bb" and narrow[0][1].startswith("     a long cell")  # under column 2
    assert all(len(line) <= 30 for lines in narrow for line in lines)
    assert all(len(line) <= 12 for line in wrap("x" * 50 + " y", 12, "  ", "    "))


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 140, 200])
def test_schedule_rows_are_laid_out_as_fit_rows_lays_them_out(cica, columns):
    """The text schedule lays out its usual rows (a reason on the head's line or on one line
    below it) without fit_rows: the same lines at every width, whatever the reason (a space at
    its end, a tab, a word too long for a line, none at all) and whatever the other cells."""
    import random
    from datetime import date, timedelta

    from planner.core.dates import PartialDate
    from planner.core.model import Meeting, Status
    from planner.outputs.schedule import _row
    from planner.outputs.schedule.rows import _Rows
    from planner.outputs.text import fit_rows, row_layout

    rnd = random.Random(columns)
    reasons = ["at least once a year", "ends in a space ", "a\ttab", "", "Türkiye\u200b", "y" * 150]
    reasons += [("wxyz " * 50)[:k] for k in range(1, 220)]  # every length: a cell that just fits, and one a character longer
    items = []
    for _ in range(2000):
        day = date(2027, 1, 1) + timedelta(days=rnd.randint(0, 3000))
        end = PartialDate.of(day + timedelta(days=rnd.randint(1, 3))) if rnd.random() < 0.3 else None
        status = rnd.choice([Status.PROJECTED, Status.PROJECTED, Status.PLANNED])
        items.append(
            Meeting(
                body=rnd.choice(cica.bodies).id,
                start=PartialDate.of(day) if rnd.random() < 0.9 else PartialDate.parse(str(day.year)),
                end=end,
                ordinal=rnd.choice([None, 1, 7, 121]),
                status=status,
                city=rnd.choice(["", "Astana", "Baku"]),
                country=rnd.choice(["", "Kazakhstan", "Azerbaijan"]),
                reason=rnd.choice(reasons) if status is Status.PROJECTED else "",
                title=rnd.choice(["", "a title", "x" * 120]),
            )
        )
    items.sort(key=Meeting.sort_key)
    rows = _Rows(cica.body)
    widths = rows.widths(items)
    assert widths == [max(len(r[i]) for r in map(lambda m: _row(m, cica.body(m.body)), items)) for i in range(4)]
    expected = [line for lines in fit_rows([_row(m, cica.body(m.body)) for m in items], columns, indent=2, widths=widths) for line in lines]
    laid: list[str] = []
    rows.lay_out(items, laid, row_layout(widths, columns, indent=2), columns)
    assert laid == expected
