"""An eighth audit: `planner project` and `planner chairs` against cases worked out by hand from
DESIGN.md alone (each docstring holds the computation, written before the tool was run), and
the points the seventh audit left open (who hosts a handover meeting, a term length dated only
to the month in JSON, a meeting that can never be placed, the ordinal of a cancelled meeting)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import _invoke

_MEMBERS = 'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE" }, { name = "Czechia", code = "CZ" }]\n'
_PLENARY = (
    '[[bodies]]\nid = "plenary"\nname = "Plenary"\ncategory = "governing"\nhost = "chair"\nmonths = [6]\nduration_days = 2\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
)
_FORUM = '[[bodies]]\nid = "forum"\nname = "Forum"\ncategory = "advisory"\nhost = "chair"\nmonths = [6]\nestablished = 2022-01-01\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'


def _chair_book(handover_host: str, *bodies: str) -> str:
    return (
        '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Vienna", country = "Austria" }\n'
        + _MEMBERS
        + f'[chairmanship]\nterm = "2y"\nhandover_bodies = ["plenary"]\nchair_hosts = true\nconsecutive_terms = false\nhandover_host = "{handover_host}"\n'
        + "".join(bodies or (_PLENARY,))
    )


# The 1st Plenary opens Austria's term in Vienna; the 2nd hands the chair to Belgium in Brussels
# (hosted by the incoming chair); the 3rd is planned in Brussels for June 2026 (no day), where
# Belgium's term is expected to end: hosted by the outgoing chair.
_PLENARIES = (
    "plenary,regular,1,2022-06-14,2022-06-15,held,Vienna,Austria\n"
    "plenary,regular,2,2024-06-11,2024-06-12,held,Brussels,Belgium\n"
    "plenary,regular,3,2026-06,,planned,Brussels,Belgium\n"
)
_TERMS = "Austria,2022-06-14,2024-06-11,1,,x\nBelgium,2024-06-11,,2,,x\n"


def _files(tmp_path: Path, book: str, rows: str, terms: str = _TERMS) -> list[str]:
    rules, meetings, chairs = tmp_path / "rules.toml", tmp_path / "meetings.csv", tmp_path / "chairs.csv"
    rules.write_text(book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    chairs.write_text("country,start,end,ordinal,note,source\n" + terms, encoding="utf-8")
    return ["--rules", str(rules), "--meetings", str(meetings), "--chairs", str(chairs)]


def _json(*args: str) -> dict:
    return json.loads(_invoke(*args, "--format", "json").stdout)


# -- who hosts a handover meeting (CICA's rule book corrected; the register's hosts said) -------


def test_a_planned_handover_meeting_in_the_outgoing_chairs_country_is_a_note_under_incoming(tmp_path):
    """handover_host = "incoming". The 2nd Plenary (Brussels), where Austria handed the chair to
    Belgium, was hosted by the incoming chair, as the rule says: nothing. The 3rd, planned in
    Brussels for June 2026, is expected to end Belgium's term; Belgium cannot chair again at
    once (consecutive_terms = false), so it would be hosted by the outgoing chair: one note,
    no violation (exit 0). Belgium's hosted meetings are the 2nd and the 3rd (the register's
    hosts), Austria's the 1st."""
    args = _files(tmp_path, _chair_book("incoming"), _PLENARIES)
    out = _json("chairs", *args, "--today", "2026-03-01")
    assert [(f["kind"], f["severity"]) for f in out["findings"]] == [("handover_host", "note")]
    assert out["findings"][0]["message"] == (
        "The 3rd Plenary (2026-06, Brussels, Belgium, planned), expected to end Belgium's term, is to be hosted by the outgoing chair"
        ' (Belgium; no country chairs twice in a row); the rule book has the incoming chair host the handover meeting (handover_host = "incoming").'
    )
    assert out["summary"]["exit_code"] == 0
    assert [(t["country"], [m["ordinal"] for m in t["hosted"]]) for t in out["terms"]] == [("Austria", [1]), ("Belgium", [2, 3])]


