"""An eleventh audit: what the tenth left (README "Limits" of session 11), each case worked out
by hand in its docstring before the tool was run. First, a register that numbers every kind of
meeting in one sequence (OPEC's Conference: the 177th Meeting ordinary, the 178th
extraordinary, the 179th ordinary) against one that numbers each kind on its own (the African
Union's Assembly: the 38th ordinary session, the 12th extraordinary)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_semantics_audit5 import HEAD, _invoke

AUDIT = Path(__file__).parent / "audit"
BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [{month}]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'


def _numbers(*args: str) -> list[tuple[str, str, int | None]]:
    out = json.loads(_invoke("project", *args, "--format", "json").stdout)
    return [(m["start"], m["kind"], m["ordinal"]) for m in out["meetings"]]


def _board(tmp_path: Path, month: int, rows: str) -> list[str]:
    (tmp_path / "r.toml").write_text(HEAD + BOARD.format(month=month), encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    return ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv")]


def test_opec_the_ordinary_meeting_after_the_178th_extraordinary_is_the_179th(tmp_path):
    """OPEC numbers its Conference's meetings in one sequence, ordinary and extraordinary alike
    (tests/audit/opec-meetings.csv: 176th and 177th ordinary 2019, 178th (Extraordinary)
    2020-03-05, 179th ordinary 2020-06-06). As of 2020-04-01, with the register as it stood
    (the first three rows), the next ordinary meeting is the 179th, as it was, and the one
    after it the 180th: projecting a second "178th" beside the extraordinary one names a
    meeting that was never held (the feed held two events of that number)."""
    rows = (AUDIT / "opec-meetings.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "m.csv").write_text("".join(rows[:4]), encoding="utf-8")
    got = _numbers("--rules", str(AUDIT / "opec.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2020-04-01", "--to", "2020")
    assert [(kind, n) for _, kind, n in got] == [("regular", 179), ("regular", 180)]


def test_separate_sequences_continue_the_regular_numbers():
    """The African Union numbers its Assembly's extraordinary sessions on their own (the 11th
    and 12th extraordinary, 2018 and 2019, among the 31st-32nd ordinary): the extraordinary
    numbers are below the ordinary ones before them, so the next ordinary session continues
    the ordinary numbering: after the 38th (February 2025), the 39th in 2026 and 40th in 2027."""
    args = ["--rules", str(AUDIT / "african-union.toml"), "--meetings", str(AUDIT / "african-union-meetings.csv")]
    got = _numbers(*args, "--today", "2025-12-01", "--to", "2027", "--body", "assembly")
    assert [(kind, n) for _, kind, n in got] == [("regular", 39), ("regular", 40)]


def test_one_sequence_with_an_extraordinary_meeting_planned_ahead(tmp_path):
    """Board at least once a year, November preferred; the 1st and 2nd (regular) held
    2024-11-12 and 2025-11-11, the 3rd an extraordinary meeting planned 2026-09-15. As of
    2026-06-30 (2026 open, the extraordinary one does not count): the regular meeting of
    2026 (November) comes after the 3rd, so it is the 4th, then the 5th (2027) and the 6th
    (2028); each kind's own numbering gave a second 3rd. In July instead (before
    the 3rd): the numbers before it are 2 and the 3rd is taken, so the July meeting gets none
    rather than a second 3rd, and 2027's is the 4th."""
    rows = "board,regular,1,2024-11-12,,held,Bern,Switzerland\nboard,regular,2,2025-11-11,,held,Bern,Switzerland\nboard,extraordinary,3,2026-09-15,,planned,Bern,Switzerland\n"
    got = _numbers(*_board(tmp_path, 11, rows), "--today", "2026-06-30", "--to", "2028")
    assert [(d[:7], kind, n) for d, kind, n in got] == [("2026-09", "extraordinary", 3), ("2026-11", "regular", 4), ("2027-11", "regular", 5), ("2028-11", "regular", 6)]
    got = _numbers(*_board(tmp_path, 7, rows), "--today", "2026-06-30", "--to", "2027")
    assert [(d[:7], kind, n) for d, kind, n in got] == [("2026-07", "regular", None), ("2026-09", "extraordinary", 3), ("2027-07", "regular", 4)]


def test_an_extraordinary_meeting_numbered_alone_does_not_number_the_regular_ones(tmp_path):
    """A register that numbers only its 1st extraordinary meeting, the regular ones not: no
    regular number to continue, so the projected regular meeting has no ordinal (not the 2nd);
    and one whose extraordinary numbers repeat a regular number (the 1st regular 2024, the
    1st extraordinary 2025) numbers the kinds apart: the next regular is the 2nd, not the 3rd."""
    rows = "board,regular,,2024-11-12,,held,Bern,Switzerland\nboard,extraordinary,1,2025-03-04,,held,Bern,Switzerland\nboard,regular,,2025-11-11,,held,Bern,Switzerland\n"
    assert _numbers(*_board(tmp_path, 11, rows), "--today", "2026-01-15", "--to", "2026") == [("2026-11-11", "regular", None)]
    rows = "board,regular,1,2024-11-12,,held,Bern,Switzerland\nboard,extraordinary,1,2025-03-04,,held,Bern,Switzerland\n"
    assert [n for _, _, n in _numbers(*_board(tmp_path, 11, rows), "--today", "2025-06-30", "--to", "2025")] == [2]
