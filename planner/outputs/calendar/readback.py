"""What the feeds already in a folder say of each of our events, when the state file that
remembers them is missing or damaged: the highest SEQUENCE of each UID, so that SEQUENCE never
goes backwards.

Small folders are read back whole with icalendar, each event's fingerprint rebuilt, so an
unchanged event keeps its SEQUENCE. A folder past :data:`READBACK_BYTES` (tens of thousands of
events) is scanned a line at a time for what the state needs (UID, SEQUENCE, body, kind, days,
summary, place, removal): work and memory bounded by the file size, not the event count times
icalendar's objects (a 300,000-event folder took over 5 minutes and 3 GB to read whole). Its
fingerprints are unknown, so every event that comes again rises by one SEQUENCE: clients update
what they hold, never ignore it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from planner.core.errors import InputError
from planner.core.model import Meeting, RuleBook
from planner.inputs.inputfile import read_bytes
from planner.inputs.limits import MAX_STATE_BYTES, MiB
from planner.outputs.calendar.ical import COMBINED
from planner.outputs.calendar.revisions import REMOVED_SUFFIX, Revision, fingerprint

READBACK_BYTES = 16 * MiB  # feeds read back whole with icalendar up to this size; scanned beyond
_MAX_SEQUENCE = 2**31 - 1  # RFC 5545 integer
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_READ = 1 << 22  # bytes of a feed scanned at a time
_NAMES = 1 << 12  # line heads remembered with their property's name
_ESCAPE = re.compile(r"\\(.?)", re.DOTALL)  # a TEXT escape (RFC 5545 3.3.11)


def _feeds(out_dir: Path, book: RuleBook) -> list[Path]:
    names = [f"{COMBINED}.ics", *(f"{b.id}.ics" for b in book.bodies)]
    return [p for p in (out_dir / n for n in names) if p.is_file()]


def revisions_from_feeds(out_dir: Path, book: RuleBook) -> dict[str, Revision]:
    """What the feeds already in ``out_dir`` say of each of our events (the highest SEQUENCE
    where two feeds disagree). Files that cannot be read are passed over: they are about to be
    replaced, and the state file is the memory that failed, not the user's input."""
    paths = _feeds(out_dir, book)
    try:
        size = sum(p.stat().st_size for p in paths)
    except OSError:
        size = READBACK_BYTES + 1
    if size > READBACK_BYTES:
        return _scanned(paths)
    from icalendar import Calendar

    found: dict[str, Revision] = {}
    for path in paths:
        try:
            events = Calendar.from_ical(read_bytes(path, InputError, MAX_STATE_BYTES)).walk(
                "VEVENT"
            )
        except (InputError, ValueError, AttributeError, TypeError):  # (icalendar's parser: VALUE=DATE,X an AttributeError)
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
        common = {
            "body": body,
            "kind": text(event, "X-PLANNER-KIND"),
            "numbered": "X-PLANNER-ORDINAL" in event or "X-PLANNER-ID" in event,
            "start": start,
            "end": end,
            "location": str(event.get("LOCATION", "")),
        }
        if removed:
            return Revision(
                "",
                sequence,
                modified,
                None,
                summary=summary.removesuffix(REMOVED_SUFFIX).strip(),
                removed=date.fromisoformat(removed),
                **common,
            )
        meeting = Meeting.model_validate(meeting_fields(event, body, book, date(1970, 1, 1)))
        stamped = event["DTSTAMP"].dt if "DTSTAMP" in event else None  # the day it was made as of (its lapse)
        return Revision(fingerprint(meeting, stamped.date() if isinstance(stamped, datetime) else None), sequence, modified, None, summary=summary, **common)
    except Exception:  # noqa: BLE001 - any event we cannot read back is simply not remembered
        return None


