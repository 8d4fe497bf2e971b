"""The whole flow over a corpus: load -> clean -> segment -> actors -> measures -> tables.

``process_article`` turns one article record into rows of every table; ``run`` streams a
corpus through it in chunks (in order, so output is identical for any number of workers),
appends each chunk to the table files and records finished chunks so that a killed run
resumes where it stopped. ``analyse`` is the in-memory form the notebooks use.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pandas as pd

from . import config, framing, quotes, sentiment
from .actors import Actors, load_actors
from .corpus import count_items, iter_corpus
from .document import build_doc
from .errors import ConfigError, check_whole
from .guard import ArticleTimeout, note, time_budget
from .text import count_words

IN_FLIGHT = 2  # chunks read ahead per worker
TABLES = ("articles", "sentences", "mentions", "quotes", "sentiment", "framing", "cleaning_log", "rejected")

COLUMNS = {
    "articles": ["article_id", "outlet", "date", "title", "author", "byline", "headline", "body", "n_words",
                 "n_sentences", "source_path", "warnings"],
    "sentences": ["article_id", "sentence_id", "section", "paragraph_id", "start", "end", "text", "in_quote"],
    "mentions": ["article_id", "sentence_id", "section", "actor", "person", "alias", "start", "end", "text"],
    "quotes": ["article_id", "outlet"] + quotes.COLUMNS,
    "sentiment": ["article_id", "outlet"] + sentiment.COLUMNS,
    "framing": ["article_id", "outlet"] + framing.COLUMNS,
    "cleaning_log": ["article_id", "line_no", "text", "reason"],
    "rejected": ["source", "article_id", "reason"],
}


@dataclass
class Settings:
    actors: Actors
    methods: tuple[str, ...] = ("textblob",)
    window: int = sentiment.DEFAULT_WINDOW
    lexicon: framing.Lexicon | None = None
    extra_columns: list[str] = field(default_factory=list)
    article_seconds: float | None = config.ARTICLE_SECONDS


def make_settings(actors_path, methods=("textblob",), window=sentiment.DEFAULT_WINDOW, lexicon_path=None,
                  article_seconds: float | None = config.ARTICLE_SECONDS) -> Settings:
    if not methods:
        raise ConfigError(f"--sentiment: give at least one method ({', '.join(sentiment.METHODS)})")
    for m in methods:
        if m not in sentiment.METHODS:
            raise ConfigError(f"--sentiment: unknown method '{m}' (choose from {', '.join(sentiment.METHODS)})")
    check_whole("--window", window)
    if article_seconds is not None and not article_seconds > 0:
        raise ConfigError(f"--article-timeout: must be a number of seconds above 0 (got {article_seconds!r})")
    actors = load_actors(actors_path)
    lexicon = framing.load_lexicon(lexicon_path or framing.DEFAULT_LEXICON)
    return Settings(actors, tuple(methods), window, lexicon, article_seconds=article_seconds)


def _noting(timer):
    """The stage timer, also telling the time budget which stage the article is in."""
    @contextmanager
    def stage(name: str):
        note(name)
        with timer(name):
            yield
    return stage


class StageTimer:
    """Seconds spent per stage, summed over articles (``make bench``). The default timer of the stages is
    ``contextlib.nullcontext``, which records nothing."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - t0


