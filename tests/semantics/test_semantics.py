"""The settled meanings of issue 9, each with its minimal case (README, "Semantics")."""

from __future__ import annotations

from datetime import date

from planner.core.dates import PartialDate
from planner.core.model import Meeting, Status
from planner.engine.judging.compliance import Verdict, check
from planner.inputs.rulebook import parse_rulebook


def _book(*rules, other_rules=None, established=None):
    bodies = []
    if other_rules is not None:
        bodies.append({"id": "summit", "name": "Summit", "category": "governing", "rules": other_rules})
    body = {"id": "board", "name": "Board", "category": "governing", "rules": list(rules)}
    if established:
        body["established"] = established
    bodies.append(body)
    return parse_rulebook({"organization": {"id": "o", "name": "Org", "short_name": "O"}, "bodies": bodies})


def _m(day, body="board", kind="regular", status="held", ordinal=None):
    return Meeting(body=body, kind=kind, start=PartialDate.parse(day), status=Status(status), ordinal=ordinal)


def _findings(book, meetings, today, **kw):
    return [f for f in check(book, meetings, today, **kw).of("board") if f.expectation]


def _verdicts(book, meetings, today, **kw):
    return {f.window_label: f.verdict for f in _findings(book, meetings, today, **kw)}


# -- bugs ---------------------------------------------------------------------------------------


def test_loosely_dated_origin_makes_after_uncertain_not_late():
    """Summit known only as 2014, Bureau 18 months after, held 2016-05-10: on time only if the
    Summit was in November 2014, so uncertain, saying which dates give which verdict."""
    book = _book({"kind": "after", "body": "summit", "offset": "18m"}, other_rules=[{"kind": "ad_hoc"}])
    report = check(book, [_m("2014", body="summit"), _m("2016-05-10")], date(2017, 1, 15))
    (finding,) = [f for f in report.of("board") if f.expectation]
    assert finding.verdict is Verdict.UNCERTAIN
    assert "met if it was held 2014-11" in finding.why
    assert "late if it was held 2014-01..2014-10" in finding.why
    assert not report.violations


def test_loosely_dated_origin_in_a_rolling_chain_in_days():
    """`every 90d` after a meeting dated 2023-10, next on 2024-01-10: met if the first was on
    2023-10-12 or later, late if before; uncertain."""
    book = _book({"kind": "every", "interval": "90d"})
    findings = _findings(book, [_m("2023-10"), _m("2024-01-10")], date(2024, 2, 1))
    first = findings[0]
    assert first.verdict is Verdict.UNCERTAIN
    assert "met if it was held 2023-10-12..2023-10-31" in first.why
    assert "late if it was held 2023-10-01..2023-10-11" in first.why


def test_loose_origin_with_one_answer_stays_definite():
    """When every day the origin may have had gives the same verdict, the verdict stands."""
    book = _book({"kind": "after", "body": "summit", "offset": "18m"}, other_rules=[{"kind": "ad_hoc"}])
    assert [f.verdict for f in _findings(book, [_m("2014", body="summit")], date(2017, 1, 15))] == [Verdict.MISSED]


def test_to_in_the_past_sees_nothing_after_it():
    """`every 4y`, Summits 2010, 2014, 2019-06-15, --to 2019-01-01: the 2018 window was missed
    as it stood then, and the 2019 Summit is no scheduled meeting either."""
    book = _book({"kind": "every", "interval": "4y"})
    meetings = [_m("2010-05-01"), _m("2014-05-01"), _m("2019-06-15")]
    findings = _findings(book, meetings, date(2026, 1, 1), end=date(2019, 1, 1))
    got = {f.window_label: f.verdict for f in findings}
    assert got["2014"] is Verdict.MET and got["2018"] is Verdict.MISSED
    assert all(m.earliest <= date(2019, 1, 1) for f in findings for m in (*f.counted, *f.scheduled))
    assert "2019-06-15" not in " ".join(f.why for f in findings)


