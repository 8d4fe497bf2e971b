import filecmp

from analysis import figures
from conftest import ROOT, SHARED, need_shared


def test_committed_figures_regenerate_byte_identically(tables, tmp_path):
    p = figures.Params(out_dir=str(tmp_path), actors_file=str(ROOT / "data/actors/ukraine_talks.yml"))
    for name in figures.FIGURES:
        figures.make(name, tables, p)
        for ext in ("png", "svg", "pdf", "csv"):
            committed = ROOT / "figures" / f"{name}.{ext}"
            assert committed.exists(), committed
            assert filecmp.cmp(committed, tmp_path / f"{name}.{ext}", shallow=False), f"{name}.{ext} differs"


def test_every_figure_has_a_notebook():
    for name, nb in figures.FIGURES.items():
        text = (ROOT / "notebooks" / f"{nb}.ipynb").read_text()
        assert name in text


def test_papermill_on_newswcl50(tmp_path):
    corpus = need_shared(SHARED / "corpora" / "newswcl50")
    from test_run import NEWSWCL_ACTORS as actors
    import papermill as pm
    for nb in ("04_framing", "05_summary"):
        pm.execute_notebook(str(ROOT / "notebooks" / f"{nb}.ipynb"), str(tmp_path / f"{nb}.ipynb"),
                            cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False,
                            parameters={"corpus": str(corpus), "actors": str(actors), "focal_actor": "North Korea",
                                        "out_dir": str(tmp_path / "figs"), "methods": ["textblob"],
                                        "formats": ["png"]})
    assert (tmp_path / "figs" / "fig6-outlet-summary.png").exists()
    assert (tmp_path / "figs" / "fig5-sidelining.csv").read_text().count("\n") == 6  # header + 5 outlets


def test_methods_figure_plots_every_method_per_outlet(tables):
    _, data = figures.build("fig7-sentiment-methods", tables, figures.Params(focal_actor="Ukraine"))
    assert set(data["method"]) == {"textblob", "vader", "trained"} and set(data["actor"]) == {"Ukraine"}
    # every (sentence, Ukraine) row is scored by the trained model; the lexicon methods skip windows without cues
    s = tables["sentiment"]
    rows = s[(s["actor"] == "Ukraine") & (s["method"] == "trained")].groupby("outlet").size()
    got = data.set_index(["method", "outlet"])["n_scored"]
    for outlet, n in rows.items():
        assert got[("trained", outlet)] == n
        assert got[("textblob", outlet)] <= n and got[("vader", outlet)] <= n
