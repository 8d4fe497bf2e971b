"""The toolkit's figures: one builder per figure, shared by the notebooks and the figure test.

``build(name, tables, params)`` returns (figure, plotted data); ``make(name, ...)`` also saves
them through ``plots.save_figure``. The README lists every figure and its notebook.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import compare, plots

FIGURES = {
    "fig1-actor-visibility": "01_corpus",
    "fig2-quote-share-actor": "02_quotes",
    "fig3-top-speakers": "02_quotes",
    "fig4-sentiment-by-outlet": "03_sentiment",
    "fig5-sidelining": "04_framing",
    "fig6-outlet-summary": "05_summary",
    "fig7-sentiment-methods": "03_sentiment",
}


@dataclass
class Params:
    outlets: list[str] | None = None          # outlets to include, in this order (None: all, sorted)
    method: str = "textblob"                  # sentiment method shown
    focal_actor: str = "Ukraine"              # the actor of the sidelining and summary figures
    colors: dict[str, str] = field(default_factory=dict)   # actor -> colour (the run's actors table)
    formats: tuple[str, ...] = ("png", "svg", "pdf")
    out_dir: str = "figures"
    top_speakers: int = 6


def _outlets(tables, p: Params):
    return compare.outlet_order(tables["articles"], p.outlets)


def _colors(tables, p: Params):
    actors = sorted(set(tables["mentions"]["actor"]) | set(tables["quotes"]["speaker_actor"].replace("", pd.NA).dropna()))
    cols = plots.actor_colors(actors, dict(p.colors))
    cols.update({"(unknown)": "#BBBBBB", "(none)": "#FFFFFF"})
    return cols


def fig_actor_visibility(tables, p: Params):
    data = compare.visibility_by_outlet(tables["articles"], tables["visibility"])
    data = data[data["outlet"].isin(_outlets(tables, p))]
    fig, ax = plots.grouped_bars(data, "outlet", "actor", "per_1000_words", _colors(tables, p), labels="mentions",
                                 group_order=_outlets(tables, p), ylabel="mentions per 1,000 words",
                                 title="Actor visibility by outlet (labels: mention counts)")
    return fig, data


def fig_quote_share_actor(tables, p: Params):
    data = compare.quote_share(tables["quotes"], tables["articles"], by="actor")
    outlets = _outlets(tables, p)
    data = data[data["outlet"].isin(outlets)]
    counts = data.groupby("outlet")["quotes"].sum().to_dict()
    order = sorted(a for a in data["speaker_actor"].unique() if not a.startswith("("))
    order += [a for a in ("(unknown)",) if a in set(data["speaker_actor"])]
    fig, ax = plots.stacked_shares(data, "outlet", "speaker_actor", "share_words", _colors(tables, p),
                                   group_order=outlets, series_order=order, counts=counts,
                                   xlabel="share of quoted words (direct + partial)",
                                   title="Who speaks: quoted words by actor group")
    return fig, data


def fig_top_speakers(tables, p: Params):
    data = compare.quote_share(tables["quotes"], tables["articles"], by="speaker")
    outlets = _outlets(tables, p)
    data = data[data["outlet"].isin(outlets) & ~data["speaker"].str.startswith("(")]
    top = data.groupby("speaker")["quotes"].sum().sort_values(ascending=False, kind="stable")
    top = sorted(top.head(p.top_speakers).index)
    data = data[data["speaker"].isin(top)]
    q = tables["quotes"]
    actor_of = q.drop_duplicates("speaker").set_index("speaker")["speaker_actor"].to_dict()
    actor_colors = _colors(tables, p)
    colors = {s: actor_colors.get(actor_of.get(s, ""), "#999999") for s in top}
    full = pd.MultiIndex.from_product([outlets, top], names=["outlet", "speaker"]).to_frame(index=False)
    data = full.merge(data, how="left", on=["outlet", "speaker"]).fillna({"quotes": 0, "words": 0})
    fig, ax = plots.new_figure(2.8)
    import numpy as np
    y = np.arange(len(top))[::-1]
    h = 0.8 / max(1, len(outlets))
    hatches = ["", "////", "....", "xxxx", "\\\\\\\\", "++++", "oooo"]
    for i, o in enumerate(outlets):
        vals = data[data["outlet"] == o].set_index("speaker").reindex(top)["quotes"].astype(float).to_numpy()
        ax.barh(y + 0.4 - h * (i + 0.5), vals, h, color=[colors[s] for s in top], hatch=hatches[i % len(hatches)],
                edgecolor="white", linewidth=0.3, label=o)
    ax.set_yticks(y, top)
    ax.set_xlabel("quotations (direct + partial)")
    ax.set_title("Most quoted speakers by outlet (colour: actor group)")
    ax.legend(frameon=False, loc="lower right")
    data = data.assign(speaker_actor=data["speaker"].map(actor_of))[["outlet", "speaker", "speaker_actor", "quotes", "words"]]
    return fig, data


def fig_sentiment(tables, p: Params):
    data = compare.sentiment_by_outlet(tables["sentiment"], p.method)
    outlets = _outlets(tables, p)
    data = data[data["outlet"].isin(outlets)]
    fig, ax = plots.grouped_bars(data, "outlet", "actor", "mean_polarity", _colors(tables, p), lo="ci_low",
                                 hi="ci_high", labels="n_scored", group_order=outlets, horizontal_zero=True,
                                 ylabel=f"mean polarity ({p.method})", height=2.8,
                                 title="Sentiment toward each actor\n(95% bootstrap CI; labels: n)")
    return fig, data


def fig_sentiment_methods(tables, p: Params):
    """The focal actor's mean polarity per outlet under every method in the table: does the picture hold?"""
    from .measures.sentiment import METHODS
    outlets = _outlets(tables, p)
    present = set(tables["sentiment"]["method"])
    methods = [m for m in METHODS if m in present]
    data = compare.sentiment_by_method(tables["sentiment"], methods)
    data = data[(data["actor"] == p.focal_actor) & data["outlet"].isin(outlets)]
    fig, ax = plots.grouped_bars(data, "outlet", "method", "mean_polarity", plots.METHOD_COLORS, lo="ci_low",
                                 hi="ci_high", labels="n_scored", group_order=outlets, series_order=methods,
                                 horizontal_zero=True, height=2.8,
                                 ylabel="mean polarity (scales differ by method)",
                                 title=f"Sentiment toward {p.focal_actor} by method\n(95% bootstrap CI; labels: n)")
    return fig, data


