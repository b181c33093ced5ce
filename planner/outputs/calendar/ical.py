"""Meetings -> iCalendar feeds (RFC 5545): one ``.ics`` per body, ``all.ics`` and ``index.html``.

What a subscriber's calendar must be able to rely on, and how this module provides it:

* **Stable UIDs.** ``{organization}-{body}-{identity}@planner`` (e.g. ``cica-summit-7@planner``)
  from :meth:`Meeting.identity`, never random, so that re-importing updates an event instead of
  duplicating it (RFC 5545 3.8.4.7: "The UID itself MUST be a globally unique identifier").
* **Byte-identical output for the same input.** DTSTAMP is the caller's ``stamp`` (the CLI takes
  it from ``--today`` or ``SOURCE_DATE_EPOCH``), events are sorted, and nothing reads the clock.
* **SEQUENCE and LAST-MODIFIED that move when a meeting does**, tombstones for meetings that
  left and UIDs that survive a corrected date: :mod:`planner.outputs.calendar.revisions`, remembered in
  ``.planner-state.json`` by :mod:`planner.outputs.calendar.folder.feeds`.
* **All-day events with exclusive DTEND.** RFC 5545 3.6.1: DTEND of an all-day event is the day
  *after* the last; the register keeps inclusive end dates, so 12-13 October ends on 14 October.
* **STATUS.** held and planned -> CONFIRMED; cancelled -> CANCELLED (kept, so subscribers see the
  cancellation); projected -> TENTATIVE and TRANSP:TRANSPARENT (a projection must not block
  free/busy time); postponed -> TENTATIVE with a note, TRANSP:TRANSPARENT (it is not held on
  those days).
* **Dates passed.** The export's day (``--today``, the DTSTAMP's day) decides two more: a
  planned meeting whose days have all passed, not recorded as held, is TENTATIVE, "(unconfirmed)"
  (``check`` calls it unconfirmed: it was a CONFIRMED event saying "Status: planned" months
  after); a postponed one whose days have passed is CANCELLED on them (RFC 5545 3.8.1.11: it
  did not take place then; a TENTATIVE event in the past said it may have).

Meetings known only to the month or the year
---------------------------------------------
An event spanning the whole month or year it may mean would look like a month-long conference,
hide the other events of those days and block free/busy time. Instead such a meeting is a
**one-day all-day event on the first day of the range**, with SUMMARY suffixed
``(date not fixed: October 2026)``, STATUS:TENTATIVE, TRANSP:TRANSPARENT, the full range in
DESCRIPTION, and ``X-PLANNER-DATE:2026-10`` so that :mod:`planner.inputs.ics.register_ics` reads the partial
date back exactly. A person sees the uncertainty in the title in every client; a firm date never
carries the suffix. (A cancelled meeting stays CANCELLED even when its date was not fixed.)
A start known to the day with an end known only to the month or year is firm from its start
to the first day its end allows, its STATUS as a firm date's, its SUMMARY suffixed ``(end not
fixed: December 2026)``.

Our own properties (``X-PLANNER-BODY``, ``-KIND``, ``-STATUS``, ``-ORDINAL``, ``-DATE``,
``-FORMAT``, ``-TITLE``, ``-SOURCE``, ``-ID``) carry what CATEGORIES and LOCATION cannot say exactly; RFC
5545 3.8.8.2 lets clients ignore them.

No event is timed today, so no VTIMEZONE is needed; a feed of a body without meetings carries
the organization's VTIMEZONE (built to 2100, past icalendar's 2038 default) so that it still has
the one component RFC 5545 requires and its subscription URL always exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from icalendar import Event, vCategory, vInt, vText, vUri

from planner.core.model import Body, Meeting, RuleBook, Status
from planner.outputs.calendar.event_words import certain_last, description, partial_code, summary
from planner.outputs.calendar.lines import (
    END,
    PALETTE,
    Heads,
    day,
    escape,
    fold,
    source_url,
    text_line,
    utc,
)
from planner.outputs.calendar.lines import PRODID as PRODID  # for planner publish
from planner.outputs.calendar.parts import lapsed, parts_of
from planner.outputs.calendar.uids import event_uid as event_uid  # the library's name
from planner.outputs.calendar.uids import uids

if TYPE_CHECKING:
    from planner.outputs.calendar.revisions import Revision

STATE_FILE = ".planner-state.json"
COMBINED = "all"
_STATUS = {Status.HELD: "CONFIRMED", Status.PLANNED: "CONFIRMED", Status.CANCELLED: "CANCELLED", Status.POSTPONED: "TENTATIVE", Status.PROJECTED: "TENTATIVE"}
_LAPSED = {Status.PLANNED: "TENTATIVE", Status.POSTPONED: "CANCELLED"}


def shown_days(meeting: Meeting) -> tuple[date, date]:
    """DTSTART and the exclusive DTEND of a meeting's all-day event: its days, or the first day
    alone when the date is not fixed, or from its first day to the first its end allows when
    only the end is not (:func:`certain_last`)."""
    return meeting.earliest, certain_last(meeting) + timedelta(days=1)


class FeedBuilder:
    """The VEVENTs of one export: :meth:`event_text` writes one directly (see
    :mod:`planner.outputs.calendar.lines`), :meth:`event` builds the same event as an icalendar
    object (for ``planner publish``, which sends events one by one)."""

    def __init__(self, book: RuleBook, stamp: datetime, revisions: Mapping[str, Revision] | None = None) -> None:
        self.book = book
        self.stamp = normalize_stamp(stamp)
        self.today = self.stamp.date()  # the export's day (the CLI's stamp is --today at 00:00 UTC)
        self.revisions = revisions or {}
        self.bodies = {b.id: b for b in book.bodies}
        self.parts: dict[Meeting, int] = {}  # the export's resumed parts and superseded plans (:meth:`learn`)
        self.colors = body_colors(book)  # each body's feed's COLOR
        self._lines: dict[tuple[str, Any], str] = {}
        self._common_lines: dict[tuple[Any, ...], tuple[Body | None, str, str]] = {}
        self._stamp_line = f"DTSTAMP:{utc(self.stamp)}\r\n"
        self._heads = Heads(book.organization.timezone)

    def _line(self, name: str, value: Any) -> str:
        """A content line of a value many events share (a day, a venue, a status), made once."""
        line = self._lines.get((name, value))
        if line is None:
            if isinstance(value, datetime):
                line = f"{name}:{utc(value)}\r\n"
            elif isinstance(value, date):
                line = f"{name};VALUE=DATE:{day(value)}\r\n"
            else:
                line = text_line(name, value)
            self._lines[(name, value)] = line
        return line

    def _parts(self, meeting: Meeting, firm: bool, past: bool = False) -> tuple[Body | None, str, bool, tuple[str, ...]]:
        body = self.bodies.get(meeting.body)
        status = _STATUS[meeting.status] if firm or meeting.status is Status.CANCELLED else "TENTATIVE"
        if past:
            status = _LAPSED[meeting.status]
        quiet = meeting.status in (Status.PROJECTED, Status.POSTPONED) or not firm
        cats = (body.name if body else meeting.body, body.category.value if body else "", meeting.kind.value)
        cats += ("projected",) if meeting.status is Status.PROJECTED else ()
        return body, status, quiet, tuple(c for c in cats if c)

    def _common(self, meeting: Meeting, firm: bool, past: bool = False) -> tuple[Body | None, str, str]:
        """What events of one body, kind, status, firmness and lapse share: CATEGORIES, and
        STATUS to X-PLANNER-STATUS less the optional lines between them (made once)."""
        key = (meeting.body, meeting.kind, meeting.status, firm, past)
        found = self._common_lines.get(key)
        if found is None:
            body, status, quiet, cats = self._parts(meeting, firm, past)
            found = self._common_lines[key] = (
                body,
                fold(f"CATEGORIES:{','.join(escape(c) for c in cats)}"),
                f"STATUS:{status}\r\nTRANSP:{'TRANSPARENT' if quiet else 'OPAQUE'}\r\n",
            )
        return found

    def event_text(self, meeting: Meeting, uid: str, sequence: int = 0, modified: datetime | None = None, summary_text: str | None = None, description_text: str | None = None) -> str:
        """The VEVENT of ``meeting`` as content lines, CRLF-terminated: the bytes icalendar
        writes for :meth:`event` (SEQUENCE and LAST-MODIFIED given, not looked up)."""
        firm = meeting.exact
        part_of = self.part_of(meeting)
        past = lapsed(meeting, self.today, part_of)
        body, categories, status = self._common(meeting, meeting.start.exact, past)
        start, end = shown_days(meeting)
        line = self._line
        out = [
            "BEGIN:VEVENT\r\n",
            text_line("SUMMARY", summary(body, meeting, self.today, part_of) if summary_text is None else summary_text),
            line("DTSTART", start),
            line("DTEND", end),
            self._stamp_line,
            text_line("UID", uid),
            f"SEQUENCE:{sequence}\r\n",
            categories,
            text_line("DESCRIPTION", description(meeting, self.today, part_of, body) if description_text is None else description_text),
            line("LAST-MODIFIED", self.stamp if modified is None else modified),
        ]
        if meeting.city or meeting.country:
            out.append(line("LOCATION", meeting.venue))
        out.append(status)
        source = meeting.source
        url = source_url(source)
        if url:
            out.append(fold(f"URL:{url}"))
        out.append(line("X-PLANNER-BODY", meeting.body))
        if meeting.cbm:
            out.append(text_line("X-PLANNER-CBM", meeting.cbm))
        if not firm:
            out.append(text_line("X-PLANNER-DATE", partial_code(meeting)))
        if meeting.documents:
            out.append(text_line("X-PLANNER-DOCUMENTS", "; ".join(meeting.documents)))
        if meeting.format:
            out.append(line("X-PLANNER-FORMAT", meeting.format))
        if meeting.id:
            out.append(text_line("X-PLANNER-ID", meeting.id))
        out.append(line("X-PLANNER-KIND", meeting.kind))
        if meeting.ordinal:
            out.append(f"X-PLANNER-ORDINAL:{meeting.ordinal}\r\n")
        if source and source != url:
            out.append(text_line("X-PLANNER-SOURCE", source))
        out.append(line("X-PLANNER-STATUS", meeting.status))
        if meeting.title:
            out.append(text_line("X-PLANNER-TITLE", meeting.title))
        out.append("END:VEVENT\r\n")
        return "".join(out)

    def event(self, meeting: Meeting, uid: str) -> Event:
        """The same event as an icalendar object, SEQUENCE and LAST-MODIFIED from ``revisions``."""
        part_of = self.part_of(meeting)
        body, status, quiet, cats = self._parts(meeting, meeting.start.exact, lapsed(meeting, self.today, part_of))
        start, end = shown_days(meeting)
        rev = self.revisions.get(uid)
        ev = Event()
        ev.add("UID", uid)
        ev.add("DTSTAMP", self.stamp)
        ev.add("DTSTART", start)
        ev.add("DTEND", end)
        ev.add("SUMMARY", summary(body, meeting, self.today, part_of))
        ev.add("SEQUENCE", rev.sequence if rev else 0)
        ev.add("LAST-MODIFIED", normalize_stamp(rev.last_modified) if rev else self.stamp)
        ev.add("STATUS", status)
        ev.add("TRANSP", "TRANSPARENT" if quiet else "OPAQUE")
        ev["CATEGORIES"] = vCategory(list(cats))
        if meeting.venue:
            ev.add("LOCATION", meeting.venue)
        ev.add("DESCRIPTION", description(meeting, self.today, part_of, body))
        url = source_url(meeting.source)
        if url:
            ev["URL"] = vUri(url)
        if meeting.source and meeting.source != url:
            ev["X-PLANNER-SOURCE"] = vText(meeting.source)
        ev["X-PLANNER-BODY"] = vText(meeting.body)
        ev["X-PLANNER-KIND"] = vText(meeting.kind.value)
        ev["X-PLANNER-STATUS"] = vText(meeting.status.value)
        if meeting.ordinal:
            ev["X-PLANNER-ORDINAL"] = vInt(meeting.ordinal)
        if not meeting.exact:
            ev["X-PLANNER-DATE"] = vText(partial_code(meeting))
        if meeting.format:
            ev["X-PLANNER-FORMAT"] = vText(meeting.format.value)
        if meeting.title:
            ev["X-PLANNER-TITLE"] = vText(meeting.title)
        if meeting.documents:
            ev["X-PLANNER-DOCUMENTS"] = vText("; ".join(meeting.documents))
        if meeting.cbm:
            ev["X-PLANNER-CBM"] = vText(meeting.cbm)
        if meeting.id:
            ev["X-PLANNER-ID"] = vText(meeting.id)
        return ev

    def learn(self, meetings: Iterable[Meeting]) -> None:
        """The parts and superseded plans among the export's ``meetings`` (:func:`parts_of`)."""
        self.parts = parts_of(meetings)

    def part_of(self, meeting: Meeting) -> int:
        """``meeting``'s part (2, 3, ...), -1 for a superseded plan, else 0 (:func:`parts_of`)."""
        return self.parts.get(meeting, 0) if self.parts else 0

    def build(self, meetings: Iterable[Meeting]) -> list[tuple[Meeting, str]]:
        """Events for ``meetings`` in a deterministic order, with UIDs made unique (a second
        meeting of the same identity gets ``-2`` in sorted order); a superseded plan makes none."""
        ordered = sorted(meetings, key=event_order)
        self.learn(ordered)
        return uids(self.book, self.current(ordered))

    def current(self, meetings: list[Meeting]) -> list[Meeting]:
        """``meetings`` without the plans a held row of their number superseded (README "A
        number identifies one meeting"): the held meeting is the event of its number, under
        the UID the plan had, not a second event beside a stale plan."""
        return [m for m in meetings if self.parts.get(m, 0) != -1] if self.parts else meetings

    def calendar_head(self, name: str, caption: str, source: str | None = None, empty: bool = False, body: str | None = None) -> tuple[bytes, bytes]:
        """The VCALENDAR's lines before its events and after them: the RFC 7986 name, refresh
        interval and their X-WR twins, ``source`` as the calendar's URL and SOURCE (RFC
        7986 5.5, 5.8) and, for the feed of a ``body`` of the rule book, its COLOR (5.9). No
        event is timed, so no VTIMEZONE is needed, except that an ``empty`` calendar carries
        the organization's (RFC 5545 3.4 needs one component)."""
        return self._heads.head(name, caption, source, empty, self.colors.get(body) if body else None), END

    def calendar_bytes(self, name: str, caption: str, items: Sequence[tuple[Meeting, str]], extra: Sequence[bytes] = (), source: str | None = None) -> bytes:
        """A whole VCALENDAR of ``items`` (SEQUENCE and LAST-MODIFIED from ``revisions``), then
        ``extra`` (serialized tombstones)."""
        head, end = self.calendar_head(name, caption, source, empty=not items and not extra)
        events = []
        for meeting, uid in items:
            rev = self.revisions.get(uid)
            events.append(self.event_text(meeting, uid, rev.sequence if rev else 0, rev.last_modified if rev else None).encode())
        return head + b"".join(events) + b"".join(extra) + end


