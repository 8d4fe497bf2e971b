"""Speaker phrases of quotations resolved to canonical speakers, within one article.

A phrase resolves to a person of the actors file (full name, surname, spelling variant), a
pronoun (the most recent compatible speaker or person outside quotation marks; a salient one
within ``PRONOUN_LOOKBACK`` characters wins), an institution (Russia, the Kremlin), a role
reference (the Russian spokesperson -> the person whose role_words and actor match), or stays
as the raw mention, with titles stripped (DNC Chairman Tom Perez -> Tom Perez) and a surname
mapped to the full name used earlier in the article.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, insort
from functools import lru_cache
from dataclasses import dataclass

from .actors import Actors
from .document import Doc, word_evidence
from .text import SpanLookup, trie_alternation

PRONOUN_LOOKBACK = 600  # characters: a salient speaker this close wins over a later passing mention
PRONOUNS = {"he": "m", "she": "f", "they": "", "we": "", "i": ""}
# lower-case words inside a name ("Faisal bin Farhan", "Ursula von der Leyen")
_PARTICLES = "de|van|von|der|la|al|bin"
# a name: capitalised words, initials, and dotted abbreviations inside it ("The U.S. Embassy", not "The U" + "S.")
NAME_RE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s)?[A-Z][\w’'\-.]*"
                   r"(?:\s(?:" + _PARTICLES + r")?\s?(?:(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Lt|Col|Del|St|Jr|[A-Z])\.(?=\s[A-Z])|"
                   r"(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*))*")
PAREN_RE = re.compile(r"\s*\([^()]{1,40}\)")

TITLE_WORDS = set("mr mrs ms dr sen rep gov gen prof rev president chairman chairwoman chair senator governor secretary "
                  "spokesman spokeswoman spokesperson director minister chief former vice press leader candidate "
                  "democratic republican attorney general lt col judge mayor speaker ambassador envoy aide state "
                  "chancellor premier deputy commissioner adviser advisor representative".split())

# words that open a clause before its subject ("When Clinton", "but he"): stripped from a speaker phrase
_CLAUSE_OPENERS = ("when", "if", "after", "before", "while", "as", "although", "though", "because", "since",
                   "following", "during", "but", "and", "so", "then", "once", "until", "unless", "where", "whereas")
_LEADING_FUNCTION = re.compile(r"^(?:" + "|".join(_CLAUSE_OPENERS) + r")\s+", re.I)
# a phrase that is only one of these is never a speaker
_FUNCTION_WORDS = set(_CLAUSE_OPENERS) | {"or", "a", "an", "the", "it", "this", "that", "there", "which", "what"}
_POSSESSIVE_S = re.compile(r"[’']s$")  # "Trump’s" -> "Trump"
# Closed-class words, calendar words and number words: capitalised at the start of a sentence, never a
# name ("Monday", "Among", "It’s", "Two", "Some Clinton" -> Clinton). "May" and "June" are left out:
# they are also names.
NOT_NAMES = frozenset("""
a an the this that these those some any both each every all no such what which who whom whose whatever another other
many much few several most more less i you he she it we they me him her us them my your his its our their
it's we're they're i'm he's she's you're that's there's what's here's let's i'd i'll i've we'd we'll we've
you'd you'll you've they'd they'll they've he'd he'll she'd she'll it'll
about above across after against along amid among around as at before behind below beside besides between
beyond by despite during for from in inside into like near of off on onto over per since than through
throughout to toward towards under unlike until upon via with within without and but or nor so yet because
although though while if unless whereas whether also still even just only then there here now later today
yesterday tonight tomorrow earlier recently previously afterwards meanwhile however instead indeed not never yes
monday tuesday wednesday thursday friday saturday sunday january february march april july august
september october november december
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
million billion first second third fourth fifth last next
nothing everything something anything nobody everybody somebody anybody everyone someone anyone none quote
western eastern northern southern
""".split())


_LOWER_NEXT = re.compile(r"\s+[a-z]")
_PHRASE_EDGES = " ,“”\"‘’'«»—–-"


def _plain(word: str) -> str:
    """A word lower-cased, with curly apostrophes made straight and trailing periods dropped."""
    return word.lower().replace("’", "'").rstrip(".")


_DOC_NOUN_WORDS = r"statement|report|letter|e-?mail|memo|communiqu[eé]|declaration|document|announcement|release|tweet|post"
_DOC_NOUNS = r"(?:" + _DOC_NOUN_WORDS + r")"
_DOCUMENT = re.compile(r"^(?:the|a|an|its|his|her|their)\s+(?:\w+\s+)?" + _DOC_NOUNS + r"$")
# (the words not names as a trie: the look-ahead asks whether any of them ends at a word boundary there)
_OWNER_NP = r"(?:[Tt]he\s+)?(?!(?:" + trie_alternation(sorted(w.title() for w in NOT_NAMES if "'" not in w)) + r")\b)" \
    r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4}"
_DOCUMENT_OWNER = re.compile(
    r"(?P<owner1>" + _OWNER_NP + r")[’']s\s+(?:\w+\s+)?" + _DOC_NOUNS + r"\b"
    r"|(?P<owner2>" + _OWNER_NP + r")(?:\s+\w+){0,8}?\s+(?:in|issued|released|published)\s+(?:a|an|its)\s+(?:\w+\s+)?"
    + _DOC_NOUNS + r"\b"
    r"|\b" + _DOC_NOUNS + r"\s+(?:from|by|of)\s+(?P<owner3>" + _OWNER_NP + r")")


# words that make a capitalised phrase a body or a place, not a person
ORG_WORDS = frozenset("""
institute university college school academy center centre council committee commission department ministry
office agency bureau service services party union association foundation fund bank group corporation company
inc corp ltd news times post journal press network television radio tv channel magazine daily herald tribune
government administration parliament congress senate assembly court army force forces police embassy consulate
organization organisation alliance coalition federation league movement campaign board authority
city state states republic kingdom island islands county province region river mountain street square
""".split())


# a lower-case word right after a one-word name makes it a modifier ("Federal officials", "the Florida senator") or
# a clause opener ("Given his past"), unless it is a function or speech word ("Stein and her aide"), or a
# document or spokesperson of the name ("a Reuters survey", "a Twitter spokesman")
_MODIFIES = re.compile(r"\s+(?!(?:and|or|nor|of|in|at|on|for|to|from|with|by|who|whom|which|that|whose|said|says|say|"
                       r"told|tells|added|adds|" + _DOC_NOUN_WORDS + r"|survey|poll|study|analysis|spokes\w+|however|also|then|still|later|too|"
                       r"\w+ed|\w+ly)\b)[a-z]")  # a verb or adverb after it: "Cook declined to", "Carter however"


# several speakers: "A and B", "A, B and C"; each conjunct a name of one to four capitalised words
_JOINT_HINT = re.compile(r"\sand\s")
_CONJUNCT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_CONJUNCT_SHAPE = re.compile(r"^(?:[Tt]he\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s)?[A-Z][\w’'.\-]*"
                             r"(?:\s+(?:" + _PARTICLES + r")?\s?[A-Z][\w’'.\-]*){0,3}$")
# a group "they" can mean: an alias before a plural body noun, or a plural alias itself
_GROUP_NOUN = re.compile(r"\s+(?P<noun>leaders|officials|diplomats|ministers|negotiators|governments|delegations|"
                         r"allies|countries|nations|capitals|lawmakers|envoys|representatives)\b")
_PLAIN_GROUP = re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?(?:leaders|officials|ministers|diplomats|negotiators|envoys|"
                          r"delegations|governments|allies|mediators)\b")
_OBJECT_OF = re.compile(r"\b(?:between|with|of|to|for|among|from|by|at|in|on|into|against)\s+$", re.I)
_PLURAL_ALIAS = re.compile(r"(?:ns|ers|ists|ats|ese|Taliban)$")
_PERSON_NOUN = re.compile(r"\b(?:officials?|diplomats?|spokes(?:man|woman|person)|sources?|aides?|negotiators?|"
                          r"representatives?|envoys?|ministers?|advis[eo]rs?)\b")
# one person named before by a description ("the consul recalled", "the spokeswoman said", "the top Russian
# diplomat pointed out"): ``Resolver._described``
_DEFINITE_PERSON = re.compile(r"(?:the|this|that)\s+(?:[a-z\-]+\s+){0,3}?(?P<noun>diplomat|envoy|consul|ambassador|"
                              r"minister|official|spokes(?:man|woman|person)|senator|congress(?:man|woman)|governor|"
                              r"mayor|negotiator|advis[eo]r|aide|lawmaker|chancellor|premier)")
# a description of a country's or a body's leader ("the Rwandan president", "the Russian leader"): read as
# ``_DEFINITE_PERSON`` only when it names the side, whose person of that role it then is; a bare "the president"
# (``_DEFINITE_PRESIDENT``) is the actors file's role words' if they give one, else the nearest person named before
# whose role it is; neither when it is not the holder now ("the former president", ``_NOT_NOW``)
_DEFINITE_LEADER = re.compile(r"(?:the|this|that)\s+(?:[a-z\-]+\s+){1,2}?(?P<noun>president|leader|prime\s+minister|"
                              r"emir|king|coordinator)")
_DEFINITE_PRESIDENT = re.compile(r"(?:the|this|that)\s+(?:[a-z\-]+\s+){0,3}?(?P<noun>president)")
# the head of a body named by its kind ("the head of the department said", "the chief of the delegation"): the
# nearest person named before who heads one, a minister, director, secretary, chief or head (``_NOUN_ROLES``)
_DEFINITE_HEAD = re.compile(r"(?:the|this|that)\s+(?P<noun>head|chief)\s+of\s+(?:the|his|her|its)\s+(?:[a-z\-]+\s+){0,2}?"
                            r"(?:department|ministry|agency|office|delegation|mission|service|team|diplomacy)")
# roles a description's noun also names: a foreign minister is "the top diplomat"
_NOUN_ROLES = {"diplomat": ("foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs",
                            "foreign affairs minister"),
               # "the United Kingdom leader": a head of state or government of the side the description names
               "leader": ("president", "prime minister", "chancellor", "premier", "emir", "king"),
               "head": ("minister", "director", "secretary", "chief", "leader"),
               "chief": ("minister", "director", "secretary", "head", "leader")}
_ALWAYS = sys.maxsize
_WORDS = re.compile(r"[a-z]+")
# a role that is not the actors file's holder of it ("The former president", "the next chancellor")
_NOT_NOW = re.compile(r"\b(?:former|ex-|late|then|next|future|previous)\b", re.I)
# a pronoun in the object case standing alone ("according to him"): the person it points back to (``phrase``)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_NEXT_WORD = re.compile(r" ([A-Za-z][\w’'\-]*)")


_NAME_PARTICLES = {*_PARTICLES.split("|"), "ibn", "da", "di", "du", "le", "ben"}  # (a raw phrase may hold more)


@lru_cache(maxsize=8192)
def personal(name: str) -> bool:
    """Could a raw name be a person ("he" may mean him)? Not an acronym (USSR, CNN, D.C), a lower-case
    phrase, or a body or place ("Geneva International Peace Research Institute")."""
    words = [w.rstrip(".") for w in name.replace(".", ". ").split()]
    words = words[:1] + [w for w in words[1:-1] if w not in _NAME_PARTICLES] + words[-1:]  # "Faisal bin Farhan"
    return bool(words) and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words) \
        and any(len(w) > 1 for w in words) and _plain(words[-1]) not in ORG_WORDS \
        and _plain(words[-1]) not in NOT_NAMES  # D.C: initials only; "Air Force Two" no person


def blank(rx: re.Pattern, text: str) -> str:
    """``text`` with every match of ``rx`` replaced by as many spaces, so offsets stay valid."""
    return rx.sub(lambda m: " " * len(m.group()), text)


def blank_parens(text: str) -> str:
    """``blank(PAREN_RE, text)``, at once when there is no parenthesis to blank."""
    return blank(PAREN_RE, text) if "(" in text else text


@dataclass
class Speaker:
    speaker: str
    actor: str
    mention: str
    pos: int
    kind: str   # person | institution | raw | pronoun-unresolved


class Resolver:
    """Resolves speaker phrases in one article; remembers speakers for pronouns and surnames."""

    def __init__(self, doc: Doc, actors: Actors):
        self.doc, self.actors = doc, actors
        # (pos, speaker, actor, gender, kind, salient until): speakers and sentence subjects are salient for the
        # pronouns before that offset (the end of the text, or of the sentence: see below); others never (0)
        self.candidates: list[tuple[int, str, str, str, str, int]] = []
        body_q = self._body_q = SpanLookup(doc.quote_spans)  # quotation marks of the body, read again by _group
        seen_sentences: set[int] = set()
        body = doc.body
        described: dict[int, int] = {}  # sentence id -> its end, where a description is the subject
        if actors.people:
            for sent in doc.sentences:
                if sent.section == "body" and (found := self._role_subject(sent)):
                    # "The Ukrainian president announced Defence Minister Rustem Umerov will lead …": the person
                    # the subject describes is salient for the pronouns after it; a person named later in the
                    # sentence only for a pronoun inside it ("… Mr. Trump, who …, in which he continued")
                    described[sent.sentence_id] = sent.end
                    self.candidates.append((sent.start, found.name, found.actor, found.gender, "person", _ALWAYS))
        for m in doc.mentions:
            if m["section"] == "body" and m["person"] and not body_q.contains(m["start"]):
                after = _NEXT_WORD.match(body, m["end"])
                if after and after.group(1)[:1].isupper() and _plain(after.group(1)) not in NOT_NAMES:
                    continue  # a name that modifies a name ("the Trump Route"): no one here
                p = actors.people[m["person"]]
                first = m["sentence_id"] not in seen_sentences
                seen_sentences.add(m["sentence_id"])
                until = described.get(m["sentence_id"], _ALWAYS) if first else 0
                self.candidates.append((m["start"], p.name, p.actor, p.gender, "person", until))
        self.candidates.sort()
        self.raw_names: dict[str, str] = {}
        self.raw_actors: dict[str, str] = {}  # a raw name's actor group where it was first given one
        # phrases resolved since the last ``remember`` (which changes what pronouns and surnames mean):
        # neighbouring quotations ask about the same names around them
        self._resolved: dict[tuple[str, int, str, bool], Speaker | None] = {}

    def _role_subject(self, sent):
        """The person of the actors file a sentence's opening definite description stands for ("The Ukrainian
        president announced …", "The Kremlin spokesman, asked …"): a role word of the actors file among the
        first five words, followed by a verb, a comma or an adverb (a lower-case word); None otherwise."""
        if not sent.text.startswith("The "):
            return None
        head = sent.text[:60]
        m = self.actors.any_role().search(head.lower(), len("The "))
        if not m or len(head[:m.start()].split()) > 4 or not re.match(r",|\s+[a-z]", head[m.end():]) \
                or _NOT_NOW.search(head, 0, m.start()):
            return None
        phrase = head[:m.end()]
        return self._role(phrase.lower(), self.doc.mentions_between("body", sent.start, sent.start + len(phrase)),
                          sent.start)

    def remember(self, pos: int, sp: Speaker) -> None:
        self._resolved.clear()
        if sp.kind in ("person", "raw") and sp.speaker and sp.speaker[0].isupper():
            if sp.kind == "raw" and " " in sp.speaker:  # a later bare surname means this speaker
                self.raw_names.setdefault(sp.speaker.split()[-1], sp.speaker)
            if sp.kind == "raw" and sp.actor:  # "German Chancellor Olaf Scholz said …", then "Scholz added": Europe's
                self.raw_actors.setdefault(sp.speaker, sp.actor)
            gender = self.actors.people[sp.speaker].gender if sp.speaker in self.actors.people else ""
            insort(self.candidates, (pos, sp.speaker, sp.actor, gender, sp.kind, _ALWAYS))

    def subject(self, pos: int, name: str, actors: set[str]) -> None:
        """A person the actors file does not list, named as the subject of reported speech at ``pos``: a salient
        antecedent for the pronouns after it, of either gender, with the group of the one body named before
        the name in its phrase ("Ukraine's deputy foreign minister Mariana Betsa")."""
        actor = actors.pop() if len(actors) == 1 else ""
        if actor:
            self.raw_actors.setdefault(name, actor)
        insort(self.candidates, (pos, name, actor, "", "raw", _ALWAYS))

    def pronoun(self, word: str, pos: int, section: str) -> Speaker | None:
        want = PRONOUNS[word.lower()]
        if section == "headline":
            return None
        if word.lower() == "they":
            return self._group(pos, section)
        if word.lower() in ("we", "i"):
            return None
        found = self._antecedent(want, word, pos)
        if found is None and section == "body":  # "Ryabkov welcomed …" (headline) / "“…,” he said." (body)
            return self._headline_person(lambda person: person.gender == want, word, pos)
        return found

    def _headline_person(self, fits, word: str, pos: int) -> Speaker | None:
        """The last person of the actors file named in the headline for whom ``fits(person)`` holds, as the
        speaker ``word`` at ``pos`` of the body stands for; None if there is none."""
        for m in reversed(self.doc.mentions_between("headline", 0, len(self.doc.headline))):
            person = self.actors.people.get(m["person"]) if m["person"] else None
            if person is not None and fits(person):
                return Speaker(person.name, person.actor, word, pos, "person")
        return None

    def _antecedent(self, want: str, word: str, pos: int) -> Speaker | None:
        """The person ``word`` (he, she, "the diplomat") points back to: the nearest candidate before ``pos``
        of the wanted gender (any if ``want`` is empty), unless a salient one lies within ``PRONOUN_LOOKBACK``.
        A raw name is a candidate only if it can be a person: not an acronym or a body, nor a name ending
        in a place or body of the actors file ("Sputnik Armenia reported")."""
        best = None
        for j in range(bisect_left(self.candidates, (pos,)) - 1, -1, -1):
            cpos, name, actor, gender, kind, until = self.candidates[j]
            is_salient = pos < until
            if want and gender and gender != want or kind == "raw" and (
                    not personal(name) or name.rsplit(None, 1)[-1] in self.actors.group_words()):
                continue
            if best is None:
                best = (cpos, name, actor, kind)
            if is_salient:
                if pos - cpos <= PRONOUN_LOOKBACK:
                    best = (cpos, name, actor, kind)
                break
            if pos - cpos > PRONOUN_LOOKBACK:
                break
        if best:
            return Speaker(best[1], best[2], word, pos, best[3])
        return None

    def _latter(self, former: bool, word: str, pos: int, section: str) -> Speaker | None:
        """Whom "the latter" (``former``: "the former") stands for: the last (the last but one) distinct person
        or personal name in its sentence before ``pos``."""
        sent = self.doc.sentence_at(section, pos)
        found: list[Speaker] = []
        for m in NAME_RE.finditer(self.doc.section_text(section), sent.start if sent else pos, pos):
            sp = self.phrase(m.group(), m.start(), section)
            if sp and (sp.kind == "person" or sp.kind == "raw" and personal(sp.speaker)) \
                    and all(sp.speaker != f.speaker for f in found):
                found.append(sp)
        if len(found) <= int(former):
            return None
        sp = found[-2 if former else -1]
        return Speaker(sp.speaker, sp.actor, word, pos, sp.kind)

    def _described(self, noun: str, word: str, pos: int, section: str, actors: set[str]) -> Speaker | None:
        """The person a definite description ("the consul", "the spokeswoman") points back to: the nearest
        person named before ``pos`` (within ``PRONOUN_LOOKBACK``) whom the noun describes — the actors file
        gives them that role (or one of ``_NOUN_ROLES``), or the noun stands as a title before their name
        ("Consul General Morteza Abedin Varamin", "German Foreign Minister Johann Wadephul … The Minister"),
        and who belongs to the ``actors`` the description names, if it names one ("the top Russian
        diplomat"). The nearest person alone is too often someone else ("the Florida senator" after Trump)."""
        text = self.doc.section_text(section)
        roles = (noun,) + _NOUN_ROLES.get(noun, ())
        nouns = r"\b(?i:" + "|".join(roles) + r")\s+"
        title = re.compile(nouns + r"(?:[A-Z][\w.’'\-]*\s+){0,3}$")

        def described(person) -> bool:  # a vice president is not "the president"
            return person is not None and any(r in re.sub(r"\bvice[\s-]+\w+", "", " ".join([person.role, *person.role_words]).lower())
                                              for r in roles)
        lo = max(0, pos - PRONOUN_LOOKBACK)
        body_q = self._body_q if section == "body" else None
        for j in range(bisect_left(self.candidates, (pos,)) - 1, -1, -1):
            cpos, name, actor, gender, kind, _ = self.candidates[j]
            if cpos < lo:
                break
            if actors and actor not in actors or body_q is not None and body_q.contains(cpos):
                continue  # another side's person, or one a quotation names ("… with President Putin …," the president added)
            if described(self.actors.people.get(name)) or title.search(text, max(0, cpos - 60), cpos):
                return Speaker(name, actor, word, pos, kind)
        if section == "body":  # "Lavrov: …" (headline) / "the top Russian diplomat said" (body)
            found = self._headline_person(lambda person: described(person) and (not actors or person.actor in actors),
                                          word, pos)
            if found:
                return found
        if actors:
            return None
        # a titled name the actors file does not list, the last before the description
        last = None
        for m in re.finditer(nouns + r"(?=[A-Z])", text[lo:pos]):
            last = m
        name = NAME_RE.match(text, lo + last.end()) if last else None
        plain = plain_name(name.group()) if name else None
        return Speaker(plain, "", word, pos, "raw") if plain and personal(plain) else None

    def _group(self, pos: int, section: str) -> Speaker | None:
        """What "they" points back to: the nearest group named before ``pos`` (within ``PRONOUN_LOOKBACK``,
        outside quotation marks) by an actor's plural alias or an alias before a plural body noun ("European
        leaders", "the Taliban", "Democrats"); None when no group is named there."""
        body_q = self._body_q if section == "body" else None
        text = self.doc.section_text(section)
        lo = max(0, pos - PRONOUN_LOOKBACK)
        # an unnamed group nearer than any named one: "the leaders declared … They insisted"
        plain = [g for g in _PLAIN_GROUP.finditer(text, lo, pos) if (body_q is None or not body_q.contains(g.start()))
                 and not _OBJECT_OF.search(text, max(0, g.start() - 12), g.start())]  # "between the top leaders"
        plain_at = plain[-1].start() if plain else -1
        for m in reversed(self.doc.mentions_between(section, lo, pos)):
            if m["start"] < plain_at:
                break
            if m["person"] or body_q is not None and body_q.contains(m["start"]):
                continue
            noun = _GROUP_NOUN.match(text, m["end"])
            if noun:
                return Speaker(f"{m['text']} {noun.group('noun')}", m["actor"], "they", pos, "institution")
            plural = text.startswith("s", m["end"]) and not text[m["end"] + 1:m["end"] + 2].isalnum()
            if plural or _PLURAL_ALIAS.search(m["text"]):  # "Germans": the alias "German" and a plural s
                return Speaker(m["text"] + ("s" if plural else ""), m["actor"], "they", pos, "institution")
        if plain:
            return Speaker(plain[-1].group().strip(), "", "they", pos, "raw")
        return None

    def phrase(self, text: str, start: int, section: str, object_case: bool = False) -> Speaker | None:
        """Resolve a speaker phrase (text at offset start of the section); ``object_case``: the phrase is the
        object of a preposition ("according to him"), where "him", "her" and "them" are pronouns of a person
        ("her" is not read so elsewhere: "her campaign said")."""
        key = (text, start, section, object_case)
        if key not in self._resolved:
            self._resolved[key] = self._phrase(text, start, section, object_case)
        return self._resolved[key]

    def _phrase(self, text: str, start: int, section: str, object_case: bool = False) -> Speaker | None:
        text = blank_parens(text)  # Rep. Jim Clyburn (D-S.C.): the party and state are not part of the name
        raw = text.strip(_PHRASE_EDGES)  # "” he said": a closing mark is not part of the speaker
        lead_word = _LEADING_FUNCTION.match(raw)
        if lead_word:  # "When Clinton", "but he", "Following a …": the speaker comes after
            raw = raw[lead_word.end():]
        if not raw or raw.lower() in _FUNCTION_WORDS:
            return None
        lead = text.find(raw)
        pos = start + max(lead, 0)
        words = raw.split()
        low = raw.lower()
        if len(words) > 1 and words[-1].lower() in ("he", "she"):  # "including one he called": the pronoun speaks
            pos += len(raw) - len(words[-1])
            raw, low, words = words[-1], words[-1].lower(), words[-1:]
        if low in PRONOUNS or object_case and low in _OBJECT_PRONOUNS:  # "he said" / "according to him"
            return self.pronoun(_OBJECT_PRONOUNS.get(low, low), pos, section) or \
                Speaker(raw, "", raw, pos, "pronoun-unresolved")
        if low in ("the latter", "the former"):  # the last (the one before the last) person named before it
            return self._latter(low == "the former", raw, pos, section) or Speaker(raw, "", raw, pos, "pronoun-unresolved")
        if _DOCUMENT.match(low):  # "the statement said": whoever issued it, named just before
            owner = self._document_owner(section, pos)
            if owner:
                return Speaker(owner.speaker, owner.actor, raw, pos, owner.kind)
        joint = self._joint(raw, pos, section)
        if joint:
            return joint
        mentions = self.doc.mentions_between(section, pos, pos + len(raw))
        persons = [m for m in mentions if m["person"]]
        if persons:
            m = persons[-1]
            return Speaker(m["person"], m["actor"], raw, pos, "person")
        name = self._name(raw)
        if name and self._opening_verb(name, section, pos):
            return None
        if name and self._is_proper_name(name, mentions):
            # "German Chancellor Olaf Scholz": a name in the text wins over a role of the actors file
            actors = {m["actor"] for m in mentions}
            return self._raw(name, actors, raw, pos)
        role = self._role(low, mentions, pos, section)
        if role:
            return Speaker(role.name, role.actor, raw, pos, "person")
        definite = None if section == "headline" else _DEFINITE_PERSON.fullmatch(low) or _DEFINITE_HEAD.fullmatch(low) or (
            not _NOT_NOW.search(low) and (mentions and _DEFINITE_LEADER.fullmatch(low) or _DEFINITE_PRESIDENT.fullmatch(low)))
        if definite:  # "the consul recalled": the consul named before ("the top Russian diplomat": one of Russia's)
            found = self._described(definite.group("noun"), raw, pos, section, {m["actor"] for m in mentions})
            if found:
                return found
        if mentions and (len(words) <= 4 or not name and _PERSON_NOUN.search(low)):
            # "a senior Taliban official who is privy to …": the body the person speaks for
            m = mentions[-1]
            return Speaker(m["alias"], m["actor"], raw, pos, "institution")
        if name:  # no proper name (above): "a previous statement by the U.S. State Department" is the actor's whose
            inside = {m["actor"] for m in mentions if m["text"] in name}  # alias the name is ("State Department")
            return self._raw(name, inside, raw, pos)
        if len(words) <= 6 and not re.search(r"\b(?:it|this|that|there|which)\b", low) \
                and not all(_plain(w) in NOT_NAMES for w in words):
            return Speaker(raw, mentions[-1]["actor"] if mentions else "", raw, pos, "raw")
        return None

    def _opening_verb(self, name: str, section: str, pos: int) -> bool:
        """A capitalised "-ing" word opening its sentence before a lower-case word, and nowhere in the article
        capitalised after a lower-case word or a comma (``word_evidence``), is a verb, not a name ("Recognizing any … “is another red
        line” for Kiev, he added"; not "Manning testified" where "said Manning" stands too)."""
        if " " in name or not name.endswith("ing"):
            return False
        text = self.doc.section_text(section)
        at = text.find(name, pos)
        sent = self.doc.sentence_at(section, at) if at >= 0 else None
        if sent is None or text[sent.start:at].strip(" “\"‘'") or not _LOWER_NEXT.match(text, at + len(name)):
            return False
        return not word_evidence(self.doc, name)[1]

    def _raw(self, name: str, groups: set[str], raw: str, pos: int) -> Speaker:
        """A name the actors file does not list, as a speaker: of the one group its phrase names, else of the group
        it was first given in the article (``raw_actors``: "Scholz added" after "German Chancellor Olaf Scholz")."""
        return Speaker(name, groups.pop() if len(groups) == 1 else self.raw_actors.get(name, ""), raw, pos, "raw")

    def _joint(self, raw: str, pos: int, section: str) -> Speaker | None:
        """Several speakers named together ("Canada and Mexico", "Merz, Macron and Starmer") stay several:
        one speaker "A and B" or "A, B and C" (in the order of the text), with their actor group when they share one. Only when
        every conjunct is a capitalised name of at most four words that resolves to a person, a body of the
        actors file or a proper name, and they differ; "&" joins the words of one name ("Johnson & Johnson")."""
        if not _JOINT_HINT.search(raw):
            return None
        parts, at = [], 0
        for piece in _CONJUNCT.split(raw):
            at = raw.index(piece, at)
            if not _CONJUNCT_SHAPE.match(piece):
                return None
            parts.append((piece, at))
            at += len(piece)
        if len(parts) < 2:
            return None
        found = [self.phrase(piece, pos + at, section) for piece, at in parts]
        if not all(f and f.kind in ("person", "institution", "raw") and f.speaker[:1].isupper() for f in found):
            return None
        single = all(len(f.speaker.split()) == 1 for f in found if f.kind == "raw")
        for f, (piece, _) in zip(found, parts):
            bare = re.sub(r"^[Tt]he\s+", "", piece)
            if f.kind == "institution" and bare != f.speaker:
                return None  # "U.S. Customs and Border Protection": a body's name, not the U.S. and another
            if f.kind == "raw" and not (single or len(f.speaker.split()) > 1 and personal(f.speaker)):
                return None  # "Strategic and International Studies": one name with "and" in it
        names = list(dict.fromkeys(f.speaker for f in found))
        if len(names) < 2:
            return None
        groups = {f.actor for f in found}
        kinds = {f.kind for f in found}
        return Speaker(", ".join(names[:-1]) + " and " + names[-1], groups.pop() if len(groups) == 1 else "", raw, pos,
                       kinds.pop() if len(kinds) == 1 else "raw")

    def _document_owner(self, section: str, pos: int) -> Speaker | None:
        """Who issued the statement, report or letter mentioned last before pos (within
        ``PRONOUN_LOOKBACK`` characters): "the Taliban in a statement said", "Ghani’s office declared …
        in a statement", "a statement from the State Department"."""
        text = self.doc.section_text(section)
        lo = max(0, pos - PRONOUN_LOOKBACK)
        found = None
        for m in _DOCUMENT_OWNER.finditer(text, lo, pos):
            found = m
        if not found:
            return None
        np = next(g for g in ("owner1", "owner2", "owner3") if found.group(g))
        return self.phrase(found.group(np), found.start(np), section)

    @staticmethod
    def _is_proper_name(name: str, mentions: list[dict]) -> bool:
        """Does a raw name hold a word that is neither a title nor an actor's alias ("Olaf Scholz" in
        "German Chancellor Olaf Scholz"; not "Russian President")?"""
        covered = {_plain(w) for m in mentions for w in m["text"].split()}
        words = [_plain(_POSSESSIVE_S.sub("", w)) for w in name.split() if w[:1].isupper()]
        return any(w not in TITLE_WORDS and w not in ORG_WORDS and w not in NOT_NAMES and w not in covered
                   for w in words)

    def _role(self, low: str, mentions: list[dict], pos: int, section: str = "body"):
        if not self.actors.any_role().search(low):
            return None
        actor_hint = {m["actor"] for m in mentions}
        found = [person for person, rx in self.actors.role_patterns()
                 if rx.search(low) and (not actor_hint or person.actor in actor_hint)]
        if not found or not actor_hint and not low.startswith(("the ", "his ", "her ", "its ")):
            return None
        if actor_hint or len({p.name for p in found}) == 1:
            return found[0]
        return self._one_of(found, low, pos, section)

    def _one_of(self, found: list, low: str, pos: int, section: str):
        """One of several people a role word names, no side named ("the president", "the Democratic presidential
        nominee"): the one whose role shares another word of the phrase (the Democratic nominee), else the one
        named nearest before ``pos`` outside quotation marks ("… with President Putin …," the president added:
        not Putin); None if neither tells (no longer the first of the file)."""
        people = {p.name: p for p in found}
        words = set(_WORDS.findall(low)) - NOT_NAMES
        score = {n: len(words & set(_WORDS.findall(p.role.lower()))) for n, p in people.items()}
        top = max(score.values())
        tied = [n for n in people if score[n] == top]
        if len(tied) == 1 and top > min(score.values()):
            return people[tied[0]]
        body_q = self._body_q if section == "body" else None
        for m in reversed(self.doc.mentions_between(section, 0, pos)):
            if m["person"] in tied and (body_q is None or not body_q.contains(m["start"])):
                return people[m["person"]]
        return None

    def _name(self, raw: str) -> str | None:
        name = plain_name(raw)
        if name is None or " " in name:
            return name
        return self.raw_names.get(name, name)


@lru_cache(maxsize=8192)
def plain_name(raw: str) -> str | None:
    """The name a speaker phrase ends in, titles and leading non-names taken off ("German Chancellor Olaf
    Scholz" -> "Olaf Scholz", "Some Clinton" -> "Clinton"), or None (no capitalised name, a role word
    alone, a capitalised word modifying the next one). Depends on the phrase only (``Resolver._name`` maps a
    lone surname to the full name seen in the article)."""
    found = [m for m in NAME_RE.finditer(raw) if m.group().lower() not in PRONOUNS]
    if not found:
        return None
    parts = found[-1].group().rstrip(".").split()
    while parts and _plain(parts[0]) in NOT_NAMES:
        parts = parts[1:]  # "Some Clinton", "July. Cruz", "Monday"
    if len(parts) == 1 and any(c.islower() for c in parts[0]) and _MODIFIES.match(raw, found[-1].end()):
        return None  # one capitalised word before a lower-case one modifies it: "Federal officials",
        # "the Florida senator", "Given his past" are no names
    titles = [i for i, w in enumerate(parts[:-1]) if _plain(w) in TITLE_WORDS]
    if titles and _plain(parts[-1]) not in ORG_WORDS:
        # German Chancellor Olaf Scholz, DNC Chairman Tom Perez -> Olaf Scholz, Tom Perez; but the State
        # Department stays whole
        parts = parts[titles[-1] + 1:]
    while len(parts) > 1 and parts[0].isupper():
        parts = parts[1:]  # DNC Tom Perez -> Tom Perez
    name = " ".join(parts)
    if len(name) < 2 or len(parts) == 1 and (_plain(name) in TITLE_WORDS or _plain(name) in NOT_NAMES):
        return None  # "Secretary" alone is a role, not a name; "CNN. The" leaves no name
    return name
