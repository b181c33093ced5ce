"""A twenty-fifth audit, of `project`, `diff` and the projected events of `ics`: small rule
books whose projection, diff or feed was worked out by hand first (in each test's docstring,
from DESIGN.md, the README and the rule text cited), then compared with `--format json` or
the feed's lines. Days off are those of the `holidays` package (0.109) for the host, in the
default categories. This time: meetings recorded late that an earlier projection foresaw
(`diff --meetings`), one place written two ways (a host "changed" from "Vienna (Secretariat)"
to "Vienna, Austria"), projections across a rule version starting in the future, across a
body's end and from a last meeting known only to the year, a start known to the day with an
end known to the month in a feed, and the basics again (weekends and holidays of the host,
bodies meeting just before another, numbers continued, fixed days)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org

ROOT = Path(__file__).resolve().parent.parent.parent
_AUDIT = ROOT / "tests" / "audit"
_VIENNA = _org("Vienna", "Austria")
_COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"
_TWICE = 'kind = "at_least"\ncount = 2\nper = "year"\n'
_TWELVE_MONTHS = 'kind = "every"\ninterval = "12m"\n'


def _why(out: dict) -> list[tuple[str, str]]:
    return [(m["start"], m["reason"]) for m in out["meetings"] if m["status"] == "projected"]


def _projections(tmp_path: Path, book: str, before: tuple[str, str], after: tuple[str, str], to: str) -> tuple[Path, Path, Path]:
    """``book`` projected from the rows ``before[0]`` as of ``before[1]`` and again from
    ``after[0]`` as of ``after[1]``, to ``to``: the rule book, BEFORE.json and AFTER.json."""
    (tmp_path / "r.toml").write_text(book, encoding="utf-8")
    runner = CliRunner()
    for name, (rows, today) in (("before", before), ("after", after)):
        (tmp_path / f"{name}.csv").write_text(_COLUMNS + rows, encoding="utf-8")
        args = ["project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / f"{name}.csv"), "--today", today, "--to", to, "--format", "json", "-o", str(tmp_path / f"{name}.json")]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    return tmp_path / "r.toml", tmp_path / "before.json", tmp_path / "after.json"


def _diff(tmp_path: Path, book: str, before: tuple[str, str], after: tuple[str, str], to: str = "2027-12-31", register: bool = True) -> dict:
    """`diff BEFORE AFTER` as JSON, given AFTER's register (``--meetings``) where ``register``."""
    rules, old, new = _projections(tmp_path, book, before, after, to)
    more = ["--rules", str(rules), "--meetings", str(tmp_path / "after.csv")] if register else []
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "json", *more])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _held(out: dict) -> list[tuple[str, str, str]]:
    return [(c["before"]["start"], c["after"]["start"], c["why"]) for c in out["held"]]


_BOARD_TWICE = _VIENNA + _body("bd", "Board", "", _TWICE)


def _board(*days: str) -> str:
    return "".join(f"bd,regular,,{d},,held,Vienna,Austria\n" for d in days)


# -- 1. `diff --meetings`: a meeting recorded late, dated before the first projection was made ------


def test_diff_says_a_meeting_recorded_late_was_held_though_dated_before_the_first_projection(tmp_path):
    """A Board at least twice a year (the Secretariat in Vienna), held Tue 2026-03-10. Projected
    as of Fri 2026-11-20 (BEFORE): 2026 holds one of two; the Board met in one month only, so
    its two a year are spread evenly (April, October), both passed: the second ("2 of 2 in
    2026") goes in the middle of what is left of 2026, Sat 11-21 to Thu 12-31 (41 days), the
    21st day: Fri 2026-12-11. The Secretariat then records a Board held Thu 2026-11-12, a
    week before BEFORE was made, and projects again as of 2027-01-10 (AFTER), whose horizon
    does not reach 2026. By hand, `diff --meetings`: BEFORE's second Board of 2026 was held on
    2026-11-12: "held 2026-11-12 in Vienna, Austria (the register's row); was projected for
    <BEFORE's day>", not "outside the new horizon". BEFORE counted one meeting of 2026 (its
    projected one is the 2nd), the register now holds two dated before BEFORE was made: one of
    them is new to it. Before, a row dated before BEFORE's --today was never looked at."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10", "2026-11-12"), "2027-01-10"))
    was = json.loads((tmp_path / "before.json").read_text())["meetings"][0]
    assert (was["start"], was["reason"]) == ("2026-12-11", "at least twice a year: 2 of 2 in 2026")
    assert _held(out) == [("2026-12-11", "2026-11-12", "held 2026-11-12 in Vienna, Austria (the register's row); was projected for 2026-12-11")]
    assert [c["before"]["start"] for c in out["dropped"]] == []


def test_diff_does_not_take_a_row_the_first_projection_already_counted_for_a_meeting_held(tmp_path):
    """As above, but nothing recorded since: the register still holds the Board of Tue
    2026-03-10 alone, which BEFORE counted (its projected meeting is "2 of 2 in 2026"). By
    hand: nothing says the second Board of 2026 was held; it lies outside AFTER's horizon
    (2027-01-10 to 2027-12-31), and `diff` says so. A row BEFORE knew answers none of its
    projected meetings: pairing it would claim a meeting held that the register does not
    record (a verdict more certain than the data)."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10"), "2027-01-10"))
    assert out["held"] == []
    assert [(c["before"]["start"], c["why"]) for c in out["dropped"]] == [
        ("2026-12-11", "outside the new horizon (2027-01-10 to 2027-12-31) (was: at least twice a year: 2 of 2 in 2026)"),
    ]


