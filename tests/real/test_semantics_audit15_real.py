"""A fifteenth audit of real organizations (tests/audit/), each rule book citing its instrument
in every rule's `source` and each register row its source, every expected answer worked out by
hand before the tool was run (the derivation in each test's docstring). The ECB Governing
Council: a customary cadence changed in 2014 from monthly to a six-week cycle (two versions of
one rule, `until`/`since`, a month become a year), an unscheduled meeting in March 2020 that
counts for nothing, and a register complete for five years of twenty-eight. The European
Parliament: twelve Strasbourg part-sessions a year (Protocol No 6), two in one month, the
sessions of 2020 moved to Brussels. The Euro Summit: at least twice a year (TSCG art. 12(3)),
the emergency summits of 2015 counting."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.semantics.test_semantics_audit5 import _invoke

AUDIT = Path(__file__).parent.parent / "audit"


def _files(name: str) -> list[str]:
    return ["--rules", str(AUDIT / f"{name}.toml"), "--meetings", str(AUDIT / f"{name}-meetings.csv")]


def _check(name: str, *args: str) -> dict:
    return json.loads(_invoke("check", *_files(name), *args, "--format", "json").stdout)


def _text(name: str, *args: str) -> str:
    """The text report of ``check``, its lines joined as one."""
    return " ".join(_invoke("check", *_files(name), *args).stdout.split())


def _by_rule(out: dict) -> dict[int, dict[str, str]]:
    """Each rule's index -> window label -> verdict."""
    rules: dict[int, dict[str, str]] = {}
    for f in out["findings"]:
        rules.setdefault(f["rule"], {})[f["window"]["label"]] = f["verdict"]
    return rules


def _why(out: dict, rule: int, label: str) -> str:
    (why,) = [f["why"] for f in out["findings"] if f["rule"] == rule and f["window"]["label"] == label]
    return why


def _projected(name: str, *args: str) -> list[str]:
    out = json.loads(_invoke("project", *_files(name), *args, "--format", "json").stdout)
    return [m["start"] for m in out["meetings"]]


# -- ECB Governing Council: monthly until 2014, every six weeks from 2015 --------------------------

ECB = "ecb-governing-council"


def test_ecb_monthly_until_2014_judged_by_the_month():
    """Version 1 (`until = 2014-12-31`), customary: a monetary policy meeting each month from
    1 January 1999. By hand, as of 2026-12-01, the register complete for 2014-2016, 2020 and
    2025: 1999-01 to 2013-12, 180 months with nothing recorded before the coverage: unknown,
    never an advisory; 2014, twelve months each holding its meeting (9 January ... 4 December,
    Brussels in May, Naples in October): met. No window of this version after 2014-12."""
    out = _check(ECB, "--today", "2026-12-01")
    got = _by_rule(out)[0]
    months = [f"{y}-{m:02d}" for y in range(1999, 2015) for m in range(1, 13)]
    assert got == {m: "unknown" for m in months} | {f"2014-{m:02d}": "met" for m in range(1, 13)}
    assert _why(out, 0, "2014-10") == "2014-10: 1 of 1 required, at least once a month: Governing Council 2014-10-02 (Naples)."
    assert "Unknown, not advisory: the register is known complete only 2014-01-01..2016-12-31, 2020-01-01..2020-12-31 and 2025-01-01..2025-12-31." in _why(out, 0, "2013-12")


def test_ecb_six_week_cycle_from_2015_judged_by_the_year():
    """Version 2 (`since = 2015-01-01`), customary: eight a calendar year. January 2015 lies in
    the year 2015, the first window of the new version (a window belongs to the version in force
    on its first day), not in a month of the old one. By hand: 2015 (eight, from 22 January;
    Nicosia in March, Malta in October), 2016: met; 2017-2019 and 2021-2024, nothing recorded,
    outside the coverage: unknown; 2020: eight scheduled meetings, met, the unscheduled
    teleconference of 18 March (kind extraordinary: the PEPP) named as not counted; 2025: met;
    2026: open, eight due by 31 December as far as the register shows (2026 is not transcribed)."""
    out = _check(ECB, "--today", "2026-12-01")
    got = _by_rule(out)[1]
    met = {"2015", "2016", "2020", "2025"}
    assert got == {str(y): "met" if str(y) in met else "unknown" for y in range(2015, 2026)} | {"2026": "open"}
    why = _why(out, 1, "2020")
    assert why.startswith("2020: 8 of 8 required, at least 8 times a year: Governing Council 2020-01-23 (Frankfurt am Main), Governing Council 2020-03-12 (Frankfurt am Main), Governing Council 2020-04-30, ")
    assert why.endswith("Not counted: Governing Council 2020-03-18 (extraordinary: this rule counts regular meetings).")
    assert _why(out, 1, "2026") == (
        "2026: 8 still due by 2026-12-31, at least 8 times a year. Still due as far as the register shows: the register is "
        "known complete only 2014-01-01..2016-12-31, 2020-01-01..2020-12-31 and 2025-01-01..2025-12-31."
    )


