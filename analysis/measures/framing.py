"""Sidelining (exclusion) and inclusion language bound to the actor it frames.

Cues are data (``data/lexicons/sidelining.yml``): a label, a regular expression and a
binding rule. For each sentence, each cue match is bound to actors by its rule (see the
lexicon file's header); the frame is recorded with its voice (journalist or quoted, and
the quoted speaker), whether it is in the headline, and whether a negator precedes an
inclusion cue ("will not participate" counts as exclusion, rule ``negated``).
A bilateral frame ("exclusively with the United States", "a bilateral dialogue between
Moscow and Washington") marks as excluded every party of the actors file's ``parties``
that is not among the frame's participants. When only one side of the frame is identified, the left-out
party is determined only if a single party remains (a two-party conflict with a mediator); otherwise the
cue is not counted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from .. import config, schema
from ..actors import Actors
from ..document import Doc
from ..errors import ConfigError, check_whole, read_yaml
from ..guard import check_pattern, detail
from ..text import SpanLookup, trie_alternation
from .base import Check, Measure, Options, sentence_texts

COLUMNS = schema.FRAMING.fields
DEFAULT_LEXICON = config.LEXICON
BINDINGS = {"object", "subject", "possessor", "without", "bilateral", "omission", "participants", "parties", "joint"}
ENTRY_KEYS = {"cue", "pattern", "bind", "window", "kind", "at_issue", "context"}
KINDS = ("explicit", "demand", "implicit")
OBJECT_WINDOW = 6
ADJACENT = 30  # characters around an exclusion cue within which an inclusion cue of the same actor is its own
TOPIC_MARKERS = re.compile(r"\b(?:on|about|over|regarding|in|into|of|to)\s+(?:the\s+)?$", re.I)
_VENUE_AFTER = re.compile(r"\s*(?:peace\s+)?(?:talks|negotiations|summit|meeting|conference|process|round|format)\b",
                          re.I)
_MEMBERS_OF = re.compile(r"\b(?:(?:members?|representatives?|officials?|delegates?|delegations?|envoys?|leaders?|"
                         r"negotiators?|team|emissar(?:y|ies))\s+of|(?:government|administration|authorities|"
                         r"leadership|officials)\s+in)\s+(?:the\s+)?$", re.I)
# ... or its journalists ("Israeli journalists were allowed to attend": the press is not the actor taking part)
NOUN_AFTER = re.compile(r"^[’']?s?\s*(?:conflict|war|crisis|settlement|issue|question|peace|invasion|front|journalists?|"
                        r"reporters?|correspondents?|media|newspapers?|news\s+agenc(?:y|ies)|"
                        r"press(?!\s+(?:secretary|service|office|officer|aide|attach[eé])))\b", re.I)
_NEGATION = re.compile(r"(?:\b(?:not|never|no|nothing|neither|nor|refus\w+\s+to|won[’']t|cannot)|n[’']t"
                       r"|\bno\s+(?:plans?|intention|interest)\s+(?:for|to|of))\s+(?:\w+\s+){0,2}$", re.I)
# a subject with "no" / "neither" / "nor" ("No Ukrainian officials were present", "Neither Kyiv nor Brussels was
# invited"): the inclusion cue after it is negated
_NO_BEFORE = re.compile(r"\b(?:no|neither|nor|none\s+of\s+(?:the\s+)?)\s+(?:(?:one|body|officials?|representatives?|"
                        r"delegates?|envoys?|members?)\s+(?:from|of)\s+(?:the\s+)?)?"
                        r"(?:\w+\s+|(?:(?-i:[A-Z])[\w.’'\-]*\s+){1,3})?$", re.I)  # "nor Russian President Vladimir Putin"
# a participle cue after a form of "be" (or "feel", "remain", "get") is passive: its subject is who is framed
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were|am|feel|feels|felt|remain|remains|remained|get|gets|got|"
                      r"getting|(?:find|finds|found|finding)\s+(?:itself|themselves|himself|herself))\s+(?:(?:not|never|also|all|now|again|still|currently|effectively|increasingly|being|"
                      r"\w+ly)\s+){0,2}$", re.I)
# mentions joined to a bound one by "and", "or", commas ("Ukraine and European leaders", "Kyiv, Brussels and London")
# ("European leaders and Zelensky": a group noun after an adjective alias belongs to the first)
_COORDINATION = re.compile(r"^(?:\s+(?:leaders?|officials?|envoys?|diplomats?|delegations?|delegates?|negotiators?|"
                           r"ministers?|counterparts?|allies|partners?|representatives?|governments?|presidents?))?"
                           r"\s*(?:,\s*(?:and\s+|or\s+|nor\s+)?|and\s+|or\s+|nor\s+|&\s+|"
                           # other names of a list between two actors ("Turkey, the African Union, the Arab League,
                           # the Republic of Congo, Algeria, Egypt and …"): capitalised items between commas
                           r"(?:,\s*(?:the\s+)?(?-i:[A-Z])[\w.’'\-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w.’'\-]*){0,3})+"
                           r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)|"
                           r"(?:,\s*)?(?:along\s+with|together\s+with|as\s+well\s+as)\s+(?:(?:leaders?|officials?|"
                           r"representatives?|envoys?|delegations?|ministers?)\s+(?:from|of)\s+)?)"
                           r"(?:(?:the|other|its|their|both|key|top|any|\w+[’']s)\s+)?$", re.I)
# an inclusion cue reported as a demand or condition implies absence: exclusion of kind demand
_DEMAND = re.compile(r"\b(?:must|should|needs?\s+to|has\s+to|have\s+to|ought\s+to|cannot\s+\w+\s+without|need\s+for|"
                     r"(?:is|be|was)\s+better\s+to|"
                     r"necessity\s+of|insist\w*|demand\w*|call\w*\s+for|push\w*\s+for|press\w*\s+for|urg\w+|"
                     r"essential|indispensable|only\s+possible|wants?|wanted|seek\w*|sought|ask\w*\s+for|scrambl\w*\s+to|"
                     r"struggl\w*\s+to|fight\w*\s+for|fought\s+for|lobb\w*\s+for|vie\w*\s+for|vying\s+for|"
                     r"dictat(?:e|es)|requir(?:e|es|ed|ing)|deserv(?:e|es|ed)|eager\s+to|keen\s+to|ready\s+to|willing\s+to|"
                     r"(?:express|stat|declar|voic)\w*\s+(?:(?:its|their|his|her|a|the)\s+)?(?:\w+\s+)?(?:hope|intention|desire|wish)\s+to|"
                     r"hop(?:e|es|ed|ing)\s+to|appeal\w*|desire|propos(?:e|es|ing)|proposed\s+(?:to|that)|proposal\s+(?:to|that|for)|"
                     r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)ask(?:s|ed|ing)?(?=\s+(?:\S+\s+){1,4}?to\b)|"
                     r"do\s+everything(?:\s+possible)?|tr(?:y|ies|ied|ying)\s+to)\b"
                     r"(?:\s+\S+){0,8}\s*$", re.I)
# ... or a demand that follows it ("Kyiv's direct involvement is essential")
_DEMAND_AFTER = re.compile(r"^(?:\s+[^\s,;:.]+){0,10}?\s+(?:is|are|was|remains?|(?:would|will|could|can|should|might|may)\s+be)\s+(?:\w+\s+)?"
                           r"(?:essential|indispensable|necessary|crucial|vital|needed|required|a\s+must|beneficial|useful|helpful|"
                           r"a\s+(?:pre-?condition|prerequisite)|key|imperative)\b", re.I)
# ... or is the object of backing or ensuring it ("Russia has backed the participation of the Kurds", "to ensure
# Kurds' participation"; not "the Saudi-backed opposition will participate")
_BACKED_BEFORE = re.compile(r"(?<![\w-])(?:back(?:s|ed|ing)?|support(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|in\s+favou?r\s+of|ensur(?:e|es|ed|ing)|"
                            r"guarantee(?:s|d)?|secur(?:e|es|ed|ing))\s+(?:(?:the|a|an|their|its|his|her|\w+[’']s?)\s+){0,2}$",
                            re.I)
# an inclusion cue asked about frames nothing ("did not say whether the talks would include Ukrainian officials",
# "a reporter inquired about Ukraine's involvement")
# questioning the format, need or idea of a taking part doubts it: "questioned the format with Zelensky's participation"
_DOUBTED_FORMAT = r"the\s+(?:format|need|idea|wisdom|point|presence)\s+(?:of|with|for)\b"
_QUESTION_BEFORE = re.compile(r"\b(?:whether|if|(?:ask|inquir|enquir|question|uncertain|unsure)\w*\s+(?:\w+\s+)?about)\b(?:\s+\S+){0,12}\s*$|"
                              # ... or questioned: doubted, not reported as refused ("questions American involvement in …")
                              r"\bquestion(?:ed|s|ing)?\b(?!\s+" + _DOUBTED_FORMAT + r")(?:\s+\S+){0,4}\s*$|"
                              r"\b(?:know|knows|knew|see|sees|saw|understand|understands|imagine|wonder\w*)\s+what\b(?:\s+\S+){0,8}\s*$|"
                              # ... and one of whoever might do it ("Any Palestinian who would take part would be …")
                              r"\b(?:any(?:one|body)?|whoever)\b(?:\s+[^\s,;:]+){0,3}?\s+(?:who|that)\s+(?:\w+\s+){0,2}$", re.I)
# ... and so is one of a possible taking part ("Russia's eventual participation"), unless it is called for ("pointed to a
# need for Russia's eventual participation": a demand)
_HYPOTHETICAL_BEFORE = re.compile(r"\b(?:possible|potential|eventual|prospective|hypothetical)\s+$", re.I)
# an inclusion cue after "from" is what someone is kept from ("exclude Greece from the conference and from any role
# in the settlement", "barred from attending"); after "difficult / unlikely to" it is not reported as happening
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:any|a|an|the|further|future)\s+)?$", re.I)
# ... but one on which no consensus or agreement was reached did not happen: an exclusion ("unable to reach consensus on
# inviting Russia", "it prevented a consensus on inviting Russia to our table", "could not agree on inviting Kabul")
_NO_AGREEMENT_BEFORE = re.compile(
    r"\b(?:(?:no|without|lack\s+of|prevented\s+a|(?:(?:did|could)\s+not|didn[’']t|couldn[’']t|failed\s+to|unable\s+to|not)"
    r"\s+reach(?:\s+a)?)\s+consensus|(?:(?:did|could)\s+not|didn[’']t|couldn[’']t|failed\s+to|unable\s+to)\s+agree)"
    r"\s+(?:on|over|about|to)\s+(?:\S+\s+){0,2}$", re.I)
_UNLIKELY_BEFORE = re.compile(r"\b(?:difficult|hard|impossible|unlikely|unable|too\s+late)\s+(?:for\s+\S+\s+)?to\s+"
                              r"(?:\w+\s+)?$", re.I)
_CLAUSE_GAP = re.compile(r"[,;:.!?()“”\"]|\b(?:and|but|or|then|while|before|after|until|yet)\b", re.I)
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.I)
# an attribution closing the sentence: ", the official from Seoul's presidential office said." / ", Peskov told reporters."
_SAID_TAIL = re.compile(r",\s+[^,;:“”\"]{2,80}?\s+(?:said|says|told\s+[\w ]{2,30}?|reported|added|noted)"
                        r"(?:\s+(?:on\s+)?\w+day)?\s*[.!?]?\s*$")
# after a bilateral cue, an apposition that names who is left out
_EXCLUDING_AFTER = re.compile(r"(?:\s+(?:meetings?|talks|format|negotiations|track))?\s*,?\s*(?:excluding|without)\b", re.I)
# "invited the permanent members, Italy and Turkey, but not Greece or Egypt": those after "but not" are left out
_BUT_NOT = re.compile(r",?\s+but\s+(?P<w>not|no)\s+(?:also\s+|even\s+)?", re.I)
# ... or after those gathered, counted or named as a group ("officials from some 40 countries – but not Russia",
# "World leaders join peace summit – but no Russia or China")
_GATHERED = re.compile(r"\b(?:countries|nations|states|delegations|governments|leaders|officials|participants|"
                       r"representatives|envoys|ministers|join\w*|attend\w*|gather\w*|conven\w*|invit\w*)\b", re.I)
# "before any negotiations with Putin could take place": an everyday meeting word after "any" is hypothetical
_ANY_BEFORE = re.compile(r"\bany\s+$", re.I)
# ... and so is one that is only wished for ("Moon again expressed hope to hold such a meeting", "wants to meet Putin")
_WISH_BEFORE = re.compile(r"\b(?:hop(?:e|es|ed|ing)|wish(?:es|ed|ing)?|wants?|wanted|eager|keen|desire)\s+to\s+(?:\w+\s+)?$", re.I)
# "without Kyiv's participation / involvement / consent": the inclusion cue is an exclusion
_WITHOUT_BEFORE = re.compile(r"\b(?:without|(?P<lack>lack\s+of|lacking))\s+(?:\S+\s+){0,3}$", re.I)  # "the lack of Kyiv's involvement"
# ... and "without" a longer subject of "being involved / being consulted" ("without Ukraine or European countries being
# involved"), read only for a cue that opens with "being" (an absolute construction)
_WITHOUT_FAR = re.compile(r"\bwithout\s+(?:[^\s,;:.]+\s+){4,6}$", re.I)
_BEING = re.compile(r"(?:being|getting)\s", re.I)
# an inclusion on a condition is asked for, not reported: "would meet Putin only if he also met with Zelensky", "will only
# meet with Putin if Putin also meets with Zelenskyy", "unless officials from Kyiv take part" (exclusion, kind demand)
_ALSO_BEFORE = re.compile(r"\b(?:also|too|as\s+well)\s+$", re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:only\s+(?:[^\s,;:]+\s+){0,6}?if|unless|on\s+(?:the\s+)?condition\s+that|provided\s+that)"
                               r"\s+(?:[^\s,;:]+\s+){0,5}$", re.I)
# an everyday meeting held to brief those it names on talks they were not in: "a video conference with officials from
# Ukraine, Finland and France to inform them about his meeting with Putin", "a call with Zelenskyy and European leaders
# and told them about …" (no inclusion)
_BRIEFING_AFTER = re.compile(r"(?:\s+[^\s;.]+){0,16}?\s+(?:to\s+(?:brief|inform|update|debrief|tell)\b|"
                             r"to\s+share\s+(?:the\s+)?(?:details|results|outcome)\b|and\s+(?:briefed|informed|updated|told)\s+them\b)",
                             re.I)
# ... and the meeting a briefing is about names only those briefed on it: "to share details of negotiations with
# Putin", "to inform them about his meeting with Putin" (no inclusion)
_BRIEFED_ABOUT_BEFORE = re.compile(r"\b(?:(?:details|results|outcome|readout)\s+of|(?:brief|inform|updat|tell|told|debrief)\w*"
                                   r"\s+(?:\w+\s+){0,2}?(?:on|about))\s+(?:\w+\s+){0,3}$", re.I)
# "without" + a noun of taking part or having a say + "of / from": the actor after it is left out
_WITHOUT_OF = re.compile(r"\s+(?:(?:any|the|a|prior|direct|formal)\s+){0,2}(?:mention|input|consultation|knowledge|"
                         r"consent|approval|say|representatives?|delegates?|delegations?|officials?|envoys?)\s+"
                         r"(?:of|from)\b", re.I)
# an inclusion someone refuses or objects to is an exclusion ("objected to the presence of Afghan officials",
# "the inclusion of government officials was unacceptable")
_REFUSAL_BEFORE = re.compile(r"\b(?:object\w*\s+to|reject\w*|oppos(?:e|es|ed|ing)|refus\w*|resist\w*|block\w*|veto\w*|"
                             r"cast(?:s|ing)?\s+doubts?\s+(?:on|over)|question(?:ed|s|ing)?\s+" + _DOUBTED_FORMAT + r"|"
                             r"critici[sz](?:e|es|ed|ing)|"
                             r"hesitan\w*|reluctan\w*|unwilling\w*|(?:did|does|do|would)\s+not\s+want|"
                             r"(?:didn|doesn|don|wouldn)[’']t\s+want|"
                             r"(?<!\bnot\s)(?<!n[’']t\s)(?<!\bnever\s)rul\w+\s+out|against)\s+(?:\S+\s+){0,4}$", re.I)
_REFUSAL_AFTER = re.compile(r"^(?:\s+\S+){0,8}?\s+(?:was|is|were|are|be|would\s+be|remains?)\s+(?:\w+\s+)?"
                            r"(?:unacceptable|ruled\s+out|rejected|refused|vetoed|blocked|turned\s+down|"
                            r"not\s+(?:acceptable|allowed|possible))\b", re.I)
# an object cue followed by "by" is passive ("Afghan Leader Blindsided by U.S. Meeting"): the subject is framed
_BY_AFTER = re.compile(r"^\s+by\b", re.I)
_FROM_AFTER = re.compile(r"^\s+from\b", re.I)  # "Kurdish party excluded from Syria peace talks": passive too
_IN_AFTER = re.compile(r"\s+(?:in|at)\b", re.I)
# only auxiliaries, negations and wishes between an actor and the verb it is the subject of ("the United States is not
# yet willing to join", "Kyiv is ready to join", "the US won't join")
_OWN_VERB_BETWEEN = re.compile(r"(?:\s+(?:is|are|was|were|will|would|can|could|should|shall|must|may|might|did|does|do|has|"
                               r"have|had|be|been|not|\w*n[’']t|never|yet|also|still|now|formally|officially|ready|willing|"
                               r"eager|keen|prepared|going|want\w*|hop\w*|plan\w*|intend\w*|to))*\s*$", re.I)
_ENDS_CLAUSE = re.compile(r"\s*(?:[:;,.!?]|$)")  # "Talks to fail if Kurds excluded: Russian official"
# third-person pronouns in a cue's slot, resolved to an earlier actor mention (``_antecedent``): the object
# right after the cue ("refused to meet them") or inside it ("kept them out of"), a possessive before a body noun ("did not include his
# government"), the subject opening the clause ("While he has not been involved", "but they were not invited")
_PRONOUN_IN_CUE = re.compile(r"\s(?P<w>them|him|her)\s", re.I)  # "kept them out of": inside a subject cue
_PRONOUN_OBJECT = re.compile(r"\s+(?:\w+\s+)?(?P<w>them|him|her|(?-i:us)|me)\b(?!\s*[’']s\b)", re.I)  # not "US"
_PRONOUN_OWNER = re.compile(r"\s+(?:\w+\s+)?(?P<w>his|her|their)\s+(?:own\s+)?(?:government|administration|country|"
                            r"delegation|team|negotiators|representatives|officials|envoys?|leaders?)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"^[\s,;:—–-]*(?:(?:while|but|and|although|though|since|because|as|if|when|so|yet|now|"
                              r"that|even|still)\s+)*(?P<w>he|she|they)\s+(?:\S+\s+){0,5}$", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|in|at|from|into|for|of|on|with|by|near|over|about)\s+(?:the\s+)?$", re.I)
# an aside between commas opened by a participle or "including" / "along with", closed before the cue
_ASIDE = re.compile(r",\s+(?:(?:\w+ly\s+)?\w+ed|including|along\s+with|together\s+with|joined\s+by|like|such\s+as|which|who|whose)\s+"
                    r"[^,;:]{1,80},"
                    r"(?=[^,;:]*$)", re.I)
_BETWEEN = re.compile(r"(?:\s+\S+){0,8}?\s+between\b", re.I)
_CONFLICT_BETWEEN = re.compile(r"\b(?:war|wars|conflict|fighting|hostilities|clashes|tensions?|dispute|feud|rivalry)\s+"
                               r"between\s+(?:the\s+)?(?:\S+\s+){0,5}$", re.I)
_US_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?(?:are|is|was|were|will\s+be)\s+(?:we|us)\b", re.I)
_OBJECT_RELATIVE = re.compile(r"\b(?:whose\s+\w+|whom)\s+(?:the\s+)?$", re.I)
# gerunds after "without" that leave their object out ("without including the Kurds", "without consulting Kyiv")
_TAKING_IN = {"including", "involving", "consulting", "inviting", "informing", "asking", "hearing", "notifying",
              "briefing", "having", "being", "engaging", "letting", "allowing", "bringing", "telling", "coordinating"}
_I_BEFORE = re.compile(r"\bI\s+(?:\w+\s+)?$")  # "“I received an invitation”": the quoted speaker
# a quoted speaker's own body named without its actor opens the clause ("“The cabinet wasn't consulted,” he said")
_OWN_BODY = re.compile(r"^[\s“”\"‘’']*the\s+(?:cabinet|government|leadership|administration|presidency|delegation|"
                       r"negotiating\s+team)(?:\s+\S+){0,3}\s*$", re.I)
# a headline-like clause opened by "no": the participle right after its subject is passive ("No Israeli govt.
# officials invited to Bahrain workshop")
_NO_HEAD = re.compile(r"^\W*(?:but\s+)?no\s+(?:[^\s,;:]+\s+){1,4}$", re.I)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
# a possessive pronoun right before an inclusion noun
_THEIR_BEFORE = re.compile(r"\b(?:their|its|his|her)\s+(?:\w+\s+)?$", re.I)
# ... and "their" alone before a bilateral cue ("hold their bilateral summit": every side of the subject's)
_THEIR_BEFORE_CUE = re.compile(r"\btheir\s+(?:\w+\s+)?$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|though|although|whereas)\b|,\s+(?=\w+ing\b)")


@dataclass
class Cue:
    frame: str
    cue: str
    regex: re.Pattern
    bind: str
    window: int = OBJECT_WINDOW
    kind: str = "explicit"
    at_issue: bool = False  # counted only for actors the article frames elsewhere ("met with Zelensky")
    context: re.Pattern | None = None  # the sentence must also match this ("the announcement ... caught Seoul off guard")
    needs: tuple | None = None  # groups of lower-case strings, one of each in every match (None: unknown)

    def __post_init__(self):
        if self.needs is None:
            self.needs = required_literals(self.regex.pattern)
        self.label = f"{self.frame} cue '{self.cue}' (pattern '{self.regex.pattern}')"  # named if a sentence times out


# ------------------------------------------------------------------ exact pre-filter for the cue patterns
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f]")  # İ ı ſ match i / s under re.I but lower() differs
_SPACES = re.compile(r"\s+")


def searchable(text: str) -> str:
    """The text the pre-filter looks in: lower-cased, every run of white space one space."""
    return _SPACES.sub(" ", text.lower())


def possible_cues(text: str, lexicon: Lexicon) -> list[Cue]:
    """The cues of ``lexicon`` whose pattern can match ``text``, in its order: those with no known literal,
    and those with one literal of each of their required groups in ``searchable(text)`` (all cues when case
    folding is unsafe)."""
    if _FOLD_UNSAFE.search(text):
        return lexicon.ordered
    found = set(lexicon.finder.findall(searchable(text))) if lexicon.finder else ()
    if not found:
        return lexicon.always
    present = set().union(*(lexicon.prefixes[n] for n in found))
    at = set(lexicon.always_at)
    for n in present:
        at.update(lexicon.cues_at.get(n, ()))
    out = []
    for i in sorted(at):
        c = lexicon.ordered[i]
        if c.needs is None or all(not g.isdisjoint(present) for g in c.needs[1:]):
            out.append(c)
    return out


def literal_finder(literals) -> re.Pattern | None:
    """A pattern that finds, at every position of a text, the longest of ``literals`` that starts there
    (group 1; a look-ahead, so matches may overlap): the literals as a trie, one pass over the text instead
    of one search per literal. A literal that occurs is the one found where it starts or a prefix of it."""
    return re.compile(f"(?=({trie_alternation(literals)}))") if literals else None


def required_literals(pattern: str) -> tuple[frozenset, ...] | None:
    r"""Groups of strings (lower-case ASCII, white space as one space) such that every match of ``pattern``
    contains one string of each group, the most selective group first; None if there is none.

    Read from the parsed pattern: literal runs of the top-level sequence (across white space and word
    boundaries; a group of literal alternatives multiplies the run: ``(?:sit|sat)\s+in`` needs "sit in"
    or "sat in"), alternatives (one string from each branch), repeats of at least one and look-arounds
    (what they require is in the text too; the pre-filter looks at the whole sentence). Besides the rarest
    group, only groups of three letters or more that are not only everyday words are kept (the others rule
    out next to nothing and are found everywhere). Used only to skip sentences that cannot match, so a
    cue's hits are exactly those of the pattern itself."""
    import re._parser as sre_parse
    try:
        parsed = sre_parse.parse(pattern, re.I)
    except (re.error, RecursionError):
        return None
    groups = _seq_needs(list(parsed))
    if not groups:
        return None
    groups.sort(key=_selectivity, reverse=True)
    # a further group of short strings ("in", "ed") or of everyday words (" to ", "and ") rules out almost
    # nothing and costs a look-up everywhere
    return tuple(frozenset(g) for i, g in enumerate(groups) if i == 0 or _selectivity(g)[:2] >= (1, _SHORTEST))


