"""Feeds that never leave orphans: tombstones, UIDs that survive corrections, SEQUENCE and
LAST-MODIFIED that never go backwards, even without the state file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from planner.cli import main
from planner.core.dates import PartialDate
from planner.core.model import Meeting, Status
from planner.inputs.ics.register_ics import read_ics_meetings
from planner.outputs.calendar.folder.feeds import write_feeds
from planner.outputs.calendar.ical import STATE_FILE
from tests.ical.test_ical import FEEDS, book, meetings

STAMP = datetime(2026, 3, 1, tzinfo=UTC)
LATER = datetime(2026, 4, 1, tzinfo=UTC)


def export(out: Path, items: list[Meeting], stamp: datetime = STAMP, **kwargs) -> list[str]:
    warnings: list[str] = []
    write_feeds(book(), items, out, stamp, warn=warnings.append, **kwargs)
    return warnings


def events(path: Path) -> dict[str, Calendar]:
    return {str(ev["UID"]): ev for ev in Calendar.from_ical(path).walk("VEVENT")}


def without(items: list[Meeting], body: str) -> list[Meeting]:
    return [m for m in items if m.body != body]


def test_meeting_that_left_stays_cancelled_for_90_days(tmp_path: Path) -> None:
    """The Youth Forum leaves the register: it stays in youth.ics and all.ics as CANCELLED with
    SEQUENCE 1 for 90 days, the same bytes at every export, then it is gone."""
    export(tmp_path, meetings())
    export(tmp_path, without(meetings(), "youth"), LATER)
    for feed in ("youth.ics", "all.ics"):
        ev = events(tmp_path / feed)["cica-youth-regular-2026-12-01@planner"]
        assert (str(ev["STATUS"]), ev["SEQUENCE"], str(ev["SUMMARY"])) == ("CANCELLED", 1, "Youth Council (removed)")
        assert ev["LAST-MODIFIED"].dt == LATER and str(ev["X-PLANNER-REMOVED"]) == "2026-04-01"
    first = (tmp_path / "youth.ics").read_bytes()
    export(tmp_path, without(meetings(), "youth"), LATER)
    assert (tmp_path / "youth.ics").read_bytes() == first
    export(tmp_path, without(meetings(), "youth"), LATER + timedelta(days=90))
    assert "cica-youth-regular-2026-12-01@planner" in events(tmp_path / "all.ics")
    export(tmp_path, without(meetings(), "youth"), LATER + timedelta(days=91))
    assert "cica-youth-regular-2026-12-01@planner" not in events(tmp_path / "all.ics")
    assert not events(tmp_path / "youth.ics")


def test_keep_days_is_configurable(tmp_path: Path) -> None:
    export(tmp_path, meetings())
    export(tmp_path, without(meetings(), "youth"), LATER, keep_days=0)
    assert "cica-youth-regular-2026-12-01@planner" in events(tmp_path / "all.ics")
    export(tmp_path, without(meetings(), "youth"), LATER + timedelta(days=1), keep_days=0)
    assert "cica-youth-regular-2026-12-01@planner" not in events(tmp_path / "all.ics")


def test_a_feed_read_back_as_a_register_skips_tombstones(tmp_path: Path) -> None:
    export(tmp_path, meetings())
    export(tmp_path, without(meetings(), "youth"), LATER)
    back = read_ics_meetings(tmp_path / "all.ics", book(), today=date(2026, 4, 1))
    assert len(back) == len(meetings()) - 1 and "youth" not in {m.body for m in back}


def test_corrected_date_keeps_the_uid(tmp_path: Path) -> None:
    """An un-numbered SOC meeting moved from 20 to 27 May keeps its UID: updated, SEQUENCE 1,
    and no tombstone beside it."""
    items = meetings()
    export(tmp_path, items)
    moved = [m.model_copy(update={"start": PartialDate.of(date(2026, 5, 27))}) if m.start == PartialDate.of(date(2026, 5, 20)) else m for m in items]
    export(tmp_path, moved, LATER)
    soc = events(tmp_path / "soc.ics")
    ev = soc["cica-soc-regular-2026-05-20@planner"]
    assert ev["DTSTART"].dt == date(2026, 5, 27) and ev["SEQUENCE"] == 1
    assert not [e for e in soc.values() if str(e["STATUS"]) == "CANCELLED" and "X-PLANNER-REMOVED" in e]
    export(tmp_path, moved, LATER)
    assert events(tmp_path / "soc.ics")["cica-soc-regular-2026-05-20@planner"]["SEQUENCE"] == 1


def test_projected_meeting_that_is_recorded_keeps_the_uid(tmp_path: Path) -> None:
    """The projected SOC of November becomes a planned meeting on 12 November: same UID."""
    items = meetings()
    export(tmp_path, items)
    projected = next(m for m in items if m.status is Status.PROJECTED)
    recorded = Meeting(body="soc", start=PartialDate.of(date(2026, 11, 12)), status=Status.PLANNED, city="Baku", country="Azerbaijan")
    export(tmp_path, [recorded if m is projected else m for m in items], LATER)
    soc = events(tmp_path / "soc.ics")
    ev = soc["cica-soc-projected-2026-2@planner"]
    assert (ev["DTSTART"].dt, str(ev["STATUS"]), ev["SEQUENCE"]) == (date(2026, 11, 12), "CONFIRMED", 1)
    assert "cica-soc-regular-2026-11-12@planner" not in soc


def test_new_description_moves_last_modified_not_sequence(tmp_path: Path) -> None:
    items = meetings()
    export(tmp_path, items)
    retitled = [m.model_copy(update={"title": "Astana Declaration adopted"}) if m.ordinal == 6 else m for m in items]
    export(tmp_path, retitled, LATER)
    ev = events(tmp_path / "summit.ics")["cica-summit-6@planner"]
    assert ev["SEQUENCE"] == 0 and ev["LAST-MODIFIED"].dt == LATER
    assert events(tmp_path / "summit.ics")["cica-summit-7@planner"]["LAST-MODIFIED"].dt == STAMP


def test_without_the_state_file_sequence_comes_from_the_feeds(tmp_path: Path) -> None:
    """The state file is lost after a change: SEQUENCE continues from the feeds being replaced
    (1, not 0), LAST-MODIFIED is kept, and one warning says so."""
    items = meetings()
    export(tmp_path, items)
    moved = [m.model_copy(update={"city": "Bishkek", "country": "Kyrgyzstan"}) if m.ordinal == 7 else m for m in items]
    export(tmp_path, moved, LATER)
    (tmp_path / STATE_FILE).unlink()
    warnings = export(tmp_path, moved, LATER + timedelta(days=1))
    ev = events(tmp_path / "summit.ics")["cica-summit-7@planner"]
    assert ev["SEQUENCE"] == 1 and ev["LAST-MODIFIED"].dt == LATER
    assert len(warnings) == 1 and "missing" in warnings[0] and "taken from the feeds" in warnings[0]
    (tmp_path / STATE_FILE).unlink()
    export(tmp_path, items, LATER + timedelta(days=2))
    assert events(tmp_path / "summit.ics")["cica-summit-7@planner"]["SEQUENCE"] == 2


def test_tombstone_survives_a_lost_state_file(tmp_path: Path) -> None:
    export(tmp_path, meetings())
    export(tmp_path, without(meetings(), "youth"), LATER)
    (tmp_path / STATE_FILE).unlink()
    export(tmp_path, without(meetings(), "youth"), LATER + timedelta(days=1))
    ev = events(tmp_path / "youth.ics")["cica-youth-regular-2026-12-01@planner"]
    assert (str(ev["STATUS"]), ev["SEQUENCE"], str(ev["SUMMARY"])) == ("CANCELLED", 1, "Youth Council (removed)")


def test_state_file_of_version_1_is_still_read(tmp_path: Path) -> None:
    """An older state file (fingerprint, sequence, last_modified) keeps its SEQUENCE numbers."""
    export(tmp_path, meetings())
    state = json.loads((tmp_path / STATE_FILE).read_text())
    old = {uid: {k: v[k] for k in ("fingerprint", "sequence", "last_modified")} | {"sequence": 4} for uid, v in state["events"].items()}
    (tmp_path / STATE_FILE).write_text(json.dumps({"version": 1, "events": old}))
    assert export(tmp_path, meetings()) == []
    assert {ev["SEQUENCE"] for ev in events(tmp_path / "all.ics").values()} == {4}


def run_ics(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    register = tmp_path / "register.csv"
    register.write_text("body,ordinal,start,end,status,city,country\nsummit,6,2022-10-12,2022-10-13,held,Astana,Kazakhstan\nsoc,,2025-05-20,,held,Astana,Kazakhstan\nyouth,,2025-12-01,,held,Baku,Azerbaijan\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ics", "--rules", str(FEEDS / "rulebook.toml"), "--meetings", str(register), "--today", "2026-03-01", "--no-projected", *args])
    return result.exit_code, result.stdout, result.stderr


def test_one_body_into_a_full_folder_leaves_the_other_feeds(tmp_path: Path) -> None:
    """`--body summit` rewrites summit.ics only: the other feeds, all.ics and index.html keep
    their bytes, and the other bodies' meetings are not taken for removed."""
    out = tmp_path / "feeds"
    assert run_ics(tmp_path, "--out", str(out))[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != STATE_FILE}
    code, _, err = run_ics(tmp_path, "--out", str(out), "--body", "summit")
    assert code == 0 and "summit.ics" in err
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != STATE_FILE}
    assert {n for n in after if after[n] != before[n]} <= {"summit.ics"}
    code, _, _ = run_ics(tmp_path, "--out", str(out))
    assert not [e for e in events(out / "all.ics").values() if "X-PLANNER-REMOVED" in e]


