"""Session 22's chair semantics: `planner chairs` on small rule books whose findings were worked
out by hand from README ("`planner chairs`", "The rule book": `[chairmanship]`, "The register":
chair terms) before running the planner. Each docstring holds the rule, the registers and the
reasoning. The base organization: the "Lake Commission", six members, a two-year chair
(`term = "2y"`, no tolerance) passing at each Assembly (`handover_bodies = ["assembly"]`,
hosted by the chair, the outgoing chair hosting the handover meeting: the default)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

_MEMBERS = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE" },
  { name = "Chile", code = "CL" },
  { name = "Denmark", code = "DK" },
  { name = "Estonia", code = "EE" },
  { name = "Finland", code = "FI" },
]"""

_BOOK = """[organization]
id = "lake"
name = "Lake Commission"
short_name = "LC"
timezone = "Europe/Vienna"
secretariat = {{ city = "Vienna", country = "Austria" }}
{members}

[chairmanship]
term = "{term}"
handover_bodies = {handover}
chair_hosts = true
consecutive_terms = false
source = "Statute, art. 7"
{extra}

[[bodies]]
id = "assembly"
name = "Assembly"
category = "governing"
established = {established}
host = "chair"

[[bodies.rules]]
kind = "every"
interval = "{term}"
source = "Statute, art. 4"
"""

_MEETINGS = "body,kind,ordinal,start,end,status,city,country,format,title,source\n"
_CHAIRS = "country,start,end,ordinal,note,source\n"


def _files(tmp_path: Path, chairs: str, meetings: str = "", *, term: str = "2y", handover: str = '["assembly"]', extra: str = "", members: str = _MEMBERS, established: str = "2010-01-01") -> list[str]:
    (tmp_path / "book.toml").write_text(_BOOK.format(term=term, handover=handover, extra=extra, members=members, established=established), encoding="utf-8")
    (tmp_path / "meetings.csv").write_text(_MEETINGS + meetings, encoding="utf-8")
    (tmp_path / "chairs.csv").write_text(_CHAIRS + chairs, encoding="utf-8")
    return ["--rules", str(tmp_path / "book.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--chairs", str(tmp_path / "chairs.csv")]


def _assembly(*days: str, kind: str = "regular", status: str = "held") -> str:
    return "".join(f"assembly,{kind},{i},{d},{d},{status},Vienna,Austria,,Assembly,x\n" for i, d in enumerate(days, 1))


def _chairs(args: list[str], today: str, *extra: str) -> dict:
    result = CliRunner().invoke(main, ["chairs", *args, "--today", today, "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _kinds(out: dict) -> list[tuple[str, str, str]]:
    return [(f["kind"], f["severity"], f["country"]) for f in out["findings"]]


def test_a_term_one_day_longer_than_the_rule_is_a_violation_and_exactly_the_rule_is_not(tmp_path: Path) -> None:
    """term = 2y, no tolerance. Austria 2020-06-01 to 2022-06-01 (handed over at the Assembly
    that day): exactly 2 years, nothing. Belgium 2022-06-01 to 2024-06-02 (Assembly
    2024-06-02): 2 years 1 day, longer than 2 years: a violation naming the day. Chile from
    2024-06-02, running on 2025-01-01: 7 months, nothing. Exit 1."""
    args = _files(tmp_path, "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,2024-06-02,,,x\nChile,2024-06-02,,,,x\n", _assembly("2020-06-01", "2022-06-01", "2024-06-02"))
    out = _chairs(args, "2025-01-01")
    assert _kinds(out) == [("long_term", "violation", "Belgium")]
    assert "2 years 1 day" in out["findings"][0]["message"]
    assert [t["length_days"] for t in out["terms"][:2]] == [730, 732]
    assert out["summary"]["exit_code"] == 1


def test_a_term_one_day_short_of_the_rule_is_no_finding(tmp_path: Path) -> None:
    """The rule caps a term ("terms longer than the rule allows are findings", README); it
    sets no least length: a chair handed over a day early (Austria 2020-06-01 to 2022-05-31,
    at the Assembly that day) breaks nothing. Exit 0."""
    args = _files(tmp_path, "Austria,2020-06-01,2022-05-31,,,x\nBelgium,2022-05-31,,,,x\n", _assembly("2020-06-01", "2022-05-31"))
    out = _chairs(args, "2023-01-01")
    assert _kinds(out) == []
    assert out["summary"]["exit_code"] == 0


def test_handover_days_is_inclusive_at_its_edge(tmp_path: Path) -> None:
    """handover_days = 3 (tolerance 1 month, so no length is at issue): a term's first or last day may be up to 3 days from its handover
    meeting. Austria to 2022-06-04 with the Assembly on 2022-06-01 (3 days): matched, nothing.
    Belgium to 2024-06-05, Assembly 2024-06-01 (4 days): a handover away from a handover
    meeting, a violation ("none within 3 days"). Exit 1."""
    chairs = "Austria,2020-06-01,2022-06-04,,,x\nBelgium,2022-06-04,2024-06-05,,,x\nChile,2024-06-05,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-01", "2024-06-01"), extra='handover_days = 3\ntolerance = "1m"')
    out = _chairs(args, "2025-01-01")
    assert _kinds(out) == [("handover", "violation", "Chile")]
    assert "none within 3 days" in out["findings"][0]["message"]


def test_a_handover_meeting_a_day_before_or_after_the_term_end_is_the_handover(tmp_path: Path) -> None:
    """Default handover_days (7), tolerance 1 month (lengths not at issue). Austria ends 2022-06-02, the Assembly met 2022-06-01 (a day
    before); Belgium ends 2024-06-01, the Assembly met 2024-06-02 (a day after): both within
    7 days, both handovers at an Assembly: no finding; each term opens at the meeting that
    closed the one before."""
    chairs = "Austria,2020-06-01,2022-06-02,,,x\nBelgium,2022-06-02,2024-06-01,,,x\nChile,2024-06-01,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-01", "2024-06-02"), extra='tolerance = "1m"')
    out = _chairs(args, "2025-01-01")
    assert _kinds(out) == []
    assert [t["country"] for t in out["terms"]] == ["Austria", "Belgium", "Chile"]


