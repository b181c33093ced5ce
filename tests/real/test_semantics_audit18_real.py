"""An eighteenth audit of real organizations (tests/audit/), eight new bodies, each rule book
citing its instrument in every rule's `source` and each register row its source (days known
only from memory say so; rows known only to the month give the month), every expected answer
worked out by hand from the rule as written before the tool was run (the derivation in each
test's docstring). NATO's summits (ad hoc), the Nevada Legislature (a constitutional date, every
second year), United Kingdom general elections (three statutes in turn, the wartime
prolongations excused), the General Synod of the Church of England (twice a year; 2020 and 2021
met despite a cancelled York session, informal Zoom meetings not counted), the Antarctic Treaty
Consultative Meeting (annual by practice since 1993: 1993, 2000 and 2020 advisories), the ASEAN
Regional Forum (annual by practice, hosted by ASEAN's chair), the Mekong River Commission's
Summit (every four years by practice, the fourth a year late) and the Arctic Council's
ministerial meetings (biennial by declaration; chairs handing over at them)."""

from __future__ import annotations

import json
import re

from tests.real.test_semantics_audit15_real import AUDIT, _check, _files, _text
from tests.real.test_semantics_audit16_real import _by_rule, _project, _why
from tests.semantics.test_semantics_audit5 import _invoke

TODAY = ("--today", "2026-12-01")


