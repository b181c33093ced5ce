"""A seventeenth audit, of projection: DESIGN.md's "Projection" clause by clause, starting with
what the last pass noticed and left (a meeting on the day after --today that leaves the body
due just before it no day; the empty "why" of a projection read back), then the clauses at
their edges. Every projected date, ordinal, host and reason was worked out by hand first, in
each test's docstring, then compared; and DESIGN's invariant (a register checked with its own
projection finds nothing missed inside the horizon, or a Problem of the projection says why)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.project.test_semantics_audit13_project import COLUMNS, _kept
from tests.semantics.test_semantics_audit5 import _invoke

ROOT = Path(__file__).resolve().parent.parent.parent
_ASTANA = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Astana", country = "Kazakhstan" }\n'
_BERN = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'


def _files(tmp_path: Path, book: str, rows: str) -> list[str]:
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + rows, encoding="utf-8")
    return ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv")]


def _project(paths: list[str], today: str, to: str, *more: str) -> dict:
    return json.loads(_invoke("project", *paths, "--today", today, "--to", to, "--format", "json", *more).stdout)


def _days(out: dict, before: str = "9999") -> list[tuple[str, str, str | None]]:
    return [(m["body"], m["start"], m["end"]) for m in out["meetings"] if m["start"] < before]


def _not_met(report: dict, first: str, last: str) -> list[tuple[str, str, str]]:
    return [(f["body"], f["window"]["label"], f["verdict"]) for f in report["findings"] if f.get("window") and first <= f["window"]["end"] <= last and f["verdict"] not in ("met", "advisory")]


# -- 1. A meeting on the day after --today and the body that meets just before it -----------------

_SUMMIT_SOC = (
    _ASTANA
    + '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\nhost = "secretariat"\nmonths = [10]\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "4y"\n'
    '[[bodies]]\nid = "soc"\nname = "Senior Officials Committee"\ncategory = "working"\nhost = "secretariat"\nbefore = "summit"\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
)
_SUMMIT_SOC_ROWS = (
    "summit,regular,6,2022-10-13,,held,Astana,Kazakhstan\n"
    + "".join(f"soc,regular,,{y}-10-12,,held,Astana,Kazakhstan\n" for y in (2022, 2023, 2024, 2025))
)


def test_a_summit_due_by_the_end_of_the_year_moves_so_the_body_just_before_it_fits(tmp_path):
    """CICA-like: the Summit every four years (rolling), the 6th on 2022-10-13, October
    preferred; the SOC at least once a year, meeting just before the Summit (`before =
    "summit"`), none yet in 2026; both at the Secretariat in Astana (Kazakhstan: Independence
    Day Wed 2026-12-16). As of Mon 2026-12-14, to 2027. By hand: the Summit is due in 2026
    (four years after 2022) and October has passed, so as soon as possible; the SOC is due in
    2026 too. On Tue 12-15, the first day projection may use, the SOC would have to meet on
    Monday 12-14, today: both went on 12-15, one day (DESIGN: "`before` pairs are exactly
    adjacent"; "meetings of different bodies do not share a day unless paired", and a pair is
    two adjacent days). The Summit is not late until 2026-12-31: it takes the first day with a
    working day free before it, Wed 12-16 being a holiday: Thu 12-17, the SOC on Tue 12-15
    (the working day right before it), "at least once a year: 1 of 1 in 2026". 2027: the SOC
    alone, on its history's day, Tue 2027-10-12. Held, nothing in 2026-2027 is missed."""
    paths = _files(tmp_path, _SUMMIT_SOC, _SUMMIT_SOC_ROWS)
    out = _project(paths, "2026-12-14", "2027-12-31")
    assert _days(out) == [("soc", "2026-12-15", None), ("summit", "2026-12-17", None), ("soc", "2027-10-12", None)]
    assert [m["reason"] for m in out["meetings"]] == ["at least once a year: 1 of 1 in 2026", "4 years after the 6th Summit (2022-10-13)", "at least once a year: 1 of 1 in 2027"]
    assert [m["ordinal"] for m in out["meetings"] if m["body"] == "summit"] == [7]
    assert out["problems"] == []
    _, report = _kept(tmp_path, paths, "2026-12-14", "2027-12-31")
    assert _not_met(report, "2026-01-01", "2027-12-31") == []


