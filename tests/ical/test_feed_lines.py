"""The feeds' own content-line writer against icalendar: the same bytes for every meeting of the
examples, text that survives the trip through icalendar's parser, and feed folders that
icalendar and recurring-ical-events read back event for event. Also the streamed state file."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar, Event

from planner.core.dates import PartialDate
from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import embedded_path, load_rulebook
from planner.outputs.calendar.folder.feeds import write_feeds
from planner.outputs.calendar.folder.state import read_state
from planner.outputs.calendar.ical import STATE_FILE, FeedBuilder
from planner.outputs.calendar.lines import fold
from planner.outputs.calendar.revisions import Revision, meeting_repr

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
STAMP = datetime(2026, 12, 1, tzinfo=UTC)
CASES = ["cica", *sorted(p.stem for p in EXAMPLES.glob("*.toml") if (EXAMPLES / f"{p.stem}-meetings.csv").exists())]


def example(name: str) -> tuple[RuleBook, list[Meeting]]:
    if name == "cica":
        book = load_rulebook(embedded_path("cica.toml"))
        return book, list(load_meetings(embedded_path("cica-meetings.csv"), book))
    book = load_rulebook(EXAMPLES / f"{name}.toml")
    return book, list(load_meetings(EXAMPLES / f"{name}-meetings.csv", book))


@pytest.mark.parametrize("name", CASES)
def test_every_event_of_the_examples_is_the_bytes_icalendar_writes(name: str) -> None:
    book, meetings = example(name)
    revisions = {}
    builder = FeedBuilder(book, STAMP)
    for i, (_meeting, uid) in enumerate(builder.build(meetings)):
        revisions[uid] = Revision("", i % 3, datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    builder.revisions = revisions
    for meeting, uid in builder.build(meetings):
        assert meeting_repr(meeting) == repr(tuple(meeting))  # content prints stay those of earlier exports
        rev = revisions[uid]
        assert builder.event_text(meeting, uid, rev.sequence, rev.last_modified).encode() == builder.event(meeting, uid).to_ical()


AWKWARD = [
    "a,b;c\\d",
    "line one\nline two\r\nline three\rline four",
    "Türkiye, Côte d'Ivoire, 中华人民共和国 外交部 " * 4,
    "x" * 73 + "\\" + "y" * 80,  # a backslash where a fold would fall
    "x" * 72 + ",;" + "z" * 90,  # an escape across the fold point
    "é" * 37 + "\\n" + "😀" * 30,
    "ends with a backslash \\",
    "^ caret ^ " * 20,
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_is_folded_as_icalendar_folds_and_reads_back_whole(text: str) -> None:
    builder = FeedBuilder(load_rulebook(EXAMPLES / "treaty-body.toml"), STAMP)
    meeting = Meeting(body="plenary", kind=Kind.SPECIAL, start=PartialDate.of(date(2027, 2, 3)), status=Status.PLANNED, title=text, city=text, source=text)
    written = builder.event_text(meeting, "u@planner").encode()
    assert written == builder.event(meeting, "u@planner").to_ical()
    assert all(len(line) <= 75 for line in written.split(b"\r\n"))
    event = Event.from_ical(written)
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["LOCATION"]) == expected
    assert str(event["DESCRIPTION"]).startswith(f"{expected}\nStatus: planned")


def test_a_literal_backslash_n_stays_text() -> None:
    """icalendar's writer turns a literal ``\\N`` into a line break; ours keeps the text."""
    assert fold("X:" + "\\\\N") == "X:\\\\N\r\n"


def properties(event: Event) -> list[tuple[str, bytes]]:
    """Every property as parsed, in its order, by its value's type and serialization."""
    return [(name, value if isinstance(value, bytes) else type(value).__name__.encode() + b" " + value.to_ical()) for name, value in event.property_items()]


