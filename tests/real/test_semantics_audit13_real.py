"""A thirteenth audit of real organizations (tests/audit/), each rule book citing its instrument
in every rule's `source` and each register row its source, every expected answer worked out by
hand before the tool was run (the derivation in each test's docstring). The INTERPOL General
Assembly: a yearly session postponed from 2020 to 2021 under its number, and a register
transcribed only from 2015 under a rule in force since 1956. The Universal Postal Congress: a
rolling four years measured from the end of the preceding Congress's year, extraordinary
Congresses beside it, the 27th postponed a year, and a rule whose text took effect after the
Congress it measures from. The FAO Conference: a rule changed from yearly to a grid of odd years
(two versions sharing an `id`), special sessions numbered in the regular sequence, and a
register complete for 1945-1951 and from 2007 only. The ECOWAS Authority: a binding "at least once
a year" beside the customary two ordinary sessions, an ordinary session held in January, and
extraordinary summits that count for neither. The ICAO Assembly: "annually" become "not less
than once in three years" (an `at_least` and a rolling `every` sharing an `id`), a rolling chain
run through 42 years the register does not cover."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import _invoke

AUDIT = Path(__file__).parent.parent / "audit"


def _files(name: str, rules: Path | None = None) -> list[str]:
    return ["--rules", str(rules or AUDIT / f"{name}.toml"), "--meetings", str(AUDIT / f"{name}-meetings.csv")]


def _check(name: str, *args: str, rules: Path | None = None) -> dict:
    return json.loads(_invoke("check", *_files(name, rules), *args, "--format", "json").stdout)


def _project(name: str, *args: str) -> list[tuple[str, int | None]]:
    out = json.loads(_invoke("project", *_files(name), *args, "--format", "json").stdout)
    return [(m["start"], m["ordinal"]) for m in out["meetings"]]


def _text(name: str, *args: str) -> str:
    """The text report, its lines joined as one."""
    return " ".join(_invoke("check", *_files(name), *args).stdout.split())


def _counts(out: dict, *keys: str) -> tuple[int, ...]:
    """The summary's counts under ``keys``, in that order."""
    return tuple(out["summary"][k] for k in keys)


def _verdicts(out: dict) -> dict[str, str]:
    return {f["window"]["label"]: f["verdict"] for f in out["findings"]}


def _why(out: dict, label: str) -> str:
    (why,) = [f["why"] for f in out["findings"] if f["window"]["label"] == label]
    return why


def _excusing(tmp_path: Path, name: str, since: str, reason: str) -> Path:
    """The rule book with 2020 excused, as a secretariat reading the postponement as an excuse writes it."""
    book = (AUDIT / f"{name}.toml").read_text(encoding="utf-8")
    assert book.count(f"since = {since}\n") == 1
    path = tmp_path / f"{name}.toml"
    path.write_text(book.replace(f"since = {since}\n", f'since = {since}\nexcused = [{{ start = 2020, end = 2020, reason = "{reason}" }}]\n'), encoding="utf-8")
    return path


# -- INTERPOL: the General Assembly (Constitution art. 10) -----------------------------------------


def test_interpol_general_assembly_every_year_2020_missed_by_the_postponed_89th():
    """Art. 10: "ordinary session every year": at least once a calendar year from the
    Constitution's entry into force (13 June 1956; 1957 is the first whole year). By hand, as of
    2026-12-01: 1957-2014 (58 years) lie before the register's coverage (complete 2015-2025),
    with nothing recorded: unknown, not missed. 2015-2019: the 84th to 88th, met. 2020: only the
    89th's postponed row (Montevideo), which was not held: nothing counts, and 2020 is inside the
    coverage: missed, the one violation. 2021: the 89th held in Istanbul (23 November) under its
    number: met. 2022-2025: the 90th to 93rd, met (the 91st, Vienna, ran to 1 December: it opened
    in 2023). 2026: nothing recorded yet, open until 31 December. Exit 1."""
    out = _check("interpol-ga", "--today", "2026-12-01")
    met = {str(y) for y in (2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025)}
    expected = {str(y): "unknown" for y in range(1957, 2015)} | {y: "met" for y in met} | {"2020": "missed", "2026": "open"}
    assert _verdicts(out) == expected
    assert "Not counted: GA 2020 (89th, Montevideo) (postponed)." in _why(out, "2020")
    assert "GA 2021-11-23 (89th, Istanbul)" in _why(out, "2021")
    assert "known complete only 2015-01-01..2025-12-31" in _why(out, "1957")
    assert _counts(out, "violations", "unknown", "open", "exit_code") == (1, 58, 1, 1)


