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


# ------------------------------------------------------------------ estimates corrected by a coded sample
MIN_CODED = 2  # coded items a stratum needs for a variance, hence an interval


def _z(level: float) -> float:
    from statistics import NormalDist
    return NormalDist().inv_cdf(1 - (1 - level) / 2)


def _t(level: float, df: int) -> float:
    """Student's t quantile for a two-sided interval, by the Cornish-Fisher expansion in 1/df (within
    0.001 of the exact value from df = 5 on; no SciPy at run time)."""
    z = _z(level)
    if df < 1:
        return float("nan")
    return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) \
        + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)


def naive_mean(auto, level: float = 0.95) -> dict:
    """The automatic labels taken as truth: their mean over all items, with the normal interval of
    sampling alone (what an uncorrected per-outlet share reports)."""
    a = np.asarray(auto, dtype=float)
    n = len(a)
    if n == 0:
        return {"estimate": float("nan"), "lo": float("nan"), "hi": float("nan"), "se": float("nan")}
    est = float(a.mean())
    se = float(a.std(ddof=1) / np.sqrt(n)) if n > 1 else float("nan")
    z = _z(level)
    return {"estimate": est, "lo": est - z * se, "hi": est + z * se, "se": se}


def corrected_mean(auto, sampled, coded, strata=None, level: float = 0.95, tuned: bool = True) -> dict:
    """A population mean from automatic labels on every item, corrected by coders' labels on a
    probability sample of them (design-based supervised learning, Egami et al. 2023; prediction-powered
    inference in its finite-population, power-tuned form, Angelopoulos et al. 2023).

    Within each stratum, drawn as a simple random sample (inclusion probability n_h / N_h), the estimate
    is the coded mean plus lambda times the gap between the automatic mean of the whole stratum and of
    its sample. With lambda = 1 (``tuned=False``) that is the coded-minus-automatic correction of PPI and
    DSL; ``tuned`` takes lambda as the sample's regression slope of coded on automatic values (the
    survey regression estimator, PPI++'s power tuning), so a weak classifier is leaned on less and the
    interval is never much wider than the coded sample's alone. The variance is the stratified one with
    the finite-population correction; the interval uses Student's t with the residual degrees of
    freedom. Its coverage is checked by ``validate simulate``.

    Args:
        auto: the automatic value (0/1 for a share) of all N items.
        sampled: indices into ``auto`` of the coded items.
        coded: the coders' values of those items, in the same order.
        strata: the stratum label of every item (None: one stratum, a simple random sample).
        level: coverage of the interval.
        tuned: estimate lambda (True) or fix it at 1.

    Returns:
        dict with estimate, lo, hi, se, n_auto, n_coded and note. The note names every stratum with too
        few coded items for a variance (fewer than ``MIN_CODED``, or one more when lambda is estimated);
        the interval is then NaN (and the estimate too when a stratum has none): never a silent fallback.

    Example:
        >>> auto = np.array([1, 1, 0, 0, 1, 0, 1, 0])        # the classifier says half are negative
        >>> r = corrected_mean(auto, [0, 2, 4, 6], [0, 0, 1, 1], tuned=False)  # coders disagree on item 0 only
        >>> round(r["estimate"], 3)   # 0.5 + mean error (-1 + 0 + 0 + 0) / 4
        0.25
    """
    a = np.asarray(auto, dtype=float)
    idx = np.asarray(sampled, dtype=int)
    y = np.asarray(coded, dtype=float)
    n_all = len(a)
    if strata is None:
        groups, names = np.zeros(n_all, dtype=int), None
    else:
        names, groups = np.unique(np.asarray(strata), return_inverse=True)
    est, var, df, notes = 0.0 if n_all else float("nan"), 0.0, 0, []
    for h in range(groups.max() + 1 if n_all else 0):
        pop = a[groups == h]
        in_h = groups[idx] == h
        ys, fs = y[in_h], a[idx][in_h]
        n, big = len(ys), len(pop)
        label = "the sample" if names is None else f"stratum {names[h]}"
        if n == 0:
            notes.append(f"{label} has no coded item ({big} automatic)")
            est = float("nan")
            continue
        # lambda is estimated from at least MIN_CODED + 1 items that vary, so n - used >= 1 whenever n >= MIN_CODED
        slope = tuned and n > MIN_CODED and fs.var() > 0
        lam = float(np.cov(ys, fs)[0, 1] / np.var(fs, ddof=1)) if slope else 1.0
        w = big / n_all
        est += w * (ys.mean() + lam * (pop.mean() - fs.mean()))
        used = 2 if slope else 1  # degrees of freedom the estimate spends
        if n < MIN_CODED:
            notes.append(f"{label} has {n} coded item{'s' if n != 1 else ''}, too few for an interval")
            var = float("nan")
            continue
        resid = ys - lam * fs
        s2 = float(((resid - resid.mean()) ** 2).sum() / (n - used))
        var += w * w * (1 - n / big) * s2 / n
        df += n - used
    se = float(np.sqrt(var)) if var == var else float("nan")
    t = _t(level, df) if df else float("nan")
    return {"estimate": float(est), "lo": float(est - t * se), "hi": float(est + t * se), "se": se,
            "n_auto": n_all, "n_coded": len(idx), "note": "; ".join(notes)}
