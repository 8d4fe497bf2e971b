"""The scope the scorers see, the trained model's features and file, and the NewsMTSC evaluation."""
import csv
import json
import math

import pytest

from analysis.evaluate import evaluate_sentiment, macro_f1, predict_labels
from analysis.newsmtsc import load_targets
from analysis.measures.sentiment import TrainedModel, target_scope, trained_features
from conftest import ROOT, SHARED, SEED, need_shared

S = "Officials said the deal punished Ukraine unfairly, Smith wrote."


def _span(text, word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def test_scope_of_one_mention():
    scope = target_scope(S, [_span(S, "Ukraine")], [], 3)
    # three tokens each side, without the target and the name "Smith"
    assert scope.words == ["the", "deal", "punished", "unfairly", ","]
    assert scope.before == [("punished", "deal", "the")]          # nearest first
    assert scope.after == [("unfairly", ",", "<NE>")]             # Smith is a name
    assert scope.sentence == ["officials", "said", "the", "deal", "punished", "unfairly", ",", "wrote", "."]


def test_scope_of_two_mentions_and_another_actor():
    s = "Ukraine wants peace, but critics of Ukraine blame Russia."
    scope = target_scope(s, [_span(s, "Ukraine"), _span(s, "Ukraine", 1)], [_span(s, "Russia")], 2)
    assert scope.before == [("<s>", "<s>", "<s>"), ("of", "critics", "but")]
    assert scope.after == [("wants", "peace", ","), ("blame", "<NE>", ".")]
    assert scope.sentence == ["wants", "peace", ",", "but", "critics", "of", "blame", "."]
    assert scope.words == ["wants", "peace", "critics", "of", "blame"]


def test_trained_features_are_grouped_and_scaled():
    f = trained_features(target_scope(S, [_span(S, "Ukraine")], [], 3))
    # six context features next to the mention: 1/sqrt(6) each
    for name in ("p:P1_punished", "p:P2_deal_punished", "p:P2u_deal", "p:N1_unfairly", "p:N2_unfairly_,", "p:N2u_,"):
        assert f[name] == pytest.approx(1 / math.sqrt(6))
    # nine distinct sentence tokens: 1/sqrt(9)
    assert f["s:officials"] == pytest.approx(1 / 3) and "s:smith" not in f and "s:ukraine" not in f
    # window words and bigrams: the deal punished unfairly -> 4 words + 4 bigrams
    assert f["w:punished_unfairly"] == pytest.approx(1 / math.sqrt(8))
    # "punished" is the only word of the sentence in VADER's lexicon (-2.0): -2.0 / 4 / sqrt(1)
    assert f["lex:sentence_vader"] == pytest.approx(-0.5)
    assert f["lex:sentence_negative"] == pytest.approx(1 / math.sqrt(10))


def test_json_model_is_a_linear_model():
    model = TrainedModel({"classes": ["negative", "neutral", "positive"], "intercept": [0.0, 0.5, 0.0],
                          "weights": {"p:P1_punished": [2.0, 0.0, -2.0]}})
    scope = target_scope(S, [_span(S, "Ukraine")], [], 3)
    z = [2 / math.sqrt(6), 0.5, -2 / math.sqrt(6)]
    expected = [math.exp(v) / sum(math.exp(u) for u in z) for u in [0] for v in z]
    assert model.proba(scope) == pytest.approx(expected)
    pol, conf, label = model.predict(scope)
    assert label == "negative" and pol == pytest.approx(expected[2] - expected[0], abs=1e-6)


def test_targets_scored_together_score_as_alone():
    """``predict_many`` (a run scores an article's targets at once) gives each target exactly what it gets
    alone, with the shipped model, for targets with few and with many features."""
    from analysis.measures.sentiment import trained_model
    model = trained_model()
    texts = [S, "Kyiv was not invited to the talks in Alaska, officials said.", "Ukraine welcomed the deal warmly.",
             "The Kremlin said the meeting was constructive but that no deal was reached."]
    scopes = [target_scope(t, [_span(t, w)], [], model.window)
              for t, w in zip(texts, ["Ukraine", "Kyiv", "Ukraine", "Kremlin"])]
    together = model.predict_many(scopes)
    assert together == [model.predict(sc) for sc in scopes]
    assert len(set(together)) == 4 and all(lab in model.classes for _, _, lab in together)
    # the same floating-point sums as adding weight times value feature by feature, in feature order
    z = list(model.intercept)
    for f, x in trained_features(scopes[1]).items():
        for k, w in enumerate(model.weights.get(f, []) if x else []):
            z[k] += w * x
    e = [math.exp(v - max(z)) for v in z]
    assert model.proba_many(scopes)[1] == [v / sum(e) for v in e]


def test_macro_f1_by_hand():
    gold = ["negative", "negative", "neutral", "positive"]
    pred = ["negative", "neutral", "neutral", "negative"]
    # negative: P 1/2 R 1/2 F 0.5; neutral: P 1/2 R 1 F 2/3; positive: F 0
    f1, acc = macro_f1(gold, pred)
    assert f1 == pytest.approx((0.5 + 2 / 3 + 0) / 3) and acc == 0.5


def _write_newsmtsc(path, rows):
    with open(path, "w", encoding="utf-8") as fh:
        for sentence, targets in rows:
            fh.write(json.dumps({"sentence_normalized": sentence, "targets": [
                {"from": a, "to": b, "polarity": p} for a, b, p in targets]}) + "\n")


def test_evaluate_sentiment_writes_one_row_per_target(tmp_path, capsys):
    data = tmp_path / "tiny.jsonl"
    s1 = "The senator praised Smith for a brilliant and honest speech."
    s2 = "Critics said Jones was a terrible, corrupt liar."
    s3 = "Brown arrived in Paris on Tuesday."
    _write_newsmtsc(data, [(s1, [(*_span(s1, "Smith"), 6.0)]), (s2, [(*_span(s2, "Jones"), 2.0)]),
                           (s3, [(*_span(s3, "Brown"), 4.0), (*_span(s3, "Paris"), 4.0)])])
    out = tmp_path / "pred.csv"
    assert evaluate_sentiment(str(data), "vader", 10, str(out)) == 0
    printed = capsys.readouterr().out
    assert "n=4" in printed and "macro_f1=1.000" in printed
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert [(r["line"], r["target"], r["gold"], r["label"]) for r in rows] == [
        ("0", "0", "positive", "positive"), ("1", "0", "negative", "negative"),
        ("2", "0", "neutral", "neutral"), ("2", "1", "neutral", "neutral")]


def test_bad_newsmtsc_line_is_named(tmp_path):
    data = tmp_path / "bad.jsonl"
    data.write_text('{"sentence_normalized": "x", "targets": []}\n{"targets": 3}\n', encoding="utf-8")
    from analysis.errors import ConfigError
    with pytest.raises(ConfigError, match=r"bad.jsonl: line 2: not a NewsMTSC record"):
        load_targets(data)


def test_training_is_deterministic_and_the_json_matches_scikit_learn(tmp_path):
    from analysis.train import train_sentiment
    train = tmp_path / "train.jsonl"
    good = ["praised", "welcomed", "thanked", "applauded", "hailed"]
    bad = ["attacked", "blamed", "accused", "condemned", "mocked"]
    rows = []
    for i, (g, b) in enumerate(zip(good, bad)):
        for verb, pol in ((g, 6.0), (b, 2.0)):
            s = f"The minister {verb} Smith on day {i}."
            rows.append((s, [(*_span(s, "Smith"), pol)]))
        s = f"Smith travelled to the capital on day {i}."
        rows.append((s, [(*_span(s, "Smith"), 4.0)]))
    _write_newsmtsc(train, rows)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert train_sentiment(str(train), [str(train)], str(a), 10) == 0
    assert train_sentiment(str(train), [], str(b), 10) == 0
    ma, mb = json.loads(a.read_text()), json.loads(b.read_text())
    assert ma["weights"] == mb["weights"] and ma["intercept"] == mb["intercept"]
    assert ma["meta"]["macro_f1_train"] == 1.0  # the training sentences themselves are told apart
    model = TrainedModel(ma)
    s = "The minister praised Smith warmly."
    assert model.predict(target_scope(s, [_span(s, "Smith")], [], 10))[2] == "positive"


# ---------------------------------------------------------------- the README's validity table
@pytest.mark.parametrize("method,data,expected", [
    ("textblob-sentence", "dev_rw", 0.408), ("textblob", "dev_rw", 0.415), ("vader", "dev_rw", 0.507),
    ("trained", "dev_rw", 0.715), ("trained", "dev_mt", 0.621), ("textblob", "train", 0.416),
    ("vader", "train", 0.540)])
def test_readme_numbers_on_newsmtsc(method, data, expected):
    targets = load_targets(need_shared(SHARED / "eval" / "newsmtsc" / f"{data}.jsonl"))
    f1, _ = macro_f1([t["label"] for t in targets], predict_labels(targets, method, 10))
    assert round(f1, 3) == expected
    assert f"{expected:.3f}" in (ROOT / "README.md").read_text(encoding="utf-8")
    if data == "dev_rw" and method != "textblob-sentence":  # notebook 3 quotes them too
        assert f"{expected:.3f}" in (ROOT / "notebooks" / "03_sentiment.ipynb").read_text(encoding="utf-8")


def test_trained_model_on_the_seed_sentences(tables):
    s = tables["sentiment"]

    def label(seed, sid, actor):
        r = s[(s["article_id"] == SEED[seed]) & (s["sentence_id"] == sid) & (s["actor"] == actor)
              & (s["method"] == "trained")]
        return r.iloc[0]["label"]
    # 001 s10: Zelensky said it was “not pleasant” that Trump first called Putin before speaking with him.
    assert label("001", 10, "United States") == "negative"
    # 002 s15: Kallas: “Ukraine’s independence and territorial integrity are unconditional.”
    assert label("002", 15, "Ukraine") == "positive"


def test_a_model_file_of_another_version_is_named(tmp_path):
    from analysis.errors import ConfigError
    from analysis.measures.sentiment import trained_model
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"classes": ["negative"], "intercept": [0.0], "vocab": {}, "dense": [[0.0]]}))
    with pytest.raises(ConfigError, match=r"old.json: not a sentiment model of this version; rebuild it"):
        trained_model(str(old))
    with pytest.raises(ConfigError, match=r"missing.json: trained sentiment model missing"):
        trained_model(str(tmp_path / "missing.json"))


