"""The rows of a long text schedule (``planner project``), laid out from cells made once for
each distinct value: a date's words, a host, a body's name, an ordinal."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from planner.core.dates import Precision
from planner.core.model import Body, Meeting, Place, Status
from planner.engine.expectations import ordinal
from planner.outputs.formats import md_cell
from planner.outputs.schedule import _dates, _why, host_words
from planner.outputs.text import RowLayout, fit_row

_DAY = Precision.DAY
_PROJECTED = Status.PROJECTED
_MD_HEAD = "| dates | meeting | host | why |\n|---|---|---|---|"  # md_table's head of those columns


class _Rows:
    """``_row`` for a long schedule: the cells that repeat (a date's words, a host, a body's
    name, an ordinal) are made once and shared, not once per meeting. The widths are found
    from the distinct values of each column (and remember the words they make); the rows are
    laid out by :meth:`lay_out`."""

    def __init__(self, body_of: Callable[[str], Body | None], seat: Place | None = None) -> None:
        self.body_of, self.seat = body_of, seat
        self.days: dict[date, str] = {}  # a one-day meeting's date words, by its day
        self.dates: dict[tuple[date, date], str] = {}
        self.hosts: dict[tuple[str, str, str, Status], str] = {}
        self.names: dict[str, str] = {}
        self.ordinals: dict[int, str] = {}
        self.plains: dict[str, bool] = {}  # a last cell (a reason) -> whether it has nothing for wrap to do
        self.md: dict[str, str] = {}  # a cell -> as markdown (md_cell)

    def _dates(self, m: Meeting) -> str:
        """``_dates(m)``, remembered for a meeting of one or more whole days."""
        text = _dates(m)
        start, end = m.start, m.end
        if start.precision is _DAY:
            if end is None:
                self.days[start.earliest] = text
            elif end.precision is _DAY:
                self.dates[(start.earliest, end.latest)] = text
        return text

    def _host(self, key: tuple[str, str, str, Status], m: Meeting) -> str:
        """``host_words`` of ``m``, remembered by ``key`` (its body, city, country and status)."""
        host = self.hosts[key] = host_words(m, self.body_of(m.body), self.seat)
        return host

    def lay_out(self, items: Iterable[Meeting], out: list[str], layout: RowLayout | None, width: int) -> None:
        """The lines of each meeting's row, added to ``out``: those of :func:`fit_row` (a
        table of four columns laid out by ``layout``: dates, title, host, why), the usual row (a
        last cell that fits on the head's line or on one line below it) without a
        generator's step and a list per row, and with what the last cell (a reason, shared
        by many rows) allows found once per cell. The cells that repeat (a date's words, a
        host, a body's name, an ordinal) are made once and shared, their look-ups written
        out (a method call per cell took half the time of the text schedule)."""
        days, dates, names, ordinals, hosts = self.days, self.dates, self.names, self.ordinals, self.hosts
        quick = layout is not None and (layout.below or layout.short)
        template, below, pad = (layout.template, layout.below, layout.pad) if layout is not None else ("", False, "")
        under, room = len(pad), width - 2  # (short: the head, two spaces, then the cell)
        plains = self.plains
        for m in items:
            start, end = m.start, m.end
            if start.precision is not _DAY:
                text = _dates(m)
            elif end is None:
                text = days.get(start.earliest)  # type: ignore[assignment]
                if text is None:
                    text = self._dates(m)
            elif end.precision is not _DAY:
                text = _dates(m)
            else:
                text = dates.get((start.earliest, end.latest))  # type: ignore[assignment]
                if text is None:
                    text = self._dates(m)
            body = m.body
            name = names.get(body)
            if name is None:
                found = self.body_of(body)
                name = names[body] = found.display if found else body
            number = m.ordinal
            if number:
                words = ordinals.get(number)
                if words is None:
                    words = ordinals[number] = ordinal(number)
                title = f"{name} ({words})"
            else:
                title = name
            status = m.status
            key = (body, m.city, m.country, status)
            host = hosts.get(key)
            if host is None:
                host = self._host(key, m)
            why = m.reason if status is _PROJECTED and m.reason else _why(m)
            if quick:
                head = template.format(text, title, host)
                plain = plains.get(why)
                if plain is None:
                    # a cell fit_row may leave unwrapped, on the head's line or below it
                    plain = plains[why] = bool(why) and why[-1] != " " and why.isprintable()
                if below:
                    head = head.rstrip()
                    if plain and len(head) <= width and under + len(why) <= width:
                        out.append(head)
                        out.append(pad + why)
                        continue
                elif plain and len(head) + len(why) <= room:
                    out.append((head + "  " + why).rstrip())
                    continue
            out += fit_row((text, title, host, why), width, layout, indent=2)

    def cells(self, m: Meeting) -> tuple[str, str, str, str]:
        """``_row(m, body)``: its dates, title, host and why, from the cells made once."""
        start, end = m.start, m.end
        text = None
        if start.precision is _DAY:
            if end is None:
                text = self.days.get(start.earliest)
            elif end.precision is _DAY:
                text = self.dates.get((start.earliest, end.latest))
        if text is None:
            text = self._dates(m)
        body = m.body
        name = self.names.get(body)
        if name is None:
            found = self.body_of(body)
            name = self.names[body] = found.display if found else body
        number = m.ordinal
        if number:
            words = self.ordinals.get(number)
            if words is None:
                words = self.ordinals[number] = ordinal(number)
            name = f"{name} ({words})"
        status = m.status
        key = (body, m.city, m.country, status)
        host = self.hosts.get(key) or self._host(key, m)
        return text, name, host, m.reason if status is _PROJECTED and m.reason else _why(m)

    def md_table(self, items: Iterable[Meeting]) -> str:
        """``md_table`` of the rows of ``items`` (dates, meeting, host, why), each distinct
        cell escaped once (a year of 1,000 bodies repeats its hosts, reasons and dates)."""
        md = self.md
        lines = [_MD_HEAD]
        for m in items:
            lines.append("| " + " | ".join([md.get(cell) or self._md(cell) for cell in self.cells(m)]) + " |")
        return "\n".join(lines) + "\n"

    def _md(self, cell: str) -> str:
        text = self.md[cell] = md_cell(cell)
        return text

    def widths(self, items: Sequence[Meeting]) -> list[int]:
        """The longest cell of each column over ``items``, without making the cells of each
        row: each column's words depend on a few fields only (the dates, the host's key, the
        status, reason and title; a title is a name and an ordinal's words), so the words are
        made once for each distinct value, found by C getters (a pass of :meth:`cells` over
        every row was nearly a third of the text schedule)."""
        if not items:
            return [0, 0, 0, 0]
        dates = [len(self._dates(m)) for m in _distinct(_SPAN, items)]
        hosts = [len(self._host(key, m)) for key, m in _distinct(_HOST, items, keys=True)]
        whys = [len(m.reason if m.status is _PROJECTED and m.reason else _why(m)) for m in _distinct(_WHY, items)]
        names = {}
        for body in set(map(_BODY, items)):
            found = self.body_of(body)
            names[body] = len(found.display if found else body)
        words = {n: len(ordinal(n)) + 3 if n else 0 for n in set(map(_ORDINAL, items))}  # "name (words)"
        titles = map(operator.add, map(names.__getitem__, map(_BODY, items)), map(words.__getitem__, map(_ORDINAL, items)))
        return [max(dates), max(titles), max(hosts), max(whys)]


def _distinct(key: Callable[[Meeting], Any], items: Sequence[Meeting], *, keys: bool = False) -> Iterable[Any]:
    """One meeting for each distinct ``key`` of ``items`` (the last), or (key, meeting) pairs."""
    found = dict(zip(map(key, items), items, strict=True))
    return found.items() if keys else found.values()


_FIELD = Meeting._fields.index
_SPAN = operator.itemgetter(_FIELD("start"), _FIELD("end"))
_HOST = operator.itemgetter(_FIELD("body"), _FIELD("city"), _FIELD("country"), _FIELD("status"))
_WHY = operator.itemgetter(_FIELD("status"), _FIELD("reason"), _FIELD("title"))
_BODY, _ORDINAL = operator.itemgetter(_FIELD("body")), operator.itemgetter(_FIELD("ordinal"))
_YEAR = operator.attrgetter("start.earliest.year")


def _by_year(items: Sequence[Meeting]) -> list[tuple[int, list[Meeting]]]:
    """The meetings of each year, in order: a schedule is in order of first day (sort_key),
    so each year's meetings are one run, found by bisection (a year's look-up per meeting
    took 0.04 s at N)."""
    out: list[tuple[int, list[Meeting]]] = []
    at, total = 0, len(items)
    while at < total:
        year = _YEAR(items[at])
        end = max(bisect.bisect_right(items, year, at, key=_YEAR), at + 1)
        out.append((year, list(items[at:end])))
        at = end
    return out
