"""A twenty-fifth audit of real organizations (tests/audit/), twelve bodies of kinds the audits
before did not hold, each rule book citing its instrument in every rule's `source` and each
register row its source (days known only from memory say so; rows known only to the month give
the month), every expected answer worked out by hand from the rule as written before the tool
was run (the derivation in each test's docstring): a political party's congress and its central
committee (the Communist Party of China's Constitution, arts. 19 and 22); a church gathering
with no written cadence, a custom of ten years (the Lambeth Conference); a central bank's rate
committee with a statutory number of meetings (the Reserve Bank of India, s.45ZI); a standards
body's plenary, three a year by stated practice, read with and without its online years (the
IETF); a parliament's regular session on 1 September unless a holiday (Korea); a sports
federation's annual congress beside extraordinary ones (FIFA); a devolved legislature's polling
day moved by three statutes (Holyrood); an election due within twenty days of an event that is
no meeting (the papal conclave); a UN treaty body's sessions under its own rules of procedure,
two then three a year (the Human Rights Committee); a one-party legislature's two regular
sessions a year (Viet Nam); a listed company's AGM under two conditions at once (Australia's
s.250N(2): the calendar year and five months after the financial year); and a Japanese
company's meeting in June by its articles. What the rule language could not say is in each rule
book's header and in the CHANGELOG."""

from __future__ import annotations

from tests.real.test_semantics_audit15_real import _check
from tests.real.test_semantics_audit16_real import _why
from tests.real.test_semantics_audit20_real import _edited, _judged, _project
from tests.real.test_semantics_audit22_real import _verdicts

TODAY = ("--today", "2026-12-05")


# -- The Communist Party of China: a Congress every five years, a plenum every year -------------

CPC = "cpc-congress"


def test_cpc_congress_every_five_years_met_from_1982_and_the_plenum_every_year_since_2017():
    """Party Constitution, art. 19: the National Congress "is held once every five years". By
    hand, rolling from the 12th (September 1982): 1987 (13th), 1992, 1997, 2002 (16th, November),
    2007, 2012, 2017 and 2022 (20th, 16-22 October): eight met, the 21st due by the end of 2027.
    Art. 22: a plenary session of the Central Committee "at least once a year": 1983-2016 have
    nothing recorded, the register complete only from the 19th Committee's first plenum (25
    October 2017): unknown, never missed; 2017 to 2025 each hold one or more (2018 two, 2022 the
    7th of the 19th and the 1st of the 20th; the 3rd plenum of the 20th, expected in 2023, held
    July 2024, and 2023 met by the 2nd in February): met; 2026, records to 2025: open, as far as
    the register shows. No violation."""
    out = _check(CPC, *TODAY)
    congress = _verdicts(out, "congress")
    assert congress == {**{str(y): "met" for y in range(1987, 2023, 5)}, "2027": "open"}
    plenum = _verdicts(out, "plenum")
    assert plenum == {**{str(y): "unknown" for y in range(1983, 2017)}, **{str(y): "met" for y in range(2017, 2026)}, "2026": "open"}
    assert "Still due as far as the register shows" in _why(out, "plenum", 0, "2026")
    assert out["summary"]["violations"] == 0


def test_cpc_a_congress_put_off_a_year_is_late_whatever_the_reason(tmp_path):
    """Art. 19: "Except under extraordinary circumstances, the Congress may not be postponed":
    the rule book has no key for circumstances, and none is recorded. Had the 20th Congress met
    in October 2023 (an edit), the Congress due by the end of 2022 (five years after 2017) is
    late by 1 year; the chain goes on from 2023 (the 21st due 2028)."""
    rows = {"congress,regular,20,2022-10-16,2022-10-22": "congress,regular,20,2023-10-16,2023-10-22"}
    out = _judged(_edited(tmp_path, CPC, {}, rows=rows), *TODAY)
    assert _verdicts(out, "congress")["2022"] == "late"
    assert "1 year late" in _why(out, "congress", 0, "2022")
    assert _verdicts(out, "congress")["2028"] == "open"


