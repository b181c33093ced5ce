"""A sixteenth audit of real organizations (tests/audit/), each rule book citing its instrument
in every rule's `source` and each register row its source, every expected answer worked out by
hand before the tool was run (the derivation in each test's docstring). The Executive Council of
the African Union: twice a year under the Constitutive Act (art. 10(2)) and, in practice, in the
week before each ordinary session of the Assembly and, since 2019, each Mid-Year Coordination
Meeting: `before` rules on two other bodies, extraordinary Assembly sessions that prepare
nothing, a session held nine days before the MYCM of October 2020, records complete for
2019-2025 only."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.test_semantics_audit5 import _invoke

AUDIT = Path(__file__).parent / "audit"


def _files(name: str) -> list[str]:
    return ["--rules", str(AUDIT / f"{name}.toml"), "--meetings", str(AUDIT / f"{name}-meetings.csv")]


def _check(name: str, *args: str) -> dict:
    return json.loads(_invoke("check", *_files(name), *args, "--format", "json").stdout)


def _text(name: str, *args: str) -> str:
    """The text report of ``check``, its lines joined as one."""
    return " ".join(_invoke("check", *_files(name), *args).stdout.split())


def _by_rule(out: dict, body: str) -> dict[int, dict[str, str]]:
    """Each rule's index -> window label -> verdict, for one body."""
    rules: dict[int, dict[str, str]] = {}
    for f in out["findings"]:
        if f["body"] == body:
            rules.setdefault(f["rule"], {})[f["window"]["label"]] = f["verdict"]
    return rules


def _why(out: dict, body: str, rule: int, label: str) -> str:
    (why,) = [f["why"] for f in out["findings"] if f["body"] == body and f["rule"] == rule and f["window"]["label"] == label]
    return why


def _project(name: str, *args: str) -> list[tuple[str, str, int]]:
    out = json.loads(_invoke("project", *_files(name), *args, "--format", "json").stdout)
    return [(m["body"], m["start"], m["ordinal"]) for m in out["meetings"]]


# -- African Union: the Executive Council before the Assembly and the MYCM --------------------------

AUEC = "au-executive-council"

# The Assembly's ordinary sessions, 1st (Durban, 9 July 2002) to 38th (15 February 2025): the day
# each opened, from the register (tests/audit/african-union-meetings.csv carries the same rows).
_ASSEMBLY_OPENED = [
    "2002-07-09", "2003-07-10", "2004-07-06", "2005-01-30", "2005-07-04", "2006-01-23", "2006-07-01", "2007-01-29",
    "2007-07-01", "2008-01-31", "2008-06-30", "2009-02-01", "2009-07-01", "2010-01-31", "2010-07-25", "2011-01-30",
    "2011-06-30", "2012-01-29", "2012-07-15", "2013-01-27", "2013-05-26", "2014-01-30", "2014-06-26", "2015-01-30",
    "2015-06-14", "2016-01-30", "2016-07-17", "2017-01-30", "2017-07-03", "2018-01-28", "2018-07-01", "2019-02-10",
    "2020-02-09", "2021-02-06", "2022-02-05", "2023-02-18", "2024-02-17", "2025-02-15",
]


def _eve(day: str) -> str:
    """The label of a `before` window: its last day, the day before the origin opened."""
    from datetime import date, timedelta

    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def test_au_executive_council_twice_a_year_unknown_before_its_records():
    """Constitutive Act, art. 10(2), binding: two ordinary sessions each calendar year from the
    first whole year after its first session (Durban, July 2002): 2003. By hand, as of
    2026-12-01, the Council's records complete 2019-2025 only: 2003-2017, nothing recorded,
    unknown, never missed; 2018, the 32nd (25 January) and the 33rd (28 June, Nouakchott)
    recorded though the year is not known complete: met; 2019-2025, two sessions each (the 34th
    to the 47th; 2020's second, the 37th, by video conference on 13 October): met; 2026, nothing
    recorded, the year not known complete: open, two due by 31 December as far as the register
    shows."""
    out = _check(AUEC, "--today", "2026-12-01")
    got = _by_rule(out, "ec")[0]
    assert got == {str(y): "unknown" for y in range(2003, 2018)} | {str(y): "met" for y in range(2018, 2026)} | {"2026": "open"}
    assert _why(out, "ec", 0, "2020") == "2020: 2 of 2 required, at least twice a year: Executive Council 2020-02-06 (36th, Addis Ababa), Executive Council 2020-10-13 (37th)."
    assert _why(out, "ec", 0, "2026") == (
        "2026: 2 still due by 2026-12-31, at least twice a year. Still due as far as the register shows: "
        "the register is known complete only 2019-01-01..2025-12-31."
    )


