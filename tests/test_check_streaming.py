"""``planner check`` judged and written body by body says exactly what the whole report says."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from planner.engine.judging.compliance import Verdict, check, check_bodies
from planner.outputs.check_json import finding_dict, finding_json
from planner.outputs.render import check_totals, exit_code, render_check
from planner.outputs.text import wrap

from .conftest import TODAY


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
