"""The HTML report: every figure with its caption, its data and the sentences behind its numbers.

``python -m analysis report --tables DIR [--out FILE] [selection as the notebooks take it]`` writes one
self-contained page (figures embedded as PNG, no script, nothing fetched): a contents list; per section the
figures (built by ``analysis.figures``, the notebooks' builders), each with its caption and its data table;
the evidence of each comparison as keyword-in-context rows that link to the sentence they come from; an
appendix with those articles sentence by sentence (each sentence an anchor ``art-<n>-s<sentence_id>``); and the
code that redraws each figure behind a toggle. The same tables give the same bytes.

``check(path)`` is what the tests and ``--check`` assert: the page parses as XML (the markup is written
well-formed), every image is embedded, every internal link resolves and nothing points outside the page.
``screenshot(path, png)`` renders the page with a headless Chromium (``make report-check``).
"""
from __future__ import annotations

import base64
import html
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from . import compare, config, figures, plots
from .errors import ConfigError

EVIDENCE_ROWS = 60      # evidence rows shown per outlet and table; the rest are counted and named by file
KWIC_WIDTH = 70         # characters of context each side of a cue
QUOTE_CHARS = 240       # characters of a quotation shown

# (anchor, title, what the section shows, figures, evidence)
SECTIONS = (
    ("corpus", "The corpus and who is named", "Articles, words and how often each outlet names each actor.",
     ("fig1-actor-visibility",), "mentions"),
    ("quotes", "Who speaks", "Whose words each outlet quotes: quotations attributed to speakers and their actor "
     "groups.", ("fig2-quote-share-actor", "fig3-top-speakers"), "quotes"),
    ("sentiment", "Tone toward each actor", "Polarity of the text around each mention of an actor.",
     ("fig4-sentiment-by-outlet", "fig7-sentiment-methods"), "sentiment"),
    ("framing", "Sidelining and inclusion", "Sentences that frame the focal actor as excluded from or included in "
     "the negotiations, read by the framing lexicon.", ("fig5-sidelining",), "framing"),
    ("voices", "Who frames whom", "Whose words a frame or a tone is in: the journalist's, or a quoted speaker's.",
     ("fig8-voices-framing", "fig9-voices-tone"), "voices"),
    ("time", "Over time", "The focal actor's framing and quote share per period.", ("fig10-over-time",), "time"),
    ("summary", "Outlet summary", "The focal actor per outlet on the three measures at once.",
     ("fig6-outlet-summary",), None),
)

CSS = """
body{font-family:DejaVu Sans,Verdana,sans-serif;font-size:14px;line-height:1.45;max-width:1000px;margin:2em auto;
padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em}
nav ol{columns:2}figure{margin:1.5em 0}figure img{max-width:100%;border:1px solid #eee}
figcaption{font-size:.92em;color:#333}table{border-collapse:collapse;font-size:.82em;margin:.5em 0}
th,td{border:1px solid #ddd;padding:2px 5px;vertical-align:top;text-align:left}th{background:#f3f3f3}
td.l{text-align:right;color:#555}td.c{font-weight:bold;white-space:nowrap}details{margin:.4em 0}
summary{cursor:pointer;color:#0b5394}pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:.85em}
.meta{color:#555}.s{padding:1px 0}.s sup{color:#999;font-size:.7em}.s.framed{background:#fff2cc}
.s:target{background:#ffd966;outline:1px solid #c90}.note{color:#666;font-size:.85em}
"""


def _e(value) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value))


def _table(df: pd.DataFrame, digits: int = 3) -> str:
    """A data frame as an HTML table, numbers rounded, nothing interpreted as markup."""
    df = df.copy()
    for c in df.columns:
        if pd.api.types.is_float_dtype(df[c]):
            df[c] = df[c].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}".rstrip("0").rstrip("."))
    head = "".join(f"<th>{_e(c)}</th>" for c in df.columns)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>"
                   for row in df.itertuples(index=False, name=None))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Anchors:
    """Anchors of the articles' sentences: ``art-<n>`` (n: the article's row in the articles table) and
    ``art-<n>-s<sentence_id>``; remembers which articles the evidence cites (the appendix prints those)."""

    def __init__(self, articles: pd.DataFrame):
        self.number = {aid: i for i, aid in enumerate(articles["article_id"])}
        self.cited: set[str] = set()

    def link(self, article_id: str, sentence_id: int) -> str:
        sid, n = int(sentence_id), self.number[article_id]
        self.cited.add(article_id)
        if sid < 0:  # a quotation that starts between sentences: the article
            return f'<a href="#art-{n}">{n}</a>'
        return f'<a href="#art-{n}-s{sid}">{n}:{sid}</a>'


