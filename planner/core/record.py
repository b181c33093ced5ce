"""The base of the rule book's run-time values: immutable, compared and hashed by their fields.

The rule book is validated by one schema, the pydantic models of :mod:`planner.core.schema`
(they word the errors and publish the JSON Schema); what the engine works with are these plain
objects, built from validated data. Building a pydantic model class costs more than the rest of
``planner check`` on the CICA data, so the values a command uses are not pydantic models.

A subclass declares its fields as annotations, with defaults as class attributes, in the
schema's order (a test checks the two name the same fields with the same defaults). Fields are
collected over the bases as pydantic collects them: a field keeps the place where it first
appears. Names starting with ``_`` are private caches, never fields.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any, ClassVar

from planner.core.dates import PartialDate


class Record:
    """An immutable value with named fields: keyword construction (unvalidated: the code that
    builds one is trusted; files go through the schema), equality and hashing by fields."""

    model_fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _names: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: dict[str, type] = {}  # field -> the last class that declares it (its default)
        for klass in reversed(cls.__mro__):
            for name, hint in vars(klass).get("__annotations__", {}).items():
                if not name.startswith("_") and not str(hint).startswith("ClassVar"):
                    names[name] = klass
        cls.model_fields = tuple(names)
        cls._names = frozenset(names)
        cls._defaults = {name: vars(klass)[name] for name, klass in names.items() if name in vars(klass)}

    def __init__(self, **values: Any) -> None:
        fields = self.__dict__  # empty: the defaults, then the values given (a few thousand a second matter: chair registers)
        fields.update(self._defaults)
        fields.update(values)
        if len(fields) != len(self.model_fields) or not values.keys() <= self._names:
            unknown = sorted(set(values) - set(self.model_fields))
            missing = [name for name in self.model_fields if name not in fields]
            fields.clear()
            raise TypeError(f"{type(self).__name__}: " + (f"unknown fields {', '.join(unknown)}" if unknown else f"missing fields {', '.join(missing)}"))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use model_copy(update=...)")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.model_fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.__class__, self._values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.model_fields) + ")"

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with some fields changed (unvalidated, as pydantic's ``model_copy``)."""
        values = {name: getattr(self, name) for name in self.model_fields}
        if deep:
            import copy

            values = copy.deepcopy(values)
        return type(self)(**(values | (update or {})))

    def model_dump(self, *, mode: str = "python", exclude_defaults: bool = False, exclude_none: bool = False) -> dict[str, Any]:
        """The fields as a dict, as pydantic dumps its models: ``mode="json"`` gives text for
        dates, durations and partial dates, values for enums and lists for tuples."""
        out: dict[str, Any] = {}
        for name in self.model_fields:
            value = getattr(self, name)
            if exclude_none and value is None:
                continue
            if exclude_defaults and name in self._defaults and value == self._defaults[name]:
                continue
            out[name] = _dumped(value, mode == "json", exclude_defaults, exclude_none)
        return out

    @classmethod
    def model_validate(cls, data: Any) -> Any:
        """A value from loosely typed data, validated by the schema model of the same name
        (raises pydantic's ``ValidationError``)."""
        from planner.core.schema import validated

        return validated(cls.__name__, data)


def _dumped(value: Any, json: bool, exclude_defaults: bool, exclude_none: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(mode="json" if json else "python", exclude_defaults=exclude_defaults, exclude_none=exclude_none)
    if isinstance(value, tuple | list) and not isinstance(value, PartialDate):  # a date is a value, not a sequence
        items = [_dumped(v, json, exclude_defaults, exclude_none) for v in value]
        return items if json else tuple(items) if isinstance(value, tuple) else items
    if isinstance(value, dict):
        return {k: _dumped(v, json, exclude_defaults, exclude_none) for k, v in value.items()}
    if not json or value is None or isinstance(value, bool | int | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)  # Duration, PartialDate: their text, as their schema serializes them