_SHORTEST = 3
_EVERYDAY = frozenset("a an the to of in on at by for from with and or but not no as is was were are be been has "
                      "have had his her their its it he she they that this who which will would".split())


def _selectivity(group: set) -> tuple:
    """Groups of rarer strings first: none only everyday words ("at the", "t the"), then the longest shortest
    string, then fewer strings."""
    return (not any(all(w in _EVERYDAY or len(w) <= 2 for w in x.split()) for x in group),
            min(len(x) for x in group), -len(group))


_MAX_ALTERNATIVES = 64  # a run multiplied past this many strings is closed instead


def _join(a: str, b: str) -> str:
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _is_space(op, av) -> bool:
    r"""``\s``, or a repeat of it at least once."""
    from re._constants import CATEGORY, CATEGORY_SPACE, IN, MAX_REPEAT, MIN_REPEAT
    if op in (MAX_REPEAT, MIN_REPEAT):
        return av[0] >= 1 and len(av[2]) == 1 and _is_space(*av[2][0])
    return op is IN and av == [(CATEGORY, CATEGORY_SPACE)]


def _literal_set(items) -> set | None:
    """The strings a piece of pattern matches (lower-cased, white space as one space) when it is literal
    throughout (characters, white space, word boundaries, groups and alternatives of those); else None."""
    from re._constants import AT, BRANCH, LITERAL, SUBPATTERN
    out = {""}
    for op, av in items:
        if op is LITERAL and av < 128:
            ch = chr(av).lower()
            add = {" " if ch.isspace() else ch}
        elif _is_space(op, av):
            add = {" "}
        elif op is AT:
            continue
        elif op is SUBPATTERN:
            add = _literal_set(av[-1])
        elif op is BRANCH:
            subs = [_literal_set(b) for b in av[1]]
            add = set().union(*subs) if all(x is not None for x in subs) else None
        else:
            add = None
        if add is None:
            return None
        out = {_join(x, y) for x in out for y in add}
        if len(out) > _MAX_ALTERNATIVES:
            return None
    return out


