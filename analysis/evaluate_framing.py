"""``python -m analysis evaluate framing``: the framing measure against sentence-level gold.

Gold (``../shared/eval/sidelining/<corpus>_gold.json`` layout): per article, ``sidelining`` and
``inclusion`` entries, each a ``snippet`` inside the framed sentence, the actors framed (``sidelined``
/ ``included``), ``also_ok`` actors, a ``kind`` (exclusion: explicit / demand / implicit) and
``optional``. Scoring (the convention of that README):

* a gold (snippet, actor) pair is **found** when a predicted row of the same frame for that actor lies
  in the sentence holding the snippet; optional entries are left out of recall;
* a predicted (sentence, actor, frame) is **correct** when its sentence holds a gold snippet of that
  frame listing the actor (main list or ``also_ok``); a prediction matching only optional entries is
  left out of precision.

Per article, the exclusion counts are also compared by Spearman's rank correlation.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .errors import ConfigError

FRAMES = {"exclusion": ("sidelining", "sidelined"), "inclusion": ("inclusion", "included")}


def load_gold(path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: cannot read framing gold ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise ConfigError(f"{path}: framing gold must be a mapping with an 'articles' mapping")
    return data["articles"]


def locate_sentence(doc, snippet: str):
    """The sentence (headline first, then body) holding the snippet's start, or None."""
    for section in ("headline", "body"):
        text = doc.section_text(section)
        pos = text.find(snippet) if text and snippet else -1
        if pos >= 0:
            s = doc.sentence_at(section, pos)
            if s is not None:
                return s
    return None


def _locate(doc, snippet: str):
    """The sentence_id of the sentence holding the snippet, or None."""
    s = locate_sentence(doc, snippet)
    return s.sentence_id if s is not None else None


def score_corpus(corpus, actors_path, gold_path, lexicon_path=None, at_issue: str | None = None) -> dict:
    """Predictions against gold: a dict of ``gold`` (one row per gold pair: article, sentence, actor,
    frame, kind, optional, found) and ``pred`` rows (article, sentence, actor, frame, cue, rule,
    correct: True / False / None for left out), plus ``unlocated`` snippets."""
    from . import config
    from .actors import load_actors
    from .corpus import iter_corpus
    from .document import build_doc
    from .measures.framing import find_frames, load_lexicon
    from .measures.quotes import extract_quotes

    gold = load_gold(gold_path)
    actors = load_actors(actors_path)
    if at_issue is not None:  # "Ukraine,Europe" or "all"
        names = [] if at_issue.strip().lower() == "all" else [a.strip() for a in at_issue.split(",") if a.strip()]
        unknown = [a for a in names if a not in actors.actors]
        if unknown:
            raise ConfigError(f"--at-issue: '{unknown[0]}' is not an actor of {actors_path} "
                              f"(actors: {', '.join(actors.actors)})")
        actors.at_issue = names
    lexicon = load_lexicon(lexicon_path or config.LEXICON)
    gold_rows, pred_rows, unlocated = [], [], []
    for kind, rec in iter_corpus(corpus):
        if kind != "article" or rec["article_id"] not in gold:
            continue
        aid = rec["article_id"]
        doc = build_doc(rec, actors)
        frames = find_frames(doc, extract_quotes(doc, actors), actors, lexicon)
        predicted = {}
        for r in frames:
            predicted.setdefault((r["sentence_id"], r["actor"], r["frame"]), r)
        accept: dict[tuple, bool] = {}   # (sentence, actor, frame) -> counts (True) / only optional (False)
        for frame, (key, field) in FRAMES.items():
            for g in gold[aid].get(key, []):
                sid = _locate(doc, g["snippet"])
                if sid is None:
                    unlocated.append({"article_id": aid, "frame": frame, "snippet": g["snippet"]})
                    continue
                optional = bool(g.get("optional"))
                for actor in g.get(field, []) + g.get("also_ok", []):
                    k = (sid, actor, frame)
                    accept[k] = accept.get(k, False) or not optional
                for actor in g.get(field, []):
                    gold_rows.append({"article_id": aid, "sentence_id": sid, "actor": actor, "frame": frame,
                                      "kind": g.get("kind", "explicit") if frame == "exclusion" else "inclusion",
                                      "optional": optional, "found": (sid, actor, frame) in predicted,
                                      "snippet": g["snippet"]})
        sentences = {s.sentence_id: s.text for s in doc.sentences}
        for (sid, actor, frame), r in sorted(predicted.items()):
            # True: a gold item lists the actor; None: only optional items do (left out); False: no gold item
            ok = accept.get((sid, actor, frame))
            pred_rows.append({"article_id": aid, "sentence_id": sid, "actor": actor, "frame": frame, "cue": r["cue"],
                              "rule": r["rule"], "correct": False if ok is None else (True if ok else None),
                              "sentence": sentences.get(sid, "")})
    return {"gold": pd.DataFrame(gold_rows), "pred": pd.DataFrame(pred_rows),
            "unlocated": pd.DataFrame(unlocated), "articles": sorted(gold), "at_issue": list(actors.at_issue)}


