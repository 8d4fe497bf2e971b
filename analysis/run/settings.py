"""What a run was asked for, checked once: the options, each measure's configuration, the tables."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import config, schema
from ..actors import Actors, load_actors
from ..errors import ConfigError
from ..measures import REGISTRY, Options

#: every table a run writes, in order: ingest, one per measure, bookkeeping
TABLES: tuple[str, ...] = tuple([t.name for t in schema.INGEST] + list(REGISTRY) + [t.name for t in schema.BOOKKEEPING])
COLUMNS: dict[str, list[str]] = {t: schema.TABLES[t].columns for t in TABLES}


@dataclass
class Settings:
    """The checked options of a run and each measure's configuration (``Measure.configure``); sent once
    to every worker."""
    options: Options
    setups: dict[str, object]
    article_seconds: float | None = config.ARTICLE_SECONDS
    extra_columns: list[str] = field(default_factory=list)

    @property
    def actors(self) -> Actors:
        return self.options.actors


def make_settings(actors_path, methods=("textblob",), window=config.WINDOW, lexicon_path=None,
                  article_seconds: float | None = config.ARTICLE_SECONDS, speakers: str = "model") -> Settings:
    """Load the actors file and configure every measure; ConfigError naming the file or option at fault.

    Example:
        >>> s = make_settings(config.ACTORS, ("textblob",))
        >>> sorted(s.setups) == sorted(REGISTRY)
        True
    """
    if article_seconds is not None and not article_seconds > 0:
        raise ConfigError(f"--article-timeout: must be a number of seconds above 0 (got {article_seconds!r})")
    if speakers not in config.SPEAKERS:
        raise ConfigError(f"--speakers: unknown choice '{speakers}' ({' or '.join(config.SPEAKERS)})")
    options = Options(load_actors(actors_path), tuple(methods), window, Path(lexicon_path or config.LEXICON),
                      speakers)
    setups = {name: m.configure(options) for name, m in REGISTRY.items()}
    return Settings(options, setups, article_seconds)


def fingerprint(corpus, actors, options: Options, chunk_size, corpus_options, fmt) -> str:
    """What decides a run's tables (corpus, actors file, each measure's inputs, chunking, format): a
    folder's unfinished run is resumed only if this is unchanged."""
    parts = {"format": fmt, "corpus": str(Path(corpus).resolve()), "actors": Path(actors).read_text(encoding="utf-8"),
             "measures": {name: m.inputs(options) for name, m in REGISTRY.items()}, "chunk_size": chunk_size,
             "options": {k: str(v) for k, v in sorted(corpus_options.items())}}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
