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
from tests.semantics.test_semantics_audit5 import _invoke

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
    assert [(c["id"], c["why"]) for c in out["dropped"]] == [("9", "outside the new horizon (2026-03-01 to 2028-12-31) (was: 2 years after the 8th Board (2028-06-09, projected))")]
    text = _invoke("diff", str(long), str(short)).stdout
    assert "horizon 2026-03-01 to 2030-12-31 → 2026-03-01 to 2028-12-31" in " ".join(text.split())
    back = json.loads(_invoke("diff", str(short), str(long), "--format", "json").stdout)
    assert [(c["id"], c["why"]) for c in back["added"]] == [("9", "2 years after the 8th Board (2028-06-09, projected) (outside the old horizon: 2026-03-01 to 2028-12-31)")]
    replanned = _paths(tmp_path, _EVERY_2Y, "board,regular,6,2024-06-10,,held,Bern,Switzerland\nboard,regular,7,2027-06-10,,planned,Bern,Switzerland\n", "later.csv")
    later = _saved(tmp_path, "later.json", *replanned, "--today", "2026-03-01", "--to", "2030")
    again = json.loads(_invoke("diff", str(long), str(later), "--format", "json").stdout)
    assert [(c["id"], c["after"]["start"]) for c in again["moved"]] == [("7", "2027-06-10"), ("8", "2029-06-11")]
    assert [(c["id"], c["why"]) for c in again["dropped"]] == [("9", "no longer projected (was: 2 years after the 8th Board (2028-06-09, projected))")]
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
    2026 is left after it. A Problem says so ("has no day left after it"). The 7th is still
    to be held: as soon as possible after the day it was postponed from, late for 2026
    (2027-01-01 a holiday, 01-02 and 01-03 the weekend: Monday 2027-01-04), and the chain
    goes on from its new day (check judges 2026 late, then due 2029): the 8th 2029-06
    (06-10 a Sunday: Monday 06-11). It was the 7th in 2028, the chain going on from the
    missed window as if the postponed meeting would never be held. Nothing was placed
    before the day it was postponed from."""
    paths = _paths(tmp_path, _EVERY_2Y, _SIXTH + "board,regular,7,2026-12-31,,postponed,Bern,Switzerland\n")
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2030")
    assert [(m["start"], m["ordinal"]) for m in out["meetings"]] == [("2027-01-04", 7), ("2029-06-11", 8)]
    (problem,) = [p["message"] for p in out["problems"]]
    assert problem.startswith("Board: the 7th, postponed from 2026-12-31, has no day left after it in 2026-03-02..2026-12-31")
    assert problem.endswith("it is projected as soon as possible after, late for 2026.")


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


# -- hand-computed cases in areas the earlier audits did not cover --------------------------------------


def _book(*bodies: str, city: str = "Bern", country: str = "Switzerland") -> str:
    return f'[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = {{ city = "{city}", country = "{country}" }}\n' + "".join(bodies)


def _body(id: str, name: str, keys: str = "", rules: str = '[[bodies.rules]]\nkind = "at_least"\ncount = 1\nper = "year"\n') -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\nhost = "secretariat"\nestablished = 2020-01-01\n{keys}\n{rules}'


_VERSIONS = (
    '[[bodies.rules]]\nid = "cadence"\nkind = "at_least"\ncount = 1\nper = "year"\nuntil = 2027-12-31\n'
    '[[bodies.rules]]\nid = "cadence"\nkind = "at_least"\ncount = 1\nper = "half"\nsince = 2028-01-01\n'
)


def test_a_rule_version_that_changes_inside_the_horizon_switches_on_its_date(tmp_path):
    """Once a year until 2027-12-31, then (same rule id) once a half-year from 2028-01-01; no
    preferred month, no history: the middle of each period. 2026: 1 January + 182 days, Thursday
    2026-07-02; 2027: Friday 2027-07-02; 2028 H1 (leap year, 182 days): 1 January + 91 =
    Saturday 1 April, Sunday the 2nd, so Friday 2028-03-31 (one day back); 2028 H2: 1 July +
    92 = Sunday 1 October, so Monday 2028-10-02. The reasons name the version in force:
    "once a year" to 2027, "once a half-year" from 2028. Control: the first version alone (no
    until): one meeting in 2028, 1 January + 183 = Sunday 2 July, so Monday 2028-07-03."""
    paths = _paths(tmp_path, _book(_body("board", "Board", rules=_VERSIONS)), "")
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2028")
    got = [(m["start"], m["reason"]) for m in out["meetings"]]
    assert got == [
        ("2026-07-02", "at least once a year: 1 of 1 in 2026"),
        ("2027-07-02", "at least once a year: 1 of 1 in 2027"),
        ("2028-03-31", "at least once a half-year: 1 of 1 in 2028 H1; moved from Sat 2028-04-01 (a weekend day in Switzerland)"),
        ("2028-10-02", "at least once a half-year: 1 of 1 in 2028 H2; moved from Sun 2028-10-01 (a weekend day in Switzerland)"),
    ]
    text = _invoke("project", *paths, "--today", "2026-03-01", "--to", "2028").stdout
    assert "03-31  Board  Bern (Secretariat)  at least once a half-year: 1 of 1 in 2028 H1" in text
    alone = _paths(tmp_path, _book(_body("board", "Board")), "", "alone.csv")
    assert [m["start"] for m in _json("project", *alone, "--today", "2026-03-01", "--to", "2028")["meetings"]] == ["2026-07-02", "2027-07-02", "2028-07-03"]


def test_a_body_that_meets_before_a_postponed_meeting_meets_before_its_new_days(tmp_path):
    """The Council meets once a year in June, 2 days (its 6th 16-17 June 2025); the Group meets
    just before it. The 7th Council, 15-16 June 2026, is postponed: it is held after the 16th.
    Target Tuesday 16 June (`months = [6]`; its usual day the 16th, of the meeting held: the
    postponed row's 15th was no meeting on that day, audit 10): the first days it may take are
    Wednesday 17 to Thursday 18 June, "postponed from 2026-06-15"; the Group on the working day
    right before, Tuesday 16 June (the postponed Council's own day, which holds no meeting now).
    2027: the 8th Council Wednesday 16 to Thursday 17 June, the Group Tuesday 15 June. The feed
    holds the same days, and the 7th once."""
    council = _body("council", "Council", "months = [6]\nduration_days = 2")
    group = _body("group", "Group", 'before = "council"')
    rows = "council,regular,6,2025-06-16,2025-06-17,held,Bern,Switzerland\ngroup,regular,,2025-06-13,,held,Bern,Switzerland\ncouncil,regular,7,2026-06-15,2026-06-16,postponed,Bern,Switzerland\n"
    paths = _paths(tmp_path, _book(council, group), rows)
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2027")
    assert [(m["body"], m["start"], m["end"], m["ordinal"]) for m in out["meetings"]] == [
        ("group", "2026-06-16", None, None),
        ("council", "2026-06-17", "2026-06-18", 7),
        ("group", "2027-06-15", None, None),
        ("council", "2027-06-16", "2027-06-17", 8),
    ]
    assert out["meetings"][1]["reason"].startswith("postponed from 2026-06-15; ")
    feeds = tmp_path / "feeds"
    _invoke("-q", "ics", *paths, "--today", "2026-03-01", "--to", "2027", "--out", str(feeds))
    council_feed = (feeds / "council.ics").read_text(encoding="utf-8")
    assert council_feed.count("UID:o-council-7@planner") == 1 and "DTSTART;VALUE=DATE:20260617" in council_feed and "DTSTART;VALUE=DATE:20260615" not in council_feed
    assert "DTSTART;VALUE=DATE:20260616" in (feeds / "group.ics").read_text(encoding="utf-8")


def test_a_meeting_aimed_at_eid_al_adha_in_ankara_takes_the_working_day_before(tmp_path):
    """A Board in Ankara, once a year, held 27 May 2024 and 27 May 2025: its usual month is May
    and its usual day the 27th. 2026: Wednesday 27 May is the first day of Eid al-Adha in
    Türkiye (27-30 May, a lunar date: 16-19 May in 2027); one day on, the 28th, is Eid too;
    one day back, Tuesday 26 May, is a working day: 2026-05-26. 2027: Thursday 27 May, free:
    2027-05-27. Control: the same Board in Bern (no Eid) keeps Wednesday 2026-05-27."""
    rows = "board,regular,,2024-05-27,,held,Ankara,Türkiye\nboard,regular,,2025-05-27,,held,Ankara,Türkiye\n"
    ankara = _paths(tmp_path, _book(_body("board", "Board"), city="Ankara", country="Türkiye"), rows)
    assert [m["start"] for m in _json("project", *ankara, "--today", "2026-03-01", "--to", "2027")["meetings"]] == ["2026-05-26", "2027-05-27"]
    bern = _paths(tmp_path, _book(_body("board", "Board")), rows.replace("Ankara,Türkiye", "Bern,Switzerland"), "bern.csv")
    assert [m["start"] for m in _json("project", *bern, "--today", "2026-03-01", "--to", "2027")["meetings"]] == ["2026-05-27", "2027-05-27"]


def test_an_on_rule_that_falls_on_easter_monday_is_a_problem_that_year_only(tmp_path):
    """An `on` rule for 6 April in Vienna. Easter Sunday is 5 April 2026 (28 March 2027, 16 April
    2028): 6 April 2026 is Easter Monday, a public holiday in Austria: a Problem naming it,
    nothing placed (an `on` rule's date is not moved). Tuesday 6 April 2027 and Thursday
    6 April 2028 are working days: placed on the day. Control: in Bern the same rule places
    all three: Easter Monday is a holiday of most Swiss cantons, not of the Confederation,
    and the holidays package gives Switzerland's national holidays. (Written first for Bern:
    the holiday is cantonal.)"""
    on = _body("board", "Board", rules='[[bodies.rules]]\nkind = "on"\nmonth = 4\nday = 6\n')
    out = _json("project", *_paths(tmp_path, _book(on, city="Vienna", country="Austria"), ""), "--today", "2026-03-01", "--to", "2028")
    assert [m["start"] for m in out["meetings"]] == ["2027-04-06", "2028-04-06"]
    (problem,) = [p["message"] for p in out["problems"]]
    assert "2026-04-06 is Easter Monday in Austria" in problem
    bern = _json("project", *_paths(tmp_path, _book(on), "", "bern.csv"), "--today", "2026-03-01", "--to", "2028")
    assert [m["start"] for m in bern["meetings"]] == ["2026-04-06", "2027-04-06", "2028-04-06"] and bern["problems"] == []


def test_today_is_the_day_of_a_planned_meeting(tmp_path):
    """Once a year in June; the 7th is planned for today, Wednesday 2026-06-10. It may still be
    held today: it is no Problem (its dates have not passed) and it answers 2026; the
    projection starts tomorrow, on the Board's usual day, the day it met in 2025 (a plan is no
    habit: twentieth audit), the 16th: the 8th Wednesday 2027-06-16, the 9th Friday
    2028-06-16. (Written first as the 15th, the usual day forgotten.)
    Control: the day after (today 2026-06-11) the 7th is past and not confirmed: a Problem,
    and the same projection (it is still chained from)."""
    rows = "board,regular,6,2025-06-16,,held,Bern,Switzerland\nboard,regular,7,2026-06-10,,planned,Bern,Switzerland\n"
    paths = _paths(tmp_path, _book(_body("board", "Board", "months = [6]")), rows)
    out = _json("project", *paths, "--today", "2026-06-10", "--to", "2028")
    assert [(m["start"], m["ordinal"], m["status"]) for m in out["meetings"]] == [("2026-06-10", 7, "planned"), ("2027-06-16", 8, "projected"), ("2028-06-16", 9, "projected")]
    assert out["problems"] == []
    after = _json("project", *paths, "--today", "2026-06-11", "--to", "2028")
    assert [(m["start"], m["ordinal"]) for m in after["meetings"]] == [("2027-06-16", 8), ("2028-06-16", 9)]
    assert [p["kind"] for p in after["problems"]] == ["unconfirmed"]


def test_a_horizon_that_ends_before_the_next_due_date_projects_nothing_and_says_so(tmp_path):
    """Every 4 years, the 6th held 2024-06-10: the 7th is due in 2028. To the end of 2027
    nothing is due: no meeting, no Problem, and the text says "Nothing is due in this
    horizon." (not "No meeting was projected ... see the Problems"), then when it is next due
    (audit 10). Control: to 2028, the 7th in June on the usual day, the 10th, a Saturday in
    2028: Friday 2028-06-09 (the 11th is a Sunday)."""
    paths = _paths(tmp_path, _EVERY_2Y.replace('"2y"', '"4y"'), _SIXTH)
    out = _json("project", *paths, "--today", "2026-03-01", "--to", "2027")
    assert out["meetings"] == [] and out["problems"] == []
    assert "\nNothing is due in this horizon.\nNext due after it" in _invoke("project", *paths, "--today", "2026-03-01", "--to", "2027").stdout
    assert [(m["start"], m["ordinal"]) for m in _json("project", *paths, "--today", "2026-03-01", "--to", "2028")["meetings"]] == [("2028-06-09", 7)]


# -- chairs: a plan that ends inside the horizon; the Council of the EU's trio 2025-2027 ------------------

_CHAIR_BOOK = (
    '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Vienna", country = "Austria" }\n'
    'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE" }, { name = "Czechia", code = "CZ" }]\n'
    '[chairmanship]\nterm = "2y"\nhandover_bodies = ["plenary"]\nchair_hosts = true\nconsecutive_terms = false\nhandover_host = "incoming"\n'
    '[[bodies]]\nid = "plenary"\nname = "Plenary"\ncategory = "governing"\nhost = "chair"\nmonths = [6]\nduration_days = 2\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'
)


def _chair_files(tmp_path: Path) -> list[str]:
    paths = _paths(tmp_path, _CHAIR_BOOK, "plenary,regular,1,2022-06-14,2022-06-15,held,Vienna,Austria\nplenary,regular,2,2024-06-11,2024-06-12,held,Brussels,Belgium\n")
    chairs = tmp_path / "chairs.csv"
    chairs.write_text("country,start,end,ordinal,note,source\nAustria,2022-06-14,2024-06-11,1,,x\nBelgium,2024-06-11,,2,,x\n", encoding="utf-8")
    return [*paths, "--chairs", str(chairs)]


def test_a_plan_whose_last_chair_hands_over_inside_the_horizon_says_who_follows_is_not_known(tmp_path):
    """Every 2 years in June, 2 days, on the usual day (the lower middle of the 14th and the
    11th: the 11th): the 3rd Plenary Thursday 11-12 June 2026, the 4th 2028-06-12 (the 11th a
    Sunday), the 5th Tuesday 11-12 June 2030. The plan "Belgium, Czechia": Belgium's running
    term ends at the 3rd (hosted by the incoming chair, Czechia), Czechia's at the 4th, inside
    the horizon (to 2030), and the plan names no one after it. The 4th and 5th were "chair to
    be decided" and nothing said why; now chairs (text under the plan, JSON `after_plan`) and
    project (a note) say the plan names no chair after Czechia, and which meetings wait for
    one. Control: to 2027, Czechia's term ends after the horizon: nothing is said."""
    args = [*_chair_files(tmp_path), "--today", "2026-03-01", "--plan", "Belgium, Czechia"]
    words = (
        "The plan names no chair after Czechia, whose term is expected to end at the 4th Plenary (2028-06-12, projected): the chair from then is to be decided,"
        " and so are the hosts of the 2 chair-hosted meetings from then (4th Plenary (2028-06-12, projected); 5th Plenary (2030-06-11, projected))."
    )
    out = _json("chairs", *args, "--to", "2030")
    assert [(t["country"], t["from"], t["to"]) for t in out["plan"]] == [("Belgium", "2024-06-11", "2026-06-11"), ("Czechia", "2026-06-11", "2028-06-12")]
    assert out["after_plan"] == words
    assert words in " ".join(_invoke("chairs", *args, "--to", "2030").stdout.split())
    projected = _json("project", *args, "--to", "2030")
    assert [(m["start"], m["host"]) for m in projected["meetings"]] == [("2026-06-11", "Czechia"), ("2028-06-12", "chair to be decided"), ("2030-06-11", "chair to be decided")]
    assert projected["notes"] == [words]
    short = _json("chairs", *args, "--to", "2027")
    assert short["after_plan"] is None and _json("project", *args, "--to", "2027")["notes"] == []


_EU = Path(__file__).resolve().parent.parent / "audit"
_EU_ARGS = ("--rules", str(_EU / "eu-presidency.toml"), "--meetings", str(_EU / "eu-presidency-meetings.csv"), "--chairs", str(_EU / "eu-presidency-chairs.csv"), "--today", "2026-03-01", "--to", "2027")


def test_the_council_of_the_eu_trios_2025_to_2027_in_order_with_their_days_and_hosts(tmp_path):
    """Council Decision (EU) 2016/1316: the trio Poland (2025 H1), Denmark (2025 H2), Cyprus
    (2026 H1), then Ireland (2026 H2), Lithuania (2027 H1), Greece (2027 H2). The register runs
    to Cyprus, running since 2026-01-01; the plan "Cyprus, Ireland, Lithuania, Greece": Ireland
    2026-07-01 to 2027-01-01 (184 days: 31+31+30+31+30+31), Lithuania to 2027-07-01 (181: 31
    +28+31+30+31+30), Greece to 2028-01-01 (184). The informal ministerial meeting (once a
    half-year, hosted by the Presidency) aims at the middle of the half-year and is placed on
    the working days of the chair of that day (the register's Cyprus, then the plan's), nearest
    that day, the later side first: the chair's own holidays count, not every member's (no
    plenary). 2026 H1: 1 January + 90 = Wednesday 1 April, Cyprus National Day: Thursday
    2 April, Cyprus (Denmark's Maundy Thursday is no holiday there). 2026 H2: 1 July + 92 =
    Thursday 1 October (Cyprus Independence Day, but Ireland hosts): 1 October, Ireland.
    2027 H1: Thursday 1 April, Lithuania (its Easter Monday was 29 March). 2027 H2: Friday
    1 October, Greece (Ohi Day is the 28th). Placed as if no host were known, they avoided
    every member's holidays (30 March, 2 October, 2 April, 30 September). Project
    JSON, chairs and the feed (LOCATION) agree."""
    args = (*_EU_ARGS, "--plan", "Cyprus, Ireland, Lithuania, Greece")
    chairs = _json("chairs", *args)
    assert [(t["country"], t["from"], t["to"], t["length_days"]) for t in chairs["terms"][4:]] == [
        ("Poland", "2025-01-01", "2025-07-01", 181),
        ("Denmark", "2025-07-01", "2026-01-01", 184),
        ("Cyprus", "2026-01-01", "2026-07-01", 59),  # so far on 2026-03-01 (31 + 28), as its length says
    ]
    assert [(t["country"], t["from"], t["to"], t["length_days"]) for t in chairs["plan"]] == [
        ("Cyprus", "2026-01-01", "2026-07-01", 181),
        ("Ireland", "2026-07-01", "2027-01-01", 184),
        ("Lithuania", "2027-01-01", "2027-07-01", 181),
        ("Greece", "2027-07-01", "2028-01-01", 184),
    ]
    hosted = [(t["country"], [m["start"] for m in t["hosted"]]) for t in chairs["plan"]]
    assert hosted == [("Cyprus", ["2026-04-02"]), ("Ireland", ["2026-10-01"]), ("Lithuania", ["2027-04-01"]), ("Greece", ["2027-10-01"])]
    projected = _json("project", *args)
    assert [(m["start"], m["country"]) for m in projected["meetings"]] == [("2026-04-02", "Cyprus"), ("2026-10-01", "Ireland"), ("2027-04-01", "Lithuania"), ("2027-10-01", "Greece")]
    feeds = tmp_path / "feeds"
    _invoke("-q", "ics", *args, "--out", str(feeds))
    lines = (feeds / "informal.ics").read_text(encoding="utf-8").splitlines()
    days = [line.rsplit(":", 1)[1] for line in lines if line.startswith("DTSTART")]
    where = [line.split(":", 1)[1] for line in lines if line.startswith("LOCATION")]
    assert list(zip(days, where, strict=True)) == [("20260402", "Cyprus"), ("20261001", "Ireland"), ("20270401", "Lithuania"), ("20271001", "Greece")]


def test_diff_of_two_plans_says_whose_hosting_changed(tmp_path):
    """Control of the trio: the plan with Lithuania and Greece swapped ("Cyprus, Ireland,
    Greece, Lithuania": not the Council's order) gives the same days (Thursday 1 April 2027 is a
    working day in Greece, whose Good Friday is 30 April, and Friday 1 October 2027 in
    Lithuania), so `diff` of the two projections moves nothing and says two hosts changed:
    2027-04-01 Lithuania → Greece, 2027-10-01 Greece → Lithuania."""
    before = tmp_path / "council.json"
    after = tmp_path / "swapped.json"
    _invoke("project", *_EU_ARGS, "--plan", "Cyprus, Ireland, Lithuania, Greece", "--format", "json", "-o", str(before))
    _invoke("project", *_EU_ARGS, "--plan", "Cyprus, Ireland, Greece, Lithuania", "--format", "json", "-o", str(after))
    out = json.loads(_invoke("diff", str(before), str(after), "--format", "json").stdout)
    assert out["moved"] == [] and out["added"] == [] and out["dropped"] == []
    assert [(c["after"]["start"], c["before"]["host"], c["after"]["host"]) for c in out["hosts_changed"]] == [("2027-04-01", "Lithuania", "Greece"), ("2027-10-01", "Greece", "Lithuania")]


# -- postponements in real histories (tests/audit) ---------------------------------------------------


def test_the_wto_twelfth_ministerial_conference_postponed_twice_is_one_event_at_geneva(tmp_path):
    """The WTO's MC12 was set for Nur-Sultan, 8-11 June 2020 (postponed: COVID-19), then for
    Geneva, 30 November - 3 December 2021 (postponed: Omicron), and held in Geneva from 12 June
    2022 (tests/audit/wto-meetings.csv, with their sources). One conference, the 12th: the feed
    held `wto-mc-12` (postponed, 2020), `wto-mc-12-2` (postponed, 2021) and the held one as
    `wto-mc-12-3`; now one event, `wto-mc-12`, on 2022-06-12, with or without the projection."""
    args = ("--rules", str(_EU / "wto.toml"), "--meetings", str(_EU / "wto-meetings.csv"), "--today", "2026-12-03", "--to", "2030")
    for extra in ((), ("--no-projected",)):
        feeds = tmp_path / f"feeds{len(extra)}"
        _invoke("-q", "ics", *args, "--out", str(feeds), *extra)
        events = (feeds / "mc.ics").read_text(encoding="utf-8").split("BEGIN:VEVENT")[1:]
        twelfth = [e for e in events if "UID:wto-mc-12" in e]
        assert len(twelfth) == 1 and "UID:wto-mc-12@planner" in twelfth[0] and "DTSTART;VALUE=DATE:20220612" in twelfth[0], extra


def test_the_saarc_nineteenth_summit_postponed_indefinitely_is_the_next_one_projected():
    """SAARC's 19th Summit, set for Islamabad on 15-16 November 2016, was postponed indefinitely
    and has not been held (tests/audit/saarc-meetings.csv). It keeps its number: the Summit the
    projection places next (today 2026-12-03, once a year: the first working day after today,
    Friday 2026-12-04) is the 19th, "postponed from 2016-11-15", then the 20th in 2027."""
    out = _json("project", "--rules", str(_EU / "saarc.toml"), "--meetings", str(_EU / "saarc-meetings.csv"), "--today", "2026-12-03", "--to", "2027")
    summits = [(m["start"], m["ordinal"], m["reason"]) for m in out["meetings"] if m["body"] == "summit"]
    assert summits[0][:2] == ("2026-12-04", 19) and summits[0][2].startswith("postponed from 2016-11-15; ")
    assert summits[1][1] == 20


def test_an_ad_hoc_bodys_postponed_meeting_re_planned_is_one_event_with_the_projection_too(tmp_path):
    """An ad hoc Board (tracked, never due): the 7th postponed from 2026-06-10 and re-planned
    for 2026-09-15. Nothing is projected for it, and its history is not read for a projection;
    the feed with the projection held `o-board-7` (postponed) and `o-board-7-2` (planned) where
    `--no-projected` held one: now one, `o-board-7` on 2026-09-15, either way."""
    book = _EVERY_2Y.replace('kind = "every"\ninterval = "2y"\n', 'kind = "ad_hoc"\n')
    paths = _paths(tmp_path, book, _SIXTH + "board,regular,7,2026-06-10,,postponed,Bern,Switzerland\nboard,regular,7,2026-09-15,,planned,Bern,Switzerland\n")
    for extra in ((), ("--no-projected",)):
        assert _feed(tmp_path, paths, *extra)[2:] == [("o-board-7@planner", "7th Board", "20260915")], extra