def test_stdout_export_warns_that_it_keeps_no_state(tmp_path: Path) -> None:
    code, out, err = run_ics(tmp_path, "--out", "-")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR")
    assert err.count("warning:") == 1 and "keeps no state" in err


def test_base_url_gives_each_feed_its_url_and_source(tmp_path: Path) -> None:
    """RFC 7986 URL and SOURCE: where each calendar is served, so a client can refresh it."""
    out = tmp_path / "feeds"
    run_ics(tmp_path, "--out", str(out), "--base-url", "https://example.org/cica/")
    cal = Calendar.from_ical((out / "summit.ics").read_bytes())
    assert str(cal["URL"]) == str(cal["SOURCE"]) == "https://example.org/cica/summit.ics"
    assert str(Calendar.from_ical((out / "all.ics").read_bytes())["SOURCE"]) == "https://example.org/cica/all.ics"
    cal.validate()


def test_register_id_gives_the_uid_whatever_the_date(tmp_path: Path) -> None:
    """An `id` column: the UID follows it (a JSON number too), and a new date updates the event."""
    from planner.inputs.register import load_meetings

    csv = tmp_path / "register.csv"
    csv.write_text("id,body,start,status\nspring-25,soc,2025-05-20,held\n", encoding="utf-8")
    (first,) = load_meetings(csv, book())
    assert first.id == "spring-25"
    export(tmp_path / "feeds", [first])
    assert list(events(tmp_path / "feeds" / "soc.ics")) == ["cica-soc-id-spring-25@planner"]
    csv.write_text("id,body,start,status\nspring-25,soc,2025-06-03,held\n", encoding="utf-8")
    export(tmp_path / "feeds", load_meetings(csv, book()), LATER)
    (ev,) = events(tmp_path / "feeds" / "soc.ics").values()
    assert (str(ev["UID"]), ev["DTSTART"].dt, ev["SEQUENCE"]) == ("cica-soc-id-spring-25@planner", date(2025, 6, 3), 1)
    js = tmp_path / "register.json"
    js.write_text('[{"id": 12, "body": "soc", "start": "2025-05-20"}]', encoding="utf-8")
    assert load_meetings(js, book())[0].identity() == "id-12"


