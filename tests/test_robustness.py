"""Property-based robustness of the text stages (hypothesis, derandomized so CI is repeatable):
any Unicode, control characters, lone surrogates in file bytes, unbalanced quotation marks,
very long lines, right-to-left text and empty strings give no exception and valid offsets."""
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import text as T
from analysis.measures import framing
from analysis.clean import clean_article
from analysis.corpus import BadInput, decode_text
from analysis.run import make_settings, process_article
from conftest import ACTORS

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# pieces that stress the stages: quotation marks of every kind, RTL marks and letters, control
# characters, paragraph breaks, actor names, speech cues, sentence ends and abbreviations
PIECES = ["“", "”", '"', "‘", "’", "'", "«", "»", "„", "\u202e", "\u200f", "שלום ", "مرحبا ", "\x00", "\x07", "\x1b",
          "\r\n", "\n\n", "\n", "\t", " ", ".", "?", "!", "...", "U.S.", "Mr. ", "Dr. ", "Russia", "Ukraine", "Kyiv ",
          "Zelensky", "Peskov said", " said ", "told reporters", "according to ", "without us", "sidelining ",
          "Kremlin", "NATO", "he ", "they ", ":", ",", "—", "(", ")", "\ufeff", "\u00a0", "İ", "ſ", "ﬁ", "😀", "Å",
          "SIDELINED ", "participaTing ", "exclusively with ", "bilateral ", "not at the table", "role in the talks ",
          "take part ", "Sidelin", "partİcipate "]
texty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(st.characters(codec=None), max_size=12)),
                 max_size=80).map("".join)
long_line = st.builds(lambda w, n: (w + " ") * n, st.sampled_from(["word", "“quote", "Russia", "a.b"]),
                      st.integers(500, 3000))


@pytest.fixture(scope="module")
def pipeline_settings():
    return make_settings(ACTORS, ("textblob", "vader", "trained"))


@SETTINGS
@given(st.one_of(st.binary(max_size=400), texty.map(lambda s: s.encode("utf-8", "surrogatepass")),
                 st.text(st.characters(categories=["Cs", "Cc", "Lo", "Zs"]), max_size=60).map(
                     lambda s: s.encode("utf-8", "surrogatepass"))))
def test_any_file_bytes_decode_or_are_rejected_with_a_reason(data):
    try:
        text, warnings = decode_text(data)
    except BadInput as err:
        assert str(err)
        return
    assert isinstance(text, str) and not re.search("[\ud800-\udfff\x00]", text)


def _check_spans(spans, n):
    prev = 0
    for s, e in spans:
        assert 0 <= s <= e <= n
        assert s >= prev
        prev = e


@SETTINGS
@given(st.one_of(texty, long_line, st.just("")))
def test_segmentation_gives_valid_offsets(body):
    paras = T.paragraphs(body)
    _check_spans(paras, len(body))
    sents = T.sentences(body, paras)
    _check_spans([(s, e) for _, s, e in sents], len(body))
    for p_idx, s, e in sents:
        ps, pe = paras[p_idx]
        assert ps <= s <= e <= pe
    for q in T.quote_spans(body, paras):
        assert 0 <= q.start <= q.end <= len(body)
    for s, e in T.tokens(body):
        assert 0 <= s < e <= len(body)


