import pytest

from conftest import SEED

# every direct quotation of the seeds: (seed, opening words, speaker, actor group), checked by hand
DIRECT = [
    ("000", "The success of the Russian army", "Yuri Ushakov", "Russia"),
    ("000", "This is one of the key issues", "Yuri Ushakov", "Russia"),
    ("000", "Putin has repeatedly said", "Yuri Ushakov", "Russia"),
    ("001", "We, of course, understand", "Dmitry Peskov", "Russia"),
    ("001", "One way or another", "Dmitry Peskov", "Russia"),
    ("001", "Of course, there will be a bilateral", "Dmitry Peskov", "Russia"),
    ("001", "It’s an interesting question", "Donald Trump", "United States"),
    ("001", "I think they have to make peace.", "Donald Trump", "United States"),
    ("001", "As an independent country", "Volodymyr Zelensky", "Ukraine"),
    ("001", "And I articulate this", "Volodymyr Zelensky", "Ukraine"),
    ("001", "So far no decisions", "Dmitry Peskov", "Russia"),
    ("001", "Of course, it will take time", "Dmitry Peskov", "Russia"),
    ("002", "We, of course, understand", "Dmitry Peskov", "Russia"),
    ("002", "One way or another", "Dmitry Peskov", "Russia"),
    ("002", "It’s an interesting question", "Donald Trump", "United States"),
    ("002", "I think they have to make peace. That was", "Donald Trump", "United States"),
    ("002", "Ukraine’s independence and territorial", "Kaja Kallas", "Europe"),
    ("002", "I also warned world leaders", "Volodymyr Zelensky", "Ukraine"),
    ("003", "The progress and tone", "Yuri Ushakov", "Russia"),
    ("003", "Our military operations", "Yuri Ushakov", "Russia"),
    ("003", "We remain willing", "Dmitry Peskov", "Russia"),
]
PARTIAL = [
    ("000", "substantive", "Yuri Ushakov"), ("000", "positive in tone.", "Yuri Ushakov"),
    ("000", "more adequate and realistic view", "Yuri Ushakov"),
    ("001", "our main counterpart", "Russia"), ("001", "main counterpart", "Russia"),
    ("001", "lengthy and highly productive", "Donald Trump"), ("001", "work together, very closely", "Donald Trump"),
    ("001", "equal member", "Donald Trump"), ("001", "not pleasant", "Volodymyr Zelensky"),
    ("002", "illusory goal.", "Pete Hegseth"), ("002", "meaningful", "Volodymyr Zelensky"),
]


def _quotes(tables, seed):
    q = tables["quotes"]
    return q[q["article_id"] == SEED[seed]]


def test_every_direct_quotation_found_and_attributed(tables):
    q = tables["quotes"]
    direct = q[q["kind"] == "direct"]
    got = sorted((a[:3], t, s, g) for a, t, s, g in direct[["article_id", "text", "speaker", "speaker_actor"]].values)
    assert len(got) == len(DIRECT)
    for seed, start, speaker, actor in DIRECT:
        match = [g for g in got if g[0] == seed and g[1].startswith(start)]
        assert match and match[0][2:] == (speaker, actor), (seed, start, match)


@pytest.mark.parametrize("seed,text,speaker", PARTIAL)
def test_partial_quotations(tables, seed, text, speaker):
    q = _quotes(tables, seed)
    row = q[q["text"].str.startswith(text)]
    assert len(row) == 1 and row.iloc[0]["speaker"] == speaker and row.iloc[0]["kind"] == "partial"


def test_counts_per_speaker(tables):
    q = _quotes(tables, "001")
    direct = q[q["kind"] == "direct"]
    assert (direct["speaker"] == "Dmitry Peskov").sum() == 5
    assert len(_quotes(tables, "004").query("kind != 'indirect'")) == 0


