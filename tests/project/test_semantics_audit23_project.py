"""A twenty-third audit, of `project` and `chairs`: small rule books whose projection and chair
plan were worked out by hand first (in each test's docstring, from DESIGN.md and the README),
then compared with `--format json`. Days off are those of the `holidays` package (0.109) for
the host, in the default categories (`public`, `government`, `de_facto`). This time, the
reason of a meeting that is not on the day it aimed at (DESIGN: "nothing moves silently"):
it says from which day it moved and what kept it off that day, in every output that shows it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from planner.cli import main
from tests.project.test_semantics_audit17_project import _files, _project
from tests.project.test_semantics_audit19_project import _body, _org
from tests.project.test_semantics_audit20_project import _rows
from tests.project.test_semantics_audit22_project import _CHAIRED, _ONCE, _SUMMIT, _yearly_chain

_TWELVE_MONTHS = 'kind = "every"\ninterval = "12m"\n'
_VIENNA = _org("Vienna", "Austria")


def _why(out: dict) -> list[tuple[str, str]]:
    return [(m["start"], m["reason"]) for m in out["meetings"] if m["status"] == "projected"]


# -- 1. The host's weekend and holidays: a Friday-Saturday weekend, a moving holiday ----------------


def _cairo(tmp_path) -> list[str]:
    book = _org("Cairo", "Egypt") + _body("cm", "Committee", "", _TWELVE_MONTHS)
    return _files(tmp_path, book, "cm,regular,4,2026-03-10,,held,Cairo,Egypt\n")


def test_a_meeting_moved_off_eid_in_cairo_says_from_which_day_and_why(tmp_path):
    """A Committee in Cairo every 12 months (rolling), the 4th held Tue 2026-03-10; as of
    2026-12-01 to 2028. By hand: the 5th at its nominal day, Wed 2027-03-10, Eid al-Fitr in
    Egypt (estimated, 8 to 11 March 2027); nearest first, forward before backward: Thu 11
    (Eid), Tue 9 (Eid), Fri 12 (Egypt's weekend), Mon 8 (Eid), Sat 13 (weekend), Sun 2027-03-07,
    a working day in Egypt. The 6th, 24 months after the last meeting not projected: Fri
    2028-03-10, the weekend, so Thu 03-09 (Saturday is a day on, and the weekend too). Each
    reason says the day it moved from and why. Before, neither said anything of a move:
    "12 months after the 4th Committee (2026-03-10)" on a Sunday in March 2027."""
    assert _why(_project(_cairo(tmp_path), "2026-12-01", "2028-12-31")) == [
        ("2027-03-07", "12 months after the 4th Committee (2026-03-10); moved from Wed 2027-03-10 (Eid al-Fitr (estimated) in Egypt)"),
        ("2028-03-09", "12 months after the 5th Committee (2027-03-07, projected); moved from Fri 2028-03-10 (a weekend day in Egypt)"),
    ]


def test_every_output_that_shows_the_reason_says_the_move(tmp_path):
    """The Cairo Committee above: the text, markdown and CSV of `project`, the DESCRIPTION of
    its `ics` event and the HTML report each carry the words "moved from Wed 2027-03-10
    (Eid al-Fitr (estimated) in Egypt)" of the 5th (the text wraps its reason: compared
    with the lines joined)."""
    paths = _cairo(tmp_path)
    words = "moved from Wed 2027-03-10 (Eid al-Fitr (estimated) in Egypt)"
    runner = CliRunner()
    for form in ("text", "markdown", "csv"):
        out = runner.invoke(main, ["project", *paths, "--today", "2026-12-01", "--to", "2028", "--format", form]).stdout
        assert words in " ".join(line.strip() for line in out.splitlines()), form
    feed = runner.invoke(main, ["ics", *paths, "--today", "2026-12-01", "--to", "2028", "--out", "-"]).stdout
    unfolded = feed.replace("\r\n ", "").replace("\n ", "")
    assert words in unfolded
    runner.invoke(main, ["report", *paths, "--today", "2026-12-01", "-o", str(tmp_path / "r.html")])
    assert words in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_a_two_day_meeting_whose_second_day_is_the_weekend_says_which_day(tmp_path):
    """A Board of two days in Vienna every 12 months (rolling), held Thu-Fri 2026-05-14/15; as
    of 2026-12-01 to 2028. By hand: nominal Fri 2027-05-14, but its second day is a Saturday;
    a day on opens on Saturday; a day back, Thu 05-13 and Fri 05-14, both working days
    (Ascension was Thu 05-06). Then 24 months after the last held: Sun 2028-05-14, so Mon 15
    to Tue 16 (Whit Monday 2028 is 5 June). The reasons name the day and the day of the
    meeting that is off."""
    book = _VIENNA + _body("bd", "Board", "duration_days = 2\n", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2026-05-14,2026-05-15,held,Vienna,Austria\n"), "2026-12-01", "2028-12-31")
    assert _why(out) == [
        ("2027-05-13", "12 months after the Board of 2026-05-14; moved from Fri 2027-05-14 (its day Sat 2027-05-15 is a weekend day in Austria)"),
        ("2028-05-15", "12 months after the Board of 2027-05-13, projected; moved from Sun 2028-05-14 (a weekend day in Austria)"),
    ]


# -- 2. 31 December and a window that ends on a day off ---------------------------------------------


def test_a_customary_chain_due_on_new_year_s_eve_stays_in_its_month(tmp_path):
    """A Board in Stockholm, customarily every 12 months (`binding = false`, its only rule, so
    planned for), last held Wed 2025-12-31; as of 2026-06-01 to 2027. By hand: due in December
    2026, nominal Thu 2026-12-31, New Year's Eve (Sweden's offices closed: `de_facto`); a day
    on is 1 January, outside the month due, so a day back, Wed 12-30: it stays in its window,
    moved earlier, and says so. 2027 (24 months after the last held): Fri 2027-12-31, New
    Year's Eve again, so Thu 12-30."""
    book = _org("Stockholm", "Sweden") + _body("bd", "Board", "", _TWELVE_MONTHS + "binding = false\n")
    out = _project(_files(tmp_path, book, _rows("bd", "Stockholm", "Sweden", "2025-12-31")), "2026-06-01", "2027-12-31")
    assert _why(out) == [
        ("2026-12-30", "customary, 12 months after the Board of 2025-12-31; moved from Thu 2026-12-31 (New Year's Eve in Sweden)"),
        ("2027-12-30", "customary, 12 months after the Board of 2026-12-30, projected; moved from Fri 2027-12-31 (New Year's Eve in Sweden)"),
    ]


