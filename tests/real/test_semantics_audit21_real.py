"""A twenty-first audit of real organizations (tests/audit/), nine new ones, each rule book citing
its instrument in every rule's `source` and each register row its source (days known only from
memory say so; rows known only to the month give the month), every expected answer worked out by
hand from the rule as written before the tool was run (the derivation in each test's docstring).
Rules that stress other features than the audits before: a two-tier cadence (the OPCW's
Conference: regular sessions every year, special sessions on demand, review conferences every
five years, the first within six years of entry into force), a conference preceded by a
preparatory committee (the NPT), a summit suspended by one side (EU-Russia), a summit that went
from annual to biennial (the Ibero-American Summit), a company AGM within six months of a
31 March year end (Vodafone, UK Companies Act s.336), a presidency rotating in a fixed order
that a member left (the Council of the Baltic Sea States), a legislature whose sessions last
weeks (the General Assembly of Virginia), a summit that stopped and resumed (CELAC), and a
conference suspended and resumed a year later under one number (the BWC's Fifth Review
Conference)."""

from __future__ import annotations

import json

from tests.real.test_semantics_audit15_real import AUDIT, _check, _files
from tests.real.test_semantics_audit16_real import _by_rule, _why
from tests.real.test_semantics_audit18_real import _events
from tests.real.test_semantics_audit20_real import _edited, _judged, _project
from tests.semantics.test_semantics_audit5 import _invoke

TODAY = ("--today", "2026-12-04")


def _verdicts(out: dict, body: str) -> dict[str, str]:
    """Window label -> verdict, for every rule of one body."""
    return {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["body"] == body}


def _chairs(name: str, *args: str, rules: str | None = None) -> dict:
    files = ["--rules", rules or str(AUDIT / f"{name}.toml"), "--meetings", str(AUDIT / f"{name}-meetings.csv"), "--chairs", str(AUDIT / f"{name}-chairs.csv")]
    return json.loads(_invoke("chairs", *files, *TODAY, *args, "--format", "json").stdout)


# -- OPCW: a Conference every year, special sessions on demand, a review every five years --------

OPCW = "opcw-csp"


def test_opcw_conference_met_every_year_and_its_special_sessions_not_counted():
    """CWC art. VIII(10)-(11): the first session within 30 days of 29 April 1997, then regular
    sessions every year. By hand, as of 2026-12-04: CSP-1 opened 6 May 1997, 7 days after:
    met; 1998-2024 each hold a numbered regular session: met (1997 is no whole year of the
    rule). 2002 and 2018 also hold special sessions (art. VIII(12)), which do not count. The
    25th session was held in two parts (November 2020, April 2021): one session, counted in
    2020; 2021 is met by the 26th, and the resumed part is named as not counted; 2025 met by
    CSP-30 (24 November). 2026 open, as far as the register shows (records to 2025)."""
    out = _check(OPCW, *TODAY)
    verdicts = _verdicts(out, "csp")
    assert verdicts == {"1997-04-29..1997-05-29": "met"} | {str(y): "met" for y in range(1998, 2026)} | {"2026": "open"}
    assert _why(out, "csp", 0, "2002").endswith("Not counted: CSP 2002-04-21 (1st, The Hague) (special: this rule counts regular meetings).")
    assert _why(out, "csp", 0, "2021").endswith("Not counted: CSP 2021-04-20 (25th, The Hague) (the same number as CSP 2020-11-30 (25th, The Hague): one meeting, counted there).")
    assert "Still due as far as the register shows: the register is known complete only 1997-01-01..2025-12-31" in _why(out, "csp", 0, "2026")


