"""``evaluate quotes``: quotation spans and speakers against annotated gold, in three layouts.

* PolNeAR ``gold_quotes.json``: ``{article: [{content, source, source_is_pronoun}]}``;
* PolNeAR ``gold_attributions.json``: ``{article: [{source: {text,start,end} | null, cue, content: {text,…},
  direct, source_is_pronoun}]}``; only ``direct`` relations (content holding a quotation mark) are used,
  the same selection as ``gold_quotes.json``;
* the sidelining layout (``{about, articles: {id: {quotes: [{text, speaker, speaker_also_ok, actor,
  ambiguous}]}}}``): ``text`` is the words inside the marks, ``speaker`` a canonical name.

A gold stretch (the words inside one pair of marks, at least 4 words) is found when the toolkit's
quotations cover half of it; its speaker is right when the toolkit's speaker (or the words it was
resolved from) shares a word of 3+ letters with the gold source (or an ``also_ok`` speaker), not
counting function words and titles ("the", "president"). Sources that name nobody (pronouns, "the
senator", "the agency", a bare cue word) and ``ambiguous`` quotations are left out of speaker accuracy:
there is no name to compare (span recall and precision still count them).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from .errors import ConfigError
from .speakers import NOT_NAMES, TITLE_WORDS
from .text import count_words

_GOLD_QUOTE = re.compile(r"(?:[“\"]|'')((?:(?!'')[^“”\"])+)(?:[”\"]|'')")
MIN_WORDS = 4


def gold_stretches(content: str) -> list[str]:
    """The words inside each pair of quotation marks of a gold content span."""
    return [m.group(1).strip() for m in _GOLD_QUOTE.finditer(content) if m.group(1).strip()]


def read_gold(path: str):
    """The parsed JSON of a gold file (ConfigError naming the file if it cannot be read)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(f"{path}: cannot read gold quotations ({err})") from None


def _direct(relation: dict) -> bool:
    """A PolNeAR relation whose content holds quotation marks. The file's ``direct`` flag counts “ ” and ",
    not the two apostrophes some archives print for a double mark (''We will,'' he said), which the toolkit
    reads as quotation marks too."""
    text = (relation.get("content") or {}).get("text") or ""
    return bool(relation.get("direct")) or text.count("''") >= 2


def _names_nobody(relation: dict, source: str) -> bool:
    """A PolNeAR source with no identifying word ("he", "the senator", "the agency"): no name to compare."""
    return bool(relation.get("source_is_pronoun")) or not _words(source)


def load_quote_gold(path: str, raw=None) -> dict[str, list[dict]]:
    """``{article_id: [{stretches, sources, pronoun, actor}]}`` from any of the three layouts (``raw``:
    the file's JSON if already read by ``read_gold``)."""
    raw = read_gold(path) if raw is None else raw
    out: dict[str, list[dict]] = {}
    if isinstance(raw, dict) and isinstance(raw.get("articles"), dict):  # sidelining layout
        for aid, art in raw["articles"].items():
            out[aid] = [{"stretches": [q["text"].strip()], "sources": [q["speaker"], *q.get("speaker_also_ok", [])],
                         "pronoun": bool(q.get("ambiguous")), "actor": q.get("actor") or ""}
                        for q in art.get("quotes", [])]
        return out
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: gold quotations must be a JSON object keyed by article id")
    for aid, rels in raw.items():
        items = []
        for i, g in enumerate(rels):
            content, source = g.get("content"), g.get("source")
            if isinstance(content, dict):  # gold_attributions layout
                if not _direct(g):
                    continue
                content, source = content.get("text", ""), (source or {}).get("text", "")
            if not isinstance(content, str):
                raise ConfigError(f"{path}: article {aid!r}, relation {i + 1} has no content text")
            items.append({"stretches": gold_stretches(content), "sources": [source or ""],
                          "pronoun": _names_nobody(g, source), "actor": ""})
        out[aid] = items
    return out


def _cover(a: int, b: int, spans: list[tuple[int, int]]) -> float:
    if b <= a:
        return 0.0
    covered = 0
    for s, e in sorted(spans):
        covered += max(0, min(b, e) - max(a, s))
    return min(1.0, covered / (b - a))


def _words(text: str) -> set[str]:
    """The words of a speaker phrase that can identify someone: 3+ letters, not a function word or a title."""
    return {w for w in (x.lower() for x in re.findall(r"[A-Za-z]{3,}", text or ""))
            if w not in NOT_NAMES and w not in TITLE_WORDS}


def speaker_matches(ours: str, sources: list[str]) -> bool:
    """Does the toolkit's speaker (and the words it came from) share a word with any gold source?"""
    mine = _words(ours)
    return any(mine & _words(s) for s in sources)


