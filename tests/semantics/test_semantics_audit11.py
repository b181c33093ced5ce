"""An eleventh audit: what the tenth left (README "Limits" of session 11), each case worked out
by hand in its docstring before the tool was run. First, a register that numbers every kind of
meeting in one sequence (OPEC's Conference: the 177th Meeting ordinary, the 178th
extraordinary, the 179th ordinary) against one that numbers each kind on its own (the African
Union's Assembly: the 38th ordinary session, the 12th extraordinary)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke

AUDIT = Path(__file__).parent.parent / "audit"
BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [{month}]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'


def _numbers(*args: str) -> list[tuple[str, str, int | None]]:
    out = json.loads(_invoke("project", *args, "--format", "json").stdout)
    return [(m["start"], m["kind"], m["ordinal"]) for m in out["meetings"]]


def _board(tmp_path: Path, month: int, rows: str) -> list[str]:
    (tmp_path / "r.toml").write_text(HEAD + BOARD.format(month=month), encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    return ["--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv")]


def test_opec_the_ordinary_meeting_after_the_178th_extraordinary_is_the_179th(tmp_path):
    """OPEC numbers its Conference's meetings in one sequence, ordinary and extraordinary alike
    (tests/audit/opec-meetings.csv: 176th and 177th ordinary 2019, 178th (Extraordinary)
    2020-03-05, 179th ordinary 2020-06-06). As of 2020-04-01, with the register as it stood
    (the first three rows), the next ordinary meeting is the 179th, as it was, and the one
    after it the 180th: projecting a second "178th" beside the extraordinary one names a
    meeting that was never held (the feed held two events of that number)."""
    rows = (AUDIT / "opec-meetings.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "m.csv").write_text("".join(rows[:4]), encoding="utf-8")
    got = _numbers("--rules", str(AUDIT / "opec.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2020-04-01", "--to", "2020")
    assert [(kind, n) for _, kind, n in got] == [("regular", 179), ("regular", 180)]


def test_separate_sequences_continue_the_regular_numbers():
    """The African Union numbers its Assembly's extraordinary sessions on their own (the 11th
    and 12th extraordinary, 2018 and 2019, among the 31st-32nd ordinary): the extraordinary
    numbers are below the ordinary ones before them, so the next ordinary session continues
    the ordinary numbering: after the 38th (February 2025), the 39th in 2026 and 40th in 2027."""
    args = ["--rules", str(AUDIT / "african-union.toml"), "--meetings", str(AUDIT / "african-union-meetings.csv")]
    got = _numbers(*args, "--today", "2025-12-01", "--to", "2027", "--body", "assembly")
    assert [(kind, n) for _, kind, n in got] == [("regular", 39), ("regular", 40)]


def test_one_sequence_with_an_extraordinary_meeting_planned_ahead(tmp_path):
    """Board at least once a year, November preferred; the 1st and 2nd (regular) held
    2024-11-12 and 2025-11-11, the 3rd an extraordinary meeting planned 2026-09-15. As of
    2026-06-30 (2026 open, the extraordinary one does not count): the regular meeting of
    2026 (November) comes after the 3rd, so it is the 4th, then the 5th (2027) and the 6th
    (2028); each kind's own numbering gave a second 3rd. In July instead (before
    the 3rd): the numbers before it are 2 and the 3rd is taken, so the July meeting gets none
    rather than a second 3rd, and 2027's is the 4th."""
    rows = "board,regular,1,2024-11-12,,held,Bern,Switzerland\nboard,regular,2,2025-11-11,,held,Bern,Switzerland\nboard,extraordinary,3,2026-09-15,,planned,Bern,Switzerland\n"
    got = _numbers(*_board(tmp_path, 11, rows), "--today", "2026-06-30", "--to", "2028")
    assert [(d[:7], kind, n) for d, kind, n in got] == [("2026-09", "extraordinary", 3), ("2026-11", "regular", 4), ("2027-11", "regular", 5), ("2028-11", "regular", 6)]
    got = _numbers(*_board(tmp_path, 7, rows), "--today", "2026-06-30", "--to", "2027")
    assert [(d[:7], kind, n) for d, kind, n in got] == [("2026-07", "regular", None), ("2026-09", "extraordinary", 3), ("2027-07", "regular", 4)]


