"""A seeded generator of a large rule book and register, for the benchmarks.

    python benchmarks/generate.py --bodies 1000 --years 100 --seed 1 --out /tmp/gen

writes ``rulebook.toml`` and ``meetings.csv`` into ``--out`` and prints what it made. The same
arguments always give the same bytes (one ``random.Random(seed)``, no clock, no network).

For ``planner chairs`` it also writes ``rulebook-chairs.toml`` and ``chairs.csv``: the same
organization with a chair that rotates every year in alphabetical order and hosts one body in ten,
and a register of chair terms over the same years, with the slips a real one has (terms extended
to two years, a term that began late). Both come from a random stream of their own, so
``rulebook.toml`` and ``meetings.csv`` are the same bytes with or without them.

Every cadence rule kind of DESIGN.md appears: ``every`` rolling (in years, months and days),
``every`` grid with an anchor and a tolerance, ``after`` (chains to earlier bodies only, so there
is never a cycle; some chains run through several bodies), ``at_least`` per year, half, quarter
and month with and without ``min_gap``, ``at_most`` (beside a floor and alone), ``ad_hoc``,
customary rules (``binding = false``) and rule versions with ``since``/``until``. The register
follows each body's rule with the slips a real one has: missed and late meetings, dates known
only to the year or month, multi-day meetings, special, extraordinary and informal meetings,
cancelled, postponed and planned entries (some planned in the past, i.e. unconfirmed), rows that
name the body by its name or alias instead of its id.

About three meetings per body and year: 1,000 bodies over 100 years is about 300,000 rows.
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TODAY = date(2026, 6, 30)
"""The ``today`` of every benchmark: the register runs ``years`` back from here, plus the
meetings already planned for the coming year."""

COLUMNS = ("body", "kind", "ordinal", "start", "end", "status", "city", "country", "format", "title", "source")
CHAIR_COLUMNS = ("country", "start", "end", "ordinal", "note", "source")
MEMBERS = (
    ("Kazakhstan", "KZ", "Astana"),
    ("Azerbaijan", "AZ", "Baku"),
    ("China", "CN", "Beijing"),
    ("Iran", "IR", "Tehran"),  # Friday weekend
    ("India", "IN", "New Delhi"),
    ("Turkey", "TR", "Ankara"),
)
# (name, weight, meetings per year, sparse): sparse bodies may be the origin of an after rule
PROFILES: tuple[tuple[str, int, bool], ...] = (
    ("rolling", 3, True),
    ("grid", 2, True),
    ("after", 3, True),
    ("at_least_year", 3, False),
    ("at_least_half", 2, False),
    ("at_least_quarter", 3, False),
    ("at_least_month", 2, False),
    ("at_most", 1, False),
    ("ad_hoc", 1, False),
    ("customary", 1, True),
    ("versions", 2, False),
)
PROFILE_CYCLE = tuple(name for name, weight, _ in PROFILES for _ in range(weight))
SPARSE = frozenset(name for name, _, sparse in PROFILES if sparse)


@dataclass
class Generated:
    """A rule book (as the TOML tables it is written from) and register rows (CSV cells)."""

    rulebook: dict[str, Any]
    rows: list[dict[str, str]]
    today: date
    bodies: int
    years: int
    seed: int
    chair_rulebook: dict[str, Any] = field(default_factory=dict)  # the rule book with a chairmanship
    chairs: list[dict[str, str]] = field(default_factory=list)  # its register of chair terms

    def write(self, directory: str | Path) -> tuple[Path, Path]:
        """Write ``rulebook.toml`` and ``meetings.csv`` into ``directory`` (and, for
        ``planner chairs``, ``rulebook-chairs.toml`` and ``chairs.csv``); return the first two."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        toml_path = directory / "rulebook.toml"
        csv_path = directory / "meetings.csv"
        toml_path.write_text(to_toml(self.rulebook), encoding="utf-8")
        with csv_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(self.rows)
        if self.chair_rulebook:
            (directory / "rulebook-chairs.toml").write_text(to_toml(self.chair_rulebook), encoding="utf-8")
            with (directory / "chairs.csv").open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=CHAIR_COLUMNS, lineterminator="\n")
                writer.writeheader()
                writer.writerows(self.chairs)
        return toml_path, csv_path


