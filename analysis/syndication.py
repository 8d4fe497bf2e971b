"""Shared text across outlets: copied quotations, near-duplicate paragraphs and articles.

An outlet should not be credited with a framing it copied. Three kinds of shared items are found
between articles of *different* outlets:

* ``verbatim quote``: the same quotation (direct or partial, at least ``MIN_QUOTE_WORDS``
  words): after normalising case, punctuation and quotation marks, one contains the other or
  they share at least half of their word 4-grams;
* ``same statement``: two quotations by the same canonical speaker in different words (two
  translations of one remark) in articles on the same story (same ``event``, else dates at most
  ``STORY_DAYS`` apart): at least ``MIN_SHARED_STEMS`` content-word stems in common, names left
  out, an overlap coefficient of at least ``STATEMENT_OVERLAP`` and at least ``STATEMENT_COVERAGE`` of
  the longer quotation's stems;
* ``shared paragraph``: body paragraphs of at least ``MIN_PARAGRAPH_WORDS`` words whose word
  5-grams overlap by at least ``PARAGRAPH_CONTAINMENT`` of the shorter one.

``article_similarity`` gives the article x article matrix (Jaccard of word 5-grams) and
``exclude_copies`` drops, from every article but the first to publish (by date, then id), the
quotations, framing rows and sentiment rows that lie in copied text, so that the comparison
notebooks can count copies or leave them out (parameter ``copies``). Pairs are found through an
inverted index of shingles, so the cost grows with the number of shared shingles, not with the
square of the corpus.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import numpy as np
import pandas as pd

MIN_QUOTE_WORDS = 5
QUOTE_SHINGLE = 4
QUOTE_OVERLAP = 0.5
MIN_SHARED_STEMS = 3
STATEMENT_OVERLAP = 0.4
STATEMENT_COVERAGE = 0.3  # shared stems over the longer quotation's: a short fragment is not a whole statement
STORY_DAYS = 3
MIN_PARAGRAPH_WORDS = 20
PARAGRAPH_SHINGLE = 5
PARAGRAPH_CONTAINMENT = 0.5
MAX_POSTINGS = 200  # a shingle in more items than this is boilerplate and is not used to pair items

COLUMNS = ["relation", "article_a", "outlet_a", "article_b", "outlet_b", "similarity", "speaker", "text_a", "text_b",
           "start_a", "end_a", "start_b", "end_b"]
_STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being has have had
do does did not no this that these those it its they them their he him his she her we us our you your i me my
will would can could should may might must shall there here than then so such which who whom whose what when where
how all any each more most other some into over after before about against between during through up down out off
again further once also very just only own same too said says say dont doesnt didnt its im ive hes shes were weve
theyre youre thats theres cant wont isnt arent wasnt going think like know get got want thing way lot really well
one people make made""".split())


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower().replace("’", "'"))


def shingles(ws: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)} if len(ws) >= n else ({tuple(ws)} if ws else set())


def stem(w: str) -> str:
    """A crude suffix stripper: successes / success, talks / talk, negotiations / negotiation."""
    w = w.replace("'", "")
    if len(w) <= 4:
        return w
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("ies"):
        return w[:-3] + "y"
    for suf in ("ing", "ed", "ly"):
        if w.endswith(suf) and len(w) > len(suf) + 3:
            return w[: -len(suf)]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_stems(text: str) -> set[str]:
    """Stems of the content words, without names (words capitalised inside a sentence): two statements
    about the same country are not the same statement."""
    names = {m.group(1).lower() for m in re.finditer(r"(?<![.!?\"“‘'(]\s)(?<!^)\b([A-Z][\w'’]*)", text.strip())}
    return {stem(w) for w in words(text) if w not in _STOP and w not in names and len(w) > 2 and not w.isdigit()}


def _pairs(items: dict):
    """Candidate pairs of item ids that share at least one key (inverted index, common keys skipped)."""
    index: dict = defaultdict(list)
    for item_id, keys in items.items():
        for k in keys:
            index[k].append(item_id)
    pairs = set()
    for ids in index.values():
        if 1 < len(ids) <= MAX_POSTINGS:
            pairs.update(combinations(sorted(ids), 2))
    return sorted(pairs)


def _same_story(articles: pd.DataFrame):
    """Whether two articles report the same story: the same ``event`` when the corpus has that column,
    else publication dates at most ``STORY_DAYS`` apart, else (no dates) always."""
    if "event" in articles and (articles["event"].astype(str).str.strip() != "").all():
        ev = dict(zip(articles["article_id"], articles["event"].astype(str)))
        return lambda a, b: ev[a] == ev[b]
    dates = dict(zip(articles["article_id"], pd.to_datetime(articles["date"], errors="coerce")))
    return lambda a, b: pd.isna(dates[a]) or pd.isna(dates[b]) or abs((dates[a] - dates[b]).days) <= STORY_DAYS


