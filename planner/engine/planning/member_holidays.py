"""Public holidays of every member state, for meetings that all members attend.

A Summit or a Ministerial Council is attended by every member state, so a day that is a public
holiday anywhere among them (observed days included) is a poor day for it, not only a holiday of
the host. The days come from the ``holidays`` package, one (country, year) at a time, cached.

The package lacks data for some countries and years (Sri Lanka from 2027, India's lunar
holidays after 2035): those are recorded as gaps, so that the output can say which members'
holidays it could not avoid.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

from planner.core.bulk import paused_gc
from planner.core.model import Member

with paused_gc():  # its import makes some 100,000 objects, no cycle: at 2N (after the rule
    # book) it set off a full collection of the heap, 0.1 s of `ics`; none at N
    import holidays


def _region(code: str) -> tuple[str, str | None]:
    """A calendar's key, ``GB`` or ``GB-ENG`` (a country, or its subdivision: ``[organization]
    holiday_subdivisions``), as the country's code and the subdivision's."""
    country, _, sub = code.partition("-")
    return country, sub or None


def country_categories(code: str, wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The categories of ``code``'s days off to avoid: those of ``wanted`` (the rule book's
    ``holiday_categories``: a category for every country, ``CC:category`` for one) that the
    package has for that country, public holidays always among them. Sweden's Christmas Eve is
    a ``de_facto`` day off, no public holiday: with public holidays alone a meeting was
    projected on it, in an office no one works at."""
    cls = _country_class(code)
    supported = set(getattr(cls, "supported_categories", ("public",)))
    chosen = {"public"}
    country = _region(code)[0]
    for entry in wanted:
        where, _, category = entry.rpartition(":")
        if (not where or where == country) and category in supported:
            chosen.add(category)
    return tuple(sorted(chosen))


@lru_cache(maxsize=256)
def _country_class(code: str) -> type | None:
    country, sub = _region(code)
    try:
        return type(holidays.country_holidays(country, subdiv=sub))
    except NotImplementedError:
        return None


@lru_cache(maxsize=64)
def country_calendar(code: str, wanted: tuple[str, ...] = ("public",)) -> holidays.HolidayBase | None:
    """The holidays package's calendar of ``code`` (``None`` where it has none) of the
    categories :func:`country_categories` chooses from ``wanted``: one per country, its years
    filled as :func:`country_year` asks for them. (A calendar made per year, 300 at N, cost
    more than filling the years; the host's calendar filled the same years again.)"""
    if _country_class(code) is None:
        return None
    country, sub = _region(code)
    return holidays.country_holidays(country, subdiv=sub, categories=country_categories(code, wanted))


@lru_cache(maxsize=4096)
def country_year(code: str, year: int, wanted: tuple[str, ...] = ("public",)) -> tuple[dict[date, str], bool]:
    """The days off (public holidays, observed days included, and those of the other
    categories chosen from ``wanted``) of ``code`` in ``year``, and whether the package has
    full data for that year."""
    calendar = country_calendar(code, wanted)
    if calendar is None:
        return {}, False
    if year in calendar.years:  # (filled already, its warnings gone: asked again, on its own)
        return _fresh_year(code, year, wanted)
    filled = len(calendar)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        date(year, 1, 1) in calendar  # noqa: B015 (asking fills the year: the days it adds come last)
    return {day: str(name) for day, name in itertools.islice(calendar.items(), filled, None)}, _complete(calendar, year, caught)


def _fresh_year(code: str, year: int, wanted: tuple[str, ...]) -> tuple[dict[date, str], bool]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        country, sub = _region(code)
        found = holidays.country_holidays(country, subdiv=sub, years=year, categories=country_categories(code, wanted))
    return {day: str(name) for day, name in found.items()}, _complete(found, year, caught)


def _complete(found: holidays.HolidayBase, year: int, caught: list[warnings.WarningMessage]) -> bool:
    cls = type(found)
    start, end = getattr(cls, "start_year", None), getattr(cls, "end_year", None)
    outside = (start is not None and year < start) or (end is not None and year > end)
    partial = any("available only" in str(w.message) for w in caught)
    return not (outside or partial)


