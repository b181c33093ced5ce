"""What the projector keeps of each body while it places its meetings: its habits, where it
meets, its next ordinal, its own firmly dated days, the meetings added so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.core.dates import Duration, Window
from planner.core.model import Body, HostPolicy, Meeting, Status
from planner.engine.planning.numbering import Numbering
from planner.engine.planning.placement.habits import Habits
from planner.engine.planning.placement.working import Skip, WorkingCalendar
from planner.engine.planning.taken import Taken

SATISFYING = frozenset({Status.HELD, Status.PLANNED, Status.PROJECTED})


@dataclass
class BodyState:
    body: Body
    habits: Habits
    next_ordinal: int | None
    # where the body meets (city, country, working calendar, host key, weekdays), found once
    where: tuple[str, str, WorkingCalendar, str, frozenset[int]]
    partnered: bool  # another body meets just before this one
    added: list[Meeting] = field(default_factory=list)
    numbers: Numbering | None = None  # where the register numbers meetings ahead: by day
    # ordinal -> the last day of its postponed meeting (a postponed meeting is held later: the
    # meeting projected under its number opens after that day); None: none postponed
    postponed: dict[int, date] | None = None
    # The body's own firmly dated days from the start of placement on, one table per min_gap
    # of its rules, kept as meetings are placed (made once, not once per placement: see taken)
    takens: dict[Duration | None, Taken] = field(default_factory=dict)
    accepts: dict[Duration | None, tuple[Taken, Callable[[date], bool], list[date], list[bool]]] = field(default_factory=dict)
    skip: Skip | None = None  # the days other bodies leave it no room on (made on first need)
    customary: tuple[date, ...] = ()  # the days a customary ``on`` rule beside the binding ones names (targets.customary_days)
    # the windows a customary ``before`` rule beside the binding ones names, with its words
    # (targets.customary_befores), and the target days aimed at their ends -> the window
    befores: tuple[tuple[Window, str], ...] = ()
    aims_before: dict[date, tuple[Window, str]] = field(default_factory=dict)
    placed_before: dict[date, str] = field(default_factory=dict)  # first days placed in such a window -> its words
    # A rolling chain's projected meetings: first day -> the chain's last meeting not projected
    # and the intervals counted from it to the meeting's nominal date (targets._nominal), and
    # the one the meeting being placed aims at
    chains: dict[date, tuple[date, int]] = field(default_factory=dict)
    chain: tuple[date, int] | None = None
    length: timedelta = field(init=False)  # a meeting's first day to its last
    reach: timedelta = field(init=False)  # how far a meeting of its own near a window may matter
    alone: bool = field(init=False)  # meets neither just before another body nor just after one
    chaired: bool = field(init=False)  # hosted by the chair of the day, which the projection does not know
    # the days its meetings aimed at are kept (Projection.aims): hosted by the chair, or due in
    # days or months from a chair-hosted body's meetings, which a chair plan may move
    aimed: bool = False

    def __post_init__(self) -> None:
        self.alone = not self.body.before and not self.partnered and not self.befores
        self.chaired = self.body.host is HostPolicy.CHAIR
        self.aimed = self.aimed or self.chaired
        days = self.body.duration_days
        self.length = timedelta(days=days - 1)
        self.reach = timedelta(days=days + 31)

