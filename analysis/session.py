"""What a notebook needs in one call: the tables a run wrote, filtered, checked and ordered.

Notebooks never run the pipeline: they read the ``--out`` folder of ``python -m analysis run``
(parameter ``tables``) and draw. Every notebook has the same parameters cell
(``analysis.notebooks.PARAMETERS``) and opens the tables through ``open_tables``, which refuses
nonsense parameters with the parameter, the bad value and the values it knows.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import config
from .errors import ConfigError
from .compare import PERIODS
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
                date_to=None, copies: str = "count", formats=("png", "svg", "pdf"), out_dir=None,
                estimates=None, where=None, period=None) -> Session:
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
        estimates: the ``estimates.csv`` of ``python -m analysis validate estimate`` on these tables; figures
            4-7 then draw the estimates corrected by the coded sample (``read_estimates``).
        where: {column: value} of the articles table (the corpus's metadata, e.g. {"event": "7"}): keep the
            articles that have these values, as ``run --where`` does.
        period: "day", "week" or "month" of the time figure; None chooses from the dates' range.
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
    if period is not None and period not in PERIODS:
        raise ConfigError(f"period = '{period}': not one of {', '.join(repr(x) for x in PERIODS)} (or None)")
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
    for column, value in (where or {}).items():
        if column not in arts.columns:
            raise ConfigError(f"where: the articles table has no column '{column}' (known: {_known(arts.columns)})")
        keep &= arts[column].astype(str).str.strip() == str(value).strip()
    if outlets:
        keep &= arts["outlet"].isin(outlets)
    for value, name, op in ((date_from, "date_from", "ge"), (date_to, "date_to", "le")):
        if value:  # checked as `run --date-from` checks it: an ISO date, compared on the first ten characters
            try:
                day = datetime.date.fromisoformat(str(value).strip()).isoformat()
            except ValueError:
                raise ConfigError(f"{name} = '{value}': not a date (write YYYY-MM-DD)") from None
            keep &= getattr(arts["date"].fillna("").astype(str).str[:10], op)(day)
    if not keep.any():
        raise ConfigError(f"no article of these tables is in outlets={outlets!r}, date_from={date_from!r}, "
                          f"date_to={date_to!r}, where={where!r}")
    ids = set(arts.loc[keep, "article_id"])
    out = {name: (df[df["article_id"].isin(ids)].reset_index(drop=True)
                  if "article_id" in df and name != "rejected" else df) for name, df in t.items()}
    if copies == "exclude":
        from .syndication import exclude_copies
        out = exclude_copies(out)
    colors = {a: c for a, c in zip(t["actors"]["actor"], t["actors"]["color"]) if c}
    corrected = None
    if estimates:
        if date_from or date_to or where or copies != "count":
            raise ConfigError("estimates: the corrected estimates are of every article of each outlet; leave "
                              "date_from, date_to, where and copies at their defaults, or estimate on a run of the "
                              "selection")
        corrected = read_estimates(estimates, method, known_outlets)
    params = Params(outlets=list(outlets) if outlets else None, method=method, focal_actor=focal_actor,
                    colors=colors, formats=tuple(formats), out_dir=str(figures_dir(folder, out_dir)),
                    estimates=corrected, period=period)
    from .compare import outlet_order
    return Session(out, params, outlet_order(out["articles"], params.outlets), methods, folder)


def read_estimates(path, method: str, outlets) -> pd.DataFrame:
    """``estimates.csv`` checked against the notebook's parameters: its columns, the sentiment method it
    corrects (the one the figures show) and its outlets (those of the tables)."""
    from . import sheets as spreadsheet
    from .estimate import COLUMNS, NUMERIC
    path = Path(path)
    if path.is_dir():
        path = path / "estimates.csv"
    if not path.is_file():
        raise ConfigError(f"estimates = '{path}': no such file; write it with `python -m analysis validate estimate "
                          f"--tables ... --sample ... --sheets ... --out DIR`")
    e = spreadsheet.read_csv(path)
    missing = [c for c in COLUMNS if c not in e.columns]
    if missing:
        raise ConfigError(f"{path}: not an estimates table of `validate estimate` (no column {missing[0]!r})")
    corrected = sorted(set(e.loc[e["measure"] == "sentiment", "method"]) - {""})
    if corrected and method not in corrected:
        raise ConfigError(f"estimates = '{path}': it corrects the '{corrected[0]}' sentiment labels, the figures "
                          f"show method = '{method}'; set method = '{corrected[0]}'")
    strange = sorted(set(e["outlet"]) - set(outlets))
    if strange:
        raise ConfigError(f"{path}: outlet '{strange[0]}' is not in these tables (estimates of another run?)")
    for c in NUMERIC:
        e[c] = pd.to_numeric(e[c], errors="coerce")
    for c in ("n_auto", "n_coded"):
        e[c] = pd.to_numeric(e[c], errors="coerce").fillna(0).astype(int)
    return e
