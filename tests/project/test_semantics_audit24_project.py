"""A twenty-fourth audit, of `project`, `chairs` and `diff`: small rule books whose projection,
chair plan or diff was worked out by hand first (in each test's docstring, from DESIGN.md and
the README), then compared with `--format json`. Days off are those of the `holidays` package
(0.109) for the host, in the default categories (`public`, `government`, `de_facto`). This
time: meetings placed relative to another body's meeting that a chair's plan moved (their
days and the words of their move), a maximum gap that runs out before the body's customary
month (India's Parliament), a body with customary rules only, a meeting since held in `diff`,
and the basics again (weekends of other countries, moving holidays, horizons, ordinals,
rotations)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org
from tests.project.test_semantics_audit20_project import _rows
from tests.project.test_semantics_audit22_project import (
    _ONCE,
    _summit_and_follower,
    _yearly_chain,
)

ROOT = Path(__file__).resolve().parent.parent.parent
_TWELVE_MONTHS = 'kind = "every"\ninterval = "12m"\n'
_VIENNA = _org("Vienna", "Austria")


def _why(out: dict) -> list[tuple[str, str]]:
    return [(m["start"], m["reason"]) for m in out["meetings"] if m["status"] == "projected"]


def _placed(out: dict) -> list[tuple[str, int | None, str, str | None]]:
    return [(m["body"], m["ordinal"], m["start"], m["end"]) for m in out["meetings"] if m["status"] == "projected"]


# -- 1. A chair's plan moves a meeting: what is due from it moves, and says so truly ---------------


def test_a_meeting_due_days_after_a_summit_the_plan_moved_says_its_new_move(tmp_path):
    """The chair-hosted Summit every 2 years (the 3rd held Tue 2026-10-13, Austria chairing); a
    Ministerial at the Secretariat in Vienna due within 3 days after each Summit, last held
    Fri 2026-10-16 (its usual day: the 16th); as of 2026-12-01 to 2028. By hand, with no host
    known: the Summit Fri 2028-10-13, the Ministerial's window 10-14..10-16, its usual day Mon
    10-16 inside it: there, no move. With `--plan Egypt` the Summit is on Thu 10-12 (Friday
    Egypt's weekend): the window is 10-13..10-15, the 16th out of it, so it aims at the
    window's last day, Sun 10-15 (Austria's weekend), then Sat 10-14, then Fri 10-13: "moved
    from Sun 2028-10-15 (a weekend day in Austria)". Before, the Ministerial, re-placed by the
    plan, kept the projection's words: none, as if Friday were the day it aimed at."""
    paths = _summit_and_follower(tmp_path, "Ministerial", "3d", "2026-10-13", "2026-10-16")
    assert _why(_project(paths, "2026-12-01", "2028-12-31")) == [("2028-10-13", "2 years after the 3rd Summit (2026-10-13)"), ("2028-10-16", "3 days after the 4th Summit (2028, projected)")]
    planned = _project(paths, "2026-12-01", "2028-12-31", "--plan", "Egypt")
    assert _why(planned)[1] == ("2028-10-13", "3 days after the 4th Summit (2028, projected); moved from Sun 2028-10-15 (a weekend day in Austria)")


def test_a_month_due_after_a_summit_the_plan_moved_takes_the_usual_day_of_the_new_month(tmp_path):
    """The chair-hosted Summit every 2 years, the 3rd held Tue 2026-09-01 (Austria chairing); a
    Board at the Secretariat in Vienna due 6 months after each Summit (judged by the month),
    held 2025-03-10 (its usual day: the 10th); as of 2026-12-01 to 2029. With no host known:
    the Board of 2029 due in March, Sat 03-10, so Fri 03-09, "moved from Sat 2029-03-10".
    With `--plan Egypt` the 4th Summit is on Thu 2028-08-31 (Friday Egypt's weekend), in
    August: the Board is due in February 2029. README: a month due after another body's
    meeting takes the body's usual day of the month: Sat 2029-02-10, so Fri 02-09 (forward,
    Sunday; back, Friday), "moved from Sat 2029-02-10 (a weekend day in Austria)". Before, it
    went to Wed 02-28 (the day of February nearest its old day) and said "moved from Sat
    2029-03-10", a day of a month it is not due in."""
    paths = _summit_and_follower(tmp_path, "Board", "6m", "2026-09-01", "2025-03-10")
    planned = _project(paths, "2026-12-01", "2029-12-31", "--plan", "Egypt")
    assert _why(planned)[-1] == ("2029-02-09", "6 months after the 4th Summit (2028, projected); moved from Sat 2029-02-10 (a weekend day in Austria)")


