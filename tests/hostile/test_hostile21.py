"""Twenty-first attacker pass: a feeds folder of another organization, and further hostile
inputs and faults."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
TODAY = ["--today", "2026-11-26"]
ASEAN = ["--rules", str(EXAMPLES / "asean.toml"), "--meetings", str(EXAMPLES / "asean-meetings.csv")]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_folder_of_another_organizations_feeds_is_refused(tmp_path: Path) -> None:
    """CICA's feeds, then ASEAN's into the same folder: every CICA event became CANCELLED in
    its subscribers' calendars (184 tombstones in all.ics, summit.ics now ASEAN's). Refused
    now, one line naming the folder and the other organization; nothing written."""
    out = tmp_path / "feeds"
    runner = CliRunner()
    first = runner.invoke(main, ["ics", *TODAY, "--to", "2028", "--out", str(out)])
    assert first.exit_code == 0, first.output
    before = _files(out)
    result = runner.invoke(main, ["ics", *TODAY, *ASEAN, "--to", "2028", "--out", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {out}: "), lines
    assert "'cica'" in lines[0] and "'asean'" in lines[0] and "--force" in lines[0], lines
    assert "Traceback" not in result.output
    assert _files(out) == before


def test_force_replaces_another_organizations_feeds_once(tmp_path: Path) -> None:
    """With --force the other organization's events are cancelled (tombstones kept for
    --keep-removed days); the next export into the folder needs no --force."""
    out = tmp_path / "feeds"
    runner = CliRunner()
    assert runner.invoke(main, ["ics", *TODAY, "--to", "2028", "--out", str(out)]).exit_code == 0
    forced = runner.invoke(main, ["ics", *TODAY, *ASEAN, "--to", "2028", "--out", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    summit = (out / "summit.ics").read_text(encoding="utf-8")
    assert "UID:cica-summit-7@planner" in summit and "UID:asean-summit-" in summit
    events = (out / "all.ics").read_text(encoding="utf-8").split("BEGIN:VEVENT")[1:]
    live = [e for e in events if "STATUS:CANCELLED" not in e]
    assert live and all("UID:asean-" in e for e in live)  # no CICA UID taken for an ASEAN meeting
    again = runner.invoke(main, ["ics", *TODAY, *ASEAN, "--to", "2028", "--out", str(out)])
    assert again.exit_code == 0, again.output


def test_a_new_rule_book_of_the_same_organization_needs_no_force(tmp_path: Path) -> None:
    """A rule book of the same organization id (bodies renamed, removed) still tombstones
    the bodies that left without --force: only another organization's events are refused."""
    out = tmp_path / "feeds"
    book = tmp_path / "renamed.toml"
    book.write_text((EXAMPLES / "asean.toml").read_text(encoding="utf-8").replace('id = "asean"', 'id = "cica"', 1), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ics", *TODAY, "--to", "2028", "--out", str(out)]).exit_code == 0
    result = runner.invoke(main, ["ics", *TODAY, "--rules", str(book), "--meetings", str(EXAMPLES / "asean-meetings.csv"), "--to", "2028", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "STATUS:CANCELLED" in (out / "youth_council.ics").read_text(encoding="utf-8")


def test_a_body_feed_of_another_organization_is_refused_too(tmp_path: Path) -> None:
    """--body summit into CICA's folder with ASEAN's rule book would cancel CICA's Summits."""
    out = tmp_path / "feeds"
    runner = CliRunner()
    assert runner.invoke(main, ["ics", *TODAY, "--to", "2028", "--out", str(out)]).exit_code == 0
    before = _files(out)
    result = runner.invoke(main, ["ics", *TODAY, *ASEAN, "--to", "2028", "--out", str(out), "--body", "summit"])
    assert result.exit_code == 2, result.output
    assert "'cica'" in result.stderr
    assert _files(out) == before


def test_a_json_register_of_a_million_documents_is_refused(tmp_path: Path) -> None:
    """A JSON entry's documents were held to 131,072 characters each, not in all: a million
    one-letter documents made one VEVENT of 8 MB in every feed. Now a list is held to what
    one CSV cell holds, joined by '; '."""
    import json

    register = tmp_path / "docs.json"
    register.write_text(json.dumps([{"body": "summit", "ordinal": 7, "start": "2026-10-01", "status": "planned", "documents": ["a"] * 50_000}]), encoding="utf-8")
    result = CliRunner().invoke(main, ["ics", *TODAY, "--meetings", str(register), "--out", str(tmp_path / "feeds"), "--no-projected"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"error: {register}: meetings[0]: documents: is 50,000 texts of 149,998 characters in all, more than 131,072 (expected texts of at most 131,072 characters in all, as one CSV cell of them joined by '; ' (see Limits in the README))"]
    assert not (tmp_path / "feeds").exists()
    register.write_text(json.dumps([{"body": "summit", "ordinal": 7, "start": "2026-10-01", "status": "planned", "documents": ["a"] * 40_000}]), encoding="utf-8")
    assert CliRunner().invoke(main, ["validate", *TODAY, "--meetings", str(register)]).exit_code == 0


def test_an_organization_whose_id_begins_anothers_is_another(tmp_path: Path) -> None:
    """Organization 'cica' writing into the folder of 'cica-x': every UID there begins
    'cica-', but none as 'cica' gives a body's ('cica-summit-'): refused as well."""
    out = tmp_path / "feeds"
    book = tmp_path / "cica-x.toml"
    book.write_text((ROOT / "rules" / "cica.toml").read_text(encoding="utf-8").replace('id = "cica"', 'id = "cica-x"', 1), encoding="utf-8")
    given = ["--meetings", str(EXAMPLES / "cica-meetings.csv"), "--chairs", str(EXAMPLES / "cica-chairs.csv")]
    runner = CliRunner()
    first = runner.invoke(main, ["ics", *TODAY, "--rules", str(book), *given, "--to", "2028", "--out", str(out)])
    assert first.exit_code == 0, first.output
    result = runner.invoke(main, ["ics", *TODAY, "--rules", str(ROOT / "rules" / "cica.toml"), *given, "--to", "2028", "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "another organization, 'cica-x'" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "given", "said"),
    [
        (["check", *TODAY, "-o"], "loop/x.txt", "{root}/loop is a link that leads back to itself (expected a path whose every folder is a folder, or a link to one, or can be made)"),
        (["ics", *TODAY, "--no-projected", "--out"], "loop/feeds", "{root}/loop is a link that leads back to itself (expected a path whose every folder is a folder, or a link to one, or can be made)"),
        (["ics", *TODAY, "--no-projected", "--out"], "loop", "it is a link that leads back to itself (expected a folder, or a link to one)"),
        (["check", *TODAY, "-o"], "loop", "it is a link that leads back to itself (expected a file, or a link to one)"),
    ],
)
def test_a_link_loop_on_the_way_to_an_output_is_named(tmp_path: Path, args: list[str], given: str, said: str) -> None:
    """`ics --out loop/feeds` said "loop is a file, not a folder", and `-o loop/x.txt` "it is
    a link that leads back to itself" of the path given: the link is named now, and the
    expectation is of a folder where a folder was asked."""
    (tmp_path / "loop").symlink_to("loop")
    target = tmp_path / given
    result = CliRunner().invoke(main, [*args, str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: cannot write: {said.format(root=tmp_path)}\n"


def test_a_value_parameter_of_several_values_is_one_line_everywhere(tmp_path: Path) -> None:
    """`DTEND;VALUE=DA,E:...` (found by a byte fuzzer in --avoid): icalendar's parser takes
    the list for a text, an AttributeError traceback in --avoid, in registers, and in a feed
    folder whose state file is gone (its feeds read back). Now one line with the file's line
    (the parser is given the file without its unread properties), and a feed that cannot be
    read back is passed over as any other."""
    busy = tmp_path / "busy.ics"
    busy.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:busy\r\nDTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DA,E:20270106\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["project", *TODAY, "--to", "2028", "--avoid", str(busy)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {busy}:9: a VALUE parameter holds several values (got 'VALUE=DA,E'; expected one value type, e.g. VALUE=DATE (RFC 5545 3.2.20))\n"
    out = tmp_path / "feeds"
    assert CliRunner().invoke(main, ["ics", *TODAY, "--no-projected", "--out", str(out)]).exit_code == 0
    (out / ".planner-state.json").unlink()
    summit = out / "summit.ics"
    summit.write_bytes(summit.read_bytes().replace(b"DTSTART;VALUE=DATE:", b"DTSTART;VALUE=DATE,X:", 1))
    again = CliRunner().invoke(main, ["ics", *TODAY, "--no-projected", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert b"VALUE=DATE,X" not in summit.read_bytes()


def test_the_runs_of_bodies_never_placed_are_made_once_and_never_stale() -> None:
    """In a full calendar every body that places nothing asked for the runs of every crowded
    day anew (5,000 bodies: 10 s of a 10-year projection, 60 s of 2,500 bodies to 100 years).
    A body never added and paired with none now shares one set of runs per version of the
    calendar, host and length: the same runs as made for it alone, made again once anything
    is added or removed, never shared by a body with meetings of its own in the calendar."""
    from datetime import date

    from planner.engine.planning.crowd import DayBook
    from planner.inputs.rulebook import load_rulebook

    book = load_rulebook(ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml")
    days = DayBook(book)

    def runs(blocked: object) -> tuple[list[int], list[int]]:
        return blocked.starts, blocked.ends  # type: ignore[attr-defined]

    days.add("summit", "secretariat", date(2027, 3, 1), date(2027, 3, 2))
    first = days.blocked("council", "secretariat", 2)
    assert days.blocked("committee", "secretariat", 2) is first  # (neither added: one set)
    assert runs(first) == runs(days._blocked("council", "secretariat", 2))
    assert runs(days.blocked("summit", "secretariat", 2)) == runs(days._blocked("summit", "secretariat", 2)) != runs(first)  # its own days are no block to it
    days.add("council", "austria", date(2027, 5, 3), date(2027, 5, 3))
    after = days.blocked("committee", "secretariat", 2)
    assert after is not first and runs(after) == runs(days._blocked("committee", "secretariat", 2)) != runs(first)
    days.remove("council", "austria", date(2027, 5, 3), date(2027, 5, 3))
    assert runs(days.blocked("committee", "secretariat", 2)) == runs(first)