@SETTINGS
@given(st.one_of(texty, long_line, st.just("")), st.one_of(st.just(""), texty))
def test_whole_article_never_raises_and_offsets_point_at_the_text(pipeline_settings, raw, title):
    try:
        raw, _ = decode_text(raw.encode("utf-8", "surrogatepass"))
    except BadInput:
        return
    cleaned = clean_article(raw, title)
    assert isinstance(cleaned["body"], str)
    rec = {"article_id": "x", "outlet": "o", "date": "", "title": title, "author": "", "raw": raw,
           "source_path": "x.txt", "warnings": ""}
    rows = process_article(rec, pipeline_settings)
    body, headline = rows["articles"][0]["body"], rows["articles"][0]["headline"]

    def section_text(sec):
        return headline if sec == "headline" else body

    for s in rows["sentences"]:
        assert section_text(s["section"])[s["start"]:s["end"]] == s["text"]
    for m in rows["mentions"]:
        assert section_text(m["section"])[m["start"]:m["end"]] == m["text"]
    for q in rows["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(section_text(q["section"]))
    for f in rows["framing"]:
        assert section_text(f["section"])[f["start"]:f["end"]] == f["text"]
    for r in rows["sentiment"]:
        assert r["polarity"] is None or -1 <= r["polarity"] <= 1


@SETTINGS
@given(texty)
def test_framing_prefilter_never_hides_a_match(sentence):
    """The literal pre-filter of each cue is exact: a sentence it skips has no match."""
    lex = framing.load_lexicon(framing.DEFAULT_LEXICON)
    possible = framing.possible_cues(sentence, lex)
    for cue in lex.cues:
        if cue not in possible:
            assert cue.regex.search(sentence) is None, cue.cue


# the words of the default lexicon's literals, in any case, between white space of every kind: sentences
# made of them reach the multi-word literals ("not at the table", "sit in on") and their near misses
_LEX = framing.load_lexicon(framing.DEFAULT_LEXICON)
_LEX_WORDS = sorted({w for n in _LEX.literals for w in n.split()} | {"Russia", "Kyiv", "the", "a", "not", "n't"})
lexicon_words = st.lists(st.tuples(st.sampled_from(_LEX_WORDS), st.sampled_from(["lower", "upper", "title"]),
                                   st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", " \r\n ", "", ", "])),
                         min_size=1, max_size=12).map(
    lambda ws: "".join(getattr(w, case)() + gap for w, case, gap in ws))


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(lexicon_words)
def test_framing_prefilter_never_hides_a_match_of_lexicon_words(sentence):
    possible = framing.possible_cues(sentence, _LEX)
    for cue in _LEX.cues:
        if cue not in possible:
            assert cue.regex.search(sentence) is None, cue.cue


@SETTINGS
@given(texty, st.integers(0, 6), st.integers(0, 40), st.integers(0, 80))
def test_has_words_is_a_word_count_over_the_slice(text, n, pos, endpos):
    assert T.has_words(text, n, pos, endpos) == (T.count_words(text[pos:endpos]) >= n)
    assert T.has_words(text, n, pos) == (T.count_words(text[pos:]) >= n)


@SETTINGS
@given(st.one_of(texty, long_line, st.just("")))
def test_word_count_fast_path_equals_the_token_definition(text):
    slow = sum(1 for m in T.TOKEN_RE.finditer(text) if m.group()[0].isalnum() or m.group()[0] == "_")
    assert T.count_words(text) == slow


@SETTINGS
@given(st.text(st.characters(codec=None), max_size=200))
def test_printable_shortcut_is_exact(text):
    assert "".join(text.split()).isprintable() == all(ch.isprintable() or ch.isspace() for ch in text)


SPEECH = ["said", "says", "told reporters", "added", "that", "reportedly", "also", "quickly", "not", "n't", "has",
          "Mr.", "the", "White House", "officials", "spokesman", "co-said", "resaid", "Sen.", "McCain", "xsaid",
          "publicly", "would", "never", "(", ")", ",", ";", "“", "”", "-", "'s", "U.S."]
speechy = st.lists(st.one_of(st.sampled_from(SPEECH), st.text(st.sampled_from("abcXYZ .,'-"), max_size=6)),
                   max_size=40).map(" ".join)


@SETTINGS
@given(speechy)
# the phrase before the cue at its longest (eight words), with and without adverbs before the cue
@example("one two three four five six seven eight nine ten said that the talks failed")
@example("A, one two three four five six seven eight nine reportedly also said that they left")
def test_reported_speech_search_shortcut_is_exact(text):
    from analysis.measures.quotes import rules as A
    fast, slow = A._indirect_search(text), A._INDIRECT.search(text)
    assert (fast is None) == (slow is None)
    if slow is not None:
        assert fast.span() == slow.span() and fast.groupdict() == slow.groupdict()


@SETTINGS
@given(speechy, st.integers(0, 120))
def test_reported_speech_search_from_a_position_is_exact(text, pos):
    """The later clauses of a sentence: the search from ``pos`` on finds what the full pattern finds there."""
    from analysis.measures.quotes import rules as A
    pos = min(pos, len(text))
    fast, slow = A._indirect_search(text, None, pos), A._INDIRECT.search(text, pos)
    assert (fast is None) == (slow is None)
    if slow is not None:
        assert fast.span() == slow.span() and fast.groupdict() == slow.groupdict()


@SETTINGS
@given(st.text(st.sampled_from("ab_1 \t\n,.’'“é\u00a0\u2003-—ß٣"), max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_previous_token_shortcut_is_exact(text, lo, hi):
    """The word before a speaker phrase (a feature of the speaker model): the walk back over the window
    gives what the pattern ``_PREV_TOKEN`` finds in it."""
    from analysis.measures.quotes import candidates as C
    lo, hi = min(lo, hi, len(text)), min(max(lo, hi), len(text))
    m = C._PREV_TOKEN.search(text, lo, hi)
    assert C._prev_token(text, lo, hi) == (m.group(1) if m else None)
