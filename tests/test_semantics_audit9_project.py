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