def test_diff_pairs_two_meetings_recorded_late_with_the_two_projected_in_order(tmp_path):
    """The Board held in 2025 only (Mon 2025-03-10 and Tue 2025-10-14), projected as of
    2026-11-20: 2026 holds none of two, so two are projected in what is left of it ("1 of 2",
    "2 of 2 in 2026"). The Secretariat then records both Boards of 2026, held Tue 2026-03-10
    and Tue 2026-10-13, and projects as of 2027-01-10. By hand: BEFORE counted none of 2026
    (its first projected one is the 1st), so both rows are new to it; each of its projected
    meetings was held, in order: the 1st on 2026-03-10, the 2nd on 2026-10-13; nothing dropped."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2025-03-10", "2025-10-14"), "2026-11-20"), (_board("2025-03-10", "2025-10-14", "2026-03-10", "2026-10-13"), "2027-01-10"), to="2027-06-30")
    before = [(m["start"], m["reason"]) for m in json.loads((tmp_path / "before.json").read_text())["meetings"] if m["start"] < "2027"]
    assert [r for _, r in before] == ["at least twice a year: 1 of 2 in 2026", "at least twice a year: 2 of 2 in 2026"]
    first, second = (d for d, _ in before)
    assert [(b, a) for b, a, _ in _held(out)] == [(first, "2026-03-10"), (second, "2026-10-13")]
    assert out["dropped"] == []


def test_diff_pairs_a_meeting_recorded_late_in_the_month_a_twelve_month_chain_was_due(tmp_path):
    """A Board every 12 months without numbers, held Wed 2025-11-05; projected as of
    2026-11-20: due in November 2026 (12 months on), its usual day the 5th passed, so the
    first working day ahead, Mon 2026-11-23. The register then records the Board held Thu
    2026-11-12 (before BEFORE was made), and the projection is made again as of 2027-01-10.
    By hand: BEFORE's November Board was the 1st of its period (2026-11), and the register now
    holds a row of that month it did not: "held 2026-11-12 ...; was projected for 2026-11-23"."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _diff(tmp_path, book, (_board("2025-11-05"), "2026-11-20"), (_board("2025-11-05", "2026-11-12"), "2027-01-10"))
    assert _held(out) == [("2026-11-23", "2026-11-12", "held 2026-11-12 in Vienna, Austria (the register's row); was projected for 2026-11-23")]


# -- 2. One place written two ways is no change of host --------------------------------------------


