"""One event made once (:class:`EventMaker`): the same VEVENT bytes as ``FeedBuilder.event_text``
and the same state line as ``state_line`` of ``draft_fields``, with SEQUENCE and LAST-MODIFIED
as ``numbers`` decides them, for every meeting of the examples and for awkward text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.dates import PartialDate, Precision
from planner.core.model import Kind, Meeting, MeetingFormat, Status
from planner.outputs.calendar.folder.state import state_line
from planner.outputs.calendar.ical import FeedBuilder, event_order
from planner.outputs.calendar.making import EventMaker
from planner.outputs.calendar.revisions import Revision, draft_fields, numbers
from tests.ical.test_feed_lines import AWKWARD, CASES, STAMP, example

EARLIER = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def olds(fingerprint: str, content: str) -> list[Revision | None]:
    """The previous revisions an event may meet: none, unchanged, new content, moved, removed."""
    same = Revision(fingerprint, 4, EARLIER, content)
    return [None, same, replace(same, content="0" * 16), replace(same, content=None), replace(same, fingerprint="moved"), replace(same, removed=date(2026, 1, 1))]


def expected(builder: FeedBuilder, meeting: Meeting, uid: str, old: Revision | None) -> tuple[bytes, bytes]:
    body = builder.bodies.get(meeting.body)
    new = draft_fields(body, meeting, builder.stamp, part_of=builder.part_of(meeting))
    sequence, modified = numbers(old, new.fingerprint, new.content, builder.stamp)
    return builder.event_text(meeting, uid, sequence, modified).encode(), (state_line(uid, new, sequence, modified) + "\n").encode()


@pytest.mark.parametrize("name", CASES)
def test_every_event_of_the_examples_is_made_as_before(name: str) -> None:
    book, meetings = example(name)
    builder = FeedBuilder(book, STAMP)
    maker = EventMaker(builder)
    for meeting, uid in builder.build(meetings):
        new = draft_fields(builder.bodies.get(meeting.body), meeting, builder.stamp)
        for old in olds(new.fingerprint, new.content or ""):
            assert maker.make(meeting, uid, old) == expected(builder, meeting, uid, old)


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_meetings_are_made_as_before(text: str) -> None:
    book, _ = example("treaty-body")
    builder = FeedBuilder(book, STAMP)
    maker = EventMaker(builder)
    month = PartialDate(date(2027, 2, 1), date(2027, 2, 28), Precision.MONTH)
    cases = [
        Meeting(body="plenary", kind=Kind.SPECIAL, start=PartialDate.of(date(2027, 2, 3)), status=Status.PLANNED, title=text, city=text, source=text),
        Meeting(body="plenary", start=month, end=PartialDate(date(2027, 3, 1), date(2027, 3, 31), Precision.MONTH), ordinal=12, country=text, cbm=text, id=text, documents=(text, "Act"), format=MeetingFormat.HYBRID, source="https://example.org/" + text.replace(" ", "")),
        Meeting(body="no-such-body", start=month, status=Status.PROJECTED, key="2027-1", reason=text, rule_source=text, customary=True),
        Meeting(body=text, start=PartialDate.of(date(2027, 2, 3)), end=PartialDate.of(date(2027, 2, 5)), status=Status.POSTPONED, kind=Kind.INFORMAL),
    ]
    for meeting in cases:
        uid = f"{text[:20]}@planner"
        new = draft_fields(builder.bodies.get(meeting.body), meeting, builder.stamp)
        for old in olds(new.fingerprint, new.content or ""):
            assert maker.make(meeting, uid, old) == expected(builder, meeting, uid, old)


@pytest.mark.parametrize("block", [1 << 22, 700, 1])
@pytest.mark.parametrize("order", ["sorted", "as written"])
def test_the_last_state_read_in_bulk_gives_what_the_whole_file_gives(tmp_path, monkeypatch: pytest.MonkeyPatch, block: int, order: str) -> None:
    """:func:`read_previous` (in blocks of lines, little kept in memory) against
    :func:`read_state` (the whole file): the same revision for each UID, each given once,
    whether asked in the order written (the next line tried first) or not (the table of
    hashes), with blocks of any size; the same adoption candidates, the same revisions left
    over (tombstones included)."""
    from planner.outputs.calendar.folder import previous as bulk
    from planner.outputs.calendar.folder.feeds import write_feeds
    from planner.outputs.calendar.folder.previous import read_previous
    from planner.outputs.calendar.folder.state import read_state
    from planner.outputs.calendar.ical import STATE_FILE
    from planner.outputs.calendar.revisions import adoption_pool

    monkeypatch.setattr(bulk, "_BLOCK", block)
    book, meetings = example("cica")
    write_feeds(book, meetings, tmp_path, STAMP)
    write_feeds(book, meetings[::2], tmp_path, datetime(2026, 12, 2, tzinfo=UTC))  # half of them removed
    path = tmp_path / STATE_FILE
    whole = read_state(path)
    assert any(r.removed for r in whole.values()) and any(not r.numbered for r in whole.values())
    previous = read_previous(path)
    assert not previous.revisions  # read in bulk, not whole
    assert previous.pool == adoption_pool(whole)
    uids = sorted(whole) if order == "sorted" else list(whole)
    for uid in uids[::2]:
        assert uid in previous
        got, want = previous.take(uid), whole[uid]
        assert (got.fingerprint, got.sequence, got.last_modified, got.content, got.removed) == (want.fingerprint, want.sequence, want.last_modified, want.content, want.removed)
        assert previous.take(uid) is None
    assert dict(previous.left()) == {uid: whole[uid] for uid in uids[1::2]}
    assert "cica-nothing-1@planner" not in previous
    previous.close()
    path.write_bytes(path.read_bytes().replace(b'"sequence":', b'"sequence": ', 1))  # valid JSON, not the writer's form
    again = read_previous(path)
    assert again.revisions == whole


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace(',"fingerprint"', ',"x":1,"fingerprint"', 1),  # a key the writer never writes
        lambda text: text.replace('"content":"', '"content":"0', 1),  # a print of another length
        lambda text: text.replace('"sequence":0', '"sequence":2147483648', 1),  # out of range
        lambda text: text.replace('"start":"2', '"start":"3', 1).replace('-01"', '-32"', 1),  # no such day
        lambda text: text.replace("\n}}", "}}", 1),  # an entry and the end on one line
        lambda text: text[: text.index("\n", 40) + 1] + text[40 : text.index("\n", 40) + 1] + text[text.index("\n", 40) + 1 :],  # a UID twice
        lambda text: text[: text.index("\n", 40) + 1] + text[text.index("\n") + 1 : text.index("\n", 40) + 1] + text[text.index("\n", 40) + 1 :],  # an entry twice
    ],
)
def test_a_state_file_not_in_the_writers_form_is_read_whole(tmp_path, edit) -> None:
    """Whatever the bulk reader does not know as the writer's own lines goes to
    :func:`read_state`, which reads it whole (or says what is damaged), as before."""
    from planner.outputs.calendar.folder.feeds import write_feeds
    from planner.outputs.calendar.folder.previous import read_previous
    from planner.outputs.calendar.folder.state import read_state
    from planner.outputs.calendar.ical import STATE_FILE

    book, meetings = example("cica")
    write_feeds(book, meetings, tmp_path, STAMP)
    path = tmp_path / STATE_FILE
    text = path.read_text(encoding="ascii")
    changed = edit(text)
    assert changed != text
    path.write_text(changed, encoding="ascii")
    try:
        whole = read_state(path)
    except (ValueError, KeyError, TypeError):
        whole = None
    try:
        previous = read_previous(path)
    except (ValueError, KeyError, TypeError):
        assert whole is None
    else:
        assert previous.revisions == whole


def test_entries_without_a_content_print_are_read_as_unknown(tmp_path) -> None:
    """An entry of an older export has no content print: taken as unknown (None), not as text."""
    from planner.outputs.calendar.folder.feeds import write_feeds
    from planner.outputs.calendar.folder.previous import read_previous
    from planner.outputs.calendar.folder.state import read_state
    from planner.outputs.calendar.ical import STATE_FILE

    book, meetings = example("cica")
    write_feeds(book, meetings, tmp_path, STAMP)
    path = tmp_path / STATE_FILE
    lines = path.read_text(encoding="ascii").split("\n")
    lines[1] = lines[1][: lines[1].index('"content"')] + lines[1][lines[1].index('"end"') :]
    path.write_text("\n".join(lines), encoding="ascii")
    whole = read_state(path)
    previous = read_previous(path)
    assert not previous.revisions
    for uid, want in whole.items():
        got = previous.take(uid)
        assert (got.fingerprint, got.sequence, got.last_modified, got.content, got.removed) == (want.fingerprint, want.sequence, want.last_modified, want.content, want.removed)
    assert sum(r.content is None for r in whole.values()) == 1
    previous.close()


@pytest.mark.parametrize("name", CASES)
def test_event_order_is_the_sort_key_then_status_key_and_city(name: str) -> None:
    """event_order writes Meeting.sort_key's fields out (a million calls in a large export):
    it must stay the sort key, then the status's value, the projection key and the city."""
    _, meetings = example(name)
    for meeting in [*meetings, meetings[0].model_copy(update={"key": "2030-1", "status": Status.PROJECTED, "end": None})]:
        assert event_order(meeting) == (*meeting.sort_key(), meeting.status.value, meeting.key, meeting.city)


