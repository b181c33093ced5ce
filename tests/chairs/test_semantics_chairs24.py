"""Session 24's chair semantics: `planner chairs` (and `check --chairs`) on small rule books
whose findings were worked out by hand from README ("`planner chairs`", "The rule book":
`[chairmanship]`, "The register": chair terms, "Record coverage") before running the planner.
Each docstring holds the rule, the registers and the reasoning. The base organization is
session 22's "Lake Commission" (`tests/chairs/test_semantics_chairs22.py`): six members
Austria to Finland, a two-year chair (`term = "2y"`, no tolerance) passing at each Assembly
(complete records: no `records` statement), the outgoing chair hosting it; or, with
`handover = "[]"`, a chair passing every `term` at no meeting."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.chairs.test_semantics_chairs22 import _assembly, _chairs, _files, _kinds


def _term(out: dict, country: str, *keys: str) -> tuple:
    (t,) = [t for t in out["terms"] if t["country"] == country]
    return tuple(t[k] for k in keys)


_LENGTHS = ("length", "length_days", "length_days_range", "length_months", "length_months_range")


def test_a_running_terms_json_lengths_are_the_length_so_far_the_text_gives(tmp_path: Path) -> None:
    """Austria 2020-06-01 to 2022-06-01, Belgium from 2022-06-01 (end empty: still chairing),
    Assemblies 2020-06-01 and 2022-06-01, today 2023-01-01. Belgium has chaired 7 months so
    far: 2022-06-01 to 2023-01-01 is 30 + 31 + 31 + 30 + 31 + 30 + 31 = 214 days. The text and
    JSON `length` say "7 months so far"; `length_days` said 730 and `length_months` 23 (to
    the Assembly projected on 2024-05-31, the expected end): two lengths in one term, the
    numbers not the words (README: the ranges give what the text's length gives). Now 214 and
    7, the ranges [214, 214] and [7, 7]. Begun in "2022-06" (the month only): so far from
    2022-06-30 (6 months 2 days, 185 days) to from 2022-06-01 (7 months, 214 days):
    `length_days` null, the range [185, 214], months [6, 7]."""
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-01")), "2023-01-01")
    assert _term(out, "Belgium", *_LENGTHS) == ("7 months so far", 214, [214, 214], 7, [7, 7])
    assert _term(out, "Austria", *_LENGTHS) == ("2 years", 730, [730, 730], 24, [24, 24])
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-01")), "2023-01-01")
    assert _term(out, "Belgium", *_LENGTHS) == ("6 months 2 days to 7 months so far", None, [185, 214], None, [6, 7])


def test_a_running_term_whose_handover_assembly_was_held_in_time_is_not_too_long_as_of_today(tmp_path: Path) -> None:
    """Austria from 2020-06-01, end empty; Assemblies held 2020-06-01 and 2022-06-01; today
    2022-09-01. The Assembly of 2022-06-01 ends the term (the chair passes at each Assembly):
    the term reads "2022-06-01 (handover held)", 2 years, exactly the rule; the register
    names no successor: the `unrecorded` note. It was also a violation, "2 years 3 months so
    far, longer than the rule's term": a length to today the same answer says the term did
    not run, a violation resting on the register not yet naming the next chair. Now the
    note alone, exit 0. Held on 2022-07-01 instead, the handover came 2 years 1 month after
    the term began: too long on the register's word, a violation of that length (not "so
    far")."""
    out = _chairs(_files(tmp_path, "Austria,2020-06-01,,,,x\n", _assembly("2020-06-01", "2022-06-01")), "2022-09-01")
    assert _term(out, "Austria", "to", "length", "length_days") == ("2022-06-01", "2 years", 730)
    assert _kinds(out) == [("unrecorded", "note", "Austria")]
    assert out["summary"]["exit_code"] == 0
    out = _chairs(_files(tmp_path, "Austria,2020-06-01,,,,x\n", _assembly("2020-06-01", "2022-07-01")), "2022-09-01")
    assert _kinds(out) == [("long_term", "violation", "Austria"), ("unrecorded", "note", "Austria")]
    assert out["findings"][0]["message"].startswith("Austria chaired 2020-06-01 to 2022-07-01 (handover held): 2 years 1 month, longer than the rule's term of 2 years.")


def test_a_chair_resigning_at_no_meeting_is_a_handover_away_from_an_assembly(tmp_path: Path) -> None:
    """Austria chaired from the Assembly of 2020-06-01 and resigned on 2021-03-15; Belgium
    took over that day, no Assembly within 7 days (the Assembly's register is complete: no
    `records` statement). The rule book says the chair passes at each Assembly
    (`handover_bodies`), and README makes a handover away from a handover meeting a finding,
    a note only at a *special* meeting or where the records are not known complete: a
    violation, one (on the incoming Belgium), whether Belgium completes the term (to the
    Assembly of 2022-06-01: that handover is at an Assembly, 1 year 2 months 17 days, not too
    long) or starts a new one of its own (to 2023-03-15, again at no Assembly: a second).
    The rule book has no word for a resignation; the register's note ("resigned") excuses
    nothing, as an extension's note does not. Where the Assembly's records are stated not
    complete, the resignation's day may have had an unrecorded Assembly: a note."""
    meetings = _assembly("2020-06-01", "2022-06-01")
    completes = "Austria,2020-06-01,2021-03-15,,resigned,x\nBelgium,2021-03-15,2022-06-01,,completes the term,x\nChile,2022-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, completes, meetings), "2023-01-01")
    assert _kinds(out) == [("handover", "violation", "Belgium")]
    assert out["findings"][0]["message"] == "Handover Austria → Belgium on 2021-03-15 is not at a meeting of a handover body (none within 7 days in the register)."
    assert _term(out, "Belgium", "length") == ("1 year 2 months 17 days",)
    anew = "Austria,2020-06-01,2021-03-15,,resigned,x\nBelgium,2021-03-15,2023-03-15,,,x\nChile,2023-03-15,,,,x\n"
    out = _chairs(_files(tmp_path, anew, meetings), "2023-06-01")
    assert _kinds(out) == [("handover", "violation", "Belgium"), ("handover", "violation", "Chile")]
    incomplete = '2010-01-01\nrecords = [{ start = 2010, complete = false, note = "only the sessions the minutes name" }]'
    out = _chairs(_files(tmp_path, completes, meetings, established=incomplete), "2023-01-01")
    assert _kinds(out) == [("handover", "note", "Belgium")]
    assert out["summary"]["exit_code"] == 0


def test_alphabetical_order_is_by_the_members_names_not_their_codes(tmp_path: Path) -> None:
    """order = "alphabetical", yearly at no meeting. Members Germany (DE), Denmark (DK),
    Austria (AT): by name Austria, Denmark, Germany; by code AT, DE, DK would put Germany
    second. 2021 Austria, 2022 Denmark, 2023 Germany: in turn, nothing. A register writing
    the code "DE" (Germany) for 2022: out of turn, a note that the rotation gives Denmark."""
    members = """members = [
  { name = "Germany", code = "DE" },
  { name = "Denmark", code = "DK" },
  { name = "Austria", code = "AT" },
]"""
    yearly = {"term": "1y", "handover": "[]", "extra": 'order = "alphabetical"', "members": members}
    chairs = "Austria,2021-01-01,2022-01-01,,,x\nDenmark,2022-01-01,2023-01-01,,,x\nGermany,2023-01-01,,,,x\n"
    assert _kinds(_chairs(_files(tmp_path, chairs, **yearly), "2023-06-01")) == []
    out = _chairs(_files(tmp_path, "Austria,2021-01-01,2022-01-01,,,x\nDE,2022-01-01,,,,x\n", **yearly), "2022-06-01")
    assert _kinds(out) == [("out_of_turn", "note", "DE")]
    assert out["findings"][0]["message"].endswith("after Austria the rotation (alphabetical order) gives Denmark.")
    assert out["terms"][1]["member"] == "Germany"


_MOVING = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE", suspended = [{ start = 2024-06-01, end = 2025-06-30, reason = "dues unpaid" }] },
  { name = "Chile", code = "CL", left = 2025-06-01 },
  { name = "Denmark", code = "DK", joined = 2026-03-01 },
  { name = "Estonia", code = "EE" },
]"""


def test_the_rotation_proposed_without_a_plan_passes_by_the_suspended_the_departed_and_the_not_yet_joined(tmp_path: Path) -> None:
    """order = "alphabetical", yearly on 1 January. Austria chairs from 2024-01-01; today
    2024-06-01; no --plan, --to 2030-12-31. On 2025-01-01 Belgium is suspended (2024-06-01 to
    2025-06-30): passed by; Chile is still a member (it leaves 2025-06-01): Chile. On
    2026-01-01 Chile has left and Denmark has not joined (2026-03-01): Estonia. Then Austria
    (2027), Belgium (2028: its suspension is over, its place kept), Denmark (2029: joined),
    Estonia (2030). The next would begin 2031-01-01, past --to. Nothing in the register
    breaks a rule: no finding (Chile's planned term runs past its leaving: a plan the
    rotation proposed is not judged as a register)."""
    args = _files(tmp_path, "Austria,2024-01-01,,,,x\n", term="1y", handover="[]", extra='order = "alphabetical"', members=_MOVING)
    out = _chairs(args, "2024-06-01", "--to", "2030-12-31")
    assert [(p["country"], p["from"]) for p in out["plan"]] == [
        ("Chile", "2025-01-01"), ("Estonia", "2026-01-01"), ("Austria", "2027-01-01"),
        ("Belgium", "2028-01-01"), ("Denmark", "2029-01-01"), ("Estonia", "2030-01-01"),
    ]  # fmt: skip
    assert [k for k in _kinds(out) if k[0] != "not_member"] == []


def test_a_plan_naming_a_member_suspended_when_its_term_begins_is_a_note_not_an_error(tmp_path: Path) -> None:
    """The same members, order "plan" (the default). --plan "Austria, Belgium, Estonia":
    Austria is the current chair (confirms its term to 2025-01-01); Belgium's planned term
    begins 2025-01-01, inside its suspension (to 2025-06-30): README makes a chair whose term
    (of the register or a plan) begins certainly inside a suspension a note, `suspended`; it
    is still a member, so the plan stands (exit 0). Estonia from 2026-01-01. Naming Chile
    third (it left 2025-06-01, before 2026-01-01) is refused: no member then, exit 2."""
    args = _files(tmp_path, "Austria,2024-01-01,,,,x\n", term="1y", handover="[]", members=_MOVING)
    out = _chairs(args, "2024-06-01", "--plan", "Austria, Belgium, Estonia")
    assert [(p["country"], p["from"], p["current"]) for p in out["plan"]] == [("Austria", "2024-01-01", True), ("Belgium", "2025-01-01", False), ("Estonia", "2026-01-01", False)]
    assert _kinds(out) == [("suspended", "note", "Belgium")]
    assert out["summary"]["exit_code"] == 0
    result = CliRunner().invoke(main, ["chairs", *args, "--today", "2024-06-01", "--plan", "Austria, Belgium, Chile"])
    assert result.exit_code == 2
    assert "Chile would not be a member when its planned term begins (2026-01-01; it left 2025-06-01)" in result.output


def test_listed_order_passes_a_suspended_member_by_and_wraps(tmp_path: Path) -> None:
    """order = "listed", yearly. Members listed Chile, Austria (suspended 2021-06-01 to
    2022-06-30), Belgium. 2021 Chile; on 2022-01-01 Austria is suspended: Belgium; 2023: the
    list wraps to Chile. In turn, nothing said; the rotation then proposes Austria (2024:
    no longer suspended), Belgium (2025). Austria chairing 2022 instead: out of turn (the
    rotation gives Belgium) and begun while suspended: two notes, no violation."""
    members = """members = [
  { name = "Chile", code = "CL" },
  { name = "Austria", code = "AT", suspended = [{ start = 2021-06-01, end = 2022-06-30, reason = "dues unpaid" }] },
  { name = "Belgium", code = "BE" },
]"""
    listed = {"term": "1y", "handover": "[]", "extra": 'order = "listed"', "members": members}
    chairs = "Chile,2021-01-01,2022-01-01,,,x\nBelgium,2022-01-01,2023-01-01,,,x\nChile,2023-01-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, **listed), "2023-06-01", "--to", "2025-12-31")
    assert _kinds(out) == []
    assert [(p["country"], p["from"]) for p in out["plan"]] == [("Austria", "2024-01-01"), ("Belgium", "2025-01-01")]
    out = _chairs(_files(tmp_path, "Chile,2021-01-01,2022-01-01,,,x\nAustria,2022-01-01,,,,x\n", **listed), "2022-06-01")
    assert _kinds(out) == [("out_of_turn", "note", "Austria"), ("suspended", "note", "Austria")]
    assert out["summary"]["exit_code"] == 0


def test_an_exact_end_beside_a_start_known_to_the_month_is_perhaps_a_gap_or_an_overlap(tmp_path: Path) -> None:
    """Tolerance 1 month (lengths not at issue). Austria to 2022-06-15 (the Assembly that
    day), Belgium from "2022-06": begun on 06-01 to 06-14 the two overlap, on 06-15 or 06-16
    they meet, after that no one chairs: `gap_or_overlap`, a note; its words give Austria's
    end as the one day it is ("ended on 2022-06-15", not "on a day from 2022-06-15 to
    2022-06-15"). Austria to 2022-06-01 and Belgium from "2022-06": perhaps a gap only."""
    meetings = _assembly("2020-06-01", "2022-06-15")
    out = _chairs(_files(tmp_path, "Austria,2020-06-01,2022-06-15,,,x\nBelgium,2022-06,,,,x\n", meetings, extra='tolerance = "1m"'), "2023-01-01")
    (note,) = [f for f in out["findings"] if f["kind"] in ("gap", "overlap", "gap_or_overlap")]
    assert (note["kind"], note["severity"]) == ("gap_or_overlap", "note")
    assert note["message"] == (
        "Austria (to 2022-06-15) and Belgium (from 2022-06): perhaps a gap or an overlap: Austria's term ended on 2022-06-15,"
        " Belgium's began on a day from 2022-06-01 to 2022-06-30, and the register does not give the days."
    )
    meetings = _assembly("2020-06-01", "2022-06-01")
    out = _chairs(_files(tmp_path, "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06,,,,x\n", meetings, extra='tolerance = "1m"'), "2023-01-01")
    assert [(f["kind"], f["severity"]) for f in out["findings"] if f["kind"] in ("gap", "overlap", "gap_or_overlap")] == [("gap", "note")]


def test_since_inside_a_start_known_only_to_the_year_is_judged_on_the_days_under_the_rule(tmp_path: Path) -> None:
    """since = 2020-06-15. Austria from "2020" (some day of 2020), Belgium after it. Begun
    before 2020-06-15 the term is not judged by the rule; begun from then on it is: the
    register does not say which, so the term "may have begun before" the rule (it said
    "began before", more than the register says). To 2022-06-15: begun 2020-06-15 to
    2020-12-31, it is 1 year 5 months 15 days to 2 years: never longer than the rule, so no
    `long_term`. To 2023-03-01: begun from 2020-06-15 it is 2 years 2 months 1 day (from
    2020-12-31) to 2 years 8 months 14 days (from 2020-06-15), longer than 2 years on every
    such day: perhaps too long, a note (a violation only if it began under the rule, which
    the register does not say), exit 0."""
    out = _chairs(_files(tmp_path, "Austria,2020,2022-06-15,,,x\nBelgium,2022-06-15,,,,x\n", _assembly("2020-03-01", "2022-06-15"), extra="since = 2020-06-15"), "2023-01-01")
    assert _kinds(out) == [("before_rule", "note", "Austria")]
    assert out["findings"][0]["message"] == (
        "Austria (2020 to 2022-06-15) may have begun before the chair rule (2020-06-15): begun before it, it is not judged by it."
    )
    out = _chairs(_files(tmp_path, "Austria,2020,2023-03-01,,,x\nBelgium,2023-03-01,,,,x\n", _assembly("2020-03-01", "2023-03-01"), extra="since = 2020-06-15"), "2023-06-01")
    assert _kinds(out) == [("before_rule", "note", "Austria"), ("long_term", "note", "Austria")]
    assert out["findings"][1]["message"] == (
        "Austria chaired 2020 to 2023-03-01: begun under the chair rule (from 2020-06-15), 2 years 2 months 1 day to 2 years 8 months 14 days,"
        " longer than the rule's term of 2 years; begun before it, not judged by it. The register does not give the day it began."
    )
    assert out["summary"]["exit_code"] == 0


def test_a_customary_chair_rule_makes_a_long_term_and_a_second_term_in_a_row_notes(tmp_path: Path) -> None:
    """binding = false (a customary rotation). Austria 2020-06-01 to 2022-06-01 and again
    2022-06-01 to 2024-06-05 (Assemblies each day), Belgium from 2024-06-05: twice in a row
    under consecutive_terms = false, and 2 years 4 days > 2 years: both notes ("customary
    chair rule: a note, not a violation"), exit 0. Bound by the rule, both are violations."""
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nAustria,2022-06-01,2024-06-05,,,x\nBelgium,2024-06-05,,,,x\n"
    meetings = _assembly("2020-06-01", "2022-06-01", "2024-06-05")
    out = _chairs(_files(tmp_path, chairs, meetings, extra="binding = false"), "2025-01-01")
    assert _kinds(out) == [("long_term", "note", "Austria"), ("consecutive", "note", "Austria")]
    assert all(f["message"].endswith("(customary chair rule: a note, not a violation)") for f in out["findings"])
    assert out["summary"]["exit_code"] == 0
    out = _chairs(_files(tmp_path, chairs, meetings), "2025-01-01")
    assert _kinds(out) == [("long_term", "violation", "Austria"), ("consecutive", "violation", "Austria")]


def test_tolerance_is_inclusive_to_the_day(tmp_path: Path) -> None:
    """tolerance = "1m": a 2-year term may run to 2 years 1 month. Austria 2020-06-01 to
    2022-07-01: 2 years 1 month exactly, allowed. Belgium 2022-07-01 to 2024-08-02: 2 years 1
    month 1 day, a violation that gives the day and the tolerance. Chile from 2024-08-02,
    running on 2025-01-01: 5 months so far (2024-08-02 + 4 months = 12-02, + 30 days)."""
    chairs = "Austria,2020-06-01,2022-07-01,,,x\nBelgium,2022-07-01,2024-08-02,,,x\nChile,2024-08-02,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2020-06-01", "2022-07-01", "2024-08-02"), extra='tolerance = "1m"'), "2025-01-01")
    assert _kinds(out) == [("long_term", "violation", "Belgium")]
    assert out["findings"][0]["message"] == "Belgium chaired 2022-07-01 to 2024-08-02: 2 years 1 month 1 day, longer than the rule's term of 2 years (tolerance 1 month)."
    assert _term(out, "Chile", "length") == ("4 months 30 days so far",)


