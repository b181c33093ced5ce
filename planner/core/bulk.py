"""Bulk work without the cyclic garbage collector.

Loading a register, deriving expectations, judging and projecting each create hundreds of
thousands of small objects and no reference cycles. CPython's cyclic collector would walk the
whole, growing heap again and again while they are made (40 % of the load time in the
benchmarks, and the main source of their run-to-run noise). Reference counting still frees
everything; the collector resumes afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            # What the bulk work made is long-lived and holds no cycles: move it out of the
            # collector's sight, or every full collection afterwards walks it again.
            gc.freeze()
            gc.enable()
