"""CSV files meant to be opened in a spreadsheet, written so that no cell acts as a formula.

A spreadsheet program runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and some with a
leading tab or carriage return) as a formula ("CSV injection"); news text and speaker names can
begin so ("-- the minister said", "@KremlinRussia_E"). In the text columns of these files such a
cell gets one leading apostrophe, which spreadsheets show as "text, not formula" and do not display.
Reading back (``read_csv``, ``unescape``) removes exactly that apostrophe, so values round-trip
unchanged whether the file was saved by a spreadsheet (which drops the apostrophe) or not; the one
exception is text that itself begins with an apostrophe before one of those characters, which after
a spreadsheet's save reads back without its apostrophe.
Numeric columns are left as they are (a negative polarity stays a number).

Used for the coding sheet, the key, the validation reports, the per-outlet summaries and the
figures' data. The pipeline's tables are not escaped: their ``text`` cells must equal
``section[start:end]`` exactly; read them with pandas or a spreadsheet's text import.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")   # what unescape undoes
_NEEDS = re.compile(r"^'*[=+\-@\t\r]")     # what escape guards (a value with apostrophes before a trigger too)


def escape(value):
    """``value`` with one apostrophe in front if a spreadsheet could read it as a formula."""
    if isinstance(value, str) and _NEEDS.match(value):
        return "'" + value
    return value


def unescape(value):
    """The value ``escape`` was given."""
    if isinstance(value, str) and _ESCAPED.match(value):
        return value[1:]
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns are escaped (numeric columns unchanged)."""
    out = frame.copy()
    for c in out.columns:
        if not pd.api.types.is_numeric_dtype(out[c]) and not pd.api.types.is_bool_dtype(out[c]):
            out[c] = out[c].map(escape)
    return out


def to_csv(frame: pd.DataFrame, path, index: bool = False) -> None:
    """``frame.to_csv`` with escaped text cells."""
    safe_frame(frame).to_csv(Path(path), index=index, lineterminator="\n")


def read_csv(path) -> pd.DataFrame:
    """A file written by ``to_csv`` (or saved by a spreadsheet), as strings, unescaped."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.map(unescape)
