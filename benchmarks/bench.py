"""Benchmarks (``make bench``): whole processes as a user meets them first, then the stages.

1. Whole processes, side by side in one invocation, ``--rounds`` times alternating (median reported):
   the notebook baseline (``benchmarks/baseline.py``: what a researcher would write by hand, pysbd
   sentences, ``TextBlob(sentence).sentiment`` for every sentence, substring actor matching, a quotation
   regex) and ``python -m analysis run`` with its defaults (all three sentiment methods) with ``--jobs 1``
   and ``--jobs N``: wall time from the shell, start-up included, and the peak memory of the process tree
   (sampled every 0.1 s: proportional set sizes summed, ``peak_pss_mb``, the memory taken from the machine;
   resident sizes summed, ``peak_mb``, which counts pages shared after fork once per process); the ratios
   run / baseline and ``--jobs N`` / ``--jobs 1``.
2. Stages, one core, in this process (textblob, then all three sentiment methods): every article of the
   corpus through ``process_article`` with a stage timer (clean, segment, actors, quotes, sentiment,
   framing), then the rows turned into table bytes (write). Words are the body words of ``articles``.
3. The speed-up of ``--jobs N`` over ``--jobs 1`` on a generated corpus of ``--speedup-articles``.
4. A generated corpus of ``--generated`` articles (the corpus's texts under new ids, a metadata.csv
   pointing at the same files) through the whole command: wall time, peak memory.

    python benchmarks/bench.py [--corpus DIR] [--rounds 3] [--generated 100000] [--speedup-articles 5000] [--jobs 2]
    python benchmarks/bench.py --scale 1000000     # only that: the defaults on a million generated articles
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
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


class PeakMemory:
    """Peak memory of a process and its children, sampled in a thread: ``peak`` the sum of their resident
    sizes (pages a worker shares with the parent after fork are counted in both: an over-estimate),
    ``peak_pss`` the sum of their proportional set sizes (a shared page counted once, split among the
    processes sharing it: the memory the run takes from the machine), ``peak_one`` the largest process."""

    def __init__(self, pid: int, interval: float = 0.1, pss_every: int = 10):
        import psutil
        self.proc, self.interval, self.peak, self.peak_one, self.peak_pss = psutil.Process(pid), interval, 0, 0, 0
        # the proportional set size walks each process's page tables (about 2 ms per 200 MB process): read
        # ten times a second it took CPU from the workers of a --jobs 2 run on two cores, so it is read once
        # a second, and the resident sizes (a cheap read) ten times
        self.pss_every = pss_every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        import psutil
        n = 0
        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
                if n % self.pss_every == 0:
                    full = [p.memory_full_info() for p in procs]  # rss and pss (Linux: smaps_rollup)
                    self.peak_pss = max(self.peak_pss, sum(getattr(m, "pss", m.rss) for m in full))
                else:
                    full = [p.memory_info() for p in procs]
                rss = [m.rss for m in full]
                self.peak, self.peak_one = max(self.peak, sum(rss)), max(self.peak_one, max(rss))
            except psutil.Error:
                pass
            n += 1
            self._stop.wait(self.interval)

    def stop(self):
        self._stop.set()
        self._thread.join()


def timed_process(cmd: list[str], stdout=None) -> tuple[float, PeakMemory]:
    """Wall time of a command from start to exit, and its peak memory (process tree)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"}, stdout=stdout)
    mem = PeakMemory(p.pid)
    rc = p.wait()
    secs = time.perf_counter() - t0
    mem.stop()
    if rc != 0:
        raise SystemExit(f"benchmark command failed ({rc}): {' '.join(cmd)}")
    return secs, mem


def run_command(corpus: Path, out: Path, jobs: int, method: str | None = "textblob") -> list[str]:
    """``python -m analysis run``; ``method`` None: the defaults (all three sentiment methods)."""
    return ([sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--actors", str(ACTORS),
             "--out", str(out), "--jobs", str(jobs), "--quiet", "--allow-outside-corpus"]  # generated corpora
            + (["--sentiment", method] if method else []))


def bench_command(corpus: Path, out: Path, jobs: int, method: str | None = "textblob") -> dict:
    shutil.rmtree(out, ignore_errors=True)
    secs, mem = timed_process(run_command(corpus, out, jobs, method))
    with open(out / "articles.csv", newline="", encoding="utf-8") as fh:
        words = sum(int(r["n_words"]) for r in csv.DictReader(fh))
    return {"jobs": jobs, "seconds": round(secs, 2), "words": words, "words_per_s": round(words / secs),
            "peak_mb": round(mem.peak / 2**20), "peak_pss_mb": round(mem.peak_pss / 2**20),
            "peak_one_process_mb": round(mem.peak_one / 2**20)}


