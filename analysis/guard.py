"""Nothing a user types may hang a run: checks of user patterns at load, and a time budget per article.

``check_pattern`` refuses, with the file and the place, a pattern that can match the empty string
or that repeats without bound a group which itself repeats (``(a+)+$``, ``(\\w+\\s?)+$``): such
nested quantifiers make Python's backtracking matcher take exponential time on a near miss. Other
slow patterns cannot all be recognised in advance, so ``time_budget`` also gives every article a
time limit: an article that exceeds it raises ``ArticleTimeout`` naming the stage and, in the
framing stage, the cue and pattern being matched; the run records it in ``rejected`` and goes on.

The budget uses ``SIGALRM`` and works where the article is processed in a process's main thread
(serial runs and the process pool on POSIX systems); elsewhere (Windows, the threads of a Dask
worker) only the load-time check applies.
"""
from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager

from .errors import ConfigError

# what the article being processed is doing, for the timeout's message
ACTIVITY = {"stage": "", "detail": ""}


class ArticleTimeout(BaseException):
    """An article exceeded its time budget (a BaseException, so no stage's ``except Exception`` hides it)."""


def note(stage: str, detail: str = "") -> None:
    ACTIVITY["stage"], ACTIVITY["detail"] = stage, detail


def detail(text: str) -> None:
    ACTIVITY["detail"] = text


def _budget_applies(seconds: float | None) -> bool:
    return bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None):
    """Raise ``ArticleTimeout`` inside the block once ``seconds`` have passed (see the module's note)."""
    if not _budget_applies(seconds):
        yield
        return

    def expired(signum, frame):
        where = ACTIVITY["stage"] or "unknown stage"
        extra = f", {ACTIVITY['detail']}" if ACTIVITY["detail"] else ""
        raise ArticleTimeout(f"time budget of {seconds:g} s exceeded in stage {where}{extra}")

    note("", "")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_pattern(pattern: str, where: str, flags: int = re.I) -> re.Pattern:
    """The compiled pattern; ConfigError naming ``where`` if it is invalid, matches the empty string,
    or nests unbounded repetition."""
    try:
        rx = re.compile(pattern, flags)
    except re.error as err:
        raise ConfigError(f"{where}: pattern is not a valid regular expression ({err})") from None
    import re._parser as sre_parse
    parsed = sre_parse.parse(pattern, flags)
    if parsed.getwidth()[0] == 0:
        raise ConfigError(f"{where}: pattern '{pattern}' can match the empty string, so it would mark every "
                          f"sentence; make some of it required")
    nested = _nested_repeat(list(parsed), inside=False)
    if nested:
        raise ConfigError(f"{where}: pattern '{pattern}' repeats without bound a part that itself repeats "
                          f"({nested}), which can take exponential time; bound the outer repeat, e.g. {{0,3}}")
    return rx


def _nested_repeat(items, inside: bool) -> str | None:
    """A description of the first repeat nested in an unbounded repeat, or None."""
    from re._constants import BRANCH, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, POSSESSIVE_REPEAT, SUBPATTERN
    for op, av in items:
        if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if inside and hi > 1:
                return "a repeat inside an unbounded repeat"
            if op is not POSSESSIVE_REPEAT:
                found = _nested_repeat(list(sub), inside or hi == MAXREPEAT)
                if found:
                    return found
        elif op is SUBPATTERN:
            found = _nested_repeat(list(av[-1]), inside)
            if found:
                return found
        elif op is BRANCH:
            for branch in av[1]:
                found = _nested_repeat(list(branch), inside)
                if found:
                    return found
    return None