def _evidence(rows: pd.DataFrame, anchors: _Anchors, columns: list[tuple[str, str]], source: str,
              order: list[str], caption: str) -> str:
    """Per outlet, a table of rows with a link to each row's sentence; ``columns``: (column, heading)."""
    parts = []
    for outlet in order:
        g = rows[rows["outlet"] == outlet]
        if g.empty:
            continue
        shown = g.head(EVIDENCE_ROWS)
        head = "<th>sentence</th>" + "".join(f'<th colspan="3">{_e(h)}</th>' if col == "kwic" else f"<th>{_e(h)}</th>"
                                             for col, h in columns)
        body = []
        for r in shown.to_dict("records"):
            cells = [f"<td>{anchors.link(r['article_id'], r['sentence_id'])}</td>"]
            for col, _ in columns:
                if col == "kwic":
                    cells.append(f'<td class="l">{_e(r["left"])}</td><td class="c">{_e(r["cue"])}</td>'
                                 f'<td>{_e(r["right"])}</td>')
                else:
                    value = r[col]
                    cells.append(f"<td>{_e(f'{value:.3f}' if isinstance(value, float) and pd.notna(value) else value)}"
                                 f"</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        more = (f'<p class="note">{len(g) - len(shown)} more rows of {_e(outlet)} in {_e(source)}.</p>'
                if len(g) > len(shown) else "")
        parts.append(f"<h4>{_e(outlet)}: {len(g)} {caption}</h4><table><thead><tr>{head}</tr></thead><tbody>"
                     f"{''.join(body)}</tbody></table>{more}")
    if not parts:
        return '<p class="note">No rows.</p>'
    return "".join(parts)


def _framing_evidence(tables, p, anchors, outlets) -> str:
    f = compare.framed_sentences(tables["framing"])
    f = f[f["actor"] == p.focal_actor]
    out = [f"<h3>Evidence: the framed sentences of {_e(p.focal_actor)}</h3><p class=\"note\">One row per sentence "
           f"and frame, as figure 5 counts them (of a sentence's cues, the first by kind, the journalist's before a "
           f"quotation's); link: article:sentence in the appendix. Every cue of every actor is in framing.csv.</p>"]
    for frame in ("exclusion", "inclusion"):
        rows = compare.concordance(f[f["frame"] == frame], KWIC_WIDTH)
        rows = rows.assign(kind=f.loc[f["frame"] == frame, "kind"].to_numpy(),
                           by=compare.voice_of(f[f["frame"] == frame]).to_numpy())
        out.append(f"<h3>{frame.capitalize()}</h3>")
        out.append(_evidence(rows, anchors, [("kwic", "context"), ("kind", "kind"), ("by", "voice"),
                                             ("rule", "rule")], "framing.csv", outlets, f"{frame} sentences"))
    return "".join(out)


def _quote_evidence(tables, p, anchors, outlets) -> str:
    q = tables["quotes"]
    q = q[q["kind"].isin(compare.QUOTED_KINDS)].copy()
    q["sentence_id"] = compare.quote_sentences(q, tables["sentences"])
    q["speaker"] = q["speaker"].fillna("").replace("", "(unattributed)")
    q["speaker_actor"] = q["speaker_actor"].fillna("").replace("", "(unknown)")
    q["quotation"] = q["text"].map(lambda t: t if len(t) <= QUOTE_CHARS else t[:QUOTE_CHARS] + " …")
    head = ("<h3>Evidence: the quotations</h3><p class=\"note\">Direct and partial quotations, as figures 2 and 3 "
            "count them, in article order; words: the quotation's words, the unit of the shares. Reported speech "
            "(kind indirect) is in quotes.csv and not counted in the shares.</p>")
    return head + _evidence(q, anchors, [("speaker", "speaker"), ("speaker_actor", "actor group"), ("kind", "kind"),
                                         ("n_words", "words"), ("quotation", "quotation")], "quotes.csv", outlets,
                            "quotations")