def test_the_registers_first_chair_taking_office_days_after_an_assembly_is_judged(tmp_path: Path) -> None:
    """The Assembly was established 2010 and met 2020-06-01; the register begins with
    Austria from 2020-06-11, ten days later (tolerance 1 month: lengths not at issue). No
    founding chair (the body is ten years old): the handover to Austria is judged, and no
    Assembly is within 7 days of 2020-06-11 in a complete register: a violation, "Handover
    to Austria" (the register names no one before). With handover_days = 10: at the
    Assembly, nothing."""
    chairs = "Austria,2020-06-11,2022-06-01,,,x\nBelgium,2022-06-01,,,,x\n"
    meetings = _assembly("2020-06-01", "2022-06-01")
    out = _chairs(_files(tmp_path, chairs, meetings, extra='tolerance = "1m"'), "2023-01-01")
    assert _kinds(out) == [("handover", "violation", "Austria")]
    assert out["findings"][0]["message"].startswith("Handover to Austria on 2020-06-11 is not at a meeting of a handover body")
    out = _chairs(_files(tmp_path, chairs, meetings, extra='tolerance = "1m"\nhandover_days = 10'), "2023-01-01")
    assert _kinds(out) == []


def _check(args: list[str], today: str, *extra: str) -> tuple[int, dict, str, str]:
    """`check`'s exit code, JSON summary, the text's totals line and standard error."""
    result = CliRunner().invoke(main, ["check", *args, "--today", today, *extra])
    assert result.exit_code in (0, 1), result.output
    text = CliRunner().invoke(main, ["check", *args, "--today", today]).stdout
    return result.exit_code, json.loads(result.stdout)["summary"], text.rstrip().splitlines()[-1], result.stderr


