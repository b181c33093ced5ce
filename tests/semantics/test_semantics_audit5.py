"""A fifth audit (after test_semantics_audit*.py): the boundaries of DESIGN.md's cadence rules,
projection and README "Semantics" that no test pinned, each worked out by hand in its
docstring before the tool was run, and one agreement test: every output (check in text, JSON,
CSV and markdown, the HTML report, project and ics) says what the engine says."""

from __future__ import annotations

import calendar
import csv
import html
import io
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
HEAD = '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\nsecretariat = { city = "Bern", country = "Switzerland" }\n'
SECRETARIAT = 'host = "secretariat"\nmonths = [6]'


def _body(keys: str, *rules: str, id: str = "board", name: str = "Board") -> str:
    return f'[[bodies]]\nid = "{id}"\nname = "{name}"\ncategory = "working"\n{keys}\n' + "".join(f"[[bodies.rules]]\n{r}\n" for r in rules)


def _files(tmp_path: Path, book: str, rows: str) -> tuple[Path, Path]:
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    rules.write_text(HEAD + book, encoding="utf-8")
    meetings.write_text("body,kind,ordinal,start,end,status,city,country\n" + rows, encoding="utf-8")
    return rules, meetings


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output + result.stderr
    return result


def _run(tmp_path: Path, command: str, book: str, rows: str, *args: str) -> dict:
    rules, meetings = _files(tmp_path, book, rows)
    return json.loads(_invoke(command, "--rules", str(rules), "--meetings", str(meetings), "--format", "json", *args).stdout)


def _verdicts(out: dict, body: str = "board") -> dict[str, str]:
    return {f["window"]["label"]: f["verdict"] for f in out["findings"] if f["body"] == body and f.get("window")}


def _schedule(out: dict, body: str = "board") -> list[tuple[str, str]]:
    return [(m["start"], m["status"]) for m in out["meetings"] if m["body"] == body]


# -- projection: what check calls final is not planned for ---------------------------------------


def test_a_grid_window_past_its_late_days_gets_no_overdue_meeting(tmp_path):
    """`every 2y` on the grid from 2006; the Board met each June 2006-2018, nothing since;
    today Saturday 2025-03-01. Check: 2020, 2022 and 2024 missed, 2026 next due. A grid
    window can still be answered late until the day before the next grid window opens
    (2020: by 2021-12-31; 2022: by 2023-12-31; 2024: by 2025-12-31), so on 2025-03-01 only
    2024 can be: one overdue meeting, as soon as possible (Monday 2025-03-03, the first
    working day after today), then the grid: 2026-06-10 (a Wednesday, the Board's day) and
    2028-06-09 (06-10 is a Saturday; nearest working day, forward first: Sunday 06-11 is
    not, Friday 06-09 is). It projected "overdue since 2020" and "overdue since 2022"
    (windows check calls missed for good) and, those two being in 2024's late days,
    nothing for 2024 itself."""
    rows = "".join(f"board,regular,{n + 1},{2006 + 2 * n}-06-10,,held,Bern,Switzerland\n" for n in range(7))
    book = _body(SECRETARIAT, 'kind = "every"\ninterval = "2y"\nmode = "grid"\nanchor = 2006')
    check = _run(tmp_path, "check", book, rows, "--today", "2025-03-01")
    assert {k: v for k, v in _verdicts(check).items() if k >= "2020"} == {"2020": "missed", "2022": "missed", "2024": "missed", "2026": "open"}
    out = _run(tmp_path, "project", book, rows, "--today", "2025-03-01", "--to", "2028")
    assert _schedule(out) == [("2025-03-03", "projected"), ("2026-06-10", "projected"), ("2028-06-09", "projected")]
    reasons = [m["reason"] for m in out["meetings"]]
    assert reasons[0].startswith("overdue since 2024:") and not any("since 2020" in r or "since 2022" in r for r in reasons)


def test_a_meeting_recorded_held_after_today_is_in_the_schedule(tmp_path):
    """README, "A register written later": a meeting recorded as held that opens after
    --today is scheduled, never counted. At least once a year; held 2024-05-10, and a row
    "held" 2025-07-06 written before it happened; today 2025-06-01. Check: 2025 open,
    "scheduled: Board 2025-07-06". Project fills 2025 with that meeting (nothing is projected
    for 2025), so its schedule must show it, as it shows a planned row: it showed only the
    2026 projection, and the next Board looked a year away. 2026 is projected in June (the
    body's `months`); the day is placement's, not this test's."""
    rows = "board,regular,1,2024-06-10,,held,Bern,Switzerland\nboard,regular,2,2025-07-06,,held,Bern,Switzerland\n"
    book = _body(SECRETARIAT, 'kind = "at_least"\ncount = 1\nper = "year"')
    check = _run(tmp_path, "check", book, rows, "--today", "2025-06-01")
    assert _verdicts(check)["2025"] == "open"
    assert "scheduled: Board 2025-07-06" in [f for f in check["findings"] if f["window"]["label"] == "2025"][0]["why"]
    out = _run(tmp_path, "project", book, rows, "--today", "2025-06-01", "--to", "2026")
    (first, second) = _schedule(out)
    assert first == ("2025-07-06", "held") and second[0].startswith("2026-06-") and second[1] == "projected"
    assert "reason" not in out["meetings"][0]  # the register's row, as a planned one; the text says why in words
    rules, meetings = tmp_path / "rules.toml", tmp_path / "meetings.csv"
    text = _invoke("project", "--rules", str(rules), "--meetings", str(meetings), "--today", "2025-06-01", "--to", "2026").stdout
    assert "2 meetings (0 planned, 1 recorded held after --today, 1 projected)" in text and "in the register as held (it opens after --today)" in text
    # on the day it opened, it is the register's past: no longer in the schedule
    out = _run(tmp_path, "project", book, rows, "--today", "2025-07-06", "--to", "2026")
    assert [status for _, status in _schedule(out)] == ["projected"]


# -- every output says what the engine says --------------------------------------------------------

