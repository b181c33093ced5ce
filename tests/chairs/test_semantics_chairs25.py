"""Session 25's chair semantics: `planner chairs` (and `check --chairs`, `project`'s host
column) on real rotations, each worked out by hand from the source text cited in its docstring
and from README ("`planner chairs`", "The rule book": `[chairmanship]`) before running the
planner: the UN Security Council's monthly presidency in English alphabetical order, ASEAN's
yearly alphabetical chair, the Council of the EU's six-month presidencies in the Council's
order, the OSCE's yearly Chairmanship, the G20's presidency from 1 December, the CBSS's yearly
presidency in a fixed order, the Arctic Council's two-year chairmanship passing at Ministerial
meetings, the UNFCCC's COP Presidency (COP 23: Fiji's, held in Bonn), and the African Union's
yearly chair passing at the February Assembly."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

_BOOK = """[organization]
id = "{id}"
name = "{name}"
short_name = "{short}"
timezone = "{tz}"
secretariat = {{ city = "{city}", country = "{country}" }}
members = [
{members}
]

[chairmanship]
term = "{term}"
handover_bodies = {handover}
chair_hosts = {chair_hosts}
consecutive_terms = false
source = "{source}"
{extra}

[[bodies]]
id = "{body}"
name = "{body_name}"
category = "governing"
established = {established}
host = "{host}"
{body_extra}

[[bodies.rules]]
kind = "{rule}"
source = "{source}"
{rule_extra}
"""

_MEETINGS = "body,kind,ordinal,start,end,status,city,country,format,title,source\n"
_CHAIRS = "country,start,end,ordinal,note,source\n"


def _member_lines(members: list[tuple]) -> str:
    """``(name, code)`` or ``(name, code, extra TOML)`` as inline tables."""
    rows = []
    for name, code, *extra in members:
        tail = f", {extra[0]}" if extra else ""
        rows.append(f'  {{ name = "{name}", code = "{code}"{tail} }},')
    return "\n".join(rows)


def _book(tmp_path: Path, members: list[tuple], *, chairs: str, meetings: str = "", **keys: str) -> list[str]:
    values = {
        "id": "org", "name": "Organization", "short": "ORG", "tz": "UTC", "city": "Vienna", "country": "Austria",
        "term": "1y", "handover": "[]", "chair_hosts": "false", "source": "Fixture", "extra": "",
        "body": "council", "body_name": "Council", "established": "1990-01-01", "host": "secretariat",
        "body_extra": "", "rule": "ad_hoc", "rule_extra": "",
    }  # fmt: skip
    values.update(keys)
    (tmp_path / "book.toml").write_text(_BOOK.format(members=_member_lines(members), **values), encoding="utf-8")
    (tmp_path / "meetings.csv").write_text(_MEETINGS + meetings, encoding="utf-8")
    (tmp_path / "chairs.csv").write_text(_CHAIRS + chairs, encoding="utf-8")
    return ["--rules", str(tmp_path / "book.toml"), "--meetings", str(tmp_path / "meetings.csv"), "--chairs", str(tmp_path / "chairs.csv")]


def _run(args: list[str], today: str, *extra: str, command: str = "chairs") -> dict:
    result = CliRunner().invoke(main, [command, *args, "--today", today, "--format", "json", *extra])
    assert result.exit_code in (0, 1), result.output
    out = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def _kinds(out: dict) -> list[tuple[str, str, str]]:
    return [(f["kind"], f["severity"], f["country"]) for f in out["findings"]]


def _months(pairs: list[tuple[str, str]], last_open: bool = True) -> str:
    """Monthly presidencies from ``(country, "YYYY-MM")``, each from the first of its month to
    the first of the next; the last one's end empty where ``last_open``."""
    rows = []
    for i, (country, month) in enumerate(pairs):
        year, mon = map(int, month.split("-"))
        nxt = f"{year + mon // 12}-{mon % 12 + 1:02d}-01"
        end = "" if last_open and i == len(pairs) - 1 else nxt
        rows.append(f"{country},{month}-01,{end},,,x\n")
    return "".join(rows)


# --- The UN Security Council: one calendar month each, English alphabetical order ------------

# Provisional rules of procedure of the Security Council (S/96/Rev.7), rule 18: "The presidency
# of the Security Council shall be held in turn by the members of the Security Council in the
# English alphabetical order of their names. Each President shall hold office for one calendar
# month." Charter art. 23(2): the elected members serve two years from 1 January. Presidencies
# from https://www.un.org/securitycouncil/content/presidency .
_UNSC_SOURCE = "S/96/Rev.7, rule 18"
_P5 = [("China", "CN"), ("France", "FR"), ("Russian Federation", "RU", 'aliases = ["Russia"]'), ("United Kingdom", "GB"), ("United States", "US")]


def _elected(names: list[tuple[str, str]], first_year: int, extra: str = "") -> list[tuple]:
    return [(n, c, f"joined = {first_year}-01-01, left = {first_year + 1}-12-31{extra}") for n, c in names]


_UNSC = [
    *_P5,
    *_elected([("Ecuador", "EC"), ("Japan", "JP"), ("Malta", "MT"), ("Mozambique", "MZ"), ("Switzerland", "CH")], 2023),
    *_elected([("Algeria", "DZ"), ("Guyana", "GY"), ("Republic of Korea", "KR"), ("Sierra Leone", "SL"), ("Slovenia", "SI")], 2024),
    *_elected([("Denmark", "DK"), ("Greece", "GR"), ("Pakistan", "PK"), ("Panama", "PA"), ("Somalia", "SO")], 2025),
]
_UNSC_2024 = [
    ("Ecuador", "2023-12"), ("France", "2024-01"), ("Guyana", "2024-02"), ("Japan", "2024-03"), ("Malta", "2024-04"),
    ("Mozambique", "2024-05"), ("Republic of Korea", "2024-06"), ("Russian Federation", "2024-07"), ("Sierra Leone", "2024-08"),
    ("Slovenia", "2024-09"), ("Switzerland", "2024-10"), ("United Kingdom", "2024-11"), ("United States", "2024-12"),
]  # fmt: skip


def _unsc(tmp_path: Path, chairs: str, members: list[tuple] = _UNSC) -> list[str]:
    return _book(tmp_path, members, chairs=chairs, term="1m", extra='order = "alphabetical"', source=_UNSC_SOURCE, id="unsc", name="Security Council", short="UNSC", city="New York", country="United States")


