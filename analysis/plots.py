"""Chart functions and the one save_figure() every figure goes through.

Style: Okabe–Ito colour-blind-safe palette with a fixed colour per actor (the actors
file may set its own), DejaVu Sans (bundled with matplotlib), 3.4 x 2.6 inches (one
column of a two-column paper). Files are byte-identical across runs: fixed SVG hash salt,
no dates or software versions in PNG/SVG/PDF metadata.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from . import sheets as spreadsheet  # noqa: E402

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
FRAME_COLORS = {"exclusion": "#D55E00", "inclusion": "#0072B2"}
METHOD_COLORS = {"textblob": "#999999", "vader": "#56B4E9", "trained": "#000000"}
COLUMN_WIDTH = 3.4
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


def new_figure(height: float = 2.6, width: float = COLUMN_WIDTH):
    plt.rcParams.update(STYLE)
    return plt.subplots(figsize=(width, height), layout="constrained")


def save_figure(fig, name: str, data: pd.DataFrame, out_dir="figures", formats=("png", "svg", "pdf")) -> list[Path]:
    """Write out_dir/name.{png,svg,pdf} and name.csv (the plotted data); returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with plt.rc_context(STYLE):
        for fmt in formats:
            p = out / f"{name}.{fmt}"
            fig.savefig(p, format=fmt, metadata=METADATA.get(fmt))
            paths.append(p)
    p = out / f"{name}.csv"
    spreadsheet.to_csv(data, p)  # figure data is opened in spreadsheets: no cell may act as a formula
    paths.append(p)
    plt.close(fig)
    return paths


def grouped_bars(data: pd.DataFrame, group: str, series: str, value: str, colors: dict[str, str],
                 lo: str | None = None, hi: str | None = None, labels: str | None = None,
                 group_order=None, series_order=None, ylabel: str = "", title: str = "", height: float = 2.6,
                 horizontal_zero: bool = False):
    """Groups (outlets) side by side, one bar per series (actor), optional intervals and count labels."""
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
    if horizontal_zero:
        ax.axhline(0, color="#444444", linewidth=0.5)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    fig.legend(frameon=False, loc="outside lower center", ncol=min(3, n))  # below the axes: bars never hidden
    return fig, ax


def stacked_shares(data: pd.DataFrame, group: str, series: str, value: str, colors: dict[str, str],
                   group_order=None, series_order=None, xlabel: str = "", title: str = "", counts: dict | None = None,
                   height: float = 2.6):
    """Horizontal 100% bars per outlet (e.g. share of quoted words by actor group), with totals."""
    fig, ax = new_figure(height)
    groups = list(group_order) if group_order is not None else sorted(data[group].unique())
    series_l = list(series_order) if series_order is not None else sorted(data[series].unique())
    left = np.zeros(len(groups))
    y = np.arange(len(groups))[::-1]
    for s in series_l:
        vals = data[data[series] == s].set_index(group).reindex(groups)[value].fillna(0).astype(float).to_numpy()
        ax.barh(y, vals, left=left, color=colors.get(s, "#BBBBBB"), label=s, linewidth=0)
        left += vals
    ax.set_yticks(y, [_wrap(g, 18) for g in groups])
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    if counts:
        for yy, g in zip(y, groups):
            ax.annotate(f"n={counts.get(g, 0)}", (1.0, yy), xytext=(2, 0), textcoords="offset points",
                        va="center", fontsize=5, annotation_clip=False)
    if title:
        ax.set_title(title)
    ax.legend(frameon=False, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.22))
    return fig, ax


def _wrap(text: str, width: int = 12) -> str:
    words, lines, cur = str(text).split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    return "\n".join(lines)
