"""A twenty-third audit: README's "The rule book", "Semantics" and "Record coverage" read as an
outsider, each case on the smallest rule book and register, its answer worked out by hand in
the docstring before planner ran (`min_gap` and the numbers a register skips, ...). Where
planner differed, the documented semantics decided."""

from __future__ import annotations

from tests.semantics.test_semantics_audit15 import BOARD
from tests.semantics.test_semantics_audit20 import _check, _rows, _verdicts, _why

# -- `min_gap` and the numbers a register skips ---------------------------------------------------

THREE_30D = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 3\nper = "year"\nmin_gap = "30d"\nsince = 2020\n'


def test_a_skipped_number_too_close_to_fill_a_min_gap_window_leaves_it_missed(tmp_path):
    """At least three times a year, meetings closer than 30 days counting once; the 43rd
    Board 2020-01-10 and the 45th 2020-03-01, nothing else in 2020. By hand: the 44th was held
    between them (the numbers say so), on a day the register does not give. 51 days separate
    the 43rd and the 45th: the 44th is under 30 days from one of them on every day it may
    have opened on, so at most two of the three count (2020-01-10 and a day from 2020-02-09;
    or 2020-01-10 and 2020-03-01). 2020 holds 2 of 3 on every reading: `missed`, as the
    register alone shows, and the why says why the 44th changes nothing. It was `unknown`
    ("the 44th ... may have been held in this window"), as if it could have made the count."""
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-01,,held,,")
    out = _check(tmp_path, THREE_30D, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "missed")
    assert "the 44th is not recorded, but with meetings closer than 30 days counting once, at most 2 can count in 2020 whatever day it was held" in _why(out, "2020")
    assert out["summary"]["violations"] == 1 and out["summary"].get("unknown", 0) == 0


def test_a_skipped_number_that_can_keep_the_gap_leaves_a_min_gap_window_unknown(tmp_path):
    """The same, the 45th on 2020-03-15 (65 days after the 43rd). By hand: a 44th held
    2020-02-09..2020-02-14 is at least 30 days from both, and all three count: 2020 may be
    met, so it stays `unknown`, naming the 44th."""
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-15,,held,,")
    out = _check(tmp_path, THREE_30D, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "unknown")
    assert "the 44th is not recorded and may have been held in this window" in _why(out, "2020")


def test_two_skipped_numbers_too_close_to_fill_a_min_gap_window_leave_it_missed(tmp_path):
    """The 43rd 2020-01-10 and the 46th 2020-03-01: two unrecorded meetings between. By hand:
    three counted meetings need 60 days from the first to the third; between 2020-01-10 and
    2020-03-01 there are 51, and nothing after the 46th is held in 2020: at most 2 count
    however the 44th and 45th fell. `missed`."""
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,46,2020-03-01,,held,,")
    out = _check(tmp_path, THREE_30D, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "missed")
    assert "the 44th to 45th are not recorded, but with meetings closer than 30 days counting once, at most 2 can count in 2020 whatever day they were held" in _why(out, "2020")


def test_a_skipped_number_in_days_not_known_complete_leaves_a_min_gap_window_unknown(tmp_path):
    """The 43rd and 45th of the first case, records complete only from 2020-02-01. By hand:
    January may hold meetings the register lacks besides the 44th (2020-01-01 and 2020-01-31
    with the 45th on 2020-03-01 are three, 30 days apart): `unknown`, naming the statement."""
    book = BOARD + 'records = [{ start = 2020-02-01, source = "minutes" }]\n' + THREE_30D.removeprefix(BOARD)
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "unknown")
    assert "known complete only from 2020-02-01" in _why(out, "2020")


