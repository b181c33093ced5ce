"""An independent audit of `planner check`'s verdicts: small registers whose verdicts were
computed by hand from the README's semantics before the tool was run (each derivation is in
the test's comment), then compared with `planner check --format json`, end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

HEAD = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\n'


def _book(body: str, *, org: str = "", others: str = "") -> str:
    """A rule book: the organization (plus ``org`` lines), then ``others`` bodies, then the
    audited body ``board`` with the TOML ``body`` (its keys and rules)."""
    return f'{HEAD}{org}\n{others}\n[[bodies]]\nid = "board"\nname = "Board"\ncategory = "governing"\n{body}'


def _check(tmp_path: Path, book: str, rows: str, *args: str) -> dict:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(book, encoding="utf-8")
    meetings.write_text("body,kind,start,end,status,city,format\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", str(rules), "--meetings", str(meetings), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    out = json.loads(result.stdout)
    out["stderr"] = result.stderr
    out["exit"] = result.exit_code
    return out


def _verdicts(out: dict, body: str = "board", rule: int | None = None) -> dict[str, str]:
    return {
        f["window"]["label"]: f["verdict"]
        for f in out["findings"]
        if f["body"] == body and (rule is None or f["rule"] == rule) and f.get("window")
    }


def _finding(out: dict, label: str, body: str = "board") -> dict:
    (found,) = [f for f in out["findings"] if f["body"] == body and (f.get("window") or {}).get("label") == label]
    return found


SUMMIT = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'


def _rule(text: str) -> str:
    return "[[bodies.rules]]\n" + text + "\n"


# -- the start of a rule ----------------------------------------------------------------------


def test_a_rule_with_no_start_begins_with_the_first_counting_meeting_not_any_meeting(tmp_path):
    """README, Semantics, "Start": with neither `since` nor `established`, the rule starts with
    the body's first *counting* meeting. A special meeting in 2018 and a cancelled one in 2019
    count for nothing, so the first counting meeting (2020-05-01) starts the rule: 2020 met,
    2021 open (today 2021-06-01); 2018 and 2019 are not judged at all (they were `missed`)."""
    rows = "board,special,2018-05-01,,held,,\nboard,regular,2019-02-01,,cancelled,,\nboard,regular,2020-05-01,,held,,\n"
    out = _check(tmp_path, _book(_rule('kind = "at_least"\ncount = 1\nper = "year"')), rows, "--today", "2021-06-01")
    assert _verdicts(out) == {"2020": "met", "2021": "open"}
    assert out["exit"] == 0


# -- before another body's meeting ------------------------------------------------------------


def test_before_a_loosely_dated_origin_is_uncertain_when_the_day_decides(tmp_path):
    """`before`, offset 1m: for a Summit opening on day S, one Board meeting is due in
    [S - 1 month, S - 1]. The Summit is known only as 2024-06, the Board met 2024-05-20: if the
    Summit opened 2024-06-01..2024-06-20 the window [S - 1m, S - 1] holds 2024-05-20 (met);
    if it opened 2024-06-21..2024-06-30 the window starts after 2024-05-20 (missed). The verdict
    depends on a day the register does not give: `uncertain`, never `met` (it was)."""
    rows = "summit,regular,2024-06,,held,,\nboard,regular,2024-05-20,,held,,\n"
    book = _book(_rule('kind = "before"\nbody = "summit"\noffset = "1m"'), others=SUMMIT)
    out = _check(tmp_path, book, rows, "--today", "2025-01-01")
    (finding,) = [f for f in out["findings"] if f["body"] == "board"]
    assert finding["verdict"] == "uncertain"
    assert "met if it was held 2024-06-01..2024-06-20" in finding["why"]
    assert "missed if it was held 2024-06-21..2024-06-30" in finding["why"]


def test_before_a_loosely_dated_origin_stays_definite_when_every_day_agrees(tmp_path):
    """The same Summit (2024-06), Board on 2024-05-31: inside [S - 1m, S - 1] for every S in
    June (S - 1m <= 2024-05-30 <= 05-31 <= S - 1), so `met` whatever the day."""
    rows = "summit,regular,2024-06,,held,,\nboard,regular,2024-05-31,,held,,\n"
    book = _book(_rule('kind = "before"\nbody = "summit"\noffset = "1m"'), others=SUMMIT)
    out = _check(tmp_path, book, rows, "--today", "2025-01-01")
    assert list(_verdicts(out).values()) == ["met"]


def test_before_edges_of_the_window(tmp_path):
    """Summit 2021-06-15: window [2021-05-15, 2021-06-14]; a Board on 2021-05-15 (the first
    day) is met. Summit 2022-06-15, Board 2022-05-14 (one day too early): missed. Summit
    2023-06-15..17, Board 2023-06-15 (the Summit's own first day, not before it): missed."""
    rows = (
        "summit,regular,2021-06-15,,held,,\nboard,regular,2021-05-15,,held,,\n"
        "summit,regular,2022-06-15,,held,,\nboard,regular,2022-05-14,,held,,\n"
        "summit,regular,2023-06-15,2023-06-17,held,,\nboard,regular,2023-06-15,,held,,\n"
    )
    book = _book(_rule('kind = "before"\nbody = "summit"\noffset = "1m"'), others=SUMMIT)
    out = _check(tmp_path, book, rows, "--today", "2024-01-01")
    assert _verdicts(out) == {"2021-05-15..2021-06-14": "met", "2022-05-15..2022-06-14": "missed", "2023-05-15..2023-06-14": "missed"}


# -- explanations -------------------------------------------------------------------------------


def test_min_gap_names_the_meeting_it_did_not_count(tmp_path):
    """`at_least 2 per year`, `min_gap = "60d"`: 2021-01-01 and 2021-03-01 are 59 days apart,
    so they count once (missed, 1 of 2), and the why says which one did not count and why.
    2020-01-01 and 2020-03-01 are 60 days apart (2020 is a leap year): both count, met."""
    rule = _rule('kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "60d"')
    rows = "board,regular,2020-01-01,,held,,\nboard,regular,2020-03-01,,held,,\nboard,regular,2021-01-01,,held,,\nboard,regular,2021-03-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2021-12-31", "--to", "2021-12-30")
    assert _verdicts(out) == {"2020": "met", "2021": "open"}
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2022-06-01")
    assert _verdicts(out)["2021"] == "missed"
    why = _finding(out, "2021")["why"]
    assert "Not counted: Board 2021-03-01 (less than 60 days after a counted meeting" in why