# -- The Lambeth Conference: about every ten years, by custom ------------------------------------

LAMBETH = "lambeth-conference"


def test_lambeth_every_ten_years_by_custom_five_advisories_never_a_violation():
    """No instrument fixes the interval: "normally every ten years" since 1867, customary. By
    hand, rolling from 1867: due 1877, held 1878 (1 year late); 1888 met; 1898 met by 1897 (early
    keeps the custom); due 1907, held 1908 (1 late); due 1918, held 1920 (2 late: the First World
    War); 1930 met; due 1940, held 1948 (8 late: the Second); 1958, 1968, 1978, 1988, 1998, 2008
    met; due 2018, held 26 July 2022 (4 years late: the 2020 conference postponed by the pandemic
    is named in the register, not counted). Five advisories, no violation; 2032 open."""
    out = _check(LAMBETH, *TODAY)
    verdicts = _verdicts(out, "lambeth")
    late = {"1877", "1907", "1918", "1940", "2018"}
    assert {k for k, v in verdicts.items() if v == "advisory"} == late
    assert {k for k, v in verdicts.items() if v == "met"} == {"1888", "1898", "1930", "1958", "1968", "1978", "1988", "1998", "2008"}
    assert verdicts["2032"] == "open"
    assert "8 years late" in _why(out, "lambeth", 0, "1940")
    assert "held Lambeth 2022-07-26 (15th, Canterbury): 4 years late" in _why(out, "lambeth", 0, "2018")
    assert out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 5


def test_lambeth_read_as_binding_the_same_five_are_late(tmp_path):
    """The same history read as a binding rule (an edit: `binding = true`): the five advisories
    become five violations, `late`, with the same delays. What a custom is worth is the rule
    book's to say, not the register's."""
    out = _judged(_edited(tmp_path, LAMBETH, {"\nbinding = false\n": "\nbinding = true\n"}), *TODAY)
    assert {k for k, v in _verdicts(out, "lambeth").items() if v == "late"} == {"1877", "1907", "1918", "1940", "2018"}
    assert out["summary"]["violations"] == 5


# -- The Reserve Bank of India's Monetary Policy Committee: at least four times a year ----------

RBI = "rbi-mpc"


def test_rbi_mpc_at_least_four_times_a_calendar_year():
    """RBI Act s.45ZI(1): "at least four times a year", the calendar year (General Clauses Act,
    s.3(66)). Constituted 29 September 2016: 2016 is a partial year, not judged (a floor is
    judged from its first whole period). By hand: 2017, six meetings: met; 2020, six, the
    off-cycle meetings of March and May counted: met; 2022, eight with the s.45ZN meeting of 3
    November (a meeting of the Committee, `special`): met; 2023, six: met. 2018, 2019, 2021,
    2024 and 2025 have nothing recorded outside the records: unknown; 2026 open."""
    out = _check(RBI, *TODAY)
    assert _verdicts(out, "mpc") == {
        "2017": "met", "2018": "unknown", "2019": "unknown", "2020": "met", "2021": "unknown",
        "2022": "met", "2023": "met", "2024": "unknown", "2025": "unknown", "2026": "open",
    }
    assert _why(out, "mpc", 0, "2022").startswith("2022: 8 held (4 required)")
    assert "MPC 2022-11-03" in _why(out, "mpc", 0, "2022")
    assert out["summary"]["violations"] == 0


def test_rbi_mpc_a_year_of_three_meetings_breaks_the_statute(tmp_path):
    """Had the Committee met only in August, October and December 2020 (an edit dropping the
    February, March and May rows as cancelled), 2020 holds three of the four the Act requires, the records
    complete for 2020: `missed`, one violation."""
    rows = {f"{row},held": f"{row},cancelled" for row in AUDIT_ROWS_RBI_2020}
    out = _judged(_edited(tmp_path, RBI, {}, rows=rows), *TODAY)
    assert _verdicts(out, "mpc")["2020"] == "missed"
    assert "3 of 4 required" in _why(out, "mpc", 0, "2020")
    assert out["summary"]["violations"] == 1


