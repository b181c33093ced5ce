"""A re-export made from what the last one was made from (the same files, options, day and
code: :mod:`planner.outputs.calendar.folder.given`) takes the last export's prints of the
meetings instead of making them, and, as of the same day, finds the folder written
(:func:`~planner.outputs.calendar.folder.feeds.written_before`) without reading the register.
Every input that changes the feeds changes that print: each case changes one, keeps the number
of meetings of each body, and finds the feeds of a folder that reuses byte for byte those of
one that makes every event."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.inputs import register
from planner.outputs.calendar.folder import feeds, given, record, reuse
from planner.outputs.calendar.folder.record import REUSE_FILE
from tests.conftest import ROOT

FOLDERS = (("reusing", 0), ("making", 10**9))  # REUSE_FROM: one records and reuses, one never does


class Exports:
    """The same ``planner ics`` runs into a folder that reuses and one that does not, from
    copies of CICA's files in ``root``; ``prints``: how many bodies' prints each run made."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root, self.monkeypatch = root, monkeypatch
        for name, source in (("rules.toml", "rules/cica.toml"), ("meetings.csv", "examples/cica-meetings.csv"), ("chairs.csv", "examples/cica-chairs.csv")):
            shutil.copyfile(ROOT / source, root / name)
        (root / "plan.txt").write_text("Azerbaijan\nKyrgyzstan\nThailand\n")
        (root / "busy.ics").write_text(_busy("20250101"))
        self.options = ["--rules", str(root / "rules.toml"), "--meetings", str(root / "meetings.csv"), "--chairs", str(root / "chairs.csv"), "--today", "2026-12-01", "--to", "2030"]
        self.prints: list[int] = []
        self.taken: list[bool] = []
        self.read: list[str] = []  # the registers read by each export into "reusing"
        self.said: list[str] = []  # its standard error
        load = register.load_meetings
        monkeypatch.setattr(register, "load_meetings", lambda path, *args, **kwargs: self.read.append(Path(path).name) or load(path, *args, **kwargs))
        made = record._prints
        monkeypatch.setattr(record, "_prints", lambda order, maker: self.prints.append(len(found := made(order, maker))) or found)
        build = reuse.Reused.build
        monkeypatch.setattr(reuse.Reused, "build", lambda this: self.taken.append(done := build(this)) or done)

    def export(self, *extra: str) -> None:
        prints, taken, read = len(self.prints), len(self.taken), len(self.read)
        for name, start in FOLDERS:
            self.monkeypatch.setattr(feeds, "REUSE_FROM", start)
            done = CliRunner().invoke(main, ["ics", *self.options, *extra, "--out", str(self.root / name)])
            assert done.exit_code == 0, done.output
            if name == "reusing":
                prints, taken, read = len(self.prints), len(self.taken), len(self.read)
                self.said.append(done.stderr)
            else:  # the folder that never reuses counts nothing, and reads the register
                assert (len(self.prints), len(self.taken)) == (prints, taken)
                del self.read[read:]

    def files(self, folder: str) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted((self.root / folder).iterdir()) if p.name != REUSE_FILE}

    def same(self) -> None:
        assert self.files("reusing") == self.files("making")


def _busy(day: str) -> str:
    """A calendar to avoid, busy on ``day`` (YYYYMMDD)."""
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:busy@t\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:{day}\r\nSUMMARY:busy\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Exports:
    return Exports(tmp_path, monkeypatch)


def test_the_same_inputs_take_the_last_prints(exports: Exports) -> None:
    """Again from the same files and options, index.html changed since: no print made, the
    last events taken, every file what making them all again writes."""
    exports.export("--avoid", str(exports.root / "busy.ics"), "--plan-file", str(exports.root / "plan.txt"))
    assert exports.prints == []  # the first export into an empty folder compares nothing
    for folder in ("reusing", "making"):  # (else the folder is found written: the next test)
        (exports.root / folder / "index.html").write_text("edited")
    exports.export("--avoid", str(exports.root / "busy.ics"), "--plan-file", str(exports.root / "plan.txt"))
    assert exports.prints == [] and exports.taken == [True, True]  # (the events checked, index.html not as written; then taken)
    exports.same()


def test_a_folder_already_written_is_left_as_it_is(exports: Exports) -> None:
    """Again from the same files, options and day: the register is not read, no file is
    written, and standard error says what the first export said (its warnings too)."""
    with (exports.root / "meetings.csv").open("a") as handle:  # a repeated row: a warning
        handle.write((exports.root / "meetings.csv").read_text().splitlines()[3] + "\n")
    exports.export("--no-projected")
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (exports.root / "reusing").iterdir()}
    exports.export("--no-projected")
    exports.export("--no-projected")
    assert exports.read == ["meetings.csv"]  # by the first only
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (exports.root / "reusing").iterdir()} == before
    assert "repeats an earlier row" in exports.said[0]
    assert exports.said[0] == exports.said[1] == exports.said[2]
    exports.same()