def test_rules_are_recorded(tables):
    q = _quotes(tables, "002").set_index("text")
    assert q.loc[q.index[q.index.str.startswith("We, of course")][0], "rule"] == "before:according"
    assert q.loc[q.index[q.index.str.startswith("One way")][0], "rule"] == "before:participle"
    q3 = _quotes(tables, "003")
    assert q3[q3["text"].str.startswith("Our military")]["rule"].item() == "following"


def test_indirect_speech(tables):
    q = tables["quotes"]
    ind = q[q["kind"] == "indirect"]
    pairs = {(a[:3], s, t[:25]) for a, s, t in ind[["article_id", "speaker", "text"]].values}
    assert ("003", "Volodymyr Zelensky", "any agreement must preven") in pairs
    assert ("000", "Yuri Ushakov", "every aspect of a future ") in pairs
    assert ("004", "Vladimir Putin", "Russia is prepared for co") in pairs


def test_unknown_speakers_keep_their_mention():
    from analysis.actors import no_actors
    from analysis.document import build_doc
    from analysis.measures.quotes import extract_quotes
    rec = {"article_id": "x", "outlet": "o", "raw": "Head\n\n“We will sue and we will win,” DNC Chairman Tom Perez "
           "said. Later, “it is a fraud,” Perez added.\n\n“The claims are baseless,” the suit said."}
    a = no_actors()
    q = extract_quotes(build_doc(rec, a), a)
    assert [(r["speaker"], r["speaker_mention"]) for r in q] == [
        ("Tom Perez", "DNC Chairman Tom Perez"), ("Tom Perez", "Perez"), ("the suit", "the suit")]


def test_quote_share_outlet_without_quotes(tables):
    from analysis.compare import quote_share
    s = quote_share(tables["quotes"], tables["articles"], by="actor")
    row = s[s["outlet"] == "Outlet 004"]
    assert row["quotes"].tolist() == [0] and row["note"].item() == "no quotations in this outlet"
    r1 = s[s["outlet"] == "Outlet 001"].set_index("speaker_actor")
    assert r1.loc["Russia", "quotes"] == 7 and r1.loc["Ukraine", "quotes"] == 3


# ------------------------------------------------------------------ attribution patterns met on PolNeAR dev
def _extract(body):
    """The quotes rows of an article whose body is ``body``, by the rules (no actors file, no model)."""
    from analysis.actors import no_actors
    from analysis.document import build_doc
    from analysis.measures.quotes import extract_quotes
    actors = no_actors()
    doc = build_doc({"article_id": "x", "raw": "Title\n\n" + body, "title": ""}, actors)
    return extract_quotes(doc, actors, model=None)


def _attribute(body):
    return [(q["speaker"], q["rule"]) for q in _extract(body) if q["kind"] != "indirect"]


