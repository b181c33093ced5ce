"""A feed folder's events made on several cores: its bodies shared out to forked processes.

Making the events is most of a large export (some 80 % of a million meetings' CPU), and an
event needs only its own meeting, its UID and the last revision of that UID: so the bodies are
cut into runs of about as many events (:func:`planner.outputs.forking.runs`), and each process
makes the events of one run's bodies, in date order (:meth:`FeedEvents.make_run`; given the
meetings in any order, each process first puts its own run's in it: :class:`_Share`), as one
process would: each body's feed (the workers' spools, made with their heads before the fork,
are shared: a body is written by one process only; the writer's are made as its run reaches
them), and to a spool of its own, the run's events and state entries with the length of each.
The first run is made by the process that writes, the others by workers
(:func:`planner.outputs.forking.fork`), which send back each body's record entry
(:class:`~planner.outputs.calendar.folder.record.Recorder`) and what they took of the last
export's revisions (:func:`_marks`).

``all.ics`` and the state file hold every body's events in date order: the writer puts the runs'
events back into that order, a stretch of one run's consecutive events at a time (read from its
spool; their lengths say where a stretch ends), and so writes and records them as one process
does. The same bytes with any number of processes: a UID's repetition (:func:`repeats`) is
counted by each run over its bodies where no two bodies' UIDs can be equal
(:func:`~planner.outputs.calendar.uids.apart`), else over every meeting before the fork, and
adoption (:func:`~planner.outputs.calendar.revisions.adopt`) takes a body's own candidates
only. A worker that fails is done again by the writer, its bodies' feeds cut back to their
heads first.
"""

from __future__ import annotations

import os
from array import array
from collections import deque
from collections.abc import Callable, Sequence
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import and_, ne
from typing import IO, TYPE_CHECKING, Any

from planner.outputs.atomic import spool
from planner.outputs.calendar.folder.order import by_body, in_date_order, key_bits
from planner.outputs.forking import MAX_WORKERS, Worker, can_fork, fork, runs, usable_cores

if TYPE_CHECKING:
    from concurrent.futures import Future

    from planner.outputs.calendar.folder.events import FeedEvents
    from planner.outputs.calendar.folder.previous import Previous

# Below this many events a fork costs more than it saves (making 20,000 takes some 0.3 s).
FORK_FROM = 20_000
_BATCH = 1 << 20  # the events put back in order and written together


class _Orphaned(Exception):
    """The process that forked this worker is gone: nothing will read what it makes."""


def processes(made: FeedEvents, workers: int | None) -> int:
    """How many processes make the events of ``made`` (see :func:`how_many`)."""
    return how_many(len(made.order), len(made.counts), workers)


def how_many(events: int, bodies: int, workers: int | None) -> int:
    """How many processes make (or print) ``events`` events of ``bodies`` bodies: ``workers``
    when given (1: this one alone), else the usable cores (at most MAX_WORKERS) when there are
    FORK_FROM events or more; one wherever a fork is not possible or not safe (:func:`can_fork`)."""
    if not can_fork():
        return 1
    if workers is not None:
        return max(1, min(workers, bodies))
    cores = min(usable_cores(), MAX_WORKERS, bodies)
    return cores if cores >= 2 and events >= FORK_FROM else 1


class _Run:
    """What one process made of a run: its events and state entries in date order (two
    spools), the length of each, its bodies' record entries, whether it adopted no UID, and
    what it took of the last export's revisions."""

    def __init__(self, events: IO[bytes], entries: IO[bytes]) -> None:
        self.events, self.entries = events, entries
        self.sizes, self.lengths = array("q"), array("q")

    def sink(self, orphaned: Callable[[], bool] | None = None) -> Callable[[list[bytes], list[bytes]], None]:
        """Where :meth:`FeedEvents.make_run` puts events with their state lines."""
        write_events, write_entries = self.events.write, self.entries.write
        sizes, lengths = self.sizes, self.lengths

        def put(events: list[bytes], lines: list[bytes]) -> None:
            if orphaned is not None and orphaned():
                raise _Orphaned
            write_events(b"".join(events))
            write_entries(b"".join(lines).replace(b"\n", b",\n"))  # a line never holds a line break (JSON escapes it)
            sizes.extend(map(len, events))
            lengths.extend([len(line) + 1 for line in lines])

        return put

    def close(self) -> None:
        self.events.close()
        self.entries.close()


