"""What a feed remembers between exports, so subscribers never see a step backwards.

* **SEQUENCE** rises by one when a meeting's time, place or status changes (RFC 5545 3.8.7.4,
  "significant revision"; RFC 5546 2.1.4); **LAST-MODIFIED** moves on every change of content
  (a new description, a corrected title) and only then.
* **Tombstones.** A meeting that leaves the input stays in its feeds as STATUS:CANCELLED with
  SEQUENCE + 1 for ``keep_days`` (90 by default), so a calendar that imported it (and does not
  delete what a feed stops listing) learns that it is gone (RFC 5546 3.2.5).
* **Stable UIDs.** Numbered meetings keep ``body + kind + ordinal``; a meeting without a
  number or an ``id`` whose derived UID is new takes over the UID of the meeting of the same
  body and kind, at the nearest date, that the last export held and this one no longer gives:
  a corrected date, or a projected meeting that became a recorded one, updates the event
  instead of cancelling it and adding another.

The memory is a :class:`Revision` per UID; :mod:`planner.outputs.calendar.folder.feeds` stores them in the
state file, and :mod:`planner.outputs.calendar.caldav` finds the same facts on the server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import NamedTuple

from icalendar import Event

from planner.core.model import Body, Meeting
from planner.outputs.calendar.event_words import description, host_line, shown_status, summary
from planner.outputs.calendar.ical import normalize_stamp, shown_days
from planner.outputs.calendar.lines import day, text_line, utc

KEEP_DAYS = 90

# RFC 5545 3.3.8: an INTEGER is 32-bit signed; SEQUENCE counts from 0
MAX_SEQUENCE = 2**31 - 1


def next_sequence(sequence: int) -> int:
    """The SEQUENCE after ``sequence``, never past the largest INTEGER: a server's event or a
    feed's state at 2147483647 (an import, a hand edit) stays there, where one more was a
    traceback (icalendar refuses the number) or a line no client reads."""
    return min(max(sequence, 0) + 1, MAX_SEQUENCE)


def sequence_of(event: Event) -> int:
    """An event's SEQUENCE as written by someone else: 0 when missing or not a number, and
    inside 0 to :data:`MAX_SEQUENCE`."""
    try:
        return min(max(int(event.get("SEQUENCE", 0)), 0), MAX_SEQUENCE)
    except (TypeError, ValueError):
        return 0


REMOVED_NOTE = "Removed: no longer in the register or the projection"
REMOVED_SUFFIX = "(removed)"


def tombstone(event: Event, stamp: datetime, *, sequence: int | None = None, last_modified: datetime | None = None, removed: date | None = None) -> Event:
    """A copy of ``event`` that tells subscribers the meeting is gone (RFC 5546 3.2.5: a
    cancellation is the event with STATUS:CANCELLED and a higher SEQUENCE). It keeps UID and
    dates, so every client that holds the event finds and strikes it; ``X-PLANNER-REMOVED``
    marks it as no meeting at all for readers of the feed (a register read back skips it).
    By default the removal is now: SEQUENCE + 1, LAST-MODIFIED and the removal day from
    ``stamp``; a feed repeating an older tombstone passes what it remembers."""
    dead = Event.from_ical(event.to_ical())
    stamp = normalize_stamp(stamp)
    removed = removed or stamp.date()
    for name in ("STATUS", "TRANSP", "SEQUENCE", "LAST-MODIFIED", "DTSTAMP", "SUMMARY", "DESCRIPTION", "X-PLANNER-REMOVED", "X-PLANNER-STATUS"):
        dead.pop(name, None)
    summary_text = str(event.get("SUMMARY", ""))
    dead.add("SUMMARY", summary_text if summary_text.endswith(REMOVED_SUFFIX) else f"{summary_text} {REMOVED_SUFFIX}".strip())
    dead.add("DTSTAMP", stamp)
    dead.add("STATUS", "CANCELLED")
    dead.add("TRANSP", "TRANSPARENT")
    dead.add("SEQUENCE", next_sequence(sequence_of(event)) if sequence is None else sequence)
    dead.add("LAST-MODIFIED", stamp if last_modified is None else normalize_stamp(last_modified))
    note = f"{REMOVED_NOTE} as of {removed.isoformat()}."
    old = str(event.get("DESCRIPTION", ""))
    dead.add("DESCRIPTION", f"{note}\n{old}" if old else note)
    dead.add("X-PLANNER-REMOVED", removed.isoformat())
    return dead


@dataclass(frozen=True, slots=True)
class Revision:
    """What is remembered of one UID: the prints that decide a revision, SEQUENCE and
    LAST-MODIFIED, and enough of the event (body, kind, days shown, summary, place) to match it
    again and to write its tombstone. ``content`` None: not known (an older state file, or
    read from a feed), taken as unchanged. ``removed``: the day it left the input."""

    fingerprint: str
    sequence: int
    last_modified: datetime
    content: str | None = None
    body: str = ""
    kind: str = ""
    numbered: bool = False
    start: date | None = None
    end: date | None = None
    summary: str = ""
    location: str = ""
    removed: date | None = None


def fingerprint(meeting: Meeting, today: date | None = None, part_of: int = 0) -> str:
    """What makes a revision significant (RFC 5545 3.8.7.4): dates, venue and status (as of
    ``today``: a planned meeting whose days passed unconfirmed is TENTATIVE, see
    :func:`~planner.outputs.calendar.event_words.shown_status`)."""
    text = "|".join((str(meeting.start), str(meeting.end or ""), meeting.city, meeting.country, shown_status(meeting, today, part_of)))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


_REPRS: dict[object, str] = {}


def _shared_repr(value: object) -> str:
    """``repr`` of a value many meetings share (a date, a kind, a status), made once."""
    text = _REPRS.get(value)
    if text is None:
        text = _REPRS[value] = repr(value)
    return text


def meeting_repr(meeting: Meeting) -> str:
    """``repr(tuple(meeting))``, with the reprs of dates and enums made once per value."""
    m, r, shared = meeting, repr, _shared_repr
    return f"({r(m[0])}, {shared(m[1])}, {shared(m[2])}, {r(m[3])}, {shared(m[4])}, {shared(m[5])}, {', '.join(map(r, m[6:8]))}, {shared(m[8])}, {', '.join(map(r, m[9:]))})"


CONTENT_FORM = "4"  # the form of the content print: raise it when the words an event is written in change


def content_print(body: Body | None, meeting: Meeting, today: date | None = None, part_of: int = 0) -> str:
    """Everything an event shows: any change moves LAST-MODIFIED. The event is written from
    its meeting's fields and its body's name and category alone (and this module's words, whose
    form :data:`CONTENT_FORM` names), so the print is of those, not of the written text: a
    million events are not written twice over to be compared."""
    m = meeting
    fields = (
        CONTENT_FORM,
        body.name if body else "",
        body.category.value if body else "",
        m.body,
        m.kind.value,
        shown_status(m, today, part_of),
        str(m.start),
        str(m.end or ""),
        str(m.ordinal),
        m.city,
        m.country,
        m.format.value if m.format else "",
        m.title,
        m.source,
        m.reason,
        m.rule_source,
        str(m.customary),
        m.key,
        "\x1e".join(m.documents),
        m.cbm,
        m.id,
    )
    host = host_line(body, m)  # (its words, "Host: chair to be decided", not the body's policy)
    return hashlib.sha256(("\x1f".join(fields) + (f"\x1fhost {host}" if host else "") + (f"\x1fpart {part_of}" if part_of else "")).encode()).hexdigest()[:16]


def legacy_content_print(body: Body | None, meeting: Meeting, summary_text: str | None = None, description_text: str | None = None, today: date | None = None) -> str:
    """The content print of state files before version 4 (of the summary, description,
    category and ``repr`` of the meeting): what an export compares with the prints of a folder
    made by an older version, so that upgrading moves no LAST-MODIFIED."""
    shown = (summary(body, meeting, today) if summary_text is None else summary_text, description(meeting, today) if description_text is None else description_text, body.category.value if body else "", meeting_repr(meeting))
    return hashlib.sha256("\x1f".join(shown).encode()).hexdigest()[:16]


class Draft(NamedTuple):
    """The fields of a new :class:`Revision`, quicker to make (an export makes one per event)."""

    fingerprint: str
    sequence: int
    last_modified: datetime
    content: str | None
    body: str
    kind: str
    numbered: bool
    start: date | None
    end: date | None
    summary: str
    location: str
    removed: date | None = None


def draft(body: Body | None, meeting: Meeting, stamp: datetime, summary_text: str | None = None, description_text: str | None = None) -> Revision:
    """The revision ``meeting`` would have if it were new (``summary_text`` and
    ``description_text``: its summary and description, when already made)."""
    return Revision(*draft_fields(body, meeting, stamp, summary_text, description_text))


def draft_fields(body: Body | None, meeting: Meeting, stamp: datetime, summary_text: str | None = None, description_text: str | None = None, part_of: int = 0) -> Draft:
    first, after = shown_days(meeting)
    today = stamp.date()
    shown = summary(body, meeting, today, part_of) if summary_text is None else summary_text
    return Draft(fingerprint(meeting, today, part_of), 0, stamp, content_print(body, meeting, today, part_of), meeting.body, meeting.kind.value, meeting.ordinal is not None or bool(meeting.id), first, after, shown, meeting.venue)


def adoption_pool(previous: Mapping[str, Revision]) -> dict[tuple[str, str], list[tuple[date, str]]]:
    """The previous export's live events a corrected meeting may take the UID of, by (body, kind)."""
    pool: dict[tuple[str, str], list[tuple[date, str]]] = {}
    for uid, rev in previous.items():
        if rev.removed is None and not rev.numbered and rev.start is not None:
            pool.setdefault((rev.body, rev.kind), []).append((rev.start, uid))
    return pool


