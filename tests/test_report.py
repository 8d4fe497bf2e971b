"""The HTML report of the bundled corpus: it parses, holds its figures, its links resolve, and its evidence
is the sentences behind the figures' numbers (counted by hand from the seed articles)."""
import re
import xml.etree.ElementTree as ET

import pytest

from analysis import report
from analysis.__main__ import main
from analysis.errors import ConfigError


@pytest.fixture(scope="module")
def page(run_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    report.write(run_dir, out)
    return out


def _section(root, anchor):
    return next(el for el in root.iter("section") if el.get("id") == anchor)


def _text(el) -> str:
    return "".join(el.itertext())


def test_report_parses_embeds_and_links(page):
    counts = report.check(page)
    assert counts["images"] == 10           # fig1 ... fig10, each a PNG inside the page
    root = ET.fromstring(page.read_text(encoding="utf-8"))
    contents = [a.get("href") for a in next(el for el in root.iter("nav")).iter("a")]
    assert contents[:4] == ["#corpus", "#quotes", "#sentiment", "#framing"]
    assert not list(root.iter("script"))    # nothing runs, nothing is fetched
    assert all(code.text.startswith("from analysis import figures") for code in root.iter("pre")
               if "figures.make" in (code.text or ""))


def test_framing_evidence_is_what_figure_5_counts(page):
    root = ET.fromstring(page.read_text(encoding="utf-8"))
    framing = _section(root, "framing")
    headings = [_text(h) for h in framing.iter("h4")]
    # Outlet 001 (seed 001): Ukraine framed as excluded in sentences 0, 1, 2, 4, 8, 12, 14, 15 and as included
    # in 3 ("Ukraine will participate") and 4 ("connected with Ukraine's involvement")
    assert "Outlet 001: 8 exclusion sentences" in headings
    assert "Outlet 001: 2 inclusion sentences" in headings
    # sentence 1 holds Peskov's quoted "main counterpart" and the journalist's "sidelining Kyiv": the row is
    # the journalist's cue, and its link leads to that sentence in the appendix
    row = next(tr for tr in framing.iter("tr") if tr.find("td/a") is not None and tr.find("td/a").text == "1:1")
    cells = [_text(td) for td in row.iter("td")]
    assert cells[2] == "sidelining" and "journalist" in cells
    target = next(el for el in root.iter() if el.get("id") == row.find("td/a").get("href")[1:])
    assert "sidelining Kyiv in the negotiations" in _text(target)


def test_voices_and_time_evidence(page):
    root = ET.fromstring(page.read_text(encoding="utf-8"))
    voices = _section(root, "voices")
    headings = [_text(h) for h in voices.iter("h4")]
    # Outlet 001's quoted frames of Ukraine: Peskov's main counterpart (headline 0, lead 1, sentence 2), his
    # "will participate" (3), bilateral track and involvement (4: one exclusion, one inclusion), Zelensky's
    # "without us" (12, 14): 8; Outlet 002 relays Peskov (3, 4, 5 and the inclusions of 4 and 5)
    assert "Outlet 001: 8 quoted frames" in headings
    rows = [[_text(td) for td in tr.iter("td")] for tr in voices.iter("tr")]
    peskov = [r for r in rows if r and r[0].startswith("2:") and r[-1] == "Dmitry Peskov"]
    assert any(r[0] == "2:4" and "inclusion" in r and "Russia" in r for r in peskov)
    # Outlet 001's journalist's "sidelining Kyiv" (1) is not a quoted frame of the journalist
    assert not any(r and r[0] == "1:1" and "journalist" in r for r in rows)
    time = _section(root, "time")
    # the seeds span February to December 2025: weeks; Egypt Daily News (seed 000, 2025-12-03) frames Ukraine as
    # excluded in sentences 0, 1, 2 and 16, all in the week of Monday 2025-12-01
    assert "Egypt Daily News: 4 framed sentences" in [_text(h) for h in time.iter("h4")]
    week = [[_text(td) for td in tr.iter("td")][:3] for tr in time.iter("tr")]
    assert ["0:16", "2025-12-01", "exclusion"] in week


def test_mention_evidence_is_what_figure_1_counts(page):
    root = ET.fromstring(page.read_text(encoding="utf-8"))
    corpus = _section(root, "corpus")
    # seed 001 names Ukraine 13 times: Ukraine (sentences 0, 1, 3, 4, 6, 8, 14), Kyiv (1), Ukrainian (10, 15),
    # Volodymyr Zelensky (10), Zelensky (11, 12); fig1's label for Outlet 001 and Ukraine
    assert "Outlet 001: 13 mentions" in [_text(h) for h in corpus.iter("h4")]
    rows = [[_text(td) for td in tr.iter("td")] for tr in corpus.iter("tr")]
    # 70 characters of context each side, within the sentence
    assert ["1:1", "in forthcoming peace talks to end its invasion of Ukraine, sidelining ", "Kyiv",
            " in the negotiations.", "", "Kyiv"] in rows


def test_quote_evidence_counts_and_escaping(run_dir, tmp_path):
    from analysis import session
    s = session.open_tables(run_dir)
    sents = s.tables["sentences"]
    sents.loc[sents.index[1], "text"] = "<b>bold</b> & \"quoted\""   # markup in the text stays text
    page = tmp_path / "r.html"
    page.write_text(report.render(s.tables, s.params, "tables", s.outlets), encoding="utf-8")
    report.check(page)
    html = page.read_text(encoding="utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in html and "<b>bold</b>" not in html
    quotes = _section(ET.fromstring(html), "quotes")
    # Egypt Daily News: six direct and partial quotations (fig2's n=6), Outlet 004 none
    assert "Egypt Daily News: 6 quotations" in [_text(h) for h in quotes.iter("h4")]
    assert not any(_text(h).startswith("Outlet 004") for h in quotes.iter("h4"))


def test_report_is_byte_identical(run_dir, page, tmp_path):
    again = report.write(run_dir, tmp_path / "again.html")
    assert again.read_bytes() == page.read_bytes()


def test_check_names_a_broken_page(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text('<html><body><a href="#nowhere">x</a></body></html>')
    with pytest.raises(ConfigError, match="'#nowhere' does not lead"):
        report.check(bad)
    bad.write_text('<html><body><img src="https://example.org/x.png"/></body></html>')
    with pytest.raises(ConfigError, match="not embedded"):
        report.check(bad)
    bad.write_text('<html><body><p>unclosed</body></html>')
    with pytest.raises(ConfigError, match="does not parse"):
        report.check(bad)


def test_report_command(run_dir, tmp_path, capsys):
    out = tmp_path / "r" / "report.html"
    assert main(["report", "--tables", str(run_dir), "--out", str(out), "--outlets", "Outlet 001,Outlet 002"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "2 articles of 2 outlets" in html and not re.search(r"<h4>Outlet 003", html)
    assert main(["report", "--tables", str(tmp_path / "missing"), "--out", str(out)]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == html          # the earlier page is untouched
