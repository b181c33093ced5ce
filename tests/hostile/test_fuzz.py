"""Structured fuzzing: the examples, mutated line by line and cell by cell with hostile values,
go through every command in-process. Whatever the input, the answer is exit 0, 1 or 2, never a
traceback, bad input is ``error:`` lines, and the input files are left as they were.

The CI profile is bounded (``PLANNER_FUZZ_EXAMPLES``, default 25 examples: well under a
minute). The long run, by hand::

    PLANNER_FUZZ_EXAMPLES=5000 pytest tests/hostile/test_fuzz.py -q

"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
PAIRS = [
    (ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml", ROOT / "tests" / "registers" / "bom_utf8.csv"),
    *((toml, EXAMPLES / f"{toml.stem}-meetings.csv") for toml in sorted(EXAMPLES.glob("*.toml")) if (EXAMPLES / f"{toml.stem}-meetings.csv").is_file()),
]
EXAMPLES_RUN = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "25"))

# values a careless or hostile hand puts where a value stands
TOML_VALUES = [
    "0", "-1", "1e400", "nan", "inf", "9" * 40, "9" * 5000, "2.5", "true", '"yes"', '""', '"x"', '"\\u0000"',
    "2010-01-01", "2010-01-01T10:00:00", "10:00:00", "0001-01-01", "9999-12-31", "[]", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
    "{}", '{ a = 1 }', '"9999y"', '"0d"', '"-3m"', '"1000000d"', '"all"', '"index"', '"summit"', '"' + "x" * 300 + '"', "[1, 2, 3]",
]
CELL_VALUES = [
    "", " ", "0", "-1", "2147483648", "9" * 400, "2023-02-30", "0001", "9999", "2019-13", "1e400", "=HYPERLINK(1)", "a\rb", "a\nb",
    "\u202e", "\x00", "summit", "all", "held", "planned", "cancelled", "projected", "special", "online", '"', "x" * 5000, "2026-11-26",
]
ICS_LINES = ["DURATION:PT", "DURATION:P1DT", "DURATION:PT0S", "DTSTART:100000", "DTSTART;VALUE=DATE:99991231", "DTSTART;VALUE=DATE:00010101", "DTEND:20260101T000000Z", "RRULE:FREQ=DAILY", "RRULE:FREQ=SECONDLY;COUNT=1000000", "DURATION:P99999D", "X-PLANNER-ORDINAL:2147483648", "X-PLANNER-DATE:2026-13", "BEGIN:VEVENT", "END:VCALENDAR",
    # session 25: what dateutil reads wrongly or not at all (BYDAY=9MO monthly was an IndexError)
    "DURATION:P1W2D", "DURATION:pt1h", "RRULE:FREQ=MONTHLY;BYDAY=9MO", "RRULE:FREQ=YEARLY;BYDAY=60MO", "RRULE:FREQ=MONTHLY;BYMONTHDAY=0",
    "RRULE:FREQ=YEARLY;BYMONTH=13", "RRULE:FREQ=YEARLY;COUNT=2;UNTIL=20300101", "STATUS:POSTPONED", "RDATE;VALUE=DATE:00010101", "EXDATE;VALUE=PERIOD:20260101T000000Z/P1D",
]


def mutate_toml(text: str, data: st.DataObject) -> str:
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["value", "value", "delete", "duplicate", "key", "swap"]))
        line = lines[i]
        if action == "value" and "=" in line:
            lines[i] = line.split("=", 1)[0] + "= " + data.draw(st.sampled_from(TOML_VALUES))
        elif action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, line)
        elif action == "key" and "=" in line:
            lines[i] = data.draw(st.sampled_from(["since", "until", "anchor", "established", "count", "per", "interval", "offset", "kind", "binding", "body", "id", "tolerance", "months"])) + " =" + line.split("=", 1)[1]
        elif action == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines) + "\n"


def mutate_csv(text: str, data: st.DataObject) -> str:
    rows = [line.split(",") for line in text.splitlines()]
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(rows) - 1))
        if not rows[i]:
            continue
        j = data.draw(st.integers(0, len(rows[i]) - 1))
        value = data.draw(st.sampled_from(CELL_VALUES))
        rows[i][j] = '"' + value.replace('"', '""') + '"' if data.draw(st.booleans()) else value
    if data.draw(st.booleans()):
        rows.append(list(rows[-1]))  # a repeated row
    return "\n".join(",".join(row) for row in rows) + "\n"


# what a hand editing JSON slips in: a bracket or quote too many or too few, a trailing comma,
# a comment, Python's words for values, numbers no float holds
JSON_BITS = [",", "}", "]", "{", "[", '"', ":", "\\", "\n", "'", "// x", "NaN", "Infinity", "1e400", "-0", "null", "true", '"\\ud800"', "9" * 5000, "None", "True"]


def mutate_json(text: str, data: st.DataObject) -> str:
    """The register's first rows as a JSON list (ordinals as numbers, as a JSON register has
    them), then a few characters deleted or slipped in."""
    rows = [{k: int(v) if k == "ordinal" and v.isdigit() else v for k, v in row.items() if v} for row in list(csv.DictReader(io.StringIO(text)))[:20]]
    chars = list(json.dumps(rows, ensure_ascii=False, indent=1))
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(0, len(chars) - 1))
        if data.draw(st.booleans()):
            del chars[i]
        else:
            chars.insert(i, data.draw(st.sampled_from(JSON_BITS)))
    return "".join(chars)


def mutate_ics(data: st.DataObject) -> str:
    props = data.draw(st.lists(st.sampled_from(ICS_LINES), min_size=1, max_size=3))
    events = "".join(f"BEGIN:VEVENT\r\nUID:f{k}\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:20240101\r\n{p}\r\nEND:VEVENT\r\n" for k, p in enumerate(props))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:fuzz\r\n{events}END:VCALENDAR\r\n"


def run(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    shown = " ".join(args)
    assert result.exception is None or isinstance(result.exception, SystemExit), f"{shown}: {result.exception!r}"
    assert result.exit_code in (0, 1, 2), shown
    assert "Traceback" not in result.output + result.stderr, shown
    if result.exit_code == 2:
        lines = [line for line in result.stderr.splitlines() if not line.startswith(("warning: ", "note: "))]
        assert lines and all(line.startswith(("error: ", "Error: ", "Usage: ", "Try ")) for line in lines), f"{shown}\n{result.stderr}"


@settings(max_examples=EXAMPLES_RUN, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pair=st.sampled_from(PAIRS), which=st.sampled_from(["rules", "meetings", "both", "ics", "json"]), data=st.data())
def test_mutated_inputs_never_crash(pair: tuple[Path, Path], which: str, data: st.DataObject) -> None:
    """Every command answers a mutated example with 0, 1 or 2 and clear lines."""
    rules_text = pair[0].read_text(encoding="utf-8")
    meetings_text = pair[1].read_text(encoding="utf-8-sig")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rules = folder / "rules.toml"
        meetings = folder / {"ics": "meetings.ics", "json": "meetings.json"}.get(which, "meetings.csv")
        rules.write_text(mutate_toml(rules_text, data) if which in ("rules", "both") else rules_text, encoding="utf-8", errors="surrogatepass")
        if which == "json":
            mutated = mutate_json(meetings_text, data)
        else:
            mutated = mutate_ics(data) if which == "ics" else mutate_csv(meetings_text, data) if which in ("meetings", "both") else meetings_text
        meetings.write_text(mutated, encoding="utf-8", errors="surrogatepass")
        if which == "ics":
            rules.write_text((ROOT / "tests" / "rulebooks" / "valid" / "minimal.toml").read_text(encoding="utf-8"), encoding="utf-8")
        before = (rules.read_bytes(), meetings.read_bytes())
        given_files = ["--rules", str(rules), "--meetings", str(meetings), "--today", "2026-11-26"]
        run(["validate", *given_files])
        run(["check", *given_files, "--format", data.draw(st.sampled_from(["text", "json", "csv", "markdown"]))])
        run(["project", *given_files, "--to", "2030", "--format", data.draw(st.sampled_from(["text", "json", "csv"]))])
        run(["chairs", *given_files])
        run(["ics", *given_files, "--to", "2030", "--out", str(folder / "feeds")])
        run(["report", *given_files, "--to", "2030", "-q", "-o", str(folder / "report.html")])
        run(["project", *given_files, "--to", "2030", "--format", "json", "-q", "-o", str(folder / "p.json")])
        if (folder / "p.json").is_file():
            run(["diff", str(folder / "p.json"), str(folder / "p.json")])
        if which == "ics":  # the same calendar as busy days to avoid
            run(["project", *given_files, "--to", "2030", "--format", "csv", "-q", "--avoid", str(meetings)])
        run(["bodies", "--rules", str(rules)])
        assert (rules.read_bytes(), meetings.read_bytes()) == before, "an input file was modified"
