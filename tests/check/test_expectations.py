"""Rule semantics case by case: dates, durations, periods, and each rule kind's edge cases."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.dates import Duration, Grain, PartialDate
from planner.core.model import Kind, Meeting, Status
from planner.engine.body_meetings import BodyMeetings
from planner.engine.judging.compliance import Verdict, check
from planner.inputs.rulebook import parse_rulebook

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2019-09", date(2019, 9, 1), date(2019, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2019-09-24", date(2019, 9, 24), date(2019, 9, 24)),
    ],
)
def test_partial_date_is_the_range_it_may_mean(text, earliest, latest):
    """A year or a month stands for all its days."""
    when = PartialDate.parse(text)
    assert (when.earliest, when.latest, str(when)) == (earliest, latest, text)


@pytest.mark.parametrize("text", ["2023-02-30", "2019-13", "19-09-24", "2019/09/24", "", "0000"])
def test_impossible_dates_are_refused(text):
    """February 30th, month 13 and other shapes are errors, not silently mended."""
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize(("text", "amount", "unit"), [("4y", 4, "y"), ("6m", 6, "m"), ("60d", 60, "d")])
def test_durations(text, amount, unit):
    """Whole numbers with a unit y, m or d."""
    assert Duration.parse(text) == Duration(amount, unit)


@pytest.mark.parametrize("text", ["4 years", "-2y", "0y", "4w", "y", "4.5y", ""])
def test_bad_durations(text):
    """Words, negatives, zero and unknown units are refused."""
    with pytest.raises(ValueError):
        Duration.parse(text)


@pytest.mark.parametrize(
    ("grain", "day", "label", "start", "end"),
    [
        (Grain.YEAR, date(2018, 7, 4), "2018", date(2018, 1, 1), date(2018, 12, 31)),
        (Grain.HALF, date(2018, 7, 4), "2018 H2", date(2018, 7, 1), date(2018, 12, 31)),
        (Grain.QUARTER, date(2018, 2, 28), "2018 Q1", date(2018, 1, 1), date(2018, 3, 31)),
        (Grain.MONTH, date(2024, 2, 10), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_calendar_periods(grain, day, label, start, end):
    """Periods are calendar years, halves, quarters and months, numbered so that they add."""
    index = grain.index(day)
    assert grain.label(index) == label
    assert (grain.window(index).start, grain.window(index).end) == (start, end)
    assert grain.window(index + 1).start == grain.window(index).end + timedelta(days=1)


def _book(*rules, established=None, other=None):
    bodies = []
    if other:
        bodies.append({"id": "summit", "name": "Summit", "category": "governing", "rules": [{"kind": "ad_hoc"}]})
    body = {"id": "board", "name": "Board", "category": "governing", "rules": list(rules)}
    if established:
        body["established"] = established
    bodies.append(body)
    return parse_rulebook({"organization": {"id": "o", "name": "Org", "short_name": "O"}, "bodies": bodies})


def _m(day, body="board", kind="regular", status="held"):
    return Meeting(body=body, kind=kind, start=PartialDate.parse(day), status=Status(status))


def _verdicts(book, meetings, today=TODAY, **kw):
    return {f.window_label: (f.verdict, f.delay) for f in check(book, meetings, today, **kw).of("board") if f.expectation}


def test_every_in_days_counts_days():
    """`every 30d`: due within 30 days of the last meeting; 35 days later is 5 days late."""
    book = _book({"kind": "every", "interval": "30d"})
    got = _verdicts(book, [_m("2026-01-01"), _m("2026-01-31"), _m("2026-03-07")])
    assert got["2026-01-31"] == (Verdict.MET, "")
    assert got["2026-03-02"] == (Verdict.LATE, "5 days")


def test_every_in_months_is_judged_by_calendar_month():
    """`every 6m` after March is due by the end of September; October is one month late."""
    book = _book({"kind": "every", "interval": "6m"})
    got = _verdicts(book, [_m("2025-03-20"), _m("2025-10-02")])
    assert got["2025-09"] == (Verdict.LATE, "1 month")


def test_rolling_tolerance_keeps_a_slightly_late_meeting_met():
    """With `tolerance = "3m"` a meeting in March of the next year still meets the window."""
    book = _book({"kind": "every", "interval": "1y", "tolerance": "3m"})
    got = _verdicts(book, [_m("2023-05-01"), _m("2025-03-15")])
    assert got["2024"] == (Verdict.MET, "")


def test_after_ignores_special_meetings_of_the_other_body():
    """Only counting meetings of the other body start an `after` window."""
    book = _book({"kind": "after", "body": "summit", "offset": "1y", "counts": ["regular"]}, other=True)
    meetings = [_m("2020-05-05", body="summit"), _m("2022-05-05", body="summit", kind="special"), _m("2021-06-01")]
    got = _verdicts(book, meetings)
    assert got == {"2021": (Verdict.MET, "")}


def test_nothing_is_due_before_the_body_was_established():
    """A body founded in June is first judged in the following calendar year."""
    book = _book({"kind": "at_least", "count": 1, "per": "year"}, established="2024-06-10")
    got = _verdicts(book, [_m("2025-03-03")])
    assert "2024" not in got and got["2025"] == (Verdict.MET, "")


def test_counts_may_admit_special_meetings():
    """A rule with `counts = ["regular", "special"]` counts a special session."""
    plain = _book({"kind": "at_least", "count": 1, "per": "year", "since": date(2025, 1, 1)})
    wide = _book({"kind": "at_least", "count": 1, "per": "year", "since": date(2025, 1, 1), "counts": ["regular", "special"]})
    meetings = [_m("2025-04-04", kind="special")]
    assert _verdicts(plain, meetings)["2025"][0] is Verdict.MISSED
    assert _verdicts(wide, meetings)["2025"][0] is Verdict.MET


def test_at_most_excess():
    """Two meetings where at most one is allowed: excess."""
    book = _book({"kind": "at_most", "count": 1, "per": "quarter", "since": date(2025, 1, 1)})
    got = _verdicts(book, [_m("2025-01-10"), _m("2025-02-10")], today=date(2025, 6, 1))
    assert got["2025 Q1"][0] is Verdict.EXCESS and got["2025 Q2"][0] is Verdict.OPEN


def test_cancelled_and_postponed_never_count():
    """A cancelled or postponed meeting leaves the window missed."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": date(2025, 1, 1)})
    got = _verdicts(book, [_m("2025-03-03", status="cancelled"), _m("2025-05-05", status="postponed")])
    assert got["2025"][0] is Verdict.MISSED


