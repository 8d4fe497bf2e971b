"""evaluate framing: recall and precision against sentence-level gold, by hand on a two-article corpus."""
import json

import pytest

from analysis.evaluate_framing import score_corpus, spearman, summary
from conftest import ROOT

ACTORS = """parties: [Russia, Ukraine]
actors:
  Russia: {aliases: [Russia, Moscow]}
  Ukraine: {aliases: [Ukraine, Kyiv]}
  Europe: {aliases: [Europe, European]}
"""


def test_scores_by_hand(tmp_path):
    arts = tmp_path / "c" / "articles"
    arts.mkdir(parents=True)
    # a1: sentence 1 sidelines Kyiv (found); sentence 2 leaves Ukraine and Europe out (coordinated, both found)
    (arts / "a1.txt").write_text("Talks begin\n\nThe deal sidelines Kyiv. Ukraine and Europe were left out of "
                                 "the meeting. The weather was fine. Moscow was sidelined too.", encoding="utf-8")
    # a2: an exclusion the lexicon cannot see (a miss), and an optional one it finds (left out of both)
    (arts / "a2.txt").write_text("Summit\n\nMoscow spoke to Washington alone. Ukraine was sidelined again.",
                                 encoding="utf-8")
    (tmp_path / "c" / "metadata.csv").write_text("id,outlet,date,path\na1,O1,2025-01-01,articles/a1.txt\n"
                                                 "a2,O2,2025-01-02,articles/a2.txt\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text(ACTORS, encoding="utf-8")
    gold = {"articles": {
        "a1": {"sidelining": [{"snippet": "The deal sidelines Kyiv", "sidelined": ["Ukraine"], "kind": "explicit"},
                              {"snippet": "were left out of the meeting", "sidelined": ["Ukraine", "Europe"],
                               "kind": "explicit"}], "inclusion": []},
        "a2": {"sidelining": [{"snippet": "Moscow spoke to Washington alone", "sidelined": ["Ukraine"],
                               "kind": "implicit"},
                              {"snippet": "Ukraine was sidelined again", "sidelined": ["Ukraine"], "optional": True}],
               "inclusion": []}}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = score_corpus(tmp_path / "c", tmp_path / "actors.yml", tmp_path / "gold.json")
    table = summary(result)
    row = table[(table["frame"] == "exclusion") & (table["actor"] == "(all)") & (table["kind"] == "(all)")].iloc[0]
    # gold pairs: a1 (Ukraine), a1 (Ukraine, Europe), a2 (Ukraine, implicit); the optional one left out
    assert row["n_gold"] == 4 and row["recall"] == round(3 / 4, 3)
    # predictions: three correct in a1 and one no gold item lists (Moscow sidelined: a false frame);
    # a2's "was sidelined" matches only an optional item: left out
    assert row["n_predicted"] == 4 and row["precision"] == 0.75
    false = result["pred"][result["pred"]["correct"] == False]  # noqa: E712
    assert false[["article_id", "actor"]].values.tolist() == [["a1", "Russia"]]
    implicit = table[(table["kind"] == "implicit")].iloc[0]
    assert implicit["n_gold"] == 1 and implicit["recall"] == 0.0
    # a rank correlation over two articles says nothing: not reported
    import math
    assert math.isnan(spearman(result))


def test_at_issue_names_actors_of_the_file(tmp_path):
    import pytest
    from analysis.errors import ConfigError
    (tmp_path / "actors.yml").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "gold.json").write_text('{"articles": {}}', encoding="utf-8")
    with pytest.raises(ConfigError, match="--at-issue: 'Kyiv' is not an actor of"):
        score_corpus(tmp_path, tmp_path / "actors.yml", tmp_path / "gold.json", at_issue="Ukraine,Kyiv")


BUNDLED_ACTORS = {"istanbul", "budapest", "jeddah"}  # held-out corpora scored with the bundled actors file, not one of their own


@pytest.mark.parametrize("name", ["gaza", "caucasus", "iran", "libya", "yemen", "syria", "istanbul", "budapest", "jeddah",
                                  "singapore", "congo"])
def test_held_out_gold_points_into_its_articles(name):
    """The held-out corpora shipped in data/eval: every snippet and quotation of the gold is an exact substring of
    its article, a snippet has 4–15 words (a whole short headline: 4; a whole sentence of three words ends in
    its full stop), and every actor it names is one of its actors file's (istanbul's is the bundled one)."""
    import csv
    from analysis.actors import load_actors
    base = ROOT / "data" / "eval"
    gold = json.loads((base / f"{name}_gold.json").read_text(encoding="utf-8"))
    actors_file = ROOT / "data" / "actors" / "ukraine_talks.yml" if name in BUNDLED_ACTORS else base / f"{name}_actors.yml"
    actors = set(load_actors(actors_file).actors)
    paths = {r["id"]: r["path"] for r in csv.DictReader(open(base / name / "metadata.csv", encoding="utf-8"))}
    assert set(gold["articles"]) == set(paths)
    for aid, art in gold["articles"].items():
        text = (base / name / paths[aid]).read_text(encoding="utf-8")
        for item in art["sidelining"] + art["inclusion"]:
            n = len(item["snippet"].split())
            assert item["snippet"] in text and (4 <= n or n == 3 and item["snippet"].endswith(".")) and n <= 15, \
                (aid, item["snippet"])
            named = item.get("sidelined", []) + item.get("included", []) + item.get("also_ok", [])
            assert named and set(named) <= actors, (aid, named)
        for q in art["quotes"]:
            assert q["text"] in text, (aid, q["text"][:40])
            assert not q["actor"] or q["actor"] in actors | {"other"}, (aid, q["actor"])
