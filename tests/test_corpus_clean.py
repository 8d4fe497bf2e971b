import subprocess
import sys

import pytest

from analysis.clean import clean_article
from analysis.corpus import iter_corpus
from analysis.errors import ConfigError
from conftest import ACTORS, CORPUS, ROOT, SEED


def raw(seed):
    return (CORPUS / "articles" / f"{SEED[seed]}.txt").read_text(encoding="utf-8")


HEADLINES = {
    "000": "Russia Negotiates Ukraine Settlement Exclusively With U.S., Says Kremlin",
    "001": "Russia says US 'our main counterpart' in peace talks, sidelining Ukraine",
    "002": "Kremlin confirms Ukraine’s role in peace talks with US and Russia",
    "003": "Russia claims that military victories are increasing its leverage in negotiations with Ukraine.",
    "004": "Kremlin signals no Ukraine breakthrough after Putin talks with US",
}


@pytest.mark.parametrize("seed", sorted(HEADLINES))
def test_headline(seed):
    assert clean_article(raw(seed))["headline"] == HEADLINES[seed]


# (seed, removed line, reason)
BOILERPLATE = [
    ("000", "Editor", "byline"), ("000", "2 Min Read", "read-time counter"),
    ("000", "Trump and Putin", "image caption or header text"),
    ("000", "Ahmed Kamel – Egypt Daily News", "byline"), ("000", "Share This Article", "share prompt"),
    ("001", "Post Comment", "comment section"), ("002", "by editor", "byline"),
    ("002", "Home Europe Kremlin confirms Ukraine’s role in peace talks with US and Russia", "breadcrumb navigation"),
    ("002", "Related Posts", "related-posts block"), ("003", "1. HOME", "breadcrumb navigation"),
    ("003", "• 3 min read", "read-time counter"), ("003", "• 675 Views", "view counter"),
    ("003", "• Last update: 1 days ago", "update stamp"), ("003", "Author: Ava Mitchell", "byline"),
    ("003", "Share", "share prompt"), ("004", "Leave a Reply", "comment section"),
    ("004", "Kremlin Signals No Ukraine Breakthrough After Talks with the US", "repeated headline"),
]


@pytest.mark.parametrize("seed,line,reason", BOILERPLATE)
def test_boilerplate_removed_and_logged(seed, line, reason):
    out = clean_article(raw(seed))
    assert line not in out["body"].split("\n\n")
    assert (line, reason) in [(t, r) for _, t, r in out["log"]]


def test_comment_spam_is_logged_not_kept():
    out = clean_article(raw("001"))
    assert "situs toto" not in out["body"] and "ibounion" not in out["body"]
    reasons = {t[:8]: r for _, t, r in out["log"]}
    assert reasons["ibounion"] == "reader comment"


@pytest.mark.parametrize("seed,n_paragraphs,first,last", [
    ("000", 7, "Russia is conducting all negotiations", "The announcement underscores"),
    ("001", 11, "Russia said Thursday", "“So far no decisions have been made"),
    ("002", 9, "Ukraine is expected to engage", "“I also warned world leaders"),
    ("003", 13, "The Kremlin stated on Wednesday", "The ongoing Russian offensive"),
    ("004", 6, "Two hours ago, five hours", "The situation remains tense"),
])
def test_no_body_paragraph_lost(seed, n_paragraphs, first, last):
    paras = clean_article(raw(seed))["body"].split("\n\n")
    assert len(paras) == n_paragraphs
    assert paras[0].startswith(first) and paras[-1].startswith(last)


def test_authors():
    assert clean_article(raw("000"))["author"] == "Ahmed Kamel"
    assert clean_article(raw("003"))["author"] == "Ava Mitchell"
    assert clean_article(raw("004"))["author"] == ""


def test_subheadings_inside_the_body_survive():
    assert "Reactions from Europe and Ukraine" in clean_article(raw("002"))["body"].split("\n\n")


def _items(path, **kw):
    return list(iter_corpus(path, **kw))


