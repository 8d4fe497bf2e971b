"""Who said it: the cue rules that tie a quotation to its speaker (the rules are listed in ``quotes``).

Reporting verbs and adverbs are data (``data/lexicons/reporting.yml``); speaker phrases are resolved
to canonical speakers by ``speakers.Resolver``. Each rule returns ``(Speaker, cue, rule)`` or None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from ... import config
from ...document import Doc
from ...errors import ConfigError, read_yaml
from ...speakers import NAME_RE, PRONOUNS, TITLE_WORDS, Resolver, Speaker, _plain, blank, blank_parens, personal
from ...text import mark_after, mark_before, trie_alternation

def _reporting_lexicon(path=config.REPORTING) -> dict:
    """The reporting verbs and adverbs of ``data/lexicons/reporting.yml`` (researchers edit data, not code)."""
    data = read_yaml(path, "reporting lexicon")
    keys = ("cue_verbs", "extra_cues", "participles", "indirect_cues", "no_that_needed", "adverbs", "adverb_suffix",
            "source_nouns")
    for k in keys:
        if k not in (data or {}):
            raise ConfigError(f"{path}: missing key '{k}'")
    return data


_REPORTING = _reporting_lexicon()
CUE_VERBS: list[str] = list(_REPORTING["cue_verbs"])
PARTICIPLES: list[str] = list(_REPORTING["participles"])
INDIRECT_CUES = set(_REPORTING["indirect_cues"])
NO_THAT_NEEDED = set(_REPORTING["no_that_needed"])
SOURCE_NOUNS = set(_REPORTING["source_nouns"])


_CUE_WORDS = trie_alternation(sorted(set(CUE_VERBS)) + list(_REPORTING["extra_cues"]))
# (as a trie: no adverb but "not" is the start of another, and "not" before "ably" never fits where a space must follow)
_ADVERBS = ("(?:" + trie_alternation(_REPORTING["adverbs"]) + r"|\w+" + re.escape(_REPORTING["adverb_suffix"])
            + ")")
_ADVERB = re.compile(_ADVERBS)
_TRAILING_ADVERBS = re.compile(r"(?:\s+" + _ADVERBS + r")+\s*$")
_CUE = r"(?:" + _ADVERBS + r"\s+)*(?P<cue>" + _CUE_WORDS + r")\b"
_CUE_RE = re.compile(r"\b(?P<cue>" + _CUE_WORDS + r")\b")
_PART_RE = re.compile(r"\b(?P<cue>" + trie_alternation(PARTICIPLES) + r")\b")  # (no participle starts another)
_STOP_PHRASE = re.compile(r"[.!?;:“”\"«»()]")
_DASH_NAME = re.compile(r"^\s*[―—–]\s*(?P<np>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4})\s*\.?\s*$")
_INNER_PERIOD = re.compile(r"\.(?=[^\s.]|\s+[^\s“”\"«»])")
_APPOSITIVE = re.compile(r",\s+(?:who|which|whose|whom|where)\b[^,“”\"]{0,120},")
_ADVERBIAL_BETWEEN = re.compile(r"^(?:\s*(?:on|in|at|during|after|before|last|this|earlier|later|late|early|in a|to)\b[^,“”\"]{0,60})?,?\s*[:,]?\s*$")


def last_char_before(text: str, pos: int) -> int:
    """The offset of the last non-space character before ``pos`` (-1 if none), without copying the text."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i


def previous_sentence(doc: Doc, section: str, text: str, sstart: int):
    """The sentence just before the one starting at ``sstart`` (None at the section's start)."""
    before = last_char_before(text, sstart)
    return doc.sentence_at(section, before) if before >= 0 else None


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


