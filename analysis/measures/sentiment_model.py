"""The trained sentiment method: a multinomial logistic regression on NewsMTSC train, stored as plain
JSON (``data/models/sentiment_newsmtsc.json``), scoring a ``sentiment.Scope``."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from .. import config
from ..errors import read_model
from .sentiment_lexicons import (_NEGATORS, _word_valences, no_lexicon_word, normalise_for_lexicon, textblob_scores,
                                 vader_score)

MODEL_PATH = config.MODEL


class Scope(NamedTuple):
    """What the scorers see of one actor in one sentence.

    ``words``: the window (tokens within ``window`` of a mention, without mentions and names);
    ``before`` / ``after``: for each mention, the three tokens before and after it, nearest first,
    lower-cased, names and other mentions as ``<NE>``, sentence edges as ``<s>`` / ``</s>``;
    ``sentence``: every other token of the sentence, lower-cased, without mentions and names."""
    words: list[str]
    before: list[tuple[str, ...]]
    after: list[tuple[str, ...]]
    sentence: list[str]

# ------------------------------------------------------------------ trained model
_NEG_SCOPE_END = re.compile(r"^[.,;:!?]$")


def model_features(words: list[str]) -> list[str]:
    """Lower-cased words, with NOT_ marking after a negator up to punctuation, plus bigrams."""
    feats = []
    neg = False
    norm = normalise_for_lexicon(" ".join(words)).split()
    prev = "<s>"
    for w in norm:
        lw = w.lower()
        if _NEG_SCOPE_END.match(lw):
            neg = False
            prev = "<s>"
            continue
        f = ("NOT_" + lw) if neg else lw
        feats.append(f)
        feats.append(prev + "_" + lw)
        prev = lw
        if lw in _NEGATORS:
            neg = True
    return feats


def _lexicon_scores(text: str) -> tuple[float, float, float]:
    if not text or no_lexicon_word(text):  # what both scorers return for such a window, without running them
        return 0.0, 0.0, 0.0
    tp, ts = textblob_scores(text)
    return tp, ts, vader_score(text)


def _sentence_lexicon(words: list[str]) -> dict[str, float]:
    """Sums of word valences over the sentence, without VADER's and TextBlob's rules (a cheap look-up);
    every actor of a sentence has the same sentence words, so they are computed once per sentence."""
    return dict(_sentence_lexicon_of(tuple(words)))


@lru_cache(maxsize=256)
def _sentence_lexicon_of(words: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    vl, tb = _word_valences()
    v = [vl[w] for w in words if w in vl]
    t = [tb[w] for w in words if w in tb]
    norm = math.sqrt(len(words) + 1)
    return (("lex:sentence_vader", sum(v) / 4 / math.sqrt(len(v)) if v else 0.0),
            ("lex:sentence_textblob", sum(t) / math.sqrt(len(t)) if t else 0.0),
            ("lex:sentence_negative", sum(1 for x in v if x < 0) / norm),
            ("lex:sentence_positive", sum(1 for x in v if x > 0) / norm))


def _binary_groups(scope: Scope) -> list[tuple[str, dict, float]]:
    """(group, its distinct features in the order first seen, the value each has: one over the square root
    of their number) of the four binary groups: window words and bigrams ``w``, the words next to each
    mention ``p`` and within three tokens of it ``q``, the rest of the sentence ``s``."""
    groups = (
        ("w", model_features(scope.words)),
        ("p", [f for b, a in zip(scope.before, scope.after)
               for f in (f"P1_{b[0]}", f"P2_{b[1]}_{b[0]}", f"N1_{a[0]}", f"N2_{a[0]}_{a[1]}", f"P2u_{b[1]}",
                         f"N2u_{a[1]}")]),
        ("q", [f"P_{w}" for b in scope.before for w in b if w != "<s>"]
              + [f"N_{w}" for a in scope.after for w in a if w != "</s>"]),
        ("s", scope.sentence),
    )
    out = []
    for name, items in groups:
        unique = dict.fromkeys(items)
        out.append((name, unique, 1 / math.sqrt(max(1, len(unique)))))
    return out


def _lexicon_features(scope: Scope) -> dict[str, float]:
    """TextBlob's and VADER's scores of the window, and sums of their word valences over the sentence."""
    tp, ts, vc = _lexicon_scores(" ".join(scope.words))
    return {"lex:textblob": tp, "lex:subjectivity": ts, "lex:vader": vc, "lex:vader_abs": abs(vc),
            **_sentence_lexicon(scope.sentence)}


def trained_features(scope: Scope) -> dict[str, float]:
    """The trained model's input: four groups of binary features, each scaled to unit length
    (window words and bigrams ``w:``; the words next to each mention ``p:`` and within three
    tokens of it ``q:``; the rest of the sentence ``s:``), TextBlob's and VADER's scores of the
    window, and sums of their word valences over the sentence (``lex:``)."""
    feats: dict[str, float] = {}
    for name, unique, value in _binary_groups(scope):
        for f in unique:
            feats[f"{name}:{f}"] = value
    feats.update(_lexicon_features(scope))
    return feats


class TrainedModel:
    """A multinomial logistic regression stored as JSON: per feature, one weight per class."""

    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        self.weights: dict[str, list[float]] = data["weights"]
        self.window: int = int(data.get("meta", {}).get("window", config.WINDOW))  # the window it was trained on
        self._index: dict[str, dict[str, int]] = {}  # group ("w", "p", "q", "s", "lex") -> feature -> row
        self._matrix = None  # the weights as one array (feature x class), built on first use

    def proba(self, scope: Scope) -> list[float]:
        return self.proba_many([scope])[0]

    def proba_many(self, scopes: list[Scope]) -> list[list[float]]:
        """The class probabilities of many scopes with one gather of the weights: each scope's features
        are looked up once (in their group's index, without building the prefixed name of
        ``trained_features``), then every weight times its feature value is added to the scope's class
        scores in feature order (``numpy.add.at`` adds one by one, in order: the same sums as a loop)."""
        import numpy as np
        if self._matrix is None:
            for j, name in enumerate(self.weights):
                group, _, f = name.partition(":")
                self._index.setdefault(group, {})[f] = j
            self._matrix = np.array(list(self.weights.values()), dtype=float).reshape(-1, len(self.classes))
        index = self._index
        rows, cols, vals = [], [], []
        for i, scope in enumerate(scopes):
            n = len(cols)
            for name, unique, value in _binary_groups(scope):
                group = index.get(name, {})
                found = [j for j in map(group.get, unique) if j is not None]
                cols += found
                vals += [value] * len(found)
            lex = index.get("lex", {})
            for f, x in _lexicon_features(scope).items():
                j = lex.get(f.partition(":")[2])
                if j is not None and x:
                    cols.append(j)
                    vals.append(x)
            rows += [i] * (len(cols) - n)
        z = np.tile(np.array(self.intercept, dtype=float), (len(scopes), 1))
        if rows:
            np.add.at(z, np.array(rows), self._matrix[cols] * np.array(vals)[:, None])
        out = []
        for zi in z.tolist():  # the softmax with the standard library's exp, the same on every CPU
            m = max(zi)
            e = [math.exp(v - m) for v in zi]
            s = sum(e)
            out.append([v / s for v in e])
        return out

    def predict(self, scope: Scope) -> tuple[float, float, str]:
        """Expected polarity P(positive) - P(negative) in [-1, 1], the top class probability, the label."""
        return self.predict_many([scope])[0]

    def predict_many(self, scopes: list[Scope]) -> list[tuple[float, float, str]]:
        """``predict`` of each scope, scored together (``proba_many``)."""
        out = []
        for p in self.proba_many(scopes):
            d = dict(zip(self.classes, p))
            top = max(range(len(p)), key=p.__getitem__)
            out.append((round(d.get("positive", 0) - d.get("negative", 0), 6), round(p[top], 6), self.classes[top]))
        return out


@lru_cache(maxsize=1)
def trained_model(path: str | None = None) -> TrainedModel:
    return TrainedModel(read_model(path or MODEL_PATH, "sentiment", "train-sentiment", lambda d: "weights" in d,
                                   missing_what="trained sentiment"))