SUMMIT = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\nhost = "secretariat"\nmonths = [10]\n[[bodies.rules]]\nkind = "every"\ninterval = "2y"\n'


def _small(id: str, keys: str, *rules: str) -> str:
    return _body('host = "secretariat"\n' + keys, *rules, id=id, name=id.title())


# Small rule books that between them give every verdict (met, late, missed, excess, open, next
# due, uncertain, unknown, off_date, excused, advisory, not_applicable) under every kind of rule,
# each judged on dates before, inside and after its windows.
AGREEMENT = {
    "yearly-records-customary": (
        _small("board", "months = [6]", 'kind = "at_least"\ncount = 1\nper = "year"')
        + _small("council", "records = [{ start = 2021 }]", 'kind = "every"\ninterval = "2y"')
        + _small("forum", "", 'kind = "at_least"\ncount = 1\nper = "year"\nbinding = false'),
        "board,regular,,2019-05-01,,held,,\nboard,regular,,2020,,held,,\nboard,regular,,2022-06-01,,held,,\n"
        "council,regular,,2018-03-01,,held,,\ncouncil,regular,,2021-04-01,,held,,\nforum,regular,,2021-04-01,,held,,\n",
        ("2023-12-01", "2021-06-30"),
    ),
    "after-before-loose": (
        SUMMIT
        + _small("ministerial", "", 'kind = "after"\nbody = "summit"\noffset = "1y"')
        + _small("bureau", "", 'kind = "before"\nbody = "summit"\noffset = "1m"'),
        "summit,regular,1,2016-10-12,2016-10-13,held,Bern,Switzerland\nsummit,regular,2,2019-06,,held,,\nsummit,regular,3,2021-10-05,,held,,\n"
        "summit,regular,4,2023-10-10,,planned,,\nsummit,regular,5,2025-10-14,,planned,,\n"
        "ministerial,regular,,2017-05-01,,held,,\nministerial,regular,,2020-09-01,,held,,\nministerial,special,,2022-05-01,,held,,\n"
        "bureau,regular,,2016-09-20,,held,,\nbureau,regular,,2019-05-20,,held,,\nbureau,regular,,2021-09-30,,cancelled,,\n",
        ("2024-03-01", "2025-10-01", "2021-10-05"),
    ),
    "caps-dates-excuses": (
        _small("board", "", 'kind = "at_most"\ncount = 1\nper = "half"')
        + _small("assembly", "", 'kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3\nexcused = [{ start = 2020, end = 2020, reason = "pandemic" }]')
        + _small("council", "", 'kind = "at_least"\ncount = 1\nper = "year"\nexcept_when = ["assembly"]\nformats = ["in_person"]'),
        "board,regular,,2021-02-01,,held,,\nboard,regular,,2021-05-01,,held,,\nboard,regular,,2021-09-01,,held,,\nboard,regular,,2022-03-01,,planned,,\n"
        "assembly,regular,,2019-09-17,,held,,\nassembly,regular,,2021-09-14,,held,,\nassembly,regular,,2022-09-14,,held,,\nassembly,regular,,2023-09,,held,,\n"
        "council,regular,,2019-04-01,,held,,\n",
        ("2023-12-01", "2022-09-20"),
    ),
    "gaps-weeks-not-yet": (
        _small("board", "established = 2022-01-01", 'kind = "at_least"\ncount = 2\nper = "year"\nmax_gap = "200d"\nfirst_within = "60d"')
        + _small("council", 'weekdays = ["wed"]\nrecess = [{ start = 2023-07-17, end = 2023-08-27, reason = "summer" }]', 'kind = "at_least"\ncount = 1\nper = "week"\nsince = 2023-06-05')
        + _small("youth", "established = 2030-01-01", 'kind = "at_least"\ncount = 1\nper = "year"'),
        "board,regular,1,2022-02-15,,held,,\nboard,regular,2,2022-09-15,,held,,\nboard,regular,4,2023-09-01,,held,,\n"
        "council,regular,,2023-06-07,,held,,\ncouncil,regular,,2023-06-21,,held,,\ncouncil,regular,,2023-06-28,,held,,\ncouncil,regular,,2023-07,,held,,\n",
        ("2023-09-10", "2024-02-01"),
    ),
}
PROBLEM_WORDS = {"late", "missed", "excess", "off_date", "advisory", "uncertain"}
TOTAL_WORDS = {
    "violation": "violations", "violations": "violations", "advisory": "advisories", "advisories": "advisories",
    "open window": "open", "open windows": "open", "next due": "next_due", "uncertain": "uncertain", "unknown": "unknown", "excused": "excused",
}


def _outputs(rules: Path, meetings: Path, today: str, to: str, tmp_path: Path) -> dict:
    common = ["--rules", str(rules), "--meetings", str(meetings), "--today", today]
    out = {fmt: _invoke("check", *common, "--format", fmt).stdout for fmt in ("json", "text", "csv", "markdown")}
    _invoke("report", *common, "--to", to, "-o", str(tmp_path / "report.html"))
    out["html"] = (tmp_path / "report.html").read_text(encoding="utf-8")
    out["project"] = json.loads(_invoke("project", *common, "--to", to, "--format", "json").stdout)
    _invoke("ics", *common, "--to", to, "--out", str(tmp_path / "feeds"))
    out["ics"] = (tmp_path / "feeds" / "all.ics").read_text(encoding="utf-8")
    book = tomllib.loads(rules.read_text(encoding="utf-8"))
    out["excusing"] = {b["id"]: {x for r in b.get("rules", []) for x in r.get("except_when", [])} for b in book["bodies"]}
    return out


def _days(start: str) -> tuple[str, str]:
    """The first and last day a partial date may mean."""
    if len(start) == 4:
        return f"{start}-01-01", f"{start}-12-31"
    if len(start) == 7:
        year, month = map(int, start.split("-"))
        return f"{start}-01", f"{start}-{calendar.monthrange(year, month)[1]:02d}"
    return start, start


