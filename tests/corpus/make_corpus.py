"""Writes the bad-input corpus: one hostile or extreme file per scenario, and ``cases.toml``
with what planner must answer for each (exit code, where, and the words of the message).

Run it after adding a case: ``python tests/corpus/make_corpus.py``. The files are fixtures
checked in as written; ``tests/hostile/test_corpus.py`` runs every one through the CLI. A case is
``(folder, file name, content, exit, where, says)``; ``where`` is a line (``"3"``), a line and
column, a key path, or ``None`` for the whole file; ``says`` is part of the one-line message
(for exit 0, of a ``warning:``/``note:`` line; ``None``: no message required).
"""

from __future__ import annotations

import codecs
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
# min_gap apart, count meetings cannot fit in one period: no register could ever meet the rule
case("rulebook", "min_gap_400d_twice_a_year.toml", rb("count = 2", 'count = 2\nmin_gap = "400d"'), 2, "bodies[2].rules[0].min_gap", "cannot be held 2 times in one year")
case("rulebook", "min_gap_1y_twice_a_year.toml", rb("count = 2", 'count = 2\nmin_gap = "1y"'), 2, "bodies[2].rules[0].min_gap", "cannot be held 2 times in one year")
case("rulebook", "min_gap_12m_twice_a_year.toml", rb("count = 2", 'count = 2\nmin_gap = "12m"'), 2, "bodies[2].rules[0].min_gap", "meetings 12m apart (min_gap)")
case("rulebook", "count_zero.toml", rb("count = 2", "count = 0"), 2, "bodies[2].rules[0]", "count = 0 judges only the longest gap, but the rule has no max_gap")
case("rulebook", "on_weekday_list_bad_day.toml", rb('kind = "every"\ninterval = "4y"', 'kind = "on"\nmonth = 10\nweekday = ["mon", "xyz"]\nnth = 1'), 2, "bodies[0].rules[0].weekday[1]", "'xyz' is not one of mon, tue, wed, thu, fri, sat or sun")
case("rulebook", "on_weekday_list_with_after.toml", rb('kind = "every"\ninterval = "4y"', 'kind = "on"\nweekday = ["mon", "tue"]\nafter = { weekday = "mon", nth = 1, month = 1 }'), 2, "bodies[0].rules[0]", "(a list) counts the days of a month that fall on them: use it with nth and month only")
case("rulebook", "count_negative.toml", rb("count = 2", "count = -1"), 2, "bodies[2].rules[0].count", "is too small")
case("rulebook", "body_id_all.toml", rb('id = "committee"', 'id = "all"'), 2, "bodies[2].id", "is a name planner writes")
case("rulebook", "body_id_index.toml", rb('id = "committee"', 'id = "index"'), 2, "bodies[2].id", "is a name planner writes")
case("rulebook", "body_id_300_chars.toml", rb('id = "committee"', f'id = "{"c" * 300}"'), 2, "bodies[2].id", "is longer than 64 characters")
# --- rule books: names, ids and texts past their length (eighth pass) ---------------------------
case("rulebook", "organization_id_65_chars.toml", rb('id = "demo"', f'id = "{"d" * 65}"'), 2, "organization.id", "is longer than 64 characters (65)")
case("rulebook", "body_name_201_chars.toml", rb('name = "Summit of Heads of State"', f'name = "{"S" * 201}"'), 2, "bodies[0].name", "is longer than 200 characters (201)")
case("rulebook", "alias_201_chars.toml", rb('"Summit Meeting"', f'"{"a " * 100}b"'), 2, "bodies[0].aliases[0]", "is longer than 200 characters (201)")
case("rulebook", "member_name_10000_chars.toml", rb('name = "Austria"', f'name = "{"Austria " * 1250}"'), 2, "organization.members[0].name", "is longer than 200 characters (10,000)")
case("rulebook", "source_2001_chars.toml", rb('source = "Charter, art. 5"', f'source = "{"x" * 2001}"'), 2, "bodies[0].rules[0].source", "is longer than 2,000 characters (2,001)")
case("rulebook", "rule_id_100_chars.toml", add_rule_field(f'id = "{"r" * 100}"'), 2, "bodies[0].rules[0].id", "is longer than 64 characters (100)")
case("rulebook", "key_201_chars.toml", rb("months = [10]", f'months = [10]\n{"k" * 201} = 1'), 2, "bodies[0]", "holds a key longer than 200 characters (201)")
case("rulebook", "every_string_10000_chars.toml", __import__("re").sub(r'= "[^"]*"', lambda m: '= "' + "a b " * 2500 + '"', MINIMAL), 2, "organization.id", "is longer than 64 characters (10,000)")


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
case("meetings", "ics_year_9999.ics", ics("DTSTART;VALUE=DATE:99991231"), 2, "VEVENT 1 'Summit'", "DTSTART: '99991231' makes the event's first day 9999-12-31 (in Europe/Vienna), out of range")
case("meetings", "ics_year_9999_duration.ics", ics("DTSTART;VALUE=DATE:99991231", "DURATION:P3D"), 2, "VEVENT 1 'Summit'", "the event ends after the year 9999")
case("meetings", "ics_year_0001.ics", ics("DTSTART;VALUE=DATE:00010101"), 2, "VEVENT 1 'Summit'", "DTSTART: '00010101' makes the event's first day 0001-01-01 (in Europe/Vienna), out of range")
case("meetings", "ics_ordinal_2_31.ics", ics("DTSTART;VALUE=DATE:20260101", "X-PLANNER-ORDINAL:2147483648"), 2, "VEVENT 1 'Summit'", "ordinal: is too large")
# --- registers: the eighth pass's shapes (tests/hostile/test_hostile8.py runs the large ones) ----------
case("meetings", "bom_crlf_lf_cr_mixed.csv", b"\xef\xbb\xbfbody,start,status\r\nsummit,2002-10-01,held\nsummit,2006-10-01,held\rsummit,2010-10-01,held\r\ncommittee,2024-03-01,held\n", 0)
case("meetings", "quoted_newlines_every_column.csv", '"bo\ndy","sta\nrt","sta\r\ntus"\n"sum\nmit","2002-\n10-01","he\nld"\n', 2, "1", "missing columns body, start")
case("meetings", "quoted_newlines_in_values.csv", 'body,start,status,city,title,source\nsummit,2006-10-01,held,"Vie\nnna","line1\r\n=cmd|x\rline3","http://a\nb"\n', 0)
case("meetings", "quoted_newline_in_date.csv", 'body,start\nsummit,"2002-\n10-01"\n', 2, "3", "start")  # a row of several lines is named by its last
case("meetings", "json_key_twice_at_top.json", '{"meetings": [], "meetings": [{"body": "summit", "start": "2002-10-01"}]}', 2, None, "key 'meetings' appears twice")
case("meetings", "json_key_twice_in_entry.json", '[{"body": "summit", "start": "2002-10-01", "start": "2003-10-01"}]', 2, "meetings[0]", "key 'start' appears twice in one entry")
case("meetings", "ics_vevent_without_dtstart.ics", ics("DTEND;VALUE=DATE:20101013"), 2, "VEVENT 1 'Summit'", "event has no DTSTART")
case("meetings", "ics_override_of_missing_series.ics", ics("RECURRENCE-ID;VALUE=DATE:20101012", "DTSTART;VALUE=DATE:20101014"), 0, None, "of a recurring series the file does not hold")
case("meetings", "ics_override_of_missing_series_utc.ics", ics("RECURRENCE-ID:20101012T100000Z", "DTSTART:20101014T100000Z"), 0, None, "of a recurring series the file does not hold")
case("meetings", "ics_exdate_list_2000.ics", ics("DTSTART;VALUE=DATE:20100101", "RRULE:FREQ=YEARLY;COUNT=20", "EXDATE;VALUE=DATE:" + ",".join(f"{2010 + i // 300}{1 + i % 12:02d}{1 + i % 28:02d}" for i in range(2000))), 0)
case("meetings", "ics_folded_line_64k.ics", ics("DTSTART;VALUE=DATE:20101012", "\r\n ".join(("DESCRIPTION:" + "y" * 65536)[i : i + 74] for i in range(0, 65548, 74))), 0)

# --- texts of a register past a CSV cell's length (131,072 characters), in JSON and .ics ------
LONG = "y" * 131_073
TOO_LONG = "is longer than 131,072 characters (131,073)"
case("meetings", "json_title_131073_chars.json", '[{"body": "summit", "start": "2002-06-04", "title": "' + LONG + '"}]', 2, "meetings[0]", f"title: {TOO_LONG}")
case("meetings", "json_documents_item_131073_chars.json", '[{"body": "summit", "start": "2002-06-04", "documents": ["Declaration", "' + LONG + '"]}]', 2, "meetings[0]", f"documents: {TOO_LONG}")
case("meetings", "ics_location_131073_chars.ics", ics("DTSTART;VALUE=DATE:20101012", "LOCATION:" + LONG), 2, "VEVENT 1 'Summit'", f"LOCATION: the city it gives {TOO_LONG}")

# --- chair registers ------------------------------------------------------------------------
case("chairs", "json_nested_5000.json", "[" * 5000 + "]" * 5000, 2, None, "is nested too deeply to read")
case("chairs", "json_integer_5000_digits.json", '[{"country": "Austria", "ordinal": ' + "7" * 5000 + "}]", 2, None, "JSON value cannot be read")
case("chairs", "json_note_131073_chars.json", '{"chairs": [{"country": "Austria", "start": "2002-06-04", "note": "' + LONG + '"}]}', 2, "chairs[0]", f"note: {TOO_LONG}")
case("chairs", "csv_ordinal_2_31.csv", "country,start,ordinal\nAustria,2002-06-04,2147483648\n", 2, "2", "ordinal: is too large")

# --- plan files (laid on the embedded CICA data) --------------------------------------------
case("plan", "unknown_country.txt", "# plan\nAzerbaijan\n\nNarnia\n", 2, "4", "'Narnia' is not a member state of CICA")
case("plan", "twice_in_a_row.txt", "Kyrgyzstan\nKyrgyzstan\n", 2, "2", "Kyrgyzstan would chair twice in a row")
case("plan", "too_many.txt", "Kyrgyzstan\nThailand\nChina\nIndia\nIran\nIraq\nQatar\nEgypt\n", 2, "7", "no handover meeting left for Qatar")
case("plan", "utf16.txt", b"\xff\xfeK\x00", 2, None, "is UTF-16; plan must be UTF-8")
case("plan", "only_comments.txt", "# nobody yet\n\n", 2, None, "names no country")
case("plan", "key_value_line.txt", "Kazakhstan\nchair = China\n", 2, "2", "'chair = China' is not a member state of CICA")
case("plan", "toml_table.txt", "[plan]\nKazakhstan\n", 2, "1", "'[plan]' is not a member state of CICA")
# U+2028 and U+2029 end a line for str.splitlines, not for an editor: the lines after them were
# numbered one too far, and a name holding one was read as two
case("plan", "line_separator_after_a_name.txt", "Azerbaijan\nKyrgyzstan\u2028\nThailand\nNarnia\n", 2, "4", "'Narnia' is not a member state of CICA")
case("plan", "paragraph_separator_in_a_name.txt", "Azerbaijan\nKyrgyz\u2029stan\nNarnia\n", 2, "2", "'Kyrgyz\\u2029stan' is not a member state of CICA")
case("plan", "carriage_returns_only.txt", "Azerbaijan\rKyrgyzstan\r\rNarnia\r", 2, "4", "'Narnia' is not a member state of CICA")