def test_late_meeting_after_long_silence_keeps_the_missed_windows():
    """`every 4y`, 2010-05-01 then 2023-03-01: 2014 missed, 2018 missed, 2022 late."""
    book = _book({"kind": "every", "interval": "4y"})
    findings = _findings(book, [_m("2010-05-01"), _m("2023-03-01")], date(2024, 1, 1))
    got = {f.window_label: f.verdict for f in findings}
    assert (got["2014"], got["2018"], got["2022"]) == (Verdict.MISSED, Verdict.MISSED, Verdict.LATE)
    late = next(f for f in findings if f.window_label == "2022")
    assert late.late_meeting is not None and late.late_meeting.earliest == date(2023, 3, 1)
    assert got["2027"] is Verdict.OPEN


def test_recording_a_late_meeting_never_improves_the_record():
    """With only the 2010 meeting, 2014, 2018 and 2022 are missed; adding 2023 keeps 2014 and 2018."""
    book = _book({"kind": "every", "interval": "4y"})
    alone = _verdicts(book, [_m("2010-05-01")], date(2024, 1, 1))
    assert [alone[y] for y in ("2014", "2018", "2022")] == [Verdict.MISSED] * 3


def test_one_late_year_stays_late_not_missed():
    """Summits 2014 then 2019 under `every 4y`: the 2018 window is one year late (CICA)."""
    book = _book({"kind": "every", "interval": "4y"})
    got = _verdicts(book, [_m("2014-05-01"), _m("2019-06-15")], date(2020, 1, 1))
    assert got["2018"] is Verdict.LATE


def test_one_meeting_fills_one_window_on_a_grid_with_tolerance():
    """`every 1y` grid from 2022, tolerance 6m, meetings 2022-05-01, 2024-06-30, 2026-06-30:
    2022 met, 2023 missed, 2024 met, 2025 missed, 2026 met."""
    book = _book({"kind": "every", "interval": "1y", "mode": "grid", "anchor": "2022", "tolerance": "6m"})
    got = _verdicts(book, [_m("2022-05-01"), _m("2024-06-30"), _m("2026-06-30")], date(2026, 12, 31))
    assert [got[str(y)] for y in range(2022, 2027)] == [Verdict.MET, Verdict.MISSED, Verdict.MET, Verdict.MISSED, Verdict.MET]


def test_a_spare_meeting_serves_the_earlier_window_within_tolerance():
    """When its own period is met by another meeting, a meeting may serve the window before."""
    book = _book({"kind": "every", "interval": "1y", "mode": "grid", "anchor": "2022", "tolerance": "6m"})
    got = _verdicts(book, [_m("2022-05-01"), _m("2024-03-01"), _m("2024-09-01")], date(2024, 12, 31))
    assert [got[str(y)] for y in range(2022, 2025)] == [Verdict.MET, Verdict.MET, Verdict.MET]


def test_one_meeting_fills_one_window_after_another_body():
    """`after` with tolerance: Summits 2020 and 2021, Board `1y` after with 6m tolerance, held
    only 2022-03-01: it serves its own window (2022), and 2021's is missed."""
    book = _book({"kind": "after", "body": "summit", "offset": "1y", "tolerance": "6m"}, other_rules=[{"kind": "ad_hoc"}])
    got = _verdicts(book, [_m("2020-05-01", body="summit"), _m("2021-05-01", body="summit"), _m("2022-03-01")], date(2023, 6, 1))
    assert got == {"2021": Verdict.MISSED, "2022": Verdict.MET}


# -- meanings -----------------------------------------------------------------------------------


def test_two_origins_in_one_period_make_one_window_naming_both():
    """Two Summits in 2020: one Board meeting is due in 2022, and the finding names both."""
    book = _book({"kind": "after", "body": "summit", "offset": "2y"}, other_rules=[{"kind": "ad_hoc"}])
    meetings = [_m("2020-03-01", body="summit", ordinal=5), _m("2020-11-01", body="summit", ordinal=6), _m("2022-06-01")]
    (finding,) = _findings(book, meetings, date(2023, 1, 1))
    assert finding.verdict is Verdict.MET and finding.window_label == "2022"
    assert "5th Summit" in finding.why and "6th Summit" in finding.why


