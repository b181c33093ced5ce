"""The fast row parser reads a register row exactly as the register's schema does, or leaves
the row to the schema: it never accepts what the schema refuses, never reads a value
differently, and the register's meetings share one object per distinct value."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.dates import PartialDate
from planner.core.errors import PlannerError, RegisterError
from planner.core.model import Meeting, RuleBook
from planner.inputs import table
from planner.inputs.register import (
    MEETING_COLUMNS,
    MEETING_REQUIRED,
    BodyMatcher,
    Found,
    chairs,
    csv_meetings,
    found,
    json_register,
    load_chairs,
    load_meetings,
    meetings_from_rows,
    read_rows,
)
from planner.inputs.rows import RowParser
from planner.inputs.rulebook import load_rulebook
from planner.inputs.table import _LINE, as_dict, lines

HERE = Path(__file__).resolve().parent.parent
BOOK: RuleBook = load_rulebook(HERE.parent / "rules" / "cica.toml")

# cells of each column: the usual shapes (first) and the near misses a hand-kept register holds
USUAL = {"body": 2, "kind": 3, "ordinal": 3, "start": 4, "end": 4, "status": 3, "city": 3, "country": 3, "format": 4, "title": 3, "source": 3, "documents": 3, "cbm": 1, "id": 3}
CELLS = {
    "body": ["summit", "Summit", " soc ", "Senior Officials Committee", "", "sumit", "SUMMIT"],
    "kind": ["", "regular", "Regular", " special", "informal ", "extra", "REGULAR"],
    "ordinal": ["", "1", "7", "01", "0", "-1", "+1", "1_0", "1.0", "999999", "1000000", "１", " 3 ", "12345678901"],
    "start": ["2019", "2019-06", "2019-06-15", "2020-02-29", "2019-02-29", "2019-13-01", "2019-06-31", " 2019-06-15", "0999", "3000", "2999-12-31", "1000", "٢٠١٩", "2019-6-15", "20190615", "2019-W24", "", "2019-06-15 "],
    "end": ["", "2019", "2019-06-16", "2019-06-14", "2018", "2019-06", "2019-02-30", "x"],
    "status": ["", "held", "Planned", " cancelled ", "done"],
    "city": ["", "Astana", " Astana ", "Baku"],
    "country": ["", "Kazakhstan", "Azerbaijan "],
    "format": ["", "in person", "In-Person", "online", "virtual", "hybrid", "zoom"],
    "title": ["", "7th Summit", " 7th Summit "],
    "source": ["", "https://s-cica.org/", " x "],
    "documents": ["", "Almaty Act", "A; B", ";", " A ;B "],
    "cbm": [""],
    "id": ["", "m-1", " m-1 "],
}


@st.composite
def rows(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    header = draw(st.permutations(MEETING_COLUMNS).map(list))
    keep = draw(st.lists(st.booleans(), min_size=len(header), max_size=len(header)))
    header = [h for h, k in zip(header, keep, strict=True) if k or h in ("body", "start")]
    # one cell in ten is any of the column's cells, the others a usual one
    return header, [draw(st.sampled_from(CELLS[h] if draw(st.integers(0, 9)) == 0 else CELLS[h][: USUAL[h]])) for h in header]


@settings(max_examples=400, deadline=None)
@given(rows())
def test_fast_parser_agrees_with_the_schema(case: tuple[list[str], list[str]]) -> None:
    header, row = case
    matcher = BodyMatcher(BOOK)
    fast = RowParser(header, matcher.match, matcher.cbms.get).meeting(list(row))
    found = Found(Path("m.csv"), matcher)
    schema = found.validate(as_dict(header, row), 2)
    if fast is not None:
        assert schema == fast and not found.errors
    assert (schema is None) == bool(found.errors)


def test_usual_rows_take_the_fast_way_and_share_values(tmp_path: Path) -> None:
    """Full dates, years and empty cells are read by the parser, not the schema, and equal
    cells become one object."""
    path = tmp_path / "m.csv"
    path.write_text("body,kind,ordinal,start,end,status,city,country\nsummit,regular,1,2002-06-04,2002-06-05,held,Almaty,Kazakhstan\nsummit,regular,2,2006,,held,Almaty,Kazakhstan\nsoc,,,2006-06-05,,,Almaty,Kazakhstan\n", encoding="utf-8")
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    matcher = BodyMatcher(BOOK)
    parse = RowParser(header, matcher.match, matcher.cbms.get).meeting
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        assert parse(line.split(",")) is not None, line
    first, second, third = load_meetings(path, BOOK)
    assert first.end.earliest is first.end.latest  # one date object for a day
    assert first.city is second.city is third.city and first.country is third.country


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_lines_are_cut_as_the_csv_module_reads_them(end: str) -> None:
    """Lines a megabyte at a time are the lines of the whole text, whatever ends them, with a
    cell of several lines across a piece's end, and a last line with no end."""
    row = f'soc,2019-06-15,"two{end}lines",x{end}'
    text = "body,start,title,source" + end + row * (2 * 1024 * 1024 // len(row)) + "soc,2020"
    assert list(lines(text)) == [match.group() for match in _LINE.finditer(text)]


def test_a_line_separator_in_a_cell_stays_in_its_cell(tmp_path: Path) -> None:
    """U+2028 ends a line for str.splitlines, not for a spreadsheet."""
    path = tmp_path / "m.csv"
    path.write_text("body,start,title\nsummit,2002,one\u2028title\nsummit,2006,x\u2029y\n", encoding="utf-8")
    first, second = load_meetings(path, BOOK)
    assert (first.title, second.title) == ("one\u2028title", "x\u2029y")


def test_a_register_streamed_reads_as_one_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Line ends of every kind, a BOM, a cell of several lines, over more than a megabyte."""
    path = tmp_path / "m.csv"
    ends = ("\n", "\r\n")
    rows = "".join(f'soc,{1950 + i % 70}-0{1 + i % 9}-1{i % 10},"Almaty\r\nKazakhstan",Türkiye {i}{ends[i % 2]}' for i in range(30_000))
    path.write_text("\ufeffbody,start,title,country\r\n" + rows + "summit,2002", encoding="utf-8", newline="")
    streamed = load_meetings(path, BOOK)
    monkeypatch.setattr(table, "open_checked", lambda _path: None)
    assert streamed == load_meetings(path, BOOK) and len(streamed) == 30_001


def test_a_register_that_changes_while_read_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program writing to the file after it was checked: one line, not a traceback."""
    path = tmp_path / "m.csv"
    path.write_text("body,start\n" + "summit,2002\n" * 100_000, encoding="utf-8")
    checked = table.open_checked

    def then_written(p: Path):
        handle = checked(p)
        with p.open("r+b") as f:
            f.seek(1_000_000)
            f.write(b"\xff")
        return handle

    monkeypatch.setattr(table, "open_checked", then_written)
    with pytest.raises(RegisterError, match="changed while it was read"):
        load_meetings(path, BOOK)


@pytest.mark.parametrize("step", [1 << 16, 1, 3])
def test_repeats_name_the_first_line_of_the_same_meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int) -> None:
    """Rows written differently but meaning the same meeting repeat it; ten are named (and
    the same when the set that finds them grows by a few rows at a time)."""
    monkeypatch.setattr(csv_meetings, "_STEP", step)
    monkeypatch.setattr(found, "_STEP", step)
    path = tmp_path / "m.csv"
    path.write_text("body,start,kind\nsummit,2002,\nsoc,2003,regular\n" + "Summit, 2002 ,Regular\nsoc,2003,\n" * 6, encoding="utf-8")
    said: list[str] = []
    assert len(load_meetings(path, BOOK, said.append)) == 2
    named = ", ".join(f"line {4 + i} (same as line {2 + i % 2})" for i in range(10))
    assert said == [f"{path}: 12 rows repeat an earlier row (one meeting where numbered; else one meeting or two, as check weighs where that decides a window): {named} and 2 more"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=120), st.sampled_from([1, 2, 5, 1 << 16]), st.integers(0, 120), st.sampled_from([0, 1, 16]))
