"""A fifteenth audit: DESIGN.md's `check` clauses one by one, each on the smallest rule book
and register that pins it at its edges. Every expected answer was worked out by hand first, in
the test's docstring, before planner was run."""

from __future__ import annotations

import json
from pathlib import Path

from tests.semantics.test_semantics_audit5 import HEAD, _invoke

COLUMNS = "body,kind,ordinal,start,end,status,city,country\n"
BOARD = '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\n'


def _run(tmp_path: Path, book: str, rows: str, today: str, *args: str, columns: str = COLUMNS):
    (tmp_path / "r.toml").write_text(HEAD + book, encoding="utf-8")
    (tmp_path / "m.csv").write_text(columns + rows, encoding="utf-8")
    return _invoke("check", "--rules", str(tmp_path / "r.toml"), "--meetings", str(tmp_path / "m.csv"), "--today", today, "--format", "json", *args)


def _check(tmp_path: Path, book: str, rows: str, today: str, *args: str) -> dict:
    return json.loads(_run(tmp_path, book, rows, today, *args).stdout)


def _verdicts(out: dict) -> list[tuple[str, str]]:
    return [(f["window"]["label"], f["verdict"]) for f in out["findings"]]


# -- a month-dated row running past --today: a violation on every reading is that violation --------


def test_a_year_late_row_of_this_month_is_late_whether_or_not_it_opened_yet(tmp_path):
    """`every 1y` rolling: Board 2024-05-01, then a row held `2026-11`, judged 2026-11-15.
    2025 was due by 2025-12-31. Opened 2026-11-01..15: 2025 late by 1 year. Opening
    11-16..30: not held on 2026-11-15, so 2025 closed with nothing: missed. Both readings are
    violations: `late`, 1 year, 1 violation, exit 1 (it was `uncertain`, 0 violations, exit 0).
    The window after it: 2027 on the first reading; on the second, the chain goes on from
    the missed 2025, 2026 due, which the row (scheduled) fills: next due 2027 either way."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n'
    result = _run(tmp_path, book, "board,regular,,2024-05-01,,held,,\nboard,regular,,2026-11,,held,,\n", "2026-11-15")
    out = json.loads(result.stdout)
    assert result.exit_code == 1 and out["summary"]["violations"] == 1
    assert _verdicts(out) == [("2025", "late"), ("2027", "open")] and out["findings"][0]["delay"] == "1 year"
    assert "if it opens later, nothing held has answered the window by 2026-11-15: missed." in out["findings"][0]["why"]


def test_a_late_row_of_this_month_is_late_by_the_days_up_to_today(tmp_path):
    """`every 200d`: Board 2026-01-01, so due 2026-07-20; a row held `2026-11`, judged
    2026-11-15: late by 104 (11-01) to 118 (11-15) days if it opened by today, missed if
    later: `late`, "104 to 118 days" (the days 11-16..30 had not come; it said 104 to 133)."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "200d"\n'
    out = _check(tmp_path, book, "board,regular,,2026-01-01,,held,,\nboard,regular,,2026-11,,held,,\n", "2026-11-15")
    assert _verdicts(out)[0] == ("2026-07-20", "late") and out["findings"][0]["delay"] == "104 to 118 days"


