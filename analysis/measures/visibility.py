"""Actor visibility: how often each outlet names each actor.

One row per article and actor it names: mentions in all, mentions in the headline, and the first
sentence that names the actor (0 is the headline). The summary is mentions per outlet and actor,
absolute and per 1,000 words of body text.
"""
from __future__ import annotations

from .base import Measure


def count_mentions(doc) -> list[dict]:
    r"""Mentions of each actor in one article, in order of first mention.

    Args:
        doc: the article, built by ``document.build_doc``.

    Returns:
        one dict per actor named: actor, mentions, headline_mentions, first_sentence.

    Example:
        >>> from analysis.actors import parse_actors
        >>> from analysis.document import build_doc
        >>> actors = parse_actors({"actors": {"Ukraine": {"aliases": ["Ukraine", "Kyiv"]}}})
        >>> doc = build_doc({"article_id": "a", "outlet": "o", "title": "Kyiv waits",
        ...                  "raw": "Kyiv waits\n\nUkraine was not there. Kyiv said so."}, actors)
        >>> count_mentions(doc)
        [{'actor': 'Ukraine', 'mentions': 3, 'headline_mentions': 1, 'first_sentence': 0}]
    """
    rows: dict[str, dict] = {}
    for m in sorted(doc.mentions, key=lambda m: (m["section"] != "headline", m["start"])):
        r = rows.setdefault(m["actor"], {"actor": m["actor"], "mentions": 0, "headline_mentions": 0,
                                         "first_sentence": m["sentence_id"]})
        r["mentions"] += 1
        r["headline_mentions"] += m["section"] == "headline"
    return list(rows.values())


class Visibility(Measure):
    """Actor visibility (``count_mentions``); summary (``compare.visibility_by_outlet``): mentions per outlet and actor per 1,000 words.

    Example:
        >>> from analysis.measures import REGISTRY
        >>> REGISTRY["visibility"].summaries
        ('summary_visibility',)
    """
    name = "visibility"
    reads = {"articles": ["article_id", "outlet", "n_words"], "visibility": ["outlet", "actor", "mentions"]}
    summaries = ("summary_visibility",)

    def score(self, doc, upstream, setup) -> list[dict]:
        return count_mentions(doc)

    def summarize(self, load, options):
        from ..compare import outlet_words, visibility_by_outlet
        return {"summary_visibility": visibility_by_outlet(outlet_words(load.chunks("articles")), load("visibility"))}