def test_opcw_first_review_conference_due_within_six_years_is_not_also_due_in_2002():
    """Art. VIII(22): the first review "not later than one year after the expiry of the fifth
    ... year after the entry into force" (by 29 April 2003: `first_within = "6y"` on `every
    5y`), then "at intervals of five years". By hand: the First Review Conference, 28 April
    2003, is within the six years: met; then 2008, 2013, 2018 and 2023 met (five calendar years
    after each, the Fourth in November 2018 as the years read); 2028 open. The rolling chain
    also made a window five years after the founding, "due 2002", which the same first
    conference was judged one year late for: a violation the Convention does not contain
    (fails before the fix in engine/cadence/every.py)."""
    out = _check(OPCW, *TODAY)
    assert _verdicts(out, "review") == {"1997-04-29..2003-04-29": "met", "2008": "met", "2013": "met", "2018": "met", "2023": "met", "2028": "open"}
    assert out["summary"]["violations"] == 0


def test_a_first_meeting_due_within_its_time_starts_a_rolling_chain_once(tmp_path):
    """The engine case behind the OPCW's review conferences, smaller: `every 2y` rolling with
    `first_within = "3y"`, established 2020-06-01, Board 2023-03-01 and 2025-05-01, as of
    2025-12-01. By hand: the first meeting was due by 2023-06-01, held 2023-03-01: met; then
    due 2025 (two years after 2023), met; 2027 open. Nothing is due "2022" (two years after the founding):
    `first_within` says when the first meeting is due. A Board that never met keeps the
    founding's chain (the first-meeting window missed; 2022 and 2024 missed; 2026 open)."""
    book = tmp_path / "book.toml"
    book.write_text(
        '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\n\n[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\nestablished = 2020-06-01\n\n'
        '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\nfirst_within = "3y"\n',
        encoding="utf-8",
    )
    rows = tmp_path / "rows.csv"
    rows.write_text("body,kind,ordinal,start,end,status,city,country,format\nboard,regular,,2023-03-01,,held,,,\nboard,regular,,2025-05-01,,held,,,\n", encoding="utf-8")
    out = _judged(["--rules", str(book), "--meetings", str(rows)], "--today", "2025-12-01")
    assert _verdicts(out, "board") == {"2020-06-01..2023-06-01": "met", "2025": "met", "2027": "open"}
    rows.write_text("body,kind,ordinal,start,end,status,city,country,format\n", encoding="utf-8")
    out = _judged(["--rules", str(book), "--meetings", str(rows)], "--today", "2025-12-01")
    assert _verdicts(out, "board") == {"2020-06-01..2023-06-01": "missed", "2022": "missed", "2024": "missed", "2026": "open"}


def test_opcw_projects_the_31st_conference_in_december_2026_and_the_sixth_review_in_2028():
    """`project` to 2028: the 31st CSP in 2026 (still due as far as the register shows: days
    after --today, the week of 7 December), the 32nd and 33rd in late November; the Sixth Review
    Conference in April 2028 (`months = [4]`), numbered on from the Fifth."""
    rows = _project(OPCW, *TODAY, "--to", "2028")
    assert [(b, s[:7], n) for b, s, n in rows] == [("csp", "2026-12", 31), ("csp", "2027-11", 32), ("review", "2028-04", 6), ("csp", "2028-11", 33)]


# -- NPT: a Review Conference every five years, a Preparatory Committee before it ---------------

NPT = "npt-review"


def test_npt_review_conferences_met_to_2015_and_the_tenth_two_years_late():
    """Art. VIII(3) (until the 1995 Conference: conferences on request, `binding = false`) and
    Decision 1 of 1995 (every five years). By hand, rolling in years from 5 March 1970: 1975,
    1980, 1985, 1990 and 1995 met; 2000, 2005, 2010, 2015 met; the Tenth, due 2020, postponed
    for the pandemic and held August 2022: 2 years late (no text excuses it; the postponed row is
    named, not counted). Due 2027, five years after 2022: met early by the Eleventh (27 April
    2026); 2031 open."""
    out = _check(NPT, *TODAY)
    rules = _by_rule(out, "revcon")
    assert rules[0] == {str(y): "met" for y in range(1975, 1996, 5)}
    assert rules[1] == {"2000": "met", "2005": "met", "2010": "met", "2015": "met", "2020": "late", "2027": "met", "2031": "open"}
    assert _why(out, "revcon", 1, "2020") == (
        "due 2020 (5 years after the 9th RevCon (2015-04-27)), held RevCon 2022-08-01 (10th, New York): 2 years late. Not counted: RevCon 2020-04-27 (10th, New York) (postponed)."
    )
    assert _why(out, "revcon", 1, "2027") == "2027: 1 of 1 required, 5 years after the 10th RevCon (2022-08-01): RevCon 2026-04-27 (11th, New York)."


