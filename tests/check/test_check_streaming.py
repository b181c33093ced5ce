"""``planner check`` judged and written body by body says exactly what the whole report says."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.dates import PartialDate
from planner.core.model import Kind, Status
from planner.engine.judging.compliance import Verdict, check, check_bodies
from planner.engine.judging.findings import with_more_words
from planner.engine.judging.window_finding import _at_most_words, _capped_words, _met_words
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook
from planner.outputs.check.json_lines import finding_json
from planner.outputs.check.json_report import finding_dict
from planner.outputs.check.report import _csv_rows, _Texts
from planner.outputs.formats import csv_chunks, to_csv
from planner.outputs.render import check_totals, exit_code, render_check
from planner.outputs.text import wrap
from tests.conftest import TODAY


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json"])
@pytest.mark.parametrize("problems_only", [False, True])
def test_streamed_check_renders_as_the_whole_report(cica, cica_meetings, fmt, problems_only):
    whole = check(cica, cica_meetings, TODAY)
    streamed = check_bodies(cica, cica_meetings, TODAY)
    assert render_check(streamed, fmt, rules_label="cica", problems_only=problems_only) == render_check(whole, fmt, rules_label="cica", problems_only=problems_only)
    # the totals and the exit code are counted while the bodies are written
    assert check_totals(streamed) == check_totals(whole)
    assert exit_code(streamed) == exit_code(whole) == (1 if whole.violations else 0)


def test_a_report_without_to_is_judged_up_to_today(cica, cica_meetings):
    report = check(cica, cica_meetings, TODAY)
    assert report.end == TODAY
    assert json.loads(render_check(report, "json", rules_label="cica"))["to"] == TODAY.isoformat()


def test_json_to_standard_output_is_the_file_it_writes(runner, tmp_path):
    """The JSON check comes in UTF-8 bytes (spooled encoded): on standard output and in a file
    with -o the same document, a non-ASCII city in UTF-8."""
    from planner.cli import main

    root = Path(__file__).parent.parents[1]
    register = tmp_path / "meetings.csv"
    register.write_text((root / "examples" / "cica-meetings.csv").read_text(encoding="utf-8").replace(",Istanbul,", ",İstanbul,"), encoding="utf-8")
    target = tmp_path / "check.json"
    args = ["check", "--rules", str(root / "rules" / "cica.toml"), "--meetings", str(register), "--today", "2026-12-01", "--format", "json"]
    shown = runner.invoke(main, args)
    written = runner.invoke(main, [*args, "-o", str(target)])
    assert shown.exit_code == written.exit_code == 1
    assert shown.stdout_bytes == target.read_bytes()
    assert "Summit 2010-06-07 (3rd, İstanbul)".encode() in shown.stdout_bytes
    assert any("İstanbul" in f["why"] for f in json.loads(shown.stdout_bytes)["findings"])


def test_finding_json_is_the_json_of_the_finding(cica, cica_meetings):
    """The JSON of each finding is written directly, not through json.dumps: the same text,
    non-ASCII characters, quotes and findings without a window included."""
    findings = list(check(cica, cica_meetings, TODAY).findings)
    odd = replace(findings[0], why='Türkiye "quoted"\\ and a\nnew line', delay="1 year", expectation=None)
    for n, f in enumerate([*findings, odd]):
        for rule in (n % 3, None):
            assert finding_json(f, rule) == json.dumps(finding_dict(f, rule), ensure_ascii=False)


def test_why_is_worded_when_read(cica, cica_meetings):
    """A finding's why may be a function until it is first read; readers always see text."""
    f = next(f for f in check(cica, cica_meetings, TODAY).findings if f.verdict is Verdict.MET)
    assert isinstance(f.why, str) and f.why
    lazy = replace(f, why=lambda: "worded late")
    assert lazy.why == "worded late" and lazy.why == "worded late"


@pytest.mark.parametrize("text", ["fits", "a  b", "  leading", "trailing  ", "tab\there", "new\nline", ""])
def test_wrap_of_a_line_that_fits_is_what_textwrap_gives(text):
    import textwrap

    for first in ("", "  x  "):
        expected = textwrap.wrap(text, width=40, initial_indent=first, subsequent_indent="  ", break_long_words=True, break_on_hyphens=False) or [first.rstrip()]
        assert wrap(text, 40, first, "  ") == expected


