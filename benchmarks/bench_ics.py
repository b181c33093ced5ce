"""How much the planner's feed costs over a bare icalendar serialization of the same events.

    python benchmarks/bench_ics.py [--events 100000]

Both sides are timed in the same run, from meetings in memory to bytes: the bare side builds an
``Event`` with UID, DTSTAMP, DTSTART, DTEND and SUMMARY per meeting and calls
``Calendar.to_ical()``; ours is :func:`planner.outputs.calendar.ical.combined_calendar_bytes`, which writes about
three times as many properties per event. Target: ratio <= 1.3. Peak memory is measured with
``tracemalloc`` in a separate pass (tracing slows everything down, so it does not touch the
timings).
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from planner.core.dates import PartialDate
from planner.core.model import Kind, Meeting, RuleBook, Status
from planner.inputs.rulebook import parse_rulebook
from planner.outputs.calendar.event_words import summary
from planner.outputs.calendar.ical import combined_calendar_bytes, event_uid

STAMP = datetime(2026, 1, 1, tzinfo=UTC)
CITIES = (("Astana", "Kazakhstan"), ("Baku", "Azerbaijan"), ("Dushanbe", "Tajikistan"), ("Beijing", "China"), ("", ""))


def generated_book(bodies: int = 6) -> RuleBook:
    return parse_rulebook(
        {
            "organization": {"id": "bench", "name": "Benchmark Organization", "short_name": "BO"},
            "bodies": [
                {"id": f"body{i}", "name": f"Body Number {i}", "category": ("governing", "working", "advisory")[i % 3], "rules": [{"kind": "at_least", "count": 2, "per": "year", "source": f"Statute art. {i}"}]}
                for i in range(bodies)
            ],
        }
    )


def generated_meetings(book: RuleBook, count: int) -> list[Meeting]:
    """``count`` meetings over the bodies: mostly exact, some month-precise, all statuses."""
    statuses = (Status.HELD, Status.HELD, Status.PLANNED, Status.CANCELLED, Status.PROJECTED, Status.POSTPONED)
    meetings = []
    for i in range(count):
        body = book.bodies[i % len(book.bodies)].id
        start = date(1990, 1, 1) + timedelta(days=(i * 7) % 40000)
        status = statuses[i % len(statuses)]
        city, country = CITIES[i % len(CITIES)]
        when = PartialDate.parse(start.strftime("%Y-%m")) if i % 50 == 0 else PartialDate.of(start)
        meetings.append(
            Meeting(
                body=body, kind=Kind.REGULAR if i % 10 else Kind.SPECIAL, ordinal=i // len(book.bodies) + 1,
                start=when, end=PartialDate.of(start + timedelta(days=1)) if i % 3 == 0 and when.exact else None,
                status=status, city=city, country=country,
                source=f"https://example.org/records/{i}" if i % 2 else "",
                reason="due under the rule" if status is Status.PROJECTED else "",
                key=f"w{i}" if status is Status.PROJECTED else "",
            )
        )
    return meetings


def bare_bytes(book: RuleBook, meetings: list[Meeting]) -> bytes:
    """The reference: the minimum a valid feed of these events needs, the idiomatic way."""
    cal = Calendar()
    cal.add("prodid", "-//bench//EN")
    cal.add("version", "2.0")
    bodies = {b.id: b for b in book.bodies}
    for m in meetings:
        ev = Event()
        ev.add("uid", event_uid(book, m))
        ev.add("dtstamp", STAMP)
        ev.add("dtstart", m.earliest)
        ev.add("dtend", m.latest + timedelta(days=1))
        ev.add("summary", summary(bodies[m.body], m))
        cal.add_component(ev)
    return cal.to_ical()  # type: ignore[no-any-return]


def timed(run: Callable[[], bytes]) -> tuple[float, int]:
    gc.collect()
    start = time.perf_counter()
    size = len(run())
    return time.perf_counter() - start, size


def peak(run: Callable[[], bytes]) -> int:
    gc.collect()
    tracemalloc.start()
    run()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--no-memory", action="store_true", help="skip the (slow) tracemalloc pass")
    args = parser.parse_args()
    book = generated_book()
    meetings = generated_meetings(book, args.events)

    def ours() -> bytes:
        return combined_calendar_bytes(book, meetings, stamp=STAMP)

    def bare() -> bytes:
        return bare_bytes(book, meetings)

    bare_s, bare_size = timed(bare)
    ours_s, ours_size = timed(ours)
    print(f"events:          {args.events:,}")
    print(f"bare icalendar:  {bare_s:7.2f} s  {bare_size / 1e6:7.1f} MB")
    print(f"planner feed:    {ours_s:7.2f} s  {ours_size / 1e6:7.1f} MB")
    print(f"ratio:           {ours_s / bare_s:7.2f}  (target <= 1.3)")
    if not args.no_memory:
        print(f"peak memory:     bare {peak(bare) / 1e6:.0f} MB, planner {peak(ours) / 1e6:.0f} MB (tracemalloc)")


if __name__ == "__main__":
    main()