def test_npt_preparatory_committee_within_three_years_before_each_conference():
    """Decision 1 (1995), para. 3: "a meeting in each of the three years prior to the Review
    Conference", stated as `before` with `offset = "3y"` (one session within the three years
    before; no rule kind asks for one in *each* of them). By hand: before 2000-04-24, the
    sessions of 1998 and 1999 (that of 7 April 1997 is 17 days too early); before 2005, 2003 and
    2004 (`2003-04`, `2004-04`; `2002-04` may not be inside); before 2010 and 2015, their
    sessions: met. Before the Tenth (1 August 2022): the sessions of 2017-2019 prepared the
    conference as first scheduled (April 2020) and fall more than three years before the one
    held: `missed`, the three named as not counted, as the words say (the postponement is
    recorded nowhere as an excuse). Before the Eleventh (April 2026): 2023, 2024, 2025: met."""
    out = _check(NPT, *TODAY)
    assert _verdicts(out, "prepcom") == {
        "1997-04-24..2000-04-23": "met",
        "2002-05-02..2005-05-01": "met",
        "2007-05-03..2010-05-02": "met",
        "2012-04-27..2015-04-26": "met",
        "2019-08-01..2022-07-31": "missed",
        "2023-04-27..2026-04-26": "met",
    }
    why = _why(out, "prepcom", 0, "2019-08-01..2022-07-31")
    assert "Not counted: PrepCom 2017-05-02 (Vienna) (1917 days before the 10th RevCon (2022-08-01): more than 3 years before)" in why
    assert "PrepCom 2019-04-29 (New York)" in why
    assert out["summary"]["violations"] == 2


def test_npt_projects_one_preparatory_session_where_the_practice_is_three():
    """`project` to 2031, as the Review Conferences' secretariat would read it: the Twelfth
    Review Conference in April 2031 (five years after the Eleventh, numbered on), and a single
    Preparatory Committee session within the three years before it: the rule language asks for
    one session in the span, where Decision 1 wants one in each of the three years (the finding
    of this audit). No Problems."""
    out = json.loads(_invoke("project", *_files(NPT), *TODAY, "--to", "2031", "--format", "json").stdout)
    rows = [(m["body"], m["start"][:7], m["ordinal"]) for m in out["meetings"]]
    assert rows == [("prepcom", "2029-05", None), ("revcon", "2031-04", 12)]
    assert out["problems"] == []


# -- EU-Russia: summits twice a year, none since January 2014 ----------------------------------

EURU = "eu-russia-summit"


def test_eu_russia_summits_twice_a_year_to_2012_then_none_after_january_2014():
    """PCA art. 7: "twice a year". By hand, from 2008 (records complete from then), as of
    2026-12-04: 2008-2012 two summits each: met; 2013 only Yekaterinburg (the December summit
    held on 28 January 2014): missed, 1 of 2; 2014 only that one (the Sochi summit of June
    cancelled by the European Council, named, not counted): missed; 2015-2025: none, missed;
    2026 open, 2 still due. 13 violations: the Agreement stayed in force and no text suspends
    its article 7."""
    out = _check(EURU, *TODAY, "--from", "2008")
    verdicts = _verdicts(out, "summit")
    assert verdicts == {str(y): "met" for y in range(2008, 2013)} | {str(y): "missed" for y in range(2013, 2026)} | {"2026": "open"}
    assert _why(out, "summit", 0, "2014") == (
        "2014: 1 of 2 required (at least twice a year); held: EU-Russia Summit 2014-01-28 (32nd, Brussels). Not counted: EU-Russia Summit 2014-06 (33rd, Sochi) (cancelled)."
    )
    assert out["summary"]["violations"] == 13