def _seq_needs(items) -> list[set]:
    """The required groups of a sequence of parsed pattern items (see ``required_literals``)."""
    from re._constants import ASSERT, BRANCH, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
    groups, run = [], {""}

    def close():
        nonlocal run
        if all(x.strip() for x in run):
            groups.append(run)
        run = {""}

    for op, av in items:
        piece = _literal_set([(op, av)])
        if piece is not None and len(run) * len(piece) <= _MAX_ALTERNATIVES:
            run = {_join(x, y) for x in run for y in piece}
            continue
        close()
        if piece is not None:
            run = piece
        elif op is SUBPATTERN:
            groups += _seq_needs(list(av[-1]))
        elif op is BRANCH:
            subs = [_seq_needs(list(b)) for b in av[1]]
            if all(subs):  # one group from each branch: the most selective
                groups.append(set().union(*(max(sub, key=_selectivity) for sub in subs)))
        elif op is ASSERT:  # a look-ahead or look-behind must match too: its literals are in the text
            groups += _seq_needs(list(av[1]))
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            groups += _seq_needs(list(av[2]))
    close()
    return groups


@dataclass
class Lexicon:
    path: str
    cues: list[Cue]

    def __post_init__(self):
        # derived once per lexicon, not per article: exclusion cues first, and every required literal
        self.ordered = sorted(self.cues, key=lambda c: c.frame != "exclusion")
        self.literals = sorted({n for c in self.cues if c.needs for g in c.needs for n in g})
        self.finder = literal_finder(self.literals)
        known = set(self.literals)  # each literal's prefixes that are literals too (itself among them)
        self.prefixes = {n: {n[:k] for k in range(1, len(n) + 1)} & known for n in self.literals}
        # the cues (their places in ``ordered``) that a literal of their most selective group makes possible
        self.always_at = [i for i, c in enumerate(self.ordered) if c.needs is None]
        self.always = [self.ordered[i] for i in self.always_at]
        self.cues_at: dict[str, list[int]] = {}
        for i, c in enumerate(self.ordered):
            for n in c.needs[0] if c.needs else ():
                self.cues_at.setdefault(n, []).append(i)


def load_lexicon(path) -> Lexicon:
    path = Path(path)
    data = read_yaml(path, "lexicon")
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: top level must be a mapping with 'exclusion' and 'inclusion' lists")
    unknown = set(data) - {"exclusion", "inclusion", "description"}
    if unknown:
        raise ConfigError(f"{path}: top level: unknown key '{sorted(unknown)[0]}' (allowed: exclusion, inclusion, description)")
    cues = []
    for frame in ("exclusion", "inclusion"):
        entries = data.get(frame) or []
        if not isinstance(entries, list):
            raise ConfigError(f"{path}: '{frame}' must be a list of cue entries")
        for i, e in enumerate(entries):
            where = f"{path}: {frame}[{i}]"
            if not isinstance(e, dict):
                raise ConfigError(f"{where}: must be a mapping with cue, pattern and bind")
            unknown = set(e) - ENTRY_KEYS
            if unknown:
                raise ConfigError(f"{where}: unknown key '{sorted(unknown)[0]}' (allowed: {', '.join(sorted(ENTRY_KEYS))})")
            for k in ("cue", "pattern", "bind"):
                if not isinstance(e.get(k), str) or not e[k].strip():
                    raise ConfigError(f"{where}: '{k}' is missing or empty")
            if e["bind"] not in BINDINGS:
                raise ConfigError(f"{where}: bind '{e['bind']}' is not one of {', '.join(sorted(BINDINGS))}")
            rx = check_pattern(e["pattern"], where)
            window = check_whole(f"{where}: window", e.get("window", OBJECT_WINDOW), unit=" of words")
            kind = e.get("kind", "explicit")
            if kind not in KINDS:
                raise ConfigError(f"{where}: kind '{kind}' is not one of {', '.join(KINDS)}")
            at_issue = e.get("at_issue", False)
            if not isinstance(at_issue, bool):
                raise ConfigError(f"{where}: at_issue must be true or false")
            context = check_pattern(e["context"], f"{where}: context") if "context" in e else None
            cues.append(Cue(frame, e["cue"], rx, e["bind"], window, kind, at_issue, context))
    if not cues:
        raise ConfigError(f"{path}: no cues (give 'exclusion' and/or 'inclusion' entries)")
    return Lexicon(str(path), cues)