def test_ecb_no_monthly_window_in_january_2015_under_the_six_week_cycle():
    """As of 20 January 2015, two days before the first meeting of the six-week cycle: the
    monthly version ended with December 2014 (every month of 2014 met), and January 2015 is
    no window of it; the year 2015 is open under the new version, 8 due by 31 December, the
    register's rows after that day listed as scheduled, not held."""
    out = _check(ECB, "--today", "2015-01-20")
    got = _by_rule(out)
    assert "2015-01" not in got[0] and [m for m in got[0] if m.startswith("2014")] == [f"2014-{m:02d}" for m in range(1, 13)]
    assert got[1] == {"2015": "open"}
    assert _why(out, 1, "2015").startswith("2015: 8 still due by 2015-12-31, at least 8 times a year; scheduled: Governing Council 2015-01-22 (Frankfurt am Main), ")


def test_ecb_text_names_both_versions_of_the_rule():
    """The text summary gives the version in force and the one before it, with its years."""
    out = _check(ECB, "--today", "2026-12-01")
    assert Counter(f["verdict"] for f in out["findings"]) == {"met": 16, "unknown": 187, "open": 1}
    text = _text(ECB, "--today", "2026-12-01")
    assert "in practice 8 times a year (customary) (since 2015-01-01; 1999 to 2014: in practice once a month (customary))" in text


def test_ecb_projects_the_six_week_cycle_months_on_the_usual_day():
    """project, as of 2026-12-01 to 2027. The day in each month: the lower median of the
    scheduled meetings' days in that month (twenty-first pass; the 9th of all 44 days was a
    day of none of the cycle's months): January 9 21 22 23 30, the 22nd; March 5 6 6 10 12, the
    6th; April 3 15 17 21 30, the 17th; June 2 3 4 5 5, the 4th; July 3 16 16 21 24, the 16th;
    September 3 4 8 10 11, the 8th; October 2 20 22 29 30, the 22nd; December 3 4 8 10 18, the
    8th. 2027, the nearest working day in Germany where that day is a weekend (forward first,
    then back): Friday 22 January, Saturday 6 March to Friday the 5th, Saturday 17 April to
    Friday the 16th, Friday 4 June, Friday 16 July, Wednesday 8 September, Friday 22 October,
    Wednesday 8 December. 2026: eight still due
    and only December left, with one preferred day in it: spread evenly over 2-31 December
    (the middles of eight equal parts: 3, 7, 11, 15, 18, 22, 26, 30), 26 December (a holiday,
    then a Sunday) moved to Monday the 28th."""
    got = _projected(ECB, "--today", "2026-12-01", "--to", "2027")
    assert got == [
        "2026-12-03", "2026-12-07", "2026-12-11", "2026-12-15", "2026-12-18", "2026-12-22", "2026-12-28", "2026-12-30",
        "2027-01-22", "2027-03-05", "2027-04-16", "2027-06-04", "2027-07-16", "2027-09-08", "2027-10-22", "2027-12-08",
    ]


# -- European Parliament: Protocol (No 6), twelve Strasbourg part-sessions a year ---------------

EP = "european-parliament"


def test_european_parliament_twelve_strasbourg_part_sessions_2020_missed():
    """Protocol (No 6), sole article (a), binding: twelve part-sessions in Strasbourg a calendar
    year, from the Edinburgh decision of 12 December 1992 (the first whole year: 1993). By hand,
    as of 2026-12-01, the register complete for 2020 only. 1993-2018: nothing recorded,
    unknown. 2019, the election year: twelve, two in March, two in July (the constitutive
    session, 2-4 July, and 15-18 July), two in October: met. 2020: January and February in
    Strasbourg, then none: the March and September part-sessions there cancelled, every other
    sitting held in Brussels (additional, `special`) or called at short notice (26 March and 23
    July, `extraordinary`): 2 of 12, in a year known complete: missed, the one violation; the
    Protocol has no exception to excuse it. 2021: the return to Strasbourg in June alone, in a
    year not known complete: unknown, not missed. 2022-2025 unknown; 2026 open, twelve due."""
    out = _check(EP, "--today", "2026-12-01")
    expected = {str(y): "unknown" for y in range(1993, 2026)} | {"2019": "met", "2020": "missed", "2026": "open"}
    assert _by_rule(out)[0] == expected
    why = _why(out, 0, "2020")
    assert why.startswith("2020: 2 of 12 required (at least 12 times a year); held: Plenary 2020-01 (Strasbourg), Plenary 2020-02 (Strasbourg). Not counted: ")
    assert "Plenary 2020-03 (Strasbourg) (cancelled); Plenary 2020-03 (Brussels) (special: this rule counts regular meetings); Plenary 2020-03-26 (Brussels) (extraordinary: this rule counts regular meetings)" in why
    assert why.count("(special: this rule counts regular meetings)") == 12 and why.count("(cancelled)") == 2
    assert "Plenary 2019-07-02 (Strasbourg), Plenary 2019-07-15 (Strasbourg)" in _why(out, 0, "2019")
    assert "Problems missed Plenary part-sessions, 2020: 2 of 12 required" in _text(EP, "--today", "2026-12-01")
    assert _why(out, 0, "2021") == (
        "2021: 1 of 12 required (at least 12 times a year); held: Plenary 2021-06-07 (Strasbourg). "
        "Unknown, not missed: the register is known complete only 2020-01-01..2020-12-31."
    )