def make_forked(made: FeedEvents, previous: Previous, again: dict[int, int] | None, workers: int | None, sort: bool = False) -> bool:
    """Make the events of ``made`` (every body with a feed of its own) in several processes;
    False when one process makes them (:func:`processes`), nothing done. With ``sort``,
    :attr:`FeedEvents.order` is not in date order yet: each process puts its own bodies'
    meetings in it (:class:`_Share`), and the order stays as it was."""
    number = processes(made, workers)
    if number <= 1:
        return False
    bodies = sorted(made.counts)
    shares = runs([made.counts[body] for body in bodies], number)
    share = _Share(made, shares, sort)
    for body in bodies[shares[0][1] :]:  # the workers' feeds, made before the fork (each process
        made.open_feed(body)  # writes to its bodies'); the writer's, as its run first writes to
        # each, while the workers run (a feed's spool took 0.1-2 ms on a busy disk: 3,400 of
        # them were up to 7 s of the writer's alone before the fork)
    before = list(previous.revisions)  # (of revisions in memory: what a worker takes is what it pops)
    started: list[Worker] = []
    done: list[_Run] = []
    try:
        workers_of: dict[int, tuple[Worker, _Run]] = {}
        for r in range(1, number):
            try:
                events, entries = _spools(made)
            except OSError:  # no spool to be had: made here
                break
            try:
                workers_of[r] = _fork(made, previous, again, share, r, events, entries, (r, r + 1), started), entries  # type: ignore[assignment]
            except OSError:  # no process to be had: made here
                events.close()
                entries.close()
                break
        done.append(_here(made, previous, again, share, 0))
        for r in range(1, number):
            forked = workers_of.get(r)
            found = forked[0].result() if forked is not None else None
            if found is None:  # made here instead: fails as one process fails, if it does
                if forked is not None:
                    forked[0].spool.close()
                    forked[1].close()
                for body in bodies[shares[r][0] : shares[r][1]]:
                    _restart(made, body)
                done.append(_here(made, previous, again, share, r))
                continue
            run = _Run(forked[0].spool, forked[1])  # type: ignore[arg-type]
            run.sizes, run.lengths, entries_made, whole, marks, share.days[r] = found
            if made.recorder is not None:
                made.recorder.take(entries_made, whole)
            _mark(previous, marks, before)
            done.append(run)
        made.order = share.order
        made.size = _merge(made, share.owner(), done)
    except BaseException:  # an error, Ctrl-C: no worker outlives it
        for worker in started:
            worker.end()
        raise
    finally:
        made.order = share.order
        for run in done:
            run.close()
    return True


class _Share:
    """The runs' events: each run's places in :attr:`FeedEvents.order` (:meth:`places`) and
    the run of each event in date order (:meth:`owner`).

    Given the meetings in date order, the writer finds both before the fork. Given them in
    any order (``sort``), each process puts its own run's in date order
    (:func:`~planner.outputs.calendar.folder.events.in_date_order`: a million meetings took
    2.3 s before the fork, now each process sorts its part meanwhile) and packs each
    meeting's first day, last day and body's rank in one number: the runs' numbers, each run's
    in its order, merged, are the date order of all (two bodies' meetings never tie; one
    body's ties stay in one run), so their ranks say the run of each event."""

    def __init__(self, made: FeedEvents, shares: list[tuple[int, int]], sort: bool) -> None:
        self.made, self.shares, self.order = made, shares, made.order
        self.days: list[Sequence[int]] = [() for _ in shares]  # each run's packed days, with sort
        if sort:
            self.lists = by_body(made.order)
            self.bits = key_bits(self.lists)
            return
        bodies = sorted(made.counts)
        run_of = {body: r for r, (first, stop) in enumerate(shares) for body in bodies[first:stop]}
        self.owners = [run_of[meeting[0]] for meeting in made.order]  # the run of each event
        self.runs: list[list[int]] = [[] for _ in shares]  # each run's events' places in date order
        for place, r in enumerate(self.owners):
            self.runs[r].append(place)

    def places(self, r: int) -> list[int]:
        """Run ``r``'s places in :attr:`FeedEvents.order` (with sort: in date order, this
        process's order then that run's meetings)."""
        if not hasattr(self, "lists"):
            return self.runs[r]
        first, stop = self.shares[r]
        self.made.order, self.days[r] = in_date_order(self.lists[first:stop], first, self.bits, days=True)
        return list(range(len(self.made.order)))

    def owner(self) -> list[int]:
        """The run of each event, in date order."""
        if not hasattr(self, "lists"):
            return self.owners
        run_of = [r for r, (first, stop) in enumerate(self.shares) for _ in range(first, stop)]  # by body rank
        days = sorted(chain.from_iterable(self.days))  # (Timsort merges runs already in order)
        return list(map(run_of.__getitem__, map(and_, days, repeat((1 << self.bits[1]) - 1))))


def _here(made: FeedEvents, previous: Previous, again: dict[int, int] | None, share: _Share, r: int) -> _Run:
    """Run ``r`` made by this process."""
    run = _Run(*_spools(made))
    try:
        made.make_run(previous, again, share.places(r), run.sink())
    except BaseException:
        run.close()
        raise
    return run


def _spools(made: FeedEvents) -> tuple[IO[bytes], IO[bytes]]:
    """Two spools for a run's events and entries, beside the feeds (a million events' take
    a gigabyte: not asked of the temporary folder)."""
    events = spool(made.near)
    try:
        return events, spool(made.near)
    except OSError:
        events.close()
        raise