def _words_between(text: str, a: int, b: int) -> int:
    return len(re.findall(r"\w+", text[a:b]))


_ENDS_WITH = re.compile(r"\bwith$")
_FIRST_WORD = re.compile(r"\w+")
_FINITE_VERB = {"VB", "VBP", "VBZ", "VBD", "MD"}


def pos_tags(text: str) -> list[tuple[int, str]]:
    """(offset into ``text``, tag) of each token TextBlob's tagger (``textblob.en``, offline, Penn tags)
    gives ``text``; a token the tokenizer rewrote (curly quotation marks) and that is not found right after the
    previous one is left out."""
    from .sentiment_lexicons import _textblob_en
    out, pos = [], 0
    for sentence in _textblob_en().parse(text, chunks=False, tags=True).split():
        for word, tag in sentence:
            at = text.find(word, pos)
            if at < 0 or text[pos:at].strip():  # rewritten by the tokenizer: not found right here
                continue
            out.append((at, tag))
            pos = at + len(word)
    return out


# a dateline opening a sentence ("Kinshasa — The …", "SEOUL, May 28 (Yonhap) -- South Korean …"): a place, never
# an actor framed by the sentence
_DATELINE = re.compile(r"(?-i:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2})(?:,\s+[^—–.;]{1,40}?)?\s+(?:—|–|--)\s+(?-i:[A-Z])")


class _Sentence:
    def __init__(self, doc: Doc, sent, mentions: list[dict], quotes: dict[str, SpanLookup],
                 gender: dict[str, str] | None = None):
        self.doc, self.s = doc, sent
        self.text = sent.text
        dateline = _DATELINE.match(sent.text)
        self.mentions = [dict(m, rs=m["start"] - sent.start, re=m["end"] - sent.start) for m in mentions
                         if not dateline or m["end"] - sent.start > dateline.end()]
        self.quotes = quotes[sent.section].overlapping(sent.start, sent.end)
        self.gender = gender or {}

    def antecedent(self, word: str, before: int, skip: dict | None = None) -> dict | None:
        """The mention a third-person pronoun points back to: the nearest earlier mention in this sentence
        (before ``before``), not after a preposition, of a person of that gender for he/him/his (she/her),
        of a group (not a person) for they/them/their/its; None when there is none. Only within the sentence: across sentences the
        nearest name is too often not the referent (measured: "While he has not been involved" three
        sentences after the president it means, one after the envoy it does not)."""
        w = word.lower()
        if w in ("they", "them", "their", "its"):
            fits = lambda m: not m["person"]  # noqa: E731
        else:
            g = "m" if w in ("he", "him", "his") else "f"
            fits = lambda m: m["person"] and self.gender.get(m["person"], g) == g  # noqa: E731
        # not a place or an object of a preposition ("sent envoys to Doha, but they ...")
        here = [m for m in self.mentions if m["re"] <= before and fits(m) and m is not skip
                and not _PREPOSITION_BEFORE.search(self.text, 0, m["rs"])]
        return max(here, key=lambda m: m["rs"]) if here else None

    @cached_property
    def tags(self) -> list[tuple[int, str]]:
        """(offset, part-of-speech tag) of the sentence's words, by TextBlob's offline tagger (tagged once,
        on first use: only sentences where a cue needs it)."""
        return pos_tags(self.text)

    def verb_before_with(self, ms: int, me: int) -> bool:
        """Whether the "with" ending a cue match (``text[ms:me]``) belongs to a finite verb between the cue
        word and it ("These renewed negotiations coincide with NATO pledging …", "the talks ended with a
        statement"): then it names no one taking part. A participle ("the talks held with Iran") does
        not count."""
        with_ = _ENDS_WITH.search(self.text, ms, me)
        if not with_:
            return False
        first = _FIRST_WORD.match(self.text, ms)
        gap_from = first.end() if first else ms
        return any(gap_from <= at < with_.start() and tag in _FINITE_VERB for at, tag in self.tags)

    def quote_at(self, rel: int) -> dict | None:
        pos = self.s.start + rel
        for q in self.quotes:
            if q["start"] <= pos < q["end"] and q["kind"] != "indirect":
                return q
        return None

    def clause_bounds(self, rel: int) -> tuple[int, int]:
        lo, hi = 0, len(self.text)
        for m in _CLAUSE_BREAK.finditer(self.text):
            if m.end() <= rel:
                lo = m.end()
            elif m.start() >= rel and hi == len(self.text):
                hi = m.start()
        return lo, hi

    def after(self, pos: int, window: int, stop: int) -> list[dict]:
        out = []
        for m in self.mentions:
            if pos <= m["rs"] < stop and _words_between(self.text, pos, m["rs"]) <= window:
                out.append(m)
        return out

    def before(self, pos: int, start: int) -> list[dict]:
        return [m for m in self.mentions if start <= m["rs"] and m["re"] <= pos]


def _gap(text: str, a: dict, b: dict) -> int:
    """Words between two mentions, in either order."""
    first, second = (a, b) if a["rs"] < b["rs"] else (b, a)
    return _words_between(text, first["re"], second["rs"])


def _participant(sent: _Sentence, m: dict, after: int = 0) -> bool:
    """False for mentions that modify a noun or name a topic (the Ukraine conflict, talks on Ukraine). With
    ``after`` (a cue's end), a preposition the cue ends in is the cue's own ("the exclusion of Ukraine",
    "over the heads of Ukrainians"), not a topic marker."""
    if NOUN_AFTER.match(sent.text[m["re"]:]):
        return False
    topic = TOPIC_MARKERS.search(sent.text, after, m["rs"])
    # "members of the Afghan government", "representatives of Kyiv": people of the actor, not a topic
    return not topic or bool(_MEMBERS_OF.search(sent.text, max(after, topic.start() - 40), topic.end()))


def _no_subject(sent: _Sentence, lo: int, ms: int) -> bool:
    """Whether the actor nearest before a cue in its clause is negated by "no" / "neither" / "nor" ("No Ukrainian
    officials were present", "Neither Kyiv nor Brussels was invited")."""
    subj = [m for m in sent.before(ms, lo) if _participant(sent, m)]
    return bool(subj) and bool(_NO_BEFORE.search(sent.text, max(lo, subj[-1]["rs"] - 30), subj[-1]["rs"]))


def _coordinated(sent: _Sentence, bound: list[dict]) -> list[str]:
    """The actors of the bound mentions and of every mention coordinated with them. A bare comma joins two
    mentions only inside a list closed by "and" / "or" ("Kyiv, Brussels and London"), not an apposition
    ("his talk with Trump, Ukrainian President Zelensky ...")."""
    ms = sorted(sent.mentions, key=lambda m: m["rs"])
    links = []
    for a, b in zip(ms, ms[1:]):
        m = _COORDINATION.match(sent.text[a["re"]:b["rs"]])
        links.append(None if not m else "and" if re.search(r"\b(?:and|or|nor|with|as)\b|&", m.group(), re.I)
                     else "comma")
    # a comma link stands when the chain after it ends in "and"; headlines list with bare commas
    # ("Pompeo Meets Taliban, Afghan Government")
    if sent.s.section != "headline":
        for i in range(len(links) - 1, -1, -1):
            if links[i] == "comma":
                links[i] = links[i + 1] if i + 1 < len(links) else None
    picked = {id(m) for m in bound}
    changed = True
    while changed:
        changed = False
        for (a, b), link in zip(zip(ms, ms[1:]), links):
            if link and (id(a) in picked) != (id(b) in picked):
                picked |= {id(a), id(b)}
                changed = True
    return sorted({m["actor"] for m in ms if id(m) in picked})


_MANY_BEFORE = re.compile(r"\b(?:many|several|numerous|multiple|various|series\s+of|dozens\s+of|\d+)\s+(?:\w+\s+)?$", re.I)
_WITH_MANY_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?with\s+(?:\S+\s+){0,2}?(?:from\s+)?(?:more\s+than\s+|some\s+|about\s+|"
                              r"over\s+|nearly\s+|around\s+|at\s+least\s+)?(?:\d+|many|several|dozens|numerous|"
                              r"a\s+(?:number|range|host)\s+of)\b", re.I)
_WITH_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?with\s+", re.I)  # "a joint declaration (signed) with Putin"
# what a non-answer must be about to frame an actor (``omission``): taking part
_TAKING_PART = re.compile(r"\b(?:attend\w*|participa\w*|tak(?:e|es|ing)\s+part|join\w*|includ\w*|invit\w*|involv\w*|"
                          r"present|members?|role|seat|part\s+of|represent\w*|come|coming|travel\w*|sen(?:d|ds|t)|"
                          r"delegat\w*|table)\b", re.I)


