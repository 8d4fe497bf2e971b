"""Table files written chunk by chunk, resumable after a kill, complete only when finished.

While a run is going, each table is one append-only file ``DIR/.partial/<table>.csv``; after all
the tables of a chunk are appended (and fsynced), one line is appended to ``.partial/chunks.jsonl``
with the chunk's number, row counts and the size of every table file. That line is the commit: a
restarted run with the same fingerprint (corpus, actors, lexicon, parameters) reads the log, cuts
every table file back to the sizes of the last logged chunk (dropping a chunk that was being
written when the run was killed) and goes on from the next chunk. Chunks arrive in order, so the
logged chunks are always 0 … k−1. ``finish`` moves the CSV files into ``DIR`` (or writes Parquet,
one row group per chunk) through a temporary name and a rename, then removes ``.partial``. A table
file with its final name is therefore always complete, and a fresh run first deletes the tables
of any earlier run in the same folder.
"""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pandas as pd

from ..schema import typed

def atomic_write(path: Path, data: bytes) -> None:
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


class TableStore:
    def __init__(self, out: Path, fmt: str, columns: dict[str, list[str]], fingerprint: str):
        self.out, self.fmt, self.columns = out, fmt, columns
        self.partial = out / ".partial"
        self.out.mkdir(parents=True, exist_ok=True)
        for old in out.glob(".partial-finished-*"):  # a finished run killed while removing its chunks
            shutil.rmtree(old, ignore_errors=True)
        stamp = self.partial / "fingerprint"
        if self.partial.exists() and not self.resumable(out, fingerprint):
            shutil.rmtree(self.partial)  # another run's leftovers: start afresh
        self.fresh = not self.partial.exists()
        if self.fresh:  # (the tables of an earlier run were removed by OutFolder.claim)
            self.partial.mkdir()
            atomic_write(stamp, fingerprint.encode())
        self.log = self.partial / "chunks.jsonl"
        self.entries = self._read_log()
        self.header = {t: frame_to_csv_bytes(pd.DataFrame(columns=cols)) for t, cols in columns.items()}
        for t in columns:  # back to the last committed chunk
            path = self._file(t)
            if not path.exists():
                atomic_write(path, self.header[t])
            size = self.entries[-1]["sizes"][t] if self.entries else len(self.header[t])
            if path.stat().st_size != size:
                os.truncate(path, size)

    @staticmethod
    def resumable(out: Path, fingerprint: str) -> bool:
        """Whether ``out`` holds the unfinished chunks of a run with this fingerprint."""
        stamp = Path(out) / ".partial" / "fingerprint"
        return stamp.exists() and stamp.read_text() == fingerprint

    def _file(self, table: str) -> Path:
        return self.partial / f"{table}.csv"

    def _read_log(self) -> list[dict]:
        if not self.log.exists():
            return []
        data = self.log.read_bytes()
        complete = data[: data.rfind(b"\n") + 1]  # a line cut by a kill is not a commit
        if len(complete) != len(data):
            os.truncate(self.log, len(complete))
        return [json.loads(line) for line in complete.splitlines() if line.strip()]

    def done_chunks(self) -> set[int]:
        return {e["chunk"] for e in self.entries}

    def n_done_articles(self) -> int:
        return sum(e["items"] for e in self.entries)

    def append_chunk(self, index: int, tables: dict[str, tuple[bytes, int]]) -> None:
        """Append one chunk: per table, its CSV bytes (header + rows, columns as declared) and row count."""
        sizes = {}
        for t, (data, _n) in tables.items():
            body = data.split(b"\n", 1)[1] if b"\n" in data else b""
            with open(self._file(t), "ab") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
                sizes[t] = fh.tell()
        rows = {t: n for t, (_data, n) in tables.items()}
        entry = {"chunk": index, "items": rows.get("articles", 0) + rows.get("rejected", 0), "rows": rows,
                 "sizes": sizes}
        with open(self.log, "ab") as fh:
            fh.write((json.dumps(entry, sort_keys=True) + "\n").encode())
            fh.flush()
            os.fsync(fh.fileno())
        self.entries.append(entry)

    def finish(self) -> dict[str, int]:
        counts = {t: sum(e["rows"].get(t, 0) for e in self.entries) for t in self.columns}
        for t, cols in self.columns.items():
            final = self.out / f"{t}.{self.fmt}"
            if self.fmt == "csv":
                os.replace(self._file(t), final)
            else:
                self._parquet(t, cols, final)
        trash = self.out / f".partial-finished-{os.getpid()}"
        os.replace(self.partial, trash)  # every table is in place: drop the rest (a kill now loses nothing)
        shutil.rmtree(trash)
        return counts

    def _parquet(self, table: str, cols: list[str], final: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq
        tmp = final.with_name(final.name + ".tmp")
        writer = None
        start = len(self.header[table])
        with open(self._file(table), "rb") as fh:
            for e in self.entries:  # one row group per chunk
                fh.seek(start)
                chunk = fh.read(e["sizes"][table] - start)
                start = e["sizes"][table]
                frame = pd.read_csv(io.BytesIO(self.header[table] + chunk), dtype=str, keep_default_na=False)
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