AUDIT_ROWS_RBI_2020 = ("mpc,regular,,2020-02-04,2020-02-06", "mpc,regular,,2020-03-24,2020-03-27", "mpc,regular,,2020-05-20,2020-05-22")


# -- The IETF: three meetings a year, by stated practice --------------------------------------------

IETF = "ietf"


def test_ietf_three_meetings_a_year_met_and_in_person_two_advisories():
    """The Tao of the IETF (RFC 4677; RFC 9592's appendix): three meetings a year,
    customary. Any format: 2019 (104-106), 2020 (107 online after the Vancouver meeting was
    cancelled, 108, 109), 2021 (110-112, online) and 2022-2025 (113-124): met. In person (the
    practice before 2020, a second reading side by side): 2020 and 2021 hold none, the
    cancelled Vancouver row and the online meetings named as not counted: two advisories, no
    violation."""
    out = _check(IETF, *TODAY)
    years = [str(y) for y in range(2019, 2026)]
    assert _verdicts(out, "plenary", 0) == {**{y: "met" for y in years}, "2026": "open"}
    assert _verdicts(out, "plenary", 1) == {**{y: "met" for y in years}, "2020": "advisory", "2021": "advisory", "2026": "open"}
    why = _why(out, "plenary", 1, "2020")
    assert "IETF 2020-03-21 (107th, Vancouver) (cancelled)" in why and "Not counted: online: IETF 2020-07-27 (108th)" in why
    assert out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 2


# -- The National Assembly of Korea: 1 September, the next day when that is a holiday -------------

KOREA = "korea-national-assembly"


def test_korea_regular_session_on_1_september_or_the_monday_after_a_sunday():
    """National Assembly Act, art. 4: 1 September, the next day if a public holiday (Sundays
    are; Saturdays are not). By hand: 2019 (1 September a Sunday): Monday 2 September; 2020-2023
    on 1 September (Tuesday to Friday); 2024 (a Sunday): Monday 2 September; 2025 (a Monday):
    1 September. All met. 2026 (a Tuesday) has passed with nothing recorded, the register
    complete to 2025: unknown; 2027 next due on Wednesday 1 September."""
    out = _check(KOREA, *TODAY)
    assert _verdicts(out, "regular") == {
        "2019-09-02": "met", "2020-09-01": "met", "2021-09-01": "met", "2022-09-01": "met",
        "2023-09-01": "met", "2024-09-02": "met", "2025-09-01": "met", "2026-09-01": "unknown",
        "2027-09-01": "open",
    }


def test_korea_projects_a_saturday_1_september_and_moves_a_sunday():
    """`project` to 2030: 1 September 2027 (Wednesday), 2028 (Friday), 2029 (a Saturday: no
    public holiday, so the session convenes that day, a day the body's `weekdays` names) and
    Monday 2 September 2030 (the 1st a Sunday)."""
    assert [s for _, s, _ in _project(KOREA, *TODAY, "--to", "2030")] == ["2027-09-01", "2028-09-01", "2029-09-01", "2030-09-02"]


def test_korea_a_session_convened_on_the_tuesday_is_off_date(tmp_path):
    """Had the 2024 session convened on Tuesday 3 September (an edit), the day art. 4 gives was
    Monday 2 September: `off_date`, a violation."""
    rows = {"regular,regular,,2024-09-02,2024-12-10": "regular,regular,,2024-09-03,2024-12-10"}
    out = _judged(_edited(tmp_path, KOREA, {}, rows=rows), *TODAY)
    assert _verdicts(out, "regular")["2024-09-02"] == "off_date"
    assert out["summary"]["violations"] == 1


# -- The FIFA Congress: an ordinary Congress every year since 2004 ----------------------------------

FIFA = "fifa-congress"


