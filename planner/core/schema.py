"""The base of every rule-book model: frozen, unknown keys refused (so a typo fails loudly), and
the one pattern ids follow."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

# Ids of organizations, bodies, rules and measures: what a register and --body name them by.
ID_RE = r"^[a-z][a-z0-9_-]*$"


class Frozen(BaseModel):
    # defer_build: a model is built on its first validation, so a command pays only for what
    # it validates (the rule book builds its nested models within its own; ChairTerm and the
    # register schema wait until a chair register or a loose row comes)
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)
