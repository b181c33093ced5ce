"""A fourth audit, of `planner project` beside `planner check` (after test_semantics_audit*.py):
small rule books whose next due dates and projected meetings were worked out by hand from
DESIGN.md's projection semantics (working days of the host, the window check calls open is the
one project fills, nothing moves silently) before the tool was run; the derivation is in each
test's docstring. Calendar facts (weekdays, public holidays) were read from a calendar and the
`holidays` package's own tables, named where used."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import holidays
from click.testing import CliRunner

from planner.cli import main
from tests.semantics.test_semantics_audit import _finding, _rule, _verdicts

HEAD = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'


def _body(keys: str, *rules: str, id: str = "board", name: str = "Board") -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\n{keys}\n' + "".join(_rule(r) for r in rules)


def _run(tmp_path: Path, command: str, book: str, rows: str, *args: str) -> dict:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(HEAD + book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, [command, "--rules", str(rules), "--meetings", str(meetings), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _projected(out: dict, body: str = "board") -> list[str]:
    return [m["start"] for m in out["meetings"] if m["body"] == body and m["status"] == "projected"]


def _problems(out: dict, body: str = "board") -> dict[str, str]:
    return {p["window"]: p["message"] for p in out["problems"] if p["body"] == body}


EVERY_2Y = 'kind = "every"\ninterval = "2y"'
SECRETARIAT = 'host = "secretariat"\nmonths = [6]'


# -- the window check calls open on --today is the one project fills, or a Problem says why ------


def test_a_window_cut_to_a_weekend_by_today_is_no_day_the_rule_fixes(tmp_path):
    """Every 2 years, rolling, the last Board 2020-06-10: due by 2022-12-31. On 2022-12-30
    (a Friday) check calls 2022 open; projection begins tomorrow, and 2022-12-31 is a Saturday:
    nothing fits, a Problem says so. The rule does not fix the day (any day of 2021-2022
    would do): the Problem must not say "the rule fixes the day" (it did, since what
    --today left of the window was one day long, like an `on` rule's)."""
    rows = "board,regular,1,2020-06-10,,held,Bern,Switzerland\n"
    book = _body(SECRETARIAT, EVERY_2Y)
    assert _verdicts(_run(tmp_path, "check", book, rows, "--today", "2022-12-30")) == {"2022": "open"}
    out = _run(tmp_path, "project", book, rows, "--today", "2022-12-30", "--to", "2027")
    message = _problems(out)["2022"]
    # (eighth audit: the Problem says why nothing fits: the one day left is a Saturday)
    assert "fixes the day" not in message and "fits nowhere in 2022-12-31..2022-12-31" in message and "it has no working day (Saturday and Sunday are weekend days" in message
    # the chain goes on from the window due 2022 (the rolling chain continues through it)
    assert _projected(out) == ["2024-06-10", "2026-06-10"]


# -- a projected date falls on a working day of the host, member state or not --------------------


def test_a_host_country_named_by_a_non_member_keeps_its_own_weekend(tmp_path):
    """A Board hosted in Jerusalem (`host = "fixed"`, `host_country = "Israel"`), every year,
    in October; its last meeting 2025-10-16, so the target is 2026-10-16, a Friday. Israel's
    weekend is Friday and Saturday (the holidays package: weekend {4, 5}), and the organization
    lists no members, so the host is known by its name only. By hand, nearest working day
    (forward first at each distance): 10-17 is a Saturday, 10-15 a Thursday (no holiday:
    Israel's 2026 holidays end with Simchat Torah on 10-03): 2026-10-15. It was 2026-10-16, a
    Friday: a country named but not listed as a member got Saturday-Sunday and no holidays."""
    book = _body('host = "fixed"\nhost_country = "Israel"\nhost_city = "Jerusalem"\nmonths = [10]', 'kind = "every"\ninterval = "1y"')
    rows = "board,regular,1,2025-10-16,,held,Jerusalem,Israel\n"
    out = _run(tmp_path, "project", book, rows, "--today", "2026-01-15", "--to", "2026")
    assert _projected(out) == ["2026-10-15"]


def test_a_secretariat_outside_the_members_keeps_its_public_holidays(tmp_path):
    """The Secretariat in Bern, Switzerland, and no member list: a yearly Board in May, last
    held 2025-05-14, is due 2026-05-14, Ascension Day (a Swiss public holiday in the holidays
    package, a Thursday). By hand: the nearest working day, forward first, is Friday
    2026-05-15 (it was the holiday itself)."""
    book = _body('host = "secretariat"\nmonths = [5]', 'kind = "every"\ninterval = "1y"')
    rows = "board,regular,1,2025-05-14,,held,Bern,Switzerland\n"
    out = _run(tmp_path, "project", book, rows, "--today", "2026-01-15", "--to", "2026")
    assert _projected(out) == ["2026-05-15"]


def test_a_window_whose_deadline_is_today_is_a_problem_not_a_silent_slip(tmp_path):
    """The same Board, judged on its deadline, Saturday 2022-12-31. README: a window whose
    deadline is --today is `open` (a meeting may still be held that day). Projection begins
    tomorrow, so no day is left to fill it: a Problem must say so (it said nothing, and went on
    as if 2022 were missed). The chain goes on from the window due 2022: by hand, 2 years after
    it is 2024, in June, on the 10th (the body's day): Monday 2024-06-10. On 2023-01-01 the
    window is missed (check) and the Problem is gone: the past is check's to report."""
    rows = "board,regular,1,2020-06-10,,held,Bern,Switzerland\n"
    book = _body(SECRETARIAT, EVERY_2Y)
    assert _verdicts(_run(tmp_path, "check", book, rows, "--today", "2022-12-31")) == {"2022": "open"}
    out = _run(tmp_path, "project", book, rows, "--today", "2022-12-31", "--to", "2025")
    assert "1 still due by 2022-12-31, which is today" in _problems(out)["2022"]
    assert _projected(out) == ["2024-06-10"]
    out = _run(tmp_path, "project", book, rows, "--today", "2023-01-01", "--to", "2025")
    assert _problems(out) == {} and _projected(out) == ["2024-06-10"]


def test_a_period_short_on_its_last_day_is_a_problem(tmp_path):
    """At least once a quarter; one Board on 2023-07-20; today Sunday 2023-12-31. Check: 2023
    Q4 open, 1 still due by 2023-12-31. Projection (from 2024-01-01) fills 2024 Q1 and Q2 and
    says that 2023 Q4 cannot be filled (it said nothing). With --from 2024-03-01 the horizon
    does not reach today: no Problem for 2023 Q4."""
    rows = "board,regular,1,2023-07-20,,held,Bern,Switzerland\n"
    book = _body('host = "secretariat"', 'kind = "at_least"\ncount = 1\nper = "quarter"')
    assert _verdicts(_run(tmp_path, "check", book, rows, "--today", "2023-12-31"))["2023 Q4"] == "open"
    out = _run(tmp_path, "project", book, rows, "--today", "2023-12-31", "--to", "2024-06-30")
    assert list(_problems(out)) == ["2023 Q4"] and "which is today" in _problems(out)["2023 Q4"]
    assert [d[:4] for d in _projected(out)] == ["2024", "2024"]
    out = _run(tmp_path, "project", book, rows, "--today", "2023-12-31", "--to", "2024-06-30", "--from", "2024-03-01")
    assert _problems(out) == {}


# -- at_most rules bound what projection places --------------------------------------------------


def test_projection_keeps_an_at_most_rule(tmp_path):
    """At least twice a year, preferred month March, and at most once a month; one Board on
    2026-03-06, today 2026-06-01. By hand: 2026 needs one more (any month but March: projected
    after today); 2027 and 2028 need two each, and both targets fall in March: one stays in
    March, the other goes to the nearest day outside it. Projection placed two in March
    (2027-03-05 and 2027-03-08), and check of the register with its projection found an
    `excess` the projection had made. Now no month holds two, every year holds two, and
    checking the register with the projection finds no excess."""
    book = _body('host = "secretariat"\nmonths = [3]', 'kind = "at_least"\ncount = 2\nper = "year"', 'kind = "at_most"\ncount = 1\nper = "month"')
    rows = "board,regular,1,2026-03-06,,held,Bern,Switzerland\n"
    out = _run(tmp_path, "project", book, rows, "--today", "2026-06-01", "--to", "2028")
    starts = _projected(out)
    months = [d[:7] for d in ["2026-03-06", *starts]]
    assert len(months) == len(set(months)) == 6
    assert [d[:4] for d in starts] == ["2026", "2027", "2027", "2028", "2028"]
    assert out["problems"] == []
    # the register and its projection, checked together at the end of the horizon
    rows += "".join(f"board,regular,,{d},,held,Bern,Switzerland\n" for d in starts)
    checked = _run(tmp_path, "check", book, rows, "--today", "2028-12-31")
    assert [f for f in checked["findings"] if f["verdict"] not in ("met", "open")] == []


# -- real rules not yet audited (tests/audit/, a source URL in every rule and row) ---------------


def _real(command: str, name: str, *args: str) -> dict:
    root = Path(__file__).parent.parent / "audit"
    result = CliRunner().invoke(main, [command, "--rules", str(root / f"{name}.toml"), "--meetings", str(root / f"{name}-meetings.csv"), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_wto_ministerial_conference_at_least_once_every_two_years():
    """Marrakesh Agreement art. IV:1, "at least once every two years", as a rolling `every 2y`
    from the WTO's entry into force (1995-01-01). By hand, as of 2025-12-01:
    - 1997 (due 2 years after 1995): Singapore, December 1996, met; 1998 Geneva, 2000 (Seattle,
      1999), 2001 Doha, 2003 Cancún, 2005 Hong Kong: met.
    - After Hong Kong (2005) the next was due by 2007; Geneva 2009-11-30 missed that deadline
      and no other: late for 2007, 2 years (README: the next meeting is late for the last
      window whose deadline it missed). Then 2011, 2013, 2015, 2017 met (Buenos Aires is known
      here only as 2017-12: the year decides).
    - After 2017: 2019 missed; the 12th, postponed from June 2020 (Nur-Sultan) and from
      November 2021 (Geneva; postponed rows never count), held 2022-06-12: late for 2021, 1
      year; 2019 stays missed. 2024 (Abu Dhabi) met; 2026 open, the 14th planned in Yaoundé
      for 2026-03-26. Three violations, exit 1.
    Projection: the 15th is due in 2028, 2 years after the 14th (planned), placed on the
    Secretariat's working days (Geneva) with its chair to be decided."""
    out = _real("check", "wto", "--today", "2025-12-01")
    assert _verdicts(out, "mc") == {
        "1997": "met", "1998": "met", "2000": "met", "2001": "met", "2003": "met", "2005": "met",
        "2007": "late", "2011": "met", "2013": "met", "2015": "met", "2017": "met",
        "2019": "missed", "2021": "late", "2024": "met", "2026": "open", "2028": "open",
    }
    assert out["summary"]["violations"] == 3 and out["summary"]["exit_code"] == 1
    late = _finding(out, "2021", "mc")
    assert late["delay"] == "1 year" and "(postponed)" in late["why"]
    assert _finding(out, "2007", "mc")["delay"] == "2 years"
    out = _real("project", "wto", "--today", "2025-12-01", "--to", "2030")
    (first, *_) = [m for m in out["meetings"] if m["status"] == "projected"]
    assert first["ordinal"] == 15 and first["start"].startswith("2028") and "14th Ministerial Conference (2026-03-26, planned)" in first["reason"]
    assert first["host"] == "chair to be decided"


def test_delaware_annual_meeting_within_thirteen_months():
    """DGCL s.211(b)-(c): an annual meeting, and no more than 13 months from one to the next
    (`at_least 1 per year`, `max_gap = "13m"`): Tesla's meetings of 2019-06-11, 2020-09-22
    (the 2020-07-07 date postponed) and 2021-10-07. By hand, from 2019, as of 2021-12-31:
    2019, 2020 and 2021 each hold one: met. The gap 2019-06-11 -> 2020-09-22: 13 months after
    2019-06-11 is 2020-07-11, so 73 days late (20 days of July, 31 of August, 22 of
    September). 2020-09-22 -> 2021-10-07 is within 2021-10-22: met. Open: the gap from
    2021-10-07, due by 2022-11-07. Projection: 2022 and 2023 each get one, 12 months apart
    at most (the body's usual day and month), none later than the gap allows."""
    out = _real("check", "tesla-agm", "--today", "2021-12-31", "--from", "2019-01-01")
    got = _verdicts(out, "agm")
    assert {k: v for k, v in got.items() if len(k) == 4} == {"2019": "met", "2020": "met", "2021": "met"}
    (late,) = [f for f in out["findings"] if f["verdict"] == "late"]
    assert late["delay"] == "73 days" and late["deadline"] == "2020-07-11"
    assert [f["due_by"] for f in out["findings"] if f["verdict"] == "open"] == ["2022-11-07"]
    out = _real("project", "tesla-agm", "--today", "2021-12-31", "--to", "2023")
    starts = [date.fromisoformat(m["start"]) for m in out["meetings"] if m["status"] == "projected"]
    assert [d.year for d in starts] == [2022, 2023]
    assert starts[0] <= date(2022, 11, 7) and (starts[1] - starts[0]).days <= 365


def test_a_host_the_holidays_package_does_not_know_is_said_not_guessed(tmp_path):
    """A fixed host whose country the holidays package does not know ("Atlantis"): its
    weekend and holidays are not known, so placement can avoid only Saturdays and Sundays. The
    schedule must say so (it was silent, as if Saturday-Sunday were that country's weekend),
    once per country."""
    book = _body('host = "fixed"\nhost_country = "Atlantis"\nhost_city = "Poseidonis"', 'kind = "at_least"\ncount = 2\nper = "year"')
    book += _body('host = "fixed"\nhost_country = "Atlantis"\nhost_city = "Poseidonis"', 'kind = "at_least"\ncount = 1\nper = "year"', id="bureau", name="Bureau")
    rows = "board,regular,1,2025-10-16,,held,Poseidonis,Atlantis\n"
    out = _run(tmp_path, "project", book, rows, "--today", "2026-01-15", "--to", "2026")
    notes = [n for n in out["notes"] if "Atlantis" in n]
    assert len(notes) == 1 and "avoid only Saturdays and Sundays" in notes[0]


# -- chairs: terms, gaps, overlaps, what each chair hosts ----------------------------------------

CHAIR_BOOK = """[chairmanship]
term = "1y"
handover_bodies = ["plenary"]
chair_hosts = true
consecutive_terms = false
source = "Statute"

[[bodies]]
id = "plenary"
name = "Plenary"
category = "governing"
host = "chair"
months = [6]

[[bodies.rules]]
kind = "every"
interval = "1y"
"""
MEMBERS = 'members = [{ name = "Austria", code = "AT" }, { name = "Italy", code = "IT" }, { name = "Switzerland", code = "CH" }, { name = "France", code = "FR" }]\n'


def test_chair_terms_gaps_overlaps_and_the_hosts_of_a_plan(tmp_path):
    """One-year terms handed over at each yearly Plenary. Plenaries 2020-06-10 (Vienna),
    2021-06-09 (Rome), 2022-06-08 (Bern), 2023-06-14 (Paris), 2024-06-12 (Vienna). Terms:
    Austria 2020-06-10..2021-06-09, Italy 2021-06-09..2022-05-01, Switzerland 2022-06-08..
    2023-08-01, France 2023-06-14..2024-06-12, Austria from 2024-06-12. By hand:
    - Italy hands over on 2022-05-01, no Plenary within 7 days: a handover finding.
    - No chair from 2022-05-02 to 2022-06-07: a gap of 37 days.
    - Switzerland 2022-06-08 to 2023-08-01 is longer than 1 year and did not hand over at the
      4th Plenary (2023-06-14): a long term; its handover on 2023-08-01 is at no Plenary.
    - Switzerland (to 2023-08-01) and France (from 2023-06-14) overlap by 48 days.
    Five violations, exit 1. A plan "Austria, Italy, France" confirms Austria's running term
    (to the 6th Plenary, 2025), then Italy and France; each hosts the Plenary that ends its
    term (outgoing host): Austria the 6th, Italy the 7th, France the 8th, each on a working
    day of its own country."""
    (tmp_path / "chairs.csv").write_text(
        "country,start,end,ordinal,note,source\nAustria,2020-06-10,2021-06-09,1,,\nItaly,2021-06-09,2022-05-01,2,,\n"
        "Switzerland,2022-06-08,2023-08-01,3,,\nFrance,2023-06-14,2024-06-12,4,,\nAustria,2024-06-12,,5,,\n",
        encoding="utf-8",
    )
    rows = "".join(f"plenary,regular,{n},{d},,held,{c},{k}\n" for n, d, c, k in [(1, "2020-06-10", "Vienna", "Austria"), (2, "2021-06-09", "Rome", "Italy"), (3, "2022-06-08", "Bern", "Switzerland"), (4, "2023-06-14", "Paris", "France"), (5, "2024-06-12", "Vienna", "Austria")])
    out = _run(tmp_path, "chairs", MEMBERS + CHAIR_BOOK, rows, "--chairs", str(tmp_path / "chairs.csv"), "--today", "2024-12-01", "--plan", "Austria, Italy, France")
    assert sorted((f["kind"], f["country"]) for f in out["findings"] if f["kind"] != "handover_host") == [("gap", "Switzerland"), ("handover", "France"), ("handover", "Switzerland"), ("long_term", "Switzerland"), ("overlap", "France")]
    # (each Plenary that handed the chair on was held in the incoming chair's country, which
    # the rule book's default, handover_host = "outgoing", does not say: notes, seventh audit)
    assert [(f["country"], f["severity"]) for f in out["findings"] if f["kind"] == "handover_host"] == [("Italy", "note"), ("Switzerland", "note"), ("France", "note"), ("Austria", "note")]
    messages = " ".join(f["message"] for f in out["findings"])
    assert "No chair for 37 days" in messages and "overlap by 48 days" in messages
    assert out["summary"]["violations"] == 5 and out["summary"]["exit_code"] == 1
    hosted = [(t["country"], [(m["ordinal"], m["country"]) for m in t["hosted"]]) for t in out["plan"]]
    # (Austria also hosted the 5th, held in Vienna, which opened its running term: listed since
    # the eighth audit, whichever side of the handover the rule book gives it to)
    assert hosted == [("Austria", [(5, "Austria"), (6, "Austria")]), ("Italy", [(7, "Italy")]), ("France", [(8, "France")])]
    for term in out["plan"]:
        meeting = term["hosted"][-1]
        day = date.fromisoformat(meeting["start"])
        calendar = holidays.country_holidays({"Austria": "AT", "Italy": "IT", "France": "FR"}[meeting["country"]], years=day.year)
        assert day.weekday() < 5 and day not in calendar, meeting


def test_a_due_period_the_register_cannot_fix_is_a_note_not_a_certainty(tmp_path):
    """A Board due 6 months after each Summit; the only Summit is known as "2024". By hand:
    held in month P of 2024, the Board is due in P + 6: one of 2024-07 to 2025-06, and the
    register does not say which. As of 2024-03-01 none of these has begun, so check calls it
    next due; projection can only guess, and places the Board in the first of them (July
    2024), which the schedule must say is a guess (it said nothing, as if the Summit's month
    were known). Check said "next due by 2025-06-30", the latest reading's deadline, as if it
    were the deadline."""
    summit = _body('host = "secretariat"', 'kind = "ad_hoc"', id="summit", name="Summit")
    book = summit + _body('host = "secretariat"', 'kind = "after"\nbody = "summit"\noffset = "6m"')
    rows = "summit,regular,1,2024,,held,Bern,Switzerland\n"
    out = _run(tmp_path, "project", book, rows, "--today", "2024-03-01", "--to", "2025-12-31")
    (start,) = _projected(out)
    assert start.startswith("2024-07")
    (note,) = [n for n in out["notes"] if n.startswith(f"Board {start}:")]
    assert "only as 2024" in note and "one of 2024-07 to 2025-06" in note
    # check, on the same day: next due, by 2025-06-30 only at the latest (it said "next due by
    # 2025-06-30" as if that were the deadline; it is 2024-07-31 for a Summit of January)
    (finding,) = [f for f in _run(tmp_path, "check", book, rows, "--today", "2024-03-01")["findings"] if f["body"] == "board"]
    assert finding["pending"] and finding["due_by"] == "2025-06-30"
    assert "next due by 2025-06-30 at the latest" in finding["why"] and "one of 2024-07 to 2025-06" in finding["why"]