def test_a_gap_closed_late_by_a_row_of_this_month_is_late(tmp_path):
    """At least once a year, `max_gap = "120d"`, since 2026: Board 2026-01-10 (gap due by
    2026-05-10), then `2026-11` held, judged 2026-11-15: 175 to 189 days late if it opened by
    today, missed if later: `late`, exit 1."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"\nsince = 2026-01-01\n'
    result = _run(tmp_path, book, "board,regular,,2026-01-10,,held,,\nboard,regular,,2026-11,,held,,\n", "2026-11-15")
    out = json.loads(result.stdout)
    (gap,) = [f for f in out["findings"] if f["window"]["label"] == "2026-01-11..2026-05-10"]
    assert gap["verdict"] == "late" and gap["delay"] == "175 to 189 days" and result.exit_code == 1


def test_an_on_day_passed_before_a_row_of_this_month_is_off_date_either_way(tmp_path):
    """`on` 3 October: Board 2025-10-03, then `2026-11` held, judged 2026-11-15. Opened by
    today: off the date, 29 to 43 days after; opening later: nothing held on 3 October,
    missed. `off_date`. With the rule on 3 November instead, the row may have opened on the
    day (met) or on another (off_date): `uncertain`, no violation."""
    book = BOARD + '[[bodies.rules]]\nkind = "on"\nmonth = 10\nday = 3\n'
    rows = "board,regular,,2025-10-03,,held,,\nboard,regular,,2026-11,,held,,\n"
    out = _check(tmp_path, book, rows, "2026-11-15")
    assert _verdicts(out) == [("2025-10-03", "met"), ("2026-10-03", "off_date"), ("2027-10-03", "open")]
    assert "held Board 2026-11, 29 to 43 days after" in out["findings"][1]["why"]
    out = _check(tmp_path, book.replace("month = 10", "month = 11"), rows.replace("2025-10-03", "2025-11-03"), "2026-11-15")
    assert _verdicts(out)[:2] == [("2025-11-03", "met"), ("2026-11-03", "uncertain")] and out["summary"]["violations"] == 0


# -- the words of a customary rule's windows that are not advisories -------------------------------

CUSTOMARY = (
    '[[bodies]]\nid = "forum"\nname = "Forum"\ncategory = "working"\nhost = "secretariat"\nrecords = [{ start = 2020 }]\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\nbinding = false\n'
)


def test_an_unknown_window_of_a_customary_rule_is_not_called_an_advisory(tmp_path):
    """`every 1y`, `binding = false`, records complete from 2020: Forum 2016-05-01, then
    2020-05-01; as of 2021-06-30. 2017 and 2018 short, 2019 answered a year late by
    2020-05-01, all before the records: `unknown`, no advisory. Each why said "(customary
    rule, an advisory). Unknown, not advisory": now "(customary rule). Unknown, not advisory:
    the register is known complete only from 2020-01-01" (unknown, why, and the rule
    customary, without contradiction). An advisory proper still says "an advisory"."""
    out = _check(tmp_path, CUSTOMARY, "forum,regular,,2016-05-01,,held,,\nforum,regular,,2020-05-01,,held,,\n", "2021-06-30")
    assert _verdicts(out) == [("2017", "unknown"), ("2018", "unknown"), ("2019", "unknown"), ("2021", "open")]
    for f in out["findings"][:3]:
        assert "an advisory" not in f["why"] and "(customary rule). Unknown, not advisory: the register is known complete only from 2020-01-01." in f["why"]
    assert out["findings"][2]["why"].startswith("due 2019 (1 year after the window due 2018, nothing held since the Forum of 2016-05-01), held Forum 2020-05-01: 1 year late (customary rule). Unknown")
    out = _check(tmp_path, CUSTOMARY, "forum,regular,,2020-05-01,,held,,\n", "2022-06-30")
    assert _verdicts(out)[0] == ("2021", "advisory") and out["findings"][0]["why"].endswith("(customary rule, an advisory).")


def test_an_excused_window_of_a_customary_rule_is_not_called_an_advisory(tmp_path):
    """Yearly, `binding = false`, `except_when = ["summit"]`: Summit 2021-05-01, no Forum in
    2021, as of 2022-06-30: 2021 `excused`, and its why no longer says "(customary rule, an
    advisory). Excused: ...", but "(customary rule). Excused: Summit 2021-05-01 met in
    2021"."""
    book = (
        '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'
        '[[bodies]]\nid = "forum"\nname = "Forum"\ncategory = "working"\n[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nsince = 2021\nbinding = false\nexcept_when = ["summit"]\n'
    )
    out = _check(tmp_path, book, "summit,regular,,2021-05-01,,held,,\n", "2022-06-30")
    (f,) = [f for f in out["findings"] if f["body"] == "forum" and f["window"]["label"] == "2021"]
    assert f["verdict"] == "excused" and "an advisory" not in f["why"] and "(customary rule). Excused: Summit 2021-05-01" in f["why"]


