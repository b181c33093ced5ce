"""``planner report``: one self-contained, deterministic HTML page whose timeline draws every
window and meeting of the data, with a tooltip and a link to its row."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from planner.cli import main
from planner.engine.judging.compliance import check
from planner.engine.planning.projection import project
from planner.outputs.html.timeline import DEFAULT_STYLE, VERDICT_STYLES, WindowItem, build_timeline

TODAY = date(2026, 12, 1)
ARGS = ["report", "--today", TODAY.isoformat()]


def write_report(runner, path: Path, *args: str) -> str:
    result = runner.invoke(main, [*ARGS, "-o", str(path), *args])
    assert result.exit_code == 0, result.output
    return path.read_text(encoding="utf-8")


def expected_keys(book, meetings, today: date = TODAY) -> tuple[set[str], set[str]]:
    """The data's windows (judged findings) and meetings (register and projection), by key."""
    windows = {f"{f.body.id}/{f.expectation.rule_index}/{f.expectation.label}" for f in check(book, meetings, today).findings if f.expectation}
    marks = {f"{m.body}/{m.identity()}" for m in project(book, meetings, today).meetings()}
    return windows, marks


def elements(page: str, cls: str) -> dict[str, str]:
    """``data-key`` -> tooltip of every ``<a class=cls>`` of the SVG."""
    found = re.findall(rf'<a href="#[^"]+" class="{cls}[^"]*" data-key="([^"]+)"[^>]*><title>([^<]+)</title>', page)
    return dict(found)


def test_page_is_byte_identical_for_the_same_inputs(runner, tmp_path):
    """Same inputs and --today, same bytes."""
    assert write_report(runner, tmp_path / "a.html") == write_report(runner, tmp_path / "b.html")


def test_page_is_self_contained(runner, tmp_path):
    """No scripts, no external stylesheet, image, font or link: every link stays in the page."""
    page = write_report(runner, tmp_path / "r.html")
    assert "<script" not in page and "<link" not in page and "@import" not in page and "src=" not in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#") for h in hrefs)
    ids = set(re.findall(r' id="([^"]+)"', page))
    assert len(ids) == len(re.findall(r' id="', page)), "ids are unique"
    assert {h[1:] for h in hrefs} <= ids, "every link has its target row"


def test_every_window_and_meeting_has_a_mark_with_a_tooltip(runner, tmp_path, cica, cica_meetings):
    """The timeline draws each judged window and each meeting (held, planned, projected)."""
    page = write_report(runner, tmp_path / "r.html")
    windows, marks = expected_keys(cica, cica_meetings)
    drawn_windows, drawn_marks = elements(page, "window"), elements(page, "meeting")
    assert set(drawn_windows) == windows and set(drawn_marks) == marks
    assert page.count('class="window"') == len(windows) and len(re.findall(r'class="meeting[" ]', page)) == len(marks)  # (" cut-2": hidden in a printed strip's edge)
    summit_2018 = drawn_windows["summit/0/2018"]
    assert "late" in summit_2018 and "held Summit 2019-06-15 (5th, Dushanbe): 1 year late" in summit_2018
    assert "7th Summit: 2026-10, Baku, Azerbaijan, planned" in drawn_marks["summit/7"]


def test_tables_use_the_words_of_the_text_output(runner, tmp_path):
    """Findings say what `check` says; the schedule what `project` says; the chairs what `chairs` says."""
    page = write_report(runner, tmp_path / "r.html")
    text = " ".join(runner.invoke(main, ["check", "--today", TODAY.isoformat()]).output.split())
    why = re.search(r"late Summit, (due 2018 .*?1 year late\.)", text).group(1)
    assert f"<td data-label=\"why\">{why}</td>" in page.replace("&#39;", "'")
    assert "2 violations" in text and "<b>2</b>violations" in page
    assert "Ministerial Council (8th)" in page and "<td class=\"words\" data-label=\"to\">2026-10 (expected)</td>" in page


def test_findings_put_bodies_with_problems_first(runner, tmp_path, cica, cica_meetings):
    """Bodies with a violation, then bodies with another problem (each in rule-book order),
    come before the others."""
    from planner.outputs.html.timeline import slug
    from planner.outputs.render import PROBLEM_VERDICTS

    page = write_report(runner, tmp_path / "r.html")
    order = re.findall(r'<h3 id="b-([^"]+)">', page)
    findings = check(cica, cica_meetings, TODAY).findings
    violating = [slug(b.id) for b in cica.bodies if any(f.body.id == b.id and f.violation for f in findings)]
    troubled = [slug(b.id) for b in cica.bodies if any(f.body.id == b.id and f.verdict in PROBLEM_VERDICTS for f in findings)]
    assert violating and troubled and order[: len(troubled)] == violating + [b for b in troubled if b not in violating]
    assert set(order) == {slug(b.id) for b in cica.bodies}


