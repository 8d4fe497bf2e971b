from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "data" / "corpora" / "ukraine_talks"
ACTORS = ROOT / "data" / "actors" / "ukraine_talks.yml"

SEED = {"000": "000_4d342d756823a7b9", "001": "001_e1f9903dc677269f", "002": "002_83cc40f3c48c89aa",
        "003": "003_76d8c9e53e45d6fa", "004": "004_fc02664054af1738"}


@pytest.fixture(scope="session")
def tables():
    from analysis.run import analyse
    return analyse(CORPUS, ACTORS, methods=("textblob", "vader", "trained"))


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory):
    """The --out folder of a run of the bundled corpus with every method (what the notebooks read)."""
    from analysis.run import run
    out = tmp_path_factory.mktemp("bundled") / "tables"
    run(CORPUS, ACTORS, out, quiet=True, methods=("textblob", "vader", "trained"))
    return out


@pytest.fixture(scope="session")
def actors():
    from analysis.actors import load_actors
    return load_actors(ACTORS)


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
