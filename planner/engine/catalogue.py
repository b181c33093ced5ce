"""The CBM catalogue as a planner reads it: measures by dimension, what one country coordinates,
and how active each measure has been (register meetings that name the measure they served).

A chairmanship plans with this: the measures its country coordinates or co-coordinates are the
ones it is expected to convene meetings for, and a measure with no meeting for years stands out.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.core.catalogue import CBM, DIMENSIONS
from planner.core.errors import PlannerError
from planner.core.model import Meeting, RuleBook, Status

# Meetings that took place (or are fixed to take place) count as activity; cancelled ones do not.
_ACTIVE = frozenset({Status.HELD, Status.PLANNED})


@dataclass(frozen=True, slots=True)
class Area:
    """One measure with the role of the country asked about (if any) and its meetings per year."""

    cbm: CBM
    role: str | None = None
    terms: tuple[str, ...] = ()
    meetings: dict[int, int] = field(default_factory=dict)

    @property
    def last_year(self) -> int | None:
        return max(self.meetings) if self.meetings else None


@dataclass(frozen=True, slots=True)
class CatalogueView:
    organization: str
    dimension: str | None
    country: str | None
    areas: tuple[Area, ...]
    years: tuple[int, ...]  # the years any area shown had a meeting
    tracked: int  # register meetings that name a measure: without any, activity is not known
    unassigned: int  # of those, meetings naming no measure of this catalogue


def catalogue_view(book: RuleBook, meetings: Iterable[Meeting], dimension: str | None = None, country: str | None = None) -> CatalogueView:
    """The catalogue filtered by ``dimension`` and ``country``, with meetings per measure and year.

    Raises :class:`PlannerError` for a dimension or country the rule book does not know."""
    if dimension is not None and dimension not in DIMENSIONS:
        close = difflib.get_close_matches(dimension, DIMENSIONS, n=1)
        raise PlannerError(f"--dimension: {dimension!r} is not a dimension; expected one of {', '.join(close or DIMENSIONS)}")
    name = None
    if country is not None:
        member = book.organization.member(country)
        if member is None:
            names = [m.name for m in book.organization.members]
            close = difflib.get_close_matches(country, names, n=3)
            raise PlannerError(f"--country: {country!r} is not a member state; expected one of {', '.join(close or names)}")
        name = member.name
    keys = {cbm.key: cbm for cbm in book.cbms}
    activity: dict[str, Counter[int]] = {key: Counter() for key in keys}
    tracked = unassigned = 0
    for meeting in meetings:
        if not meeting.cbm or meeting.status not in _ACTIVE:
            continue
        tracked += 1
        if meeting.cbm not in keys:  # the register resolved it to an id of another rule book's catalogue
            unassigned += 1
            continue
        activity[meeting.cbm][meeting.earliest.year] += 1
    areas = []
    for cbm in book.cbms:
        if dimension is not None and cbm.dimension != dimension:
            continue
        role = cbm.role_of(name) if name else None
        if name and role is None:
            continue
        areas.append(Area(cbm, role, cbm.terms.get(name, ()) if name else (), dict(sorted(activity[cbm.key].items()))))
    years = sorted({year for area in areas for year in area.meetings})
    return CatalogueView(book.organization.short_name, dimension, name, tuple(areas), tuple(years), tracked, unassigned)