def test_fifa_an_ordinary_congress_every_year_the_extraordinary_ones_not_counted():
    """The Statutes as amended at Doha (2003): an ordinary Congress each year. By hand: 2004-2015
    nothing recorded outside the records (2016-2025): unknown; 2016 met by the 66th (Mexico City,
    13 May), the Extraordinary Congress of 26 February named, not counted; 2020 met by the 70th
    online (18 September), the Addis Ababa date of June named as postponed; 2024 met by the 74th
    (Bangkok), the extraordinary one of 11 December named; every other year 2017-2025 met."""
    out = _check(FIFA, *TODAY)
    assert _verdicts(out, "congress") == {
        **{str(y): "unknown" for y in range(2004, 2016)}, **{str(y): "met" for y in range(2016, 2026)}, "2026": "open",
    }
    assert "Not counted: Congress 2016-02-26 (Zurich) (extraordinary: this rule counts regular meetings)" in _why(out, "congress", 0, "2016")
    assert "Congress 2020-06-05 (70th, Addis Ababa) (postponed)" in _why(out, "congress", 0, "2020")
    assert out["summary"]["violations"] == 0


def test_fifa_an_extraordinary_congress_alone_does_not_keep_the_year(tmp_path):
    """Without the 66th ordinary Congress (an edit), 2016 holds only the Extraordinary Congress
    of February: `missed`, the records complete for 2016."""
    out = _judged(_edited(tmp_path, FIFA, {}, rows={'congress,regular,66,2016-05-13,,held,Mexico City,Mexico,in_person,"66th FIFA Congress"': 'congress,regular,66,2016-05-13,,cancelled,Mexico City,Mexico,in_person,"66th FIFA Congress"'}), *TODAY)
    assert _verdicts(out, "congress")["2016"] == "missed"
    assert out["summary"]["violations"] == 1


# -- Holyrood: the first Thursday in May, every fourth then every fifth year ---------------------

HOLYROOD = "scottish-parliament"


def test_holyrood_polling_days_on_the_first_thursday_in_may_across_three_statutes():
    """Scotland Act 1998, s.2(2): the first Thursday in May every fourth year from 1999: 6 May
    1999, 1 May 2003, 3 May 2007, 5 May 2011 (version 1). The 2011 Act moved 2015 to 2016, the
    Scottish Elections (Dates) Act 2016 moved 2020 to 2021, the 2020 Act made five-year terms:
    5 May 2016, 6 May 2021 (version 2, every fifth year from 2016). All met; 7 May 2026 has
    passed, the register complete to 2025: unknown; 1 May 2031 next. No window 2015 (the year
    belongs to version 2, whose grid starts 2016)."""
    out = _check(HOLYROOD, *TODAY)
    assert _verdicts(out, "election") == {
        "1999-05-06": "met", "2003-05-01": "met", "2007-05-03": "met", "2011-05-05": "met",
        "2016-05-05": "met", "2021-05-06": "met", "2026-05-07": "unknown", "2031-05-01": "open",
    }
    assert _project(HOLYROOD, *TODAY, "--to", "2036") == [("election", "2031-05-01", None), ("election", "2036-05-01", None)]


# -- The papal conclave: within twenty days of the vacancy -----------------------------------------

CONCLAVE = "papal-conclave"


def test_conclaves_opened_within_twenty_days_of_each_vacancy():
    """Universi Dominici Gregis, no. 37 (and Romano Pontifici Eligendo before it): the
    election begins when "a maximum of twenty days have elapsed from the beginning of the
    vacancy". By hand: 6 August 1978 to 25 August, 19 days; 28 September 1978 to 14 October,
    16; 2 April 2005 to 18 April, 16; 28 February 2013 to 12 March, 12 (earlier than the
    fifteen full days, as Normas nonnullas allowed with all electors present); 21 April 2025 to
    7 May, 16. Each within twenty: met, each window due on the twentieth day."""
    out = _check(CONCLAVE, *TODAY)
    assert _verdicts(out, "conclave") == {"1978-08-26": "met", "1978-10-18": "met", "2005-04-22": "met", "2013-03-20": "met", "2025-05-11": "met"}
    assert _why(out, "conclave", 0, "2013-03-20") == "2013-03-20: 1 of 1 required, 20 days after the Sede vacante of 2013-02-28: Conclave 2013-03-12 (Vatican City)."
    assert out["summary"]["violations"] == 0


