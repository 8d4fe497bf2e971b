"""``run``: stream a corpus through the measures into a folder of tables, resumably, in chunk order."""
from __future__ import annotations

import sys
from itertools import islice
from pathlib import Path

from .. import config
from ..corpus import count_items, iter_corpus
from ..errors import ConfigError, check_whole
from ..outdir import OutFolder
from ..selection import Selection
from .executors import pool_map, serial_map
from .flow import extra_columns
from .settings import COLUMNS, TABLES, fingerprint, make_settings
from .store import TableStore
from .summaries import SUMMARIES, write_actors, write_summaries


def run(corpus, actors, out, *, fmt="csv", jobs=1, methods=("textblob",), lexicon=None, window=config.WINDOW,
        chunk_size=config.CHUNK_SIZE, quiet=False, engine="local", scheduler=None,
        article_seconds: float | None = config.ARTICLE_SECONDS, speakers: str = "model", select=None,
        **corpus_options) -> dict[str, int]:
    """Stream the corpus to ``out/<table>.<fmt>`` and write the per-outlet summaries beside them.

    Resumable (a killed run goes on from its last finished chunk); identical output for any number of
    workers. Holds ``out`` for itself while it runs (a second run into the same folder stops with exit
    code 2) and deletes only files an earlier run wrote there.

    Args:
        corpus, actors, lexicon: the corpus folder, the actors file and the framing lexicon.
        out: the folder of tables.
        fmt: "csv" or "parquet".
        jobs, engine, scheduler: worker processes; "local" or "dask" (with a scheduler address).
        methods, window: sentiment methods and the lexicon methods' window.
        chunk_size, quiet, article_seconds: articles per chunk, no progress bar, per-article time budget.
        speakers: "model" (the speaker model chooses each quotation's speaker) or "rules" (the first rule).
        select: a ``selection.Selection`` (--where, --outlets, --date-from, --date-to): the articles kept.
        corpus_options: passed to ``corpus.iter_corpus`` (max_bytes, allow_outside, ...).

    Returns:
        rows written per table.

    Example:
        >>> counts = run(config.CORPUS, config.ACTORS, "/tmp/example-run", quiet=True)  # doctest: +SKIP
        >>> counts["articles"]                                                             # doctest: +SKIP
        5
    """
    if fmt not in ("csv", "parquet"):
        raise ConfigError(f"--format: unknown format '{fmt}' (csv or parquet)")
    check_whole("--jobs", jobs)
    check_whole("--chunk-size", chunk_size)
    if "max_bytes" in corpus_options:
        check_whole("--max-bytes", corpus_options["max_bytes"])
    settings = make_settings(actors, methods, window, lexicon, article_seconds, speakers)
    select = select or Selection()
    fp = fingerprint(corpus, actors, settings.options, chunk_size,
                     {**corpus_options, **({"select": select.describe()} if select else {})}, fmt)
    with OutFolder(out) as folder:
        return _run_locked(folder, corpus, settings, fp, fmt=fmt, jobs=jobs, chunk_size=chunk_size, quiet=quiet,
                           engine=engine, scheduler=scheduler, corpus_options=corpus_options, select=select)


def _chunks(iterator, size):
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


def _map(todo, settings, jobs, engine, scheduler):
    """(chunk index, tables) in chunk order, computed serially, by a process pool or by Dask."""
    if engine == "dask":
        from .cluster import dask_map
        return dask_map(todo, settings, scheduler, jobs)
    return serial_map(todo, settings) if jobs <= 1 else pool_map(todo, settings, jobs)


def _run_locked(folder, corpus, settings, fp, *, fmt, jobs, chunk_size, quiet, engine, scheduler,
                corpus_options, select) -> dict[str, int]:
    out = folder.out
    items = select.filter(iter_corpus(corpus, **corpus_options))
    warnings = []
    first = []
    for it in items:  # read up to the first article to learn the extra metadata columns
        if it[0] == "warning":
            warnings.append(it[1])
            continue
        first.append(it)
        if it[0] == "article":
            break
    extra = extra_columns(first)
    settings.extra_columns = extra
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)

    def all_items():
        yield from first
        for it in items:
            if it[0] == "warning":
                print(f"warning: {it[1]}", file=sys.stderr)
            else:
                yield it

    if TableStore.resumable(out, fp):
        folder.resume(fp)
    else:
        folder.claim([f"{t}.{fmt}" for t in TABLES] + [f"{n}.csv" for n in SUMMARIES + ("actors",)], fp)
    store = TableStore(out, fmt, {t: COLUMNS[t] + (extra if t == "articles" else []) for t in TABLES},
                       fingerprint=fp)
    chunks = enumerate(_chunks(all_items(), chunk_size))
    done = store.done_chunks()
    todo = ((i, c) for i, c in chunks if i not in done)
    progress = _progress(quiet, store.n_done_articles(), None if quiet else count_items(corpus, **corpus_options))
    for i, tables in _map(todo, settings, jobs, engine, scheduler):
        store.append_chunk(i, tables)
        progress.update(tables["articles"][1] + tables["rejected"][1])
    progress.close()
    counts = store.finish()
    write_actors(out, settings.actors)
    write_summaries(out, fmt, settings.options, jobs)
    folder.complete()
    for line in select.report():
        print(line, file=sys.stderr)
    if counts["articles"] == 0:
        why = (f"{counts['rejected']} items rejected, reasons in {Path(out) / ('rejected.' + fmt)}"
               if counts["rejected"] else "the selection leaves out every article" if select.left_out
               else "the corpus holds no articles")
        print(f"warning: no article of {corpus} was processed ({why}); the tables and summaries are empty",
              file=sys.stderr)
    return counts


class _NoProgress:
    def update(self, n):
        pass

    def close(self):
        pass


def _progress(quiet: bool, initial: int, total: int | None):
    """tqdm on stderr: articles done of the total, articles/s and the time left."""
    if quiet:
        return _NoProgress()
    from tqdm import tqdm
    return tqdm(total=total, initial=initial, unit="article", file=sys.stderr, dynamic_ncols=True,
                disable=None, mininterval=0.5, smoothing=0.1)
