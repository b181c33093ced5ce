"""Nothing lost: an output replaces what was there whole, or not at all.

A single file (``-o FILE``) is written to a short temporary name beside it, flushed to disk
(``fsync``), then renamed over the target; the folder is flushed too, so after a crash or a
power cut the target is the old file or the new one, never a torn one. A set of files that
must switch together (a feed folder) is :mod:`planner.outputs.file_set`'s, built of the pieces
here: a file written and flushed, a folder flushed at once, the temporaries a killed run left.

Temporary names are short (a body id of 250 characters still fits), are ours by their shape
(``.pl-`` prefix), and a run removes those a killed run left behind of the files it writes.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from planner.outputs.links import followed
from planner.outputs.locking import claimed, unlink_unheld

_TEMP_PREFIX = ".pl-"
# ours: ".pl-<tag>-<random>.tmp" files, ".pl-<tag>.new" folders, and the names of older
# versions (mkstemp's ".<name>.<8 chars>.tmp"), where <tag> and <name> are of a file the run
# writes: a name of this shape for another file (another program's atomic write in the same
# folder, `.db.json.k3j4h5g6.tmp`) is not ours to remove
_STALE_FILE = re.compile(r"^(?:\.pl-(?P<tag>[0-9a-f]{8})-[0-9a-f]{8}\.tmp|\.(?P<name>.+\.(?:ics|html|json|txt|md|csv))\.[a-z0-9_]{8}\.tmp)$")


def _tag(path: Path | str) -> str:
    """A short tag of a target's name: its temporaries carry it, so a run cleans its own."""
    name = path if isinstance(path, str) else path.name
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def _stale(names: Iterable[str]) -> Callable[[str], bool]:
    """Whether an entry's name is a temporary file a killed run left of one of ``names`` (the
    files a run writes into the folder), by its shape: no other file is ever removed."""
    names = frozenset(names)
    tags = frozenset(map(_tag, names))

    def ours(entry: str) -> bool:
        found = _STALE_FILE.match(entry)
        return found is not None and (found["tag"] in tags if found["tag"] else found["name"] in names)

    return ours


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every system can open a folder for fsync
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class Spooled:
    """A file's whole content, already written to an unnamed file (:func:`spool`): placed by
    a hard link to it where the file system allows (Linux ``O_TMPFILE``: the bytes are written
    once, not once to the spool and again to the file: some 300 MB less for a feed folder of
    300,000 events), else copied. The handle stays the caller's to close."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle

    def place(self, path: Path) -> bool:
        """``path`` (new) holding the spool's bytes: True when linked, False when copied."""
        self.handle.flush()
        fd = self.handle.fileno()
        with contextlib.suppress(OSError):  # not that kind of file, another file system, no /proc: copied
            folder = os.open(path.parent, os.O_RDONLY)
            try:  # an O_TMPFILE file without O_EXCL takes a name; with a dir_fd, os.link is
                # linkat(AT_SYMLINK_FOLLOW), without one link(2), which would link the /proc entry
                os.link(f"/proc/self/fd/{fd}", path.name, dst_dir_fd=folder)
                return True
            finally:
                os.close(folder)
        size = os.fstat(fd).st_size
        with path.open("xb") as out:
            for at in range(0, size, 1 << 20):
                out.write(os.pread(fd, min(1 << 20, size - at), at))
        return False


def spool(near: Path) -> IO[bytes]:
    """An unnamed temporary file (a killed run leaves nothing), on the file system of the
    folder ``near`` when it can be, and one that :class:`Spooled` can give a name there."""
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no O_TMPFILE (not Linux)
        return os.fdopen(os.open(near, os.O_TMPFILE | os.O_RDWR, 0o600), "w+b")
    try:
        return tempfile.TemporaryFile(dir=near)
    except OSError:
        return tempfile.TemporaryFile()


Content = str | bytes | Iterable[str] | Iterable[bytes] | Callable[[], Iterable[bytes]] | Spooled


def _write_file(path: Path, data: Content, sync: bool = True, fd: int | None = None) -> None:
    """Write ``path`` (new, or made and open as ``fd``: :func:`planner.outputs.locking.claimed`)
    and, with ``sync``, flush it to disk (``fsync``)."""
    if isinstance(data, Spooled):
        data.place(path)
        os.chmod(path, 0o644)
        if sync:
            fd = os.open(path, os.O_RDWR)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        return
    if callable(data):  # a producer: called at each try, so a file can be written again
        data = data()
    pieces = [data] if isinstance(data, str | bytes) else data
    with path.open("xb") if fd is None else os.fdopen(fd, "wb", closefd=False) as handle:
        for piece in pieces:
            handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())
    os.chmod(path, 0o644)  # a web server must read published files


