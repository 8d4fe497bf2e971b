import pytest

from analysis.actors import parse_actors
from analysis.errors import ConfigError
from analysis.text import paragraphs, quote_spans, sentences
from conftest import SEED


def split(text):
    return [text[s:e] for _, s, e in sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("Sen. Warren met Mr. Smith in the U.S. Senate on Jan. 5. It rained.",
     ["Sen. Warren met Mr. Smith in the U.S. Senate on Jan. 5.", "It rained."]),
    ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
    ("He talked with the U.S. The next day he left.", ["He talked with the U.S.", "The next day he left."]),
    ("“It was discussed. I cannot give details,” Ushakov told reporters. He left.",
     ["“It was discussed.", "I cannot give details,” Ushakov told reporters.", "He left."]),
    ("They called it “positive in tone.” The talks went on.", ["They called it “positive in tone.”", "The talks went on."]),
    ("Is it over? “No!” he said.", ["Is it over?", "“No!” he said."]),
])
def test_sentence_splitter(text, expected):
    assert split(text) == expected


def test_sentences_never_cross_paragraphs():
    body = "First para ends without stop\n\nSecond para. Third sentence."
    assert [p_idx for p_idx, _, _ in sentences(body)] == [0, 1, 1]
    assert [(body[s:e]) for s, e in paragraphs(body)] == ["First para ends without stop", "Second para. Third sentence."]


def test_quote_spans_over_paragraphs_and_unbalanced():
    body = "“First part of it.\n\n“Second part,” he said.\n\nA stray ” mark and an “open one"
    spans = quote_spans(body)
    assert [body[s.start:s.end] for s in spans] == ["First part of it.", "Second part,", "open one"]
    assert spans[1].continues and not spans[0].closed and not spans[2].closed


def test_an_inch_mark_opens_no_quotation():
    """A straight double mark right after a digit is an inch or seconds mark (6'3" tall), not an opening
    quotation mark; a quotation that ends on a digit still closes."""
    body = 'He is 6\'3" tall and weighs 236 pounds. "The year was 1984" he said, and "it was cold."'
    assert [body[s.start:s.end] for s in quote_spans(body)] == ["The year was 1984", "it was cold."]


def test_single_quotes_in_headline():
    h = "Russia says US 'our main counterpart' in peace talks, sidelining Ukraine"
    assert [h[s.start:s.end] for s in quote_spans(h)] == ["our main counterpart"]


def find(actors, text):
    return [(m["text"], m["actor"], m["person"]) for m in actors.find(text)]


def test_matching_rules(actors):
    assert find(actors, "Let us talk to the US and U.S. officials") == [("US", "United States", ""), ("U.S.", "United States", "")]
    assert find(actors, "Ukraines potential, Putins words and Moscows claims") == [
        ("Ukraine", "Ukraine", ""), ("Putin", "Russia", "Vladimir Putin"), ("Moscow", "Russia", "")]
    assert find(actors, "a bilateral Russian-American track") == [("Russian", "Russia", ""), ("American", "United States", "")]
    assert find(actors, "The White House and the KREMLIN") == [("White House", "United States", ""), ("KREMLIN", "Russia", "")]
    assert find(actors, "Zelenskyy, Zelenskiy and Zelensky; Gnatov") == [
        ("Zelenskyy", "Ukraine", "Volodymyr Zelensky"), ("Zelenskiy", "Ukraine", "Volodymyr Zelensky"),
        ("Zelensky", "Ukraine", "Volodymyr Zelensky"), ("Gnatov", "Ukraine", "Andriy Hnatov")]
    assert find(actors, "Ukraine’s and Europe's role") == [("Ukraine", "Ukraine", ""), ("Europe", "Europe", "")]


def test_a_newspaper_named_after_a_place_is_no_mention():
    from analysis.actors import parse_actors
    actors = parse_actors({"actors": {"United States": {"aliases": ["Washington"]}, "Ukraine": {"aliases": ["Kyiv"]}}})
    found = [(m["text"], m["actor"]) for m in actors.find(
        "The Washington Post and the Kyiv Independent reported that Washington called Kyiv.")]
    assert found == [("Washington", "United States"), ("Kyiv", "Ukraine")]
    assert [m["start"] for m in actors.find("The Washington Post and the Kyiv Independent reported that Washington "
                                             "called Kyiv.")] == [59, 77]


@pytest.mark.parametrize("data,needle", [
    ({"actors": {"A": {"aliases": ["X"], "colour": "red"}}}, "actor 'A': unknown key 'colour'"),
    ({"actors": {"A": {"aliases": ["X"]}, "B": {"aliases": ["X"]}}}, "actor 'B' aliases: alias 'X' is already claimed by A/"),
    ({"actors": {"A": None}}, "actor 'A': is empty"),
    ({"actors": {"A": {"people": [{"name": "Jo Doe", "rol": "x"}]}}}, "people[0]: unknown key 'rol'"),
    ({"actors": {"A": {"aliases": ["X"]}}, "parties": ["B"]}, "parties: 'B' is not an actor"),
    ({"actors": {"A": {"aliases": ["X"]}}, "at_issue": ["B"]}, "at_issue: 'B' is not an actor"),
    ({"actor": {}}, "top level: unknown key 'actor'"),
])
def test_actor_file_validation(data, needle):
    with pytest.raises(ConfigError) as err:
        parse_actors(data, "my.yml")
    assert str(err.value).startswith("my.yml: ") and needle in str(err.value)


# mentions per actor per article, counted by hand from the seed texts (headline included)
MENTIONS = {
    ("004", "Ukraine"): 10, ("004", "Russia"): 19, ("004", "United States"): 5, ("004", "NATO"): 1,
    ("004", "Europe"): 4, ("001", "Ukraine"): 13, ("000", "NATO"): 2, ("003", "NATO"): 6,
}


@pytest.mark.parametrize("key", sorted(MENTIONS))
def test_mention_counts(tables, key):
    seed, actor = key
    m = tables["mentions"]
    assert ((m["article_id"] == SEED[seed]) & (m["actor"] == actor)).sum() == MENTIONS[key]


def test_offsets_hold_for_every_sentence_and_mention(tables):
    arts = tables["articles"].set_index("article_id")
    for t in ("sentences", "mentions"):
        for r in tables[t].itertuples():
            a = arts.loc[r.article_id]
            text = a["headline"] if r.section == "headline" else a["body"]
            assert text[r.start:r.end] == r.text
