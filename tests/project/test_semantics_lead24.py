"""The lead's twenty-fourth pass on `project`: the words of a meeting moved off a day other
bodies fill. A crowded day of a large organization named every body meeting on it in each
reason it moved (a generated organization of 1,000 bodies: 2,249 reasons of 3.4 KB each, a
quarter of the schedule's text): now up to three by name, past three the first two and how
many more, with the verb agreeing."""

from __future__ import annotations

import pytest

from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org
from tests.project.test_semantics_audit20_project import _rows

_ONCE = 'kind = "at_least"\ncount = 1\nper = "year"\n'
_NAMES = ("Assembly", "Board", "Council", "Directorate")


@pytest.mark.parametrize(
    ("others", "words"),
    [
        (1, "the Assembly meets on 2027-05-12"),
        (2, "the Assembly and the Board meet on 2027-05-12"),
        (3, "the Assembly, the Board and the Council meet on 2027-05-12"),
        (4, "the Assembly, the Board and 2 other bodies meet on 2027-05-12"),
    ],
)
def test_a_day_other_bodies_fill_names_them_in_a_line(tmp_path, others, words):
    """``others`` bodies in Vienna (at most ``others`` meetings a day, no spacing of the
    host's meetings) have meetings planned on Wed 2027-05-12; an Executive at least once a
    year, held Tue 2026-05-12 (its usual day, the 12th of May); as of 2026-12-01 to the end of
    2027. By hand: the Executive's 2027 meeting aims at Wed 2027-05-12, full; forward first,
    Thu 2027-05-13 is a working day in Austria (Ascension is 6 May, Whit Monday 17 May). Its
    reason says the day it moved from and the bodies that fill it, sorted by name: one
    "meets", several "meet", past three the first two and how many more (before: every
    name joined by "and", and "meets" whatever their number)."""
    book = _org("Vienna", "Austria", f"meetings_per_day = {others}\nmin_days_between = 0\n")
    rows = ""
    for name in _NAMES[:others]:
        book += _body(name[0].lower(), name, "", _ONCE)
        rows += _rows(name[0].lower(), "Vienna", "Austria", "2027-05-12", status="planned")
    book += _body("x", "Executive", "", _ONCE)
    rows += _rows("x", "Vienna", "Austria", "2026-05-12")
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2027-12-31")
    assert [(m["start"], m["reason"]) for m in out["meetings"] if m["body"] == "x" and m["status"] == "projected"] == [
        ("2027-05-13", f"at least once a year: 1 of 1 in 2027; moved from Wed 2027-05-12 ({words})"),
    ]


# -- The numbering continued only over days the register is known to hold whole ------------------

_ASSEMBLY = 'kind = "on"\nmonth = 10\nday = 1\n'


def _assembly(tmp_path, records: str, today: str = "2026-12-05") -> dict:
    book = _org("Oslo", "Norway") + _body("a", "Assembly", records, _ASSEMBLY)
    rows = "".join(f"a,regular,{n},{year}-10-01,,held,Oslo,Norway\n" for n, year in ((168, 2023), (169, 2024), (170, 2025)))
    return _project(_files(tmp_path, book, rows), today, "2027-12-31")


def test_numbers_projected_over_days_the_register_may_not_hold_whole_say_so(tmp_path):
    """An Assembly on 1 October each year, the 168th to the 170th held 2023 to 2025, its
    register known complete 2017 to 2025; as of 2026-12-05 to the end of 2027. By hand: the
    2026 Assembly (1 October, a Thursday) is past and not recorded, and the register does not
    say whether it was held (check: 2026 `unknown`). The projection reads the register as
    holding what was held: the 2027 Assembly (Friday 1 October) is the 171st on that reading,
    the 172nd if the 2026 one was held. So it stays the 171st, and a note says what the number
    rests on (before: the 171st and nothing said; the audit's Storting, whose 2026 assembly
    was the 171st)."""
    out = _assembly(tmp_path, 'records = [{ start = 2017, end = 2025 }]\n')
    assert [(m["start"], m["ordinal"]) for m in out["meetings"]] == [("2027-10-01", 171)]
    assert out["notes"] == [
        "Assembly: the numbers projected go on from the 170th (2025-10-01), as if no meeting since went unrecorded: the register is known complete only 2017-01-01..2025-12-31, and each meeting held since and not recorded raises every number projected by one."
    ]


@pytest.mark.parametrize("records", ['records = [{ start = 2017 }]\n', ""])
def test_a_register_known_complete_to_today_numbers_on(tmp_path, records):
    """The same Assembly with its register known complete from 2017 on (or no ``records``: a
    register is then taken as complete): the 2026 Assembly was not held (check says missed),
    the next is the 171st, and nothing needs saying of its number."""
    out = _assembly(tmp_path, records)
    assert [(m["start"], m["ordinal"]) for m in out["meetings"]] == [("2027-10-01", 171)]
    assert out.get("notes", []) == []
