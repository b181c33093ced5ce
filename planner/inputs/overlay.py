"""Registers laid on top of each other: a what-if scenario over the real register.

``--meetings register.csv --meetings scenario.csv``: the later file adds its rows, and a row with
the same body, kind and ordinal as an earlier one replaces it (the 7th Summit "planned 2026-10"
becomes "held 2027-04-20"). Rows without an ordinal have no identity to match, so they are added.
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
    an overridden row keeps its place."""
    merged: list[Meeting | None] = []
    where: dict[tuple[str, Kind, int], int] = {}
    for register in registers:
        for meeting in register:
            key = overlay_key(meeting)
            if key is not None and key in where:
                merged[where[key]] = meeting
                continue
            if key is not None:
                where[key] = len(merged)
            merged.append(meeting)
    return [m for m in merged if m is not None]


__all__ = ["overlay", "overlay_key"]
