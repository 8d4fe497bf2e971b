"""Where the chunks are computed: in this process, in a process pool, or on Dask (``cluster``).

Every executor yields ``(chunk index, tables)`` in chunk order, with a bounded read-ahead, so the
tables are the same for any number of workers and memory stays flat.
"""
from __future__ import annotations

import sys
from collections import deque

from .flow import chunk_tables
from .settings import Settings

IN_FLIGHT = 2  # chunks read ahead per worker


def in_order(items, submit, result, limit: int):
    """Results of submitted jobs in submission order, with at most ``limit`` jobs submitted ahead of the
    one being waited for (the read-ahead of the process pool and of the Dask engine)."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= limit:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def serial_map(todo, settings: Settings):
    for i, chunk in todo:
        yield i, chunk_tables(chunk, settings)


def pool_map(todo, settings: Settings, jobs: int):
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        # (Pool.imap would read the whole corpus into memory ahead of the workers)
        yield from in_order(todo, lambda item: pool.apply_async(_process_indexed, (item,)),
                            lambda job: job.get(), IN_FLIGHT * jobs)


_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _process_indexed(item):
    i, chunk = item
    return i, chunk_tables(chunk, _WORKER_SETTINGS)
