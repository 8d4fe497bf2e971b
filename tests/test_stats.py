"""The one bootstrap (analysis.stats) behind every interval of compare, evaluate and validate."""
import numpy as np

from analysis import stats
from analysis.compare import _index_ci


def test_constant_values_have_a_point_interval():
    assert stats.mean_ci([0.25] * 7) == (0.25, 0.25)


def test_fewer_than_two_values_have_no_interval():
    assert all(np.isnan(x) for x in stats.mean_ci([0.4]))
    assert all(np.isnan(x) for x in stats.mean_ci([0.4, np.nan]))


def test_mean_interval_of_two_values():
    # resamples of [0, 1] have means 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4: the 95% interval is [0, 1]
    assert stats.mean_ci([0.0, 1.0]) == (0.0, 1.0)


def test_interval_is_deterministic_and_seeded():
    v = np.arange(50, dtype=float)
    a, b = stats.mean_ci(v), stats.mean_ci(v)
    c = stats.mean_ci(v, seed=1)
    assert a == b and a != c and a[0] < v.mean() < a[1]


def test_blocks_continue_one_stream():
    """Memory-bounded blocks draw the same indices as one draw."""
    whole = np.concatenate(list(stats.resamples(30, 100, seed=5)))
    blocks = np.concatenate(list(stats.resamples(30, 100, seed=5, max_cells=90)))
    assert whole.shape == (100, 30) and (whole == blocks).all()


def test_several_statistics_at_once_and_undefined_resamples_left_out():
    v = np.array([1.0, 3.0])

    def two(idx):
        mean = v[idx].mean(axis=1)
        return np.column_stack([mean, np.full(len(idx), np.nan)])
    lo, hi = stats.bootstrap(2, two)
    assert (lo[0], hi[0]) == (1.0, 3.0) and np.isnan(lo[1]) and np.isnan(hi[1])


def test_sidelining_index_interval():
    # four articles, each with one exclusion and no inclusion: index 1 in every resample
    assert _index_ci([(1, 0)] * 4) == (1.0, 1.0)
    # only one article carries a frame: no interval
    assert all(np.isnan(x) for x in _index_ci([(1, 0), (0, 0), (0, 0)]))
