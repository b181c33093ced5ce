"""A twenty-fourth audit of real organizations (tests/audit/), each rule book citing its
instrument in every rule's `source` and each register row its source (days known only from
memory say so; rows known only to the month or year give no day), every expected answer worked
out by hand from the rule as written before the tool was run (the derivation in each test's
docstring). Rules that stress what the audits before did not: the last Sunday of a month with
an Easter exception the rule language has no key for (Appenzell Innerrhoden's Landsgemeinde,
rule versions for the Easter years); a longest gap between sessions with no count a year
(`count = 0`: the Parliaments of Canada and Australia, whose sessions run for years), and
thirty days from the day appointed for the writs' return (Australia); a semester cadence whose
register skips numbers where its records are complete and ends before today (SICA); the first
day of a month that is a Monday to Saturday (`weekday` lists: the Storting); the Tuesday after
the first Monday (`after`) with a second part in odd years (Kentucky); and two Tuesdays fixed
by Constitutions (the Folketing's opening, Prinsjesdag). Each book was also read through
`project` and `ics` as its secretariat would (findings in the CHANGELOG)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from click.testing import CliRunner

from planner.cli import main
from tests.real.test_semantics_audit15_real import AUDIT, _check, _files, _text
from tests.real.test_semantics_audit16_real import _why
from tests.real.test_semantics_audit18_real import _events
from tests.real.test_semantics_audit20_real import _edited, _judged, _project
from tests.real.test_semantics_audit22_real import _verdicts
from tests.semantics.test_semantics_audit5 import _invoke

TODAY = ("--today", "2026-12-05")


def _feed(name: str, *args: str) -> list[dict[str, str]]:
    return _events(_invoke("ics", *_files(name), *TODAY, "--out", "-", *args).stdout)


# -- Appenzell Innerrhoden: the last Sunday in April, the first in May when Easter is on it -----

AI = "appenzell-landsgemeinde"


def test_appenzell_last_sunday_in_april_2012_2025_met_the_pandemic_years_excused():
    """Constitution of Appenzell I. Rh., art. 19(2): the last Sunday in April. By hand: 29 April
    2012, 28 April 2013, 27 April 2014, 26 April 2015 and 24 April 2016 (the canton's own list),
    30 April 2017, 29 April 2018, 28 April 2019, 24 April 2022, 30 April 2023, 28 April 2024 and
    27 April 2025 are each that April's last Sunday: met. 2020 (moved to 23 August, then called
    off) and 2021 (called off in February) have no Landsgemeinde; the rule book records both as
    excused, with the decisions as sources. 26 April 2026 has passed with nothing recorded, the
    register complete only to 2025: unknown, not missed. Next: 25 April 2027 (Easter 2027 is on
    28 March)."""
    out = _check(AI, *TODAY)
    verdicts = _verdicts(out, "landsgemeinde")
    held = ("2012-04-29", "2013-04-28", "2014-04-27", "2015-04-26", "2016-04-24", "2017-04-30", "2018-04-29", "2019-04-28", "2022-04-24", "2023-04-30", "2024-04-28", "2025-04-27")
    assert {k: v for k, v in verdicts.items() if k >= "2012"} == {
        **{day: "met" for day in held},
        "2020-04-26": "excused",
        "2021-04-25": "excused",
        "2026-04-26": "unknown",
        "2027-04-25": "open",
    }
    assert out["summary"]["violations"] == 0


def test_appenzell_without_the_recorded_suspension_2020_and_2021_are_missed(tmp_path):
    """The Constitution itself has no exception for an epidemic (the Landammann in 2020: "Die
    Kantonsverfassung sieht keinen Urnengang vor"): without the rule book's `excused` table,
    2020 and 2021 are `missed`, two violations; the cancelled rows do not count."""
    book = (AUDIT / f"{AI}.toml").read_text(encoding="utf-8")
    start = book.index("excused = [")
    table = book[start : book.index("]\n", start) + 2]
    out = _judged(_edited(tmp_path, AI, {table: ""}), *TODAY)
    verdicts = _verdicts(out, "landsgemeinde")
    assert verdicts["2020-04-26"] == "missed" and verdicts["2021-04-25"] == "missed"
    assert out["summary"]["violations"] == 2


def test_appenzell_2011_is_uncertain_on_the_year_and_met_on_the_first_sunday_in_may(tmp_path):
    """Easter 2011 fell on 24 April, the last Sunday in April: art. 19(3) moves the Landsgemeinde
    to the first Sunday in May, 1 May 2011 (the rule version for 2011). The register knows only
    the year: `uncertain`, naming 1 May. Dated 1 May 2011 (an edit) it is met; dated 24 April
    2011, the day the unamended art. 19(2) would give, it is `off_date`, a violation: the Easter
    version, not the April rule, judges 2011."""
    out = _check(AI, *TODAY)
    assert _verdicts(out, "landsgemeinde")["2011-05-01"] == "uncertain"
    row = "landsgemeinde,regular,,2011,,"
    for day, verdict in (("2011-05-01", "met"), ("2011-04-24", "off_date")):
        folder = tmp_path / day
        folder.mkdir()
        out = _judged(_edited(folder, AI, {}, rows={row: f"landsgemeinde,regular,,{day},,"}), *TODAY)
        assert _verdicts(out, "landsgemeinde")["2011-05-01"] == verdict


def test_appenzell_projects_the_last_sunday_in_april_and_2_may_2038():
    """`project` to 2040 as of 2026-12-05: 25 April 2027, 30 April 2028, 29 April 2029, 28 April
    2030, 27 April 2031, 25 April 2032, 24 April 2033, 30 April 2034, 29 April 2035, 27 April
    2036, 26 April 2037; Easter 2038 is on 25 April, the last Sunday in April, so 2 May 2038 (the
    first Sunday in May); then 24 April 2039 and 29 April 2040. Each a Sunday, the body's
    `weekdays`: no Problem. (2026, unknown, is not projected: its day has passed.)"""
    starts = [s for _, s, _ in _project(AI, *TODAY, "--to", "2040")]
    assert starts == ["2027-04-25", "2028-04-30", "2029-04-29", "2030-04-28", "2031-04-27", "2032-04-25", "2033-04-24", "2034-04-30", "2035-04-29", "2036-04-27", "2037-04-26", "2038-05-02", "2039-04-24", "2040-04-29"]


def test_appenzell_feed_keeps_the_called_off_landsgemeinden_cancelled():
    """The feed: 2020 (on the day it was moved to, 23 August) and 2021 CANCELLED, the 2011 row
    known only to the year TENTATIVE (its day not fixed), the others CONFIRMED."""
    events = {e["DTSTART"]: e for e in _feed(AI)}
    assert events["20200823"]["STATUS"] == "CANCELLED" and events["20210425"]["STATUS"] == "CANCELLED"
    assert events["20110101"]["STATUS"] == "TENTATIVE"
    assert events["20250427"]["STATUS"] == "CONFIRMED"


# -- Canada: a sitting at least once every twelve months (Charter s. 5) -------------------------

CANADA = "canada-parliament"


def test_canada_every_gap_between_sessions_under_twelve_months():
    """Charter s. 5: "a sitting of Parliament ... at least once every twelve months", a gap
    only (`count = 0`, `max_gap = "12m"` from each session's last sitting). By hand: June 2019
    (the 42nd Parliament's last sitting, known to the month) to 5 December 2019 is 158 to 187
    days; July 2020 to 23 September 2020, 54 to 84; 23 June 2021 to 22 November 2021, 152;
    17 December 2024 (before the prorogation of 6 January 2025) to 26 May 2025, 160: each met,
    well inside twelve months, whatever the day in the month. The gap after June 2025 ran to
    June 2026 at the latest, past the register's records (to June 2025): unknown, not missed.
    No violation."""
    out = _check(CANADA, *TODAY)
    assert _verdicts(out, "house") == {
        "2019-07-01..2020-06-30": "met",
        "2020-08-01..2021-07-31": "met",
        "2021-06-24..2022-06-23": "met",
        "2024-12-18..2025-12-17": "met",
        "2025-07-01..2026-06-30": "unknown",
    }
    assert "gap of 160 days from the last day (2024-12-17)" in _why(out, "house", 0, "2024-12-18..2025-12-17")
    assert out["summary"]["violations"] == 0


def test_canada_a_count_a_year_misreads_the_years_a_session_runs_through(tmp_path):
    """The same rule with `count = 1` a year (what India's art. 85 book keeps beside its gap)
    misjudges Canada: a session is one row from its first sitting to its last, counted in the
    year it opens, so 2016, 2017 and 2018 (the 1st session of the 42nd Parliament, December 2015
    to June 2019) and 2022-2024 (the 44th's, November 2021 to December 2024) read `missed`: six
    violations where Parliament sat every year. Hence `count = 0`: the gap alone, refused before
    this audit ("is too small")."""
    out = _judged(_edited(tmp_path, CANADA, {"\ncount = 0\n": "\ncount = 1\n"}), *TODAY)
    missed = {k for k, v in _verdicts(out, "house").items() if v == "missed"}
    assert missed == {"2016", "2017", "2018", "2022", "2023", "2024"}
    assert out["summary"]["violations"] == 6


def test_canada_a_parliament_called_a_year_and_a_day_after_the_last_sitting_is_late(tmp_path):
    """Had the 45th Parliament first sat on 18 December 2025 (an edit), twelve months and a day
    after the last sitting of 17 December 2024, the register complete to December 2025 (so no
    sitting held unrecorded in between could have kept the gap): late by 1 day."""
    row = {"house,regular,,2025-05-26,2025-06,": "house,regular,,2025-12-18,2025-12-19,"}
    out = _judged(_edited(tmp_path, CANADA, {'end = "2025-06"': 'end = "2025-12"'}, rows=row), *TODAY)
    assert _verdicts(out, "house")["2024-12-18..2025-12-17"] == "late"
    assert "1 day late" in _why(out, "house", 0, "2024-12-18..2025-12-17")


def test_canada_a_count_of_zero_needs_a_longest_gap(tmp_path):
    """`count = 0` without `max_gap` would judge nothing: refused in one line naming the rule."""
    done = CliRunner().invoke(main, ["check", *_edited(tmp_path, CANADA, {'max_gap = "12m"\n': ""}), *TODAY])
    assert done.exit_code == 2
    assert "canada-parliament.toml: bodies[0].rules[0]: count = 0 judges only the longest gap, but the rule has no max_gap" in done.output


def test_canada_projects_the_overdue_session_and_one_within_twelve_months_of_each():
    """`project` as of 2026-12-05 to 2029: the register shows nothing since June 2025 (what it
    shows still due, a note says), so a session of 60 days (`duration_days`) is overdue and
    opens on the first working day, Monday 7 December 2026, sitting to 4 February 2027; then
    one opening within twelve months of each last sitting, in the months the House has opened
    in. The overdue session had to fit wholly in December and January (57 days): a Problem,
    and nothing projected to 2029 (fails before in engine/planning/lateness.py)."""
    out = json.loads(_invoke("project", *_files(CANADA), *TODAY, "--to", "2029", "--format", "json").stdout)
    starts = [(m["start"], m["end"]) for m in out["meetings"]]
    assert starts[0] == ("2026-12-07", "2027-02-04")
    assert len(starts) == 4
    for (_, end), (start, _) in zip(starts, starts[1:], strict=False):
        assert date.fromisoformat(start) - date.fromisoformat(end) <= timedelta(days=366)
    assert not out["problems"]


# -- Australia: twelve months between sessions (s. 6), thirty days after the writs (s. 5) -------

AUSTRALIA = "australia-parliament"


def test_australia_sessions_within_twelve_months_and_thirty_days_after_the_appointed_day():
    """s. 6 (a gap only, as Canada's): April 2019 (the 45th Parliament's last sitting, to the
    month) to 2 July 2019 is 63 to 92 days; March 2022 to 26 July 2022, 117 to 147; March 2025
    to 22 July 2025, 113 to 143: met. s. 5: the writs of 2019 were returnable on 28 June 2019,
    the 46th Parliament met on 2 July (4 days after, the window's last day 28 July): met; those
    of 2022 on 28 June 2022, the 47th met on 26 July (28 days after, by 28 July): met. The
    appointed day of 2025 is recorded to the year only: whether 22 July 2025 was within thirty
    days of it is `uncertain`, met if it was 22 June to 21 July. The gap after July 2025 runs
    past the records: unknown. No violation."""
    out = _check(AUSTRALIA, *TODAY)
    assert _verdicts(out, "parliament", 0) == {
        "2019-05-01..2020-04-30": "met",
        "2022-04-01..2023-03-31": "met",
        "2025-04-01..2026-03-31": "met",
        "2025-08-01..2026-07-31": "unknown",
    }
    assert _verdicts(out, "parliament", 1) == {"2019-07-28": "met", "2022-07-28": "met", "2025-01-31..2026-01-30": "uncertain"}
    assert "met if it was held 2025-06-22..2025-07-21" in _why(out, "parliament", 1, "2025-01-31..2026-01-30")
    assert out["summary"]["violations"] == 0


def test_australia_thirty_days_from_the_day_the_writs_came_back_would_read_2022_late(tmp_path):
    """s. 5 counts from the day *appointed* for the return of the writs: in 2022 they came back
    on 24 June, four days before the appointed 28 June. Recorded on the day they came back (an
    edit), the 47th Parliament's first meeting on 26 July is 32 days after: late by 2 days, a
    violation the Constitution does not see. The rule book records the appointed day."""
    row = {"writs,regular,,2022-06-28,,": "writs,regular,,2022-06-24,,"}
    out = _judged(_edited(tmp_path, AUSTRALIA, {}, rows=row), *TODAY)
    assert _verdicts(out, "parliament", 1)["2022-07-24"] == "late"
    assert "2 days late" in _why(out, "parliament", 1, "2022-07-24")
    assert out["summary"]["violations"] == 1


# -- SICA: a Meeting of Presidents every semester, numbers the register skips -------------------

SICA = "sica-presidents"


def test_sica_semesters_met_unknown_where_a_skipped_number_may_fill_them():
    """Protocol of Tegucigalpa: the Meeting of Presidents ordinarily every semester. By hand:
    the 44th (December 2014), 45th (June 2015), 46th (December 2015), 49th (June 2017), 51st
    (June 2018), 53rd (June 2019), 56th (December 2022) and 57th (June 2023) meet their
    half-years. The numbers the register skips were held unrecorded: the 47th and 48th between
    December 2015 and June 2017 may fill 2016 H1 and H2, the 50th 2017 H2, the 52nd 2018 H2, so
    each is `unknown`. The 54th and 55th fall between June 2019 and December 2022, where six
    half-years (2019 H2 to 2022 H1) each want one: `unknown` each, at least four of them short
    on every reading (which, the register does not say). The summit with Spain (June 2021) is
    extraordinary: not counted. After June 2023 nothing is recorded: unknown to 2026 H1, 2026 H2
    open. No violation."""
    out = _check(SICA, *TODAY)
    verdicts = _verdicts(out, "presidents")
    met = {"2014 H2", "2015 H1", "2015 H2", "2017 H1", "2018 H1", "2019 H1", "2022 H2", "2023 H1"}
    assert {k for k, v in verdicts.items() if v == "met"} == met
    assert {k for k, v in verdicts.items() if v not in ("met", "unknown")} == {"2026 H2"}
    assert len(verdicts) == 25 and out["summary"]["violations"] == 0
    assert "Not counted: Meeting of Presidents 2021-06 (San José) (extraordinary: this rule counts regular meetings)." in _why(out, "presidents", 0, "2021 H1")
    assert "short of their count" not in _why(out, "presidents", 0, "2016 H1")


def test_sica_six_half_years_two_unrecorded_numbers_at_least_four_short():
    """Each why of 2019 H2 to 2022 H1 says that the register's numbers leave 2 meetings for 6
    half-years, so at least 4 of them are short on every reading. It said nothing: the
    half-years after June 2023, unknown because the register is not known complete there (no
    number skipped), stopped the count for the whole rule (fails before in
    engine/judging/finishing.py)."""
    out = _check(SICA, *TODAY)
    for label in ("2019 H2", "2020 H1", "2020 H2", "2021 H1", "2021 H2", "2022 H1"):
        why = _why(out, "presidents", 0, label)
        assert "The register's numbers leave 2 meetings unrecorded where 2019 H2, 2020 H1, 2020 H2, 2021 H1, 2021 H2 and 2022 H1 need 6: so at least 4 of them are short of their count on every reading" in why
    assert "short of their count" not in _why(out, "presidents", 0, "2024 H1")


# -- Norway: the first weekday (Monday to Saturday) of October -----------------------------------

STORTING = "storting"
STORTING_DAYS = ("2014-10-01", "2017-10-02", "2018-10-01", "2019-10-01", "2020-10-01", "2021-10-01", "2022-10-01", "2023-10-02", "2024-10-01", "2025-10-01")


def test_storting_assembles_on_the_first_weekday_of_october_saturday_included():
    """Constitution of Norway, § 68: the first "hverdag" (Monday to Saturday) of October. By
    hand: 1 October 2014, 2018-2022, 2024 and 2025 are a Monday to Saturday (2022's a Saturday:
    the 167th Storting assembled that Saturday); 1 October 2017 and 2023 were Sundays, so Monday
    2 October. Each met. 2015 and 2016 are not transcribed, 2026 past the records: unknown. Next:
    Friday 1 October 2027. The rule reads "the first day from Monday to Saturday in October"
    (a `weekday` list; refused before this audit: "is not one of mon, tue, ...")."""
    out = _check(STORTING, *TODAY)
    assert _verdicts(out, "assembly") == {
        **{day: "met" for day in STORTING_DAYS},
        "2015-10-01": "unknown",
        "2016-10-01": "unknown",
        "2026-10-01": "unknown",
        "2027-10-01": "open",
    }
    assert "on the first day from Monday to Saturday in October" in _text(STORTING, *TODAY)


def test_storting_read_as_1_october_or_as_monday_to_friday_misjudges_it(tmp_path):
    """The two readings the rule language allowed before: 1 October (`day = 1`) calls the
    Mondays after a Sunday 1 October (2017, 2023) `off_date`, two violations; a Monday-to-Friday
    "weekday" wants Monday 3 October 2022, so the Saturday assembly of the 167th Storting is
    `off_date`. § 68 counts Saturday."""
    days = 'weekday = ["mon", "tue", "wed", "thu", "fri", "sat"]\nnth = 1'
    first = tmp_path / "first"
    first.mkdir()
    out = _judged(_edited(first, STORTING, {days: "day = 1"}), *TODAY)
    assert {k for k, v in _verdicts(out, "assembly").items() if v == "off_date"} == {"2017-10-01", "2023-10-01"}
    week = tmp_path / "week"
    week.mkdir()
    out = _judged(_edited(week, STORTING, {days: 'weekday = ["mon", "tue", "wed", "thu", "fri"]\nnth = 1'}), *TODAY)
    assert {k for k, v in _verdicts(out, "assembly").items() if v == "off_date"} == {"2022-10-03"}


def test_storting_projects_each_first_weekday_saturday_included():
    """`project` to 2033: 1 October 2027 (Friday), 2 October 2028 (1 October a Sunday), 1
    October 2029-2033, of which 2033's is a Saturday: projected on it (a day the body meets
    on, `weekdays`), no Problem."""
    starts = [s for _, s, _ in _project(STORTING, *TODAY, "--to", "2033")]
    assert starts == ["2027-10-01", "2028-10-02", "2029-10-01", "2030-10-01", "2031-10-01", "2032-10-01", "2033-10-01"]


# -- Kentucky: the Tuesday after the first Monday in January; February in odd years -------------

KENTUCKY = "kentucky-general-assembly"


def test_kentucky_convenes_on_the_tuesday_after_the_first_monday_in_january():
    """Constitution of Kentucky, s. 36: every year the first Tuesday after the first Monday in
    January (8 January 2019, 7 January 2020, 5 January 2021, 4 January 2022, 3 January 2023,
    2 January 2024: the first Monday was New Year's Day, 7 January 2025, 6 January 2026), and in
    odd years a second part on the first Tuesday in February (5 February 2019, 2 February 2021,
    7 February 2023, 4 February 2025). Each met; the other part of the same year is named, not
    counted. Next: 5 January and 2 February 2027."""
    out = _check(KENTUCKY, *TODAY, "--from", "2019")
    january = _verdicts(out, "assembly", 0)
    assert january == {d: "met" for d in ("2019-01-08", "2020-01-07", "2021-01-05", "2022-01-04", "2023-01-03", "2024-01-02", "2025-01-07", "2026-01-06")} | {"2027-01-05": "open"}
    assert _verdicts(out, "assembly", 1) == {d: "met" for d in ("2019-02-05", "2021-02-02", "2023-02-07", "2025-02-04")} | {"2027-02-02": "open"}
    assert out["summary"]["violations"] == 0


def test_kentucky_a_session_convened_a_week_late_is_off_date_and_projection_keeps_both_days(tmp_path):
    """Had the 2024 session convened on Tuesday 9 January (an edit), a week after the day:
    `off_date`. `project` to 2029: 5 January and 2 February 2027, 4 January 2028, 2 January and 6
    February 2029."""
    out = _judged(_edited(tmp_path, KENTUCKY, {}, rows={"2024-01-02,2024-04-15": "2024-01-09,2024-04-15"}), *TODAY, "--from", "2019")
    assert _verdicts(out, "assembly", 0)["2024-01-02"] == "off_date"
    starts = [s for _, s, _ in _project(KENTUCKY, *TODAY, "--to", "2029")]
    assert starts == ["2027-01-05", "2027-02-02", "2028-01-04", "2029-01-02", "2029-02-06"]


# -- Denmark and the Netherlands: a Tuesday by the Constitution -----------------------------------

FOLKETING = "folketing"
PRINSJESDAG = "prinsjesdag"


def test_folketing_opens_on_the_first_tuesday_in_october():
    """Constitutional Act of Denmark, § 36: the first Tuesday in October. By hand: 2 October
    2018, 1 October 2019, 6 October 2020, 5 October 2021, 4 October 2022 (the election was
    called the next day), 3 October 2023, 1 October 2024 and 7 October 2025: met. 6 October
    2026 past the records: unknown. `project` to 2030: 5 October 2027, 3 October 2028, 2
    October 2029, 1 October 2030."""
    out = _check(FOLKETING, *TODAY)
    days = ("2018-10-02", "2019-10-01", "2020-10-06", "2021-10-05", "2022-10-04", "2023-10-03", "2024-10-01", "2025-10-07")
    assert _verdicts(out, "opening") == {d: "met" for d in days} | {"2026-10-06": "unknown", "2027-10-05": "open"}
    assert [s for _, s, _ in _project(FOLKETING, *TODAY, "--to", "2030")] == ["2027-10-05", "2028-10-03", "2029-10-02", "2030-10-01"]


def test_prinsjesdag_on_the_third_tuesday_of_september():
    """Constitution of the Netherlands, art. 65: the third Tuesday of September (no Act has set
    an earlier day). By hand: 15 September 2015, 20 September 2016, 19 September 2017, 18
    September 2018, 17 September 2019, 15 September 2020, 21 September 2021, 20 September 2022,
    19 September 2023, 17 September 2024 and 16 September 2025: met. 15 September 2026 past the
    records: unknown. `project` to 2030: 21 September 2027, 19 September 2028, 18 September
    2029, 17 September 2030."""
    out = _check(PRINSJESDAG, *TODAY)
    days = ("2015-09-15", "2016-09-20", "2017-09-19", "2018-09-18", "2019-09-17", "2020-09-15", "2021-09-21", "2022-09-20", "2023-09-19", "2024-09-17", "2025-09-16")
    assert _verdicts(out, "prinsjesdag") == {d: "met" for d in days} | {"2026-09-15": "unknown", "2027-09-21": "open"}
    assert [s for _, s, _ in _project(PRINSJESDAG, *TODAY, "--to", "2030")] == ["2027-09-21", "2028-09-19", "2029-09-18", "2030-09-17"]
