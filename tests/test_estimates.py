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
