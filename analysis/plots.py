"""Chart functions and the one save_figure() every figure goes through.

Style: Okabe–Ito colour-blind-safe palette with a fixed colour per actor (the actors
file may set its own), DejaVu Sans (bundled with matplotlib), 3.4 x 2.6 inches (one
column of a two-column paper). Files are byte-identical across runs: fixed SVG hash salt,
no dates or software versions in PNG/SVG/PDF metadata.
"""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from . import sheets as spreadsheet  # noqa: E402

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
FRAME_COLORS = {"exclusion": "#D55E00", "inclusion": "#0072B2"}
METHOD_COLORS = {"textblob": "#999999", "vader": "#56B4E9", "trained": "#000000"}
COLUMN_WIDTH = 3.4
MIN_N = 5            # an estimate on fewer items is drawn hollow and grey, and its n marked
FEW_COLOR = "#AAAAAA"   # the n of such an estimate
FEW_ALPHA = 0.4         # its point (hollow) and interval: the series' colour, faded
GHOST_COLOR = "#666666"  # the naive estimate drawn beside a corrected one
STYLE = {
    "font.family": "DejaVu Sans", "font.size": 7, "axes.titlesize": 8, "axes.labelsize": 7, "legend.fontsize": 6,
    "xtick.labelsize": 6, "ytick.labelsize": 6, "axes.spines.top": False, "axes.spines.right": False,
    "figure.dpi": 100, "savefig.dpi": 200, "svg.hashsalt": "media-framing", "svg.fonttype": "path",
    "pdf.fonttype": 42, "path.simplify": False,
}
METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def actor_colors(actors: list[str], preset: dict[str, str] | None = None) -> dict[str, str]:
    preset = preset or {}
    free = [c for c in OKABE_ITO if c not in preset.values()]
    return {a: preset.get(a) or free[i % len(free)] for i, a in enumerate(sorted(actors))}


def new_figure(height: float = 2.6, width: float = COLUMN_WIDTH, panels: int = 1, **subplots):
    """A figure in the house style; ``panels`` side by side (two-column width), ``subplots`` passed on
    (e.g. ``sharey=True``)."""
    plt.rcParams.update(STYLE)
    if panels > 1:
        return plt.subplots(1, panels, figsize=(width, height), layout="constrained", **subplots)
    return plt.subplots(figsize=(width, height), layout="constrained", **subplots)


def figure_bytes(fig, fmt: str = "png") -> bytes:
    """The figure as a file of format ``fmt`` (png, svg, pdf), byte-identical across runs."""
    buf = io.BytesIO()
    with plt.rc_context(STYLE):
        fig.savefig(buf, format=fmt, metadata=METADATA.get(fmt))
    return buf.getvalue()


