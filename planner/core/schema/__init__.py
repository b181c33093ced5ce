"""The rule book's schema: pydantic models that validate a rule book, word what is wrong in it
and publish its JSON Schema (``planner schema``). There is one schema; the values the engine
works with are the plain run-time classes of the same names (:mod:`planner.core.model`,
:mod:`planner.core.rules`, :mod:`planner.core.calendar_dates`, :mod:`planner.core.catalogue`),
built from validated data by :func:`to_runtime`. The checks across fields are functions of the
run-time modules, called by both.

Importing this package builds pydantic's machinery (tens of milliseconds): the rule-book loader
comes here only for what its fast path is not sure of, and for errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from planner.core.dates import PartialDate
from planner.core.vocabulary import ID_RE

__all__ = ["ID_RE", "Frozen", "checked", "to_runtime", "validated"]

M = TypeVar("M", bound=BaseModel)


class Frozen(BaseModel):
    # defer_build: a model is built on its first validation, so a command pays only for what
    # it validates (the rule book builds its nested models within its own; ChairTerm and the
    # register schema wait until a chair register or a loose row comes)
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)


def checked(model: M, problem: Callable[[Any], str | None]) -> M:
    """Run a check shared with the run-time values; its words become a validation error."""
    found = problem(model)
    if found:
        raise ValueError(found)
    return model


def _runtime_class(name: str) -> type:
    from planner.core import calendar_dates, catalogue, model, rules

    for module in (model, rules, calendar_dates, catalogue):
        found = getattr(module, name, None)
        if isinstance(found, type):
            return found
    raise LookupError(f"no run-time class for the schema model {name}")


_CLASSES: dict[type, type] = {}


def to_runtime(value: Any) -> Any:
    """The run-time value of validated schema data: each model becomes the plain class of the
    same name, with the same fields (tuples, dicts and other values as they are)."""
    if isinstance(value, BaseModel):
        cls = _CLASSES.get(type(value))
        if cls is None:
            cls = _CLASSES[type(value)] = _runtime_class(type(value).__name__)
        return cls(**{name: to_runtime(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, tuple) and not isinstance(value, PartialDate):  # a date is a value, not a sequence
        return tuple(to_runtime(v) for v in value)
    if isinstance(value, dict):
        return {k: to_runtime(v) for k, v in value.items()}
    return value


def validated(name: str, data: Any) -> Any:
    """``data`` validated by the schema model called ``name``, as its run-time value."""
    from planner.core.schema import book, rules

    model = getattr(book, name, None) or getattr(rules, name)
    return to_runtime(model.model_validate(data))
