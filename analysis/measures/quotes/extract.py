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

from ... import schema
from ...actors import Actors
from ...document import Doc
from ...speakers import Resolver
from ...text import SpanLookup, count_words, mark_after
from .candidates import Candidate, History, collect
from .model import SpeakerModel, choose, speaker_model
from .rules import (INDIRECT_CUES, NO_THAT_NEEDED, SENTENCE_TAIL, QuoteContext, _indirect_search, _paragraph_bounds,
                    _sentence_bounds, rule_answers)
from .spans import merge_spans, quote_kind

COLUMNS = schema.QUOTES.fields

def extract_quotes(doc: Doc, actors: Actors, model: SpeakerModel | None | str = "default",
                   trace: list | None = None) -> list[dict]:
    """The quotations and reported speech of one article, each with its speaker.

    Args:
        doc: the article, built by ``document.build_doc``.
        actors: the actors file; speakers are resolved to its people and groups.
        model: the speaker model choosing among the candidates (``"default"``, as in a run: the
            shipped one, ``data/models/speaker_polnear.json``); None: the first rule that fires speaks
            (``run --speakers rules``). ``evaluate quotes --speakers model|rules`` compares the two.
        trace: if a list, each quotation's (row, candidates) is appended to it (for training).

    Returns:
        one dict per quotation (headline first, then by position) with the fields of the ``quotes``
        table after ``article_id, outlet``: quote_id, section, start, end, text, n_words, kind,
        speaker, speaker_actor, speaker_mention, speaker_confidence (the model's probability for the
        speaker; empty without a model, for reported speech, and for a quotation with no speaker), cue, rule.

    Example:
        >>> from analysis.actors import parse_actors
        >>> from analysis.document import build_doc
        >>> actors = parse_actors({"actors": {"Russia": {"people": [{"name": "Dmitry Peskov"}]}}})
        >>> doc = build_doc({"article_id": "a", "outlet": "o", "raw": "“We are ready,” Peskov said."}, actors)
        >>> [(q["text"], q["speaker"], q["rule"]) for q in extract_quotes(doc, actors)]
        [('We are ready,', 'Dmitry Peskov', 'after:name-cue')]
    """
    if model == "default":
        model = speaker_model()
    res = Resolver(doc, actors)
    rows: list[dict] = []
    for section in ("headline", "body"):
        text = doc.section_text(section)
        if not text:
            continue
        merged = merge_spans(doc.quotes_in(section))
        prev: dict | None = None
        prev_para_end_quote: dict | None = None
        collecting = model is not None or trace is not None
        quoted = SpanLookup(doc.quotes_in(section)) if collecting else None
        history = History()
        for start, end, span in merged:
            if end <= start or not text[start:end].strip():
                continue
            pstart, pend = _paragraph_bounds(doc, section, start)
            sstart, send = _sentence_bounds(doc, section, start)
            qtext = text[start:end]
            send_q = _sentence_bounds(doc, section, max(start, end - 1))[1]
            if send_q <= mark_after(text, end) and end < pend and re.search(r"[?!][’'\s]*$", qtext):
                # “…?” Clinton said. : the splitter ends the sentence at the question mark
                send_q = _sentence_bounds(doc, section, min(mark_after(text, end) + 1, pend - 1))[1]
            ctx = QuoteContext(doc, res, section, text, start, end, span, sstart, send, send_q, pstart, pend,
                               prev, prev_para_end_quote)
            if collecting:
                cands = collect(ctx, rule_answers(ctx), history, quoted, actors.people)
            else:  # the rules alone: the first that fires speaks
                cands = [Candidate(sp, cue, rule, first=True) for _, (sp, cue, rule) in rule_answers(ctx, True)]
            n_words = count_words(qtext)
            chosen, confidence = choose(cands, model, n_words)
            found = (chosen.speaker, chosen.cue, chosen.rule) if chosen else None
            sp, cue, rule = found if found else (None, "", "unattributed")
            if sp and sp.kind not in ("same",):
                res.remember(sp.pos, sp)
            kind = quote_kind(text, qtext, start, end, sstart, send, bool(sp))
            row = {"section": section, "start": start, "end": end, "text": qtext, "n_words": n_words,
                   "kind": kind, "speaker": sp.speaker if sp else "", "speaker_actor": sp.actor if sp else "",
                   "speaker_mention": sp.mention if sp else "", "speaker_confidence": confidence,
                   "cue": cue, "rule": rule, "_para": pstart}
            rows.append(row)
            history.add(row)
            if trace is not None:
                trace.append((row, cands))
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


# reported speech whose speaker comes last: "…, Peskov said." / "…, said Peskov." / "…, according to Peskov."
_TRAILING_INDIRECT = re.compile(
    r",\s+(?:(?P<np>(?:[A-Z][\w’'.\-]*|the|a|an|his|her|its|their)(?:\s+[\w’'.\-]+){0,6}?)\s+(?P<cue>said|says|told reporters|"
    r"added|noted|wrote|argued|warned|explained)|(?P<cue2>said|according to)\s+(?P<np2>[^,]{2,60}?))"
    + SENTENCE_TAIL)


def _indirect(doc: Doc, res: Resolver, direct_rows: list[dict]) -> list[dict]:
    """Reported speech: X said (that) … in a sentence with no quotation marks."""
    out = []
    for s in doc.sentences:
        if s.section != "body" or s.in_quote > 0:
            continue
        m = _indirect_search(s.text)
        if m and m.group("cue") in INDIRECT_CUES and (m.group("cue") in NO_THAT_NEEDED or m.group("that")) \
                and count_words(s.text[m.end():]) >= 4:
            cue, np, np_at = m.group("cue"), m.group("np"), m.start("np")
            start, end = s.start + m.end(), s.end
        else:  # "The talks failed, Peskov said." / "…, according to Peskov."
            m = _TRAILING_INDIRECT.search(s.text)
            if not m or m.start() == 0:
                continue
            g = "" if m.group("np") else "2"
            cue, np, np_at = m.group("cue" + g).split()[0], m.group("np" + g), m.start("np" + g)
            start, end = s.start, s.start + m.start()
        np_clean = re.split(r",\s+", np)[-1]
        np_start = s.start + np_at + (len(np) - len(np_clean))
        sp = res.phrase(np_clean, np_start, "body")
        if not sp or sp.kind == "pronoun-unresolved" and not sp.speaker:
            continue
        if sp.kind == "raw" and not sp.speaker[:1].isupper():
            continue
        while end > start and doc.body[end - 1] in ".!?, ":
            end -= 1
        clause = doc.body[start:end]
        if count_words(clause) < 4:
            continue
        res.remember(sp.pos, sp)
        out.append({"section": "body", "start": start, "end": end, "text": clause, "n_words": count_words(clause),
                    "kind": "indirect", "speaker": sp.speaker, "speaker_actor": sp.actor, "speaker_mention": sp.mention,
                    "speaker_confidence": float("nan"), "cue": cue, "rule": "indirect:name-cue", "_para": 0})
    return out