def test_interpol_general_assembly_in_text_says_the_same():
    """The text report of the same check: 69 windows judged (10 met, 1 missed, 58 unknown), 2026
    open, and the one Problem is 2020 naming the postponed 89th."""
    result = _invoke("check", *_files("interpol-ga"), "--today", "2026-12-01")
    text = " ".join(result.stdout.split())
    assert "69 judged: 10 met, 1 missed, 58 unknown; open: 2026 (1 due by 2026-12-31)" in text
    assert "missed General Assembly, 2020: 0 of 1 required (at least once a year); no counting meeting recorded. Not counted: GA 2020 (89th, Montevideo) (postponed)." in text
    assert text.endswith("1 body · 1 violation · 0 advisories · 1 open window · 58 unknown · exit 1")
    assert result.exit_code == 1


def test_interpol_general_assembly_2020_excused_when_the_rule_book_says_so(tmp_path):
    """The control: the rule book excusing 2020 ("89th session postponed") makes 2020 excused,
    not a violation; the other windows are as before. Exit 0."""
    rules = _excusing(tmp_path, "interpol-ga", "1956-06-13", "89th session postponed (COVID-19)")
    out = _check("interpol-ga", "--today", "2026-12-01", rules=rules)
    assert _verdicts(out)["2020"] == "excused" and "89th session postponed" in _why(out, "2020")
    assert _counts(out, "violations", "excused", "exit_code") == (0, 1, 0)


def test_interpol_general_assembly_a_plan_left_unmarked_is_superseded_by_the_held_89th(tmp_path):
    """The control: a register that never marked the Montevideo plan postponed (the 2020 row
    left `planned`, its dates long past). The 89th held in Istanbul in 2021 is the same
    meeting (one number), and a planned row beside a held one is a plan the held row
    superseded (README, "A number identifies one meeting"): not an unconfirmed meeting that
    may have been held in 2020. 2020 stays missed, 2021 met by the 89th; exit 1, as before."""
    rows = (AUDIT / "interpol-ga-meetings.csv").read_text(encoding="utf-8")
    assert rows.count("ga,regular,89,2020,,postponed,") == 1
    (tmp_path / "m.csv").write_text(rows.replace("ga,regular,89,2020,,postponed,", "ga,regular,89,2020,,planned,"), encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / "interpol-ga.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2026-12-01", "--format", "json").stdout)
    got = _verdicts(out)
    assert (got["2020"], got["2021"]) == ("missed", "met")
    assert "Not counted: GA 2020 (89th, Montevideo) (the same number as GA 2021-11-23 (89th, Istanbul): one meeting, counted there)." in _why(out, "2020")
    assert _counts(out, "violations", "uncertain", "exit_code") == (1, 0, 1)


