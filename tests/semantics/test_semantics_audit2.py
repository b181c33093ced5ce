"""A second independent audit of `planner check`'s verdicts (after `test_semantics_audit.py`):
small registers whose verdicts were computed by hand from DESIGN.md and the README before the
tool was run (each derivation is in the test's docstring), then compared with `planner check
--format json`, end to end. Where the tool disagreed, the test came first and the engine was
fixed; the rest are kept so that they stay right."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.semantics.test_semantics_audit import SUMMIT, _book, _check, _finding, _rule, _verdicts

YEARLY = _rule('kind = "at_least"\ncount = 1\nper = "year"')


# -- a planned meeting whose dates passed unconfirmed -------------------------------------------
#
# DESIGN: "A verdict is never more certain than the data"; the register says the meeting was
# planned and does not say whether it was held. Projection takes it as probably held (it chains
# from it and lists it as a Problem to confirm); `check` cannot call the window `missed` (nor
# `late`, nor `met`): it is `uncertain`, and the why names the unconfirmed meeting.


def test_a_window_whose_only_meeting_is_planned_and_unconfirmed_is_uncertain(tmp_path):
    """`at_least 1 per year` from 2022: 2022-05-01 held (met); 2023-05-01 planned and never
    recorded as held: met if it was held as planned, missed if not: uncertain (it was
    `missed`, exit 1). 2024 is running on 2024-03-01: open. No violation: exit 0."""
    rows = "board,regular,2022-05-01,,held,,\nboard,regular,2023-05-01,,planned,,\n"
    out = _check(
        tmp_path, _book("established = 2022-01-01\n" + YEARLY), rows, "--today", "2024-03-01"
    )
    assert _verdicts(out) == {"2022": "met", "2023": "uncertain", "2024": "open"}
    why = _finding(out, "2023")["why"]
    assert (
        "Board 2023-05-01 was planned but is not recorded as held" in why
        and "met if it was held as planned" in why
    )
    assert out["exit"] == 0


def test_a_postponed_or_cancelled_meeting_stays_missed(tmp_path):
    """The same rule: a meeting the register says was postponed (2020) or cancelled (2021) was
    not held then; nothing else that year: missed, each naming the meeting not counted."""
    rows = "board,regular,2020-05-01,,postponed,,\nboard,regular,2021-05-01,,cancelled,,\n"
    out = _check(
        tmp_path, _book("established = 2020-01-01\n" + YEARLY), rows, "--today", "2022-03-01"
    )
    assert _verdicts(out) == {"2020": "missed", "2021": "missed", "2022": "open"}
    assert "Board 2020-05-01 (postponed)" in _finding(out, "2020")["why"]
    assert "Board 2021-05-01 (cancelled)" in _finding(out, "2021")["why"]


def test_a_rolling_window_answered_only_by_an_unconfirmed_meeting_is_uncertain(tmp_path):
    """`every 1y` rolling: 2020-05-01 held -> due 2021; 2021-05-01 planned, unconfirmed:
    uncertain (was missed). The chain goes on from the planned meeting as projection does
    (DESIGN: "Projection still chains from it"): due 2022, met by 2022-05-01; 2023 open."""
    rows = "board,regular,2020-05-01,,held,,\nboard,regular,2021-05-01,,planned,,\nboard,regular,2022-05-01,,held,,\n"
    out = _check(
        tmp_path, _book(_rule('kind = "every"\ninterval = "1y"')), rows, "--today", "2023-01-01"
    )
    assert _verdicts(out) == {"2021": "uncertain", "2022": "met", "2023": "open"}
    assert out["exit"] == 0


def test_an_unconfirmed_meeting_before_a_late_one_makes_the_window_uncertain_not_late(tmp_path):
    """`every 1y` rolling, `tolerance = "3m"`: 2020-05-01 held -> due 2021 (by 2022-03-31);
    2021-11-10 planned, unconfirmed; the next held meeting 2022-06-01. If the November meeting
    was held, 2021 was met; if not, 2022-06-01 came 1 year late: uncertain (was late)."""
    rows = "board,regular,2020-05-01,,held,,\nboard,regular,2021-11-10,,planned,,\nboard,regular,2022-06-01,,held,,\n"
    out = _check(
        tmp_path,
        _book(_rule('kind = "every"\ninterval = "1y"\ntolerance = "3m"')),
        rows,
        "--today",
        "2022-07-01",
    )
    assert _verdicts(out)["2021"] == "uncertain"
    assert out["summary"]["violations"] == 0


def test_an_on_rule_whose_day_was_only_planned_is_uncertain(tmp_path):
    """`on` the third Tuesday of September: 2021-09-21. A regular meeting planned for that very
    day and never recorded as held: met if it was held as planned: uncertain (was missed)."""
    rule = _rule('kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3')
    out = _check(
        tmp_path,
        _book("established = 2021-01-01\n" + rule),
        "board,regular,2021-09-21,,planned,,\n",
        "--today",
        "2022-01-01",
    )
    finding = _finding(out, "2021-09-21")
    assert finding["verdict"] == "uncertain"
    assert "Board 2021-09-21 was planned but is not recorded as held" in finding["why"]
    assert out["exit"] == 0


def test_a_gap_an_unconfirmed_meeting_may_have_closed_is_uncertain(tmp_path):
    """`max_gap = "120d"`: held 2021-03-01 and 2021-09-01 (184 days apart), and 2021-06-01
    planned in between, never confirmed. Held as planned, both gaps are 92 days (met); if not,
    the gap is 64 days late: uncertain (was late)."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"')
    rows = "board,regular,2021-03-01,,held,,\nboard,regular,2021-06-01,,planned,,\nboard,regular,2021-09-01,,held,,\n"
    out = _check(
        tmp_path, _book("established = 2021-01-01\n" + rule), rows, "--today", "2021-10-01"
    )
    finding = _finding(out, "2021-03-02..2021-06-29")
    assert finding["verdict"] == "uncertain"
    assert "Board 2021-06-01 was planned but is not recorded as held" in finding["why"]


