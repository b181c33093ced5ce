"""Chair terms judged against the rule book's chair rule: terms too long, gaps and overlaps
between terms, chairs that are no member state, the same country twice in a row, and handovers
away from a meeting of a handover body (or at a special one). Findings never claim more than
the register's dates say: a term or boundary known only to the month or year is a note where
only some of its days would break the rule."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from planner.core.dates import PartialDate, Precision
from planner.core.model import Chairmanship, HostPolicy, Kind, Meeting, RuleBook, Status
from planner.core.words import plural
from planner.engine.chairmanship.findings.long_terms import (
    handover_records_gap,
    long_term,
    long_term_from_since,
    span,
)
from planner.engine.chairmanship.findings.rows import joined_note
from planner.engine.chairmanship.findings.suspended import suspended_chairs
from planner.engine.chairmanship.rotation import rotation_after
from planner.engine.chairmanship.terms import (
    ChairFinding,
    Severity,
    Term,
    handover_slack,
    meeting_words,
)


def judge(book: RuleBook, terms: Sequence[Term], today: date) -> list[ChairFinding]:
    """Each term against the chair rule: too long, gaps and overlaps, non-members, consecutive
    terms, and handovers away from a meeting of a handover body."""
    out: list[ChairFinding] = []
    for i, t in enumerate(terms):
        first = len(out)
        _judge_term(book, terms, i, today, out)
        out.extend([*joined_note(t), *suspended_chairs([t])])
        out[first:] = [replace(f, term_start=str(t.start or ""), term=i) for f in out[first:]]
    if book.chairmanship is not None and not book.chairmanship.binding:
        # A customary rotation (the Arctic Council's hosting "should rotate"): what breaks the
        # rule is worth knowing, never a violation, as a customary cadence gives advisories.
        # A chair that is no member state is a fact of the register, not of the custom.
        out = [replace(f, severity=Severity.NOTE, message=f"{f.message} (customary chair rule: a note, not a violation)") if f.severity is Severity.VIOLATION and f.kind != "not_member" else f for f in out]
    return out


def _judge_term(book: RuleBook, terms: Sequence[Term], i: int, today: date, out: list[ChairFinding]) -> None:
    rule = book.chairmanship
    handover_ids = rule.handover_bodies if rule else ()
    t = terms[i]
    if t.member is None:
        out.append(ChairFinding("not_member", Severity.VIOLATION, t.country, f"{t.country} ({span(t, today)}) is not a member state of the rule book{_close(book, t.country)}."))
    elif t.start is not None and not t.member.member_on(t.start.earliest) and not t.member.member_on(t.start.latest):
        # (on every day the start may mean: membership is one stretch of days)
        since = f"joined {t.member.joined}" if t.member.joined and t.start.latest < t.member.joined.earliest else f"left {t.member.left}"
        out.append(ChairFinding("not_member", Severity.VIOLATION, t.country, f"{t.country} ({span(t, today)}) was not a member when its term began ({since})."))
    elif t.member is not None and t.member.left is not None and t.start is not None:
        out.extend(_left_while_chairing(t, t.member.left, today))
    if rule is None or t.start is None:
        return
    if rule.since and t.start.latest < rule.since.earliest:
        out.append(ChairFinding("before_rule", Severity.NOTE, t.country, f"{t.country} ({span(t, today)}) began before the chair rule ({rule.since}) and is not judged by it."))
    elif rule.since and t.start.earliest < rule.since.earliest:
        # Begun on a day the register does not give, before the rule or under it: not "began
        # before" (more than the register says), and judged on the days under the rule, a note.
        out.append(ChairFinding("before_rule", Severity.NOTE, t.country, f"{t.country} ({span(t, today)}) may have begun before the chair rule ({rule.since}): begun before it, it is not judged by it."))
        out.extend(long_term_from_since(rule, t, today))
    else:
        out.extend(long_term(book, rule, t, today))
    before_rule = bool(rule.since and t.start.earliest < rule.since.earliest)
    if i and terms[i - 1].member is not None and terms[i - 1].member == t.member and not rule.consecutive_terms and not before_rule:
        out.append(ChairFinding("consecutive", Severity.VIOLATION, t.country, f"{t.country} chaired twice in a row ({terms[i - 1].years()}, {t.years()}); the rule allows no consecutive terms (consecutive_terms = false)."))
    if i:
        out.extend(_boundary(terms[i - 1], t, today, rule))
        if rule.order != "plan" and not before_rule:
            out.extend(_out_of_turn(book, rule, terms[i - 1], t, today))
    if t.running and t.closed_by is not None and t.closed_by.status is Status.PLANNED and t.closed_by.latest < today:
        out.append(ChairFinding("stale", Severity.NOTE, t.country, f"The {meeting_words(t.closed_by, book)} that ends {t.country}'s term is past as of {today} but still recorded as planned: record it as held (and the new chair) in the registers."))
    if t.running and t.closed_by is not None and handover_ids:
        out.extend(_planned_handover_host(book, rule, t))
    if handover_ids:
        boundaries = [(t.start, t.opened_by, t.opened_among, terms[i - 1] if i else None, t.country)]
        if t.end and not t.running and (i == len(terms) - 1 or not _one_handover(t.end, terms[i + 1].start)):
            boundaries.append((t.end, t.closed_by, t.closed_among, t, terms[i + 1].country if i + 1 < len(terms) else None))
        for when, meeting, among, outgoing, after in boundaries:
            before = outgoing.country if outgoing is not None else None
            if meeting is None and before is None and i == 0 and _founding(book, handover_ids, when):
                continue
            if meeting is None and when is t.start and i and _judged_at_end(terms[i - 1], t):
                continue  # (the same handover, judged at the day the term before ended)
            if rule.since and when is not None and when.earliest < rule.since.earliest:
                continue  # a handover before the chair rule (its `since`) is not judged by it
            out.extend(_handover(book, when, meeting, before, after, _ceased(outgoing, when) if meeting is None else ""))
            if meeting is not None and among:
                out.append(_loose_handover(book, when, meeting, among, before, after))
            if meeting is not None and before and after:
                out.extend(_handover_host(book, rule, meeting, before, after))


def _judged_at_end(prev: Term, t: Term) -> bool:
    """Whether the handover that began ``t``, dated loosely and matched to no meeting, is the
    one judged already at the day ``prev`` ended: that day (or the day after it) may be the
    one ``t.start`` means. BSEC: Georgia to 2021-12-31, Moldova from "2022", whose only
    Council that year closed Moldova's term: one handover, not a second violation."""
    if t.start is None or t.start.exact or prev.end is None or prev.running or _one_handover(prev.end, t.start):
        return False
    return prev.end.earliest <= t.start.latest and t.start.earliest <= prev.end.latest + timedelta(days=1)


