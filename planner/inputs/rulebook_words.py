"""pydantic's errors in a rule book, said in the words of a TOML file.

One line per problem, with the key path and what was expected: a misspelt key is named for what
it likely meant in its table ("did you mean 'months'?"), a key written in another table's place
says which tables take it, and past :data:`MAX_LISTED` problems one line counts the rest.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from planner.core import model
from planner.core.dates import YEAR_START_EXPECTED, YEAR_START_PATTERN
from planner.core.errors import RuleBookError
from planner.core.vocabulary import ID_RE

MAX_LISTED = 50  # problems of a rule book worded one by one; past that, one line counts the rest


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    previous: Any = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif previous is not None and isinstance(previous, int) and part in model.RULE_KINDS:
            pass  # pydantic's discriminator tag: the kind is already in the data
        elif isinstance(part, str) and part.startswith("function-"):
            pass
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


@cache
def _all_fields() -> tuple[str, ...]:
    """Every key of the schema (and of a chair register's rows), for "did you mean"."""
    from pydantic import BaseModel

    from planner.core.schema import book, rules
    from planner.core.schema.chair_term import ChairTerm

    names: set[str] = set(ChairTerm.model_fields)
    for obj in [*vars(book).values(), *vars(rules).values()]:
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
            names.update(obj.model_fields)
    return tuple(sorted(names))


def _models_in(annotation: Any) -> set[Any]:
    """The pydantic models an annotation holds (through lists, unions, Annotated)."""
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    return {m for arg in get_args(annotation) for m in _models_in(arg)}


@cache
def _tables_with(key: str) -> tuple[str, ...]:
    """The rule book's tables that take ``key``, as a TOML file writes their headers
    (``[[bodies.rules]]``, ``[organization]``), for a key written in the wrong one."""
    from planner.core.schema.book import RuleBook as Schema

    out: list[str] = []
    todo: list[tuple[Any, str]] = [(m, "") for m in _models_in(Schema)]
    seen: set[tuple[Any, str]] = set()
    while todo:
        model_, where = todo.pop(0)
        if (model_, where) in seen or where.count(".") > 3:
            continue
        seen.add((model_, where))
        if key in model_.model_fields and where and where not in out:
            out.append(where)
        for name, field in model_.model_fields.items():
            inner = _models_in(field.annotation)
            if inner:
                header = f"{where[2:-2] if where.startswith('[[') else where[1:-1]}.{name}".lstrip(".")
                listed = "list" in str(field.annotation).lower() or "tuple" in str(field.annotation).lower()
                todo += [(m, f"[[{header}]]" if listed else f"[{header}]") for m in inner]
    return tuple(out)


def _kind_of(model_: Any) -> str | None:
    """The rule kind a schema model stands for (its ``kind`` field's one literal), else None."""
    from typing import get_args

    field = model_.model_fields.get("kind")
    args = get_args(field.annotation) if field is not None else ()
    return args[0] if len(args) == 1 and isinstance(args[0], str) else None


@cache
def _kinds_with(key: str) -> tuple[str, ...]:
    """The rule kinds whose rules take ``key`` (``tolerance``: every, after)."""
    from pydantic import BaseModel

    from planner.core.schema import rules

    models = [o for o in vars(rules).values() if isinstance(o, type) and issubclass(o, BaseModel)]
    return tuple(k for k in model.RULE_KINDS for m in models if _kind_of(m) == k and key in m.model_fields)


def _fields_at(loc: tuple[Any, ...]) -> set[str]:
    """The keys the schema allows in the table at ``loc`` (a rule's: those of every kind), so
    that a misspelt key is named for what it likely meant there, not for where else it exists."""
    from planner.core.schema.book import RuleBook as Schema

    found = _models_in(Schema)
    for part in loc:
        if not isinstance(part, str):  # an index (bodies[2]) stays with the element's models
            continue
        inner = {m for model_ in found if (field := model_.model_fields.get(part)) is not None for m in _models_in(field.annotation)}
        # a rule's kind, in pydantic's path of a tagged union (rules[0].at_least.min_gap)
        tagged = {m for m in found if _kind_of(m) == part}
        found = inner or tagged or found
    return {name for model_ in found for name in model_.model_fields}


# pydantic's error types, said in the words of a TOML file: (what is wrong, what was expected)
_TYPE_WORDS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float"), ("is not a whole number", "a whole number, e.g. 2")),
    **dict.fromkeys(("bool_type", "bool_parsing"), ("is not true or false", "true or false")),
    **dict.fromkeys(("string_type",), ("is not text", "a quoted string")),
    **dict.fromkeys(("tuple_type", "list_type"), ("is not an array", 'an array in brackets, e.g. ["a", "b"]')),
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type"), ("is not a table", "a table: [name] or { key = value }")),
    **dict.fromkeys(
        ("date_type", "date_parsing", "date_from_datetime_inexact", "date_from_datetime_parsing"),
        ("is not a date", "a TOML date without quotes, e.g. 2010-01-01"),
    ),
}
# the id and code patterns of the schema, in words
_PATTERN_WORDS = {
    ID_RE: "lowercase letters, digits, '_' or '-', starting with a letter, e.g. 'senior_officials'",
    "^[A-Z]{2}$": "a two-letter ISO 3166-1 code in capitals, e.g. 'KZ'",
    YEAR_START_PATTERN: YEAR_START_EXPECTED,
}


