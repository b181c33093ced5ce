"""The organization's catalogue beyond its bodies: confidence building measures (CBMs) with their
coordinating states, and the observer and partner states and organizations.

CICA's Catalogue of Confidence Building Measures (2004, updated 2021 and 2024) groups measures in
five dimensions; each measure has coordinators and co-coordinators among the member states, some
for stated terms ("Russia (2022-2023, 2024-2025)"). These are facts a chairmanship plans with
(``planner cbms --country``), so they are data in the rule book, each with its source.
These are the run-time values; their schema is :mod:`planner.core.schema.book`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from planner.core.errors import RuleBookError
from planner.core.record import Record

if TYPE_CHECKING:
    from planner.core.model import RuleBook

TERM_RE = re.compile(r"^([0-9]{4})-([0-9]{4})$")  # not \d: digits of other scripts look like others

Dimension = Literal["economic", "new_challenges_and_threats", "environmental", "human", "military_political"]
DIMENSIONS: tuple[str, ...] = ("economic", "new_challenges_and_threats", "environmental", "human", "military_political")
DIMENSION_WORDS = {
    "economic": "Economic dimension",
    "new_challenges_and_threats": "New challenges and threats",
    "environmental": "Environmental dimension",
    "human": "Human dimension",
    "military_political": "Military-political dimension",
}


def slug(text: str) -> str:
    """``"Energy security"`` -> ``"energy_security"``: the default id of a measure."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "_".join(words) or "cbm"


def terms_problem(value: dict[str, tuple[str, ...]]) -> str | None:
    """A term that is no span of years, in words (shared with the schema)."""
    for country, terms in value.items():
        for term in terms:
            match = TERM_RE.match(term)
            if not match or int(match.group(1)) > int(match.group(2)):
                return f"term {term!r} of {country} is not a span of years; expected e.g. '2022-2023'"
    return None


class CBM(Record):
    """One confidence building measure (priority area) of the catalogue, with its coordinating
    states. ``terms`` gives, per coordinating state, the terms it serves when the source states
    them, as ``"YYYY-YYYY"``."""

    id: str | None = None
    dimension: Dimension
    measure: str
    coordinators: tuple[str, ...] = ()
    co_coordinators: tuple[str, ...] = ()
    terms: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 (a default never changed: values are immutable)
    source: str = ""

    @property
    def key(self) -> str:
        return self.id or slug(self.measure)

    def role_of(self, country: str) -> str | None:
        """``"coordinator"``, ``"co-coordinator"`` or None for a member state's canonical name."""
        if country in self.coordinators:
            return "coordinator"
        if country in self.co_coordinators:
            return "co-coordinator"
        return None


class Affiliate(Record):
    """An observer or partner of the organization: a state or an organization."""

    name: str
    short_name: str = ""
    kind: Literal["state", "organization"]
    since: int | None = None
    source: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name and self.short_name != self.name else self.name


def catalogue_problems(book: RuleBook, path: str | Path) -> Iterator[RuleBookError]:
    """What the schema alone cannot see: every coordinating state is a member state (written as
    the member list writes it, so ``--country`` finds it), terms belong to a coordinating state,
    and measure ids are unique."""
    org = book.organization
    keys: dict[str, int] = {}
    for i, cbm in enumerate(book.cbms):
        if cbm.key in keys:
            yield RuleBookError(f"duplicate CBM id (also cbms[{keys[cbm.key]}])", path=path, location=f"cbms[{i}].id", value=cbm.key, expected="a unique id per measure: set id on one of them")
        keys.setdefault(cbm.key, i)
        for field in ("coordinators", "co_coordinators"):
            for j, name in enumerate(getattr(cbm, field)):
                member = org.member(name) if org.members else None
                if org.members and member is None:
                    yield RuleBookError("is not a member state", path=path, location=f"cbms[{i}].{field}[{j}]", value=name, expected="a name, alias or code in organization.members")
                elif member is not None and member.name != name:
                    yield RuleBookError(f"write the member's name as organization.members does: {member.name!r}", path=path, location=f"cbms[{i}].{field}[{j}]", value=name)
        for country in cbm.terms:
            if cbm.role_of(country) is None:
                yield RuleBookError("terms name a state that neither coordinates nor co-coordinates this measure", path=path, location=f"cbms[{i}].terms", value=country, expected="a name listed in coordinators or co_coordinators")
    seen: set[tuple[str, str]] = set()
    for field in ("observers", "partners"):
        for i, affiliate in enumerate(getattr(org, field)):
            if (field, affiliate.name.casefold()) in seen:
                yield RuleBookError("listed twice", path=path, location=f"organization.{field}[{i}].name", value=affiliate.name)
            seen.add((field, affiliate.name.casefold()))
