"""Where a body's projected meetings go (the rule book's fixed host, or the Secretariat) and the
working calendar of that host for the body: its blackouts and recesses, and every member's
holidays for a meeting all members attend."""

from __future__ import annotations

from functools import lru_cache

from planner.core.model import Blackout, Body, HostPolicy, RuleBook
from planner.engine.planning.member_holidays import MemberHolidays, member_holidays
from planner.engine.planning.placement.working import WorkingCalendar
from planner.inputs.countries import country_code


def host_place(body: Body, book: RuleBook) -> tuple[str, str]:
    """City and country a body's meetings go to, where the rule book fixes them."""
    if body.host is HostPolicy.SECRETARIAT and book.organization.secretariat:
        return book.organization.secretariat.city, book.organization.secretariat.country
    if body.host is HostPolicy.FIXED:
        return body.host_city or "", body.host_country or ""
    return "", ""


def calendar_for(body: Body, book: RuleBook, country: str) -> WorkingCalendar:
    """The working calendar of ``country`` (a member name, alias or code) for ``body``.

    A meeting all members attend also avoids every member state's public holidays. With no
    host known yet (a chair-hosted body before its chair is), the Secretariat's country stands
    in, and the members' holidays are avoided too: whoever hosts, the day stays a good one."""
    org = book.organization
    unknown = not country
    if unknown and org.secretariat is not None:
        country = org.secretariat.country
    member = org.member(country) if country else None
    # (a host that is no member, a Secretariat in Geneva: its own country's calendar all the same)
    code = member.code if member else (country if len(country) == 2 and country.isupper() else country_code(country) if country else None)
    if code and org.holiday_subdivisions:
        code = org.holiday_region(code)  # (England's days off, not only the United Kingdom's)
    members = member_holidays(org.members, org.holiday_categories, org.holiday_subdivisions) if org.members and (body.all_members or unknown) else None
    recess = tuple(Blackout(start=p.first, end=p.last, reason=p.reason or "recess") for p in body.recess)
    # (the days of the week it meets on: one of the host's weekend days among them is a working day for it)
    meets_on = frozenset(w.number for w in body.weekdays)
    return _calendar(code, org.blackout + body.blackout + recess, members, org.holiday_categories, meets_on)


@lru_cache(maxsize=512)
def _calendar(code: str | None, blackouts: tuple[Blackout, ...], members: MemberHolidays | None, wanted: tuple[str, ...], meets_on: frozenset[int]) -> WorkingCalendar:
    return WorkingCalendar(code, blackouts, members, wanted, meets_on)