# "…,” the agency quoted Zelensky as saying." / "…,” Salehi was quoted by state television as saying."
_QUOTED_AS = re.compile(r"^(?:(?P<np2>[^.!?;:,“”\"«»]{1,60}?)\s+(?:was|were|is|are|has\s+been)\s+(?:quoted|cited)"
                        r"(?:\s+by\s+[^.!?;:“”\"«»]{1,80}?)?|"
                        r"[^.!?;:“”\"«»]{1,90}?\s+(?:quoted|cited)\s+(?P<np>[^.!?;:,“”\"«»]{1,60}?))"
                        r"\s+as\s+(?:saying|telling|stating|writing|having\s+said)\b")
_OPEN_ENDING = re.compile(r"[,!?…—–-][’'\s]*$")   # a quotation that leaves its sentence open: “…,” X said
_TAIL_JOIN = re.compile(r"^\s*[,—–-]")
_TAIL_LEAD = re.compile(r"^[\s,—–-]*")


def _after(text: str, qtext: str, qend: int, send: int, res: Resolver, section: str):
    """Attribution after the closing mark, in the same sentence: “…,” X said / “…,” said X."""
    tail_start = mark_after(text, qend)
    tail = text[tail_start:send]
    dash = _DASH_NAME.match(tail)
    if dash:  # “…” ― Carla Sanchez
        sp = res.phrase(dash.group("np"), tail_start + dash.start("np"), section)
        if sp and sp.kind in ("person", "raw"):
            return sp, "", "after:dash"
    if not (_OPEN_ENDING.search(qtext) or _TAIL_JOIN.match(tail)):
        return None
    m = _TAIL_LEAD.match(tail)
    k = m.end()
    seg = tail[k:]
    # inside one sentence a period followed by more text is an abbreviation or an initial (Mr. Barrett,
    # Sen. Bernie Sanders (Vt.)): masked so that it does not end the speaker phrase
    seg_masked = _INNER_PERIOD.sub("\u00b7", seg)
    near = seg_masked[:250]
    seg_clean = blank_parens(blank(_APPOSITIVE, near) if "," in near else near)  # appositives, (D-Wis.)
    # … quoted X as saying / X was quoted (by …) as saying: X speaks, not the outlet quoting (tried only where one of
    # its two verbs stands: this runs for every quotation)
    mm = _QUOTED_AS.match(seg_clean) if "quoted" in seg_clean or "cited" in seg_clean else None
    if mm:
        g = "np" if mm.group("np") else "np2"
        sp = res.phrase(seg[mm.start(g):mm.end(g)], tail_start + k + mm.start(g), section)
        if sp:
            return sp, "quoted", "after:name-cue"
    # X said
    mm = _AFTER_NAME_CUE.match(seg_clean)
    if mm and not _STOP_PHRASE.search(seg_clean[: mm.start("cue")]):
        np = seg[: mm.end("np")]
        at = tail_start + k
        if "," in np:  # Rep. Jim Jordan (R-Ohio), an oversight panel member, said
            head, rest = np.split(",", 1)
            named = _name_after_role(head, rest)
            if named:  # "German Foreign Office Spokesperson, Maria Adebahr, said"
                np, at = named.group("name"), at + len(head) + 1 + named.start("name")
            else:
                np = head
        sp = res.phrase(np, at, section)
        if sp:
            return sp, mm.group("cue"), "after:name-cue"
    # said X
    mm = _AFTER_CUE_NAME.match(seg_masked)
    if mm:
        sp = res.phrase(seg[mm.start("np"):mm.end("np")], tail_start + k + mm.start("np"), section)
        if sp:
            return sp, mm.group("cue"), "after:cue-name"
    return None


# a name set off by commas after a role ("…, Spokesperson, Maria Adebahr, said"), the role's last word one of these
_APPOSED_NAME = re.compile(r"\s*(?P<name>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})\s*,?\s*$")
_ROLE_HEADS = {"spokesperson", "spokesman", "spokeswoman", "minister", "ambassador", "envoy", "secretary", "adviser",
               "advisor", "official", "director", "chief", "head", "president", "chairman", "chair", "representative",
               "negotiator", "commander", "leader", "aide", "diplomat", "analyst", "expert", "professor", "editor",
               "correspondent", "governor", "mayor", "senator", "general", "speaker"}


