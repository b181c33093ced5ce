"""The findings of ``planner check --format json`` as JSON lines (:mod:`planner.outputs.check.json_report`
writes the document around them): each meeting's and window's text written once and shared by
the findings that repeat it, a met window's why worded from the same reading of its meetings."""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from operator import is_, itemgetter
from typing import TYPE_CHECKING, Any

from planner.core.dates import PartialDate, Precision
from planner.core.model import Body, Kind, Meeting, Status
from planner.engine.expectations import Expectation, ordinal
from planner.engine.judging.compliance import VIOLATIONS, Finding, Verdict
from planner.engine.judging.findings import more_words
from planner.engine.judging.window_finding import (
    _at_most_words,
    _capped_words,
    _meeting_words,
    _met_words,
)

if TYPE_CHECKING:
    from planner.outputs.check.json_report import _RuleIndex

_text = json.encoder.encode_basestring  # a JSON string, characters as they are (ensure_ascii=False)
_DAY = Precision.DAY
_REGULAR, _HELD = Kind.REGULAR, Status.HELD
# a meeting's fields that its JSON and its words read, in one C call (a meeting is a named tuple)
_FIELDS = itemgetter(*(Meeting._fields.index(name) for name in ("start", "kind", "ordinal", "end", "status", "city")))
# a finding's verdict and violation as JSON, by verdict (a StrEnum: its text is its value)
_VERDICTS = {v: f'{_text(v.value)}, "violation": {"true" if v in VIOLATIONS else "false"}' for v in Verdict}


class _Days(dict[date, str]):
    """Each day as a JSON string, written once: a check writes three or four per finding, of a
    few tens of thousands of distinct days."""

    def __missing__(self, day: date) -> str:
        text = self[day] = '"' + day.isoformat() + '"'
        return text


def _meeting_json(m: Meeting, days: dict[date, str]) -> str:
    """``json.dumps(compact_meeting(m), ensure_ascii=False)``, written directly (``days``: the
    days already written, :class:`_Days`)."""
    start = m.start
    when = days[start.earliest] if start.precision is _DAY else _quoted(start)
    end, n, city = m.end, m.ordinal, m.city
    if end is None and m.kind is _REGULAR and m.status is _HELD and n.__class__ is int and n and city:
        return f'{{"start": {when}, "ordinal": {n}, "city": {_text(city)}}}'  # most meetings
    out = f'{{"start": {when}'
    if end is not None:
        out = f'{out}, "end": {days[end.earliest] if end.precision is _DAY else _quoted(end)}'
    if m.ordinal:
        out = f'{out}, "ordinal": {int(m.ordinal)}'
    if m.kind is not _REGULAR:
        out = f'{out}, "kind": {_text(m.kind.value)}'
    if m.status is not _HELD:
        out = f'{out}, "status": {_text(m.status.value)}'
    city = m.city
    return f'{out}, "city": {_text(city)}}}' if city else out + "}"


def _quoted(day: PartialDate) -> str:
    return f'"{day}"'  # a year or a month: digits and a dash, nothing to escape


def _meetings_json(meetings: tuple[Meeting, ...], days: dict[date, str]) -> str:
    if len(meetings) == 1:  # most findings
        return _meeting_json(meetings[0], days)
    return ", ".join([_meeting_json(m, days) for m in meetings])


_NO_WINDOW = 'null, "pending": false, "deadline": null, "required": null, "reason": null'
_NOTHING_DUE = '"scheduled": [], "unconfirmed": [], "delay": null, "still_due": 0, "due_by": null'


def finding_json(f: Finding, rule: int | None, days: dict[date, str] | None = None) -> str:
    """``json.dumps(finding_dict(f, rule), ensure_ascii=False)``, written directly: building
    the dict and encoding it took most of the time of a JSON check of 290,000 findings (and
    an f-string formats in less than half the time of ``%``). ``days``: the days already
    written (:class:`_Days`)."""
    return _Lines(days).line(f, f'{{"body": {_text(f.body.id)}, "rule": {"null" if rule is None else int(rule)}, "verdict": ')


class _Texts(dict[str, str]):
    """Each text as the inside of a JSON string (escaped, without its quotes), written once: a
    window's label and reason are shared by the windows of every body judged on the same
    periods by the same words."""

    def __missing__(self, text: str) -> str:
        found = self[text] = _text(text)[1:-1]
        return found


class _Isos(dict[date, str]):
    """Each day in ISO form, written once."""

    def __missing__(self, day: date) -> str:
        text = self[day] = day.isoformat()
        return text


class _Ordinals(dict[int, str]):
    def __missing__(self, n: int) -> str:
        found = self[n] = ordinal(n)
        return found


# A finding's why as judged: a text, or the function that words it (findings.py, _Why). Read
# here without the descriptor, which would keep the text in the finding: a writer reads it once.
_why_of = Finding.__dict__["why"].slot.__get__


