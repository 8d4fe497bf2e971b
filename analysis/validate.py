"""Validation against human coders: a stratified coding sample, and the toolkit scored against it.

``draw_sample`` reads a run's tables and draws, per measure, outlet and toolkit answer, up to
``per_stratum`` items (a fixed seed: the same sample every time), so that hits *and* non-hits
are coded and recall can be estimated. Each item carries its stratum's sampling weight
(population / drawn); scores are weighted, so they estimate the corpus-wide precision and
recall rather than those of the sample. The sample is written as

* ``coding_sheet.csv``: one row per item, the text to read, the question, the allowed codes and
  empty ``coder``, ``code`` and ``note`` columns (each coder fills a copy; the toolkit's answer is
  not shown);
* ``key.csv``: the toolkit's answer and the weight of each item (kept from the coders);
* ``instructions.md``: what each code means;
* ``design.json``: the sentiment method, items per stratum and seed of the draw (``validate estimate``
  reads the method from it).

Measures and codes:

=========  =============================================  =================================
measure    unit                                            codes
=========  =============================================  =================================
quote      a body sentence                                 yes / no (holds quoted speech)
speaker    an extracted quotation                          the speaker's name, or unknown
sentiment  a sentence and an actor it names                negative / neutral / positive
framing    a sentence and an actor it names                exclusion / inclusion / none
=========  =============================================  =================================

``score`` reads the coded sheets back (a clear error names the file and row of any missing
column, unknown code, duplicated or unknown item), takes the coders' majority as the reference
(ties are left out and counted), and reports per measure and class the weighted precision,
recall and F1 of the toolkit with bootstrap 95% intervals, Krippendorff's alpha (``krippendorff``
package) between the coders and between each coder and the toolkit, and the disagreements.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from .config import N_BOOT_SCORES, PER_STRATUM, SEED
from . import sheets as spreadsheet
from .errors import ConfigError, check_whole
from .measures import REGISTRY
from .stats import bootstrap
from .schema import read_table, read_tables, table_path

CHECKS = {c.name: c for m in REGISTRY.values() for c in m.checks}   # quote, speaker, sentiment, framing
MEASURES = tuple(CHECKS)
CODES = {n: c.codes for n, c in CHECKS.items()}
LEVEL = {n: c.level for n, c in CHECKS.items()}
POSITIVE = {n: list(c.positive) for n, c in CHECKS.items()}
SHEET_COLUMNS = ["item_id", "measure", "outlet", "article_id", "sentence_id", "actor", "context", "text", "question",
                 "codes", "coder", "code", "note"]
DESIGNS = ("scores", "estimation")
DESIGN_FILE = "design.json"   # how the sample was drawn: the sentiment method, items per stratum, seed
KEY_COLUMNS = ["item_id", "measure", "stratum", "population", "drawn", "weight", "toolkit_code"]
INSTRUCTIONS = """# Coding instructions
{actors}
Copy `coding_sheet.csv` once per coder (e.g. `coding_sheet_anna.csv`), write your name in the
`coder` column and one code per row in `code`. Read `context` (the sentence before, the sentence
and the one after) and answer the `question` about `text`. Code independently; do not consult the
toolkit's tables. Use `note` for anything unclear. Leave `code` empty to skip an item.

""" + "\n".join(c.instruction for c in CHECKS.values()) + """