@pytest.mark.parametrize("body, expected", [
    ('"Everybody knew what to expect," Mr. Barrett said.', [("Barrett", "after:name-cue")]),
    ("“How many times do we have to see this?” Clinton said.", [("Clinton", "after:name-cue")]),
    ("“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.", [("Gwen Moore", "after:name-cue")]),
    ("“You say you ‘accept responsibility,’” Merkley said.", [("Merkley", "after:name-cue")]),
    ("“The most unqualified child to ever run for president.” ― Francisco Herrero", [("Francisco Herrero", "after:dash")]),
    ("Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”", [("Ellis", "before:cue-name")]),
    ('Rucker Culpepper, who runs the effort for veterans, said, "Trump has been disrespecting our veterans for decades."',
     [("Rucker Culpepper", "before:name-cue")]),
    ("A cashier who “steals a handful of $20s” is held accountable, Warren said.", [("Warren", "sentence-end")]),
    ('The administration may wait, Schiff said. "The other factor may be the appearance of tipping the scales."',
     [("Schiff", "previous-sentence")]),
    ("In July, Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg” and moved on.",
     [("Gingrich", "sentence-subject")]),
    ("The New York Times reports:\n\n“Just 24 percent of the contributors have given $200 or less.”",
     [("New York Times", "colon-paragraph")]),  # a leading "The" is not part of the name: one speaker however written
    ('"WALLACE: But, Governor Pence, I have got to ask you about the debate tomorrow."', [("WALLACE", "transcript")]),
    ("Clinton says she appreciated the courage of what she calls a “war of some pretty unpleasant words.”",
     [("Clinton", "before:name-cue+subject")]),
    ('During a speech, Trump attacked Clinton for her support of action in Iraq and Libya, saying, "She is '
     'trigger-happy and very unstable."', [("Trump", "before:participle")]),
    ("Following a late meeting, the Security Council issued a statement calling the test “a clear violation.”",
     [("Security Council", "before:participle")]),
    # two apostrophes for a double mark, as some archives print them: a quotation like any other
    ("''We now live in a world where TV shows never die,'' said David Nevins, the chief executive.",
     [("David Nevins", "after:cue-name")]),
    ("''It was a little more plane than I needed,'' he wrote, ''but I find it hard to resist a good deal.''\n\n"
     "''Everybody knew what to expect,'' Mr. Barrett said.", [("", "after:name-cue"), ("", "before:name-cue"),
                                                              ("Barrett", "after:name-cue")]),
    # (a pronoun no earlier name resolves names nobody: no speaker, the pronoun stays in speaker_mention)
])
def test_attribution_patterns(body, expected):
    assert _attribute(body) == expected


def test_a_title_case_line_in_quotes_is_a_heading():
    from analysis.actors import no_actors
    from analysis.document import build_doc
    from analysis.measures.quotes import extract_quotes
    doc = build_doc({"article_id": "x", "raw": "Title\n\nHe spoke.\n\n'Legend in the Coal Fields.'\n\nMore text here.",
                     "title": ""}, no_actors())
    assert [q["kind"] for q in extract_quotes(doc, no_actors())] == ["title"]


@pytest.mark.parametrize("qtext,title", [
    # titles, programmes, slogans and headings: Title Case, one sentence, no final stop
    ("A Time for Truth,", True), ("The Trumps: Three Generations That Built an Empire,", True),
    ("Planet of the Apes,", True), ("MAKE MEXICO GREAT AGAIN ALSO", True), ("Equal Justice Under Law", True),
    # speech: a lower-case word that is no title's minor word, a full stop inside or at the end, a lower-case
    # start, fewer than two long words
    ("Nusra is Al Qaeda,", False), ("It’s not new in Virginia,", False), ("Like Oakland. Or Ferguson,", False),
    ("the Poorhouse of the Caribbean,", False), ("Make America Great Again.", False), ("But Pete Wilson won,", False),
    ("You're no Jack Kennedy", False), ("We Win", False),
])
def test_title_case_reads_titles_not_speech(qtext, title):
    from analysis.measures.quotes.spans import title_case
    assert title_case(qtext) is title


def test_a_quoted_title_in_a_sentence_is_no_direct_quotation():
    from analysis.actors import no_actors
    from analysis.document import build_doc
    from analysis.measures.quotes import extract_quotes
    doc = build_doc({"article_id": "x", "raw": "Title\n\nIn his autobiography, “A Time for Truth,” Cruz wrote about "
                     "his father. “We will win this race,” Cruz said.", "title": ""}, no_actors())
    assert [(q["text"], q["kind"]) for q in extract_quotes(doc, no_actors())] == [
        ("A Time for Truth,", "title"), ("We will win this race,", "direct")]


def test_two_apostrophes_are_a_quotation_mark():
    from analysis.text import quote_spans
    body = "He called it ''a disgrace to the nation,'' and left. ''Prison Break'' returns, and Trump's deal didn't."
    spans = [body[q.start:q.end] for q in quote_spans(body)]
    assert spans == ["a disgrace to the nation,", "Prison Break"]  # apostrophes in words are not marks


