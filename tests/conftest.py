"""Shared fixtures: the embedded CICA data, a CLI runner, and the real parts (a browser, a
CalDAV server: tests/real_parts.py), one per test module that asks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from planner.core.model import Meeting, RuleBook
from planner.inputs.register import load_chairs, load_meetings
from planner.inputs.rulebook import embedded_path, load_rulebook

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 26)


@pytest.fixture(scope="session")
def cica() -> RuleBook:
    return load_rulebook(embedded_path("cica.toml"))


@pytest.fixture(scope="session")
def cica_meetings(cica: RuleBook) -> list[Meeting]:
    return load_meetings(embedded_path("cica-meetings.csv"), cica)


@pytest.fixture(scope="session")
def cica_chairs():
    return load_chairs(embedded_path("cica-chairs.csv"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (skipped without it, failed under CI)."""
    from tests.real_parts import chromium

    yield from chromium()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway Radicale (anyone may log in, each user owns their collections); its URL."""
    from tests.real_parts import radicale_server

    with radicale_server(tmp_path_factory.mktemp("radicale")) as url:
        yield url


def days_off(book: RuleBook, meeting: Meeting) -> list[tuple[str, str]]:
    """The days of ``meeting`` that are not working days of its host, with the reason."""
    from datetime import timedelta

    from planner.engine.planning.placement.hosts import calendar_for

    calendar = calendar_for(book.body(meeting.body), book, meeting.country)
    days = [meeting.earliest + timedelta(days=i) for i in range((meeting.latest - meeting.earliest).days + 1)]
    return [(d.isoformat(), calendar.why_not(d)) for d in days if not calendar.is_working(d)]