def test_unsc_2024_in_english_alphabetical_order_and_2025_proposed_among_that_years_members(tmp_path: Path) -> None:
    """The thirteen presidencies from Ecuador (December 2023) to the United States (December
    2024), each a calendar month, as the UN lists them. Members on 2024-01-01: the five
    permanent, the elected of 2023-2024 (Ecuador, Japan, Malta, Mozambique, Switzerland) and
    of 2024-2025 (Algeria, Guyana, Republic of Korea, Sierra Leone, Slovenia). After Ecuador
    (E) the next name is France: Algeria (A) and China (C) wait for the next round. Every term
    in turn, no finding. The United States' term is open (today 2024-12-15); the proposal
    from 2025-01-01 goes round 2025's members (Ecuador, Japan, Malta, Mozambique and
    Switzerland left on 2024-12-31; Denmark, Greece, Pakistan, Panama and Somalia joined):
    after the United States, wrapping, Algeria, China, Denmark, France, Greece, Guyana,
    Pakistan, Panama, Republic of Korea, Russian Federation, Sierra Leone, Slovenia, exactly
    the twelve presidencies the Council held in 2025."""
    out = _run(_unsc(tmp_path, _months(_UNSC_2024)), "2024-12-15", "--to", "2025-12-31")
    assert _kinds(out) == []
    assert [t["length"] for t in out["terms"][:-1]] == ["1 month"] * 12
    assert [(p["country"], p["from"]) for p in out["plan"]] == [
        ("Algeria", "2025-01-01"), ("China", "2025-02-01"), ("Denmark", "2025-03-01"), ("France", "2025-04-01"),
        ("Greece", "2025-05-01"), ("Guyana", "2025-06-01"), ("Pakistan", "2025-07-01"), ("Panama", "2025-08-01"),
        ("Republic of Korea", "2025-09-01"), ("Russian Federation", "2025-10-01"), ("Sierra Leone", "2025-11-01"),
        ("Slovenia", "2025-12-01"),
    ]  # fmt: skip
    assert out["exit"] == 0


def test_unsc_a_register_writing_an_alias_is_ordered_by_the_members_name(tmp_path: Path) -> None:
    """The register writes "Russia" for July 2024 (the rule book's alias of the Russian
    Federation): rule 18 orders by the member's name, "Russian Federation", which comes after
    "Republic of Korea" (June) and before "Sierra Leone" (August) either way. And writing
    "South Korea" (an alias added here) for June: ordered as "Republic of Korea", in turn after
    Mozambique; ordered by the alias (S) it would look out of turn twice (June, and Russia in
    July after it). No finding; the terms' `member` is the member's name."""
    members = [m if m[0] != "Republic of Korea" else (*m[:2], m[2] + ', aliases = ["South Korea"]') for m in _UNSC]
    pairs = [("South Korea" if c == "Republic of Korea" else "Russia" if c == "Russian Federation" else c, m) for c, m in _UNSC_2024]
    out = _run(_unsc(tmp_path, _months(pairs), members), "2024-12-15")
    assert _kinds(out) == []
    assert [t["member"] for t in out["terms"][6:8]] == ["Republic of Korea", "Russian Federation"]


def test_unsc_a_president_out_of_alphabetical_order_is_a_note_naming_the_one_the_rule_gives(tmp_path: Path) -> None:
    """A register that swaps Guyana and Japan (Japan February 2024, Guyana March): after France
    the rule gives Guyana (G before J), so Japan is out of turn; after Japan it gives Malta, so
    Guyana is too; Malta after Guyana: the rule gives Japan (each term is judged against the
    one before it, not against a turn held early): three notes, never a violation (README: a
    rotation is changed by decisions a register does not record). Exit 0."""
    pairs = list(_UNSC_2024)
    pairs[2], pairs[3] = ("Japan", "2024-02"), ("Guyana", "2024-03")
    out = _run(_unsc(tmp_path, _months(pairs)), "2024-12-15")
    assert _kinds(out) == [("out_of_turn", "note", "Japan"), ("out_of_turn", "note", "Guyana"), ("out_of_turn", "note", "Malta")]
    assert out["findings"][0]["message"].endswith("after France the rotation (alphabetical order) gives Guyana.")
    assert out["exit"] == 0


def test_unsc_a_register_giving_each_presidencys_last_day_reads_calendar_months(tmp_path: Path) -> None:
    """The same presidencies written with their last day (France 2024-01-01 to 2024-01-31,
    Guyana 2024-02-01 to 2024-02-29: 2024 is a leap year, ...): README "Chair terms": where every
    term dated to the day begins the day after the one before ends, each length runs to the day
    after its end: every term exactly "1 month" (February's 29 days too), no gap of a day
    between two presidencies, no handover away from a meeting (there are no handover bodies),
    nothing too long. Exit 0."""
    rows = "Ecuador,2023-12-01,2023-12-31,,,x\nFrance,2024-01-01,2024-01-31,,,x\nGuyana,2024-02-01,2024-02-29,,,x\nJapan,2024-03-01,2024-03-31,,,x\nMalta,2024-04-01,2024-04-30,,,x\nMozambique,2024-05-01,,,,x\n"
    out = _run(_unsc(tmp_path, rows), "2024-05-20")
    assert _kinds(out) == []
    assert [t["length"] for t in out["terms"][:5]] == ["1 month"] * 5
    assert [t["length_days"] for t in out["terms"][:5]] == [31, 31, 29, 31, 30]


# --- ASEAN: one year each, alphabetical order of the English names ---------------------------

# ASEAN Charter (2007), art. 31(1): "The Chairmanship of ASEAN shall rotate annually, based on the
# alphabetical order of the English names of Member States." Chairs from
# https://asean.org/ (2020 Viet Nam ... 2025 Malaysia; 2026 the Philippines, Myanmar passed
# over). Timor-Leste was admitted as the eleventh member at the 47th Summit, Kuala Lumpur,
# 26 October 2025.
_ASEAN = [
    ("Brunei Darussalam", "BN"), ("Cambodia", "KH"), ("Indonesia", "ID"), ("Lao PDR", "LA"), ("Malaysia", "MY"),
    ("Myanmar", "MM"), ("Philippines", "PH"), ("Singapore", "SG"), ("Thailand", "TH"),
    ("Timor-Leste", "TL", "joined = 2025-10-26"), ("Viet Nam", "VN"),
]  # fmt: skip
_ASEAN_CHAIRS = "".join(
    f"{c},{y}-01-01,{'' if y == 2026 else f'{y + 1}-01-01'},,,x\n"
    for c, y in [("Viet Nam", 2020), ("Brunei Darussalam", 2021), ("Cambodia", 2022), ("Indonesia", 2023), ("Lao PDR", 2024), ("Malaysia", 2025), ("Philippines", 2026)]
)


def _asean(tmp_path: Path, chairs: str = _ASEAN_CHAIRS, members: list[tuple] = _ASEAN) -> list[str]:
    return _book(tmp_path, members, chairs=chairs, extra='order = "alphabetical"', source="ASEAN Charter, art. 31(1)", id="asean", name="ASEAN", short="ASEAN", city="Jakarta", country="Indonesia")


