"""Third attacker pass: what an outsider tried after the corpus and the fuzz test passed.

Standard output that cannot take the output (``> /dev/full``, ``| head``), Ctrl-C, a CSV header
of a hundred thousand columns, and names that read alike (the corpus holds the rule books).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import main

HERE = Path(__file__).resolve().parent.parent
MINIMAL = str(HERE / "rulebooks" / "valid" / "minimal.toml")
GOOD_MEETINGS = str(HERE / "registers" / "bom_utf8.csv")
TODAY = ["--today", "2026-11-26"]
GIVEN = ["--rules", MINIMAL, "--meetings", GOOD_MEETINGS, *TODAY]


def run_process(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planner", *args], text=True, timeout=120, stdin=subprocess.DEVNULL, **kwargs)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "args",
    [
        ["check", *GIVEN],
        ["check", *GIVEN, "--format", "json"],
        ["project", *GIVEN, "--format", "csv"],
        ["chairs", *GIVEN],
        ["ics", *GIVEN, "--out", "-", "-q"],
        ["report", *GIVEN, "-o", "-"],
        ["validate", *GIVEN],
        ["bodies", *GIVEN],
        ["cbms", *TODAY],
        ["schema"],
        ["--help"],
        ["check", "--help"],
        ["-V"],
    ],
    ids=lambda a: " ".join(x for x in a if not x.startswith("/"))[:40],
)
def test_standard_output_on_a_full_disk_is_one_line_and_exit_2(args: list[str]) -> None:
    """``planner check > /dev/full`` ended in a traceback and exit 1, which says that
    violations were found."""
    with open("/dev/full", "w") as full:
        result = run_process(args, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[-1] == "error: standard output: cannot write: No space left on device (expected a standard output that takes the whole output, or -o FILE)"
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_standard_error_on_a_full_disk_still_exits_2() -> None:
    """A usage error whose own message cannot be written: exit 2 all the same."""
    with open("/dev/full", "w") as full:
        result = run_process(["check", "--no-such-option"], stdout=subprocess.PIPE, stderr=full)
    assert result.returncode == 2


def test_a_reader_that_stopped_is_exit_2_not_1() -> None:
    """``planner check | head -1``: the reader leaves and the pipe closes under the writer.
    click answered exit 1, which says that violations were found. Here the reader is gone
    before the first write, so the write fails whatever the size of the pipe's buffer."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = run_process(["validate", *GIVEN], stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == ["error: standard output: cannot write: the program reading it stopped before the end (expected a standard output that takes the whole output, or -o FILE)"]


def test_ctrl_c_is_exit_2_and_leaves_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the output is written: click's answer was exit 1 ("violations found")."""
    import planner.outputs.atomic as atomic

    out = tmp_path / "check.txt"
    out.write_text("old\n", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_write_file", interrupted)
    result = CliRunner().invoke(main, ["check", *GIVEN, "-o", str(out)])
    assert result.exit_code == 2
    assert "error: interrupted before the end; nothing was written in part" in result.stderr
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["check.txt"]


@pytest.mark.parametrize(("header", "said"), [("c{i}", "unknown column 'c0'"), ("c{half}", "column 'c0' appears twice")])
def test_a_header_of_100000_columns_is_refused_at_once(tmp_path: Path, header: str, said: str) -> None:
    """The check for a column given twice counted each column in the whole header: 100,000
    columns took minutes (quadratic). Not timed: it would not finish within the suite."""
    register = tmp_path / "wide.csv"
    cells = ",".join(header.format(i=i, half=i % 50_000) for i in range(100_000))
    register.write_text(f"body,start,{cells}\nsummit,2002-06-04\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--rules", MINIMAL, "--meetings", str(register), *TODAY])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {register}:1: {said}")


def test_names_that_read_alike_match_one_body(tmp_path: Path) -> None:
    """A register's body in fullwidth letters or with doubled spaces is the body a reader sees."""
    register = tmp_path / "meetings.csv"
    register.write_text("body,start\n\uff33\uff55\uff4d\uff4d\uff49\uff54,2002-06-04\nsummit   of  heads OF state,2006-06-04\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--rules", MINIMAL, "--meetings", str(register), *TODAY, "--format", "csv", "--body", "summit"])
    assert result.exit_code == 1, result.stderr
    assert "2002-06-04" in result.output and "2006-06-04" in result.output


def _series(n: int, summary: str, rule: str = "FREQ=DAILY;COUNT=40") -> str:
    events = "".join(f"BEGIN:VEVENT\r\nUID:s{i}\r\nSUMMARY:{summary}\r\nDTSTART;VALUE=DATE:20240101\r\nRRULE:{rule}\r\nEND:VEVENT\r\n" for i in range(n))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{events}END:VCALENDAR\r\n"