def _name_after_role(role: str, rest: str) -> re.Match | None:
    """The name ``rest`` (what follows the comma after ``role``) holds when ``role`` ends in a word of
    ``_ROLE_HEADS``: "Another Houthi official, Abdulmalik Alejri," / "Foreign Office Spokesperson, Maria
    Adebahr," (the match's group ``name``); None otherwise."""
    named = _APPOSED_NAME.match(rest)
    words = role.split(" of ", 1)[0].split()  # "the speaker of the Ministry of Foreign Affairs": its head, speaker
    return named if named and words and words[-1].lower().strip(".") in _ROLE_HEADS else None


# "According to the US Embassy, the aim was to “…”": the source opening the sentence speaks its quotation
_ACCORDING_OPEN = re.compile(r"^\W*[Aa]ccording to\s+(?P<np>[^,“”\"]{1,80}?),")
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^,“”\"]{1,80}?)\s*,?\s*$", re.I)
_CUE_NAME_BEFORE = re.compile(r"(?:^|[.;]\s+)(?P<cue>[Ss]aid|[Aa]dded|[Ww]rote|[Aa]sked)\s+(?P<np>[A-Z][^,:“”\"]{1,60}?)"
                              r"\s*[:,]\s*$")


def _before(text: str, qstart: int, sstart: int, res: Resolver, section: str):
    """Attribution before the opening mark within the sentence."""
    head = text[sstart: mark_before(text, qstart)]
    if "according" in head.lower():  # "…, according to Peskov, “…”", or a sentence opening "According to X,"
        for m in (_ACCORDING.search(head), _ACCORDING_OPEN.match(head)):
            sp = res.phrase(m.group("np"), sstart + m.start("np"), section, object_case=True) if m else None
            if sp:
                return sp, "according to", "before:according"
    m = _CUE_NAME_BEFORE.search(head) if head.rstrip().endswith((":", ",")) else None
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
        left = _TRAILING_ADVERBS.sub("", left)
        cut = _after_last(left, _NP_CUTS)
        semi = _NAME_AFTER_SEMICOLON.search(left, cut)
        if semi:
            cut = semi.start("np")
        np, np_start = left[cut:], sstart + cut
        with_pronoun = _PRONOUN_AND.search(left, 0, cut)
        if with_pronoun:  # "Trump said he and Putin agreed to “…”": the one "he" is, who reports it
            np, np_start = with_pronoun.group("p"), sstart + with_pronoun.start("p")
        if np.strip() == "who" and "," in left:  # "The US President, who initially said “…”": the antecedent
            ante = left[:left.rstrip().rfind(",")]
            cut = _after_last(ante, (",",) + _CLAUSE_CUTS)
            np, np_start = ante[cut:], sstart + cut
        subject = _comma_subject(left)
        if subject and (not np.strip() or _NONSUBJECT.match(np.strip())) and not np.strip().lower().startswith(_LATTER):
            np, np_start = subject[0], sstart + subject[1]
        joint = _JOINT_BEFORE.search(left) if "and" in left else None  # (the pattern holds an "and")
        if joint:  # "Merz, Macron and Starmer said": all three (``Resolver`` keeps them several)
            np, np_start = joint.group(), sstart + joint.start()
        if np.strip() and len(np.split()) <= 10 and not _CUE_RE.search(np) and not _PART_RE.search(np):
            sp = res.phrase(np, np_start, section)
            if sp:
                return sp, cue_m.group("cue"), "before:name-cue"
    return None


_JOINT_NAME = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}"
_JOINT_BEFORE = re.compile(r"(?<![\w’'])(?:" + _JOINT_NAME + r"\s*,\s*)*" + _JOINT_NAME + r",?\s+and\s+"
                           + _JOINT_NAME + r"\s*$")
