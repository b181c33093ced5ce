"""iCalendar feeds: stable, deterministic, valid for strict parsers and real clients."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.core.dates import PartialDate
from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.engine.expectations import ordinal as ordinal_words
from planner.inputs.rulebook import parse_rulebook
from planner.outputs.calendar.folder.feeds import write_feeds
from planner.outputs.calendar.ical import STATE_FILE, combined_calendar_bytes, event_uid

FEEDS = Path(__file__).parent.parent / "feeds"
STAMP = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def book() -> RuleBook:
    with (FEEDS / "rulebook.toml").open("rb") as handle:
        return parse_rulebook(tomllib.load(handle), FEEDS / "rulebook.toml")


def meetings(projected_day: date = date(2026, 11, 10)) -> list[Meeting]:
    """One meeting per case the feeds must show: two-day, month- and year-precise, cancelled,
    postponed, projected, and a title that is HTML."""
    return [
        Meeting(body="summit", ordinal=6, start=PartialDate.of(date(2022, 10, 12)), end=PartialDate.of(date(2022, 10, 13)), city="Astana", country="Kazakhstan", source="https://www.s-cica.org/summit6"),
        Meeting(body="summit", ordinal=7, start=PartialDate.parse("2026-10"), status=Status.PLANNED, city="Baku", country="Azerbaijan", source="Brochure 2024-2026, p. 3"),
        Meeting(body="soc", start=PartialDate.parse("2019"), country="Kazakhstan"),
        Meeting(body="soc", kind=Kind.SPECIAL, ordinal=2, start=PartialDate.of(date(2023, 3, 1)), status=Status.CANCELLED, city="Astana"),
        Meeting(body="soc", start=PartialDate.of(date(2026, 5, 20)), status=Status.POSTPONED, city="Baku", country="Azerbaijan"),
        Meeting(body="soc", start=PartialDate.of(projected_day), status=Status.PROJECTED, country="Azerbaijan", reason="at least twice a year: 1 of 2 in 2026", rule_source="CICA brochure", customary=True, key="2026-2"),
        Meeting(body="youth", start=PartialDate.of(date(2026, 12, 1)), status=Status.PLANNED, title="<script>alert(1)</script> Youth Forum", city="Baku", country="Azerbaijan"),
    ]


def events(path: Path) -> dict[str, Calendar]:
    return {str(ev["UID"]): ev for ev in Calendar.from_ical(path).walk("VEVENT")}


def export(out: Path, items: list[Meeting] | None = None, stamp: datetime = STAMP, base_url: str | None = None) -> list[Path]:
    return write_feeds(book(), meetings() if items is None else items, out, stamp=stamp, base_url=base_url)


def test_writes_one_feed_per_body_all_and_index(tmp_path: Path) -> None:
    """Every body gets a feed, plus all.ics and index.html; the folder is created."""
    paths = export(tmp_path / "new" / "feeds")
    assert [p.name for p in paths] == ["summit.ics", "soc.ics", "youth.ics", "all.ics", "index.html"]
    assert (tmp_path / "new" / "feeds" / STATE_FILE).is_file()
    assert not [p for p in (tmp_path / "new" / "feeds").iterdir() if p.name.endswith(".tmp")]


def test_second_export_is_byte_identical(tmp_path: Path) -> None:
    """Same input, same stamp: the same bytes, state file included."""
    export(tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    export(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first


def test_combined_bytes_match_first_all_ics(tmp_path: Path) -> None:
    """``--out -`` gives what a first export writes to all.ics."""
    export(tmp_path)
    assert combined_calendar_bytes(book(), meetings(), stamp=STAMP) == (tmp_path / "all.ics").read_bytes()


def test_every_feed_passes_icalendar_and_strict_ical(tmp_path: Path) -> None:
    """icalendar's validate() and the strict ``ical`` parser accept every feed."""
    from ical.calendar_stream import IcsCalendarStream

    export(tmp_path)
    for path in sorted(tmp_path.glob("*.ics")):
        cal = Calendar.from_ical(path)
        cal.validate()
        for ev in cal.walk("VEVENT"):
            assert ev.errors == [] and ev["UID"] and ev["DTSTAMP"]
        strict = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        assert len(strict.events) == len(cal.walk("VEVENT")), path.name


