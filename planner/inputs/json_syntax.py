"""A JSON syntax error in the one-line form: what stands at the place, and what JSON expects
there. Python's words name only the symptom ("Expecting value", "Expecting property name
enclosed in double quotes"); a person who left a comma after the last entry, a comment or a
single quote needs the text found and the rule it breaks (RFC 8259).
"""

from __future__ import annotations

from json import JSONDecodeError

# Python's message (its start: some carry the character found) -> (what is wrong, what JSON
# expects there)
_SAID: tuple[tuple[str, str, str], ...] = (
    ("Expecting value", "no value where one should be", "a value: text in double quotes, a number, true, false, null, an object {...} or a list [...] (no comma after the last item, no comments)"),
    ("Expecting property name", "no key where one should be", "a key in double quotes, e.g. \"start\" (no comma after an object's last item)"),
    ("Expecting ':'", "no ':' after a key", "':' between a key and its value"),
    ("Expecting ','", "no ',' between two items", "',' between items, or the ']' or '}' that closes them"),
    ("Unterminated string", "a text in double quotes is never closed", "a closing double quote (\")"),
    ("Invalid control character", "a line break or control character inside a text in double quotes", "it written as an escape (\\n, \\t, \\u0009)"),
    ("Invalid \\uXXXX", "a \\u escape without four hexadecimal digits", "\\u and four hexadecimal digits, e.g. \\u00e9"),
    ("Invalid \\escape", "an unknown escape in a text", "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after a backslash"),
    ("Extra data", "more text after the end of the document", "one JSON value (a list or an object) and nothing after it"),
)
_SHOWN = 30  # characters of the text at the place shown


def syntax_error(exc: JSONDecodeError, column_offset: int = 0) -> tuple[str, str, str | None, str]:
    """``(location, problem, found, expected)`` of ``exc``: the line and column, what is wrong
    in words, the text at the place (``None`` at the end of the file, which the problem then
    says) and what JSON expects there. ``column_offset``: characters the parsed text has before
    the file's line (a line parsed inside braces of its own)."""
    problem, expected = next(((p, e) for said, p, e in _SAID if exc.msg.startswith(said)), (exc.msg, "JSON as RFC 8259 defines it"))
    rest = exc.doc[exc.pos : exc.pos + _SHOWN + 1] if isinstance(exc.doc, str) else ""
    if exc.msg.startswith("Unterminated string"):
        found: str | None = rest[:_SHOWN]  # the text that is never closed, from its quote
    else:
        found = (rest.split("\n", 1)[0].rstrip("\r") or rest[:1])[:_SHOWN] if rest else None
    if not rest:
        problem = f"{problem}: the file ends there"
    return f"{exc.lineno}:{max(1, exc.colno - column_offset)}", f"JSON syntax error: {problem}", found, expected


__all__ = ["syntax_error"]
