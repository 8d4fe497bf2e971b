"""The toolkit's figures: one builder per figure, shared by the notebooks and the figure test.

``build(name, tables, params)`` returns (figure, plotted data); ``make(name, ...)`` also saves
them through ``plots.save_figure``. The README lists every figure and its notebook.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

import numpy as np
import matplotlib.dates as mdates
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from . import compare, plots
from .measures.sentiment import METHODS

FIGURES = {
    "fig1-actor-visibility": "01_corpus",
    "fig2-quote-share-actor": "02_quotes",
    "fig3-top-speakers": "02_quotes",
    "fig4-sentiment-by-outlet": "03_sentiment",
    "fig5-sidelining": "04_framing",
    "fig6-outlet-summary": "05_summary",
    "fig7-sentiment-methods": "03_sentiment",
    "fig8-voices-framing": "08_voices",
    "fig9-voices-tone": "08_voices",
    "fig10-over-time": "09_time",
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
    min_n: int = plots.MIN_N                   # estimates on fewer items are drawn grey and marked
    estimates: pd.DataFrame | None = None      # estimates.csv of `validate estimate`: figures 4-6 draw these
    period: str | None = None                  # day | week | month of the time figure (None: from the dates)


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
                                 title="Actor visibility by outlet\n(labels: mention counts)")
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
    fig, ax = plots.new_figure(max(2.4, 1.1 + 0.06 * len(top) * len(outlets)))
    y = np.arange(len(top))[::-1]
    h = 0.8 / max(1, len(outlets))
    hatches = ["", "////", "....", "xxxx", "\\\\\\\\", "++++", "oooo"]
    for i, o in enumerate(outlets):
        vals = data[data["outlet"] == o].set_index("speaker").reindex(top)["quotes"].astype(float).to_numpy()
        ax.barh(y + 0.4 - h * (i + 0.5), vals, h, color=[colors[s] for s in top], hatch=hatches[i % len(hatches)],
                edgecolor="white", linewidth=0.3)
    ax.set_yticks(y, [plots._wrap(s, 20) for s in top])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("quotations (direct + partial)")
    ax.set_title("Most quoted speakers by outlet")
    # two keys whose swatches look like the bars: outlets by hatch (neutral grey), actor groups by colour
    groups = sorted({actor_of.get(s, "") or "(unknown)" for s in top})
    handles = [Patch(facecolor="#888888", hatch=hatches[i % len(hatches)], edgecolor="white", linewidth=0.3, label=o)
               for i, o in enumerate(outlets)]
    handles += [Patch(facecolor=actor_colors.get(g, "#999999"), label=f"colour: {g}") for g in groups]
    plots.legend_below(fig, handles, max_columns=2)
    data = data.assign(speaker_actor=data["speaker"].map(actor_of))[["outlet", "speaker", "speaker_actor", "quotes", "words"]]
    return fig, data


def _flag_few(data: pd.DataFrame, n: str, p: Params) -> pd.DataFrame:
    """The figure data says which estimates are drawn as too few to compare."""
    return data.assign(low_n=~(data[n].fillna(0) >= p.min_n))


# the corrected figures and the measures of estimates.csv each draws
CORRECTED_FIGURES = {"fig4-sentiment-by-outlet": ("sentiment",), "fig5-sidelining": ("framing",),
                     "fig6-outlet-summary": ("speaker", "sentiment", "framing"),
                     "fig7-sentiment-methods": ("sentiment",)}
FEW_CODED = "hollow: no interval (too few coded)"
CORRECTED_NOTE = "corrected by the coded sample, 95% interval; x: naive"


def _of_method(e: pd.DataFrame, method: str) -> pd.DataFrame:
    """The rows of an estimates table for one sentiment method (rows of other measures kept): every method's
    sentiment rows rest on the same coded items."""
    return e[(e["measure"] != "sentiment") | (e["method"] == method)]


def _coded_items(e: pd.DataFrame, outlets, measures) -> int:
    """Coded items behind the estimates of ``measures`` in ``outlets``. Sentiment and framing items are
    (sentence, actor) units, so each actor's row counts its own (one quantity per measure, as every quantity
    of an actor rests on the same items); a speaker item is a quotation of the outlet, shared by every
    group's row, so it counts once per outlet."""
    e = e[e["outlet"].isin(outlets)]
    total = 0
    for m in measures:
        rows = e[e["measure"] == m]
        if rows.empty:
            continue
        rows = rows[rows["quantity"] == rows["quantity"].iloc[0]]
        total += int(rows.groupby("outlet")["n_coded"].max().sum() if m == "speaker" else rows["n_coded"].sum())
    return total


