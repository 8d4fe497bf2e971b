"""Train the 'trained' sentiment model on NewsMTSC train and store it as JSON (no pickle).

python -m analysis train-sentiment [--data train.jsonl] [--dev dev_mt.jsonl] [--out PATH]
The regularisation strength is chosen on the dev file; the solver is deterministic, so
the same data gives the same file.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from .sentiment import MODEL_PATH, dense_features, model_features, TrainedModel
from .newsmtsc import LABELS, load_targets, target_words

C_GRID = (0.1, 0.3, 1.0, 3.0)


def _vectorise(words_list):
    out = []
    for words in words_list:
        feats = set(model_features(words))
        n = max(1, len(feats))
        row = {f: 1 / math.sqrt(n) for f in feats}
        for j, x in enumerate(dense_features(" ".join(words))):
            row[f"__dense{j}"] = x
        out.append(row)
    return out


def train_sentiment(data: str, dev: str, out: str | None, window: int) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    train = load_targets(data)
    devset = load_targets(dev)
    Xtr = _vectorise([target_words(t, window) for t in train])
    ytr = [t["label"] for t in train]
    Xdv = _vectorise([target_words(t, window) for t in devset])
    ydv = [t["label"] for t in devset]
    vec = DictVectorizer(sort=True)
    A = vec.fit_transform(Xtr)
    B = vec.transform(Xdv)
    best = None
    for C in C_GRID:
        clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
        clf.fit(A, ytr)
        f1 = f1_score(ydv, clf.predict(B), average="macro")
        print(f"C={C}: dev macro-F1 {f1:.4f}")
        if best is None or f1 > best[0]:
            best = (f1, C, clf)
    f1, C, clf = best
    names = vec.get_feature_names_out()
    classes = [str(c) for c in clf.classes_]
    vocab, dense = {}, [[0.0] * 4 for _ in classes]
    for j, name in enumerate(names):
        col = [round(float(clf.coef_[k][j]), 5) for k in range(len(classes))]
        if name.startswith("__dense"):
            for k in range(len(classes)):
                dense[k][int(name[7:])] = col[k]
        elif any(abs(v) >= 1e-4 for v in col):
            vocab[name] = col
    model = {"classes": classes, "intercept": [round(float(v), 6) for v in clf.intercept_], "vocab": vocab,
             "dense": dense, "dense_scale": [1.0, 1.0, 1.0, 1.0],
             "meta": {"trained_on": Path(data).name, "n_train": len(train), "C": C, "window": window,
                      "dev": Path(dev).name, "dev_macro_f1": round(f1, 4), "labels": LABELS}}
    path = Path(out) if out else MODEL_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    check = TrainedModel(model)
    agree = sum(check.label(target_words(t, window)) == p for t, p in zip(devset, clf.predict(B)))
    print(f"wrote {path} ({len(vocab)} features, C={C}); JSON model agrees with sklearn on {agree}/{len(devset)} dev targets")
    return 0