_NONSUBJECT = re.compile(r"^(?:who|which|whose|whom|where|a|an|the|one|at|in|on|during|after|before|with|from|for|"
                         r"as|of|by|speaking|according|also|however|meanwhile|though|although|following|despite|"
                         r"since|when|while|if|because|until|amid|asked|after|earlier|later|yesterday|today|tonight|last|next|this|"
                         r"[a-z]+ly\b)\b")
_LATTER = ("the latter", "the former")
# a subject of "he" or "she" and someone, cut at its "and" by ``_NP_CUTS``
_PRONOUN_AND = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\s+and\s+$")
_CLAUSE_CUTS = (" that ", " and ", " but ", " while ", " when ", " what ", " whether ", " because ", "; ")
# where the speaker phrase before a cue starts: after the last of these ("…, and Peskov said")
_NP_CUTS = (",", " that ", " and ", " but ", " while ", " as ", " when ", " what ", " whether ")
# a name alone after a semicolon is the speaker phrase ("…; Abbas claims PA ready to …, “…”")
_NAME_AFTER_SEMICOLON = re.compile(r";\s+(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s)?[A-Z][\w’'.\-]*"
                                   r"(?:\s+[A-Z][\w’'.\-]*){0,3})\s*$")


def _after_last(text: str, marks) -> int:
    """The offset just after the last of ``marks`` in ``text`` (0 if none occurs)."""
    return max([text.rfind(w) + len(w) for w in marks if text.rfind(w) >= 0] or [0])


def _comma_subject(left: str) -> tuple[str, int] | None:
    """The speaker phrase of a clause like "Rucker Culpepper, who runs …, families" or "Democratic nominee
    Hillary Clinton, at a later press gaggle": the first comma segment (after any clause cut and any
    leading adverbial) that starts with a capital and is not an appositive or adverbial; when it ends in a role
    and the next segment is a name ("Another Houthi official, Abdulmalik Alejri,"), that name."""
    base = _after_last(left, _CLAUSE_CUTS)
    pos = base
    segs = left[base:].split(",")
    for i, seg in enumerate(segs):
        stripped = seg.strip()
        if stripped and stripped[0].isupper() and not _NONSUBJECT.match(stripped.lower()) \
                and len(stripped.split()) <= 8:
            named = _name_after_role(stripped, segs[i + 1]) if i + 1 < len(segs) else None
            if named:  # "Another Houthi official, Abdulmalik Alejri, said": the name set off after the role
                return named.group("name"), pos + len(seg) + 1 + named.start("name")
            return stripped, pos + seg.index(stripped)
        pos += len(seg) + 1
    return None


def _subject_before(text: str, pos: int, sstart: int, res: Resolver, section: str) -> Speaker | None:
    """The nearest person or subject pronoun before pos in the sentence (participle clauses)."""
    doc = res.doc
    persons = [m for m in doc.mentions if m["section"] == section and sstart <= m["start"] < pos and m["person"]
               and not text.startswith(("’s", "'s"), m["end"])]  # "Trump’s suggestion" is not a subject
    pron = [m for m in re.finditer(r"\b(?:He|he|She|she)\b", text[sstart:pos])]
    best_person = persons[-1] if persons else None
    best_pron = pron[-1] if pron else None
    if len(persons) > 1 and re.search(r"(?:,|,? and)\s*$", text[max(sstart, pos - 6):pos]):
        # ", insisting …" / "and warning …" after a main clause: its subject speaks, not a person named as its object
        subject = named_subject(text, pos, sstart, res, section)
        if subject and subject[0].kind == "person" and (not best_pron or subject[0].pos > sstart + best_pron.start()):
            return subject[0]
        if pron and not text[sstart:sstart + pron[0].start()].strip(" “\"‘'"):  # "He later wrote …, adding"
            return res.pronoun(pron[0].group(), sstart + pron[0].start(), section)
    if best_pron and (not best_person or sstart + best_pron.start() > best_person["start"]):
        return res.pronoun(best_pron.group(), sstart + best_pron.start(), section)
    if best_person:
        return Speaker(best_person["person"], best_person["actor"], best_person["text"], best_person["start"], "person")
    subject = named_subject(text, pos, sstart, res, section)  # "Trump attacked Clinton …, saying"
    if subject:
        return subject[0]
    names = list(NAME_RE.finditer(text[sstart:pos]))
    if names:
        return res.phrase(names[-1].group(), sstart + names[-1].start(), section)
    return None


