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
* ``trained``: a multinomial logistic regression on NewsMTSC train that reads the window,
  the three tokens on each side of every mention, the rest of the sentence and the two
  lexicons' scores (``trained_features``); stored as JSON in
  ``data/models/sentiment_newsmtsc.json``; ``python -m analysis train-sentiment`` rebuilds it.

A lexicon method's window with no word of its lexicon (``n_cues`` = 0) is missing data
(polarity and label empty), not neutral.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import config
from .text import TOKEN_RE, SpanLookup

COLUMNS = ["sentence_id", "section", "actor", "method", "polarity", "subjectivity", "label", "voice", "n_cues",
           "n_mentions", "window_text"]
METHODS = ("textblob", "vader", "trained")
DEFAULT_WINDOW = config.WINDOW
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


@lru_cache(maxsize=8192)  # the trained model scores the same window again when methods run together
def textblob_scores(text: str) -> tuple[float, float]:
    """TextBlob PatternAnalyzer polarity and subjectivity after the news-text fixes."""
    polarity, subjectivity = _pattern()(normalise_for_lexicon(text))
    return polarity, subjectivity


@lru_cache(maxsize=8192)
def vader_score(text: str) -> float:
    return _vader().polarity_scores(text.replace("’", "'"))["compound"]


@lru_cache(maxsize=1)
def _word_valences() -> tuple[dict[str, float], dict[str, float]]:
    """VADER's word valences (-4..4) and TextBlob's mean word polarities (-1..1), for plain look-ups."""
    from textblob.en import sentiment
    sentiment.load()
    tb = {w: senses[None][0] for w, senses in sentiment.items() if None in senses and senses[None][0]}
    return dict(_vader().lexicon), tb


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, frozenset]:
    vl, tb = _word_valences()
    return {"textblob": frozenset(tb), "vader": frozenset(vl), "trained": frozenset(vl) | frozenset(tb)}


def lexicon_hits(words: list[str], method: str) -> int:
    """How many words of the window the method's lexicon knows: TextBlob's words with a polarity for
    ``textblob``, VADER's for ``vader``, either for ``trained`` (whose own input is wider)."""
    lexicon = _cue_words()[method if method in ("textblob", "vader") else "trained"]
    return sum(1 for w in words if w.lower().replace("’", "'") in lexicon)


def label_of(polarity: float | None, method: str) -> str:
    if polarity is None or (isinstance(polarity, float) and math.isnan(polarity)):
        return ""
    t = THRESHOLDS.get(method, 0.0)
    return "positive" if polarity > t else "negative" if polarity < -t else "neutral"


# ------------------------------------------------------------------ scope
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


def _is_name(toks: list[tuple[int, int, str]], i: int, first_word: int) -> bool:
    """A capitalised word that does not open the sentence (a named entity), or an acronym (NATO, US)."""
    w = toks[i][2]
    if i == first_word:
        return False
    if w.isupper():
        return len(w) > 1
    return w[0].isupper() and toks[i - 1][2] not in ".!?“\"‘:" and w != "I"


def target_scope(text: str, target_spans: list[tuple[int, int]], exclude_spans: list[tuple[int, int]],
                 window: int, toks: list[tuple[int, int, str]] | None = None) -> Scope:
    """The scope of the target spans in a sentence; ``exclude_spans`` (other actors' mentions) are left out.

    ``toks`` (the sentence's TOKEN_RE tokens) may be passed when several actors share a sentence."""
    if toks is None:
        toks = sentence_tokens(text)
    if not toks:
        return Scope([], [], [], [])
    starts = [t[0] for t in toks]
    ends = [t[1] for t in toks]

    def overlapping(a: int, b: int) -> range:  # indices of the tokens with start < b and end > a
        return range(bisect_right(ends, a), bisect_left(starts, b))

    mentions = [idx for ts, te in target_spans if (idx := overlapping(ts, te))]
    blocked = {i for bs, be in target_spans + exclude_spans for i in overlapping(bs, be)}
    first_word = next((i for i, t in enumerate(toks) if t[2][0].isalnum()), 0)
    names = {i for i in range(len(toks)) if _is_name(toks, i, first_word)}
    keep_idx: set[int] = set()
    for idx in mentions:
        keep_idx.update(range(max(0, idx[0] - window), min(len(toks), idx[-1] + 1 + window)))
    words = [toks[i][2] for i in sorted(keep_idx - blocked - names)]

    def context(i: int) -> str:
        if i < 0:
            return "<s>"
        if i >= len(toks):
            return "</s>"
        return "<NE>" if i in blocked or i in names else toks[i][2].lower()

    before = [tuple(context(idx[0] - k) for k in (1, 2, 3)) for idx in mentions]
    after = [tuple(context(idx[-1] + k) for k in (1, 2, 3)) for idx in mentions]
    sentence = [toks[i][2].lower() for i in range(len(toks)) if i not in blocked and i not in names]
    return Scope(words, before, after, sentence)


def sentence_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def score_scope(scope: Scope, method: str) -> tuple[float | None, float | None, int, str]:
    """(polarity, subjectivity or the trained model's confidence, n_cues, label) of one scope.

    Lexicon methods give polarity None and label "" when no lexicon word is in the window."""
    words = scope.words
    n_cues = lexicon_hits(words, method)
    if method == "trained":
        if not words and not scope.sentence:
            return None, None, n_cues, ""
        pol, conf, label = trained_model().predict(scope)
        return pol, conf, n_cues, label
    if n_cues == 0:
        return None, None, 0, ""
    text = " ".join(words)
    if method == "textblob":
        pol, subj = textblob_scores(text)
    elif method == "vader":
        pol, subj = vader_score(text), None
    else:
        raise ValueError(f"unknown sentiment method {method!r}")
    return pol, subj, n_cues, label_of(pol, method)


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
    tp, ts = textblob_scores(text) if text else (0.0, 0.0)
    return tp, ts, vader_score(text) if text else 0.0


