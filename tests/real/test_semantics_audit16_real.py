"""A sixteenth audit of real organizations (tests/audit/), each rule book citing its instrument
in every rule's `source` and each register row its source, every expected answer worked out by
hand before the tool was run (the derivation in each test's docstring). The Executive Council of
the African Union: twice a year under the Constitutive Act (art. 10(2)) and, in practice, in the
week before each ordinary session of the Assembly and, since 2019, each Mid-Year Coordination
Meeting: `before` rules on two other bodies, extraordinary Assembly sessions that prepare
nothing, a session held nine days before the MYCM of October 2020, records complete for
2019-2025 only."""

from __future__ import annotations

import json
from collections import Counter

from tests.real.test_semantics_audit15_real import AUDIT, _check, _files, _text
from tests.semantics.test_semantics_audit5 import _invoke


def _by_rule(out: dict, body: str) -> dict[int, dict[str, str]]:
    """Each rule's index -> window label -> verdict, for one body."""
    rules: dict[int, dict[str, str]] = {}
    for f in out["findings"]:
        if f["body"] == body:
            rules.setdefault(f["rule"], {})[f["window"]["label"]] = f["verdict"]
    return rules


def _why(out: dict, body: str, rule: int, label: str) -> str:
    (why,) = [f["why"] for f in out["findings"] if f["body"] == body and f["rule"] == rule and f["window"]["label"] == label]
    return why


def _project(name: str, *args: str) -> list[tuple[str, str, int]]:
    out = json.loads(_invoke("project", *_files(name), *args, "--format", "json").stdout)
    return [(m["body"], m["start"], m["ordinal"]) for m in out["meetings"]]


# -- African Union: the Executive Council before the Assembly and the MYCM --------------------------

AUEC = "au-executive-council"

# The Assembly's ordinary sessions, 1st (Durban, 9 July 2002) to 38th (15 February 2025): the day
# each opened, from the register (tests/audit/african-union-meetings.csv carries the same rows).
_ASSEMBLY_OPENED = [
    "2002-07-09", "2003-07-10", "2004-07-06", "2005-01-30", "2005-07-04", "2006-01-23", "2006-07-01", "2007-01-29",
    "2007-07-01", "2008-01-31", "2008-06-30", "2009-02-01", "2009-07-01", "2010-01-31", "2010-07-25", "2011-01-30",
    "2011-06-30", "2012-01-29", "2012-07-15", "2013-01-27", "2013-05-26", "2014-01-30", "2014-06-26", "2015-01-30",
    "2015-06-14", "2016-01-30", "2016-07-17", "2017-01-30", "2017-07-03", "2018-01-28", "2018-07-01", "2019-02-10",
    "2020-02-09", "2021-02-06", "2022-02-05", "2023-02-18", "2024-02-17", "2025-02-15",
]


def _eve(day: str) -> str:
    """The label of a `before` window of 7 days: its days, the week before the origin opened."""
    from datetime import date, timedelta

    opened = date.fromisoformat(day)
    return f"{(opened - timedelta(days=7)).isoformat()}..{(opened - timedelta(days=1)).isoformat()}"


def test_au_executive_council_twice_a_year_unknown_before_its_records():
    """Constitutive Act, art. 10(2), binding: two ordinary sessions each calendar year from the
    first whole year after its first session (Durban, July 2002): 2003. By hand, as of
    2026-12-01, the Council's records complete 2019-2025 only: 2003-2017, nothing recorded,
    unknown, never missed; 2018, the 32nd (25 January) and the 33rd (28 June, Nouakchott)
    recorded though the year is not known complete: met; 2019-2025, two sessions each (the 34th
    to the 47th; 2020's second, the 37th, by video conference on 13 October): met; 2026, nothing
    recorded, the year not known complete: open, two due by 31 December as far as the register
    shows."""
    out = _check(AUEC, "--today", "2026-12-01")
    got = _by_rule(out, "ec")[0]
    assert got == {str(y): "unknown" for y in range(2003, 2018)} | {str(y): "met" for y in range(2018, 2026)} | {"2026": "open"}
    assert _why(out, "ec", 0, "2020") == "2020: 2 of 2 required, at least twice a year: Executive Council 2020-02-06 (36th, Addis Ababa), Executive Council 2020-10-13 (37th)."
    assert _why(out, "ec", 0, "2026") == (
        "2026: 2 still due by 2026-12-31, at least twice a year. Still due as far as the register shows: "
        "the register is known complete only 2019-01-01..2025-12-31."
    )