def test_the_same_register_under_outgoing_notes_the_held_handover_instead(tmp_path):
    """Control: handover_host = "outgoing". The 2nd Plenary was hosted by the incoming chair,
    which the rule does not say: a note; the planned 3rd in Brussels is the outgoing chair's,
    as the rule says: nothing. Belgium still lists the 2nd among its hosted meetings (it was
    listed nowhere: the rule gave the handover day to Austria, the register to Belgium)."""
    args = _files(tmp_path, _chair_book("outgoing"), _PLENARIES)
    out = _json("chairs", *args, "--today", "2026-03-01")
    assert [(f["kind"], f["severity"], f["country"]) for f in out["findings"]] == [("handover_host", "note", "Belgium")]
    assert out["findings"][0]["message"].startswith("The 2nd Plenary (2024-06-11, Brussels, Belgium), where Austria handed the chair to Belgium, was hosted by the incoming chair")
    assert [(t["country"], [m["ordinal"] for m in t["hosted"]]) for t in out["terms"]] == [("Austria", [1]), ("Belgium", [2, 3])]


def test_a_meeting_in_the_month_a_running_term_ends_has_no_host_under_either_reading(tmp_path):
    """The Forum meets once a year in June, in the chair's country. Belgium's term is expected
    to end at the 3rd Plenary, planned for some day of June 2026: the 2026 Forum, projected in
    June, may fall before the handover (Belgium's) or after it (the next chair's, unknown).
    Under "outgoing" it was said so; under "incoming" it was silently "chair to be decided"
    (the days of a loose end were held by no term): now the same note under both. The 2027
    Forum is the next chair's, who is not known: to be decided, no note."""
    for reading in ("outgoing", "incoming"):
        args = _files(tmp_path, _chair_book(reading, _PLENARY, _FORUM), _PLENARIES)
        out = _json("project", *args, "--today", "2026-03-01", "--to", "2027")
        forums = [(m["start"][:7], m["host"]) for m in out["meetings"] if m["body"] == "forum"]
        assert forums == [("2026-06", "chair to be decided"), ("2027-06", "chair to be decided")], reading
        notes = [n for n in out["notes"] if n.startswith("Forum 2026-06")]
        assert len(notes) == 1 and "the chair passes from Belgium on a day of 2026-06 the registers do not give" in notes[0], (reading, out["notes"])


# -- a term's length in JSON, as the text gives it ------------------------------------------------


def test_json_gives_the_length_range_of_a_term_dated_only_to_the_year(tmp_path):
    """CICA's terms with Tajikistan to `2020` and Kazakhstan from `2020`. Tajikistan
    2018-09-24 to a day of 2020: shortest to 2020-01-01, 464 days (365 to 2019-09-24, 99 more),
    1 year 3 months (15 months); longest to 2020-12-31, 829 days (a leap year's 365 more),
    2 years 3 months (27). Kazakhstan from a day of 2020 to 2024-12-17: shortest from
    2020-12-31, 1,447 days (4 years less 14 days), 3 years 11 months (47); longest from
    2020-01-01, 1,812 days (1,826 to 2024-12-31, less 14), 4 years 11 months (59). The text
    says "1 year 3 months 8 days to 2 years 3 months 7 days" and "3 years 11 months 17 days to 4 years 11 months 16 days";
    JSON gave one length, the earliest reading (`length_days` 464 and 1,812): now `null`, and
    the ranges. Control: China 2014-05-21 to 2018-09-24, dated to the day: 1,587 days, 52
    months, each range that number twice."""
    chairs = tmp_path / "chairs.csv"
    chairs.write_text("country,start,end,ordinal,note,source\nChina,2014-05-21,2018-09-24,3,,x\nTajikistan,2018-09-24,2020,4,,x\nKazakhstan,2020,2024-12-17,5,,x\nAzerbaijan,2024-12-17,,6,,x\n", encoding="utf-8")
    out = _json("chairs", "--chairs", str(chairs), "--today", "2026-12-03")
    got = [(t["country"], t["length"], t["length_days"], t["length_days_range"], t["length_months"], t["length_months_range"]) for t in out["terms"][:3]]
    assert got == [
        ("China", "4 years 4 months 3 days", 1587, [1587, 1587], 52, [52, 52]),
        ("Tajikistan", "1 year 3 months 8 days to 2 years 3 months 7 days", None, [464, 829], None, [15, 27]),
        ("Kazakhstan", "3 years 11 months 17 days to 4 years 11 months 16 days", None, [1447, 1812], None, [47, 59]),
    ]