def _one_member(errors: list[Any]) -> list[Any]:
    """A value a key takes as one item or an array of them (``weekday = "tue"`` or ``weekday =
    ["mon", "sat"]``) fails each member of that union, and pydantic names both in the path
    (``weekday.str-enum[Weekday]``, ``weekday.tuple[...]``): keep the member the value's shape
    meant (the array's when it is an array), with its label out of the path."""
    groups: dict[tuple[Any, ...], list[tuple[int, bool]]] = {}
    for i, err in enumerate(errors):
        loc = tuple(err["loc"])
        at = next((k for k, part in enumerate(loc) if isinstance(part, str) and part.endswith("]") and "[" in part), None)
        if at is not None:
            groups.setdefault(loc[:at], []).append((i, str(loc[at]).startswith(("tuple[", "list["))))
    drop: set[int] = set()
    for base, members in groups.items():
        if not any(array for _, array in members) or all(array for _, array in members):
            continue  # not an item-or-array union
        # the array member's own complaint that the value is no array says which shape it is
        is_array = not any(array and errors[i]["type"] in ("tuple_type", "list_type") and len(errors[i]["loc"]) == len(base) + 1 for i, array in members)
        drop.update(i for i, array in members if array != is_array)
    out = []
    for i, err in enumerate(errors):
        if i in drop:
            continue
        loc = tuple(err["loc"])
        at = next((k for k, part in enumerate(loc) if isinstance(part, str) and part.endswith("]") and "[" in part), None)
        if at is not None and loc[:at] in groups and any(array for _, array in groups[loc[:at]]):
            err = {**err, "loc": loc[:at] + loc[at + 1 :]}
        out.append(err)
    return out


def pydantic_errors(errors: list[Any], path: str | Path) -> list[RuleBookError]:
    """One message per problem: a table that is too short only because one of its entries
    failed says nothing new, and a missing key next to a misspelt one is the same typo."""
    import difflib  # only when there are errors to word

    errors = _one_member(errors)
    locs = [tuple(err["loc"]) for err in errors]
    missing = {loc[:-1]: [] for loc, err in zip(locs, errors, strict=True) if err["type"] == "missing"}
    for loc, err in zip(locs, errors, strict=True):
        if err["type"] == "missing":
            missing[loc[:-1]].append(str(loc[-1]))
    typos: dict[tuple[Any, ...], str] = {}
    for loc, err in zip(locs, errors, strict=True):
        if err["type"] == "extra_forbidden" and loc[:-1] in missing:
            close = difflib.get_close_matches(str(loc[-1]), missing[loc[:-1]], n=1, cutoff=0.6)
            if close:
                typos[loc] = close[0]
    meant = {(*loc[:-1], key) for loc, key in typos.items()}
    parents = {loc[:k] for loc in locs for k in range(len(loc))}  # a table holding an entry at fault
    out = []
    for i, (loc, err) in enumerate(zip(locs, errors, strict=True)):
        if err["type"] == "too_short" and loc in parents:
            continue
        if loc in meant:
            continue
        if len(out) == MAX_LISTED:  # 100,000 unknown keys took minutes to word, one "did you mean" each
            rest = len(errors) - i
            out.append(RuleBookError(f"{rest:,} more problem{'s' if rest != 1 else ''} not listed (the first {MAX_LISTED} are above)", path=path))
            break
        out.append(_pydantic_error(err, path, typos.get(loc)))
    return out


