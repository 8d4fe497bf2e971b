"""One article after cleaning and segmentation: the plain record every measure reads.

Headline and body are two *sections*; every offset is into its own section's text
(``doc.section_text(section)[start:end] == text``). The headline is sentence 0 when
there is one, so headline framing and headline quotations are measured too.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field

from . import text as T
from .actors import Actors
from .clean import clean_article


# ------------------------------------------------------------------ words of the article
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")  # a word of the article, as ``word_evidence`` counts them
_JOINERS = "’'-"  # inside a word between letters: "O'Brien", "Clinton-Kaine"


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the same characters as the pattern \w


_WORD_AFTER_LOWER = re.compile(r"(?<=[a-z,] )\w+(?:[’'\-]\w+)*")
LOOKUP_CHARS = 50_000  # up to this length an article's words are looked up one by one; beyond, counted once


MENTIONS_CAP = 5  # the speaker model reads an article's mentions of a surname as 0, 1, …, 5 or more


def word_evidence(doc, word: str) -> tuple[int, bool, bool]:
    """How often ``word`` occurs in the article as a whole word, up to ``MENTIONS_CAP`` (as ``_WORD`` splits it: "Clinton" is not
    in "Clinton’s" or "Clinton-Kaine"), whether it stands capitalised after a lower-case word or a comma
    somewhere ("…, said Trump"), and whether its lower-case form occurs as a word. In an article of up to
    ``LOOKUP_CHARS`` characters each word is looked up with ``str.find`` (it names a few surnames); in a
    longer one, whose surnames grow with its length, every word is counted in one pass, so time stays
    linear (the same answers: ``test_quotes`` compares the two). Cached on the article. The speaker model reads
    all three of a candidate's surname; the resolver reads the second (a sentence-opening "-ing" word that never
    stands so is a verb, not a name)."""
    cache = doc.__dict__.setdefault("_word_evidence", {})
    ev = cache.get(word)
    if ev is None:
        if len(doc.body) > LOOKUP_CHARS:
            counts, mid = cache.get(None) or cache.setdefault(None, (Counter(_WORD.findall(doc.body)),
                                                                     set(_WORD_AFTER_LOWER.findall(doc.body))))
            ev = cache[word] = (min(counts[word], MENTIONS_CAP), word in mid, counts[word.lower()] > 0)
        else:
            n, mid = _occurrences(doc.body, word, MENTIONS_CAP, True)
            lower = word.lower()
            ev = cache[word] = (n, mid, (n if lower == word else _occurrences(doc.body, lower, 1, False)[0]) > 0)
    return ev


def _occurrences(body: str, word: str, cap: int, want_mid: bool) -> tuple[int, bool]:
    """(times ``word`` is a whole word of ``body``, up to ``cap``; whether once right after "[a-z,] "), looking
    no further once both are known (``want_mid`` False: the count alone)."""
    if not word or not _WORD.fullmatch(word):
        return 0, False
    n, mid, at, size = 0, False, body.find(word), len(word)
    while at >= 0:
        end = at + size
        starts = at == 0 or not is_word_char(body[at - 1]) and not (
            body[at - 1] in _JOINERS and at >= 2 and is_word_char(body[at - 2]))
        ends = end == len(body) or not is_word_char(body[end]) and not (
            body[end] in _JOINERS and end + 1 < len(body) and is_word_char(body[end + 1]))
        if starts and ends:
            n += 1
            mid = mid or at >= 2 and body[at - 1] == " " and body[at - 2] in "abcdefghijklmnopqrstuvwxyz,"
            if n >= cap and (mid or not want_mid):
                break
        at = body.find(word, at + 1)
    return min(n, cap), mid


@dataclass
class Sentence:
    sentence_id: int
    section: str          # headline | body
    paragraph_id: int     # -1 for the headline
    start: int
    end: int
    text: str
    in_quote: float = 0.0


@dataclass
class Doc:
    article_id: str
    outlet: str
    headline: str
    body: str
    sentences: list[Sentence]
    paragraphs: list[T.Span]
    quote_spans: list[T.QuoteSpan]          # body only
    headline_quotes: list[T.QuoteSpan]
    mentions: list[dict] = field(default_factory=list)
    record: dict = field(default_factory=dict)
    log: list = field(default_factory=list)

    def section_text(self, section: str) -> str:
        return self.headline if section == "headline" else self.body

    def quotes_in(self, section: str) -> list[T.QuoteSpan]:
        return self.headline_quotes if section == "headline" else self.quote_spans

    # Position look-ups by bisection over sorted starts (built on first use), so that the stages stay
    # linear in the article's length: a scan over every sentence per quotation made a 1 MB article quadratic.
    def _index(self, name: str, build):
        cache = self.__dict__.setdefault("_indexes", {})
        if name not in cache:
            cache[name] = build()
        return cache[name]

    def sentence_at(self, section: str, pos: int) -> Sentence | None:
        """The sentence of ``section`` whose [start, end) holds ``pos``, or None (between sentences)."""
        sents, starts = self._index("sentences:" + section, lambda: _by_start(
            [s for s in self.sentences if s.section == section]))
        i = bisect_right(starts, pos) - 1
        return sents[i] if i >= 0 and pos < sents[i].end else None

    def paragraph_at(self, pos: int) -> tuple[int, int] | None:
        """The body paragraph (start, end) holding ``pos`` (its end included), or None."""
        paras, starts = self._index("paragraphs", lambda: (self.paragraphs, [p[0] for p in self.paragraphs]))
        i = bisect_right(starts, pos) - 1
        return tuple(paras[i][:2]) if i >= 0 and pos <= paras[i][1] else None

    def mentions_between(self, section: str, start: int, end: int) -> list[dict]:
        """The mentions of ``section`` that start in [start, end), in text order."""
        ms, starts = self._index("mentions:" + section, lambda: _by_start(
            [m for m in self.mentions if m["section"] == section], key="start"))
        return ms[bisect_left(starts, start):bisect_left(starts, end)]


def _by_start(items: list, key: str | None = None) -> tuple[list, list[int]]:
    """Items sorted by start (stable: items are in text order already) and their starts, for bisection."""
    items = sorted(items, key=(lambda it: it[key]) if key else (lambda it: it.start))
    return items, [it[key] if key else it.start for it in items]


def _quoted_share(spans: T.SpanLookup, start: int, end: int) -> float:
    """Share of [start, end) inside quotation marks (overlapping spans counted once each, capped at 1)."""
    if end <= start:
        return 0.0
    inside = sum(min(end, q.end) - max(start, q.start) for q in spans.overlapping(start, end))
    return round(min(1.0, inside / (end - start)), 4)


def build_doc(record: dict, actors: Actors, timer=nullcontext) -> Doc:
    """Clean, segment and find actor mentions; ``timer(stage)`` (a context manager) times each step."""
    with timer("clean"):
        cleaned = clean_article(record["raw"], record.get("title", ""))
    with timer("segment"):
        doc = _segment(record, cleaned)
    with timer("actors"):
        doc.mentions = locate_mentions(doc, actors)
    return doc


def _segment(record: dict, cleaned: dict) -> Doc:
    headline, body = cleaned["headline"], cleaned["body"]
    paras = T.paragraphs(body)
    qspans = T.quote_spans(body, paras)
    hspans = T.quote_spans(headline) if headline else []
    sents: list[Sentence] = []
    body_index = T.SpanLookup(qspans)
    if headline:
        sents.append(Sentence(0, "headline", -1, 0, len(headline), headline,
                              _quoted_share(T.SpanLookup(hspans), 0, len(headline))))
    for p_idx, s, e in T.sentences(body, paras):
        sents.append(Sentence(len(sents) if headline else len(sents) + 1, "body", p_idx, s, e, body[s:e],
                              _quoted_share(body_index, s, e)))
    doc = Doc(record["article_id"], record.get("outlet", ""), headline, body, sents, paras, qspans, hspans,
              record=record, log=cleaned["log"])
    doc.record["author"] = record.get("author") or cleaned["author"]
    doc.record["byline"] = cleaned["byline"]
    return doc


def locate_mentions(doc: Doc, actors: Actors) -> list[dict]:
    """Actor mentions with their sentence id; the pattern runs once per section."""
    out = []
    for section in ("headline", "body"):
        text = doc.section_text(section)
        if not text:
            continue
        sents = [s for s in doc.sentences if s.section == section]
        i = 0
        for m in actors.find(text):
            while i + 1 < len(sents) and m["start"] >= sents[i].end:
                i += 1
            if not sents or not (sents[i].start <= m["start"] < sents[i].end):
                continue  # between sentences (cannot happen for text inside a paragraph)
            m["sentence_id"] = sents[i].sentence_id
            m["section"] = section
            out.append(m)
    return out
