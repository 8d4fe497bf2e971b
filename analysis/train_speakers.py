"""Train the speaker model on PolNeAR train and store it as JSON (no pickle).

python -m analysis train-speakers [--corpus DIR] [--gold FILE] [--actors FILE] [--out PATH]

Each quotation of a training article that covers a gold quotation gives one group of candidates
(``quotes.candidates``). A candidate is positive when it shares a word with a named gold source (the
criterion ``evaluate quotes`` scores by) or, when the gold source names nobody (a pronoun, "the
senator": "…,” he said), when it was resolved from those words: the gold does not say whom they mean,
only that they are the source, so training on those teaches the model to trust a cue's pronoun or
description (the person it resolves to is the resolver's choice); such quotations with no candidate
from those words are left out. A binary logistic
regression learns P(positive) from the candidates' features.

The regularisation strength C is chosen by five-fold cross-validation split by article, and the
score reported for it is the whole extraction re-run on each held-out fold with the model of the
other four (so earlier speakers the ``following`` and ``recent`` candidates build on are the
model's own choices, as in a run), scored exactly as ``evaluate quotes`` scores. The threshold for
quotations no rule attributes is the lowest score at which such candidates were right at least
``UNCUED_PRECISION`` of the time in those folds. The solver is deterministic and converged to a tight
tolerance, so the same data gives the same file.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .actors import load_actors, no_actors
from .evaluate_quotes import covering, load_quote_gold, located_stretches, score_article, speaker_matches
from .measures.quotes.candidates import bare_mention
from .measures.quotes.model import MODEL_PATH, RULES_ALONE, SpeakerModel, alone_key
from .train import MAX_ITER, TOL

C_GRID = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5
UNCUED_PRECISION = 0.8
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _docs(corpus: str, gold: dict, actors) -> list:
    from .corpus import iter_corpus
    from .document import build_doc
    return [build_doc(rec, actors) for kind, rec in iter_corpus(corpus)
            if kind == "article" and rec["article_id"] in gold]


def _groups(doc, gold_items: list[dict], actors, model) -> list[tuple[list[dict], list[int], bool]]:
    """(candidate features, labels, a rule answered) of each quotation covering a named gold quotation."""
    from .measures.quotes import extract_quotes
    trace: list = []
    extract_quotes(doc, actors, model=model, trace=trace)
    body = [(row, cands) for row, cands in trace if row["section"] == "body"]
    rows = [row for row, _ in body]
    cands_of = {id(row): cands for row, cands in body}
    out = []
    for a, b, g in located_stretches(doc.body, gold_items):
        unnamed = g["sources"][0].strip().lower() if g["pronoun"] else ""
        if g["pronoun"] and not unnamed:
            continue  # no source
        row = covering(a, b, rows)  # the quotation ``evaluate quotes`` scores against this gold stretch
        if row is None:
            continue
        cands = cands_of[id(row)]
        if not cands:
            out.append(([], [], False))
            continue
        if unnamed:  # "…,” he said / the senator said: the candidate the rules resolved from those words
            labels = [int(bare_mention(c.speaker).lower() == unnamed and c.speaker.kind != "same") for c in cands]
            if not any(labels):
                continue
        else:
            labels = [int(speaker_matches(c.speaker.speaker + " " + c.speaker.mention, g["sources"]))
                      for c in cands]
        first = next((c for c in cands if c.first), None)
        if first is not None and alone_key(RULES_ALONE, first.rule, first.speaker):
            continue  # decided without the model
        out.append(([c.features for c in cands], labels, first is not None))
    return out


def _fit(X, y, C):
    from sklearn.linear_model import LogisticRegression
    return LogisticRegression(C=C, tol=TOL, max_iter=MAX_ITER).fit(X, y)


def _as_model(vec, clf, threshold: float, alone: dict[str, float]) -> SpeakerModel:
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        w = round(float(clf.coef_[0][j]), 6)
        if w:
            weights[str(name)] = w
    return SpeakerModel({"weights": weights, "intercept": round(float(clf.intercept_[0]), 6),
                         "meta": {"threshold": threshold, "rules_alone": alone}})


def _score(docs, gold, actors, model, by_rule: Counter | None = None) -> Counter:
    """Summed ``score_article`` counts; ``by_rule`` (if given; then ``model`` should be None, the rules
    alone) gains (key, "pairs" / "ok") counts for the quotations whose first rule's answer stands alone
    under a key of ``RULES_ALONE`` (``alone_key``): that answer's accuracy is their confidence."""
    from .measures.quotes import extract_quotes
    total = Counter()
    for d in docs:
        trace: list = []
        scored = score_article(d, extract_quotes(d, actors, model=model, trace=trace), gold[d.article_id])
        total += scored["counts"]
        if by_rule is None:
            continue
        key_of = {}
        for row, cands in trace:
            first = next((c for c in cands if c.first), None)
            if first is not None:
                key_of[row["section"], row["start"], row["end"]] = alone_key(RULES_ALONE, first.rule, first.speaker)
        for _rule, ok, _, _, row in scored["pairs"]:
            key = key_of.get((row["section"], row["start"], row["end"]))
            if key:
                by_rule[key, "pairs"] += 1
                by_rule[key, "ok"] += ok
    return total