def process_article(record: dict, settings: Settings, timer=nullcontext) -> dict[str, list[dict]]:
    timer = _noting(timer)
    doc = build_doc(record, settings.actors, timer)
    aid, outlet = doc.article_id, doc.outlet
    body_sents = [s for s in doc.sentences if s.section == "body"]
    art = {k: record.get(k, "") for k in COLUMNS["articles"]}
    art.update(author=doc.record["author"], byline=doc.record["byline"], headline=doc.headline, body=doc.body,
               n_words=count_words(doc.body), n_sentences=len(body_sents))
    extra = {k: v for k, v in record.items() if k not in art and k != "raw"}
    art["extra"] = extra
    rows = {
        "articles": [art],
        "sentences": [{"article_id": aid, "sentence_id": s.sentence_id, "section": s.section,
                       "paragraph_id": s.paragraph_id, "start": s.start, "end": s.end, "text": s.text,
                       "in_quote": s.in_quote} for s in doc.sentences],
        "mentions": [{"article_id": aid, **{k: m[k] for k in COLUMNS["mentions"][1:]}} for m in doc.mentions],
        "cleaning_log": [{"article_id": aid, "line_no": n, "text": t, "reason": r} for n, t, r in doc.log],
    }
    with timer("quotes"):
        qrows = quotes.extract_quotes(doc, settings.actors)
    rows["quotes"] = [{"article_id": aid, "outlet": outlet, **q} for q in qrows]
    with timer("sentiment"):
        rows["sentiment"] = [{"article_id": aid, "outlet": outlet, **r}
                             for r in sentiment.score_doc(doc, qrows, settings.methods, settings.window)]
    with timer("framing"):
        rows["framing"] = [{"article_id": aid, "outlet": outlet, **r}
                           for r in framing.find_frames(doc, qrows, settings.actors, settings.lexicon)]
    return rows


def _process_chunk(args, timer=nullcontext) -> dict[str, list[dict]]:
    items, settings = args
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for kind, rec in items:
        if kind == "rejected":
            out["rejected"].append(rec)
            continue
        try:
            with time_budget(settings.article_seconds):
                rows = process_article(rec, settings, timer)
        except ArticleTimeout as err:
            out["rejected"].append({"source": rec.get("source_path", ""), "article_id": rec["article_id"],
                                    "reason": str(err)})
            continue
        except Exception as err:  # an article that breaks a stage is reported, never lost silently
            out["rejected"].append({"source": rec.get("source_path", ""), "article_id": rec["article_id"],
                                    "reason": f"processing failed: {type(err).__name__}: {err}"})
            continue
        for t, r in rows.items():
            out[t].extend(r)
    return out


def rows_to_frames(rows: dict[str, list[dict]], extra_columns: list[str] | None = None) -> dict[str, pd.DataFrame]:
    return {t: pd.DataFrame(recs, columns=cols) for t, recs, cols in _table_records(rows, extra_columns)}


def _flatten_extra(rec: dict, extra_columns: list[str]) -> dict:
    rec = dict(rec)
    extra = dict(rec.pop("extra", {}))
    for c in extra_columns:
        rec[c] = extra.pop(c, "")
    if extra:
        rec["warnings"] = (rec.get("warnings") or "") + ("; " if rec.get("warnings") else "") + \
            "extra fields: " + json.dumps(extra, ensure_ascii=False, sort_keys=True)
    return rec


def analyse(corpus, actors, methods=("textblob",), lexicon=None, window=sentiment.DEFAULT_WINDOW, **corpus_options):
    """Run the whole flow in memory and return a dict of DataFrames (for notebooks and tests)."""
    settings = make_settings(actors, methods, window, lexicon)
    items = [it for it in iter_corpus(corpus, **corpus_options) if it[0] != "warning"]
    rows = _process_chunk((items, settings))
    extra = _extra_columns(items)
    return rows_to_frames(rows, extra)


def _extra_columns(items) -> list[str]:
    for kind, rec in items:
        if kind == "article":
            base = set(COLUMNS["articles"]) | {"raw", "extra"}
            return [k for k in rec if k not in base]
    return []


# ------------------------------------------------------------------ streaming run to files
def _chunks(iterator, size):
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


def run(corpus, actors, out, *, fmt="csv", jobs=1, methods=("textblob",), lexicon=None,
        window=sentiment.DEFAULT_WINDOW, chunk_size=config.CHUNK_SIZE, quiet=False, engine="local", scheduler=None,
        article_seconds: float | None = config.ARTICLE_SECONDS, **corpus_options) -> dict[str, int]:
    """Stream the corpus to DIR/<table>.<fmt>; resumable; identical output for any jobs count.

    Holds ``out`` for itself while it runs (a second run into the same folder stops with exit code 2),
    deletes only files an earlier run wrote there, and writes the per-outlet summaries at the end."""
    from .outdir import OutFolder

    if fmt not in ("csv", "parquet"):
        raise ConfigError(f"--format: unknown format '{fmt}' (csv or parquet)")
    check_whole("--jobs", jobs)
    check_whole("--chunk-size", chunk_size)
    if "max_bytes" in corpus_options:
        check_whole("--max-bytes", corpus_options["max_bytes"])
    settings = make_settings(actors, methods, window, lexicon, article_seconds)
    with OutFolder(out) as folder:
        return _run_locked(folder, corpus, actors, settings, fmt=fmt, jobs=jobs, methods=methods, lexicon=lexicon,
                           window=window, chunk_size=chunk_size, quiet=quiet, engine=engine, scheduler=scheduler,
                           corpus_options=corpus_options)