def test_on_rule_names_the_meeting_of_a_kind_it_does_not_count(tmp_path):
    """`on` the third Tuesday of September (2025-09-16); only a special session met that day:
    missed, and the why names the special session as not counted."""
    rule = _rule('kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3')
    out = _check(tmp_path, _book("established = 2025-01-01\n" + rule), "board,special,2025-09-16,,held,,\n", "--today", "2025-12-01")
    finding = _finding(out, "2025-09-16")
    assert finding["verdict"] == "missed"
    assert "Not counted: Board 2025-09-16 (special: this rule counts regular meetings)" in finding["why"]


def test_one_meeting_is_not_worded_as_meetings(tmp_path):
    """`at_most 1 per half`: 2020-03-01 for certain and one known only as 2020 (H1 or H2):
    H1 is uncertain, worded "1 meeting for certain", never "1 meetings"."""
    rule = _rule('kind = "at_most"\ncount = 1\nper = "half"')
    rows = "board,regular,2020-03-01,,held,,\nboard,regular,2020,,held,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2021-01-01")
    assert _verdicts(out) == {"2020 H1": "uncertain", "2020 H2": "met", "2021 H1": "open"}
    assert "1 meeting for certain and 1 dated too loosely" in _finding(out, "2020 H1")["why"]


# -- real histories (sources in each register row) ----------------------------------------------

AUDIT = Path(__file__).parent.parent / "audit"


def _real(name: str, today: str) -> dict:
    result = CliRunner().invoke(
        main,
        ["check", "--rules", str(AUDIT / f"{name}.toml"), "--meetings", str(AUDIT / f"{name}-meetings.csv"), "--today", today, "--format", "json"],
    )
    out = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def _rows(out: dict) -> list[tuple[str, str, bool]]:
    return [(f["window"]["label"], f["verdict"], f["pending"]) for f in out["findings"]]


