"""Registers of chair terms (CSV or JSON) -> :class:`~planner.core.model.ChairTerm`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from planner.core.errors import InputErrors, RegisterError
from planner.core.model import ChairTerm
from planner.inputs.limits import MAX_CHAIR_TERMS, MAX_ORDINAL
from planner.inputs.register.found import until_broken
from planner.inputs.register.schema_rows import (
    CHAIR_COLUMNS,
    CHAIR_REQUIRED,
    header_again,
    ordinal_error,
    schema_error,
    validated,
    validation_errors,
    with_ordinal,
)
from planner.inputs.rows import chair_parser
from planner.inputs.table import as_dict, read_cells


def chairs_from_rows(rows: Iterable[tuple[str | int, Any]], path: Path, header: list[str] | None = None) -> list[ChairTerm]:
    """Chair terms of register rows, each a dict of fields; with ``header``, each a list of a
    CSV register's cells in its order, read by the fast parser when it can."""
    terms: list[ChairTerm] = []
    errors: list[RegisterError] = []
    parse = chair_parser(header) if header is not None else None
    for location, row in until_broken(rows, errors):
        if parse is not None:
            term = parse(row)
            if term is not None:
                terms.append(term)
                continue
            row = as_dict(header, row)  # type: ignore[arg-type]
        fields = {k: v for k, v in row.items() if v not in ("", None)}
        if (again := header_again(fields, path, location)) is not None:
            errors.append(again)
            continue
        try:
            term = ChairTerm.from_cells(fields) or validated(ChairTerm.model_validate, fields, path, location)
        except schema_error() as exc:
            errors.extend(with_ordinal(validation_errors(exc, path, location, row), fields, path, location))
        except RegisterError as exc:
            errors.append(exc)
        else:
            if term.ordinal is not None and term.ordinal > MAX_ORDINAL:
                errors.append(ordinal_error(term.ordinal, path, location))
            else:
                terms.append(term)
        if len(errors) >= 50:
            break
    if errors:
        raise errors[0] if len(errors) == 1 else InputErrors(errors[:50])  # the first 50, as read
    return terms



def load_chairs(path: str | Path) -> list[ChairTerm]:
    """Read a register of chair terms from CSV or JSON."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        from planner.inputs.register.json_register import json_rows

        return chairs_from_rows(json_rows(path, "chairs"), path)
    header, rows = read_cells(path, CHAIR_COLUMNS, CHAIR_REQUIRED, MAX_CHAIR_TERMS)
    return chairs_from_rows(rows, path, header)