def test_polnear_relations_in_two_apostrophes_count_as_quotations():
    from analysis.evaluate_quotes import load_indirect_gold, load_quote_gold
    rel = {"source": {"text": "David Nevins"}, "cue": {"text": "said"}, "direct": False,
           "content": {"text": "''We now live in a world where TV shows never die,''"}}
    said = {"source": {"text": "Ryan"}, "cue": {"text": "said"}, "direct": False,
            "content": {"text": "he was not ready to support the campaign"}}
    raw = {"a": [rel, said]}
    assert load_quote_gold("x", raw)["a"][0]["stretches"] == ["We now live in a world where TV shows never die,"]
    assert [g["content"] for g in load_indirect_gold("x", raw)["a"]] == ["he was not ready to support the campaign"]


# ------------------------------------------------------------------ reported speech (kind = indirect)
def _reported(body):
    return [(q["speaker"], q["rule"], q["text"]) for q in _extract(body) if q["kind"] == "indirect"]


@pytest.mark.parametrize("body, expected", [
    ("Maria Lopez said that the negotiators would meet again in March.",
     [("Maria Lopez", "indirect:name-cue", "the negotiators would meet again in March")]),
    # when it was said, before or after the cue
    ("Party spokesman Sean Avery on Thursday evening said the party was not in a crisis at all.",
     [("Sean Avery", "indirect:name-cue", "the party was not in a crisis at all")]),
    ("Ana Ruiz said late Wednesday that she would go ahead with the meeting.",
     [("Ana Ruiz", "indirect:name-cue", "she would go ahead with the meeting")]),
    # an appositive or a relative clause between the speaker and the cue
    ("Hugo Brandt, a former director of the state party, said the base was angry about the deal.",
     [("Hugo Brandt", "indirect:appositive", "the base was angry about the deal")]),
    ("Still, Tom Devlin, who advises the governor, said that the campaign would not mislead voters.",
     [("Tom Devlin", "indirect:appositive", "the campaign would not mislead voters")]),
    ("A party spokesman, Chris Abel, said on Saturday that there were a million posts in ten hours.",
     [("Chris Abel", "indirect:appositive", "there were a million posts in ten hours")]),  # the name speaks
    ("The justice -- who has been in a public dispute with the nominee -- said she regretted her remarks.",
     [("The justice", "indirect:appositive", "she regretted her remarks")]),
    ("Kasich (who has 25 delegates to date) said it is possible for him to win the nomination.",
     [("Kasich", "indirect:appositive", "it is possible for him to win the nomination")]),
    ("Lena Park said during her victory speech that the movement will bring people together.",
     [("Lena Park", "indirect:name-cue", "the movement will bring people together")]),
    ("Mark Rubin asked the students whether they were always so serious about politics.",
     [("Mark Rubin", "indirect:name-cue", "they were always so serious about politics")]),
    # "said" takes no addressee: the name after it is the reported clause's subject
    ("Cox says Obama is trying to distract from his lack of a strategy.",
     [("Cox", "indirect:name-cue", "Obama is trying to distract from his lack of a strategy")]),
    # reporting verbs of manner take a "that" clause too ("joked that", "boasted that"), but only with "that"
    ("Renata Cole joked that Brooklyn was her answer.", [("Renata Cole", "indirect:name-cue", "Brooklyn was her answer")]),
    ("Renata Cole joked about Brooklyn.", []),
    # a trailing attribution with its day
    ("Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday.",
     [("Carly Fiorina", "indirect:trailing", "Donald Trump is on solid ground attacking Bill Clinton")]),
    # "X did … but says …": the sentence's subject speaks (it was read from an empty stretch before)
    ("Wealth-X keeps its own finances a secret but says its business has tripled over three years.",
     [("Wealth-X", "indirect:coordinated", "its business has tripled over three years")]),
    # a parenthetical cue: the sentence is what was said; a relative clause's cue is no reported speech
    ("Omar Said met the owners. Many of the closures, he said, have involved public courses.",
     [("", "indirect:name-cue", "Many of the closures, he said, have involved public courses")]),  # "he": no name
    ("The district saw 30 applicants, which he said were about evenly split between the two.", []),
    ("Renata Cole told reporters during the conference call on Tuesday.", []),
    # the speaker last: a pronoun, a name with an appositive, a named outlet as the addressee
    ("Ruth Kane said the union would appeal the ruling. The plant will close by the end of the year, she said.",
     [("Ruth Kane", "indirect:name-cue", "the union would appeal the ruling"),
      ("Ruth Kane", "indirect:trailing", "The plant will close by the end of the year")]),
    ("The governor has a strong ground game in the state, said Mindy Ross, director of a civic project.",
     [("Mindy Ross", "indirect:trailing", "The governor has a strong ground game in the state")]),
    ("The steel plant is under intense pressure from imports, said the company's chief executive, John Ferris.",
     [("John Ferris", "indirect:trailing", "The steel plant is under intense pressure from imports")]),
    ("The pilot was kind and responsible, an airport official told The New York Times.",
     [("an airport official", "indirect:trailing", "The pilot was kind and responsible")]),
    # unnamed sources speak when the phrase ends in a source noun; other lower-case phrases do not
    ("Two federal officials said the first interview was conducted by a consular officer.",
     [("Two federal officials", "indirect:name-cue", "the first interview was conducted by a consular officer")]),
    ("Two of the members who have already said they support the bill were absent on Monday.", []),
    # quotation marks elsewhere in the sentence: read only outside the quotation and its attribution
    ("Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could win in several states.",
     [("Manafort", "indirect:appositive", "the candidate could win in several states")]),
    ("“I would be very firm with families,” Trump said at one point during the long campaign.", []),
    ("Ryan said it is unrealistic to think that if the U.S. pulls back, “our oceans are going to save us.”", []),
    # ... and up to another clause that begins before the mark
    ("Ana Ruiz said that she would go ahead with the meeting, although she wrote that she “rejects the remarks.”",
     [("Ana Ruiz", "indirect:name-cue", "she would go ahead with the meeting")]),
    # a relative clause: its antecedent speaks, a clause set off by commas ends at the next one
    ("The ruling angered Ted Cruz, who said he would appeal the decision in the spring.",
     [("Ted Cruz", "indirect:relative", "he would appeal the decision in the spring")]),
    ("Juana Brod, who said the mayor misled her in 1998, spoke on the radio on Monday.",
     [("Juana Brod", "indirect:relative", "the mayor misled her in 1998")]),
    ("The request came from the Daily Planet, which argued that the files were a matter of public interest.",
     [("Daily Planet", "indirect:relative", "the files were a matter of public interest")]),
    ("The report echoed security experts who say the documents may have been altered.",
     [("security experts", "indirect:relative", "the documents may have been altered")]),
    ("Among those who say they will vote, turnout is uncertain.", []),  # no antecedent that speaks
    # a share of a group: the group speaks
    ("In the poll, 46 percent of voters said the economy should be the first priority.",
     [("voters", "indirect:share", "the economy should be the first priority")]),
    ("By big margins, those surveyed say the economy should come first for the next president.",
     [("those surveyed", "indirect:share", "the economy should come first for the next president")]),
    # a cue that takes no reported clause ("urged the council") leaves the later cues of the sentence
    ("Ivo Marsh urged the council to act, and Lena Voss said the vote would come in May.",
     [("Lena Voss", "indirect:name-cue", "the vote would come in May")]),
    # "he" after an unnamed source that opens the sentence is that source, not the last person named before
    ("Renata Cole spoke first. A senior Taliban official described the talks as useful, but he said that no date "
     "had been set.", [("A senior Taliban official", "indirect:name-cue+subject", "no date had been set")]),
    ("Renata Cole spoke first. The talks ended early, and he said that no date had been set.",
     [("", "indirect:name-cue", "no date had been set")]),  # no source opens it: the pronoun, unresolved here
    # a party and state in parentheses do not end the speaker's name
    ("Last year, Sen. Mitch Laramie (R-Ky.) said that he would not bring up the bill again.",
     [("Mitch Laramie", "indirect:name-cue", "he would not bring up the bill again")]),
])
def test_reported_speech_patterns(body, expected):
    assert _reported(body) == expected


