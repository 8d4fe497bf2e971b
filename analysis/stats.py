"""The one bootstrap of the toolkit (and, later, its other estimators).

Every interval a table or report shows (an outlet's mean polarity, the sidelining index, macro-F1
on an evaluation set, a coder-scored precision) comes from :func:`bootstrap`: percentile intervals
over resampled rows, drawn from a seeded random stream, so the same data give the same interval on
every run and machine.
"""
from __future__ import annotations

import numpy as np

from .config import N_BOOT, SEED


def resamples(n: int, n_boot: int = N_BOOT, seed: int = SEED, max_cells: int = 2_000_000):
    """Bootstrap index arrays (k x n, k rows per block, n_boot rows in all) in blocks of at most
    ``max_cells`` cells, so memory stays bounded for large groups; the blocks continue one random
    stream, so the indices equal those of a single draw."""
    rng = np.random.default_rng(seed)
    block = max(1, min(n_boot, max_cells // max(1, n)))
    done = 0
    while done < n_boot:
        k = min(block, n_boot - done)
        yield rng.integers(0, n, size=(k, n))
        done += k


def bootstrap(n: int, statistic, n_boot: int = N_BOOT, seed: int = SEED, level: float = 0.95):
    """Percentile bootstrap interval of a statistic over ``n`` resampled rows.

    Args:
        n: number of rows (items, articles, targets) resampled with replacement.
        statistic: function of an index array ``idx`` (k x n) returning the statistic of each of its
            k resamples: an array of k values, or k x m for m statistics at once.
        n_boot, seed, level: resamples, random seed and coverage of the interval.

    Returns:
        ``(low, high)``: floats, or arrays of m values for a k x m statistic. Resamples where the
        statistic is undefined (NaN) are left out; NaN where none is defined.

    Example:
        >>> v = np.array([1.0, 2.0, 3.0, 4.0])
        >>> lo, hi = bootstrap(len(v), lambda idx: v[idx].mean(axis=1))
        >>> 1.0 <= lo < 2.5 < hi <= 4.0
        True
    """
    stats = np.concatenate([np.asarray(statistic(idx), dtype=float) for idx in resamples(n, n_boot, seed)])
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    if stats.ndim == 1:
        stats = stats[~np.isnan(stats)]
        if not len(stats):
            return float("nan"), float("nan")
        lo, hi = np.quantile(stats, q)
        return float(lo), float(hi)
    lo, hi = np.full(stats.shape[1], np.nan), np.full(stats.shape[1], np.nan)
    for j in range(stats.shape[1]):
        col = stats[:, j][~np.isnan(stats[:, j])]
        if len(col):
            lo[j], hi[j] = np.quantile(col, q)
    return lo, hi


def mean_ci(values, n_boot: int = N_BOOT, seed: int = SEED, level: float = 0.95):
    """Bootstrap interval of the mean of ``values`` (NaN left out); (nan, nan) for fewer than 2 values."""
    v = np.asarray(values, dtype=float)
    v = v[~np.isnan(v)]
    if len(v) < 2:
        return float("nan"), float("nan")
    return bootstrap(len(v), lambda idx: v[idx].mean(axis=1), n_boot, seed, level)
