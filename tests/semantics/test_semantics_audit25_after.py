"""The twenty-fifth audit's semantic cases: `after` in days from another body's meeting that
lasts to or past the day due. The due day counts from the day the other meeting opens (README,
"A meeting belongs to the day it opens"); the window opens the day after it ends. Where the
other meeting runs to or past the due day, no day after it is in time: the window was the due
day alone, so a meeting held inside the origin counted on that day and on no other, and one
held the day before the due day was "not counted". Found on a real register that records a
papal vacancy as the period it lasted (Universi Dominici Gregis, no. 37: the conclave within
twenty days "from the beginning of the vacancy"; the conclave is held inside the vacancy,
tests/audit/papal-conclave.toml), where it also showed a meeting inside the next long origin
counted late for the one before. Each expected answer worked out by hand before the tool ran."""

from __future__ import annotations

from tests.semantics.test_semantics_audit import SUMMIT, _book, _check, _finding, _rule, _verdicts

VACANCY = SUMMIT.replace('id = "summit"\nname = "Summit"', 'id = "summit"\nname = "Vacancy"')
WITHIN_20 = _book(_rule('kind = "after"\nbody = "summit"\noffset = "20d"'), others=VACANCY)


def test_a_meeting_inside_an_origin_that_outlasts_the_offset_meets_it(tmp_path):
    """The See vacant from 2025-04-21 to a day past the twentieth (2025-05-20, a conclave of
    many ballots); the conclave opened 2025-05-07, 16 days after the vacancy began, inside it:
    due by 2025-05-11, twenty days from its first day: met. Before, the window was 2025-05-11
    alone and the conclave `missed`; one opened on 2025-05-11 itself, also inside the vacancy,
    was met."""
    rows = "summit,regular,2025-04-21,2025-05-20,held,,\nboard,regular,2025-05-07,2025-05-20,held,,\n"
    out = _check(tmp_path, WITHIN_20, rows, "--today", "2026-12-05")
    assert _verdicts(out) == {"2025-05-11": "met"}
    window = _finding(out, "2025-05-11")["window"]
    assert (window["start"], window["end"]) == ("2025-04-22", "2025-05-11")


def test_a_meeting_inside_an_origin_that_ends_before_the_day_due_is_not_after_it(tmp_path):
    """Unchanged: where the origin ends before its due day, a meeting inside it is not after
    it. The vacancy recorded as the period it lasted (2025-04-21..2025-05-08, ended by the
    election) leaves the conclave of 2025-05-07 inside it: 2025-05-11 missed, the window
    2025-05-09..2025-05-11. Hence the real book records each vacancy by the day it began, the
    day no. 37 counts from (tests/audit/papal-conclave.toml)."""
    rows = "summit,regular,2025-04-21,2025-05-08,held,,\nboard,regular,2025-05-07,2025-05-08,held,,\n"
    out = _check(tmp_path, WITHIN_20, rows, "--today", "2026-12-05")
    assert _verdicts(out) == {"2025-05-11": "missed"}
    window = _finding(out, "2025-05-11")["window"]
    assert (window["start"], window["end"]) == ("2025-05-09", "2025-05-11")


def test_a_meeting_after_an_origin_that_outlasts_the_offset_is_late_by_its_days(tmp_path):
    """A vacancy 2025-04-21..2025-05-12, past the day due; a conclave 2025-05-13 (after it
    ended): due by 2025-05-11, late by 2 days, as a meeting after a short origin is."""
    rows = "summit,regular,2025-04-21,2025-05-12,held,,\nboard,regular,2025-05-13,,held,,\n"
    out = _check(tmp_path, WITHIN_20, rows, "--today", "2026-12-05")
    assert _verdicts(out) == {"2025-05-11": "late"}
    assert _finding(out, "2025-05-11")["delay"] == "2 days"


def test_a_meeting_inside_the_next_long_origin_answers_that_one_not_the_last(tmp_path):
    """Two origins of 30 days, 2016-05-01..30 and 2018-05-01..30, 16 days each: nothing after
    the first; a Board 2018-05-10, inside the second, 9 days after it opened. By hand: 2016's
    window (due 2016-05-17) missed; 2018's (due 2018-05-17) met by the Board. Before, 2018's
    window was 2018-05-17 alone: the Board was counted 723 days late for 2016 and 2018 was
    missed, one meeting answering an origin two years before its own."""
    book = _book(_rule('kind = "after"\nbody = "summit"\noffset = "16d"'), others=SUMMIT)
    rows = "summit,regular,2016-05-01,2016-05-30,held,,\nsummit,regular,2018-05-01,2018-05-30,held,,\nboard,regular,2018-05-10,,held,,\n"
    out = _check(tmp_path, book, rows, "--today", "2026-12-05")
    assert _verdicts(out) == {"2016-05-17": "missed", "2018-05-17": "met"}


def test_an_origin_shorter_than_the_offset_still_opens_its_window_after_it(tmp_path):
    """Unchanged where the origin ends before its due day: a Summit 2021-06-01..03, 30 days;
    a Board on 2021-06-02, during the Summit, is not after it: 2021-07-01 missed, the Board
    named as held before the window opened."""
    book = _book(_rule('kind = "after"\nbody = "summit"\noffset = "30d"'), others=SUMMIT)
    rows = "summit,regular,2021-06-01,2021-06-03,held,,\nboard,regular,2021-06-02,,held,,\n"
    out = _check(tmp_path, book, rows, "--today", "2022-01-01")
    assert _verdicts(out) == {"2021-07-01": "missed"}
    window = _finding(out, "2021-07-01")["window"]
    assert (window["start"], window["end"]) == ("2021-06-04", "2021-07-01")