def _corrected(p: Params, outlets, measure: str, quantity: str, actors=None, every_method: bool = False) -> pd.DataFrame:
    """The rows of ``p.estimates`` a corrected figure draws (sentiment rows of ``p.method``, or of every method),
    with the text beside each estimate (units and coded items) and ``low_n`` where the coded sample gives no
    interval (its note says why)."""
    e = p.estimates if every_method else _of_method(p.estimates, p.method)
    d = e[(e["measure"] == measure) & (e["quantity"] == quantity) & e["outlet"].isin(outlets)]
    if actors is not None:
        d = d[d["actor"].isin(actors)]
    d = d.reset_index(drop=True)
    no_value = d["corrected"].isna()
    d["label"] = [f"n={a}, coded {c}" + (": too few" if nv else "") for a, c, nv in zip(d["n_auto"], d["n_coded"], no_value)]
    d["low_n"] = d["corrected_low"].isna()
    return d


def _sentiment_corrected(tables, p: Params):
    outlets = _outlets(tables, p)
    data = _corrected(p, outlets, "sentiment", "negative_share")
    fig, ax = plots.point_intervals(data, "outlet", "actor", "corrected", _colors(tables, p), "corrected_low",
                                    "corrected_high", "n_coded", group_order=outlets, label="label", few="low_n",
                                    few_label=FEW_CODED, ghost="naive", zero=False,
                                    xlabel=f"share of negative mentions ({p.method}),\n{CORRECTED_NOTE}",
                                    title="Negative sentiment toward each actor\n(corrected)")
    ax.set_xlim(-0.02, 1.02)
    return fig, data


def fig_sentiment(tables, p: Params):
    if p.estimates is not None:
        return _sentiment_corrected(tables, p)
    data = compare.sentiment_by_outlet(tables["sentiment"], p.method)
    outlets = _outlets(tables, p)
    data = _flag_few(data[data["outlet"].isin(outlets)], "n_scored", p)
    fig, ax = plots.point_intervals(data, "outlet", "actor", "mean_polarity", _colors(tables, p), "ci_low", "ci_high",
                                    "n_scored", group_order=outlets, min_n=p.min_n,
                                    xlabel=f"mean polarity ({p.method}), 95% bootstrap interval",
                                    title="Sentiment toward each actor")
    return fig, data


def _methods_corrected(tables, p: Params):
    """The focal actor's share of negative mentions per outlet, corrected by the coded sample through each
    method's labels: one truth estimated by every method (intervals as narrow as the method is good)."""
    outlets = _outlets(tables, p)
    data = _corrected(p, outlets, "sentiment", "negative_share", [p.focal_actor], every_method=True)
    methods = [m for m in METHODS if m in set(data["method"])]
    fig, ax = plots.point_intervals(data, "outlet", "method", "corrected", plots.METHOD_COLORS, "corrected_low",
                                    "corrected_high", "n_coded", group_order=outlets, series_order=methods,
                                    label="label", few="low_n", few_label=FEW_CODED, ghost="naive", zero=False,
                                    xlabel=f"share of negative mentions of {p.focal_actor},\n{CORRECTED_NOTE}",
                                    title=f"Negative sentiment toward {p.focal_actor} by method (corrected)")
    ax.set_xlim(-0.02, 1.02)
    return fig, data


def fig_sentiment_methods(tables, p: Params):
    """The focal actor's mean polarity per outlet under every method in the table: does the picture hold?"""
    if p.estimates is not None:
        return _methods_corrected(tables, p)
    outlets = _outlets(tables, p)
    present = set(tables["sentiment"]["method"])
    methods = [m for m in METHODS if m in present]
    data = compare.sentiment_by_method(tables["sentiment"], methods)
    data = _flag_few(data[(data["actor"] == p.focal_actor) & data["outlet"].isin(outlets)], "n_scored", p)
    fig, ax = plots.point_intervals(data, "outlet", "method", "mean_polarity", plots.METHOD_COLORS, "ci_low",
                                    "ci_high", "n_scored", group_order=outlets, series_order=methods, min_n=p.min_n,
                                    xlabel="mean polarity, 95% bootstrap interval\n(scales differ by method)",
                                    title=f"Sentiment toward {p.focal_actor} by method")
    return fig, data


