"""Hypothesis invariants for the rule kinds of issue 9, section 3: ``on`` dates, ``before``,
weekly cadence with recess, ``count_by = "event"``, ``formats`` and ``except_when``."""

from __future__ import annotations

import os
import random
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.dates import PartialDate
from planner.core.model import Meeting, MeetingFormat, Status
from planner.engine.judging.compliance import VIOLATIONS, Verdict, check
from planner.inputs.rulebook import parse_rulebook

TODAY = date(2026, 6, 15)
START = date(2018, 1, 1)
SETTINGS = settings(max_examples=int(os.environ.get("PLANNER_HYPOTHESIS_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
CITIES = ["Geneva", "Vienna"]


@st.composite
def target_rule(draw) -> dict:
    kind = draw(st.sampled_from(["on_nth", "on_day", "on_after", "before", "week", "year"]))
    binding = draw(st.sampled_from([True, True, True, False]))
    common: dict = {"binding": binding, "since": START}
    if draw(st.booleans()):
        common["formats"] = ["in_person"]
    if draw(st.booleans()):
        common["count_by"] = "event"
    if draw(st.integers(0, 3)) == 0:
        common["except_when"] = ["other"]
    if draw(st.integers(0, 3)) == 0:
        common["excused"] = [{"start": str(draw(st.integers(2018, 2025))), "reason": "drawn"}]
    if kind == "on_nth":
        return {"kind": "on", "weekday": draw(st.sampled_from(["mon", "tue", "thu"])), "nth": draw(st.sampled_from([1, 2, 3, -1])), "month": draw(st.integers(1, 12)), **common}
    if kind == "on_day":
        return {"kind": "on", "month": draw(st.integers(1, 12)), "day": draw(st.integers(1, 28)), **common}
    if kind == "on_after":
        return {"kind": "on", "weekday": "tue", "after": {"weekday": "mon", "nth": 1, "month": draw(st.integers(1, 12))}, "interval": "2y", "anchor": 2018, **common}
    if kind == "before":
        return {"kind": "before", "body": "other", "offset": draw(st.sampled_from(["1m", "20d", "3m"])), **common}
    if kind == "week":
        return {"kind": "at_least", "count": draw(st.integers(1, 2)), "per": "week", **common}
    return {"kind": "at_least", "count": draw(st.integers(1, 3)), "per": "year", **common}


@st.composite
def cases(draw):
    rule = draw(target_rule())
    weekly = rule.get("per") == "week"
    first = date(2025, 9, 1) if weekly else START
    span = (TODAY - first).days - 1
    recess = [{"start": "2025-12-22", "end": "2026-01-04", "reason": "year end"}] if weekly and draw(st.booleans()) else []
    bodies = [
        {"id": "other", "name": "Other", "category": "governing", "rules": [{"kind": "at_least", "count": 1, "per": "year"}]},
        {"id": "target", "name": "Target", "category": "governing", "recess": recess, "rules": [rule]},
    ]
    book = parse_rulebook({"organization": {"id": "o", "name": "O", "short_name": "O"}, "bodies": bodies})
    meetings = []
    for body, most in (("other", 12), ("target", 40)):
        for _ in range(draw(st.integers(0, most))):
            day = first + timedelta(days=draw(st.integers(0, span)))
            text = day.isoformat() if draw(st.integers(0, 7)) else day.isoformat()[:7]
            status = draw(st.sampled_from([Status.HELD] * 6 + [Status.CANCELLED, Status.PLANNED]))
            fmt = draw(st.sampled_from([None, MeetingFormat.IN_PERSON, MeetingFormat.ONLINE]))
            length = draw(st.integers(0, 2))
            end = PartialDate.of(day + timedelta(days=length)) if length and len(text) == 10 else None
            meetings.append(Meeting(body=body, start=PartialDate.parse(text), end=end, status=status, format=fmt, city=draw(st.sampled_from(CITIES))))
    return book, meetings


def _findings(book, meetings):
    return [f for f in check(book, meetings, TODAY).findings if f.body.id == "target" and f.expectation is not None]


@SETTINGS
@given(cases())
def test_every_window_is_judged_once(case):
    """No window of the new kinds is judged twice."""
    keys = [f.expectation.key for f in _findings(*case) if not f.expectation.pending]
    assert len(keys) == len(set(keys))


@SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(case, rnd: random.Random):
    """Shuffling the register gives the same findings."""
    book, meetings = case
    shuffled = meetings[:]
    rnd.shuffle(shuffled)
    assert [(f.window_label, f.verdict, f.why) for f in _findings(book, meetings)] == [(f.window_label, f.verdict, f.why) for f in _findings(book, shuffled)]


@SETTINGS
@given(cases())
def test_a_meeting_counts_in_at_most_one_window(case):
    """A counting meeting serves one window of a rule (windows of these kinds never overlap)."""
    seen: list[Meeting] = []
    for f in _findings(*case):
        if f.verdict in (Verdict.MET, Verdict.OPEN) and not f.expectation.pending:
            seen.extend(f.counted)
    assert len(seen) == len({id(m) for m in seen})


@SETTINGS
@given(cases(), st.data())
def test_adding_a_held_meeting_never_breaks_a_met_window(case, data):
    """Recording one more held meeting of the judged body never turns a met window into a
    violation (an extra meeting cannot merge two events that were apart)."""
    book, meetings = case
    before = {f.expectation.key: f.verdict for f in _findings(book, meetings)}
    day = START + timedelta(days=data.draw(st.integers(0, (TODAY - START).days - 1)))
    extra = Meeting(body="target", start=PartialDate.of(day), status=Status.HELD, city=data.draw(st.sampled_from(CITIES)), format=data.draw(st.sampled_from([None, MeetingFormat.IN_PERSON, MeetingFormat.ONLINE])))
    after = {f.expectation.key: f.verdict for f in _findings(book, [*meetings, extra])}
    for key, verdict in before.items():
        if verdict is Verdict.MET and key in after:
            assert after[key] not in VIOLATIONS, (key, extra.start)
