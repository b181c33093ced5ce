"""What a publish writes: the difference between the feed's events and a CalDAV server's copy.

Pure (nothing here talks to a server; :mod:`planner.outputs.calendar.caldav` does):

* **By UID.** An event the server lacks is created; one it holds is replaced only when a
  property of ours differs (:data:`_WRITTEN` and the ``X-PLANNER-*`` ones), with SEQUENCE
  raised only for a significant revision (RFC 5546 2.1.4: time, place, status).
* **Nothing orphaned.** An event of ours the input no longer gives becomes a tombstone
  (STATUS:CANCELLED), or is deleted with ``prune``.
* **A person's edit is not overwritten silently.** Each event planner writes carries
  ``X-PLANNER-DIGEST``, the SHA-256 of its properties of ours as written. A server copy whose
  properties no longer give its digest was changed by someone else since (a secretariat moving
  the meeting in Thunderbird, a note added in a web calendar): planner leaves it as it is, a
  ``keep`` (the command says so and exits 1), unless told to ``overwrite``. A copy without a
  digest (written before planner kept one) is taken as planner's own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from icalendar import Event

from planner.core.model import Meeting, RuleBook
from planner.outputs.calendar.event_words import POSTPONED_PAST, UNCONFIRMED
from planner.outputs.calendar.ical import FeedBuilder
from planner.outputs.calendar.revisions import (
    Revision,
    adopt,
    next_sequence,
    sequence_of,
    tombstone,
)

# What a revision changes when it is significant (RFC 5546 2.1.4: time, place, status), as
# ``planner ics`` judges it (revisions.fingerprint): the days shown, the date as the register
# gives it (X-PLANNER-DATE: "2026" made "2026-03" is still shown on 1 January), the place, and
# the status: the event's and the register's (planned made held is CONFIRMED either way).
SIGNIFICANT = ("DTSTART", "DTEND", "DURATION", "LOCATION", "STATUS", "X-PLANNER-DATE", "X-PLANNER-STATUS")
# The lines of DESCRIPTION that say a planned or postponed meeting's days passed (a lapse
# STATUS shows only where the date was firm: a planned meeting of October 2026 is TENTATIVE
# before and after October).
_LAPSES = (UNCONFIRMED, POSTPONED_PAST)
# Properties of ours compared between the server's copy and the input's; the rest of a server
# copy (CREATED, a client's X-MOZ-*) is the server's or the reader's business.
_WRITTEN = ("UID", "DTSTART", "DTEND", "SUMMARY", "STATUS", "TRANSP", "CATEGORIES", "LOCATION", "DESCRIPTION", "URL")
DIGEST = "X-PLANNER-DIGEST"


@dataclass(frozen=True, slots=True)
class Change:
    """One write: ``create``, ``update``, ``cancel`` (tombstone) or ``delete``; or ``keep``, an
    event edited on the server that planner would have changed and leaves as it is."""

    action: str
    uid: str
    summary: str
    day: str


def _values(event: Event, name: str) -> tuple[bytes, ...]:
    value = event.get(name)
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(v.to_ical() if hasattr(v, "to_ical") else str(v).encode() for v in items)


def content(event: Event, names: Iterable[str]) -> dict[str, tuple[bytes, ...]]:
    return {name: _values(event, name) for name in names}


def _ours(event: Event) -> list[str]:
    return [*_WRITTEN, *sorted(name for k in event if (name := str(k).upper()).startswith("X-PLANNER-") and name != DIGEST)]


def digest(event: Event) -> str:
    """SHA-256 of ``event``'s properties of ours, name by name in a fixed order."""
    sha = hashlib.sha256()
    for name, values in sorted(content(event, _ours(event)).items()):
        for value in values:
            sha.update(name.encode() + b":" + value + b"\n")
    return sha.hexdigest()


def signed(event: Event) -> Event:
    """``event`` carrying the digest of what planner writes in it (any older one replaced)."""
    event.pop(DIGEST, None)
    event.add(DIGEST, digest(event))
    return event


def edited(event: Event) -> bool:
    """Whether the server's copy was changed since planner wrote it: its digest no longer fits.
    A copy without a digest (written before planner kept one) is taken as planner's own."""
    written = event.get(DIGEST)
    return written is not None and str(written) != digest(event)


