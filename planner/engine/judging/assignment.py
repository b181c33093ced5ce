"""Which counting meeting serves which window of a rule: one meeting, one window.

Windows of one rule can overlap (a rolling chain's windows, a tolerance reaching into the next
period), yet a meeting held once answers one requirement once (issue 9: one meeting never fills
two windows). Every rule kind's expectations go through :func:`assign`:

1. each window, in order of its end, takes the earliest counting held meetings inside its own
   period (``window.start`` .. ``window.end``) that no other window has taken, as many as it
   requires;
2. a window still short then takes meetings within its tolerance (after ``window.end``, up to
   its ``deadline``) that no window took: a meeting serves an earlier window within the
   tolerance only when its own period is met by another meeting (or it has none);
3. what remains inside a window's own period is counted there too (three meetings in a year
   show as "3 of 2 required"; ``at_most`` sees all of them).

Each pass visits each window once and looks meetings up by bisection, so the whole is linear in
windows and meetings (the windows of one rule overlap by a bounded amount).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from planner.core.model import Meeting, Status
from planner.engine.expectations import BodyMeetings, Expectation

ONE_DAY = timedelta(days=1)
_HELD = Status.HELD  # read once (in Python 3.11 a member read from its class costs ~0.3 us)


def inside(meeting: Meeting, start: date, end: date) -> bool:
    """Whether every day the meeting may have started on lies in ``[start, end]``."""
    return start <= meeting.start.earliest and meeting.start.latest <= end


def _counting(e: Expectation, near: list[Meeting], start: date, end: date) -> list[Meeting]:
    """The held meetings of ``near`` inside ``[start, end]`` that count toward ``e``'s rule
    (``inside`` and ``counts`` written out: this runs for every window)."""
    rule = e.rule
    kinds, formats = rule.counts, rule.formats
    return [
        m
        for m in near
        if m.status is _HELD and start <= m.start.earliest and m.start.latest <= end and m.kind in kinds and (not formats or m.format is None or m.format in formats)
    ]


def assign(exps: Sequence[Expectation], bm: BodyMeetings) -> tuple[list[list[Meeting]] | None, dict[int, int], list[list[Meeting]]]:
    """For the expectations of one rule: the meetings each counts, the owner of each counted
    meeting (``id(meeting)`` -> index into ``exps``), and each window's meetings (all those
    touching ``window.start`` .. ``deadline``, looked up once for the judge too).

    The meetings each counts are ``None`` when the windows share no day: each window then
    counts the held counting meetings of its own that lie inside it, which the judge picks out
    as it reads the window's meetings (one pass over them rather than two)."""
    near: list[list[Meeting]] = [[] for _ in exps]
    owner: dict[int, int] = {}
    order = sorted((i for i, e in enumerate(exps) if not e.pending), key=lambda i: (exps[i].window.end, exps[i].window.start))
    overlapping = bm.overlapping
    if _disjoint(exps, order):
        # Windows (with their tolerance) that share no day, as calendar periods without
        # tolerance are: each meeting can only be its own window's, nothing to share out.
        # (bm.overlapping written out for the common case: no meeting begun before the
        # window lasts into it)
        starts, reach, meetings = bm.starts, bm.reach, bm.meetings
        for i in order:
            e = exps[i]
            start, end = e.window.start, e.deadline
            mid = bisect_left(starts, start)
            if mid and reach[mid - 1] >= start:
                near[i] = overlapping(start, end)
            else:
                near[i] = meetings[mid : bisect_right(starts, end, mid)]
        return None, owner, near
    claimed: list[list[Meeting]] = [[] for _ in exps]
    own: dict[int, list[Meeting]] = {}
    unsorted: set[int] = set()

    def take(i: int, found: list[Meeting], limit: int | None) -> bool:
        got = claimed[i]
        took = False
        for m in found:
            if limit is not None and len(got) >= limit:
                break
            if id(m) not in owner:
                owner[id(m)] = i
                got.append(m)
                took = True
        return took

    for i in order:
        e = exps[i]
        near[i] = bm.overlapping(e.window.start, e.deadline)
        own[i] = _counting(e, near[i], e.window.start, e.window.end)
        take(i, own[i], e.minimum if e.maximum is None else None)
    for i in order:
        e = exps[i]
        if e.deadline > e.window.end and len(claimed[i]) < e.minimum:
            late = _counting(e, near[i], e.window.end + ONE_DAY, e.deadline)
            take(i, late, e.minimum)
            for m in late:
                if len(claimed[i]) >= e.minimum:
                    break
                # Taken by its own period, which another meeting can meet instead: that one
                # serves its own period and this one the window it is late for.
                j = owner.get(id(m), i)
                spare = next((s for s in own.get(j, ()) if id(s) not in owner), None) if j != i else None
                if spare is not None:
                    claimed[j].remove(m)
                    claimed[j].append(spare)
                    owner[id(spare)] = j
                    owner[id(m)] = i
                    claimed[i].append(m)
                    unsorted.update((i, j))
            if len(claimed[i]) < e.minimum:
                _loose_to_earlier(i, e, exps, near[i], own, claimed, owner, unsorted)
    for i in order:
        if len(own[i]) > len(claimed[i]) and take(i, own[i], None):
            unsorted.add(i)
    for i in unsorted:
        claimed[i].sort(key=Meeting.sort_key)
    return claimed, owner, near


