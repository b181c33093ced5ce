"""The seventeenth audit of real organizations, continued (tests/real/test_semantics_audit17_real.py
has the rolling chains): bodies a yearly rule judges, every expected answer worked out by hand
before the tool was run. The CIS Council of Heads of State: twice a year under the Charter (art.
21), one regular session a year in practice beside informal meetings that count for nothing,
two sessions held by videoconference. The G7 summits: a customary yearly meeting since 1975,
Sochi's G8 summit of 2014 cancelled and held in Brussels under its number, the 46th (2020)
postponed and never held, extraordinary videoconferences, and the 52nd announced for Évian on
14-16 June 2026, whose days passed with no row saying it was held. The East Asia Summit: yearly
by practice, two summits put off across a year's end (Cebu, December 2006 to January 2007;
Bangkok, December 2008, called off at Pattaya in April 2009, held in October 2009). The Nordic
Council: once a year under its Statute, the 72nd session cancelled in 2020 with its spring theme
session, an online debate in its week that was no session. The Council of Europe's Committee of
Ministers: a yearly ministerial session by practice, none in the year of the Reykjavík Summit
(2023), the 130th postponed from May to November 2020 and held by videoconference. The Pacific
Islands Forum Leaders: yearly by practice, the 51st postponed in 2020 and held in two parts a
year apart (virtual 2021, Suva 2022)."""

from __future__ import annotations

import json

from tests.real.test_semantics_audit15_real import AUDIT, _check, _text
from tests.real.test_semantics_audit16_real import _by_rule, _project, _why
from tests.semantics.test_semantics_audit5 import _invoke

# -- CIS Council of Heads of State: twice a year under the Charter, informal meetings beside ---------

CIS = "cis-heads-of-state"


def test_cis_council_twice_a_year_one_session_short_each_year():
    """CIS Charter art. 21, binding, at least two regular sessions each calendar year, in force
    22 January 1994. By hand, as of 2026-12-01 (revised once: I first counted 1994 among the
    unknown years; DESIGN, "a window belongs to the rule in force on its first day", and on 1
    January 1994 the Charter was not in force, so 1995 is the first year judged): 1995-2016,
    nothing recorded and outside the records (2017-2025): 22 unknown; 2017-2025, one regular
    session each (2020 and 2021 by videoconference, counted: no format is restricted): 1 of 2,
    `missed`, nine violations; the informal meetings in Saint Petersburg (December 2018, 2019,
    2021, 2022, 2023, 2024 and 7 October 2022) named as not counted; 2026 open, two due by 31
    December as far as the register shows. Exit 1."""
    out = _check(CIS, "--today", "2026-12-01")
    assert _by_rule(out, "chs")[0] == (
        {str(y): "unknown" for y in range(1995, 2017)} | {str(y): "missed" for y in range(2017, 2026)} | {"2026": "open"}
    )
    assert _why(out, "chs", 0, "2020") == "2020: 1 of 2 required (at least twice a year); held: CHS 2020-12-18."
    assert _why(out, "chs", 0, "2022") == (
        "2022: 1 of 2 required (at least twice a year); held: CHS 2022-10-14 (Astana). "
        "Not counted: CHS 2022-10-07 (Saint Petersburg) (informal: this rule counts regular meetings); "
        "CHS 2022-12-26 (Saint Petersburg) (informal: this rule counts regular meetings)."
    )
    assert _why(out, "chs", 0, "2026") == (
        "2026: 2 still due by 2026-12-31, at least twice a year. Still due as far as the register shows: "
        "the register is known complete only 2017-01-01..2025-12-31."
    )
    assert out["summary"]["violations"] == 9 and out["summary"]["unknown"] == 22 and out["summary"]["exit_code"] == 1
    assert "31 judged: 9 missed, 22 unknown; open: 2026 (2 due by 2026-12-31)" in _text(CIS, "--today", "2026-12-01")