# -- 3. Blackouts and other bodies' meetings -------------------------------------------------------


def test_a_usual_day_inside_a_blackout_names_the_blackout(tmp_path):
    """A Board in Vienna at least once a year, held Mon 2025-09-22 and Tue 2026-09-22 (its usual
    day, the 22nd of September); the organization blacks out 20 to 24 September 2027 (the UN
    General Assembly's high-level week); as of 2026-12-01 to 2028. By hand: Wed 2027-09-22 is
    blacked out; nearest outside: Sat 25, Sun 19, Sun 26, Sat 18 (weekends), Mon 2027-09-27.
    2028: Fri 09-22, its usual day, and no move to speak of."""
    blackout = 'blackout = [{ start = 2027-09-20, end = 2027-09-24, reason = "UN General Assembly high-level week" }]\n'
    book = _org("Vienna", "Austria", blackout) + _body("bd", "Board", "", _ONCE)
    out = _project(_files(tmp_path, book, _rows("bd", "Vienna", "Austria", "2025-09-22", "2026-09-22")), "2026-12-01", "2028-12-31")
    assert _why(out) == [
        ("2027-09-27", "at least once a year: 1 of 1 in 2027; moved from Wed 2027-09-22 (blacked out: UN General Assembly high-level week)"),
        ("2028-09-22", "at least once a year: 1 of 1 in 2028"),
    ]


