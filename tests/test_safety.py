"""Nothing a user types can corrupt, hang or crash a run: one run per folder, files it did not write
are kept, patterns that hang are refused or timed out, spreadsheet-safe CSV, files outside the corpus,
bad parameters (exit 2, one sentence), empty corpora, nonsense notebook parameters."""
import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import sheets
from analysis.__main__ import main
from analysis.errors import ConfigError
from analysis.run import run
from conftest import ACTORS, CORPUS, ROOT, SHARED, need_shared

PY = sys.executable


def _cli(*args, timeout=300):
    return subprocess.run([PY, "-m", "analysis", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def _exit2(capsys, *argv) -> str:
    """Run the CLI in process; it must exit with 2 and print one line, no traceback. Returns the line."""
    try:
        code = main(list(argv))
    except SystemExit as e:  # argparse's own errors
        code = e.code
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 or err.splitlines()[0].startswith("usage:"), err
    return err


def _corpus(tmp_path, texts: dict[str, str], name="c") -> Path:
    root = tmp_path / name
    (root / "articles").mkdir(parents=True)
    lines = ["id,outlet,path"]
    for aid, text in texts.items():
        (root / "articles" / f"{aid}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{aid},Outlet {aid},articles/{aid}.txt")
    (root / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


# ---------------------------------------------------------------- one run per output folder
def test_two_runs_into_one_folder_one_refuses(tmp_path):
    corpus = need_shared(SHARED / "corpora" / "polnear-train")
    out = tmp_path / "out"
    cmd = [PY, "-m", "analysis", "run", "--quiet", "--corpus", str(corpus), "--sentiment", "textblob",
           "--jobs", "1", "--out", str(out)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = sorted((p.wait(timeout=600), p.stderr.read()) for p in procs)
    assert [code for code, _ in results] == [0, 2]
    assert "another run" in results[1][1] and "is writing to this folder" in results[1][1]
    arts = pd.read_csv(out / "articles.csv", usecols=["article_id"])
    assert len(arts) == arts["article_id"].nunique() == 840


def test_a_killed_run_does_not_keep_the_folder_locked(tmp_path):
    """SIGKILL to the main process only (its pool workers outlive it for a moment): the next run may start."""
    corpus = need_shared(SHARED / "corpora" / "polnear-train")
    out = tmp_path / "out"
    cmd = [PY, "-m", "analysis", "run", "--quiet", "--corpus", str(corpus), "--sentiment", "textblob",
           "--jobs", "2", "--chunk-size", "20", "--out", str(out)]
    p = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
    try:
        log = out / ".partial" / "chunks.jsonl"
        deadline = time.time() + 120
        while not (log.exists() and log.read_text().count("\n") >= 2) and time.time() < deadline:
            time.sleep(0.05)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert len(pd.read_csv(out / "articles.csv", usecols=["article_id"])) == 840


def test_a_run_keeps_files_it_did_not_write_and_drops_stale_derived_ones(tmp_path):
    run(CORPUS, ACTORS, tmp_path, quiet=True, methods=("textblob",))
    (tmp_path / "summary_my_budget.csv").write_text("item,eur\npens,3\n")
    assert _cli("shared", "--tables", str(tmp_path)).returncode == 0
    assert (tmp_path / "shared_items.csv").exists()
    run(CORPUS, ACTORS, tmp_path, quiet=True, methods=("vader",))  # new tables
    assert (tmp_path / "summary_my_budget.csv").read_text() == "item,eur\npens,3\n"
    assert not (tmp_path / "shared_items.csv").exists() and not (tmp_path / "article_similarity.csv").exists()
    assert set(pd.read_csv(tmp_path / "sentiment.csv")["method"]) == {"vader"}


def test_a_run_refuses_to_overwrite_a_file_no_run_wrote(tmp_path, capsys):
    (tmp_path / "articles.csv").write_text("my own notes\n")
    err = _exit2(capsys, "run", "--quiet", "--out", str(tmp_path), "--sentiment", "textblob")
    assert "articles.csv: exists and was not written by a run" in err
    assert (tmp_path / "articles.csv").read_text() == "my own notes\n"


def test_out_naming_a_file(tmp_path, capsys):
    f = tmp_path / "results.csv"
    f.write_text("x\n")
    assert "is a file, not a folder" in _exit2(capsys, "run", "--quiet", "--out", str(f))
    assert f.read_text() == "x\n"


# ---------------------------------------------------------------- patterns that could hang
def _lexicon(tmp_path, pattern: str, extra: str = "") -> str:
    path = tmp_path / "lex.yml"
    path.write_text("exclusion:\n  - {cue: bad, pattern: '" + pattern + "', bind: object" + extra + "}\n")
    return str(path)


@pytest.mark.parametrize("pattern", [r"(\w+\s?)+$", "(a+)+$", r"\bout(?:\s*\w+)*"])
def test_nested_quantifiers_are_refused_at_load(tmp_path, capsys, pattern):
    err = _exit2(capsys, "run", "--quiet", "--out", str(tmp_path / "o"), "--lexicon", _lexicon(tmp_path, pattern))
    assert "exclusion[0]" in err and "exponential time" in err


@pytest.mark.parametrize("pattern", ["(?<!who )", "x*", r"\b"])
def test_a_pattern_matching_the_empty_string_is_refused(tmp_path, capsys, pattern):
    err = _exit2(capsys, "run", "--quiet", "--out", str(tmp_path / "o"), "--lexicon", _lexicon(tmp_path, pattern))
    assert "exclusion[0]" in err and "empty string" in err


def test_an_article_over_its_time_budget_is_rejected_and_the_run_goes_on(tmp_path):
    """(x|x)+y backtracks exponentially on a run of x without a y after it; the load check cannot see it."""
    slow = "Russia will y meet. " + "The talks stalled " + "x" * 40 + " today.\n"
    corpus = _corpus(tmp_path, {"a": "Ukraine was sidelined by Russia.\n", "b": slow, "c": "Ukraine spoke.\n"})
    t0 = time.perf_counter()
    counts = run(corpus, ACTORS, tmp_path / "o", quiet=True, methods=("textblob",), jobs=1,
                 lexicon=_lexicon(tmp_path, "(?:x|x)+y"), article_seconds=1.0)
    assert time.perf_counter() - t0 < 30
    assert counts["articles"] == 2 and counts["rejected"] == 1
    rej = pd.read_csv(tmp_path / "o" / "rejected.csv").iloc[0]
    assert rej["article_id"] == "b"
    assert rej["reason"] == ("time budget of 1 s exceeded in stage framing, exclusion cue 'bad' "
                             "(pattern '(?:x|x)+y')")


# ---------------------------------------------------------------- spreadsheet-safe CSV
@pytest.mark.parametrize("value", ["=1+1", "+49 30", "-- said", "@kremlin", "\tx", "\rx", "'=x", "''-x", "'plain",
                                   "plain", "", "a=b"])
def test_escape_round_trips(value):
    escaped = sheets.escape(value)
    assert not escaped[:1] in ("=", "+", "-", "@", "\t", "\r")
    assert sheets.unescape(escaped) == value
    # a spreadsheet that saves the cell drops the guarding apostrophe: the value comes back all the same
    # (except for text that itself begins with an apostrophe before = + - @: the two readings coincide)
    saved = escaped[1:] if escaped != value else escaped
    if not value.startswith("'"):
        assert sheets.unescape(saved) == value


def test_coding_sheet_cells_never_act_as_formulas_and_read_back_unchanged(tmp_path):
    texts = {"a": "-- Ukraine was sidelined, Russia said.\n\n=SUM(1,2) Ukraine will participate.\n",
             "b": "+1 Ukraine was not invited.\n\n@Kremlin said Ukraine was excluded from talks.\n"}
    corpus = _corpus(tmp_path, texts)
    run(corpus, ACTORS, tmp_path / "t", quiet=True, methods=("textblob",), jobs=1)
    from analysis import validate
    validate.draw_sample(tmp_path / "t", tmp_path / "v", per_stratum=50)
    with open(tmp_path / "v" / "coding_sheet.csv", newline="", encoding="utf-8") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert sum(c.startswith("'") for c in cells) >= 4
    sheet = sheets.read_csv(tmp_path / "v" / "coding_sheet.csv")
    sents = pd.read_csv(tmp_path / "t" / "sentences.csv", dtype=str, keep_default_na=False)
    assert {"-- Ukraine was sidelined, Russia said.", "=SUM(1,2) Ukraine will participate."} <= set(sheet["text"])
    assert set(sheet["text"]) <= set(sents["text"]) | set(pd.read_csv(tmp_path / "t" / "quotes.csv")["text"])
    # a coder's sheet with a formula-looking note is read back as written
    key = sheets.read_csv(tmp_path / "v" / "key.csv")
    measure = dict(zip(key["item_id"], key["measure"]))
    sheet["code"] = [validate.CODES[measure[i]][0] if validate.CODES[measure[i]] else "-- Peskov"
                     for i in sheet["item_id"]]
    sheet["note"] = "=looks like a formula"
    sheets.to_csv(sheet, tmp_path / "v" / "coder.csv")
    _, codes = validate.read_sheet(tmp_path / "v" / "coder.csv", key)
    assert codes == dict(zip(sheet["item_id"], sheet["code"]))


# ---------------------------------------------------------------- files stay inside the corpus
def test_paths_outside_the_corpus_are_rejected(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Ukraine was sidelined in secret.\n")
    corpus = _corpus(tmp_path, {"ok": "Ukraine will participate.\n"})
    (corpus / "articles" / "link.txt").symlink_to(secret)
    with open(corpus / "metadata.csv", "a") as fh:
        fh.write("up,X,../secret.txt\nabs,X,{}\nlink,X,articles/link.txt\nup2,X,../../../../../../etc/passwd\n"
                 .format(secret))
    counts = run(corpus, ACTORS, tmp_path / "o", quiet=True, methods=("textblob",), jobs=1)
    assert counts["articles"] == 1
    rej = pd.read_csv(tmp_path / "o" / "rejected.csv").set_index("article_id")["reason"]
    assert sorted(rej.index) == ["abs", "link", "up", "up2"]
    assert all(r.startswith("path leads outside the corpus folder") for r in rej)
    run(corpus, ACTORS, tmp_path / "o2", quiet=True, methods=("textblob",), jobs=1, allow_outside=True)
    arts = pd.read_csv(tmp_path / "o2" / "articles.csv").set_index("article_id")
    assert {"ok", "up", "abs", "link"} <= set(arts.index)  # the three ways to the secret file are read when allowed
    assert arts.loc["link", "headline"] == "Ukraine was sidelined in secret."  # (a one-line article: its headline)


# ---------------------------------------------------------------- bad parameters
@pytest.mark.parametrize("args,says", [
    (["--window", "0"], "--window: must be a whole number of at least 1 (got 0)"),
    (["--window", "-5"], "--window: must be a whole number of at least 1 (got -5)"),
    (["--chunk-size", "0"], "--chunk-size: must be a whole number of at least 1 (got 0)"),
    (["--chunk-size", "-1"], "--chunk-size: must be a whole number of at least 1 (got -1)"),
    (["--jobs", "0"], "--jobs: must be a whole number of at least 1 (got 0)"),
    (["--jobs", "-1"], "--jobs: must be a whole number of at least 1 (got -1)"),
    (["--sentiment", ""], "--sentiment: give at least one method"),
    (["--sentiment", "textblob,foo"], "--sentiment: unknown method 'foo'"),
    (["--max-bytes", "0"], "--max-bytes: must be a whole number of at least 1 (got 0)"),
    (["--article-timeout", "0"], "--article-timeout: must be a number of seconds above 0"),
])
def test_bad_run_parameters(tmp_path, capsys, args, says):
    err = _exit2(capsys, "run", "--quiet", "--out", str(tmp_path / "o"), *args)
    assert says in err
    assert not (tmp_path / "o").exists()  # refused before anything was written


@pytest.mark.parametrize("window", ["ten", "-3", "0", "2.5"])
def test_bad_lexicon_window(tmp_path, capsys, window):
    err = _exit2(capsys, "run", "--quiet", "--out", str(tmp_path / "o"),
                 "--lexicon", _lexicon(tmp_path, r"\bsidelined\b", f", window: {window}"))
    assert "lex.yml: exclusion[0]: window: must be a whole number of words of at least 1" in err


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("small") / "t"
    run(CORPUS, ACTORS, out, quiet=True, methods=("textblob",), jobs=1)
    return out


@pytest.mark.parametrize("args,says", [
    (["--per-stratum", "0"], "--per-stratum: must be a whole number of at least 1 (got 0)"),
    (["--per-stratum", "-1"], "--per-stratum: must be a whole number of at least 1 (got -1)"),
    (["--method", "foo"], "--method: unknown sentiment method 'foo'"),
    (["--method", "vader"], "has no 'vader' sentiment rows (it has textblob)"),
])
def test_bad_validate_sample_parameters(tmp_path, capsys, small_run, args, says):
    err = _exit2(capsys, "validate", "sample", "--tables", str(small_run), "--out", str(tmp_path / "v"), *args)
    assert says in err


def test_validate_sample_on_empty_tables(tmp_path, capsys):
    empty = tmp_path / "c"
    empty.mkdir()
    (empty / "metadata.csv").write_text("id,outlet,path\n")
    run(empty, ACTORS, tmp_path / "t", quiet=True, methods=("textblob",), jobs=1)
    capsys.readouterr()
    err = _exit2(capsys, "validate", "sample", "--tables", str(tmp_path / "t"), "--out", str(tmp_path / "v"))
    assert "the tables hold no sentences, so there is nothing to sample" in err


@pytest.mark.parametrize("metadata", ["", "id,outlet,path\n", "id,outlet,path\na,X,articles/missing.txt\n"])
def test_an_empty_or_all_rejected_corpus_ends_with_empty_tables_and_exit_0(tmp_path, metadata):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "metadata.csv").write_text(metadata)
    p = _cli("run", "--quiet", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--sentiment", "textblob")
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr and "tables and summaries are empty" in p.stderr
    for name in ("articles", "summary_framing", "summary_sentiment", "summary_visibility", "summary_quote_share_actor"):
        frame = pd.read_csv(tmp_path / "o" / f"{name}.csv")
        assert frame.empty and len(frame.columns) >= 4, name
    assert len(pd.read_csv(tmp_path / "o" / "rejected.csv")) == metadata.count("missing")


# ---------------------------------------------------------------- notebook parameters
def test_notebook_parameters_are_checked(run_dir, tmp_path):
    from analysis import session
    with pytest.raises(ConfigError, match=r"focal_actor = 'Atlantis': not an actor group of the run's actors file "
                                          r"\(known: 'Europe', 'NATO', 'Russia', 'Ukraine', 'United States'\)"):
        session.open_tables(run_dir, focal_actor="Atlantis")
    with pytest.raises(ConfigError, match=r"outlets: 'Outlet 009' is not an outlet of these tables \(known: "
                                          r"'Egypt Daily News', 'Outlet 001'"):
        session.open_tables(run_dir, outlets=["Outlet 001", "Outlet 009"])
    with pytest.raises(ConfigError, match="method = 'bert'"):
        session.open_tables(run_dir, method="bert")
    with pytest.raises(ConfigError, match="date_from = 'yesterday': not a date"):
        session.open_tables(run_dir, date_from="yesterday")
    # as strict as `run --date-from`: pandas would read these as dates
    for bad in ("2025", "Feb 13 2025", "2025-02-30"):
        with pytest.raises(ConfigError, match=f"date_to = '{bad}': not a date"):
            session.open_tables(run_dir, date_to=bad)
    with pytest.raises(ConfigError, match="period = 'year': not one of 'day', 'week', 'month'"):
        session.open_tables(run_dir, period="year")
    with pytest.raises(ConfigError, match="no such folder"):
        session.open_tables(tmp_path / "nowhere")


def test_every_notebook_stops_with_a_clear_message_on_an_empty_run(tmp_path):
    import papermill as pm
    from analysis.notebooks import ANALYSIS_NOTEBOOKS
    empty = tmp_path / "c"
    empty.mkdir()
    (empty / "metadata.csv").write_text("id,outlet,path\n")
    run(empty, ACTORS, tmp_path / "t", quiet=True, methods=("textblob",), jobs=1)
    for nb in ANALYSIS_NOTEBOOKS:
        with pytest.raises(pm.PapermillExecutionError) as err:
            pm.execute_notebook(str(ROOT / "notebooks" / f"{nb}.ipynb"), str(tmp_path / f"{nb}.ipynb"),
                                cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False,
                                parameters={"tables": str(tmp_path / "t")})
        assert "the run processed no article (0 rejected" in str(err.value), nb
        assert not (tmp_path / "t" / "figures").exists()