def test_at_most_with_an_unconfirmed_meeting_that_would_break_it_is_uncertain(tmp_path):
    """`at_most 1 per year`: 2021-03-01 held, 2021-09-01 planned and never confirmed. Held as
    planned, 2021 holds two (excess); if not, one (met): uncertain (was met)."""
    rule = _rule('kind = "at_most"\ncount = 1\nper = "year"')
    rows = "board,regular,2021-03-01,,held,,\nboard,regular,2021-09-01,,planned,,\n"
    out = _check(
        tmp_path, _book("established = 2021-01-01\n" + rule), rows, "--today", "2022-01-01"
    )
    assert _verdicts(out)["2021"] == "uncertain"
    assert (
        "Board 2021-09-01 was planned but is not recorded as held" in _finding(out, "2021")["why"]
    )


def test_a_meeting_planned_for_today_is_scheduled_not_unconfirmed(tmp_path):
    """A meeting planned for --today itself may still be held that day: the year is open with
    the meeting scheduled, not uncertain."""
    out = _check(
        tmp_path,
        _book("established = 2023-01-01\n" + YEARLY),
        "board,regular,2023-05-01,,planned,,\n",
        "--today",
        "2023-05-01",
    )
    finding = _finding(out, "2023")
    assert finding["verdict"] == "open" and finding["scheduled"] and not finding["unconfirmed"]


# -- two versions of one rule --------------------------------------------------------------------

EVERY_4_THEN_2 = _rule('id = "c"\nkind = "every"\ninterval = "4y"\nuntil = 2015-12-31') + _rule('id = "c"\nkind = "every"\ninterval = "2y"\nsince = 2016-01-01')


def test_versions_of_a_rolling_rule_make_one_chain(tmp_path):
    """Rule `c`: every 4 years until 2015, every 2 years since 2016 (versions share the id;
    README: "a window belongs to the rule in force on its first day"). After 2008-05-01 due
    2012 (v1, met); after 2012-05-01 due 2016 (met by 2015-05-01); the window after
    2015-05-01 opens 2015-05-02, under the 4-year version: due 2019, met by 2017-05-01; the
    window after 2017-05-01 opens under the 2-year version: due 2019, and 2020-05-01 is 1 year
    late; then due 2022 (open). The new version starts no chain of its own "2 years after the
    rule took effect" (that window, due 2018, counted 2017-05-01 a second time)."""
    rows = "".join(f"board,regular,{d},,held,,\n" for d in ("2008-05-01", "2012-05-01", "2015-05-01", "2017-05-01", "2020-05-01"))
    out = _check(tmp_path, _book(EVERY_4_THEN_2), rows, "--today", "2021-06-01")
    assert _verdicts(out, rule=0) == {"2012": "met", "2016": "met", "2019": "met"}
    assert _verdicts(out, rule=1) == {"2019": "late", "2022": "open"}
    assert out["summary"]["violations"] == 1


