"""A twentieth audit, of `project` and `chairs`: small rule books whose projection and chair
plan were worked out by hand first (in each test's docstring, from DESIGN.md and the README),
then compared with `--format json`. Days off are those of the `holidays` package (0.109) for
the host, in the categories the rule book's `holiday_categories` names (by default `public`,
`government` and `de_facto`)."""

from __future__ import annotations

from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org

_AT_LEAST_ONCE = 'kind = "at_least"\ncount = 1\nper = "year"\n'
_AT_LEAST_TWICE = 'kind = "at_least"\ncount = 2\nper = "year"\n'


def _starts(out: dict, body: str | None = None) -> list[str]:
    """The first days of the projected meetings (of ``body``), not the register's plans."""
    return [m["start"] for m in out["meetings"] if m["status"] == "projected" and (body is None or m["body"] == body)]


def _rows(body: str, city: str, country: str, *days: str, status: str = "held") -> str:
    return "".join(f"{body},regular,,{d},,{status},{city},{country}\n" for d in days)


# -- 1. A projection accepted as a plan projects the same -------------------------------------------


def test_a_projected_meeting_accepted_as_planned_moves_no_later_meeting(tmp_path):
    """A Board at least once a year in Vienna, held in October 2021 to 2025 (known to the
    month only); as of 2026-12-01 to 2028. By hand: no day known, so the 15th of October; 2026
    is still due and October has passed: the first working day ahead, Wed 2026-12-02; then
    Fri 2027-10-15 and, the 15th a Sunday, Mon 2028-10-16 (Fri the 13th is two days back).
    The Secretariat accepts the first as planned (a row `planned` on 2026-12-02) and projects
    again: the same Fri 2027-10-15 and Mon 2028-10-16. Before, the plan's day (the 2nd, the
    only day known) became the Board's usual day: Fri 2027-10-01 and Mon 2028-10-02, a plan
    forced late in its year moving every meeting after it."""
    book = _org("Vienna", "Austria") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    rows = _rows("bd", "Vienna", "Austria", "2021-10", "2022-10", "2023-10", "2024-10", "2025-10")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")) == ["2026-12-02", "2027-10-15", "2028-10-16"]
    accepted = rows + _rows("bd", "Vienna", "Austria", "2026-12-02", status="planned")
    assert _starts(_project(_files(tmp_path, book, accepted), "2026-12-01", "2028-12-31")) == ["2027-10-15", "2028-10-16"]


def test_a_body_with_nothing_held_takes_its_habits_from_its_plans(tmp_path):
    """A Committee established 2027-01-01, at least once a year in Bern, its first meeting
    planned for Wed 2027-03-10; as of 2026-12-01 to 2028. By hand: 2027 is met by the plan;
    nothing held, so the plan is all the history there is: March, the 10th, Fri 2028-03-10
    (not the middle of the year)."""
    book = _org("Bern", "Switzerland") + _body("cm", "Committee", "established = 2027-01-01\n", _AT_LEAST_ONCE)
    rows = _rows("cm", "Bern", "Switzerland", "2027-03-10", status="planned")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")) == ["2028-03-10"]


# -- 2. Meetings longer than a working week span its weekends ----------------------------------------


def _span(out: dict) -> list[tuple[str, str]]:
    return [(m["start"], m["end"]) for m in out["meetings"] if m["status"] == "projected"]


_COP = 'kind = "at_least"\ncount = 1\nper = "year"\n'


