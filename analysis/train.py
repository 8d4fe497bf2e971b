"""Train the 'trained' sentiment model on NewsMTSC train and store it as JSON (no pickle).

python -m analysis train-sentiment [--data train.jsonl] [--dev dev_mt.jsonl dev_rw.jsonl] [--out PATH]

The regularisation strength is chosen by five-fold cross-validation on the training file,
with folds split by sentence so that two targets of one sentence never sit on both sides;
the dev files are only scored, never used for a choice. The solver is deterministic, so the
same data gives the same file.
"""
from __future__ import annotations

import json
from pathlib import Path

from .newsmtsc import LABELS, load_targets, target_scope_of
from .measures.sentiment import MODEL_PATH, TrainedModel, trained_features

C_GRID = (0.3, 1.0, 3.0)
FOLDS = 5
# The loss is strictly convex, so it has one minimum; L-BFGS run to a tight tolerance reaches it to
# about 1e-6 in every weight whatever the CPU, BLAS build or thread count (scikit-learn's default
# 1e-4 stops up to 0.01 short of it, at a point that depends on the machine's rounding).
TOL = 1e-10
MAX_ITER = 100_000


def _fit(X, y, C):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, tol=TOL, max_iter=MAX_ITER, class_weight="balanced").fit(X, y)


def _choose_c(X, y, groups, name: str) -> tuple[float, float]:
    """(cross-validated macro-F1, C) of the best C in ``C_GRID``, folds split by sentence."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold
    best = None
    for c in C_GRID:
        pred = np.empty(len(y), dtype=object)
        for tr, te in GroupKFold(FOLDS).split(X, y, groups):
            pred[te] = _fit(X[tr], y[tr], c).predict(X[te])
        f1 = f1_score(y, pred, average="macro")
        print(f"C={c}: {FOLDS}-fold macro-F1 on {name} {f1:.4f}")
        if best is None or f1 > best[0]:
            best = (f1, c)
    return best


def train_sentiment(data: str, dev: list[str], out: str | None, window: int, C: float | None = None) -> int:
    """Fit the model on ``data`` and write it as JSON to ``out`` (default: the shipped model file).

    Args:
        data: a NewsMTSC-format JSONL file to train on.
        dev: files only scored after training.
        out: where to write the model (None: ``data/models/sentiment_newsmtsc.json``).
        window: tokens each side of a mention the model reads.
        C: the regularisation strength; None chooses it from ``C_GRID`` by cross-validation.
    Returns:
        0 (the exit status).
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.metrics import f1_score

    train = load_targets(data)
    rows = [trained_features(target_scope_of(t, window)) for t in train]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    y = np.array([t["label"] for t in train])
    groups = [t["line"] for t in train]
    cv_f1 = None
    if C is None:
        cv_f1, C = _choose_c(X, y, groups, Path(data).name)
    clf = _fit(X, y, C)
    classes = [str(c) for c in clf.classes_]
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        col = [round(float(clf.coef_[k][j]), 5) for k in range(len(classes))]
        if any(col):
            weights[name] = col
    meta = {"trained_on": Path(data).name, "n_train": len(train), "C": C, "window": window,
            "cv_folds": FOLDS if cv_f1 is not None else None,
            "cv_macro_f1": round(cv_f1, 4) if cv_f1 is not None else None, "labels": LABELS}
    model = {"classes": classes, "intercept": [round(float(v), 6) for v in clf.intercept_], "weights": weights,
             "meta": meta}
    check = TrainedModel(model)
    for path in dev:
        targets = load_targets(path)
        scopes = [target_scope_of(t, window) for t in targets]
        sk = clf.predict(vec.transform([trained_features(s) for s in scopes]))
        ours = [check.predict(s)[2] for s in scopes]
        f1 = f1_score([t["label"] for t in targets], ours, average="macro")
        meta[f"macro_f1_{Path(path).stem}"] = round(f1, 4)
        print(f"{Path(path).name}: macro-F1 {f1:.4f}; JSON model agrees with scikit-learn on "
              f"{sum(a == b for a, b in zip(sk, ours))}/{len(targets)} targets")
    path = Path(out) if out else MODEL_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {path} ({len(weights)} features, C={C})")
    return 0
