"""Cadence rules: what a body must do over time, one class per rule kind (DESIGN.md, Cadence
rules). ``planner.engine.expectations`` gives them their meaning. Below them, how rules link
bodies: which bodies a body's rules name, the order that puts each after those, and cycles.

These are the run-time values; the schema that validates them (and words what is wrong) is
:mod:`planner.core.schema.rules`, which shares the checks below.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from planner.core.calendar_dates import DateSpec, Excused
from planner.core.dates import Duration, PartialDate
from planner.core.record import Record
from planner.core.vocabulary import Kind, MeetingFormat, Per

if TYPE_CHECKING:
    from planner.core.model import Body, RuleBook


def rule_problem(rule: RuleBase) -> str | None:
    """What no version of a rule may be, in words: ``until`` before ``since``, nothing counted."""
    if rule.since and rule.until and rule.until < rule.since:
        return f"until {rule.until} is before since {rule.since}"
    if not rule.counts:
        return "counts is empty; expected at least one meeting kind"
    return None


def every_problem(rule: EveryRule) -> str | None:
    if rule.mode == "grid" and rule.interval.unit == "d":
        return "a grid needs calendar periods: interval in days only works with mode = 'rolling'"
    return None


def relaxation_problem(relaxation: Relaxation) -> str | None:
    if relaxation.until < relaxation.since:
        return f"until {relaxation.until} is before since {relaxation.since}"
    if relaxation.count is None and relaxation.min_gap is None and relaxation.max_gap is None:
        return "a relaxation changes nothing; expected count, min_gap or max_gap"
    return None


_PERIOD_MONTHS = {"year": 12, "half": 6, "quarter": 3, "month": 1}
_PERIOD_DAYS = {"year": 365, "half": 181, "quarter": 90, "month": 28, "week": 7}


def gaps_problem(rule: AtLeastRule) -> str | None:
    within, per = rule.within, getattr(rule.per, "value", rule.per)
    if rule.count == 0 and rule.max_gap is None:
        return "count = 0 judges only the longest gap, but the rule has no max_gap; expected count = 1 or more, or a max_gap such as '12m'"
    if within is not None:
        shorter = within.amount < _PERIOD_DAYS[per] if within.unit == "d" else within.unit == "m" and within.amount < _PERIOD_MONTHS.get(per, 0)
        if not shorter:
            return f"within = '{within}' is not shorter than a {per}; expected the first part of each period, e.g. within = '6m' for per = 'year'"
    if rule.max_gap is None and any(r.max_gap is not None for r in rule.relaxations):
        return "a relaxation changes max_gap, but the rule has none"
    if rule.max_gap is not None and rule.min_gap is not None and rule.min_gap.unit == "d" and rule.min_gap.amount > rule.max_gap.amount:
        return f"min_gap {rule.min_gap} is longer than max_gap {rule.max_gap}"
    spans = sorted((r.since, r.until) for r in rule.relaxations)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        if start <= end:
            return f"relaxations overlap on {start}; expected windows that follow one another"
    return None


def except_months_problem(rule: AtLeastRule | AtMostRule) -> str | None:
    """``except_months`` names months of a monthly rule, and not all twelve."""
    months = rule.except_months
    if not months:
        return None
    for month in months:
        if not 1 <= month <= 12:
            return f"except_months: {month} is not a month; expected 1 to 12"
    per = getattr(rule.per, "value", rule.per)
    if per != "month":
        return f"except_months leaves months out of a rule per = 'month', not per = '{per}'; expected per = 'month' (monthly except August: except_months = [8])"
    if len(set(months)) == 12:
        return "except_months names all twelve months, so the rule would judge none; expected the months it does not judge, e.g. [8]"
    return None


def on_years_problem(rule: OnRule) -> str | None:
    if rule.interval.unit != "y":
        return f"interval = '{rule.interval}' for kind = 'on' must be in years, e.g. '1y' or '4y'"
    if rule.interval.amount > 1 and rule.anchor is None:
        return f"interval = '{rule.interval}' needs anchor, a year the date falls due in, e.g. anchor = 2024"
    return None


class RuleBase(Record):
    """What every kind of rule has: when it is in force, what counts, where it comes from."""

    id: str | None = None
    binding: bool = True
    counts: tuple[Kind, ...] = (Kind.REGULAR,)
    since: date | None = None
    until: date | None = None
    source: str = ""
    note: str = ""
    first_within: Duration | None = None
    except_when: tuple[str, ...] = ()
    excused: tuple[Excused, ...] = ()
    count_by: Literal["session", "event"] = "session"
    formats: tuple[MeetingFormat, ...] = ()

    def in_force(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


class EveryRule(RuleBase):
    """One counting meeting every ``interval``: rolling from the last, or on a fixed grid."""

    kind: Literal["every"]
    interval: Duration
    mode: Literal["rolling", "grid"] = "rolling"
    anchor: PartialDate | None = None
    tolerance: Duration | None = None


class AfterRule(RuleBase):
    """One counting meeting ``offset`` after each counting meeting of another body."""

    kind: Literal["after"]
    body: str
    offset: Duration
    tolerance: Duration | None = None
    origin_counts: tuple[Kind, ...] | None = None


class Relaxation(Record):
    """Some limits of a rule changed for a window of dates, the rest of the rule unchanged
    (e.g. a regulator allowing 180 days between meetings instead of 120 for six months).

    ``max_gap`` applies to a gap whose later meeting falls in ``[since, until]``; ``count`` and
    ``min_gap`` apply to the periods whose first day falls in it."""

    since: date
    until: date
    count: int | None = None
    min_gap: Duration | None = None
    max_gap: Duration | Literal["none"] | None = None
    source: str = ""
    note: str = ""


class AtLeastRule(RuleBase):
    """Each calendar period must hold at least ``count`` counting meetings."""

    kind: Literal["at_least"]
    count: int
    per: Per
    year_start: str | None = None
    min_gap: Duration | None = None
    max_gap: Duration | None = None
    gap_from: Literal["first_day", "last_day"] = "first_day"
    relaxations: tuple[Relaxation, ...] = ()
    within: Duration | None = None
    except_months: tuple[int, ...] = ()

    def relaxed(self, day: date) -> AtLeastRule:
        """The rule as in force on ``day``: itself, or a copy with one relaxation's limits and
        its source added to the rule's."""
        for n, r in enumerate(self.relaxations):
            if r.since <= day <= r.until:
                made: dict[int, AtLeastRule] = self.__dict__.setdefault("_relaxed", {})
                if n not in made:
                    why = f"relaxed {r.since} to {r.until}" + (f": {r.source}" if r.source else "")
                    update: dict[str, object] = {"relaxations": (), "source": f"{self.source}; {why}" if self.source else why}
                    if r.count is not None:
                        update["count"] = r.count
                    if r.min_gap is not None:
                        update["min_gap"] = r.min_gap
                    if r.max_gap is not None:
                        update["max_gap"] = None if r.max_gap == "none" else r.max_gap
                    made[n] = self.model_copy(update=update)
                return made[n]
        return self