def _interpol_89th(tmp_path: Path, istanbul: str) -> list[str]:
    """The register as a secretariat may have kept it on 2021-06-30: the Montevideo plan of the
    89th never marked postponed (2020, `planned`), and the Istanbul row (23-25 November 2021)
    recorded ``istanbul`` (`held`: a register written later; `planned`: as it stood)."""
    rows = (AUDIT / "interpol-ga-meetings.csv").read_text(encoding="utf-8")
    rows = rows.replace("ga,regular,89,2020,,postponed,", "ga,regular,89,2020,,planned,").replace("ga,regular,89,2021-11-23,2021-11-25,held,", f"ga,regular,89,2021-11-23,2021-11-25,{istanbul},")
    assert rows.count(",89,") == 2 and rows.count("planned,") == (2 if istanbul == "planned" else 1)
    (tmp_path / "m.csv").write_text(rows, encoding="utf-8")
    return ["--rules", str(AUDIT / "interpol-ga.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2021-06-30"]


def test_a_plan_still_to_come_is_the_meeting_its_number_names_not_the_plan_that_passed(tmp_path):
    """Both rows of the 89th `planned`, as of 2021-06-30. One number is one meeting; the
    Montevideo plan's year passed unconfirmed while the Istanbul plan is still to come: the
    89th was re-planned for 23-25 November 2021 (it cannot be held twice), so the 2020 row is
    the superseded plan. 2020 (inside the coverage 2015-2025): nothing else recorded, missed;
    2021: open, scheduled by the planned 89th. It said 2020 `uncertain` (the earliest plan
    taken for the meeting) and 2021 "1 still due" with nothing scheduled, while project, asked
    to fill the windows check calls open, added a General Assembly on 2021-11-18, five days
    before the planned 89th (DESIGN: only what the register does not already satisfy is
    projected). Now project adds nothing in 2021."""
    args = _interpol_89th(tmp_path, "planned")
    out = json.loads(_invoke("check", *args, "--format", "json").stdout)
    got = _verdicts(out)
    assert (got["2020"], got["2021"]) == ("missed", "open")
    assert "Not counted: GA 2020 (89th, Montevideo) (the same number as GA 2021-11-23 (89th, Istanbul): one meeting, planned there)." in _why(out, "2020")
    assert "scheduled: GA 2021-11-23 (89th, Istanbul)" in _why(out, "2021")
    projected = json.loads(_invoke("project", *args, "--to", "2021", "--format", "json").stdout)
    assert [(m["start"], m["status"]) for m in projected["meetings"]] == [("2021-11-23", "planned")]


def test_a_row_recorded_held_after_today_is_scheduled_alike_in_check_and_project(tmp_path):
    """The 2020 row `planned`, the Istanbul 89th recorded `held` (a register written later),
    as of 2021-06-30. A held row supersedes a plan of its number whatever day it is read on,
    and opening after --today it names its days: scheduled, not yet met. check: 2020 missed
    (the Montevideo plan superseded), 2021 open and scheduled by the 89th, the text summary
    naming it; exit 1 (2020). project: nothing projected in 2021 (the 89th fills it), the row
    shown as recorded held. check said 2021 open with "1 still due" and nothing scheduled (the
    89th taken to be the 2020 plan) while project projected nothing for it and raised no
    Problem: the two now read the register alike."""
    args = _interpol_89th(tmp_path, "held")
    out = json.loads(_invoke("check", *args, "--format", "json").stdout)
    got = _verdicts(out)
    assert (got["2020"], got["2021"]) == ("missed", "open")
    assert "scheduled: GA 2021-11-23 (89th, Istanbul)" in _why(out, "2021")
    assert _counts(out, "violations", "uncertain", "open", "exit_code") == (1, 0, 1, 1)
    text = " ".join(_invoke("check", *args).stdout.split())
    assert "open: 2021 (89th planned, Istanbul, 2021-11-23, scheduled)" in text
    projected = json.loads(_invoke("project", *args, "--to", "2021", "--format", "json").stdout)
    assert [(m["start"], m["status"]) for m in projected["meetings"]] == [("2021-11-23", "held")]


def test_interpol_general_assembly_projects_the_94th_before_the_year_ends():
    """Next due: 2026 is open as of 2026-12-01 and nothing is recorded in it. The month: the lower
    median of the months the sessions opened in (the postponed row excluded): 9, 10, 10, 11 x 7:
    November; the day: the lower median of the days, 2 4 7 15 18 18 23 24 26 28: the 18th.
    2026-11-18 has passed: the first working day after --today, Wednesday 2 December, in Lyon (no
    host is known for an invitation not yet made), the 94th. 2027-11-18 is a Thursday: the 95th;
    2028-11-18 is a Saturday: Friday 17 (a day before; Monday 20 is two after), the 96th."""
    assert _project("interpol-ga", "--today", "2026-12-01", "--to", "2028") == [
        ("2026-12-02", 94),
        ("2027-11-18", 95),
        ("2028-11-17", 96),
    ]


# -- UPU: the Universal Postal Congress (General Regulations art. 101.1) --------------------------


def test_upu_congress_four_years_after_the_preceding_year_2021_late():
    """Art. 101.1 (Bucharest 2004 text, in force 2006-01-01): "not later than four years after the
    end of the year in which the preceding Congress took place": rolling `every 4y` on calendar
    years. By hand, as of 2026-12-01. The 23rd (Bucharest, 2004) was held under the earlier text,
    which is not transcribed: the window after it opens in October 2004, when this rule was not in
    force, and DESIGN gives a window to "the rule in force on its first day", so no rule here
    judges it; the chain starts four years after the rule took effect: 2010, met by the 24th
    (Geneva, 2008; my first hand answer, "2008 met", measured from 2004 as the text does: the
    verdict is the same, the window's label is the engine's). 2012 met (25th, Doha), 2016 met
    (26th, Istanbul). 2020: the 2nd and 3rd Extraordinary Congresses (2018, 2019) do not count,
    the 27th's row of August 2020 is postponed; the 27th opened in Abidjan on 2021-08-09: late,
    1 year. 2025: four years after 2021, the 28th (Dubai, known to the month: September 2025)
    met; the 4th Extraordinary Congress (Riyadh 2023) is named, not counted. 2029 open. Exit 1."""
    out = _check("upu-congress", "--today", "2026-12-01")
    assert _verdicts(out) == {"2010": "met", "2012": "met", "2016": "met", "2020": "late", "2025": "met", "2029": "open"}
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "1 year"
    assert "Congress 2020-08 (27th, Abidjan) (postponed)" in late["why"]
    assert "Congress 2018-09-03 (2nd, Addis Ababa) (extraordinary: this rule counts regular meetings)" in late["why"]
    assert "4 years after the rule took effect (2006-01-01): Congress 2008-07-23 (24th, Geneva)" in _why(out, "2010")
    assert "Not counted: Congress 2023-10-01 (4th, Riyadh) (extraordinary" in _why(out, "2025")
    assert _counts(out, "violations", "open", "exit_code") == (1, 1, 1)


def test_upu_congress_in_text_says_the_same():
    """The text report: 5 judged (4 met, 1 late), 2029 open, and the late 27th as the Problem."""
    result = _invoke("check", *_files("upu-congress"), "--today", "2026-12-01")
    text = " ".join(result.stdout.split())
    assert "5 judged: 4 met, 1 late (due 2020, held 2021-08-09); open: 2029 (1 due by 2029-12-31)" in text
    assert "late Universal Postal Congress, due 2020 (4 years after the 26th Congress (2016-09-20)), held Congress 2021-08-09 (27th, Abidjan): 1 year late." in text
    assert text.endswith("1 body · 1 violation · 0 advisories · 1 open window · exit 1")


def test_upu_congress_2020_excused_the_chain_goes_on_from_abidjan(tmp_path):
    """The control: 2020 excused in the rule book. The 27th still answers 2020 (excused, not a
    violation), and the chain goes on from it: 2025 (four years after 2021) met by the 28th;
    2029 open. Exit 0."""
    rules = _excusing(tmp_path, "upu-congress", "2006-01-01", "27th Congress postponed (COVID-19)")
    out = _check("upu-congress", "--today", "2026-12-01", rules=rules)
    assert _verdicts(out) == {"2010": "met", "2012": "met", "2016": "met", "2020": "excused", "2025": "met", "2029": "open"}
    assert _counts(out, "violations", "excused", "exit_code") == (0, 1, 0)


def test_upu_congress_projects_the_29th_in_september_2029():
    """Next due 2029 (four years after the 28th, 2025), the 29th. Month: the lower median of the
    months the ordinary Congresses opened in (the postponed row excluded): 7 8 9 9 9 9:
    September. Day: the lower median of the days given (the 28th is known to the month): 9 15 20
    23 24: the 20th. 2029-09-20 is a Thursday, a working day in Berne. The 30th, four years on:
    2033-09-20, a Tuesday."""
    assert _project("upu-congress", "--today", "2026-12-01", "--to", "2033") == [("2029-09-20", 29), ("2033-09-20", 30)]


# -- FAO: the Conference (Constitution art. III.6) -----------------------------------------------


def test_fao_conference_yearly_then_every_odd_year():
    """Art. III.6: "at least once in every year" (1945 text) until the fifth session made the
    regular session biennial: `at_least 1 per year` until 1949-12-31, then `every 2y` on the
    grid from 1951 (one `id`). By hand, as of 2026-12-01: the first version from the founding
    (1945-10-16): 1945 is no whole year; 1946, 1947, 1948, 1949 met (the 2nd to 5th, known to
    the month). 1950: neither version asks anything (the special session would not count).
    The grid: 1951 met (the 6th, November). 1953-2005 (27 odd years): nothing recorded, and the
    register is complete only for 1945-1951 and from 2007: unknown. 2007 met (34th), 2009 met
    (36th; the 35th (Special) Session of 2008 is no regular session and no grid year), 2011-2025
    met (37th-44th; the 42nd online: the Constitution names no format). 2027 next due. 15 met,
    27 unknown, no violation, exit 0."""
    out = _check("fao-conference", "--today", "2026-12-01")
    met = [*range(1946, 1950), 1951, *range(2007, 2026, 2)]
    assert _verdicts(out) == {str(y): "met" for y in met} | {str(y): "unknown" for y in range(1953, 2006, 2)} | {"2027": "open"}
    assert "at least once a year: Conference 1946-09 (2nd, Copenhagen)" in _why(out, "1946")
    assert "every 2 years on the grid from 1951: Conference 1951-11 (6th, Rome)" in _why(out, "1951")
    assert "known complete only 1945-01-01..1951-12-31 and from 2007-01-01" in _why(out, "1953")
    assert _counts(out, "violations", "unknown", "next_due", "exit_code") == (0, 27, 1, 0)
    text = _text("fao-conference", "--today", "2026-12-01")
    assert "every 2 years (fixed grid from 1951) (since 1950-01-01; until 1949: at least once a year) 42 judged: 15 met, 27 unknown; next due 2027" in text


def test_fao_conference_a_session_slipping_into_january_answers_its_odd_year_late(tmp_path):
    """The control: had the 44th opened on 2026-01-05 instead of 2025-06-28, the grid's 2025
    holds no regular session: the 44th, in an even year that is no grid year, answers 2025,
    1 year late (a violation, exit 1), and 2027 is still due: one meeting, one window."""
    rows = (AUDIT / "fao-conference-meetings.csv").read_text(encoding="utf-8")
    assert rows.count("conference,regular,44,2025-06-28,2025-07-04,") == 1
    (tmp_path / "m.csv").write_text(rows.replace("conference,regular,44,2025-06-28,2025-07-04,", "conference,regular,44,2026-01-05,2026-01-09,"), encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / "fao-conference.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2026-12-01", "--format", "json").stdout)
    got = _verdicts(out)
    assert (got["2023"], got["2025"], got["2027"]) == ("met", "late", "open")
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "1 year" and "held Conference 2026-01-05 (44th, Rome)" in late["why"]
    assert _counts(out, "violations", "exit_code") == (1, 1)


