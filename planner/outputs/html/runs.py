"""Rows of the report's findings: a finding a row, except windows said alike one after
another, which are one ("1950 to 2022", "73 windows, each: ...")."""

from __future__ import annotations

from collections.abc import Sequence

from planner.engine.judging.compliance import Finding
from planner.engine.judging.findings import Verdict

RUN_MIN = 3  # unknown windows in a row said alike that make one row


def unlabelled(f: Finding) -> str | None:
    """A finding's why without the window label it opens with ("1975: 0 of 1 required ...")."""
    head = f"{f.window_label}: "
    return f.why[len(head) :] if f.window_label and f.why.startswith(head) else None


def runs(findings: Sequence[Finding]) -> list[list[Finding]]:
    """The findings to list, each alone, except RUN_MIN or more ``unknown`` windows of one rule,
    none of its other findings between them, whose whys say the same but for their labels: one
    row, where the first stood. The Council of Europe's Parliamentary Assembly, its register
    known complete from 2023, listed 146 such rows from 1950 (two rules, year by year), a page
    60,000 px long on a phone, every one "no counting meeting recorded. Unknown, not missed:
    the register is known complete only from 2023-01-01"."""
    groups: dict[object, list[int]] = {}
    last: dict[int, tuple[int, str | None]] = {}  # each rule's run so far: where it began, what it says
    for i, f in enumerate(findings):
        rule = f.expectation.rule_index if f.expectation is not None else -1
        said = unlabelled(f) if f.verdict is Verdict.UNKNOWN and f.expectation is not None else None
        if said is None or last.get(rule, (0, None))[1] != said:  # any other finding of the rule ends its run
            last[rule] = (i, said)
        groups.setdefault(last[rule][0] if said is not None else ("alone", i), []).append(i)
    placed: list[tuple[int, list[Finding]]] = []
    for members in groups.values():
        if len(members) >= RUN_MIN:
            placed.append((members[0], [findings[i] for i in members]))
        else:
            placed.extend((i, [findings[i]]) for i in members)
    return [run for _, run in sorted(placed, key=lambda p: p[0])]


def row_words(run: Sequence[Finding]) -> tuple[str, str]:
    """The window and the why of a run's row: the finding's own where it is alone."""
    f = run[0]
    if len(run) == 1:
        return f.window_label, f.why
    return f"{f.window_label} to {run[-1].window_label}", f"{len(run)} windows, each: {unlabelled(f)}"


def row_span(run: Sequence[Finding]) -> tuple[int, str, str, int] | None:
    """Which findings a run's row stands for (its rule index, first and last window, how
    many), for the row's data- attributes; None for a finding alone."""
    f = run[0]
    if len(run) == 1:
        return None
    return (f.expectation.rule_index if f.expectation else -1, f.window_label, run[-1].window_label, len(run))