def fig_sidelining(tables, p: Params):
    data = compare.framing_by_outlet(tables["framing"], tables["articles"], [p.focal_actor])
    outlets = _outlets(tables, p)
    data = data[data["outlet"].isin(outlets)]
    long = data.melt(id_vars=["outlet", "actor"], value_vars=["exclusion", "inclusion"], var_name="frame",
                     value_name="sentences")
    fig, ax = plots.grouped_bars(long, "outlet", "frame", "sentences", plots.FRAME_COLORS, labels="sentences",
                                 group_order=outlets, series_order=["exclusion", "inclusion"],
                                 ylabel="framed sentences", title=f"{p.focal_actor}: sidelining vs inclusion language")
    return fig, data


def fig_summary(tables, p: Params):
    outlets = _outlets(tables, p)
    qs = compare.quote_share(tables["quotes"], tables["articles"], by="actor")
    qs = qs[qs["speaker_actor"] == p.focal_actor].set_index("outlet")["share_words"].reindex(outlets).fillna(0)
    se = compare.sentiment_by_outlet(tables["sentiment"], p.method)
    se = se[se["actor"] == p.focal_actor].set_index("outlet").reindex(outlets)
    fr = compare.framing_by_outlet(tables["framing"], tables["articles"], [p.focal_actor]).set_index("outlet").reindex(outlets)
    data = pd.DataFrame({"outlet": outlets, "actor": p.focal_actor, "quoted_word_share": qs.to_numpy(),
                         "mean_polarity": se["mean_polarity"].to_numpy(), "polarity_ci_low": se["ci_low"].to_numpy(),
                         "polarity_ci_high": se["ci_high"].to_numpy(),
                         "exclusion": fr["exclusion"].to_numpy(), "inclusion": fr["inclusion"].to_numpy(),
                         "sidelining_index": fr["sidelining_index"].to_numpy()})
    import matplotlib.pyplot as plt
    import numpy as np
    plt.rcParams.update(plots.STYLE)
    fig, axes = plt.subplots(1, 3, figsize=(plots.COLUMN_WIDTH * 2, 2.2), layout="constrained", sharey=True)
    y = np.arange(len(outlets))[::-1]
    color = _colors(tables, p).get(p.focal_actor, "#0072B2")
    axes[0].barh(y, data["quoted_word_share"], color=color)
    axes[0].set_xlim(0, 1)
    axes[0].set_title(f"share of quoted words by {p.focal_actor}")
    m = data["mean_polarity"].to_numpy(dtype=float)
    lo, hi = data["polarity_ci_low"].to_numpy(dtype=float), data["polarity_ci_high"].to_numpy(dtype=float)
    axes[1].barh(y, np.nan_to_num(m), color=color)
    ok = ~np.isnan(lo) & ~np.isnan(m)
    axes[1].errorbar(m[ok], y[ok], xerr=[m[ok] - lo[ok], hi[ok] - m[ok]], fmt="none", ecolor="#333333", elinewidth=0.6)
    axes[1].axvline(0, color="#444444", linewidth=0.5)
    axes[1].set_title(f"polarity toward {p.focal_actor} ({p.method})")
    idx = data["sidelining_index"].to_numpy(dtype=float)
    axes[2].barh(y, np.nan_to_num(idx), color=[plots.FRAME_COLORS["exclusion"] if v > 0 else plots.FRAME_COLORS["inclusion"]
                                               for v in np.nan_to_num(idx)])
    for yy, v, e, i in zip(y, idx, data["exclusion"], data["inclusion"]):
        axes[2].annotate(f"{int(e)}/{int(i)}", (0, yy), xytext=(2 if (v != v or v <= 0) else -2, 0),
                         textcoords="offset points", ha="left" if (v != v or v <= 0) else "right", va="center",
                         fontsize=5)
    axes[2].set_xlim(-1.05, 1.05)
    axes[2].axvline(0, color="#444444", linewidth=0.5)
    axes[2].set_title("sidelining index (excl./incl.)")
    axes[0].set_yticks(y, [plots._wrap(o, 18) for o in outlets])
    return fig, data


BUILDERS = {
    "fig1-actor-visibility": fig_actor_visibility,
    "fig2-quote-share-actor": fig_quote_share_actor,
    "fig3-top-speakers": fig_top_speakers,
    "fig4-sentiment-by-outlet": fig_sentiment,
    "fig5-sidelining": fig_sidelining,
    "fig6-outlet-summary": fig_summary,
    "fig7-sentiment-methods": fig_sentiment_methods,
}


def build(name: str, tables: dict, params: Params | None = None):
    return BUILDERS[name](tables, params or Params())


def make(name: str, tables: dict, params: Params | None = None):
    p = params or Params()
    fig, data = build(name, tables, p)
    plots.save_figure(fig, name, data, p.out_dir, p.formats)
    return fig, data
