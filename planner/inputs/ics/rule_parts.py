"""The parts of an RRULE held to the ranges RFC 5545 3.3.10 gives them, before a series is
expanded. dateutil, which expands them, reads a value out of range in one of three ways, none
of them an error: BYDAY=9MO in a monthly series was an IndexError traceback; BYMONTHDAY=0
made a monthly series daily; BYMONTH=13 or BYMONTHDAY=40 matched no day, and the series was
read as its first meeting alone. COUNT beside UNTIL (the RFC: "MUST NOT occur in the same
'recur'") left one of the two unread.

From the grammar (RFC 5545 3.3.10)::

    bymolist   = monthnum:  1 to 12
    bymodaylist= [plus / minus] 1 to 31
    byyrdaylist= [plus / minus] 1 to 366
    bywknolist = [plus / minus] 1 to 53
    bysplist   = [plus / minus] 1 to 366
    byhrlist   = 0 to 23; byminlist = 0 to 59; byseclist = 0 to 60
    weekdaynum = [[plus / minus] ordwk] weekday; ordwk = 1 to 53

and its text: a BYDAY number only where FREQ is MONTHLY or YEARLY, and not in a YEARLY rule with
BYWEEKNO; in a MONTHLY rule (or a YEARLY one with BYMONTH) it counts the days of a month, which
has at most five of each weekday.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from planner.core.errors import RegisterError

__all__ = ["refuse_rule_parts"]

# part: (lowest, highest, whether the negatives -highest..-lowest are allowed too)
_RANGES = {
    "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
    "BYHOUR": (0, 23, False),
    "BYMINUTE": (0, 59, False),
    "BYSECOND": (0, 60, False),
}
_WEEKDAY = re.compile(r"([+-]?\d{1,3})?(MO|TU|WE|TH|FR|SA|SU)", re.IGNORECASE)
_RFC = "RFC 5545 3.3.10"


def _range_words(low: int, high: int, signed: bool) -> str:
    return f"{low} to {high}" + (f" or -{high} to -{low}" if signed else "")


def _part_problem(rule: Any, part: str) -> tuple[str, str] | None:
    low, high, signed = _RANGES[part]
    for value in rule.get(part) or []:
        number = value if isinstance(value, int) and not isinstance(value, bool) else None
        if number is None or not (low <= number <= high or (signed and -high <= number <= -low)):
            return f"{part}={value}", _range_words(low, high, signed)
    return None


def _byday_problem(rule: Any, freq: str) -> tuple[str, str] | None:
    in_month = freq == "MONTHLY" or (freq == "YEARLY" and bool(rule.get("BYMONTH")))
    for value in rule.get("BYDAY") or []:
        found = _WEEKDAY.fullmatch(str(value))
        if found is None:
            return f"BYDAY={value}", "a weekday (MO, TU, WE, TH, FR, SA or SU), with a number before it where FREQ is MONTHLY or YEARLY (2MO, -1FR)"
        if found[1] is None:
            continue
        number = int(found[1])
        if freq not in ("MONTHLY", "YEARLY"):
            return f"BYDAY={value}", f"a weekday without a number in a {freq} rule (a number counts the days of a month or year)"
        if freq == "YEARLY" and rule.get("BYWEEKNO"):
            return f"BYDAY={value}", "a weekday without a number beside BYWEEKNO"
        most = 5 if in_month else 53
        if not 1 <= abs(number) <= most:
            where = "a month" if in_month else "a year"
            return f"BYDAY={value}", f"a number from 1 to {most} or -{most} to -1 before the weekday: {where} has at most {most} of each"
    return None


def refuse_rule_parts(master: Any, path: Path, where: str) -> None:
    """Each RRULE of ``master`` (an event) holds its parts in their ranges, COUNT is 1 or more
    and never beside UNTIL; else a ``RegisterError`` naming the part and what it may be."""
    rules = master.get("RRULE")
    for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
        freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
        if rule.get("COUNT") and rule.get("UNTIL"):
            raise RegisterError("recurring series gives both COUNT and UNTIL", path=path, location=where, value=_shown(rule), expected=f"one of them: the number of meetings or the last day ({_RFC}: they MUST NOT occur together)")
        count = (rule.get("COUNT") or [None])[0]
        if count is not None and (not isinstance(count, int) or count < 1):
            raise RegisterError(f"recurring series has COUNT={count}", path=path, location=where, value=_shown(rule), expected=f"COUNT=1 or more, or no COUNT ({_RFC})")
        for part in _RANGES:
            wrong = _part_problem(rule, part)
            if wrong is not None:
                raise RegisterError(f"recurring series has {wrong[0]}, out of its range", path=path, location=where, value=_shown(rule), expected=f"{part} of {wrong[1]} ({_RFC})")
        wrong = _byday_problem(rule, freq)
        if wrong is not None:
            raise RegisterError(f"recurring series has {wrong[0]}", path=path, location=where, value=_shown(rule), expected=f"{wrong[1]} ({_RFC})")


def _shown(rule: Any) -> str:
    raw = rule.to_ical() if hasattr(rule, "to_ical") else rule
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return text if len(text) <= 120 else text[:117] + "..."
