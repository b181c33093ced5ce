"""A sixteenth audit, of projection: DESIGN.md's "Projection" clause by clause, starting with
what the last pass noticed and left. Every projected date, ordinal, host and reason was worked
out by hand first, in each test's docstring, then compared; and DESIGN's invariant (a register
checked with its own projection finds nothing missed inside the horizon)."""

from __future__ import annotations

from tests.test_semantics_audit13_project import _book, _kept

_PAIR = (
    '[[bodies]]\nid = "audit"\nname = "Audit Board"\ncategory = "working"\nhost = "fixed"\nhost_country = "Switzerland"\nhost_city = "Geneva"\nmonths = [6]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n'
    '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n'
    '[[bodies]]\nid = "bureau"\nname = "Bureau"\ncategory = "working"\nhost = "secretariat"\nbefore = "council"\n'
    '[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
)
_PAIR_ROWS = (
    "audit,regular,,2025-06-09,,held,Geneva,Switzerland\naudit,regular,,2026-06-09,,held,Geneva,Switzerland\n"
    "council,regular,,2025-06-10,,held,Bern,Switzerland\ncouncil,regular,,2026-06-10,,held,Bern,Switzerland\n"
    "bureau,regular,,2026-06-09,,held,Bern,Switzerland\n"
)


def test_a_body_with_nothing_due_keeps_no_day_before_its_partner(tmp_path):
    """Audit Board (Geneva) and Council (Bern Secretariat) at least once a year in June, on
    the 9th and the 10th as their histories; the Bureau meets just before the Council
    (`before = "council"`), every two years (rolling), last 2026-06-09; as of 2026-06-30 to
    2031. No Swiss public holiday falls on these days (Ascension is in May). By hand: the
    Audit Board, placed first, takes the 9th or the nearest working day: Wed 2027-06-09,
    Fri 2028-06-09, Sat 2029-06-09 -> Fri 06-08, Sun 2030-06-09 -> Mon 06-10, Mon 2031-06-09.
    The Bureau is due in 2028 and 2030 only (2 years after 2026, then after its 2028
    meeting). The Council aims at the 10th: Thu 2027-06-10 (the day before is the Audit
    Board's, but the Bureau has nothing due in 2027: it was moved to Friday 06-11 to keep a
    day free for a meeting nobody needs); 2028-06-10 is a Saturday, Fri 06-09 is taken, Mon
    06-12 leaves the Bureau no day before it (Friday is the Audit Board's): Thu 06-08, the
    Bureau on Wed 06-07 ("2 years after the Bureau of 2026-06-09"); Sun 2029-06-10 -> Mon
    06-11 (was Tue 06-12: its working day before, Friday, is the Audit Board's, and the
    Bureau has nothing due); 2030: Mon 06-10 is the Audit Board's, Tue 06-11 leaves the
    Bureau no day: Wed 06-12, the Bureau on Tue 06-11 ("2 years after the Bureau of
    2028-06-07, projected"); Tue 2031-06-10. DESIGN: "`before` pairs are exactly adjacent",
    where there is a pair; held, the projection meets every window of 2027-2031."""
    paths = _book(tmp_path, _PAIR, _PAIR_ROWS)
    projected, report = _kept(tmp_path, paths, "2026-06-30", "2031-12-31")
    assert [(m["body"], m["start"]) for m in projected] == [
        ("audit", "2027-06-09"), ("council", "2027-06-10"),
        ("bureau", "2028-06-07"), ("council", "2028-06-08"), ("audit", "2028-06-09"),
        ("audit", "2029-06-08"), ("council", "2029-06-11"),
        ("audit", "2030-06-10"), ("bureau", "2030-06-11"), ("council", "2030-06-12"),
        ("audit", "2031-06-09"), ("council", "2031-06-10"),
    ]  # fmt: skip
    bureau = [m["reason"] for m in projected if m["body"] == "bureau"]
    assert bureau == ["2 years after the Bureau of 2026-06-09", "2 years after the Bureau of 2028-06-07, projected"]
    assert {m["host"] for m in projected if m["body"] != "audit"} == {"Bern (Secretariat)"}
    ahead = [(f["body"], f["window"]["label"], f["verdict"]) for f in report["findings"] if "2027-01-01" <= f["window"]["end"] <= "2031-12-31" and f["verdict"] != "met"]
    assert ahead == []
