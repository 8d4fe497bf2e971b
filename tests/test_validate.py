"""Validation round trip. tests/data/validation/ holds a sample drawn from the bundled corpus
(`validate sample --per-stratum 1`) and two coded copies of its sheet. coder_a.csv was coded by
hand by reading each item; coder_b.csv is the same reading with five items re-coded the other
defensible way (S0011, T0016, T0021, F0031, F0037), so that coders disagree. It is not an
independent second coder; it exercises the agreement and tie handling."""
import shutil

import krippendorff
import numpy as np
import pandas as pd
import pytest

from analysis import validate
from analysis.errors import ConfigError
from analysis.run import run
from conftest import ACTORS, CORPUS, ROOT

V = ROOT / "tests" / "data" / "validation"
SHEETS = [V / "coder_a.csv", V / "coder_b.csv"]


@pytest.fixture(scope="module")
def report():
    return validate.score(V, SHEETS, n_boot=200)


def _row(report, measure, cls):
    s = report["scores"]
    return s[(s["measure"] == measure) & (s["class"] == cls)].iloc[0]


def test_scores_against_the_coders_majority(report):
    q = _row(report, "quote", "yes")
    assert (q["n_items"], q["precision"], q["recall"]) == (9, 1.0, 1.0)
    # T0016 and T0021 are ties between the coders and left out: 10 sentiment items, weights in key.csv
    neg = _row(report, "sentiment", "negative")
    assert neg["n_items"] == 10 and neg["ties"] == 2
    # toolkit negative: T0015, T0017, T0020 (coders neutral), T0023 (coders positive);
    # coders negative: T0014 and T0022, both positive for the toolkit
    assert (neg["precision"], neg["recall"]) == (0.0, 0.0)
    # toolkit neutral: T0018 (4) and T0024 (2), coders agree; coders neutral also T0015 (4), T0017 (2),
    # T0019 (7), T0020 (12), T0025 (3): recall 6 / 34
    neu = _row(report, "sentiment", "neutral")
    assert neu["precision"] == 1.0 and neu["recall"] == round(6 / 34, 4)
    pos = _row(report, "sentiment", "positive")  # four toolkit positives, none coded positive
    assert pos["precision"] == 0.0 and pos["f1"] == 0.0
    # framing: F0031 and F0037 are ties; every toolkit frame but one is the coders' frame (F0035, weight 1:
    # "discussions with NATO foreign ministers", an everyday meeting of an actor declared at issue, coded none);
    # toolkit inclusions F0029 (1) and F0032 (2) are right; the coders also read inclusion in F0027 (29),
    # F0030 (21) and F0038 (27) where the lexicon has no cue
    inc = _row(report, "framing", "inclusion")
    assert inc["precision"] == 0.75 and inc["recall"] == round(3 / 80, 4)
    # any frame: toolkit frames F0026 (2), F0028 (7), F0029 (1), F0032 (2), F0034 (1) right, F0035 (1) not;
    # coders' frames weigh 90
    fr = _row(report, "framing", "any frame")
    assert fr["n_items"] == 11 and fr["precision"] == round(13 / 14, 4) and fr["recall"] == round(13 / 90, 4)
    sp = _row(report, "speaker", "correct speaker")
    assert sp["n_items"] == 3 and sp["ties"] == 1 and sp["precision"] == 1.0