def adopt(items: Sequence[tuple[Meeting, str]], previous: Container[str], fixed: Callable[[Meeting], bool] = lambda m: m.ordinal is not None or bool(m.id), pool: dict[tuple[str, str], list[tuple[date, str]]] | None = None) -> list[tuple[Meeting, str]]:
    """``items`` with new UIDs of un-numbered meetings replaced by the UID of the previous
    export's live event of the same body and kind at the nearest date that this export no
    longer gives (ties: the earlier date, then the UID). Each old UID goes to one meeting.
    ``pool``: :func:`adoption_pool` of ``previous``, made once when ``items`` come body by body
    (every meeting of a body must be in one call); given it, ``previous`` need only answer
    ``in`` (the UIDs of ``items`` the last export gave)."""
    if pool is None:
        assert isinstance(previous, Mapping)
        pool = adoption_pool(previous)
    if not pool:
        return list(items)
    current = {uid for _, uid in items}
    out = []
    for meeting, uid in items:
        candidates = pool.get((meeting[0], meeting[2]._value_))  # body, kind
        if candidates and not fixed(meeting) and uid not in previous:  # a numbered meeting never asks previous
            uid = nearest(candidates, meeting, current) or uid
        out.append((meeting, uid))
    return out


def nearest(candidates: list[tuple[date, str]], meeting: Meeting, current: Container[str]) -> str | None:
    """The UID ``meeting`` adopts (see :func:`adopt`), taken from ``candidates``: the nearest
    to its date of those not in ``current`` (the UIDs the export gives), or None."""
    free = [c for c in candidates if c[1] not in current]
    if not free:
        return None
    day = meeting.earliest
    best = min(free, key=lambda c: (abs((c[0] - day).days), c[0], c[1]))
    candidates.remove(best)
    return best[1]


