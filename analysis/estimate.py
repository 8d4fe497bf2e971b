"""Per-outlet estimates corrected by a coded sample (``python -m analysis validate estimate``).

The automatic labels of a run cover every unit; the coders' labels cover the stratified sample of
``validate sample``, drawn within each measure x outlet x toolkit answer with known inclusion
probability (drawn / population, from ``key.csv``). For each measure, outlet and actor the quantity a
researcher reports is estimated twice:

* **naive**: the automatic labels taken as truth, with the normal interval of sampling alone (what the
  summary tables report);
* **corrected**: ``stats.corrected_mean`` over the outlet's units, stratified as drawn, so the
  interval carries the classifier's error as measured by the coders.

An actor is a domain whose units are known (every unit names its actor), so its estimate is
post-stratified: the sampling strata are split by actor and ``corrected_mean`` runs over the actor's
units. Where the strata are the toolkit's answers (sentiment, framing) the automatic label is constant
within a stratum, so the corrected estimate is the stratified mean of the coders' labels, weighted by
how many units the toolkit put in each answer: the classifier's labels do the stratifying, the coders
do the measuring. Where the strata are outlets only (speakers) the automatic labels enter as the
regression's predictor. Quantities:

=========  ========================  =====================================================================
measure    quantity                  per outlet and actor (group)
=========  ========================  =====================================================================
sentiment  negative_share            share of the actor's (sentence, actor) rows labelled negative by
                                     ``method``: one row per sentiment method of the run, each corrected by
                                     the same coded units of the sample (``_other_method``; empty on other
                                     measures' rows)
sentiment  positive_share            share labelled positive
framing    exclusion_per_article     (sentence, actor) units framed as exclusion, per article of the outlet
framing    inclusion_per_article     units framed as inclusion, per article
framing    sidelining_index          (exclusion - inclusion) / (exclusion + inclusion); the ratio's
                                     interval by linearisation (residual exclusion - inclusion - R x frames)
speaker    share_quoted_words        share of the outlet's quoted words (direct and partial quotations in
                                     the body) whose speaker belongs to the actor group
=========  ========================  =====================================================================

A framing unit with both cues counts as exclusion (the coding sheet's code). The coders' reference is
their majority (``validate.majority``); uncoded items and ties are left out of their stratum's coded
count, and the row's note says how many. Coders' speaker names are mapped to actor groups by
``validate.name_key`` through the run's speakers and the actors file; a name of no actor is
``(unknown)``, as in ``summary_quote_share_actor``. Strata with too few coded items are named in the
note and their interval is empty (NaN): never a silent fallback to the naive estimate.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from . import sheets as spreadsheet
from .errors import ConfigError
from .measures.sentiment import METHODS
from .schema import read_tables
from .stats import corrected_mean, naive_mean
from .validate import DESIGN_FILE, populations, majority, name_key, read_coded, stratum_of

COLUMNS = ["measure", "method", "quantity", "outlet", "actor", "naive", "naive_low", "naive_high", "corrected",
           "corrected_low", "corrected_high", "n_auto", "n_coded", "note"]
NUMERIC = COLUMNS[5:11]   # naive ... corrected_high
UNKNOWN = "(unknown)"
RANGE = {"negative_share": (0, 1), "positive_share": (0, 1), "share_quoted_words": (0, 1),
         "exclusion_per_article": (0, None), "inclusion_per_article": (0, None), "sidelining_index": (-1, 1)}
MATCH = ["measure", "article_id", "sentence_id", "actor", "text"]


def _design(sample_dir: Path, method: str | None) -> tuple[str, bool]:
    """The sentiment method the sample was drawn from, and whether its strata are split by actor."""
    path = sample_dir / DESIGN_FILE
    about = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    drawn = about.get("method")
    if method and drawn and method != drawn:
        raise ConfigError(f"--method {method}: the sample in {sample_dir} was drawn from the '{drawn}' labels "
                          f"({path})")
    return method or drawn or "textblob", about.get("design") == "estimation"


def coded_population(t: dict[str, pd.DataFrame], tables_dir, sample_dir, sheets,
                     method: str | None = None) -> pd.DataFrame:
    """Every unit of the run's tables ``t`` (read from ``tables_dir``; ``validate.populations``) with its
    stratum, and for the units of the sample their item_id and the coders' majority code ('' if uncoded
    or tied).

    Raises ConfigError when a stratum of key.csv does not hold as many units in these tables as when the
    sample was drawn (other tables, or another --method)."""
    sample_dir = Path(sample_dir)
    key, coded = read_coded(sample_dir, sheets)
    method, by_actor = _design(sample_dir, method)
    measures = list(dict.fromkeys(key["measure"]))
    pop = populations(t, method, measures)
    pop["stratum"] = stratum_of(pop, by_actor)
    sizes = pop["stratum"].value_counts()
    for stratum, size in key.groupby("stratum")["population"].first().items():
        if int(sizes.get(stratum, 0)) != int(size):
            raise ConfigError(f"{sample_dir / 'key.csv'}: stratum '{stratum}' had {size} units when the sample was "
                              f"drawn, the tables in {tables_dir} have {int(sizes.get(stratum, 0))} (estimate with "
                              f"the run and the --method the sample was drawn from)")
    sheet = spreadsheet.read_csv(sample_dir / "coding_sheet.csv")
    sheet["sentence_id"] = sheet["sentence_id"].astype(int)
    gold = {}
    for m in measures:
        k = key[key["measure"] == m].reset_index(drop=True)
        gold.update(zip(k["item_id"], majority(k, coded, m)[2]))
    sheet["coded"] = sheet["item_id"].map(gold).fillna("")
    # identical units (the same quotation twice in a sentence) are told apart by their order
    pop["_n"] = pop.groupby(MATCH).cumcount()
    sheet = sheet.sort_values("item_id").assign(_n=lambda d: d.groupby(MATCH).cumcount())
    out = pop.merge(sheet[MATCH + ["_n", "item_id", "coded"]], on=MATCH + ["_n"], how="left", validate="one_to_one")
    missing = sheet.loc[~sheet["item_id"].isin(out["item_id"]), "item_id"]
    if len(missing):
        raise ConfigError(f"{sample_dir / 'coding_sheet.csv'}: item {missing.iloc[0]} is not a unit of the tables "
                          f"in {tables_dir} (estimate with the run the sample was drawn from)")
    out["item_id"] = out["item_id"].fillna("")
    out["coded"] = out["coded"].fillna("")
    return out.drop(columns="_n")


def _estimate(units: pd.DataFrame, auto: np.ndarray, coded: np.ndarray, scale: float) -> dict:
    """corrected_mean over ``units`` stratified as drawn, times ``scale``; ``coded`` NaN outside the
    coded sample."""
    have = ~np.isnan(coded)
    r = corrected_mean(auto, np.flatnonzero(have), coded[have], strata=units["stratum"].to_numpy())
    return {"corrected": r["estimate"] * scale, "corrected_low": r["lo"] * scale, "corrected_high": r["hi"] * scale,
            "n_coded": int(have.sum()), "note": r["note"], "_r": r}


def _naive(values: np.ndarray, scale: float) -> dict:
    r = naive_mean(values)
    return {"naive": r["estimate"] * scale, "naive_low": r["lo"] * scale, "naive_high": r["hi"] * scale}


def _uncoded_note(units: pd.DataFrame) -> str:
    missing = int(((units["item_id"] != "") & (units["coded"] == "")).sum())
    return f"{missing} drawn item{'s' if missing != 1 else ''} uncoded or tied, left out" if missing else ""


def _notes(*notes: str) -> str:
    """Notes joined by '; ', each part once, empty ones left out."""
    return "; ".join(dict.fromkeys(n for note in notes for n in note.split("; ") if n))


def _row(measure: str, quantity: str, outlet: str, actor: str, units: pd.DataFrame, naive: dict, est: dict,
         *notes: str) -> dict:
    return {"measure": measure, "method": "", "quantity": quantity, "outlet": outlet, "actor": actor, **naive,
            **{k: v for k, v in est.items() if not k.startswith("_") and k != "note"}, "n_auto": len(units),
            "note": _notes(est.get("note", ""), *notes)}


def _indicator(units: pd.DataFrame, value) -> tuple[np.ndarray, np.ndarray]:
    """0/1 of the toolkit's and of the coders' code being ``value`` (coders' NaN where not coded)."""
    auto = (units["toolkit_code"] == value).to_numpy(dtype=float)
    coded = np.where(units["coded"] != "", (units["coded"] == value).to_numpy(dtype=float), np.nan)
    return auto, coded


def _domains(units: pd.DataFrame):
    """Each actor's units, post-stratified: the sampling strata split by actor."""
    for actor, d in units.groupby("actor", sort=True):
        d = d.reset_index(drop=True)
        split = d["stratum"].str.endswith(" | " + actor).all()  # drawn by actor already
        yield actor, d if split else d.assign(stratum=d["stratum"] + " | " + actor)


def _sentiment(units: pd.DataFrame, outlet: str) -> list[dict]:
    rows = []
    for label in ("negative", "positive"):
        for actor, d in _domains(units):
            auto, coded = _indicator(d, label)
            rows.append(_row("sentiment", f"{label}_share", outlet, actor, d, _naive(auto, 1.0),
                             _estimate(d, auto, coded, 1.0), _uncoded_note(d)))
    return rows


def _framing(units: pd.DataFrame, outlet: str, n_articles: int) -> list[dict]:
    rows = []
    for actor, d in _domains(units):
        (ea, ec), (ia, ic) = _indicator(d, "exclusion"), _indicator(d, "inclusion")
        note = _uncoded_note(d)
        for quantity, a, c in (("exclusion_per_article", ea, ec), ("inclusion_per_article", ia, ic)):
            scale = len(d) / n_articles  # the mean over the actor's units -> per article of the outlet
            rows.append(_row("framing", quantity, outlet, actor, d, _naive(a, scale), _estimate(d, a, c, scale), note))
        rows.append(_row("framing", "sidelining_index", outlet, actor, d, _naive((ea - ia)[ea + ia == 1], 1.0),
                         _index(d, ea - ia, ec - ic, ea + ia, ec + ic), note))
    return rows


def _index(d: pd.DataFrame, diff_a, diff_c, fr_a, fr_c) -> dict:
    """(excl - incl) / (excl + incl): the ratio of two corrected means, its standard error by
    linearisation (the corrected mean of the residual diff - R x frames, over the mean of frames)."""
    num, den = _estimate(d, diff_a, diff_c, 1.0), _estimate(d, fr_a, fr_c, 1.0)
    out = {"corrected": np.nan, "corrected_low": np.nan, "corrected_high": np.nan, "n_coded": den["n_coded"],
           "note": _notes(num["note"], den["note"])}
    if not den["corrected"] > 0:
        if den["corrected"] == 0:
            out["note"] = _notes(out["note"], "no frames: the index is undefined")
        return out
    ratio = num["corrected"] / den["corrected"]
    resid = _estimate(d, diff_a - ratio * fr_a, diff_c - ratio * fr_c, 1.0)["_r"]
    half = (resid["hi"] - resid["estimate"]) / den["corrected"]  # t x se of the ratio
    out.update(corrected=ratio, corrected_low=ratio - half, corrected_high=ratio + half)
    return out


def _quoted_words(q: pd.DataFrame, words_of: dict[tuple[str, str], int], groups: dict[str, str],
                  outlet: str) -> list[dict]:
    """Share of the outlet's quoted words per speaker group: the toolkit's group against the group of
    the coders' speaker. The domain is every quotation, weighted by its words (``words_of``: (article_id,
    text) -> words)."""
    w = np.array([words_of[(a, text)] for a, text in zip(q["article_id"], q["text"])], dtype=float)
    grouped = q.assign(toolkit_code=[groups.get(name_key(n), UNKNOWN) for n in q["toolkit_code"]],
                       coded=[groups.get(name_key(n), UNKNOWN) if n else "" for n in q["coded"]])
    scale = len(q) / w.sum()  # the mean words of a group per quotation -> its share of the words
    note = _uncoded_note(grouped)
    rows = []
    for g in sorted(set(grouped["toolkit_code"]) | set(grouped["coded"]) - {""}):
        auto, coded = _indicator(grouped, g)
        rows.append(_row("speaker", "share_quoted_words", outlet, g, grouped, _naive(auto * w, scale),
                         _estimate(grouped, auto * w, coded * w, scale), note))
    return rows


def _speaker_groups(t: dict, actors) -> dict[str, str]:
    """name_key of a speaker -> actor group, from the run's quotations and the actors file's people."""
    q = t["quotes"]
    groups = {}
    if actors is not None:
        for name, person in actors.people.items():
            for alias in (name, *person.aliases):
                groups.setdefault(name_key(alias), person.actor)
    for speaker, group in zip(q["speaker"], q["speaker_actor"]):
        if speaker:
            groups.setdefault(name_key(speaker), group or UNKNOWN)
    groups["unknown"] = UNKNOWN
    return groups


def estimates(tables_dir, sample_dir, sheets, method: str | None = None, actors=None) -> pd.DataFrame:
    """The naive and corrected estimate, with 95% intervals, of every quantity per measure, outlet and
    actor (group); one row each (``COLUMNS``)."""
    t = read_tables(Path(tables_dir), ("articles", "sentences", "mentions", "quotes", "sentiment", "framing"))
    pop = coded_population(t, tables_dir, sample_dir, sheets, method)
    n_articles = t["articles"].groupby("outlet").size()
    quotes = t["quotes"]
    words_of = dict(zip(zip(quotes["article_id"], quotes["text"]), quotes["n_words"].astype(int)))
    groups = _speaker_groups(t, actors)
    rows = []
    for outlet in sorted(set(pop["outlet"])):
        o = pop[pop["outlet"] == outlet]
        s = o[o["measure"] == "sentiment"].reset_index(drop=True)
        if len(s):
            rows += _sentiment(s, outlet)
        f = o[o["measure"] == "framing"].reset_index(drop=True)
        if len(f):
            rows += _framing(f, outlet, int(n_articles.get(outlet, 0)) or 1)
        q = o[o["measure"] == "speaker"].reset_index(drop=True)
        if len(q):
            rows += _quoted_words(q, words_of, groups, outlet)
    out = pd.DataFrame(rows, columns=COLUMNS)
    drawn = _design(Path(sample_dir), method)[0]
    out.loc[out["measure"] == "sentiment", "method"] = drawn
    out = pd.concat([out] + [_other_method(t["sentiment"], pop, drawn, m) for m in METHODS
                             if m != drawn and (t["sentiment"]["method"] == m).any()], ignore_index=True)
    for quantity, (low, high) in RANGE.items():  # estimates and intervals clipped to the quantity's range
        at = out["quantity"] == quantity
        for c in ("naive_low", "naive_high", "corrected", "corrected_low", "corrected_high"):
            out.loc[at, c] = out.loc[at, c].clip(low, high)
    out[NUMERIC] = out[NUMERIC].astype(float).round(4)
    return out


def _other_method(sentiment: pd.DataFrame, pop: pd.DataFrame, drawn: str, method: str) -> pd.DataFrame:
    """The sentiment rows of another method over the units the sample was drawn from: the same units,
    strata and coders' codes, that method's labels as the automatic ones (a unit it left unscored counts as
    neither negative nor positive). The coders' share is the same quantity whichever method predicts it, so
    the corrected estimates of every method estimate one truth (with intervals as narrow as the method is
    good), while the naive ones are each method's own share on those units."""
    units = pop[pop["measure"] == "sentiment"]
    if units.empty:
        return pd.DataFrame(columns=COLUMNS)
    key = ["article_id", "sentence_id", "actor"]

    def ordered(m):  # every row of a method, numbered within its (article, sentence, actor) in table order
        d = sentiment.loc[sentiment["method"] == m, key + ["label"]].copy()
        d["sentence_id"] = d["sentence_id"].astype(int)
        return d.assign(_k=d.groupby(key).cumcount())
    ours = ordered(drawn)
    ours = ours[ours["label"] != ""]
    ours = ours.assign(_n=ours.groupby(key).cumcount())  # as the units of ``populations`` are numbered
    theirs = ordered(method).rename(columns={"label": "_label"})
    units = units.assign(_n=units.groupby(key).cumcount())
    units = units.merge(ours[key + ["_n", "_k"]], on=key + ["_n"], how="left", validate="one_to_one")
    units = units.merge(theirs[key + ["_k", "_label"]], on=key + ["_k"], how="left", validate="many_to_one")
    units["toolkit_code"] = units["_label"].fillna("")
    rows = [r for outlet in sorted(set(units["outlet"]))
            for r in _sentiment(units[units["outlet"] == outlet].reset_index(drop=True), outlet)]
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["method"] = method
    return out


def write_estimates(frame: pd.DataFrame, out_dir) -> Path:
    out = Path(out_dir) / "estimates.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    spreadsheet.to_csv(frame, out)
    return out