def test_cis_council_projected_twice_a_year_in_its_months():
    """`project` from 2026-12-01 to 2028: two sessions still due in 2026, in what is left of
    the year (2 to 31 December, 30 days): the middles of its two halves, Wednesday 9 and
    Thursday 24 December. Then two a year in its own months: its regular sessions were in
    September once, October seven times, December once; both halves of that history give
    October, so the months it used, each once, in two shares: September and December (no year
    held two, so no turn of a year says more: twenty-first pass), each on the day the Council
    met in that month (September 28, December 18; the 13th, of all nine days, was a day of
    October): Tuesday 28 September and, the 18th a Saturday, Friday 17 December 2027 (a day
    back before Monday two on), Thursday 28 September and Monday 18 December 2028. (The counts due
    were worked out first; the days were checked against README's placement rules after the
    run.)"""
    assert _project(CIS, "--today", "2026-12-01", "--to", "2028") == [
        ("chs", "2026-12-09", None),
        ("chs", "2026-12-24", None),
        ("chs", "2027-09-28", None),
        ("chs", "2027-12-17", None),
        ("chs", "2028-09-28", None),
        ("chs", "2028-12-18", None),
    ]


# -- G7 summits: once a year by practice, a cancelled number, a plan that passed unconfirmed ---------

G7 = "g7-summit"


def test_g7_summit_yearly_by_practice_2020_an_advisory_2026_unconfirmed():
    """Customary, at least one regular summit a year from Rambouillet (15 November 1975); the
    records complete 1975-2025. By hand, as of 2026-12-01: 1975 not judged (its first day is
    before the practice began); 1976-2025, 50 windows: 49 met (1976-2009 by rows known to the
    month), 2014 by Brussels, the Sochi summit of the same number named as cancelled; 2021 by
    Carbis Bay, the February videoconference named (extraordinary); 2020 an advisory, not a
    violation: nothing held, the March videoconference (extraordinary), the 46th postponed from
    June and the 46th cancelled named. 2026: the 52nd planned for 14-16 June at Évian, its days past
    and not recorded held: it counts for nothing, so the year is open, one due by 31 December,
    the why naming the plan as unconfirmed. Exit 0."""
    out = _check(G7, "--today", "2026-12-01")
    assert _by_rule(out, "summit")[0] == {str(y): "met" for y in range(1976, 2026) if y != 2020} | {"2020": "advisory", "2026": "open"}
    assert _why(out, "summit", 0, "2014") == (
        "2014: 1 of 1 required, at least once a year: Summit 2014-06-04 (40th, Brussels). Not counted: Summit 2014-06 (40th, Sochi) (cancelled)."
    )
    assert _why(out, "summit", 0, "2020") == (
        "2020: 0 of 1 required (at least once a year); no counting meeting recorded (customary rule, an advisory). "
        "Not counted: Summit 2020 (46th) (cancelled); Summit 2020-03-16 (extraordinary: this rule counts regular meetings); "
        "Summit 2020-06 (46th, Camp David) (postponed)."
    )
    assert _why(out, "summit", 0, "2026").startswith(
        "2026: 1 still due by 2026-12-31, at least once a year; Summit 2026-06-14 (52nd, Évian-les-Bains) was planned but is not recorded as held (unconfirmed)."
    )
    assert out["summary"]["advisories"] == 1 and out["summary"]["violations"] == 0 and out["summary"]["exit_code"] == 0
    # (the summary says what the why says is still due: the unconfirmed Summit is no count)
    assert "50 judged: 49 met, 1 advisory; open: 2026 (52nd planned, Évian-les-Bains, 2026-06-14, unconfirmed; 1 due by 2026-12-31)" in _text(G7, "--today", "2026-12-01")


def test_g7_summit_projected_in_june_after_the_unconfirmed_evian_summit():
    """`project` from 2026-12-01 to 2028: DESIGN, a planned meeting whose dates passed
    unconfirmed: "Projection still chains from it and lists it under Problems": nothing is
    projected for what is left of 2026, and a Problem asks to confirm or re-plan the 52nd. Then
    the 53rd and 54th in June, the median month of its 51 regular summits held or planned (May
    10 times, June 25, July 14, August and November once), aiming at the 13th, the lower median
    of the days known of the June summits held (4 7 8 11 13 15 17 25 26; the unconfirmed plan
    of Évian is no habit, and each month has its own day since the twenty-first pass: the
    17th was the median of all months' days): three working days, chair to be decided, on
    France's calendar: Sunday 13 June 2027, so Monday 14 to Wednesday 16 June; Tuesday 13 to
    Thursday 15 June 2028. (The year and month were worked out first; the days checked after the run.)"""
    out = json.loads(_invoke("project", "--rules", str(AUDIT / f"{G7}.toml"), "--meetings", str(AUDIT / f"{G7}-meetings.csv"), "--today", "2026-12-01", "--to", "2028", "--format", "json").stdout)
    assert [(m["start"], m["end"], m["ordinal"]) for m in out["meetings"]] == [("2027-06-14", "2027-06-16", 53), ("2028-06-13", "2028-06-15", 54)]
    assert [p["message"] for p in out["problems"]] == [
        "The 52nd Summit (2026-06-14, planned), Évian-les-Bains, France is past and not confirmed held: "
        "confirm or re-plan it (the projection chains from it as if held)."
    ]