def test_a_summit_that_met_its_partner_already_this_year_keeps_the_first_day(tmp_path):
    """As above, but the SOC met on 2026-10-12: nothing of the SOC is due in 2026, so no day
    is kept before the Summit, which takes Tue 2026-12-15, the first day after today (the
    previous pass: a partner with nothing due keeps no day)."""
    paths = _files(tmp_path, _SUMMIT_SOC, _SUMMIT_SOC_ROWS + "soc,regular,,2026-10-12,,held,Astana,Kazakhstan\n")
    out = _project(paths, "2026-12-14", "2027-12-31")
    assert _days(out) == [("summit", "2026-12-15", None), ("soc", "2027-10-12", None)]


def test_with_no_day_left_before_the_summit_its_partner_is_a_problem_not_on_the_summits_day(tmp_path):
    """As above, as of Wed 2026-12-30: Thu 12-31 is the one day left in 2026. The Summit takes
    it (DESIGN: a Summit moved into 2027 would be late, a violation; it is not late on 12-31).
    The SOC's only day in 2026 is the Summit's, and on it the SOC no longer meets before the
    Summit: it was projected there silently, both on 12-31. Now nothing is projected for the
    SOC's 2026 and a Problem says so ("nothing was projected for 2026"): a secretariat reads
    that the year's SOC has no day left, and decides (DESIGN: "Where nothing fits, a Problem
    says so; nothing moves silently")."""
    paths = _files(tmp_path, _SUMMIT_SOC, _SUMMIT_SOC_ROWS)
    out = _project(paths, "2026-12-30", "2027-12-31")
    assert _days(out) == [("summit", "2026-12-31", None), ("soc", "2027-10-12", None)]
    assert [(p["body"], p["window"]) for p in out["problems"]] == [("soc", "2026")]
    assert "nothing was projected for 2026" in out["problems"][0]["message"]


_BEFORE_RULE = (
    _BERN
    + '[[bodies]]\nid = "heads"\nname = "Heads of State"\ncategory = "working"\nhost = "secretariat"\nmonths = [7]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "ministers"\nname = "Ministers"\ncategory = "working"\nhost = "secretariat"\nduration_days = 2\n'
    '[[bodies.rules]]\nkind = "before"\nbody = "heads"\noffset = "1m"\n'
)


def test_a_meeting_others_are_due_a_month_before_leaves_them_days_after_today(tmp_path):
    """The SCO's shape (tests/audit/sco-cfm): the Ministers meet, for two days, within a month
    before each meeting of the Heads of State (a `before` rule); the Heads at least once a
    year, July preferred; both at the Secretariat in Bern (3 days between its meetings, the
    default `min_days_between`); the Heads last met 2025-07-10, the Ministers 2025-06-19/20.
    As of Tue 2026-12-01, to 2027. By hand: the Heads are due in 2026, July has passed: as
    soon as possible. On Wed 12-02 their Ministers were due "by 2026-12-01, which is today"
    (a Problem, nothing projected). The Heads are not late until 12-31: the first day whose
    month before holds two working days from tomorrow, ending three days before it (the same
    host): Thu 12-03 and Fri 12-04 leave none (ending by 11-30, 12-01), Mon 12-07 leaves Wed
    12-02 to Fri 12-04. The Ministers' usual day (19 June) is outside that window, so its
    first days: 12-02 and 12-03 ("1 month before the Heads of State of 2026-12-07,
    projected"). 2027: the Heads on their history's day, Fri 2027-07-09 (07-10 is a
    Saturday), the Ministers on Mon 06-21 and Tue 06-22 (19 June is a Saturday). Held,
    nothing is missed in 2026-2027, and no Problem."""
    paths = _files(tmp_path, _BEFORE_RULE, "heads,regular,,2025-07-10,,held,Bern,Switzerland\nministers,regular,,2025-06-19,2025-06-20,held,Bern,Switzerland\n")
    out = _project(paths, "2026-12-01", "2027-12-31")
    assert _days(out) == [
        ("ministers", "2026-12-02", "2026-12-03"), ("heads", "2026-12-07", None),
        ("ministers", "2027-06-21", "2027-06-22"), ("heads", "2027-07-09", None),
    ]  # fmt: skip
    assert out["meetings"][0]["reason"] == "within 1 month before the Heads of State of 2026-12-07, projected"
    assert out["problems"] == []
    _, report = _kept(tmp_path, paths, "2026-12-01", "2027-12-31")
    assert _not_met(report, "2026-01-01", "2027-12-31") == []