def _sidelining_corrected(tables, p: Params):
    outlets = _outlets(tables, p)
    data = pd.concat([_corrected(p, outlets, "framing", f"{frame}_per_article", [p.focal_actor]).assign(frame=frame)
                      for frame in ("exclusion", "inclusion")], ignore_index=True)
    fig, ax = plots.point_intervals(data, "outlet", "frame", "corrected", plots.FRAME_COLORS, "corrected_low",
                                    "corrected_high", "n_coded", group_order=outlets,
                                    series_order=["exclusion", "inclusion"], label="label", few="low_n",
                                    few_label=FEW_CODED, ghost="naive", zero=False,
                                    xlabel=f"framed sentences per article,\n{CORRECTED_NOTE}",
                                    title=f"{p.focal_actor}: sidelining vs inclusion language (corrected)")
    ax.set_xlim(left=0)
    return fig, data


def fig_sidelining(tables, p: Params):
    if p.estimates is not None:
        return _sidelining_corrected(tables, p)
    data = compare.framing_by_outlet(tables["framing"], tables["articles"], [p.focal_actor])
    outlets = _outlets(tables, p)
    data = data[data["outlet"].isin(outlets)]
    long = data.melt(id_vars=["outlet", "actor"], value_vars=["exclusion", "inclusion"], var_name="frame",
                     value_name="sentences")
    fig, ax = plots.grouped_bars(long, "outlet", "frame", "sentences", plots.FRAME_COLORS, labels="sentences",
                                 group_order=outlets, series_order=["exclusion", "inclusion"],
                                 ylabel="framed sentences", integer=True,
                                 title=f"{p.focal_actor}: sidelining vs inclusion language")
    return fig, data


def _summary_corrected(tables, p: Params):
    outlets = _outlets(tables, p)
    panels = [("speaker", "share_quoted_words", f"Quoted words: {p.focal_actor}", "share of quoted words", (0, 1)),
              ("sentiment", "negative_share", f"Negative toward {p.focal_actor}", f"share of negative mentions ({p.method})",
               (0, 1)),
              ("framing", "sidelining_index", f"Sidelining index: {p.focal_actor}", "(excl. - incl.) / (excl. + incl.)",
               (-1.1, 1.1))]
    fig, axes = plots.new_figure(max(2.4, 1.4 + 0.22 * len(outlets)), plots.COLUMN_WIDTH * 2, panels=3, sharey=True)
    fig.get_layout_engine().set(wspace=0.08)
    color = {p.focal_actor: _colors(tables, p).get(p.focal_actor, "#0072B2")}
    parts = []
    for ax, (measure, quantity, title, xlabel, lim) in zip(axes, panels):
        d = _corrected(p, outlets, measure, quantity, [p.focal_actor])
        plots.point_intervals(d, "outlet", "actor", "corrected", color, "corrected_low", "corrected_high", "n_coded",
                              group_order=outlets, label="label", few="low_n", ghost="naive", ax=ax, legend=False,
                              zero=lim[0] < 0, title=plots._wrap(title, 34), xlabel=xlabel)
        ax.set_xlim(*lim)
        parts.append(d)
    fig.suptitle("Corrected by the coded sample: 95% intervals; x: naive", fontsize=7)
    handles = [plots.ghost_handle()]
    data = pd.concat(parts, ignore_index=True)
    if data["low_n"].any():
        handles.append(plots.few_handle(label=FEW_CODED))
    plots.legend_below(fig, handles)
    return fig, data