def test_a_chain_in_days_brought_earlier_by_the_plan_drops_the_words_of_a_day_now_past_due(tmp_path):
    """A Summit every 365 days hosted by the chair (yearly terms handed over at each Summit,
    the incoming chair hosting), the 3rd held Tue 2026-05-19; as of 2026-12-01 to 2030, `--plan
    Egypt`. By hand, with no host known: the 4th by Wed 2027-05-19 (Eid al-Adha in Egypt, a
    member), back to Fri 05-14; the 5th by Sat 2028-05-13 (365 days on, 2028 a leap year),
    Fri 05-12, "moved from Sat 2028-05-13". With the plan Egypt hosts the 4th on Thu
    2027-05-13, so the 5th (host to be decided) is due by Fri 2028-05-12 and opens that very
    day: no move, and no words of one. The 6th, by Sat 2029-05-12, Fri 05-11, moved from the
    Saturday. Before, the 5th still said "moved from Sat 2028-05-13", a day past its due day."""
    paths = _yearly_chain(tmp_path, "365d", "2026-05-19")
    assert _why(_project(paths, "2026-12-01", "2030-12-31", "--plan", "Egypt"))[:3] == [
        ("2027-05-13", "365 days after the 3rd Summit (2026-05-19); moved from Wed 2027-05-19 (Eid al-Adha (estimated) in Egypt)"),
        ("2028-05-12", "365 days after the 4th Summit (2027, projected)"),
        ("2029-05-11", "365 days after the 5th Summit (2028, projected); moved from Sat 2029-05-12 (a weekend day in Austria)"),
    ]


def test_a_chain_in_days_after_a_moved_meeting_counts_from_the_day_it_took(tmp_path):
    """A Committee in Vienna every 30 days (rolling), the 4th held Mon 2026-11-02; as of
    2026-11-10 to March 2027. By hand (README: a chain in days is due that many days after
    the day the last meeting took): the 5th by Wed 12-02; the 6th by Fri 2027-01-01, New
    Year's Day, so Thu 2026-12-31; the 7th 30 days after that, Sat 2027-01-30, so Fri 01-29;
    the 8th Sun 02-28, so Fri 02-26 (Saturday too); the 9th Sun 03-28, so Fri 03-26. Each
    reason names the meeting before on the day it took, and the day it moved from."""
    book = _VIENNA + _body("cm", "Committee", "", 'kind = "every"\ninterval = "30d"\n')
    out = _project(_files(tmp_path, book, "cm,regular,4,2026-11-02,,held,Vienna,Austria\n"), "2026-11-10", "2027-03-31")
    assert _why(out) == [
        ("2026-12-02", "30 days after the 4th Committee (2026-11-02)"),
        ("2026-12-31", "30 days after the 5th Committee (2026-12-02, projected); moved from Fri 2027-01-01 (New Year's Day in Austria)"),
        ("2027-01-29", "30 days after the 6th Committee (2026-12-31, projected); moved from Sat 2027-01-30 (a weekend day in Austria)"),
        ("2027-02-26", "30 days after the 7th Committee (2027-01-29, projected); moved from Sun 2027-02-28 (a weekend day in Austria)"),
        ("2027-03-26", "30 days after the 8th Committee (2027-02-26, projected); moved from Sun 2027-03-28 (a weekend day in Austria)"),
    ]


def test_a_body_due_days_after_a_meeting_moved_off_eid_counts_from_its_new_day(tmp_path):
    """A Committee in Cairo every 12 months, the 4th held Tue 2026-03-10; a Board there due
    within 7 days after each Committee, held Sun 2026-03-15; as of 2026-12-01 to 2028. By
    hand: the 5th Committee moves from Wed 2027-03-10 (Eid al-Fitr, estimated 8-11 March) to
    Sun 03-07; the Board's window is then 03-08..03-14 (from the day the Committee took, not
    its nominal day): its usual day, the 15th, is out, so the middle, Thu 03-11 (Eid); Fri
    12 (weekend), Wed 10 (Eid), Sat 13 (weekend), Tue 9 (Eid), Sun 2027-03-14. 2028: the 6th
    Committee Thu 03-09 (Friday its weekend), the Board's window 03-10..03-16, its usual day
    Wed 03-15 inside it."""
    book = _org("Cairo", "Egypt") + _body("cm", "Committee", "", _TWELVE_MONTHS) + _body("bd", "Board", "", 'kind = "after"\nbody = "cm"\noffset = "7d"\n')
    out = _project(_files(tmp_path, book, "cm,regular,4,2026-03-10,,held,Cairo,Egypt\nbd,regular,,2026-03-15,,held,Cairo,Egypt\n"), "2026-12-01", "2028-12-31")
    assert [(m["body"], m["start"], m["reason"]) for m in out["meetings"]] == [
        ("cm", "2027-03-07", "12 months after the 4th Committee (2026-03-10); moved from Wed 2027-03-10 (Eid al-Fitr (estimated) in Egypt)"),
        ("bd", "2027-03-14", "7 days after the 5th Committee (2027-03-07, projected); moved from Thu 2027-03-11 (Eid al-Fitr (estimated) in Egypt)"),
        ("cm", "2028-03-09", "12 months after the 5th Committee (2027-03-07, projected); moved from Fri 2028-03-10 (a weekend day in Egypt)"),
        ("bd", "2028-03-15", "7 days after the 6th Committee (2028-03-09, projected)"),
    ]


# -- 2. A maximum gap and the customary months: India's Parliament -----------------------------------


