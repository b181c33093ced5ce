"""A feed folder's events made by several processes (planner/outputs/calendar/folder/forked.py):
the folder byte for byte what one process writes (tests/ical/test_feed_reuse.py runs its every case
with 2 and 3 processes too), whatever happens to a worker or to the process that writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.outputs.calendar import uids
from planner.outputs.calendar.folder import events, forked, order
from planner.outputs.calendar.folder.feeds import write_feeds
from tests.check.test_check_parallel import _alive
from tests.ical.test_feed_lines import STAMP, example
from tests.ical.test_feed_reuse import LATER


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_large_export_forks_on_the_cores_it_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unasked, FORK_FROM events or more are made by a process a usable core (at most
    MAX_WORKERS); fewer, or one core, or threads running: one process."""
    book, meetings = example("cica")
    made = events.FeedEvents.__new__(events.FeedEvents)
    made.order, made.counts = meetings, {m.body: 1 for m in meetings}
    monkeypatch.setattr(forked, "usable_cores", lambda: 8)
    monkeypatch.setattr(forked, "FORK_FROM", len(meetings))
    assert forked.processes(made, None) == forked.MAX_WORKERS
    assert forked.processes(made, 2) == 2
    monkeypatch.setattr(forked, "FORK_FROM", len(meetings) + 1)
    assert forked.processes(made, None) == 1
    monkeypatch.setattr(forked, "FORK_FROM", len(meetings))
    monkeypatch.setattr(forked, "usable_cores", lambda: 1)
    assert forked.processes(made, None) == 1
    monkeypatch.setattr("planner.outputs.forking.threading.active_count", lambda: 2)
    assert forked.processes(made, 3) == 1