def fig_summary(tables, p: Params):
    if p.estimates is not None:
        return _summary_corrected(tables, p)
    outlets = _outlets(tables, p)
    qs = compare.quote_share(tables["quotes"], tables["articles"], by="actor")
    n_quotes = qs.groupby("outlet")["quotes"].sum().reindex(outlets).fillna(0).astype(int)
    qs = qs[qs["speaker_actor"] == p.focal_actor].set_index("outlet")["share_words"].reindex(outlets).fillna(0)
    se = compare.sentiment_by_outlet(tables["sentiment"], p.method)
    se = se[se["actor"] == p.focal_actor].set_index("outlet").reindex(outlets)
    fr = compare.framing_by_outlet(tables["framing"], tables["articles"], [p.focal_actor]).set_index("outlet").reindex(outlets)
    data = pd.DataFrame({"outlet": outlets, "actor": p.focal_actor, "quoted_word_share": qs.to_numpy(),
                         "n_quotes": n_quotes.to_numpy(),
                         "mean_polarity": se["mean_polarity"].to_numpy(), "polarity_ci_low": se["ci_low"].to_numpy(),
                         "polarity_ci_high": se["ci_high"].to_numpy(),
                         "n_scored": se["n_scored"].fillna(0).astype(int).to_numpy(),
                         "exclusion": fr["exclusion"].to_numpy(), "inclusion": fr["inclusion"].to_numpy(),
                         "sidelining_index": fr["sidelining_index"].to_numpy(),
                         "index_ci_low": fr["ci_low"].to_numpy(), "index_ci_high": fr["ci_high"].to_numpy()})
    data["n_framed"] = data["exclusion"] + data["inclusion"]
    data["low_n_polarity"] = data["n_scored"] < p.min_n
    data["low_n_index"] = data["n_framed"] < p.min_n
    fig, axes = plots.new_figure(max(2.2, 1.2 + 0.22 * len(outlets)), plots.COLUMN_WIDTH * 2, panels=3, sharey=True)
    fig.get_layout_engine().set(wspace=0.08)
    y = np.arange(len(outlets))[::-1]
    color = _colors(tables, p).get(p.focal_actor, "#0072B2")
    axes[0].barh(y, data["quoted_word_share"], color=color, height=0.6)
    for yy, n in zip(y, data["n_quotes"]):
        plots.n_label(axes[0], yy, f"n={n}")
    axes[0].set_xlim(0, 1)
    axes[0].set_xlabel("share of quoted words\n(n: quotations in the outlet)")
    axes[0].set_title(plots._wrap(f"Quoted words: {p.focal_actor}", 34))
    colors = {p.focal_actor: color}
    plots.point_intervals(data, "outlet", "actor", "mean_polarity", colors, "polarity_ci_low", "polarity_ci_high",
                          "n_scored", group_order=outlets, min_n=p.min_n, ax=axes[1], legend=False,
                          xlabel=f"mean polarity ({p.method}),\n95% bootstrap interval",
                          title=plots._wrap(f"Polarity toward {p.focal_actor}", 34))
    plots.point_intervals(data, "outlet", "actor", "sidelining_index", {p.focal_actor: plots.FRAME_COLORS["exclusion"]},
                          "index_ci_low", "index_ci_high", "n_framed", group_order=outlets, min_n=p.min_n,
                          ax=axes[2], legend=False, title=plots._wrap(f"Sidelining index: {p.focal_actor}", 34),
                          xlabel="(excl. - incl.) / (excl. + incl.),\nn: framed sentences")
    axes[2].set_xlim(-1.1, 1.1)
    if data["low_n_polarity"].any() or data["low_n_index"].any():
        plots.legend_below(fig, [plots.few_handle(p.min_n)])
    return fig, data


def _voice_colors(tables, p: Params, voices) -> dict[str, str]:
    colors = _colors(tables, p)
    return {v: "#444444" if v == compare.JOURNALIST else "#BBBBBB" if v == compare.OTHER_SPEAKER
            else colors.get(v, "#999999") for v in voices}


def _voice_order(voices) -> list[str]:
    voices = set(voices)
    return ([compare.JOURNALIST] if compare.JOURNALIST in voices else []) + sorted(
        v for v in voices if v not in (compare.JOURNALIST, compare.OTHER_SPEAKER)) + (
        [compare.OTHER_SPEAKER] if compare.OTHER_SPEAKER in voices else [])


