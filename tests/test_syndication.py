"""Shared text on the seeds, checked by reading them: 001 and 002 (February, Outlets 001 and 002)
carry the same Peskov and Trump remarks; 000 and 003 (December) carry Ushakov's remark on the
Russian army's successes in two different translations; nothing else is shared."""
import pandas as pd
import pytest

from analysis import session, syndication
from conftest import ACTORS, CORPUS, SEED


@pytest.fixture(scope="module")
def shared(tables):
    return syndication.shared_items(tables["articles"], tables["quotes"])


def _pairs(shared, relation):
    s = shared[shared["relation"] == relation]
    return sorted({(a[:3], b[:3]) for a, b in zip(s["article_a"], s["article_b"])})


def test_february_quotations_are_found_as_verbatim_copies(shared):
    v = shared[shared["relation"] == "verbatim quote"]
    assert _pairs(shared, "verbatim quote") == [("001", "002")]
    texts = " | ".join(v["text_a"])
    assert "our main counterpart in this process is Washington" in texts        # Peskov
    assert "Ukraine will participate in the negotiations" in texts              # Peskov
    assert "bilateral Russian-American track" in texts                          # Peskov
    assert "I think they have to make peace." in texts                          # Trump
    assert set(v["speaker"]) == {"Dmitry Peskov", "Donald Trump"} and len(v) == 4
    assert _pairs(shared, "shared paragraph") == [("001", "002")]


def test_december_articles_share_no_copied_text_but_one_statement(shared):
    december = {"000", "003", "004"}
    copied = shared[shared["relation"] != "same statement"]
    assert not any(a[:3] in december or b[:3] in december for a, b in zip(copied["article_a"], copied["article_b"]))
    same = shared[shared["relation"] == "same statement"]
    assert len(same) == 1
    r = same.iloc[0]
    assert (r["article_a"], r["article_b"], r["speaker"]) == (SEED["000"], SEED["003"], "Yuri Ushakov")
    assert r["text_a"].startswith("The success of the Russian army on the battlefield")
    assert r["text_b"].startswith("The progress and tone of the negotiations have been shaped")


def test_article_similarity_matrix(tables):
    m = syndication.article_similarity(tables["articles"])
    assert list(m.index) == list(tables["articles"]["article_id"]) and (m.values == m.values.T).all()
    assert (m.values.diagonal() == 1).all()
    assert 0 < m.loc[SEED["001"], SEED["002"]] < 0.2   # two articles, a few shared passages
    assert m.loc[SEED["000"], SEED["003"]] == 0          # translations share no 5-word sequence


def test_copies_excluded_from_the_later_article_only(tables, shared):
    out = syndication.exclude_copies(tables, shared)
    q, f = out["quotes"], out["framing"]
    # 001 (earlier id on the same date) keeps everything; 002 loses its 3 copied Peskov/Trump quotations
    assert (q["article_id"] == SEED["001"]).sum() == (tables["quotes"]["article_id"] == SEED["001"]).sum()
    assert (tables["quotes"]["article_id"] == SEED["002"]).sum() - (q["article_id"] == SEED["002"]).sum() == 3
    f2 = f[f["article_id"] == SEED["002"]]
    # Peskov's copied frames go; the outlet's own "Ukraine will be involved in the discussions" stays
    assert "main counterpart" not in set(f2["cue"])
    own = f2[(f2["cue"] == "involvement") & (f2["voice"] == "journalist")]
    assert 4 in set(own["sentence_id"])
    assert len(out["sentiment"]) < len(tables["sentiment"])
    for name in ("000", "003", "004"):
        assert (f["article_id"] == SEED[name]).sum() == (tables["framing"]["article_id"] == SEED[name]).sum()


def test_notebook_parameter_copies(run_dir):
    counted = session.open_tables(run_dir, copies="count").tables
    excluded = session.open_tables(run_dir, copies="exclude").tables
    assert len(excluded["framing"]) == len(counted["framing"]) - 4
    from analysis.errors import ConfigError
    with pytest.raises(ConfigError, match="copies = 'drop'"):
        session.open_tables(run_dir, copies="drop")


def test_shared_command_writes_the_items_and_the_matrix(tmp_path):
    import subprocess
    import sys

    from analysis.run import run
    from conftest import ROOT
    run(CORPUS, ACTORS, tmp_path, quiet=True, methods=("textblob",))
    p = subprocess.run([sys.executable, "-m", "analysis", "shared", "--tables", str(tmp_path)], capture_output=True,
                       text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "same statement: 1, shared paragraph: 2, verbatim quote: 4"
    items = pd.read_csv(tmp_path / "shared_items.csv")
    assert len(items) == 7
    m = pd.read_csv(tmp_path / "article_similarity.csv", index_col=0)
    assert m.shape == (5, 5)
