"""The lexicon sentiment methods: TextBlob's PatternAnalyzer and VADER, with the fixes for news text
described in ``sentiment`` (apostrophes, n't contractions, negated determiners)."""
from __future__ import annotations

import math
import re
from functools import lru_cache

# label thresholds on polarity, tuned on NewsMTSC dev_mt (see README: python -m analysis evaluate sentiment)
THRESHOLDS = {"textblob": 0.02, "vader": 0.02}

_NEGATORS = {"not", "no", "never", "without", "nor", "cannot"}
_SKIP_AFTER_NEG = {"a", "an", "the", "this", "that", "any", "so", "too", "very", "really", "quite", "exactly", "be",
                   "been", "being", "all", "that"}
_NT = re.compile(r"(?i)\b(ca|wo|sha|do|does|did|is|are|was|were|has|have|had|could|would|should|must|need|might)n['’]t\b")


@lru_cache(maxsize=8192)  # the trained model's words, the no-lexicon check and TextBlob read the same window
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
def _textblob_en():
    """TextBlob's ``textblob.en`` module (its sentiment lexicon and scorer) without running the package's
    ``__init__``, which imports NLTK and, through it, SciPy (about 1 s of every run's start-up) for
    parts of TextBlob the toolkit does not use. ``textblob.en`` itself needs only ``textblob._text``
    (standard library). The package is stood in for while ``textblob.en`` loads, then every module this
    added is taken out of ``sys.modules`` again, so a later ``import textblob`` loads the real package
    from scratch; the scorer is the same code on the same lexicon file (``test_sentiment`` checks the
    scores against ``TextBlob(text).sentiment``)."""
    import importlib
    import importlib.util
    import sys
    import types
    if "textblob" in sys.modules:  # already imported in full (a notebook, the baseline)
        return importlib.import_module("textblob.en")
    spec = importlib.util.find_spec("textblob")
    before = set(sys.modules)
    shell = types.ModuleType("textblob")
    shell.__path__, shell.__spec__ = list(spec.submodule_search_locations), spec
    sys.modules["textblob"] = shell
    try:
        return importlib.import_module("textblob.en")
    finally:
        for name in set(sys.modules) - before:
            if name == "textblob" or name.startswith("textblob."):
                del sys.modules[name]


@lru_cache(maxsize=1)
def _pattern():
    """The scorer inside TextBlob's PatternAnalyzer (``TextBlob(text).sentiment`` calls
    ``textblob.en.sentiment(text)``): the same values, without the named-tuple class that ``analyze``
    builds on every call."""
    return _textblob_en().sentiment


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
    sentiment = _textblob_en().sentiment
    sentiment.load()
    tb = {w: senses[None][0] for w, senses in sentiment.items() if None in senses and senses[None][0]}
    return dict(_vader().lexicon), tb


_PLAIN = re.compile(r"[A-Za-z0-9\s.,'’\"“”\-]*")  # no character of an emoticon, an emoji or "(!)"
_WORD_RUN = re.compile(r"[a-z0-9'’\-]+")


@lru_cache(maxsize=1)
def _lexicon_keys() -> frozenset:
    """Every entry of TextBlob's and VADER's lexicons, lower-cased (also those without a polarity)."""
    sentiment = _textblob_en().sentiment
    sentiment.load()
    return frozenset(k.lower() for k in dict.keys(sentiment)) | frozenset(k.lower() for k in _vader().lexicon)


def no_lexicon_word(text: str) -> bool:
    """True when neither TextBlob nor VADER can score ``text`` (both then give exactly 0): only letters,
    digits, spaces and plain punctuation, and no word of it, however the two tokenise it (split at spaces,
    runs of letters, digits, apostrophes and hyphens, and those split again at apostrophes and hyphens,
    also after the news-text fixes), is an entry of either lexicon. When written, it was checked against
    both scorers on the windows and sentences of the seeds, NewsWCL50, polnear-train and NewsMTSC (48,504
    texts, 5,318 of them skipped, no difference); cases in ``test_sentiment``."""
    if not _PLAIN.fullmatch(text):
        return False
    keys = _lexicon_keys()
    for variant in (text.lower(), normalise_for_lexicon(text).lower()):
        for run in variant.split():
            if run in keys or run.strip(".,'’\"“”-") in keys:
                return False
        for run in _WORD_RUN.findall(variant):
            if run in keys or not keys.isdisjoint(re.split(r"['’\-]", run)) or run.strip("'’-") in keys:
                return False
    return True


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
