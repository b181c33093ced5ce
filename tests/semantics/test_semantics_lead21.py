"""The lead's cases of the twenty-first pass, each worked out by hand first (in its
docstring) from README's "Unconfirmed origins" before planner was run."""

from __future__ import annotations

from tests.semantics.test_semantics_audit15 import BOARD
from tests.semantics.test_semantics_audit16 import _check

EVERY_5Y = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "5y"\nmode = "rolling"\n'


def _open(out: dict) -> dict[str, str]:
    return {f["window"]["label"]: f["why"] for f in out["findings"] if f["verdict"] == "open"}


def test_a_window_running_on_a_plan_not_confirmed_says_it_is_due_only_if_that_was_held(tmp_path):
    """Every 5 years, rolling; Board held 2022-08-01, the next planned 2026-04-27 and not
    recorded as held; as of 2026-12-04. The window after 2022 is 2027 (due by 2027-12-31),
    running, and the plan would meet it. If the plan was held, the next is due by 2031; if
    not, 2027 is still due and 2031 is no window at all. Both run today: both `open`
    (nothing is judged yet), but the 2031 one must say it rests on the plan (it read
    "2031: 1 still due by 2031-12-31, 5 years after the 2nd Board (2026-04-27, planned)."
    as if certain; the NPT's Eleventh Review Conference, the twenty-first audit)."""
    rows = "board,regular,1,2022-08-01,,held,,,\nboard,regular,2,2026-04-27,,planned,,,\n"
    out = _check(tmp_path, EVERY_5Y, rows, "2026-12-04")
    whys = _open(out)
    assert set(whys) == {"2027", "2031"}
    assert "Due so only if Board 2026-04-27 (2nd) (planned, not recorded as held) was held." in whys["2031"]
    assert "Due so only if" not in whys["2027"]
    assert out["summary"]["violations"] == 0


def test_a_plan_in_the_period_due_leaves_the_next_window_due_either_way(tmp_path):
    """The same, the Board held 2021-05-01: the plan of 2026-04-27 falls in 2026, the period
    due. Held, it starts 2031; not held, 2026 is missed and the chain goes on from 2026 all
    the same (README: due in the same period either way stays definite). So 2031 is due
    either way and says nothing of the plan."""
    rows = "board,regular,1,2021-05-01,,held,,,\nboard,regular,2,2026-04-27,,planned,,,\n"
    out = _check(tmp_path, EVERY_5Y, rows, "2026-12-04")
    whys = _open(out)
    assert set(whys) == {"2026", "2031"}
    assert "Due so only if" not in whys["2031"]


def test_a_window_to_come_after_another_bodys_plan_not_confirmed_says_so(tmp_path):
    """A Board due 2 years after each Summit; the Summit planned 2026-10 and not recorded as
    held, as of 2026-12-04 (CICA's Ministerial Council after its 7th Summit). The Board's
    2028 window has not begun: `open`, next due by 2028-12-31, and only if the Summit was
    held (README: a window that exists only because of an unconfirmed plan). Its why named
    the plan "(2026-10, planned)" and no more."""
    summit = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'
    board = BOARD + '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "2y"\n'
    rows = "summit,regular,1,2026-10,,planned,Baku,,\n"
    whys = _open(_check(tmp_path, summit + board, rows, "2026-12-04"))
    assert set(whys) == {"2028"}
    assert whys["2028"].endswith("Due so only if Summit 2026-10 (1st, Baku) (planned, not recorded as held) was held.")