def test_an_unresolved_pronoun_names_no_speaker():
    """"…,” she said with no woman named before: the row has no speaker (quote share counts it unattributed),
    and its mention keeps the pronoun; once a speaker was named before it, the pronoun resolves to them."""
    row, = _extract("“We will not sign this,” she said.")
    assert (row["speaker"], row["speaker_mention"].strip(), row["rule"]) == ("", "she", "after:name-cue")
    rows = _extract("“We are ready,” Kaja Kallas said.\n\n“We will not sign this,” she said.")
    assert [r["speaker"] for r in rows] == ["Kaja Kallas", "Kaja Kallas"]


def test_an_opening_verb_and_a_label_are_no_speakers():
    """A capitalised "-ing" word opening its sentence before a lower-case word, never capitalised after a lower-case
    word elsewhere, is a verb; "Quote:" is a label. Neither is a name; a name ending in "-ing" still is one."""
    from analysis.actors import load_actors
    from analysis.document import build_doc
    from analysis.speakers import Resolver
    from conftest import ACTORS
    body = ("Recognizing any of the regions as Russian is a red line for Kyiv. Manning testified on Monday.\n\n"
            "Quote: the talks are over.\n\nThe hearing ended, said Manning.")
    actors = load_actors(ACTORS)
    doc = build_doc({"article_id": "a", "outlet": "o", "raw": "Talks\n\n" + body}, actors)
    res = Resolver(doc, actors)
    at = doc.body.index
    assert res.phrase("Recognizing", at("Recognizing"), "body") is None
    assert res.phrase("Quote", at("Quote"), "body") is None
    assert res.phrase("Manning", at("Manning"), "body").speaker == "Manning"


