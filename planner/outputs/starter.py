"""``planner init``: a starter rule book with every rule kind shown in comments, empty
registers that validate, and the shipped examples to copy instead.

The starter is plain text so that its comments survive: it teaches the format where it is
edited. Values the user gives (the name, the members) are written as TOML basic strings, whose
escapes JSON's are a subset of.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from planner.core.errors import InputErrors, PlannerError
from planner.inputs.countries import country_table, fold, iso_codes

MEETINGS_HEADER = "body,kind,ordinal,start,end,status,city,country,format,title,source\n"
CHAIRS_HEADER = "country,start,end,ordinal,note,source\n"
FILES = ("rules.toml", "meetings.csv", "chairs.csv")


class InitError(PlannerError):
    """A member that is not a country, an unknown example, a folder that is not empty."""


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def short_name(name: str) -> str:
    """Initials of the significant words: "Regional Fisheries Commission" -> "RFC"."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in {"of", "the", "for", "and", "on", "in", "de", "la", "du"}]
    return "".join(w[0].upper() for w in words)[:8] or "ORG"


_countries = country_table
_fold = fold


def resolve_members(text: str) -> list[tuple[str, str]]:
    """``"Austria, Kazakhstan, Faroe Islands=FO"`` -> names with ISO 3166 alpha-2 codes. A name
    the holidays package does not know needs its code: ``Name=XX``."""
    out: list[tuple[str, str]] = []
    problems: list[PlannerError] = []  # every one, a line each: a list of 46 members that named
    # two the package does not know took two runs to learn it (session 23's trial)
    table = _countries()
    for item in (p.strip() for p in text.split(",")):
        if not item:
            continue
        name, sep, code = item.partition("=")
        name, code = name.strip(), code.strip().upper()
        if sep:
            known = table.get(_fold(name))
            if not re.fullmatch(r"[A-Z]{2}", code):
                problems.append(InitError(f"--members: {item!r}: {code!r} is not a two-letter ISO 3166 code; expected Name=XX, e.g. Austria=AT"))
            elif known is not None and known[1] != code and _fold(name) != _fold(code):
                # (Austria=XX was written as the member's code: the holidays package knows no
                # XX, and the meetings it hosts avoided only weekends, not Austria's holidays)
                problems.append(InitError(f"--members: {item!r}: {name} is {known[1]} in ISO 3166, not {code}; expected {name}={known[1]}, or {name} alone"))
            elif code not in iso_codes():
                problems.append(InitError(f"--members: {item!r}: {code!r} is no country's ISO 3166 code (AA, QM-QZ, XA-XZ and ZZ are for private use); expected the country's code, e.g. Faroe Islands=FO"))
            out.append((name, code))
            continue
        found = table.get(_fold(name))
        if found is None:
            # a country whose name the one given holds ("Republic of Moldova": Moldova, not the
            # Republic of Korea that spelling alone comes nearest to), else the nearest spellings
            held = [k for k in table if len(k) >= 5 and k in _fold(name)]
            close = held or difflib.get_close_matches(_fold(name), list(table), n=3, cutoff=0.75)
            names = list(dict.fromkeys(table[c][0] for c in close))[:3]
            hint = f" (did you mean {', '.join(names)}?)" if names else ""
            problems.append(InitError(f"--members: {name!r} is not a country the holidays package knows{hint}; expected a country name, or Name=XX with its ISO 3166 code"))
            continue
        out.append((name, found[1]))
    if not problems:
        first: dict[str, str] = {}
        for name, code in out:
            if code in first and first[code] != "":
                # one line naming both (the rule book made from it said "duplicate member code")
                what = "is given twice" if first[code] == name else f"has the code of {first[code]!r} ({code})"
                problems.append(InitError(f"--members: {name!r} {what}; expected each member once"))
                first[code] = ""  # (one line a code)
            first.setdefault(code, name)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        shown = problems[:MEMBER_PROBLEMS]
        if len(problems) > MEMBER_PROBLEMS:
            shown.append(InitError(f"--members: {len(problems) - MEMBER_PROBLEMS} more members not known, not listed"))
        raise InputErrors(shown)
    return out


MEMBER_PROBLEMS = 50  # as a file's: README "Limits", problems listed for one file


def starter_rulebook(name: str, members: list[tuple[str, str]], year: int) -> str:
    """A rule book that validates as written: two bodies, and every other rule kind in comments."""
    short = short_name(name)
    org_id = re.sub(r"[^a-z0-9]+", "-", short.lower()).strip("-") or "org"
    if not re.match(r"[a-z]", org_id):
        org_id = "org-" + org_id
    member_lines = "".join(f"\n[[organization.members]]\nname = {_toml(n)}\ncode = {_toml(c)}\n" for n, c in members)
    if not members:
        member_lines = '\n# [[organization.members]]\n# name = "Austria"\n# code = "AT"                        # ISO 3166-1 alpha-2: public holidays come from it\n'
    return _STARTER.format(name=_toml(name), short=_toml(short), id=_toml(org_id), members=member_lines, year=year, next=year + 1)