def test_eu_russia_summits_excused_from_2014_once_the_rule_book_records_the_decision(tmp_path):
    """The same register with the European Council's decision of 20-21 March 2014 recorded as
    an excused period 2014-2026 (an edit, not the rule book's reading: the decision cancelled
    a summit, it did not amend the Agreement). By hand: 2014-2026 excused; 2013 stays missed (its
    December summit slipped into 2014): 1 violation."""
    edit = {'per = "year"\n': 'per = "year"\nexcused = [{ start = 2014, end = 2026, reason = "summits cancelled by the European Council, 20-21 March 2014", source = "EUCO 7/1/14" }]\n'}
    out = _judged(_edited(tmp_path, EURU, edit), *TODAY, "--from", "2008")
    verdicts = _verdicts(out, "summit")
    assert verdicts["2013"] == "missed"
    assert {y: verdicts[str(y)] for y in range(2014, 2027)} == {y: "excused" for y in range(2014, 2027)}
    assert out["summary"]["violations"] == 1


# -- The Ibero-American Summit: every year to 2014, then every two years -------------------------

CIB = "ibero-american-summit"


def test_ibero_american_summits_annual_then_biennial_and_2020_a_year_late():
    """Two versions of one rule (`id = "summit"`): once a year to 2014, then `every 2y`
    rolling from 2015, going on from the annual version's last period. By hand, from the I
    Summit (Guadalajara, July 1991; 1991 no whole year): 1992-2014 met, one a year; then due
    2016 (two years after Veracruz 2014): Cartagena met; 2018 Antigua met; due 2020, the
    XXVII held in Andorra on 21 April 2021: 1 year late (postponed for the pandemic; no text
    excuses it); due 2023: Santo Domingo met; due 2025: Cuenca (November 2024) met early; due
    2026 (two years after 2024): open, "as far as the register shows" (records to 2025), naming
    the XXX Summit planned in Madrid on 4-5 November 2026 as not recorded held; 2028, two years
    after that plan, open (a plan inside the period it answers: due 2028 either way)."""
    out = _check(CIB, *TODAY)
    rules = _by_rule(out, "summit")
    assert rules[0] == {str(y): "met" for y in range(1992, 2015)}
    assert rules[1] == {"2016": "met", "2018": "met", "2020": "late", "2023": "met", "2025": "met", "2026": "open", "2028": "open"}
    assert "Ibero-American Summit 2026-11-04 (30th, Madrid) was planned but is not recorded as held (unconfirmed)" in _why(out, "summit", 1, "2026")
    assert _why(out, "summit", 1, "2020") == (
        "due 2020 (2 years after the 26th Ibero-American Summit (2018-11-15)), held Ibero-American Summit 2021-04-21 (27th, Soldeu): 1 year late."
    )
    assert "Still due as far as the register shows" in _why(out, "summit", 1, "2026")
    assert out["summary"]["violations"] == 1


# -- Vodafone: the AGM within six months of a 31 March year end -----------------------------------

VOD = "vodafone-agm"