def fig_voices_framing(tables, p: Params):
    """Whose words frame the focal actor as excluded or included: the journalist or which speaker group."""
    outlets = _outlets(tables, p)
    data = compare.framing_by_voice(tables["framing"], [p.focal_actor])
    data = data[data["outlet"].isin(outlets)].reset_index(drop=True)
    voices = _voice_order(data["voice_of"])
    colors = _voice_colors(tables, p, voices)
    fig, axes = plots.new_figure(max(2.2, 1.3 + 0.22 * len(outlets)), plots.COLUMN_WIDTH * 2, panels=2, sharey=True,
                                 sharex=True)
    y = np.arange(len(outlets))[::-1]
    for ax, frame in zip(axes, ("exclusion", "inclusion")):
        totals = plots.stacked_barh(ax, data, "outlet", "voice_of", frame, colors, outlets, voices, height=0.6,
                                    labels=frame == "exclusion")
        for yy, total in zip(y, totals):
            ax.annotate(f"{int(total)}", (total, yy), xytext=(2, 0), textcoords="offset points", va="center",
                        fontsize=5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("framed sentences, by whose words")
        ax.set_title(plots._wrap(f"{p.focal_actor} framed as {'excluded' if frame == 'exclusion' else 'included'}", 40))
    axes[0].set_yticks(y, [plots._wrap(o, 18) for o in outlets])
    most = data.groupby("outlet")[["exclusion", "inclusion"]].sum().to_numpy().max(initial=0)
    axes[0].set_xlim(0, max(1.0, float(most)) * 1.12)
    plots.legend_below(fig, max_columns=4)
    return fig, data


def fig_voices_tone(tables, p: Params):
    """Mean polarity toward the focal actor per outlet in the journalist's words and in each speaker group's."""
    outlets = _outlets(tables, p)
    data = compare.sentiment_by_voice(tables["sentiment"], p.method)
    data = _flag_few(data[(data["actor"] == p.focal_actor) & data["outlet"].isin(outlets)].reset_index(drop=True),
                     "n_scored", p)
    data["label"] = [f"n={n}" for n in data["n_scored"]]  # a voice whose words no cue scored shows n=0
    voices = _voice_order(data["voice_of"])
    fig, ax = plots.point_intervals(data, "outlet", "voice_of", "mean_polarity", _voice_colors(tables, p, voices),
                                    "ci_low", "ci_high", "n_scored", group_order=outlets, series_order=voices,
                                    min_n=p.min_n, label="label",
                                    xlabel=f"mean polarity ({p.method}), 95% bootstrap interval",
                                    title=f"Tone toward {p.focal_actor}, by whose words")
    return fig, data


TIME_PANELS = {"exclusion_per_1000": "exclusion sentences per 1,000 words",
               "inclusion_per_1000": "inclusion sentences per 1,000 words",
               "quote_share": "share of quoted words"}


def fig_over_time(tables, p: Params):
    """One row of panels per outlet: the focal actor's exclusion and inclusion rates and its share of quoted
    words per period, each a point with its bootstrap interval over the period's articles (hollow: too few)."""
    outlets = _outlets(tables, p)
    data, period, _ = compare.over_time(tables, p.focal_actor, p.period, p.min_n)
    data = data[data["outlet"].isin(outlets)].reset_index(drop=True)
    dates = pd.to_datetime(data["period"])
    fig, axes = plots.new_figure(0.8 + 0.95 * len(outlets), plots.COLUMN_WIDTH * 2, panels=1, nrows=len(outlets),
                                 ncols=3, sharex=True, sharey="col", squeeze=False)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=5)
    colors = {"exclusion_per_1000": plots.FRAME_COLORS["exclusion"],
              "inclusion_per_1000": plots.FRAME_COLORS["inclusion"],
              "quote_share": _colors(tables, p).get(p.focal_actor, "#0072B2")}
    for r, outlet in enumerate(outlets):
        for c, measure in enumerate(compare.TIME_MEASURES):
            ax = axes[r][c]
            sel = (data["outlet"] == outlet) & (data["measure"] == measure)
            d, x = data[sel], dates[sel]
            color = colors[measure]
            ax.plot(x, d["value"], color=color, linewidth=0.5, alpha=0.5, zorder=1)
            for xx, v, lo, hi, few in zip(x, d["value"], d["ci_low"], d["ci_high"], d["low_n"]):
                alpha = plots.FEW_ALPHA if few else 1.0
                if lo == lo and hi == hi:
                    ax.plot([xx, xx], [lo, hi], color=color, alpha=alpha, linewidth=0.8, zorder=2)
                if v == v:
                    ax.plot([xx], [v], marker="o", markersize=2.6, color=color, alpha=alpha, linestyle="none",
                            markerfacecolor="white" if few else color, markeredgewidth=0.7, zorder=3,
                            clip_on=False)  # a zero stays visible on the axis
            if r == 0:
                ax.set_title(plots._wrap(f"{p.focal_actor}: {TIME_PANELS[measure]}", 30), fontsize=7)
            if c == 0:
                ax.set_ylabel(plots._wrap(outlet, 16), fontsize=6)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            ax.tick_params(axis="x", labelsize=5)
    for c, measure in enumerate(compare.TIME_MEASURES):  # after drawing: shared y limits hold every point
        top = data.loc[data["measure"] == measure, ["value", "ci_high"]].max().max()
        axes[0][c].set_ylim(0, 1 if measure == "quote_share" else max(1.0, float(top) * 1.08 if top == top else 1.0))
    fig.suptitle(f"{p.focal_actor} per {period}, 95% bootstrap intervals over the {period}'s articles", fontsize=7)
    if data["low_n"].any():
        plots.legend_below(fig, [plots.few_handle(p.min_n, f"hollow: n < {p.min_n} or one article, too few")])
    return fig, data