def test_european_parliament_2020_open_not_missed_before_the_year_ends():
    """As of 1 June 2020, the Strasbourg sessions already moved to Brussels: 2020 is still
    open, 2 held and 10 still due by 31 December, never missed before its window closes;
    1993-2018 unknown, 2019 met; no violation: exit 0."""
    out = _check(EP, "--today", "2020-06-01")
    assert _by_rule(out)[0] == {str(y): "unknown" for y in range(1993, 2019)} | {"2019": "met", "2020": "open"}
    assert _why(out, 0, "2020").startswith(
        "2020: 2 held (Plenary 2020-01 (Strasbourg), Plenary 2020-02 (Strasbourg)); 10 still due by 2020-12-31, at least 12 times a year."
    )
    assert out["summary"]["exit_code"] == 0


def test_european_parliament_projects_four_day_part_sessions_near_the_seventh():
    """project, as of 2026-12-01 to 2027: part-sessions of four working days in France, in the
    twelve months of the rule book (two in October), on the lower median of the days the
    register gives in that month (twenty-first pass): July 2 and 15, the 2nd; June 7; the
    other months none, so of all three (2 July 2019, 15 July 2019, 7 June 2021): the 7th, each
    moved to the nearest
    day opening four working days (forward first, then back): 5-8 January (the 7th a Thursday),
    8-11 February, 8-11 March, 6-9 April, 10-13 May (Ascension on 6 May, 8 May a Saturday), 7-10
    June, 5-8 July (Friday the 2nd opens no four working days: Thursday the 1st and Wednesday
    30 June neither; Monday the 5th, three on, does), 7-10 September, 5-8 October and the
    budget session after it, 11-14 October,
    2-5 November (11 November, Armistice Day, blocks the 8th to the 11th), 7-10 December."""
    got = _projected(EP, "--today", "2026-12-01", "--to", "2027")
    assert got == [
        "2027-01-05", "2027-02-08", "2027-03-08", "2027-04-06", "2027-05-10", "2027-06-07",
        "2027-07-05", "2027-09-07", "2027-10-05", "2027-10-11", "2027-11-02", "2027-12-07",
    ]


def test_european_parliament_twelve_part_sessions_left_for_december_say_how_many_fit():
    """project, as of 2026-12-01: the twelve part-sessions of 2026 are still due as far as the
    register shows, and December is left. By hand, the days of December 2026 that open four
    working days in France: Monday 7 and Tuesday 8, Monday 14 and Tuesday 15, Monday 21 (to
    Thursday 24), Monday 28 (to Thursday 31); side by side, at most four fit (7, 14, 21, 28).
    Nothing is projected, and the Problem says how many fit, not that only those four days could
    open one (the 8th and the 15th could, beside none of the four)."""
    out = json.loads(_invoke("project", *_files(EP), "--today", "2026-12-01", "--to", "2027", "--format", "json").stdout)
    assert not [m for m in out["meetings"] if m["start"] < "2027"]
    assert [p["message"] for p in out["problems"] if p["window"] == "2026"] == [
        "Plenary part-sessions: 12 meetings of 4 consecutive working days in France do not fit in 2026-12-02..2026-12-31 "
        "(at least 12 times a year): at most 4 fit there (opening 2026-12-07, 2026-12-14, 2026-12-21, 2026-12-28); "
        "nothing was projected for 2026."
    ]



# -- Euro Summit: TSCG art. 12(3), at least twice a year, every meeting counting -------------------

EURO = "euro-summit"