def bench_processes(corpus: Path, tmp: Path, jobs: int, rounds: int) -> dict:
    """The baseline and ``run`` (defaults, --jobs 1 and --jobs N) as whole processes, alternating."""
    from analysis.actors import load_actors
    names: dict[str, list[str]] = {}
    for alias, (actor, _person) in load_actors(ACTORS).alias_map.items():
        names.setdefault(actor, []).append(alias)
    names_file = tmp / "baseline_names.json"
    names_file.write_text(json.dumps(names, sort_keys=True), encoding="utf-8")
    times: dict[str, list[dict]] = {"baseline": [], "run_jobs_1": [], f"run_jobs_{jobs}": []}
    for _ in range(rounds):
        secs, mem = timed_process([sys.executable, str(ROOT / "benchmarks" / "baseline.py"), str(corpus),
                                   str(names_file)], stdout=subprocess.DEVNULL)
        times["baseline"].append({"seconds": round(secs, 2), "peak_mb": round(mem.peak / 2**20),
                                  "peak_pss_mb": round(mem.peak_pss / 2**20)})
        for j in sorted({1, jobs}):
            r = bench_command(corpus, tmp / f"whole_j{j}", j, method=None)
            times[f"run_jobs_{j}"].append({k: r[k] for k in ("seconds", "peak_mb", "peak_pss_mb")})
    out = {"rounds": rounds}
    for name, runs in times.items():
        secs = sorted(r["seconds"] for r in runs)
        out[name] = {"median_seconds": secs[len(secs) // 2], "all_seconds": [r["seconds"] for r in runs],
                     "peak_mb": max(r["peak_mb"] for r in runs), "peak_pss_mb": max(r["peak_pss_mb"] for r in runs)}
    base = out["baseline"]["median_seconds"]
    out["run_jobs_1"]["times_faster_than_baseline"] = round(base / out["run_jobs_1"]["median_seconds"], 2)
    if jobs > 1:
        jn = out[f"run_jobs_{jobs}"]
        jn["times_faster_than_baseline"] = round(base / jn["median_seconds"], 2)
        jn["speedup_over_jobs_1"] = round(out["run_jobs_1"]["median_seconds"] / jn["median_seconds"], 2)
    return out


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


def _record(results: Path, res: dict) -> None:
    """Merge ``res`` into the results file: what was measured now replaces its record, the rest stays."""
    kept = json.loads(results.read_text(encoding="utf-8")) if results.is_file() else {}
    for stale in ("command", "baseline_one_core", "ratio_ours_over_baseline"):  # records of the older layout
        kept.pop(stale, None)
    kept.update(res)
    results.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")
    print(f"results written to {results}")


def _scale(corpus: Path, n: int, jobs: int, results: Path, res: dict) -> int:
    """A generated corpus of ``n`` articles through ``run`` with its defaults: wall time, words, peak memory."""
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        gen = Path(tmp) / "generated"
        generate_corpus(corpus, gen, n)
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        g = bench_command(gen, Path(tmp) / "out", jobs, method=None)
        g.update(articles=n, started=started, sentiment="textblob, vader, trained (defaults)")
        print(f"generated corpus, {n:,} articles, defaults, --jobs {jobs}: {g['seconds']:.0f} s, "
              f"{g['words_per_s']:,} words/s, peak memory {g['peak_pss_mb']} MB proportional ({g['peak_mb']} MB "
              f"resident summed, largest process {g['peak_one_process_mb']} MB)")
    res[f"scale_{n}"] = g
    _record(results, res)
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--generated", type=int, default=100_000, help="articles in the generated corpus (0: skip)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--speedup-articles", type=int, default=5_000,
                    help="generated corpus on which --jobs 1 and --jobs N are compared (0: skip)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of the whole-process timings")
    ap.add_argument("--results", default=str(ROOT / "benchmarks" / "results.json"))
    ap.add_argument("--scale", type=int, default=0,
                    help="only this: a generated corpus of N articles through `run` with its defaults (all three "
                         "sentiment methods) at --jobs, recorded as scale_<N> (e.g. 1000000; run it in the background)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.exists():
        raise SystemExit(f"{corpus}: corpus not found (give --corpus)")
    res = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
           "corpus": str(corpus)}
    if args.scale:
        return _scale(corpus, args.scale, args.jobs, Path(args.results), res)
    recs, load_s = load_records(corpus)
    words = None
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        whole = bench_processes(corpus, Path(tmp), args.jobs, args.rounds)
        with open(Path(tmp) / "whole_j1" / "articles.csv", newline="", encoding="utf-8") as fh:
            words = sum(int(r["n_words"]) for r in csv.DictReader(fh))
    res["whole_processes"] = whole
    b, j1 = whole["baseline"], whole["run_jobs_1"]
    print(f"WHOLE PROCESSES on {corpus.name} ({len(recs)} articles, {words:,} words, {os.cpu_count()} cores), "
          f"{args.rounds} rounds alternating, median wall time with start-up:")
    print(f"  notebook baseline (benchmarks/baseline.py)     {b['median_seconds']:6.2f} s  peak {b['peak_pss_mb']} MB")
    print(f"  run, defaults (3 sentiment methods), --jobs 1  {j1['median_seconds']:6.2f} s  peak {j1['peak_pss_mb']} MB"
          f"  {j1['times_faster_than_baseline']:.2f}x the baseline")
    if args.jobs > 1:
        jn = whole[f"run_jobs_{args.jobs}"]
        print(f"  run, defaults, --jobs {args.jobs}                     {jn['median_seconds']:6.2f} s  peak "
              f"{jn['peak_pss_mb']} MB  {jn['times_faster_than_baseline']:.2f}x the baseline, "
              f"{jn['speedup_over_jobs_1']:.2f}x --jobs 1")
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
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        if args.jobs > 1:
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
                  f"{g['words_per_s']:,} words/s, peak memory {g['peak_pss_mb']} MB proportional "
                  f"(largest process {g['peak_one_process_mb']} MB)")
            shutil.rmtree(tmp / "gen_out", ignore_errors=True)
    _record(Path(args.results), res)  # a part skipped (e.g. --generated 0) keeps its earlier record
    return 0


if __name__ == "__main__":
    sys.exit(main())
