"""The rule book's fast path builds what the schema builds, and accepts nothing it refuses.

A valid rule book is read without pydantic (``planner check`` on the CICA data starts faster
than a bare import of its dependencies); anything the fast path is not sure of goes to the
schema, which decides and words the errors. These tests hold the two together.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from planner.core.chair_term import ChairTerm
from planner.core.rules import RuleBase
from planner.core.schema import book as schema_book
from planner.core.schema import chair_term as schema_chair_term
from planner.core.schema import rules as schema_rules
from planner.core.schema import to_runtime
from planner.inputs.limits import screen
from planner.inputs.rulebook import _validated, embedded_path
from planner.inputs.rulebook_fast import FIELDS, fast_rulebook
from tests.hostile.test_fuzz import mutate_toml

ROOT = Path(__file__).resolve().parent.parent.parent
RULE_BOOKS = [ROOT / "rules" / "cica.toml", *sorted((ROOT / "examples").glob("*.toml")), *sorted((ROOT / "tests" / "rulebooks" / "valid").glob("*.toml"))]
SCHEMA_MODELS = sorted(
    {obj for module in (schema_book, schema_rules, schema_chair_term) for obj in vars(module).values() if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.model_fields},
    key=lambda cls: cls.__name__,
)
RUNTIME = {cls.__name__: cls for cls in (*FIELDS, RuleBase, ChairTerm)}  # RuleBase: fields of every kind


@pytest.mark.parametrize("schema", SCHEMA_MODELS, ids=lambda cls: cls.__name__)
def test_runtime_values_name_the_schema_fields(schema: type[BaseModel]) -> None:
    """Each run-time class has the schema model's fields, in its order, with its defaults; the
    fast path reads exactly those keys."""
    runtime = RUNTIME[schema.__name__]
    assert runtime.model_fields == tuple(schema.model_fields)
    assert set(FIELDS.get(runtime, schema.model_fields)) == set(schema.model_fields)
    for name, field in schema.model_fields.items():
        if field.is_required():
            assert name not in runtime._defaults, name
        else:
            assert runtime._defaults[name] == field.get_default(call_default_factory=True), name


@pytest.mark.parametrize("path", RULE_BOOKS, ids=lambda p: p.name)
def test_project_rule_books_take_the_fast_path(path: Path) -> None:
    """Every rule book the project ships is read without the schema, to the same values."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fast = fast_rulebook(data)
    assert fast is not None
    assert fast == _validated(data, path)
    assert fast.model_dump(mode="json") == schema_book.RuleBook.model_validate(fast.model_dump(mode="json")).model_dump(mode="json")


@settings(max_examples=int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "25")) * 4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(path=st.sampled_from(RULE_BOOKS), data=st.data())
def test_fast_path_accepts_only_what_the_schema_accepts(path: Path, data: st.DataObject) -> None:
    """A mutated rule book the fast path builds is one the schema accepts, with equal values."""
    try:
        parsed = tomllib.loads(mutate_toml(path.read_text(encoding="utf-8"), data))
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return
    if any(True for _ in screen(parsed, dates=True, names=True)):
        return
    fast = fast_rulebook(parsed)
    if fast is not None:
        assert fast == _validated(parsed, path)


def test_schema_path_gives_runtime_values() -> None:
    """What the schema validates becomes the same run-time classes (``model_validate``)."""
    data = tomllib.loads(embedded_path("cica.toml").read_text(encoding="utf-8"))
    book = fast_rulebook(data)
    assert book is not None
    again = type(book).model_validate(book.model_dump(mode="json", exclude_none=True))
    assert again == book
    assert to_runtime(schema_book.RuleBook.model_validate(book.model_dump(mode="json"))) == book


HEAVY = ("pydantic", "pydantic_core", "icalendar", "holidays", "dateutil")


@pytest.mark.parametrize(
    ("command", "allowed"),
    [
        (["check", "--today", "2026-11-26"], ()),
        (["check", "--today", "2026-11-26", "--format", "json"], ()),
        (["validate"], ()),
        (["bodies"], ()),
        (["chairs", "--today", "2026-11-26"], ("holidays", "dateutil")),  # placement's public holidays
    ],
)
def test_commands_load_only_the_libraries_they_use(command: list[str], allowed: tuple[str, ...]) -> None:
    """On valid inputs, check, validate and bodies import neither pydantic (the schema) nor
    icalendar, holidays or dateutil: their start-up is the CLI's and the rule book's own;
    chairs needs public holidays for its projection, and no schema or calendar library."""
    probe = (
        "import sys\nfrom planner.cli import main\n"
        f"try:\n    main({command!r})\nexcept SystemExit:\n    pass\n"
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY) - set(allowed)!r})\n"
        "sys.stderr.write('\\nloaded: ' + ' '.join(heavy) + '\\n')"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stderr.splitlines()[-1] == "loaded: ", done.stderr[-500:]


CELLS = ["Austria", "AT", " Austria ", "2019", "2019-09", "2019-02-30", " 2019 ", "0999", "1", "0", "-1", "03", "+1", "1_000", "1.0", "2147483648", 2019, 0, 3, True, 1.5]


@settings(max_examples=int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "25")) * 8, deadline=None)
@given(cells=st.dictionaries(st.sampled_from(["country", "start", "end", "ordinal", "note", "source", "planned", "term"]), st.sampled_from(CELLS), max_size=5))
def test_chair_rows_read_directly_only_as_the_schema_reads_them(cells: dict[str, object]) -> None:
    """A chair register row read without the schema is one it accepts, to an equal term."""
    from pydantic import ValidationError

    from planner.core.schema.chair_term import ChairTerm as Schema

    fast = ChairTerm.from_cells(cells)
    if fast is None:
        return
    try:
        model = Schema.model_validate(cells)
    except ValidationError:
        pytest.fail(f"read directly, refused by the schema: {cells}")
    assert fast == ChairTerm(**{name: getattr(model, name) for name in Schema.model_fields})