def test_ics_uid_is_the_id_and_survives_a_round_trip(tmp_path: Path) -> None:
    """An Outlook event keeps its UID as id (each occurrence of a series with its day), and our
    feed carries it back in X-PLANNER-ID."""
    ics = Path(__file__).parent.parent / "registers" / "ics"
    found = read_ics_meetings(ics / "yearly_count3.ics", book(), today=date(2026, 3, 1))
    assert [m.id for m in found] == [f"040000008200E00074C5B7101A82E00800000000D0B8B3E4/{y}-09-12" for y in (2023, 2024, 2025)]
    export(tmp_path, found)
    back = read_ics_meetings(tmp_path / "all.ics", book(), today=date(2026, 3, 1))
    assert [m.id for m in back] == [m.id for m in found]
    assert len(set(events(tmp_path / "all.ics"))) == 3


def test_a_large_folder_without_its_state_file_is_scanned_not_parsed(tmp_path: Path, monkeypatch) -> None:
    """Past the read-back size, the feeds are scanned a line at a time (bounded work and
    memory): each event's UID, body, kind, days, summary, place and tombstone are what
    icalendar reads, and every SEQUENCE rises by one (its fingerprint is not known), never
    backwards; the removed Youth Council stays a tombstone."""
    from planner.outputs.calendar import readback

    items = meetings()
    export(tmp_path, items)
    export(tmp_path, without(items, "youth"), LATER)
    parsed = readback.revisions_from_feeds(tmp_path, book())
    monkeypatch.setattr(readback, "READBACK_BYTES", 0)
    scanned = readback.revisions_from_feeds(tmp_path, book())
    assert scanned.keys() == parsed.keys() and len(scanned) == 7
    fields = ("sequence", "last_modified", "body", "kind", "numbered", "start", "end", "summary", "location", "removed")
    assert {u: [getattr(r, f) for f in fields] for u, r in scanned.items()} == {u: [getattr(r, f) for f in fields] for u, r in parsed.items()}
    before = {u: ev["SEQUENCE"] for u, ev in events(tmp_path / "all.ics").items()}
    (tmp_path / STATE_FILE).unlink()
    warnings = export(tmp_path, without(items, "youth"), LATER + timedelta(days=1))
    after = events(tmp_path / "all.ics")
    youth = "cica-youth-regular-2026-12-01@planner"  # the tombstone stays as it was
    assert {u: ev["SEQUENCE"] for u, ev in after.items()} == {u: s + (u != youth) for u, s in before.items()}
    assert str(after[youth]["STATUS"]) == "CANCELLED" and after[youth]["SEQUENCE"] == 1
    assert len(warnings) == 1 and "taken from the feeds" in warnings[0]


