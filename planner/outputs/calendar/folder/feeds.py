"""The feed folder: ``{body}.ics`` per body, ``all.ics``, ``index.html`` and the state file
that remembers SEQUENCE, LAST-MODIFIED, tombstones and adopted UIDs between exports (see
:mod:`planner.outputs.calendar.revisions` and :mod:`planner.outputs.calendar.folder.state`;
:mod:`planner.outputs.calendar.ical` for the events). The events are made once each
(:mod:`planner.outputs.calendar.folder.events`), or, when an export gives what the last one gave,
taken from its files (:mod:`planner.outputs.calendar.folder.reuse`). The new set's folder then
switches with the old one at once (:func:`planner.outputs.file_set.write_set`).

An export of some bodies (``--body``) writes only their feeds and leaves ``all.ics``,
``index.html`` and the other bodies' feeds as they were.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from planner.core.bulk import paused_gc
from planner.core.errors import OutputError
from planner.core.model import Meeting, RuleBook
from planner.core.vocabulary import ID_RE
from planner.inputs.limits import MAX_ID_LENGTH, RESERVED_IDS
from planner.outputs.atomic import Content
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
    read_record,
    reusable,
)
from planner.outputs.calendar.folder.reuse import KEPT, Kept, Reused
from planner.outputs.calendar.folder.state import load_state, unreadable_state
from planner.outputs.calendar.ical import (
    COMBINED,
    STATE_FILE,
    FeedBuilder,
    body_names,
    combined_names,
)
from planner.outputs.calendar.making import EventMaker
from planner.outputs.calendar.revisions import KEEP_DAYS
from planner.outputs.calendar.uids import each_uid
from planner.outputs.file_set import refuse_foreign, tidy, write_set
from planner.outputs.locking import folder_lock

INDEX = "index.html"


def folder_names(book: RuleBook, bodies: Sequence[str] | None = None) -> list[str]:
    """The names an export of ``bodies`` (None: all) writes, or may replace or remove, in its
    folder: the feeds, ``all.ics`` and ``index.html`` (of all bodies), the state file and the
    record."""
    feeds = [f"{body.id}.ics" for body in book.bodies if bodies is None or body.id in bodies]
    return [*feeds, *((f"{COMBINED}.ics", INDEX) if bodies is None else ()), STATE_FILE, REUSE_FILE]


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
    said: Sequence[str] = (),
    force: bool = False,
) -> list[Path]:
    """Write ``{body}.ics`` for every body (or only ``bodies``), ``all.ics`` and ``index.html``
    (only when every body is written) and the state file into ``out_dir``; return the paths
    written (state file excluded), in that order. Meetings that left the input since the last
    export stay ``keep_days`` as CANCELLED tombstones. ``workers``: how many processes make
    the events (:mod:`planner.outputs.calendar.folder.forked`; 1: this one alone, None: as
    many as pay). ``given``: the print of everything the export is made from
    (:mod:`planner.outputs.calendar.folder.given`), recorded; the last export's matching it
    stands for the prints of the meetings; ``said``: the warnings reading them gave (both
    recorded for :func:`written_before`).

    A folder whose last export was another organization's (live events whose UIDs are not of
    this organization) is refused with :class:`OutputError` before anything is written: writing
    would cancel all of them in every subscriber's calendar (``--rules`` or ``--out`` mistyped),
    unless ``force``."""
    with folder_lock(out_dir), paused_gc():
        return _write_feeds(book, meetings, Path(out_dir), stamp, base_url, warn, bodies, keep_days, workers, given, said, force)


def _write_feeds(book: RuleBook, meetings: Iterable[Meeting], out: Path, stamp: datetime, base_url: str | None, warn: Callable[[str], None] | None, bodies: Sequence[str] | None, keep_days: int, workers: int | None, given: str | None, said: Sequence[str], force: bool) -> list[Path]:
    builder = FeedBuilder(book, stamp)
    selected = set(bodies) if bodies is not None else None
    meetings = list(meetings) if selected is None else [m for m in meetings if m.body in selected]
    builder.learn(meetings)
    meetings = builder.current(meetings)  # (a plan a held row superseded is no event)
    recording = selected is None and len(meetings) >= REUSE_FROM
    out.parent.mkdir(parents=True, exist_ok=True)
    named, heads, combined = _names(book, builder, base_url, selected)
    # what stands at a name this export writes and is no file of planner's: refused before any work
    refuse_foreign(out, [*(filename for filename, *_ in named), *((f"{COMBINED}.ics", INDEX) if selected is None else ()), STATE_FILE, *((REUSE_FILE,) if recording else ())])
    unreadable_state(out)
    made: FeedEvents | None = None
    order: list[Meeting] | None = None
    if recording:
        made, order = _reused(out, book, builder, meetings, heads, combined, workers, given)
    in_order = order is not None  # (else FeedEvents puts them in it: each process its own part, where several make the events)
    previous = made.previous if isinstance(made, Reused) and made.previous is not None else None
    if previous is None:
        found = load_state(out, warn, book, read=read_previous)
        previous = found if isinstance(found, Previous) else Previous(found)
    left: Leftovers | None = None
    try:
        keep_legacy = previous.legacy and selected is not None  # some bodies' prints stay of the older form
        if made is None:
            made = FeedEvents(builder, meetings if order is None else order, previous, out.parent, keep_legacy, combined, heads, Recorder() if recording else None, workers, in_order)
        left = Leftovers(previous, builder.stamp, keep_days, selected, previous.legacy and not keep_legacy, out.parent, book.organization.id)
        if left.foreign and not force:
            raise _another_organization(book, out, left)
        orphaned, gone = _orphans(book, left, out) if selected is None else ([], [])
        files, links = _feed_files(book, builder, made, left, named, selected, base_url, orphaned)
        recorded: dict[str, Any] = {"inputs": given, "said": list(said)} if given is not None else {}
        if selected is None:
            files[INDEX] = functools.partial(_hashed, index_pieces, recorded, book, links, made.coming, builder, base_url)
        files[STATE_FILE] = made.state(left.state_entries())
        done = made
        if isinstance(done, Reused) or done.recorder is not None and done.recorder.whole:  # (a UID adopted: nothing recorded)
            # made once index.html is written (the files are written in order), with its SHA-256
            files[REUSE_FILE] = lambda: done.record_bytes(book, recorded) if isinstance(done, Reused) else done.recorder.record(book, builder.stamp, heads, done.begin, len(meetings), recorded) or b""  # type: ignore[union-attr]
        names = [*files]  # feeds, all.ics, index.html, state: a reader of index.html comes last
        # (an export of all that records nothing, fewer than REUSE_FROM events or a UID
        # adopted, drops the last one's record: stale, it only matched no file, but a folder
        # should not hold what its last export did not write)
        drop = (*((REUSE_FILE,) if selected is None and REUSE_FILE not in files else ()), *gone)
        write_set(out, {name: content for name, content in files.items() if content is not KEPT}, names, drop)  # the whole set switches at once (see planner.outputs.file_set); a file KEPT is linked
    finally:
        previous.close()
        if made is not None:
            made.close()
        if left is not None:
            left.close()
    return [out / name for name in names if name not in (STATE_FILE, REUSE_FILE)]


def _names(book: RuleBook, builder: FeedBuilder, base_url: str | None, selected: set[str] | None) -> tuple[list[tuple[str, str, str, str]], dict[str, bytes], tuple[str, str, str | None] | None]:
    """The feeds of ``selected`` bodies (None: all): file name, title, caption and body; each
    one's head (as of a feed with events); all.ics's name, caption and URL (None with ``selected``)."""
    combined = (*combined_names(book), source_url(base_url, f"{COMBINED}.ics")) if selected is None else None
    named = [(f"{body.id}.ics", *body_names(book, body), body.id) for body in book.bodies if selected is None or body.id in selected]
    heads = {body: builder.calendar_head(title, caption, source_url(base_url, filename), empty=False, body=body)[0] for filename, title, caption, body in named}
    return named, heads, combined


def _feed_files(book: RuleBook, builder: FeedBuilder, made: FeedEvents, left: Leftovers, named: list[tuple[str, str, str, str]], selected: set[str] | None, base_url: str | None, orphaned: Sequence[tuple[str, str, str, str]] = ()) -> tuple[dict[str, Content | Kept], list[tuple[str, str, int]]]:
    """The feeds (and all.ics, with ``selected`` None) of ``made``'s events and ``left``'s
    tombstones: a spool, a file :data:`KEPT` or a producer of its pieces, by name; and the
    links of index.html (file, title, number of events). ``orphaned``: feeds of bodies gone
    from the rule book (:func:`_orphans`), made of their tombstones alone and not linked."""
    feeds: list[tuple[str, str, str, str | None]] = [(filename, title, caption, body) for filename, title, caption, body in named]
    if selected is None:
        name, caption = combined_names(book)
        feeds.append((f"{COMBINED}.ics", name, caption, None))

    def feed(title: str, caption: str, body: str | None, source: str | None) -> Callable[[], Iterator[bytes]]:
        def pieces() -> Iterator[bytes]:
            head, end = builder.calendar_head(title, caption, source, empty=not made.count(body) and not left.has(body), body=body)
            yield head
            yield from made.events(body)
            yield from left.tombstones(body)()
            yield end

        return pieces

    files: dict[str, Content | Kept] = {filename: (body is not None and made.feed(body, left.tombstones(body))) or feed(title, caption, body, source_url(base_url, filename)) for filename, title, caption, body in [*feeds, *orphaned]}
    if selected is None and (whole := made.all_ics(left.tombstones(None))) is not None:
        files[f"{COMBINED}.ics"] = whole
    return files, [(f, t, made.count(b)) for f, t, _, b in feeds]


def _orphans(book: RuleBook, left: Leftovers, out: Path) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """The feeds of bodies the rule book no longer has (a body removed, or another rule book's
    export into the folder) whose events the last export gave: each made again of their
    CANCELLED tombstones while they are shown, so that a subscriber to ``{body}.ics`` sees its
    meetings cancelled rather than live for ever (file name, title, caption, body); and the
    feeds of such bodies with no tombstone left, to remove. Only bodies whose id could be a
    rule book's (the state file is an input): never a path."""
    ours = {body.id for body in book.bodies}
    former = sorted(b for b in left.bodies if b not in ours and _id_like(b))
    shown = [(f"{b}.ics", b, f"Meetings of {b}, no longer in the rule book of {book.organization.short_name}: cancelled", b) for b in former if left.has(b)]
    gone = [f"{b}.ics" for b in former if not left.has(b) and (out / f"{b}.ics").is_file() and not (out / f"{b}.ics").is_symlink()]
    return shown, gone


