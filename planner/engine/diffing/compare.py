"""Two projections compared: what moved (and why), what was added or dropped, what was
renumbered, whose host changed.

The question is the planner's "if the Summit slips, what moves?": project the register, project
it again with a scenario laid over it (``--meetings register.csv --meetings scenario.csv``), and
compare. Meetings are matched by body and identity (the ordinal, else the projection key: the
rule, due period and slot, e.g. the first SOC of 2027), so a meeting that moves stays one meeting;
but a meeting of one body and kind on the same days under another number in each is one meeting
renumbered (a meeting added to the register before it), not a chain of meetings moved a period
each, one added and one dropped; and an unnumbered projected meeting on the same days under
another key (it now answers another rule or period) is the same meeting, neither added nor dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from planner.core.dates import PartialDate
from planner.core.errors import InputError
from planner.core.meeting import Meeting
from planner.core.vocabulary import Status
from planner.engine.diffing.late import RecordedLate
from planner.engine.rule_words import ordinal
from planner.inputs.projection_json import SavedProjection


@dataclass(frozen=True)
class Change:
    """One meeting in both projections (``before``/``after``), or in one of them only."""

    key: tuple[str, str]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    why: str = ""

    @property
    def body(self) -> str:
        return self.key[0]

    @property
    def meeting(self) -> dict[str, Any]:
        return self.after or self.before or {}


@dataclass(frozen=True)
class Diff:
    before: SavedProjection
    after: SavedProjection
    moved: tuple[Change, ...]
    added: tuple[Change, ...]
    dropped: tuple[Change, ...]
    hosts: tuple[Change, ...]
    renumbered: tuple[Change, ...] = ()
    held: tuple[Change, ...] = ()  # planned or projected in BEFORE, the register's held row in AFTER

    @property
    def empty(self) -> bool:
        return not (self.moved or self.added or self.dropped or self.hosts or self.renumbered or self.held)


def meeting_key(m: dict[str, Any]) -> tuple[str, str]:
    """Body and identity: ``id`` where the projection wrote it, else the kind and ordinal, else the start."""
    if m.get("id"):
        return (m["body"], str(m["id"]))
    if m.get("ordinal"):
        kind = m.get("kind") or "regular"
        return (m["body"], str(m["ordinal"]) if kind == "regular" else f"{kind}-{m['ordinal']}")
    return (m["body"], f"{m.get('kind') or 'regular'}-{m['start']}")


def dates(m: dict[str, Any]) -> str:
    """``2028-09-20`` or ``2027-04-20 – 2027-04-21``."""
    return f"{m['start']} – {m['end']}" if m.get("end") and m["end"] != m["start"] else str(m["start"])


def _place(m: dict[str, Any]) -> tuple[str, ...]:
    """Where a meeting goes: its city and country where it has either, else its host's words
    (a chair or a venue to be decided). A projected meeting of a Secretariat-hosted body says
    "Vienna (Secretariat)" and the same meeting planned in the register "Vienna, Austria": one
    place, no host changed."""
    if m.get("city") or m.get("country"):
        return (str(m.get("city") or ""), str(m.get("country") or ""))
    return (str(m.get("host") or ""),)


def _span(m: dict[str, Any]) -> tuple[str, str]:
    return (str(m["start"]), str(m.get("end") or m["start"]))


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a1, a2), (b1, b2) = _span(a), _span(b)
    return len(a1) == len(b1) == 10 and a1 <= b2 and b1 <= a2


# Meetings of AFTER looked at, over all the moved meetings of a diff, to say whose meeting now
# takes a moved one's old days: a few per moved meeting in any real projection; a file of
# thousands of meetings on the same days would otherwise make the search quadratic (150,000
# moved meetings, each against 150,000). Past it, a moved meeting is said to be "re-placed".
TAKEN_LOOKS = 2_000_000
TAKEN_NAMED = 3


class _Taken:
    """Who holds given days in a projection: its day-dated meetings in order of start, looked up
    from the first that may reach those days (the longest meeting says how far back that is)."""

    def __init__(self, meetings: tuple[dict[str, Any], ...]) -> None:
        self.all = meetings
        self.starts: list[str] | None = None  # made when a moved meeting first asks
        self.meetings: list[dict[str, Any]] = []
        self.reach = 0
        self.looks = TAKEN_LOOKS

    def _index(self) -> list[str]:
        self.meetings = sorted((m for m in self.all if len(str(m["start"])) == 10), key=lambda m: str(m["start"]))
        self.reach = max((PartialDate.parse(_span(m)[1]).latest.toordinal() - date.fromisoformat(str(m["start"])).toordinal() for m in self.meetings), default=0)
        return [str(m["start"]) for m in self.meetings]

    def by(self, before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
        """The meetings (of other bodies than ``after``'s) on any day of ``before``."""
        first, last = _span(before)
        if len(first) != 10:
            return []
        if self.starts is None:
            self.starts = self._index()
        reach_from = date.fromisoformat(first).toordinal() - self.reach
        lo = bisect_left(self.starts, date.fromordinal(reach_from).isoformat()) if reach_from >= 1 else 0
        hi = bisect_right(self.starts, last)
        if hi - lo > self.looks:
            self.looks = 0
            return []
        self.looks -= max(hi - lo, 0)
        return [o for o in self.meetings[lo:hi] if o is not after and o.get("body") != after.get("body") and _overlaps(o, before)]


def _why(before: dict[str, Any], after: dict[str, Any], taken_by: _Taken) -> str:
    """Why a meeting moved, from what the two projections say."""
    if after.get("status") == "planned":
        was = f"planned for {before['start']}" if before.get("status") == "planned" else "projected"
        return f"re-planned in the register (was {was})"
    new, old = after.get("reason") or "", before.get("reason") or ""
    if new and new != old:
        return f"{new} (was: {old})" if old else new
    taken = sorted({str(o.get("name") or o["body"]) for o in taken_by.by(before, after)})
    if taken:
        # a few names: on a day every body meets, the line named them all (2 KB a meeting)
        named = ", ".join(taken[:TAKEN_NAMED]) + (f" and {len(taken) - TAKEN_NAMED:,} other bodies" if len(taken) > TAKEN_NAMED else "")
        return f"its days are now taken by the {named}"
    return f"re-placed: {new}" if new else "re-placed"


def _held(before: dict[str, Any], after: dict[str, Any]) -> str:
    """``held 2026-12-10 in Astana (the register's row: "7th session"); was projected for
    2026-12-02``: a meeting BEFORE foresaw that AFTER's register records as held."""
    where = f" in {after['host']}" if after.get("host") else ""
    title = f' (the register\'s row: "{after["title"]}")' if after.get("title") else " (the register's row)"
    was = f"was {before.get('status') or 'projected'} for {dates(before)}"
    return f"held {dates(after)}{where}{title}; {was}"


def _held_rows(old: dict[tuple[str, str], dict[str, Any]], new: dict[tuple[str, str], dict[str, Any]]) -> list[Change]:
    """The meetings BEFORE planned or projected that AFTER's register records as held: under
    one key (a number), or, a meeting without a number of BEFORE that AFTER no longer has, the
    held row of its body and kind that AFTER alone has, in the same year, nearest its days (a
    meeting projected for a window, since held: not "no longer projected" beside one "added")."""
    found: list[Change] = []
    for key in [k for k in old.keys() & new.keys() if new[k].get("status") == "held" and old[k].get("status") in ("projected", "planned")]:
        found.append(Change(key, old.pop(key), new.pop(key)))
    rows: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key in sorted(new.keys() - old.keys(), key=lambda k: str(new[k]["start"])):
        m = new[key]
        if m.get("status") == "held" and not m.get("ordinal"):
            rows.setdefault((m["body"], m.get("kind") or "regular"), []).append(key)
    if not rows:
        return found
    for key in sorted(old.keys() - new.keys(), key=lambda k: (str(old[k]["start"]), k)):
        m = old[key]
        if m.get("ordinal") or m.get("status") not in ("projected", "planned"):
            continue
        start = str(m["start"])
        same_year = [k for k in rows.get((m["body"], m.get("kind") or "regular"), ()) if str(new[k]["start"])[:4] == start[:4]]
        if same_year:
            nearest = min(same_year, key=lambda k: abs(PartialDate.parse(str(new[k]["start"])).earliest.toordinal() - PartialDate.parse(start).earliest.toordinal()))
            rows[(m["body"], m.get("kind") or "regular")].remove(nearest)
            found.append(Change(key, old.pop(key), new.pop(nearest)))
    return found


def _row(m: Meeting) -> dict[str, Any]:
    """A register's row as a projection's meeting reads (what a diff shows of it)."""
    return {
        "body": m.body,
        "kind": m.kind.value,
        "ordinal": m.ordinal,
        "start": str(m.start),
        "end": str(m.end) if m.end is not None else None,
        "status": m.status.value,
        "host": ", ".join(p for p in (m.city, m.country) if p),
        "title": m.title or None,
    }


def _held_in_register(old: dict[tuple[str, str], dict[str, Any]], new: dict[tuple[str, str], dict[str, Any]], register: Sequence[Meeting], before: SavedProjection) -> list[Change]:
    """The meetings BEFORE planned or projected that AFTER no longer has, which the register
    (given to the diff) records as held: the row of their number, or, for a meeting without
    one, the held row of its body and kind in the same year that opened after BEFORE was made
    (its ``today``) and that BEFORE does not show, nearest its days, else one dated before that
    day that its register cannot have held (:mod:`.late`: a meeting recorded late). AFTER,
    made later, does not list a meeting held before its horizon: "outside the new horizon" or
    "no longer projected" said nothing of it having been held."""
    gone = [k for k in old.keys() - new.keys() if old[k].get("status") in ("projected", "planned")]
    if not gone or not register:
        return []
    numbered: dict[tuple[str, str, int], Meeting] = {}
    loose: dict[tuple[str, str], list[Meeting]] = {}
    shown = {(m["body"], str(m["start"])) for m in before.meetings if m.get("status") == "held"}
    made = before.today
    for m in register:
        if m.status is not Status.HELD:
            continue
        if m.ordinal:
            numbered[(m.body, m.kind.value, m.ordinal)] = m
        if str(m.start.earliest) >= made and (m.body, str(m.start)) not in shown:
            loose.setdefault((m.body, m.kind.value), []).append(m)
    earlier = RecordedLate(before, register, shown)
    found: list[Change] = []
    for key in sorted(gone, key=lambda k: (str(old[k]["start"]), k)):
        m = old[key]
        kind = m.get("kind") or "regular"
        row = numbered.get((m["body"], kind, int(m["ordinal"]))) if m.get("ordinal") else None
        if row is None and not m.get("ordinal"):
            start = PartialDate.parse(str(m["start"])).earliest
            rows = [r for r in loose.get((m["body"], kind), ()) if r.start.earliest.year == start.year]
            row = min(rows, key=lambda r: abs((r.start.earliest - start).days), default=None)
            if row is not None:
                loose[(m["body"], kind)].remove(row)
            else:
                row = earlier.take(m)
        if row is not None:
            found.append(Change(key, old.pop(key), {**_row(row), "name": m.get("name")}))
    return found


def _outside(m: dict[str, Any], p: SavedProjection) -> bool:
    """``m`` lies wholly outside ``p``'s horizon (the dates are checked when read)."""
    first, last = PartialDate.parse(str(m["start"])).earliest.isoformat(), PartialDate.parse(str(m.get("end") or m["start"])).latest.isoformat()
    return bool(p.start and p.end) and (last < p.start or first > p.end)


def horizon(p: SavedProjection) -> str:
    """``2026-11-26 to 2036-11-26``."""
    return f"{p.start} to {p.end}"


def _gone(m: dict[str, Any], after: SavedProjection) -> str:
    """Why a meeting of BEFORE is not in AFTER, in words: outside its horizon, or no longer
    planned or projected (what the register or the rules now make of it)."""
    was = m.get("reason") or ("planned in the register" if m.get("status") == "planned" else "")
    if _outside(m, after):
        return f"outside the new horizon ({horizon(after)})" + (f" (was: {was})" if was else "")
    if m.get("status") == "planned":
        return f"no longer planned in the register (was: {was})"
    return "no longer projected" + (f" (was: {was})" if was else "")


def _new(m: dict[str, Any], before: SavedProjection) -> str:
    """Why a meeting of AFTER is not in BEFORE."""
    why = m.get("reason") or ("planned in the register" if m.get("status") == "planned" else "")
    if _outside(m, before):
        return f"{why} (outside the old horizon: {horizon(before)})" if why else f"outside the old horizon ({horizon(before)})"
    return why


def _renumbered(old: dict[tuple[str, str], dict[str, Any]], new: dict[tuple[str, str], dict[str, Any]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The (old, new) keys of numbered meetings of one body and kind on the same days (dated to
    the day) under another number in each projection, where neither number stayed on its days."""
    days: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
    for k, m in new.items():
        if m.get("ordinal") and len(str(m["start"])) == 10 and not (k in old and _span(old[k]) == _span(m)):
            days.setdefault((m["body"], m.get("kind") or "regular", _span(m)), []).append(k)
    pairs = []
    for k, m in old.items():
        if not m.get("ordinal") or len(str(m["start"])) != 10 or k in new and _span(new[k]) == _span(m):
            continue
        found = days.get((m["body"], m.get("kind") or "regular", _span(m)))
        if found and found[0] != k:
            pairs.append((k, found.pop(0)))
    return pairs


def _same_days(old: dict[tuple[str, str], dict[str, Any]], new: dict[tuple[str, str], dict[str, Any]]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """The (old, new) keys of unnumbered projected meetings of one body and kind on the same
    days (dated to the day) in each projection under another key: the projection's key names
    the rule and due period a meeting answers, and one meeting may answer another rule as the
    register changes (a council's February meeting, the first of three a year, then the one of
    its month once January's was held). On the same days, it is the same meeting; so is one
    the register now plans on the days BEFORE projected it (a projection accepted, as a
    numbered meeting accepted keeps its number and is no change)."""
    days: dict[tuple[Any, ...], list[tuple[str, str]]] = {}
    for k, m in new.items():
        if k not in old and not m.get("ordinal") and m.get("status") in ("projected", "planned") and len(str(m["start"])) == 10:
            days.setdefault((m["body"], m.get("kind") or "regular", _span(m)), []).append(k)
    pairs = []
    for k, m in old.items():
        if k in new or m.get("ordinal") or m.get("status") != "projected" or len(str(m["start"])) != 10:
            continue
        found = days.get((m["body"], m.get("kind") or "regular", _span(m)))
        if found:
            pairs.append((k, found.pop(0)))
    return pairs


def _keyed(meetings: tuple[dict[str, Any], ...]) -> dict[tuple[str, str], dict[str, Any]]:
    """The meetings by :func:`meeting_key`; a key a meeting before it has (two unnumbered
    meetings of one body and kind on one day: a what-if register's planned one and its
    cancelled one, which `project` writes both) is numbered ``#2``, ``#3``... in the order of
    the file: a dict of the keys kept the last alone, and the diff of two projections that
    differ in the first said they hold the same meetings."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for m in meetings:
        key = meeting_key(m)
        if key in out:
            n = 2
            while (key[0], f"{key[1]}#{n}") in out:
                n += 1
            key = (key[0], f"{key[1]}#{n}")
        out[key] = m
    return out


def compare(before: SavedProjection, after: SavedProjection, register: Sequence[Meeting] = ()) -> Diff:
    """What changed from ``before`` to ``after``: two projections of one organization (of two,
    every meeting would be "added" and "dropped": refused, naming the file and key).
    ``register``: the meetings recorded since (``diff --meetings``), where a meeting AFTER no
    longer has was held."""
    if before.organization != after.organization:
        raise InputError(
            "is another organization's projection", path=after.path, location="organization", value=after.organization, expected=f"{before.organization!r}, the organization of {before.path}"
        )
    old, new = _keyed(before.meetings), _keyed(after.meetings)
    later = _Taken(after.meetings)
    found = _held_rows(old, new) + _held_in_register(old, new, register, before)
    held = [Change(c.key, c.before, c.after, _held(c.before or {}, c.after or {})) for c in found]
    held.sort(key=lambda c: (str(c.meeting["start"]), c.key))
    moved, hosts, renumbered = [], [], []
    for was, now in _renumbered(old, new):
        a, b = old.pop(was), new.pop(now)
        renumbered.append(Change(now, a, b, f"was the {ordinal(int(a['ordinal']))}"))
        if _place(a) != _place(b):
            hosts.append(Change(now, a, b))
    renumbered.sort(key=lambda c: (str(c.meeting["start"]), c.key))
    for was, now in _same_days(old, new):
        a, b = old.pop(was), new.pop(now)
        if _place(a) != _place(b):
            hosts.append(Change(now, a, b))
    for key in sorted(old.keys() & new.keys(), key=lambda k: (str(new[k]["start"]), k)):
        a, b = old[key], new[key]
        if _span(a) != _span(b):
            moved.append(Change(key, a, b, _why(a, b, later)))
        if _place(a) != _place(b):
            hosts.append(Change(key, a, b))
    # A planned meeting already past (listed under the problems "to confirm") that the other
    # projection plans anew has moved, not appeared.
    pending = {meeting_key(p["meeting"]): p["meeting"] for p in before.problems if p.get("kind") == "unconfirmed" and isinstance(p.get("meeting"), dict) and p["meeting"].get("body") and p["meeting"].get("start")}
    for key in sorted((new.keys() - old.keys()) & pending.keys(), key=lambda k: (str(new[k]["start"]), k)):
        moved.append(Change(key, pending[key], new[key], _why(pending[key], new[key], later)))
    moved.sort(key=lambda c: (str(c.meeting["start"]), c.key))
    added = [Change(k, None, new[k], _new(new[k], before)) for k in sorted(new.keys() - old.keys() - pending.keys(), key=lambda k: (str(new[k]["start"]), k))]
    dropped = [Change(k, old[k], None, _gone(old[k], after)) for k in sorted(old.keys() - new.keys(), key=lambda k: (str(old[k]["start"]), k))]
    hosts.sort(key=lambda c: (str(c.meeting["start"]), c.key))
    return Diff(before, after, tuple(moved), tuple(added), tuple(dropped), tuple(hosts), tuple(renumbered), tuple(held))


__all__ = ["Change", "Diff", "compare", "dates", "horizon", "meeting_key"]