Then: `python -m analysis validate score --sample <this folder> --sheets coding_sheet_*.csv`.
"""


# ------------------------------------------------------------------ populations
def _context(text_of: dict, article_id: str, sentence_id: int) -> str:
    """The sentence before, the sentence and the one after (those that exist)."""
    return " ".join(text_of[(article_id, i)] for i in (sentence_id - 1, sentence_id, sentence_id + 1)
                    if (article_id, i) in text_of)


def populations(t: dict[str, pd.DataFrame], method: str, measures=MEASURES) -> pd.DataFrame:
    """Every unit of every check with the toolkit's code: measure, outlet, article_id, sentence_id,
    actor, text, toolkit_code (each measure's ``Check.population``)."""
    outlets = dict(zip(t["articles"]["article_id"], t["articles"]["outlet"]))
    rows = [{"measure": name, **item} for name in measures for item in CHECKS[name].population(t, method)]
    pop = pd.DataFrame(rows, columns=["measure", "article_id", "sentence_id", "actor", "text", "toolkit_code"])
    pop.insert(1, "outlet", pop["article_id"].map(outlets).fillna(""))
    return pop


def stratum_of(pop: pd.DataFrame, by_actor: bool = False) -> pd.Series:
    """The stratum of each population row: measure | outlet | toolkit code, or measure | outlet for a
    measure not stratified by code (speaker names are open-ended); with ``by_actor`` (a sample for
    estimation) units that name an actor are also split by it: measure | outlet | code | actor."""
    by_code = pop["measure"].map(lambda m: CHECKS[m].by_code).astype(bool)
    base = pop["measure"] + " | " + pop["outlet"]
    out = base.where(~by_code, base + " | " + pop["toolkit_code"])
    if by_actor:
        out = out.where(pop["actor"] == "", out + " | " + pop["actor"])
    return out


def _lexicon_lines(lexicon) -> list[str]:
    """What the framing lexicon in use looks for, as examples for the coders (not a closed list)."""
    from .measures.framing import load_lexicon
    lex = load_lexicon(lexicon)
    lines = [f"\nThe framing cues of this study (`{Path(lex.path).name}`; examples of what the toolkit reads, "
             "not a list to check the text against):\n"]
    for frame in ("exclusion", "inclusion"):
        for kind in ("explicit", "demand", "implicit"):
            cues = list(dict.fromkeys(c.cue for c in lex.cues if c.frame == frame and c.kind == kind))
            if cues:
                label = frame if frame == "inclusion" else f"exclusion, {kind}"
                lines.append(f"* {label}: {', '.join(cues[:14]) + (' …' if len(cues) > 14 else '')}")
    return lines


def instructions(actors=None, run_actors=None, lexicon=None) -> str:
    """The coders' instructions; with the run's actors file (``actors``), a list of the names that count as
    each actor, so that coders of any story know who is who. ``run_actors``: the actors of the run's
    tables, which must all be in that file (ConfigError otherwise: the file of another run)."""
    if actors is None:
        return INSTRUCTIONS.format(actors="\n".join(_lexicon_lines(lexicon)) + "\n" if lexicon else "")
    missing = [a for a in (run_actors if run_actors is not None else []) if a not in actors.actors]
    if missing:
        raise ConfigError(f"{actors.path}: actor '{missing[0]}' of the run's tables is not in this actors file "
                          f"(pass the actors file the run used with --actors)")
    names: dict[str, list[str]] = {a: [] for a in actors.actors}
    for alias, (actor, person) in sorted(actors.alias_map.items(), key=lambda kv: (kv[1][1] == "", kv[0])):
        name = person or alias
        if name not in names[actor]:
            names[actor].append(name)
    lines = [f"* **{a}**: {', '.join(n[:12]) + (' …' if len(n) > 12 else '')}" for a, n in names.items()]
    if actors.parties:
        lines.append(f"\nThe parties to the conflict: {', '.join(actors.parties)} (a talk between some of them "
                     "leaves the others out).")
    if actors.at_issue:
        lines.append(f"For **framing**, code `inclusion` only for {', '.join(actors.at_issue)}: the actors whose "
                     "participation this study puts at issue; for any other actor an inclusion is `none`.")
    if lexicon:
        lines += _lexicon_lines(lexicon)
    return INSTRUCTIONS.format(actors="\nThe actors of this study and the names that count as each (from "
                               f"`{Path(actors.path).name}`):\n\n" + "\n".join(lines) + "\n")


def draw_sample(tables_dir, out_dir, per_stratum: int = PER_STRATUM, method: str = "textblob", seed: int = SEED,
                measures=MEASURES, design: str = "scores", actors=None, lexicon=None) -> pd.DataFrame:
    """Write coding_sheet.csv, key.csv, instructions.md and design.json to out_dir; return the sheet.

    ``design``: "scores" stratifies by measure, outlet and toolkit answer (precision and recall of each
    class); "estimation" also by actor, so that every outlet x actor estimate of ``validate estimate``
    has coded items in each of its strata (more items: per_stratum per actor)."""
    if design not in DESIGNS:
        raise ConfigError(f"--design: unknown design '{design}' (choose from {', '.join(DESIGNS)})")
    from .measures.sentiment import METHODS
    tables_dir, out_dir = Path(tables_dir), Path(out_dir)
    check_whole("--per-stratum", per_stratum)
    t = read_tables(tables_dir, ("articles", "sentences", "mentions", "quotes", "sentiment", "framing"))
    run_actors = table_path(tables_dir, "actors") if actors is not None else None
    guide = instructions(actors, read_table(run_actors)["actor"] if run_actors else None, lexicon)
    if method not in METHODS:
        raise ConfigError(f"--method: unknown sentiment method '{method}' (choose from {', '.join(METHODS)})")
    run_methods = sorted(set(t["sentiment"]["method"]))
    if run_methods and method not in run_methods:
        raise ConfigError(f"--method: the run in {tables_dir} has no '{method}' sentiment rows "
                          f"(it has {', '.join(run_methods)})")
    if t["sentences"].empty:
        raise ConfigError(f"{tables_dir}: the tables hold no sentences, so there is nothing to sample "
                          f"(see rejected.csv there)")
    unknown = [m for m in measures if m not in CHECKS]
    if unknown:
        raise ConfigError(f"--measures: unknown measure '{unknown[0]}' (choose from {', '.join(MEASURES)})")
    pop = populations(t, method, measures)
    rng = np.random.default_rng(seed)
    picked = []
    for m in measures:
        sub = pop[pop["measure"] == m]
        strat = stratum_of(sub, by_actor=design == "estimation")
        for name in sorted(strat.unique()):
            g = sub[strat == name].sort_values(["article_id", "sentence_id", "actor", "text"])
            n = min(per_stratum, len(g))
            idx = np.sort(rng.choice(len(g), size=n, replace=False))
            d = g.iloc[idx].copy()
            d["stratum"], d["population"], d["drawn"] = name, len(g), n
            d["weight"] = round(len(g) / n, 6)
            picked.append(d)
    sample = pd.concat(picked, ignore_index=True) if picked else pop.head(0).assign(stratum="", population=0, drawn=0,
                                                                                      weight=1.0)
    sample["item_id"] = [f"{CHECKS[m].prefix}{i:04d}" for i, m in enumerate(sample["measure"], start=1)]
    sents = t["sentences"]
    text_of = dict(zip(zip(sents["article_id"], sents["sentence_id"].astype(int)), sents["text"]))
    sample["context"] = [_context(text_of, a, int(s)) for a, s in zip(sample["article_id"], sample["sentence_id"])]
    sample["question"] = [CHECKS[m].question.format(actor=a) for m, a in zip(sample["measure"], sample["actor"])]
    sample["codes"] = [" / ".join(CODES[m]) if CODES[m] else "a name, or unknown" for m in sample["measure"]]
    sample["coder"] = sample["code"] = sample["note"] = ""
    out_dir.mkdir(parents=True, exist_ok=True)
    sheet = sample[SHEET_COLUMNS]
    spreadsheet.to_csv(sheet, out_dir / "coding_sheet.csv")  # no cell acts as a formula in a spreadsheet
    spreadsheet.to_csv(sample[KEY_COLUMNS], out_dir / "key.csv")
    (out_dir / "instructions.md").write_text(guide, encoding="utf-8")
    about = {"design": design, "method": method, "per_stratum": per_stratum, "seed": seed, "measures": list(measures)}
    (out_dir / DESIGN_FILE).write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")
    return sheet


# ------------------------------------------------------------------ reading coded sheets
def _norm_code(measure: str, code: str) -> str:
    code = (code or "").strip()
    return code if measure == "speaker" else code.lower()


def name_key(name: str) -> str:
    """A speaker name reduced to its last word of 3+ letters, lower case ('unknown' for none)."""
    words = [w for w in re.findall(r"[^\W\d_]+", (name or "").lower()) if len(w) >= 3]
    if not words or words[-1] in ("unknown", "unattributed"):
        return "unknown"
    return words[-1]


def read_sheet(path, key: pd.DataFrame) -> tuple[str, dict[str, str]]:
    """(coder name, {item_id: code}) of one coded sheet; ConfigError naming file and row on any problem."""
    path = Path(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = [{k: spreadsheet.unescape(v) for k, v in r.items()} for r in csv.DictReader(fh)]
            fields = rows[0].keys() if rows else []
    except FileNotFoundError:
        raise ConfigError(f"{path}: coded sheet not found") from None
    except (UnicodeDecodeError, csv.Error) as err:
        raise ConfigError(f"{path}: not a readable UTF-8 CSV file ({err})") from None
    missing = [c for c in ("item_id", "code") if c not in fields]
    if missing:
        raise ConfigError(f"{path}: missing column(s) {', '.join(missing)} (a coding sheet needs item_id and code)")
    measures = dict(zip(key["item_id"], key["measure"]))
    codes, first_line, coders = {}, {}, set()
    for line, r in enumerate(rows, start=2):
        item = (r.get("item_id") or "").strip()
        where = f"{path}: row {line}"
        if item not in measures:
            raise ConfigError(f"{where}: item_id '{item}' is not in the sample's key.csv")
        if item in first_line:
            raise ConfigError(f"{where}: item {item} is coded twice (first at row {first_line[item]})")
        first_line[item] = line
        m = measures[item]
        code = _norm_code(m, r.get("code", ""))
        if code and CODES[m] and code not in CODES[m]:
            raise ConfigError(f"{where}: unknown code '{r['code']}' for a {m} item (allowed: {', '.join(CODES[m])})")
        if code:
            codes[item] = code
        if (r.get("coder") or "").strip():
            coders.add(r["coder"].strip())
    if len(coders) > 1:
        raise ConfigError(f"{path}: several coders named in one sheet ({', '.join(sorted(coders))}); one sheet per coder")
    return (coders.pop() if coders else path.stem), codes


def read_coded(sample_dir, sheets) -> tuple[pd.DataFrame, list[tuple[str, dict[str, str]]]]:
    """The sample's key.csv (with float weights) and every coded sheet as (coder, {item_id: code})."""
    sample_dir = Path(sample_dir)
    key_path = sample_dir / "key.csv"
    if not key_path.exists():
        raise ConfigError(f"{sample_dir}: no key.csv (draw the sample with `python -m analysis validate sample`)")
    key = spreadsheet.read_csv(key_path)
    key["weight"] = key["weight"].astype(float)
    if not sheets:
        raise ConfigError("give at least one coded sheet (--sheets)")
    coded = [read_sheet(p, key) for p in sheets]
    names = [c for c, _ in coded]
    if len(set(names)) != len(names):
        raise ConfigError(f"two sheets carry the same coder name ({', '.join(names)}); set the coder column")
    return key, coded


def majority(k: pd.DataFrame, coded, measure: str) -> tuple[list[list[str]], list[str], list[str], int]:
    """Per coder codes, the toolkit's codes and the coders' majority ('' when no one coded the item or
    the coders tie) of the key rows ``k`` of one measure, and the number of ties. Speaker names are
    compared by ``name_key``."""
    norm = name_key if measure == "speaker" else (lambda c: c)
    per_coder = [[norm(codes[i]) if i in codes else "" for i in k["item_id"]] for _, codes in coded]
    tool = [norm(_norm_code(measure, c)) for c in k["toolkit_code"]]
    gold, ties = [], 0
    for j in range(len(k)):
        top = Counter(pc[j] for pc in per_coder if pc[j]).most_common()
        if not top or (len(top) > 1 and top[0][1] == top[1][1]):
            ties += bool(top)
            gold.append("")
        else:
            gold.append(top[0][0])
    return per_coder, tool, gold, ties


# ------------------------------------------------------------------ scores
def _prf(tool, gold, weights, positive) -> tuple[float, float, float]:
    tp = float(np.sum(weights * (tool == positive) * (gold == positive)))
    fp = float(np.sum(weights * (tool == positive) * (gold != positive)))
    fn = float(np.sum(weights * (tool != positive) * (gold == positive)))
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    if tp == 0 and fp + fn > 0:
        f = 0.0  # wrong whenever it says so, or never finds the class
    else:
        f = 2 * p * r / (p + r) if p + r and not (np.isnan(p) or np.isnan(r)) else float("nan")
    return p, r, f


def _prf_interval(tool, gold, weights, positive, n_boot: int, seed: int, speaker: bool = False):
    """Bootstrap 95% intervals [(low, high)] of precision, recall and F1 over the coded items."""
    if len(tool) < 2:
        return [(np.nan, np.nan)] * 3

    def prf(idx):
        rows = np.array([_prf(tool[i], gold[i], weights[i], positive) for i in idx])
        if speaker:
            rows[:, 1:] = np.nan
        return rows
    lo, hi = bootstrap(len(tool), prf, n_boot, seed)
    return list(zip(lo, hi))


def _binary(cls: str, tool: np.ndarray, gold: np.ndarray):
    if cls == "any frame":
        return (tool != "none").astype(object), (gold != "none").astype(object), True
    if cls == "correct speaker":
        return np.full(len(tool), True, dtype=object), (tool == gold).astype(object), True
    return tool, gold, cls


def _alpha(matrix: list[list[str]], level: str, order: tuple | None) -> float:
    """Krippendorff's alpha of coders x items codes ('' = not coded) with the ``krippendorff`` package;
    ordinal codes are numbered in their order, nominal ones in sorted order. NaN when undefined."""
    import krippendorff
    values = list(order) if order else sorted({v for row in matrix for v in row if v})
    if len(values) < 2:
        return float("nan")
    index = {v: i for i, v in enumerate(values)}
    data = np.array([[index[v] if v else np.nan for v in row] for row in matrix], dtype=float)
    if not (np.sum(~np.isnan(data), axis=0) >= 2).any():
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement=level,
                                    value_domain=list(range(len(values)))))


