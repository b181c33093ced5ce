"""Fifteenth attacker pass: the work of a rule book at its bounds, output paths that say what
is wrong with them, no record a feed folder's last export did not write."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.engine.cadence import every
from planner.engine.planning.placement.working import WorkingCalendar
from planner.outputs.calendar.folder import feeds
from planner.outputs.calendar.folder.feeds import write_feeds
from planner.outputs.calendar.folder.record import REUSE_FILE
from tests.hostile.test_faults import tmpfs
from tests.ical.test_feed_lines import STAMP, example

TODAY = ["--today", "2026-11-26"]
_HEAD = """[organization]
id = "lim"
name = "Limits Org"
short_name = "LO"
secretariat = { city = "Geneva", country = "Switzerland" }
"""


def _body(ident: str, rule: str) -> str:
    return f'\n[[bodies]]\nid = "{ident}"\nname = "{ident.upper()}"\ncategory = "working"\nestablished = 2000\n[[bodies.rules]]\n{rule}\n'


def _book(tmp_path: Path, *bodies: str) -> list[str]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "m.csv"
    rules.write_text(_HEAD + "".join(bodies), encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,city,country,status\n", encoding="utf-8")
    return ["--rules", str(rules), "--meetings", str(meetings)]


def _counting(monkeypatch: pytest.MonkeyPatch, owner: type, name: str, static: bool = False) -> list[int]:
    calls = [0]
    original = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, staticmethod(counted) if static else counted)
    return calls


def test_a_daily_chain_founded_centuries_before_the_horizon_is_not_walked_from_its_founding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`every 1d` founded in 2000, projected in 2900: once its first meeting was placed, the
    chain was rebuilt from the founding, a window a day up to 100,000 (the guard) for each
    body, before the next placement (4.6 s of a 10-year run of README's bounds' book)."""
    given = _book(tmp_path, _body("daily", 'kind = "every"\ninterval = "1d"'))
    # (--today the day before --from: a projection runs from --today, and --from only cuts it)
    windows = _counting(monkeypatch, every, "next_window")
    result = CliRunner().invoke(main, ["project", *given, "--today", "2899-12-31", "--from", "2900-01-01", "--to", "2900-03-31", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"projected_meetings": 63' in result.stdout or result.stdout.count('"status": "projected"') > 50
    assert windows[0] < 1_000


def test_a_window_with_fewer_days_than_meetings_is_a_problem_without_a_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """366 meetings a year on weekdays: no year has the days. Each target was searched for over
    the whole year, then each packed day again (10 million questions for 100 years of the
    bounds' book); now the Problem comes at once, in the words it had."""
    given = _book(tmp_path, _body("y366", 'kind = "at_least"\ncount = 366\nper = "year"'))
    searches = _counting(monkeypatch, WorkingCalendar, "place")
    result = CliRunner().invoke(main, ["project", *given, "--today", "2899-12-31", "--from", "2900-01-01", "--to", "2901-12-31"])
    assert result.exit_code == 0, result.output
    assert searches[0] == 0
    said = " ".join(result.stdout.split())
    assert "Y366: 366 meetings of one working day in Switzerland do not fit in 2900-01-01..2900-12-31" in said
    assert "nothing was projected for 2900" in said and "nothing was projected for 2901" in said


def test_a_window_with_just_enough_days_is_still_placed(tmp_path: Path) -> None:
    """The shortcut asks the days there are, not the days free: 5 a week on weekdays fit."""
    given = _book(tmp_path, _body("w5", 'kind = "at_least"\ncount = 5\nper = "week"'))
    result = CliRunner().invoke(main, ["project", *given, "--today", "2899-12-31", "--from", "2900-01-04", "--to", "2900-01-31", "--format", "csv"])
    assert result.exit_code == 0, result.output
    days = [line.split(",")[3] for line in result.stdout.splitlines()[1:] if line.startswith("w5,")]  # (body, kind, ordinal, start)
    assert len(days) == 20 and len(set(days)) == 20


# -- output paths: what is wrong with each ---------------------------------------------------


def _plain_user() -> list[str] | None:
    """Run as root without the power to write any file (as test_hostile5), or as it is."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"] if setpriv else None


@pytest.mark.parametrize(
    ("made", "given", "said"),
    [
        ("folder", "out", "it is a folder (expected the path of a file to write, not of a folder)"),
        ("file", "out/report.txt", "{root}/out is a file, not a folder (expected a path whose every folder is a folder or can be made)"),
        ("file", "out/a/b/report.txt", "{root}/out is a file, not a folder (expected a path whose every folder is a folder or can be made)"),
        ("loop", "out", "it is a link that leads back to itself (expected a file, or a link to one)"),
        ("dangling", "out", "is a link to {root}/nowhere/report.txt, in a folder that does not exist (planner makes no folder a link points into) (expected a link of this user's into a folder that exists, or another path)"),
        ("none", "x" * 300, "it, or a name in it, is too long for the file system (expected names of at most 255 bytes, a path of at most 4,096)"),
    ],
)
def test_an_output_path_says_what_is_wrong_with_it(tmp_path: Path, made: str, given: str, said: str) -> None:
    """Each said "cannot write: Is a directory (expected a writable file path or folder)" or
    the like: the cause in the system's words, nothing of the path or of what to give."""
    out = tmp_path / "out"
    if made == "folder":
        out.mkdir()
    elif made == "file":
        out.write_text("mine\n", encoding="utf-8")
    elif made == "loop":
        out.symlink_to("out")
    elif made == "dangling":
        out.symlink_to(tmp_path / "nowhere" / "report.txt")
    target = tmp_path / given
    result = CliRunner().invoke(main, ["check", *TODAY, "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: cannot write: {said.format(root=tmp_path)}\n"
    assert not (tmp_path / "nowhere").exists()
    if made == "file":
        assert out.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("inside", ["", "sub"])
def test_a_feed_folder_that_is_a_file_says_so(tmp_path: Path, inside: str) -> None:
    """`ics --out` onto a file, or below one: which path is the file, and the file kept."""
    made = tmp_path / "feeds"
    made.write_text("mine\n", encoding="utf-8")
    target = made / inside if inside else made
    result = CliRunner().invoke(main, ["ics", *TODAY, "--out", str(target)])
    assert result.exit_code == 2
    said = "it is a file, not a folder (expected a folder for the feeds, or a path where one can be made)" if not inside else f"{made} is a file, not a folder (expected a path whose every folder is a folder or can be made)"
    assert result.stderr == f"error: {target}: cannot write: {said}\n"
    assert made.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("args", [["check", *TODAY, "-o"], ["ics", *TODAY, "--out"], ["init"]])
def test_a_folder_this_user_may_not_write_in_is_named(tmp_path: Path, args: list[str]) -> None:
    """No permission: the folder that refuses, not "Permission denied" of a temporary name."""
    prefix = _plain_user()
    if prefix is None:
        pytest.skip("needs setpriv(1) to run as root without DAC override")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    target = locked / "out"
    try:
        run = subprocess.run([*prefix, sys.executable, "-m", "planner", *args, str(target)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    finally:
        locked.chmod(0o755)
    assert run.returncode == 2, run.stderr
    assert run.stderr == f"error: {target}: cannot write: no permission to write in {locked} (expected a folder this user may write in)\n"
    assert os.listdir(locked) == []


# -- the record of a feed folder --------------------------------------------------------------


def test_an_export_that_records_nothing_leaves_no_record_of_the_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export of 20,000 events or more leaves a record of them; a later one of fewer left
    that record beside feeds it no longer described. It matched no file (so it was never
    used), but the folder held what its last export did not write: the switch drops it, and
    the next large export gives the bytes of a folder that never had one."""
    book, meetings = example("cica")
    made: list[dict[str, bytes]] = []
    steps = [(meetings, STAMP), (meetings[::2], datetime(2026, 12, 2, tzinfo=UTC)), (meetings, datetime(2026, 12, 3, tzinfo=UTC))]
    for folder, records in (("recorded", (True, False, True)), ("plain", (False, False, True))):
        for (given, stamp), record in zip(steps, records, strict=True):
            monkeypatch.setattr(feeds, "REUSE_FROM", 1 if record else len(meetings) + 1)
            write_feeds(book, given, tmp_path / folder, stamp)
            assert (tmp_path / folder / REUSE_FILE).is_file() is record
            files = {p.name: p.read_bytes() for p in (tmp_path / folder).iterdir()}
            if folder == "plain":
                recorded = made.pop(0)
                if given is not steps[0][0] or stamp != STAMP:  # (the first exports differ by their record alone)
                    assert files == recorded
            else:
                made.append(files)


def test_a_folder_at_the_record_name_is_kept_by_an_export_that_records_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a file planner wrote is dropped: a folder of that name is someone else's."""
    book, meetings = example("cica")
    folder = tmp_path / "feeds"
    (folder / REUSE_FILE).mkdir(parents=True)
    (folder / REUSE_FILE / "notes.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.setattr(feeds, "REUSE_FROM", len(meetings) + 1)
    write_feeds(book, meetings, folder, STAMP)
    assert (folder / REUSE_FILE / "notes.txt").read_text(encoding="utf-8") == "mine\n"


# -- a full disk under a forked export ---------------------------------------------------------


@pytest.fixture
def disk_2m(tmp_path: Path):  # noqa: ANN201
    """A 2 MB tmpfs (test_faults.small_disk's 256 KB holds no CICA feed set)."""
    yield from tmpfs(tmp_path, "2m")


@pytest.mark.parametrize("free_kb", [0, 64, 300])
def test_a_full_disk_under_a_forked_export_keeps_the_old_set(disk_2m: Path, monkeypatch: pytest.MonkeyPatch, free_kb: int) -> None:
    """Three processes making the events into spools beside the feeds (O_TMPFILE) on a disk
    that fills at the start, in the spools or in the new set (CICA's is some 450 KB): one
    line, exit 2, every file of the old set as it was, nothing of the run left."""
    feeds_dir = disk_2m / "feeds"
    assert CliRunner().invoke(main, ["ics", *TODAY, "--out", str(feeds_dir)]).exit_code == 0
    before = {p.name: p.read_bytes() for p in feeds_dir.iterdir()}
    room = os.statvfs(disk_2m)
    with (disk_2m / "filler").open("wb") as filler:
        filler.write(b"\0" * max(0, room.f_bavail * room.f_frsize - free_kb * 1024))
    monkeypatch.setenv("PLANNER_WORKERS", "3")
    result = CliRunner().invoke(main, ["ics", "--today", "2026-11-27", "--out", str(feeds_dir)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {feeds_dir}: cannot write: no space left on the device holding {feeds_dir}; nothing was replaced (expected room for the whole output)\n"
    assert {p.name: p.read_bytes() for p in feeds_dir.iterdir()} == before
    assert sorted(os.listdir(disk_2m)) == ["feeds", "filler"]
