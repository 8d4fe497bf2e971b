import filecmp
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analysis.run import TABLES, run
from conftest import ACTORS, CORPUS, ROOT, SHARED, need_shared

NEWSWCL_ACTORS = ROOT / "tests" / "data" / "newswcl50_event0_actors.yml"


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", "run", "--quiet", *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_jobs_give_byte_identical_tables(tmp_path):
    for j in (1, 2):
        p = _cli("--out", str(tmp_path / f"j{j}"), "--jobs", str(j), "--chunk-size", "2")
        assert p.returncode == 0, p.stderr
    from analysis.run.summaries import SUMMARIES  # with --jobs 2 the summaries are made in two processes
    for t in TABLES + SUMMARIES:
        assert filecmp.cmp(tmp_path / "j1" / f"{t}.csv", tmp_path / "j2" / f"{t}.csv", shallow=False), t
    assert not (tmp_path / "j1" / ".partial").exists()
    arts = pd.read_csv(tmp_path / "j1" / "articles.csv")
    assert arts["outlet"].tolist()[0] == "Egypt Daily News" and "event" in arts.columns


def test_hash_seed_does_not_change_the_tables(tmp_path):
    """A user calling the command does not set PYTHONHASHSEED (the Makefile does): string hashing, and with it
    the order of sets, differs between processes. No table may depend on it (the trained model sums its
    features in first-seen order, not a set's)."""
    import os
    for seed in ("1", "77"):
        p = subprocess.run([sys.executable, "-m", "analysis", "run", "--quiet", "--out", str(tmp_path / seed),
                            "--sentiment", "textblob,vader,trained"], capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": seed})
        assert p.returncode == 0, p.stderr
    from analysis.run.summaries import SUMMARIES
    for t in TABLES + SUMMARIES:
        assert filecmp.cmp(tmp_path / "1" / f"{t}.csv", tmp_path / "77" / f"{t}.csv", shallow=False), t


def test_resume_after_interruption_gives_identical_tables(tmp_path):
    full = tmp_path / "full"
    run(CORPUS, ACTORS, full, chunk_size=2, quiet=True, methods=("textblob",))
    part = tmp_path / "part"
    from analysis.run import flow as pipeline
    real = pipeline.process_chunk
    calls = {"n": 0}

    def dying(*args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # killed while the second chunk is processed
        return real(*args)

    pipeline.process_chunk = dying
    try:
        with pytest.raises(KeyboardInterrupt):
            run(CORPUS, ACTORS, part, chunk_size=2, quiet=True, methods=("textblob",), jobs=1)
    finally:
        pipeline.process_chunk = real
    assert not (part / "articles.csv").exists()          # nothing looks complete
    assert len((part / ".partial" / "chunks.jsonl").read_text().splitlines()) == 1   # one chunk committed
    run(CORPUS, ACTORS, part, chunk_size=2, quiet=True, methods=("textblob",))
    for t in TABLES:
        assert filecmp.cmp(full / f"{t}.csv", part / f"{t}.csv", shallow=False), t


def test_run_writes_per_outlet_summaries(tmp_path):
    run(CORPUS, ACTORS, tmp_path, quiet=True, methods=("textblob", "vader"))
    f = pd.read_csv(tmp_path / "summary_framing.csv").set_index(["outlet", "actor"])
    # Outlet 001 (seed 001): 8 exclusion and 2 inclusion framed sentences for Ukraine (tests/test_sentiment_framing)
    assert f.loc[("Outlet 001", "Ukraine"), ["exclusion", "inclusion"]].tolist() == [8, 2]
    assert f.loc[("Outlet 001", "Ukraine"), "sidelining_index"] == 0.6
    s = pd.read_csv(tmp_path / "summary_sentiment.csv")
    assert set(s["method"]) == {"textblob", "vader"}
    # every scored row has a label, every unscored row (no lexicon cue) has none
    assert (s[["n_negative", "n_neutral", "n_positive"]].sum(axis=1) == s["n_scored"]).all()
    q = pd.read_csv(tmp_path / "summary_quote_share_actor.csv", keep_default_na=False)
    assert q[q["outlet"] == "Outlet 004"]["note"].tolist() == ["no quotations in this outlet"]


def test_parquet_output(tmp_path):
    run(CORPUS, ACTORS, tmp_path, fmt="parquet", quiet=True, methods=("textblob",))
    m = pd.read_parquet(tmp_path / "mentions.parquet")
    assert len(m) == 259 and str(m["start"].dtype) == "Int64"


def test_newswcl50_event_with_its_own_actors_file(tmp_path):
    corpus = need_shared(SHARED / "corpora" / "newswcl50")
    run(corpus, NEWSWCL_ACTORS, tmp_path / "o", quiet=True, methods=("textblob",))
    arts = pd.read_csv(tmp_path / "o" / "articles.csv")
    assert len(arts) == 50 and len(pd.read_csv(tmp_path / "o" / "rejected.csv")) == 0
    m = pd.read_csv(tmp_path / "o" / "mentions.csv")
    ev0 = m[m["article_id"].str.startswith("0_")]
    assert set(ev0["actor"]) >= {"North Korea", "United States"}
    q = pd.read_csv(tmp_path / "o" / "quotes.csv")
    assert (q[q["article_id"].str.startswith("0_")]["speaker"] == "Donald Trump").sum() >= 1


def test_polnear_train_nothing_lost(tmp_path):
    corpus = need_shared(SHARED / "corpora" / "polnear-train")
    counts = run(corpus, ACTORS, tmp_path, quiet=True, jobs=2, methods=("textblob",))
    assert counts["articles"] + counts["rejected"] == 840 and counts["rejected"] == 0


def test_damaged_copy_of_the_bundled_corpus(tmp_path):
    d = tmp_path / "c"
    shutil.copytree(CORPUS, d)
    art = d / "articles"
    (art / "000_4d342d756823a7b9.txt").write_bytes((art / "000_4d342d756823a7b9.txt").read_bytes()[:300])  # truncated
    (art / "001_e1f9903dc677269f.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (art / "002_83cc40f3c48c89aa.txt").write_bytes("Title\n\nKyiv \udcff".encode("utf-8", "surrogateescape"))
    meta = (d / "metadata.csv").read_text().splitlines()
    text4 = (art / "004_fc02664054af1738.txt").read_text(encoding="utf-8")
    (art / "004_fc02664054af1738.txt").write_bytes(text4.replace("’", "'").encode("cp1252", "replace") + b" \x93ok\x94")
    meta.append(meta[4])                                               # duplicate id
    meta.append("005_missing,Outlet 005,,,,articles/005.txt,")        # missing file
    meta.append(",Outlet 006,,,,articles/006.txt,")                   # missing id
    meta.append("007_nopath,Outlet 007,,,,,")                          # missing path
    (d / "metadata.csv").write_text("\n".join(meta) + "\n")
    counts = run(d, ACTORS, tmp_path / "o", quiet=True, methods=("textblob",))
    rej = pd.read_csv(tmp_path / "o" / "rejected.csv", keep_default_na=False)
    arts = pd.read_csv(tmp_path / "o" / "articles.csv", keep_default_na=False).set_index("article_id")
    assert counts["articles"] == 4   # 000 (truncated), 002 (stray bytes), 003 (its first row), 004 (cp1252)
    assert "decoded as cp1252" in arts.loc["004_fc02664054af1738", "warnings"]
    assert arts.loc["002_83cc40f3c48c89aa", "warnings"] == "not UTF-8 (invalid byte at 12); decoded as cp1252"
    assert set(rej["article_id"]) == {"001_e1f9903dc677269f", "003_76d8c9e53e45d6fa", "005_missing", "", "007_nopath"}
    reasons = dict(zip(rej["article_id"], rej["reason"]))
    assert reasons["001_e1f9903dc677269f"].startswith("binary file") and reasons["005_missing"] == "file not found"
    assert reasons[""] == "metadata row has an empty id" and reasons["007_nopath"] == "metadata row has an empty path"
    assert reasons["003_76d8c9e53e45d6fa"].startswith("duplicate id (first at line 5)")


def test_method_robustness_by_hand():
    from analysis.compare import method_robustness
    rows = []
    # actor X: outlet A above B under m1 (0.5 > 0.1), below under m2 (-0.2 < 0.3): the ranking changes
    # actor Y: A above B under both methods; actor Z: m2 scored nothing in C, so C is left out of
    # Z's ranking and A, B are ranked between themselves (B above A under m1 and m2)
    for actor, outlet, m1, m2 in [("X", "A", 0.5, -0.2), ("X", "B", 0.1, 0.3), ("Y", "A", 0.4, 0.6),
                                  ("Y", "B", -0.1, 0.2), ("Z", "A", 0.2, 0.1), ("Z", "B", 0.3, 0.4),
                                  ("Z", "C", 0.9, None)]:
        for method, pol in (("m1", m1), ("m2", m2)):
            rows.append({"outlet": outlet, "actor": actor, "method": method, "polarity": pol,
                         "label": "" if pol is None else "neutral", "voice": "journalist"})
    r = method_robustness(pd.DataFrame(rows), ["m1", "m2"]).set_index(["actor", "outlet"])
    assert r.loc[("X", "A"), ["m1", "m2"]].tolist() == [1.0, 2.0] and r.loc[("X", "A"), "ranking_changes"]
    assert not r.loc[("Y", "B"), "ranking_changes"]
    assert r.loc[("Z", "B"), ["m1", "m2"]].tolist() == [1.0, 1.0] and not r.loc[("Z", "A"), "ranking_changes"]
    assert pd.isna(r.loc[("Z", "C"), "ranking_changes"]) and pd.isna(r.loc[("Z", "C"), "m1"])


# ------------------------------------------------------------------ selection: --where, --outlets, --date-*
def test_where_keeps_one_event_and_reports_the_rest(tmp_path):
    """The seeds' metadata: three articles of 2025-12-03 about the Moscow talks, two of 2025-02-13."""
    p = _cli("--out", str(tmp_path / "moscow"), "--sentiment", "textblob",
             "--where", "event=2025-12 Witkoff–Kushner talks in Moscow")
    assert p.returncode == 0, p.stderr
    arts = pd.read_csv(tmp_path / "moscow" / "articles.csv")
    assert sorted(arts["outlet"]) == ["Egypt Daily News", "Outlet 003", "Outlet 004"]
    assert "2 article(s) left out (event is not 2025-12 Witkoff–Kushner talks in Moscow: 2)" in p.stderr
    # every table holds only the kept articles
    for t in ("quotes", "sentiment", "framing"):
        assert set(pd.read_csv(tmp_path / "moscow" / f"{t}.csv")["article_id"]) <= set(arts["article_id"])


def test_dates_and_outlets_select_and_a_new_selection_starts_afresh(tmp_path):
    out = tmp_path / "sel"
    p = _cli("--out", str(out), "--sentiment", "textblob", "--date-to", "2025-02-13", "--outlets", "Outlet 002,Outlet 009")
    assert p.returncode == 0, p.stderr
    assert pd.read_csv(out / "articles.csv")["outlet"].tolist() == ["Outlet 002"]
    assert "outlet not in --outlets: 4" in p.stderr and "--outlets 'Outlet 009': no article" in p.stderr
    # the same folder with another selection: not resumed from the first one
    p = _cli("--out", str(out), "--sentiment", "textblob", "--date-from", "2025-12-01")
    assert p.returncode == 0, p.stderr
    arts = pd.read_csv(out / "articles.csv")
    assert sorted(arts["date"]) == ["2025-12-03"] * 3
    assert "dated before 2025-12-01: 2" in p.stderr


@pytest.mark.parametrize("args, message", [
    (("--where", "evnt=x"), "--where evnt=x: the corpus has no column 'evnt'"),
    (("--where", "event"), "--where event: write column=value"),
    (("--date-from", "2025-02-30"), "--date-from 2025-02-30: not a date"),
    (("--date-from", "2025-03-01", "--date-to", "2025-02-01"), "is after --date-to"),
])
def test_bad_selection_stops_with_one_sentence(tmp_path, args, message):
    p = _cli("--out", str(tmp_path / "bad"), *args)
    assert p.returncode == 2 and message in p.stderr and p.stderr.count("\n") == 1


def test_notebook_where_selects_articles(run_dir):
    from analysis import session
    from analysis.errors import ConfigError
    s = session.open_tables(run_dir, where={"event": "2025-02 Trump–Putin call and Peskov's 'main counterpart' remarks"})
    assert s.outlets == ["Outlet 001", "Outlet 002"]
    assert set(s.tables["quotes"]["outlet"]) <= {"Outlet 001", "Outlet 002"}
    with pytest.raises(ConfigError, match="no column 'evnt'"):
        session.open_tables(run_dir, where={"evnt": "1"})
