"""Who is writing what: one run at a time into a feed folder (an advisory lock held while a
run reads the folder's state and writes its new set, :func:`planner.outputs.file_set.write_set`),
and each temporary file locked by the run that writes it, which another run's cleaning of a
killed run's litter must leave alone."""

from __future__ import annotations

import contextlib
import errno
import importlib.util
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path

from planner.outputs.links import followed

# how long a run waits for another run writing the same feed folder before it gives up
LOCK_WAIT = 60.0


@contextlib.contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Held while a run reads a feed folder's state and writes its new set: a second run into
    the same folder waits for the first (up to :data:`LOCK_WAIT` seconds, then an ``OSError``),
    so two runs never share the staging folder nor both build on one old state (four at once
    used to remove each other's staging folder and all failed, writing nothing). Runs into
    different folders of one parent do not wait for each other.

    An advisory ``flock`` on the folder itself (made if missing, and removed again if still
    empty when the run ends without writing it): the kernel releases it when the process ends,
    even by ``kill -9``, and no lock file is left behind. The exchange that switches the set
    puts a new folder at the path, so once locked the path must still name the locked folder;
    if a run switched it meanwhile, the lock moves to the new one. A published folder that is a
    link locks where its set is. Where the folder cannot be made, opened or locked (another
    system), runs go unlocked, as before.
    """
    if importlib.util.find_spec("fcntl") is None:  # not on a POSIX system
        yield
        return
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        target = Path(folder)
        made = False
        try:
            if target.is_symlink():  # a published folder is often a link: lock where its set is
                target = followed(target)
            if not target.is_dir():
                target.mkdir(parents=True)
                made = True
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:  # not ours to make (the run says why when it writes), or no such system
            fd = -1
        if fd < 0:
            yield
            return
        try:
            if _wait_for(fd, deadline) and not _names(target, fd):
                continue  # another run switched the set while this one waited: lock the new one
            try:
                yield
            finally:
                if made and _names(target, fd):
                    with contextlib.suppress(OSError):
                        os.rmdir(target)  # made for the lock and never written: as it was
            return
        finally:
            os.close(fd)  # releases the lock


def _wait_for(fd: int, deadline: float) -> bool:
    """Lock ``fd`` (exclusive ``flock``), waiting until ``deadline`` (then an ``OSError``):
    True when held, False on a file system without locks."""
    import fcntl

    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise OSError(errno.EBUSY, f"another planner run has been writing this folder for {LOCK_WAIT:.0f} s; try again when it ends") from None
            time.sleep(0.05)
        except OSError:  # a file system without locks
            return False


def _names(path: Path, fd: int) -> bool:
    """Whether ``path`` still names the folder open as ``fd``."""
    try:
        here, held = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)


def unlink_unheld(path: str) -> None:
    """Remove ``path`` unless a live process holds its lock: a run writing the same ``-o``
    file at the same moment (two cron jobs, a person and a job) is writing it, and the name
    is its own (the lock goes with the process, even killed by ``kill -9``). Unlinked while
    this holds the lock, so a writer that takes it after finds its name gone and makes another."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        if not _try_lock(fd):
            return
        with contextlib.suppress(OSError):
            os.unlink(path)
    finally:
        os.close(fd)


def _try_lock(fd: int, wait: bool = False) -> bool:
    """An exclusive ``flock`` on ``fd``: True when held (or where the system has none)."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no one to ask
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def claimed(folder: Path, stem: str) -> tuple[Path, int]:
    """A new temporary file ``{stem}-{random}.tmp`` of ``folder``, open and
    locked for as long as this process writes it, so that another run's cleaning of what a
    killed run left (:func:`planner.outputs.atomic.write_atomic`) leaves it alone; made again
    should that cleaning have taken the name between the file's making and its lock."""
    while True:
        tmp = folder / f"{stem}-{secrets.token_hex(4)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        _try_lock(fd, wait=True)
        try:
            if os.stat(tmp).st_ino == os.fstat(fd).st_ino:
                return tmp, fd
        except FileNotFoundError:
            pass
        os.close(fd)
