"""``planner diff`` -> text, markdown and JSON."""

from __future__ import annotations

from typing import Any

from planner.engine.diffing.compare import Change, Diff, dates, horizon
from planner.engine.expectations import ordinal
from planner.outputs.formats import md_table, to_json
from planner.outputs.text import DEFAULT_WIDTH, fit_table, plural, wrap_parts


def _title(c: Change) -> str:
    m = c.meeting
    name = m.get("name") or c.body
    return f"{name} ({ordinal(int(m['ordinal']))})" if m.get("ordinal") else str(name)


def _rows(diff: Diff) -> list[tuple[str, list[tuple[str, str, str]]]]:
    return [
        ("Held", [(_title(c), dates(c.meeting), c.why) for c in diff.held]),
        ("Moved", [(_title(c), f"{dates(c.before or {})} → {dates(c.after or {})}", c.why) for c in diff.moved]),
        ("Added", [(_title(c), dates(c.meeting), c.why) for c in diff.added]),
        ("Dropped", [(_title(c), dates(c.meeting), c.why) for c in diff.dropped]),
        ("Renumbered", [(_title(c), dates(c.meeting), c.why) for c in diff.renumbered]),
        ("Hosts changed", [(_title(c), dates(c.meeting), f"{(c.before or {}).get('host') or '?'} → {(c.after or {}).get('host') or '?'}") for c in diff.hosts]),
    ]


def _head_parts(diff: Diff) -> list[str]:
    """The files, the horizons where they differ (a meeting dropped or added may only have
    left or entered the horizon), and the counts."""
    renumbered = f" · {len(diff.renumbered)} renumbered" if diff.renumbered else ""
    held = f"{len(diff.held)} held · " if diff.held else ""
    counts = f"{held}{len(diff.moved)} moved · {len(diff.added)} added · {len(diff.dropped)} dropped{renumbered} · {plural(len(diff.hosts), 'host')} changed"
    old, new = horizon(diff.before), horizon(diff.after)
    return [f"{diff.before.path} → {diff.after.path}", *([f"horizon {old} → {new}"] if old != new else []), counts]


def _head(diff: Diff) -> str:
    return " · ".join(_head_parts(diff))


def _change(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {"body": c.body, "id": c.key[1], "ordinal": c.meeting.get("ordinal")}
    if c.before is not None and c.after is not None and c.before.get("ordinal") != c.after.get("ordinal"):
        out["ordinal_before"] = c.before.get("ordinal")
    for side, m in (("before", c.before), ("after", c.after)):
        if m is not None:
            out[side] = {"start": m["start"], "end": m.get("end"), "host": m.get("host"), "status": m.get("status"), "reason": m.get("reason")}
    if c.why:
        out["why"] = c.why
    return out


def render_diff(diff: Diff, fmt: str, width: int = DEFAULT_WIDTH) -> str:
    if fmt == "json":
        return to_json(
            {
                "command": "diff",
                "before": {"file": diff.before.path, "today": diff.before.today, "from": diff.before.start, "to": diff.before.end},
                "after": {"file": diff.after.path, "today": diff.after.today, "from": diff.after.start, "to": diff.after.end},
                "moved": [_change(c) for c in diff.moved],
                "added": [_change(c) for c in diff.added],
                "dropped": [_change(c) for c in diff.dropped],
                "hosts_changed": [_change(c) for c in diff.hosts],
                "renumbered": [_change(c) for c in diff.renumbered],
                "held": [_change(c) for c in diff.held],
            }
        )
    sections = [(name, rows) for name, rows in _rows(diff) if rows]
    if fmt == "markdown":
        out = [f"# {_head(diff)}", ""]
        for name, rows in sections:
            out += [f"## {name}", "", md_table(("meeting", "dates", "why"), rows)]
        if diff.empty:
            out.append("The two projections hold the same meetings on the same dates.\n")
        return "\n".join(out)
    # one table for all sections, so that the columns line up from one to the next
    table = iter(fit_table([r for _, rows in sections for r in rows], width, indent=2))
    out = wrap_parts(_head_parts(diff), width)  # the counts stay on one line
    for name, rows in sections:
        out += ["", name, *[line for _ in rows for line in next(table)]]
    if diff.empty:
        out.append("The two projections hold the same meetings on the same dates.")
    return "\n".join(out) + "\n"


__all__ = ["render_diff"]
