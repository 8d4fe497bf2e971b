"""Speed and scale: the fast paths give exactly the straightforward values, a SIGKILLed run resumes
to identical tables, the Dask engine on a local 2-worker cluster gives identical tables, progress."""
import difflib
import filecmp
import os
import re
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from analysis import clean
from analysis.measures import framing, sentiment
from analysis.measures.quotes import rules as attribution
from analysis.run import TABLES, analyse, run
from conftest import ACTORS, CORPUS, ROOT, SHARED, need_shared


def _same_tables(a, b):
    for t in TABLES:
        assert filecmp.cmp(a / f"{t}.csv", b / f"{t}.csv", shallow=False), t


def test_textblob_scores_equal_textblobs_own(tables):
    from textblob import TextBlob
    s = tables["sentiment"]
    windows = s.loc[(s["method"] == "textblob") & s["polarity"].notna(), "window_text"].tolist()
    assert len(windows) > 50
    for w in windows:
        fixed = sentiment.normalise_for_lexicon(w)
        own = TextBlob(fixed).sentiment
        assert sentiment.textblob_scores(w) == (own.polarity, own.subjectivity)


def test_fast_paths_give_the_straightforward_tables(monkeypatch):
    """Pre-filters (cue words before the reported-speech search, literals before each framing cue,
    quick ratios before difflib) switched off must change nothing, on 50 real articles."""
    corpus = need_shared(SHARED / "corpora" / "newswcl50")
    fast = analyse(corpus, ACTORS, methods=("textblob",))
    monkeypatch.setattr(attribution, "_INDIRECT_PREFILTER", re.compile(""))
    monkeypatch.setattr(framing, "possible_cues", lambda text, lexicon: lexicon.ordered)
    monkeypatch.setattr(clean, "_same_headline", lambda line, headline: bool(clean._norm(line)) and bool(
        clean._norm(headline)) and difflib.SequenceMatcher(None, clean._norm(line), clean._norm(headline)).ratio() >= 0.8)
    slow = analyse(corpus, ACTORS, methods=("textblob",))
    for t in TABLES:
        pd.testing.assert_frame_equal(fast[t], slow[t], obj=t)


def test_required_literals_of_cue_patterns():
    need = framing.required_literals
    # literal alternatives multiply the run they stand in; white space is one space
    assert need(r"\bsidelin(?:e|es|ed|ing)\b") == ({"sideline", "sidelines", "sidelined", "sidelining"},)
    assert need(r"(?<!who )\bparticipat(?:e|ion)\b") == ({"participate", "participation"},)
    assert need(r"\b(?:sit|sat)\s+in\s+on\b") == ({"sit in on", "sat in on"},)
    assert need(r"\b(?:not|never)\s+at\s+the\s+table\b|\bno\s+seat\b") == (
        {"not at the table", "never at the table", "no seat"},)
    assert need(r"\w+\s*") is None  # nothing literal: every sentence is tried
    # a look-ahead must match too, so its literals are in the sentence; a negative one requires nothing;
    # every group of three letters or more that is not only everyday words is required, the rarest first
    assert need(r"\bkept\b(?=\s+at\s+arm's\s+length\b)") == ({" at arm's length"}, {"kept"})
    assert need(r"\bsaid\b(?!\s+nothing)") == ({"said"},)
    assert need(r"\brefus\w*\s+to\s+invite\b") == ({" to invite"}, {"refus"})
    assert need(r"\bin\w+\s+to\b") == ({" to"},)  # "in" is too short to be worth a second look-up
    assert need(r"\bcut\w*\s+(?:\w+\s+)?out\b") == ({"cut"}, {"out"})
    assert need(r"\bhanded\w*\s+(?:\w+\s+)?to\s+the\b") == ({"handed"},)  # "to the" is everywhere
    assert need(r"\bwas\s+(?:\w+\s+)?at\s+the\s+talks") == ({"at the talks"},)  # so is "was"
    assert framing.searchable("Kept  AT\narm's") == "kept at arm's"
    cue = framing.Cue("exclusion", "x", re.compile(r"\bsidelin\w*", re.I), "object")
    lex = framing.Lexicon("x", [cue])
    assert framing.possible_cues("They were SIDELINED", lex) == [cue]
    assert framing.possible_cues("They were excluded", lex) == []
    assert framing.possible_cues("They were ſidelined", lex) == [cue]  # ſ folds to s: no shortcut


