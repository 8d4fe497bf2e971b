"""Command line: python -m analysis run | evaluate quotes|sentiment | validate sample|score|estimate|simulate|power | shared | report | train-sentiment | train-speakers | report-cleaning."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import ConfigError
from . import config

ROOT = config.ROOT


class _Help(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help shows its default, except where there is none to show."""

    def _get_help_string(self, action):
        if action.required or action.default is None or isinstance(action.default, bool):
            return action.help
        return super()._get_help_string(action)


def _parser() -> argparse.ArgumentParser:
    fmt = _Help
    p = argparse.ArgumentParser(prog="python -m analysis", description="Media framing toolkit", formatter_class=fmt)
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="run the whole pipeline over a corpus and write the tables", formatter_class=fmt)
    r.add_argument("--corpus", default=str(config.CORPUS),
                   help="a folder with metadata.csv, a folder of .txt files, or one .csv/.jsonl/.parquet file")
    r.add_argument("--actors", default=str(config.ACTORS), help="actors file (YAML)")
    r.add_argument("--lexicon", default=str(config.LEXICON), help="framing cue lexicon (YAML)")
    r.add_argument("--out", required=True, help="folder for the tables (one run at a time)")
    r.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table file format")
    r.add_argument("--sentiment", default="textblob,vader,trained",
                   help="comma-separated methods: textblob, vader, trained")
    r.add_argument("--speakers", choices=config.SPEAKERS, default=config.SPEAKERS[0],
                   help="who chooses a quotation's speaker: the speaker model trained on PolNeAR, or the first "
                        "attribution rule that fires")
    r.add_argument("--window", type=int, default=config.WINDOW, help="sentiment window: tokens each side of a mention")
    r.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    r.add_argument("--chunk-size", type=int, default=config.CHUNK_SIZE, help="articles per chunk (the unit of resuming)")
    r.add_argument("--engine", choices=["local", "dask"], default="local", help="process pool or Dask")
    r.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    r.add_argument("--text-column", default="text", help="text column of a .csv/.jsonl/.parquet corpus")
    r.add_argument("--id-column", default="id", help="article id column of a .csv/.jsonl/.parquet corpus")
    r.add_argument("--outlet-column", default="outlet", help="outlet column of a .csv/.jsonl/.parquet corpus")
    r.add_argument("--max-bytes", type=int, default=config.MAX_BYTES, help="larger articles are rejected")
    r.add_argument("--article-timeout", type=float, default=config.ARTICLE_SECONDS,
                   help="seconds one article may take before it is rejected (the run goes on)")
    r.add_argument("--allow-outside-corpus", action="store_true",
                   help="read files that metadata.csv names outside the corpus folder")
    r.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                   help="keep only articles whose metadata column has this value, e.g. --where event=7 "
                        "(repeat for several conditions, all must hold)")
    r.add_argument("--outlets", default=None, help="comma-separated outlets to keep (default: all)")
    r.add_argument("--date-from", default=None, help="keep articles dated from this day (YYYY-MM-DD)")
    r.add_argument("--date-to", default=None, help="keep articles dated up to this day, inclusive (YYYY-MM-DD)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")

    e = sub.add_parser("evaluate", help="measure accuracy against annotated data", formatter_class=fmt)
    esub = e.add_subparsers(dest="what", required=True)
    eq = esub.add_parser("quotes", help="quotation spans and speakers against annotated gold", formatter_class=fmt)
    eq.add_argument("--corpus", required=True, help="corpus folder of the gold file's articles")
    eq.add_argument("--gold", required=True, help="gold quotations (JSON: PolNeAR gold_quotes or gold_attributions, "
                    "or the sidelining layout)")
    eq.add_argument("--actors", default=None, help="actors file (default: none, speakers stay raw)")
    eq.add_argument("--misses", type=int, default=20, help="how many misses of each kind to print")
    eq.add_argument("--speakers", choices=config.SPEAKERS, default=config.SPEAKERS[0],
                    help="who chooses the speaker: the speaker model (as in a run) or the first rule that fires")
    ef = esub.add_parser("framing", help="exclusion and inclusion frames against sentence-level gold",
                         formatter_class=fmt)
    ef.add_argument("--corpus", required=True, help="corpus folder of the gold file's articles")
    ef.add_argument("--actors", required=True, help="actors file of that story")
    ef.add_argument("--lexicon", default=str(config.LEXICON), help="framing cue lexicon (YAML)")
    ef.add_argument("--gold", required=True, help="framing gold (JSON, ../shared/eval/sidelining layout)")
    ef.add_argument("--at-issue", default=None, metavar="ACTOR,ACTOR",
                    help="the actors whose participation is at issue, replacing the actors file's at_issue list "
                         "(only they get inclusion frames); 'all' for every actor")
    ef.add_argument("--misses", type=int, default=20, help="how many misses and false frames to print")
    ef.add_argument("--out", default=None, help="also write scores, misses and false frames as CSV here")
    es = esub.add_parser("sentiment", help="sentiment toward targets against NewsMTSC-style gold", formatter_class=fmt)
    es.add_argument("--data", required=True, help="NewsMTSC-format JSONL file, or a gold JSON of annotated "
                                                   "articles (../shared/eval/sidelining layout) with --corpus and --actors")
    es.add_argument("--corpus", default=None, help="the articles of a gold JSON")
    es.add_argument("--actors", default=None, help="the actors file of a gold JSON's story")
    es.add_argument("--method", required=True, choices=["textblob", "vader", "trained", "textblob-sentence"],
                    help="the method to score")
    es.add_argument("--window", type=int, default=config.WINDOW, help="tokens each side of the target")
    es.add_argument("--predictions", default=None, help="write every target's prediction to this CSV")
    es.add_argument("--sweep", action="store_true",
                    help="lexicon methods: macro-F1 over window sizes and label thresholds, best first")

    t = sub.add_parser("train-sentiment", help="retrain the 'trained' sentiment model from NewsMTSC train",
                       formatter_class=fmt)
    t.add_argument("--data", default=str(ROOT.parent / "shared/eval/newsmtsc/train.jsonl"), help="training file")
    t.add_argument("--dev", nargs="*", default=[str(ROOT.parent / f"shared/eval/newsmtsc/{d}.jsonl")
                                                for d in ("dev_mt", "dev_rw")],
                   help="files only scored after training (no choice is made on them)")
    t.add_argument("--out", default=None, help="model file (default: data/models/sentiment_newsmtsc.json)")
    ts = sub.add_parser("train-speakers", help="retrain the speaker model from PolNeAR train", formatter_class=fmt)
    ts.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/polnear-train"), help="training articles")
    ts.add_argument("--gold", default=str(ROOT.parent / "shared/eval/polnear-train/gold_attributions.json"),
                    help="their gold attributions")
    ts.add_argument("--actors", default=str(ROOT / "data/actors/us_election_2016.yml"),
                    help="actors file the training run resolves speakers with")
    ts.add_argument("--dev", nargs=2, action="append", metavar=("CORPUS", "GOLD"),
                    default=None, help="a corpus and its gold, only scored after training (repeatable; "
                                       "default: PolNeAR dev)")
    ts.add_argument("--out", default=None, help="model file (default: data/models/speaker_polnear.json)")
    t.add_argument("--window", type=int, default=config.WINDOW, help="tokens each side of a mention the model reads")

    v = sub.add_parser("validate", help="coding sample for human validation, and scores against the coded sheets",
                       formatter_class=fmt)
    vsub = v.add_subparsers(dest="what", required=True)
    vs = vsub.add_parser("sample", help="draw a stratified coding sample from a run's tables", formatter_class=fmt)
    vs.add_argument("--tables", required=True, help="the --out folder of `python -m analysis run`")
    vs.add_argument("--out", required=True, help="folder for coding_sheet.csv, key.csv, instructions.md")
    vs.add_argument("--per-stratum", type=int, default=config.PER_STRATUM, help="items per measure x outlet x toolkit answer")
    vs.add_argument("--method", default="textblob", help="sentiment method whose labels are validated")
    vs.add_argument("--seed", type=int, default=config.SEED, help="random seed of the draw")
    vs.add_argument("--actors", default=str(config.ACTORS),
                    help="the actors file the run used: the instructions list each actor's names")
    vs.add_argument("--lexicon", default=str(config.LEXICON),
                    help="the framing lexicon the run used: the instructions name its kinds of cue")
    vs.add_argument("--design", default="scores", choices=("scores", "estimation"),
                    help="scores: strata by measure x outlet x toolkit answer (precision, recall); estimation: "
                         "also by actor, for `validate estimate` (per_stratum items per actor)")
    vm = vsub.add_parser("simulate", help="coverage of the naive and the corrected 95%% intervals of the negative and "
                                          "positive shares, on a NewsMTSC file whose gold labels are the truth",
                         formatter_class=fmt)
    _simulation_args(vm, draws=500)
    vm.add_argument("--sample-size", type=int, default=100, help="coded items per simulated sample")
    vp = vsub.add_parser("power", help="coded items needed for a target interval width: coverage and width of the "
                                       "corrected interval per sample size, simulated on a NewsMTSC file",
                         formatter_class=fmt)
    _simulation_args(vp, draws=200)
    vp.add_argument("--sizes", default="25,50,100,200", help="comma-separated numbers of coded items")
    ve = vsub.add_parser("estimate", help="per outlet and actor, naive and corrected estimates with 95%% intervals "
                                          "from the run's labels and the coded sample -> estimates.csv",
                         formatter_class=fmt)
    ve.add_argument("--tables", required=True, help="the --out folder of the run the sample was drawn from")
    ve.add_argument("--sample", required=True, help="the folder written by `validate sample`")
    ve.add_argument("--sheets", nargs="+", required=True, help="coded copies of coding_sheet.csv, one per coder")
    ve.add_argument("--method", default=None, help="sentiment method of the sample (default: from its design.json)")
    ve.add_argument("--actors", default=None, help="actors file whose people map coders' speaker names to groups "
                                                   "(default: only the run's own speakers)")
    ve.add_argument("--out", default=None, help="folder for estimates.csv (default: the sample folder)")
    vc = vsub.add_parser("score", help="score the toolkit against coded sheets", formatter_class=fmt)
    vc.add_argument("--sample", required=True, help="the folder written by `validate sample`")
    vc.add_argument("--sheets", nargs="+", required=True, help="coded copies of coding_sheet.csv, one per coder")
    vc.add_argument("--out", default=None, help="folder for validation_*.csv (default: the sample folder)")

    sh = sub.add_parser("shared", help="quotations and paragraphs shared across outlets, article similarity",
                        formatter_class=fmt)
    sh.add_argument("--tables", required=True, help="the --out folder of `python -m analysis run`")
    sh.add_argument("--out", default=None, help="folder for shared_items.csv and article_similarity.csv "
                                                "(default: the tables folder)")

    rp = sub.add_parser("report", help="the HTML report of a run's tables: figures, captions, data, evidence",
                        formatter_class=fmt)
    rp.add_argument("--tables", default=str(config.BUNDLED_TABLES), help="the --out folder of `python -m analysis run`")
    rp.add_argument("--out", default="report/report.html", help="the HTML file to write")
    rp.add_argument("--focal-actor", default="Ukraine", help="actor group of the framing, time and summary figures")
    rp.add_argument("--method", default="textblob", help="sentiment method of the single-method figures")
    rp.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                    help="keep only articles whose metadata column has this value (repeatable)")
    rp.add_argument("--outlets", default=None, help="comma-separated outlets to show, in this order (default: all)")
    rp.add_argument("--date-from", default=None, help="keep articles dated from this day (YYYY-MM-DD)")
    rp.add_argument("--date-to", default=None, help="keep articles dated up to this day, inclusive (YYYY-MM-DD)")
    rp.add_argument("--copies", choices=("count", "exclude"), default="count",
                    help="exclude: leave out text copied from another outlet's earlier article")
    rp.add_argument("--period", choices=("day", "week", "month"), default=None,
                    help="period of the time figure (default: chosen from the dates' range)")
    rp.add_argument("--estimates", default=None, help="estimates.csv of `validate estimate`: corrected figures 4-6")
    rp.add_argument("--check", action="store_true", help="only check an existing --out page (parses, images "
                                                         "embedded, internal links resolve)")
    rp.add_argument("--screenshot", default=None, metavar="PNG",
                    help="also render the page to this PNG with a headless Chromium")

    c = sub.add_parser("report-cleaning", help="count the lines the cleaning rules remove in a corpus, by reason",
                       formatter_class=fmt)
    c.add_argument("--corpus", required=True, help="corpus folder or file")
    return p


