"""Segmentation with character offsets into the cleaned body: paragraphs, sentences, tokens, quotation spans.

Own rule-based sentence splitter (no NLTK download, no model): pysbd is correct on most of
this but unmaintained since 2021 and about 20 times slower, and it reports no offsets for
quotations; the rules below are tested on the cases news text needs (U.S., Sen., Mr.,
Jan. 5, decimals, multi-sentence quotations, sentences ending inside a closing quote).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

TOKEN_RE = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]")

# abbreviations that never end a sentence when followed by a capitalised word or a number
TITLE_ABBREV = frozenset(
    "mr mrs ms dr sen sens rep reps gov gen lt col capt cpt sgt prof st jr sr rev hon pres adm maj cmdr mt ft no nos vol"
    " jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo conn del fla ga ill ind kan ky la md"
    " mass mich minn miss mo mont neb nev okla ore pa penn tenn tex va vt wash wis wyo fig approx dept est vs"
    " gens messrs mmes sr supt".split()
)
# dotted acronyms (U.S., U.N.) end a sentence only before a typical sentence opener
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you his her its their our this that these those there but and or so yet in on at"
    " as after before when while if for with by from to of however meanwhile still then now also some many most".split()
)

_BOUNDARY = re.compile(r"([.!?…]+)([\"”’'\)\]]*)(\s+)(?=[\"“‘'(\[]?\s?[A-Z0-9À-Ý])")
_PARA = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


def trie_alternation(words) -> str:
    """A regex alternation matching exactly the given words, their shared prefixes factored (faster than a
    flat alternation). At a position it takes the longest word that matches there (each optional tail is
    greedy; siblings start with different characters), so behind ``\\b`` exactly one word can match."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return build(trie)


class Span(NamedTuple):
    start: int
    end: int


