"""The words of the domain: body categories, meeting kinds, statuses, formats, host policies
and the periods rules judge (DESIGN.md, Vocabulary)."""

from __future__ import annotations

import re
from enum import StrEnum

from planner.core.dates import Grain

# Ids of organizations, bodies, rules and measures: what a register and --body name them by.
ID_RE = r"^[a-z][a-z0-9_-]*$"


class Category(StrEnum):
    GOVERNING = "governing"
    WORKING = "working"
    ADVISORY = "advisory"


class Kind(StrEnum):
    """What sort of meeting. By default only ``regular`` meetings count toward a cadence."""

    REGULAR = "regular"
    SPECIAL = "special"
    EXTRAORDINARY = "extraordinary"
    INFORMAL = "informal"


class Status(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"
    PROJECTED = "projected"


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class HostPolicy(StrEnum):
    """Who hosts a body's meetings: the chair, the Secretariat, one fixed country, the
    coordinator of the confidence building measure concerned, or a host chosen for each meeting
    (``elected``: an Olympic Games, a COP; no host is known until the register names it)."""

    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    FIXED = "fixed"
    CBM_COORDINATOR = "cbm_coordinator"
    ELECTED = "elected"


class Per(StrEnum):
    """The calendar period ``at_least`` and ``at_most`` judge: a year, a half, a quarter, a
    month, an ISO week (Monday to Sunday)."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"

    @property
    def grain(self) -> Grain:
        return Grain(self.value)


# The `holidays` package's categories (0.109): public holidays are one of them, the days a
# government office keeps closed besides are `government` (the US's Christmas Eve by executive
# order, Egypt's extra Eid days, Indonesia's joint leave days) and `de_facto` (Sweden's
# Christmas Eve, Midsummer Eve and New Year's Eve). `workday` lists working days (moved
# Saturdays), never days off, so it is no category to avoid.
HOLIDAY_CATEGORIES = (
    "albanian", "armed_forces", "armenian", "bank", "bosnian", "catholic", "christian", "de_facto",
    "government", "half_day", "hebrew", "hindu", "islamic", "optional", "optional_women", "orthodox",
    "protestant", "public", "restricted_settlement", "roma", "sabian", "school", "serbian", "turkish",
    "unofficial", "vlach", "yazidi",
)  # fmt: skip
DEFAULT_HOLIDAY_CATEGORIES = ("public", "government", "de_facto")


# The checks of the holiday keys of [organization] (shared by the fast loader and the schema):
# each returns what is wrong, in words.


def holiday_categories_problem(entries: tuple[str, ...]) -> str | None:
    """What is wrong with ``[organization] holiday_categories``: each entry a category of the
    ``holidays`` package, for every country, or ``CC:category`` for the country of that
    ISO code alone (Denmark's Christmas Eve is ``DK:optional``)."""
    for i, entry in enumerate(entries):
        code, colon, category = entry.rpartition(":")
        if colon and not re.fullmatch(r"[A-Z]{2}", code):  # (':public' was read as 'public')
            return f"entry {i + 1} is {entry!r}: {code!r} is no two-letter ISO country code; expected 'CATEGORY' or 'CC:CATEGORY', e.g. 'DK:optional'"
        if category == "workday":
            return f"entry {i + 1} is {entry!r}: the 'workday' category lists working days (moved weekends), not days off; expected a category of days off, e.g. {', '.join(DEFAULT_HOLIDAY_CATEGORIES)}"
        if category not in HOLIDAY_CATEGORIES:
            return f"entry {i + 1} is {entry!r}, not a category of the holidays package; expected one of {', '.join(HOLIDAY_CATEGORIES)} (or 'CC:' and one of them)"
        if colon:
            # ('XX:public' or 'GB:optional' had no effect at all, and said nothing)
            problem = _country_category_problem(code, category)
            if problem:
                return f"entry {i + 1} is {entry!r}: {problem}"
    return None


def holiday_subdivisions_problem(entries: tuple[str, ...]) -> str | None:
    """What is wrong with ``[organization] holiday_subdivisions``: each entry an ISO 3166-2
    code the holidays package knows (``GB-ENG``, ``DE-BY``, ``CH-GE``), one per country."""
    import holidays
    from holidays import registry

    countries = {entry[1] for entry in registry.COUNTRIES.values()}
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries):
        code, dash, sub = entry.partition("-")
        if not dash or not re.fullmatch(r"[A-Z]{2}", code) or not sub:
            return f"entry {i + 1} is {entry!r}, not an ISO 3166-2 code; expected 'CC-SUB', e.g. 'GB-ENG' (England) or 'DE-BY' (Bavaria)"
        if code not in countries:
            return f"entry {i + 1} is {entry!r}: {code!r} is no country of the holidays package; expected an ISO 3166 alpha-2 code before the '-', e.g. 'GB-ENG'"
        known = tuple(holidays.country_holidays(code).subdivisions)
        if sub not in known:
            choices = ", ".join(known[:40]) + (f" and {len(known) - 40} more" if len(known) > 40 else "")
            return f"entry {i + 1} is {entry!r}: the holidays package has no subdivision {sub!r} of {code}; expected one of {choices}" if known else f"entry {i + 1} is {entry!r}: the holidays package has no subdivisions of {code}; expected none for it"
        if code in seen:
            return f"entry {i + 1} is {entry!r}: {code} already has {seen[code]!r}; expected one subdivision per country"
        seen[code] = entry
    return None


def _country_category_problem(code: str, category: str) -> str | None:
    """Why ``CC:category`` names no days off: no such country, or none of that category there."""
    import holidays
    from holidays import registry

    if code not in {entry[1] for entry in registry.COUNTRIES.values()}:
        return f"{code!r} is no country of the holidays package; expected an ISO 3166 alpha-2 code, e.g. 'DK:optional'"
    supported = holidays.country_holidays(code).supported_categories
    if category not in supported:
        return f"the holidays package has no {category!r} days for {code}; expected one of {', '.join(sorted(supported))}"
    return None
