"""The feed folder: ``{body}.ics`` per body, ``all.ics``, ``index.html`` and the state file
that remembers SEQUENCE, LAST-MODIFIED, tombstones and adopted UIDs between exports (see
:mod:`planner.outputs.calendar.revisions`; :mod:`planner.outputs.calendar.ical` for the events).

Without a state file (deleted, damaged, or never written) SEQUENCE must not silently go back to
0: the revisions are then read from the feeds already in the folder, the ones this export
replaces, with one warning. An export of some bodies (``--body``) writes only their feeds and
leaves ``all.ics``, ``index.html`` and the other bodies' feeds as they were.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.core.errors import InputError
from planner.core.model import Meeting, RuleBook
from planner.inputs.atomic import write_set
from planner.inputs.inputfile import read_bytes
from planner.inputs.limits import MAX_STATE_BYTES, screen
from planner.outputs.calendar.ical import (
    COMBINED,
    REMOVED_SUFFIX,
    STATE_FILE,
    FeedBuilder,
    combined_names,
)
from planner.outputs.calendar.index_html import index_html
from planner.outputs.calendar.revisions import (
    KEEP_DAYS,
    Revision,
    adopt,
    draft,
    fingerprint,
    revise,
    tombstone_event,
    tombstones,
)

INDEX = "index.html"
STATE_VERSION = 2
_DATES = ("start", "end", "removed")


def _revision(uid: str, v: Any) -> Revision:
    sequence = v["sequence"]
    if type(sequence) is not int or not 0 <= sequence < 2**31:
        raise ValueError(f"sequence {sequence!r} of {uid!r} is not a whole number from 0 to 2147483647")
    extra = {k: v[k] for k in ("content", "body", "kind", "numbered", "summary", "location") if k in v}
    for key in _DATES:
        if v.get(key):
            extra[key] = date.fromisoformat(v[key])
    if not all(isinstance(extra.get(k, ""), str) for k in ("body", "kind", "summary", "location")) or not isinstance(extra.get("numbered", False), bool) or not isinstance(v["fingerprint"], str):
        raise ValueError(f"entry {uid!r} has a field of the wrong type")
    return Revision(str(v["fingerprint"]), sequence, datetime.fromisoformat(v["last_modified"]), **extra)


def read_state(path: Path) -> dict[str, Revision]:
    """The revisions of a state file; ValueError (or KeyError, TypeError, ...) when damaged."""
    data = json.loads(read_bytes(path, InputError, MAX_STATE_BYTES))
    for _where, problem, _value, _expected in screen(data, dates=False):
        raise ValueError(problem)
    return {uid: _revision(uid, v) for uid, v in data["events"].items()}


def load_state(out_dir: Path, warn: Callable[[str], None] | None = None, book: RuleBook | None = None) -> dict[str, Revision]:
    """The revisions of the previous export into ``out_dir`` (none on the first).

    The state file is our own memory, not the user's input: a damaged one (truncated, edited,
    ``"sequence": 1e400``) is reported through ``warn`` and ignored. It never stops the export.
    Missing or damaged, its place is taken by the feeds of the folder (given ``book``), so
    SEQUENCE never goes backwards for an event that did not change."""
    path = out_dir / STATE_FILE
    problem = None
    if path.exists():
        try:
            return read_state(path)
        except (InputError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError) as exc:
            problem = f"state file is damaged and was ignored ({str(exc)[:160]})"
    found = revisions_from_feeds(out_dir, book) if book is not None else {}
    if (problem or found) and warn is not None:
        tail = f"SEQUENCE and LAST-MODIFIED of {len(found)} events taken from the feeds in {out_dir}" if found else "SEQUENCE numbers start again at 0"
        warn(f"{path}: {problem or 'missing'}; {tail}")
    return found


def revisions_from_feeds(out_dir: Path, book: RuleBook) -> dict[str, Revision]:
    """What the feeds already in ``out_dir`` say of each of our events (the highest SEQUENCE
    where two feeds disagree). Files that cannot be read are passed over: they are about to be
    replaced, and the state file is the memory that failed, not the user's input."""
    from icalendar import Calendar

    found: dict[str, Revision] = {}
    names = [f"{COMBINED}.ics", *(f"{b.id}.ics" for b in book.bodies)]
    for name in names:
        path = out_dir / name
        if not path.is_file():
            continue
        try:
            events = Calendar.from_ical(read_bytes(path, InputError, MAX_STATE_BYTES)).walk("VEVENT")
        except (InputError, ValueError):
            continue
        for event in events:
            rev = _from_event(event, book)
            uid = str(event.get("UID", ""))
            if rev is not None and (uid not in found or found[uid].sequence < rev.sequence):
                found[uid] = rev
    return found