def _another_organization(book: RuleBook, out: Path, left: Leftovers) -> OutputError:
    uid, body = left.foreign_uid
    other = uid.partition(f"-{body}-")[0] if f"-{body}-" in uid else uid.partition("-")[0]
    ours = book.organization.id
    return OutputError(
        f"{out}: holds the feeds of another organization, {other!r} ({left.foreign:,} live events, e.g. {uid}), not of this rule book's {ours!r}: "
        "writing would cancel those events in every subscriber's calendar, so nothing was written "
        f"(expected a folder of {ours!r} feeds or a new one; --force writes and cancels them)"
    )


def _id_like(text: str) -> bool:
    return len(text) <= MAX_ID_LENGTH and re.fullmatch(ID_RE, text) is not None and text not in RESERVED_IDS


def _hashed(make: Callable[..., Iterable[bytes]], into: dict[str, Any], *args: Any) -> Iterator[bytes]:
    """The pieces of ``make(*args)``, their SHA-256 put in ``into`` as ``index`` once all are given."""
    digest = hashlib.sha256()
    for piece in make(*args):
        digest.update(piece)
        yield piece
    into["index"] = digest.hexdigest()


def written_before(book: RuleBook, out_dir: str | Path, stamp: datetime, given: str, base_url: str | None = None, keep_days: int = KEEP_DAYS) -> tuple[list[Path], int, list[str]] | None:
    """When ``out_dir`` holds what an export of every body, made from what ``given`` is the
    print of (:mod:`planner.outputs.calendar.folder.given`: every input's bytes, every option,
    the day, the code) as of ``stamp``, writes: the paths it writes, its number of meetings and
    the warnings reading its inputs gave; else None. Nothing is written.

    The last export's record says it was made from those inputs as of that stamp, so its
    meetings are this one's, and the events it wrote are those this one makes (each with the
    revision the state file holds: :mod:`planner.outputs.calendar.folder.reuse`); they are
    read back and checked, and what the rule book and the state file give (heads, tombstones,
    the state's entries of what left) is made and compared with the files, index.html with
    its recorded SHA-256. The register is not read: at a million meetings that, the date order
    and index.html were some 6 s of CPU of a re-export."""
    out = Path(out_dir)
    if not _as_given(read_record(out), book, stamp, given):
        return None
    with folder_lock(out), paused_gc():
        record = read_record(out)  # (what another run may have written in between)
        if record is None or not _as_given(record, book, stamp, given):
            return None
        builder = FeedBuilder(book, stamp)
        named, heads, combined = _names(book, builder, base_url, None)
        counts = {body: found[4] for body, found in record["bodies"].items()}
        refuse_foreign(out, folder_names(book))  # as writing would
        made = Reused(out, record, builder, [], counts, heads, combined, out.parent, record["state"][3])
        left: Leftovers | None = None
        try:
            if not made.build() or made.previous is None:
                return None
            left = Leftovers(made.previous, builder.stamp, keep_days, None, made.previous.legacy, out.parent)
            files = _feed_files(book, builder, made, left, named, None, base_url)[0]
            files[STATE_FILE] = made.state(left.state_entries())
            if not all(_holds(out / name, content) for name, content in files.items()) or _digest(out / INDEX) != record["index"]:
                return None
            tidy(out, [*files, INDEX])  # a killed run's leftovers, as writing the set would
        except (OSError, TypeError, ValueError, KeyError):  # a file gone, a record of the wrong shape
            return None
        finally:
            if made.previous is not None:
                made.previous.close()
            made.close()
            if left is not None:
                left.close()
    return [out / name for name in (*files, INDEX) if name != STATE_FILE], record["state"][3], record["said"]


