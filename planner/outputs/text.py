"""Text for a terminal: tables that fit the width, long cells wrapped with a hanging indent
under their column, plurals, and the totals of ``check`` (shared by text, JSON and HTML).

The width is the caller's: the CLI takes it from the terminal (``COLUMNS`` first), or 100 when
the output is not a terminal. No line of a table or paragraph exceeds it; words longer than a
line (a URL in a citation) are cut.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from planner.core.words import plural

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "RowLayout", "fit_lines", "fit_row", "fit_rows", "fit_table", "plural", "row_layout", "wrap", "wrap_parts"]

DEFAULT_WIDTH = 100
MIN_WIDTH = 40
MIN_REST = 30  # the narrowest a wrapped column may be before the table stacks it
_BREAKS = "\t\n\x0b\x0c\r"  # whitespace that textwrap turns into spaces


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width``: the first starts with ``first``, the others with
    ``rest`` (default: as many spaces as ``first``)."""
    rest = " " * len(first) if rest is None else rest
    if len(rest) > width - 20:  # too deep to be useful: hang less
        rest = " " * min(4, len(rest))
    if len(first) > width - 10:
        return [first.rstrip()[:width], *wrap(text, width, rest, rest)]
    if text and text[-1] != " " and len(first) + len(text) <= width and text.isprintable():
        # What textwrap returns for a text that fits on the first line (no tab, line break or
        # other white space to normalize, nothing to drop at its end), without its machinery:
        # a schedule of 150,000 meetings is mostly such lines.
        return [first + text]
    if text and text[0] != " " and text[-1] != " " and "  " not in text and text.isprintable():
        # Words between single spaces, the rest of a check's problems: filled as textwrap fills them.
        lines = _fill(text, width, first, rest)
        if lines is not None:
            return lines
    lines = _wrap_chunks([c for c in _CHUNKS.split(text.expandtabs().translate(_SPACES)) if c], width, first, rest)
    return lines or [first.rstrip()]


# textwrap's chunks (break_on_hyphens=False): tabs expanded, each of its white space characters
# made a space, then words and runs of spaces
_SPACES = str.maketrans(dict.fromkeys(_BREAKS, " "))
_CHUNKS = re.compile("( +)")
# a character ``str.strip`` keeps: a chunk without one is dropped at a line's start or end (a
# word of no-break spaces too, as textwrap drops it)
_VISIBLE = re.compile(r"\S")


def _wrap_chunks(chunks: list[str], width: int, first: str, rest: str) -> list[str]:
    """The lines ``textwrap.wrap`` makes of ``chunks`` (``break_long_words=True``, white space
    dropped at line ends), in time linear in the text. textwrap copies the rest of a word too
    long for a line once for each line it fills: a saved projection's host of 10 MB took
    `diff` 32 s, an .ics LOCATION of 30 MB `check` minutes. Here the rest of such a word is
    an offset into it. The steps are those of CPython's ``TextWrapper._wrap_chunks`` and
    ``_handle_long_word`` (tests compare the two on every kind of text)."""
    lines: list[str] = []
    at, n = 0, len(chunks)
    cut = 0  # how much of chunks[at] lines before this one hold (a word broken at a line's end)
    while at < n:
        indent = rest if lines else first
        room = width - len(indent)
        if lines and _VISIBLE.search(chunks[at], cut) is None:  # no line starts with white space
            at, cut = at + 1, 0
        line: list[str] = []
        used = 0
        while at < n:
            size = len(chunks[at]) - cut
            if used + size > room:
                break
            line.append(chunks[at][cut:] if cut else chunks[at])
            used += size
            at, cut = at + 1, 0
        if at < n and len(chunks[at]) - cut > room:  # a word longer than any line: as much as fits
            left = room - used if room >= 1 else 1
            line.append(chunks[at][cut : cut + left])
            cut += left
        if line and not line[-1].strip():
            line.pop()
        if line:
            lines.append(indent + "".join(line))
    return lines


def _fill(text: str, width: int, first: str, rest: str) -> list[str] | None:
    """Words separated by single spaces, filled greedily into lines as textwrap fills them;
    ``None`` when a word is too long for a line (textwrap then breaks it).

    Greedy filling puts on a line every word up to the last space that leaves the line within
    ``width``: found by ``rfind`` on the text, a line at a time rather than a word at a time.
    A word too long for a line is looked for by one search of the text, not by splitting it
    into words (32,000 problems of about 300 characters at N)."""
    longest = width - max(len(first), len(rest))
    if len(text) > longest and _too_long(longest).search(text) is not None:
        return None
    lines = []
    lead = first
    at = 0  # where the rest of the text begins: never copied (a 2 MB problem was quadratic)
    while True:
        room = width - len(lead)
        if len(text) - at <= room:
            lines.append(lead + text[at:])
            return lines
        cut = text.rfind(" ", at, at + room + 1)  # every word fits a line: there is one
        lines.append(lead + text[at:cut])
        at = cut + 1
        lead = rest


@functools.cache
def _too_long(longest: int) -> re.Pattern[str]:
    """A search for a word (no space in it) of more than ``longest`` characters."""
    return re.compile(f"[^ ]{{{longest + 1}}}")


def wrap_parts(parts: Sequence[str], width: int, sep: str = " · ", rest: str = "  ") -> list[str]:
    """Parts joined by ``sep``, a line broken only between parts where possible (a header,
    a totals line); a part longer than a line is wrapped itself."""
    lines: list[str] = []
    line = ""
    for part in parts:
        candidate = f"{line}{sep}{part}" if line else (rest if lines else "") + part
        if len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        start = rest if (lines or line) else ""
        pieces = wrap(part, width, start, rest)
        lines += pieces[:-1]
        line = pieces[-1]
    return [*lines, line] if line else lines