# --- state files of a feed folder: damaged, they are reported and ignored ----------------------
STATE_SAYS = "state file is damaged and was ignored"
case("state", "sequence_1e400.json", json.dumps({"version": 1, "events": {"x@planner": {"fingerprint": "f", "sequence": 1}}}).replace('"sequence": 1', '"sequence": 1e400'), 0, None, STATE_SAYS)
case("state", "nested_5000.json", "[" * 5000 + "]" * 5000, 0, None, STATE_SAYS + " (nested too deeply to read)")
case("state", "not_json.json", "{not json", 0, None, STATE_SAYS)
case("state", "integer_5000_digits.json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": ' + "9" * 5000 + ', "last_modified": "2026-01-01T00:00:00"}}}', 0, None, STATE_SAYS + " (Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits);")
case("state", "events_not_an_object.json", '{"version": 1, "events": 3}', 0, None, STATE_SAYS)
case("state", "negative_sequence.json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": -1, "last_modified": "2026-01-01T00:00:00"}}}', 0, None, STATE_SAYS)
case("state", "bad_timestamp.json", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": 1, "last_modified": "yesterday"}}}', 0, None, STATE_SAYS)
case("state", "binary.json", b"\x00\x01\x02", 0, None, STATE_SAYS)

# --- recorded cases: the expected line is recorded from planner's answer when this script
# runs (``says=RECORD``) and reviewed in the diff of cases.toml, like a golden file.
RECORD = "<record>"


def rec(folder: str, name: str, content: str | bytes, exit: int = 2) -> None:
    case(folder, name, content, exit, RECORD, RECORD if exit == 2 else None)


for name, old, new in [
    ("interval_number", 'interval = "4y"', "interval = 4"),
    ("interval_words", 'interval = "4y"', 'interval = "four years"'),
    ("interval_weeks", 'interval = "4y"', 'interval = "4w"'),
    ("offset_number", 'offset = "2y"', "offset = 2"),
    ("offset_empty", 'offset = "2y"', 'offset = ""'),
    ("per_decade", 'per = "year"', 'per = "decade"'),
    ("per_number", 'per = "year"', "per = 1"),
    ("kind_number", 'kind = "every"', "kind = 1"),
    ("kind_empty", 'kind = "every"', 'kind = ""'),
    ("kind_upper", 'kind = "every"', 'kind = "EVERY"'),
    ("after_self", 'body = "summit"', 'body = "council"'),
    ("after_body_number", 'body = "summit"', "body = 7"),
    ("established_text", "established = 2002", 'established = "soon"'),
    ("established_month_13", "established = 2002", 'established = "2002-13"'),
    ("established_5_digits", "established = 2002", "established = 20020"),
    ("established_negative", "established = 2002", "established = -2002"),
    ("established_float", "established = 2002", "established = 2002.5"),
    ("established_bool", "established = 2002", "established = true"),
    ("months_zero", "months = [10]", "months = [0]"),
    ("months_text", "months = [10]", 'months = "october"'),
    ("months_nested", "months = [10]", "months = [[10]]"),
    ("months_mixed", "months = [10]", 'months = [10, "11"]'),
    ("duration_days_zero", "months = [10]", "months = [10]\nduration_days = 0"),
    ("duration_days_61", "months = [10]", "months = [10]\nduration_days = 61"),
    ("duration_days_float", "months = [10]", "months = [10]\nduration_days = 1.5"),
    ("host_unknown", "months = [10]", 'months = [10]\nhost = "king"'),
    ("host_fixed_not_member", "months = [10]", 'months = [10]\nhost = "fixed"\nhost_country = "Narnia"'),
    ("before_unknown", "months = [10]", 'months = [10]\nbefore = "nobody"'),
    ("before_self", "months = [10]", 'months = [10]\nbefore = "summit"'),
    ("category_unknown", 'category = "governing"', 'category = "secret"'),
    ("aliases_text", 'aliases = ["Summit Meeting", "Heads of State"]', 'aliases = "Summit Meeting"'),
    ("alias_is_other_id", 'aliases = ["Summit Meeting", "Heads of State"]', 'aliases = ["council"]'),
    ("id_uppercase", 'id = "summit"', 'id = "Summit"'),
    ("id_space", 'id = "summit"', 'id = "the summit"'),
    ("id_empty", 'id = "summit"', 'id = ""'),
    ("id_digit_first", 'id = "summit"', 'id = "7summit"'),
    ("id_unicode", 'id = "summit"', 'id = "sümmit"'),
    ("id_path", 'id = "summit"', 'id = "../summit"'),
    ("id_number", 'id = "summit"', "id = 1"),
    ("org_id_missing", 'id = "demo"\n', ""),
    ("org_name_empty_table", 'name = "Demonstration Organization"', "name = {}"),
    ("timezone_mars", 'timezone = "Europe/Vienna"', 'timezone = "Mars/Olympus"'),
    ("timezone_path", 'timezone = "Europe/Vienna"', 'timezone = "../../etc/passwd"'),
    ("timezone_number", 'timezone = "Europe/Vienna"', "timezone = 3"),
    ("member_code_lower", 'code = "AT"', 'code = "at"'),
    ("member_code_three", 'code = "AT"', 'code = "AUT"'),
    ("member_code_duplicate", 'code = "KZ"', 'code = "AT"'),
    ("member_joined_text", 'code = "AT"', 'code = "AT"\njoined = "long ago"'),
    ("member_unknown_key", 'code = "AT"', 'code = "AT"\nflag = "red"'),
    ("secretariat_text", 'secretariat = { city = "Vienna", country = "Austria" }', 'secretariat = "Vienna"'),
    ("secretariat_missing_city", 'secretariat = { city = "Vienna", country = "Austria" }', 'secretariat = { country = "Austria" }'),
    ("rules_empty", '[[bodies.rules]]\nkind = "at_least"', 'rules = []\n[[bodies.extra]]\nkind = "at_least"'),
    ("bodies_number", "[[bodies]]\nid = \"summit\"", "bodies = 3\n[[nothing]]\nid = \"summit\""),
    ("counts_unknown_kind", 'source = "Charter, art. 5"', 'source = "Charter, art. 5"\ncounts = ["regularly"]'),
    ("counts_empty", 'source = "Charter, art. 5"', 'source = "Charter, art. 5"\ncounts = []'),
    ("tolerance_words", 'source = "Charter, art. 5"', 'source = "Charter, art. 5"\ntolerance = "a bit"'),
    ("mode_unknown", 'source = "Charter, art. 5"', 'source = "Charter, art. 5"\nmode = "sometimes"'),
    ("grid_in_days", 'interval = "4y"', 'interval = "40d"\nmode = "grid"'),
    ("since_text", 'source = "Charter, art. 5"', 'source = "Charter, art. 5"\nsince = "yesterday"'),
    ("since_after_until", 'source = "Charter, art. 5"', 'source = "Charter, art. 5"\nsince = 2020-01-01\nuntil = 2010-01-01'),
    ("min_gap_number", 'per = "year"', 'per = "year"\nmin_gap = 60'),
    ("unknown_top_level_key", "[organization]", 'colour = "blue"\n\n[organization]'),
    ("duplicate_key", 'name = "Demonstration Organization"', 'name = "Demonstration Organization"\nname = "Again"'),
    ("duplicate_table", "[organization]", "[organization]\n[organization]"),
    ("unclosed_string", 'name = "Demonstration Organization"', 'name = "Demonstration Organization'),
    ("bad_escape", 'name = "Demonstration Organization"', 'name = "Demonstration \\q Organization"'),
    ("missing_value", 'name = "Demonstration Organization"', "name ="),
    ("unclosed_array", "months = [10]", "months = [10,"),
    ("control_character", 'name = "Demonstration Organization"', 'name = "Demonstration\x07Organization"'),
    ("key_with_space", 'name = "Demonstration Organization"', 'full name = "Demonstration Organization"'),
    ("chair_term_number", "[[bodies]]", '[chairmanship]\nterm = 2\n\n[[bodies]]'),
    ("chair_order_random", "[[bodies]]", '[chairmanship]\nterm = "2y"\norder = "random"\n\n[[bodies]]'),
    ("chair_handover_host", "[[bodies]]", '[chairmanship]\nterm = "2y"\nhandover_host = "nobody"\n\n[[bodies]]'),
    ("chair_handover_unknown", "[[bodies]]", '[chairmanship]\nterm = "2y"\nhandover_bodies = ["nobody"]\n\n[[bodies]]'),
    ("blackout_end_before_start", "[[organization.members]]", "[[organization.blackout]]\nstart = 2026-12-24\nend = 2026-12-20\n\n[[organization.members]]"),
    ("blackout_text", "[[organization.members]]", '[[organization.blackout]]\nstart = "christmas"\n\n[[organization.members]]'),
]:
    rec("rulebook", f"{name}.toml", rb(old, new))
rec("rulebook", "crlf_line_ends.toml", MINIMAL.replace("\n", "\r\n"), 0)
rec("rulebook", "emoji_and_rtl_names.toml", rb('name = "Senior Officials Committee"', 'name = "Senior Officials \U0001f30d \u0644\u062c\u0646\u0629 Committee"'), 0)
# names are matched and lined up: invisible, turned-around or multi-line names are refused
rec("rulebook", "name_rtl_override.toml", rb('name = "Senior Officials Committee"', 'name = "Senior Officials \u202eeettimmoC"'))
rec("rulebook", "alias_zero_width_space.toml", rb('"Summit Meeting"', '"Summit\u200bMeeting"'))
rec("rulebook", "alias_rlm_mark.toml", rb('"Summit Meeting"', '"Summit Meeting\u200f"'))
rec("rulebook", "alias_empty.toml", rb('"Summit Meeting"', '""'))
rec("rulebook", "name_blank.toml", rb('name = "Senior Officials Committee"', 'name = "   "'))
rec("rulebook", "name_two_lines.toml", rb('name = "Senior Officials Committee"', 'name = """Senior Officials\nCommittee"""'))
rec("rulebook", "name_tab.toml", rb('name = "Senior Officials Committee"', 'name = "Senior\tOfficials"'))
rec("rulebook", "member_name_empty.toml", rb('name = "Austria"', 'name = ""'))
rec("rulebook", "city_zero_width_joiner.toml", rb('city = "Vienna"', 'city = "Vie\u200dnna"'))
# control characters escaped in TOML text: an escape sequence would drive the terminal
rec("rulebook", "name_escape_sequence.toml", rb('name = "Senior Officials Committee"', 'name = "\\u001b[2J\\u001b[1;1HAll met"'))
rec("rulebook", "source_bell.toml", rb('source = "Charter, art. 5"', 'source = "Charter\\u0007"'))
rec("rulebook", "source_c1_csi.toml", rb('source = "Charter, art. 5"', 'source = "Charter\\u009b2J"'))
rec("rulebook", "note_multi_line.toml", rb('source = "Charter, art. 5"', 'source = """Charter,\n\tart. 5"""'), 0)
rec("rulebook", "nul_byte.toml", MINIMAL.replace("[organization]", "[organization]\x00"))
rec("rulebook", "only_comments.toml", "# nothing yet\n")
rec("rulebook", "timezone_300_chars.toml", rb('timezone = "Europe/Vienna"', 'timezone = "' + "x" * 300 + '"'))
rec("rulebook", "no_organization.toml", "[[bodies]]" + MINIMAL.split("[[bodies]]", 1)[1])

CSV_HEAD = "body,kind,ordinal,start,end,status,city,country,format,title,source\n"
for name, row in [
    ("kind_number", "summit,1,1,2002-06-04,,held,,,,,"),
    ("status_done", "summit,regular,1,2002-06-04,,done,,,,,"),
    ("format_paper", "summit,regular,1,2002-06-04,,held,,,paper,,"),
    ("ordinal_zero", "summit,regular,0,2002-06-04,,held,,,,,"),
    ("ordinal_negative", "summit,regular,-1,2002-06-04,,held,,,,,"),
    ("ordinal_fraction", "summit,regular,1.5,2002-06-04,,held,,,,,"),
    ("ordinal_roman", "summit,regular,VII,2002-06-04,,held,,,,,"),
    ("ordinal_underscore", "summit,regular,1_000,2002-06-04,,held,,,,,"),
    ("ordinal_plus", "summit,regular,+1,2002-06-04,,held,,,,,"),
    ("ordinal_point_zero", "summit,regular,1.0,2002-06-04,,held,,,,,"),
    ("start_empty", "summit,regular,1,,,held,,,,,"),
    ("start_slashes", "summit,regular,1,2002/06/04,,held,,,,,"),
    ("start_european", "summit,regular,1,04-06-2002,,held,,,,,"),
    ("start_short_month", "summit,regular,1,2002-6,,held,,,,,"),
    ("start_not_leap", "summit,regular,1,1999-02-29,,held,,,,,"),
    ("start_year_999", "summit,regular,1,0999,,held,,,,,"),
    ("start_year_3000", "summit,regular,1,3000,,held,,,,,"),
    ("start_words", "summit,regular,1,last spring,,held,,,,,"),
    ("end_before_start_year", "summit,regular,1,2002-06-04,2001,held,,,,,"),
    ("end_impossible", "summit,regular,1,2002-06-04,2002-06-31,held,,,,,"),
    ("body_empty", ",regular,1,2002-06-04,,held,,,,,"),
    ("body_typo", "sumit,regular,1,2002-06-04,,held,,,,,"),
    ("too_many_fields", "summit,regular,1,2002-06-04,,held,,,,,,extra"),
]:
    rec("meetings", f"csv_{name}.csv", CSV_HEAD + row + "\n")
for name, text, code in [
    ("header_only", CSV_HEAD, 0),
    ("header_mixed_case", "Body,START,Status\nsummit,2002-06-04,held\n", 0),
    ("tab_separated", "body\tstart\nsummit\t2002-06-04\n", 0),
    ("semicolons", "body;start\nsummit;2002-06-04\n", 0),
    ("crlf", "body,start\r\nsummit,2002-06-04\r\n", 0),
    ("cr_only_line_ends", "body,start\rsummit,2002-06-04\r", 0),
    ("blank_lines_and_commas", "body,start\n\n,,\nsummit,2002-06-04\n", 0),
    ("repeated_row", "body,start\nsummit,2002-06-04\nsummit,2002-06-04\n", 0),
    ("formula_cells", 'body,start,title\nsummit,2002-06-04,"=HYPERLINK(""http://x"")"\n', 0),
    ("quote_in_unquoted_cell", 'body,start,title\nsummit,2002-06-04,say "hi"\n', 0),
    ("unclosed_quote_last_line", 'body,start,title\nsummit,2002-06-04,"open\n', 2),
    ("nul_byte", "body,start\nsummit,2002-06-04\x00\n", 2),
    ("header_empty_name", "body,,start\nsummit,,2002-06-04\n", 2),
    ("header_unknown", "body,start,venue\nsummit,2002-06-04,Almaty\n", 2),
    ("utf16_without_bom", "body,start\nsummit,2002\n".encode("utf-16-le"), 2),
    ("long_cell", "body,start,title\nsummit,2002-06-04," + "x" * 100_000 + "\n", 0),
    ("escape_sequence_city", "body,start,city\nsummit,2002-06-04,Almaty\nsummit,2006-06-17,\x1b[2J\x1b[1;1HAstana\n", 2),
    ("bell_in_title", "body,start,title\nsummit,2002-06-04,Summit\x07\n", 2),
    ("form_feed", "body,start\nsummit,2002-06-04\n\x0c\n", 2),
]:
    rec("meetings", f"csv_{name}.csv", text, code)
for name, text, code in [
    ("top_string", '"meetings"', 2),
    ("top_number", "42", 2),
    ("top_null", "null", 2),
    ("meetings_not_list", '{"meetings": {"body": "summit"}}', 2),
    ("entry_number", "[1]", 2),
    ("entry_list", '[["summit", "2002"]]', 2),
    ("entry_null", "[null]", 2),
    ("ordinal_float", '[{"body": "summit", "start": "2002-06-04", "ordinal": 3.5}]', 2),
    ("ordinal_bool", '[{"body": "summit", "start": "2002-06-04", "ordinal": true}]', 2),
    ("ordinal_float_whole", '[{"body": "summit", "start": "2002-06-04", "ordinal": 3.0}]', 2),
    ("ordinal_text", '[{"body": "summit", "start": "2002-06-04", "ordinal": "3"}]', 2),
    ("kind_number", '[{"body": "summit", "start": "2002", "kind": 1}]', 2),
    ("start_bool", '[{"body": "summit", "start": true}]', 2),
    ("documents_mixed", '[{"body": "summit", "start": "2002", "documents": ["Act", 1]}]', 2),
    ("top_duplicate_key", '{"meetings": [], "meetings": [{"body": "summit", "start": "2002"}]}', 2),
    ("start_null", '[{"body": "summit", "start": null}]', 2),
    ("start_object", '[{"body": "summit", "start": {"year": 2002}}]', 2),
    ("body_number", '[{"body": 5, "start": "2002"}]', 2),
    ("title_list", '[{"body": "summit", "start": "2002", "title": ["a"]}]', 2),
    ("nan_literal", '[{"body": "summit", "start": "2002", "ordinal": NaN}]', 2),
    ("infinity_literal", '[{"body": "summit", "start": "2002", "ordinal": Infinity}]', 2),
    ("trailing_comma", '[{"body": "summit", "start": "2002"},]', 2),
    ("comment", '// meetings\n[{"body": "summit", "start": "2002"}]', 2),
    ("duplicate_keys", '[{"body": "council", "body": "summit", "start": "2002"}]', 2),
    ("empty_list", "[]", 0),
    ("year_as_number", '[{"body": "summit", "start": 2002}]', 0),
    ("nul_escape", '[{"body": "summit", "start": "2002", "title": "a\\u0000b"}]', 2),
    ("escape_sequence_city", '[{"body": "summit", "start": "2002", "city": "\\u001b[2J\\u001b[1;1HAll met"}]', 2),
    ("c1_control_title", '[{"body": "summit", "start": "2002", "title": "a\\u009bb"}]', 2),
]:
    rec("meetings", f"json_{name}.json", text, code)
for name, text, code in [
    ("not_icalendar", "BEGIN:VCARD\r\nEND:VCARD\r\n", 2),
    ("truncated", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", 2),
    ("no_vevent", ICS.format(events=""), 2),
    ("no_dtstart", ics(), 2),
    ("dtstart_iso_dashes", ics("DTSTART:2026-01-01"), 2),
    ("dtstart_twice", ics("DTSTART;VALUE=DATE:20260101", "DTSTART;VALUE=DATE:20260102"), 0),
    ("dtend_before_dtstart", ics("DTSTART;VALUE=DATE:20260105", "DTEND;VALUE=DATE:20260101"), 2),
    ("unknown_tzid", ics("DTSTART;TZID=Mars/Olympus:20260101T100000"), 0),
    ("rrule_secondly", ics("DTSTART;VALUE=DATE:20240101", "RRULE:FREQ=SECONDLY"), 2),
    ("rrule_hourly_count", ics("DTSTART:20240101T090000Z", "RRULE:FREQ=HOURLY;COUNT=5"), 2),
    ("rrule_daily_from_1000", ics("DTSTART;VALUE=DATE:10000101", "RRULE:FREQ=DAILY"), 2),
    ("rrule_garbage", ics("DTSTART;VALUE=DATE:20240101", "RRULE:FREQ=SOMETIMES"), 2),
    ("rrule_yearly", ics("DTSTART;VALUE=DATE:20100601", "RRULE:FREQ=YEARLY;COUNT=5"), 0),
    ("duration_negative", ics("DTSTART;VALUE=DATE:20260101", "DURATION:-P3D"), 2),
    ("planner_date_bad", ics("DTSTART;VALUE=DATE:20260101", "X-PLANNER-BODY:summit", "X-PLANNER-DATE:2026-13"), 2),
    ("planner_body_unknown", ics("DTSTART;VALUE=DATE:20260101", "X-PLANNER-BODY:nobody", summary="Lunch"), 0),
    ("no_match", ics("DTSTART;VALUE=DATE:20260101", summary="Team lunch"), 0),
    ("binary", b"BEGIN:VCALENDAR\r\n\x00\x01\x02END:VCALENDAR\r\n", 2),
    ("latin1", ics("DTSTART;VALUE=DATE:20260101", summary="Sommet \xe9").encode("latin-1"), 2),
    ("summary_escape_sequence", ics("DTSTART;VALUE=DATE:20260101", summary="Summit\x1b[2J"), 2),
    ("tzid_300_chars", ics("DTSTART;TZID=" + "x" * 300 + ":20260101T100000"), 2),
    ("tzid_folder", ics("DTSTART;TZID=Europe:20260101T100000"), 2),
    ("rrule_interval_zero", ics("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;INTERVAL=0"), 2),
    ("rrule_interval_negative", ics("DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=WEEKLY;INTERVAL=-1"), 2),
]:
    rec("meetings", f"ics_{name}.ics", text, code)

CHAIRS_HEAD = "country,start,end,ordinal,note,source\n"
for name, row in [
    ("country_empty", ",2002-06-04,,1,,"),
    ("start_bad", "Austria,2002-14,,1,,"),
    ("end_before_start", "Austria,2010,2002,1,,"),
    ("ordinal_zero", "Austria,2002,,0,,"),
    ("ordinal_words", "Austria,2002,,first,,"),
    ("ordinal_underscore", "Austria,2002,,1_000,,"),
    ("too_many_fields", "Austria,2002,,1,,,,"),
]:
    rec("chairs", f"csv_{name}.csv", CHAIRS_HEAD + row + "\n")
for name, text, code in [
    ("unknown_column", "country,from\nAustria,2002\n", 2),
    ("empty", "", 2),
    ("header_only", CHAIRS_HEAD, 0),
]:
    rec("chairs", f"csv_{name}.csv", text, code)
for name, text in [
    ("not_a_list", '{"chairs": 3}'),
    ("entry_string", '["Austria"]'),
    ("unknown_field", '[{"country": "Austria", "from": "2002"}]'),
    ("lone_surrogate", '[{"country": "\\ud800"}]'),
    ("country_number", '[{"country": 7}]'),
    ("ordinal_bool", '[{"country": "Austria", "start": "2002", "ordinal": true}]'),
    ("planned_text", '[{"country": "Austria", "start": "2002", "planned": "yes"}]'),
    ("duplicate_country", '[{"country": "Austria", "country": "Kazakhstan", "start": "2002"}]'),
]:
    rec("chairs", f"json_{name}.json", text)

for name, text in [
    ("latin1", "Azerbaijan\nT\xfcrkiye\n".encode("latin-1")),
    ("binary", b"\x00\x01\x02"),
    ("escape_sequence", "Azerbaijan\n\x1b[2JKyrgyzstan\n"),
    ("empty", ""),
    ("unknown_in_comment_line", "Azerbaijan # then\nAtlantis # maybe\n"),
    ("second_unknown", "Azerbaijan\nKyrgyzstan\nElbonia\n"),
]:
    rec("plan", f"{name}.txt", text)
for name, text in [
    ("version_99_list", '{"version": 99, "events": []}'),
    ("fingerprint_list", '{"version": 1, "events": {"x": {"fingerprint": [], "sequence": 1, "last_modified": "2026-01-01T00:00:00"}}}'),
    ("lone_surrogate", '{"version": 1, "events": {"\\ud800": {"fingerprint": "f", "sequence": 1, "last_modified": "2026-01-01T00:00:00"}}}'),
    ("sequence_text", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": "1", "last_modified": "2026-01-01T00:00:00"}}}'),
    ("sequence_2_31", '{"version": 1, "events": {"x": {"fingerprint": "f", "sequence": 2147483648, "last_modified": "2026-01-01T00:00:00"}}}'),
    ("top_list", "[]"),
]:
    case("state", f"{name}.json", text, 0, None, STATE_SAYS)
case("state", "empty.json", "", 0, None, STATE_SAYS + " (it is empty)")


# saved projections (`planner diff BEFORE AFTER`): damaged copies of one
PROJECTION = {
    "schema_version": 1, "command": "project", "organization": "demo", "today": "2026-11-26", "from": "2026-11-26", "to": "2036-11-26",
    "meetings": [{"body": "summit", "kind": "regular", "ordinal": 7, "start": "2026-10-12", "end": None, "status": "projected", "title": "", "host": "Vienna"}],
    "problems": [],
}


def projection(**changes: object) -> str:
    meeting = {**PROJECTION["meetings"][0], **changes}  # type: ignore[index]
    return json.dumps({**PROJECTION, "meetings": [meeting]})


for name, text, code in [
    ("valid", projection(), 0),
    ("nested_5000", "[" * 5000 + "]" * 5000, 2),
    ("integer_5000_digits", '{"schema_version": ' + "9" * 5000 + "}", 2),
    ("schema_version_bool", json.dumps({**PROJECTION, "schema_version": True}), 2),
    ("duplicate_key", projection().replace('"command": "project"', '"command": "project", "command": "project"'), 2),
    ("ordinal_bool", projection(ordinal=True), 2),
    ("start_month_13", projection(start="2026-13"), 2),
    ("kind_unknown", projection(kind="weird"), 2),
    ("title_escape_sequence", projection(title="\u001b[2J"), 2),
]:
    rec("projection", f"{name}.json", text, code)

# --- third attacker pass: names that read alike, device names -------------------------------------
for name, old, new in [
    ("id_windows_con", 'id = "committee"', 'id = "con"'),
    ("id_windows_com1", 'id = "committee"', 'id = "com1"'),
    ("id_windows_lpt9", 'id = "committee"', 'id = "lpt9"'),
    ("alias_fullwidth_is_other_alias", 'aliases = ["Committee of Senior Officials"]', 'aliases = ["\uff23\uff2d\uff26\uff21"]'),
    ("alias_padded_is_other_alias", 'aliases = ["Committee of Senior Officials"]', 'aliases = ["  CMFA  "]'),
    ("alias_double_space_is_other_alias", 'aliases = ["Committee of Senior Officials"]', 'aliases = ["Ministerial  Council"]'),
    ("member_name_in_capitals", 'name = "Kazakhstan"', 'name = "AUSTRIA"'),
    ("member_name_fullwidth", 'name = "Kazakhstan"', 'name = "\uff21ustria"'),
    ("member_alias_is_other_code", 'code = "KZ"', 'code = "KZ"\naliases = ["at"]'),
]:
    rec("rulebook", f"{name}.toml", rb(old, new))
# the same accented name typed composed (U+00E9) and decomposed (e + U+0301): one name to a reader
case(
    "rulebook",
    "alias_decomposed_accent_is_other_alias.toml",
    rb('aliases = ["Committee of Senior Officials"]', 'aliases = ["Cafe\u0301"]').replace('aliases = ["Ministerial Council", "CMFA"]', 'aliases = ["Caf\u00e9"]'),
    2,
    "bodies[2].aliases",
    "name or alias 'caf\u00e9' is used by both 'council' and 'committee'",
)
# a register names a body in fullwidth letters or with doubled spaces: the same body
case("meetings", "csv_body_fullwidth_and_spaces.csv", "body,start\n\uff33\uff55\uff4d\uff4d\uff49\uff54,2002-06-04\nsummit   of  heads of state,2006-06-04\n", 1)


# --- fourth attacker pass: text that turns around, odd encodings, damaged saved projections -------
# a bidirectional override or isolate left open in any text turns around what is shown after it
for name, content in [
    ("csv_title_rtl_override.csv", "body,start,title\nsummit,2002-06-04,\u202eheld 2019\n"),
    ("csv_city_isolate.csv", "body,start,city\nsummit,2002-06-04,\u2067Almaty\n"),
    ("json_title_escaped_override.json", '[{"body": "summit", "start": "2002-06-04", "title": "\\u202dx"}]'),
    ("ics_summary_rtl_override.ics", ics("DTSTART;VALUE=DATE:20260101", summary="Summit \u202e9102")),
    ("csv_utf32.csv", ("body,start\nsummit,2002-06-04\n").encode("utf-32")),
]:
    rec("meetings", name, content)
# marks (U+200E, U+200F) and text in a right-to-left script are fine outside names
rec("meetings", "csv_title_arabic_with_rlm.csv", "body,start,title\nsummit,2002-06-04,\u0642\u0645\u0629\u200f 2002\n", 0)
rec("rulebook", "source_escaped_override.toml", rb('source = "', 'source = "\\u202e', count=1))
rec("plan", "isolate.txt", "Kazakhstan\n\u2066China\n")
# X-WR-TIMEZONE copied each event it moved into the zone without the parser's errors: a broken
# value beside a floating time passed every check and was a BrokenCalendarProperty traceback
for name, props in [
    ("ics_x_wr_timezone_broken_dtstart.ics", ("DTSTART:20280299", "DTEND:20280829T100000")),
    ("ics_x_wr_timezone_broken_time.ics", ("DTSTART:20310822T256000",)),
    ("ics_x_wr_timezone_broken_rdate.ics", ("DTSTART:20260301T090000", "RDATE:x")),
]:
    rec("meetings", name, ics(*props).replace("PRODID:-//corpus//EN\r\n", "PRODID:-//corpus//EN\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n"))
# a rule book saved with classic Mac OS line ends (CR alone): said so, not only "invalid character"
rec("rulebook", "classic_mac_line_ends.toml", MINIMAL.replace("\n", "\r"))
rec("rulebook", "stray_carriage_return.toml", rb('[organization]\n', '[organization]\r'))
for name, text, code in [
    ("end_before_start", projection(end="2025"), 2),
    ("ordinal_zero", projection(ordinal=0), 2),
    ("ordinal_1e30", projection(ordinal=10**30), 2),
    ("today_not_a_date", json.dumps({**PROJECTION, "today": {"y": 2026}}), 2),
    ("title_rtl_override", projection(title="\u202e"), 2),
    # what `project` never writes: another schema, a key of another program, a key a diff needs missing
    ("schema_version_2", json.dumps({**PROJECTION, "schema_version": 2}), 2),
    ("key_unknown", json.dumps({**PROJECTION, "scenario": "Summit slips"}), 2),
    ("meeting_key_unknown", projection(colour="red"), 2),
    ("today_missing", json.dumps({k: v for k, v in PROJECTION.items() if k != "today"}), 2),
]:
    rec("projection", f"{name}.json", text, code)

# --- seventh attacker pass: a meeting that runs into the year 3000 ----------------------------------
for name, content, code in [
    ("csv_end_year_3000.csv", "body,start,end\nsummit,2999-12-30,3000-01-02\n", 2),
    ("json_end_year_3000.json", '[{"body": "summit", "start": "2999-12-30", "end": "3000-01-01"}]', 2),
    ("ics_dtend_year_3000.ics", ics("DTSTART;VALUE=DATE:29991230", "DTEND;VALUE=DATE:30000103"), 2),
    ("ics_duration_into_3000.ics", ics("DTSTART;VALUE=DATE:29991230", "DURATION:P5D"), 2),
    ("ics_timed_into_3000.ics", ics("DTSTART:29991231T230000Z", "DTEND:30000101T010000Z"), 2),
]:
    rec("meetings", name, content, code)
# a long value with spaces, quoted back: cut to its start, end and length (it was 665 KB of one line)
rec("plan", "line_of_names_with_commas.txt", "Azerbaijan\n" + ", ".join(["Kazakhstan", "China"] * 2000) + "\n")
rec("meetings", "csv_start_long_with_spaces.csv", "body,start\nsummit," + "a b " * 3000 + "\n")
# ending on 2999-12-31 (an all-day DTEND of 3000-01-01 is exclusive) is in range
case("meetings", "csv_end_2999_12_31.csv", "body,start,end\nsummit,2999-12-30,2999-12-31\n", 1)
case("meetings", "ics_dtend_exclusive_3000_01_01.ics", ics("DTSTART;VALUE=DATE:29991230", "DTEND;VALUE=DATE:30000101"), 1)

# --- ninth attacker pass: tables of many keys, include-like keys, other encodings, odd headers,
# absurd time zones and series (tests/hostile/test_hostile9.py runs the large ones) ------------------------
MINIMAL_KEYS = MINIMAL.replace('timezone = "Europe/Vienna"', 'timezone = "Europe/Vienna"\n' + "".join(f"k{i} = {i}\n" for i in range(2000)), 1)
case("rulebook", "unknown_keys_2000.toml", MINIMAL_KEYS, 2, None, "1,950 more problems not listed (the first 50 are above)")
for name, content in [
    ("include_key.toml", 'include = "/etc/passwd"\n' + MINIMAL),
    ("ref_key_in_body.toml", rb("[[bodies]]", '[[bodies]]\n"$ref" = "other.toml"')),
    ("rules_a_file_path.toml", rb('[[bodies.rules]]\nkind = "every"\ninterval = "4y"\nsource = "Charter, art. 5"', 'rules = "/etc/passwd"')),
    ("timezone_etc_localtime.toml", rb('timezone = "Europe/Vienna"', 'timezone = "/etc/localtime"')),
    ("timezone_posix_rule.toml", rb('timezone = "Europe/Vienna"', 'timezone = "EST5EDT,M3.2.0,M11.1.0"')),
    ("utf16.toml", MINIMAL.encode("utf-16")),
]:
    rec("rulebook", name, content)
CSV_ROWS = "body,kind,ordinal,start\nsummit,regular,1,2002-06-04\n"
JSON_ROWS = '[{"body": "summit", "start": "2002-06-04", "city": "Z\u00fcrich"}]'
for name, content, code in [
    ("csv_utf16_le_bom.csv", CSV_ROWS.encode("utf-16"), 1),
    ("csv_utf16_be_bom.csv", codecs.BOM_UTF16_BE + CSV_ROWS.encode("utf-16-be"), 1),
    ("csv_latin1.csv", "body,start,city\nsummit,2002-06-04,Z\u00fcrich\n".encode("latin-1"), 2),
    ("csv_cp1252_quotes.csv", "body,start,title\nsummit,2002-06-04,\u201cFirst\u201d\n".encode("cp1252"), 2),
    ("csv_nul_in_header.csv", CSV_ROWS.replace("body", "bo\x00dy", 1), 2),
    ("csv_header_start_twice.csv", "body,start,start\nsummit,2002-06-04,2003-01-01\n", 2),
    ("csv_header_body_twice_in_capitals.csv", "body,Body,start\nsummit,council,2002-06-04\n", 2),
    ("csv_header_without_start.csv", "body,kind,ordinal\nsummit,regular,1\n", 2),
    ("csv_header_two_boms.csv", "\ufeff\ufeffbody,start\nsummit,2002-06-04\n", 2),
    ("json_utf16_bom.json", JSON_ROWS.encode("utf-16"), 1),
    ("json_utf16_without_bom.json", JSON_ROWS.encode("utf-16-le"), 2),
    ("json_latin1.json", JSON_ROWS.encode("latin-1"), 2),
    ("json_raw_nul.json", JSON_ROWS.replace("Z\u00fcrich", "Z\x00rich"), 2),
    ("json_truncated_array.json", "[" + ", ".join(['{"body": "summit", "start": "2002-06-04"}'] * 20), 2),
    ("ics_utf16.ics", ics("DTSTART;VALUE=DATE:20190601").encode("utf-16"), 2),
    ("ics_nul_in_summary.ics", ics("DTSTART;VALUE=DATE:20190601", summary="Sum\x00mit"), 2),
    ("ics_rrule_count_30_digits.ics", ics("DTSTART;VALUE=DATE:20000601", "RRULE:FREQ=YEARLY;COUNT=" + "9" * 30), 2),
    ("ics_rrule_daily_until_9999.ics", ics("DTSTART;VALUE=DATE:20000601", "RRULE:FREQ=DAILY;UNTIL=99991231"), 2),
    ("ics_rrule_yearly_count_1e9.ics", ics("DTSTART;VALUE=DATE:20000601", "RRULE:FREQ=YEARLY;COUNT=1000000000"), 1),
    ("ics_rrule_yearly_until_9999.ics", ics("DTSTART;VALUE=DATE:20000601", "RRULE:FREQ=YEARLY;UNTIL=99991231"), 1),
]:
    rec("meetings", name, content, code)
for offsets, code in [("+2500", 2), ("+9959", 2), ("garbage", 2), ("+1400", 1)]:
    zone = f"BEGIN:VTIMEZONE\r\nTZID:Absurd\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:{offsets}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    event = "BEGIN:VEVENT\r\nUID:corpus-1\r\nSUMMARY:Summit\r\nDTSTART;TZID=Absurd:20190601T230000\r\nEND:VEVENT\r\n"
    rec("meetings", f"ics_vtimezone_offset_{offsets.strip('+')}.ics", ICS.format(events=zone + event), code)
for name, content, code in [
    ("csv_utf16_bom.csv", "country,start,end\nKazakhstan,2002-06-04,2010-06-08\n".encode("utf-16"), 0),
    ("csv_latin1.csv", "country,start,end\nT\u00fcrkiye,2002-06-04,2010-06-08\n".encode("latin-1"), 2),
    ("csv_nul.csv", "country,start,end\nK\x00azakhstan,2002-06-04,2010-06-08\n", 2),
]:
    rec("chairs", name, content, code)

# --- tenth attacker pass: names that look like other names or run over two lines; .ics files of
# properties no reader asks for; CSV of a BOM and CR LF (tests/hostile/test_hostile10.py runs the large ones)
for name, text in [
    ("name_line_separator", "Senior Officials\u2028Committee"),
    ("name_paragraph_separator", "Senior Officials\u2029Committee"),
    ("name_soft_hyphen", "Senior Offi\u00adcials Committee"),
    ("name_tag_characters", "Senior Officials Committee" + "".join(chr(0xE0000 + ord(c)) for c in "ignore this")),
    ("name_hangul_filler_only", "\u3164"),
    ("name_arabic_letter_mark", "Senior Officials\u061c Committee"),
]:
    rec("rulebook", f"{name}.toml", rb('name = "Senior Officials Committee"', f'name = "{text}"'))
rec("rulebook", "name_every_visible_category.toml", rb('name = "Senior Officials Committee"', 'name = "Senior \u01c5\u02b0\u0300\u0903\u0660\u2160\u00bd_\u2010(\u00ab\u00bb!)$^+\u00a9\u3000\ue000 Committee"'), 0)
OUTLOOK_EVENT = (
    "BEGIN:VEVENT\r\nUID:corpus-1\r\nDTSTAMP:garbage\r\nCREATED:garbage\r\nATTENDEE;CN=\"Unclosed:mailto:a@b\r\nORGANIZER;=:\r\nCLASS:PUBLIC\r\n"
    "X-ALT-DESC;FMTTYPE=text/html:<p>\r\n folded</p>\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
    + "".join(f"X-OUTLOOK-{i}:{i}\r\n" for i in range(3000))
    + "SUMMARY:Summit\r\nDTSTART;VALUE=DATE:20221012\r\nX-PLANNER-ORDINAL:x\r\nEND:VEVENT\r\n"
)
for name, content, code in [
    ("ics_outlook_unread_properties_damaged.ics", ICS.format(events=OUTLOOK_EVENT.replace("X-PLANNER-ORDINAL:x\r\n", "")), 1),
    ("ics_outlook_planner_property_damaged.ics", ICS.format(events=OUTLOOK_EVENT), 2),
    ("ics_nested_components_2000.ics", ICS.format(events="BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:20221012\r\n" + "BEGIN:X-N\r\n" * 2000 + "END:X-N\r\n" * 2000 + "END:VEVENT\r\n"), 1),
    ("csv_bom_crlf.csv", "\ufeffbody,kind,ordinal,start\r\nsummit,regular,1,2002-06-04\r\n", 1),
]:
    rec("meetings", name, content, code)

# --- twelfth attacker pass: an entry of thousands of unknown keys (one line counts them past the
# third), an .ics event that ends before it starts (refused as a CSV or JSON end before its start
# is), the first and last days of the date range, a BOM before a row, rows and headers too wide
KEYS_2000 = ", ".join(f'"k{i}": 1' for i in range(2000))
case("meetings", "json_2000_unknown_keys.json", f'[{{"body": "summit", "start": "2002-06-04", {KEYS_2000}}}]', 2, "meetings[0]", "1,997 more unknown fields ('k3', 'k4', 'k5', ...)")
case("chairs", "json_2000_unknown_keys.json", f'[{{"country": "Austria", "start": "2002-01-01", {KEYS_2000}}}]', 2, "chairs[0]", "1,997 more unknown fields ('k3', 'k4', 'k5', ...)")
for name, content, code in [
    ("ics_timed_end_before_start.ics", ics("DTSTART:20260105T100000Z", "DTEND:20260105T090000Z"), 2),
    ("ics_all_day_end_before_timed_start.ics", ics("DTSTART:20260105T100000Z", "DTEND;VALUE=DATE:20260101"), 2),
    ("ics_series_ends_before_it_starts.ics", ics("DTSTART;VALUE=DATE:20240604", "DTEND;VALUE=DATE:20240601", "RRULE:FREQ=YEARLY;COUNT=3"), 2),
    ("ics_all_day_end_equal_to_start.ics", ics("DTSTART;VALUE=DATE:20260105", "DTEND;VALUE=DATE:20260105"), 0),
    ("ics_utc_end_on_the_day_before_in_vienna.ics", ics("DTSTART;VALUE=DATE:20260105", "DTEND:20260104T230000Z"), 0),
    ("ics_rrule_daily_count_1e9.ics", ics("DTSTART;VALUE=DATE:20000101", "RRULE:FREQ=DAILY;COUNT=1000000000"), 2),
    ("ics_rrule_until_before_dtstart.ics", ics("DTSTART;VALUE=DATE:20240101", "RRULE:FREQ=YEARLY;UNTIL=10000101"), 0),
    ("ics_rrule_february_30.ics", ics("DTSTART;VALUE=DATE:20240101", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), 0),
    ("ics_vtimezone_offset_9999.ics", ICS.format(events="BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+9999\r\nTZOFFSETTO:-9999\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" + "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Summit\r\nDTSTART;TZID=X:20020604T100000\r\nEND:VEVENT\r\n"), 2),
    ("csv_held_1000_01_01_planned_2999_12_31.csv", "body,start,end,status\ncommittee,1000-01-01,,held\ncommittee,2999-12-31,,planned\nsummit,2999-12-30,2999-12-31,planned\n", 1),
    ("csv_bom_before_a_row.csv", "body,start\nsummit,2002-06-04\n\ufeffcouncil,2004-10-22\n", 2),
    ("csv_row_of_10000_cells.csv", "body,start\nsummit,2002-06-04" + ",x" * 10000 + "\n", 2),
    ("csv_header_of_2000_columns.csv", "body,start," + ",".join(f"c{i}" for i in range(2000)) + "\nsummit,2002-06-04" + "," * 2000 + "\n", 2),
    ("csv_cells_of_cr_only.csv", "body,start,city\rsummit,2002-06-04,\"Al\rmaty\"\rcouncil,2004-10-22,\r", 1),
]:
    rec("meetings", name, content, code)
rec("chairs", "csv_term_1000_01_01_to_2999_12_31.csv", "country,start,end\nAustria,1000-01-01,2999-12-31\n", 0)
rec("plan", "nul_byte.txt", "Aus\x00tria\n")

# --- fourteenth attacker pass: saved projections whose text is screened as it stands (a text of
# no escapes, controls or bidirectional controls needs no walk of its strings): the same
# characters written raw, not escaped, are found as the escaped ones are; a value nested past
# the limit inside a meeting; text of other scripts passes


def raw_projection(**changes: object) -> str:
    meeting = {**PROJECTION["meetings"][0], **changes}  # type: ignore[index]
    return json.dumps({**PROJECTION, "meetings": [meeting]}, ensure_ascii=False)


for name, text, code in [
    ("title_raw_c1_csi", raw_projection(title="\x9b2J"), 2),
    ("title_raw_rtl_override", raw_projection(title="Baku \u202eheld"), 2),
    ("title_raw_del", raw_projection(title="Ba\x7fku"), 2),
    ("host_raw_isolate_in_ascii_file", projection(host="\u2067Vienna").replace("\\u2067", "\u2067"), 2),
    ("documents_nested_17", projection(documents=json.loads("[" * 17 + "]" * 17)), 2),
    ("city_other_scripts", raw_projection(city="Bak\u0131 \u0411\u0430\u043a\u0443 \u5df4\u5e93"), 0),
]:
    rec("projection", f"{name}.json", text, code)

# --- fifteenth attacker pass: rule books at their bounds from the first year planner reads, each
# run through validate, check, project and ics (a daily chain founded in 1000 was walked a window a
# day; 366 a year on weekdays searched every day of the year for each meeting), and just past them
SOC = 'established = 2004\n\n[[bodies.rules]]\nkind = "at_least"\ncount = 2\nper = "year"'


def soc(rule: str, established: str = "1000") -> str:
    return rb(SOC, f'established = {established}\n\n[[bodies.rules]]\n{rule}')


def daily_summit(offset: str = '"2y"', since: str = "1000") -> str:
    daily = rb("established = 2002\nmonths = [10]", f"established = {since}\nmonths = [10]").replace('interval = "4y"', 'interval = "1d"')
    return daily.replace('offset = "2y"', f"offset = {offset}").replace("established = 2004\n\n[[bodies.rules]]\nkind = \"after\"", f"established = {since}\n\n[[bodies.rules]]\nkind = \"after\"")


for name, content, code in [
    ("every_1d_since_1000.toml", daily_summit(), 0),
    ("after_1d_of_every_1d_since_1800.toml", daily_summit('"1d"', "1800"), 0),
    ("before_1d_of_every_1d_since_1800.toml", daily_summit('"1d"', "1800").replace('kind = "after"', 'kind = "before"', 1), 0),
    ("at_least_366_a_year_since_1000.toml", soc('kind = "at_least"\ncount = 366\nper = "year"'), 0),
    ("at_least_184_a_half_since_1000.toml", soc('kind = "at_least"\ncount = 184\nper = "half"'), 0),
    ("at_least_31_a_month_since_1000.toml", soc('kind = "at_least"\ncount = 31\nper = "month"'), 0),
    ("at_least_7_a_week_since_1000.toml", soc('kind = "at_least"\ncount = 7\nper = "week"'), 0),
    ("at_most_366_a_year_since_1000.toml", soc('kind = "at_most"\ncount = 366\nper = "year"'), 0),
    ("every_1m_grid_since_1900.toml", soc('kind = "every"\ninterval = "1m"\nmode = "grid"', "1900"), 0),
    ("every_1d_grid.toml", soc('kind = "every"\ninterval = "1d"\nmode = "grid"'), 2),
    # (with a tolerance: `after` with a negative offset and none is DESIGN's `before`, read as one)
    ("after_minus_1d.toml", daily_summit('"-1d"').replace('offset = "-1d"', 'offset = "-1d"\ntolerance = "1d"'), 2),
    ("max_gap_1d_since_1000.toml", soc('kind = "at_least"\ncount = 1\nper = "year"\nmax_gap = "1d"'), 0),
    ("at_least_367_a_year.toml", soc('kind = "at_least"\ncount = 367\nper = "year"'), 2),
    ("at_least_185_a_half.toml", soc('kind = "at_least"\ncount = 185\nper = "half"'), 2),
    ("at_least_32_a_month.toml", soc('kind = "at_least"\ncount = 32\nper = "month"'), 2),
    ("at_least_8_a_week.toml", soc('kind = "at_least"\ncount = 8\nper = "week"'), 2),
    ("every_0d.toml", soc('kind = "every"\ninterval = "0d"'), 2),
    ("twice_a_year_366d_apart.toml", soc('kind = "at_least"\ncount = 2\nper = "year"\nmin_gap = "366d"'), 2),
]:
    rec("rulebook", name, content, code)
for name, content, code in [
    ("csv_held_for_eleven_centuries.csv", "body,start,end,status\ncommittee,1000-01-01,2100-12-31,held\n", 0),
    ("csv_daily_summits_for_a_year.csv", "body,start,status\n" + "".join(f"summit,{d},held\n" for d in (f"2002-{m:02}-{day:02}" for m in range(1, 13) for day in range(1, 29))), 0),
    ("csv_one_body_10000_rows_one_day.csv", "body,start,status\n" + "committee,2010-03-03,held\n" * 10000, 0),
]:
    rec("meetings", name, content, code)


# --- sixteenth attacker pass: a projection's CSV read back as a register, written to hurt; rows,
# foundings, recesses and blackouts that claim centuries (the work is the horizon's, not theirs)
PROJ_HEAD = "body,kind,ordinal,start,end,status,host,city,country,customary,reason,rule_source\n"


def proj_row(reason: str = "at least twice a year", source: str = "Charter, art. 5", kind: str = "regular", status: str = "projected", end: str = "", customary: str = "") -> str:
    return f'committee,{kind},,2027-04-02,{end},{status},Vienna (Secretariat),Vienna,Austria,{customary},"{reason}","{source}"\n'


for name, content, code in [
    ("projection_csv_formulas.csv", PROJ_HEAD + proj_row('=HYPERLINK(""http://x.test/"",""open"")', "@SUM(1+1)") + proj_row("+cmd|' /C calc'!A0", "-2+3"), 0),
    ("projection_csv_rule_source_131073.csv", PROJ_HEAD + proj_row(source="s" * 131_073), 2),
    ("projection_csv_reason_131073.csv", PROJ_HEAD + proj_row(reason="r" * 131_073), 2),
    ("projection_csv_kind_plenary.csv", PROJ_HEAD + proj_row(kind="plenary"), 2),
    ("projection_csv_status_proposed.csv", PROJ_HEAD + proj_row(status="proposed"), 2),
    ("projection_csv_reason_without_rule_source.csv", PROJ_HEAD.replace(",rule_source", "") + proj_row().rsplit(",", 1)[0] + "\n", 2),
    ("projection_csv_projected_to_2999.csv", PROJ_HEAD + proj_row(end="2999-12-31") + proj_row(status="held", end="2999-12-31").replace("committee,", "summit,"), 0),
    ("projection_csv_customary_maybe.csv", PROJ_HEAD + proj_row(customary="maybe"), 0),
    ("csv_every_body_held_2000_to_2999.csv", "body,start,end,status,country\n" + "".join(f"{b},2000-01-01,2999-12-31,held,France\n" for b in ("summit", "council", "committee")), 0),
    ("csv_200_rows_held_2000_to_2999.csv", "body,start,end,status\n" + "committee,2000-01-01,2999-12-31,held\n" * 200, 0),
]:
    rec("meetings", name, content, code)
for name, content, code in [
    ("every_1m_grid_since_1000.toml", soc('kind = "every"\ninterval = "1m"\nmode = "grid"'), 0),
    ("every_1d_tolerance_100y.toml", soc('kind = "every"\ninterval = "1d"\ntolerance = "100y"'), 0),
    ("recess_1000_to_2999.toml", soc('kind = "at_least"\ncount = 1\nper = "week"').replace("established = 1000\n", 'established = 1000\nrecess = [{ start = 1000-01-01, end = 2999-12-31, reason = "forever" }]\n'), 0),
    ("blackout_1000_to_2999.toml", rb("[[organization.members]]", '[[organization.blackout]]\nstart = 1000-01-01\nend = 2999-12-31\n\n[[organization.members]]'), 0),
]:
    rec("rulebook", name, content, code)
# --- session 20: what icalendar and zoneinfo did with odd TZIDs and repeated DURATIONs ---------
for name, content in [
    ("ics_duration_twice.ics", ics("DTSTART;VALUE=DATE:20220601", "DURATION:P1D", "DURATION:P3D")),
    ("ics_tzid_300_parts.ics", ics("DTSTART;TZID=" + "A/" * 300 + "B:20220601T100000")),
    ("ics_tzid_dotted_400.ics", ics("DTSTART;TZID=" + "a." * 400 + "b/c:20220601T100000")),
    ("ics_vtimezone_tzid_300_parts.ics", ICS.format(events="BEGIN:VTIMEZONE\r\nTZID:" + "A/" * 300 + "B\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")),
    ("ics_tzid_offset_unquoted.ics", ics("DTSTART;TZID=+05:00:20220601T100000")),
    ("ics_x_wr_timezone_400_parts.ics", ics("DTSTART:20220601T100000").replace("PRODID:-//corpus//EN\r\n", "PRODID:-//corpus//EN\r\nX-WR-TIMEZONE:" + "A/" * 400 + "B\r\n")),
]:
    rec("meetings", name, content)
rec("rulebook", "holiday_category_empty_country.toml", rb("[organization]", '[organization]\nholiday_categories = [":public"]'))
rec("rulebook", "timezone_400_dotted_parts.toml", rb('timezone = "Europe/Vienna"', 'timezone = "' + "A." * 400 + 'B/C"'))
rec("rulebook", "holiday_category_unknown_country.toml", rb("[organization]", '[organization]\nholiday_categories = ["public", "XX:public"]'))
rec("rulebook", "holiday_category_not_in_country.toml", rb("[organization]", '[organization]\nholiday_categories = ["public", "GB:optional"]'))
rec("rulebook", "bom_twice.toml", "\ufeff\ufeff" + MINIMAL)
rec("rulebook", "bom_in_a_value.toml", rb('"Europe/Vienna"', '\ufeff"Europe/Vienna"'))

# --- session 21: a parameter icalendar takes for one value given several; a documents list past
# a CSV cell (a state file of another organization's folder: tests/hostile/test_hostile21.py)
rec("meetings", "ics_value_parameter_list.ics", ics("DTSTART;VALUE=DATE,DATE:20220601"))
rec("meetings", "ics_value_parameter_list_on_dtend.ics", ics("DTSTART;VALUE=DATE:20220601", "DTEND;VALUE=DA,TE:20220603"))
rec("meetings", "json_documents_131074_characters_in_all.json", json.dumps([{"body": "summit", "start": "2022-06-01", "documents": ["a" * 65_536, "b" * 65_536]}]))

# --- session 22: a TZID parameter of several zones (icalendar blamed the datetime), in every
# property that takes one; a RECURRENCE-ID that is no date
for prop in ("DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID"):
    start = "DTSTART;TZID=Asia/Almaty,Europe/Vienna:20220601T100000" if prop == "DTSTART" else "DTSTART;TZID=Asia/Almaty:20220601T100000"
    more = [] if prop == "DTSTART" else [f"{prop};TZID=Asia/Almaty,Europe/Vienna:20230601T120000"]
    rec("meetings", f"ics_tzid_list_on_{prop.lower().replace('-', '_')}.ics", ics(start, "RRULE:FREQ=YEARLY;COUNT=3", *more))
rec("meetings", "ics_tzid_list_quoted.ics", ics('DTSTART;TZID="Asia/Almaty","Europe/Vienna":20220601T100000'))
rec("meetings", "ics_recurrence_id_garbage.ics", ics("DTSTART;VALUE=DATE:20220601", "RECURRENCE-ID:garbage"))


def _record(folder: str, path: Path) -> str:
    """planner's first error line for ``path``, after ``error: PATH`` (to be reviewed)."""
    import sys
    import tempfile

    from click.testing import CliRunner

    sys.path.insert(0, str(HERE.parent.parent))
    from planner.cli import main as cli
    from tests.hostile.test_corpus import commands

    with tempfile.TemporaryDirectory() as tmp:
        args = commands(folder, path, Path(tmp) / "out")[0]
        result = CliRunner().invoke(cli, args)
    prefix = f"error: {path}"
    found = [line[len(prefix) :] for line in result.stderr.splitlines() if line.startswith(prefix)]
    if result.exit_code != 2 or not found:
        print(f"NOT AN ERROR {path.name}: exit {result.exit_code} {result.stderr[:300]!r}")
        return "?"
    return found[0]

# --- session 23: components never closed or closed by another's END (icalendar read the file as
# no calendar at all: every meeting lost, judged missed), X-WR-TIMEZONE given twice or as a name
# too long for a file, a carriage return alone among LF lines ------------------------------------
_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//corpus//EN\r\n"
_E1 = "BEGIN:VEVENT\r\nUID:corpus-1\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:20180610\r\n"
_E2 = "BEGIN:VEVENT\r\nUID:corpus-2\r\nSUMMARY:Summit\r\nDTSTART;VALUE=DATE:20220610\r\n"
case("meetings", "ics_vevent_never_closed.ics", _HEAD + _E1 + "END:VCALENDAR\r\n", 2, "8", "END:VCALENDAR closes the VEVENT begun at line 4")
case("meetings", "ics_second_vevent_opened_in_first.ics", _HEAD + _E1 + _E2 + "END:VEVENT\r\nEND:VCALENDAR\r\n", 2, "13", "END:VCALENDAR closes the VEVENT begun at line 4")
case("meetings", "ics_vevent_closed_by_end_vtodo.ics", _HEAD + _E1 + "END:VTODO\r\n" + _E2 + "END:VEVENT\r\nEND:VCALENDAR\r\n", 2, "8", "END:VTODO closes the VEVENT begun at line 4")
case("meetings", "ics_end_before_any_begin.ics", _HEAD + _E1 + "END:VEVENT\r\nEND:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 2, "10", "END:VEVENT closes no component")
case("meetings", "ics_vcalendar_never_closed_inside.ics", _HEAD + "BEGIN:VCALENDAR\r\n" + _E1 + "END:VEVENT\r\nEND:VCALENDAR\r\n", 2, "1", "BEGIN:VCALENDAR is never closed")
case("meetings", "ics_folded_end_line.ics", _HEAD + _E1 + "END:VEV\r\n ENT\r\nEND:VCALENDAR\r\n", 1)
case("meetings", "ics_cr_only_lines.ics", (_HEAD + _E1 + "END:VEVENT\r\nEND:VCALENDAR\r\n").replace("\r\n", "\r"), 1)
case("meetings", "ics_x_wr_timezone_twice.ics", ics("DTSTART:20180610T100000").replace("PRODID:-//corpus//EN\r\n", "PRODID:-//corpus//EN\r\nX-WR-TIMEZONE:Europe/Vienna\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n"), 2, None, "X-WR-TIMEZONE appears 2 times (got 'Europe/Vienna, Asia/Tokyo'")
case("meetings", "ics_x_wr_timezone_5000_chars.ics", ics("DTSTART:20180610T100000").replace("PRODID:-//corpus//EN\r\n", "PRODID:-//corpus//EN\r\nX-WR-TIMEZONE:" + "a" * 5000 + "\r\n"), 2, None, "X-WR-TIMEZONE names no time zone")
case("meetings", "ics_lone_carriage_return_at_end.ics", ics("DTSTART;VALUE=DATE:20180610") + "\r", 2, "10", "has a carriage return alone where a line should be")

# --- session 24: a JSON syntax error says what stands at the place and what JSON expects there
# (it said only Python's symptom, "Expecting value"), in a state file at the file's line ------------
_ENTRY = '{"body": "summit", "start": "2022-06-01"}'
for name, text in [
    ("json_trailing_comma_in_object.json", '[{"body": "summit", "start": "2022-06-01",}]'),
    ("json_single_quotes.json", "[{'body': 'summit', 'start': '2022-06-01'}]"),
    ("json_date_unquoted.json", '[{"body": "summit", "start": 2022-06-01}]'),
    ("json_text_never_closed.json", '[{"body": "summit", "start": "2022-06-01}]'),
    ("json_line_break_in_text.json", '[{"body": "sum\nmit", "start": "2022-06-01"}]'),
    ("json_unknown_escape.json", '[{"body": "summit", "title": "C:\\x", "start": "2022-06-01"}]'.replace("\\\\", "\\")),
    ("json_two_documents.json", f"[{_ENTRY}]\n[{_ENTRY}]\n"),
    ("json_entries_without_commas.json", f"[{_ENTRY}\n{_ENTRY}]\n"),
    ("json_missing_colon.json", '[{"body" "summit", "start": "2022-06-01"}]'),
    ("json_short_u_escape.json", '[{"body": "summit", "title": "\\u12", "start": "2022-06-01"}]'.replace("\\\\", "\\")),
]:
    rec("meetings", name, text)
rec("chairs", "json_trailing_comma.json", '[{"country": "Austria", "start": "2020-01-01",}]')
rec("projection", "json_cut_short.json", '{"schema_version": 1, "command": "project", "meetings": [')
rec("projection", "csv_not_json.json", "date,body\n2027-03-10,summit\n")
case("state", "line_of_two_commas.json", '{"version": 4, "events": {\n"x@planner": {"fingerprint":"f",,"last_modified":"2026-01-01T00:00:00+00:00","sequence":1}\n}}\n', 0, None, "(line 2, column 33: JSON syntax error: no key where one should be (got ',\"last_modified\"")
case("state", "whole_file_cut_short.json", '{"version": 2, "events": {', 0, None, "(line 1, column 27: JSON syntax error: no key where one should be: the file ends there")
# 0 bytes: a JSON register said "expected a header line", a state file (tests/corpus/state/empty.json) "no value where one should be"
case("meetings", "json_empty.json", "", 2, None, "is empty (expected a JSON list of entries, or an object with a 'meetings' list (an empty register is []))")
case("chairs", "json_empty.json", " \n", 2, None, "is empty (expected a JSON list of entries, or an object with a 'chairs' list (an empty register is []))")
# a DURATION of no length (P, PT, P1DT) was read as zero, or as the days before its T
for name, value in [("pt", "PT"), ("p", "P"), ("minus_pt", "-PT"), ("plus_p", "+P")]:
    case("meetings", f"ics_duration_{name}.ics", ics("DTSTART;VALUE=DATE:20220601", f"DURATION:{value}"), 2, "8", f"DURATION has no length (got {value!r}")
case("meetings", "ics_duration_t_alone.ics", ics("DTSTART;VALUE=DATE:20220601", "DURATION:P1DT"), 2, "8", "DURATION has a T and no hours, minutes or seconds after it (got 'P1DT'")
case("meetings", "ics_duration_folded_p_2d.ics", ics("DTSTART;VALUE=DATE:20220601", "DURATION:P\r\n 2D"), 1)
for name, value in [("pt0s", "PT0S"), ("p0d", "P0D")]:  # zero: one day, as DTEND equal to DTSTART
    case("meetings", f"ics_duration_{name}.ics", ics("DTSTART;VALUE=DATE:20220601", f"DURATION:{value}"), 1)
# a date that does not exist in an .ics: "Wrong date format 20260230" -> which month is short
rec("meetings", "ics_dtstart_february_30.ics", ics("DTSTART;VALUE=DATE:20260230"))
rec("meetings", "ics_dtend_february_31.ics", ics("DTSTART;VALUE=DATE:20260210", "DTEND;VALUE=DATE:20260231"))
rec("meetings", "ics_until_february_30.ics", ics("DTSTART;VALUE=DATE:20260210", "RRULE:FREQ=YEARLY;UNTIL=20270230"))
rec("meetings", "ics_exdate_february_29_2027.ics", ics("DTSTART;VALUE=DATE:20260210", "RRULE:FREQ=YEARLY;COUNT=3", "EXDATE;VALUE=DATE:20270229"))
rec("meetings", "ics_dtstart_hour_25.ics", ics("DTSTART:20260210T250000Z"))
# a CSV whose header comes again (two registers pasted together): one line, not one a cell
_HEADER = "body,kind,ordinal,start,end,status,city,country\n"
_ROW = "summit,regular,1,2002-06-04,2002-06-05,held,Almaty,Kazakhstan\n"
case("meetings", "csv_header_again.csv", _HEADER + _ROW + _HEADER + _ROW.replace(",1,2002-06-04,2002-06-05,", ",2,2006-06-17,,"), 2, "3", "is the header line again (got 'body,kind,ordinal,start,end,status,city,country'")
case("meetings", "csv_header_again_upper_case.csv", _HEADER + _ROW + _HEADER.upper(), 2, "3", "is the header line again")
case("chairs", "csv_header_again.csv", "country,start,end\nAustria,2010-01-01,2011-12-31\ncountry,start,end\nKazakhstan,2012-01-01,\n", 2, "3", "is the header line again (got 'country,start,end'")


# --- session 25: DURATIONs held to RFC 5545 3.3.6's grammar (icalendar read P1W2D as nine days,
# PT1H30S as 1 h 30 s), RRULE parts held to 3.3.10's ranges (BYDAY=9MO monthly was an IndexError
# traceback, BYMONTHDAY=0 made a series daily, BYMONTH=13 left its first meeting alone), event
# properties that contradict or the RFC does not allow, short names of nothing visible; and kinds
# of input not yet here that are read right (a fold splitting a UTF-8 character, x-name
# parameters, a BOM with CR LF in every kind of file)
_D = "DTSTART;VALUE=DATE:20220601"
for name, value, says in [
    ("weeks_and_days", "P1W2D", "DURATION gives weeks beside other units (got 'P1W2D'; expected 'P9D'"),
    ("small_letters", "p2d", "DURATION is written in small letters (got 'p2d'; expected 'P2D'"),
    ("minutes_skipped", "PT1H30S", "DURATION skips a unit between hours and seconds (got 'PT1H30S'; expected 'PT1H0M30S'"),
    ("months", "P1M", "DURATION gives years or months, which have no fixed length (got 'P1M'"),
    ("hours_without_t", "P2D3H", "DURATION is not a length (got 'P2D3H'"),
    ("fraction", "P1.5D", "DURATION is not a length (got 'P1.5D'"),
    ("leading_space", " P2D", "DURATION has spaces around its value (got ' P2D'; expected 'P2D'"),
]:
    case("meetings", f"ics_duration_{name}.ics", ics(_D, f"DURATION:{value}"), 2, "8", says)
case("meetings", "ics_duration_weeks_alone.ics", ics(_D, "DURATION:P1W"), 1)
case("meetings", "ics_duration_in_valarm_small_letters.ics", ics(_D, "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "REPEAT:2", "DURATION:pt5m", "END:VALARM"), 2, "12", "DURATION is written in small letters (got 'pt5m'; expected 'PT5M'")
_V = "VEVENT 1 'Summit'"
for name, rule, says in [
    ("byday_9mo_monthly", "FREQ=MONTHLY;BYDAY=9MO;COUNT=3", "recurring series has BYDAY=9MO"),
    ("byday_60mo_yearly", "FREQ=YEARLY;BYDAY=60MO;COUNT=3", "recurring series has BYDAY=60MO"),
    ("byday_numbered_weekly", "FREQ=WEEKLY;BYDAY=2MO;COUNT=3", "recurring series has BYDAY=2MO"),
    ("bymonth_13", "FREQ=YEARLY;BYMONTH=13", "recurring series has BYMONTH=13, out of its range"),
    ("bymonthday_0", "FREQ=MONTHLY;BYMONTHDAY=0;COUNT=3", "recurring series has BYMONTHDAY=0, out of its range"),
    ("bymonthday_40", "FREQ=YEARLY;BYMONTHDAY=40;COUNT=3", "recurring series has BYMONTHDAY=40, out of its range"),
    ("byyearday_minus_400", "FREQ=YEARLY;BYYEARDAY=-400;COUNT=3", "recurring series has BYYEARDAY=-400, out of its range"),
    ("byweekno_60", "FREQ=YEARLY;BYWEEKNO=60;COUNT=3", "recurring series has BYWEEKNO=60, out of its range"),
    ("byhour_25", "FREQ=DAILY;BYHOUR=25;COUNT=3", "recurring series has BYHOUR=25, out of its range"),
    ("bysetpos_0", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0;COUNT=3", "recurring series has BYSETPOS=0, out of its range"),
    ("count_0", "FREQ=YEARLY;COUNT=0", "recurring series has COUNT=0"),
    ("count_and_until", "FREQ=YEARLY;COUNT=3;UNTIL=20150101", "recurring series gives both COUNT and UNTIL"),
]:
    case("meetings", f"ics_rrule_{name}.ics", ics(_D, f"RRULE:{rule}"), 2, _V, says)
case("meetings", "ics_rrule_fifth_monday_and_last_friday.ics", ics(_D, "RRULE:FREQ=MONTHLY;BYDAY=5MO,-1FR;COUNT=6"), 1)
for name, props, says in [
    ("dtend_and_duration", ("DTEND;VALUE=DATE:20220603", "DURATION:P5D"), "event gives both DTEND and DURATION"),
    ("status_postponed", ("STATUS:POSTPONED",), "STATUS is not a status a VEVENT has (got 'POSTPONED'"),
    ("status_twice_different", ("STATUS:CONFIRMED", "STATUS:CANCELLED"), "STATUS appears 2 times with different values"),
    ("planner_ordinal_twice_different", ("X-PLANNER-ORDINAL:3", "X-PLANNER-ORDINAL:4"), "X-PLANNER-ORDINAL appears 2 times with different values (got '3, 4'"),
    ("exdate_period", ("RRULE:FREQ=YEARLY;COUNT=3", "EXDATE;VALUE=PERIOD:20230601T000000Z/P1D"), "EXDATE is a PERIOD"),
    ("rdate_year_0001", ("RDATE;VALUE=DATE:00010101",), "RDATE: is out of range (got '00010101'"),
    ("rdate_year_9999", ("RDATE;VALUE=DATE:20230601,99991231",), "RDATE: is out of range"),
]:
    case("meetings", f"ics_{name}.ics", ics(_D, *props), 2, _V, says)
_FOLD_HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//corpus//EN\r\nBEGIN:VEVENT\r\nUID:corpus-1\r\n"
_FOLD_TAIL = b"DTSTART;VALUE=DATE:20220601\r\nLOCATION:Gen\xc3\r\n \xa8ve\\, Switzerland\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
# RFC 5545 3.1: a fold may split a UTF-8 sequence, and unfolding must restore it
case("meetings", "ics_fold_splitting_utf8_two_bytes.ics", _FOLD_HEAD + b"SUMMARY:Summit \xc3\r\n \xa9t\xc3\xa9\r\n" + _FOLD_TAIL, 1)
case("meetings", "ics_fold_splitting_utf8_four_bytes.ics", _FOLD_HEAD + b"SUMMARY:Summit \xf0\x9f\r\n \x8c\x8d\r\n" + _FOLD_TAIL, 1)
for name, content, code in [
    ("ics_bom.ics", "\ufeff" + ics(_D), 1),
    ("ics_x_name_parameters.ics", ics("DTSTART;X-FOO=bar;X-QUOTED=\"a:b;c\";VALUE=DATE:20220601").replace("SUMMARY:Summit", "SUMMARY;LANGUAGE=en;X-Y=\"z\":Summit"), 1),
    ("ics_x_name_parameter_quote_never_closed.ics", ics('DTSTART;X-FOO="a:b;VALUE=DATE:20220601'), 2),
    ("ics_status_cancelled_small_letters.ics", ics(_D, "STATUS:cancelled"), 1),
    ("ics_same_ordinal_twice.ics", ics(_D, "X-PLANNER-ORDINAL:3", "X-PLANNER-ORDINAL:3"), 1),
    ("ics_vtimezone_same_tzid_twice.ics", ICS.format(events="".join(f"BEGIN:VTIMEZONE\r\nTZID:Twice\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:{o}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" for o in ("+0100", "-1100")) + "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Summit\r\nDTSTART;TZID=Twice:20220601T060000\r\nEND:VEVENT\r\n"), 1),
    ("ics_line_of_20000_characters.ics", ics(_D, "DESCRIPTION:" + "x" * 20_000), 1),
    ("json_bom_crlf.json", '\ufeff[{"body": "summit", "start": "2002-06-04"},\r\n{"body": "summit", "start": "2006-06-04"}]\r\n', 1),
]:
    rec("meetings", name, content, code)
for name, content, code in [
    ("csv_bom_crlf.csv", "\ufeffcountry,start,end\r\nAustria,2010-01-01,2011-12-31\r\nKazakhstan,2012-01-01,\r\n", 0),
    ("json_bom.json", '\ufeff[{"country": "Austria", "start": "2010-01-01"}]', 0),
    ("json_cr_only_line_ends.json", '[{"country": "Austria",\r"start": "2010-01-01"}]', 0),
    ("csv_country_by_code.csv", "country,start,end\nAT,2010-01-01,2011-12-31\n", 0),
]:
    rec("chairs", name, content, code)
for name, content, code in [
    ("bom_crlf.txt", "\ufeffAzerbaijan\r\nKyrgyzstan\r\n", 0),
    ("codes.txt", "AZ\nKG\n", 0),
    ("small_letters.txt", "azerbaijan\nkyrgyzstan\n", 0),
    ("no_break_space_in_a_name.txt", "Azer\u00a0baijan\n", 2),
    ("zero_width_space_in_a_name.txt", "Azer\u200bbaijan\n", 2),
]:
    rec("plan", name, content, code)
case("state", "version_5.json", '{"version": 5, "events": {}}', 0, None, STATE_SAYS + " (version 5 is not one this planner reads")
case("state", "version_text.json", '{"version": "4", "events": {}}', 0, None, STATE_SAYS + " (version '4' is not one this planner reads")
case("state", "cut_short_in_a_key.json", '{"version": 4, "events": {"a@x": {"fingerprint":"f","last_mod', 0, None, STATE_SAYS + " (line 1, column 53: JSON syntax error: a text in double quotes is never closed")
case("state", "bom_crlf.json", '\ufeff{"version": 4,\r\n "events": {}}\r\n', 0)
rec("rulebook", "bom_crlf.toml", "\ufeff" + MINIMAL.replace("\n", "\r\n"), 0)
case("rulebook", "organization_short_name_empty.toml", rb('short_name = "DEMO"', 'short_name = ""'), 2, "organization.short_name", "is empty (got ''; expected a name with visible characters)")
case("rulebook", "body_short_name_spaces.toml", rb('short_name = "SOC"', 'short_name = "   "'), 2, "bodies[2].short_name", "is empty (got '   '; expected a short name with visible characters, or none (short_name left out))")
case("rulebook", "body_short_name_empty.toml", rb('short_name = "SOC"', 'short_name = ""'), 0)
rec("rulebook", "on_february_29.toml", rb('kind = "every"\ninterval = "4y"', 'kind = "on"\nmonth = 2\nday = 29'), 0)
rec("rulebook", "on_february_30.toml", rb('kind = "every"\ninterval = "4y"', 'kind = "on"\nmonth = 2\nday = 30'))


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
        if says == RECORD:
            lines.append(f"line = {json.dumps(_record(folder, path))}")
        else:
            if where is not None:
                lines.append(f"where = {json.dumps(where)}")
            if says is not None:
                lines.append(f"says = {json.dumps(says)}")
        lines.append("")
    (HERE / "cases.toml").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
