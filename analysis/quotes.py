"""Quotations, their speakers, and reported speech.

Quotation spans come from ``text.quote_spans`` (straight, curly, guillemet and single
marks; quotations running over paragraphs are merged). Each is attributed by the first
rule that fires, and the rule is recorded:

``after:name-cue``       “…,” Peskov said / “…,” Rep. Gwen Moore (D-Wis.) said / “…?” Clinton said.
``after:cue-name``       “…,” said Kremlin spokesman Dmitry Peskov
``after:dash``           “…” ― Carla Sanchez
``before:according``     According to Peskov, “…”
``before:cue-name``      Said Ellis: “…”
``before:participle``    Trump responded ambiguously, saying, “…” (the subject before the participle)
``before:name-cue``      Kallas asserted on Wednesday night, “…” / Rucker Culpepper, who runs …, said, “…”
``following``            a quotation with no cue after a quotation of the same paragraph
``continuation``         a paragraph that continues the previous paragraph's quotation
``previous-paragraph``   a paragraph that is only a quotation, after a paragraph that ended with one
``transcript``           “WALLACE: But, Governor Pence, …”
``colon-paragraph``      The New York Times reports: / (next paragraph) “…”
``sentence-end``         A cashier who “steals a handful of $20s” is held accountable, Warren said.
``previous-sentence``    … over Syria, Schiff said. “The other factor …”
``sentence-subject``     In July, Gingrich cynically dismissed Estonia as being in the “suburbs …”
``indirect:name-cue``    Peskov said that … (reported speech, no marks)

A ``+subject`` suffix marks a pronoun replaced by the sentence's own named subject ("Clinton says
she …"). Speaker phrases are resolved by ``speakers.Resolver``.

Kinds: ``direct`` (speech in quotation marks), ``partial`` (a fragment inside narration),
``scare`` (a short unattributed phrase), ``title`` (a quoted name of a work or a quoted heading),
``indirect`` (reported speech: X said that …, no marks).
"""
from __future__ import annotations

import re

from .actors import Actors
from .document import Doc
from .speakers import NAME_RE, PAREN_RE, PRONOUNS, Resolver, Speaker, blank
from .text import QuoteSpan, count_words

COLUMNS = ["quote_id", "section", "start", "end", "text", "n_words", "kind", "speaker", "speaker_actor",
           "speaker_mention", "cue", "rule"]

CUE_VERBS = (
    "said says say told tells added adds wrote writes stated states asserted asserts argued argues explained explains "
    "noted notes remarked remarks declared declares insisted insists stressed stresses emphasized emphasised emphasizes "
    "emphasises warned warns claimed claims continued continues replied replies responded responds answered answers "
    "announced announces acknowledged acknowledges admitted admits asked asks tweeted tweets posted commented comments "
    "observed suggested suggests concluded recalled described describes called calls urged urges cautioned predicted "
    "predicts confirmed confirms reported reports testified joked quipped conceded concedes countered complained "
    "complains mused boasted vowed vows promised promises exclaimed lamented laments charged alleged contended "
    "maintained recounted agreed wondered cried shouted yelled pleaded pledged predicted insisted reiterated "
    "reiterates explained blasted slammed hinted thundered scoffed fumed insisted texted emailed advised demanded "
    "demands sings sang reads read chanted"
).split()
PARTICIPLES = (
    "saying adding telling writing stating noting arguing explaining declaring insisting stressing emphasizing "
    "emphasising warning claiming asking describing calling urging remarking tweeting recalling suggesting predicting "
    "acknowledging admitting replying responding answering announcing continuing vowing promising reiterating"
).split()
INDIRECT_CUES = {"said", "says", "told", "tells", "added", "adds", "stated", "states", "stressed", "stresses",
                 "insisted", "insists", "argued", "argues", "warned", "warns", "claimed", "claims", "noted", "notes",
                 "explained", "explains", "announced", "announces", "acknowledged", "emphasized", "emphasised",
                 "suggested", "suggests", "asserted", "asserts", "confirmed", "confirms", "reiterated", "maintained",
                 "remarked", "remarks", "declared", "declares", "admitted", "admits", "wrote", "writes", "predicted",
                 "cautioned", "contended", "conceded", "insisted"}
NO_THAT_NEEDED = {"said", "says", "told", "tells", "added", "adds"}

def _trie_alternation(words) -> str:
    """A regex matching exactly the given words, with shared prefixes factored (faster than a flat
    alternation; followed by \\b, exactly one word can match at a position, so the match is the same)."""
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


