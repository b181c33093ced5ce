"""A check judged and written on several cores: its bodies shared out to forked processes.

Loading the register and indexing it are done once, before the fork, and shared copy-on-write;
judging and writing are per body, so each process takes a run of bodies in rule-book order
(runs balanced by each body's windows and meetings), and the pieces put back in that order are
the serial output, byte for byte. A writer takes part as a :class:`Fold`: the pieces of its
bodies (written by a worker to an anonymous spool) and a small state the writer process merges
in body order (summary rows, problems, JSON's head entries, the :class:`Tally`), never the
findings themselves, which hold bodies, rules and meetings.

The process that writes judges the first run itself and reads the workers' runs after it. A
worker that fails (an error in the data, a crash, a kill) sends nothing: the writer judges its
run itself and so fails, where it fails, as the serial run does, with the same error. The
writer that fails or is interrupted kills its workers; a worker whose writer is gone stops at
its next body, and its spool (unlinked from the start) goes with it. Workers leave with
``os._exit``: never the writer's buffers flushed twice, nor its ``atexit``. The fork, the
workers' pipes and spools are :mod:`planner.outputs.forking`'s, shared with ``ics --out``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any, Protocol

from planner.core.model import Body
from planner.engine.judging.findings import Checked, Finding, Report
from planner.outputs.forking import MAX_WORKERS, Worker, fork, runs, usable_cores

# Below this much work (windows and meetings of the bodies checked) a fork costs more than it
# saves: the embedded CICA data (a few hundred) and every example stay in one process.
FORK_FROM = 20_000
__all__ = ["FORK_FROM", "MAX_WORKERS", "Fold", "pieces", "processes", "runs", "usable_cores"]


class Fold(Protocol):
    """A check's writer, as the processes of :func:`pieces` share it."""

    def pieces(self, judged: Iterator[tuple[Body, int, list[Finding]]], first: bool) -> Iterator[str]:
        """The output of a run of bodies, body by body (empty pieces allowed); ``first``: the
        run that opens the output."""

    def state(self) -> Any:
        """What the writer keeps of the run read so far (picklable, small)."""

    def merge(self, state: Any) -> None:
        """Take the state of the run that follows those read so far."""


def processes(report: Report | Checked, workers: int | None) -> int:
    """How many processes judge ``report``: ``workers`` when given (1: this one alone), else
    the usable cores (at most MAX_WORKERS) when the work is big enough to pay for a fork.
    One wherever a fork is not possible or not safe: no ``fork`` on the platform, a report
    already judged, threads running (a forked child holds a copy of their locks)."""
    if not isinstance(report, Checked) or not hasattr(os, "fork") or threading.active_count() > 1:
        return 1
    bodies = len(report.order)
    if workers is not None:
        return max(1, min(workers, bodies))
    cores = min(usable_cores(), MAX_WORKERS, bodies)
    if cores < 2 or sum(map(report.weigh, report.order)) < FORK_FROM:
        return 1
    return cores


def pieces(report: Report | Checked, fold: Fold, workers: int | None = None) -> Iterator[str | IO[bytes]]:
    """The output of every body of ``report`` in rule-book order: pieces of text, and for a run
    judged by another process its spool (bytes, at its start) to copy out. Once read to the
    end, ``fold`` has merged every run's state and ``report.tally`` counts every body."""
    count = processes(report, workers)
    if count <= 1:
        yield from fold.pieces(report.bodies(), True)
        return
    assert isinstance(report, Checked)
    shares = runs([report.weigh(body) for body in report.order], count)
    started: list[Worker] = []
    try:
        workers_of: dict[tuple[int, int], Worker] = {}
        for run in shares[1:]:
            try:
                workers_of[run] = _fork(report, fold, run, started)
            except OSError:  # no process or spool to be had (a limit, a full disk): judged here
                break
        yield from fold.pieces(report.part(*shares[0]), True)
        for run in shares[1:]:
            worker = workers_of.get(run)
            found = worker.result() if worker is not None else None
            if found is None:  # judged here instead: fails as the serial run fails, if it does
                if worker is not None:
                    worker.spool.close()
                yield from fold.pieces(report.part(*run), False)
                continue
            state, tally = found
            fold.merge(state)
            report.tally.merge(tally)
            worker.spool.seek(0)  # type: ignore[union-attr]
            yield worker.spool  # type: ignore[union-attr]  # the reader's to copy out and close
    except BaseException:  # an error, Ctrl-C, or a reader that stopped reading: no worker outlives it
        for worker in started:
            worker.end()
        raise


def _fork(report: Checked, fold: Fold, run: tuple[int, int], started: list[Worker]) -> Worker:
    """Fork a worker judging and writing ``run`` (see :func:`planner.outputs.forking.fork`)."""

    def work(spool: IO[bytes], orphaned: Callable[[], bool]) -> tuple[Any, Any] | None:
        for piece in fold.pieces(report.part(*run), False):
            if orphaned():  # the writer is gone: nothing will read this
                return None
            if piece:
                spool.write(piece.encode())
        return fold.state(), report.tally

    return fork(work, run, started)