def _totals(line: str) -> dict[str, int]:
    return {TOTAL_WORDS[word]: int(n) for n, word in re.findall(r"(\d+) (violations?|advisory|advisories|open windows?|next due|uncertain|unknown|excused)\b", line)}


def _disagreements(o: dict) -> list:
    """What an output says that the JSON of check (or project, for ics) does not."""
    check = json.loads(o["json"])
    findings = check["findings"]
    wrong: list = []
    said = Counter((f["body"], (f.get("window") or {}).get("label"), f["verdict"]) for f in findings)
    # the CSV: one row per finding, the same window and verdict, violation yes exactly where JSON says
    rows = list(csv.DictReader(io.StringIO(o["csv"])))
    in_csv = Counter((r["body"], r["window"] or None, r["verdict"]) for r in rows)
    if in_csv != said:
        wrong.append(("csv", said - in_csv, in_csv - said))
    if Counter(r["violation"] == "yes" for r in rows)[True] != check["summary"]["violations"]:
        wrong.append(("csv violations", check["summary"]))
    # the HTML report: a row per finding under its body's heading (the verdict in words)
    page = o["html"]
    part = page[page.index("<h2>Findings</h2>") : page.index('<section id="schedule">')]
    in_html: Counter = Counter()
    for block in part.split('<h3 id="b-')[1:]:
        body = block[: block.index('"')].replace("-", "_")
        for m in re.finditer(r'<tr [^>]*?(?: data-rule="(\d+)" data-first="([^"]*)" data-last="([^"]*)" data-windows="(\d+)")?><td[^>]*><span class="verdict"[^>]*>([^<]*)</span></td><td[^>]*data-label="window">([^<]*)</td>', block):
            verdict = m.group(5).replace(" ", "_")
            if m.group(4) is None:
                in_html[(body, html.unescape(m.group(6)) or None, verdict)] += 1
                continue
            # windows said alike in one row (tests/real/test_trial23.py): the rule's findings of that
            # verdict from its first window to its last, as many as the row says
            labels = [(f.get("window") or {}).get("label") for f in findings if f["body"] == body and f["rule"] == int(m.group(1)) and f["verdict"] == verdict]
            first, last = html.unescape(m.group(2)), html.unescape(m.group(3))
            run = labels[labels.index(first) : labels.index(last) + 1] if first in labels and last in labels else []
            if len(run) != int(m.group(4)):
                wrong.append(("html run", body, first, last, m.group(4), len(run)))
            for label in run:
                in_html[(body, label, verdict)] += 1
    if in_html != said:
        wrong.append(("html", said - in_html, in_html - said))
    # the summary counts the findings; text, markdown and the report's totals say the summary
    s = check["summary"]
    verdicts = Counter(f["verdict"] for f in findings)
    counted = {"violations": sum(1 for f in findings if f["violation"]), "advisories": verdicts["advisory"], "uncertain": verdicts["uncertain"], "unknown": verdicts["unknown"], "excused": verdicts["excused"]}
    if {k: s[k] for k in counted} != counted or s["open"] + s["next_due"] != verdicts["open"] or s["exit_code"] != (1 if counted["violations"] else 0):
        wrong.append(("summary", s, verdicts))
    nonzero = {k: v for k, v in s.items() if k in TOTAL_WORDS.values() and v}
    text_totals = " ".join(o["text"].rstrip().split("\n\n")[-1].split())
    md_totals = o["markdown"].rstrip().splitlines()[-1]
    # (the violations total links to their list: <li><a href="#violations"><b>2</b>violations</a></li>)
    html_totals = re.findall(r"<li[^>]*>(?:<a [^>]*>)?<b>(\d+)</b>\s*([^<]+)(?:</a>)?</li>", page)
    for name, line in (("text", text_totals), ("markdown", md_totals), ("html", " ".join(f"{n} {w.strip()}" for n, w in html_totals))):
        if {k: v for k, v in _totals(line).items() if v} != nonzero or (name != "html" and f"exit {s['exit_code']}" not in line):
            wrong.append((f"{name} totals", line, s))
    # the Problems of text and markdown: one line per finding of a problem verdict
    problems = Counter(f["verdict"] for f in findings if f["verdict"] in PROBLEM_WORDS)
    in_text = Counter(m.group(1) for m in re.finditer(r"^  (\w+) {2,}\S", o["text"], re.M) if m.group(1) in PROBLEM_WORDS)
    in_md = Counter(m.group(1) for m in re.finditer(r"^- \*\*(\w+)\*\* ", o["markdown"], re.M))
    if in_text != problems or in_md != problems:
        wrong.append(("problems", problems, in_text, in_md))
    # ics: the projected events are project's projected meetings
    project = o["project"]
    projected = Counter((m["body"], m["start"]) for m in project["meetings"] if m["status"] == "projected")
    in_ics: Counter = Counter()
    for event in o["ics"].replace("\r\n", "\n").split("BEGIN:VEVENT")[1:]:
        props = dict(re.findall(r"^([A-Z-]+)(?:;[^:\n]*)?:(.*)$", event, re.M))
        if props.get("X-PLANNER-STATUS") == "projected":
            day = props["DTSTART"]
            in_ics[(props["X-PLANNER-BODY"], f"{day[:4]}-{day[4:6]}-{day[6:8]}")] += 1
    if in_ics != projected:
        wrong.append(("ics", projected - in_ics, in_ics - projected))
    # project: each window check calls open (due after today, inside the horizon) has a meeting
    # in its schedule between tomorrow and the due date, or a Problem of the body says why not
    today = check["today"]
    # (a customary reading beside a binding rule is judged, not planned for: projection.py)
    rules = {b["id"]: b["rules"] for b in check["bodies"]}
    for f in findings:
        if f["verdict"] != "open" or not f.get("due_by") or f["due_by"] <= today or f["due_by"] > project["to"]:
            continue
        if not rules[f["body"]][f["rule"]]["binding"] and any(r["binding"] and r["kind"] not in ("ad_hoc", "at_most") for r in rules[f["body"]]):
            continue
        first, last = f["window"]["start"], f["due_by"]
        # (a meeting projected for a body of the rule's except_when excuses the window instead)
        bodies = {f["body"], *o["excusing"].get(f["body"], ())}
        fills = [m for m in project["meetings"] if m["body"] in bodies and _days(m["start"])[1] > today and _days(m["start"])[1] >= first and _days(m["start"])[0] <= last]
        if not fills and not any(p["body"] == f["body"] for p in project["problems"]):
            wrong.append(("project", f["body"], f["window"]["label"], f["due_by"]))
    return wrong


