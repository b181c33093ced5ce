"""Fourth attacker pass: the HTML pages fed hostile names in a real browser, the feeds' base
address, and messages about huge values (the corpus holds the files: bidirectional controls,
UTF-32, damaged saved projections).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Event

from planner.cli import main
from planner.core.errors import InputError
from tests.real_parts import open_page

TODAY = ["--today", "2026-12-01"]
# what a hostile name tries: close the element, open a script, an event handler, a link
SCRIPT = '<script>document.title="PWNED"</script>"\'><img src=x onerror="document.title=\'PWNED\'">'
LINK = 'javascript:document.title="PWNED"'
LONG = "W" * 10_000  # one word of 10,000 letters: no place to break it
# the longest a rule book takes (README "Limits"): a name of 200 characters, another text of 2,000
NAME = "W" * 100
TEXT = "W" * 1_800


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A rule book, a register and chair terms whose every name, title, note and source holds
    markup, a script link or 10,000 letters without a space; the report and feeds made of them."""
    folder = tmp_path_factory.mktemp("hostile4")
    book = folder / "evil.toml"
    book.write_text(
        f"""[organization]
id = "evil"
name = '''Evil {SCRIPT} {NAME}'''
short_name = "E<b>vil"
timezone = "UTC"
secretariat = {{ city = "C<script>x</script>", country = "Peru" }}
source = '''{LINK} {SCRIPT}'''

[[organization.members]]
name = "Peru"
code = "PE"
joined = 2012

[[organization.members]]
name = "{"Chile" * 40}"
code = "CL"
joined = 2012

[[bodies]]
id = "ga"
name = '''GA {SCRIPT}'''
short_name = "G<svg onload=alert(1)>"
aliases = ['{LINK}']
category = "governing"
established = 2012
duration_days = 2
months = [11]
host = "secretariat"

[[bodies.rules]]
kind = "at_least"
count = 1
per = "year"
source = '''{LINK} {SCRIPT} {TEXT}'''

[[bodies]]
id = "longbody"
name = "{"W" * 200}"
category = "working"
established = 2012
host = "secretariat"

[[bodies.rules]]
kind = "every"
interval = "2y"
source = '{LINK}'
""",
        encoding="utf-8",
    )
    meetings = folder / "evil.csv"
    with meetings.open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source"])
        for n, year in enumerate(range(2012, 2026), start=1):
            rows.writerow(["ga", "regular", n, f"{year}-11-10", "", "held", SCRIPT, "Peru", "in_person", SCRIPT + (LONG if n == 4 else ""), LINK])
        rows.writerow(["longbody", "regular", 1, "2013-05-01", "", "held", LONG, "Peru", "in_person", SCRIPT, LINK])
        rows.writerow(["ga", "regular", 20, "2027-11-10", "", "planned", LONG, "Peru", "in_person", "planned " + SCRIPT, f'http://x/"><script>document.title="PWNED"</script>{LONG}'])
    chairs = folder / "chairs.csv"
    chairs.write_text(f'country,start,end,ordinal,note,source\nPeru,2012-01-01,2014-01-01,1,"{SCRIPT.replace(chr(34), chr(39))} {LONG}",{LINK}\n', encoding="utf-8")
    given = ["--rules", str(book), "--meetings", str(meetings), *TODAY]
    runner = CliRunner()
    report = runner.invoke(main, [*given[:4], "--chairs", str(chairs), *TODAY, "report", "-q", "-o", str(folder / "report.html")])
    assert report.exit_code == 0, report.output
    feeds = runner.invoke(main, [*given, "ics", "-q", "--out", str(folder / "feeds"), "--base-url", "https://example.org/evil"])
    assert feeds.exit_code == 0, feeds.output
    return {"report": folder / "report.html", "index": folder / "feeds" / "index.html"}


