"""Session 17's trial: what a new user and a secretariat trip on, tried end to end.

The organization is one the tests had not seen, written as a new user would
(``tests/trial/nordic-council*``): its report read in Chromium at phone width, printed and
walked with the keyboard; its calendar published to Radicale and edited there by a person.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

from .test_report_browser import _open, browser  # noqa: F401  (the module's Chromium fixture)

TRIAL = Path(__file__).parent / "trial"
NORDIC = ["--rules", str(TRIAL / "nordic-council.toml"), "--meetings", str(TRIAL / "nordic-council-meetings.csv"), "--chairs", str(TRIAL / "nordic-council-chairs.csv"), "--today", "2026-12-04"]
VIOLATION_WORDS = ("late", "missed", "excess", "off date")


def report(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def rows(page: str) -> dict[str, str]:
    """Finding row id -> its verdict."""
    return dict(re.findall(r'<tr id="(f-[^"]+)"[^>]*><td data-label="verdict"><span class="verdict"[^>]*>([^<]+)</span>', page))


@pytest.mark.parametrize("args", [NORDIC, ["--today", "2026-12-01"]], ids=["nordic", "cica"])
def test_every_violation_is_one_click_from_the_totals(tmp_path: Path, args: list[str]) -> None:
    """The totals' "violations" leads to a list under them, and each violation of the page is
    a link there to its own finding row: none has to be hunted for below the timeline."""
    page = report(tmp_path, *args)
    count = int(re.search(r"<b>(\d+)</b>violations?", page).group(1))
    assert count > 0 and re.search(r'<a href="#violations"><b>\d+</b>violations?</a>', page)
    listed = re.search(r'<div class="violations" id="violations">(.*?)</div>', page, re.S).group(1)
    targets = re.findall(r'<a href="#(f-[^"]+)">', listed)
    verdicts = rows(page)
    assert len(targets) == len(set(targets)) == count
    assert all(verdicts[t] in VIOLATION_WORDS for t in targets)
    assert sorted(t for t, v in verdicts.items() if v in VIOLATION_WORDS) == sorted(targets)


def test_bodies_with_violations_come_before_bodies_with_advisories_only(tmp_path: Path) -> None:
    """The Presidium missed its eve-of-Session meetings (violations); the Theme Session only
    broke a customary rule (advisories): the Presidium's findings come first."""
    page = report(tmp_path, *NORDIC)
    order = re.findall(r'<h3 id="b-([^"]+)">', page)
    assert order == ["presidium", "theme", "session"]


def test_the_legend_says_which_verdicts_are_violations(tmp_path: Path) -> None:
    """A colour says nothing to a reader of a printed page: each verdict of the legend says what
    it means, and the violations say so; an advisory or an unknown says it is none."""
    page = report(tmp_path, *NORDIC)
    legend = dict(re.findall(r'</svg><span>([a-z ]+)<span class="means">: ([^<]+)</span>', page))
    assert set(legend) >= {"met", "missed", "open", "advisory", "unknown"}
    assert "a violation" in legend["missed"] and "no violation" in legend["advisory"]
    assert "violation" not in legend["unknown"] and "not known complete" in legend["unknown"]


def test_the_schedule_gives_dates_in_one_format(tmp_path: Path) -> None:
    """Next meetings and the projected schedule both write whole ISO dates (the schedule wrote
    "04-13 – 04-14" beside a year column, the next meetings "2027-04-13 – 2027-04-14")."""
    page = report(tmp_path, *NORDIC)
    cells = re.findall(r'<td class="nowrap" data-label="dates">([^<]+)</td>', page)
    assert len(cells) > 20
    iso = re.compile(r"\d{4}-\d{2}-\d{2}( – \d{4}-\d{2}-\d{2})?")
    assert all(iso.fullmatch(c) for c in cells), [c for c in cells if not iso.fullmatch(c)]


@pytest.mark.parametrize("width", [390, 1280])
def test_verdicts_never_break_inside_the_word(browser, tmp_path: Path, width: int) -> None:  # noqa: F811
    """"unknown" was cut into "unknow" and "n" in its column at 1280 px as on a phone; every
    verdict label is one line, and the page does not scroll sideways."""
    path = tmp_path / "report.html"
    path.write_text(report(tmp_path, *NORDIC), encoding="utf-8")
    page, errors = _open(browser, path, width)
    lines = page.evaluate("""() => Array.from(document.querySelectorAll('.verdict')).map(e => {
        const r = e.getClientRects(); const lh = parseFloat(getComputedStyle(e).lineHeight);
        return [e.textContent, r.length, e.getBoundingClientRect().height <= lh * 1.3]; })""")
    assert lines and all(n == 1 and one for _, n, one in lines), [t for t, n, one in lines if n != 1 or not one]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert errors == []


def test_the_keyboard_skips_the_timeline_and_follows_a_violation(browser, tmp_path: Path) -> None:  # noqa: F811
    """From the page's top: Tab reaches the "violations" total first, Enter goes to the list;
    a link there leads to its row. Before the timeline's hundreds of marks, a link skips to
    the findings (hidden until focused, and in print)."""
    path = tmp_path / "report.html"
    path.write_text(report(tmp_path, *NORDIC), encoding="utf-8")
    page, errors = _open(browser, path, 1280)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#violations"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#violations"
    page.keyboard.press("Tab")  # the body's name
    page.keyboard.press("Tab")  # its first window
    target = page.evaluate("document.activeElement.getAttribute('href')")
    assert target.startswith("#f-presidium")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector(':target').tagName") == "TR"
    skip = page.locator("a.skip")
    assert skip.bounding_box()["x"] < 0  # out of sight until focused
    skip.focus()
    assert skip.bounding_box()["x"] >= 0
    skip.press("Enter")
    assert page.evaluate("location.hash") == "#findings"
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('a.skip')).display") == "none"
    assert errors == []