def test_a_skipped_number_counted_before_a_min_gap_window_may_take_its_count(tmp_path):
    """At least once a year from 2019, meetings closer than 60 days counting once; the 43rd
    2019-10-01 and the 45th 2020-01-20. By hand: 2020's only meeting is the 45th, counted
    (111 days after the 43rd) as the register stands. But the 44th was held between: on
    2019-11-30..2019-12-31 it is at least 60 days after the 43rd, so it counts (in 2019), and
    the 45th, under 60 days after it, counts once with it: 2020 then holds none. Held
    2019-10-01..2019-11-29 it counts once with the 43rd, and 2020-01-01..2020-01-20 it counts
    in 2020 itself: met. So 2020 is `uncertain`, with the days; it was `met`."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmin_gap = "60d"\nsince = 2019\n'
    rows = _rows("board,regular,43,2019-10-01,,held,,", "board,regular,45,2020-01-20,,held,,")
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert _verdicts(out)[:2] == [("2019", "met"), ("2020", "uncertain")]
    assert "met if it was held 2019-10-01..2019-11-29, 2020-01-01..2020-01-20; short if held 2019-11-30..2019-12-31" in _why(out, "2020")
    assert out["summary"].get("violations", 0) == 0


# -- a rolling chain through days the register is not known to hold whole ------------------------

SIX_MONTHS = BOARD + (
    'records = [{ start = 2018, end = 2020-02-29, source = "minutes" }, { start = 2021-01-01, source = "minutes" }]\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "6m"\nmode = "rolling"\nsince = 2019\n'
)


def test_a_rolling_window_late_after_unrecorded_months_is_late_by_every_reading(tmp_path):
    """Every 6 months (rolling, months); records complete to 2020-02-29 and from 2021-01-01;
    Boards 2020-01-15 and 2021-09-01. By hand: 2020-07 and 2021-01 are `unknown` (March to
    December 2020 may hold a Board nobody recorded). As the register stands the chain goes on
    at its nominal months, and 2021-09-01 is 2 months late for 2021-07. But a Board held
    unrecorded in month p (2020-03..2020-12) makes the deadlines p + 6, p + 12, ...: the
    last before 2021-09 is 2021-03 (p = 2020-03 or 2020-09: 6 months late) ... 2021-08
    (p = 2020-08: 1 month), never 2021-09 or later. Late on every reading, 1 to 6 months,
    not the 2 months of the one reading the why named."""
    rows = _rows("board,regular,,2020-01-15,,held,,", "board,regular,,2021-09-01,,held,,")
    out = _check(tmp_path, SIX_MONTHS, rows, "2022-06-01")
    assert ("2021-07", "late") in _verdicts(out)
    (f,) = [f for f in out["findings"] if f["window"]["label"] == "2021-07"]
    assert f["delay"] == "1 to 6 months"
    assert "held Board 2021-09-01: 1 to 6 months late" in f["why"]
    assert "Board 2021-09-01 answers a window due 2021-03..2021-08, whichever reading holds" in f["why"]


def test_a_rolling_window_a_reading_would_meet_stays_unknown(tmp_path):
    """The same, the records complete again only from 2021-06-01. By hand: a Board held
    unrecorded in 2021-03..2021-05 makes the next due 2021-09..2021-11, which 2021-09-01
    meets: 2021-07 (its days 2021-02..2021-07 not all known complete) stays `unknown`."""
    book = SIX_MONTHS.replace("start = 2021-01-01", "start = 2021-06-01")
    rows = _rows("board,regular,,2020-01-15,,held,,", "board,regular,,2021-09-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    assert ("2021-07", "unknown") in _verdicts(out)


def test_the_window_running_after_unrecorded_months_is_due_by_every_readings_deadline(tmp_path):
    """Records and rule as above, the Board of 2020-01-15 alone, as of 2022-06-01. By hand:
    as the register stands the window running is due by 2022-07-31; after a Board held
    unrecorded in 2020-06 or 2020-12 it is due by 2022-06-30, after one in 2020-11 by
    2022-11-30. The why now says every reading's deadline, the earliest first: a
    secretariat reading "by 31 July" alone may be a month late on a reading the register
    allows."""
    rows = _rows("board,regular,,2020-01-15,,held,,")
    out = _check(tmp_path, SIX_MONTHS, rows, "2022-06-01")
    assert _verdicts(out)[-1] == ("2022-07", "open")
    assert "the one running now is due by 2022-06-30 to 2022-11-30, whichever reading holds" in _why(out, "2022-07")


# -- `max_gap` and the numbers a register skips ---------------------------------------------------

GAP_13M = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "13m"\nsince = 2019\n'


def _gap(out: dict) -> dict:
    (f,) = [f for f in out["findings"] if f["window"]["label"] == "2019-01-11..2020-02-10"]
    return f


def test_a_gap_the_skipped_number_cannot_keep_is_late_on_every_reading(tmp_path):
    """At least once a year, at most 13 months apart; the 43rd Board 2019-01-10 and the 45th
    2021-06-01, records complete. By hand: the 44th was held between. Held by 2020-02-10
    (13 months after the 43rd) it keeps the first gap, but 13 months after it is at the
    latest 2021-03-10, 83 days before the 45th; held later, the first gap is too long. Some
    gap between the 43rd and the 45th is too long on every reading: at the least 41 days
    (the 44th on 2020-03-22: 41 days after 2020-02-10, and 2021-04-22 is 40 days before the
    45th; checked day by day), at the most 477 (the gap as recorded). `late`, "41 to 477
    days", as session 22 judged such a gap across days not known complete; it was `unknown`."""
    rows = _rows("board,regular,43,2019-01-10,,held,,", "board,regular,45,2021-06-01,,held,,")
    out = _check(tmp_path, GAP_13M, rows, "2021-12-01")
    f = _gap(out)
    assert (f["verdict"], f["delay"]) == ("late", "41 to 477 days")
    assert "41 to 477 days late (at most 13 months allowed" in f["why"]
    assert "the 44th is not recorded; on whatever days it opened, some gap from Board 2019-01-10 (43rd) to Board 2021-06-01 (45th) is longer than 13 months, by 41 to 477 days" in f["why"]
    assert ("2020", "unknown") in _verdicts(out)  # (the 44th may have been held in 2020)


