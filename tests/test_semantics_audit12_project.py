"""When each body is next due after an empty horizon (session 12): each body's own horizon, and
the due period as the register allows it (a loosely dated origin's every reading). Every
expected answer was worked out by hand first; the derivation is in each test's docstring."""

from __future__ import annotations

from tests.test_semantics_audit5 import _invoke
from tests.test_semantics_audit9_project import _json
from tests.test_semantics_audit10_project import _BOARD_2Y, _body, _paths

_WEEKLY = 'kind = "at_least"\ncount = 1\nper = "week"'


def test_next_due_after_a_loose_origin_names_every_reading(tmp_path, monkeypatch):
    """Every 24 months from the 1st Board, held in 2025 (the register gives the year only);
    today 2026-01-15 to 2026-06-30: nothing due. The next Board is due 24 months after a day
    of 2025: in one of 2027-01 to 2027-12, and the register does not say which (check calls
    that window uncertain, "2027-01..2027-12"). Projected by the earliest reading still ahead:
    2027-01-01 is New Year's Day in Switzerland, the 2nd and 3rd a weekend: Monday 2027-01-04.
    Next due reads "due 2027-01..2027-12", not "due 2027-01" (the earliest reading named as if
    it were the fact). The horizon stretched by the interval: 2026-06-30 + 24 months. No note of
    a guessed reading under the schedule: the meeting it spoke of lies past the horizon."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    book = _body("board", "Board", 'kind = "every"\ninterval = "24m"')
    paths = _paths(tmp_path, book, "board,regular,1,2025,,held,Bern,Switzerland\n")
    text = _invoke("project", *paths, "--today", "2026-01-15", "--to", "2026-06-30").stdout
    assert "Notes" not in text
    assert text.endswith(
        "Nothing is due in this horizon.\n"
        "Next due after it (the same rules, the horizon stretched to 2028-06-30):\n"
        "  Board: due 2027-01..2027-12 (24 months after the 1st Board (2025)); projected 2027-01-04\n"
    )
    (due,) = _json("project", *paths, "--today", "2026-01-15", "--to", "2026-06-30")["next_due"]
    assert (due["due"], due["meeting"]["start"], due["meeting"]["ordinal"], due["until"]) == ("2027-01..2027-12", "2027-01-04", 2, "2028-06-30")


def test_next_due_of_an_exact_origin_is_its_period(tmp_path):
    """Control: every 2 years from the 2nd Board of 2024-03-12, today 2024-04-01 to 2025: due
    2026 (a calendar year: the one reading there is), projected 2026-03-12 (a Thursday, the
    interval after it), the horizon stretched by 2 years."""
    rows = "board,regular,1,2022-03-14,,held,Bern,Switzerland\nboard,regular,2,2024-03-12,,held,Bern,Switzerland\n"
    (due,) = _json("project", *_paths(tmp_path, _BOARD_2Y, rows), "--today", "2024-04-01", "--to", "2025")["next_due"]
    assert (due["due"], due["meeting"]["start"], due["until"]) == ("2026", "2026-03-12", "2027-12-31")


def test_next_due_projects_each_body_as_far_as_its_own_rules_reach(tmp_path, monkeypatch):
    """A Congress every 100 years (the 1st 2000-06-15) beside two bodies due once an ISO week,
    one meeting on Thursdays, one on Mondays (held 2026-06-25 and 06-22), all at the
    Secretariat; today Friday 2026-06-26 to Saturday the 27th: week 26 is met, nothing is due.
    The Congress is next due in 2100 (100 years after 2000), projected 2100-06-15 (a Tuesday),
    its horizon stretched by 100 years, to 2126-06-27. Each weekly body is next due in week
    2026-W27 (29 June to 5 July): Thursday 2026-07-02 and Monday 06-29 (three days apart, as
    one host's meetings must be), each horizon stretched by a week, to 2026-07-04: not a
    century of weekly meetings to find one (50 such bodies took 3.2 s of CPU, 260,000
    meetings). The head says each body's horizon is its own."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    book = _body("congress", "Congress", 'kind = "every"\ninterval = "100y"')
    book += _body("w1", "Weekly One", _WEEKLY, 'weekdays = ["thu"]\n') + _body("w2", "Weekly Two", _WEEKLY, 'weekdays = ["mon"]\n')
    rows = "congress,regular,1,2000-06-15,,held,Bern,Switzerland\nw1,regular,,2026-06-25,,held,Bern,Switzerland\nw2,regular,,2026-06-22,,held,Bern,Switzerland\n"
    paths = _paths(tmp_path, book, rows)
    out = _json("project", *paths, "--today", "2026-06-26", "--to", "2026-06-27")
    assert out["meetings"] == [] and out["problems"] == []
    assert [(n["body"], n["due"], n["meeting"]["start"], n["until"]) for n in out["next_due"]] == [
        ("congress", "2100", "2100-06-15", "2126-06-27"),
        ("w1", "2026-W27", "2026-07-02", "2026-07-04"),
        ("w2", "2026-W27", "2026-06-29", "2026-07-04"),
    ]
    text = _invoke("project", *paths, "--today", "2026-06-26", "--to", "2026-06-27").stdout
    assert text.endswith(
        "Next due after it (the same rules, the horizon stretched by each body's longest interval, offset or period):\n"
        "  Congress: due 2100 (100 years after the 1st Congress (2000-06-15)); projected 2100-06-15\n"
        "  Weekly One: due 2026-W27 (at least once a week: 1 of 1 in 2026-W27); projected 2026-07-02\n"
        "  Weekly Two: due 2026-W27 (at least once a week: 1 of 1 in 2026-W27); projected 2026-06-29\n"
    )