def test_an_extraordinary_meeting_numbered_alone_does_not_number_the_regular_ones(tmp_path):
    """A register that numbers only its 1st extraordinary meeting, the regular ones not: no
    regular number to continue, so the projected regular meeting has no ordinal (not the 2nd);
    and one whose extraordinary numbers repeat a regular number (the 1st regular 2024, the
    1st extraordinary 2025) numbers the kinds apart: the next regular is the 2nd, not the 3rd."""
    rows = "board,regular,,2024-11-12,,held,Bern,Switzerland\nboard,extraordinary,1,2025-03-04,,held,Bern,Switzerland\nboard,regular,,2025-11-11,,held,Bern,Switzerland\n"
    assert _numbers(*_board(tmp_path, 11, rows), "--today", "2026-01-15", "--to", "2026") == [("2026-11-11", "regular", None)]
    rows = "board,regular,1,2024-11-12,,held,Bern,Switzerland\nboard,extraordinary,1,2025-03-04,,held,Bern,Switzerland\n"
    assert [n for _, _, n in _numbers(*_board(tmp_path, 11, rows), "--today", "2025-06-30", "--to", "2025")] == [2]


# -- A rule that ends inside a period (a body dissolved, a ceiling lifted) ------------------------

ENDED = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nid = "x"\nkind = "{kind}"\ncount = {count}\nper = "year"\nuntil = 2021-07-15\n'


def _check(tmp_path: Path, book: str, rows: str, today: str) -> dict:
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    return json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", today, "--format", "json").stdout)