def _run_locked(folder, corpus, actors, settings, *, fmt, jobs, methods, lexicon, window, chunk_size, quiet,
                engine, scheduler, corpus_options) -> dict[str, int]:
    from .store import TableStore

    out = folder.out
    items = iter_corpus(corpus, **corpus_options)
    warnings = []
    first = []
    for it in items:  # read up to the first article to learn the extra metadata columns
        if it[0] == "warning":
            warnings.append(it[1])
            continue
        first.append(it)
        if it[0] == "article":
            break
    extra_columns = _extra_columns(first)
    settings.extra_columns = extra_columns
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)

    def all_items():
        yield from first
        for it in items:
            if it[0] == "warning":
                print(f"warning: {it[1]}", file=sys.stderr)
            else:
                yield it

    fingerprint = _fingerprint(corpus, actors, methods, lexicon, window, chunk_size, corpus_options, fmt)
    if TableStore.resumable(out, fingerprint):
        folder.resume(fingerprint)
    else:
        folder.claim([f"{t}.{fmt}" for t in TABLES] + [f"{n}.csv" for n in SUMMARIES + ("actors",)], fingerprint)
    store = TableStore(out, fmt, {t: COLUMNS[t] + (extra_columns if t == "articles" else []) for t in TABLES},
                       fingerprint=fingerprint)
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
    write_summaries(out, fmt, methods)
    folder.complete()
    if counts["articles"] == 0:
        why = (f"{counts['rejected']} items rejected, reasons in {out / ('rejected.' + fmt)}" if counts["rejected"]
               else "the corpus holds no articles")
        print(f"warning: no article of {corpus} was processed ({why}); the tables and summaries are empty",
              file=sys.stderr)
    return counts


SUMMARY_COLUMNS = {"articles": ["article_id", "outlet", "n_words"], "mentions": ["article_id", "actor"],
                   "quotes": ["article_id", "outlet", "section", "kind", "n_words", "speaker", "speaker_actor"],
                   "sentiment": ["outlet", "actor", "method", "polarity", "label", "voice"],
                   "framing": ["article_id", "outlet", "sentence_id", "actor", "frame", "in_headline"]}


def actors_table(actors: Actors) -> pd.DataFrame:
    """One row per actor group of the actors file: its colour (empty: the palette's), whether it is one of
    the ``parties``, and how many people it lists. Notebooks read colours from it."""
    n_people: dict[str, set] = {}
    for p in actors.people.values():
        n_people.setdefault(p.actor, set()).add(p.name)
    return pd.DataFrame({"actor": actors.actors, "color": [actors.colors.get(a, "") for a in actors.actors],
                         "party": [int(a in actors.parties) for a in actors.actors],
                         "n_people": [len(n_people.get(a, ())) for a in actors.actors]})


def write_actors(out: Path, actors: Actors) -> None:
    from . import sheets as spreadsheet
    tmp = out / "actors.csv.tmp"
    spreadsheet.to_csv(actors_table(actors), tmp)
    os.replace(tmp, out / "actors.csv")


SUMMARIES = ("summary_visibility", "summary_quote_share_actor", "summary_quote_share_speaker", "summary_framing",
             "summary_sentiment")