class _Lines:
    """Findings as JSON lines (:func:`finding_json`), with what they share written once: the
    days, labels and reasons, and each body's and rule's head of the line."""

    def __init__(self, days: dict[date, str] | None = None) -> None:
        self.days = _Days() if days is None else days
        self.texts = _Texts()
        self.labels: dict[tuple[Any, int, int], str] = {}  # by grain, period and year start
        self.ordinals = _Ordinals()
        self.isos = _Isos()
        self.named: tuple[Body | None, str] = (None, "")  # the last body and its label, escaped

    def body(self, findings: list[Finding], index: _RuleIndex) -> list[str]:
        """The lines of one body's findings."""
        heads: dict[int | None, str] = {}
        line = self.line
        out = []
        body_text = ""
        for f in findings:
            e = f.expectation
            rule = e.rule_index if e is not None else index.of(f)
            head = heads.get(rule)
            if head is None:
                body_text = body_text or _text(f.body.id)
                head = heads[rule] = f'{{"body": {body_text}, "rule": {"null" if rule is None else int(rule)}, "verdict": '
            out.append(line(f, head))
        return out

    def line(self, f: Finding, head: str) -> str:
        """``head``: the line up to its verdict (the body and the rule)."""
        e = f.expectation
        if e is None:
            return self._no_window(f, head)
        days = self.days
        why = _why_of(f, Finding)
        counted = f.counted
        counted_json = None
        window = e.window
        maximum = e.maximum
        if e.__class__ is Expectation and not e.cases and not e.part:  # not a subclass with labels of its own (a gap's days), nor every reading's, nor a part of a period (its days)
            key = (e.grain, e.period, e.year_start, window.end)  # (a `within` window of a year from April: its months)
            label = self.labels.get(key)
            if label is None:
                label = self.labels[key] = self.texts[e.label]
        else:
            label = self.texts[e.label]
        reason = self.texts[e.reason]
        func = why.func if why.__class__ is partial else None
        more = ""
        if func is more_words:  # a why with notes after it (not counted, ...)
            why, more = why.args
            more = _text(more())[1:-1]
            func = why.func if why.__class__ is partial else None
        if func is _met_words:  # most findings: a met window
            met, held = why.args
            if met is e and len(held) == 1 and len(counted) == 1 and counted[0] is held[0]:  # most of them: met by one meeting
                m = held[0]
                counted_json, named = self._one(m, e.body)
                minimum = e.minimum
                tally = "1 of 1 required" if minimum == 1 else f"1 held ({minimum} required)"
                why = f'"{label}: {tally}, {reason}: {named}.{" Held within the tolerance." if m.start.earliest > window.end else ""}"'
            else:
                counted_json, why = self._met(met, held, counted, label if met is e else None)
        elif func is _at_most_words:  # an at_most window within its limit, worded as _capped_words words it
            met, held = why.args
            if met is e and len(held) == 1 and len(counted) == 1 and counted[0] is held[0]:  # most of them: one meeting
                counted_json, named = self._one(held[0], e.body)
                why = f'"{label}: 1 of at most {maximum} ({named})."'
            else:
                counted_json, why = self._capped(met, len(held), held, "", counted, label if met is e else None)
        elif func is _capped_words:  # the same, with scheduled meetings that may break the limit
            met, n, held, over = why.args
            if met is e and len(held) == 1 and len(counted) == 1 and counted[0] is held[0]:
                counted_json, named = self._one(held[0], e.body)
                why = f'"{label}: {n} of at most {maximum} ({named}){_text(over)[1:-1] if over else ""}."'
            else:
                counted_json, why = self._capped(met, n, held, over, counted, label if met is e else None)
        else:
            why = _text(why if why.__class__ is str else why())
        if more:
            why = why[:-1] + more + '"'
        if counted_json is None:
            counted_json = _meetings_json(counted, days) if counted else ""
        due_by, scheduled, unconfirmed, delay, still_due = f.due_by, f.scheduled, f.unconfirmed, f.delay, f.still_due
        if due_by is None and not (scheduled or unconfirmed or delay or still_due):  # most findings
            tail = _NOTHING_DUE
        else:
            tail = (
                f'"scheduled": [{_meetings_json(scheduled, days) if scheduled else ""}], '
                f'"unconfirmed": [{_meetings_json(unconfirmed, days) if unconfirmed else ""}], '
                f'"delay": {_text(delay) if delay else "null"}, "still_due": {int(still_due)}, "due_by": {days[due_by] if due_by else "null"}'
            )
        return (
            f'{head}{_VERDICTS[f.verdict]}, "window": {{"label": "{label}", "start": {days[window.start]}, "end": {days[window.end]}}}, '
            f'"pending": {"true" if e.pending else "false"}, "deadline": {days[e.deadline]}, '
            f'"required": {{"min": {int(e.minimum)}, "max": {"null" if maximum is None else int(maximum)}}}, "reason": "{reason}", '
            f'"counted": [{counted_json}], {tail}, "why": {why}}}'
        )

    def _no_window(self, f: Finding, head: str) -> str:
        """The line of a finding without a window (``not_applicable``)."""
        days = self.days
        counted, scheduled, unconfirmed, due_by = f.counted, f.scheduled, f.unconfirmed, f.due_by
        return (
            f'{head}{_VERDICTS[f.verdict]}, "window": {_NO_WINDOW}, '
            f'"counted": [{_meetings_json(counted, days) if counted else ""}], "scheduled": [{_meetings_json(scheduled, days) if scheduled else ""}], '
            f'"unconfirmed": [{_meetings_json(unconfirmed, days) if unconfirmed else ""}], '
            f'"delay": {_text(f.delay) if f.delay else "null"}, "still_due": {int(f.still_due)}, "due_by": {days[due_by] if due_by else "null"}, "why": {_text(f.why)}}}'
        )

    def _met(self, e: Expectation, held: list[Meeting], counted: tuple[Meeting, ...], label: str | None) -> tuple[str | None, str]:
        """The JSON of ``counted`` (``None`` when it is not ``held``) and of the why of a met
        window, ``_met_words(e, held)``, written at once from each meeting's fields (the
        JSON of a meeting and its words read the same ones). ``label``: ``e``'s, escaped."""
        json, named, late = self._held(e, held, counted)
        count, minimum = len(held), e.minimum
        tally = f"{count} of {minimum} required" if count == minimum else f"{count} held ({minimum} required)"
        if label is None:
            label = self.texts[e.label]
        tolerance = " Held within the tolerance." if late else ""
        return json, f'"{label}: {tally}, {self.texts[e.reason]}: {named}.{tolerance}"'

    def _capped(self, e: Expectation, n: int, held: list[Meeting], over: str, counted: tuple[Meeting, ...], label: str | None) -> tuple[str | None, str]:
        """:meth:`_met` for ``_capped_words(e, n, held, over)``, an ``at_most`` window within its limit."""
        json, named = (self._held(e, held, counted)[:2]) if held else ("" if not counted else None, "")
        if label is None:
            label = self.texts[e.label]
        named = f" ({named})" if held else ""
        return json, f'"{label}: {n} of at most {e.maximum}{named}{_text(over)[1:-1] if over else ""}."'

    def _held(self, e: Expectation, held: list[Meeting], counted: tuple[Meeting, ...]) -> tuple[str | None, str, bool]:
        """The JSON of ``counted`` (``None`` when it is not ``held``), the words of ``held``
        (escaped) and whether one of them was held after ``e``'s window (within the tolerance)."""
        body = e.body
        named_body, body_label = self.named
        if body is not named_body:
            body_label = self.texts[body.label]
            self.named = (body, body_label)
        last = e.window.end
        if len(held) == 1:
            m = held[0]
            json, named = self._pair(m, body, body_label)
            late = m.start.earliest > last
            same = len(counted) == 1 and counted[0] is m
        else:
            pairs = [self._pair(m, body, body_label) for m in held]
            json = ", ".join([p[0] for p in pairs])
            named = ", ".join([p[1] for p in pairs])
            late = max([m.start.earliest for m in held]) > last
            same = len(counted) == len(held) and all(map(is_, counted, held))
        return (json if same else None), named, late

    def _one(self, m: Meeting, body: Body) -> tuple[str, str]:
        """:meth:`_pair` of a meeting of ``body``: a window's one meeting (most windows)."""
        named_body, body_label = self.named
        if body is not named_body:
            body_label = self.texts[body.label]
            self.named = (body, body_label)
        return self._pair(m, body, body_label)

    def _pair(self, m: Meeting, body: Body, body_label: str) -> tuple[str, str]:
        """A meeting's JSON (:func:`_meeting_json`) and its words, escaped (window_finding's
        ``_meeting_words``), from one reading of its fields."""
        start, kind, n, end, status, city = _FIELDS(m)
        if kind is not _REGULAR or status is not _HELD or (n and n.__class__ is not int):
            return _meeting_json(m, self.days), _text(_meeting_words(m, body))[1:-1]
        isos = self.isos
        when = isos[start.earliest] if start.precision is _DAY else str(start)
        json = f'{{"start": "{when}"' if end is None else f'{{"start": "{when}", "end": "{isos[end.earliest] if end.precision is _DAY else end}"'
        if city:
            city = self.texts[city]
            if n:
                return f'{json}, "ordinal": {n}, "city": "{city}"}}', f"{body_label} {when} ({self.ordinals[n]}, {city})"
            return f'{json}, "city": "{city}"}}', f"{body_label} {when} ({city})"
        if n:
            return f'{json}, "ordinal": {n}}}', f"{body_label} {when} ({self.ordinals[n]})"
        return json + "}", f"{body_label} {when}"


__all__ = ["finding_json"]