def test_asean_a_member_admitted_mid_rotation_takes_its_alphabetical_place(tmp_path: Path) -> None:
    """After the Philippines (2026, in place of Myanmar: out of turn, a note naming Myanmar)
    the Charter's order among the members of each 1 January gives Singapore (2027), Thailand
    (2028), then Timor-Leste (2029: "Ti" after "Th", a member since 2025-10-26), Viet Nam
    (2030), Brunei Darussalam (2031). Without Timor-Leste's admission Viet Nam would follow
    Thailand. Exit 0: the note is all."""
    out = _run(_asean(tmp_path), "2026-06-01", "--to", "2031-12-31")
    assert _kinds(out) == [("out_of_turn", "note", "Philippines")]
    assert out["findings"][0]["message"].endswith("after Malaysia the rotation (alphabetical order) gives Myanmar.")
    assert [(p["country"], p["from"]) for p in out["plan"]] == [
        ("Singapore", "2027-01-01"), ("Thailand", "2028-01-01"), ("Timor-Leste", "2029-01-01"),
        ("Viet Nam", "2030-01-01"), ("Brunei Darussalam", "2031-01-01"),
    ]  # fmt: skip
    assert out["exit"] == 0


def test_asean_the_rotation_goes_on_from_the_chair_who_took_the_turn_not_from_the_one_passed_over(tmp_path: Path) -> None:
    """2006: the Philippines chaired in place of Myanmar (Myanmar relinquished its turn, July
    2005). The register 2005 Malaysia, 2006 Philippines, 2007 Singapore (calendar years here, a
    fixture's simplification: the chair then passed in mid-year). The Philippines is out of
    turn (after Malaysia the order gives Myanmar); Singapore after the Philippines is in turn:
    the order goes on from the chair before it, not from Myanmar. One note, exit 0."""
    chairs = "Malaysia,2005-01-01,2006-01-01,,,x\nPhilippines,2006-01-01,2007-01-01,,,x\nSingapore,2007-01-01,,,,x\n"
    members = [m for m in _ASEAN if m[0] != "Timor-Leste"]
    out = _run(_asean(tmp_path, chairs, members), "2007-06-01")
    assert _kinds(out) == [("out_of_turn", "note", "Philippines")]


# --- The Council of the EU: six months each, in the order the Council decides ----------------

# TEU art. 16(9) and Council Decision 2009/908/EU; the order: Council Decision 2007/5/EC (Malta
# January-June 2017, United Kingdom July-December 2017, Estonia January-June 2018, ...) until
# Council Decision (EU) 2016/1316 (OJ L 208, 2.8.2016, p. 42) moved Estonia to July-December 2017
# after the United Kingdom gave up its turn, every later presidency six months earlier: Bulgaria
# January-June 2018, Austria July-December 2018, Romania January-June 2019, Finland July-December
# 2019, Croatia January-June 2020, Germany July-December 2020. The United Kingdom left the Union
# on 31 January 2020 (Withdrawal Agreement, art. 126).
_EU = [
    ("Malta", "MT"), ("United Kingdom", "GB", "left = 2020-01-31"), ("Estonia", "EE"), ("Bulgaria", "BG"), ("Austria", "AT"),
    ("Romania", "RO"), ("Finland", "FI"), ("Croatia", "HR", "joined = 2013-07-01"), ("Germany", "DE"), ("Portugal", "PT"),
]  # fmt: skip


def test_eu_a_member_giving_up_its_turn_leaves_the_listed_order_once_and_the_plan_goes_on(tmp_path: Path) -> None:
    """`order = "listed"` in the 2007/5/EC order (the United Kingdom after Malta; Croatia, which
    joined in 2013, where 2016/1316 placed it, after Finland). Register: Malta 2017-01-01 to
    2017-07-01, Estonia to 2018-01-01, Bulgaria to 2018-07-01, Austria from 2018-07-01 (open),
    today 2018-09-01. Estonia is out of turn: after Malta the listed order gives the United
    Kingdom, still a member in 2017: a note (the Council's decision changed the order; README:
    never a violation). Bulgaria after Estonia and Austria after Bulgaria are in turn. The
    proposal to 2020-12-31: Romania 2019-01-01, Finland 2019-07-01, Croatia 2020-01-01, Germany
    2020-07-01, exactly 2016/1316's. Exit 0."""
    chairs = "Malta,2017-01-01,2017-07-01,,,x\nEstonia,2017-07-01,2018-01-01,,,x\nBulgaria,2018-01-01,2018-07-01,,,x\nAustria,2018-07-01,,,,x\n"
    args = _book(tmp_path, _EU, chairs=chairs, term="6m", extra='order = "listed"', source="TEU art. 16(9); Council Decisions 2007/5/EC, (EU) 2016/1316", id="eu", name="Council of the European Union", short="Council", city="Brussels", country="Belgium")
    out = _run(args, "2018-09-01", "--to", "2020-12-31")
    assert _kinds(out) == [("out_of_turn", "note", "Estonia")]
    assert out["findings"][0]["message"].endswith("after Malta the rotation (order organization.members lists them) gives United Kingdom.")
    assert [(p["country"], p["from"]) for p in out["plan"]] == [("Romania", "2019-01-01"), ("Finland", "2019-07-01"), ("Croatia", "2020-01-01"), ("Germany", "2020-07-01")]
    assert out["exit"] == 0


def test_eu_a_member_that_left_is_passed_by_when_its_listed_turn_comes_round(tmp_path: Path) -> None:
    """The same order, the round come back to Malta: Malta chairs from 2030-07-01 (register,
    open), today 2030-09-01. The listed order after Malta gives the United Kingdom, which left
    on 2020-01-31: passed by; Estonia from 2031-01-01, then Bulgaria from 2031-07-01. A
    register naming the United Kingdom for 2031 instead is a chair that is no member when its
    term begins: a violation (`not_member`, "left 2020-01-31")."""
    args = _book(tmp_path, _EU, chairs="Malta,2030-07-01,,,,x\n", term="6m", extra='order = "listed"', id="eu")
    out = _run(args, "2030-09-01", "--to", "2031-12-31")
    assert [(p["country"], p["from"]) for p in out["plan"]] == [("Estonia", "2031-01-01"), ("Bulgaria", "2031-07-01")]
    args = _book(tmp_path, _EU, chairs="Malta,2030-07-01,2031-01-01,,,x\nUnited Kingdom,2031-01-01,,,,x\n", term="6m", extra='order = "listed"', id="eu")
    out = _run(args, "2031-03-01")
    assert ("not_member", "violation", "United Kingdom") in _kinds(out)
    (msg,) = [f["message"] for f in out["findings"] if f["kind"] == "not_member"]
    assert msg.endswith("was not a member when its term began (left 2020-01-31).")
    assert out["exit"] == 1


