"""A twentieth audit of real organizations (tests/audit/), nine new ones, each rule book citing
its instrument in every rule's `source` and each register row its source (days known only from
memory say so; rows known only to the month or year give the month or year), every expected
answer worked out by hand from the rule as written before the tool was run (the derivation in
each test's docstring). The election of the French President (seven years, then five from the
2002 election: two versions of one rolling rule, early elections after a vacancy), Germany's
Federal Convention (five years, two early Conventions), the Italian Parliament in joint session
(seven years, sessions of two weeks), the Assembly of the League of Nations (annual, special
sessions, six war years without a session, a body dissolved in 1946), the Summit of the
Non-Aligned Movement (a customary three years, the chair passing to each Summit's host), the
Olympic Games (two grids, the Winter grid moved in 1994, cancelled Games keeping their
numbers, Tokyo 2020 held in 2021), the CCAMLR Commission (annual, its first meeting within three
months of the Convention's entry into force), Microsoft's annual meeting (Washington's
"earlier of six months after the fiscal year or fifteen months after the last meeting") and the
Landsgemeinde of Glarus (the first Sunday in May; none in 2020, September in 2021)."""

from __future__ import annotations

import json
import re

from tests.real.test_semantics_audit15_real import AUDIT, _check, _files
from tests.real.test_semantics_audit16_real import _by_rule, _why
from tests.real.test_semantics_audit18_real import _events, _ics
from tests.semantics.test_semantics_audit5 import _invoke


def _project(name: str, *args: str) -> list[tuple[str, str, int | None]]:
    out = json.loads(_invoke("project", *_files(name), *args, "--format", "json").stdout)
    return [(m["body"], m["start"], m["ordinal"]) for m in out["meetings"]]


def _edited(tmp_path, name: str, edits: dict[str, str], *, rows: dict[str, str] | None = None) -> list[str]:
    """The files of ``name`` with its rule book (``edits``) and register (``rows``) edited: each
    old text replaced by the new, once."""
    files = []
    for suffix, changes in ((".toml", edits), ("-meetings.csv", rows or {})):
        text = (AUDIT / f"{name}{suffix}").read_text(encoding="utf-8")
        for old, new in changes.items():
            assert old in text
            text = text.replace(old, new, 1)
        path = tmp_path / f"{name}{suffix}"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return ["--rules", str(files[0]), "--meetings", str(files[1])]


def _judged(files: list[str], *args: str) -> dict:
    return json.loads(_invoke("check", *files, *args, "--format", "json").stdout)


# -- France: the President elected for seven years, then for five ---------------------------------

FR = "fr-presidential-election"


def test_french_presidential_elections_all_met_across_the_change_to_five_years():
    """Art. 6: seven years, five from the 2002 election (constitutional law 2000-964); art. 7:
    after a vacancy, a new election (1969, 1974) starts a new term. By hand, from 1958 as of
    2026-12-01, rolling from the electoral college of December 1958: 1965 met (December 1965);
    due 1972, met early by June 1969; due 1976, met early by May 1974; 1981, 1988, 1995 and 2002
    met (seven years after each); then five years after the 2002 election: 2007, 2012, 2017 and
    2022 met; 2027 open. Exit 0."""
    out = _check(FR, "--today", "2026-12-01", "--from", "1958")
    rules = _by_rule(out, "election")
    assert rules[0] == {y: "met" for y in ("1965", "1972", "1976", "1981", "1988", "1995", "2002")}
    assert rules[1] == {"2007": "met", "2012": "met", "2017": "met", "2022": "met", "2027": "open"}
    assert _why(out, "election", 0, "1976") == (
        "1976: 1 of 1 required, 7 years after the Presidential election of 1969-06-01: Presidential election 1974-05-05 (Paris)."
    )
    assert _why(out, "election", 1, "2007").startswith("2007: 1 of 1 required, 5 years after the Presidential election of 2002-04-21")
    assert out["summary"]["exit_code"] == 0


