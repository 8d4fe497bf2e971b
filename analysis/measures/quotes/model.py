"""The speaker model: a logistic regression over the candidates of ``candidates.collect``, trained on
PolNeAR train and stored as plain JSON (``data/models/speaker_polnear.json``; rebuilt by
``python -m analysis train-speakers``). It scores each candidate; the best one speaks, and its
probability is the quotation's ``speaker_confidence``."""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ... import config
from ...errors import read_model
from .candidates import Candidate, bare_mention

MODEL_PATH = config.SPEAKER_MODEL
MIN_WORDS_UNCUED = 4   # a quotation no rule attributes gets a context speaker only from this length on
# the rules (a family, or one rule of a family) that decide alone when they fire first: a name right
# after the quotation's cue ("“…,” Peskov said", "“…,” said Peskov", "“…” ― Peskov"), a quotation
# that follows one in its paragraph, and a plain name before its cue ("Kallas asserted on Wednesday
# night, “…”"; ``NAMED_ALONE``). On PolNeAR train the model picked their capitalised answer for
# 99.1–99.9% of such quotations (``train-speakers`` records their accuracy); deciding them without the
# model saves most of its work.
RULES_ALONE = ("after", "following", "before:name-cue")
# rules that decide alone only when their phrase is a plain name: capitalised words, the last a word
# with a lower-case second letter (not "N.C.", "DNC"), no possessive ("news of Trump’s comments"), and
# resolved to a person or a raw name. The model departs from the other answers of ``before:name-cue``
# ("Her campaign manager", "Some may", "the president") for 1 in 25 of them, and is then mostly right.
NAMED_ALONE = ("before:name-cue",)
# families whose lower-case answers stand alone as well ("“…,” a spokesman said", a quotation following one
# whose speaker is "the senator"): the model kept 301 of 304 of them on PolNeAR train
CASE_FREE = ("after", "following")
_PLAIN_NAME = re.compile(r"(?:[A-Z][\w.’'\-]*\s+){0,4}[A-Z][a-z][\w.’'\-]*")


def alone_key(keys, rule: str, speaker) -> str | None:
    """The key of ``keys`` under which the rules' answer (``speaker`` from ``rule``, e.g.
    "before:name-cue+subject") stands without the model: the rule itself ("before:name-cue") or its
    family ("after"); None when neither is listed, when the answer is a lower-case phrase ("echoing
    some commentators who") of a family not in ``CASE_FREE``, which is left for the model to weigh against
    the names around it, or when a rule of ``NAMED_ALONE`` gave no plain name."""
    base = rule.split("+")[0]
    family = base.split(":")[0]
    if not speaker.speaker[:1].isupper() and family not in CASE_FREE:
        return None
    key = base if base in keys else family if family in keys else None
    if key in NAMED_ALONE:
        mention = bare_mention(speaker)
        if speaker.kind not in ("person", "raw") or not _PLAIN_NAME.fullmatch(mention) \
                or mention.endswith(("’s", "'s")):
            return None
    return key


class SpeakerModel:
    """Binary logistic regression: P(candidate is the speaker) from its features."""

    def __init__(self, data: dict):
        self.weights: dict[str, float] = data["weights"]
        self.intercept: float = float(data["intercept"])
        self.threshold: float = float(data["meta"]["threshold"])
        # rule families whose answer stands without the model, each with the share of PolNeAR train
        # quotations it attributes correctly (that quotation's ``speaker_confidence``)
        self.alone: dict[str, float] = {k: float(v) for k, v in data["meta"].get("rules_alone", {}).items()}

    def proba(self, feats: dict[str, float]) -> float:
        w = self.weights
        z = self.intercept + sum([w.get(k, 0.0) * v for k, v in feats.items()])
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def choose(cands: list[Candidate], model: SpeakerModel | None, n_words: int) -> tuple[Candidate | None, float]:
    """The speaker of one quotation and the model's probability for it.

    Without a model the rules' answer speaks (confidence NaN). With one, the best-scored candidate
    speaks (ties: the earlier candidate, rules first); a quotation no rule attributed takes a
    context candidate only if it scores at least the model's threshold and the quotation has
    ``MIN_WORDS_UNCUED`` words or more (shorter unattributed fragments are scare quotes)."""
    if model is None:
        first = next((c for c in cands if c.first), None)
        return first, float("nan")
    if not cands:
        return None, float("nan")
    probs = [model.proba(c.features) for c in cands]
    best = max(range(len(cands)), key=lambda i: (probs[i], -i))
    p = round(probs[best], 6)
    if not any(c.first for c in cands) and (p < model.threshold or n_words < MIN_WORDS_UNCUED):
        return None, float("nan")
    return cands[best], p


@lru_cache(maxsize=2)
def speaker_model(path: str | None = None) -> SpeakerModel:
    return SpeakerModel(read_model(path or MODEL_PATH, "speaker", "train-speakers",
                                   lambda d: "weights" in d and "threshold" in d.get("meta", {})))
