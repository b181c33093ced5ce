"""A twentieth audit, of `project` and `chairs`: small rule books whose projection and chair
plan were worked out by hand first (in each test's docstring, from DESIGN.md and the README),
then compared with `--format json`. Days off are those of the `holidays` package (0.109) for
the host, in the categories the rule book's `holiday_categories` names (by default `public`,
`government` and `de_facto`)."""

from __future__ import annotations

from tests.test_semantics_audit17_project import _files, _project
from tests.test_semantics_audit19_project import _body, _org

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
