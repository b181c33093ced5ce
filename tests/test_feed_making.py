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
