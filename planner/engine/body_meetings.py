"""The register as the engine reads it: each body's meetings sorted once and looked up by
bisection (:class:`BodyMeetings`), and which meetings count for a rule (:func:`counts`)."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.core.bulk import paused_gc
from planner.core.meeting import later_parts
from planner.core.model import Kind, Meeting, Rule, Status

NOT_COUNTING = frozenset({Status.CANCELLED, Status.POSTPONED})
# Statuses from which a chain (every rolling, after) continues: a planned Summit already fixes
# when its Ministerial Council is due.
CHAINING = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})


def counts(rule: Rule, meeting: Meeting) -> bool:
    """Whether ``meeting`` can count toward ``rule``: a kind the rule counts, not called off, in
    a format the rule counts (a meeting with no format recorded counts)."""
    return meeting.kind in rule.counts and meeting.status not in NOT_COUNTING and (not rule.formats or meeting.format is None or meeting.format in rule.formats)


@dataclass
class BodyMeetings:
    """A body's meetings sorted by first possible day, for range look-ups by bisection.

    ``lasts`` holds each meeting's last possible day and ``reach`` the latest of those so far
    (never decreasing): the meetings that began before a range and last into it are found
    from the first one whose ``reach`` gets there, not from the longest meeting's span before
    it (one meeting known only to its year made every look-up scan a year of meetings).

    ``held`` holds each meeting's kind when it is held, else ``None``, and ``opened_by`` the
    last day it may have opened on (its first day's, the same day when dated to the day): all
    a calendar period's judge reads of most meetings (:mod:`~planner.engine.judging.periods`).
    Read here, while the meetings were just sorted: a register is in date order, so a body's
    meetings lie far apart in memory, and reading them again later cost more than judging."""

    meetings: list[Meeting]
    starts: list[date] = field(init=False)
    lasts: list[date] = field(init=False)
    reach: list[date] = field(init=False)
    max_span: timedelta = field(init=False)
    held: list[Kind | None] = field(init=False)
    opened_by: list[date] = field(init=False)

    def __post_init__(self) -> None:
        meetings = self.meetings
        self.starts = starts = _sort_by_first_day(meetings)
        # each meeting's last possible day: its start's, or its end's where it has one
        self.opened_by = list(map(_LATEST, map(_START, meetings)))
        self.lasts = lasts = self.opened_by.copy()
        for i in itertools.compress(range(len(meetings)), map(_END, meetings)):
            lasts[i] = meetings[i].end.latest
        self.reach = _reach(lasts)
        self.max_span = max(map(operator.sub, lasts, starts), default=timedelta(0))
        self.held = [m.kind if m.status is _HELD else None for m in meetings]

    def next_opening(self, origin: Meeting, rule: Rule) -> date:
        """The day the meeting after ``origin`` may first open: after its last day, or after it opens where another counting meeting opens while it runs."""
        opened, last = origin.start.latest, origin.latest
        if opened == last:  # (most origins: one day) no meeting opens while it runs
            return last + timedelta(days=1)
        for j in range(bisect.bisect_right(self.starts, opened), bisect.bisect_right(self.starts, last)):  # empty unless it runs on
            m = self.meetings[j]
            if m is not origin and m.status in CHAINING and counts(rule, m):
                return opened + timedelta(days=1)
        return last + timedelta(days=1)

    def add(self, meeting: Meeting) -> None:
        """Insert one meeting in order (projection adds them one by one, mostly after the last)."""
        meetings = self.meetings
        # After the last meeting (a later first day sorts after it whatever the rest of the
        # keys say): where bisect_right would put it, without building sort keys; appended,
        # as projection adds most of its meetings.
        first = meeting.start.earliest
        if not meetings or meetings[-1].start.earliest < first:
            last = (meeting.end or meeting.start).latest
            meetings.append(meeting)
            self.starts.append(first)
            self.held.append(meeting.kind if meeting.status is _HELD else None)
            self.opened_by.append(meeting.start.latest)
            self.lasts.append(last)
            reach = self.reach
            reach.append(reach[-1] if reach and reach[-1] > last else last)
            if last - first > self.max_span:
                self.max_span = last - first
            return
        key = meeting.sort_key()
        at = len(meetings) if meetings[-1].sort_key() <= key else bisect.bisect_right(meetings, key, key=Meeting.sort_key)
        last = meeting.latest
        self.meetings.insert(at, meeting)
        self.starts.insert(at, meeting.earliest)
        self.held.insert(at, meeting.kind if meeting.status is _HELD else None)
        self.opened_by.insert(at, meeting.start.latest)
        self.lasts.insert(at, last)
        reach = self.reach
        reach.insert(at, max(last, reach[at - 1]) if at else last)
        at += 1
        while at < len(reach) and reach[at] < last:  # the meetings after it now reach as far
            reach[at] = last
            at += 1
        self.max_span = max(self.max_span, last - meeting.earliest)

    def overlapping(self, start: date, end: date) -> list[Meeting]:
        """Meetings whose possible days touch ``[start, end]``, in order."""
        starts = self.starts
        mid = bisect.bisect_left(starts, start)  # from here on every meeting starts in range
        hi = bisect.bisect_right(starts, end, mid)
        lo = bisect.bisect_left(self.reach, start, 0, mid)  # before it, none lasts until start
        if lo == mid:
            return self.meetings[mid:hi]
        meetings, lasts = self.meetings, self.lasts
        return [meetings[i] for i in range(lo, mid) if lasts[i] >= start] + meetings[mid:hi]


_HELD = Status.HELD
_START, _END = operator.itemgetter(Meeting._fields.index("start")), operator.itemgetter(Meeting._fields.index("end"))
_STATUS = operator.itemgetter(Meeting._fields.index("status"))
_EARLIEST, _LATEST = operator.itemgetter(0), operator.itemgetter(1)  # of a PartialDate (a named tuple)


def _reach(lasts: list[date]) -> list[date]:
    """The latest of ``lasts`` up to each place. Where a day is earlier than the one before it
    (a meeting known only to its year, then the meetings of that year; found in C), the
    latest so far carries on until a day reaches it: ``itertools.accumulate(lasts, max)``
    called ``max`` for every meeting (0.045 s of indexing the 292,452 meetings at N)."""
    reach = lasts.copy()
    count = len(lasts)
    j = 0  # reach is right before j
    for i in itertools.compress(range(1, count), map(operator.lt, itertools.islice(lasts, 1, None), lasts)):
        if i < j:  # in a stretch the latest so far already covers
            continue
        top, j = reach[i - 1], i
        while j < count and lasts[j] < top:
            reach[j] = top
            j += 1
    return reach


def _sort_by_first_day(meetings: list[Meeting]) -> list[date]:
    """Sorts ``meetings`` in place by :meth:`Meeting.sort_key` and returns their first days.

    A sort key (a tuple of ten) per meeting took half the time of indexing a register: sorted
    by first day alone (a look-up in C), only meetings that share a first day need the whole
    key, and a body whose first days already rise needs no sort. Both sorts are stable, so
    the order is the one the whole key gives."""
    starts = list(map(_EARLIEST, map(_START, meetings)))
    if all(map(operator.lt, starts, itertools.islice(starts, 1, None))):
        return starts
    if not all(map(operator.le, starts, itertools.islice(starts, 1, None))):  # (a register in date order: only ties)
        meetings[:] = [meetings[i] for i in sorted(range(len(meetings)), key=starts.__getitem__)]
        starts.sort()
    # positions whose first day is the one before it: each run of them, with the one before, ties
    ties = list(itertools.compress(range(1, len(starts)), map(operator.eq, starts, itertools.islice(starts, 1, None))))
    j, count = 0, len(ties)
    while j < count:
        first = last = ties[j]
        while j + 1 < count and ties[j + 1] == last + 1:
            j += 1
            last += 1
        meetings[first - 1 : last + 1] = sorted(meetings[first - 1 : last + 1], key=Meeting.sort_key)
        j += 1
    return starts


def as_of(meetings: Sequence[Meeting], today: date) -> Sequence[Meeting]:
    """The register as it stood on ``today``, as check and project both read it (with
    ``today`` given to :class:`~planner.engine.expectations.ExpectationEngine`, which picks the
    row that stands for a number: :func:`planner.core.meeting.later_parts`). A row recorded
    held that opens after ``today`` (a register written later) is a scheduled meeting: it
    names its days, so its window is open but scheduled, never met yet (a verdict is never more
    certain than the data as it stood that day), and it stands for its number over a plan of
    it: a held row supersedes a plan whatever day it is read on."""
    # (the first day of each held row, read in C: a generator over every row took 0.059 s at
    # gen1000 and 0.098 s at gen2000, this 0.038 s and 0.050 s)
    held_firsts = map(_EARLIEST, map(_START, itertools.compress(meetings, map(operator.is_, map(_STATUS, meetings), itertools.repeat(_HELD)))))
    if not any(map(operator.gt, held_firsts, itertools.repeat(today))):
        return meetings
    return [m.model_copy(update={"status": Status.PLANNED}) if m.status is Status.HELD and m.start.earliest > today else m for m in meetings]


def index_meetings(
    meetings: Iterable[Meeting],
    parts: dict[str, list[tuple[Meeting, Meeting]]] | None = None,
    then: Callable[[str, BodyMeetings], None] | None = None,
    today: date | None = None,
) -> dict[str, BodyMeetings]:
    """Each body's meetings. A numbered meeting recorded on several rows is one meeting: its
    later parts are left out (each with its first part in ``parts``, for the findings' why;
    the first part as of ``today``, :func:`planner.core.meeting.later_parts`).

    ``then`` reads each body's meetings right after they are indexed, while they are still in
    the processor's cache: a register is in date order, so a body's meetings lie far apart in
    memory, and read again later each costs a fetch from memory, more of them the larger the
    register (projection's reading of the history grew 3.4 times from 1,000 to 2,000 bodies).

    Without the cyclic collector (:func:`paused_gc`): each collection while the index is made
    walked every list made so far, each meeting in it, and the index makes more of them the
    larger the register (at 2,000 bodies 0.31 s of collections, at 1,000 0.05 s)."""
    grouped: dict[str, list[Meeting]] = {}
    out = {}
    with paused_gc():
        for meeting in meetings:
            grouped.setdefault(meeting.body, []).append(meeting)
        for body, items in grouped.items():
            later = later_parts(items, today)
            if later:
                if parts is not None:
                    parts[body] = [(m, later[id(m)]) for m in items if id(m) in later]
                items = [m for m in items if id(m) not in later]
            indexed = out[body] = BodyMeetings(items)
            if then is not None:
                then(body, indexed)
    return out