_CUE_WORDS = _trie_alternation(sorted(set(CUE_VERBS)) + ["pointed out", "went on"])
_ADVERBS = (r"(?:has|had|have|also|later|then|again|once|previously|reportedly|repeatedly|recently|famously|would|"
            r"will|did|does|not|n't|never|publicly|privately|notably|simply|quickly|further|\w+ly)")
_ADVERB = re.compile(_ADVERBS)
_CUE = r"(?:" + _ADVERBS + r"\s+)*(?P<cue>" + _CUE_WORDS + r")\b"
_CUE_RE = re.compile(r"\b(?P<cue>" + _CUE_WORDS + r")\b")
_PART_RE = re.compile(r"\b(?P<cue>" + "|".join(PARTICIPLES) + r")\b")
_STOP_PHRASE = re.compile(r"[.!?;:“”\"«»()]")
_DASH_NAME = re.compile(r"^\s*[―—–]\s*(?P<np>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4})\s*\.?\s*$")
_INNER_PERIOD = re.compile(r"\.(?=[^\s.]|\s+[^\s“”\"«»])")
_APPOSITIVE = re.compile(r",\s+(?:who|which|whose|whom|where)\b[^,“”\"]{0,120},")
_ADVERBIAL_BETWEEN = re.compile(r"^(?:\s*(?:on|in|at|during|after|before|last|this|earlier|later|late|early|in a|to)\b[^,“”\"]{0,60})?,?\s*[:,]?\s*$")


def _merge_spans(spans: list[QuoteSpan]) -> list[tuple[int, int, QuoteSpan]]:
    """Merge paragraph continuations into one quotation: (start, end, first span)."""
    out: list[list] = []
    for sp in spans:
        if sp.continues and out and not out[-1][2].closed and out[-1][3] is False:
            out[-1][1] = sp.end
            out[-1][3] = sp.closed
            continue
        out.append([sp.start, sp.end, sp, sp.closed if not sp.single else True])
    return [(s, e, sp) for s, e, sp, _ in out]


def _paragraph_bounds(doc: Doc, section: str, pos: int) -> tuple[int, int]:
    if section == "headline":
        return 0, len(doc.headline)
    return doc.paragraph_at(pos) or (0, len(doc.body))


def _sentence_bounds(doc: Doc, section: str, pos: int) -> tuple[int, int]:
    s = doc.sentence_at(section, pos)
    return (s.start, s.end) if s else _paragraph_bounds(doc, section, pos)


_AFTER_NAME_CUE = re.compile(r"^(?P<np>[^.!?;:“”\"«»]{1,90}?)\s+" + _CUE)
_AFTER_CUE_NAME = re.compile(r"^(?P<cue>" + "|".join(CUE_VERBS) + r")\s+(?P<np>[^.!?;:,“”\"«»]{1,90})")
_CUE_ENDINGS = tuple(CUE_VERBS + PARTICIPLES)  # re.search("(?:said|…)\s*$", x) <=> x.rstrip().endswith(…)


def _after(text: str, qtext: str, qend: int, send: int, res: Resolver, section: str):
    """Attribution after the closing mark, in the same sentence: “…,” X said / “…,” said X."""
    tail_start = qend + 1
    tail = text[tail_start:send]
    dash = _DASH_NAME.match(tail)
    if dash:  # “…” ― Carla Sanchez
        sp = res.phrase(dash.group("np"), tail_start + dash.start("np"), section)
        if sp and sp.kind in ("person", "raw"):
            return sp, "", "after:dash"
    if not (re.search(r"[,!?…—–-][’'\s]*$", qtext) or re.match(r"^\s*[,—–-]", tail)):
        return None
    m = re.match(r"^[\s,—–-]*", tail)
    k = m.end()
    seg = tail[k:]
    # inside one sentence a period followed by more text is an abbreviation or an initial (Mr. Barrett,
    # Sen. Bernie Sanders (Vt.)): masked so that it does not end the speaker phrase
    seg_masked = _INNER_PERIOD.sub("\u00b7", seg)
    seg_clean = blank(PAREN_RE, blank(_APPOSITIVE, seg_masked[:250]))  # appositives, (D-Wis.)
    # X said
    mm = _AFTER_NAME_CUE.match(seg_clean)
    if mm and not _STOP_PHRASE.search(seg_clean[: mm.start("cue")]):
        np = seg[: mm.end("np")]
        if "," in np:  # Rep. Jim Jordan (R-Ohio), an oversight panel member, said
            np = np.split(",")[0]
        sp = res.phrase(np, tail_start + k, section)
        if sp:
            return sp, mm.group("cue"), "after:name-cue"
    # said X
    mm = _AFTER_CUE_NAME.match(seg_masked)
    if mm:
        sp = res.phrase(seg[mm.start("np"):mm.end("np")], tail_start + k + mm.start("np"), section)
        if sp:
            return sp, mm.group("cue"), "after:cue-name"
    return None