def write_summaries(out: Path, fmt: str, methods) -> None:
    """Per-outlet summaries beside the tables (summary_*.csv): actor visibility, quote share by actor
    group and by speaker, sentiment per method with bootstrap intervals, framing with the sidelining index.
    Only the columns they need are read, so memory stays small for large runs."""
    from . import compare
    from . import sheets as spreadsheet
    from .store import typed

    def load(t):
        cols = SUMMARY_COLUMNS[t]
        if fmt == "parquet":
            return pd.read_parquet(out / f"{t}.parquet", columns=cols)
        return typed(pd.read_csv(out / f"{t}.csv", usecols=cols, dtype=str, keep_default_na=False))[cols]

    arts, q = load("articles"), load("quotes")
    summaries = {
        "summary_visibility": compare.actor_visibility(arts, load("mentions")),
        "summary_quote_share_actor": compare.quote_share(q, arts, by="actor"),
        "summary_quote_share_speaker": compare.quote_share(q, arts, by="speaker"),
        "summary_framing": compare.framing_by_outlet(load("framing"), arts),
        "summary_sentiment": compare.sentiment_by_method(load("sentiment"), methods),
    }
    assert tuple(summaries) == SUMMARIES
    for name, frame in summaries.items():
        tmp = out / f"{name}.csv.tmp"
        spreadsheet.to_csv(frame, tmp)  # summaries are opened in spreadsheets: no cell may act as a formula
        os.replace(tmp, out / f"{name}.csv")


def chunk_tables(chunk, settings: Settings) -> dict[str, tuple[bytes, int]]:
    """One chunk of the corpus as CSV bytes per table (with header) and row counts; runs in the worker."""
    return tables_bytes(_process_chunk((chunk, settings)), settings.extra_columns)


def _table_records(rows: dict[str, list[dict]], extra: list[str] | None):
    """(table, records, columns) of every table; articles get their extra metadata columns flattened."""
    for t in TABLES:
        recs = rows.get(t, [])
        if t == "articles":
            recs = [_flatten_extra(r, extra or []) for r in recs]
        yield t, recs, COLUMNS[t] + (extra or [] if t == "articles" else [])


def tables_bytes(rows: dict[str, list[dict]], extra: list[str] | None) -> dict[str, tuple[bytes, int]]:
    """Rows of every table as CSV bytes with header, and row counts."""
    return {t: (rows_to_csv_bytes(recs, cols), len(recs)) for t, recs, cols in _table_records(rows, extra)}


def rows_to_csv_bytes(recs: list[dict], cols: list[str]) -> bytes:
    """The bytes ``pandas.DataFrame(recs, columns=cols).to_csv(index=False, lineterminator="\\n")`` writes,
    without building the frame: missing values as empty fields, floats as Python writes them. (The
    stages never put None into a column of integers, where pandas would write 3.0.)"""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in recs:
        w.writerow(["" if (v := r.get(c)) is None or (isinstance(v, float) and v != v) else v for c in cols])
    return buf.getvalue().encode("utf-8")


def _map(todo, settings, jobs, engine, scheduler):
    """(chunk index, tables) in chunk order, computed serially, by a process pool or by Dask."""
    if engine == "dask":
        from .distributed import dask_map
        yield from dask_map(todo, settings, scheduler, jobs)
        return
    if jobs <= 1:
        for i, chunk in todo:
            yield i, chunk_tables(chunk, settings)
        return
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(settings,)) as pool:
        # (Pool.imap would read the whole corpus into memory ahead of the workers)
        yield from in_order(todo, lambda item: pool.apply_async(_process_indexed, (item,)),
                            lambda job: job.get(), IN_FLIGHT * jobs)


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


_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _process_indexed(item):
    i, chunk = item
    return i, chunk_tables(chunk, _WORKER_SETTINGS)


def _fingerprint(corpus, actors, methods, lexicon, window, chunk_size, options, fmt) -> str:
    parts = {"format": fmt, "corpus": str(Path(corpus).resolve()), "actors": Path(actors).read_text(encoding="utf-8"),
             "lexicon": Path(lexicon or framing.DEFAULT_LEXICON).read_text(encoding="utf-8"),
             "methods": list(methods), "window": window, "chunk_size": chunk_size,
             "options": {k: str(v) for k, v in sorted(options.items())}}
    import hashlib
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


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