def _sentiment_evidence(tables, p, anchors, outlets) -> str:
    s = tables["sentiment"]
    s = s[(s["method"] == p.method) & (s["actor"] == p.focal_actor) & s["polarity"].notna()]
    s = s.assign(by=compare.voice_of(s)).sort_values(["outlet", "polarity", "article_id", "sentence_id"],
                                                     kind="stable")
    head = (f"<h3>Evidence: the scored windows of {_e(p.focal_actor)} ({_e(p.method)})</h3><p class=\"note\">The "
            f"rows figure 4 averages for {_e(p.focal_actor)}, most negative first; window: the text the method "
            f"scored. Every actor and method is in sentiment.csv.</p>")
    return head + _evidence(s, anchors, [("polarity", "polarity"), ("label", "label"), ("by", "voice"),
                                         ("window_text", "window")], "sentiment.csv", outlets, "scored rows")


def _mention_evidence(tables, p, anchors, outlets) -> str:
    m = tables["mentions"]
    m = m[m["actor"] == p.focal_actor]
    sents = tables["sentences"][["article_id", "sentence_id", "start", "text"]].rename(
        columns={"start": "s_start", "text": "sentence"})
    m = m.merge(sents, on=["article_id", "sentence_id"], how="left")
    m["outlet"] = m["article_id"].map(dict(zip(tables["articles"]["article_id"], tables["articles"]["outlet"])))
    rel = (m["start"] - m["s_start"]).astype(int)
    m = m.assign(left=[t[max(0, r - KWIC_WIDTH):r] for t, r in zip(m["sentence"], rel)], cue=m["text"],
                 right=[t[r + e - s:r + e - s + KWIC_WIDTH] for t, r, s, e in zip(m["sentence"], rel, m["start"],
                                                                                   m["end"])])
    head = (f"<h3>Evidence: the mentions of {_e(p.focal_actor)}</h3><p class=\"note\">The mentions figure 1 counts "
            f"for {_e(p.focal_actor)}, in article order; alias: the actors file's name that matched. Every actor's "
            f"mentions are in mentions.csv.</p>")
    return head + _evidence(m, anchors, [("kwic", "context"), ("person", "person"), ("alias", "alias")],
                            "mentions.csv", outlets, "mentions")


def _voices_evidence(tables, p, anchors, outlets) -> str:
    """The frames and scored windows of the focal actor in quoted words, with who speaks: what figures 8 and 9
    count for the speaker groups (the journalist's rows are the framing and tone evidence above)."""
    f = tables["framing"]
    f = f[(f["actor"] == p.focal_actor) & (f["voice"] == "quoted")].drop_duplicates(
        ["article_id", "sentence_id", "actor", "frame", "speaker_actor"])
    rows = compare.concordance(f, KWIC_WIDTH).assign(frame=f["frame"].to_numpy(), speaker=f["speaker"].to_numpy(),
                                                     by=compare.voice_of(f).to_numpy())
    s = tables["sentiment"]
    s = s[(s["method"] == p.method) & (s["actor"] == p.focal_actor) & s["polarity"].notna() & (s["voice"] == "quoted")]
    s = s.assign(by=compare.voice_of(s)).sort_values(["outlet", "by", "polarity", "article_id", "sentence_id"],
                                                     kind="stable")
    return (f"<h3>Evidence: {_e(p.focal_actor)} framed in quotations</h3><p class=\"note\">One row per sentence, "
            f"frame and speaker group, as figure 8 counts the speakers' frames; voice: the speaker's actor group."
            f"</p>" + _evidence(rows, anchors, [("kwic", "context"), ("frame", "frame"), ("by", "voice"),
                                                ("speaker", "speaker")], "framing.csv", outlets, "quoted frames")
            + f"<h3>Evidence: the tone toward {_e(p.focal_actor)} in quotations ({_e(p.method)})</h3><p class=\"note\">"
              f"The quoted rows figure 9 averages per speaker group, most negative first.</p>"
            + _evidence(s, anchors, [("by", "voice"), ("polarity", "polarity"), ("label", "label"),
                                     ("window_text", "window")], "sentiment.csv", outlets, "quoted scored rows"))


def _time_evidence(tables, p, anchors, outlets) -> str:
    """The framed sentences of the focal actor with the period each falls in (what figure 10's rates count)."""
    arts = tables["articles"]
    starts, period = compare.period_starts(arts["date"], p.period)
    period_of = dict(zip(arts["article_id"], starts))
    f = compare.framed_sentences(tables["framing"])
    f = f[f["actor"] == p.focal_actor]
    f = f.assign(_p=f["article_id"].map(period_of).fillna("")).sort_values(["outlet", "_p"], kind="stable")
    f = f[f["_p"] != ""]
    rows = compare.concordance(f, KWIC_WIDTH).assign(period=f["_p"].to_numpy(), frame=f["frame"].to_numpy())
    return (f"<h3>Evidence: the framed sentences of {_e(p.focal_actor)} by {_e(period)}</h3><p class=\"note\">The "
            f"sentences behind figure 10's exclusion and inclusion rates, by the {_e(period)} they fall in (its first "
            f"day); the quotations behind its quote share are in the quotation evidence above.</p>"
            + _evidence(rows, anchors, [("period", period), ("frame", "frame"), ("kwic", "context")], "framing.csv",
                        outlets, "framed sentences"))