def _before(text: str, qstart: int, sstart: int, res: Resolver, section: str):
    """Attribution before the opening mark within the sentence."""
    head = text[sstart: qstart - 1]
    m = re.search(r"\baccording to\s+(?P<np>[^,“”\"]{1,80}?)\s*,?\s*$", head, re.I)
    if m:
        sp = res.phrase(m.group("np"), sstart + m.start("np"), section)
        if sp:
            return sp, "according to", "before:according"
    m = re.search(r"(?:^|[.;]\s+)(?P<cue>[Ss]aid|[Aa]dded|[Ww]rote|[Aa]sked)\s+(?P<np>[A-Z][^,:“”\"]{1,60}?)\s*[:,]\s*$", head)
    if m:  # Said Ellis: “…”
        sp = res.phrase(m.group("np"), sstart + m.start("np"), section)
        if sp:
            return sp, m.group("cue").lower(), "before:cue-name"
    cues = list(_CUE_RE.finditer(head))
    parts = list(_PART_RE.finditer(head))
    last_cue = cues[-1] if cues else None
    last_part = parts[-1] if parts else None  # noqa: the participle rule needs both
    if last_part and (not last_cue or last_part.start() > last_cue.start()) and \
            _ADVERBIAL_BETWEEN.match(head[last_part.end():]) or (last_part and not last_cue):
        sp = _subject_before(text, sstart + last_part.start(), sstart, res, section)
        if sp:
            return sp, last_part.group("cue"), "before:participle"
    for cue_m in reversed(cues):
        left = head[:cue_m.start()]
        left = re.sub(r"(?:\s+(?:has|had|have|also|later|then|again|once|previously|reportedly|repeatedly|recently|"
                      r"would|will|did|does|not|never|publicly|privately|notably|simply|quickly|further|\w+ly))+\s*$",
                      "", left)
        cuts = [left.rfind(w) + len(w) for w in (",", " that ", " and ", " but ", " while ", " as ", " when ",
                                                  " what ", " whether ") if left.rfind(w) >= 0]
        np = left[max(cuts):] if cuts else left
        np_start = sstart + len(left) - len(np)
        subject = _comma_subject(left)
        if subject and (not np.strip() or _NONSUBJECT.match(np.strip())):
            np, np_start = subject[0], sstart + subject[1]
        if np.strip() and len(np.split()) <= 10 and not _CUE_RE.search(np) and not _PART_RE.search(np):
            sp = res.phrase(np, np_start, section)
            if sp:
                return sp, cue_m.group("cue"), "before:name-cue"
    return None


_NONSUBJECT = re.compile(r"^(?:who|which|whose|whom|where|a|an|the|one|at|in|on|during|after|before|with|from|for|"
                         r"as|of|by|speaking|according|also|however|meanwhile|though|although|following|despite|"
                         r"since|when|while|if|because|until|amid|asked|after|[a-z]+ly\b)\b")
_CLAUSE_CUTS = (" that ", " and ", " but ", " while ", " when ", " what ", " whether ", " because ", "; ")


def _comma_subject(left: str) -> tuple[str, int] | None:
    """The speaker phrase of a clause like "Rucker Culpepper, who runs …, families" or "Democratic nominee
    Hillary Clinton, at a later press gaggle": the first comma segment (after any clause cut and any
    leading adverbial) that starts with a capital and is not an appositive or adverbial."""
    base = max([left.rfind(w) + len(w) for w in _CLAUSE_CUTS if left.rfind(w) >= 0] or [0])
    pos = base
    for seg in left[base:].split(","):
        stripped = seg.strip()
        if stripped and stripped[0].isupper() and not _NONSUBJECT.match(stripped.lower()) \
                and len(stripped.split()) <= 8:
            return stripped, pos + seg.index(stripped)
        pos += len(seg) + 1
    return None