def test_the_body_a_pair_follows_is_placed_after_what_its_partner_also_follows():
    """tests/audit/au-executive-council as of 2026-12-01 (its register ends in 2025): the
    Assembly (two days) and the Mid-Year Coordination Meeting (one day) at least once a year,
    the Executive Council (two days) at least twice a year, meeting just before the Assembly
    (`before = "assembly"`) and, customarily, in the week before the MYCM; all in Addis Ababa
    (the Secretariat: 3 days between its meetings). By hand: everything of 2026 is due as soon
    as possible. The Assembly was placed first (Wed-Thu 12-02/03, its Council's days taken to
    be 11-30 and 12-01, before tomorrow; to 2026 only, Mon-Tue 12-07/08, keeping 12-03/04, which
    the MYCM then made too close by taking 12-02), and the Council met after the Assembly: no
    longer before it. The Council follows the MYCM too (its customary rule), so the Assembly is
    now placed after the MYCM: MYCM Wed 12-02; the Council's days three from it: Mon-Tue
    12-07/08, the Assembly right after, Wed-Thu 12-09/10; the Council's second 2026 meeting
    Thu-Fri 12-24/25 (no Ethiopian holiday; Christmas there is 7 January). The same to 2046."""
    book = ROOT / "tests" / "audit" / "au-executive-council.toml"
    paths = ["--rules", str(book), "--meetings", str(book.with_name("au-executive-council-meetings.csv"))]
    for to in ("2026-12-31", "2046-12-31"):
        out = _project(paths, "2026-12-01", to)
        assert [(m["body"], m["start"], m["end"], m["ordinal"]) for m in out["meetings"] if m["start"] < "2027"] == [
            ("myc", "2026-12-02", None, 8), ("ec", "2026-12-07", "2026-12-08", 48),
            ("assembly", "2026-12-09", "2026-12-10", 39), ("ec", "2026-12-24", "2026-12-25", 49),
        ]  # fmt: skip


# -- 2. Every row of a schedule says why it is there ----------------------------------------------


def test_a_projection_read_back_says_why_each_of_its_rows_is_there(tmp_path):
    """The projection of the Summit and SOC book as of 2026-06-30 to 2027 (SOC Mon 2026-10-12,
    Summit Tue 10-13, SOC Tue 2027-10-12), written as CSV and read back as a second register:
    its rows have status `projected` and the register's reason column is read past, so the
    schedule showed them with an empty "why". They are the register's rows now, as a planned
    row is "planned in the register": "in the register as projected", in text, markdown and
    CSV (and the HTML report, which shares the words)."""
    paths = _files(tmp_path, _SUMMIT_SOC, _SUMMIT_SOC_ROWS)
    (tmp_path / "p.csv").write_text(_invoke("project", *paths, "--today", "2026-06-30", "--to", "2027-12-31", "--format", "csv").stdout, encoding="utf-8")
    again = [*paths, "--meetings", str(tmp_path / "p.csv")]
    rows = list(csv.DictReader(io.StringIO(_invoke("project", *again, "--today", "2026-06-30", "--to", "2027-12-31", "--format", "csv").stdout)))
    assert [(r["body"], r["start"], r["status"], r["reason"]) for r in rows] == [
        ("soc", "2026-10-12", "projected", "in the register as projected"),
        ("summit", "2026-10-13", "projected", "in the register as projected"),
        ("soc", "2027-10-12", "projected", "in the register as projected"),
    ]  # fmt: skip
    text = _invoke("project", *again, "--today", "2026-06-30", "--to", "2027-12-31").stdout
    assert "  10-13  Summit (7th)                Astana (Secretariat)  in the register as projected\n" in text
    markdown = _invoke("project", *again, "--today", "2026-06-30", "--to", "2027-12-31", "--format", "markdown").stdout
    assert "| 10-13 | Summit (7th) | Astana (Secretariat) | in the register as projected |" in markdown


# -- 4. The clauses at their edges ----------------------------------------------------------------

_BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n{keys}[[bodies.rules]]\n{rule}'


