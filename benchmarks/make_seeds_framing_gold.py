import json, re, sys
sys.path.insert(0, 'tests')
from conftest import SEED, CORPUS, ACTORS
from test_framing import FRAMES
from analysis.actors import load_actors
from analysis.corpus import iter_corpus
from analysis.document import build_doc
actors = load_actors(ACTORS)
docs = {}
meta = {}
for kind, rec in iter_corpus(CORPUS):
    if kind == "article":
        docs[rec["article_id"]] = build_doc(rec, actors)
        meta[rec["article_id"]] = rec
out = {}
for s, sid, actor, frame, cue in FRAMES:
    aid = SEED[s]; doc = docs[aid]
    sent = next(x for x in doc.sentences if x.sentence_id == sid)
    words = sent.text.split()
    snippet = " ".join(words[:12]) if len(words) > 12 else sent.text
    assert snippet in sent.text
    a = out.setdefault(aid, {"outlet": meta[aid]["outlet"], "sidelining": [], "inclusion": []})
    key, field = ("sidelining", "sidelined") if frame == "exclusion" else ("inclusion", "included")
    e = next((e for e in a[key] if e["snippet"] == snippet), None)
    if e is None:
        e = {"snippet": snippet, field: [], "also_ok": []}
        if frame == "exclusion": e["kind"] = "explicit"
        e["cue"] = cue
        a[key].append(e)
    if actor not in e[field]: e[field].append(actor)
about = ("Framing gold for the bundled seed corpus (data/corpora/ukraine_talks), in the layout of "
         "../shared/eval/sidelining/*_gold.json: one entry per framed sentence, snippet = the sentence's first "
         "words. Read from the seeds when the lexicon was first written (development data, not held out). "
         "'cue' is the lexicon cue the tests expect to fire. Not counted: a reporter's question about Ukraine's "
         "involvement (002, sentence 10).")
json.dump({"about": about, "articles": dict(sorted(out.items()))}, open("data/eval/ukraine_talks_gold.json", "w"), indent=1, ensure_ascii=False)
