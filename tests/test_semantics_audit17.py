"""A seventeenth audit: DESIGN.md's `check` clauses at edges the sixteen passes did not pin, each
on the smallest rule book and register. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run; where planner differed, DESIGN decided which was
right."""

from __future__ import annotations

import json

from tests.test_semantics_audit15 import BOARD, _verdicts
from tests.test_semantics_audit16 import _check, _run, _why

EVERY_2Y = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'


# -- a rolling chain through a late plan whose dates passed unconfirmed ----------------------------

LATE_PLAN = "board,regular,1,2016-06-01,,held,,,\nboard,regular,2,2018-06-01,,held,,,\nboard,regular,3,2021-06-01,,planned,,,\n"


def test_a_late_plan_never_confirmed_is_no_binding_origin_of_a_rolling_chain(tmp_path):
    """`every 2y` rolling: held 2016-06-01 and 2018-06-01, the 3rd planned 2021-06-01 and never
    recorded as held; as of 2024-06-01. 2018 met; 2020 is a violation on every reading (missed,
    or late by 2021 had the 3rd been held): missed. Had the 3rd been held, the chain goes on
    from 2021: 2023 due (nothing: missed), 2025 next. It is not recorded as held (no binding
    origin, DESIGN): the chain goes on from the missed 2020: 2022 due (nothing), 2024 due, open,
    by 2024-12-31. 2022 exists only on the second reading and 2023 only on the first: both
    `uncertain`, neither a violation; the open window is 2024's, due by 2024-12-31 (it was
    2025's, due by 2025-12-31: the lenient reading's), saying the other. 1 violation, exit 1."""
    result = _run(tmp_path, EVERY_2Y, LATE_PLAN, "2024-06-01")
    out = json.loads(result.stdout)
    assert result.exit_code == 1
    assert _verdicts(out) == [("2018", "met"), ("2020", "missed"), ("2022", "uncertain"), ("2023", "uncertain"), ("2024", "open")]
    assert out["summary"]["violations"] == 1
    assert "due so only if the 3rd Board (2021-06-01, planned), not recorded as held, was not held" in _why(out, "2022")
    assert "met if it was held" not in _why(out, "2022")  # held, it answered 2020 late, not 2022
    assert _why(out, "2023").startswith("2023: depends on the 3rd Board, planned 2021-06-01, not confirmed held;")
    assert _why(out, "2024").startswith("2024: 1 still due by 2024-12-31,")
    assert _why(out, "2024").endswith("was not held; had it been held, due by 2025-12-31 instead.")


def test_a_confirmed_meeting_after_a_late_plan_is_late_on_the_reading_without_it(tmp_path):
    """The same register with the 4th held 2025-03-01, as of 2025-06-01. Without the 3rd:
    2022 missed, 2024 late (2025-03-01, 1 year); with it, 2023 missed (the 4th answering it,
    2 years late) and 2025 met. Neither reading's windows are certain: 2022, 2023 and 2024
    `uncertain` (2024 names the 4th as its late answer), the 2025 window of the first reading
    not met on a guess (not listed); both readings go on from 2025-03-01: 2027 open."""
    out = _check(tmp_path, EVERY_2Y, LATE_PLAN + "board,regular,4,2025-03-01,,held,,,\n", "2025-06-01")
    assert _verdicts(out) == [("2018", "met"), ("2020", "missed"), ("2022", "uncertain"), ("2023", "uncertain"), ("2024", "uncertain"), ("2027", "open")]
    assert _why(out, "2024").endswith("held Board 2025-03-01 (4th): 1 year late.")
    assert out["summary"]["violations"] == 1


def test_a_late_plan_in_a_yearly_chain_leaves_only_its_own_year_in_doubt(tmp_path):
    """`every 1y`: held 2018-06-01, the 2nd planned 2020-06-01 and never confirmed; as of
    2022-06-01. 2019 missed on every reading (late by 2020 if held). Without the 2nd, 2020
    missed; with it, 2020 is no window (the 2nd answered 2019): `uncertain`. 2021 is due on
    both readings (from 2020 either way): missed. 2022 open, due by 2022-12-31, no other
    reading to name. 2 violations."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    out = _check(tmp_path, book, "board,regular,1,2018-06-01,,held,,,\nboard,regular,2,2020-06-01,,planned,,,\n", "2022-06-01")
    assert _verdicts(out) == [("2019", "missed"), ("2020", "uncertain"), ("2021", "missed"), ("2022", "open")]
    assert out["summary"]["violations"] == 2
    assert "due so only if" not in _why(out, "2021") + _why(out, "2022")


def test_a_plan_inside_the_window_it_answers_changes_no_window(tmp_path):
    """`every 2y`: held 2016-06-01 and 2018-06-01, the 3rd planned 2020-06-01 (inside the 2020
    window it answers) and never confirmed; as of 2024-06-01. 2020 `uncertain` (met if it was
    held); 2022 due on either reading (from 2020): missed; 2024 open. As before."""
    rows = LATE_PLAN.replace("2021-06-01", "2020-06-01")
    out = _check(tmp_path, EVERY_2Y, rows, "2024-06-01")
    assert _verdicts(out) == [("2018", "met"), ("2020", "uncertain"), ("2022", "missed"), ("2024", "open")]
    assert _why(out, "2022").endswith("Due then whether or not Board 2020-06-01 (3rd) (planned, not recorded as held) was held.")