def score(sample_dir, sheets, n_boot: int = N_BOOT_SCORES, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Scores, agreement and disagreements of the toolkit against the coded sheets."""
    sample_dir = Path(sample_dir)
    key, coded = read_coded(sample_dir, sheets)
    names = [c for c, _ in coded]
    sheet = spreadsheet.read_csv(sample_dir / "coding_sheet.csv") \
        if (sample_dir / "coding_sheet.csv").exists() else key[["item_id"]].assign(text="", actor="")
    text = dict(zip(sheet["item_id"], sheet["text"]))
    scores, agreement, disagreements = [], [], []
    for m in MEASURES:
        k = key[key["measure"] == m].reset_index(drop=True)
        if k.empty:
            continue
        per_coder, tool, gold, ties = majority(k, coded, m)
        gold_a, tool_a = np.array(gold, dtype=object), np.array(tool, dtype=object)
        w = k["weight"].to_numpy()
        have = gold_a != ""
        for cls in POSITIVE[m]:
            t_, g_, pos = _binary(cls, tool_a[have], gold_a[have])
            ww = w[have]
            p, r, f = _prf(t_, g_, ww, pos)
            if m == "speaker":  # every extracted quotation has a speaker: only accuracy is defined
                r = f = float("nan")
            ci = _prf_interval(t_, g_, ww, pos, n_boot, seed, speaker=m == "speaker")
            scores.append({"measure": m, "class": cls, "n_items": int(have.sum()), "ties": ties,
                           "precision": round(p, 4), "precision_low": round(ci[0][0], 4), "precision_high": round(ci[0][1], 4),
                           "recall": round(r, 4), "recall_low": round(ci[1][0], 4), "recall_high": round(ci[1][1], 4),
                           "f1": round(f, 4), "f1_low": round(ci[2][0], 4), "f1_high": round(ci[2][1], 4)})
        if m == "sentiment":
            f1s = [r["f1"] for r in scores if r["measure"] == m and r["class"] in CODES[m]]
            scores.append({"measure": m, "class": "macro", "n_items": int(have.sum()), "ties": ties,
                           "f1": round(float(np.nanmean(f1s)), 4) if np.isfinite(f1s).any() else float("nan")})
        order = CODES[m] if LEVEL[m] == "ordinal" else None
        if len(per_coder) >= 2:
            agreement.append({"measure": m, "between": "coders", "alpha": round(_alpha(per_coder, LEVEL[m], order), 4),
                              "level": LEVEL[m], "n_items": int(sum(sum(1 for pc in per_coder if pc[j]) >= 2
                                                                    for j in range(len(k))))})
        for name, pc in zip(names, per_coder):
            agreement.append({"measure": m, "between": f"{name} ~ toolkit",
                              "alpha": round(_alpha([pc, tool], LEVEL[m], order), 4), "level": LEVEL[m],
                              "n_items": int(sum(1 for v in pc if v))})
        for j, item in enumerate(k["item_id"]):
            vals = {n: pc[j] for n, pc in zip(names, per_coder)}
            coder_vals = {v for v in vals.values() if v}
            if len(coder_vals) > 1 or (gold[j] and gold[j] != tool[j]):
                disagreements.append({"item_id": item, "measure": m, "toolkit": tool[j], "majority": gold[j] or "(tie)",
                                      **{f"coder:{n}": v for n, v in vals.items()}, "text": text.get(item, "")})
    return {"scores": pd.DataFrame(scores), "agreement": pd.DataFrame(agreement),
            "disagreements": pd.DataFrame(disagreements)}


def write_report(report: dict[str, pd.DataFrame], out_dir) -> None:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in report.items():
        spreadsheet.to_csv(frame, out_dir / f"validation_{name}.csv")
