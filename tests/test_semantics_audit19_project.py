"""A nineteenth audit, of `project` and `chairs`: small rule books whose projection and chair
plan were worked out by hand first (in each test's docstring, from DESIGN.md and the README),
then compared with `--format json`. Days off come from the `holidays` package (0.109) for the
host, of the categories the rule book's `holiday_categories` names (by default `public`,
`government` and `de_facto`: the days a government office keeps closed)."""

from __future__ import annotations

from click.testing import CliRunner

from planner.cli import main
from tests.test_semantics_audit17_project import _files, _project


def _org(city: str, country: str, extra: str = "") -> str:
    return f'[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = {{ city = "{city}", country = "{country}" }}\n{extra}'


def _body(id: str, name: str, keys: str, *rules: str) -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\nhost = "secretariat"\n{keys}' + "".join(
        f"[[bodies.rules]]\n{r}" for r in rules
    )


_TWELVE_MONTHS = 'kind = "every"\ninterval = "12m"\n'


def _starts(out: dict) -> list[str]:
    return [m["start"] for m in out["meetings"]]


# -- 1. Days off that are no public holiday: Christmas Eve -----------------------------------------


def test_a_meeting_is_not_projected_on_swedens_christmas_eve(tmp_path):
    """Board every 12 months (rolling, in months), at the Secretariat in Stockholm, last held
    Wed 2025-12-24; as of 2026-06-01 to 2027. By hand: due at its nominal date, 12 months on,
    Thu 2026-12-24. Sweden's Christmas Eve is no public holiday in the `holidays` package but
    a `de_facto` day off (offices closed); 25 and 26 December are public holidays, 27th a
    Sunday: the nearest working day of December is Wed 12-23. In 2027, 24 months after the
    last held meeting, Fri 2027-12-24: Thu 12-23 again. Before, both were on 24 December."""
    book = _org("Stockholm", "Sweden") + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2025-12-24,,held,Stockholm,Sweden\n"), "2026-06-01", "2027-12-31")
    assert _starts(out) == ["2026-12-23", "2027-12-23"]


def test_public_holidays_alone_when_the_rule_book_says_so(tmp_path):
    """The same Board with `holiday_categories = ["public"]`: 24 December is a working day
    then, and the meetings keep their nominal date, Thu 2026-12-24 and Fri 2027-12-24."""
    book = _org("Stockholm", "Sweden", 'holiday_categories = ["public"]\n') + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2025-12-24,,held,Stockholm,Sweden\n"), "2026-06-01", "2027-12-31")
    assert _starts(out) == ["2026-12-24", "2027-12-24"]


def test_denmarks_christmas_eve_is_avoided_where_the_rule_book_names_its_category(tmp_path):
    """The Board in Copenhagen. Denmark's Christmas Eve is in the package's `optional`
    category (not avoided by default: India's 30-odd restricted holidays are `optional` too).
    By default: Thu 2026-12-24 and Fri 2027-12-24. With `holiday_categories = ["public",
    "DK:optional"]`: Wed 2026-12-23 and Thu 2027-12-23 (25, 26 December public holidays)."""
    rows = "bd,regular,,2025-12-24,,held,Copenhagen,Denmark\n"
    plain = _org("Copenhagen", "Denmark") + _body("bd", "Board", "", _TWELVE_MONTHS)
    assert _starts(_project(_files(tmp_path, plain, rows), "2026-06-01", "2027-12-31")) == ["2026-12-24", "2027-12-24"]
    named = _org("Copenhagen", "Denmark", 'holiday_categories = ["public", "DK:optional"]\n') + _body("bd", "Board", "", _TWELVE_MONTHS)
    assert _starts(_project(_files(tmp_path, named, rows), "2026-06-01", "2027-12-31")) == ["2026-12-23", "2027-12-23"]


def test_a_us_federal_christmas_eve_closure_is_avoided(tmp_path):
    """The Board in Washington (United States) every 12 months, its last meeting in the
    register on Sun 2023-12-24 (a videoconference); as of 2024-06-01 to 2024. By hand: due at
    Tue 2024-12-24, a day the package lists as `government` (federal offices closed by
    executive order), not `public`. The nearest working day: Mon 12-23 (1 back; Thu 12-26 is
    2 on, the 25th a holiday). Before: Tue 2024-12-24."""
    book = _org("Washington", "United States") + _body("bd", "Board", "", _TWELVE_MONTHS)
    out = _project(_files(tmp_path, book, "bd,regular,,2023-12-24,,held,Washington,United States\n"), "2024-06-01", "2024-12-31")
    assert _starts(out) == ["2024-12-23"]


def test_a_category_the_package_does_not_have_is_refused_naming_the_key(tmp_path):
    """`holiday_categories = ["public", "DK:optinal"]` and `["workday"]` (working days, not
    days off): exit 2, one line naming the file, the key and the entry."""
    for value, words in (('["public", "DK:optinal"]', "entry 2 is 'DK:optinal', not a category"), ('["workday"]', "'workday' category lists working days")):
        book = _org("Copenhagen", "Denmark", f"holiday_categories = {value}\n") + _body("bd", "Board", "", _TWELVE_MONTHS)
        rules, _ = _files(tmp_path, book, "")[1::2]
        result = CliRunner().invoke(main, ["validate", "--rules", rules])
        assert result.exit_code == 2, result.output
        assert "holiday_categories" in result.output + result.stderr and words in result.output + result.stderr
        assert "Traceback" not in result.output + result.stderr
