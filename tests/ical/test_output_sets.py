"""A feed folder switches as a whole: ``--body`` rewrites only its feeds, a run leaves no
temporary files (and removes those of a killed run), and every file is whole."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.outputs import atomic, file_set
from planner.outputs.calendar.ical import STATE_FILE

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"
FEEDS = {"summit.ics", "council.ics", "committee.ics", "all.ics", "index.html", STATE_FILE}


def ics(out: Path, *extra: str, today: str = "2026-11-26") -> None:
    result = CliRunner().invoke(main, ["ics", "--today", today, "--rules", str(MINIMAL), "--meetings", str(REGISTER), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output + result.stderr


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def events(path: Path) -> int:
    return path.read_text(encoding="utf-8").count("BEGIN:VEVENT")


def test_body_rewrites_only_its_feed(tmp_path: Path) -> None:
    """``--body summit`` into a full folder: only summit.ics (and the state) change; the other
    feeds, all.ics and index.html are left as they were, in the same switch."""
    out = tmp_path / "feeds"
    ics(out)
    before = digests(out)
    ics(out, "--body", "summit", today="2026-11-27")
    after = digests(out)
    assert set(after) == FEEDS
    assert {n for n in FEEDS if after[n] != before[n]} == {"summit.ics", STATE_FILE}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds"]


def test_stale_temporaries_of_ours_are_removed_and_other_files_kept(tmp_path: Path) -> None:
    """What a killed run left (a temporary file of this or an older version, a half-built
    folder beside the target) is removed by the next run; a file the publisher put is kept."""
    out = tmp_path / "feeds"
    ics(out)
    litter = [out / ".summit.ics.k2j4_x9a.tmp", out / f".pl-{atomic._tag(out / 'all.ics')}-0badf00d.tmp"]
    for path in litter:
        path.write_text("half", encoding="utf-8")
    staging = tmp_path / f".pl-{atomic._tag(out)}.new"
    staging.mkdir()
    (staging / "summit.ics").write_text("half", encoding="utf-8")
    (out / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    ics(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds"]
    assert set(digests(out)) == FEEDS | {"robots.txt"}


@pytest.mark.parametrize("fallback", ["no exchange", "sub-folder"])
def test_file_by_file_fallback_is_whole_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fallback: str) -> None:
    """Where folders cannot be exchanged (another system, a folder holding a sub-folder),
    files are replaced one by one, each whole, with no temporary left."""
    out = tmp_path / "feeds"
    ics(out)
    if fallback == "no exchange":

        def refuse(a: Path, b: Path) -> None:
            raise OSError(38, "renameat2 is not available")

        monkeypatch.setattr(file_set, "_exchange", refuse)
    else:
        (out / "archive").mkdir()
        (out / "archive" / "2025.ics").write_text("kept", encoding="utf-8")
    inode = out.stat().st_ino
    ics(out, today="2026-11-27")
    assert out.stat().st_ino == inode  # updated in place
    assert set(digests(out)) >= FEEDS and not [p for p in out.rglob(".pl-*")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds"]
    assert "DTSTAMP:20261127T000000Z" in (out / "all.ics").read_text(encoding="utf-8")


def test_a_linked_folder_stays_a_link(tmp_path: Path) -> None:
    """A published folder that is a symbolic link keeps being one; its target is switched."""
    real = tmp_path / "releases" / "feeds"
    ics(real)
    link = tmp_path / "public"
    link.symlink_to(real, target_is_directory=True)
    ics(link, today="2026-11-27")
    assert link.is_symlink() and "DTSTAMP:20261127T000000Z" in (real / "all.ics").read_text(encoding="utf-8")


def test_longest_body_id_fits_its_temporary_name(tmp_path: Path) -> None:
    """Temporary names are short: a 64-character body id (the limit) writes, and a long output
    file name too."""
    book = tmp_path / "book.toml"
    long_id = "c" * 64
    book.write_text(MINIMAL.read_text(encoding="utf-8").replace('id = "committee"', f'id = "{long_id}"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["ics", "--today", "2026-11-26", "--rules", str(book), "--meetings", str(REGISTER), "--out", str(tmp_path / "f")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "f" / f"{long_id}.ics").is_file()
    name = "x" * 250 + ".csv"
    result = CliRunner().invoke(main, ["bodies", "--rules", str(book), "--format", "csv", "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["book.toml", name]


def test_output_into_a_file_path_is_one_error(tmp_path: Path) -> None:
    """--out naming a file, or a folder under a file, is exit 2 with one line; nothing changes."""
    blocker = tmp_path / "file"
    blocker.write_text("mine", encoding="utf-8")
    for out in (blocker, blocker / "feeds"):
        result = CliRunner().invoke(main, ["ics", "--today", "2026-11-26", "--rules", str(MINIMAL), "--meetings", str(REGISTER), "--out", str(out)])
        assert result.exit_code == 2 and result.stderr.startswith(f"error: {out}: cannot write"), result.stderr
    assert blocker.read_text(encoding="utf-8") == "mine" and sorted(os.listdir(tmp_path)) == ["file"]


def test_csv_output_quotes_a_lone_carriage_return_and_neutralizes_formulas() -> None:
    """A cell with a CR alone stays one quoted cell; a formula after any line break is
    neutralized, so no spreadsheet starts a row with ``=HYPERLINK``."""
    import csv
    import io

    from planner.outputs.formats import to_csv

    text = to_csv(("a", "b"), [("x\r=1+2", "y"), ("=z", "a\n@b"), ("ok", "k")])
    assert text == "a,b\n\"x\r'=1+2\",y\n'=z,\"a\n'@b\"\nok,k\n"
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ["x\r'=1+2", "y"], ["'=z", "a\n'@b"], ["ok", "k"]]


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "data:text/html,x", "ftp://example.org", "https://", "https://exa mple.org", 'https://x.org/"onload="'])
def test_base_url_takes_only_web_addresses(tmp_path: Path, url: str) -> None:
    """--base-url other than http, https or webcal with a host is a usage error, nothing written."""
    result = CliRunner().invoke(main, ["ics", "--today", "2026-11-26", *("--rules", str(MINIMAL), "--meetings", str(REGISTER)), "--out", str(tmp_path / "f"), "--base-url", url])
    assert result.exit_code == 2 and "is not a web address" in result.stderr and not (tmp_path / "f").exists()


def test_another_rule_book_without_meetings_gets_no_cica_register() -> None:
    """--rules of another organization without --meetings: an empty register and one note,
    never CICA's meetings judged against another rule book."""
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-26", "--rules", str(MINIMAL)])
    assert result.exit_code in (0, 1)
    assert [line for line in result.stderr.splitlines()] == [f"note: {MINIMAL} is not the embedded CICA rule book, so CICA's register is not used: no meetings recorded (give --meetings FILE)"]
