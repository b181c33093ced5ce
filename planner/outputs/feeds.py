"""The feed folder: ``{body}.ics`` per body, ``all.ics``, ``index.html`` and the state file
that remembers SEQUENCE between exports (see :mod:`planner.outputs.ical` for the events)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path

from planner.core.errors import InputError
from planner.core.model import Meeting, RuleBook
from planner.inputs.atomic import write_atomic
from planner.inputs.inputfile import read_bytes
from planner.inputs.limits import MAX_STATE_BYTES, screen
from planner.outputs.ical import (
    COMBINED,
    STATE_FILE,
    FeedBuilder,
    Revision,
    combined_names,
    fingerprint,
    revise,
)
from planner.outputs.index_html import index_html


def load_state(out_dir: Path, warn: Callable[[str], None] | None = None) -> dict[str, Revision]:
    """The revisions of the previous export into ``out_dir`` (none on the first).

    The state file is our own memory, not the user's input: a damaged one (truncated, edited,
    ``"sequence": 1e400``) is reported through ``warn`` and ignored, so SEQUENCE numbers start
    again at 0. It never stops the export."""
    path = out_dir / STATE_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(read_bytes(path, InputError, MAX_STATE_BYTES))
        for _where, problem, _value, _expected in screen(data, dates=False):
            raise ValueError(problem)
        revisions = {}
        for uid, v in data["events"].items():
            sequence = v["sequence"]
            if type(sequence) is not int or not 0 <= sequence < 2**31:
                raise ValueError(f"sequence {sequence!r} of {uid!r} is not a whole number from 0 to 2147483647")
            revisions[uid] = Revision(str(v["fingerprint"]), sequence, datetime.fromisoformat(v["last_modified"]))
        return revisions
    except (InputError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError) as exc:
        if warn is not None:
            warn(f"{path}: state file is damaged and was ignored ({str(exc)[:160]}); SEQUENCE numbers start again at 0")
        return {}


def state_bytes(revisions: Mapping[str, Revision]) -> bytes:
    events = {uid: {"fingerprint": r.fingerprint, "sequence": r.sequence, "last_modified": r.last_modified.isoformat()} for uid, r in sorted(revisions.items())}
    return (json.dumps({"version": 1, "events": events}, indent=1, sort_keys=True) + "\n").encode()


def write_feeds(book: RuleBook, meetings: Iterable[Meeting], out_dir: str | Path, stamp: datetime, base_url: str | None = None, warn: Callable[[str], None] | None = None) -> list[Path]:
    """Write ``{body}.ics`` for every body, ``all.ics``, ``index.html`` and the state file into
    ``out_dir``; return the paths written (state file excluded), in that order."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    meetings = list(meetings)
    builder = FeedBuilder(book, stamp)
    items = builder.build(meetings)
    revisions = revise(load_state(out, warn), {uid: fingerprint(m) for m, uid in items}, builder.stamp)
    builder.revisions = revisions
    feeds: list[tuple[str, str, str, list[tuple[Meeting, str]]]] = []
    by_body: dict[str, list[tuple[Meeting, str]]] = {}
    for m, uid in items:  # grouped once: a scan of every item per body is quadratic
        by_body.setdefault(m.body, []).append((m, uid))
    for body in book.bodies:
        mine = by_body.get(body.id, [])
        feeds.append((f"{body.id}.ics", body.name, f"Meetings of the {body.name} ({book.organization.short_name})", mine))
    name, caption = combined_names(book)
    feeds.append((f"{COMBINED}.ics", name, caption, items))
    written: list[Path] = []
    for filename, title, caption, subset in feeds:
        path = out / filename
        write_atomic(path, builder.calendar_bytes(title, caption, subset))
        written.append(path)
    index = out / "index.html"
    write_atomic(index, index_html(book, [(f, t, len(s)) for f, t, _, s in feeds], items, builder, base_url).encode())
    written.append(index)
    write_atomic(out / STATE_FILE, state_bytes(revisions))
    return written
