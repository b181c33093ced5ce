"""The geometry of the report's SVG timeline: lanes per body, windows as bands, meetings as
marks, the chair terms on top. Plain values with their coordinates already computed, so the
template only writes them out (one element per item: the SVG grows linearly with the data).

Verdicts are told apart by colour (the Okabe-Ito palette, safe for the common colour
blindnesses) and by a fill pattern; any verdict value gets a style, unknown ones a default.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.outputs.html.fitting import label_lines, mark_size, text_fits
from planner.outputs.html.ordinals import overlapping

# verdict -> (colour, pattern). Patterns: solid, diag, rdiag, cross, dots, vert, horiz, grid, ring.
VERDICT_STYLES: dict[str, tuple[str, str]] = {
    "met": ("#009E73", "solid"),
    "late": ("#E69F00", "diag"),
    "missed": ("#D55E00", "cross"),
    "excess": ("#CC79A7", "horiz"),
    "open": ("#56B4E9", "ring"),
    "uncertain": ("#F0E442", "dots"),
    "advisory": ("#0072B2", "vert"),
    "unknown": ("#BBBBBB", "grid"),
    "off_date": ("#CC79A7", "rdiag"),
    "excused": ("#9AD0C2", "solid"),
    "not_applicable": ("#DDDDDD", "solid"),
}
DEFAULT_STYLE = ("#999999", "rdiag")
# What the legend says each verdict means (README, "planner check"), by slug: a colour alone
# does not tell a reader that "unknown" is no violation or that "late" is one.
VERDICT_MEANINGS: dict[str, str] = {
    "met": "held in time",
    "late": "held after the window, a violation",
    "missed": "nothing held, a violation",
    "excess": "more than allowed, a violation",
    "open": "still running",
    "uncertain": "depends on what the register does not say",
    "advisory": "a customary rule not kept, no violation",
    "unknown": "nothing recorded, records not known complete",
    "off-date": "held on another day, a violation",
    "excused": "an exception applies",
    "not-applicable": "before the rule applied",
}
VERDICT_ORDER = tuple(VERDICT_STYLES)
# How a meeting of each status is drawn; other statuses get the default shape.
STATUS_SHAPES = {"held": "dot", "planned": "ring", "projected": "diamond", "cancelled": "cross", "postponed": "square"}
DEFAULT_SHAPE = "triangle"

CHAIR_Y = 18  # top of the chair band
CHAIR_H = 22
AXIS_Y = 58  # baseline of the year labels
LANES_Y = 70  # top of the first lane
MARK_ROW = 19  # from a lane's top to the centre of its meeting marks
BAND_TOP = 28  # from a lane's top to its first band row
BAND_H = 8
BAND_GAP = 2
LANE_PAD = 6
# Printed, the timeline is cut into strips of at most this many years, one under another: a
# landscape A4 page is some 1,040 CSS px wide, and 35 years drawn across it (the SCO's
# 2001-2036) shrank its words to 4-5 pt, its ordinals to 3 pt. 19 years fill the page at size.
PRINT_YEARS = 19
MARK_REACH = 8  # how far a mark and its ordinal reach either side of its centre


def slug(text: str) -> str:
    """An id or class fragment: lower case letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def verdict_style(verdict: str) -> tuple[str, str]:
    return VERDICT_STYLES.get(verdict, DEFAULT_STYLE)


@dataclass(frozen=True)
class Scale:
    """Days to x: ``px_year`` pixels per calendar year, from 1 January of ``first`` to
    31 December of ``last``."""

    first: int
    last: int
    px_year: float = 48.0
    pad: float = 8.0

    @property
    def width(self) -> float:
        return round(2 * self.pad + (self.last - self.first + 1) * self.px_year, 1)

    def x(self, day: date) -> float:
        year_start = date(day.year, 1, 1)
        days_in_year = (date(day.year + 1, 1, 1) - year_start).days
        return round(self.pad + (day.year - self.first + (day - year_start).days / days_in_year) * self.px_year, 1)

    def clip(self, day: date) -> date:
        return min(max(day, date(self.first, 1, 1)), date(self.last, 12, 31))


@dataclass(frozen=True)
class Band:
    """A judged window: one rectangle shaded by its verdict."""

    key: str
    x: float
    y: float
    w: float
    verdict: str
    title: str
    href: str


@dataclass(frozen=True)
class Mark:
    """A meeting: a mark by status at its first day, a whisker over an imprecise date range."""

    key: str
    x: float
    y: float
    x0: float  # whisker from x0 to x1 (equal when the date is exact)
    x1: float
    shape: str
    status: str
    label: str  # the ordinal, or ""
    title: str
    href: str
    cut: int = 0  # the printed strip (1, 2, ...) whose edge shows a sliver of it: hidden there
    size: float = 1.0  # drawn smaller where its lane's meetings lie closer than a mark is wide