def fit_table(rows: Sequence[Sequence[str]], width: int, *, indent: int = 0, gap: int = 2) -> list[list[str]]:
    """The lines of each row of a table, laid out to fit ``width`` (see :func:`fit_rows`)."""
    return list(fit_rows(rows, width, indent=indent, gap=gap))


def fit_rows(rows: Iterable[Sequence[str]], width: int, *, indent: int = 0, gap: int = 2, widths: Sequence[int] | None = None) -> Iterator[list[str]]:
    """The lines of each row of a table, row by row as they are laid out (a long schedule is
    written as it goes), to fit ``width``. ``rows`` is a sequence, or any iterable when the
    caller gives the columns' ``widths`` (the longest cell of each, found beforehand):

    1. every column aligned, the last one wrapped in its own column, when that leaves it room;
    2. else all but the last column on the first line, the last one below, under column 2;
    3. else the first column, then each other cell on its own lines under column 2;
    4. else each row as a paragraph with a hanging indent.
    """
    if widths is None:
        rows = list(rows)
        if not rows:
            return
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    layout = row_layout(widths, width, indent=indent, gap=gap)
    for row in rows:
        yield fit_row(row, width, layout, indent=indent, gap=gap)


def fit_row(row: Sequence[str], width: int, layout: RowLayout | None, *, indent: int = 0, gap: int = 2) -> list[str]:
    """The lines of one row of a table laid out by ``layout`` (:func:`row_layout` of the
    columns' widths; ``None``: a paragraph with a hanging indent), as :func:`fit_rows` lays
    out each: a caller with its own quick rows asks for the others one by one."""
    if layout is None:
        lead = " " * indent
        return wrap(row[0], width, lead) if len(row) == 1 else wrap("  ".join(c for c in row if c), width, lead, lead + "    ")
    head_cols, aligned, template, pad, short, below = layout
    sep = " " * gap
    head = template.format(*row[:head_cols])
    if below:
        cell = row[head_cols]
        head = head.rstrip()
        if cell and cell[-1] != " " and len(head) <= width and len(pad) + len(cell) <= width and cell.isprintable():
            return [head, pad + cell]
    if short:
        cell = row[head_cols]
        first = head + sep
        if cell and cell[-1] != " " and len(first) + len(cell) <= width and cell.isprintable():
            return [(first + cell).rstrip()]
    rest = [c for c in row[head_cols:] if c]
    if aligned and rest:
        lines = wrap(rest[0], width, head + sep, pad)
        rest = rest[1:]
    else:
        lines = wrap(head.rstrip(), width, "", pad) if len(head.rstrip()) > width else [head.rstrip()]
    for cell in rest:
        lines += wrap(cell, width, pad, pad)
    return [line.rstrip() for line in lines]


class RowLayout(NamedTuple):
    """How :func:`fit_rows` lays out each row of a table (widths known): the head's columns,
    whether the last cell continues the head's line (mode 1), the head's format, the indent
    of what goes under it, and whether a row's one last cell goes on the head's line
    (``short``) or on one line below it (``below``) when it fits there unwrapped."""

    head_cols: int
    aligned: bool
    template: str
    pad: str
    short: bool
    below: bool


def row_layout(widths: Sequence[int], width: int, *, indent: int = 0, gap: int = 2) -> RowLayout | None:
    """The layout of rows with columns ``widths`` wide; ``None`` for one column or a row
    laid out as a paragraph (mode 4)."""
    n = len(widths)
    if n == 1:
        return None
    w = list(widths)
    lead, sep = " " * indent, " " * gap

    def offset(k: int) -> int:
        return indent + sum(w[:k]) + gap * k

    # a short last column may wrap into two lines rather than leave its place
    if offset(n - 1) + min(MIN_REST, max(12, (w[-1] + 1) // 2)) <= width:
        head_cols, under = n - 1, offset(n - 1)
    elif n > 2 and offset(n - 2) + w[n - 2] <= width:
        head_cols, under = n - 1, offset(1)
    elif offset(1) + MIN_REST <= width:
        head_cols, under = 1, offset(1)
    else:
        return None
    aligned = under == offset(head_cols)  # mode 1: the last cell continues the first line
    # The head of each row by one format (the last cell of the line needs no padding when the
    # rest goes below it), and the usual row of a long schedule (one last cell that fits on
    # the first line) without wrap's machinery: the same lines, a schedule has 150,000 rows.
    specs = [f"{{:<{w[i]}}}" for i in range(head_cols)]
    if not aligned:
        specs[-1] = "{}"
    template = lead + sep.join(specs)
    pad = " " * under
    short = aligned and n - head_cols == 1 and len(template.format(*[""] * head_cols)) + gap <= width - 10
    # mode 2 with one last cell (a long schedule's usual row): the head on its line, the last
    # cell below it when it fits there, as wrap would lay them out
    below = not aligned and n - head_cols == 1 and len(pad) <= width - 10
    return RowLayout(head_cols, aligned, template, pad, short, below)


def fit_lines(rows: Sequence[Sequence[str]], width: int, *, indent: int = 0, gap: int = 2) -> list[str]:
    return [line for lines in fit_table(rows, width, indent=indent, gap=gap) for line in lines]
