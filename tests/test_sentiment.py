import pytest

from analysis.measures.sentiment import normalise_for_lexicon, target_scope, textblob_scores
from conftest import SEED


def test_textblob_fixes_for_news_text():
    from textblob import TextBlob
    assert TextBlob("isn’t a bad idea").sentiment.polarity < 0           # the raw failure
    assert textblob_scores("isn’t a bad idea")[0] == pytest.approx(0.35)
    assert TextBlob("not the best plan").sentiment.polarity == 1.0      # the raw failure
    assert textblob_scores("not the best plan")[0] == pytest.approx(-0.5)
    assert normalise_for_lexicon("It wasn’t the worst") == "It was not worst"


def test_window_removes_targets_and_named_entities():
    s = "The United States said Russia gave a great offer to Great Britain today."
    words = target_scope(s, [(23, 29)], [(4, 17)], 3).words
    assert words == ["said", "gave", "a", "great"]


def _row(tables, seed, sid, actor, method="textblob"):
    s = tables["sentiment"]
    r = s[(s["article_id"] == SEED[seed]) & (s["sentence_id"] == sid) & (s["actor"] == actor) & (s["method"] == method)]
    assert len(r) == 1
    return r.iloc[0]


def test_zelensky_not_pleasant_is_negative_toward_the_us(tables):
    # 001 sentence 10: Zelensky said it was “not pleasant” that Trump first called Putin ...
    for method in ("textblob", "vader"):
        assert _row(tables, "001", 10, "United States", method)["label"] == "negative"


def test_kallas_on_ukraines_integrity_is_positive(tables):
    # 002 sentence 15: Kallas: “Ukraine’s independence and territorial integrity are unconditional.”
    r = _row(tables, "002", 15, "Ukraine", "vader")
    assert r["polarity"] > 0 and r["label"] == "positive" and r["voice"] == "quoted"


def test_window_without_cues_is_missing_not_neutral(tables):
    s = tables["sentiment"]
    tb = s[s["method"] == "textblob"]
    none = tb[tb["n_cues"] == 0]
    assert len(none) > 0 and none["polarity"].isna().all() and (none["label"] == "").all()


def test_two_actors_in_one_sentence_get_their_own_rows(tables):
    s = tables["sentiment"]
    r = s[(s["article_id"] == SEED["001"]) & (s["sentence_id"] == 10) & (s["method"] == "textblob")]
    assert sorted(r["actor"]) == ["Russia", "Ukraine", "United States"]


def test_lexicon_methods_load_without_nltk_or_scipy():
    """TextBlob's scorer is loaded without the package __init__ (NLTK, SciPy: about 1 s of start-up);
    the scores are TextBlob's own, and a later full `import textblob` still works."""
    import subprocess
    import sys
    code = ("import sys\n"
            "from analysis.measures.sentiment_lexicons import textblob_scores, vader_score, lexicon_hits\n"
            "t = 'The talks were a terrible failure, but the ceasefire is a very good sign.'\n"
            "p = textblob_scores(t); vader_score(t); lexicon_hits(['good'], 'textblob')\n"
            "heavy = sorted(m for m in ('nltk', 'scipy', 'textblob') if m in sys.modules)\n"
            "from textblob import TextBlob\n"
            "print(heavy, p == tuple(TextBlob(t).sentiment))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] True"


def test_sentiment_items_of_annotated_articles(tmp_path):
    """evaluate sentiment on the sidelining layout: the snippet's sentence, every mention of the actor in it as
    targets, the other actors' mentions left out; items that cannot be scored are named with the reason."""
    import json
    from analysis.newsmtsc import load_article_targets
    arts = tmp_path / "c" / "articles"
    arts.mkdir(parents=True)
    (arts / "a1.txt").write_text("Talks\n\nKyiv praised Moscow. Kyiv and Kyiv again. The weather was fine.",
                                 encoding="utf-8")
    (tmp_path / "c" / "metadata.csv").write_text("id,outlet,date,path\na1,O1,2025-01-01,articles/a1.txt\n",
                                                 encoding="utf-8")
    (tmp_path / "actors.yml").write_text("actors:\n  Russia: {aliases: [Moscow]}\n  Ukraine: {aliases: [Kyiv]}\n",
                                         encoding="utf-8")
    gold = {"articles": {"a1": {"sentiment": [
        {"snippet": "Kyiv praised Moscow", "actor": "Russia", "label": "positive"},
        {"snippet": "Kyiv and Kyiv again", "actor": "Ukraine", "label": "neutral"},
        {"snippet": "The weather was fine", "actor": "Russia", "label": "neutral"},
        {"snippet": "not in the text", "actor": "Russia", "label": "neutral"}]}}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    targets, skipped = load_article_targets(tmp_path / "gold.json", tmp_path / "c", tmp_path / "actors.yml")
    assert [(t["sentence"], t["spans"], t["others"], t["label"]) for t in targets] == [
        ("Kyiv praised Moscow.", [(13, 19)], [(0, 4)], "positive"),
        ("Kyiv and Kyiv again.", [(0, 4), (9, 13)], [], "neutral")]
    assert skipped == ["a1 sentiment[2]: no mention of Russia in its sentence",
                       "a1 sentiment[3]: snippet not found in the cleaned text"]


@pytest.mark.parametrize("text,none", [
    ("the delegation arrived in the capital on Monday", True),
    ("NATO’s summit", True),
    ("a good deal", False),          # a word of both lexicons
    ("the 21st round", False),       # "21st" is a TextBlob entry
    ("no", False),                   # a VADER entry
    ("they won’t sign", False),      # "won't" after the fixes: the check errs on the side of scoring
    ("we met :)", False),            # an emoticon
    ("peace (!)", False),            # TextBlob's irony mark
])
def test_windows_no_lexicon_can_score_are_zero_without_scoring(text, none):
    """The trained model's lexicon features skip TextBlob and VADER for a window neither lexicon can score:
    only where both would give exactly 0."""
    from analysis.measures.sentiment_lexicons import no_lexicon_word, textblob_scores, vader_score
    assert no_lexicon_word(text) is none
    if none:
        assert textblob_scores(text) == (0.0, 0.0) and vader_score(text) == 0.0
