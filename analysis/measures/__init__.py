"""The measures, in the order a run scores them (a measure comes after those it needs).

Example:
    >>> list(REGISTRY)
    ['quotes', 'sentiment', 'framing', 'visibility']
"""
from __future__ import annotations

from .base import Check, Measure, Options
from .framing import Framing
from .quotes import Quotes
from .sentiment import Sentiment
from .visibility import Visibility

REGISTRY: dict[str, Measure] = {m.name: m for m in (Quotes(), Sentiment(), Framing(), Visibility())}


def _check_order() -> None:
    seen: set[str] = set()
    for name, m in REGISTRY.items():
        missing = [n for n in m.needs if n not in seen]
        if missing:
            raise AssertionError(f"measure {name} needs {missing}, registered after it")
        seen.add(name)


_check_order()

__all__ = ["REGISTRY", "Check", "Measure", "Options"]