def _restart(made: FeedEvents, body: str) -> None:
    """``body``'s feed back to its head (a worker that failed may have written some events)."""
    assert made.heads is not None
    fd = made.feeds[body].fileno()
    os.ftruncate(fd, len(made.heads[body]))
    os.lseek(fd, 0, os.SEEK_END)


def _fork(made: FeedEvents, previous: Previous, again: dict[int, int] | None, share: _Share, r: int, events: IO[bytes], entries: IO[bytes], run: tuple[int, int], started: list[Worker]) -> Worker:
    """Fork a worker making the events of run ``r``: its events to its spool, their entries
    to ``entries``; it sends the lengths, its bodies' record entries, its marks and, with
    the share's sort, its packed days."""

    def work(spool: IO[bytes], orphaned: Callable[[], bool]) -> tuple[Any, ...] | None:
        made_here = _Run(spool, entries)
        try:
            made.make_run(previous, again, share.places(r), made_here.sink(orphaned))
        except _Orphaned:
            return None
        entries.flush()
        recorder = made.recorder
        return made_here.sizes, made_here.lengths, recorder.done() if recorder is not None else {}, recorder is None or recorder.whole, _marks(previous), share.days[r]

    return fork(work, run, started, events)


def _marks(previous: Previous) -> bytes | list[str]:
    """What a worker has taken of the last export's revisions (picklable, for :func:`_mark`):
    the lines' marks, or of revisions in memory the UIDs still there."""
    return bytes(previous.taken) if previous.count else list(previous.revisions)


def _mark(previous: Previous, marks: bytes | list[str], before: list[str]) -> None:
    """Take in ``previous`` what a worker's :func:`_marks` says it took (``before``: of
    revisions in memory, the UIDs there when it was forked)."""
    if isinstance(marks, bytes):
        taken = int.from_bytes(previous.taken, "little") | int.from_bytes(marks, "little")
        previous.taken = bytearray(taken.to_bytes(len(previous.taken), "little"))
        return
    still = set(marks)
    for uid in before:
        if uid not in still:
            previous.revisions.pop(uid, None)


def _merge(made: FeedEvents, owner: list[int], done: list[_Run]) -> int:
    """The runs' events and entries, put back in date order (``owner``: the run of each),
    to all.ics's spool and the state's (:meth:`FeedEvents.put_events`, :meth:`FeedEvents.put_entries`);
    their size."""
    readers = []
    for run in done:
        for handle in (run.events, run.entries):
            handle.flush()
            handle.seek(0)
        readers.append((open(run.events.fileno(), "rb", buffering=_BATCH, closefd=False).read, open(run.entries.fileno(), "rb", buffering=_BATCH, closefd=False).read))  # noqa: SIM115 (closefd=False: the run's handle closes the file)
    sizes = [array("q", accumulate(run.sizes, initial=0)) for run in done]
    lengths = [array("q", accumulate(run.lengths, initial=0)) for run in done]
    at = [0] * len(done)
    cuts = [0, *compress(count(1), map(ne, owner, islice(owner, 1, None))), len(owner)]  # where the run changes
    events: list[bytes] = []
    entries: list[bytes] = []
    size = total = 0
    # Each batch of events is written to all.ics's spool and hashed for the record on a
    # thread of its own, and its entries to the state's on another, while this one reads the
    # next: writing and hashing a megabyte let go of the GIL, and the workers are done, so
    # the second core is free (a million meetings: 870 MB written and hashed, some 1.5 s of
    # the writer's alone after the workers; on one thread, the main one waited for it). Two
    # batches at most wait; the threads end with the merge (no thread may run at a fork).
    from concurrent.futures import ThreadPoolExecutor  # (here: a small export does not fork)

    pending: deque[tuple[Future[None], Future[None]]] = deque()
    with ThreadPoolExecutor(1) as putting, ThreadPoolExecutor(1) as stating:
        for first, stop in zip(cuts, islice(cuts, 1, None), strict=False):  # (one cut fewer)
            r = owner[first]
            i = at[r]
            j = at[r] = i + stop - first
            n = sizes[r][j] - sizes[r][i]
            events.append(readers[r][0](n))
            entries.append(readers[r][1](lengths[r][j] - lengths[r][i]))
            size += n
            if size >= _BATCH:
                pending.append((putting.submit(made.put_events, b"".join(events)), stating.submit(made.put_entries, b"".join(entries))))
                events, entries, total, size = [], [], total + size, 0
                if len(pending) > 2:
                    for put in pending.popleft():
                        put.result()
        pending.append((putting.submit(made.put_events, b"".join(events)), stating.submit(made.put_entries, b"".join(entries))))
        for puts in pending:
            for put in puts:
                put.result()
    return total + size
