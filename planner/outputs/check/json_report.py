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

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from planner.core.model import Body, Kind, Meeting, RuleBook, Status
from planner.engine.expectations import rule_words
from planner.engine.judging.compliance import Checked, Finding, Report
from planner.outputs.check.json_lines import _Lines

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


def check_json(report: Report | Checked, rules_label: str, *, problems_only: bool = False) -> Iterator[bytes]:
    """The JSON document in UTF-8 pieces: the head (summary, bodies and their rules), then
    one finding per line. A check judged body by body (:class:`Checked`) writes each body's
    findings to a temporary spool as it goes, since the head's totals need them all; a
    :class:`Report` writes them straight after the head.

    The spool holds bytes, each body's findings encoded once on the way in and copied out as
    they are: a spool of text encoded them in, decoded them out and the writer encoded them
    again (139 MB at 1,000 bodies)."""
    if isinstance(report, Report):
        bodies: list[dict[str, Any]] = []
        pieces = list(_findings(report, bodies, problems_only))  # ``bodies`` is filled as a side effect
        yield _head(report, rules_label, bodies).encode()
        yield from (piece.encode() for piece in pieces)
        yield _TAIL if any(pieces) else _EMPTY_TAIL
        return
    with tempfile.TemporaryFile("w+b") as spool:
        bodies = []
        written = 0
        for piece in _findings(report, bodies, problems_only):
            if piece:
                written += spool.write(piece.encode())
        yield _head(report, rules_label, bodies).encode()
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            yield chunk
    yield _TAIL if written else _EMPTY_TAIL


_TAIL = b"\n  ]\n}\n"
_EMPTY_TAIL = b"]\n}\n"


def _findings(report: Report | Checked, bodies: list[dict[str, Any]], problems_only: bool) -> Iterator[str]:
    """Each body's findings as one piece of JSON lines; each body's entry of the head is added
    to ``bodies`` on the way."""
    from planner.outputs.render import PROBLEM_VERDICTS, cadence_words

    book = report.book
    index = _RuleIndex(book)
    problems = frozenset(PROBLEM_VERDICTS)
    writer = _Lines()
    first = True
    for b, recorded, findings in report.bodies():
        bodies.append(
            {
                "id": b.id,
                "name": b.name,
                "category": b.category.value,
                "cadence": cadence_words(b, book),
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
        lines = writer.body(findings, index)
        yield "\n    " if first else ",\n    "  # apart: a body's lines are not copied once more to put it before them
        yield ",\n    ".join(lines)
        first = False


def _head(report: Report | Checked, rules_label: str, bodies: list[dict[str, Any]]) -> str:
    from planner.outputs.render import check_totals

    book = report.book
    head = {
        "schema_version": CHECK_SCHEMA_VERSION,
        "command": "check",
        "organization": book.organization.id,
        "today": report.today.isoformat(),
        "from": report.start.isoformat() if report.start else None,
        "to": report.end.isoformat(),
        "rule_book": rules_label,
        "meetings": report.meetings,
        "summary": check_totals(report),  # the same numbers as the text's totals line
        "bodies": bodies,
    }
    text = json.dumps(head, indent=2, ensure_ascii=False)
    return text[: -len("\n}")] + ',\n  "findings": ['