def test_diff_a_numbered_meeting_planned_where_it_was_projected_changes_no_host(tmp_path):
    """A Board every 12 months at the Secretariat in Vienna, the 3rd held Tue 2026-03-10;
    projected as of 2026-11-20: the 4th Wed 2027-03-10, "Vienna (Secretariat)". The
    Secretariat then plans the 4th on that day in Vienna, Austria. By hand: the same meeting,
    the same days, the same place: nothing moved and no host changed. Before, `diff` compared
    the host's words, "Vienna (Secretariat)" (projected) and "Vienna, Austria" (planned): "1
    host changed". A plan in Graz is a host changed."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    third = "bd,regular,3,2026-03-10,,held,Vienna,Austria\n"
    out = _diff(tmp_path, book, (third, "2026-11-20"), (third + "bd,regular,4,2027-03-10,,planned,Vienna,Austria\n", "2026-11-20"), register=False)
    assert (out["hosts_changed"], out["moved"], out["added"], out["dropped"]) == ([], [], [], [])
    out = _diff(tmp_path, book, (third, "2026-11-20"), (third + "bd,regular,4,2027-03-10,,planned,Graz,Austria\n", "2026-11-20"), register=False)
    assert [(c["before"]["host"], c["after"]["host"]) for c in out["hosts_changed"]] == [("Vienna (Secretariat)", "Graz, Austria")]


def test_diff_a_meeting_without_a_number_planned_on_its_projected_days_is_neither_added_nor_dropped(tmp_path):
    """The Board at least twice a year, held Tue 2026-03-10; projected as of 2026-11-20: its
    second of 2026 on Fri 2026-12-11. The Secretariat accepts it: a row planned on 2026-12-11
    in Vienna, Austria, and projects again the same day. By hand: one meeting, on its days, in
    its place; as a numbered meeting accepted (its number kept), no change: not "added" (the
    plan) beside "dropped" (the projection), as if two meetings."""
    out = _diff(tmp_path, _BOARD_TWICE, (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10") + "bd,regular,,2026-12-11,,planned,Vienna,Austria\n", "2026-11-20"), register=False)
    assert (out["added"], out["dropped"], out["hosts_changed"], out["moved"]) == ([], [], [], [])


# -- 3. A start known to the day, an end known to the month: the feed and the schedule -------------

def _event(feed: str, summary_starts: str) -> dict[str, str]:
    """The properties of the event whose SUMMARY starts so (lines unfolded)."""
    text = feed.replace("\r\n", "\n").replace("\n ", "")
    for block in text.split("BEGIN:VEVENT\n")[1:]:
        props = dict(line.split(":", 1) for line in block.split("END:VEVENT")[0].splitlines() if ":" in line)
        if props.get("SUMMARY", "").startswith(summary_starts):
            return props
    raise AssertionError(f"no event {summary_starts!r}")


def _feed(tmp_path: Path, book: str, register: str) -> str:
    """The combined feed of the register's meetings alone (no projection), as of 2026-12-05."""
    result = CliRunner().invoke(main, ["ics", "-q", "--no-projected", "--rules", str(_AUDIT / book), "--meetings", str(_AUDIT / register), "--today", "2026-12-05", "--out", str(tmp_path / "feeds")])
    assert result.exit_code == 0, result.output
    return (tmp_path / "feeds" / "all.ics").read_text(encoding="utf-8")


def test_a_session_broken_off_in_its_month_is_a_confirmed_event_of_its_first_day(tmp_path):
    """The Swiss Federal Assembly's spring session 2020 opened Mon 2 March and was broken off
    over COVID-19 (swissinfo, 15 March 2020: "began on March 2 and was due to run for another
    week from March 16"); the audit register gives its end as `2020-03`. By hand: its first
    day is certain and it was held: CONFIRMED, blocking time (OPAQUE); its end may be any day
    of March from the 2nd, so the one day certain is 2 March (DTEND 2020-03-03, exclusive);
    the title says what is open: "(end not fixed: March 2020)"; X-PLANNER-DATE keeps
    `2020-03-02/2020-03` for the round trip. Before: TENTATIVE and TRANSPARENT, "(date not
    fixed: 2020-03-02 to March 2020)", as a meeting whose very start were in doubt."""
    event = _event(_feed(tmp_path, "swiss-federal-assembly.toml", "swiss-federal-assembly-meetings.csv"), "Federal Assembly sessions (end not fixed")
    assert (event["SUMMARY"], event["DTSTART;VALUE=DATE"], event["DTEND;VALUE=DATE"], event["STATUS"], event["TRANSP"], event["X-PLANNER-DATE"]) == (
        "Federal Assembly sessions (end not fixed: March 2020)", "20200302", "20200303", "CONFIRMED", "OPAQUE", "2020-03-02/2020-03",
    )
    assert "End not fixed: March 2020 (opens 2020-03-02\\, closes between 2020-03-02 and 2020-03-31)\\; shown on the days certain: 2020-03-02" in event["DESCRIPTION"]