@pytest.mark.parametrize("which", ["report", "index"])
@pytest.mark.parametrize("width", [1280, 375])
def test_hostile_names_neither_run_nor_widen_the_page(browser, hostile, which: str, width: int) -> None:  # noqa: F811
    """Markup in every name stays text (no script, no handler, no dialog, the title untouched),
    no link leads to a script, and a 10,000-letter word wraps: the page never scrolls sideways
    (it once was 180,000 px wide, from a heading no rule could break)."""
    page, errors = open_page(browser, hostile[which], width)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.reload()
    assert page.title() != "PWNED" and page.title().startswith(("Evil <script>", "E<b>vil"))
    assert page.evaluate("document.querySelectorAll('script:not(:empty)').length") <= 1  # index.html's own copy button
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length") == 0
    hrefs = page.evaluate("() => Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href') || '')")
    assert hrefs and all(h.startswith(("#", "https://example.org/evil/", "webcal://example.org/evil/")) for h in hrefs)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert "PWNED" in page.content()  # the text is there, as text
    assert dialogs == [] and errors == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/cal?v=1",  # the feeds' names would land in the query
        "https://example.org/cal#top",  # ... or in the fragment
        "https://user:secret@example.org/cal",  # a password published on the page
        "https:///cal",  # no host
        "https://:443/cal",
        "https://example.org:99999/cal",  # no such port
        "https://example.org:0/cal",
        "https://example.org/a\\b",
    ],
)
def test_a_base_url_that_is_no_folder_address_is_refused(url: str, tmp_path: Path) -> None:
    """``--base-url`` is where the folder is served: the page adds ``/all.ics`` to it, so an
    address with a query or a fragment (``?v=1/all.ics``), credentials or no host is refused."""
    result = CliRunner().invoke(main, ["ics", *TODAY, "--out", str(tmp_path / "feeds"), "--base-url", url])
    assert result.exit_code == 2
    assert "Invalid value for --base-url" in result.output and "expected" in result.output
    assert not (tmp_path / "feeds").exists()


