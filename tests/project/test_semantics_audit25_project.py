"""A twenty-fifth audit, of `project`, `diff` and the projected events of `ics`: small rule
books whose projection, diff or feed was worked out by hand first (in each test's docstring,
from DESIGN.md, the README and the rule text cited), then compared with `--format json` or
the feed's lines. Days off are those of the `holidays` package (0.109) for the host, in the
default categories. This time: meetings recorded late that an earlier projection foresaw
(`diff --meetings`), one place written two ways (a host "changed" from "Vienna (Secretariat)"
to "Vienna, Austria"), projections across a rule version starting in the future, across a
body's end and from a last meeting known only to the year, a start known to the day with an
end known to the month in a feed, and the basics again (weekends and holidays of the host,
bodies meeting just before another, numbers continued, fixed days)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit19_project import _body, _org

_VIENNA = _org("Vienna", "Austria")
_COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"
_TWICE = 'kind = "at_least"\ncount = 2\nper = "year"\n'
_TWELVE_MONTHS = 'kind = "every"\ninterval = "12m"\n'


def _why(out: dict) -> list[tuple[str, str]]:
    return [(m["start"], m["reason"]) for m in out["meetings"] if m["status"] == "projected"]


def _projections(tmp_path: Path, book: str, before: tuple[str, str], after: tuple[str, str], to: str) -> tuple[Path, Path, Path]:
    """``book`` projected from the rows ``before[0]`` as of ``before[1]`` and again from
    ``after[0]`` as of ``after[1]``, to ``to``: the rule book, BEFORE.json and AFTER.json."""
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    runner = CliRunner()
    for name, (rows, today) in (("before", before), ("after", after)):
        (tmp_path / f"{name}.csv").write_text(_COLUMNS + rows, encoding="utf-8")
        args = ["project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / f"{name}.csv"), "--today", today, "--to", to, "--format", "json", "-o", str(tmp_path / f"{name}.json")]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    return tmp_path / "r.toml", tmp_path / "before.json", tmp_path / "after.json"


def _diff(tmp_path: Path, book: str, before: tuple[str, str], after: tuple[str, str], to: str = "2027-12-31", register: bool = True) -> dict:
    """`diff BEFORE AFTER` as JSON, given AFTER's register (``--meetings``) where ``register``."""
    rules, old, new = _projections(tmp_path, book, before, after, to)
    more = ["--rules", str(rules), "--meetings", str(tmp_path / "after.csv")] if register else []
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "json", *more])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _held(out: dict) -> list[tuple[str, str, str]]:
    return [(c["before"]["start"], c["after"]["start"], c["why"]) for c in out["held"]]


_BOARD_TWICE = _VIENNA + _body("bd", "Board", "", _TWICE)


def _board(*days: str) -> str:
    return "".join(f"bd,regular,,{d},,held,Vienna,Austria\n" for d in days)


# -- 1. `diff --meetings`: a meeting recorded late, dated before the first projection was made ------


def test_diff_says_a_meeting_recorded_late_was_held_though_dated_before_the_first_projection(tmp_path):
    """A Board at least twice a year (the Secretariat in Vienna), held Tue 2026-03-10. Projected
    as of Fri 2026-11-20 (BEFORE): 2026 holds one of two; the Board met in one month only, so
    its two a year are spread evenly (April, October), both passed: the second ("2 of 2 in
    2026") goes in the middle of what is left of 2026, Sat 11-21 to Thu 12-31 (41 days), the
    21st day: Fri 2026-12-11. The Secretariat then records a Board held Thu 2026-11-12, a
    week before BEFORE was made, and projects again as of 2027-01-10 (AFTER), whose horizon
    does not reach 2026. By hand, `diff --meetings`: BEFORE's second Board of 2026 was held on
    2026-11-12: "held 2026-11-12 in Vienna, Austria (the register's row); was projected for
    <BEFORE's day>", not "outside the new horizon". BEFORE counted one meeting of 2026 (its
    projected one is the 2nd), the register now holds two dated before BEFORE was made: one of
    them is new to it. Before, a row dated before BEFORE's --today was never looked at."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10", "2026-11-12"), "2027-01-10"))
    was = json.loads((tmp_path / "before.json").read_text())["meetings"][0]
    assert (was["start"], was["reason"]) == ("2026-12-11", "at least twice a year: 2 of 2 in 2026")
    assert _held(out) == [("2026-12-11", "2026-11-12", "held 2026-11-12 in Vienna, Austria (the register's row); was projected for 2026-12-11")]
    assert [c["before"]["start"] for c in out["dropped"]] == []


def test_diff_does_not_take_a_row_the_first_projection_already_counted_for_a_meeting_held(tmp_path):
    """As above, but nothing recorded since: the register still holds the Board of Tue
    2026-03-10 alone, which BEFORE counted (its projected meeting is "2 of 2 in 2026"). By
    hand: nothing says the second Board of 2026 was held; it lies outside AFTER's horizon
    (2027-01-10 to 2027-12-31), and `diff` says so. A row BEFORE knew answers none of its
    projected meetings: pairing it would claim a meeting held that the register does not
    record (a verdict more certain than the data)."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10"), "2027-01-10"))
    assert out["held"] == []
    assert [(c["before"]["start"], c["why"]) for c in out["dropped"]] == [
        ("2026-12-11", "outside the new horizon (2027-01-10 to 2027-12-31) (was: at least twice a year: 2 of 2 in 2026)"),
    ]


