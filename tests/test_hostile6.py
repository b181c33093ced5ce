"""Sixth attacker pass: the work of placement in a full calendar, and the contract (one line,
exit 2, never a traceback) where passes 1-5 did not look."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from planner.engine.planning import crowd, dating
from planner.engine.planning.projection import project
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE.parent / "benchmarks"


def _crowded(tmp_path: Path, bodies: int, seed: int) -> tuple[Path, Path]:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    import crowded

    crowded.write(tmp_path, bodies, seed)
    return tmp_path / "rulebook.toml", tmp_path / "meetings.csv"


def _projection(book_path: Path, register: Path, to: date):  # noqa: ANN202
    book = load_rulebook(book_path)
    meetings = load_meetings(register, book, today=date(2026, 12, 1))
    found = project(book, meetings, date(2026, 12, 1), end=to)
    return [(m.body, m.start, m.end, m.ordinal, m.reason) for m in found.projected], [p.message for p in found.problems]


def _day_by_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Placement as it was: every day of a window asked, none skipped."""
    monkeypatch.setattr(dating, "Skip", lambda make: None)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_full_calendar_is_skipped_without_changing_a_day(seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty rules a body, one body a day: the calendar is full within weeks. Skipping the
    days other bodies take (by bisection over runs of them) finds the same day for every
    meeting, and the same Problems, as asking each day in turn."""
    book, register = _crowded(tmp_path, 8, seed)
    skipping = _projection(book, register, date(2028, 12, 31))
    _day_by_day(monkeypatch)
    assert skipping == _projection(book, register, date(2028, 12, 31))
    assert len(skipping[0]) > 100 and len(skipping[1]) > 40, (len(skipping[0]), len(skipping[1]))  # (many placed, many not)


def test_a_failed_placement_in_a_full_calendar_asks_few_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 bodies of twenty rules to 2036 took over 90 s: each placement that found no day
    asked every day of its window whether it was free (a year's window: 365 questions). Now
    the days other bodies' meetings take are skipped: a placement asks about the few days
    left in its window, not all of them (counted, not timed)."""
    book, register = _crowded(tmp_path, 10, 1)
    asked = {"free": 0}
    free = crowd.DayBook.free

    def counted(self, *args):  # noqa: ANN001, ANN002, ANN202
        asked["free"] += 1
        return free(self, *args)

    monkeypatch.setattr(crowd.DayBook, "free", counted)
    _, problems = _projection(book, register, date(2028, 12, 31))
    now = asked["free"]
    _day_by_day(monkeypatch)
    asked["free"] = 0
    _projection(book, register, date(2028, 12, 31))
    assert len(problems) > 200, len(problems)
    assert now < len(problems) * 3, (now, len(problems), asked["free"])  # (656 for 317 Problems)
    assert asked["free"] > now * 10, (now, len(problems), asked["free"])  # (what it asked before: 20,595)
