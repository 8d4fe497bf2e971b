"""Sentiment toward each actor, scored on a window of tokens around its mentions.

Scope: for each (sentence, actor), the tokens within ``window`` tokens of the actor's
mentions in that sentence, with every actor mention and every other named entity
(capitalised word that does not open the sentence) removed: "United States",
"Security Council" and "Great Britain" hold lexicon words that say nothing about stance.
A sentence naming two actors gives each its own window and score.

Methods (all offline):

* ``textblob``: TextBlob's PatternAnalyzer, after two fixes for news text: curly
  apostrophes and n't contractions are expanded ("isn’t a bad idea" scores -0.7 raw,
  +0.35 fixed) and determiners after a negator are dropped so that the negation reaches
  its word ("not the best plan" scores +1.0 raw, -0.5 fixed).
* ``vader``: vaderSentiment's compound score.
* ``trained``: a multinomial logistic regression on NewsMTSC train (window words with
  negation marking + TextBlob and VADER scores), stored as JSON in
  ``data/models/sentiment_newsmtsc.json``; ``python -m analysis train-sentiment`` rebuilds it.

A window with no lexicon word (``n_cues`` = 0) is missing data (polarity empty), not neutral.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

from .text import TOKEN_RE

COLUMNS = ["sentence_id", "section", "actor", "method", "polarity", "subjectivity", "label", "voice", "n_cues",
           "n_mentions", "window_text"]
METHODS = ("textblob", "vader", "trained")
DEFAULT_WINDOW = 10
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "sentiment_newsmtsc.json"
# label thresholds on polarity, tuned on NewsMTSC dev_mt (see README: python -m analysis evaluate sentiment)
THRESHOLDS = {"textblob": 0.02, "vader": 0.02}

_NEGATORS = {"not", "no", "never", "without", "nor", "cannot"}
_SKIP_AFTER_NEG = {"a", "an", "the", "this", "that", "any", "so", "too", "very", "really", "quite", "exactly", "be",
                   "been", "being", "all", "that"}
_NT = re.compile(r"(?i)\b(ca|wo|sha|do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|might)n['’]t\b")


def normalise_for_lexicon(text: str) -> str:
    """Curly apostrophes, n't contractions and negation scope fixed for lexicon scoring."""
    text = text.replace("’", "'").replace("‘", "'")
    text = _NT.sub(lambda m: {"ca": "can", "wo": "will", "sha": "shall"}.get(m.group(1).lower(), m.group(1)) + " not", text)
    text = re.sub(r"(?i)\bcannot\b", "can not", text)
    words = text.split()
    out = []
    i = 0
    while i < len(words):
        out.append(words[i])
        if words[i].lower() in _NEGATORS:
            j = i + 1
            while j < len(words) and words[j].lower() in _SKIP_AFTER_NEG and j - i <= 3:
                j += 1
            i = j
            continue
        i += 1
    return " ".join(out)


@lru_cache(maxsize=1)
def _pattern():
    """The scorer inside TextBlob's PatternAnalyzer (``TextBlob(text).sentiment``): the same values,
    without the named-tuple class that ``analyze`` builds on every call."""
    from textblob.en.sentiments import pattern_sentiment
    return pattern_sentiment


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def textblob_scores(text: str) -> tuple[float, float]:
    """TextBlob PatternAnalyzer polarity and subjectivity after the news-text fixes."""
    polarity, subjectivity = _pattern()(normalise_for_lexicon(text))
    return polarity, subjectivity


def vader_score(text: str) -> float:
    return _vader().polarity_scores(text.replace("’", "'"))["compound"]


def lexicon_hits(words: list[str]) -> int:
    vlex = _vader().lexicon
    tlex = _tb_words()
    return sum(1 for w in words if (lw := w.lower().replace("’", "'")) in vlex or lw in tlex)


@lru_cache(maxsize=1)
def _tb_words() -> frozenset:
    from textblob.en.sentiments import PatternAnalyzer  # noqa: F401
    from textblob.en import sentiment  # the Sentiment lexicon object
    sentiment.load()
    return frozenset(w for w, senses in sentiment.items() if any(v[0] != 0 for v in senses.values()))


def label_of(polarity: float | None, method: str) -> str:
    if polarity is None or (isinstance(polarity, float) and math.isnan(polarity)):
        return ""
    t = THRESHOLDS.get(method, 0.0)
    return "positive" if polarity > t else "negative" if polarity < -t else "neutral"