def test_a_gap_the_skipped_number_can_keep_stays_unknown(tmp_path):
    """The 45th on 2021-01-10 (24 months after the 43rd). By hand: a 44th held 2020-01-10
    keeps both gaps to 12 months: the gap may have been kept, `unknown`."""
    rows = _rows("board,regular,43,2019-01-10,,held,,", "board,regular,45,2021-01-10,,held,,")
    assert _gap(_check(tmp_path, GAP_13M, rows, "2021-12-01"))["verdict"] == "unknown"


def test_a_gap_two_skipped_numbers_cannot_keep_is_late_on_every_reading(tmp_path):
    """The 43rd 2019-01-10 and the 46th 2022-09-01 (1330 days): two unrecorded meetings, three
    gaps of at most 13 months, 39 months from the 43rd at the latest, short of the 44 months
    to the 46th. By hand (every pair of days tried): at the least one gap is 48 days too
    long, at the most 934 (the gap as recorded): `late`, "48 to 934 days". With the 46th on
    2021-06-01 instead, two meetings can keep every gap: `unknown`."""
    rows = _rows("board,regular,43,2019-01-10,,held,,", "board,regular,46,2022-09-01,,held,,")
    f = _gap(_check(tmp_path, GAP_13M, rows, "2022-12-01"))
    assert (f["verdict"], f["delay"]) == ("late", "48 to 934 days")
    assert "the 44th to 45th are not recorded; on whatever days they opened" in f["why"]
    rows = _rows("board,regular,43,2019-01-10,,held,,", "board,regular,46,2021-06-01,,held,,")
    assert _gap(_check(tmp_path, GAP_13M, rows, "2021-12-01"))["verdict"] == "unknown"


# -- an excused period and a ceiling ---------------------------------------------------------------