def test_a_session_that_closed_in_a_later_month_shows_every_day_it_surely_sat(tmp_path):
    """Canada's House of Commons, 43rd Parliament, 1st session: opened Thu 2019-12-05, its last
    sitting in July 2020 (the audit register: `2019-12-05` to `2020-07`). By hand: it sat from
    5 December 2019 through at least 1 July 2020, the first day its end allows: DTSTART
    2019-12-05, DTEND 2020-07-02 (exclusive), CONFIRMED, "(end not fixed: July 2020)". Read
    back as a register, the feed gives `check` the same verdicts as the CSV (X-PLANNER-DATE)."""
    feed = _feed(tmp_path, "canada-parliament.toml", "canada-parliament-meetings.csv")
    event = _event(feed, "House of Commons (end not fixed: July 2020)")
    assert (event["DTSTART;VALUE=DATE"], event["DTEND;VALUE=DATE"], event["STATUS"]) == ("20191205", "20200702", "CONFIRMED")
    runner = CliRunner()

    def verdicts(register: Path) -> list[tuple[str, str, str]]:
        result = runner.invoke(main, ["check", "--rules", str(_AUDIT / "canada-parliament.toml"), "--meetings", str(register), "--today", "2026-12-05", "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        return [(f["body"], (f.get("window") or {}).get("label", ""), f["verdict"]) for f in json.loads(result.stdout)["findings"]]

    assert verdicts(tmp_path / "feeds" / "house.ics") == verdicts(_AUDIT / "canada-parliament-meetings.csv")


def test_the_schedule_gives_a_meeting_no_last_day_the_register_does_not_give(tmp_path):
    """A Board at the Secretariat in Vienna at least twice a year, planned from Wed 2027-02-10
    to some day of March 2027 (the row's end `2027-03`); as of 2026-12-01. By hand, `project`
    shows it "02-10 – 2027-03 (end not fixed)": "02-10 – 03-31" said it closed on 31 March,
    which nothing says."""
    rows = _board("2026-03-10", "2026-10-13") + "bd,regular,,2027-02-10,2027-03,planned,Vienna,Austria\n"
    result = CliRunner().invoke(main, ["project", *_files(tmp_path, _BOARD_TWICE, rows), "--today", "2026-12-01", "--to", "2027-06-30"])
    assert result.exit_code == 0, result.output
    assert "  02-10 – 2027-03 (end not fixed)  Board  Vienna (Secretariat)" in result.output


# -- 4. Across a rule version that starts in the future, a body's end, a year-only last meeting ----


def test_a_rule_version_that_starts_in_the_future_takes_over_its_windows(tmp_path):
    """A Board every 12 months until 2027-12-31, then (the same rule `id`) at least twice a
    year from 2028-01-01, as an amended statute would say; the 6th held Tue 2026-05-12 in
    Vienna; as of 2026-12-01 to 2028. README: a window belongs to the rule in force on its
    first day. By hand: the 7th, 12 months on, Wed 2027-05-12 (Ascension is 6 May, Whit Monday
    17 May 2027 in Austria): under the old version. 2028 belongs to the new one: two meetings;
    the Board met only in May, one month for two a year, so an even spread, the middle of
    each half: Sat 2028-04-01 (2028 a leap year: day 92), back to Fri 03-31 (Mon 04-03 is two
    days on), and Sun 2028-10-01, on to Mon 10-02 (Fri 09-29 two days back), numbered on: the
    8th and 9th. No 12-month window of 2028 (it would open in May 2028, under the new rule)."""
    book = _VIENNA + _body("bd", "Board", "", 'id = "cadence"\n' + _TWELVE_MONTHS + "until = 2027-12-31\n", 'id = "cadence"\n' + _TWICE + "since = 2028-01-01\n")
    out = _project(_files(tmp_path, book, "bd,regular,5,2025-05-13,,held,Vienna,Austria\nbd,regular,6,2026-05-12,,held,Vienna,Austria\n"), "2026-12-01", "2028-12-31")
    assert [(m["ordinal"], m["start"], m["reason"]) for m in out["meetings"]] == [
        (7, "2027-05-12", "12 months after the 6th Board (2026-05-12)"),
        (8, "2028-03-31", "at least twice a year: 1 of 2 in 2028; moved from Sat 2028-04-01 (a weekend day in Austria)"),
        (9, "2028-10-02", "at least twice a year: 2 of 2 in 2028; moved from Sun 2028-10-01 (a weekend day in Austria)"),
    ]


def test_a_body_that_ends_mid_year_is_projected_only_while_its_rule_runs(tmp_path):
    """A Board every 12 months whose rule ends with the body (`until`), the 6th held Tue
    2026-05-12; as of 2026-12-01 to 2029. README ("Rule versions"): a rolling window whose
    deadline comes after the rule's end, with no version the day after, asks nothing; one that
    closes before the end is due. By hand: until 2028-06-30: the 7th Wed 2027-05-12 and the
    8th due in May 2028, Fri 2028-05-12, before the end; nothing after. Until 2028-04-30: the
    8th's window runs to 31 May 2028, past the end: the 7th alone, and no Problem."""
    rows = "bd,regular,6,2026-05-12,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS + "until = 2028-06-30\n"), rows), "2026-12-01", "2029-12-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(7, "2027-05-12"), (8, "2028-05-12")]
    out = _project(_files(tmp_path, _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS + "until = 2028-04-30\n"), rows), "2026-12-01", "2029-12-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(7, "2027-05-12")]
    assert out["problems"] == []


def test_a_chain_from_a_meeting_known_only_to_this_year(tmp_path):
    """A Board every 12 months, the 6th held "2026" (the register knows the year only); as of
    2026-12-01 to 2028. By hand: the 6th opened in one of January to December 2026, so the 7th
    is due in one of 2027-01 .. 2027-12; projection takes the earliest reading ahead, January
    2027, on its first day: Fri 2027-01-01 is New Year's Day, the 2nd and 3rd a weekend: Mon
    2027-01-04; the 8th 12 months on, Tue 2028-01-04; a note says the reading and that the
    register does not say which month."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,6,2026,,held,Vienna,Austria\n"), "2026-12-01", "2028-12-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(7, "2027-01-04"), (8, "2028-01-04")]
    assert out["meetings"][0]["reason"] == "12 months after the 6th Board (2026); moved from Fri 2027-01-01 (New Year's Day in Austria)"
    assert any("a date the register gives only as 2026: it is due in one of 2027-01 to 2027-12" in n for n in map(str, out["notes"]))


def test_a_chain_from_a_meeting_known_only_to_last_year_is_due_at_once(tmp_path):
    """As above, the 6th held "2025": the 7th due in one of 2026-01 .. 2026-12; as of
    2026-12-01 only December is still ahead: the first working day after --today, Wed
    2026-12-02; the 8th Thu 2027-12-02; the 9th Sat 2028-12-02, back to Fri 12-01 (Mon 12-04
    is two days on)."""
    book = _VIENNA + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,6,2025,,held,Vienna,Austria\n"), "2026-12-01", "2028-12-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(7, "2026-12-02"), (8, "2027-12-02"), (9, "2028-12-01")]


# -- 5. A gap that runs past the window: the Problem names it ---------------------------------------


def test_a_min_gap_that_shuts_the_rest_of_the_year_says_so(tmp_path):
    """The README's Council: at least twice a year, `min_gap = "60d"` (meetings closer count
    once), Vienna; held Fri 2026-11-20 only in 2026; as of 2026-12-01 to 2027. By hand: a
    second 2026 meeting would open in 2026-12-02..12-31, within 60 days of 20 November, and
    count once with it: the next counts from 2027-01-19 (20 November + 60 days: 10 to the end of
    November, 31 of December, 19 of January). Nothing can be projected for 2026, and the
    Problem says why: the gap from the Council's meeting of 2026-11-20, not "beside the other
    bodies' meetings" (there are none). 2027 holds its two as usual."""
    book = _VIENNA + _body("council", "Council", "", _TWICE + 'min_gap = "60d"\n')
    out = _project(_files(tmp_path, book, "council,regular,,2026-11-20,,held,Vienna,Austria\n"), "2026-12-01", "2027-12-31")
    assert [p["message"] for p in out["problems"]] == [
        "Council: 1 meeting of one working day in Austria does not fit in 2026-12-02..2026-12-31 (at least twice a year): meetings closer than 60 days count once, "
        "and the next counts from 2027-01-19, 60 days after the Council's meeting of 2026-11-20; nothing was projected for 2026."
    ]
    assert [m["start"][:4] for m in out["meetings"]] == ["2027", "2027"]


