"""What a notebook needs in one call: the tables a run wrote, filtered, checked and ordered.

Notebooks never run the pipeline: they read the ``--out`` folder of ``python -m analysis run``
(parameter ``tables``) and draw. Every notebook has the same parameters cell
(``analysis.notebooks.PARAMETERS``) and opens the tables through ``open_tables``, which refuses
nonsense parameters with the parameter, the bad value and the values it knows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config
from .errors import ConfigError
from .figures import Params

ROOT = config.ROOT
BUNDLED_TABLES = config.BUNDLED_TABLES   # what `make figures` writes and the notebooks default to
COMMITTED_FIGURES = ROOT / "figures"


@dataclass
class Session:
    tables: dict[str, pd.DataFrame]
    params: Params
    outlets: list[str]
    methods: list[str]
    folder: Path


def _known(values) -> str:
    values = sorted({str(v) for v in values if str(v)})
    shown = ", ".join(f"'{v}'" for v in values[:15])
    return shown + (f" and {len(values) - 15} more" if len(values) > 15 else "") if values else "none"


def figures_dir(tables: Path, out_dir) -> Path:
    """Where figures go: ``out_dir`` if given; the committed ``figures/`` for the bundled run; otherwise
    ``<tables>/figures``, so that a notebook run on other tables never overwrites the committed figures."""
    if out_dir:
        return Path(out_dir)
    if tables.resolve() == BUNDLED_TABLES.resolve():
        return COMMITTED_FIGURES
    return tables / "figures"


def open_tables(tables, outlets=None, method: str = "textblob", focal_actor: str = "Ukraine", date_from=None,
                date_to=None, copies: str = "count", formats=("png", "svg", "pdf"), out_dir=None) -> Session:
    """The tables of a run (folder ``tables``), with the outlets (in the given order) and dates asked for.

    Args:
        tables: the ``--out`` folder of ``python -m analysis run``.
        outlets: outlets to keep, in this order (None: all, sorted).
        method: the sentiment method the single-method figures show.
        focal_actor: the actor of the sidelining and summary figures.
        date_from, date_to: keep articles dated within (ISO dates, inclusive).
        copies: "count" keeps everything; "exclude" leaves out the quotations, sentiment and framing rows
            of text copied from another outlet's earlier article (``analysis.syndication``).
        formats, out_dir: figure files to write and where (see ``figures_dir``).
    Returns:
        a ``Session``: the filtered tables, the figure parameters, the outlets in order, the methods run.

    Example:
        >>> s = open_tables("../results/ukraine_talks", focal_actor="Ukraine")   # doctest: +SKIP
        >>> s.outlets[:2]                                                         # doctest: +SKIP
        ['Egypt Daily News', 'Outlet 001']
    """
    from .schema import read_tables
    folder = Path(tables)
    if not folder.is_dir():
        raise ConfigError(f"tables = '{tables}': no such folder; run `python -m analysis run --out {tables}` first "
                          f"(make figures writes {BUNDLED_TABLES.relative_to(ROOT)})")
    if copies not in ("count", "exclude"):
        raise ConfigError(f"copies = '{copies}': not one of 'count', 'exclude'")
    from .run.settings import TABLES
    t = read_tables(folder, TABLES + ("actors",))
    arts = t["articles"]
    if arts.empty:
        raise ConfigError(f"tables = '{tables}': the run processed no article ({len(t['rejected'])} rejected; "
                          f"see rejected.csv there), so there is nothing to show")
    known_outlets = set(arts["outlet"])
    for o in outlets or []:
        if o not in known_outlets:
            raise ConfigError(f"outlets: '{o}' is not an outlet of these tables (known: {_known(known_outlets)})")
    methods = sorted(set(t["sentiment"]["method"]))
    if methods and method not in methods:
        raise ConfigError(f"method = '{method}': not among the run's sentiment methods ({_known(methods)})")
    actors = set(t["actors"]["actor"])
    if focal_actor not in actors:
        raise ConfigError(f"focal_actor = '{focal_actor}': not an actor group of the run's actors file "
                          f"(known: {_known(actors)})")
    keep = pd.Series(True, index=arts.index)
    if outlets:
        keep &= arts["outlet"].isin(outlets)
    for value, name, op in ((date_from, "date_from", "ge"), (date_to, "date_to", "le")):
        if value:
            try:
                pd.Timestamp(str(value))
            except ValueError:
                raise ConfigError(f"{name} = '{value}': not a date (write YYYY-MM-DD)") from None
            keep &= getattr(arts["date"].astype(str), op)(str(value))
    if not keep.any():
        raise ConfigError(f"no article of these tables is in outlets={outlets!r}, date_from={date_from!r}, "
                          f"date_to={date_to!r}")
    ids = set(arts.loc[keep, "article_id"])
    out = {name: (df[df["article_id"].isin(ids)].reset_index(drop=True)
                  if "article_id" in df and name != "rejected" else df) for name, df in t.items()}
    if copies == "exclude":
        from .syndication import exclude_copies
        out = exclude_copies(out)
    colors = {a: c for a, c in zip(t["actors"]["actor"], t["actors"]["color"]) if c}
    params = Params(outlets=list(outlets) if outlets else None, method=method, focal_actor=focal_actor,
                    colors=colors, formats=tuple(formats), out_dir=str(figures_dir(folder, out_dir)))
    from .compare import outlet_order
    return Session(out, params, outlet_order(out["articles"], params.outlets), methods, folder)
