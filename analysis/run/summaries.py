"""The per-outlet summaries a run writes beside its tables (``summary_*.csv``) and ``actors.csv``.

Each measure's ``summarize`` names its summaries; only the columns it ``reads`` are loaded, so memory
stays small for large runs.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .. import sheets as spreadsheet
from ..actors import Actors
from ..measures import REGISTRY, Options
from ..schema import read_table

SUMMARIES: tuple[str, ...] = tuple(s for m in REGISTRY.values() for s in m.summaries)


def _write(frame: pd.DataFrame, path: Path, **kwargs) -> None:
    tmp = path.with_name(path.name + ".tmp")
    spreadsheet.to_csv(frame, tmp, **kwargs)  # opened in spreadsheets: no cell may act as a formula
    os.replace(tmp, path)


def write_summaries(out: Path, fmt: str, options: Options) -> None:
    """Every measure's summaries as ``out/<summary>.csv``."""
    for measure in REGISTRY.values():
        def load(table, measure=measure):
            return read_table(out / f"{table}.{fmt}", measure.reads[table])
        made = measure.summarize(load, options)
        if tuple(made) != measure.summaries:
            raise AssertionError(f"measure {measure.name} made {tuple(made)}, declared {measure.summaries}")
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