@pytest.mark.parametrize("block", [1, 7, 75, 1 << 22])
def test_a_scanned_feed_reads_the_same_whatever_its_blocks(block: int, tmp_path: Path, monkeypatch) -> None:
    """The scan reads feeds some megabytes at a time: a line or a fold cut between two blocks
    (blocks of 1 to 75 bytes here), and ends of CR CR LF or LF, read as icalendar reads them."""
    from planner.outputs.calendar import readback

    export(tmp_path, meetings())
    parsed = readback.revisions_from_feeds(tmp_path, book())
    for feed in tmp_path.glob("*.ics"):
        feed.write_bytes(feed.read_bytes().replace(b"DTSTAMP:", b"DTSTAMP:\r\n ", 3).replace(b"UID:", b"UID:\r\r\n\t").replace(b"\r\nSEQUENCE", b"\nSEQUENCE"))
    monkeypatch.setattr(readback, "READBACK_BYTES", 0)
    monkeypatch.setattr(readback, "_READ", block)
    scanned = readback.revisions_from_feeds(tmp_path, book())
    fields = ("sequence", "last_modified", "body", "kind", "numbered", "start", "end", "summary", "location", "removed")
    assert len(scanned) == 7 and {u: [getattr(r, f) for f in fields] for u, r in scanned.items()} == {u: [getattr(r, f) for f in fields] for u, r in parsed.items()}


def test_a_scanned_feed_with_a_sequence_in_other_digits_skips_that_event(tmp_path: Path, monkeypatch) -> None:
    """A hand-edited feed's ``SEQUENCE:²`` (a digit to str.isdigit, not to int) is not a
    sequence: the scan leaves that event out instead of failing."""
    from planner.outputs.calendar import readback

    export(tmp_path, meetings())
    feed = tmp_path / "all.ics"
    text = feed.read_bytes()
    first = text.index(b"SEQUENCE:")
    feed.write_bytes(text[:first] + "SEQUENCE:\u00b2".encode() + text[text.index(b"\r\n", first) :])
    monkeypatch.setattr(readback, "READBACK_BYTES", 0)
    scanned = readback.revisions_from_feeds(tmp_path, book())
    assert len(scanned) == 7


def as_version_3(out: Path, items: list[Meeting]) -> None:
    """The state file of ``out`` as an export before version 4 wrote it: its head, and each
    content print of the older form (of the summary, description, category and the meeting's
    ``repr``), as a folder made before the upgrade holds it."""
    from planner.outputs.calendar.ical import FeedBuilder
    from planner.outputs.calendar.revisions import content_print, legacy_content_print

    builder = FeedBuilder(book(), STAMP)
    text = (out / STATE_FILE).read_text(encoding="ascii")
    assert text.startswith('{"version": 4,')
    text = text.replace('{"version": 4,', '{"version": 3,', 1)
    for meeting, _uid in builder.build(items):
        body = builder.bodies.get(meeting.body)
        new, old = content_print(body, meeting), legacy_content_print(body, meeting)
        assert new != old and text.count(f'"content":"{new}"') == 1
        text = text.replace(f'"content":"{new}"', f'"content":"{old}"')
    (out / STATE_FILE).write_text(text, encoding="ascii")