def test_a_conclave_opened_on_the_twenty_first_day_is_late(tmp_path):
    """Had the 2025 conclave opened on 12 May (an edit), the twenty-first day after 21 April:
    late by 1 day, a violation."""
    rows = {"conclave,regular,,2025-05-07,2025-05-08": "conclave,regular,,2025-05-12,2025-05-13"}
    out = _judged(_edited(tmp_path, CONCLAVE, {}, rows=rows), *TODAY)
    assert _verdicts(out, "conclave")["2025-05-11"] == "late"
    assert "1 day late" in _why(out, "conclave", 0, "2025-05-11")


# -- The Human Rights Committee: normally two, then three, regular sessions a year ----------------

CCPR = "ccpr"


def test_human_rights_committee_two_then_three_sessions_a_year_customary():
    """Rules of procedure, rule 2(1): "normally" two regular sessions a year (1994 text), three
    (2012 and 2019 texts): customary. Version 1 from 24 May 1994: 1995 (its first whole year)
    to 2012 (1 January 2012 lies before the 2012 text of 11 January: a window belongs to the
    version in force on its first day); version 2 from 2013. By hand: 2022 (134th February,
    135th June, 136th October), 2023 (137th-139th) and 2024 (140th-142nd): met; every other
    year has nothing recorded outside the records (2022-2024): unknown, never an advisory."""
    out = _check(CCPR, *TODAY)
    assert _verdicts(out, "session", 0) == {str(y): "unknown" for y in range(1995, 2013)}
    assert _verdicts(out, "session", 1) == {
        **{str(y): "unknown" for y in range(2013, 2022)}, "2022": "met", "2023": "met", "2024": "met", "2025": "unknown", "2026": "open",
    }
    assert "0 of 2 required" in _why(out, "session", 0, "2012") and "0 of 3 required" in _why(out, "session", 1, "2013")
    assert out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 0


def test_human_rights_committee_two_sessions_in_a_year_is_an_advisory(tmp_path):
    """Had the 136th session not been held (an edit: cancelled), 2022 holds two of the three the
    2012 text "normally" asks: an advisory, not a violation."""
    rows = {"session,regular,136,2022-10,,held": "session,regular,136,2022-10,,cancelled"}
    out = _judged(_edited(tmp_path, CCPR, {}, rows=rows), *TODAY)
    assert _verdicts(out, "session", 1)["2022"] == "advisory"
    assert out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 1


# -- The National Assembly of Viet Nam: two regular sessions a year ------------------------------

VIETNAM = "vietnam-national-assembly"


def test_vietnam_two_regular_sessions_a_year_the_extraordinary_ones_not_counted():
    """Constitution (2013), art. 83(3): "in regular session twice a year", from 1 January 2014.
    By hand: 2014-2020 nothing recorded outside the records: unknown; 2021 (1st, July; 2nd,
    October) met; 2022-2025 each hold their two regular sessions (May and October), the
    extraordinary ones (January 2022, January and March 2023, January 2024, February 2025)
    named, not counted: met. 2026 open, as far as the register shows."""
    out = _check(VIETNAM, *TODAY)
    assert _verdicts(out, "session") == {**{str(y): "unknown" for y in range(2014, 2021)}, **{str(y): "met" for y in range(2021, 2026)}, "2026": "open"}
    why = _why(out, "session", 0, "2023")
    assert "Session 2023-01 (Hanoi) (extraordinary: this rule counts regular meetings); Session 2023-03 (Hanoi) (extraordinary" in why
    assert out["summary"]["violations"] == 0