def test_json_gives_the_length_range_of_a_planned_term_from_a_meeting_dated_to_the_month():
    """The plan "Azerbaijan, Kyrgyzstan, Thailand": Kyrgyzstan from the 7th Summit (some day
    of October 2026) to the 8th Ministerial Council (2028-09-12: its regular meetings' usual
    day in September, 12 and 14: the 12th; audit 10, twenty-first pass): shortest from
    2026-10-31, 682 days (1 year 10 months 12 days: 22 months), longest from 2026-10-01, 712
    days (1 year 11 months 11 days: 23): the text's "1 year 10 months 12 days to 1 year 11 months 11 days". Thailand from
    2028-09-12 to the 8th Summit (2030-10-16): 764 days, 25 months (2 years 1 month 4 days)."""
    out = _json("chairs", "--today", "2026-12-03", "--plan", "Azerbaijan, Kyrgyzstan, Thailand")
    got = [(t["country"], t["length"], t["length_days"], t["length_days_range"], t["length_months_range"]) for t in out["plan"][1:]]
    assert got == [("Kyrgyzstan", "1 year 10 months 12 days to 1 year 11 months 11 days", None, [682, 712], [22, 23]), ("Thailand", "2 years 1 month 4 days", 764, [764, 764], [25, 25])]


# -- a meeting that can never be placed: why, exactly ---------------------------------------------

_BERN = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'


def _board(keys: str) -> str:
    return _BERN + f'[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nestablished = 2020-01-01\nmonths = [6]\n{keys}\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'


def _project(tmp_path: Path, book: str, *args: str, fmt: str = "json"):
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\n", encoding="utf-8")
    out = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--format", fmt, *args).stdout
    return json.loads(out) if fmt == "json" else out


def test_a_six_day_meeting_in_a_five_day_week_spans_the_weekend_or_says_why_not(tmp_path):
    """Six days in Bern, where Saturday and Sunday are the weekend: no week holds six working
    days, so the meeting spans a weekend (twentieth audit; it was a Problem, "the longest run
    of working days there is 5 days"), opening and closing on working days. Its target is
    Monday 15 June (June, no history: the 15th): the 15th and 16th close on a Saturday and a
    Sunday, the 14th is a Sunday; Wednesday 06-17 closes on Monday 06-22. Control: five days
    fit from Monday 15 June to Friday 19 June. From 2026-12-25 (today 2026-12-24) no six days
    open and close on working days before the year ends (the 25th Christmas, the 26th a
    Saturday, the last first day): a Problem that says so."""
    out = _project(tmp_path, _board("duration_days = 6"), "--today", "2026-03-01", "--to", "2026")
    assert [(m["start"], m["end"]) for m in out["meetings"]] == [("2026-06-17", "2026-06-22")] and out["problems"] == []
    five = _project(tmp_path, _board("duration_days = 5"), "--today", "2026-03-01", "--to", "2026")
    assert [(m["start"], m["end"]) for m in five["meetings"]] == [("2026-06-15", "2026-06-19")] and five["problems"] == []
    late = _project(tmp_path, _board("duration_days = 6"), "--today", "2026-12-24", "--to", "2026")
    assert late["meetings"] == [] and [p["message"] for p in late["problems"]] == [
        "Board: a meeting of 6 days in Switzerland fits nowhere in 2026-12-25..2026-12-31 (at least once a year): no 6 days there open and close"
        " on working days in Switzerland without a blackout between; nothing was projected for 2026."
    ]
    text = _project(tmp_path, _board("duration_days = 6"), "--today", "2026-12-24", "--to", "2026", fmt="text")
    assert "beside the other bodies' meetings" not in text and text.rstrip().endswith("No meeting was projected in this horizon: see the Problems.")