def test_au_executive_council_the_week_before_each_ordinary_assembly():
    """Customary `before` rule, 7 days: for each ordinary (regular) session of the Assembly
    opening on day S, one Council session opening in [S - 7, S - 1], labelled by those days. By hand:
    the 38 ordinary sessions 2002-2025 give 38 windows; the 11th extraordinary session (17
    November 2018, the institutional reform) and the 12th (7 July 2019, Niamey, the AfCFTA
    launch) are not ordinary and prepare nothing: no window on 16 November 2018 or 6 July 2019.
    2002-2017: unknown (the Council's records begin in 2019); the 30th Assembly (28 January
    2018): the 32nd Council, 25 January, inside 21-27 January: met; the 31st (1 July 2018): the
    33rd Council, 28 June: met; 2019-2025: each Council session two or three days before its
    Assembly (7 February before 10 February 2019, 6 before 9 February 2020, 3 before 6 February
    2021 online, 2 before 5 February 2022, 15 before 18 February 2023, 14 before 17 February
    2024, 12 before 15 February 2025): met."""
    out = _check(AUEC, "--today", "2026-12-01")
    got = _by_rule(out, "ec")[1]
    expected = {_eve(d): "unknown" if d < "2018" else "met" for d in _ASSEMBLY_OPENED}
    assert got == expected and len(got) == 38
    assert "2018-11-10..2018-11-16" not in got and "2019-06-30..2019-07-06" not in got
    assert _why(out, "ec", 1, "2021-01-30..2021-02-05") == "2021-01-30..2021-02-05: 1 of 1 required, within 7 days before the 34th Assembly (2021-02-06): Executive Council 2021-02-03 (38th)."
    assert _why(out, "ec", 1, "2017-06-26..2017-07-02").endswith("Unknown, not advisory: the register is known complete only 2019-01-01..2025-12-31.")


def test_au_executive_council_nine_days_before_the_2020_mycm_is_an_advisory():
    """Customary `before` rule on the MYCM, 7 days: the 2nd MYCM (by video conference, 22
    October 2020) wanted a Council session opening 15-21 October; the 37th opened on 13 October,
    nine days before, and serves the year's second session under art. 10(2), not this window:
    an advisory (customary), the only finding short of met in a year known complete. The other
    six MYCMs (7 July 2019 Niamey, 16 October 2021, 17 July 2022 Lusaka, 16 July 2023 Nairobi,
    21 July 2024 Accra, 13 July 2025 Malabo) each had their Council session three days before
    (two in 2021): met. No violation anywhere: exit 0."""
    out = _check(AUEC, "--today", "2026-12-01")
    got = _by_rule(out, "ec")[2]
    assert got == {
        "2019-06-30..2019-07-06": "met", "2020-10-15..2020-10-21": "advisory", "2021-10-09..2021-10-15": "met", "2022-07-10..2022-07-16": "met",
        "2023-07-09..2023-07-15": "met", "2024-07-14..2024-07-20": "met", "2025-07-06..2025-07-12": "met",
    }
    assert _why(out, "ec", 2, "2020-10-15..2020-10-21") == (
        "2020-10-15..2020-10-21: 0 of 1 required (within 7 days before the 2nd MYCM (2020-10-22)); no counting meeting recorded (customary rule, an advisory). "
        "Not counted: Executive Council 2020-10-13 (37th) (9 days before the 2nd MYCM (2020-10-22): more than 7 days before)."
    )
    assert Counter(f["verdict"] for f in out["findings"] if f["body"] == "ec") == {"met": 23, "unknown": 44, "advisory": 1, "open": 1}
    assert out["summary"]["exit_code"] == 0 and out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 1