# --- The UNFCCC: the COP Presidency passes at each session's opening -------------------------

# UNFCCC draft rules of procedure applied (FCCC/CP/1996/2), rule 22: the President is elected at
# the opening of each session; the Presidency rotates among the regional groups, and the
# incoming Presidency hosts the session, but COP 23 (6-17 November 2017), under the Presidency
# of Fiji, was held at the secretariat's seat in Bonn, Germany (https://unfccc.int/event/cop-23).
def _cop(tmp_path: Path, cop23_country: str, cop23_city: str) -> list[str]:
    members = [("Morocco", "MA"), ("Fiji", "FJ"), ("Poland", "PL"), ("Germany", "DE")]
    meetings = (
        "cop,regular,22,2016-11-07,2016-11-18,held,Marrakech,Morocco,,COP 22,https://unfccc.int/event/cop-22\n"
        f"cop,regular,23,2017-11-06,2017-11-17,held,{cop23_city},{cop23_country},,COP 23,https://unfccc.int/event/cop-23\n"
        "cop,regular,24,2018-12-02,2018-12-14,held,Katowice,Poland,,COP 24,https://unfccc.int/event/cop-24\n"
    )
    chairs = "Morocco,2016-11-07,2017-11-06,22,,x\nFiji,2017-11-06,2018-12-02,23,,x\nPoland,2018-12-02,,24,,x\n"
    return _book(
        tmp_path, members, chairs=chairs, meetings=meetings, term="1y", handover='["cop"]', chair_hosts="true",
        extra='tolerance = "1m"\nhandover_host = "incoming"', body="cop", body_name="Conference of the Parties", host="chair",
        rule="every", rule_extra='interval = "1y"', source="UNFCCC art. 7(4); FCCC/CP/1996/2, rule 22", id="unfccc", name="UNFCCC", short="UNFCCC", city="Bonn", country="Germany",
    )  # fmt: skip


def test_cop23_a_presidency_holding_its_session_abroad_is_no_finding_but_at_the_outgoing_chairs_home_it_is_a_note(tmp_path: Path) -> None:
    """Fiji's Presidency held COP 23 in Bonn: the handover meeting (the incoming chair hosts
    it, `handover_host = "incoming"`) is in a third country, not the outgoing Morocco's: README
    makes a note only of a handover meeting held in the country of the chair `handover_host`
    does not name. Fiji's term 2017-11-06 to 2018-12-02 is 1 year 26 days, within the rule's 1
    year and the tolerance of 1 month. No finding, exit 0. Had the register put COP 23 in
    Marrakech (Morocco), the outgoing chair's country: one `handover_host` note on Fiji."""
    out = _run(_cop(tmp_path, "Germany", "Bonn"), "2019-01-01")
    assert _kinds(out) == []
    assert [t["length"] for t in out["terms"][:2]] == ["11 months 30 days", "1 year 26 days"]
    out = _run(_cop(tmp_path, "Morocco", "Marrakech"), "2019-01-01")
    assert _kinds(out) == [("handover_host", "note", "Fiji")]


# --- A chair that leaves the organization during its term -----------------------------------

# The Lake Commission of session 22 (tests/chairs/test_semantics_chairs22.py): a two-year
# chair passing at each Assembly (complete records), the outgoing chair hosting it, a yearly
# Board hosted by the chair. README: a member's `left` is the last day it is a member, and a
# register's chair outside its membership is a finding; the chair passes at a handover meeting.
_LAKE = [("Austria", "AT", "left = 2021-03-15"), ("Belgium", "BE"), ("Chile", "CL"), ("Denmark", "DK")]
_LAKE_KEYS = {
    "term": "2y", "handover": '["assembly"]', "chair_hosts": "true", "body": "assembly", "body_name": "Assembly",
    "established": "2010-01-01", "host": "chair", "rule": "every", "rule_extra": 'interval = "2y"', "source": "Statute, art. 7",
    "id": "lake", "name": "Lake Commission", "short": "LC",
}  # fmt: skip
_BOARD = """
[[bodies]]
id = "board"
name = "Board"
category = "working"
established = 2010-01-01
host = "chair"

[[bodies.rules]]
kind = "every"
interval = "1y"
source = "Statute, art. 9"
"""


def _lake(tmp_path: Path, chairs: str, meetings: str, members: list[tuple] = _LAKE) -> list[str]:
    args = _book(tmp_path, members, chairs=chairs, meetings=meetings, **_LAKE_KEYS)
    book = tmp_path / "book.toml"
    book.write_text(book.read_text(encoding="utf-8") + _BOARD, encoding="utf-8")
    return args


_ASSEMBLIES = "assembly,regular,1,2020-06-01,2020-06-01,held,Vienna,Austria,,Assembly,x\nassembly,regular,2,2022-06-01,2022-06-01,held,Brussels,Belgium,,Assembly,x\n"


def test_a_chair_that_leaves_the_organization_passes_the_chair_at_no_meeting_a_note_not_a_violation(tmp_path: Path) -> None:
    """Austria chairs from the Assembly of 2020-06-01 and leaves the Commission on 2021-03-15
    (its `left`); Belgium completes the term to the Assembly of 2022-06-01; Chile from then.
    No Assembly is within 7 days of 2021-03-15. The rule passes the chair at an Assembly, but a
    chair that is no member cannot keep it: every register either hands over away from an
    Assembly or has Austria chair after it left (itself a violation, `not_member`). So the
    register that ends Austria's term on its leaving (2021-03-15, or the day after,
    2021-03-16: its first day as no member) breaks no rule the register could keep: a
    `handover` note saying why, exit 0 (it was a violation, exit 1). Austria ending on
    2021-03-20 chaired five days after it left: that violation stays, and so does the
    handover's (the leaving does not explain a handover five days later). Ending on 2021-03-14,
    before it left, is a handover the leaving does not force: a violation, as before."""
    for end in ("2021-03-15", "2021-03-16"):
        chairs = f"Austria,2020-06-01,{end},,withdrew,x\nBelgium,{end},2022-06-01,,completes the term,x\nChile,2022-06-01,,,,x\n"
        out = _run(_lake(tmp_path, chairs, _ASSEMBLIES), "2023-01-01")
        assert _kinds(out) == [("handover", "note", "Belgium")], end
        assert out["findings"][0]["message"] == (
            f"Handover Austria → Belgium on {end} is not at a meeting of a handover body (none within 7 days in the register):"
            " Austria left the organization on 2021-03-15, and a chair that no longer takes part passes the chair on then."
        )
        assert out["exit"] == 0
    chairs = "Austria,2020-06-01,2021-03-20,,,x\nBelgium,2021-03-20,2022-06-01,,,x\nChile,2022-06-01,,,,x\n"
    out = _run(_lake(tmp_path, chairs, _ASSEMBLIES), "2023-01-01")
    assert _kinds(out) == [("not_member", "violation", "Austria"), ("handover", "violation", "Belgium")]
    chairs = "Austria,2020-06-01,2021-03-14,,,x\nBelgium,2021-03-14,2022-06-01,,,x\nChile,2022-06-01,,,,x\n"
    assert _kinds(_run(_lake(tmp_path, chairs, _ASSEMBLIES), "2023-01-01")) == [("handover", "violation", "Belgium")]


