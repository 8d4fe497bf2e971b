"""The speaker model: a logistic regression over the candidates of ``candidates.collect``, trained on
PolNeAR train and stored as plain JSON (``data/models/speaker_polnear.json``; rebuilt by
``python -m analysis train-speakers``). It scores each candidate; the best one speaks, and its
probability is the quotation's ``speaker_confidence``."""
from __future__ import annotations

import math
from functools import lru_cache

from ... import config
from ...errors import read_model
from .candidates import Candidate

MODEL_PATH = config.SPEAKER_MODEL
MIN_WORDS_UNCUED = 4   # a quotation no rule attributes gets a context speaker only from this length on
# the rule families that decide alone when they fire first: a name right after the quotation's cue
# ("“…,” Peskov said", "“…,” said Peskov", "“…” ― Peskov") and a quotation that follows one in its
# paragraph. On PolNeAR train the model picked their answer for 99.1–99.7% of such quotations
# (``train-speakers`` records their accuracy); deciding them without the model halves its work.
RULES_ALONE = ("after", "following")


def stands_alone(families, family: str, speaker) -> bool:
    """Does the rules' answer (``speaker`` from a rule of ``family``) stand without the model? Only a
    capitalised name from one of ``families``: a lower-case phrase ("echoing some commentators who")
    is left for the model to weigh against the names around it."""
    return family in families and speaker.speaker[:1].isupper()


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
        z = self.intercept + sum(w.get(k, 0.0) * v for k, v in feats.items())
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