def test_terms_overlapping_by_one_day_or_leaving_one_day_are_violations_with_the_count(tmp_path: Path) -> None:
    """Tolerance 1 month (lengths not at issue). `end` is the day the chair was handed over, the next term's `start` (README). Austria
    to 2022-06-02 and Belgium from 2022-06-01: both chair on 2022-06-01, an overlap of 1 day.
    Belgium to 2024-06-01 and Chile from 2024-06-03: on 2024-06-02 no one chairs (a register
    that gives the last day chaired, 06-01, would have Chile from 06-02): a gap of 1 day."""
    chairs = "Austria,2020-06-01,2022-06-02,,,x\nBelgium,2022-06-01,2024-06-01,,,x\nChile,2024-06-03,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2020-06-01", "2022-06-01", "2024-06-02"), extra='tolerance = "1m"')
    out = _chairs(args, "2025-01-01")
    found = {(f["kind"], f["severity"]): f["message"] for f in out["findings"]}
    assert set(found) == {("overlap", "violation"), ("gap", "violation")}
    assert "overlap by 1 day." in found["overlap", "violation"]
    assert "No chair for 1 day:" in found["gap", "violation"]


def test_a_running_term_past_its_expected_end_is_too_long_so_far(tmp_path: Path) -> None:
    """Austria from 2020-06-01, `end` empty (still chairing), no Assembly since its first,
    today 2023-01-01: 2 years 7 months so far, longer than 2 years: a violation (the register
    says it still chairs; no meeting recorded as planned could have ended it)."""
    args = _files(tmp_path, "Austria,2020-06-01,,,,x\n", _assembly("2020-06-01"))
    out = _chairs(args, "2023-01-01")
    assert _kinds(out)[0] == ("long_term", "violation", "Austria")
    assert "2 years 7 months so far" in out["findings"][0]["message"]
    assert out["terms"][0]["running"] is True


