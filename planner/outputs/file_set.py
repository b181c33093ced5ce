"""A set of output files that switch together: a reader never finds a new ``summit.ics``
beside an old ``all.ics``.

A feed folder is a *set* of files (``{body}.ics``, ``all.ics``, ``index.html``, the state file).
The whole new folder is built beside the old one (files the run does not rewrite are
hard-linked into it), flushed to disk at once (one ``syncfs`` of its file system on Linux, else
an ``fsync`` per file: see :func:`planner.outputs.atomic._sync_folder`), and the two folders are
exchanged in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``; a new folder is simply
renamed into place). Where that is not possible (another system, a folder that is a mount
point, a parent folder we may not write, a folder of another user), or would carry over more
than :data:`MAX_LINKED` entries of others (each linked anew on every run), the files are renamed one
by one in an order that never shows a reader of ``index.html`` a feed older than the page:
feeds first, then ``all.ics``, then ``index.html``.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from planner.outputs import (
    atomic,  # its pieces called through the module: a test or a fault stops them there
)
from planner.outputs.atomic import Content
from planner.outputs.links import followed

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders atomically (Linux renameat2 with RENAME_EXCHANGE)."""
    libc = atomic._libc()
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
    staging = parent / f"{atomic._TEMP_PREFIX}{atomic._tag(target)}.new"
    with contextlib.suppress(OSError):
        shutil.rmtree(staging)  # a killed run's half-built folder, or the old set it swapped out
    order = list(order)
    ordered = [*(n for n in order if n in files), *sorted(n for n in files if n not in order)]
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(target))
    refuse_foreign(target, files)
    dropped = frozenset(drop)
    if target.is_dir() and _crowded(target, files, dropped):
        _in_place(target, files, ordered, dropped)
        return
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
    atomic._fsync_dir(parent)
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
        shutil.rmtree(target.parent / f"{atomic._TEMP_PREFIX}{atomic._tag(target)}.new")
    atomic._clean_stale_files(target, names)


# Entries of the folder that are not the set's (another program's files, a web server's logs)
# past which the set is written in place: each would be hard-linked into the new folder and
# unlinked from the old one, on every run (a folder of 100,000 took 3.8 s a run here, 20 s on
# a loaded machine, for 16 files of ours)
MAX_LINKED = 1_000


def _crowded(target: Path, files: Mapping[str, Content], dropped: frozenset[str]) -> bool:
    """Whether ``target`` holds more than :data:`MAX_LINKED` entries the set would carry over
    (counted no further than that)."""
    ours = atomic._stale([*files, *dropped])
    others = 0
    with contextlib.suppress(OSError), os.scandir(target) as entries:
        for entry in entries:
            if entry.name in files or entry.name in dropped or ours(entry.name):
                continue
            others += 1
            if others > MAX_LINKED:
                return True
    return False


def _build(staging: Path, target: Path, files: Mapping[str, Content], ordered: list[str], dropped: frozenset[str] = frozenset()) -> None:
    """The new folder beside the old: our files written and flushed, every other entry of the
    old folder hard-linked (a sub-folder or a file that cannot be linked: not this way), but
    the files ``dropped``."""
    staging.mkdir()
    if target.is_dir():
        _keep_folder(target, staging)
        ours = atomic._stale([*files, *dropped])
        for entry in os.scandir(target):
            if entry.name in files or ours(entry.name) or entry.name in dropped and entry.is_file(follow_symlinks=False):
                continue
            if entry.is_dir(follow_symlinks=False):
                raise IsADirectoryError(errno.EISDIR, "holds a folder", entry.path)
            os.link(entry.path, staging / entry.name, follow_symlinks=False)
    for name in ordered:
        atomic._write_file(staging / name, files[name], sync=False)
    atomic._sync_folder(staging, ordered)


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
    atomic._clean_stale_files(target, [*files, *dropped])
    temps: list[tuple[Path, Path]] = []
    try:
        for name in ordered:
            tmp = target / f"{atomic._TEMP_PREFIX}{atomic._tag(target / name)}-{secrets.token_hex(4)}.tmp"
            temps.append((tmp, target / name))
            atomic._write_file(tmp, files[name], sync=False)
        atomic._sync_folder(target, [tmp.name for tmp, _ in temps])
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
    atomic._fsync_dir(target)