_TRANSCRIPT = re.compile(r"^\s*(?P<np>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,2}):\s")
# the end of a sentence after its speaker and cue: "…, Warren said on Friday."
SENTENCE_TAIL = (r"(?:\s+(?:on|in|at|during|last|this)(?:\s+\S+){1,3}|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                 r"Saturday|Sunday|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?)?\s*[.!]?\s*$")
_TRAILING_CUES = r"said|says|added|adds|wrote|writes|argued|noted|explained|recalled"
# (or a subject pronoun: "Recognizing them “is another red line” for Kiev, he added.")
_PRONOUN_NP = ("he", "she", "they")
_TRAILING = re.compile(r"(?:^|,\s+)(?P<np>[A-Z][^,;:“”\"«»]{0,60}?|" + "|".join(_PRONOUN_NP) + r")\s+(?P<cue>"
                       + _TRAILING_CUES + r"|told (?:reporters|[A-Z]\w+))" + SENTENCE_TAIL)
_TRAILING_HINT = re.compile(r"\b(?:" + _TRAILING_CUES + r"|told)\b")  # a cheap test before ``_trailing``


def _transcript(qtext: str, start: int, res: Resolver, section: str):
    """“WALLACE: But, Governor Pence, …”: a transcript turn names its speaker in capitals."""
    m = _TRANSCRIPT.match(qtext)
    if not m:
        return None
    sp = res.phrase(m.group("np").title(), start + m.start("np"), section)
    return (Speaker(m.group("np"), sp.actor if sp else "", m.group("np"), start, "raw"), "", "transcript") if sp else None


def _colon_intro(doc: Doc, text: str, pstart: int, res: Resolver, section: str):
    """A quotation opening the paragraph after one that ends with a colon: “The New York Times reports:”."""
    colon = last_char_before(text, pstart)
    if colon < 0 or text[colon] != ":":
        return None
    sstart, _ = _sentence_bounds(doc, section, colon)
    found = _before(text, colon + 1, sstart, res, section)
    return (found[0], found[1], "colon-paragraph") if found else None


def _trailing(doc: Doc, text: str, start: int, sstart: int, send: int, pstart: int, res: Resolver, section: str):
    """“…, Warren said.” at the end of the quotation's sentence, or of the sentence just before it in the
    paragraph (“… over Syria, Schiff said. "The other factor …"”)."""
    cands = [(sstart, send, "sentence-end")]
    if sstart > pstart:
        before = previous_sentence(doc, section, text, sstart)
        if before is not None and pstart <= before.start and before.end <= sstart:
            cands.append((before.start, before.end, "previous-sentence"))
    for a, b, rule in cands:
        seg = blank_parens(_INNER_PERIOD.sub("\u00b7", text[a:b]))
        m = _TRAILING.search(seg)
        if not m or (rule == "sentence-end" and a + m.start("np") < start):
            continue
        if rule == "previous-sentence" and (any(ch in text[a:b] for ch in "“”\"") or m.group("np") in _PRONOUN_NP):
            continue  # (a pronoun only of the quotation's own sentence)
        sp = res.phrase(text[a + m.start("np"):a + m.end("np")], a + m.start("np"), section)
        if sp and sp.kind in ("person", "raw", "institution") and sp.speaker[:1].isupper():
            return sp, m.group("cue").split()[0], rule
    return None


_DETERMINERS = {"The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "Our", "My", "It"}


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,4}")
_TITLE_GAP = re.compile(r"\s+(?:(?:of|the|for|and|[a-z][\w\-]*)\s+){0,3}")
# lower-case role words between a body and a person's name ("White House spokesperson Karoline Leavitt", "M23
# spokesperson Lawrence Kanyuka", "Trump adviser Kellyanne Conway"): the last of them a title word
_ROLE_GAP = re.compile(r"\s+(?:(?!and\b|or\b)[a-z][\w\-]*\s+){0,2}(?P<title>[a-z][\w\-]*)\s+(?=[A-Z])")


