"""Session 20's trial: what a new user and a secretariat trip on, tried end to end.

The organization is one the tests had not seen, written as a new user would
(``tests/trial/commonwealth*``: the Commonwealth, its Heads of Government Meeting every two
years in the country of the incoming Chair-in-Office, postponed twice (2001 to 2002, 2020 to
2022), a Ministerial Action Group twice a year); its feeds read as Outlook, Google and Apple
read them (icalendar, recurring-ical-events, the rules of RFC 5545 and RFC 7986), its report in
Chromium at phone width and wide.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

TRIAL = Path(__file__).parent.parent / "trial"
CW = ["--rules", str(TRIAL / "commonwealth.toml"), "--meetings", str(TRIAL / "commonwealth-meetings.csv"), "--chairs", str(TRIAL / "commonwealth-chairs.csv"), "--today", "2026-12-04"]


def chairs(*extra: str) -> dict:
    result = CliRunner().invoke(main, ["chairs", *CW, "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_a_running_term_whose_handover_is_planned_for_a_year_partly_past_is_no_certain_violation() -> None:
    """Samoa chairs from the 26th CHOGM (2024-10-21) until the 27th, planned for 2026 (the
    register gives only the year). As of 2026-12-04 the term is past its 2 years only if that
    CHOGM is still to come in December; held as planned on any day of 2026 before today, the
    term was not too long. The register does not say which: a note, as for a handover planned
    in a month wholly past (it was a violation, more certain than the data)."""
    found = [f for f in chairs()["findings"] if f["country"] == "Samoa" and f["kind"] == "long_term"]
    assert [f["violation"] for f in found] == [False]
    assert "27th Commonwealth Heads of Government Meeting (2026, St. John's" in found[0]["message"]
    assert "the register does not say whether it was held" in found[0]["message"]


def feed(tmp_path: Path, *extra: str, today: str = "2026-12-04", name: str = "all") -> dict[str, object]:
    """The events of one feed of an export, by UID (read with icalendar)."""
    from icalendar import Calendar

    args = [a if a != "2026-12-04" else today for a in CW]
    result = CliRunner().invoke(main, ["-q", "ics", *args, "--out", str(tmp_path), *extra])
    assert result.exit_code == 0, result.output
    return {str(e["UID"]): e for e in Calendar.from_ical((tmp_path / f"{name}.ics").read_bytes()).walk("VEVENT")}


def test_a_planned_meeting_whose_days_passed_unconfirmed_is_no_confirmed_event(tmp_path: Path) -> None:
    """The CMAG planned for 2026-02-18 is not recorded as held: `check` calls it unconfirmed.
    Its event was CONFIRMED, "Status: planned", ten months on: now TENTATIVE, "(unconfirmed)"
    in the title (clients that ignore STATUS), the description saying why."""
    event = feed(tmp_path)["commonwealth-cmag-regular-2026-02-18@planner"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["SUMMARY"]) == "Commonwealth Ministerial Action Group (unconfirmed)"
    assert "Status: planned, not recorded as held: its dates have passed (unconfirmed)" in str(event["DESCRIPTION"])
    assert "Status: planned\n" not in str(event["DESCRIPTION"]) + "\n"


def test_a_planned_meeting_still_to_come_stays_confirmed(tmp_path: Path) -> None:
    """As of 2026-02-01 the same CMAG is ahead: CONFIRMED, as the register says."""
    event = feed(tmp_path, today="2026-02-01")["commonwealth-cmag-regular-2026-02-18@planner"]
    assert (str(event["STATUS"]), str(event["SUMMARY"])) == ("CONFIRMED", "Commonwealth Ministerial Action Group")
    assert "Status: planned" in str(event["DESCRIPTION"]).splitlines()


def test_a_postponed_meeting_whose_days_passed_is_cancelled_on_them(tmp_path: Path) -> None:
    """The CMAG postponed from 2025-11-05, no new date: it did not take place that day. Its
    event stayed TENTATIVE (it may yet happen then) and blocked the day; now CANCELLED and
    transparent, still titled "(postponed)"."""
    event = feed(tmp_path)["commonwealth-cmag-regular-2025-11-05@planner"]
    assert (str(event["STATUS"]), str(event["TRANSP"])) == ("CANCELLED", "TRANSPARENT")
    assert str(event["SUMMARY"]) == "Commonwealth Ministerial Action Group (postponed)"
    assert "Postponed: not held on these days; the new date is not fixed yet" in str(event["DESCRIPTION"])


def test_a_postponed_meeting_still_ahead_is_tentative_and_blocks_no_time(tmp_path: Path) -> None:
    """As of 2025-10-01 the postponed CMAG's days are ahead: TENTATIVE, but not busy (it will
    not be held on them)."""
    event = feed(tmp_path, today="2025-10-01")["commonwealth-cmag-regular-2025-11-05@planner"]
    assert (str(event["STATUS"]), str(event["TRANSP"])) == ("TENTATIVE", "TRANSPARENT")
    assert "Postponed: the new date is not fixed yet" in str(event["DESCRIPTION"])


def test_a_plan_that_lapses_between_two_exports_raises_its_sequence(tmp_path: Path) -> None:
    """Exported on 2026-02-01 and again on 2026-12-04 into one folder: the CMAG of 2026-02-18
    changed STATUS, a significant change (RFC 5545 3.8.7.4), so SEQUENCE rises and a client
    that imported it takes the new one."""
    before = feed(tmp_path, today="2026-02-01")["commonwealth-cmag-regular-2026-02-18@planner"]
    after = feed(tmp_path)["commonwealth-cmag-regular-2026-02-18@planner"]
    assert (int(before["SEQUENCE"]), int(after["SEQUENCE"])) == (0, 1)


def test_the_feed_read_back_keeps_the_register_s_statuses(tmp_path: Path) -> None:
    """A feed is also a register: read back, the unconfirmed plan is still planned and the
    postponed meeting postponed (X-PLANNER-STATUS), so `check` says the same."""
    feed(tmp_path)
    runner = CliRunner()
    args = [*CW[:2], "--meetings", str(tmp_path / "all.ics"), "--today", "2026-12-04", "--to", "2026-12-04"]
    from_feed = json.loads(runner.invoke(main, ["check", *args, "--format", "json", "--body", "cmag"]).stdout)
    from_csv = json.loads(runner.invoke(main, ["check", *CW, "--to", "2026-12-04", "--format", "json", "--body", "cmag"]).stdout)
    assert [f["verdict"] for f in from_feed["findings"]] == [f["verdict"] for f in from_csv["findings"]]
    assert "unconfirmed" in from_feed["findings"][-1]["why"]


def test_each_body_s_feed_has_its_own_colour(tmp_path: Path) -> None:
    """A secretariat subscribes to the four feeds and saw four calendars of one default colour.
    Each body's feed now says its colour (RFC 7986 5.9 COLOR, a CSS3 name; Apple's
    X-APPLE-CALENDAR-COLOR in hex), each a different one; all.ics, of every body, says none."""
    from icalendar import Calendar

    feed(tmp_path)
    colours = {}
    for body in ("chogm", "cfamm", "cmag", "cmag_before"):
        calendar = Calendar.from_ical((tmp_path / f"{body}.ics").read_bytes())
        colours[body] = (str(calendar["COLOR"]), str(calendar["X-APPLE-CALENDAR-COLOR"]))
    assert colours["chogm"] == ("steelblue", "#4682B4")
    assert len(set(colours.values())) == 4
    assert "COLOR" not in Calendar.from_ical((tmp_path / "all.ics").read_bytes())


RESUMED = """body,kind,ordinal,start,end,status,city,country,format,title,source
chogm,regular,28,2028-10-10,2028-10-11,held,London,United Kingdom,in_person,,example
chogm,regular,28,2029-01-15,2029-01-16,held,London,United Kingdom,in_person,,example
"""


def test_a_resumed_session_is_titled_as_resumed(tmp_path: Path) -> None:
    """The 28th CHOGM adjourned in October and resumed in January under its number (one
    meeting in two parts, README "A number identifies one meeting"): its two events were both
    "28th Commonwealth Heads of Government Meeting", three months apart, a duplicate to the
    eye. The later part now says "(resumed)" and which part it is; the first is as it was. The
    folder's events, `--out -` and the events `publish` sends say the same."""
    from icalendar import Calendar

    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import load_rulebook
    from planner.outputs.calendar.ical import FeedBuilder

    register = tmp_path / "resumed.csv"
    register.write_text(RESUMED, encoding="utf-8")
    args = ["-q", "ics", *CW[:2], "--meetings", str(register), "--today", "2029-02-01", "--no-projected", "--body", "chogm"]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path / "feeds")])
    assert result.exit_code == 0, result.output
    written = {str(e["UID"]): e for e in Calendar.from_ical((tmp_path / "feeds" / "chogm.ics").read_bytes()).walk("VEVENT")}
    first, later = written["commonwealth-chogm-28@planner"], written["commonwealth-chogm-28-2@planner"]
    assert str(first["SUMMARY"]) == "28th Commonwealth Heads of Government Meeting"
    assert str(later["SUMMARY"]) == "28th Commonwealth Heads of Government Meeting (resumed)"
    assert "Resumed: part 2 of the 28th regular meeting, under its number" in str(later["DESCRIPTION"]).splitlines()
    printed = CliRunner().invoke(main, [*args, "--out", "-"])
    def shown(event: object) -> tuple[str, ...]:
        return tuple(str(event[p]) for p in ("SUMMARY", "DESCRIPTION", "STATUS"))  # type: ignore[index]

    assert {str(e["UID"]): shown(e) for e in Calendar.from_ical(printed.stdout).walk("VEVENT")} == {uid: shown(e) for uid, e in written.items()}
    book = load_rulebook(TRIAL / "commonwealth.toml")
    builder = FeedBuilder(book, datetime(2029, 2, 1, tzinfo=UTC))
    meetings = load_meetings(register, book)
    (meeting, uid) = builder.build(meetings)[1]  # as publish builds what it sends
    sent = builder.event(meeting, uid)
    assert str(sent["SUMMARY"]) == str(later["SUMMARY"]) and str(sent["DESCRIPTION"]) == str(later["DESCRIPTION"])


