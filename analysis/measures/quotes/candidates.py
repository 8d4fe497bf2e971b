"""Who could have said a quotation: every rule's answer plus the names and speakers around it, merged
by speaker, each with the features the speaker model reads.

Candidates of one quotation:
* each rule of ``rules.RULES`` that fires (its family name is a feature; the first is the rules' answer);
* ``context``: names of people outside quotation marks in the quotation's sentences, in the sentence
  before it and, for a quotation opening its paragraph, in the paragraph before (resolved by
  ``speakers.Resolver``; places and bodies named there are left to the rules);
* ``recent``: the last three distinct speakers of the article so far.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ...speakers import NAME_RE, NOT_NAMES, PRONOUNS, TITLE_WORDS, Speaker, _plain, personal
from ...document import MENTIONS_CAP, is_word_char, word_evidence
from ...text import SpanLookup
from .rules import _CUE_RE, QuoteContext, previous_sentence

RECENT = 3          # previous speakers offered as candidates
MAX_CONTEXT = 8     # nearest context names kept per quotation
_DIGIT = re.compile(r"\d")
_PREV_TOKEN = re.compile(r"(\w+|[^\w\s])\s*$")  # what ``_prev_token`` finds (its reference in tests)
_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")
_COLON_ONLY = re.compile(r"\s*:\s*")


@dataclass
class Candidate:
    speaker: Speaker
    cue: str
    rule: str                    # the detailed rule name it is reported under
    sources: set[str] = field(default_factory=set)   # rule families (and context / recent) proposing it
    first: bool = False          # the rules' answer
    features: dict[str, float] = field(default_factory=dict)


def bare_mention(sp: Speaker) -> str:
    """The words a speaker was resolved from, without the commas and quotation marks around them."""
    return sp.mention.strip(" ,”“\"'’")


def _key(sp: Speaker) -> str:
    return sp.speaker.lower()


def _context_names(c: QuoteContext, quoted: SpanLookup) -> list[tuple[str, int]]:
    """(phrase, offset) of capitalised names outside quotation marks around the quotation, nearest first."""
    doc = c.doc
    lo = c.sstart
    prev = previous_sentence(doc, c.section, c.text, c.sstart)
    if prev is not None and (prev.start >= c.pstart or c.start == c.pstart + 1):
        lo = prev.start
    hi = max(c.send, c.send_q)
    out = []
    for m in NAME_RE.finditer(c.text, lo, hi):
        if c.start <= m.start() < c.end or quoted.contains(m.start()):
            continue
        out.append((m.group(), m.start()))
    out.sort(key=lambda x: min(abs(x[1] - c.start), abs(x[1] - c.end)))
    return out[:MAX_CONTEXT]


class History:
    """The article's speakers so far: how often each was quoted, and the last ``RECENT`` distinct ones
    (kept up to date row by row, so that a long article stays linear)."""

    def __init__(self):
        self.counts: Counter = Counter()
        self.recent: list[dict] = []   # rows of the last distinct speakers, most recent first

    def add(self, row: dict) -> None:
        key = row["speaker"].lower()
        if not key:
            return
        self.counts[key] += 1
        self.recent = [row] + [r for r in self.recent if r["speaker"].lower() != key][:RECENT - 1]


def collect(c: QuoteContext, answers: list[tuple[str, tuple]], history: History, quoted: SpanLookup,
            people: dict) -> list[Candidate]:
    """The merged candidates of one quotation, with features.

    Args:
        c: the quotation.
        answers: ``rules.rule_answers(c)``: (family, (Speaker, cue, rule)) of every rule that fired.
        history: the section's speakers so far.
        quoted: quotation spans of the section (names inside them are not speakers of this quotation).
        people: the actors file's people (name -> person).
    """
    cands: dict[str, Candidate] = {}

    def add(sp: Speaker, cue: str, rule: str, source: str, first: bool = False) -> None:
        if not sp or not sp.speaker:
            return
        cand = cands.get(_key(sp))
        if cand is None:
            cand = cands[_key(sp)] = Candidate(sp, cue, rule)
        cand.sources.add(source)
        cand.first |= first

    for i, (family, (sp, cue, rule)) in enumerate(answers):
        add(sp, cue, rule, family, first=i == 0)
    for phrase, pos in _context_names(c, quoted):
        sp = c.res.phrase(phrase, pos, c.section)
        if sp and sp.kind in ("person", "raw") and _plain(sp.speaker.rsplit(None, 1)[-1]) not in NOT_NAMES:
            # a place or body named nearby is rarely the speaker, nor is "Air Force Two" or "Monday"
            add(sp, "", "context", "context")
    for r in history.recent:
        add(Speaker(r["speaker"], r["speaker_actor"], r["speaker_mention"], r["start"], "same"), r["cue"],
            "recent", "recent")
    out = list(cands.values())
    recent = [r["speaker"].lower() for r in history.recent]
    for cand in out:
        cand.features = features(c, cand, history, people, recent)
    return out


def _prev_token(text: str, lo: int, hi: int) -> str | None:
    """The last token of ``text[lo:hi]`` before trailing spaces: a run of word characters (cut at ``lo``)
    or one other character; None if there is none. The same as ``_PREV_TOKEN.search(text, lo, hi)``'s
    group 1, without trying the pattern at every offset of the window."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end == lo:
        return None
    if not is_word_char(text[end - 1]):
        return text[end - 1]
    start = end - 1
    while start > lo and is_word_char(text[start - 1]):
        start -= 1
    return text[start:end]


