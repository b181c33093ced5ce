"""A fourteenth audit: DESIGN.md's `check` clauses one by one, each on the smallest rule book
and register that pins it at its edges. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke

COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"
BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n[[bodies.rules]]\n'


def _check(tmp_path: Path, book: str, rows: str, today: str, *args: str) -> dict:
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(COLUMNS + rows, encoding="utf-8")
    return json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", today, "--format", "json", *args).stdout)


def _verdicts(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"]]


# -- a rolling chain through a silence, with a tolerance ----------------------------------------


def test_a_meeting_within_the_tolerance_of_the_window_after_a_missed_one_meets_it(tmp_path):
    """`every 1y` (rolling), `tolerance = "6m"`: Board 2020-05-01, then nothing until
    2023-03-01; as of 2024-06-30. DESIGN: the window after 2020 is 2021, closed with its
    tolerance on 2022-06-30 with nothing held: `missed`; "after a missed window the next is due
    from the missed window's period": 2022, with its tolerance to 2023-06-30, and 2023-03-01
    lies within it: `met` ("held within the tolerance"); the chain goes on from it: 2024 open,
    due by 2025-06-30. It was 2021 `late` by 2 years and no 2022 window: the tolerance made
    the meeting later (without it: 2021 missed, 2022 late by 1 year)."""
    book = BOARD + 'kind = "every"\ninterval = "1y"\ntolerance = "6m"\n'
    out = _check(tmp_path, book, "board,regular,,2020-05-01,,held,,\nboard,regular,,2023-03-01,,held,,\n", "2024-06-30")
    assert _verdicts(out) == [("2021", "missed"), ("2022", "met"), ("2024", "open")]
    assert out["findings"][1]["counted"] == [{"start": "2023-03-01"}] and out["findings"][2]["due_by"] == "2025-06-30"
    assert out["summary"]["violations"] == 1
    # without the tolerance the same meeting is a year late for 2022, 2021 still missed
    out = _check(tmp_path, BOARD + 'kind = "every"\ninterval = "1y"\n', "board,regular,,2020-05-01,,held,,\nboard,regular,,2023-03-01,,held,,\n", "2024-06-30")
    assert _verdicts(out) == [("2021", "missed"), ("2022", "late"), ("2024", "open")]
    assert out["findings"][1]["delay"] == "1 year"


def test_a_meeting_inside_the_next_windows_days_is_late_for_the_one_before_in_days(tmp_path):
    """`every 30d`, `tolerance = "30d"`: Board 2021-01-01; the first window is due 2021-01-31,
    its tolerance to 03-02; the next is due 30 days after that window, 2021-03-02, its
    tolerance to 04-01. Held 2021-03-04, past the first window's tolerance and past the
    second window's day but within its tolerance: 2021-01-31 `missed`, 2021-03-02 `met`
    within the tolerance (it was "32 days late" for 2021-01-31). Held 2021-02-20 instead
    (inside the second window's days, before its day 03-02): late for 2021-01-31 by 20 days
    (as 2019 after 2014 is late for 2018), with no second window."""
    book = BOARD + 'kind = "every"\ninterval = "30d"\ntolerance = "30d"\n'
    out = _check(tmp_path, book, "board,regular,,2021-01-01,,held,,\nboard,regular,,2021-03-04,,held,,\n", "2021-03-10")
    assert _verdicts(out)[:2] == [("2021-01-31", "missed"), ("2021-03-02", "met")]
    out = _check(tmp_path, book.replace('tolerance = "30d"', 'tolerance = "10d"'), "board,regular,,2021-01-01,,held,,\nboard,regular,,2021-02-20,,held,,\n", "2021-03-10")
    assert _verdicts(out)[:1] == [("2021-01-31", "late")] and out["findings"][0]["delay"] == "20 days"


# -- min_gap under count_by = "event": what it leaves uncounted is named ---------------------------

EVENTS = BOARD + 'kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "60d"\ncount_by = "event"\nsince = 2020-01-01\n'


def test_sessions_min_gap_leaves_uncounted_under_count_by_event_are_named(tmp_path):
    """At least twice a year, `min_gap = "60d"`, `count_by = "event"`, all in Bern. 2020: the
    1st and 2nd (03-01, 03-02) are one event; the 3rd (04-01) is 31 days after it; the 4th
    (10-01): 2020 met by the 1st and the 4th, the 2nd named as merged, and the 3rd "Not
    counted: less than 60 days after a counted meeting", as under `count_by = "session"`. 2021:
    the 5th (03-01), then the 6th and 7th (04-01, 04-02) held together, 31 days later: 1 of 2,
    `missed`, and the why names the 6th (min_gap) and the 7th (held together with it). The
    3rd, 6th and 7th were named nowhere: the why said "held: Board 2021-03-01" alone."""
    rows = "".join(f"board,regular,{n},{day},,held,Bern,Switzerland\n" for n, day in enumerate(["2020-03-01", "2020-03-02", "2020-04-01", "2020-10-01", "2021-03-01", "2021-04-01", "2021-04-02"], 1))
    out = _check(tmp_path, EVENTS, rows, "2022-01-15")
    assert _verdicts(out)[:2] == [("2020", "met"), ("2021", "missed")]
    why20, why21 = out["findings"][0]["why"], out["findings"][1]["why"]
    assert "Not counted: Board 2020-04-01 (3rd, Bern) (less than 60 days after a counted meeting" in why20
    assert "Board 2020-03-01 (1st, Bern) and Board 2020-03-02 (2nd, Bern) were held together" in why20
    assert "Board 2021-04-01 (6th, Bern) (less than 60 days after a counted meeting" in why21
    assert "Board 2021-04-02 (7th, Bern) (held together with 2021-04-01, one event, less than 60 days after a counted meeting" in why21


# -- a loose origin spanning more than one interval ------------------------------------------------


def test_the_window_open_after_a_wide_origin_is_due_by_every_readings_deadline(tmp_path):
    """`every 3m` (rolling) after a Board known only as `2000`, nothing since; as of
    2001-08-15. On a reading m (2000-01..12) the n-th window is due m + 3n. The 1st (due
    2000-04..2001-03) and the 2nd closed on every reading: `missed` (the 2nd labelled by the
    latest reading, "2001-06": the readings span more than one interval, so a rank of them
    is no one window, and the latest reading misses the fewest). The window running now is
    one on every reading, each its own: due 2001-10 if the Board was held 2000-01 (window
    2001-08-01..10-31), 2001-08 if 2000-02 (2001-06-01..08-31), ..., 2001-09 if 2000-12: `open`,
    "1 still due by 2001-08-31 to 2001-10-31", labelled 2001-08..2001-10. It was "due by
    2001-09-30", the latest reading's, though held 2000-02 the window closes on 2001-08-31.
    `project` places the meeting by the earliest deadline, tomorrow (Thursday 2001-08-16),
    and the register checked with it finds nothing missed or late after 2001-08-15; it
    placed 2001-09-03, late on the readings 2000-02, -05, -08 and -11. The body's summary line
    gives both ends, "1 due by 2001-08-31 to 2001-10-31" (it gave the latest only)."""
    book = BOARD + 'kind = "every"\ninterval = "3m"\n'
    out = _check(tmp_path, book, "board,regular,,2000,,held,,\n", "2001-08-15")
    assert _verdicts(out) == [("2000-04..2001-03", "missed"), ("2001-06", "missed"), ("2001-08..2001-10", "open")]
    assert "1 still due by 2001-08-31 to 2001-10-31, 3 months after the window due 2001-06" in out["findings"][2]["why"]
    assert out["summary"]["violations"] == 2 and out["summary"]["open"] == 1 and out["findings"][2]["due_by"] == "2001-08-31"
    text = _invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2001-08-15").stdout
    assert "1 due by 2001-08-31 to 2001-10-31" in " ".join(text.split())
    projected = json.loads(_invoke("project", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2001-08-15", "--to", "2001-12-31", "--format", "json").stdout)
    assert projected["meetings"][0]["start"] == "2001-08-16"
    assert projected["meetings"][0]["reason"] == "3 months after the window due 2001-06, nothing held since the Board of 2000"
    rows = "board,regular,,2000,,held,,\n" + "".join(f"board,regular,,{m['start']},,held,,\n" for m in projected["meetings"])
    kept = _check(tmp_path, book, rows, "2001-12-31")
    assert [v for (label, v), f in zip(_verdicts(kept), kept["findings"], strict=True) if f["window"]["end"] > "2001-08-15" and v != "met"] == ["open"]


# -- a loosely dated meeting straddling the end of a rule ---------------------------------------


def test_a_loose_meeting_straddling_a_rules_end_is_uncertain_and_says_no_violation_either_way(tmp_path):
    """At least once a year from 2019, `until = 2021-07-15` (the body dissolved), no version
    after; Boards 2019-03-01, 2020-03-01 and one known only as `2021`. The rule's last period
    is judged from 2021-01-01 to its end (README, "A rule that has ended"): the Board of 2021
    met it if it opened by 2021-07-15; opened later, it met nothing (held under no rule) and
    nothing was due (a floor's count falls due at the period's end, after the rule's), no
    finding. So `uncertain`, never `missed`, no violation (exit 0), and the why says both
    readings: it gave only the first, as if the other were a shortfall."""
    book = BOARD + 'kind = "at_least"\ncount = 1\nper = "year"\nsince = 2019-01-01\nuntil = 2021-07-15\n'
    out = _check(tmp_path, book, "board,regular,,2019-03-01,,held,,\nboard,regular,,2020-03-01,,held,,\nboard,regular,,2021,,held,,\n", "2022-06-30")
    assert _verdicts(out) == [("2019", "met"), ("2020", "met"), ("2021-01-01..2021-07-15", "uncertain")]
    why = out["findings"][2]["why"]
    assert "met if Board 2021 was held 2021-01-01..2021-07-15" in why
    assert why.endswith("A meeting held after 2021-07-15, when the rule ended, meets nothing, and then nothing was due: no violation either way.")
    assert out["summary"]["exit_code"] == 0
    # a version taking over the next day keeps the whole year: no such words
    book2 = book + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2021-07-16\n'
    out = _check(tmp_path, book2, "board,regular,,2019-03-01,,held,,\nboard,regular,,2020-03-01,,held,,\nboard,regular,,2021,,held,,\n", "2022-06-30")
    assert all("when the rule ended" not in f["why"] for f in out["findings"])


# -- binding = false: advisory, never a violation, and the why says so ------------------------------


def test_a_customary_rule_answered_late_is_an_advisory_that_says_so(tmp_path):
    """`every 1y` (rolling), `binding = false`: Cust 2020-05-01, then 2022-05-01; as of
    2023-06-30. Due 2021, held a year late: `advisory` (not `late`), exit 0, and the why says
    it is a customary rule's advisory, as a customary shortfall's why does ("... (customary
    rule, an advisory)"); the late one said only "1 year late", as if a violation."""
    book = BOARD.replace('"board"', '"cust"').replace('"Board"', '"Cust"') + 'kind = "every"\ninterval = "1y"\nbinding = false\n'
    out = _check(tmp_path, book, "cust,regular,,2020-05-01,,held,,\ncust,regular,,2022-05-01,,held,,\n", "2023-06-30")
    assert _verdicts(out) == [("2021", "advisory"), ("2023", "open")]
    assert out["findings"][0]["why"] == "due 2021 (1 year after the Cust of 2020-05-01), held Cust 2022-05-01: 1 year late (customary rule, an advisory)."
    assert out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 1 and out["summary"]["exit_code"] == 0


# -- one meeting in two registers: a CSV and an .ics laid over it -----------------------------------

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//audit14//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a1\r\nDTSTAMP:20210101T000000Z\r\nDTSTART;VALUE=DATE:20210301\r\nDTEND;VALUE=DATE:20210302\r\n"
    "SUMMARY:{summary}\r\nLOCATION:Bern, Switzerland\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_meeting_in_a_csv_and_an_ics_register_counts_once_for_certain(tmp_path):
    """At least twice a year from 2021. The CSV records the Board on 2021-03-01 in Bern; an
    .ics export laid over it (`--meetings m.csv --meetings c.ics`) has the same day and place.
    Without a number the two rows may be one meeting recorded twice or two meetings (README,
    "One meeting or two"): 2021 is `uncertain`, "1 of 2 certain", never `met` (two counted)
    nor `missed`. Numbered alike ("5th Board" in the .ics, 5 in the CSV), the later register's
    row replaces the earlier one (DESIGN, what-if overlays): one meeting, 2021 `missed`."""
    book = BOARD + 'kind = "at_least"\ncount = 2\nper = "year"\nsince = 2021-01-01\n'
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    for ordinal, summary, verdict in (("", "Board", "uncertain"), ("5", "5th Board", "missed")):
        (tmp_path / "m.csv").write_text(COLUMNS + f"board,regular,{ordinal},2021-03-01,,held,Bern,Switzerland\n", encoding="utf-8")
        (tmp_path / "c.ics").write_text(ICS.format(summary=summary), encoding="utf-8")
        args = ("--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--meetings", str(tmp_path / "c.ics"), "--today", "2022-06-30", "--format", "json")
        out = json.loads(_invoke("check", *args).stdout)
        assert _verdicts(out)[0] == ("2021", verdict), summary
    assert "1 of 2 required" in out["findings"][0]["why"]


# -- a weekly body and its recess --------------------------------------------------------------------


def test_a_week_partly_in_recess_is_judged_and_its_shortfall_says_so(tmp_path):
    """At least once a week from Monday 2026-07-06, `weekdays = ["thu"]`, recess Wednesday
    2026-07-15 to Sunday 2026-08-02; Councils 2026-07-09 and 2026-08-06; as of 2026-08-12.
    DESIGN: "each ISO week outside recess"; README: no window lies wholly inside a recess.
    W28 met; W29 (07-13..19) has Monday and Tuesday outside the recess: judged, `missed`, and
    its why says the recess covers only part of it (it said nothing: a reader took the recess
    to be forgotten); W30 and W31 lie wholly inside: no finding; W32 met; W33 open."""
    book = ('[[bodies]]\nid = "council"\nname = "Council"\ncategory = "working"\nhost = "secretariat"\nweekdays = ["thu"]\n'
            'recess = [{ start = 2026-07-15, end = 2026-08-02, reason = "summer" }]\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "week"\nsince = 2026-07-06\n')
    out = _check(tmp_path, book, "council,regular,,2026-07-09,,held,,\ncouncil,regular,,2026-08-06,,held,,\n", "2026-08-12")
    assert _verdicts(out) == [("2026-W28", "met"), ("2026-W29", "missed"), ("2026-W32", "met"), ("2026-W33", "open")]
    assert out["findings"][1]["why"].endswith("Not in recess: the recess 2026-07-15 to 2026-08-02 (summer) covers only part of 2026-W29.")
    assert all("recess" not in f["why"] for f in out["findings"] if f["window"]["label"] != "2026-W29")


# -- what counts is what the rule in force counted then -------------------------------------------

COUNTS_CHANGED = (
    '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\nhost = "secretariat"\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "4y"\ncounts = ["regular", "special"]\nuntil = 2010-12-31\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "4y"\nsince = 2011-01-01\n'
    '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n'
    '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "1y"\n'
)
SUMMITS = (
    "summit,regular,,2008-05-01,,held,,\nsummit,special,,2009-05-01,,held,,\nsummit,regular,,2012-05-01,,held,,\n"
    "summit,special,,2014-05-01,,held,,\nsummit,regular,,2016-05-01,,held,,\n"
    "board,regular,,2009-06-01,,held,,\nboard,regular,,2010-06-01,,held,,\nboard,regular,,2013-06-01,,held,,\nboard,regular,,2017-06-01,,held,,\n"
)


def test_a_special_meeting_starts_no_after_chain_once_the_other_bodys_rule_stops_counting_it(tmp_path):
    """The Summit: every 4 years counting regular and special Summits until 2010, then (from
    2011) every 4 years counting regular ones only. The Board: 1 year after each Summit, whose
    origins are "the other body's own counting meetings" (DESIGN). Summits 2008, 2009
    (special), 2012, 2014 (special), 2016; Boards 2009, 2010, 2013, 2017; as of 2018-06-30.
    The special Summit of 2009 was a counting meeting then (2010 due: met); the special one of
    2014 was not, under the rule in force in 2014: no Board is due in 2015. It was: 2015
    `missed` (exit 1), from the kinds of every version of the Summit's rule together."""
    out = _check(tmp_path, COUNTS_CHANGED, SUMMITS, "2018-06-30")
    board = [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f["body"] == "board"]
    assert board == [("2009", "met"), ("2010", "met"), ("2013", "met"), ("2017", "met")]


def test_a_rolling_chain_takes_a_meeting_only_where_the_version_in_force_then_counts_it(tmp_path):
    """The same Summit (one rolling chain of two versions, README "Versions of one rolling rule
    are one chain"): the special Summit of 2009 is a link under the first version (the window
    after 2008 met by it, the one after it, due 2013, met by 2012); the special Summit of 2014
    is none under the second, which counts regular Summits: after 2012, due 2016, met; after
    2016, due 2020, open. It was a link: a window "4 years after the Summit of 2014-05-01"
    open beside the 2020 one (two windows of one chain open at once)."""
    out = _check(tmp_path, COUNTS_CHANGED, SUMMITS, "2018-06-30")
    summit = [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f["body"] == "summit"]
    assert summit == [("2012", "met"), ("2013", "met"), ("2016", "met"), ("2020", "open")]
    assert all("2014-05-01" not in f["reason"] for f in out["findings"])


def test_an_online_meeting_the_other_bodys_rule_does_not_count_starts_no_after_chain(tmp_path):
    """The Summit: at least once a year from 2019, `formats = ["in_person"]`. Summits
    2019-05-01 in Bern (in person) and 2020-05-01 online; the Board 1 year after each Summit,
    held 2020-06-01; as of 2022-06-30. The online Summit is no counting meeting of the Summit
    (its 2020 is `missed`, "Not counted: online"), so it starts no Board chain (DESIGN: the
    other body's own counting meetings): Board 2020 met, and no 2021 window. It was 2021
    `missed`, a second violation from a meeting the Summit's own rule refused."""
    book = (
        '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\nhost = "secretariat"\n'
        '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nformats = ["in_person"]\nsince = 2019-01-01\n'
        '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n'
        '[[bodies.rules]]\nkind = "after"\nbody = "summit"\noffset = "1y"\n'
    )
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(
        "body,kind,start,status,city,country,format\nsummit,regular,2019-05-01,held,Bern,Switzerland,in_person\n"
        "summit,regular,2020-05-01,held,,,online\nboard,regular,2020-06-01,held,,,\n",
        encoding="utf-8",
    )
    out = json.loads(_invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", "2022-06-30", "--format", "json").stdout)
    assert [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f["body"] == "board"] == [("2020", "met")]
    assert [(f["window"]["label"], f["verdict"]) for f in out["findings"] if f["body"] == "summit"][1] == ("2020", "missed")


# -- a grid's anchor gives its phase from the rule's start ------------------------------------------


def test_a_grid_anchored_after_its_since_is_due_in_the_anchors_phase_from_the_since(tmp_path):
    """`every 2y` on the grid, `anchor = 2020`, `since = 2015-01-01`; Boards 2016-05-01 and
    2020-05-01; as of 2024-06-30. DESIGN: "grid: due in periods anchor + k*interval", and the
    rule is in force from 2015: the periods of the anchor's phase from 2015 on are 2016, 2018,
    2020, 2022, 2024: 2016 met, 2018 missed, 2020 met, 2022 missed, 2024 open, as an `on`
    rule's years before its anchor are due and as a grid's first meeting gives the phase, not
    the start (audit 13). It judged from 2020 only: 2018, a year with nothing held under the
    rule in force, went unjudged."""
    book = BOARD + 'kind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2020\nsince = 2015-01-01\n'
    out = _check(tmp_path, book, "board,regular,,2016-05-01,,held,,\nboard,regular,,2020-05-01,,held,,\n", "2024-06-30")
    assert _verdicts(out)[:5] == [("2016", "met"), ("2018", "missed"), ("2020", "met"), ("2022", "missed"), ("2024", "open")]
    assert out["findings"][1]["reason"] == "every 2 years on the grid from 2020"
