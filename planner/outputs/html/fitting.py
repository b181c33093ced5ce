"""What fits a lane of the timeline: its name in the names' column, wrapped and cut where it
must, and its marks, drawn smaller where its meetings lie closer than a mark is wide."""

from __future__ import annotations

from collections.abc import Sequence

LABEL_W = 118  # the names' column, px


def text_fits(text: str, width: float, px_per_char: float = 6.4) -> bool:
    return len(text) * px_per_char + 6 <= width


def label_lines(label: str, width: float = LABEL_W, most: int = 2) -> tuple[str, ...]:
    """A lane's name in the lines of the names' column: words wrapped, at most ``most``
    lines, the last cut with "…" only where the words still do not fit. Cut to one line at
    16 characters, the parish council's "Annual Parish Meeting" read "Annual Parish M…" and
    "Planning Committee" "Planning Commit…", with a second line's room free beside them."""
    lines: list[str] = []
    words = label.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and text_fits(f"{line} {words[0]}", width):
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return tuple(_cut_to_fit(line, width) for line in lines)


def _cut_to_fit(line: str, width: float) -> str:
    if text_fits(line, width):
        return line
    while line and not text_fits(line + "…", width):
        line = line[:-1]
    return line.rstrip() + "…"


# a mark is some 11 px wide; a lane whose meetings lie closer (a council meeting monthly is 4 px
# apart at 48 px a year) draws them smaller, each apart from the next, down to this size
SMALLEST_MARK = 0.3
MARK_W = 11.0


def mark_size(xs: Sequence[float]) -> float:
    """How large a lane's marks are drawn: whole, unless the typical distance between two
    meetings on different days (the median) is less than a mark is wide. A monthly council's
    marks, 4 px apart, were drawn over each other, a black bar for the held and a dotted blue
    smear for the projected. A lane of yearly meetings with one pair days apart keeps them
    whole (the pair's ordinals are thinned as before)."""
    distinct = sorted(set(xs))
    gaps = sorted(b - a for a, b in zip(distinct, distinct[1:], strict=False))
    if len(gaps) < 3:
        return 1.0
    typical = gaps[len(gaps) // 2]
    if typical >= MARK_W:
        return 1.0
    return round(max(SMALLEST_MARK, (typical - 1) / MARK_W), 2)
