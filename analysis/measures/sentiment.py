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

from bisect import bisect_left, bisect_right

from .. import config, schema
from ..errors import ConfigError, check_whole
from .base import Check, Measure, Options, file_hash, sentence_texts
from ..text import TOKEN_RE, SpanLookup
from .sentiment_lexicons import (THRESHOLDS, label_of, lexicon_hits, normalise_for_lexicon, textblob_scores,
                                 vader_score)
from .sentiment_model import MODEL_PATH, Scope, TrainedModel, model_features, trained_features, trained_model

COLUMNS = schema.SENTIMENT.fields
METHODS = ("textblob", "vader", "trained")
DEFAULT_WINDOW = config.WINDOW


# ------------------------------------------------------------------ scope
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


# ------------------------------------------------------------------ per document
def score_doc(doc, quote_rows: list[dict], methods, window: int = DEFAULT_WINDOW) -> list[dict]:
    """Sentiment toward each actor in each sentence that names it, by each method.

    Args:
        doc: the article, built by ``document.build_doc``.
        quote_rows: its quotations (``extract_quotes``); a mention inside one is in the quoted voice.
        methods: any of ``METHODS`` ("textblob", "vader", "trained").
        window: tokens each side of the actor's mentions that the lexicon methods read (the trained
            model uses its own window).

    Returns:
        one dict per (sentence, actor, method) with the fields of the ``sentiment`` table after
        ``article_id, outlet``: sentence_id, section, actor, method, polarity, subjectivity, label,
        voice, speaker_actor (of the quotation holding the first quoted mention; empty in the journalist's
        voice), n_cues, n_mentions, window_text.

    Example:
        >>> from analysis.actors import parse_actors
        >>> from analysis.document import build_doc
        >>> actors = parse_actors({"actors": {"Ukraine": {"aliases": ["Ukraine"]}}})
        >>> doc = build_doc({"article_id": "a", "outlet": "o", "raw": "Ukraine won a great victory."}, actors)
        >>> [(r["actor"], r["label"]) for r in score_doc(doc, [], ["textblob"])]
        [('Ukraine', 'positive')]
    """
    rows = []
    quoted = {sec: SpanLookup([q for q in quote_rows if q["section"] == sec and q["kind"] in ("direct", "partial")],
                              start=lambda q: q["start"], end=lambda q: q["end"])
              for sec in ("headline", "body")}
    by_sentence: dict[int, list[dict]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m["sentence_id"], []).append(m)
    sent_by_id = {s.sentence_id: s for s in doc.sentences}
    model_window = trained_model().window if "trained" in methods else window  # --window is the lexicons'
    pending: list[tuple[int, Scope]] = []  # (row, scope) of the trained method
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
            holders = [h for m in own for h in quoted[s.section].overlapping(m["start"], m["start"] + 1)[:1]]
            voice = "quoted" if len(holders) * 2 > len(own) else "journalist"
            speaker_actor = holders[0]["speaker_actor"] if voice == "quoted" else ""
            for method in methods:
                if method == "trained" and (model_scope.words or model_scope.sentence):
                    pending.append((len(rows), model_scope))  # scored with the article's other targets below
                    pol, subj, n_cues, label = None, None, lexicon_hits(model_scope.words, method), ""
                else:
                    pol, subj, n_cues, label = score_scope(model_scope if method == "trained" else scope, method)
                rows.append({"sentence_id": sid, "section": s.section, "actor": actor, "method": method,
                             "polarity": None if pol is None else round(pol, 6),
                             "subjectivity": None if subj is None else round(subj, 6),
                             "label": label, "voice": voice, "speaker_actor": speaker_actor, "n_cues": n_cues, "n_mentions": len(own),
                             "window_text": " ".join(scope.words)})
    if pending:  # the trained model scores every target of the article at once
        for (i, _), (pol, conf, label) in zip(pending, trained_model().predict_many([sc for _, sc in pending])):
            rows[i].update(polarity=round(pol, 6), subjectivity=round(conf, 6), label=label)
    return rows


# ------------------------------------------------------------------ the measure
def _sentiment_items(t: dict, method: str) -> list[dict]:
    """Every scored (sentence, actor) row of the method, coded by the toolkit's label."""
    s = t["sentiment"]
    s = s[(s["method"] == method) & (s["label"] != "")]
    text_of = sentence_texts(t)
    return [{"article_id": r.article_id, "sentence_id": int(r.sentence_id), "actor": r.actor,
             "text": text_of[(r.article_id, int(r.sentence_id))], "toolkit_code": r.label} for r in s.itertuples()]


class Sentiment(Measure):
    """Sentiment toward each actor, scoped to the words around its mentions (``score_doc``), by each method
    of the run; summary: mean polarity per outlet, actor and method with bootstrap intervals and label counts.

    Example:
        >>> from analysis.measures import REGISTRY
        >>> REGISTRY["sentiment"].needs
        ('quotes',)
    """
    name = "sentiment"
    needs = ("quotes",)
    copies = ("sentence",)
    reads = {"sentiment": ["outlet", "actor", "method", "polarity", "label", "voice", "speaker_actor"]}
    summaries = ("summary_sentiment",)
    checks = (
        Check("sentiment", "T", ("negative", "neutral", "positive"), "ordinal", ("negative", "neutral", "positive"),
              "What tone does this sentence take toward {actor}? negative / neutral / positive",
              "* **sentiment**: the tone of the sentence toward the named actor: `negative`, `neutral` or\n"
              "  `positive`. Judge what the sentence says about the actor, not the topic in general.",
              _sentiment_items),
    )

    def configure(self, options: Options) -> tuple[tuple[str, ...], int]:
        if not options.methods:
            raise ConfigError(f"--sentiment: give at least one method ({', '.join(METHODS)})")
        for m in options.methods:
            if m not in METHODS:
                raise ConfigError(f"--sentiment: unknown method '{m}' (choose from {', '.join(METHODS)})")
        check_whole("--window", options.window)
        return tuple(options.methods), options.window

    def inputs(self, options: Options) -> dict:
        out = {"methods": list(options.methods), "window": options.window}
        if "trained" in options.methods:
            out["model"] = file_hash(MODEL_PATH)
        return out

    def score(self, doc, upstream, setup) -> list[dict]:
        methods, window = setup
        return score_doc(doc, upstream["quotes"], methods, window)

    def summarize(self, load, options):
        from ..compare import sentiment_by_method_chunks
        return {"summary_sentiment": sentiment_by_method_chunks(lambda: load.chunks("sentiment"), options.methods)}


# the scorers of the three methods, importable from here as before
__all__ = ["COLUMNS", "METHODS", "MODEL_PATH", "THRESHOLDS", "Scope", "Sentiment", "TrainedModel", "label_of",
           "lexicon_hits", "model_features", "normalise_for_lexicon", "score_doc", "score_scope", "target_scope",
           "textblob_scores", "trained_features", "trained_model", "vader_score"]