def test_repeats_are_found_as_a_walk_row_by_row_finds_them(values: list[int], step: int, taken: int, scans: int) -> None:
    """Found notes each repeated row, each meeting once in the order first read and every row
    of a repeated meeting, first row first, as one walk over the rows would: whatever part of
    the rows it took while they were read, whichever of its ways it finds the first rows by
    (a scan each, or one walk for many), equal meetings made apart (not one object)."""
    meetings = [Meeting(body=f"b{v % 23}", start=PartialDate.parse(str(2000 + v // 23))) for v in values]
    first: dict[Meeting, int] = {}
    repeats = [i for i, m in enumerate(meetings) if first.setdefault(m, i) != i]
    rows: dict[Meeting, list[int]] = {}
    for i, m in enumerate(meetings):
        rows.setdefault(m, []).append(i)
    places = {m: [f"row {i}" for i in found_at] for m, found_at in rows.items() if len(found_at) > 1}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(found, "_STEP", step)
        patch.setattr(found, "_SCANS", scans)
        seen = Found(Path("m.csv"), BodyMatcher(BOOK))
        seen.take(meetings[:taken])
        seen.settle(meetings, lambda i: f"row {i}")
    assert seen.read == list(first) and all(a is b for a, b in zip(seen.read, first, strict=True))
    assert seen.repeats == [(f"row {i}", meetings[i]) for i in repeats]
    assert list(seen.places.items()) == list(places.items())
    assert seen.first == {m: found_at[0] for m, found_at in places.items()}


def test_repeats_name_their_lines_past_blank_short_and_quoted_rows(tmp_path: Path) -> None:
    """The lines a repeat names are counted past blank rows, rows of several lines (named by
    their last line, as their errors are) and short rows, as the csv module counts them."""
    path = tmp_path / "m.csv"
    rows = ["body,start,title", "summit,2002,A", "", "summit,2002,A", 'soc,2003,"two', 'lines"', 'soc,2003,"two', 'lines"', ",,", "Summit , 2002 ,A", "summit,2002", "summit,2002,"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    said: list[str] = []
    assert len(load_meetings(path, BOOK, said.append)) == 3
    assert said == [f"{path}: 4 rows repeat an earlier row (one meeting where numbered; else one meeting or two, as check weighs where that decides a window): line 4 (same as line 2), line 8 (same as line 6), line 10 (same as line 2), line 12 (same as line 11)"]


JSON_VALUES = {**{k: [*v, None] for k, v in CELLS.items()}, "ordinal": [1, 7, 0, -1, 1_000_000, "3", True, 2.0, None, ""], "start": [*CELLS["start"], 2019, 999], "id": ["", "m-1", 12, None], "documents": [*CELLS["documents"], ["A", " B"], []]}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in JSON_VALUES.items()}), min_size=1, max_size=4))
def test_json_entries_read_fast_as_the_schema_reads_them(tmp_path_factory: pytest.TempPathFactory, entries: list[dict[str, object]]) -> None:
    """A JSON register gives the same meetings, or the same errors, read by the row parser
    where it can be and read wholly by the schema."""
    path = tmp_path_factory.mktemp("json") / "m.json"
    path.write_text(json.dumps({"meetings": entries}), encoding="utf-8")

    def outcome() -> object:
        try:
            return load_meetings(path, BOOK)
        except PlannerError as exc:
            return str(exc)

    fast = outcome()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_register, "_cells", lambda _item: None)
        assert fast == outcome()


