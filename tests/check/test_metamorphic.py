"""A window that closed before a day T is judged the same on the register as it stood on T
(every row dated before T's year, `--today T`) as on the whole register today: later meetings
do not change what an earlier, closed window was, except in the two ways a later record is
evidence about the past:

* a window `missed` on T may be `late` today (the meeting came after it closed: still a
  violation, now with its delay);
* a window `missed` on T may be `unknown` today, when the register's later numbering shows a
  meeting it does not record and that may have filled the window (README, "Record coverage":
  "when it records the 9th and the 11th meeting ... a 10th was held between them").

Run over CICA (the embedded rule book and register), every example rule book with its
register, and three real histories of tests/audit/ where the exceptions occur (the CBD's COP
15 postponed to 2021: `late`; the IAEA's and UNESCO's numbering with gaps: `unknown`), each at a
few days T across its history. The same property held for the 72 rule
books of tests/audit/ at seven days each when it was written (session 19; 57 differences, all of
the two kinds above). A verdict that changed any other way would say that a closed window's
verdict depends on what happened after it, which no rule of README's "Semantics" allows.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
TODAY = "2026-12-01"
# the books: (rule book, register), CICA's and every example's with a register of its own
BOOKS = [(ROOT / "rules" / "cica.toml", ROOT / "examples" / "cica-meetings.csv")] + [
    (book, book.with_name(f"{book.stem}-meetings.csv")) for book in sorted((ROOT / "examples").glob("*.toml")) if book.with_name(f"{book.stem}-meetings.csv").exists()
] + [(ROOT / "tests" / "audit" / f"{name}.toml", ROOT / "tests" / "audit" / f"{name}-meetings.csv") for name in ("cbd-cop", "iaea-gc", "unesco-gc")]  # real histories where each exception occurs
PROBES = 4  # days T per book, spread over its register's years


def _check(book: Path, register: Path, today: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--rules", str(book), "--meetings", str(register), "--today", today, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _key(finding: dict) -> tuple:
    window = finding["window"] or {}
    return finding["body"], finding["rule"], window.get("start"), window.get("end")


def _evidence_of_later_records(then: dict, now: dict) -> bool:
    """The two ways a later record changes a closed window's verdict (the module's text)."""
    if then["verdict"] != "missed":
        return False
    return now["verdict"] == "late" or now["verdict"] == "unknown" and "the register numbers" in now["why"]


@pytest.mark.parametrize(("book", "register"), BOOKS, ids=[book.stem for book, _ in BOOKS])
def test_a_closed_windows_verdict_does_not_depend_on_what_came_after_it(tmp_path, book, register):
    now = {_key(f): f for f in _check(book, register, TODAY)["findings"]}
    rows = list(csv.reader(io.StringIO(register.read_text(encoding="utf-8"))))
    head, body = rows[0], [row for row in rows[1:] if row]
    start = head.index("start")
    years = sorted({int(row[start][:4]) for row in body})
    first, last = years[0] + 2, min(years[-1], int(TODAY[:4]))
    probes = sorted({first + (last - first) * i // (PROBES - 1) for i in range(PROBES)}) if last > first else [last]
    compared = 0
    for year in probes:
        then_register = tmp_path / f"{year}.csv"
        with then_register.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(head)
            writer.writerows(row for row in body if int(row[start][:4]) < year)
        day = f"{year}-01-01"
        for then in _check(book, then_register, day)["findings"]:
            deadline = then["deadline"] or (then["window"] or {}).get("end")
            if not deadline or deadline >= day or then["verdict"] == "open":
                continue  # a window not closed on T
            later = now.get(_key(then))
            assert later is not None, f"{book.name} as of {day}: {_key(then)} ({then['verdict']}: {then['why']}) is no window of the whole register"
            compared += 1
            if later["verdict"] != then["verdict"]:
                assert _evidence_of_later_records(then, later), f"{book.name}: {_key(then)} was {then['verdict']} as of {day} ({then['why']}), is {later['verdict']} as of {TODAY} ({later['why']})"
    assert compared or len(probes) == 1 or not now  # (a book whose windows all closed after its last probe compares none)


# -- a register read back from the feeds planner wrote of it is the same register -------------------

ROUND_TRIP = [*BOOKS, (ROOT / "tests" / "audit" / "eu-presidency.toml", ROOT / "tests" / "audit" / "eu-presidency-meetings.csv")]  # (a register of no meeting)


def _verdicts(out: dict) -> tuple[list[tuple], dict]:
    return sorted((f["body"], f["rule"], json.dumps(f["window"], sort_keys=True), f["verdict"]) for f in out["findings"]), out["summary"]


@pytest.mark.parametrize(("book", "register"), ROUND_TRIP, ids=[book.stem for book, _ in ROUND_TRIP])
def test_the_feed_of_a_register_read_back_as_the_register_gives_the_same_verdicts(tmp_path, book, register):
    """`planner ics --no-projected` of a register, its all.ics given back as `--meetings`: every
    finding's window and verdict the same, and the same totals. The feed is planner's own: its
    X-PLANNER properties carry what a meeting is (README, "The register": ".ics"). (A why may
    name fewer rows: the feeds hold one event of a number, a postponed row's later row standing
    for it, README, "planner project", so the CBD's COP 15 postponed from 2020 is not "Not
    counted" beside the 2021 one read back.) A register of
    no meeting gives a feed of no event, and that feed is the same empty register (it was
    refused, "has no VEVENT", exit 2; another program's calendar of no event still is)."""
    result = CliRunner().invoke(main, ["ics", "--rules", str(book), "--meetings", str(register), "--today", TODAY, "--no-projected", "--out", str(tmp_path / "feeds")])
    assert result.exit_code == 0, result.output
    assert _verdicts(_check(book, tmp_path / "feeds" / "all.ics", TODAY)) == _verdicts(_check(book, register, TODAY))