def test_vodafone_agms_in_july_meet_the_six_months_after_31_march():
    """Companies Act 2006 s.336(1), accounting reference date 31 March: each AGM due 1 April
    to 30 September (`year_start = "04-01"`, `within = "6m"`), since 1 October 2007 (first
    whole year FY2008-09); before it, Companies Act 1985 s.366: one AGM each calendar year, at
    most 15 months apart (a rule of its own to 30 September 2007). Records complete from 2005
    to March 2026. By hand: under the 1985 Act, 1989-2004 unknown (sixteen years from the
    first whole year after the 1988 incorporation, nothing recorded, not known complete);
    2005 and 2006 met, 2007 (to 30 September) met by July 2007; the gaps July 2005 - July 2006
    and July 2006 - July 2007 are within 15 months on any day of those months (335 to 395
    days); no gap after July 2007 is judged, the section having gone. Under s.336: FY2008-09 to
    FY2025-26 met by the July AGMs (every day of July lies in April-September); FY2026-27
    (April-September 2026, closed) unknown. Each window is labelled by its months. Exit 0."""
    out = _check(VOD, *TODAY)
    rules = _by_rule(out, "agm")
    assert rules[0] == {str(y): "unknown" for y in range(1989, 2005)} | {
        "2005": "met",
        "2005-08-01..2006-10-31": "met",
        "2006": "met",
        "2006-08-01..2007-10-31": "met",
        "2007-01..2007-09": "met",
    }
    assert rules[1] == {f"{y}-04..{y}-09": "met" for y in range(2008, 2026)} | {"2026-04..2026-09": "unknown"}
    assert _why(out, "agm", 0, "2005-08-01..2006-10-31") == "gap of 335 to 395 days from AGM 2005-07 to AGM 2006-07; at most 15 months allowed."
    assert out["summary"]["exit_code"] == 0


def test_vodafone_agm_of_december_2006_was_more_than_15_months_after_july_2005(tmp_path):
    """The brief's "at least once per calendar year, not more than 15 months apart" (s.366):
    the 2006 AGM moved to December 2006 (an edit). By hand: 2006 still holds an AGM: met; but
    15 months after a day of July 2005 is a day of October 2006 (2006-10-01..31), and the
    December AGM opened 31 to 91 days after it, whichever days the months hold: late; the
    next gap, to July 2007, is 182 to 242 days: met. 1 violation."""
    out = _judged(_edited(tmp_path, VOD, {}, rows={"agm,regular,,2006-07,": "agm,regular,,2006-12,"}), *TODAY)
    rules = _by_rule(out, "agm")
    assert (rules[0]["2006"], rules[0]["2005-08-01..2006-10-31"], rules[0]["2007-01-01..2008-03-31"]) == ("met", "late", "met")
    assert _why(out, "agm", 0, "2005-08-01..2006-10-31") == (
        "gap of 488 to 548 days from AGM 2005-07 to AGM 2006-12: 31 to 91 days late (at most 15 months allowed,"
        " due by 2006-10-01..2006-10-31, depending on the day of AGM 2005-07 (2005-07-01..2005-07-31))."
    )
    assert out["summary"]["violations"] == 1


def test_vodafone_agm_moved_to_october_misses_its_financial_year(tmp_path):
    """The same with the 2020 AGM moved to October 2020 (an edit): October is past the six
    months from 1 April, so FY2020-21 has no AGM in its window: missed; FY2021-22's window
    (April-September 2021) is met by July 2021 as before. 1 violation, exit 1."""
    out = _judged(_edited(tmp_path, VOD, {}, rows={"agm,regular,,2020-07,": "agm,regular,,2020-10,"}), *TODAY)
    rules = _by_rule(out, "agm")
    assert (rules[1]["2020-04..2020-09"], rules[1]["2021-04..2021-09"]) == ("missed", "met")
    assert out["summary"]["violations"] == 1 and out["summary"]["exit_code"] == 1


def test_vodafone_projects_its_agm_in_july_inside_the_window():
    """`project` to 2028: one AGM a financial year, in July (the register's month), inside
    1 April - 30 September."""
    rows = _project(VOD, *TODAY, "--to", "2028")
    assert [s[:7] for _, s, _ in rows] == ["2027-07", "2028-07"]


# -- The Council of the Baltic Sea States: a presidency in a fixed order, Russia gone -----------

