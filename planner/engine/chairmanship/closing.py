"""The handover expected to end a running or planned term: of the handover bodies' coming
meetings, the first from ``handover_days`` before the day the rule's ``term`` runs out, within
the length the rule allows, else the last before that (a Council meeting every year under a
2-year term hands the chair over at every second meeting, not at the first: the plan gave
1-year terms); where none is within it and a handover body meets ad hoc (nothing of it is
projected), on that day, at a meeting of that body still to be called (the Council of
Europe's Deputies take the chair over in November: the plan gave 1-year terms from May to
May); else the first after it (too long: the ``long_expected`` note says so). Where the meetings
known stop before the term's end (the projection's horizon) and another would still come
before it at the pace they came, none of them ends it: the term is open."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from planner.core.dates import PartialDate
from planner.core.model import AdHocRule, Body, Chairmanship, Kind, Meeting, Member, RuleBook


def ad_hoc_handover_bodies(book: RuleBook) -> list[Body]:
    """The handover bodies that meet only ad hoc: their coming meetings are not projected, so
    the projection cannot say when the chair passes there."""
    rule = book.chairmanship
    bodies = [book.body(b) for b in rule.handover_bodies] if rule is not None else []
    return [b for b in bodies if b is not None and all(isinstance(r, AdHocRule) for r in b.rules)]


def ad_hoc_handover(book: RuleBook) -> bool:
    return bool(ad_hoc_handover_bodies(book))


def expected_close(rule: Chairmanship, after: Iterable[Meeting], start: PartialDate, *, ad_hoc_from: date | None = None) -> tuple[PartialDate | None, Meeting | None]:
    """The end of a term begun at ``start`` and the meeting expected to close it. ``after``: the
    handover bodies' meetings beginning after the term's first days (``start`` and the
    handover slack), in order; ``ad_hoc_from``: where a handover body meets ad hoc, the first
    day a term may be expected to end at a meeting of it still to be called (--today: a day
    past is no meeting to expect)."""
    due = rule.term.add_to(start.latest)
    slack = timedelta(days=rule.handover_days)
    limit = (rule.tolerance.add_to(due) if rule.tolerance else due) + slack
    ad_hoc = ad_hoc_from is not None and due >= ad_hoc_from
    first: Meeting | None = None
    early: Meeting | None = None  # the last one in time before the handover days of its end
    pace = timedelta(0)  # from the meeting (or the term's first day) before ``early`` to it
    for m in after:
        if m.kind is not Kind.REGULAR:
            continue
        first = first or m
        if m.earliest > limit:
            break
        if m.earliest >= due - slack:
            return m.start, m  # the first from the handover days before its end
        pace = m.earliest - (early.earliest if early is not None else start.latest)
        early = m
    else:
        # The meetings known stop before the term's end (the projection's horizon). The last
        # of them ends it unless, at the pace they came, another would still come before its
        # end: then it is one of the body's sessions inside the term, and the one that ends it
        # lies past what is known (the ILO's Governing Body meets in March, June and November
        # and elects its Chairperson each June: a term begun in June 2028 "ended" at the
        # November session, 5 months into a year). CICA's 7th Summit, October 2026, 22 months
        # into a 2-year term with no meeting between, still ends Azerbaijan's.
        if early is not None and not ad_hoc and early.start.latest + pace < due - slack:
            return None, None
    # None at its end: the last before it, within the rule's length (a meeting weeks early);
    # with a meeting of the ad hoc body still to be called at its end, not one months before
    # it (a Council in August of a term ending in November is not the one expected to end it)
    if early is not None and not ad_hoc:
        return early.start, early
    if ad_hoc:
        return PartialDate.of(due), None
    return (first.start, first) if first is not None else (None, None)


def leaving_day(member: Member | None) -> date | None:
    """The first day ``member`` is no member, where its `left` gives it to the day: a running
    term of its chair that would end after it is expected to end then, at no meeting (a chair
    that is no member cannot keep the chair)."""
    left = member.left if member is not None else None
    return left.latest + timedelta(days=1) if left is not None and left.exact else None
