"""An `--avoid` series' count before expansion is never below what it makes: a monthly series by
week number (RFC 5545 3.3.10 allows BYWEEKNO with YEARLY alone; dateutil expands it in the
month) found by the hostile fuzz (`test_a_series_count_before_expansion_is_never_below_what_it_makes`)."""

from __future__ import annotations

from datetime import date

import recurring_ical_events
from icalendar import Calendar

from planner.inputs.ics.series import within_bound


def test_a_monthly_series_by_week_number_is_counted_by_the_days_of_its_week():
    """FREQ=MONTHLY;BYWEEKNO=1 from 2015-01-01: week 1 of 2020 runs from Mon 2019-12-30 to Sun
    2020-01-05, and dateutil makes each of its days in the month's step: 1 and 2 January 2020
    both fall in a search of those two days. The bound said 1 (one day a monthly step), so a
    calendar the cap should accept could be refused; now 7 a step, above the 2 found."""
    cal = Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20150101\r\n"
        "DTEND;VALUE=DATE:20150102\r\nRRULE:FREQ=MONTHLY;BYWEEKNO=1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    found = len(recurring_ical_events.of(cal).between(date(2020, 1, 1), date(2020, 1, 3)))
    assert found == 2
    assert within_bound(cal.walk("VEVENT")[0], date(2020, 1, 1), date(2020, 1, 2), 0) >= found


def test_a_weekly_series_by_week_number_is_counted_by_the_days_of_its_week():
    """FREQ=WEEKLY;BYWEEKNO=1 from 2015-01-01, two days long: dateutil makes every day of week 1
    (Mon 2019-12-30 to Sun 2020-01-05), and a search of 2020-01-01..2020-01-02 finds those that
    start or run into it: 2019-12-31, 2020-01-01 and 2020-01-02. The bound said 2 (one day a
    weekly step without BYDAY); now 7 days a step (found by the fuzz after the monthly case)."""
    cal = Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20150101\r\n"
        "DTEND;VALUE=DATE:20150103\r\nRRULE:FREQ=WEEKLY;BYWEEKNO=1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    found = len(recurring_ical_events.of(cal).between(date(2020, 1, 1), date(2020, 1, 3)))
    assert found == 3
    assert within_bound(cal.walk("VEVENT")[0], date(2020, 1, 1), date(2020, 1, 2), 1) >= found
