"""Benchmarks (``make bench``): throughput, time per stage, peak memory, and the notebook baseline.

1. Stages, one core, in this process (textblob, then all three sentiment methods): every
   article of the corpus through ``process_article`` with a stage timer (clean, segment,
   actors, quotes, sentiment, framing), then the rows turned into table bytes (write). Words
   are the body words of the ``articles`` table.
2. The baseline a researcher would write in a notebook, on the same texts, one core: pysbd
   sentences, ``TextBlob(sentence).sentiment`` for every sentence, substring actor matching
   (the sentence's polarity credited to each actor it names) and a quotation regex. Printed
   beside ours as a ratio.
3. The whole command (``python -m analysis run``) with ``--jobs 1`` and ``--jobs N``: wall time
   including start-up, and the peak memory of the process tree (sampled every 0.1 s).
4. The speed-up of ``--jobs N`` over ``--jobs 1`` on a generated corpus of ``--speedup-articles``.
5. A generated corpus of ``--generated`` articles (the corpus's texts under new ids, a
   metadata.csv pointing at the same files) through the whole command: wall time, peak memory.

    python benchmarks/bench.py [--corpus DIR] [--generated 100000] [--speedup-articles 5000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import run as pipeline  # noqa: E402
from analysis.corpus import iter_corpus  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear-train"
ACTORS = ROOT / "data" / "actors" / "ukraine_talks.yml"
STAGES = ("load", "clean", "segment", "actors", "quotes", "sentiment", "framing", "visibility", "write")


def load_records(corpus: Path):
    t0 = time.perf_counter()
    recs = [rec for kind, rec in iter_corpus(corpus) if kind == "article"]
    return recs, time.perf_counter() - t0


def bench_stages(recs, load_seconds: float, methods=("textblob",)) -> dict:
    settings = pipeline.make_settings(ACTORS, tuple(methods))
    pipeline.process_article(recs[0], settings)  # warm-up: lexicons and models loaded outside the timing
    timer = pipeline.StageTimer()
    t0 = time.perf_counter()
    rows = pipeline.process_chunk([("article", r) for r in recs], settings, timer)
    with timer("write"):  # the CSV bytes a worker hands back (the parent only appends them)
        pipeline.tables_bytes(rows, [])
    total = time.perf_counter() - t0
    words = sum(a["n_words"] for a in rows["articles"])
    stages = {"load": load_seconds, **timer.seconds}
    return {"articles": len(recs), "words": words, "seconds": total + load_seconds,
            "words_per_s": words / (total + load_seconds), "articles_per_s": len(recs) / (total + load_seconds),
            "stages": {s: round(stages.get(s, 0.0), 3) for s in STAGES}}


_BASE_QUOTE = re.compile(r"[\"“]([^\"”]{10,}?)[\"”]")


def bench_baseline(recs, words: int) -> dict:
    """What a researcher would write in a notebook; it does far less (no cleaning, scope, attribution)."""
    import pysbd
    from textblob import TextBlob

    from analysis.actors import load_actors
    names: dict[str, list[str]] = {}
    for alias, (actor, _person) in load_actors(ACTORS).alias_map.items():
        names.setdefault(actor, []).append(alias.lower())
    seg = pysbd.Segmenter(language="en", clean=False)
    TextBlob("warm up").sentiment
    t0 = time.perf_counter()
    n_quotes = n_scored = 0
    scores = []
    for r in recs:
        text = r["raw"]
        n_quotes += len(_BASE_QUOTE.findall(text))
        for sent in seg.segment(text):
            polarity = TextBlob(sent).sentiment.polarity
            low = sent.lower()
            for actor, aliases in names.items():
                if any(x in low for x in aliases):
                    n_scored += 1  # the sentence's polarity is credited to the actor
                    scores.append((actor, polarity))
    secs = time.perf_counter() - t0
    return {"seconds": secs, "words_per_s": words / secs, "quotes": n_quotes, "scored": n_scored}


class PeakMemory:
    """Peak resident memory of a process and its children (sum), sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.1):
        import psutil
        self.proc, self.interval, self.peak, self.peak_one = psutil.Process(pid), interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        import psutil
        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
                rss = [p.memory_info().rss for p in procs]
                self.peak, self.peak_one = max(self.peak, sum(rss)), max(self.peak_one, max(rss))
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def stop(self):
        self._stop.set()
        self._thread.join()


def bench_command(corpus: Path, out: Path, jobs: int, method: str = "textblob") -> dict:
    cmd = [sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--actors", str(ACTORS),
           "--out", str(out), "--sentiment", method, "--jobs", str(jobs), "--quiet",
           "--allow-outside-corpus"]  # a generated corpus names the source corpus's files
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"})
    mem = PeakMemory(p.pid)
    rc = p.wait()
    secs = time.perf_counter() - t0
    mem.stop()
    if rc != 0:
        raise SystemExit(f"benchmark run failed ({rc}): {' '.join(cmd)}")
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        words = sum(int(r["n_words"]) for r in csv.DictReader(fh))
    return {"jobs": jobs, "seconds": round(secs, 2), "words": words, "words_per_s": round(words / secs),
            "peak_mb": round(mem.peak / 2**20), "peak_one_process_mb": round(mem.peak_one / 2**20)}


