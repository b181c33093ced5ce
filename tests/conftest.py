"""Shared fixtures: the embedded CICA data and a CLI runner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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


def days_off(book: RuleBook, meeting: Meeting) -> list[tuple[str, str]]:
    """The days of ``meeting`` that are not working days of its host, with the reason."""
    from datetime import timedelta

    from planner.engine.planning.placement.hosts import calendar_for

    calendar = calendar_for(book.body(meeting.body), book, meeting.country)
    days = [meeting.earliest + timedelta(days=i) for i in range((meeting.latest - meeting.earliest).days + 1)]
    return [(d.isoformat(), calendar.why_not(d)) for d in days if not calendar.is_working(d)]