class AtMostRule(RuleBase):
    """No calendar period may hold more than ``count`` counting meetings."""

    kind: Literal["at_most"]
    count: int
    per: Per
    year_start: str | None = None
    except_months: tuple[int, ...] = ()


class OnRule(RuleBase, DateSpec):
    """The meeting opens on a day computed by rule, every ``interval`` years from ``anchor``."""

    kind: Literal["on"]
    interval: Duration = Duration(1, "y")
    anchor: int | None = None


class BeforeRule(RuleBase):
    """One counting meeting within ``offset`` before each counting meeting of another body."""

    kind: Literal["before"]
    body: str
    offset: Duration
    origin_counts: tuple[Kind, ...] | None = None


class AdHocRule(RuleBase):
    """Meets when needed: tracked, never due."""

    kind: Literal["ad_hoc"]


Rule = EveryRule | AfterRule | AtLeastRule | AtMostRule | OnRule | BeforeRule | AdHocRule
RULE_KINDS = ("every", "after", "at_least", "at_most", "on", "before", "ad_hoc")
RULE_CLASSES: dict[str, type[RuleBase]] = {"every": EveryRule, "after": AfterRule, "at_least": AtLeastRule, "at_most": AtMostRule, "on": OnRule, "before": BeforeRule, "ad_hoc": AdHocRule}


