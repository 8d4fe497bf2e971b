import filecmp

from analysis import figures
from conftest import ROOT, SHARED, need_shared


def test_committed_figures_regenerate_byte_identically(run_dir, tmp_path):
    """The notebooks' way: the tables a run wrote, opened by the session helper, drawn by the builders."""
    from analysis import session
    s = session.open_tables(run_dir, out_dir=str(tmp_path))
    for name in figures.FIGURES:
        figures.make(name, s.tables, s.params)
        for ext in ("png", "svg", "pdf", "csv"):
            committed = ROOT / "figures" / f"{name}.{ext}"
            assert committed.exists(), committed
            assert filecmp.cmp(committed, tmp_path / f"{name}.{ext}", shallow=False), f"{name}.{ext} differs"


def test_every_figure_has_a_notebook():
    for name, nb in figures.FIGURES.items():
        text = (ROOT / "notebooks" / f"{nb}.ipynb").read_text()
        assert name in text


def test_papermill_on_newswcl50(tmp_path):
    """The notebooks on another story's tables: figures go to <tables>/figures, never to the committed ones."""
    corpus = need_shared(SHARED / "corpora" / "newswcl50")
    from test_run import NEWSWCL_ACTORS as actors
    import papermill as pm
    from analysis.run import run
    run(corpus, actors, tmp_path / "tables", quiet=True, methods=("textblob",))
    before = {p.name: p.stat().st_mtime_ns for p in (ROOT / "figures").iterdir()}
    for nb in ("04_framing", "05_summary"):
        pm.execute_notebook(str(ROOT / "notebooks" / f"{nb}.ipynb"), str(tmp_path / f"{nb}.ipynb"),
                            cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False,
                            parameters={"tables": str(tmp_path / "tables"), "focal_actor": "North Korea",
                                        "formats": ["png"]})
    figs = tmp_path / "tables" / "figures"
    assert (figs / "fig6-outlet-summary.png").exists()
    assert (figs / "fig5-sidelining.csv").read_text().count("\n") == 6  # header + 5 outlets
    assert {p.name: p.stat().st_mtime_ns for p in (ROOT / "figures").iterdir()} == before


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