def _bind(cue: Cue, sent: _Sentence, ms: int, me: int, parties: list[str], turned: str = "") -> tuple[list[str], str]:
    """The actors a cue matched at ``ms:me`` frames, and the rule that bound them; ``turned`` is how an inclusion cue
    became an exclusion ("negated:", "without:", "lack:", "refused:", "demand:"; "" for none)."""
    if cue.bind == "joint":  # a joint statement or plan: its makers, when they are of two sides or more
        actors, rule = _bind(replace(cue, bind="subject"), sent, ms, me, parties, turned)
        with_ = _WITH_AFTER.match(sent.text, me)
        partners = [m["actor"] for m in sent.after(with_.end(), 3, len(sent.text))][:1] if with_ else []
        makers = sorted(set(actors) | set(partners))
        # "Costa and von der Leyen issued a joint statement": one side speaking, no one taking part with another
        return (makers, rule) if len(makers) >= 2 else ([], "")
    actors, rule = _bind_one(cue, sent, ms, me, parties, turned)
    if actors and rule.split(":")[0] in ("subject", "object", "possessor", "participants", "without"):
        def distance(m):
            return max(ms - m["re"], m["rs"] - me, 0)
        # the bound mention: the nearest on the side the rule read (before the cue for a subject, after it for
        # an object: "Kyiv was not invited, while Ukrainian and American envoys ..." binds Kyiv, not "Ukrainian")
        side = rule.split(":")[0]
        on_side = [m for m in sent.mentions if (side != "subject" or m["re"] <= ms) and (side != "object" or m["rs"] >= me)]
        pool = on_side or sent.mentions
        near = [min((m for m in pool if m["actor"] == a), key=distance)
                for a in actors if any(m["actor"] == a for m in pool)]
        for m in sorted(sent.mentions, key=distance):  # and the rest of its name ("Ukrainian President Zelensky")
            if m["actor"] in actors and all(m is not n for n in near) and any(
                    n["actor"] == m["actor"] and _gap(sent.text, n, m) <= 2 for n in near):
                near.append(m)
        more = _coordinated(sent, near) if near else actors
        if len(more) > len(actors):
            return more, rule + "+coordinated"
    return actors, rule


def _outside_aside(sent: _Sentence, subj: list[dict], ms: int) -> list[dict]:
    """The subject candidates before a cue without those inside an aside between commas that closes before it
    ("Ukrainian officials, backed by key European allies, are continuing to press for a seat": Ukraine, not
    Europe); all of them when nothing else is left. A mention that only modifies a noun ("Israeli journalists
    were allowed to attend", "the Ukraine war") is no subject."""
    subj = [m for m in subj if not NOUN_AFTER.match(sent.text[m["re"]:])]
    # a name of no actor right before the cue is its subject ("Kyiv was striving to have China attend"), and a
    # long relative clause is an aside too ("China, which … condemn the invasion of Ukraine, announced it would
    # participate": not Ukraine)
    if subj and sent.s.section != "headline" and _OTHER_NAME_BEFORE.search(sent.text, subj[-1]["re"], ms) and not any(
            subj[-1]["re"] < m["rs"] < ms for m in sent.mentions):
        return []
    aside = _ASIDE.search(sent.text, 0, ms)
    relative = None if aside else _RELATIVE_ASIDE.search(sent.text, 0, ms)
    found = aside or relative
    if not found:
        return subj
    out = [m for m in subj if not (found.start() <= m["rs"] and m["re"] <= found.end())]
    return out if relative else out or subj


_WHO_BEFORE = re.compile(r"\b(?-i:[a-z])\w+\s+who\s+(?:\S+\s+){0,4}$", re.I)  # a common noun's relative clause
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose)\s+[^,;:]{1,200},(?=[^,;:]*$)", re.I)
_OTHER_NAME_BEFORE = re.compile(r"\s(?-i:[a-z])\w*\s+(?!(?:Its|Their|His|Her|Our|My|The|A|An)\s)(?-i:[A-Z])[\w’'\-]+\s+"
                                r"(?:(?:will|would|could|can|may|might|also|not)\s+){0,2}$")


# a passive gerund after a preposition ("called Merkel to complain about being left out", "disappointment at not
# having been invited"): the one left out is the clause's subject, not the nearest name before the cue
_GERUND_PASSIVE = re.compile(r"\b(?:over|about|at|for|of|after|by|from|despite|against|on)\s+(?:not\s+)?"
                             r"(?:being|having\s+been)\s+(?:\w+ly\s+|even\s+)?$", re.I)


def _framed_subject(sent: _Sentence, subj: list[dict], ms: int) -> dict:
    """The subject mention a subject (or passive) cue frames, of the mentions ``subj`` before it in its clause:
    the nearest, unless it is the object of a preposition inside the noun phrase of an earlier one, with no verb
    between them by TextBlob's tagger ("the Tunisian ambassador to Germany was not invited": Tunisia), or the cue
    is a passive gerund after a preposition (then the subject of the clause's finite verb: "Greek Prime Minister
    Calls Merkel Over Being Left Out": Greece)."""
    text = sent.text
    if _GERUND_PASSIVE.search(text, 0, ms):
        # the subject of the clause's finite verb: the last mention a finite verb follows before the next mention
        # ("…, China sees a danger of being outflanked": China; "Greek Prime Minister Calls Merkel Over Being Left
        # Out": Greece); the clause's first mention when the tagger finds none
        # (a verb right after "to" is no finite verb: "called Merkel … to complain about being omitted")
        tags = sent.tags
        finite = [at for i, (at, tag) in enumerate(tags) if tag in ("VBZ", "VBD", "VBP", "VBN", "MD")
                  and not (i and tags[i - 1][1] == "TO")]
        ends = [m["rs"] for m in subj[1:]] + [ms]
        verbed = [i for i, (m, end) in enumerate(zip(subj, ends)) if any(m["re"] <= at < end for at in finite)]
        if not verbed:
            return subj[0]
        subj = subj[:verbed[-1] + 1]  # then as any subject ("the Tunisian ambassador to Germany expressed …")
    near = subj[-1]
    if len(subj) > 1 and _PREPOSITION_BEFORE.search(text, 0, near["rs"]):
        prev = subj[-2]
        gap = text[prev["re"]:near["rs"]]
        if _words_between(text, prev["re"], near["rs"]) <= 3 and not re.search(r"[,;:]|\b[A-Z]", gap) and not any(
                prev["re"] <= at < near["rs"] and tag.startswith(("VB", "MD")) for at, tag in sent.tags):
            return prev  # no verb between: one noun phrase ("ambassador to", not "pushes for Europe to take part")
    return near


# a subject pronoun between the nearest actor and the cue ("Qadri Jamil, who has ties to Russia, said he had been
# invited"); after a demand, "they" / "it" is someone else ("Turkey demanded they be kept away"); a noun phrase
# after a reporting verb is the subject and names no actor ("Aliko said the body had been invited")
_PRONOUN_BETWEEN = re.compile(r"(?:\b(?P<demand>demand\w*|insist\w*|ask\w*|urg\w*|request\w*|want\w*)\s+(?:that\s+)?)?"
                              r"\b(?P<w>he|she|they|it)\s+(?:\S+\s+){0,4}$", re.I)
_NOUN_PHRASE_SAID = re.compile(r"\b(?:said|says|confirmed|announced|stated|added)\s+(?:that\s+)?(?:the|a|an|this)\s+"
                               r"[a-z]\w*\s+(?:\S+\s+){0,3}$")


def _subject_between(sent: _Sentence, near: dict, ms: int) -> tuple[list[str], str] | None:
    """Who a subject cue frames when a pronoun or a noun phrase stands between the nearest actor ``near`` and the
    cue: he / she -> the person it points back to (``_Sentence.antecedent``); they / it after a demand -> no one;
    a noun phrase after "said" -> no one. None: nothing stands between, ``near`` is the subject."""
    text = sent.text
    if _NOUN_PHRASE_SAID.search(text, near["re"], ms):
        return [], ""
    pron = _PRONOUN_BETWEEN.search(text, near["re"], ms)
    if not pron:
        return None
    w = pron.group("w").lower()
    if w in ("he", "she"):
        ante = sent.antecedent(w, pron.start("w"))
        return ([ante["actor"]], "subject:pronoun") if ante else ([], "")
    return ([], "") if pron.group("demand") else None


def _the_subject(sent: _Sentence, subj: list[dict], ms: int, rule: str) -> tuple[list[str], str]:
    """([actor], rule) of a subject or passive cue whose clause has the actor mentions ``subj`` before it: what
    stands between the nearest of them and the cue (``_subject_between``), else ``_framed_subject``."""
    between = _subject_between(sent, subj[-1], ms)
    return between if between is not None else ([_framed_subject(sent, subj, ms)["actor"]], rule)


def _fronted(sent: _Sentence, ms: int, me: int) -> tuple[list[str], str] | None:
    """A cue in a phrase opening the sentence, set off by a comma, frames the subject right after it ("Uninvited
    to Talks, Syrian Kurds Leave Geneva", "Left out of the summit, Europe …"); None otherwise."""
    text = sent.text
    comma = text.find(",", me)
    if comma < 0 or sent.quote_at(ms) is not None or re.search(r"[,;:]", text[:ms]) \
            or any(m["rs"] < comma for m in sent.mentions):
        return None
    after = [m for m in sent.mentions if m["rs"] > comma and _words_between(text, comma, m["rs"]) <= 1]
    return ([after[0]["actor"]], "subject:fronted") if after else None


def _subject_pronoun(sent: _Sentence, lo: int, ms: int) -> tuple[list[str], str] | None:
    """The actor of a he / she / they opening the clause before the cue (``_Sentence.antecedent``):
    ([actor], "subject:pronoun"), ([], "") when it points back to no one, None when there is no such pronoun."""
    pron = _PRONOUN_SUBJECT.match(sent.text[lo:ms])
    if not pron:
        return None
    ante = sent.antecedent(pron.group("w"), lo)
    return ([ante["actor"]], "subject:pronoun") if ante else ([], "")


