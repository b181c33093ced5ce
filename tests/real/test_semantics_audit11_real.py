"""An eleventh audit of real organizations (tests/audit/), each rule book citing its instrument
in every rule's `source` and each register row its source, every expected answer worked out by
hand before the tool was run (the derivation in each test's docstring). The IAEA's General
Conference: a register that holds only the sessions the sources read here name, whose own
numbering shows the sessions between them were held (unknown, never missed), and a coverage
statement the numbering overrides. UNESCO's General Conference: an extraordinary session in
the year an ordinary one was due, and 36 years of unrecorded but numbered sessions. The IMO
Assembly: sessions known by their closing day only, and one held remotely."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import _invoke

AUDIT = Path(__file__).parent.parent / "audit"


def _files(name: str) -> list[str]:
    return ["--rules", str(AUDIT / f"{name}.toml"), "--meetings", str(AUDIT / f"{name}-meetings.csv")]


def _check(name: str, *args: str) -> dict:
    return json.loads(_invoke("check", *_files(name), *args, "--format", "json").stdout)


def _verdicts(out: dict) -> dict[str, str]:
    return {f["window"]["label"]: f["verdict"] for f in out["findings"]}


# -- IAEA: the General Conference (Statute art. V.A) ----------------------------------------------


def test_iaea_general_conference_every_year_the_numbering_fills_the_gaps():
    """Art. V.A: "regular annual session": at least once a calendar year, from the Statute's
    entry into force (1957-07-29; 1957 is no whole year, 1958 is the first). The register
    holds the 53rd (2009), 55th (2011), 56th (2012), 60th (2016), 62nd (2018, to the month),
    64th (2020), 66th (2022), 68th (2024) and 69th (2025). By hand, as of 2025-12-01: those 9
    years met. `records` says complete from 2009, but the numbering says otherwise: the 54th
    lies between the 53rd and 55th (2010), the 57th-59th between 2012 and 2016 (2013, 2014,
    2015), the 61st (2017), 63rd (2019), 65th (2021), 67th (2023): 8 years `unknown`, each
    naming the number that may have been held in it. 1958-2008 (51 years) are before the
    coverage: unknown. 59 unknown, no violation, exit 0."""
    out = _check("iaea-gc", "--today", "2025-12-01")
    got = _verdicts(out)
    met = {"2009", "2011", "2012", "2016", "2018", "2020", "2022", "2024", "2025"}
    assert got == {str(y): "met" if str(y) in met else "unknown" for y in range(1958, 2026)}
    (y2010,) = [f["why"] for f in out["findings"] if f["window"]["label"] == "2010"]
    assert "the 54th is not recorded and may have been held in this window" in y2010
    (y2014,) = [f["why"] for f in out["findings"] if f["window"]["label"] == "2014"]
    assert "the 57th to 59th are not recorded" in y2014
    (y2008,) = [f["why"] for f in out["findings"] if f["window"]["label"] == "2008"]
    assert "known complete only from 2009-01-01" in y2008
    assert out["summary"]["unknown"] == 59 and out["summary"]["violations"] == 0 and out["summary"]["exit_code"] == 0


def test_iaea_general_conference_projects_the_70th_in_september_for_five_days():
    """Next due: 2026, the 70th (the 69th is the register's latest). September (`months =
    [9]`), five days (`duration_days = 5`), on the median day the sessions given to the day
    opened on: 14, 19, 17, 26, 21, 26, 16, 15 (the 62nd is given to the month), sorted 14 15
    16 17 19 21 26 26: the lower median is the 17th. Five consecutive working days in Vienna
    start only on a Monday; the Monday nearest the 17th: 2026-09-17 is a Thursday, so Monday
    14 (3 days before; Monday 21 is 4 after): 14-18 September. 2027-09-17 is a Friday: Monday
    20 (3 after; 13 is 4 before): 20-24 September, the 71st. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: every session
    opened on a Monday, in the 2nd, 3rd, 3rd, 4th, 3rd, 4th, 3rd and 3rd weeks: the third
    Monday, 21-25 September 2026, and 20-24 September 2027."""
    out = json.loads(_invoke("project", *_files("iaea-gc"), "--today", "2025-12-01", "--to", "2027", "--format", "json").stdout)
    got = [(m["start"], m["end"], m["ordinal"], m["city"]) for m in out["meetings"]]
    assert got == [("2026-09-21", "2026-09-25", 70, "Vienna"), ("2027-09-20", "2027-09-24", 71, "Vienna")]


def test_iaea_general_conference_a_year_the_numbering_does_not_explain_is_missed(tmp_path):
    """The control: the 2011 session numbered the 54th instead of the 55th. Then no number is
    missing between the 53rd (2009) and it, and 2010, inside the coverage stated from 2009,
    holds no session the register could have left out: missed, a violation (exit 1). The
    sessions after it keep their numbers, so 2013-2015 (the 57th-59th) stay unknown."""
    rows = (AUDIT / "iaea-gc-meetings.csv").read_text(encoding="utf-8")
    (tmp_path / "m.csv").write_text(rows.replace("gc,regular,55,", "gc,regular,54,"), encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / "iaea-gc.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2025-12-01", "--format", "json").stdout)
    got = _verdicts(out)
    assert got["2010"] == "missed" and {got[y] for y in ("2013", "2014", "2015")} == {"unknown"}
    assert out["summary"]["violations"] == 1 and out["summary"]["exit_code"] == 1


# -- UNESCO: the General Conference (Constitution art. IV.9(a)) -----------------------------------


def test_unesco_general_conference_every_two_years_1982_late_by_the_extraordinary_session():
    """Art. IV.9(a): "ordinary session every two years", read as rolling `every 2y` of ordinary
    sessions (an extraordinary session does not count). By hand, as of 2025-12-01: the 20th
    (1978) makes 1980 due: the 21st (Belgrade, September 1980) met. 1982: only the fourth
    extraordinary session (23 November - 3 December 1982), not counted; the 22nd opened
    1983-10-25: 1 year late, a violation (the schedule moved to odd years). 1985 (the 23rd,
    Sofia, known to the year) and 1987 (the 24th) met. Then nothing until the 42nd (2023-11):
    the chain stays due every two years, 1989 ... 2021 (17 windows), and the 42nd answers the
    last of them, 2021, late; but the register numbers the 24th then the 42nd, so the 25th to
    41st were held somewhere in those years: all 17 `unknown`, not missed or late. 2025 (the
    43rd, Samarkand, 30 October) met; 2027 open. 1 violation, 17 unknown, exit 1."""
    out = _check("unesco-gc", "--today", "2025-12-01")
    odd = {str(y): "unknown" for y in range(1989, 2022, 2)}
    assert _verdicts(out) == {"1980": "met", "1982": "late", "1985": "met", "1987": "met", **odd, "2025": "met", "2027": "open"}
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "1 year" and "Not counted: GC 1982-11-23 (4th, Paris) (extraordinary" in late["why"]
    (y2021,) = [f["why"] for f in out["findings"] if f["window"]["label"] == "2021"]
    assert "Unknown, not late" in y2021 and "the 25th to 41st are not recorded" in y2021
    assert (out["summary"]["violations"], out["summary"]["unknown"], out["summary"]["exit_code"]) == (1, 17, 1)


def test_unesco_general_conference_projects_the_44th_in_october():
    """Next due 2027 (2 years after the 43rd, 2025), the 44th. Month: the median (lower) of the
    months the ordinary sessions opened in, given to the month or day (the 23rd, known only as
    1985, gives none): 10, 9, 10, 10, 11, 10 -> 9 10 10 10 10 11: October. Day: the median of
    the days given: 24, 23, 25, 20, 30 -> 20 23 24 25 30: the 24th. 2027-10-24 is a Sunday:
    Monday 25 (a day after; Friday 22 is two before). The 45th, 2029-10-24, a Wednesday."""
    out = json.loads(_invoke("project", *_files("unesco-gc"), "--today", "2025-12-01", "--to", "2029", "--format", "json").stdout)
    assert [(m["start"], m["ordinal"], m["city"]) for m in out["meetings"]] == [("2027-10-25", 44, "Paris"), ("2029-10-24", 45, "Paris")]


# -- IMO: the Assembly (Convention art. 18) -------------------------------------------------------


def test_imo_assembly_once_every_two_years_from_2009():
    """Art. 18: "Regular sessions ... once every two years", rolling `every 2y` from 2009, where
    the register begins. By hand, as of 2025-12-10: the 26th (2009) makes 2011 due, and so on:
    2011, 2013, ..., 2025 met (8); the 28th-31st are given to the year with their closing day
    (the year decides: met); the 32nd opened 2021-12-06, remotely: the Convention names no
    format, met. 2027 open. No violation. Next: the 35th in 2027, November (the months given:
    11, 11, 12, 11, 11), on the median day given, 23 (6, 21, 23, 24, 27): 2027-11-23, a
    Tuesday; the 36th 2029-11-23, a Friday. Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the sessions
    known to the day opened on Mondays, November's in the fourth week: Monday 2027-11-22 and
    Monday 2029-11-26."""
    out = _check("imo-assembly", "--today", "2025-12-10")
    assert _verdicts(out) == {**{str(y): "met" for y in range(2011, 2026, 2)}, "2027": "open"}
    assert out["summary"]["violations"] == 0
    meetings = json.loads(_invoke("project", *_files("imo-assembly"), "--today", "2025-12-10", "--to", "2029", "--format", "json").stdout)["meetings"]
    assert [(m["start"], m["ordinal"]) for m in meetings] == [("2027-11-22", 35), ("2029-11-26", 36)]


def test_imo_assembly_a_session_slipping_into_january_is_a_year_late(tmp_path):
    """The control: had the 32nd been put off from December 2021 to 2022-01-10, 2021 (due after
    the 31st, 2019) would be met late, by 1 year (calendar years: the delay counts from the due
    year); then 2024 is due (2 years after 2022), met early by the 33rd (2023), and 2025 (2
    years after 2023) by the 34th; 2027 open. One violation."""
    rows = (AUDIT / "imo-assembly-meetings.csv").read_text(encoding="utf-8").replace("assembly,regular,32,2021-12-06,2021-12-15", "assembly,regular,32,2022-01-10,2022-01-19")
    (tmp_path / "m.csv").write_text(rows, encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / "imo-assembly.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2025-12-10", "--format", "json").stdout)
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert (late["window"]["label"], late["delay"]) == ("2021", "1 year") and out["summary"]["violations"] == 1
    assert [label for label, v in _verdicts(out).items() if label > "2021"] == ["2024", "2025", "2027"]
