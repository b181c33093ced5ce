"""An export that gives what the last one gave takes the last export's events from its files
(:mod:`planner.outputs.calendar.folder.reuse`): every file byte for byte what making every event again
writes, whatever happened to the folder in between. Each case runs twice, in a folder that
records and reuses (from one event on) and in one that never does, the same steps in each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.core.model import Meeting, RuleBook
from planner.outputs.calendar.folder import feeds, record, reuse
from planner.outputs.calendar.folder.feeds import write_feeds
from planner.outputs.calendar.folder.record import REUSE_FILE
from planner.outputs.calendar.ical import STATE_FILE
from tests.ical.test_feed_lines import CASES, STAMP, example

LATER = datetime(2026, 12, 15, 6, 30, tzinfo=UTC)  # a later day on which no plan of the examples lapses


@dataclass
class Pair:
    """Two folders taking the same steps: ``reusing`` records and reuses, ``making`` makes
    every event each time. ``reused``: whether each export into ``reusing`` took the last
    events."""

    root: Path
    monkeypatch: pytest.MonkeyPatch
    reused: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        build = reuse.Reused.build
        self.monkeypatch.setattr(reuse.Reused, "build", lambda made: self.reused.append(result := build(made)) or result)

    def export(self, book: RuleBook, meetings: list[Meeting], stamp: datetime = STAMP, **options: object) -> None:
        for name, start, workers in FOLDERS:
            self.monkeypatch.setattr(feeds, "REUSE_FROM", start)
            before = len(self.reused)
            write_feeds(book, meetings, self.root / name, stamp, workers=workers, **options)  # type: ignore[arg-type]
            if name == "reusing":
                taken = self.reused[before:]
            else:
                assert name == "making" or self.reused[before:] == taken  # forked: reused when one process reuses
                del self.reused[before:]

    def edit(self, name: str, change: Callable[[bytes], bytes], folders: tuple[str, ...] = ("reusing", "making", "forked2", "forked3")) -> None:
        for folder in folders:
            path = self.root / folder / name
            path.write_bytes(change(path.read_bytes()))

    def files(self, folder: str, record: bool = False) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((self.root / folder).iterdir()) if record or p.name != REUSE_FILE}

    def same(self) -> None:
        made, taken = self.files("making"), self.files("reusing")
        assert made.keys() == taken.keys()
        for name in made:
            assert taken[name] == made[name], name
        taken = self.files("reusing", record=True)
        for folder in ("forked2", "forked3"):  # events made by 2 and 3 processes: the same bytes, the record too
            assert self.files(folder, record=True) == taken, folder


# Each export goes to four folders: one that records and reuses, one that never does (both
# with the events made by one process: the cases are below FORK_FROM), and two that record
# and reuse with the events made by 2 and 3 processes (planner/outputs/calendar/folder/forked.py).
FOLDERS = (("reusing", 0, None), ("making", 10**9, None), ("forked2", 0, 2), ("forked3", 0, 3))


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pair:
    return Pair(tmp_path, monkeypatch)


@pytest.mark.parametrize("name", CASES)
def test_an_export_of_the_same_register_gives_the_bytes_made_again(pair: Pair, name: str) -> None:
    """Again with the same stamp, then a later one (each DTSTAMP moves, nothing else)."""
    book, meetings = example(name)
    pair.export(book, meetings)
    inodes = {name: (pair.root / "reusing" / name).stat().st_ino for name in ("all.ics", STATE_FILE)}
    pair.export(book, meetings)
    pair.same()
    assert inodes == {name: (pair.root / "reusing" / name).stat().st_ino for name in inodes}  # the same bytes: the old files kept, not written
    pair.export(book, meetings, LATER)
    assert pair.reused == [True, True]
    pair.same()
    assert (pair.root / "reusing" / "all.ics").stat().st_ino != inodes["all.ics"]
    assert b"DTSTAMP:20261215T063000Z" in (pair.root / "reusing" / "all.ics").read_bytes()


def test_a_later_day_on_which_a_plan_lapses_makes_its_events_again(pair: Pair) -> None:
    """CICA's 9th Business Council, planned for 2026, is unconfirmed from 2027: its event
    turns TENTATIVE, so the last export's events are not taken (they would keep it CONFIRMED)."""
    book, meetings = example("cica")
    pair.export(book, meetings)
    pair.export(book, meetings, datetime(2027, 1, 15, 6, 30, tzinfo=UTC))
    assert pair.reused == []  # not taken: made again
    pair.same()
    assert b"SUMMARY:9th CICA Business Council (unconfirmed) (date not fixed: 2026)" in (pair.root / "reusing" / "business_council.ics").read_bytes()


