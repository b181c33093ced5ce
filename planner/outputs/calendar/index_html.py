"""``index.html`` of a feed folder: subscribe links and the coming meetings.

Rendered from ``templates/index.html.j2`` with autoescaping (a title ``<script>`` stays text),
styled like the report. Each feed has its https and webcal links; a copy-link button appears
only where a script and the clipboard are available, so without them the page is plain links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.core.model import Meeting, RuleBook
from planner.outputs.calendar.ical import FeedBuilder, summary, unfixed_words
from planner.outputs.html.templating import render_template


@dataclass(frozen=True)
class FeedLink:
    title: str
    count: int
    links: list[tuple[str, str]]


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
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def index_html(book: RuleBook, feeds: Sequence[tuple[str, str, int]], meetings: Iterable[Meeting], builder: FeedBuilder, base_url: str | None) -> str:
    """A static page: the feeds with subscribe links, and the coming meetings from ``stamp`` on
    (``meetings`` in the feeds' order)."""
    today = builder.stamp.date()
    coming = []
    for meeting in meetings:
        if meeting.latest < today:
            continue
        body = builder.bodies.get(meeting.body)
        coming.append(ComingRow(_when(meeting), summary(body, meeting), body.name if body else meeting.body, meeting.venue, meeting.status.value, meeting.title or meeting.reason))
    return render_template(
        "index.html.j2",
        org=book.organization,
        generated=builder.stamp.strftime("%Y-%m-%d %H:%M"),
        feeds=[FeedLink(title, count, _links(filename, base_url)) for filename, title, count in feeds],
        coming=coming,
    )