def _past_titles(phrase: str, m: re.Match) -> re.Match:
    """If the name matched at the start of ``phrase`` is only titles ("Former Secretary", "Republican"),
    the name after a few more title words ("… of State Madeleine Albright", "… presidential front-runner
    Donald Trump"); else ``m``."""
    words = m.group().split()
    if any(_plain(w) not in TITLE_WORDS and not (k < len(words) - 1 and _ACRONYM.fullmatch(w))
           for k, w in enumerate(words)):
        # (an acronym before a title is part of it: "US Secretary", "UN Secretary")
        role = _ROLE_GAP.match(phrase, m.end())
        if role and role.group("title") in TITLE_WORDS:  # "White House spokesperson Karoline Leavitt": the person
            nxt = NAME_RE.match(phrase, role.end())
            if nxt and personal(nxt.group()) and any(_plain(w) not in TITLE_WORDS for w in nxt.group().split()):
                return nxt
        return m
    gap = _TITLE_GAP.match(phrase, m.end())
    nxt = NAME_RE.match(phrase, gap.end()) if gap else None
    if nxt is None:
        return m
    words = nxt.group().split()
    while len(words) > 1 and _plain(words[0]) in TITLE_WORDS:
        words = words[1:]
    if _plain(words[0]) in TITLE_WORDS:
        return m
    return NAME_RE.match(phrase, nxt.end() - len(" ".join(words)))


def _sentence_subject(text: str, start: int, sstart: int, res: Resolver, section: str):
    """A partial quotation inside narration whose subject is a named person or body:
    “In July, Gingrich cynically dismissed NATO member Estonia as being in the “suburbs…””."""
    return named_subject(text, mark_before(text, start), sstart, res, section)


_QUOTED_WORDS = re.compile(r"“[^“”]*”|\"[^\"“”]*\"")


def named_subject(text: str, end: int, sstart: int, res: Resolver, section: str):
    """The named subject of the sentence starting at ``sstart``, read from its words before ``end`` (a
    quotation's opening mark, a cue, a pronoun): ``(Speaker, "", "sentence-subject")`` or None."""
    head = blank_parens(text[sstart:end])
    if "“" in head or '"' in head:  # a quotation's own words are not the sentence's subject ("“China also has to …,” he said")
        head = blank(_QUOTED_WORDS, head)
    pos = 0
    for seg in head.split(","):
        stripped = seg.strip()
        if stripped and not _NONSUBJECT.match(stripped.lower()) and not stripped.startswith(("“", "\"")):
            m = NAME_RE.match(stripped)
            if not m or m.group().split()[0] in _DETERMINERS or m.group().lower() in PRONOUNS:
                return None
            m = _past_titles(stripped, m)  # "Former Secretary of State Madeleine Albright" -> the name
            after = stripped[m.end():].lstrip()
            if not after or not after[0].islower():
                return None
            at = sstart + pos + seg.index(stripped)
            sp = res.phrase(m.group(), at + m.start(), section)
            if sp and sp.kind == "raw" and not sp.actor and m.start() > 0:
                # "State House spokesperson Jane Doe": a person the actors file does not list speaks for the body
                bodies = {b["actor"] for b in res.doc.mentions_between(section, at, at + m.start()) if not b["person"]}
                if len(bodies) == 1:
                    sp = replace(sp, actor=bodies.pop())
            if sp and sp.kind in ("person", "raw", "institution"):
                return sp, "", "sentence-subject"
            return None
        pos += len(seg) + 1
    return None


