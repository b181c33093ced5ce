"""Meetings -> a CalDAV calendar (RFC 4791), kept equal to the feed ``planner ics`` writes.

The server is the state: every run reads the calendar's events, compares them with the events
the input gives, and writes only the difference, so an identical re-publish writes nothing and a
run that broke half-way is completed by the next one.

* **By UID, never twice.** An event is created when its UID is not on the server and replaced
  in place (its own resource URL, with the ETag read) when it is; a second resource carrying one
  of our UIDs is deleted.
* **SEQUENCE per RFC 5546.** It rises by one only when the time, place or status changed
  (RFC 5545 3.8.7.4, "significant revision"); a new description keeps it and only moves
  LAST-MODIFIED. The caldav library's own bump on every save is turned off.
* **Nothing orphaned.** An event of ours (UID ``{organization}-{body}-...@planner``, its X-PLANNER-BODY) that the input no
  longer gives is rewritten as a tombstone (STATUS:CANCELLED, SEQUENCE + 1, see
  :func:`planner.outputs.calendar.revisions.tombstone`), or deleted with ``prune``. Events of other
  organizations or other programs in the same calendar are never touched, nor, when ``bodies``
  are given, those of the other bodies.
* **Stable UIDs.** A meeting without a number whose date was corrected takes over the UID of
  the event the server holds for the same body and kind at the nearest date (see
  :func:`planner.outputs.calendar.revisions.adopt`), so it is updated rather than cancelled and added.
* **A missing calendar is created** (MKCALENDAR) at the URL given, with the feed's name.
* **A person's edit is kept.** An event edited on the server since planner wrote it is left as
  it is and reported (a ``keep``), unless ``overwrite``: see :mod:`planner.outputs.calendar.sync`,
  which decides every write.

Errors of the network or the server become :class:`PublishError`, one line, never carrying the
password (the URL is shown without its user-info part).
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

from icalendar import Calendar, Event

from planner.core.errors import InputError
from planner.core.model import Meeting, RuleBook
from planner.outputs.calendar.ical import PRODID, body_colors, body_names, combined_names
from planner.outputs.calendar.sync import Change, plan, prop_text, wanted_events
from planner.outputs.calendar.uids import uid_beginning

T = TypeVar("T")
EXPECTED_SERVER = "a CalDAV calendar URL such as https://host/user/calendar/, on a running server"


class PublishError(InputError):
    """The CalDAV server cannot be reached, refuses, or answers what no calendar would."""


class _Late(Exception):  # noqa: N818 - said as "the server's answer cannot be read"
    """A request's answer did not come whole within MAX_ANSWER_SECONDS."""


@dataclass
class Publication:
    """What a publish did (or, in a dry run, would do)."""

    url: str
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    created_calendar: bool = False
    dry_run: bool = False
    kept: list[Change] = field(default_factory=list)  # edited on the server, left as they are

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)


def shown_url(url: str) -> str:
    """The URL without user-info, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def resource_bytes(event: Event) -> bytes:
    """One VEVENT in its own VCALENDAR: a CalDAV resource holds one UID (RFC 4791 4.1)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add_component(event)
    if isinstance(getattr(event.get("DTSTART"), "dt", None), datetime):
        cal.add_missing_timezones()
    return cal.to_ical()  # type: ignore[no-any-return]


