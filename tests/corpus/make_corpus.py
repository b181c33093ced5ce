"""Writes the bad-input corpus: one hostile or extreme file per scenario, and ``cases.toml``
with what planner must answer for each (exit code, where, and the words of the message).

Run it after adding a case: ``python tests/corpus/make_corpus.py``. The files are fixtures
checked in as written; ``tests/test_corpus.py`` runs every one through the CLI. A case is
``(folder, file name, content, exit, where, says)``; ``where`` is a line (``"3"``), a line and
column, a key path, or ``None`` for the whole file; ``says`` is part of the one-line message
(for exit 0, of a ``warning:``/``note:`` line; ``None``: no message required).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMAL = (HERE.parent / "rulebooks" / "valid" / "minimal.toml").read_text(encoding="utf-8")
CASES: list[tuple[str, str, str | bytes, int, str | None, str | None]] = []


def case(folder: str, name: str, content: str | bytes, exit: int = 2, where: str | None = None, says: str | None = None) -> None:
    CASES.append((folder, name, content, exit, where, says))


def rb(old: str, new: str, *, count: int = 1) -> str:
    """The minimal rule book with one text replaced (the replacement must happen)."""
    assert MINIMAL.count(old) >= count, old
    return MINIMAL.replace(old, new, count)


def add_rule_field(field: str) -> str:
    """The minimal rule book with ``field`` added to the Summit's rule."""
    return rb('source = "Charter, art. 5"', f'source = "Charter, art. 5"\n{field}')


ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//corpus//EN\r\n{events}END:VCALENDAR\r\n"


def ics(*props: str, summary: str = "Summit") -> str:
    body = "".join(f"{p}\r\n" for p in props)
    return ICS.format(events=f"BEGIN:VEVENT\r\nUID:corpus-1\r\nSUMMARY:{summary}\r\n{body}END:VEVENT\r\n")


# --- rule books: what TOML itself cannot hold --------------------------------------------------
case("rulebook", "integer_5000_digits.toml", rb("count = 2", "count = " + "9" * 5000), 2, None, "TOML value cannot be read: Exceeds the limit (4300 digits)")
case("rulebook", "nested_arrays_5000.toml", MINIMAL + "\nx = " + "[" * 5000 + "]" * 5000 + "\n", 2, None, "is nested too deeply to read")
case("rulebook", "nested_inline_tables_3000.toml", "a = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n", 2, None, "is nested too deeply to read")
case("rulebook", "nested_arrays_20.toml", rb("months = [10]", "months = " + "[" * 20 + "10" + "]" * 20), 2, "bodies[0].months" + "[0]" * 13, "is nested more than 16 levels deep")
# --- rule books: dates that are not plain dates (issue 9: every date field refuses a datetime) -------
for field, text in {
    "established": ("established = 2002", "established = 2002-06-01T10:00:00"),
    "established_midnight": ("established = 2002", "established = 2002-06-01T00:00:00"),
    "established_offset": ("established = 2002", "established = 2002-06-01T10:00:00+05:00"),
    "established_local_time": ("established = 2002", "established = 10:00:00"),
}.items():
    where = "bodies[0].established"
    says = "is a time of day" if "local_time" in field else "is a date and time"
    case("rulebook", f"datetime_{field}.toml", rb(*text), 2, where, says)
for field in ("since", "until", "anchor"):
    extra = 'mode = "grid"\n' if field == "anchor" else ""
    case("rulebook", f"datetime_rule_{field}.toml", add_rule_field(f"{extra}{field} = 2010-01-01T09:30:00"), 2, f"bodies[0].rules[0].{field}", "is a date and time")
case("rulebook", "datetime_member_joined.toml", rb('code = "AT"', 'code = "AT"\njoined = 1995-01-01T00:00:00'), 2, "organization.members[0].joined", "is a date and time")
case("rulebook", "datetime_blackout.toml", rb("[[organization.members]]", "[[organization.blackout]]\nstart = 2026-12-24T00:00:00\n\n[[organization.members]]"), 2, "organization.blackout[0].start", "is a date and time")
case(
    "rulebook",
    "datetime_chairmanship_since.toml",
    rb("[[bodies]]", '[chairmanship]\nterm = "2y"\nsince = 2010-06-08T12:00:00\n\n[[bodies]]'),
    2,
    "chairmanship.since",
    "is a date and time",
)
case("rulebook", "date_year_0001.toml", add_rule_field("since = 0001-01-01"), 2, "bodies[0].rules[0].since", "is out of range")
case("rulebook", "date_year_9999.toml", add_rule_field("until = 9999-12-31"), 2, "bodies[0].rules[0].until", "is out of range")
# --- rule books: strictly typed ------------------------------------------------------------------
for name, field, where, says in [
    ("binding_yes", 'binding = "yes"', "binding", "is not true or false (got 'yes'"),
    ("binding_1", "binding = 1", "binding", "is not true or false (got 1"),
    ("binding_true_text", 'binding = "true"', "binding", "is not true or false (got 'true'"),
    ("source_number", "note = 5", "note", "is not text"),
    ("counts_text", 'counts = "regular"', "counts", "is not an array"),
]:
    case("rulebook", f"strict_{name}.toml", add_rule_field(field), 2, f"bodies[0].rules[0].{where}", says)
