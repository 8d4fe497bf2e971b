"""Per-outlet aggregates with bootstrap confidence intervals (deterministic: fixed seed).

Every function takes the pipeline's tables (DataFrames) and returns a tidy DataFrame.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .stats import bootstrap, mean_ci

LABELS = ("negative", "neutral", "positive")  # sentiment labels, counted per outlet and actor
QUOTED_KINDS = ("direct", "partial")          # quotations whose words count as quoted (reported speech apart)


def outlet_order(articles: pd.DataFrame, order: list[str] | None = None) -> list[str]:
    present = list(dict.fromkeys(articles["outlet"]))
    if order:
        return [o for o in order if o in present]
    return sorted(present)


# ------------------------------------------------------------------ actor visibility
def outlet_words(chunks) -> pd.DataFrame:
    """One row per outlet with the words of its articles, from the articles table read in chunks: all
    that ``visibility_by_outlet`` and ``quote_share`` read of it (a large run's summaries need not hold an
    article index)."""
    return add_counts([c.groupby("outlet")["n_words"].sum().reset_index() for c in chunks], ["outlet"])


def visibility_by_outlet(articles: pd.DataFrame, visibility: pd.DataFrame) -> pd.DataFrame:
    """Mentions per actor per outlet, absolute and per 1,000 words (of the outlet's body text)."""
    words = articles.groupby("outlet")["n_words"].sum()
    if visibility.empty:
        return pd.DataFrame(columns=["outlet", "actor", "mentions", "per_1000_words"])
    out = visibility.groupby(["outlet", "actor"])["mentions"].sum().astype("int64").reset_index()
    out["per_1000_words"] = (out["mentions"] / out["outlet"].map(words) * 1000).round(3)
    return out.sort_values(["outlet", "actor"]).reset_index(drop=True)


# ------------------------------------------------------------------ quotations
def quote_share(quotes: pd.DataFrame, articles: pd.DataFrame, by: str = "speaker",
                kinds=QUOTED_KINDS) -> pd.DataFrame:
    """Each speaker's (or actor group's) share of quotations and of quoted words, per outlet.

    Outlets without quotations appear with zeros and a note.
    """
    return quote_share_from(quote_counts(quotes, by, kinds), outlet_order(articles), by)


SHARE_KEY = {"actor": "speaker_actor", "speaker": "speaker"}  # the column quote share groups by


def quote_share_chunks(chunks, articles: pd.DataFrame, kinds=QUOTED_KINDS) -> dict[str, pd.DataFrame]:
    """``quote_share`` by actor group and by speaker of a quotes table read as consecutive chunks (only the
    counts per outlet and speaker are kept): ``{"actor": …, "speaker": …}``."""
    parts: dict[str, list] = {by: [] for by in SHARE_KEY}
    for chunk in chunks:
        for by in SHARE_KEY:
            parts[by].append(quote_counts(chunk, by, kinds))
    outlets = outlet_order(articles)
    return {by: quote_share_from(add_counts(parts[by], ["outlet", key]), outlets, by) for by, key in SHARE_KEY.items()}


def quote_counts(quotes: pd.DataFrame, by: str = "speaker", kinds=QUOTED_KINDS) -> pd.DataFrame:
    """Quotations and quoted words per outlet and speaker (or actor group): what ``quote_share`` divides.
    Counts of parts of a table add up to those of the whole (a large run sums them chunk by chunk)."""
    key = SHARE_KEY[by]
    q = quotes[quotes["kind"].isin(kinds)]
    q = q.assign(**{key: q[key].fillna("").replace("", "(unattributed)" if by == "speaker" else "(unknown)")})
    return q.groupby(["outlet", key])["n_words"].agg(["size", "sum"]).astype("int64").reset_index()


def add_counts(parts: list[pd.DataFrame], keys: list[str]) -> pd.DataFrame:
    """The sum of count tables (same columns) over their ``keys``."""
    return pd.concat(parts, ignore_index=True).groupby(keys).sum().reset_index() if len(parts) > 1 else parts[0]


def quote_share_from(counts: pd.DataFrame, outlets: list[str], by: str = "speaker") -> pd.DataFrame:
    """``quote_share`` from ``quote_counts`` (of a whole table, or summed over its chunks)."""
    key = SHARE_KEY[by]
    cols = ["outlet", key, "quotes", "words", "share_quotes", "share_words", "note"]
    per = counts[counts["outlet"].isin(outlets)]
    total = per.groupby("outlet")[["size", "sum"]].sum()
    n_q, n_w = per["outlet"].map(total["size"]), per["outlet"].map(total["sum"])
    # Python's round, as for a single value, so the shares are the same digits whatever the grouping
    found = pd.DataFrame({"outlet": per["outlet"], key: per[key], "quotes": per["size"].astype(int),
                          "words": per["sum"].astype(int),
                          "share_quotes": [round(a / b, 4) for a, b in zip(per["size"], n_q)],
                          "share_words": [round(a / b, 4) for a, b in zip(per["sum"], n_w)], "note": ""}, columns=cols)
    none = pd.DataFrame([{"outlet": o, key: "(none)", "quotes": 0, "words": 0, "share_quotes": 0.0, "share_words": 0.0,
                          "note": "no quotations in this outlet"} for o in outlets if o not in total.index], columns=cols)
    out = pd.concat([found, none], ignore_index=True) if len(none) else found
    return out.sort_values(["outlet", "quotes", key], ascending=[True, False, True]).reset_index(drop=True)


def quote_sentences(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The id of the sentence each quotation starts in (same article and section); -1 where none holds it."""
    spans = {key: (g["start"].to_numpy(), g["end"].to_numpy(), g["sentence_id"].to_numpy())
             for key, g in sentences.sort_values("start").groupby(["article_id", "section"])}
    out = []
    for aid, section, start in zip(quotes["article_id"], quotes["section"], quotes["start"]):
        starts, ends, ids = spans.get((aid, section), (np.array([]), np.array([]), np.array([])))
        i = int(np.searchsorted(starts, start, side="right")) - 1
        out.append(int(ids[i]) if i >= 0 and start < ends[i] else -1)
    return pd.Series(out, index=quotes.index, dtype="int64")


def quoted_word_share(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Share of each article's words that stand inside direct or partial quotations."""
    q = quotes[quotes["kind"].isin(QUOTED_KINDS) & (quotes["section"] == "body")]
    qw = q.groupby("article_id")["n_words"].sum()
    out = articles[["article_id", "outlet", "n_words"]].copy()
    out["quoted_words"] = out["article_id"].map(qw).fillna(0).astype(int)
    out["quoted_share"] = (out["quoted_words"] / out["n_words"].where(out["n_words"] > 0)).fillna(0).round(4)
    return out


# ------------------------------------------------------------------ sentiment
def sentiment_by_outlet(sentiment: pd.DataFrame, method: str, voice: str | None = None) -> pd.DataFrame:
    """Mean polarity toward each actor per outlet with a bootstrap 95% interval and counts,
    and how many scored rows carry each label (the labels are the trained model's own output)."""
    s = sentiment[(sentiment["method"] == method)]
    if voice:
        s = s[s["voice"] == voice]
    return _polarity(s, ["outlet", "actor"], method)


def _polarity(s: pd.DataFrame, keys: list[str], method: str) -> pd.DataFrame:
    """Mean polarity with its bootstrap interval, counts and label counts per group of ``keys``."""
    return polarity_from(polarity_parts(s, keys), keys, method)


def polarity_parts(s: pd.DataFrame, keys: list[str]) -> dict[tuple, tuple[int, np.ndarray, dict]]:
    """What ``_polarity`` reads of each group of ``keys``: its rows, its polarities (in row order, missing
    ones left out) and its label counts. Parts of consecutive chunks of a table, joined in order by
    ``join_polarity_parts``, are the parts of the whole."""
    out = {}
    for key, g in s.groupby(keys):
        key = key if isinstance(key, tuple) else (key,)
        out[key] = (len(g), g["polarity"].dropna().to_numpy(dtype=float), g["label"].value_counts().to_dict())
    return out


def join_polarity_parts(parts: list[dict]) -> dict:
    """The parts of consecutive chunks joined: rows and labels added, polarities concatenated in order."""
    out: dict = {}
    for part in parts:
        for key, (n, vals, labels) in part.items():
            if key in out:
                n0, v0, l0 = out[key]
                out[key] = (n0 + n, np.concatenate([v0, vals]), {k: l0.get(k, 0) + labels.get(k, 0)
                                                                   for k in set(l0) | set(labels)})
            else:
                out[key] = (n, vals, labels)
    return out


def polarity_from(parts: dict, keys: list[str], method: str) -> pd.DataFrame:
    """``_polarity`` from its parts, groups in sorted order."""
    rows = []
    for key in sorted(parts):
        n, vals, labels = parts[key]
        lo, hi = mean_ci(vals)
        rows.append({**dict(zip(keys, key)), "method": method, "n_rows": n, "n_scored": len(vals),
                     "mean_polarity": round(float(vals.mean()), 4) if len(vals) else float("nan"),
                     "ci_low": round(lo, 4), "ci_high": round(hi, 4),
                     **{f"n_{lab}": int(labels.get(lab, 0)) for lab in LABELS}})
    return pd.DataFrame(rows, columns=[*keys, "method", "n_rows", "n_scored", "mean_polarity",
                                       "ci_low", "ci_high", *(f"n_{lab}" for lab in LABELS)])


# ------------------------------------------------------------------ who frames whom
JOURNALIST = "journalist"
OTHER_SPEAKER = "(speaker of no group)"


def voice_of(rows: pd.DataFrame) -> pd.Series:
    """Whose words a sentiment or framing row is: the journalist, or the quoted speaker's actor group."""
    group = rows["speaker_actor"].fillna("").replace("", OTHER_SPEAKER)
    return group.where(rows["voice"] == "quoted", JOURNALIST)


def framing_by_voice(framing: pd.DataFrame, actors: list[str] | None = None) -> pd.DataFrame:
    """Per outlet, actor and voice (the journalist or a speaker group): the sentences in which that voice
    frames the actor as excluded and as included. A sentence where the journalist and a quoted speaker both
    frame the actor counts once for each of them."""
    f = framing.assign(by=voice_of(framing))
    if actors is not None:
        f = f[f["actor"].isin(actors)]
    f = f.drop_duplicates(["article_id", "sentence_id", "actor", "frame", "by"])
    out = f.groupby(["outlet", "actor", "by", "frame"]).size().unstack("frame", fill_value=0)
    out = out.reindex(columns=["exclusion", "inclusion"], fill_value=0).reset_index()
    out.columns.name = None
    return out.rename(columns={"by": "voice_of"})[["outlet", "actor", "voice_of", "exclusion", "inclusion"]]


def sentiment_by_voice(sentiment: pd.DataFrame, method: str) -> pd.DataFrame:
    """Mean polarity toward each actor per outlet and voice (the journalist or a quoted speaker group)."""
    s = sentiment[sentiment["method"] == method]
    return _polarity(s.assign(voice_of=voice_of(s)), ["outlet", "actor", "voice_of"], method)


def sentiment_by_method(sentiment: pd.DataFrame, methods) -> pd.DataFrame:
    """``sentiment_by_outlet`` for each method, one table."""
    return sentiment_by_method_chunks(lambda: [sentiment], methods)


def sentiment_by_method_chunks(chunks, methods) -> pd.DataFrame:
    """``sentiment_by_method`` of a table read as consecutive chunks (``chunks()`` gives one pass over the
    table): a large run's summary keeps only the polarities and counts of each group and method, not the
    table."""
    parts: dict[str, list[dict]] = {m: [] for m in methods}
    for c in chunks():
        for m, rows in c.groupby("method", sort=False):
            if m in parts:
                parts[m].append(polarity_parts(rows, ["outlet", "actor"]))
    return pd.concat([polarity_from(join_polarity_parts(parts[m]), ["outlet", "actor"], m) for m in methods],
                     ignore_index=True)


def method_robustness(sentiment: pd.DataFrame, methods) -> pd.DataFrame:
    """Rank of each outlet's mean polarity toward each actor under each method; does the ranking change?

    Outlets are ranked among those that every method scored for the actor (the same outlets under
    each method); an outlet some method could not score (no lexicon cue in any window) gets no rank
    and ``ranking_changes`` <NA>, since a ranking that cannot be compared is not "unchanged"."""
    methods = list(methods)
    if not methods:
        return pd.DataFrame()
    means = sentiment_by_method(sentiment, methods)
    wide = means.set_index(["actor", "outlet", "method"])["mean_polarity"].unstack("method").reindex(columns=methods)
    complete = wide.notna().all(axis=1)
    ranks = wide[complete].groupby(level="actor").rank(ascending=False, method="min").reindex(wide.index)
    ranks["ranking_changes"] = (ranks[methods].nunique(axis=1) > 1).astype("boolean").mask(~complete)
    ranks.columns.name = None
    return ranks.reset_index()


# ------------------------------------------------------------------ framing
FRAMING_SUMMARY_COLUMNS = ["outlet", "actor", "exclusion", "inclusion", "exclusion_per_1000", "inclusion_per_1000",
                           "sidelining_index", "ci_low", "ci_high", "headline_exclusion", "headline_inclusion",
                           "exclusion_explicit", "exclusion_demand", "exclusion_implicit", "exclusion_quoted",
                           "inclusion_quoted"]
KIND_ORDER = {"explicit": 0, "demand": 1, "implicit": 2}


def framing_by_outlet(framing: pd.DataFrame, articles: pd.DataFrame, actors: list[str] | None = None) -> pd.DataFrame:
    """Exclusion and inclusion (distinct framed sentences) per outlet and actor, per 1,000 words,
    the sidelining index (excl - incl) / (excl + incl) with a bootstrap interval over articles,
    how many of them are in headlines, the exclusion sentences by kind (a sentence with cues of several
    kinds counts once, as explicit before demand before implicit) and the sentences whose frame of the actor is
    only in quotations (a cue in the journalist's voice makes the sentence the journalist's)."""
    words = articles.groupby("outlet")["n_words"].sum()
    f = framed_sentences(framing)
    rows = []
    outlets = outlet_order(articles)
    counts = f.groupby(["actor", "article_id", "frame"]).size()
    ids_of = {o: articles.loc[articles["outlet"] == o, "article_id"].tolist() for o in outlets}
    for actor in actors if actors is not None else sorted(f["actor"].unique()):
        per = counts[actor].unstack("frame", fill_value=0) if actor in counts.index.get_level_values(0) else None
        for outlet in outlets:
            g = f[(f["outlet"] == outlet) & (f["actor"] == actor)]
            ex, inc = int((g["frame"] == "exclusion").sum()), int((g["frame"] == "inclusion").sum())
            per_article = []  # (exclusion, inclusion) of every article of the outlet, in article order
            for aid in ids_of[outlet]:
                if per is not None and aid in per.index:
                    row = per.loc[aid]
                    per_article.append((int(row.get("exclusion", 0)), int(row.get("inclusion", 0))))
                else:
                    per_article.append((0, 0))
            lo, hi = _index_ci(per_article)
            rows.append({"outlet": outlet, "actor": actor, "exclusion": ex, "inclusion": inc,
                         "exclusion_per_1000": round(ex / words[outlet] * 1000, 3) if words[outlet] else 0.0,
                         "inclusion_per_1000": round(inc / words[outlet] * 1000, 3) if words[outlet] else 0.0,
                         "sidelining_index": round((ex - inc) / (ex + inc), 4) if ex + inc else float("nan"),
                         "ci_low": lo, "ci_high": hi,
                         "headline_exclusion": int(((g["frame"] == "exclusion") & (g["in_headline"] == 1)).sum()),
                         "headline_inclusion": int(((g["frame"] == "inclusion") & (g["in_headline"] == 1)).sum()),
                         **_by_kind_and_voice(g)})
    return pd.DataFrame(rows, columns=FRAMING_SUMMARY_COLUMNS)


def framed_sentences(framing: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, actor and frame (the units ``framing_by_outlet`` counts): of a sentence's cues the
    one of the first kind (explicit, demand, implicit), in the journalist's voice before a quotation's."""
    f = framing.assign(_k=framing["kind"].map(KIND_ORDER).fillna(3), _q=(framing["voice"] == "quoted").astype(int))
    f = f.sort_values(["_k", "_q"], kind="stable").drop_duplicates(["article_id", "sentence_id", "actor", "frame"])
    return f.drop(columns=["_k", "_q"]).sort_index()


def _by_kind_and_voice(g: pd.DataFrame) -> dict:
    ex = g[g["frame"] == "exclusion"]
    out = {f"exclusion_{k}": int((ex["kind"] == k).sum()) for k in KIND_ORDER}
    quoted = g["voice"] == "quoted"
    out["exclusion_quoted"] = int((quoted & (g["frame"] == "exclusion")).sum())
    out["inclusion_quoted"] = int((quoted & (g["frame"] == "inclusion")).sum())
    return out


def _index_ci(per_article: list[tuple[int, int]]):
    """Bootstrap over articles of the pooled index; nan when fewer than 2 articles carry a frame."""
    arr = np.array(per_article, dtype=float).reshape(-1, 2)
    if (arr.sum(axis=1) > 0).sum() < 2:
        return float("nan"), float("nan")

    def index(idx):
        tot = arr[idx].sum(axis=1)
        den = tot[:, 0] + tot[:, 1]
        return np.where(den > 0, (tot[:, 0] - tot[:, 1]) / np.where(den > 0, den, 1), np.nan)
    lo, hi = bootstrap(len(arr), index)
    return round(lo, 4), round(hi, 4)


def concordance(framing: pd.DataFrame, width: int = 60) -> pd.DataFrame:
    """Keyword in context: outlet, article, left context, cue, right context, actor, frame, rule."""
    rows = []
    for r in framing.itertuples(index=False):
        sent = r.sentence
        s_rel = sent.find(r.text)
        left, right = (sent[:s_rel], sent[s_rel + len(r.text):]) if s_rel >= 0 else ("", "")
        rows.append({"outlet": r.outlet, "article_id": r.article_id, "sentence_id": r.sentence_id,
                     "left": left[-width:], "cue": r.text, "right": right[:width], "actor": r.actor,
                     "frame": r.frame, "rule": r.rule, "voice": r.voice, "in_headline": r.in_headline})
    return pd.DataFrame(rows, columns=["outlet", "article_id", "sentence_id", "left", "cue", "right", "actor", "frame",
                                       "rule", "voice", "in_headline"])


# ------------------------------------------------------------------ over time
PERIODS = ("day", "week", "month")
TIME_MEASURES = ("exclusion_per_1000", "inclusion_per_1000", "quote_share")


def period_starts(dates: pd.Series, period: str | None = None) -> tuple[pd.Series, str]:
    """The first day (ISO text) of the day, week (Monday) or month each date falls in, "" for a missing or
    unreadable date, and the period used: ``None`` chooses from the dates' range (up to 31 days: day; up
    to two years: week; longer: month)."""
    d = pd.to_datetime(dates.fillna("").astype(str).str[:10], format="%Y-%m-%d", errors="coerce")
    if period is None:
        span = (d.max() - d.min()).days if d.notna().any() else 0
        period = "day" if span <= 31 else "week" if span <= 730 else "month"
    if period not in PERIODS:
        raise ValueError(f"period = {period!r}: choose from {', '.join(PERIODS)} (or None to choose from the dates)")
    if period == "week":
        d = d - pd.to_timedelta(d.dt.day_of_week, unit="D")
    elif period == "month":
        d = d - pd.to_timedelta(d.dt.day - 1, unit="D")
    return d.dt.strftime("%Y-%m-%d").fillna(""), period


def _ratio_ci(num: np.ndarray, den: np.ndarray, scale: float = 1.0):
    """Bootstrap over articles of sum(num) / sum(den); nan for fewer than 2 articles."""
    if len(num) < 2:
        return float("nan"), float("nan")

    def ratio(idx):
        d = den[idx].sum(axis=1)
        return np.where(d > 0, num[idx].sum(axis=1) / np.where(d > 0, d, 1) * scale, np.nan)
    lo, hi = bootstrap(len(num), ratio)
    return round(float(lo), 4), round(float(hi), 4)


def over_time(tables: dict, actor: str, period: str | None = None, min_n: int = 5) -> tuple[pd.DataFrame, str, int]:
    """Per outlet and period: the actor's exclusion and inclusion sentences per 1,000 words and its share of
    quoted words (direct and partial quotations, as ``quote_share``), each with a bootstrap 95% interval
    over the period's articles.

    Returns ``(rows, period, undated)``: one row per outlet, period and measure (``TIME_MEASURES``) with
    value, ci_low, ci_high, n (articles for the frame rates, quotations for the share), n_articles, the
    framed sentences or quoted words behind the value (``count``) and low_n (n < ``min_n``, or a single
    article, over which no interval can be drawn); the period
    used; how many articles have no date and are left out."""
    arts = tables["articles"][["article_id", "outlet", "date", "n_words"]].copy()
    arts["period"], period = period_starts(arts["date"], period)
    undated = int((arts["period"] == "").sum())
    arts = arts[arts["period"] != ""]
    f = tables["framing"]
    f = f[f["actor"] == actor].drop_duplicates(["article_id", "sentence_id", "frame"])
    frames = f.groupby(["article_id", "frame"]).size().unstack("frame", fill_value=0)
    q = tables["quotes"]
    q = q[q["kind"].isin(QUOTED_KINDS)]
    qn = q.groupby("article_id").agg(quotes=("n_words", "size"), quoted_words=("n_words", "sum"))
    focal = q[q["speaker_actor"] == actor].groupby("article_id")["n_words"].sum()
    per = arts.set_index("article_id")
    for col in ("exclusion", "inclusion"):
        per[col] = frames[col].reindex(per.index).fillna(0).astype(int) if col in frames else 0
    per["quotes"] = qn["quotes"].reindex(per.index).fillna(0).astype(int)
    per["quoted_words"] = qn["quoted_words"].reindex(per.index).fillna(0).astype(int)
    per["focal_words"] = focal.reindex(per.index).fillna(0).astype(int)
    rows = []
    for (outlet, start), g in per.groupby(["outlet", "period"], sort=True):
        words, n_art = g["n_words"].to_numpy(float), len(g)
        for col in ("exclusion", "inclusion"):
            num = g[col].to_numpy(float)
            value = round(num.sum() / words.sum() * 1000, 4) if words.sum() else float("nan")
            lo, hi = _ratio_ci(num, words, 1000.0)
            rows.append((outlet, start, f"{col}_per_1000", value, lo, hi, n_art, n_art, int(num.sum())))
        qw, fw = g["quoted_words"].to_numpy(float), g["focal_words"].to_numpy(float)
        value = round(fw.sum() / qw.sum(), 4) if qw.sum() else float("nan")
        lo, hi = _ratio_ci(fw, qw) if qw.sum() else (float("nan"), float("nan"))
        rows.append((outlet, start, "quote_share", value, lo, hi, int(g["quotes"].sum()), n_art, int(fw.sum())))
    out = pd.DataFrame(rows, columns=["outlet", "period", "measure", "value", "ci_low", "ci_high", "n", "n_articles",
                                      "count"])
    out["low_n"] = (out["n"] < min_n) | (out["n_articles"] < 2)  # one article: no interval over articles
    return out, period, undated