def test_fao_conference_projects_the_45th_in_july_2027():
    """Next due: the grid's 2027, the 45th (the 44th is the last regular number; the 35th
    (Special) is below it). No preferred month: the body's usual month is the median of its
    16 regular sessions' months, sorted 6 6 6 6 6 6 7 7 8 9 10 11 11 11 11 11: between the two
    middle ones, July and August, the engine took the upper, August; my hand answer took the
    lower, July. Settled in audit 14 (README): of two middle months, the one the body met in
    more often (July twice, August once), then the one met in last: July. The day is the lower
    median of the July sessions' days, 1 and 3: the 1st (twenty-first pass: the 16th, of all
    eleven days given, was a July day the Conference never opened on). 2027-07-01 is a
    Thursday; the 46th: 2029-07-01 is a Sunday, Monday 2029-07-02."""
    assert _project("fao-conference", "--today", "2026-12-01", "--to", "2029") == [("2027-07-01", 45), ("2029-07-02", 46)]


# -- ECOWAS: the Authority of Heads of State and Government (Revised Treaty art. 8) ---------------


def test_ecowas_authority_once_a_year_binding_twice_in_practice():
    """Art. 8: "at least once a year in ordinary session" (binding, from the Treaty's entry into
    force, 1995-08-23: 1996 the first whole year) beside the practice of two ordinary sessions a
    year (customary, from 2016). The register: the 50th (2016-12-17) to the 68th (2025-12), five
    extraordinary summits; complete 2017-2025. By hand, as of 2026-12-01:
    binding: 1996-2015 nothing recorded, before the coverage: unknown (20); 2016 met (the 50th:
    a recorded meeting meets its window whatever the coverage); 2017-2025 met (9), 2026 open.
    customary: 2016 has only the 50th (1 of 2) and lies before the coverage: unknown, not an
    advisory; 2017, 2018, 2019 met (two each); 2020: only the 57th (Niamey, September): 1 of 2,
    an advisory (the 58th opened on 2021-01-23, in 2021); 2021 met with three (58th-60th; the
    extraordinary summit of 30 May named, not counted); 2022-2025 met (2025's 68th known to the
    month, December, enough for a year); 2026 open, 2 due. 18 met, 21 unknown, 1 advisory,
    2 open, no violation: exit 0."""
    out = _check("ecowas-authority", "--today", "2026-12-01")
    by_rule: dict[int, dict[str, str]] = {}
    for f in out["findings"]:
        by_rule.setdefault(f["rule"], {})[f["window"]["label"]] = f["verdict"]
    assert by_rule[0] == {str(y): "unknown" for y in range(1996, 2016)} | {str(y): "met" for y in range(2016, 2026)} | {"2026": "open"}
    assert by_rule[1] == {"2016": "unknown", "2017": "met", "2018": "met", "2019": "met", "2020": "advisory"} | {str(y): "met" for y in range(2021, 2026)} | {"2026": "open"}
    (advisory,) = [f for f in out["findings"] if f["verdict"] == "advisory"]
    assert advisory["window"]["label"] == "2020" and "1 of 2 required (at least twice a year); held: Authority 2020-09-07 (57th, Niamey)" in advisory["why"]
    (y2021,) = [f["why"] for f in out["findings"] if f["rule"] == 1 and f["window"]["label"] == "2021"]
    assert "3 held (2 required)" in y2021 and "Not counted: Authority 2021-05-30 (Accra) (extraordinary: this rule counts regular meetings)" in y2021
    (y2016,) = [f["why"] for f in out["findings"] if f["rule"] == 1 and f["window"]["label"] == "2016"]
    assert "Unknown, not advisory: the register is known complete only 2017-01-01..2025-12-31" in y2016
    assert _counts(out, "violations", "advisories", "unknown", "open", "exit_code") == (0, 1, 21, 2, 0)
    text = _text("ecowas-authority", "--today", "2026-12-01")
    assert "40 judged: 18 met, 21 unknown, 1 advisory; open: 2026 (at least once a year; 1 due by 2026-12-31); also open: 2026" in text
    assert text.endswith("1 body · 0 violations · 1 advisory · 2 open windows · 21 unknown · exit 0")