def _one_handover(end: PartialDate, start: PartialDate | None) -> bool:
    """Whether a term's ``end`` and the next term's ``start`` are one handover: the same day,
    or (a register giving the last day chaired, README "Chair terms") the day after it. BSEC's
    Azerbaijan to 2018-12-31 and Bulgaria from 2019-01-01 were two handovers, each judged and
    each a violation, for the one the Chairmanship made."""
    if start is None:
        return False
    return start == end or (end.exact and start.exact and start.earliest == end.latest + timedelta(days=1))


def _out_of_turn(book: RuleBook, rule: Chairmanship, prev: Term, t: Term, today: date) -> list[ChairFinding]:
    """A chair that is not the next member in the rotation's order after the one before (on
    the day its term began, among the members then): a note. A rotation is changed by
    decisions a register does not record (ASEAN's 2006 chair passed over Myanmar), so leaving
    it is worth saying, never a violation. A second term of the same chair, where allowed, is
    in turn."""
    if prev.member is None or t.member is None or t.start is None or (prev.member == t.member and rule.consecutive_terms):
        return []
    listed = rule.order == "listed"
    days = {t.start.earliest, t.start.latest}  # (on every day the start may mean)
    # (and on every reading of a joining, leaving or suspension dated only to the month or
    # year: passed by or not)
    expected = {m.name for day in days for unsure in (False, True) for m in rotation_after(book, prev.member, 1, day, listed=listed, pass_unsure=unsure)}
    if not expected or t.member.name in expected:
        return []
    order = "order organization.members lists them" if listed else "alphabetical order"
    text = f"{t.country} ({span(t, today)}) is out of turn: after {prev.country} the rotation ({order}) gives {' or '.join(sorted(expected))}."
    return [ChairFinding("out_of_turn", Severity.NOTE, t.country, text)]