def test_two_origins_in_one_period_of_a_rolling_chain():
    """`every 2y`: meetings 2018-02 and 2018-10 make one window due 2020, naming both."""
    book = _book({"kind": "every", "interval": "2y"})
    findings = _findings(book, [_m("2018-02-01", ordinal=1), _m("2018-10-01", ordinal=2), _m("2020-05-01", ordinal=3)], date(2021, 1, 1))
    due_2020 = next(f for f in findings if f.window_label == "2020")
    assert due_2020.verdict is Verdict.MET and "1st Board" in due_2020.why and "2nd Board" in due_2020.why
    assert [f.window_label for f in findings].count("2020") == 1


def test_unconfirmed_planned_origin_makes_its_window_uncertain_not_missed():
    """A Summit planned for 2023-10 and never recorded as held: the Board window due because of
    it is uncertain ("depends on the 7th Summit, planned 2023-10, not confirmed held")."""
    book = _book({"kind": "after", "body": "summit", "offset": "1y"}, other_rules=[{"kind": "ad_hoc"}])
    report = check(book, [_m("2023-10", body="summit", status="planned", ordinal=7)], date(2025, 3, 1))
    (finding,) = [f for f in report.of("board") if f.expectation]
    assert finding.verdict is Verdict.UNCERTAIN
    assert "depends on the 7th Summit, planned 2023-10, not confirmed held" in finding.why
    assert not report.violations


def test_planned_origin_before_its_dates_chains_as_now():
    """Before its dates, a planned Summit fixes when the Board is due: next due, not uncertain."""
    book = _book({"kind": "after", "body": "summit", "offset": "1y"}, other_rules=[{"kind": "ad_hoc"}])
    (finding,) = _findings(book, [_m("2025-10", body="summit", status="planned")], date(2025, 3, 1))
    assert finding.verdict is Verdict.OPEN and finding.window_label == "2026"


def test_to_judges_as_at_the_close_of_that_day():
    """--to 2019-12-31: the 2019 window ended that day, so it is final (missed), not open."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": 2019})
    got = _verdicts(book, [_m("2020-02-01")], date(2026, 1, 1), end=date(2019, 12, 31))
    assert got == {"2019": Verdict.MISSED}
    running = _verdicts(book, [_m("2020-02-01")], date(2026, 1, 1), end=date(2019, 12, 30))
    assert running == {"2019": Verdict.OPEN}


def test_different_rules_in_force_at_once_are_each_judged_and_named():
    """`every 4y` and `after` the Summit on one body at once: both judged, each finding names its rule."""
    book = _book(
        {"id": "quadrennial", "kind": "every", "interval": "4y"},
        {"id": "after-summit", "kind": "after", "body": "summit", "offset": "1y"},
        other_rules=[{"kind": "ad_hoc"}],
    )
    findings = _findings(book, [_m("2015-05-01"), _m("2018-06-01", body="summit"), _m("2019-06-01")], date(2020, 1, 1))
    assert {(f.rule_id, f.window_label, f.verdict) for f in findings} >= {("quadrennial", "2019", Verdict.MET), ("after-summit", "2019", Verdict.MET)}


def test_a_binding_and_a_customary_reading_side_by_side():
    """Two readings of one text as different rules (different ids): both judged at once."""
    book = _book(
        {"id": "statute", "kind": "every", "interval": "2y", "mode": "grid", "anchor": "2020"},
        {"id": "practice", "kind": "at_least", "count": 1, "per": "year", "binding": False, "since": 2020},
    )
    findings = _findings(book, [_m("2020-05-01"), _m("2022-05-01")], date(2022, 12, 31))
    assert {(f.rule_id, f.window_label): f.verdict for f in findings}[("practice", "2021")] is Verdict.ADVISORY
    assert {(f.rule_id, f.window_label): f.verdict for f in findings}[("statute", "2022")] is Verdict.MET


def test_after_starts_from_the_other_bodys_own_counting_meetings():
    """A special Summit does not start an `after` window even when the Board counts specials."""
    book = _book({"kind": "after", "body": "summit", "offset": "1y", "counts": ["regular", "special"]}, other_rules=[{"kind": "ad_hoc"}])
    meetings = [_m("2020-05-05", body="summit"), _m("2022-05-05", body="summit", kind="special"), _m("2021-06-01", kind="special")]
    assert _verdicts(book, meetings, date(2024, 1, 1)) == {"2021": Verdict.MET}


def test_origin_counts_overrides_the_other_bodys_kinds():
    """`origin_counts = ["regular", "special"]`: the special Summit starts a window too."""
    book = _book({"kind": "after", "body": "summit", "offset": "1y", "origin_counts": ["regular", "special"]}, other_rules=[{"kind": "ad_hoc"}])
    meetings = [_m("2020-05-05", body="summit"), _m("2022-05-05", body="summit", kind="special"), _m("2021-06-01")]
    assert _verdicts(book, meetings, date(2024, 1, 1)) == {"2021": Verdict.MET, "2023": Verdict.MISSED}


def test_since_and_until_accept_a_bare_year():
    """`since = 2019` is 2019-01-01; `until = 2020` is 2020-12-31, as `established` reads a year."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": 2019, "until": 2020})
    rule = book.bodies[0].rules[0]
    assert (rule.since, rule.until) == (date(2019, 1, 1), date(2020, 12, 31))