def event_order(meeting: Meeting) -> tuple:
    """The order of events in a feed (and of the coming meetings of index.html):
    ``(*meeting.sort_key(), status, key, city)``, made from the fields at once (a sort of a
    million meetings calls it a million times)."""
    body, start, kind, number, end, status, city, country, fmt, title, _, _, _, _, key, _, _, _ = meeting
    return (start.earliest, (end or start).latest, body, number or 0, kind, title, city, country, status, fmt or "", status._value_, key, city)


def normalize_stamp(stamp: datetime) -> datetime:
    """DTSTAMP "MUST be specified in the UTC time format" (RFC 5545 3.8.7.2), to the second."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC).replace(microsecond=0)


def body_colors(book: RuleBook) -> dict[str, tuple[str, str]]:
    """Each body's feed's colour, CSS3 name and hex, by its place in the rule book."""
    return {b.id: PALETTE[i % len(PALETTE)] for i, b in enumerate(book.bodies)}


def body_names(book: RuleBook, body: Body) -> tuple[str, str]:
    """A body's feed's name and caption."""
    return body.name, f"Meetings of the {body.name} ({book.organization.short_name})"


def combined_names(book: RuleBook) -> tuple[str, str]:
    org = book.organization
    # (the name first: "All meetings of Conference on Interaction ..." wanted an article that
    # "All meetings of ASEAN" does not, and no rule tells which names take one)
    return f"{org.short_name} meetings", f"{org.name} ({org.short_name}): all meetings, held, planned and projected"


def combined_calendar_bytes(book: RuleBook, meetings: Iterable[Meeting], stamp: datetime, revisions: Mapping[str, Revision] | None = None, source: str | None = None) -> bytes:
    """The combined feed as bytes (``planner ics --out -``). Without ``revisions`` every event has
    SEQUENCE 0 and LAST-MODIFIED = ``stamp``."""
    builder = FeedBuilder(book, stamp, revisions)
    name, caption = combined_names(book)
    return builder.calendar_bytes(name, caption, builder.build(meetings), source=source)