def test_alpha_matches_the_krippendorff_package(report):
    a = pd.read_csv(SHEETS[0], dtype=str, keep_default_na=False)
    b = pd.read_csv(SHEETS[1], dtype=str, keep_default_na=False)
    order = ["negative", "neutral", "positive"]
    sa = a[a["measure"] == "sentiment"]["code"].map(order.index).tolist()
    sb = b[b["measure"] == "sentiment"]["code"].map(order.index).tolist()
    expected = krippendorff.alpha(reliability_data=np.array([sa, sb], dtype=float), level_of_measurement="ordinal",
                                  value_domain=[0, 1, 2])
    ag = report["agreement"].set_index(["measure", "between"])["alpha"]
    assert ag[("sentiment", "coders")] == round(expected, 4)
    fa = a[a["measure"] == "framing"]["code"].tolist()
    fb = b[b["measure"] == "framing"]["code"].tolist()
    vals = sorted(set(fa + fb))
    expected = krippendorff.alpha(reliability_data=np.array([[vals.index(x) for x in fa], [vals.index(x) for x in fb]],
                                                            dtype=float), level_of_measurement="nominal")
    assert ag[("framing", "coders")] == round(expected, 4)
    key = pd.read_csv(V / "key.csv", dtype=str, keep_default_na=False)
    ft = key[key["measure"] == "framing"]["toolkit_code"].tolist()
    vals = sorted(set(fa + ft))
    expected = krippendorff.alpha(reliability_data=np.array([[vals.index(x) for x in fa], [vals.index(x) for x in ft]],
                                                            dtype=float), level_of_measurement="nominal")
    assert ag[("framing", "Coder A ~ toolkit")] == round(expected, 4)
    assert ag[("quote", "coders")] == 1.0 and ag[("quote", "Coder A ~ toolkit")] == 1.0


def test_disagreements_list_what_to_read(report):
    d = report["disagreements"].set_index("item_id")
    assert {"S0011", "T0016", "T0021", "F0031", "F0037"} <= set(d.index)   # coders differ
    # "European leaders have largely refused engagement": TextBlob reads "largely" as positive
    assert d.loc["T0014", "toolkit"] == "positive" and d.loc["T0014", "majority"] == "negative"
    assert "F0026" not in d.index and "T0018" not in d.index


def test_round_trip_from_a_fresh_run(tmp_path):
    run(CORPUS, ACTORS, tmp_path / "tables", quiet=True, methods=("textblob",))
    s1 = validate.draw_sample(tmp_path / "tables", tmp_path / "s1", per_stratum=2)
    validate.draw_sample(tmp_path / "tables", tmp_path / "s2", per_stratum=2)
    assert (tmp_path / "s1" / "coding_sheet.csv").read_bytes() == (tmp_path / "s2" / "coding_sheet.csv").read_bytes()
    key = pd.read_csv(tmp_path / "s1" / "key.csv", keep_default_na=False)
    assert "toolkit_code" not in s1.columns and (s1["code"] == "").all()
    # hits and non-hits of every binary measure, from every outlet
    assert set(key[key["measure"] == "framing"]["toolkit_code"]) == {"exclusion", "inclusion", "none"}
    assert set(key[key["measure"] == "quote"]["toolkit_code"]) == {"yes", "no"}
    assert s1[s1["measure"] == "quote"]["outlet"].nunique() == 5
    # the seed 004 outlet has no quotations: no speaker stratum for it
    assert "Outlet 004" not in set(s1[s1["measure"] == "speaker"]["outlet"])
    # a coder who agrees with the toolkit everywhere: every precision and recall is 1
    coded = s1.copy()
    coded["code"] = key["toolkit_code"].values
    coded["coder"] = "echo"
    coded.to_csv(tmp_path / "echo.csv", index=False)
    r = validate.score(tmp_path / "s1", [tmp_path / "echo.csv"], n_boot=50)["scores"]
    assert (r.dropna(subset=["precision"])["precision"] == 1.0).all()


@pytest.mark.parametrize("edit, message", [
    (lambda d: d.drop(columns=["code"]), "missing column(s) code"),
    (lambda d: d.assign(code=d["code"].where(d["item_id"] != "F0029", "maybe")), "row 30: unknown code 'maybe'"),
    (lambda d: pd.concat([d, d.iloc[[3]]]), "row 40: item Q0004 is coded twice (first at row 5)"),
    (lambda d: d.assign(item_id=d["item_id"].where(d["item_id"] != "Q0001", "Z9")), "row 2: item_id 'Z9' is not in"),
])
def test_malformed_sheets_name_the_row(tmp_path, edit, message):
    shutil.copy(V / "key.csv", tmp_path / "key.csv")
    d = edit(pd.read_csv(SHEETS[0], dtype=str, keep_default_na=False))
    d.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(ConfigError) as err:
        validate.score(tmp_path, [tmp_path / "bad.csv"])
    assert message in str(err.value) and "bad.csv" in str(err.value)


