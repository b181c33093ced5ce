"""A parsed rule book straight to its run-time values, when every value is plainly right.

The schema (:mod:`planner.core.schema`) decides what a rule book may hold and words what is
wrong; building its pydantic models costs more than the rest of ``planner check`` on the CICA
data. Most rule books are valid, so this path checks a parsed TOML document strictly against the
same fields, types, limits and cross-field checks, and builds the values directly. It never
words an error: on anything it is not sure of (an unknown key, a wrong type, a value out of
bounds, a check that fails, a kind of value it does not expect) it returns ``None`` and the
schema decides, so what is accepted and every error message are the schema's.

It must accept nothing the schema refuses and build what the schema would:
``tests/inputs/test_rulebook_fast.py`` compares the two on every rule book of the project and on
mutated ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from planner.core import calendar_dates, catalogue, model, rules
from planner.core.dates import YEAR_START_PATTERN, Duration, PartialDate
from planner.core.record import Record
from planner.core.vocabulary import ID_RE, Category, HostPolicy, Kind, MeetingFormat, Per

Convert = Callable[[Any], Any]


class _Doubt(Exception):
    """The value is not plainly right: the schema decides."""


def _doubt() -> Any:
    raise _Doubt


def _text(value: Any) -> str:
    return value if type(value) is str else _doubt()


def _nonempty(value: Any) -> str:
    return value if type(value) is str and value else _doubt()


def _matching(pattern: str) -> Convert:
    matcher = re.compile(pattern).fullmatch  # the schema's regex anchors at the very end too
    return lambda value: value if type(value) is str and matcher(value) else _doubt()


def _boolean(value: Any) -> bool:
    return value if type(value) is bool else _doubt()


def _integer(low: int | None = None, high: int | None = None) -> Convert:
    lo = -(2**63) if low is None else low
    hi = 2**63 - 1 if high is None else high
    return lambda value: value if type(value) is int and lo <= value <= hi else _doubt()


def _day(value: Any) -> date:
    return value if type(value) is date else _doubt()  # a TOML date (a date-time is a subclass)


def _partial(value: Any) -> PartialDate:
    # what the schema reads: a TOML date as its ISO text, a year as a number, or text
    if type(value) is date:
        value = value.isoformat()
    elif type(value) not in (int, str):
        _doubt()
    return PartialDate.coerce(value)


def _since(value: Any) -> date:
    return _partial(value).earliest


def _until(value: Any) -> date:
    return _partial(value).latest


def _duration(value: Any) -> Duration:
    return Duration.parse(value) if type(value) is str else _doubt()


def _choice(*values: str) -> Convert:
    allowed = frozenset(values)
    return lambda value: value if type(value) is str and value in allowed else _doubt()


def _enum(kind: type[Enum]) -> Convert:
    members = {member.value: member for member in kind}  # type: ignore[var-annotated]
    return lambda value: members[value] if type(value) is str and value in members else _doubt()


def _many(item: Convert) -> Convert:
    return lambda value: tuple(item(v) for v in value) if type(value) is list else _doubt()


def _one_or_many(item: Convert) -> Convert:
    many = _many(item)
    return lambda value: many(value) if type(value) is list else item(value)


def _checked(convert: Convert, problem: Callable[[Any], str | None]) -> Convert:
    def check(value: Any) -> Any:
        made = convert(value)
        return made if problem(made) is None else _doubt()

    return check


def _some(value: tuple[Any, ...]) -> str | None:
    return None if value else "is empty"


def _nested(cls: type[Record]) -> Convert:
    return lambda value: _build(cls, value)


def _rule(value: Any) -> rules.RuleBase:
    kind = value.get("kind") if type(value) is dict else None
    cls = rules.RULE_CLASSES.get(kind) if type(kind) is str else None
    return _build(cls, value) if cls is not None else _doubt()


def _terms(value: Any) -> dict[str, tuple[str, ...]]:
    if type(value) is not dict:
        _doubt()
    return {_text(country): _many(_text)(terms) for country, terms in value.items()}


def _max_gap(value: Any) -> Duration | str:
    return "none" if value == "none" else _duration(value)


_ID = _matching(ID_RE)
_TEXTS = _many(_text)
_YEAR_START = _matching(YEAR_START_PATTERN)
_KINDS = _many(_enum(Kind))

_RULE_BASE: dict[str, Convert] = {
    "id": _ID,
    "binding": _boolean,
    "counts": _KINDS,
    "since": _since,
    "until": _until,
    "source": _text,
    "note": _text,
    "first_within": _duration,
    "except_when": _TEXTS,
    "excused": _many(_nested(calendar_dates.Excused)),
    "count_by": _choice("session", "event"),
    "formats": _many(_enum(MeetingFormat)),
}
_DATE_SPEC: dict[str, Convert] = {
    "month": _integer(1, 12),
    "day": _integer(1, 31),
    "weekday": _one_or_many(_enum(calendar_dates.Weekday)),
    "nth": _integer(-5, 5),
    "weeks": _choice("weekday", "first_working"),
    "after": _nested(calendar_dates.DateSpec),
}
_PERIOD: dict[str, Convert] = {"start": _partial, "end": _partial, "reason": _text, "source": _text}
_SPAN: dict[str, Convert] = {"start": _day, "end": _day, "reason": _text}

# Per run-time class: how each field is read (the schema's type and limits), and the checks
# across fields the schema runs on the whole value.
FIELDS: dict[type[Record], dict[str, Convert]] = {
    model.RuleBook: {
        "organization": _nested(model.Organization),
        "chairmanship": _nested(model.Chairmanship),
        "bodies": _checked(_many(_nested(model.Body)), _some),
        "cbms": _many(_nested(catalogue.CBM)),
    },
    model.Organization: {
        "id": _ID,
        "name": _text,
        "short_name": _text,
        "timezone": _checked(_text, model.timezone_problem),
        "secretariat": _nested(model.Place),
        "members": _many(_nested(model.Member)),
        "blackout": _many(_nested(model.Blackout)),
        "observers": _many(_nested(catalogue.Affiliate)),
        "partners": _many(_nested(catalogue.Affiliate)),
        "avoid": _checked(_TEXTS, model.avoid_problem),
        "min_days_between": _integer(0, 366),
        "meetings_per_day": _integer(1),
        "holiday_categories": _checked(_TEXTS, model.holiday_categories_problem),
        "holiday_subdivisions": _checked(_TEXTS, model.holiday_subdivisions_problem),
        "year_start": _YEAR_START,
        "records": _many(_nested(model.Records)),
        "source": _text,
    },
    model.Place: {"city": _text, "country": _text},
    model.Member: {"name": _text, "code": _matching(r"^[A-Z]{2}$"), "aliases": _TEXTS, "joined": _partial, "left": _partial, "suspended": _many(_nested(model.Suspension))},
    model.Suspension: {"start": _partial, "end": _partial, "reason": _nonempty, "source": _text},
    model.Blackout: _SPAN,
    model.Records: {"start": _since, "end": _until, "complete": _boolean, "note": _text, "source": _text},
    catalogue.Affiliate: {"name": _nonempty, "short_name": _text, "kind": _choice("state", "organization"), "since": _integer(1000, 2999), "source": _text},
    catalogue.CBM: {
        "id": _ID,
        "dimension": _choice(*catalogue.DIMENSIONS),
        "measure": _nonempty,
        "coordinators": _TEXTS,
        "co_coordinators": _TEXTS,
        "terms": _checked(_terms, catalogue.terms_problem),
        "source": _text,
    },
    model.Chairmanship: {
        "term": _duration,
        "handover_bodies": _TEXTS,
        "chair_hosts": _boolean,
        "handover_host": _choice("outgoing", "incoming"),
        "handover_days": _integer(0, 366),
        "consecutive_terms": _boolean,
        "order": _choice("plan", "alphabetical", "listed"),
        "tolerance": _duration,
        "since": _partial,
        "binding": _boolean,
        "source": _text,
    },
    model.Body: {
        "id": _ID,
        "name": _text,
        "short_name": _text,
        "aliases": _TEXTS,
        "category": _enum(Category),
        "stated_cadence": _text,
        "established": _partial,
        "duration_days": _integer(1, 60),
        "months": _checked(_many(_integer()), model.months_problem),
        "host": _enum(HostPolicy),
        "host_country": _text,
        "host_city": _text,
        "before": _text,
        "plenary": _boolean,
        "blackout": _many(_nested(model.Blackout)),
        "weekdays": _many(_enum(calendar_dates.Weekday)),
        "recess": _many(_nested(calendar_dates.Period)),
        "records": _many(_nested(model.Records)),
        "rules": _checked(_many(_rule), _some),
    },
    calendar_dates.DateSpec: _DATE_SPEC,
    calendar_dates.Period: _PERIOD,
    calendar_dates.Excused: {**_PERIOD, "reason": _nonempty},
    rules.EveryRule: {**_RULE_BASE, "kind": _text, "interval": _duration, "mode": _choice("rolling", "grid"), "anchor": _partial, "tolerance": _duration},
    rules.AfterRule: {**_RULE_BASE, "kind": _text, "body": _text, "offset": _duration, "tolerance": _duration, "origin_counts": _KINDS},
    rules.Relaxation: {"since": _day, "until": _day, "count": _integer(1), "min_gap": _duration, "max_gap": _max_gap, "source": _text, "note": _text},
    rules.AtLeastRule: {
        **_RULE_BASE,
        "kind": _text,
        "count": _integer(0),
        "per": _enum(Per),
        "year_start": _YEAR_START,
        "min_gap": _duration,
        "max_gap": _duration,
        "gap_from": _choice("first_day", "last_day"),
        "relaxations": _many(_nested(rules.Relaxation)),
        "within": _duration,
        "except_months": _many(_integer(1, 12)),
    },
    rules.AtMostRule: {**_RULE_BASE, "kind": _text, "count": _integer(1), "per": _enum(Per), "year_start": _YEAR_START, "except_months": _many(_integer(1, 12))},
    rules.OnRule: {**_DATE_SPEC, **_RULE_BASE, "kind": _text, "interval": _duration, "anchor": _integer(1000, 2999)},
    rules.BeforeRule: {**_RULE_BASE, "kind": _text, "body": _text, "offset": _duration, "origin_counts": _KINDS},
    rules.AdHocRule: {**_RULE_BASE, "kind": _text},
}

# the schema's checks of a whole value, by class (an `on` rule is a date rule and a rule)
_RULE_CHECKS = (rules.rule_problem,)
CHECKS: dict[type[Record], tuple[Callable[[Any], str | None], ...]] = {
    model.Blackout: (model.span_problem,),
    model.Member: (model.membership_problem,),
    model.Suspension: (model.suspension_problem,),
    model.Records: (model.span_problem,),
    model.Body: (model.founding_day_problem, model.fixed_host_problem),
    calendar_dates.DateSpec: (calendar_dates.date_spec_problem,),
    calendar_dates.Period: (calendar_dates.period_problem,),
    calendar_dates.Excused: (calendar_dates.period_problem,),
    rules.EveryRule: (*_RULE_CHECKS, rules.every_problem),
    rules.AfterRule: _RULE_CHECKS,
    rules.Relaxation: (rules.relaxation_problem,),
    rules.AtLeastRule: (*_RULE_CHECKS, rules.gaps_problem, rules.except_months_problem),
    rules.AtMostRule: (*_RULE_CHECKS, rules.except_months_problem),
    rules.OnRule: (calendar_dates.date_spec_problem, *_RULE_CHECKS, rules.on_years_problem),
    rules.BeforeRule: _RULE_CHECKS,
    rules.AdHocRule: _RULE_CHECKS,
}


def _build(cls: type[Record], data: Any) -> Any:
    if type(data) is not dict:
        _doubt()
    fields = FIELDS[cls]
    values: dict[str, Any] = {}
    for key, value in data.items():
        convert = fields.get(key)
        if convert is None or value is None:  # an unknown key; null is the schema's to judge
            _doubt()
        values[key] = convert(value)
    made = cls(**values)  # TypeError: a required field is missing
    for problem in CHECKS.get(cls, ()):
        if problem(made) is not None:
            _doubt()
    return made


def fast_rulebook(data: Any) -> model.RuleBook | None:
    """The run-time rule book of a parsed document that is plainly valid, else ``None``."""
    try:
        return _build(model.RuleBook, data)
    except Exception:  # noqa: BLE001 (anything unexpected is doubt: the schema decides and words it)
        return None