# -- 6. `diff --meetings` by the half year, and without the register ---------------------------------


def test_diff_pairs_a_meeting_recorded_late_in_its_half_year(tmp_path):
    """A Board at least once a half year in Vienna, held Tue 2026-03-10 (the first half);
    projected as of 2026-11-20: the second half's one in what is left of it (its key's period
    "2026 H2", the 1st of it). The register then records one held Tue 2026-09-15 (before
    BEFORE was made) and the projection is made as of 2027-01-10. By hand, with the register:
    held 2026-09-15, BEFORE counted nothing in 2026 H2. The row of March lies in the first half
    and answers nothing here. Without the register, `diff` cannot know: "outside the new
    horizon"."""
    book = _VIENNA + _body("bd", "Board", "", 'kind = "at_least"\ncount = 1\nper = "half"\n')
    before, after = (_board("2026-03-10"), "2026-11-20"), (_board("2026-03-10", "2026-09-15"), "2027-01-10")
    out = _diff(tmp_path, book, before, after)
    projected = json.loads((tmp_path / "before.json").read_text())["meetings"][0]
    assert (projected["reason"], projected["id"]) == ("at least once a half-year: 1 of 1 in 2026 H2", "projected-0-2026 H2-1")
    assert [(a, why.split(";")[0]) for _, a, why in _held(out)] == [("2026-09-15", "held 2026-09-15 in Vienna, Austria (the register's row)")]
    alone = _diff(tmp_path, book, before, after, register=False)
    assert alone["held"] == [] and [c["why"].split(" (was")[0] for c in alone["dropped"]] == ["outside the new horizon (2027-01-10 to 2027-12-31)"]


# -- 7. The basics, by hand --------------------------------------------------------------------------


