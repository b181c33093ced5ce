"""What reading a register found: its meetings, each once, the repeats and the errors; and
the meetings of rows of loosely typed fields (JSON entries, rows the fast parser is not sure
of), each validated by the register's schema."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from pathlib import Path
from typing import Any

from planner.core.bulk import paused_gc
from planner.core.errors import InputErrors, RegisterError
from planner.core.meeting import Recorded
from planner.core.model import Meeting, RuleBook
from planner.inputs.limits import MAX_ORDINAL
from planner.inputs.register.schema_rows import (
    BodyMatcher,
    meeting_fields,
    ordinal_error,
    schema_error,
    validated,
    validation_errors,
    with_ordinal,
)

_STEP = 1 << 16  # meetings hashed at a time, and walked when one of them repeats an earlier one
_SCANS = 16  # repeated meetings whose first rows are found each by a scan, not by one walk of the rows


def until_broken(rows: Iterable[tuple[str | int, Any]], errors: list[RegisterError]) -> Iterator[tuple[str | int, Any]]:
    """Rows until one the reader cannot go past; that error joins the problems of earlier rows."""
    try:
        yield from rows
    except RegisterError as exc:
        errors.append(exc)


class Found:
    """What reading a register found: each meeting once, with the place it was first read (a
    row copied twice would count twice toward a cadence, so a repeat is kept once and
    reported), and the errors, at most 50. The meetings are read whole, then taken in by
    :meth:`settle`."""

    def __init__(self, path: Path, matcher: BodyMatcher) -> None:
        self.path = path
        self.matcher = matcher
        self.repeats: list[tuple[str | int, Meeting]] = []
        self.errors: list[RegisterError] = []
        self.read: list[Meeting] = []  # each meeting once, in the order first read
        self.first: dict[Meeting, str | int] = {}  # where the repeats a warning names were first read
        self.places: dict[Meeting, list[str | int]] = {}  # every place a repeated meeting was read
        self._rows: list[Meeting] = []  # every row's meeting, a repeat too (settle)
        self._place: Callable[[int], str | int] = lambda i: i
        self._seen: set[Meeting] = set()  # the meetings :meth:`take` noted
        self._done = 0  # how many it noted
        self._repeats: list[int] = []  # the rows among them that repeat an earlier one
        self._across = False  # whether a part has repeated a meeting of an earlier part

    def validate(self, row: dict[str, Any], location: str | int) -> Meeting | None:
        """The meeting of a row of loosely typed fields, by the register's schema; ``None``
        when the row is bad, its errors noted."""
        path = self.path
        try:
            meeting = validated(Meeting.model_validate, meeting_fields(row, self.matcher, path, location), path, location)
        except schema_error() as exc:
            self.errors.extend(with_ordinal(validation_errors(exc, path, location, row), row, path, location))
            return None
        except RegisterError as exc:
            self.errors.append(exc)
            return None
        if meeting.ordinal is not None and meeting.ordinal > MAX_ORDINAL:
            self.errors.append(ordinal_error(meeting.ordinal, path, location))
            return None
        return meeting

    def take(self, meetings: list[Meeting]) -> None:
        """Notes the meetings read since the last call (``meetings`` is every one read so far,
        in order): the set of them grows while the register is read, by parts of ``_STEP``.

        Each meeting is hashed once, in C. A part that makes the set grow by less than its
        length holds a repeat (nearly no register has one), walked to say which rows repeat
        when they are all of that part's own meetings (a row copied at once, the usual
        repeat). From the first part that repeats a meeting of an earlier part on, each
        part's own set is asked whether it meets the set before it (by the hashes the sets
        keep) before it is merged, and walked when it does.
        """
        seen, repeats = self._seen, self._repeats
        end = len(meetings)
        for lo in range(self._done, end, _STEP):
            hi = min(lo + _STEP, end)
            part = meetings[lo:hi]
            if not self._across:
                size = len(seen)
                seen.update(part)
                grew = len(seen) - size
                if grew == hi - lo:
                    continue
                # repeats of this part's own meetings only when its distinct meetings are as
                # many as it grew by: counted by the walk that finds them, each meeting hashed
                # once more (a set of the part first hashed each twice more)
                first: dict[Meeting, int] = {}
                found = [i for i, meeting in enumerate(part, lo) if first.setdefault(meeting, i) != i]
                if len(first) == grew:
                    repeats.extend(found)
                    continue
                self._across = True
                seen = self._seen = set(meetings[:lo])  # the set before this part, again
            new = set(part)
            if len(new) < hi - lo or not seen.isdisjoint(new):
                before = new & seen  # meetings read in an earlier part: every row of them here repeats
                first = {}
                for i, meeting in enumerate(part, lo):
                    if (before and meeting in before) or first.setdefault(meeting, i) != i:
                        repeats.append(i)
            seen |= new
        self._done = end

    def settle(self, meetings: list[Meeting], place: Callable[[int], str | int]) -> None:
        """Takes ``meetings``, in the order read (``place(i)``: where the i-th was read), into a
        Found that holds none yet (:meth:`take` may have noted the first of them already)."""
        self._rows, self._place = meetings, place  # every row's meeting and place, for rows_of
        self.take(meetings)
        self._seen = set()  # no longer needed
        repeats = self._repeats
        if not repeats:
            self.read = meetings
            return
        # each meeting once: the rows between the repeats, by slices
        firsts: list[Meeting] = []
        lo = 0
        for i in repeats:
            firsts += meetings[lo:i]
            lo = i + 1
        firsts += meetings[lo:]
        self.read = firsts
        self.repeats = [(place(i), meetings[i]) for i in repeats]
        # where each repeated meeting was read, first place first (its rows, for the check)
        later: dict[Meeting, list[int]] = {}
        for i in repeats:
            later.setdefault(meetings[i], []).append(i)
        if len(later) <= _SCANS:  # each first row found by a scan in C up to its first repeat
            at = {meeting: [meetings.index(meeting, 0, rows[0]), *rows] for meeting, rows in later.items()}
        else:  # many: one walk over the rows up to the last repeat
            at = {}
            for i, meeting in enumerate(meetings[: repeats[-1] + 1]):
                if meeting in later:
                    at.setdefault(meeting, []).append(i)
        self.places = places = {meeting: [place(i) for i in rows] for meeting, rows in sorted(at.items(), key=lambda item: item[1][0])}
        self.first = {meeting: found[0] for meeting, found in places.items()}

    def result(self, warn: Callable[[str], None] | None) -> list[Meeting]:
        """The meetings in the order first read; raises the errors, warns of the repeats."""
        errors, repeats = self.errors, self.repeats
        if errors:
            raise errors[0] if len(errors) == 1 else InputErrors(errors[:50])  # the first 50, as read
        if repeats and warn is not None:
            shown = ", ".join(f"{_where(place)} (same as {_where(self.first[meeting])})" for place, meeting in repeats[:10]) + (f" and {len(repeats) - 10} more" if len(repeats) > 10 else "")
            many = len(repeats) != 1
            # (a number makes one meeting; a row without one may be the meeting recorded twice or
            # two meetings, which check weighs: README, "One meeting or two")
            warn(f"{self.path}: {len(repeats)} row{'s' if many else ''} repeat{'' if many else 's'} an earlier row (one meeting where numbered; else one meeting or two, as check weighs where that decides a window): {shown}")
        name = self.path.name
        recorded = Recorded(self.read, {meeting: (len(found), f"{name} {_places(found)}") for meeting, found in self.places.items()}, self.rows_of)
        if not repeats:  # the same meetings in the same order: the list read is let go
            self._rows = self.read = recorded
        return recorded

    def rows_of(self, wanted: Set[Meeting]) -> dict[Meeting, tuple[int, str]]:
        """Each of ``wanted`` -> on how many rows it was read, and where in words
        (``(1, "b.csv line 5")``): a walk over every row, for the few meetings a later register
        gives again (:mod:`planner.inputs.register.overlay`)."""
        found: dict[Meeting, list[str | int]] = {}
        place = self._place
        for i, meeting in enumerate(self._rows):
            if meeting in wanted:
                found.setdefault(meeting, []).append(place(i))
        name = self.path.name
        return {meeting: (len(at), f"{name} {_places(at)}") for meeting, at in found.items()}


def meetings_from_rows(rows: Iterable[tuple[str | int, dict[str, Any]]], book: RuleBook, path: Path, warn: Callable[[str], None] | None = None) -> list[Meeting]:
    """Meetings of register rows, each a dict of fields to validate."""
    found = Found(path, BodyMatcher(book))
    read: list[Meeting] = []
    places: list[str | int] = []
    with paused_gc():
        for location, row in until_broken(rows, found.errors):
            meeting = found.validate(row, location)
            if meeting is not None:
                read.append(meeting)
                places.append(location)
            if len(found.errors) >= 50:
                break
        found.settle(read, places.__getitem__)
    return found.result(warn)



def _where(location: str | int) -> str:
    return f"line {location}" if isinstance(location, int) else str(location)


def _places(found: list[str | int]) -> str:
    """``lines 2 and 3``, ``lines 2, 3 and 7``, ``meetings[0] and meetings[4]``."""
    words = [str(p) for p in found[:10]] + ([f"{len(found) - 10} more"] if len(found) > 10 else [])
    lines = all(isinstance(p, int) for p in found)
    if len(words) == 1:
        return f"line {words[0]}" if lines else words[0]
    listed = ", ".join(words[:-1]) + " and " + words[-1]
    return f"lines {listed}" if lines else listed
