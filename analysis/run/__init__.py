"""A run: the per-article flow over ``measures.REGISTRY``, its executors and table store, the summaries.

``run`` streams a corpus to a folder of tables; ``analyse`` is the in-memory form for small corpora
and tests.
"""
from __future__ import annotations

from .. import config
from ..corpus import iter_corpus
from .flow import (StageTimer, extra_columns, process_article, process_chunk, rows_to_csv_bytes, rows_to_frames,
                   tables_bytes)
from .main import run
from .settings import COLUMNS, TABLES, Settings, make_settings
from .summaries import SUMMARIES, actors_table


def analyse(corpus, actors, methods=("textblob",), lexicon=None, window=config.WINDOW, speakers="model",
            **corpus_options):
    """Run the whole flow in memory and return ``{table: DataFrame}`` (small corpora and tests).

    Example:
        >>> t = analyse(config.CORPUS, config.ACTORS)   # doctest: +SKIP
        >>> len(t["articles"])                           # doctest: +SKIP
        5
    """
    settings = make_settings(actors, methods, window, lexicon, speakers=speakers)
    items = [it for it in iter_corpus(corpus, **corpus_options) if it[0] != "warning"]
    return rows_to_frames(process_chunk(items, settings), extra_columns(items))


__all__ = ["COLUMNS", "SUMMARIES", "TABLES", "Settings", "StageTimer", "actors_table", "analyse", "make_settings",
           "process_article", "process_chunk", "rows_to_csv_bytes", "rows_to_frames", "run", "tables_bytes"]