def test_a_four_year_chain_from_29_february_is_on_29_february_again(tmp_path):
    """Board every four years (rolling), February preferred, the 1st on Thu 2024-02-29, in
    Bern; as of 2026-01-10 to 2036. By hand: DESIGN "Rolling chains land at their nominal date
    (interval after the previous meeting)": Tue 2028-02-29 ("4 years after the Board of
    2024-02-29"). It went on 2028-02-28: the body's usual day of the month was cut to the 28th
    for every month, so a body meeting on the 29th-31st never had its day. Then 2032-02-29 is
    a Sunday: the nearest working day, Mon 03-01 (one day on) before Fri 02-27 (two back),
    "4 years after the Board of 2028-02-29, projected"; 2036: four years after 2032-03-01,
    February preferred, the 29th (a leap year), a Friday."""
    book = _BERN + _BOARD.format(keys="months = [2]\n", rule='kind = "every"\ninterval = "4y"\n')
    paths = _files(tmp_path, book, "board,regular,1,2024-02-29,,held,Bern,Switzerland\n")
    out = _project(paths, "2026-01-10", "2036-12-31")
    assert [(m["start"], m["ordinal"], m["reason"]) for m in out["meetings"]] == [
        ("2028-02-29", 2, "4 years after the 1st Board (2024-02-29)"),
        ("2032-03-01", 3, "4 years after the 2nd Board (2028-02-29, projected); moved from Sun 2032-02-29 (a weekend day in Switzerland)"),
        ("2036-02-29", 4, "4 years after the 3rd Board (2032-03-01, projected)"),
    ]  # fmt: skip


def test_the_usual_day_31_is_the_last_day_of_a_shorter_month(tmp_path):
    """Board at least once a year, April and October preferred, its days so far the 30th
    and 31st (lower median: the 30th) of earlier months; as of 2026-01-10 to 2027. By hand:
    April has 30 days, so Thu 2026-04-30; but the 30th, not the 28th (the old cut)."""
    book = _BERN + _BOARD.format(keys="months = [4]\n", rule='kind = "at_least"\ncount = 1\nper = "year"\n')
    paths = _files(tmp_path, book, "board,regular,,2024-10-31,,held,Bern,Switzerland\nboard,regular,,2025-04-30,,held,Bern,Switzerland\n")
    out = _project(paths, "2026-01-10", "2027-12-31")
    assert [m["start"] for m in out["meetings"]] == ["2026-04-30", "2027-04-30"]


def test_min_gap_and_max_gap_on_one_rule_no_meeting_past_the_longest_gap(tmp_path):
    """Board at least twice a year, at least 4 and at most 7 months apart, held 2026-02-10
    and 09-10 in Bern; as of 2026-09-30 to 2029. By hand: its usual months February and
    September, day the 10th. 2027: Wed 02-10, Fri 09-10 (7 months to the day: met). 2028: Thu
    02-10; Sunday 09-10 went to Monday 09-11, a day past 7 months (check: late by one day, and
    a Problem for the gap window no day could then meet): the 7 months end on 09-10, so the
    working day before, Fri 09-08. 2029: Sat 02-10 -> Fri 02-09 (nearer than Mon 02-12); the 7
    months from it end Sun 09-09, so Fri 09-07, not Mon 09-10. Each gap at least 4 months.
    Held, every window to 2029 is met, and no Problem."""
    book = _BERN + _BOARD.format(keys="", rule='kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "4m"\nmax_gap = "7m"\n')
    paths = _files(tmp_path, book, "board,regular,,2026-02-10,,held,Bern,Switzerland\nboard,regular,,2026-09-10,,held,Bern,Switzerland\n")
    out = _project(paths, "2026-09-30", "2029-12-31")
    assert [m["start"] for m in out["meetings"]] == ["2027-02-10", "2027-09-10", "2028-02-10", "2028-09-08", "2029-02-09", "2029-09-07"]
    assert out["problems"] == []
    _, report = _kept(tmp_path, paths, "2026-09-30", "2029-12-31")
    assert _not_met(report, "2026-01-01", "2029-12-31") == []


# -- 3. A customary `before` rule beside a binding one ----------------------------------------------

_CUSTOMARY_BEFORE = (
    '[[bodies]]\nid = "assembly"\nname = "Assembly"\ncategory = "working"\nhost = "secretariat"\nmonths = [5]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [1]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies.rules]]\nkind = "before"\nbody = "assembly"\noffset = "1m"\nbinding = false\n'
)