def test_french_term_change_dated_at_the_year_end_would_give_the_2002_president_seven_years(tmp_path):
    """Why the seam is the day after the 2002 election's second round: the window a rolling
    election opens takes the version in force on its first day. With the seven-year version to
    31 December 2002 the 2002 election opens a seven-year window, due 2009, and an election held
    in 2008 (not 2007) is `met`; with the seam the law sets, the same 2008 election is one year
    late (due 2007, five years after 2002). By hand, both, as of 2026-12-01."""
    moved = {"election,regular,,2007-04-22,2007-05-06": "election,regular,,2008-04-20,2008-05-04"}
    year_end = _edited(tmp_path, FR, {"until = 2002-05-05": "until = 2002-12-31", "since = 2002-05-06": "since = 2003-01-01"}, rows=moved)
    out = _judged(year_end, "--today", "2026-12-01", "--from", "1958")
    assert _by_rule(out, "election")[0]["2009"] == "met"
    (tmp_path / "law").mkdir()
    law = _edited(tmp_path / "law", FR, {}, rows=moved)
    out = _judged(law, "--today", "2026-12-01", "--from", "1958")
    assert _by_rule(out, "election")[1]["2007"] == "late"
    assert "1 year late" in _why(out, "election", 1, "2007")
    assert out["summary"]["exit_code"] == 1


# -- Germany: the Federal Convention every five years, two early ones -----------------------------

DE = "de-federal-convention"


def test_german_federal_conventions_all_met_the_early_ones_restarting_the_five_years():
    """Basic Law art. 54(2), (4): five years, an early end starting a new term. By hand, from
    1949 as of 2026-12-01: 1954, 1959, 1964 met; due 1969, met by the 5th (5 March 1969); 1974
    ... 2009 met; due 2014, met early by the 14th (30 June 2010, after Köhler resigned); due
    2015, met early by the 15th (18 March 2012, after Wulff resigned); 2017 and 2022 met (five
    years after 2012 and 2017); 2027 open (the 18th). Exit 0."""
    out = _check(DE, "--today", "2026-12-01", "--from", "1949")
    rule = _by_rule(out, "convention")[0]
    expected = {str(y): "met" for y in range(1954, 2010, 5)} | {"2014": "met", "2015": "met", "2017": "met", "2022": "met", "2027": "open"}
    assert rule == expected
    assert _why(out, "convention", 0, "2015") == (
        "2015: 1 of 1 required, 5 years after the 14th Bundesversammlung (2010-06-30): Bundesversammlung 2012-03-18 (15th, Berlin)."
    )
    assert out["summary"]["exit_code"] == 0


def test_german_federal_convention_projected_in_february_2027_numbered_18th():
    """`project` to 2030: the 18th Convention in February 2027 (`months = [2]`, five years
    after 13 February 2022), in Berlin."""
    ((body, start, ordinal),) = _project(DE, "--today", "2026-12-01", "--to", "2030")
    assert (body, start[:7], ordinal) == ("convention", "2027-02", 18)


# -- Italy: Parliament in joint session every seven years ---------------------------------------

IT = "it-presidential-election"


def test_italian_presidential_elections_all_met_and_the_next_due_2029():
    """Constitution art. 85 (seven years) and 86(2) (after a vacancy, a new election, a new
    term). By hand, from 1948 as of 2026-12-01: 1955, 1962 met; due 1969, met early by Saragat's
    election (December 1964, after Segni resigned); 1971, 1978, 1985, 1992, 1999, 2006, 2013
    met (seven years after the election before each: 1978 and 1992 early in their year, after
    Leone's and Cossiga's resignations); due 2020, met early by January 2015 (after Napolitano
    resigned); 2022 met; 2029 open. Exit 0."""
    out = _check(IT, "--today", "2026-12-01", "--from", "1948")
    labels = ("1955", "1962", "1969", "1971", "1978", "1985", "1992", "1999", "2006", "2013", "2020", "2022")
    assert _by_rule(out, "joint_session")[0] == {y: "met" for y in labels} | {"2029": "open"}
    assert _why(out, "joint_session", 0, "2020").endswith("Joint session 2015-01-29 (Rome).")
    assert out["summary"]["exit_code"] == 0