def _windows(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"]]


TWO_2020 = "board,regular,,2020-03-10,,held,,\nboard,regular,,2020-10-10,,held,,\n"


def test_a_body_dissolved_mid_year_owes_nothing_for_the_rest_of_it(tmp_path):
    """At least twice a year, until 2021-07-15 (the body dissolved; no version after it). 2020:
    2 of 2, met. 2021 was never a whole year under the rule and its two meetings were due by
    2021-12-31, after the rule's end: nothing was due while it was in force (README: a rule
    that has ended requires nothing after its end), so one meeting in March is no violation
    (it was "missed", exit 1). Two by 2021-07-15 (10 March, 15 July): met, the window named
    by its days, 2021-01-01..2021-07-15. As of 2021-05-01 nothing is open, and nothing is
    projected for a body whose rule ends before the period's deadline (it projected a Board
    for 2021-10-11, after the end)."""
    book = ENDED.format(kind="at_least", count=2)
    out = _check(tmp_path, book, TWO_2020 + "board,regular,,2021-03-10,,held,,\n", "2022-06-30")
    assert _windows(out) == [("2020", "met")] and out["summary"]["exit_code"] == 0
    out = _check(tmp_path, book, TWO_2020 + "board,regular,,2021-03-10,,held,,\nboard,regular,,2021-07-15,,held,,\n", "2022-06-30")
    assert _windows(out) == [("2020", "met"), ("2021-01-01..2021-07-15", "met")]
    out = _check(tmp_path, book, TWO_2020 + "board,regular,,2021-03-10,,held,,\n", "2021-05-01")
    assert _windows(out) == [("2020", "met")] and out["summary"]["open"] == 0
    assert _numbers("--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2021-05-01", "--to", "2023") == []


def test_a_body_dissolved_mid_year_with_a_loosely_dated_meeting_is_uncertain(tmp_path):
    """The same rule; 2021 holds 2021-03-10 and a Board known only as `2021`: met if that one
    opened by 2021-07-15, else nothing was due: `uncertain`, never a violation."""
    out = _check(tmp_path, ENDED.format(kind="at_least", count=2), TWO_2020 + "board,regular,,2021-03-10,,held,,\nboard,regular,,2021,,held,,\n", "2022-06-30")
    assert _windows(out) == [("2020", "met"), ("2021-01-01..2021-07-15", "uncertain")] and out["summary"]["violations"] == 0


def test_a_version_taking_over_the_next_day_keeps_the_whole_period(tmp_path):
    """Twice a year until 2021-07-15, then (same `id`) once a year from 2021-07-16: one rule,
    and 2021 belongs to the version in force on its first day, judged as a whole year: one
    meeting in it is 1 of 2, missed (as the African Union's 2018 under its 2005 version)."""
    book = ENDED.format(kind="at_least", count=2) + '[[bodies.rules]]\nid = "x"\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2021-07-16\n'
    out = _check(tmp_path, book, TWO_2020 + "board,regular,,2021-03-10,,held,,\n", "2022-06-30")
    assert _windows(out) == [("2020", "met"), ("2021", "missed"), ("2022", "open")]


def test_a_ceiling_lifted_mid_year_is_judged_to_its_end(tmp_path):
    """At most once a year until 2021-07-15 (the ceiling lifted; no version after it). 2021
    holds 2021-03-10 and 2021-10-10: the October meeting was held under no ceiling, so 2021's
    part 2021-01-01..2021-07-15 holds 1 of at most 1, met; it was `excess`, a violation."""
    out = _check(tmp_path, ENDED.format(kind="at_most", count=1), "board,regular,,2020-03-10,,held,,\nboard,regular,,2021-03-10,,held,,\nboard,regular,,2021-10-10,,held,,\n", "2022-06-30")
    assert _windows(out) == [("2020", "met"), ("2021-01-01..2021-07-15", "met")] and out["summary"]["violations"] == 0
    out = _check(tmp_path, ENDED.format(kind="at_most", count=1), "board,regular,,2021-03-10,,held,,\nboard,regular,,2021-07-01,,held,,\n", "2022-06-30")
    assert _windows(out) == [("2021-01-01..2021-07-15", "excess")]


def test_a_grid_whose_rule_ends_inside_a_due_period_requires_nothing_after_its_end(tmp_path):
    """`every 1y` on the grid from 2020, until 2023-06-30 (no version after it); Boards in
    September 2020, 2021, 2022. 2023's meeting was due by 2023-12-31, after the rule's end:
    nothing was due while it was in force, so an empty 2023 is no violation (it was `missed`),
    and nothing is projected for it as of 2023-03-01. A Board of 2023-03-15 meets the part
    2023-01..2023-06."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\nmode = "grid"\nanchor = 2020\nuntil = 2023-06-30\n'
    rows = "board,regular,,2020-09-15,,held,,\nboard,regular,,2021-09-15,,held,,\nboard,regular,,2022-09-15,,held,,\n"
    out = _check(tmp_path, book, rows, "2025-06-01")
    assert _windows(out) == [("2020", "met"), ("2021", "met"), ("2022", "met")] and out["summary"]["exit_code"] == 0
    assert _numbers("--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2023-03-01", "--to", "2025") == []
    out = _check(tmp_path, book, rows + "board,regular,,2023-03-15,,held,,\n", "2025-06-01")
    assert _windows(out)[-1] == ("2023-01..2023-06", "met")


def test_a_part_of_a_period_does_not_lend_its_label_to_another_bodys_whole_period(tmp_path):
    """A Board founded 2020-06-15 under "at most once a year" is judged in 2020 from its
    founding (2020-06-15..2020-12-31); a Council under "at least once a year" judges the whole
    of 2020. The JSON and CSV writers named both windows by the first label made for the
    period (the Council's 2020 read "2020-06-15..2020-12-31", with a meeting of 10 March
    counted in it)."""
    book = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nestablished = 2020-06-15\n[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\n'
    book += '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "working"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    out = _check(tmp_path, book, "board,regular,,2020-07-10,,held,,\ncouncil,regular,,2020-03-10,,held,,\n", "2020-12-31")
    assert [(f["body"], f["window"]["label"]) for f in out["findings"]] == [("board", "2020-06-15..2020-12-31"), ("council", "2020")]
    text = _invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2020-12-31", "--format", "csv").stdout
    assert [(r["body"], r["window"]) for r in csv.DictReader(io.StringIO(text))] == [("board", "2020-06-15..2020-12-31"), ("council", "2020")]


# -- A silence of several intervals after a loosely dated origin -----------------------------------

ROLLING = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\nkind = "every"\ninterval = "{interval}"\n{more}'


def test_every_window_of_a_silence_after_a_loose_origin_is_named_by_every_reading(tmp_path):
    """`every 30d`, `tolerance = "10d"`; Board `2021-01`, then nothing until 2021-06-15. On a
    reading d (2021-01-01..31) the j-th window is due d + 30j: the 1st 2021-01-31..03-02, the
    2nd 03-02..04-01, the 3rd 04-01..05-01, each closed (10 days after) by 2021-05-11 at the
    latest, before 06-15: missed on every reading, and named by all of them (the 2nd and 3rd
    were labelled "2021-04-01" and "2021-05-01", the latest reading's, as if it were the
    fact). The 4th (05-01..05-31) is the one 2021-06-15 answers late, or, on readings
    01-01..01-05, the 5th (its why says so, as the tenth audit made it). Each window's reason
    names the window before it by the same label."""
    out = _check(tmp_path, ROLLING.format(interval="30d", more='tolerance = "10d"\n'), "board,regular,,2021-01,,held,,\nboard,regular,,2021-06-15,,held,,\n", "2021-07-01")
    assert _windows(out) == [
        ("2021-01-31..2021-03-02", "missed"), ("2021-03-02..2021-04-01", "missed"), ("2021-04-01..2021-05-01", "missed"),
        ("2021-05-01..2021-05-31", "late"), ("2021-07-15", "open"),
    ]
    whys = [f["why"] for f in out["findings"]]
    assert "30 days after the window due 2021-01-31..2021-03-02, nothing held since the Board of 2021-01" in whys[1]
    assert "30 days after the window due 2021-03-02..2021-04-01, nothing held" in whys[2]
    assert "30 days after the window due 2021-04-01..2021-05-01, nothing held" in whys[3] and "15 to 40 days late" in whys[3]
    assert all("The same whatever day the Board of 2021-01 was held" in w for w in whys[:3])


def test_every_window_of_a_silence_after_a_year_only_origin_in_months(tmp_path):
    """`every 6m`; Board `2019`, then 2022-03-15. On a reading m (2019-01..12) the j-th window
    is due m + 6j: 2019-07..2020-06, 2020-01..2020-12, 2020-07..2021-06, each closed by 2021-06
    at the latest: missed on every reading (the 2nd and 3rd were "2020-12" and "2021-06"). The
    4th (2021-01..2021-12) is answered 3 to 6 months late by 2022-03-15 on readings 2019-09..12
    (2021-09 + 6 months = 2022-03, whose window the meeting opens in); on 2019-01..08 it was
    missed and the 5th answered late."""
    out = _check(tmp_path, ROLLING.format(interval="6m", more=""), "board,regular,,2019,,held,,\nboard,regular,,2022-03-15,,held,,\n", "2022-04-01")
    assert _windows(out) == [
        ("2019-07..2020-06", "missed"), ("2020-01..2020-12", "missed"), ("2020-07..2021-06", "missed"),
        ("2021-01..2021-12", "late"), ("2022-09", "open"),
    ]
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert "3 to 6 months late" in late["why"] and "Late if the Board of 2019 was held 2019-09..2019-12" in late["why"]


# -- A loosely dated meeting in a calendar ---------------------------------------------------------


def test_a_year_start_with_a_month_end_shows_on_the_first_day_it_may_have_opened(tmp_path):
    """Board `2021` .. `2021-03` opened in 2021-01-01..2021-03-31 (the tenth audit). RFC 5545
    has no partial DATE and METHOD:PUBLISH requires DTSTART (RFC 5546), and a 90-day all-day
    span reads as a three-month conference: one all-day event on 2021-01-01 (DTEND the 2nd,
    exclusive), titled with the range, TENTATIVE and transparent, the range in the
    description and X-PLANNER-DATE (README "Dates not fixed")."""
    from icalendar import Calendar

    _board(tmp_path, 3, "board,regular,1,2021,2021-03,held,Bern,Switzerland\n")
    _invoke("ics", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2021-06-30", "--no-projected", "--out", str(tmp_path / "feed"))
    (event,) = Calendar.from_ical((tmp_path / "feed" / "board.ics").read_bytes()).walk("VEVENT")
    assert (event.decoded("DTSTART").isoformat(), event.decoded("DTEND").isoformat()) == ("2021-01-01", "2021-01-02")
    assert str(event["SUMMARY"]) == "1st Board (date not fixed: 2021 to March 2021)"
    assert (str(event["STATUS"]), str(event["TRANSP"]), str(event["X-PLANNER-DATE"])) == ("TENTATIVE", "TRANSPARENT", "2021/2021-03")
    assert "Date not fixed: 2021 to March 2021 (2021-01-01 to 2021-03-31); shown on its first day" in str(event["DESCRIPTION"])


def test_a_before_rule_that_ended_before_the_meeting_it_precedes_requires_nothing(tmp_path):
    """A Board within 2 months before each Summit, until 2022-06-30 (no version after it). The
    Summit of 2021-05-20 is preceded by the Board of 2021-04-01: met. The Summit of 2022-08-15
    opened after the rule's end: under no version of it (README: a `before` window follows the
    version in force on the day the Summit opened), so no Board was due before it, though its
    window (2022-06-15..2022-08-14) begins while the rule was in force (it was `missed`)."""
    book = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'
    book += '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\n[[bodies.rules]]\nkind = "before"\nbody = "summit"\noffset = "2m"\nuntil = 2022-06-30\n'
    rows = "summit,regular,1,2021-05-20,,held,,\nboard,regular,1,2021-04-01,,held,,\nsummit,regular,2,2022-08-15,,held,,\n"
    out = _check(tmp_path, book, rows, "2025-06-01")
    assert _windows(out) == [("2021-03-20..2021-05-19", "met")] and out["summary"]["exit_code"] == 0
    out = _check(tmp_path, book, rows.replace("2022-08-15", "2022-06-20"), "2025-06-01")
    assert _windows(out) == [("2021-03-20..2021-05-19", "met"), ("2022-04-20..2022-06-19", "missed")]


def test_windows_after_a_loose_origin_nothing_answered_are_named_by_every_reading(tmp_path):
    """`every 18m`; Board `2019`, nothing since; as of 2023-03-15. On a reading m (2019-01..12)
    the j-th window is due m + 18j: 2020-07..2021-06 and 2022-01..2022-12, both closed:
    missed on every reading (the second was "2022-12", the latest reading's); the third,
    2023-07..2024-06, open on every reading, due by 2023-07-31 to 2024-06-30 (it said "by
    2024-06-30" alone, a year after the deadline of a Board held in January 2019). The
    readings of one rank span 12 months, less than the 18-month interval, so each rank is one
    window; where they span more (`every 3m` after `2000`) the latest reading's windows stay."""
    out = _check(tmp_path, ROLLING.format(interval="18m", more=""), "board,regular,,2019,,held,,\n", "2023-03-15")
    assert _windows(out) == [("2020-07..2021-06", "missed"), ("2022-01..2022-12", "missed"), ("2023-07..2024-06", "open")]
    (open_,) = [f for f in out["findings"] if f["verdict"] == "open"]
    assert "1 still due by 2023-07-31 to 2024-06-30" in open_["why"] and "after the window due 2022-01..2022-12" in open_["why"]


def test_project_names_the_window_after_a_loose_origin_as_check_does(tmp_path):
    """`every 18m`; Board `2019`, nothing since. As of 2023-03-15 check names the window the
    open one is due after "2022-01..2022-12" (above); project words the meeting it places for
    that open window "after the window due 2022-12" (the latest reading's period alone). The
    same window, named the same in both: "2022-01..2022-12". As of 2022-06-30 the window due
    now (2022-01..2022-12, still open on the latest reading) comes after the origin's own
    window, "2020-07..2021-06" in check, "2021-06" in project. Where the readings span more
    than one interval (`every 3m` after `2000`, as of 2001-08-15) check names the windows
    after the first by the latest reading ("after the window due 2001-06"), and so does project."""
    for today, due in (("2023-03-15", "2022-01..2022-12"), ("2022-06-30", "2020-07..2021-06")):
        out = _check(tmp_path, ROLLING.format(interval="18m", more=""), "board,regular,,2019,,held,,\n", today)
        assert any(f"18 months after the window due {due}, nothing held since the Board of 2019" in f["why"] for f in out["findings"])
        got = json.loads(_invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", today, "--to", "2026", "--format", "json").stdout)
        assert got["meetings"][0]["reason"].split("; moved from ")[0] == f"18 months after the window due {due}, nothing held since the Board of 2019"  # (then the day it moved from, where it did)
    out = _check(tmp_path, ROLLING.format(interval="3m", more=""), "board,regular,,2000,,held,,\n", "2001-08-15")
    # the window open now is one on every reading, each its own (audit 14): 2001-08..2001-10
    assert [f["window"]["label"] for f in out["findings"]] == ["2000-04..2001-03", "2001-06", "2001-08..2001-10"]
    assert "3 months after the window due 2001-06, nothing held" in out["findings"][-1]["why"]
    got = json.loads(_invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2001-08-15", "--to", "2001", "--format", "json").stdout)
    assert got["meetings"][0]["reason"] == "3 months after the window due 2001-06, nothing held since the Board of 2000"


def test_the_summary_gives_the_deadline_of_a_window_open_on_every_reading(tmp_path, monkeypatch):
    """`every 18m`; Board `2019`, nothing since; as of 2023-03-15 the window 2023-07..2024-06
    is open on every reading, due by 2023-07-31 if the Board met in January 2019, by 2024-06-30
    if in December (the why says "by 2023-07-31 to 2024-06-30"). The body's summary line said
    "1 due by 2023-07-31": a deadline the register does not give (held in December 2019, the
    Board is not late on 2023-08-01). It gives both ends, as the why does."""
    monkeypatch.setenv("COLUMNS", "200")  # (the summary on one line)
    _check(tmp_path, ROLLING.format(interval="18m", more=""), "board,regular,,2019,,held,,\n", "2023-03-15")
    text = _invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2023-03-15").stdout
    assert "open: 2023-07..2024-06 (1 due by 2023-07-31 to 2024-06-30)" in text
