"""Session 24's trial: a municipal council, tried end to end as a new user would.

The organization is of a kind the tests had not seen (``tests/trial/avpc*``): an English parish
council under the Local Government Act 1972, Schedule 12, and its standing orders: ordinary
meetings on the second Tuesday of each month except August, the annual meeting in May (which
takes the May meeting's place and elects the chairman for the year), at least three meetings a
year besides it, and the annual parish meeting of the electors between 1 March and 1 June.
Checked, projected 10 years, chaired, exported, subscribed twice, published to Radicale, its
report read in Chromium at 390 and 1400 px and printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

TRIAL = Path(__file__).parent.parent / "trial"
AVPC = ["--rules", str(TRIAL / "avpc.toml"), "--meetings", str(TRIAL / "avpc-meetings.csv"), "--chairs", str(TRIAL / "avpc-chairs.csv"), "--today", "2026-12-05"]


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Annual Meeting", "an Annual Meeting"),
        ("Summit", "a Summit"),
        ("European Council", "a European Council"),
        ("Union Congress", "a Union Congress"),
        ("Ordinary Session", "an Ordinary Session"),
        ("EU Summit", "an EU Summit"),
        ("UN Conference", "a UN Conference"),
        ("SOC", "a SOC"),
    ],
)
def test_a_body_is_named_with_its_article(name: str, words: str) -> None:
    """The article was always "a": "except in a period with a Annual Meeting"."""
    from planner.core.words import a_or_an

    assert a_or_an(name) == words


def test_the_may_meeting_excused_by_the_annual_meeting_reads_an_annual_meeting() -> None:
    """The Parish Council's monthly rule is excused in a month with an Annual Meeting (May). Its
    words in `check`, `bodies` and the findings read "except in a period with a Annual
    Meeting" and "no Parish Council is due in a period with a Annual Meeting"."""
    text = _run("check", *AVPC)
    assert "except in a period with an Annual Meeting" in text
    assert "with a Annual" not in text
    found = json.loads(_run("check", *AVPC, "--format", "json"))
    (may,) = [f for f in found["findings"] if f["body"] == "council" and f["window"]["label"] == "2026-05"]
    assert may["verdict"] == "excused"
    assert may["why"].endswith("and no Parish Council is due in a period with an Annual Meeting."), may["why"]
    assert "with a Annual" not in _run("bodies", *AVPC)


_PLACES = """() => { const box = document.querySelector('.timeline .scroll').getBoundingClientRect();
  const s = document.querySelector('.timeline .scroll');
  const chart = document.querySelector('svg.chart').getBoundingClientRect();
  const names = document.querySelector('svg.labels').getBoundingClientRect();
  return {box: [box.left, box.right], chart: [chart.left, chart.right], names: [names.left, names.right],
          scrolls: s.scrollWidth > s.clientWidth}; }"""


@pytest.mark.parametrize("width", [390, 1400])
def test_a_timeline_narrower_than_its_box_starts_at_the_left(browser, tmp_path: Path, width: int) -> None:  # noqa: F811
    """The council's timeline, 2022 to 2036, is 854 px: at 1400 px it fits its box of 1,180,
    and the box, laid right to left so that a long one opens at its end, packed it to the
    right, 326 px of nothing left of the lane names. A timeline that fits now starts at the
    box's left edge, names first; one that does not (390 px) still scrolls and opens as before."""
    from tests.real_parts import open_page

    page_path = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *AVPC, "-o", str(page_path)])
    assert result.exit_code == 0, result.output
    page, errors = open_page(browser, page_path, width)
    view = page.evaluate(_PLACES)
    page.close()
    assert errors == []
    assert abs(view["names"][0] - view["box"][0]) < 1, view  # the lane names at the left edge
    if width == 1400:
        assert not view["scrolls"], view
        assert abs(view["chart"][0] - view["box"][0]) < 1, view
        assert view["chart"][1] < view["box"][1] - 100, view  # the room left over is at the right
    else:
        assert view["scrolls"], view