def _simulation_args(parser, draws: int) -> None:
    """--data, --method, --draws, --seed of the simulations on a NewsMTSC file (simulate, power)."""
    parser.add_argument("--data", required=True,
                        help="NewsMTSC .jsonl file (e.g. ../shared/eval/newsmtsc/dev_mt.jsonl)")
    parser.add_argument("--method", required=True, choices=("trained", "textblob", "vader"), help="sentiment method")
    parser.add_argument("--draws", type=int, default=draws, help="simulated samples (per size)")
    parser.add_argument("--seed", type=int, default=config.SEED, help="random seed of the draws")


def pd_options():
    import pandas as pd
    return pd.option_context("display.width", 200, "display.max_columns", 30)


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            from . import selection
            from .run import run
            counts = run(args.corpus, args.actors, args.out, fmt=args.format, jobs=args.jobs,
                         methods=tuple(m.strip() for m in args.sentiment.split(",") if m.strip()),
                         lexicon=args.lexicon, window=args.window, chunk_size=args.chunk_size, quiet=args.quiet,
                         engine=args.engine, scheduler=args.scheduler, text_column=args.text_column,
                         id_column=args.id_column, outlet_column=args.outlet_column, max_bytes=args.max_bytes,
                         article_seconds=args.article_timeout, allow_outside=args.allow_outside_corpus,
                         speakers=args.speakers, select=selection.parse(args.where, args.outlets, args.date_from,
                                                                        args.date_to))
            if not args.quiet:
                print(" ".join(f"{t}={n}" for t, n in counts.items()), file=sys.stderr)
            return 0
        if args.command == "evaluate" and args.what == "quotes":
            from .evaluate_quotes import evaluate_quotes
            return evaluate_quotes(args.corpus, args.gold, args.actors, args.misses, args.speakers)
        if args.command == "evaluate" and args.what == "framing":
            from .evaluate_framing import evaluate_framing
            return evaluate_framing(args.corpus, args.actors, args.gold, args.lexicon, args.misses, args.out,
                                    args.at_issue)
        if args.command == "evaluate" and args.what == "sentiment":
            from .evaluate import evaluate_sentiment, sweep_sentiment
            if args.sweep:
                return sweep_sentiment(args.data, args.method)
            return evaluate_sentiment(args.data, args.method, args.window, args.predictions, args.corpus, args.actors)
        if args.command == "validate":
            from . import validate
            if args.what == "sample":
                from .actors import load_actors
                sheet = validate.draw_sample(args.tables, args.out, args.per_stratum, args.method, args.seed,
                                             design=args.design, actors=load_actors(args.actors),
                                             lexicon=args.lexicon)
                counts = sheet["measure"].value_counts().reindex(list(validate.MEASURES), fill_value=0)
                print(f"{len(sheet)} items ({', '.join(f'{m} {n}' for m, n in counts.items())}) -> "
                      f"{Path(args.out) / 'coding_sheet.csv'}; instructions in {Path(args.out) / 'instructions.md'}")
                return 0
            if args.what == "simulate":
                from .simulate import simulate
                table = simulate(args.data, args.method, args.sample_size, args.draws, args.seed)
                table.to_csv(sys.stdout, index=False, float_format="%.4f", lineterminator="\n")
                return 0
            if args.what == "power":
                from .simulate import power
                sizes = []
                for part in args.sizes.split(","):
                    if not part.strip().isdigit():
                        raise ConfigError(f"--sizes: '{part.strip()}' is not a whole number of coded items")
                    sizes.append(int(part))
                table = power(args.data, args.method, sizes, args.draws, args.seed)
                table.to_csv(sys.stdout, index=False, float_format="%.4f", lineterminator="\n")
                return 0
            if args.what == "estimate":
                from .actors import load_actors
                from .estimate import estimates, write_estimates
                table = estimates(args.tables, args.sample, args.sheets, args.method,
                                  load_actors(args.actors) if args.actors else None)
                path = write_estimates(table, args.out or args.sample)
                open_ = table["corrected"].notna() & table["corrected_low"].isna()
                print(f"{len(table)} estimates -> {path}; {int(table['corrected_low'].notna().sum())} with a corrected "
                      f"interval, {int(open_.sum())} without (too few coded items: see note), "
                      f"{int(table['corrected'].isna().sum())} not estimable")
                return 0
            report = validate.score(args.sample, args.sheets)
            validate.write_report(report, args.out or args.sample)
            with pd_options():
                for name in ("scores", "agreement"):
                    print(f"== {name}\n{report[name].to_string(index=False)}")
                print(f"== {len(report['disagreements'])} disagreements -> validation_disagreements.csv")
            return 0
        if args.command == "shared":
            from .syndication import write_shared
            items = write_shared(args.tables, args.out or args.tables)
            counts = items["relation"].value_counts().sort_index()
            print(", ".join(f"{r}: {n}" for r, n in counts.items()) or "nothing shared between outlets")
            return 0
        if args.command == "train-sentiment":
            from .train import train_sentiment
            return train_sentiment(args.data, args.dev, args.out, args.window)
        if args.command == "train-speakers":
            from .train_speakers import train_speakers
            dev = args.dev if args.dev is not None else [(str(ROOT.parent / "shared/eval/polnear-dev"),
                                                           str(ROOT.parent / "shared/eval/polnear-dev/gold_quotes.json"))]
            return train_speakers(args.corpus, args.gold, args.actors, args.out, dev)
        if args.command == "report":
            from . import report, selection
            if not args.check:
                sel = selection.parse(args.where, args.outlets, args.date_from, args.date_to)  # as `run` reads them
                report.write(args.tables, args.out, outlets=list(sel.outlets) or None, method=args.method,
                             focal_actor=args.focal_actor, date_from=sel.date_from or None,
                             date_to=sel.date_to or None, copies=args.copies, estimates=args.estimates,
                             where=dict(sel.where) or None, period=args.period)
            counts = report.check(args.out)
            print(f"{args.out}: {counts['images']} figures embedded, {counts['links']} internal links, all resolve",
                  file=sys.stderr)
            if args.screenshot:
                print(f"rendered -> {report.screenshot(args.out, args.screenshot)}", file=sys.stderr)
            return 0
        if args.command == "report-cleaning":
            from .evaluate import report_cleaning
            return report_cleaning(args.corpus)
    except ConfigError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 1


def cli() -> None:
    """The ``media-framing`` console script."""
    sys.exit(main())


if __name__ == "__main__":
    cli()