# -- East Asia Summit: yearly by practice, two summits put off across a year's end -------------------

EAS = "east-asia-summit"


def test_east_asia_summit_put_off_across_the_year_end_leaves_the_year_an_advisory():
    """Customary, at least one regular summit a year from the Kuala Lumpur Declaration (14
    December 2005), records complete 2005-2025. By hand, as of 2026-12-01: 2005 not judged
    (its first day is before the practice began); 2006 an advisory: the 2nd, called for Cebu in
    December, was postponed and met on 15 January 2007, fifteen days into the next year, which
    an `at_least` year does not take late; 2007 met twice (the 2nd and the 3rd); 2008 an
    advisory, the 4th postponed from December; 2009 met by Cha-am (October), the Pattaya summit
    of April, called off, named as cancelled; 2010-2025 met, 2020 and 2021 by videoconference.
    20 judged: 18 met, 2 advisories; 2026 open, nothing recorded yet; exit 0."""
    out = _check(EAS, "--today", "2026-12-01")
    assert _by_rule(out, "eas")[0] == {str(y): "met" for y in range(2007, 2026) if y != 2008} | {"2006": "advisory", "2008": "advisory", "2026": "open"}
    assert _why(out, "eas", 0, "2006") == (
        "2006: 0 of 1 required (at least once a year); no counting meeting recorded (customary rule, an advisory). "
        "Not counted: EAS 2006-12 (2nd, Cebu) (postponed)."
    )
    assert _why(out, "eas", 0, "2007") == (
        "2007: 2 held (1 required), at least once a year: EAS 2007-01-15 (2nd, Cebu), EAS 2007-11-21 (3rd, Singapore)."
    )
    assert _why(out, "eas", 0, "2009") == (
        "2009: 1 of 1 required, at least once a year: EAS 2009-10-25 (4th, Cha-am). Not counted: EAS 2009-04-11 (4th, Pattaya) (cancelled)."
    )
    assert out["summary"]["advisories"] == 2 and out["summary"]["exit_code"] == 0
    assert "20 judged: 18 met, 2 advisory; open: 2026 (1 due by 2026-12-31)" in _text(EAS, "--today", "2026-12-01")


def test_east_asia_summit_projected_in_november():
    """`project` from 2026-12-01 to 2028: the 21st still due in 2026; its usual month is
    November (the lower median of 20 summits: January once, September twice, October six
    times, November ten, December once), already past, so the nearest day left in the year,
    Wednesday 2 December; then November, the 14th (the lower median of its days): Sunday in
    2027, so Monday the 15th; Tuesday 14 November 2028; chair to be decided. (The months were
    worked out first; the days checked after the run.)"""
    assert _project(EAS, "--today", "2026-12-01", "--to", "2028") == [
        ("eas", "2026-12-02", 21),
        ("eas", "2027-11-15", 22),
        ("eas", "2028-11-14", 23),
    ]


# -- Nordic Council: an ordinary session once a year, none in 2020 ---------------------------------

NC = "nordic-council"