def _sync_folder(folder: Path, names: Iterable[str]) -> None:
    """Flush the files ``names`` of ``folder`` (written without ``fsync``) and the folder to
    disk before anything makes them visible: one ``syncfs(2)`` of the file system that holds
    the folder where Linux offers it, else one ``fsync`` per file. The guarantee is the same
    (every byte of the set is on disk before the set switches); the cost is not: one fsync
    per file is one journal commit per file, and 1,000 feeds of 160 KB took 6.9 s against
    0.3 s for one syncfs on this machine's ext4."""
    if _syncfs(folder):
        return
    for name in names:
        fd = os.open(folder / name, os.O_RDWR)  # some systems fsync only what is open for writing
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(folder)


def _syncfs(folder: Path) -> bool:
    """``syncfs(2)`` of the file system holding ``folder``: True when done, False where the
    system has none. An error it reports (a failed write-back, since Linux 5.8) is raised as
    an ``OSError``: the set must not switch."""
    syncfs = getattr(_libc(), "syncfs", None)
    if syncfs is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        done = syncfs(fd)
        code = ctypes.get_errno()
    finally:
        os.close(fd)
    if done == 0:
        return True
    if code in (errno.ENOSYS, errno.EINVAL):
        return False
    raise OSError(code, os.strerror(code), str(folder))


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """The C library (for renameat2 and syncfs), loaded once; None where there is none."""
    try:
        return ctypes.CDLL(None, use_errno=True)
    except (OSError, TypeError):  # TypeError: no C library by that name (Windows)
        return None


def _clean_stale_files(folder: Path, names: Iterable[str]) -> None:
    """Remove temporary files of our naming left by a killed run writing one of ``names`` into
    ``folder``, never one a running writer holds (:func:`planner.outputs.locking.claimed`)."""
    ours = _stale(names)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if ours(entry.name):
                unlink_unheld(entry.path)


def write_atomic(path: str | Path, data: Content) -> None:
    """Write ``data`` (text, bytes, or pieces of text written as they come) to ``path`` so
    that a reader (a person, a calendar client fetching a feed) never sees half a file, even
    after a crash."""
    path = Path(path)
    kind = _kind(path)
    if kind == "special":
        # a device, pipe or socket (-o /dev/stdout, /dev/null, a FIFO): written as it is. A
        # rename would put a regular file in its place (run as root: no more /dev/null).
        _write_stream(path, data)
        return
    if kind == "link":
        path = followed(path)  # keep the link: replace the file it points to
    mode = _kept_mode(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tag = _tag(path)
    _clean_stale_files(path.parent, [path.name])
    tmp, fd = claimed(path.parent, f"{_TEMP_PREFIX}{tag}")
    try:
        _write_file(tmp, data, fd=fd)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)  # the lock goes with it, once the file has its name
    _fsync_dir(path.parent)


def _kept_mode(path: Path) -> int | None:
    """The permissions of the file ``path`` replaces, which the new file keeps (a report kept
    private, 0600, must not become readable by all), or ``None`` when there is none. A file this
    user may not write is refused, as a shell's ``>`` would refuse it: the rename that replaces
    it needs only the folder's permission, and would overwrite a file made read-only to keep it."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(found.st_mode):
        return None
    if not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, "is read-only", str(path))
    return stat.S_IMODE(found.st_mode)


def _kind(path: Path) -> str:
    """``special`` for a device, pipe or socket (the link followed), ``link`` for a symbolic
    link to a file (or to nothing yet), else ``file`` (a regular file, a folder, nothing)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise  # a link that leads back to itself: no file to write through, not ours to replace
        mode = 0
    if mode and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return "special"
    folder = os.path.realpath(path.parent)
    if mode and (folder == "/dev" or folder.startswith(("/dev/", "/proc/"))):
        # /dev/stdout, /dev/fd/3 lead to a file the shell opened (> or >>): written through
        # it, at its end, never renamed over (that would drop what >> kept)
        return "special"
    return "link" if path.is_symlink() else "file"


def _write_stream(path: Path, data: Content) -> None:
    if callable(data):
        data = data()
    pieces = [data] if isinstance(data, str | bytes) else data
    try:  # without waiting: a FIFO no program reads from would block the open forever
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_APPEND)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "no program reads from this pipe", str(path)) from None
        raise
    os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        for piece in pieces:
            handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