def _lok_sabha(today: str, to: str) -> list[tuple[str, str]]:
    args = ["--rules", str(ROOT / "tests/audit/india-parliament.toml"), "--meetings", str(ROOT / "tests/audit/india-parliament-meetings.csv")]
    return [(m["start"], m["end"]) for m in _project(args, today, to)["meetings"]]


def test_the_lok_sabha_s_session_due_inside_six_months_goes_in_its_budget_month(tmp_path):
    """The Lok Sabha (art. 85: at most six months from the last sitting of a session to the
    first of the next; at least one session a year), `months = [2, 7, 11]`, sessions of 20
    days (opening and closing on working days), its day of the month the median of all its
    openings, the 22nd; as of 2026-12-05 (records to August 2025). By hand: 2026 is still due
    (its records unknown): Wed 9 to Mon 28 December. Six months from 28 December: the next
    opens by 28 June 2027. What a secretariat expects then is the Budget session, in
    February (a month the body sits in, inside the six months), then the Monsoon session in
    July and the Winter session in November, each within six months of the one before: Mon
    22 February would close on Sat 13 March, Tue 23 on Sunday, Sun 21 is a weekend day:
    Wed 24 February to Mon 15 March. Then July 2027: Tue 20 would close on Sun 8 August, so
    Wed 21 July to Mon 9 August; November: Mon 22 would close on Sat 11 December, Tue 23 on
    Sunday, Sun 21 ... Thu 25 November to Tue 14 December. 2028 alike: Thu 24 February to Tue
    14 March, Thu 20 July to Tue 8 August, Fri 24 November to Wed 13 December. Before, the
    2027 session aimed at July (the middle of the three months) and, the gap cutting it off
    before July, went to the gap's last days, Fri 25 June to Wed 14 July, a week before the
    Monsoon session of 21 July: two sessions in a month, none in February."""
    assert _lok_sabha("2026-12-05", "2028-12-31") == [
        ("2026-12-09", "2026-12-28"),
        ("2027-02-24", "2027-03-15"),
        ("2027-07-21", "2027-08-09"),
        ("2027-11-25", "2027-12-14"),
        ("2028-02-24", "2028-03-14"),
        ("2028-07-20", "2028-08-08"),
        ("2028-11-24", "2028-12-13"),
    ]


def test_a_gap_that_runs_out_before_the_usual_months_says_so_in_the_reason(tmp_path):
    """A House in New Delhi in session in July and November (`months = [7, 11]`), sessions of
    20 days, at least one a year, at most 6 months from one session's last sitting to the
    next's first; held 21 July to 21 August and 24 November to 19 December 2025; as of
    2026-01-05. By hand: the year's session aims at the first of its months (one meeting
    from two months: the earlier), its day there, Tue 2026-07-21; but it must open by 19 June,
    six months after 19 December, and no month it sits in lies before that: it opens on the
    last day the gap allows, Fri 19 June (closing Wed 8 July), and its reason says that the
    gap moved it: "moved from Tue 2026-07-21 (at most 6 months from the meeting before:
    opens by 2026-06-19)". Before, it said the move was "its day Sun 2026-08-09 is a weekend
    day in India", the day the session would have closed had it opened on the 21st, which
    was not what kept it from July."""
    book = _org("New Delhi", "India") + _body("ls", "House", "duration_days = 20\nmonths = [7, 11]\n", 'kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "6m"\ngap_from = "last_day"\n')
    rows = "ls,regular,,2025-07-21,2025-08-21,held,New Delhi,India\nls,regular,,2025-11-24,2025-12-19,held,New Delhi,India\n"
    out = _project(_files(tmp_path, book, rows), "2026-01-05", "2026-12-31")
    first = out["meetings"][0]
    assert (first["start"], first["end"], first["reason"]) == ("2026-06-19", "2026-07-08", "at least once a year: 1 of 1 in 2026; moved from Tue 2026-07-21 (at most 6 months from the meeting before: opens by 2026-06-19)")


# -- 3. A body with customary rules only -------------------------------------------------------------


def test_a_body_with_only_a_customary_rule_is_projected_and_marked_customary(tmp_path):
    """A Youth Forum in Innsbruck (a fixed host, Austria), "in practice once a year, usually
    in September": `at_least` once a year, `binding = false`, its only rule, `months = [9]`;
    held Tue 2025-09-16 and Tue 2026-09-15; as of 2026-12-01 to 2028. README: a customary rule
    beside a binding one is judged, not planned for; with no binding rule it is what says when
    the body meets, so it is planned for, and each meeting says it is customary. By hand: its
    day in September, the lower median of the 15th and 16th, the 15th: Wed 2027-09-15 and Fri
    2028-09-15, "customary, at least once a year", `customary` true."""
    forum = '[[bodies]]\nid = "f"\nname = "Youth Forum"\ncategory = "advisory"\nhost = "fixed"\nhost_city = "Innsbruck"\nhost_country = "Austria"\nmonths = [9]\n[[bodies.rules]]\n' + _ONCE + "binding = false\n"
    out = _project(_files(tmp_path, _VIENNA + forum, _rows("f", "Innsbruck", "Austria", "2025-09-16", "2026-09-15")), "2026-12-01", "2028-12-31")
    assert [(m["start"], m["reason"], m["customary"], m["host"]) for m in out["meetings"]] == [
        ("2027-09-15", "customary, at least once a year: 1 of 1 in 2027", True, "Innsbruck, Austria"),
        ("2028-09-15", "customary, at least once a year: 1 of 1 in 2028", True, "Innsbruck, Austria"),
    ]