def test_a_council_that_meets_on_sundays_in_riyadh_keeps_its_week_and_avoids_eid(tmp_path):
    """The GCC Ministerial Council "shall hold its regular sessions once every three months"
    (Charter of the Cooperation Council for the Arab States of the Gulf, 1981, art. 11); the
    Secretariat in Riyadh (Saudi Arabia: Friday and Saturday the weekend). Held Sun 2026-03-08,
    Sun 06-07, Sun 09-06 (three meetings on one weekday: README, it keeps its week of the
    month); as of 2026-12-01 to 2027. By hand: 2026 Q4 none yet, its target (no Q4 meeting on
    record: the quarter's middle) passed: the first working day after --today, Wed 2026-12-02.
    2027 Q1: March, its second Sunday, 2027-03-14, the observed Eid al-Fitr holiday (9-12 and 14
    March in the package): on to Mon 03-15 (back: Sat, Fri, Thu the 11th Eid...). Q2: June's
    first Sunday, 2027-06-06. Q3: September's first Sunday, 2027-09-05. Q4: the quarter's
    middle, day 46 of 92 from 1 October, Tue 2027-11-16."""
    book = _org("Riyadh", "Saudi Arabia") + _body("mc", "Ministerial Council", "", 'kind = "at_least"\ncount = 1\nper = "quarter"\n')
    rows = "".join(f"mc,regular,,{d},,held,Riyadh,Saudi Arabia\n" for d in ("2026-03-08", "2026-06-07", "2026-09-06"))
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2027-12-31")
    assert _why(out) == [
        ("2026-12-02", "at least once a quarter: 1 of 1 in 2026 Q4"),
        ("2027-03-15", "at least once a quarter: 1 of 1 in 2027 Q1; moved from Sun 2027-03-14 (Eid al-Fitr Holiday (observed) in Saudi Arabia)"),
        ("2027-06-06", "at least once a quarter: 1 of 1 in 2027 Q2"),
        ("2027-09-05", "at least once a quarter: 1 of 1 in 2027 Q3"),
        ("2027-11-16", "at least once a quarter: 1 of 1 in 2027 Q4"),
    ]


def test_congress_due_on_a_sunday_by_the_constitution_is_left_to_be_decided(tmp_path):
    """US Constitution, 20th Amendment, s. 2: "The Congress shall assemble at least once in
    every year, and such meeting shall begin at noon on the 3d day of January, unless they
    shall by law appoint a different day" (an `on` rule, 3 January); as of 2026-12-01 to
    2028. By hand: 3 January 2027 is a Sunday; the rule fixes the day and only a law moves it:
    nothing is projected for it, a Problem says so; 3 January 2028 is a Monday: projected."""
    book = _org("Washington", "United States") + _body("congress", "Congress", "", 'kind = "on"\nmonth = 1\nday = 3\n')
    rows = "".join(f"congress,regular,,{y}-01-03,,held,Washington,United States\n" for y in (2025, 2026))
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")
    assert _why(out) == [("2028-01-03", "3 January 2028")]
    assert [p["message"] for p in out["problems"]] == [
        "Congress: due on 3 January 2027, but 2027-01-03 is a weekend day in United States; the rule fixes the day, so nothing was projected for 2027-01-03 (decide the day by law or decision, then record it)."
    ]


def test_a_bureau_just_before_the_council_steps_over_corpus_christi_and_ascension(tmp_path):
    """A Council every 12 months (the 4th held Thu 2026-05-28) and a Bureau at least once a
    year that meets on the working days just before it (`before = "council"`), both in
    Vienna; as of 2026-12-01 to 2028. By hand (Easter 2027 on 28 March: Corpus Christi 27 May;
    Easter 2028 on 16 April: Ascension 25 May): the 5th Council Fri 2027-05-28, the Bureau on
    the working day before, Corpus Christi the 27th, so Wed 2027-05-26; the 6th Council 24
    months from the 4th, Sun 2028-05-28, on to Mon 05-29 (Fri 05-26 two days back), the Bureau
    the working day before it, Fri 2028-05-26 (Ascension Thursday the day before)."""
    book = _VIENNA + _body("council", "Council", "", _TWELVE_MONTHS) + _body("bureau", "Bureau", 'before = "council"\n', 'kind = "at_least"\ncount = 1\nper = "year"\n')
    rows = "council,regular,4,2026-05-28,,held,Vienna,Austria\nbureau,regular,,2026-05-27,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")
    assert [(m["body"], m["ordinal"], m["start"]) for m in out["meetings"]] == [
        ("bureau", None, "2027-05-26"), ("council", 5, "2027-05-28"), ("bureau", None, "2028-05-26"), ("council", 6, "2028-05-29"),
    ]


