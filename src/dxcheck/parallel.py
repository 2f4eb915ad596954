"""Running work over many files: in worker processes on every core, or here for a few files.

Results come back in the order of the tasks, so output is the same whatever the number of
workers. ``dxcheck check`` (:mod:`dxcheck.batch`) and ``dxcheck report -o FOLDER`` use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
# Fewer files than this are checked in this process: starting workers costs more.
MIN_FILES_PER_WORKER = 4


def available_cores() -> int:
    """The cores this process may run on (affinity and cgroup-aware where Python knows)."""
    count = getattr(os, "process_cpu_count", None)
    if count is not None:
        return max(1, int(count() or 1))
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def pool_map(
    work: Callable[[T], R],
    tasks: list[T],
    init: Callable[..., None],
    initargs: tuple[Any, ...],
    jobs: int | None,
    advance: Callable[[], None],
) -> Iterator[R]:
    """``work`` over ``tasks``, results in order: in worker processes when there are enough
    tasks for more than one (``jobs``: None for the cores available), else here. ``init`` sets
    a worker up with ``initargs`` (the last of which, resolved settings, a forked worker
    inherits; a spawned one resolves them again without it)."""
    count = available_cores() if jobs is None else jobs
    count = max(1, min(count, len(tasks) // MIN_FILES_PER_WORKER))
    if count == 1:
        init(*initargs)
        for task in tasks:
            yield work(task)
            advance()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context: Any
    if "fork" in multiprocessing.get_all_start_methods():  # workers inherit modules, catalog
        context = multiprocessing.get_context("fork")
        init(*initargs)
    else:  # pragma: no cover - not on Linux
        context = multiprocessing.get_context()
        initargs = initargs[:-1]
    chunk = max(1, min(16, len(tasks) // (count * 8)))
    pool = ProcessPoolExecutor(
        count, mp_context=context, initializer=_worker_init, initargs=(init, *initargs)
    )
    try:
        for result in pool.map(work, tasks, chunksize=chunk):
            yield result
            advance()
    except BaseException:  # Ctrl-C, a broken worker: do not wait for the remaining work
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _worker_init(init: Callable[..., None], *initargs: Any) -> None:
    """A worker leaves Ctrl-C to the parent (which stops the pool and exits with 130)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init(*initargs)
