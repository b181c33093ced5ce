"""Reading an input file as text, with one clear error for each way it can fail.

Rule books, CSV/JSON registers and .ics registers share these failures: missing, a directory,
unreadable, binary junk, not UTF-8 (Excel's "Unicode text" is UTF-16), or empty (a BOM alone
counts as empty). Each becomes an :class:`~planner.core.errors.InputError` of the caller's class.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import re
import stat
from pathlib import Path
from typing import TextIO

from planner.core.errors import InputError
from planner.inputs.limits import (
    BIDI,
    BIDI_EXPECTED,
    CONTROL,
    MAX_REGISTER_BYTES,
    MiB,
    bidi_problem,
)

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_bytes(path: Path, error: type[InputError], limit: int = MAX_REGISTER_BYTES) -> bytes:
    """Read an input file, turning every OS failure into one clear input error. No more than
    ``limit`` bytes are read: a larger file (or ``/dev/zero``) is refused, not swallowed."""
    try:
        # a name longer than the system takes, or a path through a file, fails already here
        kind = path.stat().st_mode
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
            raise error(f"cannot be read: {exc.strerror or exc}", path=path, expected="the path of a readable file") from None
        if path.is_symlink():  # a link to nothing, or to itself
            target = os.readlink(path)
            raise error("is a link to no file" if target != path.name else "is a link to itself", path=path, value=target, expected="a link to a readable file") from None
        raise error("no such file", path=path) from None
    if stat.S_ISDIR(kind):
        raise error("is a directory, not a file", path=path, expected="a file")
    too_large = False
    try:
        if stat.S_ISREG(kind):
            with path.open("rb") as handle:
                # a file that says it is larger is refused unread (a 1 GB register took 280 MB
                # to refuse); one that grows while read is still cut at the limit
                too_large = os.fstat(handle.fileno()).st_size > limit
                raw = b"" if too_large else handle.read(limit + 1)
        else:
            raw = _read_special(path, limit + 1)
    except OSError as exc:
        raise error(f"cannot be read: {exc.strerror or exc}", path=path) from None
    if too_large or len(raw) > limit:
        raise error(f"is larger than {_size(limit)}", path=path, expected=f"at most {_size(limit)} (see Limits in the README)")
    return raw


def check_readable(path: Path, error: type[InputError]) -> None:
    """Refuse, as :func:`read_bytes` would, a file named on the command line that cannot be read,
    without reading it: a command that has no use for it (``check`` reads no chair terms)
    still says that the file given is missing or unreadable, rather than ignoring it."""
    try:
        kind = path.stat().st_mode
    except OSError:
        read_bytes(path, error)  # raises the same message as reading would
        return
    if stat.S_ISDIR(kind):
        raise error("is a directory, not a file", path=path, expected="a file")
    if stat.S_ISREG(kind) and not os.access(path, os.R_OK):
        raise error(f"cannot be read: {os.strerror(errno.EACCES)}", path=path)


def _read_special(path: Path, size: int) -> bytes:
    """A pipe or device (``/dev/stdin``, a FIFO, ``<(command)``). Opening a FIFO no program
    writes to would wait forever: it is opened without waiting, then read as usual, so a
    FIFO without a writer reads as empty and one with a writer reads what it writes."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(size)


def _size(count: int) -> str:
    return f"{count // MiB} MB" if count >= MiB else f"{count} bytes"


# The control characters CONTROL finds, as UTF-8 bytes: C0 and DEL are themselves, C1 (U+0080
# to U+009F) is 0xC2 then 0x80 to 0x9F.
_C0_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_PIECE = 1 << 18


def _may_hold_control(raw: bytes) -> bool:
    """Whether UTF-8 ``raw`` holds a control character. Five times faster than the regular
    expression over the text (0.02 s for a 23 MB register): bytes.translate deletes them, a
    quarter of a megabyte at a time, and a shorter piece holds one."""
    for start in range(0, len(raw), _PIECE):
        piece = raw[start : start + _PIECE]
        if len(piece.translate(None, _C0_BYTES)) != len(piece):
            return True
    return b"\xc2" in raw and _C1_UTF8.search(raw) is not None


