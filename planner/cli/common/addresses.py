"""Web addresses given as options (``ics --base-url``, ``publish --caldav``): bounded as a
name server bounds them, before they are written into feeds or sent to a client."""

from __future__ import annotations

from urllib.parse import SplitResult

MAX_HOST = 253  # characters of a host name written out (RFC 1035 2.3.4, without the final dot)
MAX_LABEL = 63  # characters between two dots
MAX_URL = 2000  # the whole address: written into every event and link of a feed


def too_long(value: str, parts: SplitResult) -> str | None:
    """Why the address ``value`` (split as ``parts``) is longer than any that can be served,
    in words ending with what was expected, or ``None``. A host of 100,000 characters was
    written into every feed and index.html (`--base-url`), and sent to the CalDAV client,
    whose failure was told as "the server's answer cannot be read" (`--caldav`)."""
    host = (parts.hostname or "").rstrip(".")
    labels = [host] if host.startswith("[") or ":" in host else host.split(".")
    longest = max(labels, key=len)
    if len(host) > MAX_HOST:
        why = f"its host has {len(host):,} characters"
    elif len(longest) > MAX_LABEL:
        why = f"a label of its host has {len(longest):,} characters"
    elif len(value) > MAX_URL:
        why = f"it has {len(value):,} characters"
    else:
        return None
    shown = f"{value[:80]!r}{'...' if len(value) > 80 else ''}"
    return f"{shown} is too long: {why} (expected a host of at most {MAX_HOST} characters, each part between dots at most {MAX_LABEL} (RFC 1035), and an address of at most {MAX_URL:,} characters)"
