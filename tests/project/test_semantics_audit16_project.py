"""A sixteenth audit, of projection: DESIGN.md's "Projection" clause by clause, starting with
what the last pass noticed and left. Every projected date, ordinal, host and reason was worked
out by hand first, in each test's docstring, then compared; and DESIGN's invariant (a register
checked with its own projection finds nothing missed inside the horizon)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.project.test_semantics_audit13_project import _book, _kept
from tests.semantics.test_semantics_audit5 import _invoke

_PAIR = (
    '[[bodies]]\nid = "audit"\nname = "Audit Board"\ncategory = "working"\nhost = "fixed"\nhost_country = "Switzerland"\nhost_city = "Geneva"\nmonths = [6]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "bureau"\nname = "Bureau"\ncategory = "working"\nhost = "secretariat"\nbefore = "council"\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
)
_PAIR_ROWS = (
    "audit,regular,,2025-06-09,,held,Geneva,Switzerland\naudit,regular,,2026-06-09,,held,Geneva,Switzerland\n"
    "council,regular,,2025-06-10,,held,Bern,Switzerland\ncouncil,regular,,2026-06-10,,held,Bern,Switzerland\n"
    "bureau,regular,,2026-06-09,,held,Bern,Switzerland\n"
)


def test_a_body_with_nothing_due_keeps_no_day_before_its_partner(tmp_path):
    """Audit Board (Geneva) and Council (Bern Secretariat) at least once a year in June, on
    the 9th and the 10th as their histories; the Bureau meets just before the Council
    (`before = "council"`), every two years (rolling), last 2026-06-09; as of 2026-06-30 to
    2031. No Swiss public holiday falls on these days (Ascension is in May). By hand: the
    Audit Board, placed first, takes the 9th or the nearest working day: Wed 2027-06-09,
    Fri 2028-06-09, Sat 2029-06-09 -> Fri 06-08, Sun 2030-06-09 -> Mon 06-10, Mon 2031-06-09.
    The Bureau is due in 2028 and 2030 only (2 years after 2026, then after its 2028
    meeting). The Council aims at the 10th: Thu 2027-06-10 (the day before is the Audit
    Board's, but the Bureau has nothing due in 2027: it was moved to Friday 06-11 to keep a
    day free for a meeting nobody needs); 2028-06-10 is a Saturday, Fri 06-09 is taken, Mon
    06-12 leaves the Bureau no day before it (Friday is the Audit Board's): Thu 06-08, the
    Bureau on Wed 06-07 ("2 years after the Bureau of 2026-06-09"); Sun 2029-06-10 -> Mon
    06-11 (was Tue 06-12: its working day before, Friday, is the Audit Board's, and the
    Bureau has nothing due); 2030: Mon 06-10 is the Audit Board's, Tue 06-11 leaves the
    Bureau no day: Wed 06-12, the Bureau on Tue 06-11 ("2 years after the Bureau of
    2028-06-07, projected"); Tue 2031-06-10. DESIGN: "`before` pairs are exactly adjacent",
    where there is a pair; held, the projection meets every window of 2027-2031."""
    paths = _book(tmp_path, _PAIR, _PAIR_ROWS)
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2031-12-31")
    assert [(m["body"], m["start"]) for m in projected] == [
        ("audit", "2027-06-09"), ("council", "2027-06-10"),
        ("bureau", "2028-06-07"), ("council", "2028-06-08"), ("audit", "2028-06-09"),
        ("audit", "2029-06-08"), ("council", "2029-06-11"),
        ("audit", "2030-06-10"), ("bureau", "2030-06-11"), ("council", "2030-06-12"),
        ("audit", "2031-06-09"), ("council", "2031-06-10"),
    ]  # fmt: skip
    bureau = [m["reason"] for m in projected if m["body"] == "bureau"]
    assert bureau == ["2 years after the Bureau of 2026-06-09", "2 years after the Bureau of 2028-06-07, projected"]
    assert {m["host"] for m in projected if m["body"] != "audit"} == {"Bern (Secretariat)"}
    ahead = [(f["body"], f["window"]["label"], f["verdict"]) for f in report["findings"] if "2027-01-01" <= f["window"]["end"] <= "2031-12-31" and f["verdict"] != "met"]
    assert ahead == []


_BLACKOUT = 'blackout = [{ start = 2027-03-01, end = 2027-03-31, reason = "building closed" }]\n'
_EVERY = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "every"\ninterval = "{interval}"\n'


def test_a_rolling_window_whose_due_month_is_closed_is_met_earlier_in_the_window(tmp_path):
    """Board every 3 months (rolling), its 1st meeting 2026-12-10, Secretariat in Bern; the
    organization is closed all March 2027 (blackout); as of 2026-12-30 to 2027. By hand: the
    2nd is due by the end of 2027-03, in the window that opened the day after the 1st
    (2026-12-11..2027-03-31). March has no day, so projection made a Problem and the 2nd on
    2027-06-01 (the chain from the missed period), and the register held as projected was
    "3 months late": DESIGN's invariant broken though January and February were free, and
    a meeting there meets the window. Now the day nearest the due period in the window:
    Sat 02-27 and Sun 02-28 are the weekend, so Fri 2027-02-26, with a note naming why
    (March blacked out) and the window; the chain goes on from it: 05-26 (Wed), 08-26
    (Thu), 11-26 (Fri), no Swiss public holiday on any. Held, every window of 2027 is met."""
    paths = _book(tmp_path, _BLACKOUT + _EVERY.format(interval="3m"), "board,regular,1,2026-12-10,,held,Bern,Switzerland\n")
    out = json.loads(_invoke("project", *paths, "--today", "2026-12-30", "--to", "2027-12-31", "--format", "json").stdout)
    assert out["problems"] == []
    [note] = out["notes"]
    assert note.startswith("Board: a meeting of one working day in Switzerland fits nowhere in 2027-03-01..2027-03-31 (3 months after the 1st Board (2026-12-10))")
    assert note.endswith("Projected earlier in the window due 2027-03, which opened 2026-12-11: Board 2027-02-26; the chain goes on from it.")
    projected, report = _kept(tmp_path, paths, "2026-12-30", "2027-12-31")
    assert [(m["ordinal"], m["start"]) for m in projected] == [("2", "2027-02-26"), ("3", "2027-05-26"), ("4", "2027-08-26"), ("5", "2027-11-26")]
    assert projected[1]["reason"] == "3 months after the 2nd Board (2027-02-26, projected)"
    assert [f["verdict"] for f in report["findings"] if "2027-01-01" <= f["window"]["end"] <= "2027-12-31"] == ["met"] * 4


def test_a_monthly_chain_whose_month_is_closed_stays_a_problem(tmp_path):
    """The same, every month, the 1st meeting 2026-11-10, as of 2026-11-30 to 2027-06-30. By
    hand: a meeting in February makes March due again (one month after a February meeting),
    so nothing earlier helps: 12-10 (Thu), 01-11 (Mon; the 10th is a Sunday), 02-10 (Wed),
    then 2027-03 has no day: a Problem, and the chain goes on from March at its nominal days,
    counted from the 1st (DESIGN: rolling chains land at their nominal date): 10 April a
    Saturday, so Fri 04-09, Mon 05-10, Thu 06-10. (It aimed April at 03-10, one step from
    02-10, took the first day of April and then the 1st of each month: Thu 04-01, Mon 05-03,
    Tue 06-01; the seventeenth audit's Berkshire chain through an unknown window found it.)"""
    paths = _book(tmp_path, _BLACKOUT + _EVERY.format(interval="1m"), "board,regular,1,2026-11-10,,held,Bern,Switzerland\n")
    out = json.loads(_invoke("project", *paths, "--today", "2026-11-30", "--to", "2027-06-30", "--format", "json").stdout)
    assert [m["start"] for m in out["meetings"]] == ["2026-12-10", "2027-01-11", "2027-02-10", "2027-04-09", "2027-05-10", "2027-06-10"]
    [problem] = out["problems"]
    assert problem["window"] == "2027-03"
    assert problem["message"].endswith("nothing was projected for 2027-03.")


_COUNCIL_BUREAU = (
    '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "working"\nhost = "secretariat"\nmonths = [5]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "bureau"\nname = "Bureau"\ncategory = "working"\nhost = "secretariat"\nbefore = "council"\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
)


def test_a_before_pair_is_adjacent_over_a_weekend_and_over_a_holiday_of_the_host(tmp_path):
    """Council at least once a year in May (held Thursday 2026-05-07), the Bureau at least once
    a year just before it (held 2026-05-06), both at the Secretariat in Bern; as of
    2026-06-30 to 2030. DESIGN: "`before` pairs are exactly adjacent" (README: the Bureau
    ends on the working day immediately before the Council opens). By hand (Swiss public
    holidays of the package: 1 January, Ascension, 1 August, 25 December): the Council aims
    at 7 May. 2027-05-07 is a Friday, the day before it Ascension (Thu 05-06): the Bureau on
    Wed 05-05. 2028-05-07 is a Sunday: Mon 05-08 (one day on; Fri 05-05 is two back), the
    Bureau on Fri 05-05, over the weekend. Mon 2029-05-07: the Bureau Fri 05-04. Tue
    2030-05-07: the Bureau Mon 05-06. Nothing else between the two of a pair, and every
    year met with the projection held."""
    paths = _book(tmp_path, _COUNCIL_BUREAU, "council,regular,,2026-05-07,,held,Bern,Switzerland\nbureau,regular,,2026-05-06,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2030-12-31")
    assert [(m["body"], m["start"]) for m in projected] == [
        ("bureau", "2027-05-05"), ("council", "2027-05-07"),
        ("bureau", "2028-05-05"), ("council", "2028-05-08"),
        ("bureau", "2029-05-04"), ("council", "2029-05-07"),
        ("bureau", "2030-05-06"), ("council", "2030-05-07"),
    ]  # fmt: skip
    moved = {"2028-05-08": "; moved from Sun 2028-05-07 (a weekend day in Switzerland)"}  # (the Council's; the Bureau's days are its partner's)
    assert all(m["reason"] == f"at least once a year: 1 of 1 in {m['start'][:4]}{moved.get(m['start'], '')}" for m in projected)
    assert {(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2027"} == {(str(y), "met") for y in range(2027, 2031)}


_BUSY = Path(__file__).parent.parent / "calendars" / "busy-wednesdays-hearing-reminder.ics"


def test_avoid_takes_the_days_of_timed_and_recurring_busy_events_and_not_transparent_ones(tmp_path):
    """Board at least once a year in June (held 2026-06-15), Bern; `--avoid` a calendar with
    an all-day committee every Wednesday from 2027-05-05, ten times (RRULE: 05-05 to
    07-07), a budget hearing 09:00-17:00 Zurich time on Tuesday 2027-06-15 and a transparent
    reminder on Monday 06-14; as of 2026-12-01 to 2027. By hand: the Board aims at Tue
    2027-06-15 (the history's day): the hearing takes it (a timed event takes its day);
    Wed 06-16 is a committee day (the sixth occurrence); Mon 06-14 is one day back, free (a
    transparent event is no busy day), Thu 06-17 two days on: Monday 2027-06-14. Without
    the calendar: Tuesday 06-15."""
    paths = _book(tmp_path, '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n', "board,regular,1,2026-06-15,,held,Bern,Switzerland\n")
    busy = _BUSY
    plain = json.loads(_invoke("project", *paths, "--today", "2026-12-01", "--to", "2027-12-31", "--format", "json").stdout)
    assert [(m["ordinal"], m["start"]) for m in plain["meetings"]] == [(2, "2027-06-15")]
    avoided = json.loads(_invoke("project", *paths, "--today", "2026-12-01", "--to", "2027-12-31", "--avoid", str(busy), "--format", "json").stdout)
    assert [(m["ordinal"], m["start"], m["reason"]) for m in avoided["meetings"]] == [(2, "2027-06-14", "at least once a year: 1 of 1 in 2027; moved from Tue 2027-06-15 (blacked out: busy-wednesdays-hearing-reminder.ics: Budget hearing)")]
    assert avoided["problems"] == []


def test_a_plenary_body_avoids_every_members_holidays_and_a_working_body_only_its_hosts(tmp_path):
    """Members Switzerland and Kazakhstan; the Assembly (governing, so plenary by default) at the
    Secretariat in Bern, the Staff Committee (working) in Geneva, both at least once a year
    in March, held 2026-03-23 and 03-24; as of 2026-06-30 to 2028. DESIGN: "plenary meetings
    avoid every member state's public holidays". By hand (the holidays package): Kazakhstan
    keeps Nauryz 21-23 March, 2027 also Wed 03-24 (observed, 21 March being a Sunday); no
    Swiss holiday in late March. The Assembly aims at the 23rd: Tue 2027-03-23 and Wed 03-24
    are Kazakh holidays, Mon 03-22 too, Fri 03-19 four days back: Thu 2027-03-25 (two on);
    Thu 2028-03-23 is Nauryz: Fri 03-24. The Staff Committee, placed after it, keeps only
    Switzerland's calendar: Wed 2027-03-24 (a Kazakh holiday is no matter to it); Fri
    2028-03-24 is the Assembly's (one body a day): Thu 03-23 (one back; Mon 03-27 three on)."""
    book = (
        '[[bodies]]\nid = "assembly"\nname = "Assembly"\ncategory = "governing"\nhost = "secretariat"\nmonths = [3]\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
        '[[bodies]]\nid = "staff"\nname = "Staff Committee"\ncategory = "working"\nhost = "fixed"\nhost_country = "Switzerland"\nhost_city = "Geneva"\nmonths = [3]\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    )
    members = 'members = [{ name = "Switzerland", code = "CH" }, { name = "Kazakhstan", code = "KZ" }]\n'
    paths = _book(tmp_path, members + book, "assembly,regular,1,2026-03-23,,held,Bern,Switzerland\nstaff,regular,,2026-03-24,,held,Geneva,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2028-12-31")
    assert [(m["body"], m["ordinal"], m["start"], m["host"]) for m in projected] == [
        ("staff", "", "2027-03-24", "Geneva, Switzerland"), ("assembly", "2", "2027-03-25", "Bern (Secretariat)"),
        ("staff", "", "2028-03-23", "Geneva, Switzerland"), ("assembly", "3", "2028-03-24", "Bern (Secretariat)"),
    ]  # fmt: skip
    assert {(f["body"], f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2027"} == {(b, y, "met") for b in ("assembly", "staff") for y in ("2027", "2028")}


def test_diff_says_meetings_on_the_same_days_under_new_numbers_were_renumbered(tmp_path):
    """Board every year (rolling), the 1st to 3rd held 2024-06-10, 2025-06-10, 2026-06-10 in
    Bern; as of 2026-11-30 to 2029. By hand: the 4th on Thu 2027-06-10, the 5th 2028-06-10,
    a Saturday, so Fri 06-09 (Mon 06-12 is two days on), the 6th 2029-06-10, a Sunday, so
    Mon 06-11. A scenario (`--meetings` laid over the register) records an extra regular
    session held 2026-11-20 as the 4th: the chain goes on from it in the month the Board
    uses (June, README: a yearly chain keeps its month), so the same three days, numbered
    5th to 7th. `planner diff` matched meetings by number: "the 5th moved 2028-06-09 ->
    2027-06-10", the 6th likewise, the 7th added and the 4th dropped: four lines saying
    the calendar changed where it did not. Now: 3 renumbered ("was the 4th" ...), nothing
    moved, added or dropped."""
    paths = _book(tmp_path, _EVERY.format(interval="1y"), "".join(f"board,regular,{n},{y}-06-10,,held,Bern,Switzerland\n" for n, y in ((1, 2024), (2, 2025), (3, 2026))))
    scenario = tmp_path / "scenario.csv"
    scenario.write_text("body,kind,ordinal,start,end,status,city,country\nboard,regular,4,2026-11-20,,held,Bern,Switzerland\n", encoding="utf-8")
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    _invoke("project", *paths, "--today", "2026-11-30", "--to", "2029", "--format", "json", "-o", str(before))
    _invoke("project", *paths, "--meetings", str(scenario), "--today", "2026-11-30", "--to", "2029", "--format", "json", "-o", str(after))
    assert [(m["ordinal"], m["start"]) for m in json.loads(before.read_text(encoding="utf-8"))["meetings"]] == [(4, "2027-06-10"), (5, "2028-06-09"), (6, "2029-06-11")]
    assert [(m["ordinal"], m["start"]) for m in json.loads(after.read_text(encoding="utf-8"))["meetings"]] == [(5, "2027-06-10"), (6, "2028-06-09"), (7, "2029-06-11")]
    out = json.loads(_invoke("diff", str(before), str(after), "--format", "json").stdout)
    assert (out["moved"], out["added"], out["dropped"], out["hosts_changed"]) == ([], [], [], [])
    assert [(c["ordinal_before"], c["ordinal"], c["after"]["start"], c["why"]) for c in out["renumbered"]] == [(4, 5, "2027-06-10", "was the 4th"), (5, 6, "2028-06-09", "was the 5th"), (6, 7, "2029-06-11", "was the 6th")]
    text = _invoke("diff", str(before), str(after)).stdout
    assert "0 moved · 0 added · 0 dropped · 3 renumbered · 0 hosts changed\n" in text
    assert "Renumbered\n  Board (5th)  2027-06-10  was the 4th\n" in text


def test_a_rule_ending_inside_the_horizon_asks_nothing_after_and_numbers_go_on_past_a_gap(tmp_path):
    """Board at least once a year in September `until = 2028-06-30` (dissolved), Bern; the
    register has the 2nd (2023-09-15) and the 4th (2025-09-15) but no 3rd, and an unnumbered
    special session 2026-03-16; as of 2026-09-30 to 2030. By hand: 2026 still lacks its
    regular meeting and 15 September has passed: the first working day after today, Thu
    2026-10-01, the 5th (numbering goes on from the highest number, a gap is no reason to
    reuse one; a special session counts for nothing and takes no number); Wed 2027-09-15,
    the 6th. 2028 is the period the rule ends in: its floor was due at the period's end,
    after the rule's (README, "A rule that has ended requires nothing after its end"), and
    a meeting in September 2028 would be held under no rule: nothing is projected for 2028,
    2029 or 2030. The same rule rolling (`every 1y`, the 1st held 2026-09-15): the 2nd on
    2027-09-15, then nothing (its 2028 window is judged only to 2028-06-30)."""
    body = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [9]\n[[bodies.rules]]\n{rule}\nuntil = 2028-06-30\n'
    rows = "board,regular,4,2025-09-15,,held,Bern,Switzerland\nboard,regular,2,2023-09-15,,held,Bern,Switzerland\nboard,special,,2026-03-16,,held,Bern,Switzerland\n"
    paths = _book(tmp_path, body.format(rule='kind = "at_least"\ncount = 1\nper = "year"'), rows)
    projected, report = _kept(tmp_path, paths, "2026-09-30", "2030-12-31")
    assert [(m["ordinal"], m["start"], m["reason"]) for m in projected] == [("5", "2026-10-01", "at least once a year: 1 of 1 in 2026"), ("6", "2027-09-15", "at least once a year: 1 of 1 in 2027")]
    assert [(f["window"]["label"], f["verdict"]) for f in report["findings"] if f["window"]["label"] >= "2026"] == [("2026", "met"), ("2027", "met")]
    paths = _book(tmp_path, body.format(rule='kind = "every"\ninterval = "1y"'), "board,regular,1,2026-09-15,,held,Bern,Switzerland\n")
    projected, report = _kept(tmp_path, paths, "2026-09-30", "2030-12-31")
    assert [(m["ordinal"], m["start"]) for m in projected] == [("2", "2027-09-15")]
    assert [f["verdict"] for f in report["findings"]] == ["met"]
