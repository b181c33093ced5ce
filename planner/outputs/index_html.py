"""``index.html`` of a feed folder: subscribe links and the coming meetings."""

from __future__ import annotations

import html
from collections.abc import Sequence

from planner.core.model import Meeting, RuleBook
from planner.outputs.ical import FeedBuilder, summary, unfixed_words


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


def index_html(book: RuleBook, feeds: Sequence[tuple[str, str, int]], items: Sequence[tuple[Meeting, str]], builder: FeedBuilder, base_url: str | None) -> str:
    """A static page: the feeds with subscribe links, and the coming meetings from ``stamp`` on.
    Every value passes through ``html.escape``, so a title ``<script>`` stays text."""
    e = html.escape
    today = builder.stamp.date()
    org = book.organization
    out = ["<!DOCTYPE html>", '<html lang="en">', '<head><meta charset="utf-8">', f"<title>{e(org.name)}: meeting calendars</title>", "</head>", "<body>"]
    out.append(f"<h1>{e(org.name)}: meeting calendars</h1>")
    out.append(f"<p>Generated {e(builder.stamp.strftime('%Y-%m-%d %H:%M'))} UTC. Meetings whose date is not fixed appear on the first day of their month or year, marked &ldquo;date not fixed&rdquo;.</p>")
    out.append("<h2>Feeds</h2>\n<ul>")
    for filename, title, count in feeds:
        links = " ".join(f'<a href="{e(href)}">{e(label)}</a>' for label, href in _links(filename, base_url))
        out.append(f"<li>{e(title)} ({count} event{'s' if count != 1 else ''}): {links}</li>")
    out.append("</ul>\n<h2>Coming meetings</h2>")
    coming = [(m, uid) for m, uid in items if m.latest >= today]
    if not coming:
        out.append("<p>None.</p>")
    else:
        out.append("<table>\n<tr><th>Dates</th><th>Meeting</th><th>Body</th><th>Venue</th><th>Status</th><th>Notes</th></tr>")
        for meeting, _uid in coming:
            body = builder.bodies.get(meeting.body)
            cells = (_when(meeting), summary(body, meeting), body.name if body else meeting.body, meeting.venue, meeting.status.value, meeting.title or meeting.reason)
            out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        out.append("</table>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