def test_italian_joint_session_of_fifteen_days_keeps_its_length_in_the_feed(tmp_path):
    """`ics`: the joint session of 9-24 December 1971 (23 ballots) is one all-day event with
    the exclusive DTEND of 25 December; that of 24 June 1985 (one ballot), of one day."""
    events = {e["DTSTART"]: e for e in _events(_ics(IT, tmp_path))}
    assert (events["19711209"]["DTEND"], events["19711209"]["STATUS"]) == ("19711225", "CONFIRMED")
    assert events["19850624"]["DTEND"] == "19850625"


# -- The League of Nations: an Assembly every year, dissolved in 1946 -----------------------------

LON = "league-of-nations-assembly"


def test_league_assembly_met_every_year_to_1939_missed_the_war_years_and_ended_in_1946():
    """Rules of Procedure, rule 1: an ordinary session every year, from 1920 to the League's
    dissolution (18 April 1946). By hand, as of 2026-12-01: 1920 is not judged (the Assembly
    established 10 January 1920: a floor beginning mid-year is judged from its first whole year);
    1921-1938 met by the September sessions, the special sessions of March 1926, March 1932 and
    May 1937 not counting; 1939 met by the 20th session (December); 1940-1945 missed (no session,
    nothing excusing them); 1946 judged to 18 April only, met by the 21st session (8 April).
    Nothing after. Exit 1 (six violations)."""
    out = _check(LON, "--today", "2026-12-01", "--from", "1920")
    rule = _by_rule(out, "assembly")[0]
    assert rule == {str(y): "met" for y in range(1921, 1940)} | {str(y): "missed" for y in range(1940, 1946)} | {"1946-01-01..1946-04-18": "met"}
    assert "Not counted: Assembly 1932-03 (Geneva) (special: this rule counts regular meetings)" in _why(out, "assembly", 0, "1932")
    assert out["summary"]["violations"] == 6 and out["summary"]["exit_code"] == 1


def test_league_assembly_dissolved_projects_nothing():
    """`project` from 2026: the rule ended on 18 April 1946, so nothing is due and nothing is
    projected."""
    assert _project(LON, "--today", "2026-12-01", "--to", "2036") == []


# -- The Non-Aligned Movement: a Summit every three years, in practice ----------------------------

NAM = "nam-summit"
NAM_CHAIRS = ("--chairs", str(AUDIT / "nam-summit-chairs.csv"))


def test_nam_summits_three_late_in_a_customary_rule_are_advisories():
    """The practice of a Summit every three years, written down after Cartagena (October
    1995), customary. By hand, rolling, as of 2026-12-01: 1998 met (Durban); due 2001, held
    February 2003 (Kuala Lumpur): 2 years late, an advisory; 2006, 2009, 2012 met; due 2015,
    held September 2016 (Margarita Island): 1 year late; 2019 met (Baku); due 2022, held January
    2024 (Kampala): 2 years late; 2027 open. Three advisories, no violation: exit 0."""
    out = _check(NAM, "--today", "2026-12-01", "--from", "1961")
    assert _by_rule(out, "summit")[0] == {
        "1998": "met", "2001": "advisory", "2006": "met", "2009": "met", "2012": "met",
        "2015": "advisory", "2019": "met", "2022": "advisory", "2027": "open",
    }  # fmt: skip
    assert "2 years late (customary rule, an advisory)" in _why(out, "summit", 0, "2022")
    assert out["summary"]["advisories"] == 3 and out["summary"]["exit_code"] == 0


