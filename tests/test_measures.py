"""The measure contract: the registry, the schema every table derives from, the visibility measure,
and the examples in the docstrings of the public entry points."""
import doctest
import importlib

import pandas as pd
import pytest

from analysis import schema
from analysis.measures import REGISTRY, Measure
from analysis.run import COLUMNS, SUMMARIES, TABLES
from conftest import SEED

DOCUMENTED = ["analysis.measures", "analysis.measures.quotes.extract", "analysis.measures.quotes.measure", "analysis.measures.sentiment",
              "analysis.measures.framing", "analysis.measures.visibility", "analysis.stats", "analysis.schema",
              "analysis.run.settings"]


@pytest.mark.parametrize("module", DOCUMENTED)
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_every_table_derives_from_the_schema():
    assert TABLES == ("articles", "sentences", "mentions", "quotes", "sentiment", "framing", "visibility",
                      "cleaning_log", "rejected")
    for name, m in REGISTRY.items():
        assert isinstance(m, Measure) and m.table is schema.TABLES[name]
        assert COLUMNS[name][:2] == ["article_id", "outlet"] and COLUMNS[name][2:] == m.table.fields
        assert all(n in list(REGISTRY)[:list(REGISTRY).index(name)] for n in m.needs)
    assert SUMMARIES == ("summary_quote_share_actor", "summary_quote_share_speaker", "summary_sentiment",
                         "summary_framing", "summary_visibility")
    # one type per column name, whatever the table; no declared name is unused
    assert schema.dtype("start") == "Int64" and schema.dtype("polarity") == "float64"
    assert schema.dtype("speaker") == "string" and schema.dtype("a_metadata_column") == "string"
    for gone in ("in_quote_marks", "quote_start", "quote_end", "confidence"):
        assert gone not in schema.DTYPES


def test_typed_reads_back_declared_types():
    raw = pd.DataFrame({"start": ["3", ""], "polarity": ["0.5", ""], "speaker": ["Peskov", None]})
    t = schema.typed(raw)
    assert list(t["start"]) == [3, pd.NA] and str(t["start"].dtype) == "Int64"
    assert t["polarity"].iloc[0] == 0.5 and pd.isna(t["polarity"].iloc[1])
    assert list(t["speaker"]) == ["Peskov", ""]


def test_visibility_counts_every_mention_once(run_dir):
    vis = pd.read_csv(run_dir / "visibility.csv", keep_default_na=False)
    men = pd.read_csv(run_dir / "mentions.csv", keep_default_na=False)
    by_hand = men.groupby(["article_id", "actor"]).size()
    assert vis.set_index(["article_id", "actor"])["mentions"].sort_index().tolist() == by_hand.sort_index().tolist()
    heads = men[men["section"] == "headline"].groupby(["article_id", "actor"]).size()
    got = vis.set_index(["article_id", "actor"])["headline_mentions"]
    assert all(got[k] == heads.get(k, 0) for k in got.index)
    # seed 001's headline: "Russia says ..." : Russia is named in the headline, first in sentence 0
    row = vis[(vis["article_id"] == SEED["001"]) & (vis["actor"] == "Russia")].iloc[0]
    assert row["first_sentence"] == 0 and row["headline_mentions"] == 1


def test_visibility_summary_is_mentions_per_thousand_words(run_dir):
    summ = pd.read_csv(run_dir / "summary_visibility.csv", keep_default_na=False)
    vis = pd.read_csv(run_dir / "visibility.csv", keep_default_na=False)
    arts = pd.read_csv(run_dir / "articles.csv", keep_default_na=False)
    r = summ.iloc[0]
    mentions = vis[(vis["outlet"] == r["outlet"]) & (vis["actor"] == r["actor"])]["mentions"].sum()
    words = arts[arts["outlet"] == r["outlet"]]["n_words"].sum()
    assert r["mentions"] == mentions and r["per_1000_words"] == round(mentions / words * 1000, 3)


def test_a_retrained_model_changes_the_run_inputs(tmp_path, monkeypatch):
    """The inputs a run is resumed against hold a digest of each model file the run reads, so a run
    never resumes into chunks scored by another model."""
    from analysis.actors import no_actors
    from analysis.measures import sentiment
    from analysis.measures.base import Options, file_hash
    from analysis.measures.quotes import measure as quotes_measure
    from analysis.measures import REGISTRY
    opts = Options(no_actors(), methods=("textblob", "trained"))
    before = REGISTRY["sentiment"].inputs(opts)
    assert before["model"] == file_hash(sentiment.MODEL_PATH)
    assert "model" not in REGISTRY["sentiment"].inputs(Options(no_actors(), methods=("textblob",)))
    copy = tmp_path / "model.json"
    copy.write_bytes(sentiment.MODEL_PATH.read_bytes() + b"\n")
    monkeypatch.setattr(sentiment, "MODEL_PATH", copy)
    assert REGISTRY["sentiment"].inputs(opts)["model"] != before["model"]
    q = REGISTRY["quotes"].inputs(opts)
    assert q == {"speakers": "model", "model": file_hash(quotes_measure.MODEL_PATH)}