def test_a_ceiling_broken_in_an_excused_period_is_excused(tmp_path):
    """At most once a year from 2019, `excused` 2020 (reason: pandemic); Boards 2020-03-01
    and 2020-09-01. By hand: README, "`excused`: periods ... whose due periods the rule does
    not judge": 2020 is not judged by this rule, so its two meetings break nothing: `excused`,
    naming the period. It was `excess`, a violation (exit 1): the key was taken and had no
    effect on a ceiling."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2019\nexcused = [{ start = 2020, reason = "pandemic" }]\n'
    out = _check(tmp_path, book, _rows("board,regular,,2020-03-01,,held,,", "board,regular,,2020-09-01,,held,,"), "2021-06-01")
    assert ("2020", "excused") in _verdicts(out)
    assert "Excused: 2020: pandemic." in _why(out, "2020")
    assert out["summary"].get("violations", 0) == 0


def test_a_ceiling_except_when_another_body_met_is_not_judged_that_year(tmp_path):
    """At most one Board a year from 2021, `except_when = ["summit"]`; a Summit 2021-04-01;
    two Boards in 2021 and two in 2022. By hand: a Summit in the same period excuses the
    rule's window (README: "excuses this rule's window the same way"): 2021 `excused`; 2022,
    with no Summit, `excess`."""
    from tests.semantics.test_semantics_audit20 import SUMMIT

    book = SUMMIT + BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2021\nexcept_when = ["summit"]\n'
    rows = _rows(
        "summit,regular,1,2021-04-01,,held,,",
        "board,regular,,2021-05-01,,held,,",
        "board,regular,,2021-06-01,,held,,",
        "board,regular,,2022-05-01,,held,,",
        "board,regular,,2022-06-01,,held,,",
    )
    out = _check(tmp_path, book, rows, "2023-06-01")
    assert _verdicts(out)[:2] == [("2021", "excused"), ("2022", "excess")]
    assert "this rule does not judge the count in a period with a Summit" in _why(out, "2021")


# -- leap days, `on` days and `within` beside the numbers a register skips -----------------------


def test_every_365_days_from_a_leap_day_is_due_on_28_february(tmp_path):
    """Every 365 days (rolling, days) from 2024; Boards 2024-02-29 and 2025-03-01. By hand:
    365 days after 2024-02-29 is 2025-02-28 (2025 has no 29 February): the Board of 1 March
    is 1 day late, not on time as "a year after 29 February" might read."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "365d"\nsince = 2024\n'
    out = _check(tmp_path, book, _rows("board,regular,,2024-02-29,,held,,", "board,regular,,2025-03-01,,held,,"), "2025-06-01")
    assert ("2025-02-28", "late") in _verdicts(out)
    assert "held Board 2025-03-01: 1 day late" in _why(out, "2025-02-28")


