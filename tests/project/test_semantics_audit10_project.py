"""A tenth audit: `planner project` against cases worked out by hand from DESIGN.md alone (each
docstring holds the computation, written before the tool was run): a meeting postponed past its
window's end, the habits placement learns from a history (held and planned rows only), and
what the schedule says when nothing is due before --to."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.project.test_semantics_audit9_project import _json
from tests.semantics.test_semantics_audit5 import _invoke

_BERN = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'
_HEAD = "body,kind,ordinal,start,end,status,city,country\n"


def _body(body_id: str, name: str, rule: str, extra: str = "") -> str:
    return f'[[bodies]]\nid = "{body_id}"\nname = "{name}"\ncategory = "working"\nhost = "secretariat"\n{extra}[[bodies.rules]]\n{rule}\n'


_SUMMIT = _body("summit", "Summit", 'kind = "every"\ninterval = "4y"', "months = [6]\n")
_COUNCIL = _body("council", "Council", 'kind = "after"\nbody = "summit"\noffset = "2y"', "months = [6]\n")
_SOC = _body("soc", "SOC", 'kind = "at_least"\ncount = 1\nper = "year"')
_BOARD_2Y = _body("board", "Board", 'kind = "every"\ninterval = "2y"')


def _paths(tmp_path: Path, book: str, rows: str) -> list[str]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(_BERN + book, encoding="utf-8")
    meetings.write_text(_HEAD + rows, encoding="utf-8")
    return ["--rules", str(rules), "--meetings", str(meetings)]


def _starts(out: dict, body: str) -> list[tuple[str, int | None]]:
    return [(m["start"], m["ordinal"]) for m in out["meetings"] if m["body"] == body]


# -- a meeting postponed past its window's end is held late, and the chain follows it -----------


_POSTPONED_PAST_2026 = (
    "summit,regular,1,2020-06-10,,held,Bern,Switzerland\n"
    "summit,regular,2,2024-06-10,,held,Bern,Switzerland\n"
    "council,regular,1,2022-06-10,,held,Bern,Switzerland\n"
    "council,regular,2,2026-12-31,,postponed,Bern,Switzerland\n"
)


def test_an_after_meeting_postponed_past_its_window_is_projected_late_not_two_windows_on(tmp_path):
    """The Council is due 2 years after each Summit: the 2nd Summit (2024-06-10) makes it due
    in 2026. Its 2nd meeting, postponed from 2026-12-31 (the window's last day), has no day of
    2026 left after it. A postponed meeting is held later: it is projected as soon as
    possible after that day, late for 2026: 2027-01-01 is New Year's Day, 01-02 and 01-03 a
    weekend, so Monday 2027-01-04 (the 2nd). The next Council follows the 3rd Summit (4
    years after 2024: 2028-06, 06-10 a Saturday, so Friday 06-09), due 2030: 2030-06-10
    (a Monday), the 3rd. It was the 2nd in 2030, the 2026 window left unanswered."""
    out = _json("project", *_paths(tmp_path, _SUMMIT + _COUNCIL, _POSTPONED_PAST_2026), "--today", "2026-11-01", "--to", "2030")
    assert _starts(out, "council") == [("2027-01-04", 2), ("2030-06-10", 3)]
    assert _starts(out, "summit") == [("2028-06-09", 3)]
    (problem,) = [p["message"] for p in out["problems"]]
    assert problem.startswith("Council: the 2nd, postponed from 2026-12-31, has no day left after it in 2026-11-02..2026-12-31")
    assert problem.endswith("it is projected as soon as possible after, late for 2026.")
    assert [p["kind"] for p in out["problems"]] == ["late"]  # (answered late: not a window nothing fits)
    council = next(m for m in out["meetings"] if m["body"] == "council")
    assert council["reason"].startswith("postponed from 2026-12-31; due 2026, by 2026-12-31")


def test_a_rolling_meeting_postponed_before_today_is_held_as_soon_as_possible(tmp_path):
    """Every 2 years (rolling): the 2nd Board 2024-03-12 makes the 3rd due in 2026; it was
    postponed from 2026-12-31 and --today is 2027-02-01, so 2026 closed without it. The chain
    through a missed window would put the next one in 2028 (due from the missed period); but
    the register says the 3rd is still to be held: it is projected as soon as possible,
    tomorrow 2027-02-02 (a Tuesday), overdue since 2026, and the chain follows it: the 4th
    2 years after 2027, in 2029 on the 2nd's day of the month, 2029-03-12 (a Monday).
    Control: without the postponed row the chain goes on from the missed window, the 3rd in
    2028 (DESIGN.md: a rolling chain continues through missed windows)."""
    held = "board,regular,1,2022-03-14,,held,Bern,Switzerland\nboard,regular,2,2024-03-12,,held,Bern,Switzerland\n"
    out = _json("project", *_paths(tmp_path, _BOARD_2Y, held + "board,regular,3,2026-12-31,,postponed,Bern,Switzerland\n"), "--today", "2027-02-01", "--to", "2030")
    assert _starts(out, "board") == [("2027-02-02", 3), ("2029-03-12", 4)]
    assert out["meetings"][0]["reason"].startswith("postponed from 2026-12-31; overdue since 2026")
    control = _json("project", *_paths(tmp_path, _BOARD_2Y, held), "--today", "2027-02-01", "--to", "2030")
    assert [start[:4] for start, _ in _starts(control, "board")] == ["2028", "2030"]


def test_a_fixed_period_meeting_postponed_past_its_year_leaves_that_year_to_a_problem(tmp_path):
    """At least once a year: the 2nd SOC postponed from 2026-12-31 leaves 2026 without a day
    after it. A calendar year's window takes no late meeting (check: missed, whatever comes
    after): the Problem says nothing was projected for 2026, and the 2nd is the meeting of
    2027, in the middle of the year (no months known but June's: 2027-06-10, a Thursday)."""
    rows = "soc,regular,1,2025-06-10,,held,Bern,Switzerland\nsoc,regular,2,2026-12-31,,postponed,Bern,Switzerland\n"
    out = _json("project", *_paths(tmp_path, _SOC, rows), "--today", "2026-11-01", "--to", "2027")
    assert _starts(out, "soc") == [("2027-06-10", 2)]
    (problem,) = [p["message"] for p in out["problems"]]
    assert problem.endswith("(at least once a year); nothing was projected for 2026.")
    assert [p["kind"] for p in out["problems"]] == ["placement"]


# -- habits: the months and days a body meets in are read from meetings held or planned ------------


# Held 2024-06-10 and 2026-06-09 (the 2nd, postponed from 2025-12-09), the 3rd cancelled
# (2026-12-08). The meetings held are in June, on the 10th and 9th: the usual month June, the
# day the lower median, 9. The postponed and cancelled rows were not held on their days:
# counted, the months were June, December, June, December, and the meeting went to December
# (2027-12-09). --today 2027-01-15: the 4th 2027-06-09 (a Wednesday), the 5th 2028-06-09 (a
# Friday).
_NOT_HELD = (
    "soc,regular,1,2024-06-10,,held,Bern,Switzerland\n"
    "soc,regular,2,2025-12-09,,postponed,Bern,Switzerland\n"
    "soc,regular,2,2026-06-09,,held,Bern,Switzerland\n"
    "soc,regular,3,2026-12-08,,cancelled,Bern,Switzerland\n",
    "2027-01-15",
    [("2027-06-09", 4), ("2028-06-09", 5)],
)
# Regular sessions held 2024-06-10 and 2025-06-11; a special session 2025-12-02 and an
# informal one 2025-12-03, called when needed. The regular meetings say June, day the lower
# median of 10 and 11, 10: --today 2026-01-15, the 3rd 2026-06-10 (a Wednesday), the 4th
# 2027-06-10 (a Thursday). Counted, the four months were June, June, December, December, and
# the meeting went to December.
_NOT_REGULAR = (
    "soc,regular,1,2024-06-10,,held,Bern,Switzerland\n"
    "soc,regular,2,2025-06-11,,held,Bern,Switzerland\n"
    "soc,special,1,2025-12-02,,held,Bern,Switzerland\n"
    "soc,informal,,2025-12-03,,held,Bern,Switzerland\n",
    "2026-01-15",
    [("2026-06-10", 3), ("2027-06-10", 4)],
)


@pytest.mark.parametrize(("rows", "today", "expected"), [_NOT_HELD, _NOT_REGULAR], ids=["postponed_cancelled", "special_informal"])
def test_rows_not_held_or_not_regular_do_not_teach_placement_a_month(tmp_path, rows, today, expected):
    """At least once a year, no preferred months: placement takes the body's usual month and
    day from its regular meetings held or planned (the cases above the test)."""
    out = _json("project", *_paths(tmp_path, _SOC, rows), "--today", today, "--to", str(int(today[:4]) + 1))
    assert _starts(out, "soc") == expected


def test_a_planned_meeting_teaches_placement_its_month(tmp_path):
    """A planned row is the body's own choice of day: it counts toward the habits. Held
    2025-03-10, planned 2026-03-12 (--today 2026-01-15): usual month March, day the lower
    median of 10 and 12, 10. The 2027 meeting: 2027-03-10 (a Wednesday), the 3rd."""
    rows = "soc,regular,1,2025-03-10,,held,Bern,Switzerland\nsoc,regular,2,2026-03-12,,planned,Bern,Switzerland\n"
    out = _json("project", *_paths(tmp_path, _SOC, rows), "--today", "2026-01-15", "--to", "2027")
    assert _starts(out, "soc") == [("2026-03-12", 2), ("2027-03-10", 3)]


def test_text_schedule_still_says_the_postponed_meeting(tmp_path):
    """The text schedule of the late Council (first case): one row of the 2nd, on 2027-01-04."""
    out = _invoke("project", *_paths(tmp_path, _SUMMIT + _COUNCIL, _POSTPONED_PAST_2026), "--today", "2026-11-01", "--to", "2027").stdout
    assert "01-04  Council (2nd)" in out and out.count("Council (2nd)") == 1


# -- nothing due in the horizon: when each body is next due ---------------------------------------

_QUIET = (
    "summit,regular,1,2020-06-10,,held,Bern,Switzerland\n"
    "summit,regular,2,2024-06-10,,held,Bern,Switzerland\n"
    "council,regular,1,2022-06-10,,held,Bern,Switzerland\n"
    "council,regular,2,2026-06-10,,held,Bern,Switzerland\n"
    "soc,regular,1,2026-06-10,,held,Bern,Switzerland\n"
)


def test_nothing_due_in_the_horizon_says_when_each_body_is_next_due(tmp_path, monkeypatch):
    """--today 2026-11-01 to 2026-12-31: the Summit is due 2028 (4 years after 2024), the
    Council 2 years after the next Summit, the SOC once a year and met in 2026. Nothing is due,
    and the schedule says when each body is: each body's horizon stretched by the longest
    interval of its rules and of the bodies it follows (the Summit's and the Council's by 4
    years, to 2030-12-31; the SOC's by its year, to 2027-12-31). Summit due 2028, projected
    2028-06-09 (06-10 a Saturday); Council due 2030 after the 3rd Summit, 2030-06-10 (a
    Monday); SOC due 2027, 2027-06-10 (its usual day, a Thursday). The same in markdown and the HTML report; the JSON
    has no meeting, no Problem, and `next_due` (which `diff` reads)."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    paths = _paths(tmp_path, _SUMMIT + _COUNCIL + _SOC, _QUIET)
    text = _invoke("project", *paths, "--today", "2026-11-01", "--to", "2026-12-31").stdout
    assert text.endswith(
        "Nothing is due in this horizon.\n"
        "Next due after it (the same rules, the horizon stretched by each body's longest interval, offset or period):\n"
        "  Summit: due 2028 (4 years after the 2nd Summit (2024-06-10); moved from Sat 2028-06-10 (a weekend day in Switzerland)); projected 2028-06-09\n"
        "  Council: due 2030 (2 years after the 3rd Summit (2028-06-09, projected)); projected 2030-06-10\n"
        "  SOC: due 2027 (at least once a year: 1 of 1 in 2027); projected 2027-06-10\n"
    )
    markdown = _invoke("project", *paths, "--today", "2026-11-01", "--to", "2026-12-31", "--format", "markdown").stdout
    assert "- Council: due 2030 (2 years after the 3rd Summit (2028-06-09, projected)); projected 2030-06-10" in markdown
    out = _json("project", *paths, "--today", "2026-11-01", "--to", "2026-12-31")
    assert out["meetings"] == [] and out["problems"] == []
    assert [(n["body"], n["due"], n["meeting"]["start"], n["meeting"]["ordinal"], n["until"]) for n in out["next_due"]] == [
        ("summit", "2028", "2028-06-09", 3, "2030-12-31"),
        ("council", "2030", "2030-06-10", 3, "2030-12-31"),
        ("soc", "2027", "2027-06-10", 2, "2027-12-31"),
    ]
    saved = tmp_path / "empty.json"
    _invoke("project", *paths, "--today", "2026-11-01", "--to", "2026-12-31", "--format", "json", "-o", str(saved))
    assert "0 moved · 0 added · 0 dropped" in _invoke("diff", str(saved), str(saved)).stdout  # (diff reads it)
    page = tmp_path / "report.html"
    _invoke("-q", "report", *paths, "--today", "2026-11-01", "--to", "2026-12-31", "-o", str(page))
    assert "<li>Council: due 2030 (2 years after the 3rd Summit (2028-06-09, projected)); projected 2030-06-10</li>" in page.read_text(encoding="utf-8")


def test_next_due_keeps_to_the_bodies_asked_and_says_when_nothing_is_due(tmp_path, monkeypatch):
    """--body council: only the Council's line (its Summit is still projected to find it).
    A body whose only rule ends 2026-12-31 is due nowhere past the horizon: "nothing due by"
    the stretched end (one year past it, its period); an ad hoc body is never due and gets no
    line."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    paths = _paths(tmp_path, _SUMMIT + _COUNCIL + _SOC, _QUIET)
    text = _invoke("project", *paths, "--today", "2026-11-01", "--to", "2026-12-31", "--body", "council").stdout
    assert text.endswith("Next due after it (the same rules, the horizon stretched to 2030-12-31):\n  Council: due 2030 (2 years after the 3rd Summit (2028-06-09, projected)); projected 2030-06-10\n")
    ended = _SOC.replace('per = "year"', 'per = "year"\nuntil = 2026-12-31') + _body("experts", "Experts", 'kind = "ad_hoc"')
    text = _invoke("project", *_paths(tmp_path, ended, "soc,regular,1,2026-06-10,,held,Bern,Switzerland\n"), "--today", "2026-11-01", "--to", "2026-12-31").stdout
    assert text.endswith("Nothing is due in this horizon.\nNext due after it (the same rules, the horizon stretched to 2027-12-31):\n  SOC: nothing due by 2027-12-31\n")


def test_next_due_of_a_postponed_meeting_says_it_is_postponed(tmp_path, monkeypatch):
    """Every 2 years, the 2nd 2024-03-12, the 3rd postponed from 2026-12-31; --today 2024-04-01
    to 2025: nothing due (the window is 2026). Next due: the 3rd, late for 2026 (no day of it
    left after the 31st), 2027-01-04; the stretched horizon (2 years: 2027-12-31) holds it. No
    Problem of the 2026 window in this horizon (it was one: a window past --to)."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    rows = "board,regular,1,2022-03-14,,held,Bern,Switzerland\nboard,regular,2,2024-03-12,,held,Bern,Switzerland\nboard,regular,3,2026-12-31,,postponed,Bern,Switzerland\n"
    text = _invoke("project", *_paths(tmp_path, _BOARD_2Y, rows), "--today", "2024-04-01", "--to", "2025").stdout
    assert "Problems" not in text
    assert text.endswith("  Board: postponed from 2026-12-31; due 2026, by 2026-12-31: 2 years after the 2nd Board (2024-03-12); projected 2027-01-04\n")


def test_body_shows_its_own_problems_and_those_of_the_bodies_it_follows(tmp_path):
    """The Council's 2nd and the SOC's 2nd are both postponed from 2026-12-31 (first case),
    the Summit's 3rd from 2028-12-31, the last day of its window: each has a Problem.
    `--body soc` showed the Council's and the Summit's too, bodies it has nothing to do with:
    now only the SOC's. `--body council` keeps its own and the Summit's (the body it follows:
    a late Summit is why its next Council moves); `--body summit` its own."""
    rows = _POSTPONED_PAST_2026 + "summit,regular,3,2028-12-31,,postponed,Bern,Switzerland\nsoc,regular,1,2025-06-10,,held,Bern,Switzerland\nsoc,regular,2,2026-12-31,,postponed,Bern,Switzerland\n"
    paths = _paths(tmp_path, _SUMMIT + _COUNCIL + _SOC, rows)

    def bodies_with_problems(*body: str) -> list[str]:
        out = _json("project", *paths, "--today", "2026-11-01", "--to", "2030", *[a for b in body for a in ("--body", b)])
        return [p["body"] for p in out["problems"]]

    assert bodies_with_problems() == ["summit", "council", "soc"]
    assert bodies_with_problems("soc") == ["soc"]
    assert bodies_with_problems("council") == ["summit", "council"]
    assert bodies_with_problems("summit") == ["summit"]


def test_next_due_of_a_first_meeting_within_days_says_by_when_not_its_first_day(tmp_path, monkeypatch):
    """A body established 2027-03-01 whose first meeting is due within 30 days (by 2027-03-31),
    once a year after: --today 2026-06-30 to 2027-02-01, nothing due. Its window counted in
    days is labelled by its first day: "due 2027-03-01" read as a due date, which it is not.
    The line gives the reason alone: "first meeting within 30 days of the ... establishment
    (2027-03-01)", projected 2027-03-23 (three quarters into the window: 2027-03-23, a
    Tuesday)."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    book = _body("new", "New Body", 'kind = "at_least"\ncount = 1\nper = "year"\nfirst_within = "30d"', "established = 2027-03-01\n")
    text = _invoke("project", *_paths(tmp_path, book, ""), "--today", "2026-06-30", "--to", "2027-02-01").stdout
    assert text.endswith("  New Body: first meeting within 30 days of the New Body's establishment (2027-03-01); projected 2027-03-23\n")


