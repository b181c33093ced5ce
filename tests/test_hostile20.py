"""Twentieth attacker pass: what icalendar keeps between files (guessed and defined zones),
and further hostile inputs and faults."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml"
TODAY = ["--today", "2026-11-26"]
VENDOR = "/mozilla.org/20050126_1/Asia/Almaty"
GUESS = f"Timezone {VENDOR!r} is a globally unique TZID; guessing it means 'Asia/Almaty' by stripping the vendor prefix. This may be wrong"


def _ics(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile20//EN", *lines, "END:VCALENDAR", ""])


def _event(uid: str, *props: str, summary: str = "Summit") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{summary}", *props, "END:VEVENT"]


def _vendor_files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, day in (("a.ics", "20270601"), ("b.ics", "20270701")):
        path = tmp_path / name
        path.write_text(_ics(*_event(name, f"DTSTART;TZID={VENDOR}:{day}T100000", f"DTEND;TZID={VENDOR}:{day}T120000")), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_guessed_zone_is_said_for_every_register(tmp_path: Path) -> None:
    """Two --meetings files with Thunderbird's vendor TZID: icalendar warns of its guess only
    the first time in a process, and the second file went unnamed. Each is named now."""
    a, b = _vendor_files(tmp_path)
    result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(MINIMAL), "--meetings", str(a), "--meetings", str(b)])
    assert result.exit_code in (0, 1), result.output
    said = [line for line in result.stderr.splitlines() if "globally unique TZID" in line]
    assert said == [f"warning: {a}: {GUESS}", f"warning: {b}: {GUESS}"]


def test_a_guessed_zone_of_a_calendar_to_avoid_is_a_line_of_ours(tmp_path: Path) -> None:
    """--avoid files with a vendor TZID: the guess came as a Python warning quoting a source
    line of icalendar, for the first file only. Now one warning line of ours per file."""
    a, b = _vendor_files(tmp_path)
    result = CliRunner().invoke(main, ["project", *TODAY, "--to", "2028-12-31", "--avoid", str(a), "--avoid", str(b)])
    assert result.exit_code == 0, result.output
    assert "icalendar" not in result.stderr and "GloballyUniqueTZIDGuessed" not in result.stderr
    said = [line for line in result.stderr.splitlines() if "globally unique TZID" in line]
    assert said == [f"warning: {a}: {GUESS}", f"warning: {b}: {GUESS}"]


def test_a_zone_defined_by_one_file_is_not_known_to_the_next(tmp_path: Path) -> None:
    """icalendar kept the first VTIMEZONE of each TZID for the whole process: a second register
    naming that TZID without defining it passed as known (no warning), and a second file's own
    VTIMEZONE of that name was replaced by the first's. Each file has its own zones now."""
    zone = ["BEGIN:VTIMEZONE", "TZID:Custom Zone", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+1400", "TZOFFSETTO:+1400", "END:STANDARD", "END:VTIMEZONE"]
    defines, names = tmp_path / "defines.ics", tmp_path / "names.ics"
    defines.write_text(_ics(*zone, *_event("d-1", "DTSTART;TZID=Custom Zone:20220601T230000")), encoding="utf-8")
    names.write_text(_ics(*_event("n-1", "DTSTART;TZID=Custom Zone:20180601T230000")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", *TODAY, "--rules", str(MINIMAL), "--meetings", str(defines), "--meetings", str(names)])
    assert result.exit_code in (0, 1), result.output
    assert f"warning: {names}: time zone 'Custom Zone' is not known (neither IANA, Windows nor a VTIMEZONE of the file); 1 date read as written" in result.stderr.splitlines()