def _left_while_chairing(t: Term, left: PartialDate, today: date) -> list[ChairFinding]:
    """A chair that left the organization before its term ended (README: a member's `left`
    bounds its membership, and a register's chair outside it is a finding): a violation where
    it chaired past every day `left` may mean (a running term as of --today), a note where its
    running term is only expected to run past it. The term's end is the next chair's first day."""
    running = t.running and not t.handed_over(today)  # (one handed over ended at that meeting)
    last = today if running else (t.end.earliest - timedelta(days=1) if t.end is not None and t.end.exact else t.end.earliest if t.end is not None else None)
    if last is None:
        return []
    if left.latest < last:
        return [ChairFinding("not_member", Severity.VIOLATION, t.country, f"{t.country} ({span(t, today)}) chaired after it left the organization ({left}): no member from {left.latest + timedelta(days=1)}.")]
    if running and t.end is not None and left.latest < t.end.earliest - timedelta(days=1):
        return [ChairFinding("not_member", Severity.NOTE, t.country, f"{t.country}'s running term is expected to end on {t.end}, after it leaves the organization ({left}).")]
    if running and t.closed_by is None and t.end is not None and t.end.exact and t.end.earliest == left.latest + timedelta(days=1) and left.exact:
        return [ChairFinding("not_member", Severity.NOTE, t.country, f"{t.country}'s running term is expected to end on {t.end}, when it leaves the organization ({left}), at no meeting: the chair passes then.")]
    return []


def _founding(book: RuleBook, handover_ids: Sequence[str], start: PartialDate | None) -> bool:
    """Whether the register's first chair took office as the handover bodies were established
    (within the slack of a handover): a founding chair, handed nothing, at no meeting of
    theirs. The Arctic Council's Canada chaired from the Ottawa Declaration of 1996-09-19, two
    years before the first Ministerial meeting."""
    bodies = [book.body(b) for b in handover_ids]
    return start is not None and all(b is not None and b.established is not None and start.latest <= b.established.latest + handover_slack(book.chairmanship) for b in bodies)


def _close(book: RuleBook, name: str) -> str:
    names = [m.name for m in book.organization.members]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    return f"; closest: {', '.join(close)}" if close else ""


def _boundary(prev: Term, t: Term, today: date, rule: Chairmanship | None = None) -> list[ChairFinding]:
    assert t.start is not None
    if prev.running:
        return [ChairFinding("overlap", Severity.VIOLATION, t.country, f"{prev.country} is still chairing (no end in the register) when {t.country} begins on {t.start}.")]
    if prev.end is None:
        return []
    if t.start.earliest > prev.end.latest + timedelta(days=1):
        days = (t.start.earliest - prev.end.latest).days - 1
        if rule is not None and t.start.earliest >= rule.term.add_to(prev.end.latest) - handover_slack(rule):
            # A whole term of the rule with no chair recorded: a row missing from the chair
            # register is likelier than a year with no chair (the ILO's register without its
            # 2024-25 Chairperson, elected at the June session between Nigeria's and France's)
            return [ChairFinding("gap", Severity.NOTE, t.country, f"No chair recorded for {plural(days, 'day')}: {prev.country} ended {prev.end}, {t.country} began {t.start}, a whole term of the rule ({rule.term.words()}) apart: a term may be missing from the chair register; if no one chaired then, the gap breaks the rule.")]
        return [ChairFinding("gap", Severity.VIOLATION, t.country, f"No chair for {plural(days, 'day')}: {prev.country} ended {prev.end}, {t.country} began {t.start}.")]
    if t.start.latest < prev.end.earliest:
        days = (prev.end.earliest - t.start.latest).days
        return [ChairFinding("overlap", Severity.VIOLATION, t.country, f"{prev.country} (to {prev.end}) and {t.country} (from {t.start}) overlap by {plural(days, 'day')}.")]
    # Dated only to the month or year, the two terms may still leave days with no chair or
    # with two: a note saying which days would, never a violation (more certain than the data).
    # Not where the end and the start are one value ("2025-05" both): the register's one
    # handover (README: `end` is the day handed over, the next term's `start`), whose day it
    # does not give, as `_one_handover` reads it for the handover itself.
    if t.start == prev.end:
        return []
    gap = t.start.latest > prev.end.earliest + timedelta(days=1)
    overlap = t.start.earliest < prev.end.latest
    if not (gap or overlap):
        return []
    kind = "gap" if not overlap else "overlap" if not gap else "gap_or_overlap"
    text = (
        f"{prev.country} (to {prev.end}) and {t.country} (from {t.start}): perhaps {' or '.join(('a gap',) * gap + ('an overlap',) * overlap)}:"
        f" {prev.country}'s term ended {_on_days(prev.end)}, {t.country}'s began {_on_days(t.start)},"
        " and the register does not give the days."
    )
    return [ChairFinding(kind, Severity.NOTE, t.country, text)]


