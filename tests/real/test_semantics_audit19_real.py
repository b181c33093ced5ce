"""A nineteenth audit of real organizations (tests/audit/), eight new ones, each rule book
citing its instrument in every rule's `source` and each register row its source (days known
only from memory say so; rows known only to the month give the month), every expected answer
worked out by hand from the rule as written before the tool was run (the derivation in each
test's docstring). The General Conference of The United Methodist Church (every four years, the
2020 session postponed to 2024 and recorded as excused), the General Assembly of the
Presbyterian Church (U.S.A.) (annual, then biennial after 2004: two versions of one rule of
different kinds), the ELCA Churchwide Assembly (biennial, then triennial "starting after the
2013 Assembly": the seam of two versions of a rolling rule), the Southern Baptist Convention
(annual, 2020 cancelled under its Constitution's own article), the National Diet of Japan (an
ordinary session once a year, in January "as a rule", numbered in one series with the
extraordinary and special sessions), Apple's annual meeting (a fiscal year from October and a
fifteen-month gap), UNEP's Governing Council and the Environment Assembly that replaced it in
2013 (a body that ended; a session held in two parts a year apart), and the Visegrad Group (a
presidency from July to June, in a fixed order)."""

from __future__ import annotations

import json

import pytest

from tests.real.test_semantics_audit15_real import AUDIT, _check, _files
from tests.real.test_semantics_audit16_real import _by_rule, _why
from tests.real.test_semantics_audit18_real import _events, _ics
from tests.semantics.test_semantics_audit5 import _invoke


def _project(name: str, *args: str) -> list[tuple[str, str, int | None]]:
    out = json.loads(_invoke("project", *_files(name), *args, "--format", "json").stdout)
    return [(m["body"], m["start"], m["ordinal"]) for m in out["meetings"]]


