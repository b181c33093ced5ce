"""An eighteenth audit: README's "Semantics" and "Record coverage" clauses on combinations the
seventeen passes did not pin (financial years with `except_when`, ceilings that begin after
`--today`, ISO weeks across a year's end, ...), each on the smallest rule book and register.
Every expected answer was worked out by hand first, in the test's docstring, before planner
was run; where planner differed, the documented semantics decided which was right. A
differential run of `at_least` / `at_most` on calendar periods against an oracle written from
README's words found the first group."""

from __future__ import annotations

import json

from tests.test_semantics_audit15 import BOARD, _verdicts
from tests.test_semantics_audit16 import SUMMIT, _check, _run, _why


def _windows(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f["window"]]


# -- a ceiling's window that has not begun is not met ----------------------------------------------

CEILING_FROM_10_DECEMBER = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "quarter"\nsince = 2026-12-10\n'
BEFORE_THE_CEILING = "board,regular,,2026-11-20,,held,,,\nboard,regular,,2026-11-25,,held,,,\nboard,regular,,2026-12-15,,planned,,,\nboard,regular,,2027-02-15,,planned,,,\n"


def test_a_ceiling_that_takes_effect_after_today_has_no_window_yet(tmp_path):
    """At most once a quarter from 2026-12-10 (a ceiling adopted, in force in nine days); Board
    held 2026-11-20 and 2026-11-25 (before the rule: held under no version of it, they count
    toward nothing), planned 2026-12-15; as of 2026-12-01. The rule's first window is
    2026-12-10..2026-12-31 (a ceiling is judged from its first day), and on 2026-12-01 it has
    not begun: nothing is judged yet, no finding (it was `met`, "0 of at most 1", a window
    judged before a day of it had come)."""
    out = _check(tmp_path, CEILING_FROM_10_DECEMBER, BEFORE_THE_CEILING, "2026-12-01")
    assert _windows(out) == []
    assert out["summary"]["violations"] == 0 and out["summary"]["open"] == 0


def test_a_ceilings_windows_still_to_come_by_to_are_open_not_met(tmp_path):
    """The same, `--to 2027-03-31`: README, `summary.open`: "with `--to` after `--today`, also
    the windows still to come by then, each `open` with what it needs". The part
    2026-12-10..2026-12-31 (the plan of 12-15 in it) and 2027 Q1 (the plan of 02-15) are still
    to come: `open`, two open windows, no violation (both were `met`, as if the quarters had
    passed with no more than one meeting: an `at_least` rule's windows to come were already
    `open`). As of 2026-12-12, the part is running: `open` (it was so already)."""
    out = _check(tmp_path, CEILING_FROM_10_DECEMBER, BEFORE_THE_CEILING, "2026-12-01", "--to", "2027-03-31")
    assert _windows(out) == [("2026-12-10..2026-12-31", "open"), ("2027 Q1", "open")]
    assert out["summary"]["open"] == 2 and out["summary"]["violations"] == 0
    assert _windows(_check(tmp_path, CEILING_FROM_10_DECEMBER, BEFORE_THE_CEILING, "2026-12-12")) == [("2026-12-10..2026-12-31", "open")]


def test_a_ceiling_in_force_all_year_keeps_its_windows_to_come_open(tmp_path):
    """At most once a quarter since 2026-01-01; Board 2026-11-20 and 2026-11-25 held; as of
    2026-12-01 with `--to 2027-06-30`. 2026 Q1-Q3: nothing held, `met`; 2026 Q4: two held,
    `excess` (a ceiling broken while the quarter still runs is broken); 2027 Q1 (a plan of
    02-15) and 2027 Q2: still to come, `open` (they were `met`). 1 violation, 2 open."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "quarter"\nsince = 2026-01-01\n'
    out = _check(tmp_path, book, BEFORE_THE_CEILING, "2026-12-01", "--to", "2027-06-30")
    assert _windows(out) == [("2026 Q1", "met"), ("2026 Q2", "met"), ("2026 Q3", "met"), ("2026 Q4", "excess"), ("2027 Q1", "open"), ("2027 Q2", "open")]
    assert out["summary"]["open"] == 2 and out["summary"]["violations"] == 1