def before_spelled_as_after(data: Any) -> Any:
    """A parsed rule book whose `after` rules with a negative offset are `before` rules: DESIGN's
    table writes one as ``kind = "after"``, ``offset = "-1m"`` ("one due in the period that
    ends the offset before each meeting of the other body"), read as ``kind = "before"``,
    ``offset = "1m"``. With a ``tolerance`` (a `before` rule has none) the rule is left as
    written, and the error says to write `before`. ``data`` itself when there is none."""
    bodies = data.get("bodies") if type(data) is dict else None
    if type(bodies) is not list or not any(_spelled(r) for b in bodies if type(b) is dict and type(b.get("rules")) is list for r in b["rules"]):
        return data
    return {**data, "bodies": [{**b, "rules": [_as_before(r) for r in b["rules"]]} if type(b) is dict and type(b.get("rules")) is list else b for b in bodies]}


def _spelled(rule: Any) -> bool:
    if type(rule) is not dict or rule.get("kind") != "after" or "tolerance" in rule:
        return False
    offset = rule.get("offset")
    return type(offset) is str and offset.strip().startswith("-") and not offset.strip()[1:].startswith("-")


def _as_before(rule: Any) -> Any:
    return {**rule, "kind": "before", "offset": rule["offset"].strip()[1:]} if _spelled(rule) else rule


# -- bodies linked by their rules -----------------------------------------------------------


def cycle_in(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle of ``after`` dependencies, as the ids around it, or ``None``. Iterative: a chain
    of thousands of ``after`` rules must not exhaust Python's recursion limit."""
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        state[root] = 1
        path = [root]
        todo = [iter(graph.get(root, []))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(graph.get(nxt, [])))
    return None


def rule_refs(body: Body) -> set[str]:
    """The other bodies ``body``'s rules depend on: after and before origins, except_when."""
    refs: set[str] = set()
    for rule in body.rules:
        if isinstance(rule, AfterRule | BeforeRule):
            refs.add(rule.body)
        refs.update(rule.except_when)
    return refs


def dependency_order(book: RuleBook) -> list[Body]:
    """Bodies ordered so that each comes after the bodies its ``after`` rules and ``before``
    placement depend on (stable: rule-book order otherwise). Iterative, like :func:`cycle_in`."""
    by_id = {b.id: b for b in book.bodies}
    own = {b.id: rule_refs(b) | ({b.before} if b.before else set()) for b in book.bodies}
    deps = {key: set(refs) for key, refs in own.items()}
    # A body that meets just before another is placed right after it, so the other keeps that
    # body's days free only if it comes after what else that body follows (the AU Assembly
    # after the Mid-Year Coordination Meeting its Executive Council also follows: placed
    # before it, the Assembly kept days the Meeting then took, and the Council met after the
    # Assembly). Not where the other body follows the partner itself: that order stands.
    for b in book.bodies:
        if b.before in deps:
            for ref in own[b.id] - {b.before}:
                if b.before not in _reached(own, ref):
                    deps[b.before].add(ref)
    done: set[str] = set()
    order: list[Body] = []
    for body in book.bodies:
        if body.id in done:
            continue
        done.add(body.id)
        todo = [(body.id, iter(sorted(deps.get(body.id, ()))))]
        while todo:
            node, pending = todo[-1]
            dep = next(pending, None)
            if dep is None:
                todo.pop()
                order.append(by_id[node])
            elif dep in by_id and dep not in done:
                done.add(dep)
                todo.append((dep, iter(sorted(deps.get(dep, ())))))
    return order


def _reached(deps: dict[str, set[str]], start: str) -> set[str]:
    """``start`` and every body it follows, one after another."""
    seen, todo = {start}, [start]
    while todo:
        for ref in deps.get(todo.pop(), ()):
            if ref not in seen:
                seen.add(ref)
                todo.append(ref)
    return seen