def test_a_customary_before_rule_is_where_the_binding_meeting_aims(tmp_path):
    """WHO's shape: the Board at least once a year (binding), January preferred, and
    customarily within a month before the Assembly (`binding = false`); the Assembly at least
    once a year in May; both at the Secretariat in Geneva (3 days between its meetings); held
    2025-05-19 and 2025-01-19. As of 2026-01-10 to 2027. A customary rule beside a binding one
    is judged, not planned for (README): the Board went on 19 January each year, and the
    register held with its projection had an advisory every year ("not within 1 month
    before"), though the meeting is the usual one. As for a customary `on` rule, the binding
    rule's meeting of the period aims at the customary window's last day: the Assembly Tue
    2026-05-19, the window 04-19..05-18; three days apart at one host, the Board ends by
    05-16, a Saturday: Fri 05-15 (Ascension, Thu 05-14, is not needed); 2027: Assembly Wed
    05-19, the Board Fri 05-14. Its reason says both: "at least once a year: 1 of 1 in 2026;
    customarily 1 month before the Assembly of 2026-05-19, projected". Held, nothing is
    missed or advisory in 2026-2027."""
    paths = _files(tmp_path, _BERN.replace("Bern", "Geneva") + _CUSTOMARY_BEFORE, "assembly,regular,,2025-05-19,,held,Geneva,Switzerland\nboard,regular,,2025-01-19,,held,Geneva,Switzerland\n")
    out = _project(paths, "2026-01-10", "2027-12-31")
    assert _days(out) == [("board", "2026-05-15", None), ("assembly", "2026-05-19", None), ("board", "2027-05-14", None), ("assembly", "2027-05-19", None)]
    assert out["meetings"][0]["reason"] == "at least once a year: 1 of 1 in 2026; customarily within 1 month before the Assembly of 2026-05-19, projected"
    assert out["meetings"][0]["customary"] is False
    _, report = _kept(tmp_path, paths, "2026-01-10", "2027-12-31")
    assert [(f["body"], f["window"]["label"], f["verdict"]) for f in report["findings"] if f.get("window") and "2026-01-01" <= f["window"]["end"] <= "2027-12-31" and f["verdict"] != "met"] == []


# -- 4. Checked and found right: kept as cases ------------------------------------------------------


def test_a_host_with_a_friday_saturday_weekend(tmp_path):
    """Board at least once a year, three days, June preferred, the Secretariat in Riyadh
    (Saudi Arabia: Friday and Saturday off), last held 2025-06-12..14; as of 2026-01-10 to
    2030. By hand, aiming at the 12th: 2026-06-12 is a Friday: Sun 14-Tue 16 (two days on)
    before Tue 9-Thu 11 (three back); 2027 Saturday: Sun 13-Tue 15; 2028 Mon 12-Wed 14; 2029
    Tue 12-Thu 14; 2030 Wed 12 would run into Friday: Tue 11-Thu 13 (one back) before Sun 16."""
    book = _BERN.replace("Bern", "Riyadh").replace("Switzerland", "Saudi Arabia") + _BOARD.format(keys="months = [6]\nduration_days = 3\n", rule='kind = "at_least"\ncount = 1\nper = "year"\n')
    paths = _files(tmp_path, book, "board,regular,,2025-06-12,2025-06-14,held,Riyadh,Saudi Arabia\n")
    out = _project(paths, "2026-01-10", "2030-12-31")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [
        ("2026-06-14", "2026-06-16"), ("2027-06-13", "2027-06-15"), ("2028-06-12", "2028-06-14"),
        ("2029-06-12", "2029-06-14"), ("2030-06-11", "2030-06-13"),
    ]  # fmt: skip


def test_five_days_over_a_weekend_and_a_holiday(tmp_path):
    """Board at least once a year, five consecutive working days, last held Mon 2025-05-12 to
    Fri 05-16, in Bern; as of 2026-01-10 to 2028. By hand, aiming at the 12th: 2026 Tue 12
    runs into the weekend, Mon 11 into Ascension (Thu 14): Mon 18-Fri 22 (six on) before Mon
    4-Fri 8 (eight back); 2027 Wed 12: Mon 10-Fri 14 (two back; Ascension is 6 May, Whit
    Monday 17 May); 2028 Fri 12: Mon 15-Fri 19 (three on) before Mon 8 (four back)."""
    book = _BERN + _BOARD.format(keys="duration_days = 5\n", rule='kind = "at_least"\ncount = 1\nper = "year"\n')
    paths = _files(tmp_path, book, "board,regular,,2025-05-12,2025-05-16,held,Bern,Switzerland\n")
    out = _project(paths, "2026-01-10", "2028-12-31")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2026-05-18", "2026-05-22"), ("2027-05-10", "2027-05-14"), ("2028-05-15", "2028-05-19")]