def test_a_silence_across_the_seam_of_two_versions_is_judged_once(tmp_path):
    """The same rule, meetings 2011-05-01, 2015-05-01, then none until 2022-05-01. After 2015:
    due 2019 under the 4-year version (missed); the next window opens 2020-01-01 under the
    2-year version: due 2021, and 2022-05-01 is 1 year late; next due 2024. Two violations,
    not three (it said 2018 missed beside 2019 late 3 years and 2020 late 2 years: one silence
    judged by both versions at once, and one meeting late for two windows)."""
    rows = "".join(f"board,regular,{d},,held,,\n" for d in ("2011-05-01", "2015-05-01", "2022-05-01"))
    out = _check(tmp_path, _book(EVERY_4_THEN_2), rows, "--today", "2023-06-01")
    assert _verdicts(out, rule=0) == {"2015": "met", "2019": "missed"}
    assert _verdicts(out, rule=1) == {"2021": "late", "2024": "open"}
    assert _finding(out, "2021")["delay"] == "1 year"
    assert out["summary"]["violations"] == 2


def test_versions_of_a_yearly_rule_change_with_the_window_not_mid_year(tmp_path):
    """At least once a year until 2020-03-31, twice a year since 2020-04-01. Windows belong to
    the version in force on their first day: 2020 (from 2020-01-01) is judged once a year, met
    by 2020-02-01 alone; 2021 twice: 2021-03-01 and 2021-09-01, met."""
    rules = _rule('id = "c"\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2020-03-31') + _rule('id = "c"\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2020-04-01')
    rows = "".join(f"board,regular,{d},,held,,\n" for d in ("2019-05-01", "2020-02-01", "2021-03-01", "2021-09-01"))
    out = _check(tmp_path, _book("established = 2019-01-01\n" + rules), rows, "--today", "2022-01-01")
    assert _verdicts(out, rule=0) == {"2019": "met", "2020": "met"}
    assert _verdicts(out, rule=1) == {"2021": "met", "2022": "open"}


# -- tolerance at the edge -----------------------------------------------------------------------


def test_a_months_tolerance_after_a_month_runs_to_that_months_last_day(tmp_path):
    """`after` the Summit, `offset = "3m"`, `tolerance = "1m"`: Summit 2021-01-05, so due in
    2021-04, and a month of slack runs through May: 2021-05-31 is met within the tolerance (it
    was 1 month late: the deadline was 30 April + 1 month = 30 May). 2022-06-01 after a Summit
    of 2022-01-05 is a day past 31 May: late, by 2 months counted from the due month (as the
    first audit's grid case counts a year from the due year)."""
    rows = "summit,regular,2021-01-05,,held,,\nboard,regular,2021-05-31,,held,,\nsummit,regular,2022-01-05,,held,,\nboard,regular,2022-06-01,,held,,\n"
    book = _book(_rule('kind = "after"\nbody = "summit"\noffset = "3m"\ntolerance = "1m"'), others=SUMMIT)
    out = _check(tmp_path, book, rows, "--today", "2022-07-01")
    assert _verdicts(out) == {"2021-04": "met", "2022-04": "late"}
    assert "Held within the tolerance" in _finding(out, "2021-04")["why"]
    assert _finding(out, "2022-04")["delay"] == "2 months"


def test_a_months_tolerance_after_a_due_day_keeps_the_day(tmp_path):
    """In days the due date is a day, not a month: `every 90d` with `tolerance = "1m"` from
    2021-01-30 is due 2021-04-30, with slack to 2021-05-30 (30 April + 1 month), so 2021-05-31
    is late: 31 days after the day it was due (a delay counts from the due day, as in months
    from the due month, above: the tolerance decides whether, not how late; it said "1 day",
    from the slack's end); from 2021-05-31, due 2021-08-29, slack to 2021-09-29: 2021-09-29
    is met."""
    rows = "board,regular,2021-01-30,,held,,\nboard,regular,2021-05-31,,held,,\nboard,regular,2021-09-29,,held,,\n"
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "90d"\ntolerance = "1m"')), rows, "--today", "2021-10-01")
    assert _verdicts(out) == {"2021-04-30": "late", "2021-08-29": "met", "2021-12-28": "open"}
    assert _finding(out, "2021-04-30")["delay"] == "31 days"


