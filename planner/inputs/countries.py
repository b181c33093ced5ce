"""Country names -> ISO 3166 alpha-2 codes, from the ``holidays`` package's own registry (no
hand-written list), with the UN and common short forms it spells otherwise. A host country is
often written by name (``host_country = "Switzerland"``, a Secretariat in Geneva) and need not be
a member state: its working days are still its own."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Names in use that the holidays package spells otherwise (UN and common short forms).
ALIASES = {
    "Türkiye": "TR", "Turkiye": "TR", "Viet Nam": "VN", "Republic of Korea": "KR", "South Korea": "KR",
    "Korea": "KR", "Russian Federation": "RU", "Iran (Islamic Republic of)": "IR", "Czech Republic": "CZ",
    "United Kingdom": "GB", "UK": "GB", "United States of America": "US", "USA": "US", "Palestine": "PS",
    "State of Palestine": "PS", "Lao PDR": "LA", "Laos": "LA", "Syria": "SY", "Moldova": "MD",
}


def fold(text: str) -> str:
    """A name as compared: ASCII letters and digits, case folded ("Côte d'Ivoire" -> "cotedivoire")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.casefold())


@lru_cache(maxsize=1)
def country_table() -> dict[str, tuple[str, str]]:
    """Folded country names, codes and alpha-3 codes -> (name, alpha-2)."""
    from holidays import registry

    table: dict[str, tuple[str, str]] = {}
    for key, (cls_name, alpha2, alpha3, *_) in registry.COUNTRIES.items():
        name = key.replace("_", " ").title()
        for alias in (key, name, alpha2, alpha3, cls_name):
            table.setdefault(fold(alias), (name, alpha2))
    for alias, code in ALIASES.items():
        table.setdefault(fold(alias), (alias, code))
    return table


def country_code(name: str) -> str | None:
    """The alpha-2 code of the country called ``name`` (a name, alias, alpha-2 or alpha-3
    code, any case), or ``None`` when the holidays package knows no such country."""
    found = country_table().get(fold(name))
    return found[1] if found else None


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """The ISO 3166 alpha-2 codes assigned to a country or territory: those of the time zone
    database's ``iso3166.tab`` (the ``tzdata`` package), and those the holidays package keys a
    calendar by (it adds Kosovo's ``XK``, a code Kosovo uses but ISO has not assigned)."""
    from holidays import registry

    table = (resources.files("tzdata") / "zoneinfo" / "iso3166.tab").read_text(encoding="utf-8")
    codes = {line.split("\t", 1)[0] for line in table.splitlines() if line and not line.startswith("#")}
    return frozenset(codes | {alpha2 for _, alpha2, *_ in registry.COUNTRIES.values()})
