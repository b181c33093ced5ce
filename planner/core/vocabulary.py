"""The words of the domain: body categories, meeting kinds, statuses, formats, host policies
and the periods rules judge (DESIGN.md, Vocabulary)."""

from __future__ import annotations

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
