"""Meetings in date order (:func:`~planner.outputs.calendar.ical.event_order`) without a full
sort key per meeting: a million of them are the order of a feed folder's events, and the
processes that make the events each put their own bodies' meetings in it
(:mod:`planner.outputs.calendar.folder.forked`)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import compress, count, islice, repeat
from operator import eq, itemgetter, rshift

from planner.core.model import Meeting
from planner.outputs.calendar.ical import event_order

_START, _END = itemgetter(1), itemgetter(4)  # a meeting's start and end


def date_order(meetings: Iterable[Meeting]) -> list[Meeting]:
    """``meetings`` sorted by :func:`event_order`, without a full sort key per meeting: all of
    them are sorted by (first day, last day, body, place in the input) packed into one integer,
    and only a run of meetings of one body on the same days is sorted again by the full key
    (stably, so equal keys keep their input order). The order is the same (the full key starts
    with the first day, the last day and the body), but a million full keys would cost some
    300 MB and a million calls of :func:`event_order`."""
    lists = by_body(meetings)
    return in_date_order(lists, 0, key_bits(lists))[0]


def by_body(meetings: Iterable[Meeting]) -> list[list[Meeting]]:
    """``meetings`` by body (bodies sorted by id), each body's in input order."""
    found: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        found.setdefault(meeting[0], []).append(meeting)
    return [found.pop(body) for body in sorted(found)]


def key_bits(lists: list[list[Meeting]]) -> tuple[int, int]:
    """The bits of a meeting's place in its body's list and of a body's rank in ``lists``
    (:func:`by_body`), as :func:`in_date_order` packs them."""
    return max((len(m) for m in lists), default=1).bit_length(), len(lists).bit_length()


def in_date_order(lists: list[list[Meeting]], first_rank: int, bits: tuple[int, int], days: bool = False) -> tuple[list[Meeting], Sequence[int]]:
    """The meetings of ``lists`` (bodies of :func:`by_body` from rank ``first_rank`` on, of
    ``bits``: :func:`key_bits` of all of them) in date order (see :func:`date_order`); with
    ``days``, each one's (first day, last day, body rank) packed, which orders the meetings of
    any bodies (what ties stay of one body), else nothing."""
    place_bits, body_bits = bits
    keys: list[int] = []
    shift = 1 << (body_bits + place_bits)
    for rank, listed in enumerate(lists, first_rank):  # a body at a time, a column at a time
        starts = list(map(_START, listed))
        firsts = [start.earliest.toordinal() for start in starts]
        lasts = [(end or start).latest.toordinal() for start, end in zip(starts, map(_END, listed), strict=True)]
        base = rank << place_bits
        keys += [((first << 22) + last - first) * shift + base + place for place, first, last in zip(range(len(listed)), firsts, lasts, strict=True)]  # 2**22 days: 11,000 years
    keys.sort()
    packed = list(map(rshift, keys, repeat(place_bits))) if days else None  # first day, last day and body
    pairs = (packed, islice(packed, 1, None)) if packed is not None else [map(rshift, part, repeat(place_bits)) for part in (keys, islice(keys, 1, None))]
    ties = list(compress(count(), map(eq, *pairs)))  # i: meetings i and i + 1 are a tie, to be ordered by the full key
    places, bodies = (1 << place_bits) - 1, (1 << body_bits) - 1
    ordered = [lists[((key >> place_bits) & bodies) - first_rank][key & places] for key in keys]
    del keys
    at = 0
    while at < len(ties):
        end = at
        while end + 1 < len(ties) and ties[end + 1] == ties[end] + 1:
            end += 1
        first, last = ties[at], ties[end] + 1
        ordered[first : last + 1] = sorted(ordered[first : last + 1], key=event_order)
        at = end + 1
    if packed is None:
        return ordered, ()
    return ordered, array("q", packed) if 44 + body_bits < 63 else packed  # (2**22 days of 2**22 days after: 44 bits)
