"""Load a corpus into article records; bad items become rejections, never silent drops.

Three layouts are read:

* a folder with ``metadata.csv`` (columns ``id``, ``outlet``, ``path`` required; every
  other column is carried through) and the text files it points to;
* a folder of ``.txt`` files without metadata (article id = file stem, outlet unknown,
  with a warning);
* one CSV, JSONL or Parquet file with a text column (column names configurable).

``iter_corpus`` yields ``("article", record)``, ``("rejected", record)`` and
``("warning", message)`` tuples in a stable order, so a run can stream.
"""
from __future__ import annotations

import csv
import html
import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from .config import MAX_BYTES
from .errors import ConfigError

csv.field_size_limit(2**31 - 1)  # articles are long fields; the size cap is MAX_BYTES, applied per article
NUL = b"\x00"
BASE_FIELDS = ("article_id", "outlet", "date", "title", "author")


class BadInput(Exception):
    """An input item that cannot be processed; the message is the rejection reason."""


class _TextExtractor(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header", "footer", "blockquote"}
    SKIP = {"script", "style", "head", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


_HTML_TAG = re.compile(r"</?(?:html|body|head|p|div|br|span|a|h[1-6]|li|ul|script|style|article|section)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:20000])) >= 3


def html_to_text(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    out = html.unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in out.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def decode_text(data: bytes, max_bytes: int = MAX_BYTES) -> tuple[str, list[str]]:
    """Bytes -> normalised text and warnings; raise BadInput with the reason when impossible."""
    warnings: list[str] = []
    if len(data) > max_bytes:
        raise BadInput(f"too large: {len(data):,} bytes exceeds the limit of {max_bytes:,} (--max-bytes)")
    if b"\x00" in data:
        raise BadInput(f"binary file: NUL byte at byte {data.index(NUL)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BadInput(f"undecodable bytes: invalid UTF-8 at byte {err.start} and not cp1252 either") from None
        warnings.append(f"not UTF-8 (invalid byte at {err.start}); decoded as cp1252")
    return normalise_text(text, warnings), warnings


def normalise_text(text: str, warnings: list[str]) -> str:
    """NFC, Unix newlines, control characters removed, HTML converted; curly quotes kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]", "", text)
    if cleaned != text:
        warnings.append(f"{len(text) - len(cleaned)} control characters removed")
        text = cleaned
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("HTML markup converted to text")
    if not text.strip():
        raise BadInput("empty article: no text")
    sample = text[:5000]  # all printable or space <=> printable once the (isspace) whitespace is removed
    if not "".join(sample.split()).isprintable() and \
            sum(ch.isprintable() or ch.isspace() for ch in sample) < 0.9 * len(sample):
        raise BadInput("binary file: mostly unprintable characters")
    return text


def _record(article_id: str, text: str, source: str, warnings: list[str], meta: dict) -> dict:
    rec = {
        "article_id": article_id,
        "outlet": meta.get("outlet") or "unknown",
        "date": meta.get("date") or "",
        "title": meta.get("title") or "",
        "author": meta.get("author") or "",
    }
    for key, value in meta.items():
        if key not in rec and key not in ("id", "path", "text"):
            rec[key] = "" if value is None else value
    rec["source_path"] = source
    rec["raw"] = text
    rec["warnings"] = "; ".join(warnings)
    return rec


def iter_corpus(path, *, text_column: str = "text", id_column: str = "id", outlet_column: str = "outlet",
                max_bytes: int = MAX_BYTES, allow_outside: bool = False) -> Iterator[tuple[str, object]]:
    """Yield ("article", rec) | ("rejected", rec) | ("warning", msg) for every item of the corpus.

    Files named by a folder corpus must lie inside the folder (also after following symbolic links)
    unless ``allow_outside``; others are rejected with that reason."""
    root = Path(path)
    if not root.exists():
        raise ConfigError(f"{root}: corpus path does not exist")
    if root.is_dir():
        meta = root / "metadata.csv"
        if meta.exists():
            yield from _iter_metadata_folder(root, meta, max_bytes, allow_outside)
        else:
            yield from _iter_txt_folder(root, max_bytes, allow_outside)
    else:
        yield from _iter_table(root, text_column, id_column, outlet_column, max_bytes)


def count_items(path, *, text_column: str = "text", **_options) -> int | None:
    """How many items ``iter_corpus`` will yield (articles + rejected), for the progress bar; None if unknown."""
    root = Path(path)
    try:
        if root.is_dir():
            meta = root / "metadata.csv"
            if meta.exists():
                with open(meta, encoding="utf-8-sig", newline="") as fh:
                    return sum(1 for _ in csv.DictReader(fh))
            return sum(1 for p in root.rglob("*.txt") if p.is_file())
        suffix = root.suffix.lower()
        if suffix == ".parquet":
            import pyarrow.parquet as pq
            return pq.ParquetFile(root).metadata.num_rows
        if suffix in (".jsonl", ".ndjson"):
            with open(root, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        if suffix == ".csv":
            with open(root, encoding="utf-8-sig", newline="") as fh:
                return sum(1 for _ in csv.reader(fh)) - 1
    except (OSError, UnicodeDecodeError, csv.Error, ValueError):
        return None
    return None


def _rejected(source: str, article_id: str, reason: str) -> tuple[str, dict]:
    return "rejected", {"source": source, "article_id": article_id, "reason": reason}


def _outside(root: Path, file: Path) -> str | None:
    """Why ``file`` may not be read as part of the corpus at ``root`` (it leaves the folder, itself or
    through a symbolic link), or None."""
    try:
        target = file.resolve()
        target.relative_to(root.resolve())
    except ValueError:
        return (f"path leads outside the corpus folder (to {target}); not read unless --allow-outside-corpus "
                f"is given")
    except OSError as err:
        return f"unreadable path: {err.strerror or err}"
    return None


def _utf8_and_blank(path: Path, block: int = 1 << 20) -> bool:
    """Read ``path`` block by block: ConfigError naming the byte where it is not UTF-8; True if it holds
    nothing but white space. (A metadata file of a million rows is never held whole.)"""
    import codecs
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    blank, offset = True, 0
    with open(path, "rb") as fh:
        while True:
            data = fh.read(block)
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as err:
                raise ConfigError(f"{path}: not UTF-8 at byte {offset + err.start - len(err.object) + len(data)}") \
                    from None
            blank = blank and not text.strip()
            if not data:
                return blank
            offset += len(data)


def _iter_metadata_folder(root: Path, meta: Path, max_bytes: int, allow_outside: bool = False):
    if _utf8_and_blank(meta):
        yield "warning", f"{meta}: empty file, so the corpus has no articles"
        return
    with open(meta, encoding="utf-8-sig", newline="") as fh:  # read row by row
        yield from _metadata_rows(root, meta, csv.DictReader(fh), max_bytes, allow_outside)


def _metadata_rows(root: Path, meta: Path, reader: csv.DictReader, max_bytes: int, allow_outside: bool):
    missing = [c for c in ("id", "outlet", "path") if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"{meta}: missing required column(s) {', '.join(missing)} (found: {', '.join(reader.fieldnames or [])})")
    seen: dict[str, int] = {}
    for line_no, row in enumerate(reader, start=2):
        place = f"{meta.name} line {line_no}"
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        article_id, rel = row.get("id", ""), row.get("path", "")
        if not article_id:
            yield _rejected(place, "", "metadata row has an empty id")
            continue
        if article_id in seen:
            yield _rejected(place, article_id, f"duplicate id (first at line {seen[article_id]})")
            continue
        seen[article_id] = line_no
        if not rel:
            yield _rejected(place, article_id, "metadata row has an empty path")
            continue
        file = root / rel
        outside = None if allow_outside else _outside(root, file)
        if outside:
            yield _rejected(place, article_id, outside)
            continue
        yield _read_file(file, rel, article_id, row, max_bytes)


def _read_file(file: Path, source: str, article_id: str, meta: dict, max_bytes: int):
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return _rejected(source, article_id, "file not found")
    except OSError as err:
        return _rejected(source, article_id, f"unreadable file: {err.strerror or err}")
    try:
        text, warnings = decode_text(data, max_bytes)
    except BadInput as err:
        return _rejected(source, article_id, str(err))
    return "article", _record(article_id, text, source, warnings, meta)


def _iter_txt_folder(root: Path, max_bytes: int, allow_outside: bool = False):
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    if not files:
        raise ConfigError(f"{root}: no metadata.csv and no .txt files in this folder")
    yield "warning", f"{root}: no metadata.csv; {len(files)} .txt files read with outlet 'unknown' and article id = file stem"
    seen: dict[str, str] = {}
    for file in files:
        rel = file.relative_to(root).as_posix()
        outside = None if allow_outside else _outside(root, file)
        if outside:
            yield _rejected(rel, file.stem, outside)
            continue
        if file.stem in seen:
            yield _rejected(rel, file.stem, f"duplicate id (first in {seen[file.stem]})")
            continue
        seen[file.stem] = rel
        yield _read_file(file, rel, file.stem, {}, max_bytes)


def _iter_table(file: Path, text_column: str, id_column: str, outlet_column: str, max_bytes: int):
    suffix = file.suffix.lower()
    if suffix == ".csv":  # streamed, so memory stays flat in the corpus size
        handle = open(file, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(handle)
        try:
            columns = reader.fieldnames or []
        except UnicodeDecodeError as err:
            raise ConfigError(f"{file}: not UTF-8 in the header line (byte {err.start})") from None
        rows = _csv_rows(file, reader, handle)
    elif suffix in (".jsonl", ".ndjson"):
        rows, columns = _jsonl_rows(file), None
    elif suffix == ".parquet":
        import pyarrow.parquet as pq
        pf = pq.ParquetFile(file)
        columns = pf.schema_arrow.names
        rows = ((f"{file.name} row {i + 1}", r) for i, r in
                enumerate(r for batch in pf.iter_batches(batch_size=256) for r in batch.to_pylist()))
    else:
        raise ConfigError(f"{file}: unknown corpus file type '{suffix}' (use a folder, .csv, .jsonl or .parquet)")
    if columns is not None and text_column not in columns:
        raise ConfigError(f"{file}: no text column '{text_column}' (found: {', '.join(columns)}; set --text-column)")
    seen: dict[str, str] = {}
    for n, (place, row) in enumerate(rows, start=1):
        if isinstance(row, str):  # a JSONL line that did not parse
            yield _rejected(place, "", row)
            continue
        article_id = str(row.get(id_column) or "").strip() or f"row{n:06d}"
        if article_id in seen:
            yield _rejected(place, article_id, f"duplicate id (first at {seen[article_id]})")
            continue
        seen[article_id] = place
        text = row.get(text_column)
        if not isinstance(text, str):
            yield _rejected(place, article_id, f"no text in column '{text_column}'")
            continue
        meta = {k: ("" if v is None else str(v)) for k, v in row.items() if k not in (text_column, id_column)}
        meta["outlet"] = str(row.get(outlet_column) or "")
        try:
            body, warnings = decode_text(text.encode("utf-8", "surrogatepass"), max_bytes)
        except BadInput as err:
            yield _rejected(place, article_id, str(err))
            continue
        except UnicodeDecodeError:
            yield _rejected(place, article_id, "text holds lone surrogates")
            continue
        yield "article", _record(article_id, body, place, warnings, meta)


def _csv_rows(file: Path, reader: csv.DictReader, handle):
    with handle:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise ConfigError(f"{file}: not UTF-8 after line {reader.line_num}; re-save the file as UTF-8") from None
            except csv.Error as err:
                raise ConfigError(f"{file}: line {reader.line_num}: {err}") from None
            yield f"{file.name} line {reader.line_num}", row


def _jsonl_rows(file: Path):
    with open(file, "rb") as handle:
        for line_no, line in enumerate(handle, start=1):
            place = f"{file.name} line {line_no}"
            if not line.strip():
                continue
            try:
                row = json.loads(line.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                yield place, f"invalid JSON line: {err}"
                continue
            yield place, (row if isinstance(row, dict) else "JSON line is not an object")