def test_au_executive_council_the_week_before_each_ordinary_assembly():
    """Customary `before` rule, 7 days: for each ordinary (regular) session of the Assembly
    opening on day S, one Council session opening in [S - 7, S - 1], labelled by S - 1. By hand:
    the 38 ordinary sessions 2002-2025 give 38 windows; the 11th extraordinary session (17
    November 2018, the institutional reform) and the 12th (7 July 2019, Niamey, the AfCFTA
    launch) are not ordinary and prepare nothing: no window on 16 November 2018 or 6 July 2019.
    2002-2017: unknown (the Council's records begin in 2019); the 30th Assembly (28 January
    2018): the 32nd Council, 25 January, inside 21-27 January: met; the 31st (1 July 2018): the
    33rd Council, 28 June: met; 2019-2025: each Council session two or three days before its
    Assembly (7 February before 10 February 2019, 6 before 9 February 2020, 3 before 6 February
    2021 online, 2 before 5 February 2022, 15 before 18 February 2023, 14 before 17 February
    2024, 12 before 15 February 2025): met."""
    out = _check(AUEC, "--today", "2026-12-01")
    got = _by_rule(out, "ec")[1]
    expected = {_eve(d): "unknown" if d < "2018" else "met" for d in _ASSEMBLY_OPENED}
    assert got == expected and len(got) == 38
    assert "2018-11-16" not in got and "2019-07-06" not in got
    assert _why(out, "ec", 1, "2021-02-05") == "2021-02-05: 1 of 1 required, 7 days before the 34th Assembly (2021-02-06): Executive Council 2021-02-03 (38th)."
    assert _why(out, "ec", 1, "2017-07-02").endswith("Unknown, not advisory: the register is known complete only 2019-01-01..2025-12-31.")


def test_au_executive_council_nine_days_before_the_2020_mycm_is_an_advisory():
    """Customary `before` rule on the MYCM, 7 days: the 2nd MYCM (by video conference, 22
    October 2020) wanted a Council session opening 15-21 October; the 37th opened on 13 October,
    nine days before, and serves the year's second session under art. 10(2), not this window:
    an advisory (customary), the only finding short of met in a year known complete. The other
    six MYCMs (7 July 2019 Niamey, 16 October 2021, 17 July 2022 Lusaka, 16 July 2023 Nairobi,
    21 July 2024 Accra, 13 July 2025 Malabo) each had their Council session three days before
    (two in 2021): met. No violation anywhere: exit 0."""
    out = _check(AUEC, "--today", "2026-12-01")
    got = _by_rule(out, "ec")[2]
    assert got == {
        "2019-07-06": "met", "2020-10-21": "advisory", "2021-10-15": "met", "2022-07-16": "met",
        "2023-07-15": "met", "2024-07-20": "met", "2025-07-12": "met",
    }
    assert _why(out, "ec", 2, "2020-10-21") == (
        "2020-10-21: 0 of 1 required (7 days before the 2nd MYCM (2020-10-22)); no counting meeting recorded (customary rule, an advisory). "
        "Not counted: Executive Council 2020-10-13 (37th) (9 days before the 2nd MYCM (2020-10-22): more than 7 days before)."
    )
    assert Counter(f["verdict"] for f in out["findings"] if f["body"] == "ec") == {"met": 23, "unknown": 44, "advisory": 1, "open": 1}
    assert out["summary"]["exit_code"] == 0 and out["summary"]["violations"] == 0 and out["summary"]["advisories"] == 1