def _ics(name: str, tmp_path, *args: str) -> str:
    """The feed of every body of ``name``, as `planner ics` writes it, its lines unfolded."""
    out = tmp_path / name
    result = _invoke("ics", *_files(name), *TODAY, "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    return (out / "all.ics").read_text(encoding="utf-8").replace("\r\n ", "")


def _events(feed: str) -> list[dict[str, str]]:
    """Each VEVENT of a feed as its properties (name without parameters -> value)."""
    events = []
    for block in feed.split("BEGIN:VEVENT")[1:]:
        props: dict[str, str] = {}
        for line in block.split("END:VEVENT")[0].splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                props.setdefault(key.split(";")[0], value)
        events.append(props)
    return events


# -- NATO: summits when the Allies decide ----------------------------------------------------------

NATO = "nato-summit"


def test_nato_summits_are_ad_hoc_nothing_judged_nothing_due():
    """North Atlantic Treaty, art. 9, fixes no cadence for summits: `ad_hoc`. By hand, as of
    2026-12-01: no window, no finding, the twelve summits of 2014-2025 (two extraordinary in 2022)
    recorded; exit 0."""
    out = _check(NATO, *TODAY)
    assert out["findings"] == []
    assert out["summary"]["exit_code"] == 0 and out["bodies"][0]["recorded"] == 12
    assert "NATO Summit ad hoc 12 meetings recorded, nothing due" in _text(NATO, *TODAY)


def test_nato_projection_is_empty_and_the_feed_holds_the_history(tmp_path):
    """`project` proposes nothing for an ad hoc body; `ics` holds the twelve summits as they were
    held, all CONFIRMED, the two extraordinary ones titled so, Madrid on 29-30 June 2022 with the
    exclusive DTEND of 1 July, no projected event."""
    out = json.loads(_invoke("project", *_files(NATO), *TODAY, "--format", "json").stdout)
    assert out["meetings"] == [] and out["problems"] == []
    events = _events(_ics(NATO, tmp_path))
    assert len(events) == 12 and {e["STATUS"] for e in events} == {"CONFIRMED"}
    assert [e["DTSTART"] for e in events if e["SUMMARY"].startswith("Extraordinary")] == ["20220225", "20220324"]
    (madrid,) = [e for e in events if e.get("LOCATION") == "Madrid\\, Spain"]
    assert (madrid["DTSTART"], madrid["DTEND"]) == ("20220629", "20220701")


# -- The Nevada Legislature: the first Monday of February of odd years -----------------------------

NV = "nevada-legislature"


def test_nevada_regular_sessions_on_their_constitutional_day_special_sessions_not_counted():
    """Nevada Constitution, art. 4, s. 2(1): an `on` rule, the first Monday of February, every two
    years from 2015. By hand: 2015-02-02, 2017-02-06, 2019-02-04, 2021-02-01, 2023-02-06 and
    2025-02-03 are each that year's first Monday of February: six met. The special sessions of
    2020 fall in no due year; the 33rd (November 2021) in a due year already met by the 81st, and
    special sessions do not count: no `off_date`. Next due Monday 2027-02-01 (1 February 2027 is
    a Monday). Exit 0."""
    out = _check(NV, *TODAY)
    assert _by_rule(out, "legislature")[0] == {
        d: "met" for d in ("2015-02-02", "2017-02-06", "2019-02-04", "2021-02-01", "2023-02-06", "2025-02-03")
    } | {"2027-02-01": "open"}
    assert [f["pending"] for f in out["findings"] if f["verdict"] == "open"] == [True]
    assert out["summary"]["violations"] == 0 and out["summary"]["exit_code"] == 0
    assert "6 judged: 6 met; next due 2027-02-01" in _text(NV, *TODAY)


def test_nevada_projected_on_the_first_monday_of_february_numbered_from_the_83rd():
    """`project` to 2036: the first Mondays of February of 2027 (1st), 2029 (1 February a
    Thursday: the 5th), 2031 (a Saturday: the 3rd), 2033 (a Tuesday: the 7th) and 2035 (a
    Thursday: the 5th); none a US federal holiday (Presidents' Day is the third Monday); the
    84th to the 88th sessions."""
    assert _project(NV, *TODAY) == [
        ("legislature", "2027-02-01", 84),
        ("legislature", "2029-02-05", 85),
        ("legislature", "2031-02-03", 86),
        ("legislature", "2033-02-07", 87),
        ("legislature", "2035-02-05", 88),
    ]


# -- United Kingdom general elections: five years, three statutes ---------------------------------

UK = "uk-general-election"


def test_uk_general_elections_every_five_years_wartime_prolongation_excused():
    """Rolling `every 5y` by the calendar year, three versions of one rule (Parliament Act 1911,
    the Fixed-term Parliaments Act 2011, the Dissolution and Calling of Parliament Act 2022); a
    window belongs to the version in force on its first day. By hand, as of 2026-12-01, the
    register complete from 1918: the first window runs from the 1911 Act (due 1916) and holds
    nothing before 1918: unknown (the register begins in 1918). Then after each election the next
    by the end of the fifth calendar year: all met, 1918 -> 1922 ... except after 14 November
    1935, due 1940, held 5 July 1945: excused, the Prolongation of Parliament Acts 1940-1944
    extending that Parliament (the book records them), and the chain goes on from 1940: due 1945,
    met. Two elections in 1974 lie in the window due 1975 (after 1970) and make one window due
    1979 naming both. Under the 2011 Act the early elections of 2017 and 2019 meet the windows due
    2020 and 2022; 2019 -> due 2024, met 4 July 2024; the window after it (from 2024-07-05, the
    2022 Act) open, due by 2029-12-31. 28 judged: 26 met, 1 unknown, 1 excused; exit 0."""
    out = _check(UK, *TODAY)
    got: dict[str, str] = {}
    for f in out["findings"]:
        got[f["window"]["label"]] = f["verdict"]
    assert got.pop("1916") == "unknown" and got.pop("1940") == "excused" and got.pop("2029") == "open"
    assert set(got.values()) == {"met"} and len(got) == 26
    assert [f["rule"] for f in out["findings"] if f["window"]["label"] in ("2015", "2020", "2024", "2029")] == [0, 1, 1, 2]
    assert _why(out, "general_election", 0, "1979") == (
        "1979: 1 of 1 required, 5 years after the General Election of 1974-02-28 and the General Election of 1974-10-10: "
        "General Election 1979-05-03."
    )
    assert _why(out, "general_election", 0, "1940").startswith(
        "due 1940 (5 years after the General Election of 1935-11-14), held General Election 1945-07-05: 5 years late. "
        "Excused: 1940 to 1944: Prolongation of Parliament Acts"
    )
    assert out["summary"]["exit_code"] == 0 and out["summary"]["excused"] == 1 and out["summary"]["unknown"] == 1


def test_uk_without_the_wartime_acts_1940_is_five_years_late(tmp_path):
    """The control: the same book without its `excused` line. The window due 1940 is then late by
    five years (held 1945-07-05), a violation: exit 1. The rule as written needs the Acts that
    suspended it, as the book records them."""
    book = (AUDIT / f"{UK}.toml").read_text(encoding="utf-8")
    (tmp_path / "uk.toml").write_text(re.sub(r"(?m)^excused = .*\n", "", book), encoding="utf-8")
    args = ["--rules", str(tmp_path / "uk.toml"), "--meetings", str(AUDIT / f"{UK}-meetings.csv"), *TODAY]
    out = json.loads(_invoke("check", *args, "--format", "json").stdout)
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert (late["window"]["label"], late["delay"]) == ("1940", "5 years")
    assert out["summary"]["exit_code"] == 1


def test_uk_fixed_term_day_as_an_on_rule_reads_2020_as_missed(tmp_path):
    """What the rule language cannot say. The Fixed-term Parliaments Act 2011, s. 1(3): polling
    day is the first Thursday in May of the fifth calendar year after the last general election,
    early ones (s. 2) included. Written as the only `on` rule there is (a grid: the first
    Thursday in May every five years from 2015), the 2017 and 2019 early elections reset nothing:
    2015 met, and 2020, a year the Act made due for nobody (after 2017 the next was due in 2022,
    after 2019 in 2024), is `missed`, a violation. The book therefore states the Act as a rolling
    `every 5y` by the year, which judges the year and not the day (tests/audit/uk-general-election.toml)."""
    book = (
        '[organization]\nid = "ukge"\nname = "UK"\nshort_name = "UK"\n[[bodies]]\nid = "general_election"\nname = "General Election"\n'
        'category = "governing"\n[[bodies.rules]]\nkind = "on"\nmonth = 5\nweekday = "thu"\nnth = 1\ninterval = "5y"\nanchor = 2015\n'
        "since = 2011-09-15\nuntil = 2022-03-23\n"
    )
    (tmp_path / "ftpa.toml").write_text(book, encoding="utf-8")
    args = ["--rules", str(tmp_path / "ftpa.toml"), "--meetings", str(AUDIT / f"{UK}-meetings.csv"), *TODAY]
    out = json.loads(_invoke("check", *args, "--format", "json").stdout)
    assert {f["window"]["label"]: f["verdict"] for f in out["findings"]} == {"2015-05-07": "met", "2020-05-07": "missed"}


def test_uk_projected_on_thursdays_five_years_on():
    """`project` to 2036: the next due by the end of 2029, five years after 4 July 2024; no
    `months`, so the median month of the 29 elections (the 15th of them in month order: June),
    aiming at the June elections' day (7 8 9 11 18: the 9th; twenty-first pass, the usual
    month's own), on a Thursday (`weekdays`, the convention since 1935): Saturday 9 June 2029,
    so Thursday the 7th (two back; the 14th is five on); then five years after it, June 2034,
    its Thursday nearest the 9th: 8 June 2034."""
    assert _project(UK, *TODAY) == [("general_election", "2029-06-07", None), ("general_election", "2034-06-08", None)]


# -- The General Synod of the Church of England: at least twice a year ----------------------------

SYNOD = "general-synod"


def test_general_synod_twice_a_year_2020_and_2021_met_without_the_informal_meetings():
    """Constitution of the General Synod, art. 3(1), binding: two formal sessions each calendar
    year. By hand, as of 2026-12-01, from 2019: 2019 met (February, July); 2020 met by February
    and the remote formal session of November, the York group (10-14 July) cancelled and the Zoom
    meeting of 11 July informal: neither counts; 2021 met by April, July and November, the
    informal remote meeting of 27 February not counted; 2022-2025 met; 2026, nothing recorded,
    the register complete only for 2020-2021: open, two still due as far as it shows. Exit 0.
    Before 2019 (from 1971) the register holds nothing and is not known complete: 48 unknown."""
    out = _check(SYNOD, *TODAY, "--from", "2019")
    assert _by_rule(out, "synod")[0] == {str(y): "met" for y in range(2019, 2026)} | {"2026": "open"}
    assert _why(out, "synod", 0, "2020") == (
        "2020: 2 of 2 required, at least twice a year: Synod 2020-02 (London), Synod 2020-11 (London). "
        "Not counted: Synod 2020-07-10 (York) (cancelled); Synod 2020-07-11 (informal: this rule counts regular meetings)."
    )
    assert _why(out, "synod", 0, "2021").endswith("Not counted: Synod 2021-02-27 (informal: this rule counts regular meetings).")
    assert out["summary"]["violations"] == 0 and out["summary"]["exit_code"] == 0
    whole = _check(SYNOD, *TODAY)
    assert whole["summary"]["unknown"] == 48 and whole["summary"]["violations"] == 0


# -- The Antarctic Treaty Consultative Meeting: annual by practice --------------------------------

ATCM = "atcm"


def test_atcm_annual_practice_three_advisories():
    """Annual meetings from ATCM XVII (1992), customary (the Treaty says "suitable intervals"):
    at least once a year from 1993. By hand, as of 2026-12-01, the register complete 1991-2025
    (XVI to XLVII without a gap): 1993 (XVII in November 1992, XVIII in April 1994) and 2000 (XXIII
    Lima 1999, XXIV St Petersburg 2001) hold none: advisories; 2020, the Helsinki meeting
    cancelled (COVID-19): advisory, the cancelled row named as not counted; 2021, XLIII held by
    video conference (no format restricted): met. 33 judged: 30 met, 3 advisories; 2026 open.
    Exit 0: a customary rule is never a violation."""
    out = _check(ATCM, *TODAY)
    got = _by_rule(out, "atcm")[0]
    assert {y for y, v in got.items() if v == "advisory"} == {"1993", "2000", "2020"}
    assert sum(v == "met" for v in got.values()) == 30 and got["2026"] == "open"
    assert _why(out, "atcm", 0, "2020") == (
        "2020: 0 of 1 required (at least once a year); no counting meeting recorded (customary rule, an advisory). "
        "Not counted: ATCM 2020-05 (Helsinki) (cancelled)."
    )
    assert out["summary"]["advisories"] == 3 and out["summary"]["exit_code"] == 0


# -- The ASEAN Regional Forum: annual, hosted by ASEAN's chair ------------------------------------

ARF = "arf"
ASEAN_CHAIRS = ("--chairs", str(AUDIT / "asean-chair-chairs.csv"))


def test_arf_met_every_year_video_conferences_counted():
    """Customary, at least once a year, from the first whole year after the 1st ARF (25 July
    1994): 1995-2025, each year's ARF recorded (the 27th, September 2020, and the 28th, August
    2021, by video conference): 31 met; 2026, nothing recorded, the register complete to 2025:
    open. Exit 0."""
    out = _check(ARF, *TODAY)
    assert _by_rule(out, "arf")[0] == {str(y): "met" for y in range(1995, 2026)} | {"2026": "open"}
    assert out["summary"]["exit_code"] == 0


def test_arf_projected_with_the_asean_chair_as_host():
    """`project` to 2030 with ASEAN's chair register (Philippines 2026, in place of Myanmar): the
    host of each year's ARF is that year's chair, the next in alphabetical order after the
    Philippines: Singapore 2027, Thailand 2028, Viet Nam 2029, Brunei Darussalam 2030; the
    33rd to 37th, numbered on from the 32nd (2025); July (the median month of 32 ARFs)."""
    out = json.loads(_invoke("project", *_files(ARF), *ASEAN_CHAIRS, *TODAY, "--to", "2030", "--format", "json").stdout)
    got = [(m["start"][:4], m["ordinal"], m["host"]) for m in out["meetings"]]
    assert got[1:] == [("2027", 34, "Singapore"), ("2028", 35, "Thailand"), ("2029", 36, "Viet Nam"), ("2030", 37, "Brunei Darussalam")]
    assert [m["start"][5:7] for m in out["meetings"][1:]] == ["07"] * 4
    assert got[0][:3] == ("2026", 33, "Philippines")


# -- The Mekong River Commission Summit: every four years by practice -----------------------------

MRC = "mrc-summit"


def test_mrc_summit_four_years_by_practice_the_fourth_a_year_late():
    """Rolling `every 4y`, customary. By hand, as of 2026-12-01: after Hua Hin (5 April 2010) due
    2014, met (Ho Chi Minh City, 5 April 2014); due 2018, met (Siem Reap, 5 April 2018); due 2022,
    held 5 April 2023 (Vientiane): one year late, an advisory; the chain goes on from 2023: due
    2027, open. Exit 0."""
    out = _check(MRC, *TODAY)
    assert _by_rule(out, "summit")[0] == {"2014": "met", "2018": "met", "2022": "advisory", "2027": "open"}
    assert _why(out, "summit", 0, "2022") == (
        "due 2022 (4 years after the 3rd Summit (2018-04-05)), held Summit 2023-04-05 (4th, Vientiane): 1 year late (customary rule, an advisory)."
    )
    assert out["summary"]["exit_code"] == 0


def test_mrc_summit_projected_at_its_nominal_days():
    """`project` to 2036: the 5th four years after 5 April 2023, Monday 2027-04-05; the 6th on
    Friday 4 April 2031 (the 5th a Saturday); the 7th Thursday 2035-04-05. No chair register:
    "chair to be decided"."""
    assert _project(MRC, *TODAY) == [("summit", "2027-04-05", 5), ("summit", "2031-04-04", 6), ("summit", "2035-04-05", 7)]


# -- The Arctic Council: biennial ministerial meetings, chairs handing over at them ---------------

ARCTIC = "arctic-council"
ARCTIC_CHAIRS = ("--chairs", str(AUDIT / "arctic-council-chairs.csv"))


def test_arctic_council_biennial_norway_late_2025_unknown():
    """Ottawa Declaration, para. 4, customary rolling `every 2y` from the signing (19 September
    1996). By hand, as of 2026-12-01, the register complete to 2024: due 1998, 2000, 2002, 2004,
    2006 met (Iqaluit, Barrow, Inari, Reykjavik, Salekhard); due 2008, held Tromsø 29 April 2009:
    one year late, an advisory; then 2011 to 2023 met (the 13th, Salekhard and online, no format restricted); due
    2025, nothing recorded, 2025 not known complete: unknown; the chain goes on from 2025: due
    2027, open. 14 judged: 12 met, 1 advisory, 1 unknown; exit 0."""
    out = _check(ARCTIC, *TODAY)
    years = ["1998", "2000", "2002", "2004", "2006", "2011", "2013", "2015", "2017", "2019", "2021", "2023"]
    assert _by_rule(out, "ministerial")[0] == {y: "met" for y in years} | {"2008": "advisory", "2025": "unknown", "2027": "open"}
    assert _why(out, "ministerial", 0, "2008") == (
        "due 2008 (2 years after the Ministerial of 2006-10-26), held Ministerial 2009-04-29 (Tromsø): 1 year late (customary rule, an advisory)."
    )
    assert out["summary"]["exit_code"] == 0


def test_arctic_council_chairs_norway_2006_2009_is_the_long_term_of_a_customary_rotation():
    """Terms of two years, handed over at the ministerial meetings, with the book's two months'
    slack for meetings that move by weeks. By hand: every term from one ministerial to the next
    is within 2 years 2 months but Norway's, 26 October 2006 to 29 April 2009, 2 years 6 months.
    The Declaration's rotation is a custom ("should rotate sequentially", para. 5), which the
    book states (`[chairmanship] binding = false`): the long term is a note, not a violation,
    and `planner chairs` exits 0 (before: no chair rule could be customary; the key was refused,
    and without it this was a violation, exit 1). (The handover of May 2025: the next test.)"""
    out = json.loads(_invoke("chairs", *_files(ARCTIC), *ARCTIC_CHAIRS, *TODAY, "--format", "json").stdout)
    (long,) = [f for f in out["findings"] if f["kind"] == "long_term"]
    assert (long["severity"], long["violation"]) == ("note", False)
    assert long["message"] == (
        "Norway chaired 2006-10-26 to 2009-04-29: 2 years 6 months 3 days, longer than the rule's term of 2 years (tolerance 2 months). "
        "(customary chair rule: a note, not a violation)"
    )
    assert out["summary"]["violations"] == 0 and out["summary"]["exit_code"] == 0


def test_arctic_council_projected_hosted_by_the_outgoing_chair():
    """`project` to 2032 with the chair register (Denmark from May 2025): the ministerial due
    2027 (two steps after 11 May 2023, the 2025 window passed unknown). No `months`: as for the
    Francophonie (tests/real/test_semantics_audit17_real.py), the median month of the 14 meetings
    (7th of them in month order: May) and the lower median of the May meetings' opening days
    (7, 11, 11, 12, 15, 20: the 11th; twenty-first pass, the usual month's own day): Tuesday
    11 May 2027. Hosted by
    Denmark, whose term it ends (`handover_host = "outgoing"`); then May 2029 and May 2031,
    "chair to be decided"."""
    out = json.loads(_invoke("project", *_files(ARCTIC), *ARCTIC_CHAIRS, *TODAY, "--to", "2032", "--format", "json").stdout)
    assert [(m["start"] if m["host"] == "Denmark" else m["start"][:7], m["host"]) for m in out["meetings"]] == [
        ("2027-05-11", "Denmark"),
        ("2029-05", "chair to be decided"),
        ("2031-05", "chair to be decided"),
    ]


def test_arctic_council_a_handover_where_the_register_is_not_known_complete_is_a_note(tmp_path):
    """The chair passed from Norway to the Kingdom of Denmark in May 2025; the meetings register
    is known complete only to 2024 and records no meeting then. "None within 7 days in the
    register" proves nothing where the register may not hold that month's meetings: a note that
    says so, never a violation (before: a violation, `planner chairs` exit 1 on the register's
    silence). The control: the same book stating the register complete to 2025, its rotation
    binding: then the handover is away from any handover meeting, a violation."""
    out = json.loads(_invoke("chairs", *_files(ARCTIC), *ARCTIC_CHAIRS, *TODAY, "--format", "json").stdout)
    (handover,) = [f for f in out["findings"] if f["kind"] == "handover"]
    assert (handover["severity"], handover["violation"]) == ("note", False)
    assert handover["message"] == (
        "Handover Norway → Denmark in 2025-05: no meeting of a handover body within 7 days in the register, "
        "which is known complete only 1996-01-01..2024-12-31: the handover meeting may not be recorded."
    )
    book = (AUDIT / f"{ARCTIC}.toml").read_text(encoding="utf-8").replace("start = 1996, end = 2024", "start = 1996, end = 2025")
    book = re.sub(r"(?m)^binding = false .*\n", "", book)  # (a binding rotation: the violation shows)
    (tmp_path / "arctic.toml").write_text(book, encoding="utf-8")
    args = ["--rules", str(tmp_path / "arctic.toml"), "--meetings", str(AUDIT / f"{ARCTIC}-meetings.csv"), *ARCTIC_CHAIRS, *TODAY]
    out = json.loads(_invoke("chairs", *args, "--format", "json").stdout)
    (handover,) = [f for f in out["findings"] if f["kind"] == "handover"]
    assert handover["severity"] == "violation" and handover["message"].endswith("is not at a meeting of a handover body (none within 7 days in the register).")


def test_a_projection_into_a_year_the_register_does_not_cover_says_so():
    """As of 2026-12-01 the ATCM register is complete to 2025 and the General Synod's only for
    2020-2021: check calls 2026 `open` "as far as the register shows". `project` filled the year
    from tomorrow, the 48th ATCM on 2026-12-02 and two Synods on 9 and 24 December, and said
    nothing (before: no note), when both bodies had in fact met in 2026 as far as anyone knows.
    Now a note says the meetings projected there are what the register shows still due, and that
    a meeting held since 1 January may not be recorded. The control: the MRC Summit's window
    due 2027, running since 2023, in a register that states no coverage (taken as complete): no
    note."""
    def notes(name: str) -> list[str]:
        return json.loads(_invoke("project", *_files(name), *TODAY, "--to", "2027", "--format", "json").stdout)["notes"]

    assert notes(ATCM) == [
        "Antarctic Treaty Consultative Meeting, 2026: the register is known complete only 1991-01-01..2025-12-31, so a meeting held "
        "from 2026-01-01 to 2026-12-01 may not be recorded; the meeting projected on 2026-12-02 is what it shows still due."
    ]
    assert notes(SYNOD) == [
        "General Synod, 2026: the register is known complete only 2020-01-01..2021-12-31, so a meeting held from 2026-01-01 to "
        "2026-12-01 may not be recorded; the meetings projected on 2026-12-09 and 2026-12-24 are what it shows still due."
    ]
    assert notes(MRC) == []