# -- an `on` rule's met year names what it did not count; "its first month" -----------------------


def test_an_on_rules_met_year_names_the_meetings_of_that_year_it_did_not_count(tmp_path):
    """`on` 1 March since 2020: Club 2020-03-01 (regular, held: met), 2020-06-01 special,
    2020-09-01 regular, 2020-10-01 cancelled. DESIGN: every finding names those it saw but did
    not count, and why: the special (its kind), the September one (not on the rule's date:
    the year's meeting is the one on the day), the cancelled one. The met year said only
    "held Club 2020-03-01"."""
    book = BOARD.replace('"board"', '"club"').replace('"Board"', '"Club"') + '[[bodies.rules]]\nkind = "on"\nmonth = 3\nday = 1\nsince = 2020\n'
    rows = "club,regular,,2020-03-01,,held,,\nclub,special,,2020-06-01,,held,,\nclub,regular,,2020-09-01,,held,,\nclub,regular,,2020-10-01,,cancelled,,\n"
    out = _check(tmp_path, book, rows, "2020-12-31")
    assert _verdicts(out)[0] == ("2020-03-01", "met")
    assert out["findings"][0]["why"] == (
        "due 2020-03-01 (1 March 2020): held Club 2020-03-01. Not counted: Club 2020-06-01 (special: this rule counts regular meetings);"
        " Club 2020-09-01 (not on the rule's date); Club 2020-10-01 (cancelled)."
    )