# when and where it was said, between the speaker and the cue or after the cue: "Spicer on Thursday evening said",
# "said late Wednesday that", "said in an interview with The Post that", "said during his victory speech that"
WHEN_SAID = (r"(?:(?:on|late|early|last|this|next)\s+(?:[A-Z]\w+|week|month|year|night|morning|evening|afternoon|day)"
             r"(?:\s+(?:night|morning|evening|afternoon))?|in (?:an|a) (?:interview|statement|speech|e-?mail|letter|post)"
             r"(?:\s+(?:with|to)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?"
             r"|(?:during|at|in|on|after|before|while)\s+[\w’'.\-]+(?:\s+[\w’'.\-]+){0,5}(?=\s+that\s))")
# after a reporting cue: whom it was told or asked (never after "said": "Cox says Obama is …" is a clause),
# when, and "that" / "whether" / "if"
AFTER_CUE = (r"(?:(?:(?<=told)|(?<=tell)|(?<=tells)|(?<=assured)|(?<=informed)|(?<=reminded)|(?<=warned)|(?<=asked)|(?<=asks))"
             r"\s+(?:reporters|journalists|him|her|them|us|me|the (?:press|media|crowd|audience|[A-Z][\w.]+)|"
             r"(?:the|his|her|their|a) [a-z]+|[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}))?(?:\s+" + WHEN_SAID + r")?"
             r"\s*,?\s+(?P<that>(?:that|whether|if)\s+)?")
# the speaker phrase starts at a word's start (up to 8 words before the cue)
_INDIRECT = re.compile(r"(?<![\w’'.\-])(?P<np>\w[\w’'.\-]*(?:\s+[\w’'.\-]+){0,7}?)\s+"
                       + _CUE + AFTER_CUE)


_INDIRECT_PREFILTER = _CUE_RE  # every _INDIRECT match holds a cue word: sentences without one skip the slow search
_RUN_BREAK = re.compile(r"[^\w’'.\-\s]")
_SPACE_TOKEN = re.compile(r"\S+")


def _indirect_search(text: str, cue: re.Match | None = None, pos: int = 0):
    """``_INDIRECT.search(text)``, faster and with the same result. A match holds a cue word, and from its
    start to its cue there are only words, apostrophes, periods, hyphens and spaces: no match starts before
    the last other character preceding the first cue word. Within that run, the phrase before the cue
    is at most 8 space-separated tokens plus the adverbs right before the cue, so the search can start
    at the (8 + adverbs)-th token before the first cue (``cue``: that word's match, if the caller has it).
    From ``pos`` on: the first match at or after it (``cue`` then the first cue word after ``pos``)."""
    cue = cue or _INDIRECT_PREFILTER.search(text, pos)
    if not cue:
        return None
    # read backwards from the cue (the text before it reversed): the run back to the last other character,
    # then its tokens last first, as far as the adverbs right before the cue and eight more
    back = text[pos:cue.start()][::-1]
    brk = _RUN_BREAK.search(back)
    run = brk.start() if brk else len(back)
    start = cue.start() - run
    adverbs, counting, last_end = 0, True, 0
    for i, tok in enumerate(_SPACE_TOKEN.finditer(back, 0, run)):
        if counting and _ADVERB.fullmatch(tok.group()[::-1]):
            adverbs += 1
            continue
        counting = False
        if i == 8 + adverbs:  # there are more than 8 + adverbs tokens: the (8 + adverbs)-th from the end starts it
            start = cue.start() - last_end
            break
        last_end = tok.end()
    return _INDIRECT.search(text, max(start, pos))


# ------------------------------------------------------------------ the rules, in order
@dataclass
class QuoteContext:
    """One quotation and what the rules read around it (offsets into ``text``, the section's text)."""
    doc: Doc
    res: Resolver
    section: str
    text: str
    start: int
    end: int
    span: object            # the first ``text.QuoteSpan`` of the (merged) quotation
    sstart: int             # the sentence holding the opening mark
    send: int
    send_q: int             # the end of the sentence holding the closing mark
    pstart: int             # the paragraph
    pend: int
    prev: dict | None       # the article's previous quotation row
    prev_para_end: dict | None  # the previous quotation, if it ended its paragraph

    @property
    def qtext(self) -> str:
        return self.text[self.start:self.end]