def test_nam_chairs_longer_than_a_summit_of_the_third_year_are_notes():
    """The chair passes at each Summit to its host, a three-year term, customary, with a year's
    tolerance (the Summit of the third year may fall in any month of it). By hand, as of
    2026-12-01: South Africa (September 1998 to February 2003: 4 years 5 months), Iran (August
    2012 to September 2016: 4 years and 18 days) and Azerbaijan (October 2019 to January 2024: 4
    years 2 months) held longer than three years and a year: three notes, never violations;
    Malaysia (February 2003 to September 2006, 3 years 6 months) is within the tolerance. Exit 0."""
    out = json.loads(_invoke("chairs", *_files(NAM), *NAM_CHAIRS, "--today", "2026-12-01", "--format", "json").stdout)
    long = sorted(f["country"] for f in out["findings"] if "longer than the rule's term" in f["message"])
    assert long == ["Azerbaijan", "Iran", "South Africa"]
    assert not any(f["violation"] for f in out["findings"])
    assert out["summary"]["exit_code"] == 0


def test_nam_next_summit_projected_in_2027_chair_to_be_decided():
    """`project` to 2030: the 20th Summit in 2027 (three years after Kampala, January 2024) and
    the 21st in 2030, in September (`months = [9]`), the chair (and so the host) not yet known."""
    assert [(s[:7], n) for _, s, n in _project(NAM, "--today", "2026-12-01", "--to", "2030")] == [("2027-09", 20), ("2030-09", 21)]


# -- The Olympic Games: two grids, cancelled Games, Tokyo in 2021 ---------------------------------

IOC = "olympic-games"


def test_olympic_games_on_their_grids_the_war_years_missed_and_tokyo_excused():
    """Rule 32.1: the Games of the Olympiad in the Olympiad's first year (every fourth year from
    1896), the Winter Games in the same year to 1992 and in the third year from 1994. By hand, as
    of 2026-12-01: Summer 1896-1912 met, 1916 missed (cancelled), 1920-1936 met, 1940 and 1944
    missed, 1948-2016 met (1956 once, though held in Stockholm and Melbourne under one number),
    2020 excused (held 23 July 2021 by the joint decision of 24 March 2020), 2024 met, 2028
    open (Los Angeles, planned). Winter 1924-1936 met, 1940 and 1944 missed, 1948-1992 met on
    the first grid; 1994-2026 met on the second; 2030 open (French Alps, planned). Five
    violations (the war years): exit 1."""
    out = _check(IOC, "--today", "2026-12-01", "--from", "1896")
    summer = _by_rule(out, "summer")[0]
    war = {"1916", "1940", "1944"}
    assert summer == {str(y): ("missed" if str(y) in war else "met") for y in range(1896, 2020, 4)} | {"2020": "excused", "2024": "met", "2028": "open"}
    assert _why(out, "summer", 0, "2020").startswith("due 2020 (every 4 years on the grid from 1896), held Olympic Games 2021-07-23 (32nd, Tokyo): 1 year late. Excused: 2020")
    first, second = _by_rule(out, "winter")[0], _by_rule(out, "winter")[1]
    assert first == {str(y): ("missed" if y in (1940, 1944) else "met") for y in range(1924, 1993, 4)}
    assert second == {str(y): "met" for y in range(1994, 2027, 4)} | {"2030": "open"}
    assert out["summary"]["violations"] == 5 and out["summary"]["exit_code"] == 1


def test_olympic_games_without_the_recorded_postponement_tokyo_is_a_year_late(tmp_path):
    """The Charter alone (the `excused` line taken out): the Games of the XXXII Olympiad were
    held in the Olympiad's second year, 2021: late by one year, a sixth violation."""
    files = _edited(tmp_path, IOC, {"excused = [{ start = 2020": "# excused = [{ start = 2020"})
    out = _judged(files, "--today", "2026-12-01", "--from", "1896")
    assert _by_rule(out, "summer")[0]["2020"] == "late"
    assert out["summary"]["violations"] == 6