# -- 4. `diff`: a meeting since held -----------------------------------------------------------------


def _diff(tmp_path, before_rows: str, after_rows: str, after_today: str, *more: str) -> dict:
    """A Board at the Secretariat in Vienna, at least once a year: projected as of 2026-04-01
    from ``before_rows``, then as of ``after_today`` from ``after_rows``, and the two compared
    (``more``: further options of `diff`), as JSON."""
    book = _VIENNA + _body("bd", "Board", "", _ONCE)
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    runner = CliRunner()
    for name, rows, today in (("before", before_rows, "2026-04-01"), ("after", after_rows, after_today)):
        (tmp_path / f"{name}.csv").write_text("body,kind,ordinal,start,end,status,city,country,title\n" + rows, encoding="utf-8")
        args = ["project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / f"{name}.csv"), "--today", today, "--to", "2027-12-31", "--format", "json", "-o", str(tmp_path / f"{name}.json")]
        assert runner.invoke(main, args).exit_code == 0
    result = runner.invoke(main, ["diff", str(tmp_path / "before.json"), str(tmp_path / "after.json"), "--format", "json", *more])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


_HELD_1ST = "bd,regular,1,2025-05-13,,held,Vienna,Austria,1st Board\n"


def test_diff_says_a_projected_meeting_was_held_naming_the_register_row(tmp_path):
    """The Board's 1st held Tue 2025-05-13; projected as of 2026-04-01: the 2nd on its usual
    day, Wed 2026-05-13. The register then records the 2nd held on Wed 2026-05-20 ("2nd
    Board"), and the projection is made again as of the same day (the row, after --today,
    stands for its number). By hand, `diff`: the 2nd was projected and is now the register's
    held row: "held 2026-05-20 in Vienna, Austria (the register's row: "2nd Board"); was
    projected for 2026-05-13", under `held`, not moved and "re-placed". The 3rd, Thu
    2027-05-13 (its usual day now the lower median of the 13th and 20th), stays."""
    out = _diff(tmp_path, _HELD_1ST, _HELD_1ST + "bd,regular,2,2026-05-20,,held,Vienna,Austria,2nd Board\n", "2026-04-01")
    assert [(c["ordinal"], c["after"]["start"], c["why"]) for c in out["held"]] == [
        (2, "2026-05-20", 'held 2026-05-20 in Vienna, Austria (the register\'s row: "2nd Board"); was projected for 2026-05-13'),
    ]
    assert out["moved"] == [] and out["dropped"] == [] and out["added"] == []


def test_diff_pairs_a_projected_meeting_with_the_held_row_of_its_year_without_a_number(tmp_path):
    """As above, without numbers: the Board held 2025-05-13; projected as of 2026-04-01 on
    Wed 2026-05-13; the register then records one held on Wed 2026-05-20. By hand: the same
    meeting, now held: one line under `held` ("held 2026-05-20 ... was projected for
    2026-05-13"). Before: the projected one "dropped" ("no longer projected") and the held row
    "added", as if two meetings."""
    out = _diff(tmp_path, "bd,regular,,2025-05-13,,held,Vienna,Austria,\n", "bd,regular,,2025-05-13,,held,Vienna,Austria,\nbd,regular,,2026-05-20,,held,Vienna,Austria,\n", "2026-04-01")
    assert [(c["before"]["start"], c["after"]["start"], c["why"]) for c in out["held"]] == [
        ("2026-05-13", "2026-05-20", "held 2026-05-20 in Vienna, Austria (the register's row); was projected for 2026-05-13"),
    ]
    assert out["dropped"] == [] and out["added"] == []


def test_diff_with_the_register_names_a_meeting_held_before_the_new_horizon(tmp_path):
    """As the first, but the projection made again as of 2026-06-01, after the 2nd was held
    (Wed 2026-05-20): the new projection begins after it and does not list it. By hand,
    without the register `diff` can only say that it lies outside the new horizon; given it
    (`--meetings`, and `--rules` to read it), the 2nd is the register's held row: "held
    2026-05-20 in Vienna, Austria (the register's row: "2nd Board"); was projected for
    2026-05-13". Before, `diff` took no register."""
    after = _HELD_1ST + "bd,regular,2,2026-05-20,,held,Vienna,Austria,2nd Board\n"
    alone = _diff(tmp_path, _HELD_1ST, after, "2026-06-01")
    assert [(c["ordinal"], c["why"]) for c in alone["dropped"]] == [(2, "outside the new horizon (2026-06-01 to 2027-12-31) (was: at least once a year: 1 of 1 in 2026)")]
    told = _diff(tmp_path, _HELD_1ST, after, "2026-06-01", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "after.csv"))
    assert told["dropped"] == []
    assert [(c["ordinal"], c["why"]) for c in told["held"]] == [(2, 'held 2026-05-20 in Vienna, Austria (the register\'s row: "2nd Board"); was projected for 2026-05-13')]