def test_check_given_a_chair_register_counts_its_violations_in_its_totals_and_exit_code(tmp_path: Path) -> None:
    """The Assembly (established 2020-06-01, "every 2y") held 2020-06-01 and 2022-06-02: met,
    and the next window open on 2023-01-01: `check` finds no violation, exit 0. The chair
    register: Austria 2020-06-01 to 2022-06-02, 2 years 1 day, longer than the 2-year term:
    `planner chairs` exits 1. README: exit 1 when "`check` or `chairs` found violations";
    `check --chairs FILE` read the file (a mistyped one is an error) and exited 0: the
    violation was lost to a CI job gated on `check`. Now `check --chairs FILE` counts it: JSON
    `summary.chair_violations` 1 and `exit_code` 1, the text's totals line "1 chair violation
    · exit 1" (so the page never says "exit 0" of a run that exits 1), a line on standard
    error naming the file; exit 1. Without --chairs nothing is judged of chairs: no such key,
    exit 0. A register that keeps the rule (Austria from 2020-06-02, 2 years): 0, exit 0."""
    chairs = "Austria,2020-06-01,2022-06-02,,,x\nBelgium,2022-06-02,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-02"), established="2020-06-01")
    plain = [a for a in args if a not in args[4:6]]
    code, summary, totals, _ = _check(plain, "2023-01-01", "--format", "json")
    assert (code, summary["exit_code"], "chair_violations" in summary, totals.endswith("· exit 0")) == (0, 0, False, True)
    code, summary, totals, err = _check(args, "2023-01-01", "--format", "json")
    assert (code, summary["violations"], summary["chair_violations"], summary["exit_code"]) == (1, 0, 1, 1)
    assert totals.endswith("· 1 chair violation · exit 1"), totals
    assert f"{tmp_path / 'chairs.csv'}: 1 violation of the chair rule (0 notes): planner chairs lists them" in err
    (tmp_path / "chairs.csv").write_text("country,start,end,ordinal,note,source\nAustria,2020-06-02,2022-06-02,,,x\nBelgium,2022-06-02,,,,x\n", encoding="utf-8")
    code, summary, totals, err = _check(args, "2023-01-01", "--format", "json")
    assert (code, summary["chair_violations"], summary["exit_code"], "chair rule" in err) == (0, 0, 0, False)
    assert totals.endswith("· 0 chair violations · exit 0"), totals


