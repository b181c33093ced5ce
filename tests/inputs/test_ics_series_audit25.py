"""The count of a recurring series' occurrences made before it is expanded (`--avoid` files
are refused past a cap by it) must never be below what the expansion finds. FREQ=MONTHLY with
BYWEEKNO or BYYEARDAY (RFC 5545 allows those only beside YEARLY; dateutil expands them in any
month) was counted one a month: found by Hypothesis in
`tests/hostile/test_hostile17.py::test_a_series_count_before_expansion_is_never_below_what_it_makes`
(twenty-fifth audit, on main as on its branch)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import recurring_ical_events
from icalendar import Calendar

from planner.inputs.ics.series import within_bound


def _series(rule: str) -> Calendar:
    return Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        f"DTSTART;VALUE=DATE:20150101\r\nDTEND;VALUE=DATE:20150102\r\nRRULE:{rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.mark.parametrize(
    ("rule", "until", "found"),
    [
        ("FREQ=MONTHLY;BYWEEKNO=1", date(2020, 1, 2), 2),  # 1 and 2 January 2020, in ISO week 1 (the case Hypothesis drew)
        ("FREQ=MONTHLY;BYWEEKNO=1", date(2020, 1, 31), 5),  # 1-5 January 2020
        ("FREQ=MONTHLY;BYYEARDAY=1,2,3", date(2020, 1, 31), 3),
        ("FREQ=MONTHLY;BYMONTHDAY=1;BYWEEKNO=1", date(2020, 12, 31), 1),  # (BYMONTHDAY given: BYWEEKNO limits)
    ],
)
def test_a_monthly_series_by_week_or_year_day_is_counted_at_least_as_it_expands(rule, until, found):
    """Measured with recurring_ical_events from 2020-01-01; the bound is at least that."""
    cal = _series(rule)
    assert len(recurring_ical_events.of(cal).between(date(2020, 1, 1), until + timedelta(days=1))) == found
    assert within_bound(cal.walk("VEVENT")[0], date(2020, 1, 1), until, 0) >= found