def test_validate_commands(tmp_path):
    import subprocess
    import sys
    run(CORPUS, ACTORS, tmp_path / "t", quiet=True, methods=("textblob",))
    cmd = [sys.executable, "-m", "analysis", "validate"]
    p = subprocess.run(cmd + ["sample", "--tables", str(tmp_path / "t"), "--out", str(tmp_path / "v"),
                              "--per-stratum", "1"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0 and p.stdout.startswith("38 items (quote 9, speaker 4, sentiment 12, framing 13)"), p
    # the committed sample is this draw: when the toolkit's answers change, draw and code it again
    assert (tmp_path / "v" / "coding_sheet.csv").read_bytes() == (V / "coding_sheet.csv").read_bytes()
    p = subprocess.run(cmd + ["score", "--sample", str(V), "--sheets", *map(str, SHEETS), "--out", str(tmp_path)],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0 and "== agreement" in p.stdout
    assert (tmp_path / "validation_disagreements.csv").exists()
    bad = subprocess.run(cmd + ["score", "--sample", str(tmp_path / "nowhere"), "--sheets", "x.csv"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "no key.csv" in bad.stderr


def test_the_coded_sentiment_items_read_against_every_method(tables):
    """The README's numbers: of the 10 sentiment items both coders code alike, how many each method labels so."""
    a = pd.read_csv(SHEETS[0], dtype=str, keep_default_na=False)
    b = pd.read_csv(SHEETS[1], dtype=str, keep_default_na=False)
    agreed = a[(a["measure"] == "sentiment") & (a["code"] == b["code"])].astype({"sentence_id": int})
    assert len(agreed) == 10
    s = tables["sentiment"]
    hits = {}
    for method in ("textblob", "vader", "trained"):
        m = agreed.merge(s[s["method"] == method], on=["article_id", "sentence_id", "actor"], suffixes=("", "_t"))
        assert len(m) == 10
        hits[method] = int((m["code"] == m["label"]).sum())
    assert hits == {"textblob": 2, "vader": 2, "trained": 3}


def test_instructions_name_the_actors_of_the_file_in_use(tmp_path):
    import yaml
    from analysis.actors import parse_actors
    from analysis.errors import ConfigError
    actors = parse_actors(yaml.safe_load("""parties: [Taliban, Afghan government]
actors:
  Taliban: {aliases: [Taliban]}
  Afghan government: {aliases: [Afghan government, Kabul], people: [{name: Ashraf Ghani}]}
"""))
    text = validate.instructions(actors, ["Taliban"])
    # people first, then aliases; one line per actor of this file, none of the bundled story's
    assert "* **Afghan government**: Ashraf Ghani, Afghan government, Kabul" in text  # "Ghani" is Ashraf Ghani
    assert "* **Taliban**: Taliban" in text and "Ukraine" not in text and "Russia" not in text
    assert "talks, negotiations or decisions the article reports" in text
    assert "The parties to the conflict: Taliban, Afghan government" in text and "code `inclusion` only" not in text
    # the actors at issue, when the file names them, bound the inclusion code
    actors.at_issue = ["Afghan government"]
    assert "code `inclusion` only for Afghan government" in validate.instructions(actors, ["Taliban"])
    # the lexicon in use is named with its kinds of cue: those of the NewsWCL50 event-0 lexicon, not the bundled
    text = validate.instructions(actors, ["Taliban"], ROOT / "tests" / "data" / "newswcl50_event0_lexicon.yml")
    assert "(`newswcl50_event0_lexicon.yml`;" in text
    assert "* exclusion, explicit: sidelined, direct talks, one-on-one" in text
    assert "* inclusion: involve, important partner" in text and "exclusively with" not in text
    with pytest.raises(ConfigError, match="actor 'Ukraine' of the run's tables is not in this actors file"):
        validate.instructions(actors, ["Taliban", "Ukraine"])