def test_a_plan_under_a_two_year_term_hands_over_at_every_second_yearly_assembly(tmp_path: Path) -> None:
    """term = "2y", tolerance 1 month, the chair passing at an Assembly that meets every year
    (rule `every 1y`), recorded on 2022-06-01, 2023-06-01, 2024-06-03 and planned 2025-06-02,
    2026-06-01, 2027-06-01, 2028-06-01. Belgium chairs from the Assembly of 2024-06-03; today
    2024-09-01. The rule gives two years: the term ends at the Assembly nearest 2026-06-03 within
    2 years 1 month (and 7 days), the one of 2026-06-01, not the first one after it began (2025-06-02, a year in).
    --plan "Chile, Denmark": Chile from 2026-06-01 to the Assembly nearest 2028-06-01, 2028-06-01;
    Denmark from there to the (projected) Assembly of 2030. It planned 1-year terms, Assembly to Assembly: Belgium to 2025-06-02,
    Chile 2025-2026, Denmark 2026-2027, each "1 year" beside a rule of 2."""
    days = ("2022-06-01", "2023-06-01", "2024-06-03")
    planned = "".join(f"assembly,regular,{i},{d},{d},planned,Vienna,Austria,,Assembly,x\n" for i, d in enumerate(("2025-06-02", "2026-06-01", "2027-06-01", "2028-06-01"), 4))
    args = _files(tmp_path, "Austria,2022-06-01,2024-06-03,,,x\nBelgium,2024-06-03,,,,x\n", _assembly(*days) + planned, extra='tolerance = "1m"')
    book = tmp_path / "book.toml"
    book.write_text(book.read_text(encoding="utf-8").replace('interval = "2y"', 'interval = "1y"'), encoding="utf-8")
    out = _chairs(args, "2024-09-01", "--plan", "Chile, Denmark")
    assert _term(out, "Belgium", "to") == ("2026-06-01",)
    chile, denmark = out["plan"]
    assert (chile["from"], chile["to"], denmark["from"], denmark["to"][:4]) == ("2026-06-01", "2028-06-01", "2028-06-01", "2030")
    assert [k for k in _kinds(out) if k[0] == "long_expected"] == []