def test_olympic_games_projected_after_the_elected_hosts_and_numbered_on(tmp_path):
    """`project` to 2036: Los Angeles 2028 (34th), Brisbane 2032 (35th), French Alps 2030 (26th)
    and Salt Lake City 2034 (27th) are planned in the register; only the 36th Games of the
    Olympiad (2036, July) is projected, the Olympiad's number continuing the register's. `ics`:
    the Tokyo Games 23 July - 8 August 2021 with the exclusive DTEND of 9 August; the cancelled
    Games of 1916 keep their number VI, CANCELLED."""
    assert _project(IOC, "--today", "2026-12-01", "--to", "2036")[-1][0::2] == ("summer", 36)
    assert _project(IOC, "--today", "2026-12-01", "--to", "2036")[-1][1][:7] == "2036-07"
    events = _events(_ics(IOC, tmp_path))
    (tokyo,) = [e for e in events if e["UID"] == "ioc-summer-32@planner"]
    assert (tokyo["DTSTART"], tokyo["DTEND"], tokyo["STATUS"]) == ("20210723", "20210809", "CONFIRMED")
    (berlin,) = [e for e in events if e["UID"] == "ioc-summer-6@planner"]
    assert berlin["STATUS"] == "CANCELLED"



def test_olympic_games_projected_with_no_host_yet_not_a_chair():
    """`host = "elected"` (the IOC elects each Games' host; it has no chair): the projected
    36th Games say "host to be decided", with no city or country in JSON; before it, the
    nearest the book could say was `host = "chair"`, read "chair to be decided". Held and
    planned Games keep the register's host (Brisbane 2032); `bodies --format json` names it."""
    args = ("--today", "2026-12-01", "--to", "2036")
    text = _invoke("project", *_files(IOC), *args).stdout
    line = next(row for row in text.splitlines() if "(36th)" in row)
    # (past the heading, which names the rule book's path: a checkout may have "chair" in it)
    assert line.rstrip().endswith("host to be decided") and "chair" not in text.split("\n", 1)[1]
    assert "Brisbane, Australia" in text
    data = json.loads(_invoke("project", *_files(IOC), *args, "--format", "json").stdout)
    assert [(m["ordinal"], m["city"], m["country"]) for m in data["meetings"] if m["status"] == "projected"] == [(36, None, None)]
    assert {b["host"] for b in json.loads(_invoke("bodies", *_files(IOC), "--format", "json").stdout)["bodies"]} == {"elected"}

# -- CCAMLR: the Commission once a year, the first within three months ----------------------------

CCAMLR = "ccamlr"


def test_ccamlr_first_meeting_within_three_months_then_every_year():
    """Art. XIII(2): the first meeting within three months of entry into force (7 April 1982),
    then a regular annual meeting. By hand, as of 2026-12-01: the first (25 May 1982) 48 days
    after, met; 1983-2025 met, the online meetings of 2020 and 2021 counting (no format is
    required); 2026 open, its why saying the register is known complete only to 2025. Exit 0."""
    out = _check(CCAMLR, "--today", "2026-12-01")
    rule = _by_rule(out, "commission")[0]
    assert rule.pop("1982-04-07..1982-07-07") == "met"
    assert rule == {str(y): "met" for y in range(1983, 2026)} | {"2026": "open"}
    assert "gap of 48 days" in _why(out, "commission", 0, "1982-04-07..1982-07-07")
    assert "known complete only 1982-01-01..2025-12-31" in _why(out, "commission", 0, "2026")
    assert out["summary"]["exit_code"] == 0