@pytest.mark.parametrize("batch", [1, 2, 64])
def test_the_prints_do_not_hang_on_how_many_meetings_are_read_together(pair: Pair, monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    """A body's print is of its texts, however many are hashed at once (a body of exactly as
    many meetings as a batch once read as another print)."""
    monkeypatch.setattr(record, "_HELD", batch)
    book, meetings = example("cica")
    pair.export(book, meetings)
    pair.export(book, meetings, LATER)
    assert pair.reused == [True]
    pair.same()


def test_a_changed_meeting_makes_the_events_again(pair: Pair) -> None:
    """A meeting's city changed: its SEQUENCE rises, as when every event is made."""
    book, meetings = example("cica")
    pair.export(book, meetings)
    changed = [m.model_copy(update={"city": "Baku"}) if i == 5 else m for i, m in enumerate(meetings)]
    pair.export(book, changed, LATER)
    pair.export(book, changed, LATER)
    assert pair.reused == [True]  # the third export only: the second gave another event
    pair.same()
    assert b"SEQUENCE:1\r\n" in (pair.root / "reusing" / "all.ics").read_bytes()


def test_a_shrunk_register_keeps_its_tombstones(pair: Pair) -> None:
    """Half the meetings gone: the next exports of the half show them as CANCELLED (their
    entries follow the events' in the state file) until they age out."""
    book, meetings = example("cica")
    pair.export(book, meetings)
    pair.export(book, meetings[::2], datetime(2026, 12, 2, tzinfo=UTC))
    pair.export(book, meetings[::2], LATER)
    pair.same()
    assert b"STATUS:CANCELLED" in (pair.root / "reusing" / "all.ics").read_bytes()
    pair.export(book, meetings[::2], datetime(2026, 12, 20, tzinfo=UTC), keep_days=10)  # aged out (before 2027, when a plan of 2026 lapses)
    assert pair.reused == [True, True]
    pair.same()
    assert b"STATUS:CANCELLED" not in (pair.root / "reusing" / "all.ics").read_bytes()


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("all.ics", lambda data: data.replace(b"SEQUENCE:0\r\n", b"SEQUENCE:7\r\n", 1)),  # a feed edited by hand, of the same length
        ("summit.ics", lambda data: data.replace(b"SUMMARY:", b"SUMMARY:Edited ", 1)),
        ("summit.ics", lambda data: data[: len(data) // 2]),  # cut short
        (STATE_FILE, lambda data: data.replace(b'"sequence":0', b'"sequence":3', 1)),  # an entry edited
        (STATE_FILE, lambda data: data.replace(b'{"version": 4,', b'{"version": 3,', 1)),  # an older version
        (STATE_FILE, lambda data: data[:-10]),  # damaged
        (REUSE_FILE, lambda data: data[:100]),  # damaged record
        (REUSE_FILE, lambda data: data.replace(b'"stamp":"2026-12-01', b'"stamp":"2026-12-02', 1)),  # a record that does not match the files
    ],
)
def test_a_folder_changed_since_the_last_export_is_made_again(pair: Pair, name: str, change: Callable[[bytes], bytes]) -> None:
    """A file that no longer holds what the record says: every event made again, the same
    bytes as where none was recorded (the record edited in both folders: in ``making`` it is
    made again below)."""
    book, meetings = example("cica")
    pair.export(book, meetings)
    if name == REUSE_FILE:
        pair.edit(name, change, ("reusing", "forked2", "forked3"))
    else:
        pair.edit(name, change)
    pair.export(book, meetings, LATER)
    assert pair.reused in ([], [False])
    pair.same()
    pair.export(book, meetings, LATER)  # and recorded again
    assert pair.reused[-1] is True
    pair.same()


def test_an_export_of_some_bodies_between_two_of_all(pair: Pair) -> None:
    """``--body`` writes no record and changes the state file: the next export of all makes
    every event; the one after it reuses them."""
    book, meetings = example("cica")
    pair.export(book, meetings)
    pair.export(book, meetings[1:], LATER, bodies=["summit"])
    pair.export(book, meetings, LATER)
    pair.export(book, meetings, LATER)
    assert pair.reused == [False, True]
    pair.same()


def test_another_rule_book_or_base_url_makes_or_heads_again(pair: Pair) -> None:
    """A body renamed in the rule book: no reuse (its events show the name). Another
    ``--base-url``: the heads change, the events are taken."""
    book, meetings = example("cica")
    pair.export(book, meetings)
    pair.export(book, meetings, base_url="https://example.org/cica")
    renamed = book.model_copy(update={"bodies": tuple(b.model_copy(update={"name": b.name + " (renamed)"}) if b.id == "summit" else b for b in book.bodies)})
    pair.export(renamed, meetings)
    assert pair.reused == [True]
    pair.same()