def test_calendar_properties(tmp_path: Path) -> None:
    """Name, refresh interval and METHOD:PUBLISH, with their X-WR twins."""
    export(tmp_path)
    text = (tmp_path / "soc.ics").read_bytes().decode()
    for line in ("VERSION:2.0", "METHOD:PUBLISH", "CALSCALE:GREGORIAN", "NAME:Senior Officials Committee", "X-WR-CALNAME:Senior Officials Committee", "X-WR-CALDESC:Meetings of the Senior Officials Committee (CICA)", "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"):
        assert line + "\r\n" in text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "PRODID:" in text


def test_uids_are_stable_domain_keys(tmp_path: Path) -> None:
    """UIDs come from organization, body and identity, never random."""
    export(tmp_path)
    uids = set(events(tmp_path / "all.ics"))
    assert {"cica-summit-6@planner", "cica-summit-7@planner", "cica-soc-special-2@planner", "cica-soc-projected-2026-2@planner", "cica-soc-regular-2019@planner"} <= uids
    assert event_uid(book(), meetings()[0]) == "cica-summit-6@planner"


def test_two_day_meeting_has_exclusive_dtend(tmp_path: Path) -> None:
    """12-13 October is DTSTART 12, DTEND 14 (RFC 5545 3.6.1), all-day, confirmed."""
    export(tmp_path)
    ev = events(tmp_path / "summit.ics")["cica-summit-6@planner"]
    assert ev["DTSTART"].dt == date(2022, 10, 12) and ev["DTEND"].dt == date(2022, 10, 14)
    assert ev["DTSTART"].params["VALUE"] == "DATE"
    assert str(ev["SUMMARY"]) == "6th Summit" and str(ev["STATUS"]) == "CONFIRMED"
    assert str(ev["LOCATION"]) == "Astana, Kazakhstan" and str(ev["URL"]) == "https://www.s-cica.org/summit6"
    assert ev["SEQUENCE"] == 0 and ev["LAST-MODIFIED"].dt == STAMP and ev["DTSTAMP"].dt == STAMP


def test_month_precise_meeting_is_a_marked_one_day_event(tmp_path: Path) -> None:
    """A date known to the month: one day on the 1st, title says so, tentative, transparent."""
    export(tmp_path)
    ev = events(tmp_path / "summit.ics")["cica-summit-7@planner"]
    assert ev["DTSTART"].dt == date(2026, 10, 1) and ev["DTEND"].dt == date(2026, 10, 2)
    assert str(ev["SUMMARY"]) == "7th Summit (date not fixed: October 2026)"
    assert str(ev["STATUS"]) == "TENTATIVE" and str(ev["TRANSP"]) == "TRANSPARENT"
    assert "2026-10-01 to 2026-10-31" in str(ev["DESCRIPTION"]) and str(ev["X-PLANNER-DATE"]) == "2026-10"
    year = events(tmp_path / "soc.ics")["cica-soc-regular-2019@planner"]
    assert str(year["SUMMARY"]) == "Senior Officials Committee (date not fixed: 2019)"
    assert year["DTSTART"].dt == date(2019, 1, 1)


def test_firm_dates_never_say_not_fixed(tmp_path: Path) -> None:
    export(tmp_path)
    for ev in events(tmp_path / "all.ics").values():
        assert ("date not fixed" in str(ev["SUMMARY"])) == ("X-PLANNER-DATE" in ev)