# ---------------------------------------------------------------------------------------------
# TOML: the subset a rule book needs (no TOML writer is among the project's dependencies)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | date):
        return str(value) if isinstance(value, int) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string of ASCII text is a TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"no TOML for {value!r}")


def _table(lines: list[str], header: str, table: dict[str, Any]) -> None:
    """``[header]`` (or ``[[header]]``) then its scalar keys, then its arrays of tables."""
    lines.append(header)
    nested = []
    for key, value in table.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            nested.append((key, value))
        else:
            lines.append(f"{key} = {_value(value)}")
    name = header.strip("[]")
    for key, items in nested:
        for item in items:
            lines.append("")
            _table(lines, f"[[{name}.{key}]]", item)


def to_toml(data: dict[str, Any]) -> str:
    lines: list[str] = ["# generated by benchmarks/generate.py"]
    for key, value in data.items():
        lines.append("")
        if isinstance(value, list):
            for item in value:
                _table(lines, f"[[{key}]]", item)
                lines.append("")
        else:
            _table(lines, f"[{key}]", value)
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# the generator


class _Generator:
    def __init__(self, bodies: int, years: int, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.n = bodies
        self.years = years
        self.today = today
        self.first_year = today.year - years
        self.last_day = today + timedelta(days=365)
        self.rows: list[dict[str, str]] = []
        self.regular: dict[str, list[date]] = {}  # counting meetings of each body, for after rules
        self.sparse: list[str] = []

    # -- dates ------------------------------------------------------------------------------

    def day_in(self, start: date, end: date) -> date:
        span = max(0, (end - start).days)
        return start + timedelta(days=self.rng.randint(0, span))

    def per_period(self, months: int, count: int, since: date, until: date) -> list[date]:
        """``count`` days in each period of ``months`` months from ``since`` to ``until``."""
        out: list[date] = []
        index = (since.year * 12 + since.month - 1) // months
        while True:
            first = index * months
            start = date(first // 12, first % 12 + 1, 1)
            if start > until:
                return out
            last = first + months
            end = date(last // 12, last % 12 + 1, 1) - timedelta(days=1)
            part = (end - start).days // count
            for k in range(count):
                lo = start + timedelta(days=k * part)
                out.append(self.day_in(lo + timedelta(days=2), lo + timedelta(days=max(2, part - 3))))
            index += 1

    def every(self, step: timedelta, start: date, until: date, slip: float = 0.06) -> list[date]:
        out = []
        day = self.day_in(start, start + step)
        while day <= until:
            out.append(day)
            late = self.rng.random() < slip
            day = day + step + timedelta(days=self.rng.randint(-20, 20) + (365 if late else 0))
        return out

    # -- one body ---------------------------------------------------------------------------

    def body(self, i: int) -> dict[str, Any]:
        rng = self.rng
        profile = PROFILE_CYCLE[i % len(PROFILE_CYCLE)]
        body_id = f"b{i:05d}"
        founded = self.first_year + rng.randint(0, max(0, self.years // 5))
        body: dict[str, Any] = {
            "id": body_id,
            "name": f"Body {i:05d} {profile.replace('_', ' ')}",
            "short_name": f"B{i}",
            "aliases": [f"grp-{i:05d}"],
            "category": ("governing", "working", "advisory")[i % 3],
        }
        if rng.random() < 0.9:
            body["established"] = str(founded)
        body["duration_days"] = rng.choice((1, 1, 2, 3))
        if rng.random() < 0.3:
            body["months"] = sorted(rng.sample(range(1, 13), rng.choice((1, 2))))
        if rng.random() < 0.2:
            name, code, city = rng.choice(MEMBERS)
            body |= {"host": "fixed", "host_country": code, "host_city": city}
        source = f"Statute art. {i % 97 + 1}"
        start = date(founded, 1, 1)
        end = self.last_day
        rules: list[dict[str, Any]]
        dates: list[date]
        if profile == "rolling":
            unit = rng.choice(("y", "y", "y", "m", "d"))
            amount = {"y": rng.choice((1, 2, 3, 4)), "m": rng.choice((6, 18)), "d": rng.choice((200, 400))}[unit]
            rules = [{"kind": "every", "interval": f"{amount}{unit}", "mode": "rolling", "source": source}]
            days = {"y": 365 * amount, "m": 30 * amount, "d": amount - 30}[unit]
            dates = self.every(timedelta(days=days), start, end)
        elif profile == "grid":
            amount = rng.choice((2, 3, 5))
            anchor = founded + rng.randint(0, 3)
            rules = [{"kind": "every", "interval": f"{amount}y", "mode": "grid", "anchor": str(anchor), "tolerance": rng.choice(("3m", "6m", "1y")), "source": source}]
            dates = [self.day_in(date(y, 1, 1), date(y, 12, 28)) + timedelta(days=rng.choice((0,) * 15 + (200,))) for y in range(anchor, end.year + 1, amount) if rng.random() > 0.04]
        elif profile == "after" and self.sparse:
            # mostly the recent sparse bodies, so that chains run through several bodies
            other = rng.choice(self.sparse[-8:]) if rng.random() < 0.5 else rng.choice(self.sparse)
            offset = rng.choice(("1y", "2y", "6m", "90d"))
            rules = [{"kind": "after", "body": other, "offset": offset, "tolerance": "3m", "source": source}]
            shift = {"1y": 365, "2y": 730, "6m": 182, "90d": 60}[offset]
            dates = [d + timedelta(days=shift + rng.randint(-15, 15)) for d in self.regular[other] if rng.random() > 0.05]
            dates = [d for d in dates if d <= end]
        elif profile in ("at_least_year", "at_least_half", "at_least_quarter", "at_least_month") or profile == "after":
            per = profile.removeprefix("at_least_") if profile != "after" else "year"
            months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[per]
            count = {"year": rng.choice((2, 3, 4)), "half": rng.choice((1, 2, 3)), "quarter": rng.choice((1, 2))}.get(per, 1)
            rule: dict[str, Any] = {"kind": "at_least", "count": count, "per": per, "source": source}
            if rng.random() < 0.5:
                rule["min_gap"] = rng.choice(("60d", "2m")) if per in ("year", "half") else "10d"
            rules = [rule]
            if rng.random() < 0.3:
                rules.append({"kind": "at_most", "count": count + 1, "per": per, "source": source})
            dates = [d for d in self.per_period(months, count, start, end) if rng.random() > 0.03]
        elif profile == "at_most":
            rules = [{"kind": "at_most", "count": 2, "per": rng.choice(("year", "half")), "source": source}]
            dates = self.per_period(12, 2, start, end)
            dates += [self.day_in(date(y, 1, 1), date(y, 12, 28)) for y in range(founded, end.year) if rng.random() < 0.05]
        elif profile == "ad_hoc":
            rules = [{"kind": "ad_hoc", "source": source}]
            dates = [self.day_in(start, end) for _ in range(rng.randint(1, 5) * self.years)]
        elif profile == "customary":
            rules = [{"kind": "every", "interval": "1y", "binding": False, "source": source}]
            if rng.random() < 0.5:
                rules = [{"kind": "at_least", "count": 1, "per": "year", "binding": False, "source": source}]
            dates = [d for d in self.per_period(12, 1, start, end) if rng.random() > 0.15]
        else:  # versions: the SOC's "at least once a year", then "not less than twice a year"
            change = founded + max(1, (end.year - founded) // 2)
            first_kind = rng.choice(("every", "at_least"))
            old: dict[str, Any] = (
                {"kind": "every", "interval": "2y", "source": source}
                if first_kind == "every"
                else {"kind": "at_least", "count": 1, "per": "year", "source": source}
            )
            old["until"] = date(change - 1, 12, 31)
            new = {"kind": "at_least", "count": 2, "per": "year", "min_gap": "60d", "since": date(change, 1, 1), "source": source}
            rules = [old, new]
            early = self.every(timedelta(days=730), start, date(change - 1, 12, 31)) if first_kind == "every" else self.per_period(12, 1, start, date(change - 1, 12, 31))
            dates = early + self.per_period(12, 2, date(change, 1, 1), end)
        if i % 50 == 7:
            body["before"] = f"b{rng.randrange(0, i):05d}"  # an earlier body: never a cycle
        body["rules"] = rules
        dates = sorted(d for d in dates if date(founded, 1, 1) <= d <= end)
        self.regular[body_id] = dates
        if profile in SPARSE:
            self.sparse.append(body_id)
        self.register(i, body, dates)
        return body

    # -- one body's register ----------------------------------------------------------------

    def register(self, i: int, body: dict[str, Any], dates: list[date]) -> None:
        rng = self.rng
        names = (body["id"],) * 8 + (body["name"].upper(), body["aliases"][0])
        numbered = rng.random() < 0.8
        ordinal = 0
        extras = [(self.day_in(date(max(1, d.year), 1, 1), date(d.year, 12, 28)), rng.choice(("special", "extraordinary", "informal"))) for d in dates if rng.random() < 0.05]
        entries = sorted([(d, "regular") for d in dates] + extras)
        for day, kind in entries:
            if kind == "regular":
                ordinal += 1
            if day > self.today:
                status = "planned"
            else:
                roll = rng.random()
                status = "cancelled" if roll < 0.02 else "postponed" if roll < 0.025 else "planned" if roll < 0.035 else "held"
            precision = rng.random()
            if precision < 0.03:
                start, end = f"{day.year:04d}", ""
            elif precision < 0.09:
                start, end = f"{day.year:04d}-{day.month:02d}", ""
            else:
                start = day.isoformat()
                length = body["duration_days"] if rng.random() < 0.7 else 1
                end = (day + timedelta(days=length - 1)).isoformat() if length > 1 else ""
            host = MEMBERS[(i + ordinal) % len(MEMBERS)]
            self.rows.append(
                {
                    "body": rng.choice(names),
                    "kind": kind,
                    "ordinal": str(ordinal) if numbered and kind == "regular" else "",
                    "start": start,
                    "end": end,
                    "status": status,
                    "city": host[2] if rng.random() < 0.7 else "",
                    "country": host[0],
                    "format": rng.choice(("in_person", "in_person", "online", "hybrid", "")),
                    "title": f"{kind} meeting of {body['short_name']}" if rng.random() < 0.2 else "",
                    "source": f"https://example.org/records/{body['id']}/{ordinal}" if rng.random() < 0.3 else "",
                }
            )

    def rulebook(self) -> dict[str, Any]:
        blackout = [
            {"start": date(self.today.year + k, 12, 24), "end": date(self.today.year + k + 1, 1, 2), "reason": "year-end closure"}
            for k in range(10)
        ]
        organization = {
            "id": "bench",
            "name": "Benchmark Organization",
            "short_name": "BO",
            "timezone": "Asia/Almaty",
            "secretariat": {"city": "Astana", "country": "Kazakhstan"},
            "members": [{"name": name, "code": code} for name, code, _ in MEMBERS],
            "blackout": blackout,
            # A thousand bodies cannot each have a day of their own, nor one host's meetings be
            # three days apart: a large organization says how many meetings a day it can hold.
            "meetings_per_day": max(1, self.n // 10),
            "min_days_between": 0,
        }
        return {"organization": organization, "bodies": [self.body(i) for i in range(self.n)]}


def generate(bodies: int = 1000, years: int = 100, seed: int = 1, today: date = TODAY) -> Generated:
    """A rule book of ``bodies`` bodies and a register of ``years`` years up to ``today``
    (plus the meetings planned for the year after)."""
    gen = _Generator(bodies, years, seed, today)
    book = gen.rulebook()
    # register rows in date order, as a secretariat keeps them
    rows = sorted(gen.rows, key=lambda r: r["start"])
    chair_book, chairs = with_chairmanship(book, gen.first_year, today, seed)
    return Generated(book, rows, today, bodies, years, seed, chair_book, chairs)


def with_chairmanship(book: dict[str, Any], first_year: int, today: date, seed: int) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The rule book with a chair that rotates every year in alphabetical order of the members
    and hosts every tenth body (those the rule book does not give a fixed host), one body in
    thirty governing (their meetings are each term's statutory meetings), and a register
    of chair terms from ``first_year`` to the running one. About 4 % of terms run two years (a
    term too long, and the rotation then skips a member), 2 % begin a month late (a gap): the
    findings ``planner chairs`` is for."""
    rng = random.Random(f"chairs {seed}")  # a stream of its own: rulebook.toml and meetings.csv stay the same
    bodies = copy.deepcopy(book["bodies"])
    for i, body in enumerate(bodies):
        if i % 10 == 4 and body.get("host") != "fixed":
            body["host"] = "chair"
        if body["category"] == "governing" and i % 30:
            # A term lists the governing bodies' meetings: a real organization has a few such
            # bodies, not a third of a thousand.
            body["category"] = "working"
    chairmanship = {
        "term": "1y",
        "handover_bodies": [],
        "chair_hosts": True,
        "consecutive_terms": False,
        "order": "alphabetical",
        "since": first_year,
        "source": "Generated: one-year chairmanships in alphabetical order of the members' names",
    }
    names = sorted(name for name, _, _ in MEMBERS)
    chairs: list[dict[str, str]] = []
    year, turn = first_year, 0
    while year <= today.year:
        years = 2 if rng.random() < 0.04 else 1
        late = rng.random() < 0.02
        start = date(year, 2 if late else 1, 1)
        end = date(year + years, 1, 1)
        running = end > today
        chairs.append(
            {
                "country": names[turn % len(names)],
                "start": start.isoformat(),
                "end": "" if running else end.isoformat(),
                "ordinal": str(len(chairs) + 1),
                "note": "extended for a second year" if years == 2 else "took over a month late" if late else "",
                "source": f"https://example.org/chairs/{year}" if rng.random() < 0.3 else "",
            }
        )
        year += years
        turn += 1
    return {"organization": book["organization"], "chairmanship": chairmanship, "bodies": bodies}, chairs


def rule_kinds(generated: Generated) -> dict[str, int]:
    """How many rules of each kind (and mode, binding, version) the rule book holds."""
    out: dict[str, int] = {}

    def add(key: str) -> None:
        out[key] = out.get(key, 0) + 1

    for body in generated.rulebook["bodies"]:
        for rule in body["rules"]:
            kind = rule["kind"]
            if kind == "every":
                kind += f" {rule.get('mode', 'rolling')} ({rule['interval'][-1]})"
            if kind == "at_least":
                kind += f" per {rule['per']}" + (" min_gap" if "min_gap" in rule else "")
            add(kind)
            if rule.get("binding") is False:
                add("customary (binding = false)")
            if "since" in rule or "until" in rule:
                add("versioned (since/until)")
    return dict(sorted(out.items()))


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> Generated:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=1000)
    parser.add_argument("--years", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="directory for rulebook.toml and meetings.csv")
    args = parser.parse_args(argv)
    generated = generate(args.bodies, args.years, args.seed)
    echo(f"{args.bodies} bodies, {len(generated.rows)} meetings over {args.years} years (seed {args.seed}, today {generated.today})")
    for kind, count in rule_kinds(generated).items():
        echo(f"  {count:6d}  {kind}")
    echo(f"  chairs: {len(generated.chairs)} terms, {sum(1 for b in generated.chair_rulebook['bodies'] if b.get('host') == 'chair')} chair-hosted bodies (rulebook-chairs.toml, chairs.csv)")
    if args.out:
        toml_path, csv_path = generated.write(args.out)
        echo(f"wrote {toml_path} and {csv_path}")
    return generated


if __name__ == "__main__":
    main()