@pytest.mark.parametrize("name", ["cica", "eu-commission", "treaty-body"])
def test_a_feed_folder_reads_back_event_for_event(name: str, tmp_path: Path) -> None:
    book, meetings = example(name)
    builder = FeedBuilder(book, STAMP)
    want = {uid: Event.from_ical(builder.event(meeting, uid).to_ical()) for meeting, uid in builder.build(meetings)}
    write_feeds(book, meetings, tmp_path, STAMP)
    combined = Calendar.from_ical((tmp_path / "all.ics").read_bytes())
    got = {str(ev["UID"]): ev for ev in combined.walk("VEVENT")}
    assert got.keys() == want.keys()
    for uid, event in want.items():
        assert properties(got[uid]) == properties(event), uid
    per_body = [ev for body in book.bodies for ev in Calendar.from_ical((tmp_path / f"{body.id}.ics").read_bytes()).walk("VEVENT")]
    assert sorted(str(ev["UID"]) for ev in per_body) == sorted(want)
    shown = recurring_ical_events.of(combined).between(date(1900, 1, 1), date(2200, 1, 1))
    assert len(shown) == len(want)


def test_state_file_is_one_event_a_line_and_reads_back(tmp_path: Path) -> None:
    book, meetings = example("eu-commission")
    write_feeds(book, meetings, tmp_path, STAMP)
    text = (tmp_path / STATE_FILE).read_text()
    lines = text.splitlines()
    assert lines[0] == '{"version": 4, "events": {' and lines[-1] == "}}"
    assert len(lines) == len(meetings) + 2
    whole = json.loads(text)["events"]
    lazily = read_state(tmp_path / STATE_FILE)
    assert whole.keys() == lazily.keys()
    uid, entry = next(iter(whole.items()))
    assert lazily[uid].fingerprint == entry["fingerprint"] and lazily[uid].sequence == entry["sequence"]


@pytest.mark.parametrize("damage", ["truncate", "bad-line", "after-end", "far-stamp"])
def test_a_damaged_streamed_state_file_is_a_warning(damage: str, tmp_path: Path) -> None:
    # far-stamp: a LAST-MODIFIED no export wrote (--today stops at 2999) was carried into the feeds
    book, meetings = example("eu-commission")
    write_feeds(book, meetings, tmp_path, STAMP)
    path = tmp_path / STATE_FILE
    data = path.read_bytes()
    far = re.sub(rb'"last_modified":"[^"]*"', b'"last_modified":"9999-12-31T23:59:59+00:00"', data, count=1)
    path.write_bytes({"truncate": data[: len(data) // 2], "bad-line": data.replace(b'"sequence":0', b'"sequence":1e400', 1), "after-end": data + b"{}\n", "far-stamp": far}[damage])
    with pytest.raises(ValueError):
        read_state(path)
    warnings: list[str] = []
    write_feeds(book, meetings, tmp_path, STAMP, warn=warnings.append)
    assert len(warnings) == 1 and "damaged" in warnings[0]
    assert len(read_state(path)) == len(meetings)


@pytest.mark.parametrize("empty", [False, True])
@pytest.mark.parametrize("source", [None, "", "https://example.org/cica/summit.ics", "https://example.org/" + "x" * 60 + ".ics", "https://example.org/a,b;c.ics", "webcal://example.org/ü.ics"])
@pytest.mark.parametrize(
    "name",
    ["Summit", "Body 00038 at least quarter", "x" * 56, "x" * 57, "x" * 70, "Heads of State, Government", "A; B", 'The "Board"', "Back\\slash", "Türkiye", "tab\there", ""],
)
def test_a_feed_head_is_what_icalendar_writes(name: str, source: str | None, empty: bool) -> None:
    """The head of a feed from the form made once (plain values) or from icalendar (the rest):
    the same bytes as icalendar writes for them, and a calendar icalendar reads back."""
    from planner.outputs.calendar.lines import END, Heads, written

    heads = Heads("Asia/Almaty")
    for caption in (f"Meetings of the {name} (CICA)", "All meetings"):
        head = heads.head(name, caption, source, empty)
        assert head == written(name, caption, source, heads.zone() if empty else b"")
        assert heads.head(name, caption, source, empty) == head  # made again from the kept form
        if empty:
            assert Calendar.from_ical(head + END).get("X-WR-CALNAME") == name
