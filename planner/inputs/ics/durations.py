"""DURATION values of an .ics file checked as text against RFC 5545 3.3.6, before icalendar
reads them. icalendar is lenient where the grammar is not: it read ``P1DT`` as one day,
``PT`` as zero, ``P1W2D`` (weeks beside days) as nine days and ``PT1H30S`` (minutes skipped)
as 1 h 30 s, and said of ``p2d`` only "Invalid iCalendar duration". A length the file does not
write as the RFC does is refused in one line naming the line, the value and, where the meaning
is plain, the same length as the RFC writes it.

The grammar (RFC 5545 3.3.6)::

    dur-value  = (["+"] / "-") "P" (dur-date / dur-time / dur-week)
    dur-date   = dur-day [dur-time]
    dur-time   = "T" (dur-hour / dur-minute / dur-second)
    dur-week   = 1*DIGIT "W"
    dur-hour   = 1*DIGIT "H" [dur-minute]
    dur-minute = 1*DIGIT "M" [dur-second]
    dur-second = 1*DIGIT "S"
    dur-day    = 1*DIGIT "D"
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.core.errors import RegisterError

__all__ = ["refuse_bad_durations"]

_TIME = r"(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)"
_STRICT = re.compile(rf"[+-]?P(?:\d+W|\d+D(?:T{_TIME})?|T{_TIME})")
# the parts any reader would take for a length, in any order of case and combination
_LOOSE = re.compile(r"([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.IGNORECASE)
# a DURATION line, its value possibly folded (RFC 5545 3.1)
_DURATION = re.compile(r"^DURATION(?:;[^:\r\n]*)?:([^\r\n]*(?:(?:\r\n|\r|\n)[ \t][^\r\n]*)*)", re.IGNORECASE | re.MULTILINE)
_RFC = "RFC 5545 3.3.6"


def _as_rfc_writes(found: re.Match[str]) -> str:
    """The length ``found`` (a match of ``_LOOSE``) means, written as RFC 5545 writes it."""
    sign, weeks, days, hours, minutes, seconds = found.groups()
    sign = "" if sign == "+" else sign
    if weeks is not None and days is None and hours is None and minutes is None and seconds is None:
        return f"{sign}P{int(weeks)}W"
    total_days = int(weeks or 0) * 7 + int(days or 0)
    time = ""
    if hours is not None or minutes is not None or seconds is not None:
        parts = [(hours, "H"), (minutes, "M"), (seconds, "S")]
        given = [i for i, (n, _) in enumerate(parts) if n is not None]
        # from the first unit given to the last, none skipped (a zero where one was)
        time = "T" + "".join(f"{int(parts[i][0] or 0)}{parts[i][1]}" for i in range(given[0], given[-1] + 1))
    day_part = f"{total_days}D" if (weeks is not None or days is not None) else ""
    return f"{sign}P{day_part}{time}"


def _problem(value: str) -> tuple[str, str] | None:
    """What is wrong with the DURATION ``value`` and what was expected, or ``None``."""
    if _STRICT.fullmatch(value):
        return None
    if not any(c.isdigit() for c in value):
        return "DURATION has no length", f"a number before each unit, e.g. P2D, PT3H or PT0S ({_RFC})"
    if value.upper().endswith("T"):
        return "DURATION has a T and no hours, minutes or seconds after it", f"a number before each unit, e.g. P2D, PT3H or PT0S ({_RFC})"
    if re.fullmatch(r"[+-]?P(?:\d+[YM])+(?:\d+[WD])*(?:T.*)?", value, re.IGNORECASE):
        return "DURATION gives years or months, which have no fixed length", f"days or weeks, e.g. P30D or P4W ({_RFC})"
    loose = _LOOSE.fullmatch(value.strip())
    if loose is None:
        return "DURATION is not a length", f"[+ or -]P, then weeks (P1W), or days (P2D) and a time (PT3H, PT1H30M, P1DT12H) ({_RFC})"
    fix = _as_rfc_writes(loose)
    if value != value.strip():
        problem = "DURATION has spaces around its value"
    elif value != value.upper():
        problem = "DURATION is written in small letters"
    elif loose[2] is not None and fix != value:
        problem = "DURATION gives weeks beside other units"
    else:
        problem = "DURATION skips a unit between hours and seconds" if "H" in value and "S" in value and "M" not in value else "DURATION is not written as RFC 5545 writes one"
    return problem, f"{fix!r}, the same length as {_RFC} writes it"


def refuse_bad_durations(text: str, path: Path) -> None:
    """Each DURATION of ``text`` (the whole .ics file at ``path``) is a length as RFC 5545
    writes one, else a ``RegisterError`` naming its line. ``PT0S`` is a zero duration, read
    as a DTEND equal to DTSTART is."""
    if "DURATION" not in text.upper():
        return
    for found in _DURATION.finditer(text):
        value = re.sub(r"(?:\r\n|\r|\n)[ \t]", "", found[1])
        wrong = _problem(value)
        if wrong is not None:
            shown = value if len(value) <= 60 else value[:57] + "..."
            raise RegisterError(wrong[0], path=path, location=text.count("\n", 0, found.start()) + 1, value=shown, expected=wrong[1])
