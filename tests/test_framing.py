import pytest

from conftest import SEED


# framing: (seed, sentence_id, actor, frame, cue), every framed sentence a careful reader finds
FRAMES = [
    ("000", 0, "Ukraine", "exclusion", "exclusively with"), ("000", 1, "Ukraine", "exclusion", "exclusively with"),
    ("000", 2, "Ukraine", "exclusion", "bilateral"), ("000", 16, "Ukraine", "exclusion", "primary interlocutor"),
    ("001", 0, "Ukraine", "exclusion", "sideline"), ("001", 1, "Ukraine", "exclusion", "sideline"),
    ("001", 2, "Ukraine", "exclusion", "main counterpart"), ("001", 3, "Ukraine", "inclusion", "participate"),
    ("001", 8, "Ukraine", "exclusion", "would not say whether"), ("001", 12, "Ukraine", "exclusion", "without"),
    ("001", 14, "Ukraine", "exclusion", "without"), ("001", 15, "Ukraine", "exclusion", "would not say whether"),
    ("002", 0, "Ukraine", "inclusion", "role in the talks"), ("002", 1, "Ukraine", "inclusion", "engage in negotiations"),
    ("002", 1, "Ukraine", "exclusion", "bilateral"), ("002", 8, "Ukraine", "exclusion", "downplay role"),
    ("002", 14, "Ukraine", "exclusion", "downplay role"), ("003", 23, "Europe", "exclusion", "without"),
    ("004", 10, "Ukraine", "inclusion", "participate"),
    # Peskov's two tracks, in both February articles: a bilateral Russian-American track (Ukraine left out)
    # and a track "connected with Ukraine's involvement"
    ("001", 4, "Ukraine", "exclusion", "bilateral"), ("001", 4, "Ukraine", "inclusion", "involvement"),
    ("002", 3, "Ukraine", "exclusion", "main counterpart"), ("002", 4, "Ukraine", "inclusion", "involvement"),
    ("002", 4, "Ukraine", "inclusion", "participate"), ("002", 5, "Ukraine", "exclusion", "bilateral"),
    ("002", 5, "Ukraine", "inclusion", "involvement"),
]
# hits a careful reader would not count: a reporter's question about Ukraine's involvement (002, sentence 10)


@pytest.mark.parametrize("seed,sid,actor,frame,cue", FRAMES)
def test_framed_sentences_found(tables, seed, sid, actor, frame, cue):
    f = tables["framing"]
    hit = f[(f["article_id"] == SEED[seed]) & (f["sentence_id"] == sid) & (f["actor"] == actor) & (f["frame"] == frame)
            & (f["cue"] == cue)]
    assert len(hit) >= 1


def test_precision_on_the_seeds(tables):
    f = tables["framing"].drop_duplicates(["article_id", "sentence_id", "actor", "frame"])
    expected = {(SEED[s], sid, a, fr) for s, sid, a, fr, _ in FRAMES}
    spurious = [k for k in map(tuple, f[["article_id", "sentence_id", "actor", "frame"]].values) if k not in expected]
    assert len(spurious) * 10 <= len(f), spurious


def test_outlet_comparison_shows_what_a_reader_sees(tables):
    from analysis.compare import framing_by_outlet
    u = framing_by_outlet(tables["framing"], tables["articles"], ["Ukraine"]).set_index("outlet")
    assert u.loc["Outlet 001", "sidelining_index"] > 0.5 and u.loc["Outlet 001", "headline_exclusion"] == 1
    assert u["inclusion"].idxmax() == "Outlet 002" and u.loc["Outlet 002", "headline_inclusion"] == 1
    # Outlet 001: all eight exclusion sentences explicit; four only in quotations (Peskov's "main counterpart"
    # in sentence 2 and bilateral track in 4, Zelensky's "without us" in 12 and 14; sentences 0 and 1 quote
    # "main counterpart" but say "sidelining" in the journalist's voice); both inclusions are Peskov's (3 and 4)
    assert u.loc["Outlet 001", ["exclusion_explicit", "exclusion_demand", "exclusion_implicit"]].tolist() == [8, 0, 0]
    assert u.loc["Outlet 001", ["exclusion_quoted", "inclusion_quoted"]].tolist() == [4, 2]


def test_first_person_without_us_binds_to_the_speaker(tables):
    f = tables["framing"]
    r = f[(f["article_id"] == SEED["001"]) & (f["sentence_id"] == 12)].iloc[0]
    assert (r["rule"], r["voice"], r["speaker"]) == ("without:first-person", "quoted", "Volodymyr Zelensky")


# ------------------------------------------------------------------ classes of frames read on other negotiations
TALKS = """parties: [Taliban, Afghan government]
actors:
  United States: {aliases: [United States, U.S., Washington], people: [{name: Donald Trump}]}
  Taliban: {aliases: [Taliban]}
  Afghan government: {aliases: [Afghan government, Kabul], people: [{name: Ashraf Ghani, gender: m}]}
  Qatar: {aliases: [Qatar, Doha]}
  Russia: {aliases: [Russia], people: [{name: Vladimir Putin}]}
  Ukraine: {aliases: [Ukraine, Kyiv], people: [{name: Volodymyr Zelensky}]}
"""


def _frames(text, at_issue=None, quotes=False):
    """(sentence, actor, frame, kind) of every frame of ``text`` with the TALKS actors (``at_issue``: its list);
    with ``quotes`` the quotations are extracted first, so that a cue inside one is in its speaker's voice."""
    from analysis.actors import parse_actors
    from analysis.document import build_doc
    from analysis.measures.framing import DEFAULT_LEXICON, find_frames, load_lexicon
    from analysis.measures.quotes import extract_quotes
    import yaml
    actors = parse_actors(dict(yaml.safe_load(TALKS), at_issue=at_issue or []))
    doc = build_doc({"article_id": "a", "outlet": "o", "raw": text}, actors)
    rows = extract_quotes(doc, actors, model=None) if quotes else []
    return sorted((r["sentence_id"], r["actor"], r["frame"], r["kind"])
                  for r in find_frames(doc, rows, actors, load_lexicon(DEFAULT_LEXICON)))


