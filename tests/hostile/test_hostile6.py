"""Sixth attacker pass: the work of placement in a full calendar, and the contract (one line,
exit 2, never a traceback) where passes 1-5 did not look."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from planner.engine.planning import crowd
from planner.engine.planning.dating import choice
from planner.engine.planning.projection import project
from planner.inputs.register import load_meetings
from planner.inputs.rulebook import load_rulebook

HERE = Path(__file__).resolve().parent.parent
BENCHMARKS = HERE.parent / "benchmarks"


def _crowded(tmp_path: Path, bodies: int, seed: int) -> tuple[Path, Path]:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    import crowded

    crowded.write(tmp_path, bodies, seed)
    return tmp_path / "rulebook.toml", tmp_path / "meetings.csv"


def _projection(book_path: Path, register: Path, to: date):  # noqa: ANN202
    book = load_rulebook(book_path)
    meetings = load_meetings(register, book, today=date(2026, 12, 1))
    found = project(book, meetings, date(2026, 12, 1), end=to)
    return [(m.body, m.start, m.end, m.ordinal, m.reason) for m in found.projected], [p.message for p in found.problems]


def _day_by_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Placement as it was: every day of a window asked, none skipped."""
    monkeypatch.setattr(choice, "Skip", lambda make, grown=0: None)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_full_calendar_is_skipped_without_changing_a_day(seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty rules a body, one body a day: the calendar is full within weeks. Skipping the
    days other bodies take (by bisection over runs of them) finds the same day for every
    meeting, and the same Problems, as asking each day in turn."""
    book, register = _crowded(tmp_path, 8, seed)
    skipping = _projection(book, register, date(2028, 12, 31))
    _day_by_day(monkeypatch)
    assert skipping == _projection(book, register, date(2028, 12, 31))
    assert len(skipping[0]) > 100 and len(skipping[1]) > 40, (len(skipping[0]), len(skipping[1]))  # (many placed, many not)


def test_a_failed_placement_in_a_full_calendar_asks_few_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 bodies of twenty rules to 2036 took over 90 s: each placement that found no day
    asked every day of its window whether it was free (a year's window: 365 questions). Now
    the days other bodies' meetings take are skipped: a placement asks about the few days
    left in its window, not all of them (counted, not timed)."""
    book, register = _crowded(tmp_path, 10, 1)
    asked = {"free": 0}
    free = crowd.DayBook.free

    def counted(self, *args):  # noqa: ANN001, ANN002, ANN202
        asked["free"] += 1
        return free(self, *args)

    monkeypatch.setattr(crowd.DayBook, "free", counted)
    _, problems = _projection(book, register, date(2028, 12, 31))
    now = asked["free"]
    _day_by_day(monkeypatch)
    asked["free"] = 0
    _projection(book, register, date(2028, 12, 31))
    assert len(problems) > 200, len(problems)
    assert now < len(problems) * 3, (now, len(problems), asked["free"])  # (656 for 317 Problems)
    assert asked["free"] > now * 10, (now, len(problems), asked["free"])  # (what it asked before: 20,595)


# -- click's usage errors: one line, like every other error -------------------------------------

USAGE = [
    (["check", "--format", "xml"], "error: planner check: Invalid value for '--format': 'xml' is not one of 'text', 'markdown', 'json', 'csv' (see planner check --help)"),
    (["check", "--bogus"], "error: planner check: No such option '--bogus'. Did you mean '--body'? (see planner check --help)"),
    (["chek"], "error: planner: No such command 'chek'. (Did you mean one of: 'check', 'schema'?) (see planner --help)"),
    (["project", "--to"], "error: planner project: Option '--to' requires an argument (see planner project --help)"),
    (["--bogus"], "error: planner: No such option '--bogus' (see planner --help)"),
    (["check", "extra"], "error: planner check: Got unexpected extra argument (extra) (see planner check --help)"),
    (["diff"], "error: planner diff: Missing argument 'BEFORE.json' (see planner diff --help)"),
    (["check", "--today", "2026-13-01"], "error: planner check: Invalid value for --today: '2026-13-01' has no month 13; expected YYYY-MM-DD (see planner check --help)"),
]


@pytest.mark.parametrize(("argv", "line"), USAGE, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_a_usage_error_is_one_line_naming_the_command_option_and_value(argv: list[str], line: str) -> None:
    """click printed four lines (usage, a hint to --help, a blank line, the error): a log
    keeping one line per failure kept "Usage: planner check [OPTIONS]". Now one line names the
    command, the option, the bad value and what was expected, and where the options are listed."""
    from click.testing import CliRunner

    from planner.cli import main

    result = CliRunner().invoke(main, argv, prog_name="planner")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [line]


def test_a_usage_error_as_a_process_is_one_line() -> None:
    """The same through ``python -m planner`` (click's standalone mode, not the test runner)."""
    import subprocess

    done = subprocess.run([sys.executable, "-m", "planner", "check", "--format", "xml"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [USAGE[0][1]]


# -- publish: an error after a redirect says where it went --------------------------------------


def _redirecting(target: str, then: int) -> type:
    import http.server

    class Answer(http.server.BaseHTTPRequestHandler):
        def answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            moved = self.path.startswith("/user/cal")
            body = b"" if moved else b"boom"
            self.send_response(301 if moved else then)
            if moved:
                self.send_header("Location", target.replace("PORT", str(self.server.server_address[1])))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_PROPFIND = do_REPORT = do_GET = do_PUT = do_MKCALENDAR = do_OPTIONS = do_DELETE = answer

        def log_message(self, *args: object) -> None:
            pass

    return Answer


@pytest.mark.parametrize(
    ("target", "then", "said"),
    [
        ("http://no-such-host.invalid/cal/", 500, "cannot reach the CalDAV server while reading the calendar: host 'no-such-host.invalid' not found, after a redirect to http://no-such-host.invalid/cal/"),
        ("http://u:pw-In-Location@127.0.0.1:PORT/elsewhere/", 500, "the server refused while reading the calendar: PropfindError at '500 Internal Server Error boom', reason no reason, after a redirect to http://127.0.0.1:PORT/elsewhere/"),
        ("/elsewhere/", 401, "the server refused user 'sec' while reading the calendar, after a redirect to http://127.0.0.1:PORT/elsewhere/"),
    ],
    ids=["to an unknown host", "to a URL with a password", "to a path that refuses the user"],
)
def test_a_publish_error_after_a_redirect_names_where_it_went(target: str, then: int, said: str, tmp_path: Path) -> None:
    """A server redirecting to an unknown host gave "host '127.0.0.1' not found": the
    original URL's host, which was found. The line names the URL given and, after a redirect,
    the URL it went to (without a user name or password in it)."""
    import http.server
    import threading

    from click.testing import CliRunner

    from planner.cli import main
    from tests.hostile.test_hostile3 import GIVEN

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _redirecting(target, then))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    url = f"http://127.0.0.1:{port}/user/cal/"
    try:
        result = CliRunner().invoke(main, ["publish", *GIVEN, "--caldav", url, "--user", "sec"], env={"PLANNER_CALDAV_PASSWORD": "pw-Never-Shown", "HOME": str(tmp_path)})
    finally:
        server.shutdown()
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {url}: {said.replace('PORT', str(port))} (expected "), lines
    assert "pw-Never-Shown" not in result.output and "pw-In-Location" not in result.output


# -- --today at the calendar's edges ------------------------------------------------------------


@pytest.mark.parametrize("today", ["2995-06-01", "2999-12-31"])
def test_the_default_horizon_stops_at_the_last_year_a_date_may_have(today: str, tmp_path: Path) -> None:
    """``--today 2995-06-01`` projected to 3005 by default: past 2999, the last year any input
    takes, so ``planner diff`` refused the JSON that ``project`` had just written, and the feeds
    did not read back as a register. The default end is now 2999-12-31 at the latest."""
    from click.testing import CliRunner

    from planner.cli import main

    saved = tmp_path / "p.json"
    result = CliRunner().invoke(main, ["project", "--today", today, "--format", "json", "-o", str(saved)])
    assert result.exit_code == 0, result.output
    assert "3000-" not in saved.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(saved), str(saved)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["project", "--today", today])
    assert result.exit_code == 0 and f"schedule {today} to 2999-12-31" in result.stdout.splitlines()[0], result.output


# -- a state file of a version this planner does not know ---------------------------------------


@pytest.mark.parametrize("version", ["5", "-1", "1e400", "true", "\"4\""])
def test_a_state_file_of_an_unknown_version_is_reported_and_ignored(version: str, tmp_path: Path) -> None:
    """A state file saying ``"version": 5`` (a later planner's, whose fields may mean
    something else), -1 or 1e400 was read as if it were this planner's, silently. It is now
    reported in one warning and ignored, like any damaged state file: the feeds of the folder
    stand in for it."""
    from click.testing import CliRunner

    from planner.cli import main

    out = tmp_path / "feeds"
    assert CliRunner().invoke(main, ["ics", "--today", "2026-12-01", "--out", str(out), "-q"]).exit_code == 0
    state = out / ".planner-state.json"
    lines = state.read_text(encoding="utf-8").split("\n")
    state.write_text("\n".join([f'{{"version": {version}, "events": {{', *lines[1:]]), encoding="utf-8")
    result = CliRunner().invoke(main, ["ics", "--today", "2026-12-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    warning = result.stderr.splitlines()[0]
    assert warning.startswith(f"warning: {state}: state file is damaged and was ignored (version "), warning
    assert "is not one this planner reads: 1 to " in warning
    assert "taken from the feeds" in warning


@pytest.mark.parametrize(
    ("epoch", "first"),
    [("-30610224000", "1000-01-01"), ("32503679999", "2999-12-31"), ("0", "1970-01-01"), ("-1", "1969-12-31")],
)
def test_source_date_epoch_at_the_edges_of_the_dates_taken(epoch: str, first: str) -> None:
    """The first and last seconds of the years 1000 to 2999 are days to judge as of."""
    from click.testing import CliRunner

    from planner.cli import main

    result = CliRunner().invoke(main, ["check", "-q"], env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code in (0, 1) and f"as of {first} " in result.stdout.splitlines()[0], result.output


@pytest.mark.parametrize("epoch", ["-30610224001", "32503680000", "-99999999999999", "99999999999999999999999"])
def test_source_date_epoch_beyond_the_dates_taken_is_out_of_range(epoch: str) -> None:
    """A Unix time of a year before 1000 or after 2999 is one all the same: -99999999999999 and
    a 23-digit one were called "not a Unix time in seconds" (the platform's overflow); they
    are out of range, with the range of seconds that is not."""
    from click.testing import CliRunner

    from planner.cli import main

    result = CliRunner().invoke(main, ["check", "-q"], env={"SOURCE_DATE_EPOCH": epoch}, prog_name="planner")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: planner check: Invalid value for SOURCE_DATE_EPOCH: {epoch!r} is out of range; expected a year from 1000 to 2999 (-30610224000 to 32503679999) (see planner check --help)"]