@pytest.mark.parametrize(("name", "today"), [(name, today) for name, (_, _, todays) in AGREEMENT.items() for today in todays])
def test_every_output_says_what_the_engine_says(tmp_path, name, today):
    """check's JSON is the engine's word: the CSV and the HTML report list the same findings
    (body, window, verdict), the summary counts them, the totals of text, markdown and the
    report say the summary, the Problems of text and markdown are the findings of a problem
    verdict, ics projects what project projects, and each window check calls open has a
    meeting in project's schedule before its due date, or a Problem."""
    book, rows, _ = AGREEMENT[name]
    rules, meetings = _files(tmp_path, book, rows)
    assert _disagreements(_outputs(rules, meetings, today, "2027", tmp_path)) == []


@pytest.mark.parametrize(
    "name", ["cica", *sorted(p.stem for p in (ROOT / "examples").glob("*.toml")), *sorted(f"audit/{p.stem}" for p in (ROOT / "tests" / "audit").glob("*.toml"))]
)
def test_every_output_agrees_on_the_shipped_rule_books(tmp_path, name):
    """The same agreement on CICA (2026-12-01, the known answer's date), on every example at
    the date its tests judge it, and on the real histories of tests/audit/ as of 2025-12-01."""
    from tests.check.test_examples import DEFAULT_TODAY, TODAY

    if name == "cica":
        rules, meetings, today = ROOT / "rules" / "cica.toml", ROOT / "examples" / "cica-meetings.csv", "2026-12-01"
    elif name.startswith("audit/"):
        rules, meetings, today = ROOT / "tests" / f"{name}.toml", ROOT / "tests" / f"{name}-meetings.csv", "2025-12-01"
    else:
        rules, meetings, today = ROOT / "examples" / f"{name}.toml", ROOT / "examples" / f"{name}-meetings.csv", TODAY.get(name, DEFAULT_TODAY).isoformat()
    o = _outputs(rules, meetings, today, str(int(today[:4]) + 4), tmp_path)
    assert _disagreements(o) == []
    if name == "cica":
        assert json.loads(o["json"])["summary"] == {"bodies": 14, "violations": 2, "advisories": 1, "uncertain": 0, "unknown": 27, "excused": 0, "open": 11, "next_due": 1, "exit_code": 1}


# -- real rules not yet in tests/audit/ (a source URL in every rule and row) ------------------------


def _real(name: str, *args: str) -> dict:
    root = ROOT / "tests" / "audit"
    return json.loads(_invoke("check", "--rules", str(root / f"{name}.toml"), "--meetings", str(root / f"{name}-meetings.csv"), "--format", "json", *args).stdout)


def test_opec_conference_two_ordinary_meetings_a_year():
    """OPEC Statute, art. 12: "two Ordinary Meetings a year", extraordinary ones besides; read
    as at least two and at most two ordinary meetings per calendar year. By hand, as of
    2021-01-15: 2019 holds the 176th (1 July) and 177th (5-6 December): 2 of 2, met under both
    rules. 2020 holds the 178th (Extraordinary, 5 March), the 179th (6 June) and the 180th
    (30 November, both by videoconference: the Statute names no format): 2 ordinary, met under
    both; the extraordinary one is named as not counted, and does not make 2020 excess.
    2021 open (2 due by 2021-12-31). As of 2020-06-01 the 179th and 180th had not opened:
    2020 open with 2 still due, nothing counted yet (the 178th does not count).
    Session 22: the ceiling's 2019 and 2020 are `uncertain`, not `met`: the register does
    not say whether the kinds share one series (twentieth audit), and if they do not, an
    ordinary 178th was held between 2019-12-05 and 2020-06-06, a third in one of those years."""
    out = _real("opec", "--today", "2021-01-15")
    assert sorted((f["rule"], f["window"]["label"], f["verdict"]) for f in out["findings"]) == [
        (0, "2019", "met"), (0, "2020", "met"), (0, "2021", "open"), (1, "2019", "uncertain"), (1, "2020", "uncertain"), (1, "2021", "open"),
    ]
    (at_least_2020,) = [f for f in out["findings"] if f["rule"] == 0 and f["window"]["label"] == "2020"]
    assert "Not counted: Conference 2020-03-05 (178th, Vienna) (extraordinary" in at_least_2020["why"]
    assert out["summary"]["violations"] == 0
    out = _real("opec", "--today", "2020-06-01")
    (open_2020,) = [f for f in out["findings"] if f["rule"] == 0 and f["window"]["label"] == "2020"]
    assert open_2020["verdict"] == "open" and open_2020["still_due"] == 2 and not open_2020["counted"]


def test_imf_world_bank_annual_meetings_at_annual_intervals():
    """IMF By-Laws, Section 1: regular meetings "at annual intervals", read as `every 12m`
    (calendar months). By hand: Bali 2018-10 (month only) makes 2019-10 due (12 months after
    a month, whatever its day): 2019-10-14 met; then 2020-10 (2020-10-12, online) met; 2021-10
    (hybrid, month only) met; 2022-10-10, 2023-10-09 (Marrakech), 2024-10-21 met (in days,
    2023-10-09 + 365 is 2024-10-08: a `365d` reading would call it 13 days late). As of
    2025-09-01 the 2025 meetings (13-18 October) are planned: 2025-10 open, scheduled. As of
    2025-12-01 they are past and the register, with only the announcement as source, does not
    say they were held: 2025-10 `uncertain` ("met if it was held as planned"), never met or
    missed; the chain goes on from them as planned: 2026-10 open (Bangkok planned)."""
    out = _real("imf-wb-annual", "--today", "2025-09-01")
    verdicts = {f["window"]["label"]: f["verdict"] for f in out["findings"]}
    assert verdicts == {"2019-10": "met", "2020-10": "met", "2021-10": "met", "2022-10": "met", "2023-10": "met", "2024-10": "met", "2025-10": "open", "2026-10": "open"}
    assert out["summary"]["open"] == 1 and out["summary"]["next_due"] == 1
    out = _real("imf-wb-annual", "--today", "2025-12-01")
    findings = {f["window"]["label"]: f for f in out["findings"]}
    assert findings["2025-10"]["verdict"] == "uncertain" and "met if it was held as planned" in findings["2025-10"]["why"]
    assert findings["2026-10"]["verdict"] == "open" and out["summary"]["violations"] == 0 and out["summary"]["uncertain"] == 1