def test_a_register_of_one_term_opened_at_an_assembly_has_nothing_to_say(tmp_path: Path) -> None:
    """One term, Austria from 2024-06-03 (the Assembly that day, a Monday), running on
    2025-03-01 (8 months): not too long, no term before it to overlap or follow: no finding,
    exit 0. (The next Assembly is projected on 2026-06-03, a Wednesday, the same day two years
    on: the term is expected to last exactly 2 years, no `long_expected` note.)"""
    args = _files(tmp_path, "Austria,2024-06-03,,,,x\n", _assembly("2024-06-03"))
    out = _chairs(args, "2025-03-01")
    assert _kinds(out) == []
    assert out["summary"] == {**out["summary"], "terms": 1, "violations": 0, "exit_code": 0}


def test_a_meeting_that_closes_one_term_and_opens_the_next_is_one_handover_hosted_by_the_outgoing_chair(tmp_path: Path) -> None:
    """The Assembly of 2022-06-01 in Vienna (Austria) ends Austria's term and begins
    Belgium's: one handover (no second finding), the outgoing chair hosted it (the rule
    book's default `handover_host = "outgoing"`), so it is Austria's hosted meeting, not
    Belgium's (which hosts only the next, projected Assembly that will end its term)."""
    args = _files(tmp_path, "Austria,2020-06-01,2022-06-01,,,x\nBelgium,2022-06-01,,,,x\n", _assembly("2020-06-01", "2022-06-01"))
    out = _chairs(args, "2023-01-01")
    assert _kinds(out) == []
    austria, belgium = out["terms"]
    assert [m["start"] for m in austria["hosted"]] == ["2020-06-01", "2022-06-01"]
    assert "2022-06-01" not in [m["start"] for m in belgium["hosted"]]
    assert austria["to"] == belgium["from"] == "2022-06-01"


def test_a_term_dated_by_month_is_too_long_only_on_some_days_a_note(tmp_path: Path) -> None:
    """Austria 2020-06 to 2022-06: from 2020-06-30 to 2022-06-01 it is 1 year 11 months and
    2 days, from 2020-06-01 to 2022-06-30 it is 2 years 29 days: longer than 2 years on some
    of the days only: a note, never a violation. Belgium 2022-06 to 2024-07: the shortest
    reading, 2022-06-30 to 2024-07-01, is 2 years 1 day: too long on every reading, a
    violation. (Each month holds an Assembly, taken as the handover with a note.)"""
    chairs = "Austria,2020-06,2022-06,,,x\nBelgium,2022-06,2024-07,,,x\nChile,2024-07,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2020-06-10", "2022-06-15", "2024-07-01"))
    out = _chairs(args, "2025-01-01")
    long_terms = [(f["severity"], f["country"]) for f in out["findings"] if f["kind"] == "long_term"]
    assert long_terms == [("note", "Austria"), ("violation", "Belgium")]
    assert out["terms"][0]["length_days"] is None
    assert out["terms"][0]["length_days_range"] == [701, 759]


def test_terms_dated_by_year_only_give_notes_where_the_days_decide(tmp_path: Path) -> None:
    """Austria 2016 to 2018 (2y): 2016-12-31 to 2018-01-01 is 1 year 1 day, 2016-01-01 to
    2018-12-31 nearly 3 years: a note. Belgium 2018 to 2021: the shortest reading,
    2018-12-31 to 2021-01-01, is 2 years 1 day: a violation. The boundary Austria→Belgium
    (both 2018): a gap or an overlap on some days only, a note (none between Belgium and
    Chile: same)."""
    chairs = "Austria,2016,2018,,,x\nBelgium,2018,2021,,,x\nChile,2021,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2016-05-01", "2018-05-01", "2021-05-01"))
    out = _chairs(args, "2022-01-01")
    long_terms = [(f["severity"], f["country"]) for f in out["findings"] if f["kind"] == "long_term"]
    assert long_terms == [("note", "Austria"), ("violation", "Belgium")]
    assert all(f["severity"] == "note" for f in out["findings"] if f["kind"] in ("gap", "overlap", "gap_or_overlap"))
    assert not [f for f in out["findings"] if f["kind"] in ("gap", "overlap") and f["severity"] == "violation"]


