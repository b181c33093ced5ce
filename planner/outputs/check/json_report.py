"""``planner check --format json``: each rule stated once, findings that point at it, streamed.

Schema version 2 (version 1 repeated each rule's words and full source in every finding, and
every field of every counted meeting: about 1.2 KB per finding, 296 MB for 1,000 bodies):

* ``bodies[].rules[]`` states each rule once: ``index`` (its place in the body's ``rules``),
  ``id``, ``kind``, ``words``, ``binding`` and ``source``.
* ``findings[].rule`` is that ``index`` within the finding's ``body``.
* ``counted``, ``scheduled`` and ``unconfirmed`` hold compact meetings of the finding's body:
  ``start``, and ``end``, ``ordinal``, ``kind``, ``status`` and ``city`` only when they say
  something (not the defaults ``regular`` and ``held``); the register has the rest.

The findings are written one per line as they are rendered, so a large report never exists
whole in memory.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from operator import attrgetter
from typing import IO, Any

from planner.core.model import Body, Kind, Meeting, RuleBook, Status
from planner.engine.expectations import rule_words
from planner.engine.judging.compliance import Checked, Finding, Report
from planner.outputs.check import forked
from planner.outputs.check.json_lines import _Lines
from planner.outputs.formats import json_opening

CHECK_SCHEMA_VERSION = 2
_VERDICT = attrgetter("verdict")


def compact_meeting(m: Meeting) -> dict[str, Any]:
    """A meeting of a finding's body, by what identifies it and no more."""
    data: dict[str, Any] = {"start": str(m.start)}
    if m.end is not None:
        data["end"] = str(m.end)
    if m.ordinal:
        data["ordinal"] = m.ordinal
    if m.kind is not Kind.REGULAR:
        data["kind"] = m.kind.value
    if m.status is not Status.HELD:
        data["status"] = m.status.value
    if m.city:
        data["city"] = m.city
    return data


def rule_dicts(body: Body, book: RuleBook) -> list[dict[str, Any]]:
    return [
        {"index": i, "id": getattr(rule, "id", None), "kind": rule.kind, "words": rule_words(rule, book), "binding": rule.binding, "source": rule.source or None}
        for i, rule in enumerate(body.rules)
    ]


class _RuleIndex:
    """A finding's rule as its index in the body: from its expectation, else (a finding with
    no window, ``not_applicable``) the rule whose words it quotes."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.words: dict[str, dict[str, int]] = {}

    def of(self, f: Finding) -> int | None:
        e = f.expectation
        if e is not None:
            return e.rule_index
        if f.body.id not in self.words:
            table: dict[str, int] = {}
            for i, rule in enumerate(f.body.rules):
                table.setdefault(rule_words(rule, self.book), i)
            self.words[f.body.id] = table
        return self.words[f.body.id].get(f.rule_text)


def finding_dict(f: Finding, rule: int | None) -> dict[str, Any]:
    e = f.expectation
    return {
        "body": f.body.id,
        "rule": rule,
        "verdict": f.verdict.value,
        "violation": f.violation,
        "window": {"label": e.label, "start": e.window.start.isoformat(), "end": e.window.end.isoformat()} if e else None,
        "pending": e.pending if e else False,
        "deadline": e.deadline.isoformat() if e else None,
        "required": {"min": e.minimum, "max": e.maximum} if e else None,
        "reason": e.reason if e else None,
        "counted": [compact_meeting(m) for m in f.counted],
        "scheduled": [compact_meeting(m) for m in f.scheduled],
        "unconfirmed": [compact_meeting(m) for m in f.unconfirmed],
        "delay": f.delay or None,
        "still_due": f.still_due,
        "due_by": f.due_by.isoformat() if f.due_by else None,
        "why": f.why,
    }


def check_json(report: Report | Checked, rules_label: str, *, problems_only: bool = False, workers: int | None = None) -> Iterator[bytes]:
    """The JSON document in UTF-8 pieces: the head (summary, bodies and their rules), then
    one finding per line. Each body's findings go to a temporary spool as they are judged,
    since the head's totals need them all (those judged by other processes, :mod:`.forked`,
    to theirs), and are copied out after the head.

    The spool holds bytes, each body's findings encoded once on the way in and copied out as
    they are: a spool of text encoded them in, decoded them out and the writer encoded them
    again (139 MB at 1,000 bodies)."""
    fold = _JsonFold(report.book, problems_only, min(report.today, report.end))
    with contextlib.ExitStack() as held:
        spools: list[IO[bytes]] = []  # in body order: this process's, and those of other processes
        own: IO[bytes] | None = None
        for piece in forked.pieces(report, fold, workers):
            if piece.__class__ is str:
                if piece:
                    if own is None:  # (again after another process's: the runs stay in order)
                        own = held.enter_context(tempfile.TemporaryFile("w+b"))
                        spools.append(own)
                    own.write(piece.encode())  # type: ignore[union-attr]
            else:
                spools.append(held.enter_context(piece))  # type: ignore[arg-type]
                own = None
        yield _head(report, rules_label, fold.bodies).encode()
        comma = 1  # the first finding follows the head without the comma each body's lines begin with
        for source in spools:
            source.seek(0)
            while chunk := source.read(1 << 20):
                yield chunk[comma:]
                comma = 0
    yield _EMPTY_TAIL if comma else _TAIL


_TAIL = b"\n  ]\n}\n"
_EMPTY_TAIL = b"]\n}\n"


class _JsonFold:
    """JSON, as the processes of :func:`forked.pieces` share it: each body's findings as one
    piece of JSON lines, each after a comma, and each body's entry of the head kept."""

    def __init__(self, book: RuleBook, problems_only: bool, on: date | None = None) -> None:
        self.book = book
        self.problems_only = problems_only
        self.on = on  # the check's day: the rule versions in force then lead a body's cadence
        self.bodies: list[dict[str, Any]] = []

    def state(self) -> list[dict[str, Any]]:
        return self.bodies

    def merge(self, state: list[dict[str, Any]]) -> None:
        self.bodies += state

    def pieces(self, judged: Iterator[tuple[Body, int, list[Finding]]], first: bool) -> Iterator[str]:
        from planner.outputs.render import PROBLEM_VERDICTS, cadence_words

        book, bodies, problems_only = self.book, self.bodies, self.problems_only
        index = _RuleIndex(book)
        problems = frozenset(PROBLEM_VERDICTS)
        writer = _Lines()
        for b, recorded, findings in judged:
            bodies.append(
                {
                    "id": b.id,
                    "name": b.name,
                    "category": b.category.value,
                    "cadence": cadence_words(b, book, self.on),
                    "recorded": recorded,
                    "verdicts": {v.value: n for v, n in sorted(Counter(map(_VERDICT, findings)).items())},
                    "rules": rule_dicts(b, book),
                }
            )
            if problems_only:
                findings = [f for f in findings if f.verdict in problems]
            if not findings:
                yield ""
                continue
            yield ",\n    "  # apart: a body's lines are not copied once more to put it before them
            yield ",\n    ".join(writer.body(findings, index))


def _head(report: Report | Checked, rules_label: str, bodies: list[dict[str, Any]]) -> str:
    from planner.outputs.render import check_totals

    # (the summary: the same numbers as the text's totals line)
    return json_opening(CHECK_SCHEMA_VERSION, "check", report, rules_label, {"meetings": report.meetings, "summary": check_totals(report), "bodies": bodies}, "findings")
