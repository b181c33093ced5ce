"""UIDs made without holding them all (:func:`repeats`, :func:`each_uid`): the same UIDs, the
same ``-2`` of a repeated identity and the same adoption as a dict of every UID gives, also
for bodies whose UIDs may meet (``a`` and ``a-special``, ``a b`` and ``a-b``)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.dates import PartialDate, Precision
from planner.core.model import Kind, Meeting, Status
from planner.outputs.calendar.folder.feeds import date_order
from planner.outputs.calendar.uids import UIDMaker, each_uid, event_uid, repeated, repeats
from tests.ical.test_feed_lines import example

BODIES = ["a", "a-special", "a b", "a-b", "a-b-regular", "b", "b-1", "c.d", "é", "é-x"]


def dict_uids(book, ordered: list[Meeting]) -> list[str]:  # noqa: ANN001
    """The UIDs as a dict of every UID made them before."""
    seen: dict[str, int] = {}
    out = []
    for meeting in ordered:
        uid = event_uid(book, meeting)
        seen[uid] = seen.get(uid, 0) + 1
        out.append(uid if seen[uid] == 1 else repeated(uid, seen[uid]))
    return out


DAYS = [PartialDate(date(2020, 1, day), date(2020, 1, day), Precision.DAY) for day in (1, 2, 3)] + [PartialDate.parse("2020-01"), PartialDate.parse("2020")]

meeting_strategy = st.builds(
    lambda body, kind, ordinal, day, key, mid: Meeting(body, DAYS[day - 1], kind, ordinal, status=Status.PROJECTED if key else Status.HELD, key=key, id=mid),
    st.sampled_from(BODIES),
    st.sampled_from([Kind.REGULAR, Kind.SPECIAL, Kind.INFORMAL]),
    st.one_of(st.none(), st.integers(1, 4), st.just(70000)),
    st.integers(1, len(DAYS)),
    st.sampled_from(["", "2020-1"]),
    st.sampled_from(["", "", "", "x"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(meeting_strategy, max_size=30), st.lists(st.text("ab-12@planner", max_size=16), max_size=6))
def test_uids_are_those_of_a_dict_of_every_uid(meetings: list[Meeting], extra: list[str]) -> None:
    book, _ = example("cica")
    ordered = date_order(meetings)
    want = dict_uids(book, ordered)
    assert [uid for _, uid in each_uid(book, ordered)] == want
    wanted = {*want[::2], *(f"cica-{u}" for u in extra), "cica-a-1-2@planner", "cica-b-70000@planner", "cica-a-01@planner"}
    assert repeats(UIDMaker(book), ordered, wanted)[1] == wanted & set(want)


def test_the_examples_uids_are_as_before() -> None:
    book, meetings = example("cica")
    ordered = date_order(meetings + meetings[:5])  # five identities twice
    assert [uid for _, uid in each_uid(book, ordered)] == dict_uids(book, ordered)
    assert sum("-2@" in uid for _, uid in each_uid(book, ordered)) >= 5


def test_a_uid_made_of_pieces_is_that_of_event_uid() -> None:
    """:class:`UIDMaker` makes a UID of safe pieces made once (the body's, the kind's, the first
    day's): the UID :func:`event_uid` makes of the whole, for every identity (an id, an ordinal
    of any kind, a projection key, a kind and a day, a month or a year) and a body of any script."""
    book, meetings = example("cica")
    make = UIDMaker(book)
    cases = [m._replace(body=body) for m in meetings for body in (m.body, "é x", "a;b")]
    cases += [Meeting("summit", day, kind, ordinal, key=key, id=mid) for day in DAYS for kind in Kind for ordinal in (None, 3) for key in ("", "2020-1") for mid in ("", "x y")]
    assert any(m.ordinal is None and not m.key and not m.id for m in cases)
    assert [make(m) for m in cases] == [make(m) for m in cases] == [event_uid(book, m) for m in cases]