def test_diff_pairs_two_meetings_recorded_late_with_the_two_projected_in_order(tmp_path):
    """The Board held in 2025 only (Mon 2025-03-10 and Tue 2025-10-14), projected as of
    2026-11-20: 2026 holds none of two, so two are projected in what is left of it ("1 of 2",
    "2 of 2 in 2026"). The Secretariat then records both Boards of 2026, held Tue 2026-03-10
    and Tue 2026-10-13, and projects as of 2027-01-10. By hand: BEFORE counted none of 2026
    (its first projected one is the 1st), so both rows are new to it; each of its projected
    meetings was held, in order: the 1st on 2026-03-10, the 2nd on 2026-10-13; nothing dropped."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2025-03-10", "2025-10-14"), "2026-11-20"), (_board("2025-03-10", "2025-10-14", "2026-03-10", "2026-10-13"), "2027-01-10"), to="2027-06-30")
    before = [(m["start"], m["reason"]) for m in json.loads((tmp_path / "before.json").read_text())["meetings"] if m["start"] < "2027"]
    assert [r for _, r in before] == ["at least twice a year: 1 of 2 in 2026", "at least twice a year: 2 of 2 in 2026"]
    first, second = (d for d, _ in before)
    assert [(b, a) for b, a, _ in _held(out)] == [(first, "2026-03-10"), (second, "2026-10-13")]
    assert out["dropped"] == []


def test_diff_pairs_a_meeting_recorded_late_in_the_month_a_twelve_month_chain_was_due(tmp_path):
    """A Board every 12 months without numbers, held Wed 2025-11-05; projected as of
    2026-11-20: due in November 2026 (12 months on), its usual day the 5th passed, so the
    first working day ahead, Mon 2026-11-23. The register then records the Board held Thu
    2026-11-12 (before BEFORE was made), and the projection is made again as of 2027-01-10.
    By hand: BEFORE's November Board was the 1st of its period (2026-11), and the register now
    holds a row of that month it did not: "held 2026-11-12 ...; was projected for 2026-11-23"."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _diff(tmp_path, book, (_board("2025-11-05"), "2026-11-20"), (_board("2025-11-05", "2026-11-12"), "2027-01-10"))
    assert _held(out) == [("2026-11-23", "2026-11-12", "held 2026-11-12 in Vienna, Austria (the register's row); was projected for 2026-11-23")]


# -- 2. One place written two ways is no change of host --------------------------------------------


def test_diff_a_numbered_meeting_planned_where_it_was_projected_changes_no_host(tmp_path):
    """A Board every 12 months at the Secretariat in Vienna, the 3rd held Tue 2026-03-10;
    projected as of 2026-11-20: the 4th Wed 2027-03-10, "Vienna (Secretariat)". The
    Secretariat then plans the 4th on that day in Vienna, Austria. By hand: the same meeting,
    the same days, the same place: nothing moved and no host changed. Before, `diff` compared
    the host's words, "Vienna (Secretariat)" (projected) and "Vienna, Austria" (planned): "1
    host changed". A plan in Graz is a host changed."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    third = "bd,regular,3,2026-03-10,,held,Vienna,Austria\n"
    out = _diff(tmp_path, book, (third, "2026-11-20"), (third + "bd,regular,4,2027-03-10,,planned,Vienna,Austria\n", "2026-11-20"), register=False)
    assert (out["hosts_changed"], out["moved"], out["added"], out["dropped"]) == ([], [], [], [])
    out = _diff(tmp_path, book, (third, "2026-11-20"), (third + "bd,regular,4,2027-03-10,,planned,Graz,Austria\n", "2026-11-20"), register=False)
    assert [(c["before"]["host"], c["after"]["host"]) for c in out["hosts_changed"]] == [("Vienna (Secretariat)", "Graz, Austria")]


def test_diff_a_meeting_without_a_number_planned_on_its_projected_days_is_neither_added_nor_dropped(tmp_path):
    """The Board at least twice a year, held Tue 2026-03-10; projected as of 2026-11-20: its
    second of 2026 on Fri 2026-12-11. The Secretariat accepts it: a row planned on 2026-12-11
    in Vienna, Austria, and projects again the same day. By hand: one meeting, on its days, in
    its place; as a numbered meeting accepted (its number kept), no change: not "added" (the
    plan) beside "dropped" (the projection), as if two meetings."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10") + "bd,regular,,2026-12-11,,planned,Vienna,Austria\n", "2026-11-20"), register=False)
    assert (out["added"], out["dropped"], out["hosts_changed"], out["moved"]) == ([], [], [], [])