def numbers(old: Revision | None, fingerprint: str, content: str | None, stamp: datetime) -> tuple[int, datetime]:
    """SEQUENCE and LAST-MODIFIED of an event now of ``fingerprint`` and ``content`` that the
    last export gave as ``old``: unchanged, it keeps both; a new content moves LAST-MODIFIED; a
    new time, place or status also raises SEQUENCE; an event that comes back after a tombstone
    rises again. ``stamp``: normalized (:func:`normalize_stamp`)."""
    if old is None:
        return 0, stamp
    if old.removed is not None or old.fingerprint != fingerprint:
        return next_sequence(old.sequence), stamp
    if old.content is not None and old.content != content:
        return old.sequence, stamp
    return old.sequence, old.last_modified


def revised(old: Revision | None, new: Revision, stamp: datetime) -> Revision:
    """The revision of an event drafted as ``new`` (see :func:`draft`) that the last export
    gave as ``old`` (see :func:`numbers`)."""
    sequence, modified = numbers(old, new.fingerprint, new.content, stamp)
    return Revision(new.fingerprint, sequence, modified, new.content, new.body, new.kind, new.numbered, new.start, new.end, new.summary, new.location)


def removed(old: Revision, stamp: datetime) -> Revision:
    """The tombstone's revision of a live event that left the input."""
    return replace(old, sequence=next_sequence(old.sequence), last_modified=stamp, removed=stamp.date())


