"""Registers laid on top of each other: a what-if scenario over the real register.

``--meetings register.csv --meetings scenario.csv``: the later file adds its rows, and a row with
the same body, kind and ordinal as an earlier one replaces it (the 7th Summit "planned 2026-10"
becomes "held 2027-04-20"); a meeting recorded in parts on several rows of one register is
replaced whole. Rows without an ordinal have no identity to match, so they are added.
Parsing stays in :mod:`planner.inputs.register`; this is only the merge, after loading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.core.model import Kind, Meeting


def overlay_key(meeting: Meeting) -> tuple[str, Kind, int] | None:
    """What a later register matches an earlier row by: body, kind and ordinal."""
    return (meeting.body, meeting.kind, meeting.ordinal) if meeting.ordinal is not None else None


def overlay(registers: Sequence[Iterable[Meeting]]) -> list[Meeting]:
    """The registers merged in order, later rows overriding earlier ones with the same key;
    an overridden row keeps its place. Rows of one register with the same key are parts of
    one meeting (a resumed session): all are kept, and a later register's rows with that key
    replace all of them."""
    merged: list[Meeting | None] = []
    # key -> (the register its rows came from, their places in merged)
    where: dict[tuple[str, Kind, int], tuple[int, list[int]]] = {}
    for n, register in enumerate(registers):
        for meeting in register:
            key = overlay_key(meeting)
            if key is None:
                merged.append(meeting)
                continue
            found = where.get(key)
            if found is None:
                where[key] = (n, [len(merged)])
                merged.append(meeting)
            elif found[0] == n:  # another part of a meeting of this register
                found[1].append(len(merged))
                merged.append(meeting)
            else:  # an earlier register's meeting, in one row or several: replaced
                first, *rest = found[1]
                merged[first] = meeting
                for place in rest:
                    merged[place] = None
                where[key] = (n, [first])
    return [m for m in merged if m is not None]


__all__ = ["overlay", "overlay_key"]
