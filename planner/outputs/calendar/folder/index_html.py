"""``index.html`` of a feed folder: subscribe links and the coming meetings.

Rendered from ``templates/index.html.j2`` with autoescaping (a title ``<script>`` stays text),
styled like the report. Each feed has its https and webcal links; a copy-link button appears
only where a script and the clipboard are available, so without them the page is plain links.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from planner.core.model import Body, Meeting, Place, RuleBook, Status
from planner.outputs.calendar.event_words import summary, unfixed_words
from planner.outputs.calendar.ical import FeedBuilder
from planner.outputs.html.templating import generate_template
from planner.outputs.schedule import host_words


@dataclass(frozen=True)
class FeedLink:
    title: str
    count: int
    links: list[tuple[str, str]]
    color: str = ""  # the feed's COLOR (a body's), shown beside its name so a subscriber matches them


@dataclass(frozen=True)
class ComingRow:
    when: str
    summary: str
    body: str
    venue: str
    status: str
    notes: str


def _links(filename: str, base_url: str | None) -> list[tuple[str, str]]:
    if base_url is None:
        return [("download", filename)]
    url = f"{base_url.rstrip('/')}/{filename}"
    scheme, _, rest = url.partition("://")
    links = [(scheme, url)]
    if scheme in ("http", "https"):
        links.append(("webcal", f"webcal://{rest}"))
    return links


def _when(meeting: Meeting) -> str:
    if not meeting.exact:
        return f"{unfixed_words(meeting)} (date not fixed)"
    first, last = meeting.earliest, meeting.latest
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"  # as the report writes it


def _venue(meeting: Meeting, body: Body | None, seat: Place | None) -> str:
    """Where, as the report says it: a projected or planned meeting without a place says who
    decides it ("chair to be decided"), not a blank cell; a held one without, "not recorded"."""
    if meeting.venue or meeting.status is not Status.HELD:
        return host_words(meeting, body, seat)
    return "not recorded"


class _Coming:
    """The rows of the coming meetings, made as the page is written (a register of a million
    meetings has tens of thousands of them)."""

    def __init__(self, meetings: Iterable[Meeting], builder: FeedBuilder) -> None:
        self.meetings, self.builder = meetings, builder
        self.today = builder.stamp.date()

    def __bool__(self) -> bool:
        return any(meeting.latest >= self.today for meeting in self.meetings)

    def __iter__(self) -> Iterator[ComingRow]:
        bodies, today = self.builder.bodies, self.today
        for meeting in self.meetings:
            if meeting.latest < today:
                continue
            body = bodies.get(meeting.body)
            yield ComingRow(_when(meeting), summary(body, meeting, today, self.builder.part_of(meeting)), body.name if body else meeting.body, _venue(meeting, body, self.builder.book.organization.secretariat), meeting.status.value, meeting.title or meeting.reason)


def index_pieces(book: RuleBook, feeds: Sequence[tuple[str, str, int]], meetings: Iterable[Meeting], builder: FeedBuilder, base_url: str | None) -> Iterator[bytes]:
    """A static page: the feeds with subscribe links, and the coming meetings from ``stamp`` on
    (``meetings`` in the feeds' order, read twice), in UTF-8 pieces of about 64 KB."""
    pieces = generate_template(
        "index.html.j2",
        org=book.organization,
        generated=builder.stamp.strftime("%Y-%m-%d %H:%M"),
        feeds=[FeedLink(title, count, _links(filename, base_url), builder.colors.get(filename.removesuffix(".ics"), ("", ""))[0]) for filename, title, count in feeds],
        coming=_Coming(meetings, builder),
    )
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            yield "".join(batch).encode()
            batch, size = [], 0
    yield "".join(batch).encode()


def index_html(book: RuleBook, feeds: Sequence[tuple[str, str, int]], meetings: Iterable[Meeting], builder: FeedBuilder, base_url: str | None) -> str:
    """The page of :func:`index_pieces` whole."""
    return b"".join(index_pieces(book, feeds, meetings, builder, base_url)).decode()