def test_au_council_held_as_the_assembly_opened_is_named_not_counted(tmp_path):
    """What if the 46th Council had opened on 15 February 2025, the day the 38th Assembly
    opened, and the 47th on 20 June 2025, 23 days before the 7th MYCM? Both windows (8-14
    February, 6-12 July) hold nothing: advisories. The why names the session held as the
    Assembly opened (it prepared nothing before it); one 23 days before the MYCM lies more
    than a second week away and is not named (the year's tally under art. 10(2) counts it)."""
    rows = (AUDIT / f"{AUEC}-meetings.csv").read_text(encoding="utf-8")
    rows = rows.replace("ec,regular,46,2025-02-12,2025-02-13", "ec,regular,46,2025-02-15,2025-02-16").replace("ec,regular,47,2025-07-10,2025-07-11", "ec,regular,47,2025-06-20,2025-06-21")
    (tmp_path / "rows.csv").write_text(rows, encoding="utf-8")
    out = json.loads(_invoke("check", "--rules", str(AUDIT / f"{AUEC}.toml"), "--meetings", str(tmp_path / "rows.csv"), "--today", "2026-12-01", "--format", "json").stdout)
    assert _by_rule(out, "ec")[1]["2025-02-14"] == "advisory" and _by_rule(out, "ec")[2]["2025-07-12"] == "advisory"
    assert _why(out, "ec", 1, "2025-02-14").endswith(
        "(customary rule, an advisory). Not counted: Executive Council 2025-02-15 (46th, Addis Ababa) (opened the day the 38th Assembly (2025-02-15) opened, not before it)."
    )
    assert _why(out, "ec", 2, "2025-07-12").endswith("no counting meeting recorded (customary rule, an advisory).")
    assert _by_rule(out, "ec")[0]["2025"] == "met"


def test_au_assembly_and_mycm_open_in_2026_as_far_as_the_register_shows():
    """The Assembly under its three versions (once a year to 2004, twice 2005 to 17 November
    2018, once from the reform): 2003-2025, 23 windows, all met (2002 is no whole year: the
    Union was founded on 9 July); the MYCM 2019-2025 met; 2026 open for both, the register
    transcribed only to 2025. The text says it in one line per body."""
    out = _check(AUEC, "--today", "2026-12-01")
    assert _by_rule(out, "assembly") == {
        0: {"2003": "met", "2004": "met"},
        1: {str(y): "met" for y in range(2005, 2019)},
        2: {str(y): "met" for y in range(2019, 2026)} | {"2026": "open"},
    }
    assert _by_rule(out, "myc") == {0: {str(y): "met" for y in range(2019, 2026)} | {"2026": "open"}}
    text = _text(AUEC, "--today", "2026-12-01")
    assert "Executive Council at least twice a year; in practice within 7 days before each Assembly (customary); in practice within 7 days before each MYCM (customary) 68 judged: 23 met, 44 unknown, 1 advisory; open: 2026 (2 due by 2026-12-31)" in text
    assert "advisory Executive Council, 2020-10-21: 0 of 1 required (7 days before the 2nd MYCM (2020-10-22))" in text
    assert text.endswith("3 bodies · 0 violations · 1 advisory · 3 open windows · 44 unknown · exit 0")


def test_au_projection_from_december_2026_then_the_council_just_before_the_assembly():
    """project, as of 2026-12-01 to 2027. 2026: every body is still due as far as the register
    shows and December is left. The Assembly (two days) on the first working days, Wednesday
    2-3 December; the MYCM (one day) three days after the Assembly at the same host (the
    organization's `min_days_between`), 6 December a Sunday: Monday the 7th; the Council's two
    sessions, its preferred months (February, July) past, spread over 2-31 December (the middles
    of two halves, the 9th and the 24th), the first moved to the 10th, three days after the MYCM.
    2027: the Assembly on the lower median of its 38 opening days (the 17th) of its month,
    February: Wednesday 17-18 February, the Council on the two working days just before it
    (`before = "assembly"`), 15-16 February; the MYCM on the lower median of its seven days (the
    16th) of July, Friday 16 July, with the Council's second session inside the week before it.
    Ordinals continue the register's: the 39th Assembly, the 8th MYCM, the 48th Council."""
    got = _project(AUEC, "--today", "2026-12-01", "--to", "2027")
    assert got[:4] == [("assembly", "2026-12-02", 39), ("myc", "2026-12-07", 8), ("ec", "2026-12-10", 48), ("ec", "2026-12-24", 49)]
    assert got[4:6] == [("ec", "2027-02-15", 50), ("assembly", "2027-02-17", 40)]
    (july,) = [start for body, start, _ in got if body == "ec" and start.startswith("2027-07")]
    assert ("myc", "2027-07-16", 9) in got and "2027-07-09" <= july <= "2027-07-15"
    assert len(got) == 8