@pytest.mark.parametrize("url", ["https://example.org/cica", "webcal://example.org:8443/c/", "http://[::1]:8080/feeds"])
def test_a_folder_address_is_kept(url: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ics", *TODAY, "-q", "--out", str(tmp_path / "feeds"), "--base-url", url])
    assert result.exit_code == 0, result.output
    assert f'href="{url.rstrip("/")}/all.ics"' in (tmp_path / "feeds" / "index.html").read_text(encoding="utf-8")


def test_a_huge_value_is_shown_cut_short_in_a_message() -> None:
    """A 4,000-digit ordinal or a 10,000-letter name is named by its start and its length: one
    line to read, not a screenful."""
    line = InputError("is too large", path="r.json", location="meetings[0].ordinal", value=int("9" * 4000), expected="at most 999,999").message
    assert len(line) < 300 and "(4,000 characters)" in line and line.endswith("expected at most 999,999)")
    short = InputError("is wrong", path="r.csv", location=2, value="x" * 150).message
    assert "x" * 150 in short


SEQUENCE_MAX = 2**31 - 1


def _server_event(uid: str, sequence: str, summary: str = "6th Summit") -> Event:
    return Event.from_ical(f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20200101T000000Z\r\nDTSTART;VALUE=DATE:20221012\r\nSUMMARY:{summary}\r\nSEQUENCE:{sequence}\r\nX-PLANNER-BODY:summit\r\nEND:VEVENT\r\n")


@pytest.mark.parametrize("sequence", [str(SEQUENCE_MAX), "-5", "abc"])
def test_a_server_event_at_the_largest_sequence_is_updated_and_cancelled_without_overflow(sequence: str) -> None:
    """A calendar event of ours that someone (an import, a hand edit) left at SEQUENCE
    2147483647, below 0 or not a number: publish rewrites and cancels it; the number stays
    an RFC 5545 INTEGER (one more was icalendar's ValueError, a traceback and exit 1)."""
    from datetime import UTC, datetime

    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import embedded_path, load_rulebook
    from planner.outputs.calendar.caldav import plan, resource_bytes, wanted_events

    book = load_rulebook(embedded_path("cica.toml"))
    stamp = datetime(2026, 12, 1, tzinfo=UTC)
    wanted = wanted_events(book, load_meetings(embedded_path("cica-meetings.csv"), book), stamp)
    ours = next(uid for uid in wanted if uid.startswith("cica-summit-6"))
    server = {ours: _server_event(ours, sequence, "edited by hand"), "cica-gone@planner": _server_event("cica-gone@planner", sequence)}
    steps = {change.uid: (change.action, event) for change, event in plan(wanted, server, stamp, prune=False)}
    assert steps[ours][0] == "update" and steps["cica-gone@planner"][0] == "cancel"
    for _, event in (steps[ours], steps["cica-gone@planner"]):
        assert 0 <= int(event["SEQUENCE"]) <= SEQUENCE_MAX
        assert b"SEQUENCE:" in resource_bytes(event)


def test_a_feed_state_at_the_largest_sequence_stays_there(tmp_path: Path) -> None:
    """``ics --out`` over a folder whose state holds SEQUENCE 2147483647 (the largest the state
    accepts), with meetings that moved and left: the feeds are written, SEQUENCE stays at the
    largest INTEGER (it was a traceback), and the next run reads the state back."""
    out = tmp_path / "feeds"
    runner = CliRunner()
    assert runner.invoke(main, ["ics", *TODAY, "-q", "--out", str(out)]).exit_code == 0
    state = out / ".planner-state.json"
    state.write_text(state.read_text(encoding="utf-8").replace('"sequence":0', f'"sequence":{SEQUENCE_MAX}'), encoding="utf-8")
    moved = ["--meetings", str(Path(__file__).resolve().parent.parent.parent / "examples" / "cica-scenario-summit-2027.csv")]
    for _ in range(2):
        result = runner.invoke(main, [*moved, "ics", *TODAY, "-q", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert "damaged" not in result.output
    sequences = {int(line.split(":")[1]) for line in (out / "all.ics").read_text(encoding="utf-8").splitlines() if line.startswith("SEQUENCE:")}
    assert SEQUENCE_MAX in sequences and max(sequences) == SEQUENCE_MAX


ICS_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile4//EN\r\n"
ICS_EVENT = "BEGIN:VEVENT\r\nUID:{n}@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20100105\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"


@pytest.mark.parametrize("option", ["--meetings", "--avoid"])
def test_an_ics_file_of_too_many_components_is_refused_before_parsing(option: str, tmp_path: Path) -> None:
    """100,002 components in 1.6 MB: icalendar made each an object (10 s and 300 MB a hundred
    thousand), so a 256 MB file would have taken hours and gigabytes. Refused before parsing,
    naming the line where the limit is passed (the 100,001st component, line 200,006)."""
    bad = tmp_path / "many.ics"
    bad.write_text(ICS_HEAD + ICS_EVENT.format(n=0, summary="Summit") + "BEGIN:X-THING\r\nEND:X-THING\r\n" * 100_000 + "END:VCALENDAR\r\n", encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["project", *TODAY, option, str(bad)])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {bad}:200006: holds more than 100,000 components (BEGIN: lines) (expected at most 100,000 events, time zones and other components (see Limits in the README))"


def test_an_ics_file_above_32_mb_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "big.ics"
    with bad.open("wb") as handle:
        handle.truncate(32 * 1024 * 1024 + 1)
    result = CliRunner().invoke(main, ["validate", *TODAY, "--meetings", str(bad)])
    assert result.exit_code == 2 and "is larger than 32 MB" in result.output


@pytest.mark.parametrize(("summary", "found"), [("Summit " + "x" * 5_000, True), ("x" * 1_000 + " Summit", False), ("x" * 990 + " Summit", True)])
def test_a_summary_is_matched_on_its_first_thousand_characters(summary: str, found: bool, tmp_path: Path) -> None:
    """A body's name stands at the start of a title; a SUMMARY of megabytes was searched for
    every name of every body (seconds each), so only its first 1,000 characters are."""
    register = tmp_path / "one.ics"
    register.write_text(ICS_HEAD + ICS_EVENT.format(n=1, summary=summary) + "END:VCALENDAR\r\n", encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["validate", *TODAY, "--meetings", str(register)])
    assert result.exit_code == 0, result.output
    assert ("1 meeting;" in result.output) is found


def test_runs_into_one_feed_folder_at_once_take_turns(tmp_path: Path) -> None:
    """Four ``ics --out`` runs started together into one new folder: each used to remove the
    others' staging folder, and all four failed ('File exists (.pl-3fe3cde5.new)'), writing
    nothing. They now take turns: all succeed and the folder holds what one run writes."""
    import subprocess
    import sys

    alone = tmp_path / "alone"
    assert CliRunner().invoke(main, ["ics", *TODAY, "-q", "--out", str(alone)]).exit_code == 0
    shared = tmp_path / "shared"
    runs = [subprocess.Popen([sys.executable, "-m", "planner", "ics", *TODAY, "-q", "--out", str(shared)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=tmp_path) for _ in range(4)]
    said = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], said
    assert sorted(p.name for p in shared.iterdir()) == sorted(p.name for p in alone.iterdir())
    for path in alone.iterdir():
        assert (shared / path.name).read_bytes() == path.read_bytes(), path.name
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pl-")] == []


def test_a_run_that_waits_too_long_for_another_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While another run holds the folder, a second gives up after LOCK_WAIT with one line and
    exit 2, and the folder is untouched."""
    from planner.outputs import locking

    monkeypatch.setattr(locking, "LOCK_WAIT", 0.2)
    out = tmp_path / "feeds"
    with locking.folder_lock(out):
        result = CliRunner().invoke(main, ["ics", *TODAY, "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {out}: cannot write: another planner run has been writing this folder for 0 s; try again when it ends (expected a folder no other run is writing)"
    assert not out.exists()


def test_a_line_folded_inside_a_character_is_unfolded_first(tmp_path: Path) -> None:
    """RFC 5545 3.1: a simple writer may fold in the middle of a UTF-8 sequence, and readers
    'need to unfold lines in such a way to properly restore the original sequence'. Such a
    file was refused as 'not UTF-8 text (byte 0xc3)'; bytes broken otherwise still are."""
    from planner.inputs.register import load_meetings
    from planner.inputs.rulebook import load_rulebook

    text = ICS_HEAD + ICS_EVENT.format(n=1, summary="Summit in Türkiye") + "END:VCALENDAR\r\n"
    raw = text.encode()
    cut = raw.index("ü".encode()) + 1  # between the two bytes of ü
    register = tmp_path / "folded.ics"
    register.write_bytes(raw[:cut] + b"\r\n " + raw[cut:])
    book = load_rulebook(Path(__file__).resolve().parent.parent / "rulebooks" / "valid" / "minimal.toml")
    (meeting,) = load_meetings(register, book)
    assert meeting.title == "Summit in Türkiye"
    broken = tmp_path / "broken.ics"
    broken.write_bytes(raw[:cut] + b"\r\nX" + raw[cut:])
    result = CliRunner().invoke(main, ["validate", *TODAY, "--meetings", str(broken)])
    assert result.exit_code == 2 and "is not UTF-8 text (byte 0xc3)" in result.output


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_state_file_that_is_no_file_is_refused_not_waited_on(kind: str, tmp_path: Path) -> None:
    """A feed folder whose ``.planner-state.json`` is a FIFO (opening it waited forever) or a
    link to /dev/zero: one line, exit 2, and the pipe or link left where it is (it was replaced
    by a state file until session 14: planner removes nothing it did not write)."""
    import os
    import subprocess
    import sys

    out = tmp_path / "feeds"
    out.mkdir()
    state = out / ".planner-state.json"
    if kind == "fifo":
        os.mkfifo(state)
    else:
        state.symlink_to("/dev/zero")
    run = subprocess.run([sys.executable, "-m", "planner", "ics", *TODAY, "--out", str(out)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    what = "a pipe" if kind == "fifo" else "a link"
    assert run.stderr == f"error: {out}: cannot write: {state} is {what}, not a file planner writes: nothing was written and nothing removed (expected each name planner writes there free, or a file it wrote)\n"
    assert state.is_fifo() if kind == "fifo" else os.readlink(state) == "/dev/zero"
    assert sorted(p.name for p in out.iterdir()) == [".planner-state.json"]


def test_file_names_in_a_report_head_are_shown_escaped(tmp_path: Path) -> None:
    """A rule book or a saved projection named with ESC [2J and a right-to-left override: the
    head of ``check`` and of ``diff`` names it escaped (error lines did already), so printed to
    a terminal (``color=True``: click keeps escape codes there) it neither clears the screen
    nor turns the line around."""
    minimal = Path(__file__).resolve().parent.parent / "rulebooks" / "valid" / "minimal.toml"
    rules = tmp_path / "r\x1b[2J\u202e.toml"
    rules.write_bytes(minimal.read_bytes())
    runner = CliRunner()
    check = runner.invoke(main, ["check", *TODAY, "--rules", str(rules), "--meetings", str(minimal.parents[2] / "registers" / "bom_utf8.csv")], color=True)
    assert check.exit_code in (0, 1), check.output
    projection = tmp_path / "p.json"
    assert runner.invoke(main, ["project", *TODAY, "--format", "json", "-o", str(projection)]).exit_code == 0
    odd = tmp_path / "x\x1b[2J\u202e.json"
    odd.write_bytes(projection.read_bytes())
    diff = runner.invoke(main, ["diff", str(projection), str(odd)], color=True)
    assert diff.exit_code == 0, diff.output
    for output in (check.output, diff.output):
        assert "\x1b" not in output and "\u202e" not in output
        assert "\\x1b[2J\\u202e." in output


def _body_by_every_name(titles, title: str) -> str | None:  # noqa: ANN001
    """The title matcher as it was: every name of the rule book searched in the title."""
    import re

    from planner.inputs.ics.ics_events import _words
    from planner.inputs.ics.titles import _AROUND

    folded = title[:1000].casefold()
    best = None
    for name, body_id in titles.matcher.by_name.items():
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        if (best is None or len(name) > best[0]) and pattern.search(folded):
            best = (len(name), pattern, body_id)
    if best is None:
        return None
    return None if _AROUND.intersection(_words(best[1].sub(" ", folded))) else best[2]


@pytest.fixture(scope="module")
def cica_titles():  # noqa: ANN201
    from planner.inputs.ics.titles import TitleMatcher
    from planner.inputs.register import BodyMatcher
    from planner.inputs.rulebook import embedded_path, load_rulebook

    return TitleMatcher(BodyMatcher(load_rulebook(embedded_path("cica.toml"))))


NAME_WORDS = ["CICA", "Summit", "Senior", "Officials", "Committee", "SOC", "Special", "Working", "Group", "Ministerial", "Council", "Think", "Tank", "Forum", "Youth", "Business", "of", "the", "planning", "call", "briefing", "7th", "Heads", "State", "Meeting"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(NAME_WORDS) | st.text(max_size=6), max_size=12), separators=st.lists(st.sampled_from([" ", "  ", "-", ", ", "'s ", "(", ") ", "_", "/", ""]), min_size=12, max_size=12))
def test_titles_found_by_their_words_as_by_every_name(cica_titles, words: list[str], separators: list[str]) -> None:  # noqa: ANN001
    """The title matcher looks only at the names whose words a title holds (a rule book of
    100,000 aliases made each title 25 ms); it finds the body searching every name found."""
    title = "".join(word + sep for word, sep in zip(words, separators, strict=False))
    assert cica_titles.body(title) == _body_by_every_name(cica_titles, title), title


@pytest.mark.parametrize(("option", "value"), [("--today", "20261201"), ("--today", "2026-W49-2"), ("--to", "20300101"), ("--to", "2031-W01"), ("--from", "2027W011")])
def test_a_date_option_takes_only_the_documented_shape(option: str, value: str) -> None:
    """``date.fromisoformat`` reads ``20261201`` and ISO weeks; the options say YYYY-MM-DD
    (a year for --to), so the other shapes are errors, as in every input file."""
    result = CliRunner().invoke(main, ["project", "--today", "2026-12-01", option, value])
    assert result.exit_code == 2
    assert f"Invalid value for {option}: {value!r} is not a date; expected YYYY-MM-DD" in result.output


@pytest.mark.parametrize("epoch", ["1_700_000_000", "+1700000000", " 1700000000", "\u0661\u0667\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660"])
def test_source_date_epoch_is_ascii_digits(epoch: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``int()`` reads underscores, a sign, spaces and other scripts' digits; a Unix time in
    ``SOURCE_DATE_EPOCH`` is ASCII digits, so those are refused, not read as 2023-11-14."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert f"Invalid value for SOURCE_DATE_EPOCH: {epoch!r} is not a Unix time in seconds" in result.output


def test_source_date_epoch_of_plain_digits_still_sets_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1 and "as of 2023-11-14" in result.output


MINIMAL_BOOK = Path(__file__).parent.parent / "rulebooks" / "valid" / "minimal.toml"


def _ics_with(description: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nBEGIN:VEVENT\r\nUID:teams-1\r\n"
        f"SUMMARY:Summit of Heads of State\r\nDTSTART;VALUE=DATE:20260601\r\nDESCRIPTION:{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.mark.parametrize(
    "description",
    [
        "Join by phone \u202a+1 323-555-0100,,123456#\u202c United States",  # Teams: LRE ... PDF
        "Dial \u2066+7 7172 000000\u2069 or \u202a+43 1 000\u202c",  # isolates, and two in one line
        "\u2067\u202bنص\u202c\u2069 then Latin",  # an embedding inside an isolate, closed in order
        "Dial \u202a+1 323-555-0100,,\r\n 123456#\u202c",  # closed on the folded continuation
    ],
)
def test_an_ics_property_that_closes_its_bidi_controls_is_read(tmp_path: Path, description: str) -> None:
    """Outlook and Teams invitations wrap phone numbers in U+202A ... U+202C: closed inside the
    property's value, they turn nothing after it around, and the export is a register."""
    register = tmp_path / "teams.ics"
    register.write_text(_ics_with(description), encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["validate", *TODAY, "--rules", str(MINIMAL_BOOK), "--meetings", str(register)])
    assert result.exit_code == 0, result.output
    assert "teams.ics: 1 meeting;" in " ".join(result.output.split())  # (wrapped where the path is long)


@pytest.mark.parametrize(
    ("description", "column"),
    [
        ("Dial \u202a+1 323-555-0100", 18),  # opened, never closed: what follows is turned around
        ("Summit\u202c 2019", 19),  # a PDF that closes nothing
        ("\u2066a\u202bb\u2069\u202c", 18),  # the PDI closed the isolate and the embedding in it: the PDF closes nothing
    ],
)
def test_an_ics_property_that_leaves_a_bidi_control_open_is_refused(tmp_path: Path, description: str, column: int) -> None:
    register = tmp_path / "open.ics"
    register.write_text(_ics_with(description), encoding="utf-8", newline="")
    result = CliRunner().invoke(main, ["validate", *TODAY, "--rules", str(MINIMAL_BOOK), "--meetings", str(register)])
    assert result.exit_code == 2
    assert f"open.ics:8:{column}: holds a bidirectional control character" in result.output
