"""The events of a feed-folder export (:mod:`planner.outputs.calendar.folder.feeds`), each made once.

A register of a million meetings makes feeds of about a gigabyte, so the set is never held in
memory: each event is made once, in date order, and written as it is made to a spool (an
unnamed temporary file, so a killed run leaves nothing) that is ``all.ics``'s events, and a
few at a time to its body's feed, with its revision going to a third spool for the state file.
What stays in memory is each body's last few events and each one's UID. Each body's feed is a
spool of its own, which becomes the file by a hard link, as ``all.ics`` and the state file do:
every byte is written once (a spool of all bodies' events, copied into 3,400 feeds at the end,
wrote 560 MB twice at a million meetings, 1.2 s). Where the process may not hold a file open
per body (:func:`_spare_files`), the bodies share one spool, each feed the stretches of it that
are its body's, copied into the feed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING

from planner.core.model import Meeting
from planner.outputs.atomic import Spooled, spool
from planner.outputs.calendar.folder.forked import make_forked, processes
from planner.outputs.calendar.folder.order import date_order
from planner.outputs.calendar.folder.previous import Previous
from planner.outputs.calendar.folder.state import HEAD, HEAD_3, TAIL
from planner.outputs.calendar.ical import FeedBuilder
from planner.outputs.calendar.lines import END
from planner.outputs.calendar.making import EventMaker
from planner.outputs.calendar.revisions import nearest
from planner.outputs.calendar.uids import UIDMaker, apart, repeated, repeats, uid_beginning

if TYPE_CHECKING:
    from planner.outputs.calendar.folder.record import Recorder

_CHUNK = 1 << 20
_BATCH = 1 << 16  # events written to the spool together: 64 KB (a megabyte at a time costs page faults)
_HELD = 16  # a body's events written to by_body together: some 10 KB, 30 MB held for 3,400 bodies
_BODY = itemgetter(0)
_START, _END = itemgetter(1), itemgetter(4)  # a meeting's start and end


def _spare_files() -> int:
    """How many files the process may open besides those it has: half its limit (the rest
    for the register, the libraries, a caller's own)."""
    try:
        import resource
    except ImportError:  # not a POSIX system: one spool for all bodies
        return 0
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return 1 << 16 if soft == resource.RLIM_INFINITY else soft // 2


def write_all(fd: int, data: bytes) -> None:
    """All of ``data`` to ``fd``."""
    done = os.write(fd, data)
    while done < len(data):
        done += os.write(fd, memoryview(data)[done:])


def _read(spool: IO[bytes], spans: Iterable[tuple[int, int]]) -> Iterator[bytes]:
    """The bytes of ``spans`` (offset, length) of ``spool``, adjacent spans read together."""
    fd = spool.fileno()
    start = end = 0
    for offset, length in spans:
        if offset == end and end - start < _CHUNK:
            end += length
            continue
        if end > start:
            yield os.pread(fd, end - start, start)
        start, end = offset, offset + length
    if end > start:
        yield os.pread(fd, end - start, start)


class FeedEvents:
    """The events of one export, made once into a spool, with their revisions; what it made
    recorded by ``recorder`` (see :mod:`planner.outputs.calendar.folder.reuse`)."""

    def __init__(self, builder: FeedBuilder, order: list[Meeting], previous: Previous, near: Path, keep_legacy: bool = False, combined: tuple[str, str, str | None] | None = None, heads: dict[str, bytes] | None = None, recorder: Recorder | None = None, workers: int | None = None, in_order: bool = True) -> None:
        """``order``: the meetings in date order (:func:`date_order`), or in any order when not
        ``in_order`` (then put in it here, or by each process of its own bodies where several
        make the events: see :mod:`planner.outputs.calendar.folder.forked`); ``workers``: how
        many processes make the events (1: this one alone, None: as many as pay)."""
        self.workers = workers
        self.builder = builder
        self.near = near
        self.keep_legacy = keep_legacy  # the state file stays of version 3 (see planner.outputs.calendar.folder.state)
        self.spool = spool(near)  # all.ics: its head, the events in date order, then its end
        self.by_body = spool(near)  # the same, a body's some together: its feed is a few stretches
        self.states = spool(near)  # the state file, its entries each ending ",\n" until the last
        self.pending = previous  # gives each previous UID once: those left are not given by this export
        self.order = order
        self.counts = Counter(map(_BODY, self.order))
        self.heads = heads if heads is not None and self.counts.keys() <= heads.keys() and len(self.counts) <= _spare_files() else None  # body -> its feed's head: a spool per feed
        self.recorder = recorder if self.heads is not None and not keep_legacy else None  # (a feed made of stretches of by_body: not recorded)
        self.feeds: dict[str, IO[bytes]] = {}  # body -> its feed's spool (with heads)
        self.stretches: dict[str, list[tuple[int, int]]] = {}  # body -> where its feed's events are in by_body
        today = builder.stamp.date()
        self.coming = [m for m in self.order if (m[4] or m[1]).latest >= today]
        if not in_order:  # (what a subset of the meetings is in date order is the same subset of theirs)
            self.coming = date_order(self.coming)
        self.states.write(HEAD_3 if keep_legacy else HEAD)
        self.combined = combined if self.order else None  # all.ics's name, caption and URL: its head goes first
        self.begin = self.spool.write(builder.calendar_head(*self.combined, empty=False)[0]) if self.combined is not None else 0
        self._make(previous, in_order)

    def _make(self, previous: Previous, in_order: bool) -> None:
        """Every event, made in date order: the meetings lie in memory about in the order they
        were read, so that a walk in date order finds each near the last (made body by body,
        every meeting was a cache miss: a third more time at N). Each UID is made as its event
        is, the repeated identities counted before (:func:`~planner.outputs.calendar.uids.repeats`:
        a list of every UID took some 100 MB at 650,000 meetings); adoption takes each body's
        and kind's meetings in date order, as :func:`~planner.outputs.calendar.revisions.adopt`
        does, the candidates this export gives left out first (:meth:`_pool`, made when a meeting
        first asks for one: a re-export of the same register never does)."""
        make_uid = UIDMaker(self.builder.book)
        forking = self.heads is not None and processes(self, self.workers) > 1
        # forked, each run counts its bodies' repeated identities where no two bodies' UIDs
        # can meet (1.3 s of the writer's alone before the fork at a million meetings), and
        # then puts its own bodies' meetings in date order (2.3 s before the fork)
        alone = forking and apart(make_uid, self.counts)
        if not in_order and not alone:
            self.order = date_order(self.order)
        again = None if alone else repeats(make_uid, self.order)[0]
        if not forking or not make_forked(self, previous, again, self.workers, sort=not in_order and alone):
            if not in_order and alone:  # (not put in order above)
                self.order = date_order(self.order)
            self.size = self.make_run(previous, again, None, self._flush)
        self.spool.flush()
        self.by_body.flush()

    def make_run(self, previous: Previous, again: dict[int, int] | None, places: list[int] | None, flush: Callable[[list[bytes], list[bytes]], object]) -> int:
        """The events of the meetings at ``places`` in :attr:`order` (None: all of them), in
        date order: each to its body's feed and, some together, to ``flush`` with their state
        lines; their size. ``again``: the repeated identities (:func:`repeats`), by place in
        :attr:`order`; None: counted here, over the meetings at ``places`` (whole bodies, none
        of whose UIDs another body's can equal: :func:`~planner.outputs.calendar.uids.apart`)."""
        order = self.order
        make_uid = UIDMaker(self.builder.book)
        if again is None:
            if places is None:
                again = repeats(make_uid, order)[0]
            else:
                counted = repeats(make_uid, list(map(order.__getitem__, places)))[0]
                again = {places[i]: n for i, n in counted.items()}
        pool = None  # the adoption candidates, made when a meeting first has none of its own (see _pool)
        size = flushed = 0
        body_write = self.by_body.write
        maker = EventMaker(self.builder, previous.legacy, self.keep_legacy)
        make, take = maker.make, previous.take
        recorder = self.recorder
        prints: dict[str, list[str]] = {body: [] for body in self.counts} if recorder is not None else {}  # a body's content prints, with its held events
        events: list[bytes] = []  # written some together
        lines: list[bytes] = []
        held: dict[str, list[bytes]] = {body: [] for body in self.counts}  # a body's last events, not yet in by_body
        stretches = self.stretches = {body: [] for body in self.counts}
        at = 0  # the end of by_body
        heads = self.heads
        asked = previous.count or previous.revisions  # else the first export into the folder: nothing to adopt or take
        for place, meeting in enumerate(order) if places is None else zip(places, map(order.__getitem__, places), strict=True):
            uid = make_uid(meeting)
            if again and (n := again.get(place)):
                uid = repeated(uid, n)
            old = take(uid) if asked else None
            if old is None and asked and meeting[3] is None and not meeting[17]:  # a UID the last export did not give
                if pool is None:
                    pool = self._pool(previous, make_uid)
                if pool and (candidates := pool.get((meeting[0], meeting[2]._value_))) and (adopted := nearest(candidates, meeting, ())):
                    uid, old = adopted, take(adopted)
                    if recorder is not None:
                        recorder.whole = False
            data, line = make(meeting, uid, old)
            lines.append(line)
            events.append(data)
            size += len(data)
            mine = held[meeting[0]]
            mine.append(data)
            if recorder is not None:
                prints[meeting[0]].append(maker.content)
            if len(mine) >= _HELD:
                if heads is not None:
                    self._feed_write(meeting[0], mine, prints.get(meeting[0]))
                else:
                    n = body_write(b"".join(mine))
                    stretches[meeting[0]].append((at, n))
                    at += n
                mine.clear()
            if size - flushed >= _BATCH:
                flush(events, lines)
                events, lines, flushed = [], [], size
        flush(events, lines)
        for body, mine in held.items():
            if mine and heads is not None:
                self._feed_write(body, mine, prints.get(body))
            elif mine:
                n = body_write(b"".join(mine))
                stretches[body].append((at, n))
                at += n
        return size

    def _pool(self, previous: Previous, make_uid: UIDMaker) -> dict[tuple[str, str], list[tuple[date, str]]]:
        """The adoption candidates of ``previous`` less those this export gives (never taken,
        see :func:`~planner.outputs.calendar.revisions.adopt`): made only when a meeting asks,
        since a re-export of the same register gives every UID again and asks for none
        (building them, and a set of their UIDs for :func:`repeats`, took some 2 s and 60 MB
        at a million meetings)."""
        pool = previous.pool
        for (body, kind), candidates in list(pool.items()):  # only this organization's: a UID of another's (its folder, --force) is never this one's
            beginning = uid_beginning(make_uid.org, body)
            if any(not uid.startswith(beginning) for _, uid in candidates):
                pool[body, kind] = [c for c in candidates if c[1].startswith(beginning)]
        given = repeats(make_uid, self.order, {uid for candidates in pool.values() for _, uid in candidates})[1]
        for key, candidates in list(pool.items()):
            kept = [c for c in candidates if c[1] not in given]
            if kept:
                pool[key] = kept
            else:
                del pool[key]
        return pool

    def _flush(self, events: list[bytes], lines: list[bytes]) -> None:
        """``events`` to all.ics's spool, their state ``lines`` to the state's."""
        self.put(b"".join(events), b"".join(lines).replace(b"\n", b",\n"))  # a line never holds a line break (JSON escapes it)

    def put(self, chunk: bytes, entries: bytes) -> None:
        """Events to all.ics's spool, their state ``entries`` (each ending ",\\n") to the state's."""
        self.put_events(chunk)
        self.put_entries(entries)

    def put_events(self, chunk: bytes) -> None:
        """Events to all.ics's spool (recorded)."""
        self.spool.write(chunk)
        if self.recorder is not None:
            self.recorder.events(chunk)

    def put_entries(self, entries: bytes) -> None:
        """State entries (each ending ",\\n") to the state's spool (recorded)."""
        self.states.write(entries)
        if self.recorder is not None:
            self.recorder.entries(entries)

    def _feed_write(self, body: str, events: list[bytes], prints: list[str] | None = None) -> None:
        """``events`` to the end of ``body``'s feed, made with its head at its first events;
        ``prints``: their content prints, to record (then emptied)."""
        handle = self.feeds.get(body) or self.open_feed(body)
        chunk = b"".join(events)
        write_all(handle.fileno(), chunk)
        if prints is not None and self.recorder is not None:
            self.recorder.body(body, chunk, prints)
            prints.clear()

    def open_feed(self, body: str) -> IO[bytes]:
        """``body``'s feed's spool, made with its head."""
        assert self.heads is not None
        handle = self.feeds[body] = spool(self.near).detach()  # unbuffered: a buffer each took 15 MB for 3,400 feeds
        write_all(handle.fileno(), self.heads[body])
        return handle

    def feed(self, body: str, gone: Callable[[], Iterable[bytes]]) -> Spooled | None:
        """``body``'s feed, its events followed by ``gone`` (tombstones) and its end, when it
        has a spool of its own (else None: the feed is made from by_body)."""
        handle = self.feeds.get(body)
        if handle is None:
            return None
        for piece in gone():
            write_all(handle.fileno(), piece)
        write_all(handle.fileno(), END)
        return Spooled(handle)

    def events(self, body: str | None = None) -> Iterator[bytes]:
        """The events of ``body`` (None: all), in date order: all of them are the spool a
        megabyte at a time, a body's its stretches of by_body (read once each, not an event at
        a time: a million reads took some 2 s of system time)."""
        if body is None:
            return _read(self.spool, ((self.begin + at, min(_CHUNK, self.size - at)) for at in range(0, self.size, _CHUNK)))
        return _read(self.by_body, self.stretches.get(body, ()))

    def count(self, body: str | None = None) -> int:
        return len(self.order) if body is None else self.counts.get(body, 0)

    def all_ics(self, gone: Callable[[], Iterable[bytes]]) -> Spooled | None:
        """all.ics, its events followed by ``gone`` (tombstones) and its end; None when it has
        no event (its head, written first, is that of a feed with events)."""
        if self.combined is None:
            return None
        self.spool.seek(0, os.SEEK_END)
        for piece in gone():
            self.spool.write(piece)
        self.spool.write(END)
        return Spooled(self.spool)

    def state(self, leftovers: Iterable[bytes]) -> Spooled:
        """The state file: this export's revisions, then the UIDs it no longer gives (as
        :func:`~planner.outputs.calendar.folder.state.state_pieces` writes them), the last entry
        without its comma."""
        states = self.states
        for piece in leftovers:
            states.write(piece)
        states.flush()
        size = states.tell()
        if size > len(HEAD):  # an entry: the last one's comma goes
            states.truncate(size - 2)
            states.seek(size - 2)
            states.write(b"\n")
        states.write(TAIL)
        return Spooled(states)

    def close(self) -> None:
        self.spool.close()
        self.by_body.close()
        self.states.close()
        for handle in self.feeds.values():
            handle.close()