# -- chairmanship: a term is as long as the register's days make it ---------------------------------

CHAIR_HEAD = (
    '[organization]\nid = "o"\nname = "Org"\nshort_name = "O"\n'
    'members = [{ name = "Austria", code = "AT" }, { name = "Belgium", code = "BE" }, { name = "Czechia", code = "CZ" }]\n'
    '[chairmanship]\nterm = "2y"\nhandover_bodies = []\nchair_hosts = true\nconsecutive_terms = false\n'
    '[[bodies]]\nid = "council"\nname = "Council"\ncategory = "governing"\nhost = "chair"\n[[bodies.rules]]\nkind = "ad_hoc"\n'
)


def _chairs(tmp_path: Path, rows: str, today: str) -> dict:
    rules, meetings, chairs = tmp_path / "rules.toml", tmp_path / "meetings.csv", tmp_path / "chairs.csv"
    rules.write_text(CHAIR_HEAD, encoding="utf-8")
    meetings.write_text("body,start,status\ncouncil,2020-05-04,held\n", encoding="utf-8")
    chairs.write_text("country,start,end,ordinal,note,source\n" + rows, encoding="utf-8")
    return json.loads(_invoke("chairs", "--rules", str(rules), "--meetings", str(meetings), "--chairs", str(chairs), "--today", today, "--format", "json").stdout)


def test_a_term_known_to_the_month_is_not_called_too_long_on_a_day_it_does_not_give(tmp_path):
    """Two-year terms. Austria from `2020-01` (some day of January 2020) to 2022-01-15: begun
    on 2020-01-01 it ran 2 years 14 days (too long); begun on 2020-01-15 or later, at most
    2 years (2020-01-31 + 2 years is 2022-01-31, after 2022-01-15). The day decides, and the
    register does not give it: a note, never a violation (it was a violation, counted from
    2020-01-01). Belgium from 2022-01-15 to `2024` (some day of 2024): at most 2 years if it
    ended by 2024-01-15, longer after: a note too (it said nothing, counted to 2024-01-01).
    Czechia from 2024-02 to 2026-03-10: even begun on 2024-02-29 it ran past 2026-02-28: a
    violation, as certain as the data."""
    out = _chairs(tmp_path, "Austria,2020-01,2022-01-15,1,,\nBelgium,2022-01-15,2024,2,,\nCzechia,2024-02,2026-03-10,3,,\n", "2026-12-01")
    found = {(f["country"], f["kind"]): f for f in out["findings"]}
    # (Belgium to `2024`, Czechia from `2024-02`: perhaps a gap, perhaps an overlap: a note,
    # tests/semantics/test_semantics_audit6.py)
    # (and the register stops at Czechia's term, ended 2026-03-10: `unrecorded`, a note)
    assert set(found) == {("Austria", "long_term"), ("Belgium", "long_term"), ("Czechia", "long_term"), ("Czechia", "gap_or_overlap"), ("Czechia", "unrecorded")}
    assert not found[("Czechia", "unrecorded")]["violation"]
    assert not found[("Czechia", "gap_or_overlap")]["violation"]
    assert [found[(c, "long_term")]["violation"] for c in ("Austria", "Belgium", "Czechia")] == [False, False, True]
    assert "perhaps longer than the rule's term of 2 years" in found[("Austria", "long_term")]["message"]
    assert "longer if it ended after 2024-01-15" in found[("Belgium", "long_term")]["message"]  # (tests/real/test_trial23.py)
    assert out["summary"]["violations"] == 1 and out["summary"]["exit_code"] == 1


def test_a_term_one_day_too_long_says_the_day(tmp_path):
    """Two-year terms: Austria 2020-01-01 to 2022-01-01 is 2 years (allowed); Belgium
    2022-01-01 to 2024-01-02 is one day longer: a violation whose words say "2 years 1 day"
    (they said "2 years, longer than the rule's term of 2 years")."""
    out = _chairs(tmp_path, "Austria,2020-01-01,2022-01-01,1,,\nBelgium,2022-01-01,2024-01-02,2,,\nCzechia,2024-01-02,2026-01-01,3,,\n", "2026-12-01")
    (long_term,) = [f for f in out["findings"] if f["kind"] == "long_term"]
    assert long_term["country"] == "Belgium" and long_term["violation"]
    assert "2022-01-01 to 2024-01-02: 2 years 1 day, longer than the rule's term of 2 years." in long_term["message"]


# -- boundaries no test pinned, each worked out by hand -------------------------------------------

_SUMMIT_AD_HOC = '[[bodies]]\nid = "summit"\nname = "Summit"\ncategory = "governing"\n[[bodies.rules]]\nkind = "ad_hoc"\n'
_BEFORE_1M = _SUMMIT_AD_HOC + _body("", 'kind = "before"\nbody = "summit"\noffset = "1m"')
_GRID_TOLERANCE = _body("", 'kind = "every"\ninterval = "1y"\nmode = "grid"\ntolerance = "6m"')
_AT_MOST_YEAR = _body("", 'kind = "at_most"\ncount = 1\nper = "year"')
_ON_3RD_TUESDAY = _body("", 'kind = "on"\nmonth = 9\nweekday = "tue"\nnth = 3')
_FIRST_WITHIN = _body("established = 2020-03-01", 'kind = "at_least"\ncount = 1\nper = "year"\nfirst_within = "30d"')