def save_figure(fig, name: str, data: pd.DataFrame, out_dir="figures", formats=("png", "svg", "pdf")) -> list[Path]:
    """Write out_dir/name.{png,svg,pdf} and name.csv (the plotted data); returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        p = out / f"{name}.{fmt}"
        p.write_bytes(figure_bytes(fig, fmt))
        paths.append(p)
    p = out / f"{name}.csv"
    spreadsheet.to_csv(data, p)  # figure data is opened in spreadsheets: no cell may act as a formula
    paths.append(p)
    plt.close(fig)
    return paths


def grouped_bars(data: pd.DataFrame, group: str, series: str, value: str, colors: dict[str, str],
                 lo: str | None = None, hi: str | None = None, labels: str | None = None,
                 group_order=None, series_order=None, ylabel: str = "", title: str = "", height: float = 2.6,
                 horizontal_zero: bool = False, integer: bool = False):
    """Groups (outlets) side by side, one bar per series (actor), optional intervals and count labels.
    For amounts measured from zero (counts, rates); means with intervals go through ``point_intervals``.
    ``integer``: the value axis is a count, its ticks whole numbers."""
    fig, ax = new_figure(height)
    groups = list(group_order) if group_order is not None else sorted(data[group].unique())
    series_l = list(series_order) if series_order is not None else sorted(data[series].unique())
    n = max(1, len(series_l))
    width = 0.8 / n
    x = np.arange(len(groups))
    for i, s in enumerate(series_l):
        sub = data[data[series] == s].set_index(group).reindex(groups)
        vals = sub[value].astype(float).to_numpy()
        pos = x - 0.4 + width * (i + 0.5)
        ax.bar(pos, np.nan_to_num(vals), width, label=s, color=colors.get(s, "#999999"), linewidth=0)
        if lo and hi:
            low, high = sub[lo].astype(float).to_numpy(), sub[hi].astype(float).to_numpy()
            ok = ~np.isnan(low) & ~np.isnan(high) & ~np.isnan(vals)
            ax.errorbar(pos[ok], vals[ok], yerr=[vals[ok] - low[ok], high[ok] - vals[ok]], fmt="none",
                        ecolor="#333333", elinewidth=0.6, capsize=1.5)
        if labels:
            for px, v, c in zip(pos, vals, sub[labels].to_numpy()):
                if not np.isnan(v) and c == c:
                    ax.annotate(f"{int(c)}", (px, v), xytext=(0, 1 if v >= 0 else -5), textcoords="offset points",
                                ha="center", fontsize=4.5)
    ax.set_xticks(x, [_wrap(g) for g in groups])
    if integer:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if horizontal_zero:
        ax.axhline(0, color="#444444", linewidth=0.5)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(_wrap(title, 48))
    legend_below(fig)
    return fig, ax


def point_intervals(data: pd.DataFrame, group: str, series: str, value: str, colors: dict[str, str], lo: str,
                    hi: str, n: str, group_order=None, series_order=None, xlabel: str = "", title: str = "",
                    min_n: int = MIN_N, zero: bool = True, ax=None, legend: bool = True,
                    label: str | None = None, few: str | None = None, ghost: str | None = None,
                    few_label: str | None = None):
    """Means with their intervals: one row per group (outlet), one point per series (actor) with its interval
    bar, and the series' n in a column at the right of the panel. An estimate on fewer than ``min_n`` items
    is a hollow, faded point and interval with its n in grey: visible, but not read as a finding.
    Draws on ``ax`` when given (a panel of a larger figure), else on a new figure sized to the rows.
    Optional columns: ``label`` the text beside each estimate (default "n=<n>"), ``few`` a boolean that
    overrides the n < min_n rule, ``ghost`` a second value drawn as a small grey cross on the same row
    (the naive estimate beside a corrected one); ``few_label`` the key's text for the hollow points."""
    groups = list(group_order) if group_order is not None else sorted(data[group].unique())
    series_l = list(series_order) if series_order is not None else sorted(data[series].unique())
    k = max(1, len(series_l))
    if ax is None:
        fig, ax = new_figure(max(2.6, 1.3 + 0.11 * len(groups) * k))
    else:
        fig = ax.figure
    step = 0.8 / k
    y = np.arange(len(groups))[::-1].astype(float)
    few_any = False
    for i, s in enumerate(series_l):
        sub = data[data[series] == s].set_index(group).reindex(groups)
        vals = sub[value].astype(float).to_numpy()
        low, high = sub[lo].astype(float).to_numpy(), sub[hi].astype(float).to_numpy()
        counts = sub[n].to_numpy()
        texts = sub[label].to_numpy() if label else [f"n={int(c)}" if c == c else "n=0" for c in counts]
        fews = sub[few].to_numpy() if few else [not (c == c and c >= min_n) for c in counts]
        ghosts = sub[ghost].astype(float).to_numpy() if ghost else np.full(len(groups), np.nan)
        pos = y + 0.4 - step * (i + 0.5) if k > 1 else y
        color = colors.get(s, "#555555")
        for yy, v, a, b, text, is_few, g in zip(pos, vals, low, high, texts, fews, ghosts):
            if g == g:
                ax.plot([g], [yy], marker="x", markersize=2.6, color=GHOST_COLOR, markeredgewidth=0.7,
                        linestyle="none", zorder=2.5)
            if text == text and (v == v or label):
                n_label(ax, yy, text, faded=is_few)
            if v != v:
                continue
            few_any |= bool(is_few)
            alpha = FEW_ALPHA if is_few else 1.0
            if a == a and b == b:
                ax.plot([a, b], [yy, yy], color=color, alpha=alpha, linewidth=0.9, solid_capstyle="butt", zorder=2)
            ax.plot([v], [yy], marker="o", markersize=3.2, color=color, alpha=alpha,
                    markerfacecolor="white" if is_few else color, markeredgewidth=0.8, linestyle="none", zorder=3)
    if zero:
        ax.axvline(0, color="#444444", linewidth=0.5, zorder=1)
    ax.set_yticks(y, [_wrap(g, 18) for g in groups])
    ax.set_ylim(-0.6, len(groups) - 0.4)
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(_wrap(title, 48))
    if legend:
        handles = [Line2D([], [], marker="o", color=colors.get(s, "#555555"), markersize=3.2, linewidth=0.9, label=s)
                   for s in series_l] if k > 1 else []
        if few_any:
            handles.append(few_handle(min_n, few_label))
        if ghost:
            handles.append(ghost_handle())
        if handles:
            legend_below(fig, handles)
    return fig, ax