def _loose_to_earlier(i: int, e: Expectation, exps: Sequence[Expectation], near: list[Meeting], own: dict[int, list[Meeting]], claimed: list[list[Meeting]], owner: dict[int, int], unsorted: set[int]) -> None:
    """A window short of meetings whose tolerance a loosely dated meeting may fall in
    (`2022` after a 2021 window with two months' slack), taken by its own period that another
    meeting meets anyway: it may have served this window, so it is left to it, uncounted (the
    judge sees it as possible: ``uncertain``), and its own period counts the other one.
    Counted there, this window was ``missed`` on a reading the register does not give."""
    end, deadline = e.window.end, e.deadline
    for m in near:
        s0, s1 = m.start.earliest, m.start.latest
        if not (s1 > end and s0 <= deadline) or (s0 > end and s1 <= deadline) or m.status is not _HELD or not e.counts(m):
            continue
        j = owner.get(id(m))
        if j is None or j == i or j not in own:
            continue
        if sum(1 for s in own[j] if s is not m and owner.get(id(s), j) == j) < exps[j].minimum:
            continue  # its own period needs it
        claimed[j].remove(m)
        owner[id(m)] = i
        unsorted.add(j)
        return


def _disjoint(exps: Sequence[Expectation], order: list[int]) -> bool:
    """Whether no two windows (``start`` .. ``deadline``) share a day."""
    last: date | None = None
    for i in order:
        e = exps[i]
        if last is not None and e.window.start <= last:
            return False
        last = e.deadline
    return True


def one_rule_keys(exps: Sequence[Expectation], keys: list) -> list:
    """``keys`` (body and rule index of each expectation) with the versions of one ``after``
    rule (the same ``id``) given one key: their windows share out the body's meetings as one
    rule's do. Judged apart, a Board of 2021-03-10 met both "18 months after" a Summit of
    2019-09-01 (due 2021-03) and "1 year after" one of 2020-05-01 (due 2021): two Summits, two
    Boards due, one held (session 21)."""
    first: dict[tuple[str, int], Expectation] = {}
    for e, key in zip(exps, keys, strict=True):
        if key is not None and key not in first:
            first[key] = e
    # (not where a window stands for the readings of a loosely dated origin: shared out as
    # one reading's window, it took the meeting from the other version's window on every
    # reading, a violation the register does not prove; such versions are judged apart)
    loose = {(e.body.id, e.rule.id) for e, key in zip(exps, keys, strict=True) if key is not None and e.cases and e.rule.kind == "after"}
    series: dict[tuple[str, int], tuple[str, int]] = {}
    for key, e in first.items():
        if e.rule.kind == "after" and (e.body.id, e.rule.id) not in loose:
            series.setdefault((e.body.id, e.rule.id or ""), key)  # type: ignore[arg-type]
    if len(series) == sum(1 for e in first.values() if e.rule.kind == "after" and (e.body.id, e.rule.id) not in loose):
        return keys  # no two versions of one after rule among them
    alias = {key: series[(e.body.id, e.rule.id or "")] for key, e in first.items() if e.rule.kind == "after" and (e.body.id, e.rule.id) not in loose}
    return [alias.get(key, key) for key in keys]
