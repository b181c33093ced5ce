"""A sixth audit (after test_semantics_audit*.py): what the fifth left open (29 February, the
schedule's counts, chair terms dated loosely), an over-certainty hunt, and real rule shapes
from their founding texts (tests/audit/), each expected answer worked out by hand in its
docstring before the tool was run."""

from __future__ import annotations

from tests.semantics.test_semantics_audit5 import (
    SECRETARIAT,
    _body,
    _chairs,
    _files,
    _invoke,
    _run,
    _schedule,
    _verdicts,
)

# -- what the fifth audit left open -----------------------------------------------------------------

_LEAP_DAY = _body(SECRETARIAT, 'kind = "on"\nmonth = 2\nday = 29\nsince = 2023')


def test_a_leap_day_rule_falls_on_28_february_in_a_common_year(tmp_path):
    """`on` 29 February (refused before: "does not exist every year"). Decided: in a common
    year the day is 28 February, the last day of that February, as a year added to a leap
    day reads (2024-02-29 + 1 year = 2025-02-28, as the engine's durations and dateutil
    count), so that the rule is due every year rather than one year in four. By hand, since
    2023: 2023 due 02-28, held 02-28: met. 2024 due 02-29, held 02-28: off_date (1 day
    before). 2025 due 02-28, held: met. 2026 due 02-28, nothing: missed (as of 2026-06-01).
    2027 due 02-28: next due. Projection to 2028: 2027-02-28 is a Sunday (a weekend in Bern:
    a Problem, the rule fixes the day), 2028-02-29 (a Tuesday) projected."""
    rows = "board,regular,,2023-02-28,,held,Bern,Switzerland\nboard,regular,,2024-02-28,,held,Bern,Switzerland\nboard,regular,,2025-02-28,,held,Bern,Switzerland\n"
    out = _run(tmp_path, "check", _LEAP_DAY, rows, "--today", "2026-06-01")
    assert _verdicts(out) == {"2023-02-28": "met", "2024-02-29": "off_date", "2025-02-28": "met", "2026-02-28": "missed", "2027-02-28": "open"}
    (missed,) = [f for f in out["findings"] if f["verdict"] == "missed"]
    assert "28 February 2026 (29 February in a leap year)" in missed["why"] or "28 February 2026 (29 February in a leap year)" in missed["reason"]
    plan = _run(tmp_path, "project", _LEAP_DAY, rows, "--today", "2026-06-01", "--to", "2028")
    assert _schedule(plan) == [("2028-02-29", "projected")]
    assert any("2027-02-28 is a weekend day" in p["message"] for p in plan["problems"])


def test_a_day_no_year_has_is_still_refused(tmp_path):
    """30 February and 31 April name no day in any year: one line, exit 2."""
    for month, day in ((2, 30), (4, 31)):
        rules, meetings = _files(tmp_path, _body("", f'kind = "on"\nmonth = {month}\nday = {day}'), "")
        result = _invoke_bad("check", "--rules", str(rules), "--meetings", str(meetings))
        assert result.exit_code == 2 and f"day = {day} does not exist in" in result.stderr and "Traceback" not in result.output + result.stderr


def _invoke_bad(*args: str):
    from click.testing import CliRunner

    from planner.cli import main

    return CliRunner().invoke(main, list(args))


def test_the_schedule_header_does_not_call_a_held_row_planned(tmp_path):
    """At least once a year; held 2024-06-10, a row "held" 2025-07-06 written before it
    happened, a row planned 2026-03-01; today 2025-06-01, to 2026. The schedule shows the
    held-after-today row, the planned row (which fills 2026) and nothing projected: 2
    meetings, of which 1 planned and 1 recorded held after --today. It said "(2 planned, 0
    projected)": a row the register records as held is no plan."""
    rows = "board,regular,1,2024-06-10,,held,Bern,Switzerland\nboard,regular,2,2025-07-06,,held,Bern,Switzerland\nboard,regular,3,2026-03-01,,planned,Bern,Switzerland\n"
    rules, meetings = _files(tmp_path, _body(SECRETARIAT, 'kind = "at_least"\ncount = 1\nper = "year"'), rows)
    text = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-06-01", "--to", "2026").stdout
    assert "2 meetings (1 planned, 1 recorded held after --today, 0 projected)" in text
    # with no such row, the header reads as it always did
    rows = "board,regular,1,2024-06-10,,held,Bern,Switzerland\nboard,regular,3,2026-03-01,,planned,Bern,Switzerland\n"
    rules, meetings = _files(tmp_path, _body(SECRETARIAT, 'kind = "at_least"\ncount = 1\nper = "year"'), rows)
    text = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-06-01", "--to", "2026").stdout
    assert "2 meetings (1 planned, 1 projected)" in text