# ------------------------------------------------------------------ windows
def window_words(text: str, target_spans: list[tuple[int, int]], exclude_spans: list[tuple[int, int]],
                 window: int, toks: list[tuple[int, int, str]] | None = None) -> list[str]:
    """Words within ``window`` tokens of any target span, without targets, excluded spans and named entities.

    ``toks`` (the sentence's TOKEN_RE tokens) may be passed when several actors share a sentence."""
    if toks is None:
        toks = sentence_tokens(text)
    if not toks:
        return []
    starts = [t[0] for t in toks]
    ends = [t[1] for t in toks]

    def overlapping(a: int, b: int) -> range:  # indices of the tokens with start < b and end > a
        return range(bisect_right(ends, a), bisect_left(starts, b))

    keep_idx: set[int] = set()
    for ts, te in target_spans:
        idx = overlapping(ts, te)
        if not idx:
            continue
        lo, hi = max(0, idx[0] - window), min(len(toks), idx[-1] + 1 + window)
        keep_idx.update(range(lo, hi))
    blocked = {i for bs, be in target_spans + exclude_spans for i in overlapping(bs, be)}
    out = []
    first_word = next((i for i, t in enumerate(toks) if t[2][0].isalnum()), 0)
    for i in sorted(keep_idx - blocked):
        s, e, w = toks[i]
        if w[0].isupper() and i != first_word and not w.isupper() and toks[i - 1][2] not in ".!?“\"‘:" and w != "I":
            continue  # a named entity (capitalised inside the sentence)
        if w.isupper() and len(w) > 1 and i != first_word:
            continue  # an acronym (NATO, US)
        out.append(w)
    return out


def sentence_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def score_words(words: list[str], method: str) -> tuple[float | None, float | None, int]:
    """(polarity, subjectivity, n_cues) of a window; polarity None when no lexicon word is in it."""
    n_cues = lexicon_hits(words)
    text = " ".join(words)
    if method == "trained":
        pol, conf = trained_model().polarity(words, text)
        return pol, conf, n_cues
    if n_cues == 0:
        return None, None, 0
    if method == "textblob":
        pol, subj = textblob_scores(text)
        return pol, subj, n_cues
    if method == "vader":
        return vader_score(text), None, n_cues
    raise ValueError(f"unknown sentiment method {method!r}")


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


def dense_features(text: str) -> list[float]:
    tp, ts = textblob_scores(text) if text else (0.0, 0.0)
    vc = vader_score(text) if text else 0.0
    return [tp, ts, vc, abs(vc)]


class TrainedModel:
    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        self.vocab: dict[str, list[float]] = data["vocab"]
        self.dense: list[list[float]] = data["dense"]
        self.scale: list[float] = data["dense_scale"]

    def proba(self, words: list[str], text: str | None = None) -> list[float]:
        text = " ".join(words) if text is None else text
        z = list(self.intercept)
        feats = set(model_features(words))
        n = max(1, len(feats))
        for f in feats:
            w = self.vocab.get(f)
            if w:
                for k in range(len(z)):
                    z[k] += w[k] / math.sqrt(n)
        for j, x in enumerate(dense_features(text)):
            x = x / self.scale[j]
            for k in range(len(z)):
                z[k] += self.dense[k][j] * x
        m = max(z)
        e = [math.exp(v - m) for v in z]
        s = sum(e)
        return [v / s for v in e]

    def polarity(self, words: list[str], text: str | None = None) -> tuple[float, float]:
        """Expected polarity P(positive) - P(negative) in [-1, 1], and the top class probability."""
        p = self.proba(words, text)
        d = dict(zip(self.classes, p))
        return round(d.get("positive", 0) - d.get("negative", 0), 6), round(max(p), 6)

    def label(self, words: list[str]) -> str:
        p = self.proba(words)
        return self.classes[max(range(len(p)), key=p.__getitem__)]


@lru_cache(maxsize=1)
def trained_model(path: str | None = None) -> TrainedModel:
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        from .errors import ConfigError
        raise ConfigError(f"{p}: trained sentiment model missing; rebuild it with: python -m analysis train-sentiment")
    return TrainedModel(json.loads(p.read_text(encoding="utf-8")))


# ------------------------------------------------------------------ per document
def score_doc(doc, quote_rows: list[dict], methods, window: int = DEFAULT_WINDOW) -> list[dict]:
    rows = []
    quoted = [(q["section"], q["start"], q["end"]) for q in quote_rows if q["kind"] in ("direct", "partial")]
    by_sentence: dict[int, list[dict]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m["sentence_id"], []).append(m)
    sent_by_id = {s.sentence_id: s for s in doc.sentences}
    for sid in sorted(by_sentence):
        s = sent_by_id[sid]
        ms = by_sentence[sid]
        all_spans = [(m["start"] - s.start, m["end"] - s.start) for m in ms]
        toks = sentence_tokens(s.text)
        for actor in sorted({m["actor"] for m in ms}):
            own = [m for m in ms if m["actor"] == actor]
            targets = [(m["start"] - s.start, m["end"] - s.start) for m in own]
            words = window_words(s.text, targets, all_spans, window, toks)
            in_q = sum(1 for m in own if any(sec == s.section and qs <= m["start"] < qe for sec, qs, qe in quoted))
            voice = "quoted" if in_q * 2 > len(own) else "journalist"
            for method in methods:
                pol, subj, n_cues = score_words(words, method)
                rows.append({"sentence_id": sid, "section": s.section, "actor": actor, "method": method,
                             "polarity": None if pol is None else round(pol, 6),
                             "subjectivity": None if subj is None else round(subj, 6),
                             "label": label_of(pol, method) if method != "trained" else (
                                 trained_model().label(words) if words else ""),
                             "voice": voice, "n_cues": n_cues, "n_mentions": len(own),
                             "window_text": " ".join(words)})
    return rows
