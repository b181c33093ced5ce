"""``planner publish`` against a real CalDAV server: Radicale, started on a free local port."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from tests.real_parts import PASSWORD, by_uid, free_port, server_events

FEEDS = Path(__file__).parent.parent / "feeds"
HEADER = "body,kind,ordinal,start,end,status,city,country\n"
ROWS = {
    "summit6": "summit,regular,6,2022-10-12,2022-10-13,held,Astana,Kazakhstan\n",
    "summit7": "summit,regular,7,2026-10-14,2026-10-15,planned,Baku,Azerbaijan\n",
    "soc": "soc,regular,,2025-05-20,,held,Astana,Kazakhstan\n",
    "youth": "youth,regular,,2025-12-01,,held,Baku,Azerbaijan\n",
}


def run(tmp_path: Path, url: str, rows: list[str], *extra: str, today: str = "2026-03-01") -> tuple[int, str, str]:
    register = tmp_path / "meetings.csv"
    register.write_text(HEADER + "".join(ROWS[r] for r in rows), encoding="utf-8")
    env = {"PLANNER_CALDAV_PASSWORD": PASSWORD, "HOME": str(tmp_path)}
    result = CliRunner().invoke(main, ["publish", "--rules", str(FEEDS / "rulebook.toml"), "--meetings", str(register), "--today", today, "--no-projected", "--caldav", url, "--user", "sec", *extra], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_first_publish_creates_the_calendar_and_a_second_changes_nothing(tmp_path: Path, radicale: str) -> None:
    """Twice the same input: the calendar is created once, every event once, nothing rewritten."""
    url = f"{radicale}/sec/first/"
    code, out, err = run(tmp_path, url, ["summit6", "summit7", "soc"])
    assert code == 0, err
    assert "calendar created; 3 created, 0 updated, 0 cancelled, 0 deleted, 0 unchanged" in err
    events = by_uid(url)
    assert sorted(events) == ["cica-soc-regular-2025-05-20@planner", "cica-summit-6@planner", "cica-summit-7@planner"]
    assert {e["SEQUENCE"] for e in events.values()} == {"0"}
    code, out, err = run(tmp_path, url, ["summit6", "summit7", "soc"])
    assert code == 0 and out == ""
    assert "0 created, 0 updated, 0 cancelled, 0 deleted, 3 unchanged" in err
    assert by_uid(url) == events


def test_publish_leaves_no_thread_running(tmp_path: Path, radicale: str) -> None:
    """Every HTTP connection pool of caldav's client starts a thread that watches idle
    connections, ended only when the pool closes: publish (run in-process, as by a program
    that imports planner) left one a pool, and can_fork() then refused every later feed export
    of the process its worker processes (tests/ical/test_feed_forked.py failed after this file).
    Now the sessions are closed, the calendar's and the one that makes a user's home."""
    import threading

    before = set(threading.enumerate())
    code, _, err = run(tmp_path, f"{radicale}/sec/threads/", ["summit6"])
    assert code == 0, err
    deadline = time.monotonic() + 5
    for thread in set(threading.enumerate()) - before:
        thread.join(max(0.0, deadline - time.monotonic()))
    assert [t.name for t in set(threading.enumerate()) - before if t.is_alive()] == []


def test_another_organization_whose_id_begins_ours_is_left_alone(tmp_path: Path, radicale: str) -> None:
    """An organization 'cica-x' publishes into a calendar; then 'cica' with --prune: every
    cica-x UID begins 'cica-', and they were taken for cica's own events and deleted. Now
    an event is ours when its UID begins as ours for its body ('cica-summit-')."""
    url = f"{radicale}/sec/shared/"
    other = tmp_path / "other"
    other.mkdir()
    book = other / "rulebook.toml"
    book.write_text((FEEDS / "rulebook.toml").read_text(encoding="utf-8").replace('id = "cica"', 'id = "cica-x"', 1), encoding="utf-8")
    register = other / "meetings.csv"
    register.write_text(HEADER + ROWS["summit6"] + ROWS["soc"], encoding="utf-8")
    env = {"PLANNER_CALDAV_PASSWORD": PASSWORD, "HOME": str(tmp_path)}
    first = CliRunner().invoke(main, ["publish", "--rules", str(book), "--meetings", str(register), "--today", "2026-03-01", "--no-projected", "--caldav", url, "--user", "sec"], env=env)
    assert first.exit_code == 0, first.stderr
    code, out, err = run(tmp_path, url, ["summit7"], "--prune")
    assert code == 0, err
    assert "1 created, 0 updated, 0 cancelled, 0 deleted, 0 unchanged" in err
    assert sorted(by_uid(url)) == ["cica-summit-7@planner", "cica-x-soc-regular-2025-05-20@planner", "cica-x-summit-6@planner"]


def test_an_event_icalendar_cannot_parse_is_another_programs() -> None:
    """An event on the server with `DTSTART;VALUE=DATE,X` (a list where icalendar's parser
    takes a text) was an AttributeError traceback of publish. Now it is passed over, as any
    other program's event planner cannot read. (Radicale rewrites such an event as it stores
    it, so the server here is a stand-in.)"""
    from types import SimpleNamespace

    from planner.outputs.calendar.caldav import _Session

    ours = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:cica-summit-6@planner\r\nX-PLANNER-BODY:summit\r\nDTSTART;VALUE=DATE:20221012\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    odd = ours.replace("cica-summit-6", "cica-summit-5").replace("VALUE=DATE:", "VALUE=DATE,X:")
    session = _Session.__new__(_Session)
    session.within = lambda work: work()  # type: ignore[method-assign]
    calendar = SimpleNamespace(events=lambda: [SimpleNamespace(data=odd), SimpleNamespace(data=ours)])
    assert list(session.events(calendar, "cica")) == ["cica-summit-6@planner"]


def test_changed_date_updates_in_place_with_a_higher_sequence(tmp_path: Path, radicale: str) -> None:
    """The 7th Summit moves: same UID, SEQUENCE 1, new LAST-MODIFIED; the others are untouched."""
    url = f"{radicale}/sec/moved/"
    run(tmp_path, url, ["summit6", "summit7"])
    ROWS["summit7_moved"] = ROWS["summit7"].replace("2026-10-14,2026-10-15", "2026-11-03,2026-11-04")
    code, out, err = run(tmp_path, url, ["summit6", "summit7_moved"], today="2026-04-01")
    assert code == 0, err
    assert "0 created, 1 updated, 0 cancelled, 0 deleted, 1 unchanged" in err
    events = by_uid(url)
    assert events["cica-summit-7@planner"]["DTSTART"] == "20261103"
    assert events["cica-summit-7@planner"]["SEQUENCE"] == "1"
    assert events["cica-summit-7@planner"]["LAST-MODIFIED"] == "20260401T000000Z"
    assert events["cica-summit-6@planner"]["SEQUENCE"] == "0"


def test_meeting_that_left_the_register_is_cancelled_once(tmp_path: Path, radicale: str) -> None:
    """A removed meeting stays on the server as CANCELLED with SEQUENCE + 1, and only once."""
    url = f"{radicale}/sec/removed/"
    run(tmp_path, url, ["summit6", "summit7", "youth"])
    code, out, err = run(tmp_path, url, ["summit6", "summit7"])
    assert code == 0, err
    assert "0 created, 0 updated, 1 cancelled, 0 deleted, 2 unchanged" in err
    assert out.split() == ["cancel", "2025-12-01", "Youth", "Council", "(removed)"]
    gone = by_uid(url)["cica-youth-regular-2025-12-01@planner"]
    assert (gone["STATUS"], gone["SEQUENCE"]) == ("CANCELLED", "1")
    code, out, err = run(tmp_path, url, ["summit6", "summit7"])
    assert "0 created, 0 updated, 0 cancelled, 0 deleted, 2 unchanged" in err
    assert by_uid(url)["cica-youth-regular-2025-12-01@planner"]["SEQUENCE"] == "1"


def test_a_meeting_that_comes_back_is_confirmed_again(tmp_path: Path, radicale: str) -> None:
    """Back in the register after a tombstone: CONFIRMED again, SEQUENCE rises once more."""
    url = f"{radicale}/sec/back/"
    run(tmp_path, url, ["summit6", "youth"])
    run(tmp_path, url, ["summit6"])
    code, _, err = run(tmp_path, url, ["summit6", "youth"])
    assert "0 created, 1 updated" in err
    back = by_uid(url)["cica-youth-regular-2025-12-01@planner"]
    assert (back["STATUS"], back["SEQUENCE"]) == ("CONFIRMED", "2")


def test_corrected_date_of_an_unnumbered_meeting_keeps_its_uid(tmp_path: Path, radicale: str) -> None:
    """The SOC meeting moves from 20 to 22 May: the server's event is updated (SEQUENCE 1),
    not cancelled beside a new one."""
    url = f"{radicale}/sec/corrected/"
    run(tmp_path, url, ["summit6", "soc"])
    ROWS["soc_moved"] = ROWS["soc"].replace("2025-05-20", "2025-05-22")
    code, out, err = run(tmp_path, url, ["summit6", "soc_moved"])
    assert "0 created, 1 updated, 0 cancelled, 0 deleted, 1 unchanged" in err
    events = by_uid(url)
    assert sorted(events) == ["cica-soc-regular-2025-05-20@planner", "cica-summit-6@planner"]
    assert (events["cica-soc-regular-2025-05-20@planner"]["DTSTART"], events["cica-soc-regular-2025-05-20@planner"]["SEQUENCE"]) == ("20250522", "1")


def test_one_body_leaves_the_other_bodies_events(tmp_path: Path, radicale: str) -> None:
    """--body summit publishes the Summits and neither cancels nor prunes anything else."""
    url = f"{radicale}/sec/onebody/"
    run(tmp_path, url, ["summit6", "soc", "youth"])
    code, out, err = run(tmp_path, url, ["summit6", "summit7", "soc", "youth"], "--body", "summit", "--prune")
    assert "1 created, 0 updated, 0 cancelled, 0 deleted, 1 unchanged" in err
    assert len(by_uid(url)) == 4


def test_prune_deletes_what_left_and_leaves_other_programs_events(tmp_path: Path, radicale: str) -> None:
    """--prune: the removed meeting is gone; an event another program put there stays."""
    import caldav
    from caldav.collection import Calendar as DAVCalendar

    url = f"{radicale}/sec/pruned/"
    run(tmp_path, url, ["summit6", "youth"])
    with caldav.DAVClient(url=url, username="sec", password=PASSWORD) as client:
        DAVCalendar(client=client, url=url).add_event("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\nBEGIN:VEVENT\r\nUID:lunch-1@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260105\r\nSUMMARY:Team lunch\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    code, out, err = run(tmp_path, url, ["summit6"], "--prune")
    assert code == 0, err
    assert "0 created, 0 updated, 0 cancelled, 1 deleted, 1 unchanged" in err
    assert sorted(by_uid(url)) == ["cica-summit-6@planner", "lunch-1@example.org"]


def test_dry_run_writes_nothing(tmp_path: Path, radicale: str) -> None:
    """--dry-run lists the changes, creates no calendar and writes no event."""
    url = f"{radicale}/sec/dry/"
    code, out, err = run(tmp_path, url, ["summit6", "soc"], "--dry-run")
    assert code == 0, err
    assert out.splitlines() == ["would create  2022-10-12  6th Summit", "would create  2025-05-20  Senior Officials Committee"]  # by date
    assert "dry run, nothing written" in err and "the calendar would be created; 2 to create" in err
    code, out, err = run(tmp_path, url, ["summit6", "soc"])
    assert "calendar created; 2 created" in err


def test_rerun_completes_what_a_broken_run_left(tmp_path: Path, radicale: str) -> None:
    """An event lost on the way (a run cut off, a resource deleted) is created by the next run,
    and nothing else is rewritten."""
    url = f"{radicale}/sec/broken/"
    run(tmp_path, url, ["summit6", "summit7", "soc"])
    import caldav
    from caldav.collection import Calendar as DAVCalendar

    with caldav.DAVClient(url=url, username="sec", password=PASSWORD) as client:
        DAVCalendar(client=client, url=url).event_by_uid("cica-summit-7@planner").delete()
    code, out, err = run(tmp_path, url, ["summit6", "summit7", "soc"])
    assert "1 created, 0 updated, 0 cancelled, 0 deleted, 2 unchanged" in err
    assert len(by_uid(url)) == 3


def test_unreachable_server_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """Nothing listens: exit 2, one line naming the URL, no traceback, no password."""
    url = f"http://127.0.0.1:{free_port()}/sec/cica/"
    code, out, err = run(tmp_path, url, ["summit6"])
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"error: {url}: cannot reach the CalDAV server")
    assert "Traceback" not in err and PASSWORD not in err + out


def test_password_is_never_taken_from_the_command_line(tmp_path: Path) -> None:
    """A password in the URL is refused before anything is sent, and not echoed."""
    code, out, err = run(tmp_path, "http://sec:hunter2@127.0.0.1:9/sec/cica/", ["summit6"])
    assert code == 2 and "PLANNER_CALDAV_PASSWORD" in err and "hunter2" not in err + out


def test_password_from_netrc(tmp_path: Path, radicale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the environment variable, ~/.netrc gives the login and the password."""
    from planner.cli.publish import credentials

    (tmp_path / ".netrc").write_text("machine 127.0.0.1 login sec password from-netrc\n", encoding="utf-8")
    (tmp_path / ".netrc").chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PLANNER_CALDAV_PASSWORD", raising=False)
    assert credentials(f"{radicale}/sec/cica/", None) == ("sec", "from-netrc")
    assert credentials(f"{radicale}/sec/cica/", "other") == ("other", None)