def test_bad_input_is_rejected_with_reasons_and_the_run_goes_on(tmp_path):
    d = tmp_path / "c"
    (d / "a").mkdir(parents=True)
    (d / "a" / "good.txt").write_text("Headline\n\nA body paragraph that is long enough to stay.", encoding="utf-8")
    (d / "a" / "bom.txt").write_bytes("\ufeffTitle\n\nBody “curly” text.".encode("utf-8"))
    (d / "a" / "cp.txt").write_bytes("Title\n\nCaf\xe9 talks \x93quoted\x94.".encode("latin-1"))
    (d / "a" / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (d / "a" / "bin.txt").write_bytes(b"\x00\x01\x02PNG")
    (d / "a" / "big.txt").write_text("word " * 1_100_000, encoding="utf-8")
    (d / "a" / "page.txt").write_text("<html><body><h1>Title</h1><p>First para.</p><p>Second &amp; last.</p></body></html>")
    (d / "metadata.csv").write_text(
        "id,outlet,path\ngood,O,a/good.txt\nbom,O,a/bom.txt\ncp,O,a/cp.txt\nempty,O,a/empty.txt\nbin,O,a/bin.txt\n"
        "big,O,a/big.txt\npage,O,a/page.txt\ngone,O,a/missing.txt\ngood,O,a/good.txt\n", encoding="utf-8")
    items = _items(d)
    arts = {r["article_id"]: r for k, r in items if k == "article"}
    rej = {(r["article_id"], r["reason"].split(":")[0]) for k, r in items if k == "rejected"}
    assert set(arts) == {"good", "bom", "cp", "page"}
    assert rej == {("empty", "empty article"), ("bin", "binary file"), ("big", "too large"),
                   ("gone", "file not found"), ("good", "duplicate id (first at line 2)")}
    assert arts["bom"]["raw"].startswith("Title") and "“curly”" in arts["bom"]["raw"]
    assert "Café talks “quoted”" in arts["cp"]["raw"] and "cp1252" in arts["cp"]["warnings"]
    assert arts["page"]["raw"] == "Title\n\nFirst para.\n\nSecond & last." and "HTML" in arts["page"]["warnings"]


def test_folder_of_txt_without_metadata_warns(tmp_path):
    (tmp_path / "x.txt").write_text("T\n\nBody.", encoding="utf-8")
    items = _items(tmp_path)
    assert items[0][0] == "warning" and "no metadata.csv" in items[0][1]
    assert items[1][1]["article_id"] == "x" and items[1][1]["outlet"] == "unknown"


def test_table_corpora(tmp_path):
    import pandas as pd
    df = pd.DataFrame({"doc": ["a", "b"], "site": ["X", "Y"], "content": ["T\n\nBody one.", ""]})
    df.to_csv(tmp_path / "c.csv", index=False)
    df.to_parquet(tmp_path / "c.parquet")
    (tmp_path / "c.jsonl").write_text('{"doc": "a", "site": "X", "content": "T\\n\\nBody."}\nnot json\n')
    for name in ("c.csv", "c.parquet", "c.jsonl"):
        items = _items(tmp_path / name, text_column="content", id_column="doc", outlet_column="site")
        arts = [r for k, r in items if k == "article"]
        assert arts[0]["article_id"] == "a" and arts[0]["outlet"] == "X"
        assert len([1 for k, _ in items if k == "rejected"]) == 1
    with pytest.raises(ConfigError, match="no text column 'text'"):
        _items(tmp_path / "c.csv")


def test_config_errors_exit_2_with_one_sentence(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("actors:\n  Russia: [unclosed\n")
    for args, needle in ((["--actors", str(bad)], "bad.yml: invalid YAML at line"),
                         (["--corpus", str(tmp_path / "nope")], "corpus path does not exist")):
        p = subprocess.run([sys.executable, "-m", "analysis", "run", "--out", str(tmp_path / "o"), "--quiet", *args],
                           capture_output=True, text=True, cwd=ROOT)
        assert p.returncode == 2
        assert needle in p.stderr and "Traceback" not in p.stderr
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "metadata.csv").write_text("id,path\n1,a.txt\n")
    p = subprocess.run([sys.executable, "-m", "analysis", "run", "--corpus", str(tmp_path / "m"), "--out",
                        str(tmp_path / "o"), "--actors", str(ACTORS), "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 2 and "missing required column(s) outlet" in p.stderr
