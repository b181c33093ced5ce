"""Session 23's chair semantics: `planner chairs` on small rule books whose findings were worked
out by hand from README ("`planner chairs`", "The rule book": `[chairmanship]`, "The register":
chair terms) before running the planner. Each docstring holds the rule, the registers and the
reasoning. The base organization is session 22's "Lake Commission"
(`tests/chairs/test_semantics_chairs22.py`): six members Austria to Finland, a two-year chair
(`term = "2y"`, no tolerance) passing at each Assembly, the outgoing chair hosting it; or,
with `handover = "[]"`, a chair passing every `term` at no meeting."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.chairs.test_semantics_chairs22 import _assembly, _chairs, _files, _kinds


def _lengths(out: dict) -> list[tuple[str, str]]:
    return [(t["country"], t["length"]) for t in out["terms"]]


def test_a_term_of_364_days_is_11_months_30_days_not_11_months(tmp_path: Path) -> None:
    """term = "1y", no handover bodies. `end` is the day the chair was handed over (README
    "Chair terms"). Austria 2021-01-01 to 2021-12-31: 364 days, one day short of a year:
    2021-01-01 + 11 months = 2021-12-01, + 30 days = 2021-12-31: "11 months 30 days". It
    read "11 months", a month short. Belgium 2021-12-31 to 2022-12-31: "1 year". Chile from
    2022-12-31, today 2023-06-01: 5 months (to 2023-05-31) and 1 day so far. No finding:
    a term shorter than the rule breaks nothing."""
    chairs = "Austria,2021-01-01,2021-12-31,,,x\nBelgium,2021-12-31,2022-12-31,,,x\nChile,2022-12-31,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, term="1y", handover="[]"), "2023-06-01")
    assert _lengths(out) == [("Austria", "11 months 30 days"), ("Belgium", "1 year"), ("Chile", "5 months 1 day so far")]
    assert [t["length_days"] for t in out["terms"][:2]] == [364, 365]
    assert _kinds(out) == []


def test_lengths_count_days_across_a_leap_year_and_short_months(tmp_path: Path) -> None:
    """term = "1y", no handover bodies. Austria 2020-01-01 to 2021-01-01: 366 days, the leap
    year 2020: "1 year", no finding. Belgium 2021-01-01 to 2022-01-02: "1 year 1 day", longer
    than a year: a violation saying "1 year 1 day". Chile 2022-01-02 to 2022-01-29: 27 days;
    Denmark 2022-01-29 to 2022-02-26: 28 days (under four weeks is only days); Estonia
    2022-02-26 to 2022-03-29: 2022-02-26 + 1 month = 03-26, + 3 days: "1 month 3 days"
    (31 days). Finland from 2022-03-29, today 2022-06-01: "2 months 3 days so far"."""
    chairs = (
        "Austria,2020-01-01,2021-01-01,,,x\nBelgium,2021-01-01,2022-01-02,,,x\nChile,2022-01-02,2022-01-29,,,x\n"
        "Denmark,2022-01-29,2022-02-26,,,x\nEstonia,2022-02-26,2022-03-29,,,x\nFinland,2022-03-29,,,,x\n"
    )
    out = _chairs(_files(tmp_path, chairs, term="1y", handover="[]"), "2022-06-01")
    assert _lengths(out) == [
        ("Austria", "1 year"),
        ("Belgium", "1 year 1 day"),
        ("Chile", "27 days"),
        ("Denmark", "28 days"),
        ("Estonia", "1 month 3 days"),
        ("Finland", "2 months 3 days so far"),
    ]
    assert [t["length_days"] for t in out["terms"][:5]] == [366, 366, 27, 28, 31]
    assert _kinds(out) == [("long_term", "violation", "Belgium")]
    assert "2022-01-02: 1 year 1 day, longer than the rule's term of 1 year." in out["findings"][0]["message"]


def test_a_month_dated_term_perhaps_too_long_never_reads_as_no_longer_than_the_rule(tmp_path: Path) -> None:
    """term = 2y. Austria 2020-06 to 2022-06 (Assemblies 2020-06-10, 2022-06-15): shortest
    2020-06-30 to 2022-06-01, 1 year 11 months 2 days; longest 2020-06-01 to 2022-06-30,
    2 years 29 days. The note said "1 year 11 months to 2 years, perhaps longer than the
    rule's term of 2 years": its longest reading, cut to whole months, was no longer than the
    rule it said it might break. Now "1 year 11 months 2 days to 2 years 29 days"."""
    chairs = "Austria,2020-06,2022-06,,,x\nBelgium,2022-06,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2020-06-10", "2022-06-15")), "2023-01-01")
    assert out["terms"][0]["length"] == "1 year 11 months 2 days to 2 years 29 days"
    (note,) = [f for f in out["findings"] if f["kind"] == "long_term"]
    assert note["severity"] == "note"
    assert note["message"].startswith("Austria chaired 2020-06 to 2022-06: 1 year 11 months 2 days to 2 years 29 days, perhaps longer than the rule's term of 2 years")


def test_alphabetical_order_leaves_a_leading_article_aside(tmp_path: Path) -> None:
    """order = "alphabetical", term 1y, no handover bodies. Members Mongolia, "the
    Netherlands", Norway, "The Gambia", Thailand. The UN's English order lists the Netherlands
    among the N ("Netherlands (Kingdom of the)") and the Gambia among the G: Gambia, Mongolia,
    Netherlands, Norway, Thailand. Register 2021 Mongolia, 2022 the Netherlands, 2023 Norway,
    2024 Thailand: all in turn, no note (by "the ...", the Netherlands came among the T: two
    `out_of_turn` notes). After Thailand the rotation wraps to The Gambia (2025), then
    Mongolia (2026)."""
    members = """members = [
  { name = "Mongolia", code = "MN" },
  { name = "the Netherlands", code = "NL" },
  { name = "Norway", code = "NO" },
  { name = "The Gambia", code = "GM" },
  { name = "Thailand", code = "TH" },
]"""
    chairs = "Mongolia,2021-01-01,2022-01-01,,,x\nthe Netherlands,2022-01-01,2023-01-01,,,x\nNorway,2023-01-01,2024-01-01,,,x\nThailand,2024-01-01,,,,x\n"
    args = _files(tmp_path, chairs, term="1y", handover="[]", extra='order = "alphabetical"', members=members)
    out = _chairs(args, "2024-06-01")
    assert _kinds(out) == []
    assert [p["country"] for p in out["plan"][:3]] == ["The Gambia", "Mongolia", "the Netherlands"]


def _members(**extra: str) -> str:
    """Austria, Belgium, Chile, Denmark, with ``extra`` keys (TOML) on some of them."""
    rows = [f'  {{ name = "{name}", code = "{code}"{", " + extra[name] if name in extra else ""} }},' for name, code in (("Austria", "AT"), ("Belgium", "BE"), ("Chile", "CL"), ("Denmark", "DK"))]
    return "members = [\n" + "\n".join(rows) + "\n]"


def test_a_plan_naming_a_member_that_has_left_or_not_joined_by_its_term_is_refused(tmp_path: Path) -> None:
    """Austria chairs from 2024-06-01 (the Assembly that day); Assemblies every 2 years are
    projected on 2026-06-01 and 2028-06-01 (rule `every 2y`, the usual day). Belgium left on
    2025-12-31; Denmark joins on 2029-01-01. A plan breaks a chair rule where a chair in the
    register would (README: a register's chair outside its membership is a finding; "a plan
    that breaks a chair rule is an error (exit 2)"): --plan "Belgium, Chile" (Belgium from
    2026-06-01, half a year after it left) and --plan "Chile, Denmark" (Denmark from
    2028-06-01, before it joins) are refused, each naming the country and its date. Both
    were accepted, the terms planned. Denmark joining in "2028" (the year only) may be a
    member on 2028-06-01: the plan stands."""
    members = _members(Belgium="left = 2025-12-31", Denmark="joined = 2029-01-01")
    args = _files(tmp_path, "Austria,2024-06-01,,,,x\n", _assembly("2022-06-01", "2024-06-01"), members=members)
    for plan, needle in (("Belgium, Chile", "Belgium would not be a member when its planned term begins (2026-06-01; it left 2025-12-31)"), ("Chile, Denmark", "Denmark would not be a member when its planned term begins (2028-06-01; it joins 2029-01-01)")):
        result = CliRunner().invoke(main, ["chairs", *args, "--today", "2025-01-01", "--plan", plan])
        assert result.exit_code == 2, result.output
        assert needle in result.output
        assert "Traceback" not in result.output
    args = _files(tmp_path, "Austria,2024-06-01,,,,x\n", _assembly("2022-06-01", "2024-06-01"), members=_members(Denmark='joined = "2028"'))
    out = _chairs(args, "2025-01-01", "--plan", "Chile, Denmark")
    assert [(p["country"], p["from"]) for p in out["plan"]] == [("Chile", "2026-06-01"), ("Denmark", "2028-06-01")]


def test_a_plan_file_naming_a_member_that_has_left_names_its_line(tmp_path: Path) -> None:
    """The same refusal from --plan-file names the file and the line of the candidate at
    fault: line 3 (Belgium, after a comment line and Chile)."""
    args = _files(tmp_path, "Austria,2024-06-01,,,,x\n", _assembly("2022-06-01", "2024-06-01"), members=_members(Belgium="left = 2027-12-31"))
    (tmp_path / "plan.txt").write_text("# agreed 2024\nChile\nBelgium\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["chairs", *args, "--today", "2025-01-01", "--plan-file", str(tmp_path / "plan.txt")])
    assert result.exit_code == 2, result.output
    assert "plan.txt:3" in result.output and "Belgium would not be a member" in result.output


def test_a_chair_whose_term_begins_while_it_is_suspended_is_a_note(tmp_path: Path) -> None:
    """Belgium is suspended from 2024-01-01 ("dues unpaid", no end). --plan "Belgium, Chile":
    Belgium's planned term begins at the Assembly of 2026-06-01, inside the suspension: a
    note (`suspended`), not a refusal: a suspension is about taking part, not a chair rule,
    and may be lifted before the term begins; Chile's term draws nothing; exit 0. In the
    register, Belgium chairing from 2024-06-01 (suspended since 2024-01-01) is the same note.
    A suspension dated to the month ("2024-06") may have begun after 2024-06-01: no note
    (never more certain than the data). Before this pass nothing was said of either."""
    members = _members(Belgium='suspended = [{ start = 2024-01-01, reason = "dues unpaid" }]')
    args = _files(tmp_path, "Austria,2024-06-01,,,,x\n", _assembly("2022-06-01", "2024-06-01"), members=members)
    out = _chairs(args, "2025-01-01", "--plan", "Belgium, Chile")
    assert _kinds(out) == [("suspended", "note", "Belgium")]
    assert out["findings"][0]["message"] == (
        "Belgium's planned term begins on 2026-06-01 while it is suspended (from 2024-01-01: dues unpaid):"
        " a suspended member takes no part, and the rotation passes it by."
    )
    assert out["summary"]["exit_code"] == 0
    chairs = "Austria,2022-06-01,2024-06-01,,,x\nBelgium,2024-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2022-06-01", "2024-06-01"), members=members), "2025-01-01")
    assert _kinds(out) == [("suspended", "note", "Belgium")]
    loose = _members(Belgium='suspended = [{ start = "2024-06", reason = "dues unpaid" }]')
    out = _chairs(_files(tmp_path, chairs, _assembly("2022-06-01", "2024-06-01"), members=loose), "2025-01-01")
    assert _kinds(out) == []


def test_a_row_repeated_is_one_term_not_two_overlapping(tmp_path: Path) -> None:
    """Austria 2020-06-01 to 2022-06-01, Belgium 2022-06-01 to 2024-06-01 (recorded twice, the
    second row citing another source), Chile from 2024-06-01; an Assembly at each handover.
    One chair cannot hold two terms over the same days: the repeated row is one term, a note
    (`one_term`, "recorded twice"), 3 terms, exit 0. It was two violations: Belgium "twice
    in a row" and "Belgium and Belgium overlap by 731 days"."""
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,2024-06-01,,,x\nBelgium,2022-06-01,2024-06-01,,,y\nChile,2024-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-01", "2024-06-01")), "2025-01-01")
    assert _kinds(out) == [("one_term", "note", "Belgium")]
    assert out["findings"][0]["message"] == "Belgium 2022-06-01 to 2024-06-01 is recorded twice in the chair register: read as one term."
    assert [t["country"] for t in out["terms"]] == ["Austria", "Belgium", "Chile"]
    assert out["summary"]["exit_code"] == 0