def _same(row: dict, pos: int, rule: str):
    return Speaker(row["speaker"], row["speaker_actor"], row["speaker_mention"], pos, "same"), row["cue"], rule


def _r_after(c: QuoteContext):
    return _after(c.text, c.qtext, c.end, max(c.send_q, c.send), c.res, c.section) if c.end < c.pend else None


def _r_before(c: QuoteContext):
    return _before(c.text, c.start, c.sstart, c.res, c.section)


def _r_following(c: QuoteContext):
    p = c.prev
    if not (p and p["_para"] == c.pstart and p["speaker"]):
        return None
    # "Trump “has long courted Putin” but …, The Washington Post said.": the quotation's own sentence names its
    # source at its end (``_trailing``'s "sentence-end", with no earlier sentence of the paragraph considered)
    if _TRAILING_HINT.search(c.text, max(c.end, c.send - 60), c.send) and \
            _trailing(c.doc, c.text, c.start, c.sstart, c.send, c.sstart, c.res, c.section):
        return None
    return _same(p, c.start, "following")


def _r_continuation(c: QuoteContext):
    p = c.prev
    return _same(p, c.start, "continuation") if c.span.continues and p and p["speaker"] else None


def _r_previous_paragraph(c: QuoteContext):
    p = c.prev_para_end
    return _same(p, c.start, "previous-paragraph") if p and c.start == c.pstart + 1 and p["speaker"] else None


def _r_transcript(c: QuoteContext):
    return _transcript(c.qtext, c.start, c.res, c.section)


def _r_colon(c: QuoteContext):
    return _colon_intro(c.doc, c.text, c.pstart, c.res, c.section) if c.start == c.pstart + 1 and c.pstart > 0 \
        else None


def _r_trailing(c: QuoteContext):
    return _trailing(c.doc, c.text, c.start, c.sstart, c.send, c.pstart, c.res, c.section)


def _r_subject(c: QuoteContext):
    return _sentence_subject(c.text, c.start, c.sstart, c.res, c.section) \
        if c.text[c.sstart:max(c.sstart, mark_before(c.text, c.start))].strip() else None


# The attribution rules in the order they are trusted; the first that fires is the rules' answer
# (each returns (Speaker, cue, rule) with a detailed rule name, listed in ``quotes``).
RULES: tuple[tuple[str, Callable[[QuoteContext], tuple | None]], ...] = (
    ("after", _r_after), ("before", _r_before), ("following", _r_following), ("continuation", _r_continuation),
    ("previous-paragraph", _r_previous_paragraph), ("transcript", _r_transcript), ("colon-paragraph", _r_colon),
    ("trailing", _r_trailing), ("sentence-subject", _r_subject),
)


def with_subject(c: QuoteContext, found: tuple) -> tuple:
    """"Clinton says she …", "Sen. Claire McCaskill scolded him: “…,” she said": a pronoun in the
    quotation's own sentence means that sentence's named subject, not an earlier candidate."""
    if found[0].mention.lower() in PRONOUNS and c.sstart <= found[0].pos:
        subj = named_subject(c.text, found[0].pos, c.sstart, c.res, c.section)
        if subj and subj[0].speaker != found[0].speaker:
            return subj[0], found[1], found[2] + "+subject"
    return found


def rule_answers(c: QuoteContext, first_only: bool = False,
                 alone: Callable[[str, object], object] | None = None) -> list[tuple[str, tuple]]:
    """(family, (Speaker, cue, rule)) of every rule that fires for one quotation, in rule order (only
    the first with ``first_only``, or when ``alone(rule, speaker)`` says the first stands alone)."""
    out = []
    for family, rule in RULES:
        found = rule(c)
        if found:
            out.append((family, with_subject(c, found)))
            if first_only or len(out) == 1 and alone is not None and alone(out[0][1][2], out[0][1][0]):
                break
    return out