QUOTED_CELLS = ["summit", "soc", "2019", "2019-06-15", "", " ", "Astana", '"Almaty, Kazakhstan"', '"a ""quoted"" title"', '"two\nlines"', '"two\r\nlines"', 'a"b', '"unclosed', '""', '"soc"', "x;y", "Türkiye"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(QUOTED_CELLS), min_size=0, max_size=5), min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from([",", ";"]),
    st.booleans(),
    st.sampled_from([1, 2, 3, 1024]),
    st.sampled_from([0, 1 << 20]),
)
def test_lines_without_quotes_are_split_as_the_csv_module_reads_them(tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], end: str, delimiter: str, last_end: bool, batch: int, joined: int) -> None:
    """A line without a quote is split at the delimiter instead of read by the csv module:
    the same meetings, repeats, errors and line numbers, with quoted cells over several lines,
    blank lines, short and long rows and every line end, whichever lines a batch of lines
    taken at a time ends on (a quoted cell over two batches)."""
    path = tmp_path_factory.mktemp("csv") / "m.csv"
    text = delimiter.join(["body", "start", "city", "title", "source"]) + end + end.join(delimiter.join(row) for row in rows) + (end if last_end else "")
    path.write_bytes(text.encode("utf-8"))

    def outcome() -> object:
        said: list[str] = []
        try:
            return load_meetings(path, BOOK, said.append), said
        except PlannerError as exc:
            return str(exc)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_meetings, "_BATCH", batch)
        patch.setattr(csv_meetings, "_JOINED", joined)  # quotes looked for line by line, or in the batch joined
        split = outcome()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(table.csv, "field_size_limit", lambda: -1)  # every line to the csv module
        assert split == outcome()
    # and as the csv module's own loop over the rows reads them, with its line numbers
    said: list[str] = []
    try:
        whole: object = meetings_from_rows(read_rows(path, MEETING_COLUMNS, MEETING_REQUIRED), BOOK, path, said.append), said
    except PlannerError as exc:
        whole = str(exc)
    assert split == whole


@pytest.mark.parametrize("batch", [1, 3, 1024])
@pytest.mark.parametrize("joined", [0, 1 << 20])
def test_quoted_cells_in_rows_of_the_header_s_width_are_the_csv_module_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int, joined: int) -> None:
    """A row of the header's width with a quoted cell (its quotes not part of the value, two
    quotes one, a cell over two lines) is read by the csv module, however the batch of lines
    it is in is looked at for a quote."""
    path = tmp_path / "m.csv"
    path.write_text('body,start,city,title\nsummit,2019,"Astana",""\nsoc,2020,Baku,"a ""quoted"" title"\nsoc,2021,"two\nlines",x\nsummit,2022,,\n', encoding="utf-8")
    monkeypatch.setattr(csv_meetings, "_BATCH", batch)
    monkeypatch.setattr(csv_meetings, "_JOINED", joined)
    got = load_meetings(path, BOOK)
    assert [(m.city, m.title) for m in got] == [("Astana", ""), ("Baku", 'a "quoted" title'), ("two\nlines", "x"), ("", "")]
    assert got == meetings_from_rows(read_rows(path, MEETING_COLUMNS, MEETING_REQUIRED), BOOK, path)