def test_one_term_written_in_two_rows_with_no_handover_between_is_judged_whole(tmp_path: Path) -> None:
    """Belgium's term in two rows: 2022-06-01 to 2023-06-01 and 2023-06-01 to 2024-06-01
    ("a row per year"), no Assembly near 2023-06-01 (Assemblies 2020-06-01, 2022-06-01,
    2024-06-01). The chair passes only at an Assembly: nothing passed on 2023-06-01, so it is
    one term of 2 years, within the rule: a note (`one_term`), exit 0. It was two violations:
    "chaired twice in a row" and "Handover Belgium → Belgium on 2023-06-01 is not at a meeting
    of a handover body". Judged whole, an extension in a row of its own (to 2024-09-01, the
    Assembly that day) makes the term 2 years 3 months: too long, a violation quoting the
    row's note, as one row would have been."""
    meetings = _assembly("2020-06-01", "2022-06-01", "2024-06-01")
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,2023-06-01,,,x\nBelgium,2023-06-01,2024-06-01,,,x\nChile,2024-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, meetings), "2025-01-01")
    assert _kinds(out) == [("one_term", "note", "Belgium")]
    assert out["findings"][0]["message"] == (
        "Belgium's term 2022-06-01 to 2024-06-01 is recorded in 2 rows (2022-06-01 to 2023-06-01; 2023-06-01 to 2024-06-01),"
        " with no meeting of a handover body between them: the chair did not pass, and they are read as one term."
    )
    belgium = out["terms"][1]
    assert (belgium["from"], belgium["to"], belgium["length"], belgium["length_days"]) == ("2022-06-01", "2024-06-01", "2 years", 731)
    meetings = _assembly("2020-06-01", "2022-06-01", "2024-09-01")
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,2024-06-01,,,x\nBelgium,2024-06-01,2024-09-01,,extended to the Assembly,x\nChile,2024-09-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, meetings), "2025-01-01")
    assert _kinds(out) == [("long_term", "violation", "Belgium"), ("one_term", "note", "Belgium")]
    assert out["findings"][0]["message"] == (
        "Belgium chaired 2022-06-01 to 2024-09-01: 2 years 3 months, longer than the rule's term of 2 years."
        " The register notes an extension: extended to the Assembly"
    )


