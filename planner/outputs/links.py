"""Writing through a link: where it lands, and the links a careful tool will not follow.

Used by every writer of :mod:`planner.outputs.atomic` (``-o FILE``) and :mod:`planner.outputs.file_set` (a feed folder's set) and by
:mod:`planner.outputs.locking` (a published folder that is a link is locked where its set is).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_MAX_LINKS = 40  # as the kernel's path walk (ELOOP past 40 links)


def followed(path: Path) -> Path:
    """Where writing through the link ``path`` lands: the end of its chain of links, followed
    one link at a time as the kernel would, with two refusals a careful tool makes (an
    ``OSError``, said in one line).

    - A link is followed into a folder that exists, never into one that does not: planner
      makes no folder a link points into (a link planted in a shared /tmp, to
      ``/home/someone/.config/x``, must not make its user create ``.config`` there).
    - A link in a sticky folder that anyone may write (/tmp) is followed only if it belongs to
      the user running planner or to the folder's owner: the rule of Linux's
      ``fs.protected_symlinks``, which a rename to the resolved name would bypass, and which
      not every system turns on. A stranger's link there is no file of ours to replace.
    """
    current = Path(os.path.abspath(path))
    for _ in range(_MAX_LINKS):
        if not current.is_symlink():
            break
        _may_follow(current)
        # the kernel resolves folder links (and '..') on the way when the file is renamed
        current = Path(os.path.join(current.parent, os.readlink(current)))
    else:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    if not current.parent.is_dir():
        raise OSError(errno.ENOENT, f"is a link to {current}, in a folder that does not exist (planner makes no folder a link points into)", str(path))
    return current


def _may_follow(link: Path) -> None:
    """Refuse (``PermissionError``) to follow ``link`` where ``fs.protected_symlinks`` would."""
    getuid = getattr(os, "geteuid", None)
    if getuid is None:  # no owners to compare (Windows)
        return
    own, folder = os.lstat(link), os.stat(link.parent)
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    if shared and own.st_uid not in (getuid(), folder.st_uid):
        raise PermissionError(errno.EACCES, f"is a link another user ({own.st_uid}) left in a folder anyone may write; planner does not write through it", str(link))
