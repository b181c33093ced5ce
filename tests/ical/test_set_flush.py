"""A feed folder's new set is on disk before it switches: one ``syncfs`` of the file system
where Linux has it, else an ``fsync`` of every file; a failed flush never switches the set."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from planner.outputs import atomic, file_set

FILES = {"a.ics": b"A\r\n", "b.ics": b"B\r\n", "index.html": b"<p>new</p>\n"}


def old_set(tmp_path: Path) -> Path:
    target = tmp_path / "feeds"
    target.mkdir()
    for name in FILES:
        (target / name).write_bytes(b"old\n")
    return target


def test_the_set_is_flushed_once_before_it_switches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One flush of the whole staging folder, before the exchange; no fsync per file."""
    target = old_set(tmp_path)
    seen: list[str] = []
    real_syncfs, real_exchange, real_fsync = atomic._syncfs, file_set._exchange, os.fsync

    def syncfs(folder: Path) -> bool:
        seen.append("syncfs " + ",".join(sorted(p.name for p in folder.iterdir())))
        return real_syncfs(folder)

    def fsync(fd: int) -> None:
        if os.path.isfile(f"/proc/self/fd/{fd}"):
            seen.append("fsync of a file")
        real_fsync(fd)

    monkeypatch.setattr(atomic, "_syncfs", syncfs)
    monkeypatch.setattr(file_set, "_exchange", lambda a, b: (seen.append("exchange"), real_exchange(a, b)))
    monkeypatch.setattr(os, "fsync", fsync)
    file_set.write_set(target, FILES, list(FILES))
    assert seen[:2] == ["syncfs a.ics,b.ics,index.html", "exchange"]
    assert "fsync of a file" not in seen
    assert {p.name: p.read_bytes() for p in target.iterdir()} == FILES


@pytest.mark.skipif(sys.platform != "linux", reason="names of open files from /proc")
def test_without_syncfs_every_file_is_fsynced_before_the_switch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A system without syncfs: each file of the set has its own fsync, all before the exchange."""
    target = old_set(tmp_path)
    libc = atomic._libc()
    monkeypatch.setattr(atomic, "_libc", lambda: SimpleNamespace(renameat2=getattr(libc, "renameat2", None)))
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.path.basename(os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    real_exchange = file_set._exchange
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(file_set, "_exchange", lambda a, b: (synced.append("exchange"), real_exchange(a, b)))
    file_set.write_set(target, FILES, list(FILES))
    assert set(FILES) <= set(synced[: synced.index("exchange")])
    assert {p.name: p.read_bytes() for p in target.iterdir()} == FILES


def test_a_failed_flush_never_switches_the_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write-back error reported by the flush (EIO): the old set stays whole, nothing of ours
    is left beside it or in it, and the error reaches the caller."""
    target = old_set(tmp_path)

    def failed(folder: Path) -> bool:
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(folder))

    monkeypatch.setattr(atomic, "_syncfs", failed)
    with pytest.raises(OSError, match="Input/output error"):
        file_set.write_set(target, FILES, list(FILES))
    assert {p.name: p.read_bytes() for p in target.iterdir()} == dict.fromkeys(FILES, b"old\n")
    assert sorted(os.listdir(tmp_path)) == ["feeds"]


@pytest.mark.skipif(sys.platform != "linux", reason="syncfs(2) is Linux's")
def test_syncfs_is_used_on_linux(tmp_path: Path) -> None:
    """Linux's C library has syncfs, and it flushes a real folder."""
    assert atomic._syncfs(tmp_path) is True
