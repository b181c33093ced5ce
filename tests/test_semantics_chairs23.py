"""Session 23's chair semantics: `planner chairs` on small rule books whose findings were worked
out by hand from README ("`planner chairs`", "The rule book": `[chairmanship]`, "The register":
chair terms) before running the planner. Each docstring holds the rule, the registers and the
reasoning. The base organization is session 22's "Lake Commission"
(`tests/test_semantics_chairs22.py`): six members Austria to Finland, a two-year chair
(`term = "2y"`, no tolerance) passing at each Assembly, the outgoing chair hosting it; or,
with `handover = "[]"`, a chair passing every `term` at no meeting."""

from __future__ import annotations

from pathlib import Path

from tests.test_semantics_chairs22 import _assembly, _chairs, _files, _kinds


def _lengths(out: dict) -> list[tuple[str, str]]:
    return [(t["country"], t["length"]) for t in out["terms"]]


def test_a_term_of_364_days_is_11_months_30_days_not_11_months(tmp_path: Path) -> None:
    """term = "1y", no handover bodies. `end` is the day the chair was handed over (README
    "Chair terms"). Austria 2021-01-01 to 2021-12-31: 364 days, one day short of a year:
    2021-01-01 + 11 months = 2021-12-01, + 30 days = 2021-12-31: "11 months 30 days". It
    read "11 months", a month short. Belgium 2021-12-31 to 2022-12-31: "1 year". Chile from
    2022-12-31, today 2023-06-01: 5 months (to 2023-05-31) and 1 day so far. No finding:
    a term shorter than the rule breaks nothing."""
    chairs = "Austria,2021-01-01,2021-12-31,,,x\nBelgium,2021-12-31,2022-12-31,,,x\nChile,2022-12-31,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, term="1y", handover="[]"), "2023-06-01")
    assert _lengths(out) == [("Austria", "11 months 30 days"), ("Belgium", "1 year"), ("Chile", "5 months 1 day so far")]
    assert [t["length_days"] for t in out["terms"][:2]] == [364, 365]
    assert _kinds(out) == []


def test_lengths_count_days_across_a_leap_year_and_short_months(tmp_path: Path) -> None:
    """term = "1y", no handover bodies. Austria 2020-01-01 to 2021-01-01: 366 days, the leap
    year 2020: "1 year", no finding. Belgium 2021-01-01 to 2022-01-02: "1 year 1 day", longer
    than a year: a violation saying "1 year 1 day". Chile 2022-01-02 to 2022-01-29: 27 days;
    Denmark 2022-01-29 to 2022-02-26: 28 days (under four weeks is only days); Estonia
    2022-02-26 to 2022-03-29: 2022-02-26 + 1 month = 03-26, + 3 days: "1 month 3 days"
    (31 days). Finland from 2022-03-29, today 2022-06-01: "2 months 3 days so far"."""
    chairs = (
        "Austria,2020-01-01,2021-01-01,,,x\nBelgium,2021-01-01,2022-01-02,,,x\nChile,2022-01-02,2022-01-29,,,x\n"
        "Denmark,2022-01-29,2022-02-26,,,x\nEstonia,2022-02-26,2022-03-29,,,x\nFinland,2022-03-29,,,,x\n"
    )
    out = _chairs(_files(tmp_path, chairs, term="1y", handover="[]"), "2022-06-01")
    assert _lengths(out) == [
        ("Austria", "1 year"),
        ("Belgium", "1 year 1 day"),
        ("Chile", "27 days"),
        ("Denmark", "28 days"),
        ("Estonia", "1 month 3 days"),
        ("Finland", "2 months 3 days so far"),
    ]
    assert [t["length_days"] for t in out["terms"][:5]] == [366, 366, 27, 28, 31]
    assert _kinds(out) == [("long_term", "violation", "Belgium")]
    assert "2022-01-02: 1 year 1 day, longer than the rule's term of 1 year." in out["findings"][0]["message"]


def test_a_month_dated_term_perhaps_too_long_never_reads_as_no_longer_than_the_rule(tmp_path: Path) -> None:
    """term = 2y. Austria 2020-06 to 2022-06 (Assemblies 2020-06-10, 2022-06-15): shortest
    2020-06-30 to 2022-06-01, 1 year 11 months 2 days; longest 2020-06-01 to 2022-06-30,
    2 years 29 days. The note said "1 year 11 months to 2 years, perhaps longer than the
    rule's term of 2 years": its longest reading, cut to whole months, was no longer than the
    rule it said it might break. Now "1 year 11 months 2 days to 2 years 29 days"."""
    chairs = "Austria,2020-06,2022-06,,,x\nBelgium,2022-06,,,,x\n"
    out = _chairs(_files(tmp_path, chairs, _assembly("2020-06-10", "2022-06-15")), "2023-01-01")
    assert out["terms"][0]["length"] == "1 year 11 months 2 days to 2 years 29 days"
    (note,) = [f for f in out["findings"] if f["kind"] == "long_term"]
    assert note["severity"] == "note"
    assert note["message"].startswith("Austria chaired 2020-06 to 2022-06: 1 year 11 months 2 days to 2 years 29 days, perhaps longer than the rule's term of 2 years")