def _from_event(event: Any, book: RuleBook) -> Revision | None:
    from planner.inputs.ics.ics_events import meeting_fields, text

    body = text(event, "X-PLANNER-BODY")
    try:
        sequence = int(event.get("SEQUENCE", 0))
        modified = event["LAST-MODIFIED"].dt
        start, end = event["DTSTART"].dt, event["DTEND"].dt if "DTEND" in event else None
        removed = text(event, "X-PLANNER-REMOVED")
        summary = str(event.get("SUMMARY", ""))
        common = {"body": body, "kind": text(event, "X-PLANNER-KIND"), "numbered": "X-PLANNER-ORDINAL" in event or "X-PLANNER-ID" in event, "start": start, "end": end, "location": str(event.get("LOCATION", ""))}
        if removed:
            return Revision("", sequence, modified, None, summary=summary.removesuffix(REMOVED_SUFFIX).strip(), removed=date.fromisoformat(removed), **common)
        meeting = Meeting.model_validate(meeting_fields(event, body, book, date(1970, 1, 1)))
        return Revision(fingerprint(meeting), sequence, modified, None, summary=summary, **common)
    except Exception:  # noqa: BLE001 - any event we cannot read back is simply not remembered
        return None


def state_bytes(revisions: Mapping[str, Revision]) -> bytes:
    events = {}
    for uid, r in sorted(revisions.items()):
        entry = {k: v for k, v in asdict(r).items() if v not in (None, "", False)}
        entry["fingerprint"] = r.fingerprint
        entry["sequence"] = r.sequence
        entry["last_modified"] = r.last_modified.isoformat()
        for key in _DATES:
            if key in entry:
                entry[key] = entry[key].isoformat()
        events[uid] = entry
    return (json.dumps({"version": STATE_VERSION, "events": events}, indent=1, sort_keys=True) + "\n").encode()


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
) -> list[Path]:
    """Write ``{body}.ics`` for every body (or only ``bodies``), ``all.ics`` and ``index.html``
    (only when every body is written) and the state file into ``out_dir``; return the paths
    written (state file excluded), in that order. Meetings that left the input since the last
    export stay ``keep_days`` as CANCELLED tombstones."""
    out = Path(out_dir)
    builder = FeedBuilder(book, stamp)
    previous = load_state(out, warn, book)
    selected = set(bodies) if bodies is not None else None
    items = adopt(builder.build(meetings), previous)
    drafts = {uid: draft(builder.bodies.get(m.body), m, builder.stamp) for m, uid in items}
    revisions = revise(previous, drafts, builder.stamp, (lambda r: r.body in selected) if selected is not None else (lambda r: True))
    builder.revisions = revisions
    dead: dict[str, list[bytes]] = {}
    for uid, rev in tombstones(revisions, builder.stamp, keep_days, selected):
        dead.setdefault(rev.body, []).append(tombstone_event(uid, rev, builder.stamp).to_ical())
    by_body: dict[str, list[tuple[Meeting, str]]] = {}
    for m, uid in items:  # grouped once: a scan of every item per body is quadratic
        by_body.setdefault(m.body, []).append((m, uid))
    feeds: list[tuple[str, str, str, list[tuple[Meeting, str]], list[bytes]]] = []
    for body in book.bodies:
        if selected is None or body.id in selected:
            feeds.append((f"{body.id}.ics", body.name, f"Meetings of the {body.name} ({book.organization.short_name})", by_body.get(body.id, []), dead.get(body.id, [])))
    if selected is None:
        name, caption = combined_names(book)
        feeds.append((f"{COMBINED}.ics", name, caption, items, [e for body_dead in dead.values() for e in body_dead]))
    files = {filename: builder.calendar_bytes(title, caption, subset, gone, source_url(base_url, filename)) for filename, title, caption, subset, gone in feeds}
    if selected is None:
        files[INDEX] = index_html(book, [(f, t, len(s)) for f, t, _, s, _ in feeds], items, builder, base_url).encode()
    files[STATE_FILE] = state_bytes(revisions)
    order = [*files]  # feeds, all.ics, index.html, state: a reader of index.html comes last
    write_set(out, files, order)  # the whole set switches at once (see planner.inputs.atomic)
    return [out / name for name in order if name != STATE_FILE]


def source_url(base_url: str | None, filename: str) -> str | None:
    """Where a feed is served, from ``--base-url``."""
    return f"{base_url.rstrip('/')}/{filename}" if base_url else None

