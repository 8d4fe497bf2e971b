"""docs/tables.md documents every column of every table a run writes, and is in sync with its source."""
import pandas as pd

from analysis.columns import DOCS, PASSED_THROUGH, markdown, undocumented
from conftest import ROOT


def test_docs_page_is_generated_from_the_source():
    assert (ROOT / "docs" / "tables.md").read_text(encoding="utf-8") == markdown()


def test_every_schema_column_is_described():
    assert undocumented() == []


def test_every_file_of_a_run_is_described_column_by_column(run_dir):
    files = sorted(p.stem for p in run_dir.glob("*.csv"))
    assert files == sorted(DOCS)
    for name in files:
        header = list(pd.read_csv(run_dir / f"{name}.csv", nrows=0).columns)
        documented = list(DOCS[name][1])
        if name == "articles":  # metadata columns of the corpus follow the schema's
            assert set(header) - set(documented) <= set(PASSED_THROUGH), name
            header = [c for c in header if c not in PASSED_THROUGH]
        assert header == documented, name