def test_loosely_dated_chair_terms_that_may_leave_a_gap_or_overlap_say_so(tmp_path):
    """Two-year terms. Austria 2020-01-01 to `2022-01` (some day of January 2022); Belgium from
    2022-01-15: had Austria ended before 2022-01-14 there was no chair for some days; after
    2022-01-15, two at once. The register does not say: a note "perhaps a gap or an overlap",
    never a violation (it said nothing at all). Belgium to 2024-01-15, Czechia from `2024-02`:
    every day of February 2024 is after 2024-01-16, a gap on every reading: a violation, as
    before. Czechia to 2026-01-31 (2 years at most: not too long), Austria from `2026-01`: it
    began on or before 2026-01-31, so the terms may overlap, never leave a gap: "perhaps an
    overlap" (a note)."""
    out = _chairs(
        tmp_path,
        "Austria,2020-01-01,2022-01,1,,\nBelgium,2022-01-15,2024-01-15,2,,\nCzechia,2024-02,2026-01-31,3,,\nAustria,2026-01,,4,,\n",
        "2026-12-01",
    )
    found = {(f["country"], f["kind"]): f for f in out["findings"] if f["kind"] in ("gap", "overlap", "gap_or_overlap")}
    assert set(found) == {("Belgium", "gap_or_overlap"), ("Czechia", "gap"), ("Austria", "overlap")}
    assert [found[k]["violation"] for k in (("Belgium", "gap_or_overlap"), ("Czechia", "gap"), ("Austria", "overlap"))] == [False, True, False]
    assert "perhaps a gap or an overlap" in found[("Belgium", "gap_or_overlap")]["message"]
    assert "perhaps an overlap:" in found[("Austria", "overlap")]["message"] and "the register does not give the days" in found[("Austria", "overlap")]["message"]
    assert "No chair for 16 days" in found[("Czechia", "gap")]["message"]


# -- over-certainty hunt: verdicts that depended on a day the data does not give ----------------------


def test_a_period_before_a_founding_known_only_to_the_year_is_uncertain_not_missed(tmp_path):
    """`established = 2010` (some day of 2010), at least once a quarter. A quarter is due only
    if the body existed on its first day (founded 2010-03-01, 2010 Q1 is no whole quarter of
    its life: nothing due, as for an exact `established`). 2010 Q1 was `missed`, read from
    2010-01-01. Its first held meeting, 2010-05-10, bounds the founding: it existed by then,
    so 2010 Q3 and Q4 are due whatever the day: missed, as certain as the data; 2010 Q2
    (from 04-01, before 05-10) holds the meeting: met. Q1 and nothing held: `uncertain`,
    "due only if the Board was established by 2010-01-01". With `established = 2010-01-01`
    the same register leaves Q1 missed."""
    rows = "board,regular,,2010-05-10,,held,,\n"
    rule = 'kind = "at_least"\ncount = 1\nper = "quarter"'
    out = _run(tmp_path, "check", _body("established = 2010", rule), rows, "--today", "2011-01-15")
    assert _verdicts(out) == {"2010 Q1": "uncertain", "2010 Q2": "met", "2010 Q3": "missed", "2010 Q4": "missed", "2011 Q1": "open"}
    (q1,) = [f for f in out["findings"] if f["window"]["label"] == "2010 Q1"]
    assert "due only if the Board was established by 2010-01-01; the rule book dates its founding only as 2010" in q1["why"]
    assert out["summary"]["violations"] == 2 and out["summary"]["uncertain"] == 1
    out = _run(tmp_path, "check", _body("established = 2010-01-01", rule), rows, "--today", "2011-01-15")
    assert _verdicts(out)["2010 Q1"] == "missed"