def test_ccamlr_two_week_meeting_in_the_feed(tmp_path):
    """`ics`: CCAMLR-VI, 26 October - 6 November 1987, one event with the exclusive DTEND of 7
    November; the online CCAMLR-39 (2020) has no location."""
    events = _events(_ics(CCAMLR, tmp_path))
    (vi,) = [e for e in events if e["UID"] == "ccamlr-commission-6@planner"]
    assert (vi["DTSTART"], vi["DTEND"]) == ("19871026", "19871107")
    (xxxix,) = [e for e in events if e["UID"] == "ccamlr-commission-39@planner"]
    assert "LOCATION" not in xxxix or "Hobart" not in xxxix["LOCATION"]


# -- Microsoft: the earlier of six months after the fiscal year or fifteen months -----------------

MSFT = "microsoft-agm"


def test_microsoft_annual_meetings_within_six_months_of_june_and_fifteen_months_apart():
    """RCW 23B.07.030(1)(a): within the earlier of six months after the fiscal year's end (30
    June) or fifteen months after the last annual meeting. By hand, as of 2025-11-01: each
    July-December from 2012 met (28 November 2012 ... 10 December 2024); each gap between two
    meetings met (the longest, 2013-11-19 to 2014-12-03, 379 days); the gap after 10 December
    2024 open (due by 10 March 2026) and July-December 2025 open (due by 31 December 2025: the
    earlier). Exit 0."""
    out = _check(MSFT, "--today", "2025-11-01")
    rule = _by_rule(out, "agm")[0]
    halves = {label: v for label, v in rule.items() if re.fullmatch(r"\d{4}-07\.\.\d{4}-12", label)}
    assert halves == {f"{y}-07..{y}-12": "met" for y in range(2012, 2025)} | {"2025-07..2025-12": "open"}
    gaps = {label: v for label, v in rule.items() if label not in halves}
    assert set(gaps.values()) == {"met", "open"} and list(gaps.values()).count("open") == 1
    assert out["summary"]["exit_code"] == 0


def test_microsoft_meeting_in_january_keeps_the_gap_but_misses_the_six_months(tmp_path):
    """The earlier limit decides: the 2023 meeting moved from 7 December 2023 to 9 January 2024
    is 392 days after 13 December 2022, within fifteen months (met), but outside July-December
    2023, six months after the fiscal year ended on 30 June 2023: missed. Exit 1."""
    files = _edited(tmp_path, MSFT, {}, rows={"2023-12-07": "2024-01-09"})
    out = _judged(files, "--today", "2025-11-01")
    rule = _by_rule(out, "agm")[0]
    assert rule["2023-07..2023-12"] == "missed"
    assert rule["2022-12-14..2024-03-13"] == "met"
    assert out["summary"]["exit_code"] == 1


_SUNDAY_BOOK = """[organization]
id = "vote"
name = "Voting Republic"
short_name = "VR"
members = [{ name = "France", code = "FR" }]

[[bodies]]
id = "election"
name = "Election"
category = "governing"
host = "fixed"
host_country = "France"
months = [4]
weekdays = ["sun"]

[[bodies.rules]]
kind = "every"
interval = "5y"
"""