def locate(body: str, stretch: str) -> tuple[int, int] | None:
    """(start, end) of a gold stretch in the cleaned body (whitespace-insensitive), or None."""
    pos = body.find(stretch)
    if pos >= 0:
        return pos, pos + len(stretch)
    rx = r"\s+".join(re.escape(w) for w in stretch.split())
    m = re.search(rx, body) if rx else None
    return m.span() if m else None


def located_stretches(body: str, gold: list[dict], counts: Counter | None = None):
    """(start, end, gold item) of every gold stretch of ``MIN_WORDS`` or more words found in the body
    (those not found are counted in ``counts["unlocated"]``)."""
    for g in gold:
        for st in g["stretches"]:
            if count_words(st) < MIN_WORDS:
                continue
            span = locate(body, st)
            if span is None:
                if counts is not None:
                    counts["unlocated"] += 1
                continue
            yield span[0], span[1], g


def covering(a: int, b: int, quotes: list[dict]) -> dict | None:
    """The quotation overlapping [a, b) most, if the quotations together cover half of it (else None)."""
    if _cover(a, b, [(q["start"], q["end"]) for q in quotes]) < 0.5:
        return None
    return max((q for q in quotes if _cover(a, b, [(q["start"], q["end"])]) > 0),
               key=lambda q: min(b, q["end"]) - max(a, q["start"]))


def score_article(doc, quotes: list[dict], gold: list[dict]) -> dict:
    """Counts and error lists of one article: the toolkit's body quotations against its gold items."""
    r = Counter()
    rows: dict[str, list] = {"misses": [], "spurious": [], "wrong": [], "pairs": []}
    quotes = [q for q in quotes if q["section"] == "body" and q["kind"] != "indirect"]
    located = list(located_stretches(doc.body, gold, r))
    for a, b, g in located:
        r["gold"] += 1
        best = covering(a, b, quotes)
        if best is None:
            rows["misses"].append((doc.article_id, doc.body[a:b][:90]))
            continue
        r["hit"] += 1
        if g["pronoun"]:
            continue
        ok = speaker_matches(best["speaker"] + " " + best["speaker_mention"], g["sources"])
        r["pairs"] += 1
        r["speaker_ok"] += ok
        actor_ok = None
        if g["actor"]:
            r["actor_pairs"] += 1
            # a named speaker of none of the actors file's groups is the gold's "other"
            actor_ok = (best["speaker_actor"] or ("other" if best["speaker"] else "")) == g["actor"]
            r["actor_ok"] += actor_ok
        rows["pairs"].append((best["rule"], ok, bool(best["speaker"]), actor_ok, best))
        if not ok:
            rows["wrong"].append((doc.article_id, g["sources"][0], best["speaker"] or "-", best["rule"],
                                  best["text"][:70]))
    gspans = [(a, b) for a, b, _ in located]
    for q in quotes:
        if q["kind"] != "direct" or q["n_words"] < MIN_WORDS:
            continue
        r["pred"] += 1
        if _cover(q["start"], q["end"], gspans) >= 0.5:
            r["correct"] += 1
        else:
            rows["spurious"].append((doc.article_id, q["text"][:90]))
    return {"counts": r, **rows}


def load_indirect_gold(path: str, raw=None) -> dict[str, list[dict]] | None:
    """Reported-speech gold from a PolNeAR ``gold_attributions.json``: ``{article_id: [{content, sources,
    pronoun, speech}]}`` for every relation without quotation marks; ``speech`` when its cue ends in a
    reporting verb of ``data/lexicons/reporting.yml`` (``cue_verbs``: said, told, warned …; PolNeAR also
    annotates beliefs, intentions and evidence: "wants", "believes", "shows", "according to"). None for
    the other layouts, which annotate quotations only (``raw``: the file's JSON if already read)."""
    from .measures.quotes.rules import CUE_VERBS
    raw = read_gold(path) if raw is None else raw
    rels = next(iter(raw.values()), []) if isinstance(raw, dict) and "articles" not in raw else []
    if not rels or not isinstance(rels[0].get("content"), dict):
        return None
    verbs = set(CUE_VERBS)
    out: dict[str, list[dict]] = {}
    for aid, rels in raw.items():
        items = []
        for g in rels:
            if _direct(g) or not (g.get("content") or {}).get("text"):
                continue
            cue = ((g.get("cue") or {}).get("text") or "").lower().split()
            source = (g.get("source") or {}).get("text") or ""
            items.append({"content": g["content"]["text"], "sources": [source], "speech": bool(cue) and cue[-1] in verbs,
                          "pronoun": _names_nobody(g, source)})
        out[aid] = items
    return out


