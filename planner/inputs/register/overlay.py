"""Registers laid on top of each other: a what-if scenario over the real register.

``--meetings register.csv --meetings scenario.csv``: the later file adds its rows, and a row with
the same body, kind and ordinal as an earlier one replaces it (the 7th Summit "planned 2026-10"
becomes "held 2027-04-20"); a meeting recorded in parts on several rows of one register is
replaced whole. A row without an ordinal replaces an earlier register's row with its own
``id``, or, with none, one of its body, kind and days in another status (the plan of
2027-03-10 called off); others are added, and a row
that an earlier register gives identically is what a row repeated in one register is (kept
once, and one meeting or two, the check says where it matters: :mod:`planner.engine.judging.twin_rows`),
with the rows of every register that gives it. Parsing stays in
:mod:`planner.inputs.register`; this is only the merge, after loading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from planner.core.meeting import Recorded
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
    # a row without a number: (body, its own id) or (body, kind, days) -> (register, place)
    unnumbered: dict[tuple, list[tuple[int, int]]] = {}
    for n, register in enumerate(registers):
        for meeting in register:
            key = overlay_key(meeting)
            if key is None:
                _unnumbered(meeting, n, merged, unnumbered)
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


def _unnumbered(meeting: Meeting, n: int, merged: list[Meeting | None], seen: dict[tuple, list[tuple[int, int]]]) -> None:
    """Add ``meeting``, a row without a number of register ``n``, to ``merged``, replacing the
    rows of earlier registers that are the same meeting: those with its own ``id`` (the
    register's identity of a meeting), or, where it has none, those of its body, kind and days
    in another status (a scenario that calls off the Board planned for 2027-03-10 gives it
    again as cancelled; it was added beside the plan, which still stood, session 21). A row
    given identically is kept as given: one meeting or two, as in one file."""
    key = (meeting.body, "id", meeting.id) if meeting.id else (meeting.body, meeting.kind, meeting.start, meeting.end)
    earlier = seen.setdefault(key, [])
    same = [place for m, place in earlier if m < n and merged[place] is not None and (meeting.id or merged[place].status is not meeting.status)]  # type: ignore[union-attr]
    if same:
        first, *rest = same
        merged[first] = meeting
        for place in rest:
            merged[place] = None
        earlier[:] = [(r, p) for r, p in earlier if p not in rest]
        earlier[[p for _, p in earlier].index(first)] = (n, first)
        return
    earlier.append((n, len(merged)))
    merged.append(meeting)


def overlay_recorded(registers: Sequence[list[Meeting]], names: Sequence[str], warn: Callable[[str], None] | None = None) -> list[Meeting]:
    """:func:`overlay` of ``registers`` (read from the files ``names``), as a
    :class:`~planner.core.meeting.Recorded` that knows the meetings given on more than one
    identical row, by one register (its own ``twice``) or by several. A meeting with no number
    that a later register gives again identically is kept once, where first read, and ``warn``
    hears of it as of a row repeated in one file: two files no more say "two meetings" than one
    file giving the row twice does."""
    twice = {k: v for register in registers for k, v in getattr(register, "twice", {}).items()}
    merged = overlay(registers)
    again = _given_again(registers)
    if again:
        kept: set[Meeting] = set()
        merged = [m for m in merged if m not in again or (m not in kept and not kept.add(m))]  # type: ignore[func-returns-value]
        twice.update(_rows_of(registers, names, again, warn))
    return Recorded(merged, twice) if twice else merged


def _given_again(registers: Sequence[list[Meeting]]) -> set[Meeting]:
    """The meetings with no number that more than one register gives."""
    seen: set[Meeting] = set()
    again: set[Meeting] = set()
    for register in registers:
        mine = {m for m in register if m.ordinal is None}
        again |= mine & seen
        seen |= mine
    return again


def _rows_of(registers: Sequence[list[Meeting]], names: Sequence[str], again: set[Meeting], warn: Callable[[str], None] | None) -> dict[Meeting, tuple[int, str]]:
    """Each meeting of ``again`` -> its rows in every register that gives it, and where in
    words (``(2, "a.csv line 2; b.csv line 5")``); ``warn`` hears of the later registers' rows."""
    found: dict[Meeting, list[tuple[int, str]]] = {}
    for register, name in zip(registers, names, strict=True):
        mine = sorted(again.intersection(register), key=Meeting.sort_key)
        if not mine:
            continue
        rows_of = getattr(register, "rows_of", None)
        said = rows_of(set(mine)) if rows_of is not None else {}
        known = getattr(register, "twice", {})
        later, count = [], 0
        for meeting in mine:
            rows, words = said.get(meeting) or known.get(meeting) or (1, name)
            if meeting in found:
                later.append(f"{words.removeprefix(name + ' ') if words != name else 'a row'} (same as {found[meeting][0][1]})")
                count += rows
            found.setdefault(meeting, []).append((rows, words))
        if later and warn is not None:
            shown = ", ".join(later[:10]) + (f" and {len(later) - 10} more" if len(later) > 10 else "")
            many = count != 1
            warn(f"{name}: {count} row{'s' if many else ''} repeat{'' if many else 's'} a row of an earlier --meetings file (one meeting or two, as check weighs where that decides a window): {shown}")
    return {meeting: (sum(r for r, _ in parts), "; ".join(w for _, w in parts)) for meeting, parts in found.items()}


__all__ = ["overlay", "overlay_key", "overlay_recorded"]