def test_euro_summit_twice_a_year_the_emergency_summits_count():
    """TSCG art. 12(3), binding: "when necessary, and at least twice a year", from the Treaty's
    entry into force on 1 January 2013 (`established`, a whole year: 2013 is the first window).
    Every meeting counts (`counts` regular and extraordinary). By hand, as of 2026-12-01, the
    register complete for 2015 only. 2013, 2016, 2020-2025: nothing recorded, unknown. 2014 (24
    October) and 2017 (15 December): 1 of 2, in years not known complete: unknown, not missed.
    2015: the three emergency summits on Greece (22 June, 7 July, 12-13 July through the night):
    met, though none is regular. 2018 (three) and 2019 (two): met. 2026: open, 2 due."""
    out = _check(EURO, "--today", "2026-12-01")
    assert _by_rule(out)[0] == {str(y): "unknown" for y in range(2013, 2026)} | {"2015": "met", "2018": "met", "2019": "met", "2026": "open"}
    assert _why(out, 0, "2015") == (
        "2015: 3 held (2 required), at least twice a year: Euro Summit 2015-06-22 (Brussels), "
        "Euro Summit 2015-07-07 (Brussels), Euro Summit 2015-07-12 (Brussels)."
    )
    assert _why(out, 0, "2017") == (
        "2017: 1 of 2 required (at least twice a year); held: Euro Summit 2017-12-15 (Brussels). "
        "Unknown, not missed: the register is known complete only 2015-01-01..2015-12-31."
    )
    assert "Euro Summit at least twice a year, counting regular and extraordinary meetings" in _text(EURO, "--today", "2026-12-01")


def test_euro_summit_projects_june_and_december_on_their_own_days():
    """project, as of 2026-12-01 to 2027. The habits come from the regular summits (October
    2014; December 2017; March, June, December 2018; June, December 2019): months 3 6 6 10 12
    12 12, two picks, the medians of two equal shares: June and December (by turn, twenty-first
    pass: 2019's June and December, the others' nearest, the same); each month's day, the lower
    median of its summits' days: June 21 29, the 21st; December 13 14 15, the 14th. 2027:
    Monday 21 June, Tuesday 14 December. 2026: two still
    due in 2-31 December, no preferred months: the middles of two equal halves, Wednesday 9
    and Thursday 24 December (no public holiday in Belgium). Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: every Euro
    Summit known to the day met on a Friday: Friday 18 June and Friday 10 December 2027."""
    assert _projected(EURO, "--today", "2026-12-01", "--to", "2027") == ["2026-12-09", "2026-12-24", "2027-06-18", "2027-12-10"]


@pytest.mark.parametrize(
    ("name", "totals", "judged", "last"),
    [
        # ECB: 192 months and 11 years judged, 2026 open; no violation, no advisory: exit 0
        (ECB, (0, 0, 187, 1, 0), "203 judged: 16 met, 187 unknown; open: 2026 (8 due by 2026-12-31)",
         "1 body · 0 violations · 0 advisories · 1 open window · 187 unknown · exit 0"),
        # EP: 33 years judged, 2020 missed, 2026 open: exit 1
        (EP, (1, 0, 31, 1, 1), "33 judged: 1 met, 1 missed, 31 unknown; open: 2026 (12 due by 2026-12-31)",
         "1 body · 1 violation · 0 advisories · 1 open window · 31 unknown · exit 1"),
        # Euro Summit: 13 years judged, 2026 open: exit 0
        (EURO, (0, 0, 10, 1, 0), "13 judged: 3 met, 10 unknown; open: 2026 (2 due by 2026-12-31)",
         "1 body · 0 violations · 0 advisories · 1 open window · 10 unknown · exit 0"),
    ],
)
def test_whole_check_in_json_and_text(name: str, totals: tuple[int, ...], judged: str, last: str):
    """Each organization's whole check as of 2026-12-01, by hand: the JSON summary's violations,
    advisories, unknown, open and exit code, and the text's line for the body and its last line."""
    out = _check(name, "--today", "2026-12-01")
    assert tuple(out["summary"][k] for k in ("violations", "advisories", "unknown", "open", "exit_code")) == totals
    assert out["summary"]["uncertain"] == 0
    text = _text(name, "--today", "2026-12-01")
    assert judged in text
    assert text.endswith(last)


def test_a_rule_counting_other_kinds_says_which_in_its_summary():
    """Noticed on the Swiss Federal Assembly (tests/audit/, audit 14): its three customary
    readings read "in practice 4 times a year", "once a quarter" and "once a year", and the
    third, the National Council's special session, counts only `special` meetings: the text's
    "also open: 2026 (in practice once a year (customary); 1 due ...)" did not say which
    meetings were due. A rule counting kinds other than the default (regular alone) names them;
    one counting regular meetings alone stays as it was."""
    text = " ".join(_invoke("check", "--rules", str(AUDIT / "swiss-federal-assembly.toml"), "--meetings",
                            str(AUDIT / "swiss-federal-assembly-meetings.csv"), "--today", "2026-12-01").stdout.split())
    assert "also open: 2026 (in practice once a year (customary), counting special meetings; 1 due by 2026-12-31)" in text
    assert "open: 2026 (in practice 4 times a year (customary); 4 due by 2026-12-31)" in text
