"""Small helpers for writing counts in words, shared by every layer."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 body``, ``2 bodies`` (give ``many`` when the plural is not ``word + "s"``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