# -- 5. The basics, by hand: weekends and holidays of the host, horizons, ordinals, rotations ------------


def test_a_friday_saturday_weekend_and_eid_in_riyadh(tmp_path):
    """A Committee in Riyadh (Saudi Arabia: Friday and Saturday the weekend) every 12 months.
    Held Thu 2026-01-15: the 5th's nominal day, Fri 2027-01-15, is the weekend; Sat 16 too;
    Thu 2027-01-14. Held Mon 2026-03-09 instead: Tue 2027-03-09 is Eid al-Fitr (9-12 March
    2027 in the package, the 14th observed); Wed 10 Eid, Mon 2027-03-08 a working day; the
    6th, 24 months after the last held, Thu 2028-03-09, a working day there."""
    book = _org("Riyadh", "Saudi Arabia") + _body("cm", "Committee", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "cm,regular,4,2026-01-15,,held,Riyadh,Saudi Arabia\n"), "2026-12-01", "2027-12-31")
    assert _why(out) == [("2027-01-14", "12 months after the 4th Committee (2026-01-15); moved from Fri 2027-01-15 (a weekend day in Saudi Arabia)")]
    out = _project(_files(tmp_path, book, "cm,regular,4,2026-03-09,,held,Riyadh,Saudi Arabia\n"), "2026-12-01", "2028-12-31")
    assert _why(out) == [
        ("2027-03-08", "12 months after the 4th Committee (2026-03-09); moved from Tue 2027-03-09 (Eid al-Fitr Holiday in Saudi Arabia)"),
        ("2028-03-09", "12 months after the 5th Committee (2027-03-08, projected)"),
    ]