CBSS = "cbss-presidency"


def test_cbss_presidencies_keep_the_order_without_russia_and_the_plan_skips_it():
    """Presidencies of one year from 1 July in the order Russia, Finland, Estonia, Poland,
    Iceland, Sweden, Latvia, Denmark, Lithuania, Norway, Germany (`order = "listed"`), Russia
    having left on 17 May 2022. By hand: 2012-13 Russia to 2022-23 Germany in that order; after
    Germany, the member after Russia: Finland 2023-24, then Estonia and Poland: no finding. The
    plan goes on from Poland: Iceland (2026-27), Sweden, Latvia, Denmark, Lithuania, Norway,
    Germany (2032-33), then Finland (2033-34), not Russia."""
    out = _chairs(CBSS)
    # (the register stops at Poland's presidency, ended 2026-07-01: a note since the
    # twenty-second trial, tests/real/test_trial22.py; nothing about the order)
    assert [(f["kind"], f["country"], f["violation"]) for f in out["findings"]] == [("unrecorded", "Poland", False)]
    plan = [(t["country"], t["from"]) for t in out["plan"]]
    assert plan[:8] == [
        ("Iceland", "2026-07-01"),
        ("Sweden", "2027-07-01"),
        ("Latvia", "2028-07-01"),
        ("Denmark", "2029-07-01"),
        ("Lithuania", "2030-07-01"),
        ("Norway", "2031-07-01"),
        ("Germany", "2032-07-01"),
        ("Finland", "2033-07-01"),
    ]


def test_cbss_finland_after_germany_is_out_of_turn_if_russia_had_not_left(tmp_path):
    """Without Russia's `left` (an edit), Finland's presidency of 2023-24 comes where the order
    gives Russia: a note (a rotation is changed by decisions the register does not record),
    never a violation; exit 0."""
    book = tmp_path / "cbss.toml"
    text = (AUDIT / f"{CBSS}.toml").read_text(encoding="utf-8")
    assert ", left = 2022-05-17" in text
    book.write_text(text.replace(", left = 2022-05-17", ""), encoding="utf-8")
    out = _chairs(CBSS, rules=str(book))
    assert [(f["kind"], f["severity"], f["message"]) for f in out["findings"] if f["kind"] != "unrecorded"] == [
        ("out_of_turn", "note", "Finland (2023-07-01 to 2024-07-01) is out of turn: after Germany the rotation (order organization.members lists them) gives Russia.")
    ]
    assert out["summary"]["exit_code"] == 0


# -- Virginia: a General Assembly every year on the second Wednesday in January, for weeks --------

VA = "virginia-general-assembly"


def test_virginia_sessions_open_on_the_second_wednesday_of_january():
    """Constitution of Virginia art. IV, §6. By hand, since 2019 (records 2019-2025): the
    second Wednesdays 9 January 2019, 8 January 2020, 13 January 2021, 12 January 2022,
    11 January 2023, 10 January 2024 and 8 January 2025: each session opened on it: met (2021's,
    with the House online, counts: the rule names no format); 2026 (14 January) has no row and
    its records are not known complete: unknown; next due 13 January 2027. The reconvened
    sessions (kind `special`) are recorded and judged by no rule. Exit 0. The next is due *on*
    that day: the why said "next due by 2027-02-27", the 46th day of the window the session's
    length gives it (fails before)."""
    out = _check(VA, *TODAY)
    days = ("2019-01-09", "2020-01-08", "2021-01-13", "2022-01-12", "2023-01-11", "2024-01-10", "2025-01-08")
    assert _verdicts(out, "session") == dict.fromkeys(days, "met") | {"2026-01-14": "unknown", "2027-01-13": "open"}
    (due,) = [f for f in out["findings"] if f["window"]["label"] == "2027-01-13"]
    assert (due["due_by"], due["why"]) == ("2027-01-13", "2027-01-13: next due on 2027-01-13, the second Wednesday in January 2027.")
    assert out["summary"]["exit_code"] == 0 and out["summary"]["next_due"] == 1