def test_planned_meeting_in_open_window_is_scheduled():
    """A planned meeting ahead shows as scheduled in the open window."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": date(2026, 1, 1)})
    report = check(book, [_m("2026-12-10", status="planned")], TODAY)
    finding = report.of("board")[0]
    assert finding.verdict is Verdict.OPEN and finding.scheduled and not finding.unconfirmed


def test_past_planned_meeting_is_unconfirmed_and_not_counted():
    """A planned meeting whose dates have passed is reported as unconfirmed, not as held; the
    register does not say whether it was, so its window is uncertain, not missed (see
    tests/semantics/test_semantics_audit2.py)."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": date(2025, 1, 1)})
    report = check(book, [_m("2025-06-01", status="planned")], TODAY)
    finding = next(f for f in report.of("board") if f.window_label == "2025")
    assert finding.verdict is Verdict.UNCERTAIN and finding.unconfirmed and not finding.counted
    assert "not recorded as held" in finding.why


def test_body_not_yet_established_is_not_applicable():
    """A body founded after the period checked has nothing due: not applicable."""
    book = _book({"kind": "at_least", "count": 1, "per": "year"}, established="2027-03-01")
    finding = check(book, [], TODAY).of("board")[0]
    assert finding.verdict is Verdict.NOT_APPLICABLE and "2027-03-01" in finding.why


def test_from_and_to_bound_the_windows_judged():
    """--from and --to keep only the windows that touch the period."""
    book = _book({"kind": "at_least", "count": 1, "per": "year", "since": date(2015, 1, 1)})
    got = _verdicts(book, [], start=date(2018, 1, 1), end=date(2020, 12, 31))
    assert sorted(got) == ["2018", "2019", "2020"]


def test_rolling_chain_stays_due_after_a_missed_window():
    """Silent since 2024 under "once a year": 2025 missed, and 2026 still due, not forgotten."""
    book = _book({"kind": "every", "interval": "1y"}, established="2020-01-01")
    got = _verdicts(book, [_m("2021-05-01"), _m("2024-09-01")])
    assert got["2025"][0] is Verdict.MISSED
    assert got["2026"][0] is Verdict.OPEN


def test_rule_with_since_and_no_meetings_is_due_from_its_start():
    """`every 1y` since 2015 with no meeting at all: due 2016, missed, and each year after."""
    book = _book({"kind": "every", "interval": "1y", "since": date(2015, 1, 1)})
    got = _verdicts(book, [])
    assert [got[str(y)][0] for y in range(2016, 2026)] == [Verdict.MISSED] * 10
    assert got["2026"][0] is Verdict.OPEN