SUPERSEDED = """body,kind,ordinal,start,end,status,city,country
chogm,regular,28,2028-10,,planned,London,United Kingdom
chogm,regular,28,2028-10-12,2028-10-13,held,London,United Kingdom
chogm,regular,29,2030-05-04,,cancelled,London,United Kingdom
chogm,regular,29,2030-06-01,,held,London,United Kingdom
"""


def test_a_plan_a_held_row_superseded_and_a_called_off_row_make_no_resumed_part(tmp_path: Path) -> None:
    """The 28th planned for October 2028, then recorded held on 12 October: the plan is no
    part, and the held row is the meeting, not "(resumed)"; nor is the plan "(unconfirmed)":
    the register says the meeting was held. The 29th cancelled in May and held in June: a
    cancelled row is no part either (README "A number identifies one meeting")."""
    from icalendar import Calendar

    register = tmp_path / "superseded.csv"
    register.write_text(SUPERSEDED, encoding="utf-8")
    result = CliRunner().invoke(main, ["-q", "ics", *CW[:2], "--meetings", str(register), "--today", "2031-01-01", "--no-projected", "--body", "chogm", "--out", "-"])
    assert result.exit_code == 0, result.output
    titles = sorted(str(e["SUMMARY"]) for e in Calendar.from_ical(result.stdout).walk("VEVENT"))
    assert not [t for t in titles if "(resumed)" in t or "(unconfirmed)" in t], titles



