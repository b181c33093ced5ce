"""A fourth audit, of `planner project` beside `planner check` (after test_semantics_audit*.py):
small rule books whose next due dates and projected meetings were worked out by hand from
DESIGN.md's projection semantics (working days of the host, the window check calls open is the
one project fills, nothing moves silently) before the tool was run; the derivation is in each
test's docstring. Calendar facts (weekdays, public holidays) were read from a calendar and the
`holidays` package's own tables, named where used."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.test_semantics_audit import _rule, _verdicts

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
    assert "fixes the day" not in message and "do not fit in 2022-12-31..2022-12-31" in message
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
