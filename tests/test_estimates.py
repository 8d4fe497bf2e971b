"""Estimates corrected by a coded sample (analysis.stats.corrected_mean) and the simulation that checks
their intervals (analysis.simulate, ``validate simulate``). Expected values are worked by hand."""
import io
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis import stats
from analysis.simulate import coverage_table
from conftest import ROOT, SHARED, need_shared


def test_difference_estimator_by_hand():
    # 8 items, the classifier says half are negative; coders see items 0, 2, 4, 6 and disagree on item 0
    auto = np.array([1, 1, 0, 0, 1, 0, 1, 0])
    r = stats.corrected_mean(auto, [0, 2, 4, 6], [0, 0, 1, 1], tuned=False)
    # 0.5 + mean(coded - auto) = 0.5 + (-1 + 0 + 0 + 0) / 4
    assert r["estimate"] == pytest.approx(0.25)
    # residuals -1, 0, 0, 0: variance (0.75^2 + 3 * 0.25^2) / 3 = 0.25; finite-population factor 1 - 4/8
    assert r["se"] == pytest.approx(np.sqrt(0.5 * 0.25 / 4))
    assert (r["n_auto"], r["n_coded"], r["note"]) == (8, 4, "")


def test_tuned_estimator_by_hand():
    auto = np.array([1, 0, 1, 0, 1, 0])
    # sample 0..3: automatic 1, 0, 1, 0 and coded 1, 0, 0, 0
    r = stats.corrected_mean(auto, [0, 1, 2, 3], [1, 0, 0, 0])
    # slope cov(y, f) / var(f) = (0.5 / 3) / (1 / 3) = 0.5; the sample's automatic mean equals the
    # population's (0.5), so the estimate is the coded mean 0.25
    assert r["estimate"] == pytest.approx(0.25)
    # residuals y - 0.5 f = 0.5, 0, -0.5, 0: sum of squares 0.5 over 4 - 2 df; factor 1 - 4/6
    assert r["se"] == pytest.approx(np.sqrt((1 - 4 / 6) * 0.25 / 4))


def test_a_perfect_classifier_needs_no_correction():
    auto = np.array([1, 0, 0, 1, 1, 0, 0, 0, 1, 0])
    r = stats.corrected_mean(auto, [1, 3, 5, 7], auto[[1, 3, 5, 7]])
    assert r["estimate"] == pytest.approx(0.4) and r["se"] == pytest.approx(0.0)


def test_strata_without_enough_coded_items_are_named_not_hidden():
    auto = np.array([1, 0, 1, 0, 1, 1])
    strata = np.array(["a", "a", "a", "b", "b", "c"])
    r = stats.corrected_mean(auto, [0, 1, 3], [1, 1, 0], strata=strata)
    assert np.isnan(r["estimate"]) and np.isnan(r["lo"])  # stratum c has no coded item
    assert "stratum b has 1 coded item, too few for an interval" in r["note"]
    assert "stratum c has no coded item (1 automatic)" in r["note"]
    # strata a and b only: weights 3/5 and 2/5; a's coded mean 1 + gap (2/3 - 1/2) (its slope needs 3 items,
    # so lambda = 1); b's coded mean 0 + (1/2 - 0)
    r = stats.corrected_mean(auto[:5], [0, 1, 3], [1, 1, 0], strata=strata[:5])
    assert r["estimate"] == pytest.approx(3 / 5 * (1 + 2 / 3 - 1 / 2) + 2 / 5 * (0 + 1 / 2))
    assert np.isnan(r["se"]) and "stratum b" in r["note"]


def test_student_t_quantiles():
    assert stats._t(0.95, 10) == pytest.approx(2.2281, abs=2e-4)
    assert stats._t(0.95, 99) == pytest.approx(1.9842, abs=2e-4)


def test_coverage_table_of_a_biased_classifier():
    # 400 items, 30% truly negative; the classifier calls only the first half of them negative
    gold = ["negative"] * 120 + ["neutral"] * 280
    pred = ["negative"] * 60 + ["neutral"] * 340
    t = coverage_table(pred, gold, 100, 200, seed=3).set_index(["quantity", "estimator"])
    assert list(t.columns) == ["coverage", "mean_width"]
    # the naive share 0.15 with its sampling interval (width 2 x 1.96 x sqrt(.15 x .85 / 400) = 0.07) misses 0.30
    assert t.loc[("negative_share", "naive"), "coverage"] == 0.0
    assert t.loc[("negative_share", "naive"), "mean_width"] == pytest.approx(0.070, abs=0.001)
    assert t.loc[("negative_share", "corrected"), "coverage"] >= 0.9
    # no positive item anywhere: both estimators are exactly 0 and cover it with zero width
    assert t.loc[("positive_share", "corrected"), "coverage"] == 1.0
    assert t.loc[("positive_share", "corrected"), "mean_width"] == 0.0


