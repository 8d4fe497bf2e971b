"""Framing and quote share over time (compare.over_time, figure 10): values computed by hand."""
import pandas as pd
import pytest

from analysis import compare


def _tables():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4"], "outlet": ["A", "A", "A", "A"],
        "date": ["2025-03-03", "2025-03-05T10:00", "2025-03-12", ""], "n_words": [1000, 500, 200, 300]})
    framing = pd.DataFrame({  # a1: sentence 1 framed twice (two cues) counts once
        "article_id": ["a1", "a1", "a1", "a1", "a2", "a3", "a4"], "sentence_id": [1, 1, 2, 3, 1, 1, 1],
        "actor": ["X", "X", "X", "X", "X", "Y", "X"],
        "frame": ["exclusion", "exclusion", "exclusion", "inclusion", "exclusion", "exclusion", "exclusion"]})
    quotes = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a2"], "kind": ["direct", "direct", "partial", "indirect"],
        "speaker_actor": ["X", "Z", "X", "X"], "n_words": [10, 30, 5, 50]})
    return {"articles": articles, "framing": framing, "quotes": quotes}


def test_weekly_rates_and_share_by_hand():
    rows, period, undated = compare.over_time(_tables(), "X", "week")
    assert period == "week" and undated == 1  # a4 has no date
    r = rows.set_index(["period", "measure"])
    # week of Monday 3 March: a1 + a2, 1,500 words; exclusion sentences 2 + 1, inclusion 1
    assert r.loc[("2025-03-03", "exclusion_per_1000"), "value"] == 2.0
    assert r.loc[("2025-03-03", "exclusion_per_1000"), ["ci_low", "ci_high"]].tolist() == [2.0, 2.0]  # 2/1000 = 1/500
    assert r.loc[("2025-03-03", "inclusion_per_1000"), "value"] == round(1 / 1500 * 1000, 4)
    # resampling two articles: both a1 (1.0), both a2 (0.0) or one each (0.667): the 95% interval spans 0 to 1
    assert r.loc[("2025-03-03", "inclusion_per_1000"), ["ci_low", "ci_high"]].tolist() == [0.0, 1.0]
    # X's quoted words: 10 (direct) + 5 (partial) of 45; reported speech is not quoted
    assert r.loc[("2025-03-03", "quote_share"), "value"] == round(15 / 45, 4)
    assert r.loc[("2025-03-03", "quote_share"), ["n", "n_articles", "count"]].tolist() == [3, 2, 15]
    # week of 10 March: one article, no X frame (Y's does not count), no quotation: no share, no interval
    assert r.loc[("2025-03-10", "exclusion_per_1000"), "value"] == 0.0
    assert pd.isna(r.loc[("2025-03-10", "quote_share"), "value"])
    assert r.loc[("2025-03-10", "exclusion_per_1000"), "low_n"]  # a single article is too few
    assert len(rows) == 6


def test_the_period_is_chosen_from_the_dates():
    assert compare.period_starts(pd.Series(["2025-03-03", "2025-03-12"]))[1] == "day"      # 9 days
    assert compare.period_starts(pd.Series(["2025-01-01", "2025-12-31"]))[1] == "week"
    assert compare.period_starts(pd.Series(["2015-11-08", "2018-01-01"]))[1] == "month"
    starts, _ = compare.period_starts(pd.Series(["2025-03-05", "2025-03-31", "not a date", None]), "month")
    assert starts.tolist() == ["2025-03-01", "2025-03-01", "", ""]
    starts, _ = compare.period_starts(pd.Series(["2025-03-09", "2025-03-10"]), "week")  # a Sunday, a Monday
    assert starts.tolist() == ["2025-03-03", "2025-03-10"]
    with pytest.raises(ValueError, match="period = 'year'"):
        compare.period_starts(pd.Series(["2025-03-05"]), "year")


def test_the_time_figure_draws_the_rows_it_computes(tables):
    from analysis import figures
    fig, data = figures.build("fig10-over-time", tables, figures.Params(focal_actor="Ukraine"))
    expected, _, _ = compare.over_time(tables, "Ukraine")
    pd.testing.assert_frame_equal(data.reset_index(drop=True), expected.reset_index(drop=True))
    assert len(fig.axes) == 3 * tables["articles"]["outlet"].nunique()