def test_au_council_held_as_the_assembly_opened_is_named_not_counted(tmp_path):
    """What if the 46th Council had opened on 15 February 2025, the day the 38th Assembly
    opened, and the 47th on 20 June 2025, 23 days before the 7th MYCM? Both windows (8-14
    February, 6-12 July) hold nothing: advisories. The why names the session held as the
    Assembly opened (it prepared nothing before it); one 23 days before the MYCM lies more
    than a second week away and is not named (the year's tally under art. 10(2) counts it)."""
    rows = (AUDIT / f"{AUEC}-meetings.csv").read_text(encoding="utf-8")
    rows = rows.replace("ec,regular,46,2025-02-12,2025-02-13", "ec,regular,46,2025-02-15,2025-02-16").replace("ec,regular,47,2025-07-10,2025-07-11", "ec,regular,47,2025-06-20,2025-06-21")
    (tmp_path / "rows.csv").write_text(rows, encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / f"{AUEC}.toml"), "--meetings", str(tmp_path / "rows.csv"), "--today", "2026-12-01", "--format", "json").stdout)
    assert _by_rule(out, "ec")[1]["2025-02-08..2025-02-14"] == "advisory" and _by_rule(out, "ec")[2]["2025-07-06..2025-07-12"] == "advisory"
    assert _why(out, "ec", 1, "2025-02-08..2025-02-14").endswith(
        "(customary rule, an advisory). Not counted: Executive Council 2025-02-15 (46th, Addis Ababa) (opened the day the 38th Assembly (2025-02-15) opened, not before it)."
    )
    assert _why(out, "ec", 2, "2025-07-06..2025-07-12").endswith("no counting meeting recorded (customary rule, an advisory).")
    assert _by_rule(out, "ec")[0]["2025"] == "met"


def test_au_assembly_and_mycm_open_in_2026_as_far_as_the_register_shows():
    """The Assembly under its three versions (once a year to 2004, twice 2005 to 17 November
    2018, once from the reform): 2003-2025, 23 windows, all met (2002 is no whole year: the
    Union was founded on 9 July); the MYCM 2019-2025 met; 2026 open for both, the register
    transcribed only to 2025. The text says it in one line per body."""
    out = _check(AUEC, "--today", "2026-12-01")
    assert _by_rule(out, "assembly") == {
        0: {"2003": "met", "2004": "met"},
        1: {str(y): "met" for y in range(2005, 2019)},
        2: {str(y): "met" for y in range(2019, 2026)} | {"2026": "open"},
    }
    assert _by_rule(out, "myc") == {0: {str(y): "met" for y in range(2019, 2026)} | {"2026": "open"}}
    text = _text(AUEC, "--today", "2026-12-01")
    assert "Executive Council at least twice a year; in practice within 7 days before each Assembly (customary); in practice within 7 days before each MYCM (customary) 68 judged: 23 met, 44 unknown, 1 advisory; open: 2026 (2 due by 2026-12-31)" in text
    assert "advisory Executive Council, 2020-10-15..2020-10-21: 0 of 1 required (within 7 days before the 2nd MYCM (2020-10-22))" in text
    assert text.endswith("3 bodies · 0 violations · 1 advisory · 3 open windows · 44 unknown · exit 0")


