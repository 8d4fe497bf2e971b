"""The measure contract: what every measure under ``analysis/measures/`` declares, in one place.

A measure reads a built document (``document.Doc``) and the rows of the measures it needs, and
returns the rows of its table (``schema.TABLES[name]``, after ``article_id, outlet``, which the run
fills). ``run/`` calls ``configure`` once per run, ``score`` once per article and ``summarize`` once at
the end; syndication's copy exclusion reads ``copies``; ``validate sample`` draws the items of each of
its ``checks`` and ``validate score`` scores them. Adding a measure is one module here, registered
in ``measures.REGISTRY``, its tests, a figure builder and a notebook; nothing else changes.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import config, schema
from ..actors import Actors


@dataclass(frozen=True)
class Options:
    """What a run was asked for: the files and options any measure may read.

    Args:
        actors: the loaded actors file (groups, people, aliases, parties).
        methods: sentiment methods, in order.
        window: tokens each side of a mention that the lexicon sentiment methods read.
        lexicon: the framing lexicon file.
        speakers: who chooses a quotation's speaker: "model" (the speaker model, the default) or
            "rules" (the first attribution rule that fires).
    """
    actors: Actors
    methods: tuple[str, ...] = ("textblob",)
    window: int = config.WINDOW
    lexicon: Path = config.LEXICON
    speakers: str = "model"


@dataclass(frozen=True)
class Check:
    """One question ``validate sample`` puts to coders about a measure's output.

    ``population(tables, method)`` lists every unit that could be drawn, as dicts with article_id,
    sentence_id, actor, text and toolkit_code (the toolkit's answer); the draw is stratified by outlet
    and, if ``by_code``, by the toolkit's answer, so that hits and non-hits are both coded."""
    name: str                      # the measure column of the coding sheet: quote, speaker, ...
    prefix: str                    # item ids: Q0001, S0002, ...
    codes: tuple[str, ...] | None  # allowed codes; None: free text (a name)
    level: str                     # Krippendorff level: nominal / ordinal
    positive: tuple[str, ...]      # classes scored (plus 'any frame', 'correct speaker')
    question: str                  # the sheet's question; {actor} is filled in
    instruction: str               # its paragraph of instructions.md
    population: Callable[[dict, str], list[dict]]
    by_code: bool = True


class Measure:
    """Base of every measure. Subclasses set the class attributes and implement ``score``.

    Attributes:
        name: the measure's name, which is also its table's (``schema.TABLES[name]``).
        needs: measures whose rows of the same article ``score`` reads (they run first).
        copies: how rows of text copied from another outlet are left out: ``"sentence"`` (rows of a
            copied sentence, by ``sentence_id``), ``"quote"`` (rows inside a copied quotation, by
            ``section``, ``start``, ``end``).
        reads: the columns of each table ``summarize`` reads (so large runs load little).
        summaries: the names of the summary tables ``summarize`` returns.
        checks: the coding-sample questions of ``validate``.
    """
    name: str = ""
    needs: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()
    reads: dict[str, list[str]] = {}
    summaries: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()

    @property
    def table(self) -> schema.Table:
        return schema.TABLES[self.name]

    def configure(self, options: Options):
        """Load and check the measure's files and options (ConfigError naming file and place); the
        returned value is what ``score`` gets, sent once to every worker."""
        return options

    def inputs(self, options: Options) -> dict:
        """What, besides the corpus and actors file, decides this measure's rows (for resuming a run)."""
        return {}

    def score(self, doc, upstream: dict[str, list[dict]], setup) -> list[dict]:
        """The rows of one article (``table.fields``), given the rows of the ``needs`` measures."""
        raise NotImplementedError

    def summarize(self, load: Callable[[str], pd.DataFrame], options: Options) -> dict[str, pd.DataFrame]:
        """Per-outlet summaries, ``{name: DataFrame}``; ``load(table)`` gives the ``reads`` columns,
        ``load.chunks(table)`` the same in consecutive chunks (for tables that grow with the corpus)."""
        return {}


class BodySentences:
    """Body sentences of each article by offset, to find those a span overlaps (bisect, not a scan)."""

    def __init__(self, sentences: pd.DataFrame):
        body = sentences[sentences["section"] == "body"]
        self.by_article: dict[str, tuple[list, list, list]] = {}
        for aid, g in body.sort_values(["article_id", "start"]).groupby("article_id", sort=False):
            self.by_article[aid] = (g["start"].astype(int).tolist(), g["end"].astype(int).tolist(),
                                    g["sentence_id"].astype(int).tolist())

    def overlapping(self, aid: str, start: int, end: int) -> list[int]:
        starts, ends, ids = self.by_article.get(aid, ([], [], []))
        return ids[bisect_right(ends, start):bisect_left(starts, end)]

    def containing(self, aid: str, pos: int) -> int:
        starts, ends, ids = self.by_article.get(aid, ([], [], []))
        i = bisect_right(starts, pos) - 1
        return ids[i] if i >= 0 and pos < ends[i] else -1


def sentence_texts(tables: dict) -> dict[tuple[str, int], str]:
    """(article_id, sentence_id) -> sentence text."""
    s = tables["sentences"]
    return dict(zip(zip(s["article_id"], s["sentence_id"].astype(int)), s["text"]))


def file_hash(path) -> str:
    """A short digest of a model file for ``Measure.inputs``: a retrained model never resumes an old run."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
