"""``planner publish``: keep a CalDAV calendar equal to the feed."""

from __future__ import annotations

import netrc
import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit

import click

from planner.cli.common.addresses import too_long
from planner.cli.common.horizon import event_options, resolve_bodies
from planner.cli.common.inputs import Inputs, input_options
from planner.cli.common.output import say
from planner.core.errors import InputError
from planner.core.model import Meeting

PASSWORD_ENV = "PLANNER_CALDAV_PASSWORD"
_DONE = {"create": "created", "update": "updated", "cancel": "cancelled", "delete": "deleted"}
_TODO = {"create": "to create", "update": "to update", "cancel": "to cancel", "delete": "to delete"}
KEPT_EXIT = 1  # events a person edited on the server were kept: the calendar is not the feed


def credentials(url: str, user: str | None) -> tuple[str | None, str | None]:
    """The user and password for ``url``: ``--user`` (else the URL's or ~/.netrc's login) and
    the password from PLANNER_CALDAV_PASSWORD, else from ~/.netrc. Never from the command line:
    a password there is seen by every user of the machine (``ps``) and kept in shell history."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a port that is no number raises here, not in the client
    except ValueError:  # an unclosed IPv6 bracket, a port that is no number
        host = None
    if host is None or parts.scheme not in ("http", "https") or any(c.isspace() for c in url):
        raise click.BadParameter(f"{url!r} is not an http(s) URL; expected e.g. https://host/user/calendar/", param_hint="--caldav")
    problem = too_long(url, parts)
    if problem is not None:
        raise click.BadParameter(problem, param_hint="--caldav")
    if parts.password is not None:
        raise click.BadParameter(f"the URL holds a password; give it in {PASSWORD_ENV} or ~/.netrc, never on the command line", param_hint="--caldav")
    user = user or parts.username
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        found = _netrc(parts.hostname)
        if found and (user is None or user == found[0]):
            user, password = user or found[0], found[2]
    _basic_auth_can_carry(user, password)
    return user, password


def _basic_auth_can_carry(user: str | None, password: str | None) -> None:
    """RFC 7617 2: a user-id holds no colon (the server splits "user:password" at the first)
    and neither holds a control character. 'a:b' was sent as user 'a' with a password
    beginning 'b:', and a password with a line break went to the server as it was. The
    password is never shown."""
    if user is not None and (":" in user or any(ord(c) < 32 or ord(c) == 127 for c in user)):
        what = "a ':'" if ":" in user else "a control character"
        raise click.BadParameter(f"{user if len(user) <= 60 else user[:57] + '...'!r} holds {what}, which HTTP Basic authentication cannot carry in a user name; expected a user name without ':' or control characters (RFC 7617)", param_hint="--user")
    if password is not None and any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise click.BadParameter("the password holds a control character (a line break?), which HTTP Basic authentication cannot carry; expected a password of printable characters (RFC 7617)", param_hint=PASSWORD_ENV if os.environ.get(PASSWORD_ENV) == password else "~/.netrc")


_NETRC_EXPECTED = "machine HOST login USER password PASSWORD"
_NETRC_LIMIT = 1024 * 1024


def _netrc(host: str) -> tuple[str, str, str] | None:
    """The login ~/.netrc gives ``host``, or None without a ~/.netrc (or a home). What is no
    file there, larger than a megabyte or no UTF-8 is one line: the netrc module waited for
    ever on a pipe, read /dev/zero without end and raised UnicodeDecodeError (a traceback)."""
    from pathlib import Path

    from planner.inputs.inputfile import read_bytes

    path = Path(os.path.expanduser("~")) / ".netrc"
    try:
        kind = path.stat().st_mode
    except (OSError, ValueError):  # no ~/.netrc (or no home): no password
        return None
    if not stat.S_ISREG(kind):
        raise InputError("is no file", path=path, expected=f"a file of lines {_NETRC_EXPECTED}, or none")
    raw = read_bytes(path, InputError, limit=_NETRC_LIMIT)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("is not UTF-8 text", path=path, location=raw.count(b"\n", 0, exc.start) + 1, expected=f"a file of lines {_NETRC_EXPECTED}, saved as UTF-8") from None
    try:
        return netrc.netrc().authenticators(host)
    except netrc.NetrcParseError as exc:
        raise InputError(f"cannot be read: {exc.msg}", path=exc.filename or path, location=exc.lineno or None, expected=_NETRC_EXPECTED) from None
    except (OSError, ValueError) as exc:  # (changed since it was looked at)
        raise InputError(f"cannot be read: {exc}", path=path, expected=_NETRC_EXPECTED) from None


@click.command()
@input_options
@click.option("--caldav", "url", required=True, metavar="URL", help="The calendar's URL, e.g. https://host/user/cica/ (created if missing).")
@click.option("--user", metavar="NAME", help=f"User name on the server; the password comes from {PASSWORD_ENV} or ~/.netrc.")
@event_options
@click.option("--prune", is_flag=True, help="Delete events that left the input instead of marking them cancelled.")
@click.option("--overwrite", is_flag=True, help="Replace events a person edited on the server since planner wrote them (kept by default, exit 1).")
@click.option("--dry-run", is_flag=True, help="Show what would be created, updated, cancelled or deleted; write nothing.")
def publish(inputs: Inputs, url: str, user: str | None, events: Callable[[], list[Meeting]], body_ids: tuple[str, ...], prune: bool, overwrite: bool, dry_run: bool) -> None:
    """Publish the feed's events to a CalDAV calendar and keep it in sync.

    Creates the calendar if missing, then creates or updates each event by UID (never a
    duplicate) and marks events that left the input STATUS:CANCELLED (or deletes them with
    --prune). SEQUENCE rises only when a meeting's time, place or status changed. An identical
    re-publish writes nothing; a run that broke off is completed by the next. Same events as
    `planner ics`; with --body, the other bodies' events on the server are left alone.

    An event a person edited on the server since planner wrote it (moved in a calendar app, a
    note added) is not overwritten: it is listed as "kept" and the exit code is 1; change the
    register to match, or publish with --overwrite to replace it.

    \b
    Examples:
      PLANNER_CALDAV_PASSWORD=... planner publish --caldav https://dav.example.org/sec/cica/ --user sec
      planner publish --caldav https://dav.example.org/sec/cica/ --no-projected --dry-run
    """
    from planner.outputs.calendar.caldav import publish as run_publish

    user, password = credentials(url, user)
    stamp = datetime.combine(inputs.today, datetime.min.time(), UTC)
    meetings = events()
    bodies = resolve_bodies(inputs.book, body_ids)
    result = run_publish(inputs.book, meetings, url, stamp=stamp, user=user, password=password, prune=prune, overwrite=overwrite, dry_run=dry_run, bodies=bodies)
    for change in sorted(result.changes, key=lambda c: (c.day, c.uid)):  # a calendar's order, not the UIDs'
        if change.action == "keep":
            click.echo(f"{'would keep' if dry_run else 'kept':<12} {change.day:<10}  {change.summary}: edited on the server since planner wrote it")
        else:
            click.echo(f"{'would ' if dry_run else ''}{change.action:<7} {change.day:<10}  {change.summary}")
    counts = ", ".join(f"{result.count(a)} {verb}" for a, verb in (_TODO if dry_run else _DONE).items())
    kept = f", {len(result.kept)} kept" if result.kept else ""
    if dry_run:
        made = "the calendar would be created; " if result.created_calendar else ""
        click.echo(f"dry run, nothing written to {result.url}: {made}{counts}, {result.unchanged} unchanged{kept}", err=True)
    else:
        made = "calendar created; " if result.created_calendar else ""
        say(f"published to {result.url}: {made}{counts}, {result.unchanged} unchanged{kept}")
    if result.kept:
        many = len(result.kept) > 1
        click.echo(
            f"warning: {result.url}: {len(result.kept)} {'events' if many else 'event'} edited on the server since planner wrote {'them' if many else 'it'} {'would be ' if dry_run else ''}kept as {'they are' if many else 'it is'}"
            f" (listed above); change the register to match, or publish with --overwrite to replace {'them' if many else 'it'}",
            err=True,
        )
        click.get_current_context().exit(KEPT_EXIT)