def test_a_summary_line_accounts_for_every_open_window(tmp_path):
    """ECOWAS as of 2026-12-01 has two windows open in 2026, one per rule: the binding "at
    least once a year" (1 due) and the customary "twice a year" (2 due); the totals line counts
    2 open windows. The body's summary named only the first, "open: 2026 (1 due by
    2026-12-31)", so a reader of the line did not see the customary 2 due. Now it names both,
    each with its rule (the labels are the same year), in text and in markdown; the control,
    INTERPOL (one rule, one open window), says nothing more."""
    both = "open: 2026 (at least once a year; 1 due by 2026-12-31); also open: 2026 (in practice twice a year (customary); 2 due by 2026-12-31)"
    assert both in _text("ecowas-authority", "--today", "2026-12-01")
    markdown = _invoke("check", *_files("ecowas-authority"), "--today", "2026-12-01", "--format", "markdown").stdout
    assert f"| 40 judged: 18 met, 21 unknown, 1 advisory; {both} |" in markdown
    assert "also open" not in _text("interpol-ga", "--today", "2026-12-01")


def test_ecowas_authority_projects_by_the_binding_rule_in_its_usual_month():
    """Only the binding rule is planned for (a customary rule beside it is judged, not planned):
    one ordinary session a year. 2026 is still open on 2026-12-01: the usual month is the middle
    (index 19 // 2) of the 19 ordinary sessions' months, 1 6 6 6 6 7 7 7 7 9 12 x 9: September,
    a month the Authority met in once (a June-and-December body's middle month); the day the
    one September session's, the 7th (twenty-first pass: the usual month's own day; the 15th
    was the median of all 18). 2026-09-07 has passed: the first working day after --today in
    Abuja, Wednesday 2 December, the 69th; 2027-09-07 is a Tuesday, the 70th."""
    assert _project("ecowas-authority", "--today", "2026-12-01", "--to", "2027") == [("2026-12-02", 69), ("2027-09-07", 70)]


