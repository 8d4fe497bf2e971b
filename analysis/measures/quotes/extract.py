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
``indirect:name-cue``    Peskov said that … (reported speech, no marks; also ``indirect:appositive``,
                         ``indirect:trailing``, ``indirect:coordinated``, ``indirect:relative`` "Peskov, who
                         said …", ``indirect:share`` "46 percent of voters said …": see ``_indirect``)

A ``+subject`` suffix marks a pronoun replaced by the sentence's own named subject ("Clinton says
she …"). Speaker phrases are resolved by ``speakers.Resolver``.

Kinds: ``direct`` (speech in quotation marks), ``partial`` (a fragment inside narration),
``scare`` (a short unattributed phrase), ``title`` (a quoted name of a work or a quoted heading),
``indirect`` (reported speech: X said that …, no marks).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from ... import schema
from ...actors import Actors
from ...document import Doc
from ...speakers import NAME_RE, NOT_NAMES, TITLE_WORDS, Resolver, blank_parens, personal, plain_name
from ...text import DOUBLE_MARK, SpanLookup, count_words, has_words, mark_after
from .candidates import Candidate, History, collect
from .model import MIN_WORDS_UNCUED, SpeakerModel, alone_key, choose, speaker_model
from .rules import (_CUE, _CUE_RE, AFTER_CUE, INDIRECT_CUES, NO_THAT_NEEDED, SENTENCE_TAIL, SOURCE_NOUNS, WHEN_SAID,
                    QuoteContext, _indirect_search, _paragraph_bounds, _sentence_bounds, named_subject, rule_answers)
from .spans import merge_spans, no_quotation, quote_kind

COLUMNS = schema.QUOTES.fields
_ASKS_OR_EXCLAIMS = re.compile(r"[?!][’'\s]*$")
_END_PUNCT = re.compile(r"[.!?,]?")
_CUED_RULES = ("after:", "before:name-cue", "before:cue-name", "before:according")  # a reporting cue at the quotation

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
    clauses = _reporting_subjects(doc, res)
    alone = model.alone if model is not None else {}

    def decides_alone(rule: str, speaker) -> str | None:  # the first rule's answer needs no model
        return alone_key(alone, rule, speaker)
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
            if end <= start or not text[start:end].strip() or no_quotation(text[start:end]):
                continue
            pstart, pend = _paragraph_bounds(doc, section, start)
            sstart, send = _sentence_bounds(doc, section, start)
            qtext = text[start:end]
            send_q = _sentence_bounds(doc, section, max(start, end - 1))[1]
            if send_q <= mark_after(text, end) and end < pend and _ASKS_OR_EXCLAIMS.search(qtext):
                # “…?” Clinton said. : the splitter ends the sentence at the question mark
                send_q = _sentence_bounds(doc, section, min(mark_after(text, end) + 1, pend - 1))[1]
            ctx = QuoteContext(doc, res, section, text, start, end, span, sstart, send, send_q, pstart, pend,
                               prev, prev_para_end_quote)
            n_words = count_words(qtext)
            answers = rule_answers(ctx, not collecting, decides_alone)
            key = decides_alone(answers[0][1][2], answers[0][1][0]) if answers and collecting else None
            if answers and (not collecting or key):
                # the first rule that fires speaks
                sp, cue, rule = answers[0][1]
                cands = [Candidate(sp, cue, rule, first=True)]
                chosen, confidence = cands[0], alone.get(key, float("nan"))
            elif answers or n_words >= MIN_WORDS_UNCUED or trace is not None:
                cands = collect(ctx, answers, history, quoted, actors.people) if collecting else []
                chosen, confidence = choose(cands, model, n_words)
            else:  # a short fragment no rule attributes gets no speaker (``choose``): no candidates needed
                cands, chosen, confidence = [], None, float("nan")
            found = (chosen.speaker, chosen.cue, chosen.rule) if chosen else None
            sp, cue, rule = found if found else (None, "", "unattributed")
            kind = quote_kind(text, qtext, start, end, sstart, send, bool(sp), n_words)
            # a quoted title ("Trump Route for International Peace and Prosperity") with no reporting cue at it is
            # no one's words: the speaker the names around it suggest is not remembered for the pronouns and
            # quotations that follow (a Title Case line with its cue, "“Make America Great Again,” Trump said",
            # is speech)
            aside = kind == "title" and not rule.startswith(_CUED_RULES)
            if sp and sp.kind not in ("same",) and not aside:
                res.remember(sp.pos, sp)
            row = {"section": section, "start": start, "end": end, "text": qtext, "n_words": n_words,
                   "kind": kind, "speaker": _name_of(sp), "speaker_actor": sp.actor if sp else "",
                   "speaker_mention": sp.mention if sp else "", "speaker_confidence": confidence,
                   "cue": cue, "rule": rule, "_para": pstart}
            rows.append(row)
            if trace is not None:
                trace.append((row, cands))
            if aside:
                continue  # nor does it speak for the next quotation ("following", "previous-paragraph")
            history.add(row)
            prev = row
            tail = text[end:pend].strip(" ”\"’'»")
            prev_para_end_quote = row if not tail or _END_PUNCT.fullmatch(tail) else (
                row if found and rule.startswith("after") else None)
        if section == "body":
            rows.extend(_indirect(doc, res, rows, clauses))
    rows.sort(key=lambda r: (r["section"] != "headline", r["start"], r["end"]))
    out = []
    for i, r in enumerate(rows, start=1):
        r.pop("_para", None)
        out.append({"quote_id": i, **{k: r[k] for k in COLUMNS[1:]}})
    return out


def _name_of(sp) -> str:
    """The speaker column: a pronoun no earlier name resolves ("she said", "they said") names nobody, so the
    row has no speaker (its ``speaker_mention`` keeps the pronoun)."""
    return sp.speaker if sp and sp.kind != "pronoun-unresolved" else ""


# reported speech whose speaker comes last: "…, Peskov said." / "…, she said." / "…, said Peskov." /
# "…, said Mindy Romero, director of …" / "…, according to Peskov."
_TRAILING_INDIRECT = re.compile(
    r",\s+(?:(?P<np>(?:[A-Z][\w’'.\-]*|[a-z]+)(?:\s+[\w’'.\-]+){0,6}?)\s+"
    r"(?P<cue>said|says|told (?:reporters|(?:the\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|[a-z]+))|added|noted|wrote|"
    r"argued|warned|explained|reported|reports)|(?P<cue2>said|according to)\s+"
    r"(?P<np2>[^,]{2,60}?)(?:,\s+(?P<name>(?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'.\-]*)|,\s+[a-z][^;:“”\"«»]{2,160}?)?)"
    + SENTENCE_TAIL)

# reported speech whose subject carries an appositive or a relative clause: "Hugo Brandt, a former
# director of …, said the base was angry" / "A White House official, who requested anonymity, said …" /
# "A Twitter spokesman, Chris Abboud, said …" (the name speaks) / "The justice -- who … -- said …" /
# "Kasich (who has 25 delegates) said …"
_APPOSITIVE_INDIRECT = re.compile(
    r"^(?:(?:But|And|Still|Yet|Now),?\s+)?(?P<np>[A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,6}?)"
    r"(?:,\s+(?:(?P<name>(?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'.\-]*)|[RDI]-[A-Z][\w.]*|[a-z0-9][^,;:«»()]{1,200}?|"
    # "Daud Abdullah, Director of Middle East Monitor, says" / "One pastor …, Darran Whiting of Liberty Baptist Church, said"
    r"(?P<titled>(?:[A-Z][\w’'.\-]*\s+){1,3})(?:of|for|at)\s+[^,;:«»()]{1,100}?)"
    r"(?:,\s+[^,;:«»()]{2,100}?){0,2},(?:''|[”\"])?|\s+(?:--|—|–)\s+[^—–;:«»]{2,200}?\s+(?:--|—|–)|\s+\([^()]{2,120}\))\s+"
    + _CUE + AFTER_CUE)

_NP_WHEN = re.compile(r"\s+" + WHEN_SAID + "$")  # "Sean Spicer on Thursday evening" -> "Sean Spicer"
# what follows the cue is no reported clause when it opens with a preposition ("told reporters during the
# call") or a verb: then the cue is parenthetical ("Many of the closures, he said, have involved …", the
# sentence is what was said) or in a relative clause ("…, which he said were evenly split", none)
_AUXILIARY = r"is|are|was|were|has|have|had|will|would|can|could|should|may|might|must"
_NOT_A_CLAUSE = re.compile(r"(?:" + _AUXILIARY + r"|during|at|from|for|after|before|to|of|with)\b")
_VERB_FIRST = re.compile(r"(?:" + _AUXILIARY + r")\b")
_RELATIVE = re.compile(r"(?:which|that|who|whom|whose|what)\b", re.I)
_COORDINATED = re.compile(r"(?:^|\s)(?:and|but)(?:\s+(?:then|also|later|again))?$")


def _reporting_subjects(doc: Doc, res: Resolver) -> dict[int, Iterator[tuple]]:
    """The candidate clauses of reported speech of every body sentence (``_reported_clauses``, by sentence id, for
    ``_indirect``: the first read here, the others only when ``_indirect`` asks for them), read before the
    quotations: a person the actors file does not list who is the named subject of the first, in a sentence
    without quotation marks ("Saudi Foreign Minister Prince Faisal bin Farhan said the kingdom …"), is a salient
    antecedent for the pronouns after it (“We are honoured,” he said.), as a speaker is."""
    out = {}
    for s in doc.sentences:
        if s.section != "body":
            continue
        clauses = _reported_clauses(s.text)
        first = next(clauses, None)
        out[s.sentence_id] = chain((first,), clauses) if first else iter(())
        if s.in_quote or not first:
            continue
        rule, _cue, np, np_at = first[:4]
        if rule == "indirect:trailing":
            continue
        name = plain_name(np)
        if not name or " " not in name or not personal(name) or not np.endswith(name):
            continue
        at = s.start + np_at + len(np) - len(name)
        if not any(m["person"] for m in doc.mentions_between("body", at, at + len(name))):
            res.subject(at, name, {m["actor"] for m in doc.mentions_between("body", s.start + np_at, at)})
    return out


def _indirect(doc: Doc, res: Resolver, direct_rows: list[dict], clauses: dict[int, Iterator[tuple]]) -> list[dict]:
    """Reported speech: X said (that) … (rule ``indirect:name-cue``), X, a …, said … (``indirect:appositive``),
    …, X said. (``indirect:trailing``), X did …, and said … (``indirect:coordinated``), X, who said …
    (``indirect:relative``), 46 percent of voters said … (``indirect:share``). In a sentence with
    quotation marks, see ``_outside_quotation``; a reported clause never overlaps a quotation row. A
    sentence gives at most one row: the first of its candidate clauses (``_reported_clauses``) that holds."""
    out = []
    taken = [(r["start"], r["end"]) for r in direct_rows if r["section"] == "body"]
    for s in doc.sentences:
        if s.section != "body":
            continue
        for found in clauses[s.sentence_id]:
            held = _clause_row(doc, res, s, found, taken)
            if held is not None:
                row, sp = held
                res.remember(sp.pos, sp)
                out.append(row)
                break
    return out


def _clause_row(doc: Doc, res: Resolver, s, found: tuple, taken: list):
    """(row, its speaker) of one candidate clause of sentence ``s`` (``_reported_clauses``), or None if it does
    not hold."""
    rule, cue, np, np_at, cue_at, (a, b) = found
    if s.in_quote > 0:
        b = _outside_quotation(s.text, rule, np_at, cue_at, a, b)
        if b is None:
            return None
    start, end = s.start + a, s.start + b
    if any(qs < end and start < qe for qs, qe in taken):
        return None
    np_clean = _NP_WHEN.sub("", re.split(r",\s+", np)[-1])
    np_start = s.start + np_at + (len(np) - len(np_clean))
    coordinated = rule == "indirect:name-cue" and _COORDINATED.search(np_clean)
    if coordinated:  # "Ebeling reminisced about …, and said their views had changed": the sentence's subject
        subject = named_subject(doc.body, s.start + cue_at, s.start, res, "body")  # speaks
    pronoun = np_clean.rsplit(None, 1)[-1]  # "who" / "which", or a phrase ending in one
    antecedent = _antecedent(s.text, np_start - s.start + len(np_clean) - len(pronoun)) \
        if pronoun.lower() in ("who", "which") else None
    if coordinated and subject:
        sp, rule = subject[0], "indirect:coordinated"
    elif antecedent:  # "Ted Cruz, who said he would …": the relative clause's antecedent speaks
        sp, rule = res.phrase(antecedent[0], s.start + antecedent[1], "body"), "indirect:relative"
    elif group := _QUANTITY.fullmatch(np_clean):  # "46 percent of voters said": the voters speak
        g = "group" if group.group("group") else "polled"
        sp, rule = res.phrase(group.group(g), np_start + group.start(g), "body"), "indirect:share"
    elif pronoun.lower() in ("he", "she") and (opening := _opening_source(s.text, np_at)):
        # "A Kremlin spokesperson described the meeting as constructive; however, he noted that …": the
        # unnamed source that opens the sentence, not the last person named before it
        sp, rule = res.phrase(opening, s.start, "body"), rule + "+subject"
    else:
        sp = res.phrase(np_clean, np_start, "body", object_case=cue == "according")  # "…, according to him."
    if not sp or sp.kind == "pronoun-unresolved" and not sp.speaker:
        return None
    if sp.kind == "raw" and not sp.speaker[:1].isupper() and not _source_noun(sp.speaker):
        return None
    if rule == "indirect:relative" and doc.body[s.start + antecedent[1] + len(antecedent[0])] == ",":
        # "Juanita Broaddrick, who said Clinton raped her in 1978, recounted …": a relative clause set
        # off by commas ends at the next one (after four words)
        end = next((m.start() for m in _CLAUSE_COMMA.finditer(doc.body, start, end)
                    if has_words(doc.body, 4, start, m.start())), end)
    while end > start and doc.body[end - 1] in ".!?,; ":
        end -= 1
    clause = doc.body[start:end]
    if rule != "indirect:trailing" and _NOT_A_CLAUSE.match(clause):
        if not _VERB_FIRST.match(clause) or _RELATIVE.match(np_clean) or not s.text[:np_at].rstrip().endswith(","):
            return None
        start, clause = s.start, doc.body[s.start:end]  # "Many of the closures, he said, have involved …"
    n_words = count_words(clause)
    if n_words < 4:
        return None
    return {"section": "body", "start": start, "end": end, "text": clause, "n_words": n_words,
            "kind": "indirect", "speaker": _name_of(sp), "speaker_actor": sp.actor, "speaker_mention": sp.mention,
            "speaker_confidence": float("nan"), "cue": cue, "rule": rule, "_para": 0}, sp


# the antecedent of "who" / "which": a name before a comma ("Ted Cruz, who", "The Washington Post, which",
# "Juanita Broaddrick, 73, who") or, for "who", an unnamed source right before it ("security experts who say")
_NAME_BEFORE_COMMA = re.compile(NAME_RE.pattern + r"(?:,\s+\d{1,3})?,\s*$")
_WORDS_BEFORE = re.compile(r"(?:\b[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*\s*$")


# a share of a group as the subject ("46 percent of voters", "a strong majority of Democratic primary voters",
# "at least half of voters in each state", "520 superdelegates", "those surveyed"): the group speaks, if it
# is an unnamed source (``source_nouns``) or names an actor
_QUANTITY = re.compile(
    r"(?:(?:[Aa]t least|[Nn]early|[Aa]bout|[Aa]lmost|[Rr]oughly|[Mm]ore than|[Oo]nly|[Jj]ust)\s+)?"
    r"(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?:strong|clear|slim|narrow|large|small|overwhelming|vast|big)\s+)?"
    r"(?:(?:majority|minority|plurality|half|third|quarter|two-thirds|three-fourths|three-quarters|"
    r"[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|\d+)\s+in\s+(?:two|three|four|five|ten|\d+)|"
    r"[Hh]alf|[Mm]ajorities|\d[\d,.]*(?:\s*(?:percent|%))?)\s+(?:of\s+(?:the\s+)?)?)"
    r"(?P<group>(?:[A-Z][\w\-]*\s+){0,2}(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*?s)"
    r"(?:\s+(?:in|from|at|across)\s+[^,]{1,40})?|(?P<polled>[Tt]hose (?:surveyed|polled|questioned))")
_CLAUSE_COMMA = re.compile(r"(?<=\w),\s")


def _antecedent(text: str, at: int) -> tuple[str, int] | None:
    """(phrase, offset) of what the relative pronoun at ``text[at:]`` refers to, or None."""
    named = _NAME_BEFORE_COMMA.search(text, 0, at)
    if named:
        phrase = named.group().split(",")[0]
        return phrase, named.start()
    if not text.startswith("who", at):
        return None
    words = _WORDS_BEFORE.search(text, 0, at)
    if not words or not _source_noun(words.group()):
        return None
    kept = words.group().split()
    while len(kept) > 1 and (kept[0] in NOT_NAMES or kept[0].endswith(("ing", "ed"))):
        kept = kept[1:]  # "echoing security experts who" -> "security experts"
    phrase = " ".join(kept)
    return phrase, words.start() + words.group().index(phrase)


_WORD_RUN = re.compile(r"[\w’'\-]+")


def _opening_source(text: str, before: int) -> str | None:
    """The unnamed source opening the sentence ("A Kremlin spokesperson", "The senior official"): a
    determiner and up to four more words, without punctuation, ending in a source noun, before ``before``;
    None otherwise."""
    words = [m for m in _WORD_RUN.finditer(text, 0, before)][:5]
    if not words or words[0].start() != 0 or words[0].group() not in ("A", "An", "The"):
        return None
    for k in range(1, len(words)):
        if text[words[k - 1].end():words[k].start()] != " ":
            return None
        phrase = text[:words[k].end()]
        if _source_noun(phrase):
            return phrase
    return None


def _source_noun(phrase: str) -> bool:
    """"officials", "a campaign spokesman", "the poll's respondents": an unnamed source (``source_nouns``)."""
    head = phrase.split()[-1].lower().strip(".,’'")
    return head in SOURCE_NOUNS or head in TITLE_WORDS or head.endswith("s") and head[:-1] in SOURCE_NOUNS \
        or head.endswith("es") and head[:-2] in SOURCE_NOUNS


def _reported_clauses(text: str):
    """The candidate clauses of a sentence's reported speech, in the order they are tried: (rule, cue,
    speaker phrase, its offset, the cue's offset, (clause start, clause end)), offsets into the sentence.
    A subject with an appositive at the sentence's start, then each "X said (that) …" from left to right
    (a cue that takes no clause here, "Trump claimed that “…”", leaves the later ones: "…, one of the
    prosecutors said the cases differ"), then "…, X said." at the end."""
    cue = _CUE_RE.search(text)
    if cue is None and "according to" not in text:
        return  # every rule below needs a reporting cue ("according to" is the trailing rule's only other)
    if cue is not None:
        # (every appositive is set off by a comma, a dash or a parenthesis)
        m = _APPOSITIVE_INDIRECT.match(text) if any(c in text for c in ",(—–") or "--" in text else None
        if m and (found := _clause_of("indirect:appositive", m, text)):
            yield found
        plain = blank_parens(text)  # "Sen. Mitch McConnell (R-Ky.) said that"
        m = _indirect_search(plain, cue)
        while m:
            if found := _clause_of("indirect:name-cue", m, text):
                yield found
            m = _indirect_search(plain, _CUE_RE.search(plain, m.end("cue")), m.end("cue"))
    # "The talks failed, Peskov said." / "…, according to Peskov." (the pattern opens with a comma)
    m = _TRAILING_INDIRECT.search(text) if "," in text else None
    if not m or m.start() == 0:
        return
    g = "" if m.group("np") else "2"
    np, np_at = _named_in_apposition(m, "np" + g)
    yield "indirect:trailing", m.group("cue" + g).split()[0], np, np_at, m.start("cue" + g), (0, m.start())


def _clause_of(rule: str, m: re.Match, text: str):
    """The candidate clause of an appositive or name-cue match, if its cue reports speech (with "that"
    where the verb needs it) and four words or more follow."""
    if m.group("cue") in INDIRECT_CUES and (m.group("cue") in NO_THAT_NEEDED or m.group("that")) \
            and has_words(text, 4, m.end()):
        np, np_at = _named_in_apposition(m, "np")
        return rule, m.group("cue"), np, np_at, m.start("cue"), (m.end(), len(text))
    return None


def _named_in_apposition(m: re.Match, group: str) -> tuple[str, int]:
    """The speaker phrase and its offset: a name in apposition to a role speaks ("A Twitter spokesman,
    Chris Abboud, said" -> Chris Abboud); otherwise the phrase before the apposition."""
    np = m.group(group)
    if "name" in m.re.groupindex and m.group("name") and _source_noun(np):
        return m.group("name"), m.start("name")
    titled = m.group("titled") if "titled" in m.re.groupindex else None
    if titled and _DESCRIPTION.match(np) and sum(w.strip(".").lower() not in TITLE_WORDS for w in titled.split()) >= 2:
        return titled.strip(), m.start("titled")  # a description's person, named with an affiliation, speaks
    return np, m.start(group)


_DESCRIPTION = re.compile(r"(?:One|A|An|The|Another|Two|Three|Some)\s")


_CLAUSE_BREAK = re.compile(r",\s+(?:although|though|while|whereas|even as|to which)\b|;\s")


def _outside_quotation(text: str, rule: str, np_at: int, cue_at: int, a: int, b: int) -> int | None:
    """In a sentence with quotation marks, reported speech is read only where it is not part of a quotation
    (PolNeAR counts "Ryan said it is unrealistic … “our oceans are going to save us.”" as one quotation) and
    its cue is not a quotation's attribution ("“…,” Trump said at a rally in Iowa"). Returns the clause's end,
    or None: every mark lies before the cue (inside an appositive: "Mr. Manafort, citing ''the magic of
    Trump,'' said …") or after the clause has ended a sentence ("… said the talks failed. “We tried.”"), and
    a mark before the speaker is followed by more than punctuation."""
    marks = [m.span() for m in DOUBLE_MARK.finditer(text)]
    if not marks:  # single marks only: the overlap with quotation rows decides
        return b
    if rule == "indirect:trailing":
        return b if all(ms >= b for ms, _ in marks) else None
    after = [ms for ms, _ in marks if ms >= cue_at]
    if after:
        if after[0] >= a and not re.search(r"[.!?]\s*$", text[a:after[0]]):
            # "Netanyahu said that he would go ahead, although he tweeted that he “rejects …”": the
            # reported clause ends where another clause begins before the mark
            brk = next((m.start() for m in _CLAUSE_BREAK.finditer(text, a, after[0])
                        if has_words(text, 4, a, m.start())), None)
            return brk
        if after[0] < a:
            return None
        b = after[0]
    before = [me for ms, me in marks if ms < cue_at]
    if before and max(before) <= np_at and not text[max(before):np_at].strip(" ,.;:—–-"):
        return None
    return b


