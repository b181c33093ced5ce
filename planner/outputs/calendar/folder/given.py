"""What an export is made from, as one print: every input file's bytes, every option, the
date it is made as of, and the code and libraries that read them.

A re-export (:mod:`planner.outputs.calendar.folder.reuse`) compares each body's print of its
meetings with the last export's before it takes the last export's events: at a million
meetings that is the content text of each (some 6 s of CPU), after putting them in date order
(2 s). When what the export is made from is byte for byte what the last one was made from, the
meetings are the last ones too, and so are their prints: the record keeps this print
(``inputs``), and a match stands for the prints (the files are still read back and checked).

The print must hold everything a meeting's event may depend on, or a stale feed is kept:

* the bytes of each file read: the rule book, every register, the chair register, a plan
  file, each calendar to avoid (``--avoid`` and the rule book's own, relative to it). A file
  that is no regular file (a pipe, standard input) cannot be read twice: no print, and the
  prints are compared as before;
* every option of the command as parsed (``--to``, ``--no-projected``, ``--body``, ``--plan``,
  ...), and the day the export is made as of (``--today`` or ``SOURCE_DATE_EPOCH``);
* planner's own files (code, embedded data, templates), Python's version and the installed
  distributions with their versions (``holidays`` places projected meetings, the ``tzdata``
  package is a zone database);
* the zone database zoneinfo reads first, the system's (:func:`_zones`): an .ics register's
  timed meeting falls on the day its zone and the organization's give it (18:30 UTC is the
  15th at +05, the 16th at +06: Kazakhstan moved Asia/Almaty so in 2024), and an update of
  the system's tzdata changes no file the print reads.

A file changed while it is read (its size, time of change or inode moved between the print and
the end of the reading, :meth:`Given.key`) gives no print either.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import sys
import zoneinfo
from collections.abc import Iterable, Mapping
from pathlib import Path

_FORM = "planner-inputs 1"
_CHUNK = 1 << 20


class Given:
    """The print of an export's inputs (:func:`given`), with what each file looked like when
    read, so that :meth:`key` can tell a file changed since."""

    def __init__(self, digest: str, seen: list[tuple[Path, tuple[int, ...]]]) -> None:
        self.digest = digest
        self.seen = seen

    def key(self) -> str | None:
        """The print, None when a file it is of changed since it was read."""
        for path, was in self.seen:
            try:
                if _looks(os.stat(path)) != was:
                    return None
            except OSError:
                return None
        return self.digest


def _looks(found: os.stat_result) -> tuple[int, ...]:
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def given(files: Iterable[Path], options: Mapping[str, object]) -> Given | None:
    """The print of an export made from ``files`` (each once, in the order given) with
    ``options`` (JSON-able values, or their ``str``); None when a file is no regular file or
    cannot be read."""
    digest = hashlib.sha256(_FORM.encode())
    digest.update(_code())
    digest.update(_zones())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    seen: list[tuple[Path, tuple[int, ...]]] = []
    for path in files:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens at once, and is refused below
        except OSError:
            return None
        try:
            found = os.fstat(fd)
            if not stat.S_ISREG(found.st_mode):
                return None
            name = os.fsencode(path)
            digest.update(len(name).to_bytes(8, "big") + name + found.st_size.to_bytes(8, "big"))
            size = 0
            while block := os.read(fd, _CHUNK):
                digest.update(block)
                size += len(block)
            if size != found.st_size:  # written to while read
                return None
        except OSError:
            return None
        finally:
            os.close(fd)
        seen.append((path, _looks(found)))
    return Given(digest.hexdigest(), seen)


@functools.cache
def _code() -> bytes:
    """A print of planner's own files (code, embedded rule books and registers, templates:
    each one's name, size and time of change, what Python itself asks of a source before it
    takes its compiled code; reading them took some 20 ms), Python's version and the
    distributions installed where Python finds its packages (their ``.dist-info`` folders are
    named after their versions; where, not: a test runner's path is not a script's)."""
    digest = hashlib.sha256(sys.version.encode())
    root = Path(__file__).resolve().parents[3]  # the planner package
    for path in sorted(p.relative_to(root) for p in root.rglob("*") if "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo") and p.is_file()):
        try:
            found = (root / path).stat()
        except OSError:  # gone since the walk saw it (an editor's temporary file, an upgrade)
            continue  # (it was a FileNotFoundError traceback of `ics --out`)
        digest.update(os.fsencode(path) + f"\x00{found.st_size}\x00{found.st_mtime_ns}\x00".encode())
    installed: set[str] = set()
    for place in sys.path:
        with contextlib.suppress(OSError):
            installed.update(e for e in os.listdir(place or ".") if e.endswith((".dist-info", ".egg-info")))
    digest.update("\x00".join(sorted(installed)).encode("utf-8", "surrogateescape"))
    return digest.digest()


def _zones() -> bytes:
    """A print of the zone databases zoneinfo searches before the ``tzdata`` package (each
    folder of ``zoneinfo.TZPATH``, in its order): every file's name, size and time of change,
    as :func:`_code` takes planner's (a package manager replaces the files it updates).
    Not kept for the process: a run that waits for another's lock may find a new database
    (Debian's 1,800 zones and their ``posix``/``right`` copies: some 10 ms)."""
    digest = hashlib.sha256()
    for place in zoneinfo.TZPATH:
        found: list[str] = []
        for top, folders, names in os.walk(place):
            folders.sort()
            for name in sorted(names):
                path = os.path.join(top, name)
                with contextlib.suppress(OSError):
                    seen = os.stat(path)
                    found.append(f"{os.path.relpath(path, place)}\x00{seen.st_size}\x00{seen.st_mtime_ns}")
        digest.update(f"{place}\x00{len(found)}\x00".encode("utf-8", "surrogateescape") + "\x00".join(found).encode("utf-8", "surrogateescape"))
    return digest.digest()