def test_literal_finder_finds_every_literal_that_occurs():
    """The longest literal at each position, and its prefixes, are every literal in the text, overlaps too."""
    literals = ["in", "inv", "invit", "vite", "side", "sidelin", "line"]
    finder = framing.literal_finder(literals)
    text = "they were sidelined, not invited"
    # "sidelin" where "side" starts too (a prefix), "line" inside it, "in" inside that; "invit" with its
    # prefixes "in" and "inv", and "vite" overlapping it
    assert [(m.start(), m.group(1)) for m in finder.finditer(text)] == [
        (10, "sidelin"), (14, "line"), (15, "in"), (25, "invit"), (27, "vite")]
    cue = framing.Cue("exclusion", "x", re.compile(r"\bside\b"), "object")  # "side" occurs, as a prefix only
    assert framing.possible_cues(text, framing.Lexicon("x", [cue])) == [cue]


def _cmd(out, *extra):
    return [sys.executable, "-m", "analysis", "run", "--corpus", str(SHARED / "corpora" / "polnear-train"),
            "--out", str(out), "--sentiment", "textblob", "--chunk-size", "20", "--quiet", *extra]


def _done(out):
    log = out / ".partial" / "chunks.jsonl"
    return log.read_bytes().count(b"\n") if log.exists() else 0


def test_sigkill_at_any_moment_then_resume_gives_identical_tables(tmp_path):
    need_shared(SHARED / "corpora" / "polnear-train")
    full, part = tmp_path / "full", tmp_path / "part"
    subprocess.run(_cmd(full, "--jobs", "2"), check=True, cwd=ROOT)
    for wait_for in (3, 15):  # killed twice, the second time while resuming
        p = subprocess.Popen(_cmd(part, "--jobs", "2"), cwd=ROOT, start_new_session=True)
        deadline = time.time() + 120
        while _done(part) < wait_for and p.poll() is None and time.time() < deadline:
            time.sleep(0.02)
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        assert _done(part) >= wait_for and _done(part) < 42  # really stopped midway (42 chunks in all)
        assert not any((part / f"{t}.csv").exists() for t in TABLES)  # nothing looks complete
    subprocess.run(_cmd(part, "--jobs", "1"), check=True, cwd=ROOT)
    _same_tables(full, part)
    assert not (part / ".partial").exists()


def test_a_fresh_run_removes_an_earlier_runs_tables(tmp_path):
    run(CORPUS, ACTORS, tmp_path, quiet=True, methods=("textblob",))
    from analysis.run import flow as pipeline
    real = pipeline.process_chunk

    def dying(*args):
        raise KeyboardInterrupt

    pipeline.process_chunk = dying
    try:
        with pytest.raises(KeyboardInterrupt):
            run(CORPUS, ACTORS, tmp_path, quiet=True, methods=("textblob", "vader"))  # another run
    finally:
        pipeline.process_chunk = real
    assert not (tmp_path / "articles.csv").exists() and not (tmp_path / "summary_framing.csv").exists()


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
    yield cluster
    cluster.close()


def test_dask_engine_on_a_local_two_worker_cluster_gives_identical_tables(tmp_path, dask_cluster):
    run(CORPUS, ACTORS, tmp_path / "local", quiet=True, chunk_size=2, jobs=1)
    run(CORPUS, ACTORS, tmp_path / "dask", quiet=True, chunk_size=2, engine="dask",
        scheduler=dask_cluster.scheduler_address)
    _same_tables(tmp_path / "local", tmp_path / "dask")
    assert len(dask_cluster.workers) == 2


def test_progress_bar_shows_rate_and_time_left_and_quiet_silences_it(tmp_path):
    import pty
    cmd = [sys.executable, "-m", "analysis", "run", "--out", str(tmp_path / "a"), "--sentiment", "textblob",
           "--chunk-size", "1", "--jobs", "1"]
    import fcntl
    import struct
    import termios
    master, slave = pty.openpty()  # a terminal on stderr, as a researcher running it has, 120 columns wide
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    p = subprocess.run(cmd, stderr=slave, stdout=subprocess.DEVNULL, cwd=ROOT)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    os.close(master)
    err = err.decode()
    assert p.returncode == 0, err
    assert "5/5" in err and "article/s" in err and "<" in err  # done/total, rate, elapsed<time left
    q = subprocess.run(cmd[:5] + [str(tmp_path / "b")] + cmd[6:] + ["--quiet"], capture_output=True, text=True,
                       cwd=ROOT)
    assert q.returncode == 0 and q.stderr == ""