def _as_given(record: dict[str, Any] | None, book: RuleBook, stamp: datetime, given: str) -> bool:
    """Whether ``record`` is of an export made from ``given`` as of ``stamp``, with what
    :func:`written_before` needs."""
    if record is None or record.get("inputs") != given or record.get("stamp") != stamp.isoformat() or record.get("organization") != book.organization.id:
        return False
    said, bodies, state = record.get("said"), record.get("bodies"), record.get("state")
    return isinstance(record.get("index"), str) and isinstance(said, list) and all(isinstance(s, str) for s in said) and isinstance(bodies, dict) and all(isinstance(f, list) and len(f) == 5 for f in bodies.values()) and isinstance(state, list) and len(state) == 4 and isinstance(state[3], int)


def _holds(path: Path, content: Content | Kept) -> bool:
    """Whether the file ``path`` holds ``content``: :data:`KEPT` does, a producer's pieces
    are compared (a spool is made where a file is not as it comes out)."""
    if isinstance(content, Kept):
        return True
    if not callable(content):
        return False
    with path.open("rb") as handle:
        return all(handle.read(len(piece)) == piece for piece in content()) and not handle.read(1)


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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
    made = Reused(out, record, builder, order or meetings, counts, heads, combined, out.parent)
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
    builder.learn(ordered)
    ordered = builder.current(ordered)
    name, caption = combined_names(book)
    head, end = builder.calendar_head(name, caption, source, empty=not ordered)
    yield head
    for meeting, uid in each_uid(book, ordered):
        yield builder.event_text(meeting, uid).encode()
    yield end


def source_url(base_url: str | None, filename: str) -> str | None:
    """Where a feed is served, from ``--base-url``."""
    return f"{base_url.rstrip('/')}/{filename}" if base_url else None