def test_wrap_fills_lines_as_textwrap_does():
    """Long cells are filled without textwrap when they are words between single spaces: the
    same lines as textwrap, for widths, indents and words of every length (long ones too)."""
    import random
    import textwrap

    rnd = random.Random(14)
    words = ["a", "bb", "dddd", "longerword", "x" * 15, "Türkiye", "2019-06-15", "(Dushanbe)", "y" * 38, "z" * 70]
    for _ in range(3000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30)))
        width = rnd.randint(30, 120)
        first = rnd.choice(["", "  ", "  missed  ", " " * 19])
        rest = rnd.choice(["  ", "    ", " " * 14])
        hang = rest if len(rest) <= width - 20 else "    "  # wrap hangs less when the indent is deep
        expected = textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=hang, break_long_words=True, break_on_hyphens=False)
        assert wrap(text, width, first, rest) == expected


EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
EXAMPLE_CASES = sorted(p.stem for p in EXAMPLES.glob("*.toml") if (EXAMPLES / f"{p.stem}-meetings.csv").exists())


@pytest.mark.parametrize("name", EXAMPLE_CASES)
def test_finding_json_of_every_example_is_the_json_of_the_finding(name):
    """The JSON writer words a met window's why itself, from the meetings' fields it writes
    anyway: the same text as the finding's own words, for every finding of every example."""
    book = load_rulebook(EXAMPLES / f"{name}.toml")
    meetings = load_meetings(EXAMPLES / f"{name}-meetings.csv", book)
    for n, f in enumerate(check(book, meetings, date(2026, 12, 1)).findings):
        line = finding_json(f, n % 2)  # first, while the why is still a function
        assert line == json.dumps(finding_dict(f, n % 2), ensure_ascii=False)


def test_met_why_of_odd_meetings_is_the_findings_own(cica, cica_meetings):
    """A met window's why as JSON writes them, for meetings with what the common case lacks:
    no ordinal, no city, an end, a date known to the month, quotes and other scripts, special
    kinds and statuses, and several meetings, one held within the tolerance."""
    met = next(f for f in check(cica, cica_meetings, TODAY).findings if f.verdict is Verdict.MET and len(f.counted) == 1)
    e, m = met.expectation, met.counted[0]
    late = m._replace(start=PartialDate.parse(f"{e.window.end.year + 1}-01-02"))
    variants = [
        m._replace(ordinal=None),
        m._replace(city=""),
        m._replace(ordinal=None, city=""),
        m._replace(end=PartialDate.parse(f"{e.window.end.year}-12-31")),
        m._replace(start=PartialDate.parse(f"{e.window.end.year}-03"), city='Ba"ku\\ Türkiye\u2028'),
        m._replace(kind=Kind.SPECIAL, status=Status.PLANNED),
        m._replace(ordinal=11, city="Астана"),
    ]
    for held in [[v] for v in variants] + [variants[:3], [m, late], [late]]:
        f = replace(met, why=partial(_met_words, e, held), counted=tuple(held))
        for counted in (tuple(held), (m,)):  # counted as the why says, or not
            g = replace(f, counted=counted, why=partial(_met_words, e, held))
            line = finding_json(g, 0)
            assert line == json.dumps(finding_dict(g, 0), ensure_ascii=False)
            assert json.loads(line)["why"] == _met_words(e, held)
        for over in ("", '; scheduled: Summit 2027 ("Baku"), 2 if held'):  # an at_most window's words
            g = replace(f, why=partial(_capped_words, e, len(held), held, over))
            line = finding_json(g, 0)
            assert line == json.dumps(finding_dict(g, 0), ensure_ascii=False)
            assert json.loads(line)["why"] == _capped_words(e, len(held), held, over)
    g = replace(met, why=partial(_capped_words, e, 0, [], ""), counted=())
    assert finding_json(g, 0) == json.dumps(finding_dict(g, 0), ensure_ascii=False)
    # notes after the words (not counted, amendments, coverage), once or twice, after any why
    for why in (partial(_met_words, e, [m]), partial(_capped_words, e, 1, [m], ""), 'a "text"', lambda: "worded\tlate"):
        g = with_more_words(replace(met, why=why), lambda: ' Not counted: "Baku" (special).')
        assert finding_json(g, 0) == json.dumps(finding_dict(g, 0), ensure_ascii=False)
        g = with_more_words(with_more_words(replace(met, why=why), lambda: " One."), lambda: " Two\u00e9.", verdict=Verdict.UNKNOWN)
        assert finding_json(g, 0) == json.dumps(finding_dict(g, 0), ensure_ascii=False)
    assert finding_json(g, 0) == json.dumps(finding_dict(g, 0), ensure_ascii=False)