def test_readme_publish_lines_run(tmp_path: Path, radicale: str) -> None:
    """The README's `planner publish` examples, pointed at the test server, on the embedded data."""
    import re
    import shlex

    readme = (Path(__file__).parent.parent.parent / "README.md").read_text("utf-8")
    lines = re.findall(r"^\$ (planner publish .*)$", readme, re.M)
    assert len(lines) == 2
    for line in lines:
        args = [a.replace("http://dav.example.org", radicale) for a in shlex.split(line)[1:]]
        result = CliRunner().invoke(main, args, env={"PLANNER_CALDAV_PASSWORD": PASSWORD, "HOME": str(tmp_path)})
        assert result.exit_code == 0, result.output
    assert {e["UID"] for e in server_events(f"{radicale}/secretariat/cica/")} >= {"cica-summit-7@planner"}


def test_url_that_is_no_calendar_is_one_line(tmp_path: Path, radicale: str) -> None:
    """A user's home or the server root is not a calendar: exit 2 saying so, nothing written."""
    code, out, err = run(tmp_path, f"{radicale}/sec/", ["summit6"])
    assert code == 2 and err == f"error: {radicale}/sec/: is a user's home, not a calendar (expected the URL of a calendar, or a new one inside a user's home, e.g. https://host/user/cica/)\n"


