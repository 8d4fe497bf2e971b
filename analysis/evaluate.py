"""Evaluation commands: accuracy of each measure against annotated data, and the cleaning report."""
from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

from .config import N_BOOT_SCORES
from .errors import ConfigError


# ------------------------------------------------------------------ sentiment (NewsMTSC)
def predict_labels(targets: list[dict], method: str, window: int) -> list[str]:
    """One label per NewsMTSC target; a window without lexicon cues counts as neutral here."""
    from .newsmtsc import target_scope_of
    from .measures.sentiment import label_of, score_scope
    if method == "textblob-sentence":  # the baseline: TextBlob on the whole sentence, no fixes
        from textblob import TextBlob
        return [label_of(TextBlob(t["sentence"]).sentiment.polarity, "textblob") or "neutral" for t in targets]
    if method == "trained":  # the model reads the window it was trained on
        from .measures.sentiment import trained_model
        window = trained_model().window
    return [score_scope(target_scope_of(t, window), method)[3] or "neutral" for t in targets]


def _macro_f1_rows(g, p, n_classes: int):
    """Macro-F1 of each row of gold / predicted class codes (2-D arrays; a code of -1 is no class).
    F1 = 2 tp / (2 tp + fp + fn), 0 for a class with no gold and no predicted item in the row."""
    import numpy as np
    f1 = np.zeros(g.shape[0])
    for c in range(n_classes):
        tp = ((g == c) & (p == c)).sum(axis=1)
        denom = (g == c).sum(axis=1) + (p == c).sum(axis=1)  # (tp + fn) + (tp + fp)
        f1 += np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    return f1 / n_classes


def _codes(gold: list[str], pred: list[str]):
    """Gold and predicted labels as class codes over the gold classes."""
    import numpy as np
    code = {c: i for i, c in enumerate(sorted(set(gold)))}
    return np.array([code[x] for x in gold]), np.array([code.get(x, -1) for x in pred]), len(code)


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Macro-F1 over the classes of ``gold``, and accuracy."""
    if not gold:
        return 0.0, 0.0
    g, p, k = _codes(gold, pred)
    return float(_macro_f1_rows(g[None, :], p[None, :], k)[0]), float((g == p).mean())


def macro_f1_interval(gold: list[str], pred: list[str], n_boot: int = N_BOOT_SCORES,
                      level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of macro-F1 over targets (fixed seed, so the same numbers every run)."""
    from .stats import bootstrap
    if len(gold) < 2:
        return float("nan"), float("nan")
    g, p, k = _codes(gold, pred)
    return bootstrap(len(g), lambda idx: _macro_f1_rows(g[idx], p[idx], k), n_boot, level=level)


def evaluate_sentiment(data: str, method: str, window: int, predictions: str | None, corpus: str | None = None,
                       actors: str | None = None) -> int:
    """Macro-F1 of ``method`` on a NewsMTSC file, or (``data`` a gold JSON with ``corpus`` and ``actors``) on
    the sentiment items of annotated articles in the layout of ``../shared/eval/sidelining``."""
    from .newsmtsc import load_article_targets, load_targets
    if Path(data).suffix == ".json":
        if not corpus or not actors:
            raise ConfigError(f"{data}: a gold file of annotated articles needs --corpus and --actors")
        targets, skipped = load_article_targets(data, corpus, actors)
        for line in skipped:
            print(f"left out: {line}")
        if not targets:
            raise ConfigError(f"{data}: no sentiment item could be scored")
    else:
        targets = load_targets(data)
    predict_labels(targets[:1], method, window)  # warm-up: lexicons and model loaded outside the timing
    t0 = time.perf_counter()
    pred = predict_labels(targets, method, window)
    secs = time.perf_counter() - t0
    gold = [t["label"] for t in targets]
    f1, acc = macro_f1(gold, pred)
    lo, hi = macro_f1_interval(gold, pred)
    print(f"data={Path(data).name} method={method} window={window} n={len(targets)} "
          f"macro_f1={f1:.3f} (95% CI {lo:.3f}-{hi:.3f}) accuracy={acc:.3f} targets_per_s={len(targets) / secs:,.0f}")
    if predictions:
        with open(predictions, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["line", "target", "gold", "label"])
            for t, p in zip(targets, pred):
                w.writerow([t["line"], t["target"], t["label"], p])
    return 0


SWEEP_WINDOWS = (5, 8, 10, 12, 15, 25)
SWEEP_LOWER = (-0.2, -0.1, -0.05, -0.02, 0.0, 0.05)
SWEEP_UPPER = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3)


def sweep_sentiment(data: str, method: str, top: int = 10) -> int:
    """Macro-F1 of a lexicon method over window sizes and label thresholds (negative below
    ``lower``, positive above ``upper``): how far scope and thresholds alone can take it.
    The grid holds the defaults (window 10, thresholds of ``sentiment.THRESHOLDS``)."""
    from .newsmtsc import load_targets, target_scope_of
    from .measures.sentiment import DEFAULT_WINDOW, THRESHOLDS, score_scope
    if method not in THRESHOLDS:
        raise ConfigError(f"--sweep is for the lexicon methods ({', '.join(THRESHOLDS)}), not {method!r}")
    targets = load_targets(data)
    gold = [t["label"] for t in targets]
    thr = THRESHOLDS[method]
    results = []
    for window in sorted({*SWEEP_WINDOWS, DEFAULT_WINDOW}):
        pols = [score_scope(target_scope_of(t, window), method)[0] for t in targets]
        for lower in sorted({*SWEEP_LOWER, -thr}):
            for upper in (u for u in sorted({*SWEEP_UPPER, thr}) if u >= lower):
                pred = ["neutral" if p is None else "positive" if p > upper else "negative" if p < lower
                        else "neutral" for p in pols]
                results.append((*macro_f1(gold, pred), window, lower, upper))
    default = next(r for r in results if r[2:] == (DEFAULT_WINDOW, -thr, thr))
    print(f"data={Path(data).name} method={method} n={len(targets)}: {len(results)} set-ups")
    print("macro_f1 accuracy window lower upper")
    for f1, acc, window, lower, upper in sorted(results, key=lambda r: (-r[0], r[2:]))[:top] + [default]:
        print(f"{f1:.3f}    {acc:.3f}    {window:>6} {lower:>5} {upper:>5}"
              + ("   <- the default" if (window, lower, upper) == default[2:] else ""))
    return 0


# ------------------------------------------------------------------ cleaning report
def report_cleaning(corpus: str) -> int:
    from .clean import clean_article
    from .corpus import iter_corpus
    reasons: Counter = Counter()
    n_articles = n_lines = 0
    rejected = 0
    for kind, rec in iter_corpus(corpus):
        if kind == "rejected":
            rejected += 1
            continue
        if kind != "article":
            continue
        n_articles += 1
        n_lines += sum(1 for line in rec["raw"].split("\n") if line.strip())
        for _, _, reason in clean_article(rec["raw"], rec.get("title", ""))["log"]:
            reasons[reason] += 1
    print(f"{corpus}: {n_articles} articles, {n_lines} non-empty lines, {rejected} rejected")
    for reason, n in reasons.most_common():
        print(f"  {n:6d}  {reason}")
    return 0
