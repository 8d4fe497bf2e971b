"""The notebook baseline as a whole process: what a researcher would write by hand in a notebook.

Reads ``metadata.csv`` and every article file of a corpus folder, splits sentences with pysbd, scores
each sentence with ``TextBlob(sentence).sentiment``, credits the sentence's polarity to each actor whose
name occurs in it as a substring, and counts quotations with a regular expression. It does far less than
``python -m analysis run`` (no cleaning, no scoping, no attribution, no framing). ``make bench`` times it
as a process beside ``run``.

    python benchmarks/baseline.py CORPUS NAMES.json     # NAMES.json: {"actor": ["alias", ...], ...}
"""
import csv
import json
import re
import sys
from pathlib import Path

import pysbd
from textblob import TextBlob

QUOTE = re.compile(r"[\"“]([^\"”]{10,}?)[\"”]")


def main(corpus: str, names_file: str) -> None:
    corpus = Path(corpus)
    names = {actor: [a.lower() for a in aliases]
             for actor, aliases in json.loads(Path(names_file).read_text(encoding="utf-8")).items()}
    seg = pysbd.Segmenter(language="en", clean=False)
    n_articles = n_quotes = n_scored = 0
    polarity_sum = dict.fromkeys(names, 0.0)
    with open(corpus / "metadata.csv", newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            text = (corpus / row["path"]).read_text(encoding="utf-8", errors="replace")
            n_articles += 1
            n_quotes += len(QUOTE.findall(text))
            for sent in seg.segment(text):
                polarity = TextBlob(sent).sentiment.polarity
                low = sent.lower()
                for actor, aliases in names.items():
                    if any(x in low for x in aliases):
                        n_scored += 1  # the sentence's polarity is credited to the actor
                        polarity_sum[actor] += polarity
    mean = {a: round(polarity_sum[a] / n_scored, 4) if n_scored else None for a in names}
    print(json.dumps({"articles": n_articles, "quotes": n_quotes, "scored": n_scored, "mean_polarity": mean}))


if __name__ == "__main__":
    main(*sys.argv[1:])