@pytest.mark.parametrize("name", ["cica", "us-elections"])
def test_a_worker_dying_is_made_again_in_its_place(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second of three workers dies (a crash, the memory killer) after writing some of its
    bodies' events: the process that writes makes its run again, its feeds cut back to their
    heads first; the same bytes as one process, fresh and over a changed register."""
    book, meetings = example(name)
    changed = [m.model_copy(update={"city": "Baku"}) if i % 7 == 3 else m for i, m in enumerate(meetings)][5:]
    writer, make_run = os.getpid(), events.FeedEvents.make_run
    here: list[set[str]] = []
    middle: set[str] = set()

    def dying(self, previous, again, places, flush):  # noqa: ANN001, ANN202
        bodies = {self.order[p].body for p in places} if places is not None else None
        if os.getpid() != writer and bodies == middle:
            make_run(self, previous, again, places[: len(places) // 2], lambda *_: None)  # some events in its feeds
            os._exit(3)
        if os.getpid() == writer and bodies is not None:
            here.append(bodies)
        return make_run(self, previous, again, places, flush)

    write_feeds(book, meetings, tmp_path / "one", STAMP, workers=1)
    write_feeds(book, changed, tmp_path / "one", LATER, workers=1)
    monkeypatch.setattr(events.FeedEvents, "make_run", dying)
    for given, stamp in ((meetings, STAMP), (changed, LATER)):
        middle.clear()
        middle.update(_second_run(given))
        here.clear()
        write_feeds(book, given, tmp_path / "three", stamp, workers=3)
        assert here[1:] == [middle]  # the writer's own run, then the dead worker's
    assert files(tmp_path / "three") == files(tmp_path / "one")
    assert b"SEQUENCE:1\r\n" in (tmp_path / "three" / "all.ics").read_bytes()


@pytest.mark.parametrize("workers", [2, 3])
def test_each_run_counts_its_own_repeated_identities(workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no two bodies' UIDs can meet, each run counts the repeated identities of its
    bodies alone (not the writer over every meeting before the fork): every fourth meeting
    given twice, the second is ``-2`` as one process makes it, in every run's feeds."""
    book, meetings = example("cica")
    twice = meetings + meetings[::4]
    assert uids.apart(uids.UIDMaker(book), {m.body for m in twice})
    assert not uids.apart(uids.UIDMaker(book), ["soc", "soc-special"])  # cica-soc-special-1 is both's
    write_feeds(book, twice, tmp_path / "one", STAMP, workers=1)
    counted: list[int] = []
    monkeypatch.setattr(events, "repeats", lambda make, ordered, *more: counted.append(len(ordered)) or uids.repeats(make, ordered, *more))
    write_feeds(book, twice, tmp_path / "many", STAMP, workers=workers)
    assert counted and max(counted) < len(twice)  # the writer counted its own run only
    assert files(tmp_path / "many") == files(tmp_path / "one")
    bodies = sorted({m.body for m in twice})
    last = bodies[forked.runs([sum(m.body == body for m in twice) for body in bodies], workers)[-1][0] :]
    assert any(b"-2@planner" in (tmp_path / "many" / f"{body}.ics").read_bytes() for body in last)  # a worker's


@pytest.mark.parametrize("workers", [2, 3])
def test_each_run_puts_its_own_meetings_in_date_order(workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no two bodies' UIDs can meet, each process puts its own bodies' meetings in date
    order (not the writer all of them before the fork), and the runs' events go back in the
    order of all: the register given backwards, with meetings of one body on the same days
    (which only the full order tells apart), makes the folder one process writes."""
    book, meetings = example("cica")
    ties = [m.model_copy(update={"ordinal": None, "city": city}) for m in meetings[::5] for city in ("Baku", "Astana")]
    given = (meetings + ties)[::-1]
    write_feeds(book, given, tmp_path / "one", STAMP, workers=1)
    sorted_all: list[int] = []
    parts: list[int] = []
    monkeypatch.setattr(events, "date_order", lambda ms: sorted_all.append(len(ms)) or order.date_order(ms))
    monkeypatch.setattr(forked, "in_date_order", lambda lists, *more, **named: parts.append(sum(map(len, lists))) or order.in_date_order(lists, *more, **named))
    write_feeds(book, given, tmp_path / "many", STAMP, workers=workers)
    assert max(sorted_all) < len(given)  # (only the coming meetings, for index.html)
    assert parts and max(parts) < len(given)  # the writer's own run
    assert files(tmp_path / "many") == files(tmp_path / "one")
    assert b"-2@planner" in (tmp_path / "one" / "all.ics").read_bytes()


def _second_run(meetings: list) -> set[str]:  # type: ignore[type-arg]
    """The bodies of the second of three runs."""
    bodies = sorted({m.body for m in meetings})
    first, stop = forked.runs([sum(m.body == body for m in meetings) for body in bodies], 3)[1]
    return set(bodies[first:stop])


# The writer, killed (kill -9) as soon as its last worker is forked, while each worker still
# has events to make (slowed here to 0.2 s each).
_KILLED = """
import os, signal, sys, time
from planner.cli import main
from planner.outputs.calendar import making
from planner.outputs.calendar.folder import events, forked, order
writer = os.getpid()
events._BATCH = 1  # a worker asks after each event whether its writer is still there
make = making.EventMaker.make
def slow(self, meeting, uid, old):
    if os.getpid() != writer:
        time.sleep(0.2)
    return make(self, meeting, uid, old)
making.EventMaker.make = slow
fork = forked._fork
def noted(*args):  # each worker's pid noted; the writer killed once the last is forked
    worker = fork(*args)
    open(sys.argv[1], "a").write(f"{worker.pid}\\n")
    args[-2][1] == 3 and os.kill(writer, signal.SIGKILL)
    return worker
forked._fork = noted
main(sys.argv[2:])
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or not hasattr(os, "fork"), reason="reads processes in /proc")
def test_writer_killed_leaves_no_worker_and_no_file(tmp_path: Path) -> None:
    """kill -9 of the process that writes: its workers stop at their next event (they would
    make events for seconds more); no spool and no file is left, and the next export
    writes the folder one process writes."""
    spools, out = tmp_path / "tmp", tmp_path / "out"
    spools.mkdir()
    out.mkdir()
    pids = tmp_path / "pids"
    args = ["ics", "--today", "2026-12-01", "--no-projected", "--out", str(out / "feeds")]
    env = {**os.environ, "PLANNER_WORKERS": "3", "TMPDIR": str(spools)}
    done = subprocess.run([sys.executable, "-c", _KILLED, str(pids), *args], env=env, capture_output=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    workers = [int(line) for line in pids.read_text().split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 3  # a worker left alone would make events for seconds more
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))
    assert list(spools.iterdir()) == []
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) in ([], ["feeds"])  # at most the folder, empty
    assert CliRunner().invoke(main, args, env={"PLANNER_WORKERS": "3"}).exit_code == 0
    assert CliRunner().invoke(main, [*args[:-1], str(out / "one")], env={"PLANNER_WORKERS": "1"}).exit_code == 0
    assert files(out / "feeds") == files(out / "one")
