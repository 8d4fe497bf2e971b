"""Split raw article text into headline, byline and body; log every removed line with a reason.

The rules are general (no per-file cases). Lines are classified in three zones:

* the first line is the headline unless it reads as a body paragraph (more than 30 words);
  a first line that ends with a later line's text is breadcrumb navigation + headline;
* the header zone (lines after the headline, up to the first line no header rule claims):
  bylines, read-time and view counters, update stamps, breadcrumbs, repeated headlines and
  short unpunctuated lines (image captions);
* anywhere: share prompts, reader comments, spam, photo credits, bylines, and comment /
  related-posts sections (the marker and every line after it).
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

HEADLINE_MAX_WORDS = 30
CAPTION_MAX_WORDS = 8

_ROLE_BYLINE = re.compile(r"^(?:by\s+)?(?:editor|admin|staff|staff writer|reporter|correspondent|news desk|web desk|editorial team|newsroom)$", re.I)
_BYLINE = re.compile(r"^(?:by|written by|reporting by|author|posted by)\s*:?\s+(?P<name>\S.{0,60})$", re.I)
_NAME_DASH_OUTLET = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})\s+[–—|-]\s+(?P<outlet>[A-Z][\w&.'’ -]{2,50})$")
_READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.I)
_COUNTER = re.compile(r"^[\d,.]+\s*[kKmM]?\s+(?:views?|reads?|comments?|shares?|likes?)$", re.I)
_STAMP = re.compile(r"^(?:last update[ds]?|updated|published|posted)\b.{0,40}$", re.I)
_NUMBERED = re.compile(r"^\d{1,2}\.\s+\S")
_BULLET = re.compile(r"^[•·▪►»]\s*")
_SHARE = re.compile(r"^(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|print|whatsapp|facebook|twitter|linkedin|copy link)$", re.I)
_COMMENTS = re.compile(r"^(?:leave a reply|leave a comment|post comment|add a comment|\d+ comments?|comments?|join the (?:discussion|conversation)|cancel reply)$", re.I)
_RELATED = re.compile(r"^(?:related posts?|related articles?|related stories|related news|related|you may also like|recommended(?: for you)?|read more|more stories|more from [\w ]{1,30}|also read|trending now?)$", re.I)
_READER_COMMENT = re.compile(r"^[\w.-]{2,30} : \S")
_PHOTO = re.compile(r"^(?:photo|image|picture|video|file photo|photograph)(?: credit)?s?\s*:|\((?:ap|reuters|afp|getty images?)(?: photo)?[^)]{0,60}\)$|(?:getty images|/ reuters|/ afp|ap photo)$", re.I)


def _words(line: str) -> int:
    return len(line.split())


def _norm(line: str) -> str:
    return re.sub(r"[^\w]+", " ", line.lower()).strip()


def _same_headline(line: str, headline: str) -> bool:
    a, b = _norm(line), _norm_headline(headline)
    if not a or not b:
        return False
    if a == b:
        return True
    # real_quick_ratio (lengths only) and quick_ratio are upper bounds of ratio(): the same answer, faster;
    # the matcher of the headline is built once (difflib indexes its second sequence)
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < 0.8:
        return False
    sm = _headline_matcher(b)
    sm.set_seq1(a)
    return sm.quick_ratio() >= 0.8 and sm.ratio() >= 0.8


@lru_cache(maxsize=4)
def _norm_headline(headline: str) -> str:
    return _norm(headline)


@lru_cache(maxsize=4)
def _headline_matcher(headline: str) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(None, "", headline)


def _is_spam(line: str, words: int) -> bool:
    """Twenty words or more (``words``), fewer than three in ten of them distinct."""
    return words >= 20 and len(set(line.lower().split())) / words < 0.3


def _header_reason(line: str, headline: str) -> tuple[str | None, str | None]:
    """The reason a header-zone line is removed (or None), and an author name it gives."""
    text = _BULLET.sub("", line).strip()
    if headline and _same_headline(text, headline):
        return "repeated headline", None
    if _NUMBERED.match(text) and (_words(text) <= 4 or headline and _same_headline(re.sub(r"^\d+\.\s*", "", text), headline)):
        return "breadcrumb navigation", None
    if _READ_TIME.search(text) and _words(text) <= 6:
        return "read-time counter", None
    if _COUNTER.match(text):
        return "view counter", None
    if _STAMP.match(text):
        return "update stamp", None
    if _ROLE_BYLINE.match(text):
        return "byline", re.sub(r"^by\s+", "", text, flags=re.I)
    m = _BYLINE.match(text) or _NAME_DASH_OUTLET.match(text)
    if m and _words(m.group("name")) <= 6:
        return "byline", m.group("name").strip()
    if text.isupper() and _words(text) <= 3:
        return "breadcrumb navigation", None
    if _words(text) <= CAPTION_MAX_WORDS and not re.search(r"[.!?:;\"”’']$", text):
        return "image caption or header text", None
    return None, None


def _anywhere_reason(line: str) -> tuple[str | None, str | None, bool]:
    """(reason, author, starts a section whose following lines all go)."""
    if _COMMENTS.match(line):
        return "comment section", None, True
    if _RELATED.match(line):
        return "related-posts block", None, True
    if _SHARE.match(line) or re.match(r"^share this\b", line, re.I) and _words(line) <= 5:
        return "share prompt", None, False
    words = _words(line)
    if _is_spam(line, words):
        return "spam (repeated words)", None, False
    if _READER_COMMENT.match(line):
        return "reader comment", None, False
    if words <= 6 and _READ_TIME.search(line):
        return "read-time counter", None, False
    if _COUNTER.match(line):
        return "view counter", None, False
    m = _BYLINE.match(line)
    if m and _words(m.group("name")) <= 5 and not re.search(r"[.!?]$", m.group("name")):
        return "byline", m.group("name").strip(), False
    if words <= 30 and _PHOTO.search(line):
        return "image caption", None, False
    return None, None, False


def clean_article(raw: str, metadata_title: str = "") -> dict:
    """Raw text -> {headline, author, byline, body, log}; log rows are (line_no, text, reason)."""
    lines = [(i + 1, line.strip()) for i, line in enumerate(raw.split("\n"))]
    lines = [(n, t) for n, t in lines if t]
    log: list[tuple[int, str, str]] = []
    authors: list[str] = []
    bylines: list[str] = []
    headline = ""
    pos = 0
    if lines and _words(lines[0][1]) <= HEADLINE_MAX_WORDS:
        first = lines[0][1]
        headline, pos = first, 1
        # breadcrumbs + headline on one line: a later line (after at most a short header) is its tail
        split_at = None
        for j in range(1, min(len(lines), 4)):
            later = lines[j][1]
            if len(later) >= 20 and first.endswith(later) and first != later and _words(first[: -len(later)]) <= 6:
                split_at = j
                break
            if _words(later) > CAPTION_MAX_WORDS:
                break
        if split_at is None:
            log.append((lines[0][0], first, "headline (moved to the headline field)"))
        else:
            log.append((lines[0][0], first, "breadcrumb navigation"))
            headline = lines[split_at][1]
            log.extend((n, t, "header line before headline") for n, t in lines[1:split_at])
            log.append((lines[split_at][0], headline, "headline (moved to the headline field)"))
            pos = split_at + 1
    # header zone
    while pos < len(lines):
        n, text = lines[pos]
        reason, author = _header_reason(text, headline)
        if reason is None:
            break
        log.append((n, text, reason))
        if author:
            authors.append(author)
            bylines.append(text)
        pos += 1
    body_lines: list[str] = []
    section: str | None = None
    for n, text in lines[pos:]:
        if section:
            log.append((n, text, section))
            continue
        if headline and _words(text) <= HEADLINE_MAX_WORDS and _same_headline(text, headline):
            log.append((n, text, "repeated headline"))
            continue
        reason, author, starts_section = _anywhere_reason(text)
        if reason:
            log.append((n, text, reason))
            if author:
                authors.append(author)
                bylines.append(text)
            if starts_section:
                section = reason
            continue
        body_lines.append(text)
    personal = [a for a in authors if not _ROLE_BYLINE.match(a)]
    return {
        "headline": headline or metadata_title,
        "byline": " | ".join(bylines),
        "author": (personal or authors or [""])[0],
        "body": "\n\n".join(body_lines),
        "log": log,
    }