def n_label(ax, y: float, text: str, faded: bool = False):
    """The n (or other note) of the estimate on row ``y``, in a column just right of the panel."""
    ax.annotate(text, (1.0, y), xycoords=("axes fraction", "data"), xytext=(3, 0), textcoords="offset points",
                va="center", ha="left", fontsize=4.8, color=FEW_COLOR if faded else "#333333", annotation_clip=False)


def stacked_barh(ax, data: pd.DataFrame, group: str, series: str, value: str, colors: dict[str, str], groups,
                 series_order, default_color: str = "#BBBBBB", height: float = 0.8, labels: bool = True) -> np.ndarray:
    """Horizontal bars per group (top to bottom in ``groups`` order), stacked by series; returns each
    group's total. ``labels``: name the series for the key (off on all but one panel of a figure)."""
    left = np.zeros(len(groups))
    y = np.arange(len(groups))[::-1]
    for s in series_order:
        vals = data[data[series] == s].set_index(group).reindex(groups)[value].fillna(0).astype(float).to_numpy()
        ax.barh(y, vals, height, left=left, color=colors.get(s, default_color), label=s if labels else None,
                linewidth=0)
        left += vals
    return left


def legend_below(fig, handles=None, max_columns: int = 3):
    """The figure's key below its axes, where it never covers data: long labels broken into lines and
    as many columns as fit the figure's width (about 20 characters of 6-point text per inch)."""
    if handles is None:
        handles, labels = [], []
        for ax in fig.axes:
            h, lab = ax.get_legend_handles_labels()
            handles += h
            labels += lab
    else:
        labels = [h.get_label() for h in handles]
    labels = [_wrap(lab, 26) for lab in labels]
    longest = max((len(line) for lab in labels for line in lab.split("\n")), default=1)
    fits = int(fig.get_figwidth() * 20 // (longest + 6))
    ncol = max(1, min(max_columns, len(handles), fits))
    return fig.legend(handles, labels, frameon=False, loc="outside lower center", ncol=ncol)


def few_handle(min_n: int = MIN_N, label: str | None = None) -> Line2D:
    """The legend entry of estimates drawn as too few to compare."""
    return Line2D([], [], marker="o", color="#555555", alpha=FEW_ALPHA, markerfacecolor="white", markersize=3.2,
                  linewidth=0.9, label=label or f"hollow: n < {min_n}, too few")


def ghost_handle() -> Line2D:
    return Line2D([], [], marker="x", color=GHOST_COLOR, markersize=2.6, markeredgewidth=0.7, linestyle="none",
                  label="x: naive (automatic labels taken as true)")


def stacked_shares(data: pd.DataFrame, group: str, series: str, value: str, colors: dict[str, str],
                   group_order=None, series_order=None, xlabel: str = "", title: str = "", counts: dict | None = None,
                   height: float = 2.6):
    """Horizontal 100% bars per outlet (e.g. share of quoted words by actor group), with totals."""
    fig, ax = new_figure(height)
    groups = list(group_order) if group_order is not None else sorted(data[group].unique())
    series_l = list(series_order) if series_order is not None else sorted(data[series].unique())
    stacked_barh(ax, data, group, series, value, colors, groups, series_l)
    y = np.arange(len(groups))[::-1]
    ax.set_yticks(y, [_wrap(g, 18) for g in groups])
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    if counts:
        for yy, g in zip(y, groups):
            ax.annotate(f"n={counts.get(g, 0)}", (1.0, yy), xytext=(2, 0), textcoords="offset points",
                        va="center", fontsize=5, annotation_clip=False)
    if title:
        ax.set_title(_wrap(title, 48))
    legend_below(fig)
    return fig, ax


def _wrap(text: str, width: int = 12) -> str:
    """Break text into lines of at most ``width`` characters at spaces, keeping its own line breaks (a word
    longer than ``width`` stays whole)."""
    return "\n".join(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
                     for line in str(text).split("\n"))