def test_two_rows_of_one_chair_split_at_an_assembly_are_two_terms_in_a_row(tmp_path: Path) -> None:
    """The same two rows with an Assembly on 2023-06-01: the chair was handed over there (to
    Belgium again: re-elected), so they are two terms, and `consecutive_terms = false` makes
    the second a violation, "twice in a row", the only finding (no `one_term` note)."""
    meetings = _assembly("2020-06-01", "2022-06-01", "2023-06-01", "2024-06-01")
    chairs = "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,2023-06-01,,,x\nBelgium,2023-06-01,2024-06-01,,,x\nChile,2024-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, meetings), "2025-01-01")
    assert _kinds(out) == [("consecutive", "violation", "Belgium")]
    assert len(out["terms"]) == 4


def test_a_successor_completing_a_resigned_chairs_term_at_a_special_assembly(tmp_path: Path) -> None:
    """Austria chaired from the Assembly of 2020-06-01 and resigned; a special Assembly on
    2021-03-15 gave the chair to Belgium to complete the term, to the regular Assembly of
    2022-06-01, where Chile took over. Austria: 9 months 14 days; Belgium: 2021-03-15 + 1
    year = 2022-03-15, + 2 months = 05-15, + 17 days: "1 year 2 months 17 days". Neither is
    longer than 2 years; no chair twice; the handover of 2021-03-15 was at a special meeting
    of a handover body: counted, with a note (`special_handover`). Exit 0."""
    meetings = _assembly("2020-06-01", "2022-06-01") + "assembly,special,1,2021-03-15,2021-03-15,held,Vienna,Austria,,Special Assembly,x\n"
    chairs = "Austria,2020-06-01,2021-03-15,,resigned,x\nBelgium,2021-03-15,2022-06-01,,completes Austria's term,x\nChile,2022-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, meetings), "2023-01-01")
    assert _lengths(out)[:2] == [("Austria", "9 months 14 days"), ("Belgium", "1 year 2 months 17 days")]
    assert _kinds(out) == [("special_handover", "note", "Belgium")]
    assert out["summary"]["exit_code"] == 0