def test_texas_legislature_convenes_on_the_second_tuesday_of_january_in_odd_years():
    """Texas Government Code s.301.001. Second Tuesdays of January, worked out from the
    calendar: 2015-01-13 (1 January a Thursday: Tuesdays 6, 13), 2017-01-10, 2019-01-08,
    2021-01-12, 2023-01-10, 2025-01-14, and next 2027-01-12 (1 January a Friday: 5, 12).
    The 84th-89th Legislatures convened on those very days: all met; the 85th's called session
    in July 2017 is special and an even year is never due; next due 2027-01-12. Exit 0."""
    out = _real("texas-legislature", "2025-06-01")
    met = [(d, "met", False) for d in ("2015-01-13", "2017-01-10", "2019-01-08", "2021-01-12", "2023-01-10", "2025-01-14")]
    assert _rows(out) == [*met, ("2027-01-12", "open", True)]
    assert out["exit"] == 0


def test_texas_legislature_the_day_before_it_convenes_is_open():
    """On 2025-01-13 the 89th Legislature's day (2025-01-14) has not come: it is what is due
    next (open, pending), not missed."""
    out = _real("texas-legislature", "2025-01-13")
    assert _rows(out)[-1] == ("2025-01-14", "open", True)
    assert out["summary"]["violations"] == 0


def test_chogm_customarily_every_two_years():
    """CHOGM, `every 2y` rolling, customary. 2009 -> due 2011: Perth 2011 met; -> 2013 Colombo
    met; -> 2015 Valletta met; -> due 2017: London 2018-04-15 is 1 year late (advisory, the
    Vanuatu meeting was moved after Cyclone Pam); -> due 2020: the Kigali meeting of June 2020
    was postponed (not counted, and named) and held 2022-06, past the 2020 deadline: the last
    window whose deadline it missed is 2020, so 2020 is 2 years late (advisory), and the chain
    goes on from 2022: due 2024, Apia 2024-10-21 met; due 2026, open on 2025-06-01. Exit 0:
    a custom kept late is advisory, never a violation."""
    out = _real("chogm", "2025-06-01")
    assert _rows(out) == [
        ("2011", "met", False),
        ("2013", "met", False),
        ("2015", "met", False),
        ("2017", "advisory", False),
        ("2020", "advisory", False),
        ("2024", "met", False),
        ("2026", "open", False),
    ]
    late = {f["window"]["label"]: f for f in out["findings"]}
    assert late["2017"]["delay"] == "1 year" and late["2020"]["delay"] == "2 years"
    assert "CHOGM 2020-06 (Kigali) (postponed)" in late["2020"]["why"]
    assert out["exit"] == 0 and out["summary"]["advisories"] == 2


# -- today, and the day a meeting belongs to ----------------------------------------------------


def test_a_window_ending_on_today_is_open_and_a_meeting_on_today_counts(tmp_path):
    """`at_least 1 per year` from 2020. On 2021-12-31 with nothing held in 2021 the year is
    still running (a meeting may be held that day): open, also with `--to 2021-12-31`. With
    `--to 2021-12-31` seen from 2022-03-01 the day is closed: missed. A meeting held on
    2021-12-31 itself, seen that day: met."""
    book = _book("established = 2020-01-01\n" + _rule('kind = "at_least"\ncount = 1\nper = "year"'))
    rows = "board,regular,2020-03-01,,held,,\n"
    assert _verdicts(_check(tmp_path, book, rows, "--today", "2021-12-31"))["2021"] == "open"
    assert _verdicts(_check(tmp_path, book, rows, "--today", "2021-12-31", "--to", "2021-12-31"))["2021"] == "open"
    assert _verdicts(_check(tmp_path, book, rows, "--today", "2022-03-01", "--to", "2021-12-31"))["2021"] == "missed"
    rows += "board,regular,2021-12-31,,held,,\n"
    assert _verdicts(_check(tmp_path, book, rows, "--today", "2021-12-31"))["2021"] == "met"