def test_good_friday_moves_a_board_in_berlin_back_to_thursday(tmp_path):
    """A Board every 12 months at the Secretariat in Berlin, the 4th held Thu 2026-03-26; as of
    2026-12-01 to 2028. By hand: the 5th on Fri 2027-03-26, Good Friday (Easter 28 March
    2027, a holiday in all of Germany): back to Thu 03-25 (forward: the weekend, Easter Monday,
    Tue 03-30 four days on); the 6th counts from the 4th, 24 months: Sun 2028-03-26, on to Mon
    03-27 (back to Fri 03-24 is two days)."""
    book = _org("Berlin", "Germany") + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,4,2026-03-26,,held,Berlin,Germany\n"), "2026-12-01", "2028-12-31")
    assert _why(out) == [
        ("2027-03-25", "12 months after the 4th Board (2026-03-26); moved from Fri 2027-03-26 (Good Friday in Germany)"),
        ("2028-03-27", "12 months after the 5th Board (2027-03-25, projected); moved from Sun 2028-03-26 (a weekend day in Germany)"),
    ]


_ASSEMBLY_BOOK = (
    _VIENNA
    + _body("as", "Assembly", "months = [6]\n", 'kind = "every"\ninterval = "2y"\n')
    + _body("ec", "Executive Committee", "", 'kind = "after"\nbody = "as"\noffset = "1y"\n')
    + _body("nb", "New Board", "established = 2027-07-01\n", 'kind = "at_least"\ncount = 1\nper = "year"\n')
)


def test_a_committee_a_year_after_each_assembly_numbers_on_in_its_month(tmp_path):
    """An Assembly every 2 years in June (the 10th held Wed 2026-06-10) and an Executive
    Committee due in the year after each Assembly's (the 9th held Wed 2025-11-12, its month
    November); as of 2026-12-01 to 2030. By hand: the 10th Committee 1 year after the 10th
    Assembly, in 2027, on its usual day: Fri 2027-11-12; the 11th Assembly Sat 2028-06-10, back
    to Fri 06-09; the 11th Committee Mon 2029-11-12; the 12th Assembly four years from the
    10th, Mon 2030-06-10, Whit Monday (Easter 21 April 2030), on to Tue 06-11 (back to Fri
    06-07 is three days)."""
    rows = "as,regular,10,2026-06-10,,held,Vienna,Austria\nec,regular,9,2025-11-12,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, _ASSEMBLY_BOOK, rows), "2026-12-01", "2030-12-31")
    assert [(m["body"], m["ordinal"], m["start"]) for m in out["meetings"] if m["body"] != "nb"] == [
        ("ec", 10, "2027-11-12"), ("as", 11, "2028-06-09"), ("ec", 11, "2029-11-12"), ("as", 12, "2030-06-11"),
    ]
    assert [m["reason"] for m in out["meetings"] if m["body"] == "ec"] == ["1 year after the 10th Assembly (2026-06-10)", "1 year after the 11th Assembly (2028-06-09, projected)"]


def test_a_body_founded_mid_year_is_first_due_in_its_first_whole_year(tmp_path):
    """The New Board of the book above, `established = 2027-07-01`, at least once a year, no
    meeting yet; as of 2026-12-01 to 2030. README ("Start"): a floor is judged from its first
    whole period: nothing due in 2027. With no month on record, one a year goes in the middle
    of the year: 2028 (a leap year) day 183, Sun 2028-07-02, on to Mon 07-03 (Fri 06-30 is two
    days back); Mon 2029-07-02; Tue 2030-07-02."""
    rows = "as,regular,10,2026-06-10,,held,Vienna,Austria\nec,regular,9,2025-11-12,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, _ASSEMBLY_BOOK, rows), "2026-12-01", "2030-12-31")
    assert [m["start"] for m in out["meetings"] if m["body"] == "nb"] == ["2028-07-03", "2029-07-02", "2030-07-02"]


def test_a_chain_whose_interval_shortens_in_the_future_keeps_the_window_it_opened_under(tmp_path):
    """A Board every 2 years until 2027-12-31, then (the same `id`) every year from 2028-01-01,
    the 6th held Tue 2026-05-12; as of 2026-12-01 to 2030. README: a window belongs to the
    version in force on its first day; the 7th's window opened the day after the 6th, under
    "every 2 years": due in May 2028, Fri 2028-05-12. From it, yearly: the 8th Sat 2029-05-12,
    back to Fri 05-11; the 9th counts from the last held meeting (2 + 1 + 1 years): Sun
    2030-05-12, on to Mon 05-13 (Fri 05-10 two days back)."""
    book = _VIENNA + _body("bd", "Board", "", 'id = "c"\nkind = "every"\ninterval = "2y"\nuntil = 2027-12-31\n', 'id = "c"\nkind = "every"\ninterval = "1y"\nsince = 2028-01-01\n')
    out = _project(_files(tmp_path, book, "bd,regular,6,2026-05-12,,held,Vienna,Austria\n"), "2026-12-01", "2030-12-31")
    assert [(m["ordinal"], m["start"], m["reason"].split(";")[0]) for m in out["meetings"]] == [
        (7, "2028-05-12", "2 years after the 6th Board (2026-05-12)"),
        (8, "2029-05-11", "1 year after the 7th Board (2028-05-12, projected)"),
        (9, "2030-05-13", "1 year after the 8th Board (2029-05-11, projected)"),
    ]