def test_au_projection_from_december_2026_then_the_council_just_before_the_assembly():
    """project, as of 2026-12-01 to 2027. 2026: every body is still due as far as the register
    shows and December is left. The MYCM (one day) on the first working day, Wednesday 2
    December (the Council follows it too, by its customary rule, so the Assembly the Council
    meets just before is placed after it: seventeenth projection pass; the Assembly took 2-3
    December and the Council met after it, on the 10th); the Council's two sessions, its
    preferred months (February, July) past, spread over 2-31 December (the middles of two
    halves, the 9th and the 24th), the first just before the Assembly and three days after the
    MYCM at the same host (the organization's `min_days_between`): Monday-Tuesday 7-8, the
    Assembly (two days) right after it, Wednesday-Thursday 9-10; the second 24-25 December.
    2027: the Assembly in its month, February, on the lower median of its February opening days
    (1 5 6 9 10 15 17 18: the 9th; twenty-first pass, the usual month's own day; the 17th of
    all 38 was a day it opened on in February once), Tuesday 9 February; the Council must end
    on the working day just before it opens (`before = "assembly"`), two working days in a
    row, and Monday 8 February has a Sunday before it: the Assembly takes the next day whose
    eve holds them, Wednesday 10-11 February, the Council Monday-Tuesday 8-9 February; the MYCM
    on the lower median of its July days (7 13 16 17 21: the 16th), Friday 16 July, with the
    Council's second session inside the week before it.
    Ordinals continue the register's: the 39th Assembly, the 8th MYCM, the 48th Council."""
    got = _project(AUEC, "--today", "2026-12-01", "--to", "2027")
    assert got[:4] == [("myc", "2026-12-02", 8), ("ec", "2026-12-07", 48), ("assembly", "2026-12-09", 39), ("ec", "2026-12-24", 49)]
    assert got[4:6] == [("ec", "2027-02-08", 50), ("assembly", "2027-02-10", 40)]
    (july,) = [start for body, start, _ in got if body == "ec" and start.startswith("2027-07")]
    assert ("myc", "2027-07-16", 9) in got and "2027-07-09" <= july <= "2027-07-15"
    assert len(got) == 8


# -- International Whaling Commission: annual, then every two years; IWC68 postponed 2020 -> 2022 --

IWC = "iwc"


def test_iwc_annual_then_biennial_and_the_postponed_iwc68_excused():
    """Two versions of one rolling `every` rule: once a year until 2011, every two years from
    2012 (IWC63, Jersey 2011). The rule begins with the register's first meeting, IWC61 (June
    2009). By hand, as of 2026-12-01: 2010 and 2011 met (Agadir, Jersey). The window after IWC63
    (July 2011) opens on 1 August 2011, under the annual version in force that day (a window
    belongs to the rule in force on its first day; I first read it as the biennial's 2013, and
    DESIGN's rule decides): due 2012, met by IWC64 (Panama, July 2012). Then every two years
    from it: 2014, 2016, 2018 met. Due 2020 (two years after IWC67, September 2018): IWC68,
    postponed from Nairobi 2020, held in Portorož in October 2022, two years late, the window
    excused by the Commission's decision; the chain goes on from IWC68 (2022), as from CICA's
    Summit held a year late in 2019 (DESIGN's known answer): 2024 met by IWC69 (Lima, known to
    the year); 2026 open, as far as the register shows (transcribed to 2025)."""
    out = _check(IWC, "--today", "2026-12-01")
    assert _by_rule(out, "commission") == {
        0: {"2010": "met", "2011": "met", "2012": "met"},
        1: {"2014": "met", "2016": "met", "2018": "met", "2020": "excused", "2024": "met", "2026": "open"},
    }
    assert [f["window"]["start"] for f in out["findings"] if f["window"]["label"] in ("2012", "2014", "2026")] == ["2011-08-01", "2012-08-01", "2025-01-01"]
    assert _why(out, "commission", 1, "2020").startswith(
        "due 2020 (2 years after the 67th IWC (2018-09)), held IWC 2022-10 (68th, Portorož): 2 years late. "
        "Not counted: IWC 2020 (68th, Nairobi) (postponed). Excused: 2020: IWC68 (Nairobi, 2020) postponed by intersessional decision"
    )
    assert _why(out, "commission", 1, "2026") == (
        "2026: 1 still due by 2026-12-31, 2 years after the 69th IWC (2024). Still due as far as the register shows: "
        "the register is known complete only 2009-01-01..2025-12-31."
    )
    text = _text(IWC, "--today", "2026-12-01")
    assert "Commission meeting every 2 years (since 2012-01-01; until 2011: once a year) 8 judged: 7 met, 1 excused; open: 2026 (1 due by 2026-12-31)" in text
    assert text.endswith("1 body · 0 violations · 0 advisories · 1 open window · 1 excused · exit 0")