def test_statuses_map_to_rfc_values(tmp_path: Path) -> None:
    """Cancelled stays, projected is tentative and transparent, postponed tentative with a note."""
    export(tmp_path)
    evs = events(tmp_path / "soc.ics")
    cancelled = evs["cica-soc-special-2@planner"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and str(cancelled["SUMMARY"]) == "2nd Special Senior Officials Committee (cancelled)"
    projected = evs["cica-soc-projected-2026-2@planner"]
    assert str(projected["STATUS"]) == "TENTATIVE" and str(projected["TRANSP"]) == "TRANSPARENT"
    assert str(projected["SUMMARY"]) == "Senior Officials Committee (projected)"
    assert "Reason: at least twice a year" in str(projected["DESCRIPTION"]) and "Rule source: CICA brochure" in str(projected["DESCRIPTION"])
    postponed = evs["cica-soc-regular-2026-05-20@planner"]
    assert str(postponed["STATUS"]) == "TENTATIVE" and "Postponed" in str(postponed["DESCRIPTION"])


def test_categories_never_empty(tmp_path: Path) -> None:
    """CATEGORIES holds body name, category and kind; never an empty line."""
    export(tmp_path)
    text = (tmp_path / "all.ics").read_bytes().decode()
    assert "\r\nCATEGORIES:\r\n" not in text
    ev = events(tmp_path / "all.ics")["cica-summit-6@planner"]
    assert ev["CATEGORIES"].cats == ["Summit", "governing", "regular"]


def test_sequence_rises_when_a_projected_meeting_moves(tmp_path: Path) -> None:
    """Two exports into one folder: the moved meeting gets SEQUENCE 1 and a new LAST-MODIFIED."""
    export(tmp_path)
    later = datetime(2026, 4, 1, tzinfo=UTC)
    export(tmp_path, meetings(projected_day=date(2026, 12, 8)), stamp=later)
    evs = events(tmp_path / "all.ics")
    moved = evs["cica-soc-projected-2026-2@planner"]
    assert moved["SEQUENCE"] == 1 and moved["LAST-MODIFIED"].dt == later and moved["DTSTART"].dt == date(2026, 12, 8)
    kept = evs["cica-summit-6@planner"]
    assert kept["SEQUENCE"] == 0 and kept["LAST-MODIFIED"].dt == STAMP and kept["DTSTAMP"].dt == later


def test_cancelled_meeting_is_kept_after_cancellation(tmp_path: Path) -> None:
    """A meeting cancelled between exports stays in the feed, CANCELLED, with SEQUENCE raised."""
    items = meetings()
    export(tmp_path, items)
    items[4] = items[4].model_copy(update={"status": Status.CANCELLED})
    export(tmp_path, items)
    ev = events(tmp_path / "soc.ics")["cica-soc-regular-2026-05-20@planner"]
    assert str(ev["STATUS"]) == "CANCELLED" and ev["SEQUENCE"] == 1


@pytest.mark.parametrize("damage", ["{not json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": 1e400, "last_modified": "2026-01-01T00:00:00+00:00"}}}', "[" * 100000, '{"events": 3}'])
def test_damaged_state_file_is_reported_and_ignored(tmp_path: Path, damage: str) -> None:
    """The state file is planner's own memory: damaged, it is named in a warning and the
    export goes on with SEQUENCE numbers from 0 (and a good state file written)."""
    (tmp_path / STATE_FILE).write_text(damage, encoding="utf-8")
    warnings: list[str] = []
    write_feeds(book(), meetings(), tmp_path, STAMP, warn=warnings.append)
    assert len(warnings) == 1 and STATE_FILE in warnings[0] and "ignored" in warnings[0]
    assert json.loads((tmp_path / STATE_FILE).read_text())["events"]


def test_body_without_meetings_still_gets_a_valid_feed(tmp_path: Path) -> None:
    """RFC 5545 needs one component: an empty feed carries the organization's VTIMEZONE,
    built past icalendar's default end of 2038."""
    from ical.calendar_stream import IcsCalendarStream

    export(tmp_path, [m for m in meetings() if m.body != "youth"])
    cal = Calendar.from_ical(tmp_path / "youth.ics")
    cal.validate()
    assert not cal.walk("VEVENT") and [tz.tz_name for tz in cal.timezones] == ["Asia/Almaty"]
    assert "2038" not in (tmp_path / "youth.ics").read_text(encoding="utf-8")
    IcsCalendarStream.calendar_from_ics((tmp_path / "youth.ics").read_text(encoding="utf-8"))