def test_a_floor_raised_mid_year_in_the_future_asks_the_old_count_of_that_year(tmp_path):
    """A Board at least once a year until 2027-06-30, then twice a year from 2027-07-01 (the
    same `id`), held Mon 2025-05-12 and Tue 2026-05-12; as of 2026-12-01 to 2028. README ("a
    version taking over the next day keeps the whole period"): 2027 belongs to the old
    version, in force on its first day: one meeting, in May on the 12th, Wed 2027-05-12. 2028:
    two, spread evenly (one month on record for two a year): Sat 04-01 back to Fri 03-31, Sun
    10-01 on to Mon 10-02."""
    book = _VIENNA + _body("bd", "Board", "", 'id = "c"\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2027-06-30\n', 'id = "c"\n' + _TWICE + "since = 2027-07-01\n")
    out = _project(_files(tmp_path, book, _board("2025-05-12", "2026-05-12")), "2026-12-01", "2028-12-31")
    assert _why(out) == [
        ("2027-05-12", "at least once a year: 1 of 1 in 2027"),
        ("2028-03-31", "at least twice a year: 1 of 2 in 2028; moved from Sat 2028-04-01 (a weekend day in Austria)"),
        ("2028-10-02", "at least twice a year: 2 of 2 in 2028; moved from Sun 2028-10-01 (a weekend day in Austria)"),
    ]


def test_a_thirty_day_chain_from_a_meeting_known_only_to_last_month(tmp_path):
    """A Board every 30 days, the 6th held in November 2026 (the day not recorded); as of
    2026-12-01 to 2027-03. By hand: due 30 days after some day of November, in 2026-12-01 ..
    2026-12-30; the earliest reading still ahead: Wed 2026-12-02 (a note says the register does
    not say which). Then each 30 days after the day the one before took, by that day at the
    latest, so a day off moves it back: the 8th by Fri 2027-01-01 (New Year's Day): Thu
    2026-12-31; the 9th by Sat 01-30: Fri 01-29; the 10th by Sun 02-28: Fri 02-26; the 11th
    by Sun 03-28: Fri 03-26."""
    book = _VIENNA + _body("bd", "Board", "", 'kind = "every"\ninterval = "30d"\n')
    out = _project(_files(tmp_path, book, "bd,regular,6,2026-11,,held,Vienna,Austria\n"), "2026-12-01", "2027-03-31")
    assert [(m["ordinal"], m["start"]) for m in out["meetings"]] == [(7, "2026-12-02"), (8, "2026-12-31"), (9, "2027-01-29"), (10, "2027-02-26"), (11, "2027-03-26")]
    assert any("a date the register gives only as 2026-11: it is due in one of 2026-12-01 to 2026-12-30" in str(n) for n in out["notes"])


def test_two_committees_due_on_one_day_at_one_host_are_kept_three_days_apart(tmp_path):
    """An Audit Committee (the 3rd) and a Budget Committee (the 8th), both every 12 months at
    the Secretariat in Vienna, both held Tue 2026-05-12; as of 2026-12-01 to 2028. README ("No
    clashes"): projected meetings of different bodies never share a day, and one host's are at
    least `min_days_between` (3) days apart. By hand: the Audit Committee, first in the book,
    keeps Wed 2027-05-12; the Budget Committee needs a working day 3 or more days from it:
    Sun 05-09 and Sat 05-15 are a weekend, Sat 05-08 too, Fri 05-07 (5 days back) before Mon
    05-17 (Whit Monday) or Tue 05-18 (6 days on): Fri 2027-05-07, "moved from Wed 2027-05-12
    (the Audit Committee meets on 2027-05-12)". In 2028 both aim at Fri 05-12 (24 months from
    the last held); the Audit Committee keeps it; Tue 05-09 and Mon 05-15 are both 3 days
    away, and the Budget Committee goes on to Mon 2028-05-15."""
    book = _VIENNA + _body("a", "Audit Committee", "", _TWELVE_MONTHS) + _body("b", "Budget Committee", "", _TWELVE_MONTHS)
    rows = "a,regular,3,2026-05-12,,held,Vienna,Austria\nb,regular,8,2026-05-12,,held,Vienna,Austria\n"
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")
    assert [(m["body"], m["ordinal"], m["start"]) for m in out["meetings"]] == [("b", 9, "2027-05-07"), ("a", 4, "2027-05-12"), ("a", 5, "2028-05-12"), ("b", 10, "2028-05-15")]
    assert out["meetings"][0]["reason"] == "12 months after the 8th Budget Committee (2026-05-12); moved from Wed 2027-05-12 (the Audit Committee meets on 2027-05-12)"
