"""A twenty-second audit of real organizations (tests/audit/), eight new ones, each rule book
citing its instrument in every rule's `source` and each register row its source (days known
only from memory say so; rows known only to the month give the month), every expected answer
worked out by hand from the rule as written before the tool was run (the derivation in each
test's docstring). Rules that stress what the audits before did not: treaty bodies whose first
meeting follows the entry into force (the TPNW's, held late; the Arms Trade Treaty's and the
Minamata Convention's, held in time), a review conference "five years after" entry into force
and every six years after it (TPNW), a conference "every four years" whose numbering slipped
(a Conference cancelled and its number given to the next, a special one numbered in the series:
the Red Cross and Red Crescent), a company AGM under s.336 for a 52/53-week financial year
(Tesco), a chair passing in alphabetical order at the session the outgoing chair hosts, with a
member gone and one that froze its participation (the CSTO), a summit given a cadence by a
Charter in force years after it was signed, with an alphabetical chair (BIMSTEC), and a summit
suspended two years and resumed, whose chair order a new member joined (the Organization of
Turkic States)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main
from tests.real.test_semantics_audit15_real import AUDIT, _check, _files
from tests.real.test_semantics_audit16_real import _why
from tests.real.test_semantics_audit18_real import _events
from tests.real.test_semantics_audit20_real import _edited, _judged, _project
from tests.semantics.test_semantics_audit5 import _invoke

TODAY = ("--today", "2026-12-05")


def _verdicts(out: dict, body: str, rule: int | None = None) -> dict[str, str]:
    """Window label -> verdict, for one body (one rule of it, if given)."""
    return {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["body"] == body and (rule is None or f["rule"] == rule)}


def _chairs(name: str, *args: str) -> dict:
    files = [*_files(name), "--chairs", str(AUDIT / f"{name}-chairs.csv")]
    return json.loads(_invoke("chairs", *files, *TODAY, *args, "--format", "json").stdout)


def _feed(name: str, *args: str) -> list[dict[str, str]]:
    return _events(_invoke("ics", *_files(name), *TODAY, "--out", "-", *args).stdout)


# -- TPNW: the first meeting within a year of entry into force, then biennial -----------------

TPNW = "tpnw-msp"


def test_tpnw_first_meeting_of_states_parties_150_days_late_then_biennial_met():
    """Art. 8(2): the first meeting "within one year of the entry into force" (22 January 2021:
    due by 22 January 2022), then "on a biennial basis". By hand: the first meeting, called for
    January 2022 and twice postponed, opened 21 June 2022: 150 days late (the postponed row of
    January named, not counted). Then two years after 2022: due 2024, met early by the second
    (27 November 2023: "unless otherwise agreed", and an early meeting is within the rule); two
    years after 2023: due 2025, met by the third (3 March 2025); 2027 open. One violation, the
    pandemic's postponement being recorded nowhere as an excuse."""
    out = _check(TPNW, *TODAY)
    assert _verdicts(out, "msp") == {"2021-01-22..2022-01-22": "late", "2024": "met", "2025": "met", "2027": "open"}
    why = _why(out, "msp", 0, "2021-01-22..2022-01-22")
    assert "to MSP 2022-06-21 (1st, Vienna): 150 days late (the first meeting is due within 1 year, due by 2022-01-22)" in why
    assert "Not counted: MSP 2022-01-12 (1st, Vienna) (postponed)" in why
    assert out["summary"]["violations"] == 1


def test_tpnw_review_conference_five_years_after_entry_into_force_then_every_six():
    """Art. 8(4): a review conference "five years after the entry into force" (2026), further
    ones "at intervals of six years". Stated as `every 5y` to the fifth anniversary (22 January
    2026) and `every 6y` from the day after, so that the chain from a conference held in 2026
    takes the later version. By hand: 2026 open (records to 2025: as far as the register
    shows); `project` to 2033 places the first conference in December 2026 (days after
    --today) and the second in 2032, six years on, not 2031: with the five-year version kept to
    the end of 2026 (the book's first draft) the engine rightly chained five years, as the
    version in force the day after the origin says (README: versions of one rule)."""
    out = _check(TPNW, *TODAY)
    assert _verdicts(out, "revcon") == {"2026": "open"}
    assert "Still due as far as the register shows" in _why(out, "revcon", 0, "2026")
    revcons = [(s[:7], n) for b, s, n in _project(TPNW, *TODAY, "--to", "2033") if b == "revcon"]
    assert revcons == [("2026-12", None), ("2032-11", None)]