case("rulebook", "strict_count_float.toml", rb("count = 2", "count = 2.0"), 2, "bodies[2].rules[0].count", "is not a whole number")
case("rulebook", "strict_count_text.toml", rb("count = 2", 'count = "2"'), 2, "bodies[2].rules[0].count", "is not a whole number (got '2'")
case("rulebook", "strict_duration_days_text.toml", rb("months = [10]", 'months = [10]\nduration_days = "2"'), 2, "bodies[0].duration_days", "is not a whole number")
case("rulebook", "strict_months_text.toml", rb("months = [10]", 'months = ["10"]'), 2, "bodies[0].months[0]", "is not a whole number")
case("rulebook", "strict_name_number.toml", rb('name = "Demonstration Organization"', "name = 42"), 2, "organization.name", "is not text")
# --- rule books: counts and sizes that cannot be projected ------------------------------------
case("rulebook", "count_million_per_month.toml", rb('count = 2\nper = "year"', 'count = 1000000\nper = "month"'), 2, "bodies[2].rules[0].count", "is more meetings than a month has days")
case("rulebook", "count_1e22_per_year.toml", rb("count = 2", "count = 10000000000000000000000"), 2, "bodies[2].rules[0].count", "is more meetings than a year has days")
case("rulebook", "count_93_per_quarter.toml", rb('count = 2\nper = "year"', 'count = 93\nper = "quarter"'), 2, "bodies[2].rules[0].count", "at most 92")
case("rulebook", "count_zero.toml", rb("count = 2", "count = 0"), 2, "bodies[2].rules[0].count", "is too small")
case("rulebook", "count_negative.toml", rb("count = 2", "count = -1"), 2, "bodies[2].rules[0].count", "is too small")
case("rulebook", "body_id_all.toml", rb('id = "committee"', 'id = "all"'), 2, "bodies[2].id", "is a name planner writes")
case("rulebook", "body_id_index.toml", rb('id = "committee"', 'id = "index"'), 2, "bodies[2].id", "is a name planner writes")
case("rulebook", "body_id_300_chars.toml", rb('id = "committee"', f'id = "{"c" * 300}"'), 2, "bodies[2].id", "is longer than 64 characters")


def chain(n: int) -> str:
    """A rule book of ``n`` bodies, each one year after the one before (the first two keep the
    ids of the minimal register's bodies)."""
    head = MINIMAL.split("[[bodies]]")[0]
    bodies = ['[[bodies]]\nid = "b0"\nname = "B0"\ncategory = "working"\n[[bodies.rules]]\nkind = "every"\ninterval = "1y"\n']
    bodies += [f'[[bodies]]\nid = "b{i}"\nname = "B{i}"\ncategory = "working"\n[[bodies.rules]]\nkind = "after"\nbody = "b{i - 1}"\noffset = "1y"\n' for i in range(1, n)]
    return head + "\n".join(bodies).replace('"b0"', '"summit"').replace('"b1"', '"council"')


case("rulebook", "after_chain_1200.toml", chain(1200), 0, None, None)
case("rulebook", "after_cycle_1200.toml", chain(1200).replace('kind = "every"\ninterval = "1y"', 'kind = "after"\nbody = "b1199"\noffset = "1y"'), 2, "bodies", "after/before rules form a cycle: b10 -> b9 -> b8 -> b7 -> ... 1194 more ... -> b12 -> b11 -> b10")