def test_a_rule_with_no_start_begins_with_the_first_meeting():
    """Neither `since` nor `established`: nothing is due before the body's first meeting."""
    book = _book({"kind": "at_least", "count": 1, "per": "year"})
    assert sorted(_verdicts(book, [_m("2021-03-01")], date(2022, 6, 1))) == ["2021", "2022"]


# -- record coverage ----------------------------------------------------------------------------


def _covered(records, *, on="body"):
    body = {"id": "board", "name": "Board", "category": "governing", "rules": [{"kind": "at_least", "count": 1, "per": "year", "since": 2015}]}
    organization = {"id": "o", "name": "Org", "short_name": "O"}
    (body if on == "body" else organization)["records"] = records
    return parse_rulebook({"organization": organization, "bodies": [body]})


def test_window_before_complete_records_with_no_meeting_is_unknown():
    """Records complete from 2019: 2015-2018 with nothing recorded are unknown, not missed;
    2019 on are judged as usual; a recorded meeting still meets its year."""
    book = _covered([{"start": 2019, "source": "register"}])
    report = check(book, [_m("2016-04-01"), _m("2019-05-01")], date(2020, 12, 31))
    got = {f.window_label: f.verdict for f in report.of("board")}
    assert got == {"2015": Verdict.UNKNOWN, "2016": Verdict.MET, "2017": Verdict.UNKNOWN, "2018": Verdict.UNKNOWN, "2019": Verdict.MET, "2020": Verdict.OPEN}
    assert not report.violations and report.count(Verdict.UNKNOWN) == 3
    unknown = next(f for f in report.of("board") if f.window_label == "2017")
    assert "register is known complete only from 2019-01-01" in unknown.why


def test_known_incomplete_period_is_unknown_and_the_rest_judged():
    """Only an incomplete period stated (2024-2025 not found): those years unknown, 2023 missed."""
    book = _covered([{"start": 2024, "end": 2025, "complete": False, "note": "sessions not found"}])
    got = _verdicts(book, [_m("2022-03-01")], date(2026, 1, 1))
    assert (got["2023"], got["2024"], got["2025"]) == (Verdict.MISSED, Verdict.UNKNOWN, Verdict.UNKNOWN)