def test_a_gap_of_twelve_months_from_a_leap_day_ends_on_28_february(tmp_path):
    """At least once a year, at most 12 months apart; Boards 2024-02-29 and 2025-03-01. By
    hand: 12 months after 29 February 2024 is 28 February 2025 (the last day of that
    February), so the gap of 366 days is 1 day late."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "12m"\nsince = 2024\n'
    out = _check(tmp_path, book, _rows("board,regular,,2024-02-29,,held,,", "board,regular,,2025-03-01,,held,,"), "2025-06-01")
    assert ("2024-03-01..2025-02-28", "late") in _verdicts(out)
    assert "gap of 366 days from Board 2024-02-29 to Board 2025-03-01: 1 day late" in _why(out, "2024-03-01..2025-02-28")


def test_a_skipped_number_that_cannot_fall_on_an_on_rules_day_leaves_it_off_date(tmp_path):
    """On 1 September each year from 2019; the 43rd 2019-09-01 and the 45th 2020-03-01. By
    hand: the 44th lies between 2019-09-01 and 2020-03-01, so it cannot have opened on
    2020-09-01; 2020's only meeting, the 45th, opened on another day: `off_date`, not
    `unknown`. With the 45th on 2021-09-01 instead, the 44th may have opened on 2020-09-01:
    2020 `unknown`, naming it."""
    book = BOARD + '[[bodies.rules]]\nkind = "on"\nmonth = 9\nday = 1\nsince = 2019\n'
    out = _check(tmp_path, book, _rows("board,regular,43,2019-09-01,,held,,", "board,regular,45,2020-03-01,,held,,"), "2021-06-01")
    assert ("2020-09-01", "off_date") in _verdicts(out)
    out = _check(tmp_path, book, _rows("board,regular,43,2019-09-01,,held,,", "board,regular,45,2021-09-01,,held,,"), "2021-12-01")
    assert ("2020-09-01", "unknown") in _verdicts(out)
    assert "the 44th is not recorded and may have been held in this window" in _why(out, "2020-09-01")


def test_a_skipped_number_outside_a_years_first_six_months_leaves_it_missed(tmp_path):
    """At least once a year within its first 6 months, from 2020; the 43rd 2020-03-01 and the
    45th 2020-12-01, nothing in 2021, as of 2021-08-01. By hand: the 44th lies in
    2020-03-01..2020-12-01, so it cannot have met 2021's first half: `missed`. With the 45th
    on 2021-09-01 the 44th may have opened in 2021-01..2021-06: `unknown`."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nwithin = "6m"\nsince = 2020\n'
    out = _check(tmp_path, book, _rows("board,regular,43,2020-03-01,,held,,", "board,regular,45,2020-12-01,,held,,"), "2021-08-01")
    assert ("2021", "missed") in _verdicts(out)
    out = _check(tmp_path, book, _rows("board,regular,43,2020-03-01,,held,,", "board,regular,45,2021-09-01,,held,,"), "2021-10-01")
    assert ("2021", "unknown") in _verdicts(out)


# -- the same on customary rules ------------------------------------------------------------------


def test_a_customary_min_gap_rule_a_skipped_number_cannot_fill_is_an_advisory(tmp_path):
    """The first case on a customary rule (`binding = false`). By hand: short on every
    reading, so what the register shows stands: an advisory (not a violation, not
    `unknown`), its why saying why the 44th changes nothing."""
    book = THREE_30D + "binding = false\n"
    rows = _rows("board,regular,43,2020-01-10,,held,,", "board,regular,45,2020-03-01,,held,,")
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "advisory")
    assert "(customary rule, an advisory). Not unknown:" in _why(out, "2020")
    assert out["summary"].get("violations", 0) == 0 and out["summary"]["advisories"] == 1


def test_a_customary_rolling_window_late_after_unrecorded_months_is_an_advisory_by_every_reading(tmp_path):
    """The rolling case on a customary rule. By hand: as for the binding rule, 1 to 6 months
    late on every reading, so an advisory by "1 to 6 months"."""
    book = SIX_MONTHS + "binding = false\n"
    rows = _rows("board,regular,,2020-01-15,,held,,", "board,regular,,2021-09-01,,held,,")
    out = _check(tmp_path, book, rows, "2022-06-01")
    (f,) = [f for f in out["findings"] if f["window"]["label"] == "2021-07"]
    assert (f["verdict"], f["delay"]) == ("advisory", "1 to 6 months")


