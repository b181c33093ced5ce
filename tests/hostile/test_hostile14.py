"""Fourteenth attacker pass: what planner writes it reads back (a saved projection's one limit),
a diff's work bounded whatever the two files hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.engine.diffing import compare as diff_engine
from planner.inputs import limits, projection_json
from tests.hostile.test_faults import KILLER

TODAY = ["--today", "2026-11-26"]


def invoke(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args))


def _projection(meetings: list[dict]) -> str:
    return json.dumps({"schema_version": 1, "command": "project", "organization": "demo", "today": "2026-11-26", "from": "2026-11-26", "to": "2036-11-26", "meetings": meetings, "problems": []})


def _crowded(tmp_path: Path, bodies: int) -> tuple[Path, Path]:
    """BEFORE: the Summit and every other body on 2027-03-01; AFTER: the others still there, the
    Summit moved off to 2027-03-02 for the same reason: its days are taken."""
    others = [{"body": f"b{i:03}", "start": "2027-03-01", "status": "projected", "name": f"Body {i:03}", "reason": "yearly"} for i in range(bodies)]
    summit = {"body": "summit", "ordinal": 7, "start": "2027-03-01", "status": "projected", "name": "Summit", "reason": "every 4 years"}
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(_projection([summit, *others]), encoding="utf-8")
    after.write_text(_projection([{**summit, "start": "2027-03-02"}, *others]), encoding="utf-8")
    return before, after


def test_a_moved_meeting_names_a_few_of_the_bodies_now_on_its_days(tmp_path: Path) -> None:
    """A meeting moved onto a day 500 other bodies hold named all 500 (a line of 7 KB, 2 KB a
    meeting in a projection of 40,000 moved): three are named, the rest counted."""
    result = invoke("diff", *map(str, _crowded(tmp_path, 500)), "--format", "json")
    assert result.exit_code == 0, result.output
    (moved,) = json.loads(result.stdout)["moved"]
    assert moved["why"] == "its days are now taken by the Body 000, Body 001, Body 002 and 497 other bodies"


def test_a_moved_meeting_names_every_body_when_they_are_few(tmp_path: Path) -> None:
    result = invoke("diff", *map(str, _crowded(tmp_path, 2)), "--format", "json")
    assert json.loads(result.stdout)["moved"][0]["why"] == "its days are now taken by the Body 000, Body 001"


def test_the_search_for_who_took_the_days_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every moved meeting looked at every meeting of AFTER: 40,000 moved by a day ran for more
    than 5 minutes. Past the bound of meetings looked at, a meeting is said to be re-placed."""
    monkeypatch.setattr(diff_engine, "TAKEN_LOOKS", 10)
    result = invoke("diff", *map(str, _crowded(tmp_path, 50)), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["moved"][0]["why"] == "re-placed: every 4 years"


def test_what_project_writes_at_the_limit_diff_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One limit for a saved projection: `project` writes none larger than `diff` reads back."""
    size = len(invoke("project", *TODAY, "--format", "json").stdout.encode("utf-8"))
    monkeypatch.setattr(limits, "MAX_PROJECTION_BYTES", size)
    monkeypatch.setattr(projection_json, "MAX_PROJECTION_BYTES", size)
    saved = tmp_path / "p.json"
    assert invoke("project", *TODAY, "--format", "json", "-o", str(saved)).exit_code == 0
    result = invoke("diff", str(saved), str(saved))
    assert result.exit_code == 0, result.output
    assert "The two projections hold the same meetings" in result.stdout


@pytest.mark.parametrize("to_file", [True, False], ids=["-o", "stdout"])
def test_a_projection_larger_than_diff_reads_is_refused_and_nothing_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to_file: bool) -> None:
    size = len(invoke("project", *TODAY, "--format", "json").stdout.encode("utf-8"))
    monkeypatch.setattr(limits, "MAX_PROJECTION_BYTES", size - 1)
    saved = tmp_path / "p.json"
    saved.write_text("old", encoding="utf-8")
    result = invoke("project", *TODAY, "--format", "json", *(["-o", str(saved)] if to_file else []))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: the projection is more than 0 MB of JSON, the most `planner diff` reads back")
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""
    assert saved.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


def test_diff_refuses_a_file_past_the_limit_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, _after = _crowded(tmp_path, 10)
    monkeypatch.setattr(projection_json, "MAX_PROJECTION_BYTES", 100)
    result = invoke("diff", str(before), str(before))
    assert result.exit_code == 2
    assert result.stderr == f"error: {before}: is larger than 100 bytes (expected at most 100 bytes (see Limits in the README))\n"


def _feeds(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "feeds"
    assert invoke("ics", *TODAY, "--out", str(out)).exit_code == 0
    return out, {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


@pytest.mark.parametrize("name", [".planner-state.json", "summit.ics", "all.ics", "index.html"])
def test_a_folder_where_a_feed_folder_keeps_a_file_is_refused_and_kept(tmp_path: Path, name: str) -> None:
    """A folder named ``.planner-state.json`` (or a feed's name) inside an `ics --out` folder went
    with the old set, and its files with it: one line, exit 2, the folder and every file kept."""
    out, files = _feeds(tmp_path)
    (out / name).unlink()
    (out / name).mkdir()
    (out / name / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = invoke("ics", *TODAY, "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: cannot write: {out / name} is a folder, not a file planner writes: nothing was written and nothing removed (expected each name planner writes there free, or a file it wrote)\n"
    assert (out / name / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == {k: v for k, v in files.items() if k != name}


def test_a_socket_at_the_state_files_name_is_refused(tmp_path: Path) -> None:
    import socket

    out, _files = _feeds(tmp_path)
    (out / ".planner-state.json").unlink()
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(out / ".planner-state.json"))
        result = invoke("ics", *TODAY, "--out", str(out))
    assert result.exit_code == 2 and "is a socket, not a file planner writes" in result.stderr
    assert (out / ".planner-state.json").is_socket()


def test_a_state_file_planner_may_not_read_is_refused_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its permissions taken away, the state file was reported "damaged" and replaced: the
    SEQUENCE of every event and the tombstones it kept were dropped unread."""
    import os

    out, files = _feeds(tmp_path)
    state = out / ".planner-state.json"
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if Path(path) == state and mode == os.R_OK else real_access(path, mode, **kw))
    result = invoke("ics", *TODAY, "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {out}: cannot write: {state} cannot be read (permission denied)")
    assert state.read_bytes() == files[".planner-state.json"]


def test_a_folder_of_the_reuse_records_name_is_left_alone_when_no_record_is_written(tmp_path: Path) -> None:
    """A small export writes no reuse record: a folder of that name is not in its way."""
    out, _files = _feeds(tmp_path)
    (out / ".planner-reuse.json").mkdir()
    assert invoke("ics", *TODAY, "--out", str(out)).exit_code == 0
    assert (out / ".planner-reuse.json").is_dir()


# kill -9 of `ics --out` re-exporting an unchanged register, the path that copies the last
# export's events (REUSE_FROM lowered to 0 so that a small register takes it): at the n-th
# call of one step, in a child process, as tests/hostile/test_faults.py does for a fresh export
REUSE_KILLER = KILLER.replace(
    "from planner.outputs import atomic, file_set\n",
    "from planner.outputs import atomic, file_set\nfrom planner.outputs.calendar.folder import feeds, reuse\nfeeds.REUSE_FROM = 0\n",
).replace('"shutil": shutil}', '"shutil": shutil, "reuse": reuse}')
KILL_STEPS = [("reuse", "_copy", 1), ("reuse", "_copy", 2), ("atomic", "_write_file", 1), ("os", "link", 1), ("atomic", "_write_file", 2), ("file_set", "_exchange", 1), ("shutil", "rmtree", 2)]


@pytest.mark.parametrize(("owner", "name", "n"), KILL_STEPS, ids=[f"{o}.{n}-{i}" for o, n, i in KILL_STEPS])
def test_kill_during_a_reusing_export_leaves_old_or_new_set(tmp_path: Path, owner: str, name: str, n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import os
    import shutil
    import signal
    import subprocess
    import sys

    from planner.outputs.calendar.folder import feeds, reuse

    here = Path(__file__).resolve().parent.parent
    given = ["--rules", str(here / "rulebooks" / "valid" / "minimal.toml"), "--meetings", str(here / "registers" / "bom_utf8.csv"), "--no-projected"]
    monkeypatch.setattr(feeds, "REUSE_FROM", 0)
    taken: list[bool] = []
    build = reuse.Reused.build
    monkeypatch.setattr(reuse.Reused, "build", lambda made: taken.append(result := build(made)) or result)

    def export(out: Path, today: str) -> None:
        assert CliRunner().invoke(main, ["--today", today, *given[:4], "ics", *given[4:], "--out", str(out)]).exit_code == 0

    def digests(folder: Path) -> dict[str, str]:
        """Each file's SHA-256; the reuse record's without its print of the inputs, which holds
        a print of planner's own files (size and time of change): the child reads them when it
        starts, this process read them once, earlier. A planner file edited or checked out in
        between (while the suite runs) made the killed run's record differ from both sets by
        that print alone, and the test fail though the set was whole (seen in session 20)."""
        out = {}
        for p in sorted(folder.iterdir()):
            raw = p.read_bytes()
            if p.name == ".planner-reuse.json":
                raw = json.dumps({**json.loads(raw), "inputs": None}, sort_keys=True).encode()
            out[p.name] = hashlib.sha256(raw).hexdigest()
        return out

    old, new, work = tmp_path / "old" / "feeds", tmp_path / "new" / "feeds", tmp_path / "work" / "feeds"
    export(old, "2026-11-26")
    shutil.copytree(old, new)
    export(new, "2026-11-27")  # the same register, the stamp moved: events copied, DTSTAMP replaced
    assert taken == [True]
    shutil.copytree(old, work)
    done = subprocess.run([sys.executable, "-c", REUSE_KILLER, owner, name, str(n), "--today", "2026-11-27", *given[:4], "ics", *given[4:], "--out", str(work)], capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert digests(work) in (digests(old), digests(new))
    export(work, "2026-11-27")
    assert digests(work) == digests(new)
    assert sorted(os.listdir(work.parent)) == ["feeds"]


@pytest.mark.parametrize("items", [[], [1], [1, 2, 3]], ids=["empty", "one", "three"])
def test_json_made_in_pieces_is_the_json_made_at_once(items: list[int]) -> None:
    """The chairs answer is encoded as it is made (30,000 year-dated terms: 511 -> 154 MB of
    memory): the bytes are those of one ``json.dumps``, lists made as reached included."""
    from planner.outputs.formats import MadeAsReached, json_pieces, to_json

    def make(i: int) -> dict:
        return {"n": i, "meetings": [{"city": "Bakı", "when": None}] * i, "empty": {}}

    data = {"command": "chairs", "terms": [make(i) for i in items], "plan": [], "note": "«»"}
    lazy = {**data, "terms": MadeAsReached(items, make), "plan": MadeAsReached([], make)}
    assert "".join(json_pieces(lazy)) == to_json(data)


def test_a_long_chairs_answer_in_json_is_the_same_written_to_a_file_or_shown(tmp_path: Path) -> None:
    chairs = tmp_path / "chairs.csv"
    chairs.write_text("country,start,end\n" + "".join(f"{('Kazakhstan', 'China')[i % 2]},{1000 + i // 16},{1000 + i // 16}\n" for i in range(3000)), encoding="utf-8")
    shown = invoke("chairs", *TODAY, "--chairs", str(chairs), "--format", "json")
    written = invoke("chairs", *TODAY, "--chairs", str(chairs), "--format", "json", "-o", str(tmp_path / "c.json"))
    assert shown.exit_code == written.exit_code == 1
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == shown.stdout
    assert len(json.loads(shown.stdout)["terms"]) == 3000


# a reuse record edited by hand or by another program: every field of the wrong type or out of
# range; the export then makes every event, and its files are those of an export without one
RECORD_EDITS = {
    "stamp_int": lambda r: {**r, "stamp": 20261126},
    "stamp_far": lambda r: {**r, "stamp": "9999-12-31T23:59:59+00:00"},
    "all_string": lambda r: {**r, "all": "abc"},
    "all_dict": lambda r: {**r, "all": {"at": 0}},
    "all_huge": lambda r: {**r, "all": [10**30, 10**30, "x"]},
    "all_negative": lambda r: {**r, "all": [-5, 10, r["all"][2]]},
    "all_floats": lambda r: {**r, "all": [float(v) if isinstance(v, int) else v for v in r["all"]]},
    "state_short": lambda r: {**r, "state": r["state"][:2]},
    "state_negative_size": lambda r: {**r, "state": [r["state"][0], -(10**12), *r["state"][2:]]},
    "body_size_past_the_file": lambda r: {**r, "bodies": {b: [v[0], v[1] + 10**9, *v[2:]] for b, v in r["bodies"].items()}},
    "body_at_bool": lambda r: {**r, "bodies": {b: [True, *v[1:]] for b, v in r["bodies"].items()}},
    "body_nested": lambda r: {**r, "bodies": {b: [[[[v[0]]]], *v[1:]] for b, v in r["bodies"].items()}},
    "bodies_list": lambda r: {**r, "bodies": list(r["bodies"].items())},
    "form_other": lambda r: {**r, "form": 99},
}


@pytest.mark.parametrize("edit", sorted(RECORD_EDITS))
def test_a_hand_edited_reuse_record_never_changes_the_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    from planner.outputs.calendar.folder import feeds
    from planner.outputs.calendar.folder.record import REUSE_FILE

    here = Path(__file__).resolve().parent.parent
    monkeypatch.setattr(feeds, "REUSE_FROM", 0)
    given = ["--rules", str(here / "rulebooks" / "valid" / "minimal.toml"), "--meetings", str(here / "registers" / "bom_utf8.csv")]

    def export(out: Path, today: str) -> None:
        result = invoke("--today", today, *given, "ics", "--no-projected", "--out", str(out))
        assert result.exit_code == 0, result.output

    edited, plain = tmp_path / "edited", tmp_path / "plain"
    export(edited, "2026-11-26")
    export(plain, "2026-11-26")
    record = json.loads((edited / REUSE_FILE).read_text(encoding="utf-8"))
    (edited / REUSE_FILE).write_text(json.dumps(RECORD_EDITS[edit](record)), encoding="utf-8")
    (plain / REUSE_FILE).unlink()
    export(edited, "2026-11-27")
    export(plain, "2026-11-27")
    assert {p.name: p.read_bytes() for p in sorted(edited.iterdir())} == {p.name: p.read_bytes() for p in sorted(plain.iterdir())}