def test_a_body_meeting_on_a_weekend_day_named_in_weekdays_is_projected_on_it(tmp_path):
    """`weekdays = ["sun"]` names the day a body meets: an election is held on a Sunday, a day
    of the host's weekend. By hand: five years after 10 April 2022 is April 2027; its Sundays
    are 4, 11, 18 and 25 April, none a French public holiday: projected on 11 April 2027 (the
    Sunday nearest 10 April, searched forward first), no Problem. Before: nothing projected, the
    Problem "no working day there is a Sunday, its meeting day": the weekend was taken from the
    host country whatever the body's weekdays said."""
    (tmp_path / "b.toml").write_text(_SUNDAY_BOOK, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,start,status\nelection,regular,2022-04-10,held\n", encoding="utf-8")
    files = ["--rules", str(tmp_path / "b.toml"), "--meetings", str(tmp_path / "m.csv")]
    out = json.loads(_invoke("project", *files, "--today", "2026-12-01", "--to", "2030", "--format", "json").stdout)
    assert [m["start"] for m in out["meetings"]] == ["2027-04-11"]
    assert out["problems"] == []


def test_french_presidential_election_projected_on_a_sunday_in_april_2027():
    """Electoral Code art. L55: the ballot is on a Sunday (`weekdays = ["sun"]`). `project` to
    2033: April 2027 (five years after 10 April 2022) and April 2032, each on a Sunday; before,
    nothing was projected (three Problems: no working day is a Sunday)."""
    from datetime import date

    projected = _project(FR, "--today", "2026-12-01", "--to", "2033")
    assert [s[:7] for _, s, _ in projected] == ["2027-04", "2032-04"]
    assert all(date.fromisoformat(s).weekday() == 6 for _, s, _ in projected)


# -- Glarus: the Landsgemeinde on the first Sunday in May ----------------------------------------

GL = "glarus-landsgemeinde"


def test_glarus_landsgemeinde_on_its_sunday_the_pandemic_years_excused():
    """The first Sunday in May, from 1989 (the Constitution of 1 May 1988). By hand, as of
    2026-01-15: the nine Landsgemeinden the register takes from the Constitution's amendments
    (3 May 1992 ... 1 May 2005) each on the first Sunday of its May, met; the other years before
    2019 `unknown` (the register is known complete from 2019 only), 21 of them; 2019 met; 2020
    (none) and 2021 (held 5 September, 126 days after 2 May) excused; 2022-2025 met; 3 May 2026
    next. No violation: exit 0."""
    out = _check(GL, "--today", "2026-01-15", "--from", "1989")
    rule = _by_rule(out, "landsgemeinde")[0]
    held = ("1992", "1994", "1995", "1998", "2001", "2002", "2003", "2004", "2005", "2019", "2022", "2023", "2024", "2025")
    assert {label for label, v in rule.items() if v == "met"} == {label for label in rule if label[:4] in held}
    assert [label for label, v in rule.items() if v == "unknown"] == [label for label in rule if label[:4] < "2019" and label[:4] not in held]
    assert (rule["2020-05-03"], rule["2021-05-02"], rule["2026-05-03"]) == ("excused", "excused", "open")
    assert "held Landsgemeinde 2021-09-05 (Glarus), 126 days after, not on the rule's date" in _why(out, "landsgemeinde", 0, "2021-05-02")
    assert out["summary"]["unknown"] == 21 and out["summary"]["exit_code"] == 0


def test_glarus_without_the_recorded_pandemic_2020_is_missed_and_2021_off_date(tmp_path):
    """The rule alone (the `excused` line taken out): by hand, 2020 missed (nothing held) and
    2021 `off_date` (held on 5 September, not on 2 May): two violations, exit 1."""
    files = _edited(tmp_path, GL, {"excused = [{ start = 2020": "# excused = [{ start = 2020"})
    out = _judged(files, "--today", "2026-01-15", "--from", "2019")
    rule = _by_rule(out, "landsgemeinde")[0]
    assert (rule["2020-05-03"], rule["2021-05-02"]) == ("missed", "off_date")
    assert out["summary"]["violations"] == 2 and out["summary"]["exit_code"] == 1


def test_glarus_landsgemeinde_projected_on_its_sundays():
    """`project` to 2027: 3 May 2026 and 2 May 2027, the first Sundays in May, no Problem: the
    body names Sunday among its `weekdays`. Before, nothing was projected: "2026-05-03 is a
    weekend day in Switzerland; the rule fixes the day" (two Problems)."""
    out = json.loads(_invoke("project", *_files(GL), "--today", "2026-01-15", "--to", "2027", "--format", "json").stdout)
    assert [m["start"] for m in out["meetings"]] == ["2026-05-03", "2027-05-02"]
    assert out["problems"] == []