BOUNDARIES = [
    # ISO weeks across a year end: 2020 has 53 ISO weeks; W52 is 12-21..27, W53 12-28..2021-01-03
    # (a Sunday), 2021-W01 opens Monday 01-04. Each week holds its meeting.
    ("iso-week-53", _body("", 'kind = "at_least"\ncount = 1\nper = "week"\nsince = 2020-12-21'),
     "board,regular,,2020-12-22,,held,,\nboard,regular,,2020-12-31,,held,,\nboard,regular,,2021-01-03,,held,,\nboard,regular,,2021-01-04,,held,,\n",
     "2021-01-10", {"2020-W52": "met", "2020-W53": "met", "2021-W01": "met"}),
    # Quarters on their first and last days: 01-01 is Q1, 06-30 Q2, 07-01 Q3, 12-31 Q4.
    ("quarter-edges", _body("", 'kind = "at_least"\ncount = 1\nper = "quarter"'),
     "board,regular,,2023-01-01,,held,,\nboard,regular,,2023-06-30,,held,,\nboard,regular,,2023-07-01,,held,,\nboard,regular,,2023-12-31,,held,,\n",
     "2024-01-01", {"2023 Q1": "met", "2023 Q2": "met", "2023 Q3": "met", "2023 Q4": "met", "2024 Q1": "open"}),
    # Day-exact rolling: 2023-01-01 + 100 days = 2023-04-11 (met on the due day); + 100 = 07-20,
    # held 07-21 (1 day late); from it, + 100 = 10-29 (open).
    ("every-100d-due-day", _body("", 'kind = "every"\ninterval = "100d"'),
     "board,regular,,2023-01-01,,held,,\nboard,regular,,2023-04-11,,held,,\nboard,regular,,2023-07-21,,held,,\n",
     "2023-08-01", {"2023-04-11": "met", "2023-07-20": "late", "2023-10-29": "open"}),
    # Grid with 6 months' tolerance: 2024's own meeting is the later one (08-01); the earlier one
    # may serve 2023 if it opened by 2023-12-31 + 6 months = 2024-06-30.
    ("grid-tolerance-last-day", _GRID_TOLERANCE,
     "board,regular,,2022-05-01,,held,,\nboard,regular,,2024-06-30,,held,,\nboard,regular,,2024-08-01,,held,,\n",
     "2024-12-01", {"2022": "met", "2023": "met", "2024": "met", "2025": "open"}),
    ("grid-tolerance-day-after", _GRID_TOLERANCE,
     "board,regular,,2022-05-01,,held,,\nboard,regular,,2024-07-01,,held,,\nboard,regular,,2024-08-01,,held,,\n",
     "2024-12-01", {"2022": "met", "2023": "missed", "2024": "met", "2025": "open"}),
    # ... a meeting known only as 2024-06 lies within the tolerance on every day it may mean.
    ("grid-tolerance-month", _GRID_TOLERANCE,
     "board,regular,,2022-05-01,,held,,\nboard,regular,,2024-06,,held,,\nboard,regular,,2024-08-01,,held,,\n",
     "2024-12-01", {"2022": "met", "2023": "met", "2024": "met", "2025": "open"}),
    # `before` 1 month a Summit of 2023-06-15: due in [2023-05-15, 2023-06-14].
    ("before-first-day", _BEFORE_1M, "summit,regular,,2023-06-15,,held,,\nboard,regular,,2023-05-15,,held,,\n", "2023-12-01", {"2023-05-15..2023-06-14": "met"}),
    ("before-day-earlier", _BEFORE_1M, "summit,regular,,2023-06-15,,held,,\nboard,regular,,2023-05-14,,held,,\n", "2023-12-01", {"2023-05-15..2023-06-14": "missed"}),
    ("before-same-day", _BEFORE_1M, "summit,regular,,2023-06-15,,held,,\nboard,regular,,2023-06-15,,held,,\n", "2023-12-01", {"2023-05-15..2023-06-14": "missed"}),
    ("before-eve", _BEFORE_1M, "summit,regular,,2023-06-15,,held,,\nboard,regular,,2023-06-14,,held,,\n", "2023-12-01", {"2023-05-15..2023-06-14": "met"}),
    # 31 March less one month is 28 February (2023 is no leap year): due in [02-28, 03-30].
    ("before-month-end", _BEFORE_1M, "summit,regular,,2023-03-31,,held,,\nboard,regular,,2023-02-28,,held,,\n", "2023-12-01", {"2023-02-28..2023-03-30": "met"}),
    ("before-month-end-earlier", _BEFORE_1M, "summit,regular,,2023-03-31,,held,,\nboard,regular,,2023-02-27,,held,,\n", "2023-12-01", {"2023-02-28..2023-03-30": "missed"}),
    # at_most once a year: a cancelled and a postponed meeting were not held, an extraordinary
    # one is not of a kind the rule counts; a planned one whose day passed unconfirmed may have
    # been held (uncertain, never excess); two held regular ones are excess.
    ("at-most-not-held", _AT_MOST_YEAR, "board,regular,,2021-03-01,,held,,\nboard,regular,,2021-06-01,,cancelled,,\nboard,regular,,2021-09-01,,postponed,,\n", "2022-01-15", {"2021": "met", "2022": "open"}),
    ("at-most-other-kind", _AT_MOST_YEAR, "board,regular,,2021-03-01,,held,,\nboard,extraordinary,,2021-06-01,,held,,\n", "2022-01-15", {"2021": "met", "2022": "open"}),
    ("at-most-unconfirmed", _AT_MOST_YEAR, "board,regular,,2021-03-01,,held,,\nboard,regular,,2021-06-01,,planned,,\n", "2022-01-15", {"2021": "uncertain", "2022": "open"}),
    ("at-most-excess", _AT_MOST_YEAR, "board,regular,,2021-03-01,,held,,\nboard,regular,,2021-06-01,,held,,\n", "2022-01-15", {"2021": "excess", "2022": "open"}),
    # at_most once a quarter: a meeting known only as 2021 may have been in Q4 beside 2021-12-01:
    # Q4 uncertain; Q1-Q3 hold at most one whatever its day (met).
    ("at-most-loose", _body("", 'kind = "at_most"\ncount = 1\nper = "quarter"'), "board,regular,,2021-12-01,,held,,\nboard,regular,,2021,,held,,\n",
     "2022-06-15", {"2021 Q1": "met", "2021 Q2": "met", "2021 Q3": "met", "2021 Q4": "uncertain", "2022 Q1": "met", "2022 Q2": "open"}),
    # An `on` rule (the third Tuesday of September: 2021-09-21, 2022-09-20, 2023-09-19): a meeting
    # known only to the month or year may have been on the day (uncertain); a planned meeting
    # on the day whose date passed unconfirmed too, a cancelled one on a wrong day never counts;
    # nothing held in 2023 is missed.
    ("on-loose", _ON_3RD_TUESDAY, "board,regular,,2021-09,,held,,\nboard,regular,,2022,,held,,\nboard,regular,,2023-09-19,2023-09-20,held,,\n",
     "2024-01-15", {"2021-09-21": "uncertain", "2022-09-20": "uncertain", "2023-09-19": "met", "2024-09-17": "open"}),
    ("on-unconfirmed", _ON_3RD_TUESDAY, "board,regular,,2021-09-21,,held,,\nboard,regular,,2022-09-21,,cancelled,,\nboard,regular,,2022-09-20,,planned,,\n",
     "2024-01-15", {"2021-09-21": "met", "2022-09-20": "uncertain", "2023-09-19": "missed", "2024-09-17": "open"}),
    # `within = "6m"` of financial years from 1 April: due 04-01..09-30. 2020-09-30 met,
    # 2021-10-01 one day outside (missed), 2022-04-01 met on the first day.
    ("within-edges", _body("", 'kind = "at_least"\ncount = 1\nper = "year"\nwithin = "6m"\nyear_start = "04-01"\nsince = 2020-04-01'),
     "board,regular,,2020-09-30,,held,,\nboard,regular,,2021-10-01,,held,,\nboard,regular,,2022-04-01,,held,,\n",
     "2023-01-01", {"2020-04..2020-09": "met", "2021-04..2021-09": "missed", "2022-04..2022-09": "met"}),
    # first_within 30 days of 2020-03-01: by 2020-03-31. On that day met, a day later late;
    # known only as 2020-03 every day it may mean is in time (met), as 2020-04 none is (late).
    ("first-within-last-day", _FIRST_WITHIN, "board,regular,,2020-03-31,,held,,\n", "2020-12-01", {"2020-03-01..2020-03-31": "met"}),
    ("first-within-day-after", _FIRST_WITHIN, "board,regular,,2020-04-01,,held,,\n", "2020-12-01", {"2020-03-01..2020-03-31": "late"}),
    ("first-within-month", _FIRST_WITHIN, "board,regular,,2020-03,,held,,\n", "2020-12-01", {"2020-03-01..2020-03-31": "met"}),
    ("first-within-next-month", _FIRST_WITHIN, "board,regular,,2020-04,,held,,\n", "2020-12-01", {"2020-03-01..2020-03-31": "late"}),
    # Versions of a rolling rule meeting in the middle of a window: every 2 years until
    # 2020-06-30, then every year. From 2019-03-01 the window opening 2019-03-02 belongs to the
    # first version: due 2021, met by 2021-09-01; then yearly: 2022 missed, 2023 open.
    ("rolling-versions-mid-window", _body("", 'id = "e"\nkind = "every"\ninterval = "2y"\nuntil = 2020-06-30', 'id = "e"\nkind = "every"\ninterval = "1y"\nsince = 2020-07-01'),
     "board,regular,,2019-03-01,,held,,\nboard,regular,,2021-09-01,,held,,\n", "2023-01-15", {"2021": "met", "2022": "missed", "2023": "open"}),
]