def _bind_one(cue: Cue, sent: _Sentence, ms: int, me: int, parties: list[str], turned: str = "") -> tuple[list[str], str]:
    # a meeting refused or not held leaves out the side it is with, not the one refusing it ("the Taliban refused to
    # meet with the government"): an inclusion cue turned binds its object only; one that someone else's absence
    # turned ("without", "lack of", a refusal) is not owned by the clause's subject; one negated or demanded with no
    # one after it frames its subject ("the US won't join the process")
    object_only = bool(turned)
    other_owner = turned in ("without:", "lack:", "refused:")
    subject_too = turned in ("negated:", "demand:")
    lo, hi = sent.clause_bounds(ms)
    text = sent.text
    q = sent.quote_at(ms)
    speaker_actor = q["speaker_actor"] if q else ""
    if cue.bind == "bilateral":
        if _MANY_BEFORE.search(text, lo, ms) or _WITH_MANY_AFTER.match(text, me):
            return [], ""  # "many bilateral meetings", "bilateral talks with emissaries from more than 30 states":
            # one side meeting many others one by one leaves no one out
        if _EXCLUDING_AFTER.match(text, me):
            return [], ""  # "a one-on-one meeting, excluding Turkish or U.S. officials": those named are the left-out
        # not in an attribution that ends the sentence ("… hold their bilateral summit, the official from Seoul's
        # presidential office said.": the source of the report is no side of the summit)
        said = _SAID_TAIL.search(text, me, hi)
        named = [m for m in sent.after(me, cue.window, said.start() if said else hi) if _participant(sent, m)]
        named += [m for m in sent.before(ms, lo) if _words_between(text, m["re"], ms) <= 3 and _participant(sent, m)]
        participants = {m["actor"] for m in named}
        if not participants:
            subj = [m for m in sent.before(ms, lo) if _participant(sent, m)]
            if q is not None or not subj:
                return [], ""
            participants = {subj[-1]["actor"]}
            if _THEIR_BEFORE_CUE.search(text, lo, ms):  # "Trump and North Korean leader Kim … hold their bilateral
                # summit": every side of the subject
                participants |= set(_coordinated(sent, [m for m in subj if _gap(text, m, subj[-1]) <= 2]))
            rule = "bilateral:implied"
        else:
            rule = "bilateral:named"
            first = next((m for m in sent.mentions if _participant(sent, m) and lo <= m["rs"] < ms), None)
            if first is not None:  # the clause's subject is the other party of a named frame
                participants.add(first["actor"])
        if speaker_actor:
            participants.add(speaker_actor)
        left_out = [p for p in parties if p not in participants]
        if len(participants) < 2 and len(left_out) > 1:
            return [], ""  # one side known, several parties it could be talking to: who is left out is undetermined
        return left_out, rule
    if cue.bind == "without":
        tail = text[me:hi]
        pm = re.match(r"\s+(?:(?:the|any|its|their|our)\s+)?(?P<w>us|our|we|me|my|them|their|its|him|his|her)\b", tail, re.I)
        if pm:
            w = pm.group("w").lower()
            if w in ("us", "our", "we", "me", "my") and speaker_actor:
                return [speaker_actor], "without:first-person"
            if w in ("them", "their"):
                subj = next((m for m in sent.mentions if m["rs"] < ms), None)
                if subj:
                    return [subj["actor"]], "without:their"
            if w == "its" and (owner := sent.antecedent(w, ms)):  # "would not recognise any deal made without
                return [owner["actor"]], "without:its"  # its participation": the nearest group before it
            return [], ""
        gerund = re.match(r"\s+(\w+ing)\b", tail)
        if gerund and gerund.group(1).lower() not in _TAKING_IN:
            return [], ""  # "without discarding Turkey": Turkey is not left out
        objs = [m for m in sent.after(me, 2, hi)]
        if objs:
            return [objs[0]["actor"]], "without:object"
        of = _WITHOUT_OF.match(tail)  # "without any mention of the PA", "without input from Kyiv"
        objs = sent.after(me + of.end(), 2, hi) if of else []
        return ([objs[0]["actor"]], "without:of") if objs else ([], "")
    if cue.bind == "omission":
        # a non-answer about "whether" frames an actor only about taking part ("did not say whether Zelensky would attend",
        # "whether the talks would include Ukrainian officials"), not about any plan ("did not say whether Witkoff
        # would meet with Putin", "whether he would prefer that Democrats face Trump")
        objs = sent.after(me, 14, len(text))
        objs = [m for m in objs if m["rs"] > me]
        if not objs or text[ms:me].lower().endswith("whether") and not _TAKING_PART.search(text, me, min(len(text), me + 120)):
            return [], ""
        return [objs[0]["actor"]], "omission"
    if cue.bind == "possessor":
        inside = [m for m in sent.mentions if ms <= m["rs"] < me and (re.match(r"[’']s?\b|s\b", text[m["re"]:m["re"] + 2])
                                                                      or _OF_BEFORE.search(text, ms, m["rs"])
                                                                      or text.startswith("with ", ms))]  # "with X involved"
        if inside:
            return [inside[0]["actor"]], "possessor"
        before = [m for m in sent.before(ms, lo) if _words_between(text, m["re"], ms) <= 1
                  and re.match(r"[’']s?\b|s\b", text[m["re"]:m["re"] + 2])]
        if before:
            return [before[-1]["actor"]], "possessor"
        if re.search(r"\bof$", text[ms:me], re.I) or re.match(r"[”\"’']?\s+of\s+", text[me:]):
            objs = sent.after(me, 5, hi)
            if objs:
                return [objs[0]["actor"]], "possessor:of"
            if re.match(r"\s+of\s+(?:the|a|an|its|their|new|other|more|all|\w+ly)\s", text[me:]):
                return [], ""  # "the participation of the …", "the involvement of new participants": whoever it
                # names is no actor, not the clause's subject
        agent = _BY_AFTER.match(text[me:]) if re.search(r"ed$", text[ms:me], re.I) else None
        objs = sent.after(me + agent.end(), 3, hi) if agent else []
        if objs:  # "the meeting will be attended by Zelensky": the agent of the passive
            return [objs[0]["actor"]], "possessor:by"
        if other_owner and _THEIR_BEFORE.search(text, lo, ms):
            return [], ""  # "Turkey was against their attendance": someone named before this sentence
        if re.search(r"\bwe\s+(?:[^\s,;:]+\s+){0,4}$", text[lo:ms], re.I):  # "… the Europeans is that we are ready to
            return ([speaker_actor], "possessor:first-person") if speaker_actor else ([], "")  # participate"
        # (a possessive after a preposition owns something else, never the cue: "support for Ukraine's territorial
        # integrity by suspending their own participation", "… and saying they would not attend")
        subj = _outside_aside(sent, [m for m in sent.before(ms, lo) if not (
            _PREPOSITION_BEFORE.search(text, 0, m["rs"]) and re.match(r"[’']s?\b", text[m["re"]:m["re"] + 2])
            and _words_between(text, m["re"], ms) > 2)], ms)
        if subj:
            return [subj[-1]["actor"]], "subject"
        colon = cue.frame == "exclusion" and re.match(r"\s*:\s*", text[me:])  # "those conspicuously absent: X"
        listed = sent.after(me + colon.end(), 2, len(text)) if colon else []
        if listed:
            return [listed[0]["actor"]], "possessor:listed"
        return _subject_pronoun(sent, lo, ms) or ([], "")
    # mentions inside the cue ("left Kyiv out of"), but not a venue or topic ("not at the Qatar peace talks")
    inside = [m for m in sent.mentions if ms < m["rs"] and m["re"] <= me and _participant(sent, m)
              and not _VENUE_AFTER.match(text, m["re"])]  # "left Kyiv out of", "rejected the Afghan team"
    if cue.bind == "object":
        if inside:
            return [inside[0]["actor"]], "object:inside"
        if re.search(r"(?:ed|en|wn|ut|ght|pt)$", text[ms:me], re.I) and (
                _PASSIVE.search(text[lo:ms]) or _BY_AFTER.match(text[me:]) or _FROM_AFTER.match(text[me:])
                or _NO_HEAD.match(text, sent.clause_bounds(ms)[0], ms)
                # "if Kurds excluded:", "Europeans Sidelined in US-Iran Talks": the name right before the participle
                or (_ENDS_CLAUSE.match(text, me) or _IN_AFTER.match(text, me))
                and any(not text[m["re"]:ms].strip() for m in sent.before(ms, lo))):
            # "Kyiv was sidelined", "Europe felt blindsided", "Kurdish party excluded from the talks", "if Kurds excluded:"
            subj = _outside_aside(sent, sent.before(ms, lo), ms)
            if not subj and speaker_actor and re.search(r"\b(?:we|I)\b", text[lo:ms], re.I):
                return [speaker_actor], "subject:passive:first-person"  # “We will not be sidelined,” Kallas said
            return _the_subject(sent, subj, ms, "subject:passive") if subj else ([], "")
        pron = _PRONOUN_OBJECT.match(text, me) or _PRONOUN_OWNER.match(text, me)
        objs = [m for m in sent.after(me, cue.window, hi) if _participant(sent, m, me)]
        if pron and pron.group("w").lower() in ("us", "me"):
            return ([speaker_actor], "object:first-person") if speaker_actor else ([], "")
        if pron and (not objs or objs[0]["rs"] > pron.start("w")):
            # "refused to meet them": not the refusing clause's own subject
            ante = sent.antecedent(pron.group("w"), lo if pron.group("w").lower() in ("them", "him", "her") else ms)
            return ([ante["actor"]], "object:pronoun") if ante else ([], "")
        if objs:
            return sorted({m["actor"] for m in objs[:1]}), "object"
        return [], ""
    if cue.bind == "participants":  # "European leaders will join Zelensky": both sides take part
        subj = [m for m in sent.before(ms, lo) if _participant(sent, m) and _words_between(text, m["re"], ms) <= 5][-1:]
        objs = [m for m in sent.after(me, cue.window, hi) if _participant(sent, m)
                and not _NO_BEFORE.search(text, max(me, m["rs"] - 30), m["rs"])  # "with no Ukrainian officials"
                and not _VENUE_AFTER.match(text, m["re"])][:1]  # "join the EU summit": the venue takes no part
        if object_only:
            if objs:
                return [objs[0]["actor"]], "participants:object"
            # "the US won't join the Normandy process", "the US is ready to join the negotiations": with no one
            # after the cue, the one not joining (or asking to) is its subject
            own = subj and _OWN_VERB_BETWEEN.match(text, subj[0]["re"], ms)  # not "… refused to allow them join"
            return ([subj[0]["actor"]], "participants:subject") if subject_too and own else ([], "")
        return (sorted({m["actor"] for m in subj + objs}), "participants") if subj or objs else ([], "")
    if cue.bind == "parties" and _SEPARATE.search(text, lo, hi):
        return [], ""  # "Serraj and Haftar meet international leaders in separate meetings": not with each other
    if cue.bind == "parties":  # direct talks between the conflict's parties ("talks between Kabul and the Taliban")
        # both from one coordinated group: the subject ("Kabul and the Taliban launched talks") or the object
        # ("talks between Kabul and the Taliban"), not one party on each side of the cue
        # (not "the war between Russia and Ukraine at the summit", "talks surrounding the war between …": those
        # are the war's sides)
        def war_side(m, start):
            return _CONFLICT_BETWEEN.search(text, max(start, m["rs"] - 60), m["rs"])
        before = [m for m in sent.before(ms, lo) if _words_between(text, m["re"], ms) <= 4 and _participant(sent, m)
                  and not war_side(m, lo)][-1:]
        after = [m for m in sent.after(me, cue.window, hi) if _participant(sent, m) and not war_side(m, me)][:1]
        # "talks on a final agreement between the Taliban and the Afghan government", "… would take place between"
        between = _BETWEEN.match(text, me, hi)
        named = [m for m in sent.after(between.end(), 2, hi)][:1] \
            if between and not _CONFLICT_BETWEEN.search(text, me, between.end()) else []
        for group in (before, after, named):
            both = sorted(set(_coordinated(sent, group)) & set(parties)) if group else []
            if len(both) >= 2:
                return both, "parties"
        return [], ""
    if cue.bind == "subject":
        if inside:
            return [inside[0]["actor"]], "subject:inside"
        if other_owner and (with_ := re.match(r"\s+with\b", text[me:])):
            # "rule out engaging in a direct dialogue with the separatists": who it is with, not the one refusing
            objs = sent.after(me + with_.end(), 3, hi)
            return ([objs[0]["actor"]], "subject:with") if objs else ([], "")
        pin = _PRONOUN_IN_CUE.search(text, ms, me)
        if pin:  # "… ultimately kept them out of the talks": whom the pronoun stands for, not the clause's first actor
            first = next((m for m in sent.mentions if m["rs"] >= lo), None)
            ante = sent.antecedent(pin.group("w"), pin.start("w"), skip=first)
            return ([ante["actor"]], "subject:pronoun-object") if ante else ([], "")
        subj = _outside_aside(sent, sent.before(ms, lo), ms)
        if subj:
            # "Ghani, whose government the Taliban have kept out of the process": the subject of an object
            # relative clause is the one who acts; the framed one is whom the relative pronoun stands for
            rel = _OBJECT_RELATIVE.search(text, 0, subj[-1]["rs"])
            owner = [m for m in sent.mentions if m["re"] <= rel.start()] if rel else []
            if owner:
                return [owner[-1]["actor"]], "subject:relative"
            return _the_subject(sent, subj, ms, "subject")
        pron = _subject_pronoun(sent, lo, ms) or _fronted(sent, ms, me)
        if pron is not None:
            return pron
        if _WHO_BEFORE.search(text, lo, ms):
            return [], ""  # "all countries and colleagues who are interested in taking part": not the speaker's side
        if speaker_actor and (re.search(r"\b(?:we|us|our)\b", text[lo:me], re.I) or _I_BEFORE.search(text, lo, ms)
                              or _US_AFTER.match(text, me, hi)):  # "The last people to find out are us."
            return [speaker_actor], "subject:first-person"
        if speaker_actor and _OWN_BODY.match(text, lo, ms):
            return [speaker_actor], "subject:own-body"
        return [], ""
    return [], ""