def test_server_refusing_the_password_is_one_line(tmp_path: Path) -> None:
    """A server that answers 401 to everything: exit 2, one line naming the user, never the
    password."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Refuse(BaseHTTPRequestHandler):
        def do_any(self) -> None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="calendars"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_PUT = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_OPTIONS = do_any  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sec/cica/"
        code, out, err = run(tmp_path, url, ["summit6"])
    finally:
        server.shutdown()
        server.server_close()
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"error: {url}: the server refused user 'sec' while reading the calendar")
    assert PASSWORD not in err + out


def test_a_port_holding_403_is_no_forbidden_answer() -> None:
    """A 401 from a server on port 40373 was worded as a 403 (the URL's port was searched for
    "403"): the status code decides."""
    from types import SimpleNamespace

    from caldav.lib import error

    from planner.outputs.calendar.caldav import PublishError, _Failures

    session = SimpleNamespace(user="sec", shown="http://127.0.0.1:40373/sec/cica/")
    for status, words in ((401, "the server refused user 'sec'"), (403, "the server forbids user 'sec'")):
        with pytest.raises(PublishError) as caught, _Failures(session, "reading the calendar", None):  # type: ignore[arg-type]
            raise error.AuthorizationError(url="http://127.0.0.1:40373/sec/cica/", reason="Unauthorized" if status == 401 else "Forbidden", status=status)
        assert str(caught.value).find(words) >= 0, str(caught.value)
