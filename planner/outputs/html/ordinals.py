"""The ordinals over a lane's marks, one beside another, never one over another."""

from __future__ import annotations

from collections.abc import Sequence

ORD_PX_PER_CHAR = 5.4  # a digit of text.ord (9 px) is about 0.6 em wide
ORD_AIR = 2.0


def overlapping(labels: Sequence[tuple[float, str]]) -> set[int]:
    """Which of a lane's labels (centre x, text) to leave off: the Council of Europe's 1517th
    and 1518th Deputies, two weeks apart (2 px), were drawn over each other, "1518" unreadable.
    In order of x, a label that would touch the last one drawn is left off (the mark, its
    tooltip and its row keep the ordinal)."""
    hidden: set[int] = set()
    right = float("-inf")
    for i in sorted((i for i, (_, text) in enumerate(labels) if text), key=lambda i: labels[i][0]):
        x, text = labels[i]
        half = len(text) * ORD_PX_PER_CHAR / 2
        if x - half < right + ORD_AIR:
            hidden.add(i)
        else:
            right = x + half
    return hidden