def test_nordic_council_once_a_year_2020_missed():
    """Statute of the Nordic Council (1957, in force 1 January 1958), art. 4, binding: one
    ordinary session each year; records complete 2011-2025. By hand, as of 2026-12-01:
    1958-2010, 53 years with nothing recorded outside the records: unknown; 2011-2019 and
    2021-2025 met (14); 2020 missed: the 72nd session (Reykjavík, 27-29 October) cancelled, the
    theme session (Helsinki, March) cancelled and special anyway, the online debate of 27
    October informal: each named, none counted; the Statute names no exception, so a violation.
    2026 open, nothing recorded yet. 68 judged: 14 met, 1 missed, 53 unknown; exit 1."""
    out = _check(NC, "--today", "2026-12-01")
    got = _by_rule(out, "session")[0]
    assert got == {str(y): "unknown" for y in range(1958, 2011)} | {str(y): "met" for y in range(2011, 2026) if y != 2020} | {"2020": "missed", "2026": "open"}
    assert _why(out, "session", 0, "2020") == (
        "2020: 0 of 1 required (at least once a year); no counting meeting recorded. Not counted: Session 2020-03-30 (Helsinki) (cancelled); "
        "Session 2020-10-27 (informal: this rule counts regular meetings); Session 2020-10-27 (72nd, Reykjavík) (cancelled)."
    )
    assert out["summary"]["violations"] == 1 and out["summary"]["unknown"] == 53 and out["summary"]["exit_code"] == 1
    assert "68 judged: 14 met, 1 missed, 53 unknown; open: 2026 (1 due by 2026-12-31)" in _text(NC, "--today", "2026-12-01")


def test_nordic_council_projected_in_its_autumn_week():
    """`project` from 2026-12-01 to 2028: the 78th still due in 2026, its usual month October
    past, so the first three working days left, 2-4 December; then October, aiming at the 27th
    (the lower median of the October sessions' opening days known, 27 and 31; twenty-first
    pass: the 1st, of all four days, was the day of two November sessions, and put the session
    in the last days of September, where it never met): Wednesday 27 to Friday 29 October
    2027; Friday 27 October 2028 would run into the weekend, Thursday the 26th too, so
    Wednesday 25 to Friday 27 October (two days back; Monday 30th is three on). (The months
    were worked out first; the days checked after the run.)"""
    out = json.loads(_invoke("project", "--rules", str(AUDIT / f"{NC}.toml"), "--meetings", str(AUDIT / f"{NC}-meetings.csv"), "--today", "2026-12-01", "--to", "2028", "--format", "json").stdout)
    assert [(m["start"], m["end"], m["ordinal"]) for m in out["meetings"]] == [
        ("2026-12-02", "2026-12-04", 78),
        ("2027-10-27", "2027-10-29", 79),
        ("2028-10-25", "2028-10-27", 80),
    ]


# -- Council of Europe: the Committee of Ministers once a year, not in a Summit year ----------------

COE = "coe-committee-of-ministers"


def test_coe_committee_of_ministers_yearly_excused_in_the_summit_year():
    """Customary, one ministerial session a year, judged from 2012 (the register's first year),
    `except_when = ["summit"]`; records complete 2012-2025. By hand, as of 2026-12-01: 2012-2022
    met (11), 2020 by the 130th, held from Athens by videoconference on 4 November (no format
    restricted), the session called for Strasbourg on 15 May named as postponed; 2023 excused:
    no session, the 4th Summit (Reykjavík, 16-17 May) in the year; 2024, 2025 met; 2026 open,
    nothing recorded yet; the Summit ad hoc, nothing due. 14 judged: 13 met, 1 excused; exit 0.
    Without the exception 2023 is an advisory, not a violation (a customary rule), exit 0."""
    out = _check(COE, "--today", "2026-12-01")
    assert _by_rule(out, "cm")[0] == {str(y): "met" for y in range(2012, 2026) if y != 2023} | {"2023": "excused", "2026": "open"}
    assert _why(out, "cm", 0, "2020") == (
        "2020: 1 of 1 required, at least once a year: CM 2020-11-04 (130th, Athens). Not counted: CM 2020-05-15 (130th, Strasbourg) (postponed)."
    )
    assert _why(out, "cm", 0, "2023").endswith(
        "Excused: Summit 2023-05-16 (4th, Reykjavík) met in 2023, and no CM is due in a period with a Summit."
    )
    assert "14 judged: 13 met, 1 excused; open: 2026 (1 due by 2026-12-31) Summit ad hoc 1 meeting recorded, nothing due" in _text(COE, "--today", "2026-12-01")
    assert out["summary"]["excused"] == 1 and out["summary"]["exit_code"] == 0


