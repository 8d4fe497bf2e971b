"""The framing mechanism is not fitted to the Ukraine seeds: NewsWCL50 event 0 (April 2018, five US
outlets on Pompeo's secret visit to Pyongyang and Abe at Mar-a-Lago) with its own actors file and a
five-cue lexicon written for that event (tests/data/). Expected frames were read off the articles."""
import shutil

import pandas as pd
import pytest

from analysis.compare import framing_by_outlet
from analysis.run import run
from conftest import ROOT, SHARED, need_shared

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def event0(tmp_path_factory):
    src = need_shared(SHARED / "corpora" / "newswcl50")
    d = tmp_path_factory.mktemp("ev0")
    meta = pd.read_csv(src / "metadata.csv")
    meta = meta[meta["event"] == 0]
    (d / "articles").mkdir()
    for p in meta["path"]:
        shutil.copy(src / p, d / p)
    meta.to_csv(d / "metadata.csv", index=False)
    run(d, DATA / "newswcl50_event0_actors.yml", d / "out", quiet=True, methods=("textblob",),
        lexicon=DATA / "newswcl50_event0_lexicon.yml")
    return {t: pd.read_csv(d / "out" / f"{t}.csv", keep_default_na=False) for t in ("framing", "articles")}


def _hits(f, article, cue):
    g = f[(f["article_id"] == article) & (f["cue"] == cue)]
    return sorted(zip(g["actor"], g["frame"]))


def test_direct_talks_leave_out_japan_and_south_korea_in_every_outlet(event0):
    f = event0["framing"]
    # 0_L "the United States was in direct talks with North Korea"; 0_LL "direct talks between U.S. President
    # Donald Trump and Kim"; 0_R "the U.S. and North Korea are holding direct talks"; 0_RR Trump's quoted
    # "direct talks at very high levels" ... with North Korea
    for art in ("0_L", "0_LL", "0_R", "0_RR"):
        assert _hits(f, art, "direct talks") == [("Japan", "exclusion"), ("South Korea", "exclusion")], art
    rr = f[(f["article_id"] == "0_RR") & (f["cue"] == "direct talks")]
    assert set(rr["voice"]) == {"quoted"} and set(rr["speaker"]) == {"Donald Trump"}
    # 0_M's "direct talks" quote has no attributed speaker, so only one side (North Korea) is known and the
    # four-party actors file leaves the excluded side undetermined: no row
    assert _hits(f, "0_M", "direct talks") == []
    # the two sides themselves are never framed as excluded; a requirement that they take part ("It has to
    # involve the United States and China") is a frame of kind demand, which the annotation rules count as
    # implied absence and which a researcher can leave out by kind
    sides = f[(f["frame"] == "exclusion") & f["actor"].isin(["North Korea", "United States"])]
    assert list(zip(sides["article_id"], sides["actor"], sides["kind"])) == [("0_L", "United States", "demand")]


def test_sidelined_japan_and_inclusion_cues(event0):
    f = event0["framing"]
    # 0_M: Govella said Abe arrived "hoping to combat perceptions that Japan has been sidelined ... and
    # reestablish his country as an important partner of the United States."
    assert _hits(f, "0_M", "sidelined") == [("Japan", "exclusion")]
    assert _hits(f, "0_M", "important partner") == [("Japan", "inclusion")]
    # 0_L: "It has to involve the United States and China as well"; "That could involve pulling troops out"
    # names no actor and gives no row
    assert _hits(f, "0_L", "involve") == [("United States", "exclusion")]   # a demand (kind demand)
    assert len(f) == 11


def test_outlet_index_for_japan(event0):
    t = framing_by_outlet(event0["framing"], event0["articles"], actors=["Japan"]).set_index("outlet")
    assert t.loc["New York Times", "sidelining_index"] == 1.0      # 1 exclusion, 0 inclusion
    assert t.loc["USA Today", "exclusion"] == 1 and t.loc["USA Today", "inclusion"] == 1
    assert t.loc["USA Today", "sidelining_index"] == 0.0
    assert t["exclusion"].sum() == 5
