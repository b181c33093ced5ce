"""The order a chair rotates in (``[chairmanship] order``): alphabetical (letters without their
accents, as the UN's English order) or as ``organization.members`` lists them, among the members
on the day a term begins. ``plan`` proposes the next chairs in it; ``findings`` says where the
register's chairs left it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from planner.core.model import Member, RuleBook


def alphabetical_after(book: RuleBook, current: Member | None, count: int, on: date | None = None) -> list[Member]:
    """The next ``count`` members after ``current`` in alphabetical order, wrapping; with
    ``on``, among the members on that day (the UN Security Council's elected members change
    each January: after Slovenia, December 2025, comes Somalia, then the United Kingdom, not
    Switzerland, whose term ended with 2025)."""
    return rotation_after(book, current, count, on, listed=False)


def rotation_after(book: RuleBook, current: Member | None, count: int, on: date | None = None, *, listed: bool, pass_unsure: bool = False) -> list[Member]:
    """The next ``count`` members after ``current`` in the rotation's order, wrapping: the
    order ``organization.members`` lists them (``listed``: the Visegrad Group's Czech Republic,
    Poland, Hungary, Slovakia) or alphabetical; with ``on``, among the members on that day who
    are not certainly suspended then (``suspended``), and with ``pass_unsure`` not those who
    take part on some readings of their dates only (a joining, leaving or suspension dated
    only to the month or year: the other reading of that day)."""
    everyone = list(book.organization.members) if listed else _alphabetical(book.organization.members)
    # (a member suspended on that day, or whose participation is frozen, is passed by: it
    # keeps its place in the order for the turn after)
    members = [m for m in everyone if on is None or (m.takes_part_on(on) and not (pass_unsure and m.takes_part_unsure_on(on)))]
    if not members:
        return []
    at = _place(members, current)
    if at is not None:
        first = at + 1
    elif listed:
        # a current chair no longer a member: the next listed after its own place
        at = everyone.index(current) if current in everyone else -1
        first = next((i for i, m in enumerate(members) if everyone.index(m) > at), 0)
    else:
        # a current chair no longer a member: the next name after its own
        first = next((i for i, m in enumerate(members) if current is not None and alphabetical_key(m.name) > alphabetical_key(current.name)), 0)
    return [members[(first + k) % len(members)] for k in range(count)]


# (a chair register of 100,000 terms asks the order twice a term: sorting the members and
# comparing them field by field each time was 60 % of `chairs`, 12.8 s)
def _alphabetical(members: Sequence[Member]) -> list[Member]:
    """``members`` in alphabetical order (the order of their names, sorted once per list)."""
    return [members[i] for i in _order(tuple(m.name for m in members))]


@lru_cache(maxsize=64)
def _order(names: tuple[str, ...]) -> list[int]:
    return sorted(range(len(names)), key=lambda i: alphabetical_key(names[i]))


def _place(members: Sequence[Member], current: Member | None) -> int | None:
    """Where ``current`` stands in ``members`` (the same member first, else an equal one)."""
    for i, m in enumerate(members):
        if m is current:
            return i
    return members.index(current) if current is not None and current in members else None


@lru_cache(maxsize=4096)
def alphabetical_key(name: str) -> tuple[str, str]:
    """Where ``name`` comes in alphabetical order: letters without their accents, case
    folded (the UN's English order: Costa Rica, Côte d'Ivoire, Croatia, Cuba; Türkiye before
    Turkmenistan), a leading article left aside (the UN lists "Netherlands (Kingdom of the)"
    among the N and "Gambia" among the G: "the Netherlands" came after Norway, among the T),
    the name itself breaking a tie. By code point, 'ô' came after every ASCII letter, and Côte
    d'Ivoire after Cuba."""
    plain = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in plain if not unicodedata.combining(c)).casefold().strip()
    return _ARTICLE.sub("", letters), name


_ARTICLE = re.compile(r"^the\s+")
