"""What every column of every table a run writes means; ``docs/tables.md`` is generated from it.

``python -m analysis.columns > docs/tables.md`` rewrites the page; ``tests/test_columns.py`` checks that
the page is in sync, that every column of ``schema.TABLES`` and of a run's summary files is described
here, and that nothing described here is missing from them.
"""
from __future__ import annotations

import sys

from .schema import TABLES

_ID = "the article's id (from the corpus, or made from its file name)"
_OUTLET = "the outlet (from the corpus's metadata)"
_SID = "the sentence's number in the article (0 is the headline when there is one; see `sentences`)"
_SECTION = "`headline` or `body`"
_ACTOR = "the actor group of the actors file (e.g. Ukraine)"
_START = "character offset where the span starts, in the section's text (`articles.headline` or `articles.body`)"
_END = "character offset where the span ends (exclusive)"
_SPEAKER = "the canonical speaker (a name of the actors file, else the name as the article gives it); empty " \
           "in the journalist's voice"
_SPEAKER_ACTOR = "the speaker's actor group; empty when the speaker belongs to no actor group"
_VOICE = "`quoted` (inside a quotation) or `journalist`"
_CI = "95% bootstrap interval over the outlet's articles: low end", "95% bootstrap interval: high end"
_NOTE = "why a row is empty or special (e.g. an outlet without quotations)"

