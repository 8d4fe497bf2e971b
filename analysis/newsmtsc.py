"""NewsMTSC reader: one target per row with its sentence, span and label."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import ConfigError
from .measures.sentiment import Scope, target_scope

LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def load_targets(path) -> list[dict]:
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"{path}: NewsMTSC file not found")
    out = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                sentence = row["sentence_normalized"]
                for t_idx, t in enumerate(row["targets"]):
                    out.append({"line": line_no, "target": t_idx, "sentence": sentence, "from": int(t["from"]),
                                "to": int(t["to"]), "label": LABELS[float(t["polarity"])]})
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
                raise ConfigError(f"{path}: line {line_no + 1}: not a NewsMTSC record ({type(err).__name__}: {err})") from None
    return out


def target_scope_of(t: dict, window: int) -> Scope:
    """The scope of a NewsMTSC target: other capitalised names are left out like actor mentions."""
    return target_scope(t["sentence"], [(t["from"], t["to"])], [], window)