def test_a_pronoun_closing_the_sentence_of_a_quoted_fragment_speaks():
    """“…” in mid-sentence, and the sentence ends ", he added.": the pronoun speaks (the trailing rule, sentence-end);
    a pronoun ending the sentence before the quotation's does not."""
    from analysis.actors import load_actors
    from analysis.document import build_doc
    from analysis.measures.quotes import extract_quotes
    from conftest import ACTORS
    actors = load_actors(ACTORS)

    def rows(body):
        doc = build_doc({"article_id": "a", "outlet": "o", "raw": "Talks\n\n" + body}, actors)
        return [(r["text"], r["speaker"], r["rule"]) for r in extract_quotes(doc, actors, model=None)]
    assert rows("Zelensky spoke in Odesa on Tuesday.\n\nRecognizing the regions as Russian “is another red line for "
                "all of us” in Kyiv, he added.") == [
        ("is another red line for all of us", "Volodymyr Zelensky", "sentence-end")]
    assert rows("Zelensky spoke in Odesa on Tuesday, and then he left.\n\nThe regions, “another red line for all of "
                "us in Kyiv and beyond”, were not discussed.")[0][1:] == ("", "unattributed")


def test_word_evidence_looked_up_or_counted_agrees(monkeypatch):
    """A surname's evidence (times it is a word, capitalised after "[a-z,] ", its lower case a word) is the
    same whether each word is looked up with ``str.find`` (short articles) or every word is counted once
    (long ones): checked on every word of a text with possessives, hyphens, apostrophes and sentence starts."""
    import re
    from types import SimpleNamespace
    from analysis import document as D
    body = ("Clinton said, Clinton-Kaine signs were up. Clinton’s aides and clinton fans met O'Brien; "
            "o'brien left. 'Trump spoke, said Trump, and Trump-era rules stayed. the trump card. Mr. Trump "
            "said so, Trump said. UNIQUE words: Sanders sanders-like, Sanders’ plans.")
    words = set(re.findall(r"[\w’'\-]+", body)) | {"Clinton", "clinton", "Trump", "Sanders", "O", "Brien", ""}
    monkeypatch.setattr(D, "LOOKUP_CHARS", 10**9)
    looked = {w: D.word_evidence(SimpleNamespace(body=body), w) for w in words}
    monkeypatch.setattr(D, "LOOKUP_CHARS", 0)
    counted = {w: D.word_evidence(SimpleNamespace(body=body), w) for w in words}
    assert looked == counted
    assert looked["Clinton"] == (1, False, True)  # "Clinton’s" and "Clinton-Kaine" are other words; "clinton"
    assert looked["Trump"] == (4, True, True)     # "'Trump", "said Trump", "Mr. Trump", ", Trump"; "the trump card"
    assert looked["Sanders"] == (2, True, False)  # "Sanders’" is the word and a comma before it; "sanders-like" is one
    # counted up to five (what the model reads), in both ways; "after [a-z,] " found at the seventh
    body = "Ali. Ali. Ali. Ali. Ali. Ali. Then met Ali; ali-baba."
    for chars in (10**9, 0):
        monkeypatch.setattr(D, "LOOKUP_CHARS", chars)
        assert D.word_evidence(SimpleNamespace(body=body), "Ali") == (5, True, False)