def publish(
    book: RuleBook,
    meetings: Iterable[Meeting],
    url: str,
    *,
    stamp: datetime,
    user: str | None = None,
    password: str | None = None,
    prune: bool = False,
    overwrite: bool = False,
    dry_run: bool = False,
    bodies: Sequence[str] | None = None,
    timeout: float = 30,
) -> Publication:
    """Make the calendar at ``url`` hold exactly the events of ``meetings`` (plus tombstones of
    those that left), but for events a person edited on the server since planner wrote them:
    kept as they are unless ``overwrite`` (see :mod:`planner.outputs.calendar.sync`). Raises
    :class:`PublishError` on any network or server failure."""
    result = Publication(shown_url(url), dry_run=dry_run)
    session = _Session(url, user, password, timeout)
    try:
        with session.failures("reading the calendar"):
            calendar = session.calendar()
            objects = session.events(calendar, book.organization.id) if calendar is not None else {}
        if calendar is None:
            result.created_calendar = True
            if not dry_run:
                # Named and coloured as the feed it holds: one body's (its COLOR, as {body}.ics
                # carries it), else the combined feed's, which has no colour (as all.ics)
                one = book.body(bodies[0]) if bodies is not None and len(bodies) == 1 else None
                name, caption = body_names(book, one) if one is not None else combined_names(book)
                color = body_colors(book)[one.id][1] if one is not None else None
                with session.failures("creating the calendar"):
                    calendar = session.create(name, caption, color)
        server = {uid: found[0][1] for uid, found in objects.items()}
        in_scope = {uid: ev for uid, ev in server.items() if bodies is None or prop_text(ev, "X-PLANNER-BODY") in bodies}
        wanted = wanted_events(book, meetings, stamp, in_scope)
        steps = plan(wanted, server, stamp, prune=prune, bodies=bodies, overwrite=overwrite)
        result.unchanged = len(set(wanted) & set(server)) - sum(1 for c, _ in steps if c.action in ("update", "keep") and c.uid in wanted)
        extra = [(uid, obj) for uid, found in objects.items() for obj, _ in found[1:]]
        result.changes = [c for c, _ in steps] + [Change("delete", uid, "(second copy)", "") for uid, _ in extra]
        result.kept = [c for c in result.changes if c.action == "keep"]
        if dry_run:
            return result
        done = 0
        with session.failures("writing", progress=lambda: f"{done} of {len(result.changes)} changes written; run again to complete"):
            for change, event in steps:
                resource = objects[change.uid][0][0] if change.uid in objects else None
                if change.action == "keep":
                    continue
                if event is None:
                    session.delete(resource)
                else:
                    session.put(calendar, resource, resource_bytes(event))
                done += 1
            for _, resource in extra:
                session.delete(resource)
                done += 1
    finally:
        session.close()  # its HTTP pools each run a watching thread until closed
    return result


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^')\]]+)")


