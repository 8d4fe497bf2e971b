"""Are the corrected intervals honest? A simulation on data with known truth (``validate simulate``).

A NewsMTSC file is treated as a corpus whose gold labels are the truth: a sentiment method labels
every target, ``draws`` coded samples of ``sample_size`` targets are drawn at random (the coders'
labels being the gold ones), and for each share (negative, positive) the naive interval (the
method's share, sampling error only) and the corrected one (``stats.corrected_mean``) are checked
against the true share of the whole file. Coverage is the fraction of draws whose interval holds it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .config import SEED, WINDOW
from .errors import ConfigError, check_whole
from .stats import corrected_mean, naive_mean

QUANTITIES = {"negative_share": "negative", "positive_share": "positive"}
COLUMNS = ["quantity", "estimator", "coverage", "mean_width"]


def check_design(n: int, sample_size: int, draws: int) -> None:
    """ConfigError unless ``draws`` >= 1 samples of ``sample_size`` can be drawn from ``n`` items."""
    check_whole("--draws", draws)
    if not 2 <= sample_size <= n:
        raise ConfigError(f"--sample-size {sample_size}: must be between 2 and the {n} items of the data")


def coverage_table(pred: list[str], gold: list[str], sample_size: int, draws: int, seed: int = SEED,
                   level: float = 0.95) -> pd.DataFrame:
    """Coverage and mean width of the naive and the corrected interval of each share over ``draws``
    simple random samples of ``sample_size`` coded items (one seeded stream: same numbers every run)."""
    n = len(gold)
    check_design(n, sample_size, draws)
    rng = np.random.default_rng(seed)
    samples = [np.sort(rng.choice(n, size=sample_size, replace=False)) for _ in range(draws)]
    rows = []
    for quantity, label in QUANTITIES.items():
        auto = np.array([p == label for p in pred], dtype=float)
        truth_all = np.array([g == label for g in gold], dtype=float)
        truth = truth_all.mean()
        naive = naive_mean(auto, level)  # the same for every draw: it never looks at the sample
        hits, widths = [], []
        for idx in samples:
            r = corrected_mean(auto, idx, truth_all[idx], level=level)
            hits.append(r["lo"] <= truth <= r["hi"])
            widths.append(r["hi"] - r["lo"])
        rows.append({"quantity": quantity, "estimator": "naive",
                     "coverage": float(naive["lo"] <= truth <= naive["hi"]),
                     "mean_width": naive["hi"] - naive["lo"]})
        rows.append({"quantity": quantity, "estimator": "corrected", "coverage": float(np.mean(hits)),
                     "mean_width": float(np.mean(widths))})
    return pd.DataFrame(rows, columns=COLUMNS)


def simulate(data, method: str, sample_size: int, draws: int, seed: int = SEED) -> pd.DataFrame:
    """``coverage_table`` for a sentiment method's labels on a NewsMTSC file."""
    from .evaluate import predict_labels
    from .newsmtsc import load_targets
    targets = load_targets(data)
    check_design(len(targets), sample_size, draws)  # before the method labels every target
    pred = predict_labels(targets, method, WINDOW)
    return coverage_table(pred, [t["label"] for t in targets], sample_size, draws, seed)


POWER_COLUMNS = ["quantity", "sample_size", "coverage", "mean_width", "half_width_large_corpus"]


def power(data, method: str, sizes, draws: int, seed: int = SEED) -> pd.DataFrame:
    """How many coded items a target interval width needs: for each sample size, the coverage and mean
    width of the corrected 95% interval of each share (``coverage_table``'s corrected rows), one row per
    quantity and size. ``mean_width`` is that of the file itself (its finite-population correction makes
    a sample that is a large part of the file look precise); ``half_width_large_corpus`` removes that
    correction (divides by sqrt(1 - n / N)): the half-width an outlet x actor share with ``n`` coded
    items has when the outlet holds many more units than are coded."""
    from .evaluate import predict_labels
    from .newsmtsc import load_targets
    targets = load_targets(data)
    sizes = sorted(set(sizes))
    for n in sizes:
        check_design(len(targets), n, draws)
    pred = predict_labels(targets, method, WINDOW)
    gold = [t["label"] for t in targets]
    rows = []
    for n in sizes:
        table = coverage_table(pred, gold, n, draws, seed)
        for r in table[table["estimator"] == "corrected"].itertuples():
            rows.append({"quantity": r.quantity, "sample_size": n, "coverage": r.coverage,
                         "mean_width": r.mean_width,
                         "half_width_large_corpus": r.mean_width / 2 / np.sqrt(1 - n / len(gold))})
    return pd.DataFrame(rows, columns=POWER_COLUMNS).sort_values(["quantity", "sample_size"], ignore_index=True)