def test_coe_committee_of_ministers_without_the_summit_exception(tmp_path):
    """The same register, the book without `except_when`: by hand, 2023 has no session, so an
    advisory (customary), everything else as before; exit 0."""
    book = (AUDIT / f"{COE}.toml").read_text(encoding="utf-8").replace('except_when = ["summit"]\n', "")
    (tmp_path / "coe.toml").write_text(book, encoding="utf-8")
    args = ["--rules", str(tmp_path / "coe.toml"), "--meetings", str(AUDIT / f"{COE}-meetings.csv")]
    out = json.loads(_invoke("check", *args, "--today", "2026-12-01", "--format", "json").stdout)
    assert _by_rule(out, "cm")[0]["2023"] == "advisory"
    assert out["summary"]["advisories"] == 1 and out["summary"]["excused"] == 0 and out["summary"]["exit_code"] == 0


def test_coe_committee_of_ministers_projected_in_may():
    """`project` from 2026-12-01 to 2028: the 135th still due in 2026, its usual month May
    past, so Wednesday 2 December; then May, aiming at the 18th (the lower median of its nine
    May sessions known to the day: 5, 16, 16, 16, 18, 19, 19, 21, 23; twenty-first pass, the
    November session's 4th no longer counts toward a day of May): Tuesday 18 May 2027;
    Thursday 18 May 2028; the Summit, ad hoc, never projected. (The months were worked out
    first; the days checked after the run.)"""
    assert _project(COE, "--today", "2026-12-01", "--to", "2028") == [
        ("cm", "2026-12-02", 135),
        ("cm", "2027-05-18", 136),
        ("cm", "2028-05-18", 137),
    ]


# -- Pacific Islands Forum: the 51st Leaders Meeting in two parts a year apart -----------------------

PIF = "pacific-islands-forum"


def test_pacific_islands_forum_the_51st_in_two_parts_counts_once():
    """Customary, the Leaders Meeting once a year, judged from 2017; records complete 2017-2025.
    The Secretariat numbers both the virtual meeting of August 2021 and Suva (11-14 July 2022)
    the 51st. By hand, README ("A number identifies one meeting ... it counts once, in the
    period its first held part opens"), as of 2026-12-01: 2017-2019 met; 2020 an advisory (the
    51st, called for Port Vila on 4-7 August, postponed); 2021 met by the 51st, online; 2022 an
    advisory: Suva is the 51st again, counted in 2021, named with why; 2023-2025 met; 2026 open.
    9 judged: 7 met, 2 advisories; exit 0. (A secretariat would call 2022 kept: the Leaders met
    face to face in Suva. The register keeps the Secretariat's own numbers, and the settled
    meaning makes them one meeting: reported, not changed.)"""
    out = _check(PIF, "--today", "2026-12-01")
    assert _by_rule(out, "leaders")[0] == {str(y): "met" for y in range(2017, 2026) if y not in (2020, 2022)} | {
        "2020": "advisory",
        "2022": "advisory",
        "2026": "open",
    }
    assert _why(out, "leaders", 0, "2022").endswith(
        "Not counted: PIFLM 2022-07-11 (51st, Suva) (the same number as PIFLM 2021-08 (51st): one meeting, counted there)."
    )
    assert _why(out, "leaders", 0, "2021") == "2021: 1 of 1 required, at least once a year: PIFLM 2021-08 (51st)."
    assert out["summary"]["advisories"] == 2 and out["summary"]["exit_code"] == 0


def test_pacific_islands_forum_projected_in_september():
    """`project` from 2026-12-01 to 2028: the 55th still due in 2026: four working days in what
    is left of it, from Monday 7 December (from the 2nd they would cross the weekend); then its
    usual month: of its eight meetings held (July, August three times, September three times,
    November) the two middle ones are August and September, met as often, September the later;
    aiming at the 3rd (the lower median of the September days known, 3 and 5; twenty-first
    pass, the usual month's own): Friday 3 September 2027 would run into the weekend, so
    Monday 6 to Thursday 9 September 2027 (three days on; Tuesday 31 August, three back, is
    tried after); Sunday 3 September 2028, so Monday 4 to Thursday 7 September. (The year and the count due were worked out first; the months and
    days checked after the run.)"""
    assert _project(PIF, "--today", "2026-12-01", "--to", "2028") == [
        ("leaders", "2026-12-07", 55),
        ("leaders", "2027-09-06", 56),
        ("leaders", "2028-09-04", 57),
    ]
