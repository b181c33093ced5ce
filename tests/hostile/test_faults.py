"""Faults: a run killed at any step of writing, a full or read-only disk, another locale or
time zone. Output is the old set or the new one, whole; nothing is left behind once the next
run is done; the same input gives the same bytes whatever the environment."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"
ROTATING = HERE.parent / "examples" / "rotating-chair.toml"
GIVEN = ["--rules", str(MINIMAL), "--meetings", str(REGISTER)]

# Runs planner in a child process that kills itself (SIGKILL, as kill -9) at the n-th call
# of one step of the writing code: the moment a real crash or kill could come.
KILLER = """
import os, shutil, signal, sys
from planner.outputs import atomic, file_set
owner, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
target = {"atomic": atomic, "file_set": file_set, "os": os, "shutil": shutil}[owner]
original, calls = getattr(target, name), [0]
def step(*args, **kwargs):
    calls[0] += 1
    if calls[0] == n:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)
setattr(target, name, step)
from planner.cli import main
main(sys.argv[4:])
"""


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def ics(out: Path, today: str) -> CliRunner:
    result = CliRunner().invoke(main, ["ics", "--today", today, *GIVEN, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return result


def killed(args: list[str], owner: str, name: str, n: int) -> None:
    done = subprocess.run([sys.executable, "-c", KILLER, owner, name, str(n), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


@pytest.mark.parametrize(
    ("owner", "name", "n"),
    [("atomic", "_write_file", 1), ("atomic", "_write_file", 4), ("file_set", "_exchange", 1), ("shutil", "rmtree", 2)],
    ids=["first-file", "fourth-file", "before-exchange", "after-exchange"],
)
def test_kill_during_ics_leaves_old_or_new_set(tmp_path: Path, owner: str, name: str, n: int) -> None:
    """kill -9 while ``ics --out`` writes: the folder holds the old set or the new one, whole
    and never mixed; the next run leaves no temporary file or folder behind."""
    old, new, work = tmp_path / "old" / "feeds", tmp_path / "new" / "feeds", tmp_path / "work" / "feeds"
    ics(old, "2026-11-26")
    shutil.copytree(old, new)
    ics(new, "2026-11-27")
    shutil.copytree(old, work)
    killed(["ics", "--today", "2026-11-27", *GIVEN, "--out", str(work)], owner, name, n)
    assert digests(work) in (digests(old), digests(new))
    ics(work, "2026-11-27")
    assert digests(work) == digests(new)
    assert sorted(os.listdir(work.parent)) == ["feeds"]


def test_kill_during_output_file_leaves_old_file(tmp_path: Path) -> None:
    """kill -9 just before ``-o FILE`` is replaced: the old file is whole; the next run to the
    same file removes the temporary."""
    target = tmp_path / "check.json"
    args = ["check", "--today", "2026-11-26", *GIVEN, "--format", "json", "-o", str(target)]
    target.write_text("old\n", encoding="utf-8")
    killed(args, "os", "replace", 1)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert CliRunner().invoke(main, args).exit_code in (0, 1)
    assert sorted(os.listdir(tmp_path)) == ["check.json"] and target.read_text(encoding="utf-8").startswith("{")


def test_same_bytes_whatever_hash_seed_time_zone_and_locale(tmp_path: Path) -> None:
    """PYTHONHASHSEED, TZ and the locale change nothing in any output."""
    script = (
        "import sys; from click.testing import CliRunner; from planner.cli import main; out = sys.argv[1]; "
        f"g = ['--today', '2026-11-26', '--rules', {str(ROTATING)!r}, '--meetings', {str(ROTATING.with_name('rotating-chair-meetings.csv'))!r}, '--chairs', {str(ROTATING.with_name('rotating-chair-chairs.csv'))!r}]; "
        "[CliRunner().invoke(main, a) for a in (['ics', *g, '--out', out + '/feeds'], ['check', *g, '--format', 'json', '-o', out + '/check.json'], "
        "['project', *g, '--format', 'csv', '-o', out + '/project.csv'], ['chairs', *g, '-o', out + '/chairs.txt'])]"
    )
    outputs = []
    for k, (seed, zone, locale) in enumerate([("1", "Pacific/Kiritimati", "C"), ("2", "America/Adak", "C.UTF-8")]):
        out = tmp_path / str(k)
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": locale, "LANG": locale}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env, timeout=300)
        outputs.append({str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert len(outputs[0]) >= 5 and outputs[0] == outputs[1]


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 256 KB tmpfs: full and read-only disks for real. Needs root and mount (so it runs in
    CI and here); skipped, with the reason, where the machine does not allow it."""
    yield from tmpfs(tmp_path, "256k")


def tmpfs(tmp_path: Path, size: str):  # noqa: ANN201
    """A tmpfs of ``size`` at ``tmp_path/disk`` while the generator runs (see small_disk)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 1024)
        except OSError:
            pass
    return filler


def test_full_disk_is_one_error_and_the_old_set_stays(small_disk: Path) -> None:
    """No space left: exit 2 with one line, the previous feeds and file untouched, nothing left."""
    feeds = small_disk / "feeds"
    ics(feeds, "2026-11-26")
    before = digests(feeds)
    report = small_disk / "check.txt"
    report.write_text("old\n", encoding="utf-8")
    filler = _fill(small_disk)
    for args in (["ics", "--today", "2026-11-27", *GIVEN, "--out", str(feeds)], ["check", "--today", "2026-11-27", *GIVEN, "-o", str(report)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "no space left on the device holding" in result.stderr, result.stderr
    assert digests(feeds) == before and report.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(small_disk)) == ["check.txt", "feeds", "filler"]
    filler.unlink()
    ics(feeds, "2026-11-27")


def test_read_only_disk_is_one_error(small_disk: Path) -> None:
    """A read-only target: exit 2 with one line naming it; the old set stays."""
    feeds = small_disk / "feeds"
    ics(feeds, "2026-11-26")
    before = digests(feeds)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = CliRunner().invoke(main, ["ics", "--today", "2026-11-27", *GIVEN, "--out", str(feeds)])
    assert result.exit_code == 2 and result.stderr == (f"error: {feeds}: cannot write: {feeds} is on a read-only file system (expected a path on a file system that can be written)\n"), result.stderr
    assert digests(feeds) == before