def test_a_meeting_counts_in_the_period_it_opens(tmp_path):
    """`at_least 1 per half`: a Board on 2020-06-30..2020-07-01 serves 2020 H1 (its first
    day), so 2020 H2 is missed; a Board known only as 2021 may have opened in either half, so
    both halves of 2021 are uncertain, never missed; one dated 2022-03 serves 2022 H1."""
    book = _book("established = 2020-01-01\n" + _rule('kind = "at_least"\ncount = 1\nper = "half"'))
    rows = "board,regular,2020-06-30,2020-07-01,held,,\nboard,regular,2021,,held,,\nboard,regular,2022-03,,held,,\n"
    assert _verdicts(_check(tmp_path, book, rows, "--today", "2022-12-01")) == {
        "2020 H1": "met",
        "2020 H2": "missed",
        "2021 H1": "uncertain",
        "2021 H2": "uncertain",
        "2022 H1": "met",
        "2022 H2": "open",
    }


def test_after_in_days_counts_from_the_day_the_other_meeting_opens(tmp_path):
    """`after`, offset 30d: "30 days after the Summit of 2021-06-01" is 2021-07-01, whether
    the Summit lasted one day or three (2021-06-01..03), as `every 30d` and `max_gap` count
    from a meeting's first day. Board 2021-07-01: met; Summit 2022-06-01..03, Board
    2022-07-02: 1 day late (it was met: the tool counted from 2022-06-03)."""
    rows = (
        "summit,regular,2021-06-01,2021-06-03,held,,\nboard,regular,2021-07-01,,held,,\n"
        "summit,regular,2022-06-01,2022-06-03,held,,\nboard,regular,2022-07-02,,held,,\n"
    )
    book = _book(_rule('kind = "after"\nbody = "summit"\noffset = "30d"'), others=SUMMIT)
    out = _check(tmp_path, book, rows, "--today", "2023-01-01")
    assert _verdicts(out) == {"2021-07-01": "met", "2022-07-01": "late"}
    assert _finding(out, "2022-07-01")["delay"] == "1 day"


# -- gaps after a loosely dated meeting ---------------------------------------------------------


def test_a_silence_after_a_year_only_meeting_is_uncertain_while_its_day_decides(tmp_path):
    """`max_gap = "15m"`; the last meeting is known only as 2021, nothing since; today
    2022-12-01. Held on 2021-01-01, the next was due by 2022-04-01 (missed); held on
    2021-12-31, by 2023-03-31 (still open). The day decides: `uncertain`, never `missed` (it
    was "missed, due by 2022-04-01"). The gap's days run 2022-01-01..2023-03-31."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "15m"')
    rows = "board,regular,2020-06-01,,held,,\nboard,regular,2021,,held,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule), rows, "--today", "2022-12-01")
    finding = _finding(out, "2022-01-01..2023-03-31")
    assert finding["verdict"] == "uncertain"
    assert "due by 2022-04-01 if it was held on 2021-01-01, by 2023-03-31 if on 2021-12-31" in finding["why"]
    assert out["exit"] == 0


def test_a_silence_after_a_year_only_meeting_is_missed_once_every_day_is_past(tmp_path):
    """`max_gap = "120d"`, last meeting known only as 2021, today 2022-12-01: even if it was
    held on 2021-12-31 the next was due by 2022-04-30, long past: missed, due by 2022-04-30
    at the latest (the window is 2022-01-01..2022-04-30, not the inverted
    2022-01-01..2021-05-01 it was)."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"')
    rows = "board,regular,2021,,held,,\n"
    out = _check(tmp_path, _book("established = 2021-01-01\n" + rule), rows, "--today", "2022-12-01")
    finding = _finding(out, "2022-01-01..2022-04-30")
    assert finding["verdict"] == "missed"
    assert "due by 2022-04-30 at the latest" in finding["why"]