DOCS: dict[str, tuple[str, dict[str, str]]] = {
    "articles": ("One row per article that was read.", {
        "article_id": _ID, "outlet": _OUTLET,
        "date": "publication date as given (ISO 8601 where the corpus has one)",
        "title": "the title from the metadata", "author": "the author from the metadata or the byline",
        "byline": "the byline line the cleaning took out of the text, if any",
        "headline": "the headline, cleaned", "body": "the body text after cleaning; offsets of other tables "
                                                    "count in it",
        "n_words": "words in the body", "n_sentences": "sentences (headline included)",
        "source_path": "the file (or file and row) the article was read from",
        "warnings": "what the reader noticed but kept (e.g. a missing date), `;`-separated",
    }),
    "sentences": ("One row per sentence of the headline and body.", {
        "article_id": _ID, "sentence_id": _SID, "section": _SECTION,
        "paragraph_id": "the body paragraph (from 0; -1 for the headline)", "start": _START, "end": _END,
        "text": "the sentence", "in_quote": "share of the sentence's characters inside quotation marks (0-1)",
    }),
    "mentions": ("One row per mention of an actor (an alias or a person of the actors file).", {
        "article_id": _ID, "sentence_id": _SID, "section": _SECTION, "actor": _ACTOR,
        "person": "the person of the actors file the mention names; empty for an alias of the group",
        "alias": "the alias of the actors file that matched", "start": _START, "end": _END,
        "text": "the words as written",
    }),
    "quotes": ("One row per quotation or reported statement, with its speaker.", {
        "article_id": _ID, "outlet": _OUTLET, "quote_id": "the quotation's number in the article (from 1)",
        "section": _SECTION, "start": _START, "end": _END,
        "text": "the quoted words (inside the marks), or the reported content for `indirect`",
        "n_words": "words of `text`",
        "kind": "`direct` (a sentence or more in quotation marks), `partial` (a few quoted words inside the "
                "journalist's sentence) or `indirect` (reported speech after a speech verb, no marks)",
        "speaker": "the canonical speaker (a name of the actors file, else the name as the article gives it); "
                   "empty when none was found",
        "speaker_actor": _SPEAKER_ACTOR,
        "speaker_mention": "the words the speaker was found from (a name, a role, a pronoun)",
        "speaker_confidence": "the speaker model's probability for the chosen speaker (0-1); for a name "
                              "right after the cue or a quotation following one, which the rules decide "
                              "alone, that rule's speaker accuracy on PolNeAR train; empty for reported "
                              "speech, with no speaker, or under `--speakers rules`",
        "cue": "the speech verb or cue (said, told, according to, ...)",
        "rule": "which attribution rule or model decision gave the speaker (see `evaluate quotes`)",
    }),
    "sentiment": ("One row per (sentence, actor it names, method): the tone toward the actor in the words "
                  "around its mentions.", {
        "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SID, "section": _SECTION, "actor": _ACTOR,
        "method": "`textblob`, `vader` or `trained`",
        "polarity": "the method's score toward the actor, -1 to 1; empty when the method found no cue in "
                    "the window (missing, not neutral)",
        "subjectivity": "TextBlob's subjectivity (0-1); for `trained` the model's confidence in its label",
        "label": "`negative`, `neutral` or `positive` (thresholds in the README); empty with `polarity`",
        "voice": _VOICE + " (by the majority of the actor's mentions in the sentence)",
        "speaker_actor": "in the quoted voice, the actor group of the speaker of the quotation holding the "
                         "actor's first quoted mention; empty in the journalist's voice and for a speaker of no "
                         "group",
        "n_cues": "words of the window the method's lexicon knows",
        "n_mentions": "mentions of the actor in the sentence", "window_text": "the words the method scored",
    }),
    "framing": ("One row per (cue match, actor it frames): exclusion (sidelining) and inclusion language.", {
        "article_id": _ID, "outlet": _OUTLET, "sentence_id": _SID, "section": _SECTION, "actor": _ACTOR,
        "frame": "`exclusion` or `inclusion`",
        "kind": "`explicit`, `demand` (a demand for inclusion, implying absence) or `implicit` (not "
                "consulted, blindsided, a one-on-one format)",
        "cue": "the lexicon's cue label", "rule": "how the actor was bound to the cue (subject, object, "
                                                  "possessor, pronoun, coordinated, ...)",
        "start": _START, "end": _END, "text": "the words the cue matched", "voice": _VOICE,
        "speaker": _SPEAKER, "speaker_actor": _SPEAKER_ACTOR, "in_headline": "1 if in the headline",
        "negated": "1 if a negation precedes the cue (a negated inclusion is an exclusion)",
        "sentence": "the whole sentence",
    }),
    "visibility": ("One row per (article, actor named in it).", {
        "article_id": _ID, "outlet": _OUTLET, "actor": _ACTOR, "mentions": "mentions in the article",
        "headline_mentions": "mentions in the headline", "first_sentence": "the first sentence naming the actor",
    }),
    "cleaning_log": ("One row per line the cleaning took out of an article.", {
        "article_id": _ID, "line_no": "the line's number in the raw text (from 1)", "text": "the line",
        "reason": "why it was removed (byline, boilerplate, ...)",
    }),
    "rejected": ("One row per input item that could not be read; nothing is dropped silently.", {
        "source": "the file (and row) of the item", "article_id": "its id, if it had one",
        "reason": "why it was skipped, in one sentence",
    }),
    "actors": ("One row per actor group of the actors file used.", {
        "actor": _ACTOR, "color": "its colour in the figures", "party": "1 if listed in the file's `parties`",
        "n_people": "people listed under it",
    }),
    "summary_sentiment": ("Per outlet, actor and method: mean polarity toward the actor.", {
        "outlet": _OUTLET, "actor": _ACTOR, "method": "the sentiment method",
        "n_rows": "sentiment rows (sentence x actor)", "n_scored": "rows with a polarity (a cue in the window)",
        "mean_polarity": "mean of `polarity` over the scored rows", "ci_low": _CI[0], "ci_high": _CI[1],
        "n_negative": "rows labelled negative", "n_neutral": "rows labelled neutral",
        "n_positive": "rows labelled positive",
    }),
    "summary_framing": ("Per outlet and actor: exclusion and inclusion frames (distinct framed sentences).", {
        "outlet": _OUTLET, "actor": _ACTOR, "exclusion": "sentences framing the actor as excluded",
        "inclusion": "sentences framing it as included", "exclusion_per_1000": "exclusion per 1,000 body words",
        "inclusion_per_1000": "inclusion per 1,000 body words",
        "sidelining_index": "(exclusion - inclusion) / (exclusion + inclusion), -1 to 1; empty without frames",
        "ci_low": _CI[0], "ci_high": _CI[1], "headline_exclusion": "exclusion sentences in headlines",
        "headline_inclusion": "inclusion sentences in headlines",
        "exclusion_explicit": "exclusion sentences of kind explicit",
        "exclusion_demand": "exclusion sentences of kind demand", "exclusion_implicit": "of kind implicit",
        "exclusion_quoted": "exclusion sentences whose frame is only in quotations",
        "inclusion_quoted": "inclusion sentences whose frame is only in quotations",
    }),
    "summary_quote_share_actor": ("Per outlet and speaker group: share of direct and partial quotations.", {
        "outlet": _OUTLET, "speaker_actor": "the speakers' actor group; `(unknown)` for speakers of no group "
                                            "or none found",
        "quotes": "quotations", "words": "quoted words", "share_quotes": "share of the outlet's quotations",
        "share_words": "share of the outlet's quoted words", "note": _NOTE,
    }),
    "summary_quote_share_speaker": ("Per outlet and speaker: share of direct and partial quotations.", {
        "outlet": _OUTLET, "speaker": "the canonical speaker; `(unattributed)` when none was found",
        "quotes": "quotations", "words": "quoted words", "share_quotes": "share of the outlet's quotations",
        "share_words": "share of the outlet's quoted words", "note": _NOTE,
    }),
    "summary_visibility": ("Per outlet and actor: how often the actor is named.", {
        "outlet": _OUTLET, "actor": _ACTOR, "mentions": "mentions in the outlet's articles",
        "per_1000_words": "mentions per 1,000 body words",
    }),
}
#: columns of the corpus's metadata that ``articles`` passes through (any others are kept too)
PASSED_THROUGH = {"event": "the event the article belongs to (NewsWCL50, the bundled corpus)",
                  "url": "the article's address", "date_basis": "how the date was established"}


def markdown() -> str:
    """docs/tables.md: every table of a run, in the order of ``DOCS``, with its columns' meanings."""
    out = ["# Tables a run writes", "",
           "Generated by `python -m analysis.columns > docs/tables.md` from `analysis/columns.py`; "
           "`tests/test_columns.py` checks that it is in sync with the tables. A run's `--out` folder holds "
           "one file per table (CSV, or Parquet with `--format parquet`).", ""]
    for name, (about, cols) in DOCS.items():
        out += [f"## `{name}`", "", about, "", "| column | meaning |", "|---|---|"]
        out += [f"| `{c}` | {d} |" for c, d in cols.items()]
        if name == "articles":
            out += [f"| `{c}` | {d}; passed through from the corpus's metadata when present |"
                    for c, d in PASSED_THROUGH.items()]
        out.append("")
    return "\n".join(out)


def undocumented() -> list[str]:
    """``table.column`` of every schema column ``DOCS`` does not describe."""
    return [f"{t.name}.{c}" for t in TABLES.values() for c in t.columns if c not in DOCS.get(t.name, ("", {}))[1]]


if __name__ == "__main__":
    sys.stdout.write(markdown())