BUILDERS = {
    "fig1-actor-visibility": fig_actor_visibility,
    "fig2-quote-share-actor": fig_quote_share_actor,
    "fig3-top-speakers": fig_top_speakers,
    "fig4-sentiment-by-outlet": fig_sentiment,
    "fig5-sidelining": fig_sidelining,
    "fig6-outlet-summary": fig_summary,
    "fig7-sentiment-methods": fig_sentiment_methods,
    "fig8-voices-framing": fig_voices_framing,
    "fig9-voices-tone": fig_voices_tone,
    "fig10-over-time": fig_over_time,
}


# what a reader needs to weigh each figure: how far its method can be trusted, measured on data it was not
# built from (README, "The measures and their validity", where each number is reproduced)
VALIDITY = {
    "mentions": "Mentions are the actors file's names, aliases and roles matched in the text; an actor the file "
                "does not name is not counted.",
    "speakers": "Speakers by the learned attribution model: speaker accuracy 0.925 in 5-fold cross-validation on "
                "PolNeAR train, 0.86 on quotations of two other negotiations.",
    "textblob": "TextBlob on a window around the mention: macro-F1 0.415 on NewsMTSC dev_rw, a coarse signal.",
    "vader": "VADER on a window around the mention: macro-F1 0.507 on NewsMTSC dev_rw.",
    "trained": "The trained model: macro-F1 0.715 on NewsMTSC dev_rw and 0.621 on dev_mt.",
    "framing": "Sidelining lexicon, on a negotiation it was not written from: exclusion recall 0.45 (precision "
               "0.87), inclusion recall 0.38 (precision 0.43); exclusion counts are lower bounds, inclusion counts "
               "are noisy.",
}
CORRECTED = ("Corrected estimates combine every automatic label with {n} coded items of the sample "
             "(prediction-powered, post-stratified by actor; `validate estimate`); crosses are the naive "
             "estimates that take the automatic labels as true. An estimate whose strata have too few coded "
             "items has no interval (hollow) or no value (\"too few\").")


