"""Time grows linearly with an article's length (issue: a 4 MB article took 45 s, 1 MB 5.9 s).

Before the fix every quotation scanned every sentence and paragraph of its article, every speaker
phrase every mention, every sentence every quotation: four times the text took about sixteen times
as long. The check compares one article made of 40 PolNeAR articles with one made of 160 (best of
two timings each), so a machine's speed cancels out; linear time gives a ratio near 4, quadratic
near 16. (Repeating one text would not do: cleaning drops repeated lines as boilerplate.)"""
import time

from analysis.run import make_settings, process_article
from conftest import ACTORS, SHARED, need_shared


def _article(n: int) -> dict:
    files = sorted((need_shared(SHARED / "corpora" / "polnear-train") / "articles").glob("*.txt"))[:n]
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in files)
    return {"article_id": f"long{n}", "outlet": "X", "raw": body, "title": "", "source_path": ""}


def _seconds(record, settings) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        rows = process_article(record, settings)
        best = min(best, time.perf_counter() - t0)
    assert rows["quotes"] and rows["sentiment"] and rows["mentions"]  # the stages had work to do
    return best


def test_time_grows_linearly_with_article_length():
    settings = make_settings(ACTORS, ("textblob", "trained"))
    process_article(_article(1), settings)  # warm-up: model and lexicons loaded
    short, long = _seconds(_article(40), settings), _seconds(_article(160), settings)
    assert long / short < 7, f"4x the text took {long / short:.1f}x the time"


def test_position_lookups_agree_with_a_scan():
    from analysis.document import build_doc
    from analysis.actors import load_actors
    actors = load_actors(ACTORS)
    doc = build_doc(_article(5), actors)
    body = [s for s in doc.sentences if s.section == "body"]
    for pos in range(0, len(doc.body), 7):
        scan = next((s for s in body if s.start <= pos < s.end), None)
        assert doc.sentence_at("body", pos) is scan
        para = next(((a, b) for a, b in doc.paragraphs if a <= pos < b or pos == b), None)
        assert doc.paragraph_at(pos) == para
    for a in range(0, len(doc.body), 97):
        scan = [m for m in doc.mentions if m["section"] == "body" and a <= m["start"] < a + 60]
        assert doc.mentions_between("body", a, a + 60) == scan


def test_span_lookup_agrees_with_a_scan():
    """Overlapping items and containment found by bisection, as a scan over every item finds them; nested,
    touching, empty and duplicate spans included."""
    from analysis.text import SpanLookup
    spans = [(0, 10), (2, 4), (4, 4), (4, 9), (12, 30), (13, 14), (13, 14), (29, 31), (40, 41)]
    lookup = SpanLookup(spans)
    for a in range(-2, 45):
        assert lookup.contains(a) == any(s <= a < e for s, e in spans), a
        for b in range(a, a + 6):
            assert lookup.overlapping(a, b) == [(s, e) for s, e in spans if s < b and e > a], (a, b)
    assert lookup.contains(3) and not lookup.contains(10) and not lookup.contains(35)