def test_plan_draws_planned_chairs_apart(runner, tmp_path):
    """Planned chair terms are marked as such, with their own rows."""
    page = write_report(runner, tmp_path / "r.html", "--plan", "Azerbaijan, Kyrgyzstan, Thailand")
    planned = re.findall(r'<a href="#(p-[^"]+)" class="term planned"', page)
    assert planned and all(f'id="{p}"' in page for p in planned)
    assert any("kyrgyzstan" in p for p in planned)


def test_body_and_from_narrow_the_page(runner, tmp_path):
    page = write_report(runner, tmp_path / "r.html", "--body", "summit", "--from", "2010")
    assert re.findall(r'<g class="lane" id="lane-([^"]+)"', page) == ["summit"]
    assert "summit/2\"" not in page and "summit/4\"" in page


def test_titles_are_escaped(runner, tmp_path):
    """A register title is text, never markup."""
    register = tmp_path / "m.csv"
    register.write_text('body,kind,ordinal,start,end,status,city,country,format,title,source\nsummit,regular,1,2002-06-04,,held,Almaty,Kazakhstan,,"<script>alert(1)</script>",\n', "utf-8")
    page = write_report(runner, tmp_path / "r.html", "--meetings", str(register))
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_bad_from_is_one_line_and_exit_2(runner, tmp_path):
    result = runner.invoke(main, [*ARGS, "--from", "2030", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "--from" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_any_verdict_gets_a_style():
    """A verdict the palette does not know is still drawn, with the default colour and pattern."""
    items = [WindowItem("b", f"b/0/{v}", date(2020, 1, 1), date(2020, 12, 31), v, v, "#x") for v in ("met", "brand_new")]
    timeline = build_timeline([("b", "B", "Body")], items, [], [], date(2021, 1, 1), date(2020, 1, 1), date(2021, 12, 31))
    styles = {v: (colour, kind) for v, colour, kind, _ in timeline.verdicts}
    assert styles == {"met": VERDICT_STYLES["met"], "brand-new": DEFAULT_STYLE}
    assert sorted(b.verdict for b in timeline.lanes[0].bands) == ["brand-new", "met"]
    assert timeline.lanes[0].rows == 2  # the same year twice: one band above the other


def test_a_dissolved_organizations_timeline_ends_with_it_and_draws_no_today(runner, tmp_path):
    """The League of Nations Assembly's rule ends at the dissolution (1946-04-18): its report's
    timeline ran to 2036 (ten years after today, ninety empty years drawn with a today line and
    a projection's shading); it now ends in 1946 and draws neither. A body still in force
    keeps the today line and the ten years ahead."""
    audit = Path(__file__).parent.parent / "audit"
    book = ["--rules", str(audit / "league-of-nations-assembly.toml"), "--meetings", str(audit / "league-of-nations-assembly-meetings.csv")]
    result = runner.invoke(main, [*book, *ARGS, "-o", str(tmp_path / "league.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "league.html").read_text(encoding="utf-8")
    assert "timeline 1920-11-15 to 1946-04-18" in page
    assert "meetings by body from 1920 to 1946" in page
    assert 'class="today"' not in page and 'class="future"' not in page
    assert ">1946<" in page and ">1947<" not in page
    cica = write_report(runner, tmp_path / "cica.html")
    assert 'class="today"' in cica and 'class="future"' in cica and f"to {TODAY.replace(year=TODAY.year + 10)}" in cica


def test_a_rule_book_without_chairs_draws_no_chair_lane(runner, tmp_path):
    """CELAC's rule book has no [chairmanship] and its register no chair terms: the timeline
    labelled an empty band "Chair" above the axis and its title promised "chair terms on top"
    (the twenty-first audit). Without terms neither is drawn; CICA's timeline keeps both."""
    audit = Path(__file__).parent.parent / "audit"
    book = ["--rules", str(audit / "celac-summit.toml"), "--meetings", str(audit / "celac-summit-meetings.csv")]
    result = runner.invoke(main, [*book, *ARGS, "-o", str(tmp_path / "celac.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "celac.html").read_text(encoding="utf-8")
    assert 'class="small">Chair<' not in page and "chair terms" not in page
    assert 'class="lane"' in page  # the lanes are drawn all the same
    cica = write_report(runner, tmp_path / "cica.html")
    assert cica.count('class="small">Chair<') >= 2 and "chair terms on top" in cica
