"""The HTML pages in a real browser: Debian's chromium driven by Playwright.

Locally the tests skip when chromium or Playwright is missing; under CI (``CI=true``) they
fail instead, so a CI machine without a browser cannot pass silently. Screenshots (1280 px and
375 px) and an A4 PDF go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from planner.inputs.rulebook import embedded_path
from planner.outputs.calendar.folder.feeds import write_feeds
from tests.conftest import ROOT
from tests.real_parts import open_page
from tests.report.test_report import TODAY, expected_keys, write_report

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def pages(tmp_path_factory, browser):
    """The report and the feeds' index.html of the embedded data, written once."""
    from click.testing import CliRunner

    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import load_rulebook

    folder = tmp_path_factory.mktemp("html")
    report = folder / "report.html"
    write_report(CliRunner(), report, "--plan", "Azerbaijan, Kyrgyzstan, Thailand")
    book = load_rulebook(embedded_path("cica.toml"))
    meetings = load_meetings(embedded_path("cica-meetings.csv"), book)
    write_feeds(book, meetings, folder / "feeds", datetime(2026, 12, 1, tzinfo=UTC), base_url="https://example.org/cica")
    ARTIFACTS.mkdir(exist_ok=True)
    return {"report": report, "index": folder / "feeds" / "index.html", "book": book, "meetings": meetings}


def test_report_draws_every_window_and_meeting(browser, pages):
    """At 1280 px: no console error, and each window and meeting of the data is a visible SVG
    element with a tooltip."""
    page, errors = open_page(browser, pages["report"], 1280)
    windows, marks = expected_keys(pages["book"], pages["meetings"])
    drawn = page.evaluate(
        """cls => Array.from(document.querySelectorAll('svg.chart a.' + cls)).map(a => {
            const box = a.getBBox();
            return [a.dataset.key, a.querySelector(':scope > title')?.textContent || '', box.width > 0 && box.height > 0,
                    !!document.getElementById(a.getAttribute('href').slice(1))];
        })"""
        , "window")
    assert {k for k, *_ in drawn} == windows
    drawn_marks = page.evaluate("""() => Array.from(document.querySelectorAll('svg.chart a.meeting')).map(a => {
            const box = a.getBBox();
            return [a.dataset.key, a.querySelector(':scope > title')?.textContent || '', box.width > 0 && box.height > 0,
                    !!document.getElementById(a.getAttribute('href').slice(1))];
        })""")
    assert {k for k, *_ in drawn_marks} == marks
    for key, title, visible, target in drawn + drawn_marks:
        assert title.strip() and visible and target, key
    assert page.locator("svg.chart a.term.planned").count() >= 2  # the plan's chairs
    page.screenshot(path=ARTIFACTS / "report-1280.png")
    page.locator(".timeline").screenshot(path=ARTIFACTS / "timeline-1280.png")
    dark, dark_errors = open_page(browser, pages["report"], 1280, color_scheme="dark")
    assert dark.evaluate("getComputedStyle(document.body).backgroundColor") != page.evaluate("getComputedStyle(document.body).backgroundColor")
    dark.locator(".timeline").screenshot(path=ARTIFACTS / "timeline-1280-dark.png")
    assert errors == [] and dark_errors == []


def test_report_on_a_phone_scrolls_only_the_timeline(browser, pages):
    """At 375 px the page does not scroll sideways; the timeline scrolls inside its box, opened
    with today in its middle (tests/real/test_trial18.py), with the body names kept in view."""
    page, errors = open_page(browser, pages["report"], 375)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = page.evaluate("""() => { const s = document.querySelector('.timeline .scroll');
        return {scroll: s.scrollWidth, client: s.clientWidth, left: s.getBoundingClientRect().left,
                labels: document.querySelector('svg.labels').getBoundingClientRect().left,
                end: document.querySelector('svg.chart').getBoundingClientRect().right}; }""")
    assert box["scroll"] > box["client"] * 3
    assert abs(box["labels"] - box["left"]) < 2  # the names stay at the left edge
    assert box["end"] > box["left"] + box["client"] + 2  # opened before the end, at today
    page.screenshot(path=ARTIFACTS / "report-375.png")
    page.locator(".timeline").scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "report-375-timeline.png")
    assert errors == []


def test_report_prints_on_a4_with_page_breaks(browser, pages):
    page, errors = open_page(browser, pages["report"], 1280)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.getElementById('findings')).breakBefore") == "page"
    pdf = page.pdf(path=ARTIFACTS / "report-a4.pdf", prefer_css_page_size=True)
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page ") >= 4 or pdf.count(b"/Page") >= 4
    assert errors == []


@pytest.mark.parametrize("width", [1280, 375])
def test_feeds_index_page(browser, pages, width):
    """index.html: every feed with https and webcal links, no sideways scroll on a phone, and a
    copy button once its script runs."""
    page, errors = open_page(browser, pages["index"], width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("a[href^='webcal://example.org/cica/']").count() == len(pages["book"].bodies) + 1
    assert page.locator("a[href^='https://example.org/cica/']").count() == len(pages["book"].bodies) + 1
    assert page.locator("button.copy:visible").count() == len(pages["book"].bodies) + 1
    page.screenshot(path=ARTIFACTS / f"index-{width}.png")
    assert errors == []
    assert TODAY.year == 2026
