"""``planner ics``: iCalendar feeds."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

from planner.cli.common.addresses import too_long
from planner.cli.common.horizon import avoid_option, event_options, resolve_bodies
from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import (
    error,
    hearing,
    read_unnamed,
    refuse_input,
    say,
    warn,
    workers,
    writing,
)
from planner.core.errors import OutputError
from planner.core.model import Meeting
from planner.core.words import plural

if TYPE_CHECKING:
    from planner.outputs.calendar.folder.given import Given


def _base_url(value: str | None) -> str | None:
    """Only web addresses: a ``javascript:`` or ``data:`` URL would become a live link in
    index.html."""
    if value is None:
        return None
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("http", "https", "webcal") or not rest.strip("/") or any(c.isspace() or not c.isprintable() or c in "<>\"'`\\" for c in value):
        raise click.BadParameter(f"{value!r} is not a web address; expected http://, https:// or webcal:// and a host, e.g. https://example.org/cica", param_hint="--base-url")
    # the feeds' names are added after the address: after a query or a fragment they would be
    # part of it (https://x.org/cal?v=1/all.ics asks for cal), and a host must lead the rest
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:  # a port that is no number, or above 65535; an unclosed IPv6 bracket
        parts, port_ok = urlsplit(""), False
    host_port = rest.split("/", 1)[0]
    if not port_ok and "?" not in rest and "#" not in rest and ":" in host_port and not any(c in host_port for c in "@[]"):
        # (it said "without '?', '#' or a user name" of http://example.org:99999/feeds/)
        port = host_port.rpartition(":")[2]
        raise click.BadParameter(f"{value!r} has port {port[:20]!r}, which is no port number; expected a port from 1 to 65535, or none, e.g. https://example.org:8443/cica", param_hint="--base-url")
    if "?" in rest or "#" in rest or "@" in parts.netloc or not parts.hostname or not port_ok:
        raise click.BadParameter(f"{value!r} is not the address of a folder; expected a host and a path without '?', '#' or a user name, e.g. https://example.org/cica", param_hint="--base-url")
    problem = too_long(value, parts)
    if problem is not None:
        raise click.BadParameter(problem, param_hint="--base-url")
    return f"{scheme.lower()}://{rest}"


def _given(inputs: Inputs) -> Given | None:
    """The print of what this export is made from (see
    :mod:`planner.outputs.calendar.folder.given`): every file it may read, every option as
    parsed, the day it is made as of."""
    from planner.outputs.calendar.folder.given import given

    params = click.get_current_context().params
    book = inputs.book
    files = [inputs.rules_path, inputs.meetings_path, *inputs.more_meetings, inputs.chairs_path]
    files += [Path(p) for p in (params.get("plan_file"), *inputs.avoid) if p]
    files += [inputs.rules_path.parent / p for p in book.organization.avoid]
    options = {name: value for name, value in params.items() if name not in ("out", "quiet")}
    return given(files, {**options, "today": inputs.today.isoformat(), "foreign": [inputs.foreign_meetings, inputs.foreign_chairs]})


@click.command()
@input_options
@avoid_option
@click.option("--out", "out", required=True, metavar="DIR", help="Folder for the feeds (created if missing), or - for all.ics on standard output.")
@event_options
@click.option("--base-url", metavar="URL", callback=lambda _ctx, _param, value: _base_url(value), help="Where DIR will be served (http, https or webcal), for the subscribe links of index.html.")
@click.option("--keep-removed", type=click.IntRange(0, 3650), default=90, show_default=True, metavar="DAYS", help="Days a meeting that left the input stays in the feeds as CANCELLED.")
@click.option("--force", is_flag=True, help="Write into a folder of another organization's feeds, cancelling their events (else refused).")
def ics(inputs: Inputs, out: str, events: Callable[[], list[Meeting]], body_ids: tuple[str, ...], base_url: str | None, keep_removed: int, force: bool) -> None:
    """Write iCalendar feeds: one per body, all.ics and index.html.

    Holds the register's meetings and the projection for the horizon. UIDs are stable and
    DTSTAMP comes from --today (or SOURCE_DATE_EPOCH), so the same input gives byte-identical
    files and re-importing updates events instead of duplicating them. A state file in DIR
    raises SEQUENCE when a meeting's dates, venue or status change between two exports, keeps
    meetings that left as CANCELLED for --keep-removed days, and keeps a meeting's UID when
    its date is corrected. With --body, only those feeds are written; the rest stay as they are.

    \b
    Examples:
      planner ics --today 2026-11-26 --out feeds --base-url https://example.org/cica
      planner ics --out - --body summit --no-projected > summit.ics
    """
    from planner.outputs.calendar.folder.feeds import combined_calendar, source_url, write_feeds
    from planner.outputs.calendar.ical import COMBINED

    book = inputs.book
    ids = resolve_bodies(book, body_ids)
    if out != "-":  # `--meetings feeds/all.ics --out feeds` replaced the register it read
        from planner.outputs.calendar.folder.feeds import folder_names

        listed = read_unnamed()
        for name in folder_names(book, ids):
            refuse_input(os.path.join(out, name), "another folder for --out, or the input moved out of it", listed)
    stamp = datetime.combine(inputs.today, datetime.min.time(), UTC)
    given = _given(inputs) if out != "-" and ids is None else None
    if given is not None:  # the folder may already hold this export: then the register is not read
        from planner.outputs.calendar.folder.feeds import written_before

        with writing(out, folder=True):
            before = written_before(book, Path(out), stamp, given.digest, base_url=base_url, keep_days=keep_removed)
        if before is not None:
            paths, count, said = before
            for line in said:
                warn(line)
            _wrote(out, paths, count, ids)
            return
    with hearing() as said:
        meetings = events()
    if out == "-":
        warn("--out - keeps no state: every event has SEQUENCE 0 and LAST-MODIFIED of --today, and meetings that left are not shown as cancelled; write to a folder (--out DIR) to keep them")
        batch: list[bytes] = []
        size = 0
        for piece in combined_calendar(book, meetings, stamp, source=source_url(base_url, f"{COMBINED}.ics")):
            batch.append(piece)
            size += len(piece)
            if size >= 1 << 20:  # written as it is made, a megabyte at a time
                click.echo(b"".join(batch), nl=False)
                batch, size = [], 0
        click.echo(b"".join(batch), nl=False)
        return
    try:
        with writing(out, folder=True):
            written = write_feeds(book, meetings, Path(out), stamp, base_url=base_url, warn=warn, bodies=ids, keep_days=keep_removed, workers=workers(), given=given.key() if given is not None else None, said=said, force=force)
    except OutputError as exc:
        error(str(exc))
        click.get_current_context().exit(2)
    _wrote(out, written, len(meetings), ids)


def _wrote(out: str, written: list[Path], count: int, ids: list[str] | None) -> None:
    feeds = [p.name for p in written if p.suffix == ".ics"]
    where = ", ".join(feeds) if ids is not None else f"{plural(len(feeds) - 1, 'feed')} and all.ics, index.html"
    say(f"wrote {plural(len(written), 'file')} to {out}: {plural(count, 'meeting')} in {where}")