def _on_days(when: PartialDate) -> str:
    """``on 2022-06-15``, or ``on a day from 2022-06-01 to 2022-06-30`` (not "from 2022-06-15
    to 2022-06-15" for the side the register dates to the day)."""
    return f"on {when.earliest}" if when.earliest == when.latest else f"on a day from {when.earliest} to {when.latest}"


def _ceased(outgoing: Term | None, when: PartialDate | None) -> str:
    """Why the outgoing chair could chair no longer on the day ``when`` of a handover, in words:
    it left the organization the day before (its `left`, the last day a member) or that day, or
    its suspension began that day or the next; empty otherwise. The chair passes then, at
    whatever meeting there is: a chair that is no member, or takes no part, cannot keep it."""
    member = outgoing.member if outgoing is not None else None
    if member is None or when is None:
        return ""
    day = timedelta(days=1)
    left = member.left
    if left is not None and left.earliest <= when.latest and when.earliest <= left.latest + day:
        return f"{member.name} left the organization {_on(left)}"
    for s in member.suspended:
        if s.start.earliest - day <= when.latest and when.earliest <= s.start.latest:
            return f"{member.name} was suspended {_on(s.start)} ({s.reason})"
    return ""


def _handover(book: RuleBook, when: PartialDate | None, m: Meeting | None, before: str | None, after: str | None, ceased: str = "") -> list[ChairFinding]:
    if when is None:
        return []
    who = f"{before} → {after}" if before and after else f"to {after}" if after else f"from {before}"
    if m is None and ceased:
        # The rule passes the chair at a handover meeting, but a chair that left (or was
        # suspended) passes it when it goes: every register is then away from a meeting (or
        # has the chair stay on after leaving, itself a violation), so the register's is a note.
        text = f"Handover {who} {_on(when)} is not at a meeting of a handover body (none within {plural(handover_slack(book.chairmanship).days, 'day')} in the register): {ceased}, and a chair that no longer takes part passes the chair on then."
        return [ChairFinding("handover", Severity.NOTE, after or before or "", text)]
    if m is None:
        unknown = _unrecorded(book, when)
        if unknown:
            # The register's silence proves nothing where its records are not known complete:
            # the handover meeting may be held and not recorded (record coverage, DESIGN).
            text = f"Handover {who} {_on(when)}: no meeting of a handover body within {plural(handover_slack(book.chairmanship).days, 'day')} in the register, which {unknown.removeprefix('the register ')}: the handover meeting may not be recorded."
            return [ChairFinding("handover", Severity.NOTE, after or before or "", text)]
        return [ChairFinding("handover", Severity.VIOLATION, after or before or "", f"Handover {who} {_on(when)} is not at a meeting of a handover body (none within {plural(handover_slack(book.chairmanship).days, 'day')} in the register).")]
    if m.kind is not Kind.REGULAR:
        return [
            ChairFinding(
                "special_handover",
                Severity.NOTE,
                after or before or "",
                f"Handover {who} {_on(when)} was at a {m.kind.value} meeting, the {meeting_words(m, book)}, not a regular one. "
                "Counted as a handover: the rule names the body, not the kind of meeting.",
            )
        ]
    return []


