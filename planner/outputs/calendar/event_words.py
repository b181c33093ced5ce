"""What an event says in words: its SUMMARY (the body and ordinal, the status noted), its
DESCRIPTION (title, ordinal, status, host still to decide, format, documents, an unfixed date's
range, reason and sources, a line each) and the words for a date known only to the month or
year. The feeds (:mod:`planner.outputs.calendar.ical`), the fast event maker
(:mod:`planner.outputs.calendar.making`), the revisions' prints and the feed index page say them
the same way."""

from __future__ import annotations

from datetime import date

from planner.core.dates import PartialDate, Precision
from planner.core.model import Body, Kind, Meeting, MeetingFormat, Status
from planner.engine.expectations import ordinal
from planner.outputs.calendar.parts import lapsed
from planner.outputs.schedule import undecided_host

UNCONFIRMED = "Status: planned, not recorded as held: its dates have passed (unconfirmed)"
POSTPONED = "Postponed: the new date is not fixed yet"
POSTPONED_PAST = "Postponed: not held on these days; the new date is not fixed yet"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def partial_words(when: PartialDate) -> str:
    """``October 2026`` or ``2026``: how a person says a month- or year-precise date."""
    if when.precision is Precision.MONTH:
        return f"{_MONTHS[when.earliest.month - 1]} {when.earliest.year}"
    return str(when) if when.precision is Precision.YEAR else when.earliest.isoformat()


def unfixed_words(meeting: Meeting) -> str:
    """The range a meeting known only to the month or year may mean, in words."""
    end = meeting.end
    if end is None or end == meeting.start:
        return partial_words(meeting.start)
    return f"{partial_words(meeting.start)} to {partial_words(end)}"


def end_unfixed(meeting: Meeting) -> bool:
    """A start known to the day, an end known only to the month or year (opened Mon 2026-11-30,
    closed some day of December): its first days are certain, its last not."""
    return meeting.start.exact and meeting.end is not None and not meeting.end.exact


def certain_last(meeting: Meeting) -> date:
    """The last day an event shows: the meeting's last day where its dates are fixed; where
    only its end is not, the first day that end allows (a meeting opened 2026-11-30 that
    closed in December sat on 1 December too); else its first day."""
    if meeting.exact:
        return meeting.latest
    if end_unfixed(meeting):
        return max(meeting.earliest, meeting.end.earliest)  # type: ignore[union-attr]
    return meeting.earliest


def unfixed_summary(meeting: Meeting) -> str:
    """`` (date not fixed: October 2026)``; `` (end not fixed: December 2026)`` where the
    start is known to the day."""
    if end_unfixed(meeting):
        return f" (end not fixed: {partial_words(meeting.end)})"  # type: ignore[arg-type]
    return f" (date not fixed: {unfixed_words(meeting)})"


def unfixed_line(meeting: Meeting) -> str:
    """The DESCRIPTION's line of a date not fixed: its range, and which days the event shows."""
    if end_unfixed(meeting):
        end, last = meeting.end, certain_last(meeting)
        shown = f"{meeting.earliest} to {last}" if last != meeting.earliest else f"{meeting.earliest}"
        return f"End not fixed: {partial_words(end)} (opens {meeting.earliest}, closes between {last} and {end.latest}); shown on the days certain: {shown}"  # type: ignore[union-attr]
    return f"Date not fixed: {unfixed_words(meeting)} ({meeting.earliest} to {meeting.latest}); shown on its first day"


def partial_code(meeting: Meeting) -> str:
    """``2026-10`` or ``2026-10/2026-12``: the value of X-PLANNER-DATE."""
    end = meeting.end
    return str(meeting.start) if end is None or end == meeting.start else f"{meeting.start}/{end}"


def shown_status(meeting: Meeting, today: date | None, part_of: int = 0) -> str:
    """The status an event is made from (:func:`status_shown`) as of ``today``."""
    return status_shown(meeting.status, lapsed(meeting, today, part_of))


def status_shown(status: Status, past: bool) -> str:
    """The register's status, ``unconfirmed`` for a planned meeting whose days passed (``past``),
    ``postponed-past`` for a postponed one (what the prints compare)."""
    if not past:
        return status.value
    return "unconfirmed" if status is Status.PLANNED else "postponed-past"


def summary(body: Body | None, meeting: Meeting, today: date | None = None, part_of: int = 0) -> str:
    """``7th Summit``, ``Senior Officials Committee``, ``Summit (projected)``.

    Built from the body and ordinal, never from the register's title: a register title is often
    a line of notes ("Almaty Act; Declaration on ..."), which would bury the meeting's name in a
    calendar grid. The title goes into DESCRIPTION."""
    name = body.name if body else meeting.body
    if meeting.kind is not Kind.REGULAR:
        name = f"{meeting.kind.value.capitalize()} {name}"
    text = f"{ordinal(meeting.ordinal)} {name}" if meeting.ordinal else name
    if part_of > 0:
        text += " (resumed)"
    if meeting.status in (Status.PROJECTED, Status.POSTPONED, Status.CANCELLED):
        text += f" ({meeting.status.value})"
    elif meeting.status is Status.PLANNED and lapsed(meeting, today, part_of):
        text += " (unconfirmed)"
    if not meeting.exact:
        text += unfixed_summary(meeting)
    return text


# An online meeting's LOCATION is its host country or nothing: a reader of the calendar saw the
# 13th Arctic Council meeting (by video) as held in Russia, and CICA's online SWG sessions as
# meetings with no place. X-PLANNER-FORMAT says it to planner alone.
FORMAT_WORDS = {MeetingFormat.ONLINE: "Format: online (by video)", MeetingFormat.HYBRID: "Format: hybrid (in person and by video)"}


def host_line(body: Body | None, meeting: Meeting) -> str:
    """A projected meeting with no place yet says who is to host it, as ``project`` does
    ("Host: chair to be decided"): its event has no LOCATION, and its DESCRIPTION said nothing
    of a host (the twenty-second trial: UNFCCC's 32nd COP)."""
    if body is None or meeting.status is not Status.PROJECTED or meeting.city or meeting.country:
        return ""
    return f"Host: {undecided_host(body)}"


def description(meeting: Meeting, today: date | None = None, part_of: int = 0, body: Body | None = None) -> str:
    """Ordinal, status, the host still to decide, the range of an unfixed date, reason and
    sources, one per line."""
    m = meeting
    past = lapsed(m, today, part_of)
    lines = (
        m.title,
        f"Ordinal: {ordinal(m.ordinal)} {m.kind.value} meeting" if m.ordinal else "",
        f"Resumed: part {part_of} of the {ordinal(m.ordinal)} {m.kind.value} meeting, under its number" if part_of > 0 else "",
        UNCONFIRMED if past and m.status is Status.PLANNED else f"Status: {m.status.value}",
        host_line(body, m),
        FORMAT_WORDS.get(m.format, ""),
        f"Documents: {'; '.join(m.documents)}" if m.documents else "",
        "" if m.exact else unfixed_line(m),
        (POSTPONED_PAST if past else POSTPONED) if m.status is Status.POSTPONED else "",
        f"Reason: {m.reason}" if m.reason else "",
        "Customary: by practice, not a binding rule" if m.customary else "",
        f"Rule source: {m.rule_source}" if m.rule_source else "",
        f"Register source: {m.source}" if m.source else "",
    )
    return "\n".join(line for line in lines if line)