@pytest.mark.parametrize("text,expected", [
    # refusing to talk with a party leaves it out; the refuser is not framed
    ("The Taliban have long refused to negotiate with the Afghan government.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    # "hasn't": the negation is glued to the auxiliary
    ("Zelensky hasn't been invited yet.", [(0, "Ukraine", "exclusion", "explicit")]),
    # an inclusion someone objects to is an exclusion
    ("The Taliban objected to the presence of Afghan government officials.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    # a participation called essential is a demand: absence implied
    ("Kyiv's direct involvement is essential for any settlement.", [(0, "Ukraine", "exclusion", "demand")]),
    # "X by Y" is passive: X is blindsided, not Y
    ("Ghani was blindsided by the U.S. meeting.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("Afghan Government Blindsided by U.S. Meeting", [(0, "Afghan government", "exclusion", "implicit")]),
    # the actor inside the cue is the one kept out, not the subject who keeps it out
    ("Washington kept Kabul out of the talks.", [(0, "Afghan government", "exclusion", "explicit")]),
    # two of the actors file's parties meeting: both included; the mediator is not
    ("Talks between the Taliban and the Afghan government began in Doha.",
     [(0, "Afghan government", "inclusion", "explicit"), (0, "Taliban", "inclusion", "explicit")]),
    ("The United States met the Taliban in Doha.", []),
    # an everyday meeting counts only for an actor whose participation the article puts at issue
    ("Trump met with Putin in Alaska.", []),
    ("Alaska\n\nTrump met with Zelensky. Ukraine was not invited to Alaska.",
     [(1, "Ukraine", "inclusion", "explicit"), (2, "Ukraine", "exclusion", "explicit")]),
    # classes added after the held-out Gaza measure (data/eval/gaza): not consulted, in the active voice and
    # as "not coordinated with" / "lack of consultation"
    ("The plan was not coordinated with Ukraine.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Washington did not inform Kyiv about the meeting.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Kyiv complained of a lack of prior consultation.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Ukraine was kept in the dark about the talks.", [(0, "Ukraine", "exclusion", "implicit")]),
    # staying away, boycotts, bans and declined or missing invitations
    ("Kyiv has boycotted the meeting.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine stayed away from the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Zelensky was barred from attending the summit.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Zelensky declined an invitation to the summit.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv has not received an invitation to the summit.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine was left off the guest list.", [(0, "Ukraine", "exclusion", "explicit")]),
    # frozen / cut out, relegated, snubbed, denied a seat, not among the participants
    ("Washington cut Kyiv out of the deal.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine was frozen out of the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv was relegated to the role of an observer.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv was snubbed by the organisers.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine was denied a seat at the table.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine was not among the participants.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Zelensky was not expected to be in the room.", [(0, "Ukraine", "exclusion", "explicit")]),
    # "without any mention / input of X": X, four words on
    ("The deal envisages reconstruction without any mention of Kyiv.", [(0, "Ukraine", "exclusion", "explicit")]),
    # inclusion: part of the talks, represented at, present at, sending a delegation, included in
    ("Ukraine will be part of the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine was represented by Zelensky at the summit.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Zelensky will be present at the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv sent a delegation to the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine is among the participants.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine was included in the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("The talks included envoys from Kyiv.", [(0, "Ukraine", "inclusion", "explicit")]),
    # and what these cues must not take: a topic, a lawyer, a crowd, a remark, a trade boycott
    ("The talks included discussions of Ukraine's grain exports.", []),
    ("Zelensky will be represented by his lawyers.", []),
    ("Putin enjoys support among the attendees.", []),
    ("He did not tell reporters where Zelensky would go.", []),
    ("I can't tell Zelensky how to behave.", []),
    ("Russia boycotted Ukrainian grain.", []),
    ("Ukraine is part of Europe.", []),
    # pronouns in the cue's slot point back to an earlier mention of the same sentence: "them" to a group
    # that is not the refusing clause's subject, "his" to a man, "they" opening a clause to a group
    # (the delegation it sent is no inclusion: the refusal right after it is its outcome)
    ("The Afghan government sent a delegation, but the Taliban refused to meet them.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    ("Ghani warned against talks that did not include his government.", [(0, "Afghan government", "exclusion",
                                                                           "explicit")]),
    ("Kabul sent envoys to Doha, but they were not invited to the meeting.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    # ... never across sentences, and not "them" for the only group, which is the refusing subject
    ("Ghani spoke on Monday.\n\nHe has not been involved in the talks.", []),
    ("The Taliban refused to meet them.", []),
    ("Trump said the Taliban refused to meet her.", []),
    # the subject of an object relative clause acts; the framed one is whom "whose" stands for
    ("He met Ghani, whose government the Taliban have kept out of the process.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    # a venue or host naming the talks is not who is framed
    ("If the Afghan government is not even at the Qatar peace talks, it is irrelevant.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    ("Ukraine was not at the Doha talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    # a meeting refused or not held leaves out the side it is with, never the side refusing it
    ("The Taliban refused to meet directly with the Afghan government.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    ("Putin did not meet with Zelensky in Alaska.", [(0, "Ukraine", "exclusion", "explicit")]),
    # an everyday meeting after a demand word demands nothing of those met
    ("Alaska\n\nUkraine was not invited. The U.S. insisted in its talks with the Taliban that peace must come.",
     [(1, "Ukraine", "exclusion", "explicit")]),
    # a delegation's members are not an actor taking part; a three-way format frames only an actor at issue
    ("The Russian delegation included Vladimir Putin.", []),
    ("Trump is open to a trilateral meeting with Putin and Zelensky.", []),
    # (two rows: "trilateral" and "meeting with"; Russia, not at issue, is in neither)
    ("Alaska\n\nZelensky was not invited. Trump is open to a trilateral meeting with Putin and Zelensky.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit"),
      (2, "Ukraine", "inclusion", "explicit")]),
    # the issue's classes written anew for this round: a noun of exclusion with "of", a preposition the cue
    # ends in is not a topic marker
    ("Analysts noted the exclusion of Ukraine from the negotiations.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Washington negotiated over the heads of Kyiv.", [(0, "Ukraine", "exclusion", "explicit")]),
    # a subject negated by "no" / "neither ... nor" negates the inclusion cue after it; "nor" coordinates
    ("No Afghan government officials were present at the talks.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    ("Neither Kyiv nor the Afghan government was invited.",
     [(0, "Afghan government", "exclusion", "explicit"), (0, "Ukraine", "exclusion", "explicit")]),
    ("Kremlin signals no Ukraine breakthrough after Putin talks with the U.S.", []),
    # an exclusion and the shorter inclusion cue inside or beside it: only the exclusion
    ("Kyiv did not get a seat at the table.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv was not given a say in the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv wants a seat at the table.", [(0, "Ukraine", "exclusion", "demand")]),
    ("There is no place for Kyiv at the table.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("The Taliban ruled out any role for Kyiv in the negotiations.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("A role for Kyiv in the talks is welcome.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv was not even invited to the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    # learning of the talks from the media: not informed
    ("Zelensky said Kyiv learned about the meeting from the media.", [(0, "Ukraine", "exclusion", "implicit")]),
    # "the talks in <venue> included X": X, not the venue
    ("The talks in Doha included Afghan government officials.", [(0, "Afghan government", "inclusion", "explicit")]),
    # "was met with" a reaction is no meeting
    ("Talks\n\nKyiv was not invited. The proposal was met with rejection from Zelensky.",
     [(1, "Ukraine", "exclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Trump has met with Zelensky.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    # more classes: leaving X out, no advance notice, informed only afterwards, not told, watching from the
    # sidelines, reduced to a bystander, behind its back, not a party to, no need for X at the talks, pushed
    # aside, left behind in the talks; "no one from X" and "with no X officials" negate
    ("Washington agreed to restore embassies, leaving Kyiv out.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv was not given advance notice of the meeting.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Kyiv was informed only after the meeting.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Afghan government officials were not told about the plan.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("Kyiv was left to watch from the sidelines.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv has been reduced to the role of a bystander.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv fears a deal made behind its back.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine is not a party to the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("The Taliban said there was no need for Kabul at the talks.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Kyiv has been pushed aside in the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kyiv risks being left behind in the negotiations.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("No one from Kyiv was at the table.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("The meeting took place with no Afghan government officials in attendance.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    # the people of an actor after "of" are the actor, a topic after "of" is not
    ("The Taliban refused to meet directly with any members of the Afghan government.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    ("The talks on the future of Ukraine began.", []),
    # the bound mention is on the side the rule reads: Kyiv, not the "Ukraine" after the cue, whose coordinated
    # Taliban is not left out
    ("Kyiv was not invited. Ukraine and the Taliban met in Doha", [(0, "Ukraine", "exclusion", "explicit")]),
    # an inclusion cue just after an exclusion of the same actor is part of it
    ("The absence of Kyiv at the table was striking.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("There was no Afghan government representative at the talks.", [(0, "Afghan government", "exclusion",
                                                                       "explicit")]),
    ("Ukraine had no role in drafting the plan.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine insists on being part of any negotiations.", [(0, "Ukraine", "exclusion", "demand")]),
    # holding talks and meeting (intransitive) are everyday words: only for an actor at issue
    ("Talks\n\nKyiv was not invited. Ukraine and the Taliban held talks in Doha.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nThe Taliban and the U.S. met in Doha on Monday.", []),
    # a participant, demanded or expected; no role for X; briefed afterwards; scrambling for a seat is a demand;
    # talks that exclude X do not include X
    ("Ukraine must be a full participant in any talks, Zelensky said.", [(0, "Ukraine", "exclusion", "demand")]),
    ("Ukraine will be a participant in the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("The Taliban said there would be no role for Kabul.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Afghan government officials will be briefed after the talks.",
     [(0, "Afghan government", "exclusion", "implicit")]),
    ("Kyiv scrambled to get a seat at the table.", [(0, "Ukraine", "exclusion", "demand")]),
    ("Russia and the U.S. agreed to hold talks that exclude Kyiv.", [(0, "Ukraine", "exclusion", "explicit")]),
    # caught off guard, taken by surprise, a fait accompli, learned from a leaked report (implicit)
    ("Kyiv was caught off guard by the plan.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Kyiv was presented with the plan as a fait accompli.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Kyiv learned of the plan through a leaked report.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Trump caught reporters off guard with the announcement.", []),
    # a subject inside an aside between commas is not the clause's subject
    ("Afghan government officials, backed by key Ukrainian allies, are pressing for a seat at the table.",
     [(0, "Afghan government", "exclusion", "demand")]),
    # a settlement that must be decided only with X: a demand that X take part
    ("Peace should be determined together and only together with Kyiv, Zelensky said.",
     [(0, "Ukraine", "exclusion", "demand")]),
    ("The details will be discussed with Kyiv next week.", []),
    # what a settlement requires or dictates is a demand; those absent, listed after a colon
    ("Kyiv's security interests dictate a central role in the peace process.", [(0, "Ukraine", "exclusion", "demand")]),
    ("A settlement requires the Taliban's participation.", [(0, "Taliban", "exclusion", "demand")]),
    ("The summit made headlines for those conspicuously absent: Kyiv's leaders.",
     [(0, "Ukraine", "exclusion", "explicit")]),
    ("Voter participation: Kyiv said turnout was high.", []),
    # talks "on …" between the parties a few words on; consulting or coordinating with X, for an actor at issue;
    # "key to the talks"; the government in Kabul is the Afghan government, not a place
    ("Talks\n\nKabul was not invited. Future talks on a final peace agreement between the Taliban and the Afghan "
     "government will follow.", [(1, "Afghan government", "exclusion", "explicit"),
                                 (2, "Afghan government", "inclusion", "explicit"), (2, "Taliban", "inclusion", "explicit")]),
    ("Talks\n\nKabul was not invited. We have consulted regularly with the Afghan government.",
     [(1, "Afghan government", "exclusion", "explicit"), (2, "Afghan government", "inclusion", "explicit")]),
    ("Talks\n\nKabul was not consulted. Washington did not coordinate with Kabul.",
     [(1, "Afghan government", "exclusion", "implicit"), (2, "Afghan government", "exclusion", "implicit")]),
    ("Kabul govt key to peace talks, US says", [(0, "Afghan government", "inclusion", "explicit")]),
    ("The Taliban refused to negotiate with the government in Kabul.", [(0, "Afghan government", "exclusion",
                                                                        "explicit")]),
    # reduced to waiting or watching; delegitimising a side (implicit)
    ("Afghan government representatives were reduced to waiting in hotel lobbies.",
     [(0, "Afghan government", "exclusion", "explicit")]),
    ("The deal risks delegitimizing the Afghan government.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("The team must be agreed upon by the Afghan government.", []),
    # ... and what they must not take: keeping a vision out there, people in a room, being left behind elsewhere
    ("We'll keep that vision out there, Trump said.", []),
    ("Trump said the people in the room would not support him.", []),
    ("Ukraine was left behind by the economic boom.", []),
    # a delegation at the talks is an everyday description: only for an actor at issue
    ("The Taliban led their delegation to the talks in Doha.", []),
    # (made-up sentences of seven more classes) no input from X, neither X nor Y consulted, no hand in, no role to
    # play, a deadline to accept, left to react, not having seen the plan (implicit); X's input; a say in a
    # settlement (a demand when wanted); drafted jointly with X
    ("The plan was drawn up in Washington with no input from Kyiv.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Neither Kabul nor Kyiv was consulted on the draft.", [(0, "Afghan government", "exclusion", "explicit"),
                                                           (0, "Ukraine", "exclusion", "explicit")]),
    ("Kabul had no hand in the agreement.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Russia said Kabul had no role to play in the talks.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Kabul was given a week to accept the plan.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("Kabul was left to react to the deal.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("Ghani said Kabul had not seen the draft before it was leaked.",
     [(0, "Afghan government", "exclusion", "implicit")]),
    ("Ukraine's input was reflected in the new draft.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kabul wants a say in any settlement.", [(0, "Afghan government", "exclusion", "demand")]),
    ("The text was drafted jointly with Kyiv.", [(0, "Ukraine", "inclusion", "explicit")]),
    # ... and what they must not take
    ("Russia wants a say in the price of oil.", []),
    ("Kabul had not seen such violence in years.", []),
    ("Ukraine was given a week off.", []),
    ("Russia and Ukraine agreed on a ceasefire.", []),
    # everyday participation, for an actor whose taking part the article puts at issue: consulted, leading the
    # delegation, sitting down with, a joint statement, arriving for the talks
    ("Talks\n\nKyiv was not invited. Kyiv was consulted throughout the process.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky led the delegation to Geneva.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky sat down with Trump in Florida.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Kyiv and Washington released a joint statement.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. A delegation from Kyiv arrived for the talks.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nRussia led the delegation to Geneva.", []),
    # (an eighth batch) a marginal status: taking part only as an observer (implicit); not observers' opinions
    ("Ukraine attended the talks only as an observer.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Kabul has been offered observer status at the talks.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("Kyiv, as observers noted, was slow to react.", []),
    # (a ninth batch) a group noun after an adjective alias does not break a coordinated subject; travelling
    # for talks is everyday participation (for an actor at issue)
    ("Talks\n\nNeither Kyiv nor Washington was invited. U.S. officials and Zelensky met with Putin on Monday.",
     [(1, "Ukraine", "exclusion", "explicit"), (1, "United States", "exclusion", "explicit"),
      (2, "Ukraine", "inclusion", "explicit"), (2, "United States", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky will travel to Geneva for the talks.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky traveled to Doha for a wedding.", [(1, "Ukraine", "exclusion", "explicit")]),    # (a tenth batch, made-up sentences of the language of any negotiation) inclusion: in the room, brought
    # together, heading the team, a voice in the talks, a delegation in a city for the talks, attended by X (the
    # passive's agent), welcomed at, sitting in on, brought into the talks, party to the talks, represented by,
    # sending negotiators, "will now include", helping draft the plan, revised together with, hosting X;
    # exclusion: at arm's length, on the margins, out of the loop, an afterthought, take-it-or-leave-it (implicit),
    # no voice, no one present, not allowed in, talks closed to X, not even informed; and what they must not take
    ("Negotiators from Kyiv were in the room when the draft was discussed.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. The talks brought together officials from Washington and Kyiv.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky headed the Ukrainian team in Geneva.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv will have a voice in the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. A delegation from Kyiv is in Geneva for the talks.",  # two cues: delegation
     [(1, "Ukraine", "exclusion", "explicit")] + [(2, "Ukraine", "inclusion", "explicit")] * 2),  # at, at the talks
    ("The meeting will be attended by Zelensky.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky was welcomed at the White House for the talks.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Representatives of Kyiv sat in on the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv has been brought into the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Washington brought Kyiv into the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kabul was party to the discussions.", [(0, "Afghan government", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Kyiv will be represented by its foreign minister.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv will send negotiators to Istanbul.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("The summit will now include Zelensky.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Officials from Kyiv helped draft the new plan.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("The plan was revised together with negotiators from Kyiv.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. The French president will host Zelensky in Paris.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv helped draft its own constitution in 1996.", []),
    ("Talks\n\nKyiv was not invited. The debate hosted by Ukrainian television drew record ratings.",
     [(1, "Ukraine", "exclusion", "explicit")]),
    ("Ukraine wants to join NATO.", []),
    ("Russia has been party to many treaties.", []),
    ("The document was brought into question in Kyiv.", []),
    ("Washington kept Kyiv at arm's length.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Kabul was kept at arm's length.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Kyiv found itself on the margins of the talks.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("Putin and Trump met on the margins of the summit.", []),
    ("Russian markets were on the margins of a recession.", []),
    ("Kabul was not in the loop.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("Kabul was an afterthought in the talks.", [(0, "Afghan government", "exclusion", "implicit")]),
    ("The plan was presented to Kyiv as a take-it-or-leave-it offer.", [(0, "Ukraine", "exclusion", "implicit")]),
    ("Kyiv had no voice.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("There was no voice of reason in Russia.", []),
    ("No officials from Kyiv were present.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("There was no doubt Russia was present in the region.", []),
    ("Afghan government officials were not allowed into the meeting.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("The talks were closed to officials from Kyiv.", [(0, "Ukraine", "exclusion", "explicit")]),
    ("The border was closed to grain from Kyiv.", []),
    ("Kyiv was not even informed about the meeting.", [(0, "Ukraine", "exclusion", "implicit")]),
    # (an eleventh batch, for the binding) "along with" / "together with" / "as well as" coordinate actors;
    # joining a named person in a city (everyday); hosting "a group / range of" people from X (everyday); the
    # venue named in the object ("the Afghan government summit") takes no part; joining an alliance is membership
    ("Kabul, along with Kyiv, was left out of the talks.",
     [(0, "Afghan government", "exclusion", "explicit"), (0, "Ukraine", "exclusion", "explicit")]),
    ("The summit will include Zelensky as well as officials from Kabul.",
     [(0, "Afghan government", "inclusion", "explicit"), (0, "Afghan government", "inclusion", "explicit"),
      (0, "Ukraine", "inclusion", "explicit"), (0, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Zelensky will join Trump in Washington on Monday.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Trump hosted a group of officials from Kyiv at the White House.",
     [(1, "Ukraine", "exclusion", "explicit"), (2, "Ukraine", "inclusion", "explicit")]),
    ("Zelensky will join the Qatar summit by video link.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Ukraine hopes to join NATO at the Vilnius summit.",
     [(1, "Ukraine", "exclusion", "explicit")]),
    ("Russia along with Qatar rejected the resolution in New York.", []),    # (a twelfth batch, made-up sentences for the classes the blind caucasus corpus missed) "finds itself sidelined"
    # is passive; being briefed on the outcome of a meeting is learning of it afterwards (implicit); stopping work,
    # contacts or talks with X leaves X out; an expressed intention to get involved is a demand; "give X a voice";
    # a possible involvement frames nothing; a military presence is no participation
    ("Kabul finds itself sidelined from the talks.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Zelensky briefed Putin on the outcome of the meeting.", [(0, "Russia", "exclusion", "implicit")]),
    ("Zelensky briefed reporters on the outcome of the meeting.", []),
    ("Washington stopped working with Kabul in that format.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("The Taliban suspended contacts with Kabul.", [(0, "Afghan government", "exclusion", "explicit")]),
    ("Russia stopped working with the company in 2019.", []),
    ("Russia has expressed its intention to get involved.", [(0, "Russia", "exclusion", "demand")]),
    ("Kyiv will get involved in the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Russia doesn't want to give Kabul a voice in the talks.",  # (not wanting it is a refusal: eighteenth batch;
     # two cues, "give … a voice" and "a voice in the talks")
     [(0, "Afghan government", "exclusion", "explicit"), (0, "Afghan government", "exclusion", "explicit")]),
    ("Talks\n\nKyiv was not invited. Washington will discuss Kyiv's possible involvement.",
     [(1, "Ukraine", "exclusion", "explicit")]),
    ("The presence of Russian troops near Kyiv worries the government.", []),
    # (a thirteenth batch, made-up sentences of inclusion in any negotiation) a signatory; tabling or submitting a
    # proposal at the talks or to the negotiators; brought in (not troops brought in somewhere); being at the
    # talks, or in a city for them; playing a role or part in the talks (not in a war); receiving or accepting an
    # invitation; engaged in the process (not "the process of"); "the talks, which included X"; a singular
    # negotiator sent; meeting one's counterpart (an everyday meeting: at issue only)
    ("Kyiv will be a signatory to the deal.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine tabled a counter-proposal at the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv submitted a revised draft to the negotiators.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Kyiv submitted a revised budget to parliament.", []),
    ("Kyiv was brought in at the last minute.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Russia's troops were brought in near Kyiv.", []),
    ("Ukraine will be at the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine was in Geneva for the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine played a key part in the talks.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine played a role in the war.", []),
    ("Ukraine accepted the invitation to Geneva.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine is now fully engaged in the process.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine is engaged in the process of rebuilding.", []),
    ("The talks, which included Kyiv's envoy, lasted five hours.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("The talks, which included a lunch, lasted long.", []),
    ("Kyiv sent its top negotiator to Geneva.", [(0, "Ukraine", "inclusion", "explicit")]),
    ("Ukraine's foreign minister met his Russian counterpart.", []),  # everyday: not at issue here
])
def test_frame_classes(text, expected):
    assert _frames(text) == expected


def test_only_the_actors_at_issue_are_framed_as_included():
    """With the actors file's ``at_issue`` list, inclusion frames are kept for those actors only (the delegations
    holding the talks take part as a matter of routine); exclusion frames of every actor stay."""
    text = ("Talks\n\nRussia will take part in the talks. Ukraine will take part in the talks. "
            "Russia was not invited to the dinner. Putin met with Zelensky.")

    def frames(at_issue):
        return sorted({f[:3] for f in _frames(text, at_issue)})
    everyone = [(1, "Russia", "inclusion"), (2, "Ukraine", "inclusion"), (3, "Russia", "exclusion"),
                (4, "Russia", "inclusion"), (4, "Ukraine", "inclusion")]
    assert frames([]) == everyone
    # Russia's two inclusions go (one of a strong cue, one of the everyday "met with"); its exclusion stays
    assert frames(["Ukraine"]) == [(2, "Ukraine", "inclusion"), (3, "Russia", "exclusion"), (4, "Ukraine", "inclusion")]


@pytest.mark.parametrize("text,kw,expected", [
    # (a fourteenth batch: general rules for the classes the blind libya corpus missed, on made-up sentences)
    # the object of a preposition inside the subject's noun phrase is not the one left out; a verb between is
    ("The envoy of Kabul to Washington was not invited.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("As Kabul pushes for Qatar to take part in the talks, Ghani will travel to Doha.", {},
     [(1, "Qatar", "exclusion", "demand")]),
    # a passive gerund after a preposition frames the clause's subject, not the nearest name
    ("Ghani called Trump to complain about being left out of the talks.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    ("Ghani complained about being omitted from the conference.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # "but not X" after an inclusion leaves X out; not after anything else
    ("The countries invited to the talks include Russia and Qatar, but not Ukraine.", {},
     [(1, "Qatar", "inclusion", "explicit")] * 2 + [(1, "Russia", "inclusion", "explicit")] * 2
     + [(1, "Ukraine", "exclusion", "explicit")]),
    ("Russia attacked Kyiv but not Doha.", {}, []),
    # an inclusion after "from" is what someone is kept from; after "difficult to" it does not happen
    ("Washington excluded Kabul from the talks and from any role in the settlement.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    ("It would be very difficult for Kabul to participate now.", {}, []),
    # an exclusion right before an inclusion of the same actor, no punctuation between, is what it says
    ("The absence of an invitation for Kabul to attend angered Ghani.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # separate meetings are no talks between the parties
    ("Ghani and the Taliban met foreign envoys in separate meetings.", {}, []),
    ("One country missing from the guest list is Qatar.", {}, [(1, "Qatar", "exclusion", "explicit")]),
    # "us" as the object in a quotation: the speaker's side
    ("Ghani said: “They did not invite us to the conference.”", {"quotes": True},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # a list of names, some not in the actors file, holds together
    ("The talks were attended by Russia, China, Qatar, Turkey and Ukraine.", {},
     [(1, "Qatar", "inclusion", "explicit"), (1, "Russia", "inclusion", "explicit"),
      (1, "Ukraine", "inclusion", "explicit")]),
    # a conference or an event is where talks are held
    ("Kyiv was represented at the event.", {}, [(1, "Ukraine", "inclusion", "explicit")]),
    # "on the sidelines of" an event is where, not who is sidelined; the verb still is
    ("Qatar met the Taliban on the sidelines of the conference.", {}, []),
    ("The Taliban sidelines Kabul.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # (a fifteenth batch, from the blind yemen misses) "without" takes the actors coordinated with its object
    ("The talks began without Qatar and Kabul.", {},
     [(1, "Afghan government", "exclusion", "explicit"), (1, "Qatar", "exclusion", "explicit")]),
    # "the participation of the …" names whoever it names: no actor there is no reason to frame the subject
    ("Russia hosted talks without the participation of the regional militias.", {}, []),
    # a deal that neglects a side; not showing up at the talks or a ceremony (showing up is taking part)
    ("Ghani said he would reject any deal that neglects his government.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    ("The students neglect their homework.", {}, []),
    ("Ghani did not show up at the signing ceremony.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("Ghani showed up at the talks.", {}, [(1, "Afghan government", "inclusion", "explicit")]),
    # a military involvement in a war is no part in the talks
    ("Russia is seeking to end its military involvement in the war.", {}, []),
    ("Qatar's involvement in the talks was decisive.", {}, [(1, "Qatar", "inclusion", "explicit")]),
])
def test_frame_classes_fourteenth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a sixteenth batch, from the blind syria misses, as general rules with made-up tests)
    # "had not invited X": the inviter did not invite the object (active); "has not been invited": passive
    ("Qatar had not invited the Taliban to the talks.", {}, [(1, "Taliban", "exclusion", "explicit")]),
    ("Kabul has not been invited to the talks.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("Kabul hasn't been invited.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # not receiving or getting an invitation
    ("Ghani left the city after not receiving an invitation to the talks.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    ("“We did not get invitations,” Ghani said.", {"quotes": True}, [(1, "Afghan government", "exclusion", "explicit")]),
    # a participle phrase opening the sentence frames the subject after its comma
    ("Uninvited to the talks, Kabul left Doha.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # "X excluded from …" with no form of "be" (a headline, a reduced relative) is passive; so is "if X excluded"
    ("A day later Kabul, excluded from the talks, protested.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("The Taliban excluded Kabul from the talks.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # a taking part called vital or a prerequisite, however far the predicate, is a demand
    ("The participation of Kyiv in the Geneva talks on the war is vital to any settlement.", {},
     [(1, "Ukraine", "exclusion", "demand")]),
    ("The presence of Kyiv in any talks is a prerequisite for peace.", {}, [(1, "Ukraine", "exclusion", "demand")]),
    # backing or ensuring someone's participation, or being ready to take part, implies they are not in yet
    ("Russia has backed the participation of Kyiv.", {}, [(1, "Ukraine", "exclusion", "demand")]),
    ("Qatar called on Washington to ensure Kabul's participation in the talks.", {},
     [(1, "Afghan government", "exclusion", "demand")]),
    ("Kyiv is ready to take part in the talks.", {}, [(1, "Ukraine", "exclusion", "demand")]),
    # ... not an adjective ending in -backed
    ("The Qatar-backed Taliban will participate in the talks.", {}, [(1, "Taliban", "inclusion", "explicit")]),
    # not allowing someone to sit at the table or attend; keeping them away; not considered for the talks
    ("Russia does not allow Kyiv to sit at the negotiating table.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    ("Russia refused to allow Kyiv at the talks.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    ("Putin wants to keep Kyiv away from the talks.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    ("Kabul has not been considered for the talks.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # a side that cannot be ignored (a demand); ignoring it opening the sentence; not any "ignored" (general news
    # ignores facts, rulings and rivals)
    ("Kabul cannot be ignored in the talks.", {}, [(1, "Afghan government", "exclusion", "demand")]),
    ("Ignoring Kabul means the talks will fail.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("The Taliban ignored the ruling of a Kabul court.", {}, []),
    # representation at the talks
    ("Russia said there would be representation of Kyiv at the congress.", {}, [(1, "Ukraine", "inclusion", "explicit")]),
    # a pronoun subject between the nearest actor and the cue: he / she point back to a person of their
    # gender; "they" after a demand is someone else; a noun phrase after "said" names no actor
    ("Ghani, a former official with ties to Russia, said he had been invited.", {},
     [(1, "Afghan government", "inclusion", "explicit")]),
    ("Qatar said the body had been invited.", {}, []),
    ("Putin demanded they be kept away from the talks.", {}, []),
    ("Kyiv said it was not invited.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    # urging others to involve someone is a demand; "the participating sides" frame no one
    ("Russia urged the participating sides to involve Kyiv in the talks.", {}, [(1, "Ukraine", "exclusion", "demand")]),
    # "opposition" is a noun, not "oppose"
    ("Russia's opposition leaders met the Afghan delegation.", {}, []),
    # "without" + a gerund other than taking in: its object is not left out
    ("Kyiv wants a solution without discarding Russia.", {}, []),
    ("The talks went ahead without including Kyiv.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    # a proposal to include someone that is vetoed; blocking someone's participation
    ("Russia's proposal to include Kyiv in the talks was vetoed.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    ("Countries that block Kyiv's participation in the talks act for Russia.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    # not sending someone an invitation: the one not sent it is left out, not the sender
    ("Qatar has not sent them an invitation.", {}, []),
    ("Qatar has not sent Kabul an invitation.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # "I" in a quotation is its speaker ("I received an invitation")
    ("“I received an invitation to the talks,” Ghani said.", {"quotes": True},
     [(1, "Afghan government", "inclusion", "explicit")] * 2),
    # ... only an "I" right before the cue: a person's "I" further away is no side's voice
    ("“I want to be part of the talks and I said so,” Ghani said.", {"quotes": True}, []),
    # being against "their" attendance: not one's own
    ("Qatar and the Taliban were against their attendance at the talks.", {}, []),
])
def test_frame_classes_sixteenth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a seventeenth batch, from the blind istanbul misses, as general rules with made-up tests)
    # "neither … nor" before a titled name negates the inclusion cue after it
    ("Neither Qatar nor Russian President Vladimir Putin will attend the talks.", {}, [(1, "Russia", "exclusion", "explicit")]),
    # an everyday meeting word next to "separate" is not the talks
    ("Ghani, who arrived in Doha for a separate meeting with Qatar, spoke to reporters.", {"at_issue": ["Afghan government"]},
     []),
    ("Ghani arrived in Doha for talks with Qatar.", {"at_issue": ["Russia"]}, []),
    # hesitance or reluctance before taking part is not taking part
    ("Kabul's reluctance to attend the talks is clear.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # a "without" that belongs to an earlier cue ("without his involvement") does not turn a later one
    ("Trump said nothing would move without his involvement alongside Putin.", {"at_issue": ["Russia"]}, []),
    # a one-on-one meeting that names whom it excludes leaves out those named, not the other party
    ("Kyiv accused Russia of demanding a one-on-one meeting, excluding Qatar.", {}, [(1, "Qatar", "exclusion", "explicit")]),
    # "no plans for a meeting with X" leaves X out
    ("Putin's spokesman said there were no plans for a meeting with Washington.", {},
     [(1, "United States", "exclusion", "explicit")]),
    # engaging in the talks, with words between; arriving at the talks (not merely in a city)
    ("Kabul and the Taliban engaged in their first direct peace talks.", {},
     [(1, "Afghan government", "inclusion", "explicit"), (1, "Taliban", "inclusion", "explicit")]),
    ("The Afghan government delegation arrived at the talks on Monday.", {}, [(1, "Afghan government", "inclusion", "explicit")]),
    ("The Afghan government delegation arrived in Doha on Monday.", {}, []),
    # a meeting that drew diplomats from several sides includes each
    ("The conference drew diplomats from Russia, Kyiv and Doha.", {},
     [(1, "Qatar", "inclusion", "explicit"), (1, "Russia", "inclusion", "explicit"), (1, "Ukraine", "inclusion", "explicit")]),
    # heading up someone's team
    ("His deputy will head up Qatar's team at the talks.", {"at_issue": ["Qatar"]}, [(1, "Qatar", "inclusion", "explicit")]),
    # "our" in the cue is the quoted speaker's side
    ("“I decided to send our delegation to Doha,” Ghani said.", {"quotes": True},
     [(1, "Afghan government", "inclusion", "explicit")]),
])
def test_frame_classes_seventeenth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


def test_a_participle_in_a_headline_is_passive():
    """(sixteenth batch) "X excluded from …" and "if X excluded" in a headline: X is left out, not an actor after."""
    assert _frames("Kabul excluded from talks, Russia says") == [(0, "Afghan government", "exclusion", "explicit")]
    assert _frames("Talks to fail if Kabul excluded: Russia") == [(0, "Afghan government", "exclusion", "explicit")]


def test_absent_from_in_a_headline():
    assert _frames("Kabul Absent From Doha Talks") == [(0, "Afghan government", "exclusion", "explicit")]


def test_an_everyday_meeting_of_an_actor_declared_at_issue_is_inclusion():
    """An everyday meeting word ("met with") frames an actor the actors file declares at issue even where the
    article frames it nowhere else, unless the actor is one of the ``parties`` (their meetings are the talks'
    routine); without the declaration the article must put it at issue itself. A "with" that belongs to a
    finite verb after the meeting word names no one taking part; after a participle it does."""
    met = "Talks\n\nTrump met with Zelensky in Washington on Monday."
    assert _frames(met, ["Ukraine"]) == [(1, "Ukraine", "inclusion", "explicit")]
    assert _frames(met) == []  # nothing declared: the article does not put Ukraine's part at issue
    assert _frames("Talks\n\nTrump met with Ghani in Washington on Monday.", ["Afghan government"]) == []  # a party
    assert _frames("Talks\n\nThe renewed negotiations coincide with Ukraine buying more arms.", ["Ukraine"]) == []
    assert _frames("Talks\n\nThe talks ended with Kyiv's delegation walking out.", ["Ukraine"]) == []
    # after "any" the meeting is hypothetical
    assert _frames("Talks\n\nTrump wants a common stance before any talks with Zelensky.", ["Ukraine"]) == []
    assert _frames("Talks\n\nTrump wants a common stance before the talks with Zelensky.", ["Ukraine"]) == [
        (1, "Ukraine", "inclusion", "explicit")]
    assert _frames("Talks\n\nThe talks held with Kyiv lasted four hours.", ["Ukraine"]) == [
        (1, "Ukraine", "inclusion", "explicit")]
    # meeting one's counterpart is an everyday meeting
    assert _frames("Talks\n\nUkraine's foreign minister met her Russian counterpart in Geneva.", ["Ukraine"]) == [
        (1, "Ukraine", "inclusion", "explicit")]


@pytest.mark.parametrize("text,expected", [
    # a quoted side that does not know what goes on, or is the last to find out, is not informed (implicit)
    ("Ghani said: “We don't know what's going on.”", [(1, "Afghan government", "exclusion", "implicit")]),
    ("“The last people to find out are us,” Ghani said.", [(1, "Afghan government", "exclusion", "implicit")]),
    # ... not people described in a relative clause, nor a "we" elsewhere in the quotation
    # a passive cue with "we" / "I" in a quotation frames the speaker's side
    ("“We will not be sidelined,” Ghani said.", [(1, "Afghan government", "exclusion", "explicit")]),
    ("“I was blindsided,” Ghani said.", [(1, "Afghan government", "exclusion", "implicit")]),
    ("Ghani said: “We are led by people that don't know what's happening.”", []),
    ("Ghani said: “The people on the sidelines of society, we will help them.”", []),
])
def test_first_person_implicit_frames_bind_to_the_quoted_speaker(text, expected):
    assert _frames("Talks\n\n" + text, quotes=True) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (an eighteenth batch, from the blind budapest misses and false frames, as general rules with made-up tests)
    # a demand to be "around the table" or "at that table", with a word or a quotation mark before it
    ("Qatar and Kyiv must be ‘around the table’ at any talks.", {},
     [(1, "Qatar", "exclusion", "demand"), (1, "Ukraine", "exclusion", "demand")]),
    ("Then the Afghan government must also be at that table.", {}, [(1, "Afghan government", "exclusion", "demand")]),
    # a statement or readout that leaves an actor unmentioned, or sides that did not mention it in their statements
    ("Neither Doha nor Washington mentioned Kabul in their statements.", {},
     [(1, "Afghan government", "exclusion", "implicit")]),
    ("The joint statement made no mention of Kyiv.", {}, [(1, "Ukraine", "exclusion", "implicit")]),
    ("Trump never mentioned Kabul in his speech.", {}, []),  # a speech's rhetoric is no omission from the talks
    # a call for talks between the conflict's parties leaves neither out
    ("Washington is pushing for direct talks between the Taliban and Kabul.", {}, []),
    # the sides of a war are not the sides of the talks around it
    ("Qatar wants to advance talks on the war between the Taliban and Kabul at the summit of Putin and Trump.", {}, []),
    # not wanting someone to take part is a refusal, not a demand
    ("The Taliban did not want the Kabul delegation to participate in the talks.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # with the actors at issue declared, only they get frames of kind demand
    ("The process requires the involvement of the leaders of Russia and the United States.", {"at_issue": ["Ukraine"]}, []),
    ("The process requires the involvement of Kyiv.", {"at_issue": ["Ukraine"]}, [(1, "Ukraine", "exclusion", "demand")]),
    # whether someone will attend, however long the subject: no frame
    ("It was not clear whether Zelensky, who spoke to reporters in Kyiv late on Monday, would attend.",
     {"at_issue": ["Ukraine"]}, []),
    # bilateral ties are no talks format
    ("Russia will use the summit to discuss bilateral ties with Washington.", {}, []),
    # a separate meeting, with words between "separate" and the meeting word
    ("After a recent (and separate) tense meeting with Zelensky, Trump left.", {"at_issue": ["Ukraine"]}, []),
    # hearing about something in a quotation is no learning of the talks from the media
    ("“Moscow talks as soon as it hears about missiles,” Zelensky said on social media.", {"quotes": True}, []),
])
def test_frame_classes_eighteenth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a nineteenth batch, from the blind jeddah misses and false frames, as general rules with made-up tests)
    # a non-answer about "whether" frames an actor only when it is about taking part
    ("Doha did not say whether Trump would meet with Putin.", {}, []),
    ("Doha did not say whether Trump would prefer that Kabul face the Taliban.", {}, []),
    ("Doha did not say whether Kabul would attend the talks.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("Doha did not say whether the talks would include Kabul.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # ... a statement that leaves an actor unmentioned needs no participation word
    ("The joint statement made no mention of Kyiv.", {}, [(1, "Ukraine", "exclusion", "implicit")]),
    # a joint statement frames its makers only when they are of two sides or more
    ("Qatar and Doha officials issued a joint statement on Monday.", {"at_issue": ["Qatar"]}, []),
    ("Qatar and Washington issued a joint statement on Monday.", {"at_issue": ["Qatar", "United States"]},
     [(1, "Qatar", "inclusion", "explicit"), (1, "United States", "inclusion", "explicit")]),
    ("Qatar signed a joint declaration with Washington on Monday.", {"at_issue": ["Qatar", "United States"]},
     [(1, "Qatar", "inclusion", "explicit"), (1, "United States", "inclusion", "explicit")]),
    # being part of a framework, deal, agreement or settlement, and the demand for it
    ("Kabul insisted that Qatar be part of any final peace framework.", {}, [(1, "Qatar", "exclusion", "demand")]),
    ("Qatar will be part of the settlement.", {"at_issue": ["Qatar"]}, [(1, "Qatar", "inclusion", "explicit")]),
])
def test_frame_classes_nineteenth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a twentieth batch, from the blind singapore misses and false frames, as general rules with made-up tests)
    # a decision on the talks that surprised an actor: implicit exclusion, in its active and passive forms ...
    ("Trump's announcement of the meeting caught Kabul and Doha off guard.", {},
     [(1, "Afghan government", "exclusion", "implicit"), (1, "Qatar", "exclusion", "implicit")]),
    ("The decision came as a surprise to Kyiv.", {}, [(1, "Ukraine", "exclusion", "implicit")]),
    ("Kabul was surprised by the announcement.", {}, [(1, "Afghan government", "exclusion", "implicit")]),
    ("Officials in Kabul said they had no idea the deal was coming.", {},
     [(1, "Afghan government", "exclusion", "implicit")]),
    # ... only where the sentence names such a decision, and not when denied
    ("The offensive caught Kyiv off guard.", {}, []),
    ("Kabul was not surprised by the announcement.", {}, []),
    # left in the dark by someone; kept in the background; outflanked
    ("Washington will leave Kabul in the dark.", {}, [(1, "Afghan government", "exclusion", "implicit")]),
    ("Doha is likely to remain in the background.", {}, [(1, "Qatar", "exclusion", "explicit")]),
    ("Qatar fears being outflanked by Washington.", {}, [(1, "Qatar", "exclusion", "explicit")]),
    # the subject of a passive gerund is the clause's subject, not a name before it in a relative clause, and
    # not the object of the finite verb before the gerund
    ("Kabul, which relied on Washington for years, has been absent from the talks.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    ("With talks between Trump and Putin set for Friday, Kyiv sees a risk of being sidelined.", {},
     [(1, "Ukraine", "exclusion", "explicit")]),
    # a pronoun inside a subject cue stands for an earlier actor, not the clause's first
    ("Washington's objection to any Taliban role, and the doubts of Qatar, kept them out of the talks.", {},
     [(1, "Taliban", "exclusion", "explicit")]),
    # a meeting only hoped for frames no one; the hope to take part is a demand
    ("Kyiv hopes to hold talks with Putin.", {"at_issue": ["Ukraine"]}, []),
    ("Qatar expressed a desire to participate in the talks.", {}, [(1, "Qatar", "exclusion", "demand")]),
    ("Qatar appealed for a role in the talks.", {}, [(1, "Qatar", "exclusion", "demand")]),
    ("Qatar and Kyiv were eager to have a role in the summit.", {},
     [(1, "Qatar", "exclusion", "demand"), (1, "Ukraine", "exclusion", "demand")]),
    # "their bilateral summit" is between every side its subject names; the source reporting it is no side
    ("Washington and the Taliban will hold their bilateral summit on Friday, an official in Kabul said.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # a conditional taking part is not reported as happening, an aside between the "if" and the cue included
    ("Doha would boycott the talks if Kabul, which Doha calls illegitimate, is at the table.", {},
     [(1, "Qatar", "exclusion", "explicit")]),
])
def test_frame_classes_twentieth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a twenty-first batch, from the blind congo misses and false frames, as general rules with made-up tests)
    # nouns of absence: non-participation, an omission (not the omission of a thing)
    ("The Taliban's non-participation leaves the talks hollow.", {}, [(1, "Taliban", "exclusion", "explicit")]),
    ("Doubts over Kabul omission from the deal grew.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("The plan's omission of security guarantees for Ukraine worried Kyiv.", {}, []),
    # neither present nor …; no one from an actor at the meeting (not no one from it commenting on one)
    ("Kabul was neither present nor bound by the accord.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("There was no one from Kabul at the summit in Doha.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("No one from Kabul commented on the summit.", {}, []),
    # learning of a decision from the media: implicit exclusion; not from a press conference
    ("Kabul learned about the deal on social media.", {}, [(1, "Afghan government", "exclusion", "implicit")]),
    ("Kabul learned about the deal at a press conference in Doha.", {}, []),
    # not intending to recognise an actor as a negotiating partner (not a refusal to recognise a result)
    ("Kabul does not intend to recognize the Taliban as a negotiating partner.", {},
     [(1, "Taliban", "exclusion", "explicit")]),
    ("Kabul does not recognize the Taliban victory.", {}, []),
    # an aside opened by an adverb and a participle is not the subject; a dateline is no actor
    ("The Taliban, reportedly backed by Qatar, said they had not received an invitation to the talks.", {},
     [(1, "Taliban", "exclusion", "explicit")]),
    ("Kabul — Ukraine was not invited to the talks.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    # talks between two parties rejected by someone else leave neither party out
    ("The Russian envoy rejected the talks between Kabul and the Taliban.", {}, []),
])
def test_frame_classes_twenty_first_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,expected", [
    # (a twenty-second batch, from made-up sentences in the style of the bundled story's later rounds, as general
    # rules; the reserved events' articles were not read)
    # "without its participation": the nearest body before the pronoun is left out
    ("Kyiv said it would reject any deal reached without its participation.", [(1, "Ukraine", "exclusion", "explicit")]),
    # leaving out X (active, the object after it); pushed / moved to the sidelines; sidestepping a named actor
    ("Washington and Russia held talks in Doha, leaving out Kabul.", [(1, "Afghan government", "exclusion", "explicit")]),
    ("Kabul has been pushed to the sidelines.", [(1, "Afghan government", "exclusion", "explicit")]),
    ("The proposal sidesteps Kabul.", [(1, "Afghan government", "exclusion", "explicit")]),
    ("The envoy sidestepped questions about Kabul.", []),
    # on the menu rather than at the table: excluded, and the table is not an inclusion
    ("Kabul risks being on the menu rather than at the table.", [(1, "Afghan government", "exclusion", "explicit")]),
    # "nor any …" coordinates
    ("Neither the Taliban nor any Kabul officials were represented at the meeting.",
     [(1, "Afghan government", "exclusion", "explicit"), (1, "Taliban", "exclusion", "explicit")]),
    # kept out of an alliance, or not invited to join one, is not kept out of talks
    ("The plan would permanently exclude Kyiv from NATO.", []),
    ("Kyiv was not invited to join NATO at the summit.", []),
    ("Kyiv was excluded from the talks in Doha.", [(1, "Ukraine", "exclusion", "explicit")]),
    # "an updated framework after talks" informs no one afterwards; "briefed after the talks" does
    ("Washington and Kabul agreed on an updated framework after talks in Doha.", []),
    ("Kabul was briefed after the talks.", [(1, "Afghan government", "exclusion", "implicit")]),
    # presented to someone as a fait accompli: the recipient (implicit)
    ("The deal was presented to Ghani as a fait accompli.", [(1, "Afghan government", "exclusion", "implicit")]),
    # "did not know what X would be doing at the table" reports no one taking part
    ("Ghani said he did not know what Kabul would be doing at the negotiating table.", []),
    # saying one will not negotiate / talk with an actor leaves it out (not the one refusing)
    ("Washington said it would not negotiate with the Taliban.", [(1, "Taliban", "exclusion", "explicit")]),
    ("The Taliban are not willing to talk directly with Kabul.", [(1, "Afghan government", "exclusion", "explicit")]),
])
def test_frame_classes_twenty_second_batch(text, expected):
    assert sorted(_frames("Talks\n\n" + text)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a twenty-third batch: the classes the blind manama corpus missed, written as made-up sentences of other
    # stories; each with a case it must not take)
    # cold-shouldered (passive, with "from"), given / getting the cold shoulder
    ("Kabul officials say they have been cold-shouldered from the talks in Doha.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    ("Washington gave Kabul the cold shoulder.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("Kabul got the cold shoulder at the summit.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # boycotting a workshop, forum or event, and the passive "boycotted by"; not a boycott of goods
    ("The Afghan government boycotted the workshop in Doha.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("The forum was boycotted by the Taliban.", {}, [(1, "Taliban", "exclusion", "explicit")]),
    ("The Taliban boycotted Afghan goods.", {}, []),
    # a gathering lacking an actor's delegations; not any lack
    ("The gathering in Doha lacks official Kabul or Taliban delegations.", {},
     [(1, "Afghan government", "exclusion", "explicit"), (1, "Taliban", "exclusion", "explicit")]),
    ("The country lacks oil.", {}, []),
    # "there was no X representative"; not "there was no doubt"
    ("There was no Afghan government representative.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("There was no doubt that Kabul would object.", {}, []),
    # "… but no (government) officials": the side named after "no", else the sender
    ("Kabul would send businessmen but no government officials.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    ("Washington invited businessmen but no Kabul officials.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # yet to see / not shown the draft (implicit)
    ("Kabul had yet to see a draft of the agreement.", {}, [(1, "Afghan government", "exclusion", "implicit")]),
    ("Ghani has not been shown the plan.", {}, [(1, "Afghan government", "exclusion", "implicit")]),
    # the lack of X's involvement is exclusion, not inclusion
    ("The plan is likely to fail given the lack of Afghan government involvement.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # whoever might take part takes no part; a side's journalists are not the side
    ("Any Kabul official who would take part would be a traitor.", {"at_issue": ["Afghan government"]}, []),
    ("Kabul journalists were allowed to attend the talks.", {"at_issue": ["Afghan government"]}, []),
    ("Kabul officials were allowed to attend the talks.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "inclusion", "explicit")]),
    # represented at a workshop
    ("Kabul will be represented at the workshop in Doha.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "inclusion", "explicit")]),
])
def test_frame_classes_twenty_third_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,kw,expected", [
    # (a twenty-fourth batch: the classes the blind normandy corpus missed, scored with the bundled actors file;
    # made-up sentences of another story, each class with a case it must not take)
    # not joining / ready to join a process, with no one after the verb: its subject
    ("Washington is not willing to join the Doha process.", {}, [(1, "United States", "exclusion", "explicit")]),
    ("Washington won't join the Doha process.", {}, [(1, "United States", "exclusion", "explicit")]),
    ("Kabul is ready to join the negotiations.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "exclusion", "demand")]),
    # ... but not those refusing to allow someone else to join
    ("Kabul did not attend the talks since Qatar and Russia have refused to allow them join the discussions.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # efforts to involve an actor in the talks: a demand; refusing to allow it in, or to add it to the talks
    ("Kabul will do everything possible to involve Washington in the talks.", {"at_issue": ["United States"]},
     [(1, "United States", "exclusion", "demand")]),
    ("Qatar and Russia refused to allow Washington in.", {}, [(1, "United States", "exclusion", "explicit")]),
    ("Qatar rejected a proposal to add Kabul to the talks.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # ruling out a dialogue with someone leaves that side out, not the one ruling it out
    ("The Taliban rule out engaging in a direct dialogue with the Afghan government.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # intending to invite, or reports suggesting someone might take part, are no demands
    ("Trump said he intends to invite Ghani to the White House.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "inclusion", "explicit")]),
    ("A lasting peace is only possible with Kabul at the negotiating table.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "exclusion", "demand")]),
])
def test_frame_classes_twenty_fourth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


def test_a_headline_participle_before_in_is_passive_and_us_is_no_pronoun():
    # "X Sidelined in US-Y Talks": the name right before the participle is framed; "US" is the country, not "us"
    assert _frames("Kabul Sidelined in US-Taliban Talks\n\nThe talks began on Monday.") == \
        [(0, "Afghan government", "exclusion", "explicit")]


def test_a_headline_of_no_officials_invited_frames_them_as_passive():
    # "No X officials invited to …": the participle right after the "no" subject is passive (no auxiliary)
    assert _frames("No Afghan government officials invited to Doha talks\n\nThe talks began on Monday.") == \
        [(0, "Afghan government", "exclusion", "explicit")]
    assert _frames("Kabul cold-shouldered from Doha talks\n\nThe talks began on Monday.") == \
        [(0, "Afghan government", "exclusion", "explicit")]


def test_a_quoted_speakers_own_body_unnamed_is_the_speakers_side():
    # “The government was not consulted,” Ghani said: his government (the clause opens with the body)
    assert _frames("Talks\n\n“The government was not consulted about the talks,” Ghani said.", quotes=True) == \
        [(1, "Afghan government", "exclusion", "implicit")]
    # in the journalist's voice no one is named
    assert _frames("Talks\n\nThe government was not consulted about the talks.") == []


@pytest.mark.parametrize("text,kw,expected", [
    # (a twenty-fifth batch: the classes the blind paris corpus missed, scored with the bundled actors file;
    # made-up sentences of another story, each class with a case it must not take)
    # leaving someone on the sidelines: whom it leaves there
    ("The two tracks appeared to leave Kabul on the sidelines.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # "with X now fully involved": X takes part; involved in the war is no taking part
    ("Qatar said that was no longer the case, with Kabul now fully involved in the process.",
     {"at_issue": ["Afghan government"]}, [(1, "Afghan government", "inclusion", "explicit")]),
    ("Officials said, with Kabul involved in the war, no talks could start.", {"at_issue": ["Afghan government"]}, []),
    # several sides coming together, or talks held between a list of them
    ("For the first time, the Taliban, the Americans and Kyiv came together.", {"at_issue": ["Ukraine"]},
     [(1, "Ukraine", "inclusion", "explicit")]),
    # (a party's everyday meeting is routine, as with every at_issue cue)
    ("For the first time, the Taliban, the Americans and Kabul came together.", {"at_issue": ["Afghan government"]}, []),
    ("Ghani urged the nation to come together to support the army.", {"at_issue": ["Afghan government"]}, []),
    ("Qatar praised talks held between Kyiv, Russia, and the United States.",
     {"at_issue": ["Ukraine"]}, [(1, "Ukraine", "inclusion", "explicit")]),
    # ... but two sides meeting are the "talks between the parties" cue's, not this list's
    ("Qatar praised talks held between Washington and Kabul.", {"at_issue": ["Afghan government"]}, []),
    # joining another side's officials for meetings: both take part
    ("Taliban envoys joined other senior Afghan government officials for hours of separate meetings.",
     {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "inclusion", "explicit")]),
    # a negotiation framed as mainly between two others leaves the parties out
    ("Trump framed the deal as a negotiation primarily between Washington and the Taliban.", {},
     [(1, "Afghan government", "exclusion", "explicit")]),
    # around the same table
    ("Kabul is now discussing peace around the same table.", {"at_issue": ["Afghan government"]},
     [(1, "Afghan government", "inclusion", "explicit")]),
])
def test_frame_classes_twenty_fifth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


RU_OUT = "Russia was not invited to the conference. "  # an article that itself says Russia is kept out
GA = {"at_issue": ["Afghan government"]}


@pytest.mark.parametrize("text,kw,expected", [
    # (a twenty-sixth batch, from the blind burgenstock misses and false frames, as general rules with made-up tests)
    # a demand for an actor not declared at issue counts where the article says that actor is kept out ...
    (RU_OUT + "Qatar says the process must include Russia.", GA,
     [(1, "Russia", "exclusion", "explicit"), (2, "Russia", "exclusion", "demand")]),
    (RU_OUT + "The signatories are in favor of involving Russia in future consultations.", GA,
     [(1, "Russia", "exclusion", "explicit"), (2, "Russia", "exclusion", "demand")]),
    # ... and a possible taking part called for is a demand, not a hypothesis
    (RU_OUT + "Qatar pointed to a need for Russia’s eventual participation.", GA,
     [(1, "Russia", "exclusion", "explicit"), (2, "Russia", "exclusion", "demand")]),
    ("Russia’s eventual participation remains unclear.", {}, []),
    # not among those invited, welcomed or attending
    ("Qatar invited dozens of delegations, but Russia is not among them.", {}, [(1, "Russia", "exclusion", "explicit")]),
    ("Russia is not among the dozens of nations invited.", {}, [(1, "Russia", "exclusion", "explicit")]),
    ("Russia is not among them.", {}, []),
    # invited only on a condition
    ("Russia would only be invited if it agreed to the terms.", {}, [(1, "Russia", "exclusion", "explicit")]),
    # there is no X here
    ("There is no Russia here today.", {}, [(1, "Russia", "exclusion", "explicit")]),
    # "but not X" / "but no X" after those gathered, counted or named as a group
    ("Officials from some 40 countries – but not Russia – will draft the principles.", {},
     [(1, "Russia", "exclusion", "explicit")]),
    ("World leaders join the summit - but no Russia or Ukraine", {},
     [(1, "Russia", "exclusion", "explicit"), (1, "Ukraine", "exclusion", "explicit")]),
    ("Leaders praised the plan but not Russia’s role in it.", {}, []),
    # one side meeting many others one by one leaves no party out
    ("The Afghan government held bilateral talks with envoys from more than 30 states.", {}, []),
    ("Kabul held many bilateral meetings in Doha.", {}, []),
    ("Kabul held bilateral talks with Washington.", {}, [(1, "Taliban", "exclusion", "explicit")]),
    # a refusal not ruled out is none
    ("Putin does not rule out negotiating with Kabul.", {}, []),
    ("Putin rules out negotiating with Kabul.", {}, [(1, "Afghan government", "exclusion", "explicit")]),
    # the subject of a taking part is a name of no actor right before it, or outside a long relative clause
    ("Kabul was striving to have China attend the talks.", {}, []),
    ("China, which says it is neutral but has been criticised for refusing to condemn the invasion of Ukraine, "
     "announced it would participate in the talks.", {}, []),
    # a common noun's relative clause in a quotation is not the speaker's side
    ("“We will work with all countries and colleagues who are interested in taking part,” Ghani said.",
     {"quotes": True}, []),
])
def test_frame_classes_twenty_sixth_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


UA = {"at_issue": ["Ukraine"]}


@pytest.mark.parametrize("text,kw,expected", [
    # (a twenty-seventh batch, from the blind witkoff misses and false frames, as general rules with made-up tests)
    # a taking part on a condition is asked for: exclusion, kind demand (an everyday meeting only when it adds someone)
    ("Trump will only meet with Putin if Putin also meets with Zelensky.", {}, [(1, "Ukraine", "exclusion", "demand")]),
    ("Trump said he would meet Putin only if the Russian leader also met with Zelensky.", {},
     [(1, "Ukraine", "exclusion", "demand")]),
    ("The deal can hold only if Kabul takes part.", {}, [(1, "Afghan government", "exclusion", "demand")]),
    ("Qatar will sign unless Kabul is at the table.", {}, [(1, "Afghan government", "exclusion", "demand")]),
    ("Progress is only possible if Trump meets with Putin in person.", {}, []),
    ("He asked if Kabul would take part.", {}, []),
    # a taking part doubted (its format or need questioned) is an exclusion; one questioned, asked about or uncertain
    # frames no one (no inclusion)
    ("Washington cast doubt on Kyiv's participation in the talks.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    ("Russia questioned the format with Zelensky's participation.", {}, [(1, "Ukraine", "exclusion", "explicit")]),
    ("Russia questions Ukraine's involvement in the grain trade.", {}, []),
    ("Reporters questioned Trump about Ukraine's participation.", {}, []),
    ("Zelensky expressed uncertainty about his attendance at the talks.", {}, []),
    # "without X or Y being involved": the long subject of an absolute construction is left out
    ("Kyiv fears a deal on the war without Ukraine or Qatar's envoys being involved.", {},
     [(1, "Qatar", "exclusion", "explicit"), (1, "Qatar", "exclusion", "explicit"),
      (1, "Ukraine", "exclusion", "explicit"), (1, "Ukraine", "exclusion", "explicit")]),
    # a funeral, a wedding or a parade attended is no talks
    ("Zelensky was expected to attend the funeral in Rome.", {}, []),
    ("Zelensky attended the talks in Doha.", {}, [(1, "Ukraine", "inclusion", "explicit")]),
    # an everyday meeting held to brief those it names, or the meeting a briefing is about, includes no one
    ("Trump will hold a video conference with officials from Ukraine and Qatar to brief them on his meeting with Putin.",
     UA, []),
    ("Trump held a call with Zelensky and told them about the plan.", UA, []),
    ("Trump held a video conference with Zelensky on the ceasefire.", UA, [(1, "Ukraine", "inclusion", "explicit")]),
    # a press conference alongside someone is a joint appearance, not a seat at the talks
    ("Zelensky gave a press conference alongside Qatar's emir.", {"at_issue": ["Qatar"]}, []),
    ("Zelensky sat alongside Qatar's emir at the talks.", {"at_issue": ["Qatar"]}, [(1, "Qatar", "inclusion", "explicit")]),
])
def test_frame_classes_twenty_seventh_batch(text, kw, expected):
    assert sorted(_frames("Talks\n\n" + text, **kw)) == expected


@pytest.mark.parametrize("text,expected", [
    # (a twenty-eighth batch, from the blind g8 misses and false frames, as general rules with made-up tests)
    # removed from a forum: expelled, suspended, removed, kicked or wanted out of a group, talks or summit ...
    ("Russia was expelled from the G8 in 2014.", [(1, "Russia", "exclusion", "explicit")]),
    ("Kabul's expulsion from the talks angered Doha.", [(1, "Afghan government", "exclusion", "explicit")]),
    ("Obama wanted Russia out of the group.", [(1, "Russia", "exclusion", "explicit")]),
    ("Trump says it was a mistake to have removed Russia from the G8.", [(1, "Russia", "exclusion", "explicit")]),
    # ... not from a country, a match or power
    ("Washington expelled diplomats from Russia.", []),
    ("The coach was suspended from the match.", []),
    # a return asked for is a demand: readmitted, let or wanted back in, "should be in this meeting"
    ("Trump moved to readmit Russia.", [(1, "Russia", "exclusion", "demand")]),
    ("They should let Russia come back in, because it matters.", [(1, "Russia", "exclusion", "demand")]),
    ("Trump wants Russia back at G7 summits.", [(1, "Russia", "exclusion", "demand")]),
    ("Russia should be in this meeting.", [(1, "Russia", "exclusion", "demand")]),
    ("Russia was in the meeting on Monday.", [(1, "Russia", "inclusion", "explicit")]),
    ("He wants Kabul back in power.", []),
    ("Putin brought the troops back to Russia.", []),
    # an invitation no consensus or agreement was reached on did not happen
    ("Leaders were unable to reach consensus on inviting Russia.", [(1, "Russia", "exclusion", "explicit")]),
    ("Qatar could not agree on inviting Kabul.", [(1, "Afghan government", "exclusion", "explicit")]),
    ("Qatar agreed on inviting Kabul.", [(1, "Afghan government", "inclusion", "explicit")]),
    # an invitation criticised is an exclusion; one it is "better" to make is asked for
    ("Qatar criticized the proposal to invite Russia.", [(1, "Russia", "exclusion", "explicit")]),
    ("It is better to invite Kabul to the next meeting.", [(1, "Afghan government", "exclusion", "demand")]),
    # a possessive after a preposition, words before the cue, owns something else: not the subject of the taking part
    ("Leaders reaffirmed support for Kabul's territorial integrity and said they would not attend the summit.", []),
    ("Experts said the wording of Trump's policy was too ambiguous to determine who could participate.", []),
    ("Qatar pointed to a need for Russia's eventual participation.", [(1, "Russia", "exclusion", "demand")]),
])
def test_frame_classes_twenty_eighth_batch(text, expected):
    assert sorted(_frames("Talks\n\n" + text)) == expected


def test_a_plan_drafted_by_two_sides_leaves_the_parties_out():
    # a plan drawn up, hashed out or negotiated behind closed doors by two sides: the party not among them (implicit)
    assert _frames("Talks\n\nThe plan was drawn up by Washington and Taliban officials.") == \
        [(1, "Afghan government", "exclusion", "implicit")]
    assert _frames("Talks\n\nWashington and the Taliban hashed out the framework in secret.") == \
        [(1, "Afghan government", "exclusion", "implicit")]
    # not any text two people wrote
    assert _frames("Talks\n\nThe letter was written by Ghani and sent to Trump.") == []
    # with the actors at issue named, only they are left out by such a one-sided format (not the Taliban here)
    assert _frames("Talks\n\nThe framework was drafted by Kabul and Washington in Doha.",
                   at_issue=["Afghan government"]) == []
    assert _frames("Talks\n\nThe framework was drafted by Kabul and Washington in Doha.") == \
        [(1, "Taliban", "exclusion", "implicit")]