def _threshold(probs, quote, y, cued) -> float:
    """The lowest threshold at which quotations no rule attributed get a right context speaker at
    least ``UNCUED_PRECISION`` of the time, from each such quotation's best candidate (probability
    ``probs``, quotation ``quote``, label ``y``)."""
    best: dict[int, tuple[float, bool]] = {}
    for p, q, v in zip(probs, quote, y):
        if not cued[q] and (q not in best or p > best[q][0]):
            best[q] = (p, bool(v))
    groups = list(best.values())
    for t in THRESHOLDS:
        chosen = [ok for p, ok in groups if p >= t]
        if chosen and sum(chosen) / len(chosen) >= UNCUED_PRECISION:
            return t
    return THRESHOLDS[-1]


def _data(docs, gold, actors, model=None):
    """Rows of candidate features, labels, group ids (article index) and quotation ids."""
    X, y, art, quote, cued = [], [], [], [], []
    for i, d in enumerate(docs):
        for feats, labels, answered in _groups(d, gold[d.article_id], actors, model):
            if not feats:
                continue
            q = len(cued)
            cued.append(answered)
            X.extend(feats)
            y.extend(labels)
            art.extend([i] * len(feats))
            quote.extend([q] * len(feats))
    return X, y, art, quote, cued


def train_speakers(corpus: str, gold_path: str, actors_path: str | None, out: str | None,
                   dev: list[tuple[str, str]]) -> int:
    """Fit the speaker model on ``corpus`` and write it as JSON to ``out`` (default: the shipped file).

    Args:
        corpus: the training articles (PolNeAR train).
        gold_path: their gold attributions (any layout ``evaluate quotes`` reads).
        actors_path: the actors file the training run resolves speakers with (None: no actors file).
        out: where to write the model (None: ``data/models/speaker_polnear.json``).
        dev: (corpus, gold) pairs only scored after training, never used for a choice.
    Returns:
        0 (the exit status).
    """
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import GroupKFold

    gold = load_quote_gold(gold_path)
    actors = load_actors(actors_path) if actors_path else no_actors()
    docs = _docs(corpus, gold, actors)
    X_rows, y, art, quote, cued = _data(docs, gold, actors)
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(X_rows)
    y, art, quote = np.array(y), np.array(art), np.array(quote)
    by_rule: Counter = Counter()
    rules = _score(docs, gold, actors, None, by_rule)
    # the rules that decide alone, each with its accuracy on train (their quotations' confidence)
    alone = {f: round(by_rule[f, "ok"] / by_rule[f, "pairs"], 4) for f in RULES_ALONE if by_rule[f, "pairs"]}
    print(f"{len(docs)} articles, {len(cued)} quotations with a named gold source, {len(y)} candidates; "
          f"the right speaker among the candidates of {len({q for q, v in zip(quote, y) if v})} quotations")
    print(f"rules alone (first rule that fires), on the training articles: speaker accuracy "
          f"{rules['speaker_ok'] / rules['pairs']:.4f} ({rules['speaker_ok']}/{rules['pairs']}); deciding "
          "without the model: " + ", ".join(f"{f} {a} ({by_rule[f, 'pairs']})" for f, a in alone.items()))
    # folds of articles, balanced by gold quotations; every article is held out once (also those whose
    # quotations the rules decide alone, which give the model no candidates to learn from)
    per_article = np.repeat(np.arange(len(docs)), [max(1, len(gold[d.article_id])) for d in docs])
    folds = [(np.isin(art, per_article[tr]), sorted(set(per_article[te])))
             for tr, te in GroupKFold(FOLDS).split(per_article, groups=per_article)]
    best = None
    for C in C_GRID:
        total, uncued = Counter(), []
        for tr, held in folds:
            clf = _fit(X[tr], y[tr], C)
            # the threshold is chosen on the training folds' own uncued quotations, then applied
            model = _as_model(vec, clf, _threshold(clf.predict_proba(X[tr])[:, 1], quote[tr], y[tr], cued), alone)
            total += _score([docs[i] for i in held], gold, actors, model)
            uncued.append(model.threshold)
        acc = total["speaker_ok"] / total["pairs"]
        print(f"C={C}: {FOLDS}-fold cross-validated speaker accuracy {acc:.4f} ({total['speaker_ok']}/"
              f"{total['pairs']}), thresholds {uncued}")
        if best is None or acc > best[0]:
            best = (acc, C, total)
    cv_acc, C, cv_total = best
    clf = _fit(X, y, C)
    threshold = _threshold(clf.predict_proba(X)[:, 1], quote, y, cued)
    model = _as_model(vec, clf, threshold, alone)
    meta = {"trained_on": Path(corpus).name, "actors": Path(actors_path).name if actors_path else None,
            "n_articles": len(docs), "n_quotations": len(cued), "n_candidates": int(len(y)), "C": C,
            "threshold": threshold, "rules_alone": alone, "cv_folds": FOLDS, "cv_speaker_accuracy": round(cv_acc, 4),
            "cv_pairs": cv_total["pairs"]}
    for dcorpus, dgold_path in dev:
        dgold = load_quote_gold(dgold_path)
        t = _score(_docs(dcorpus, dgold, actors), dgold, actors, model)
        acc = t["speaker_ok"] / t["pairs"] if t["pairs"] else 0.0
        meta[f"speaker_accuracy_{Path(dcorpus).name}"] = round(acc, 4)
        print(f"{dcorpus}: speaker accuracy {acc:.4f} ({t['speaker_ok']}/{t['pairs']})")
    data = {"intercept": model.intercept, "weights": model.weights, "meta": meta}
    path = Path(out) if out else MODEL_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, sort_keys=True, indent=0, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(model.weights)} features, C={C}, threshold {threshold})")
    return 0
