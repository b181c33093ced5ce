"""Only runs into the same feed folder wait for each other: two exports into sibling folders
(``/srv/feeds/a`` and ``/srv/feeds/b``) run at once, and a run that waited while another
switched the folder's set locks the new set, not the old folder the exchange moved aside."""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.outputs import file_set, locking

HERE = Path(__file__).resolve().parent.parent
MINIMAL = HERE / "rulebooks" / "valid" / "minimal.toml"
REGISTER = HERE / "registers" / "bom_utf8.csv"
ICS = ["ics", "--today", "2026-11-26", "--rules", str(MINIMAL), "--meetings", str(REGISTER), "-q", "--out"]


def held(folder: Path) -> bool:
    """Whether some open lock holds ``folder`` (tried on a fresh open, released at once)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def test_a_sibling_folder_is_written_while_another_is_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Held on ``a``, an export into ``b`` beside it finishes (the lock was the parent's: it
    waited LOCK_WAIT and failed); an export into ``a`` itself still waits and gives up."""
    monkeypatch.setattr(locking, "LOCK_WAIT", 0.2)
    a, b = tmp_path / "feeds" / "a", tmp_path / "feeds" / "b"
    with locking.folder_lock(a):
        sibling = CliRunner().invoke(main, [*ICS, str(b)])
        assert sibling.exit_code == 0, sibling.output
        same = CliRunner().invoke(main, [*ICS, str(a)])
        assert held(a) and not held(b)
    assert "all.ics" in os.listdir(b)
    assert same.exit_code == 2 and "another planner run has been writing this folder" in same.output
    assert not a.exists()  # made for the lock, never written: gone again
    assert sorted(os.listdir(tmp_path / "feeds")) == ["b"]


def test_a_run_that_waited_while_the_set_was_switched_locks_the_new_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The exchange puts a new folder at the path while a second run waits on the old one: the
    second run, once it has the old folder, finds the path names another and locks that, so a
    third run cannot take the new set from under it."""
    out = tmp_path / "feeds"
    file_set.write_set(out, {"index.html": b"first"})
    waiting = threading.Event()
    tries: list[int] = []
    wait_for = locking._wait_for

    def counted(fd: int, deadline: float) -> bool:
        tries.append(os.fstat(fd).st_ino)
        waiting.set()
        return wait_for(fd, deadline)

    seen: dict[str, object] = {}

    def second() -> None:
        with locking.folder_lock(out):
            seen["ino"] = os.stat(out).st_ino
            seen["held"] = held(out)
            seen["text"] = (out / "index.html").read_bytes()

    first = locking.folder_lock(out)
    first.__enter__()
    old = os.stat(out).st_ino
    monkeypatch.setattr(locking, "_wait_for", counted)
    thread = threading.Thread(target=second)
    try:
        thread.start()
        assert waiting.wait(timeout=30)
        file_set.write_set(out, {"index.html": b"second"})  # the first run switches the set
        new = os.stat(out).st_ino
        assert new != old
    finally:
        first.__exit__(None, None, None)
        thread.join(timeout=60)
    assert not thread.is_alive()
    assert tries == [old, new]
    assert seen == {"ino": new, "held": True, "text": b"second"}
    assert not held(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds"]
