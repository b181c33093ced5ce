"""The feed folder: ``{body}.ics`` per body, ``all.ics``, ``index.html`` and the state file
that remembers SEQUENCE, LAST-MODIFIED, tombstones and adopted UIDs between exports (see
:mod:`planner.outputs.calendar.revisions` and :mod:`planner.outputs.calendar.folder.state`;
:mod:`planner.outputs.calendar.ical` for the events). The events are made once each
(:mod:`planner.outputs.calendar.folder.events`), or, when an export gives what the last one gave,
taken from its files (:mod:`planner.outputs.calendar.folder.reuse`). The new set's folder then
switches with the old one at once (:func:`planner.outputs.atomic.write_set`).

An export of some bodies (``--body``) writes only their feeds and leaves ``all.ics``,
``index.html`` and the other bodies' feeds as they were.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from operator import itemgetter
from pathlib import Path

from planner.core.bulk import paused_gc
from planner.core.model import Meeting, RuleBook
from planner.outputs.atomic import Spooled, refuse_foreign, write_set
from planner.outputs.calendar.folder import forked
from planner.outputs.calendar.folder.events import FeedEvents, date_order
from planner.outputs.calendar.folder.index_html import index_pieces
from planner.outputs.calendar.folder.leftovers import Leftovers
from planner.outputs.calendar.folder.previous import Previous, read_previous
from planner.outputs.calendar.folder.record import (
    REUSE_FILE,
    REUSE_FROM,
    Recorder,
    counted,
    reusable,
)
from planner.outputs.calendar.folder.reuse import KEPT, Kept, Reused
from planner.outputs.calendar.folder.state import load_state, unreadable_state
from planner.outputs.calendar.ical import COMBINED, STATE_FILE, FeedBuilder, combined_names
from planner.outputs.calendar.making import EventMaker
from planner.outputs.calendar.revisions import KEEP_DAYS
from planner.outputs.calendar.uids import each_uid
from planner.outputs.locking import folder_lock

INDEX = "index.html"


def write_feeds(
    book: RuleBook,
    meetings: Iterable[Meeting],
    out_dir: str | Path,
    stamp: datetime,
    base_url: str | None = None,
    warn: Callable[[str], None] | None = None,
    *,
    bodies: Sequence[str] | None = None,
    keep_days: int = KEEP_DAYS,
    workers: int | None = None,
    given: str | None = None,
) -> list[Path]:
    """Write ``{body}.ics`` for every body (or only ``bodies``), ``all.ics`` and ``index.html``
    (only when every body is written) and the state file into ``out_dir``; return the paths
    written (state file excluded), in that order. Meetings that left the input since the last
    export stay ``keep_days`` as CANCELLED tombstones. ``workers``: how many processes make
    the events (:mod:`planner.outputs.calendar.folder.forked`; 1: this one alone, None: as
    many as pay). ``given``: the print of everything the export is made from
    (:mod:`planner.outputs.calendar.folder.given`), recorded; the last export's matching it
    stands for the prints of the meetings."""
    with folder_lock(out_dir), paused_gc():
        return _write_feeds(book, meetings, Path(out_dir), stamp, base_url, warn, bodies, keep_days, workers, given)


def _write_feeds(book: RuleBook, meetings: Iterable[Meeting], out: Path, stamp: datetime, base_url: str | None, warn: Callable[[str], None] | None, bodies: Sequence[str] | None, keep_days: int, workers: int | None, given: str | None) -> list[Path]:
    builder = FeedBuilder(book, stamp)
    selected = set(bodies) if bodies is not None else None
    meetings = list(meetings) if selected is None else [m for m in meetings if m.body in selected]
    recording = selected is None and len(meetings) >= REUSE_FROM
    out.parent.mkdir(parents=True, exist_ok=True)
    combined = (*combined_names(book), source_url(base_url, f"{COMBINED}.ics")) if selected is None else None
    named = [(f"{body.id}.ics", body.name, f"Meetings of the {body.name} ({book.organization.short_name})", body.id) for body in book.bodies if selected is None or body.id in selected]
    # what stands at a name this export writes and is no file of planner's: refused before any work
    refuse_foreign(out, [*(filename for filename, *_ in named), *((f"{COMBINED}.ics", INDEX) if selected is None else ()), STATE_FILE, *((REUSE_FILE,) if recording else ())])
    unreadable_state(out)
    heads = {body: builder.calendar_head(title, caption, source_url(base_url, filename), empty=False)[0] for filename, title, caption, body in named}
    made: FeedEvents | None = None
    order: list[Meeting] | None = None
    if recording:
        made, order = _reused(out, book, builder, meetings, heads, combined, workers, given)
    if made is None:
        order = date_order(meetings) if order is None else order
    previous = made.previous if isinstance(made, Reused) and made.previous is not None else None
    if previous is None:
        found = load_state(out, warn, book, read=read_previous)
        previous = found if isinstance(found, Previous) else Previous(found)
    left: Leftovers | None = None
    try:
        keep_legacy = previous.legacy and selected is not None  # some bodies' prints stay of the older form
        if made is None:
            made = FeedEvents(builder, order or [], previous, out.parent, keep_legacy, combined, heads, Recorder() if recording else None, workers)
        left = Leftovers(previous, builder.stamp, keep_days, selected, previous.legacy and not keep_legacy, out.parent)
        feeds: list[tuple[str, str, str, str | None]] = [(filename, title, caption, body) for filename, title, caption, body in named]
        if selected is None:
            name, caption = combined_names(book)
            feeds.append((f"{COMBINED}.ics", name, caption, None))

        def feed(title: str, caption: str, body: str | None, source: str | None) -> Callable[[], Iterator[bytes]]:
            def pieces() -> Iterator[bytes]:
                head, end = builder.calendar_head(title, caption, source, empty=not made.count(body) and not left.has(body))
                yield head
                yield from made.events(body)
                yield from left.tombstones(body)()
                yield end

            return pieces

        files: dict[str, bytes | Callable[[], Iterable[bytes]] | Spooled | Kept] = {filename: (body is not None and made.feed(body, left.tombstones(body))) or feed(title, caption, body, source_url(base_url, filename)) for filename, title, caption, body in feeds}
        if selected is None and (whole := made.all_ics(left.tombstones(None))) is not None:
            files[f"{COMBINED}.ics"] = whole
        if selected is None:
            links = [(f, t, made.count(b)) for f, t, _, b in feeds]
            files[INDEX] = lambda: index_pieces(book, links, made.coming, builder, base_url)
        files[STATE_FILE] = made.state(left.state_entries())
        record = made.record_bytes(book) if isinstance(made, Reused) else made.recorder.record(book, builder.stamp, heads, made.begin, len(meetings), given) if made.recorder is not None else None
        if record is not None:
            files[REUSE_FILE] = record
        names = [*files]  # feeds, all.ics, index.html, state: a reader of index.html comes last
        # (an export of all that records nothing, fewer than REUSE_FROM events or a UID
        # adopted, drops the last one's record: stale, it only matched no file, but a folder
        # should not hold what its last export did not write)
        drop = (REUSE_FILE,) if selected is None and REUSE_FILE not in files else ()
        write_set(out, {name: content for name, content in files.items() if content is not KEPT}, names, drop)  # the whole set switches at once (see planner.outputs.atomic); a file KEPT is linked
    finally:
        previous.close()
        if made is not None:
            made.close()
        if left is not None:
            left.close()
    return [out / name for name in names if name not in (STATE_FILE, REUSE_FILE)]


def _reused(out: Path, book: RuleBook, builder: FeedBuilder, meetings: list[Meeting], heads: dict[str, bytes], combined: tuple[str, str, str | None], workers: int | None, given: str | None) -> tuple[Reused | None, list[Meeting] | None]:
    """The events of the last export into ``out``, taken from its files, when this export
    gives what it gave (see :mod:`planner.outputs.calendar.folder.reuse`), else None; and
    ``meetings`` in date order when they had to be put in it (for the prints), else None.
    An export made from what the last one was made from (``given``, its inputs' print) takes
    their prints as they were: neither the order nor the prints are made."""
    counts = Counter(map(itemgetter(0), meetings))
    record = counted(out, book, counts)
    order = None
    if record is not None and (given is None or record.get("inputs") != given):
        order = date_order(meetings)
        record = reusable(record, order, counts, EventMaker(builder), forked.how_many(len(order), len(counts), workers))
    if record is None:
        return None, order
    made = Reused(out, record, builder, order or meetings, counts, heads, combined, out.parent, given)
    if made.build():
        return made, order
    if made.previous is not None:
        made.previous.close()
    made.close()
    return None, order


def combined_calendar(book: RuleBook, meetings: Iterable[Meeting], stamp: datetime, source: str | None = None) -> Iterator[bytes]:
    """The combined feed (``planner ics --out -``), written as it is made: every event with
    SEQUENCE 0 and LAST-MODIFIED = ``stamp`` (there is no state to remember)."""
    builder = FeedBuilder(book, stamp)
    ordered = date_order(meetings)
    name, caption = combined_names(book)
    head, end = builder.calendar_head(name, caption, source, empty=not ordered)
    yield head
    for meeting, uid in each_uid(book, ordered):
        yield builder.event_text(meeting, uid).encode()
    yield end


def source_url(base_url: str | None, filename: str) -> str | None:
    """Where a feed is served, from ``--base-url``."""
    return f"{base_url.rstrip('/')}/{filename}" if base_url else None