def test_a_grid_that_starts_from_a_loosely_dated_meeting_is_uncertain(tmp_path):
    """`every 6m` on the grid, no `anchor`: the grid starts from the first counting meeting,
    here known only as `2019`. Read from 2019-01 the grid is January/July, and 2020-02-10 and
    2020-08-10 are each a month late; had the first meeting been in February 2019, the grid
    is February/August and both are on time. The register does not say: `uncertain`, never
    `late` (they were late). With the first meeting dated 2019-01-20 the grid is fixed,
    January/July: 2019-08-15 answers 2019-07 a month late, and both 2020 windows are late,
    as certain as the data."""
    rule = 'kind = "every"\ninterval = "6m"\nmode = "grid"'
    rows = "board,regular,,2019,,held,,\nboard,regular,,2019-08-15,,held,,\nboard,regular,,2020-02-10,,held,,\nboard,regular,,2020-08-10,,held,,\n"
    out = _run(tmp_path, "check", _body("", rule), rows, "--today", "2020-12-01")
    assert set(_verdicts(out).values()) <= {"uncertain", "open"} and out["summary"]["violations"] == 0
    assert any("the grid starts from the first meeting, Board 2019, which the register dates only as 2019" in f["why"] for f in out["findings"])
    out = _run(tmp_path, "check", _body("", rule), rows.replace("board,regular,,2019,", "board,regular,,2019-01-20,"), "--today", "2020-12-01")
    assert _verdicts(out) == {"2019-01": "met", "2019-07": "late", "2020-01": "late", "2020-07": "late", "2021-01": "open"}


# -- real rule shapes, each from its founding text ----------------------------------------------------

_AKTG = (
    '[organization]\nid = "ag"\nname = "Beispiel AG"\nshort_name = "AG"\nyear_start = "10-01"\nsecretariat = { city = "Munich", country = "Germany" }\n'
    '[[bodies]]\nid = "board"\nname = "Supervisory Board"\nshort_name = "Board"\ncategory = "governing"\nhost = "secretariat"\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "half"\nyear_start = "01-01"\nsince = 2023\nsource = "AktG s.110(3) sentence 1"\n'
    '[[bodies]]\nid = "sub"\nname = "Supervisory Board of a non-listed subsidiary"\nshort_name = "Subsidiary board"\ncategory = "governing"\nhost = "secretariat"\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "half"\nyear_start = "01-01"\nsince = 2024\nsource = "AktG s.110(3) sentence 2"\n'
)


def test_german_supervisory_boards_meet_twice_or_once_per_calendar_half_year(tmp_path):
    """AktG s.110(3): "Der Aufsichtsrat muss zwei Sitzungen im Kalenderhalbjahr abhalten"; in a
    non-listed company the board may resolve on one per calendar half-year. Calendar halves,
    whatever the financial year: a (fictional) AG with financial years from 1 October keeps
    `year_start = "01-01"` on the rule, so that the halves are January-June and July-December,
    not October-March. By hand, as of 2026-01-15. Listed board: 2023 H1 (02-15, 05-10) and H2
    (09-20, 12-05) met; 2024 H1 met by 03-12 and the meeting of 06-30..07-01 (it opens in H1,
    so it counts there); 2024 H2 holds only 2024-11: 1 of 2, missed; 2025 H1 holds 02-10 and
    perhaps the meeting known only as `2025`: uncertain; 2025 H2 (10-01, 12-10) met; 2026 H1
    open (2 due by 2026-06-30). Non-listed board: 2024 H1 and H2 met; 2025 H1 met by the
    meeting of 06-30..07-01, which leaves 2025 H2 missed (one meeting, one window, in the
    period it opens); 2026 H1 open."""
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(_AKTG, encoding="utf-8")
    rows = [
        "board,2023-02-15,", "board,2023-05-10,", "board,2023-09-20,", "board,2023-12-05,", "board,2024-03-12,", "board,2024-06-30,2024-07-01",
        "board,2024-11,", "board,2025-02-10,", "board,2025,", "board,2025-10-01,", "board,2025-12-10,",
        "sub,2024-03-01,", "sub,2024-09-01,", "sub,2025-06-30,2025-07-01",
    ]
    meetings.write_text("body,start,end,status\n" + "".join(f"{r},held\n" for r in rows), encoding="utf-8")
    import json

    out = json.loads(_invoke("check", "--rules", str(rules), "--meetings", str(meetings), "--today", "2026-01-15", "--format", "json").stdout)
    assert _verdicts(out) == {"2023 H1": "met", "2023 H2": "met", "2024 H1": "met", "2024 H2": "missed", "2025 H1": "uncertain", "2025 H2": "met", "2026 H1": "open"}
    assert _verdicts(out, "sub") == {"2024 H1": "met", "2024 H2": "met", "2025 H1": "met", "2025 H2": "missed", "2026 H1": "open"}
    assert out["summary"]["violations"] == 2 and out["summary"]["uncertain"] == 1


