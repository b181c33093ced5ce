"""A ninth audit: `planner project`, `planner chairs`, the feeds and `planner diff` against
cases worked out by hand from DESIGN.md alone (each docstring holds the computation, written
before the tool was run), and the points the eighth audit left open (a postponed numbered
meeting beside its projected successor, a `diff` of what is no projection, an .ics override of
a series the file does not hold)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from planner.cli import main
from tests.test_semantics_audit5 import _invoke

_BERN = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'
_EVERY_2Y = _BERN + '[[bodies]]\nid = "board"\nname = "Board"\ncategory = "working"\nhost = "secretariat"\nmonths = [6]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
_HEAD = "body,kind,ordinal,start,end,status,city,country\n"


def _paths(tmp_path: Path, book: str, rows: str, name: str = "meetings.csv") -> list[str]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / name
    rules.write_text(book, encoding="utf-8")
    meetings.write_text(_HEAD + rows, encoding="utf-8")
    return ["--rules", str(rules), "--meetings", str(meetings)]


def _json(*args: str) -> dict:
    return json.loads(_invoke(*args, "--format", "json").stdout)


def _refused(*args: str) -> str:
    """The one line of a refusal (exit 2)."""
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# -- planner diff: only a projection, said in words ---------------------------------------------------


def _saved(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    _invoke("project", *args, "--format", "json", "-o", str(out))
    return out


def test_diff_refuses_a_key_project_never_writes_naming_its_path(tmp_path):
    """A saved projection with a key added by hand ("scenario" at the top, "colour" in a
    meeting) is another document than `project` wrote: the diff cannot say what it means, so it
    is refused (exit 2), one line naming the file and the key path. It was compared in silence.
    Control: the file as written compares with itself, nothing changed."""
    paths = _paths(tmp_path, _EVERY_2Y, "board,regular,6,2024-06-10,,held,Bern,Switzerland\n")
    saved = _saved(tmp_path, "p.json", *paths, "--today", "2026-03-01", "--to", "2030")
    data = json.loads(saved.read_text(encoding="utf-8"))
    top = tmp_path / "top.json"
    top.write_text(json.dumps({**data, "scenario": "Summit slips"}), encoding="utf-8")
    assert _refused("diff", str(saved), str(top)).startswith(f"error: {top}: scenario: is not a key `planner project --format json` writes")
    data["meetings"][1]["colour"] = "red"
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps(data), encoding="utf-8")
    assert _refused("diff", str(saved), str(deep)).startswith(f"error: {deep}: meetings[1].colour: is not a key")
    same = _invoke("diff", str(saved), str(saved)).stdout
    assert "0 moved · 0 added · 0 dropped · 0 hosts changed" in same and "horizon" not in same


def test_diff_refuses_a_schema_project_never_wrote_and_another_commands_output(tmp_path):
    """`project --format json` has only ever written schema_version 1; version 2 is
    `check`'s. A projection relabelled 2 was read as one (READABLE_VERSIONS held 2): refused,
    "expected 1". `check`'s own JSON (version 2, command "check") is named for what it is.
    A projection without `today` (a key the diff's head shows) is refused by that key."""
    paths = _paths(tmp_path, _EVERY_2Y, "board,regular,6,2024-06-10,,held,Bern,Switzerland\n")
    saved = _saved(tmp_path, "p.json", *paths, "--today", "2026-03-01", "--to", "2030")
    data = json.loads(saved.read_text(encoding="utf-8"))
    two = tmp_path / "two.json"
    two.write_text(json.dumps({**data, "schema_version": 2}), encoding="utf-8")
    assert _refused("diff", str(saved), str(two)) == f"error: {two}: schema_version: schema_version is not one this version reads (got 2; expected 1)"
    check = tmp_path / "check.json"
    _invoke("check", *paths, "--today", "2026-03-01", "--format", "json", "-o", str(check))
    assert f"{check}: command: is not a projection (got 'check'" in _refused("diff", str(saved), str(check))
    del data["today"]
    no_today = tmp_path / "no_today.json"
    no_today.write_text(json.dumps(data), encoding="utf-8")
    assert _refused("diff", str(saved), str(no_today)).startswith(f"error: {no_today}: today: is missing")


def test_diff_refuses_two_organizations(tmp_path):
    """Two projections of different organizations share no meeting: every one would be
    "dropped" and "added". Refused, naming the second file's organization and the first's."""
    paths = _paths(tmp_path, _EVERY_2Y, "board,regular,6,2024-06-10,,held,Bern,Switzerland\n")
    ours = _saved(tmp_path, "ours.json", *paths, "--today", "2026-03-01", "--to", "2030")
    cica = _saved(tmp_path, "cica.json", "--today", "2026-03-01", "--to", "2030")
    assert _refused("diff", str(ours), str(cica)) == f"error: {cica}: organization: is another organization's projection (got 'cica'; expected 'o', the organization of {ours})"


def test_diff_says_a_meeting_left_the_horizon_rather_than_the_plan(tmp_path):
    """Every 2 years from the 6th (2024-06-10): to 2030 the 7th 2026-06-10, 8th 2028-06-09
    (the 10th is a Saturday), 9th 2030-06-10; to 2028 only the first two. The diff of the
    long projection against the short one dropped the 9th "no longer in the horizon", and
    said the same of a meeting the other projection no longer makes inside the same horizon.
    Now: the head gives both horizons where they differ, the 9th is "outside the new horizon
    (2026-03-01 to 2028-12-31)"; the other way round it is added, "outside the old horizon". With the 7th planned for 2027-06-10 instead (same horizon), the 7th and 8th move
    (8th 2029-06-11: the 10th is a Sunday, Monday is one day on, Friday the 8th two back), the
    9th would be 2031: "no longer projected", and the head names no horizon."""
    paths = _paths(tmp_path, _EVERY_2Y, "board,regular,6,2024-06-10,,held,Bern,Switzerland\n")
    long = _saved(tmp_path, "long.json", *paths, "--today", "2026-03-01", "--to", "2030")
    short = _saved(tmp_path, "short.json", *paths, "--today", "2026-03-01", "--to", "2028")
    out = json.loads(_invoke("diff", str(long), str(short), "--format", "json").stdout)
    assert [(c["id"], c["why"]) for c in out["dropped"]] == [("9", "outside the new horizon (2026-03-01 to 2028-12-31) (was: 2 years after the 8th Board (2028, projected))")]
    text = _invoke("diff", str(long), str(short)).stdout
    assert "horizon 2026-03-01 to 2030-12-31 → 2026-03-01 to 2028-12-31" in " ".join(text.split())
    back = json.loads(_invoke("diff", str(short), str(long), "--format", "json").stdout)
    assert [(c["id"], c["why"]) for c in back["added"]] == [("9", "2 years after the 8th Board (2028, projected) (outside the old horizon: 2026-03-01 to 2028-12-31)")]
    replanned = _paths(tmp_path, _EVERY_2Y, "board,regular,6,2024-06-10,,held,Bern,Switzerland\nboard,regular,7,2027-06-10,,planned,Bern,Switzerland\n", "later.csv")
    later = _saved(tmp_path, "later.json", *replanned, "--today", "2026-03-01", "--to", "2030")
    again = json.loads(_invoke("diff", str(long), str(later), "--format", "json").stdout)
    assert [(c["id"], c["after"]["start"]) for c in again["moved"]] == [("7", "2027-06-10"), ("8", "2029-06-11")]
    assert [(c["id"], c["why"]) for c in again["dropped"]] == [("9", "no longer projected (was: 2 years after the 8th Board (2028, projected))")]
    assert "horizon" not in _invoke("diff", str(long), str(later)).stdout.splitlines()[0]


# -- a postponed numbered meeting is the same meeting, moved -----------------------------------------

_SIXTH = "board,regular,5,2022-06-10,,held,Bern,Switzerland\nboard,regular,6,2024-06-10,,held,Bern,Switzerland\n"


def _feed(tmp_path: Path, paths: list[str], *args: str) -> list[tuple[str, str, str]]:
    feeds = tmp_path / f"feeds{len(list(tmp_path.glob('feeds*')))}"  # a new folder: no state, no tombstones
    _invoke("-q", "ics", *paths, "--today", "2026-03-01", "--to", "2030", "--out", str(feeds), *args)
    events = (feeds / "board.ics").read_text(encoding="utf-8").split("BEGIN:VEVENT")[1:]
    return [tuple(next(line.split(":", 1)[1] for line in e.splitlines() if line.startswith(k)) for k in ("UID", "SUMMARY", "DTSTART")) for e in events]  # type: ignore[misc]


def test_a_postponed_numbered_meeting_is_projected_as_itself_after_its_old_day(tmp_path):
    """Every 2 years, rolling; the 6th held 2024-06-10; the 7th, due 2026, was to open
    Wednesday 2026-06-10 and is postponed (DESIGN.md: the new date is not fixed yet). A
    postponed meeting is the same meeting moved, and held later: the projection places the
    7th (the number after the 6th: the postponed one's own) on the first working day after
    2026-06-10, Thursday 2026-06-11, with "postponed from 2026-06-10" in its reason; then the
    8th 2028-06-09 (the 10th is a Saturday), the 9th 2030-06-10. Before, the 7th was placed on
    the very day it was postponed from, and the feed held "7th Board (postponed)" as o-board-7
    beside "7th Board (projected)" as o-board-7-2: now one event, o-board-7, moved to the 11th
    (a subscriber sees the 7th move, not a second 7th). Project text says the same."""
    paths = _paths(tmp_path, _EVERY_2Y, _SIXTH + "board,regular,7,2026-06-10,,postponed,Bern,Switzerland\n")
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2030")
    assert [(m["start"], m["ordinal"], m["id"]) for m in out["meetings"]] == [("2026-06-11", 7, "7"), ("2028-06-09", 8, "8"), ("2030-06-10", 9, "9")]
    assert out["meetings"][0]["reason"] == "postponed from 2026-06-10; 2 years after the 6th Board (2024-06-10)"
    assert _feed(tmp_path, paths)[2:] == [
        ("o-board-7@planner", "7th Board (projected)", "20260611"),
        ("o-board-8@planner", "8th Board (projected)", "20280609"),
        ("o-board-9@planner", "9th Board (projected)", "20300610"),
    ]
    text = _invoke("project", *paths, "--today", "2026-03-01", "--to", "2030").stdout
    assert "06-11  Board (7th)" in text and "postponed from 2026-06-10" in text


def test_a_postponed_meeting_re_planned_in_the_register_is_one_event(tmp_path):
    """Control: the 7th postponed from 2026-06-10 and re-planned for Tuesday 2026-09-15 (a
    second row of the same number). The register now dates the 7th: nothing is projected for
    2026; the 8th is due 2 years after, in 2028, in the Board's month (`months = [6]`, kept
    for yearly intervals: README), 2028-06-09 (the 10th a Saturday). (Written first as
    2028-09-15, the nominal date: the preferred month forgotten.) The feed held the
    postponed row as o-board-7 and the planned one as o-board-7-2; now the planned row alone,
    as o-board-7 (with or without the projection). Without the re-planned row and without
    the projection (--no-projected) the postponed event stays, "(postponed)"."""
    rows = _SIXTH + "board,regular,7,2026-06-10,,postponed,Bern,Switzerland\nboard,regular,7,2026-09-15,,planned,Bern,Switzerland\n"
    paths = _paths(tmp_path, _EVERY_2Y, rows)
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2028")
    assert [(m["start"], m["ordinal"], m["status"]) for m in out["meetings"]] == [("2026-09-15", 7, "planned"), ("2028-06-09", 8, "projected")]
    assert _feed(tmp_path, paths)[2:4] == [("o-board-7@planner", "7th Board", "20260915"), ("o-board-8@planner", "8th Board (projected)", "20280609")]
    assert _feed(tmp_path, paths, "--no-projected")[2:] == [("o-board-7@planner", "7th Board", "20260915")]
    alone = _paths(tmp_path, _EVERY_2Y, _SIXTH + "board,regular,7,2026-06-10,,postponed,Bern,Switzerland\n", "alone.csv")
    assert _feed(tmp_path, alone, "--no-projected")[2:] == [("o-board-7@planner", "7th Board (postponed)", "20260610")]


def test_a_meeting_postponed_from_its_windows_last_day_is_a_problem_not_an_earlier_day(tmp_path):
    """The 7th postponed from 2026-12-31, the last day of its window (due 2026): no day of
    2026 is left after it. A Problem says so ("has no day left after it"), and the rolling
    chain goes on from the missed window's period (DESIGN.md): the 7th 2028 (06-10 a
    Saturday: Friday 06-09), the 8th 2030-06-10. Nothing was placed before the day it was
    postponed from."""
    paths = _paths(tmp_path, _EVERY_2Y, _SIXTH + "board,regular,7,2026-12-31,,postponed,Bern,Switzerland\n")
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2030")
    assert [(m["start"], m["ordinal"]) for m in out["meetings"]] == [("2028-06-09", 7), ("2030-06-10", 8)]
    (problem,) = [p["message"] for p in out["problems"]]
    assert problem.startswith("Board: the 7th, postponed from 2026-12-31, has no day left after it in 2026-03-02..2026-12-31")


def test_diff_says_a_postponed_meeting_moved(tmp_path):
    """The 7th planned for 2026-06-10, then postponed: two projections to 2030. The diff
    matches the 7th in both (id "7"): moved 2026-06-10 → 2026-06-11, "postponed from
    2026-06-10; ..."; nothing added or dropped (the 8th and 9th keep their days)."""
    before = _saved(tmp_path, "before.json", *_paths(tmp_path, _EVERY_2Y, _SIXTH + "board,regular,7,2026-06-10,,planned,Bern,Switzerland\n", "b.csv"), "--today", "2026-03-01", "--to", "2030")
    after = _saved(tmp_path, "after.json", *_paths(tmp_path, _EVERY_2Y, _SIXTH + "board,regular,7,2026-06-10,,postponed,Bern,Switzerland\n", "a.csv"), "--today", "2026-03-01", "--to", "2030")
    out = json.loads(_invoke("diff", str(before), str(after), "--format", "json").stdout)
    assert [(c["id"], c["before"]["start"], c["after"]["start"]) for c in out["moved"]] == [("7", "2026-06-10", "2026-06-11")]
    assert out["moved"][0]["why"].startswith("postponed from 2026-06-10") and out["added"] == [] and out["dropped"] == []


# -- an .ics override of a series the file does not hold ---------------------------------------------

_ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//audit//EN\r\n{}END:VCALENDAR\r\n"
_SIXTH_EVENT = "BEGIN:VEVENT\r\nUID:board-6\r\nDTSTART;VALUE=DATE:20240610\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"
_OVERRIDE = "BEGIN:VEVENT\r\nUID:board-series\r\nRECURRENCE-ID;VALUE=DATE:20260610\r\nDTSTART;VALUE=DATE:20260617\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"
_SERIES = "BEGIN:VEVENT\r\nUID:board-series\r\nDTSTART;VALUE=DATE:20250610\r\nRRULE:FREQ=YEARLY;COUNT=2\r\nSUMMARY:Board\r\nEND:VEVENT\r\n"


def _ics_register(tmp_path: Path, name: str, events: str) -> list[str]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / name
    rules.write_text(_EVERY_2Y, encoding="utf-8")
    meetings.write_text(_ICS.format(events), encoding="utf-8", newline="")
    return ["--rules", str(rules), "--meetings", str(meetings)]


def test_an_override_of_a_series_the_file_does_not_hold_is_one_occurrence_and_said(tmp_path):
    """RFC 5545 3.8.4.4: RECURRENCE-ID with UID names one occurrence of a recurring event, the
    day it was scheduled for; DTSTART is when it is held. A file may hold the occurrence alone
    (an invitation to one occurrence, RFC 5546; a calendar exported in part). So the event
    at line 9 (UID board-series, RECURRENCE-ID 2026-06-10, DTSTART 2026-06-17) is the Board on
    Wednesday 2026-06-17, an occurrence of a series whose other occurrences the file does not
    give: read so, with the identity the series would give it (board-series/2026-06-10), and a
    warning naming the file, the line, the event and its UID. It was read as a plain meeting
    in silence, its identity the bare UID. Control: with its series in the file (yearly from
    2025-06-10, twice), the override replaces the 2026 occurrence: the same meeting, the same
    identity, and no warning."""
    alone = _ics_register(tmp_path, "alone.ics", _SIXTH_EVENT + _OVERRIDE)
    result = CliRunner().invoke(main, ["project", *alone, "--today", "2026-03-01", "--to", "2026", "--format", "json"])
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.stderr.splitlines() if "RECURRENCE-ID" in line]
    assert warning == (
        f"warning: {alone[3]}: 1 event overrides one occurrence (RECURRENCE-ID) of a recurring series the file does not hold; read as a meeting on its DTSTART,"
        " the series' other occurrences unknown (RFC 5545 3.8.4.4): line 9 VEVENT 2 'Board' UID 'board-series' (RECURRENCE-ID 2026-06-10)"
    )
    got = [(m["start"], m["status"], m["id"]) for m in json.loads(result.stdout)["meetings"]]
    assert got == [("2026-06-17", "planned", "id-board-series/2026-06-10")]
    series = _ics_register(tmp_path, "series.ics", _SIXTH_EVENT + _SERIES + _OVERRIDE)
    control = CliRunner().invoke(main, ["project", *series, "--today", "2026-03-01", "--to", "2026", "--format", "json"])
    assert control.exit_code == 0 and "RECURRENCE-ID" not in control.stderr, control.stderr
    assert [(m["start"], m["status"], m["id"]) for m in json.loads(control.stdout)["meetings"]] == got