def test_a_folder_of_state_version_3_is_upgraded_without_moving_anything(tmp_path: Path) -> None:
    """The first export into a folder made before version 4 compares the last prints with
    prints of their own form: unchanged events keep SEQUENCE and LAST-MODIFIED, a new title
    moves only that event's LAST-MODIFIED, a new city only that event's SEQUENCE; the file is
    then of version 4, and the next export compares prints of the new form."""
    items = meetings()
    export(tmp_path, items)
    as_version_3(tmp_path, items)
    before = events(tmp_path / "all.ics")
    changed = [m.model_copy(update={"title": "Astana Declaration adopted"}) if m.ordinal == 6 else m.model_copy(update={"city": "Bishkek"}) if m.ordinal == 7 else m for m in items]
    assert export(tmp_path, changed, LATER) == []
    after = events(tmp_path / "all.ics")
    assert set(after) == set(before)
    moved = {uid for uid in after if after[uid]["SEQUENCE"] != before[uid]["SEQUENCE"]}
    touched = {uid for uid in after if after[uid]["LAST-MODIFIED"].dt != before[uid]["LAST-MODIFIED"].dt}
    assert moved == {"cica-summit-7@planner"} and touched == {"cica-summit-6@planner", "cica-summit-7@planner"}
    assert (tmp_path / STATE_FILE).read_text().startswith('{"version": 4,')
    assert export(tmp_path, changed, LATER + timedelta(days=1)) == []
    again = events(tmp_path / "all.ics")
    assert all((again[u]["SEQUENCE"], again[u]["LAST-MODIFIED"].dt) == (after[u]["SEQUENCE"], after[u]["LAST-MODIFIED"].dt) for u in after)


def test_one_body_into_a_folder_of_version_3_keeps_the_older_prints(tmp_path: Path) -> None:
    """``--body`` into a folder made before version 4 leaves the other bodies' prints as they
    were, so the file stays of version 3 (its own prints of that form too): a new title of
    another body seen by the next whole export still moves that event's LAST-MODIFIED."""
    items = meetings()
    export(tmp_path, items)
    as_version_3(tmp_path, items)
    export(tmp_path, items, LATER, bodies=["soc"])
    assert (tmp_path / STATE_FILE).read_text().startswith('{"version": 3,')
    retitled = [m.model_copy(update={"title": "Astana Declaration adopted"}) if m.ordinal == 6 else m for m in items]
    export(tmp_path, retitled, LATER + timedelta(days=1))
    after = events(tmp_path / "all.ics")
    touched = {uid for uid, ev in after.items() if ev["LAST-MODIFIED"].dt != STAMP}
    assert touched == {"cica-summit-6@planner"} and after["cica-summit-6@planner"]["SEQUENCE"] == 0


def test_tombstones_of_many_bodies_keep_their_order(tmp_path: Path) -> None:
    """When most of the register leaves, each body's feed shows its tombstones by date then
    UID, all.ics the same stretches a body after another, and the state file keeps the UIDs
    no longer given sorted (the order an export made them in memory, now written to disk)."""
    export(tmp_path, meetings())
    kept = [m for m in meetings() if m.body == "youth"]
    export(tmp_path, kept, LATER)

    def gone(feed: str) -> list[tuple[str, date, str]]:
        evs = Calendar.from_ical((tmp_path / feed).read_bytes()).walk("VEVENT")
        return [(str(e["X-PLANNER-BODY"]), e["DTSTART"].dt, str(e["UID"])) for e in evs if str(e["STATUS"]) == "CANCELLED" and "X-PLANNER-REMOVED" in e]

    combined = gone("all.ics")
    bodies = list(dict.fromkeys(b for b, _, _ in combined))
    assert len(bodies) >= 2 and "youth" not in bodies
    assert combined == [t for body in bodies for t in sorted(x for x in combined if x[0] == body)]
    for body in bodies:
        assert gone(f"{body}.ics") == [t for t in combined if t[0] == body]
    assert bodies == list(dict.fromkeys(b for b, _, _ in sorted(combined, key=lambda t: (t[1], t[2]))))
    state = json.loads((tmp_path / STATE_FILE).read_text())["events"]
    removed_uids = [uid for uid, entry in state.items() if entry.get("removed")]
    assert removed_uids == sorted(removed_uids) and set(removed_uids) == {u for _, _, u in combined}