def test_except_when_an_unconfirmed_meeting_may_excuse_is_uncertain(tmp_path):
    """`at_least 1 per year`, `except_when = ["summit"]`: no Board meeting in 2021, and the
    only Summit of 2021 was planned for 2021-05-01 and never recorded as held. Held, it
    excuses 2021; not held, 2021 is missed: uncertain (it was missed), naming the Summit."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\nexcept_when = ["summit"]')
    rows = "board,regular,2020-05-01,,held,,\nsummit,regular,2021-05-01,,planned,,\n"
    out = _check(tmp_path, _book("established = 2020-01-01\n" + rule, others=SUMMIT), rows, "--today", "2022-03-01")
    assert _verdicts(out) == {"2020": "met", "2021": "uncertain", "2022": "open"}
    assert "Excused if Summit 2021-05-01 was held: it was planned but is not recorded as held" in _finding(out, "2021")["why"]


# -- an event across a period's edge -------------------------------------------------------------


def test_an_event_across_the_year_end_counts_once_in_the_year_it_began(tmp_path):
    """`count_by = "event"`, at least once a year: sessions in Bern on 2020-12-31 and
    2021-01-01 are one event (the second opens the day after the first), and a meeting counts
    in the period of its first day (README, "A meeting belongs to the day it opens"): 2020 met,
    2021 missed (it was met: the one event counted in two years). In Bern then Geneva they are
    two events: both years met. With no city recorded the register does not say: uncertain."""
    rule = _rule('kind = "at_least"\ncount = 1\nper = "year"\ncount_by = "event"')
    book = _book("established = 2020-01-01\n" + rule)
    for second, verdict in (("Bern", "missed"), ("Geneva", "met"), ("", "uncertain")):
        first = "Bern" if second else ""
        rows = f"board,regular,2020-12-31,,held,{first},\nboard,regular,2021-01-01,,held,{second},\n"
        assert _verdicts(_check(tmp_path, book, rows, "--today", "2022-03-01")) == {"2020": "met", "2021": verdict, "2022": "open"}


# -- a real history: the OSCE Ministerial Council (sources in each register row) ----------------

AUDIT = Path(__file__).parent.parent / "audit"


def _osce(tmp_path: Path, *args: str, extra: str = "") -> dict:
    files = ["--meetings", str(AUDIT / "osce-meetings.csv")]
    if extra:
        (tmp_path / "what-if.csv").write_text("body,kind,ordinal,start,end,status,city\n" + extra, encoding="utf-8")
        files += ["--meetings", str(tmp_path / "what-if.csv")]
    result = CliRunner().invoke(main, ["check", "--rules", str(AUDIT / "osce.toml"), *files, "--body", "mc", "--format", "json", *args])
    out = json.loads(result.stdout)
    out["exit"] = result.exit_code
    return out


def test_osce_ministerial_council_at_least_once_a_year():
    """Charter of Paris (1990), Supplementary Document: the Council meets "at least once a
    year"; in a Summit year the Summit took its place. Worked out by hand, as of 2026-06-01:
    1991-2009 are before the register's records (complete from 2010): 19 unknown, none missed.
    2010: no Council, only an informal ministerial in Almaty (not counted, named) and the Astana
    Summit of 1-2 December: excused. 2011-2025: the 18th-32nd Councils, one a year: met, the
    19th known only as 2012 and the 24th only as 2017-12 (each still inside its year), the 27th
    by video (the rule restricts no format), the 30th opening 2023-11-30 and ending 2023-12-01
    (a 2023 meeting). 2026: open. Exit 0."""
    out = _osce(Path(), "--today", "2026-06-01")
    got = {f["window"]["label"]: f["verdict"] for f in out["findings"]}
    assert got == {**{str(y): "unknown" for y in range(1991, 2010)}, "2010": "excused", **{str(y): "met" for y in range(2011, 2026)}, "2026": "open"}
    why_2010 = next(f["why"] for f in out["findings"] if f["window"]["label"] == "2010")
    assert "informal: this rule counts regular meetings" in why_2010 and "Summit 2010-12-01 (7th, Astana)" in why_2010
    assert out["summary"]["unknown"] == 19 and out["summary"]["excused"] == 1 and out["exit"] == 0


def test_osce_as_it_stood_before_the_32nd_council():
    """`--to 2025-11-01`: the 32nd Council (4-5 December 2025) does not exist yet for the
    check; 2025 is still running: open, not missed."""
    out = _osce(Path(), "--today", "2026-06-01", "--to", "2025-11-01")
    assert [(f["window"]["label"], f["verdict"]) for f in out["findings"]][-2:] == [("2024", "met"), ("2025", "open")]


def test_osce_a_council_left_as_planned_in_the_register_is_uncertain(tmp_path):
    """What if the register had never been updated after the 32nd Council (still `planned`
    for 2025-12-04): as of 2026-06-01 the register does not say it was held, so 2025 is
    uncertain, not missed (and not met)."""
    out = _osce(tmp_path, "--today", "2026-06-01", extra="mc,regular,32,2025-12-04,2025-12-05,planned,Vienna\n")
    finding = next(f for f in out["findings"] if f["window"]["label"] == "2025")
    assert finding["verdict"] == "uncertain" and "32nd" in finding["why"] and out["exit"] == 0


def test_before_an_unconfirmed_planned_meeting_is_uncertain_not_missed(tmp_path):
    """`before` the Summit, `offset = "1m"`: a Summit planned for 2021-06-15 and never
    recorded as held; no Board meeting in [2021-05-15, 2021-06-14]. The window exists only
    because of the planned Summit (README, "Unconfirmed origins", as for `after`): uncertain,
    naming it, not missed (it was missed, exit 1)."""
    book = _book(_rule('kind = "before"\nbody = "summit"\noffset = "1m"'), others=SUMMIT)
    out = _check(tmp_path, book, "summit,regular,2021-06-15,,planned,,\n", "--today", "2022-01-01")
    finding = _finding(out, "2021-05-15..2021-06-14")
    assert finding["verdict"] == "uncertain" and "planned 2021-06-15, not confirmed held" in finding["why"]
    assert out["exit"] == 0


def test_versions_of_an_after_rule_follow_the_version_in_force_when_the_origin_met(tmp_path):
    """Rule `a`: one Board meeting 2 years after each Summit until 2015, 1 year after since 2016.
    The Summit of 2014-05-01 was held under the 2-year version: due 2016, met by 2016-03-01 (it
    had nothing due at all: its window, 2016, began under the 1-year version, which puts the
    Summit's window in 2015, before that version began). 2010 -> due 2012, missed; 2018 -> due
    2019 under the 1-year version, missed."""
    rules = _rule('id = "a"\nkind = "after"\nbody = "summit"\noffset = "2y"\nuntil = 2015-12-31') + _rule('id = "a"\nkind = "after"\nbody = "summit"\noffset = "1y"\nsince = 2016-01-01')
    rows = "summit,regular,2010-05-01,,held,,\nsummit,regular,2014-05-01,,held,,\nboard,regular,2016-03-01,,held,,\nsummit,regular,2018-05-01,,held,,\n"
    out = _check(tmp_path, _book(rules, others=SUMMIT), rows, "--today", "2021-06-01")
    assert _verdicts(out, rule=0) == {"2012": "missed", "2016": "met"}
    assert _verdicts(out, rule=1) == {"2019": "missed"}


def test_versions_of_an_after_rule_make_one_meeting_due_per_origin(tmp_path):
    """The other way round (1 year until 2015, 2 years since 2016): the Summit of 2015-05-01 is
    followed under the 1-year version, due 2016 (met by 2016-03-01), and not also under the
    2-year one (due 2017: two meetings due for one Summit)."""
    rules = _rule('id = "a"\nkind = "after"\nbody = "summit"\noffset = "1y"\nuntil = 2015-12-31') + _rule('id = "a"\nkind = "after"\nbody = "summit"\noffset = "2y"\nsince = 2016-01-01')
    rows = "summit,regular,2015-05-01,,held,,\nboard,regular,2016-03-01,,held,,\nsummit,regular,2018-05-01,,held,,\n"
    out = _check(tmp_path, _book(rules, others=SUMMIT), rows, "--today", "2021-06-01")
    assert _verdicts(out, rule=0) == {"2016": "met"}
    assert _verdicts(out, rule=1) == {"2020": "missed"}


def test_a_rolling_chain_after_an_unconfirmed_meeting_is_definite_when_due_either_way(tmp_path):
    """`every 1y` rolling: 2020-05-01 held, 2021-05-01 planned and never confirmed, nothing
    since; today 2023-06-01. 2021: uncertain (met if it was held). 2022: if it was held, due
    2022 (1 year after it); if not, 2021 was missed and the chain goes on from 2021: due 2022.
    Nothing in 2022 either way: missed, not uncertain (README: only a window that exists
    because of the unconfirmed meeting is uncertain). Under `every 2y` the planned 2021
    meeting fell early in the window due 2022: held, 2023 was due (missed); not held, 2022 was
    missed and 2024 is due: the 2023 window depends on it, uncertain."""
    rows = "board,regular,2020-05-01,,held,,\nboard,regular,2021-05-01,,planned,,\n"
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "1y"')), rows, "--today", "2023-06-01")
    assert _verdicts(out) == {"2021": "uncertain", "2022": "missed", "2023": "open"}
    assert "Due then whether or not Board 2021-05-01 (planned, not recorded as held) was held" in _finding(out, "2022")["why"]
    out = _check(tmp_path, _book(_rule('kind = "every"\ninterval = "2y"')), rows, "--today", "2024-06-01")
    assert _verdicts(out) == {"2022": "uncertain", "2023": "uncertain", "2025": "open"}
