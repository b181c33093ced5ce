"""The lead's cases of the twenty-second pass, each worked out by hand first (in its docstring)
from README's "The rule book" before planner was run."""

from __future__ import annotations

import json
from datetime import date

from tests.semantics.test_semantics_audit5 import _body, _files, _invoke

QUARTERLY = 'kind = "at_least"\ncount = 1\nper = "quarter"'


def _project(tmp_path, keys: str):
    rules, meetings = _files(tmp_path, _body(f'host = "secretariat"\nestablished = 2020\n{keys}', QUARTERLY), "")
    return _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2027-01-04", "--to", "2027-12-31", "--format", "json")


def test_weekdays_name_the_day_a_meeting_of_several_days_opens_on(tmp_path):
    """A Board of 3 days, `weekdays = ["tue"]`, at least once a quarter, Secretariat in Bern.
    By hand (README: `weekdays` names the days a projected meeting opens on, its other days the
    host's working days that follow): each quarter's meeting opens on a Tuesday and closes on
    the Thursday after it, not on three Tuesdays and not on a Wednesday opening."""
    result = _project(tmp_path, 'duration_days = 3\nweekdays = ["tue"]')
    assert result.exit_code == 0, result.output
    meetings = json.loads(result.stdout)["meetings"]
    assert len(meetings) == 4
    for m in meetings:
        start, end = date.fromisoformat(m["start"]), date.fromisoformat(m["end"])
        assert start.strftime("%a") == "Tue" and (end - start).days == 2, m


def test_a_meeting_day_whose_run_of_working_days_crosses_the_weekend_is_a_problem(tmp_path):
    """The same Board opening on Thursdays (`weekdays = ["thu"]`): 3 consecutive working days
    from a Thursday take the Saturday, a Swiss weekend day, so no quarter has a day for it. By
    hand: nothing projected, and each quarter's Problem says no run of 3 working days starts on
    a Thursday (never a silent move to another day)."""
    result = _project(tmp_path, 'duration_days = 3\nweekdays = ["thu"]')
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["meetings"] == []
    assert out["problems"] and all("starts on a Thursday" in p["message"] for p in out["problems"]), out["problems"]
