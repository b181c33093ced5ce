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
``os._exit``: never the writer's buffers flushed twice, nor its ``atexit``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from typing import IO, Any, Protocol

from planner.core.model import Body
from planner.engine.judging.findings import Checked, Finding, Report

# Below this much work (windows and meetings of the bodies checked) a fork costs more than it
# saves: the embedded CICA data (a few hundred) and every example stay in one process.
FORK_FROM = 20_000
MAX_WORKERS = 4


class Fold(Protocol):
    """A check's writer, as the processes of :func:`pieces` share it."""

    def pieces(self, judged: Iterator[tuple[Body, int, list[Finding]]], first: bool) -> Iterator[str]:
        """The output of a run of bodies, body by body (empty pieces allowed); ``first``: the
        run that opens the output."""

    def state(self) -> Any:
        """What the writer keeps of the run read so far (picklable, small)."""

    def merge(self, state: Any) -> None:
        """Take the state of the run that follows those read so far."""


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the platform says it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


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


def runs(weights: list[int], count: int) -> list[tuple[int, int]]:
    """``count`` runs ``(first, stop)`` of consecutive items covering ``weights``, each about
    as heavy as the others (the first cut where the running sum passes each share)."""
    total = sum(weights)
    cuts = [0]
    running = 0
    for i, weight in enumerate(weights):
        running += weight
        while len(cuts) < count and running * count >= total * len(cuts) and i + 1 > cuts[-1]:
            cuts.append(i + 1)
    while len(cuts) < count:  # fewer items than processes: the last runs are empty
        cuts.append(len(weights))
    return list(zip(cuts, [*cuts[1:], len(weights)], strict=True))


class _Worker:
    """A forked process judging and writing a run of bodies: its process id, the pipe that
    brings its state and the anonymous spool that holds its pieces (UTF-8)."""

    def __init__(self, pid: int, reader: int, spool: IO[bytes], run: tuple[int, int]) -> None:
        self.pid = pid
        self.reader = reader
        self.spool = spool
        self.run = run

    def result(self) -> tuple[Any, Any] | None:
        """The worker's fold state and tally once it has finished, or ``None`` if it failed."""
        chunks = []
        while chunk := os.read(self.reader, 1 << 16):
            chunks.append(chunk)
        os.close(self.reader)
        self.reader = -1
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if status != 0 or not chunks:
            return None
        import pickle

        try:
            return pickle.loads(b"".join(chunks))
        except Exception:  # a message cut short: the worker did not finish  # noqa: BLE001
            return None

    def end(self) -> None:
        """Stop the worker if it still runs, and let go of what it held."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self.reader >= 0:
            os.close(self.reader)
            self.reader = -1
        self.spool.close()


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
    started: list[_Worker] = []
    try:
        workers_of: dict[tuple[int, int], _Worker] = {}
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


def _fork(report: Checked, fold: Fold, run: tuple[int, int], started: list[_Worker]) -> _Worker:
    """Fork a worker for ``run``, added to ``started`` at once (an interrupt that follows
    finds it there, to end it)."""
    import pickle  # (here: a check too small to fork, CICA's, starts without them)
    import tempfile

    spool = tempfile.TemporaryFile("w+b")  # noqa: SIM115 (the writer copies it out and closes it, after the worker ends)
    try:
        reader, writer = os.pipe()
    except OSError:
        spool.close()
        raise
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        spool.close()
        os.close(reader)
        os.close(writer)
        raise
    if pid:
        started.append(_Worker(pid, reader, spool, run))
        os.close(writer)
        return started[-1]
    code = 1
    try:  # the worker: everything ends in os._exit, whatever happens
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the writer, which ends its workers
        os.close(reader)
        for earlier in started:  # the writer alone reads the other workers: a pipe whose writer is gone must break
            os.close(earlier.reader)
        for piece in fold.pieces(report.part(*run), False):
            if os.getppid() != parent:  # the writer is gone: nothing will read this
                break
            if piece:
                spool.write(piece.encode())
        else:
            spool.flush()
            message = pickle.dumps((fold.state(), report.tally), pickle.HIGHEST_PROTOCOL)
            view = memoryview(message)
            while view:
                view = view[os.write(writer, view) :]
            code = 0
    except BaseException:  # noqa: BLE001, S110 (the writer judges this run again and says what failed)
        pass
    finally:
        os._exit(code)