def test_index_escapes_titles_and_links_feeds(tmp_path: Path) -> None:
    """A title <script> stays text; https and webcal links from base_url."""
    export(tmp_path, base_url="https://example.org/feeds/")
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Youth Forum" in page
    assert 'href="https://example.org/feeds/soc.ics"' in page and 'href="webcal://example.org/feeds/all.ics"' in page
    assert "7th Summit (date not fixed: October 2026)" in page
    assert "6th Summit" not in page  # held in 2022: not coming


def test_index_links_are_relative_without_base_url(tmp_path: Path) -> None:
    export(tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="summit.ics"' in page and "webcal:" not in page


def test_ordinal_words() -> None:
    assert [ordinal_words(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


def _khal() -> list[str]:
    try:
        import khal  # noqa: F401
    except ImportError:
        pytest.skip("khal is not installed")
    script = Path(sys.executable).with_name("khal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "khal"]


def khal_session(tmp_path: Path):
    """A khal with a temporary configuration and one calendar, as a function running khal."""
    khal = _khal()
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[feeds]]\npath = {vdir}\ntype = calendar\n"
        "[locale]\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
        "longdatetimeformat = %Y-%m-%d %H:%M\ntimeformat = %H:%M\ndefault_timezone = UTC\nlocal_timezone = UTC\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}

    def run(*args: str) -> str:
        done = subprocess.run([*khal, "-c", str(config), *args], capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


def test_khal_shows_two_day_meeting_on_both_days_only(tmp_path: Path) -> None:
    """A real client: khal imports the feed; 12-13 Oct shows on 12 and 13, not on 14."""
    run = khal_session(tmp_path)
    export(tmp_path / "out")
    run("import", "--batch", "-a", "feeds", str(tmp_path / "out" / "summit.ics"))
    assert "6th Summit" in run("list", "--once", "2022-10-12", "1d")
    assert "6th Summit" in run("list", "--once", "2022-10-13", "1d")
    assert "6th Summit" not in run("list", "--once", "2022-10-14", "1d")
    assert "7th Summit (date not fixed: October 2026)" in run("list", "--once", "2026-10-01", "1d")


def test_cli_ics_on_embedded_data_reads_in_khal(tmp_path: Path) -> None:
    """`planner ics --out DIR` on the CICA data: khal lists the 6th Summit on 12-13 Oct 2022, not the 14th."""
    from click.testing import CliRunner

    from planner.cli import main

    out = tmp_path / "feeds"
    result = CliRunner().invoke(main, ["ics", "--today", "2026-11-26", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert {"all.ics", "summit.ics", "soc.ics", "index.html"} <= {p.name for p in out.iterdir()}
    first = (out / "all.ics").read_bytes()
    assert CliRunner().invoke(main, ["ics", "--today", "2026-11-26", "--out", str(out)]).exit_code == 0
    assert (out / "all.ics").read_bytes() == first
    run = khal_session(tmp_path)
    run("import", "--batch", "-a", "feeds", str(out / "all.ics"))
    assert "6th Summit" in run("list", "--once", "2022-10-12", "1d")
    assert "6th Summit" in run("list", "--once", "2022-10-13", "1d")
    assert "6th Summit" not in run("list", "--once", "2022-10-14", "1d")
    assert "8th Ministerial Council (projected)" in run("list", "--once", "2028-01-01", "365d")


def test_cli_ics_to_stdout_and_no_projected(tmp_path: Path) -> None:
    """--out - prints the combined calendar; --no-projected leaves the projection out."""
    from click.testing import CliRunner

    from planner.cli import main

    result = CliRunner().invoke(main, ["ics", "--today", "2026-11-26", "--out", "-", "--body", "summit", "--no-projected"])
    assert result.exit_code == 0
    cal = Calendar.from_ical(result.stdout)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert "6th Summit" in summaries and not [s for s in summaries if "projected" in s]