def test_two_bodies_on_one_usual_day_the_second_names_the_first(tmp_path):
    """A Board and a Council at the Secretariat in Vienna, each at least once a year, both held
    Tue 2026-05-12 (their usual day); as of 2026-12-01 to 2028 (one meeting a day, the same
    host three days apart). By hand: the Board on Wed 2027-05-12; the Council not within two
    days of it: Sat 15 and Sun 9, Sun 16 and Sat 8 (weekends), Mon 17 (Whit Monday), Fri
    2027-05-07. 2028: the Board Fri 05-12, the Council Mon 05-15 (three on; three back is a
    Tuesday, but forward first). The Council's reasons name the Board's meeting; the Board's
    say nothing of a move."""
    book = _VIENNA + _body("bd", "Board", "", _ONCE) + _body("cn", "Council", "", _ONCE)
    out = _project(_files(tmp_path, book, _rows("bd", "Vienna", "Austria", "2026-05-12") + _rows("cn", "Vienna", "Austria", "2026-05-12")), "2026-12-01", "2028-12-31")
    assert [(m["body"], m["start"], m["reason"]) for m in out["meetings"]] == [
        ("cn", "2027-05-07", "at least once a year: 1 of 1 in 2027; moved from Wed 2027-05-12 (the Board meets on 2027-05-12)"),
        ("bd", "2027-05-12", "at least once a year: 1 of 1 in 2027"),
        ("bd", "2028-05-12", "at least once a year: 1 of 1 in 2028"),
        ("cn", "2028-05-15", "at least once a year: 1 of 1 in 2028; moved from Fri 2028-05-12 (the Board meets on 2028-05-12)"),
    ]


# -- 4. The chairs' plan: the reason speaks of the chair's calendar --------------------------------


def test_a_summit_the_plan_moves_off_the_chair_s_weekend_says_so(tmp_path):
    """A Summit every 2 years hosted by the chair (the incoming chair hosts), the 3rd held Tue
    2026-10-13 in Vienna; as of 2026-12-01 to 2028. By hand, with no host known: Fri
    2028-10-13, its nominal day, free of every member's holidays: no move. With `--plan
    Egypt`, Egypt hosts it: Friday is its weekend, so Thu 10-12, and the reason says it moved
    from Friday, a weekend day in Egypt. Before, the reason was the same with and without the
    plan."""
    book = _org("Vienna", "Austria", _CHAIRED) + '[[bodies]]\nid = "s"\nname = "Summit"\ncategory = "working"\nhost = "chair"\n[[bodies.rules]]\n' + _SUMMIT
    paths = _files(tmp_path, book, "s,regular,3,2026-10-13,,held,Vienna,Austria\n")
    (tmp_path / "c.csv").write_text("country,start,end,ordinal,note,source\nAustria,2026-10-13,,,,\n", encoding="utf-8")
    paths += ["--chairs", str(tmp_path / "c.csv")]
    assert _why(_project(paths, "2026-12-01", "2028-12-31")) == [("2028-10-13", "2 years after the 3rd Summit (2026-10-13)")]
    assert _why(_project(paths, "2026-12-01", "2028-12-31", "--plan", "Egypt")) == [
        ("2028-10-12", "2 years after the 3rd Summit (2026-10-13); moved from Fri 2028-10-13 (a weekend day in Egypt)"),
    ]


def test_a_plan_replaces_the_words_of_every_member_s_holidays_with_the_chair_s(tmp_path):
    """A Summit every 365 days hosted by the chair (yearly terms, handed over at each Summit),
    the 3rd held Tue 2026-05-19; as of 2026-12-01 to 2029. By hand, with no host known: due by
    Wed 2027-05-19, Eid al-Adha (estimated) in Egypt, a member, so no later day and back:
    Tue 18 (Eid in Egypt), Mon 17 (Whit Monday in Austria), the weekend, Fri 2027-05-14; its
    reason names Egypt's holiday among the members'. With `--plan "Egypt, Denmark"`, Egypt
    hosts the 4th on Thu 05-13 (Eid from the 16th, its weekend on 14 and 15 May), and the
    reason names Egypt's own holiday, not a member's; Denmark's 5th, due by Fri 2028-05-12
    (365 days after the 13th), opens that day: no move. The 6th, host to be decided, due by
    Sat 2029-05-12, moves to Fri 05-11 (a weekend day at the Secretariat, Austria)."""
    paths = _yearly_chain(tmp_path, "365d", "2026-05-19")
    assert _why(_project(paths, "2026-12-01", "2027-12-31"))[0] == (
        "2027-05-14",
        "365 days after the 3rd Summit (2026-05-19); moved from Wed 2027-05-19 (a public holiday in Egypt (Eid al-Adha (estimated)))",
    )
    assert _why(_project(paths, "2026-12-01", "2029-12-31", "--plan", "Egypt, Denmark")) == [
        ("2027-05-13", "365 days after the 3rd Summit (2026-05-19); moved from Wed 2027-05-19 (Eid al-Adha (estimated) in Egypt)"),
        ("2028-05-12", "365 days after the 4th Summit (2027, projected)"),
        ("2029-05-11", "365 days after the 5th Summit (2028, projected); moved from Sat 2029-05-12 (a weekend day in Austria)"),
    ]