def test_a_uk_agm_within_six_months_of_the_accounting_reference_date(tmp_path):
    """Companies Act 2006, s.336(1): a public company holds its AGM "in each period of 6 months
    beginning with the day following its accounting reference date". With the reference date
    31 March: `year_start = "04-01"`, `within = "6m"`: due 1 April - 30 September. By hand, as
    of 2025-12-01: FY2022-23 met (2022-07-20); FY2023-24 met (2023-09-29, the 6 months' last
    day but one); FY2024-25 missed: 2024-10-02 is two days after the period, named as not
    counted; FY2025-26 met by `2025-09` (every day of September is inside). A change of the
    reference date (s.392: a shortened or extended period) moves the period, and the rule
    book has one `year_start`: what it cannot say, README "Semantics" says."""
    book = (
        '[organization]\nid = "plc"\nname = "Example plc"\nshort_name = "PLC"\nyear_start = "04-01"\nsecretariat = { city = "London", country = "GB" }\n'
        '[[bodies]]\nid = "agm"\nname = "Annual General Meeting"\nshort_name = "AGM"\ncategory = "governing"\nhost = "secretariat"\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nwithin = "6m"\nsince = 2022-04-01\nsource = "Companies Act 2006, s.336(1)"\n'
    )
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(book, encoding="utf-8")
    meetings.write_text("body,start,status\nagm,2022-07-20,held\nagm,2023-09-29,held\nagm,2024-10-02,held\nagm,2025-09,held\n", encoding="utf-8")
    import json

    out = json.loads(_invoke("check", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-12-01", "--format", "json").stdout)
    assert _verdicts(out, "agm") == {"2022-04..2022-09": "met", "2023-04..2023-09": "met", "2024-04..2024-09": "missed", "2025-04..2025-09": "met"}
    (missed,) = [f for f in out["findings"] if f["verdict"] == "missed"]
    assert "Not counted: AGM 2024-10-02" in missed["why"] and "(after 2024-09-30, the end of the first 6 months of FY2024-25)" in missed["why"]


def _audit(name: str, *args: str) -> dict:
    import json
    from pathlib import Path

    root = Path(__file__).parent.parent / "audit"
    return json.loads(_invoke("check", "--rules", str(root / f"{name}.toml"), "--meetings", str(root / f"{name}-meetings.csv"), "--format", "json", *args).stdout)


def test_asean_summit_twice_annually_under_the_charter_2009_2019():
    """ASEAN Charter, art. 7(3)(a): Summits "held twice annually" (in force 15 December 2008:
    2009 is the first whole year). tests/audit/asean-summit-charter: the 14th to the 35th
    Summit, mostly to the month. By hand, as of 2020-01-15. Numbered Summits: every year
    2009-2019 holds two (2009: 14th 2009-02, 15th 2009-10; 2016: 28th and 29th, both
    2016-09-06; 2019: 34th 2019-06 and the 35th, known only as 2019, in 2019 whatever its
    day): 11 met, 2020 open. Gatherings (customary): the 28th and 29th, in Vientiane on the
    same days, are one event: 2016 an advisory naming them merged; 2019's 35th is known only
    to the year but in another city (Nonthaburi, not Bangkok): it cannot have joined the
    34th, so 2019 met; the others met; 2020 open. No violation."""
    out = _audit("asean-summit-charter", "--today", "2020-01-15")
    by_rule = {r: {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["rule"] == r} for r in (0, 1)}
    years = {str(y): "met" for y in range(2009, 2020)}
    assert by_rule[0] == {**years, "2020": "open"}
    assert by_rule[1] == {**years, "2016": "advisory", "2020": "open"}
    (merged,) = [f for f in out["findings"] if f["verdict"] == "advisory"]
    assert "Merged: Summit 2016-09-06 (28th, Vientiane) and Summit 2016-09-06 (29th, Vientiane)" in merged["why"]
    assert out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 1


def test_world_health_assembly_one_regular_session_a_year_resumed_in_2020():
    """WHO Constitution, art. 13: "regular annual session", read as at least and at most one
    regular session a year. By hand, as of 2025-12-01: 2019-2025 each hold one numbered
    regular session: met under both rules, except the `at_most` window of 2025, still running
    (open). 2020: the 73rd met by video 18-19 May and was resumed 9-14 November: one session
    on two rows, counted once, in May; the November row is named ("the same number ... one
    meeting, counted there") and does not make 2020 excess. 2021: the 2nd special session
    (29 November) counts toward neither rule and is named as not counted."""
    out = _audit("wha", "--today", "2025-12-01")
    by_rule = {r: {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["rule"] == r} for r in (0, 1)}
    years = {str(y): "met" for y in range(2019, 2026)}
    assert by_rule[0] == years and by_rule[1] == {**years, "2025": "open"}
    (cap_2020,) = [f for f in out["findings"] if f["rule"] == 1 and f["window"]["label"] == "2020"]
    assert "Not counted: WHA 2020-11-09 (73rd) (the same number as WHA 2020-05-18 (73rd): one meeting, counted there)" in cap_2020["why"]
    (y2021,) = [f for f in out["findings"] if f["rule"] == 0 and f["window"]["label"] == "2021"]
    assert "WHA 2021-11-29 (2nd, Geneva) (special: this rule counts regular meetings)" in y2021["why"]
    assert out["summary"]["violations"] == 0


# -- every output says what the engine says, on this audit's shapes ----------------------------------

_AGREEMENT6 = {
    "leap-day": (_LEAP_DAY, "board,regular,,2023-02-28,,held,Bern,Switzerland\nboard,regular,,2024-02-28,,held,Bern,Switzerland\n", ("2026-06-01", "2024-02-29")),
    "loose-founding-and-grid": (
        _body("established = 2010", 'kind = "at_least"\ncount = 1\nper = "quarter"')
        + _body("", 'kind = "every"\ninterval = "6m"\nmode = "grid"', id="council", name="Council"),
        "board,regular,,2010-05-10,,held,,\ncouncil,regular,,2019,,held,,\ncouncil,regular,,2019-08-15,,held,,\ncouncil,regular,,2020-02-10,,held,,\n",
        ("2011-01-15", "2020-12-01"),
    ),
    "aktg-calendar-halves": (
        _AKTG,
        "board,regular,,2024-03-12,,held,Munich,Germany\nboard,regular,,2024-06-30,2024-07-01,held,Munich,Germany\nboard,regular,,2024-11,,held,Munich,Germany\n"
        "board,regular,,2025,,held,Munich,Germany\nsub,regular,,2025-06-30,2025-07-01,held,Munich,Germany\n",
        ("2026-01-15", "2025-07-01"),
    ),
}


def test_every_output_agrees_on_this_audits_shapes(tmp_path):
    """The agreement of tests/semantics/test_semantics_audit5.py (check in four formats, the report,
    project and ics say the same findings, totals and Problems) on the leap-day rule, a
    founding known only to the year and a grid from a loosely dated meeting, at dates on
    both sides of their windows, and on supervisory boards judged by calendar halves. (The new
    histories of tests/audit/ are in audit5's agreement test, which runs every one.)"""
    from tests.semantics.test_semantics_audit5 import _disagreements, _outputs

    for name, (book, rows, todays) in _AGREEMENT6.items():
        for today in todays:
            rules, meetings = _files(tmp_path, book, rows)
            if book.startswith("[organization]"):  # a whole rule book, with its own organization
                rules.write_text(book, encoding="utf-8")
            # a folder of outputs each: ics refuses a feed folder of another organization (4e1bb9d)
            (out := tmp_path / f"{name}-{today}").mkdir()
            assert (name, today, _disagreements(_outputs(rules, meetings, today, str(int(today[:4]) + 3), out))) == (name, today, [])


def test_a_held_meeting_known_only_to_a_month_that_runs_past_today_may_not_have_opened(tmp_path):
    """README, "A register written later": a row recorded held that opens after --today is
    scheduled, never counted. One known only as `2021-06`, judged on 2021-06-15, may have
    opened on 06-01..06-15 or 06-16..06-30: the register does not say it had opened by
    then. At least twice a half, 2021-03-01 and `2021-06`: 2021 H1 was `met` on the second;
    now `uncertain` (met if it opened by 06-15, still open otherwise). At most once a half,
    the same rows: it was `excess`, a violation on a meeting that may not have been held
    yet; now `uncertain`. Judged on 2021-07-01 the month is past: met, and excess."""
    rows = "board,regular,,2021-03-01,,held,,\nboard,regular,,2021-06,,held,,\n"
    at_least = _body("", 'kind = "at_least"\ncount = 2\nper = "half"')
    at_most = _body("", 'kind = "at_most"\ncount = 1\nper = "half"')
    for book, settled in ((at_least, "met"), (at_most, "excess")):
        out = _run(tmp_path, "check", book, rows, "--today", "2021-06-15")
        (h1,) = [f for f in out["findings"] if f["window"]["label"] == "2021 H1"]
        assert h1["verdict"] == "uncertain" and "Board 2021-06 may not have opened by 2021-06-15" in h1["why"]
        assert out["summary"]["violations"] == 0
        out = _run(tmp_path, "check", book, rows, "--today", "2021-07-01")
        assert _verdicts(out)["2021 H1"] == settled
