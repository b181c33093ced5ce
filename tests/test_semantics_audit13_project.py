"""A thirteenth audit, of projection: DESIGN.md's invariant ("checking a register together with
its own projection finds nothing missed inside the horizon") on the smallest rule books of
each clause. Every expected answer was worked out by hand first, in each test's docstring."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from tests.test_semantics_audit5 import HEAD, _invoke

COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"


def _book(tmp_path: Path, bodies: str, rows: str) -> list[str]:
    (tmp_path / "r.toml").write_text(HEAD + bodies, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + rows, encoding="utf-8")
    return ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv")]


def _kept(tmp_path: Path, paths: list[str], today: str, to: str) -> tuple[list[dict], dict]:
    """The projection, and check of the register with it appended as held, as at the close of ``to``."""
    out = _invoke("project", *paths, "--today", today, "--to", to, "--format", "csv").stdout
    projected = list(csv.DictReader(io.StringIO(out)))
    rows = "".join(f"{m['body']},regular,{m['ordinal']},{m['start']},{m['end']},held,{m['city']},{m['country']}\n" for m in projected)
    (tmp_path / "kept.csv").write_text(COLUMNS + rows, encoding="utf-8")
    report = json.loads(_invoke("check", *paths, "--meetings", str(tmp_path / "kept.csv"), "--today", to, "--to", to, "--format", "json").stdout)
    return projected, report


def test_sessions_projected_for_a_body_counting_events_are_not_held_together(tmp_path):
    """Board at least twice a year, counted by event (`count_by = "event"`: sessions in one
    city opening within the first one's days or on the day after it are one event), two days
    a meeting, June preferred, at the Secretariat in Bern; the 1st and 2nd sessions held
    2026-06-15 and 06-16 (one event), as of 2026-06-30 to 2028. 2026 holds one event: one
    more is due (the 3rd). 2027 and 2028 each need two events, both aimed at mid-June: placed
    on the two days from 2027-06-15 and from 2027-06-17, the second opened the day after the
    first ended and joined its event, so check of the register with its projection held
    found 2027 and 2028 missed, "1 of 2 required ... Merged": the projection broke DESIGN's
    invariant. The sessions now keep a free day between them (each opens two days or more
    after the one before ends), and with the projection held 2026 to 2028 are met."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\nduration_days = 2\n[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\ncount_by = "event"\n'
    paths = _book(tmp_path, book, "board,regular,1,2026-06-15,,held,Bern,Switzerland\nboard,regular,2,2026-06-16,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2028-12-31")
    assert [(m["start"][:4], m["ordinal"]) for m in projected] == [("2026", "3"), ("2027", "4"), ("2027", "5"), ("2028", "6"), ("2028", "7")]
    for a, b in zip(projected, projected[1:], strict=False):
        assert (date.fromisoformat(b["start"]) - date.fromisoformat(a["end"])).days >= 2, (a, b)
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"]] == [("2026", "met"), ("2027", "met"), ("2028", "met")]