def find_frames(doc: Doc, quote_rows: list[dict], actors: Actors, lexicon: Lexicon) -> list[dict]:
    """Exclusion and inclusion frames bound to the actors they frame.

    Args:
        doc: the article, built by ``document.build_doc``.
        quote_rows: its quotations (``extract_quotes``): a cue inside one is in the speaker's voice.
        actors: the actors file (its ``parties`` are who a two-sided frame leaves out).
        lexicon: the cues, from ``load_lexicon``.

    Returns:
        one dict per (cue match, framed actor), in sentence order, with the fields of the ``framing``
        table after ``article_id, outlet`` (``schema.FRAMING.fields``): sentence_id, section, actor, frame,
        kind, cue, rule, start, end, text, voice, speaker, speaker_actor, in_headline, negated, sentence.

    Example:
        >>> from analysis.actors import parse_actors
        >>> from analysis.document import build_doc
        >>> actors = parse_actors({"actors": {"Ukraine": {"aliases": ["Ukraine", "Kyiv"]}}})
        >>> doc = build_doc({"article_id": "a", "outlet": "o", "raw": "The deal sidelines Kyiv."}, actors)
        >>> [(r["actor"], r["frame"], r["cue"]) for r in find_frames(doc, [], actors, load_lexicon(DEFAULT_LEXICON))]
        [('Ukraine', 'exclusion', 'sideline')]
    """
    by_sentence: dict[int, list[dict]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m["sentence_id"], []).append(m)
    quotes = {sec: SpanLookup([q for q in quote_rows if q["section"] == sec
                               and q["kind"] in ("direct", "partial", "indirect")],
                              start=lambda q: q["start"], end=lambda q: q["end"])
              for sec in ("headline", "body")}
    gender = {name: p.gender for name, p in actors.people.items()}
    rows, weak = [], set()
    # every binding needs an actor mention in the sentence or a quotation's speaker ("without us"):
    # other sentences can frame no one
    voiced = {sec: SpanLookup([q for q in lookup.items if q["speaker_actor"]], start=lambda q: q["start"],
                              end=lambda q: q["end"]) for sec, lookup in quotes.items()}
    candidates = [s for s in doc.sentences if s.sentence_id in by_sentence
                  or voiced[s.section].items and voiced[s.section].overlapping(s.start, s.end)]
    for s in candidates:
        possible = possible_cues(s.text, lexicon)
        if not possible:
            continue
        sent = _Sentence(doc, s, by_sentence.get(s.sentence_id, []), quotes, gender)
        first = len(rows)
        taken: list[tuple[int, int]] = []
        included: list[tuple[int, int]] = []
        without_cues: list[tuple[int, int]] = []  # inclusion cues after "without", bound or not
        for cue in possible:
            detail(cue.label)
            if cue.context is not None and not cue.context.search(s.text):
                continue
            for m in cue.regex.finditer(s.text):
                ms, me = m.start(), m.end()
                if cue.frame == "inclusion" and any(a < me and ms < b for a, b in taken):
                    continue  # inside an exclusion cue ("minimize Ukraine's role in these discussions")
                if cue.at_issue and any(a < me and ms < b for a, b in included):
                    continue  # an everyday word inside a stronger inclusion cue ("sent a delegation to the talks")
                if cue.at_issue and (_ANY_BEFORE.search(s.text, 0, ms) or _WISH_BEFORE.search(s.text, max(0, ms - 40), ms)
                                     or sent.verb_before_with(ms, me)):
                    continue
                lo = sent.clause_bounds(ms)[0] if cue.frame == "inclusion" else 0
                if cue.frame == "inclusion" and (_QUESTION_BEFORE.search(_ASIDE.sub(",", s.text[lo:ms]))
                                                 and not _CONDITION_BEFORE.search(s.text, lo, ms)
                                                 or _HYPOTHETICAL_BEFORE.search(s.text, lo, ms)
                                                 and not _DEMAND.search(s.text, lo, ms)
                                                 or _FROM_BEFORE.search(s.text, lo, ms)
                                                 or _UNLIKELY_BEFORE.search(s.text, lo, ms)
                                                 and not _NO_AGREEMENT_BEFORE.search(s.text, lo, ms)):
                    continue
                if cue.at_issue and cue.frame == "inclusion" and _SEPARATE.search(s.text, max(lo, ms - 25), me + 30):
                    continue  # "arrived in Ankara for a separate meeting", "separate meetings with Moscow and Kyiv",
                    # "a recent (and separate) tense meeting with Zelenskyy"
                if cue.at_issue and cue.frame == "inclusion" and (_BRIEFING_AFTER.match(s.text, me)
                                                                  or _BRIEFED_ABOUT_BEFORE.search(s.text, lo, ms)):
                    continue
                frame, kind, turned = cue.frame, cue.kind, ""
                negated = bool(_NEGATION.search(s.text[max(0, ms - 40):ms])) or (
                    cue.frame == "inclusion" and not cue.at_issue and _no_subject(sent, lo, ms))
                if frame == "inclusion":
                    if negated:
                        frame, kind, turned = "exclusion", "explicit", "negated:"
                    elif without := _WITHOUT_BEFORE.search(s.text, lo, ms) or (
                            _BEING.match(s.text, ms) and _WITHOUT_FAR.search(s.text, lo, ms)):
                        if any(without.start() < a and b <= ms for a, b in without_cues + included):
                            continue  # "without his involvement alongside Putin": the "without" is the earlier cue's
                        without_cues.append((ms, me))
                        lack = without.re is _WITHOUT_BEFORE and without.group("lack")
                        frame, kind, turned = "exclusion", "explicit", "lack:" if lack else "without:"
                    elif _REFUSAL_BEFORE.search(s.text[lo:ms]) or _REFUSAL_AFTER.match(s.text[me:]):
                        frame, kind, turned = "exclusion", "explicit", "refused:"
                    elif _NO_AGREEMENT_BEFORE.search(s.text, lo, ms):
                        frame, kind, turned = "exclusion", "explicit", "no-consensus:"
                    elif not cue.at_issue and (_DEMAND.search(s.text[lo:ms]) or _DEMAND_AFTER.match(s.text[me:])
                                               or _BACKED_BEFORE.search(s.text, lo, ms)):
                        # not an everyday meeting: "insisted in their talks with the Taliban" demands nothing of them
                        frame, kind, turned = "exclusion", "demand", "demand:"
                    elif (cond := _CONDITION_BEFORE.search(s.text, lo, ms)) and (
                            not cue.at_issue or _ALSO_BEFORE.search(s.text, cond.start(), ms)):
                        # an everyday meeting as a condition only when it adds someone ("only if Putin also meets with
                        # Zelenskyy"; not "progress is only possible if he meets with Putin")
                        frame, kind, turned = "exclusion", "demand", "condition:"
                    if cue.bind == "parties" and turned in ("refused:", "demand:", "condition:"):
                        continue  # talks between the conflict's parties called for or rejected leave neither out
                        # ("pushing for direct talks between Ukrainian and Russian officials", "the rebel leader
                        # rejected the talks between Congolese and Rwandan officials")
                bound, rule = _bind(cue, sent, ms, me, actors.parties, turned)
                if not bound:
                    continue
                rule = turned + rule
                if frame == "exclusion":  # an exclusion cue, or an inclusion cue turned: its span is taken
                    taken.append((ms, me))
                elif not cue.at_issue:
                    included.append((ms, me))
                for actor in bound:
                    rows.append(_row(sent, actor, frame, cue.cue, rule, kind, m, negated))
                    if cue.at_issue and frame == "inclusion":
                        weak.add(id(rows[-1]))  # by identity: the row lists are filtered before it is read
        rows[first:] = _same_clause(sent, rows[first:]) + _but_not(sent, rows[first:])
    rows = _at_issue(_overlapping(rows), weak, set(actors.at_issue), set(actors.parties))
    rows.sort(key=lambda r: (r["sentence_id"], r["start"], r["actor"], r["cue"]))
    return rows


