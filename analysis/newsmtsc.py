"""NewsMTSC reader: one target per row with its sentence, span and label."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import ConfigError
from .measures.sentiment import Scope, target_scope

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def load_targets(path) -> list[dict]:
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"{path}: NewsMTSC file not found")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                sentence = row["sentence_normalized"]
                for t_idx, t in enumerate(row["targets"]):
                    out.append({"line": line_no, "target": t_idx, "sentence": sentence, "from": int(t["from"]),
                                "to": int(t["to"]), "label": LABELS[float(t["polarity"])]})
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
                raise ConfigError(f"{path}: line {line_no + 1}: not a NewsMTSC record ({type(err).__name__}: {err})") from None
    return out


def target_scope_of(t: dict, window: int) -> Scope:
    """The scope of a NewsMTSC target: other capitalised names are left out like actor mentions; a target
    read from an annotated article (``load_article_targets``) has every mention of its actor in the
    sentence as targets and the other actors' mentions left out, as in a run."""
    spans = t.get("spans") or [(t["from"], t["to"])]
    return target_scope(t["sentence"], spans, t.get("others", []), window)


def load_article_targets(gold_path, corpus, actors_path) -> tuple[list[dict], list[str]]:
    """The ``sentiment`` items of a gold file in the layout of ``../shared/eval/sidelining`` (``snippet``,
    ``actor``, ``label``) as targets: the sentence holding the snippet, every mention of the actor in it.
    Returns the targets and, for each item left out, one line saying which and why (snippet not in the
    cleaned text; no mention of the actor in its sentence)."""
    from .actors import load_actors
    from .corpus import iter_corpus
    from .document import build_doc
    from .evaluate_framing import load_gold, locate_sentence
    gold = load_gold(gold_path)
    actors = load_actors(actors_path)
    targets, skipped = [], []
    for kind, rec in iter_corpus(corpus):
        if kind != "article" or not gold.get(rec["article_id"], {}).get("sentiment"):
            continue
        doc = build_doc(rec, actors)
        for i, item in enumerate(gold[rec["article_id"]]["sentiment"]):
            where = f"{rec['article_id']} sentiment[{i}]"
            label = str(item.get("label", ""))
            if label not in LABELS.values() or item.get("actor") not in actors.actors:
                skipped.append(f"{where}: label '{label}' or actor '{item.get('actor')}' is not one of this layout's")
                continue
            sent = locate_sentence(doc, item.get("snippet") or "")
            if sent is None:
                skipped.append(f"{where}: snippet not found in the cleaned text")
                continue
            ms = doc.mentions_between(sent.section, sent.start, sent.end)
            spans = [(m["start"] - sent.start, m["end"] - sent.start) for m in ms if m["actor"] == item["actor"]]
            if not spans:
                skipped.append(f"{where}: no mention of {item['actor']} in its sentence")
                continue
            targets.append({"line": where, "target": item["actor"], "sentence": sent.text, "from": spans[0][0],
                            "to": spans[0][1], "spans": spans, "label": label,
                            "others": [(m["start"] - sent.start, m["end"] - sent.start) for m in ms
                                       if m["actor"] != item["actor"]]})
    return targets, skipped
