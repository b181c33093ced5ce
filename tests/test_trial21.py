"""Session 21's trial: what a new user and a secretariat trip on, tried end to end.

The organization is one the tests had not seen, written as a new user would
(``tests/trial/bsec*``: the Organization of the Black Sea Economic Cooperation, its Council of
Ministers of Foreign Affairs "in principle at least once every six months", hosted by a
Chairmanship-in-Office that rotates every six months in alphabetical order, its Committee of
Senior Officials meeting in the days before each Council); its feeds published to a real CalDAV
server (Radicale) and read back as a subscriber's calendar reads them.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

TRIAL = Path(__file__).parent / "trial"
BSEC = ["--rules", str(TRIAL / "bsec.toml"), "--meetings", str(TRIAL / "bsec-meetings.csv"), "--chairs", str(TRIAL / "bsec-chairs.csv"), "--today", "2026-12-04"]


def projected(*extra: str) -> list[dict]:
    result = CliRunner().invoke(main, ["project", *BSEC, "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["meetings"]


def _days(m: dict) -> set[date]:
    first, last = date.fromisoformat(m["start"]), date.fromisoformat(m["end"] or m["start"])
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def test_the_committee_meeting_before_the_council_stays_before_it_when_the_chair_hosts_both() -> None:
    """Re-placed on the chair's working days one by one, the Committee of Senior Officials kept
    14-15 December 2026 while the 51st Council moved to the 15th: both on one day. Each Council
    is preceded by its Committee, on days of its own, within the days the pair allows."""
    meetings = projected("--to", "2036")
    councils = [m for m in meetings if m["body"] == "council"]
    committees = [m for m in meetings if m["body"] == "cso"]
    assert len(councils) == len(committees) >= 20
    for council in councils:
        opens = date.fromisoformat(council["start"])
        before = [c for c in committees if opens - timedelta(days=11) <= date.fromisoformat(c["end"]) < opens]
        assert len(before) == 1, (council, committees)
        assert before[0]["host"] == council["host"]
        assert not _days(before[0]) & {d for m in councils for d in _days(m)}, before[0]

