"""Quotation spans of one article: paragraph continuations merged into one quotation, and each
quotation's kind (direct, partial, scare, title)."""
from __future__ import annotations

import re

from ...text import QuoteSpan, mark_after, mark_before
from .rules import _CUE_ENDINGS


def merge_spans(spans: list[QuoteSpan]) -> list[tuple[int, int, QuoteSpan]]:
    """Merge paragraph continuations into one quotation: (start, end, first span)."""
    out: list[list] = []
    for sp in spans:
        if sp.continues and out and not out[-1][2].closed and out[-1][3] is False:
            out[-1][1] = sp.end
            out[-1][3] = sp.closed
            continue
        out.append([sp.start, sp.end, sp, sp.closed if not sp.single else True])
    return [(s, e, sp) for s, e, sp, _ in out]


# text between quotation marks that is no quotation: an attribution caught between two quotations whose marks
# were read the wrong way round ("… ” said Jim Clyburn, a congressman. “…"), a bare date (an embedded post's stamp)
_NO_QUOTATION = re.compile(r"\s*(?:said|says)\s+[A-Z][\w.’'\-]*\s+[A-Z]|\s*(?:January|February|March|April|May|June|July|"
                           r"August|September|October|November|December)\s+\d{1,2},\s+\d{4}\s*$")


def no_quotation(qtext: str) -> bool:
    """Is the text between the marks no quotation (see ``_NO_QUOTATION``)?"""
    return bool(_NO_QUOTATION.match(qtext))


# a quoted title follows one of these words ("a book titled “…”", "the slogan, “…”")
_TITLE_CUE_WORDS = ("titled", "entitled", "called", "named", "dubbed", "book", "film", "movie", "song", "album", "show",
                    "program", "programme", "series", "article", "op-ed", "column", "headline", "slogan", "hashtag",
                    "report", "documentary", "play", "novel")
_TITLE_CUES = re.compile(r"\b(?:" + "|".join(map(re.escape, _TITLE_CUE_WORDS)) + r")\s*,?\s*$", re.I)


_CLOSED = re.compile(r"[.!?,]$")
_LOWER_END = re.compile(r"[a-z]\s*$")


def _after_title_cue(before: str) -> bool:
    """``_TITLE_CUES.search(before)``, tried only where ``before`` ends with one of its words."""
    tail = before.rstrip()
    tail = tail[:-1].rstrip() if tail.endswith(",") else tail
    return tail.lower().endswith(_TITLE_CUE_WORDS) and bool(_TITLE_CUES.search(before))


_WORD_TOKEN = re.compile(r"[^\W\d_][\w’'\-]*")
# the short words a title leaves in lower case ("A Time for Truth", "Planet of the Apes")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_MINOR_WORDS = frozenset("a an the and but or nor for of on in to at by as vs via from with into over per".split())


def title_case(qtext: str) -> bool:
    """Does the quoted text read as a title or a heading rather than speech: its first word and every word
    but a title's minor ones ("of", "the", "for" …) capitalised, at least two words of four letters or more,
    one sentence (no full stop inside) and no full stop, question or exclamation mark at its end ("A Time for
    Truth," "The Trumps: Three Generations That Built an Empire", "MAKE MEXICO GREAT AGAIN ALSO"; not "Nusra is
    Al Qaeda," "Like Oakland. Or Ferguson," "the Poorhouse of the Caribbean," "Make America Great Again.")."""
    body = qtext.rstrip(" ,;:’'”\"")
    if not body or body[-1] in ".!?…" or _SENTENCE_BREAK.search(body):
        return False
    words = _WORD_TOKEN.findall(body)
    if not words or not words[0][0].isupper() or sum(len(w) > 3 for w in words) < 2:
        return False
    return all(w[0].isupper() or w in _MINOR_WORDS for w in words)


def quote_kind(text: str, qtext: str, start: int, end: int, sstart: int, send: int, attributed: bool,
               words: int) -> str:
    """direct, partial, scare or title (see ``extract``); ``words``: ``count_words(qtext)``."""
    before = text[sstart:mark_before(text, start)]
    after = text[mark_after(text, end):send]
    if words <= 12 and (_after_title_cue(before) and not _CLOSED.search(qtext.strip()) or title_case(qtext)):
        return "title"
    ws = qtext.split()
    if not before.strip() and not after.strip(" .”\"’'") and 2 <= len(ws) <= 8 and \
            sum(w[:1].isupper() for w in ws if len(w) > 3) >= max(2, len([w for w in ws if len(w) > 3])):
        return "title"  # a quoted line of Title Case on its own: a section heading ('Legend in the Coal Fields.')
    full = qtext[:1].isupper() or qtext[:1] in "…"  # a full statement opens with a capital
    narration_before = bool(_LOWER_END.search(before)) and not before.strip(" ,:").rstrip().endswith(_CUE_ENDINGS)
    if not attributed and words <= 3:
        return "scare"
    if narration_before and (words < 8 or not full):
        return "partial"
    if not full and words < 8:
        return "partial" if attributed else "scare"
    return "direct"