def test_a_broken_gap_where_records_are_not_complete_is_unknown(tmp_path):
    """`max_gap = "120d"`, records complete from 2022. 2020-01-10 to 2020-12-01 is 326 days,
    but a meeting may have been held in between and not recorded (2020 is not known complete):
    unknown, not late. 2020-12-01 to 2022-06-01 (its days 2020-12-02..2021-03-31 are before
    2022) was unknown too until session 22: a meeting held unrecorded in 2021 opened by
    2021-12-31 at the latest, 120 days before 2022-04-30, and none is recorded in 2022 before
    2022-06-01: some gap ending 2022-06-01 is late on every reading, by 32 days at least, so
    it is `late` (the twenty-second audit's lead). After 2022-06-01 nothing by 2022-09-29,
    records complete: missed."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"')
    book = _book('established = 2019-01-01\nrecords = [{ start = 2022, source = "minutes" }]\n' + rule)
    rows = "board,regular,2020-01-10,,held,,\nboard,regular,2020-12-01,,held,,\nboard,regular,2022-06-01,,held,,\n"
    got = _verdicts(_check(tmp_path, book, rows, "--today", "2023-06-01"))
    assert got["2020-01-11..2020-05-09"] == "unknown"
    assert got["2020-12-02..2021-03-31"] == "late"
    assert got["2022-06-02..2022-09-29"] == "missed"


def test_except_when_a_loosely_dated_meeting_may_excuse_is_uncertain(tmp_path):
    """`at_least 1 per half` with `except_when = ["summit"]`; the only Summit is known as
    2020, no Board meeting in 2020. The Summit was in H1 or in H2: whichever half it was in is
    excused, the other missed, and the register does not say which: both halves `uncertain`
    (they were both `missed`). 2021 H1, with no Summit: missed."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "half"\nexcept_when = ["summit"]')
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule, others=SUMMIT), "summit,regular,2020,,held,,\n", "--today", "2021-07-01")
    assert _verdicts(out) == {"2020 H1": "uncertain", "2020 H2": "uncertain", "2021 H1": "missed", "2021 H2": "open"}
    assert "Excused if Summit 2020 was held in 2020 H1" in _finding(out, "2020 H1")["why"]


def test_infosys_agms_each_year_and_within_fifteen_months():
    """Companies Act 2013 s.96(1): an AGM in each year, at most 15 months apart. The 37th to
    43rd AGMs (2018-06-23 ... 2024-06-26): one in each calendar year 2018-2024 (met; 2025
    open). Gaps, each labelled from the day after an AGM to 15 months after it: 364 days
    (2018-06-23 to 2019-06-22), 371 (to 2020-06-27, over 29 February), 357, 371, 368, 364:
    all within; the next is due by 2024-06-26 + 15 months = 2025-09-26 (open). Exit 0."""
    out = _real("infosys-agm", "2025-06-01")
    gaps = ["2018-06-24..2019-09-23", "2019-06-23..2020-09-22", "2020-06-28..2021-09-27", "2021-06-20..2022-09-19", "2022-06-26..2023-09-25", "2023-06-29..2024-09-28"]
    years = [str(y) for y in range(2018, 2025)]
    got = {label: verdict for label, verdict, _ in _rows(out)}
    assert got == {**dict.fromkeys(years + gaps, "met"), "2024-06-27..2025-09-26": "open", "2025": "open"}
    whys = " ".join(f["why"] for f in out["findings"])
    for days in (364, 371, 357, 368):
        assert f"gap of {days} days" in whys
    assert out["exit"] == 0


def test_sessions_with_no_city_recorded_are_not_guessed_into_one_event(tmp_path):
    """`count_by = "event"`, at least twice a year. 2021-03-01 and 2021-03-02 with no city
    recorded: one event if held in one place, two if not; the register does not say, so the
    year is `uncertain` (it was `missed`, 1 of 2, as if they were known to be together).
    2022-11-10 and 11 in Bern, both recorded: one event, missed, and the why names the merge.
    Two online sessions (a video conference has no city) on 2023-05-02 and 03: one event."""
    rule = _rule('kind = "at_least"\ncount = 2\nper = "year"\ncount_by = "event"')
    rows = "board,regular,2021-03-01,,held,,\nboard,regular,2021-03-02,,held,,\nboard,regular,2022-11-10,,held,Bern,\nboard,regular,2022-11-11,,held,Bern,\n"
    rows += "board,regular,2023-05-02,,held,,online\nboard,regular,2023-05-03,,held,,online\n"
    out = _check(tmp_path, _book("established = 2021-01-01\n" + rule), rows, "--today", "2024-01-01")
    assert _verdicts(out) == {"2021": "uncertain", "2022": "missed", "2023": "missed", "2024": "open"}
    assert "no city is recorded to tell whether Board 2021-03-02 was held with another session" in _finding(out, "2021")["why"]
    assert "Merged: Board 2022-11-10 (Bern) and Board 2022-11-11 (Bern)" in _finding(out, "2022")["why"]


