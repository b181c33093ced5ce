"""A body's cadence in words (``planner bodies``, the check summary and JSON) for every way its
rules' ``since`` and ``until`` can combine: the rules in force last first, each with its
dates, then the others with theirs, as a secretariat would write it."""

from __future__ import annotations

import pytest

from planner.outputs.render import cadence_words
from tests.semantics.test_semantics import _book

TWICE = {"kind": "at_least", "count": 2, "per": "year"}  # "at least twice a year"
QUARTER = {"kind": "at_most", "count": 1, "per": "quarter"}  # "at most once a quarter"
YEARLY = {"kind": "at_least", "count": 1, "per": "year"}  # "at least once a year"


CASES = [
    # one rule
    ([TWICE], "at least twice a year"),
    ([TWICE | {"since": "2019-03-01"}], "at least twice a year (since 2019-03-01)"),
    ([TWICE | {"until": "2021-07-15"}], "at least twice a year until 2021-07-15"),
    ([TWICE | {"since": "2019-03-01", "until": "2021-07-15"}], "at least twice a year from 2019-03-01 to 2021-07-15"),
    # two rules in force together, no end
    ([TWICE, QUARTER], "at least twice a year; at most once a quarter"),
    ([TWICE | {"since": 2019}, QUARTER | {"since": 2019}], "at least twice a year; at most once a quarter (since 2019-01-01)"),
    # ... from different days: each its own (the later day was said of both)
    ([TWICE | {"since": 2019}, QUARTER | {"since": "2020-06-01"}], "at least twice a year (since 2019-01-01); at most once a quarter (since 2020-06-01)"),
    ([TWICE, QUARTER | {"since": "2020-06-01"}], "at least twice a year; at most once a quarter (since 2020-06-01)"),
    ([TWICE | {"since": "2020-06-01"}, QUARTER], "at least twice a year (since 2020-06-01); at most once a quarter"),
    # a rule that ended beside one in force (a ceiling lifted)
    ([TWICE, QUARTER | {"until": "2021-07-15"}], "at least twice a year (until 2021-07-15: at most once a quarter)"),
    ([TWICE | {"since": 2019}, QUARTER | {"since": 2019, "until": "2021-07-15"}], "at least twice a year (since 2019-01-01; 2019 to 2021-07-15: at most once a quarter)"),
    # versions of one rule
    ([YEARLY | {"until": 2004}, TWICE | {"since": 2005}], "at least twice a year (since 2005-01-01; until 2004: at least once a year)"),
    ([YEARLY | {"until": 2009}, TWICE | {"since": 2010, "until": 2010}, YEARLY | {"since": 2011}], "at least once a year (since 2011-01-01; until 2009: at least once a year; 2010: at least twice a year)"),
    # every rule ended on different days (the body's rules lapsed one after the other): the one
    # ending last, then the other (read "at most once a quarter (until 2021-07-15: at least
    # twice a year) (until 2021-08-15)")
    ([QUARTER | {"until": "2021-08-15"}, TWICE | {"until": "2021-07-15"}], "at most once a quarter until 2021-08-15 (until 2021-07-15: at least twice a year)"),
    ([TWICE | {"until": "2021-07-15"}, QUARTER | {"since": 2020, "until": "2021-08-15"}], "at most once a quarter from 2020-01-01 to 2021-08-15 (until 2021-07-15: at least twice a year)"),
    # every rule ended on the same day (the body dissolved): all of them in force last
    ([TWICE | {"until": "2021-07-15"}, QUARTER | {"until": "2021-07-15"}], "at least twice a year; at most once a quarter until 2021-07-15"),
    ([TWICE | {"since": 2019, "until": "2021-07-15"}, QUARTER | {"until": "2021-07-15"}], "at least twice a year from 2019-01-01 to 2021-07-15; at most once a quarter until 2021-07-15"),
    # ... with an earlier version: after the rules in force last, each with its dates
    ([YEARLY | {"until": 2018}, TWICE | {"since": 2019, "until": "2021-07-15"}, QUARTER | {"until": "2021-07-15"}], "at least twice a year from 2019-01-01 to 2021-07-15; at most once a quarter until 2021-07-15; until 2018: at least once a year"),
    ([YEARLY | {"until": 2018}, TWICE | {"since": 2019, "until": "2021-07-15"}], "at least twice a year from 2019-01-01 to 2021-07-15 (until 2018: at least once a year)"),
]


@pytest.mark.parametrize(("rules", "words"), CASES, ids=[w for _, w in CASES])
def test_cadence_reads_as_written(rules, words):
    book = _book(*rules)
    assert cadence_words(book.bodies[0], book) == words

