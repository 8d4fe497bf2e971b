"""Every table's columns and their types, written once.

A run writes one file per table; the column lists the stages fill, the store's types (CSV read back,
Parquet written) and the notebooks' reading all derive from the ``Table`` records below. A measure's
table starts with ``article_id, outlet``; the measure fills the rest (``Table.fields``).

Example:
    >>> QUOTES.columns[:4]
    ['article_id', 'outlet', 'quote_id', 'section']
    >>> dtype("start"), dtype("polarity"), dtype("speaker")
    ('Int64', 'float64', 'string')
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

STR, INT, FLOAT = "string", "Int64", "float64"


@dataclass(frozen=True)
class Table:
    """One table: its name, its columns with their types, and how many leading columns the run fills
    (``article_id, outlet`` for a measure's table) before the stage's own ``fields``."""
    name: str
    spec: tuple[tuple[str, str], ...]
    prefix: int = 0

    @property
    def columns(self) -> list[str]:
        return [c for c, _ in self.spec]

    @property
    def fields(self) -> list[str]:
        """The columns the stage's rows carry (those after the run's prefix)."""
        return self.columns[self.prefix:]

    @property
    def dtypes(self) -> dict[str, str]:
        return dict(self.spec)


def _table(name: str, spec: str, prefix: int = 0) -> Table:
    """A table from ``"col:type col:type ..."`` (type s, i or f; s if left out)."""
    kinds = {"s": STR, "i": INT, "f": FLOAT}
    cols = []
    for item in spec.split():
        col, _, kind = item.partition(":")
        cols.append((col, kinds[kind or "s"]))
    return Table(name, tuple(cols), prefix)


ARTICLES = _table("articles", "article_id outlet date title author byline headline body n_words:i n_sentences:i "
                              "source_path warnings")
SENTENCES = _table("sentences", "article_id sentence_id:i section paragraph_id:i start:i end:i text in_quote:f")
MENTIONS = _table("mentions", "article_id sentence_id:i section actor person alias start:i end:i text")
QUOTES = _table("quotes", "article_id outlet quote_id:i section start:i end:i text n_words:i kind speaker "
                          "speaker_actor speaker_mention speaker_confidence:f cue rule", prefix=2)
SENTIMENT = _table("sentiment", "article_id outlet sentence_id:i section actor method polarity:f subjectivity:f "
                                "label voice speaker_actor n_cues:i n_mentions:i window_text", prefix=2)
FRAMING = _table("framing", "article_id outlet sentence_id:i section actor frame kind cue rule start:i end:i text voice "
                            "speaker speaker_actor in_headline:i negated:i sentence", prefix=2)
VISIBILITY = _table("visibility", "article_id outlet actor mentions:i headline_mentions:i first_sentence:i",
                    prefix=2)
CLEANING_LOG = _table("cleaning_log", "article_id line_no:i text reason")
REJECTED = _table("rejected", "source article_id reason")
ACTORS = _table("actors", "actor color party:i n_people:i")

#: the ingest tables (before the measures' tables) and the bookkeeping tables (after them)
INGEST = (ARTICLES, SENTENCES, MENTIONS)
BOOKKEEPING = (CLEANING_LOG, REJECTED)
TABLES: dict[str, Table] = {t.name: t for t in (*INGEST, QUOTES, SENTIMENT, FRAMING, VISIBILITY, *BOOKKEEPING,
                                                 ACTORS)}


def _dtypes() -> dict[str, str]:
    out: dict[str, str] = {}
    for t in TABLES.values():
        for c, d in t.spec:
            if out.setdefault(c, d) != d:
                raise AssertionError(f"column {c} has two types ({out[c]} and {d}); a name means one thing")
    return out


DTYPES = _dtypes()  # a column's type is the same in every table


def dtype(column: str) -> str:
    """The type of a column (string for the extra metadata columns of a corpus)."""
    return DTYPES.get(column, STR)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each column in its declared type (whole numbers as nullable Int64, text as strings
    with '' for missing), so that every chunk and every run gives the same schema."""
    out = frame.copy()
    for c in out.columns:
        d = dtype(c)
        if d == INT:
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
        elif d == FLOAT:
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
        else:
            out[c] = out[c].astype("string").fillna("")
    return out


def read_table(path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a table written by ``run`` (CSV or Parquet) with its column types; only ``columns`` if given."""
    path = Path(path)
    if path.suffix == ".parquet":
        return pd.read_parquet(path, columns=columns)
    frame = pd.read_csv(path, usecols=columns, dtype=str, keep_default_na=False)
    return typed(frame[columns] if columns else frame)


def read_table_chunks(path, columns: list[str], rows: int = 200_000):
    """``read_table`` in consecutive chunks of at most ``rows`` rows (at least one, perhaps empty), so a
    summary of a large table holds one chunk at a time."""
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq
        batches = pq.ParquetFile(path).iter_batches(batch_size=rows, columns=columns)
        first = True
        for batch in batches:
            first = False
            yield batch.to_pandas()
        if first:
            yield pd.read_parquet(path, columns=columns)
        return
    with open(path, newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh), [])
    if LONG_TEXT.isdisjoint(set(header) - set(columns)):
        first = True
        for frame in pd.read_csv(path, usecols=columns, dtype=str, keep_default_na=False, chunksize=rows):
            first = False
            yield typed(frame[columns])
        if first:
            yield read_table(path, columns)
        return
    yield from _csv_rows_chunks(path, header, columns, min(rows, 50_000))  # rows as Python lists: fewer


# a column of whole articles: a table with one it does not read is read row by row with the csv module,
# which holds one row at a time (pandas' parser holds hundreds of MB for such a file even when it keeps
# three short columns: 380 MB for the articles table of a million articles); for tables of short rows
# pandas is faster and as small
LONG_TEXT = frozenset({"body"})


def _csv_rows_chunks(path: Path, header: list[str], columns: list[str], rows: int):
    """The ``columns`` of a CSV table in frames of ``rows`` rows, read with the csv module (the same
    values as ``pd.read_csv(dtype=str, keep_default_na=False)``: blank lines skipped, empty fields "")."""
    missing = [c for c in columns if c not in header]
    if missing:
        raise ValueError(f"{path}: no column(s) {', '.join(missing)}")
    at = [header.index(c) for c in columns]
    csv.field_size_limit(1 << 30)
    block: list[list[str]] = []
    first = True
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        for row in reader:
            if not row:
                continue
            block.append([row[i] if i < len(row) else "" for i in at])
            if len(block) == rows:
                first = False
                yield typed(pd.DataFrame(block, columns=columns, dtype=str))
                block = []
    if block or first:
        yield typed(pd.DataFrame(block, columns=columns, dtype=str))


def table_path(folder, name: str) -> Path | None:
    """The file of table ``name`` in a run's folder (CSV or Parquet), or None."""
    return next((p for ext in ("csv", "parquet") for p in [Path(folder) / f"{name}.{ext}"] if p.exists()), None)


def read_tables(folder, names) -> dict[str, pd.DataFrame]:
    """The named tables of a run's folder (CSV or Parquet); ConfigError naming any that is missing."""
    from .errors import ConfigError
    out = {}
    for t in names:
        p = table_path(folder, t)
        if p is None:
            raise ConfigError(f"{folder}: no {t}.csv or {t}.parquet (run `python -m analysis run --out {folder}` first)")
        out[t] = read_table(p)
    return out