def test_alphabetical_order_by_name_without_accents_reads_an_alias(tmp_path: Path) -> None:
    """order = "alphabetical", term 1y, no handover bodies (the chair passes each 1 January).
    Members Tunisia, Türkiye (alias Turkey), Turkmenistan, Uganda: by the name without its
    accents, "turkiye" < "turkmenistan", so Tunisia → Türkiye → Turkmenistan → Uganda. The
    register writing "Turkey" is Türkiye: all in turn, no note. (By the alias, "Turkey" after
    "Turkmenistan", Turkmenistan would follow Tunisia: not the rule's order.)"""
    members = """members = [
  { name = "Uganda", code = "UG" },
  { name = "Turkmenistan", code = "TM" },
  { name = "Türkiye", code = "TR", aliases = ["Turkey"] },
  { name = "Tunisia", code = "TN" },
]"""
    chairs = "Tunisia,2020-01-01,2021-01-01,,,x\nTurkey,2021-01-01,2022-01-01,,,x\nTurkmenistan,2022-01-01,2023-01-01,,,x\nUganda,2023-01-01,,,,x\n"
    args = _files(tmp_path, chairs, term="1y", handover="[]", extra='order = "alphabetical"', members=members)
    out = _chairs(args, "2023-06-01")
    assert _kinds(out) == []
    swapped = "Tunisia,2020-01-01,2021-01-01,,,x\nTurkmenistan,2021-01-01,2022-01-01,,,x\n"
    out = _chairs(_files(tmp_path, swapped, term="1y", handover="[]", extra='order = "alphabetical"', members=members), "2021-06-01")
    assert _kinds(out) == [("out_of_turn", "note", "Turkmenistan")]
    assert "gives Türkiye" in out["findings"][0]["message"]


def _yearly(members: str) -> dict:
    return {"term": "1y", "handover": "[]", "extra": 'order = "alphabetical"', "members": members}


def test_a_member_that_joined_mid_rotation_takes_its_turn_from_its_joining(tmp_path: Path) -> None:
    """Alphabetical, yearly. Members Austria, Belgium, Chile, and Denmark (joined 2022-07-01).
    2021 Austria, 2022 Belgium, 2023 Chile: Denmark was no member on 2022-01-01 but is on
    2024-01-01, so 2024 is Denmark's; Austria in 2024 is out of turn (a note naming
    Denmark). Denmark chairing from 2022-01-01 would be no member then: a violation."""
    members = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE" },
  { name = "Chile", code = "CL" },
  { name = "Denmark", code = "DK", joined = 2022-07-01 },
]"""
    base = "Austria,2021-01-01,2022-01-01,,,x\nBelgium,2022-01-01,2023-01-01,,,x\nChile,2023-01-01,2024-01-01,,,x\n"
    out = _chairs(_files(tmp_path, base + "Denmark,2024-01-01,,,,x\n", **_yearly(members)), "2024-06-01")
    assert _kinds(out) == []
    out = _chairs(_files(tmp_path, base + "Austria,2024-01-01,,,,x\n", **_yearly(members)), "2024-06-01")
    assert _kinds(out) == [("out_of_turn", "note", "Austria")]
    assert "gives Denmark" in out["findings"][0]["message"]
    early = "Austria,2021-01-01,2022-01-01,,,x\nDenmark,2022-01-01,2023-01-01,,,x\n"
    out = _chairs(_files(tmp_path, early, **_yearly(members)), "2022-06-01")
    assert ("not_member", "violation", "Denmark") in _kinds(out)


def test_a_member_that_left_is_passed_by_and_one_chairing_past_its_leaving_is_a_violation(tmp_path: Path) -> None:
    """Members Austria, Belgium, Chile (left 2022-12-31), Denmark. 2021 Austria, 2022
    Belgium, 2023 Denmark: Chile was no member on 2023-01-01, Denmark is next: in turn.
    Chile chairing 2022-06-01 to 2023-06-01 chaired five months after it left: a violation."""
    members = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE" },
  { name = "Chile", code = "CL", left = 2022-12-31 },
  { name = "Denmark", code = "DK" },
]"""
    chairs = "Austria,2021-01-01,2022-01-01,,,x\nBelgium,2022-01-01,2023-01-01,,,x\nDenmark,2023-01-01,,,,x\n"
    assert _kinds(_chairs(_files(tmp_path, chairs, **_yearly(members)), "2023-06-01")) == []
    late = "Belgium,2021-06-01,2022-06-01,,,x\nChile,2022-06-01,2023-06-01,,,x\nDenmark,2023-06-01,,,,x\n"
    kinds = _kinds(_chairs(_files(tmp_path, late, **_yearly(members)), "2023-09-01"))
    assert ("not_member", "violation", "Chile") in kinds