def test_a_register_of_one_term_known_only_by_year(tmp_path: Path) -> None:
    """One row: Austria from "2024", still chairing; the only Assembly of 2024 on 2024-06-03;
    today 2025-03-01. Its start is some day of 2024: so far from 2024-12-31 (2 months 1 day)
    to from 2024-01-01 (1 year 2 months): "2 months 1 day to 1 year 2 months so far", shorter
    than 2 years on every reading: no `long_term`. The handover is taken to be the Assembly of
    2024-06-03 with a note (`loose_handover`, "the only meeting of a handover body then").
    Nothing else: no term before it, exit 0."""
    out = _chairs(_files(tmp_path, "Austria,2024,,,,x\n", _assembly("2024-06-03")), "2025-03-01")
    assert _lengths(out) == [("Austria", "2 months 1 day to 1 year 2 months so far")]
    assert _kinds(out) == [("loose_handover", "note", "Austria")]
    assert "the only meeting of a handover body then" in out["findings"][0]["message"]
    assert out["summary"]["exit_code"] == 0


def test_a_year_from_29_february_may_end_on_1_march_a_note_not_a_violation(tmp_path: Path) -> None:
    """term = "1y", no handover bodies. Austria from 2020-02-29, handed over 2021-03-01: 366
    days, "1 year 1 day" as dateutil counts (a year from 29 February ends on 28 February).
    By the other convention (the missing 29th read as 1 March) it is exactly a year: whether
    it is too long rests on the calendar's convention, not on the register: a note, exit 0
    (it was a violation). Handed over on 2021-03-02, it is longer on both readings: a
    violation, "1 year 2 days"."""
    chairs = "Austria,2020-02-29,2021-03-01,,,x\nBelgium,2021-03-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, term="1y", handover="[]"), "2021-06-01")
    assert _kinds(out) == [("long_term", "note", "Austria")]
    assert out["findings"][0]["message"] == (
        "Austria chaired 2020-02-29 to 2021-03-01: 1 year 1 day, longer than the rule's term of 1 year only if a term from"
        " 2020-02-29 ends on 2021-02-28, the last day of the month that lacks its day; read as ending on the day after, it is not."
    )
    assert out["summary"]["exit_code"] == 0
    chairs = "Austria,2020-02-29,2021-03-02,,,x\nBelgium,2021-03-02,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, term="1y", handover="[]"), "2021-06-01")
    assert _kinds(out) == [("long_term", "violation", "Austria")]
    assert "1 year 2 days, longer than the rule's term of 1 year." in out["findings"][0]["message"]