# --- registers of meetings ------------------------------------------------------------------------
case("meetings", "json_integer_5000_digits.json", '[{"body": "summit", "start": "2002", "ordinal": ' + "9" * 5000 + "}]", 2, None, "JSON value cannot be read")
case("meetings", "json_nested_5000.json", "[" * 5000 + "]" * 5000, 2, None, "is nested too deeply to read")
case("meetings", "json_nested_20.json", '[{"body": "summit", "start": "2002", "title": ' + "[" * 20 + "]" * 20 + "}]", 2, "meetings[0].title" + "[0]" * 14, "is nested more than 16 levels deep")
case("meetings", "json_lone_surrogate.json", '[{"body": "summit", "start": "2002-06-04", "title": "\\ud800"}]', 2, "meetings[0].title", "is not valid Unicode text")
case("meetings", "json_lone_surrogate_key.json", '{"meetings": [{"body": "summit", "start": "2002-06-04", "\\udfff": 1}]}', 2, "meetings[0]", "holds a key that is not valid Unicode")
case("meetings", "json_ordinal_2_31.json", '[{"body": "summit", "start": "2002-06-04", "ordinal": 2147483648}]', 2, "meetings[0]", "ordinal: is too large (got 2147483648")
case("meetings", "csv_ordinal_2_31.csv", "body,start,ordinal\nsummit,2002-06-04,2147483648\n", 2, "2", "ordinal: is too large")
case("meetings", "csv_ordinal_1e30.csv", "body,start,ordinal\nsummit,2002-06-04,1000000000000000000000000000000\n", 2, "2", "ordinal: is too large")
case("meetings", "csv_carriage_return_formula.csv", 'body,start,title\nsummit,2002-06-04,"a\r=HYPERLINK(""x"")"\n', 0, None, None)
case("meetings", "ics_dtstart_six_digits.ics", ics("DTSTART:100000"), 2, "VEVENT 1 'Summit'", "DTSTART: is not a date (got '100000'")
case("meetings", "ics_dtend_six_digits.ics", ics("DTSTART;VALUE=DATE:20260101", "DTEND:100000"), 2, "VEVENT 1 'Summit'", "DTEND: is not a date")
case("meetings", "ics_year_9999.ics", ics("DTSTART;VALUE=DATE:99991231"), 2, "VEVENT 1 'Summit'", "DTSTART: '9999-12-31' is out of range")
case("meetings", "ics_year_9999_duration.ics", ics("DTSTART;VALUE=DATE:99991231", "DURATION:P3D"), 2, "VEVENT 1 'Summit'", "the event ends after the year 9999")
case("meetings", "ics_year_0001.ics", ics("DTSTART;VALUE=DATE:00010101"), 2, "VEVENT 1 'Summit'", "DTSTART: '0001-01-01' is out of range")
case("meetings", "ics_ordinal_2_31.ics", ics("DTSTART;VALUE=DATE:20260101", "X-PLANNER-ORDINAL:2147483648"), 2, "VEVENT 1 'Summit'", "ordinal: is too large")

# --- chair registers ------------------------------------------------------------------------
case("chairs", "json_nested_5000.json", "[" * 5000 + "]" * 5000, 2, None, "is nested too deeply to read")
case("chairs", "json_integer_5000_digits.json", '[{"country": "Austria", "ordinal": ' + "7" * 5000 + "}]", 2, None, "JSON value cannot be read")
case("chairs", "csv_ordinal_2_31.csv", "country,start,ordinal\nAustria,2002-06-04,2147483648\n", 2, "2", "ordinal: is too large")

# --- plan files (laid on the embedded CICA data) --------------------------------------------
case("plan", "unknown_country.txt", "# plan\nAzerbaijan\n\nNarnia\n", 2, "4", "'Narnia' is not a member state of CICA")
case("plan", "twice_in_a_row.txt", "Kyrgyzstan\nKyrgyzstan\n", 2, "2", "Kyrgyzstan would chair twice in a row")
case("plan", "too_many.txt", "Kyrgyzstan\nThailand\nChina\nIndia\nIran\nIraq\nQatar\nEgypt\n", 2, "7", "no handover meeting left for Qatar")
case("plan", "utf16.txt", b"\xff\xfeK\x00", 2, None, "is UTF-16; plan must be UTF-8")
case("plan", "only_comments.txt", "# nobody yet\n\n", 2, None, "names no country")

# --- state files of a feed folder: damaged, they are reported and ignored ----------------------
STATE_SAYS = "state file is damaged and was ignored"
case("state", "sequence_1e400.json", json.dumps({"version": 1, "events": {"x@planner": {"fingerprint": "f", "sequence": 1}}}).replace('"sequence": 1', '"sequence": 1e400'), 0, None, STATE_SAYS)
case("state", "nested_5000.json", "[" * 5000 + "]" * 5000, 0, None, STATE_SAYS)
case("state", "not_json.json", "{not json", 0, None, STATE_SAYS)
case("state", "integer_5000_digits.json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": ' + "9" * 5000 + ', "last_modified": "2026-01-01T00:00:00"}}}', 0, None, STATE_SAYS)
case("state", "events_not_an_object.json", '{"version": 1, "events": 3}', 0, None, STATE_SAYS)
case("state", "negative_sequence.json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": -1, "last_modified": "2026-01-01T00:00:00"}}}', 0, None, STATE_SAYS)
case("state", "bad_timestamp.json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": 1, "last_modified": "yesterday"}}}', 0, None, STATE_SAYS)
case("state", "binary.json", b"\x00\x01\x02", 0, None, STATE_SAYS)


def main() -> None:
    folders = sorted({c[0] for c in CASES})
    for folder in folders:
        shutil.rmtree(HERE / folder, ignore_errors=True)
        (HERE / folder).mkdir()
    lines = ["# Written by make_corpus.py: what planner must answer for each file of the corpus.", ""]
    seen = set()
    for folder, name, content, code, where, says in CASES:
        assert (folder, name) not in seen, name
        seen.add((folder, name))
        path = HERE / folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogatepass"))
        lines.append(f'["{folder}/{name}"]')
        lines.append(f"exit = {code}")
        if where is not None:
            lines.append(f"where = {json.dumps(where)}")
        if says is not None:
            lines.append(f"says = {json.dumps(says)}")
        lines.append("")
    (HERE / "cases.toml").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