def _simulate(*args):
    return subprocess.run([sys.executable, "-m", "analysis", "validate", "simulate", *args],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize("data", ["dev_mt", "dev_rw"])
@pytest.mark.parametrize("method", ["trained", "textblob", "vader"])
def test_corrected_intervals_cover_on_newsmtsc(data, method):
    path = need_shared(SHARED / "eval" / "newsmtsc" / f"{data}.jsonl")
    p = _simulate("--data", str(path), "--method", method, "--sample-size", "100", "--draws", "500")
    assert p.returncode == 0, p.stderr
    t = pd.read_csv(io.StringIO(p.stdout))
    assert list(t.columns) == ["quantity", "estimator", "coverage", "mean_width"]
    assert sorted(zip(t["quantity"], t["estimator"])) == [
        ("negative_share", "corrected"), ("negative_share", "naive"),
        ("positive_share", "corrected"), ("positive_share", "naive")]
    assert (t.loc[t["estimator"] == "corrected", "coverage"] >= 0.93).all(), t


def test_simulate_rejects_a_sample_larger_than_the_data():
    path = need_shared(SHARED / "eval" / "newsmtsc" / "dev_mt.jsonl")
    p = _simulate("--data", str(path), "--method", "vader", "--sample-size", "1000")
    assert p.returncode == 2 and p.stdout == ""
    assert "--sample-size 1000: must be between 2 and the 442 items of the data" in p.stderr


def test_power_table_narrows_with_more_coded_items():
    path = need_shared(SHARED / "eval" / "newsmtsc" / "dev_mt.jsonl")
    p = subprocess.run([sys.executable, "-m", "analysis", "validate", "power", "--data", str(path), "--method",
                        "vader", "--sizes", "100,25", "--draws", "100"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    t = pd.read_csv(io.StringIO(p.stdout))
    assert list(t.columns) == ["quantity", "sample_size", "coverage", "mean_width", "half_width_large_corpus"]
    assert list(zip(t["quantity"], t["sample_size"])) == [("negative_share", 25), ("negative_share", 100),
                                                          ("positive_share", 25), ("positive_share", 100)]
    for _, g in t.groupby("quantity"):
        assert g["mean_width"].iloc[0] > g["mean_width"].iloc[1]
    # without the file's finite-population correction: width / 2 / sqrt(1 - n / 442)
    assert t["half_width_large_corpus"].iloc[1] == pytest.approx(t["mean_width"].iloc[1] / 2 / np.sqrt(1 - 100 / 442),
                                                                 abs=1e-4)
    bad = subprocess.run([sys.executable, "-m", "analysis", "validate", "power", "--data", str(path), "--method",
                          "vader", "--sizes", "25,x"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "--sizes: 'x' is not a whole number" in bad.stderr


# ------------------------------------------------------------------ validate estimate on a run's tables
def _code_sheet(sample, path, recode=lambda row: row["toolkit_code"]):
    """A coded copy of the sample's sheet whose code is ``recode(key row)`` for every item."""
    from analysis import sheets as spreadsheet
    sheet = spreadsheet.read_csv(sample / "coding_sheet.csv")
    key = spreadsheet.read_csv(sample / "key.csv").set_index("item_id")
    sheet["coder"] = path.stem
    sheet["code"] = [recode(key.loc[i]) for i in sheet["item_id"]]
    spreadsheet.to_csv(sheet, path)
    return path


@pytest.fixture(scope="module")
def drawn(run_dir, tmp_path_factory):
    from analysis.validate import draw_sample
    sample = tmp_path_factory.mktemp("sample")
    draw_sample(run_dir, sample, per_stratum=4, method="textblob")
    return sample


def _cell(table, measure, quantity, outlet, actor, method="textblob"):
    """The one row of a quantity; sentiment rows of ``method`` (the sample's: the others are corrected by it)."""
    t = table[(table["measure"] == measure) & (table["quantity"] == quantity) & (table["outlet"] == outlet)
              & (table["actor"] == actor) & ((table["measure"] != "sentiment") | (table["method"] == method))]
    assert len(t) == 1
    return t.iloc[0]


def test_coders_who_agree_with_the_toolkit_change_nothing(run_dir, drawn, tmp_path):
    from analysis.estimate import estimates
    sheet = _code_sheet(drawn, tmp_path / "agree.csv")
    table = estimates(run_dir, drawn, [sheet])
    est = table[table["method"].isin(["", "textblob"])].dropna(subset=["corrected"])  # the drawn method's rows
    assert len(est) > 50
    # every coded label equals the automatic one: the corrected estimate is the naive one
    assert np.allclose(est["corrected"], est["naive"], atol=1e-4)
    # and where every stratum has an interval, the coders found no error: the interval has no width
    closed = est.dropna(subset=["corrected_low"])
    assert len(closed) and np.allclose(closed["corrected_low"], closed["corrected"], atol=1e-4)


def test_every_method_corrects_toward_the_same_coded_truth(run_dir, drawn, tmp_path):
    """The sample was drawn from TextBlob's labels; VADER's and the trained model's labels are corrected by the
    same coded items. Where every unit of a cell is coded, the corrected share is the coders' share whatever
    the method: here the coders agree with TextBlob, so it is TextBlob's naive share."""
    from analysis.estimate import estimates
    table = estimates(run_dir, drawn, [_code_sheet(drawn, tmp_path / "agree.csv")])
    s = table[table["measure"] == "sentiment"]
    assert set(s["method"]) == {"textblob", "vader", "trained"}
    key = ["quantity", "outlet", "actor"]
    tb = s[s["method"] == "textblob"].set_index(key)
    full = 0
    for m in ("vader", "trained"):
        other = s[s["method"] == m].set_index(key)
        assert list(other.index) == list(tb.index) and (other["n_auto"] == tb["n_auto"]).all()
        whole = other[(other["n_coded"] == other["n_auto"]) & other["corrected"].notna()]
        full += len(whole)
        assert np.allclose(whole["corrected"], tb.loc[whole.index, "naive"], atol=1e-4)
        # the naive estimates are the method's own labels: they differ from TextBlob's somewhere
        assert (other["naive"] != tb["naive"]).any()
    assert full >= 10


def test_one_recoded_item_moves_its_cell_by_hand(run_dir, drawn, tmp_path):
    """Ukraine in Outlet 001 by TextBlob: the coders call one of the drawn negatives neutral."""
    from analysis import sheets as spreadsheet
    from analysis.estimate import estimates
    from analysis.schema import read_tables
    s = read_tables(run_dir, ("sentiment",))["sentiment"]
    s = s[(s["method"] == "textblob") & (s["outlet"] == "Outlet 001") & (s["label"] != "")]
    n_actor = int((s["actor"] == "Ukraine").sum())
    n_neg = int(((s["actor"] == "Ukraine") & (s["label"] == "negative")).sum())
    sheet = spreadsheet.read_csv(drawn / "coding_sheet.csv")
    key = spreadsheet.read_csv(drawn / "key.csv")
    both = sheet.merge(key, on=["item_id", "measure"])
    drawn_neg = both[(both["stratum"] == "sentiment | Outlet 001 | negative") & (both["actor"] == "Ukraine")]
    k = len(drawn_neg)
    assert k >= 2 and n_neg >= k  # the draw took k of Ukraine's n_neg negatives in the outlet
    flip = drawn_neg["item_id"].iloc[0]
    coded = _code_sheet(drawn, tmp_path / "one.csv",
                        lambda r: "neutral" if r.name == flip else r["toolkit_code"])
    row = _cell(estimates(run_dir, drawn, [coded]), "sentiment", "negative_share", "Outlet 001", "Ukraine")
    assert row["naive"] == round(n_neg / n_actor, 4)
    # the negative cell's coded mean falls from 1 to (k - 1) / k; the other cells stay at their (0) codes
    assert row["corrected"] == round(n_neg / n_actor * (k - 1) / k, 4)
    assert row["n_auto"] == n_actor


def test_all_drawn_negatives_recoded_gives_no_negatives(run_dir, drawn, tmp_path):
    from analysis.estimate import estimates
    coded = _code_sheet(drawn, tmp_path / "noneg.csv",
                        lambda r: "neutral" if r["toolkit_code"] == "negative" else r["toolkit_code"])
    table = estimates(run_dir, drawn, [coded])
    table = table[table["method"] == "textblob"]
    neg = table[(table["quantity"] == "negative_share")].dropna(subset=["corrected"])
    assert len(neg) and (neg["corrected"] == 0).all()
    pos = table[(table["quantity"] == "positive_share")].dropna(subset=["corrected"])
    assert np.allclose(pos["corrected"], pos["naive"], atol=1e-4)


def test_speaker_groups_from_coders_names(run_dir, drawn, tmp_path, actors):
    """The coders name Peskov (a surname, mapped to Russia through the actors file) for every drawn
    quotation: the corrected share of Russia's quoted words rises above the toolkit's, the share of every
    other group the toolkit found in the sample falls."""
    from analysis.estimate import estimates
    coded = _code_sheet(drawn, tmp_path / "sp.csv",
                        lambda r: "Peskov" if r["measure"] == "speaker" else r["toolkit_code"])
    table = estimates(run_dir, drawn, [coded], actors=actors)
    o = table[(table["measure"] == "speaker") & (table["outlet"] == "Outlet 002")].set_index("actor")
    # Outlet 002 has 8 body quotations, 4 drawn; the toolkit gives them to four groups
    assert (o["n_auto"] == 8).all() and (o["n_coded"] == 4).all()
    assert o.loc["Russia", "corrected"] > o.loc["Russia", "naive"]
    others = o.drop(index="Russia")
    assert len(others) == 3 and (others["corrected"] < others["naive"]).all()


def test_estimate_refuses_other_tables(run_dir, drawn, tmp_path):
    from analysis.errors import ConfigError
    from analysis.estimate import estimates
    coded = _code_sheet(drawn, tmp_path / "a.csv")
    with pytest.raises(ConfigError, match="drawn from the 'textblob' labels"):
        estimates(run_dir, drawn, [coded], method="vader")
    r = subprocess.run([sys.executable, "-m", "analysis", "validate", "estimate", "--tables",
                        str(ROOT / "tests" / "data"), "--sample", str(drawn), "--sheets", str(coded)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_estimation_design_strata_hold_every_actor(run_dir, tmp_path):
    """--design estimation draws per_stratum items of every outlet x answer x actor: with every unit
    coded as the toolkit did, each outlet x actor cell with two or more units per answer has an interval."""
    import json
    from analysis import sheets as spreadsheet
    from analysis.estimate import estimates
    from analysis.validate import draw_sample
    sample = tmp_path / "est"
    draw_sample(run_dir, sample, per_stratum=2, method="textblob", design="estimation")
    assert json.loads((sample / "design.json").read_text())["design"] == "estimation"
    key = spreadsheet.read_csv(sample / "key.csv")
    assert "sentiment | Outlet 001 | negative | Ukraine" in set(key["stratum"])
    table = estimates(run_dir, sample, [_code_sheet(sample, tmp_path / "a.csv")])
    neg = _cell(table, "sentiment", "negative_share", "Outlet 001", "Ukraine")
    assert neg["n_coded"] >= 2 and neg["corrected"] == neg["naive"]
    # no stratum is split twice by the estimate
    assert "Ukraine | Ukraine" not in " ".join(table["note"])


# ------------------------------------------------------------------ corrected estimates in the figures
@pytest.fixture(scope="module")
def corrected(run_dir, drawn, tmp_path_factory):
    """estimates.csv of a coder who calls every other drawn negative neutral."""
    from analysis.estimate import estimates, write_estimates
    out = tmp_path_factory.mktemp("estimates")
    flips = iter(range(10_000))
    sheet = _code_sheet(drawn, out / "coder.csv",
                        lambda r: "neutral" if r["toolkit_code"] == "negative" and next(flips) % 2 == 0
                        else r["toolkit_code"])
    return write_estimates(estimates(run_dir, drawn, [sheet]), out)


def test_figures_draw_the_corrected_estimates_beside_the_naive(run_dir, corrected, tmp_path):
    import matplotlib.pyplot as plt
    from analysis import figures, session
    s = session.open_tables(run_dir, estimates=corrected, out_dir=tmp_path, formats=("png",))
    e = pd.read_csv(corrected)
    fig, data = figures.build("fig4-sentiment-by-outlet", s.tables, s.params)
    want = e[(e["quantity"] == "negative_share") & (e["method"] == "textblob")]
    assert len(data) == len(want) and "corrected" in fig.axes[0].get_title()
    ax = fig.axes[0]
    points = sorted(round(ln.get_xdata()[0], 4) for ln in ax.lines if ln.get_marker() == "o")
    crosses = sorted(round(ln.get_xdata()[0], 4) for ln in ax.lines if ln.get_marker() == "x")
    assert points == sorted(want["corrected"].dropna()) and crosses == sorted(want["naive"].dropna())
    # the coder moved some estimates: the corrected points are not the naive ones
    assert (want["corrected"] < want["naive"]).any()
    # an estimate without an interval is hollow and its row says why; one without a value says "too few"
    hollow = [ln for ln in ax.lines if ln.get_marker() == "o" and ln.get_markerfacecolor() in ("white", (1, 1, 1, 1))]
    assert len(hollow) == (want["corrected"].notna() & want["corrected_low"].isna()).sum()
    labels = [t.get_text() for t in ax.texts]
    assert sum(t.endswith(": too few") for t in labels) == want["corrected"].isna().sum()
    plt.close(fig)
    # the caption counts the coded items behind the figure: every coded sentiment item of the sheet
    sheet = pd.read_csv(corrected.parent / "coder.csv")
    assert f"with {int((sheet['measure'] == 'sentiment').sum())} coded items" in figures.caption(
        "fig4-sentiment-by-outlet", s.tables, s.params)
    fig6 = int(sheet["measure"].isin(["sentiment", "framing", "speaker"]).sum())
    assert f"with {fig6} coded items" in figures.caption("fig6-outlet-summary", s.tables, s.params)
    for name, quantities in (("fig5-sidelining", {"exclusion_per_article", "inclusion_per_article"}),
                             ("fig6-outlet-summary", {"share_quoted_words", "negative_share", "sidelining_index"})):
        fig, data = figures.build(name, s.tables, s.params)
        assert set(data["quantity"]) <= quantities and set(data["actor"]) == {"Ukraine"}
        plt.close(fig)


def test_estimates_must_match_the_figures(run_dir, corrected):
    from analysis import session
    from analysis.errors import ConfigError
    e = pd.read_csv(corrected, keep_default_na=False)
    e[e["method"].isin(["", "textblob"])].to_csv(corrected.parent / "textblob_only.csv", index=False)
    with pytest.raises(ConfigError, match="corrects the 'textblob' sentiment labels"):
        session.open_tables(run_dir, method="vader", estimates=corrected.parent / "textblob_only.csv")
    with pytest.raises(ConfigError, match="every article of each outlet"):
        session.open_tables(run_dir, date_from="2025-01-01", estimates=corrected)
    with pytest.raises(ConfigError, match="no such file"):
        session.open_tables(run_dir, estimates=corrected.parent / "missing.csv")


def test_report_shows_the_corrected_estimates(run_dir, corrected, tmp_path):
    from analysis import report
    page = report.write(run_dir, tmp_path / "report.html", estimates=str(corrected))
    assert report.check(page)["images"] == 10
    sheet = pd.read_csv(corrected.parent / "coder.csv")
    n = int((sheet["measure"] == "sentiment").sum())
    html = page.read_text(encoding="utf-8")
    # fig4's caption in the page is the corrected one, with the coded items behind it
    assert "Share of negative (textblob) mentions of each actor per outlet, corrected by the coded sample" in html
    assert f"with {n} coded items" in html


def test_fig7_draws_every_methods_corrected_estimate(run_dir, corrected, tmp_path):
    import matplotlib.pyplot as plt
    from analysis import figures, session
    s = session.open_tables(run_dir, estimates=corrected, out_dir=tmp_path, formats=("png",))
    e = pd.read_csv(corrected)
    want = e[(e["quantity"] == "negative_share") & (e["actor"] == "Ukraine")]
    fig, data = figures.build("fig7-sentiment-methods", s.tables, s.params)
    assert set(data["method"]) == {"textblob", "vader", "trained"} and len(data) == len(want)
    ax = fig.axes[0]
    points = sorted(round(ln.get_xdata()[0], 4) for ln in ax.lines if ln.get_marker() == "o")
    assert points == sorted(want["corrected"].dropna()) and "corrected" in ax.get_title()
    plt.close(fig)
    # one set of coded items behind every method's estimates: counted once in the caption
    sheet = pd.read_csv(corrected.parent / "coder.csv")
    text = figures.caption("fig7-sentiment-methods", s.tables, s.params)
    assert f"with {int((sheet['measure'] == 'sentiment').sum())} coded items" in text and "each method" in text
