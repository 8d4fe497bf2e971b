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

from .. import schema
from ..actors import Actors
from ..document import Doc
from ..speakers import PRONOUNS, Resolver, Speaker
from ..text import QuoteSpan, count_words
from .base import BodySentences, Check, Measure, Options
from .attribution import (_CUE_ENDINGS, INDIRECT_CUES, NO_THAT_NEEDED, _after, _before, _colon_intro,
                          _indirect_search, _paragraph_bounds, _sentence_bounds, _sentence_subject, _trailing,
                          _transcript)

COLUMNS = schema.QUOTES.fields

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
    """The quotations and reported speech of one article, each with its speaker.

    Args:
        doc: the article, built by ``document.build_doc``.
        actors: the actors file; speakers are resolved to its people and groups.

    Returns:
        one dict per quotation (headline first, then by position) with the fields of the ``quotes``
        table after ``article_id, outlet``: quote_id, section, start, end, text, n_words, kind,
        speaker, speaker_actor, speaker_mention, cue, rule.

    Example:
        >>> from analysis.actors import parse_actors
        >>> from analysis.document import build_doc
        >>> actors = parse_actors({"actors": {"Russia": {"people": [{"name": "Dmitry Peskov"}]}}})
        >>> doc = build_doc({"article_id": "a", "outlet": "o", "raw": "“We are ready,” Peskov said."}, actors)
        >>> [(q["text"], q["speaker"], q["rule"]) for q in extract_quotes(doc, actors)]
        [('We are ready,', 'Dmitry Peskov', 'after:name-cue')]
    """
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


# ------------------------------------------------------------------ the measure
def _quote_items(t: dict, method: str) -> list[dict]:
    """Every body sentence, coded yes if a direct or partial quotation overlaps it."""
    index, q = BodySentences(t["sentences"]), _coded_quotes(t)
    quoted = {(aid, sid) for aid, start, end in zip(q["article_id"], q["start"].astype(int), q["end"].astype(int))
              for sid in index.overlapping(aid, start, end)}
    s = t["sentences"]
    body = s[s["section"] == "body"]
    return [{"article_id": aid, "sentence_id": int(sid), "actor": "", "text": text,
             "toolkit_code": "yes" if (aid, int(sid)) in quoted else "no"}
            for aid, sid, text in zip(body["article_id"], body["sentence_id"], body["text"])]


def _speaker_items(t: dict, method: str) -> list[dict]:
    """Every direct or partial body quotation, with the toolkit's speaker."""
    index, q = BodySentences(t["sentences"]), _coded_quotes(t)
    return [{"article_id": aid, "sentence_id": index.containing(aid, start), "actor": "", "text": text,
             "toolkit_code": speaker or "unknown"}
            for aid, start, text, speaker in zip(q["article_id"], q["start"].astype(int), q["text"], q["speaker"])]


def _coded_quotes(t: dict):
    q = t["quotes"]
    return q[q["kind"].isin(["direct", "partial"]) & (q["section"] == "body")]


class Quotes(Measure):
    """Quotations and reported speech with their canonical speakers (``extract_quotes``); summaries: the
    share of quoted words per actor group and per speaker in each outlet.

    Example:
        >>> from analysis.measures import REGISTRY
        >>> REGISTRY["quotes"].table.fields[:3]
        ['quote_id', 'section', 'start']
    """
    name = "quotes"
    copies = ("quote",)
    reads = {"articles": ["article_id", "outlet", "n_words"],
             "quotes": ["article_id", "outlet", "section", "kind", "n_words", "speaker", "speaker_actor"]}
    summaries = ("summary_quote_share_actor", "summary_quote_share_speaker")
    checks = (
        Check("quote", "Q", ("yes", "no"), "nominal", ("yes",),
              "Does this sentence hold words quoted from a speaker (in quotation marks)? yes / no",
              "* **quote**: `yes` if the sentence contains words in quotation marks that a person or\n"
              "  institution said or wrote (also partial quotations of a few words); `no` for scare quotes,\n"
              "  titles, or no quotation marks.", _quote_items),
        Check("speaker", "S", None, "nominal", ("correct speaker",),
              "Who spoke the quoted words in `text`? Write the name as the article gives it (or: unknown)",
              "* **speaker**: the name of whoever spoke the quoted words, as the article identifies them\n"
              "  (a surname is enough); `unknown` if the article does not say.", _speaker_items, by_code=False),
    )

    def configure(self, options: Options) -> Actors:
        return options.actors

    def score(self, doc, upstream, actors: Actors) -> list[dict]:
        return extract_quotes(doc, actors)

    def summarize(self, load, options):
        from ..compare import quote_share
        arts, q = load("articles"), load("quotes")
        return {"summary_quote_share_actor": quote_share(q, arts, by="actor"),
                "summary_quote_share_speaker": quote_share(q, arts, by="speaker")}
