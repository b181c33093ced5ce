"""One event made once (:class:`EventMaker`): the same VEVENT bytes as ``FeedBuilder.event_text``
and the same state line as ``state_line`` of ``draft_fields``, with SEQUENCE and LAST-MODIFIED
as ``numbers`` decides them, for every meeting of the examples and for awkward text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from planner.core.dates import PartialDate, Precision
from planner.core.model import Kind, Meeting, MeetingFormat, Status
from planner.outputs.calendar.ical import FeedBuilder
from planner.outputs.calendar.making import EventMaker
from planner.outputs.calendar.revisions import Revision, draft_fields, numbers
from planner.outputs.calendar.state import state_line
from tests.test_feed_lines import AWKWARD, CASES, STAMP, example

EARLIER = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def olds(fingerprint: str, content: str) -> list[Revision | None]:
    """The previous revisions an event may meet: none, unchanged, new content, moved, removed."""
    same = Revision(fingerprint, 4, EARLIER, content)
    return [None, same, replace(same, content="0" * 16), replace(same, content=None), replace(same, fingerprint="moved"), replace(same, removed=date(2026, 1, 1))]


def expected(builder: FeedBuilder, meeting: Meeting, uid: str, old: Revision | None) -> tuple[bytes, bytes]:
    body = builder.bodies.get(meeting.body)
    new = draft_fields(body, meeting, builder.stamp)
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


def test_the_last_state_read_line_by_line_gives_what_the_whole_file_gives(tmp_path) -> None:
    """:func:`read_previous` (a line at a time, little kept in memory) against
    :func:`read_state` (the whole file): the same revision for each UID, each given once,
    the same adoption candidates, the same revisions left over (tombstones included)."""
    from planner.outputs.calendar.feeds import write_feeds
    from planner.outputs.calendar.ical import STATE_FILE
    from planner.outputs.calendar.previous import read_previous
    from planner.outputs.calendar.revisions import adoption_pool
    from planner.outputs.calendar.state import read_state

    book, meetings = example("cica")
    write_feeds(book, meetings, tmp_path, STAMP)
    write_feeds(book, meetings[::2], tmp_path, datetime(2026, 12, 2, tzinfo=UTC))  # half of them removed
    path = tmp_path / STATE_FILE
    whole = read_state(path)
    assert any(r.removed for r in whole.values()) and any(not r.numbered for r in whole.values())
    previous = read_previous(path)
    assert not previous.revisions  # read line by line, not whole
    assert previous.pool == adoption_pool(whole)
    uids = sorted(whole)
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