def _edited(tmp_path, name: str, old: str, new: str) -> list[str]:
    """The files of ``name`` with its rule book edited (``old`` replaced by ``new``, once)."""
    text = (AUDIT / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text
    book = tmp_path / f"{name}.toml"
    book.write_text(text.replace(old, new, 1), encoding="utf-8")
    return ["--rules", str(book), "--meetings", str(AUDIT / f"{name}-meetings.csv")]


# -- The United Methodist Church: the General Conference once in four years -----------------------

UMC = "umc-general-conference"


def test_umc_general_conference_2020_postponed_to_2024_is_excused_and_2028_is_next():
    """Para. 14: once in four years, rolling. By hand, from 2000 as of 2026-12-01: 2004, 2008,
    2012 and 2016 met (four years after each other); the session due 2020 was postponed three
    times and met in Charlotte on 23 April 2024, four years late, but the rule book records the
    postponement (2020-2023, COVID-19), so 2020 is `excused`, its why naming Charlotte; the
    special session of February 2019 and the postponed Minneapolis dates count for nothing; next
    due 2028 (four years after Charlotte), open. Exit 0."""
    out = _check(UMC, "--today", "2026-12-01", "--from", "2000")
    assert _by_rule(out, "general_conference")[0] == {"2004": "met", "2008": "met", "2012": "met", "2016": "met", "2020": "excused", "2028": "open"}
    why = _why(out, "general_conference", 0, "2020")
    assert why.startswith("due 2020 (4 years after the General Conference of 2016-05-10), held General Conference 2024-04-23 (Charlotte): 4 years late.")
    assert "General Conference 2019-02-23 (St. Louis) (special: this rule counts regular meetings)" in why
    assert "General Conference 2020-05-05 (Minneapolis) (postponed)" in why
    assert out["summary"]["exit_code"] == 0


def test_umc_without_the_recorded_postponement_2020_is_four_years_late(tmp_path):
    """The same register judged by para. 14 alone (the `excused` line taken out): nothing in the
    Discipline suspends the quadrennial rule, so by hand 2020 is late by four years (Charlotte,
    2024) and exit 1: the excuse is data the rule book must state, never a guess."""
    files = _edited(tmp_path, UMC, "excused = [{ start = 2020", "# excused = [{ start = 2020")
    out = json.loads(_invoke("check", *files, "--today", "2026-12-01", "--from", "2000", "--format", "json").stdout)
    assert _by_rule(out, "general_conference")[0]["2020"] == "late"
    assert "4 years late" in _why(out, "general_conference", 0, "2020")
    assert out["summary"]["exit_code"] == 1


def test_umc_feed_keeps_the_postponed_dates_and_projects_april_2028(tmp_path):
    """`project` to 2030: one General Conference, in April 2028 (`months = [4, 5]`, four years
    after 23 April 2024), on a working day (24 April: no `duration_days`, since projection places
    a meeting of several days on consecutive working days only and a ten-day Conference spans a
    weekend). `ics`: the 2024 session 23 April - 3 May with the exclusive DTEND of 4 May; the
    postponed Minneapolis dates stay in the feed as "(postponed)", CANCELLED on them since they
    passed (TENTATIVE until then: tests/real/test_trial20.py)."""
    assert _project(UMC, "--today", "2026-12-01", "--to", "2030") == [("general_conference", "2028-04-24", None)]
    events = _events(_ics(UMC, tmp_path))
    (charlotte,) = [e for e in events if e.get("LOCATION", "").startswith("Charlotte")]
    assert (charlotte["DTSTART"], charlotte["DTEND"], charlotte["STATUS"]) == ("20240423", "20240504", "CONFIRMED")
    (postponed,) = [e for e in events if e["SUMMARY"] == "General Conference (postponed)"]
    assert (postponed["DTSTART"], postponed["STATUS"]) == ("20200505", "CANCELLED")


# -- The Presbyterian Church (U.S.A.): annual to 2004, biennial after -----------------------------

PCUSA = "pcusa-general-assembly"


def test_pcusa_general_assembly_annual_to_2004_then_biennial_all_met():
    """One rule (`id = "cadence"`) in two versions: at least once a year to 2004, every two
    years from 2005. By hand, from 2000 as of 2026-01-15: 2000-2004 met (212th-216th); the
    biennial Assemblies 2006-2024 (217th-226th) each met, the 224th (2020, online) counting as
    any format does; the 227th is due by the end of 2026, open. Exit 0."""
    out = _check(PCUSA, "--today", "2026-01-15", "--from", "2000")
    annual, biennial = _by_rule(out, "general_assembly")[0], _by_rule(out, "general_assembly")[1]
    assert annual == {str(y): "met" for y in range(2000, 2005)}
    assert set(biennial.values()) == {"met", "open"} and biennial["2026"] == "open"
    assert [label for label, verdict in biennial.items() if verdict == "met"][1:] == [str(y) for y in range(2008, 2026, 2)]
    assert out["summary"]["exit_code"] == 0


def test_pcusa_first_biennial_assembly_is_due_two_years_after_richmond_2004():
    """By hand: 'every other year' after the 216th Assembly (Richmond, 2004) makes the first
    biennial window due 2006, two years after 2004, met by the 217th (Birmingham, 2006), its why
    naming Richmond. Before: labelled 2007, "2 years after the rule took effect (2005-01-01)":
    the `every` version started a chain of its own at its `since`, as a new rule would, though
    it is the same rule (`id`) as the annual `at_least` before it."""
    out = _check(PCUSA, "--today", "2026-01-15", "--from", "2000")
    biennial = _by_rule(out, "general_assembly")[1]
    assert list(biennial)[:2] == ["2006", "2008"] and biennial["2006"] == "met"
    assert _why(out, "general_assembly", 1, "2006") == (
        "2006: 1 of 1 required, 2 years after the 216th General Assembly (2004-06): General Assembly 2006-06 (217th, Birmingham)."
    )


_SEAM_BOOK = """[organization]
id = "seam"
name = "Seam Assembly"
short_name = "SA"

[[bodies]]
id = "assembly"
name = "Assembly"
category = "governing"
established = 2000-01-01

[[bodies.rules]]
id = "cadence"
kind = "at_least"
count = 1
per = "year"
until = 2004-12-31

[[bodies.rules]]
id = "cadence"
kind = "every"
interval = "2y"
since = 2005-01-01
"""


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # met in 2004 under the annual version, then 2006 and 2008: 2006 met, 2008 met
        ("2004-06-01\n2006-06-01\n2008-06-01", {"2006": "met", "2008": "met", "2010": "open"}),
        # nothing in 2006: missed (before, 2007 was the first window and 2008 met it)
        ("2004-06-01\n2008-06-01", {"2006": "late"}),
        # nothing held in 2004 (the annual version's 2004 missed): still due 2006, two years on
        ("2003-06-01\n2006-06-01", {"2006": "met", "2008": "missed"}),
    ],
)
def test_an_every_version_after_an_at_least_version_goes_on_from_its_last_period(tmp_path, rows, expected):
    """Versions of one rule (the same `id`) of different kinds: at least once a year to 2004,
    then every 2 years from 2005. The chain goes on from the earlier version's last period
    (2004), as versions of one `every` rule do: the first biennial window is due 2006, not 2007
    (two years after the later version's first day). A test that fails before."""
    (tmp_path / "r.toml").write_text(_SEAM_BOOK, encoding="utf-8")
    csv = "body,start\n" + "".join(f"assembly,{d}\n" for d in rows.split("\n"))
    (tmp_path / "m.csv").write_text(csv, encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2009-06-30", "--format", "json").stdout)
    biennial = {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["rule"] == 1}
    assert {k: v for k, v in biennial.items() if k in expected} == expected and min(biennial) == "2006"


# -- The ELCA: biennial to 2013, triennial after -----------------------------------------------

ELCA = "elca-churchwide-assembly"


def test_elca_churchwide_assembly_biennial_then_triennial_from_the_day_after_pittsburgh():
    """Two versions of one rolling rule, the seam the day after the 13th Assembly closed
    (2013-08-17), as the 2011 resolution says ("starting after the 2013 Assembly"). By hand, as
    of 2025-12-01: from the founding (1 January 1988) the first is due by 1990, met by Rosemont
    (August 1989); every second year after, met to 2013 (1991 ... 2013); then three years after
    Pittsburgh: 2016, 2019, 2022 and 2025 met (New Orleans, Milwaukee, Columbus, Phoenix); 2028
    open. Exit 0."""
    out = _check(ELCA, "--today", "2025-12-01")
    rules = _by_rule(out, "churchwide_assembly")
    assert rules[0] == {"1990": "met"} | {str(y): "met" for y in range(1991, 2014, 2)}
    assert rules[1] == {"2016": "met", "2019": "met", "2022": "met", "2025": "met", "2028": "open"}
    assert _why(out, "churchwide_assembly", 1, "2016").startswith("2016: 1 of 1 required, 3 years after the 13th Churchwide Assembly (2013-08-12)")
    assert out["summary"]["exit_code"] == 0


def test_elca_a_seam_at_the_end_of_2013_would_make_2016_a_year_late(tmp_path):
    """Why the seam is the day after Pittsburgh: with the biennial version to 31 December 2013
    (and the triennial from 2014), the window after the 2013 Assembly opens under the biennial
    version (a rolling window takes the version in force on its first day), due 2015, and New
    Orleans (2016) is a year late: the resolution's words, not the calendar year, place the seam."""
    files = _edited(tmp_path, ELCA, "until = 2013-08-17", "until = 2013-12-31")
    text = (tmp_path / f"{ELCA}.toml").read_text(encoding="utf-8").replace("since = 2013-08-18", "since = 2014-01-01")
    (tmp_path / f"{ELCA}.toml").write_text(text, encoding="utf-8")
    out = json.loads(_invoke("check", *files, "--today", "2025-12-01", "--format", "json").stdout)
    assert _by_rule(out, "churchwide_assembly")[0]["2015"] == "late"
    assert "1 year late" in _why(out, "churchwide_assembly", 0, "2015")


# -- The Southern Baptist Convention: annual, 2020 cancelled under Article XI.4 ------------------

SBC = "sbc-annual-meeting"


def test_sbc_2020_cancelled_for_grave_emergency_is_excused_every_other_year_met():
    """Article XI: annually. By hand, from 2015 as of 2025-12-01: 2015-2019 and 2021-2025 met;
    2020 cancelled on 24 March 2020 by the officers, the Executive Committee and the heads of the
    boards and institutions acting in a body, which Article XI.4 allows "in case of grave
    emergency": the rule book records it, so 2020 is `excused` (the Orlando row, cancelled, not
    counted). Exit 0. Before 2015 the register is not known complete: those years are
    `unknown`, never `missed`."""
    out = _check(SBC, "--today", "2025-12-01", "--from", "2015")
    expected = {str(y): "met" for y in range(2015, 2026)} | {"2020": "excused"}
    assert _by_rule(out, "annual_meeting")[0] == expected
    assert "SBC Annual Meeting 2020-06-09 (Orlando) (cancelled)" in _why(out, "annual_meeting", 0, "2020")
    assert out["summary"]["exit_code"] == 0
    before = _check(SBC, "--today", "2025-12-01", "--to", "2014")
    assert set(_by_rule(before, "annual_meeting")[0].values()) == {"unknown"}


def test_sbc_projects_one_meeting_in_june_each_year():
    """`project` from 2026-01-15 to 2027: one two-day meeting in June of each year (`months`),
    on working days in the United States: Monday-Tuesday 15-16 June 2026, 14-15 June 2027.
    Since the twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day all opened on one day of the week keeps its week of the month: the
    meetings opened on the second Tuesday of June (14, 13, 11 and 10 June 2022-2025):
    Tuesday-Wednesday 9-10 June 2026 and 8-9 June 2027."""
    assert _project(SBC, "--today", "2026-01-15", "--to", "2027") == [
        ("annual_meeting", "2026-06-09", None),
        ("annual_meeting", "2027-06-08", None),
    ]


# -- The National Diet of Japan: an ordinary session once a year, in January as a rule -----------

DIET = "japan-diet"


def test_diet_ordinary_sessions_met_both_rules_extraordinary_and_special_not_counted():
    """Constitution art. 52 (binding, once a year) and Diet Law art. 2 (in January "as a rule",
    customary, `within = "1m"`). By hand, 2019-2025 as of 2025-12-01: each year's ordinary
    session opened in January (28 January 2019, 20 January 2020, 18 January 2021, 17 January
    2022, 23 January 2023, 26 January 2024, 24 January 2025): every window of both rules met;
    the extraordinary sessions (e.g. the 199th and 200th of 2019) and the special sessions after
    the general elections (206th, 215th) are named as not counted. Exit 0. (Before 2019 the
    register is not known complete: judged from 2019.)"""
    out = _check(DIET, "--today", "2025-12-01", "--from", "2019")
    years = {str(y): "met" for y in range(2019, 2026)}
    assert _by_rule(out, "diet") == {0: years, 1: years}
    why = _why(out, "diet", 0, "2021")
    assert "National Diet 2021-11 (206th, Tokyo) (special: this rule counts regular meetings)" in why
    assert _why(out, "diet", 1, "2024") == "2024: 1 of 1 required, at least once a year, within its first month: National Diet 2024-01-26 (213th, Tokyo)."
    assert out["summary"]["exit_code"] == 0


def test_diet_next_ordinary_session_is_the_220th_in_january_2026():
    """The Diet numbers all its sessions in one series; the register records each of them, so
    the projected ordinary session of January 2026 continues the series after the 219th
    (extraordinary, October 2025): the 220th. (Numbering runs per kind in the register: with the
    ordinary sessions alone recorded, the next would read as the 218th.)"""
    (nxt,) = _project(DIET, "--today", "2025-12-01", "--to", "2026")
    assert nxt[0] == "diet" and nxt[1].startswith("2026-01-") and nxt[2] == 220


# -- Apple Inc.: Nasdaq's fiscal year and California's fifteen months -----------------------------

APPLE = "apple-agm"


def test_apple_annual_meetings_each_fiscal_year_and_within_fifteen_months():
    """One meeting per fiscal year from October (Nasdaq 5620(a): within a year of the fiscal
    year's end), at most fifteen months apart (California s.600(c)). By hand, as of 2025-12-01:
    FY2018-19 to FY2024-25 each met (1 March 2019 ... 25 February 2025); the longest gap, 23
    February 2021 to 4 March 2022, is 374 days, within fifteen months; FY2025-26 is open (due by
    30 September 2026) and the next gap runs to 25 May 2026 (fifteen months after 25 February
    2025). Exit 0."""
    out = _check(APPLE, "--today", "2025-12-01", "--from", "2018-10-01")
    rule = _by_rule(out, "agm")[0]
    fiscal = {f"FY{y}-{(y + 1) % 100:02d}": "met" for y in range(2018, 2025)}
    assert {k: v for k, v in rule.items() if k.startswith("FY")} == fiscal | {"FY2025-26": "open"}
    gaps = {k: v for k, v in rule.items() if not k.startswith("FY")}
    assert list(gaps.values()) == ["met"] * 6 + ["open"]
    assert _why(out, "agm", 0, "2021-02-24..2022-05-23") == "gap of 374 days from AGM 2021-02-23 to AGM 2022-03-04; at most 15 months allowed."
    assert "next meeting due by 2026-05-25" in _why(out, "agm", 0, "2025-02-26..2026-05-25")
    assert out["summary"]["exit_code"] == 0


# -- UNEP: the Governing Council (to 2013) and the Environment Assembly (from 2013) ---------------

UNEP = "unep-governing-bodies"


def test_unep_governing_council_met_every_year_until_it_was_renamed():
    """GA resolution 53/242: the Forum once a year, the Council's regular or special session
    alike. By hand: 2000-2012 met (special sessions in even years, regular in odd ones); the
    rule ends on 12 March 2013, the day before GA resolution 67/251 renamed the Council: its last
    window, 1 January - 12 March 2013, met by GC-27 (18-22 February 2013); nothing is due of the
    Council after it."""
    out = _check(UNEP, "--today", "2026-12-01")
    council = _by_rule(out, "governing_council")[0]
    assert council == {str(y): "met" for y in range(2000, 2013)} | {"2013-01-01..2013-03-12": "met"}


def test_unea_sessions_every_two_years_the_fifth_held_in_two_parts_makes_2023_late():
    """Biennially, rolling, from the renaming (13 March 2013). By hand, as of 2026-12-01: due
    2015, met by UNEA-1 (June 2014); 2016 met (May 2016); 2018 met by UNEA-3 (December 2017);
    2019 met (March 2019); 2021 met by UNEA-5 (opened online 22 February 2021); the resumed part
    of UNEA-5 (Nairobi, 28 February 2022) is the same session, not a new one, so the next session
    was due by the end of 2023 and UNEA-6 (26 February 2024) is one year late; 2026 met by
    UNEA-7 (December 2025); 2027 open. Exit 1 (the late 2023)."""
    out = _check(UNEP, "--today", "2026-12-01")
    assert _by_rule(out, "unea")[0] == {"2015": "met", "2016": "met", "2018": "met", "2019": "met", "2021": "met", "2023": "late", "2026": "met", "2027": "open"}
    why = _why(out, "unea", 0, "2023")
    assert why.startswith("due 2023 (2 years after the 5th UNEA (2021-02-22)), held UNEA 2024-02-26 (6th, Nairobi): 1 year late.")
    assert "UNEA 2022-02-28 (5th, Nairobi) (the same number as UNEA 2021-02-22 (5th): one meeting, counted there)" in why
    assert out["summary"]["exit_code"] == 1


def test_unea_feed_holds_both_parts_of_the_fifth_session_and_projects_the_eighth(tmp_path):
    """`ics`: the two parts of UNEA-5 are two events with UIDs of their own (unep-unea-5 and
    unep-unea-5-2), 22-23 February 2021 (DTEND 24 February) and 28 February - 2 March 2022
    (DTEND 3 March); `project` to 2028 proposes the 8th in February 2027 (`months`), five working
    days in Nairobi, two years after UNEA-7."""
    events = {e["UID"]: e for e in _events(_ics(UNEP, tmp_path))}
    assert (events["unep-unea-5@planner"]["DTSTART"], events["unep-unea-5@planner"]["DTEND"]) == ("20210222", "20210224")
    assert (events["unep-unea-5-2@planner"]["DTSTART"], events["unep-unea-5-2@planner"]["DTEND"]) == ("20220228", "20220303")
    assert _project(UNEP, "--today", "2026-12-01", "--to", "2028") == [("unea", "2027-02-22", 8)]


# -- The Visegrad Group: presidencies from July to June --------------------------------------------

V4 = "visegrad-group"
V4_CHAIRS = ("--chairs", str(AUDIT / "visegrad-group-chairs.csv"))


def test_visegrad_official_summit_each_presidency_year_only_2015_16_known():
    """A customary official summit in each presidency year (1 July - 30 June). By hand, from 1
    July 2015 as of 2026-06-01: FY2015-16 met by the official closing summit of 8 June 2016 (the
    extraordinary summit of 4 September 2015 and the summits with guests of December 2015 and
    February 2016 not counted); the register is known complete for that year only, so FY2016-17
    to FY2024-25 are `unknown`, and FY2025-26 is open to 30 June 2026. Exit 0."""
    out = _check(V4, "--today", "2026-06-01", "--from", "2015-07-01")
    expected = {"FY2015-16": "met"} | {f"FY{y}-{(y + 1) % 100:02d}": "unknown" for y in range(2016, 2025)} | {"FY2025-26": "open"}
    assert _by_rule(out, "summit")[0] == expected
    why = _why(out, "summit", 0, "FY2015-16")
    assert "V4 Summit 2016-06-08 (Prague)" in why and "(extraordinary: this rule counts regular meetings)" in why
    assert out["summary"]["exit_code"] == 0


def test_visegrad_presidencies_of_one_year_in_the_annex_order_no_finding():
    """The Annex's rotation, the Czech Republic, Poland, Hungary, Slovakia, a year each from 1
    July: eleven terms, 2015-16 to 2025-26, each of one year, none twice in a row. By hand, as of
    2026-06-01 (Hungary's term still running, 11 months): no finding, exit 0."""
    out = json.loads(_invoke("chairs", *_files(V4), *V4_CHAIRS, "--today", "2026-06-01", "--format", "json").stdout)
    assert [t["country"] for t in out["terms"]] == ["Czechia", "Poland", "Hungary", "Slovakia"] * 2 + ["Czechia", "Poland", "Hungary"]
    assert out["findings"] == [] and out["summary"]["exit_code"] == 0


def test_visegrad_next_presidencies_follow_the_annex_order():
    """`order = "listed"`: the next chairs in the order the rule book lists the members, as the
    Annex gives them (the Czech Republic, Poland, Hungary, Slovakia), not alphabetically. By
    hand, `project` from 2026-06-01 to 2028 with the chair register (Hungary from 1 July 2025):
    the summits of June 2027 and June 2028 are hosted by Slovakia (presidency 2026-27) and the
    Czech Republic (2027-28). Before: "chair to be decided" (the key took only `plan` or
    `alphabetical`, which would give Poland after Hungary, and the order was not expressible)."""
    out = json.loads(_invoke("project", *_files(V4), *V4_CHAIRS, "--today", "2026-06-01", "--to", "2028", "--format", "json").stdout)
    hosts = {m["start"][:4]: m.get("host") or m.get("host_country") for m in out["meetings"]}
    assert hosts == {"2026": "Hungary", "2027": "Slovakia", "2028": "Czechia"}


_LISTED_BOOK = """[organization]
id = "listed"
name = "Listed Rotation Council"
short_name = "LRC"
members = [
  { name = "Poland", code = "PL" },
  { name = "Czechia", code = "CZ", left = 2024 },
  { name = "Hungary", code = "HU" },
  { name = "Austria", code = "AT" },
]

[chairmanship]
term = "1y"
handover_bodies = []
chair_hosts = true
order = "listed"

[[bodies]]
id = "council"
name = "Council"
category = "governing"
established = 2020
months = [5]
host = "chair"

[[bodies.rules]]
kind = "at_least"
count = 1
per = "year"
"""


def test_a_listed_rotation_wraps_in_the_books_order_and_skips_a_member_that_left(tmp_path):
    """`order = "listed"` (Poland, Czechia, Hungary, Austria): after Poland comes Czechia as
    listed, but Czechia left at the end of 2024, so the chair of 2025 is Hungary; then Austria
    (2026) and, wrapping, Poland (2027). Alphabetically it would be Austria, Hungary, Poland. A
    test that fails before (the key was refused)."""
    (tmp_path / "r.toml").write_text(_LISTED_BOOK, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,start\ncouncil,2024-05-15\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end\nPoland,2024-01-01,2025-01-01\n", encoding="utf-8")
    files = ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv")]
    out = json.loads(_invoke("project", *files, "--today", "2024-12-01", "--to", "2027", "--format", "json").stdout)
    assert {m["start"][:4]: m["host"] for m in out["meetings"]} == {"2025": "Hungary", "2026": "Austria", "2027": "Poland"}