@pytest.mark.parametrize(("name", "book", "rows", "today", "expected"), BOUNDARIES, ids=[b[0] for b in BOUNDARIES])
def test_boundaries(tmp_path, name, book, rows, today, expected):
    """Each row of BOUNDARIES, worked out by hand in the comment above it."""
    out = _run(tmp_path, "check", book, rows, "--today", today)
    assert _verdicts(out) == expected
    assert out["summary"]["violations"] == sum(1 for v in expected.values() if v in {"late", "missed", "excess", "off_date"})


# -- count_by = "event": counted apart only when the register proves them apart ---------------------

_EVENTS_TWICE = _body("", 'kind = "at_least"\ncount = 2\nper = "year"\ncount_by = "event"')


@pytest.mark.parametrize(
    ("rows", "verdict", "words"),
    [
        # Bern on 11-10 and, the day after, a session with no city: held in Bern it joins the
        # 10 November event (one event: 2021 short, 1 of 2), held elsewhere it is a second
        # event (met). The city decides and the register does not give it: uncertain (it was
        # met: a missing city was read as another city).
        ("board,regular,1,2021-11-10,,held,Bern,\nboard,regular,2,2021-11-11,,held,,\n", "uncertain", "no city is recorded to tell whether Board 2021-11-11 (2nd)"),
        # Bern, some day of November, and Bern on 11-11: opened 11-10..11-12 the two are one
        # event, on another day two. The day decides: uncertain (it was met: a session known
        # only to the month was never joined to any).
        ("board,regular,1,2021-11,,held,Bern,\nboard,regular,2,2021-11-11,,held,Bern,\n", "uncertain", "the register does not give the days to tell whether Board 2021-11-11 (2nd, Bern)"),
        # Certain either way: Bern and Geneva are apart (met); Bern on 11-10 and 11-11 are one
        # event (1 of 2: missed); a video conference beside a meeting in Bern is apart (met).
        ("board,regular,1,2021-11-10,,held,Bern,\nboard,regular,2,2021-11-11,,held,Geneva,\n", "met", ""),
        ("board,regular,1,2021-11-10,,held,Bern,\nboard,regular,2,2021-11-11,,held,Bern,\n", "missed", ""),
    ],
    ids=["no-city", "month-only", "two-cities", "one-event"],
)
def test_sessions_counted_apart_only_when_the_register_proves_them_apart(tmp_path, rows, verdict, words):
    """README, `count_by = "event"`: sessions in the same city opening within the first one's
    days or the day after are one event; where the register does not say (no city, a day
    known only to the month), a window that depends on it is uncertain, never met or missed."""
    out = _run(tmp_path, "check", _EVENTS_TWICE, rows, "--today", "2022-01-15")
    (found,) = [f for f in out["findings"] if f["window"]["label"] == "2021"]
    assert found["verdict"] == verdict and words in found["why"]


