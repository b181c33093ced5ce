"""The projected meetings due by another body's chair-hosted meeting, in days or months: when a
chair plan re-places that meeting on its chair's working days, the window they answer moves
with it (an `after` or `before` rule counted from the day it opens, or from its month).

A Ministerial of the Secretariat due within 3 days after each Summit was projected on Monday
2028-10-16, three days after a Summit of Friday the 13th; a plan giving the Summit to Egypt
moved it to Thursday the 12th (Friday is Egypt's weekend), and the Ministerial, left on the
16th, answered nothing: checked with its own projection, the window was missed. Rules in years
need nothing: a re-placed meeting stays in its year."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import date, timedelta

from planner.core.dates import Window
from planner.core.model import Meeting, RuleBook
from planner.core.rules import AfterRule, BeforeRule

Chained = tuple[Meeting, AfterRule | BeforeRule]


def _months(day: date) -> int:
    return day.year * 12 + day.month - 1


def serves(rule: AfterRule | BeforeRule, origin: date, meeting: Meeting) -> bool:
    """Whether ``meeting`` lies in the window ``rule`` makes due by a meeting of its body opening
    on ``origin``: after, in days, ``origin + 1 .. origin + offset``; after, in months, the
    month ``offset`` months after ``origin``'s; before, ``origin - offset .. origin - 1``."""
    offset = rule.offset
    first = meeting.earliest
    if isinstance(rule, BeforeRule):
        return origin - offset.delta() <= first and meeting.latest < origin
    if offset.unit == "d":
        return origin < first <= origin + timedelta(days=offset.amount)
    return _months(first) == _months(origin) + offset.amount


def window(rule: AfterRule | BeforeRule, origin: date, days: int) -> Window:
    """The first days a meeting of ``days`` days may open on to answer ``rule`` for a meeting
    of its body opening on ``origin`` (see :func:`serves`)."""
    offset = rule.offset
    if isinstance(rule, BeforeRule):
        return Window(origin - offset.delta(), origin - timedelta(days=days))
    if offset.unit == "d":
        return Window(origin + timedelta(days=1), origin + timedelta(days=offset.amount))
    month = _months(origin) + offset.amount
    first = date(month // 12, month % 12 + 1, 1)
    return Window(first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1))


def chained(book: RuleBook, projected: Iterable[Meeting], chair_bodies: Iterable[str], skip: set[int]) -> dict[int, list[Chained]]:
    """By the ``id`` of a projected meeting of a chair-hosted body, the projected meetings of
    bodies the chair does not host that answer an `after` or `before` rule in days or months
    counted from it, each with that rule (``skip``: ids of meetings placed otherwise, such as
    the body that meets just before another)."""
    hosted = set(chair_bodies)
    rules: dict[str, list[AfterRule | BeforeRule]] = {}
    for body in book.bodies:
        if body.id in hosted:
            continue
        for rule in body.rules:
            if isinstance(rule, (AfterRule, BeforeRule)) and rule.offset.unit in ("d", "m") and (other := book.body(rule.body)) is not None and other.id in hosted:
                rules.setdefault(body.id, []).append(rule.model_copy(update={"body": other.id}))
    out: dict[int, list[Chained]] = {}
    if not rules:
        return out
    meetings = list(projected)
    origins: dict[str, list[Meeting]] = {}
    for m in meetings:
        if m.body in hosted and m.exact:
            origins.setdefault(m.body, []).append(m)
    starts = {body: [m.earliest for m in found] for body, found in origins.items()}
    for m in meetings:
        mine = rules.get(m.body)
        if not mine or not m.exact or id(m) in skip:
            continue
        for rule in mine:
            found, days = origins.get(rule.body, []), starts.get(rule.body, [])
            # (the origins that may have made it due: a window's reach either side of it)
            reach = timedelta(days=rule.offset.amount * (31 if rule.offset.unit == "m" else 1) + 31)
            for at in range(bisect.bisect_left(days, m.earliest - reach), bisect.bisect_right(days, m.latest + reach)):
                if serves(rule, found[at].earliest, m):
                    out.setdefault(id(found[at]), []).append((m, rule))
    return out


__all__ = ["Chained", "chained", "serves", "window"]