def test_to_after_today_judges_the_windows_to_come_as_open(tmp_path):
    """`at_least 1 per year` from 2020, one meeting 2020-06-01, `--today 2021-06-01 --to
    2023-12-31`: 2020 met; 2021 (running), 2022 and 2023 (to come) open, none missed."""
    book = _book("established = 2020-01-01\n" + _rule('kind = "at_least"\ncount = 1\nper = "year"'))
    out = _check(tmp_path, book, "board,regular,2020-06-01,,held,,\n", "--today", "2021-06-01", "--to", "2023-12-31")
    assert _verdicts(out) == {"2020": "met", "2021": "open", "2022": "open", "2023": "open"}
    assert out["summary"]["open"] == 3 and out["exit"] == 0


# -- hand-computed cases the code already answered right (kept so they stay right) -------------


def test_rolling_year_edges(tmp_path):
    """`every 1y` rolling: 2020-12-31 -> due 2021, held 2021-12-31 (its last day): met;
    -> due 2022, held 2023-01-01 (a day past): 1 year late; -> due 2024, open on 2024-06-01."""
    rows = "board,regular,2020-12-31,,held,,\nboard,regular,2021-12-31,,held,,\nboard,regular,2023-01-01,,held,,\n"
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "1y"')), rows, "--today", "2024-06-01")
    assert _verdicts(out) == {"2021": "met", "2022": "late", "2024": "open"}
    assert _finding(out, "2022")["delay"] == "1 year"


def test_leap_day_origin_in_months_and_in_days(tmp_path):
    """From 2024-02-29: `every 12m` is due in 2025-02, met by 2025-02-28; from 2025-02-28 due
    2026-02, and 2026-03-01 is 1 month late. `every 365d`: 2024-02-29 + 365 days = 2025-02-28,
    met; 2025-02-28 + 365 = 2026-02-28, and 2026-03-01 is 1 day late."""
    rows = "board,regular,2024-02-29,,held,,\nboard,regular,2025-02-28,,held,,\nboard,regular,2026-03-01,,held,,\n"
    months = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "12m"')), rows, "--today", "2026-06-01")
    assert _verdicts(months) == {"2025-02": "met", "2026-02": "late", "2027-03": "open"}
    assert _finding(months, "2026-02")["delay"] == "1 month"
    days = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "365d"')), rows, "--today", "2026-06-01")
    assert _verdicts(days) == {"2025-02-28": "met", "2026-02-28": "late", "2027-03-01": "open"}
    assert _finding(days, "2026-02-28")["delay"] == "1 day"


def test_grid_tolerance_at_both_edges(tmp_path):
    """`every 2y` grid from 2020, `tolerance = "2m"`: 2020 met (2020-05-01); 2022 met by
    2023-02-28, the tolerance's last day (2023 is no grid year, so nothing else claims it);
    2024 met; 2026's deadline is 2027-02-28 and 2027-03-01 is a day past it: late (1 year, in
    the rule's unit); 2028 next due by 2029-02-28."""
    rule = _rule('kind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2020\ntolerance = "2m"')
    rows = "board,regular,2020-05-01,,held,,\nboard,regular,2023-02-28,,held,,\nboard,regular,2024-06-01,,held,,\nboard,regular,2027-03-01,,held,,\n"
    out = _check(tmp_path, _book(rule), rows, "--today", "2027-06-01")
    assert _verdicts(out) == {"2020": "met", "2022": "met", "2024": "met", "2026": "late", "2028": "open"}
    assert _finding(out, "2028")["pending"] and _finding(out, "2028")["due_by"] == "2029-02-28"