def test_iwc_without_the_excuse_iwc68_is_two_years_late(tmp_path):
    """The same register, the rule book without the excused period: the window due 2020 is
    `late`, IWC68 (October 2022) two years after it, a violation (exit 1); the chain still goes
    on from IWC68, so 2024 is met, as with the excuse."""
    book = (AUDIT / f"{IWC}.toml").read_text(encoding="utf-8")
    book = "\n".join(line for line in book.splitlines() if not line.startswith("excused = "))
    (tmp_path / "iwc.toml").write_text(book + "\n", encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(tmp_path / "iwc.toml"), "--meetings", str(AUDIT / f"{IWC}-meetings.csv"), "--today", "2026-12-01", "--format", "json").stdout)
    assert _by_rule(out, "commission")[1] == {"2014": "met", "2016": "met", "2018": "met", "2020": "late", "2024": "met", "2026": "open"}
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "2 years" and out["summary"]["exit_code"] == 1


def test_iwc_as_the_register_stood_in_mid_2021_the_chain_goes_on_from_the_excused_year(tmp_path):
    """The register as it stood on 1 June 2021 (to the postponed IWC68): 2020 excused, nothing
    held since IWC67; a rolling chain goes on from an excused window's period (README): 2022
    open, one due by 31 December 2022, not a chain broken off."""
    rows = (AUDIT / f"{IWC}-meetings.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "rows.csv").write_text("\n".join(r for r in rows if ",2022-10," not in r and ",2024," not in r) + "\n", encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / f"{IWC}.toml"), "--meetings", str(tmp_path / "rows.csv"), "--today", "2021-06-01", "--format", "json").stdout)
    assert _by_rule(out, "commission")[1] == {"2014": "met", "2016": "met", "2018": "met", "2020": "excused", "2022": "open"}
    assert _why(out, "commission", 1, "2022") == "2022: 1 still due by 2022-12-31, 2 years after the window due 2020, nothing held since the 67th IWC (2018-09)."


def test_iwc_projects_iwc70_in_december_2026_then_two_years_on():
    """project, as of 2026-12-01 to 2030: IWC70 is due by 31 December 2026 and the usual
    months (June to October) are past: the first five consecutive working days in England after
    today, Monday 7 to Friday 11 December (Wednesday the 2nd would run into the weekend); then
    IWC71 two years after it, in 2028, and IWC72 in 2030, each in September (the register's
    months 6 6 7 7 9 9 10 10: of the two middle months, each met twice, the one met in last,
    September 2018 after July 2011) on the 15th (the register gives no day), moved to the
    Monday that opens five working days: Friday 15 September 2028 to Monday the 18th, Sunday 15
    September 2030 to Monday the 16th."""
    got = _project(IWC, "--today", "2026-12-01", "--to", "2030")
    assert got == [("commission", "2026-12-07", 70), ("commission", "2028-09-18", 71), ("commission", "2030-09-16", 72)]


# -- Volkswagen AG: the AGM in the first eight months, the whole year under the COVID-19 law -------

VW = "volkswagen-agm"


def test_volkswagen_agm_of_30_september_2020_met_under_the_covid_law():
    """AktG s.175(1): the ordinary AGM in the first eight months of the financial year (the
    calendar year: 1 January to 31 August), from the Act's entry into force (1966); for the
    financial years 2020-2022, the COVID-19 law's s.1(5): any time within the year. By hand, as
    of 2026-12-01, the register complete for 2017-2022: 1966-2016 unknown (51 years); 2017,
    2018, 2019 met (May); 2020: called for 7 May (postponed, not counted), held online on 30
    September, inside the year the COVID-19 version judges: met; 2021 (22 July, online) and 2022
    (May, online) met, no format required; 2023-2026 under eight months again, nothing recorded
    and not known complete: unknown (2026's window closed on 31 August). 61 judged: 6 met, 55
    unknown, exit 0."""
    out = _check(VW, "--today", "2026-12-01")
    assert _by_rule(out, "agm") == {
        0: {str(y): "unknown" for y in range(1966, 2017)} | {"2017": "met", "2018": "met", "2019": "met"},
        1: {"2020": "met", "2021": "met", "2022": "met"},
        2: {str(y): "unknown" for y in range(2023, 2027)},
    }
    assert _why(out, "agm", 1, "2020") == "2020: 1 of 1 required, at least once a year: AGM 2020-09-30. Not counted: AGM 2020-05-07 (Berlin) (postponed)."
    assert [f["window"]["end"] for f in out["findings"] if f["window"]["label"] in ("2019", "2020", "2026")] == ["2019-08-31", "2020-12-31", "2026-08-31"]
    assert _text(VW, "--today", "2026-12-01").endswith("61 judged: 6 met, 55 unknown 1 body · 0 violations · 0 advisories · 0 open windows · 55 unknown · exit 0")


def test_volkswagen_agm_2020_missed_without_the_covid_version(tmp_path):
    """Control: the same register under s.175(1) alone (no COVID-19 version): 30 September
    2020 is after 31 August, the end of the first eight months: 2020 missed, the AGM named as
    held and not counted, with the postponed May meeting; exit 1."""
    book = (AUDIT / f"{VW}.toml").read_text(encoding="utf-8")
    start = book.index("[[bodies.rules]]\nid = \"ordinary_agm\"\nkind = \"at_least\"\ncount = 1\nper = \"year\"\nsince = 2020-01-01")
    book = book[:start] + book[book.index("[[bodies.rules]]", start + 1) :]
    (tmp_path / "vw.toml").write_text(book.replace("until = 2019-12-31\n", "until = 2022-12-31\n"), encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(tmp_path / "vw.toml"), "--meetings", str(AUDIT / f"{VW}-meetings.csv"), "--today", "2026-12-01", "--format", "json").stdout)
    assert _by_rule(out, "agm")[0]["2020"] == "missed" and out["summary"]["exit_code"] == 1
    assert _why(out, "agm", 0, "2020") == (
        "2020: 0 of 1 required (at least once a year, within its first 8 months); no counting meeting recorded. "
        "Not counted: AGM 2020-05-07 (Berlin) (postponed). Not counted: AGM 2020-09-30 (after 2020-08-31, the end of the first 8 months of 2020)."
    )


