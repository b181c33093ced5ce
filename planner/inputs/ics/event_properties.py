"""Properties of a VEVENT that say two things at once, or a thing the RFC does not allow, refused
before the event is read: each was read as one of its meanings without a word.

* DTEND beside DURATION (RFC 5545 3.6.1: "either 'dtend' or 'duration' MAY appear ... but
  'dtend' and 'duration' MUST NOT occur in the same 'eventprop'"): the DURATION was not read.
* A property the RFC allows once (SUMMARY, STATUS, LOCATION, ...) or one of ours (X-PLANNER-*)
  given twice with different values: the first was read (X-PLANNER-ORDINAL 3 and 4: the 3rd).
* STATUS other than TENTATIVE, CONFIRMED or CANCELLED (RFC 5545 3.8.1.11, a VEVENT's): a
  STATUS:POSTPONED was read as held once its days had passed.
* EXDATE;VALUE=PERIOD (RFC 5545 3.8.5.1 takes DATE-TIME or DATE): no occurrence was excluded.
* An RDATE before the year 1000 or after 2999, the years a DTSTART may have: the occurrence was
  left out of the series (the search begins in 1000 and ends at the horizon).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from planner.core.dates import MAX_YEAR, MIN_YEAR
from planner.core.errors import RegisterError

__all__ = ["refuse_contradictions"]

# at most once in a VEVENT (RFC 5545 3.6.1: "MUST NOT occur more than once"), among those read
_ONCE = ("SUMMARY", "STATUS", "LOCATION", "URL", "DESCRIPTION", "RECURRENCE-ID")
_STATUSES = ("TENTATIVE", "CONFIRMED", "CANCELLED")


def _raw(prop: Any) -> str:
    raw = prop.to_ical() if hasattr(prop, "to_ical") else prop
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _listed(event: Any, name: str) -> list[Any]:
    value = event.get(name)
    return value if isinstance(value, list) else [value] if value is not None else []


def refuse_contradictions(event: Any, path: Path, where: str, *, register: bool = True) -> None:
    """A ``RegisterError`` for the first property of ``event`` (a VEVENT) that contradicts
    another or that the RFC does not allow (see the module). ``register``: the event is a
    meeting's; a calendar to avoid reads its days alone (busy unless CANCELLED or TRANSPARENT),
    and leaves plain events outside the horizon unread (:mod:`planner.inputs.ics.outside`): its
    texts, STATUS and X-PLANNER- properties are not held to one value."""
    if "DTEND" in event and "DURATION" in event:
        raise RegisterError(
            "event gives both DTEND and DURATION",
            path=path,
            location=where,
            value=f"DTEND {_raw(_listed(event, 'DTEND')[0])}, DURATION {_raw(_listed(event, 'DURATION')[0])}",
            expected="one of them (RFC 5545 3.6.1: they MUST NOT occur together)",
        )
    for name in (*_ONCE, *sorted(k for k in event if k.upper().startswith("X-PLANNER-"))) if register else ():
        values = _listed(event, name)
        if len({_raw(v) for v in values}) > 1:
            raise RegisterError(f"{name} appears {len(values)} times with different values", path=path, location=where, value=", ".join(_raw(v) for v in values[:3]), expected=f"one {name} an event" + ("" if name.upper().startswith("X-") else " (RFC 5545 3.6.1)"))
    found = _listed(event, "STATUS")
    if register and found and str(found[0]).strip().upper() not in _STATUSES:
        raise RegisterError("STATUS is not a status a VEVENT has", path=path, location=where, value=_raw(found[0]), expected="TENTATIVE, CONFIRMED or CANCELLED (RFC 5545 3.8.1.11); X-PLANNER-STATUS for postponed")
    for prop in _listed(event, "EXDATE"):
        if str(getattr(prop, "params", {}).get("VALUE", "")).upper() == "PERIOD":
            raise RegisterError("EXDATE is a PERIOD", path=path, location=where, value=_raw(prop), expected="the DATE or DATE-TIME of each occurrence left out (RFC 5545 3.8.5.1)")
    for prop in _listed(event, "RDATE"):
        for value in getattr(prop, "dts", ()):
            day = value.dt[0] if isinstance(value.dt, tuple) else value.dt
            if isinstance(day, date) and not MIN_YEAR <= day.year <= MAX_YEAR:
                raise RegisterError("RDATE: is out of range", path=path, location=where, value=_raw(prop), expected=f"dates in the years {MIN_YEAR} to {MAX_YEAR}, as a DTSTART's")