def test_a_rolling_window_in_days_late_after_unrecorded_days_is_late_by_every_reading(tmp_path):
    """Every 90 days (rolling, days); records complete to 2020-02-29 and from 2020-09-01;
    Boards 2020-01-15 and 2021-01-20. By hand: nominally due 2020-04-14, 2020-07-13 and
    2020-10-11 (each with days not known complete: `unknown`), then 2021-01-09, which the
    Board of 2021-01-20 answers 11 days late. A Board held unrecorded on day p of
    2020-03-01..2020-08-31 makes the deadlines p + 90, p + 180: the last before 2021-01-20
    is 2020-10-22 (p = 2020-07-24, whose p + 180 is 2021-01-20 itself: late for the window
    before, as a meeting on a later deadline is, README "Silences stay on the record") to
    2021-01-19 (p = 2020-07-23): 1 to 90 days late on every reading, never on time (p + 90
    is at the latest 2020-11-29)."""
    book = BOARD + (
        'records = [{ start = 2018, end = 2020-02-29, source = "minutes" }, { start = 2020-09-01, source = "minutes" }]\n'
        '[[bodies.rules]]\nkind = "every"\ninterval = "90d"\nmode = "rolling"\nsince = 2019\n'
    )
    out = _check(tmp_path, book, _rows("board,regular,,2020-01-15,,held,,", "board,regular,,2021-01-20,,held,,"), "2021-03-01")
    (f,) = [f for f in out["findings"] if f["window"]["label"] == "2021-01-09"]
    assert (f["verdict"], f["delay"]) == ("late", "1 to 90 days")
    assert "answers a window due 2020-10-22..2021-01-19, whichever reading holds" in f["why"]


def test_days_not_known_complete_too_close_to_fill_a_min_gap_window_leave_it_missed(tmp_path):
    """Three a year at least 30 days apart; Boards 2020-01-10 and 2020-03-01 (no numbers);
    records complete from 2019 but known incomplete 2020-02-01..2020-02-10. By hand: any
    number of Boards may be missing from those ten days, but one held 2020-02-01..02-08 is
    under 30 days after 2020-01-10 and counts once with it, and one held 02-09 or 02-10
    counts and then 2020-03-01 (under 30 days after it) does not: at most 2 count, whatever
    the register lacks. `missed`, not `unknown`, saying why. With May 2020 incomplete
    instead, a Board of May would be a third at least 30 days after 2020-03-01: `unknown`."""
    rule = THREE_30D.removeprefix(BOARD)
    rows = _rows("board,regular,,2020-01-10,,held,,", "board,regular,,2020-03-01,,held,,")
    book = BOARD + 'records = [{ start = 2019, source = "m" }, { start = 2020-02-01, end = 2020-02-10, complete = false, note = "lost" }]\n' + rule
    out = _check(tmp_path, book, rows, "2021-06-01")
    assert _verdicts(out)[0] == ("2020", "missed")
    assert "Not unknown: the register is known incomplete 2020-02-01..2020-02-10 (lost), but with meetings closer than 30 days counting once, at most 2 can count in 2020 whatever meetings the register lacks" in _why(out, "2020")
    book = BOARD + 'records = [{ start = 2019, source = "m" }, { start = "2020-05", end = "2020-05", complete = false }]\n' + rule
    assert _verdicts(_check(tmp_path, book, rows, "2021-06-01"))[0] == ("2020", "unknown")


# -- a month known incomplete inside days known complete --------------------------------------------


def test_project_names_the_days_a_month_known_incomplete_leaves_unrecorded(tmp_path):
    """Records complete from 2019, February 2026 known incomplete (README's own shape: "the
    2021 minutes are lost"); once a year; a Board 2025-05-01; `project` as of 2026-06-01. By
    hand: 2026 is running, its days so far not all known complete (February), so the note
    on the meeting projected for it says a meeting of 2026-02-01..2026-02-28 may not be
    recorded, not "to 2026-06-01" (March to May are known complete). It crashed: the first
    day not known complete stepped past the last date there is (a traceback, exit 1)."""
    from tests.semantics.test_semantics_audit5 import HEAD
    from tests.semantics.test_semantics_audit15 import COLUMNS
    from tests.semantics.test_semantics_audit20 import _invoke

    book = BOARD + 'records = [{ start = 2019, source = "m" }, { start = "2026-02", end = "2026-02", complete = false, note = "lost" }]\n'
    book += '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2019\n'
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + "board,regular,,2025-05-01,,held,,\n", encoding="utf-8")
    result = _invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2026-06-01", "--to", "2027")
    flat = " ".join(result.stdout.split())
    assert "the register is known incomplete 2026-02-01..2026-02-28 (lost), so a meeting held from 2026-02-01 to 2026-02-28 may not be recorded" in flat