def test_volkswagen_agm_as_of_june_2020_open_to_the_end_of_the_year():
    """As of 1 June 2020, after the May meeting was called off: 2020 open, due by 31 December
    under the COVID-19 version (not 31 August), the 30 September AGM (recorded later) scheduled."""
    out = _check(VW, "--today", "2020-06-01")
    assert _by_rule(out, "agm")[1] == {"2020": "open"}
    assert _why(out, "agm", 1, "2020") == "2020: 1 still due by 2020-12-31, at least once a year; scheduled: AGM 2020-09-30. Not counted: AGM 2020-05-07 (Berlin) (postponed)."


def test_volkswagen_agm_projected_in_may():
    """project, as of 2026-12-01 to 2028: 2026's window closed on 31 August (nothing late is
    projected for a calendar period); 2027 and 2028 in May, the usual month (5 5 5 5 7 9), on the
    22nd (the lower median of the two days the register gives, 22 and 30): Saturday 22 May 2027
    to the nearer working day, Friday the 21st; Monday 22 May 2028."""
    assert _project(VW, "--today", "2026-12-01", "--to", "2028") == [("agm", "2027-05-21", None), ("agm", "2028-05-22", None)]


# -- SCO: the Foreign Ministers "as a rule, one month prior to" the Heads of State ----------------

SCO = "sco-cfm"