_STARTER = """\
# The rule book: who meets, how often, and on whose authority. Made by `planner init`.
#
# Check it with  planner validate --rules rules.toml --meetings meetings.csv --chairs chairs.csv
# `planner schema -o rulebook.schema.json` gives editors a JSON Schema to check it as you type.
# Dates are YYYY-MM-DD (or YYYY, YYYY-MM where only that is known); durations "4y", "6m", "60d".

[organization]
id = {id}
name = {name}
short_name = {short}
timezone = "UTC"                      # IANA zone, e.g. "Europe/Vienna"
# secretariat = {{ city = "Vienna", country = "Austria" }}
# source = "Statute of the organization (https://...)"

# Member states: projected meetings avoid their public holidays (from the ISO code).
{members}
# Days on which nothing is placed:
# [[organization.blackout]]
# start = {next}-09-20
# end = {next}-09-24
# reason = "UN General Assembly high-level week"

# How the chair passes. Remove the leading "# " to use it; `planner chairs` checks the chair
# register against it and plans the next chairs (`--plan "A, B"`).
# [chairmanship]
# term = "1y"
# order = "alphabetical"              # or "plan" (an agreed list), or "listed" (the order of `members`)
# handover_bodies = ["assembly"]      # optional: the chair changes at these bodies' meetings
# source = "Rules of Procedure, rule 3"

# -------------------------------------------------------------------------------------------
# Bodies. Each has an id (what --body takes), a name, a category (governing, working or
# advisory) and one or more cadence rules. Any rule may say `source` (cite it!), `since` and
# `until` (rules change: write each version as a rule with the same `id`), `binding = false`
# (customary: shortfalls are advisories, not violations) and `counts` (the meeting kinds that
# count; default ["regular"], so a special session does not replace the regular one).

[[bodies]]
id = "assembly"
name = "General Assembly"
short_name = "Assembly"
category = "governing"
established = {year}
months = [10]                         # preferred months for projected meetings
duration_days = 2                     # consecutive working days of the host country

[[bodies.rules]]
kind = "every"                        # one meeting every interval after the last
interval = "1y"
source = "Statute, art. 10"

[[bodies]]
id = "council"
name = "Executive Council"
short_name = "Council"
category = "working"
established = {year}

[[bodies.rules]]
kind = "at_least"                     # each period holds at least `count` meetings
count = 2
per = "year"                          # year, half, quarter, month or week
source = "Statute, art. 14"

# The other rule kinds, to put under a body (remove the leading "# "):
#
# [[bodies.rules]]                    # two years after each meeting of another body
# kind = "after"
# body = "assembly"
# offset = "2y"
#
# [[bodies.rules]]                    # within a month before each meeting of another body
# kind = "before"
# body = "assembly"
# offset = "1m"
#
# [[bodies.rules]]                    # no more than once a year
# kind = "at_most"
# count = 1
# per = "year"
#
# [[bodies.rules]]                    # on a day computed each year: the third Tuesday of September
# kind = "on"
# month = 9
# weekday = "tue"
# nth = 3
#
# [[bodies.rules]]                    # every four years on a fixed grid; customary only
# kind = "every"
# id = "review"
# interval = "4y"
# mode = "grid"
# anchor = {year}
# binding = false
#
# [[bodies.rules]]                    # four a year, never more than 120 days apart
# kind = "at_least"
# id = "quarterly"                    # an id tells two rules of one kind on one body apart
# count = 4
# per = "year"
# max_gap = "120d"
#
# [[bodies.rules]]                    # meets when needed: tracked, never due
# kind = "ad_hoc"
"""


@dataclass(frozen=True)
class Example:
    name: str
    organization: str
    rules: Path
    meetings: Path
    chairs: Path | None


def examples() -> dict[str, Example]:
    """The shipped examples by name (their file name without ``.toml``), CICA first."""
    from planner.inputs.rulebook import embedded_path

    packaged = resources.files("planner") / "data" / "examples"
    folder = Path(str(packaged)) if packaged.is_dir() else Path(__file__).resolve().parents[2] / "examples"
    found = {"cica": (embedded_path("cica.toml"), embedded_path("cica-meetings.csv"), embedded_path("cica-chairs.csv"))}
    for rules in sorted(folder.glob("*.toml")):
        chairs = folder / f"{rules.stem}-chairs.csv"
        found[rules.stem] = (rules, folder / f"{rules.stem}-meetings.csv", chairs if chairs.is_file() else None)
    out = {}
    for name, (rules, meetings, chairs) in found.items():
        if not rules.is_file() or not meetings.is_file():
            continue
        organization = tomllib.loads(rules.read_text("utf-8")).get("organization", {}).get("name", name)
        out[name] = Example(name, organization, rules, meetings, chairs)
    return out


def example(name: str) -> Example:
    known = examples()
    if name not in known:
        close = difflib.get_close_matches(name, list(known), n=3) or list(known)
        raise InitError(f"--example: {name!r} is not a shipped example; expected one of {', '.join(close)} (see planner init --list)")
    return known[name]
