"""TOML rule book -> :class:`~planner.core.model.RuleBook`, with the file and key path in every error.

The schema lives in :mod:`planner.core.schema`; this module reads the file, builds the run-time
values (directly when every value is plainly right, :mod:`planner.inputs.rulebook_fast`, else
through the schema), turns pydantic's errors into one-line messages a secretariat can act on
(:mod:`planner.inputs.rulebook_words`),
and checks what a single model cannot see: unique ids and aliases, references between bodies,
and cycles of ``after`` rules.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from planner.core import model
from planner.core.catalogue import catalogue_problems
from planner.core.errors import InputErrors, RuleBookError
from planner.core.model import AfterRule, BeforeRule, RuleBook
from planner.core.rules import before_spelled_as_after, cycle_in
from planner.core.words import name_key
from planner.inputs.countries import country_code
from planner.inputs.inputfile import read_text
from planner.inputs.limits import (
    MAX_DEPTH,
    MAX_ID_LENGTH,
    MAX_RULEBOOK_BYTES,
    PERIOD_DAYS,
    RESERVED_IDS,
    WINDOWS_DEVICE_NAMES,
    screen,
)
from planner.inputs.rulebook_words import pydantic_errors


def _iso(value: object) -> str:
    """JSON text for what TOML (or a caller's dict) holds beyond JSON: dates, and objects of
    the model such as a PartialDate, which read back from their text."""
    return value.isoformat() if isinstance(value, date) else str(value)


try:  # tomllib's upstream, compiled: a large rule book parses in half the time (a run-time dependency)
    from tomli import loads as _fast_loads
except ImportError:  # pragma: no cover (an environment without it: the standard library's parser)
    from tomllib import loads as _fast_loads

# `established = 2019-09`: a partial date written bare, as a year may be (README "The rule book");
# TOML reads `2019-09` as nothing it knows and says only "Expected newline" or "Unclosed inline table".
_BARE_MONTH = re.compile(r"=\s*(\d{4}-\d{2})(?![-\d:])")
_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)$")


@cache
def _package() -> Path:
    return Path(__file__).resolve().parents[1]


def embedded_path(name: str) -> Path:
    """A file of the embedded CICA default: inside the installed wheel, or in the source tree.

    The package is installed as files (the embedded data is read as a path), so its folder is
    found from this module's own path: ``importlib.resources`` would cost every command's
    start-up more than the rest of this lookup."""
    package = _package()
    packaged = package / "data" / name
    if packaged.is_file():
        return packaged
    root = package.parent
    source = {"cica.toml": root / "rules" / "cica.toml"}.get(name, root / "examples" / name)
    return source


def load_rulebook(path: str | Path) -> RuleBook:
    """Read and validate a rule book; raise :class:`RuleBookError` (or several) on any problem."""
    path = Path(path)
    text = read_text(path, RuleBookError, what="TOML", empty="a rule book: an [organization] table and [[bodies]]", limit=MAX_RULEBOOK_BYTES)
    try:
        data = _fast_loads(text)
    except (ValueError, RecursionError):  # not TOML, or not for it: the standard library's parser words why
        data = _toml(text, path)
    return parse_rulebook(data, path)


# What a TOML statement or value may be, for the parser's two shortest messages.
_TOML_WANTED = {
    "Invalid statement": "a key = value line, a [table] header or a # comment",
    "Invalid value": 'a TOML value: a "quoted string", a number, true or false, a date, an [array] or an { inline table }',
}


def _where(at: str, message: str) -> tuple[str | None, str | None]:
    """For the parser's shortest messages, the text where it stopped (the bad value: up to 40
    characters of its line) and what may stand there; an invisible character there is named
    whatever the message, since no editor shows it (a second byte order mark read as 'Invalid
    statement' and nothing else)."""
    value = (at[:40] + "...") if len(at) > 40 else at
    first = at[:1]
    if first and first != "\t" and unicodedata.category(first) in ("Cf", "Cc", "Zl", "Zp"):
        name = unicodedata.name(first, "a control character")
        mark = "; a byte order mark may open the file, once" if first == "\ufeff" else ""
        return value, f"no invisible character here: U+{ord(first):04X} ({name}){mark}"
    if message not in _TOML_WANTED:  # (the others stop past what is wrong, and say it)
        return None, None
    return (value or None), _TOML_WANTED[message]


def _toml(text: str, path: Path) -> dict[str, Any]:
    """The document, or the error of the standard library's parser as a one-line
    :class:`RuleBookError` (file, line:column): every error reads as it always has, whichever
    parser met it first (tomli stops at 400 levels of inline nesting, tomllib where the
    interpreter's recursion limit does)."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POS.match(str(exc))
        if match:
            # tomllib counts lines by "\n" alone; str.splitlines also ends one at U+2028 in a string
            lines = text.split("\n")
            line = lines[int(match["line"]) - 1] if int(match["line"]) <= len(lines) else ""
            month = _BARE_MONTH.search(line)
            expected = f'a month written in quotes, "{month[1]}": TOML has dates and numbers, no months; a bare year is a number' if month else None
            at = line[int(match["col"]) - 1 :]
            if at[:1] == "\r":  # (the whole file on "line 1": classic Mac OS line ends)
                expected = "lines ended by LF or CR LF, as TOML allows; a carriage return alone, as classic Mac OS saved files, ends no line"
            value, wanted = _where(at.split("\r")[0].rstrip(), match["msg"])
            raise RuleBookError(f"TOML syntax error: {match['msg']}", path=path, location=f"{match['line']}:{match['col']}", value=value, expected=expected or wanted) from None
        raise RuleBookError(f"TOML syntax error: {exc}", path=path) from None
    except RecursionError:
        raise RuleBookError("is nested too deeply to read", path=path, expected=f"at most {MAX_DEPTH} levels of tables and arrays") from None
    except ValueError as exc:  # an integer of thousands of digits (int_max_str_digits)
        raise RuleBookError(f"TOML value cannot be read: {str(exc).split(';')[0]}", path=path, expected="numbers of a few digits") from None


def parse_rulebook(data: dict[str, Any], path: str | Path = "<rule book>") -> RuleBook:
    """Validate a parsed rule book strictly: ``binding = "yes"`` or ``count = 2.0`` is an error,
    not a guess. Validation runs on the JSON form of the document, where pydantic's strict mode
    still reads a kind or a date from its text; TOML dates become their ISO text."""
    data = before_spelled_as_after(data)  # `after` with offset "-1m" is DESIGN's `before`
    problems = [RuleBookError(problem, path=path, location=where or None, value=value, expected=expected) for where, problem, value, expected in screen(data, dates=True, names=True)]
    if problems:
        raise InputErrors(problems[:50])
    from planner.inputs.rulebook_fast import fast_rulebook

    book = fast_rulebook(data)
    if book is None:  # not plainly valid: the schema decides, and words what is wrong
        book = _validated(data, path)
    problems = list(_cross_check(book, path))
    if problems:
        raise InputErrors(problems)
    return book


def _validated(data: dict[str, Any], path: str | Path) -> RuleBook:
    import json

    from pydantic import ValidationError

    from planner.core.schema import to_runtime
    from planner.core.schema.book import RuleBook as Schema

    try:
        return to_runtime(Schema.model_validate_json(json.dumps(data, default=_iso), strict=True))
    except ValidationError as exc:
        raise InputErrors(pydantic_errors(exc.errors(), path)) from None


def _cross_check(book: RuleBook, path: str | Path):
    ids = book.body_ids()
    seen: dict[str, int] = {}
    names: dict[str, str] = {}
    for i, body in enumerate(book.bodies):
        if body.id in RESERVED_IDS:
            yield RuleBookError("is a name planner writes in a feed folder (all.ics, index.html)", path=path, location=f"bodies[{i}].id", value=body.id, expected="another id: " + ", ".join(sorted(RESERVED_IDS)) + " are reserved")
        if body.id in WINDOWS_DEVICE_NAMES:
            yield RuleBookError("is a device name on Windows: its feed file could not be made there", path=path, location=f"bodies[{i}].id", value=body.id, expected="another id: con, prn, aux, nul, com0-com9 and lpt0-lpt9 are reserved")
        if len(body.id) > MAX_ID_LENGTH:
            yield RuleBookError(f"is longer than {MAX_ID_LENGTH} characters", path=path, location=f"bodies[{i}].id", value=body.id[:20] + "...", expected=f"a short id (it names the body's feed file): at most {MAX_ID_LENGTH} characters")
        if body.id in seen:
            yield RuleBookError(f"duplicate body id (also bodies[{seen[body.id]}])", path=path, location=f"bodies[{i}].id", value=body.id, expected="ids unique in the rule book")
            continue
        seen[body.id] = i
        for name in sorted(body.names()):
            other = names.get(name)
            if other and other != body.id:
                yield RuleBookError(f"name or alias {name!r} is used by both {other!r} and {body.id!r}", path=path, location=f"bodies[{i}].aliases")
            names[name] = body.id

    def unknown(ref: str, loc: str, what: str) -> RuleBookError:
        import difflib

        close = difflib.get_close_matches(ref, ids, n=3)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return RuleBookError(f"{what} names an unknown body{hint}", path=path, location=loc, value=ref, expected="the id of a body in this rule book")

    graph: dict[str, list[str]] = {}
    for i, body in enumerate(book.bodies):
        edges: list[str] = []
        for j, rule in enumerate(body.rules):
            yield from _count_fits(rule, f"bodies[{i}].rules[{j}].count", path)
            if isinstance(rule, AfterRule | BeforeRule):
                if rule.body not in seen:
                    yield unknown(rule.body, f"bodies[{i}].rules[{j}].body", f"{rule.kind} rule")
                elif rule.body == body.id:
                    yield RuleBookError(f"{'an after' if rule.kind == 'after' else 'a before'} rule cannot follow its own body", path=path, location=f"bodies[{i}].rules[{j}].body", value=rule.body)
                else:
                    edges.append(rule.body)
            for k, ref in enumerate(rule.except_when):
                if ref not in seen:
                    yield unknown(ref, f"bodies[{i}].rules[{j}].except_when[{k}]", "except_when")
                elif ref == body.id:
                    yield RuleBookError("a body cannot excuse itself", path=path, location=f"bodies[{i}].rules[{j}].except_when[{k}]", value=ref, expected="the id of another body")
                else:
                    edges.append(ref)
        if body.before:
            if body.before not in seen:
                yield unknown(body.before, f"bodies[{i}].before", "before")
            elif body.before == body.id:
                yield RuleBookError("a body cannot meet before itself", path=path, location=f"bodies[{i}].before", value=body.before)
            else:
                edges.append(body.before)
        if body.host is model.HostPolicy.FIXED and body.host_country and book.organization.members and not book.organization.member(body.host_country) and country_code(body.host_country) is None:
            # (a host need not be a member: a committee meeting at the UN in New York keeps the
            # United States' working days; a name that is neither is most likely a slip)
            yield RuleBookError("host_country is neither a member state nor a country", path=path, location=f"bodies[{i}].host_country", value=body.host_country, expected="a name, alias or code in organization.members, or a country's name or ISO code")
        yield from _overlapping_versions(body, i, path)
        graph[body.id] = edges
    cycle = cycle_in(graph)
    if cycle:
        shown = cycle if len(cycle) <= 9 else [*cycle[:4], f"... {len(cycle) - 7} more ...", *cycle[-3:]]
        yield RuleBookError("after/before rules form a cycle: " + " -> ".join(shown), path=path, location="bodies", expected="no body to depend on itself through other bodies")
    if book.chairmanship:
        for k, ref in enumerate(book.chairmanship.handover_bodies):
            if ref not in seen:
                yield unknown(ref, f"chairmanship.handover_bodies[{k}]", "handover_bodies")
    codes: dict[str, int] = {}
    members = book.organization.members
    for k, member in enumerate(members):
        if member.code in codes:
            first = codes[member.code]
            yield RuleBookError("duplicate member code", path=path, location=f"organization.members[{k}].code", value=member.code, expected=f"a code of its own: organization.members[{first}] ({members[first].name!r}) has it")
        codes.setdefault(member.code, k)
    yield from _member_names(book, path)
    yield from catalogue_problems(book, path)


def _member_names(book: Any, path: str | Path):
    """Two members called alike (after case, spaces and Unicode forms: ``name_key``) would
    make a chair register's or a plan's country mean either."""
    owners: dict[str, str] = {}
    codes: dict[str, str] = {}  # (a code two members share is said once, as a duplicate code)
    for k, member in enumerate(book.organization.members):
        for name in sorted({name_key(n) for n in (member.name, member.code, *member.aliases) if n}):
            other = owners.setdefault(name, member.name)
            if name == name_key(member.code) and codes.get(name) not in (None, member.name):
                continue
            codes.setdefault(name_key(member.code), member.name)
            if other != member.name:
                yield RuleBookError(f"name, code or alias {name!r} is used by both {other!r} and {member.name!r}", path=path, location=f"organization.members[{k}]", expected="each member named apart")


_PERIOD_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}


def _count_fits(rule: Any, loc: str, path: str | Path):
    """A count no period can hold (``count = 1000000 per month``) is a typo, and projecting it
    would never end: at most one meeting a day."""
    count, per = getattr(rule, "count", None), getattr(rule, "per", None)
    days = PERIOD_DAYS.get(getattr(per, "value", per)) if per is not None else None
    if isinstance(count, int) and days is not None and count > days:
        yield RuleBookError(f"is more meetings than a {per} has days", path=path, location=loc, value=count, expected=f"at most {days} (one meeting a day)")
        return
    # Meetings closer than min_gap count once: count of them, each min_gap after the last, must
    # fit in one period (its longest: a leap year's 366 days, a 31-day month), else no register
    # can ever meet the rule (twice a year, 400 days apart)
    gap = getattr(rule, "min_gap", None)
    if isinstance(count, int) and count > 1 and days is not None and gap is not None:
        months = _PERIOD_MONTHS.get(getattr(per, "value", per))
        steps = gap.amount * (count - 1)
        if gap.unit == "d":
            fits = steps <= days - 1
        elif gap.unit == "m":
            fits = months is not None and steps < months  # (a week holds no month)
        else:  # years: a year after the first is in the next year
            fits = steps == 0
        if not fits:
            yield RuleBookError(
                f"meetings {gap} apart (min_gap) cannot be held {count} times in one {per}",
                path=path,
                location=loc.removesuffix(".count") + ".min_gap",
                value=str(gap),
                expected=f"a min_gap that lets {count} meetings fit in a {per}, or a lower count",
            )


def _overlapping_versions(body: model.Body, index: int, path: str | Path):
    """Versions of one rule must not overlap: a window belongs to one version. Rules with the
    same ``id`` are versions of one rule; without ids, rules of the same kind are presumed to
    be. Different rules (an ``every`` beside an ``after``, or two ids) may be in force together."""
    from datetime import date

    by_rule: dict[str, list[tuple[date, date, int]]] = {}
    for j, rule in enumerate(body.rules):
        by_rule.setdefault(rule.id or f"kind {rule.kind}", []).append((rule.since or date.min, rule.until or date.max, j))
    for identity, spans in by_rule.items():
        spans.sort()
        for (_, end_a, a), (start_b, _, b) in zip(spans, spans[1:], strict=False):
            if start_b <= end_a:
                same = f"same id {identity!r}" if not identity.startswith("kind ") else "same kind, no id"
                yield RuleBookError(
                    f"rules[{a}] and rules[{b}] ({same}) are both in force on {start_b if start_b != date.min else 'every day'}",
                    path=path,
                    location=f"bodies[{index}].rules[{b}].since",
                    expected="versions of one rule that follow one another (set until on the older one), or different ids for different rules",
                )