def test_series_of_one_file_are_bounded_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each series stopped at 10,000 occurrences, but 300 daily series (10 KB) came to 1.4
    million meetings at about half a millisecond each: minutes. All the series of a file share
    one bound (50,000; 100 here, so that the test expands little)."""
    from planner.inputs.ics import register_ics

    monkeypatch.setattr(register_ics, "MAX_SERIES_MEETINGS", 100)
    register = tmp_path / "series.ics"
    register.write_text(_series(2, "Summit"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--rules", MINIMAL, "--meetings", str(register), *TODAY])
    assert result.exit_code == 0, result.stderr  # 2 x 40 meetings
    register.write_text(_series(3, "Summit"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--rules", MINIMAL, "--meetings", str(register), *TODAY])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {register}: VEVENT 3 'Summit': recurring series come to more than 100 meetings before 2036-11-26")


def test_a_series_that_matches_no_body_is_not_expanded(tmp_path: Path) -> None:
    """A stand-up every minute in an exported calendar is no meeting of the rule book: skipped
    with the other unmatched events, never expanded (nor refused for repeating within a day)."""
    register = tmp_path / "calendar.ics"
    register.write_text(_series(300, "Daily stand-up", "FREQ=MINUTELY"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--rules", MINIMAL, "--meetings", str(register), *TODAY])
    assert result.exit_code == 0, result.stderr
    assert f"warning: {register}: 1 event matches no body and was skipped: 'Daily stand-up'" in result.stderr


def _many_bodies(tmp_path: Path, n: int) -> Path:
    """The minimal rule book with ``n`` more bodies that must meet 31 times a month."""
    more = "".join(f'\n[[bodies]]\nid = "b{i}"\nname = "Body {i}"\ncategory = "working"\nestablished = 2000\n\n[[bodies.rules]]\nkind = "at_least"\ncount = 31\nper = "month"\nsource = "x"\n' for i in range(n))
    rules = tmp_path / "rules.toml"
    rules.write_text(Path(MINIMAL).read_text(encoding="utf-8") + more, encoding="utf-8")
    return rules


@pytest.mark.parametrize("command", [["project"], ["ics", "--out", "-"], ["chairs"], ["report", "-o", "-"]])
def test_a_projection_of_millions_of_meetings_is_refused_before_placing(tmp_path: Path, command: list[str]) -> None:
    """3,000 bodies meeting 31 times a month (a rule book of 500 KB) asked for 11 million
    meetings over ten years: project ran for more than ten minutes. The demand is summed
    before placing (here 300 bodies over 100 years: 12 million)."""
    rules = _many_bodies(tmp_path, 300)
    result = CliRunner().invoke(main, [*command, "--rules", str(rules), "--meetings", GOOD_MEETINGS, *TODAY, "--to", "2126"])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {rules}: bodies: its rules ask for more than 1,000,000 meetings from 2026-11-26 to 2126-12-31 (reached at body 'b24')")


def test_a_projection_beyond_its_estimate_is_stopped_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The estimate counts counts and intervals; whatever it misses, the meetings placed are
    counted body by body against the same bound (20 here)."""
    from planner.engine.planning import projector

    monkeypatch.setattr(projector, "MAX_PROJECTED", 20)
    monkeypatch.setattr(projector, "_demand_over", lambda *args: None)
    rules = _many_bodies(tmp_path, 2)
    result = CliRunner().invoke(main, ["project", "--rules", str(rules), "--meetings", GOOD_MEETINGS, *TODAY])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {rules}: bodies: its rules ask for more than 20 meetings from 2026-11-26 to 2036-11-26 (reached at body ")


def _publish_to(handler: type) -> tuple[str, Result]:
    """``planner publish`` against a fake server on a free port of this machine, answering with
    ``handler`` (an ``http.server.BaseHTTPRequestHandler``): the URL and the run's result."""
    import http.server
    import threading

    before = set(threading.enumerate())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = False  # (server_close waits for its handlers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/user/cal/"
    try:
        return url, CliRunner().invoke(main, ["publish", *GIVEN, "--caldav", url])
    finally:
        # Every thread of the run ended before the next test: the server's, and the one a
        # request past MAX_ANSWER_SECONDS still runs in until its answer ends (a thread left
        # running makes a later feed export of this process refuse to fork: can_fork()).
        server.shutdown()
        server.server_close()
        for thread in set(threading.enumerate()) - before:
            thread.join(10)


_BOMB = b"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]><d:multistatus xmlns:d="DAV:"><d:response><d:href>&h;</d:href></d:response></d:multistatus>"""


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (b"<?xml version='1.0'?><d:multistatus xmlns:d='DAV:'><d:response><d:href>/a</d:href></d:respon", ""),
        (_BOMB, "Maximum entity amplification factor exceeded"),
    ],
    ids=["xml-cut-short", "entity-bomb"],
)
def test_a_server_whose_answer_cannot_be_read_is_one_line(answer: bytes, said: str) -> None:
    """A server (or something posing as one) that answers XML cut short, or an entity bomb:
    caldav raised AttributeError and lxml XMLSyntaxError, both tracebacks and exit 1."""
    import http.server

    class Answer(http.server.BaseHTTPRequestHandler):
        def handle_any(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(207)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_PROPFIND = do_REPORT = do_GET = do_PUT = do_MKCALENDAR = do_OPTIONS = handle_any

        def log_message(self, *args: object) -> None:
            pass

    url, result = _publish_to(Answer)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {url}: the server's answer cannot be read while reading the calendar: {said}")
    assert len(result.stderr.splitlines()) == 1


def test_a_server_that_never_stops_answering_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """An answer without end (no Content-Length, bytes forever) was read whole into memory:
    17 GB in 200 s. It is read to a bound (256 MB; 1 MB here) and refused in one line."""
    import http.server

    from planner.outputs.calendar import caldav

    monkeypatch.setattr(caldav, "MAX_ANSWER_BYTES", 1024 * 1024)

    class Endless(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_PROPFIND(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(207)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            try:
                self.wfile.write(b"<?xml version='1.0'?><d:multistatus xmlns:d='DAV:'>")
                while True:
                    self.wfile.write(b"<d:response><d:href>/x</d:href></d:response>" * 1000)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    url, result = _publish_to(Endless)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"error: {url}: the server's answer cannot be read while reading the calendar: the answer is larger than 1 MB")