@pytest.mark.parametrize("name", CASES)
def test_an_export_of_the_same_register_finds_the_last_state_in_turn(tmp_path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Exported again with nothing changed, every event finds its last revision at the line
    after the one before (adoption asks only about un-numbered meetings, and after the body's
    lines were found): the table of hashes is never asked, and every revision is taken."""
    from planner.outputs.calendar.folder.feeds import write_feeds
    from planner.outputs.calendar.folder.previous import Previous
    from planner.outputs.calendar.ical import STATE_FILE

    book, meetings = example(name)
    write_feeds(book, meetings, tmp_path, STAMP)
    first = (tmp_path / STATE_FILE).read_bytes()

    def no_table(self: Previous, quoted: str, code: bytes) -> int:
        raise AssertionError(f"the table of hashes was asked for {quoted}")

    monkeypatch.setattr(Previous, "_probe", no_table)
    every = Previous.left

    def left(self: Previous) -> Iterator[tuple[str, Revision]]:
        rest = list(every(self))
        assert not rest  # each revision was taken
        return iter(rest)

    monkeypatch.setattr(Previous, "left", left)
    write_feeds(book, meetings, tmp_path, STAMP)
    assert (tmp_path / STATE_FILE).read_bytes() == first


_TEXTS = [*AWKWARD, "", "Board", "4th Summit (removed)", " padded ", "x" * 120, "a:b;c,d", "Almaty, Kazakhstan"]


@settings(max_examples=300, deadline=None)
@given(
    summary=st.sampled_from(_TEXTS) | st.text(max_size=90),
    uid=st.sampled_from(["cica-summit-7@planner", "x" * 90 + "@planner", "é-1@planner"]) | st.text(min_size=1, max_size=80),
    location=st.sampled_from(_TEXTS) | st.text(max_size=40),
    body=st.sampled_from(["summit", "", "b-ü", "a,b"]),
    kind=st.sampled_from(["regular", "", "special"]),
    sequence=st.integers(0, 2**31 - 1),
    start=st.dates(date(1, 1, 1), date(9998, 12, 1)),
    end=st.none() | st.just(1) | st.integers(1, 400),
    removed=st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1)),
)
def test_a_tombstone_written_directly_is_what_icalendar_writes(summary: str, uid: str, location: str, body: str, kind: str, sequence: int, start: date, end: int | None, removed: date | None) -> None:
    """``tombstone_text`` (written line by line) gives the bytes of ``tombstone_event`` (through
    icalendar) for any summary, UID, place, body and kind, dated or not, removed or not."""
    from datetime import timedelta

    from planner.outputs.calendar.revisions import tombstone_event, tombstone_text

    rev = Revision("f" * 16, sequence, EARLIER, None, body, kind, False, start, None if end is None else start + timedelta(days=end), summary, location, removed)
    assert tombstone_text(uid, rev, STAMP) == tombstone_event(uid, rev, STAMP).to_ical()


def test_a_folder_whose_spools_cannot_be_linked_gets_the_same_bytes(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """all.ics and the state file are their spools, given a name by a hard link; where that
    fails (another file system, no /proc) their bytes are copied: the same folder either way,
    at a first export and again with half the meetings gone (tombstones)."""
    import os

    from planner.outputs import atomic
    from planner.outputs.calendar.folder.feeds import write_feeds

    book, meetings = example("cica")
    linked, copied = tmp_path / "linked", tmp_path / "copied"
    placed: list[bool] = []
    place = atomic.Spooled.place
    monkeypatch.setattr(atomic.Spooled, "place", lambda self, path: placed.append(place(self, path)) or placed[-1])
    write_feeds(book, meetings, linked, STAMP)
    write_feeds(book, meetings[::2], linked, datetime(2026, 12, 2, tzinfo=UTC))
    linked_spools = len(placed)  # all.ics, the state file and each feed with events, twice
    assert linked_spools >= 4 and (all(placed) or not os.path.isdir("/proc/self/fd"))  # linked on Linux

    def no_link(*_args: object, **_kwargs: object) -> None:
        raise OSError("no links here")

    monkeypatch.setattr(atomic.os, "link", no_link)
    write_feeds(book, meetings, copied, STAMP)
    write_feeds(book, meetings[::2], copied, datetime(2026, 12, 2, tzinfo=UTC))
    names = sorted(os.listdir(linked))
    assert names == sorted(os.listdir(copied)) and "all.ics" in names
    for name in names:
        assert (linked / name).read_bytes() == (copied / name).read_bytes(), name
    assert len(placed) == 2 * linked_spools and not any(placed[linked_spools:])  # copied


def test_feeds_from_one_shared_spool_are_the_feeds_of_a_spool_each(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each body's feed is a spool of its own where the process may hold a file open per body,
    else the stretches of one spool all bodies share: the same folder either way, at a first
    export, again with half the meetings gone (tombstones), and for some bodies only."""
    import os

    from planner.outputs.calendar.folder import events
    from planner.outputs.calendar.folder.feeds import write_feeds

    book, meetings = example("cica")
    own, shared = tmp_path / "own", tmp_path / "shared"
    spooled: list[str] = []  # the bodies whose feed was a spool of its own
    feed = events.FeedEvents.feed
    monkeypatch.setattr(events.FeedEvents, "feed", lambda self, body, gone: (made := feed(self, body, gone)) is not None and spooled.append(body) or made)
    some = sorted({m.body for m in meetings})[:2]
    for folder in (own, shared):
        if folder == shared:
            monkeypatch.setattr(events, "_spare_files", lambda: 0)
        write_feeds(book, meetings, folder, STAMP)
        write_feeds(book, meetings[::2], folder, datetime(2026, 12, 2, tzinfo=UTC))
        write_feeds(book, meetings[1::3], folder, datetime(2026, 12, 3, tzinfo=UTC), bodies=some)
        if folder == own:
            assert len(spooled) > 2 * len(some) and set(some) <= set(spooled)
            spooled.clear()
    assert not spooled
    names = sorted(os.listdir(own))
    assert names == sorted(os.listdir(shared)) and "all.ics" in names
    for name in names:
        assert (own / name).read_bytes() == (shared / name).read_bytes(), name