def test_a_chair_suspended_during_its_term_passes_the_chair_on_the_day_its_suspension_begins(tmp_path: Path) -> None:
    """Austria is suspended from 2021-03-15 (`suspended`, "dues unpaid"; README: a suspended
    member takes no part without having left). The register ends its term that day, Belgium
    completing it: the handover at no Assembly is forced by the suspension, a note; ended the
    day before (its last day taking part, 2021-03-14), the same. Ended on 2021-03-10, five days
    before the suspension: a violation, as any handover away from an Assembly."""
    members = [("Austria", "AT", 'suspended = [{ start = 2021-03-15, reason = "dues unpaid" }]'), *_LAKE[1:]]
    for end in ("2021-03-15", "2021-03-14"):
        chairs = f"Austria,2020-06-01,{end},,,x\nBelgium,{end},2022-06-01,,,x\nChile,2022-06-01,,,,x\n"
        out = _run(_lake(tmp_path, chairs, _ASSEMBLIES, members), "2023-01-01")
        assert _kinds(out) == [("handover", "note", "Belgium")], end
        assert "Austria was suspended on 2021-03-15 (dues unpaid)" in out["findings"][0]["message"]
    chairs = "Austria,2020-06-01,2021-03-10,,,x\nBelgium,2021-03-10,2022-06-01,,,x\nChile,2022-06-01,,,,x\n"
    assert _kinds(_run(_lake(tmp_path, chairs, _ASSEMBLIES, members), "2023-01-01")) == [("handover", "violation", "Belgium")]


def test_project_gives_no_chair_host_after_the_running_chair_leaves_the_organization(tmp_path: Path) -> None:
    """Austria chairs from the Assembly of 2020-06-01 (register, open) and leaves on
    2021-03-15; today 2021-01-01. The Board (yearly, chair-hosted, last 2020-09-01) is due
    2021-09-01 and the Assembly 2022-06-01, both inside Austria's expected term (to that
    Assembly), both after it leaves. A chair that is no member hosts nothing: both are "chair
    to be decided" (`project` said Austria for both). A Board due before the leaving (the
    register's last Board 2020-02-01: due 2021-02-01, a Monday) is still Austria's."""
    meetings = "assembly,regular,1,2020-06-01,2020-06-01,held,Vienna,Austria,,Assembly,x\nboard,regular,1,2020-09-01,2020-09-01,held,Vienna,Austria,,Board,x\n"
    args = _lake(tmp_path, "Austria,2020-06-01,,,,x\n", meetings)
    out = _run(args, "2021-01-01", "--to", "2022-12-31", command="project")
    hosts = [(m["body"], m["start"], m["host"]) for m in out["meetings"] if m["status"] == "projected"]
    assert hosts[:2] == [("board", "2021-09-01", "chair to be decided"), ("assembly", "2022-06-01", "chair to be decided")], hosts
    text = CliRunner().invoke(main, ["project", *args, "--today", "2021-01-01", "--to", "2022-12-31"]).stdout
    assert "Austria  " not in text and text.count("chair to be decided") == 3, text
    meetings = meetings.replace("2020-09-01,2020-09-01", "2020-02-01,2020-02-01")
    out = _run(_lake(tmp_path, "Austria,2020-06-01,,,,x\n", meetings), "2021-01-01", "--to", "2021-12-31", command="project")
    assert [(m["body"], m["start"], m["host"]) for m in out["meetings"] if m["status"] == "projected"][0] == ("board", "2021-02-01", "Austria")


def test_a_running_chair_that_will_leave_is_expected_to_pass_the_chair_when_it_goes_and_a_plan_follows_from_then(tmp_path: Path) -> None:
    """The same: Austria chairs from the Assembly of 2020-06-01 (open) and leaves on
    2021-03-15; today 2021-01-01. Its running term was expected to end at the Assembly of
    2022-06-01, "after it leaves the organization" (a note), and a plan's first chair began
    there, leaving 2021-03-16 to 2022-06-01 to a chair that is no member. A chair that is no
    member cannot keep the chair: the term is expected to end on 2021-03-16, the day after
    its `left`, at no meeting (a note says so; exit 0). `--plan "Belgium, Chile"`: Belgium
    from 2021-03-16 completes the term to the Assembly of 2022-06-01 (the first Assembly from
    7 days before its 2 years run out is past them, so the last before: the rule's
    `expected_close`, README: "else the last before"), 1 year 2 months 16 days; Chile from
    that Assembly to the next, projected 2 years on, 2024-06-01, a Saturday, moved to Friday
    2024-05-31. `project --plan` then gives the Board of 2021-09-01 and the Assembly of
    2022-06-01 (the outgoing chair hosts the handover meeting) to Belgium, the Board of
    2022-09-01 to Chile."""
    meetings = "assembly,regular,1,2020-06-01,2020-06-01,held,Vienna,Austria,,Assembly,x\nboard,regular,1,2020-09-01,2020-09-01,held,Vienna,Austria,,Board,x\n"
    args = _lake(tmp_path, "Austria,2020-06-01,,,,x\n", meetings)
    out = _run(args, "2021-01-01")
    assert (out["terms"][0]["to"], _kinds(out)) == ("2021-03-16", [("not_member", "note", "Austria")])
    assert out["findings"][0]["message"] == "Austria's running term is expected to end on 2021-03-16, when it leaves the organization (2021-03-15), at no meeting: the chair passes then."
    out = _run(args, "2021-01-01", "--to", "2024-12-31", "--plan", "Belgium, Chile")
    assert [(p["country"], p["from"], p["to"], p["length"]) for p in out["plan"]] == [
        ("Belgium", "2021-03-16", "2022-06-01", "1 year 2 months 16 days"),
        ("Chile", "2022-06-01", "2024-05-31", "1 year 11 months 30 days"),
    ]
    assert out["exit"] == 0
    out = _run(args, "2021-01-01", "--to", "2022-12-31", "--plan", "Belgium, Chile", command="project")
    assert [(m["body"], m["start"], m["host"]) for m in out["meetings"]] == [("board", "2021-09-01", "Belgium"), ("assembly", "2022-06-01", "Belgium"), ("board", "2022-09-01", "Chile")]


# --- The member list a chair register is read against ---------------------------------------


