"""The per-outlet summaries a run writes beside its tables (``summary_*.csv``) and ``actors.csv``.

Each measure's ``summarize`` names its summaries; only the columns it ``reads`` are loaded, so memory
stays small for large runs.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

from .. import sheets as spreadsheet
from ..actors import Actors
from ..measures import REGISTRY, Options
from ..schema import read_table_chunks

SUMMARIES: tuple[str, ...] = tuple(s for m in REGISTRY.values() for s in m.summaries)


def _write(frame: pd.DataFrame, path: Path, **kwargs) -> None:
    tmp = path.with_name(path.name + ".tmp")
    spreadsheet.to_csv(frame, tmp, **kwargs)  # opened in spreadsheets: no cell may act as a formula
    os.replace(tmp, path)


class Loader:
    """What a measure's ``summarize`` reads: ``load(table)`` the ``reads`` columns of a table, whole;
    ``load.chunks(table)`` the same in consecutive chunks, for tables that grow with the corpus."""

    def __init__(self, out: Path, fmt: str, reads: dict[str, list[str]]):
        self.out, self.fmt, self.reads = out, fmt, reads

    def __call__(self, table: str) -> pd.DataFrame:
        chunks = list(self.chunks(table))  # a wide table is read row by row (``read_table_chunks``)
        return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)

    def chunks(self, table: str):
        return read_table_chunks(self.out / f"{table}.{self.fmt}", self.reads[table])


def _summarize(name: str, out: Path, fmt: str, options: Options) -> dict[str, pd.DataFrame]:
    """One measure's summaries, reading only the columns it declares."""
    measure = REGISTRY[name]

    made = measure.summarize(Loader(out, fmt, measure.reads), options)
    if tuple(made) != measure.summaries:
        raise AssertionError(f"measure {measure.name} made {tuple(made)}, declared {measure.summaries}")
    return made


def write_summaries(out: Path, fmt: str, options: Options, jobs: int = 1) -> None:
    """Every measure's summaries as ``out/<summary>.csv``; with ``jobs`` > 1 the measures are summarised in
    that many processes at once (the same computations: the same files), written in the registry's order."""
    names = list(REGISTRY)
    if jobs > 1 and len(names) > 1 and sys.platform != "win32":
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(min(jobs, len(names)), mp_context=mp.get_context("fork")) as pool:
            futures = [pool.submit(_summarize, name, out, fmt, options) for name in names]
            results = [f.result() for f in futures]
    else:
        results = [_summarize(name, out, fmt, options) for name in names]
    for made in results:
        for name, frame in made.items():
            _write(frame, out / f"{name}.csv")


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
    _write(actors_table(actors), out / "actors.csv")
