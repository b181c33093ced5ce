"""The real parts users have, as the tests drive them: Debian's Chromium through Playwright,
and a throwaway Radicale CalDAV server on a free local port.

The fixtures ``browser`` and ``radicale`` (tests/conftest.py) are made from these, one per
test module that asks. Locally a missing Chromium or Playwright skips the browser tests; under
CI (``CI=true``) they fail instead, so a CI machine without a browser cannot pass silently.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "s3cret-Radicale-pw"  # what the tests log in with (the server lets anyone in; no output may show it)


def chromium() -> Iterator[Any]:
    """A Chromium launched by Playwright, closed after the ``yield``; skipped (or, under CI,
    failed) where Chromium or Playwright is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.exists():
        missing = "playwright" if sync_playwright is None else str(CHROMIUM)
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"{missing} is missing; CI must install it (.ci/run installs chromium)")
        pytest.skip(f"{missing} is missing")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser: Any, path: Path, width: int, **options: Any) -> tuple[Any, list[str]]:
    """``path`` opened in a new page ``width`` pixels wide, and the list its console errors,
    page errors and any request off the file (a network request) are added to."""
    page = browser.new_page(viewport={"width": width, "height": 900}, **options)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: errors.append(f"network request: {req.url}") if not req.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    return page, errors


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def radicale_server(folder: Path) -> Iterator[str]:
    """A throwaway Radicale storing under ``folder`` (anyone may log in, each user owns their
    collections): its URL, until the ``with`` ends."""
    port = free_port()
    log = (folder / "log").open("wb")
    cmd = [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}", "--auth-type", "none", "--rights-type", "authenticated", "--storage-filesystem-folder", str(folder / "store"), "--logging-level", "warning"]
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("Radicale did not start: " + (folder / "log").read_text(errors="replace")[-2000:])
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def server_events(url: str) -> list[dict[str, str]]:
    """Every event in the calendar at ``url``, one dict of its properties per resource."""
    import caldav
    from caldav.collection import Calendar as DAVCalendar
    from icalendar import Calendar

    out = []
    with caldav.DAVClient(url=url, username="sec", password=PASSWORD) as client:  # closed: its pools' watch threads end
        for resource in DAVCalendar(client=client, url=url).events():
            (event,) = Calendar.from_ical(resource.data).walk("VEVENT")
            out.append({k: event[k].to_ical().decode() for k in ("UID", "DTSTART", "SEQUENCE", "STATUS", "SUMMARY", "LAST-MODIFIED") if k in event})
    return sorted(out, key=lambda e: e["UID"])


def by_uid(url: str) -> dict[str, dict[str, str]]:
    """:func:`server_events` by UID, no UID twice."""
    events = server_events(url)
    uids = [e["UID"] for e in events]
    assert len(uids) == len(set(uids)), f"duplicate UIDs on the server: {uids}"
    return {e["UID"]: e for e in events}