def test_organization_records_apply_to_bodies_without_their_own():
    """Coverage stated for the organization covers a body that states none."""
    book = _covered([{"start": 2017}], on="organization")
    got = _verdicts(book, [], date(2018, 6, 1))
    assert (got["2015"], got["2016"], got["2017"]) == (Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.MISSED)


def test_unknown_is_counted_apart_in_json(runner, tmp_path):
    """`planner check --format json` counts unknown windows in the summary, not as violations."""
    import json

    from planner.cli import main

    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\n\n[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\n'
        'records = [{ start = 2019 }]\n\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2017\n',
        encoding="utf-8",
    )
    meetings = tmp_path / "meetings.csv"
    meetings.write_text("body,start,status\nboard,2019-05-01,held\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--rules", str(rules), "--meetings", str(meetings), "--today", "2019-12-31", "--format", "json"])
    summary = json.loads(result.output)["summary"]
    assert (summary["unknown"], summary["violations"], result.exit_code) == (2, 0, 0)


def test_readme_records_block():
    """The README's coverage example: unknown before 2019 and in the lost 2021, judged otherwise."""
    import re
    import tomllib
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent.parent / "README.md").read_text("utf-8")
    block = re.search(r"<!-- readme-records -->\s*```toml\n(.*?)```", text, re.S).group(1)
    book = parse_rulebook(tomllib.loads(block), "README.md")
    meetings = [Meeting(body="committee", start=PartialDate.parse(d)) for d in ("2010-05-01", "2019-03-01", "2022-03-01")]
    got = {f.window_label: f.verdict for f in check(book, meetings, date(2023, 12, 31)).of("committee")}
    assert got["2008"] is Verdict.UNKNOWN and got["2010"] is Verdict.MET
    assert (got["2019"], got["2020"], got["2021"], got["2022"], got["2023"]) == (Verdict.MET, Verdict.MISSED, Verdict.UNKNOWN, Verdict.MET, Verdict.OPEN)


# -- explanations -------------------------------------------------------------------------------


def test_why_names_meetings_seen_but_not_counted():
    """A special session and a cancelled one in the window are named, each with its reason."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": 2020})
    meetings = [_m("2020-03-01", kind="special"), _m("2020-06-01", status="cancelled")]
    (finding,) = _findings(book, meetings, date(2020, 12, 31), end=date(2020, 12, 30))
    assert "Board 2020-03-01 (special: this rule counts regular meetings)" in finding.why
    assert "Board 2020-06-01 (cancelled)" in finding.why


def test_why_names_the_meeting_another_window_counted():
    """On the tolerance grid, 2023's why says the 2024-06-30 meeting was counted for 2024."""
    book = _book({"kind": "every", "interval": "1y", "mode": "grid", "anchor": "2022", "tolerance": "6m"})
    findings = _findings(book, [_m("2022-05-01"), _m("2024-06-30")], date(2024, 12, 31))
    missed = next(f for f in findings if f.window_label == "2023")
    assert "Board 2024-06-30 (counted for another window of this rule)" in missed.why


def test_more_than_required_is_not_worded_as_of():
    """Two meetings where one is required: "2 held (1 required)", never "2 of 1 required"."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": 2020})
    (finding,) = _findings(book, [_m("2020-03-01"), _m("2020-09-01")], date(2020, 12, 31), end=date(2020, 12, 30))
    assert "2 held (1 required)" in finding.why and "2 of 1" not in finding.why


def test_earlier_rule_versions_print_with_their_dates():
    """"at least once a year (since 2019; until 2004: ...; 2005 to 2018: ...)"."""
    from planner.outputs.render import cadence_words

    book = _book(
        {"kind": "at_least", "count": 1, "per": "year", "until": 2004},
        {"kind": "at_least", "count": 2, "per": "year", "since": 2005, "until": 2018},
        {"kind": "at_least", "count": 1, "per": "year", "since": 2019},
    )
    assert cadence_words(book.bodies[0], book) == "at least once a year (since 2019-01-01; until 2004: at least once a year; 2005 to 2018: at least twice a year)"
