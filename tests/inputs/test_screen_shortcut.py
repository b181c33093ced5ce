"""The screen's shortcut (:func:`planner.inputs.limits._plainly_clean`) says "nothing to find"
only where the screen's own walk finds nothing: checked on documents made of the characters,
keys, dates and depths the screen looks for."""

from __future__ import annotations

from datetime import date, datetime, time

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.inputs.limits import MAX_DEPTH, NAME_KEYS, _plainly_clean, _screened, screen

# characters each check looks for, beside plain ones: controls, invisible and layout characters,
# bidirectional controls, a lone surrogate, line breaks and tabs, spaces
_CHARS = st.sampled_from(["a", "B", " ", "\t", "\n", "\r", "\x1b", "\x7f", "\x85", "\u200b", "\u202e", "\u2067", "\ufeff", "\ud800", "é", "."])
_TEXT = st.text(_CHARS, max_size=4)
_KEYS = st.sampled_from([*sorted(NAME_KEYS), "id", "bodies", "rules", "a.name", "x[0]", "source"]) | _TEXT
_DATES = st.sampled_from([date(2019, 9, 24), date(999, 1, 1), date(3000, 1, 1), datetime(2019, 9, 24, 10, 0), time(10, 0)])
_LEAVES = _TEXT | _DATES | st.integers(-2, 2) | st.booleans() | st.floats(allow_nan=False)


def _documents() -> st.SearchStrategy[object]:
    return st.recursive(_LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=12)


def _deep(depth: int, leaf: object) -> object:
    value = leaf
    for _ in range(depth):
        value = {"bodies": [value]}
    return value


@settings(max_examples=400, deadline=None)
@given(_documents(), st.booleans(), st.booleans(), st.sampled_from(["", "meetings", "name", "aliases", "x.short_name"]))
def test_shortcut_only_where_the_walk_finds_nothing(document: object, dates: bool, names: bool, root: str) -> None:
    """Clean by the shortcut: the walk finds nothing; and the screen answers as the walk does."""
    walked = list(_screened(document, dates=dates, root=root, names=names))
    if _plainly_clean(document, dates=dates, names=names, root=root):
        assert walked == []
    assert list(screen(document, dates=dates, root=root, names=names)) == walked


def test_shortcut_takes_a_plain_rule_book_and_refuses_each_problem() -> None:
    """A plain document passes the shortcut; each kind of problem sends it to the walk."""
    plain = {"organization": {"name": "CICA", "founded": date(1999, 9, 14)}, "bodies": [{"id": "summit", "name": "Summit", "aliases": ["Summit of Heads of State"], "short_name": ""}]}
    assert _plainly_clean(plain, dates=True, names=True, root="")
    for bad in ("Sum\x1bmit", "Sum\u202emit", "Sum\u200bmit", "Sum\ud800", "  "):
        document = {**plain, "bodies": [{"id": "summit", "name": bad}]}
        assert not _plainly_clean(document, dates=True, names=True, root="")
        assert list(screen(document, dates=True, names=True)) != []
    for value in (datetime(2019, 1, 1, 9, 0), time(9, 0), date(999, 1, 1)):
        assert not _plainly_clean({**plain, "since": value}, dates=True, names=True, root="")
    assert not _plainly_clean(_deep(MAX_DEPTH, "x"), dates=True, names=True, root="")
    assert _plainly_clean(_deep(MAX_DEPTH // 2 - 1, "x"), dates=True, names=True, root="")
