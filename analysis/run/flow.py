"""The per-article flow: a record -> a document -> the rows of every table, measure by measure.

``process_article`` builds the document (clean, segment, find actors) and runs every measure of
``measures.REGISTRY`` in order, giving each the rows of the measures it needs. ``chunk_tables`` does
a chunk of articles in a worker and returns each table as CSV bytes, so that the main process only
appends bytes to files.
"""
from __future__ import annotations

import csv
import io
import json
import time
from contextlib import contextmanager, nullcontext

import pandas as pd

from ..document import build_doc
from ..guard import ArticleTimeout, note, time_budget
from ..measures import REGISTRY
from ..text import count_words
from .settings import COLUMNS, TABLES, Settings


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
    """The rows of every table for one article record (from ``corpus.iter_corpus``).

    Args:
        record: an article: article_id, outlet, date, title, text and any extra metadata.
        settings: from ``make_settings``.
        timer: a context manager factory ``timer(stage)`` (``StageTimer`` in benchmarks).

    Returns:
        ``{table: [row, ...]}`` for the ingest tables and every measure's table.
    """
    timer = _noting(timer)
    doc = build_doc(record, settings.actors, timer)
    aid, outlet = doc.article_id, doc.outlet
    body_sents = [s for s in doc.sentences if s.section == "body"]
    art = {k: record.get(k, "") for k in COLUMNS["articles"]}
    art.update(author=doc.record["author"], byline=doc.record["byline"], headline=doc.headline, body=doc.body,
               n_words=count_words(doc.body), n_sentences=len(body_sents))
    art["extra"] = {k: v for k, v in record.items() if k not in art and k != "raw"}
    rows = {
        "articles": [art],
        "sentences": [{"article_id": aid, "sentence_id": s.sentence_id, "section": s.section,
                       "paragraph_id": s.paragraph_id, "start": s.start, "end": s.end, "text": s.text,
                       "in_quote": s.in_quote} for s in doc.sentences],
        "mentions": [{"article_id": aid, **{k: m[k] for k in COLUMNS["mentions"][1:]}} for m in doc.mentions],
        "cleaning_log": [{"article_id": aid, "line_no": n, "text": t, "reason": r} for n, t, r in doc.log],
    }
    upstream: dict[str, list[dict]] = {}
    for name, measure in REGISTRY.items():
        with timer(name):
            upstream[name] = measure.score(doc, {n: upstream[n] for n in measure.needs}, settings.setups[name])
        rows[name] = [{"article_id": aid, "outlet": outlet, **r} for r in upstream[name]]
    return rows


def process_chunk(items, settings: Settings, timer=nullcontext) -> dict[str, list[dict]]:
    """Rows of every table for a list of corpus items; an article that fails or runs over its time
    budget goes to ``rejected`` with the reason, and the others go on."""
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


def extra_columns(items) -> list[str]:
    """The corpus's extra metadata columns: the first article's fields that no table column names."""
    for kind, rec in items:
        if kind == "article":
            base = set(COLUMNS["articles"]) | {"raw", "extra"}
            return [k for k in rec if k not in base]
    return []


def _flatten_extra(rec: dict, extra: list[str]) -> dict:
    rec = dict(rec)
    more = dict(rec.pop("extra", {}))
    for c in extra:
        rec[c] = more.pop(c, "")
    if more:
        rec["warnings"] = (rec.get("warnings") or "") + ("; " if rec.get("warnings") else "") + \
            "extra fields: " + json.dumps(more, ensure_ascii=False, sort_keys=True)
    return rec


def _table_records(rows: dict[str, list[dict]], extra: list[str] | None):
    """(table, records, columns) of every table; articles get their extra metadata columns flattened."""
    for t in TABLES:
        recs = rows.get(t, [])
        if t == "articles":
            recs = [_flatten_extra(r, extra or []) for r in recs]
        yield t, recs, COLUMNS[t] + (extra or [] if t == "articles" else [])


def rows_to_frames(rows: dict[str, list[dict]], extra: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Rows of every table as DataFrames (the in-memory form of ``analyse``)."""
    return {t: pd.DataFrame(recs, columns=cols) for t, recs, cols in _table_records(rows, extra)}


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


def tables_bytes(rows: dict[str, list[dict]], extra: list[str] | None) -> dict[str, tuple[bytes, int]]:
    """Rows of every table as CSV bytes with header, and row counts."""
    return {t: (rows_to_csv_bytes(recs, cols), len(recs)) for t, recs, cols in _table_records(rows, extra)}


def chunk_tables(chunk, settings: Settings) -> dict[str, tuple[bytes, int]]:
    """One chunk of the corpus as CSV bytes per table (with header) and row counts; runs in the worker."""
    return tables_bytes(process_chunk(chunk, settings), settings.extra_columns)