def paragraphs(body: str) -> list[Span]:
    """Paragraph spans: blocks separated by blank lines, trimmed of surrounding whitespace."""
    out = []
    for m in _PARA.finditer(body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


def _is_break(text: str, m: re.Match) -> bool:
    if m.group(1) != "." or m.group(2):
        return True
    start = m.start(1)
    word_start = start
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "“\"(‘'":
        word_start -= 1
    word = text[word_start:start]
    if not word:
        return True
    low = word.lower()
    if low in TITLE_ABBREV:
        return False
    if len(word) == 1 and word.isupper():  # an initial: J. K. Rowling
        return False
    if "." in word and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S, D.C, a.m
        nxt = re.match(r"[\"“‘'(\[]?\s?(\w+)", text[m.end():])
        return bool(nxt and nxt.group(1).lower() in SENTENCE_OPENERS)
    return True


def sentences(body: str, paras: list[Span] | None = None) -> list[tuple[int, int, int]]:
    """(paragraph_index, start, end) for each sentence; never crosses a paragraph."""
    out = []
    for p_idx, (ps, pe) in enumerate(paras if paras is not None else paragraphs(body)):
        text = body[ps:pe]
        last = 0
        for m in _BOUNDARY.finditer(text):
            if _is_break(text, m):
                end = m.start(3)
                out.append((p_idx, ps + last, ps + end))
                last = m.end(3)
        if last < len(text):
            out.append((p_idx, ps + last, pe))
    return out


def tokens(text: str, offset: int = 0) -> list[tuple[int, int]]:
    return [(m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]


WORD_RE = re.compile(r"\w+(?:[’'\-.]\w+)*")  # the word tokens of TOKEN_RE (its other tokens are single characters)


def count_words(text: str) -> int:
    """The number of word tokens (tokens of TOKEN_RE that start with a letter, digit or underscore)."""
    return len(WORD_RE.findall(text))


def has_words(text: str, n: int, pos: int = 0, endpos: int | None = None) -> bool:
    """``count_words(text[pos:endpos]) >= n``, reading no further than the n-th word."""
    found = WORD_RE.finditer(text, pos, len(text) if endpos is None else endpos)
    for _ in range(n):
        if next(found, None) is None:
            return False
    return True


# ---------------------------------------------------------------- quotation marks
# two apostrophes stand for a straight double quotation mark in some archives (''We will,'' he said)
DOUBLE_MARK = re.compile(r"''|[“”\"«»„]")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=\s?[\w$])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?%)])\s?[’'](?=[\s,.;:!?)\]—–-]|$)")


def mark_before(text: str, start: int) -> int:
    """The offset of the quotation mark that opens a quotation whose text starts at ``start`` ('' is two
    characters, every other mark one)."""
    return start - (2 if text[max(0, start - 2):start] == "''" else 1)


def mark_after(text: str, end: int) -> int:
    """The offset just past the quotation mark that closes a quotation whose text ends at ``end``."""
    return end + (2 if text[end:end + 2] == "''" else 1)


class QuoteSpan(NamedTuple):
    start: int          # first character inside the marks
    end: int            # one past the last character inside the marks
    closed: bool        # False when the paragraph ended before a closing mark
    continues: bool     # True when the span opens a paragraph that continues an unclosed quotation
    single: bool        # single quotation marks


def _double_spans(text: str, offset: int, carry_open: bool) -> tuple[list[QuoteSpan], bool]:
    spans = []
    inside: int | None = None  # where the open quotation's text starts (after its mark: one or two characters)
    continues = False
    marks = list(DOUBLE_MARK.finditer(text))
    if carry_open and marks and marks[0].start() == 0 and marks[0].group() in ("“", "\"", "«", "„", "''"):
        continues = True
    for m in marks:
        ch, i, j = m.group(), m.start(), m.end()
        if ch in "“«„":
            if inside is not None:  # opener while open: the earlier quotation lacked its closer
                spans.append(QuoteSpan(offset + inside, offset + i, False, continues, False))
                continues = False
            inside = j
        elif ch in "”»":
            if inside is not None:
                spans.append(QuoteSpan(offset + inside, offset + i, True, continues, False))
                inside, continues = None, False
        else:  # straight quote: opener or closer by context
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            if inside is None and not (before.isalnum() and after.isalnum()):
                # not at the paragraph's end, nor an inch or seconds mark after a digit (6'3" tall)
                if not (after.isspace() and j >= len(text.rstrip())) and not before.isdigit():
                    inside = j
            elif inside is not None:
                spans.append(QuoteSpan(offset + inside, offset + i, True, continues, False))
                inside, continues = None, False
    still_open = inside is not None
    if still_open:
        end = len(text.rstrip())
        if end > inside:
            spans.append(QuoteSpan(offset + inside, offset + end, False, continues, False))
    return spans, still_open


def _single_spans(text: str, offset: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    out = []
    pos = 0
    while True:
        m = _SINGLE_OPEN.search(text, pos)
        if not m:
            break
        c = _SINGLE_CLOSE.search(text, m.end())
        if not c:
            break
        s, e = m.end(), c.start()
        inner = text[s:e].strip()
        if inner and len(inner.split()) <= 60 and not any(q.start <= offset + s < q.end for q in taken):
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            out.append(QuoteSpan(offset + s + lead, offset + s + lead + len(inner), True, False, True))
        pos = c.end()
    return out


def quote_spans(body: str, paras: list[Span] | None = None) -> list[QuoteSpan]:
    """Quotation spans in reading order; a paragraph that ends inside a quotation carries it over."""
    out: list[QuoteSpan] = []
    carry = False
    for ps, pe in paras if paras is not None else paragraphs(body):
        text = body[ps:pe]
        spans, carry = _double_spans(text, ps, carry)
        spans += _single_spans(text, ps, spans)
        out.extend(sorted(spans))
    return out


class SpanLookup:
    """Items with [start, end) spans, found by position without scanning them all (the stages must stay
    linear in an article's length). Results keep the items' given order."""

    def __init__(self, items: list, start=lambda it: it[0], end=lambda it: it[1]):
        self.items = items
        order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self.order = order
        self.starts = [start(items[i]) for i in order]
        self.ends = [end(items[i]) for i in order]
        self.longest = max((e - s for s, e in zip(self.starts, self.ends)), default=0)

    def overlapping(self, a: int, b: int) -> list:
        """Items with start < b and end > a, in their given order."""
        lo = bisect_left(self.starts, a - self.longest)  # an item starting before that ends before a
        hi = bisect_left(self.starts, b)
        hits = sorted(self.order[k] for k in range(lo, hi) if self.ends[k] > a)
        return [self.items[i] for i in hits]

    def contains(self, pos: int) -> bool:
        """Whether some item has start <= pos < end (``overlapping(pos, pos + 1)`` is not empty)."""
        ends = self.ends
        return any(ends[k] > pos for k in range(bisect_left(self.starts, pos - self.longest),
                                                bisect_right(self.starts, pos)))