def test_vietnam_extraordinary_sessions_do_not_stand_for_a_regular_one(tmp_path):
    """Had the 4th session (October 2022) been cancelled (an edit), 2022 holds one regular
    session and one extraordinary: `missed`, 1 of 2."""
    rows = {'session,regular,4,2022-10,,held': 'session,regular,4,2022-10,,cancelled'}
    out = _judged(_edited(tmp_path, VIETNAM, {}, rows=rows), *TODAY)
    assert _verdicts(out, "session")["2022"] == "missed"
    assert "1 of 2 required" in _why(out, "session", 0, "2022")


# -- Commonwealth Bank of Australia: each calendar year, and within five months of 30 June -------

CBA = "cba-agm"


def test_cba_agm_in_each_calendar_year_and_within_five_months_of_the_year_end():
    """Corporations Act 2001, s.250N(2): "at least once in each calendar year and within 5
    months after the end of its financial year" (30 June): two rules. By hand, from the Act's
    commencement (15 July 2001): calendar years from 2002, financial years from FY2002-03 (1
    July to 30 November 2002 the first window). The AGMs of October 2020-2025 meet both, each
    calendar year and each 1 July-30 November; the years before 2020 are outside the records:
    unknown; 2026's calendar year is open, its July-November window passed with nothing
    recorded: unknown."""
    out = _check(CBA, *TODAY)
    calendar, months = _verdicts(out, "agm", 0), _verdicts(out, "agm", 1)
    assert calendar == {**{str(y): "unknown" for y in range(2002, 2020)}, **{str(y): "met" for y in range(2020, 2026)}, "2026": "open"}
    assert months == {**{f"{y}-07..{y}-11": "unknown" for y in range(2002, 2020)}, **{f"{y}-07..{y}-11": "met" for y in range(2020, 2026)}, "2026-07..2026-11": "unknown"}
    assert out["summary"]["violations"] == 0


def test_cba_an_agm_in_december_keeps_the_calendar_year_and_misses_the_five_months(tmp_path):
    """Had the 2023 AGM been held in December (an edit), 2023 still holds one (calendar year:
    met), but 1 July-30 November 2023 holds none: `missed`, one violation: the two conditions
    of s.250N(2) are judged apart."""
    out = _judged(_edited(tmp_path, CBA, {}, rows={"agm,regular,,2023-10,": "agm,regular,,2023-12,"}), *TODAY)
    assert _verdicts(out, "agm", 0)["2023"] == "met"
    assert _verdicts(out, "agm", 1)["2023-07..2023-11"] == "missed"
    assert out["summary"]["violations"] == 1


# -- Toyota: the ordinary meeting in June, by the articles ----------------------------------------

TOYOTA = "toyota-agm"


def test_toyota_ordinary_meeting_in_june_each_year():
    """Articles of Incorporation: "in June each year" (`year_start = "06-01"`, `within = "1m"`).
    By hand: 11 June 2020, 16 June 2021, 15 June 2022, 14 June 2023, 18 June 2024, 12 June 2025:
    met; June 2026 passed, the register complete to 2025: unknown. Projected: June 2027-2029,
    numbered from the 122nd."""
    out = _check(TOYOTA, *TODAY)
    assert _verdicts(out, "agm") == {**{f"{y}-06": "met" for y in range(2020, 2026)}, "2026-06": "unknown"}
    projected = _project(TOYOTA, *TODAY, "--to", "2029")
    assert [(s[:7], n) for _, s, n in projected] == [("2027-06", 122), ("2028-06", 123), ("2029-06", 124)]


def test_toyota_a_meeting_in_july_misses_june(tmp_path):
    """Had the 120th meeting been held on 2 July 2024 (an edit), June 2024 holds none: `missed`,
    not met by a meeting in the same company year (June to May)."""
    out = _judged(_edited(tmp_path, TOYOTA, {}, rows={"agm,regular,120,2024-06-18": "agm,regular,120,2024-07-02"}), *TODAY)
    assert _verdicts(out, "agm")["2024-06"] == "missed"
    assert out["summary"]["violations"] == 1