class _Session:
    """The caldav client, imported only here (it pulls in an HTTP stack), and its errors."""

    def __init__(self, url: str, user: str | None, password: str | None, timeout: float) -> None:
        import caldav

        self.url = url if url.endswith("/") else url + "/"
        self.shown = shown_url(self.url)
        self.client = caldav.DAVClient(url=self.url, username=user, password=password, timeout=timeout)
        self.client.session.hooks.setdefault("response", []).extend([_bounded_answer, self._followed])
        self.user = user
        self.went: str | None = None  # where a redirect sent the last request, when elsewhere

    def _followed(self, response: Any, *args: Any, **kwargs: Any) -> Any:
        """Remember where the server redirected to: an error after a redirect is about that
        URL (its host not found, its answer), and the line says so."""
        location = response.headers.get("Location") if response.is_redirect else None
        if location:
            went = urljoin(response.url, location)
            self.went = went if went.rstrip("/") != self.url.rstrip("/") else self.went
        return response

    def within(self, work: Callable[[], T]) -> T:
        """``work()``, one request (or the two or three of one step), given at most
        ``MAX_ANSWER_SECONDS`` from its sending to the last byte of its answer. The timeout
        bounds each wait for a byte, and the answer's body was bounded once its headers came,
        but not the headers: a server trickling its status line a byte a second held a run for
        hours. The request runs in a thread of its own; past the deadline the run stops
        waiting for it (it ends with the session, or with the process) and says so."""
        box: list[tuple[bool, Any]] = []

        def run() -> None:
            try:
                box.append((True, work()))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller as it is
                box.append((False, exc))

        worker = threading.Thread(target=run, name="planner-caldav", daemon=True)
        worker.start()
        worker.join(MAX_ANSWER_SECONDS)
        if worker.is_alive():
            with contextlib.suppress(Exception):  # (best effort: the run is ending anyway)
                self.client.session.close()  # what the request still waits for, dropped
            raise _Late(f"the answer took more than {MAX_ANSWER_SECONDS:.0f} s to arrive") from None
        done, value = box[0]
        if done:
            return value  # type: ignore[no-any-return]
        raise value

    def close(self) -> None:
        """The client's connections closed, and with them the threads of its HTTP stack that
        watch idle ones (urllib3-future starts one a pool): left running, they made a later
        feed export of the process refuse to fork (:func:`planner.outputs.forking.can_fork`)."""
        with contextlib.suppress(Exception):  # (best effort: what could fail here is past)
            self.client.close()

    def calendar(self) -> Any:
        """The calendar at the URL, or None when there is none yet."""
        return self.within(self._calendar)

    def _calendar(self) -> Any:
        from caldav.collection import Calendar as DAVCalendar
        from caldav.elements import dav
        from caldav.lib import error

        calendar = DAVCalendar(client=self.client, url=self.url)
        try:
            found = calendar.get_properties([dav.ResourceType()]).get(dav.ResourceType.tag)
        except error.NotFoundError:
            return None
        kinds = found if isinstance(found, list) else [found] if found else []
        if "{urn:ietf:params:xml:ns:caldav}calendar" not in kinds:
            what = "a collection" if "{DAV:}collection" in kinds else "a single resource"
            what = "a user's home" if "{DAV:}principal" in kinds else what
            raise PublishError(f"is {what}, not a calendar", path=self.shown, expected="the URL of a calendar, or a new one inside a user's home, e.g. https://host/user/cica/")
        return calendar

    def create(self, name: str, caption: str, color: str | None) -> Any:
        calendar = self.within(lambda: self._create(name))
        self.within(lambda: self._describe(calendar, caption, color))
        return calendar

    def _describe(self, calendar: Any, caption: str, color: str | None) -> None:
        """The new calendar's description and colour (Apple's calendar-color, which
        Thunderbird, Apple Calendar and DAVx5 read from the server): what X-WR-CALDESC and
        COLOR say in a feed. A server that keeps neither is no reason to stop."""
        from caldav.elements import cdav, ical
        from caldav.lib import error

        props = [cdav.CalendarDescription(caption)] + ([ical.CalendarColor(color)] if color else [])
        with contextlib.suppress(error.PropsetError):
            calendar.set_properties(props)

    def _create(self, name: str) -> Any:
        from caldav.collection import CalendarSet
        from caldav.lib import error

        parts = urlsplit(self.url)
        parent_path, _, cal_id = parts.path.rstrip("/").rpartition("/")
        parent = CalendarSet(client=self.client, url=urlunsplit((parts.scheme, parts.netloc, parent_path + "/", "", "")))
        try:
            return parent.make_calendar(name=name, cal_id=cal_id)
        except error.MkcalendarError:
            # Radicale and others make a user's home on the first discovery; then try again.
            import caldav

            root = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
            with caldav.DAVClient(url=root, username=self.user, password=self.client.password, timeout=self.client.timeout) as home:
                home.principal()
            return parent.make_calendar(name=name, cal_id=cal_id)

    def events(self, calendar: Any, organization: str) -> dict[str, list[tuple[Any, Event]]]:
        """Our events on the server by UID (several resources per UID only if something went
        wrong before), each with its resource: of ``organization``, each UID beginning as
        it gives its body's (``cica-summit-``; 'cica-x-summit-6' is another organization's,
        though it begins 'cica-')."""
        found: dict[str, list[tuple[Any, Event]]] = {}
        for resource in self.within(lambda: list(calendar.events())):
            try:
                events = Calendar.from_ical(resource.data).walk("VEVENT")
            except (ValueError, AttributeError, TypeError):  # (icalendar's parser: VALUE=DATE,X an AttributeError)
                continue  # not ours to judge: another program's event we cannot read
            for event in events[:1]:
                uid = str(event.get("UID", ""))
                if uid.startswith(uid_beginning(organization, prop_text(event, "X-PLANNER-BODY"))) and uid.endswith("@planner"):
                    found.setdefault(uid, []).append((resource, event))
        return found

    def put(self, calendar: Any, resource: Any, data: bytes) -> None:
        from caldav.calendarobjectresource import Event as DAVEvent

        if resource is None:
            resource = DAVEvent(client=self.client, parent=calendar)
        self.within(lambda: resource.save(raw_data=data, increase_seqno=False))

    def delete(self, resource: Any) -> None:
        self.within(resource.delete)

    def failures(self, doing: str, progress: Any = None) -> _Failures:
        return _Failures(self, doing, progress)


MAX_ANSWER_BYTES = 256 * 1024 * 1024
# how long one request may take, from its sending to the last byte of its answer (headers and
# body): the timeout bounds each wait for a byte, so a server sending a byte every few seconds
# held a run for days. 256 MB arrive in it at 2.2 MB/s; a calendar of 10,000 events is ~15 MB.
MAX_ANSWER_SECONDS = 120.0