def test_a_two_week_conference_sits_over_its_middle_weekend(tmp_path):
    """A Conference of 12 days (`duration_days = 12`) at the Secretariat in Bonn, at least once
    a year, held Mon 2025-11-10 to Fri 11-21; as of 2026-01-15 to 2026. By hand: November, the
    10th: Tue 2026-11-10 would close on Sat 11-21, Wed 11-11 on Sun 11-22; Mon 11-09 closes on
    Fri 11-20: 2026-11-09 to 11-20, its middle weekend inside. Before: "fits nowhere ... the
    longest run of working days there is 5 days" (a meeting of 6 days or more could never be
    projected where the week has two days off)."""
    book = _org("Bonn", "Germany") + _body("cop", "Conference", "duration_days = 12\n", _COP)
    rows = "cop,regular,,2025-11-10,2025-11-21,held,Bonn,Germany\n"
    assert _span(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == [("2026-11-09", "2026-11-20")]


def test_a_week_long_meeting_in_cairo_spans_friday_and_saturday(tmp_path):
    """A Session of 7 days in Cairo (the weekend Friday and Saturday), at least once a year,
    held Sun 2025-10-12 to Sat 10-18; as of 2026-01-15 to 2026. By hand: October, the 12th:
    Mon 2026-10-12 to Sun 10-18 opens and closes on Egyptian working days, Friday 16 and
    Saturday 17 inside (under a Saturday-Sunday weekend it would close on a day off); Armed
    Forces Day (observed 10-08) is before it. 2026-10-12 to 10-18."""
    book = _org("Cairo", "Egypt") + _body("s", "Session", "duration_days = 7\n", _COP)
    rows = "s,regular,,2025-10-12,2025-10-18,held,Cairo,Egypt\n"
    assert _span(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == [("2026-10-12", "2026-10-18")]


def test_a_long_meeting_sits_over_a_holiday_but_not_over_a_blackout(tmp_path):
    """The Conference of 12 days in Bonn, held Mon 2025-09-29 to Fri 10-10; as of 2027-12-01
    to 2028. By hand: 2027 still due, its September past: the first day ahead whose 12 days
    close on a working day, Thu 2027-12-02 to Mon 12-13. 2028 on the 29th of September, a
    Friday: to Tue 10-10, German Unity Day (Tue 10-03) inside it, a day the Conference does
    not sit: 2028-09-29 to 10-10. With a blackout on Mon 2028-10-02, day by day from the
    target (forward first): from 09-26 to 10-02 every span holds the blackout or closes on a
    weekend, 10-03 is the holiday, Wed 10-04 closes on a Sunday and Sun 09-24 is one; Thu
    10-05 to Mon 10-16 (6 days on) fits: 2028-10-05 to 10-16."""
    book = _org("Bonn", "Germany") + _body("cop", "Conference", "duration_days = 12\n", _COP)
    rows = "cop,regular,,2025-09-29,2025-10-10,held,Bonn,Germany\n"
    assert _span(_project(_files(tmp_path, book, rows), "2027-12-01", "2028-12-31")) == [("2027-12-02", "2027-12-13"), ("2028-09-29", "2028-10-10")]
    blackout = _org("Bonn", "Germany", 'blackout = [{ start = 2028-10-02, end = 2028-10-02, reason = "closure" }]\n')
    book = blackout + _body("cop", "Conference", "duration_days = 12\n", _COP)
    assert _span(_project(_files(tmp_path, book, rows), "2027-12-01", "2028-12-31"))[1:] == [("2028-10-05", "2028-10-16")]


# -- 3. The usual day is the usual month's own -----------------------------------------------------


def test_the_usual_day_is_taken_from_the_meetings_of_the_usual_month(tmp_path):
    """A Board at least once a year in Bern, held Tue 2024-07-02 and Tue 2025-06-24; as of
    2026-01-15 to 2026. By hand: two months, June and July, once each: the one used last,
    June (README). Its day: the day the Board met in June, the 24th: Wed 2026-06-24 (no Swiss
    holiday). Before, the day was the median of all days (2 and 24: the lower, 2), a day of
    July, and the Board was projected on Tue 2026-06-02, a June day it never used."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    rows = _rows("bd", "Bern", "Switzerland", "2024-07-02", "2025-06-24")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == ["2026-06-24"]


def test_two_usual_months_each_keep_their_own_day(tmp_path):
    """A Council at least twice a year in Vienna, held 7 April and 28 November 2023, 9 April
    and 27 November 2024, 8 April and 26 November 2025; as of 2026-01-15 to 2026. By hand:
    two meetings a year, the medians of the two halves of its months: April and November.
    April's days 7, 9, 8: the 8th, Wed 2026-04-08 (Easter Monday is the 6th); November's 28,
    27, 26: the 27th, Fri 2026-11-27. Before: the median of all six days (7, 8, 9, 26, 27,
    28: the lower middle, 9) in both months, Thu 2026-04-09 and Mon 2026-11-09, a November day
    the Council never met near."""
    book = _org("Vienna", "Austria") + _body("cl", "Council", "", _AT_LEAST_TWICE)
    rows = _rows("cl", "Vienna", "Austria", "2023-04-07", "2023-11-28", "2024-04-09", "2024-11-27", "2025-04-08", "2025-11-26")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == ["2026-04-08", "2026-11-27"]


def test_a_usual_month_without_a_dated_meeting_takes_the_day_of_all_of_them(tmp_path):
    """A Board at least once a year in Bern, held in October 2022, 2023 and 2024 (known to
    the month) and on Tue 2025-09-16; as of 2026-01-15 to 2026. By hand: the months 9, 10,
    10, 10: October (the median). October has no meeting known to the day, so its day is
    the day of the meetings that have one: the 16th, Fri 2026-10-16."""
    book = _org("Bern", "Switzerland") + _body("bd", "Board", "", _AT_LEAST_ONCE)
    rows = _rows("bd", "Bern", "Switzerland", "2022-10", "2023-10", "2024-10", "2025-09-16")
    assert _starts(_project(_files(tmp_path, book, rows), "2026-01-15", "2026-12-31")) == ["2026-10-16"]
