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
from tests.ical.test_publish import ROWS, run
from tests.real_parts import PASSWORD, by_uid, open_page

TRIAL = Path(__file__).parent.parent / "trial"
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
    targets = re.findall(r'<a class="w" href="#(f-[^"]+)">', listed)
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
    page, errors = open_page(browser, path, width)
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
    page, errors = open_page(browser, path, 1280)
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


def test_a_calendar_years_presidency_is_that_year(tmp_path: Path) -> None:
    """The Nordic Council's presidency runs from 1 January to the next 1 January, the next
    term's first day (README, "The register"): Sweden chaired 2019, not "2019–2020"."""
    result = CliRunner().invoke(main, ["chairs", *NORDIC, "--format", "json"])
    import json

    terms = json.loads(result.stdout)["terms"]
    assert [(t["country"], t["years"]) for t in terms[:3]] == [("Sweden", "2019"), ("Iceland", "2020"), ("Denmark", "2021")]
    text = CliRunner().invoke(main, ["chairs", *NORDIC]).stdout
    assert re.search(r"Sweden +2019-01-01 → 2020-01-01 +2019 +1 year", text), text


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        # `months` written `month` on a body: `month` is a key of `on` rules, and the message
        # sent the user to look for a table header instead of naming the typo
        (("months = [10]", "month = [10]"), "bodies[0].month: unknown key 'month' here; did you mean 'months'?"),
        # a rule's `since` written on the body (its start is `established`): the message said
        # where the key belongs only as "above the first [table] header"
        (("established = 2004\n", "since = 2004\n"), "bodies[1].since: unknown key 'since' here: it is a key of [[bodies.rules]]"),
        (('term = "1y"', 'interval = "1y"'), "chairmanship.interval: unknown key 'interval' here: it is a key of [[bodies.rules]]"),
        # a key of other kinds of rule: `tolerance` on an `at_least` rule said "unknown key
        # 'tolerance' here; did you mean 'tolerance'?"
        (
            ('kind = "at_least"\n', 'kind = "at_least"\ntolerance = "1m"\n'),
            "rules[0].tolerance: 'tolerance' is not a key of 'at_least' rules; it is a key of 'every', 'after' rules",
        ),
        # a body's key on a rule: `months` on an `at_least` rule was "did you mean 'month'?" (a
        # key of `on` rules only); a near miss of the table's own keys still comes first
        (('kind = "at_least"\n', 'kind = "at_least"\nmonths = [3]\n'), "rules[0].months: unknown key 'months' here: it is a key of [[bodies]]"),
    ],
)
def test_a_key_in_the_wrong_place_is_named_for_what_it_meant(tmp_path: Path, edit: tuple[str, str], said: str) -> None:
    """A new user's slips in a rule book: one line each, naming the key, the likely meaning and
    where such a key goes."""
    book = (TRIAL / "nordic-council.toml").read_text(encoding="utf-8")
    assert edit[0] in book
    rules = tmp_path / "rules.toml"
    rules.write_text(book.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--rules", str(rules)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert said in result.output, result.output


def test_a_register_younger_than_its_body_gets_a_note_on_records(tmp_path: Path) -> None:
    """The trial's first register began in 2019 for a body founded in 1953, and no `records`
    said so: 65 `missed` years (1954-2018) and nothing more. The verdicts stand; a note under
    the problems says what to write if the register is not complete before 2019. With the
    `records` statement (the fixture as it is) the years are unknown and no note is given."""
    book = (TRIAL / "nordic-council.toml").read_text(encoding="utf-8")
    bare = tmp_path / "rules.toml"
    bare.write_text(re.sub(r"(?m)^records = .*\n", "", book), encoding="utf-8")
    args = ["check", "--rules", str(bare), "--meetings", str(TRIAL / "nordic-council-meetings.csv"), "--today", "2026-12-04"]
    text = CliRunner().invoke(main, args, env={"COLUMNS": "200"})
    assert text.exit_code == 1
    note = text.stdout.split("\nNote\n", 1)[1].split("\n\n", 1)[0]
    assert "Annual Session: 65 missed windows (1954 to 2018) come before the first meeting the register counts for it (2019-10-29)." in note
    assert 'records = [{ start = 2019, source = "..." }] on Annual Session' in note and "unknown, not violations" in note
    markdown = CliRunner().invoke(main, [*args, "--format", "markdown"]).stdout
    assert "## Note" in markdown and "65 missed windows" in markdown
    assert "Note" not in CliRunner().invoke(main, [*args, "--format", "json"]).stdout
    as_is = CliRunner().invoke(main, ["check", *NORDIC], env={"COLUMNS": "200"}).stdout
    assert "\nNote\n" not in as_is and "65 unknown" in as_is


def test_the_feeds_page_says_who_decides_a_venue_and_writes_dates_as_the_report(tmp_path: Path) -> None:
    """The feeds' index.html left the venue of a projected chair-hosted session blank and wrote
    "2027-04-13 to 2027-04-14" where the report writes "2027-04-13 – 2027-04-14" (since the
    twenty-fourth trial on Mondays, as the theme sessions opened: 2027-04-12 – 2027-04-13)."""
    result = CliRunner().invoke(main, ["ics", *NORDIC, "--out", str(tmp_path / "feeds")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "feeds" / "index.html").read_text(encoding="utf-8")
    venues = re.findall(r'<td data-label="venue">([^<]*)</td>', page)
    assert venues and "" not in venues and "chair to be decided" in venues
    dates = re.findall(r'<td class="nowrap" data-label="dates">([^<]*)</td>', page)
    assert "2027-04-12 – 2027-04-13" in dates and not any(" to " in d for d in dates)


# -- publish: a calendar a person edited on the server -------------------------------------


def _edit_on_server(url: str, uid: str, old: str, new: str) -> None:
    """What a calendar app does when a person edits an event: the whole event rewritten, with
    SEQUENCE raised (Thunderbird and Google do)."""
    import caldav
    from caldav.collection import Calendar as DAVCalendar

    with caldav.DAVClient(url=url, username="sec", password=PASSWORD) as client:  # closed: its pools' watching threads end
        resource = DAVCalendar(client=client, url=url).event_by_uid(uid)
        assert old in resource.data
        resource.data = resource.data.replace(old, new)
        resource.save(increase_seqno=True)


def _server_text(url: str, uid: str) -> str:
    import caldav
    from caldav.collection import Calendar as DAVCalendar

    with caldav.DAVClient(url=url, username="sec", password=PASSWORD) as client:
        return str(DAVCalendar(client=client, url=url).event_by_uid(uid).data)


def test_an_event_a_person_edited_on_the_server_is_kept_and_said(tmp_path: Path, radicale: str) -> None:  # noqa: F811
    """The secretariat adds the venue's hall to the 7th Summit in its calendar app. The next
    publish (the 6th Summit's city corrected meanwhile) updates the 6th and keeps the edited
    7th as it is, listing it and exiting 1: the calendar is not silently put back. With
    --overwrite the feed wins, its SEQUENCE above the edit's."""
    url = f"{radicale}/sec/edited/"
    assert run(tmp_path, url, ["summit6", "summit7"])[0] == 0
    _edit_on_server(url, "cica-summit-7@planner", "LOCATION:Baku", "LOCATION:Baku Congress Centre, Hall A\\, ")
    ROWS["summit6_city"] = ROWS["summit6"].replace("Astana", "Nur-Sultan")
    code, out, err = run(tmp_path, url, ["summit6_city", "summit7"])
    assert code == 1, err
    assert out.splitlines() == ["update  2022-10-12  6th Summit", "kept         2026-10-14  7th Summit: edited on the server since planner wrote it"]  # by date
    assert "0 created, 1 updated, 0 cancelled, 0 deleted, 0 unchanged, 1 kept" in err
    assert "1 event edited on the server since planner wrote it kept as it is" in err and "--overwrite" in err
    assert "Congress Centre" in _server_text(url, "cica-summit-7@planner")
    assert by_uid(url)["cica-summit-6@planner"]["SEQUENCE"] == "1"
    code, out, err = run(tmp_path, url, ["summit6_city", "summit7"], "--dry-run")
    assert code == 1 and out.startswith("would keep ") and "would be kept" in err
    code, out, err = run(tmp_path, url, ["summit6_city", "summit7"], "--overwrite")
    assert code == 0, err
    assert out.splitlines() == ["update  2026-10-14  7th Summit"]
    event = by_uid(url)["cica-summit-7@planner"]
    assert "Congress Centre" not in _server_text(url, "cica-summit-7@planner") and event["SEQUENCE"] == "2"
    code, out, err = run(tmp_path, url, ["summit6_city", "summit7"])
    assert code == 0 and out == "" and "2 unchanged" in err


def test_publish_lists_its_changes_in_date_order(tmp_path: Path, radicale: str) -> None:  # noqa: F811
    """A first publish of 81 events listed them by UID (the Presidium's projected 2026-2036,
    then its held 2025-2026, then the Sessions ...): a secretariat reads a calendar by date."""
    url = f"{radicale}/sec/ordered/"
    code, out, err = run(tmp_path, url, ["youth", "summit7", "soc", "summit6"], "--dry-run")
    assert code == 0, err
    days = [line.split()[2] for line in out.splitlines()]
    assert days == sorted(days) == ["2022-10-12", "2025-05-20", "2025-12-01", "2026-10-14"]


def test_an_edited_event_that_left_the_register_is_kept_not_cancelled(tmp_path: Path, radicale: str) -> None:  # noqa: F811
    """A person added the agenda to the Youth Council's event; the register drops the meeting:
    the event is neither struck nor pruned behind their back."""
    url = f"{radicale}/sec/edited-gone/"
    run(tmp_path, url, ["summit6", "youth"])
    _edit_on_server(url, "cica-youth-regular-2025-12-01@planner", "DESCRIPTION:", "DESCRIPTION:Agenda: youth exchange 2026\\n")
    for extra in ((), ("--prune",)):
        code, out, err = run(tmp_path, url, ["summit6"], *extra)
        assert code == 1 and out.startswith("kept ") and "0 cancelled, 0 deleted, 1 unchanged, 1 kept" in err
    text = _server_text(url, "cica-youth-regular-2025-12-01@planner")
    assert "Agenda: youth exchange" in text and "CANCELLED" not in text


def test_an_event_edited_while_planner_writes_is_not_overwritten(tmp_path: Path, radicale: str, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Edited between planner's read and its write: the write carries If-Match with the ETag
    read, the server refuses it, and the run ends in one line (exit 2); the person's edit stands
    and the next run keeps it."""
    from planner.outputs.calendar import caldav as publishing

    url = f"{radicale}/sec/race/"
    run(tmp_path, url, ["summit6", "summit7"])
    ROWS["summit7_race"] = ROWS["summit7"].replace("2026-10-14,2026-10-15", "2026-11-03,2026-11-04")
    put = publishing._Session.put

    def edit_first(self, calendar, resource, data):  # noqa: ANN001, ANN202
        _edit_on_server(url, "cica-summit-7@planner", "LOCATION:Baku", "LOCATION:Baku Crystal Hall\\, ")
        return put(self, calendar, resource, data)

    monkeypatch.setattr(publishing._Session, "put", edit_first)
    code, out, err = run(tmp_path, url, ["summit6", "summit7_race"])
    assert code == 2 and err.count("\n") == 1, err
    assert "an event was changed on the server while planner was writing (412 Precondition Failed); 0 of 1 changes written; run again" in err
    assert "Crystal Hall" in _server_text(url, "cica-summit-7@planner")
    monkeypatch.setattr(publishing._Session, "put", put)
    code, out, err = run(tmp_path, url, ["summit6", "summit7_race"])
    assert code == 1 and out.startswith("kept ") and "Crystal Hall" in _server_text(url, "cica-summit-7@planner")


def test_the_readme_check_sample_is_what_check_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's sample of `planner check --today 2026-11-26` is the command's own lines (its
    totals said "4 violations · 0 advisories · 10 open windows", the command "2 violations ·
    1 advisory · 11 open windows · ... · 27 unknown"): every line but "..." appears, in order."""
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- readme-check-output -->\s*```text\n(.*?)```", readme, re.S).group(1)
    monkeypatch.setenv("COLUMNS", "100")
    out = CliRunner().invoke(main, ["check", "--today", "2026-11-26"]).stdout.splitlines()
    at = 0
    for line in block.splitlines():
        if line.strip() in ("", "..."):
            continue
        assert line in out[at:], line
        at = out.index(line, at) + 1