EVIDENCE = {"mentions": _mention_evidence, "framing": _framing_evidence, "quotes": _quote_evidence,
            "sentiment": _sentiment_evidence, "voices": _voices_evidence, "time": _time_evidence}


def _figure(name: str, number: int, tables, p) -> str:
    fig, data = figures.build(name, tables, p)
    png = base64.b64encode(plots.figure_bytes(fig, "png")).decode("ascii")
    plt.close(fig)
    code = (f"from analysis import figures, session\ns = session.open_tables(\"TABLES\", focal_actor={p.focal_actor!r}, "
            f"method={p.method!r})\nfigures.make({name!r}, s.tables, s.params)   # writes {name}.png/.svg/.pdf/.csv")
    return (f'<figure id="{name}"><img src="data:image/png;base64,{png}" alt="Figure {number}: {_e(name)}"/>'
            f"<figcaption><b>Figure {number} ({_e(name)}).</b> {_e(figures.caption(name, tables, p))}</figcaption>"
            f"</figure><details><summary>Data of figure {number} ({len(data)} rows)</summary>{_table(data)}</details>"
            f"<details><summary>Code of figure {number}</summary><pre>{_e(code)}</pre></details>")


def _corpus_table(tables, outlets) -> str:
    a = tables["articles"]
    rows = []
    for o in outlets:
        g = a[a["outlet"] == o]
        dates = g["date"].fillna("").astype(str).str[:10]
        dates = dates[dates != ""]
        rows.append({"outlet": o, "articles": len(g), "words": int(g["n_words"].sum()),
                     "first date": dates.min() if len(dates) else "", "last date": dates.max() if len(dates) else "",
                     "quotations": int(tables["quotes"]["outlet"].eq(o).sum()),
                     "framing rows": int(tables["framing"]["outlet"].eq(o).sum())})
    return _table(pd.DataFrame(rows))


def _appendix(tables, anchors: _Anchors) -> str:
    a = tables["articles"].set_index("article_id")
    sents = tables["sentences"]
    framed = set(zip(tables["framing"]["article_id"], tables["framing"]["sentence_id"]))
    out = []
    for aid in sorted(anchors.cited, key=anchors.number.get):
        n, art = anchors.number[aid], a.loc[aid]
        out.append(f'<article id="art-{n}"><h3>{n}. {_e(art["headline"]) or _e(aid)}</h3><p class="meta">'
                   f"{_e(art['outlet'])} · {_e(art['date'])} · article_id {_e(aid)} · {_e(art['source_path'])}</p>")
        paragraph, buf = None, []
        for s in sents[sents["article_id"] == aid].itertuples(index=False):
            if s.paragraph_id != paragraph and buf:
                out.append("<p>" + " ".join(buf) + "</p>")
                buf = []
            paragraph = s.paragraph_id
            cls = "s framed" if (aid, s.sentence_id) in framed else "s"
            buf.append(f'<span class="{cls}" id="art-{n}-s{s.sentence_id}"><sup>{s.sentence_id}</sup> {_e(s.text)}'
                       f"</span>")
        if buf:
            out.append("<p>" + " ".join(buf) + "</p>")
        out.append("</article>")
    return "".join(out)


