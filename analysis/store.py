"""Table files written chunk by chunk, resumable after a kill, complete only when finished.

Each finished chunk is written to ``DIR/.partial/<table>/NNNNNNN.csv`` by write-then-rename,
and marked done by ``DIR/.partial/done/NNNNNNN.json`` only after all its tables are on disk.
A restarted run with the same fingerprint (corpus, actors, lexicon, parameters) skips the
done chunks. ``finish`` concatenates the chunks in order into ``DIR/<table>.csv`` or
``.parquet`` (one row group per chunk), each through a temporary name and a rename, then
removes ``.partial``. A table file with its final name is therefore always complete, and a fresh
run first deletes the tables of any earlier run in the same folder.
"""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pandas as pd

INT_COLUMNS = {"sentence_id", "paragraph_id", "start", "end", "n_words", "n_sentences", "line_no", "quote_id",
               "n_cues", "in_headline", "in_quote_marks", "quote_start", "quote_end"}
FLOAT_COLUMNS = {"in_quote", "polarity", "subjectivity", "confidence"}


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def frame_to_csv_bytes(frame: pd.DataFrame, header: bool = True) -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, header=header, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Fixed column types, so that every chunk and every run gives the same schema."""
    out = frame.copy()
    for c in out.columns:
        if c in INT_COLUMNS:
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
        elif c in FLOAT_COLUMNS:
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
        else:
            out[c] = out[c].astype("string").fillna("")
    return out


class TableStore:
    def __init__(self, out: Path, fmt: str, columns: dict[str, list[str]], fingerprint: str):
        self.out, self.fmt, self.columns = out, fmt, columns
        self.partial = out / ".partial"
        self.out.mkdir(parents=True, exist_ok=True)
        for old in out.glob(".partial-finished-*"):  # a finished run killed while removing its chunks
            shutil.rmtree(old, ignore_errors=True)
        stamp = self.partial / "fingerprint"
        if self.partial.exists() and (not stamp.exists() or stamp.read_text() != fingerprint):
            shutil.rmtree(self.partial)  # another run's leftovers: start afresh
        if not self.partial.exists():  # a fresh run: tables of an earlier run must not look like this run's
            for t in columns:
                (out / f"{t}.{fmt}").unlink(missing_ok=True)
        (self.partial / "done").mkdir(parents=True, exist_ok=True)
        for t in columns:
            (self.partial / t).mkdir(exist_ok=True)
        if not stamp.exists():
            _atomic_write(stamp, fingerprint.encode())

    def _done_files(self):
        return sorted((self.partial / "done").glob("*.json"))

    def done_chunks(self) -> set[int]:
        return {int(p.stem) for p in self._done_files()}

    def n_done_articles(self) -> int:
        return sum(json.loads(p.read_text())["items"] for p in self._done_files())

    def append_chunk(self, index: int, tables: dict[str, tuple[bytes, int]]) -> None:
        """Store one chunk: per table, its CSV bytes (header + rows, columns as declared) and row count."""
        name = f"{index:07d}"
        for t, (data, _n) in tables.items():
            _atomic_write(self.partial / t / f"{name}.csv", data)
        rows = {t: n for t, (_data, n) in tables.items()}
        marker = {"items": rows.get("articles", 0) + rows.get("rejected", 0), "rows": rows}
        _atomic_write(self.partial / "done" / f"{name}.json", json.dumps(marker, sort_keys=True).encode())

    def finish(self) -> dict[str, int]:
        counts = {}
        done = self._done_files()
        chunks = [p.stem for p in done]
        markers = [json.loads(p.read_text()) for p in done]
        for t, cols in self.columns.items():
            self._concat(t, cols, chunks)
            counts[t] = sum(m["rows"].get(t, 0) for m in markers)
        trash = self.out / f".partial-finished-{os.getpid()}"
        os.replace(self.partial, trash)  # every table is in place: drop the chunks (a kill now loses nothing)
        shutil.rmtree(trash)
        return counts

    def _concat(self, table: str, cols: list[str], chunks: list[str]) -> None:
        final = self.out / f"{table}.{self.fmt}"
        tmp = final.with_name(final.name + ".tmp")
        if self.fmt == "csv":
            with open(tmp, "wb") as fh:
                fh.write(frame_to_csv_bytes(pd.DataFrame(columns=cols)))
                for name in chunks:
                    data = (self.partial / table / f"{name}.csv").read_bytes()
                    fh.write(data.split(b"\n", 1)[1] if b"\n" in data else b"")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq
            writer = None
            for name in chunks:
                frame = pd.read_csv(self.partial / table / f"{name}.csv", dtype=str, keep_default_na=False)
                frame = typed(frame.reindex(columns=cols, fill_value=""))
                tbl = pa.Table.from_pandas(frame, preserve_index=False)
                if writer is None:
                    writer = pq.ParquetWriter(tmp, tbl.schema)
                writer.write_table(tbl.cast(writer.schema) if tbl.schema != writer.schema else tbl)
            if writer is None:
                empty = typed(pd.DataFrame({c: pd.Series([], dtype="string") for c in cols}))
                pq.write_table(pa.Table.from_pandas(empty, preserve_index=False), tmp)
            else:
                writer.close()
        os.replace(tmp, final)


def read_table(path) -> pd.DataFrame:
    """Read a table written by ``run`` (CSV or Parquet) with its column types."""
    path = Path(path)
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return typed(pd.read_csv(path, dtype=str, keep_default_na=False))


def read_tables(folder, names) -> dict[str, pd.DataFrame]:
    """The named tables of a run's folder (CSV or Parquet); ConfigError naming any that is missing."""
    from .errors import ConfigError
    folder = Path(folder)
    out = {}
    for t in names:
        for ext in ("csv", "parquet"):
            p = folder / f"{t}.{ext}"
            if p.exists():
                out[t] = read_table(p)
                break
        else:
            raise ConfigError(f"{folder}: no {t}.csv or {t}.parquet (run `python -m analysis run --out {folder}` first)")
    return out
