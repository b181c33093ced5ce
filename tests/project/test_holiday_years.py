"""Public holidays by country and year (engine/planning/member_holidays.py): one calendar per
country, each year filled once, reads as a calendar made for that year alone, gaps included."""

from __future__ import annotations

import warnings

import holidays
import pytest

from planner.engine.planning.member_holidays import country_year
from planner.engine.planning.placement.working import WorkingCalendar


def _alone(code: str, year: int) -> tuple[dict, bool]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = holidays.country_holidays(code, years=year)
    cls = type(found)
    inside = cls.start_year <= year <= cls.end_year
    return {day: str(name) for day, name in found.items()}, inside and not any("available only" in str(w.message) for w in caught)


@pytest.mark.parametrize("code", ["IN", "IR", "AZ", "LK", "US"])
def test_a_year_of_the_shared_calendar_is_the_year_alone(code):
    """Years asked out of order give the days and the completeness a calendar of that year alone gives."""
    for year in (2040, 2031, 2036, 2035, 2027, 2026, 2041):
        assert country_year(code, year) == _alone(code, year), (code, year)


def test_india_after_2035_is_incomplete_and_asked_again_still_is():
    """The package warns of India's lunar holidays once, when it fills the year; asked again (the cache emptied), the gap is still known."""
    first = country_year("IN", 2037)
    country_year.cache_clear()
    assert country_year("IN", 2037) == first
    assert first[1] is False and country_year("IN", 2030)[1] is True


def test_host_working_days_read_the_same_holidays():
    """A host's calendar refuses its public holidays and names them."""
    calendar = WorkingCalendar("IN")
    days = country_year("IN", 2033)[0]
    assert days
    for day, name in days.items():
        assert not calendar.is_host_working(day)
        assert calendar.why_not(day) in (name, "weekend")