def test_text_between_marks_that_is_no_quotation():
    """An attribution caught between two quotations whose marks run the wrong way, and a bare date (an
    embedded post's stamp), are no quotations; a partial quotation that opens with "says" still is."""
    # a mark lost before "We": the closing mark after "win," reads as an opening one
    rows = _extract('He spoke at length. We will win," said Jim Clyburn, a congressman from South Carolina. '
                    '"The voters know us."')
    assert [r["text"] for r in rows] == []  # not " said Jim Clyburn, a congressman from South Carolina. "
    rows = _extract("Ana Ruiz said that Trump “says a lot of stupid stuff,” about her rival.\n\n"
                    "— Ana Ruiz (@anaruiz) “March 9, 2016”")
    assert [r["text"] for r in rows] == ["says a lot of stupid stuff,"]


def test_a_named_speaker_of_no_group_is_the_golds_other():
    """Actor accuracy: a named speaker the actors file puts in no group (an analyst) matches the sidelining gold's
    group "other"; a speaker of a group must match that group."""
    from analysis.actors import parse_actors
    from analysis.document import build_doc
    from analysis.evaluate_quotes import score_article
    from analysis.measures.quotes import extract_quotes
    actors = parse_actors({"actors": {"Russia": {"aliases": ["Russia"], "people": [{"name": "Dmitry Peskov"}]}}})
    body = "“Talks will take much longer than planned,” Ann Marlow said.\n\n“We are ready to talk at any time,” Peskov said."
    doc = build_doc({"article_id": "a", "outlet": "o", "raw": "Talks\n\n" + body}, actors)
    quotes = extract_quotes(doc, actors)
    gold = [{"stretches": ["Talks will take much longer than planned,"], "sources": ["Ann Marlow"], "pronoun": False,
             "actor": "other"},
            {"stretches": ["We are ready to talk at any time,"], "sources": ["Peskov"], "pronoun": False,
             "actor": "Russia"}]
    r = score_article(doc, quotes, gold)["counts"]
    assert (r["actor_pairs"], r["actor_ok"]) == (2, 2)
    gold[0]["actor"] = "Russia"  # the analyst is no Russian speaker
    assert score_article(doc, quotes, gold)["counts"]["actor_ok"] == 1