def test_tpnw_projects_the_fourth_meeting_in_march_2027_numbered_on():
    """`project` to 2029: the 4th and 5th meetings of States Parties two years apart in March
    (`months = [3]`, the third meeting's month), numbered on from the 3rd."""
    msps = [(s[:7], n) for b, s, n in _project(TPNW, *TODAY, "--to", "2029") if b == "msp"]
    assert msps == [("2027-03", 4), ("2029-03", 5)]


# -- The International Conference of the Red Cross and Red Crescent: every four years ---------

RCRC = "red-cross-conference"


def test_red_cross_conference_every_four_years_late_twice_and_missed_once():
    """Statutes (1986) art. 11(1): "every four years, unless it decides otherwise", rolling in
    years from the 25th (October 1986, which adopted the Statutes). By hand: due 1990, nothing
    held (the 26th was called only for Budapest, November 1991, and cancelled): missed; the
    chain goes on from the missed window, due 1994: the 26th of Geneva, December 1995, one year
    late (the cancelled Budapest row named); then 1999, 2003 met; due 2007: the 30th (the 29th,
    June 2006, met only to amend the Statutes: `special`, named, not counted); 2011, 2015,
    2019 met; due 2023: the 34th, October 2024, one year late; 2028 open. Three violations: no
    decision "otherwise" is recorded for 1990-1995 or 2023-2024. The 1994 window is due after
    the 25th, as the 1990 window says: its why read "nothing held since the rule took effect
    (1986-10-31)", the last day of the Conference that adopted the Statutes, as if the 25th had
    not been held (fails before in engine/cadence/every.py)."""
    out = _check(RCRC, *TODAY)
    expected = {"1990": "missed", "1994": "late"} | {str(y): "met" for y in (1999, 2003, 2007, 2011, 2015, 2019)} | {"2023": "late", "2028": "open"}
    assert _verdicts(out, "conference") == expected
    assert _why(out, "conference", 0, "1994") == (
        "due 1994 (4 years after the window due 1990, nothing held since the 25th International Conference (1986-10-23)), "
        "held International Conference 1995-12-03 (26th, Geneva): 1 year late. Not counted: International Conference 1991-11 (26th, Budapest) (cancelled)."
    )
    assert "Not counted: International Conference 2006-06-20 (29th, Geneva) (special: this rule counts regular meetings)." in _why(out, "conference", 0, "2007")
    assert _why(out, "conference", 0, "2023") == (
        "due 2023 (4 years after the 33rd International Conference (2019-12-09)), held International Conference 2024-10-28 (34th, Geneva): 1 year late."
    )
    assert out["summary"]["violations"] == 3


def test_red_cross_feed_keeps_the_cancelled_budapest_conference_apart_from_the_26th_held():
    """`ics`, as the Standing Commission would read it: the 26th as called for Budapest is a
    CANCELLED event and the 26th held in Geneva a CONFIRMED one with its own UID (the same
    number twice: `-26` and `-26-2`); the 29th keeps its number with "Special" in its summary;
    the 35th is projected for November 2028, TENTATIVE."""
    events = {e["UID"]: e for e in _feed(RCRC, "--to", "2028")}
    assert events["rcrc-conference-26@planner"]["STATUS"] == "CANCELLED"
    assert events["rcrc-conference-26-2@planner"]["STATUS"] == "CONFIRMED"
    assert events["rcrc-conference-26-2@planner"]["DTSTART"] == "19951203"
    assert events["rcrc-conference-special-29@planner"]["SUMMARY"].startswith("29th Special International Conference")
    assert events["rcrc-conference-35@planner"]["STATUS"] == "TENTATIVE"


# -- Tesco PLC: an AGM within six months of the accounting reference date, 52/53-week years ----

TESCO = "tesco-agm"