def tombstones(revisions: Mapping[str, Revision], stamp: datetime, keep_days: int = KEEP_DAYS, bodies: Iterable[str] | None = None) -> list[tuple[str, Revision]]:
    """The removed events still shown (removed at most ``keep_days`` before ``stamp``), by
    date then UID; only those of ``bodies`` when given."""
    today = normalize_stamp(stamp).date()
    wanted = set(bodies) if bodies is not None else None
    return sorted(((uid, r) for uid, r in revisions.items() if still_shown(r, today, keep_days, wanted)), key=lambda item: (item[1].start, item[0]))


def still_shown(rev: Revision, today: date, keep_days: int, wanted: Container[str] | None) -> bool:
    """Whether the tombstone of ``rev`` is still in its feed on ``today``: removed at most
    ``keep_days`` before, dated, of a body ``wanted`` (None: any)."""
    return rev.removed is not None and rev.start is not None and (today - rev.removed).days <= keep_days and (wanted is None or rev.body in wanted)


def tombstone_event(uid: str, rev: Revision, stamp: datetime) -> Event:
    """The CANCELLED event of a removed meeting, the same bytes at every export until it ages out."""
    base = Event()
    base.add("UID", uid)
    base.add("DTSTART", rev.start)
    if rev.end is not None:
        base.add("DTEND", rev.end)
    base.add("SUMMARY", rev.summary or uid)
    if rev.location:
        base.add("LOCATION", rev.location)
    if rev.body:
        base.add("X-PLANNER-BODY", rev.body)
    if rev.kind:
        base.add("X-PLANNER-KIND", rev.kind)
    return tombstone(base, stamp, sequence=rev.sequence, last_modified=rev.last_modified, removed=rev.removed)


def tombstone_text(uid: str, rev: Revision, stamp: datetime) -> bytes:
    """``tombstone_event(uid, rev, stamp).to_ical()``, written line by line
    (:mod:`~planner.outputs.calendar.lines`) where every text is printable and holds no
    backslash (which icalendar reads back as an escape), and the body and kind no comma or
    semicolon (icalendar reads its X- properties back unescaped): through icalendar it took some
    half a millisecond a tombstone, minutes when an export gives half of what the last gave."""
    texts = (rev.summary, uid, rev.location, rev.body, rev.kind)
    if rev.start is None or not all(t.isprintable() and "\\" not in t for t in texts) or any("," in t or ";" in t for t in (rev.body, rev.kind)):
        return tombstone_event(uid, rev, stamp).to_ical()
    stamp = normalize_stamp(stamp)
    gone = (rev.removed or stamp.date()).isoformat()
    shown = rev.summary or uid
    out = ["BEGIN:VEVENT\r\n", text_line("SUMMARY", shown if shown.endswith(REMOVED_SUFFIX) else f"{shown} {REMOVED_SUFFIX}".strip()), f"DTSTART;VALUE=DATE:{day(rev.start)}\r\n"]
    if rev.end is not None:
        out.append(f"DTEND;VALUE=DATE:{day(rev.end)}\r\n")
    out += [f"DTSTAMP:{utc(stamp)}\r\n", text_line("UID", uid), f"SEQUENCE:{rev.sequence}\r\n", text_line("DESCRIPTION", f"{REMOVED_NOTE} as of {gone}."), f"LAST-MODIFIED:{utc(normalize_stamp(rev.last_modified))}\r\n"]
    if rev.location:
        out.append(text_line("LOCATION", rev.location))
    out.append("STATUS:CANCELLED\r\nTRANSP:TRANSPARENT\r\n")
    if rev.body:
        out.append(text_line("X-PLANNER-BODY", rev.body))
    if rev.kind:
        out.append(text_line("X-PLANNER-KIND", rev.kind))
    out.append(f"X-PLANNER-REMOVED:{gone}\r\nEND:VEVENT\r\n")
    return "".join(out).encode()