_AD_HOC = """[organization]
id = "lake"
name = "Lake Commission"
short_name = "LC"
timezone = "Europe/Vienna"
secretariat = { city = "Vienna", country = "Austria" }
members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE" },
  { name = "Chile", code = "CL" },
  { name = "Denmark", code = "DK" },
  { name = "Estonia", code = "EE" },
  { name = "Finland", code = "FI" },
]

[chairmanship]
term = "6m"
tolerance = "7d"
handover_bodies = ["assembly", "council"]
consecutive_terms = false
source = "Statute, art. 7"

[[bodies]]
id = "assembly"
name = "Assembly"
category = "governing"
established = 2010

[[bodies.rules]]
kind = "at_least"
count = 1
per = "year"
source = "Statute, art. 4"

[[bodies]]
id = "council"
name = "Council"
category = "governing"
established = 2010

[[bodies.rules]]
kind = "ad_hoc"
source = "Statute, art. 5"
"""


def test_a_plan_whose_november_handover_body_meets_ad_hoc_keeps_six_month_terms(tmp_path: Path) -> None:
    """The lead's case: a chair of 6 months (tolerance 7 days) passing at the yearly Assembly
    (May) or at the Council, which meets ad hoc (nothing of it is projected): the Council of
    Europe's Deputies take the chair over in November. Recorded: Assembly 2025-05-15, Council
    2025-11-14, Assemblies planned 2026-05-20 and 2027-05-19. Austria 2025-05-15 to 2025-11-14,
    Belgium from 2025-11-14; today 2026-01-15. Belgium: 6 months from 2025-11-14 is 2026-05-14;
    the Assembly of 2026-05-20 is within 6 months 7 days (and 7 days): its end, as before.
    --plan "Chile, Denmark, Estonia": Chile from 2026-05-20, 6 months to 2026-11-20; no
    Assembly then, and the Council, which would take the chair over, is not projected: the
    term ends that day, "to a meeting of the Council still to be called" (no meeting in JSON). Denmark from
    2026-11-20: 6 months to 2027-05-20, the Assembly of 2027-05-19 the day before: its end.
    Estonia from 2027-05-19 to 2027-11-19. It planned Chile 2026-05-20 to 2027-05-19 and
    Denmark a year from there, each with a note that the term is longer than the rule
    (`long_expected`). Nothing is said now: 6-month terms keep the rule. A Council planned for
    2026-08-20, three months into Chile's term, is a meeting of the Council, not the one that
    ends the term in November: Chile's term still runs to 2026-11-20 (a Council still to be
    called then), not to 2026-08-20."""
    (tmp_path / "book.toml").write_text(_AD_HOC, encoding="utf-8")
    (tmp_path / "meetings.csv").write_text(
        "body,kind,ordinal,start,end,status,city,country,format,title,source\n"
        "assembly,regular,15,2025-05-15,2025-05-15,held,Vienna,Austria,,,x\ncouncil,regular,,2025-11-14,2025-11-14,held,Vienna,Austria,,,x\n"
        "assembly,regular,16,2026-05-20,2026-05-20,planned,Vienna,Austria,,,x\nassembly,regular,17,2027-05-19,2027-05-19,planned,Vienna,Austria,,,x\n",
        encoding="utf-8",
    )
    (tmp_path / "chairs.csv").write_text("country,start,end,ordinal,note,source\nAustria,2025-05-15,2025-11-14,,,x\nBelgium,2025-11-14,,,,x\n", encoding="utf-8")
    args = ["--rules", str(tmp_path / "book.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--chairs", str(tmp_path / "chairs.csv")]
    out = _chairs(args, "2026-01-15", "--plan", "Chile, Denmark, Estonia")
    assert _term(out, "Belgium", "to") == ("2026-05-20",)
    assert [(p["country"], p["from"], p["to"], (p["closed_by"] or {}).get("start")) for p in out["plan"]] == [
        ("Chile", "2026-05-20", "2026-11-20", None),
        ("Denmark", "2026-11-20", "2027-05-19", "2027-05-19"),
        ("Estonia", "2027-05-19", "2027-11-19", None),
    ]
    assert _kinds(out) == []
    text = CliRunner().invoke(main, ["chairs", *args, "--today", "2026-01-15", "--plan", "Chile, Denmark, Estonia"]).stdout
    with (tmp_path / "meetings.csv").open("a", encoding="utf-8") as meetings:
        meetings.write("council,regular,,2026-08-20,2026-08-20,planned,Vienna,Austria,,,x\n")
    out = _chairs(args, "2026-01-15", "--plan", "Chile, Denmark, Estonia")
    assert [(p["country"], p["to"]) for p in out["plan"]] == [("Chile", "2026-11-20"), ("Denmark", "2027-05-19"), ("Estonia", "2027-11-19")]
    assert "Chile    2026-05-20 → 2026-11-20  2026       6 months\n      from the 16th Assembly (2026-05-20, Vienna, Austria, planned), to a meeting of the Council\n        still to be called\n" in text


def test_a_chair_whose_held_handover_came_before_it_left_did_not_chair_after_leaving(tmp_path: Path) -> None:
    """Austria from 2020-06-01, end empty; the Assembly of 2022-06-01 was held (its term
    ended there: "handover held", 2 years); Austria left the organization on 2022-09-01; today
    2023-01-01. It chaired to 2022-06-01, three months before it left: no `not_member`, only
    the `unrecorded` note, exit 0. It was a violation, "Austria (2020-06-01 to 2022-06-01
    (handover held)) chaired after it left the organization (2022-09-01)", its own words
    against it. Had it left on 2022-03-01, before that Assembly, it chaired after leaving: a
    violation still."""
    members = _MEMBERS_LEFT.format(left="2022-09-01")
    out = _chairs(_files(tmp_path, "Austria,2020-06-01,,,,x\n", _assembly("2020-06-01", "2022-06-01"), members=members), "2023-01-01")
    assert _kinds(out) == [("unrecorded", "note", "Austria")]
    members = _MEMBERS_LEFT.format(left="2022-03-01")
    out = _chairs(_files(tmp_path, "Austria,2020-06-01,,,,x\n", _assembly("2020-06-01", "2022-06-01"), members=members), "2023-01-01")
    assert ("not_member", "violation", "Austria") in _kinds(out)


_MEMBERS_LEFT = """members = [
  {{ name = "Austria", code = "AT", left = {left} }},
  {{ name = "Belgium", code = "BE" }},
  {{ name = "Chile", code = "CL" }},
]"""