def _sentence_lexicon(words: list[str]) -> dict[str, float]:
    """Sums of word valences over the sentence, without VADER's and TextBlob's rules (a cheap look-up)."""
    vl, tb = _word_valences()
    v = [vl[w] for w in words if w in vl]
    t = [tb[w] for w in words if w in tb]
    norm = math.sqrt(len(words) + 1)
    return {"lex:sentence_vader": sum(v) / 4 / math.sqrt(len(v)) if v else 0.0,
            "lex:sentence_textblob": sum(t) / math.sqrt(len(t)) if t else 0.0,
            "lex:sentence_negative": sum(1 for x in v if x < 0) / norm,
            "lex:sentence_positive": sum(1 for x in v if x > 0) / norm}


def trained_features(scope: Scope) -> dict[str, float]:
    """The trained model's input: four groups of binary features, each scaled to unit length
    (window words and bigrams ``w:``; the words next to each mention ``p:`` and within three
    tokens of it ``q:``; the rest of the sentence ``s:``), TextBlob's and VADER's scores of the
    window, and sums of their word valences over the sentence (``lex:``)."""
    groups = {
        "w": model_features(scope.words),
        "p": [f for b, a in zip(scope.before, scope.after)
              for f in (f"P1_{b[0]}", f"P2_{b[1]}_{b[0]}", f"N1_{a[0]}", f"N2_{a[0]}_{a[1]}", f"P2u_{b[1]}",
                        f"N2u_{a[1]}")],
        "q": [f"P_{w}" for b in scope.before for w in b if w != "<s>"]
             + [f"N_{w}" for a in scope.after for w in a if w != "</s>"],
        "s": scope.sentence,
    }
    feats: dict[str, float] = {}
    for name, items in groups.items():
        unique = set(items)
        value = 1 / math.sqrt(max(1, len(unique)))
        for f in unique:
            feats[f"{name}:{f}"] = value
    tp, ts, vc = _lexicon_scores(" ".join(scope.words))
    feats.update({"lex:textblob": tp, "lex:subjectivity": ts, "lex:vader": vc, "lex:vader_abs": abs(vc)})
    feats.update(_sentence_lexicon(scope.sentence))
    return feats


class TrainedModel:
    """A multinomial logistic regression stored as JSON: per feature, one weight per class."""

    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        self.weights: dict[str, list[float]] = data["weights"]
        self.window: int = int(data.get("meta", {}).get("window", DEFAULT_WINDOW))  # the window it was trained on

    def proba(self, scope: Scope) -> list[float]:
        z = list(self.intercept)
        for f, x in trained_features(scope).items():
            w = self.weights.get(f)
            if w and x:
                for k in range(len(z)):
                    z[k] += w[k] * x
        m = max(z)
        e = [math.exp(v - m) for v in z]
        s = sum(e)
        return [v / s for v in e]

    def predict(self, scope: Scope) -> tuple[float, float, str]:
        """Expected polarity P(positive) - P(negative) in [-1, 1], the top class probability, the label."""
        p = self.proba(scope)
        d = dict(zip(self.classes, p))
        top = max(range(len(p)), key=p.__getitem__)
        return round(d.get("positive", 0) - d.get("negative", 0), 6), round(p[top], 6), self.classes[top]


@lru_cache(maxsize=1)
def trained_model(path: str | None = None) -> TrainedModel:
    from .errors import ConfigError
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        raise ConfigError(f"{p}: trained sentiment model missing; rebuild it with: python -m analysis train-sentiment")
    data = json.loads(p.read_text(encoding="utf-8"))
    if "weights" not in data:
        raise ConfigError(f"{p}: not a sentiment model of this version; rebuild it with: python -m analysis train-sentiment")
    return TrainedModel(data)


# ------------------------------------------------------------------ per document
def score_doc(doc, quote_rows: list[dict], methods, window: int = DEFAULT_WINDOW) -> list[dict]:
    rows = []
    quoted = {sec: SpanLookup([(q["start"], q["end"]) for q in quote_rows
                               if q["section"] == sec and q["kind"] in ("direct", "partial")])
              for sec in ("headline", "body")}
    by_sentence: dict[int, list[dict]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m["sentence_id"], []).append(m)
    sent_by_id = {s.sentence_id: s for s in doc.sentences}
    model_window = trained_model().window if "trained" in methods else window  # --window is the lexicons'
    for sid in sorted(by_sentence):
        s = sent_by_id[sid]
        ms = by_sentence[sid]
        all_spans = [(m["start"] - s.start, m["end"] - s.start) for m in ms]
        toks = sentence_tokens(s.text)
        for actor in sorted({m["actor"] for m in ms}):
            own = [m for m in ms if m["actor"] == actor]
            targets = [(m["start"] - s.start, m["end"] - s.start) for m in own]
            scope = target_scope(s.text, targets, all_spans, window, toks)
            model_scope = scope if model_window == window else target_scope(s.text, targets, all_spans,
                                                                                model_window, toks)
            in_q = sum(1 for m in own if quoted[s.section].contains(m["start"]))
            voice = "quoted" if in_q * 2 > len(own) else "journalist"
            for method in methods:
                pol, subj, n_cues, label = score_scope(model_scope if method == "trained" else scope, method)
                rows.append({"sentence_id": sid, "section": s.section, "actor": actor, "method": method,
                             "polarity": None if pol is None else round(pol, 6),
                             "subjectivity": None if subj is None else round(subj, 6),
                             "label": label, "voice": voice, "n_cues": n_cues, "n_mentions": len(own),
                             "window_text": " ".join(scope.words)})
    return rows