def test_a_moving_christian_holiday_on_the_nominal_day(tmp_path):
    """A Board in Vienna every 12 months, held Tue 2027-05-25; as of 2027-06-01 to 2028. By
    hand: Thu 2028-05-25 is Ascension Day (Easter 16 April 2028, plus 39 days); a day on, Fri
    2028-05-26, a working day."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2027-05-25,,held,Vienna,Austria\n"), "2027-06-01", "2028-12-31")
    assert _why(out) == [("2028-05-26", "12 months after the Board of 2027-05-25; moved from Thu 2028-05-25 (Ascension Day in Austria)")]


def test_a_six_day_conference_spans_the_weekend_inside_it(tmp_path):
    """A Conference in Vienna every 2 years, 6 days (`duration_days = 6`: longer than
    Austria's five-day working week, so it spans the weekend inside it, opening and closing on
    working days), the 3rd held Wed 2025-06-11 to Mon 06-16; as of 2026-12-01 to 2027. By
    hand: the 4th at its nominal day, Fri 2027-06-11, to Wed 06-16 (the 12th and 13th a
    weekend inside it; no holiday: Whit Monday was 17 May, Corpus Christi 27 May): no move."""
    book = _VIENNA + _body("cf", "Conference", "duration_days = 6\n", 'kind = "every"\ninterval = "2y"\n')
    out = _project(_files(tmp_path, book, "cf,regular,3,2025-06-11,2025-06-16,held,Vienna,Austria\n"), "2026-12-01", "2027-12-31")
    assert [(m["ordinal"], m["start"], m["end"], m["reason"]) for m in out["meetings"]] == [(4, "2027-06-11", "2027-06-16", "2 years after the 3rd Conference (2025-06-11)")]


def test_two_meetings_a_day_let_two_bodies_share_their_usual_day(tmp_path):
    """A Board at the Secretariat in Vienna and a Council in Geneva (a fixed host), each at
    least once a year, both held Tue 2026-05-12; as of 2026-12-01 to 2027. By hand, with
    `meetings_per_day = 2`: both on Wed 2027-05-12 (two hosts: no spacing between them).
    With the default, one a day: the Board there, the Council a day on, Thu 05-13, its reason
    naming the Board."""
    council = '[[bodies]]\nid = "cn"\nname = "Council"\ncategory = "working"\nhost = "fixed"\nhost_city = "Geneva"\nhost_country = "Switzerland"\n[[bodies.rules]]\n' + _ONCE
    rows = _rows("bd", "Vienna", "Austria", "2026-05-12") + _rows("cn", "Geneva", "Switzerland", "2026-05-12")
    two = _project(_files(tmp_path, _org("Vienna", "Austria", "meetings_per_day = 2\n") + _body("bd", "Board", "", _ONCE) + council, rows), "2026-12-01", "2027-12-31")
    assert [(m["body"], m["start"], m["reason"]) for m in two["meetings"]] == [("bd", "2027-05-12", "at least once a year: 1 of 1 in 2027"), ("cn", "2027-05-12", "at least once a year: 1 of 1 in 2027")]
    one = _project(_files(tmp_path, _VIENNA + _body("bd", "Board", "", _ONCE) + council, rows), "2026-12-01", "2027-12-31")
    assert [(m["body"], m["start"], m["reason"]) for m in one["meetings"]] == [
        ("bd", "2027-05-12", "at least once a year: 1 of 1 in 2027"),
        ("cn", "2027-05-13", "at least once a year: 1 of 1 in 2027; moved from Wed 2027-05-12 (the Board meets on 2027-05-12)"),
    ]


def test_a_horizon_ending_mid_year_and_today_on_a_period_s_edges(tmp_path):
    """A Committee in Vienna at least once a year, `months = [9]`. Held 2025-09-16 and
    2026-09-15 (its day: the lower median, the 15th), as of 2026-12-01 `--to 2028-06-30`: the
    6th on Wed 2027-09-15; 2028's falls after the horizon, so nothing of it. Held only
    2025-09-16: as of 2026-12-31 (2026's last day), 2026 is a Problem ("which is today"),
    and the 5th is on Thu 2027-09-16; as of 2027-01-01, 2026 has closed (no Problem: nothing
    can be projected into the past) and the 5th is the same."""
    book = _VIENNA + _body("cm", "Committee", "months = [9]\n", _ONCE)
    out = _project(_files(tmp_path, book, "cm,regular,4,2025-09-16,,held,Vienna,Austria\ncm,regular,5,2026-09-15,,held,Vienna,Austria\n"), "2026-12-01", "2028-06-30")
    assert _placed(out) == [("cm", 6, "2027-09-15", None)]
    paths = _files(tmp_path, book, "cm,regular,4,2025-09-16,,held,Vienna,Austria\n")
    edge = _project(paths, "2026-12-31", "2027-12-31")
    assert _placed(edge) == [("cm", 5, "2027-09-16", None)]
    assert [p["window"] for p in edge["problems"]] == ["2026"] and "which is today" in edge["problems"][0]["message"]
    after = _project(paths, "2027-01-01", "2027-12-31")
    assert _placed(after) == [("cm", 5, "2027-09-16", None)] and after["problems"] == []


def test_ordinals_go_on_after_a_gap_and_a_cancelled_number_and_before_a_planned_one(tmp_path):
    """A Committee in Vienna at least once a year: the 1st held 2023-05-10, the 2nd
    2024-05-14, the 4th 2025-05-13 (no 3rd on record), the 5th cancelled (2026-05-12); as of
    2026-12-01 to 2028. By hand: a cancelled meeting was not held (2026 is still due) and its
    number was used (the G7's 46th, cancelled in 2020, was followed by the 47th): the 6th
    for 2026, as soon as possible, Wed 2026-12-02; its day in May, the lower median of the
    held days 10, 13 and 14: the 13th: the 7th Thu 2027-05-13, the 8th Sat 2028-05-13, so
    Fri 05-12. With the 5th held instead and a 6th planned for 2027-06-15: the 6th is the
    plan, then the 7th on Fri 2028-05-12 (the lower median of 10, 12, 13, 14 is the 12th),
    the 8th Sat 2029-05-12, so Fri 05-11."""
    book = _VIENNA + _body("cm", "Committee", "", _ONCE)
    rows = "cm,regular,1,2023-05-10,,held,Vienna,Austria\ncm,regular,2,2024-05-14,,held,Vienna,Austria\ncm,regular,4,2025-05-13,,held,Vienna,Austria\ncm,regular,5,2026-05-12,,cancelled,Vienna,Austria\n"
    assert _placed(_project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")) == [("cm", 6, "2026-12-02", None), ("cm", 7, "2027-05-13", None), ("cm", 8, "2028-05-12", None)]
    planned = rows.replace("cancelled", "held") + "cm,regular,6,2027-06-15,,planned,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, planned), "2026-12-01", "2029-12-31")
    assert [(m["ordinal"], m["start"], m["status"]) for m in out["meetings"]] == [(6, "2027-06-15", "planned"), (7, "2028-05-12", "projected"), (8, "2029-05-11", "projected")]


def test_an_alphabetical_rotation_passes_over_a_member_that_left(tmp_path):
    """The example rotating chair (yearly Presidencies from 1 January, alphabetical: Austria,
    Belgium, Czechia, Denmark, Estonia; a two-day Council in the chair's country each year,
    in May, its day the lower median of 16, 17, 19, 20, 21: the 19th), Belgium having left
    on 2026-06-30; `chairs` as of 2026-11-26 to 2030. By hand: after Estonia (2026), Austria
    2027, then not Belgium but Czechia 2028, Denmark 2029, Estonia 2030. The Councils: Wed-Thu
    2027-05-19/20 in Austria; Fri 2028-05-19 would close on Saturday, so Thu-Fri 18/19 in
    Czechia; Sat 2029-05-19 in Denmark: Sun 20, Fri 18 (closing Saturday), Mon 21 (Whit
    Monday), Thu-Fri 17/18; Sun 2030-05-19 in Estonia: Mon-Tue 20/21. Since the
    twenty-fourth trial (tests/real/test_trial24.py), a body whose meetings known to the day
    all opened on one day of the week keeps its week of the month: the five Councils opened on
    the third Tuesday of May, so Tue-Wed 2027-05-18/19, 2028-05-16/17, 2029-05-15/16 and
    2030-05-21/22, none on a holiday."""
    book = (ROOT / "examples" / "rotating-chair.toml").read_text(encoding="utf-8").replace('name = "Belgium"\ncode = "BE"\n', 'name = "Belgium"\ncode = "BE"\nleft = 2026-06-30\n')
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    args = ["--rules", str(tmp_path / "r.toml"), "--meetings", str(ROOT / "examples" / "rotating-chair-meetings.csv"), "--chairs", str(ROOT / "examples" / "rotating-chair-chairs.csv"), "--today", "2026-11-26"]
    out = json.loads(CliRunner().invoke(main, ["chairs", *args, "--to", "2030", "--format", "json"]).stdout)
    assert [(t["country"], t["from"], [(m["start"], m["end"]) for m in t["hosted"]]) for t in out["plan"]] == [
        ("Austria", "2027-01-01", [("2027-05-18", "2027-05-19")]),
        ("Czechia", "2028-01-01", [("2028-05-16", "2028-05-17")]),
        ("Denmark", "2029-01-01", [("2029-05-15", "2029-05-16")]),
        ("Estonia", "2030-01-01", [("2030-05-21", "2030-05-22")]),
    ]


def test_a_meeting_across_the_day_a_presidency_ends_is_the_presidency_s_it_opens_in(tmp_path):
    """The rotating chair with Presidencies from 1 July (the register: Denmark 2024-07-01,
    Estonia 2025-07-01, Austria from 2026-07-01, then alphabetical), the Council in June, held
    Mon-Tue 2025-06-30/07-01 (Copenhagen) and Tue-Wed 2026-06-30/07-01 (Tallinn): each opens
    on the last day of a Presidency and closes on the first of the next; `chairs` as of
    2026-11-26 to 2029. By hand (a meeting belongs to the day it opens): Wed-Thu 2027-06-30/
    07-01, Austria's, though Belgium's term begins on its second day; Fri 2028-06-30 would
    close on Saturday, so Thu-Fri 06-29/30, Belgium's; Sat 2029-06-30: Sun 07-01, Fri 06-29
    (closing Saturday), Mon-Tue 07-02/03, in Denmark's term (Czechia's, 2028-07-01 to
    2029-07-01, hosts none, and a note says so: `unhosted`)."""
    book = (ROOT / "examples" / "rotating-chair.toml").read_text(encoding="utf-8").replace("months = [5]\n", "months = [6]\n")
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\ncouncil,regular,4,2025-06-30,2025-07-01,held,Copenhagen,Denmark\ncouncil,regular,5,2026-06-30,2026-07-01,held,Tallinn,Estonia\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("country,start,end\nDenmark,2024-07-01,2025-07-01\nEstonia,2025-07-01,2026-07-01\nAustria,2026-07-01,\n", encoding="utf-8")
    args = ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--chairs", str(tmp_path / "c.csv"), "--today", "2026-11-26"]
    out = json.loads(CliRunner().invoke(main, ["chairs", *args, "--to", "2029", "--format", "json"]).stdout)
    assert [(t["country"], [(m["start"], m["end"], m["country"]) for m in t["hosted"]]) for t in out["terms"][2:] + out["plan"]] == [
        ("Austria", [("2027-06-30", "2027-07-01", "Austria")]),
        ("Belgium", [("2028-06-29", "2028-06-30", "Belgium")]),
        ("Czechia", []),
        ("Denmark", [("2029-07-02", "2029-07-03", "Denmark")]),
    ]
    assert [f["kind"] for f in out["findings"]] == ["unhosted"]


def test_a_grid_anchored_every_three_years_fills_its_open_period_then_keeps_its_month(tmp_path):
    """A Treaty Conference in Geneva (a fixed host), every 3 years on the grid from 2020
    (`anchor = 2020`), `months = [4]`; the 1st held 2020-04-15, the 2nd 2023-04-19; as of
    2026-12-01 to 2032. By hand: due in 2020, 2023, 2026, 2029, 2032. 2026 holds nothing and
    is still open: the 3rd as soon as possible, Wed 2026-12-02. Its day in April, the lower
    median of the 15th and 19th: Sun 2029-04-15, so Mon 04-16 (Easter Monday was 2 April),
    the 4th; Thu 2032-04-15, the 5th."""
    tb = '[[bodies]]\nid = "tb"\nname = "Treaty Conference"\ncategory = "governing"\nhost = "fixed"\nhost_city = "Geneva"\nhost_country = "Switzerland"\nmonths = [4]\n[[bodies.rules]]\nkind = "every"\ninterval = "3y"\nmode = "grid"\nanchor = 2020\n'
    out = _project(_files(tmp_path, _VIENNA + tb, "tb,regular,1,2020-04-15,,held,Geneva,Switzerland\ntb,regular,2,2023-04-19,,held,Geneva,Switzerland\n"), "2026-12-01", "2032-12-31")
    assert [(m["ordinal"], m["start"], m["reason"]) for m in out["meetings"]] == [
        (3, "2026-12-02", "every 3 years on the grid from 2020"),
        (4, "2029-04-16", "every 3 years on the grid from 2020; moved from Sun 2029-04-15 (a weekend day in Switzerland)"),
        (5, "2032-04-15", "every 3 years on the grid from 2020"),
    ]


def test_twice_a_year_with_a_minimum_gap_keeps_each_turn_of_the_year_s_month(tmp_path):
    """A Committee in Vienna at least twice a year, meetings closer than 120 days counting
    once, held Tue 2026-03-10 and Tue 2026-09-15; as of 2026-12-01 to 2028. By hand: the
    first meeting of each year in March (the 10th), the second in September (the 15th), 189
    days apart: Wed 2027-03-10 and Wed 2027-09-15, Fri 2028-03-10 and Fri 2028-09-15."""
    book = _VIENNA + _body("cm", "Committee", "", 'kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "120d"\n')
    out = _project(_files(tmp_path, book, _rows("cm", "Vienna", "Austria", "2026-03-10", "2026-09-15")), "2026-12-01", "2028-12-31")
    assert [m["start"] for m in out["meetings"]] == ["2027-03-10", "2027-09-15", "2028-03-10", "2028-09-15"]


def test_a_board_due_within_a_month_before_the_council_keeps_its_usual_day_inside_the_window(tmp_path):
    """A Council in Vienna at least once a year, `months = [6]`, held Wed 2026-06-10; a Board
    due within 1 month before each Council (`kind = "before"`), held Wed 2026-05-20; as of
    2026-12-01 to 2028. By hand: the Council Thu 2027-06-10, the Board's window 05-10..06-09,
    its usual day Thu 05-20 inside it (Ascension 6 May, Whit Monday 17 May). 2028: the
    Council's Sat 06-10, so Fri 06-09; the Board's window 05-09..06-08, its Sat 05-20, so Fri
    05-19 (Sunday forward, Friday back). Each Board's reason names the Council's day."""
    book = _VIENNA + _body("cn", "Council", "months = [6]\n", _ONCE) + _body("bd", "Board", "", 'kind = "before"\nbody = "cn"\noffset = "1m"\n')
    out = _project(_files(tmp_path, book, "cn,regular,,2026-06-10,,held,Vienna,Austria\nbd,regular,,2026-05-20,,held,Vienna,Austria\n"), "2026-12-01", "2028-12-31")
    assert [(m["body"], m["start"], m["reason"]) for m in out["meetings"]] == [
        ("bd", "2027-05-20", "within 1 month before the Council of 2027-06-10, projected"),
        ("cn", "2027-06-10", "at least once a year: 1 of 1 in 2027"),
        ("bd", "2028-05-19", "within 1 month before the Council of 2028-06-09, projected; moved from Sat 2028-05-20 (a weekend day in Austria)"),
        ("cn", "2028-06-09", "at least once a year: 1 of 1 in 2028; moved from Sat 2028-06-10 (a weekend day in Austria)"),
    ]


# -- 6. A chain after a meeting projected late --------------------------------------------------------


def test_a_chain_goes_on_from_a_postponed_meeting_held_late_and_a_problem_says_it_is_late(tmp_path):
    """A Committee in Vienna every 12 months: the 6th held Tue 2025-06-10, the 7th postponed
    from 2026-06-10 (no new day recorded); as of 2026-12-01 to 2028. README: postponed from a
    day already past, it is still to be held; a rolling chain's window takes it late, as soon
    as possible, a Problem says so, and the chain goes on from its new day. By hand: the 7th
    Wed 2026-12-02 (late for the window due 2026-06, a `late` Problem); the 8th 12 months
    after it, Thu 2027-12-02; the 9th Sat 2028-12-02, so Fri 12-01 (Sunday forward, Friday
    back). Before, no Problem, and the 8th went to Wed 2027-12-01: its nominal day counted
    from the 6th (2027-06-10) lay in the window (open from the day after the 7th) but months
    before its due month, so it took December's first day, with no word of a move."""
    book = _VIENNA + _body("cm", "Committee", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "cm,regular,6,2025-06-10,,held,Vienna,Austria\ncm,regular,7,2026-06-10,,postponed,Vienna,Austria\n"), "2026-12-01", "2028-12-31")
    assert [(m["ordinal"], m["start"], m["reason"]) for m in out["meetings"] if m["status"] == "projected"] == [
        (7, "2026-12-02", "postponed from 2026-06-10; overdue since 2026-06: 12 months after the 6th Committee (2025-06-10)"),
        (8, "2027-12-02", "12 months after the 7th Committee (2026-12-02, projected)"),
        (9, "2028-12-01", "12 months after the 8th Committee (2027-12-02, projected); moved from Sat 2028-12-02 (a weekend day in Austria)"),
    ]
    assert [(p["kind"], p["window"], p["message"]) for p in out["problems"]] == [
        ("late", "2026-06", "Committee: the 7th, postponed from 2026-06-10, was due by 2026-06-30 (12 months after the 6th Committee (2025-06-10)); it is projected as soon as possible after, late for 2026-06."),
    ]
