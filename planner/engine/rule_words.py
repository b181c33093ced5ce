"""Rules and meetings in plain words: "every 4 years", "2 years after each Summit", "the 6th
Summit (2022-10-12)". One place, so that check, project, feeds and the report say the same."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from operator import itemgetter

from planner.core.dates import Precision, year_start_month
from planner.core.model import (
    AdHocRule,
    AfterRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    EveryRule,
    HostPolicy,
    Kind,
    Meeting,
    OnRule,
    Rule,
    RuleBook,
    Status,
)
from planner.core.words import a_or_an


def ordinal_words(meeting: Meeting, body: Body) -> str:
    """``the 6th Summit (2022-10-12)``; ``the Summit of 2022-10-12`` without an ordinal."""
    start, n, status = _ORDINAL_FIELDS(meeting)
    if status is _HELD:
        tail = ""
        when = start.earliest.isoformat() if start.precision is _DAY else str(start)
    else:
        tail = f", {status.value}"
        # A projected meeting of a body hosted by the chair of the day may still move (a chair
        # plan re-places it on the host's working days in its year): its year is what is
        # known. Any other projected meeting keeps its day, named as a held one's is (a
        # 12-month chain depends on its month, a 365-day chain on its day).
        when = str(start.earliest.year) if status is Status.PROJECTED and body.host is HostPolicy.CHAIR else str(start)
    if n:
        return f"the {ordinal(n)} {body.label} ({when}{tail})"
    return f"the {body.label} of {when}{tail}"


# the fields of a meeting its words read, in one C call (a meeting is a named tuple)
_ORDINAL_FIELDS = itemgetter(*(Meeting._fields.index(name) for name in ("start", "ordinal", "status")))
_HELD = Status.HELD
_DAY = Precision.DAY


def ordinal(n: int) -> str:
    found = _ORDINALS.get(n)
    if found is None:
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        found = f"{n}{suffix}"
        if n < 100_000:  # the ordinals a register holds, a few thousand at most: made once each
            _ORDINALS[n] = found
    return found


_ORDINALS: dict[int, str] = {}


def count_words(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def per_words(per: str) -> str:
    """``a year``, ``a half-year``: a period as a rule says it (``once a half`` is no English)."""
    return "a half-year" if per == "half" else f"a {per}"


def rule_words(rule: Rule, book: RuleBook | None = None) -> str:
    """The rule in plain words: ``every 4 years``, ``2 years after each Summit``."""
    if isinstance(rule, EveryRule):
        text = f"every {rule.interval.words()}" if rule.interval.amount != 1 else f"once a {rule.interval.words().split()[1]}"
        if rule.mode == "grid":
            text += f" (fixed grid{' from ' + str(rule.anchor) if rule.anchor else ''})"
    elif isinstance(rule, AfterRule):
        other = book.body(rule.body) if book else None
        text = f"{rule.offset.words()} after each {other.label if other else rule.body}"
    elif isinstance(rule, AtLeastRule):
        text = f"at least {count_words(rule.count)} {per_words(rule.per.value)}" + _year_words(rule, book) + except_months_words(rule) if rule.count else ""
        if rule.within:
            text += f", within its first {rule.within.first_words()}"
        if rule.min_gap:
            text += f", {rule.min_gap.words()} apart"
        if rule.max_gap:
            text += f", at most {rule.max_gap.words()} apart" if text else f"at most {rule.max_gap.words()} apart"
    elif isinstance(rule, AtMostRule):
        text = f"at most {count_words(rule.count)} {per_words(rule.per.value)}" + _year_words(rule, book) + except_months_words(rule)
    elif isinstance(rule, OnRule):
        text = f"on {rule.words()}" + ("" if rule.interval.amount == 1 else f", every {rule.interval.words()}")
    elif isinstance(rule, BeforeRule):
        other = book.body(rule.body) if book else None
        text = f"within {rule.offset.words()} before each {other.label if other else rule.body}"
    else:
        text = "ad hoc"
    if rule.first_within:
        text += f"; the first within {rule.first_within.words()} of the founding"
    if not rule.binding and not isinstance(rule, AdHocRule):
        text = f"in practice {text.removeprefix('at least ')} (customary)"
    if rule.except_when:
        names = [(b.label if (b := book.body(ref)) else ref) if book else ref for ref in rule.except_when]
        text += ", except in a period with " + " or ".join(a_or_an(n) for n in names)
    if rule.formats:
        text += ", " + " or ".join(f.value.replace("_", " ") for f in rule.formats) + " only"
    if rule.count_by == "event":
        text += ", sessions held together count once"
    if not isinstance(rule, AdHocRule) and rule.counts and tuple(rule.counts) != _REGULAR_ONLY:
        # (a body's readings side by side, "once a year" beside "once a year, counting special
        # meetings": the Swiss National Council's special session is no ordinary session)
        text += ", counting " + " and ".join(kind.value for kind in rule.counts) + " meetings"
    return text


_REGULAR_ONLY = (Kind.REGULAR,)


def except_months_words(rule: AtLeastRule | AtMostRule) -> str:
    """``, except in July and August`` for a monthly rule that leaves months out, else ``""``."""
    if not rule.except_months:
        return ""
    names = [calendar.month_name[m] for m in sorted(set(rule.except_months))]
    return ", except in " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


def _year_words(rule: AtLeastRule | AtMostRule, book: RuleBook | None) -> str:
    """`` (years from 1 April)`` when the rule's years do not start in January."""
    month = year_start_month(rule.year_start or (book.organization.year_start if book else None))
    return f" (years from 1 {calendar.month_name[month]})" if month != 1 and rule.per.value != "month" else ""


SHOWN_ORIGINS = 10  # origins a window's reason names; 100,000 meetings on one day made each follower's reason 2 MB


def origins_words(group: Sequence[Meeting], other: Body) -> str:
    """The origins of an after window in words: all of them up to ``SHOWN_ORIGINS``, then the
    first ones and how many more (the window lists them all in its data)."""
    if len(group) <= SHOWN_ORIGINS:
        return " and ".join(ordinal_words(o, other) for o in group)
    return " and ".join(ordinal_words(o, other) for o in group[:SHOWN_ORIGINS]) + f" and {len(group) - SHOWN_ORIGINS:,} more"
