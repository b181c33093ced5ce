"""Work shared out to forked processes, each writing its part to a spool of its own.

What ``check`` (:mod:`planner.outputs.check.forked`) and a feed folder's events
(:mod:`planner.outputs.calendar.folder.forked`) share: the process that writes the output
forks a worker per run of bodies after the first, does the first run itself, then reads each
worker's result (a small message on a pipe) and its spool (an anonymous file, unlinked from the
start). A worker that fails (an error in the data, a crash, a kill) sends nothing: the writer
does its run itself and so fails, where it fails, as one process does, with the same error. The
writer that fails or is interrupted kills its workers (:meth:`Worker.end`); a worker whose
writer is gone stops at its next step (its ``orphaned()`` says so), and its spool goes with it.
Workers leave with ``os._exit``: never the writer's buffers flushed twice, nor its ``atexit``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable
from typing import IO, Any

MAX_WORKERS = 4

Work = Callable[[IO[bytes], Callable[[], bool]], Any]  # (spool, orphaned) -> a picklable result, None: failed


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the platform says it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """A fork is possible and safe: the platform has one and no other thread runs (a forked
    child holds a copy of their locks)."""
    return hasattr(os, "fork") and threading.active_count() <= 1


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


class Worker:
    """A forked process doing a run: its process id, the pipe that brings its result and the
    anonymous spool that holds what it wrote."""

    def __init__(self, pid: int, reader: int, spool: IO[bytes], run: tuple[int, int]) -> None:
        self.pid = pid
        self.reader = reader
        self.spool = spool
        self.run = run

    def result(self) -> Any:
        """The worker's result once it has finished, or ``None`` if it failed."""
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


def fork(work: Work, run: tuple[int, int], started: list[Worker], spool: IO[bytes] | None = None) -> Worker:
    """Fork a worker doing ``work`` for ``run``, added to ``started`` at once (an interrupt
    that follows finds it there, to end it); ``spool``: the worker's (default: a temporary
    file). OSError: no process, pipe or spool to be had (a limit, a full disk): the caller
    does the run itself."""
    import pickle  # (here: work too small to fork, CICA's, starts without them)
    import tempfile

    if spool is None:
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
        started.append(Worker(pid, reader, spool, run))
        os.close(writer)
        return started[-1]
    code = 1
    try:  # the worker: everything ends in os._exit, whatever happens
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the writer, which ends its workers
        os.close(reader)
        for earlier in started:  # the writer alone reads the other workers: a pipe whose writer is gone must break
            os.close(earlier.reader)
        found = work(spool, lambda: os.getppid() != parent)
        if found is not None:
            spool.flush()
            message = pickle.dumps(found, pickle.HIGHEST_PROTOCOL)
            view = memoryview(message)
            while view:
                view = view[os.write(writer, view) :]
            code = 0
    except BaseException:  # noqa: BLE001, S110 (the writer does this run again and says what failed)
        pass
    finally:
        os._exit(code)


def per_key(weights: dict[str, int], compute: Callable[[set[str]], dict[str, Any]], count: int) -> dict[str, Any]:
    """``compute`` of every key of ``weights`` (a key's value depends on that key alone), the
    keys cut into ``count`` runs of about equal weight, each run in a process of its own: the
    first here, the others forked (each sends back its small dict), a failed one done again
    here. One process when ``count`` < 2 or a fork is not safe."""
    keys = sorted(weights)
    if count < 2 or not can_fork() or len(keys) < 2:
        return compute(set(keys))
    shares = runs([weights[key] for key in keys], count)
    started: list[Worker] = []
    found: dict[str, Any] = {}
    try:
        forked: dict[tuple[int, int], Worker] = {}
        for run in shares[1:]:
            mine = set(keys[run[0] : run[1]])
            try:
                forked[run] = fork(lambda _spool, _orphaned, mine=mine: compute(mine), run, started)  # type: ignore[misc]
            except OSError:  # no process to be had: done here
                break
        found.update(compute(set(keys[shares[0][0] : shares[0][1]])))
        for run in shares[1:]:
            worker = forked.get(run)
            result = worker.result() if worker is not None else None
            if worker is not None:
                worker.spool.close()
            found.update(result if result is not None else compute(set(keys[run[0] : run[1]])))
    except BaseException:  # an error, Ctrl-C: no worker outlives it
        for worker in started:
            worker.end()
        raise
    return found