def test_virginia_sessions_of_46_days_projected_from_their_fixed_day_to_a_saturday():
    """`project` to 2028, `duration_days = 46` and Saturday among its days (`weekdays`): the
    2027 session from Wednesday 13 January to Saturday 27 February, the 2028 one from 12 January
    to Saturday 26 February (an even year's session is 60 days by art. IV, §6: one length per
    body is what the rule book can say)."""
    out = json.loads(_invoke("project", *_files(VA), *TODAY, "--to", "2028", "--format", "json").stdout)
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2027-01-13", "2027-02-27"), ("2028-01-12", "2028-02-26")]
    assert out["problems"] == []


def test_a_long_session_off_its_day_names_the_day_in_its_way_not_its_weekends(tmp_path):
    """Without Saturday among its days (an edit), the 46-day session from 13 January 2027 would
    close on Saturday 27 February: it is not projected, and the Problem names that last day.
    It named every weekend day and holiday inside the session (fifteen days, from 16 January),
    which a meeting longer than a working week spans, and told to decide the first day, which
    is the rule's and a working day (fails before)."""
    files = _edited(tmp_path, VA, {'weekdays = ["mon", "tue", "wed", "thu", "fri", "sat"]': 'weekdays = ["wed"]'})
    out = json.loads(_invoke("project", *files, *TODAY, "--to", "2027", "--format", "json").stdout)
    assert out["meetings"] == []
    (problem,) = [p["message"] for p in out["problems"]]
    assert problem == (
        "Session of the General Assembly: due on the second Wednesday in January 2027, but its last day, 2027-02-27, is a weekend day in United States;"
        " a meeting of 46 days opens and closes on working days, so nothing was projected for 2027-01-13 (name that day in the body's `weekdays` if it sits then, or record the days decided)."
    )


def test_virginia_feed_keeps_a_session_of_weeks_as_one_event(tmp_path):
    """`ics`: the 2024 session, 10 January to 9 March, is one all-day event with the exclusive
    DTEND of 10 March; a reconvened session is a one-day event of kind special."""
    out = tmp_path / "va"
    assert _invoke("ics", *_files(VA), *TODAY, "--out", str(out)).exit_code == 0
    events = {e["DTSTART"]: e for e in _events((out / "all.ics").read_text(encoding="utf-8").replace("\r\n ", ""))}
    assert (events["20240110"]["DTEND"], events["20240110"]["STATUS"]) == ("20240310", "CONFIRMED")
    assert (events["20240417"]["DTEND"], events["20240417"]["X-PLANNER-KIND"]) == ("20240418", "special")


# -- CELAC: a summit every year, none 2018-2020, resumed in 2021 ---------------------------------

CELAC = "celac-summit"


def test_celac_summits_stopped_2018_to_2020_and_resumed():
    """Once a year since 2012 (the Procedures of 2011). By hand, as of 2026-12-04: 2012 missed (the founding summit,
    Caracas, December 2011, is special and of 2011; the I Summit was January 2013); 2013-2017
    met; 2018, 2019, 2020 missed; 2021 met (Mexico City, September); 2022 missed (the VII was
    January 2023); 2023, 2024, 2025 met; 2026 open. 5 violations: no text excuses a year."""
    out = _check(CELAC, *TODAY)
    missed = {"2012", "2018", "2019", "2020", "2022"}
    assert _verdicts(out, "summit") == {str(y): ("missed" if str(y) in missed else "met") for y in range(2012, 2026)} | {"2026": "open"}
    assert out["summary"]["violations"] == 5


# -- BWC: review conferences, the Fifth suspended and resumed ------------------------------------

BWC = "bwc-review"