CHAIR_CELLS = {
    "country": ["Austria", " Belgium ", "", "Türkiye"],
    "start": ["2019-06-15", "2019", "2019-06", " 2019-06-15", "2019-02-30", "", "x", "0999"],
    "end": ["", "2020-06-15", "2018", "2019-06-14", "2019-06-15", "2019-13"],
    "ordinal": ["", "1", "12", "01", "0", "-1", "999999", "1000000", "1234567890", " 3 ", "1.0", "１"],
    "note": ["", "extended", " x "],
    "source": ["", "https://s-cica.org/"],
}


@settings(max_examples=300, deadline=None)
@given(st.permutations(list(CHAIR_CELLS)), st.lists(st.booleans(), min_size=6, max_size=6), st.data())
def test_chair_rows_read_fast_as_the_schema_reads_them(tmp_path_factory: pytest.TempPathFactory, columns: list[str], keep: list[bool], data: st.DataObject) -> None:
    """A chair register gives the same terms, or the same errors, read by the row parser
    where it can be and by from_cells and the schema alone."""
    header = [c for c, k in zip(columns, keep, strict=True) if k or c == "country"]
    rows = data.draw(st.lists(st.tuples(*(st.sampled_from(CHAIR_CELLS[c]) for c in header)), min_size=1, max_size=4))
    path = tmp_path_factory.mktemp("chairs") / "chairs.csv"
    path.write_text(",".join(header) + "\n" + "".join(",".join(row) + "\n" for row in rows), encoding="utf-8")

    def outcome() -> object:
        try:
            return load_chairs(path)
        except PlannerError as exc:
            return str(exc)

    fast = outcome()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chairs, "chair_parser", lambda _header: lambda _row: None)
        assert fast == outcome()


def test_json_repeats_name_the_first_entry_of_the_same_meeting(tmp_path: Path) -> None:
    """Entries the schema reads (a list of documents) and entries the parser reads repeat
    alike, each named by its place in the register."""
    path = tmp_path / "m.json"
    first, second, listed = {"body": "summit", "start": "2002"}, {"body": "soc", "start": 2003}, {"body": "soc", "start": "2004", "documents": ["A"]}
    path.write_text(json.dumps({"meetings": [first, listed, second, {**first, "kind": "Regular"}, listed, second]}), encoding="utf-8")
    said: list[str] = []
    assert len(load_meetings(path, BOOK, said.append)) == 3
    assert said == [f"{path}: 3 rows repeat an earlier row (one meeting where numbered; else one meeting or two, as check weighs where that decides a window): meetings[3] (same as meetings[0]), meetings[4] (same as meetings[1]), meetings[5] (same as meetings[2])"]


@st.composite
def registers(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """A header of some columns in any order (any of them last) and rows of their cells."""
    header = draw(st.permutations(MEETING_COLUMNS).map(list))
    keep = draw(st.lists(st.booleans(), min_size=len(header), max_size=len(header)))
    header = [h for h, k in zip(header, keep, strict=True) if k or h in ("body", "start")]
    count = draw(st.integers(1, 4))
    return header, [[draw(st.sampled_from(CELLS[h] if draw(st.integers(0, 9)) == 0 else CELLS[h][: USUAL[h]])) for h in header] for _ in range(count)]


@settings(max_examples=300, deadline=None)
@given(registers(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_the_line_end_on_the_last_cell_reads_as_the_csv_module_reads_it(tmp_path_factory: pytest.TempPathFactory, register: tuple[list[str], list[list[str]]], end: str, last_end: bool) -> None:
    """The fast loop splits a line with its line end still on the last cell (every cell is
    read stripped): whichever column is last, the same meetings, warnings and errors as the
    csv module's rows read by the schema."""
    header, rows = register
    path = tmp_path_factory.mktemp("csv") / "m.csv"
    path.write_bytes((",".join(header) + end + end.join(",".join(row) for row in rows) + (end if last_end else "")).encode("utf-8"))

    def outcome(read: Callable[[], list[Meeting]], said: list[str]) -> object:
        try:
            return read(), said
        except PlannerError as exc:
            return str(exc)

    fast: list[str] = []
    whole: list[str] = []
    assert outcome(lambda: load_meetings(path, BOOK, fast.append), fast) == outcome(lambda: meetings_from_rows(read_rows(path, MEETING_COLUMNS, MEETING_REQUIRED), BOOK, path, whole.append), whole)
