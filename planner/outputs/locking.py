"""One run at a time into a feed folder: an advisory lock held while a run reads the folder's
state and writes its new set (:func:`planner.outputs.atomic.write_set`)."""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

# how long a run waits for another run writing the same feed folder before it gives up
LOCK_WAIT = 60.0


@contextlib.contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Held while a run reads a feed folder's state and writes its new set: a second run into
    the same folder waits for the first (up to :data:`LOCK_WAIT` seconds, then an ``OSError``),
    so two runs never share the staging folder nor both build on one old state (four at once
    used to remove each other's staging folder and all failed, writing nothing).

    An advisory ``flock`` on the folder's parent, which the exchange does not move: the kernel
    releases it when the process ends, even by ``kill -9``, and no lock file is left behind.
    Where the parent cannot be opened or locked (another system), runs go unlocked, as before.
    """
    try:
        import fcntl
    except ImportError:  # not on a POSIX system
        yield
        return
    target = Path(folder)
    with contextlib.suppress(OSError, RuntimeError):
        target = target.resolve()  # a published folder is often a link: lock where its set is
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(target.parent, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OSError(errno.EBUSY, f"another planner run has been writing this folder for {LOCK_WAIT:.0f} s; try again when it ends") from None
                time.sleep(0.05)
            except OSError:  # a file system without locks
                break
        yield
    finally:
        os.close(fd)  # releases the lock