def _lines(path: Path) -> Iterator[str]:
    """The unfolded content lines of ``path`` (RFC 5545 3.1), up to the state's size limit (a
    line that ends past it is not read). Read some megabytes at a time, each split into lines
    at once (a line at a time, a million events' feeds took a minute to scan)."""
    seen = 0
    held = ""
    buf = bytearray()
    with path.open("rb") as f:
        while seen < MAX_STATE_BYTES:
            block = f.read(_READ)
            start = len(buf)
            buf += block
            cut = buf.rfind(b"\n", start) + 1 if block else len(buf)  # the last line may have no line break
            if not cut and block:  # a line longer than a block
                if seen + len(buf) > MAX_STATE_BYTES:
                    break
                continue
            chunk = bytes(buf[:cut])
            del buf[:cut]
            if not chunk:
                break
            if seen + len(chunk) > MAX_STATE_BYTES:  # the lines that end within the limit
                chunk = chunk[: chunk.rfind(b"\n", 0, MAX_STATE_BYTES - seen) + 1]
                seen = MAX_STATE_BYTES
                if not chunk:
                    break
            else:
                seen += len(chunk)
            lines = chunk.decode("utf-8", "replace").split("\n")
            if chunk.endswith(b"\n"):
                lines.pop()  # (after the last line break: nothing)
            for raw in lines:
                line = raw.rstrip("\r")
                if line[:1] in (" ", "\t"):
                    held += line[1:]
                    continue
                if held:
                    yield held
                held = line
            if not block:
                break
    if held:
        yield held


def _unescaped(value: str) -> str:
    """A TEXT value without its escapes: ``\\n`` or ``\\N`` a line break, a backslash and any
    other character that character (a backslash at the end: nothing)."""
    if "\\" not in value:
        return value
    return _ESCAPE.sub(_unescape_one, value)


def _unescape_one(match: re.Match[str]) -> str:
    char = match[1]
    return "\n" if char in ("n", "N") else char


@lru_cache(maxsize=1 << 16)  # a century of days, and a few stamps, make a million events
def _day(value: str) -> date | None:
    digits = value.replace("-", "")[:8]
    try:
        return (
            date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
            if len(digits) == 8 and digits.isdigit()
            else None
        )
    except ValueError:
        return None


@lru_cache(maxsize=1 << 16)
def _stamp(value: str) -> datetime:
    """LAST-MODIFIED as we write it (``20260401T000000Z``), else the epoch."""
    try:
        return (
            datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            if len(value) == 16
            else _EPOCH
        )
    except ValueError:
        return _EPOCH


def _scanned(paths: list[Path]) -> dict[str, Revision]:
    """The line scan of large folders (see the module's text)."""
    found: dict[str, Revision] = {}
    names: dict[str, str] = {}  # a line's head (``DTSTART;VALUE=DATE``) -> its property's name
    for path in paths:
        try:
            event: dict[str, str] | None = None
            for line in _lines(path):
                if line == "BEGIN:VEVENT":
                    event = {}
                elif line == "END:VEVENT" and event is not None:
                    rev = _scanned_event(event)
                    uid = event.get("UID", "")
                    if (
                        rev is not None
                        and uid
                        and (uid not in found or found[uid].sequence < rev.sequence)
                    ):
                        found[uid] = rev
                    event = None
                elif event is not None:
                    head, sep, value = line.partition(":")
                    if sep:
                        name = names.get(head)
                        if name is None:
                            name = head.split(";", 1)[0].upper()
                            if len(names) < _NAMES:  # (a damaged feed may give each line a head of its own)
                                names[head] = name
                        event.setdefault(name, value)
        except OSError:
            continue
    return found


def _scanned_event(e: dict[str, str]) -> Revision | None:
    sequence = e.get("SEQUENCE", "0")
    if not (sequence.isascii() and sequence.isdigit()) or len(sequence) > 10 or int(sequence) > _MAX_SEQUENCE:
        return None
    removed = _day(e.get("X-PLANNER-REMOVED", ""))
    summary = _unescaped(e.get("SUMMARY", ""))
    return Revision(
        "",  # unknown: the event rises by one SEQUENCE when it comes again
        int(sequence),
        _stamp(e.get("LAST-MODIFIED", "")),
        None,
        body=_unescaped(e.get("X-PLANNER-BODY", "")).strip(),
        kind=_unescaped(e.get("X-PLANNER-KIND", "")).strip(),
        numbered="X-PLANNER-ORDINAL" in e or "X-PLANNER-ID" in e,
        start=_day(e.get("DTSTART", "")),
        end=_day(e.get("DTEND", "")),
        summary=summary.removesuffix(REMOVED_SUFFIX).strip() if removed else summary,
        location=_unescaped(e.get("LOCATION", "")),
        removed=removed,
    )