# -- ICAO: the Assembly (Chicago Convention art. 48(a)) -------------------------------------------


def test_icao_assembly_annually_then_once_in_three_years():
    """Art. 48(a): "annually" (1947) until the 1954 Protocol took effect (12 December 1956),
    then "not less than once in three years": `at_least 1 per year` until 1956-12-11, then
    rolling `every 3y`, one `id`. The register holds the 33rd (2001) to the 42nd (2025) and the
    34th (Extraordinary) of 2003; complete 2001-2025. By hand, as of 2026-12-01:
    yearly version: 1947 is no whole year; 1948-1955 nothing recorded, before the coverage:
    unknown (8); 1956 is the period the version ends in (on 11 December), short: no finding.
    rolling version: no origin under it in the register, so it runs from its start: due 1959
    (3 years after 1956-12-12), then 1962, ..., 1995, unknown (13). 1998: the 33rd (2001-09-25)
    missed its deadline: as README's "Silences stay on the record" reads a chain through a
    silence, the next meeting is late for the last window whose deadline it missed (my first
    hand answer had the 33rd meet a 2001 window instead), 3 years late; but 1996-1998 lies
    before the coverage: unknown, not late. From the 33rd: 2004 (35th; the 34th extraordinary
    named, not counted), 2007, ..., 2025 met (8). 2028 open. 8 met, 22 unknown, exit 0."""
    out = _check("icao-assembly", "--today", "2026-12-01")
    rolling = [*range(1959, 1999, 3)]
    assert _verdicts(out) == {str(y): "unknown" for y in [*range(1948, 1956), *rolling]} | {str(y): "met" for y in range(2004, 2026, 3)} | {"2028": "open"}
    assert "3 years after the rule took effect (1956-12-12)" in _why(out, "1959")
    assert "held Assembly 2001-09-25 (33rd, Montreal): 3 years late. Unknown, not late" in _why(out, "1998")
    assert "Not counted: Assembly 2003-03-31 (34th, Montreal) (extraordinary" in _why(out, "2004")
    assert _counts(out, "violations", "unknown", "open", "exit_code") == (0, 22, 1, 0)
    text = _text("icao-assembly", "--today", "2026-12-01")
    assert "every 3 years (since 1956-12-12; until 1956-12-11: at least once a year) 30 judged: 8 met, 22 unknown; open: 2028 (1 due by 2028-12-31)" in text