def test_init_members_a_known_country_given_another_code_is_refused_in_the_options_one_form(tmp_path: Path) -> None:
    """`planner init --members "Austria=XX"`: Austria is a country the holidays package knows,
    whose ISO 3166-1 code is AT; XX (or DE, Germany's) would give its public holidays from no
    country or another, and a chair register's "AT" would name no member. Accepted before this
    session; refused by the hostile pass of the same session (its wording kept here). A member
    given twice ("Austria, Austria", or "Österreich=AT" beside "Austria") was "Invalid value for
    --members: the rule book made from it would not validate: organization.members[1].code:
    duplicate member code" in click's form, where every other --members problem reads "error:
    --members: ...": now that form, naming both. Lowercase codes are read in capitals."""
    for members, line in [
        ("Austria=XX", "error: --members: 'Austria=XX': Austria is AT in ISO 3166, not XX; expected Austria=AT, or Austria alone"),
        ("Austria=DE", "error: --members: 'Austria=DE': Austria is AT in ISO 3166, not DE; expected Austria=AT, or Austria alone"),
        ("Austria, Austria", "error: --members: 'Austria' is given twice; expected each member once"),
        ("Austria, Österreich=AT", "error: --members: 'Österreich' has the code of 'Austria' (AT); expected each member once"),
        ("Austria=AUT", "error: --members: 'Austria=AUT': 'AUT' is not a two-letter ISO 3166 code; expected Name=XX, e.g. Austria=AT"),
    ]:
        result = CliRunner().invoke(main, ["init", str(tmp_path / "org"), "--members", members, "--today", "2026-01-01"])
        assert (result.exit_code, result.stderr) == (2, line + "\n"), members
        assert not (tmp_path / "org").exists()
    result = CliRunner().invoke(main, ["init", str(tmp_path / "org"), "--members", "Austria=at, Faroe Islands=FO", "--today", "2026-01-01", "-q"])
    assert result.exit_code == 0, result.output
    assert 'code = "AT"' in (tmp_path / "org" / "rules.toml").read_text(encoding="utf-8")


def test_a_member_code_given_twice_in_a_rule_book_is_one_line_naming_both_members(tmp_path: Path) -> None:
    """A rule book whose members Austria and Belgium both have code "AT" (a copy-paste slip):
    a chair register's "AT" would mean either. It was two lines for one mistake, "duplicate
    member code (got 'AT')" at members[1].code and "name, code or alias 'at' is used by both
    'Austria' and 'Belgium'" at members[1]. Now one: at members[1].code, naming members[0]
    (Austria). An alias "AT" of a third member (Chile) is another mistake, its own line."""
    members = [("Austria", "AT"), ("Belgium", "AT"), ("Chile", "CL")]
    args = _book(tmp_path, members, chairs="")
    result = CliRunner().invoke(main, ["validate", *args[:2]])
    book = args[1]
    assert (result.exit_code, result.stderr) == (2, f"error: {book}: organization.members[1].code: duplicate member code (got 'AT'; expected a code of its own: organization.members[0] ('Austria') has it)\n")
    args = _book(tmp_path, [*members[:2], ("Chile", "CL", 'aliases = ["AT"]')], chairs="")
    result = CliRunner().invoke(main, ["validate", *args[:2]])
    assert result.stderr.splitlines()[1] == f"error: {book}: organization.members[2]: name, code or alias 'at' is used by both 'Austria' and 'Chile' (expected each member named apart)"
    assert len(result.stderr.splitlines()) == 2


def test_terms_dated_to_the_month_that_meet_at_one_value_are_one_handover_not_perhaps_a_gap(tmp_path: Path) -> None:
    """The UN lists presidencies by month ("France, January 2024"), and a register may write
    them so: France 2024-01 to 2024-02, Guyana 2024-02 to 2024-03, Japan 2024-03 to 2024-04,
    Malta from 2024-04; today 2024-04-15. README: `end` is the day the chair was handed
    over, the next term's `start`; one value written for both is the register's one handover,
    on a day of that month it does not give. It was also "perhaps a gap or an overlap" between
    each two (three notes), as if France's end and Guyana's start were two days of February
    unrelated to each other; the handover itself was already read as one (no second handover
    finding). Now no such note. Each term's own length is still unknown to the day: begun on
    1 January and handed over on 29 February, France's would be 1 month 28 days, so each of
    the three closed terms stays "perhaps longer than the rule's term of 1 month" (a note). A
    different month on either side (France to 2024-02, Guyana from 2024-03) is perhaps a gap:
    not certainly, as a register may give the last day chaired (README "Chair terms": France to
    2024-02-29, Guyana from 2024-03-01, no day between), a note, as before."""
    rows = "France,2024-01,2024-02,,,x\nGuyana,2024-02,2024-03,,,x\nJapan,2024-03,2024-04,,,x\nMalta,2024-04,,,,x\n"
    out = _run(_unsc(tmp_path, rows), "2024-04-15")
    assert _kinds(out) == [("long_term", "note", "France"), ("long_term", "note", "Guyana"), ("long_term", "note", "Japan")]
    assert out["terms"][0]["length"] == "1 day to 1 month 28 days"
    out = _run(_unsc(tmp_path, "France,2024-01,2024-02,,,x\nGuyana,2024-03,,,,x\n"), "2024-04-15")
    assert ("gap", "note", "Guyana") in _kinds(out)


def test_the_feed_says_the_host_is_to_be_decided_after_the_running_chair_leaves(tmp_path: Path) -> None:
    """`ics --out -` for the same organization (Austria chairing, leaving on 2021-03-15; today
    2021-01-01): the feed's Board of 2021-09-01 says "Host: chair to be decided" in its
    DESCRIPTION (README `planner ics`: the host still to decide of a projected meeting with no
    place, as `project` says it), not Austria, and has no LOCATION in Austria."""
    meetings = "assembly,regular,1,2020-06-01,2020-06-01,held,Vienna,Austria,,Assembly,x\nboard,regular,1,2020-09-01,2020-09-01,held,Vienna,Austria,,Board,x\n"
    args = _lake(tmp_path, "Austria,2020-06-01,,,,x\n", meetings)
    result = CliRunner().invoke(main, ["ics", *args, "--today", "2021-01-01", "--to", "2021-12-31", "--out", "-"])
    assert result.exit_code == 0, result.output
    feed = result.stdout.replace("\r\n", "\n").replace("\n ", "")  # (unfolded)
    (board,) = [e for e in feed.split("BEGIN:VEVENT")[1:] if "DTSTART;VALUE=DATE:20210901" in e]
    assert "Host: chair to be decided" in board
    assert "LOCATION:" not in board or "Austria" not in board.split("LOCATION:", 1)[1].split("\n", 1)[0]


# --- The OSCE: a Chairmanship of one calendar year, its Ministerial Council in December ------