def test_a_projection_read_back_as_a_register_projects_the_same_days(tmp_path):
    """The Cairo Committee's projection as CSV, read back with the register (README: its
    `reason` column read past): the same two days, nothing projected anew to 2028, and `check`
    to 2028 finds nothing missed or late; the move's words change no verdict."""
    paths = _cairo(tmp_path)
    runner = CliRunner()
    csv = runner.invoke(main, ["project", *paths, "--today", "2026-12-01", "--to", "2028", "--format", "csv"]).stdout
    (tmp_path / "p.csv").write_text(csv, encoding="utf-8")
    again = _project([*paths, "--meetings", str(tmp_path / "p.csv")], "2026-12-01", "2028-12-31")
    assert [m["start"] for m in again["meetings"]] == ["2027-03-07", "2028-03-09"]
    assert [m.get("reason") for m in again["meetings"]] == [None, None]  # (the register's rows, read back: none projected anew)
    report = json.loads(runner.invoke(main, ["check", *paths, "--meetings", str(tmp_path / "p.csv"), "--today", "2026-12-01", "--to", "2028-12-31", "--format", "json"]).stdout)
    assert [f["verdict"] for f in report["findings"] if f["verdict"] in ("missed", "late")] == []


def test_a_summit_whose_day_before_is_taken_says_its_partner_found_no_room(tmp_path):
    """A Summit at the Secretariat in Vienna every 2 years, the 3rd held Tue 2026-10-13; a
    Board there at least once a year meeting just before it (`before = "s"`), held Mon
    2025-10-13 and Mon 2026-10-12 (usual day: the 12th, the lower median); a Council of
    another host (Geneva) at least once a year on the same days; one meeting a day; as of
    2026-12-01 to 2028. By hand: 2027, the Council on Tue 10-12, the Board a day on, Wed
    10-13, its reason naming the Council. 2028: the Summit's nominal day, Fri 10-13, would
    need the Board on Thu 10-12, the Council's: Sat 14 and Sun 15 the weekend, Thu 12 the
    Council's, so Wed 2028-10-11 with the Board on Tue 10-10; the Summit's reason says the
    Board found no days right before Friday."""
    council = '[[bodies]]\nid = "cn"\nname = "Council"\ncategory = "working"\nhost = "fixed"\nhost_city = "Geneva"\nhost_country = "Switzerland"\n[[bodies.rules]]\n' + _ONCE
    book = _VIENNA + council + _body("s", "Summit", "", _SUMMIT) + _body("b", "Board", 'before = "s"\n', _ONCE)
    rows = "s,regular,3,2026-10-13,,held,Vienna,Austria\n" + _rows("b", "Vienna", "Austria", "2025-10-13", "2026-10-12") + _rows("cn", "Geneva", "Switzerland", "2025-10-13", "2026-10-12")
    out = _project(_files(tmp_path, book, rows), "2026-12-01", "2028-12-31")
    assert [(m["body"], m["start"], m["reason"]) for m in out["meetings"]] == [
        ("cn", "2027-10-12", "at least once a year: 1 of 1 in 2027"),
        ("b", "2027-10-13", "at least once a year: 1 of 1 in 2027; moved from Tue 2027-10-12 (the Council meets on 2027-10-12)"),
        ("b", "2028-10-10", "at least once a year: 1 of 1 in 2028"),
        ("s", "2028-10-11", "2 years after the 3rd Summit (2026-10-13); moved from Fri 2028-10-13 (no days right before it free for the Board, which meets just before it)"),
        ("cn", "2028-10-12", "at least once a year: 1 of 1 in 2028"),
    ]