def test_tesco_agms_met_under_both_companies_acts():
    """CA 1985 s.366 (an AGM each calendar year, no more than 15 months apart) to 30 September
    2007, then CA 2006 s.336(1): in the six months from the day after the accounting reference
    date (the last day of February): 1 March to 31 August. By hand, from 2003: every AGM in
    June or July, so 2003-2007 met and each gap at most 14 months (met); 2008-2025 met in their
    March-August windows; 2026 has no row and its records are not known complete: unknown.
    No violation."""
    out = _check(TESCO, *TODAY, "--from", "2003")
    verdicts = _verdicts(out, "agm")
    assert {k: v for k, v in verdicts.items() if v != "met"} == {"2026-03..2026-08": "unknown"}
    assert [k for k in verdicts if k.startswith("2025")] == ["2025-03..2025-08"]
    assert len([k for k in verdicts if ".." in k and k[4] == "-" and k.endswith("-08") and k[:4] >= "2008"]) == 19
    assert out["summary"]["violations"] == 0


def test_tesco_agm_deadline_runs_from_the_reference_date_not_the_saturday_the_year_ended(tmp_path):
    """The 2024-25 year ended on Saturday 22 February 2025 (52 weeks), six days before the
    accounting reference date: s.336 counts from the reference date, so an AGM on 29 August
    2025 (an edit) is in time (1 March to 31 August), though more than six months after the
    year's last day; one on 1 September 2025 is not: `missed` for 2025-03..2025-08. In the leap
    year 2024 the reference date is 29 February and the period still begins on 1 March: an AGM
    on 31 August 2024 is met."""
    rows = {"agm,regular,,2025-06,": "agm,regular,,2025-08-29,", "agm,regular,,2024-06,": "agm,regular,,2024-08-31,"}
    out = _judged(_edited(tmp_path, TESCO, {}, rows=rows), *TODAY, "--from", "2024")
    assert _verdicts(out, "agm", 1)["2025-03..2025-08"] == "met"
    assert _verdicts(out, "agm", 1)["2024-03..2024-08"] == "met"
    late = tmp_path / "late"
    late.mkdir()
    out = _judged(_edited(late, TESCO, {}, rows={"agm,regular,,2025-06,": "agm,regular,,2025-09-01,"}), *TODAY, "--from", "2024")
    assert _verdicts(out, "agm", 1)["2025-03..2025-08"] == "missed"


# -- CSTO: the Collective Security Council, its chair in alphabetical order -------------------

CSTO = "csto-council"


def test_csto_council_met_every_year_and_its_extraordinary_sessions_not_counted():
    """In practice one regular session a year (customary). By hand, from 2015 (records
    2015-2025): 2015-2025 each hold a regular session: met (2020's by video counts: the rule
    names no format); 2022 also holds the extraordinary sessions of 10 January and 16 May,
    named, not counted; 2026 open as far as the register shows. Exit 0."""
    out = _check(CSTO, *TODAY, "--from", "2015")
    assert _verdicts(out, "council") == {str(y): "met" for y in range(2015, 2026)} | {"2026": "open"}
    assert _why(out, "council", 0, "2022").endswith(
        "Not counted: CSC 2022-01-10 (special: this rule counts regular meetings); CSC 2022-05-16 (Moscow) (special: this rule counts regular meetings)."
    )
    assert out["summary"]["exit_code"] == 0