# The bidirectional controls BIDI finds, as UTF-8 bytes (E2 80 AA to AE, E2 81 A6 to A9).
_BIDI_UTF8 = re.compile(b"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


# An iCalendar line break followed by a space or a tab: a folded line (RFC 5545 3.1)
_FOLD = re.compile(b"\r?\n[ \t]")


def _unfolded(raw: bytes) -> str | None:
    try:
        return _FOLD.sub(b"", raw).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def read_text(path: Path, error: type[InputError], *, what: str, utf16: bool = False, saved_as: str = "the file saved as UTF-8", empty: str = "some content", limit: int = MAX_REGISTER_BYTES, folded: bool = False) -> str:
    """The text of ``path``: UTF-8 with or without BOM, or (with ``utf16``) UTF-16 with BOM.

    ``what`` names the kind of file in messages ("TOML", "iCalendar", ...). ``folded``: an
    iCalendar file, whose folding may split a character's bytes over two lines ("implementations
    need to unfold lines in such a way to properly restore the original sequence", RFC 5545
    3.1): when the bytes do not decode as they stand, they are unfolded first.
    """
    raw = read_bytes(path, error, limit)
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE starts both
        raise error(f"is UTF-32; {what} must be UTF-8", path=path, expected=saved_as)
    utf16_text = raw.startswith(UTF16_BOMS)
    if utf16_text:
        if not utf16:
            raise error(f"is UTF-16; {what} must be UTF-8", path=path, expected=saved_as)
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise error("claims to be UTF-16 but does not decode", path=path, expected=saved_as) from None
    elif b"\x00" in raw:
        raise error(f"is binary, not {what} text", path=path, expected=f"a UTF-8 {what} file")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _unfolded(raw) if folded else None
            if text is None:
                line = raw[: exc.start].count(b"\n") + 1
                raise error(f"is not UTF-8 text (byte 0x{raw[exc.start]:02x})", path=path, location=line, expected=saved_as) from None
    if not text or text.isspace():  # after decoding: a BOM alone is empty too
        raise error("is empty", path=path, expected=empty)
    control = CONTROL.search(text) if utf16_text or _may_hold_control(raw) else None
    if control:  # ESC, BEL, form feed...: shown as they are, they drive the terminal
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        raise error(f"holds a control character (U+{ord(control.group()):04X})", path=path, location=f"{line}:{column}", expected=f"{what} text without control characters (tab and line breaks are fine)")
    bidi = BIDI.search(text) if utf16_text or _BIDI_UTF8.search(raw) else None
    if bidi and folded:
        # An iCalendar property is one (unfolded) line: controls closed on it stay inside its
        # value (Outlook and Teams wrap phone numbers in U+202A ... U+202C); one left open is not
        bidi = _left_open(text, bidi.start())
    if bidi:
        line = text.count("\n", 0, bidi.start()) + 1
        column = bidi.start() - text.rfind("\n", 0, bidi.start())
        raise error(bidi_problem(bidi.group()), path=path, location=f"{line}:{column}", expected=BIDI_EXPECTED)
    return text


_PDF, _PDI = "\u202c", "\u2069"
_ISOLATES = frozenset("\u2066\u2067\u2068")


def _left_open(text: str, first: int) -> re.Match[str] | None:
    """The first bidirectional control of an iCalendar text that its content line (folds
    joined) leaves open, or that closes nothing; ``None`` when every one is closed in order
    (UAX #9: PDF closes an embedding or override, PDI an isolate and what opened inside it)."""
    start = text.rfind("\n", 0, first) + 1
    for line in re.finditer(r"[^\n]*(?:\n[ \t][^\n]*)*", text[start:]):
        if not BIDI.search(line.group()):
            continue
        opened: list[re.Match[str]] = []
        for found in BIDI.finditer(line.group()):
            char = found.group()
            if char == _PDF and opened and opened[-1].group() not in _ISOLATES:
                opened.pop()
            elif char == _PDI and any(m.group() in _ISOLATES for m in opened):
                while opened.pop().group() not in _ISOLATES:
                    pass
            elif char in (_PDF, _PDI):
                return BIDI.search(text, start + line.start() + found.start())
            else:
                opened.append(found)
        if opened:
            return BIDI.search(text, start + line.start() + opened[0].start())
    return None


_CHUNK = 1 << 20


def open_checked(path: Path, limit: int = MAX_REGISTER_BYTES) -> TextIO | None:
    """``path`` open as text (UTF-8, the BOM dropped, line ends kept for the csv module) when
    :func:`read_text` would accept it as UTF-8, checked a megabyte at a time without holding
    the file: a large register is then read as a stream, never whole in memory (23 MB of text
    beside its meetings). ``None`` for anything else (a pipe, UTF-16, too large, a fault): the
    caller reads the file whole by :func:`read_text`, which words the error."""
    try:
        before = path.stat()
        if not stat.S_ISREG(before.st_mode) or before.st_size > limit:
            return None
        handle = path.open("rb")
    except OSError:
        return None
    try:
        clean = _clean(handle, limit)
        after = os.fstat(handle.fileno())
        if not clean or (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            handle.close()
            return None
        handle.seek(0)
    except OSError:
        handle.close()
        return None
    return io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")


def _clean(handle: io.BufferedReader, limit: int) -> bool:
    """Whether the bytes of ``handle`` are UTF-8 text, not empty, without NUL or control
    characters and at most ``limit`` bytes: what read_text checks. A piece of ASCII (a register
    is mostly that) is valid as it stands and is not decoded."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    content = False
    total = 0
    first = True
    while chunk := handle.read(_CHUNK):
        total += len(chunk)
        if total > limit or b"\x00" in chunk:
            return False
        if first:
            if chunk.startswith(UTF16_BOMS):
                return False
            chunk = chunk.removeprefix(codecs.BOM_UTF8)
            first = False
        if not chunk:  # a BOM alone so far
            continue
        if chunk.isascii() and not decoder.getstate()[0]:
            if _may_hold_control(chunk):
                return False
            content = content or not chunk.isspace()
        else:
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
            if CONTROL.search(text) or BIDI.search(text):
                return False
            content = content or not (not text or text.isspace())
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return content