def test_an_on_rule_on_a_host_holiday_is_a_problem_not_a_moved_day(tmp_path):
    """Board `on` 25 December, Bern, met 2025-12-25; as of 2026-06-30 to 2027. The day is
    Christmas (2026) and a Saturday (2027): the rule fixes the day, so nothing is moved
    silently; each year a Problem names the day and why (DESIGN: "`on` rules land on their
    computed date"; "Where nothing fits, a Problem says so")."""
    book = _BERN + _BOARD.format(keys="", rule='kind = "on"\nmonth = 12\nday = 25\n')
    paths = _files(tmp_path, book, "board,regular,,2025-12-25,,held,Bern,Switzerland\n")
    out = _project(paths, "2026-06-30", "2027-12-31")
    assert out["meetings"] == []
    assert [p["message"].split(";")[0] for p in out["problems"]] == [
        "Board: due on 25 December 2026, but 2026-12-25 is Christmas Day in Switzerland",
        "Board: due on 25 December 2027, but 2027-12-25 is a weekend day in Switzerland",
    ]


def test_a_rule_version_from_inside_the_horizon_and_from_on_a_meetings_first_day(tmp_path):
    """SOC at least once a year until 2028-06-30, then twice a year (one rule `id`, two
    versions), held 2025-06-10 and 2026-06-10 in Bern; as of 2026-06-30 to 2030. By hand: a
    window belongs to the version in force on its first day, so 2027 and 2028 once (the
    10th of June: Thu 2027-06-10; 2028 Saturday: Fri 06-09), 2029 and 2030 twice, the
    history's one month (June) too few for two: the middles of the two halves, 04-02 and
    10-01. `--from 2027-06-10`, the 2027 meeting's day, keeps it (the horizon is inclusive);
    `--from 2027-06-11` leaves it out, numbering and chaining unchanged."""
    book = _BERN + _BOARD.format(keys="", rule='id = "r"\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2028-06-30\n[[bodies.rules]]\nid = "r"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2028-07-01\n')
    paths = _files(tmp_path, book, "board,regular,,2025-06-10,,held,Bern,Switzerland\nboard,regular,,2026-06-10,,held,Bern,Switzerland\n")
    out = _project(paths, "2026-06-30", "2030-12-31")
    assert [m["start"] for m in out["meetings"]] == ["2027-06-10", "2028-06-09", "2029-04-02", "2029-10-01", "2030-04-02", "2030-10-01"]
    assert [m["start"] for m in _project(paths, "2026-06-30", "2028-12-31", "--from", "2027-06-10")["meetings"]] == ["2027-06-10", "2028-06-09"]
    assert [m["start"] for m in _project(paths, "2026-06-30", "2028-12-31", "--from", "2027-06-11")["meetings"]] == ["2028-06-09"]


def test_today_inside_a_meeting_in_session(tmp_path):
    """Board at least once a year, five days, in session from Mon 2026-06-29 to Fri 07-03
    (planned); Council every 6 months (rolling), planned Tue 2026-06-30, last held
    2025-12-15; both at the Secretariat in Bern; as of Wed 2026-07-01 to 2027. By hand: the
    Board's 2026 is its meeting in session (listed, "planned in the register"); the Council's
    planned day has passed unconfirmed (a Problem, and the chain goes on from it): due by
    2026-12-31, its nominal day Wed 12-30; then 6 months on, 2027-06-30, but the Board's 2027
    (its history's days, Mon 06-28 to Fri 07-02) holds it and the Secretariat keeps 3 days
    between meetings: the last day in the due month 3 days clear, Fri 06-25; then Thu 12-30
    ("6 months after the Council of 2027-06-25, projected")."""
    book = _BERN + _BOARD.format(keys="duration_days = 5\n", rule='kind = "at_least"\ncount = 1\nper = "year"\n') + '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "every"\ninterval = "6m"\n'
    rows = "board,regular,,2026-06-29,2026-07-03,planned,Bern,Switzerland\ncouncil,regular,,2026-06-30,,planned,Bern,Switzerland\nboard,regular,,2025-06-30,2025-07-04,held,Bern,Switzerland\ncouncil,regular,,2025-12-15,,held,Bern,Switzerland\n"
    out = _project(_files(tmp_path, book, rows), "2026-07-01", "2027-12-31")
    assert [(m["body"], m["start"], m["status"]) for m in out["meetings"]] == [
        ("board", "2026-06-29", "planned"), ("council", "2026-12-30", "projected"), ("council", "2027-06-25", "projected"),
        ("board", "2027-06-28", "projected"), ("council", "2027-12-30", "projected"),
    ]  # fmt: skip
    assert [p["kind"] for p in out["problems"]] == ["unconfirmed"]