def test_a_meeting_whose_start_weekday_leaves_no_run_says_so(tmp_path):
    """Four days starting on a Friday (`weekdays = ["fri"]`): Friday to Monday always holds the
    weekend, so no window fits: "no run of 4 working days there starts on a Friday, its
    meeting day". Control: one day on a Friday is placed, on the Friday nearest its
    target, Monday 15 June: Friday 12 June (3 days back) before Friday 19 June (4 ahead)."""
    out = _project(tmp_path, _board('duration_days = 4\nweekdays = ["fri"]'), "--today", "2026-03-01", "--to", "2026")
    (problem,) = [p["message"] for p in out["problems"]]
    assert "fits nowhere in 2026-03-02..2026-12-31 (at least once a year): no run of 4 working days there starts on a Friday, its meeting day (Saturday and Sunday" in problem
    one = _project(tmp_path, _board('weekdays = ["fri"]'), "--today", "2026-03-01", "--to", "2026")
    assert [m["start"] for m in one["meetings"]] == ["2026-06-12"]


# -- the number of a cancelled meeting --------------------------------------------------------------

_EVERY_2Y = _BERN + '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'


def _register(tmp_path: Path, rows: str) -> list[str]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(_EVERY_2Y, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\nboard,regular,5,2022-06-10,,held,Bern,Switzerland\nboard,regular,6,2024-06-10,,held,Bern,Switzerland\n" + rows, encoding="utf-8")
    return ["--rules", str(rules), "--meetings", str(meetings), "--today", "2026-03-01"]


def test_a_cancelled_numbered_meeting_keeps_its_number_in_project_and_the_feed(tmp_path):
    """Every 2 years, rolling; the 5th 2022-06-10 and the 6th 2024-06-10 held; the 7th,
    2026-06-10, cancelled. DESIGN.md: "Ordinals continue the register's numbering" and the
    feed's UIDs come from organization, body and ordinal; the register's numbering holds a 7th
    (cancelled, as the G7's 46th Summit of 2020 was: Cornwall 2021 was the 47th). The 2026
    window is due (a cancelled meeting does not count): a meeting at the nominal date,
    Wednesday 2026-06-10, which is the 8th, not a second 7th; then 2028-06-09 (the 10th is a
    Saturday, the 11th a Sunday: Friday first) the 9th, 2030-06-10 the 10th. The feed held
    "7th Board (cancelled)" as o-board-7 and "7th Board (projected)" as o-board-7-2; now the
    8th is o-board-8. Control: the 7th cancelled but unnumbered leaves the 7th to the next."""
    args = _register(tmp_path, "board,regular,7,2026-06-10,,cancelled,Bern,Switzerland\n")
    out = _json("project", *args, "--to", "2030")
    assert [(m["start"], m["ordinal"]) for m in out["meetings"] if m["status"] == "projected"] == [("2026-06-10", 8), ("2028-06-09", 9), ("2030-06-10", 10)]
    feeds = tmp_path / "feeds"
    _invoke("-q", "ics", *args, "--to", "2030", "--out", str(feeds))
    lines = (feeds / "board.ics").read_text(encoding="utf-8").splitlines()
    uids = [line for line in lines if line.startswith("UID:")]
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert uids == [f"UID:o-board-{n}@planner" for n in (5, 6, 7, 8, 9, 10)]
    assert summaries[2:4] == ["SUMMARY:7th Board (cancelled)", "SUMMARY:8th Board (projected)"]
    control = _json("project", *_register(tmp_path, "board,regular,,2026-06-10,,cancelled,Bern,Switzerland\n"), "--to", "2030")
    assert [m["ordinal"] for m in control["meetings"] if m["status"] == "projected"] == [7, 8, 9]


# -- hand-computed cases in areas the earlier audits did not cover ------------------------------------


def _org(city: str, country: str, *bodies: str) -> str:
    return f'[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = {{ city = "{city}", country = "{country}" }}\n' + "".join(bodies)


def _yearly(id: str, name: str, keys: str = "") -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\nhost = "secretariat"\nestablished = 2020-01-01\n{keys}\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'


def _projected(tmp_path: Path, book: str, rows: str, *args: str, fmt: str = "json"):
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    paths = ("--rules", str(rules), "--meetings", str(meetings))
    out = _invoke("project", *paths, "--format", fmt, *args).stdout
    return (json.loads(out) if fmt == "json" else out), paths


def test_a_host_whose_holidays_are_incomplete_in_a_year_is_said_not_only_one_with_none(tmp_path):
    """A Board in New Delhi, once a year, in January (target the 15th). The holidays package
    has India's holidays to 2035; after that only the fixed-date ones (Republic Day and
    others: 10 a year, not 19), and it warns so. Today 2034-06-01, to 2037: 2034's window is
    what is left of the year: Friday 2034-06-02, the first working day; then Monday
    2035-01-15, Tuesday 2036-01-15, Thursday 2037-01-15. The note of the seventh audit named a
    host with no holidays at all (Sri Lanka from 2027); India in 2036-2037 was placed in
    silence. Now a note says its data is incomplete in those years (2034 and 2035 are not
    named)."""
    out, _ = _projected(tmp_path, _org("New Delhi", "India", _yearly("board", "Board", "months = [1]")), "", "--today", "2034-06-01", "--to", "2037")
    assert [m["start"] for m in out["meetings"]] == ["2034-06-02", "2035-01-15", "2036-01-15", "2037-01-15"]
    assert out["notes"] == ["The holidays package has incomplete public-holiday data for India (2036-2037): meetings hosted there avoid its weekend and the holidays it knows in those years, not the others."]


def test_an_on_rule_on_a_fixed_holiday_the_package_still_knows_is_a_problem_each_year(tmp_path):
    """Control of the previous case: an `on` rule for 26 January in New Delhi. Republic Day
    is a fixed-date holiday the package keeps after 2035: 2035-01-26 (Friday) and 2037-01-26
    (Monday) are Republic Day, 2036-01-26 a Saturday: three Problems, nothing placed, and
    no note (no meeting was placed in India in a year of incomplete data)."""
    on = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nestablished = 2030-01-01\n[[bodies.rules]]\nkind = "on"\nmonth = 1\nday = 26\n'
    out, _ = _projected(tmp_path, _org("New Delhi", "India", on), "", "--today", "2034-06-01", "--to", "2037")
    assert out["meetings"] == [] and out["notes"] == []
    words = [p["message"] for p in out["problems"]]
    assert len(words) == 3 and "2035-01-26 is Republic Day in India" in words[0] and "2036-01-26 is a weekend day" in words[1] and "2037-01-26 is Republic Day in India" in words[2]


def test_a_body_that_meets_before_a_projected_meeting_is_placed_on_the_working_day_before_it(tmp_path):
    """A Council once a year in June, 2 days (target Monday 2026-06-15: 15-16 June; 2027:
    Tuesday 15 to Wednesday 16 June); a Group meets just before it (`before = "council"`),
    1 day, once a year. Both are projected: the Group's day is the working day right before
    the Council's first: Friday 2026-06-12 (13-14 June are the weekend), Monday 2027-06-14.
    The ics feed has the same days (DTSTART; DTEND exclusive: the Council's 2026 event ends
    on the 17th)."""
    book = _org("Bern", "Switzerland", _yearly("council", "Council", "months = [6]\nduration_days = 2"), _yearly("group", "Group", 'before = "council"'))
    out, paths = _projected(tmp_path, book, "", "--today", "2026-03-01", "--to", "2027")
    assert [(m["body"], m["start"], m.get("end")) for m in out["meetings"]] == [
        ("group", "2026-06-12", None),
        ("council", "2026-06-15", "2026-06-16"),
        ("group", "2027-06-14", None),
        ("council", "2027-06-15", "2027-06-16"),
    ]
    feeds = tmp_path / "feeds"
    _invoke("-q", "ics", *paths, "--today", "2026-03-01", "--to", "2027", "--out", str(feeds))
    ics = (feeds / "all.ics").read_text(encoding="utf-8")
    for day in ("DTSTART;VALUE=DATE:20260612", "DTSTART;VALUE=DATE:20260615", "DTEND;VALUE=DATE:20260617", "DTSTART;VALUE=DATE:20270614", "DTSTART;VALUE=DATE:20270615"):
        assert day in ics, day


def test_a_planned_meeting_past_today_and_unconfirmed_is_a_problem_and_the_chain_goes_on_from_it(tmp_path):
    """Every 2 years, rolling; the 5th held 2023-06-12, the 6th planned for Tuesday 2025-06-10
    and not confirmed; today 2026-03-01. DESIGN.md: a planned meeting whose dates passed
    unconfirmed is no binding origin; projection still chains from it and lists it under
    Problems. So: one Problem naming the 6th; the 7th 2 years after it, in June, on the day
    the Board met (a plan is no habit: twentieth audit), the 12th: 2027-06-12 is a Saturday,
    so Friday 06-11 (one day back) before Monday 06-14; the 8th Tuesday 2029-06-12. The text
    says the same under "Problems"."""
    rows = "board,regular,5,2023-06-12,,held,Bern,Switzerland\nboard,regular,6,2025-06-10,,planned,Bern,Switzerland\n"
    book = _org("Bern", "Switzerland", '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n')
    out, _ = _projected(tmp_path, book, rows, "--today", "2026-03-01", "--to", "2029")
    assert [(m["start"], m["ordinal"]) for m in out["meetings"] if m["status"] == "projected"] == [("2027-06-11", 7), ("2029-06-12", 8)]
    (problem,) = out["problems"]
    assert "6th Board" in problem["message"] and "past and not confirmed held" in problem["message"]
    text, _ = _projected(tmp_path, book, rows, "--today", "2026-03-01", "--to", "2029", fmt="text")
    assert "Problems" in text and "past and not confirmed held" in " ".join(text.split())


def test_a_chair_term_that_ends_on_the_handover_meetings_last_day_is_matched_to_it(tmp_path):
    """The 2nd Plenary runs 11-12 June 2024 in Brussels. Austria's term ends on its last day,
    2024-06-12, and Belgium's begins that day: the handover is within the 7 days' slack of
    the meeting, so it is at a meeting of a handover body (no `handover` violation), there is
    neither a gap nor an overlap, and under "incoming" Belgium hosted it: no finding at all
    but the planned 3rd's note."""
    terms = "Austria,2022-06-14,2024-06-12,1,,x\nBelgium,2024-06-12,,2,,x\n"
    out = _json("chairs", *_files(tmp_path, _chair_book("incoming"), _PLENARIES, terms), "--today", "2026-03-01")
    assert [f["kind"] for f in out["findings"]] == ["handover_host"] and "3rd Plenary" in out["findings"][0]["message"]
    assert [(t["country"], t["closed_by"] and t["closed_by"]["ordinal"]) for t in out["terms"]] == [("Austria", 2), ("Belgium", 3)]


def test_a_chair_hosted_meeting_just_after_a_handover_goes_to_the_new_chair_and_keeps_its_spacing(tmp_path):
    """The 3rd Plenary, Tuesday 2026-06-16 in Prague, ends Belgium's term. The Forum (chair
    hosted, 3 days, June, target Monday 06-15): 15-17 June shares the Plenary's day, and
    meetings of different bodies do not share a day; 16 June neither; back one day is a
    Sunday; so Wednesday 17 to Friday 19 June. Without a plan the next chair is unknown:
    "chair to be decided". With the plan "Belgium, Czechia", Czechia chairs from the 16th
    and hosts it; its own meetings are kept 3 days apart (`min_days_between`, default 3):
    from the 19th, a Friday whose 3 days hold the weekend, so Monday 22 to Wednesday 24 June.
    The same under either handover_host reading (the Plenary's host is the register's)."""
    rows = "plenary,regular,1,2022-06-14,2022-06-15,held,Vienna,Austria\nplenary,regular,2,2024-06-11,2024-06-12,held,Brussels,Belgium\nplenary,regular,3,2026-06-16,,planned,Prague,Czechia\n"
    forum = _FORUM.replace("months = [6]", "months = [6]\nduration_days = 3")
    for reading in ("incoming", "outgoing"):
        args = _files(tmp_path, _chair_book(reading, _PLENARY, forum), rows)
        alone = _json("project", *args, "--today", "2026-03-01", "--to", "2026")
        assert [(m["start"], m["end"], m["host"]) for m in alone["meetings"] if m["body"] == "forum"] == [("2026-06-17", "2026-06-19", "chair to be decided")], reading
        planned = _json("project", *args, "--today", "2026-03-01", "--to", "2026", "--plan", "Belgium, Czechia")
        assert [(m["start"], m["end"], m["country"]) for m in planned["meetings"] if m["body"] == "forum"] == [("2026-06-22", "2026-06-24", "Czechia")], reading


def test_the_council_of_the_eu_presidency_trio_2024_to_2026_in_order_with_its_lengths():
    """Council Decision (EU) 2016/1316: Belgium 2024 H1, Hungary 2024 H2, Poland 2025 H1,
    Denmark 2025 H2, Cyprus 2026 H1, Ireland 2026 H2. Days: Belgium 1 January to 1 July 2024,
    182 (31+29+31+30+31+30, a leap year); Hungary to 1 January 2025, 184 (31+31+30+31+30+31);
    Poland to 1 July 2025, 181; Denmark to 1 January 2026, 184; each 6 months. Cyprus from
    2026-01-01 is running, expected to end 2026-07-01 (181 days), 59 days (31 + 28) so far on
    2026-03-01: its `length_days`, as its `length` says ("1 month 28 days so far"; it gave the
    expected 181 until chairsem's twenty-fourth pass); the plan "Cyprus, Ireland"
    confirms it and gives Ireland 2026-07-01 to 2027-01-01 (184 days). JSON and text agree."""
    audit = Path(__file__).resolve().parent.parent / "audit"
    args = ("--rules", str(audit / "eu-presidency.toml"), "--meetings", str(audit / "eu-presidency-meetings.csv"), "--chairs", str(audit / "eu-presidency-chairs.csv"), "--today", "2026-03-01", "--plan", "Cyprus, Ireland")
    out = _json("chairs", *args)
    terms = [(t["country"], t["from"], t["to"], t["length_days"]) for t in out["terms"][2:]]
    assert terms == [
        ("Belgium", "2024-01-01", "2024-07-01", 182),
        ("Hungary", "2024-07-01", "2025-01-01", 184),
        ("Poland", "2025-01-01", "2025-07-01", 181),
        ("Denmark", "2025-07-01", "2026-01-01", 184),
        ("Cyprus", "2026-01-01", "2026-07-01", 59),
    ]
    assert [t["length"] for t in out["terms"][2:6]] == ["6 months"] * 4
    assert [(t["country"], t["from"], t["to"], t["length_days_range"]) for t in out["plan"]] == [("Cyprus", "2026-01-01", "2026-07-01", [181, 181]), ("Ireland", "2026-07-01", "2027-01-01", [184, 184])]
    text = _invoke("chairs", *args).stdout
    assert "Ireland" in text and "2026-07-01 → 2027-01-01" in text