def test_the_committed_model_is_what_train_sentiment_builds(tmp_path):
    """The shipped artefact is what `train-sentiment` builds on any machine.

    Training runs L-BFGS to tolerance 1e-10 (train.TOL): the loss has one minimum, reached to about
    1e-6 per weight whatever the CPU or BLAS (with scikit-learn's default 1e-4 another CPU's weights
    differed by 0.007). What a user relies on is checked: the same weights to 1e-4 (stored to 5
    decimals), the same label on every dev target, probabilities within 1e-3. The fit uses the shipped
    C; choosing C by cross-validation is the same fit repeated on folds."""
    from analysis.newsmtsc import target_scope_of
    from analysis.measures.sentiment import MODEL_PATH
    from analysis.train import train_sentiment
    data = need_shared(SHARED / "eval" / "newsmtsc" / "train.jsonl")
    out = tmp_path / "model.json"
    shipped = json.loads(MODEL_PATH.read_text())
    assert train_sentiment(str(data), [], str(out), 10, C=shipped["meta"]["C"]) == 0
    new = json.loads(out.read_text())
    assert new["classes"] == shipped["classes"]
    assert set(new["weights"]) == set(shipped["weights"])
    worst = max(abs(a - b) for f, ws in new["weights"].items() for a, b in zip(ws, shipped["weights"][f]))
    assert worst <= 1e-4
    a, b = TrainedModel(new), TrainedModel(shipped)
    for name in ("dev_rw", "dev_mt"):
        scopes = [target_scope_of(t, 10) for t in load_targets(SHARED / "eval" / "newsmtsc" / f"{name}.jsonl")]
        assert [a.predict(s)[2] for s in scopes] == [b.predict(s)[2] for s in scopes]
        assert max(abs(x - y) for s in scopes for x, y in zip(a.proba(s), b.proba(s))) <= 1e-3