def test_icao_assembly_a_register_stated_complete_earlier_makes_1998_late(tmp_path):
    """The control: the same register stated complete from 1996 (which it is not: the 32nd met
    in 1998) makes the window due 1998 a real `late`, 3 years, the one violation (exit 1): the
    coverage statement, not the rule, kept it unknown."""
    book = (AUDIT / "icao-assembly.toml").read_text(encoding="utf-8")
    assert book.count("records = [{ start = 2001,") == 1
    rules = tmp_path / "icao.toml"
    rules.write_text(book.replace("records = [{ start = 2001,", "records = [{ start = 1996,"), encoding="utf-8")
    out = _check("icao-assembly", "--today", "2026-12-01", rules=rules)
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert (late["window"]["label"], late["delay"]) == ("1998", "3 years")
    assert _counts(out, "violations", "unknown", "exit_code") == (1, 21, 1)


def test_icao_assembly_projects_the_43rd_in_september_2028():
    """Next due 2028 (3 years after the 42nd, 2025). Every regular session opened in September:
    September; the day is the lower median of 25 28 18 28 24 27 24 27 23 (sorted 18 23 24 24
    25 27 27 28 28): the 25th. 2028-09-25 is a Monday, in Montreal: the 43rd (the 34th
    extraordinary shares the sequence, below it). The 44th on 2031-09-25, a Thursday.
    Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: every
    session opened on a Tuesday, all but one in the fourth week: Tuesday 2028-09-26 and
    Tuesday 2031-09-23 (the 41st opened on Tuesday 2022-09-27, the 42nd on 2025-09-23)."""
    assert _project("icao-assembly", "--today", "2026-12-01", "--to", "2031") == [("2028-09-26", 43), ("2031-09-23", 44)]