def _unrecorded(book: RuleBook, when: PartialDate) -> str:
    """Why the days a handover meeting of ``when`` could fall on are not known complete in the
    register of some handover body, in the words of record coverage; empty when they are."""
    rule = book.chairmanship
    if rule is None:
        return ""
    slack = handover_slack(rule)
    return handover_records_gap(book, rule, when.earliest - slack, when.latest + slack)[1]


def _loose_handover(book: RuleBook, when: PartialDate, m: Meeting, among: Sequence[Meeting], before: str | None, after: str | None) -> ChairFinding:
    """A handover the register dates only to the month or year is matched to a meeting of a
    handover body then, which the register itself does not name: a note says so, and names
    the others it may have been."""
    who = f"{before} → {after}" if before and after else f"to {after}" if after else f"from {before}"
    grain = "year" if when.precision is Precision.YEAR else "month"
    others = [o for o in among if o is not m]
    text = f"Handover {who} in {when}: the register gives only the {grain}; taken to be at the {meeting_words(m, book)}"
    if others:
        text += f", one of {len(among)} meetings of handover bodies then (also: {'; '.join(meeting_words(o, book) for o in others)}): the register does not say which."
    else:
        text += ", the only meeting of a handover body then."
    return ChairFinding("loose_handover", Severity.NOTE, after or before or "", text)


def _on(when: PartialDate) -> str:
    return f"on {when}" if when.exact else f"in {when}"


def _chair_hosted(book: RuleBook, rule: Chairmanship, m: Meeting) -> bool:
    """Whether the chair hosts ``m`` at all: ``handover_host`` says which chair hosts a
    handover meeting of a chair-hosted body, and nothing of an Assembly held at the seat
    (the African Union's, ``chair_hosts = false``) or of a body with a host of its own."""
    body = book.body(m.body)
    return rule.chair_hosts and body is not None and body.host is HostPolicy.CHAIR


def _handover_host(book: RuleBook, rule: Chairmanship, m: Meeting, before: str, after: str) -> list[ChairFinding]:
    """A handover meeting the register places in the country of the chair the rule does not
    name as its host (``handover_host``): a note, since the register is the record of what
    happened and the rule book's reading of hosting may be what is wrong."""
    org = book.organization
    host = org.member(m.country) if m.country else None
    outgoing, incoming = org.member(before), org.member(after)
    if host is None or outgoing is None or incoming is None or outgoing is incoming or not _chair_hosted(book, rule, m):
        return []
    said, other = ("outgoing", "incoming") if rule.handover_host == "outgoing" else ("incoming", "outgoing")
    if host is (incoming if said == "outgoing" else outgoing):
        return [
            ChairFinding(
                "handover_host",
                Severity.NOTE,
                after,
                f"The {meeting_words(m, book)}, where {before} handed the chair to {after}, was hosted by the {other} chair; the rule book has the {said} chair host the handover meeting (handover_host = \"{said}\").",
            )
        ]
    return []


def _planned_handover_host(book: RuleBook, rule: Chairmanship, t: Term) -> list[ChairFinding]:
    """The meeting expected to end a running term, planned in the register in a country the
    rule book's ``handover_host`` does not give it to: a note (the next chair is not known yet,
    and the plan may change), as for a handover meeting held so (``_handover_host``)."""
    m = t.closed_by
    assert m is not None
    org = book.organization
    host = org.member(m.country) if m.country else None
    if host is None or t.member is None or not _chair_hosted(book, rule, m):
        return []
    if rule.handover_host == "incoming" and host is t.member and not rule.consecutive_terms:
        who = f"the outgoing chair ({t.country}; no country chairs twice in a row)"
    elif rule.handover_host == "outgoing" and host is not t.member:
        who = f"{host.name}, not the outgoing chair ({t.country})"
    else:
        return []
    return [
        ChairFinding(
            "handover_host",
            Severity.NOTE,
            t.country,
            f"The {meeting_words(m, book)}, expected to end {t.country}'s term, is to be hosted by {who}; the rule book has the {rule.handover_host} chair host the handover meeting (handover_host = \"{rule.handover_host}\").",
        )
    ]