def _pydantic_error(err: dict[str, Any], path: str | Path, meant: str | None = None) -> RuleBookError:
    loc = _loc(err["loc"])
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    shown = value if isinstance(value, str | int | float | bool) else None
    if kind == "extra_forbidden":
        import difflib

        key = str(err["loc"][-1])
        close = [meant] if meant else difflib.get_close_matches(key, _all_fields(), n=1)
        # a near miss of this table's keys (month for months), not a word that shares letters
        here = difflib.get_close_matches(key, _fields_at(tuple(err["loc"][:-1])), n=1, cutoff=0.8)
        rule_kind = next((str(part) for part in err["loc"] if part in model.RULE_KINDS), None)
        other_kinds = [k for k in _kinds_with(key) if k != rule_kind] if rule_kind else []
        if other_kinds and not here:
            # a key of other kinds of rule (tolerance on an at_least rule): say so, not "a header"
            kinds = ", ".join(f"{k!r}" for k in other_kinds)
            return RuleBookError(f"{key!r} is not a key of {rule_kind!r} rules; it is a key of {kinds} rules", path=path, location=loc, expected=f"a key of {rule_kind!r} rules, or kind = one of {kinds}")
        if close and close[0] == key and here:
            # a key of other tables, and one of this table's is close: the typo is likelier
            # (months = [10] written month = [10] on a body; month is a key of `on` rules)
            return RuleBookError(f"unknown key {key!r} here; did you mean {here[0]!r}?", path=path, location=loc, expected=f"{here[0]!r} in this table ({key!r} is a key of other tables)")
        if close and close[0] == key:
            # a key of another table: written there by mistake, or after a [table] header
            # (in TOML a key after a header belongs to that table)
            top = str(err["loc"][0])
            where = sorted(_tables_with(key), key=lambda t: not t.strip("[]").startswith(top + "."))  # tables inside this one first
            tables = ", ".join(where[:3]) if where else "another table"
            return RuleBookError(f"unknown key {key!r} here: it is a key of {tables}; in TOML a key after a [table] header belongs to that table", path=path, location=loc, expected=f"{key!r} under {tables}")
        return RuleBookError(f"unknown key {key!r}" + (f"; did you mean {close[0]!r}?" if close else ""), path=path, location=loc)
    if kind == "missing":
        return RuleBookError("missing required key", path=path, location=loc)
    if kind == "union_tag_invalid":
        return RuleBookError("unknown rule kind", path=path, location=f"{loc}.kind", value=ctx["tag"], expected="one of " + ", ".join(model.RULE_KINDS))
    if kind == "union_tag_not_found":
        return RuleBookError("rule has no kind", path=path, location=loc, expected="kind = one of " + ", ".join(model.RULE_KINDS))
    if kind in ("enum", "literal_error"):
        return RuleBookError(f"{value!r} is not one of {ctx['expected'].replace(chr(39), '')}", path=path, location=loc)
    if kind in _TYPE_WORDS:
        problem, expected = _TYPE_WORDS[kind]
        return RuleBookError(problem, path=path, location=loc, value=shown, expected=expected)
    if kind == "string_pattern_mismatch":
        return RuleBookError("does not have the right form", path=path, location=loc, value=shown, expected=_PATTERN_WORDS.get(ctx["pattern"], f"text matching {ctx['pattern']}"))
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return RuleBookError("is too small" if kind == "greater_than_equal" else "is too large", path=path, location=loc, value=shown, expected=f"{bound} or {'more' if kind == 'greater_than_equal' else 'less'}")
    if kind == "too_short":
        return RuleBookError("is empty", path=path, location=loc, expected=f"at least {ctx.get('min_length', 1)} entry")
    msg = err["msg"].removeprefix("Value error, ")
    return RuleBookError(msg[0].lower() + msg[1:] if msg else kind, path=path, location=loc, value=shown if shown is not None and repr(shown) not in msg else None)