def test_a_plan_a_held_row_superseded_is_no_event_beside_it(tmp_path: Path) -> None:
    """The same register: the 28th planned for October 2028 and held on 12 October made two
    events, the plan (TENTATIVE, "date not fixed", UID ...-28) and the held meeting (UID
    ...-28-2), on stdout, in the folder's chogm.ics and all.ics. A plan a held row of its number
    superseded is no meeting of its own (README "A number identifies one meeting"): one event,
    the held one, under the number's UID (a subscriber's event of the plan is updated in
    place). The 29th's cancelled row stays an event of its own (it is no part)."""
    from icalendar import Calendar

    register = tmp_path / "superseded.csv"
    register.write_text(SUPERSEDED, encoding="utf-8")
    args = ["-q", "ics", *CW[:2], "--meetings", str(register), "--today", "2031-01-01", "--no-projected", "--body", "chogm"]
    result = CliRunner().invoke(main, [*args, "--out", "-"])
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(main, [*args, "--out", str(tmp_path / "feeds")]).exit_code == 0
    for text in (result.stdout, (tmp_path / "feeds" / "chogm.ics").read_text(encoding="utf-8")):
        events = {str(e["UID"]): e for e in Calendar.from_ical(text).walk("VEVENT") if "chogm-2" in str(e["UID"])}
        assert sorted(events) == ["commonwealth-chogm-28@planner", "commonwealth-chogm-29-2@planner", "commonwealth-chogm-29@planner"]
        held = events["commonwealth-chogm-28@planner"]
        assert (held["STATUS"], held.decoded("DTSTART").isoformat()) == ("CONFIRMED", "2028-10-12")