def test_a_within_of_one_month_reads_its_first_month(tmp_path):
    """At least once a year `within = "1m"` since 2021: Board 2021-03-15 only: 2021 (its
    January) missed, "within its first month", and the March meeting "after 2021-01-31, the
    end of the first month of 2021" (it said "first 1 month")."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nwithin = "1m"\nsince = 2021\n'
    out = _check(tmp_path, book, "board,regular,,2021-03-15,,held,,\n", "2022-06-30")
    why = out["findings"][0]["why"]
    assert out["findings"][0]["verdict"] == "missed" and "(at least once a year, within its first month)" in why
    assert "Not counted: Board 2021-03-15 (after 2021-01-31, the end of the first month of 2021)." in why


# -- one register file given twice -----------------------------------------------------------------


def test_the_same_register_file_given_twice_is_read_once(tmp_path):
    """At least twice a year since 2024: Board 2024-05-01, 2024-09-01, 2025-03-01 (no
    numbers), as of 2026-01-15. 2025 holds one meeting: `missed`, 1 violation. The same file
    given twice (`--meetings m.csv --meetings ./m.csv`) is the same three rows, not three
    more that may be other meetings: 2025 was `uncertain` ("on 2 rows ... (m.csv line 4;
    m.csv line 4): one meeting or two") beside a warning that they "count once". Now read
    once, with a warning; 2025 `missed`, exit 1, as with the file given once. A copy under
    another name is another register: one meeting or two, as before (README, "One meeting
    or two")."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"\nsince = 2024\n'
    rows = "board,regular,,2024-05-01,,held,,\nboard,regular,,2024-09-01,,held,,\nboard,regular,,2025-03-01,,held,,\n"
    result = _run(tmp_path, book, rows, "2026-01-15", "--meetings", str(tmp_path / "." / "m.csv"))
    out = json.loads(result.stdout)
    assert _verdicts(out) == [("2024", "met"), ("2025", "missed"), ("2026", "open")] and result.exit_code == 1
    assert "the same file as --meetings" in result.stderr and "given again: read once" in result.stderr
    (tmp_path / "copy.csv").write_text(COLUMNS + rows, encoding="utf-8")
    out = json.loads(_run(tmp_path, book, rows, "2026-01-15", "--meetings", str(tmp_path / "copy.csv")).stdout)
    assert _verdicts(out)[1] == ("2025", "uncertain")


# -- a yearly grid with a tolerance from 29 February -----------------------------------------------


def test_a_yearly_grid_from_29_february_with_a_tolerance_gives_each_meeting_one_window(tmp_path):
    """`every 1y` grid, `tolerance = "6m"`, no anchor: Boards 2020-02-29 (the anchor),
    2022-06-30, 2022-07-01; as of 2023-01-10. 2020 met. 2021 closed with its tolerance on
    2022-06-30 and nothing held in 2021; 2022-06-30 is on that last day, and its own period
    2022 is met by 2022-07-01, so it serves 2021 (DESIGN: an earlier window within the
    tolerance only when its own period is already met by another meeting): 2021 met "within
    the tolerance", 2022 met by 2022-07-01, naming 2022-06-30 as counted for another window.
    2023 open, due by 2024-06-30. The reason reads "every year on the grid from 2020" (it
    said "every 1 year")."""
    book = BOARD + '[[bodies.rules]]\nkind = "every"\ninterval = "1y"\nmode = "grid"\ntolerance = "6m"\n'
    out = _check(tmp_path, book, "board,regular,,2020-02-29,,held,,\nboard,regular,,2022-06-30,,held,,\nboard,regular,,2022-07-01,,held,,\n", "2023-01-10")
    assert _verdicts(out)[:4] == [("2020", "met"), ("2021", "met"), ("2022", "met"), ("2023", "open")]
    assert out["findings"][1]["counted"] == [{"start": "2022-06-30"}] and out["findings"][1]["why"].endswith("Held within the tolerance.")
    assert "Not counted: Board 2022-06-30 (counted for another window of this rule)." in out["findings"][2]["why"]
    assert out["findings"][3]["due_by"] == "2024-06-30" and out["findings"][0]["reason"] == "every year on the grid from 2020"
    # without a meeting on 2022-07-01, 2022-06-30 serves its own period: 2021 missed
    out = _check(tmp_path, book, "board,regular,,2020-02-29,,held,,\nboard,regular,,2022-06-30,,held,,\n", "2023-01-10")
    assert _verdicts(out)[:3] == [("2020", "met"), ("2021", "missed"), ("2022", "met")]


def test_a_customary_gap_and_ceiling_say_they_are_advisories(tmp_path):
    """Customary (`binding = false`) at least once a year with `max_gap = "120d"`, and a
    customary at most once a year, since 2026: Boards 2026-01-10 and 2026-06-10, as of
    2026-12-15. The gap 01-10 -> 06-10 is 151 days, 31 late; nothing since 06-10 by 10-08;
    two meetings in 2026 against at most one: three `advisory` findings, exit 0, each
    saying "(customary rule, an advisory)" as a customary window's shortfall does (they said
    "31 days late", "no counting meeting since", "at most 1 allowed", as violations do)."""
    book = BOARD + '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "120d"\nsince = 2026\nbinding = false\n'
    book += '[[bodies.rules]]\nkind = "at_most"\ncount = 1\nper = "year"\nsince = 2026\nbinding = false\n'
    result = _run(tmp_path, book, "board,regular,,2026-01-10,,held,,\nboard,regular,,2026-06-10,,held,,\n", "2026-12-15")
    out = json.loads(result.stdout)
    advisories = [f for f in out["findings"] if f["verdict"] == "advisory"]
    assert sorted(f["window"]["label"] for f in advisories) == ["2026", "2026-01-11..2026-05-10", "2026-06-11..2026-10-08"] and result.exit_code == 0
    assert all(f["why"].endswith(" (customary rule, an advisory).") for f in advisories)
    (gap,) = [f for f in advisories if f["window"]["label"] == "2026-01-11..2026-05-10"]
    assert gap["why"].startswith("gap of 151 days from Board 2026-01-10 to Board 2026-06-10: 31 days late")