def test_on_the_third_tuesday_every_verdict(tmp_path):
    """`on` the third Tuesday of September. 2021-09-21 (1 Sept a Wednesday: 7, 14, 21): met.
    2022: due 09-20, held 09-21: off_date. 2023: held "2023-09" (the month holds 09-19):
    uncertain. 2024: due 09-17, a meeting 09-16..18 opens the day before: off_date. 2025:
    only a special session on 09-16: missed. 2026-09-15 is --today, planned that day: open."""
    rule = _rule('kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3')
    rows = (
        "board,regular,2021-09-21,,held,,\nboard,regular,2022-09-21,,held,,\nboard,regular,2023-09,,held,,\n"
        "board,regular,2024-09-16,2024-09-18,held,,\nboard,special,2025-09-16,,held,,\nboard,regular,2026-09-15,,planned,,\n"
    )
    out = _check(tmp_path, _book("established = 2021-01-01\n" + rule), rows, "--today", "2026-09-15")
    assert _verdicts(out) == {
        "2021-09-21": "met",
        "2022-09-20": "off_date",
        "2023-09-19": "uncertain",
        "2024-09-17": "off_date",
        "2025-09-16": "missed",
        "2026-09-15": "open",
        "2027-09-21": "open",
    }


def test_except_when_counts_only_the_other_bodys_regular_meetings_held_or_still_planned(tmp_path):
    """`at_least 1 per year`, `except_when = ["summit"]`, `excused` 2023. 2020: a Summit held,
    excused. 2021: the Summit was cancelled: missed. 2022: only a special Summit: missed.
    2023: excused period. 2024: the Board met (the Summit planned for 2024-05 was never
    confirmed: no excuse needed). 2025: a Summit known only as 2025 excuses 2025."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nexcept_when = ["summit"]\nexcused = [{ start = 2023, reason = "pandemic" }]')
    rows = (
        "summit,regular,2020-05-01,,held,,\nsummit,regular,2021-05-01,,cancelled,,\nsummit,special,2022-05-01,,held,,\n"
        "summit,regular,2024-05-01,,planned,,\nboard,regular,2024-06-01,,held,,\nsummit,regular,2025,,held,,\n"
    )
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule, others=SUMMIT), rows, "--today", "2025-06-01")
    assert _verdicts(out) == {"2020": "excused", "2021": "missed", "2022": "missed", "2023": "excused", "2024": "met", "2025": "excused"}


def test_records_partly_before_a_window_and_a_lost_year(tmp_path):
    """Records complete from 2019-07-01, 2021 known incomplete; `at_least 1 per year` from
    2017, one meeting in 2018. 2017: unknown; 2018: met; 2019: its first half is not known
    complete: unknown; 2020: missed; 2021: unknown (lost); 2022: missed; 2023: open."""
    body = 'established = 2017-01-01\nrecords = [{ start = 2019-07-01, source = "x" }, { start = 2021, end = 2021, complete = false, note = "lost" }]\n'
    out = _check(tmp_path, _book(body + _rule('kind = "at_least"\ncount = 1\nper = "year"')), "board,regular,2018-05-01,,held,,\n", "--today", "2023-06-01")
    assert _verdicts(out) == {"2017": "unknown", "2018": "met", "2019": "unknown", "2020": "missed", "2021": "unknown", "2022": "missed", "2023": "open"}


def test_rule_versions_change_on_the_first_day_of_a_window(tmp_path):
    """Rule `r`: once a year until 2020-06-30, twice a year since 2020-07-01. A window belongs
    to the version in force on its first day: 2020 (from 2020-01-01) is judged once a year,
    met by 2020-05-01; 2021, twice a year: 1 of 2, missed."""
    rules = _rule('id = "r"\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2020-06-30') + _rule('id = "r"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2020-07-01')
    rows = "board,regular,2019-05-01,,held,,\nboard,regular,2020-05-01,,held,,\nboard,regular,2021-05-01,,held,,\n"
    out = _check(tmp_path, _book("established = 2019-01-01\n" + rules), rows, "--today", "2022-06-01")
    assert _verdicts(out, rule=0) == {"2019": "met", "2020": "met"}
    assert _verdicts(out, rule=1) == {"2021": "missed", "2022": "open"}


def test_the_organizations_time_zone_does_not_move_dates(tmp_path):
    """A meeting on 2020-12-31 counts in 2020 whether the organization sits at UTC+14
    (Kiritimati) or UTC-11 (Pago Pago)."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"')
    rows = "board,regular,2020-12-31,,held,,\nboard,regular,2022-01-01,,held,,\n"
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        out = _check(tmp_path, _book("established = 2020-01-01\n" + rule, org=f'timezone = "{zone}"\n'), rows, "--today", "2022-01-01")
        assert _verdicts(out) == {"2020": "met", "2021": "missed", "2022": "met"}