def test_bwc_review_conferences_the_fifth_resumed_under_its_number_and_the_ninth_late():
    """Art. XII (the first within six years: March 1980, met) and each conference's decision on
    the next, from the Second (1986): every five years. By hand: nothing judged between 1980
    and 1986 (what the First decided is not stated); 1991, 1996, 2001 met; the Fifth's resumed
    session (November 2002) is the same conference: 2006 is five years after its first part
    and met by the Sixth, the resumed row named as one meeting with the first; 2011, 2016 met;
    the Ninth, due 2021, held from 28 November 2022: 1 year late, the postponed row named; 2027
    open."""
    out = _check(BWC, *TODAY)
    assert _verdicts(out, "revcon") == {"1975-03-26..1981-03-26": "met"} | {y: "met" for y in ("1991", "1996", "2001", "2006", "2011", "2016")} | {"2021": "late", "2027": "open"}
    assert _why(out, "revcon", 1, "2006").endswith(
        "Not counted: RevCon 2002-11-11 (5th, Geneva) (the same number as RevCon 2001-11-19 (5th, Geneva): one meeting, counted there)."
    )
    assert _why(out, "revcon", 1, "2021").endswith("1 year late. Not counted: RevCon 2021-11 (9th, Geneva) (postponed).")


def test_ibero_american_projection_note_starts_where_the_register_stops_being_complete(tmp_path):
    """`project` from 2026-12-04 without the Madrid plan (an edit): the Summit due 2026 is still
    open (two years after November 2024) and projected in December 2026; the register is complete to 2025-12-31, so what may be
    missing is a summit held from 1 January 2026, not from the window's first day (16 November
    2024), which said a summit of 2025 might be unrecorded in a year the register holds whole
    (fails before)."""
    planned = [line for line in (AUDIT / f"{CIB}-meetings.csv").read_text(encoding="utf-8").splitlines() if line.startswith("summit,regular,30,")]
    files = _edited(tmp_path, CIB, {}, rows={planned[0] + "\n": ""})
    out = json.loads(_invoke("project", *files, *TODAY, "--to", "2026", "--format", "json").stdout)
    (note,) = out["notes"]
    assert "so a meeting held from 2026-01-01 to 2026-12-04 may not be recorded" in note


def test_a_source_with_words_after_its_address_is_a_url_and_the_whole_text(tmp_path):
    """`ics` of the Virginia register, whose sources read "https://lis.virginia.gov/ (days from
    memory: ...)": URL was that whole text, spaces and all, which is no URI (RFC 5545 3.3.13);
    a client's link to it leads nowhere. Now URL is the address and X-PLANNER-SOURCE the whole
    text, which reading the feed back as a register gives again; a source that is an address
    alone stays in URL only (fails before)."""
    from datetime import date

    from planner.inputs.ics.register_ics import read_ics_meetings
    from planner.inputs.rulebook import load_rulebook

    out = tmp_path / "va"
    assert _invoke("ics", *_files(VA), *TODAY, "--out", str(out)).exit_code == 0
    feed = (out / "all.ics").read_text(encoding="utf-8").replace("\n ", "")  # (read_text gives "\n" for CRLF)
    (event,) = [e for e in _events(feed) if e["DTSTART"] == "20240110"]
    assert event["URL"] == "https://lis.virginia.gov/"
    assert event["X-PLANNER-SOURCE"] == "https://lis.virginia.gov/ (days from memory: convened 10 January\\, adjourned 9 March)"
    back = read_ics_meetings(out / "all.ics", load_rulebook(AUDIT / f"{VA}.toml"), today=date(2026, 12, 4))
    assert {m.source for m in back if str(m.start) == "2024-01-10"} == {"https://lis.virginia.gov/ (days from memory: convened 10 January, adjourned 9 March)"}
    cica = tmp_path / "cica"
    assert _invoke("ics", *TODAY, "--out", str(cica)).exit_code == 0
    assert "X-PLANNER-SOURCE:http" not in (cica / "all.ics").read_text(encoding="utf-8")