def test_a_suspended_member_is_passed_by_and_keeps_its_place(tmp_path: Path) -> None:
    """Members Austria, Belgium (suspended 2021-03-01 to 2022-12-31), Chile, Denmark.
    2021 Austria; on 2022-01-01 Belgium is certainly suspended: Chile is next (in turn);
    2023 Denmark; 2024 Austria; on 2025-01-01 Belgium takes part again: its turn, in turn."""
    members = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE", suspended = [{ start = 2021-03-01, end = 2022-12-31, reason = "dues unpaid" }] },
  { name = "Chile", code = "CL" },
  { name = "Denmark", code = "DK" },
]"""
    chairs = "".join(f"{c},{y}-01-01,{y + 1}-01-01,,,x\n" for c, y in (("Austria", 2021), ("Chile", 2022), ("Denmark", 2023), ("Austria", 2024))) + "Belgium,2025-01-01,,,,x\n"
    assert _kinds(_chairs(_files(tmp_path, chairs, **_yearly(members)), "2025-06-01")) == []


def test_a_suspension_known_only_to_the_month_gives_either_member_the_turn(tmp_path: Path) -> None:
    """Belgium's suspension began in "2022-01" (the register of members gives the month): on
    2022-01-01 it may or may not have begun. After Austria (2021) the turn is Belgium's if it
    had not, Chile's if it had: Chile chairing 2022 is not certainly out of turn, and a note
    that the rotation "gives Belgium" would be more certain than the data. Belgium chairing
    2022 is not out of turn either (not certainly suspended that day). Before this pass
    Chile's term drew `out_of_turn`: "after Austria the rotation (alphabetical order) gives
    Belgium"."""
    members = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE", suspended = [{ start = "2022-01", reason = "froze its participation" }] },
  { name = "Chile", code = "CL" },
  { name = "Denmark", code = "DK" },
]"""
    for second in ("Chile", "Belgium"):
        chairs = f"Austria,2021-01-01,2022-01-01,,,x\n{second},2022-01-01,,,,x\n"
        assert _kinds(_chairs(_files(tmp_path, chairs, **_yearly(members)), "2022-06-01")) == [], second
    # Denmark is out of turn on every reading: the note names both members it may have been
    chairs = "Austria,2021-01-01,2022-01-01,,,x\nDenmark,2022-01-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, **_yearly(members)), "2022-06-01")
    assert _kinds(out) == [("out_of_turn", "note", "Denmark")]
    assert "gives Belgium or Chile" in out["findings"][0]["message"]


def test_a_joining_or_leaving_known_only_to_the_month_gives_either_member_the_turn(tmp_path: Path) -> None:
    """Alphabetical, yearly. Denmark joined in "2024-01" (the month only): on 2024-01-01 it may
    or may not have been a member. After Chile (2023) the turn is Denmark's if it had joined,
    Estonia's if not: Estonia chairing 2024 is not certainly out of turn (before this pass:
    "the rotation gives Denmark"). Austria is out of turn on both readings: a note naming
    both. The same for Belgium leaving in "2022-01": after Austria (2021), Belgium or Chile."""
    members = """members = [
  { name = "Austria", code = "AT" },
  { name = "Belgium", code = "BE", left = "2022-01" },
  { name = "Chile", code = "CL" },
  { name = "Denmark", code = "DK", joined = "2024-01" },
  { name = "Estonia", code = "EE" },
]"""
    base = "Chile,2023-01-01,2024-01-01,,,x\n"
    for nxt in ("Estonia", "Denmark"):
        out = _chairs(_files(tmp_path, base + f"{nxt},2024-01-01,,,,x\n", **_yearly(members)), "2024-06-01")
        assert [k for k in _kinds(out) if k[0] == "out_of_turn"] == [], nxt
    out = _chairs(_files(tmp_path, base + "Austria,2024-01-01,,,,x\n", **_yearly(members)), "2024-06-01")
    assert [f["message"] for f in out["findings"] if f["kind"] == "out_of_turn"] == [
        "Austria (2024-01-01 to today (2024-06-01)) is out of turn: after Chile the rotation (alphabetical order) gives Denmark or Estonia."
    ]
    for nxt in ("Belgium", "Chile"):
        out = _chairs(_files(tmp_path, f"Austria,2021-01-01,2022-01-01,,,x\n{nxt},2022-01-01,,,,x\n", **_yearly(members)), "2022-01-10")
        assert [k for k in _kinds(out) if k[0] == "out_of_turn"] == [], nxt


def test_since_after_the_first_term_judges_only_terms_that_began_under_the_rule(tmp_path: Path) -> None:
    """since = 2022-01-01. Austria 2017-06-01 to 2022-06-01 (5 years, handed over at no
    Assembly: none recorded within 7 days of 2017-06-01) began before the rule: a note, and
    neither its length nor its opening handover is judged by a rule not yet in force.
    Belgium from 2022-06-01 (the Assembly that day) began under it: judged, nothing to say.
    Before this pass the opening handover of 2017 was a violation ("not at a meeting of a
    handover body") beside the note that the term is not judged by the rule. The same for
    the same chair twice in a row before the rule (Austria 2015-2017, 2017-2022, each handed
    over at an Assembly): the rule's `consecutive_terms = false` was not in force."""
    chairs = "Austria,2017-06-01,2022-06-01,,,x\nBelgium,2022-06-01,,,,x\n"
    args = _files(tmp_path, chairs, _assembly("2020-03-01", "2022-06-01"), extra="since = 2022-01-01")
    out = _chairs(args, "2023-01-01")
    assert _kinds(out) == [("before_rule", "note", "Austria")]
    assert out["summary"]["exit_code"] == 0
    chairs = "Austria,2015-06-01,2017-06-01,,,x\nAustria,2017-06-01,2022-06-01,,,x\nBelgium,2022-06-01,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2015-06-01", "2017-06-01", "2022-06-01"), extra="since = 2022-01-01"), "2023-01-01")
    assert _kinds(out) == [("before_rule", "note", "Austria"), ("before_rule", "note", "Austria")]
    # under the rule, the same pair of terms is a violation
    out = _chairs(_files(tmp_path, chairs, _assembly("2015-06-01", "2017-06-01", "2022-06-01"), extra="since = 2015-01-01"), "2023-01-01")
    assert ("consecutive", "violation", "Austria") in _kinds(out)


def test_a_plan_naming_a_member_twice_or_a_non_member(tmp_path: Path) -> None:
    """Belgium chairs from 2024-06-01 (the Assembly that day), Assemblies every two years
    ahead. --plan "Chile, Chile": the same country twice in a row under
    consecutive_terms = false breaks the chair rule: exit 2 naming the rule. --plan "Chile,
    Atlantis": Atlantis is no member: exit 2. --plan "Chile, Denmark, Chile": twice, not in a
    row: allowed, three planned terms."""
    args = _files(tmp_path, "Belgium,2024-06-01,,,,x\n", _assembly("2022-06-01", "2024-06-01"))
    for plan, needle in (("Chile, Chile", "consecutive"), ("Chile, Atlantis", "Atlantis")):
        result = CliRunner().invoke(main, ["chairs", *args, "--today", "2025-01-01", "--plan", plan])
        assert result.exit_code == 2, result.output
        assert needle in result.output
        assert "Traceback" not in result.output
    out = _chairs(args, "2025-01-01", "--plan", "Chile, Denmark, Chile")
    assert [p["country"] for p in out["plan"]] == ["Chile", "Denmark", "Chile"]