def test_sco_foreign_ministers_a_month_before_the_summit_kept_once_since_2017():
    """Customary `before` rule, one month: for each regular Heads of State meeting opening on
    day S, a Foreign Ministers' meeting opening in [S - 1 month, S - 1]. By hand, as of
    2026-12-01: the 13 summits 2004-2016, the Ministers' records beginning in 2017: unknown;
    2019 (Bishkek: 21 May before 13 June, window 13 May - 12 June) met; the eight others
    advisories: 2017 (20 April, 49 days before 8 June), 2018 (23 April, 47 days before 9
    June), 2020 (10 September, 61 days before 10 November: the window opens 10 October), 2021
    (13 July, 65 days before 16 September), 2022 (28 July, 49 days before 15 September), 2023
    (Goa, 4 May, 61 days before 4 July), 2024 (Astana, 20 May, 44 days before 3 July), 2025
    (Tianjin, 15 July, 47 days before 31 August). Each why names the Ministers' meeting held up
    to a month more before the window (not 2021's: more than two months before); exit 0."""
    out = _check(SCO, "--today", "2026-12-01")
    got = _by_rule(out, "cfm")[0]
    summits = [f["window"]["label"] for f in out["findings"] if f["body"] == "chs"]
    assert summits == [str(y) for y in range(2004, 2027)]
    advisories = {"2017-05-08..2017-06-07", "2018-05-09..2018-06-08", "2020-10-10..2020-11-09", "2021-08-16..2021-09-15", "2022-08-15..2022-09-14", "2023-06-04..2023-07-03", "2024-06-03..2024-07-02", "2025-07-31..2025-08-30"}
    assert {k: v for k, v in got.items() if k >= "2017"} == {k: "advisory" for k in advisories} | {"2019-05-13..2019-06-12": "met"}
    assert [v for k, v in got.items() if k < "2017"] == ["unknown"] * 13
    assert _why(out, "cfm", 0, "2020-10-10..2020-11-09").endswith(
        "(customary rule, an advisory). Not counted: CMFA 2020-09-10 (Moscow) (61 days before the CHS of 2020-11-10: more than 1 month before)."
    )
    assert _why(out, "cfm", 0, "2021-08-16..2021-09-15").endswith("no counting meeting recorded (customary rule, an advisory).")
    assert "CMFA in practice within 1 month before each CHS (customary) 22 judged: 1 met, 13 unknown, 8 advisory" in _text(SCO, "--today", "2026-12-01")
    assert out["summary"] == {"bodies": 2, "violations": 0, "advisories": 8, "uncertain": 0, "unknown": 13, "excused": 0, "open": 1, "next_due": 0, "exit_code": 0}


def test_sco_projects_the_2026_summit_in_december_and_the_ministers_before_2027s():
    """project, as of 2026-12-01 to 2027. The 2026 summit is still due as far as the register
    shows. On Wednesday 2 December, the first working day, the Ministers' month before it ends
    today (a Problem, "record it", until the seventeenth projection pass): the summit is not
    late until 31 December, so it takes the first day whose month before still holds the
    Ministers' two days from tomorrow, three days apart at the same host (the chair to be
    decided: the Secretariat's country): Monday 7 December, the Ministers on 2-3 December.
    2027: the summit in July (the lower median
    of 22 summits' months: 6 x10, 7 x4, 8 x3, 9 x4, 11: the 11th is July) on the 4th (the lower
    median of the July summits' opening days, 3 4 5 9; twenty-first pass: the 13th of all days
    was a July day no summit opened on), Sunday 4 July, so Monday 5 July; the Ministers inside
    the month before it."""
    out = json.loads(_invoke("project", *_files(SCO), "--today", "2026-12-01", "--to", "2027", "--format", "json").stdout)
    got = [(m["body"], m["start"]) for m in out["meetings"]]
    assert got[:2] == [("cfm", "2026-12-02"), ("chs", "2026-12-07")] and got[-1] == ("chs", "2027-07-05") and len(got) == 4
    assert got[2][0] == "cfm" and "2027-06-05" <= got[2][1] <= "2027-07-04"
    assert out["problems"] == []