def _cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("summit.ics", lambda data: data.replace(b"SUMMARY:", b"SUMMARY:Edited ", 1)),
        ("summit.ics", lambda data: data.replace(b"X-WR-CALNAME:", b"X-WR-CALNAME:Edited ", 1)),  # the head
        ("all.ics", _cut),
        ("index.html", lambda data: data.replace(b"<title>", b"<title>Edited ", 1)),
        ("project_review_committee.ics", lambda data: data.replace(b"END:VCALENDAR", b"END:VCALENDAR\r\nX", 1)),  # no events
        (".planner-state.json", lambda data: data.replace(b'"sequence":0', b'"sequence":3', 1)),
        (".planner-state.json", lambda data: data[:-10]),
        (REUSE_FILE, lambda data: data.replace(b'"index":"', b'"index":"0', 1)),
    ],
)
def test_a_folder_changed_since_it_was_written_is_written_again(exports: Exports, name: str, change: Callable[[bytes], bytes]) -> None:
    """A file no longer what the last export wrote: the register is read and the folder
    written as where nothing was recorded."""
    exports.export("--no-projected")
    for folder in ("reusing", "making"):
        path = exports.root / folder / name
        if path.exists():
            path.write_bytes(change(path.read_bytes()))
    exports.export("--no-projected")
    assert exports.read == ["meetings.csv", "meetings.csv"]
    exports.same()


def test_tombstones_of_the_same_day_are_left_as_they_are(exports: Exports) -> None:
    """A shrunk register, exported twice the same day: its tombstones (and the state's
    entries of what left) are those of the folder that makes every event."""
    exports.export("--no-projected")
    rows = (exports.root / "meetings.csv").read_text().splitlines(keepends=True)
    (exports.root / "meetings.csv").write_text("".join(rows[:1] + rows[1::2]))
    exports.options[exports.options.index("--today") + 1] = "2026-12-02"
    exports.export("--no-projected")
    exports.export("--no-projected")
    assert exports.read == ["meetings.csv", "meetings.csv"]  # not by the third
    assert b"STATUS:CANCELLED" in (exports.root / "reusing" / "all.ics").read_bytes()
    exports.same()


def _text(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    return change


# each changes what the feeds hold, not how many meetings a body has
CHANGES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "a register's row": (_text("meetings.csv", "Almaty,Kazakhstan", "Astana,Kazakhstan"), ()),
    "a body's name in the rule book": (_text("rules.toml", 'name = "Senior Officials Committee"', 'name = "Committee of Senior Officials"'), ()),
    "the chair register": (_text("chairs.csv", "Azerbaijan,2024-12-17", "Mongolia,2024-12-17"), ()),
    "the plan file": (_text("plan.txt", "Kyrgyzstan\nThailand", "Thailand\nKyrgyzstan"), ()),
    "a calendar to avoid": (lambda root: (root / "busy.ics").write_text(_busy("20270317")), ()),  # the SOC's projected day
    "another day": (lambda root: None, ("--today", "2026-12-02")),
    "a second register": (lambda root: (root / "more.csv").write_text("body,kind,ordinal,start,status,city,country\nsummit,regular,6,2022-10-13,held,Astana,Kazakhstan\n"), ("--meetings", "more.csv")),
    "another plan": (lambda root: None, ("--plan", "Azerbaijan, Thailand")),
}


@pytest.mark.parametrize("case", CHANGES)
def test_an_input_that_changes_the_feeds_makes_them_again(exports: Exports, case: str) -> None:
    """One input changed, each body's number of meetings kept: the prints are compared (or the
    events made), and the feeds are those of a folder that makes every event."""
    change, extra = CHANGES[case]
    base = ["--avoid", str(exports.root / "busy.ics"), "--plan-file", str(exports.root / "plan.txt")]
    if case == "another plan":
        base = ["--avoid", str(exports.root / "busy.ics"), "--plan", "Azerbaijan, Kyrgyzstan, Thailand"]
    exports.export(*base)
    before = exports.files("reusing")
    change(exports.root)
    extra = tuple(str(exports.root / e) if e == "more.csv" else e for e in extra)
    exports.export(*base, *extra)
    exports.same()
    assert exports.files("reusing") != before  # the change shows in the feeds


def test_another_code_compares_the_prints(exports: Exports, monkeypatch: pytest.MonkeyPatch) -> None:
    """planner's own files are of the print: a new version reads the same files anew."""
    exports.export("--no-projected")
    monkeypatch.setattr(given, "_code", lambda: b"another planner")
    exports.export("--no-projected")
    assert exports.prints and exports.taken == [True]
    exports.same()


def test_a_pipe_or_a_file_changed_while_read_has_no_print(tmp_path: Path) -> None:
    """What cannot be read twice, or changed after it was read, gives no print: the prints
    are compared."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert given.given([pipe], {}) is None
    assert given.given([tmp_path / "missing.csv"], {}) is None
    path = tmp_path / "meetings.csv"
    path.write_text("body,kind\n")
    found = given.given([path], {"today": "2026-12-01"})
    assert found is not None and found.key() is not None
    assert found.key() != given.given([path], {"today": "2026-12-02"}).key()  # type: ignore[union-attr]
    path.write_text("body,kind,x\n")
    assert found.key() is None