# -- an open window where the register is not known complete -----------------------------------


def test_an_open_window_says_the_register_may_not_show_what_was_held_so_far():
    """ECOWAS as of 2026-12-01: 2026 is still running and the register is known complete only
    for 2017-2025 (2026 was not transcribed). "1 still due by 2026-12-31" is what the register
    shows, not a fact: an ordinary session held in June 2026 would not be in it. The verdict
    stays `open` (the window runs until 31 December either way), and the why says so, as an
    `unknown` window's does; the same for the customary rule's "2 still due". Before, the why
    stated the shortfall as certain."""
    out = _check("ecowas-authority", "--today", "2026-12-01")
    opened = [f for f in out["findings"] if f["verdict"] == "open"]
    assert [f["window"]["label"] for f in opened] == ["2026", "2026"]
    for f in opened:
        assert f["why"].endswith(" Still due as far as the register shows: the register is known complete only 2017-01-01..2025-12-31.")


def test_an_open_window_inside_the_coverage_says_nothing_more():
    """The control: Interpol as of 2025-06-30, its register known complete for 2015-2025: 2025
    is open, the part of it elapsed lies inside the coverage, and the why is as before (the 93rd,
recorded held in November, had not opened on that day: it is scheduled)."""
    out = _check("interpol-ga", "--today", "2025-06-30")
    (y2025,) = [f for f in out["findings"] if f["window"]["label"] == "2025"]
    assert y2025["verdict"] == "open" and y2025["why"] == "2025: 1 still due by 2025-12-31, at least once a year; scheduled: GA 2025-11-24 (93rd, Marrakech)."