def test_the_feeds_page_shows_each_feed_s_colour(tmp_path: Path) -> None:
    """index.html lists the feeds to subscribe to: each body's with a swatch of the colour its
    calendar will take, the combined feed with none."""
    feed(tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<span class="swatch" style="background: steelblue" aria-hidden="true"></span>Commonwealth Heads of Government Meeting</span>' in page
    assert page.count('class="swatch"') == 4


def test_the_report_s_marks_say_what_the_feeds_say(tmp_path: Path) -> None:
    """The timeline's mark of the CMAG planned for 2026-02-18 said "planned" where `check` and
    the feed say unconfirmed; the postponed one's said "postponed" as if still to come."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["-q", "report", *CW, "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<title>Commonwealth Ministerial Action Group: 2026-02-18, London, United Kingdom, planned, not recorded as held (unconfirmed)</title>" in page
    assert "<title>Commonwealth Ministerial Action Group: 2025-11-05, London, United Kingdom, postponed, not held on these days</title>" in page


def test_the_legend_s_chair_violation_reads_as_the_verdicts_do(browser, tmp_path: Path) -> None:  # noqa: F811
    """The legend's "chair term : a violation" had a gap before its colon (its words were two
    items of the legend's flex row) where every verdict reads "missed: nothing held": the colon
    now follows its words, as measured in Chromium."""
    out = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["-q", "report", *CW, "-o", str(out)]).exit_code == 0
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(out.as_uri())
    gap = page.evaluate(
        """() => {
        const means = [...document.querySelectorAll('ul.legend .means')].find(s => s.textContent === ': a violation');
        const range = document.createRange();
        range.selectNodeContents(means.previousSibling || means.parentNode.firstChild);
        return means.getBoundingClientRect().left - range.getBoundingClientRect().right;
    }"""
    )
    assert abs(gap) < 1.5


def test_project_of_one_body_leaves_out_the_notes_of_the_others() -> None:
    """`project --body chogm` listed, under Notes, how the Senior Officials Preparatory Meeting
    was placed: a body not asked for, whose meetings the schedule left out. Its Problems
    already kept to the bodies asked for (and those they follow); now its notes do too, and the
    notes of no one body (the holidays package's gaps, for the CHOGM's plenary days) stay."""
    runner = CliRunner()
    one = json.loads(runner.invoke(main, ["project", *CW, "--body", "chogm", "--format", "json"]).stdout)
    every = json.loads(runner.invoke(main, ["project", *CW, "--format", "json"]).stdout)
    assert any(n.startswith("Senior Officials Preparatory Meeting 2026-12-07") for n in every["notes"])
    assert not any("Senior Officials" in n for n in one["notes"])
    assert any(n.startswith("The holidays package has no or incomplete public-holiday data") for n in one["notes"])


def test_a_fixed_venue_outside_the_member_states_is_a_host(tmp_path: Path) -> None:
    """The Commonwealth's foreign ministers meet in New York, at the UN: the United States is no
    Commonwealth member, and `host = "fixed"`, `host_country = "United States"` was refused
    ("host_country is not a member state"), so the trial's book stood the Secretariat in. A
    country is a host whether or not it is a member (its own working days, README); only a name
    that is neither a member nor a country is refused, as the slip it most likely is."""
    book = (Path(__file__).parent.parent / "trial" / "commonwealth.toml").read_text(encoding="utf-8")
    fixed = book.replace('host = "secretariat"  # really New York', 'host = "fixed"\nhost_country = "United States"\nhost_city = "New York"  # really New York', 1)
    assert fixed != book
    rules = tmp_path / "commonwealth.toml"
    rules.write_text(fixed, encoding="utf-8")
    args = ["--rules", str(rules), "--meetings", str(Path(__file__).parent.parent / "trial" / "commonwealth-meetings.csv"), "--today", "2026-12-04"]
    assert CliRunner().invoke(main, [*args, "validate"]).exit_code == 0
    out = CliRunner().invoke(main, [*args, "project", "--body", "cfamm", "--to", "2028", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert {(m["city"], m["country"]) for m in json.loads(out.stdout)["meetings"] if m["status"] == "projected"} == {("New York", "United States")}
    rules.write_text(fixed.replace('host_country = "United States"', 'host_country = "Untied States"'), encoding="utf-8")
    typo = CliRunner().invoke(main, [*args, "validate"])
    assert typo.exit_code == 2 and "host_country is neither a member state nor a country (got 'Untied States'" in typo.output


def test_the_feeds_page_names_a_resumed_part_as_its_feeds_do(tmp_path: Path) -> None:
    """The 28th CHOGM held on 12 October 2028 and resumed, under its number, on 1 March 2029:
    the feeds title the second part "28th ... (resumed)", the page of coming meetings in the
    same folder said "28th Commonwealth Heads of Government Meeting" alone (found by the
    trial). As of the resumed part's day it is listed as the feeds name it."""
    register = tmp_path / "resumed.csv"
    register.write_text(
        "body,kind,ordinal,start,end,status,city,country\n"
        "chogm,regular,28,2028-10-12,2028-10-13,held,London,United Kingdom\n"
        "chogm,regular,28,2029-03-01,2029-03-02,held,London,United Kingdom\n",
        encoding="utf-8",
    )
    out = tmp_path / "feeds"
    result = CliRunner().invoke(main, ["-q", "ics", *CW[:2], "--meetings", str(register), "--today", "2029-03-01", "--no-projected", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "SUMMARY:28th Commonwealth Heads of Government Meeting (resumed)" in (out / "chogm.ics").read_text(encoding="utf-8")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "28th Commonwealth Heads of Government Meeting (resumed)" in page