def _subject_before(text: str, pos: int, sstart: int, res: Resolver, section: str) -> Speaker | None:
    """The nearest person or subject pronoun before pos in the sentence (participle clauses)."""
    doc = res.doc
    persons = [m for m in doc.mentions if m["section"] == section and sstart <= m["start"] < pos and m["person"]]
    pron = [m for m in re.finditer(r"\b(?:He|he|She|she)\b", text[sstart:pos])]
    best_person = persons[-1] if persons else None
    best_pron = pron[-1] if pron else None
    if best_pron and (not best_person or sstart + best_pron.start() > best_person["start"]):
        return res.pronoun(best_pron.group(), sstart + best_pron.start(), section)
    if best_person:
        return Speaker(best_person["person"], best_person["actor"], best_person["text"], best_person["start"], "person")
    subject = _sentence_subject(text, pos + 1, sstart, res, section)  # "Trump attacked Clinton …, saying"
    if subject:
        return subject[0]
    names = list(NAME_RE.finditer(text[sstart:pos]))
    if names:
        return res.phrase(names[-1].group(), sstart + names[-1].start(), section)
    return None


_TITLE_CUES = re.compile(r"\b(?:titled|entitled|called|named|dubbed|book|film|movie|song|album|show|program|programme|"
                         r"series|article|op-ed|column|headline|slogan|hashtag|report|documentary|play|novel)\s*,?\s*$", re.I)


def _kind(text: str, qtext: str, start: int, end: int, sstart: int, send: int, attributed: bool) -> str:
    words = count_words(qtext)
    before = text[sstart:start - 1]
    after = text[end + 1:send]
    if _TITLE_CUES.search(before) and words <= 12 and not re.search(r"[.!?,]$", qtext.strip()):
        return "title"
    ws = qtext.split()
    if not before.strip() and not after.strip(" .”\"’'") and 2 <= len(ws) <= 8 and \
            sum(w[:1].isupper() for w in ws if len(w) > 3) >= max(2, len([w for w in ws if len(w) > 3])):
        return "title"  # a quoted line of Title Case on its own: a section heading ('Legend in the Coal Fields.')
    full = qtext[:1].isupper() or qtext[:1] in "…"  # a full statement opens with a capital
    narration_before = bool(re.search(r"[a-z]\s*$", before)) and not before.strip(" ,:").rstrip().endswith(_CUE_ENDINGS)
    if not attributed and words <= 3:
        return "scare"
    if narration_before and (words < 8 or not full):
        return "partial"
    if not full and words < 8:
        return "partial" if attributed else "scare"
    return "direct"