def _prf(gold: pd.DataFrame, pred: pd.DataFrame) -> dict:
    g = gold[~gold["optional"]] if len(gold) else gold
    p = pred[pred["correct"].notna()] if len(pred) else pred
    n_g, n_p = len(g), len(p)
    rec = float(g["found"].mean()) if n_g else float("nan")
    prec = float(p["correct"].astype(bool).mean()) if n_p else float("nan")
    f1 = 2 * prec * rec / (prec + rec) if n_g and n_p and prec + rec else float("nan")
    return {"n_gold": n_g, "recall": round(rec, 3), "n_predicted": n_p, "precision": round(prec, 3),
            "f1": round(f1, 3)}


def summary(result: dict) -> pd.DataFrame:
    """Recall / precision per frame, per frame and actor, and per exclusion kind."""
    gold, pred = result["gold"], result["pred"]
    if gold.empty:
        gold = pd.DataFrame(columns=["article_id", "sentence_id", "actor", "frame", "kind", "optional", "found"])
    if pred.empty:
        pred = pd.DataFrame(columns=["article_id", "sentence_id", "actor", "frame", "correct"])
    rows = []
    for frame in FRAMES:
        gf, pf = gold[gold["frame"] == frame], pred[pred["frame"] == frame]
        rows.append({"frame": frame, "actor": "(all)", "kind": "(all)", **_prf(gf, pf)})
        for actor in sorted(set(gf["actor"]) | set(pf["actor"])):
            rows.append({"frame": frame, "actor": actor, "kind": "(all)",
                         **_prf(gf[gf["actor"] == actor], pf[pf["actor"] == actor])})
        if frame == "exclusion":
            for kind in ("explicit", "demand", "implicit"):
                gk = gf[gf["kind"] == kind]
                r = _prf(gk, pf.iloc[0:0])
                rows.append({"frame": frame, "actor": "(all)", "kind": kind, "n_gold": r["n_gold"],
                             "recall": r["recall"]})
    return pd.DataFrame(rows)


def spearman(result: dict, frame: str = "exclusion") -> float:
    """Rank correlation over articles of predicted and gold frame counts (non-optional gold pairs;
    predictions not left out)."""
    gold, pred = result["gold"], result["pred"]
    ids = result["articles"]
    g = gold[(gold["frame"] == frame) & ~gold["optional"]].groupby("article_id").size() if len(gold) else pd.Series()
    p = pred[(pred["frame"] == frame) & pred["correct"].notna()].groupby("article_id").size() if len(pred) \
        else pd.Series()
    a = pd.Series([g.get(i, 0) for i in ids], dtype=float)
    b = pd.Series([p.get(i, 0) for i in ids], dtype=float)
    if len(ids) <= 2 or a.nunique() < 2 or b.nunique() < 2:
        return float("nan")  # no ranking to compare (and no warning from the correlation)
    return round(float(a.corr(b, method="spearman")), 3)


def evaluate_framing(corpus, actors, gold, lexicon=None, misses: int = 20, out=None, at_issue=None) -> int:
    """Print the scores, the per-article Spearman and the misses and false frames; write them as CSV to
    ``out`` if given."""
    result = score_corpus(corpus, actors, gold, lexicon, at_issue)
    table = summary(result)
    print(f"framing against {gold} ({len(result['articles'])} articles; lexicon {lexicon or 'default'}; "
          f"actors at issue: {', '.join(result['at_issue']) or 'all'})")
    print(table.to_string(index=False))
    print(f"spearman per article: exclusion {spearman(result, 'exclusion')}, "
          f"inclusion {spearman(result, 'inclusion')}")
    if len(result["unlocated"]):
        print(f"{len(result['unlocated'])} gold snippets not found in the cleaned text (left out)")
    g, p = result["gold"], result["pred"]
    missed = g[~g["optional"] & ~g["found"]] if len(g) else g
    false = p[p["correct"] == False] if len(p) else p  # noqa: E712 (None is left out)
    for title, frame, cols in (("misses", missed, ["article_id", "frame", "kind", "actor", "snippet"]),
                               ("false frames", false, ["article_id", "frame", "actor", "cue", "sentence"])):
        print(f"\n{title}: {len(frame)}")
        for r in frame.head(misses).itertuples():
            print("  " + " | ".join(str(getattr(r, c))[:160] for c in cols))
    if out:
        from . import sheets
        Path(out).mkdir(parents=True, exist_ok=True)
        sheets.to_csv(table, Path(out) / "framing_scores.csv")
        sheets.to_csv(missed, Path(out) / "framing_misses.csv")
        sheets.to_csv(false, Path(out) / "framing_false.csv")
    return 0
