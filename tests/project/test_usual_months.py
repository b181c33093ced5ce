"""The month a period's meeting aims at from the body's history (Habits.usual_month): the
median of the history's months that fall in the period, dated in the period's own years."""

from datetime import date

from planner.engine.planning.placement.habits import Habits


def test_a_quarter_across_the_new_year_aims_at_the_january_of_its_second_year():
    """History months 12, 1, 1, 6: in a November-January quarter they sit at places 1, 2, 2
    (June is outside); the median is the January, which belongs to the quarter's second year,
    in every year the quarter comes round."""
    habits = Habits.make([12, 1, 1, 6], [date(2020, 12, 10), date(2021, 1, 10), date(2022, 1, 10), date(2022, 6, 10)])
    assert habits.usual_month(date(2030, 11, 1), date(2031, 1, 31)) == (2031, 1)
    assert habits.usual_month(date(2041, 11, 1), date(2042, 1, 31)) == (2042, 1)
    assert habits.usual_month(date(2031, 2, 1), date(2031, 4, 30)) is None  # (none of its months in that quarter)


def test_an_even_count_takes_the_middle_month_met_in_more_often():
    """History months 7, 9, 7, 12, 3: a July-December half holds July, September, July and
    December, an even count whose two middle months differ (July, September): July, met in
    twice, of the half's own year; the January-June half holds the March alone. Days inside
    one month have no month to choose, but the body's usual day (the 1st) stands where it
    falls among them (eighteenth audit: a monthly Board on its usual day, not mid-month); not
    where it does not, nor where no meeting is known to the day."""
    habits = Habits.make([7, 9, 7, 12, 3], [date(2020, 7, 1), date(2020, 9, 1), date(2021, 7, 1), date(2021, 12, 1), date(2022, 3, 1)])
    assert habits.usual_month(date(2035, 7, 1), date(2035, 12, 31)) == (2035, 7)
    assert habits.usual_month(date(2036, 1, 1), date(2036, 6, 30)) == (2036, 3)
    assert habits.usual_month(date(2036, 5, 1), date(2036, 5, 31)) == (2036, 5)
    assert habits.usual_month(date(2036, 5, 2), date(2036, 5, 31)) is None
    assert Habits.make([7, 9, 7, 12, 3], []).usual_month(date(2036, 5, 1), date(2036, 5, 31)) is None