def test_csto_chairs_rotate_alphabetically_and_the_plan_passes_armenia_by():
    """Art. 13 and practice: the chair passes at each regular session, hosted by the outgoing
    chair, in alphabetical order (Uzbekistan left in 2012, before the register's terms). By
    hand: Armenia 2015-16 to Kyrgyzstan 2024-25 and Russia from 27 November 2025, in order, each
    term within a year and three months: no finding. The plan after Russia: Tajikistan, then
    Belarus, not Armenia, which froze its participation in February 2024 without leaving (its
    `suspended` period, open-ended), then Kazakhstan, Kyrgyzstan, Russia, Tajikistan. Before
    the rule book could say `suspended` (this audit's extension), only `left` passed a member
    by, and the plan gave Armenia the 2027-28 term: a session in Yerevan that no secretariat
    would plan."""
    out = _chairs(CSTO, "--to", "2031")
    assert out["findings"] == []
    assert [t["country"] for t in out["plan"]] == ["Tajikistan", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"]


def _rotation_book(tmp_path, suspended: str) -> list[str]:
    """A council whose chair rotates every 1 January in alphabetical order among Austria,
    Belgium and Czechia, Belgium with the `suspended` periods given; Austria chairs 2025."""
    book = tmp_path / "book.toml"
    book.write_text(
        '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\n'
        f'members = [{{ name = "Austria", code = "AT" }}, {{ name = "Belgium", code = "BE", suspended = [{suspended}] }}, {{ name = "Czechia", code = "CZ" }}]\n\n'
        '[chairmanship]\nterm = "1y"\nhandover_bodies = []\nchair_hosts = true\nconsecutive_terms = false\norder = "alphabetical"\n\n'
        '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "governing"\nestablished = 2020\nhost = "chair"\n\n[[bodies.rules]]\nkind = "ad_hoc"\n',
        encoding="utf-8",
    )
    chairs = tmp_path / "chairs.csv"
    chairs.write_text("country,start,end,ordinal,note,source\nAustria,2025-01-01,2026-01-01,,,\n", encoding="utf-8")
    rows = tmp_path / "rows.csv"
    rows.write_text("body,kind,ordinal,start,end,status,city,country,format\n", encoding="utf-8")
    return ["--rules", str(book), "--meetings", str(rows), "--chairs", str(chairs)]


def test_a_suspended_member_is_passed_by_while_certainly_suspended(tmp_path):
    """A member's `suspended` periods (start, end: partial dates; end empty: not ended; a reason
    required): the rotation passes it by on a term's first day certainly inside one and gives
    it its turn again after. By hand, Belgium suspended 2025-06 to 2026-12: the term from
    2026-01-01 goes to Czechia, the one from 2027-01-01 to Austria, then Belgium (2028).
    Suspended from "2026-01" (a month: it may have begun after 1 January), Belgium keeps the
    2026 term: a loosely dated suspension is no reason to pass it by. Fails before: the key was
    unknown (exit 2)."""
    files = _rotation_book(tmp_path, '{ start = "2025-06", end = "2026-12", reason = "suspended by the Council" }')
    out = json.loads(_invoke("chairs", *files, "--today", "2025-12-01", "--to", "2028", "--format", "json").stdout)
    assert [(t["country"], t["from"]) for t in out["plan"]] == [("Czechia", "2026-01-01"), ("Austria", "2027-01-01"), ("Belgium", "2028-01-01")]
    loose = tmp_path / "loose"
    loose.mkdir()
    files = _rotation_book(loose, '{ start = "2026-01", reason = "froze its participation" }')
    out = json.loads(_invoke("chairs", *files, "--today", "2025-12-01", "--to", "2026", "--format", "json").stdout)
    assert [t["country"] for t in out["plan"]] == ["Belgium"]


def test_a_suspension_that_ends_before_it_starts_or_gives_no_reason_is_refused(tmp_path):
    """Bad input, one line each, exit 2: the end before the start, and no reason."""
    files = _rotation_book(tmp_path, '{ start = 2026, end = 2025, reason = "x" }, { start = 2026 }')
    result = CliRunner().invoke(main, ["validate", *files[:2]])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 2 and "Traceback" not in result.output
    assert "organization.members[1].suspended[0]: end 2025 is before start 2026" in result.stderr
    assert "organization.members[1].suspended[1].reason: missing required key" in result.stderr


# -- BIMSTEC: a Summit given a cadence by its Charter, an alphabetical chair -------------------

BIMSTEC = "bimstec-summit"


def test_bimstec_summit_ad_hoc_until_the_charter_then_every_two_years():
    """Before the Charter (in force 20 May 2024) no summit was due (`ad_hoc`); under it, every
    two years. By hand: nothing judged to May 2024 (the 2024 window, two years after the Fifth
    Summit, begins before the Charter); from the Charter, due 2026: met early by the Sixth (4
    April 2025); two years after it, 2027: open. No violation."""
    out = _check(BIMSTEC, *TODAY)
    assert _verdicts(out, "summit") == {"2026": "met", "2027": "open"}
    assert out["summary"]["violations"] == 0


def test_bimstec_chairs_in_alphabetical_order_with_long_terms_as_notes():
    """The chair hands over at the Summit it hosts, in alphabetical order: Nepal (2014-2018),
    Sri Lanka (2018-2022), Thailand (2022-2025), Bangladesh (from 2025). By hand, against a
    customary two-year term with six months' tolerance: Nepal's 4 years 5 months, Sri Lanka's
    3 years 6 months and Thailand's 3 years are notes, never violations; the plan goes on
    alphabetically after Bangladesh: Bhutan (from the 7th Summit, April 2027), India, Myanmar."""
    out = _chairs(BIMSTEC, "--to", "2031")
    assert [(f["severity"], f["message"].split(" chaired")[0]) for f in out["findings"]] == [("note", "Nepal"), ("note", "Sri Lanka"), ("note", "Thailand")]
    assert [(t["country"], t["from"][:7]) for t in out["plan"]] == [("Bhutan", "2027-04"), ("India", "2029-04"), ("Myanmar", "2031-04")]
    assert out["summary"]["exit_code"] == 0


# -- The Organization of Turkic States: a summit suspended two years, then resumed -------------

OTS = "ots-summit"


def test_turkic_summits_advisories_for_2016_2017_and_2020():
    """Customary, once a year. By hand (records 2011-2025): 2011-2015 met; 2016 and 2017 none:
    advisories; 2018 and 2019 met; 2020 only the extraordinary summit by video (`special`,
    named, not counted): advisory; 2021-2025 met by the numbered Summits, the informal ones
    beside them named, not counted; 2026 open. Exit 0: advisories are no violations."""
    out = _check(OTS, *TODAY)
    expected = {str(y): "met" for y in range(2011, 2026)} | {"2016": "advisory", "2017": "advisory", "2020": "advisory", "2026": "open"}
    assert _verdicts(out, "summit") == expected
    assert "Not counted: Summit 2020-04-10 (special: this rule counts regular meetings)." in _why(out, "summit", 0, "2020")
    assert "Not counted: Summit 2025-05-21 (Budapest) (informal: this rule counts regular meetings)." in _why(out, "summit", 0, "2025")
    assert out["summary"]["advisories"] == 3
    assert out["summary"]["exit_code"] == 0


def test_turkic_chair_order_takes_uzbekistan_after_turkey():
    """The host of each Summit chairs until the next, in the order Kazakhstan, Kyrgyzstan,
    Azerbaijan, Turkey, Uzbekistan (joined 15 October 2019). By hand: every term in order, the
    first turn of Uzbekistan (2022-23) after Turkey's; Kazakhstan's term across the two years
    without a Summit (2015-2018) and Azerbaijan's across 2020 (2019-2021) longer than a year
    and six months: notes. Plan after Azerbaijan (from Gabala, October 2025): Turkey, Uzbekistan,
    Kazakhstan, Kyrgyzstan, Azerbaijan, Turkey."""
    out = _chairs(OTS, "--to", "2031")
    assert [f["message"].split(" chaired")[0] for f in out["findings"]] == ["Kazakhstan", "Azerbaijan"]
    assert [t["country"] for t in out["plan"]] == ["Turkey", "Uzbekistan", "Kazakhstan", "Kyrgyzstan", "Azerbaijan", "Turkey"]


# -- The Arms Trade Treaty: the first Conference within a year, then every year ---------------

ATT = "att-csp"


def test_att_first_conference_within_a_year_then_every_year():
    """Art. 17(1): the first Conference within one year of entry into force (24 December 2014);
    the Rules of Procedure: every year. By hand: CSP1 (24 August 2015) 243 days after: met;
    2015-2025 each hold one, 2020's by written procedure (no format recorded: it counts); 2026
    open as far as the register shows."""
    out = _check(ATT, *TODAY)
    assert _verdicts(out, "csp") == {"2014-12-24..2015-12-24": "met"} | {str(y): "met" for y in range(2015, 2026)} | {"2026": "open"}
    assert "gap of 243 days from the CSP's establishment (2014-12-24) to CSP 2015-08-24 (1st, Cancún)" in _why(out, "csp", 0, "2014-12-24..2015-12-24")


# -- The Minamata Convention: a COP in two segments under one number ---------------------------

MINAMATA = "minamata-cop"


def test_minamata_cop_annual_then_biennial_and_its_fourth_meeting_counted_once():
    """Art. 19(1): the first within a year of entry into force (16 August 2017; COP-1 opened 24
    September 2017: met); COP-2 and COP-3 a year apart (met 2018, 2019); then every two years:
    due 2021, met by COP-4's online segment (1 November 2021); due 2023: COP-5 (the Bali segment
    of COP-4, March 2022, is the same meeting: named, not counted); due 2025: COP-6; 2027 open."""
    out = _check(MINAMATA, *TODAY)
    assert _verdicts(out, "cop", 0) == {"2017-08-16..2018-08-16": "met", "2018": "met", "2019": "met"}
    assert _verdicts(out, "cop", 1) == {"2021": "met", "2023": "met", "2025": "met", "2027": "open"}
    assert "Not counted: COP 2022-03-21 (4th, Nusa Dua) (the same number as COP 2021-11-01 (4th): one meeting, counted there)." in _why(out, "cop", 1, "2023")


def test_minamata_feed_shows_the_fourth_cop_as_two_segments_and_projects_the_seventh():
    """`ics`: the two segments of COP-4 are two events (the second "(resumed)", its own UID);
    COP-7 projected in November 2027, numbered on, TENTATIVE."""
    events = {e["UID"]: e for e in _feed(MINAMATA, "--to", "2027")}
    assert events["minamata-cop-4@planner"]["SUMMARY"] == "4th Conference of the Parties"
    assert events["minamata-cop-4-2@planner"]["SUMMARY"] == "4th Conference of the Parties (resumed)"
    assert events["minamata-cop-7@planner"]["STATUS"] == "TENTATIVE"


# -- Ramsar: a Conference "at intervals of not more than three years" --------------------------

RAMSAR = "ramsar-cop"


def test_ramsar_conference_at_most_36_months_apart_five_times_late():
    """Art. 6(1): ad hoc until the Regina amendments (in force 1 May 1994), then "at intervals
    of not more than three years", read as 36 months from a meeting's month (`36m`). By hand:
    the first window under the amendments runs 36 months from the earlier version's end (April
    1997): COP6 (March 1996) meets it; then 36 months after each: COP7 due by March 1999, held
    May: 2 months late; COP8 due by May 2002, held November: 6 months late; COP9 (November
    2005) and COP10 (October 2008) met; COP11 due by October 2011, held July 2012: 9 months
    late; COP12 (June 2015) met; COP13 due by June 2018, held October: 4 months late; COP14 due
    by October 2021, held November 2022: 13 months late; COP15 (July 2025) met; next by July
    2028. Five violations: "unless the Conference decides otherwise" would excuse them if the
    decisions fixing each date were recorded; none is here."""
    out = _check(RAMSAR, *TODAY)
    late = {"1999-03": "late", "2002-05": "late", "2011-10": "late", "2018-06": "late", "2021-10": "late"}
    assert _verdicts(out, "cop") == {"1997-04": "met", "2005-11": "met", "2008-11": "met", "2015-07": "met", "2025-11": "met", "2028-07": "open"} | late
    assert _why(out, "cop", 1, "2021-10") == "due 2021-10 (36 months after the 13th COP (2018-10-21)), held COP 2022-11-05 (14th, Wuhan): 13 months late."
    assert out["summary"]["violations"] == 5


def test_ramsar_read_as_a_due_calendar_year_lets_three_of_the_five_pass(tmp_path):
    """The same article read as `3y` (an edit): calendar years are the grain, so a Conference is
    due in the third year after the last one's year, wherever in it. By hand: 1997 met (COP6,
    1996); 1999, 2002, 2005, 2008 met; 2011 late (COP11, 2012); 2015, 2018 met (COP13, October
    2018, three years and four months after COP12, passes); 2021 late (COP14, 2022); 2025 met;
    2028 open: two violations where the months' reading finds five."""
    out = _judged(_edited(tmp_path, RAMSAR, {'interval = "36m"\nmode': 'interval = "3y"\nmode'}), *TODAY)
    verdicts = _verdicts(out, "cop")
    assert {k: v for k, v in verdicts.items() if v != "met"} == {"2011": "late", "2021": "late", "2028": "open"}
    assert out["summary"]["violations"] == 2
