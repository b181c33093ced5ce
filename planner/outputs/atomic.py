"""Nothing lost: outputs replace what was there whole, or not at all.

A single file (``-o FILE``) is written to a short temporary name beside it, flushed to disk
(``fsync``), then renamed over the target; the folder is flushed too, so after a crash or a
power cut the target is the old file or the new one, never a torn one.

A feed folder is a *set* of files (``{body}.ics``, ``all.ics``, ``index.html``, the state file)
that must switch together: a reader must never find a new ``summit.ics`` beside an old
``all.ics``. The whole new folder is built beside the old one (files the run does not rewrite
are hard-linked into it), flushed to disk at once (one ``syncfs`` of its file system on Linux,
else an ``fsync`` per file: see :func:`_sync_folder`), and the two folders are exchanged in one atomic step
(Linux ``renameat2(RENAME_EXCHANGE)``; a new folder is simply renamed into place). Where that
is not possible (another system, a folder that is a mount point, a parent folder we may not
write), the files are renamed one by one in an order that never shows a reader of
``index.html`` a feed older than the page: feeds first, then ``all.ics``, then ``index.html``.

Temporary names are short (a body id of 250 characters still fits), are ours by their shape
(``.pl-`` prefix), and a run removes those a killed run left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import hashlib
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
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
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


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


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically (Linux renameat2 with RENAME_EXCHANGE)."""
    libc = _libc()
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(b))


# what may stand at a name where planner writes a file of its own, and is no file it wrote
_FOREIGN = ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a link"), (stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def refuse_foreign(folder: Path, names: Iterable[str]) -> None:
    """Refuse, before anything is written, a folder where one of the ``names`` planner writes is
    no regular file: a folder, a link, a pipe, a socket or a device someone else put there (a
    folder ``.planner-state.json`` went with the old set, its files with it). Neither written
    through nor removed: one line names it. A regular file of the name is planner's to replace."""
    for name in names:
        try:
            mode = os.lstat(folder / name).st_mode
        except OSError:
            continue  # nothing there (or no folder yet)
        if not stat.S_ISREG(mode):
            what = next((words for test, words in _FOREIGN if test(mode)), "no regular file")
            raise OSError(errno.EEXIST, f"{folder / name} is {what}, not a file planner writes: nothing was written and nothing removed")


def write_set(folder: str | Path, files: Mapping[str, Content], order: Iterable[str] = (), drop: Iterable[str] = ()) -> None:
    """Make ``folder`` hold ``files`` (name -> bytes, or a function giving the pieces of the
    file as they are made: the set need not fit in memory), switching the whole set at once.

    Every other entry already in the folder is kept as it is (the other bodies' feeds of a
    ``--body`` run, a file the publisher put there). ``order`` is the order of renames should
    the folder have to be updated file by file: the files a reader reaches from others come
    first (feeds before ``index.html``). ``drop``: files of the old set that the new one is
    without (a record the export no longer makes); a folder or link there is kept.
    """
    target = Path(folder)
    if target.is_symlink():
        target = followed(target)  # a published folder is often a link: switch what it points to
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f"{_TEMP_PREFIX}{_tag(target)}.new"
    with contextlib.suppress(OSError):
        shutil.rmtree(staging)  # a killed run's half-built folder, or the old set it swapped out
    order = list(order)
    ordered = [*(n for n in order if n in files), *sorted(n for n in files if n not in order)]
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(target))
    refuse_foreign(target, files)
    dropped = frozenset(drop)
    try:
        _build(staging, target, files, ordered, dropped)
    except OSError:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        if not target.is_dir():
            raise
        _in_place(target, files, ordered, dropped)  # e.g. the parent folder is not ours to write
        return
    except BaseException:  # Ctrl-C, SIGTERM: the half-built folder goes, the old set stays
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise
    try:
        if target.is_dir():
            _exchange(staging, target)
        else:
            os.rename(staging, target)
    except OSError:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        _in_place(target, files, ordered, dropped)
        return
    _fsync_dir(parent)
    with contextlib.suppress(OSError):
        shutil.rmtree(staging)  # the previous set


def tidy(folder: str | Path, names: Iterable[str]) -> None:
    """What a killed :func:`write_set` of ``names`` into ``folder`` left (the folder beside it,
    temporary files in it) removed, as the next would, by a run that writes nothing (holding the
    folder's lock)."""
    target = Path(folder)
    if target.is_symlink():
        target = followed(target)
    with contextlib.suppress(OSError):
        shutil.rmtree(target.parent / f"{_TEMP_PREFIX}{_tag(target)}.new")
    _clean_stale_files(target, names)


def _build(staging: Path, target: Path, files: Mapping[str, Content], ordered: list[str], dropped: frozenset[str] = frozenset()) -> None:
    """The new folder beside the old: our files written and flushed, every other entry of the
    old folder hard-linked (a sub-folder or a file that cannot be linked: not this way), but
    the files ``dropped``."""
    staging.mkdir()
    if target.is_dir():
        _keep_folder(target, staging)
        ours = _stale([*files, *dropped])
        for entry in os.scandir(target):
            if entry.name in files or ours(entry.name) or entry.name in dropped and entry.is_file(follow_symlinks=False):
                continue
            if entry.is_dir(follow_symlinks=False):
                raise IsADirectoryError(errno.EISDIR, "holds a folder", entry.path)
            os.link(entry.path, staging / entry.name, follow_symlinks=False)
    for name in ordered:
        _write_file(staging / name, files[name], sync=False)
    _sync_folder(staging, ordered)


def _keep_folder(target: Path, staging: Path) -> None:
    """The new folder takes the old one's owner, group, permissions and extended attributes
    (ACLs, a security label): a folder a web server's user owns, group-writable and setgid,
    stayed a folder of root's after a run as root, its group locked out. What cannot be kept (a
    folder of another user, run as not root) raises ``OSError``: the set is then written file
    by file into the folder itself."""
    found, made = target.stat(), staging.stat()
    if (found.st_uid, found.st_gid) != (made.st_uid, made.st_gid):
        os.chown(staging, found.st_uid, found.st_gid)
    os.chmod(staging, stat.S_IMODE(found.st_mode))  # after chown, which clears setgid
    if not hasattr(os, "listxattr"):  # not Linux: no extended attributes to keep
        return
    try:
        names = os.listxattr(target)
    except OSError as exc:
        if exc.errno not in (errno.ENOTSUP, errno.ENOSYS):
            raise
        names = []
    for name in names:
        os.setxattr(staging, name, os.getxattr(target, name))


def _in_place(target: Path, files: Mapping[str, Content], ordered: list[str], dropped: frozenset[str] = frozenset()) -> None:
    """Each file whole, renamed in ``ordered`` order once all are written and flushed; then
    the files ``dropped`` removed."""
    _clean_stale_files(target, [*files, *dropped])
    temps: list[tuple[Path, Path]] = []
    try:
        for name in ordered:
            tmp = target / f"{_TEMP_PREFIX}{_tag(target / name)}-{secrets.token_hex(4)}.tmp"
            temps.append((tmp, target / name))
            _write_file(tmp, files[name], sync=False)
        _sync_folder(target, [tmp.name for tmp, _ in temps])
        for tmp, final in temps:
            os.replace(tmp, final)
    except BaseException:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
        raise
    for name in dropped:
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(target / name).st_mode):
                os.unlink(target / name)
    _fsync_dir(target)