@dataclass
class Lane:
    body: str
    label: str
    name: str
    y: float
    rows: int = 1
    lines: tuple[str, ...] = ()  # the label as drawn: one or two lines that fit the names' column
    bands: list[Band] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

    @property
    def height(self) -> float:
        return BAND_TOP + self.rows * (BAND_H + BAND_GAP) + LANE_PAD


@dataclass(frozen=True)
class ChairBlock:
    key: str
    x: float
    w: float
    country: str
    text: str  # what fits inside the block: the name, the code, or nothing
    planned: bool
    title: str
    href: str
    handover_x: float | None = None
    handover_title: str = ""
    violation: bool = False


@dataclass(frozen=True)
class Strip:
    """A printed piece of the timeline: the plot from ``x`` (plot coordinates), ``width``
    wide, drawn beside the lane labels. Every strip is as wide as the widest, so that all are
    printed at one scale."""

    first: int
    last: int
    x: float
    width: float


@dataclass(frozen=True)
class Tick:
    year: int
    x: float
    label: bool


@dataclass
class Timeline:
    scale: Scale
    lanes: list[Lane]
    chairs: list[ChairBlock]
    today_x: float | None  # None: today is after the timeline's last year (every body ended)
    end_x: float
    verdicts: list[tuple[str, str, str, str]]  # (verdict slug, colour, pattern, hatch ink) present in the data
    statuses: list[tuple[str, str]]  # (status, shape) present in the data

    @property
    def height(self) -> float:
        last = self.lanes[-1] if self.lanes else None
        return round((last.y + last.height) if last else LANES_Y, 1) + 4

    @property
    def ticks(self) -> list[Tick]:
        every = 1 if self.scale.px_year >= 36 else 5
        return [Tick(y, self.scale.x(date(y, 1, 1)), y % every == 0) for y in range(self.scale.first, self.scale.last + 1)]

    @property
    def strips(self) -> list[Strip]:
        """The pieces the printed timeline is cut into, years whole; none where it fits one."""
        return _strips(self.scale)

    @property
    def chair_violations(self) -> bool:
        return any(c.violation for c in self.chairs)

    @property
    def patterns(self) -> dict[str, str]:
        return {v: kind for v, _, kind, _ in self.verdicts}

    @property
    def mid_year(self) -> float:
        return self.scale.px_year / 2


@dataclass(frozen=True)
class WindowItem:
    """What the timeline needs of a judged window."""

    body: str
    key: str
    start: date
    end: date
    verdict: str
    title: str
    href: str


@dataclass(frozen=True)
class MeetingItem:
    body: str
    key: str
    earliest: date
    latest_start: date  # the last day the start may be (imprecise dates)
    status: str
    ordinal: int | None
    title: str
    href: str


@dataclass(frozen=True)
class TermItem:
    key: str
    country: str
    code: str
    start: date
    end: date | None
    planned: bool
    title: str
    href: str
    handover: date | None = None
    handover_title: str = ""
    violation: str = ""  # the chair findings' words where the term breaks the rule


def _pack(items: Sequence[WindowItem]) -> list[tuple[WindowItem, int]]:
    """Greedy interval packing: each window in the first row free at its start, so that
    overlapping windows (several rules at once) sit one above the other."""
    ends: list[date] = []
    out = []
    for item in sorted(items, key=lambda i: (i.start, i.end, i.key)):
        for row, end in enumerate(ends):
            if end < item.start:
                ends[row] = item.end
                break
        else:
            row = len(ends)
            ends.append(item.end)
        out.append((item, row))
    return out


