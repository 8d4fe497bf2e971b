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


# ------------------------------------------------------------------ figures that cannot mislead
LONG = "The Ukrainian government and its negotiating delegation"


def _renamed(tables, old, new):
    """The tables with one actor group renamed everywhere it appears (a long name to lay out)."""
    out = {}
    for name, t in tables.items():
        t = t.copy()
        for col in ("actor", "speaker_actor"):
            if col in t.columns:
                t[col] = t[col].replace(old, new)
        out[name] = t
    return out


def _inside(inner, outer, tol=1.0):
    return (inner.x0 >= outer.x0 - tol and inner.y0 >= outer.y0 - tol and inner.x1 <= outer.x1 + tol
            and inner.y1 <= outer.y1 + tol)


def test_estimates_on_few_items_are_hollow_and_flagged(tables):
    fig, data = figures.build("fig4-sentiment-by-outlet", tables, figures.Params())
    assert list(data["low_n"]) == [n < 5 for n in data["n_scored"]]
    # on the seeds: e.g. Outlet 003 scores Russia 10 times (a finding), Outlet 004 NATO once (not)
    row = data.set_index(["outlet", "actor"])
    assert not row.loc[("Outlet 003", "Russia"), "low_n"] and row.loc[("Outlet 004", "NATO"), "low_n"]
    ax = fig.axes[0]
    points = [ln for ln in ax.lines if ln.get_marker() == "o"]
    hollow = [ln for ln in points if ln.get_markerfacecolor() in ("white", (1.0, 1.0, 1.0, 1.0))]
    drawn = data[data["mean_polarity"].notna()]  # an actor named but never scored (n=0) has no point
    assert len(drawn) < len(data)
    assert len(points) == len(drawn) and len(hollow) == drawn["low_n"].sum()
    # every point has its n written beside it
    labels = [t.get_text() for t in ax.texts]
    assert sorted(labels) == sorted(f"n={n}" for n in drawn["n_scored"])
    import matplotlib.pyplot as plt
    plt.close(fig)


def test_means_are_points_not_bars(tables):
    for name in ("fig4-sentiment-by-outlet", "fig7-sentiment-methods", "fig6-outlet-summary"):
        fig, _ = figures.build(name, tables, figures.Params())
        mean_axes = fig.axes if name != "fig6-outlet-summary" else fig.axes[1:]
        for ax in mean_axes:
            assert not ax.patches, f"{name}: a mean drawn as a bar from zero"
        import matplotlib.pyplot as plt
        plt.close(fig)


def test_count_axes_have_whole_number_ticks(tables):
    import matplotlib.pyplot as plt
    fig, _ = figures.build("fig3-top-speakers", tables, figures.Params())
    fig.canvas.draw()
    ticks = fig.axes[0].get_xticks()
    assert len(ticks) >= 3 and all(float(t).is_integer() for t in ticks)
    plt.close(fig)
    fig, _ = figures.build("fig5-sidelining", tables, figures.Params())
    fig.canvas.draw()
    assert all(float(t).is_integer() for t in fig.axes[0].get_yticks())
    plt.close(fig)


def test_long_names_titles_and_legends_stay_inside_and_off_the_data(tables):
    import matplotlib.pyplot as plt
    t = _renamed(tables, "Ukraine", LONG)
    for name in figures.FIGURES:
        fig, _ = figures.build(name, t, figures.Params(focal_actor=LONG))
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        frame = fig.bbox
        for ax in fig.axes:
            title = ax.title.get_window_extent(r)
            assert _inside(title, frame), f"{name}: title '{ax.get_title()}' runs off the figure"
            for other in fig.axes:
                if other is not ax:
                    assert not title.overlaps(other.title.get_window_extent(r)), f"{name}: panel titles overlap"
        for lg in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
            box = lg.get_window_extent(r)
            assert _inside(box, frame), f"{name}: legend runs off the figure"
            assert not any(box.overlaps(ax.get_window_extent(r)) for ax in fig.axes), f"{name}: legend over the data"
        plt.close(fig)


def test_legend_swatches_are_the_colours_of_the_series(tables):
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_hex
    p = figures.Params()
    colors = figures._colors(tables, p)
    fig, data = figures.build("fig3-top-speakers", tables, p)
    swatches = {h.get_label(): to_hex(h.get_facecolor()) for h in fig.legends[0].legend_handles}
    # outlets are told apart by hatching on one neutral swatch, actor groups by colour
    assert {swatches[o] for o in sorted(set(data["outlet"]))} == {"#888888"}
    for group in set(data["speaker_actor"]):
        assert swatches[f"colour: {group}"] == colors[group].lower()
    # each bar has the colour of its speaker's group
    bar_colors = {to_hex(b.get_facecolor()) for b in fig.axes[0].patches if b.get_width() > 0}
    assert bar_colors == {colors[g].lower() for g in set(data.loc[data["quotes"] > 0, "speaker_actor"])}
    plt.close(fig)
    fig, data = figures.build("fig4-sentiment-by-outlet", tables, p)
    keys = {h.get_label(): to_hex(h.get_color()) for h in fig.legends[0].legend_handles}
    for actor in set(data["actor"]):
        assert keys[actor] == colors[actor].lower()
    plt.close(fig)


# ------------------------------------------------------------------ who frames whom
def test_outlet_001_sidelines_ukraine_in_its_own_voice_and_002_relays_peskov(tables):
    from analysis import compare
    v = compare.framing_by_voice(tables["framing"], ["Ukraine"]).set_index(["outlet", "voice_of"])
    # Outlet 001, read by hand: "..., sidelining Ukraine" (headline), "..., sidelining Kyiv in the negotiations",
    # Trump "would not say whether" and Peskov "did not say whether" Ukraine is in: the journalist's four
    assert v.loc[("Outlet 001", "journalist"), "exclusion"] == 4
    assert v.loc[("Outlet 001", "journalist"), "inclusion"] == 0
    # Outlet 002 quotes Peskov: "Ukraine will participate in the negotiations" and "Ukraine's involvement"
    assert v.loc[("Outlet 002", "Russia"), "inclusion"] == 2
    # Zelensky's "without us" twice in Outlet 001: Ukraine frames itself as excluded
    assert v.loc[("Outlet 001", "Ukraine"), "exclusion"] == 2
    fig, data = figures.build("fig8-voices-framing", tables, figures.Params())
    assert data.equals(compare.framing_by_voice(tables["framing"], ["Ukraine"]).reset_index(drop=True))
    import matplotlib.pyplot as plt
    plt.close(fig)


def test_sentiment_rows_carry_the_quoted_speakers_group(tables):
    s = tables["sentiment"]
    assert (s.loc[s["voice"] == "journalist", "speaker_actor"] == "").all()
    # Kaja Kallas in Outlet 002, two sentences: "Ukraine's independence and territorial integrity are
    # unconditional. Our priority must now be strengthening Ukraine ...", each scored by the three methods
    kallas = s[(s["outlet"] == "Outlet 002") & (s["actor"] == "Ukraine") & (s["voice"] == "quoted")
               & (s["speaker_actor"] == "Europe")]
    assert kallas["sentence_id"].nunique() == 2 and len(kallas) == 6
    assert set(kallas["method"]) == {"textblob", "vader", "trained"}
    from analysis import compare
    by = compare.sentiment_by_voice(s, "trained").set_index(["outlet", "actor", "voice_of"])
    assert by.loc[("Outlet 002", "Ukraine", "Europe"), "n_rows"] == 2