def _row(sent: _Sentence, actor: str, frame: str, cue: str, rule: str, kind: str, m: re.Match, negated: bool) -> dict:
    """A framing table row: the frame of ``actor`` by the cue matched at ``m`` in the sentence."""
    s = sent.s
    q = sent.quote_at(m.start())
    return {"sentence_id": s.sentence_id, "section": s.section, "actor": actor, "frame": frame, "cue": cue,
            "rule": rule, "start": s.start + m.start(), "end": s.start + m.end(), "kind": kind, "text": m.group(),
            "voice": "quoted" if q else "journalist", "speaker": q["speaker"] if q else "",
            "speaker_actor": q["speaker_actor"] if q else "", "in_headline": int(s.section == "headline"),
            "negated": int(negated), "sentence": s.text}


def _same_clause(sent: _Sentence, rows: list[dict]) -> list[dict]:
    """A sentence's rows without the inclusion frames of an actor that an exclusion frame before it, with no
    punctuation and no conjunction between, leaves out ("the absence of an invitation for Greece to attend"; not
    "a bilateral track, and a track connected with Ukraine's involvement", nor "Japan has been sidelined in the
    talks and reestablish his country as an important partner")."""
    excluded = [(r["actor"], r["end"] - sent.s.start) for r in rows if r["frame"] == "exclusion"]
    if not excluded:
        return rows
    def left_out(r: dict) -> bool:
        rs = r["start"] - sent.s.start
        return any(a == r["actor"] and at <= rs and not _CLAUSE_GAP.search(sent.text, at, rs) for a, at in excluded)
    return [r for r in rows if r["frame"] == "exclusion" or not left_out(r)]


def _but_not(sent: _Sentence, rows: list[dict]) -> list[dict]:
    """Exclusion frames of the actors after "but not" that follows an inclusion frame in the sentence ("the countries
    invited include the five permanent members, along with Italy and Turkey, but not Greece or Egypt"), and after
    "but not" / "but no" that follows those gathered, counted or named as a group, in the journalist's voice, when
    only a name or two follow ("officials from some 40 countries – but not Russia –"; not "… but not Russia's role")."""
    ends = [r["end"] - sent.s.start for r in rows if r["frame"] == "inclusion"]
    out = []
    for b in _BUT_NOT.finditer(sent.text):
        after_inclusion = b.group("w").lower() == "not" and any(e <= b.start() for e in ends)
        if not after_inclusion and not (sent.quote_at(b.start()) is None and _GATHERED.search(sent.text, 0, b.start())
                                        and _BARE_AFTER.match(sent.text, b.end())):
            continue
        objs = [m for m in sent.after(b.end(), 1, len(sent.text)) if _participant(sent, m, b.end())][:1]
        for actor in (_coordinated(sent, objs) if objs else []):
            out.append(_row(sent, actor, "exclusion", "but not", "but-not:object", "explicit", b, False))
    return out


# a name alone, or two joined by or / and, closing a phrase ("but not Russia –", "but no Russia or China")
_BARE_AFTER = re.compile(r"(?:the\s+)?(?-i:[A-Z])[\w.’'\-]*(?:\s+(?-i:[A-Z])[\w.’'\-]*)?"
                         r"(?:\s+(?:or|and|nor)\s+(?:the\s+)?(?-i:[A-Z])[\w.’'\-]*(?:\s+(?-i:[A-Z])[\w.’'\-]*)?)?"
                         r"\s*(?:[–—,.;:)]|$)")


def _overlapping(rows: list[dict]) -> list[dict]:
    """Drop an inclusion frame whose cue overlaps an exclusion frame of the same actor in the same sentence, or
    lies within ``ADJACENT`` characters of it: "wants a seat at the table" is a demand (exclusion) even where
    the shorter cue "at the table" alone reads as inclusion; so is "the absence of Ukraine at the table", and
    "hold talks that exclude Europe" does not include Europe."""
    spans = {(r["sentence_id"], r["actor"], r["start"], r["end"]) for r in rows if r["frame"] == "exclusion"}
    if not spans:
        return rows
    return [r for r in rows if r["frame"] == "exclusion" or not any(
        sid == r["sentence_id"] and a == r["actor"] and s - ADJACENT < r["end"] and r["start"] < e + ADJACENT
        for sid, a, s, e in spans)]


def _at_issue(rows: list[dict], weak: set[int], declared: set[str], parties: set[str] = frozenset()) -> list[dict]:
    """Drop the inclusion frames of ``at_issue`` cues ("met with Zelensky") for actors whose participation the
    article does not put at issue: no exclusion frame and no inclusion frame of another cue bound to them alone.
    Routine meetings of the main delegations are not inclusion; a meeting with the actor kept out is. When the
    actors file names the actors at issue (``declared``, its ``at_issue`` list), only they get inclusion frames
    ("Russia will take part" in a story about Ukraine's place at the table is the talks' routine), and only they
    get exclusion frames of kind demand: a call for an actor whose taking part is not at issue to be involved
    implies no absence ("the situation requires the involvement of the leaders of Russia and the United States"),
    unless the article itself says that actor is kept out (an explicit exclusion frame of it: "Russia was not
    invited" puts "a peace process must include Russia" at issue),
    and only they are left out by an implicit two-sided frame (a plan "drafted by Ukrainian and American
    negotiators" does not frame Russia as kept out)."""
    if declared:  # nor does a one-sided format (implicit: "one-on-one", "drafted by A and B") leave out the others
        # a demand that an actor the article itself says is kept out ("Russia was not invited") take part is one
        # ("a peace process must include Russia"); its inclusion frames stay out (its routine meetings)
        kept_out = {r["actor"] for r in rows if r["frame"] == "exclusion" and r["kind"] == "explicit"
                    and not r["rule"].startswith(("refused:", "bilateral"))}
        rows = [r for r in rows if r["actor"] in declared or r["frame"] == "exclusion"
                and (r["kind"] != "demand" or r["actor"] in kept_out)
                and not (r["kind"] == "implicit" and r["rule"].startswith("bilateral"))]
    if not weak:
        return rows
    issue = (declared - parties) | {r["actor"] for r in rows
                        if id(r) not in weak and (r["frame"] == "exclusion" or not r["rule"].endswith("parties"))}
    return [dict(r, rule=r["rule"] + "+at-issue") if id(r) in weak else r
            for r in rows if id(r) not in weak or r["actor"] in issue]


# ------------------------------------------------------------------ the measure
def _framing_items(t: dict, method: str) -> list[dict]:
    """Every (sentence, actor it names), coded exclusion, inclusion or none by the toolkit."""
    frames: dict[tuple, set] = {}
    for r in t["framing"].itertuples():
        frames.setdefault((r.article_id, int(r.sentence_id), r.actor), set()).add(r.frame)
    text_of = sentence_texts(t)
    rows = []
    for r in t["mentions"][["article_id", "sentence_id", "actor"]].drop_duplicates().itertuples():
        key = (r.article_id, int(r.sentence_id), r.actor)
        fr = frames.get(key, set())
        code = "exclusion" if "exclusion" in fr else "inclusion" if "inclusion" in fr else "none"
        rows.append({"article_id": r.article_id, "sentence_id": int(r.sentence_id), "actor": r.actor,
                     "text": text_of[key[:2]], "toolkit_code": code})
    return rows


class Framing(Measure):
    """Sidelining (exclusion) and inclusion language bound to actors (``find_frames`` with the run's
    lexicon); summary: frames per outlet and actor, per 1,000 words, and the sidelining index with its
    bootstrap interval.

    Example:
        >>> from analysis.measures import REGISTRY
        >>> REGISTRY["framing"].copies
        ('sentence', 'quote')
    """
    name = "framing"
    needs = ("quotes",)
    copies = ("sentence", "quote")
    reads = {"articles": ["article_id", "outlet", "n_words"],
             "framing": ["article_id", "outlet", "sentence_id", "actor", "frame", "kind", "voice", "in_headline"]}
    summaries = ("summary_framing",)
    checks = (
        Check("framing", "F", ("exclusion", "inclusion", "none"), "nominal", ("exclusion", "inclusion", "any frame"),
              "Does this sentence frame {actor} as excluded from, or included in, the talks or decisions the article "
              "reports? exclusion / inclusion / none",
              "* **framing**: `exclusion` if the sentence presents the actor as left out of, sidelined in or\n"
              "  bypassed by the talks, negotiations or decisions the article reports (including \"talks without\n"
              "  X\", a format that leaves X out, X not consulted or informed, a demand that X take part, or\n"
              "  avoiding to say whether X takes part); `inclusion` if it presents the actor as taking part or\n"
              "  having a role, where the actor's participation is at issue in the article (a routine meeting of\n"
              "  the main delegations is `none`); `none` otherwise.", _framing_items),
    )

    def configure(self, options: Options) -> tuple[Actors, Lexicon]:
        return options.actors, load_lexicon(options.lexicon)

    def inputs(self, options: Options) -> dict:
        return {"lexicon": Path(options.lexicon).read_text(encoding="utf-8")}

    def score(self, doc, upstream, setup) -> list[dict]:
        actors, lexicon = setup
        return find_frames(doc, upstream["quotes"], actors, lexicon)

    def summarize(self, load, options):
        from ..compare import framing_by_outlet
        return {"summary_framing": framing_by_outlet(load("framing"), load("articles"))}
