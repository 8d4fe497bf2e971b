"""The quotes measure: its table, summaries and validation checks."""
from __future__ import annotations

from ...actors import Actors
from ..base import BodySentences, Check, Measure, Options, file_hash
from .extract import extract_quotes
from .model import MODEL_PATH, SpeakerModel, speaker_model

# ------------------------------------------------------------------ the measure
def _quote_items(t: dict, method: str) -> list[dict]:
    """Every body sentence, coded yes if a direct or partial quotation overlaps it."""
    index, q = BodySentences(t["sentences"]), _coded_quotes(t)
    quoted = {(aid, sid) for aid, start, end in zip(q["article_id"], q["start"].astype(int), q["end"].astype(int))
              for sid in index.overlapping(aid, start, end)}
    s = t["sentences"]
    body = s[s["section"] == "body"]
    return [{"article_id": aid, "sentence_id": int(sid), "actor": "", "text": text,
             "toolkit_code": "yes" if (aid, int(sid)) in quoted else "no"}
            for aid, sid, text in zip(body["article_id"], body["sentence_id"], body["text"])]


def _speaker_items(t: dict, method: str) -> list[dict]:
    """Every direct or partial body quotation, with the toolkit's speaker."""
    index, q = BodySentences(t["sentences"]), _coded_quotes(t)
    return [{"article_id": aid, "sentence_id": index.containing(aid, start), "actor": "", "text": text,
             "toolkit_code": speaker or "unknown"}
            for aid, start, text, speaker in zip(q["article_id"], q["start"].astype(int), q["text"], q["speaker"])]


def _coded_quotes(t: dict):
    q = t["quotes"]
    return q[q["kind"].isin(["direct", "partial"]) & (q["section"] == "body")]


class Quotes(Measure):
    """Quotations and reported speech with their canonical speakers (``extract_quotes``); summaries: the
    share of quoted words per actor group and per speaker in each outlet.

    Example:
        >>> from analysis.measures import REGISTRY
        >>> REGISTRY["quotes"].table.fields[:3]
        ['quote_id', 'section', 'start']
    """
    name = "quotes"
    copies = ("quote",)
    reads = {"articles": ["article_id", "outlet", "n_words"],
             "quotes": ["article_id", "outlet", "section", "kind", "n_words", "speaker", "speaker_actor"]}
    summaries = ("summary_quote_share_actor", "summary_quote_share_speaker")
    checks = (
        Check("quote", "Q", ("yes", "no"), "nominal", ("yes",),
              "Does this sentence hold words quoted from a speaker (in quotation marks)? yes / no",
              "* **quote**: `yes` if the sentence contains words in quotation marks that a person or\n"
              "  institution said or wrote (also partial quotations of a few words); `no` for scare quotes,\n"
              "  titles, or no quotation marks.", _quote_items),
        Check("speaker", "S", None, "nominal", ("correct speaker",),
              "Who spoke the quoted words in `text`? Write the name as the article gives it (or: unknown)",
              "* **speaker**: the name of whoever spoke the quoted words, as the article identifies them\n"
              "  (a surname is enough); `unknown` if the article does not say.", _speaker_items, by_code=False),
    )

    def configure(self, options: Options) -> tuple[Actors, SpeakerModel | None]:
        return options.actors, speaker_model() if options.speakers == "model" else None

    def inputs(self, options: Options) -> dict:
        if options.speakers != "model":
            return {"speakers": options.speakers}
        return {"speakers": "model", "model": file_hash(MODEL_PATH)}

    def score(self, doc, upstream, setup) -> list[dict]:
        actors, model = setup
        return extract_quotes(doc, actors, model=model)

    def summarize(self, load, options):
        from ...compare import outlet_words, quote_share_chunks
        shares = quote_share_chunks(load.chunks("quotes"), outlet_words(load.chunks("articles")))
        return {"summary_quote_share_actor": shares["actor"], "summary_quote_share_speaker": shares["speaker"]}
