"""The one exception hierarchy of planner.

Every error a user can cause is a :class:`PlannerError` (a ``ValueError``). Input errors carry
their context as attributes and build their one-line message from them, so the CLI can print
``FILE:LINE: what is wrong (got X; expected Y)`` without ever showing a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class PlannerError(ValueError):
    """Root of every error planner raises on bad input or an impossible request."""


class InputError(PlannerError):
    """A bad value in an input file, with where it stands and what was expected.

    ``location`` is a line (``12``), a line and column (``"12:3"``) or a key path
    (``"bodies[2].rules[0].per"``).
    """

    def __init__(
        self,
        problem: str,
        *,
        path: str | Path | None = None,
        location: str | int | None = None,
        value: object = None,
        expected: str | None = None,
    ) -> None:
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.location = location
        self.value = value
        self.expected = expected
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.path or ""
        if self.location not in (None, ""):
            sep = ":" if isinstance(self.location, int) or str(self.location)[:1].isdigit() else ": "
            where = f"{where}{sep}{self.location}" if where else str(self.location)
        text = f"{where}: {self.problem}" if where else self.problem
        details = []
        if self.value is not None:
            details.append(f"got {_shortened(repr(self.value))}")
        if self.expected:
            details.append(f"expected {self.expected}")
        if details:
            text += f" ({'; '.join(details)})"
        return text

    def __str__(self) -> str:
        return self.message


def _shortened(text: str, limit: int = 200) -> str:
    """A value's repr for a message, cut short: a 10,000-character name or a 4,000-digit number
    is one line to read, not a screenful (the place and the expectation say the rest)."""
    return text if len(text) <= limit else f"{text[: limit - 40]}... ({len(text):,} characters)"


class RuleBookError(InputError):
    """A rule book that cannot be read or does not follow the schema."""


class RegisterError(InputError):
    """A register of meetings or chair terms that cannot be read."""


class PlanError(PlannerError):
    """A chairmanship plan that names unknown countries or breaks a chair rule. ``index`` is
    the position (from 0) of the candidate at fault, so a plan file's error can name its line."""

    def __init__(self, message: str, *, index: int | None = None) -> None:
        self.index = index
        super().__init__(message)


class PlacementError(PlannerError):
    """No working day inside a period can hold a meeting that must be placed there."""


class OutputError(PlannerError):
    """An output that writing would damage beyond what is this run's to change (a feeds folder
    of another organization, whose events it would cancel)."""


class InputErrors(PlannerError):
    """Several input errors found at once (``planner validate`` lists them all)."""

    def __init__(self, errors: Iterable[PlannerError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