@pytest.mark.parametrize("name", EXAMPLE_CASES)
def test_csv_why_of_every_example_is_the_findings_own(name):
    """The CSV writer words met windows and windows within a ceiling itself, from the days its
    cells write anyway: the same words as each finding's own, for every finding of every example."""
    book = load_rulebook(EXAMPLES / f"{name}.toml")
    meetings = load_meetings(EXAMPLES / f"{name}-meetings.csv", book)
    for _, _, findings in check_bodies(book, meetings, date(2026, 12, 1)).bodies():
        rows = _csv_rows(findings, False, _Texts())  # first, while the whys are still functions
        assert [row[-1] for row in rows] == [f.why for f in findings]


def test_csv_why_of_odd_meetings_is_the_findings_own(cica, cica_meetings):
    """The CSV's words of a met window, and of one within its ceiling, for meetings with what
    the common case lacks (no ordinal, no city, a month, other scripts, several, one within
    the tolerance), counted as the why says or not: the words window_finding gives."""
    met = next(f for f in check(cica, cica_meetings, TODAY).findings if f.verdict is Verdict.MET and len(f.counted) == 1)
    e, m = met.expectation, met.counted[0]
    late = m._replace(start=PartialDate.parse(f"{e.window.end.year + 1}-01-02"))
    variants = [m._replace(ordinal=None), m._replace(city=""), m._replace(ordinal=None, city=""), m._replace(start=PartialDate.parse(f"{e.window.end.year}-03"), city="Астана, \"Baku\"")]
    for held in [[v] for v in variants] + [variants[:3], [m, late], [late], []]:
        for counted in (tuple(held), (m,), ()):
            whys = [partial(_met_words, e, held), partial(_at_most_words, e, held), partial(_capped_words, e, len(held), held, '; scheduled: Summit 2027 ("Baku")')]
            for why in whys:
                g = replace(met, counted=counted, why=why)
                assert _csv_rows([g], False, _Texts())[0][-1] == why()


@pytest.mark.parametrize(
    "cells",
    [
        ("a", "b"), ("=1+1", "b"), ("a", "+1"), ("a", "-1"), ("a", "@x"), ("\tx", "b"), ("a\nb", "c"), ("a\rb", "c"), ("a", "b\r\n=c"), ("a\x00=", "b"), ("", ""),
        ("a, b", "c"), ('say "a"', "b"), ('"', ","), ("a\x00b", "c"), (" a ", "b'"), ("Türkiye, Астана", "\u2028"),
    ],
)
def test_a_batch_of_text_rows_is_written_as_row_by_row(cells):
    """CSV rows given as text are checked a batch at a time; a batch with anything to
    neutralize (a formula-like cell, a line break) comes out as the row-by-row writer makes it."""
    rows = [("plain", "row"), cells, ("another", "row")]
    assert "".join(csv_chunks(("h1", "h2"), [rows], texts=True)) == "".join(csv_chunks(("h1", "h2"), [rows])) == to_csv(("h1", "h2"), rows)


@given(st.lists(st.lists(st.text(alphabet=',"ab \x00\u00e9\u2028', max_size=4), min_size=1, max_size=3).map(tuple), max_size=4), st.integers(0, 2))
def test_text_rows_written_column_by_column_are_the_csv_modules(rows, batch):
    """A batch of text rows with nothing to neutralize is written a column at a time: the
    same text as the csv module's, quotes and commas quoted, rows of other lengths, a lone
    empty cell, a NUL and a batch of no rows left to the module."""
    batches = [rows[:batch], rows[batch:]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("h1", "h2"))
    for part in batches:
        writer.writerows(part)
    assert "".join(csv_chunks(("h1", "h2"), batches, texts=True)) == "".join(csv_chunks(("h1", "h2"), batches)) == out.getvalue()