def test_the_delay_of_a_loosely_dated_late_meeting_is_a_range(tmp_path):
    """`every 90d` from 2021-01-01: due 2021-04-01; the next meeting is known only as 2021-06,
    so it came 61 to 90 days late (it said "61 days", more certain than the register). Under
    `every 3m` (due 2021-04) it is 2 months late whatever its day. Judged on 2021-07-01 (on
    2021-06-15 it may not have opened yet: uncertain, tests/semantics/test_semantics_audit7.py)."""
    rules = _rule('id = "a"\nkind = "every"\ninterval = "90d"') + _rule('id = "b"\nkind = "every"\ninterval = "3m"')
    out = _check(tmp_path, _book(rules), "board,regular,2021-01-01,,held,,\nboard,regular,2021-06,,held,,\n", "--today", "2021-07-01")
    assert _finding(out, "2021-04-01")["delay"] == "61 to 90 days"
    assert _finding(out, "2021-04")["delay"] == "2 months"
    assert "held Board 2021-06: 61 to 90 days late" in _finding(out, "2021-04-01")["why"]


def test_every_test_the_readme_semantics_names_exists():
    """The README's "Semantics" lines name the tests that back them: each must exist."""
    import re

    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Semantics") : readme.index("## The register")]
    named = set(re.findall(r"`(test_[a-z0-9_]+)`", section))
    source = "".join(path.read_text(encoding="utf-8") for path in sorted(Path(__file__).parent.parent.glob("*/test_semantics*.py")))
    assert named and not [n for n in sorted(named) if f"def {n}(" not in source]


def test_un_security_council_fourteen_day_rule_where_the_record_is_known():
    """Provisional rule 1: at most 14 days between meetings. The source names every meeting of
    two stretches: after the 23rd meeting (1946-02-16) none until 1946-03-26, and none after
    2020-03-12 up to 2020-06-10. 1946-02-16 + 14 days = 1946-03-02, so 1946-03-26 is 24 days
    late (38-day gap). The gap from 1946-03-26 runs into decades the register does not cover:
    unknown, never "27001 days late". After 2020-03-12 nothing by 2020-03-26: missed. The
    years 1947-2019 are unknown (73), 1946 and 2020 met. Exit 1."""
    out = _real("un-security-council", "2020-06-10")
    got = {f["window"]["label"]: f for f in out["findings"]}
    assert got["1946-02-17..1946-03-02"]["verdict"] == "late" and got["1946-02-17..1946-03-02"]["delay"] == "24 days"
    assert got["1946-03-27..1946-04-09"]["verdict"] == "unknown"
    assert got["2020-03-13..2020-03-26"]["verdict"] == "missed"
    assert got["1946"]["verdict"] == got["2020"]["verdict"] == "met"
    assert {got[str(y)]["verdict"] for y in range(1947, 2020)} == {"unknown"}
    assert out["summary"]["violations"] == 2 and out["summary"]["unknown"] == 74 and out["exit"] == 1


def test_an_unknown_gap_states_no_delay(tmp_path):
    """The same 326-day gap as above: its verdict is `unknown` because 2020's records are not
    known complete, so "206 days late" would claim what the register cannot say; the why
    still gives the gap and why it is not judged."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"')
    book = _book('established = 2019-01-01\nrecords = [{ start = 2022, source = "minutes" }]\n' + rule)
    rows = "board,regular,2020-01-10,,held,,\nboard,regular,2020-12-01,,held,,\nboard,regular,2022-06-01,,held,,\n"
    finding = _finding(_check(tmp_path, book, rows, "--today", "2023-06-01"), "2020-01-11..2020-05-09")
    assert finding["verdict"] == "unknown"
    assert finding["delay"] is None
    assert "gap of 326 days" in finding["why"] and "Unknown, not late" in finding["why"]