def caption(name: str, tables: dict, p: Params | None = None) -> str:
    """What the figure shows, on which data, with which method, and how far that method can be trusted."""
    p = p or Params()
    arts = tables["articles"]
    outlets = _outlets(tables, p)
    data = f"{len(arts[arts['outlet'].isin(outlets)])} articles of {len(outlets)} outlets"
    few = f"Hollow, faded points: fewer than {p.min_n} items, too few to compare."
    corrected = p.estimates is not None and name in CORRECTED_FIGURES
    if name == "fig10-over-time":
        return _time_caption(tables, p, data)
    text = {
        "fig1-actor-visibility": f"Mentions of each actor per 1,000 words of each outlet ({data}); labels: mention "
                                 f"counts. {VALIDITY['mentions']}",
        "fig2-quote-share-actor": f"Share of each outlet's quoted words (direct and partial quotations in the body) "
                                  f"by the speaker's actor group; n: quotations ({data}). {VALIDITY['speakers']}",
        "fig3-top-speakers": f"Quotations of the {p.top_speakers} most quoted speakers, per outlet; colour: the "
                             f"speaker's actor group ({data}). {VALIDITY['speakers']}",
        "fig4-sentiment-by-outlet": f"Mean {p.method} polarity toward each actor per outlet, with 95% bootstrap "
                                    f"intervals over the scored (sentence, actor) rows; n: scored rows ({data}). "
                                    f"{few} {VALIDITY[p.method]}",
        "fig5-sidelining": f"Sentences framing {p.focal_actor} as excluded from or included in the talks, per outlet "
                           f"({data}). {VALIDITY['framing']}",
        "fig6-outlet-summary": f"{p.focal_actor} per outlet: its share of quoted words (n: the outlet's quotations), "
                               f"mean {p.method} polarity toward it (n: scored rows) and the sidelining index "
                               f"(n: framed sentences), with 95% bootstrap intervals ({data}). {few}",
        "fig7-sentiment-methods": f"Mean polarity toward {p.focal_actor} per outlet under each sentiment method, "
                                  f"95% bootstrap intervals; the scales differ, so compare outlets within a method "
                                  f"({data}). {few} {VALIDITY['textblob']} {VALIDITY['vader']} {VALIDITY['trained']}",
        "fig8-voices-framing": f"Sentences framing {p.focal_actor} as excluded or included, by whose words the "
                               f"frame is in: the journalist's, or a quotation of a speaker of each actor group "
                               f"(a sentence where both frame it counts for each) ({data}). {VALIDITY['framing']} "
                               f"{VALIDITY['speakers']}",
        "fig9-voices-tone": f"Mean {p.method} polarity toward {p.focal_actor} per outlet in the journalist's words "
                            f"and in quotations of each speaker group, 95% bootstrap intervals; n: scored "
                            f"(sentence, actor) rows ({data}). {few} {VALIDITY[p.method]} {VALIDITY['speakers']}",
    }[name]
    if corrected:
        shown = {"fig4-sentiment-by-outlet": f"Share of negative ({p.method}) mentions of each actor per outlet",
                 "fig5-sidelining": f"Exclusion and inclusion sentences of {p.focal_actor} per article",
                 "fig6-outlet-summary": f"{p.focal_actor} per outlet: share of quoted words, share of negative "
                                        f"mentions and the sidelining index",
                 "fig7-sentiment-methods": f"Share of negative mentions of {p.focal_actor} per outlet through each "
                                           f"method's labels (the same coded items correct each: the corrected "
                                           f"estimates estimate one quantity and should agree; the naive crosses "
                                           f"are each method's own share)"}[name]
        n_coded = _coded_items(_of_method(p.estimates, p.method), outlets, CORRECTED_FIGURES[name])
        text = f"{shown}, corrected by the coded sample, 95% intervals ({data}). " + CORRECTED.format(n=n_coded)
    return text


def _time_caption(tables: dict, p: Params, data: str) -> str:
    starts, period = compare.period_starts(tables["articles"]["date"], p.period)  # as over_time reads them
    undated = int((starts == "").sum())
    left_out = f" {undated} articles without a date are left out." if undated else ""
    return (f"{p.focal_actor} per outlet and {period}: exclusion and inclusion sentences per 1,000 words and its "
            f"share of quoted words (direct and partial quotations), with 95% bootstrap intervals over the "
            f"{period}'s articles; n: articles (rates) or quotations (share) ({data}).{left_out} Hollow, faded "
            f"points: fewer than {p.min_n} items or a single article. {VALIDITY['framing']} {VALIDITY['speakers']}")


def show(name: str, tables: dict, p: Params, width: int = 600):
    """In a notebook: write the figure's files, show it, and its caption below it."""
    from IPython.display import Image, Markdown, display
    make(name, tables, p)
    display(Image(filename=f"{p.out_dir}/{name}.png", width=width))
    display(Markdown(f"**{name}.** {caption(name, tables, p)}"))


def build(name: str, tables: dict, params: Params | None = None):
    return BUILDERS[name](tables, params or Params())


def make(name: str, tables: dict, params: Params | None = None):
    p = params or Params()
    fig, data = build(name, tables, p)
    plots.save_figure(fig, name, data, p.out_dir, p.formats)
    return fig, data