def test_an_event_cap_is_not_broken_by_a_session_that_may_have_joined_it(tmp_path):
    """At most one event a year: Bern on 2021-11-10 and a session with no city on 11-11 are
    one event if it was in Bern (1: within the cap) and two otherwise (excess). Uncertain,
    never excess (it was excess)."""
    book = _body("", 'kind = "at_most"\ncount = 1\nper = "year"\ncount_by = "event"')
    out = _run(tmp_path, "check", book, "board,regular,1,2021-11-10,,held,Bern,\nboard,regular,2,2021-11-11,,held,,\n", "--today", "2022-01-15")
    assert _verdicts(out)["2021"] == "uncertain" and out["summary"]["violations"] == 0


def test_an_excused_period_covering_part_of_a_window_is_named_not_applied(tmp_path):
    """README: `excused` periods' due periods are not judged. At least once a year from 2019,
    excused March 2020 to June 2021: neither 2020 (January and February are not excused) nor
    2021 (July to December are not) lies wholly inside it, so both are judged: missed, as
    nothing was held. The why says why the excuse did not apply (it said nothing of it)."""
    book = _body("", 'kind = "at_least"\ncount = 1\nper = "year"\nsince = 2019\nexcused = [{ start = "2020-03", end = "2021-06", reason = "pandemic" }]')
    out = _run(tmp_path, "check", book, "board,regular,,2019-03-01,,held,,\n", "--today", "2022-06-01")
    assert _verdicts(out) == {"2019": "met", "2020": "missed", "2021": "missed", "2022": "open"}
    whys = {f["window"]["label"]: f["why"] for f in out["findings"]}
    assert whys["2020"].endswith("Not excused: the excused period 2020-03 to 2021-06 (pandemic) covers only part of 2020.")
    assert "Not excused" in whys["2021"] and "Not excused" not in whys["2019"] + whys["2022"]


# -- a meeting that opens while the previous one still runs ---------------------------------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # The 1st Board runs 2020-12-30..2021-01-02; the 2nd opens on 2021-01-02, its last day.
        # `every 1y` rolling: after the 1st (period 2020) the next is due by the end of 2021. The
        # 2nd is the next meeting to open after the 1st: 2021 is met, and the 2nd's own window
        # (2022) is open on 2022-03-01. It used to be missed: the window began the day after the
        # 1st's last day, 2021-01-03, and the 2nd opened a day before it.
        ("board,regular,1,2020-12-30,2021-01-02,held,Bern,Switzerland\nboard,regular,2,2021-01-02,,held,Bern,Switzerland\n", {"2021": "met", "2022": "open"}),
        # Without the overlap nothing changes: the 2nd on 2021-01-03 is the first day of the window.
        ("board,regular,1,2020-12-30,2021-01-02,held,Bern,Switzerland\nboard,regular,2,2021-01-03,,held,Bern,Switzerland\n", {"2021": "met", "2022": "open"}),
        # A meeting opening on the same day as the 1st does not follow it: one window, due 2021,
        # naming both origins (two origins in one period), missed on 2022-03-01.
        ("board,regular,1,2020-12-30,2021-01-02,held,Bern,Switzerland\nboard,regular,2,2020-12-30,,held,Bern,Switzerland\n", {"2021": "missed", "2022": "open"}),
    ],
)
def test_a_meeting_opening_while_the_previous_one_runs_is_the_next_one(tmp_path, rows, expected):
    book = _body("established = 2019-01-01", 'id = "yearly"\nkind = "every"\ninterval = "1y"\nsource = "test"')
    out = _run(tmp_path, "check", book, rows, "--today", "2022-03-01")
    got = _verdicts(out)
    assert {k: got.get(k) for k in expected} == expected, got


def test_a_gap_window_after_a_meeting_another_opens_during_holds_that_meeting(tmp_path):
    """`max_gap = "30d"`; the 1st on 2021-06-01..10, the 2nd opens on 2021-06-05 while the 1st
    runs, the 3rd on 2021-07-04. The 2nd is the next meeting after the 1st (a gap of 4 days), so
    the window after the 1st opens on 2021-06-02 and closes 30 days after 06-01, on 07-01: it holds
    the meeting it counts. (It began on 06-11, after the 1st's last day, and was met by a
    meeting outside it, listed after the 2nd's window.) The 2nd's window, 06-06..07-05, is met
    by the 3rd: 29 days."""
    book = _body("established = 2021-01-01", 'id = "gap"\nkind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "30d"\nsource = "test"')
    rows = "board,regular,1,2021-06-01,2021-06-10,held,Bern,Switzerland\nboard,regular,2,2021-06-05,,held,Bern,Switzerland\nboard,regular,3,2021-07-04,,held,Bern,Switzerland\n"
    out = _run(tmp_path, "check", book, rows, "--today", "2021-12-01")
    gaps = [(f["window"]["label"], f["verdict"]) for f in out["findings"] if ".." in f["window"]["label"]]
    assert gaps == [("2021-06-02..2021-07-01", "met"), ("2021-06-06..2021-07-05", "met"), ("2021-07-05..2021-08-03", "missed")]