def generate_corpus(src: Path, dest: Path, n: int) -> None:
    """n articles: the source corpus's texts repeated under new ids, pointing at the same files."""
    with open(src / "metadata.csv", newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    dest.mkdir(parents=True, exist_ok=True)
    with open(dest / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "outlet", "path"])
        for i in range(n):
            r = rows[i % len(rows)]
            w.writerow([f"g{i:07d}", r["outlet"], str((src / r["path"]).resolve())])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--generated", type=int, default=100_000, help="articles in the generated corpus (0: skip)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--speedup-articles", type=int, default=5_000,
                    help="generated corpus on which --jobs 1 and --jobs N are compared (0: skip)")
    ap.add_argument("--results", default=str(ROOT / "benchmarks" / "results.json"))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.exists():
        raise SystemExit(f"{corpus}: corpus not found (give --corpus)")
    res = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
           "corpus": str(corpus)}
    recs, load_s = load_records(corpus)
    st = bench_stages(recs, load_s)
    res["stages_one_core"] = st
    print(f"corpus {corpus.name}: {st['articles']} articles, {st['words']:,} words; {os.cpu_count()} cores")
    print(f"ours, one core, in process: {st['seconds']:.2f} s = {st['words_per_s']:,.0f} words/s, "
          f"{st['articles_per_s']:,.0f} articles/s")
    print("  per stage (s): " + ", ".join(f"{k} {v:.2f}" for k, v in st["stages"].items()))
    st3 = bench_stages(recs, load_s, ("textblob", "vader", "trained"))
    res["stages_one_core_three_methods"] = st3
    print(f"same with the three sentiment methods: {st3['seconds']:.2f} s = {st3['words_per_s']:,.0f} words/s; "
          f"sentiment stage {st3['stages']['sentiment']:.2f} s")
    base = bench_baseline(recs, st["words"])
    res["baseline_one_core"] = base
    ratio = st["words_per_s"] / base["words_per_s"]
    res["ratio_ours_over_baseline"] = round(ratio, 2)
    print(f"baseline (pysbd + TextBlob per sentence + substring actors + quote regex), one core: "
          f"{base['seconds']:.2f} s = {base['words_per_s']:,.0f} words/s; ours/baseline = {ratio:.1f}x")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        runs = {}
        for j in sorted({1, args.jobs}):
            runs[j] = bench_command(corpus, tmp / f"j{j}", j)
            r = runs[j]
            print(f"command, --jobs {j}: {r['seconds']:.2f} s wall (with start-up) = {r['words_per_s']:,} words/s, "
                  f"peak memory {r['peak_mb']} MB (largest process {r['peak_one_process_mb']} MB)")
        res["command"] = list(runs.values())
        if args.jobs > 1:
            sp = runs[1]["seconds"] / runs[args.jobs]["seconds"]
            res["speedup_jobs"] = round(sp, 2)
            print(f"speed-up --jobs {args.jobs} over --jobs 1: {sp:.2f}x (start-up and the final merge are serial)")
            if args.speedup_articles:
                mid = tmp / "mid"
                generate_corpus(corpus, mid, args.speedup_articles)
                m1 = bench_command(mid, tmp / "mid1", 1)
                mn = bench_command(mid, tmp / f"mid{args.jobs}", args.jobs)
                sp = m1["seconds"] / mn["seconds"]
                res["speedup_generated"] = {"articles": args.speedup_articles, "jobs_1": m1, f"jobs_{args.jobs}": mn,
                                            "speedup": round(sp, 2)}
                print(f"generated corpus, {args.speedup_articles:,} articles: --jobs 1 {m1['seconds']:.1f} s "
                      f"({m1['words_per_s']:,} words/s), --jobs {args.jobs} {mn['seconds']:.1f} s "
                      f"({mn['words_per_s']:,} words/s): speed-up {sp:.2f}x")
                shutil.rmtree(tmp / "mid1", ignore_errors=True)
        if args.generated:
            gen = tmp / "generated"
            generate_corpus(corpus, gen, args.generated)
            g = bench_command(gen, tmp / "gen_out", args.jobs)
            g["articles"] = args.generated
            res["generated"] = g
            print(f"generated corpus, {args.generated:,} articles, --jobs {args.jobs}: {g['seconds']:.0f} s, "
                  f"{g['words_per_s']:,} words/s, peak memory {g['peak_mb']} MB "
                  f"(largest process {g['peak_one_process_mb']} MB)")
            shutil.rmtree(tmp / "gen_out", ignore_errors=True)
    Path(args.results).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