def test_next_due_names_a_window_where_no_day_fits_not_nothing_due(tmp_path, monkeypatch):
    """Two bodies of the Secretariat, each due on 10 March every year (`on`), both held
    2026-03-10; --today 2026-03-11 to the end of 2026: nothing due. Next: 2027-03-10 (a
    Wednesday), one body a day: the Assembly takes it; the Board is due that day too, and no
    day fits. It said "Board: nothing due by 2027-12-31", which is not so: now "due
    2027-03-10, where no day fits"."""
    monkeypatch.setenv("COLUMNS", "200")  # (one line a body)
    on = 'kind = "on"\nmonth = 3\nday = 10'
    rows = "a,regular,,2026-03-10,,held,Bern,Switzerland\nb,regular,,2026-03-10,,held,Bern,Switzerland\n"
    text = _invoke("project", *_paths(tmp_path, _body("a", "Assembly", on) + _body("b", "Board", on), rows), "--today", "2026-03-11", "--to", "2026").stdout
    assert text.endswith("  Assembly: 10 March 2027; projected 2027-03-10\n  Board: due 2027-03-10, where no day fits (a projection to 2027-12-31 says why)\n")


def test_a_silent_chain_after_a_year_only_origin_is_placed_in_the_window_open_on_the_latest_reading(tmp_path):
    """Every 3 months (rolling, customary), the only meeting held `2000` (any month of it), then
    silence; --today 2026-06-15. Read as held in month r of 2000, the chain is due every third
    month from r + 3: the windows open today end 2026-06-30 (r = 3, 6, 9, 12), 2026-07-31
    (r = 1, 4, 7, 10) or 2026-08-31 (r = 2, 5, 8, 11). `check` chains a silence from the window
    standing for every reading, which ends with the latest (December: due 2001-03, then every
    third month, 2026-03 missed, 2026-06 open, due by 2026-06-30). A meeting from 2026-06-16 to
    06-30 meets every reading's open window; the projection chained from the earliest reading
    (January: 2026-04 missed, 2026-07 next) and placed 2026-07-01, which check then found late
    on the June readings (found by hypothesis, test_projection_invariant). Now: the first day
    after --today, Tuesday 2026-06-16 (a working day in Bern), three months after the window
    due 2026-03; the next 3 months after it, Wednesday 2026-09-16."""
    board = _body("b0", "Body 0", 'kind = "every"\ninterval = "3m"\nbinding = false', "established = 2000-01-01\n")
    paths = _paths(tmp_path, board, "b0,regular,,2000,,held,Bern,Switzerland\n")
    out = _json("project", *paths, "--today", "2026-06-15", "--to", "2026-12-31")
    assert [start for start, _ in _starts(out, "b0")][:2] == ["2026-06-16", "2026-09-16"]
    assert "3 months after the window due 2026-03" in out["meetings"][0]["reason"]
    check = _json("check", *paths, "--today", "2026-06-15")
    # the window open now on every reading, each its own (audit 14): due by 2026-06-30 to 2026-08-31
    open_now = [f for f in check["findings"] if f["verdict"] == "open"]
    assert [f["deadline"] for f in open_now] == ["2026-08-31"] and "1 still due by 2026-06-30 to 2026-08-31" in open_now[0]["why"]
