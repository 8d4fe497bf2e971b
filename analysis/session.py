"""What a notebook needs in one call: the tables for its parameters, filtered and ordered."""
from __future__ import annotations

import pandas as pd

from .errors import ConfigError
from .figures import Params
from .pipeline import analyse


def load(corpus, actors, lexicon=None, methods=("textblob",), outlets=None, date_from=None, date_to=None,
         copies="count") -> dict:
    """Run the pipeline in memory and keep the outlets (in the given order) and dates asked for.

    copies: "count" keeps everything; "exclude" leaves out the quotations, sentiment and framing
    rows of text copied from another outlet's earlier article (``analysis.syndication``)."""
    if copies not in ("count", "exclude"):
        raise ConfigError(f"copies: '{copies}' is not one of count, exclude")
    tables = analyse(corpus, actors, methods=tuple(methods), lexicon=lexicon)
    arts = tables["articles"]
    keep = pd.Series(True, index=arts.index)
    if outlets:
        keep &= arts["outlet"].isin(outlets)
    if date_from:
        keep &= arts["date"].astype(str) >= str(date_from)
    if date_to:
        keep &= arts["date"].astype(str) <= str(date_to)
    ids = set(arts.loc[keep, "article_id"])
    out = {}
    for name, t in tables.items():
        out[name] = t[t["article_id"].isin(ids)].reset_index(drop=True) if "article_id" in t and name != "rejected" else t
    if copies == "exclude":
        from .syndication import exclude_copies
        out = exclude_copies(out)
    return out


def params(actors, outlets=None, method="textblob", focal_actor="Ukraine", formats=("png", "svg", "pdf"),
           out_dir="../figures") -> Params:
    return Params(outlets=list(outlets) if outlets else None, method=method, focal_actor=focal_actor,
                  formats=tuple(formats), out_dir=out_dir, actors_file=str(actors))