def test_trained_rows_ignore_the_lexicon_window(tables):
    from analysis.run import analyse
    from conftest import ACTORS, CORPUS
    narrow = analyse(CORPUS, ACTORS, methods=("textblob", "trained"), window=3)["sentiment"]
    key = ["article_id", "sentence_id", "actor"]
    a = narrow[narrow["method"] == "trained"].set_index(key)[["polarity", "label"]].sort_index()
    b = tables["sentiment"][tables["sentiment"]["method"] == "trained"].set_index(key)[["polarity", "label"]].sort_index()
    assert a.equals(b)
    # the lexicon window is the narrow one: 001 s10 toward the United States, three tokens each side
    t = narrow[(narrow["method"] == "textblob") & (narrow["article_id"] == SEED["001"]) & (narrow["sentence_id"] == 10)
               & (narrow["actor"] == "United States")].iloc[0]
    assert len(t["window_text"].split()) <= 6


def test_sweep_lists_the_best_set_ups_and_the_default(tmp_path, capsys):
    from analysis.errors import ConfigError
    from analysis.evaluate import sweep_sentiment
    data = tmp_path / "tiny.jsonl"
    s1 = "The senator praised Smith for a brilliant and honest speech."
    s2 = "Critics said Jones was a terrible, corrupt liar."
    _write_newsmtsc(data, [(s1, [(*_span(s1, "Smith"), 6.0)]), (s2, [(*_span(s2, "Jones"), 2.0)])])
    assert sweep_sentiment(str(data), "vader") == 0
    out = capsys.readouterr().out.splitlines()
    # 6 windows x 34 threshold pairs with lower <= upper (5 lower values x 6 upper, and 0.05 x 4): 204
    assert out[0] == "data=tiny.jsonl method=vader n=2: 204 set-ups"
    assert out[-1].split()[:5] == ["1.000", "1.000", "10", "-0.02", "0.02"] and out[-1].endswith("<- the default")
    with pytest.raises(ConfigError, match="--sweep is for the lexicon methods"):
        sweep_sentiment(str(data), "trained")


def test_macro_f1_interval():
    from analysis.evaluate import macro_f1_interval
    gold = ["negative", "neutral", "positive"] * 20
    assert macro_f1_interval(gold, gold) == (1.0, 1.0)                 # every resample is perfect
    pred = ["negative", "neutral", "neutral"] * 20                      # positives all missed
    f1, _ = macro_f1(gold, pred)                                        # (1 + 2/3 + 0) / 3
    lo, hi = macro_f1_interval(gold, pred)
    assert lo < f1 < hi <= (1 + 2 / 3) / 3 + 0.2 and macro_f1_interval(gold, pred) == (lo, hi)