# Rules of Procedure of the OSCE (MC.DOC/1/06), IV.1(B): "The Chairmanship shall be exercised for
# one calendar year by a participating State designated as such by a decision of the Ministerial
# Council"; the Ministerial Council meets once a year towards the end of each Chairmanship, in
# the country holding it: Stockholm 2-3 December 2021, Łódź 1-2 December 2022, Skopje 30 November
# - 1 December 2023, Malta 5-6 December 2024 (https://www.osce.org/ministerial-councils).
_OSCE = [("Sweden", "SE"), ("Poland", "PL"), ("North Macedonia", "MK"), ("Malta", "MT"), ("Finland", "FI"), ("Switzerland", "CH"), ("Austria", "AT")]
_OSCE_CHAIRS = "Sweden,2021-01-01,2022-01-01,,,x\nPoland,2022-01-01,2023-01-01,,,x\nNorth Macedonia,2023-01-01,2024-01-01,,,x\nMalta,2024-01-01,2025-01-01,,,x\nFinland,2025-01-01,,,,x\n"
_OSCE_MC = (
    "mc,regular,28,2021-12-02,2021-12-03,held,Stockholm,Sweden,,28th Ministerial Council,https://www.osce.org/mc/2021\n"
    "mc,regular,29,2022-12-01,2022-12-02,held,Łódź,Poland,,29th Ministerial Council,https://www.osce.org/mc/2022\n"
    "mc,regular,30,2023-11-30,2023-12-01,held,Skopje,North Macedonia,,30th Ministerial Council,https://www.osce.org/mc/2023\n"
    "mc,regular,31,2024-12-05,2024-12-06,held,Valletta,Malta,,31st Ministerial Council,https://www.osce.org/mc/2024\n"
)


def _osce(tmp_path: Path) -> list[str]:
    return _book(
        tmp_path, _OSCE, chairs=_OSCE_CHAIRS, meetings=_OSCE_MC, chair_hosts="true", body="mc", body_name="Ministerial Council",
        established="1991-01-01", host="chair", body_extra="duration_days = 2\nmonths = [12]", rule="every", rule_extra='interval = "1y"',
        source="Rules of Procedure of the OSCE (MC.DOC/1/06), IV.1(B)", id="osce", name="OSCE", short="OSCE", city="Vienna", country="Austria",
    )  # fmt: skip


def test_osce_each_ministerial_council_is_hosted_by_the_chair_of_its_calendar_year(tmp_path: Path) -> None:
    """A Chairmanship by calendar year (`handover_bodies = []`, 1 January to 1 January), the
    Council hosted by the chair (`chair_hosts`). The register's four Councils fall in the
    terms of Sweden, Poland, North Macedonia and Malta, each hosted in its own chair's country:
    each term lists its own, no finding. As of 2025-06-01 Finland chairs (open); the Council
    due about a year after Malta's, in December 2025, is Finland's to host (`project`: host
    Finland); the one of December 2026 falls after Finland's term runs out on 2026-01-01:
    "chair to be decided" without a plan, Switzerland's with `--plan Switzerland` (agreed at
    the Valletta Council for 2026)."""
    args = _osce(tmp_path)
    out = _run(args, "2025-06-01")
    assert _kinds(out) == []
    assert [(t["country"], [m["start"] for m in t["hosted"]]) for t in out["terms"][:4]] == [
        ("Sweden", ["2021-12-02"]), ("Poland", ["2022-12-01"]), ("North Macedonia", ["2023-11-30"]), ("Malta", ["2024-12-05"]),
    ]  # fmt: skip
    out = _run(args, "2025-06-01", "--to", "2026-12-31", command="project")
    assert [(m["start"][:7], m["host"]) for m in out["meetings"]] == [("2025-12", "Finland"), ("2026-12", "chair to be decided")]
    out = _run(args, "2025-06-01", "--to", "2026-12-31", "--plan", "Switzerland", command="project")
    assert [(m["start"][:7], m["host"]) for m in out["meetings"]] == [("2025-12", "Finland"), ("2026-12", "Switzerland")]


def test_asean_a_member_the_book_records_as_suspended_is_passed_by_and_the_next_is_in_turn(tmp_path: Path) -> None:
    """ASEAN has kept Myanmar's junta from its Summits since October 2021 (the 38th and 39th
    Summits' "non-political representation"), and in 2026 the chair passed it by. A rule book
    that records this as a suspension of Myanmar from 2021-10-26 (`suspended`, open; README: a
    suspended member takes no part and the rotation passes it by, keeping its place) makes
    the Philippines' 2026 term in turn: after Malaysia, among the members taking part on
    2026-01-01, the Charter's order gives the Philippines. No finding (the `out_of_turn` note
    of the book without the suspension goes). The proposal after Viet Nam wraps round past
    Myanmar again while it stays suspended: to 2033-12-31, Singapore, Thailand, Timor-Leste,
    Viet Nam, Brunei Darussalam, Cambodia, Indonesia (2033)."""
    members = [(*m, 'suspended = [{ start = 2021-10-26, reason = "non-political representation at Summits" }]') if m[0] == "Myanmar" else m for m in _ASEAN]
    out = _run(_asean(tmp_path, members=members), "2026-06-01", "--to", "2033-12-31")
    assert _kinds(out) == []
    assert [p["country"] for p in out["plan"]] == ["Singapore", "Thailand", "Timor-Leste", "Viet Nam", "Brunei Darussalam", "Cambodia", "Indonesia"]


# --- The G20: a presidency from 1 December, its Leaders' Summit hosted by the presidency ---

# The G20 has no charter; its presidency rotates yearly, from 1 December to 30 November
# (https://g20.org/about-the-g20/), and the presidency hosts the Leaders' Summit: Rio de Janeiro
# 18-19 November 2024 (Brazil), Johannesburg 22-23 November 2025 (South Africa). The United
# States holds the 2026 presidency from 1 December 2025.
_G20 = [("Brazil", "BR"), ("South Africa", "ZA"), ("United States", "US"), ("United Kingdom", "GB")]


def _g20(tmp_path: Path) -> list[str]:
    chairs = "Brazil,2023-12-01,2024-12-01,,,x\nSouth Africa,2024-12-01,2025-12-01,,,x\nUnited States,2025-12-01,,,,x\n"
    meetings = (
        "summit,regular,19,2024-11-18,2024-11-19,held,Rio de Janeiro,Brazil,,G20 Rio de Janeiro Summit,https://g20.org\n"
        "summit,regular,20,2025-11-22,2025-11-23,held,Johannesburg,South Africa,,G20 Johannesburg Summit,https://g20.org\n"
    )
    return _book(
        tmp_path, _G20, chairs=chairs, meetings=meetings, chair_hosts="true", body="summit", body_name="G20 Leaders' Summit",
        established="2008-11-14", host="chair", source="G20 practice: presidency 1 December to 30 November", id="g20", name="Group of Twenty", short="G20",
        city="Washington", country="United States",
    )  # fmt: skip