def extract_quotes(doc: Doc, actors: Actors) -> list[dict]:
    res = Resolver(doc, actors)
    rows: list[dict] = []
    for section in ("headline", "body"):
        text = doc.section_text(section)
        if not text:
            continue
        merged = _merge_spans(doc.quotes_in(section))
        prev: dict | None = None
        prev_para_end_quote: dict | None = None
        for start, end, span in merged:
            if end <= start or not text[start:end].strip():
                continue
            pstart, pend = _paragraph_bounds(doc, section, start)
            sstart, send = _sentence_bounds(doc, section, start)
            qtext = text[start:end]
            send_q = _sentence_bounds(doc, section, max(start, end - 1))[1]
            if send_q <= end + 1 and end < pend and re.search(r"[?!][’'\s]*$", qtext):
                # “…?” Clinton said. : the splitter ends the sentence at the question mark
                send_q = _sentence_bounds(doc, section, min(end + 2, pend - 1))[1]
            found = _after(text, qtext, end, max(send_q, send), res, section) if end < pend else None
            if not found:
                found = _before(text, start, sstart, res, section)
            if not found and prev and prev["_para"] == pstart and prev["speaker"]:
                found = (Speaker(prev["speaker"], prev["speaker_actor"], prev["speaker_mention"], start, "same"),
                         prev["cue"], "following")
            if not found and span.continues and prev and prev["speaker"]:
                found = (Speaker(prev["speaker"], prev["speaker_actor"], prev["speaker_mention"], start, "same"),
                         prev["cue"], "continuation")
            if not found and prev_para_end_quote and start == pstart + 1 and prev_para_end_quote["speaker"]:
                p = prev_para_end_quote
                found = (Speaker(p["speaker"], p["speaker_actor"], p["speaker_mention"], start, "same"), p["cue"],
                         "previous-paragraph")
            if not found:
                found = _transcript(qtext, start, res, section)
            if not found and start == pstart + 1 and pstart > 0:
                found = _colon_intro(doc, text, pstart, res, section)
            if not found:
                found = _trailing(doc, text, start, sstart, send, pstart, res, section)
            if not found and text[sstart:max(sstart, start - 1)].strip():
                found = _sentence_subject(text, start, sstart, res, section)
            if found and found[0].mention.lower() in PRONOUNS and sstart <= found[0].pos:
                # "Clinton says she …", "Sen. Claire McCaskill scolded him: “…,” she said": the sentence's own
                # named subject, not an earlier candidate, is who the pronoun means
                subj = _sentence_subject(text, found[0].pos + 1, sstart, res, section)
                if subj and subj[0].speaker != found[0].speaker:
                    found = (subj[0], found[1], found[2] + "+subject")
            sp, cue, rule = found if found else (None, "", "unattributed")
            if sp and sp.kind not in ("same",):
                res.remember(sp.pos, sp)
            kind = _kind(text, qtext, start, end, sstart, send, bool(sp))
            row = {"section": section, "start": start, "end": end, "text": qtext, "n_words": count_words(qtext),
                   "kind": kind, "speaker": sp.speaker if sp else "", "speaker_actor": sp.actor if sp else "",
                   "speaker_mention": sp.mention if sp else "", "cue": cue, "rule": rule, "_para": pstart}
            rows.append(row)
            prev = row
            tail = text[end:pend].strip(" ”\"’'»")
            prev_para_end_quote = row if not tail or re.fullmatch(r"[.!?,]?", tail) else (
                row if found and rule.startswith("after") else None)
        if section == "body":
            rows.extend(_indirect(doc, res, rows))
    rows.sort(key=lambda r: (r["section"] != "headline", r["start"], r["end"]))
    out = []
    for i, r in enumerate(rows, start=1):
        r.pop("_para", None)
        out.append({"quote_id": i, **{k: r[k] for k in COLUMNS[1:]}})
    return out


_TRANSCRIPT = re.compile(r"^\s*(?P<np>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,2}):\s")
_TRAILING = re.compile(r"(?:^|,\s+)(?P<np>[A-Z][^,;:“”\"«»]{0,60}?)\s+(?P<cue>said|says|added|adds|wrote|writes|argued|"
                       r"noted|explained|recalled|told (?:reporters|[A-Z]\w+))(?:\s+(?:on|in|at|during|last|this)"
                       r"(?:\s+\S+){1,3})?\s*[.!]?\s*$")


def _transcript(qtext: str, start: int, res: Resolver, section: str):
    """“WALLACE: But, Governor Pence, …”: a transcript turn names its speaker in capitals."""
    m = _TRANSCRIPT.match(qtext)
    if not m:
        return None
    sp = res.phrase(m.group("np").title(), start + m.start("np"), section)
    return (Speaker(m.group("np"), sp.actor if sp else "", m.group("np"), start, "raw"), "", "transcript") if sp else None


def _colon_intro(doc: Doc, text: str, pstart: int, res: Resolver, section: str):
    """A quotation opening the paragraph after one that ends with a colon: “The New York Times reports:”."""
    prev = text[:pstart].rstrip()
    if not prev.endswith(":"):
        return None
    colon = len(prev) - 1
    sstart, _ = _sentence_bounds(doc, section, colon)
    found = _before(text, colon + 1, sstart, res, section)
    return (found[0], found[1], "colon-paragraph") if found else None


def _trailing(doc: Doc, text: str, start: int, sstart: int, send: int, pstart: int, res: Resolver, section: str):
    """“…, Warren said.” at the end of the quotation's sentence, or of the sentence just before it in the
    paragraph (“… over Syria, Schiff said. "The other factor …"”)."""
    cands = [(sstart, send, "sentence-end")]
    if sstart > pstart:
        before = [x for x in doc.sentences if x.section == section and pstart <= x.start and x.end <= sstart]
        if before:
            cands.append((before[-1].start, before[-1].end, "previous-sentence"))
    for a, b, rule in cands:
        seg = blank(PAREN_RE, _INNER_PERIOD.sub("\u00b7", text[a:b]))
        m = _TRAILING.search(seg)
        if not m or (rule == "sentence-end" and a + m.start("np") < start):
            continue
        if rule == "previous-sentence" and any(ch in text[a:b] for ch in "“”\""):
            continue
        sp = res.phrase(text[a + m.start("np"):a + m.end("np")], a + m.start("np"), section)
        if sp and sp.kind in ("person", "raw", "institution") and sp.speaker[:1].isupper():
            return sp, m.group("cue").split()[0], rule
    return None