def _outlet_map(articles: pd.DataFrame) -> dict:
    return dict(zip(articles["article_id"], articles["outlet"]))


def shared_items(articles: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Every shared quotation, statement and paragraph between articles of different outlets."""
    outlet = _outlet_map(articles)
    same_story = _same_story(articles)
    rows = []
    q = quotes[quotes["kind"].isin(["direct", "partial"])].reset_index(drop=True)
    q["speaker"] = q["speaker"].fillna("")
    qw = {i: words(t) for i, t in enumerate(q["text"])}
    qw = {i: w for i, w in qw.items() if len(w) >= MIN_QUOTE_WORDS}
    qsh = {i: shingles(w, QUOTE_SHINGLE) for i, w in qw.items()}
    recs = q.to_dict("records")
    qst = {i: content_stems(recs[i]["text"]) for i in qw}
    # candidates: quotations sharing a word 4-gram, or a content stem *and* the speaker (same statement needs both)
    keys = {i: qsh[i] | ({("stem", recs[i]["speaker"], st) for st in qst[i]} if recs[i]["speaker"] else set())
            for i in qw}
    for a, b in _pairs(keys):
        ra, rb = recs[a], recs[b]
        if outlet.get(ra["article_id"]) == outlet.get(rb["article_id"]):
            continue
        ja, jb = " ".join(qw[a]), " ".join(qw[b])
        contained = ja in jb or jb in ja
        sim = len(qsh[a] & qsh[b]) / min(len(qsh[a]), len(qsh[b]))
        if contained or sim >= QUOTE_OVERLAP:
            relation, sim = "verbatim quote", 1.0 if contained else sim
        else:
            shared = qst[a] & qst[b]
            overlap = len(shared) / max(1, min(len(qst[a]), len(qst[b])))
            coverage = len(shared) / max(1, len(qst[a]), len(qst[b]))
            same_speaker = ra["speaker"] and ra["speaker"] == rb["speaker"]
            if not (same_speaker and same_story(ra["article_id"], rb["article_id"])
                    and len(shared) >= MIN_SHARED_STEMS and overlap >= STATEMENT_OVERLAP
                    and coverage >= STATEMENT_COVERAGE):
                continue
            relation, sim = "same statement", overlap
        rows.append(_row(relation, ra, rb, outlet, sim, ra["speaker"] if ra["speaker"] == rb["speaker"] else ""))
    rows += _shared_paragraphs(articles, outlet)
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.sort_values(["relation", "article_a", "start_a", "article_b", "start_b"], kind="stable").reset_index(drop=True)


def _row(relation, ra, rb, outlet, sim, speaker):
    return {"relation": relation, "article_a": ra["article_id"], "outlet_a": outlet.get(ra["article_id"], ""),
            "article_b": rb["article_id"], "outlet_b": outlet.get(rb["article_id"], ""), "similarity": round(sim, 4),
            "speaker": speaker, "text_a": ra["text"], "text_b": rb["text"], "start_a": int(ra["start"]),
            "end_a": int(ra["end"]), "start_b": int(rb["start"]), "end_b": int(rb["end"])}


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """Body paragraphs (blank-line separated) with their offsets."""
    from .text import paragraphs as split
    rows = []
    for aid, body in zip(articles["article_id"], articles["body"]):
        for s, e in split(body):
            rows.append({"article_id": aid, "start": s, "end": e, "text": body[s:e]})
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "text"])


def _shared_paragraphs(articles: pd.DataFrame, outlet: dict) -> list[dict]:
    p = paragraphs(articles)
    precs = p.to_dict("records")
    sh = {}
    for i, t in enumerate(p["text"]):
        ws = words(t)
        if len(ws) >= MIN_PARAGRAPH_WORDS:
            sh[i] = shingles(ws, PARAGRAPH_SHINGLE)
    rows = []
    for a, b in _pairs(sh):
        ra, rb = precs[a], precs[b]
        if outlet.get(ra["article_id"]) == outlet.get(rb["article_id"]):
            continue
        sim = len(sh[a] & sh[b]) / min(len(sh[a]), len(sh[b]))
        if sim >= PARAGRAPH_CONTAINMENT:
            rows.append(_row("shared paragraph", ra, rb, outlet, sim, ""))
    return rows


def article_similarity(articles: pd.DataFrame) -> pd.DataFrame:
    """Article x article Jaccard similarity of body word 5-grams (1 on the diagonal)."""
    ids = list(articles["article_id"])
    sh = {aid: shingles(words(b), PARAGRAPH_SHINGLE) for aid, b in zip(ids, articles["body"])}
    pos = {aid: i for i, aid in enumerate(ids)}
    m = np.zeros((len(ids), len(ids)))
    for a, b in _pairs(sh):
        j = round(len(sh[a] & sh[b]) / len(sh[a] | sh[b]), 4)
        m[pos[a], pos[b]] = m[pos[b], pos[a]] = j
    np.fill_diagonal(m, 1.0)
    return pd.DataFrame(m, index=ids, columns=ids)


SENTENCE_SHINGLE = 4
SENTENCE_CONTAINMENT = 0.6


def copies(tables: dict[str, pd.DataFrame], shared: pd.DataFrame) -> tuple[dict, set]:
    """What each article copied from another outlet's earlier article (by date, then id): the spans of
    its verbatim quotations, and the body sentences of shared paragraphs whose word 4-grams are at
    least ``SENTENCE_CONTAINMENT`` in the earlier article. Same statements in other words are not copies."""
    arts = tables["articles"]
    order = {aid: (str(d), aid) for aid, d in zip(arts["article_id"], arts["date"].fillna(""))}
    quote_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    para_pairs: dict[str, set] = defaultdict(set)  # later article -> {(earlier article, start, end)}
    for r in shared[shared["relation"] != "same statement"].itertuples():
        first_a = order[r.article_a] <= order[r.article_b]
        later, earlier = (r.article_b, r.article_a) if first_a else (r.article_a, r.article_b)
        span = (r.start_b, r.end_b) if first_a else (r.start_a, r.end_a)
        if r.relation == "verbatim quote":
            quote_spans[later].append(span)
        else:
            para_pairs[later].add((earlier,) + span)
    bodies = dict(zip(arts["article_id"], arts["body"]))
    body_sh = {}
    sents = tables["sentences"]
    copied: set = set()
    for later, items in para_pairs.items():
        for earlier, s0, e0 in sorted(items):
            if earlier not in body_sh:
                body_sh[earlier] = shingles(words(bodies[earlier]), SENTENCE_SHINGLE)
            cand = sents[(sents["article_id"] == later) & (sents["section"] == "body") & (sents["start"] < e0)
                         & (sents["end"] > s0)]
            for r in cand.itertuples():
                sh = shingles(words(r.text), SENTENCE_SHINGLE)
                if sh and len(sh & body_sh[earlier]) / len(sh) >= SENTENCE_CONTAINMENT:
                    copied.add((later, int(r.sentence_id)))
    return dict(quote_spans), copied


def exclude_copies(tables: dict[str, pd.DataFrame], shared: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The tables without copied text: each measure's rows inside quotations copied verbatim from an
    earlier article of another outlet, or in copied sentences, as the measure's ``copies`` says
    (quotations; sentiment of copied sentences; framing in both)."""
    if shared is None:
        shared = shared_items(tables["articles"], tables["quotes"])
    quote_spans, copied = copies(tables, shared)
    if not quote_spans and not copied:
        return dict(tables)

    def in_copied_quote(aid, section, start, end):
        return section == "body" and any(s <= start and end <= e for s, e in quote_spans.get(aid, ()))

    from .measures import REGISTRY
    out = dict(tables)
    for name, measure in REGISTRY.items():
        if not measure.copies or name not in tables:
            continue
        t = tables[name]
        keep = [True] * len(t)
        if "sentence" in measure.copies:
            keep = [k and (a, int(i)) not in copied for k, a, i in zip(keep, t["article_id"], t["sentence_id"])]
        if "quote" in measure.copies:
            keep = [k and not in_copied_quote(*span)
                    for k, *span in zip(keep, t["article_id"], t["section"], t["start"], t["end"])]
        out[name] = t[keep].reset_index(drop=True)
    return out


def write_shared(tables_dir, out_dir) -> pd.DataFrame:
    """shared_items.csv and article_similarity.csv (up to 5,000 articles) from a run's tables."""
    from pathlib import Path

    from . import sheets as spreadsheet
    from .outdir import OutFolder
    from .schema import read_tables
    t = read_tables(tables_dir, ("articles", "quotes"))
    items = shared_items(t["articles"], t["quotes"])
    names = ["shared_items.csv"] + (["article_similarity.csv"] if len(t["articles"]) <= 5000 else [])
    # recorded as derived from the tables: the next fresh run into the folder removes them
    with OutFolder(Path(out_dir)) as folder:
        folder.check_derived(names)
        out = folder.out
        spreadsheet.to_csv(items, out / "shared_items.csv")
        if "article_similarity.csv" in names:
            spreadsheet.to_csv(article_similarity(t["articles"]), out / "article_similarity.csv", index=True)
        folder.add_derived(names)
    return items