def score_indirect(doc, quotes: list[dict], gold: list[dict]) -> Counter:
    """Reported speech (``kind = indirect``) against the gold relations without quotation marks: a gold
    relation with a speech cue is found when the toolkit's indirect rows cover half of its content; a
    row is right when half of it lies in any gold relation's content (whatever its cue); speakers are
    compared on found relations with a named source, as for quotations."""
    r = Counter()
    ours = [q for q in quotes if q["kind"] == "indirect"]
    located = [(span, g) for g in gold for span in [locate(doc.body, g["content"])] if span]
    for (a, b), g in located:
        if not g["speech"]:
            continue
        r["gold"] += 1
        best = covering(a, b, ours)
        if best is None:
            continue
        r["hit"] += 1
        if not g["pronoun"]:
            r["pairs"] += 1
            r["speaker_ok"] += speaker_matches(best["speaker"] + " " + best["speaker_mention"], g["sources"])
    spans = [span for span, _ in located]
    for q in ours:
        ok = _cover(q["start"], q["end"], spans) >= 0.5
        r["pred"] += 1
        r["correct"] += ok
        r["pred " + q["rule"]] += 1
        r["correct " + q["rule"]] += ok
    return r


def _rate(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "- (0/0)"


def evaluate_quotes(corpus: str, gold_path: str, actors_path: str | None, n_misses: int,
                    speakers: str = "model") -> int:
    """Print span recall and precision, speaker accuracy (and actor-group accuracy where the gold has
    groups), the no-speaker / wrong-speaker split, accuracy per rule, and the errors to read.
    ``speakers``: ``model`` (the speaker model chooses, as a run does) or ``rules`` (the first rule that
    fires speaks: the rules alone, for comparison)."""
    from .actors import load_actors, no_actors
    from .corpus import iter_corpus
    from .document import build_doc
    from .measures.quotes import extract_quotes
    raw = read_gold(gold_path)
    gold, indirect_gold = load_quote_gold(gold_path, raw), load_indirect_gold(gold_path, raw)
    actors = load_actors(actors_path) if actors_path else no_actors()
    total, indirect = Counter(), Counter()
    rows: dict[str, list] = {"misses": [], "spurious": [], "wrong": [], "pairs": []}
    for kind, rec in iter_corpus(corpus):
        if kind != "article" or rec["article_id"] not in gold:
            continue
        doc = build_doc(rec, actors)
        quotes = extract_quotes(doc, actors, model="default" if speakers == "model" else None)
        res = score_article(doc, quotes, gold[rec["article_id"]])
        total += res["counts"]
        if indirect_gold is not None:
            indirect += score_indirect(doc, quotes, indirect_gold.get(rec["article_id"], []))
        for k in rows:
            rows[k].extend(res[k])
    t = total
    print(f"gold stretches (>={MIN_WORDS} words): {t['gold']}  not found in the cleaned text: {t['unlocated']}")
    print(f"recall={_rate(t['hit'], t['gold'])}  precision={_rate(t['correct'], t['pred'])}  "
          f"speaker_accuracy={_rate(t['speaker_ok'], t['pairs'])}"
          + (f"  actor_accuracy={_rate(t['actor_ok'], t['actor_pairs'])}" if t["actor_pairs"] else ""))
    if indirect_gold is not None:
        i = indirect
        print(f"reported speech (no marks, speech cue): recall={_rate(i['hit'], i['gold'])}  "
              f"precision={_rate(i['correct'], i['pred'])}  speaker_accuracy={_rate(i['speaker_ok'], i['pairs'])}")
        for key in sorted(k for k in i if k.startswith("pred ")):
            rule = key[5:]
            print(f"  precision of {rule:<26} {_rate(i['correct ' + rule], i[key])}")
    errors = [p for p in rows["pairs"] if not p[1]]
    none = sum(1 for p in errors if not p[2])
    print(f"speaker errors: {len(errors)}  no speaker: {none}  wrong speaker: {len(errors) - none}")
    print("\naccuracy per rule (quotations with a named gold source):")
    per_rule: dict[str, list[int]] = {}
    for rule, ok, *_ in rows["pairs"]:
        per_rule.setdefault(rule, [0, 0])
        per_rule[rule][0] += ok
        per_rule[rule][1] += 1
    for rule, (ok, n) in sorted(per_rule.items(), key=lambda kv: (-kv[1][1], kv[0])):
        print(f"  {rule:<28} {_rate(ok, n)}")
    for title, key in (("missed gold quotations", "misses"), ("extracted, not in gold", "spurious"),
                       ("wrong speaker (gold source | ours | rule | quote)", "wrong")):
        print(f"\n{title}: {len(rows[key])}")
        for r in rows[key][:n_misses]:
            print("  " + " | ".join(str(x) for x in r))
    return 0