_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My", "It"}


def _sentence_subject(text: str, start: int, sstart: int, res: Resolver, section: str):
    """A partial quotation inside narration whose subject is a named person or body:
    “In July, Gingrich cynically dismissed NATO member Estonia as being in the “suburbs…””."""
    head = blank(PAREN_RE, text[sstart:start - 1])
    pos = 0
    for seg in head.split(","):
        stripped = seg.strip()
        if stripped and not _NONSUBJECT.match(stripped.lower()) and not stripped.startswith(("“", "\"")):
            m = NAME_RE.match(stripped)
            if not m or m.group().split()[0] in _DETERMINERS or m.group().lower() in PRONOUNS:
                return None
            after = stripped[m.end():].lstrip()
            if not after or not after[0].islower():
                return None
            sp = res.phrase(m.group(), sstart + pos + seg.index(stripped), section)
            if sp and sp.kind in ("person", "raw", "institution"):
                return sp, "", "sentence-subject"
            return None
        pos += len(seg) + 1
    return None


_INDIRECT = re.compile(r"(?P<np>(?:[A-Z][\w’'.\-]*|the|a|an|his|her|its|their|[a-z]+)(?:\s+[\w’'.\-]+){0,7}?)\s+"
                       + _CUE + r"(?:\s+(?:reporters|journalists|him|her|them|us|me|the (?:press|media|crowd|audience|[A-Z][\w.]+)|"
                         r"[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}))?\s*,?\s+(?P<that>that\s+)?")


_INDIRECT_PREFILTER = _CUE_RE  # every _INDIRECT match holds a cue word: sentences without one skip the slow search
_RUN_BREAK = re.compile(r"[^\w’'.\-\s]")
_SPACE_TOKEN = re.compile(r"\S+")


def _indirect_search(text: str):
    """``_INDIRECT.search(text)``, faster and with the same result. A match holds a cue word, and from its
    start to its cue there are only words, apostrophes, periods, hyphens and spaces: no match starts before
    the last other character preceding the first cue word. Within that run, the phrase before the cue
    is at most 8 space-separated tokens plus the adverbs right before the cue, so the search can start
    at the (8 + adverbs)-th token before the first cue."""
    cue = _INDIRECT_PREFILTER.search(text)
    if not cue:
        return None
    start = 0
    for m in _RUN_BREAK.finditer(text, 0, cue.start()):
        start = m.end()
    toks = [m for m in _SPACE_TOKEN.finditer(text, start, cue.start())]
    adverbs = 0
    while adverbs < len(toks) and _ADVERB.fullmatch(toks[-1 - adverbs].group()):
        adverbs += 1
    if len(toks) > 8 + adverbs:
        start = toks[-(8 + adverbs)].start()
    return _INDIRECT.search(text, start)


def _indirect(doc: Doc, res: Resolver, direct_rows: list[dict]) -> list[dict]:
    """Reported speech: X said (that) … in a sentence with no quotation marks."""
    out = []
    for s in doc.sentences:
        if s.section != "body" or s.in_quote > 0:
            continue
        m = _indirect_search(s.text)
        if not m:
            continue
        cue = m.group("cue")
        if cue not in INDIRECT_CUES or (cue not in NO_THAT_NEEDED and not m.group("that")):
            continue
        np = m.group("np")
        np_clean = re.split(r",\s+", np)[-1]
        np_start = s.start + m.start("np") + (len(np) - len(np_clean))
        sp = res.phrase(np_clean, np_start, "body")
        if not sp or sp.kind == "pronoun-unresolved" and not sp.speaker:
            continue
        if sp.kind == "raw" and not sp.speaker[:1].isupper():
            continue
        start = s.start + m.end()
        end = s.end
        while end > start and doc.body[end - 1] in ".!? ":
            end -= 1
        clause = doc.body[start:end]
        if count_words(clause) < 4:
            continue
        res.remember(sp.pos, sp)
        out.append({"section": "body", "start": start, "end": end, "text": clause, "n_words": count_words(clause),
                    "kind": "indirect", "speaker": sp.speaker, "speaker_actor": sp.actor, "speaker_mention": sp.mention,
                    "cue": cue, "rule": "indirect:name-cue", "_para": 0})
    return out
