"""The pipeline on a Dask distributed cluster (``run --engine dask [--scheduler ADDRESS]``).

Chunks go to the workers as tasks and come back in chunk order, so the tables are the same
as a local run's. The settings (actors, lexicon, methods) are scattered to every worker once.
Without a scheduler address a local cluster of ``jobs`` single-threaded worker processes is
started on loopback. Workers need this package installed (``pip install -e .`` on each node).
"""
from __future__ import annotations

from .executors import IN_FLIGHT, in_order
from .flow import chunk_tables


def _process_remote(item, settings):
    i, chunk = item
    return i, chunk_tables(chunk, settings)


def dask_map(todo, settings, scheduler: str | None, jobs: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        from ..errors import ConfigError
        raise ConfigError("--engine dask: Dask is not installed (pip install 'media-framing[dask]')") from None

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        remote_settings = client.scatter(settings, broadcast=True)
        # pure=False: a fresh task key per chunk, never shared with another run on the same cluster
        yield from in_order(todo, lambda item: client.submit(_process_remote, item, remote_settings, pure=False),
                            lambda future: future.result(), IN_FLIGHT * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