def render(tables: dict, p: figures.Params, folder: str, outlets: list[str]) -> str:
    """The report of the tables ``tables`` (already selected, as ``session.open_tables`` gives them)."""
    anchors = _Anchors(tables["articles"])
    body, contents, number = [], [], 0
    for anchor, title, what, names, evidence in SECTIONS:
        contents.append(f'<li><a href="#{anchor}">{_e(title)}</a></li>')
        body.append(f'<section id="{anchor}"><h2>{_e(title)}</h2><p>{_e(what)}</p>')
        if anchor == "corpus":
            body.append(_corpus_table(tables, outlets))
        for name in names:
            number = int(name[3:name.index("-")])
            body.append(_figure(name, number, tables, p))
        if evidence:
            body.append(EVIDENCE[evidence](tables, p, anchors, outlets))
        body.append("</section>")
    validity = "".join(f"<li><b>{_e(k)}</b>: {_e(v)}</li>" for k, v in figures.VALIDITY.items())
    body.append(f'<section id="validity"><h2>How far each measure can be trusted</h2><ul>{validity}</ul><p>The '
                f"numbers come from the README's evaluation section (`python -m analysis evaluate ...`).</p></section>")
    contents.append('<li><a href="#validity">How far each measure can be trusted</a></li>')
    body.append(f'<section id="articles"><h2>Appendix: the articles cited</h2><p class="note">Every article the '
                f"evidence cites, sentence by sentence (superscript: sentence id; shaded: a framing cue).</p>"
                f"{_appendix(tables, anchors)}</section>")
    contents.append('<li><a href="#articles">Appendix: the articles cited</a></li>')
    command = (f"python -m analysis run --out {folder} ...\npython -m analysis report --tables {folder} "
               f"--focal-actor {p.focal_actor!r} --method {p.method}")
    body.append(f'<section id="code"><h2>Appendix: how this report was made</h2><pre>{_e(command)}</pre><p>Each '
                f"figure's code is under it (\"Code of figure\"); the notebooks in notebooks/ draw the same figures "
                f"from the same tables.</p></section>")
    contents.append('<li><a href="#code">Appendix: how this report was made</a></li>')
    arts = tables["articles"]
    meta = (f"Tables: {_e(folder)} · {len(arts)} articles of {len(outlets)} outlets · focal actor "
            f"{_e(p.focal_actor)} · sentiment method {_e(p.method)} · actors: "
            f"{_e(', '.join(tables['actors']['actor']))}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Media framing report: "
            f"{_e(Path(folder).name)}</title><style>{CSS}</style></head><body><h1>Media framing report: "
            f"{_e(Path(folder).name)}</h1><p class=\"meta\">{meta}</p><nav id=\"contents\"><h2>Contents</h2><ol>"
            f"{''.join(contents)}</ol></nav>{''.join(body)}</body></html>\n")


def write(folder, out="report/report.html", **selection) -> Path:
    """Open the tables as a notebook does (``session.open_tables``, same parameters) and write the report;
    written to a temporary file first, so that a failed report never leaves a half page."""
    from . import session
    s = session.open_tables(folder, formats=("png",), **selection)
    shown = Path(folder).resolve()
    shown = shown.relative_to(config.ROOT) if shown.is_relative_to(config.ROOT) else Path(folder)
    page = render(s.tables, s.params, str(shown), s.outlets)   # the same page wherever the project lies
    from .run.store import atomic_write
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, page.encode("utf-8"))
    return out


def check(path) -> dict:
    """Parse the page and check it: images embedded (PNG data), internal links resolved, no external
    reference. Returns counts; raises ConfigError naming the first problem."""
    path = Path(path)
    try:
        root = ET.fromstring(path.read_text(encoding="utf-8"))
    except ET.ParseError as err:
        raise ConfigError(f"{path}: the page does not parse ({err})") from None
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    known = set(ids)
    if len(ids) != len(known):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise ConfigError(f"{path}: the id '{dup}' is used twice")
    images, links = 0, 0
    for el in root.iter():
        src, href = el.get("src"), el.get("href")
        if el.tag == "img":
            images += 1
            if not (src or "").startswith("data:image/png;base64,") or \
                    not base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n":
                raise ConfigError(f"{path}: an image is not embedded as PNG data ({(src or '')[:60]})")
        elif src:
            raise ConfigError(f"{path}: <{el.tag}> loads '{src[:60]}' from outside the page")
        if href is not None:
            links += 1
            if not href.startswith("#") or href[1:] not in known:
                raise ConfigError(f"{path}: the link '{href}' does not lead to a place in the page")
    return {"images": images, "links": links, "ids": len(ids)}


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome", "headless_shell")


def screenshot(path, png, height: int = 6000) -> Path:
    """Render the page with a headless Chromium ($CHROMIUM, or one on PATH) into ``png``."""
    browser = os.environ.get("CHROMIUM") or next((b for b in map(shutil.which, BROWSERS) if b), None)
    if not browser:
        raise ConfigError("no Chromium found (set CHROMIUM or install one: `apt-get install chromium` on "
                          "Debian/Ubuntu); the report itself does not need it")
    path, png = Path(path).resolve(), Path(png).resolve()
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
               "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}",
               "--hide-scrollbars", f"--window-size=1100,{height}", f"--screenshot={png}", path.as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not png.is_file():
        raise ConfigError(f"{browser} could not render {path}: {done.stderr.strip()[-300:]}")
    return png