class MemberHolidays:
    """Which members are on a public holiday on a given day (members count from the day they
    joined to the day they left)."""

    def __init__(self, members: Sequence[Member], wanted: tuple[str, ...] = ("public",), subdivisions: tuple[str, ...] = ()) -> None:
        self.members = tuple(members)
        self.wanted = wanted
        # each member's calendar: its country's, or the subdivision's the rule book names
        self.regions = {m.code: next((s for s in subdivisions if s.partition("-")[0] == m.code), m.code) for m in self.members}
        self._years: dict[int, dict[date, tuple[Member, ...]]] = {}

    def _year(self, year: int) -> dict[date, tuple[Member, ...]]:
        table = self._years.get(year)
        if table is None:
            grouped: dict[date, list[Member]] = {}
            for member in self.members:
                days, _complete = country_year(self.regions[member.code], year, self.wanted)
                for day in days:
                    grouped.setdefault(day, []).append(member)
            table = self._years[year] = {day: tuple(ms) for day, ms in grouped.items()}
        return table

    def on(self, day: date) -> tuple[str, ...]:
        """The names of the members (joined and not yet left on ``day``) for which ``day`` is a public holiday."""
        found = self._year(day.year).get(day)
        if not found:
            return ()
        return tuple(m.name for m in found if m.member_on(day))

    def why(self, day: date) -> str:
        """``public holiday in Iran (Nowruz), Afghanistan (...)``, or ``""``."""
        names = self.on(day)
        if not names:
            return ""
        by_name = {m.name: m for m in self.members}
        parts = [f"{n} ({country_year(self.regions[by_name[n].code], day.year, self.wanted)[0].get(day, 'holiday')})" for n in names]
        return "public holiday in " + ", ".join(parts)

    def gap_notes(self, years: Iterable[int]) -> list[str]:
        """One sentence naming the members whose holidays the package lacks in ``years``."""
        years = sorted(set(years))
        parts = []
        for member in sorted(self.members, key=lambda m: m.name):
            gap = [y for y in years if not country_year(self.regions[member.code], y, self.wanted)[1]]
            if gap:
                parts.append(f"{member.name} ({_years_words(gap)})")
        if not parts:
            return []
        return [f"The holidays package has no or incomplete public-holiday data for {', '.join(parts)}: meetings of all members could not avoid those holidays there."]


def host_gap_notes(hosts: dict[tuple[str, str], tuple[holidays.HolidayBase, set[int]]], last_year: int, wanted: tuple[str, ...] = ("public",)) -> list[str]:
    """One sentence naming the host countries ((code, name) -> their holidays as placement
    read them, and the years meetings were placed there) whose public holidays the package
    lacks in those years (up to ``last_year``): outside its years for that country, or a year
    with none at all (Sri Lanka from 2027). Read from the placement's own tables, built
    already, rather than by building each year again."""
    parts, partial = [], []
    for (code, name), (known, years) in sorted(hosts.items(), key=lambda item: item[0][1]):
        cls = type(known)
        first, last = getattr(cls, "start_year", None), getattr(cls, "end_year", None)
        have = {day.year for day in known}
        placed = [y for y in sorted(years) if y <= last_year]
        gap = [y for y in placed if (first is not None and y < first) or (last is not None and y > last) or (y not in have and (y in known.years or not country_year(code, y, wanted)[0]))]
        if gap:
            parts.append(f"{name} ({_years_words(gap)})")
        # Some holidays but not all (India after 2035: its fixed-date ones, not those of the
        # lunar calendars, which the package warns it has only to 2035): said too, apart.
        some = [y for y in placed if y not in gap and not country_year(code, y, wanted)[1]]
        if some:
            partial.append(f"{name} ({_years_words(some)})")
    out = []
    if parts:
        out.append(f"The holidays package has no or incomplete public-holiday data for {', '.join(parts)}: meetings hosted there avoid only its weekend in those years, not its public holidays.")
    if partial:
        out.append(f"The holidays package has incomplete public-holiday data for {', '.join(partial)}: meetings hosted there avoid its weekend and the holidays it knows in those years, not the others.")
    return out


def _years_words(years: list[int]) -> str:
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


@lru_cache(maxsize=16)
def member_holidays(members: tuple[Member, ...], wanted: tuple[str, ...] = ("public",), subdivisions: tuple[str, ...] = ()) -> MemberHolidays:
    """One shared table per member list (a rule book's members), categories and subdivisions, so that its years are built once."""
    return MemberHolidays(members, wanted, subdivisions)


__all__ = ["MemberHolidays", "country_calendar", "country_categories", "country_year", "host_gap_notes", "member_holidays"]