def _day(event: Event) -> str:
    start = event.get("DTSTART")
    value = getattr(start, "dt", None)
    return value.isoformat()[:10] if value is not None else ""


def revised(wanted: Event, server: Event, stamp: datetime) -> Event | None:
    """``wanted`` with the SEQUENCE and LAST-MODIFIED it must carry to replace ``server``, or
    None when the server's copy already says the same."""
    names = sorted(set(_ours(wanted)) | set(_ours(server)))
    if content(wanted, names) == content(server, names):
        return None
    significant = content(wanted, SIGNIFICANT) != content(server, SIGNIFICANT) or _lapse(wanted) != _lapse(server)
    wanted["SEQUENCE"] = next_sequence(sequence_of(server)) if significant else sequence_of(server)
    wanted.pop("LAST-MODIFIED", None)
    wanted.add("LAST-MODIFIED", stamp)
    return wanted


def _lapse(event: Event) -> tuple[bool, ...]:
    """Which lines of :data:`_LAPSES` the event's DESCRIPTION holds."""
    lines = str(event.get("DESCRIPTION", "")).split("\n")
    return tuple(line in lines for line in _LAPSES)


def plan(wanted: Mapping[str, Event], server: Mapping[str, Event], stamp: datetime, *, prune: bool, bodies: Sequence[str] | None = None, overwrite: bool = False) -> list[tuple[Change, Event | None]]:
    """The writes that make ``server`` equal to ``wanted`` (both by UID), in UID order; the event
    to store with each, signed (None for a delete or a keep). Server events of bodies outside
    ``bodies`` (when given) are left alone; so is an event edited on the server (a ``keep``),
    unless ``overwrite``. Pure: the server is not touched."""
    out: list[tuple[Change, Event | None]] = []
    for uid in sorted(set(wanted) | set(server)):
        mine, theirs = wanted.get(uid), server.get(uid)
        if mine is None and bodies is not None and prop_text(theirs, "X-PLANNER-BODY") not in bodies:
            continue
        step: tuple[Change, Event | None] | None = None
        if mine is not None and theirs is None:
            step = (Change("create", uid, str(mine.get("SUMMARY", "")), _day(mine)), signed(mine))
        elif mine is not None and theirs is not None:
            new = revised(mine, theirs, stamp)
            if new is not None:
                step = (Change("update", uid, str(new.get("SUMMARY", "")), _day(new)), signed(new))
        elif theirs is not None and prune:
            step = (Change("delete", uid, str(theirs.get("SUMMARY", "")), _day(theirs)), None)
        elif theirs is not None and "X-PLANNER-REMOVED" not in theirs:
            dead = tombstone(theirs, stamp)
            step = (Change("cancel", uid, str(dead.get("SUMMARY", "")), _day(dead)), signed(dead))
        if step is not None and theirs is not None and not overwrite and edited(theirs):
            step = (Change("keep", uid, str(theirs.get("SUMMARY", "")), _day(theirs)), None)
        if step is not None:
            out.append(step)
    return out


def wanted_events(book: RuleBook, meetings: Iterable[Meeting], stamp: datetime, server: Mapping[str, Event] | None = None) -> dict[str, Event]:
    """The VEVENTs of the combined feed, by UID, SEQUENCE 0 (the server's copy decides), with
    the UIDs of corrected meetings taken over from ``server``."""
    builder = FeedBuilder(book, stamp)
    items = adopt(builder.build(meetings), {uid: _seen(ev) for uid, ev in (server or {}).items()})
    return {uid: Event.from_ical(builder.event(meeting, uid).to_ical()) for meeting, uid in items}


def prop_text(event: Event | None, name: str) -> str:
    return str(event.get(name, "")) if event is not None else ""


def _seen(event: Event) -> Revision:
    """What matching needs of a server event: body, kind, number, first day, removed or not."""
    start = getattr(event.get("DTSTART"), "dt", None)
    day = start.date() if isinstance(start, datetime) else start
    removed = prop_text(event, "X-PLANNER-REMOVED")
    return Revision("", sequence_of(event), datetime.min, body=prop_text(event, "X-PLANNER-BODY"), kind=prop_text(event, "X-PLANNER-KIND"), numbered="X-PLANNER-ORDINAL" in event or "X-PLANNER-ID" in event, start=day, removed=datetime.min.date() if removed else None)