def _bounded_answer(response: Any, *args: Any, **kwargs: Any) -> Any:
    """Read the server's answer here, at most ``MAX_ANSWER_BYTES`` of it (the HTTP stack would
    read an endless answer into memory: 17 GB in 200 s from a server that never stops), in at
    most ``MAX_ANSWER_SECONDS``. Each read returns what has come (``read1``), so a slow answer
    is measured as it trickles, not after 64 KB of it."""
    import time

    if getattr(response, "_content_consumed", True) or response.raw is None:
        return response
    body = bytearray()
    start = time.monotonic()
    raw = response.raw
    while piece := raw.read1(1 << 16, decode_content=True):
        body += piece
        if len(body) > MAX_ANSWER_BYTES:
            response.close()
            raise ValueError(f"the answer is larger than {MAX_ANSWER_BYTES // (1024 * 1024)} MB")
        if time.monotonic() - start > MAX_ANSWER_SECONDS:
            response.close()
            raise ValueError(f"the answer took more than {MAX_ANSWER_SECONDS:.0f} s to arrive")
    response._content = bytes(body)
    response._content_consumed = True
    return response


def _after_redirect(went: str | None) -> str:
    """``, after a redirect to URL`` (without its user-info part), or ``""``."""
    return f", after a redirect to {shown_url(went)}" if went else ""


def _network_reason(exc: OSError, session: _Session) -> str:
    """A few words for what the HTTP stack says in a paragraph."""
    text = str(exc)
    if "NameResolution" in text or "Name or service not known" in text or "nodename nor servname" in text:
        return f"host {urlsplit(session.went or session.url).hostname!r} not found"
    if "timed out" in text.lower() or "Timeout" in type(exc).__name__:
        return f"no answer within {session.client.timeout} s"
    match = _ERRNO.search(text)
    if match:
        return match.group(1).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__


class _Failures:
    """Turns what the network and the server raise into one PublishError line."""

    def __init__(self, session: _Session, doing: str, progress: Any) -> None:
        self.session, self.doing, self.progress = session, doing, progress

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _tb: Any) -> bool:
        if exc is None or isinstance(exc, PublishError) or not isinstance(exc, Exception):
            return False
        from caldav.lib import error

        moved = _after_redirect(getattr(self.session, "went", None))
        after = f"{moved}; {self.progress()}" if self.progress else moved
        who = f"user {self.session.user!r}" if self.session.user else "anonymous access"
        status = getattr(exc, "status", None)  # not "403" in str(exc): the URL's port may hold it
        if isinstance(exc, error.AuthorizationError) and (status == 403 if status is not None else "403" in str(getattr(exc, "reason", ""))):
            raise PublishError(f"the server forbids {who} while {self.doing}{after}", path=self.session.shown, expected="a calendar URL this user may write to") from None
        if isinstance(exc, error.AuthorizationError):
            raise PublishError(f"the server refused {who} while {self.doing}{after}", path=self.session.shown, expected="a --user and a password in PLANNER_CALDAV_PASSWORD or ~/.netrc that the server accepts") from None
        if isinstance(exc, error.ETagMismatchError | error.ScheduleTagMismatchError):
            # If-Match with the ETag read failed: someone changed the event since the read
            raise PublishError(f"an event was changed on the server while planner was writing (412 Precondition Failed){after}; the next run keeps the change", path=self.session.shown, expected="a calendar no one edits during the run") from None
        if isinstance(exc, error.DAVError):
            reason = " ".join(str(exc).split())[:160]
            raise PublishError(f"the server refused while {self.doing}: {reason}{after}", path=self.session.shown, expected=EXPECTED_SERVER) from None
        if isinstance(exc, OSError):
            raise PublishError(f"cannot reach the CalDAV server while {self.doing}: {_network_reason(exc, self.session)}{after}", path=self.session.shown, expected=EXPECTED_SERVER) from None
        # Anything else came out of the client reading what the server said: XML cut short
        # (AttributeError deep in caldav), an entity bomb (lxml's XMLSyntaxError, no
        # ValueError), an answer of the wrong shape. One line all the same, never a traceback.
        said = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise PublishError(f"the server's answer cannot be read while {self.doing}: {said}{after}", path=self.session.shown, expected=EXPECTED_SERVER) from None