def test_g20_each_presidency_hosts_its_summit_and_check_counts_no_chair_violation(tmp_path: Path) -> None:
    """Brazil's presidency (2023-12-01 to 2024-12-01) hosts the Rio Summit, South Africa's
    (2024-12-01 to 2025-12-01: 1 year, exactly the rule) the Johannesburg one; the United
    States chairs from 2025-12-01 (open), today 2026-01-15: 1 month 14 days so far. No
    finding. `chairs --country "South Africa"` lists its one term and the Summit it hosted.
    `check --chairs` (the Summit's cadence is ad hoc: nothing to judge) exits 0, its JSON
    summary saying 0 chair violations."""
    args = _g20(tmp_path)
    out = _run(args, "2026-01-15")
    assert _kinds(out) == [] and out["terms"][2]["length"] == "1 month 14 days so far"
    out = _run(args, "2026-01-15", "--country", "South Africa")
    assert [(t["country"], t["length"], [m["start"] for m in t["hosted"]]) for t in out["terms"]] == [("South Africa", "1 year", ["2025-11-22"])]
    out = _run(args, "2026-01-15", command="check")
    assert (out["exit"], out["summary"]["chair_violations"]) == (0, 0)


def test_a_rotation_with_no_other_member_taking_part_proposes_no_second_term_in_a_row(tmp_path: Path) -> None:
    """A yearly rotation in alphabetical order from 1 January, no consecutive terms. Members
    Austria, Belgium (suspended from 2020-01-01, open) and Chile (left 2020-06-30). Chile
    chaired 2020 (a violation: it chaired after it left), Austria from 2021-01-01 (open);
    today 2021-06-01, --to 2024-12-31. On 2022-01-01 only Austria takes part: the rule
    (`consecutive_terms = false`) gives no next chair. The proposal was Austria 2022, Austria
    2023, Austria 2024 (three terms breaking the rule the same answer states); now none, and
    a note (`no_next_chair`) naming the day. With Belgium's suspension ended on 2021-12-31,
    Belgium (2022), Austria (2023), Belgium (2024) and no note."""
    members = [("Austria", "AT"), ("Belgium", "BE", 'suspended = [{ start = 2020-01-01, reason = "dues unpaid" }]'), ("Chile", "CL", "left = 2020-06-30")]
    chairs = "Chile,2020-01-01,2021-01-01,,,x\nAustria,2021-01-01,,,,x\n"
    args = _book(tmp_path, members, chairs=chairs, extra='order = "alphabetical"')
    out = _run(args, "2021-06-01", "--to", "2024-12-31")
    assert out["plan"] == []
    assert _kinds(out) == [("not_member", "violation", "Chile"), ("no_next_chair", "note", "Austria")]
    assert out["findings"][1]["message"] == "The rotation gives no chair after Austria from 2022-01-01: no other member takes part then, and the rule allows no consecutive terms (consecutive_terms = false)."
    members[1] = ("Belgium", "BE", 'suspended = [{ start = 2020-01-01, end = 2021-12-31, reason = "dues unpaid" }]')
    out = _run(_book(tmp_path, members, chairs=chairs, extra='order = "alphabetical"'), "2021-06-01", "--to", "2024-12-31")
    assert [p["country"] for p in out["plan"]] == ["Belgium", "Austria", "Belgium"]
    assert [k[0] for k in _kinds(out)] == ["not_member"]


# --- The Kimberley Process: a participant that is an organization chairs ---------------------

# KP Core Document (Interlaken, 2002), section IV: the Chair rotates yearly among the
# Participants, and the European Union is one Participant for its member states. Chairs:
# Australia 2017, the European Union 2018, India 2019, the Russian Federation 2020; Plenaries
# in Brisbane (December 2017), Brussels (12-16 November 2018) and New Delhi (18-22 November
# 2019) (https://www.kimberleyprocess.com/en/chairs).
def test_kimberley_process_an_organization_chair_recorded_as_a_participant_is_no_finding(tmp_path: Path) -> None:
    """The rule book lists the European Union as a member with code "EU" (ISO 3166-1
    exceptionally reserves it for the Union; README: a member's code is its ISO 3166-1
    alpha-2 code). The register's 2018 chair "European Union" is then a member, not the
    `not_member` violation a name outside `organization.members` is; its term is 1 year, and
    its Plenary, in Brussels (Belgium, not a Participant here), is listed in the term it fell
    in. No finding, exit 0; the projected Plenary of November 2020 is the Russian
    Federation's to host. Without the Union in the member list: one `not_member` violation."""
    members = [("Australia", "AU"), ("European Union", "EU"), ("India", "IN"), ("Russian Federation", "RU")]
    chairs = "Australia,2017-01-01,2018-01-01,,,x\nEuropean Union,2018-01-01,2019-01-01,,,x\nIndia,2019-01-01,2020-01-01,,,x\nRussian Federation,2020-01-01,,,,x\n"
    meetings = (
        "plenary,regular,,2017-12-10,2017-12-14,held,Brisbane,Australia,,KP Plenary,x\n"
        "plenary,regular,,2018-11-12,2018-11-16,held,Brussels,Belgium,,KP Plenary,x\n"
        "plenary,regular,,2019-11-18,2019-11-22,held,New Delhi,India,,KP Plenary,x\n"
    )
    keys = {"chair_hosts": "true", "body": "plenary", "body_name": "Plenary", "host": "chair", "body_extra": "months = [11]", "rule": "every", "rule_extra": 'interval = "1y"', "id": "kp", "name": "Kimberley Process", "short": "KP", "city": "Brussels", "country": "Belgium", "source": "KP Core Document, section IV"}
    out = _run(_book(tmp_path, members, chairs=chairs, meetings=meetings, **keys), "2019-12-01", "--to", "2020-12-31")
    assert _kinds(out) == [] and out["exit"] == 0
    assert [(t["country"], t["member"], t["length"], [m["start"] for m in t["statutory"]]) for t in out["terms"][:3]] == [
        ("Australia", "Australia", "1 year", ["2017-12-10"]), ("European Union", "European Union", "1 year", ["2018-11-12"]), ("India", "India", "1 year", ["2019-11-18"]),
    ]  # fmt: skip
    out = _run(_book(tmp_path, members, chairs=chairs, meetings=meetings, **keys), "2019-12-01", "--to", "2020-12-31", command="project")
    assert [(m["start"][:7], m["host"]) for m in out["meetings"]] == [("2020-11", "Russian Federation")]
    out = _run(_book(tmp_path, [m for m in members if m[1] != "EU"], chairs=chairs, meetings=meetings, **keys), "2019-12-01")
    assert _kinds(out) == [("not_member", "violation", "European Union")]
