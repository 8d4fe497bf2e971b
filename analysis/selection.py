"""Which articles of a corpus a run keeps: ``--where column=value``, ``--outlets``, ``--date-from``, ``--date-to``.

A selection is applied as the corpus is read, before any article is processed, so a run of one event
of a large corpus costs that event. Articles left out are not errors: they are counted per reason and
the count is printed when the run ends (``Selection.report``); rejected items stay in ``rejected``.
Dates compare as ISO text on their first ten characters (``2025-02-18``); with a date bound, an
article without a date is left out and counted as such.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .errors import ConfigError


@dataclass
class Selection:
    where: tuple[tuple[str, str], ...] = ()
    outlets: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    left_out: Counter = field(default_factory=Counter)
    seen_outlets: set = field(default_factory=set)
    checked: int = 0

    def __bool__(self) -> bool:
        return bool(self.where or self.outlets or self.date_from or self.date_to)

    def describe(self) -> str:
        """The selection as text (for the run's fingerprint and its messages)."""
        parts = [f"{c}={v}" for c, v in self.where]
        if self.outlets:
            parts.append("outlets=" + ",".join(self.outlets))
        if self.date_from:
            parts.append(f"date>={self.date_from}")
        if self.date_to:
            parts.append(f"date<={self.date_to}")
        return "; ".join(parts)

    def reason(self, rec: dict) -> str:
        """Why the article ``rec`` is left out ('' if it is kept)."""
        self.checked += 1
        for column, value in self.where:
            if column not in rec:
                if self.checked > 1:  # the corpus has the column, this article leaves it out
                    return f"no {column}"
                raise ConfigError(f"--where {column}={value}: the corpus has no column '{column}' (article "
                                  f"{rec.get('article_id', '')} has: {', '.join(_columns(rec))})")
            if str(rec[column]).strip() != value:
                return f"{column} is not {value}"
        if self.outlets:
            if rec.get("outlet", "") not in self.outlets:
                return "outlet not in --outlets"
            self.seen_outlets.add(rec["outlet"])
        if self.date_from or self.date_to:
            date = str(rec.get("date", "")).strip()[:10]
            if not date:
                return "no date"
            if self.date_from and date < self.date_from:
                return f"dated before {self.date_from}"
            if self.date_to and date > self.date_to:
                return f"dated after {self.date_to}"
        return ""

    def filter(self, items):
        """The corpus items (``corpus.iter_corpus``) without the articles the selection leaves out."""
        for kind, rec in items:
            if kind == "article" and self:
                why = self.reason(rec)
                if why:
                    self.left_out[why] += 1
                    continue
            yield kind, rec

    def report(self) -> list[str]:
        """Lines to print when the run ends: what was left out and why, outlets asked for but never seen."""
        if not self:
            return []
        n = sum(self.left_out.values())
        reasons = ", ".join(f"{why}: {k}" for why, k in sorted(self.left_out.items()))
        lines = [f"selection {self.describe()}: {n} article(s) left out" + (f" ({reasons})" if n else "")]
        lines += [f"warning: --outlets '{o}': no article of the corpus has this outlet"
                  for o in self.outlets if o not in self.seen_outlets]
        return lines


def _columns(rec: dict) -> list[str]:
    return [k for k in rec if k not in ("raw", "text", "warnings", "source_path")]


def _date(flag: str, value: str | None) -> str:
    if not value:
        return ""
    import datetime
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ConfigError(f"{flag} {value}: not a date (write YYYY-MM-DD)") from None


def parse(where=(), outlets: str | None = None, date_from: str | None = None, date_to: str | None = None) -> Selection:
    """A Selection from the command line's values; bad values stop with one sentence."""
    pairs = []
    for item in where or ():
        column, sep, value = item.partition("=")
        if not sep or not column.strip():
            raise ConfigError(f"--where {item}: write column=value, e.g. --where event=7")
        pairs.append((column.strip(), value.strip()))
    names = tuple(o.strip() for o in (outlets or "").split(",") if o.strip())
    sel = Selection(tuple(pairs), names, _date("--date-from", date_from), _date("--date-to", date_to))
    if sel.date_from and sel.date_to and sel.date_from > sel.date_to:
        raise ConfigError(f"--date-from {sel.date_from} is after --date-to {sel.date_to}: no article can be in both")
    return sel
