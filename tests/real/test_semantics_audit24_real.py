"""A twenty-fourth audit of real organizations (tests/audit/), each rule book citing its
instrument in every rule's `source` and each register row its source (days known only from
memory say so; rows known only to the month or year give no day), every expected answer worked
out by hand from the rule as written before the tool was run (the derivation in each test's
docstring). Rules that stress what the audits before did not: the last Sunday of a month with
an Easter exception the rule language has no key for (Appenzell Innerrhoden's Landsgemeinde,
rule versions for the Easter years)."""

from __future__ import annotations

from tests.real.test_semantics_audit15_real import AUDIT, _check, _files
from tests.real.test_semantics_audit18_real import _events
from tests.real.test_semantics_audit20_real import _edited, _judged, _project
from tests.real.test_semantics_audit22_real import _verdicts
from tests.semantics.test_semantics_audit5 import _invoke

TODAY = ("--today", "2026-12-05")


def _feed(name: str, *args: str) -> list[dict[str, str]]:
    return _events(_invoke("ics", *_files(name), *TODAY, "--out", "-", *args).stdout)


# -- Appenzell Innerrhoden: the last Sunday in April, the first in May when Easter is on it -----

AI = "appenzell-landsgemeinde"


def test_appenzell_last_sunday_in_april_2012_2025_met_the_pandemic_years_excused():
    """Constitution of Appenzell I. Rh., art. 19(2): the last Sunday in April. By hand: 29 April
    2012, 28 April 2013, 27 April 2014, 26 April 2015 and 24 April 2016 (the canton's own list),
    30 April 2017, 29 April 2018, 28 April 2019, 24 April 2022, 30 April 2023, 28 April 2024 and
    27 April 2025 are each that April's last Sunday: met. 2020 (moved to 23 August, then called
    off) and 2021 (called off in February) have no Landsgemeinde; the rule book records both as
    excused, with the decisions as sources. 26 April 2026 has passed with nothing recorded, the
    register complete only to 2025: unknown, not missed. Next: 25 April 2027 (Easter 2027 is on
    28 March)."""
    out = _check(AI, *TODAY)
    verdicts = _verdicts(out, "landsgemeinde")
    held = ("2012-04-29", "2013-04-28", "2014-04-27", "2015-04-26", "2016-04-24", "2017-04-30", "2018-04-29", "2019-04-28", "2022-04-24", "2023-04-30", "2024-04-28", "2025-04-27")
    assert {k: v for k, v in verdicts.items() if k >= "2012"} == {
        **{day: "met" for day in held},
        "2020-04-26": "excused",
        "2021-04-25": "excused",
        "2026-04-26": "unknown",
        "2027-04-25": "open",
    }
    assert out["summary"]["violations"] == 0


def test_appenzell_without_the_recorded_suspension_2020_and_2021_are_missed(tmp_path):
    """The Constitution itself has no exception for an epidemic (the Landammann in 2020: "Die
    Kantonsverfassung sieht keinen Urnengang vor"): without the rule book's `excused` table,
    2020 and 2021 are `missed`, two violations; the cancelled rows do not count."""
    book = (AUDIT / f"{AI}.toml").read_text(encoding="utf-8")
    start = book.index("excused = [")
    table = book[start : book.index("]\n", start) + 2]
    out = _judged(_edited(tmp_path, AI, {table: ""}), *TODAY)
    verdicts = _verdicts(out, "landsgemeinde")
    assert verdicts["2020-04-26"] == "missed" and verdicts["2021-04-25"] == "missed"
    assert out["summary"]["violations"] == 2


def test_appenzell_2011_is_uncertain_on_the_year_and_met_on_the_first_sunday_in_may(tmp_path):
    """Easter 2011 fell on 24 April, the last Sunday in April: art. 19(3) moves the Landsgemeinde
    to the first Sunday in May, 1 May 2011 (the rule version for 2011). The register knows only
    the year: `uncertain`, naming 1 May. Dated 1 May 2011 (an edit) it is met; dated 24 April
    2011, the day the unamended art. 19(2) would give, it is `off_date`, a violation: the Easter
    version, not the April rule, judges 2011."""
    out = _check(AI, *TODAY)
    assert _verdicts(out, "landsgemeinde")["2011-05-01"] == "uncertain"
    row = "landsgemeinde,regular,,2011,,"
    for day, verdict in (("2011-05-01", "met"), ("2011-04-24", "off_date")):
        folder = tmp_path / day
        folder.mkdir()
        out = _judged(_edited(folder, AI, {}, rows={row: f"landsgemeinde,regular,,{day},,"}), *TODAY)
        assert _verdicts(out, "landsgemeinde")["2011-05-01"] == verdict


def test_appenzell_projects_the_last_sunday_in_april_and_2_may_2038():
    """`project` to 2040 as of 2026-12-05: 25 April 2027, 30 April 2028, 29 April 2029, 28 April
    2030, 27 April 2031, 25 April 2032, 24 April 2033, 30 April 2034, 29 April 2035, 27 April
    2036, 26 April 2037; Easter 2038 is on 25 April, the last Sunday in April, so 2 May 2038 (the
    first Sunday in May); then 24 April 2039 and 29 April 2040. Each a Sunday, the body's
    `weekdays`: no Problem. (2026, unknown, is not projected: its day has passed.)"""
    starts = [s for _, s, _ in _project(AI, *TODAY, "--to", "2040")]
    assert starts == ["2027-04-25", "2028-04-30", "2029-04-29", "2030-04-28", "2031-04-27", "2032-04-25", "2033-04-24", "2034-04-30", "2035-04-29", "2036-04-27", "2037-04-26", "2038-05-02", "2039-04-24", "2040-04-29"]


def test_appenzell_feed_keeps_the_called_off_landsgemeinden_cancelled():
    """The feed: 2020 (on the day it was moved to, 23 August) and 2021 CANCELLED, the 2011 row
    known only to the year TENTATIVE (its day not fixed), the others CONFIRMED."""
    events = {e["DTSTART"]: e for e in _feed(AI)}
    assert events["20200823"]["STATUS"] == "CANCELLED" and events["20210425"]["STATUS"] == "CANCELLED"
    assert events["20110101"]["STATUS"] == "TENTATIVE"
    assert events["20250427"]["STATUS"] == "CONFIRMED"