_BINS = tuple(str(i) for i in range(13))


def _bin(n: int, top: int) -> str:
    return _BINS[min(n, top)]


def features(c: QuoteContext, cand: Candidate, history: History, people: dict, recent: list[str]) -> dict:
    """What the speaker model reads of one candidate: which rules proposed it, what kind of phrase it
    is, where it stands from the quotation, and how the article has quoted it so far."""
    sp = cand.speaker
    f: dict[str, float] = {"bias": 1.0}
    for s in cand.sources:
        f["src:" + s] = 1.0
    f["n_sources:" + _bin(len(cand.sources - {"context", "recent"}), 3)] = 1.0
    if cand.first:
        f["first"] = 1.0
        f["first:" + cand.rule.split("+")[0]] = 1.0
    f["kind:" + sp.kind] = 1.0
    if sp.speaker in people:
        f["actors_file"] = 1.0
    if sp.actor:
        f["has_actor"] = 1.0
    mention = bare_mention(sp)
    words = mention.split()
    low = mention.lower()
    f["m_tokens:" + _bin(len(words), 4)] = 1.0
    if low in PRONOUNS:
        f["m_pronoun:" + low] = 1.0
    elif words:
        head = words[0].lower().rstrip(".,")
        f["m_head:" + head] = 1.0
        if head in TITLE_WORDS:
            f["m_title"] = 1.0
        if mention.isupper() and len(mention) > 1:
            f["m_upper"] = 1.0
        if mention[:1].islower():
            f["m_lower_start"] = 1.0
        if all(w[:1].isupper() for w in words):
            f["m_all_capitalised"] = 1.0
        if _DIGIT.search(mention):
            f["m_digit"] = 1.0
    name_words = sp.speaker.split()
    f["s_tokens:" + _bin(len(name_words), 4)] = 1.0
    if sp.speaker[:1].islower():
        f["s_lower_start"] = 1.0
    elif sp.kind in ("raw", "institution") and not personal(sp.speaker):
        f["s_body_or_place"] = 1.0  # an acronym or a name ending in Institute, News, City…
    # where the phrase stands
    pos = sp.pos
    if c.start <= pos < c.end:
        f["pos:inside"] = 1.0
        dist = 0
    elif pos < c.start:
        f["pos:before"] = 1.0
        dist = c.start - pos
    else:
        f["pos:after"] = 1.0
        dist = pos - c.end
    f["dist:" + _bin(int(math.log2(dist + 1)), 12)] = 1.0
    if c.sstart <= pos < max(c.send, c.send_q):
        f["same_sentence"] = 1.0
    elif c.pstart <= pos < c.pend:
        f["same_paragraph"] = 1.0
    else:
        f["other_paragraph"] = 1.0
    if pos >= 0 and sp.kind != "same":
        mend = pos + len(sp.mention)
        window = c.text[max(0, pos - 40):mend + 40]
        if _CUE_RE.search(window):
            f["cue_near"] = 1.0
        # the words around the phrase: "according to X", "behind X", "X said", "X’s", "X: “…”"
        before = _prev_token(c.text, max(0, pos - 30), pos)
        after = _NEXT_TOKEN.match(c.text, mend)
        f["prev:" + (before.lower() if before else "<s>")] = 1.0
        f["next:" + (after.group(1).lower() if after else "</s>")] = 1.0
        if sp.mention.rstrip().endswith(("’s", "'s")):
            f["m_possessive"] = 1.0
        if not c.text[c.sstart:pos].strip(" “\"‘'"):
            f["sentence_initial"] = 1.0
        if _COLON_ONLY.fullmatch(c.text, mend, c.start):
            f["colon_then_quote"] = 1.0
    # the article so far
    key = sp.speaker.lower()
    times = history.counts[key]
    f["quoted:" + _bin(times, 3)] = 1.0
    if recent and recent[0] == key:
        f["last_speaker"] = 1.0
        if c.start == c.pstart + 1:
            f["last_speaker&opens_paragraph"] = 1.0
    surname = name_words[-1] if name_words else ""
    if len(surname) > 2:
        n, mid, lower = word_evidence(c.doc, surname)
        f["article_mentions:" + _bin(n, MENTIONS_CAP)] = 1.0
        if surname[:1].isupper():
            f["capitalised_mid_sentence"] = float(mid)  # a name is capitalised wherever it stands
            f["lower_case_elsewhere"] = float(lower)    # a common word shows up in lower case too
    if c.start == c.pstart + 1:
        f["opens_paragraph&" + ("first" if cand.first else "other")] = 1.0
    if c.start <= c.pstart + 1 and c.end >= c.pend - 2:  # the quotation is its whole paragraph
        for src in cand.sources:
            f["whole_paragraph&src:" + src] = 1.0
    if key in recent:
        f["recent_rank:" + str(recent.index(key))] = 1.0
    return f