def test_csv_bytes_without_pandas_equal_pandas_to_csv():
    from analysis.corpus import iter_corpus
    from analysis.run import COLUMNS, make_settings, process_chunk, rows_to_csv_bytes, rows_to_frames
    from analysis.run.store import frame_to_csv_bytes
    corpus = need_shared(SHARED / "corpora" / "newswcl50")
    settings = make_settings(ACTORS, ("textblob", "vader", "trained"))
    items = [it for it in iter_corpus(corpus) if it[0] != "warning"][:12]
    rows = process_chunk(items, settings)
    frames = rows_to_frames(rows, [])
    for t in TABLES:
        if t == "articles":
            continue  # flattened with the extra metadata columns first; compared through whole runs above
        assert rows_to_csv_bytes(rows[t], COLUMNS[t]) == frame_to_csv_bytes(frames[t]), t


def test_summaries_read_in_chunks_equal_those_of_the_whole_tables(run_dir, tmp_path):
    """A large run's summaries of quotations and sentiment read their tables chunk by chunk and keep only
    counts and polarities per group: with chunks of a few rows, the same bytes as from the whole tables."""
    from analysis import sheets
    from analysis.compare import quote_share, quote_share_chunks, sentiment_by_method, sentiment_by_method_chunks
    from analysis.schema import read_table, read_table_chunks
    arts = read_table(run_dir / "articles.csv", ["article_id", "outlet", "n_words"])
    qcols = ["article_id", "outlet", "section", "kind", "n_words", "speaker", "speaker_actor"]
    chunks = list(read_table_chunks(run_dir / "quotes.csv", qcols, rows=7))
    assert len(chunks) > 5 and sum(map(len, chunks)) == len(read_table(run_dir / "quotes.csv", qcols))
    shares = quote_share_chunks(iter(chunks), arts)
    scols = ["outlet", "actor", "method", "polarity", "label", "voice", "speaker_actor"]
    sentiment = read_table(run_dir / "sentiment.csv", scols)
    pairs = [(shares["actor"], quote_share(read_table(run_dir / "quotes.csv", qcols), arts, by="actor")),
             (shares["speaker"], quote_share(read_table(run_dir / "quotes.csv", qcols), arts, by="speaker")),
             (sentiment_by_method_chunks(lambda: read_table_chunks(run_dir / "sentiment.csv", scols, rows=5),
                                         ["textblob", "vader", "trained"]),
              sentiment_by_method(sentiment, ["textblob", "vader", "trained"]))]
    for chunked, whole in pairs:
        sheets.to_csv(chunked, tmp_path / "a.csv")
        sheets.to_csv(whole, tmp_path / "b.csv")
        assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    # and they are what the run wrote
    sheets.to_csv(shares["speaker"], tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_bytes() == (run_dir / "summary_quote_share_speaker.csv").read_bytes()
    assert len(shares["speaker"]) > 10 and shares["speaker"]["quotes"].sum() > 20


def test_a_table_of_whole_articles_is_read_row_by_row_with_the_same_values(tmp_path):
    """The articles table (it holds every body) is read for summaries with the csv module, chunk by chunk:
    the same frame as pandas' reader, quoted commas, newlines and empty fields included."""
    import pandas as pd
    from analysis.schema import read_table, read_table_chunks
    path = tmp_path / "articles.csv"
    path.write_text('article_id,outlet,body,n_words\na1,Outlet A,"Body, with a comma\nand a newline",6\n'
                    'a2,,"He said ""no"".",3\n\na3,Outlet B,,0\n', encoding="utf-8")
    cols = ["article_id", "outlet", "n_words"]
    whole = read_table(path, cols)
    chunks = list(read_table_chunks(path, cols, rows=2))
    assert len(chunks) == 2 and pd.concat(chunks, ignore_index=True).equals(whole)
    assert whole["outlet"].tolist() == ["Outlet A", "", "Outlet B"] and whole["n_words"].tolist() == [6, 3, 0]
