"""Twenty-second attacker pass: what an output run may remove, what `diff` reads, and further
hostile inputs and faults."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.inputs import limits, projection_json

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
TODAY = ["--today", "2026-11-26"]

# temporary files of the shape an older planner gave its own (mkstemp's ".<name>.<8>.tmp"), or
# planner's own ".pl-<8>-<8>.tmp", made by another program, or for another file
FOREIGN = (".notes.txt.abcdefgh.tmp", ".db.json.k3j4h5g6.tmp", ".pl-0123abcd-89abcdef.tmp")


def _plant(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in FOREIGN:
        (folder / name).write_text(f"{name}: another program's, half written\n", encoding="utf-8")
    return {name: (folder / name).read_bytes() for name in FOREIGN}


@pytest.mark.parametrize("command", [["check", "-o", "report.txt"], ["project", "--format", "json", "-o", "plan.json"], ["report", "-o", "report.html"]])
def test_an_output_file_removes_no_temporary_file_of_another(tmp_path: Path, command: list[str]) -> None:
    """`check -o report.txt` removed `.notes.txt.abcdefgh.tmp` and `.db.json.k3j4h5g6.tmp` from
    the folder (any name of an older version's temporary shape, of any file): another program's
    write in progress, lost. Only the temporaries of the file written are planner's."""
    planted = _plant(tmp_path)
    out = tmp_path / command[-1]
    result = CliRunner().invoke(main, [*command[:-1], str(out), *TODAY])
    assert result.exit_code in (0, 1), result.output
    assert out.is_file()
    assert {name: (tmp_path / name).read_bytes() for name in FOREIGN} == planted


@pytest.mark.parametrize("body", [[], ["--body", "summit"]])
def test_a_feed_folder_keeps_temporary_files_of_others(tmp_path: Path, body: list[str]) -> None:
    """An export into a folder (its set switched at once, or file by file) kept none of the
    files of a temporary shape it found there (the old folder, swapped out, was removed with
    them); those of files it writes are still cleaned (tests/ical/test_output_sets.py)."""
    out = tmp_path / "feeds"
    runner = CliRunner()
    assert runner.invoke(main, ["ics", *TODAY, "--to", "2028", "--out", str(out)]).exit_code == 0
    planted = _plant(out)
    result = runner.invoke(main, ["ics", "--today", "2026-11-27", "--to", "2028", "--out", str(out), *body])
    assert result.exit_code == 0, result.output
    assert {name: (out / name).read_bytes() for name in FOREIGN} == planted
    (out / "sub").mkdir()  # a folder holding a sub-folder: the set is written file by file
    result = runner.invoke(main, ["ics", "--today", "2026-11-28", "--to", "2028", "--out", str(out), *body])
    assert result.exit_code == 0, result.output
    assert {name: (out / name).read_bytes() for name in FOREIGN} == planted


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder to another user takes root")
def test_a_feed_folder_keeps_its_owner_group_and_mode(tmp_path: Path) -> None:
    """`ics --out` run as root into a folder of another user's (nobody:nogroup, 2770: a web
    server's, its group writing) left a folder of root:root: the swapped-in folder was root's
    own. The new folder takes the old one's owner, group and mode (and extended attributes)."""
    out = tmp_path / "feeds"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    os.chown(out, 65534, 65534)
    os.chmod(out, 0o2770)
    try:
        os.setxattr(out, "user.planner-test", b"kept")
        labelled = True
    except OSError:  # a file system without user attributes
        labelled = False
    result = CliRunner().invoke(main, ["ics", *TODAY, "--to", "2028", "--out", str(out)])
    assert result.exit_code == 0, result.output
    found = out.stat()
    assert (found.st_uid, found.st_gid, stat.S_IMODE(found.st_mode)) == (65534, 65534, 0o2770)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n" and (out / "summit.ics").is_file()
    assert not labelled or os.getxattr(out, "user.planner-test") == b"kept"


def _event(*props: str) -> str:
    lines = "".join(f"{p}\r\n" for p in props)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Busy\r\n{lines}END:VEVENT\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize("prop", ["DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID"])
def test_an_avoid_calendars_tzid_of_several_zones_is_named(tmp_path: Path, prop: str) -> None:
    """`DTSTART;TZID=Asia/Almaty,Europe/Vienna:...` in an --avoid calendar was "DTSTART: Wrong
    datetime format: 20270601T100000", blaming the datetime (a RECURRENCE-ID so: "events cannot
    be read: Cannot access 'dt' on broken property", no place). The parameter and its zones now."""
    zones = "TZID=Asia/Almaty,Europe/Vienna"
    start = f"DTSTART;{zones}:20270601T100000" if prop == "DTSTART" else "DTSTART;TZID=Asia/Almaty:20270601T100000"
    more = [] if prop == "DTSTART" else [f"{prop};{zones}:20280601T120000"]
    busy = tmp_path / "busy.ics"
    busy.write_text(_event(start, "RRULE:FREQ=YEARLY;COUNT=3", *more), encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *TODAY, "--avoid", str(busy)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"error: {busy}: VEVENT 1: {prop}: its TZID parameter names 2 time zones (got 'Asia/Almaty,Europe/Vienna'; expected one time zone, e.g. TZID=Asia/Almaty (RFC 5545 3.2.19))"]


def _saved(tmp_path: Path) -> Path:
    saved = tmp_path / "p.json"
    result = CliRunner().invoke(main, ["project", *TODAY, "--format", "json", "-o", str(saved)])
    assert result.exit_code == 0, result.output
    return saved


def test_diff_refuses_a_projection_of_more_values_than_project_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A meeting listing 12 million short documents (122 MB, under the byte limit) took `diff`
    12.5 s and 983 MB (every string built before any check). Values are counted from the commas
    before the file is parsed, one per 16 bytes of the limit (a real projection: one per 30-37)."""
    saved = _saved(tmp_path)
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["meetings"][0]["documents"] = ["a"] * 5_000
    hostile = tmp_path / "documents.json"
    hostile.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    size = hostile.stat().st_size
    monkeypatch.setattr(projection_json, "MAX_PROJECTION_BYTES", size)
    result = CliRunner().invoke(main, ["diff", str(hostile), str(saved)])
    assert result.exit_code == 2, result.output
    commas = hostile.read_text(encoding="utf-8").count(",")
    assert result.stderr.splitlines() == [f"error: {hostile}: holds {commas:,} JSON values (commas), more than {size // 16:,} (expected the JSON written by `planner project --format json`, some 30 bytes a value (see Limits in the README))"]


def test_diff_refuses_more_meetings_than_project_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A compact file of 2 million meetings of three keys (102 MB) took `diff` 66 s and 2.3 GB:
    objects and arrays are now one per 128 bytes of the limit, and meetings at most 300,000
    (a real projection of 128 MB has some 250,000)."""
    saved = _saved(tmp_path)
    count = len(json.loads(saved.read_text(encoding="utf-8"))["meetings"])
    monkeypatch.setattr(projection_json, "MAX_PROJECTION_MEETINGS", count - 1)
    result = CliRunner().invoke(main, ["diff", str(saved), str(saved)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"error: {saved}: meetings: holds {count:,} meetings, more than {count - 1:,} (expected the JSON written by `planner project --format json`, of at most {count - 1:,} meetings (see Limits in the README))"]


@pytest.mark.parametrize("limit", ["MAX_PROJECTION_MEETINGS", "PROJECTION_BYTES_A_CONTAINER", "PROJECTION_BYTES_A_VALUE"])
def test_project_writes_no_projection_diff_would_refuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str) -> None:
    """`project` counts what it writes as `diff` counts what it reads: past a bound, one line,
    exit 2 and nothing written (the old file kept)."""
    count = len(json.loads(_saved(tmp_path).read_text(encoding="utf-8"))["meetings"])
    monkeypatch.setattr(limits, limit, count - 1 if limit == "MAX_PROJECTION_MEETINGS" else limits.MAX_PROJECTION_BYTES)
    saved = tmp_path / "again.json"
    saved.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *TODAY, "--format", "json", "-o", str(saved)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the projection ") and "the most `planner diff` reads back" in lines[0], lines
    assert saved.read_text(encoding="utf-8") == "old"


def test_report_refuses_a_chair_register_past_the_page_before_judging_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`report --chairs` of 200,000 one-day terms judged every term (over 120 s) before it
    counted what the page would draw and refused it. The terms and the register's meetings
    are counted first: refused in under 2 s CPU, the terms never judged."""
    from planner.cli import report as report_cli
    from planner.engine.chairmanship import plan

    chairs = tmp_path / "chairs.csv"
    chairs.write_text("country,start,end\n" + "".join(f"{'China' if i % 2 else 'India'},{2030 + i}-01-01,{2030 + i}-01-02\n" for i in range(60)), encoding="utf-8")
    monkeypatch.setattr(report_cli, "MAX_REPORT_DRAWN", 50)

    def judged(*args: object, **kwargs: object) -> None:
        raise AssertionError("the chair terms were judged")

    monkeypatch.setattr(plan, "chairs_report", judged)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *TODAY, "--chairs", str(chairs), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ") and "report: the page would draw at least " in result.stderr
    assert "more than 50 (a page to read" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_each_chair_term_looks_at_the_handover_meetings_near_it_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each chair term's handovers were searched through every handover meeting of the
    register and projection: 20,000 Summits and 20,000 terms ran past 300 s (148 s CPU), now
    3.2 s. Counted here as the meetings looked at: a few a term, not all of them."""
    from planner.engine.chairmanship import terms as terms_module

    n = 300
    days = [date(1100, 1, 1) + timedelta(days=3 * i) for i in range(n + 1)]
    meetings = tmp_path / "m.csv"
    meetings.write_text("body,kind,start,status,country\n" + "".join(f"summit,special,{d},held,China\n" for d in days[:n]), encoding="utf-8")
    chairs = tmp_path / "c.csv"
    countries = ("Kazakhstan", "China", "India")
    chairs.write_text("country,start,end\n" + "".join(f"{countries[i % 3]},{days[i]},{days[i + 1]}\n" for i in range(n)), encoding="utf-8")
    looked = 0
    gap = terms_module._gap

    def counted(m: object, when: object) -> timedelta:
        nonlocal looked
        looked += 1
        return gap(m, when)  # type: ignore[arg-type]

    monkeypatch.setattr(terms_module, "_gap", counted)
    result = CliRunner().invoke(main, ["chairs", *TODAY, "--meetings", str(meetings), "--chairs", str(chairs), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert len(json.loads(result.stdout)["terms"]) >= n
    assert looked < 20 * n, looked  # every meeting for every term's two ends: 2 x 300 x 300


@pytest.mark.parametrize(
    ("props", "line"),
    [
        ("DTSTART;VALUE=DATE:20270101\r\nDURATION:P99999999D", "VEVENT 2: the event ends after the year 9999 (got 'P99999999D'; expected events in the years 1000 to 2999)"),
        ("DTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY;COUNT=2\r\nDURATION:P99999999D", "VEVENT 2: the event ends after the year 9999 (expected events in the years 1000 to 2999)"),
        (
            "DTSTART;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY;BYSETPOS=400;BYMONTH=1",
            # (said as dateutil's "UNTIL parameter is missing" until the twenty-fifth pass)
            "VEVENT 2: recurring series has BYSETPOS=400, out of its range (got 'FREQ=YEARLY;BYMONTH=1;BYSETPOS=400'; expected BYSETPOS of 1 to 366 or -366 to -1 (RFC 5545 3.3.10))",
        ),
    ],
)
def test_an_avoid_calendars_event_that_cannot_be_expanded_is_named(tmp_path: Path, props: str, line: str) -> None:
    """In an --avoid calendar, an end past 9999 (DURATION:P99999999D) and a series dateutil
    cannot expand (BYSETPOS=400, said as "UNTIL parameter is missing") were one line without a
    place: "an event ends after the year 9999", "events cannot be read: ...". The event now."""
    ok = "BEGIN:VEVENT\r\nUID:0\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:ok\r\nDTSTART;VALUE=DATE:20270301\r\nRRULE:FREQ=YEARLY;COUNT=2\r\nEND:VEVENT\r\n"
    busy = tmp_path / "busy.ics"
    busy.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{ok}BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Busy\r\n{props}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["project", *TODAY, "--avoid", str(busy)])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"error: {busy}: {line}"]
