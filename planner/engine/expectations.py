"""Rules x register x horizon -> expectations: the one place cadence rules get their meaning.

An :class:`Expectation` is one requirement instance: a body must hold between ``minimum`` and
``maximum`` counting meetings inside a window, for a reason that can be said in words. Compliance
judges expectations against the register; projection fills the unmet ones. Both therefore agree
by construction.

Semantics (``DESIGN.md``, "Cadence rules"):

* ``every`` rolling: after each counting meeting in period P, the next is due by the end of
  period P + interval (2014 then 2019 is one year late). ``every`` grid: one due in each period
  anchor + k * interval.
* ``after``: for each counting meeting of the other body (held, planned or projected) in period
  P, one is due in period P + offset.
* ``at_least`` / ``at_most``: each calendar period (year, half, quarter, month) holds at least /
  at most ``count`` counting meetings.
* ``ad_hoc``: nothing is ever due.

A window belongs to the rule version in force on its first day, and nothing is due in a window
that starts before the body was established.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter

from planner.core.bulk import paused_gc
from planner.core.dates import Grain, Window
from planner.core.model import (
    AfterRule,
    AtLeastRule,
    AtMostRule,
    BeforeRule,
    Body,
    EveryRule,
    Meeting,
    OnRule,
    Rule,
    RuleBook,
)
from planner.engine.body_meetings import (
    CHAINING,
    NOT_COUNTING,
    BodyMeetings,
    counts,
    index_meetings,
)
from planner.engine.cadence.after import (
    after_expectations,
)
from planner.engine.cadence.every import every_expectations
from planner.engine.cadence.periods import per_period_expectations
from planner.engine.expectation import (
    MAX_CHAIN,
    UNBOUNDED,
    Expectation,
    effective_start,
    origin_cases,
    origin_kinds,
)
from planner.engine.min_gap import thin
from planner.engine.rule_words import count_words, ordinal, ordinal_words, rule_words

# Re-exported: the engine's words and its unit of requirement are imported from here too.
__all__ = [
    "BodyMeetings", "CHAINING", "Expectation", "ExpectationEngine", "MAX_CHAIN", "NOT_COUNTING",
    "UNBOUNDED", "count_words", "counts", "effective_start", "index_meetings",
    "ordinal", "ordinal_words", "origin_cases", "origin_kinds", "rule_words", "thin",
]


_RULE_INDEX = attrgetter("rule_index")
_WINDOW_START = attrgetter("window.start")
_GRAIN_DAY = Grain.DAY  # read once (in Python 3.11 a member read from its class costs ~0.3 us)


class ExpectationEngine:
    """Turns a rule book and a register into expectations over a horizon.

    ``start``/``end`` bound the windows (a window is produced when it starts on or before
    ``end`` and ends on or after ``start``). With ``pending``, each chain (``every`` and
    ``after``) also yields its next window beyond ``end``: what is due next.
    """

    def __init__(self, book: RuleBook, meetings: Iterable[Meeting], then: Callable[[str, BodyMeetings], None] | None = None, today: date | None = None, *, binding: bool = False) -> None:
        self.book = book
        # check (``binding``): a planned meeting whose dates passed before ``today`` unconfirmed
        # is no binding origin of a rolling chain (DESIGN); projection still chains from it
        self.binding_on = today if binding else None
        self.parts: dict[str, list[tuple[Meeting, Meeting]]] = {}  # later parts of numbered meetings, by body
        self.by_body = index_meetings(meetings, self.parts, then, today)
        self._grids: dict[tuple[str, int, date, date, bool, bool], list[tuple[int, Window]]] = {}  # (_grid)

    def meetings_of(self, body_id: str) -> BodyMeetings:
        return self.by_body.get(body_id) or BodyMeetings([])

    def all(self, start: date | None, end: date, *, pending: bool = True, bodies: Sequence[str] | None = None) -> list[Expectation]:
        out: list[Expectation] = []
        with paused_gc():
            for body in self.book.bodies:
                if bodies is None or body.id in bodies:
                    out.extend(self.for_body(body, start, end, pending=pending))
        return out

    def for_body(self, body: Body, start: date | None, end: date, *, pending: bool = True) -> list[Expectation]:
        out: list[Expectation] = []
        for index, rule in enumerate(body.rules):
            out.extend(self.for_rule(body, index, rule, start, end, pending=pending))
        # by (window.start, rule_index) as two stable sorts on keys read in C (no tuple per window)
        if len(body.rules) > 1:
            out.sort(key=_RULE_INDEX)
        out.sort(key=_WINDOW_START)
        return out

    def for_rule(self, body: Body, index: int, rule: Rule, start: date | None, end: date, *, pending: bool = True, chain_from: date | None = None, open_from: date | None = None) -> list[Expectation]:
        """The expectations of one rule.

        ``chain_from`` is for projection, which places a rolling chain meeting by meeting: the
        chain starts from the last counting meeting before that day instead of the body's whole
        history, and stops at its first unanswered window (the one to fill next) instead of
        listing every interval after it. ``open_from`` (projection): an ``after`` rule leaves
        out the windows whose deadline and late days both passed before it (nothing to place),
        and so does a grid."""
        if isinstance(rule, EveryRule):
            found = every_expectations(self, body, index, rule, end, pending, chain_from, open_from)
        elif isinstance(rule, AfterRule):
            found = after_expectations(self, body, index, rule, end, pending, open_from)
        elif isinstance(rule, AtLeastRule | AtMostRule):
            found = per_period_expectations(self, body, index, rule, start, end)
        elif isinstance(rule, OnRule | BeforeRule):
            from planner.engine import calendar_rules  # the kinds of issue 9 build on this module

            found = (calendar_rules.on_expectations if isinstance(rule, OnRule) else calendar_rules.before_expectations)(self, body, index, rule, end, pending)  # type: ignore[arg-type]
        else:
            found = []
        if rule.first_within is not None or getattr(rule, "max_gap", None) is not None:
            from planner.engine.gaps import gap_expectations  # gaps builds on this module

            found += gap_expectations(self, body, index, rule, end, pending, chain_from)
        if body.recess:
            from planner.engine.calendar_rules import recess_free

            found = recess_free(body, found)
        if start is None:
            return found
        return [e for e in found if e.window.end >= start or e.pending]
