"""The state file of a feed folder (``.planner-state.json``): a :class:`Revision` per UID, the
memory that keeps SEQUENCE, LAST-MODIFIED, tombstones and adopted UIDs between exports.

It is written one event to a line, streamed as the events are made, so that a million events
never sit in memory as one document::

    {"version": 4, "events": {
    "cica-summit-7@planner": {"body":"summit","content":"...","fingerprint":"...",...},
    ...
    }}

The whole is still one JSON document; a reader takes it a line at a time (an older version 2
file, indented, is read whole). Version 4 changed only what the content print is of
(:func:`~planner.outputs.calendar.revisions.content_print`): the prints of a version 3 file (or
older) are compared with prints of their own form (:func:`is_legacy`), so upgrading moves no
LAST-MODIFIED. An export of some bodies (``--body``) keeps the file at version 3, prints of the
older form, since the other bodies' prints stay as they were; an export of all bodies writes
version 4, and keeps a removed meeting's print of the older form as unknown. The file is our own memory, not the user's input: a damaged
one (truncated, edited, ``"sequence": 1e400``) is reported and ignored, never fatal. Missing or
damaged, its place is taken by the feeds of the folder, so SEQUENCE never goes backwards for an
event that did not change.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from json.encoder import encode_basestring_ascii as _quote  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from planner.core.dates import MAX_YEAR
from planner.core.errors import InputError
from planner.core.model import RuleBook
from planner.inputs.inputfile import read_bytes
from planner.inputs.json_syntax import syntax_error
from planner.inputs.limits import (
    JSON_BYTES_A_CONTAINER,
    MAX_MEETINGS,
    MAX_STATE_BYTES,
    MAX_STATE_FILE_BYTES,
    MiB,
    json_containers,
    screen,
)
from planner.outputs.calendar.ical import STATE_FILE
from planner.outputs.calendar.readback import revisions_from_feeds
from planner.outputs.calendar.revisions import Draft, Revision

_STR = r'"[^"\\\x00-\x1f]*+(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*+)*+"'
_DAY = r'"(\d{4}-\d\d-\d\d)"'
# One entry as :func:`state_line` makes it, keys sorted and empty fields left out, with its line
# end (read back in bulk by planner.outputs.calendar.folder.previous).
# Groups (as findall gives them): 0 the whole line, 1 UID, 2 body, 3 content, 4 end,
# 5 fingerprint, 6 kind, 7 last_modified, 8 numbered, 9 removed, 10 sequence, 11 start, 12 the
# comma that separates it from the next entry.
ENTRY_LINE = re.compile(
    rf'(({_STR}): \{{(?:"body":({_STR}),)?(?:"content":"([0-9a-f]+)",)?(?:"end":{_DAY},)?"fingerprint":"([0-9a-f]*)",(?:"kind":({_STR}),)?'
    rf'"last_modified":"([0-9T:+-]{{19,25}})",(?:"location":{_STR},)?("numbered":true,)?(?:"removed":{_DAY},)?"sequence":(0|[1-9][0-9]{{0,9}})(?:,"start":{_DAY})?(?:,"summary":{_STR})?\}}(,?)\n)'
)

STATE_VERSION = 4
HEAD = b'{"version": %d, "events": {\n' % STATE_VERSION
HEAD_3 = b'{"version": 3, "events": {\n'  # the same lines, with content prints of the form before 4
TAIL = b"}}\n"
_DATES = ("start", "end", "removed")
_SHARED = frozenset({"body", "kind", "numbered", "location"})
_MAX_LINE = 64 * 1024  # one event's entry: a few hundred bytes
_MAX_EVENTS = 2 * MAX_MEETINGS  # the register's limit, and as many tombstones and old UIDs


class _Shared(dict):  # type: ignore[type-arg]
    """One object per distinct value (a body id, a day, an export's stamp): a million entries
    share a few thousand of them."""

    def __missing__(self, key: Any) -> Any:
        self[key] = key
        return key


_NEEDED = ("fingerprint", "sequence", "last_modified")


def _revision(uid: str, v: Any, shared: _Shared) -> Revision:
    if not isinstance(v, dict):  # (its look-ups said "string indices must be integers")
        raise ValueError(f"entry {uid!r} is not an object (got {type(v).__name__})")
    if missing := [k for k in _NEEDED if k not in v]:  # (a KeyError said only "('last_modified')")
        raise ValueError(f"entry {uid!r} has no {', '.join(map(repr, missing))}")
    sequence = v["sequence"]
    if type(sequence) is not int or not 0 <= sequence < 2**31:
        raise ValueError(f"sequence {sequence!r} of {uid!r} is not a whole number from 0 to 2147483647")
    extra = {k: shared[v[k]] if k in _SHARED else v[k] for k in ("content", "body", "kind", "numbered", "summary", "location") if k in v}
    for key in _DATES:
        if v.get(key):
            extra[key] = shared[date.fromisoformat(v[key])]
    if not all(isinstance(extra.get(k, ""), str) for k in ("body", "kind", "summary", "location")) or not isinstance(extra.get("numbered", False), bool) or not isinstance(v["fingerprint"], str):
        raise ValueError(f"entry {uid!r} has a field of the wrong type")
    return Revision(str(v["fingerprint"]), sequence, shared[stamp_of(v["last_modified"])], **extra)


def is_legacy(path: Path) -> bool:
    """Whether the state file at ``path`` is of a version before 4 (its content prints of the
    older form); a file that cannot be read is not."""
    try:
        with path.open("rb") as handle:
            return handle.readline(len(HEAD) + 1) != HEAD
    except OSError:
        return False


def stamp_of(text: str) -> datetime:
    """A LAST-MODIFIED the state file keeps. One after the year ``MAX_YEAR`` no export wrote
    (--today and SOURCE_DATE_EPOCH stop there): damage, not a value to carry into the feeds."""
    value = datetime.fromisoformat(text)
    if value.year > MAX_YEAR:
        raise ValueError(f"last_modified {text} is after the year {MAX_YEAR}")
    return value


def _screened(data: Any) -> Any:
    for _where, problem, _value, _expected in screen(data, dates=False):
        raise ValueError(problem)
    return data


def _parsed(raw: bytes, line: int | None = None) -> Any:
    """The JSON of ``raw`` (the whole file, or the entry of file line ``line`` inside braces of
    its own); a syntax error says where in the file, what stands there and what was expected
    (Python's "line 1 column 241" was the entry's, not the file's)."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        place, problem, found, expected = syntax_error(exc, column_offset=0 if line is None else 1)
        if line is not None:  # (without the closing brace the reader added)
            place = f"{line}:{place.split(':')[1]}"
            found = found[: max(0, len(exc.doc) - 1 - exc.pos)] if found is not None else None
        got = "" if found is None else f"got {found!r}; "
        raise ValueError(f"line {place.replace(':', ', column ')}: {problem} ({got}expected {expected})") from None


def read_state(path: Path) -> dict[str, Revision]:
    """The revisions of a state file; ValueError (or KeyError, TypeError, ...) when damaged."""
    shared = _Shared()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    with handle:
        if os.fstat(handle.fileno()).st_size > MAX_STATE_BYTES:  # (read in bulk up to MAX_STATE_FILE_BYTES: planner.outputs.calendar.folder.previous)
            raise ValueError(f"larger than {MAX_STATE_BYTES // MiB} MB and not in the form planner writes now (one event a line)")
        if handle.readline(len(HEAD) + 1) not in (HEAD, HEAD_3):  # version 2 (or a hand-made file): whole
            raw = read_bytes(path, InputError, MAX_STATE_BYTES)
            if not raw.strip():  # (a disk that filled, a `touch`: "no value where one should be")
                raise ValueError("it is empty")
            too_many = json_containers(raw, MAX_STATE_BYTES // JSON_BYTES_A_CONTAINER)
            if too_many:  # (200 MB of empty lists took 9.9 GB to be found damaged)
                raise ValueError(too_many)
            data = _screened(_parsed(raw))
            version = data.get("version", 1) if isinstance(data, dict) else 1
            if type(version) is not int or not 1 <= version <= STATE_VERSION:
                # (a later planner's file, whose fields may mean something else: not guessed at)
                raise ValueError(f"version {version!r} is not one this planner reads: 1 to {STATE_VERSION}")
            return {uid: _revision(uid, v, shared) for uid, v in data["events"].items()}
        found: dict[str, Revision] = {}
        for number, line in enumerate(iter(lambda: handle.readline(_MAX_LINE + 1), b""), start=2):
            if line == TAIL:
                if handle.read(1):
                    raise ValueError(f"line {number}: text after the end")
                return found
            if not line.endswith(b"\n") or len(found) >= _MAX_EVENTS:
                raise ValueError(f"line {number}: truncated, or longer than {_MAX_LINE} bytes" if not line.endswith(b"\n") else f"more than {_MAX_EVENTS} events")
            entry = line[:-1].removesuffix(b",")
            for uid, v in _screened(_parsed(b"{" + entry + b"}", number)).items():
                try:
                    found[uid] = _revision(uid, v, shared)
                except (ValueError, TypeError) as exc:  # where in the file, not only what
                    raise ValueError(f"line {number}: {exc}") from None
        raise ValueError("truncated: the end of the file is missing")


def state_line(uid: str, r: Revision | Draft, sequence: int | None = None, last_modified: datetime | None = None) -> str:
    """One event's entry, keys sorted, empty fields left out (the reader takes them as empty);
    ``sequence`` and ``last_modified`` in place of the revision's when given."""
    out = [_quote(uid), ': {']
    if r.body:
        out.append(f'"body":{_quote(r.body)},')
    if r.content:
        out.append(f'"content":{_quote(r.content)},')
    if r.end:
        out.append(f'"end":"{r.end.isoformat()}",')
    out.append(f'"fingerprint":{_quote(r.fingerprint)},')
    if r.kind:
        out.append(f'"kind":{_quote(r.kind)},')
    out.append(f'"last_modified":"{(r.last_modified if last_modified is None else last_modified).isoformat()}",')
    if r.location:
        out.append(f'"location":{_quote(r.location)},')
    if r.numbered:
        out.append('"numbered":true,')
    if r.removed:
        out.append(f'"removed":"{r.removed.isoformat()}",')
    out.append(f'"sequence":{r.sequence if sequence is None else sequence}')
    if r.start:
        out.append(f',"start":"{r.start.isoformat()}"')
    if r.summary:
        out.append(f',"summary":{_quote(r.summary)}')
    out.append("}")
    return "".join(out)


def state_pieces(lines: Iterator[bytes]) -> Iterator[bytes]:
    """The state file from its entries (each a line, comma-separated as JSON wants)."""
    yield HEAD
    first = True
    for line in lines:
        yield line if first else b",\n" + line
        first = False
    yield (b"\n" if not first else b"") + TAIL


def unreadable_state(out_dir: Path) -> None:
    """A state file planner may not read (its permissions taken away) is refused in one line, not
    replaced: the revisions it keeps (SEQUENCE, LAST-MODIFIED, tombstones) are not planner's to
    drop unread. A damaged one is reported and replaced (see :func:`load_state`)."""
    path = out_dir / STATE_FILE
    if path.is_file() and not os.access(path, os.R_OK):
        raise OSError(errno.EACCES, f"{path} cannot be read (permission denied), and the revisions it keeps would be lost: nothing was written and nothing removed")


def load_state(out_dir: Path, warn: Callable[[str], None] | None = None, book: RuleBook | None = None, read: Callable[[Path], Any] = read_state) -> Any:
    """The revisions of the previous export into ``out_dir`` (none on the first).

    A damaged state file is reported through ``warn`` and ignored. Missing or damaged, its
    place is taken by the feeds of the folder (given ``book``). ``read``: what reads
    the state file (:func:`read_state`: a dict of revisions); the feeds give a dict."""
    path = out_dir / STATE_FILE
    problem = None
    if path.exists() and not path.is_file():  # a FIFO (opening it waited forever), /dev/zero
        problem = "state file is not a regular file and was ignored"
    elif path.exists():
        try:
            if (size := path.stat().st_size) > MAX_STATE_FILE_BYTES:  # asked before any byte is read
                problem = f"state file is larger than {MAX_STATE_FILE_BYTES // MiB} MB ({size:,} bytes) and was ignored"
            else:
                return read(path)
        except (InputError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError) as exc:
            # in the file's words, not Python's ("maximum recursion depth exceeded while decoding
            # a JSON array from a unicode string", "use sys.set_int_max_str_digits()")
            said = "nested too deeply to read" if isinstance(exc, RecursionError) else str(exc).split("; use sys.set_int_max_str_digits")[0]
            problem = f"state file is damaged and was ignored ({said[:300]})"
    found = revisions_from_feeds(out_dir, book) if book is not None else {}
    if (problem or found) and warn is not None:
        tail = f"SEQUENCE and LAST-MODIFIED of {len(found)} events taken from the feeds in {out_dir}" if found else "SEQUENCE numbers start again at 0"
        warn(f"{path}: {problem or 'missing'}; {tail}")
    return found