def _strips(scale: Scale) -> list[Strip]:
    years = scale.last - scale.first + 1
    count = -(-years // PRINT_YEARS)
    if count < 2:
        return []
    per = -(-years // count)
    width = round(per * scale.px_year + 2 * scale.pad, 1)
    out = []
    for first in range(scale.first, scale.last + 1, per):
        x = 0.0 if first == scale.first else round(scale.x(date(first, 1, 1)) - scale.pad, 1)
        out.append(Strip(first, min(first + per - 1, scale.last), x, width))
    return out


def _cut(edges: Sequence[float], reach: float, x: float) -> int:
    """The printed strip (1, 2, ...) whose edge would show a sliver of a mark at ``x``: each
    strip shows ``pad`` of the years either side of its own, and a mark there (a dot, its
    ordinal over it) was cut in half, "30" read "0" (the trial's UNFCCC timeline, its second
    strip opening on the 30th COP of November 2025). ``edges``: where strips 2, 3, ... begin."""
    at = bisect.bisect_right(edges, x)  # the edges at or before x
    if at < len(edges) and edges[at] - x < reach:
        return at + 2  # just before strip at + 2 begins: in its left edge
    if at and x - edges[at - 1] < reach:
        return at  # just after strip at ended: in its right edge
    return 0


def build_timeline(
    bodies: Iterable[tuple[str, str, str]],
    windows: Sequence[WindowItem],
    meetings: Sequence[MeetingItem],
    terms: Sequence[TermItem],
    today: date,
    first: date,
    last: date,
) -> Timeline:
    """Lay out the timeline from ``first`` to ``last`` (whole years); ``bodies`` are
    ``(id, short label, full name)`` in lane order."""
    scale = Scale(first.year, last.year)
    lanes: list[Lane] = []
    by_body: dict[str, Lane] = {}
    for body_id, label, name in bodies:
        lane = Lane(body_id, label, name, 0.0, lines=label_lines(label))
        lanes.append(lane)
        by_body[body_id] = lane
    windows_of: dict[str, list[WindowItem]] = {}
    for w in windows:
        if w.body in by_body and w.end >= date(scale.first, 1, 1) and w.start <= date(scale.last, 12, 31):
            windows_of.setdefault(w.body, []).append(w)
    for body_id, items in windows_of.items():
        lane = by_body[body_id]
        packed = _pack(items)
        lane.rows = max(1, 1 + max(row for _, row in packed))
        lane.bands = [_band(scale, item, row) for item, row in packed]
    y = float(LANES_Y)
    for lane in lanes:
        lane.y = y
        lane.bands = [Band(b.key, b.x, round(y + b.y, 1), b.w, b.verdict, b.title, b.href) for b in lane.bands]
        y += lane.height
    for m in meetings:
        lane = by_body.get(m.body)
        if lane is None:
            continue
        x0, x1 = scale.x(scale.clip(m.earliest)), scale.x(scale.clip(m.latest_start))
        lane.marks.append(
            Mark(m.key, round((x0 + x1) / 2, 1), lane.y + MARK_ROW, x0, x1, STATUS_SHAPES.get(m.status, DEFAULT_SHAPE), m.status, str(m.ordinal or ""), m.title, m.href)
        )
    for lane in lanes:
        hidden = overlapping([(m.x, m.label) for m in lane.marks])
        size = mark_size([m.x for m in lane.marks])
        lane.marks = [dataclasses.replace(m, label="" if i in hidden else m.label, size=size) for i, m in enumerate(lane.marks)]
    edges = [scale.x(date(s.first, 1, 1)) for s in _strips(scale)[1:]]
    if edges:
        reach = scale.pad + MARK_REACH
        for lane in lanes:
            lane.marks = [m if not (cut := _cut(edges, reach, m.x)) else dataclasses.replace(m, cut=cut) for m in lane.marks]
    chairs = [_chair(scale, t, today) for t in terms if t.start <= date(scale.last, 12, 31)]
    seen = {w.verdict for w in windows}
    verdicts = [v for v in VERDICT_ORDER if v in seen] + sorted(seen - set(VERDICT_ORDER))
    statuses = sorted({m.status for m in meetings}, key=lambda s: (list(STATUS_SHAPES).index(s) if s in STATUS_SHAPES else 99, s))
    return Timeline(
        scale,
        lanes,
        chairs,
        scale.x(scale.clip(today)) if today <= date(scale.last, 12, 31) else None,
        scale.x(date(scale.last, 12, 31)),
        [(slug(v), *verdict_style(v), _ink(verdict_style(v)[0])) for v in verdicts],
        [(s, STATUS_SHAPES.get(s, DEFAULT_SHAPE)) for s in statuses],
    )


def _ink(colour: str) -> str:
    """Black hatching on light colours, white on dark ones (relative luminance, WCAG)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if lum > 0.4 else "#ffffff"


def _band(scale: Scale, item: WindowItem, row: int) -> Band:
    x0 = scale.x(scale.clip(item.start))
    x1 = scale.x(scale.clip(item.end)) + scale.px_year / 366  # the end day is inclusive
    # A pixel of air between windows that follow each other, so that each reads as one.
    return Band(item.key, round(x0 + 0.5, 1), BAND_TOP + row * (BAND_H + BAND_GAP), round(max(x1 - x0 - 1, 2.0), 1), slug(item.verdict), item.title, item.href)


def _chair(scale: Scale, t: TermItem, today: date) -> ChairBlock:
    x0 = scale.x(scale.clip(t.start))
    x1 = scale.x(scale.clip(t.end)) if t.end else scale.x(scale.clip(max(today, t.start)))
    w = round(max(x1 - x0, 2.0), 1)
    text = t.country if text_fits(t.country, w) else (t.code if t.code and text_fits(t.code, w) else "")
    hx = scale.x(scale.clip(t.handover)) if t.handover else None
    title = f"{t.title}. Violation: {t.violation}" if t.violation else t.title
    return ChairBlock(t.key, x0, w, t.country, text, t.planned, title, t.href, hx, t.handover_title, bool(t.violation))