def test_loosely_dated_meeting_cannot_prove_min_gap():
    """Under min_gap 60d a meeting dated only '2020' may be too close to 2020-06-01: uncertain."""
    book = _book({"kind": "at_least", "count": 2, "per": "year", "min_gap": "60d", "since": date(2020, 1, 1)})
    got = _verdicts(book, [_m("2020"), _m("2020-06-01")], today=date(2021, 3, 1))
    assert got["2020"][0] is Verdict.UNCERTAIN


def test_window_after_to_is_what_is_due_next_not_judged():
    """With --to in the past, windows are judged as they stood then: the next one is open."""
    book = _book({"kind": "every", "interval": "1y"}, established="2010-01-01")
    report = check(book, [_m("2010-03-01"), _m("2011-03-01")], TODAY, end=date(2011, 12, 31))
    assert {f.window_label: f.verdict for f in report.of("board")} == {"2011": Verdict.MET, "2012": Verdict.OPEN}
    assert not report.violations


_DAYS = st.sampled_from(["2019", "2019-01", "2019-01-01", "2019-01-02", "2019-12-31", "2020", "2020-01-01"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_DAYS, st.sampled_from([None, "2019-12-31", "2021"]), st.sampled_from([None, 1, 2]), st.sampled_from(["", "Almaty", "Baku"]), st.sampled_from(list(Status))), max_size=12))
def test_a_body_s_meetings_are_in_sort_key_order(rows):
    """Indexed by body, meetings keep the order of the whole sort key, ties of first days and
    already rising registers alike, each one's last possible day and the latest so far."""
    meetings = []
    for start, end, ordinal, city, status in rows:
        first = PartialDate.parse(start)
        last = PartialDate.parse(end) if end and PartialDate.parse(end).latest >= first.earliest else None
        meetings.append(Meeting(body="soc", start=first, end=last, ordinal=ordinal, city=city, status=status))
    expected = sorted(meetings, key=Meeting.sort_key)
    # as read, and in order of first days with ties in any order (a register in date order)
    for indexed in (BodyMeetings(list(meetings)), BodyMeetings(sorted(meetings, key=lambda m: m.start.earliest))):
        assert indexed.meetings == expected
        assert indexed.starts == [m.start.earliest for m in expected]
        assert indexed.lasts == [(m.end or m.start).latest for m in expected]
        assert indexed.reach == list(itertools.accumulate(indexed.lasts, max))
        assert indexed.max_span == max((m.latest - m.earliest for m in expected), default=timedelta(0))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_DAYS, st.sampled_from([None, "2019-12-31"]), st.sampled_from(list(Kind)), st.sampled_from(list(Status))), max_size=10), st.integers(0, 10))
def test_meetings_added_one_by_one_index_as_all_at_once(rows, split):
    """Projection adds meetings to an indexed body one by one: the index (order, days, and
    the kind of each meeting held, the last day each may have opened on) is the one of all at once."""
    meetings = []
    for start, end, kind, status in rows:
        first = PartialDate.parse(start)
        last = PartialDate.parse(end) if end and PartialDate.parse(end).latest >= first.earliest else None
        meetings.append(Meeting(body="soc", start=first, end=last, kind=kind, status=status))
    grown = BodyMeetings(list(meetings[:split]))
    for m in meetings[split:]:
        grown.add(m)
    whole = BodyMeetings(list(meetings))
    assert [m.sort_key() for m in grown.meetings] == [m.sort_key() for m in whole.meetings]
    assert (grown.starts, grown.lasts, grown.reach, grown.held, grown.opened_by) == (whole.starts, whole.lasts, whole.reach, whole.held, whole.opened_by)
    assert whole.held == [m.kind if m.status is Status.HELD else None for m in whole.meetings]
    assert whole.opened_by == [m.start.latest for m in whole.meetings]


def test_the_index_hands_each_body_its_meetings_as_indexed():
    """Projection reads each body's history as the register is indexed (while its meetings
    are in the processor's cache): each body once, in sort order, without the later parts of a
    meeting recorded on two rows, and the very list the index keeps."""
    from planner.engine.body_meetings import index_meetings

    rows = [_m("2021-05-02"), _m("2020-03-01", body="soc"), _m("2020-01-10"), _m("2022-01-01", body="soc")]
    first = Meeting(body="board", start=PartialDate.parse("2023-02-01"), ordinal=7, status=Status.HELD)
    later = Meeting(body="board", start=PartialDate.parse("2023-06-01"), ordinal=7, status=Status.HELD)
    handed: list[tuple[str, BodyMeetings]] = []
    indexed = index_meetings([*rows, later, first], then=lambda body, bm: handed.append((body, bm)))
    assert [body for body, _ in handed] == ["board", "soc"]
    assert all(bm is indexed[body] for body, bm in handed)
    assert [str(m.start) for m in indexed["board"].meetings] == ["2020-01-10", "2021-05-02", "2023-02-01"]
